/// How a manifest's per-question override changes the house style of that question.
extension QuestionOverride {
    /// Applies the override to `style` (the style already resolved for `question`); throws, placed at the
    /// override in the manifest, when a setting does not fit the question's kind.
    package func apply(to style: inout Style, for question: Question) throws {
        if let widthMM { style.page.widthMM = widthMM }
        if let chart {
            guard case .grid = question else {
                throw error("'chart' chooses between stacked and diverging bars, which only grid questions have; "
                            + "\(question.id) is \(question.kindName)")
            }
            style.grid.layout = chart
        }
        if let sort {
            switch (question, sort) {
            case (.grid, _):
                style.grid.sort = GridSort(rawValue: sort)!
            case (.singleChoice, "questionnaire"), (.multipleChoice, "questionnaire"):
                style.bars.sortMultipleChoice = false
            case (.multipleChoice, "share"):
                style.bars.sortMultipleChoice = true
            default:
                throw error("sort '\(sort)' does not apply to \(question.id) (\(question.kindName)); "
                            + "grids sort by questionnaire, share or mean, multiple-choice questions by questionnaire or share")
            }
        }
        if let highlight {
            let ids: [String] = switch question {
            case .singleChoice(let q), .multipleChoice(let q): q.options.map(\.id)
            case .grid(let q): q.rows.map(\.id)
            case .multiSelectGrid(let q): q.rows.map(\.id)
            }
            for id in highlight where !ids.contains(id) {
                throw error("\(question.id) has no option or row '\(id)' to highlight; it has: \(ids.joined(separator: ", "))")
            }
            throw error("'highlight' is not drawn by the chart backends yet; remove it for now")
        }
    }
}
