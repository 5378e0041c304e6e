import Foundation
import Stapel
import Testing

/// Tests for the deliberate bugs a mutation run of the suite let through (issue 11). Every expected value is
/// computed by hand, never with the product's own code.
@Suite struct MutationGapTests {
    // MARK: Rounding ties: half away from zero, not banker's rounding

    @Test func decimalTiesRoundAwayFromZero() {
        #expect(NumberFormat.swedish.decimal(0.25, decimals: 1) == "0,3")    // banker's: 0,2
        #expect(NumberFormat.swedish.decimal(0.35, decimals: 1) == "0,4")
        #expect(NumberFormat.english.decimal(2.5, decimals: 0) == "3")       // banker's: 2
        #expect(NumberFormat.english.decimal(3.5, decimals: 0) == "4")
        #expect(NumberFormat.english.decimal(-0.25, decimals: 1) == "-0.3")
        #expect(NumberFormat.english.decimal(0.125, decimals: 2) == "0.13")
        #expect(NumberFormat.english.decimal(1.005, decimals: 2) == "1.01")
        #expect(NumberFormat.english.decimal(-0.04, decimals: 1) == "0.0")    // no "-0.0"
    }

    @Test func percentTiesRoundAwayFromZero() {
        #expect(NumberFormat.swedish.percent(12.5, decimals: 0) == "13\u{00A0}%")
        #expect(NumberFormat.english.percent(12.5, decimals: 0) == "13%")
        #expect(NumberFormat.english.percent(0.5, decimals: 0) == "1%")
        #expect(NumberFormat.swedish.percent(48.85, decimals: 1) == "48,9\u{00A0}%")
    }

    @Test func largestRemainderGivesTheRemainderToTheLargestFraction() {
        #expect(Rounding.largestRemainder([16.6, 16.6, 66.8], decimals: 0) == [17, 16, 67])
        #expect(Rounding.largestRemainder([33.33, 33.33, 33.34], decimals: 0) == [33, 33, 34])
        // Floors 10 + 20 + 69 = 99; the one point left goes to the largest fraction, .45.
        #expect(Rounding.largestRemainder([10.3, 20.45, 69.25], decimals: 0) == [10, 21, 69])
        // Floors 12.2 + 37.7 + 50.0 = 99.9 at one decimal; 0.1 left goes to 37.78's fraction (.8 of a unit).
        #expect(Rounding.largestRemainder([12.21, 37.78, 50.01], decimals: 1) == [12.2, 37.8, 50.0])
    }

    /// Huge values are printed, not trapped on (Double → Int conversion).
    @Test func formattingHugeValuesDoesNotTrap() {
        #expect(NumberFormat.plain(1e300, decimals: 1).hasSuffix(".0"))
        #expect(NumberFormat.plain(-9.3e18, decimals: 0).hasPrefix("-9"))
        #expect(NumberFormat.plain(.infinity) == "inf")
        #expect(NumberFormat.plain(.nan) == "NaN")
        #expect(NumberFormat.plain(12.34, decimals: 99) == "12.340000")
    }

    // MARK: Atomic writes

    @Test func atomicWriteReplacesTheFileAndAnOpenHandleKeepsTheOldBytes() throws {
        let scratch = try Scratch()
        defer { scratch.cleanUp() }
        let target = scratch.url.appendingPathComponent("out.txt")
        try AtomicFile.write(Array("old bytes".utf8), to: target)
        var before = stat()
        #expect(stat(target.path, &before) == 0)
        let handle = try FileHandle(forReadingFrom: target)
        defer { try? handle.close() }
        try AtomicFile.write(Array("new".utf8), to: target)
        var after = stat()
        #expect(stat(target.path, &after) == 0)
        // Written in place, the inode would stay and the open handle would read "new".
        #expect(before.st_ino != after.st_ino, "the file was rewritten in place, not replaced")
        #expect(String(decoding: try handle.readToEnd() ?? Data(), as: UTF8.self) == "old bytes")
        #expect(try String(contentsOf: target, encoding: .utf8) == "new")
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.url.path) == ["out.txt"], "a temporary file was left")
    }

    // MARK: Missing and empty labels, selections totals

    @Test func aMissingLabelIsMarkedNeverReplacedByItsBareKey() {
        let labels = LabelSet(language: "en", entries: [:])
        #expect(labels.text("questions.q01.text") == "[questions.q01.text]")
    }

    @Test func renderWithAMissingLabelNeverPrintsTheBareKey() throws {
        let scratch = try Scratch()
        defer { scratch.cleanUp() }
        let survey = try scratch.survey(labels: ["en": replacing(baseLabels, "      a: \"Option A\"\n", "")])
        let result = try stapel(["render", survey.path, "--format", "csv,md", "--lang", "en", "--questions", "q01",
                                 "--out", scratch.url.appendingPathComponent("out").path], in: scratch.url)
        let outputs = (try? FileManager.default.subpathsOfDirectory(atPath: scratch.url.appendingPathComponent("out").path)) ?? []
        for name in outputs where name.hasSuffix(".csv") || name.hasSuffix(".md") {
            let text = try String(contentsOf: scratch.url.appendingPathComponent("out/\(name)"), encoding: .utf8)
            for line in text.split(separator: "\n") where line.contains("questions.q01.options.a") {
                #expect(line.contains("[questions.q01.options.a]"), "the bare key was printed: \(line)")
            }
        }
        // Today render refuses (validation error naming the key) or marks the gap; either way it says so.
        #expect(result.status != 0 || !outputs.isEmpty)
        if result.status != 0 { #expect(result.stderr.contains("questions.q01.options.a"), "\(result.stderr)") }
    }

    @Test func emptyLabelsAreReported() throws {
        let survey = try SurveyReader.read(baseSurvey, file: "survey.yaml")
        let labels = try LabelSetReader.read(replacing(baseLabels, "\"Option A\"", "\"  \""), file: "labels/en.yaml")
        let issues = Validator().validate(labels, for: survey, file: "labels/en.yaml")
        let issue = try #require(issues.first { $0.check == "empty-label" })
        #expect(issue.severity == .error)
        #expect(issue.field == "questions.q01.options.a")
        #expect(issue.location?.line == 10)
    }

    /// Planning checks only the empty labels (`Validator.emptyLabels`): the very errors, in the same order, that
    /// the whole label validation finds.
    @Test func planningFindsTheEmptyLabelsValidationFinds() throws {
        let survey = try SurveyReader.read(baseSurvey, file: "survey.yaml")
        let blanked = replacing(replacing(replacing(baseLabels, "\"Option A\"", "\"  \""), "\"Third question\"", "\"\""),
                                "\"Choice B\"", "\"\\t\"")
        let labels = try LabelSetReader.read(blanked, file: "labels/en.yaml")
        let validated = Validator().validate(labels, for: survey, file: "labels/en.yaml").filter { $0.check == "empty-label" }
        let planned = Validator().emptyLabels(in: labels, required: survey.requiredLabelKeys)
        #expect(planned.map(\.field) == ["questions.q01.options.a", "questions.q02.options.b", "questions.q03.text"])
        #expect(planned.map(\.description) == validated.map(\.description))
        #expect(Validator().emptyLabels(in: try LabelSetReader.read(baseLabels, file: "labels/en.yaml"),
                                        required: survey.requiredLabelKeys).isEmpty)
    }

    @Test func multipleChoiceSelectionsTotalIsChecked() throws {
        // The options add up to 7 + 5 = 12 selections; 13 is declared.
        let survey = try SurveyReader.read(replacing(baseSurvey, "selections: 12", "selections: 13"), file: "survey.yaml")
        let issues = Validator().validate(survey).filter { $0.question == "q02" }
        #expect(issues.contains { $0.severity == .error && $0.message.contains("13") && $0.message.contains("12") }, "\(issues)")
        let fine = try SurveyReader.read(baseSurvey, file: "survey.yaml")
        #expect(Validator().validate(fine).filter { $0.question == "q02" && $0.severity == .error }.isEmpty)
    }

    // MARK: stapel validate exit codes

    @Test func validateExitCodes() throws {
        let scratch = try Scratch()
        defer { scratch.cleanUp() }
        let clean = try scratch.survey("clean")
        #expect(try stapel(["validate", clean.path], in: scratch.url).status == 0)
        #expect(try stapel(["validate", "--strict", clean.path], in: scratch.url).status == 0)
        // A stale label is a warning: 0 without --strict, 1 with it.
        let warned = try scratch.survey("warned", labels: ["en": replacing(baseLabels, "survey:", "unused: \"x\"\nsurvey:")])
        let plain = try stapel(["validate", warned.path], in: scratch.url)
        #expect(plain.status == 0, "\(plain.stdout)\(plain.stderr)")
        #expect((plain.stdout + plain.stderr).contains("0 errors"), "\(plain.stdout)")
        #expect((plain.stdout + plain.stderr).contains("unused"), "\(plain.stdout)")
        #expect(try stapel(["validate", "--strict", warned.path], in: scratch.url).status == 1)
        // An error: 1 either way.
        let broken = try scratch.survey("broken", survey: replacing(baseSurvey, "selections: 12", "selections: 13"))
        #expect(try stapel(["validate", broken.path], in: scratch.url).status == 1)
        #expect(try stapel(["validate", "--strict", broken.path], in: scratch.url).status == 1)
        // A file that does not read: 1, with file and line.
        let unreadable = try scratch.survey("unreadable", survey: replacing(baseSurvey, "{id: a, n: 4,", "{id: a, n: 99999999999999999999,"))
        let result = try stapel(["validate", unreadable.path], in: scratch.url)
        #expect(result.status == 1)
        #expect(result.stderr.contains("survey.yaml:16"), "\(result.stderr)")
    }
}
