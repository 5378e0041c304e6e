#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CCairo
import CPangoCairo
import StapelLayout

/// What one thread keeps between figures so that Pango does not set up fonts, contexts and shapes again for
/// every figure: a measurer per language (with its cache of measured text) and, per drawing target and
/// language, a Pango context with the single-line layouts drawn on it.
///
/// Pango, fontconfig and Cairo objects must stay on the thread that made them, so each thread has its own
/// (a thread-specific value, released when the thread ends). Callers take it at the start of a synchronous call
/// and never keep it.
final class ThreadCache {
    private var measurers: [String: PangoMeasurer] = [:]
    private var contexts: [DrawKey: DrawContext] = [:]

    /// The calling thread's cache.
    static var current: ThreadCache {
        if let existing = pthread_getspecific(key) {
            return Unmanaged<ThreadCache>.fromOpaque(existing).takeUnretainedValue()
        }
        let cache = ThreadCache()
        pthread_setspecific(key, Unmanaged.passRetained(cache).toOpaque())
        return cache
    }

    private static let key: pthread_key_t = {
        var key = pthread_key_t()
        pthread_key_create(&key) { pointer in
            guard let pointer else { return }
            Unmanaged<ThreadCache>.fromOpaque(pointer).release()
        }
        return key
    }()

    /// The thread's pixel buffer for PNGs, grown to the largest image drawn so far: a mapping of whole 2 MB
    /// blocks (page-aligned, as Cairo's image surfaces want at least 4 bytes), marked for transparent huge pages.
    /// Valid until the next call on this thread.
    ///
    /// Why huge pages: a 200 dpi figure's 7.6 MB of pixels is 1,900 small pages to fault in on a worker's first
    /// figure, and with a second worker the report's page faults went from 9,900 to 15,200; in 2 MB pages they
    /// are 6,400 and 8,000 (medians of 10 full reports), 8 ms less kernel time at either job count. Where the
    /// kernel has no huge pages to give (or THP is off) the mapping is an ordinary one.
    func pixelBuffer(_ count: Int) -> UnsafeMutablePointer<UInt8>? {
        if count > pixelCapacity {
            if let pixels { munmap(pixels, pixelCapacity) }
            pixels = nil
            pixelCapacity = 0
            let hugePage = 2 << 20
            guard count <= Int.max - hugePage else { return nil }
            let size = (max(count, 1) + hugePage - 1) / hugePage * hugePage
            let area = mmap(nil, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0)
            if let area, area != MAP_FAILED {
                _ = madvise(area, size, Int32(MADV_HUGEPAGE))
                pixels = area.assumingMemoryBound(to: UInt8.self)
                pixelCapacity = size
            }
        }
        return pixels
    }

    private var pixels: UnsafeMutablePointer<UInt8>?
    private var pixelCapacity = 0

    deinit { if let pixels { munmap(pixels, pixelCapacity) } }

    func measurer(language: String) -> PangoMeasurer {
        if let m = measurers[language] { return m }
        let m = PangoMeasurer(language: language)
        measurers[language] = m
        return m
    }

    /// The thread's Pango context for drawing on `cr` (its target and transformation), in `language`.
    func drawContext(for cr: OpaquePointer, target: DrawTarget, language: String) -> DrawContext {
        let key = DrawKey(target: target, language: language)
        if let context = contexts[key] {
            context.update(for: cr)
            return context
        }
        let context = DrawContext(cr, language: language)
        contexts[key] = context
        return context
    }

    private struct DrawKey: Hashable {
        var target: DrawTarget
        var language: String
    }
}

/// What a Pango context for drawing depends on: the kind of surface (its font options) and Cairo's
/// transformation without its translation (the fonts' scale). Figures drawn alike share a context.
struct DrawTarget: Hashable {
    var surfaceType: UInt32
    var xx, yx, xy, yy: Double

    init(_ cr: OpaquePointer) {
        surfaceType = cairo_surface_get_type(cairo_get_target(cr)).rawValue
        var m = cairo_matrix_t()
        cairo_get_matrix(cr, &m)
        (xx, yx, xy, yy) = (m.xx, m.yx, m.xy, m.yy)
    }
}

/// A Pango context kept for one drawing target, with the layouts of the single lines drawn on it.
/// While Cairo's transformation and the surface's font options stay the same, `pango_cairo_update_context`
/// leaves the context unchanged and the layouts keep their shaped glyphs; when they change, Pango lays the
/// layouts out again on first use, so a cached layout is never drawn stale.
final class DrawContext {
    let context: OpaquePointer
    private var layouts: [LayoutKey: OpaquePointer] = [:]
    /// Layouts kept at most, so that a survey of thousands of questions does not keep all its labels.
    static let capacity = 1024

    private struct LayoutKey: Hashable {
        var text: String
        var font: FontSpec
    }

    init(_ cr: OpaquePointer, language: String) {
        context = pango_cairo_create_context(cr)!
        CairoText.configure(context, language: language)
    }

    deinit {
        clear()
        g_object_unref(UnsafeMutableRawPointer(context))
    }

    func update(for cr: OpaquePointer) {
        pango_cairo_update_context(cr, context)
    }

    /// A layout of `text` on one line in `font`; owned by the context: do not release it.
    func layout(_ text: String, font: FontSpec) -> OpaquePointer {
        let key = LayoutKey(text: text, font: font)
        if let layout = layouts[key] { return layout }
        if layouts.count >= Self.capacity { clear() }
        let layout = CairoText.layout(context, text, font: font)
        layouts[key] = layout
        return layout
    }

    private func clear() {
        for layout in layouts.values { g_object_unref(UnsafeMutableRawPointer(layout)) }
        layouts.removeAll()
    }
}
