/// The table of backends by name. A new built-in backend is one module plus one line here.
public struct BackendRegistry: Sendable {
    public private(set) var backends: [any Backend]

    public init(_ backends: [any Backend]) { self.backends = backends }

    /// Every built-in backend, in the order `stapel backends` lists them.
    public static let builtIn = BackendRegistry(chartBackends + tableBackends)

    public var names: [String] { backends.map(\.name) }

    public func backend(named name: String) -> (any Backend)? { backends.first { $0.name == name } }

    public mutating func register(_ backend: any Backend) {
        backends.removeAll { $0.name == backend.name }
        backends.append(backend)
    }
}
