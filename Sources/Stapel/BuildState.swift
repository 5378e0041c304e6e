import Foundation

/// What an output folder holds, as recorded by the last build: for each output (by path relative to the
/// folder), the digest of the inputs it was rendered from and the digest of the bytes written. Kept in
/// `DIR/.stapel-state.json`. An output is up to date when its file exists, its bytes still have the recorded
/// digest, and its inputs still digest to the recorded value.
package struct BuildState: Sendable, Equatable {
    package static let fileName = ".stapel-state.json"
    package static let format = "stapel-state/1"

    /// One output's record.
    package struct Entry: Sendable, Equatable, Codable {
        /// `InputDigest` of what it was rendered from.
        package var inputs: String
        /// SHA-256 of the file's bytes.
        package var output: String
        /// What the render warned about (layout and backend warnings), so that a build that skips the output
        /// still reports them; nil when there were none.
        package var warnings: [String]?
        /// The file's size and modification time when the build wrote or last hashed it. While both are
        /// unchanged the file is taken to hold `output` without reading it (as git's index does); any
        /// difference — another machine, a copy, an edit — and the bytes are hashed.
        package var stamp: FileStamp?

        package init(inputs: String, output: String, warnings: [String] = [], stamp: FileStamp? = nil) {
            self.inputs = inputs
            self.output = output
            self.warnings = warnings.isEmpty ? nil : warnings
            self.stamp = stamp
        }
    }

    package var entries: [String: Entry]
    /// The font files hashed for the outputs' fingerprints, by path, so that the next build reads them only
    /// when they changed (`FontFingerprint`).
    package var fonts: [String: FontFingerprint.FileRecord]

    /// The last successful run's record (`RunRecord`), which lets the same command find nothing changed
    /// without reading its inputs; kept beside the state, in `.stapel-run` (`RunRecordFile`).
    package var run: RunRecord?

    package init(entries: [String: Entry] = [:], fonts: [String: FontFingerprint.FileRecord] = [:], run: RunRecord? = nil) {
        self.entries = entries
        self.fonts = fonts
        self.run = run
    }

    package static func url(in folder: URL) -> URL { folder.appendingPathComponent(fileName, isDirectory: false) }

    /// The state recorded in `folder`; empty when there is none, or when it is unreadable or from another
    /// version of the format (everything is then rendered and compared byte for byte, so nothing is lost).
    /// Its run record is read from beside it (`RunRecordFile`) when it was written with this very state.
    package static func load(from folder: URL) -> BuildState {
        guard let data = FileManager.default.contents(atPath: url(in: folder).path),
              let file = try? JSONDecoder().decode(File.self, from: data), file.format == format else {
            return BuildState()
        }
        // An entry naming a path outside the folder is no output of a build (someone edited the file): dropped,
        // so that neither `--prune` nor a check ever reaches outside.
        var state = BuildState(entries: file.outputs.filter { RecordedPath.staysInside($0.key) }, fonts: file.fonts ?? [:])
        if let record = RunRecordFile.load(from: folder, stateBytes: Array(data)), record.agrees(with: state) {
            state.run = record.record
        }
        return state
    }

    /// Writes the state atomically, keys sorted so that the file itself is stable, and its run record beside it.
    package func save(to folder: URL) throws {
        try write(try encoded(), to: folder)
    }

    /// The state file's bytes (`save` writes them).
    package func encoded() throws -> [UInt8] {
        BuildStateWriter(format: BuildState.format, stapel: StapelVersion.current, outputs: entries,
                         fonts: fonts.isEmpty ? nil : fonts).bytes + [0x0A]
    }

    /// Writes `bytes` (from `encoded()`) as the state of `folder`, and the run record beside it.
    package func write(_ bytes: [UInt8], to folder: URL) throws {
        // The old record goes first: whatever stops this save, no record is left beside a state it does not
        // describe (and one that were would not be believed: it names the state's digest).
        let recordURL = RunRecordFile.url(in: folder)
        if unlink(recordURL.path) != 0, errno != ENOENT {
            throw AtomicFile.WriteError(path: recordURL.path, reason: String(cString: strerror(errno)))
        }
        try AtomicFile.write(bytes, to: BuildState.url(in: folder))
        if let run {
            // Not flushed at once: a record lost to a crash only makes the next run plan.
            let file = RunRecordFile(record: run, root: folder.standardizedFileURL.path, state: self, stateBytes: bytes)
            try AtomicFile.write(file.encoded(), to: recordURL, durability: .deferred)
        }
    }

    private struct File: Codable {
        var format: String
        var stapel: String
        var outputs: [String: Entry]
        var fonts: [String: FontFingerprint.FileRecord]?
    }
}

/// A file's size and modification time (nanoseconds since 1970), from `stat`.
package struct FileStamp: Sendable, Equatable, Codable {
    package var size: Int64
    package var modified: Int64

    package init(size: Int64, modified: Int64) {
        self.size = size
        self.modified = modified
    }

    /// The stamp of the file at `path`; nil when there is none.
    package static func of(_ path: String) -> FileStamp? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return FileStamp(size: Int64(info.st_size),
                         modified: Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec))
    }
}
