/// A grid question ("Ett svarsalternativ per rad"): statements answered on one ordered scale.
package struct GridQuestion: Sendable, Hashable {
    package var id: String
    package var scaleID: String
    package var respondents: Int
    package var rows: [GridRow]
    /// The printed "Totalt" row, if any.
    package var total: GridRow?
    /// Rounding, decimals and base of the printed percents, where they differ from the survey's.
    package var convention = PercentConventionOverride()
    package var location: SourceLocation?

    package init(id: String, scaleID: String, respondents: Int, rows: [GridRow], total: GridRow?,
                location: SourceLocation? = nil) {
        self.id = id
        self.scaleID = scaleID
        self.respondents = respondents
        self.rows = rows
        self.total = total
        self.location = location
    }
}

/// One statement of a grid (or its "Totalt" row): percent per scale point, mean and median as printed.
package struct GridRow: Sendable, Hashable, Identifiable {
    package var id: String
    package var percents: [Double]
    /// Counts per scale point, when known.
    package var counts: [Int]?
    /// Answers behind this row, when it differs from the question's respondents.
    package var respondents: Int?
    package var mean: Double?
    package var median: Double?
    package var isOther: Bool
    /// Checks whose failure the data acknowledges as the source's own (reported as warnings).
    package var accepted: Set<String> = []
    package var location: SourceLocation?

    package init(id: String, percents: [Double], counts: [Int]? = nil, respondents: Int? = nil,
                mean: Double? = nil, median: Double? = nil, isOther: Bool = false, location: SourceLocation? = nil) {
        self.id = id
        self.percents = percents
        self.counts = counts
        self.respondents = respondents
        self.mean = mean
        self.median = median
        self.isOther = isOther
        self.location = location
    }
}
