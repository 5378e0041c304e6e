/// Texts that charts, tables and alt text all build from the same labels: the question's display title,
/// quoted lists of answers, and the notes on non-substantive answers. Made here once, so that a figure, its
/// table and its description never word them differently.
extension LabelSet {
    /// `text` in the language's quotation marks (`ui.quote`: ”Vet ej” in Swedish, „Weiß nicht“ in German).
    package func quoted(_ text: String) -> String {
        (self[.quote] ?? "“{label}”").replacingOccurrences(of: "{label}", with: text)
    }

    /// `texts` quoted and listed with the language's separator ("”Vet ej”, ”Inte relevant”").
    package func quotedList(_ texts: [String]) -> String {
        texts.map(quoted).joined(separator: self[.listSeparator] ?? ", ")
    }

    /// The question's display title: its `title` label, else "Fråga 5" for a numbered id, else nil — an id
    /// such as `party-id` is a variable name, not a title.
    package func displayTitle(of question: Question) -> String? {
        if let title = self[LabelKey.question(question.id, .title)], !title.allSatisfy(\.isWhitespace) { return title }
        return question.number.map { text(.question, ["number": numberFormat.integer($0)]) }
    }

    /// The notes on the non-substantive answers named by `texts`: left out of the percent base (with the
    /// base's size, when one number describes it) under a substantive base, and kept out of the mean when a
    /// mean or median is shown. Nothing when there are no such answers.
    package func answerNotes(for texts: [String], statisticShown: Bool, substantiveBase: Bool,
                            baseSize: Int? = nil) -> [(term: Term, text: String)] {
        guard !texts.isEmpty else { return [] }
        let answers = quotedList(texts)
        var notes: [(Term, String)] = []
        if substantiveBase {
            notes.append((.noteExcludedFromBase, text(.noteExcludedFromBase, ["answers": answers])))
            if let baseSize {
                notes.append((.noteBaseSubstantive, text(.noteBaseSubstantive, ["n": numberFormat.integer(baseSize)])))
            }
        }
        if statisticShown { notes.append((.noteExcludedFromMean, text(.noteExcludedFromMean, ["answers": answers]))) }
        return notes
    }
}
