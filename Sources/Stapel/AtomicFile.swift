import Foundation

/// Writes files so that a reader (or a killed run) sees either the old file or the new one, never a part:
/// the bytes go to a temporary name in the same folder, are flushed, then renamed over the target.
public enum AtomicFile {
    public static func write(_ bytes: [UInt8], to url: URL) throws {
        let folder = url.deletingLastPathComponent()
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let temporary = folder.appendingPathComponent(".\(url.lastPathComponent).tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
        let fd = open(temporary.path, O_WRONLY | O_CREAT | O_EXCL, 0o644)
        guard fd >= 0 else { throw WriteError(path: temporary.path, reason: String(cString: strerror(errno))) }
        var ok = false
        defer {
            if !ok { unlink(temporary.path) }
        }
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { raw in
                Foundation.write(fd, raw.baseAddress! + offset, bytes.count - offset)
            }
            if written < 0 {
                let reason = String(cString: strerror(errno))
                close(fd)
                throw WriteError(path: url.path, reason: reason)
            }
            offset += written
        }
        fsync(fd)
        close(fd)
        guard rename(temporary.path, url.path) == 0 else {
            throw WriteError(path: url.path, reason: String(cString: strerror(errno)))
        }
        ok = true
    }

    /// A file that could not be written.
    public struct WriteError: Error, CustomStringConvertible {
        public var path: String
        public var reason: String
        public var description: String { "error: cannot write '\(path)': \(reason)" }
    }
}
