/// How long a translation may be, derived from the source text's length and where the text is drawn.
///
/// Headroom follows the usual expansion guides (short strings grow most when translated): a one-line text
/// gets 30 % or 8 characters more, a wrapped label 40 % or 12, running text 50 % or 20. Only a one-line
/// text has a hard limit: anything longer cannot be laid out as designed.
package struct LengthHint: Sendable, Hashable {
    /// Characters of the source text.
    package var sourceLength: Int
    /// The suggested maximum in characters; nil where length does not matter.
    package var maxLength: Int?
    /// Whether a longer text cannot be laid out (one line), as opposed to wrapping onto more lines.
    package var isHard: Bool
    package var layout: LabelPlacement.Layout

    package init(source: String, layout: LabelPlacement.Layout) {
        let length = source.count
        sourceLength = length
        self.layout = layout
        func room(_ factor: Double, _ slack: Int) -> Int {
            max(Int((Double(length) * factor).rounded(.up)), length + slack)
        }
        switch length == 0 ? .none : layout {
        case .line: maxLength = room(1.3, 8); isHard = true
        case .label: maxLength = room(1.4, 12); isHard = false
        case .paragraph: maxLength = room(1.5, 20); isHard = false
        case .none: maxLength = nil; isHard = false
        }
    }

    /// "at most 18 characters (source: 10); one line, does not wrap". An empty source (a publisher left
    /// blank) gives no limit.
    package var summary: String {
        guard let maxLength else { return "no length limit" }
        let bound = isHard ? "at most" : "about"
        let how = switch layout {
        case .line: "one line, does not wrap"
        case .label: "wraps onto more lines in a narrow box when longer"
        case .paragraph: "running text, wraps freely"
        case .none: ""
        }
        return "\(bound) \(maxLength) characters (source: \(sourceLength)); \(how)"
    }

    /// Whether `translation` is longer than a hard limit allows.
    package func isExceeded(by translation: String) -> Bool {
        guard isHard, let maxLength else { return false }
        return translation.count > maxLength
    }
}
