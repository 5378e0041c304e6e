/// An ordered answer scale of a grid question: points in printed order, each with a score.
package struct Scale: Sendable, Hashable, Identifiable {
    package var id: String
    package var points: [ScalePoint]
    /// Unipolar (none … much: sequential colours) or bipolar (opposites around a middle: diverging colours).
    package var polarity: ScalePolarity
    package var location: SourceLocation?

    package init(id: String, points: [ScalePoint], polarity: ScalePolarity = .unipolar, location: SourceLocation? = nil) {
        self.id = id
        self.points = points
        self.polarity = polarity
        self.location = location
    }

    /// Indices of the points that count towards mean and median.
    package var applicableIndices: [Int] { points.indices.filter { !points[$0].notApplicable } }

    /// Indices of the non-substantive points (kept out of mean and median, drawn apart).
    package var nonSubstantiveIndices: [Int] { points.indices.filter { points[$0].notApplicable } }

    /// True when some point is kept out of mean and median ("Inte relevant").
    package var hasNotApplicable: Bool { points.contains { $0.notApplicable } }

    /// Index of the middle of the applicable points, as a fractional position (2.0 for a 5-point scale).
    package var midpoint: Double { Double(applicableIndices.count - 1) / 2 }
}

/// One point of a scale. A non-substantive point ("Inte relevant", "Vet ej") has no score.
package struct ScalePoint: Sendable, Hashable, Identifiable {
    package var id: String
    package var score: Double?
    /// Substantive, or which kind of non-substantive answer the point records.
    package var kind: AnswerKind
    /// The questionnaire's code for the point (`7`, `-1`), kept as written; shown where the point has no label.
    package var code: String?
    /// True for every non-substantive point: it is kept out of mean and median and drawn apart.
    package var notApplicable: Bool { !kind.isSubstantive }
    package var location: SourceLocation?

    package init(id: String, score: Double?, kind: AnswerKind? = nil, code: String? = nil, location: SourceLocation? = nil) {
        self.id = id
        self.score = score
        self.kind = kind ?? (score == nil ? .doesNotApply : .substantive)
        self.code = code
        self.location = location
    }
}
