import Foundation
import Stapel
import Testing

/// The run record kept beside an output folder's state (`.stapel-run`): what it holds survives any text, it is
/// believed only beside the state it was written with, and a no-change run reads it instead of the state.
@Suite struct RunRecordFileTests {
    let scratch: Scratch
    init() throws { scratch = try Scratch() }

    /// Paths and warnings with every character the format escapes, and the escape character itself.
    func record(root: String) -> RunRecord {
        RunRecord(
            key: "k%ey",
            inputs: ["/a\tb/c%41.yaml": FileStamp(size: 12, modified: 1_700_000_000_123_456_789),
                     "/plain.yaml": FileStamp(size: 0, modified: -5)],
            absent: ["/styles/house\nstyle.yaml", "/x\r%0A"],
            outputs: [RunRecord.Output(root: root, relativePath: "sv/q01.png", question: "q01", language: "sv", format: "png"),
                      RunRecord.Output(root: root, relativePath: "sv/report.pdf", question: nil, language: "sv", format: "report-pdf"),
                      RunRecord.Output(root: "/elsewhere", relativePath: "sv/q01.png", question: "q01", language: "sv", format: "png")],
            warnings: ["warning: two\nlines\twith a tab and 100 %", ""])
    }

    /// The run key writes the options and the page adjustment out instead of reflecting them: the same values,
    /// so a record written before still matches its command.
    @Test func theKeysOptionsAndPageAreTheReflectedValues() {
        for options in [RenderOptions(), RenderOptions(["md-notes": "false", "csv-injection-guard": "true", "z\ta": "ä %"])] {
            #expect(RunRecord.canonical(options) == CanonicalValue(reflecting: options.values))
        }
        for page in [RenderPlan.PageAdjustment(), .init(widthMM: 160, dpi: 300, aspectRatio: 1.5), .init(dpi: 72)] {
            #expect(RunRecord.canonical(page) == CanonicalValue(reflecting: page))
        }
    }

    @Test func everyFieldSurvivesTheTextFormat() throws {
        let root = "/tmp/out"
        var state = BuildState()
        state.entries["sv/q01.png"] = BuildState.Entry(inputs: "i", output: "o", stamp: FileStamp(size: 3, modified: 4))
        state.entries["sv/report.pdf"] = BuildState.Entry(inputs: "i", output: "o", stamp: nil)
        let file = RunRecordFile(record: record(root: root), root: root, state: state, stateBytes: Array("state".utf8))
        #expect(file.complete, "the state records exactly the record's outputs in this folder")
        #expect(file.outputStamps == ["sv/q01.png": FileStamp(size: 3, modified: 4)])
        let bytes = file.encoded()
        // One line per field group: no raw tab or line break of the texts leaks into the structure.
        #expect(String(decoding: bytes, as: UTF8.self).split(separator: "\n").count == 5 + 2 + 2 + 3 + 2)
        let decoded = try #require(RunRecordFile(decoding: bytes))
        #expect(decoded == file)
        #expect(decoded.record == record(root: root))

        state.entries["sv/q02.png"] = BuildState.Entry(inputs: "i", output: "o")
        #expect(!RunRecordFile(record: record(root: root), root: root, state: state, stateBytes: []).complete)
    }

    @Test func anythingElseIsNoRecord() throws {
        let root = "/tmp/out"
        let good = RunRecordFile(record: record(root: root), root: root, state: BuildState(), stateBytes: []).encoded()
        #expect(RunRecordFile(decoding: []) == nil)
        #expect(RunRecordFile(decoding: Array(good.dropLast())) == nil, "a file cut short")
        #expect(RunRecordFile(decoding: Array("stapel-run/0\n".utf8) + good.drop { $0 != 0x0A }.dropFirst()) == nil, "another format")
        #expect(RunRecordFile(decoding: good + Array("surprise\tx\n".utf8)) == nil, "an unknown line")
        let text = String(decoding: good, as: UTF8.self)
        let badStamp = text.replacingOccurrences(of: "\t12\t1700000000123456789\t", with: "\ttwelve\t1700000000123456789\t")
        #expect(RunRecordFile(decoding: Array(badStamp.utf8)) == nil, "a stamp that is no number")
    }

    @Test func aRecordIsBelievedOnlyBesideItsState() throws {
        defer { scratch.cleanUp() }
        let folder = scratch.url.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        var state = BuildState()
        state.run = record(root: folder.standardizedFileURL.path)
        try state.save(to: folder)
        #expect(FileManager.default.fileExists(atPath: RunRecordFile.url(in: folder).path))
        #expect(BuildState.load(from: folder).run == state.run)

        // The state replaced behind the record's back (another tool, a hand edit, a run stopped between the writes).
        let stateURL = BuildState.url(in: folder)
        try (String(contentsOf: stateURL, encoding: .utf8) + "\n").write(to: stateURL, atomically: true, encoding: .utf8)
        #expect(BuildState.load(from: folder).run == nil)

        // Saved again without a run: the old record goes.
        state.run = nil
        try state.save(to: folder)
        #expect(!FileManager.default.fileExists(atPath: RunRecordFile.url(in: folder).path))
    }

    /// Through the command line: a second run is answered from the record, a deleted state makes the run plan and
    /// write a state again (nothing rewritten), and so does a record edited by hand.
    @Test func theCommandLineKeepsAndChecksTheRecord() throws {
        defer { scratch.cleanUp() }
        let survey = try scratch.copyOfSurvey()
        let out = scratch.url.appendingPathComponent("rendered")
        let args = ["render", survey.path, "--out", out.path, "--styles", stylesFolder.path, "--format", "md,svg", "--lang", "sv",
                    "--questions", "q01,q05", "--log-format", "json"]
        let first = try runStapel(args, in: scratch.url)
        #expect(first.status == 0, "\(first.stderr)")
        let recordURL = RunRecordFile.url(in: out)
        #expect(FileManager.default.fileExists(atPath: recordURL.path))
        // Fontconfig's files, stamped on their own thread during planning, are in the record with the survey's
        // (SVG draws with fonts; a build of tables alone depends on no font file, below).
        let inputs = try #require(BuildState.load(from: out).run?.inputs)
        #expect(inputs.keys.contains { $0.hasPrefix("/etc/fonts/") }, "\(inputs.keys.sorted())")
        #expect(inputs.keys.contains { $0.hasSuffix("/survey.yaml") })
        let tablesOut = scratch.url.appendingPathComponent("tables")
        let tables = try runStapel(["render", survey.path, "--out", tablesOut.path, "--format", "md,csv", "--lang", "sv",
                                    "--questions", "q01", "--quiet"], in: scratch.url)
        #expect(tables.status == 0, "\(tables.stderr)")
        let tableInputs = try #require(BuildState.load(from: tablesOut).run?.inputs)
        #expect(!tableInputs.keys.contains { $0.hasPrefix("/etc/fonts/") }, "\(tableInputs.keys.sorted())")
        #expect(tableInputs.keys.contains { $0.hasSuffix("/survey.yaml") })
        func unchangedCount(_ result: (status: Int32, stdout: String, stderr: String)) throws -> Int {
            try jsonLogEvents(result.stdout).filter { $0["event"] as? String == "unchanged" }.count
        }
        #expect(try unchangedCount(runStapel(args, in: scratch.url)) == 4)

        try FileManager.default.removeItem(at: BuildState.url(in: out))
        let planned = try runStapel(args, in: scratch.url)
        #expect(try unchangedCount(planned) == 4)
        #expect(FileManager.default.fileExists(atPath: BuildState.url(in: out).path), "the state is written again")

        // A record whose output stamp was edited: not believed; the run plans, finds the files as they are, and
        // writes a true record.
        let edited = try String(contentsOf: recordURL, encoding: .utf8)
            .split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.hasPrefix("output\t") && $0.contains("q01.md") ? $0.replacingOccurrences(of: "\tsv\tmd\t", with: "\tsv\tmd\t1") : String($0) }
            .joined(separator: "\n")
        try edited.write(to: recordURL, atomically: true, encoding: .utf8)
        #expect(try unchangedCount(runStapel(args, in: scratch.url)) == 4)
        #expect(try String(contentsOf: recordURL, encoding: .utf8) != edited)
    }
}

/// Planning on two threads plans exactly what planning on one does, and reports the same first error.
@Suite struct ParallelPlanningTests {
    let scratch: Scratch
    init() throws { scratch = try Scratch() }

    func plan(_ survey: URL) -> RenderPlan {
        RenderPlan(surveyDirectory: survey, outputDirectory: scratch.url.appendingPathComponent("out"), stylesDirectory: stylesFolder,
                   formats: ["png", "csv", "md"], languages: ["sv", "en"], style: "default")
    }

    /// Every output's input digest covers all it is rendered from.
    func digests(_ jobs: [QuestionJob]) -> [String] {
        jobs.flatMap { job in
            job.outputs.map { "\($0.relativePath) \(InputDigest.of(job.request, backend: $0.backend, fonts: "f"))" }
        }
    }

    @Test func twoThreadsPlanWhatOneDoes() throws {
        defer { scratch.cleanUp() }
        let survey = try scratch.copyOfSurvey()
        let serial = try RenderPipeline(threads: 1).jobs(for: [plan(survey)])
        let parallel = try RenderPipeline(threads: 2).jobs(for: [plan(survey)])
        #expect(serial.jobs.count == 76)
        #expect(digests(parallel.jobs) == digests(serial.jobs))
        #expect(parallel.warnings == serial.warnings)
    }

    @Test func theSurveysErrorComesBeforeALabelFilesAsInOrder() throws {
        defer { scratch.cleanUp() }
        let survey = try scratch.copyOfSurvey()
        let labels = survey.appendingPathComponent("labels/en.yaml")
        try "language: en\nlabels: [unclosed\n".write(to: labels, atomically: true, encoding: .utf8)
        func failure(_ threads: Int) -> String {
            do {
                _ = try RenderPipeline(threads: threads).jobs(for: [plan(survey)])
                return "no error"
            } catch { return "\(error)" }
        }
        let labelError = failure(1)
        #expect(labelError.contains("en.yaml"), "\(labelError)")
        #expect(failure(2) == labelError)

        // The first language's error first, though both languages are planned side by side.
        let swedish = survey.appendingPathComponent("labels/sv.yaml")
        let svText = try String(contentsOf: swedish, encoding: .utf8)
        #expect(svText.contains("    inget: \"Inget hinder\"\n"))
        try svText.replacingOccurrences(of: "    inget: \"Inget hinder\"\n", with: "").write(to: swedish, atomically: true, encoding: .utf8)
        let swedishError = failure(1)
        #expect(swedishError.contains("'sv' label set lacks") && swedishError.contains("scales.hinder.inget"), "\(swedishError)")
        #expect(failure(2) == swedishError)
        try svText.write(to: swedish, atomically: true, encoding: .utf8)

        let data = survey.appendingPathComponent("survey.yaml")
        try (String(contentsOf: data, encoding: .utf8) + "\nquestions: twice\n").write(to: data, atomically: true, encoding: .utf8)
        let surveyError = failure(1)
        #expect(surveyError.contains("survey.yaml"), "\(surveyError)")
        #expect(failure(2) == surveyError)
    }
}
