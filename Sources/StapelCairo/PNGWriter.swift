import CCairo
import StapelLayout

/// Draws a figure into a PNG at a given resolution (opaque RGB, no time stamp, so the bytes are reproducible).
public enum PNGWriter {
    /// The pixel size of `figure` at `dpi`.
    public static func pixelSize(_ figure: Figure, dpi: Double) -> (width: Int, height: Int) {
        (Int((figure.width * dpi / 72).rounded()), Int((figure.height * dpi / 72).rounded()))
    }

    public static func write(_ figure: Figure, dpi: Double) throws -> [UInt8] {
        let size = pixelSize(figure, dpi: dpi)
        guard let surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, Int32(size.width), Int32(size.height)) else {
            throw CairoError("PNG", CAIRO_STATUS_NO_MEMORY)
        }
        defer { cairo_surface_destroy(surface) }
        try CairoError.check(cairo_surface_status(surface), "PNG")
        let cr = cairo_create(surface)!
        cairo_scale(cr, Double(size.width) / figure.width, Double(size.height) / figure.height)
        CairoPainter.paint(figure, on: cr)
        let status = cairo_status(cr)
        cairo_destroy(cr)
        try CairoError.check(status, "PNG")
        cairo_surface_flush(surface)
        let sink = ByteSink()
        try withExtendedLifetime(sink) {
            try CairoError.check(cairo_surface_write_to_png_stream(surface, ByteSink.write, sink.closure), "PNG")
        }
        return PNGTextChunk.addingAltText(of: figure, to: sink.bytes)
    }
}
