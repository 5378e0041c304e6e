/// The table backends (csv, tex, md), registered in `BackendRegistry.builtIn`.
extension BackendRegistry {
    public static let tableBackends: [any Backend] = []
}
