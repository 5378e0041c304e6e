/// Mean and median over individual selections, each scored by its column: how the source summarises a
/// multi-select grid row. The median is the ordinary one (the mean of the two middle values for an even count).
public struct SelectionStatistics: Sendable {
    public let mean: Double?
    public let median: Double?

    public init(counts: [Int], scores: [Double]) {
        let pairs = zip(scores, counts).filter { $0.1 > 0 }.sorted { $0.0 < $1.0 }
        let total = pairs.map(\.1).reduce(0, +)
        guard total > 0 else {
            mean = nil
            median = nil
            return
        }
        mean = pairs.map { $0.0 * Double($0.1) }.reduce(0, +) / Double(total)
        func value(at rank: Int) -> Double {   // rank is 1-based
            var seen = 0
            for (score, count) in pairs {
                seen += count
                if seen >= rank { return score }
            }
            return pairs.last!.0
        }
        median = total % 2 == 1 ? value(at: total / 2 + 1) : (value(at: total / 2) + value(at: total / 2 + 1)) / 2
    }
}
