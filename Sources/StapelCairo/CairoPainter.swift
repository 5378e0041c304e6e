import CCairo
import CPangoCairo
import StapelLayout
import StapelModel

/// Draws a laid-out `Figure` on any Cairo context whose user unit is one point.
enum CairoPainter {
    /// Text is drawn with the thread's Pango context for the kind of surface and transformation of `cr`,
    /// reused with the layouts it shaped for earlier figures (see `ThreadCache`).
    /// - Parameter backgroundPainted: the surface is already filled with `figure.background` (as a PNG is, to its
    ///   whole pixels), so the figure's background rectangle is not drawn again.
    static func paint(_ figure: Figure, on cr: OpaquePointer, backgroundPainted: Bool = false) {
        let text = ThreadCache.current.drawContext(for: cr, target: DrawTarget(cr), language: figure.language)
        if !backgroundPainted {
            setColor(cr, figure.background)
            cairo_rectangle(cr, 0, 0, figure.width, figure.height)
            cairo_fill(cr)
        }
        for mark in figure.marks {
            switch mark {
            case .rect(let r):
                setColor(cr, r.fill)
                cairo_rectangle(cr, r.frame.x, r.frame.y, r.frame.width, r.frame.height)
                cairo_fill(cr)
                paintPattern(r.pattern, in: r.frame, over: r.fill, on: cr)
                if let stroke = r.stroke {
                    let w = 0.5
                    setColor(cr, stroke)
                    cairo_set_line_width(cr, w)
                    cairo_rectangle(cr, r.frame.x + w / 2, r.frame.y + w / 2, max(r.frame.width - w, 0), max(r.frame.height - w, 0))
                    cairo_stroke(cr)
                }
            case .line(let l):
                setColor(cr, l.color)
                cairo_set_line_width(cr, l.width)
                cairo_set_line_cap(cr, CAIRO_LINE_CAP_BUTT)
                cairo_move_to(cr, l.from.x, l.from.y)
                cairo_line_to(cr, l.to.x, l.to.y)
                cairo_stroke(cr)
            case .text(let t):
                setColor(cr, t.color)
                for line in t.lines where !line.text.isEmpty {
                    cairo_move_to(cr, line.x, line.y)
                    pango_cairo_show_layout(cr, text.layout(line.text, font: t.font))
                }
            }
        }
    }

    /// Draws a fill pattern as thin lines or dots inside `frame` (geometry from `PatternGeometry`, so no clip path:
    /// the same marks in PNG, PDF and SVG), in an ink that contrasts with the fill.
    static func paintPattern(_ pattern: FillPattern, in frame: Rect, over fill: StyleColor, on cr: OpaquePointer) {
        let geometry = PatternGeometry(pattern: pattern, frame: frame)
        guard !geometry.segments.isEmpty || !geometry.dots.isEmpty else { return }
        setColor(cr, PatternGeometry.ink(on: fill))
        if !geometry.segments.isEmpty {
            cairo_set_line_width(cr, PatternGeometry.lineWidth)
            cairo_set_line_cap(cr, CAIRO_LINE_CAP_BUTT)
            for (a, b) in geometry.segments {
                cairo_move_to(cr, a.x, a.y)
                cairo_line_to(cr, b.x, b.y)
            }
            cairo_stroke(cr)
        }
        for dot in geometry.dots {
            cairo_new_sub_path(cr)
            cairo_arc(cr, dot.x, dot.y, PatternGeometry.dotRadius, 0, 2 * Double.pi)
        }
        if !geometry.dots.isEmpty { cairo_fill(cr) }
    }

    static func setColor(_ cr: OpaquePointer, _ c: StyleColor) {
        cairo_set_source_rgb(cr, c.red, c.green, c.blue)
    }
}
