/// Checks a survey's numbers against each other and against its scales, and a label set against the survey.
///
/// Every printed number is checked in the direction the source computed it: percents from n and the
/// respondents, means and medians from the percents and the scale's scores, "Totalt" from its rows.
/// A failure is an error unless the data acknowledges it (`accept: [check]`), then it is a warning:
/// that is how inconsistencies of the printed source are kept as printed without hiding new typos.
package struct Validator: Sendable {
    /// Slack for floating-point noise only.
    static let epsilon = 1e-6

    package init() {}

    package func validate(_ survey: Survey) -> [ValidationIssue] {
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
            case .singleChoice(let q): issues += validateChoice(q, single: true, convention: survey.convention(for: question))
            case .multipleChoice(let q): issues += validateChoice(q, single: false, convention: survey.convention(for: question))
            case .grid(let q):
                usedScales.insert(q.scaleID)
                guard let scale = survey.scale(q.scaleID) else {
                    let known = survey.scales.map(\.id).joined(separator: ", ")
                    issues.append(.init(.error, at: q.location, question: q.id, field: "scale", check: "unknown-scale",
                                        "unknown scale '\(q.scaleID)'; declared scales: \(known)"))
                    continue
                }
                issues += validateGrid(q, scale: scale, convention: survey.convention(for: question))
            case .multiSelectGrid(let q): issues += validateMultiSelect(q)
            }
        }
        for scale in survey.scales where !usedScales.contains(scale.id) {
            issues.append(.init(.warning, at: scale.location, check: "unused-scale", "scale '\(scale.id)' is used by no question"))
        }
        return issues
    }

    /// Missing, empty and stale keys of `labels` for `survey`.
    package func validate(_ labels: LabelSet, for survey: Survey, file: String? = nil) -> [ValidationIssue] {
        var issues: [ValidationIssue] = []
        let required = survey.requiredLabelKeys
        let fileLocation = file.map { SourceLocation(file: $0, line: 1, column: 1) }
        for key in required.sorted() {
            guard let value = labels[key] else {
                issues.append(.init(.error, at: fileLocation, field: key, check: "missing-label",
                                    "label '\(key)' is missing from the '\(labels.language)' label set"))
                continue
            }
            if Validator.isEmptyLabel(key, value) { issues.append(Validator.emptyLabel(key, in: labels)) }
        }
        // `ui.*` and `number.*` override or add Stapel's interface strings for this survey: never stale.
        let coded = survey.codedLabelKeys, ids = Set(survey.questions.map(\.id))
        for key in labels.entries.keys.sorted() where !required.contains(key) && !survey.isOptionalLabelKey(key, coded: coded, questionIDs: ids)
            && !key.hasPrefix("ui.") && !key.hasPrefix("number.") {
            issues.append(.init(.warning, at: labels.locations[key], field: key, check: "stale-label",
                                "label '\(key)' is not used by the survey"))
        }
        return issues
    }

    /// The `empty-label` errors of `validate(_:for:)` alone, in the same (key) order: the required labels whose text
    /// is only white space. Planning checks just these (the rest is `stapel validate`'s); `required` is the survey's
    /// `requiredLabelKeys`, which the planner has at hand.
    package func emptyLabels(in labels: LabelSet, required: Set<String>) -> [ValidationIssue] {
        required.filter { key in labels[key].map { Validator.isEmptyLabel(key, $0) } ?? false }.sorted()
            .map { Validator.emptyLabel($0, in: labels) }
    }

    /// A publisher may be left empty (a survey that names none); any other label may not.
    private static func isEmptyLabel(_ key: String, _ value: String) -> Bool {
        value.allSatisfy(\.isWhitespace) && !key.hasSuffix(".publisher")
    }

    private static func emptyLabel(_ key: String, in labels: LabelSet) -> ValidationIssue {
        .init(.error, at: labels.locations[key], field: key, check: "empty-label", "label '\(key)' is empty")
    }

    // MARK: - Choice questions

    func validateChoice(_ q: ChoiceQuestion, single: Bool, convention c: PercentConvention) -> [ValidationIssue] {
        var issues = duplicates(q.options.map { ($0.id, $0.location) }, what: "option", question: q.id)
        if q.options.isEmpty {
            issues.append(.init(.error, at: q.location, question: q.id, field: "options", check: "empty", "a question needs at least one option"))
        }
        if q.respondents <= 0 {
            issues.append(.init(.error, at: q.location, question: q.id, field: "respondents", check: "respondents", "respondents must be positive"))
        }
        // Multiple-choice percents are always rounded one by one: no rounding can make them add up to anything.
        let rule: RoundingRule = single ? c.rounding : .halfUp
        let decimals = c.decimals
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
            if let p = o.percent, !Validator.hasPrecision(p, decimals) {
                report("percent", "percent", "percent \(p) has more than the \(decimals) decimals the survey prints (percent-decimals)")
            }
            let base = q.percentBase(of: o, convention: c)
            if let n = o.n, let p = o.percent, base > 0, n >= 0, n <= q.respondents {
                let exact = Double(n) / Double(base) * 100
                if !Validator.isRounding(p, of: exact, rule: rule, convention: c) {
                    let ofWhat = base == q.respondents ? "respondents" : "substantive answers"
                    report("percent", "percent", "printed \(fmt(p, decimals)) % does not match n/\(ofWhat) = \(n)/\(base) = \(fmt(exact, decimals + 2)) %"
                           + "; rounded half up that is \(fmt(Rounding.halfUp(exact, decimals: decimals), decimals))")
                }
            }
        }
        let counts = q.options.compactMap(\.n)
        let sumAccepted = q.accepted.contains("sum")
        if single {
            // The options that make up 100 %: all, or the substantive ones under a substantive base.
            let summed = c.base == .substantive ? q.options.filter(\.kind.isSubstantive) : q.options
            let percents = summed.compactMap(\.percent)
            if percents.count == summed.count, !summed.isEmpty {
                let total = percents.reduce(0, +)
                let slack = Validator.sumSlack(rule: rule, convention: c, cells: summed.count)
                if abs(total - 100) > slack {
                    issues.append(sumIssue(q, summed, total: total, rule: rule, convention: c, accepted: sumAccepted))
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
        if !single, q.selections == nil, counts.count == q.options.count, counts.reduce(0, +) < q.respondents,
           q.options.allSatisfy(\.kind.isSubstantive) {
            issues.append(.init(.warning, at: q.location, question: q.id, field: "n", check: "selections",
                                "the options' n add up to \(counts.reduce(0, +)), fewer than the \(q.respondents) respondents"))
        }
        return issues
    }

    /// A distribution whose percents do not add up to 100: names the options that are not a correct rounding of
    /// their count, and never proposes to change one that is.
    func sumIssue(_ q: ChoiceQuestion, _ options: [ChoiceOption], total: Double, rule: RoundingRule,
                  convention c: PercentConvention, accepted: Bool) -> ValidationIssue {
        var hint = ""
        var suspect: ChoiceOption?
        if options.allSatisfy({ $0.n != nil }), let base = options.first.map({ q.percentBase(of: $0, convention: c) }), base > 0 {
            let exact = options.map { Double($0.n!) / Double(base) * 100 }
            let expected = rule == .largestRemainder ? Rounding.largestRemainder(exact, decimals: c.decimals)
                : exact.map { Rounding.halfUp($0, decimals: c.decimals) }
            // Only cells that are not what the declared rounding gives are named, with the value it gives.
            let wrong = options.indices.filter { i in
                rule == .largestRemainder ? abs((options[i].percent ?? 0) - expected[i]) > c.halfUnit
                    : !Validator.isRounding(options[i].percent ?? 0, of: exact[i], rule: .halfUp, convention: c)
            }
            let eachHalfUp = options.indices.allSatisfy { Validator.isRounding(options[$0].percent ?? 0, of: exact[$0], rule: .halfUp, convention: c) }
            if !wrong.isEmpty {
                hint = "; " + wrong.map { "'\(options[$0].id)' should be \(fmt(expected[$0], c.decimals))" }.joined(separator: ", ")
                    + " (\(Validator.describe(rule, c)))"
                if wrong.count == 1 { suspect = options[wrong[0]] }
            }
            if rule == .largestRemainder && eachHalfUp {
                hint += "; every percent is a correct rounding of its own count: if the source rounds each percent on its own, declare `rounding: half-up`"
            }
        }
        return .init(accepted ? .warning : .error, at: suspect?.location ?? q.location, question: q.id, item: suspect?.id,
                     field: "percent", check: "sum", "percents add up to \(fmt(total, c.decimals)), not 100\(hint)")
    }

    // MARK: - Rounding

    /// True when `printed` is a correct rounding of `exact`: within half a unit of the last digit when each
    /// percent is rounded on its own; within one unit under largest remainder (which may round either way).
    static func isRounding(_ printed: Double, of exact: Double, rule: RoundingRule, convention c: PercentConvention) -> Bool {
        let slack = rule == .largestRemainder ? c.unit - 1e-9 : c.halfUnit + 1e-9
        return abs(printed - exact) <= slack
    }


    /// How far a rounded distribution may sum from 100: half a unit under largest remainder (it adds up by
    /// construction), half a unit per cell when each cell is rounded on its own.
    static func sumSlack(rule: RoundingRule, convention c: PercentConvention, cells: Int) -> Double {
        switch rule {
        case .largestRemainder: c.halfUnit + 1e-9
        case .halfUp: c.halfUnit * Double(max(cells, 1)) + 1e-9
        }
    }

    static func describe(_ rule: RoundingRule, _ c: PercentConvention) -> String {
        let digits = c.decimals == 1 ? "1 decimal" : "\(c.decimals) decimals"
        return rule == .largestRemainder ? "largest-remainder rounding to \(digits)" : "rounding half up to \(digits)"
    }

    /// True when `value` has no more than `decimals` decimals.
    static func hasPrecision(_ value: Double, _ decimals: Int) -> Bool {
        var scale = 1.0
        for _ in 0..<max(decimals, 0) { scale *= 10 }
        let scaled = value * scale
        return abs(scaled - scaled.rounded()) < 1e-6
    }

    // MARK: - Grids

    func validateGrid(_ q: GridQuestion, scale: Scale, convention c: PercentConvention) -> [ValidationIssue] {
        var issues = duplicates(q.rows.map { ($0.id, $0.location) }, what: "row", question: q.id)
        if q.rows.isEmpty {
            issues.append(.init(.error, at: q.location, question: q.id, field: "rows", check: "empty", "a grid needs at least one row"))
        }
        if q.respondents <= 0 {
            issues.append(.init(.error, at: q.location, question: q.id, field: "respondents", check: "respondents", "respondents must be positive"))
        }
        for row in q.rows { issues += validateGridRow(row, in: q, scale: scale, isTotal: false, convention: c) }
        guard let total = q.total else { return issues }
        issues += validateGridRow(total, in: q, scale: scale, isTotal: true, convention: c)
        // A printed Totalt row is either the unweighted mean of the printed row percentages (as the bundled
        // source prints it) or the pooled distribution of the rows' counts.
        let width = scale.points.count
        guard total.percents.count == width, q.rows.allSatisfy({ $0.percents.count == width }), !q.rows.isEmpty else { return issues }
        let pooled: [Double]? = {
            let rows = q.rows.map { counts(of: $0, in: q, scale: scale, convention: c) }
            guard rows.allSatisfy({ $0 != nil }) else { return nil }
            let sums = (0..<width).map { j in rows.map { $0![j] }.reduce(0, +) }
            let all = sums.reduce(0, +)
            return all > 0 ? sums.map { Double($0) / Double(all) * 100 } : nil
        }()
        for j in 0..<width {
            let mean = q.rows.map { $0.percents[j] }.reduce(0, +) / Double(q.rows.count)
            let averageFits = abs(mean - total.percents[j]) <= c.halfUnit + Validator.epsilon
            let pooledFits = pooled.map { Validator.isRounding(total.percents[j], of: $0[j], rule: c.rounding, convention: c) } ?? false
            if !averageFits && !pooledFits {
                let pooledText = pooled.map { ", the pooled counts give \(fmt($0[j], c.decimals + 2)) %" } ?? ""
                issues.append(.init(total.accepted.contains("total") ? .warning : .error, at: total.location, question: q.id,
                                    item: "Totalt", field: "percent[\(j)] (\(scale.points[j].id))", check: "total",
                                    "printed \(fmt(total.percents[j], c.decimals)) % but the rows average \(fmt(mean, c.decimals + 2)) %\(pooledText)"))
            }
        }
        return issues
    }

    func validateGridRow(_ row: GridRow, in q: GridQuestion, scale: Scale, isTotal: Bool,
                         convention c: PercentConvention) -> [ValidationIssue] {
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
        for (j, p) in row.percents.enumerated() where !Validator.hasPrecision(p, c.decimals) {
            report("percent", "percent[\(j)]", "percent \(p) has more than the \(c.decimals) decimals the survey prints (percent-decimals)")
        }
        if let r = row.respondents, r <= 0 {
            report("respondents", "respondents", "a row needs at least one answer (respondents = \(r))")
        }
        let base = row.respondents ?? q.respondents
        let substantive = scale.applicableIndices
        // The points whose percents add up to 100: all, or the scored ones under a substantive base.
        let summed = c.base == .substantive ? substantive : Array(scale.points.indices)
        if let counts = row.counts {
            if counts.count != scale.points.count {
                report("shape", "n", "has \(counts.count) counts but scale '\(scale.id)' has \(scale.points.count) points")
            } else {
                for (j, n) in counts.enumerated() where n < 0 {
                    report("n", "n[\(j)]", "n = \(n) is negative")
                }
                let sum = counts.reduce(0) { $0 &+ max($1, 0) }
                if !isTotal || row.respondents != nil, sum != base {
                    let whose = row.respondents != nil ? "the row's" : "the question's"
                    report("n", "n", "n adds up to \(sum), not \(whose) \(base) respondents"
                           + (row.respondents == nil ? "; give the row its own `respondents:` if fewer answered it" : ""))
                }
                let denominator = summed.map { counts[$0] }.reduce(0) { $0 &+ max($1, 0) }
                for j in scale.points.indices where denominator > 0 && sum > 0 {
                    let of = summed.contains(j) ? denominator : sum
                    let exact = Double(max(counts[j], 0)) / Double(of) * 100
                    if !Validator.isRounding(row.percents[j], of: exact, rule: c.rounding, convention: c) {
                        report("percent", "percent[\(j)] (\(scale.points[j].id))",
                               "printed \(fmt(row.percents[j], c.decimals)) % does not match n/answers = \(counts[j])/\(of) = \(fmt(exact, c.decimals + 2)) %")
                    }
                }
            }
        }
        let sum = summed.map { row.percents[$0] }.reduce(0, +)
        // A Totalt row that averages rounded rows may drift further.
        let slack = isTotal ? max(0.3, Validator.sumSlack(rule: c.rounding, convention: c, cells: summed.count))
            : max(c.rounding == .largestRemainder ? c.unit : 0, Validator.sumSlack(rule: c.rounding, convention: c, cells: summed.count))
        if abs(sum - 100) > slack + Validator.epsilon {
            report("sum", "percent", "percents add up to \(fmt(sum, c.decimals)), not 100")
        }
        guard let stats = statistics(of: row, in: q, scale: scale, isTotal: isTotal, convention: c) else { return issues }
        if let mean = row.mean, !stats.meanMatches(mean) {
            report("mean", "mean", "printed mean \(fmt(mean)) but the \(stats.isExact ? "counts" : "percents") and the scores of scale '\(scale.id)' give \(fmt(stats.mean, 3))")
        }
        if let median = row.median, !stats.medianMatches(median) {
            let candidates = stats.medianCandidates.map { fmt($0) }.joined(separator: " or ")
            report("median", "median", "printed median \(fmt(median)) but the \(stats.isExact ? "counts" : "percents") and the scores of scale '\(scale.id)' give \(candidates)")
        }
        return issues
    }

    /// A row's counts: given, or recovered from its printed percents.
    func counts(of r: GridRow, in q: GridQuestion, scale: Scale, convention c: PercentConvention) -> [Int]? {
        if let given = r.counts, given.count == scale.points.count, given.allSatisfy({ $0 >= 0 }) { return given }
        guard r.percents.count == scale.points.count, c.base == .all else { return nil }
        return CountReconstruction.counts(percents: r.percents, respondents: r.respondents ?? q.respondents, convention: c)
    }

    /// Exact statistics where the counts are known or can be recovered (a Totalt row pools its rows'
    /// counts, as the source does), else statistics from the printed percents.
    func statistics(of row: GridRow, in q: GridQuestion, scale: Scale, isTotal: Bool, convention c: PercentConvention) -> ScaleStatistics? {
        if isTotal && row.counts == nil {
            let rows = q.rows.map { counts(of: $0, in: q, scale: scale, convention: c) }
            if !rows.isEmpty, rows.allSatisfy({ $0 != nil }) {
                let pooled = scale.points.indices.map { j in rows.map { $0![j] }.reduce(0, +) }
                if let exact = ScaleStatistics(counts: pooled, scale: scale) { return exact }
            }
        } else if let given = counts(of: row, in: q, scale: scale, convention: c), let exact = ScaleStatistics(counts: given, scale: scale) {
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
