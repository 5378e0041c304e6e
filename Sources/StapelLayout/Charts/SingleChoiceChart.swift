import StapelModel

/// Single choice: one bar per option in questionnaire order, the share as a value, the respondents as a note;
/// non-substantive answers ("Vet ej") after a gap, each in its own fill.
struct SingleChoiceChart: ChartBody {
    let question: ChoiceQuestion

    func layout(_ b: FigureBuilder, top: Double) -> ChartResult {
        let options = question.options.filter(\.kind.isSubstantive) + question.options.filter { !$0.kind.isSubstantive }
        let chart = ChoiceBars(question: question, options: options, distribution: true)
        var result = chart.layout(b, top: top)
        result.notes.insert(Note(key: Term.respondents.key, text: b.labels.text(.respondents, ["n": b.numbers.integer(question.respondents)])), at: 0)
        return result
    }
}

/// The bars of a choice question in a given order: shares of the respondents (or of the substantive answers
/// under a substantive percent base) computed from the counts where the data gives them, displayed with the
/// printed precision at most, and the notes about non-substantive answers and rounding.
struct ChoiceBars {
    let question: ChoiceQuestion
    let options: [ChoiceOption]
    /// A single-choice distribution (adds up to 100): display rounding may be largest remainder.
    let distribution: Bool

    func layout(_ b: FigureBuilder, top: Double) -> ChartResult {
        let convention = b.request.convention
        let decimals = min(b.style.bars.valueDecimals, convention.decimals)
        // Shown at the printed precision, the printed figures are shown as printed; at fewer decimals they are
        // rounded again from the counts, never from the rounded figures.
        let shares = options.map { o in
            decimals == convention.decimals ? (o.percent ?? ChoiceBars.share(of: o, in: question, convention: convention))
                : ChoiceBars.share(of: o, in: question, convention: convention)
        }
        var shown = shares
        let substantive = options.indices.filter { options[$0].kind.isSubstantive }
        let other = options.indices.filter { !options[$0].kind.isSubstantive }
        var roundingMissed = false
        for group in (convention.base == .substantive ? [substantive, other] : [options.indices.map { $0 }]) where !group.isEmpty {
            let method: DisplayRounding = distribution ? b.style.grid.rounding : .independent
            let values = DisplayValues.rounded(group.map { shares[$0] }, decimals: decimals, method: method)
            for (i, v) in zip(group, values) { shown[i] = v }
            if distribution, group == substantive || convention.base == .all,
               DisplayValues.missesHundred(values, decimals: decimals) { roundingMissed = true }
        }
        let rows = options.indices.map { i in
            BarList.Row(key: LabelKey.option(question.id, options[i].id), percent: shown[i],
                        display: b.numbers.percent(shown[i], decimals: decimals),
                        answerFill: options[i].kind.isSubstantive ? nil : b.colors.fill(for: options[i].kind))
        }
        let bottom = BarList(rows: rows).layout(b, top: top)
        let nonSubstantive = other.map { b.labels.text(LabelKey.option(question.id, options[$0].id)) }
        var notes = b.labels.answerNotes(for: nonSubstantive, statisticShown: false, substantiveBase: convention.base == .substantive,
                                         baseSize: question.substantiveCount).map { Note(key: $0.term.key, text: $0.text) }
        if roundingMissed { notes.append(Note(key: Term.roundingNote.key, text: b.labels.text(.roundingNote))) }
        return ChartResult(bottom: bottom, notes: notes)
    }

    /// An option's share in percent, unrounded where the count is known.
    static func share(of option: ChoiceOption, in q: ChoiceQuestion, convention: PercentConvention) -> Double {
        let base = q.percentBase(of: option, convention: convention)
        if let n = option.n, base > 0 { return Double(n) / Double(base) * 100 }
        return option.percent ?? 0
    }
}
