/// The table of backends by name. A new built-in backend is one module plus one line in `chartBackends` or
/// `tableBackends`; an external backend is a program named `stapel-backend-NAME` that `resolving` adds.
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

    /// This registry plus an external backend for every name in `formats` that it lacks, found by `finder`.
    /// A built-in name is never shadowed by a program. Throws `unknownFormat` (listing built-in and found
    /// external names) for a name nothing provides, and the backend's own error when it cannot describe itself.
    public func resolving(_ formats: [String], with finder: ExternalBackendFinder) throws -> BackendRegistry {
        var registry = self
        for name in formats where registry.backend(named: name) == nil {
            guard let external = try finder.backend(named: name) else {
                throw RenderPipeline.PlanError.unknownFormat(name, available: names + finder.availableNames().filter { !names.contains($0) })
            }
            registry.register(external)
        }
        return registry
    }
}
