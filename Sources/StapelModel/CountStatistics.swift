/// Mean and ordinary median of whole answers, each scored: the median is the middle answer, or the mean of the
/// two middle answers for an even count. Shared by grid rows (answers per scale point) and multi-select rows
/// (selections per column).
struct CountStatistics {
    let mean: Double
    let median: Double

    /// `nil` when there is no answer with a count above zero.
    init?(_ scored: [(score: Double, count: Int)]) {
        let answers = scored.filter { $0.count > 0 }.sorted { $0.score < $1.score }
        let total = answers.map(\.count).reduce(0, +)
        guard total > 0 else { return nil }
        mean = answers.map { $0.score * Double($0.count) }.reduce(0, +) / Double(total)
        func value(at rank: Int) -> Double {   // 1-based rank in ascending score order
            var seen = 0
            for answer in answers {
                seen += answer.count
                if seen >= rank { return answer.score }
            }
            return answers[answers.count - 1].score
        }
        median = total % 2 == 1 ? value(at: total / 2 + 1) : (value(at: total / 2) + value(at: total / 2 + 1)) / 2
    }
}
