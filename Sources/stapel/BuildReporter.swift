import ArgumentParser
import Foundation
import Stapel

/// The flags that say how `build` and `render` talk.
struct BuildOutputOptions: ParsableArguments {
    @Option(name: .long, help: "Threads for planning and rendering: outputs rendered at once (default: the number of cores).")
    var jobs: Int?

    @Flag(help: "Print only warnings and errors.")
    var quiet = false

    @Flag(help: "Print a line for every output, written or unchanged.")
    var verbose = false

    @Option(name: .long, help: "text, or json: one JSON object per line on standard output.")
    var logFormat: LogFormat = .text

    func validate() throws {
        if let jobs, jobs < 1 { throw ValidationError("--jobs needs a number of 1 or more, found \(jobs)") }
        if quiet && verbose { throw ValidationError("--quiet and --verbose exclude each other") }
    }

    var jobCount: Int { jobs ?? ProcessInfo.processInfo.activeProcessorCount }
}

/// `--log-format`.
enum LogFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}

/// Prints a build's progress and results: in text, a progress line on standard error when it is a terminal
/// (nothing when it is not), failures and warnings on standard error, a line per output with `--verbose`,
/// and a closing summary line on standard output; in JSON (`stapel-log/1`), one object per line on
/// standard output for every output, warning and error, and a closing `summary` object.
final class BuildReporter: @unchecked Sendable {
    static let logFormat = "stapel-log/1"

    private let options: BuildOutputOptions
    private let showsProgress: Bool
    private let lock = NSLock()
    private var progressShown = false
    /// Warnings reported so far (`--strict` turns any into exit 1).
    private(set) var warningCount = 0

    init(_ options: BuildOutputOptions) {
        self.options = options
        showsProgress = options.logFormat == .text && !options.quiet && isatty(STDERR_FILENO) == 1
    }

    /// Whether `handle` names an output that ends unchanged or written: as a JSON event, a `--verbose` line or
    /// the progress line (failures and stale outputs it always names).
    private var namesEachOutput: Bool { options.logFormat == .json || options.verbose || showsProgress }

    func handle(_ event: BuildEvent) {
        lock.lock()
        defer { lock.unlock() }
        switch event {
        case .started(let total):
            if options.logFormat == .json {
                json([("event", "start"), ("log", .string(BuildReporter.logFormat)), ("total", .integer(total)),
                      ("jobs", .integer(options.jobCount))])
            }
        case .rendering:
            break
        case .finished(let job, let outcome, let done, let total):
            if options.logFormat == .json {
                json(outputEvent(job, outcome))
                return
            }
            switch outcome {
            case .failed(let message):
                clearProgress()
                printError("error: \(SurveyLoader.display(job.output)): \(message)")
            case .stale(let reason):
                clearProgress()
                print("stale: \(SurveyLoader.display(job.output)) (\(reason.rawValue))")
            case .written where options.verbose:
                clearProgress()
                print("written    \(SurveyLoader.display(job.output))")
            case .unchanged where options.verbose:
                clearProgress()
                print("unchanged  \(SurveyLoader.display(job.output))")
            case .upToDate where options.verbose:
                clearProgress()
                print("up to date \(SurveyLoader.display(job.output))")
            default:
                break
            }
            if showsProgress {
                let line = "[\(done)/\(total)] \(SurveyLoader.display(job.output))"
                StandardStream.err("\r\u{1B}[K\(line)")
                progressShown = true
            }
        }
    }

    /// An output no longer in the manifest: stale (`--check`) or removed (`--prune`).
    func dropped(_ url: URL, removed: Bool) {
        lock.lock()
        defer { lock.unlock() }
        if options.logFormat == .json {
            json([("event", .string(removed ? "removed" : "stale")), ("path", .string(SurveyLoader.display(url))),
                  ("reason", .string(StaleReason.dropped.rawValue))])
        } else if removed {
            if options.verbose { print("removed    \(SurveyLoader.display(url))") }
        } else {
            clearProgress()
            print("stale: \(SurveyLoader.display(url)) (\(StaleReason.dropped.rawValue))")
        }
    }

    func warning(_ message: String) {
        lock.lock()
        defer { lock.unlock() }
        warningCount += 1
        if options.logFormat == .json {
            json([("event", "warning")] + BuildReporter.fields(of: message))
        } else {
            clearProgress()
            printError(message)
        }
    }

    func error(_ message: String) {
        lock.lock()
        defer { lock.unlock() }
        if options.logFormat == .json {
            json([("event", "error")] + BuildReporter.fields(of: message))
        } else {
            clearProgress()
            printError(message)
        }
    }

    /// The closing line, "N written, N unchanged, N failed", or for a check "N up to date, N stale".
    func summary(_ report: BuildReport, check: Bool, exitCode: Int32) {
        if check {
            summary(upToDate: report.upToDate.count, stale: report.stale.count, exitCode: exitCode)
        } else {
            summary(written: report.written.count, unchanged: report.unchanged.count, failed: report.failed.count,
                    exitCode: exitCode)
        }
    }

    /// The closing line (or event) of a build.
    func summary(written: Int, unchanged: Int, failed: Int, exitCode: Int32) {
        close([("written", written), ("unchanged", unchanged), ("failed", failed)], exitCode: exitCode,
              text: "\(written) written, \(unchanged) unchanged, \(failed) failed")
    }

    /// The closing line (or event) of `--check`.
    func summary(upToDate: Int, stale: Int, exitCode: Int32) {
        close([("up-to-date", upToDate), ("stale", stale)], exitCode: exitCode,
              text: "\(upToDate) up to date, \(stale) missing or stale")
    }

    private func close(_ counts: [(String, Int)], exitCode: Int32, text: String) {
        lock.lock()
        defer { lock.unlock() }
        clearProgress()
        if options.logFormat == .json {
            let members: [(String, CanonicalValue)] = [("event", "summary")] + counts.map { ($0.0, .integer($0.1)) }
            json(members + [("exit-code", .integer(Int(exitCode)))])
        } else if !options.quiet {
            print(text)
        }
    }

    private func outputEvent(_ job: OutputInfo, _ outcome: BuildOutcome) -> [(String, CanonicalValue)] {
        let name: String
        var extra: [(String, CanonicalValue)] = []
        switch outcome {
        case .written: name = "written"
        case .unchanged: name = "unchanged"
        case .upToDate: name = "up-to-date"
        case .failed(let message):
            name = "failed"
            extra = [("message", .string(message))]
        case .stale(let reason):
            name = "stale"
            extra = [("reason", .string(reason.rawValue))]
        }
        return [("event", .string(name)), ("path", .string(SurveyLoader.display(job.output))),
                ("question", job.questionID.map { .string($0) } ?? .null), ("language", .string(job.language)),
                ("format", .string(job.format))] + extra
    }

    private func json(_ members: [(String, CanonicalValue)]) {
        let line = CanonicalValue.object(members.map { CanonicalValue.Member($0.0, $0.1) }).json()
        StandardStream.out((line + "\n"))
    }

    private func print(_ line: String) {
        StandardStream.out((line + "\n"))
    }

    private func clearProgress() {
        guard progressShown else { return }
        StandardStream.err("\r\u{1B}[K")
        progressShown = false
    }
}

extension BuildReporter {
    /// Renders (or with `check`, checks) the jobs, reports, and returns the exit code: 0, 3 when a backend
    /// failed, 1 when a check found outputs missing or stale.
    /// With `strict`, any warning (the data's, a layout's, a backend's) makes the run fail with 1 after it
    /// has written everything, as `validate --strict` does.
    /// `record`: the run record the build saves with its state when it fails nothing.
    func execute(_ jobs: [QuestionJob], documents: [DocumentJob] = [], warnings: [String], force: Bool, check: Bool,
                 complete: Bool = false, prune: Bool = false, strict: Bool = false, record: RunRecord.Draft? = nil) -> Int32 {
        for warning in warnings { self.warning(warning) }
        var runner = BuildRunner(jobs: options.jobCount, force: force, complete: complete, prune: prune) { [self] event in handle(event) }
        runner.record = record
        let report = check ? runner.check(jobs, documents: documents) : runner.build(jobs, documents: documents)
        for warning in report.warnings { self.warning(warning) }
        if check {
            // Dropped outputs are no job's, so no event reported them.
            for (url, reason) in report.stale where reason == .dropped { dropped(url, removed: false) }
        } else {
            for file in report.pruned { dropped(file, removed: true) }
            if !report.dropped.isEmpty {
                self.warning("warning: \(report.dropped.count) output(s) an earlier build wrote are no longer in the manifest "
                             + "(first: \(SurveyLoader.display(report.dropped[0]))); `stapel build --prune` removes them")
            }
        }
        var code: Int32 = if check {
            report.stale.isEmpty ? ExitStatus.ok : ExitStatus.dataError
        } else {
            report.failed.isEmpty ? ExitStatus.ok : ExitStatus.backendFailure
        }
        if strict, code == ExitStatus.ok, warningCount > 0 {
            error("error: --strict: \(warningCount) warning(s)")
            code = ExitStatus.dataError
        }
        summary(report, check: check, exitCode: code)
        return code
    }

    /// Reports a run whose record found every input and output as it left them (`RunRecord`): each output
    /// unchanged, with the recorded warnings, exactly as a build that rendered nothing would.
    func replay(_ record: RunRecord, strict: Bool) -> Int32 {
        for warning in record.warnings { self.warning(warning) }
        handle(.started(total: record.outputs.count))
        // Each output's URL is made only where `handle` names it: making them was a twentieth of a no-change run.
        if namesEachOutput {
            for (i, output) in record.outputs.enumerated() {
                let info = output.info
                handle(.rendering(info))
                handle(.finished(info, .unchanged, done: i + 1, total: record.outputs.count))
            }
        }
        var code = ExitStatus.ok
        if strict, warningCount > 0 {
            error("error: --strict: \(warningCount) warning(s)")
            code = ExitStatus.dataError
        }
        summary(written: 0, unchanged: record.outputs.count, failed: 0, exitCode: code)
        return code
    }

    /// Reports a failure to plan (bad data, labels, style, manifest or backend) and returns its exit code.
    func planningFailed(_ error: Error, unknownFormatIsUsage: Bool) -> Int32 {
        let message = "\(error)"
        // A format, question, language or style named on the command line that does not exist is a usage
        // error (2); named in a manifest, the manifest is wrong (1).
        let code: Int32 = switch error {
        case RenderPipeline.PlanError.unknownFormat, RenderPipeline.PlanError.unknownQuestion,
             LoadError.unknownLanguage, StyleError.unknown:
            unknownFormatIsUsage ? ExitStatus.usage : ExitStatus.dataError
        case is ExternalBackendError: ExitStatus.backendFailure
        default: ExitStatus.dataError
        }
        let text = message.hasPrefix("error:") || message.contains(": error:") ? message : "error: \(message)"
        if options.logFormat == .json {
            // One event per finding, with its fields, then the summary a script waits for.
            for line in text.split(separator: "\n") where !line.isEmpty { self.error(String(line)) }
            summary(BuildReport(), check: false, exitCode: code)
        } else {
            self.error(text)
        }
        return code
    }
}

/// The folder holding the running `stapel`, searched for external backends after the manifest's folder:
/// `swift build` puts the example backend there too.
var stapelExecutableFolder: URL? { ExecutablePath.current?.deletingLastPathComponent() }

extension BuildReporter {
    /// The structured fields of a message line, for the JSON log: `file:line:column: error: path: message`
    /// (data, validation and style errors), `warning: q05: questions.q05.text: message [kind]` (layout),
    /// else the message alone. The whole line is always there as `message`.
    static func fields(of line: String) -> [(String, CanonicalValue)] {
        var fields: [(String, CanonicalValue)] = [("message", .string(line))]
        let parts = line.split(separator: ":", maxSplits: 4, omittingEmptySubsequences: false).map(String.init)
        if parts.count >= 5, let lineNumber = Int(parts[1]), let column = Int(parts[2]),
           [" error", " warning"].contains(parts[3]) {
            fields += [("file", .string(parts[0])), ("line", .integer(lineNumber)), ("column", .integer(column)),
                       ("severity", .string(parts[3].trimmingCharacters(in: .whitespaces)))]
            // `path: message` or `q05 'row' field 'mean': message`.
            let rest = parts[4].trimmingCharacters(in: .whitespaces)
            if let colon = rest.range(of: ": ") {
                let subject = String(rest[..<colon.lowerBound])
                fields.append(("detail", .string(String(rest[colon.upperBound...]))))
                if let question = subject.split(separator: " ").first, !subject.contains(".") || subject.contains(" ") {
                    fields.append(("question", .string(String(question))))
                    if let item = subject.firstMatch(of: /'([^']*)'/)?.1 { fields.append(("item", .string(String(item)))) }
                    if let field = subject.firstMatch(of: /field '([^']*)'/)?.1 { fields.append(("field", .string(String(field)))) }
                } else {
                    fields.append(("field", .string(subject)))
                }
            }
        } else if let match = line.firstMatch(of: /^warning: ([^:\s]+): ([^:\s]+): (.*) \[([a-z-]+)\]$/) {
            fields += [("severity", .string("warning")), ("question", .string(String(match.1))), ("key", .string(String(match.2))),
                       ("detail", .string(String(match.3))), ("kind", .string(String(match.4)))]
        }
        return fields
    }
}
