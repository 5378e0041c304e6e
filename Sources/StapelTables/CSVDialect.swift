import StapelModel

/// A CSV flavour: separator, decimal marker, byte order mark, and whether formulas are guarded by default.
/// `rfc4180` is for machines (comma, point, no BOM); `excel-sv` opens directly in a Swedish Excel
/// (semicolon, decimal comma, BOM so that Excel reads UTF-8). Both end records with CRLF.
package enum CSVDialect: String, CaseIterable, Sendable {
    case rfc4180
    case excelSV = "excel-sv"

    package var separator: Character { self == .rfc4180 ? "," : ";" }

    /// How the dialect writes numbers: the shared `NumberFormat` with the dialect's marker and no grouping,
    /// since a group separator would make a spreadsheet read the number as text.
    package var numberFormat: NumberFormat {
        NumberFormat(decimalSeparator: self == .rfc4180 ? "." : ",", groupSeparator: "", percentPattern: "{value}")
    }

    package var writesByteOrderMark: Bool { self == .excelSV }

    /// Every dialect guards formula-like text cells by default: an rfc4180 file is opened in a spreadsheet as
    /// often as it is read by a program (OWASP CSV injection). Numbers are never altered. Writers that need the
    /// text verbatim opt out explicitly (`CSVTableWriter(guardsFormulas: false)`, `--csv-injection-guard off`).
    package var guardsFormulasByDefault: Bool { true }
}

/// The shape of a CSV table: `tidy` has one record per question × statement × option; `wide` mirrors the
/// printed table.
package enum CSVLayout: String, CaseIterable, Sendable {
    case tidy
    case wide
}
