/// Text that could not be laid out as designed: which figure, which label, what happened.
package struct LayoutWarning: Sendable, Hashable, CustomStringConvertible {
    /// What went wrong, as a stable name for filtering (`word-broken`, `legend-cramped` …).
    package enum Kind: String, Sendable, Hashable {
        /// Text wider than its room or outside the figure.
        case overflow
        /// A word longer than the line had to be broken inside the word.
        case wordBroken = "word-broken"
        /// The legend needs more lines per entry than designed.
        case legendCramped = "legend-cramped"
        /// Two texts overlap.
        case overlap
        /// The content is taller than the style's fixed frame (16:9), so the figure grew.
        case frameOverflow = "frame-overflow"
    }

    package var kind: Kind
    /// The figure: the question id.
    package var questionID: String
    /// The label key of the text concerned.
    package var labelKey: String
    package var message: String

    package init(_ kind: Kind, questionID: String, labelKey: String, _ message: String) {
        self.kind = kind
        self.questionID = questionID
        self.labelKey = labelKey
        self.message = message
    }

    package var description: String { "warning: \(questionID): \(labelKey): \(message) [\(kind.rawValue)]" }
}
