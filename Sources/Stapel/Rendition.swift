import StapelCairo
import StapelLayout
import StapelTables

/// One question × language × style, rendered once for every backend of that question: the laid-out figure in
/// points with its raster hint, the normalised table, the resolved labels and number format, and the layout
/// warnings. A build makes one per question that has a stale output, with only the parts its stale backends
/// read, so that png, pdf and svg draw the same figure and never lay it out three times.
package struct Rendition {
    /// The question-scoped request: the data, labels and style the parts were made from.
    package let request: RenderRequest
    /// The figure, laid out once in points (when a figure backend needs it).
    package let figure: Figure?
    /// PNG resolution in dots per inch: the raster hint of the figure.
    package let dpi: Double
    private let tableResult: Result<Table, any Error>?
    /// The formats this run writes for the question (`png`, `csv`, `html` …), for pages that link to them.
    package let formats: [String]

    /// Makes the parts that backends reading `parts` need.
    package init(_ request: RenderRequest, parts: Backend.Reads, formats: [String] = []) {
        self.request = request
        self.formats = formats
        self.dpi = request.style.resolved(for: request.question.id).page.dpi
        self.figure = parts.contains(.figure) ? ChartRenderer.figure(for: request) : nil
        self.tableResult = parts.contains(.table) ? Result { try TableBuilder(request).build() } : nil
    }

    package var labels: LabelSet { request.labels }
    package var numberFormat: NumberFormat { request.numberFormat }
    package var options: RenderOptions { request.options }

    /// What did not fit as designed, once per figure (not once per format).
    package var warnings: [LayoutWarning] { figure?.warnings ?? [] }

    /// The figure; a backend that reads one declares `.figure`.
    package func requireFigure() -> Figure {
        guard let figure else { preconditionFailure("a backend read the figure without declaring `.figure`") }
        return figure
    }

    /// The table, or the error that stopped it being built; a backend that reads one declares `.table`.
    package func requireTable() throws -> Table {
        guard let tableResult else { preconditionFailure("a backend read the table without declaring `.table`") }
        return try tableResult.get()
    }
}
