/// Cuts a render request down to what one question's output may show: its own question and scale, the survey's
/// metadata, its own labels (`questions.<id>.*`, its scale's `scales.<scale>.*`) plus every label outside
/// `questions.` and `scales.` (`survey.*`, `ui.*`, `number.*`), and the style as resolved for that question.
///
/// The pipeline hands backends the scoped request and the incremental build digests the same value, so an
/// output's digest covers exactly what its backend could read: editing q05's label re-renders q05 alone, and a
/// backend cannot come to depend on something the digest misses.
package enum QuestionScope {
    package static func scoped(_ request: RenderRequest) -> RenderRequest {
        scoped(request, index: LabelIndex(request.labels))
    }

    /// The same cut, with the label set indexed once for every question (planning stays linear in the
    /// number of questions).
    package static func scoped(_ request: RenderRequest, index: LabelIndex) -> RenderRequest {
        let question = request.question
        let scaleID: String? = if case .grid(let g) = question { g.scaleID } else { nil }
        var survey = request.survey
        survey.questions = [question]
        survey.scales = survey.scales.filter { $0.id == scaleID }
        var labels = request.labels
        labels.entries = index.entries(question: question.id, scale: scaleID)
        labels.locations = labels.locations.filter { labels.entries[$0.key] != nil }
        var style = request.style.resolved(for: question.id)
        style.questionStyles = [:]
        return RenderRequest(survey: survey, question: question, labels: labels, style: style, options: request.options)
    }

    /// The question-scoped request for `question`, made from its share of the indexed label set (never from the
    /// whole set, which would make planning quadratic).
    package static func request(survey: Survey, question: Question, labels: LabelSet, index: LabelIndex, style: Style,
                               options: RenderOptions) -> RenderRequest {
        let scaleID: String? = if case .grid(let g) = question { g.scaleID } else { nil }
        var own = labels
        own.entries = index.entries(question: question.id, scale: scaleID)
        own.locations = [:]
        for key in own.entries.keys { own.locations[key] = labels.locations[key] }
        var scopedSurvey = survey
        scopedSurvey.questions = [question]
        scopedSurvey.scales = survey.scales.filter { $0.id == scaleID }
        var scopedStyle = style.resolved(for: question.id)
        scopedStyle.questionStyles = [:]
        return RenderRequest(survey: scopedSurvey, question: question, labels: own, style: scopedStyle, options: options)
    }

    /// Whether the output of question `questionID` (on scale `scaleID`) may show the label `key`.
    package static func isShown(_ key: String, questionID: String, scaleID: String?) -> Bool {
        if key.hasPrefix("questions.") { return key.hasPrefix(LabelKey.questionPrefix(questionID)) }
        if key.hasPrefix("scales.") { return scaleID.map { key.hasPrefix("scales.\($0).") } ?? false }
        return true
    }

    /// A label set split once into the entries every question shows and those of each question and scale.
    package struct LabelIndex: Sendable {
        var common: [String: String] = [:]
        var byQuestion: [String: [String: String]] = [:]
        var byScale: [String: [String: String]] = [:]

        package init(_ labels: LabelSet) {
            for (key, value) in labels.entries {
                let parts = key.split(separator: ".", maxSplits: 2)
                if parts.first == "questions" {
                    if parts.count > 2 { byQuestion[String(parts[1]), default: [:]][key] = value }
                } else if parts.first == "scales" {
                    if parts.count > 2 { byScale[String(parts[1]), default: [:]][key] = value }
                } else {
                    common[key] = value
                }
            }
        }

        func entries(question: String, scale: String?) -> [String: String] {
            var result = common
            for (k, v) in byQuestion[question] ?? [:] { result[k] = v }
            if let scale { for (k, v) in byScale[scale] ?? [:] { result[k] = v } }
            return result
        }
    }
}
