/// A writer of one output format, as a value: its name, file extension, what it reads of a question's
/// `Rendition`, the options it takes, and a render function. Backends are found by name in the literal table of
/// `BackendRegistry`, as pandoc's writers are; a flavour is a derived value, not a new type.
///
/// `render` may run on several threads at once for different questions; a backend that needs C state (a
/// Cairo surface) creates it inside `render` and frees it before returning.
package struct Backend: Sendable {
    /// The parts of a rendition a backend reads. Input digests cover exactly these: a table backend's outputs
    /// do not go stale when a bar colour changes.
    package struct Reads: OptionSet, Sendable, Hashable {
        package let rawValue: Int
        package init(rawValue: Int) { self.rawValue = rawValue }
        /// The laid-out figure (and so the whole house style and the fonts).
        package static let figure = Reads(rawValue: 1)
        /// The normalised table (and the style's `tables` section).
        package static let table = Reads(rawValue: 2)
        /// The whole question-scoped request (data, labels, style): external programs.
        package static let request = Reads(rawValue: 4)
    }

    /// The name used with `--format` and in `stapel.yaml` (`png`, `csv` …).
    package var name: String
    /// File extension without the dot.
    package var fileExtension: String
    /// One line for `stapel backends`.
    package var summary: String
    package var reads: Reads
    /// The options this backend takes, declared once (see `BackendOptions`).
    package var options: [OptionDeclaration]
    /// Whether the bytes depend on the installed font files. Default: when the backend reads the figure.
    package var usesFonts: Bool
    /// What else identifies this backend's output beyond its name and Stapel's version: for an external
    /// backend, a digest of its program.
    package var revision: String
    /// Writes the file's bytes (and the backend's own warnings) from the question's rendition.
    package var write: @Sendable (Rendition) throws -> BackendOutput

    package init(name: String, fileExtension: String, summary: String, reads: Reads, options: [OptionDeclaration] = [],
                usesFonts: Bool? = nil, revision: String = "", write: @escaping @Sendable (Rendition) throws -> BackendOutput) {
        self.name = name
        self.fileExtension = fileExtension
        self.summary = summary
        self.reads = reads
        self.options = options
        self.usesFonts = usesFonts ?? reads.contains(.figure)
        self.revision = revision
        self.write = write
    }

    /// One file for one request: a rendition with the parts this backend reads, then `write`. A build makes
    /// one rendition per question for all its backends instead.
    package func render(_ request: RenderRequest) throws -> [UInt8] { try renderOutput(request).bytes }

    /// `render` with the backend's warnings and the rendition's layout warnings.
    package func renderOutput(_ request: RenderRequest) throws -> BackendOutput {
        let rendition = Rendition(request, parts: reads)
        var output = try write(rendition)
        output.warnings = rendition.warnings.map(\.description) + output.warnings
        return output
    }
}

/// The bytes of one output file and the backend's warnings about it, one line each.
package struct BackendOutput: Sendable {
    package var bytes: [UInt8]
    package var warnings: [String]

    package init(bytes: [UInt8], warnings: [String] = []) {
        self.bytes = bytes
        self.warnings = warnings
    }
}
