import Foundation
import Stapel
import Testing

/// The package root, found from this file's path, so tests run from any working directory.
let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()
let bundledLoader = SurveyLoader(directory: packageRoot.appendingPathComponent("Surveys/digitalisering-2024"))
let bundledLanguages = ["sv", "en"]

/// The bundled survey and its label sets, read once for all tests (nil when they do not load; the tests that
/// need them then fail on `bundledRequest`).
let bundledSurvey: Survey? = try? bundledLoader.loadSurvey()
let bundledLabels: [String: LabelSet] = Dictionary(uniqueKeysWithValues: bundledLanguages.compactMap { language in
    (try? bundledLoader.loadLabels(language)).map { (language, $0) }
})

/// The bundled questions' ids, for parameterised tests; empty when the survey does not load, which
/// `TableBuilderTests.bundledSurveyLoads` reports.
let bundledQuestionIDs: [String] = bundledSurvey?.questions.map(\.id) ?? []

func bundledRequest(_ id: String, language: String = "sv", options: RenderOptions = .init(),
                    overriding overrides: [String: String] = [:]) throws -> RenderRequest {
    let survey = try bundledSurvey ?? bundledLoader.loadSurvey()
    let question = try #require(survey.question(id), "the bundled survey has no question \(id)")
    var labels = try bundledLabels[language] ?? bundledLoader.loadLabels(language)
    for (key, value) in overrides { labels.entries[key] = value }
    return RenderRequest(survey: survey, question: question, labels: labels, style: Style(name: "default"),
                         options: options)
}

/// The second bundled survey (ANES 1996, English source) and the languages its tests render.
let anesLoader = SurveyLoader(directory: packageRoot.appendingPathComponent("Surveys/anes96"))
let anesLanguages = ["en", "de"]

/// A request for any survey folder's question, with the survey's labels and the default style.
func surveyRequest(_ loader: SurveyLoader, _ id: String, language: String, options: RenderOptions = .init()) throws -> RenderRequest {
    let survey = try loader.loadSurvey()
    let question = try #require(survey.question(id), "\(loader.directory.lastPathComponent) has no question \(id)")
    return RenderRequest(survey: survey, question: question, labels: try loader.loadLabels(language),
                         style: Style(name: "default"), options: options)
}

func options(layout: CSVLayout = .tidy, dialect: CSVDialect = .rfc4180, guarded: Bool? = nil,
             standalone: Bool = false) -> RenderOptions {
    var o = RenderOptions()
    o[BackendOptions.csvLayout.declaration.name] = layout.rawValue
    o[BackendOptions.csvDialect.declaration.name] = dialect.rawValue
    o[BackendOptions.csvInjectionGuard.declaration.name] = guarded.map { $0 ? "true" : "false" }
    o[BackendOptions.latexStandalone.declaration.name] = standalone ? "true" : nil
    return o
}

func utf8(_ bytes: [UInt8]) -> String { String(decoding: bytes, as: UTF8.self) }

/// A fresh folder under the system's temporary folder, removed by `cleanUp`.
struct Scratch {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("stapel-tables-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    func cleanUp() { try? FileManager.default.removeItem(at: url) }

    @discardableResult
    func write(_ bytes: [UInt8], to name: String) throws -> URL {
        let file = url.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(bytes).write(to: file)
        return file
    }

    @discardableResult
    func write(_ text: String, to name: String) throws -> URL { try write(Array(text.utf8), to: name) }
}

/// Whitespace runs folded to one space, for comparing text that a PDF may have wrapped.
func folded(_ text: String) -> String {
    text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
}
