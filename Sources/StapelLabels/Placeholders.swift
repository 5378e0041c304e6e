/// `{name}` placeholders in a label (`Antal svar: {n}`), the part of a string a translation must keep.
package enum Placeholders {
    /// One piece of a label: literal text or a placeholder such as `{n}`.
    package enum Piece: Sendable, Hashable {
        case text(String)
        case placeholder(String)
    }

    /// The label cut into text and placeholders; `{` not followed by a name and `}` is plain text.
    package static func pieces(of label: String) -> [Piece] {
        var pieces: [Piece] = []
        var text = ""
        var i = label.startIndex
        while i < label.endIndex {
            if label[i] == "{", let close = label[i...].firstIndex(of: "}"),
               isName(label[label.index(after: i)..<close]) {
                if !text.isEmpty { pieces.append(.text(text)); text = "" }
                pieces.append(.placeholder(String(label[label.index(after: i)..<close])))
                i = label.index(after: close)
            } else {
                text.append(label[i])
                i = label.index(after: i)
            }
        }
        if !text.isEmpty { pieces.append(.text(text)) }
        return pieces
    }

    /// The placeholder names in order of appearance, repeats included.
    package static func names(in label: String) -> [String] {
        pieces(of: label).compactMap { if case .placeholder(let name) = $0 { name } else { nil } }
    }

    /// Whether two labels use the same placeholders, each as often (order may differ between languages).
    package static func match(_ a: String, _ b: String) -> Bool {
        names(in: a).sorted() == names(in: b).sorted()
    }

    /// Whether every brace of the label belongs to a placeholder whose name is also a Python identifier,
    /// so that the PO entry may carry gettext's `python-brace-format` flag and `msgfmt -c` checks it.
    package static func isBraceFormat(_ label: String) -> Bool {
        let pieces = pieces(of: label)
        let literalBraces = pieces.contains { if case .text(let t) = $0 { t.contains("{") || t.contains("}") } else { false } }
        let allIdentifiers = pieces.allSatisfy {
            if case .placeholder(let name) = $0 { !name.contains("-") } else { true }
        }
        return !literalBraces && allIdentifiers && pieces.contains { if case .placeholder = $0 { true } else { false } }
    }

    /// What a translator needs to know about a placeholder Stapel fills in.
    package static func meaning(of name: String) -> String {
        switch name {
        case "n": "a whole number (a count)"
        case "min", "max": "a whole number, the lowest or highest count"
        case "value": "a formatted number"
        case "number": "the question number"
        case "label": "another label (a scale point or column), inserted as it is translated"
        case "group": "a column group's label"
        case "kind": "the kind of chart (another label: “Bar chart”)"
        case "question": "the question's text, possibly shortened with “…”"
        case "top", "bottom": "a formatted share or mean: the highest or lowest of the chart"
        case "top_label", "bottom_label": "the option or statement with the highest or lowest figure"
        case "top_column", "bottom_column": "the column (option) of the highest or lowest figure"
        case "point": "a scale point's label, quoted"
        case "values": "a list of labelled figures"
        default: "a value Stapel fills in"
        }
    }

    static func isName(_ s: Substring) -> Bool {
        guard let first = s.first, first.isASCII, first.isLetter || first == "_" else { return false }
        return s.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_" || $0 == "-") }
    }
}
