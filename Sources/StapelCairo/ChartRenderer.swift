import StapelLayout
import StapelModel

/// Lays out a request's chart with Pango measurement and draws it as PNG, PDF or SVG.
/// Each thread measures with its own measurer (kept between figures, see `ThreadCache`), so renderers may run
/// in parallel.
package enum ChartRenderer {
    /// The laid-out figure of a request, with its layout warnings.
    package static func figure(for request: RenderRequest) -> Figure {
        ChartLayout(measurer: ThreadCache.current.measurer(language: request.labels.language)).figure(for: request)
    }

    /// Lays the chart out once and draws it in `format` (`png`, `pdf` or `svg`); the figure's layout
    /// warnings come back with the bytes.
    package static func render(_ request: RenderRequest, format: ChartFormat) throws -> (bytes: [UInt8], warnings: [LayoutWarning]) {
        let figure = figure(for: request)
        let bytes: [UInt8]
        switch format {
        case .png:
            let dpi = request.style.resolved(for: request.question.id).page.dpi
            try checkPixelSize(figure, dpi: dpi, question: request.question.id)
            bytes = try PNGWriter.write(figure, dpi: dpi)
        case .pdf: bytes = try PDFWriter.write(figure)
        case .svg: bytes = try SVGWriter.write(figure)
        }
        return (bytes, figure.warnings)
    }

    package static func png(_ request: RenderRequest) throws -> [UInt8] {
        let style = request.style.resolved(for: request.question.id)
        let figure = figure(for: request)
        try checkPixelSize(figure, dpi: style.page.dpi, question: request.question.id)
        return try PNGWriter.write(figure, dpi: style.page.dpi)
    }

    /// Refuses, before Cairo sees it, a PNG wider or taller than `InputLimits.maxPixelsPerSide` (a tall figure
    /// of many long labels, or a huge dpi), or a figure whose size is not a finite positive number.
    package static func checkPixelSize(_ figure: Figure, dpi: Double, question: String) throws {
        let w = figure.width * dpi / 72, h = figure.height * dpi / 72
        let limit = Double(InputLimits.maxPixelsPerSide)
        guard w.isFinite, h.isFinite, w >= 1, h >= 1, w <= limit, h <= limit else {
            throw ChartSizeError(question: question, width: w, height: h, dpi: dpi)
        }
    }

    package static func pdf(_ request: RenderRequest) throws -> [UInt8] { try PDFWriter.write(figure(for: request)) }

    package static func svg(_ request: RenderRequest) throws -> [UInt8] { try SVGWriter.write(figure(for: request)) }
}

/// The file formats Cairo draws a chart in.
package enum ChartFormat: String, Sendable {
    case png, pdf, svg
}

/// A chart whose PNG would exceed the pixel limit.
package struct ChartSizeError: Error, CustomStringConvertible, Sendable {
    package var question: String
    package var width: Double
    package var height: Double
    package var dpi: Double
    package var description: String {
        func px(_ v: Double) -> String { v.isFinite && abs(v) < 1e12 ? String(Int(v.rounded())) : "\(v)" }
        return "error: question \(question): the PNG would be \(px(width)) × \(px(height)) px at \(dpi) dpi; "
            + "at most \(InputLimits.maxPixelsPerSide) px a side (lower dpi or width-mm in the style, or shorten the labels)"
    }
}
