import Foundation
import StapelModel

/// Loads a survey folder (`survey.yaml`, `labels/<lang>.yaml`) and Stapel's interface label sets.
package struct SurveyLoader: Sendable {
    package let directory: URL

    package init(directory: URL) { self.directory = directory }

    package var surveyFile: URL { directory.appendingPathComponent("survey.yaml") }
    /// `labels/<language>.yaml`. A `language` that is not a language code (`../x`, `a/b`) gets a name that
    /// cannot exist, never a path outside `labels/`; `checkedLabelsFile` says why.
    package func labelsFile(_ language: String) -> URL {
        let name = LanguageCode.isValid(language) ? language : ".invalid-language-code"
        return directory.appendingPathComponent("labels/\(name).yaml")
    }

    package func loadSurvey(threads: ConcurrentMap = .serial) throws -> Survey {
        var survey = try SurveyReader.read(try SurveyLoader.readText(surveyFile), file: SurveyLoader.display(surveyFile),
                                           threads: threads)
        survey.directory = directory.path
        return survey
    }

    /// Languages with a label set in the survey folder, sorted.
    package func availableLanguages() -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.appendingPathComponent("labels").path)) ?? []
        return names.filter { $0.hasSuffix(".yaml") }.map { String($0.dropLast(5)) }.sorted()
    }

    /// The survey's own label set for `language`.
    package func loadSurveyLabels(_ language: String) throws -> LabelSet {
        let file = try checkedLabelsFile(language)
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: file.path, isDirectory: &isFolder), !isFolder.boolValue else {
            if let target = try? FileManager.default.destinationOfSymbolicLink(atPath: file.path) {
                throw LoadError.unreadableLink(SurveyLoader.display(file), target: target)
            }
            throw LoadError.unknownLanguage(language, available: availableLanguages())
        }
        let set = try LabelSetReader.read(try SurveyLoader.readText(file), file: SurveyLoader.display(file))
        guard set.language == language else {
            throw LoadError.languageMismatch(SurveyLoader.display(file), declared: set.language, expected: language)
        }
        return set
    }

    /// `labels/<language>.yaml`, after checking that `language` is a language code and cannot leave the folder.
    package func checkedLabelsFile(_ language: String) throws -> URL {
        guard LanguageCode.isValid(language) else { throw LoadError.invalidLanguage(language) }
        return labelsFile(language)
    }

    /// The survey's label set combined with the interface strings of the same language. The survey's own
    /// `ui.*` and `number.*` entries win; for a language Stapel ships no interface set for, the survey's set
    /// alone is returned (`InterfaceLabels.missingKeys` says what it still lacks).
    package func loadLabels(_ language: String) throws -> LabelSet {
        let labels = try loadSurveyLabels(language)
        guard InterfaceLabels.has(language) else { return labels }
        return labels.merging(try InterfaceLabels.load(language))
    }

    /// The survey's source language: `language:` in survey.yaml, else the only label set in labels/.
    package func sourceLanguage(of survey: Survey) throws -> String {
        if let language = survey.language { return language }
        let available = availableLanguages()
        guard available.count == 1 else {
            throw LoadError.undeclaredSourceLanguage(SurveyLoader.display(surveyFile), available: available)
        }
        return available[0]
    }

    /// The source language of the survey in this folder (reads survey.yaml).
    package func sourceLanguage() throws -> String { try sourceLanguage(of: try loadSurvey()) }

    static func readText(_ url: URL) throws -> String {
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw LoadError.unreadable(display(url))
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw DataError(SourceLocation(file: display(url), line: 1, column: 1), path: "", "the file is not UTF-8 text")
        }
        return text
    }

    /// A path relative to the working directory when it lies below it, for shorter messages.
    package static func display(_ url: URL) -> String {
        let cwd = FileManager.default.currentDirectoryPath + "/"
        let path = url.standardizedFileURL.path
        return path.hasPrefix(cwd) ? String(path.dropFirst(cwd.count)) : path
    }
}

/// Failures to find or open inputs (as opposed to `DataError`, a file that opens but is wrong).
package enum LoadError: Error, CustomStringConvertible, Sendable {
    case unreadable(String)
    case unknownLanguage(String, available: [String])
    /// survey.yaml declares no `language:` and labels/ holds no label set or several.
    case undeclaredSourceLanguage(String, available: [String])
    case noInterfaceLabels(String, available: [String])
    /// A language given on the command line or in a manifest that is not a language code.
    case invalidLanguage(String)
    /// `labels/sv.yaml` declaring `language: en`.
    case languageMismatch(String, declared: String, expected: String)
    /// A label file that is a dangling symbolic link or a link loop.
    case unreadableLink(String, target: String)

    package var description: String {
        switch self {
        case .unreadable(let path): "error: cannot read '\(path)'"
        case .unknownLanguage(let lang, let available):
            "error: no label set for language '\(lang)'; available: \(available.joined(separator: ", "))"
        case .undeclaredSourceLanguage(let file, let available):
            "error: \(file) does not declare its source language and "
                + (available.isEmpty ? "labels/ holds no label set" : "labels/ holds several (\(available.joined(separator: ", ")))")
                + "; add `language: <code>` (e.g. `language: \(available.first ?? "en")`) to survey.yaml, naming the label set translators translate from"
        case .invalidLanguage(let lang):
            "error: \(LanguageCode.problem(lang))"
        case .languageMismatch(let file, let declared, let expected):
            "error: \(file) declares `language: \(declared)`, but its name says '\(expected)'; rename the file to labels/\(declared).yaml or correct the language"
        case .unreadableLink(let file, let target):
            "error: \(file) is a symbolic link to '\(target)', which does not lead to a readable file (dangling, or a link loop)"
        case .noInterfaceLabels(let lang, let available):
            "error: stapel has no interface strings for language '\(lang)'; built in: \(available.joined(separator: ", "))"
        }
    }
}

/// Stapel's own interface strings ("Antal svar", "Totalt" …), shared by every survey, one set per language.
/// They are compiled into the binary from `Sources/StapelYAML/Resources/Labels/<lang>.yaml` (see the
/// EmbedResources plugin), so they are there wherever `stapel` is copied to.
package enum InterfaceLabels {
    /// Where the shipped sets live in the source tree, for messages and translators.
    package static let sourceFolder = "Sources/StapelYAML/Resources/Labels"

    /// Whether Stapel ships interface strings for `language`.
    package static func has(_ language: String) -> Bool { EmbeddedResources.interfaceLabels[language] != nil }

    /// The YAML text of `language`'s shipped set, if there is one.
    package static func text(_ language: String) -> String? { EmbeddedResources.interfaceLabels[language] }

    package static func availableLanguages() -> [String] { EmbeddedResources.interfaceLabels.keys.sorted() }

    /// The keys every interface set has: those of the English one. A survey's label set for a language Stapel
    /// ships no interface set for must supply them all.
    package static let referenceKeys: [String] = {
        guard let set = try? load("en") else { return [] }
        return set.entries.keys.sorted()
    }()

    /// The interface keys `labels` lacks (none when Stapel ships an interface set for its language).
    package static func missingKeys(in labels: LabelSet) -> [String] {
        referenceKeys.filter { labels[$0] == nil }
    }

    package static func load(_ language: String) throws -> LabelSet {
        guard let text = text(language) else {
            throw LoadError.noInterfaceLabels(language, available: availableLanguages())
        }
        return try LabelSetReader.read(text, file: "\(sourceFolder)/\(language).yaml (built in)")
    }
}
