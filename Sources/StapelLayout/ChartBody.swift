/// The part of a figure between the heading and the notes: one implementation per chart kind.
protocol ChartBody {
    /// Lays the chart out from `top` downwards into `builder`.
    func layout(_ builder: FigureBuilder, top: Double) -> ChartResult
}

/// Where a chart ended and the notes it wants printed under it.
struct ChartResult {
    var bottom: Double
    var notes: [Note]
}

/// A line under the chart ("Antal svar: 137"), with the label key it comes from.
struct Note: Equatable {
    var key: String
    var text: String
}
