import Foundation

/// Turns a `Manifest` into render plans: one per survey entry and style. With one style an entry writes into its
/// output folder; with several, each style gets a subfolder named after it, so that no file is written twice.
public enum ManifestPlanner {
    /// Every format the manifest names; an entry without `formats` takes the built-in backends.
    public static func formats(_ manifest: Manifest, builtIn: BackendRegistry = .builtIn) -> [String] {
        var result: [String] = []
        for entry in manifest.surveys {
            for format in entry.formats ?? builtIn.names where !result.contains(format) { result.append(format) }
        }
        return result
    }

    /// The finder for the manifest's external backends: its `backends-folder`, then `extraFolders` (the folder
    /// holding `stapel`), then `PATH`.
    public static func finder(_ manifest: Manifest, extraFolders: [URL] = [], timeout: Double? = nil) -> ExternalBackendFinder {
        ExternalBackendFinder(folders: manifest.backendFolders + extraFolders,
                              timeout: timeout ?? manifest.backendTimeout ?? ExternalBackendFinder.defaultTimeout)
    }

    public static func plans(_ manifest: Manifest, builtIn: BackendRegistry = .builtIn) -> [RenderPlan] {
        manifest.surveys.flatMap { entry in
            entry.styles.map { style in
                RenderPlan(surveyDirectory: entry.directory,
                           outputDirectory: entry.styles.count > 1 ? entry.outputDirectory.appendingPathComponent(style)
                                                                   : entry.outputDirectory,
                           stylesDirectory: manifest.stylesDirectory,
                           formats: entry.formats ?? builtIn.names, languages: entry.languages, style: style,
                           questions: entry.questions, options: entry.options, fallbackLanguage: entry.fallbackLanguage,
                           overrides: entry.overrides)
            }
        }
    }
}
