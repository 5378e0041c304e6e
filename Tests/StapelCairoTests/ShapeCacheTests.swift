import Foundation
@testable import StapelCairo
import StapelLayout
import Testing

/// The shaping cache is in the path Pango takes (its `hb_shape` is the one the dynamic linker gives Pango, in
/// this test binary as in `stapel`), answers repeated requests, and leaves scripts that join (Arabic) to HarfBuzz.
@Suite struct ShapeCacheTests {
    /// Runs `body` on a thread of its own, whose cache starts empty.
    static func onFreshThread<T: Sendable>(_ body: @escaping @Sendable () -> T) -> T {
        let done = DispatchSemaphore(value: 0)
        nonisolated(unsafe) var result: T?
        let thread = Thread {
            result = body()
            done.signal()
        }
        thread.stackSize = 8 << 20
        thread.start()
        done.wait()
        return result!
    }

    @Test func aRepeatedLayoutIsShapedFromTheCache() {
        let (first, second, lines, parts) = Self.onFreshThread {
            let font = FontSpec(family: "Inter", size: 9)
            let text = "Bristande kunskap om arbetssätt och metoder för datadriven verksamhet"
            let start = ShapeCache.counts()
            // Two measurers: the second has none of the first's own caches, so Pango shapes everything again.
            let lines = PangoMeasurer(language: "sv").measure(text, font: font, width: 120).lines.map(\.text)
            let afterFirst = ShapeCache.counts()
            let again = PangoMeasurer(language: "sv").measure(text, font: font, width: 120).lines.map(\.text)
            let afterSecond = ShapeCache.counts()
            #expect(again == lines)
            return ((afterFirst.misses - start.misses, afterFirst.hits - start.hits),
                    (afterSecond.misses - afterFirst.misses, afterSecond.hits - afterFirst.hits), lines,
                    afterFirst.parts - start.parts)
        }
        #expect(lines.count > 1)
        #expect(parts > 0, "candidate lines of the label are parts of the label shaped whole")
        #expect(first.0 > 0, "the first layout is shaped by HarfBuzz")
        // (The first also shaped Pango's sample text for the font's metrics, which Pango keeps itself.)
        #expect(second.0 == 0 && second.1 > 0, "the same layout again: every request answered from the cache (\(second))")
    }

    @Test func joiningScriptsPassThroughUncached() {
        let passed = Self.onFreshThread {
            let start = ShapeCache.counts()
            _ = PangoMeasurer(language: "ar").measure("مرحبا بالعالم", font: FontSpec(family: "DejaVu Sans", size: 9), width: nil)
            return ShapeCache.counts().passed - start.passed
        }
        #expect(passed > 0)
    }
}
