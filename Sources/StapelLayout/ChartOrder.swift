import StapelModel

/// The order in which a chart shows its options, for writers that list the same data beside it (the HTML
/// table lists a multiple-choice question's options as its chart does).
package enum ChartOrder {
    /// The option ids of a choice question in chart order: multiple choice sorted by share as the style asks
    /// ("Annat …" and exclusive options last), single choice in questionnaire order; non-substantive answers last.
    /// Nil for grids (their rows keep questionnaire order in tables).
    package static func optionIDs(_ request: RenderRequest) -> [String]? {
        let style = request.style.resolved(for: request.question.id)
        switch request.question {
        case .multipleChoice(let q): return MultipleChoiceChart.ordered(q, sort: style.bars.sortMultipleChoice).map(\.id)
        case .singleChoice(let q): return (q.options.filter(\.kind.isSubstantive) + q.options.filter { !$0.kind.isSubstantive }).map(\.id)
        default: return nil
        }
    }
}
