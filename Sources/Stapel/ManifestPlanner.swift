import Foundation

/// Turns a `Manifest` into render plans: one per survey entry and style. With one style an entry writes into its
/// output folder; with several, each style gets a subfolder named after it, so that no file is written twice.
package enum ManifestPlanner {
    /// Every format the manifest names; an entry without `formats` takes the built-in backends.
    package static func formats(_ manifest: Manifest, builtIn: BackendRegistry = .builtIn) -> [String] {
        var result: [String] = []
        for entry in manifest.surveys {
            for format in entry.formats ?? builtIn.names where !result.contains(format) { result.append(format) }
        }
        return result
    }

    /// The finder for the manifest's external backends: its `backends-folder`, then `extraFolders` (the folder
    /// holding `stapel`), then `PATH`.
    package static func finder(_ manifest: Manifest, extraFolders: [URL] = [], timeout: Double? = nil) -> ExternalBackendFinder {
        ExternalBackendFinder(folders: manifest.backendFolders + extraFolders,
                              timeout: timeout ?? manifest.backendTimeout ?? ExternalBackendFinder.defaultTimeout)
    }

    /// The plans of every entry and style. An entry's other fields are backend options, checked against the
    /// options `registry`'s backends declare: a misspelt one or a wrong value is reported at its place.
    package static func plans(_ manifest: Manifest, builtIn: BackendRegistry = .builtIn) throws -> [RenderPlan] {
        try manifest.surveys.flatMap { entry -> [RenderPlan] in
            var entry = entry
            let declared = builtIn.options
            for field in entry.optionFields {
                guard let declaration = declared.first(where: { $0.name == field.name }) else {
                    let known = (ManifestReader.entryFields.sorted() + declared.map(\.name)).joined(separator: ", ")
                    throw field.error("unknown field '\(field.name)'; expected one of: \(known)")
                }
                guard let value = field.value else {
                    throw field.error("expected one value for '\(field.name)': \(declaration.values.joined(separator: ", "))")
                }
                do {
                    entry.options[field.name] = try declaration.validated(value)
                } catch {
                    throw field.error("unknown value '\(value)'; expected one of: \(declaration.values.joined(separator: ", "))")
                }
            }
            return entry.styles.map { style in
                var plan = RenderPlan(surveyDirectory: entry.directory,
                           outputDirectory: entry.styles.count > 1 ? entry.outputDirectory.appendingPathComponent(style)
                                                                   : entry.outputDirectory,
                           stylesDirectory: manifest.stylesDirectory,
                           formats: entry.formats ?? builtIn.names, languages: entry.languages, style: style,
                           questions: entry.questions, options: entry.options, fallbackLanguage: entry.fallbackLanguage,
                           overrides: entry.overrides)
                plan.origin = "\(entry.location) (\(entry.path)\(entry.styles.count > 1 ? ", style \(style)" : ""))"
                return plan
            }
        }
    }
}
