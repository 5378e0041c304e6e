import Testing
import StapelModel
@testable import StapelYAML

/// Each broken input must fail with a message that says what was expected, at the right line and column.
@Suite struct MalformedInputTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let name: String
        let replace: String
        let with: String
        let line: Int
        let column: Int
        let message: String
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "decimal comma in a flow mapping", replace: "percent: 40.0}", with: "percent: 40,0}", line: 15, column: 35,
             message: "decimal comma"),
        Case(name: "decimal comma in block style", replace: "    respondents: 10\n    selections: 12",
             with: "    respondents: 10,5\n    selections: 12", line: 19, column: 18, message: "decimal comma"),
        Case(name: "thousands comma in a count", replace: "    respondents: 10\n    selections: 12",
             with: "    respondents: 1,012\n    selections: 12", line: 19, column: 18,
             message: "'1,012' has a thousands separator; write the plain number (1012)"),
        Case(name: "thousands space in a count", replace: "    respondents: 10\n    selections: 12",
             with: "    respondents: 1 012\n    selections: 12", line: 19, column: 18,
             message: "'1 012' has a thousands separator; write the plain number (1012)"),
        Case(name: "thousands point in a flow count", replace: "n: 4,", with: "n: 4.000,", line: 15, column: 20,
             message: "thousands separator; write the plain number (4000)"),
        Case(name: "percent as text", replace: "percent: 40.0}", with: "percent: \"40.0\"}", line: 15, column: 32,
             message: "expected a number"),
        Case(name: "count with fraction", replace: "n: 4,", with: "n: 4.5,", line: 15, column: 20,
             message: "expected a whole number, found '4.5'"),
        Case(name: "leading zero", replace: "respondents: 10\n    options:\n      - {id: a, n: 4",
             with: "respondents: 010\n    options:\n      - {id: a, n: 4", line: 13, column: 18, message: "leading zero"),
        Case(name: "unknown kind", replace: "kind: single-choice", with: "kind: single", line: 12, column: 11,
             message: "unknown question kind 'single'"),
        Case(name: "misspelt field", replace: "{id: a, n: 4, percent: 40.0}", with: "{id: a, n: 4, procent: 40.0}",
             line: 15, column: 23, message: "unknown field 'procent'"),
        Case(name: "missing respondents", replace: "    respondents: 10\n    options:\n      - {id: a, n: 4",
             with: "    options:\n      - {id: a, n: 4", line: 11, column: 5, message: "missing required field 'respondents'"),
        Case(name: "duplicate key", replace: "year: 2024", with: "year: 2024\nyear: 2025", line: 3, column: 1,
             message: "duplicate key 'year'"),
        Case(name: "bad id", replace: "id: q01", with: "id: Q 01", line: 11, column: 9, message: "not a valid id"),
        Case(name: "options not a list", replace: "    options:\n      - {id: a, n: 4, percent: 40.0}\n      - {id: b, n: 6, percent: 60.0}",
             with: "    options: none", line: 14, column: 14, message: "expected a list"),
        Case(name: "unsupported format", replace: "stapel-survey/1", with: "stapel-survey/9", line: 1, column: 9,
             message: "unsupported format 'stapel-survey/9'"),
        Case(name: "scored not-applicable", replace: "{id: na, not-applicable: true}", with: "{id: na, score: 2, not-applicable: true}",
             line: 9, column: 25, message: "a does-not-apply point has no score"),
        Case(name: "point without score", replace: "{id: no, score: 0}", with: "{id: no}", line: 8, column: 9,
             message: "missing required field 'score'"),
        Case(name: "broken YAML", replace: "questions:", with: "questions: [", line: 11, column: 3, message: "not valid YAML"),
        Case(name: "boolean other", replace: "{id: b, n: 6, percent: 60.0}", with: "{id: b, n: 6, percent: 60.0, other: maybe}",
             line: 16, column: 45, message: "expected true or false, found 'maybe'"),
        Case(name: "unknown accepted check", replace: "{id: b, n: 6, percent: 60.0}", with: "{id: b, n: 6, percent: 60.0, accept: [everything]}",
             line: 16, column: 47, message: "unknown check 'everything'"),
        Case(name: "selections on single choice", replace: "respondents: 10\n    options:\n      - {id: a, n: 4",
             with: "respondents: 10\n    selections: 10\n    options:\n      - {id: a, n: 4", line: 14, column: 17,
             message: "'selections' belongs to multiple-choice questions"),
        Case(name: "empty file", replace: smallSurvey, with: "", line: 1, column: 1, message: "the file is empty"),
    ]

    @Test(arguments: cases)
    func reportsLocationAndExpectation(_ c: Case) throws {
        #expect(smallSurvey.contains(c.replace), "fixture drifted: \(c.name)")
        let broken = smallSurvey.replacingOccurrences(of: c.replace, with: c.with)
        do {
            _ = try SurveyReader.read(broken, file: "demo.yaml")
            Issue.record("\(c.name): no error")
        } catch let error as DataError {
            #expect(error.location.file == "demo.yaml")
            #expect(error.location.line == c.line, "\(c.name): \(error)")
            #expect(error.location.column == c.column, "\(c.name): \(error)")
            #expect(error.description.contains(c.message), "\(c.name): \(error)")
        }
    }

    @Test func fieldPathIsNamed() throws {
        let broken = smallSurvey.replacingOccurrences(of: "mean: 0.8, median: 1.0}\n    total", with: "mean: high, median: 1.0}\n    total")
        #expect(throws: DataError.self) { try SurveyReader.read(broken, file: "demo.yaml") }
        do { _ = try SurveyReader.read(broken, file: "demo.yaml") } catch let error as DataError {
            #expect(error.path == "questions[2].rows[0].mean")
            #expect(error.description.hasPrefix("demo.yaml:29:53:"))
        }
    }

    @Test func idsStayText() throws {
        // `yes`/`no` ids would be booleans to a YAML 1.1 type guesser; here they stay text.
        let survey = try SurveyReader.read(smallSurvey, file: "demo.yaml")
        #expect(survey.scales[0].points.map(\.id) == ["yes", "no", "na"])
        #expect(Validator().validate(survey).isEmpty)
    }

    @Test func labelSetsFlattenToDottedKeys() throws {
        let labels = try LabelSetReader.read("""
            format: stapel-labels/1
            language: sv
            questions:
              q01:
                text: "Fråga?"
                options: {a: "NO", b: "012"}
            """, file: "sv.yaml")
        #expect(labels["questions.q01.options.a"] == "NO")
        #expect(labels["questions.q01.options.b"] == "012")
        #expect(labels.locations["questions.q01.text"]?.line == 5)
    }

    /// A duplicate key is found, at its first occurrence, in a mapping of a few keys (compared one by one) and in
    /// one of many (hashed once it passes 16 keys), including a key repeated across that point.
    @Test(arguments: [(repeated: 3, at: 5), (repeated: 3, at: 25), (repeated: 20, at: 30)])
    func duplicateKeysInLargeMappings(_ c: (repeated: Int, at: Int)) throws {
        var lines = ["format: stapel-labels/1", "language: sv", "questions:", "  q01:", "    options:"]
        for i in 1...40 { lines.append("      o\(i == c.at ? c.repeated : i): \"Option \(i)\"") }
        do {
            _ = try LabelSetReader.read(lines.joined(separator: "\n"), file: "sv.yaml")
            Issue.record("no error for o\(c.repeated) repeated")
        } catch let error as DataError {
            #expect(error.description.contains("duplicate key 'o\(c.repeated)'"), "\(error)")
            #expect(error.location.line == 5 + c.repeated, "the first occurrence: \(error)")
        }
        lines.removeAll { $0.contains("Option \(c.at)\"") }
        #expect(try LabelSetReader.read(lines.joined(separator: "\n"), file: "sv.yaml").entries.count == 39)
    }

    @Test func labelSetWithoutLanguageFails() {
        #expect(throws: DataError.self) { try LabelSetReader.read("format: stapel-labels/1\nsurvey: {title: x}", file: "x.yaml") }
    }
}
