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

    public init(jobs: Int = ProcessInfo.processInfo.activeProcessorCount, force: Bool = false,
                onEvent: (@Sendable (BuildEvent) -> Void)? = nil) {
        self.jobs = max(1, jobs)
        self.force = force
        self.onEvent = onEvent
    }

    /// Renders what is missing or stale and records the result in each output folder's state file.
    public func build(_ jobs: [RenderJob]) -> BuildReport {
        let roots = Set(jobs.map { $0.root.standardizedFileURL })
        for root in roots { AtomicFile.removeAbandonedTemporaries(in: root) }
        let states = Dictionary(uniqueKeysWithValues: roots.map { ($0, BuildState.load(from: $0)) })
        let fonts = fontFingerprints(jobs)
        let force = self.force
        let noticed = WarningCollector()
        let results = run(jobs) { job in
            let root = job.root.standardizedFileURL
            let digest = InputDigest.of(job.request, backend: job.backend, fonts: fonts[job.request.style.fonts.family])
            let recorded = states[root]?.entries[job.relativePath]
            let existing = FileManager.default.contents(atPath: job.output.path).map { Array($0) }
            if !force, let recorded, recorded.inputs == digest, let existing,
               InputDigest.sha256Hex(existing) == recorded.output {
                return (.unchanged, recorded)
            }
            let bytes: [UInt8]
            do {
                let output = try job.backend.renderOutput(job.request)
                bytes = output.bytes
                noticed.add(output.warnings)
            } catch {
                return (.failed("\(error)"), nil)
            }
            let entry = BuildState.Entry(inputs: digest, output: InputDigest.sha256Hex(bytes))
            if !force, existing == bytes { return (.unchanged, entry) }
            do {
                try AtomicFile.write(bytes, to: job.output)
            } catch {
                return (.failed("\(error)"), nil)
            }
            return (.written, entry)
        }

        var report = BuildReport()
        report.warnings = noticed.lines
        var updated = states
        for (job, (outcome, entry)) in zip(jobs, results) {
            report.add(job.output, outcome)
            if let entry { updated[job.root.standardizedFileURL]?.entries[job.relativePath] = entry }
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
    public func check(_ jobs: [RenderJob]) -> BuildReport {
        let roots = Set(jobs.map { $0.root.standardizedFileURL })
        let states = Dictionary(uniqueKeysWithValues: roots.map { ($0, BuildState.load(from: $0)) })
        let fonts = fontFingerprints(jobs)
        let results = run(jobs) { job -> (BuildOutcome, BuildState.Entry?) in
            guard let existing = FileManager.default.contents(atPath: job.output.path) else { return (.stale(.missing), nil) }
            guard let recorded = states[job.root.standardizedFileURL]?.entries[job.relativePath] else {
                return (.stale(.unrecorded), nil)
            }
            let digest = InputDigest.of(job.request, backend: job.backend, fonts: fonts[job.request.style.fonts.family])
            if recorded.inputs != digest { return (.stale(.inputsChanged), nil) }
            if InputDigest.sha256Hex(Array(existing)) != recorded.output { return (.stale(.fileChanged), nil) }
            return (.upToDate, nil)
        }
        var report = BuildReport()
        for (job, (outcome, _)) in zip(jobs, results) { report.add(job.output, outcome) }
        return report
    }

    /// One fingerprint per font family that a font-using backend will draw with.
    private func fontFingerprints(_ jobs: [RenderJob]) -> [String: String] {
        var result: [String: String] = [:]
        for job in jobs where job.backend.usesFonts && result[job.request.style.fonts.family] == nil {
            result[job.request.style.fonts.family] = FontFingerprint.of(family: job.request.style.fonts.family)
        }
        return result
    }

    /// Runs `work` for every job on the worker threads; results in job order.
    private func run(_ jobs: [RenderJob],
                     _ work: @escaping @Sendable (RenderJob) -> (BuildOutcome, BuildState.Entry?)) -> [(BuildOutcome, BuildState.Entry?)] {
        let progress = Progress(jobs: jobs, onEvent: onEvent)
        progress.emit(.started(total: jobs.count))
        let group = DispatchGroup()
        for _ in 0..<min(self.jobs, max(jobs.count, 1)) {
            group.enter()
            let thread = Thread {
                while let (index, job) = progress.next() {
                    progress.emit(.rendering(job))
                    let result = work(job)
                    progress.finish(index, job, result)
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

    /// The shared state of one run: the next job to hand out, the results, and event delivery.
    private final class Progress: @unchecked Sendable {
        private let lock = NSLock()
        private let jobs: [RenderJob]
        private let onEvent: (@Sendable (BuildEvent) -> Void)?
        private var nextIndex = 0
        private var done = 0
        var results: [(BuildOutcome, BuildState.Entry?)?]

        init(jobs: [RenderJob], onEvent: (@Sendable (BuildEvent) -> Void)?) {
            self.jobs = jobs
            self.onEvent = onEvent
            self.results = Array(repeating: nil, count: jobs.count)
        }

        func next() -> (Int, RenderJob)? {
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

        func finish(_ index: Int, _ job: RenderJob, _ result: (BuildOutcome, BuildState.Entry?)) {
            lock.lock()
            defer { lock.unlock() }
            results[index] = result
            done += 1
            onEvent?(.finished(job, result.0, done: done, total: jobs.count))
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
