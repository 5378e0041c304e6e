/// The keys of a survey's own labels, built in one place: `questions.<id>.text`, `questions.<id>.options.<o>`,
/// `scales.<scale>.<point>` … Code asks for the key of a thing, never writes the dotted path itself.
package enum LabelKey {
    /// The survey's own strings: `survey.title`, `survey.subtitle`, `survey.publisher`, `survey.source`.
    package static func survey(_ field: SurveyField) -> String { "survey.\(field.rawValue)" }

    /// A question's own string: `text`, `title`, `description`, `note`, `short`, `alt`.
    package static func question(_ id: String, _ part: QuestionPart = .text) -> String { "questions.\(id).\(part.rawValue)" }

    /// An option of a choice question.
    package static func option(_ question: String, _ option: String) -> String { "questions.\(question).options.\(option)" }

    /// A statement (row) of a grid or multi-select grid.
    package static func row(_ question: String, _ row: String) -> String { "questions.\(question).rows.\(row)" }

    /// A column of a multi-select grid.
    package static func column(_ question: String, _ column: String) -> String { "questions.\(question).columns.\(column)" }

    /// A point of a scale.
    package static func point(_ scale: String, _ point: String) -> String { "scales.\(scale).\(point)" }

    /// The prefix every label of a question starts with (`questions.q05.`).
    package static func questionPrefix(_ id: String) -> String { "questions.\(id)." }

    /// The prefix every label of a scale starts with (`scales.hinder.`).
    package static func scalePrefix(_ id: String) -> String { "scales.\(id)." }

    package enum SurveyField: String, CaseIterable, Sendable { case title, subtitle, publisher, source }

    package enum QuestionPart: String, CaseIterable, Sendable { case text, title, description, note, short, alt }
}
