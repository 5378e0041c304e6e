/// Mean and median of a distribution of percents over a scale, as the source computes them: over the scored
/// points only, weighting each point's score by its share.
package struct ScaleStatistics: Sendable {
    package let mean: Double
    /// The median's possible values: one score, or two when the cumulative share sits at 50 % within rounding.
    package let medianCandidates: [Double]
    /// How far the mean may move because each printed percent was rounded (±0.05 points per cell).
    package let meanNoise: Double

    package init?(percents: [Double], scale: Scale) {
        let scored = scale.points.indices.compactMap { i -> (score: Double, share: Double)? in
            guard let s = scale.points[i].score, i < percents.count else { return nil }
            return (s, percents[i])
        }
        let total = scored.map(\.share).reduce(0, +)
        guard total > 0 else { return nil }
        let mean = scored.map { $0.score * $0.share }.reduce(0, +) / total
        self.mean = mean
        // Rounding each cell by up to 0.05 points (0.1 for largest remainder; 0.05 covers the usual case)
        // moves the mean by at most this much.
        self.meanNoise = scored.map { 0.05 * abs($0.score - mean) }.reduce(0, +) / total
        let ascending = scored.sorted { $0.score < $1.score }
        var cumulative = 0.0
        var candidates: [Double] = []
        let half = total / 2
        let noise = 0.05 * Double(scored.count)
        for (i, point) in ascending.enumerated() {
            cumulative += point.share
            if cumulative >= half - noise {
                candidates.append(point.score)
                if cumulative <= half + noise, i + 1 < ascending.count {
                    // At 50 % within rounding: the median may be this point, the next, or their midpoint.
                    let next = ascending[i + 1].score
                    candidates += [(point.score + next) / 2, next]
                }
                break
            }
        }
        self.medianCandidates = candidates
    }

    /// Exact statistics from whole counts per point: the mean, and the ordinary median over the answers
    /// (the mean of the two middle answers for an even count).
    package init?(counts: [Int], scale: Scale) {
        let scored = scale.points.indices.compactMap { i -> (score: Double, count: Int)? in
            guard let s = scale.points[i].score, i < counts.count else { return nil }
            return (s, counts[i])
        }
        guard let stats = CountStatistics(scored) else { return nil }
        mean = stats.mean
        meanNoise = 0
        medianCandidates = [stats.median]
        isExact = true
    }

    /// True when computed from whole counts rather than rounded percents.
    package private(set) var isExact = false

    /// True when `printed` (one decimal) is the mean rounded half up; from percents, allowing for their rounding.
    package func meanMatches(_ printed: Double) -> Bool {
        if isExact { return abs(Rounding.halfUp(mean, decimals: 1) - printed) < 1e-9 }
        return abs(mean - printed) <= 0.05 + meanNoise + Validator.epsilon
    }

    package func medianMatches(_ printed: Double) -> Bool {
        medianCandidates.contains { abs($0 - printed) < 0.05 }
    }
}
