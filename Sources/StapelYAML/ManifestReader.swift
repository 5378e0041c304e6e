import Foundation
import StapelModel

/// Reads `stapel.yaml` (format `stapel-manifest/1`) into a `Manifest`, reporting every wrong field with its
/// file, line and column:
///
/// ```yaml
/// format: stapel-manifest/1
/// output: Output                  # default Output
/// styles-folder: Styles           # default Styles
/// backends-folder: Tools/backends # optional: searched for stapel-backend-NAME before PATH
/// backend-timeout: 60             # seconds per output of an external backend
/// formats: [png, pdf, svg, csv, tex, md]   # defaults for every survey below; default: every built-in backend
/// languages: [sv, en]             # default [sv]
/// styles: [default]               # default [default]
/// surveys:
///   - path: Surveys/digitalisering-2024
///     questions: all              # or [q01, q05]
///     output: Output              # default: the top-level output
///     csv-layout: tidy            # tidy | wide
///     csv-dialect: rfc4180        # rfc4180 | excel-sv
///     latex-standalone: false
///     fallback-language: sv
///     overrides:
///       q05: {chart: diverging, sort: mean, width: 120}
/// ```
package enum ManifestReader {
    package static let defaultFileName = "stapel.yaml"

    static let topFields: Set<String> = ["format", "output", "styles-folder", "backends-folder", "backend-timeout",
                                         "formats", "languages", "styles", "surveys"]
    /// The manifest's own fields of a survey entry; any other field is a backend option.
    package static let entryFields: Set<String> = ["path", "output", "formats", "languages", "styles", "questions",
                                                  "fallback-language", "overrides"]
    static let overrideFields: Set<String> = ["chart", "sort", "width", "highlight"]

    /// Reads the manifest at `url`.
    package static func load(_ url: URL) throws -> Manifest {
        try read(try SurveyLoader.readText(url), file: SurveyLoader.display(url),
                 directory: url.deletingLastPathComponent())
    }

    /// Reads manifest text; relative paths resolve against `directory`.
    package static func read(_ text: String, file: String, directory: URL) throws -> Manifest {
        let root = try YAMLReader.parse(text, file: file)
        try root.checkFields(topFields)
        let formatReader = try root.required("format")
        let format = try formatReader.string()
        guard format == Manifest.format else {
            throw formatReader.error("unsupported format '\(format)'; expected '\(Manifest.format)'")
        }
        func folder(_ reader: YAMLReader) throws -> URL {
            let path = try reader.string()
            return path.hasPrefix("/") ? URL(fileURLWithPath: path) : directory.appendingPathComponent(path)
        }
        let output = try root.optional("output").map(folder) ?? directory.appendingPathComponent("Output")
        let styles = try root.optional("styles-folder").map(folder) ?? directory.appendingPathComponent("Styles")
        var backendFolders: [URL] = []
        if let reader = try root.optional("backends-folder") {
            if case .sequence = reader.node {
                backendFolders = try reader.sequence().map(folder)
            } else {
                backendFolders = [try folder(reader)]
            }
        }
        var timeout: Double?
        if let reader = try root.optional("backend-timeout") {
            let seconds = try reader.number()
            guard seconds > 0 else { throw reader.error("expected a number of seconds above 0, found \(seconds)") }
            timeout = seconds
        }
        let defaultFormats = try root.optional("formats").map(names)
        // No `languages:` means each survey's own source language (an empty list; see RenderPlan.languages).
        let defaultLanguages = try root.optional("languages").map(names) ?? []
        let defaultStyles = try root.optional("styles").map(names) ?? ["default"]

        let surveysReader = try root.required("surveys")
        let entries = try surveysReader.sequence()
        guard !entries.isEmpty else { throw surveysReader.error("list at least one survey") }
        var surveys: [Manifest.Entry] = []
        for entry in entries {
            // Every other field is a backend option (`csv-layout: wide`): the backends declare which exist, so
            // the planner checks them against the declarations and reports a wrong one here, at its place.
            var optionFields: [Manifest.OptionField] = []
            if case .mapping(let pairs) = entry.node {
                for (key, value) in pairs {
                    guard case .scalar(let name) = key, !entryFields.contains(name.string) else { continue }
                    let path = "\(entry.path).\(name.string)"
                    // Placed at the key, as an unknown field is; a list or mapping is no option value.
                    let keyLocation = YAMLReader(node: key, path: path, file: entry.file).location
                    let text: String? = if case .scalar(let scalar) = value { scalar.string } else { nil }
                    optionFields.append(Manifest.OptionField(name: name.string, value: text, location: keyLocation, path: path))
                }
            }
            var questions: [String] = []
            if let reader = try entry.optional("questions") {
                if case .scalar = reader.node {
                    guard try reader.string() == "all" else { throw reader.error("expected 'all' or a list of question ids") }
                } else {
                    questions = try reader.identifiers()
                }
            }
            var overrides: [QuestionOverride] = []
            if let reader = try entry.optional("overrides") {
                for (id, fields) in try reader.mapping() {
                    overrides.append(try questionOverride(id: id, fields))
                }
            }
            surveys.append(Manifest.Entry(
                directory: try folder(try entry.required("path")),
                outputDirectory: try entry.optional("output").map(folder) ?? output,
                formats: try entry.optional("formats").map(names) ?? defaultFormats,
                languages: try entry.optional("languages").map(names) ?? defaultLanguages,
                styles: try entry.optional("styles").map(names) ?? defaultStyles,
                questions: questions, options: RenderOptions(), optionFields: optionFields,
                fallbackLanguage: try entry.optional("fallback-language")?.identifier(),
                overrides: overrides, location: entry.location, path: entry.path))
        }
        return Manifest(file: file, directory: directory, stylesDirectory: styles, backendFolders: backendFolders,
                        backendTimeout: timeout, surveys: surveys)
    }

    /// A non-empty list of ids, without repeats.
    static func names(_ reader: YAMLReader) throws -> [String] {
        let list = try reader.sequence()
        guard !list.isEmpty else { throw reader.error("expected a list of at least one name") }
        var result: [String] = []
        for item in list {
            let name = try item.identifier()
            guard !result.contains(name) else { throw item.error("'\(name)' is listed twice") }
            result.append(name)
        }
        return result
    }

    static func oneOf(_ reader: YAMLReader, _ allowed: [String]) throws -> String {
        let value = try reader.string()
        guard allowed.contains(value) else {
            throw reader.error("unknown value '\(value)'; expected one of: \(allowed.joined(separator: ", "))")
        }
        return value
    }

    static func questionOverride(id: String, _ reader: YAMLReader) throws -> QuestionOverride {
        var result = QuestionOverride(question: id, location: reader.location, path: reader.path)
        for (field, value) in try reader.mapping(allowed: overrideFields) {
            switch field {
            case "chart":
                result.chart = GridLayout(rawValue: try oneOf(value, GridLayout.allCases.map(\.rawValue)))
            case "sort":
                result.sort = try oneOf(value, QuestionOverride.sortOrders)
            case "width":
                let mm = try value.number()
                guard mm > 0 else { throw value.error("expected a width in millimetres above 0, found \(mm)") }
                result.widthMM = mm
            default:
                result.highlight = try value.identifiers()
            }
        }
        return result
    }
}
