/// What `stapel validate --explain` prints: per question the counts and bases Stapel works with — given, or
/// reconstructed from the rounded percents — the scale's scores, and where the data leaves a choice open
/// (several bases reproduce the percents; a median that rounding leaves undecided). Text for people, JSON for
/// tools; both locale-free and in questionnaire order.
package enum ValidationExplanation {
    /// One row (option, statement, Totalt) as explained.
    package struct Row: Sendable, Hashable {
        package var id: String
        package var base: Int
        package var baseSource: RowBase.Source
        /// Counts per point / option / column, when given or reconstructed.
        package var counts: [Int]?
        package var countsReconstructed: Bool
        /// Mean and median computed from the counts (grids and multi-select grids with scores).
        package var mean: Double?
        package var median: Double?
        /// Other bases (up to the question's respondents) that reproduce the printed percents as well.
        package var otherBases: [Int]
        /// The possible medians when only rounded percents are known and the median is undecided.
        package var medianCandidates: [Double]
    }

    package struct Entry: Sendable, Hashable {
        package var id: String
        package var kind: String
        package var respondents: Int
        package var scale: String?
        /// `point=score` (or `point=–` for a non-substantive point, with its kind).
        package var scores: [String]
        package var rows: [Row]
    }

    package static func entries(_ survey: Survey) -> [Entry] {
        survey.questions.map { entry($0, survey: survey) }
    }

    static func entry(_ question: Question, survey: Survey) -> Entry {
        let convention = survey.convention(for: question)
        var e = Entry(id: question.id, kind: question.kindName, respondents: question.respondents, scale: nil, scores: [], rows: [])
        switch question {
        case .singleChoice(let q), .multipleChoice(let q):
            for o in q.options {
                let base = q.percentBase(of: o, convention: convention)
                let n = o.n ?? o.percent.map { Int(($0 * Double(base) / 100).rounded()) }
                e.rows.append(Row(id: o.id, base: base, baseSource: base == q.respondents ? .question : .counts,
                                  counts: n.map { [$0] }, countsReconstructed: o.n == nil && n != nil, mean: nil, median: nil,
                                  otherBases: [], medianCandidates: []))
            }
        case .grid(let q):
            let scale = survey.scale(q.scaleID)
            e.scale = q.scaleID
            e.scores = scale?.points.map { p in p.score.map { "\(p.id)=\(plain($0))" } ?? "\(p.id)=– (\(p.kind.yamlName))" } ?? []
            let points = scale?.points.count ?? 0
            let all = q.rows.map { ($0, false) } + (q.total.map { [($0, true)] } ?? [])
            for (r, isTotal) in all {
                let b = q.base(of: r, points: points, convention: convention, isTotal: isTotal)
                let reconstructed = b.source != .counts && b.counts != nil
                let stats = scale.flatMap { s in b.counts.flatMap { ScaleStatistics(counts: $0, scale: s) } }
                var candidates: [Double] = []
                if b.counts == nil, let s = scale, let st = ScaleStatistics(percents: r.percents, scale: s), st.medianCandidates.count > 1 {
                    candidates = st.medianCandidates
                }
                var others: [Int] = []
                if b.source == .reconstructed || b.source == .question, !isTotal, r.counts == nil {
                    others = alternativeBases(r.percents, respondents: q.respondents, convention: convention, excluding: b.n)
                }
                e.rows.append(Row(id: isTotal ? "_total" : r.id, base: b.n, baseSource: b.source, counts: b.counts,
                                  countsReconstructed: reconstructed, mean: stats?.mean, median: stats?.medianCandidates.first,
                                  otherBases: others, medianCandidates: candidates))
            }
        case .multiSelectGrid(let q):
            e.scores = q.scores.map { s in zip(q.columns, s).map { "\($0)=\(plain($1))" } } ?? []
            let all = q.rows.map { ($0, false) } + (q.total.map { [($0, true)] } ?? [])
            for (r, isTotal) in all {
                let b = q.base(of: r)
                let stats = q.scores.map { SelectionStatistics(counts: r.counts, scores: $0) }
                e.rows.append(Row(id: isTotal ? "_total" : r.id, base: b.n, baseSource: b.source, counts: r.counts,
                                  countsReconstructed: false, mean: stats?.mean, median: stats?.median,
                                  otherBases: [], medianCandidates: []))
            }
        }
        return e
    }

    /// Bases other than `excluding`, up to `respondents`, whose whole counts also print as `percents`.
    static func alternativeBases(_ percents: [Double], respondents: Int, convention: PercentConvention, excluding: Int) -> [Int] {
        guard respondents > 0, respondents <= 100_000 else { return [] }
        let slack = convention.rounding == .largestRemainder ? convention.unit - 1e-9 : convention.halfUnit + 1e-9
        return (1...respondents).filter { $0 != excluding && CountReconstruction.fit(percents, base: $0, slack: slack) != nil }
    }

    // MARK: - Text

    package static func text(_ survey: Survey) -> String {
        var out = ""
        for e in entries(survey) {
            out += "\(e.id) (\(e.kind), \(e.respondents) respondents"
            if let scale = e.scale { out += ", scale \(scale): " + e.scores.joined(separator: ", ") }
            else if !e.scores.isEmpty { out += ", scores: " + e.scores.joined(separator: ", ") }
            out += ")\n"
            for r in e.rows {
                out += "  \(r.id): base \(r.base) (\(describe(r.baseSource)))"
                if let c = r.counts {
                    out += "; counts " + c.map(String.init).joined(separator: ", ") + (r.countsReconstructed ? " (reconstructed)" : "")
                }
                if let m = r.mean { out += "; mean \(plain(m, 2))" }
                if let m = r.median { out += "; median \(plain(m))" }
                if !r.otherBases.isEmpty {
                    let shown = r.otherBases.prefix(8).map(String.init).joined(separator: ", ")
                    out += "; ambiguous: bases \(shown)\(r.otherBases.count > 8 ? ", …" : "") also reproduce the percents"
                }
                if !r.medianCandidates.isEmpty {
                    out += "; ambiguous median: " + r.medianCandidates.map { plain($0) }.joined(separator: " or ")
                }
                out += "\n"
            }
        }
        return out
    }

    static func describe(_ s: RowBase.Source) -> String {
        switch s {
        case .counts: "from the counts"
        case .given: "given"
        case .reconstructed: "reconstructed from the percents"
        case .question: "the question's respondents"
        }
    }

    // MARK: - JSON

    package static func json(_ survey: Survey) -> String {
        var items: [String] = []
        for e in entries(survey) {
            var fields = ["\"id\": \(q(e.id))", "\"kind\": \(q(e.kind))", "\"respondents\": \(e.respondents)"]
            if let scale = e.scale { fields.append("\"scale\": \(q(scale))") }
            fields.append("\"scores\": [" + e.scores.map(q).joined(separator: ", ") + "]")
            let rows = e.rows.map { r -> String in
                var f = ["\"id\": \(q(r.id))", "\"base\": \(r.base)", "\"base_source\": \(q(r.baseSource.rawValue))"]
                f.append("\"counts\": " + (r.counts.map { "[" + $0.map(String.init).joined(separator: ", ") + "]" } ?? "null"))
                f.append("\"counts_reconstructed\": \(r.countsReconstructed)")
                f.append("\"mean\": " + (r.mean.map { plain($0, 4) } ?? "null"))
                f.append("\"median\": " + (r.median.map { plain($0, 4) } ?? "null"))
                f.append("\"other_bases\": [" + r.otherBases.map(String.init).joined(separator: ", ") + "]")
                f.append("\"median_candidates\": [" + r.medianCandidates.map { plain($0, 4) }.joined(separator: ", ") + "]")
                return "      {" + f.joined(separator: ", ") + "}"
            }
            fields.append("\"rows\": [\n" + rows.joined(separator: ",\n") + "\n    ]")
            items.append("    {" + fields.joined(separator: ", ") + "}")
        }
        return "{\n  \"survey\": \(q(survey.id)),\n  \"questions\": [\n" + items.joined(separator: ",\n") + "\n  ]\n}\n"
    }

    static func plain(_ v: Double, _ decimals: Int = 1) -> String { NumberFormat.plain(v, decimals: decimals) }

    /// A JSON string literal.
    static func q(_ s: String) -> String {
        var out = "\""
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            default:
                if u.value < 0x20 {
                    let hex = String(u.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else { out.unicodeScalars.append(u) }
            }
        }
        return out + "\""
    }
}
