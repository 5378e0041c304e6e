import Foundation
import Testing
import Stapel
import StapelLabels

/// The bundled English label set: complete, translated, no Swedish left, English number format.
@Suite struct EnglishLabelsTests {
    let survey: Survey
    let source: LabelSet
    let english: LabelSet
    let catalog: LabelCatalog

    /// English strings that may equal the Swedish ones, each with the reason.
    static let identicalWhitelist: [String: String] = [
        "ui.median": "“Median” is the English statistical term as well",
    ]

    /// Words that mark a string as Swedish; none is an English word.
    static let swedishWords: Set<String> = [
        "och", "att", "inte", "vi", "som", "för", "med", "eller", "av", "på", "är", "har", "myndigheten",
        "myndighet", "antal", "andel", "svar", "totalt", "medelvärde", "fråga", "påstående", "hinder",
        "utsträckning", "ja", "nej", "källa", "bilaga", "inom", "vår", "våra", "ej",
    ]

    init() throws {
        survey = try bundledLoader.loadSurvey()
        source = try bundledSource()
        english = try LabelSource.labels("en", loader: bundledLoader)
        catalog = LabelCatalog(survey: survey, source: source)
    }

    /// Exactly the logic of `stapel labels check --lang en --strict`.
    @Test func strictCheckPasses() throws {
        let translation = try LabelSource.translation("en", loader: bundledLoader)
        let report = LabelCheck(identicalAllowed: KnownIdenticalLabels.accepted(for: "en"))
            .check(translation.labels, against: catalog, files: translation.files)
        #expect(report.issues.isEmpty, "\(report.issues.map(\.description).joined(separator: "\n"))")
        #expect(report.translated == catalog.entries.count)
    }

    @Test func everyRequestStringIsEnglish() throws {
        let plan = RenderPlan(surveyDirectory: bundledSurvey, outputDirectory: packageRoot.appendingPathComponent("Output"),
                              stylesDirectory: packageRoot.appendingPathComponent("Styles"), formats: [],
                              languages: ["en"], style: "default")
        let prepared = try RenderPipeline().prepare(plan)
        #expect(prepared.warnings.isEmpty)
        #expect(prepared.requests.count == survey.questions.count)
        for (language, request) in prepared.requests {
            #expect(language == "en")
            let labels = request.labels
            #expect(request.numberFormat.percent(48.9) == "48.9%")
            #expect(request.numberFormat.decimal(0.9) == "0.9")
            #expect(request.numberFormat.integer(12345) == "12,345")
            let keys = request.question.labelKeys(in: survey) + ["survey.title", "survey.source"]
                + labels.entries.keys.filter { !LabelCatalog.isSurveyKey($0) }
            for key in keys {
                let text = try #require(labels[key], "\(request.question.id): '\(key)' does not resolve")
                let swedish = try #require(source[key], "'\(key)' has no Swedish source")
                if let reason = Self.identicalWhitelist[key] {
                    _ = reason
                } else if LabelCheck.hasWords(swedish) {
                    #expect(text != swedish, "\(key) is still Swedish: \(text)")
                }
                #expect(Self.swedishMarkers(in: text).isEmpty,
                        "\(key): Swedish in “\(text)”: \(Self.swedishMarkers(in: text))")
            }
        }
    }

    @Test func noEnglishStringLooksSwedish() {
        for (key, text) in english.entries.sorted(by: { $0.key < $1.key }) {
            #expect(Self.swedishMarkers(in: text).isEmpty, "\(key): “\(text)”: \(Self.swedishMarkers(in: text))")
        }
    }

    @Test func theWhitelistIsNeeded() {
        // Every whitelisted key really is identical; a stale allowance would hide nothing and should go.
        for key in Self.identicalWhitelist.keys {
            #expect(english[key] == source[key], "\(key) is no longer identical; remove it from the whitelist")
        }
    }

    @Test func termsAreUsedConsistently() {
        // The agency's terms: one English word each (see Docs/translating.md).
        let texts = english.entries.filter { LabelCatalog.isSurveyKey($0.key) }.values.joined(separator: "\n")
        for avoided in ["expertise", "Center of", "the public", "public value", "actors", "parties", "stewardship"] {
            #expect(!texts.contains(avoided), "“\(avoided)” is not the agreed term")
        }
        #expect(!texts.contains("…"), "ellipses are written as three full stops, as in most of the source")
    }

    /// Letters and words that only Swedish text has.
    static func swedishMarkers(in text: String) -> [String] {
        var found: [String] = []
        if text.contains(where: { "åäöÅÄÖ".contains($0) }) { found.append("å/ä/ö") }
        let words = text.lowercased().split { !$0.isLetter }.map(String.init)
        found += words.filter { swedishWords.contains($0) }
        return found
    }
}
