import Foundation

/// Writes files so that a reader (or a killed run) sees either the old file or the new one, never a part:
/// the bytes go to a temporary name in the same folder (`.stapel-tmp-<pid>-<random>.<name>`), then are renamed
/// over the target. A run killed between the two steps leaves only a temporary file, which
/// `removeAbandonedTemporaries(in:)` deletes on the next run. For a machine that goes down, the bytes and the
/// rename are flushed to disk: at once (`.now`: fsync of the file, then of its folder), or, for the many files
/// of a build, all together once they are written (`.deferred`, then `flushFileSystems(holding:)`).
package enum AtomicFile {
    /// The prefix of temporary names; no output is ever named like this.
    package static let temporaryPrefix = ".stapel-tmp-"

    /// When a write reaches the disk.
    package enum Durability {
        /// Before `write` returns: the file, then its folder (a single file, such as the build state).
        case now
        /// When the caller flushes the file systems it wrote to (`flushFileSystems(holding:)`), before it records
        /// the files as done: one flush for a build's hundreds of outputs instead of two for each (which cost a
        /// sixth of a chart build's time here). A machine that goes down before then may lose the files and
        /// renames, but not their atomicity: each file is still old or new.
        case deferred
    }

    package static func write(_ bytes: [UInt8], to url: URL, durability: Durability = .now) throws {
        let folder = url.deletingLastPathComponent()
        try checkNoEscapingLink(url)
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw WriteError(path: folder.path, reason: "cannot create the folder")
        }
        let random = String(UInt64.random(in: 0...UInt64.max), radix: 16)
        let temporary = folder.appendingPathComponent("\(temporaryPrefix)\(getpid())-\(random).\(url.lastPathComponent)", isDirectory: false)
        let fd = open(temporary.path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw WriteError(path: url.path, reason: String(cString: strerror(errno))) }
        var renamed = false
        defer {
            if !renamed { unlink(temporary.path) }
        }
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { raw in
                Foundation.write(fd, raw.baseAddress! + offset, bytes.count - offset)
            }
            if written < 0 {
                if errno == EINTR { continue }
                let reason = String(cString: strerror(errno))
                close(fd)
                throw WriteError(path: url.path, reason: reason)
            }
            offset += written
        }
        if durability == .now, fsync(fd) != 0 {
            let reason = String(cString: strerror(errno))
            close(fd)
            throw WriteError(path: url.path, reason: reason)
        }
        close(fd)
        guard rename(temporary.path, url.path) == 0 else {
            throw WriteError(path: url.path, reason: String(cString: strerror(errno)))
        }
        renamed = true
        if durability == .now { syncFolder(folder) }
    }

    /// Flushes a folder, so that the renames made in it survive a crash.
    package static func syncFolder(_ folder: URL) {
        let folderFD = open(folder.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if folderFD >= 0 {
            fsync(folderFD)
            close(folderFD)
        }
    }

    #if os(Linux)
    /// glibc's `syncfs`, which Swift's Glibc module does not declare (it is behind `_GNU_SOURCE`).
    private static let syncfs: (@convention(c) (Int32) -> Int32)? = {
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "syncfs") else { return nil }
        return unsafeBitCast(symbol, to: (@convention(c) (Int32) -> Int32).self)
    }()
    #endif

    /// Flushes everything written to the file systems that hold `folders` (files, renames, folders): once per
    /// file system (Linux `syncfs`; elsewhere `sync`).
    package static func flushFileSystems(holding folders: some Collection<URL>) {
        guard !folders.isEmpty else { return }
        #if os(Linux)
        var devices = Set<UInt64>()
        for folder in folders {
            var info = stat()
            guard stat(folder.path, &info) == 0, devices.insert(UInt64(info.st_dev)).inserted else { continue }
            let fd = open(folder.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
            guard fd >= 0 else { continue }
            if let syncfs = AtomicFile.syncfs { _ = syncfs(fd) } else { fsync(fd); sync() }
            close(fd)
        }
        #else
        sync()
        #endif
    }

    /// Deletes the temporary files that a killed run left in `folder` and its subfolders: those whose process
    /// no longer exists. Files of a live process (another build writing into the same folder) are kept.
    /// Returns what was deleted.
    @discardableResult
    /// With `recursive: false` only `folder` itself is listed, by name (a build lists the folders it writes
    /// into, where its temporaries are made, without a `stat` of every file below them).
    package static func removeAbandonedTemporaries(in folder: URL, recursive: Bool = true) -> [URL] {
        let candidates: [URL]
        if recursive {
            guard let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil) else { return [] }
            candidates = enumerator.compactMap { $0 as? URL }
        } else {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
            candidates = names.filter(isTemporary).map { folder.appendingPathComponent($0, isDirectory: false) }
        }
        var removed: [URL] = []
        for url in candidates where url.lastPathComponent.hasPrefix(temporaryPrefix) {
            let rest = url.lastPathComponent.dropFirst(temporaryPrefix.count)
            guard let pid = Int32(rest.prefix { $0.isNumber }) else { continue }
            if pid != getpid(), kill(pid, 0) != 0, errno == ESRCH, unlink(url.path) == 0 {
                removed.append(url)
            }
        }
        return removed
    }

    /// Refuses a target that is a symbolic link, and a folder on the way to it that is a symbolic link leading
    /// out of the folder it sits in: `Output/figures -> /etc` would otherwise put outputs outside the output
    /// folder. Folders checked are those below the working directory (the project) when the target lies
    /// there, else the target's own folder; links above them are the user's environment and are followed.
    static func checkNoEscapingLink(_ url: URL) throws {
        let target = url.standardizedFileURL.path
        var info = stat()
        if lstat(target, &info) == 0, (info.st_mode & S_IFMT) == S_IFLNK {
            throw WriteError(path: url.path, reason: "it is a symbolic link; refusing to write through it (remove the link)")
        }
        let cwd = URL(fileURLWithPath: FileManager.default.currentDirectoryPath).standardizedFileURL.path
        var components = URL(fileURLWithPath: target).deletingLastPathComponent().pathComponents
        var base: [String]
        if target.hasPrefix(cwd.hasSuffix("/") ? cwd : cwd + "/") {
            base = URL(fileURLWithPath: cwd).pathComponents
        } else {
            base = Array(components.dropLast())
        }
        guard components.count > base.count else { return }
        var current = NSString.path(withComponents: base)
        components = Array(components.dropFirst(base.count))
        for component in components {
            let next = (current as NSString).appendingPathComponent(component)
            if lstat(next, &info) != 0 { return }   // the rest does not exist yet: createDirectory makes real folders
            if (info.st_mode & S_IFMT) == S_IFLNK {
                let resolved = URL(fileURLWithPath: next).resolvingSymlinksInPath().path
                let parent = URL(fileURLWithPath: current).resolvingSymlinksInPath().path
                let inside = resolved == parent || resolved.hasPrefix(parent.hasSuffix("/") ? parent : parent + "/")
                var resolvedInfo = stat()
                if !inside || stat(next, &resolvedInfo) != 0 {
                    throw WriteError(path: url.path, reason: "the folder '\(next)' is a symbolic link to '\(resolved)', "
                                     + "outside the folder it is in (or a dangling link or loop); refusing to write through it")
                }
            }
            current = next
        }
    }

    /// Whether `name` is a temporary name of `write`.
    package static func isTemporary(_ name: String) -> Bool { name.hasPrefix(temporaryPrefix) }

    /// A file that could not be written.
    package struct WriteError: Error, CustomStringConvertible, Sendable {
        package var path: String
        package var reason: String
        package var description: String { "cannot write '\(path)': \(reason)" }
    }
}
