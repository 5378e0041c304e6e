import Foundation

/// Flushes the file systems a build writes to while it is still writing, on a thread of its own, so that the
/// flush the build state waits for at the end (`finish()`) has only the last few files left to flush.
///
/// Why: one flush at the end of a build waited 6–67 ms here (the disk's latency, and whatever else is waiting
/// to be written to the same file system), with nothing else left to do; `syncfs` itself takes almost no CPU
/// (0.3 ms for 456 files). Flushed behind the writers in batches, that wait falls in the time the workers
/// render anyway. Flushing each file as it is written instead (`fsync`, or `sync_file_range`) made the writers
/// wait or work: a sixth of a chart build's time, or 0.1 s of CPU for the full report.
///
/// What `finish()` promises is what one flush at the end did: every file `wrote(into:)` was told of is on disk
/// when it returns.
package final class FlushBehind: @unchecked Sendable {
    /// Files written since the last flush began before the next one is started: each `syncfs` also commits
    /// the file system's journal and writes whatever else is waiting on it (here 0.3 ms with nothing of ours,
    /// 0.6 ms for one file, 3.5 ms for 20), so flushes are kept a batch apart.
    private let batch: Int
    /// Flushes the file systems holding the folders (`AtomicFile.flushFileSystems`; a test's recorder).
    private let flush: @Sendable (Set<URL>) -> Void
    private let condition = NSCondition()
    /// Every folder written into so far (a flush covers the file systems that hold them).
    private var folders = Set<URL>()
    /// Files written so far; how many of them the last flush begun, and the last flush finished, cover.
    private var written = 0
    private var started = 0
    private var flushed = 0
    private var finishing = false

    /// `batch`: see above; the build passes an eighth of its outputs, at least 16.
    package init(batch: Int, flush: @escaping @Sendable (Set<URL>) -> Void = { AtomicFile.flushFileSystems(holding: $0) }) {
        self.batch = max(1, batch)
        self.flush = flush
        let thread = Thread { [self] in flushWhileWriting() }
        thread.start()
    }

    /// Tells the flusher that a file was written (renamed into place) in `folder`.
    package func wrote(into folder: URL) {
        condition.lock()
        defer { condition.unlock() }
        folders.insert(folder)
        written += 1
        if written - started >= batch { condition.broadcast() }
    }

    /// Returns once every file written so far is on disk. A background flush under way that covers them all is
    /// waited for; otherwise the rest is flushed here, on the caller's thread (beside a background flush still
    /// under way: `syncfs` also waits for what is being written when it is called).
    package func finish() {
        condition.lock()
        finishing = true
        condition.broadcast()
        if started == written {
            while flushed < written { condition.wait() }
            condition.unlock()
            return
        }
        let folders = self.folders
        condition.unlock()
        flush(folders)
    }

    private func flushWhileWriting() {
        condition.lock()
        while !finishing {
            if written - started >= batch {
                // A flush covers what was written before it began: `syncfs` writes what is dirty when called.
                let through = written
                let folders = self.folders
                started = through
                condition.unlock()
                flush(folders)
                condition.lock()
                flushed = through
                condition.broadcast()
            } else {
                condition.wait()
            }
        }
        condition.unlock()
    }
}
