/// A survey: metadata, the scales its grids use and its questions, in questionnaire order.
/// Holds numbers and structure only; every visible string lives in a `LabelSet`.
package struct Survey: Sendable, Hashable {
    package var id: String
    /// The source language: the label set translators translate from (`sv`, `en`), as declared.
    package var language: String?
    package var year: Int?
    /// The reference number ("Diarienummer").
    package var reference: String?
    /// The population asked.
    package var respondents: Int?
    package var scales: [Scale]
    package var questions: [Question]
    /// How the survey's percents were rounded and printed, unless a question says otherwise.
    package var convention = PercentConvention()
    /// The folder the survey was read from, if any.
    package var directory: String?

    package init(id: String, year: Int?, reference: String?, respondents: Int?, scales: [Scale],
                questions: [Question], directory: String? = nil, language: String? = nil) {
        self.id = id
        self.language = language
        self.year = year
        self.reference = reference
        self.respondents = respondents
        self.scales = scales
        self.questions = questions
        self.directory = directory
    }

    package func scale(_ id: String) -> Scale? { scales.first { $0.id == id } }
    package func question(_ id: String) -> Question? { questions.first { $0.id == id } }

    /// Label keys of the survey itself (title, source line …).
    package static let surveyLabelKeys = [LabelKey.survey(.title), LabelKey.survey(.subtitle), LabelKey.survey(.publisher), LabelKey.survey(.source)]

    /// Every label key the survey's data refers to.
    package var requiredLabelKeys: Set<String> {
        var keys = Set([LabelKey.survey(.title), LabelKey.survey(.source)])
        for q in questions { keys.formUnion(q.labelKeys(in: self)) }
        for q in questions { keys.subtract(q.codedLabelKeys(in: self)) }
        return keys
    }

    /// Keys a label set may have beyond the required ones.
    package func isOptionalLabelKey(_ key: String) -> Bool {
        isOptionalLabelKey(key, coded: codedLabelKeys, questionIDs: Set(questions.map(\.id)))
    }

    /// The label keys of every coded or non-substantive option and point (they may go without a label).
    package var codedLabelKeys: Set<String> {
        var keys = Set<String>()
        for q in questions { keys.formUnion(q.codedLabelKeys(in: self)) }
        return keys
    }

    /// `isOptionalLabelKey` with the coded keys worked out once (checking a whole label set stays linear).
    package func isOptionalLabelKey(_ key: String, coded: Set<String>, questionIDs: Set<String>) -> Bool {
        if Survey.surveyLabelKeys.contains(key) { return true }
        if coded.contains(key) { return true }
        let parts = key.split(separator: ".")
        if parts.count == 3, parts[0] == "questions", questionIDs.contains(String(parts[1])) {
            return ["description", "short", "alt", "title", "note"].contains(parts[2])
        }
        // A survey's label set may override or add interface strings and number formats.
        return key.hasPrefix("ui.") || key.hasPrefix("number.")
    }

    /// The percent convention of one question: the survey's, with the question's overrides.
    package func convention(for question: Question) -> PercentConvention {
        question.conventionOverride.applied(to: convention)
    }
}
