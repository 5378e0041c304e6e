import Testing
import Stapel
import StapelLabels

/// Writing label sets as YAML (what import-po writes) and the translator's template (what extract writes).
@Suite struct LabelFileTests {
    let survey: Survey
    let source: LabelSet
    let catalog: LabelCatalog

    init() throws {
        survey = try bundledLoader.loadSurvey()
        source = try bundledSource()
        catalog = LabelCatalog(survey: survey, source: source)
    }

    func surveyPart(_ labels: LabelSet) -> LabelSet {
        var part = labels
        part.entries = labels.entries.filter { LabelCatalog.isSurveyKey($0.key) }
        return part
    }

    @Test(arguments: ["sv", "en"]) func writtenSetReadsBackIdentically(language: String) throws {
        let labels = surveyPart(try bundledLoader.loadSurveyLabels(language))
        let yaml = try LabelSetWriter.write(labels, order: catalog.keys)
        let read = try LabelSetReader.read(yaml, file: "written.yaml")
        #expect(read.language == language)
        #expect(read.entries == labels.entries)
    }

    @Test func interfaceSetReadsBackIdentically() throws {
        let labels = try InterfaceLabels.load("sv")
        let yaml = try LabelSetWriter.write(labels, order: catalog.keys)
        #expect(try LabelSetReader.read(yaml, file: "written.yaml").entries == labels.entries)
        #expect(yaml.contains("\\u00A0"), "a no-break space is written visibly")
    }

    @Test func keysFollowTheSurveyInTheNestedLayout() throws {
        let labels = surveyPart(try bundledLoader.loadSurveyLabels("en"))
        let yaml = try LabelSetWriter.write(labels, order: catalog.keys)
        let lines = yaml.split(separator: "\n").map(String.init)
        #expect(Array(lines.prefix(3)) == ["format: stapel-labels/1", "language: en", "survey:"])
        func line(_ prefix: String) -> Int { lines.firstIndex { $0.hasPrefix(prefix) } ?? -1 }
        #expect(line("scales:") < line("questions:"))
        #expect(line("  q01:") < line("  q02:") && line("  q02:") < line("  q47:"))
        #expect(line("  hinder:") < line("  utstrackning-pastaende:"))
        #expect(lines.contains("    text: \"Does the agency regard itself as data-driven?\""))
        let values = lines.filter { $0.contains(": ") && !$0.hasPrefix("format") && !$0.hasPrefix("language") }
        #expect(values.allSatisfy { $0.hasSuffix("\"") }, "every text is quoted")
        #expect(try LabelSetWriter.write(labels, order: catalog.keys) == yaml, "the same input gives the same file")
    }

    @Test func idsYAMLWouldMisreadAreQuoted() throws {
        let labels = LabelSet(language: "en", entries: ["scales.agree.yes": "Agree", "scales.agree.no": "Disagree",
                                                        "questions.q01.options.012": "Zero one two"])
        let yaml = try LabelSetWriter.write(labels, order: [])
        #expect(yaml.contains("\"yes\": \"Agree\"") && yaml.contains("\"no\": \"Disagree\"") && yaml.contains("\"012\":"))
        #expect(try LabelSetReader.read(yaml, file: "x.yaml").entries == labels.entries)
    }

    @Test func keysThatCannotNestAreRefused() {
        let clash = LabelSet(language: "en", entries: ["questions.q01": "A text", "questions.q01.text": "Another"])
        #expect(throws: LabelSetWriter.KeyError.self) { try LabelSetWriter.write(clash, order: []) }
        let empty = LabelSet(language: "en", entries: ["questions..text": "x"])
        #expect(throws: LabelSetWriter.KeyError.self) { try LabelSetWriter.write(empty, order: []) }
        let reserved = LabelSet(language: "en", entries: ["language.x": "x"])
        #expect(throws: LabelSetWriter.KeyError.self) { try LabelSetWriter.write(reserved, order: []) }
    }

    @Test func templateGivesContextForEveryKeyAndIsALabelFile() throws {
        let yaml = try LabelTemplate.write(catalog: catalog, language: "de", existing: nil, surveyID: survey.id, part: .survey)
        let read = try LabelSetReader.read(yaml, file: "de.yaml")
        let surveyKeys = catalog.entries(in: .survey).map(\.key)
        #expect(Set(read.entries.keys) == Set(surveyKeys))
        #expect(read.entries.values.allSatisfy { $0.isEmpty }, "a new language starts empty")
        let lines = yaml.split(separator: "\n").map(String.init)
        let keyLine = try #require(lines.firstIndex { $0.hasPrefix("      regeringen:") })
        let context = lines[(keyLine - 3)..<keyLine].joined(separator: "\n")
        #expect(context.contains("Question 5 · statement"))
        #expect(context.contains("Length: about"))
        #expect(context.contains("Swedish: \"Otydlig styrning från regeringen\""))
    }

    @Test func templateOfTheSourceHoldsTheSwedishTexts() throws {
        let yaml = try LabelTemplate.write(catalog: catalog, language: "sv", existing: nil, surveyID: survey.id, part: .interface)
        let read = try LabelSetReader.read(yaml, file: "sv.yaml")
        // Stapel's Swedish interface strings, with the survey's own ui.* overrides (its "Antal myndigheter").
        let expected = try bundledLoader.loadLabels("sv").entries.filter { !LabelCatalog.isSurveyKey($0.key) }
        #expect(read.entries == expected)
        #expect(read["ui.count-axis"] == "Antal myndigheter")
    }

    @Test func lengthHintsFollowPlacement() throws {
        let header = try #require(catalog["ui.total"])
        #expect(header.lengthHint.isHard)
        #expect(header.lengthHint.maxLength == header.source.count + 8)
        let statement = try #require(catalog["questions.q05.rows.regeringen"])
        #expect(!statement.lengthHint.isHard)
        #expect(statement.lengthHint.maxLength! >= statement.source.count * 14 / 10)
        #expect(catalog["questions.q20.description"]?.placement == .questionDescription)
        #expect(catalog["questions.q35.columns.avgift"]?.placement == .column)
        #expect(catalog["number.percent"]?.lengthHint.maxLength == nil)
    }
}
