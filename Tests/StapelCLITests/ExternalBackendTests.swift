import Foundation
import Stapel
import StapelBackendProtocol
import Testing

/// External backends: programs that describe themselves, read a request on stdin and answer on stdout —
/// and every way they can fail, each failing only its own output.
@Suite struct ExternalBackendTests {
    let scratch: Scratch

    init() throws { scratch = try Scratch() }

    static let describeLine = #"{"format": "stapel-backend/1", "name": "NAME", "extension": "txt", "text": true, "uses-fonts": false}"#

    /// Writes `stapel-backend-NAME` as a shell script: `describe` answers correctly, `render` runs `body`.
    func script(_ name: String, render body: String) throws -> URL {
        try scratch.write("""
            #!/bin/sh
            if [ "$1" = describe ]; then
              echo '\(ExternalBackendTests.describeLine.replacingOccurrences(of: "NAME", with: name))'
              exit 0
            fi
            \(body)
            """, to: "backends/stapel-backend-\(name)", executable: true)
    }

    var finder: ExternalBackendFinder {
        ExternalBackendFinder(folders: [scratch.url.appendingPathComponent("backends")], searchesPATH: false, timeout: 20)
    }

    func request(_ question: String = "q01", language: String = "sv") throws -> RenderRequest {
        let plan = RenderPlan(surveyDirectory: bundledSurvey, outputDirectory: scratch.url, stylesDirectory: stylesFolder,
                              formats: [], languages: [language], style: "default", questions: [question])
        return try #require(try RenderPipeline(registry: BackendRegistry([])).prepare(plan).requests.first).request
    }

    func failure(_ backend: ExternalBackend, _ request: RenderRequest) throws -> ExternalBackendError {
        do {
            _ = try backend.render(request)
        } catch let error as ExternalBackendError {
            return error
        }
        throw TestSetupError("the backend did not fail")
    }

    @Test func theRequestCarriesResolvedLabelsAndFormattedNumbers() throws {
        defer { scratch.cleanUp() }
        _ = try script("echo", render: "cat")
        let backend = try #require(try finder.program(named: "echo"))
        #expect(backend.fileExtension == "txt")
        let bytes = try backend.render(try request("q01", language: "sv"))
        let json = try #require(try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any])
        #expect(json["format"] as? String == "stapel-backend-request/2")
        // The same bytes decode as the shared Codable type that Swift backends use.
        let decoded = try JSONDecoder().decode(BackendRequestV2.self, from: Data(bytes))
        #expect(decoded.question.options?.first?.percent?.text == "48,9\u{00A0}%")
        #expect(decoded.options["csv-layout"] == "tidy")
        #expect(json["language"] as? String == "sv")
        let question = try #require(json["question"] as? [String: Any])
        let labels = try SurveyLoader(directory: bundledSurvey).loadLabels("sv")
        #expect(question["text"] as? String == labels["questions.q01.text"])
        let options = try #require(question["options"] as? [[String: Any]])
        let ja = try #require(options.first { $0["id"] as? String == "ja" })
        #expect(ja["label"] as? String == labels["questions.q01.options.ja"])
        let percent = try #require(ja["percent"] as? [String: Any])
        #expect(percent["value"] as? Double == 48.9)
        #expect(percent["text"] as? String == "48,9\u{00A0}%")
        let style = try #require(json["style"] as? [String: Any])
        #expect(style["width-mm"] as? Double == 160)
        #expect(((json["labels"] as? [String: String])?["ui.total"]) == labels["ui.total"])
    }

    @Test func theGridRequestHasItsScaleAndRows() throws {
        defer { scratch.cleanUp() }
        _ = try script("echo", render: "cat")
        let backend = try #require(try finder.program(named: "echo"))
        let json = try #require(try JSONSerialization.jsonObject(with: Data(try backend.render(try request("q05", language: "en")))) as? [String: Any])
        let question = try #require(json["question"] as? [String: Any])
        let points = try #require((question["scale"] as? [String: Any])?["points"] as? [[String: Any]])
        #expect(points.first?["label"] as? String == "No obstacle")
        let rows = try #require(question["rows"] as? [[String: Any]])
        let first = try #require(rows.first?["percent"] as? [[String: Any]])
        #expect(first.count == points.count)
        #expect((first.first?["text"] as? String)?.hasSuffix("%") == true)
    }

    @Test func aNonZeroExitIsReportedWithTheBackendsStandardError() throws {
        defer { scratch.cleanUp() }
        _ = try script("broken", render: "echo 'cannot draw this kind' >&2\nexit 4")
        let backend = try #require(try finder.program(named: "broken"))
        let error = try failure(backend, try request())
        #expect(error.problem == .exited(4))
        #expect(error.description.contains("cannot draw this kind"))
        #expect(error.description.contains("exited with status 4"))
    }

    @Test func emptyOutputIsAFailure() throws {
        defer { scratch.cleanUp() }
        _ = try script("silent", render: "cat > /dev/null")
        let error = try failure(try #require(try finder.program(named: "silent")), try request())
        #expect(error.problem == .emptyOutput)
    }

    @Test func garbageFromATextBackendIsAFailure() throws {
        defer { scratch.cleanUp() }
        _ = try script("garbage", render: "cat > /dev/null\nprintf '\\377\\376\\000binary'")
        let error = try failure(try #require(try finder.program(named: "garbage")), try request())
        #expect(error.problem == .notText)
    }

    @Test func aBackendThatHangsIsStoppedAtTheTimeout() throws {
        defer { scratch.cleanUp() }
        // The shell waits on a child `sleep`: only killing the process group ends both.
        _ = try script("hangs", render: "echo 'thinking…' >&2\nsleep 300\necho never")
        var backend = try #require(try finder.program(named: "hangs"))
        backend.timeout = 1
        let error = try failure(backend, try request())
        #expect(error.problem == .timedOut(1))
        #expect(error.description.contains("thinking…"))
    }

    @Test func aBackendInheritsNoDescriptorsButItsStandardOnes() throws {
        defer { scratch.cleanUp() }
        // Not close-on-exec, as a pipe from Stapel's own parent would be.
        let fd = open("/dev/null", O_RDONLY)
        defer { close(fd) }
        _ = try script("fds", render: "cat > /dev/null\nif [ -e /proc/$$/fd/\(fd) ]; then echo inherited; else echo clean; fi")
        let bytes = try #require(try finder.program(named: "fds")).render(try request())
        #expect(String(decoding: bytes, as: UTF8.self) == "clean\n")
    }

    @Test func aGarbledDescriptionIsRefused() throws {
        defer { scratch.cleanUp() }
        try scratch.write("#!/bin/sh\necho 'hello, I am a backend'\n", to: "backends/stapel-backend-chatty", executable: true)
        #expect {
            _ = try finder.program(named: "chatty")
        } throws: { error in
            guard let error = error as? ExternalBackendError, case .badDescription = error.problem else { return false }
            return true
        }
    }

    @Test func aFailingExternalBackendFailsOnlyThatOutputInABuild() throws {
        defer { scratch.cleanUp() }
        _ = try script("picky", render: """
            input=$(cat)
            case "$input" in *'"id":"q05"'*) echo 'q05 is too hard' >&2; exit 2;; esac
            echo "$input" | wc -c
            """)
        let registry = try BackendRegistry([]).resolving(["picky"], with: finder)
        let output = scratch.url.appendingPathComponent("out")
        let plan = RenderPlan(surveyDirectory: bundledSurvey, outputDirectory: output, stylesDirectory: stylesFolder,
                              formats: ["picky"], languages: ["sv"], style: "default", questions: ["q01", "q05", "q09"])
        let report = try RenderPipeline(registry: registry).run(plan, runner: BuildRunner(jobs: 3))
        #expect(report.written.map(\.lastPathComponent).sorted() == ["q01.txt", "q09.txt"])
        #expect(report.failed.map(\.url.lastPathComponent) == ["q05.txt"])
        #expect(report.failed.first?.message.contains("q05 is too hard") == true)
    }

    @Test func anUnknownFormatListsBuiltInAndExternalNames() throws {
        defer { scratch.cleanUp() }
        _ = try script("echo", render: "cat")
        #expect {
            _ = try BackendRegistry.builtIn.resolving(["nope"], with: finder)
        } throws: { error in
            let text = "\(error)"
            return text.contains("unknown format 'nope'") && text.contains("echo")
        }
    }

    @Test func theExampleHTMLBackendRendersTheBundledSurvey() throws {
        defer { scratch.cleanUp() }
        let folder = try #require(productsFolder, "run `swift build` first")
        let finder = ExternalBackendFinder(folders: [folder], searchesPATH: false)
        let registry = try BackendRegistry([]).resolving(["htmltable"], with: finder)
        let output = scratch.url.appendingPathComponent("out")
        let plan = RenderPlan(surveyDirectory: bundledSurvey, outputDirectory: output, stylesDirectory: stylesFolder,
                              formats: ["htmltable"], languages: ["sv", "en"], style: "default")
        let report = try RenderPipeline(registry: registry).run(plan, runner: BuildRunner(jobs: 2))
        #expect(report.failed.isEmpty, "\(report.failed)")
        let survey = try SurveyLoader(directory: bundledSurvey).loadSurvey()
        #expect(report.written.count == survey.questions.count * 2)
        let en = try SurveyLoader(directory: bundledSurvey).loadLabels("en")
        let q02 = try String(contentsOf: output.appendingPathComponent("en/q02.htm"), encoding: .utf8)
        #expect(q02.contains("<html lang=\"en\">"))
        #expect(q02.contains(try #require(en["questions.q02.options.beslutsunderlag"])))
        #expect(q02.contains("83.1%"))
        let sv = try String(contentsOf: output.appendingPathComponent("sv/q01.htm"), encoding: .utf8)
        #expect(sv.contains("48,9\u{00A0}%"))
        // A second run asks the backend nothing.
        #expect(try RenderPipeline(registry: registry).run(plan).written.isEmpty)
    }
}
