/// A grid question ("Ett svarsalternativ per rad"): statements answered on one ordered scale.
public struct GridQuestion: Sendable, Hashable {
    public var id: String
    public var scaleID: String
    public var respondents: Int
    public var rows: [GridRow]
    /// The printed "Totalt" row, if any.
    public var total: GridRow?
    /// Rounding, decimals and base of the printed percents, where they differ from the survey's.
    public var convention = PercentConventionOverride()
    public var location: SourceLocation?

    public init(id: String, scaleID: String, respondents: Int, rows: [GridRow], total: GridRow?,
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
public struct GridRow: Sendable, Hashable, Identifiable {
    public var id: String
    public var percents: [Double]
    /// Counts per scale point, when known.
    public var counts: [Int]?
    /// Answers behind this row, when it differs from the question's respondents.
    public var respondents: Int?
    public var mean: Double?
    public var median: Double?
    public var isOther: Bool
    /// Checks whose failure the data acknowledges as the source's own (reported as warnings).
    public var accepted: Set<String> = []
    public var location: SourceLocation?

    public init(id: String, percents: [Double], counts: [Int]? = nil, respondents: Int? = nil,
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
