/// The table of backends by name, one literal list as pandoc's `writers` is. A new built-in backend is one
/// value (in ChartBackends.swift or TableBackends.swift) and one entry in `builtIn`; an external backend is a
/// program named `stapel-backend-NAME` that `resolving` adds.
package struct BackendRegistry: Sendable {
    package private(set) var backends: [Backend]
    /// The backends writing one file per language from all its questions (DocumentBackends: the review
    /// gallery, the report PDF and DOCX). Named in `--format` and `formats:` like any other.
    package private(set) var documents: [DocumentBackend]

    package init(_ backends: [Backend], documents: [DocumentBackend] = []) {
        self.backends = backends
        self.documents = documents
    }

    /// Every built-in backend, in the order `stapel backends` lists them.
    package static let builtIn = BackendRegistry([.png, .pdf, .svg, .csv, .tex, .md, .html, .alt],
                                                documents: [.gallery, .reportPDF, .reportDOCX])

    /// The per-question formats: what a run without `--format` (or an entry without `formats:`) writes.
    /// The documents, which need pdflatex or pandoc, are named explicitly.
    package var names: [String] { backends.map(\.name) }

    /// The document formats (`index`, `report-pdf`, `report-docx`).
    package var documentNames: [String] { documents.map(\.name) }

    /// Every format name, per-question then document.
    package var allNames: [String] { names + documentNames }

    package func backend(named name: String) -> Backend? { backends.first { $0.name == name } }

    package func document(named name: String) -> DocumentBackend? { documents.first { $0.name == name } }

    /// Whether any of `formats` draws with fonts (a question backend or a document backend): what needs Cairo,
    /// Pango and fontconfig loaded (`GraphicsLibraries`) and fontconfig's files in the run record.
    package func usesFonts(_ formats: [String]) -> Bool {
        formats.contains { backend(named: $0)?.usesFonts ?? document(named: $0)?.usesFonts ?? false }
    }

    /// Whether some backend, per-question or document, has this name.
    package func provides(_ name: String) -> Bool { backend(named: name) != nil || document(named: name) != nil }

    package mutating func register(_ backend: Backend) {
        backends.removeAll { $0.name == backend.name }
        backends.append(backend)
    }

    /// Every option any backend of this registry declares, each once, in listing order.
    package var options: [OptionDeclaration] {
        var seen = Set<String>()
        return (backends.flatMap(\.options) + documents.flatMap(\.options)).filter { seen.insert($0.name).inserted }
    }

    /// `values` (option name → text) checked against the declarations: an unknown name or a value the
    /// option does not take is an error naming what exists.
    package func options(from values: [(name: String, value: String)]) throws -> RenderOptions {
        var result = RenderOptions()
        let declared = options
        for (name, value) in values {
            guard let declaration = declared.first(where: { $0.name == name }) else {
                throw OptionError.unknownOption(name, known: declared.map(\.name))
            }
            result[name] = try declaration.validated(value)
        }
        return result
    }

    /// This registry plus an external backend for every name in `formats` that it lacks, found by `finder`.
    /// A built-in name is never shadowed by a program. Throws `unknownFormat` (listing built-in and found
    /// external names) for a name nothing provides, and the backend's own error when it cannot describe itself.
    package func resolving(_ formats: [String], with finder: ExternalBackendFinder) throws -> BackendRegistry {
        var registry = self
        for name in formats where !registry.provides(name) {
            guard let external = try finder.backend(named: name) else {
                throw RenderPipeline.PlanError.unknownFormat(name, available: allNames + finder.availableNames().filter { !allNames.contains($0) })
            }
            registry.register(external)
        }
        return registry
    }
}
