/// Stapel's own interface strings, a closed set as pandoc's translation terms are: every shipped interface label
/// set (`Sources/StapelYAML/Resources/Labels/<lang>.yaml`) has exactly these keys, and a survey's label set for a
/// language Stapel ships none for supplies them. Code names a term, never builds its key from strings.
package enum Term: String, CaseIterable, Sendable {
    case numberDecimalSeparator = "number.decimal-separator"
    case numberGroupSeparator = "number.group-separator"
    case numberGroupMinimumDigits = "number.group-minimum-digits"
    case numberPercent = "number.percent"
    case respondents = "ui.respondents"
    case respondentsRange = "ui.respondents-range"
    case selections = "ui.selections"
    case multipleAllowed = "ui.multiple-allowed"
    case multipleAllowedShort = "ui.multiple-allowed-short"
    case multiplePerRow = "ui.multiple-per-row"
    case total = "ui.total"
    case mean = "ui.mean"
    case median = "ui.median"
    case n = "ui.n"
    case percent = "ui.percent"
    case percentOf = "ui.percent-of"
    case columnInGroup = "ui.column-in-group"
    case shareAxis = "ui.share-axis"
    case countAxis = "ui.count-axis"
    case rebasedNote = "ui.rebased-note"
    case roundingNote = "ui.rounding-note"
    case question = "ui.question"
    case statement = "ui.statement"
    case option = "ui.option"
    case questionId = "ui.question-id"
    case net = "ui.net"
    case netNote = "ui.net-note"
    case quote = "ui.quote"
    case listSeparator = "ui.list-separator"
    case answerKindDoesNotApply = "ui.answer-kind.does-not-apply"
    case answerKindDontKnow = "ui.answer-kind.dont-know"
    case answerKindRefused = "ui.answer-kind.refused"
    case answerKindNoAnswer = "ui.answer-kind.no-answer"
    case answerKindNotAsked = "ui.answer-kind.not-asked"
    case answerKindMissing = "ui.answer-kind.missing"
    case noteExcludedFromMean = "ui.note.excluded-from-mean"
    case noteExcludedFromBase = "ui.note.excluded-from-base"
    case noteBaseSubstantive = "ui.note.base-substantive"
    case lowBase = "ui.low-base"
    case reportContents = "ui.report.contents"
    case reportReference = "ui.report.reference"
    case reportYear = "ui.report.year"
    case reportPublisher = "ui.report.publisher"
    case reportGallery = "ui.report.gallery"
    case reportQuestionPage = "ui.report.question-page"
    case reportFigures = "ui.report.figures"
    case altKindBar = "ui.alt.kind.bar"
    case altKindStacked = "ui.alt.kind.stacked"
    case altKindDiverging = "ui.alt.kind.diverging"
    case altKindGrouped = "ui.alt.kind.grouped"
    case altLead = "ui.alt.lead"
    case altChoice = "ui.alt.choice"
    case altMultiple = "ui.alt.multiple"
    case altGridMean = "ui.alt.grid-mean"
    case altGridShare = "ui.alt.grid-share"
    case altMultiSelect = "ui.alt.multi-select"
    case altTotal = "ui.alt.total"
    case altRow = "ui.alt.row"
    case altValue = "ui.alt.value"
    case altBase = "ui.alt.base"

    /// The dotted label key (`ui.respondents`).
    package var key: String { rawValue }

    /// The interface name of a non-substantive answer kind ("Vet ej"); nil for a substantive answer.
    package init?(answerKind kind: AnswerKind) {
        switch kind {
        case .substantive: return nil
        case .doesNotApply: self = .answerKindDoesNotApply
        case .dontKnow: self = .answerKindDontKnow
        case .refused: self = .answerKindRefused
        case .noAnswer: self = .answerKindNoAnswer
        case .notAsked: self = .answerKindNotAsked
        case .missing: self = .answerKindMissing
        }
    }
}

extension LabelSet {
    /// The text of an interface term, or its key in brackets so that a gap is visible.
    package func text(_ term: Term) -> String { text(term.key) }

    /// The text of an interface term with its `{placeholders}` filled.
    package func text(_ term: Term, _ values: [String: String]) -> String { text(term.key, values) }

    /// The text of an interface term, when the set has one.
    package subscript(term: Term) -> String? { entries[term.key] }
}
