/// Mean and median over individual selections, each scored by its column: how the source summarises a
/// multi-select grid row. The median is the ordinary one (the mean of the two middle values for an even count).
package struct SelectionStatistics: Sendable {
    package let mean: Double?
    package let median: Double?

    package init(counts: [Int], scores: [Double]) {
        let stats = CountStatistics(zip(scores, counts).map { (score: $0, count: $1) })
        mean = stats?.mean
        median = stats?.median
    }
}
