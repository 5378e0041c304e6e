import StapelCairo
import StapelHTML

/// The backends that write a question for readers rather than for print: an accessible HTML page and the
/// text alternative of its figure.
extension Backend {
    /// One question as an HTML page: the figure (its SVG or PNG), the alt text, the data as an accessible
    /// table, the notes, and links to the question's other formats of the run.
    package static let html = Backend(
        name: "html", fileExtension: "html",
        summary: "accessible HTML page: figure with alt text, data table, notes, links to the other formats",
        reads: [.figure, .table], usesFonts: false
    ) { rendition in
        BackendOutput(bytes: HTMLPageWriter.write(request: rendition.request, figure: rendition.requireFigure(),
                                                  table: try rendition.requireTable(), formats: rendition.formats))
    }

    /// The figure's text alternative (short, a blank line, long), as embedded in the SVG, PNG, PDF and HTML.
    package static let alt = Backend(
        name: "alt", fileExtension: "alt.txt", summary: "the figure's text alternative: a short one and a long description",
        reads: .request, usesFonts: false
    ) { rendition in
        BackendOutput(bytes: AltTextWriter.write(rendition.request))
    }
}
