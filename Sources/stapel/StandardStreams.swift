import Foundation

/// Writes to standard output and error with write(2), never through `FileHandle.write`, which traps
/// ("Fatal error: 'try!' … Broken pipe") when the reader has gone away (`stapel build --verbose | head -1`).
/// SIGPIPE is ignored at start-up (`StapelCommand.main`), so a closed pipe shows as EPIPE here: the stream is
/// then marked closed and later output to it is dropped quietly; the command runs on and exits with its own
/// status. Output is never retried.
enum StandardStream {
    nonisolated(unsafe) private static var closed: Set<Int32> = []
    private static let lock = NSLock()

    static func ignoreBrokenPipes() { signal(SIGPIPE, SIG_IGN) }

    static func out(_ text: String) { write(STDOUT_FILENO, text) }
    static func err(_ text: String) { write(STDERR_FILENO, text) }

    static func write(_ fd: Int32, _ text: String) {
        lock.lock()
        defer { lock.unlock() }
        guard !closed.contains(fd) else { return }
        var bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeMutableBytes { raw in Foundation.write(fd, raw.baseAddress! + offset, raw.count - offset) }
            if n < 0 {
                if errno == EINTR { continue }
                closed.insert(fd)   // EPIPE, EBADF, EIO …: the reader is gone; drop the rest quietly
                return
            }
            offset += n
        }
        bytes.removeAll()
    }
}
