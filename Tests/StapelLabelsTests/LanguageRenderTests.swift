import Foundation
import Testing
import Stapel
import StapelLabels

/// Every question rendered in English and in the pseudo-locale through real backends: no Swedish text, no
/// unresolved key, the language's number format; the pseudo-locale renders every figure.
@Suite struct LanguageRenderTests {
    let survey: Survey

    init() throws { survey = try bundledLoader.loadSurvey() }

    func requests(_ language: String) throws -> [RenderRequest] {
        let plan = RenderPlan(surveyDirectory: bundledSurvey, outputDirectory: packageRoot.appendingPathComponent("Output"),
                              stylesDirectory: packageRoot.appendingPathComponent("Styles"), formats: [],
                              languages: [language], style: "default")
        return try RenderPipeline().prepare(plan).requests.map(\.request)
    }

    /// The backend's output with Markdown's backslash escapes removed, so that label texts can be found in it.
    func render(_ format: String, _ request: RenderRequest) throws -> String {
        let backend = try #require(BackendRegistry.builtIn.backend(named: format), "no '\(format)' backend")
        return String(decoding: try backend.render(request), as: UTF8.self).replacingOccurrences(of: "\\", with: "")
    }

    @Test func englishTablesHaveNoSwedishAndEnglishNumbers() throws {
        for request in try requests("en") {
            let table = try render("md", request)
            let id = request.question.id
            #expect(!table.contains { "åäöÅÄÖ".contains($0) }, "\(id): Swedish letters in\n\(table)")
            #expect(!table.contains("[questions.") && !table.contains("[ui.") && !table.contains("[scales."),
                    "\(id): an unresolved label in\n\(table)")
            #expect(table.contains(request.labels.text("questions.\(id).text")))
            if case .singleChoice(let q) = request.question, let p = q.options.first?.percent {
                #expect(table.contains(NumberFormat.english.decimal(p)), "\(id): \(p) not written as English")
                #expect(!table.contains(NumberFormat.swedish.decimal(p)), "\(id): \(p) written with a decimal comma")
            }
        }
    }

    @Test func pseudoLocaleRendersEveryTableAndFigure() throws {
        let chartFormats = BackendRegistry.builtIn.backends.map(\.name).filter { $0 == "pdf" }
        for request in try requests("pseudo") {
            let id = request.question.id
            let table = try render("md", request)
            #expect(table.contains(request.labels.text("questions.\(id).text")), "\(id): the pseudo question text is missing")
            #expect(!table.contains("[questions.") && !table.contains("[ui."), "\(id): an unresolved label")
            for format in chartFormats {
                let bytes = try #require(BackendRegistry.builtIn.backend(named: format)).render(request)
                #expect(!bytes.isEmpty, "\(id): empty \(format)")
            }
        }
    }
}
