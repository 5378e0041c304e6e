/// A single-choice ("Ett svarsalternativ") or multiple-choice ("Flerval") question.
package struct ChoiceQuestion: Sendable, Hashable {
    package var id: String
    /// Respondents ("Antal svar").
    package var respondents: Int
    /// Sum of all selections ("Valda alternativ"); multiple choice only.
    package var selections: Int?
    package var options: [ChoiceOption]
    /// Rounding, decimals and base of the printed percents, where they differ from the survey's.
    package var convention = PercentConventionOverride()
    /// Checks whose failure the data acknowledges as the source's own (reported as warnings).
    package var accepted: Set<String> = []
    package var location: SourceLocation?

    package init(id: String, respondents: Int, selections: Int? = nil, options: [ChoiceOption],
                location: SourceLocation? = nil) {
        self.id = id
        self.respondents = respondents
        self.selections = selections
        self.options = options
        self.location = location
    }
}

/// One option of a choice question, with its count and percent as printed (either may be missing).
package struct ChoiceOption: Sendable, Hashable, Identifiable {
    package var id: String
    package var n: Int?
    package var percent: Double?
    /// An "Annat …" option, kept last when options are sorted.
    package var isOther: Bool
    /// An exclusive option ("Vi har ingen strategi", "None of these"): kept last when options are sorted.
    package var isExclusive = false
    /// Substantive, or which kind of non-substantive answer the option records ("Vet ej").
    package var kind = AnswerKind.substantive
    /// The questionnaire's code for the option (`7`, `-1`), kept as written.
    package var code: String?
    /// Checks whose failure the data acknowledges as the source's own (reported as warnings).
    package var accepted: Set<String> = []
    package var location: SourceLocation?

    package init(id: String, n: Int?, percent: Double?, isOther: Bool = false, location: SourceLocation? = nil) {
        self.id = id
        self.n = n
        self.percent = percent
        self.isOther = isOther
        self.location = location
    }

    /// Pinned last when options are sorted: "other", exclusive and non-substantive options.
    package var isPinnedLast: Bool { isOther || isExclusive || !kind.isSubstantive }

    /// The share of respondents in percent: the printed percent, else computed from n.
    package func share(of respondents: Int) -> Double {
        if let percent { return percent }
        guard let n, respondents > 0 else { return 0 }
        return Double(n) / Double(respondents) * 100
    }
}

extension ChoiceQuestion {
    /// The substantive options' total count, when every substantive option has one: the base of the
    /// percents under `percent-base: substantive`.
    package var substantiveCount: Int? {
        let substantive = options.filter(\.kind.isSubstantive)
        guard substantive.allSatisfy({ $0.n != nil }) else { return nil }
        return substantive.reduce(0) { $0 + $1.n! }
    }

    /// The number each option's percent is a share of: the respondents, or under a substantive base the
    /// substantive answers (non-substantive options stay shares of every respondent).
    package func percentBase(of option: ChoiceOption, convention: PercentConvention) -> Int {
        if convention.base == .substantive, option.kind.isSubstantive, let s = substantiveCount { return s }
        return respondents
    }
}
