import StapelModel

/// Writes a `Table` as CSV in a layout and dialect, quoting per RFC 4180 and, when guarded, neutralising text
/// cells that a spreadsheet would run as a formula.
package struct CSVTableWriter: Sendable {
    package var layout: CSVLayout
    package var dialect: CSVDialect
    package var guardsFormulas: Bool

    /// `guardsFormulas` nil means the dialect's default.
    package init(layout: CSVLayout = .tidy, dialect: CSVDialect = .rfc4180, guardsFormulas: Bool? = nil) {
        self.layout = layout
        self.dialect = dialect
        self.guardsFormulas = guardsFormulas ?? dialect.guardsFormulasByDefault
    }

    /// Column names of the tidy layout: variable names, the same in every language so that files combine.
    package static let tidyHeader = ["question_id", "question", "statement_id", "statement", "option_id", "option_code",
                                    "option", "n", "percent", "respondents", "mean", "median", "selections"]

    package func write(_ table: Table) -> String {
        let records = layout == .tidy ? tidy(table) : wide(table)
        var out = dialect.writesByteOrderMark ? "\u{FEFF}" : ""
        for record in records {
            out += record.map(encode).joined(separator: String(dialect.separator))
            out += "\r\n"
        }
        return out
    }

    /// A field before encoding: text from labels (guarded, quoted when needed) or a number the tool wrote.
    enum Field: Equatable {
        case text(String)
        case number(String)
    }

    func tidy(_ table: Table) -> [[Field]] {
        var records: [[Field]] = [CSVTableWriter.tidyHeader.map { .text($0) }]
        for record in table.tidyRecords {
            var fields: [Field] = [.text(table.questionID), .text(table.caption),
                                   .text(record.statement?.id ?? ""), .text(record.statement?.label ?? ""),
                                   .text(record.option.id), .text(record.option.code ?? ""), .text(record.option.label)]
            for measure in [Measure.count, .percent] { fields.append(number(record.values[measure], measure, table)) }
            fields.append(.number(dialect.numberFormat.integer(record.respondents)))
            for measure in [Measure.mean, .median] { fields.append(number(record.values[measure], measure, table)) }
            fields.append(table.selections.map { .number(dialect.numberFormat.integer($0)) } ?? .number(""))
            records.append(fields)
        }
        return records
    }

    func wide(_ table: Table) -> [[Field]] {
        var records: [[Field]] = [[.text(table.stubHeader)] + table.columns.map { .text($0.flatHeader) }]
        for row in table.rows {
            records.append([.text(row.stub)] + zip(table.columns, row.cells).map { number($1, $0.measure, table) })
        }
        return records
    }

    func number(_ value: Double?, _ measure: Measure, _ table: Table) -> Field {
        guard let value else { return .number("") }
        if measure == .count { return .number(dialect.numberFormat.integer(Int(value.rounded()))) }
        return .number(dialect.numberFormat.decimal(value, decimals: table.decimals(measure)))
    }

    func encode(_ field: Field) -> String {
        switch field {
        case .number(let s): return s
        case .text(let s):
            let guarded = guardsFormulas && CSVTableWriter.isFormulaLike(s)
            let text = guarded ? "'" + s : s
            let needsQuotes = guarded || CSVTableWriter.mayNeedQuotes(text, separator: dialect.separator)
                && text.contains { $0 == dialect.separator || $0 == "\"" || $0.isNewline }
            guard needsQuotes else { return text }
            var quoted = "\""
            for ch in text { quoted += ch == "\"" ? "\"\"" : String(ch) }
            return quoted + "\""
        }
    }

    /// False when `text` surely holds neither `separator` nor a quote nor a line break, judged from its bytes:
    /// with an ASCII separator, none of those bytes and no lead of U+0085, U+2028 or U+2029 (C2, E2).
    static func mayNeedQuotes(_ text: String, separator: Character) -> Bool {
        guard let sep = separator.asciiValue else { return true }
        return text.utf8.contains { $0 == sep || $0 == UInt8(ascii: "\"") || (0x0A...0x0D).contains($0) || $0 == 0xC2 || $0 == 0xE2 }
    }

    /// Text a spreadsheet may evaluate: it starts with `=`, `+`, `-`, `@`, tab, CR or LF (OWASP), unless the
    /// whole text is a plain number, which a spreadsheet reads as that number anyway.
    package static func isFormulaLike(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, "=+-@\t\r\n".unicodeScalars.contains(first) else { return false }
        return !isPlainNumber(text)
    }

    static func isPlainNumber(_ text: String) -> Bool {
        var rest = Substring(text)
        if rest.first == "-" || rest.first == "+" { rest = rest.dropFirst() }
        let parts = rest.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count) else { return false }
        return parts.allSatisfy { !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isNumber } }
    }
}
