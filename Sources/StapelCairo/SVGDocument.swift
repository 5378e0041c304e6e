import CCairo
import CPangoCairo
import StapelLayout
import StapelModel

/// Writes a laid-out `Figure` as SVG directly, with the text as `<text>` elements (selectable, searchable,
/// editable) placed on the baselines Pango gives the lines PNG and PDF draw, the alt text as `<title>` and
/// `<desc>`, and patterns drawn with the same geometry as Cairo's. The bytes depend on the figure alone.
enum SVGDocument {
    /// Font families tried after the style's, in the order fontconfig resolves them on Debian.
    static let fallbackFamilies = ["Inter", "Noto Sans", "DejaVu Sans", "Liberation Sans", "Arial", "sans-serif"]

    static func write(_ figure: Figure) -> [UInt8] {
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        let id = SVGDocument.idPrefix(figure.questionID)
        let lang = escape(PDFAccessibility.languageTag(figure.language))
        out += "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(num(figure.width, 6))pt\" height=\"\(num(figure.height, 6))pt\""
        out += " viewBox=\"0 0 \(num(figure.width, 6)) \(num(figure.height, 6))\" version=\"1.1\" role=\"img\""
        out += " aria-labelledby=\"\(id)-title\" aria-describedby=\"\(id)-desc\" xml:lang=\"\(lang)\" lang=\"\(lang)\">\n"
        out += "<title id=\"\(id)-title\">\(escape(title(figure)))</title>\n"
        out += "<desc id=\"\(id)-desc\">\(escape(figure.altText.long))</desc>\n"
        out += "<rect x=\"0\" y=\"0\" width=\"\(num(figure.width))\" height=\"\(num(figure.height))\" fill=\"\(figure.background)\"/>\n"

        // Pango, configured as for drawing, gives each line's baseline: the thread's context for unscaled images,
        // whose layouts of the lines drawn before (scale labels, legends) are kept across figures.
        let surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, 1, 1)
        let cr = cairo_create(surface)!
        defer {
            cairo_destroy(cr)
            cairo_surface_destroy(surface)
        }
        let context = ThreadCache.current.drawContext(for: cr, target: DrawTarget(cr), language: figure.language)
        for mark in figure.marks {
            switch mark {
            case .rect(let r):
                out += "<rect x=\"\(num(r.frame.x))\" y=\"\(num(r.frame.y))\" width=\"\(num(r.frame.width))\" height=\"\(num(r.frame.height))\" fill=\"\(r.fill)\"/>\n"
                out += pattern(r.pattern, in: r.frame, over: r.fill)
                if let stroke = r.stroke {
                    let w = 0.5
                    out += "<rect x=\"\(num(r.frame.x + w / 2))\" y=\"\(num(r.frame.y + w / 2))\" width=\"\(num(max(r.frame.width - w, 0)))\""
                    out += " height=\"\(num(max(r.frame.height - w, 0)))\" fill=\"none\" stroke=\"\(stroke)\" stroke-width=\"\(num(w))\"/>\n"
                }
            case .line(let l):
                out += "<line x1=\"\(num(l.from.x))\" y1=\"\(num(l.from.y))\" x2=\"\(num(l.to.x))\" y2=\"\(num(l.to.y))\""
                out += " stroke=\"\(l.color)\" stroke-width=\"\(num(l.width))\" stroke-linecap=\"butt\"/>\n"
            case .text(let t):
                let lines = t.lines.filter { !clean($0.text).isEmpty }
                guard !lines.isEmpty else { continue }
                out += "<g font-family=\"\(escape(fontFamily(t.font.family)))\" font-size=\"\(num(t.font.size))\""
                out += (t.font.weight == .regular ? "" : " font-weight=\"\(t.font.weight.rawValue)\"") + " fill=\"\(t.color)\">\n"
                for line in lines {
                    let baseline = line.baseline
                        ?? Double(pango_layout_get_baseline(context.layout(line.text, font: t.font))) / Double(PANGO_SCALE)
                    out += "<text x=\"\(num(line.x))\" y=\"\(num(line.y + baseline))\" xml:space=\"preserve\">\(escape(line.text))</text>\n"
                }
                out += "</g>\n"
            }
        }
        out += "</svg>\n"
        return Array(out.utf8)
    }

    /// The accessible name: the short alt text, else the document title.
    static func title(_ figure: Figure) -> String {
        figure.altText.short.isEmpty ? figure.title : figure.altText.short
    }

    /// The pattern's lines as one path and its dots as circles, in the ink `CairoPainter` uses.
    static func pattern(_ pattern: FillPattern, in frame: Rect, over fill: StyleColor) -> String {
        let g = PatternGeometry(pattern: pattern, frame: frame)
        guard !g.segments.isEmpty || !g.dots.isEmpty else { return "" }
        let ink = PatternGeometry.ink(on: fill)
        var out = ""
        if !g.segments.isEmpty {
            let d = g.segments.map { "M\(num($0.0.x)) \(num($0.0.y))L\(num($0.1.x)) \(num($0.1.y))" }.joined()
            out += "<path d=\"\(d)\" fill=\"none\" stroke=\"\(ink)\" stroke-width=\"\(num(PatternGeometry.lineWidth))\" stroke-linecap=\"butt\"/>\n"
        }
        if !g.dots.isEmpty {
            out += "<g fill=\"\(ink)\">"
            for dot in g.dots { out += "<circle cx=\"\(num(dot.x))\" cy=\"\(num(dot.y))\" r=\"\(num(PatternGeometry.dotRadius))\"/>" }
            out += "</g>\n"
        }
        return out
    }

    /// The style's family first, then the fallbacks; names with spaces quoted.
    static func fontFamily(_ family: String) -> String {
        var names = [family]
        for f in fallbackFamilies where f.lowercased() != family.lowercased() { names.append(f) }
        return names.map { $0 == "sans-serif" || !$0.utf8.contains(0x20) ? $0 : "'\($0)'" }.joined(separator: ", ")
    }

    /// An XML name made from a question id (letters, digits, `-`, `_`, `.`; starting with a letter).
    static func idPrefix(_ questionID: String) -> String {
        let kept = String(questionID.unicodeScalars.filter { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || "-_.".unicodeScalars.contains($0)) })
        return "stapel-" + (kept.isEmpty ? "figure" : kept)
    }

    /// `value` with at most `decimals` digits after the point, trailing zeros dropped, never `-0`.
    static func num(_ value: Double, _ decimals: Int = 3) -> String {
        var s = NumberFormat.plain(value, decimals: decimals)
        if s.utf8.contains(UInt8(ascii: ".")) {
            while s.hasSuffix("0") { s.removeLast() }
            if s.hasSuffix(".") { s.removeLast() }
        }
        return s == "-0" ? "0" : s
    }

    /// Text without the characters XML 1.0 forbids (C0 controls but tab, line feed and carriage return; U+FFFE/F;
    /// lone surrogates cannot occur in a Swift string) and without the other C0/C1 controls.
    static func clean(_ s: String) -> String {
        String(String.UnicodeScalarView(s.unicodeScalars.filter { u in
            !(u.value < 0x20 || (0x7F...0x9F).contains(u.value) || u.value == 0xFFFE || u.value == 0xFFFF)
        }))
    }

    /// Whether `s` has a byte of `& < > "`, a C0 control or DEL, a C1 control (C2 80–C2 9F) or U+FFFE/F (EF BF BE/F).
    static func needsEscape(_ s: String) -> Bool {
        var previous: UInt8 = 0, beforePrevious: UInt8 = 0
        for byte in s.utf8 {
            switch byte {
            case 0..<0x20, 0x22, 0x26, 0x3C, 0x3E, 0x7F: return true
            case 0x80...0x9F where previous == 0xC2: return true
            case 0xBE...0xBF where previous == 0xBF && beforePrevious == 0xEF: return true
            default: break
            }
            beforePrevious = previous
            previous = byte
        }
        return false
    }

    /// Escaped for element content and attribute values; control characters removed; line breaks (long
    /// descriptions) kept as line feeds — but a CR LF pair, one character to Swift, is removed whole as a control.
    static func escape(_ s: String) -> String {
        // Most texts hold nothing to escape or remove: returned as they are.
        if !needsEscape(s) { return s }
        var out = String.UnicodeScalarView()
        let scalars = Array(s.unicodeScalars)
        for (i, u) in scalars.enumerated() {
            switch u {
            case "&": out.append(contentsOf: "&amp;".unicodeScalars)
            case "<": out.append(contentsOf: "&lt;".unicodeScalars)
            case ">": out.append(contentsOf: "&gt;".unicodeScalars)
            case "\"": out.append(contentsOf: "&quot;".unicodeScalars)
            case "\n" where i == 0 || scalars[i - 1] != "\r": out.append(u)
            default:
                if u.value < 0x20 || (0x7F...0x9F).contains(u.value) || u.value == 0xFFFE || u.value == 0xFFFF { continue }
                out.append(u)
            }
        }
        return String(out)
    }
}
