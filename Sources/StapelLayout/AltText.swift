import StapelModel

/// The text alternative of one figure, in the label set's language: a short one (at most `AltText.shortLimit`
/// characters: chart kind, the question, the extremes, the Totalt and the respondents) and a long description
/// (every row's figures). Built from the data and the `ui.alt.*` label templates, so translators translate it;
/// a label `questions.<id>.alt` replaces the short one. Every writer (SVG, PNG, PDF, HTML, `.alt.txt`) embeds
/// the same text.
package struct AltText: Sendable, Hashable {
    package var short: String
    package var long: String

    package init(short: String, long: String) {
        self.short = short
        self.long = long
    }

    /// Screen readers and WCAG practice: a short text alternative stays under this many characters.
    package static let shortLimit = 250

    /// The marker after a row label that rests on few answers, explained by the `ui.low-base` note.
    package static let lowBaseMarker = "*"

    /// The alt text of `request`'s question.
    package init(_ request: RenderRequest) {
        self = AltTextBuilder(request: request).build()
    }
}

/// Assembles `AltText` from the data; the figures are formatted as the charts format them.
struct AltTextBuilder {
    let request: RenderRequest
    var labels: LabelSet { request.labels }
    var numbers: NumberFormat { request.numberFormat }
    var style: Style { request.style.resolved(for: request.question.id) }
    var questionID: String { request.question.id }

    /// One labelled figure: a row (or row × column) and its value.
    struct Figure {
        var label: String
        var value: Double
        var column: String? = nil
    }

    /// The short text's pieces: its lead (chart kind and question) and the sentences after it.
    struct Summary {
        var kind: String
        var extremes: (key: String, top: [Figure], bottom: [Figure], point: String?)?
        /// The Totalt sentence (short text only: the long one has the Totalt row).
        var total: String? = nil
        /// Sentences of both texts ("Several answers allowed").
        var sentences: [String]
    }

    func percent(_ v: Double) -> String { numbers.percent(v, decimals: request.convention.decimals) }
    func decimal(_ v: Double) -> String { numbers.decimal(v, decimals: 1) }
    func clean(_ s: String) -> String { AltTextBuilder.oneLine(s) }
    func text(_ key: String) -> String { clean(labels.text(key)) }
    func text(_ key: String, _ values: [String: String]) -> String { clean(labels.text(key, values)) }

    func build() -> AltText {
        let q = request.question
        var long: [String] = []
        var summary: Summary
        let respondents = sentence(text(Term.respondents.key, ["n": numbers.integer(q.respondents)]))
        switch q {
        case .singleChoice(let c), .multipleChoice(let c):
            let multiple: Bool
            if case .multipleChoice = q { multiple = true } else { multiple = false }
            (summary, long) = choice(c, multiple: multiple)
        case .grid(let g):
            (summary, long) = grid(g)
        case .multiSelectGrid(let m):
            (summary, long) = multiSelect(m)
        }
        summary.sentences.append(respondents)
        let question = text(LabelKey.question(questionID))
        let kind = summary.kind
        let lead = { (question: String) in
            self.text(Term.altLead.key, ["kind": kind, "question": self.sentence(question)])
        }
        let longText = ([lead(question)] + summary.sentences + long).joined(separator: "\n")
        if let override = labels[LabelKey.question(questionID, .alt)].map(clean), !override.isEmpty {
            return AltText(short: override, long: longText)
        }
        return AltText(short: shortText(summary, question: question, lead: lead), long: longText)
    }

    /// The short text, shortened to the limit: the question's short caption, then a shortened question, then
    /// shortened labels, finally a cut.
    func shortText(_ s: Summary, question: String, lead: (String) -> String) -> String {
        func compose(_ question: String, labelLimit: Int?) -> String {
            var parts = [lead(question)]
            if let e = s.extremes {
                func names(_ f: [Figure]) -> String {
                    AltTextBuilder.list(f.map { AltTextBuilder.cut(AltTextBuilder.phrase($0.label), labelLimit) }, labels)
                }
                var values = ["top_label": names(e.top), "bottom_label": names(e.bottom),
                              "top": formatted(e.top.first, key: e.key), "bottom": formatted(e.bottom.first, key: e.key)]
                if let point = e.point { values["point"] = point }
                if e.key == Term.altMultiSelect.key {
                    values["top_column"] = AltTextBuilder.list(e.top.compactMap(\.column).map { AltTextBuilder.cut($0, labelLimit) }, labels)
                    values["bottom_column"] = AltTextBuilder.list(e.bottom.compactMap(\.column).map { AltTextBuilder.cut($0, labelLimit) }, labels)
                }
                parts.append(text(e.key, values))
            }
            if let total = s.total { parts.append(total) }
            parts += s.sentences
            return parts.joined(separator: " ")
        }
        let limit = AltText.shortLimit
        var candidate = compose(question, labelLimit: nil)
        if candidate.count <= limit { return candidate }
        if let short = labels[LabelKey.question(questionID, .short)].map(clean), !short.isEmpty {
            candidate = compose(short, labelLimit: nil)
            if candidate.count <= limit { return candidate }
        }
        for labelLimit in [nil, 60, 40, 25, 15] as [Int?] {
            let without = compose("", labelLimit: labelLimit).count
            let room = limit - without
            if room >= 30 || labelLimit == 15 {
                candidate = compose(AltTextBuilder.cut(question, max(room, 1)), labelLimit: labelLimit)
                if candidate.count <= limit { return candidate }
            }
        }
        return AltTextBuilder.cut(candidate, limit)
    }

    func formatted(_ f: Figure?, key: String) -> String {
        guard let f else { return "–" }
        return key == Term.altGridMean.key ? decimal(f.value) : percent(f.value)
    }

    /// The figures equal to the largest and the smallest value (ties named together), in the order given.
    static func extremes(_ figures: [Figure]) -> (top: [Figure], bottom: [Figure])? {
        guard let hi = figures.map(\.value).max(), let lo = figures.map(\.value).min() else { return nil }
        return (figures.filter { abs($0.value - hi) < 1e-9 }, figures.filter { abs($0.value - lo) < 1e-9 })
    }

    // MARK: - Kinds

    func choice(_ c: ChoiceQuestion, multiple: Bool) -> (Summary, [String]) {
        let convention = request.convention
        let ordered = multiple ? MultipleChoiceChart.ordered(c, sort: style.bars.sortMultipleChoice)
            : c.options.filter(\.kind.isSubstantive) + c.options.filter { !$0.kind.isSubstantive }
        func share(_ o: ChoiceOption) -> Double { o.percent ?? ChoiceBars.share(of: o, in: c, convention: convention) }
        func label(_ o: ChoiceOption) -> String { text(LabelKey.option(questionID, o.id)) }
        // Non-substantive answers ("Vet ej") are no candidates for the largest or smallest share; nor are "Annat …"
        // and exclusive options, which the chart pins last, unless nothing else is left to compare.
        let substantive = ordered.filter(\.kind.isSubstantive)
        let comparable = substantive.filter { !$0.isPinnedLast }.count >= 2 ? substantive.filter { !$0.isPinnedLast } : substantive
        let figures = comparable.map { Figure(label: label($0), value: share($0)) }
        var summary = Summary(kind: text(Term.altKindBar.key), sentences: [])
        if let e = AltTextBuilder.extremes(figures) {
            summary.extremes = (multiple ? Term.altMultiple.key : Term.altChoice.key, e.top, e.bottom, nil)
        }
        if multiple { summary.sentences.append(sentence(text(Term.multipleAllowedShort.key))) }
        let long = ordered.map { o -> String in
            var value = percent(share(o))
            if let n = o.n { value += ", " + text(Term.altBase.key, ["n": numbers.integer(n)]) }
            return text(Term.altRow.key, ["label": AltTextBuilder.phrase(label(o)), "values": value])
        }
        return (summary, long)
    }

    func grid(_ g: GridQuestion) -> (Summary, [String]) {
        let opts = style.grid
        let kind = text(opts.layout == .diverging ? Term.altKindDiverging.key : Term.altKindStacked.key)
        var summary = Summary(kind: kind, sentences: [])
        guard let scale = request.survey.scale(g.scaleID), !scale.points.isEmpty else { return (summary, []) }
        let convention = request.convention
        let geometry = GridGeometry(scale: scale, layout: opts.layout)
        let top = geometry.highest(1).first
        func pointLabel(_ i: Int) -> String { text(LabelKey.point(scale.id, scale.points[i].id)) }
        func mean(_ r: GridRow) -> Double? {
            if let m = r.mean { return m }
            // As the chart: the printed mean, else one from the counts the data gives (never from reconstructed ones).
            let b = g.base(of: r, points: scale.points.count, convention: convention)
            guard b.source == .counts, let counts = b.counts else { return nil }
            return ScaleStatistics(counts: counts, scale: scale).map { Rounding.halfUp($0.mean, decimals: 1) }
        }
        let valid = g.rows.filter { $0.percents.count == scale.points.count }
        let bases = valid.map { g.base(of: $0, points: scale.points.count, convention: convention) }
        let useMean = !valid.isEmpty && valid.allSatisfy { mean($0) != nil }
        func value(_ r: GridRow) -> Double? { useMean ? mean(r) : top.map { r.percents[$0] } }
        // Rows on a low base are not compared with the others, unless nothing else is left.
        let sturdy = zip(valid, bases).filter { !$0.1.isLow(threshold: opts.lowBase) }.map(\.0)
        let compared = sturdy.count >= 2 ? sturdy : valid
        let figures = compared.compactMap { r in value(r).map { Figure(label: text(LabelKey.row(questionID, r.id)), value: $0) } }
        if let e = AltTextBuilder.extremes(figures) {
            let point = top.map { quoted(pointLabel($0)) }
            summary.extremes = (useMean ? Term.altGridMean.key : Term.altGridShare.key, e.top, e.bottom, useMean ? nil : point)
        }
        if let total = g.total, total.percents.count == scale.points.count, let v = value(total) {
            summary.total = (text(Term.altTotal.key, ["label": text(Term.total.key), "value": useMean ? decimal(v) : percent(v)]))
        }
        var long: [String] = []
        func line(_ r: GridRow, label: String, base b: RowBase?) -> String {
            var parts = [scale.points.indices.map { text(Term.altValue.key, ["label": pointLabel($0), "value": percent(r.percents[$0])]) }
                .joined(separator: labels[.listSeparator] ?? ", ")]
            if let m = r.mean ?? mean(r) { parts.append(text(Term.altValue.key, ["label": text(Term.mean.key), "value": decimal(m)])) }
            if let m = r.median { parts.append(text(Term.altValue.key, ["label": text(Term.median.key), "value": decimal(m)])) }
            if let b { parts.append(text(Term.altBase.key, ["n": numbers.integer(b.n)])) }
            var s = text(Term.altRow.key, ["label": AltTextBuilder.phrase(label), "values": parts.joined(separator: "; ")])
            if let b, b.isLow(threshold: opts.lowBase) {
                s += " " + text(Term.lowBase.key, ["n": numbers.integer(opts.lowBase)])
            }
            return s
        }
        for (r, b) in zip(valid, bases) { long.append(line(r, label: text(LabelKey.row(questionID, r.id)), base: b)) }
        if let total = g.total, total.percents.count == scale.points.count {
            long.append(line(total, label: text(Term.total.key), base: nil))
        }
        return (summary, long)
    }

    func multiSelect(_ m: MultiSelectGridQuestion) -> (Summary, [String]) {
        var summary = Summary(kind: text(Term.altKindGrouped.key), sentences: [])
        let decimals = style.bars.valueDecimals
        func column(_ j: Int) -> String { text(LabelKey.column(questionID, m.columns[j])) }
        var figures: [Figure] = []
        var long: [String] = []
        for r in m.rows where r.counts.count == m.columns.count {
            let b = m.base(of: r)
            let label = text(LabelKey.row(questionID, r.id))
            var values: [String] = []
            for (j, n) in r.counts.enumerated() {
                let share = b.n > 0 ? Double(n) / Double(b.n) * 100 : 0
                figures.append(Figure(label: label, value: Rounding.halfUp(share, decimals: decimals), column: column(j)))
                values.append(text(Term.altValue.key, ["label": column(j),
                                                    "value": "\(numbers.percent(Rounding.halfUp(share, decimals: decimals), decimals: decimals)) (\(numbers.integer(n)))"]))
            }
            values.append(text(Term.altBase.key, ["n": numbers.integer(b.n)]))
            long.append(text(Term.altRow.key, ["label": AltTextBuilder.phrase(label), "values": values.joined(separator: labels[.listSeparator] ?? ", ")]))
        }
        if let e = AltTextBuilder.extremes(figures) {
            // Ties across many cells would make a list; name the first of each.
            summary.extremes = (Term.altMultiSelect.key, Array(e.top.prefix(1)), Array(e.bottom.prefix(1)), nil)
        }
        summary.sentences.append(sentence(text(Term.multiplePerRow.key)))
        return (summary, long)
    }

    // MARK: - Text helpers

    func quoted(_ s: String) -> String { labels.quoted(s) }

    /// `s` ending as a sentence: a full stop added unless it ends in punctuation already.
    func sentence(_ s: String) -> String {
        guard let last = s.last else { return s }
        return ".?!:…".contains(last) ? s : s + "."
    }

    /// A label inside a sentence: without its own closing full stop.
    static func phrase(_ s: String) -> String {
        var t = s
        while t.hasSuffix(".") && !t.hasSuffix("..") { t.removeLast() }
        return t
    }

    static func list(_ items: [String], _ labels: LabelSet) -> String {
        items.joined(separator: labels[.listSeparator] ?? ", ")
    }

    /// At most `limit` characters: cut at a word boundary where one is near, with "…".
    static func cut(_ s: String, _ limit: Int?) -> String {
        guard let limit, s.count > limit else { return s }
        guard limit > 1 else { return "…" }
        let head = String(s.prefix(limit - 1))
        if let space = head.lastIndex(of: " "), head.distance(from: head.startIndex, to: space) >= (limit - 1) * 2 / 3 {
            var h = String(head[..<space])
            while let last = h.last, ",;:–-".contains(last) || last == " " { h.removeLast() }
            return h + "…"
        }
        return head + "…"
    }

    /// Whether `oneLine` would return `s` unchanged, judged from its scalars without Unicode property look-ups:
    /// no control character, no space at either end, none doubled, no space or no-break space followed by a
    /// non-ASCII scalar (which may be a combining mark), and none of the other white space (U+0085, U+1680, U+2000–U+200A, U+2028, U+2029,
    /// U+205F, U+3000); the no-break spaces U+00A0 and U+202F are kept by `oneLine` and pass here.
    static func isOneLine(_ s: String) -> Bool {
        var previous: UInt32 = 0x20   // as if after a space: a leading space is not one line
        var first = true
        for scalar in s.unicodeScalars {
            switch scalar.value {
            case 0x20 where previous == 0x20: return false
            // Controls (C0, DEL, C1) and the other white space (no-break spaces are kept as they are).
            case 0..<0x20, 0x7F...0x9F, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x205F, 0x3000: return false
            // A mark after a space (or a no-break space) forms one character with it, which `oneLine` judges as
            // a whole: left to it.
            case 0x80... where (previous == 0x20 && !first) || previous == 0xA0 || previous == 0x202F: return false
            default: break
            }
            previous = scalar.value
            first = false
        }
        return previous != 0x20
    }

    /// One line: line breaks and tabs become spaces, runs of spaces one, control characters dropped.
    static func oneLine(_ s: String) -> String {
        isOneLine(s) ? s : joiningLines(s)
    }

    /// `oneLine` character by character.
    static func joiningLines(_ s: String) -> String {
        var out = ""
        var space = false
        for ch in s {
            if ch.isWhitespace && ch != "\u{00A0}" && ch != "\u{202F}" {
                space = !out.isEmpty
                continue
            }
            if ch.unicodeScalars.allSatisfy({ $0.properties.generalCategory == .control }) { continue }
            if space { out.append(" "); space = false }
            out.append(ch)
        }
        return out
    }
}
