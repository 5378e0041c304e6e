import CCairo
import StapelLayout

/// Writes a figure as an SVG document sized in points, with the alt text as `<title>` and `<desc>` (`role="img"`).
/// The text is `<text>` elements (`SVGDocument`), or with the style's `page.svg-text: outlines` glyph outlines drawn
/// by Cairo, whose process-wide surface ids are renumbered per document so that the bytes do not depend on what
/// was drawn before.
package enum SVGWriter {
    package static func write(_ figure: Figure) throws -> [UInt8] {
        switch figure.svgText {
        case .text: SVGDocument.write(figure)
        case .outlines: try outlines(figure)
        }
    }

    /// Cairo's SVG: every glyph an outline.
    static func outlines(_ figure: Figure) throws -> [UInt8] {
        let sink = ByteSink()
        try withExtendedLifetime(sink) {
            guard let surface = cairo_svg_surface_create_for_stream(ByteSink.write, sink.closure, figure.width, figure.height) else {
                throw CairoError("SVG", CAIRO_STATUS_NO_MEMORY)
            }
            defer { cairo_surface_destroy(surface) }
            try CairoError.check(cairo_surface_status(surface), "SVG")
            cairo_svg_surface_set_document_unit(surface, CAIRO_SVG_UNIT_PT)
            let cr = cairo_create(surface)!
            CairoPainter.paint(figure, on: cr)
            cairo_show_page(cr)
            let status = cairo_status(cr)
            cairo_destroy(cr)
            try CairoError.check(status, "SVG")
            cairo_surface_finish(surface)
            try CairoError.check(cairo_surface_status(surface), "SVG")
        }
        return SVGPostProcessing.addAccessibility(SVGPostProcessing.renumberIDs(sink.bytes), figure)
    }
}
