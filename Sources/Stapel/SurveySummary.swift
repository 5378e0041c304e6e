/// A short text summary of a survey: questions per kind, label sets.
package struct SurveySummary: Sendable {
    package let survey: Survey
    package let languages: [String]

    package init(survey: Survey, languages: [String]) {
        self.survey = survey
        self.languages = languages
    }

    package var text: String {
        var kinds: [String: Int] = [:]
        for q in survey.questions { kinds[q.kindName, default: 0] += 1 }
        let order = ["single-choice", "multiple-choice", "grid", "multi-select-grid"]
        let parts = order.compactMap { k in kinds[k].map { "\($0) \(k)" } }
        return "\(survey.id)\(survey.year.map { " (\($0))" } ?? ""): \(survey.questions.count) questions (\(parts.joined(separator: ", "))), "
            + "\(survey.scales.count) scales, label sets: \(languages.joined(separator: ", "))"
    }
}
