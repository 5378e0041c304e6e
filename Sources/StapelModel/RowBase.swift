/// How many answers a grid row rests on, and where that number comes from: the one rule charts, tables, alt
/// text and `validate --explain` share, so that a low base is reported the same everywhere.
package struct RowBase: Sendable, Hashable {
    /// Where the number of answers comes from.
    package enum Source: String, Sendable, Hashable {
        /// The row's counts per scale point, added up.
        case counts
        /// The row's own `respondents`.
        case given
        /// Recovered from the printed percents (the smallest base that reproduces every one).
        case reconstructed
        /// The question's respondents (nothing better is known).
        case question
    }

    package var n: Int
    package var source: Source
    /// The whole counts per scale point, given or reconstructed, when known.
    package var counts: [Int]?

    package init(n: Int, source: Source, counts: [Int]? = nil) {
        self.n = n
        self.source = source
        self.counts = counts
    }

    /// True when `threshold` > 0 and the row rests on fewer answers.
    package func isLow(threshold: Int) -> Bool { threshold > 0 && n < threshold }
}

extension GridQuestion {
    /// The answers behind `row`: its given counts; else its stated respondents; else (never printed) recovered
    /// from its percents; else the question's respondents. The Totalt row is never reconstructed.
    package func base(of row: GridRow, points: Int, convention: PercentConvention, isTotal: Bool = false) -> RowBase {
        if let c = row.counts, c.count == points, c.allSatisfy({ $0 >= 0 }) {
            return RowBase(n: c.reduce(0, +), source: .counts, counts: c)
        }
        if let n = row.respondents {
            return RowBase(n: n, source: .given, counts: CountReconstruction.counts(percents: row.percents, respondents: n, convention: convention))
        }
        if !isTotal, let c = CountReconstruction.counts(percents: row.percents, respondents: respondents, convention: convention) {
            return RowBase(n: c.reduce(0, +), source: c.reduce(0, +) == respondents ? .question : .reconstructed, counts: c)
        }
        return RowBase(n: respondents, source: .question)
    }
}

extension MultiSelectGridQuestion {
    /// The respondents behind `row`: its own, else the question's.
    package func base(of row: MultiSelectRow) -> RowBase {
        if let n = row.respondents { return RowBase(n: n, source: .given, counts: row.counts) }
        return RowBase(n: respondents, source: .question, counts: row.counts)
    }
}
