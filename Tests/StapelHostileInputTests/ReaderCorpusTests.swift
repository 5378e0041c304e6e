import Foundation
import Stapel
import StapelLabels
import Testing

/// The hostile-input corpus for the readers: each case breaks one of the base files (Support.swift) and must
/// end in a specific error naming the file, the line and (where there is one) the field — never a crash, a
/// hang or silent acceptance. Output-side cases are in OutputSafetyTests.
@Suite struct ReaderCorpusTests {
    enum Reader: String, Sendable { case survey, labels, style, po }

    struct Case: CustomTestStringConvertible, Sendable {
        let name: String
        let reader: Reader
        let text: String
        let line: Int?
        let field: String?
        let message: String
        var testDescription: String { "\(reader.rawValue): \(name)" }

        init(_ name: String, _ reader: Reader, _ text: String, line: Int?, field: String? = nil, _ message: String) {
            self.name = name; self.reader = reader; self.text = text; self.line = line; self.field = field; self.message = message
        }
    }

    static func survey(_ name: String, _ old: String, _ new: String, line: Int?, field: String? = nil, _ message: String) -> Case {
        Case(name, .survey, baseSurvey.replacingOccurrences(of: old, with: new, options: [], range: baseSurvey.range(of: old)),
             line: line, field: field, message)
    }
    static func labels(_ name: String, _ old: String, _ new: String, line: Int?, field: String? = nil, _ message: String) -> Case {
        Case(name, .labels, baseLabels.replacingOccurrences(of: old, with: new, options: [], range: baseLabels.range(of: old)),
             line: line, field: field, message)
    }
    static func style(_ name: String, _ old: String, _ new: String, line: Int?, field: String? = nil, _ message: String) -> Case {
        Case(name, .style, baseStyle.replacingOccurrences(of: old, with: new, options: [], range: baseStyle.range(of: old)),
             line: line, field: field, message)
    }
    static func po(_ name: String, _ old: String, _ new: String, line: Int?, _ message: String) -> Case {
        Case(name, .po, basePO.replacingOccurrences(of: old, with: new, options: [], range: basePO.range(of: old)),
             line: line, field: nil, message)
    }

    static let manyOptions = (0..<1_001).map { "      - {id: o\($0), n: 0, percent: 0.0}" }.joined(separator: "\n")
    static let deepFlow = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
    static let deepBlock = String(repeating: "- ", count: 50_000) + "x"
    static let aliasBomb: String = {
        var lines = ["format: stapel-labels/1", "language: en", "a0: &a0 {x: \"lol\", y: \"lol\"}"]
        for i in 1...30 { lines.append("a\(i): &a\(i) {x: *a\(i - 1), y: *a\(i - 1), z: *a\(i - 1)}") }
        lines.append("questions: {q01: *a30}")
        return lines.joined(separator: "\n") + "\n"
    }()
    static let manyQuestions: String = {
        var text = "format: stapel-survey/1\nid: big\nquestions:\n"
        for i in 0...InputLimits.maxQuestions { text += "  - {id: q\(i), kind: single-choice, respondents: 1, options: [{id: a, n: 1, percent: 100.0}]}\n" }
        return text
    }()

    static let cases: [Case] = [
        // Item 18: numbers that overflow or are absurd.
        survey("count of 300 digits", "respondents: 10\n    options:\n      - {id: a", "respondents: \(String(repeating: "9", count: 300))\n    options:\n      - {id: a",
               line: 14, field: "questions[0].respondents", "out of range"),
        survey("count near Int.max", "{id: a, n: 4,", "{id: a, n: 9223372036854775807,", line: 16, field: "questions[0].options[0].n", "out of range"),
        survey("count above Int.max", "{id: a, n: 4,", "{id: a, n: 9223372036854775808,", line: 16, field: "questions[0].options[0].n", "out of range"),
        survey("negative huge count", "{id: a, n: 4,", "{id: a, n: -9223372036854775808,", line: 16, field: "questions[0].options[0].n", "out of range"),
        survey("count just above a billion", "{id: a, n: 4,", "{id: a, n: 1000000001,", line: 16, field: "questions[0].options[0].n", "out of range"),
        survey("percent of 400 digits", "percent: 40.0}", "percent: \(String(repeating: "9", count: 400)).0}", line: 16,
               field: "questions[0].options[0].percent", "out of range"),
        survey("percent with 300 decimals", "percent: 40.0}", "percent: 40.\(String(repeating: "1", count: 300))}", line: 16,
               field: "questions[0].options[0].percent", "out of range"),
        survey("score infinite", "{id: yes, score: 1}", "{id: yes, score: .inf}", line: 8, field: "scales.agree.points", "expected a number"),
        survey("score NaN", "{id: yes, score: 1}", "{id: yes, score: .nan}", line: 8, "expected a number"),
        survey("score 1e308", "{id: yes, score: 1}", "{id: yes, score: 1e308}", line: 8, "expected a number"),
        survey("huge mean", "mean: 0.8, median: 1.0}\n    total", "mean: 12345678901234567890.5, median: 1.0}\n    total", line: 30,
               field: "questions[2].rows[0].mean", "out of range"),
        survey("year of 30 digits", "year: 2024", "year: 202420242024202420242024202420", line: 3, field: "year", "out of range"),
        survey("selections near Int.max", "selections: 12", "selections: 9223372036854775000", line: 21, field: "questions[1].selections", "out of range"),
        // Item 19: hangs.
        survey("1,001 options", "      - {id: a, n: 4, percent: 40.0}\n      - {id: b, n: 6, percent: 60.0}", manyOptions, line: 16,
               field: "questions[0].options", "1001 options; at most 1000"),
        Case("10,001 questions", .survey, manyQuestions, line: 4, field: "questions", "10001 questions; at most 10000"),
        survey("101 scale points", "      - {id: na, not-applicable: true}", (0..<99).map { "      - {id: p\($0), score: \($0)}" }.joined(separator: "\n"),
               line: 8, field: "scales.agree.points", "at most 100"),
        Case("flow nesting 100,000 deep", .survey, "format: stapel-survey/1\nid: x\nquestions: " + deepFlow + "\n", line: 3, "nested more than 64"),
        Case("block nesting 50,000 deep", .survey, "format: stapel-survey/1\nid: x\nquestions:\n" + deepBlock + "\n", line: 4, "nested more than 64"),
        Case("nesting 70 deep (under the scan, over the walk)", .survey,
             "format: stapel-survey/1\nid: x\nquestions: " + String(repeating: "[", count: 70) + String(repeating: "]", count: 70) + "\n",
             line: 3, "nested more than 64"),
        Case("17 MiB document", .survey, baseSurvey + "# " + String(repeating: "x", count: 17 * 1024 * 1024) + "\n", line: 1, "at most 16777216"),
        Case("alias bomb in a label file", .labels, aliasBomb, line: nil, "expands to more than 1000000"),
        // Malformed structure.
        survey("duplicate key", "year: 2024", "year: 2024\nyear: 2025", line: nil, "duplicate key"),
        survey("undefined alias", "respondents: 10\n    options:\n      - {id: a", "respondents: *nope\n    options:\n      - {id: a", line: 14, "undefined alias"),
        survey("tab indentation", "    kind: single-choice", "\tkind: single-choice", line: 13, "not valid YAML"),
        survey("unknown question field", "    kind: single-choice", "    kind: single-choice\n    colour: red", line: 14, field: "questions[0].colour", "unknown field"),
        survey("id with a slash", "id: q01", "id: ../q01", line: 12, field: "questions[0].id", "not a valid id"),
        survey("survey id with NUL", "id: demo", "id: \"de\\0mo\"", line: 2, field: "id", "control character U+0000"),
        survey("reference with ESC", "year: 2024", "year: 2024\nreference: \"\\e]0;pwned\\a\"", line: 4, field: "reference", "control character U+001B"),
        survey("language path traversal", "language: en", "language: ../../etc", line: 4, field: "language", "not a language code"),
        survey("code with a newline", "{id: yes, score: 1}", "{id: yes, score: 1, code: \"a\\nb\"}", line: 8, "at most 32 characters on one line"),
        // Items 20–22: label sets.
        labels("language with a newline and \\input", "language: en", "language: \"en\\n\\\\input{/etc/passwd}\"", line: 2, field: "language", "not a language code"),
        labels("language ../x", "language: en", "language: ../x", line: 2, field: "language", "not a language code"),
        labels("language in capitals", "language: en", "language: EN", line: 2, field: "language", "not a language code"),
        labels("NUL in a label", "\"Option A\"", "\"Opt\\0ion A\"", line: 10, field: "questions.q01.options.a", "control character U+0000"),
        labels("ESC in a label", "\"Option A\"", "\"\\e[31mred\"", line: 10, field: "questions.q01.options.a", "control character U+001B"),
        labels("BEL in a label", "\"Option A\"", "\"ring\\a\"", line: 10, "control character U+0007"),
        labels("DEL in a label", "\"Option A\"", "\"del\\x7F\"", line: 10, "control character U+007F"),
        labels("C1 control in a label", "\"Option A\"", "\"csi\\x9B\"", line: 10, "control character U+009B"),
        labels("non-character U+FFFE", "\"Option A\"", "\"x\\uFFFE\"", line: 10, "control character U+FFFE"),
        labels("100,000-character label", "\"Option A\"", "\"" + String(repeating: "a", count: 100_000) + "\"", line: 10,
               field: "questions.q01.options.a", "100000 characters long; a label may have at most 5000"),
        labels("null label", "\"Option A\"", "null", line: 10, "is null"),
        labels("label as a list", "\"Option A\"", "[1, 2]", line: 10, "expected text or a mapping"),
        labels("percent pattern without {value}", "survey:", "number:\n  percent: \"%\"\nsurvey:", line: 4, field: "number.percent", "no {value} placeholder"),
        labels("quotation pattern without {label}", "survey:", "ui:\n  quote: \"«»\"\nsurvey:", line: 4, field: "ui.quote", "holds {label} exactly once"),
        labels("quotation pattern with markup", "survey:", "ui:\n  quote: \"<b>{label}</b>\"\nsurvey:", line: 4, field: "ui.quote", "at most six quotation marks"),
        labels("percent pattern with {value} twice", "survey:", "number:\n  percent: \"{value}{value}\"\nsurvey:", line: 4, field: "number.percent", "more than once"),
        labels("percent pattern with script", "survey:", "number:\n  percent: \"{value}<script>alert(1)</script>\"\nsurvey:", line: 4, field: "number.percent", "at most 12 other characters"),
        labels("decimal separator as markup", "survey:", "number:\n  decimal-separator: \"<b>\"\nsurvey:", line: 4, field: "number.decimal-separator", "decimal separator"),
        labels("decimal separator a digit", "survey:", "number:\n  decimal-separator: \"1\"\nsurvey:", line: 4, "decimal separator"),
        labels("decimal separator empty", "survey:", "number:\n  decimal-separator: \"\"\nsurvey:", line: 4, "decimal separator"),
        labels("group separator with a newline", "survey:", "number:\n  group-separator: \"\\n\"\nsurvey:", line: 4, "group separator"),
        labels("group minimum digits huge", "survey:", "number:\n  group-minimum-digits: \"99999999999999999999\"\nsurvey:", line: 4, "from 1 to 9"),
        labels("unknown number key", "survey:", "number:\n  currency: \"kr\"\nsurvey:", line: 4, field: "number.currency", "unknown field"),
        // Item 18: styles.
        style("infinite aspect ratio", "aspect-ratio: none", "aspect-ratio: \"inf:1\"", line: 4, field: "page.aspect-ratio", "out of range"),
        style("aspect ratio 1e-300", "aspect-ratio: none", "aspect-ratio: \"1e-300:1\"", line: 4, field: "page.aspect-ratio", "out of range"),
        style("aspect ratio 1000", "aspect-ratio: none", "aspect-ratio: 1000", line: 4, field: "page.aspect-ratio", "out of range"),
        style("font size 1e11 pt", "label-size: 8.5", "label-size: 100000000000", line: 7, field: "fonts.label-size", "out of range"),
        style("font size 300 pt", "label-size: 8.5", "label-size: 300", line: 7, field: "fonts.label-size", "expected 1 to 200 pt"),
        style("width 100,000 mm", "width-mm: 160", "width-mm: 100000", line: 3, field: "page.width-mm", "expected 10 to 2000 mm"),
        style("dpi 0.0001", "dpi: 200", "dpi: 0.0001", line: 5, field: "page.dpi", "expected 36 to 2400 dpi"),
        style("dpi 2400 at 2000 mm: too many pixels", "width-mm: 160\n  aspect-ratio: none\n  dpi: 200", "width-mm: 2000\n  aspect-ratio: none\n  dpi: 2400", line: 5, field: "page.dpi", "larger than 20000 px a side"),
        style("bar height 1e9", "height: 10", "height: 1000000000", line: 9, field: "bars.height", "out of range"),
        style("negative margin", "dpi: 200", "dpi: 200\n  margin-mm: -5", line: 6, field: "page.margin-mm", "out of range"),
        style("line spacing 0", "label-size: 8.5", "label-size: 8.5\n  line-spacing: 0", line: 8, field: "fonts.line-spacing", "out of range"),
        style("max label lines 10^9", "height: 10", "height: 10\n  max-label-lines: 1000000000", line: 10, field: "bars.max-label-lines", "out of range"),
        style("question override with huge dpi", "bars:", "questions:\n  q01:\n    page:\n      dpi: 2400\n      width-mm: 1000\nbars:", line: nil, "larger than 20000 px a side"),
        // PO files.
        po("\\x escape with 40 hex digits", "\"Första frågan\"", "\"\\x" + String(repeating: "f", count: 40) + "\"", line: 9, "invalid \\x escape"),
        po("\\x escape beyond Unicode", "\"Första frågan\"", "\"\\x110000\"", line: 9, "invalid \\x escape"),
        po("\\x escape to a surrogate", "\"Första frågan\"", "\"\\xD800\"", line: 9, "invalid \\x escape"),
        po("NUL through an octal escape", "\"Första frågan\"", "\"a\\0b\"", line: 9, "control character U+0000"),
        po("ESC through a hex escape", "\"Första frågan\"", "\"\\x1b[2J\"", line: 9, "control character U+001B"),
        po("BEL escape", "\"Första frågan\"", "\"\\a\"", line: 9, "control character U+0007"),
        po("raw ESC byte", "\"Första frågan\"", "\"a\u{1B}b\"", line: 9, "control character U+001B"),
        po("unterminated string", "\"Första frågan\"", "\"Första", line: 9, "no closing quote"),
        po("unknown escape", "\"Första frågan\"", "\"\\q\"", line: 9, "unknown escape"),
    ]

    @Test(arguments: cases)
    func refusedWithPlace(_ c: Case) throws {
        let file: String = switch c.reader {
        case .survey: "survey.yaml"
        case .labels: "labels/en.yaml"
        case .style: "style.yaml"
        case .po: "sv.po"
        }
        let started = Date()
        do {
            switch c.reader {
            case .survey: _ = try SurveyReader.read(c.text, file: file)
            case .labels: _ = try LabelSetReader.read(c.text, file: file)
            case .style: _ = try StyleReader.read(c.text, file: file, name: "test")
            case .po: _ = try POReader.read(c.text, file: file)
            }
            Issue.record("accepted; expected an error containing \"\(c.message)\"")
        } catch let error as DataError {
            #expect(error.location.file == file)
            if let line = c.line { #expect(error.location.line == line, "\(error)") }
            if let field = c.field { #expect(error.path.hasPrefix(field), "\(error)") }
            #expect(error.description.contains(c.message), "\(error)")
            #expect(error.description.count < 2_000, "the message echoes the whole input")
        } catch let error as POError {
            #expect(error.file == file)
            if let line = c.line { #expect(error.line == line, "\(error)") }
            #expect(error.description.contains(c.message), "\(error)")
        }
        #expect(Date().timeIntervalSince(started) < 10, "took \(Date().timeIntervalSince(started)) s")
    }

    /// The bases themselves are valid, so each case fails for its own change alone.
    @Test func basesAreValid() throws {
        _ = try SurveyReader.read(baseSurvey, file: "survey.yaml")
        _ = try LabelSetReader.read(baseLabels, file: "labels/en.yaml")
        _ = try StyleReader.read(baseStyle, file: "style.yaml", name: "test")
        _ = try POReader.read(basePO, file: "sv.po")
    }

    /// Every shipped label set, survey and style still reads under the new limits.
    @Test func bundledFilesStillRead() throws {
        for language in InterfaceLabels.availableLanguages() { _ = try InterfaceLabels.load(language) }
        for survey in ["digitalisering-2024", "anes96"] {
            let loader = SurveyLoader(directory: packageRoot.appendingPathComponent("Surveys/\(survey)"))
            _ = try loader.loadSurvey()
            for language in loader.availableLanguages() { _ = try loader.loadLabels(language) }
        }
        for name in StyleReader.available(in: packageRoot.appendingPathComponent("Styles")) {
            _ = try StyleReader.load(name, from: packageRoot.appendingPathComponent("Styles"))
        }
    }
}
