import Foundation

/// A writer of one file per language from all of that language's questions — the review gallery
/// (`index.html`) and the report documents (`report.pdf`, `report.docx`) — as a value, next to the
/// per-question `Backend`s in `BackendRegistry`. It receives one `Rendition` per question, in questionnaire
/// order, with the parts it `reads`, and the context of the run.
///
/// `write` may run on a worker thread while other documents and questions render; it creates whatever C state
/// or temporary folder it needs and removes it before returning.
package struct DocumentBackend: Sendable {
    /// The name used with `--format` and in `stapel.yaml` (`index`, `report-pdf` …).
    package var name: String
    /// The file written in each language's folder (`index.html`).
    package var fileName: String
    /// One line for `stapel backends`.
    package var summary: String
    /// The parts of each question's rendition the document reads; its digest covers exactly these.
    package var reads: Backend.Reads
    package var options: [OptionDeclaration]
    /// Whether the bytes depend on the installed font files (figures drawn by Cairo).
    package var usesFonts: Bool
    /// What else identifies this backend's output beyond its name and Stapel's version.
    package var revision: String
    package var write: @Sendable ([Rendition], DocumentContext) throws -> BackendOutput

    package init(name: String, fileName: String, summary: String, reads: Backend.Reads, options: [OptionDeclaration] = [],
                usesFonts: Bool? = nil, revision: String = "",
                write: @escaping @Sendable ([Rendition], DocumentContext) throws -> BackendOutput) {
        self.name = name
        self.fileName = fileName
        self.summary = summary
        self.reads = reads
        self.options = options
        self.usesFonts = usesFonts ?? reads.contains(.figure)
        self.revision = revision
        self.write = write
    }

    /// The per-question backend whose digest a question contributes to this document's digest: same name,
    /// reads, options and fonts, so a document goes stale exactly when one of its questions' inputs does.
    var digestBackend: Backend {
        Backend(name: "document:" + name, fileExtension: fileName, summary: summary, reads: reads, options: options,
                usesFonts: usesFonts, revision: revision) { _ in BackendOutput(bytes: []) }
    }
}

/// What a document knows of its run beyond the questions: the language, the formats written per question
/// (for links), the survey's style (logo), and the house style's folder.
package struct DocumentContext: Sendable {
    package var language: String
    /// Every format of the run, per-question and document (`png`, `html`, `index` …).
    package var formats: [String]
    /// The language's labels with every survey and interface string (`survey.title`, `ui.report.*`).
    package var labels: LabelSet
    package var survey: Survey
    package var style: Style

    package init(language: String, formats: [String], labels: LabelSet, survey: Survey, style: Style) {
        self.language = language
        self.formats = formats
        self.labels = labels
        self.survey = survey
        self.style = style
    }
}

/// One document file: a language's question requests (in questionnaire order), the document backend, and
/// where the file goes. Its input digest combines the digests of the question inputs it includes.
package struct DocumentJob: Sendable {
    package var requests: [RenderRequest]
    package var backend: DocumentBackend
    package var context: DocumentContext
    package var root: URL
    /// The path below `root` (`sv/index.html`).
    package var relativePath: String

    package init(requests: [RenderRequest], backend: DocumentBackend, context: DocumentContext, root: URL, relativePath: String) {
        self.requests = requests
        self.backend = backend
        self.context = context
        self.root = root
        self.relativePath = relativePath
    }

    package var output: URL { root.appendingPathComponent(relativePath, isDirectory: false) }
    package var language: String { context.language }
    package var format: String { backend.name }

    /// What the build reports about this document.
    package var info: OutputInfo { OutputInfo(output: output, questionID: nil, language: language, format: format) }

    /// The SHA-256 of everything the document depends on: each included question's input digest (as a backend
    /// reading what this document reads), the run's formats (its links), the style's logo file, and the
    /// backend's name and revision.
    package func digest(fonts: [String: String]) -> String {
        let backend = backend.digestBackend
        var members: [CanonicalValue.Member] = [
            .init("stapel", .string(StapelVersion.current)),
            .init("document", .string(self.backend.name)),
            .init("file", .string(self.backend.fileName)),
            .init("revision", .string(self.backend.revision)),
            .init("formats", .array(context.formats.map { .string($0) })),
        ]
        if let logo = context.style.logoURL {
            let bytes = FileManager.default.contents(atPath: logo.path).map { Array($0) } ?? []
            members.append(.init("logo", .string(logo.lastPathComponent + ":" + InputDigest.sha256Hex(bytes))))
        }
        members.append(.init("questions", .array(requests.map { request in
            .string(InputDigest.of(request, backend: backend, fonts: fonts[request.style.fonts.family]))
        })))
        return InputDigest.hash(.object(members))
    }
}

/// One planned output as a build reports it: a question's file or a language's document.
package struct OutputInfo: Sendable {
    package var output: URL
    /// The question, or nil for a document of all questions.
    package var questionID: String?
    package var language: String
    package var format: String

    package init(output: URL, questionID: String?, language: String, format: String) {
        self.output = output
        self.questionID = questionID
        self.language = language
        self.format = format
    }
}

extension RenderJob {
    package var info: OutputInfo { OutputInfo(output: output, questionID: questionID, language: language, format: format) }
}

extension Style {
    /// The style's logo file, if it names one.
    package var logoURL: URL? { page.logo.map { URL(fileURLWithPath: $0) } }
}
