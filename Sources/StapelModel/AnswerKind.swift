/// What an answer is: a substantive answer, or one of the non-substantive kinds questionnaires record
/// ("Inte relevant", "Vet ej", refusals, skipped questions). Non-substantive answers are counted in the
/// distribution they are printed in, kept out of means and medians, and drawn apart from the scale.
package enum AnswerKind: String, Sendable, Hashable, CaseIterable, Comparable {
    case substantive
    case doesNotApply = "does-not-apply"
    case dontKnow = "dont-know"
    case refused
    case noAnswer = "no-answer"
    case notAsked = "not-asked"
    case missing

    /// The name used in survey files.
    package var yamlName: String { rawValue }

    /// The interface term naming the kind in notes and legends ("Vet ej"), used when the survey's own label
    /// for the option or point is missing; nil for a substantive answer.
    package var term: Term? { Term(answerKind: self) }

    package var isSubstantive: Bool { self == .substantive }

    /// Every non-substantive kind, in the order notes and legends list them.
    package static let nonSubstantive: [AnswerKind] = allCases.filter { !$0.isSubstantive }

    package static func < (a: AnswerKind, b: AnswerKind) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}

/// Whether an ordered scale runs between two opposites around a neutral middle (agree … disagree: a
/// diverging palette) or from none to much of one thing (extent, frequency: a sequential palette).
package enum ScalePolarity: String, Sendable, Hashable, CaseIterable {
    case unipolar
    case bipolar
}

/// How the source rounded its percents, so that validation checks what was really done.
package enum RoundingRule: String, Sendable, Hashable, CaseIterable {
    /// Each percent rounded on its own, half up: a distribution may add up to 99.9 or 100.1.
    case halfUp = "half-up"
    /// Rounded by largest remainder so that every distribution adds up to exactly 100.
    case largestRemainder = "largest-remainder"
}

/// What a question's percents are shares of.
package enum PercentBase: String, Sendable, Hashable, CaseIterable {
    /// Every case (respondent) the question counts, non-substantive answers included.
    case all
    /// Substantive answers only: non-substantive answers are shown apart, as shares of all cases.
    case substantive
}

/// How a survey (or one question) was printed: its rounding rule, the decimals of its percents, and the
/// base of its percents. Questions inherit the survey's and may override each field.
package struct PercentConvention: Sendable, Hashable {
    package var rounding: RoundingRule
    package var decimals: Int
    package var base: PercentBase

    package init(rounding: RoundingRule = .halfUp, decimals: Int = 1, base: PercentBase = .all) {
        self.rounding = rounding
        self.decimals = decimals
        self.base = base
    }

    /// Half a unit of the last printed digit (0.05 for one decimal): the furthest a correctly rounded
    /// percent can sit from its exact value.
    package var halfUnit: Double { 0.5 * unit }

    /// One unit of the last printed digit (0.1 for one decimal).
    package var unit: Double {
        var u = 1.0
        for _ in 0..<max(decimals, 0) { u /= 10 }
        return u
    }
}

/// Per-question overrides of the survey's percent convention (nil: inherit).
package struct PercentConventionOverride: Sendable, Hashable {
    package var rounding: RoundingRule?
    package var decimals: Int?
    package var base: PercentBase?

    package init(rounding: RoundingRule? = nil, decimals: Int? = nil, base: PercentBase? = nil) {
        self.rounding = rounding
        self.decimals = decimals
        self.base = base
    }

    package func applied(to convention: PercentConvention) -> PercentConvention {
        PercentConvention(rounding: rounding ?? convention.rounding, decimals: decimals ?? convention.decimals,
                          base: base ?? convention.base)
    }
}
