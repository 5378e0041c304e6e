import Foundation
import StapelCairo

/// What one successful run read and wrote, kept in each of its output folders' state: the command (`key`),
/// every file and folder it read with its size and modification time, its outputs and its warnings. When the
/// same command runs again and finds every input as recorded and every output as the state says it wrote it,
/// nothing it depends on can have changed, so the run reports the outputs unchanged without reading the survey
/// at all — as `make` and `ninja` judge by time stamps, and as Stapel already judges its outputs.
///
/// The inputs: the survey folder, `survey.yaml` and the label files; the styles folder and its files; the logo;
/// the manifest; the font files drawn with, fontconfig's configuration files, font folders and caches (so that
/// an installed or removed font is noticed); and the `stapel` executable itself. Commands with an external
/// backend are never taken from a record (the program on PATH could change without a trace), nor are `--force`,
/// `--check` and `--prune`.
package struct RunRecord: Codable, Equatable, Sendable {
    package var key: String
    /// Stamps of the files and folders read, by path.
    package var inputs: [String: FileStamp]
    /// Files and folders looked for and not found (a style file, a label set, the styles folder): one appearing
    /// would change what the command reads.
    package var absent: [String]
    package var outputs: [Output]
    /// The run's warnings (the data's, the fonts', the layouts', the backends'), reported again.
    package var warnings: [String]

    package init(key: String, inputs: [String: FileStamp], absent: [String], outputs: [Output], warnings: [String]) {
        self.key = key
        self.inputs = inputs
        self.absent = absent
        self.outputs = outputs
        self.warnings = warnings
    }

    /// One output, as a build reports it.
    package struct Output: Codable, Equatable, Sendable {
        package var root: String
        package var relativePath: String
        package var question: String?
        package var language: String
        package var format: String

        package init(root: String, relativePath: String, question: String?, language: String, format: String) {
            self.root = root
            self.relativePath = relativePath
            self.question = question
            self.language = language
            self.format = format
        }

        /// The output's file.
        package var path: String { RenderPlan.path(relativePath, in: root) }

        package var info: OutputInfo {
            OutputInfo(output: URL(fileURLWithPath: path, isDirectory: false), questionID: question, language: language, format: format)
        }
    }

    /// The environment variables that change which fonts and configuration fontconfig reads.
    static let environmentKeys = ["FONTCONFIG_FILE", "FONTCONFIG_PATH", "FONTCONFIG_SYSROOT", "HOME",
                                  "XDG_CACHE_HOME", "XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_DATA_DIRS"]

    /// The key of a command made of `plans` (plus `extra`, e.g. the manifest's path); nil when a format is not
    /// one of Stapel's own backends.
    package static func key(for plans: [RenderPlan], builtIn: BackendRegistry = .builtIn, extra: [String] = []) -> String? {
        let own = Set(builtIn.allNames)
        guard plans.allSatisfy({ $0.formats.allSatisfy(own.contains) }) else { return nil }
        let skipped = CanonicalValue.positionFields.union(["origin"])
        let described: [CanonicalValue] = plans.map { plan in
            .object([
                .init("survey", .string(plan.surveyDirectory.standardizedFileURL.path)),
                .init("output", .string(plan.outputDirectory.standardizedFileURL.path)),
                .init("styles", .string(plan.stylesDirectory.standardizedFileURL.path)),
                .init("formats", .array(plan.formats.map { .string($0) })),
                .init("languages", .array(plan.languages.map { .string($0) })),
                .init("style", .string(plan.style)),
                .init("questions", .array(plan.questions.map { .string($0) })),
                .init("options", RunRecord.canonical(plan.options)),
                .init("fallback", plan.fallbackLanguage.map { .string($0) } ?? .null),
                .init("overrides", plan.overrides.isEmpty ? .array([]) : CanonicalValue(reflecting: plan.overrides, skipping: skipped)),
                .init("page", RunRecord.canonical(plan.page)),
            ])
        }
        // Where fontconfig looks for its configuration and fonts can move with the environment.
        let environment = ProcessInfo.processInfo.environment
        let variables = environmentKeys.map { CanonicalValue.Member($0, environment[$0].map { .string($0) } ?? .null) }
        let value: CanonicalValue = .object([
            .init("stapel", .string(StapelVersion.current)),
            .init("plans", .array(described)),
            .init("extra", .array(extra.map { .string($0) })),
            .init("environment", .object(variables)),
        ])
        return InputDigest.hash(value)
    }

    /// The options and the page adjustment as `CanonicalValue(reflecting:)` gives them, written out: reflection
    /// looks every type up among the program's 18,000 protocol conformances the first time it meets it, which
    /// was a tenth of a no-change run's instructions (tested equal to the reflected values).
    package static func canonical(_ options: RenderOptions) -> CanonicalValue {
        .object(options.values.sorted { $0.key < $1.key }.map { .init($0.key, .string($0.value)) })
    }

    package static func canonical(_ page: RenderPlan.PageAdjustment) -> CanonicalValue {
        func number(_ value: Double?) -> CanonicalValue { value.map { .number($0) } ?? .null }
        return .object([.init("widthMM", number(page.widthMM)), .init("dpi", number(page.dpi)),
                        .init("aspectRatio", number(page.aspectRatio))])
    }

    /// The record of the last run of `key` in `roots`, when every root holds it, every input still has its
    /// stamp and every output the stamp its state records; with `complete`, also no output beyond them.
    /// Reads only the record files beside the states (`RunRecordFile`) and the states' bytes, never decodes a state.
    package static func unchanged(key: String, roots: [URL], complete: Bool) -> RunRecord? {
        var files: [String: RunRecordFile] = [:]
        for root in Set(roots.map { $0.standardizedFileURL.path }) {
            let folder = URL(fileURLWithPath: root, isDirectory: true)
            let state = FileManager.default.contents(atPath: BuildState.url(in: folder).path).map { Array($0) }
            guard let file = RunRecordFile.load(from: folder, stateBytes: state), file.record.key == key, files.first.map({ $0.value.record == file.record }) ?? true,
                  !complete || file.complete else { return nil }
            files[root] = file
        }
        guard let record = files.first?.value.record else { return nil }
        for (path, stamp) in record.inputs where FileStamp.of(path) != stamp { return nil }
        for path in record.absent where FileStamp.of(path) != nil { return nil }
        for output in record.outputs {
            // A record names outputs inside its own folders only (a state file edited by hand may say otherwise).
            guard let file = files[output.root], RecordedPath.staysInside(output.relativePath) else { return nil }
            guard let stamp = file.outputStamps[output.relativePath],
                  FileStamp.of(output.path) == stamp else { return nil }
        }
        return record
    }

    /// The stamps of what `plans` will read, taken before planning reads it (a file changed while the run goes on
    /// then no longer matches the record): the survey and styles folders and their YAML files, the label and style
    /// files looked for, fontconfig's files and folders (where a format uses fonts), `extraInputs` (the manifest) and the executable.
    package static func stamps(of plans: [RenderPlan], extraInputs: [URL] = []) -> Stamps {
        var paths = Set(extraInputs.map(\.path))
        for plan in plans {
            paths.insert(plan.stylesDirectory.appendingPathComponent("\(plan.style).yaml", isDirectory: false).path)
            for language in plan.languages {
                paths.insert(plan.surveyDirectory.appendingPathComponent("labels/\(language).yaml", isDirectory: false).path)
            }
            for folder in [plan.surveyDirectory, plan.surveyDirectory.appendingPathComponent("labels", isDirectory: true),
                           plan.stylesDirectory] {
                paths.insert(folder.path)
                for name in (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [] where name.hasSuffix(".yaml") {
                    paths.insert(folder.appendingPathComponent(name, isDirectory: false).path)
                }
            }
        }
        if let executable = ExecutablePath.current { paths.insert(executable.path) }
        var stamps = Stamps()
        stamps.add(paths)
        // Fontconfig's files are stamped on a thread of their own, once the background load of the drawing
        // libraries (which reads fontconfig's configuration, `GraphicsLibraries.preload`) is done, while planning
        // goes on. Only where something draws with fonts: tables alone depend on no font (and need no drawing
        // library loaded).
        guard plans.contains(where: { BackendRegistry.builtIn.usesFonts($0.formats) }) else { return stamps }
        stamps.fontconfig = Background {
            var fontconfig = Stamps()
            fontconfig.add(FontFiles.configurationPaths())
            return fontconfig
        }
        return stamps
    }

    /// Stamps of files and folders, and the paths found absent.
    package struct Stamps: Sendable {
        package var inputs: [String: FileStamp] = [:]
        package var absent: Set<String> = []
        /// Fontconfig's files, stamped beside planning (`stamps(of:)`); merged into the record by `Draft`.
        var fontconfig: Background<Stamps>?

        mutating func add(_ paths: some Sequence<String>) {
            for path in paths where inputs[path] == nil && !absent.contains(path) {
                if let stamp = FileStamp.of(path) { inputs[path] = stamp } else { absent.insert(path) }
            }
        }

        /// `other`'s stamps of the paths not stamped here yet, as `add` would have taken them.
        mutating func merge(_ other: Stamps) {
            for (path, stamp) in other.inputs where inputs[path] == nil && !absent.contains(path) { inputs[path] = stamp }
            for path in other.absent where inputs[path] == nil { absent.insert(path) }
        }
    }

    /// What a run will record when it wrote or kept every output: made before the build, completed by it
    /// (`BuildRunner.record`) with the font files it hashed and every warning, and saved with its state.
    package struct Draft: Sendable {
        var key: String
        var stamps: Stamps
        var outputs: [Output]
        var warnings: [String]

        /// - Parameter stamps: from `stamps(of:)`, before planning; the logos the jobs' styles name are added.
        package init(key: String, stamps: Stamps, jobs: [QuestionJob], documents: [DocumentJob], warnings: [String]) {
            var stamps = stamps
            if let fontconfig = stamps.fontconfig?.value { stamps.merge(fontconfig) }
            stamps.fontconfig = nil
            stamps.add(jobs.compactMap { $0.request.style.page.logo } + documents.compactMap { $0.context.style.logoURL?.path })
            self.key = key
            self.stamps = stamps
            self.warnings = warnings
            var folders = RenderPlan.StandardFolders()
            outputs = jobs.flatMap { job in
                job.outputs.map { output in
                    Output(root: folders.path(of: output.root), relativePath: output.relativePath,
                           question: output.questionID, language: output.language, format: output.format)
                }
            } + documents.map { document in
                Output(root: folders.path(of: document.root), relativePath: document.relativePath,
                       question: nil, language: document.info.language, format: document.info.format)
            }
        }

        /// The record, with the font files drawn with (their stamps as hashed) and the build's own warnings.
        func finished(fonts: [String: FontFingerprint.FileRecord], warnings buildWarnings: [String]) -> RunRecord {
            var inputs = stamps.inputs
            for (path, record) in fonts { inputs[path] = record.stamp }
            return RunRecord(key: key, inputs: inputs, absent: stamps.absent.sorted(), outputs: outputs,
                             warnings: warnings + buildWarnings)
        }
    }
}
