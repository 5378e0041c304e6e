import StapelModel

/// Single choice: one bar per option in questionnaire order, the share as a value, the respondents as a note.
struct SingleChoiceChart: ChartBody {
    let question: ChoiceQuestion

    func layout(_ b: FigureBuilder, top: Double) -> ChartResult {
        let decimals = b.style.bars.valueDecimals
        let shares = question.options.map { $0.share(of: question.respondents) }
        let shown = DisplayValues.rounded(shares, decimals: decimals, method: b.style.grid.rounding)
        let rows = zip(question.options, shown).map { option, value in
            BarList.Row(key: "questions.\(question.id).options.\(option.id)", percent: value,
                        display: b.numbers.percent(value, decimals: decimals))
        }
        let bottom = BarList(rows: rows).layout(b, top: top)
        var notes = [Note(key: "ui.respondents", text: b.labels.text("ui.respondents", ["n": b.numbers.integer(question.respondents)]))]
        if DisplayValues.missesHundred(shown, decimals: decimals) {
            notes.append(Note(key: "ui.rounding-note", text: b.labels.text("ui.rounding-note")))
        }
        return ChartResult(bottom: bottom, notes: notes)
    }
}
