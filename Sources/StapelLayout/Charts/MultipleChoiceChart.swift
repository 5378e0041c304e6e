import StapelModel

/// Multiple choice: bars sorted by share, "Annat …" options pinned last, a note that several answers were allowed.
struct MultipleChoiceChart: ChartBody {
    let question: ChoiceQuestion

    /// Options by share, largest first; ties and "other" options keep questionnaire order.
    static func ordered(_ q: ChoiceQuestion, sort: Bool) -> [ChoiceOption] {
        guard sort else { return q.options }
        let indexed = q.options.enumerated().map { (index: $0.offset, option: $0.element) }
        let main = indexed.filter { !$0.option.isOther }.sorted {
            let a = $0.option.share(of: q.respondents), b = $1.option.share(of: q.respondents)
            return a != b ? a > b : $0.index < $1.index
        }
        return (main + indexed.filter(\.option.isOther)).map(\.option)
    }

    func layout(_ b: FigureBuilder, top: Double) -> ChartResult {
        let decimals = b.style.bars.valueDecimals
        let rows = MultipleChoiceChart.ordered(question, sort: b.style.bars.sortMultipleChoice).map { option in
            let value = Rounding.halfUp(option.share(of: question.respondents), decimals: decimals)
            return BarList.Row(key: "questions.\(question.id).options.\(option.id)", percent: value,
                               display: b.numbers.percent(value, decimals: decimals))
        }
        let bottom = BarList(rows: rows).layout(b, top: top)
        let total = question.options.map { $0.share(of: question.respondents) }.reduce(0, +)
        let several = total > 100 ? "ui.multiple-allowed" : "ui.multiple-allowed-short"
        return ChartResult(bottom: bottom, notes: [
            Note(key: "ui.respondents", text: b.labels.text("ui.respondents", ["n": b.numbers.integer(question.respondents)])),
            Note(key: several, text: b.labels.text(several)),
        ])
    }
}
