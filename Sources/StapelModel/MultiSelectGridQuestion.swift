/// A multi-select grid (question 35): statements × options, several options allowed per statement.
package struct MultiSelectGridQuestion: Sendable, Hashable {
    package var id: String
    package var respondents: Int
    package var selections: Int?
    package var columns: [String]
    /// Optional score per column, used to recompute the printed mean and median.
    package var scores: [Double]?
    package var rows: [MultiSelectRow]
    package var total: MultiSelectRow?
    /// Rounding and decimals of the printed percents, where they differ from the survey's.
    package var convention = PercentConventionOverride()
    /// Checks whose failure the data acknowledges as the source's own (reported as warnings).
    package var accepted: Set<String> = []
    package var location: SourceLocation?

    package init(id: String, respondents: Int, selections: Int?, columns: [String], scores: [Double]?,
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
package struct MultiSelectRow: Sendable, Hashable, Identifiable {
    package var id: String
    package var counts: [Int]
    package var respondents: Int?
    package var mean: Double?
    package var median: Double?
    package var isOther: Bool
    /// Checks whose failure the data acknowledges as the source's own (reported as warnings).
    package var accepted: Set<String> = []
    package var location: SourceLocation?

    package init(id: String, counts: [Int], respondents: Int?, mean: Double?, median: Double?,
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
