/// Recovers the whole counts behind a row of printed percents, so that means, medians and pooled
/// "Totalt" figures can be recomputed exactly rather than from rounded shares.
///
/// The source prints percents rounded to total 100.0, each within 0.1 of count/base. The base is the
/// question's respondents when that fits; a row answered by fewer (never printed) gets the smallest base
/// that reproduces every printed percent — scaling a row's counts leaves its mean and median unchanged,
/// and the smallest base is the one that pools correctly into "Totalt" in the bundled survey.
package enum CountReconstruction {
    /// The counts behind `percents` printed with `convention`'s rounding and decimals (largest remainder:
    /// each within one unit of the last digit; half up: within half a unit).
    package static func counts(percents: [Double], respondents: Int,
                              convention: PercentConvention = PercentConvention(rounding: .largestRemainder)) -> [Int]? {
        guard respondents > 0, respondents <= 1_000_000, !percents.isEmpty else { return nil }
        let unit = convention.unit, half = convention.halfUnit
        let widest = convention.rounding == .largestRemainder ? unit - 1e-9 : half + 1e-9
        if let c = fit(percents, base: respondents, slack: widest) { return c }
        for slack in Set([half + 1e-9, widest]).sorted() {
            for base in 1..<respondents {
                if let c = fit(percents, base: base, slack: slack) { return c }
            }
        }
        return nil
    }

    static func fit(_ percents: [Double], base: Int, slack: Double) -> [Int]? {
        let counts = percents.map { Int(($0 * Double(base) / 100).rounded()) }
        guard counts.reduce(0, +) == base else { return nil }
        for (c, p) in zip(counts, percents) where abs(100 * Double(c) / Double(base) - p) > slack { return nil }
        return counts
    }
}
