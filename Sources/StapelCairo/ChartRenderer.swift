import StapelLayout
import StapelModel

/// Lays out a request's chart with Pango measurement and draws it as PNG, PDF or SVG.
/// Each thread measures with its own measurer (kept between figures, see `ThreadCache`), so renderers may run
/// in parallel.
public enum ChartRenderer {
    /// The laid-out figure of a request, with its layout warnings.
    public static func figure(for request: RenderRequest) -> Figure {
        ChartLayout(measurer: ThreadCache.current.measurer(language: request.labels.language)).figure(for: request)
    }

    /// Lays the chart out once and draws it in `format` (`png`, `pdf` or `svg`); the figure's layout
    /// warnings come back with the bytes.
    public static func render(_ request: RenderRequest, format: ChartFormat) throws -> (bytes: [UInt8], warnings: [LayoutWarning]) {
        let figure = figure(for: request)
        let bytes: [UInt8]
        switch format {
        case .png: bytes = try PNGWriter.write(figure, dpi: request.style.resolved(for: request.question.id).page.dpi)
        case .pdf: bytes = try PDFWriter.write(figure)
        case .svg: bytes = try SVGWriter.write(figure)
        }
        return (bytes, figure.warnings)
    }

    public static func png(_ request: RenderRequest) throws -> [UInt8] {
        let style = request.style.resolved(for: request.question.id)
        return try PNGWriter.write(figure(for: request), dpi: style.page.dpi)
    }

    public static func pdf(_ request: RenderRequest) throws -> [UInt8] { try PDFWriter.write(figure(for: request)) }

    public static func svg(_ request: RenderRequest) throws -> [UInt8] { try SVGWriter.write(figure(for: request)) }
}

/// The file formats Cairo draws a chart in.
public enum ChartFormat: String, Sendable {
    case png, pdf, svg
}
