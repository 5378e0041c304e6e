import StapelModel

/// Multi-select grid: per statement a group of bars, one per option (column), each labelled with the share of
/// the statement's respondents and the count ("40,4 % (38)"); a legend of the options above.
struct MultiSelectGridChart: ChartBody {
    let question: MultiSelectGridQuestion

    func layout(_ b: FigureBuilder, top: Double) -> ChartResult {
        let columns = question.columns
        let palette = b.colors.categoryPalette
        func color(_ j: Int) -> StyleColor { palette.isEmpty ? b.colors.bar : palette[j % palette.count] }
        func columnKey(_ j: Int) -> String { LabelKey.column(question.id, columns[j]) }
        let decimals = b.style.bars.valueDecimals

        struct Row { var key: String; var isTotal: Bool; var counts: [Int]; var base: Int }
        var rows: [Row] = question.rows.compactMap { r in
            let key = LabelKey.row(question.id, r.id)
            guard r.counts.count == columns.count else {
                b.warn(.overflow, key: key, "has \(r.counts.count) counts for \(columns.count) columns; row left out")
                return nil
            }
            return Row(key: key, isTotal: false, counts: r.counts, base: r.respondents ?? question.respondents)
        }
        if b.style.multiSelect.total, let t = question.total, t.counts.count == columns.count {
            // The Totalt counts add up the rows, so their base is every row's respondents together.
            rows.append(Row(key: Term.total.key, isTotal: true, counts: t.counts, base: rows.map(\.base).reduce(0, +)))
        }
        guard !rows.isEmpty else { return ChartResult(bottom: top, notes: []) }
        func share(_ n: Int, _ base: Int) -> Double { base > 0 ? Double(n) / Double(base) * 100 : 0 }
        func display(_ n: Int, _ base: Int) -> String {
            let p = b.numbers.percent(Rounding.halfUp(share(n, base), decimals: decimals), decimals: decimals)
            return b.style.multiSelect.counts ? "\(p) (\(b.numbers.integer(n)))" : p
        }

        var y = top
        if b.style.show.legend {
            let entries = columns.indices.map { Legend.Entry(key: columnKey($0), color: color($0)) }
            y = Legend(entries: entries).layout(b, x: b.left, top: y, width: b.contentWidth) + 10
        }

        let bars = b.style.bars
        let barHeight = (bars.height * 0.62).rounded(.toNearestOrEven)
        var valueFont = b.font(.value)
        valueFont.size = max(valueFont.size - 0.5, 1)
        // Bars sit one value line apart, so that the labels at their ends never touch.
        let valueLine = b.block("0", key: "value", role: .value, width: 0, wrap: .none, font: valueFont).measured.lineHeight
        let innerGap = max(barHeight * 0.25, valueLine + 0.4 - barHeight)
        let groupHeight = Double(columns.count) * barHeight + Double(columns.count - 1) * innerGap
        let valueWidth = rows.flatMap { r in r.counts.map { b.naturalWidth(display($0, r.base), role: .value, font: valueFont) } }.max() ?? 0
        let labelTexts = rows.map { $0.isTotal ? b.labels.text(.total) : b.labels.text($0.key) }
        let natural = labelTexts.map { b.naturalWidth($0, role: .label) }.max() ?? 0
        let available = b.labelColumnWidth(natural: natural)
        let font = b.font(.label)
        var labelBlocks = rows.indices.map { r in
            b.block(labelTexts[r], key: rows[r].key, role: .label, width: available,
                    font: rows[r].isTotal ? FontSpec(family: font.family, size: font.size, weight: .semibold) : font)
        }
        let labelColumn = labelBlocks.map(\.naturalWidth).max() ?? 0
        for r in labelBlocks.indices { labelBlocks[r].width = labelColumn }
        let barX = b.left + labelColumn + 8
        let barWidth = b.right - barX - 5 - valueWidth
        for (r, row) in rows.enumerated() {
            if row.isTotal {
                y += 2
                b.line(from: Point(x: b.left, y: y), to: Point(x: b.right, y: y), color: b.colors.rule, width: 0.6)
                y += bars.rowGap
            }
            let label = labelBlocks[r]
            let rowHeight = max(label.height, groupHeight)
            b.place(label, x: b.left, y: y + (rowHeight - label.height) / 2)
            var barY = y + (rowHeight - groupHeight) / 2
            for (j, n) in row.counts.enumerated() {
                let length = barWidth * min(share(n, row.base), 100) / 100
                b.rect(Rect(x: barX, y: barY, width: length, height: barHeight), fill: color(j), stroke: b.outline(for: color(j)),
                       role: .bar, key: "\(row.key):\(columns[j])")
                let value = b.block(display(n, row.base), key: "value.\(row.key).\(columns[j])", role: .value, width: 0,
                                    wrap: .none, font: valueFont)
                b.place(value, x: barX + length + 4, y: barY + barHeight / 2 - value.height / 2)
                barY += barHeight + innerGap
            }
            y += rowHeight + bars.rowGap * 2.5
        }
        y -= bars.rowGap * 2.5

        let bases = Set(rows.filter { !$0.isTotal }.map(\.base))
        var notes: [Note] = []
        if bases.count > 1, let lo = bases.min(), let hi = bases.max() {
            notes.append(Note(key: Term.respondentsRange.key, text: b.labels.text(.respondentsRange,
                                                                              ["min": b.numbers.integer(lo), "max": b.numbers.integer(hi)])))
        } else {
            notes.append(Note(key: Term.respondents.key, text: b.labels.text(.respondents, ["n": b.numbers.integer(question.respondents)])))
        }
        notes.append(Note(key: Term.multiplePerRow.key, text: b.labels.text(.multiplePerRow)))
        return ChartResult(bottom: y, notes: notes)
    }
}
