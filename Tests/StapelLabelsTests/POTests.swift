import Foundation
import Testing
import Stapel
import StapelLabels

/// gettext PO interchange: export → import gives the same label set, the files pass GNU gettext's own
/// checks, and the reader reports malformed files by line.
@Suite struct POTests {
    let survey: Survey
    let source: LabelSet
    let catalog: LabelCatalog

    init() throws {
        survey = try bundledLoader.loadSurvey()
        source = try bundledSource()
        catalog = LabelCatalog(survey: survey, source: source)
    }

    func export(_ labels: LabelSet, catalog: LabelCatalog? = nil) -> String {
        POWriter.write(POExport.file(catalog: catalog ?? self.catalog, target: labels, surveyID: survey.id,
                                     revisionDate: "2024-06-01 12:00+0000"))
    }

    func roundTrip(_ labels: LabelSet, catalog: LabelCatalog? = nil) throws -> POImport.Result {
        let text = export(labels, catalog: catalog)
        let po = try POReader.read(text, file: "test.po")
        return try POImport.labels(from: po, language: labels.language, catalog: catalog ?? self.catalog, file: "test.po")
    }

    @Test(arguments: ["sv", "en"]) func exportThenImportGivesTheSameSet(language: String) throws {
        let labels = try LabelSource.labels(language, loader: bundledLoader)
        let result = try roundTrip(labels)
        #expect(result.labels.language == language)
        #expect(result.labels.entries == labels.entries)
        #expect(result.warnings.isEmpty, "\(result.warnings)")
        #expect(result.imported == catalog.entries.count)
    }

    @Test(arguments: ["sv", "en"]) func exportedFilesPassMsgfmtCheck(language: String) throws {
        let labels = try LabelSource.labels(language, loader: bundledLoader)
        let run = try Msgfmt.check(export(labels))
        #expect(run.status == 0, "msgfmt --check-format --check-header failed:\n\(run.output)")
        #expect(!run.output.contains("warning"), "msgfmt warned:\n\(run.output)")
    }

    @Test func msgfmtCatchesALostPlaceholderThroughTheFormatFlag() throws {
        var labels = try LabelSource.labels("en", loader: bundledLoader)
        let key = try #require(catalog.entries.first { Placeholders.isBraceFormat($0.source) }?.key)
        labels.entries[key] = "Responses: {count}"
        let run = try Msgfmt.check(export(labels))
        #expect(run.status != 0, "msgfmt accepted a translation whose placeholder was renamed")
    }

    @Test func awkwardStringsSurviveTheRoundTrip() throws {
        let texts: [String: String] = [
            "survey.title": "Quotes \"in\" it, a back\\slash, a\ttab",
            "survey.source": "\nStarts and ends with line breaks\n",
            "questions.q01.text": "Three\nlines\nof text",
            "questions.q01.options.ja": "No-break\u{00A0}space, narrow\u{202F}one, ”Swedish quotes”, åäö, emoji 📊",
            "questions.q01.options.nej": "A {n} placeholder and a lone { brace",
        ]
        var sv = source
        for (key, text) in texts { sv.entries[key] = text }
        let catalog = LabelCatalog(survey: survey, source: sv)
        var target = sv
        target.language = "en"
        let result = try roundTrip(target, catalog: catalog)
        for (key, text) in texts { #expect(result.labels[key] == text, "\(key)") }
        #expect(result.labels.entries == target.entries)
        let run = try Msgfmt.check(export(target, catalog: catalog))
        #expect(run.status == 0, "\(run.output)")
    }

    /// A control character (here U+0001, written by the exporter as an escape) is refused on import, by line
    /// (issue 11): no output can carry it, and the label reader refuses it too.
    @Test func controlCharactersDoNotComeInThroughAPOFile() throws {
        var target = source
        target.language = "en"
        target.entries["questions.q01.options.nej"] = "Control \u{01} char"
        #expect(throws: POError.self) { try roundTrip(target, catalog: catalog) }
    }

    @Test func entriesCarryKeyContextAndHeader() throws {
        let en = try LabelSource.labels("en", loader: bundledLoader)
        let po = try POReader.read(export(en), file: "en.po")
        #expect(po.headerValue("Language") == "en")
        #expect(po.headerValue("Content-Type") == "text/plain; charset=UTF-8")
        #expect(po.headerValue("Plural-Forms") == nil)
        let entry = try #require(po.entries.first { $0.context == "questions.q05.rows.regeringen" })
        #expect(entry.id == source["questions.q05.rows.regeringen"])
        #expect(entry.translation == en["questions.q05.rows.regeringen"])
        let comments = entry.extractedComments.joined(separator: "\n")
        #expect(comments.contains("Question 5"))
        #expect(comments.contains("statement"))
        #expect(comments.contains("characters (source: \(entry.id.count))"))
        let point = try #require(po.entries.first { $0.context == "scales.hinder.inget" })
        #expect(point.extractedComments[0].hasPrefix("Questions 5, 36"), "a scale point names every question using it")
        let count = try #require(po.entries.first { $0.context == "ui.respondents" })
        #expect(count.flags.contains("python-brace-format"))
        #expect(count.extractedComments.contains { $0.hasPrefix("{n}:") })
        #expect(po.entries.map(\.context) == catalog.keys.map(Optional.some), "entries follow the catalog order")
    }

    @Test func onlyTheChosenPartIsExported() {
        let survey = POExport.file(catalog: catalog, target: source, surveyID: "x", part: .survey, revisionDate: "d")
        let interface = POExport.file(catalog: catalog, target: source, surveyID: "x", part: .interface, revisionDate: "d")
        #expect(survey.entries.allSatisfy { LabelCatalog.isSurveyKey($0.context!) })
        #expect(interface.entries.allSatisfy { !LabelCatalog.isSurveyKey($0.context!) })
        #expect(survey.entries.count + interface.entries.count == catalog.entries.count)
    }

    @Test func fuzzyUntranslatedUnknownAndChangedEntriesAreHandled() throws {
        let text = """
            msgid ""
            msgstr ""
            "Language: en\\n"
            "Content-Type: text/plain; charset=UTF-8\\n"

            #, fuzzy
            msgctxt "questions.q01.text"
            msgid "\(source["questions.q01.text"]!)"
            msgstr "A guess"

            msgctxt "questions.q01.options.ja"
            msgid "\(source["questions.q01.options.ja"]!)"
            msgstr ""

            msgctxt "questions.q99.text"
            msgid "Borttagen fråga"
            msgstr "Removed question"

            msgctxt "questions.q01.options.nej"
            msgid "En äldre formulering"
            msgstr "No."

            #~ msgctxt "questions.q02.text"
            #~ msgid "Gammal"
            #~ msgstr "Old"
            """
        let po = try POReader.read(text, file: "en.po")
        let result = try POImport.labels(from: po, language: "en", catalog: catalog, file: "en.po")
        #expect(result.labels.entries == ["questions.q01.options.nej": "No."])
        #expect(result.labels.locations["questions.q01.options.nej"]?.line == 19)
        #expect((result.fuzzy, result.untranslated, result.unknown, result.imported) == (1, 1, 1, 1))
        #expect(result.warnings.contains { $0.contains("en.po:6") && $0.contains("fuzzy") })
        #expect(result.warnings.contains { $0.contains("q99") })
        #expect(result.warnings.contains { $0.contains("en.po:19") && $0.contains("changed") })
    }

    @Test func aFileForAnotherLanguageOrCharsetIsRefused() throws {
        let german = try POReader.read("msgid \"\"\nmsgstr \"Language: de\\n\"\n", file: "de.po")
        #expect(throws: POImport.ImportError.self) {
            try POImport.labels(from: german, language: "en", catalog: catalog, file: "de.po")
        }
        let latin1 = try POReader.read("msgid \"\"\nmsgstr \"Content-Type: text/plain; charset=ISO-8859-1\\n\"\n", file: "x.po")
        #expect(throws: POImport.ImportError.self) {
            try POImport.labels(from: latin1, language: "en", catalog: catalog, file: "x.po")
        }
    }

    @Test(arguments: [
        ("msgid \"unterminated\nmsgstr \"\"\n", 1, "closing quote"),
        ("msgid \"a\"\nmsgid_plural \"b\"\nmsgstr[0] \"\"\n", 2, "plural"),
        ("msgid \"a\"\nmsgstr \"b\"\nbogus line\n", 3, "unexpected line"),
        ("msgid \"a\\q\"\nmsgstr \"\"\n", 1, "unknown escape"),
        ("msgctxt \"k\"\nmsgid \"a\"\nmsgstr \"\"\n\nmsgctxt \"k\"\nmsgid \"a\"\nmsgstr \"x\"\n", 5, "duplicate"),
        ("msgid \"a\"\n\n\"stray\"\n", 3, "continues no"),
        ("msgid \"a\"\n", 1, "without a msgstr"),
    ]) func malformedFilesAreReportedByLine(text: String, line: Int, words: String) {
        do {
            _ = try POReader.read(text, file: "bad.po")
            Issue.record("no error for \(text.debugDescription)")
        } catch let error as POError {
            #expect(error.line == line, "\(error)")
            #expect(error.description.contains(words), "\(error)")
            #expect(error.description.hasPrefix("bad.po:\(line): error:"))
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }

    @Test func readsWhatGettextToolsWrite() throws {
        // msgcat re-wraps long strings over several lines and keeps the entries: read its output back.
        let en = try LabelSource.labels("en", loader: bundledLoader)
        let rewritten = try Msgfmt.withFile(export(en)) { try Msgfmt.run("msgcat", ["--width=40", $0]) }
        #expect(rewritten.status == 0, "\(rewritten.output)")
        let po = try POReader.read(rewritten.stdout, file: "msgcat.po")
        let result = try POImport.labels(from: po, language: "en", catalog: catalog, file: "msgcat.po")
        #expect(result.labels.entries == en.entries)
    }
}

/// Runs GNU gettext's tools; a test that needs them fails with the install line when they are missing.
enum Msgfmt {
    struct Run {
        var status: Int32
        var stdout: String
        var output: String
    }

    struct Missing: Error, CustomStringConvertible {
        var tool: String
        var description: String { "GNU gettext's \(tool) is not installed; run `apt-get install gettext` (or bash .ci/install-deps test)" }
    }

    /// `msgfmt --check-format --check-header -o /dev/null` on `po`.
    static func check(_ po: String) throws -> Run {
        try withFile(po) { try run("msgfmt", ["--check-format", "--check-header", "-o", "/dev/null", $0]) }
    }

    /// `body` with the path of a temporary file holding `text`.
    static func withFile<T>(_ text: String, _ body: (String) throws -> T) throws -> T {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("stapel-labels-\(UUID().uuidString).po")
        try Data(text.utf8).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        return try body(url.path)
    }

    static func run(_ tool: String, _ arguments: [String]) throws -> Run {
        let path = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
            .map { "\($0)/\(tool)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
        guard let path else { throw Missing(tool: tool) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("stapel-labels-\(UUID().uuidString).out")
        _ = FileManager.default.createFile(atPath: out.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: out) }
        let err = Pipe()
        process.standardOutput = try FileHandle(forWritingTo: out)
        process.standardError = err
        try process.run()
        let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        let stdout = String(decoding: try Data(contentsOf: out), as: UTF8.self)
        return Run(status: process.terminationStatus, stdout: stdout, output: stdout + stderr)
    }
}

/// The gettext workflow when the Swedish text changes after translation: msgmerge against a fresh template
/// marks the entry fuzzy, and the import leaves it out with a warning instead of taking a stale translation.
@Suite struct POSourceChangeTests {
    @Test func msgmergeMarksAChangedSourceFuzzyAndTheImportSkipsIt() throws {
        let survey = try bundledLoader.loadSurvey()
        let oldSource = try bundledSource()
        let english = try LabelSource.labels("en", loader: bundledLoader)
        let oldCatalog = LabelCatalog(survey: survey, source: oldSource)
        let translated = POWriter.write(POExport.file(catalog: oldCatalog, target: english, surveyID: survey.id,
                                                      revisionDate: "2024-06-01 12:00+0000"))
        var newSource = oldSource
        let key = "questions.q05.rows.regeringen"
        newSource.entries[key] = "Otydlig styrning från Regeringskansliet"
        let newCatalog = LabelCatalog(survey: survey, source: newSource)
        let template = POWriter.write(POExport.file(catalog: newCatalog, target: LabelSet(language: "en", entries: [:]),
                                                    surveyID: survey.id, revisionDate: "2024-07-01 12:00+0000"))
        let merged = try Msgfmt.withFile(translated) { old in
            try Msgfmt.withFile(template) { pot in try Msgfmt.run("msgmerge", ["--quiet", "--previous", old, pot]) }
        }
        #expect(merged.status == 0, "\(merged.output)")
        let po = try POReader.read(merged.stdout, file: "merged.po")
        let entry = try #require(po.entries.first { $0.context == key })
        #expect(entry.isFuzzy)
        #expect(entry.translation == english[key], "msgmerge keeps the old translation as a suggestion")
        let result = try POImport.labels(from: po, language: "en", catalog: newCatalog, file: "merged.po")
        #expect(result.labels[key] == nil)
        #expect(result.fuzzy == 1)
        #expect(result.imported == newCatalog.entries.count - 1)
    }
}
