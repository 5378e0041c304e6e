/// A single-choice ("Ett svarsalternativ") or multiple-choice ("Flerval") question.
public struct ChoiceQuestion: Sendable, Hashable {
    public var id: String
    /// Respondents ("Antal svar").
    public var respondents: Int
    /// Sum of all selections ("Valda alternativ"); multiple choice only.
    public var selections: Int?
    public var options: [ChoiceOption]
    /// Checks whose failure the data acknowledges as the source's own (reported as warnings).
    public var accepted: Set<String> = []
    public var location: SourceLocation?

    public init(id: String, respondents: Int, selections: Int? = nil, options: [ChoiceOption],
                location: SourceLocation? = nil) {
        self.id = id
        self.respondents = respondents
        self.selections = selections
        self.options = options
        self.location = location
    }
}

/// One option of a choice question, with its count and percent as printed (either may be missing).
public struct ChoiceOption: Sendable, Hashable, Identifiable {
    public var id: String
    public var n: Int?
    public var percent: Double?
    /// An "Annat …" option, kept last when options are sorted.
    public var isOther: Bool
    /// Checks whose failure the data acknowledges as the source's own (reported as warnings).
    public var accepted: Set<String> = []
    public var location: SourceLocation?

    public init(id: String, n: Int?, percent: Double?, isOther: Bool = false, location: SourceLocation? = nil) {
        self.id = id
        self.n = n
        self.percent = percent
        self.isOther = isOther
        self.location = location
    }

    /// The share of respondents in percent: the printed percent, else computed from n.
    public func share(of respondents: Int) -> Double {
        if let percent { return percent }
        guard let n, respondents > 0 else { return 0 }
        return Double(n) / Double(respondents) * 100
    }
}
