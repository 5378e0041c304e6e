import Foundation
import Stapel
import StapelCairo
import StapelLayout
import Testing

/// Alt text from the data: the short text's figures, its length on every bundled question in every language the
/// surveys have, the label override, and non-substantive answers never named as the largest share.
@Suite struct AltTextTests {
    static let anesLoader = SurveyLoader(directory: packageRoot.appendingPathComponent("Surveys/anes96"))

    @Test func singleChoiceNamesTheLargestAndSmallestShare() throws {
        let alt = AltText(try bundledRequest("q01"))
        #expect(alt.short == "Stapeldiagram: Kännetecknar sig myndigheten som datadriven? Störst andel: Nej, vi kännetecknar oss "
            + "inte som en datadriven myndighet, 51,1\u{00A0}%; minst: Ja, vi kännetecknar oss som en datadriven myndighet, "
            + "48,9\u{00A0}%. Antal svar: 137.")
        #expect(alt.long.split(separator: "\n").suffix(2) == [
            "Ja, vi kännetecknar oss som en datadriven myndighet: 48,9\u{00A0}%, 67 svar.",
            "Nej, vi kännetecknar oss inte som en datadriven myndighet: 51,1\u{00A0}%, 70 svar.",
        ])
    }

    @Test func gridNamesTheStatementsWithTheHighestAndLowestMeanAndTheTotal() throws {
        let alt = AltText(try bundledRequest("q36", language: "en"))
        // Means 2.2 (resources) and 0.9 (no demand); "Other obstacle" (9 answers) is not compared.
        #expect(alt.short.hasPrefix("Stacked bar chart: "))
        #expect(alt.short.contains("Highest mean: "))
        #expect(alt.short.hasSuffix(", 2.2; lowest: " + englishLabel("questions.q36.rows.ingen-efterfragan") + ", 0.9. Total: 1.5. Responses: 137."))
        let lines = alt.long.split(separator: "\n").map(String.init)
        // Lead, respondents, eight statements, Totalt.
        #expect(lines.count == 2 + 8 + 1)
        let other = try #require(lines.first { $0.hasPrefix(englishLabel("questions.q36.rows.annat")) })
        #expect(other.hasSuffix("55.6%, " + "\(try scaleLabel("ganska-litet")) 0.0%, \(try scaleLabel("ganska-stort")) 0.0%, "
            + "\(try scaleLabel("stort")) 33.3%, \(try scaleLabel("mycket-stort")) 11.1%; Mean 1.4; Median 0.0; 9 responses. Fewer than 30 responses."))
    }

    func englishLabel(_ key: String) -> String { (try? bundledLoader.loadLabels("en"))?[key] ?? key }
    func scaleLabel(_ point: String) throws -> String { try #require(try bundledLoader.loadLabels("en")["scales.hinder.\(point)"]) }

    @Test(arguments: ["sv", "en"]) func everyBundledQuestionHasAShortTextWithinTheLimit(language: String) throws {
        try checkAll(bundledRequests(language))
    }

    @Test(arguments: ["en", "de"]) func everyANESQuestionHasAShortTextWithinTheLimit(language: String) throws {
        let survey = try Self.anesLoader.loadSurvey()
        let labels = try Self.anesLoader.loadLabels(language)
        try checkAll(survey.questions.map { RenderRequest(survey: survey, question: $0, labels: labels, style: try loadStyle("default")) })
    }

    /// The survey's strings with each interface language's `ui.*` strings: every template resolves in all seven.
    @Test(arguments: ["sv", "en", "de", "fr", "fi", "nb", "da"]) func everyInterfaceLanguageFillsTheTemplates(language: String) throws {
        let survey = try bundledLoader.loadSurvey()
        var labels = try bundledLoader.loadLabels("en")
        let interface = try InterfaceLabels.load(language)
        for (k, v) in interface.entries { labels.entries[k] = v }
        labels.language = language
        try checkAll(survey.questions.map { RenderRequest(survey: survey, question: $0, labels: labels, style: try loadStyle("default")) })
    }

    func checkAll(_ requests: [RenderRequest], sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        #expect(!requests.isEmpty)
        for request in requests {
            let alt = AltText(request)
            let id = "\(request.labels.language) \(request.question.id)"
            #expect(!alt.short.isEmpty && alt.short.count <= AltText.shortLimit, "\(id): \(alt.short.count) characters: \(alt.short)",
                    sourceLocation: sourceLocation)
            for text in [alt.short, alt.long] {
                #expect(!text.contains("[ui.") && !text.contains("{"), "\(id): unresolved: \(text)", sourceLocation: sourceLocation)
            }
            #expect(alt.long.split(separator: "\n").count >= 3, "\(id): \(alt.long)", sourceLocation: sourceLocation)
            #expect(ChartRenderer.figure(for: request).altText == alt, sourceLocation: sourceLocation)
        }
    }

    @Test func anAltLabelReplacesTheShortText() throws {
        var request = try bundledRequest("q01")
        request.labels.entries["questions.q01.alt"] = "Hälften av myndigheterna kallar sig datadrivna."
        let alt = AltText(request)
        #expect(alt.short == "Hälften av myndigheterna kallar sig datadrivna.")
        #expect(alt.long.contains("48,9\u{00A0}%"))
    }

    @Test func aNonSubstantiveAnswerIsNeverTheLargestShare() throws {
        var q = ChoiceQuestion(id: "q01", respondents: 100, options: [
            ChoiceOption(id: "ja", n: 30, percent: 30), ChoiceOption(id: "nej", n: 10, percent: 10),
            ChoiceOption(id: "vet-ej", n: 60, percent: 60),
        ])
        q.options[2].kind = .dontKnow
        let request = try syntheticRequest(.singleChoice(q), labels: [
            "questions.q01.text": "Fråga?", "questions.q01.options.ja": "Ja", "questions.q01.options.nej": "Nej",
            "questions.q01.options.vet-ej": "Vet ej",
        ])
        let alt = AltText(request)
        #expect(alt.short == "Stapeldiagram: Fråga? Störst andel: Ja, 30,0\u{00A0}%; minst: Nej, 10,0\u{00A0}%. Antal svar: 100.")
        #expect(alt.long.contains("Vet ej: 60,0\u{00A0}%, 60 svar."))
    }

    @Test func aNotApplicablePointIsNotTheTopPoint() throws {
        let scale = Scale(id: "s", points: [ScalePoint(id: "lag", score: 0), ScalePoint(id: "hog", score: 1),
                                            ScalePoint(id: "na", score: nil)])
        let g = GridQuestion(id: "q09", scaleID: "s", respondents: 100, rows: [
            GridRow(id: "a", percents: [20, 30, 50]), GridRow(id: "b", percents: [60, 35, 5]),
        ], total: nil)
        let request = try syntheticRequest(.grid(g), scales: [scale], labels: [
            "questions.q09.text": "Hur?", "questions.q09.rows.a": "A", "questions.q09.rows.b": "B",
            "scales.s.lag": "Låg", "scales.s.hog": "Hög", "scales.s.na": "Inte relevant",
        ])
        // No means: the share of the top point "Hög" (not "Inte relevant") decides.
        #expect(AltText(request).short == "Staplat stapeldiagram: Hur? Störst andel ”Hög”: B, 35,0\u{00A0}%; minst: A, 30,0\u{00A0}%. Antal svar: 100.")
    }

    @Test func aLongQuestionIsShortenedWithAnEllipsis() throws {
        var request = try bundledRequest("q01")
        request.labels.entries["questions.q01.text"] = String(repeating: "Mycket lång fråga om data ", count: 20) + "?"
        let alt = AltText(request)
        #expect(alt.short.count <= AltText.shortLimit)
        #expect(alt.short.contains("…"))
        #expect(alt.short.hasSuffix("Antal svar: 137."))
    }
}
