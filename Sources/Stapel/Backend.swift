/// A writer of one output format: turns a `RenderRequest` into the bytes of one file.
/// Backends are values found by name in `BackendRegistry`, as pandoc's writers are. They are `Sendable` because
/// a build renders on several threads at once; a backend that needs C state (a Cairo surface) creates it inside
/// `render` and frees it before returning, so no two renders share it.
public protocol Backend: Sendable {
    /// The name used with `--format` and in `stapel.yaml` (`png`, `csv` …).
    var name: String { get }
    /// File extension without the dot.
    var fileExtension: String { get }
    /// One line for `stapel backends`.
    var summary: String { get }
    /// The `RenderOptions` this backend reads. An incremental build re-renders its files when one of these
    /// changes and not when another backend's option does. `nil` (the default): it may read any of them.
    var options: [BackendOption]? { get }
    /// Whether the bytes depend on the installed font files (charts do, text tables do not). Default: true.
    var usesFonts: Bool { get }
    /// What else identifies this backend's output beyond its name and Stapel's version: for an external
    /// backend, a digest of its program. Default: empty.
    var revision: String { get }
    func render(_ request: RenderRequest) throws -> [UInt8]
    /// The file's bytes together with what the backend noticed while making them (a label that overflows its
    /// room …). Default: `render` with no warnings.
    func renderOutput(_ request: RenderRequest) throws -> BackendOutput
}

/// The bytes of one output file and the backend's warnings about it, one line each.
public struct BackendOutput: Sendable {
    public var bytes: [UInt8]
    public var warnings: [String]

    public init(bytes: [UInt8], warnings: [String] = []) {
        self.bytes = bytes
        self.warnings = warnings
    }
}

extension Backend {
    public func renderOutput(_ request: RenderRequest) throws -> BackendOutput { BackendOutput(bytes: try render(request)) }
    public var options: [BackendOption]? { nil }
    public var usesFonts: Bool { true }
    public var revision: String { "" }
}

/// One setting of `RenderOptions`, as a backend declares it: its command-line name, the values it takes, and
/// how to read it, so that `stapel backends` can list it and input digests can include exactly it.
public struct BackendOption: Sendable {
    /// The flag and manifest name (`csv-layout`).
    public var name: String
    /// The accepted values, for the listing; empty when any value goes.
    public var values: [String]
    public var summary: String
    /// The option's current value, as text.
    public var value: @Sendable (RenderOptions) -> String

    public init(name: String, values: [String], summary: String, value: @escaping @Sendable (RenderOptions) -> String) {
        self.name = name
        self.values = values
        self.summary = summary
        self.value = value
    }

    public static let csvLayout = BackendOption(name: "csv-layout", values: ["tidy", "wide"],
                                                summary: "one row per value, or the table as printed") { $0.csvLayout }
    public static let csvDialect = BackendOption(name: "csv-dialect", values: ["rfc4180", "excel-sv"],
                                                 summary: "comma and point, or Excel's Swedish semicolon and comma") { $0.csvDialect }
    public static let csvInjectionGuard = BackendOption(name: "csv-injection-guard", values: ["default", "true", "false"],
                                                        summary: "neutralise cells that spreadsheets read as formulas") {
        $0.csvInjectionGuard.map { String($0) } ?? "default"
    }
    public static let latexStandalone = BackendOption(name: "latex-standalone", values: ["false", "true"],
                                                      summary: "complete documents instead of fragments for \\input") {
        String($0.latexStandalone)
    }
}
