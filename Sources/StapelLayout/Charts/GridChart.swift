import StapelModel

/// Grid (Likert): one 100 % stacked bar per statement (or bars centred on the scale's midpoint), the legend in
/// stack order, segment labels where they fit, not-applicable answers apart from the scale, the Totalt row set
/// apart, and optional columns for net totals, not-applicable shares, mean, median and base n.
struct GridChart: ChartBody {
    let question: GridQuestion
    let scale: Scale?

    /// One bar: a statement or the Totalt row.
    struct Row {
        var key: String
        var isTotal: Bool
        var isOther: Bool
        /// Share per scale point as shown: printed, or rebased on the scored points.
        var shares: [Double]
        /// Displayed (rounded) share per scale point.
        var shown: [Double]
        var base: Int
        /// Answers behind the row, for the base-n column.
        var answered: Int
        var mean: Double?
        var median: Double?
        /// The net total (share of the highest-scoring points), when asked for.
        var net: Double?
        /// Rests on fewer answers than the style's `grid.low-base`: marked, with a note.
        var lowBase = false
    }

    /// A column of figures right of the bars.
    struct Column {
        var headerKey: String?
        var header: String?
        var values: [String]
        var width: Double = 0
    }

    func layout(_ b: FigureBuilder, top: Double) -> ChartResult {
        guard let scale, !scale.points.isEmpty else {
            b.warn(.overflow, key: LabelKey.question(question.id), "the grid's scale '\(question.scaleID)' is unknown; nothing drawn")
            return ChartResult(bottom: top, notes: [])
        }
        var opts = b.style.grid
        let convention = b.request.convention
        let substantiveBase = convention.base == .substantive
        let geometry = GridGeometry(scale: scale, layout: opts.layout)
        // Non-substantive points ("Inte relevant", "Vet ej"): kept out of the scale's colours and statistics.
        let notApplicable = scale.nonSubstantiveIndices
        // A net of half the scale or more would mix the two ends: at most the upper half.
        opts.netPoints = min(opts.netPoints, max(geometry.scored.count / 2, 1))
        // Shares of substantive answers only are a rebased distribution: the others are shown apart.
        let naApart = !notApplicable.isEmpty && (opts.notApplicable == .panel || opts.rebase || substantiveBase || opts.layout == .diverging)
        let palette = b.colors.palette(points: geometry.scored.count, polarity: scale.polarity)
        let highestFirst = Array(geometry.ascending.reversed())
        func fill(_ point: Int) -> Fill {
            if let k = highestFirst.firstIndex(of: point) { return Fill(color: k < palette.count ? palette[k] : b.colors.bar) }
            return b.colors.fill(for: scale.points[point].kind)
        }
        func color(_ point: Int) -> StyleColor { fill(point).color }
        func pointKey(_ i: Int) -> String { LabelKey.point(scale.id, scale.points[i].id) }

        // MARK: Rows
        var rows: [Row] = []
        var roundingMissed = false
        func makeRow(_ r: GridRow, key: String, isTotal: Bool) -> Row? {
            guard r.percents.count == scale.points.count else {
                b.warn(.overflow, key: key, "has \(r.percents.count) percents for \(scale.points.count) scale points; row left out")
                return nil
            }
            // Counts, where the data gives them, are the unrounded truth behind the printed percents.
            let counts = r.counts.flatMap { c in c.count == scale.points.count && c.allSatisfy { $0 >= 0 } ? c : nil }
            let exact: [Double] = {
                guard let counts else { return r.percents }
                let all = counts.reduce(0, +)
                let scoredSum = geometry.scored.map { counts[$0] }.reduce(0, +)
                return scale.points.indices.map { j in
                    let of = substantiveBase && !scale.points[j].notApplicable ? scoredSum : all
                    return of > 0 ? Double(counts[j]) / Double(of) * 100 : 0
                }
            }()
            // Figures shown at the printed precision are the printed ones; at another precision they are
            // rounded from the unrounded shares.
            var shares = opts.segmentDecimals == convention.decimals || counts == nil ? r.percents : exact
            var groups: [[Int]] = [Array(scale.points.indices)]
            if substantiveBase && !notApplicable.isEmpty {
                groups = [geometry.scored] + notApplicable.map { [$0] }
            } else if opts.rebase && !notApplicable.isEmpty {
                let scoredSum = geometry.scored.map { r.percents[$0] }.reduce(0, +)
                for i in geometry.scored { shares[i] = scoredSum > 0 ? r.percents[i] / scoredSum * 100 : 0 }
                groups = [geometry.scored] + notApplicable.map { [$0] }
            }
            var shown = shares
            for group in groups {
                let values = DisplayValues.rounded(group.map { shares[$0] }, decimals: opts.segmentDecimals, method: opts.rounding)
                for (i, v) in zip(group, values) { shown[i] = v }
                if group.count > 1 && DisplayValues.missesHundred(values, decimals: opts.segmentDecimals) { roundingMissed = true }
            }
            // A net is the share of its points together, rounded once from unrounded shares — never a sum of
            // rounded segment figures.
            var netExact = exact
            if opts.rebase && !substantiveBase && !notApplicable.isEmpty {
                let scoredSum = geometry.scored.map { exact[$0] }.reduce(0, +)
                netExact = exact.map { scoredSum > 0 ? $0 / scoredSum * 100 : 0 }
            }
            let net = opts.netPoints > 0
                ? Rounding.halfUp(geometry.highest(opts.netPoints).map { netExact[$0] }.reduce(0, +), decimals: opts.segmentDecimals) : nil
            // The answers behind the row: the given counts; else its stated respondents; else (never printed)
            // recovered from its percents. The Totalt row keeps the question's.
            let answered = counts.map { $0.reduce(0, +) } ?? r.respondents ?? (isTotal ? nil : CountReconstruction.counts(
                percents: r.percents, respondents: question.respondents, convention: convention)?.reduce(0, +)) ?? question.respondents
            // Under `rebase`, the shares on the scale rest on the scale's answers only.
            let scaleAnswers = counts.map { c in geometry.scored.map { c[$0] }.reduce(0, +) }
                ?? Int((Double(answered) * geometry.scored.map { r.percents[$0] }.reduce(0, +) / 100).rounded())
            let computed = counts.flatMap { ScaleStatistics(counts: $0, scale: scale) }
            let low = !isTotal && question.base(of: r, points: scale.points.count, convention: convention).isLow(threshold: opts.lowBase)
            return Row(key: key, isTotal: isTotal, isOther: r.isOther, shares: shares, shown: shown,
                       base: r.respondents ?? question.respondents,
                       answered: (opts.rebase || substantiveBase) && !notApplicable.isEmpty ? scaleAnswers : answered,
                       mean: r.mean ?? computed.map { Rounding.halfUp($0.mean, decimals: 1) },
                       median: r.median ?? computed?.medianCandidates.first, net: net, lowBase: low)
        }
        for r in question.rows {
            if let row = makeRow(r, key: LabelKey.row(question.id, r.id), isTotal: false) { rows.append(row) }
        }
        rows = sorted(rows, by: opts.sort, geometry: geometry)
        if opts.total, let total = question.total, let row = makeRow(total, key: Term.total.key, isTotal: true) { rows.append(row) }
        guard !rows.isEmpty else { return ChartResult(bottom: top, notes: []) }

        // MARK: Columns right of the bars
        var columns: [Column] = []
        let pct = { (v: Double) in b.numbers.percent(v, decimals: opts.segmentDecimals) }
        if opts.netPoints > 0 { columns.append(Column(headerKey: nil, header: nil, values: rows.map { pct($0.net ?? 0) })) }
        if naApart {
            for i in notApplicable {
                columns.append(Column(headerKey: pointKey(i), header: b.labels.text(pointKey(i)), values: rows.map { pct($0.shown[i]) }))
            }
        }
        let dec = { (v: Double?) in v.map { b.numbers.decimal($0, decimals: 1) } ?? "–" }
        if opts.statistic == .mean || opts.statistic == .both {
            columns.append(Column(headerKey: Term.mean.key, header: b.labels.text(.mean), values: rows.map { dec($0.mean) }))
        }
        if opts.statistic == .median || opts.statistic == .both {
            columns.append(Column(headerKey: Term.median.key, header: b.labels.text(.median), values: rows.map { dec($0.median) }))
        }
        if opts.baseN {
            columns.append(Column(headerKey: Term.n.key, header: b.labels.text(.n), values: rows.map { b.numbers.integer($0.answered) }))
        }
        let columnGap = 6.0
        for i in columns.indices {
            let valueWidth = columns[i].values.map { b.naturalWidth($0, role: .value) }.max() ?? 0
            // A column is as wide as its figures or its header's longest word, whichever is wider; the header
            // wraps onto more lines rather than widening the column and squeezing the labels and bars.
            let headerWord = columns[i].header.map { header in
                header.split(whereSeparator: { $0 == " " || $0 == "\u{00A0}" }).map { b.naturalWidth(String($0), role: .columnHeader) }.max() ?? 0
            } ?? 0
            columns[i].width = max(valueWidth, min(headerWord, b.style.fonts.valueSize * 9))
        }

        // MARK: Horizontal geometry
        let labelTexts = rows.map { row in
            row.isTotal ? b.labels.text(.total) : b.labels.text(row.key) + (row.lowBase ? "\u{00A0}" + AltText.lowBaseMarker : "")
        }
        let natural = zip(rows, labelTexts).map { row, text in
            b.naturalWidth(text, role: .label, font: labelFont(b, row))
        }.max() ?? 0
        // The bars keep at least 40 % of the width, however many columns sit beside them.
        let columnsWidth = columns.map { $0.width + columnGap }.reduce(0, +)
        // … but never so narrow that a word of a label must break.
        let widestWord = zip(rows, labelTexts).flatMap { row, text in
            text.split(separator: " ").map { b.naturalWidth(String($0), role: .label, font: labelFont(b, row)) }
        }.max() ?? 0
        let available = max(min(b.labelColumnWidth(natural: natural), b.contentWidth * 0.6 - columnsWidth - 8),
                            b.contentWidth * 0.15, min(widestWord + 0.5, b.contentWidth * 0.3))
        var labelBlocks = rows.indices.map { r in
            b.block(labelTexts[r], key: rows[r].key, role: .label, width: available, font: labelFont(b, rows[r]))
        }
        let labelColumn = labelBlocks.map(\.naturalWidth).max() ?? 0
        for r in labelBlocks.indices { labelBlocks[r].width = labelColumn }
        let plotX = b.left + labelColumn + 8
        let plotRight = b.right - columns.map { $0.width + columnGap }.reduce(0, +)
        let plotWidth = max(plotRight - plotX, 10)
        let naGap = (!notApplicable.isEmpty && !naApart) ? 4.0 : 0
        let extents = geometry.extents(rows.map(\.shares), apart: naApart)
        // Non-substantive answers set apart in the bar start at the same x on every row, after the longest
        // scale part, and the percent axis stops where they begin: the plot spans the longest scale part plus
        // the widest set-apart part, both in one unit.
        let parts = naGap > 0 ? rows.map { row -> (scale: Double, apart: Double) in
            let segments = geometry.segments(row.shares, apart: false)
            return (segments.filter { !$0.afterGap }.map(\.value).reduce(0, +), segments.filter(\.afterGap).map(\.value).reduce(0, +))
        } : []
        let scaleLongest = parts.map(\.scale).max() ?? 100
        let apartWidest = parts.map(\.apart).max() ?? 0
        let span = naGap > 0 ? scaleLongest + apartWidest : extents.left + extents.right
        let unit = (plotWidth - naGap) / max(span, 0.001)
        let naStart = plotX + scaleLongest * unit + naGap
        let centre = plotX + extents.left * unit

        var y = top
        // MARK: Legend
        if b.style.show.legend {
            var entries = geometry.stackOrder.map { Legend.Entry(key: pointKey($0), color: color($0)) }
            if !naApart {
                entries += notApplicable.map { Legend.Entry(key: pointKey($0), color: color($0), pattern: fill($0).pattern, apart: true) }
            }
            y = Legend(entries: entries).layout(b, x: b.left, top: y, width: b.contentWidth) + 10
        }
        // MARK: Column headers
        var columnX: [Double] = []
        var cx = plotRight + columnGap
        for c in columns {
            columnX.append(cx)
            cx += c.width + columnGap
        }
        let headers = columns.map { c in c.header.map { b.block($0, key: c.headerKey!, role: .columnHeader, width: c.width) } }
        let headerHeight = headers.compactMap { $0?.height }.max() ?? 0
        if headerHeight > 0 {
            for (i, h) in headers.enumerated() {
                guard let h else { continue }
                b.place(h, x: columnX[i], y: y + headerHeight - h.height, align: .right)
            }
            y += headerHeight + 4
        }

        // MARK: Bars
        let barHeight = b.style.bars.height
        let firstBarTop = y
        var lastBarBottom = y
        var barSpans: [(top: Double, bottom: Double)] = []
        for (r, row) in rows.enumerated() {
            if row.isTotal {
                y += 2
                b.line(from: Point(x: b.left, y: y), to: Point(x: b.right, y: y), color: b.colors.rule, width: 0.6)
                y += b.style.bars.rowGap
            }
            let label = labelBlocks[r]
            let rowHeight = max(label.height, barHeight)
            b.place(label, x: b.left, y: y + (rowHeight - label.height) / 2)
            let barY = y + (rowHeight - barHeight) / 2
            let segments = geometry.segments(row.shares, apart: naApart)
            let apartOrigin = segments.first(where: \.afterGap)?.offset ?? 0
            for segment in segments {
                let x = geometry.diverging ? centre + segment.offset * unit
                    : segment.afterGap ? naStart + (segment.offset - apartOrigin) * unit : plotX + segment.offset * unit
                let frame = Rect(x: x, y: barY, width: segment.value * unit, height: barHeight)
                let segmentFill = fill(segment.point)
                b.rect(frame, fill: segmentFill.color, stroke: b.outline(for: segmentFill.color), pattern: segmentFill.pattern,
                       role: .segment, key: "\(row.key):\(scale.points[segment.point].id)")
                segmentLabel(b, row.shown[segment.point], in: frame, fill: segmentFill.color, threshold: opts.segmentLabelThreshold,
                             decimals: opts.segmentDecimals, key: "value.\(row.key).\(scale.points[segment.point].id)")
            }
            for (i, c) in columns.enumerated() {
                let value = b.block(c.values[r], key: "value.\(row.key).\(c.headerKey ?? "net")", role: .value, width: 0, wrap: .none)
                b.place(value, x: columnX[i] + c.width - value.naturalWidth, y: barY + barHeight / 2 - value.height / 2)
            }
            lastBarBottom = barY + barHeight
            barSpans.append((barY, barY + barHeight))
            y += rowHeight + b.style.bars.rowGap
        }
        y -= b.style.bars.rowGap
        if opts.layout == .diverging {
            // The 0 % line shows in the gaps between the bars, never across a bar and the figure on it.
            var from = firstBarTop - 2
            for span in barSpans {
                if span.top - from > 0.1 { b.line(from: Point(x: centre, y: from), to: Point(x: centre, y: span.top), color: b.colors.text, width: 0.75) }
                from = span.bottom
            }
            b.line(from: Point(x: centre, y: from), to: Point(x: centre, y: lastBarBottom + 2), color: b.colors.text, width: 0.75)
        }
        // The ticks measure the bars' own unit; with answers set apart they stop where those begin.
        y = axis(b, geometry: geometry, extents: extents, plotX: plotX, plotWidth: plotWidth, centre: centre, limit: naGap > 0 ? scaleLongest : 100,
                 unit: unit, top: y + 4)

        // MARK: Notes
        var notes: [Note] = []
        let bases = Set(rows.map(\.base))
        if bases.count > 1, let lo = bases.min(), let hi = bases.max() {
            notes.append(Note(key: Term.respondentsRange.key, text: b.labels.text(.respondentsRange,
                                                                              ["min": b.numbers.integer(lo), "max": b.numbers.integer(hi)])))
        } else {
            notes.append(Note(key: Term.respondents.key, text: b.labels.text(.respondents, ["n": b.numbers.integer(question.respondents)])))
        }
        if opts.netPoints > 0 {
            let names = geometry.highest(opts.netPoints).sorted().map { b.labels.text(pointKey($0)) }.joined(separator: " + ")
            notes.append(Note(key: Term.netNote.key, text: b.labels.text(.netNote, ["label": names])))
        }
        let apartTexts = notApplicable.map { b.labels.text(pointKey($0)) }
        if opts.rebase && !substantiveBase && !apartTexts.isEmpty {
            notes.append(Note(key: Term.rebasedNote.key, text: b.labels.text(.rebasedNote, ["label": b.labels.quotedList(apartTexts)])))
        }
        // Rows rest on different numbers of substantive answers: the base-n column states them, not a note.
        notes += b.labels.answerNotes(for: apartTexts, statisticShown: opts.statistic != .none, substantiveBase: substantiveBase)
            .map { Note(key: $0.term.key, text: $0.text) }
        if roundingMissed { notes.append(Note(key: Term.roundingNote.key, text: b.labels.text(.roundingNote))) }
        if rows.contains(where: \.lowBase) {
            notes.append(Note(key: Term.lowBase.key, text: AltText.lowBaseMarker + "\u{00A0}"
                + b.labels.text(.lowBase, ["n": b.numbers.integer(opts.lowBase)])))
        }
        return ChartResult(bottom: y, notes: notes)
    }

    func labelFont(_ b: FigureBuilder, _ row: Row) -> FontSpec {
        var font = b.font(.label)
        if row.isTotal { font.weight = .semibold }
        return font
    }

    /// Rows in the style's order; "Annat …" rows stay last.
    func sorted(_ rows: [Row], by sort: GridSort, geometry: GridGeometry) -> [Row] {
        guard sort != .questionnaire else { return rows }
        func key(_ r: Row) -> Double {
            switch sort {
            case .questionnaire: 0
            case .mean: r.mean ?? -Double.infinity
            case .share: r.net ?? geometry.highest(1).map { r.shares[$0] }.reduce(0, +)
            }
        }
        let indexed = rows.enumerated().map { ($0.offset, $0.element) }
        let main = indexed.filter { !$0.1.isOther }.sorted { a, b in
            let ka = key(a.1), kb = key(b.1)
            return ka != kb ? ka > kb : a.0 < b.0
        }
        return (main + indexed.filter { $0.1.isOther }).map(\.1)
    }

    /// The value inside its segment, when the share reaches the threshold and the text fits.
    func segmentLabel(_ b: FigureBuilder, _ value: Double, in frame: Rect, fill: StyleColor, threshold: Double,
                      decimals: Int, key: String) {
        guard value >= threshold, value > 0 else { return }
        let text = b.numbers.decimal(value, decimals: decimals)
        let block = b.block(text, key: key, role: .segmentValue, width: 0, wrap: .none, color: b.textColor(on: fill))
        guard block.naturalWidth + 3 <= frame.width, block.measured.lineHeight <= frame.height + 0.1 else { return }
        let y = frame.midY - block.height / 2
        b.place(block, x: frame.x + (frame.width - block.naturalWidth) / 2, y: y)
    }

    /// Percent ticks under the bars, as far apart as their labels need; returns the bottom.
    func axis(_ b: FigureBuilder, geometry: GridGeometry, extents: (left: Double, right: Double), plotX: Double,
              plotWidth: Double, centre: Double, limit: Double = 100, unit: Double, top: Double) -> Double {
        let widest = b.naturalWidth(b.numbers.percent(100, decimals: 0), role: .axis)
        let steps: [Double] = geometry.diverging ? [10, 20, 25, 50] : [25, 50, 100]
        let step = steps.first { $0 * unit >= widest + 6 } ?? steps.last!
        var ticks: [Double] = []
        if geometry.diverging {
            var t = -((extents.left / step).rounded(.down) * step)
            while t <= extents.right + 1e-9 {
                ticks.append(t)
                t += step
            }
        } else {
            ticks = stride(from: 0.0, through: limit + 1e-9, by: step).map { $0 }
        }
        var bottom = top
        for t in ticks {
            let x = geometry.diverging ? centre + t * unit : plotX + t * unit
            b.line(from: Point(x: x, y: top - 2), to: Point(x: x, y: top + 1), color: b.colors.rule, width: 0.5)
            let block = b.block(b.numbers.percent(abs(t), decimals: 0), key: "value.axis", role: .axis, width: 0, wrap: .none)
            let textX = min(max(x - block.naturalWidth / 2, b.left), b.right - block.naturalWidth)
            b.place(block, x: textX, y: top + 2)
            bottom = max(bottom, top + 2 + block.height)
        }
        return bottom
    }
}
