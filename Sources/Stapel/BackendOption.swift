import StapelTables

/// A value a backend option can take, written as text on the command line and in the manifest.
package protocol BackendOptionValue: Sendable {
    /// Every accepted text, for listings and errors; empty when any text goes.
    static var optionTexts: [String] { get }
    init?(optionText: String)
    var optionText: String { get }
}

extension BackendOptionValue where Self: CaseIterable & RawRepresentable, RawValue == String {
    package static var optionTexts: [String] { allCases.map(\.rawValue) }
    package init?(optionText: String) { self.init(rawValue: optionText) }
    package var optionText: String { rawValue }
}

extension Bool: BackendOptionValue {
    package static var optionTexts: [String] { ["false", "true"] }
    package init?(optionText: String) {
        switch optionText {
        case "true": self = true
        case "false": self = false
        default: return nil
        }
    }
    package var optionText: String { self ? "true" : "false" }
}

extension CSVLayout: BackendOptionValue {}
extension CSVDialect: BackendOptionValue {}

/// Whether CSV text cells that a spreadsheet would read as a formula are neutralised.
package enum FormulaGuard: String, CaseIterable, Sendable, BackendOptionValue {
    /// As the dialect does by default.
    case dialectDefault = "default"
    case on = "true"
    case off = "false"

    /// The writer's setting: nil for the dialect's default.
    package var setting: Bool? {
        switch self {
        case .dialectDefault: nil
        case .on: true
        case .off: false
        }
    }
}

/// One option of a backend, declared once with its type, default and summary. The command line
/// (`--csv-layout wide`), the manifest (`csv-layout: wide`), `stapel backends`, the input digests and the
/// external-backend request are all derived from the declarations the backends list.
package struct BackendOption<Value: BackendOptionValue>: Sendable {
    package let declaration: OptionDeclaration
    package let defaultValue: Value

    package init(_ name: String, default defaultValue: Value, summary: String) {
        self.defaultValue = defaultValue
        self.declaration = OptionDeclaration(name: name, values: Value.optionTexts, defaultText: defaultValue.optionText,
                                             summary: summary, isFlag: Value.self == Bool.self)
    }

    /// The option's value in `options`, its default when unset (the value was validated when it was set).
    package func value(in options: RenderOptions) -> Value {
        options[declaration.name].flatMap(Value.init(optionText:)) ?? defaultValue
    }
}

/// A backend option without its type: what listings, parsers and digests need.
package struct OptionDeclaration: Sendable, Hashable {
    /// The flag and manifest field (`csv-layout`).
    package let name: String
    /// The accepted values; empty when any text goes.
    package let values: [String]
    package let defaultText: String
    package let summary: String
    /// A `Bool` option: `--latex-standalone` alone means true on the command line.
    package let isFlag: Bool

    /// `text` if the option accepts it, else an error listing what it accepts.
    package func validated(_ text: String) throws -> String {
        guard values.isEmpty || values.contains(text) else {
            throw OptionError.badValue(option: name, value: text, allowed: values)
        }
        return text
    }

    /// The option's text in `options`, its default when unset: what the input digest records.
    package func text(in options: RenderOptions) -> String { options[name] ?? defaultText }
}

/// A backend option that was misspelt or given a value it does not take.
package enum OptionError: Error, CustomStringConvertible, Sendable, Equatable {
    case unknownOption(String, known: [String])
    case badValue(option: String, value: String, allowed: [String])
    case missingValue(String)

    package var description: String {
        switch self {
        case .unknownOption(let name, let known):
            "unknown option '\(name)'; the backends' options are: \(known.joined(separator: ", "))"
        case .badValue(let option, let value, let allowed):
            "unknown value '\(value)' for \(option); expected one of: \(allowed.joined(separator: ", "))"
        case .missingValue(let option):
            "the option --\(option) needs a value"
        }
    }
}

/// The options of the built-in backends. Adding an option is one line here and its use in the backend's
/// `render`: the flag, the manifest field, the listing and the digest follow from the backend's `options`.
package enum BackendOptions {
    package static let csvLayout = BackendOption("csv-layout", default: CSVLayout.tidy,
                                                summary: "one record per value (tidy), or the table as printed (wide)")
    package static let csvDialect = BackendOption("csv-dialect", default: CSVDialect.rfc4180,
                                                 summary: "comma and point (rfc4180), or Excel's Swedish semicolon and comma (excel-sv)")
    package static let csvInjectionGuard = BackendOption("csv-injection-guard", default: FormulaGuard.dialectDefault,
                                                        summary: "neutralise text cells that spreadsheets read as formulas")
    package static let latexStandalone = BackendOption("latex-standalone", default: false,
                                                      summary: "complete documents instead of fragments for \\input")
    package static let mdNotes = BackendOption("md-notes", default: true, summary: "the notes (respondents, source) under the table")
}
