import Foundation

/// One output file to produce: the question's scoped request, the backend that renders it, and where it goes.
package struct RenderJob: Sendable {
    /// The request as `QuestionScope` cut it: exactly what the output may depend on.
    package var request: RenderRequest
    package var backend: Backend
    /// The output folder; its `.stapel-state.json` records this output.
    package let root: URL
    /// The path below `root` (`sv/q01.png`).
    package let relativePath: String
    /// `root` with `relativePath`: made once, as a plan of thousands of outputs asks for it several times each.
    package let output: URL

    package init(request: RenderRequest, backend: Backend, root: URL, relativePath: String) {
        self.request = request
        self.backend = backend
        self.root = root
        self.relativePath = relativePath
        output = root.appendingPathComponent(relativePath, isDirectory: false)
    }

    package var questionID: String { request.question.id }
    package var language: String { request.labels.language }
    package var format: String { backend.name }
}

/// What a build renders of one question × language × style: every output it has. A worker takes all of its
/// figure formats at once, so one rendition serves them and no two threads lay out the same figure; its tables,
/// which need neither the figure nor fonts, are a unit of their own (`BuildRunner.Unit`).
package struct QuestionJob: Sendable {
    package var request: RenderRequest
    package var outputs: [RenderJob]

    package init(request: RenderRequest, outputs: [RenderJob]) {
        self.request = request
        self.outputs = outputs
    }
}
