import Foundation
import Testing
import Stapel
import StapelLabels

/// The interface label sets Stapel ships: one per language, each complete (exactly the keys of en.yaml, the
/// same placeholders, a valid number format), and each language's numbers as its typography has them.
@Suite struct InterfaceLabelSetTests {
    static let shipped = ["da", "de", "en", "fi", "fr", "nb", "sv"]
    /// Keys every set has beyond the pre-issue-9 ones (non-substantive answers, their notes, grouping).
    static let newKeys = ["ui.answer-kind.does-not-apply", "ui.answer-kind.dont-know", "ui.answer-kind.refused",
                          "ui.answer-kind.no-answer", "ui.answer-kind.not-asked", "ui.answer-kind.missing",
                          "ui.note.excluded-from-mean", "ui.note.excluded-from-base", "ui.note.base-substantive",
                          "number.group-minimum-digits"]

    @Test func everyLanguageIsShipped() {
        #expect(InterfaceLabels.availableLanguages() == Self.shipped)
    }

    /// The interface terms are a closed set in code (`Term`): every shipped set has exactly those keys.
    @Test(arguments: shipped) func hasExactlyTheTermsOfTheClosedSet(language: String) throws {
        let set = try InterfaceLabels.load(language)
        let terms = Set(Term.allCases.map(\.key))
        #expect(Set(set.entries.keys).subtracting(terms).isEmpty, "\(language).yaml has keys that are no Term: \(Set(set.entries.keys).subtracting(terms).sorted())")
        #expect(terms.subtracting(set.entries.keys).isEmpty, "\(language).yaml lacks \(terms.subtracting(set.entries.keys).sorted())")
    }

    @Test(arguments: shipped) func hasExactlyTheKeysOfEnglish(language: String) throws {
        let reference = try InterfaceLabels.load("en")
        let set = try InterfaceLabels.load(language)
        #expect(set.language == language)
        let missing = Set(reference.entries.keys).subtracting(set.entries.keys).sorted()
        let extra = Set(set.entries.keys).subtracting(reference.entries.keys).sorted()
        #expect(missing.isEmpty, "\(language).yaml lacks \(missing)")
        #expect(extra.isEmpty, "\(language).yaml has keys en.yaml lacks: \(extra)")
        for key in Self.newKeys { #expect(set[key] != nil, "\(language).yaml lacks \(key)") }
        #expect(InterfaceLabels.missingKeys(in: set).isEmpty)
    }

    @Test(arguments: shipped) func placeholdersMatchEnglish(language: String) throws {
        let reference = try InterfaceLabels.load("en")
        let set = try InterfaceLabels.load(language)
        for (key, english) in reference.entries {
            guard let text = set[key] else { continue }
            #expect(Placeholders.match(english, text),
                    "\(language) \(key): placeholders \(Placeholders.names(in: text)) differ from English \(Placeholders.names(in: english))")
            #expect(!text.allSatisfy(\.isWhitespace) || key == "number.group-separator", "\(language) \(key) is empty")
        }
    }

    @Test(arguments: shipped) func numberFormatIsComplete(language: String) throws {
        let set = try InterfaceLabels.load(language)
        for key in ["number.decimal-separator", "number.group-separator", "number.percent", "number.group-minimum-digits"] {
            #expect(set[key] != nil, "\(language) lacks \(key)")
        }
        let minimum = try #require(set["number.group-minimum-digits"].flatMap { Int($0) }, "\(language): not a whole number")
        #expect((4...5).contains(minimum))
        #expect(set["number.percent"]?.contains("{value}") == true)
        #expect(set.numberFormat.decimalSeparator != set.numberFormat.groupSeparator)
    }

    /// A count of four digits, a percent and a decimal in each language, as its typography has them.
    @Test(arguments: [
        ("en", "7,561", "48.9%", "0.9"),
        ("de", "7.561", "48,9\u{00A0}%", "0,9"),
        ("fr", "7\u{00A0}561", "48,9\u{00A0}%", "0,9"),
        ("sv", "7\u{00A0}561", "48,9\u{00A0}%", "0,9"),
        ("fi", "7\u{00A0}561", "48,9\u{00A0}%", "0,9"),
        ("nb", "7\u{00A0}561", "48,9\u{00A0}%", "0,9"),
        ("da", "7\u{00A0}561", "48,9\u{00A0}%", "0,9"),
    ]) func numbersReadAsTheLanguageWritesThem(language: String, count: String, percent: String, decimal: String) throws {
        let format = try InterfaceLabels.load(language).numberFormat
        #expect(format.integer(7561) == count)
        #expect(format.percent(48.94) == percent)
        #expect(format.decimal(0.94) == decimal)
        #expect(format.integer(999) == "999")
        #expect(format.integer(-7561) == "-" + count)
        let million = format.integer(1_234_567)
        #expect(million == "1\(format.groupSeparator)234\(format.groupSeparator)567")
    }

    @Test func groupMinimumDigitsIsALabelKeyAndAColumnHasOneRule() {
        let set = LabelSet(language: "pt", entries: ["number.decimal-separator": ",", "number.group-separator": "\u{00A0}",
                                                     "number.percent": "{value}\u{00A0}%", "number.group-minimum-digits": "5"])
        let format = set.numberFormat
        #expect(format.groupMinimumDigits == 5)
        #expect(format.integer(7561) == "7561")
        #expect(format.integer(12345) == "12\u{00A0}345")
        // In one column, 7561 is grouped when another value is, and left alone when none is.
        #expect(format.integers([7561, 12345, 12]) == ["7\u{00A0}561", "12\u{00A0}345", "12"])
        #expect(format.integers([7561, 12]) == ["7561", "12"])
        #expect(NumberFormat.english.integers([7561, 12]) == ["7,561", "12"])
    }

    @Test func aSurveysOwnUIStringsOverrideTheShippedOnes() throws {
        let labels = try bundledLoader.loadLabels("sv")
        #expect(labels["ui.count-axis"] == "Antal myndigheter", "the bundled survey's own wording")
        #expect(try InterfaceLabels.load("sv")["ui.count-axis"] == "Antal svarande", "the generic wording")
        #expect(try InterfaceLabels.load("en")["ui.count-axis"] == "Number of respondents")
    }
}
