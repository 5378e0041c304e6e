import CCairo
import CPangoCairo
import StapelLayout
import StapelModel

/// Draws a laid-out `Figure` on any Cairo context whose user unit is one point.
enum CairoPainter {
    static func paint(_ figure: Figure, on cr: OpaquePointer) {
        let context = pango_cairo_create_context(cr)!
        defer { g_object_unref(UnsafeMutableRawPointer(context)) }
        CairoText.configure(context, language: figure.language)
        setColor(cr, figure.background)
        cairo_rectangle(cr, 0, 0, figure.width, figure.height)
        cairo_fill(cr)
        for mark in figure.marks {
            switch mark {
            case .rect(let r):
                setColor(cr, r.fill)
                cairo_rectangle(cr, r.frame.x, r.frame.y, r.frame.width, r.frame.height)
                cairo_fill(cr)
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
                    let layout = CairoText.layout(context, line.text, font: t.font)
                    cairo_move_to(cr, line.x, line.y)
                    pango_cairo_show_layout(cr, layout)
                    g_object_unref(UnsafeMutableRawPointer(layout))
                }
            }
        }
    }

    static func setColor(_ cr: OpaquePointer, _ c: StyleColor) {
        cairo_set_source_rgb(cr, c.red, c.green, c.blue)
    }
}
