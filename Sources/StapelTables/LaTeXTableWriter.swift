import StapelModel

/// Writes a `Table` as a booktabs table for pdflatex: a `table` float to `\input` into a report, or a complete
/// document. Long statements wrap in a ragged-right `X` column; numbers go raw into siunitx `S` columns, which
/// align them on the decimal marker and print the language's marker.
package struct LaTeXTableWriter: Sendable {
    /// Write a complete document rather than a fragment.
    package var standalone: Bool
    /// The decimal marker siunitx prints ("," in Swedish).
    package var decimalMarker: String
    /// The babel language of a standalone document.
    package var babelLanguage: String
    /// siunitx grouping of whole numbers: the separator (`\,`, `{.}`, `{,}`) and the fewest digits grouped, as
    /// the language's `NumberFormat` has them, so a table's counts read as the charts' and Markdown's do.
    package var groupSeparator: String
    package var groupMinimumDigits: Int

    package init(standalone: Bool = false, decimalMarker: String = ".", babelLanguage: String = "english",
                groupSeparator: String = "\\,", groupMinimumDigits: Int = 4) {
        self.standalone = standalone
        self.decimalMarker = decimalMarker
        self.babelLanguage = babelLanguage
        self.groupSeparator = groupSeparator
        self.groupMinimumDigits = groupMinimumDigits
    }

    /// A writer for `language`'s conventions: its number format's decimal marker and grouping, and its babel language.
    package init(standalone: Bool, language: String, numberFormat: NumberFormat) {
        self.init(standalone: standalone, decimalMarker: numberFormat.decimalSeparator,
                  babelLanguage: LaTeXTableWriter.babelLanguages[language] ?? "english",
                  groupSeparator: LaTeXTableWriter.siunitxGroupSeparator(numberFormat.groupSeparator),
                  groupMinimumDigits: max(numberFormat.groupMinimumDigits, 4))
    }

    /// Babel names of the languages Stapel ships interface strings for (Debian: texlive-lang-english,
    /// -european, -german, -french); others fall back to English hyphenation.
    package static let babelLanguages = ["sv": "swedish", "en": "british", "de": "ngerman", "fr": "french",
                                        "fi": "finnish", "nb": "norsk", "no": "norsk", "da": "danish"]

    /// The siunitx `group-separator` for a number format's separator: a point or comma as itself, any space
    /// (no-break, narrow, thin) as a thin space `\,`, which pdflatex draws (U+202F and U+2009 stop it).
    package static func siunitxGroupSeparator(_ separator: String) -> String {
        switch separator {
        case ".": "{.}"
        case ",": "{,}"
        case "'", "’": "{'}"
        default: "\\,"
        }
    }

    /// The packages a fragment needs, as its first comment line says.
    package static let preamble = """
        \\usepackage[T1]{fontenc}
        \\usepackage{lmodern}
        \\usepackage{array,booktabs,tabularx,siunitx}
        """

    package func write(_ table: Table) throws -> String {
        let fragment = try self.fragment(table.printed)
        guard standalone else { return fragment }
        return """
            \\documentclass{article}
            \(LaTeXTableWriter.preamble)
            \\usepackage[\(babelLanguage)]{babel}
            \\pagestyle{empty}
            \\begin{document}
            \(fragment)\\end{document}

            """
    }

    /// Text safe inside a `%` comment line: a comment ends at the end of the line, so every line break
    /// (LF, CR, form feed, U+2028/2029, NEL) and every other control character becomes a space; without this a
    /// value holding "\n\\input{…}" would be run by pdflatex.
    package static func commentText(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.map { s in
            s.value < 0x20 || (0x7F...0x9F).contains(s.value) || s.value == 0x2028 || s.value == 0x2029 ? " " : s
        }))
    }

    func fragment(_ printed: Table) throws -> String {
        // Scale headers too long for their columns even at the smallest size would be hyphenated over many
        // lines ("ut-sträck-ning"): they become keys (the point's code, else its number) explained in a note.
        var table = printed
        var layout = LaTeXColumnWidths(table: table, formats: table.columns.indices.map { format(of: $0, in: printed) })
        if layout.hyphenatesHeaders, let keyed = printed.keyedOptionHeaders() {
            table = keyed
            layout = LaTeXColumnWidths(table: table, formats: table.columns.indices.map { format(of: $0, in: table) })
        }
        let e = LaTeXEscaper.escape
        let k = table.columns.count
        let c = LaTeXTableWriter.commentText
        var out = "% Stapel table \(c(table.surveyID))/\(c(table.questionID)) (\(c(table.language)))\n"
        out += "% needs: \\usepackage[T1]{fontenc}, \\usepackage{lmodern}, \\usepackage{array,booktabs,tabularx,siunitx}\n"
        out += "\\begin{table}[htbp]\n\\centering\n"
        let caption = try e(table.caption)
        if let short = table.shortCaption, !short.isEmpty {
            out += "\\caption[\(try e(short))]{\(caption)}\n"
        } else {
            out += "\\caption{\(caption)}\n"
        }
        out += "\\label{tab:\(table.surveyID)-\(table.questionID)}\n"
        let formats = table.columns.indices.map { format(of: $0, in: table) }
        out += "\\\(layout.fontSize)\n\\setlength{\\tabcolsep}{\(Int(layout.columnSeparation))pt}\n"

        // A hanging indent marks where a wrapped statement ends and the next begins.
        var spec = "@{}>{\\raggedright\\arraybackslash\\hangindent=1em\\hangafter=1\\hspace{0pt}}X"
        for j in table.columns.indices {
            if hasGap(before: j, in: table) { spec += "@{\(LaTeXTableWriter.gap)}" }
            let f = formats[j]
            spec += "S[table-format=\(f.negative ? "-" : "")\(f.integer).\(f.decimals)"
            if decimalMarker == "," { spec += ",output-decimal-marker={,}" }
            // Only a column with four-digit numbers needs grouping options; the others read as before.
            if f.decimals == 0, f.integer >= 4 {
                spec += ",group-digits=integer,group-minimum-digits=\(groupMinimumDigits),group-separator=\(groupSeparator)"
            }
            spec += "]"
        }
        spec += "@{}"
        out += "\\begin{tabularx}{\\linewidth}{\(spec)}\n\\toprule\n"

        // A header cell spanning columns a..<b replaces their templates, so it repeats the inter-column material
        // the preamble puts at its edges: a gap on the right stays there, a gap on the left has already eaten
        // this column's left padding, and the table's outer edge has none.
        func headerCell(_ a: Int, _ b: Int, _ text: String) throws -> String {
            let fraction = layout.fractions[a..<b].reduce(0, +)
            // A set-apart gap inside a spanner widens the span by its 1em.
            let gaps = ((a + 1)..<b).filter { hasGap(before: $0, in: table) }.count
            let width = "\\dimexpr \(LaTeXTableWriter.decimal(fraction))\\linewidth+\(2 * (b - a - 1))\\tabcolsep"
                + String(repeating: "+1em", count: gaps) + "\\relax"
            let left = hasGap(before: a, in: table) ? "@{}" : ""
            let right = b == k ? "@{}" : hasGap(before: b, in: table) ? "@{\(LaTeXTableWriter.gap)}" : ""
            // Three letters at least after a hyphen: a narrow header would otherwise end on "-de" or "-ten".
            return "\\multicolumn{\(b - a)}{\(left)>{\\centering\\arraybackslash\\righthyphenmin=3 \\hspace{0pt}}b{\(width)}\(right)}{\(try e(text))}"
        }

        if !table.groups.isEmpty {
            var cells = [""]
            var rules = ""
            var j = 0
            while j < k {
                if let group = table.group(of: j), group.columns.lowerBound == j {
                    cells.append(try headerCell(j, group.columns.upperBound, group.title))
                    rules += "\\cmidrule(lr){\(j + 2)-\(group.columns.upperBound + 1)}"
                    j = group.columns.upperBound
                } else {
                    cells.append("")
                    j += 1
                }
            }
            out += cells.joined(separator: " & ") + " \\\\\n" + rules + "\n"
        }
        var header = [try e(table.stubHeader)]
        for (j, column) in table.columns.enumerated() { header.append(try headerCell(j, j + 1, column.header)) }
        out += header.joined(separator: " & ") + " \\\\\n\\midrule\n"

        for row in table.rows {
            if row.kind == .total { out += "\\midrule\n" }
            var cells = [try e(row.stub)]
            for (column, cell) in zip(table.columns, row.cells) {
                cells.append(cell.map { NumberFormat.plain($0, decimals: table.decimals(column.measure)) } ?? "")
            }
            out += cells.joined(separator: " & ") + " \\\\\n"
        }
        out += "\\bottomrule\n\\end{tabularx}\n"
        if !table.notes.isEmpty {
            out += "\n\\smallskip\n{\\raggedright\n"
            for note in table.notes { out += try e(note) + "\\par\n" }
            out += "}\n"
        }
        out += "\\end{table}\n"
        return out
    }

    /// The space before a "not applicable" column, which stands apart from the scale it follows.
    static let gap = "\\hspace{\\tabcolsep}\\hspace{1em}\\hspace{\\tabcolsep}"

    func hasGap(before j: Int, in table: Table) -> Bool {
        j > 0 && j < table.columns.count && table.columns[j].setApart && !table.columns[j - 1].setApart
    }

    /// siunitx `table-format` digits wide enough for every value of column `j` ("2.1", "-1.1", "3.0").
    func format(of j: Int, in table: Table) -> (integer: Int, decimals: Int, negative: Bool) {
        let decimals = table.decimals(table.columns[j].measure)
        var digits = 1
        var negative = false
        for row in table.rows {
            guard j < row.cells.count, let value = row.cells[j] else { continue }
            let plain = NumberFormat.plain(value, decimals: decimals)
            negative = negative || plain.hasPrefix("-")
            let whole = plain.split(separator: ".").first.map { $0.filter(\.isNumber).count } ?? 1
            digits = max(digits, whole)
        }
        return (digits, decimals, negative)
    }

    /// A fraction with four decimals, rounded up so that a column is never narrower than reckoned.
    static func decimal(_ value: Double) -> String {
        let scaled = Int((value * 10_000).rounded(.up))
        let digits = String(scaled)
        let padded = String(repeating: "0", count: max(0, 5 - digits.count)) + digits
        return padded.dropLast(4) + "." + padded.suffix(4)
    }
}
