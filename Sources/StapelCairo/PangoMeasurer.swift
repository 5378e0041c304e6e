import CCairo
import CPangoCairo
import StapelLayout

/// Measures and breaks text with Pango, with the settings the painter draws with (see `CairoText`).
/// Owns C objects, so it is a class used by one task at a time.
package final class PangoMeasurer: TextMeasuring {
    private let surface: OpaquePointer
    private let cairo: OpaquePointer
    private let context: OpaquePointer
    private var cache: [Key: MeasuredText] = [:]
    /// Widths and heights of single lines (the trimmed lines of broken text recur across the widths that
    /// balancing tries, across formats and across figures).
    private var lineCache: [LineKey: (width: Double, height: Double)] = [:]
    /// Entries kept at most in each cache; a measurer lives as long as its thread.
    static let capacity = 8_000

    private struct LineKey: Hashable {
        var text: String
        var font: FontSpec
    }

    private struct Key: Hashable {
        var text: String
        var font: FontSpec
        var width: Double?
    }

    /// - Parameter language: the text's language (`sv`), which guides line breaking and shaping.
    package init(language: String) {
        surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, 1, 1)
        cairo = cairo_create(surface)
        context = pango_cairo_create_context(cairo)
        CairoText.configure(context, language: language)
    }

    deinit {
        g_object_unref(UnsafeMutableRawPointer(context))
        cairo_destroy(cairo)
        cairo_surface_destroy(surface)
    }

    package func measure(_ text: String, font: FontSpec, width: Double?) -> MeasuredText {
        let key = Key(text: text, font: font, width: width)
        if let cached = cache[key] { return cached }
        if cache.count >= Self.capacity {
            cache.removeAll(keepingCapacity: true)
            breaks.removeAll(keepingCapacity: true)
        }
        guard let width else {
            let result = breakLines(text, font: font, width: nil).text
            cache[key] = result
            return result
        }
        // Pango breaks greedily: lines broken at width W whose widest line (trailing spaces included) takes R
        // units break the same at every width from R to W: each line still fits, and what did not fit on it at
        // W does not fit in less. So the widths that balancing tries need Pango only outside such ranges.
        let units = Self.units(width)
        let textKey = LineKey(text: text, font: font)
        if let known = breaks[textKey]?.first(where: { $0.widest <= units && units <= $0.width }) {
            cache[key] = known.text
            return known.text
        }
        let (result, widest) = breakLines(text, font: font, width: width)
        breaks[textKey, default: []].append((units, widest, result))
        cache[key] = result
        return result
    }

    /// A width in Pango units, as the layout is given it.
    private static func units(_ width: Double) -> Int32 { Int32((width * Double(PANGO_SCALE)).rounded(.down)) }

    /// For each text and font, the line breaks measured at a width (Pango units) with their widest line.
    private var breaks: [LineKey: [(width: Int32, widest: Int32, text: MeasuredText)]] = [:]

    /// The lines of `text`, and the extent of the widest as Pango broke it (trailing spaces included), in Pango units.
    private func breakLines(_ text: String, font: FontSpec, width: Double?) -> (text: MeasuredText, widest: Int32) {
        let layout = CairoText.layout(context, text, font: font)
        defer { g_object_unref(UnsafeMutableRawPointer(layout)) }
        if let width {
            pango_layout_set_width(layout, Self.units(width))
            pango_layout_set_wrap(layout, PANGO_WRAP_WORD_CHAR)
        }
        let bytes = Array(text.utf8)
        var raw: [(text: String, width: Double, baseline: Double)] = []
        var lineHeight = 0.0
        var widest: Int32 = 0
        let count = Int(pango_layout_get_line_count(layout))
        for i in 0..<count {
            guard let line = pango_layout_get_line_readonly(layout, Int32(i)) else { continue }
            let start = Int(line.pointee.start_index), length = Int(line.pointee.length)
            let slice = bytes[min(start, bytes.count)..<min(start + length, bytes.count)]
            var logical = PangoRectangle()
            pango_layout_line_get_extents(line, nil, &logical)
            widest = max(widest, logical.x + logical.width)
            lineHeight = max(lineHeight, Double(logical.height) / Double(PANGO_SCALE))
            // Line extents are relative to the baseline: the logical box starts `-y` above it.
            raw.append((String(decoding: slice, as: UTF8.self), Double(logical.width) / Double(PANGO_SCALE),
                        -Double(logical.y) / Double(PANGO_SCALE)))
        }
        if lineHeight == 0 { lineHeight = singleLine("X", font: font).height }
        var lines: [MeasuredLine] = []
        for (i, line) in raw.enumerated() {
            var trimmed = line.text
            while let last = trimmed.last, last.isWhitespace, last != "\u{00A0}", last != "\u{202F}" { trimmed.removeLast() }
            var lineWidth = line.width
            var broken = false
            if i + 1 < raw.count, let last = trimmed.last, trimmed == line.text, !"-‐–—/\n".contains(last) {
                // No space, hyphen or slash before the break: Pango fell back to breaking inside a word that is
                // wider than the line. Between letters the break gets a hyphen.
                broken = true
                if let next = raw[i + 1].text.first, last.isLetter || last.isNumber, next.isLetter || next.isNumber {
                    trimmed += "-"
                }
            }
            if trimmed != line.text { lineWidth = singleLine(trimmed, font: font).width }
            lines.append(MeasuredLine(text: trimmed, width: lineWidth, brokenInWord: broken, baseline: line.baseline))
        }
        if lines.isEmpty { lines = [MeasuredLine(text: "", width: 0)] }
        return (MeasuredText(lines: lines, lineHeight: lineHeight), widest)
    }

    private func singleLine(_ text: String, font: FontSpec) -> (width: Double, height: Double) {
        let key = LineKey(text: text, font: font)
        if let cached = lineCache[key] { return cached }
        let result = shapeLine(text, font: font)
        if lineCache.count >= Self.capacity { lineCache.removeAll(keepingCapacity: true) }
        lineCache[key] = result
        return result
    }

    private func shapeLine(_ text: String, font: FontSpec) -> (width: Double, height: Double) {
        let layout = CairoText.layout(context, text, font: font)
        defer { g_object_unref(UnsafeMutableRawPointer(layout)) }
        var logical = PangoRectangle()
        pango_layout_get_extents(layout, nil, &logical)
        return (Double(logical.width) / Double(PANGO_SCALE), Double(logical.height) / Double(PANGO_SCALE))
    }
}
