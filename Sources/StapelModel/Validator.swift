/// Checks a survey's numbers against each other and against its scales, and a label set against the survey.
///
/// Every printed number is checked in the direction the source computed it: percents from n and the
/// respondents, means and medians from the percents and the scale's scores, "Totalt" from its rows.
/// A failure is an error unless the data acknowledges it (`accept: [check]`), then it is a warning:
/// that is how inconsistencies of the printed source are kept as printed without hiding new typos.
public struct Validator: Sendable {
    /// Slack for floating-point noise only.
    static let epsilon = 1e-6

    public init() {}

    public func validate(_ survey: Survey) -> [ValidationIssue] {
        var issues: [ValidationIssue] = []
        var seenQuestions: [String: SourceLocation?] = [:]
        var usedScales = Set<String>()
        var seenScales = Set<String>()
        for scale in survey.scales {
            if !seenScales.insert(scale.id).inserted {
                issues.append(.init(.error, at: scale.location, check: "duplicate-id", "scale id '\(scale.id)' is declared twice"))
            }
            issues += duplicates(scale.points.map { ($0.id, $0.location) }, what: "point", question: nil)
            if scale.applicableIndices.isEmpty {
                issues.append(.init(.error, at: scale.location, check: "scale", "scale '\(scale.id)' has no scored point"))
            }
        }
        for question in survey.questions {
            if let previous = seenQuestions[question.id] {
                let whereFirst = previous.map { " (first at \($0))" } ?? ""
                issues.append(.init(.error, at: question.location, question: question.id, field: "id", check: "duplicate-id",
                                    "question id '\(question.id)' is used twice\(whereFirst)"))
            }
            seenQuestions[question.id] = question.location
            switch question {
            case .singleChoice(let q): issues += validateChoice(q, single: true)
            case .multipleChoice(let q): issues += validateChoice(q, single: false)
            case .grid(let q):
                usedScales.insert(q.scaleID)
                guard let scale = survey.scale(q.scaleID) else {
                    let known = survey.scales.map(\.id).joined(separator: ", ")
                    issues.append(.init(.error, at: q.location, question: q.id, field: "scale", check: "unknown-scale",
                                        "unknown scale '\(q.scaleID)'; declared scales: \(known)"))
                    continue
                }
                issues += validateGrid(q, scale: scale)
            case .multiSelectGrid(let q): issues += validateMultiSelect(q)
            }
        }
        for scale in survey.scales where !usedScales.contains(scale.id) {
            issues.append(.init(.warning, at: scale.location, check: "unused-scale", "scale '\(scale.id)' is used by no question"))
        }
        return issues
    }

    /// Missing, empty and stale keys of `labels` for `survey`.
    public func validate(_ labels: LabelSet, for survey: Survey, file: String? = nil) -> [ValidationIssue] {
        var issues: [ValidationIssue] = []
        let required = survey.requiredLabelKeys
        let fileLocation = file.map { SourceLocation(file: $0, line: 1, column: 1) }
        for key in required.sorted() {
            guard let value = labels[key] else {
                issues.append(.init(.error, at: fileLocation, field: key, check: "missing-label",
                                    "label '\(key)' is missing from the '\(labels.language)' label set"))
                continue
            }
            if value.allSatisfy(\.isWhitespace) && !key.hasSuffix(".publisher") {
                issues.append(.init(.error, at: labels.locations[key], field: key, check: "empty-label", "label '\(key)' is empty"))
            }
        }
        // `ui.*` and `number.*` override or add Stapel's interface strings for this survey: never stale.
        for key in labels.entries.keys.sorted() where !required.contains(key) && !survey.isOptionalLabelKey(key)
            && !key.hasPrefix("ui.") && !key.hasPrefix("number.") {
            issues.append(.init(.warning, at: labels.locations[key], field: key, check: "stale-label",
                                "label '\(key)' is not used by the survey"))
        }
        return issues
    }

    // MARK: - Choice questions

    func validateChoice(_ q: ChoiceQuestion, single: Bool) -> [ValidationIssue] {
        var issues = duplicates(q.options.map { ($0.id, $0.location) }, what: "option", question: q.id)
        if q.options.isEmpty {
            issues.append(.init(.error, at: q.location, question: q.id, field: "options", check: "empty", "a question needs at least one option"))
        }
        if q.respondents <= 0 {
            issues.append(.init(.error, at: q.location, question: q.id, field: "respondents", check: "respondents", "respondents must be positive"))
        }
        for o in q.options {
            func report(_ check: String, _ field: String, _ message: String) {
                issues.append(.init(o.accepted.contains(check) ? .warning : .error, at: o.location, question: q.id,
                                    item: o.id, field: field, check: check, message))
            }
            if o.n == nil && o.percent == nil {
                report("missing", "n", "an option needs n, percent or both")
            }
            if let n = o.n, n < 0 || n > q.respondents {
                report("n", "n", "n = \(n) is outside 0…\(q.respondents) (the respondents)")
            }
            if let p = o.percent, p < 0 || p > 100 {
                report("percent", "percent", "percent \(p) is outside 0…100")
            }
            if let n = o.n, let p = o.percent, q.respondents > 0 {
                let exact = Double(n) / Double(q.respondents) * 100
                // Single-choice distributions are rounded to total 100.0, so a cell may sit up to (not including)
                // 0.1 from n/N; multiple-choice percents are rounded one by one, so at most 0.05.
                let slack = single ? 0.1 - Validator.epsilon : 0.05 + Validator.epsilon
                if abs(p - exact) > slack {
                    report("percent", "percent", "printed \(fmt(p)) % does not match n/respondents = \(n)/\(q.respondents) = \(fmt(exact, 3)) %")
                }
            }
        }
        let counts = q.options.compactMap(\.n)
        let percents = q.options.compactMap(\.percent)
        let sumAccepted = q.accepted.contains("sum")
        if single {
            if percents.count == q.options.count {
                let total = percents.reduce(0, +)
                if abs(total - 100) > 0.05 + Validator.epsilon {
                    // Name the option(s) that differ from n/respondents rounded to total 100.0.
                    var suspects: [(option: ChoiceOption, expected: Double)] = []
                    if counts.count == q.options.count, q.respondents > 0 {
                        let expected = Rounding.largestRemainder(counts.map { Double($0) / Double(q.respondents) * 100 })
                        suspects = zip(q.options, expected).filter { abs(($0.percent ?? 0) - $1) > 0.05 }.map { ($0, $1) }
                    }
                    let hint = suspects.isEmpty ? "" : "; rounding n/respondents to total 100.0 gives "
                        + suspects.map { "\(fmt($0.expected)) for '\($0.option.id)'" }.joined(separator: ", ")
                    let suspect = suspects.count == 1 ? suspects[0].option : nil
                    issues.append(.init(sumAccepted ? .warning : .error, at: suspect?.location ?? q.location, question: q.id,
                                        item: suspect?.id, field: "percent", check: "sum",
                                        "percents add up to \(fmt(total)), not 100.0\(hint)"))
                }
            }
            if counts.count == q.options.count, counts.reduce(0, +) != q.respondents {
                issues.append(.init(sumAccepted ? .warning : .error, at: q.location, question: q.id, field: "n", check: "sum",
                                    "n adds up to \(counts.reduce(0, +)), not the \(q.respondents) respondents"))
            }
        } else if let selections = q.selections, counts.count == q.options.count, counts.reduce(0, +) != selections {
            issues.append(.init(q.accepted.contains("selections") ? .warning : .error, at: q.location, question: q.id,
                                field: "selections", check: "selections",
                                "selections = \(selections), but the options' n add up to \(counts.reduce(0, +))"))
        }
        return issues
    }

    // MARK: - Grids

    func validateGrid(_ q: GridQuestion, scale: Scale) -> [ValidationIssue] {
        var issues = duplicates(q.rows.map { ($0.id, $0.location) }, what: "row", question: q.id)
        if q.rows.isEmpty {
            issues.append(.init(.error, at: q.location, question: q.id, field: "rows", check: "empty", "a grid needs at least one row"))
        }
        for row in q.rows { issues += validateGridRow(row, in: q, scale: scale, isTotal: false) }
        guard let total = q.total else { return issues }
        issues += validateGridRow(total, in: q, scale: scale, isTotal: true)
        // The printed Totalt percentages are the unweighted mean of the printed row percentages.
        let width = scale.points.count
        guard total.percents.count == width, q.rows.allSatisfy({ $0.percents.count == width }), !q.rows.isEmpty else { return issues }
        for j in 0..<width {
            let mean = q.rows.map { $0.percents[j] }.reduce(0, +) / Double(q.rows.count)
            if abs(mean - total.percents[j]) > 0.05 + Validator.epsilon {
                issues.append(.init(total.accepted.contains("total") ? .warning : .error, at: total.location, question: q.id,
                                    item: "Totalt", field: "percent[\(j)] (\(scale.points[j].id))", check: "total",
                                    "printed \(fmt(total.percents[j])) % but the rows average \(fmt(mean, 3)) %"))
            }
        }
        return issues
    }

    func validateGridRow(_ row: GridRow, in q: GridQuestion, scale: Scale, isTotal: Bool) -> [ValidationIssue] {
        var issues: [ValidationIssue] = []
        let item = isTotal ? "Totalt" : row.id
        func report(_ check: String, _ field: String, _ message: String) {
            issues.append(.init(row.accepted.contains(check) ? .warning : .error, at: row.location, question: q.id,
                                item: item, field: field, check: check, message))
        }
        guard row.percents.count == scale.points.count else {
            report("shape", "percent", "has \(row.percents.count) percents but scale '\(scale.id)' has \(scale.points.count) points")
            return issues
        }
        for (j, p) in row.percents.enumerated() where p < 0 || p > 100 {
            report("percent", "percent[\(j)]", "percent \(p) is outside 0…100")
        }
        if let counts = row.counts, counts.count != scale.points.count {
            report("shape", "n", "has \(counts.count) counts but scale '\(scale.id)' has \(scale.points.count) points")
        }
        let sum = row.percents.reduce(0, +)
        // Each printed row is rounded to total 100.0; a Totalt row is an average of rounded rows and may drift.
        let slack = (isTotal ? 0.3 : 0.1) + Validator.epsilon
        if abs(sum - 100) > slack {
            report("sum", "percent", "percents add up to \(fmt(sum)), not 100.0")
        }
        guard let stats = statistics(of: row, in: q, scale: scale, isTotal: isTotal) else { return issues }
        if let mean = row.mean, !stats.meanMatches(mean) {
            report("mean", "mean", "printed mean \(fmt(mean)) but the percents and the scores of scale '\(scale.id)' give \(fmt(stats.mean, 3))")
        }
        if let median = row.median, !stats.medianMatches(median) {
            let candidates = stats.medianCandidates.map { fmt($0) }.joined(separator: " or ")
            report("median", "median", "printed median \(fmt(median)) but the percents and the scores of scale '\(scale.id)' give \(candidates)")
        }
        return issues
    }

    /// Exact statistics where the counts are known or can be recovered (a Totalt row pools its rows'
    /// counts, as the source does), else statistics from the printed percents.
    func statistics(of row: GridRow, in q: GridQuestion, scale: Scale, isTotal: Bool) -> ScaleStatistics? {
        func counts(_ r: GridRow) -> [Int]? {
            if let c = r.counts, c.count == scale.points.count { return c }
            guard r.percents.count == scale.points.count else { return nil }
            return CountReconstruction.counts(percents: r.percents, respondents: r.respondents ?? q.respondents)
        }
        if isTotal {
            let rows = q.rows.map(counts)
            if !rows.isEmpty, rows.allSatisfy({ $0 != nil }) {
                let pooled = scale.points.indices.map { j in rows.map { $0![j] }.reduce(0, +) }
                if let exact = ScaleStatistics(counts: pooled, scale: scale) { return exact }
            }
        } else if let c = counts(row), let exact = ScaleStatistics(counts: c, scale: scale) {
            return exact
        }
        return ScaleStatistics(percents: row.percents, scale: scale)
    }

    // MARK: - Multi-select grids

    func validateMultiSelect(_ q: MultiSelectGridQuestion) -> [ValidationIssue] {
        var issues = duplicates(q.rows.map { ($0.id, $0.location) }, what: "row", question: q.id)
        issues += duplicates(q.columns.map { ($0, q.location) }, what: "column", question: q.id)
        if let scores = q.scores, scores.count != q.columns.count {
            issues.append(.init(.error, at: q.location, question: q.id, field: "scores", check: "shape",
                                "has \(scores.count) scores for \(q.columns.count) columns"))
        }
        let all = q.rows + (q.total.map { [$0] } ?? [])
        for (index, row) in all.enumerated() {
            let isTotal = index == q.rows.count
            let item = isTotal ? "Totalt" : row.id
            func report(_ check: String, _ field: String, _ message: String) {
                issues.append(.init(row.accepted.contains(check) ? .warning : .error, at: row.location, question: q.id,
                                    item: item, field: field, check: check, message))
            }
            guard row.counts.count == q.columns.count else {
                report("shape", "n", "has \(row.counts.count) counts for \(q.columns.count) columns")
                continue
            }
            let base = row.respondents ?? q.respondents
            for (j, n) in row.counts.enumerated() where n < 0 || (!isTotal && n > base) {
                report("n", "n[\(j)]", "n = \(n) is outside 0…\(base) (the row's respondents)")
            }
            if let scores = q.scores, scores.count == q.columns.count {
                // The source scores each selection, not each respondent: mean and median run over selections.
                let stats = SelectionStatistics(counts: row.counts, scores: scores)
                if let printed = row.mean, let mean = stats.mean, abs(mean - printed) > 0.05 + Validator.epsilon {
                    report("mean", "mean", "printed mean \(fmt(printed)) but the counts and scores give \(fmt(mean, 3))")
                }
                if let printed = row.median, let median = stats.median, abs(median - printed) > 0.05 {
                    report("median", "median", "printed median \(fmt(printed)) but the counts and scores give \(fmt(median))")
                }
            }
        }
        if let total = q.total, total.counts.count == q.columns.count, q.rows.allSatisfy({ $0.counts.count == q.columns.count }) {
            for j in q.columns.indices {
                let sum = q.rows.map { $0.counts[j] }.reduce(0, +)
                if sum != total.counts[j] {
                    issues.append(.init(total.accepted.contains("total") ? .warning : .error, at: total.location, question: q.id,
                                        item: "Totalt", field: "n[\(j)] (\(q.columns[j]))", check: "total",
                                        "printed \(total.counts[j]) but the rows add up to \(sum)"))
                }
            }
        }
        if let selections = q.selections {
            let sum = q.rows.flatMap(\.counts).reduce(0, +)
            if sum != selections {
                issues.append(.init(q.accepted.contains("selections") ? .warning : .error, at: q.location, question: q.id,
                                    field: "selections", check: "selections",
                                    "selections = \(selections), but the rows' counts add up to \(sum)"))
            }
        }
        return issues
    }

    // MARK: - Helpers

    func duplicates(_ ids: [(String, SourceLocation?)], what: String, question: String?) -> [ValidationIssue] {
        var seen = Set<String>()
        var issues: [ValidationIssue] = []
        for (id, location) in ids where !seen.insert(id).inserted {
            issues.append(.init(.error, at: location, question: question, item: id, field: "id", check: "duplicate-id",
                                "\(what) id '\(id)' is used twice"))
        }
        return issues
    }
}

/// Formats a number for a message with a point and `decimals` digits.
func fmt(_ value: Double, _ decimals: Int = 1) -> String { NumberFormat.plain(value, decimals: decimals) }
