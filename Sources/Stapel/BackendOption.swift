import StapelTables

/// A value a backend option can take, written as text on the command line and in the manifest.
public protocol BackendOptionValue: Sendable {
    /// Every accepted text, for listings and errors; empty when any text goes.
    static var optionTexts: [String] { get }
    init?(optionText: String)
    var optionText: String { get }
}

extension BackendOptionValue where Self: CaseIterable & RawRepresentable, RawValue == String {
    public static var optionTexts: [String] { allCases.map(\.rawValue) }
    public init?(optionText: String) { self.init(rawValue: optionText) }
    public var optionText: String { rawValue }
}

extension Bool: BackendOptionValue {
    public static var optionTexts: [String] { ["false", "true"] }
    public init?(optionText: String) {
        switch optionText {
        case "true": self = true
        case "false": self = false
        default: return nil
        }
    }
    public var optionText: String { self ? "true" : "false" }
}

extension CSVLayout: BackendOptionValue {}
extension CSVDialect: BackendOptionValue {}

/// Whether CSV text cells that a spreadsheet would read as a formula are neutralised.
public enum FormulaGuard: String, CaseIterable, Sendable, BackendOptionValue {
    /// As the dialect does by default.
    case dialectDefault = "default"
    case on = "true"
    case off = "false"

    /// The writer's setting: nil for the dialect's default.
    public var setting: Bool? {
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
public struct BackendOption<Value: BackendOptionValue>: Sendable {
    public let declaration: OptionDeclaration
    public let defaultValue: Value

    public init(_ name: String, default defaultValue: Value, summary: String) {
        self.defaultValue = defaultValue
        self.declaration = OptionDeclaration(name: name, values: Value.optionTexts, defaultText: defaultValue.optionText,
                                             summary: summary, isFlag: Value.self == Bool.self)
    }

    /// The option's value in `options`, its default when unset (the value was validated when it was set).
    public func value(in options: RenderOptions) -> Value {
        options[declaration.name].flatMap(Value.init(optionText:)) ?? defaultValue
    }
}

/// A backend option without its type: what listings, parsers and digests need.
public struct OptionDeclaration: Sendable, Hashable {
    /// The flag and manifest field (`csv-layout`).
    public let name: String
    /// The accepted values; empty when any text goes.
    public let values: [String]
    public let defaultText: String
    public let summary: String
    /// A `Bool` option: `--latex-standalone` alone means true on the command line.
    public let isFlag: Bool

    /// `text` if the option accepts it, else an error listing what it accepts.
    public func validated(_ text: String) throws -> String {
        guard values.isEmpty || values.contains(text) else {
            throw OptionError.badValue(option: name, value: text, allowed: values)
        }
        return text
    }

    /// The option's text in `options`, its default when unset: what the input digest records.
    public func text(in options: RenderOptions) -> String { options[name] ?? defaultText }
}

/// A backend option that was misspelt or given a value it does not take.
public enum OptionError: Error, CustomStringConvertible, Sendable, Equatable {
    case unknownOption(String, known: [String])
    case badValue(option: String, value: String, allowed: [String])
    case missingValue(String)

    public var description: String {
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
public enum BackendOptions {
    public static let csvLayout = BackendOption("csv-layout", default: CSVLayout.tidy,
                                                summary: "one record per value (tidy), or the table as printed (wide)")
    public static let csvDialect = BackendOption("csv-dialect", default: CSVDialect.rfc4180,
                                                 summary: "comma and point (rfc4180), or Excel's Swedish semicolon and comma (excel-sv)")
    public static let csvInjectionGuard = BackendOption("csv-injection-guard", default: FormulaGuard.dialectDefault,
                                                        summary: "neutralise text cells that spreadsheets read as formulas")
    public static let latexStandalone = BackendOption("latex-standalone", default: false,
                                                      summary: "complete documents instead of fragments for \\input")
    public static let mdNotes = BackendOption("md-notes", default: true, summary: "the notes (respondents, source) under the table")
}
