import Foundation
import StapelModel
import Testing

/// Planning's parallel map: results in order whatever thread ran them, the first error in order, and one
/// thread only when asked for one.
@Suite struct ConcurrentMapTests {
    /// Records which threads ran the bodies.
    final class Threads: @unchecked Sendable {
        private let lock = NSLock()
        private var seen = Set<String>()
        func note() { lock.withLock { _ = seen.insert("\(pthread_self())") } }
        var count: Int { lock.withLock { seen.count } }
    }

    @Test(arguments: [1, 2, 3, 8]) func resultsKeepTheirOrder(width: Int) throws {
        let threads = Threads()
        let input = Array(0..<500)
        let output = try ConcurrentMap(width: width).map(input) { (n: Int) -> String in
            threads.note()
            // Uneven work, so that the threads finish out of order.
            var x = n
            for _ in 0..<(n % 7) * 2_000 { x = (x &* 31) &+ 7 }
            return "\(n):\(x & 1)"
        }
        #expect(output.map { Int($0.split(separator: ":")[0])! } == input)
        if width == 1 { #expect(threads.count == 1) }
    }

    @Test func moreThanOneThreadWorksWhenAllowed() throws {
        let threads = Threads()
        // Each element waits (up to two seconds) until both have started: only two threads can get there.
        let arrived = NSCondition()
        nonisolated(unsafe) var count = 0
        let together = try ConcurrentMap(width: 2).map([0, 1]) { (_: Int) -> Bool in
            threads.note()
            arrived.lock()
            defer { arrived.unlock() }
            count += 1
            arrived.broadcast()
            let deadline = Date(timeIntervalSinceNow: 2)
            while count < 2, arrived.wait(until: deadline) {}
            return count == 2
        }
        #expect(together == [true, true])
        #expect(threads.count == 2)
    }

    struct Failure: Error, Equatable { var n: Int }

    @Test(arguments: [1, 2, 4]) func theFirstErrorInOrderIsThrown(width: Int) {
        #expect(throws: Failure(n: 3)) {
            try ConcurrentMap(width: width).map(Array(0..<200)) { (n: Int) -> Int in
                if n == 3 || n == 150 { throw Failure(n: n) }
                return n
            }
        }
    }

    @Test func nothingAndOneElement() throws {
        #expect(try ConcurrentMap(width: 4).map([Int]()) { $0 }.isEmpty)
        #expect(try ConcurrentMap(width: 4).map([7]) { $0 * 2 } == [14])
    }
}
