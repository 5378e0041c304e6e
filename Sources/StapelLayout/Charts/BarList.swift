import StapelModel

/// Horizontal bars with a label and a value each: the body of single- and multiple-choice charts.
/// Labels sit left of the bars, or above them when they would need too many lines there.
struct BarList {
    struct Row {
        /// Label key of the option.
        var key: String
        var percent: Double
        /// The value as displayed ("48,9 %").
        var display: String
        /// A non-substantive answer ("Vet ej"): drawn in its own fill after a gap, apart from the options.
        var answerFill: Fill? = nil
    }

    var rows: [Row]

    func layout(_ b: FigureBuilder, top: Double) -> Double {
        let bars = b.style.bars
        let gap = 6.0, valueGap = 5.0
        let labelTexts = rows.map { b.labels.text($0.key) }
        let valueBlocks = rows.map { b.block($0.display, key: "value.\($0.key)", role: .value, width: 0, wrap: .none) }
        let valueWidth = valueBlocks.map(\.naturalWidth).max() ?? 0
        let natural = labelTexts.map { b.naturalWidth($0, role: .label) }.max() ?? 0
        let available = b.labelColumnWidth(natural: natural)
        let leftBlocks = rows.map { b.label($0.key, role: .label, width: available) }
        // Balanced lines are often narrower than the room they were given: the bars start after the widest.
        let column = leftBlocks.map(\.naturalWidth).max() ?? 0
        let above: Bool
        switch bars.labelPosition {
        case .left: above = false
        case .above: above = true
        case .auto: above = (leftBlocks.map(\.lineCount).max() ?? 0) > bars.maxLabelLines
        }
        let track = bars.scale == .full ? b.colors.track : nil
        let barX = above ? b.left : b.left + column + gap
        // With a track the values form a right-aligned column after it; without, each sits at its bar's end.
        let barWidth = b.right - barX - valueGap - valueWidth
        let scaleMax = bars.scale == .full ? 100 : max(rows.map(\.percent).max() ?? 0, 0.001)
        var y = top
        for (i, row) in rows.enumerated() {
            if row.answerFill != nil, i > 0, rows[i - 1].answerFill == nil { y += bars.rowGap + bars.height / 2 }
            let barY: Double
            if above {
                let label = b.label(row.key, role: .label, width: b.contentWidth)
                b.place(label, x: b.left, y: y)
                barY = y + label.height + 1.5
                y = barY + bars.height + bars.rowGap * 1.5
            } else {
                var label = leftBlocks[i]
                label.width = column
                let rowHeight = max(label.height, bars.height)
                b.place(label, x: b.left, y: y + (rowHeight - label.height) / 2)
                barY = y + (rowHeight - bars.height) / 2
                y += rowHeight + bars.rowGap
            }
            if let track { b.rect(Rect(x: barX, y: barY, width: barWidth, height: bars.height), fill: track, role: .track, key: row.key) }
            let length = barWidth * min(max(row.percent, 0), scaleMax) / scaleMax
            let fill = row.answerFill ?? Fill(color: b.colors.bar)
            b.rect(Rect(x: barX, y: barY, width: length, height: bars.height), fill: fill.color,
                   stroke: row.answerFill != nil ? b.outline(for: fill.color) : nil, pattern: fill.pattern, role: .bar, key: row.key)
            let value = valueBlocks[i]
            let valueY = barY + bars.height / 2 - value.height / 2
            if track != nil {
                b.place(value, x: b.right - value.naturalWidth, y: valueY)
            } else {
                b.place(value, x: barX + length + valueGap, y: valueY)
            }
        }
        return y - (above ? bars.rowGap * 1.5 : bars.rowGap)
    }
}

/// Display values of one distribution: rounded one by one, or by largest remainder so that they add up.
enum DisplayValues {
    static func rounded(_ values: [Double], decimals: Int, method: DisplayRounding) -> [Double] {
        switch method {
        case .largestRemainder: Rounding.largestRemainder(values, decimals: decimals)
        case .independent: values.map { Rounding.halfUp($0, decimals: decimals) }
        }
    }

    /// True when the displayed values of a whole distribution do not add up to 100.
    static func missesHundred(_ displayed: [Double], decimals: Int) -> Bool {
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        let sum = displayed.map { ($0 * scale).rounded() }.reduce(0, +)
        return sum != 100 * scale
    }
}
