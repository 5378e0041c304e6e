/// A writer of one output format: turns a `RenderRequest` into the bytes of one file.
/// Backends are values found by name in `BackendRegistry`, as pandoc's writers are.
public protocol Backend: Sendable {
    /// The name used with `--format` (`png`, `csv` …).
    var name: String { get }
    /// File extension without the dot.
    var fileExtension: String { get }
    /// One line for `stapel backends`.
    var summary: String { get }
    func render(_ request: RenderRequest) throws -> [UInt8]
}
