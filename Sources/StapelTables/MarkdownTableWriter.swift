import StapelModel

/// Writes a `Table` as a GitHub-flavoured Markdown pipe table: the question as a bold lead-in, one header
/// row, numbers right-aligned in the language's format, the notes as paragraphs below.
package struct MarkdownTableWriter: Sendable {
    package var numberFormat: NumberFormat
    /// The notes (respondents, rounding, source) as paragraphs under the table; off for a document that
    /// states them elsewhere.
    package var writesNotes: Bool

    package init(numberFormat: NumberFormat, writesNotes: Bool = true) {
        self.numberFormat = numberFormat
        self.writesNotes = writesNotes
    }

    package func write(_ table: Table) -> String {
        let table = table.printed
        let e = MarkdownTableWriter.escape
        var out = ""
        if let title = table.title { out += "**\(e(title))** " }
        out += e(table.caption) + "\n\n"
        out += "| " + ([e(table.stubHeader)] + table.columns.map { e($0.flatHeader) }).joined(separator: " | ") + " |\n"
        out += "| :-- |" + String(repeating: " --: |", count: table.columns.count) + "\n"
        // One grouping rule per column: a column of counts is grouped alike from top to bottom.
        let counts: [[String]?] = table.columns.indices.map { j in
            guard table.columns[j].measure == .count else { return nil }
            return numberFormat.integers(table.rows.map { j < $0.cells.count ? Int(($0.cells[j] ?? 0).rounded()) : 0 })
        }
        for (i, row) in table.rows.enumerated() {
            let stub = e(row.stub)
            // GFM has no rules inside a table; a bold stub sets the "Totalt" row apart.
            var cells = [row.kind == .total && !stub.isEmpty ? "**\(stub)**" : stub]
            for (j, (column, cell)) in zip(table.columns, row.cells).enumerated() {
                // Numbers carry the label set's separators and percent pattern: escaped like any text.
                cells.append(cell.map { e(counts[j]?[i] ?? number($0, column.measure, table)) } ?? "")
            }
            out += "| " + cells.joined(separator: " | ") + " |\n"
        }
        for note in table.notes where writesNotes { out += "\n" + e(note) + "\n" }
        return out
    }

    func number(_ value: Double, _ measure: Measure, _ table: Table) -> String {
        measure == .count ? numberFormat.integer(Int(value.rounded())) : numberFormat.decimal(value, decimals: table.decimals(measure))
    }

    /// Text that reads as itself inside a table cell: pipes and inline markup escaped, HTML and entities
    /// disarmed, line breaks (which would end the row) turned into spaces.
    package static func escape(_ text: String) -> String {
        needsNoEscaping(text) ? text : escapeCharacters(text)
    }

    /// `escape`, character by character.
    static func escapeCharacters(_ text: String) -> String {
        var out = ""
        var pendingSpace = false
        for ch in text {
            if ch.isNewline || ch == "\t" {
                pendingSpace = true
                continue
            }
            if pendingSpace {
                if !out.isEmpty && out.last != " " { out += " " }
                pendingSpace = false
            }
            if "\\`*_[]<>|~&".contains(ch) { out += "\\" }
            out.append(ch)
        }
        return out.trimmingSpaces()
    }

    /// Whether `escape` would return `text` as it is, judged from its bytes: no line break, tab or character
    /// Markdown gives a meaning (U+0085, U+2028 and U+2029 are the line breaks outside ASCII), and no space at
    /// either end.
    static func needsNoEscaping(_ text: String) -> Bool {
        let utf8 = text.utf8
        guard let first = utf8.first, let last = utf8.last, first != 0x20, last != 0x20 else { return text.isEmpty }
        var previous: UInt8 = 0, beforePrevious: UInt8 = 0
        for byte in utf8 {
            switch byte {
            case 0x09...0x0D, UInt8(ascii: "\\"), UInt8(ascii: "`"), UInt8(ascii: "*"), UInt8(ascii: "_"), UInt8(ascii: "["),
                 UInt8(ascii: "]"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "|"), UInt8(ascii: "~"), UInt8(ascii: "&"):
                return false
            case 0x85 where previous == 0xC2: return false
            case 0xA8...0xA9 where previous == 0x80 && beforePrevious == 0xE2: return false
            default: break
            }
            beforePrevious = previous
            previous = byte
        }
        return true
    }
}

extension String {
    func trimmingSpaces() -> String {
        var s = Substring(self)
        while s.first == " " { s = s.dropFirst() }
        while s.last == " " { s = s.dropLast() }
        return String(s)
    }
}
