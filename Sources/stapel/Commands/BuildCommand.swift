import ArgumentParser
import Foundation
import Stapel

/// `stapel build [MANIFEST]`: renders what a report manifest (`stapel.yaml`) names, in parallel, rewriting only
/// outputs whose inputs changed.
struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Render the outputs a manifest (stapel.yaml) names, rewriting only what changed.",
        discussion: """
            Exit codes: 0 ok; 1 data, label, style or manifest error, or with --check outputs missing or stale; \
            2 usage error; 3 a backend failed for some output (the others were written).

            Example: stapel build stapel.yaml --jobs 2    (again with --check in CI)
            """)

    @Argument(help: "The manifest.")
    var manifest: String = ManifestReader.defaultFileName

    @Flag(help: "Render and rewrite every output, even those that are up to date.")
    var force = false

    @Flag(help: "Remove outputs that an earlier build wrote but the manifest no longer names.")
    var prune = false

    @Flag(help: "Fail (exit 1) when there is any warning: the data's, a layout's or a backend's.")
    var strict = false

    @Flag(help: "Write nothing; exit 1 listing the outputs that are missing or stale.")
    var check = false

    @Option(name: .long, help: "Seconds an external backend may take per output (default: the manifest's, else 60).")
    var backendTimeout: Double?

    @OptionGroup var output: BuildOutputOptions

    func validate() throws {
        if force && check { throw ValidationError("--force and --check exclude each other") }
        if prune && check { throw ValidationError("--prune and --check exclude each other: --check writes and removes nothing") }
        if let backendTimeout, backendTimeout <= 0 { throw ValidationError("--backend-timeout needs seconds above 0") }
    }

    func run() throws {
        let reporter = BuildReporter(output)
        let url = URL(fileURLWithPath: manifest)
        guard FileManager.default.fileExists(atPath: url.path) else {
            reporter.error("error: no manifest '\(manifest)'; run in a folder holding \(ManifestReader.defaultFileName) or name the file")
            throw ExitCode(ExitStatus.usage)
        }
        var jobs: [QuestionJob] = []
        var documents: [DocumentJob] = []
        var warnings: [String] = []
        var replayed: RunRecord?
        var draft: RunRecord.Draft?
        do {
            let manifest = try ManifestReader.load(url)
            let finder = ManifestPlanner.finder(manifest, extraFolders: stapelExecutableFolder.map { [$0] } ?? [],
                                                timeout: backendTimeout)
            let registry = try BackendRegistry.builtIn.resolving(ManifestPlanner.formats(manifest), with: finder)
            let plans = try ManifestPlanner.plans(manifest, builtIn: registry)
            // The same manifest with nothing changed since it last built: its record says so without planning.
            let key = force || check || prune ? nil : RunRecord.key(for: plans, extra: [url.standardizedFileURL.path])
            if let key, let record = RunRecord.unchanged(key: key, roots: plans.map(\.outputDirectory), complete: true) {
                replayed = record
            } else {
                let stamps = RunRecord.stamps(of: plans, extraInputs: [url])
                (jobs, documents, warnings) = try RenderPipeline(registry: registry, threads: output.jobCount).jobs(for: plans)
                draft = key.map { RunRecord.Draft(key: $0, stamps: stamps, jobs: jobs, documents: documents, warnings: warnings) }
            }
        } catch {
            throw ExitCode(reporter.planningFailed(error, unknownFormatIsUsage: false))
        }
        if let replayed {
            let code = reporter.replay(replayed, strict: strict)
            if code != ExitStatus.ok { throw ExitCode(code) }
            return
        }
        // The manifest names everything its output folders should hold: outputs it no longer names are reported
        // (by --check as stale) and removed with --prune.
        let code = reporter.execute(jobs, documents: documents, warnings: warnings, force: force, check: check, complete: true,
                                    prune: prune, strict: strict, record: draft)
        if code != ExitStatus.ok { throw ExitCode(code) }
    }
}
