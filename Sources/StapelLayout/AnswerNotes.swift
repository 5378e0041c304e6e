import StapelModel

/// The notes a chart prints about its non-substantive answers and its percent base: one combined note that
/// names every such answer, mentions a mean only when the chart shows one, and states the base.
enum AnswerNotes {
    /// `labels` quoted in the language's quotation marks and listed ("“Vet ej”, “Inte relevant”").
    static func list(_ texts: [String], _ b: FigureBuilder) -> String {
        let quote = b.labels[.quote] ?? "“{label}”"
        let separator = b.labels[.listSeparator] ?? ", "
        return texts.map { quote.replacingOccurrences(of: "{label}", with: $0) }.joined(separator: separator)
    }

    /// Notes for non-substantive answers named by `texts`: kept out of the mean (when a statistic is shown),
    /// left out of the percent base (when the base is substantive answers), with the base's size.
    /// `substantiveBase`: the percents are shares of substantive answers; `baseSize`: how many there are, when
    /// one number describes the whole chart.
    static func notes(for texts: [String], statisticShown: Bool, substantiveBase: Bool, baseSize: Int? = nil,
                      _ b: FigureBuilder) -> [Note] {
        guard !texts.isEmpty else { return [] }
        let answers = list(texts, b)
        var notes: [Note] = []
        if substantiveBase {
            notes.append(Note(key: Term.noteExcludedFromBase.key,
                              text: b.labels.text(.noteExcludedFromBase, ["answers": answers])))
            if let baseSize {
                notes.append(Note(key: Term.noteBaseSubstantive.key,
                                  text: b.labels.text(.noteBaseSubstantive, ["n": b.numbers.integer(baseSize)])))
            }
        }
        if statisticShown {
            notes.append(Note(key: Term.noteExcludedFromMean.key,
                              text: b.labels.text(.noteExcludedFromMean, ["answers": answers])))
        }
        return notes
    }
}
