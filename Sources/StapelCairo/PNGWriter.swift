#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CCairo
import CPNGWriter
import StapelLayout

/// Draws a figure into a PNG at a given resolution (opaque RGB, no time stamp, so the bytes are reproducible).
///
/// Every figure is drawn at the same scale, `dpi / 72` pixels per point in both directions, so that the fonts
/// Pango and fontconfig set up for one PNG serve the next (a scale that differs per figure rebuilds them).
/// The image is the figure's width rounded to whole pixels (a style's page width stays, e.g. 1920 px for
/// slides; at most half a pixel column of the right margin is cut or added) by its height rounded up.
/// The pixels are deflated unfiltered by ISA-L's igzip at `compressionLevel`, the chunks written by libpng: the same
/// pixels as Cairo's own writer (zlib level 6, every filter tried on every row) in about a tenth of the time, and
/// 2.4 times as fast as zlib's fastest level, for 6 % more bytes.
package enum PNGWriter {
    /// igzip's level (0–3): 2 is as fast as 1 here and a little smaller; 3 costs three times as much.
    static let compressionLevel: Int32 = 2

    /// Pixels per point at `dpi`, in both directions.
    package static func scale(dpi: Double) -> Double { dpi / 72 }

    /// The pixel size of `figure` at `dpi`: its width at `scale(dpi:)` rounded, its height rounded up.
    package static func pixelSize(_ figure: Figure, dpi: Double) -> (width: Int, height: Int) {
        let s = scale(dpi: dpi)
        return (Int((figure.width * s).rounded()), pixels(figure.height * s))
    }

    /// `length` rounded up to whole pixels, except that a length a rounding error above a whole number is not.
    static func pixels(_ length: Double) -> Int {
        let rounded = length.rounded()
        return abs(length - rounded) < 0.01 ? Int(rounded) : Int(length.rounded(.up))
    }

    /// - Parameter text: PNG text chunks, written as uncompressed UTF-8 `iTXt` chunks before the image data in
    ///   this order (keywords: 1–79 Latin-1 characters, e.g. `Title`, `Description`).
    package static func write(_ figure: Figure, dpi: Double, text: [(keyword: String, value: String)] = []) throws -> [UInt8] {
        let size = pixelSize(figure, dpi: dpi)
        // The pixels go into the thread's reused buffer (no fresh pages to fault in and wipe for every figure).
        let stride = Int(cairo_format_stride_for_width(CAIRO_FORMAT_RGB24, Int32(size.width)))
        let (bytes, overflow) = stride.multipliedReportingOverflow(by: size.height)
        guard stride > 0, !overflow, let pixels = ThreadCache.current.pixelBuffer(bytes),
              let surface = cairo_image_surface_create_for_data(pixels, CAIRO_FORMAT_RGB24, Int32(size.width),
                                                                Int32(size.height), Int32(stride)) else {
            throw CairoError("PNG", CAIRO_STATUS_NO_MEMORY)
        }
        defer { cairo_surface_destroy(surface) }
        try CairoError.check(cairo_surface_status(surface), "PNG")
        let cr = cairo_create(surface)!
        // Every pixel in the background colour first: the figure covers the last pixel row and column, which its
        // size rounded up to whole pixels adds, only in part (on a black image they came out grey), and the
        // buffer holds the previous figure.
        CairoPainter.setColor(cr, figure.background)
        cairo_set_operator(cr, CAIRO_OPERATOR_SOURCE)
        cairo_paint(cr)
        cairo_set_operator(cr, CAIRO_OPERATOR_OVER)
        let s = scale(dpi: dpi)
        cairo_scale(cr, s, s)
        CairoPainter.paint(figure, on: cr, backgroundPainted: true)
        let status = cairo_status(cr)
        cairo_destroy(cr)
        try CairoError.check(status, "PNG")
        cairo_surface_flush(surface)
        guard let data = cairo_image_surface_get_data(surface) else { throw CairoError("PNG", CAIRO_STATUS_NO_MEMORY) }
        let png = try encode(data, width: size.width, height: size.height,
                             stride: Int(cairo_image_surface_get_stride(surface)), text: text)
        // The figure's text alternative as the image's description (an iTXt chunk with its language).
        return PNGTextChunk.addingAltText(of: figure, to: png)
    }

    /// Encodes Cairo RGB24 pixels, overwriting them (the image data's rows are gathered in their buffer).
    static func encode(_ pixels: UnsafeMutablePointer<UInt8>, width: Int, height: Int, stride: Int,
                       text: [(keyword: String, value: String)]) throws -> [UInt8] {
        // Copies of the strings that live until the C call returns.
        let keywords = text.map { strdup($0.keyword) }
        let values = text.map { strdup($0.value) }
        defer { (keywords + values).forEach { free($0) } }
        var buffer = stapel_png_buffer()
        var message = [CChar](repeating: 0, count: 256)
        let failed = keywords.map { UnsafePointer($0) }.withUnsafeBufferPointer { k in
            values.map { UnsafePointer($0) }.withUnsafeBufferPointer { v in
                stapel_png_encode(pixels, Int32(width), Int32(height), Int32(stride), compressionLevel,
                                  k.baseAddress, v.baseAddress, Int32(text.count), &buffer, &message, message.count)
            }
        }
        defer { stapel_png_free(&buffer) }
        guard failed == 0, let bytes = buffer.data else {
            throw PNGError(message: String(decoding: message.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self))
        }
        return Array(UnsafeBufferPointer(start: bytes, count: buffer.length))
    }
}

/// A PNG libpng could not write.
package struct PNGError: Error, CustomStringConvertible, Sendable {
    package var message: String
    package var description: String { "error: cannot write PNG: libpng: \(message)" }
}
