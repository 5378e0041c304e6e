import Foundation
import Stapel
import Testing

/// Workers keep to one language while it has work (their fonts, measured texts and drawing contexts are kept
/// per thread and language), every unit is still rendered exactly once, and a worker whose language runs out
/// helps in another one only where enough is left.
@Suite struct WorkerLanguageTests {
    let scratch: Scratch
    init() throws { scratch = try Scratch() }

    /// Which thread rendered which language, and how many renders there were.
    final class Log: @unchecked Sendable {
        private let lock = NSLock()
        private var entries: [(thread: String, language: String, question: String)] = []
        func add(_ language: String, _ question: String) {
            lock.withLock { entries.append(("\(pthread_self())", language, question)) }
        }
        var all: [(thread: String, language: String, question: String)] { lock.withLock { entries } }
    }

    func recording(_ log: Log) -> Backend {
        Backend(name: "who", fileExtension: "txt", summary: "records its thread", reads: .request, usesFonts: false) { rendition in
            log.add(rendition.request.labels.language, rendition.request.question.id)
            // Long enough that both workers are busy from the start.
            usleep(2_000)
            return BackendOutput(bytes: Array("\(rendition.request.question.id)\n".utf8))
        }
    }

    @Test func eachWorkerKeepsToItsLanguage() throws {
        defer { scratch.cleanUp() }
        let log = Log()
        let plan = RenderPlan(surveyDirectory: try scratch.copyOfSurvey(), outputDirectory: scratch.url.appendingPathComponent("out"),
                              stylesDirectory: stylesFolder, formats: ["who"], languages: ["sv", "en"], style: "default")
        let report = try RenderPipeline(registry: BackendRegistry([recording(log)])).run(plan, runner: BuildRunner(jobs: 2))
        #expect(report.failed.isEmpty)
        let entries = log.all
        #expect(entries.count == 76)
        #expect(Set(entries.map { "\($0.language)/\($0.question)" }).count == 76, "each unit once")
        // Two threads, each starting in its own language; a thread is in the other language only at the end,
        // where at least `worthJoining` units were left there.
        let threads = Set(entries.map(\.thread))
        #expect(threads.count == 2)
        for thread in threads {
            let languages = entries.filter { $0.thread == thread }.map(\.language)
            let first = try #require(languages.first)
            let switched = languages.firstIndex { $0 != first } ?? languages.endIndex
            #expect(languages[switched...].allSatisfy { $0 != first }, "\(languages)")
            #expect(switched >= languages.count / 2, "\(languages)")
        }
        #expect(Set(threads.map { thread in entries.first { $0.thread == thread }!.language }) == ["sv", "en"])
    }
}
