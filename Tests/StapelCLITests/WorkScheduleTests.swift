import Foundation
import Stapel
import Testing

/// The order in which workers take a build's units: one language per worker, figures before tables, and a
/// worker whose language has run out joins another only where that pays, else takes its tables.
@Suite struct WorkScheduleTests {
    typealias Item = WorkSchedule.Item

    /// `count` units of `language`, heavy ones weighing 100, 99, … and light ones 10, 9, ….
    static func items(_ language: String, heavy: Int, light: Int) -> [Item] {
        (0..<heavy).map { Item(language: language, light: false, weight: 100 - $0) }
            + (0..<light).map { Item(language: language, light: true, weight: 10 - $0) }
    }

    /// Hands out everything to workers taking turns as `turns` says (worker numbers), then to whoever asks.
    static func drain(_ items: [Item], workers: Int, turns: [Int] = []) -> [[Int]] {
        var schedule = WorkSchedule(items)
        var states = Array(repeating: WorkSchedule.Worker(), count: workers)
        var taken = Array(repeating: [Int](), count: workers)
        var finished = Set<Int>()
        var turn = 0
        while finished.count < workers {
            let w = turn < turns.count ? turns[turn] : turn % workers
            turn += 1
            guard !finished.contains(w) else { continue }
            if let index = schedule.next(for: &states[w]) { taken[w].append(index) } else { finished.insert(w) }
        }
        return taken
    }

    @Test func oneWorkerTakesEachLanguageFiguresFirstThenTables() {
        let items = Self.items("sv", heavy: 3, light: 3) + Self.items("en", heavy: 2, light: 2)
        let taken = Self.drain(items, workers: 1)
        // sv's figures longest first, its tables, then en's.
        #expect(taken[0] == [0, 1, 2, 3, 4, 5, 6, 7, 8, 9])
        // Listed out of order: en's 100 comes before sv's 100 in the list, so en is first; within each language
        // its figures by weight, then its tables by weight.
        let shuffled = [items[4], items[1], items[9], items[6], items[0], items[3]]
        #expect(Self.drain(shuffled, workers: 1)[0] == [3, 2, 4, 1, 5, 0])
    }

    @Test func twoWorkersStartInTwoLanguagesAndEachUnitIsTakenOnce() {
        let items = Self.items("sv", heavy: 10, light: 10) + Self.items("en", heavy: 10, light: 10)
        let taken = Self.drain(items, workers: 2)
        #expect((taken[0] + taken[1]).sorted() == Array(items.indices))
        #expect(items[taken[0][0]].language != items[taken[1][0]].language)
        for worker in taken {
            let language = items[worker[0]].language
            #expect(worker.allSatisfy { items[$0].language == language }, "taking turns, both run out together")
        }
    }

    @Test func aWorkerWhoseLanguageRanOutTakesTablesWhereTooFewFiguresAreLeft() {
        // sv: 1 figure; en: 6 figures and 3 tables. Worker 0 (sv) runs out while en's worker has taken
        // 3 figures: 3 are left (< worthJoining), so it takes en's tables and leaves en's figures alone.
        let items = Self.items("sv", heavy: 1, light: 0) + Self.items("en", heavy: 6, light: 3)
        let taken = Self.drain(items, workers: 2, turns: [0, 1, 1, 1, 0, 0, 0, 0])
        #expect(taken[0] == [0, 7, 8, 9])
        #expect(taken[1] == [1, 2, 3, 4, 5, 6])
        #expect(WorkSchedule.worthJoining == 4)
    }

    @Test func aWorkerJoinsWhereEnoughFiguresAreLeft() {
        // Worker 0 runs out of sv while en still has 5 figures: it joins en (its figures, longest left first).
        let items = Self.items("sv", heavy: 1, light: 0) + Self.items("en", heavy: 6, light: 2)
        let taken = Self.drain(items, workers: 2, turns: [0, 1, 0])
        #expect(taken[0].first == 0)
        #expect(taken[0][1] == 2, "en's second figure: the first went to en's worker")
        #expect((taken[0] + taken[1]).sorted() == Array(items.indices))
    }

    @Test func aLanguageWithoutAWorkerIsJoinedWhateverIsLeft() {
        // Three languages, two workers: whoever runs out first takes de, though it has one figure.
        let items = Self.items("sv", heavy: 1, light: 0) + Self.items("en", heavy: 5, light: 0) + Self.items("de", heavy: 1, light: 0)
        let taken = Self.drain(items, workers: 2, turns: [0, 1, 0])
        #expect(taken[0] == [0, 6] || taken[0] == [6, 0])
        #expect(taken[1] == [1, 2, 3, 4, 5])
    }

    @Test func aWorkerWithNothingWorthJoiningAndNoTablesStops() {
        let items = Self.items("sv", heavy: 1, light: 0) + Self.items("en", heavy: 3, light: 0)
        let taken = Self.drain(items, workers: 2, turns: [0, 1, 0])
        #expect(taken[0] == [0])
        #expect(taken[1] == [1, 2, 3])
    }

    /// A real build: a question's chart and table formats are two units (its tables need no fonts), rendered
    /// once each, with results, events and the build state in the plan's order whatever order the formats
    /// were asked in.
    @Test func aQuestionsTablesAreAUnitOfTheirOwnAndTheReportKeepsThePlansOrder() throws {
        let scratch = try Scratch()
        defer { scratch.cleanUp() }
        let counter = RenderCounter()
        let out = scratch.url.appendingPathComponent("out")
        let plan = RenderPlan(surveyDirectory: try scratch.copyOfSurvey(), outputDirectory: out, stylesDirectory: stylesFolder,
                              formats: ["csv", "svg", "summary", "md"], languages: ["sv", "en"], style: "default",
                              questions: ["q01", "q05"])
        let registry = BackendRegistry(BackendRegistry.builtIn.backends + [.summary(counter: counter)])
        // q01 and q05 in sv, then in en: svg alone, then the three that need no fonts.
        let (jobs, _, _) = try RenderPipeline(registry: registry).jobs(for: [plan])
        let split = BuildRunner.UnitPlan(jobs, [], split: true)
        #expect(split.slots == [[1], [0, 2, 3], [5], [4, 6, 7], [9], [8, 10, 11], [13], [12, 14, 15]])
        #expect(split.units.map(\.scheduled.light) == [false, true, false, true, false, true, false, true])
        #expect(split.outputs.map(\.relativePath) == jobs.flatMap { $0.outputs.map(\.relativePath) })
        #expect(BuildRunner.UnitPlan(jobs, [], split: false).slots == [[0, 1, 2, 3], [4, 5, 6, 7], [8, 9, 10, 11], [12, 13, 14, 15]])
        let events = EventLog()
        let report = try RenderPipeline(registry: registry).run(plan, runner: BuildRunner(jobs: 2, onEvent: events.add))
        #expect(report.failed.isEmpty)
        #expect(counter.total == 4, "one summary per question and language")
        let expected = ["sv", "en"].flatMap { language in
            ["q01", "q05"].flatMap { q in ["csv", "svg", "txt", "md"].map { "\(language)/\(q).\($0)" } }
        }
        #expect(report.written.map { $0.path.replacingOccurrences(of: out.path + "/", with: "") } == expected)
        #expect(events.finished.sorted() == expected.sorted())
        let svg = try String(contentsOf: out.appendingPathComponent("sv/q05.svg"), encoding: .utf8)
        #expect(svg.contains("<svg"))
    }
}

/// The outputs a build reported finished, from its events.
final class EventLog: @unchecked Sendable {
    private let lock = NSLock()
    private var names: [String] = []

    func add(_ event: BuildEvent) {
        guard case .finished(let info, _, _, _) = event else { return }
        lock.withLock { names.append("\(info.language)/\(info.output.lastPathComponent)") }
    }

    var finished: [String] { lock.withLock { names } }
}
