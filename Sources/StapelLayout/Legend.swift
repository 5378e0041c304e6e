import StapelModel

/// A legend of colour swatches and labels in reading order: entries flow left to right and wrap to new rows,
/// each label on one line; an entry wider than the whole legend wraps within it (reported beyond two lines).
/// Entries set apart (not-applicable answers) follow after a wider gap.
struct Legend {
    struct Entry {
        var key: String
        var color: StyleColor
        var pattern: FillPattern = .solid
        /// Drawn after a wider gap, apart from the scale ("Inte relevant").
        var apart: Bool = false
    }

    var entries: [Entry]

    /// Lays the legend out from `top` across `width` starting at `x`; returns its bottom.
    func layout(_ b: FigureBuilder, x: Double, top: Double, width: Double) -> Double {
        guard !entries.isEmpty else { return top }
        let size = b.style.fonts.legendSize
        let swatch = (size * 0.95).rounded(.down)
        let swatchGap = size * 0.45, entryGap = size * 1.6, apartGap = size * 3.2, rowGap = size * 0.45
        let textWidth = width - swatch - swatchGap
        let blocks = entries.map { entry -> TextBlock in
            let natural = b.naturalWidth(b.labels.text(entry.key), role: .legend)
            if natural <= textWidth { return b.label(entry.key, role: .legend, width: natural + 0.5, wrap: .none) }
            let wrapped = b.label(entry.key, role: .legend, width: textWidth)
            if wrapped.lineCount > 2 {
                b.warn(.legendCramped, key: entry.key, "the legend entry needs \(wrapped.lineCount) lines at the full width")
            }
            return wrapped
        }
        // Rows of similar length: the narrowest width that needs no more rows than the full one.
        let widths = zip(entries, blocks).map { swatch + swatchGap + min($1.width, textWidth) }
        let gaps = entries.map { $0.apart ? apartGap : entryGap }
        let rowCount = rows(widths, gaps, width).count
        var flowWidth = width
        if rowCount > 1 {
            var low = width / 2, high = width
            for _ in 0..<10 {
                let mid = (low + high) / 2
                if rows(widths, gaps, mid).count == rowCount { high = mid } else { low = mid }
            }
            flowWidth = high
        }
        var y = top
        for row in rows(widths, gaps, flowWidth) {
            var cx = x
            for (n, i) in row.enumerated() {
                if n > 0 { cx += gaps[i] }
                drawEntry(b, entries[i], blocks[i], x: cx, y: y, swatch: swatch, swatchGap: swatchGap)
                cx += widths[i]
            }
            y += (row.map { blocks[$0].height }.max() ?? 0) + rowGap
        }
        return y - rowGap
    }

    /// Entry indices per row when entries flow into `width`.
    private func rows(_ widths: [Double], _ gaps: [Double], _ width: Double) -> [[Int]] {
        var rows: [[Int]] = [[]]
        var used = 0.0
        for i in widths.indices {
            let needed = rows[rows.count - 1].isEmpty ? widths[i] : gaps[i] + widths[i]
            if !rows[rows.count - 1].isEmpty && used + needed > width + 1e-9 {
                rows.append([i])
                used = widths[i]
            } else {
                rows[rows.count - 1].append(i)
                used += needed
            }
        }
        return rows
    }

    private func drawEntry(_ b: FigureBuilder, _ entry: Entry, _ block: TextBlock, x: Double, y: Double,
                           swatch: Double, swatchGap: Double) {
        // The swatch sits on the first line's centre.
        let firstLineMid = y + block.lineDistance / 2
        b.rect(Rect(x: x, y: firstLineMid - swatch / 2, width: swatch, height: swatch), fill: entry.color,
               stroke: b.outline(for: entry.color), pattern: entry.pattern, role: .swatch, key: entry.key)
        b.place(block, x: x + swatch + swatchGap, y: y)
    }
}
