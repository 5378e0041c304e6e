import CCairo
import StapelLayout

/// Draws a figure into a one-page vector PDF with real text (embedded font subsets), the figure's title as
/// metadata and no creation date, so that two renders give the same bytes; tagged, with the document language
/// and the figure's alt text (`PDFAccessibility`).
package enum PDFWriter {
    package static func write(_ figure: Figure) throws -> [UInt8] {
        let sink = ByteSink()
        return try withExtendedLifetime(sink) {
            guard let surface = cairo_pdf_surface_create_for_stream(ByteSink.write, sink.closure, figure.width, figure.height) else {
                throw CairoError("PDF", CAIRO_STATUS_NO_MEMORY)
            }
            defer { cairo_surface_destroy(surface) }
            try CairoError.check(cairo_surface_status(surface), "PDF")
            cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, figure.title)
            cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, "Stapel")
            if !figure.altText.long.isEmpty {
                cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_SUBJECT, figure.altText.long)
            }
            // cairo 1.16 drops /CreationDate for a value it cannot parse; otherwise it writes the current time.
            cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATE_DATE, "")
            let cr = cairo_create(surface)!
            cairo_tag_begin(cr, "Figure", "")
            CairoPainter.paint(figure, on: cr)
            cairo_tag_end(cr, "Figure")
            cairo_show_page(cr)
            let status = cairo_status(cr)
            cairo_destroy(cr)
            try CairoError.check(status, "PDF")
            cairo_surface_finish(surface)
            try CairoError.check(cairo_surface_status(surface), "PDF")
            // Language, "tagged", the title as window title and the figure's alternative text (cairo cannot).
            let alt = figure.altText.short.isEmpty ? figure.title : figure.altText.short
            return PDFAccessibility.patch(sink.bytes, language: figure.language, alt: alt)
        }
    }
}
