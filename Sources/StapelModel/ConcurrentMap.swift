import Foundation

/// Independent pieces of planning — the survey file beside the label files, the survey's questions, each
/// question's request — run on up to `width` threads at once, the calling thread among them. The width is the
/// run's `--jobs`: a run asked to use one core plans on one, and one allowed two spends the serial part before
/// its first figure on both.
package struct ConcurrentMap: Sendable {
    /// Threads at most; 1 runs everything in order on the calling thread.
    package var width: Int

    package init(width: Int) { self.width = max(1, width) }

    /// Everything on the calling thread, in order.
    package static let serial = ConcurrentMap(width: 1)

    /// `body` applied to every element, results in order. Elements are handed out one at a time, so that a long
    /// element (the survey file beside a label file) does not hold up the others queued behind it. When bodies
    /// throw, the error of the first element in order is thrown, as a serial map would.
    ///
    /// Threads of its own rather than Dispatch's `concurrentPerform`, which runs a call made inside another one
    /// on a single thread: reading the survey's questions side by side happens while a label file is read.
    package func map<Element: Sendable, Value: Sendable>(_ elements: [Element],
                                                        _ body: @escaping @Sendable (Element) throws -> Value) throws -> [Value] {
        let lanes = min(width, elements.count)
        guard lanes > 1 else { return try elements.map(body) }
        let slots = Slots<Value>(count: elements.count)
        @Sendable func work() {
            while let index = slots.claim() {
                slots.store(Result { try body(elements[index]) }, at: index)
            }
        }
        let done = DispatchGroup()
        for _ in 1..<lanes {
            done.enter()
            let thread = Thread {
                work()
                done.leave()
            }
            // As the render threads: a secondary thread's default stack is smaller than the main thread's.
            thread.stackSize = 8 << 20
            thread.start()
        }
        work()
        done.wait()
        return try slots.results()
    }

    /// The results, filled in by several threads; each index is claimed by exactly one of them.
    private final class Slots<Value: Sendable>: @unchecked Sendable {
        private var values: [Result<Value, Error>?]
        private var next = 0
        private let lock = NSLock()

        init(count: Int) { values = Array(repeating: nil, count: count) }

        func claim() -> Int? {
            lock.withLock {
                guard next < values.count else { return nil }
                defer { next += 1 }
                return next
            }
        }

        func store(_ value: Result<Value, Error>, at index: Int) {
            lock.withLock { values[index] = value }
        }

        func results() throws -> [Value] { try values.map { try $0!.get() } }
    }
}
