/// Everything one backend needs to write one question's file: the data, the strings of one language,
/// the style, and backend options. Built once per question × language × style by the render pipeline.
public struct RenderRequest: Sendable {
    public var survey: Survey
    public var question: Question
    /// The survey's labels merged with the interface labels, for `labels.language`.
    public var labels: LabelSet
    public var style: Style
    public var options: RenderOptions

    /// `labels` gets the display texts of coded options and points that have no label (their codes).
    public init(survey: Survey, question: Question, labels: LabelSet, style: Style, options: RenderOptions = .init()) {
        self.survey = survey
        self.question = question
        self.labels = labels.resolvingCodes(of: question, in: survey)
        self.style = style
        self.options = options
    }

    public var numberFormat: NumberFormat { labels.numberFormat }

    /// The question's rounding, printed decimals and percent base.
    public var convention: PercentConvention { survey.convention(for: question) }
}

/// Options of the text backends that are not part of the house style.
public struct RenderOptions: Sendable, Hashable {
    /// `tidy` (one row per question × statement × option) or `wide` (as printed).
    public var csvLayout: String = "tidy"
    /// `rfc4180` or `excel-sv`.
    public var csvDialect: String = "rfc4180"
    /// Guard text cells against formula injection; nil means the dialect's default.
    public var csvInjectionGuard: Bool? = nil
    /// Write complete LaTeX documents instead of fragments for `\input`.
    public var latexStandalone: Bool = false

    public init() {}
}
