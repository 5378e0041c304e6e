import Foundation
import Stapel
import Testing

/// The file systems a build writes to are flushed behind its writers in batches, and `finish()` returns only
/// once every file it was told of is covered by a flush that began after the file was written and has ended.
@Suite struct FlushBehindTests {
    /// A flush that records what it was asked to flush and waits until the test lets it end.
    final class Recorder: @unchecked Sendable {
        private let lock = NSLock()
        private var started: [Set<URL>] = []
        private var ended = 0
        let began = DispatchSemaphore(value: 0)
        let release = DispatchSemaphore(value: 0)

        func flush(_ folders: Set<URL>) {
            lock.withLock { started.append(folders) }
            began.signal()
            release.wait()
            lock.withLock { ended += 1 }
        }

        var flushes: [Set<URL>] { lock.withLock { started } }
        var endedCount: Int { lock.withLock { ended } }
    }

    let a = URL(fileURLWithPath: "/out/sv")
    let b = URL(fileURLWithPath: "/out/en")

    /// Runs `finish()` on a thread of its own; the semaphore is signalled when it returns.
    func finishing(_ flusher: FlushBehind) -> DispatchSemaphore {
        let returned = DispatchSemaphore(value: 0)
        Thread {
            flusher.finish()
            returned.signal()
        }.start()
        return returned
    }

    @Test func aBatchIsFlushedBehindTheWritersAndTheRestByFinish() {
        let recorder = Recorder()
        let flusher = FlushBehind(batch: 3) { recorder.flush($0) }
        flusher.wrote(into: a)
        flusher.wrote(into: a)
        #expect(recorder.began.wait(timeout: .now() + 0.1) == .timedOut, "no flush before a batch is written")
        flusher.wrote(into: a)
        #expect(recorder.began.wait(timeout: .now() + 5) == .success, "a batch starts a background flush")
        // Written while that flush is under way: not covered by it.
        flusher.wrote(into: b)
        let returned = finishing(flusher)
        #expect(recorder.began.wait(timeout: .now() + 5) == .success, "finish flushes what the background flush does not cover")
        #expect(recorder.flushes.count == 2)
        #expect(recorder.flushes.last == [a, b])
        #expect(returned.wait(timeout: .now() + 0.1) == .timedOut, "finish waits for its flush to end")
        recorder.release.signal()
        recorder.release.signal()
        #expect(returned.wait(timeout: .now() + 5) == .success)
        #expect(recorder.endedCount >= 1)
        #expect(recorder.flushes.count == 2)
    }

    @Test func finishWaitsForABackgroundFlushThatCoversEverything() {
        let recorder = Recorder()
        let flusher = FlushBehind(batch: 2) { recorder.flush($0) }
        flusher.wrote(into: a)
        flusher.wrote(into: b)
        #expect(recorder.began.wait(timeout: .now() + 5) == .success)
        let returned = finishing(flusher)
        #expect(returned.wait(timeout: .now() + 0.2) == .timedOut, "the files are not on disk before that flush ends")
        recorder.release.signal()
        #expect(returned.wait(timeout: .now() + 5) == .success)
        #expect(recorder.flushes == [[a, b]], "nothing is flushed twice")
        #expect(recorder.endedCount == 1)
    }

    @Test func finishWithNothingWrittenFlushesNothing() {
        let recorder = Recorder()
        let flusher = FlushBehind(batch: 1) { recorder.flush($0) }
        flusher.finish()
        #expect(recorder.flushes.isEmpty)
    }

    /// Many writers, a flush that takes a while: the last flush to end covers every folder, and began after
    /// the last write (finish is called once the writers are done).
    @Test func manyWritersEveryFileCovered() {
        final class Timed: @unchecked Sendable {
            private let lock = NSLock()
            var flushes: [(folders: Set<URL>, ended: Bool)] = []
            func flush(_ folders: Set<URL>) {
                let index = lock.withLock { flushes.append((folders, false)); return flushes.count - 1 }
                usleep(3_000)
                lock.withLock { flushes[index].ended = true }
            }
            var all: [(folders: Set<URL>, ended: Bool)] { lock.withLock { flushes } }
        }
        let timed = Timed()
        let flusher = FlushBehind(batch: 8) { timed.flush($0) }
        let folders = (0..<4).map { URL(fileURLWithPath: "/out/\($0)") }
        DispatchQueue.concurrentPerform(iterations: 4) { writer in
            for _ in 0..<50 {
                flusher.wrote(into: folders[writer])
                usleep(200)
            }
        }
        flusher.finish()
        let flushes = timed.all
        #expect(flushes.count >= 2, "batches were flushed while writing")
        #expect(flushes.count < 200 / 8 + 2, "in batches, not per file")
        #expect(flushes.last?.folders == Set(folders))
        #expect(flushes.last?.ended == true)
    }
}
