/// A survey question of one of the four kinds.
package enum Question: Sendable, Hashable, Identifiable {
    case singleChoice(ChoiceQuestion)
    case multipleChoice(ChoiceQuestion)
    case grid(GridQuestion)
    case multiSelectGrid(MultiSelectGridQuestion)

    package var id: String {
        switch self {
        case .singleChoice(let q), .multipleChoice(let q): q.id
        case .grid(let q): q.id
        case .multiSelectGrid(let q): q.id
        }
    }

    package var respondents: Int {
        switch self {
        case .singleChoice(let q), .multipleChoice(let q): q.respondents
        case .grid(let q): q.respondents
        case .multiSelectGrid(let q): q.respondents
        }
    }

    package var location: SourceLocation? {
        switch self {
        case .singleChoice(let q), .multipleChoice(let q): q.location
        case .grid(let q): q.location
        case .multiSelectGrid(let q): q.location
        }
    }

    /// The question's own rounding, decimals and base, where they differ from the survey's.
    package var conventionOverride: PercentConventionOverride {
        switch self {
        case .singleChoice(let q), .multipleChoice(let q): q.convention
        case .grid(let q): q.convention
        case .multiSelectGrid(let q): q.convention
        }
    }

    /// The kind's name as written in the data format.
    package var kindName: String {
        switch self {
        case .singleChoice: "single-choice"
        case .multipleChoice: "multiple-choice"
        case .grid: "grid"
        case .multiSelectGrid: "multi-select-grid"
        }
    }

    /// The source's question number (`q05` → 5), when the id follows that convention.
    package var number: Int? {
        guard id.hasPrefix("q") else { return nil }
        return Int(id.dropFirst())
    }

    /// Label keys this question shows, in reading order.
    package func labelKeys(in survey: Survey) -> [String] {
        let questionID = id
        var keys = [LabelKey.question(questionID)]
        switch self {
        case .singleChoice(let q), .multipleChoice(let q):
            keys += q.options.map { LabelKey.option(questionID, $0.id) }
        case .grid(let q):
            keys += q.rows.map { LabelKey.row(questionID, $0.id) }
            if let scale = survey.scale(q.scaleID) {
                keys += scale.points.map { LabelKey.point(scale.id, $0.id) }
            }
        case .multiSelectGrid(let q):
            keys += q.columns.map { LabelKey.column(questionID, $0) }
            keys += q.rows.map { LabelKey.row(questionID, $0.id) }
        }
        return keys
    }

    /// Label keys of options and scale points that may go without a label: those with a source code (the code
    /// shows) and non-substantive answers (the interface's name of their kind shows, "Vet ej").
    package func codedLabelKeys(in survey: Survey) -> Set<String> {
        let questionID = id
        switch self {
        case .singleChoice(let q), .multipleChoice(let q):
            return Set(q.options.filter { $0.code != nil || !$0.kind.isSubstantive }.map { LabelKey.option(questionID, $0.id) })
        case .grid(let q):
            guard let scale = survey.scale(q.scaleID) else { return [] }
            return Set(scale.points.filter { $0.code != nil || !$0.kind.isSubstantive }.map { LabelKey.point(scale.id, $0.id) })
        case .multiSelectGrid:
            return []
        }
    }
}
