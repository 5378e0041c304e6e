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
package struct BuildRunner: Sendable {
    /// Threads rendering at once.
    package var jobs: Int
    /// Render and rewrite every output, whatever the record says.
    package var force: Bool
    /// Called for every event, one at a time (never concurrently), from a worker thread.
    package var onEvent: (@Sendable (BuildEvent) -> Void)?
    /// The jobs are everything their output folders should hold (a manifest build): outputs an earlier build
    /// recorded there but no job plans any more are reported (`dropped`), by `check` as stale.
    package var complete: Bool
    /// With `complete`: delete such dropped outputs (those still holding the bytes Stapel wrote).
    package var prune: Bool
    /// The run record to save with the state when the build fails nothing and leaves no dropped output.
    package var record: RunRecord.Draft?

    package init(jobs: Int = ProcessInfo.processInfo.activeProcessorCount, force: Bool = false, complete: Bool = false,
                prune: Bool = false, onEvent: (@Sendable (BuildEvent) -> Void)? = nil) {
        self.jobs = max(1, jobs)
        self.force = force
        self.complete = complete || prune
        self.prune = prune
        self.onEvent = onEvent
    }

    /// The folder an output is written into, by its root and the folder part of its relative path: compared as
    /// text, made into a URL only when used.
    struct OutputFolder: Hashable {
        var root: URL
        var folder: Substring

        init(root: URL, relativePath: String) {
            self.root = root
            folder = relativePath.lastIndex(of: "/").map { relativePath[..<$0] } ?? ""
        }

        var url: URL { folder.isEmpty ? root : root.appendingPathComponent(String(folder), isDirectory: true) }
    }

    /// Outputs recorded in an output folder's state that no job plans, by folder.
    func dropped(_ outputs: [Unit.Output], states: [URL: BuildState]) -> [(root: URL, relativePath: String)] {
        guard complete else { return [] }
        var planned: [URL: Set<String>] = [:]
        for output in outputs { planned[output.root.standardizedFileURL, default: []].insert(output.relativePath) }
        return states.keys.sorted { $0.path < $1.path }.flatMap { root in
            (states[root]?.entries.keys.sorted() ?? []).filter { !(planned[root]?.contains($0) ?? false) }.map { (root, $0) }
        }
    }

    /// Renders what is missing or stale and records the result in each output folder's state file: the
    /// questions' outputs, then the documents (each rendered from its questions' data, not from their files).
    package func build(_ jobs: [QuestionJob], documents: [DocumentJob] = []) -> BuildReport {
        let plan = UnitPlan(jobs, documents, split: true)
        let outputs = plan.outputs
        // Hundreds of outputs share a few roots and folders: each is made into a URL and standardised once.
        let standard = Dictionary(uniqueKeysWithValues: Set(outputs.map(\.root)).map { ($0, $0.standardizedFileURL) })
        let roots = Set(standard.values)
        // Temporaries are made beside their targets: only the folders written into are listed.
        let subfolders = Set(outputs.map { OutputFolder(root: $0.root, relativePath: $0.relativePath) })
        let folders = roots.union(subfolders.map { $0.url.standardizedFileURL })
        for folder in folders { AtomicFile.removeAbandonedTemporaries(in: folder, recursive: false) }
        let states = Dictionary(uniqueKeysWithValues: roots.map { ($0, BuildState.load(from: $0)) })
        // Hashing the font files (a fresh output folder has no recorded digests of them) runs beside the first
        // renders: an output with no record needs its input digest only when it is stored.
        let fontsInBackground = Background { [self] in fontFingerprints(jobs, documents, states: states) }
        let force = self.force
        // Flushed to disk behind the writers, the rest before the build state records them as done.
        let flusher = FlushBehind(batch: max(16, outputs.count / 8))
        let noticed = WarningCollector()
        let digests = BuildDigests()
        /// The record of an output that needs no render, or nil with the file's current bytes. A file whose size
        /// and modification time are as recorded is not read at all.
        @Sendable func upToDate(_ root: URL, _ relativePath: String, digest: () -> String) -> (BuildState.Entry?, [UInt8]?) {
            let path = root.appendingPathComponent(relativePath, isDirectory: false).path
            var recorded = states[standard[root] ?? root.standardizedFileURL]?.entries[relativePath]
            let digest = recorded == nil || force ? "" : digest()
            if !force, let entry = recorded, entry.inputs == digest, let stamp = entry.stamp, FileStamp.of(path) == stamp {
                noticed.add(entry.warnings ?? [])
                return (entry, nil)
            }
            let existing = FileManager.default.contents(atPath: path).map { Array($0) }
            if !force, recorded?.inputs == digest, let existing, InputDigest.sha256Hex(existing) == recorded?.output {
                // Skipped, but what its render warned about still holds: report it again.
                noticed.add(recorded?.warnings ?? [])
                recorded?.stamp = FileStamp.of(path)
                return (recorded, existing)
            }
            return (nil, existing)
        }
        /// Writes rendered bytes unless the file already holds them.
        @Sendable func store(_ bytes: [UInt8], to url: URL, digest: String, existing: [UInt8]?, warnings: [String]) -> Result {
            var entry = BuildState.Entry(inputs: digest, output: InputDigest.sha256Hex(bytes), warnings: warnings)
            if !force, existing == bytes {
                entry.stamp = FileStamp.of(url.path)
                return (.unchanged, entry)
            }
            do {
                // Flushed to disk all together after the run (below).
                try AtomicFile.write(bytes, to: url, durability: .deferred)
            } catch {
                return (.failed("\(error)"), nil)
            }
            flusher.wrote(into: url.deletingLastPathComponent())
            entry.stamp = FileStamp.of(url.path)
            return (.written, entry)
        }
        let results = run(plan) { unit, finish in
            switch unit {
            case .question(let job, let jobIndex, let indices):
                // Once per question, whichever of its units comes first.
                let parts = digests.question(jobIndex) { InputDigest.QuestionDigests(job.request, cache: digests) }
                // Which outputs need rendering: the rest are skipped without a rendition.
                func digest(_ output: RenderJob) -> String {
                    InputDigest.of(job.request, backend: output.backend,
                                   fonts: fontsInBackground.value.fingerprints[job.request.style.fonts.family], parts: parts)
                }
                // `place`: the output's place in the unit, `index` in the job.
                var stale: [(place: Int, index: Int, existing: [UInt8]?)] = []
                for (place, index) in indices.enumerated() {
                    let output = job.outputs[index]
                    let (recorded, existing) = upToDate(output.root, output.relativePath) { digest(output) }
                    if let recorded { finish(place, (.unchanged, recorded)) } else { stale.append((place, index, existing)) }
                }
                guard !stale.isEmpty else { return }
                let needs = stale.reduce(into: Backend.Reads()) { $0.formUnion(job.outputs[$1.index].backend.reads) }
                // The formats of the whole question (for links), whichever of them this unit renders.
                let rendition = Rendition(job.request, parts: needs, formats: job.outputs.map(\.format))
                let layoutWarnings = rendition.warnings.map(\.description)
                noticed.add(layoutWarnings)
                for (place, index, existing) in stale {
                    let output = job.outputs[index]
                    var warnings = output.backend.reads.contains(.figure) ? layoutWarnings : []
                    do {
                        let rendered = try output.backend.write(rendition)
                        warnings += rendered.warnings
                        noticed.add(rendered.warnings)
                        finish(place, store(rendered.bytes, to: output.output, digest: digest(output), existing: existing,
                                            warnings: warnings))
                    } catch {
                        finish(place, (.failed("\(error)"), nil))
                    }
                }
            case .document(let job):
                let digest = job.digest(fonts: fontsInBackground.value.fingerprints)
                let (recorded, existing) = upToDate(job.root, job.relativePath) { digest }
                if let recorded { return finish(0, (.unchanged, recorded)) }
                // One rendition per question, with what the document reads; the question formats of the run
                // (for links) as the question jobs have them.
                let renditions = job.requests.map {
                    Rendition($0, parts: job.backend.reads, formats: job.context.formats)
                }
                var warnings = renditions.flatMap { $0.warnings.map(\.description) }
                noticed.add(warnings)
                do {
                    let rendered = try job.backend.write(renditions, job.context)
                    warnings += rendered.warnings
                    noticed.add(rendered.warnings)
                    finish(0, store(rendered.bytes, to: job.output, digest: digest, existing: existing, warnings: warnings))
                } catch {
                    finish(0, (.failed("\(error)"), nil))
                }
            }
        }

        // What the background flushes left is flushed while the states are made and encoded, which are written
        // once it is.
        let flushed = Background { flusher.finish() }
        var report = BuildReport()
        report.warnings = noticed.lines
        var updated = states
        // The outputs this run wrote or found unchanged: their files were there when stamped a moment ago.
        var stamped: [URL: Set<String>] = [:]
        for (output, (outcome, entry)) in zip(outputs, results) {
            report.add(output.info.output, outcome)
            guard let entry else { continue }
            let root = standard[output.root] ?? output.root.standardizedFileURL
            updated[root]?.entries[output.relativePath] = entry
            if entry.stamp != nil { stamped[root, default: []].insert(output.relativePath) }
        }
        for (root, relative) in dropped(outputs, states: states) {
            let file = root.appendingPathComponent(relative, isDirectory: false)
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
        let run = report.failed.isEmpty && report.dropped.isEmpty
            ? record?.finished(fonts: fontsInBackground.value.files, warnings: report.warnings) : nil
        var pending: [(root: URL, state: BuildState, bytes: Swift.Result<[UInt8], Error>)] = []
        for root in roots.sorted(by: { $0.path < $1.path }) {
            guard var state = updated[root] else { continue }
            state.fonts = fontsInBackground.value.files
            // A failed or forced run, or one that keeps no record, leaves none: the next run plans.
            state.run = run
            // Entries of files since removed are dropped; only those this run did not stamp are looked for.
            let present = stamped[root] ?? []
            state.entries = state.entries.filter {
                present.contains($0.key) || FileManager.default.fileExists(atPath: root.appendingPathComponent($0.key, isDirectory: false).path)
            }
            guard state != states[root] else { continue }
            pending.append((root, state, Swift.Result { try state.encoded() }))
        }
        flushed.value
        for (root, state, bytes) in pending {
            do {
                try state.write(try bytes.get(), to: root)
            } catch {
                report.warnings.append("warning: cannot record the build in \(SurveyLoader.display(BuildState.url(in: root))): \(error); "
                                       + "the next build renders everything again")
            }
        }
        return report
    }

    /// Reports, without rendering or writing, which outputs are missing or stale.
    package func check(_ jobs: [QuestionJob], documents: [DocumentJob] = []) -> BuildReport {
        let plan = UnitPlan(jobs, documents, split: false)
        let outputs = plan.outputs
        let roots = Set(outputs.map { $0.root.standardizedFileURL })
        let states = Dictionary(uniqueKeysWithValues: roots.map { ($0, BuildState.load(from: $0)) })
        let fonts = fontFingerprints(jobs, documents, states: states).fingerprints
        let digests = BuildDigests()
        @Sendable func compare(_ root: URL, _ relativePath: String, digest: () -> String) -> BuildOutcome {
            let path = root.appendingPathComponent(relativePath, isDirectory: false).path
            guard let stamp = FileStamp.of(path) else { return .stale(.missing) }
            guard let recorded = states[root.standardizedFileURL]?.entries[relativePath] else { return .stale(.unrecorded) }
            if recorded.inputs != digest() { return .stale(.inputsChanged) }
            // Size and time as recorded: the bytes need no reading; else they are hashed.
            if recorded.stamp == stamp { return .upToDate }
            guard let existing = FileManager.default.contents(atPath: path) else { return .stale(.missing) }
            if InputDigest.sha256Hex(Array(existing)) != recorded.output { return .stale(.fileChanged) }
            return .upToDate
        }
        let results = run(plan) { unit, finish in
            switch unit {
            case .question(let job, _, let indices):
                let parts = InputDigest.QuestionDigests(job.request, cache: digests)
                for (place, output) in indices.map({ job.outputs[$0] }).enumerated() {
                    finish(place, (compare(output.root, output.relativePath) {
                        InputDigest.of(job.request, backend: output.backend, fonts: fonts[job.request.style.fonts.family], parts: parts)
                    }, nil))
                }
            case .document(let job):
                finish(0, (compare(job.root, job.relativePath) { job.digest(fonts: fonts) }, nil))
            }
        }
        var report = BuildReport()
        for (output, (outcome, _)) in zip(outputs, results) { report.add(output.info.output, outcome) }
        for (root, relative) in dropped(outputs, states: states)
        where FileManager.default.fileExists(atPath: root.appendingPathComponent(relative, isDirectory: false).path) {
            report.add(root.appendingPathComponent(relative, isDirectory: false), .stale(.dropped))
        }
        return report
    }

    /// One fingerprint per font family that a font-using backend will draw with, and the font files hashed
    /// for them (taken from the folders' states while unchanged).
    private func fontFingerprints(_ jobs: [QuestionJob], _ documents: [DocumentJob], states: [URL: BuildState])
        -> (fingerprints: [String: String], files: [String: FontFingerprint.FileRecord]) {
        var known: [String: FontFingerprint.FileRecord] = [:]
        for state in states.values { known.merge(state.fonts) { first, _ in first } }
        var used: [String: FontFingerprint.FileRecord] = [:]
        var result: [String: String] = [:]
        func add(_ family: String) {
            guard result[family] == nil else { return }
            let (fingerprint, files) = FontFingerprint.of(family: family, known: known)
            result[family] = fingerprint
            used.merge(files) { first, _ in first }
        }
        for job in jobs {
            for output in job.outputs where output.backend.usesFonts { add(output.request.style.fonts.family) }
        }
        for job in documents where job.backend.usesFonts {
            for request in job.requests { add(request.style.fonts.family) }
        }
        return (result, used)
    }

    typealias Result = (BuildOutcome, BuildState.Entry?)

    /// Runs `work` for every unit on the worker threads in `WorkSchedule`'s order; `work` reports each of the
    /// unit's outputs through its `finish` callback. Results come back in the plan's output order.
    private func run(_ plan: UnitPlan, _ work: @escaping @Sendable (Unit, (Int, Result) -> Void) -> Void) -> [Result] {
        let progress = Progress(plan, onEvent: onEvent)
        progress.emit(.started(total: progress.total))
        let group = DispatchGroup()
        for _ in 0..<min(self.jobs, max(plan.units.count, 1)) {
            group.enter()
            let thread = Thread {
                var worker = WorkSchedule.Worker()
                while let (index, unit) = progress.next(for: &worker) {
                    for output in unit.outputs { progress.emit(.rendering(output.info)) }
                    work(unit) { output, result in progress.finish(unit: index, output: output, result) }
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

    /// The shared state of one run: the schedule, the results, and event delivery.
    private final class Progress: @unchecked Sendable {
        private let lock = NSLock()
        private let units: [Unit]
        private var schedule: WorkSchedule
        private let outputs: [[OutputInfo]]
        /// Where each unit's outputs go in the plan's list of outputs.
        private let slots: [[Int]]
        private let onEvent: (@Sendable (BuildEvent) -> Void)?
        let total: Int
        private var done = 0
        var results: [Result?]

        init(_ plan: UnitPlan, onEvent: (@Sendable (BuildEvent) -> Void)?) {
            units = plan.units
            schedule = WorkSchedule(plan.units.map(\.scheduled))
            outputs = plan.units.map { $0.outputs.map(\.info) }
            slots = plan.slots
            self.onEvent = onEvent
            total = plan.outputs.count
            results = Array(repeating: nil, count: total)
        }

        func next(for worker: inout WorkSchedule.Worker) -> (Int, Unit)? {
            lock.withLock { schedule.next(for: &worker).map { ($0, units[$0]) } }
        }

        func emit(_ event: BuildEvent) {
            lock.lock()
            defer { lock.unlock() }
            onEvent?(event)
        }

        func finish(unit: Int, output: Int, _ result: Result) {
            lock.lock()
            defer { lock.unlock() }
            results[slots[unit][output]] = result
            done += 1
            onEvent?(.finished(outputs[unit][output], result.0, done: done, total: total))
        }
    }
}

/// What happened to one output.
package enum BuildOutcome: Sendable, Equatable {
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
package enum StaleReason: String, Sendable, Equatable {
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
package enum BuildEvent: Sendable {
    case started(total: Int)
    case rendering(OutputInfo)
    case finished(OutputInfo, BuildOutcome, done: Int, total: Int)
}

/// What a build or check did, by output.
package struct BuildReport: Sendable {
    package var written: [URL] = []
    package var unchanged: [URL] = []
    package var failed: [(url: URL, message: String)] = []
    package var upToDate: [URL] = []
    package var stale: [(url: URL, reason: StaleReason)] = []
    /// Outputs an earlier build wrote that no longer are planned (kept: no `prune`).
    package var dropped: [URL] = []
    /// Such outputs removed by `prune`.
    package var pruned: [URL] = []
    package var warnings: [String] = []

    package init() {}

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

/// A value worked out on a thread of its own, waited for where it is first needed.
final class Background<Value: Sendable>: @unchecked Sendable {
    private let done = DispatchGroup()
    private var result: Value?

    init(_ work: @escaping @Sendable () -> Value) {
        done.enter()
        Thread { [self] in
            result = work()
            done.leave()
        }.start()
    }

    var value: Value {
        done.wait()
        return result!
    }
}
