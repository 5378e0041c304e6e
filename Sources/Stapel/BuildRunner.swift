import Foundation

/// Renders jobs on `jobs` threads at once, writing only what changed:
/// - an output whose file still has the bytes the last build recorded, and whose inputs still have the recorded
///   digest, is not rendered at all (`unchanged`);
/// - a rendered output whose bytes equal the file's is not rewritten (`unchanged`);
/// - anything else is written atomically (`written`); `force` renders and rewrites everything.
/// A failing backend fails its own output only. `check` renders nothing and writes nothing: it reports the
/// outputs that are missing or stale.
///
/// Workers are threads rather than tasks: a render is CPU-bound or waits on an external program, and either
/// would hold a thread of Swift's cooperative pool. Each backend creates its C state inside `render`, so the
/// threads share nothing but the job list and the results, both behind one lock.
public struct BuildRunner: Sendable {
    /// Threads rendering at once.
    public var jobs: Int
    /// Render and rewrite every output, whatever the record says.
    public var force: Bool
    /// Called for every event, one at a time (never concurrently), from a worker thread.
    public var onEvent: (@Sendable (BuildEvent) -> Void)?
    /// The jobs are everything their output folders should hold (a manifest build): outputs an earlier build
    /// recorded there but no job plans any more are reported (`dropped`), by `check` as stale.
    public var complete: Bool
    /// With `complete`: delete such dropped outputs (those still holding the bytes Stapel wrote).
    public var prune: Bool

    public init(jobs: Int = ProcessInfo.processInfo.activeProcessorCount, force: Bool = false, complete: Bool = false,
                prune: Bool = false, onEvent: (@Sendable (BuildEvent) -> Void)? = nil) {
        self.jobs = max(1, jobs)
        self.force = force
        self.complete = complete || prune
        self.prune = prune
        self.onEvent = onEvent
    }

    /// Outputs recorded in an output folder's state that no job plans, by folder.
    func dropped(_ outputs: [RenderJob], states: [URL: BuildState]) -> [(root: URL, relativePath: String)] {
        guard complete else { return [] }
        var planned: [URL: Set<String>] = [:]
        for output in outputs { planned[output.root.standardizedFileURL, default: []].insert(output.relativePath) }
        return states.keys.sorted { $0.path < $1.path }.flatMap { root in
            (states[root]?.entries.keys.sorted() ?? []).filter { !(planned[root]?.contains($0) ?? false) }.map { (root, $0) }
        }
    }

    /// Renders what is missing or stale and records the result in each output folder's state file.
    public func build(_ jobs: [QuestionJob]) -> BuildReport {
        let outputs = jobs.flatMap(\.outputs)
        let roots = Set(outputs.map { $0.root.standardizedFileURL })
        for root in roots { AtomicFile.removeAbandonedTemporaries(in: root) }
        let states = Dictionary(uniqueKeysWithValues: roots.map { ($0, BuildState.load(from: $0)) })
        let fonts = fontFingerprints(outputs)
        let force = self.force
        let noticed = WarningCollector()
        let styleDigests = StyleDigests()
        let results = run(jobs) { job, finish in
            let parts = InputDigest.QuestionDigests(job.request, styles: styleDigests)
            // Which outputs need rendering: the rest are skipped without a rendition.
            var stale: [(index: Int, digest: String, existing: [UInt8]?)] = []
            for (index, output) in job.outputs.enumerated() {
                let digest = InputDigest.of(job.request, backend: output.backend,
                                            fonts: fonts[job.request.style.fonts.family], parts: parts)
                let recorded = states[output.root.standardizedFileURL]?.entries[output.relativePath]
                let existing = FileManager.default.contents(atPath: output.output.path).map { Array($0) }
                if !force, let recorded, recorded.inputs == digest, let existing,
                   InputDigest.sha256Hex(existing) == recorded.output {
                    // Skipped, but what its render warned about still holds: report it again.
                    noticed.add(recorded.warnings ?? [])
                    finish(index, (.unchanged, recorded))
                } else {
                    stale.append((index, digest, existing))
                }
            }
            guard !stale.isEmpty else { return }
            let needs = stale.reduce(into: Backend.Reads()) { $0.formUnion(job.outputs[$1.index].backend.reads) }
            let rendition = Rendition(job.request, parts: needs, formats: job.outputs.map(\.format))
            let layoutWarnings = rendition.warnings.map(\.description)
            noticed.add(layoutWarnings)
            for (index, digest, existing) in stale {
                let output = job.outputs[index]
                let bytes: [UInt8]
                var warnings = output.backend.reads.contains(.figure) ? layoutWarnings : []
                do {
                    let rendered = try output.backend.write(rendition)
                    bytes = rendered.bytes
                    warnings += rendered.warnings
                    noticed.add(rendered.warnings)
                } catch {
                    finish(index, (.failed("\(error)"), nil))
                    continue
                }
                let entry = BuildState.Entry(inputs: digest, output: InputDigest.sha256Hex(bytes), warnings: warnings)
                if !force, existing == bytes {
                    finish(index, (.unchanged, entry))
                    continue
                }
                do {
                    try AtomicFile.write(bytes, to: output.output)
                } catch {
                    finish(index, (.failed("\(error)"), nil))
                    continue
                }
                finish(index, (.written, entry))
            }
        }

        var report = BuildReport()
        report.warnings = noticed.lines
        var updated = states
        for (output, (outcome, entry)) in zip(outputs, results) {
            report.add(output.output, outcome)
            if let entry { updated[output.root.standardizedFileURL]?.entries[output.relativePath] = entry }
        }
        for (root, relative) in dropped(outputs, states: states) {
            let file = root.appendingPathComponent(relative)
            guard prune else {
                report.dropped.append(file)
                continue
            }
            // Only a file that still holds what Stapel wrote is deleted; an edited one is left, with a warning.
            let bytes = FileManager.default.contents(atPath: file.path).map { Array($0) }
            if let bytes, InputDigest.sha256Hex(bytes) != states[root]?.entries[relative]?.output {
                report.warnings.append("warning: \(SurveyLoader.display(file)) is no longer built but was changed since; left in place")
                report.dropped.append(file)
                continue
            }
            if bytes != nil {
                do {
                    try FileManager.default.removeItem(at: file)
                } catch {
                    report.warnings.append("warning: cannot remove \(SurveyLoader.display(file)): \(error)")
                    continue
                }
            }
            updated[root]?.entries[relative] = nil
            report.pruned.append(file)
        }
        for root in roots.sorted(by: { $0.path < $1.path }) {
            guard var state = updated[root] else { continue }
            state.entries = state.entries.filter { FileManager.default.fileExists(atPath: root.appendingPathComponent($0.key).path) }
            guard state != states[root] else { continue }
            do {
                try state.save(to: root)
            } catch {
                report.warnings.append("warning: cannot record the build in \(SurveyLoader.display(BuildState.url(in: root))): \(error); "
                                       + "the next build renders everything again")
            }
        }
        return report
    }

    /// Reports, without rendering or writing, which outputs are missing or stale.
    public func check(_ jobs: [QuestionJob]) -> BuildReport {
        let outputs = jobs.flatMap(\.outputs)
        let roots = Set(outputs.map { $0.root.standardizedFileURL })
        let states = Dictionary(uniqueKeysWithValues: roots.map { ($0, BuildState.load(from: $0)) })
        let fonts = fontFingerprints(outputs)
        let styleDigests = StyleDigests()
        let results = run(jobs) { job, finish in
            let parts = InputDigest.QuestionDigests(job.request, styles: styleDigests)
            for (index, output) in job.outputs.enumerated() {
                guard let existing = FileManager.default.contents(atPath: output.output.path) else {
                    finish(index, (.stale(.missing), nil))
                    continue
                }
                guard let recorded = states[output.root.standardizedFileURL]?.entries[output.relativePath] else {
                    finish(index, (.stale(.unrecorded), nil))
                    continue
                }
                let digest = InputDigest.of(job.request, backend: output.backend,
                                            fonts: fonts[job.request.style.fonts.family], parts: parts)
                if recorded.inputs != digest {
                    finish(index, (.stale(.inputsChanged), nil))
                } else if InputDigest.sha256Hex(Array(existing)) != recorded.output {
                    finish(index, (.stale(.fileChanged), nil))
                } else {
                    finish(index, (.upToDate, nil))
                }
            }
        }
        var report = BuildReport()
        for (output, (outcome, _)) in zip(outputs, results) { report.add(output.output, outcome) }
        for (root, relative) in dropped(outputs, states: states)
        where FileManager.default.fileExists(atPath: root.appendingPathComponent(relative).path) {
            report.add(root.appendingPathComponent(relative), .stale(.dropped))
        }
        return report
    }

    /// One fingerprint per font family that a font-using backend will draw with.
    private func fontFingerprints(_ outputs: [RenderJob]) -> [String: String] {
        var result: [String: String] = [:]
        for output in outputs where output.backend.usesFonts && result[output.request.style.fonts.family] == nil {
            result[output.request.style.fonts.family] = FontFingerprint.of(family: output.request.style.fonts.family)
        }
        return result
    }

    typealias Result = (BuildOutcome, BuildState.Entry?)

    /// Runs `work` for every question on the worker threads; `work` reports each of the question's outputs
    /// through its `finish` callback. Results come back in output order.
    private func run(_ jobs: [QuestionJob],
                     _ work: @escaping @Sendable (QuestionJob, (Int, Result) -> Void) -> Void) -> [Result] {
        let progress = Progress(jobs: jobs, onEvent: onEvent)
        progress.emit(.started(total: progress.total))
        let group = DispatchGroup()
        for _ in 0..<min(self.jobs, max(jobs.count, 1)) {
            group.enter()
            let thread = Thread {
                while let (index, job) = progress.next() {
                    for output in job.outputs { progress.emit(.rendering(output)) }
                    work(job) { output, result in progress.finish(question: index, output: output, result) }
                }
                group.leave()
            }
            // Cairo, Pango and FreeType recurse deeper than a secondary thread's default stack allows for.
            thread.stackSize = 8 << 20
            thread.start()
        }
        group.wait()
        return progress.results.map { $0! }
    }

    /// The shared state of one run: the next question to hand out, the results, and event delivery.
    private final class Progress: @unchecked Sendable {
        private let lock = NSLock()
        private let jobs: [QuestionJob]
        private let onEvent: (@Sendable (BuildEvent) -> Void)?
        /// Where each question's outputs start in the flat list of outputs.
        private let offsets: [Int]
        let total: Int
        private var nextIndex = 0
        private var done = 0
        var results: [Result?]

        init(jobs: [QuestionJob], onEvent: (@Sendable (BuildEvent) -> Void)?) {
            self.jobs = jobs
            self.onEvent = onEvent
            var offsets: [Int] = []
            var count = 0
            for job in jobs {
                offsets.append(count)
                count += job.outputs.count
            }
            self.offsets = offsets
            self.total = count
            self.results = Array(repeating: nil, count: count)
        }

        func next() -> (Int, QuestionJob)? {
            lock.lock()
            defer { lock.unlock() }
            guard nextIndex < jobs.count else { return nil }
            nextIndex += 1
            return (nextIndex - 1, jobs[nextIndex - 1])
        }

        func emit(_ event: BuildEvent) {
            lock.lock()
            defer { lock.unlock() }
            onEvent?(event)
        }

        func finish(question: Int, output: Int, _ result: Result) {
            lock.lock()
            defer { lock.unlock() }
            results[offsets[question] + output] = result
            done += 1
            onEvent?(.finished(jobs[question].outputs[output], result.0, done: done, total: total))
        }
    }
}

/// What happened to one output.
public enum BuildOutcome: Sendable, Equatable {
    case written
    /// Not rewritten: up to date, or rendered to the bytes the file already had.
    case unchanged
    case failed(String)
    /// `check` only: the output matches its inputs.
    case upToDate
    /// `check` only.
    case stale(StaleReason)
}

/// Why `check` finds an output stale.
public enum StaleReason: String, Sendable, Equatable {
    case missing = "missing"
    /// No build has recorded it.
    case unrecorded = "not recorded by a build"
    /// Its data, labels, style, backend, fonts or Stapel's version changed since it was written.
    case inputsChanged = "inputs changed"
    /// The file is not what the build wrote (edited or replaced since).
    case fileChanged = "file changed since it was written"
    /// An earlier build wrote it, but the manifest no longer names it (`--prune` removes it).
    case dropped = "no longer in the manifest; --prune removes it"
}

/// Progress of a build, for a progress line or a log.
public enum BuildEvent: Sendable {
    case started(total: Int)
    case rendering(RenderJob)
    case finished(RenderJob, BuildOutcome, done: Int, total: Int)
}

/// What a build or check did, by output.
public struct BuildReport: Sendable {
    public var written: [URL] = []
    public var unchanged: [URL] = []
    public var failed: [(url: URL, message: String)] = []
    public var upToDate: [URL] = []
    public var stale: [(url: URL, reason: StaleReason)] = []
    /// Outputs an earlier build wrote that no longer are planned (kept: no `prune`).
    public var dropped: [URL] = []
    /// Such outputs removed by `prune`.
    public var pruned: [URL] = []
    public var warnings: [String] = []

    public init() {}

    mutating func add(_ url: URL, _ outcome: BuildOutcome) {
        switch outcome {
        case .written: written.append(url)
        case .unchanged: unchanged.append(url)
        case .failed(let message): failed.append((url, message))
        case .upToDate: upToDate.append(url)
        case .stale(let reason): stale.append((url, reason))
        }
    }
}

/// Backend warnings gathered from the worker threads, each line once, in the order first seen
/// (png, pdf and svg of one figure report the same layout problem).
private final class WarningCollector: @unchecked Sendable {
    private let lock = NSLock()
    private var seen = Set<String>()
    private var ordered: [String] = []

    func add(_ lines: [String]) {
        lock.lock()
        defer { lock.unlock() }
        for line in lines where seen.insert(line).inserted { ordered.append(line) }
    }

    var lines: [String] {
        lock.lock()
        defer { lock.unlock() }
        return ordered
    }
}
