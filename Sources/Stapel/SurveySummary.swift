/// A short text summary of a survey: questions per kind, label sets.
public struct SurveySummary: Sendable {
    public let survey: Survey
    public let languages: [String]

    public init(survey: Survey, languages: [String]) {
        self.survey = survey
        self.languages = languages
    }

    public var text: String {
        var kinds: [String: Int] = [:]
        for q in survey.questions { kinds[q.kindName, default: 0] += 1 }
        let order = ["single-choice", "multiple-choice", "grid", "multi-select-grid"]
        let parts = order.compactMap { k in kinds[k].map { "\($0) \(k)" } }
        return "\(survey.id)\(survey.year.map { " (\($0))" } ?? ""): \(survey.questions.count) questions (\(parts.joined(separator: ", "))), "
            + "\(survey.scales.count) scales, label sets: \(languages.joined(separator: ", "))"
    }
}
