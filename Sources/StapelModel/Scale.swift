/// An ordered answer scale of a grid question: points in printed order, each with a score.
public struct Scale: Sendable, Hashable, Identifiable {
    public var id: String
    public var points: [ScalePoint]
    public var location: SourceLocation?

    public init(id: String, points: [ScalePoint], location: SourceLocation? = nil) {
        self.id = id
        self.points = points
        self.location = location
    }

    /// Indices of the points that count towards mean and median.
    public var applicableIndices: [Int] { points.indices.filter { !points[$0].notApplicable } }

    /// True when some point is kept out of mean and median ("Inte relevant").
    public var hasNotApplicable: Bool { points.contains { $0.notApplicable } }

    /// Index of the middle of the applicable points, as a fractional position (2.0 for a 5-point scale).
    public var midpoint: Double { Double(applicableIndices.count - 1) / 2 }
}

/// One point of a scale. A not-applicable point has no score.
public struct ScalePoint: Sendable, Hashable, Identifiable {
    public var id: String
    public var score: Double?
    public var notApplicable: Bool { score == nil }
    public var location: SourceLocation?

    public init(id: String, score: Double?, location: SourceLocation? = nil) {
        self.id = id
        self.score = score
        self.location = location
    }
}
