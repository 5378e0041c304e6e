import Foundation
import StapelCairo
import StapelHTML

extension DocumentBackend {
    /// `DIR/<lang>/index.html`: the communicators' review gallery — every figure of the survey in questionnaire
    /// order, each with its alt text, its number and question text and a link to its own page. The images are the
    /// question's SVG (else PNG) of the same run; with neither in the run, the SVG is embedded as a `data:` URI.
    package static let gallery = DocumentBackend(
        name: "index", fileName: "index.html",
        summary: "per language: review gallery of every figure with alt text, in questionnaire order (index.html)",
        reads: [.figure, .table], usesFonts: false
    ) { renditions, context in
        let image = context.formats.contains("svg") ? "svg" : context.formats.contains("png") ? "png" : nil
        let entries = try renditions.map { rendition in
            let figure = rendition.requireFigure()
            let id = rendition.request.question.id
            let src = try image.map { "\(id).\($0)" }
                ?? "data:image/svg+xml;base64," + Data(try SVGWriter.write(figure)).base64EncodedString()
            return GalleryPageWriter.Entry(figure: figure, table: try rendition.requireTable(), image: src,
                                           page: context.formats.contains("html") ? "\(id).html" : nil)
        }
        return BackendOutput(bytes: GalleryPageWriter.write(labels: context.labels, entries: entries))
    }
}
