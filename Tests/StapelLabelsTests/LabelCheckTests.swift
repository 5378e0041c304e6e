import Testing
import Stapel
import StapelLabels

/// `LabelCheck` on small fixtures: each defect is planted once and must be reported with its key.
@Suite struct LabelCheckTests {
    let survey: Survey
    let source: LabelSet
    let catalog: LabelCatalog
    /// A complete, correct English set for the small survey.
    let english: LabelSet

    init() throws {
        survey = try smallSurvey()
        source = try smallSource()
        catalog = LabelCatalog(survey: survey, source: source)
        english = LabelSet(language: "en", entries: [
            "survey.title": "Survey on data", "survey.source": "Source: Survey on data 2024",
            "scales.agree.yes": "Agree", "scales.agree.no": "Disagree", "scales.agree.na": "Not relevant",
            "questions.q01.text": "Is the agency data-driven?", "questions.q01.description": "Line one\nLine two",
            "questions.q01.options.a": "Yes, to a great extent", "questions.q01.options.b": "No",
            "questions.q02.text": "How well does the statement apply?", "questions.q02.rows.r1": "We share data",
            "number.decimal-separator": ".", "number.percent": "{value}%",
            "ui.respondents": "Responses: {n}", "ui.total": "Total", "ui.median": "Median",
        ])
    }

    func check(_ labels: LabelSet, allowed: [String: String] = ["ui.median": "the same word in English"]) -> LabelCheckReport {
        LabelCheck(identicalAllowed: allowed).check(labels, against: catalog, files: [.survey: "demo/en.yaml"])
    }

    func keys(_ report: LabelCheckReport, _ check: String) -> [String] {
        report.issues.filter { $0.check == check }.compactMap(\.field)
    }

    @Test func catalogFollowsTheSurvey() {
        #expect(catalog.keys == [
            "survey.title", "survey.source",
            "scales.agree.yes", "scales.agree.no", "scales.agree.na",
            "questions.q01.text", "questions.q01.description", "questions.q01.options.a", "questions.q01.options.b",
            "questions.q02.text", "questions.q02.rows.r1",
            "number.decimal-separator", "number.percent", "ui.respondents", "ui.total", "ui.median",
        ])
        #expect(catalog["scales.agree.no"]?.questions == ["q02"])
        #expect(catalog["scales.unused.x"] == nil, "a scale no question uses has no labels to translate")
        #expect(catalog["ui.respondents"]?.placeholders == ["n"])
    }

    @Test func aCompleteTranslationPasses() {
        let report = check(english)
        #expect(report.issues.isEmpty, "\(report.issues.map(\.description))")
        #expect(report.translated == catalog.entries.count)
        #expect(report.coverage == 100)
    }

    @Test func missingAndEmptyKeysAreErrors() {
        var labels = english
        labels.entries["questions.q01.options.b"] = nil
        labels.entries["ui.total"] = nil
        labels.entries["questions.q02.rows.r1"] = "  "
        let report = check(labels)
        #expect(keys(report, "missing-label") == ["questions.q01.options.b", "ui.total"])
        #expect(keys(report, "empty-label") == ["questions.q02.rows.r1"])
        #expect(report.issues.allSatisfy { $0.severity == .error })
        #expect(report.translated == catalog.entries.count - 3)
        let missing = report.issues.first { $0.field == "questions.q01.options.b" }
        #expect(missing?.question == "q01")
        #expect(missing?.location?.file == "demo/en.yaml", "a missing key points at the file it belongs in")
    }

    @Test func staleKeysAreWarnings() {
        var labels = english
        labels.entries["questions.q09.text"] = "A question the survey no longer has"
        labels.entries["scales.unused.x"] = "Unused"
        labels.entries["questions.q02.description"] = "No Swedish source for this one"
        let report = check(labels)
        #expect(Set(keys(report, "stale-label")) == ["questions.q09.text", "scales.unused.x", "questions.q02.description"])
        #expect(report.issues.allSatisfy { $0.severity == .warning })
        #expect(report.errors == 0)
    }

    @Test func stringsIdenticalToTheSourceAreUntranslated() {
        var labels = english
        labels.entries["questions.q01.options.a"] = "Ja, i hög grad"
        labels.entries["number.decimal-separator"] = ","   // no letters: a separator may rightly be the same
        let report = check(labels)
        #expect(keys(report, "untranslated") == ["questions.q01.options.a"])
        #expect(report.untranslated == ["questions.q01.options.a"])
        let withoutAllowance = check(english, allowed: [:])
        #expect(keys(withoutAllowance, "untranslated") == ["ui.median"], "“Median” needs an explicit allowance")
        let accepted = check(labels, allowed: ["ui.median": "same word", "questions.q01.options.a": "a name"])
        #expect(keys(accepted, "untranslated").isEmpty)
    }

    @Test func lostOrChangedPlaceholdersAreErrors() {
        var labels = english
        labels.entries["ui.respondents"] = "Responses: n"
        labels.entries["number.percent"] = "{val}%"
        let report = check(labels)
        #expect(keys(report, "placeholder") == ["number.percent", "ui.respondents"])
        let message = report.issues.first { $0.field == "ui.respondents" }?.message ?? ""
        #expect(message.contains("{n}"))
    }

    @Test func lineBreaksAtTheEndsMustMatch() {
        var labels = english
        labels.entries["questions.q01.text"] = "Is the agency data-driven?\n"
        #expect(keys(check(labels), "line-break") == ["questions.q01.text"])
    }

    @Test func oneLineTextsLongerThanTheirRoomAreReported() throws {
        let limit = try #require(catalog["ui.total"]?.lengthHint.maxLength)
        var labels = english
        labels.entries["ui.total"] = String(repeating: "T", count: limit + 1)
        #expect(keys(check(labels), "too-long") == ["ui.total"])
        labels.entries["ui.total"] = String(repeating: "T", count: limit)
        #expect(keys(check(labels), "too-long").isEmpty)
    }

    @Test func theSourceIsCheckedForGapsButNotForIdentity() throws {
        var sv = source
        sv.entries["questions.q02.rows.r1"] = nil
        let catalog = LabelCatalog(survey: survey, source: sv)
        let report = LabelCheck().check(sv, against: catalog)
        #expect(keys(report, "missing-source") == ["questions.q02.rows.r1"])
        #expect(keys(report, "untranslated").isEmpty)
        let englishReport = LabelCheck().check(english, against: catalog)
        #expect(keys(englishReport, "missing-source") == ["questions.q02.rows.r1"])
    }

    @Test func placeholdersAreFound() {
        #expect(Placeholders.names(in: "Antal svar: {min}–{max} {n}") == ["min", "max", "n"])
        #expect(Placeholders.names(in: "a {not a name} {} {x") == [])
        #expect(Placeholders.match("{a} och {b}", "{b} and {a}"))
        #expect(!Placeholders.match("{a} {a}", "{a}"))
        #expect(Placeholders.isBraceFormat("{value} %"))
        #expect(!Placeholders.isBraceFormat("{percent-of} %"), "a hyphen is no Python identifier")
        #expect(!Placeholders.isBraceFormat("{x} and a literal }"))
        #expect(!Placeholders.isBraceFormat("no placeholder"))
    }
}
