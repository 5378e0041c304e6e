import Foundation

/// One output file to produce: the question's scoped request, the backend that renders it, and where it goes.
public struct RenderJob: Sendable {
    /// The request as `QuestionScope` cut it: exactly what the output may depend on.
    public var request: RenderRequest
    public var backend: Backend
    /// The output folder; its `.stapel-state.json` records this output.
    public var root: URL
    /// The path below `root` (`sv/q01.png`).
    public var relativePath: String

    public init(request: RenderRequest, backend: Backend, root: URL, relativePath: String) {
        self.request = request
        self.backend = backend
        self.root = root
        self.relativePath = relativePath
    }

    public var output: URL { root.appendingPathComponent(relativePath) }
    public var questionID: String { request.question.id }
    public var language: String { request.labels.language }
    public var format: String { backend.name }
}

/// The unit of work of a build: one question × language × style with every output it has. A worker takes a
/// whole question, so one rendition serves all its formats and no two threads lay out the same figure.
public struct QuestionJob: Sendable {
    public var request: RenderRequest
    public var outputs: [RenderJob]

    public init(request: RenderRequest, outputs: [RenderJob]) {
        self.request = request
        self.outputs = outputs
    }
}
