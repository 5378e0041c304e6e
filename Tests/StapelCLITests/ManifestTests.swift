import Foundation
import Stapel
import Testing

/// `stapel.yaml`: reading, errors placed in the file, plans, per-question overrides.
@Suite struct ManifestTests {
    let folder = URL(fileURLWithPath: "/project")

    func read(_ text: String) throws -> Manifest {
        try ManifestReader.read(text, file: "stapel.yaml", directory: folder)
    }

    func message(_ text: String) -> String {
        do {
            _ = try ManifestPlanner.plans(try read(text))
            return "no error"
        } catch {
            return "\(error)"
        }
    }

    @Test func theProjectManifestRendersBothBundledSurveysInEveryFormatAndTheirLanguages() throws {
        let manifest = try ManifestReader.load(packageRoot.appendingPathComponent("stapel.yaml"))
        let entry = try #require(manifest.surveys.first)
        #expect(manifest.surveys.count == 2)
        let anes = try #require(manifest.surveys.last)
        #expect(anes.directory.lastPathComponent == "anes96")
        #expect(anes.languages == ["en", "de"])
        #expect(anes.outputDirectory.standardizedFileURL == packageRoot.appendingPathComponent("Output/anes96").standardizedFileURL)
        #expect(Set(anes.formats ?? BackendRegistry.builtIn.names) == Set(BackendRegistry.builtIn.allNames))
        #expect(entry.directory.standardizedFileURL == bundledSurvey.standardizedFileURL)
        #expect(entry.outputDirectory.standardizedFileURL == packageRoot.appendingPathComponent("Output").standardizedFileURL)
        #expect(entry.languages == ["sv", "en"])
        #expect(entry.styles == ["default"])
        #expect(entry.questions.isEmpty)
        #expect(Set(entry.formats ?? BackendRegistry.builtIn.names) == Set(BackendRegistry.builtIn.allNames))
    }

    @Test func defaultsAndRelativePaths() throws {
        let manifest = try read("""
            format: stapel-manifest/1
            surveys:
              - path: Surveys/a
            """)
        let entry = try #require(manifest.surveys.first)
        #expect(entry.directory.path == "/project/Surveys/a")
        #expect(entry.outputDirectory.path == "/project/Output")
        #expect(manifest.stylesDirectory.path == "/project/Styles")
        #expect(entry.formats == nil)
        #expect(entry.languages == [], "no languages: the survey's source language")
        #expect(entry.styles == ["default"])
        #expect(manifest.backendTimeout == nil)
    }

    @Test func errorsNameTheLineColumnAndField() {
        #expect(message("format: stapel-manifest/2\nsurveys: []") .contains("stapel.yaml:1:9: error: format: unsupported format 'stapel-manifest/2'"))
        #expect(message("format: stapel-manifest/1\nsurveys:\n  - path: a\n    langauges: [sv]")
            .contains("stapel.yaml:4:5: error: surveys[0].langauges: unknown field 'langauges'"))
        #expect(message("format: stapel-manifest/1\nsurveys:\n  - path: a\n    csv-layout: long")
            .contains("stapel.yaml:4:5: error: surveys[0].csv-layout: unknown value 'long'; expected one of: tidy, wide"))
        // Backend options are the backends' declarations: every declared one is a manifest field, a misspelt
        // one is an error at its place that lists them.
        let misspelt = message("format: stapel-manifest/1\nsurveys:\n  - path: a\n    csv-layuot: wide")
        #expect(misspelt.contains("stapel.yaml:4:5: error: surveys[0].csv-layuot: unknown field 'csv-layuot'"), "\(misspelt)")
        for option in BackendRegistry.builtIn.options {
            #expect(misspelt.contains(option.name))
            #expect(message("format: stapel-manifest/1\nsurveys:\n  - path: a\n    \(option.name): \(option.defaultText)") == "no error")
        }
        #expect(message("format: stapel-manifest/1\nsurveys:\n  - path: a\n    overrides:\n      q05: {chart: pie}")
            .contains("stapel.yaml:5:20: error: surveys[0].overrides.q05.chart: unknown value 'pie'"))
        #expect(message("format: stapel-manifest/1\nsurveys:\n  - path: a\n    languages: [sv, sv]").contains("'sv' is listed twice"))
        #expect(message("format: stapel-manifest/1\nbackend-timeout: 0\nsurveys:\n  - path: a").contains("above 0"))
    }

    @Test func severalStylesGetAFolderEach() throws {
        let manifest = try read("""
            format: stapel-manifest/1
            formats: [csv]
            surveys:
              - path: s
                styles: [default, slides]
            """)
        let plans = try ManifestPlanner.plans(manifest)
        #expect(plans.map(\.outputDirectory.path) == ["/project/Output/default", "/project/Output/slides"])
        #expect(plans.map(\.style) == ["default", "slides"])
        #expect(plans.allSatisfy { $0.formats == ["csv"] })
    }

    @Test func overridesChangeTheQuestionsStyle() throws {
        let manifest = try read("""
            format: stapel-manifest/1
            surveys:
              - path: s
                overrides:
                  q05: {chart: diverging, sort: mean, width: 120}
                  q02: {sort: questionnaire}
            """)
        let survey = try SurveyLoader(directory: bundledSurvey).loadSurvey()
        let overrides = try #require(manifest.surveys.first?.overrides)
        var grid = Style(name: "default")
        try overrides[0].apply(to: &grid, for: try #require(survey.question("q05")))
        #expect(grid.grid.layout == .diverging)
        #expect(grid.grid.sort == .mean)
        #expect(grid.page.widthMM == 120)
        var choice = Style(name: "default")
        try overrides[1].apply(to: &choice, for: try #require(survey.question("q02")))
        #expect(choice.bars.sortMultipleChoice == false)
    }

    @Test func anOverrideThatDoesNotFitTheQuestionIsAnErrorAtItsPlace() throws {
        let manifest = try read("""
            format: stapel-manifest/1
            surveys:
              - path: s
                overrides:
                  q01: {chart: diverging}
            """)
        let survey = try SurveyLoader(directory: bundledSurvey).loadSurvey()
        var style = Style(name: "default")
        #expect {
            try manifest.surveys[0].overrides[0].apply(to: &style, for: try #require(survey.question("q01")))
        } throws: { "\($0)".contains("stapel.yaml:5:12: error: surveys[0].overrides.q01: 'chart'") }
    }

    @Test func anOverrideOfAnUnknownQuestionStopsThePlan() throws {
        let plan = RenderPlan(surveyDirectory: bundledSurvey, outputDirectory: folder, stylesDirectory: stylesFolder,
                              formats: [], languages: ["sv"], style: "default",
                              overrides: [QuestionOverride(question: "q99", widthMM: 100,
                                                           location: SourceLocation(file: "stapel.yaml", line: 7, column: 9),
                                                           path: "surveys[0].overrides.q99")])
        #expect {
            _ = try RenderPipeline(registry: BackendRegistry([])).prepare(plan)
        } throws: { "\($0)".contains("stapel.yaml:7:9: error: surveys[0].overrides.q99: the survey has no question 'q99'") }
    }

    @Test func canonicalValuesSortDictionariesAndSkipPositions() {
        let a = CanonicalValue(reflecting: ["b": 2, "a": 1, "c": 3])
        #expect(a.json() == #"{"a":1,"b":2,"c":3}"#)
        let located = ChoiceOption(id: "ja", n: 1, percent: 2.5, location: SourceLocation(file: "x", line: 1, column: 1))
        let moved = ChoiceOption(id: "ja", n: 1, percent: 2.5, location: SourceLocation(file: "x", line: 9, column: 3))
        #expect(CanonicalValue(reflecting: located) == CanonicalValue(reflecting: moved))
        #expect(CanonicalValue(reflecting: located).json().contains("\"percent\":2.5"))
        #expect(CanonicalValue(reflecting: GridLayout.diverging) == .string("diverging"))
        #expect(CanonicalValue(reflecting: DisplayRounding.largestRemainder) == .string("largest-remainder"))
        #expect(CanonicalValue(reflecting: Style(name: "x")).kebabCased["page"]?["width-mm"] == .number(Style(name: "x").page.widthMM))
        #expect(CanonicalValue.string("a\"b\n\u{1}").json() == #""a\"b\n\u0001""#)
    }
}
