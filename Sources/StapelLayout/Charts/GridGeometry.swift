import StapelModel

/// Where each scale point's segment goes in a grid bar: stacked from the left in scale order, or diverging
/// from the midpoint with low scores left, high scores right and the middle point of an odd scale split
/// across the centre. Offsets and widths are in percent; not-applicable points follow the scale after a gap.
struct GridGeometry {
    let scale: Scale
    let diverging: Bool
    /// Scored points in printed order.
    let scored: [Int]
    /// Scored points from the lowest score to the highest.
    let ascending: [Int]

    init(scale: Scale, layout: GridLayout) {
        self.scale = scale
        self.diverging = layout == .diverging
        let scored = scale.applicableIndices
        self.scored = scored
        let scores = scored.map { scale.points[$0].score ?? 0 }
        if zip(scores, scores.dropFirst()).allSatisfy({ $0 >= $1 }) {
            // Printed from high to low: reversing keeps tied neighbours in printed adjacency.
            ascending = scored.reversed()
        } else {
            ascending = scored.enumerated().sorted { a, b in
                scores[a.offset] != scores[b.offset] ? scores[a.offset] < scores[b.offset] : a.offset < b.offset
            }.map(\.element)
        }
    }

    /// The legend's order: the order segments are drawn from left to right.
    var stackOrder: [Int] { diverging ? ascending : scored }

    /// The `n` highest-scoring points.
    func highest(_ n: Int) -> [Int] { Array(ascending.reversed().prefix(n)) }

    /// One segment: the point, its start (from the plot's left edge when stacked, from the centre when
    /// diverging, negative to the left) and its width, in percent.
    struct Segment {
        var point: Int
        var offset: Double
        var value: Double
        /// Drawn after the gap that sets not-applicable answers apart.
        var afterGap: Bool
    }

    private var middle: Int? { ascending.count % 2 == 1 ? ascending[ascending.count / 2] : nil }
    private var leftPoints: [Int] { Array(ascending.prefix(ascending.count / 2)) }
    private var rightPoints: [Int] { Array(ascending.suffix(ascending.count / 2)) }
    private var notApplicable: [Int] { scale.points.indices.filter { scale.points[$0].notApplicable } }

    func segments(_ shares: [Double], apart: Bool) -> [Segment] {
        if diverging {
            var result: [Segment] = []
            let half = middle.map { shares[$0] / 2 } ?? 0
            if let m = middle { result.append(Segment(point: m, offset: -half, value: shares[m], afterGap: false)) }
            var offset = -half
            for p in leftPoints.reversed() {
                offset -= shares[p]
                result.append(Segment(point: p, offset: offset, value: shares[p], afterGap: false))
            }
            offset = half
            for p in rightPoints {
                result.append(Segment(point: p, offset: offset, value: shares[p], afterGap: false))
                offset += shares[p]
            }
            return result
        }
        let points = scored + (apart ? [] : notApplicable)
        let total = points.map { shares[$0] }.reduce(0, +)
        // A bar of every point ends exactly at 100 %, whatever the rounding of the printed figures; with
        // not-applicable answers apart (and not rebased) the bar is as long as the scale's share.
        let factor = apart ? 1 : (total > 0 ? 100 / total : 0)
        var result: [Segment] = []
        var offset = 0.0
        for p in points {
            let width = shares[p] * factor
            result.append(Segment(point: p, offset: offset, value: width, afterGap: scale.points[p].notApplicable))
            offset += width
        }
        return result
    }

    /// How far bars reach left and right of the origin (the plot's left edge, or the centre), in percent.
    func extents(_ rows: [[Double]], apart: Bool) -> (left: Double, right: Double) {
        guard diverging else { return (0, 100) }
        var left = 0.0, right = 0.0
        for shares in rows {
            let half = middle.map { shares[$0] / 2 } ?? 0
            left = max(left, leftPoints.map { shares[$0] }.reduce(0, +) + half)
            right = max(right, rightPoints.map { shares[$0] }.reduce(0, +) + half)
        }
        return (max(left, 1), max(right, 1))
    }
}
