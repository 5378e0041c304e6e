import Foundation

/// Writes files so that a reader (or a killed run) sees either the old file or the new one, never a part:
/// the bytes go to a temporary name in the same folder (`.stapel-tmp-<pid>-<random>.<name>`), are flushed
/// with fsync, then renamed over the target, and the folder is flushed so that the rename itself survives a
/// crash. A run killed between the two steps leaves only a temporary file, which
/// `removeAbandonedTemporaries(in:)` deletes on the next run.
package enum AtomicFile {
    /// The prefix of temporary names; no output is ever named like this.
    package static let temporaryPrefix = ".stapel-tmp-"

    /// With `syncingFolder: false` the folder is not flushed here: a caller writing many files into a few
    /// folders flushes each once when it is done (`syncFolder(_:)`), so a crash before then may lose renames —
    /// each file is still either old or new.
    package static func write(_ bytes: [UInt8], to url: URL, syncingFolder: Bool = true) throws {
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
        guard fsync(fd) == 0 else {
            let reason = String(cString: strerror(errno))
            close(fd)
            throw WriteError(path: url.path, reason: reason)
        }
        close(fd)
        guard rename(temporary.path, url.path) == 0 else {
            throw WriteError(path: url.path, reason: String(cString: strerror(errno)))
        }
        renamed = true
        if syncingFolder { syncFolder(folder) }
    }

    /// Flushes a folder, so that the renames made in it survive a crash.
    package static func syncFolder(_ folder: URL) {
        let folderFD = open(folder.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if folderFD >= 0 {
            fsync(folderFD)
            close(folderFD)
        }
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
