import Testing
import Stapel
import StapelLabels

/// The pseudo-locale: every key, accented, about 40 % longer, bracketed, placeholders intact, deterministic.
@Suite struct PseudoLocaleTests {
    let source: LabelSet
    let pseudo: LabelSet

    init() throws {
        source = try bundledSource()
        pseudo = try LabelSource.labels("pseudo", loader: bundledLoader)
    }

    /// Source strings that are text (not number formats, not empty).
    var textKeys: [String] {
        source.entries.keys.filter { !$0.hasPrefix("number.") && !(source[$0] ?? "").isEmpty }.sorted()
    }

    @Test func coversEveryKeyTheSurveyAndTheInterfaceNeed() throws {
        #expect(pseudo.language == "pseudo")
        #expect(Set(pseudo.entries.keys) == Set(source.entries.keys))
        let survey = try bundledLoader.loadSurvey()
        let catalog = LabelCatalog(survey: survey, source: source)
        let report = LabelCheck().check(pseudo, against: catalog)
        #expect(report.errors == 0, "\(report.issues.map(\.description))")
        #expect(report.untranslated.isEmpty)
        #expect(report.translated == catalog.entries.count)
    }

    @Test func isAboutFortyPercentLonger() {
        let sourceLength = textKeys.map { source[$0]!.count }.reduce(0, +)
        let pseudoLength = textKeys.map { pseudo[$0]!.count }.reduce(0, +)
        let ratio = Double(pseudoLength) / Double(sourceLength)
        #expect(ratio >= 1.35 && ratio <= 1.5, "pseudo/source length ratio \(ratio)")
        for key in textKeys {
            #expect(pseudo[key]!.count >= source[key]!.count + 2, "\(key) must grow at least by its brackets")
        }
    }

    @Test func isBracketedAccentedAndKeepsPlaceholdersAndLineBreaks() {
        for key in textKeys {
            let s = source[key]!, p = pseudo[key]!
            #expect(p.hasPrefix("[") && p.hasSuffix("]"), "\(key): \(p)")
            #expect(Placeholders.names(in: p) == Placeholders.names(in: s), "\(key): \(p)")
            #expect(p.filter { $0 == "\n" }.count == s.filter { $0 == "\n" }.count, "\(key)")
            // Letters that have an accented form must not survive as plain ASCII outside placeholders.
            let literal = Placeholders.pieces(of: p).compactMap { if case .text(let t) = $0 { t } else { nil } }.joined()
            #expect(!literal.contains { "aceghilnorstuyzACEGHILNORSTUYZ".contains($0) }, "\(key): \(p)")
        }
        #expect(Pseudolocalizer().localize("Antal svar: {n}").hasPrefix("[Áñţáļ šváŕ: {n}"))
    }

    @Test func isDeterministic() throws {
        let again = try LabelSource.labels("pseudo", loader: bundledLoader)
        #expect(again.entries == pseudo.entries)
        #expect(Pseudolocalizer().localize("Ja") == Pseudolocalizer().localize("Ja"))
        #expect(Pseudolocalizer().localize("") == "")
    }

    @Test func keepsADecimalCommaNumberFormat() {
        #expect(pseudo.numberFormat.percent(48.9) == source.numberFormat.percent(48.9))
        #expect(pseudo.numberFormat.percent(48.9).contains(","))
        #expect(pseudo.numberFormat.percent(48.9) != NumberFormat.english.percent(48.9))
    }

    @Test func usesOnlyCharactersPdflatexDraws() {
        // Checked once by hand with pdflatex, T1 and lmodern: these have no glyph there (see Pseudolocalizer).
        let undrawable: Set<Character> = ["ƀ", "ɱ", "ṽ", "ẋ", "ħ", "ŧ", "ŀ", "Ƒ", "Ƀ", "Ɓ", "Ŧ", "Ħ"]
        for key in textKeys {
            #expect(!pseudo[key]!.contains { undrawable.contains($0) }, "\(key)")
        }
    }
}
