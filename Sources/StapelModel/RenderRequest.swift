/// Everything one backend needs to write one question's file: the data, the strings of one language,
/// the style, and backend options. Built once per question × language × style by the render pipeline.
package struct RenderRequest: Sendable {
    package var survey: Survey
    package var question: Question
    /// The survey's labels merged with the interface labels, for `labels.language`.
    package var labels: LabelSet
    package var style: Style
    package var options: RenderOptions

    /// `labels` gets the display texts of coded options and points that have no label (their codes).
    package init(survey: Survey, question: Question, labels: LabelSet, style: Style, options: RenderOptions = .init()) {
        self.survey = survey
        self.question = question
        self.labels = labels.resolvingCodes(of: question, in: survey)
        self.style = style
        self.options = options
    }

    package var numberFormat: NumberFormat { labels.numberFormat }

    /// The question's rounding, printed decimals and percent base.
    package var convention: PercentConvention { survey.convention(for: question) }
}

/// The backend options of one render, by option name, as validated text (`csv-layout` → `wide`). Which options
/// exist, their values, defaults and types are declared once by the backends that read them (`BackendOption` in
/// the Stapel module); an option that is not set here has its declared default.
package struct RenderOptions: Sendable, Hashable {
    package private(set) var values: [String: String]

    package init(_ values: [String: String] = [:]) { self.values = values }

    /// The value set for `name`, nil when it keeps its default.
    package subscript(name: String) -> String? {
        get { values[name] }
        set { values[name] = newValue }
    }
}
