import Foundation
import Stapel
import Testing

/// Text that cannot be laid out as designed is reported by the render run, naming the figure and the label key,
/// in any language — not only under the pseudo-locale.
@Suite struct LayoutWarningReportTests {
    func render(_ survey: URL, into scratch: Scratch, language: String, style: String = "default") throws -> BuildReport {
        let plan = RenderPlan(surveyDirectory: survey, outputDirectory: scratch.url.appendingPathComponent("out"),
                              stylesDirectory: stylesFolder, formats: ["png", "pdf"], languages: [language],
                              style: style, questions: ["q01", "q05"])
        return try RenderPipeline().run(plan)
    }

    @Test func anUnbreakableLabelIsReportedWithItsKey() throws {
        let scratch = try Scratch()
        defer { scratch.cleanUp() }
        let survey = try scratch.copyOfSurvey()
        let word = String(repeating: "Datadrivenhetsförmåga", count: 8)
        try edit(survey.appendingPathComponent("labels/en.yaml"), replacing: "regeringen: \"", with: "regeringen: \"\(word) ")
        let report = try render(survey, into: scratch, language: "en")
        let hits = report.warnings.filter { $0.contains("q05") && $0.contains("questions.q05.rows.regeringen") }
        #expect(!hits.isEmpty, "\(report.warnings)")
        // Reported once per figure, not once per format.
        #expect(hits.count == Set(hits).count)
        #expect(report.failed.isEmpty)
        // A second build renders nothing, and still reports what the outputs it kept warned about.
        let again = try render(survey, into: scratch, language: "en")
        #expect(again.written.isEmpty && again.unchanged.count == 4)
        #expect(again.warnings == report.warnings, "\(again.warnings)")
    }

    @Test func theBundledSurveyLaysOutCleanlyInSwedish() throws {
        let scratch = try Scratch()
        defer { scratch.cleanUp() }
        let report = try render(bundledSurvey, into: scratch, language: "sv")
        #expect(report.warnings.isEmpty, "\(report.warnings)")
        #expect(report.written.count == 4)
    }

    @Test func aFigureTooTallForItsSlideIsReported() throws {
        let scratch = try Scratch()
        defer { scratch.cleanUp() }
        let plan = RenderPlan(surveyDirectory: bundledSurvey, outputDirectory: scratch.url.appendingPathComponent("out"),
                              stylesDirectory: stylesFolder, formats: ["svg"], languages: ["pseudo"],
                              style: "slides", questions: ["q35"])
        let report = try RenderPipeline().run(plan)
        #expect(report.warnings.contains { $0.contains("q35") && $0.contains("frame-overflow") }, "\(report.warnings)")
    }

    /// A font family that is not installed is named with the family Pango draws with instead.
    @Test func aMissingFontFamilyIsReported() throws {
        let scratch = try Scratch()
        defer { scratch.cleanUp() }
        try scratch.write("format: stapel-style/1\nextends: default\nfonts:\n  family: NoSuchFontFamily\n", to: "styles/nofont.yaml")
        let plan = RenderPlan(surveyDirectory: bundledSurvey, outputDirectory: scratch.url.appendingPathComponent("out"),
                              stylesDirectory: scratch.url.appendingPathComponent("styles"), formats: ["png", "csv"],
                              languages: ["sv"], style: "nofont", questions: ["q01"])
        let report = try RenderPipeline().run(plan)
        #expect(report.warnings.contains { $0.contains("'NoSuchFontFamily', which is not installed") && $0.contains("drawn in '") },
                "\(report.warnings)")
        // A table-only run draws no text and says nothing.
        var tables = plan
        tables.formats = ["csv"]
        #expect(!(try RenderPipeline().run(tables)).warnings.contains { $0.contains("NoSuchFontFamily") })
    }
}
