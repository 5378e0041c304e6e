import StapelCairo

/// The chart backends: one Cairo backend differing in surface (image, PDF, SVG). All three draw the
/// rendition's one laid-out figure.
extension Backend {
    /// The figure drawn on the Cairo surface of `format`.
    package static func cairo(_ format: ChartFormat, summary: String) -> Backend {
        Backend(name: format.rawValue, fileExtension: format.rawValue, summary: summary, reads: .figure) { rendition in
            let figure = rendition.requireFigure()
            switch format {
            case .png:
                // A size Cairo cannot make (or a dpi that is not finite) is refused before Cairo sees it.
                try ChartRenderer.checkPixelSize(figure, dpi: rendition.dpi, question: rendition.request.question.id)
                return BackendOutput(bytes: try PNGWriter.write(figure, dpi: rendition.dpi))
            case .pdf: return BackendOutput(bytes: try PDFWriter.write(figure))
            case .svg: return BackendOutput(bytes: try SVGWriter.write(figure))
            }
        }
    }

    package static let png = cairo(.png, summary: "chart as a PNG image at the style's resolution")
    package static let pdf = cairo(.pdf, summary: "chart as a vector PDF with embedded fonts and searchable text")
    package static let svg = cairo(.svg, summary: "chart as an SVG document with real, selectable text (glyph outlines as a style option)")
}
