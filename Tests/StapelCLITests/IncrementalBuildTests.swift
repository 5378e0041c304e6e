import Foundation
import Stapel
import Testing

/// Incremental builds through the library: what a second build, an edit, `check` and `force` do.
@Suite struct IncrementalBuildTests {
    let scratch: Scratch
    let survey: URL
    let output: URL
    let counter = RenderCounter()

    init() throws {
        scratch = try Scratch()
        survey = try scratch.copyOfSurvey()
        output = scratch.url.appendingPathComponent("out")
    }

    var registry: BackendRegistry { BackendRegistry([.summary(counter: counter)]) }

    func plan(languages: [String] = ["sv", "en"]) -> RenderPlan {
        RenderPlan(surveyDirectory: survey, outputDirectory: output, stylesDirectory: stylesFolder,
                   formats: ["summary"], languages: languages, style: "default")
    }

    func build(force: Bool = false, jobs: Int = 2) throws -> BuildReport {
        try RenderPipeline(registry: registry).run(plan(), runner: BuildRunner(jobs: jobs, force: force))
    }

    func check() throws -> BuildReport {
        BuildRunner(jobs: 2).check(try RenderPipeline(registry: registry).jobs(for: [plan()]).jobs)
    }

    func names(_ urls: [URL]) -> Set<String> {
        Set(urls.map { "\($0.deletingLastPathComponent().lastPathComponent)/\($0.lastPathComponent)" })
    }

    @Test func secondBuildRendersAndWritesNothing() throws {
        defer { scratch.cleanUp() }
        let first = try build()
        let questionCount = try SurveyLoader(directory: survey).loadSurvey().questions.count
        #expect(first.written.count == questionCount * 2)
        #expect(first.failed.isEmpty)
        let rendersAfterFirst = counter.total
        let stamps = modificationStamps(in: output)

        let second = try build()
        #expect(second.written.isEmpty)
        #expect(second.unchanged.count == questionCount * 2)
        #expect(counter.total == rendersAfterFirst, "an up-to-date output was rendered again")
        #expect(modificationStamps(in: output) == stamps)
    }

    @Test func editingOneQuestionsDataRewritesOnlyItsOutputs() throws {
        defer { scratch.cleanUp() }
        _ = try build()
        // Swap q01's two options: valid data, a different figure.
        try edit(survey.appendingPathComponent("survey.yaml"),
                 replacing: "      - {id: ja, n: 67, percent: 48.9}\n      - {id: nej, n: 70, percent: 51.1}",
                 with: "      - {id: nej, n: 70, percent: 51.1}\n      - {id: ja, n: 67, percent: 48.9}")
        let report = try build()
        #expect(names(report.written) == ["sv/q01.txt", "en/q01.txt"])
        #expect(report.failed.isEmpty)
    }

    @Test func editingOneLabelRewritesOnlyTheOutputsThatShowIt() throws {
        defer { scratch.cleanUp() }
        _ = try build()
        try edit(survey.appendingPathComponent("labels/sv.yaml"),
                 replacing: "regeringen: \"Otydlig styrning från regeringen\"",
                 with: "regeringen: \"Otydlig styrning från regeringen (ändrad)\"")
        let report = try build()
        #expect(names(report.written) == ["sv/q05.txt"])
        let text = try String(contentsOf: output.appendingPathComponent("sv/q05.txt"), encoding: .utf8)
        #expect(text.contains("(ändrad)"))
    }

    @Test func editingAScaleLabelRewritesEveryGridOnThatScale() throws {
        defer { scratch.cleanUp() }
        _ = try build(jobs: 3)
        let loaded = try SurveyLoader(directory: survey).loadSurvey()
        let onScale = loaded.questions.compactMap { q -> String? in
            if case .grid(let g) = q, g.scaleID == "hinder" { return "en/\(q.id).txt" }
            return nil
        }
        #expect(!onScale.isEmpty)
        try edit(survey.appendingPathComponent("labels/en.yaml"), replacing: "inget: \"", with: "inget: \"(edited) ")
        let report = try build()
        #expect(names(report.written) == Set(onScale))
    }

    @Test func aPerQuestionStyleOverrideRewritesOnlyThatQuestion() throws {
        defer { scratch.cleanUp() }
        _ = try build()
        var p = plan()
        p.overrides = [QuestionOverride(question: "q05", widthMM: 120,
                                        location: SourceLocation(file: "stapel.yaml", line: 1, column: 1), path: "q05")]
        let report = try RenderPipeline(registry: registry).run(p, runner: BuildRunner(jobs: 2))
        #expect(names(report.written) == ["sv/q05.txt", "en/q05.txt"])
        #expect(try String(contentsOf: output.appendingPathComponent("sv/q05.txt"), encoding: .utf8).contains("width 120.0"))
    }

    @Test func movingLinesWithoutChangingContentRewritesNothing() throws {
        defer { scratch.cleanUp() }
        _ = try build()
        // Every location below shifts by two lines; no value changes.
        try edit(survey.appendingPathComponent("survey.yaml"), replacing: "format: stapel-survey/1",
                 with: "# a comment\n\nformat: stapel-survey/1")
        let report = try build()
        #expect(report.written.isEmpty)
    }

    @Test func checkListsMissingStaleAndEditedOutputs() throws {
        defer { scratch.cleanUp() }
        let missingBefore = try check()
        #expect(missingBefore.upToDate.isEmpty)
        #expect(missingBefore.stale.allSatisfy { $0.reason == .missing })
        _ = try build()
        #expect(try check().stale.isEmpty)

        try FileManager.default.removeItem(at: output.appendingPathComponent("en/q02.txt"))
        try Data("edited by hand\n".utf8).write(to: output.appendingPathComponent("sv/q03.txt"))
        try edit(survey.appendingPathComponent("labels/sv.yaml"),
                 replacing: "text: \"Kännetecknar sig myndigheten som datadriven?\"",
                 with: "text: \"Kännetecknar sig myndigheten som datadriven i dag?\"")
        let stamps = modificationStamps(in: output)
        let report = try check()
        let stale = Dictionary(uniqueKeysWithValues: report.stale.map { (names([$0.url]).first!, $0.reason) })
        #expect(stale == ["en/q02.txt": .missing, "sv/q03.txt": .fileChanged, "sv/q01.txt": .inputsChanged])
        #expect(modificationStamps(in: output) == stamps, "check wrote something")

        // A build repairs exactly those three.
        #expect(names(try build().written) == ["en/q02.txt", "sv/q03.txt", "sv/q01.txt"])
        #expect(try check().stale.isEmpty)
    }

    @Test func forceRewritesEverything() throws {
        defer { scratch.cleanUp() }
        let first = try build()
        let stamps = modificationStamps(in: output)
        let forced = try build(force: true)
        #expect(forced.written.count == first.written.count)
        let after = modificationStamps(in: output)
        for name in files(in: output) where name.hasSuffix(".txt") {
            #expect(after[name] != stamps[name], "\(name) was not rewritten")
        }
    }

    /// A chart backend (the real SVG one) reads fonts: their files are hashed once and then taken from the
    /// state while their size and time stay; a record whose stamp no longer matches is hashed again.
    @Test func fontFilesAreHashedOnceAndTakenFromTheStateWhileUnchanged() throws {
        defer { scratch.cleanUp() }
        let plan = RenderPlan(surveyDirectory: survey, outputDirectory: output, stylesDirectory: stylesFolder,
                              formats: ["svg"], languages: ["sv"], style: "default", questions: ["q01", "q05"])
        func build() throws -> BuildReport { try RenderPipeline().run(plan, runner: BuildRunner(jobs: 1)) }
        #expect(try build().written.count == 2)
        let state = BuildState.load(from: output)
        let (path, record) = try #require(state.fonts.sorted { $0.key < $1.key }.first)
        #expect(FileStamp.of(path) == record.stamp)
        #expect(record.sha256 == InputDigest.sha256Hex(Array(try Data(contentsOf: URL(fileURLWithPath: path)))))

        // A recorded digest is believed while the stamp matches: a wrong one changes every chart's input digest.
        let inputs = state.entries.mapValues(\.inputs)
        var wrong = state
        for key in wrong.fonts.keys { wrong.fonts[key]?.sha256 = String(repeating: "0", count: 64) }
        try wrong.save(to: output)
        _ = try build()
        let believed = BuildState.load(from: output).entries.mapValues(\.inputs)
        #expect(believed.count == 2 && believed.allSatisfy { inputs[$0.key] != $0.value }, "the recorded digests were not used")
        // With stamps that no longer match, the files are hashed again: the digests are the first build's.
        var stale = BuildState.load(from: output)
        for key in stale.fonts.keys {
            stale.fonts[key]?.stamp.modified -= 1
            stale.fonts[key]?.sha256 = String(repeating: "0", count: 64)
        }
        try stale.save(to: output)
        _ = try build()
        #expect(BuildState.load(from: output).entries.mapValues(\.inputs) == inputs)
        #expect(BuildState.load(from: output).fonts[path] == record)
    }

    @Test func aLostStateFileCostsRendersButNoWrites() throws {
        defer { scratch.cleanUp() }
        _ = try build()
        try FileManager.default.removeItem(at: BuildState.url(in: output))
        let stamps = modificationStamps(in: output).filter { $0.key != BuildState.fileName }
        let report = try build()
        #expect(report.written.isEmpty, "identical bytes were rewritten")
        #expect(modificationStamps(in: output).filter { $0.key != BuildState.fileName } == stamps)
        #expect(FileManager.default.fileExists(atPath: BuildState.url(in: output).path))
    }

    @Test func aFailingBackendFailsOnlyItsOwnOutputs() throws {
        defer { scratch.cleanUp() }
        let registry = BackendRegistry([.summary(), .failing(on: ["q09"])])
        var p = plan(languages: ["sv"])
        p.formats = ["summary", "failing"]
        let report = try RenderPipeline(registry: registry).run(p, runner: BuildRunner(jobs: 4))
        #expect(report.failed.map { $0.url.lastPathComponent } == ["q09.log"])
        #expect(report.failed.first?.message.contains("deliberate failure for q09") == true)
        let questionCount = try SurveyLoader(directory: survey).loadSurvey().questions.count
        #expect(report.written.count == questionCount * 2 - 1)
    }

    @Test func parallelAndSerialBuildsWriteTheSameFiles() throws {
        defer { scratch.cleanUp() }
        let serial = scratch.url.appendingPathComponent("serial")
        var p = plan()
        p.outputDirectory = serial
        _ = try RenderPipeline(registry: registry).run(p, runner: BuildRunner(jobs: 1))
        p.outputDirectory = output
        _ = try RenderPipeline(registry: registry).run(p, runner: BuildRunner(jobs: 6))
        let names = files(in: serial).filter { $0.hasSuffix(".txt") }
        #expect(names == files(in: output).filter { $0.hasSuffix(".txt") })
        for name in names {
            #expect(FileManager.default.contents(atPath: serial.appendingPathComponent(name).path)
                    == FileManager.default.contents(atPath: output.appendingPathComponent(name).path))
        }
    }

    @Test func twoPlansWritingTheSameFileAreRefused() throws {
        defer { scratch.cleanUp() }
        #expect(throws: RenderPipeline.PlanError.self) {
            _ = try RenderPipeline(registry: registry).jobs(for: [plan(), plan(languages: ["sv"])])
        }
    }

    @Test func backendsSeeOnlyWhatTheDigestCovers() throws {
        defer { scratch.cleanUp() }
        let prepared = try RenderPipeline(registry: registry).prepare(plan(languages: ["sv"]))
        let (_, q05) = try #require(prepared.requests.first { $0.request.question.id == "q05" })
        #expect(q05.survey.questions.map(\.id) == ["q05"])
        #expect(q05.survey.scales.map(\.id) == ["hinder"])
        #expect(q05.labels["questions.q05.text"] != nil)
        #expect(q05.labels["questions.q01.text"] == nil)
        #expect(q05.labels["scales.hinder.inget"] != nil)
        #expect(q05.labels["ui.total"] != nil)
        #expect(q05.labels["survey.title"] != nil)
    }
}

/// The shaping cache changes no byte of any output: the bundled survey's charts rendered with it and without it
/// (`STAPEL_SHAPE_CACHE=0`) are identical, in both languages; and every line it copies from a label shaped whole
/// is what HarfBuzz gives it alone (`STAPEL_SHAPE_CACHE=verify`), in both bundled surveys and all their languages.
@Suite struct ShapeCacheOutputTests {
    @Test(arguments: [("digitalisering-2024", "sv,en"), ("anes96", "en,de")])
    func everyCopiedPartIsWhatHarfBuzzShapes(survey: String, languages: String) throws {
        let scratch = try Scratch()
        defer { scratch.cleanUp() }
        let folder = packageRoot.appendingPathComponent("Surveys/\(survey)").path
        let result = try runStapel(["render", folder, "--out", scratch.url.appendingPathComponent("out").path,
                                    "--format", "png,pdf,svg,html", "--lang", languages, "--quiet"],
                                   in: scratch.url, environment: ["STAPEL_SHAPE_CACHE": "verify"])
        #expect(result.status == 0)
        #expect(!result.stderr.contains("shape-cache:"), "\(result.stderr.prefix(2000))")
    }

    @Test func chartsAreTheSameWithAndWithoutTheShapingCache() throws {
        let scratch = try Scratch()
        defer { scratch.cleanUp() }
        let survey = bundledSurvey.path
        var folders: [URL] = []
        for (name, environment) in [("cached", [String: String]()), ("uncached", ["STAPEL_SHAPE_CACHE": "0"])] {
            let out = scratch.url.appendingPathComponent(name)
            let result = try runStapel(["render", survey, "--out", out.path, "--format", "png,pdf,svg", "--lang", "sv,en", "--quiet"],
                                       in: scratch.url, environment: environment)
            #expect(result.status == 0, "\(result.stderr)")
            folders.append(out)
        }
        let files = try FileManager.default.subpathsOfDirectory(atPath: folders[0].path)
            .filter { $0.hasSuffix(".png") || $0.hasSuffix(".pdf") || $0.hasSuffix(".svg") }.sorted()
        #expect(files.count == 38 * 3 * 2)
        for file in files {
            let a = FileManager.default.contents(atPath: folders[0].appendingPathComponent(file).path)
            let b = FileManager.default.contents(atPath: folders[1].appendingPathComponent(file).path)
            #expect(a != nil && a == b, "\(file) differs")
        }
    }
}
