/// A multi-select grid (question 35): statements × options, several options allowed per statement.
public struct MultiSelectGridQuestion: Sendable, Hashable {
    public var id: String
    public var respondents: Int
    public var selections: Int?
    public var columns: [String]
    /// Optional score per column, used to recompute the printed mean and median.
    public var scores: [Double]?
    public var rows: [MultiSelectRow]
    public var total: MultiSelectRow?
    /// Rounding and decimals of the printed percents, where they differ from the survey's.
    public var convention = PercentConventionOverride()
    /// Checks whose failure the data acknowledges as the source's own (reported as warnings).
    public var accepted: Set<String> = []
    public var location: SourceLocation?

    public init(id: String, respondents: Int, selections: Int?, columns: [String], scores: [Double]?,
                rows: [MultiSelectRow], total: MultiSelectRow?, location: SourceLocation? = nil) {
        self.id = id
        self.respondents = respondents
        self.selections = selections
        self.columns = columns
        self.scores = scores
        self.rows = rows
        self.total = total
        self.location = location
    }
}

/// One statement of a multi-select grid: a count per column.
public struct MultiSelectRow: Sendable, Hashable, Identifiable {
    public var id: String
    public var counts: [Int]
    public var respondents: Int?
    public var mean: Double?
    public var median: Double?
    public var isOther: Bool
    /// Checks whose failure the data acknowledges as the source's own (reported as warnings).
    public var accepted: Set<String> = []
    public var location: SourceLocation?

    public init(id: String, counts: [Int], respondents: Int?, mean: Double?, median: Double?,
                isOther: Bool = false, location: SourceLocation? = nil) {
        self.id = id
        self.counts = counts
        self.respondents = respondents
        self.mean = mean
        self.median = median
        self.isOther = isOther
        self.location = location
    }
}
