/// The chart backends (png, pdf, svg), registered in `BackendRegistry.builtIn`.
extension BackendRegistry {
    public static let chartBackends: [any Backend] = []
}
