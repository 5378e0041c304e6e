/// Cuts a render request down to what one question's output may show: its own question and scale, the survey's
/// metadata, its own labels (`questions.<id>.*`, its scale's `scales.<scale>.*`) plus every label outside
/// `questions.` and `scales.` (`survey.*`, `ui.*`, `number.*`), and the style as resolved for that question.
///
/// The pipeline hands backends the scoped request and the incremental build digests the same value, so an
/// output's digest covers exactly what its backend could read: editing q05's label re-renders q05 alone, and a
/// backend cannot come to depend on something the digest misses.
public enum QuestionScope {
    public static func scoped(_ request: RenderRequest) -> RenderRequest {
        let question = request.question
        let scaleID: String? = if case .grid(let g) = question { g.scaleID } else { nil }
        var survey = request.survey
        survey.questions = [question]
        survey.scales = survey.scales.filter { $0.id == scaleID }
        var labels = request.labels
        labels.entries = labels.entries.filter { isShown($0.key, questionID: question.id, scaleID: scaleID) }
        labels.locations = labels.locations.filter { labels.entries[$0.key] != nil }
        var style = request.style.resolved(for: question.id)
        style.questionStyles = [:]
        return RenderRequest(survey: survey, question: question, labels: labels, style: style, options: request.options)
    }

    /// Whether the output of question `questionID` (on scale `scaleID`) may show the label `key`.
    public static func isShown(_ key: String, questionID: String, scaleID: String?) -> Bool {
        if key.hasPrefix("questions.") { return key.hasPrefix("questions.\(questionID).") }
        if key.hasPrefix("scales.") { return scaleID.map { key.hasPrefix("scales.\($0).") } ?? false }
        return true
    }
}
