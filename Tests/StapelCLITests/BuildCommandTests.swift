import Foundation
import Stapel
import Testing

/// `stapel build` as a script sees it: the built binary, run in a temporary project with a manifest and an
/// external backend written as a shell script. Exit codes, summary lines, `--check`, `--log-format json`.
@Suite struct BuildCommandTests {
    let scratch: Scratch
    let survey: URL

    init() throws {
        scratch = try Scratch()
        survey = try scratch.copyOfSurvey()
        // `echo`: the request itself is the file; `picky`: fails for q05 with a message on standard error.
        for (name, ext, body) in [("echo", "json", "cat"),
                                  ("picky", "txt", "input=$(cat)\ncase \"$input\" in *'\"id\":\"q05\"'*) echo 'q05 is too hard' >&2; exit 2;; esac\necho ok")] {
            try scratch.write("""
                #!/bin/sh
                if [ "$1" = describe ]; then
                  echo '{"format": "stapel-backend/1", "name": "\(name)", "extension": "\(ext)", "text": true, "uses-fonts": false}'
                  exit 0
                fi
                \(body)
                """, to: "backends/stapel-backend-\(name)", executable: true)
        }
    }

    func manifest(formats: [String] = ["echo"], extra: String = "") throws {
        try scratch.write("""
            format: stapel-manifest/1
            output: out
            styles-folder: \(stylesFolder.path)
            backends-folder: backends
            surveys:
              - path: survey
                questions: [q01, q02, q05]
                formats: [\(formats.joined(separator: ", "))]
                languages: [sv, en]
            \(extra)
            """, to: "stapel.yaml")
    }

    func stapel(_ arguments: [String]) throws -> (status: Int32, stdout: String, stderr: String) {
        try runStapel(arguments, in: scratch.url)
    }

    /// Outputs a manifest stops naming are reported by `--check` and by a build, and removed by `--prune`; a
    /// dropped file someone edited is left in place.
    @Test func droppedOutputsAreReportedAndPruned() throws {
        defer { scratch.cleanUp() }
        try manifest(formats: ["md", "csv"])
        #expect(try stapel(["build"]).status == 0)
        let csv = scratch.url.appendingPathComponent("out/sv/q01.csv")
        #expect(FileManager.default.fileExists(atPath: csv.path))
        try manifest(formats: ["md"])
        let check = try stapel(["build", "--check"])
        #expect(check.status == 1)
        #expect(check.stdout.contains("stale: out/sv/q01.csv (no longer in the manifest; --prune removes it)"), "\(check.stdout)")
        #expect(check.stdout.contains("6 up to date, 6 missing or stale"), "\(check.stdout)")
        let build = try stapel(["build"])
        #expect(build.status == 0 && build.stderr.contains("6 output(s) an earlier build wrote are no longer in the manifest"), "\(build.stderr)")
        #expect(FileManager.default.fileExists(atPath: csv.path))
        // An edited dropped file survives --prune; the others go.
        let edited = scratch.url.appendingPathComponent("out/en/q01.csv")
        try Data("mine".utf8).write(to: edited)
        let prune = try stapel(["build", "--prune"])
        #expect(prune.status == 0, "\(prune.stderr)")
        #expect(!FileManager.default.fileExists(atPath: csv.path))
        #expect(FileManager.default.fileExists(atPath: edited.path))
        #expect(prune.stderr.contains("q01.csv is no longer built but was changed since; left in place"), "\(prune.stderr)")
        try FileManager.default.removeItem(at: edited)
        #expect(try stapel(["build", "--check"]).status == 0)
    }

    /// Every declared backend option is a `render` flag and a manifest field, with nothing else to write:
    /// `md-notes` was added as one declaration.
    @Test func aDeclaredOptionIsAFlagAndAManifestField() throws {
        defer { scratch.cleanUp() }
        let args = ["render", "survey", "--out", "flag", "--styles", stylesFolder.path, "--format", "md", "--lang", "sv", "--questions", "q01"]
        #expect(try stapel(args).status == 0)
        #expect(try String(contentsOf: scratch.url.appendingPathComponent("flag/sv/q01.md"), encoding: .utf8).contains("Antal svar"))
        let off = try stapel(args + ["--md-notes=false", "--force"])
        #expect(off.status == 0, "\(off.stderr)")
        #expect(!(try String(contentsOf: scratch.url.appendingPathComponent("flag/sv/q01.md"), encoding: .utf8).contains("Antal svar")))
        let bad = try stapel(args + ["--md-notes=maybe"])
        #expect(bad.status == 2 && bad.stderr.contains("unknown value 'maybe' for md-notes"), "\(bad.stderr)")
        try manifest(formats: ["md"], extra: "    md-notes: false")
        #expect(try stapel(["build"]).status == 0)
        #expect(!(try String(contentsOf: scratch.url.appendingPathComponent("out/sv/q01.md"), encoding: .utf8).contains("Antal svar")))
        #expect(try stapel(["backends"]).stdout.contains("--md-notes (false | true; default true)"))
    }

    /// One figure for a slide or a column without a style file: --width-mm, --dpi, --aspect, and --output FILE.
    @Test func oneFigureOfAnySizeToOneFile() throws {
        defer { scratch.cleanUp() }
        let run = try stapel(["render", "survey", "--styles", stylesFolder.path, "--questions", "q01", "--format", "png",
                              "--lang", "en", "--width-mm", "120", "--dpi", "150", "--aspect", "16:9", "--output", "slide.png"])
        #expect(run.status == 0, "\(run.stderr)")
        let png = try Data(contentsOf: scratch.url.appendingPathComponent("slide.png"))
        // IHDR: width and height, big-endian, at bytes 16 and 20. 120 mm at 150 dpi = 708.66 px → 709 px; 16:9.
        let width = png[16..<20].reduce(0) { $0 << 8 | Int($1) }, height = png[20..<24].reduce(0) { $0 << 8 | Int($1) }
        #expect(width == 709 && abs(Double(width) / Double(height) - 16.0 / 9) < 0.01, "\(width)×\(height)")
        // Nothing else is left behind: no DIR/<lang>/ folder, no temporary folder.
        #expect(files(in: scratch.url).filter { $0.contains("stapel-output") || $0.hasPrefix("Output") }.isEmpty)
        for bad in [["--dpi", "5"], ["--width-mm", "1e6"], ["--aspect", "wide"], ["--output", "x.png", "--format", "png,pdf"]] {
            let refused = try stapel(["render", "survey", "--styles", stylesFolder.path, "--questions", "q01", "--lang", "en"] + bad)
            #expect(refused.status == 2, "\(bad): \(refused.stderr)")
        }
    }

    /// Two manifest entries writing the same file are named, with their places; an empty label stops a
    /// render as it fails `validate`.
    @Test func collisionsAndEmptyLabelsAreNamed() throws {
        defer { scratch.cleanUp() }
        try scratch.write("""
            format: stapel-manifest/1
            output: out
            styles-folder: \(stylesFolder.path)
            surveys:
              - path: survey
                formats: [md]
                languages: [sv]
              - path: survey
                formats: [md]
                languages: [sv]
            """, to: "stapel.yaml")
        let clash = try stapel(["build"])
        #expect(clash.status == 1)
        #expect(clash.stderr.contains("stapel.yaml:5:5 (surveys[0])") && clash.stderr.contains("stapel.yaml:8:5 (surveys[1])"), "\(clash.stderr)")
        try edit(survey.appendingPathComponent("labels/sv.yaml"), replacing: "text: \"Kännetecknar sig myndigheten som datadriven?\"", with: "text: \"\"")
        let empty = try stapel(["render", "survey", "--out", "o", "--styles", stylesFolder.path, "--format", "md", "--lang", "sv"])
        #expect(empty.status == 1 && empty.stderr.contains("questions.q01.text") && empty.stderr.contains("empty"), "\(empty.stderr)")
    }

    @Test func buildThenNoOpBuild() throws {
        defer { scratch.cleanUp() }
        try manifest()
        let first = try stapel(["build"])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout == "6 written, 0 unchanged, 0 failed\n")
        #expect(first.stderr.isEmpty, "no progress line when standard error is not a terminal")
        #expect(files(in: scratch.url.appendingPathComponent("out")).filter { !$0.hasPrefix(".") }.count == 6)
        let second = try stapel(["build"])
        #expect(second.status == 0)
        #expect(second.stdout == "0 written, 6 unchanged, 0 failed\n")
        #expect(try stapel(["build", "--quiet"]).stdout.isEmpty)
        let verbose = try stapel(["build", "--verbose"])
        #expect(verbose.stdout.components(separatedBy: "\n").filter { $0.hasPrefix("unchanged") }.count == 6)
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/script")))
    func aTerminalGetsAProgressLine() throws {
        defer { scratch.cleanUp() }
        try manifest()
        // `script` runs the command on a pseudo-terminal and copies what it printed to standard output.
        let command = "\(try stapelBinary().path) build --jobs 1"
        let run = try runScript(["-qec", command, "/dev/null"])
        #expect(run.contains("\r\u{1B}[K[1/6] out/"))
        #expect(run.contains("\r\u{1B}[K[6/6] out/"))
        #expect(run.contains("6 written, 0 unchanged, 0 failed"))
    }

    func runScript(_ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/script")
        process.arguments = arguments
        process.currentDirectoryURL = scratch.url
        let out = Pipe()
        process.standardOutput = out
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    @Test func checkExitsOneListingStaleOutputs() throws {
        defer { scratch.cleanUp() }
        try manifest()
        #expect(try stapel(["build"]).status == 0)
        #expect(try stapel(["build", "--check"]).status == 0)
        try edit(survey.appendingPathComponent("labels/en.yaml"), replacing: "q05:\n    text: \"", with: "q05:\n    text: \"Edited: ")
        try FileManager.default.removeItem(at: scratch.url.appendingPathComponent("out/sv/q01.json"))
        let check = try stapel(["build", "--check"])
        #expect(check.status == 1)
        #expect(check.stdout.contains("stale: out/en/q05.json (inputs changed)"))
        #expect(check.stdout.contains("stale: out/sv/q01.json (missing)"))
        #expect(check.stdout.hasSuffix("4 up to date, 2 missing or stale\n"))
        #expect(!FileManager.default.fileExists(atPath: scratch.url.appendingPathComponent("out/sv/q01.json").path))
        #expect(try stapel(["build"]).stdout == "2 written, 4 unchanged, 0 failed\n")
    }

    @Test func aBackendFailureExitsThreeAndWritesTheRest() throws {
        defer { scratch.cleanUp() }
        try manifest(formats: ["echo", "picky"])
        let run = try stapel(["build"])
        #expect(run.status == 3)
        #expect(run.stdout == "10 written, 0 unchanged, 2 failed\n")
        #expect(run.stderr.contains("error: out/sv/q05.txt:"))
        #expect(run.stderr.contains("q05 is too hard"))
    }

    @Test func dataAndManifestErrorsExitOne() throws {
        defer { scratch.cleanUp() }
        try manifest(extra: "    colour: blue")
        let badField = try stapel(["build"])
        #expect(badField.status == 1)
        #expect(badField.stderr.contains("stapel.yaml:10:5: error: surveys[0].colour: unknown field 'colour'"))

        try manifest(formats: ["nosuchformat"])
        let unknown = try stapel(["build"])
        #expect(unknown.status == 1)
        #expect(unknown.stderr.contains("unknown format 'nosuchformat'"))

        try manifest()
        try edit(survey.appendingPathComponent("survey.yaml"), replacing: "{id: ja, n: 67, percent: 48.9}",
                 with: "{id: ja, n: 67, percent: 58.9}")
        let badData = try stapel(["build"])
        #expect(badData.status == 1)
        #expect(badData.stderr.contains("q01"))
        #expect(!FileManager.default.fileExists(atPath: scratch.url.appendingPathComponent("out").path), "nothing may be written")
    }

    @Test func usageErrorsExitTwo() throws {
        defer { scratch.cleanUp() }
        try manifest()
        #expect(try stapel(["build", "--no-such-flag"]).status == 2)
        #expect(try stapel(["build", "--jobs", "0"]).status == 2)
        #expect(try stapel(["build", "--force", "--check"]).status == 2)
        let missing = try stapel(["build", "elsewhere.yaml"])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("no manifest 'elsewhere.yaml'"))
        #expect(try stapel(["render", "survey", "--format", "nope"]).status == 2)
    }

    @Test func jsonLogHasAnObjectPerOutputAndASummary() throws {
        defer { scratch.cleanUp() }
        try manifest(formats: ["echo", "picky"])
        let run = try stapel(["build", "--log-format", "json", "--jobs", "3"])
        #expect(run.status == 3)
        #expect(run.stderr.isEmpty)
        let events = try run.stdout.split(separator: "\n").map { line in
            try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any], "not JSON: \(line)")
        }
        #expect(events.first?["event"] as? String == "start")
        #expect(events.first?["log"] as? String == "stapel-log/1")
        #expect(events.first?["total"] as? Int == 12)
        let perOutput = events.filter { ["written", "unchanged", "failed"].contains($0["event"] as? String) }
        #expect(perOutput.count == 12)
        let failed = perOutput.filter { $0["event"] as? String == "failed" }
        #expect(failed.map { $0["path"] as? String }.sorted { ($0 ?? "") < ($1 ?? "") } == ["out/en/q05.txt", "out/sv/q05.txt"])
        #expect((failed.first?["message"] as? String)?.contains("q05 is too hard") == true)
        #expect(failed.first?["format"] as? String == "picky")
        let summary = try #require(events.last)
        #expect(summary["event"] as? String == "summary")
        #expect(summary["written"] as? Int == 10)
        #expect(summary["failed"] as? Int == 2)
        #expect(summary["exit-code"] as? Int == 3)
    }

    @Test func jsonLogReportsPlanningErrors() throws {
        defer { scratch.cleanUp() }
        try manifest(formats: ["nosuchformat"])
        let run = try stapel(["build", "--log-format", "json"])
        #expect(run.status == 1)
        let events = try jsonLogEvents(run.stdout)
        let event = try #require(events.first)
        #expect(event["event"] as? String == "error")
        #expect((event["message"] as? String)?.contains("nosuchformat") == true)
        // A failed plan still ends with the summary a script waits for.
        #expect(events.last?["event"] as? String == "summary" && events.last?["exit-code"] as? Int == 1)
    }

    /// A data error in the JSON log carries its file, line, question, row and field as fields, not only in the
    /// message; `--strict` fails a build that warns.
    @Test func jsonEventsAreStructuredAndStrictFailsOnWarnings() throws {
        defer { scratch.cleanUp() }
        try manifest(formats: ["md"])
        let data = survey.appendingPathComponent("survey.yaml")
        let original = try String(contentsOf: data, encoding: .utf8)
        try edit(data, replacing: "{id: ja, n: 67, percent: 48.9}", with: "{id: ja, n: 67, percent: 58.9}")
        let run = try stapel(["build", "--log-format", "json"])
        #expect(run.status == 1)
        let events = try jsonLogEvents(run.stdout)
        let error = try #require(events.first { ($0["message"] as? String)?.contains("58.9") == true }, "\(run.stdout)")
        #expect(error["event"] as? String == "error")
        #expect((error["file"] as? String)?.hasSuffix("survey.yaml") == true)
        #expect(error["line"] as? Int != nil && error["column"] as? Int != nil)
        #expect(error["question"] as? String == "q01" && error["item"] as? String == "ja" && error["field"] as? String == "percent")
        #expect(events.last?["event"] as? String == "summary")
        try Data(original.utf8).write(to: data)

        // A label no line can hold is a layout warning: reported with its key, and fatal under --strict.
        try manifest(formats: ["png"])
        let word = String(repeating: "Datadrivenhetsförmåga", count: 8)
        try edit(survey.appendingPathComponent("labels/sv.yaml"), replacing: "ja: \"Ja, vi kännetecknar", with: "ja: \"\(word) Ja, vi kännetecknar")
        let warned = try stapel(["build", "--log-format", "json", "--strict"])
        #expect(warned.status == 1, "\(warned.stdout)")
        let warning = try #require(try jsonLogEvents(warned.stdout).first { $0["event"] as? String == "warning" })
        #expect(warning["question"] as? String == "q01" && warning["key"] as? String == "questions.q01.options.ja", "\(warning)")
        #expect(warning["kind"] as? String != nil)
        // The same build without --strict succeeds, and a no-change build still reports the warning.
        #expect(try stapel(["build"]).status == 0)
        let again = try stapel(["build"])
        #expect(again.stdout.contains("0 written") && again.stderr.contains("questions.q01.options.ja"), "\(again.stderr)")
    }

    /// The same command with every input as it was is answered from the run record, without reading the survey:
    /// a survey replaced behind an unchanged size and time goes unnoticed (as with `make`), one with a new time
    /// is read; touching an input costs a plan but no writes; an external backend's command is never recorded.
    @Test func anUnchangedCommandIsAnsweredFromItsRecord() throws {
        defer { scratch.cleanUp() }
        let args = ["render", "survey", "--out", "rendered", "--styles", stylesFolder.path, "--format", "md,svg", "--lang", "sv",
                    "--questions", "q01,q05"]
        #expect(try stapel(args).stdout == "4 written, 0 unchanged, 0 failed\n")
        let rendered = scratch.url.appendingPathComponent("rendered")
        let data = survey.appendingPathComponent("survey.yaml")
        let record = try #require(BuildState.load(from: rendered).run)
        #expect(record.outputs.count == 4)
        #expect(record.inputs.keys.contains(data.standardizedFileURL.path))
        #expect(record.inputs.keys.contains { $0.hasSuffix("labels/sv.yaml") })
        #expect(record.inputs.keys.contains { $0.hasSuffix("/stapel") }, "the executable itself")
        #expect(!BuildState.load(from: rendered).fonts.isEmpty && BuildState.load(from: rendered).fonts.keys.allSatisfy { record.inputs[$0] != nil })

        // Garbage of the same size, given back the old time: the record answers, so nothing reads it.
        let original = try Data(contentsOf: data)
        var info = stat()
        #expect(stat(data.path, &info) == 0)
        try Data(repeating: UInt8(ascii: "["), count: original.count).write(to: data)
        var times = [info.st_atim, info.st_mtim]
        #expect(utimensat(AT_FDCWD, data.path, &times, 0) == 0)
        let replayed = try stapel(args + ["--log-format", "json"])
        #expect(replayed.status == 0, "\(replayed.stderr)")
        #expect(try jsonLogEvents(replayed.stdout).filter { $0["event"] as? String == "unchanged" }.count == 4)
        // With a new time the survey is read, and its error reported.
        times[1].tv_sec += 1
        #expect(utimensat(AT_FDCWD, data.path, &times, 0) == 0)
        #expect(try stapel(args).status == 1)
        try original.write(to: data)

        // A label file touched: planned again, nothing rewritten, and recorded anew.
        #expect(try stapel(args).stdout == "0 written, 4 unchanged, 0 failed\n")
        let before = try #require(BuildState.load(from: rendered).run)
        let labels = survey.appendingPathComponent("labels/sv.yaml")
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: 5)], ofItemAtPath: labels.path)
        #expect(try stapel(args).stdout == "0 written, 4 unchanged, 0 failed\n")
        #expect(BuildState.load(from: rendered).run?.inputs[labels.standardizedFileURL.path] != before.inputs[labels.standardizedFileURL.path])

        // A record edited to name an output outside its folder is not believed: the run plans and records anew.
        // (The file exists and the state records its stamp, so only the path itself gives it away.)
        let outside = scratch.url.appendingPathComponent("outside.md")
        try Data("not Stapel's".utf8).write(to: outside)
        var tampered = BuildState.load(from: rendered)
        tampered.run?.outputs[0].relativePath = "../outside.md"
        tampered.entries["../outside.md"] = BuildState.Entry(inputs: "", output: "", stamp: FileStamp.of(outside.path))
        try tampered.save(to: rendered)
        #expect(try stapel(args).stdout == "0 written, 4 unchanged, 0 failed\n")
        #expect(BuildState.load(from: rendered).run?.outputs.contains { $0.relativePath.contains("..") } == false)

        // Another fontconfig configuration in the environment: planned again (nothing to rewrite).
        let moved = try runStapel(args + ["--log-format", "json"], in: scratch.url, environment: ["XDG_CONFIG_HOME": scratch.url.path])
        #expect(try jsonLogEvents(moved.stdout).filter { $0["event"] as? String == "unchanged" }.count == 4)
        #expect(BuildState.load(from: rendered).run?.key != before.key)

        // An external backend could change on PATH without a trace: such a command keeps no record.
        let external = ["render", "survey", "--out", "external", "--styles", stylesFolder.path, "--format", "echo", "--lang", "sv",
                        "--questions", "q01"]
        let withPath = try runStapel(external, in: scratch.url,
                                     environment: ["PATH": scratch.url.appendingPathComponent("backends").path + ":/usr/bin:/bin"])
        #expect(withPath.status == 0, "\(withPath.stderr)")
        #expect(BuildState.load(from: scratch.url.appendingPathComponent("external")).run == nil)
    }

    @Test func renderKeepsItsFlagsAndIsIncrementalToo() throws {
        defer { scratch.cleanUp() }
        let args = ["render", "survey", "--out", "rendered", "--styles", stylesFolder.path, "--format", "md", "--lang", "sv,en", "--questions", "q01,q05"]
        let first = try stapel(args)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout == "4 written, 0 unchanged, 0 failed\n")
        #expect(try stapel(args).stdout == "0 written, 4 unchanged, 0 failed\n")
        #expect(try stapel(args + ["--quiet"]).stdout.isEmpty)
    }
}
