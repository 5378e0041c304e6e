import Foundation

/// Shares a table's width between the statement column and the numeric columns before TeX sees the table,
/// from estimated text widths: each numeric header gets at least its longest word (so that short words are
/// not hyphenated) and at most one line; the statement column gets room for its longer statements to wrap to
/// a few lines. A dense table steps down from `\footnotesize` to `\scriptsize`, and only if even that
/// fails are headers hyphenated.
/// Widths are fractions of `\linewidth`, reckoned for a 345 pt line (LaTeX's article class); a wider line
/// only gives every column more room.
struct LaTeXColumnWidths {
    /// `footnotesize` or `scriptsize`.
    let fontSize: String
    /// `\tabcolsep` in points.
    let columnSeparation: Double
    /// Width of each numeric column's header text, as a fraction of `\linewidth`.
    let fractions: [Double]

    static let referenceLine = 345.0

    /// The settings tried in turn: font size, its size in points, how much wider Latin Modern's smaller
    /// optical size sets per em (ec-lmr7 against ec-lmr8), and `\tabcolsep`.
    static let settings: [(name: String, size: Double, widthFactor: Double, separation: Double)] = [
        ("footnotesize", 8, 1.0, 3), ("scriptsize", 7, 1.075, 3), ("scriptsize", 7, 1.075, 2),
    ]

    init(table: Table, formats: [(integer: Int, decimals: Int)]) {
        let candidates = LaTeXColumnWidths.settings.map { Candidate(table: table, formats: formats, setting: $0) }
        let line = LaTeXColumnWidths.referenceLine
        // First choice: the statements get their preferred width, at the largest size that allows it;
        // then the statements make do with their floor; last, the headers give way.
        var chosen: (Candidate, [Double])
        if let c = candidates.first(where: { $0.least.reduce(0, +) <= line - $0.padding - $0.stubPreferred }) {
            chosen = (c, LaTeXColumnWidths.fill(least: c.least, most: c.oneLine, room: line - c.padding - c.stubPreferred))
        } else if let c = candidates.first(where: { $0.least.reduce(0, +) <= line - $0.padding - $0.stubFloor }) {
            chosen = (c, c.least)
        } else {
            let c = candidates[candidates.count - 1]
            chosen = (c, LaTeXColumnWidths.squeeze(least: c.least, floor: c.floor, room: line - c.padding - c.stubFloor))
        }
        fontSize = chosen.0.setting.name
        columnSeparation = chosen.0.setting.separation
        fractions = chosen.1.map { $0 / line }
    }

    /// The widths one setting asks for, in points.
    struct Candidate {
        let setting: (name: String, size: Double, widthFactor: Double, separation: Double)
        /// Each header's narrowest when nothing fits: its numbers, and short words whole.
        let floor: [Double]
        /// Each header's longest word (up to `wordLimit`), widened where a spanner's word needs it.
        let least: [Double]
        /// Each header on one line.
        let oneLine: [Double]
        let padding: Double
        /// Statements on one line, up to 35 % of the line.
        let stubPreferred: Double
        /// Room for the longest statement to wrap to about four lines.
        let stubFloor: Double

        init(table: Table, formats: [(integer: Int, decimals: Int)],
             setting: (name: String, size: Double, widthFactor: Double, separation: Double)) {
            self.setting = setting
            let size = setting.size * setting.widthFactor
            let words = LaTeXColumnWidths.wordLimit * size
            let headers = table.columns.map(\.header)
            let floor = headers.indices.map { j in
                let digits = Double(formats[j].integer + formats[j].decimals) * 0.53
                let number = (digits + (formats[j].decimals > 0 ? 0.3 : 0)) * size
                return max(number, min(LaTeXColumnWidths.longestWord(headers[j]), 4) * size) + 1
            }
            self.floor = floor
            var least = headers.indices.map { j in
                max(floor[j], min(LaTeXColumnWidths.longestWord(headers[j]) * size, words) + 1)
            }
            for group in table.groups {
                // A spanner's longest word must fit over its columns and the gaps between them.
                let inner = 2 * setting.separation * Double(group.columns.count - 1)
                let span = group.columns.map { least[$0] }.reduce(0, +) + inner
                let need = min(LaTeXColumnWidths.longestWord(group.title) * size, words) + 1
                if need > span { for j in group.columns { least[j] += (need - span) / Double(group.columns.count) } }
            }
            oneLine = headers.indices.map { [least] in max(least[$0], LaTeXColumnWidths.width(headers[$0]) * size + 1) }
            self.least = least
            padding = 2 * setting.separation * Double(headers.count)
            let line = LaTeXColumnWidths.referenceLine
            let stubs = [table.stubHeader] + table.rows.map(\.stub)
            let stubLeast = min(stubs.map { LaTeXColumnWidths.longestWord($0) }.max() ?? 0, LaTeXColumnWidths.wordLimit) * size + 1
            let stubOneLine = (stubs.map { LaTeXColumnWidths.width($0) }.max() ?? 0) * size + 1
            stubPreferred = max(stubLeast, min(stubOneLine, 0.35 * line))
            stubFloor = max(stubLeast, min(stubOneLine * 0.3, 0.35 * line))
        }
    }

    /// Widths between `least` and `most` adding up to at most `room`: the longest headers get the space left
    /// over, up to a common cap (water-filling), so that no header wraps more than it must.
    static func fill(least: [Double], most: [Double], room: Double) -> [Double] {
        func widths(cap: Double) -> [Double] { zip(least, most).map { max($0, min($1, cap)) } }
        if widths(cap: most.max() ?? 0).reduce(0, +) <= room { return most }
        var lo = 0.0, hi = most.max() ?? 0
        for _ in 0..<50 {
            let mid = (lo + hi) / 2
            if widths(cap: mid).reduce(0, +) > room { hi = mid } else { lo = mid }
        }
        return widths(cap: lo)
    }

    /// Widths between `floor` and `least` adding up to `room` if the floors allow: the widest columns give way
    /// first, down to a common cap.
    static func squeeze(least: [Double], floor: [Double], room: Double) -> [Double] {
        func widths(cap: Double) -> [Double] { zip(least, floor).map { max($1, min($0, cap)) } }
        var lo = 0.0, hi = least.max() ?? 0
        for _ in 0..<50 {
            let mid = (lo + hi) / 2
            if widths(cap: mid).reduce(0, +) > room { hi = mid } else { lo = mid }
        }
        return widths(cap: lo)
    }

    /// Words longer than this many ems are left to hyphenation rather than widening their column.
    static let wordLimit = 7.0

    /// Estimated width in ems (of the design size) of `text` set in Latin Modern Roman.
    static func width(_ text: String) -> Double {
        text.precomposedStringWithCanonicalMapping.unicodeScalars.reduce(0) { $0 + width(of: $1) }
    }

    static func longestWord(_ text: String) -> Double {
        // TeX may break after a slash (the escaper allows it) and at hyphens, so those end a word too.
        var longest = 0.0, current = 0.0
        for s in text.unicodeScalars {
            if s == " " || s == "\n" {
                current = 0
                continue
            }
            current += width(of: s)
            longest = max(longest, current)
            if s == "/" || s == "-" { current = 0 }
        }
        return longest
    }

    static func width(of scalar: Unicode.Scalar) -> Double {
        if scalar == " " { return 0.354 }
        if (0x21...0x7E).contains(scalar.value) { return ascii[Int(scalar.value) - 0x21] }
        // Accented letters are as wide as their base letter.
        if let base = String(scalar).decomposedStringWithCanonicalMapping.unicodeScalars.first,
           (0x21...0x7E).contains(base.value) {
            return ascii[Int(base.value) - 0x21]
        }
        return 0.6
    }

    /// Advance widths of `!` … `~` in Latin Modern Roman (ec-lmr8.tfm), in units of the design size.
    static let ascii: [Double] = [
        0.3, 0.4, 0.89, 0.53, 0.89, 0.83, 0.3, 0.41, 0.41, 0.53, 0.83, 0.3, 0.35, 0.3, 0.53, 0.53, 0.53, 0.53, 0.53,
        0.53, 0.53, 0.53, 0.53, 0.53, 0.53, 0.3, 0.3, 0.83, 0.83, 0.83, 0.5, 0.83, 0.8, 0.75, 0.77, 0.81, 0.72, 0.69,
        0.83, 0.8, 0.38, 0.55, 0.83, 0.66, 0.97, 0.8, 0.83, 0.72, 0.83, 0.78, 0.59, 0.77, 0.8, 0.8, 1.09, 0.8, 0.8,
        0.65, 0.3, 0.53, 0.3, 0.56, 0.8, 0.3, 0.53, 0.59, 0.47, 0.59, 0.47, 0.32, 0.53, 0.59, 0.3, 0.32, 0.56, 0.3,
        0.89, 0.59, 0.53, 0.59, 0.56, 0.41, 0.42, 0.41, 0.59, 0.56, 0.77, 0.56, 0.56, 0.47, 0.53, 0.3, 0.53, 0.56,
    ]
}
