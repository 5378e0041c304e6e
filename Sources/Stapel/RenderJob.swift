import Foundation

/// One output file to produce: a question-scoped request, the backend that renders it, and where it goes.
public struct RenderJob: Sendable {
    /// The request as `QuestionScope` cut it: exactly what the output may depend on.
    public var request: RenderRequest
    public var backend: any Backend
    /// The output folder; its `.stapel-state.json` records this output.
    public var root: URL
    /// The path below `root` (`sv/q01.png`).
    public var relativePath: String

    public init(request: RenderRequest, backend: any Backend, root: URL, relativePath: String) {
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
