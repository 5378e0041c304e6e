import StapelModel

/// Multiple choice: bars sorted by share, "Annat …" and exclusive options pinned last, non-substantive answers
/// after a gap, and a note that several answers were allowed.
struct MultipleChoiceChart: ChartBody {
    let question: ChoiceQuestion

    /// Options by share, largest first; ties keep questionnaire order; "other" and exclusive options follow in
    /// questionnaire order, non-substantive answers last.
    static func ordered(_ q: ChoiceQuestion, sort: Bool) -> [ChoiceOption] {
        let substantive = q.options.filter(\.kind.isSubstantive)
        let nonSubstantive = q.options.filter { !$0.kind.isSubstantive }
        guard sort else { return substantive + nonSubstantive }
        let indexed = substantive.enumerated().map { (index: $0.offset, option: $0.element) }
        let main = indexed.filter { !$0.option.isPinnedLast }.sorted {
            let a = $0.option.share(of: q.respondents), b = $1.option.share(of: q.respondents)
            return a != b ? a > b : $0.index < $1.index
        }
        return (main + indexed.filter(\.option.isPinnedLast)).map(\.option) + nonSubstantive
    }

    func layout(_ b: FigureBuilder, top: Double) -> ChartResult {
        let options = MultipleChoiceChart.ordered(question, sort: b.style.bars.sortMultipleChoice)
        var result = ChoiceBars(question: question, options: options, distribution: false).layout(b, top: top)
        let total = question.options.map { $0.share(of: question.respondents) }.reduce(0, +)
        let several = total > 100 ? Term.multipleAllowed.key : Term.multipleAllowedShort.key
        result.notes.insert(contentsOf: [
            Note(key: Term.respondents.key, text: b.labels.text(.respondents, ["n": b.numbers.integer(question.respondents)])),
            Note(key: several, text: b.labels.text(several)),
        ], at: 0)
        return result
    }
}
