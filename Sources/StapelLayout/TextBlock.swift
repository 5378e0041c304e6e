import StapelModel

/// Text measured and broken for a given width, not yet placed.
struct TextBlock {
    var key: String
    var role: TextRole
    var font: FontSpec
    var color: StyleColor
    var measured: MeasuredText
    /// The width the text was broken for (its box width when placed).
    var width: Double
    /// Distance from one line's top to the next.
    var lineDistance: Double

    var height: Double { Double(measured.lines.count) * lineDistance }
    var lineCount: Int { measured.lines.count }
    /// The widest line.
    var naturalWidth: Double { measured.width }

    /// The lines placed with their box's top-left corner at (x, y).
    func placed(x: Double, y: Double, align: TextAlignment = .left) -> TextMark {
        var lines: [TextLine] = []
        for (i, line) in measured.lines.enumerated() {
            let lx: Double
            switch align {
            case .left: lx = x
            case .right: lx = x + width - line.width
            case .center: lx = x + (width - line.width) / 2
            }
            let top = y + Double(i) * lineDistance + (lineDistance - measured.lineHeight) / 2
            lines.append(TextLine(text: line.text, x: lx, y: top, width: line.width, height: measured.lineHeight,
                                  baseline: line.baseline))
        }
        return TextMark(key: key, role: role, font: font, color: color, lines: lines,
                        box: Rect(x: x, y: y, width: width, height: height))
    }
}

/// Horizontal placement of lines within their box.
enum TextAlignment { case left, right, center }

/// How text is broken into lines.
enum WrapMode {
    /// One line, whatever its width.
    case none
    /// Lines of similar length (no orphaned last word): for labels, legends and headings.
    case balanced
    /// Greedy lines, narrowed a little when the last line would hold a single word: for notes and paragraphs.
    case paragraph
}

/// Breaks text into lines with a `TextMeasuring`, avoiding orphans.
struct TextSetter {
    let measurer: any TextMeasuring
    let lineSpacing: Double

    func block(_ string: String, key: String, role: TextRole, font: FontSpec, color: StyleColor,
               width: Double, wrap: WrapMode) -> TextBlock {
        let measured: MeasuredText
        switch wrap {
        case .none: measured = measurer.measure(string, font: font, width: nil)
        case .balanced: measured = balanced(string, font: font, width: width)
        case .paragraph: measured = paragraph(string, font: font, width: width)
        }
        let distance = max(font.size * lineSpacing, measured.lineHeight)
        return TextBlock(key: key, role: role, font: font, color: color, measured: measured,
                         width: wrap == .none ? measured.width : width, lineDistance: distance)
    }

    /// The narrowest width that keeps the greedy line count: lines end up of similar length.
    func balanced(_ string: String, font: FontSpec, width: Double) -> MeasuredText {
        let greedy = measurer.measure(string, font: font, width: width)
        let count = greedy.lines.count
        guard count > 1, !string.contains("\n") else { return greedy }
        let broken = greedy.lines.contains(where: \.brokenInWord)
        var best = greedy
        var low = width / 2, high = width
        for _ in 0..<9 {
            let mid = (low + high) / 2
            let trial = measurer.measure(string, font: font, width: mid)
            if trial.lines.count == count && (broken || !trial.lines.contains(where: \.brokenInWord)) {
                best = trial
                high = mid
            } else {
                low = mid
            }
        }
        return best
    }

    /// Greedy breaking; when the last line of a paragraph is a single word, a slightly narrower width that gives
    /// it company. Paragraphs (separated by newlines) are set one by one.
    func paragraph(_ string: String, font: FontSpec, width: Double) -> MeasuredText {
        let paragraphs = string.split(separator: "\n", omittingEmptySubsequences: false)
        guard paragraphs.count > 1 else { return paragraphWithoutOrphan(string, font: font, width: width) }
        var lines: [MeasuredLine] = []
        var lineHeight = 0.0
        for p in paragraphs {
            let set = paragraphWithoutOrphan(String(p), font: font, width: width)
            lines += set.lines
            lineHeight = max(lineHeight, set.lineHeight)
        }
        return MeasuredText(lines: lines, lineHeight: lineHeight)
    }

    private func paragraphWithoutOrphan(_ string: String, font: FontSpec, width: Double) -> MeasuredText {
        let greedy = measurer.measure(string, font: font, width: width)
        guard greedy.lines.count > 1, let last = greedy.lines.last, isSingleWord(last.text) else { return greedy }
        for step in 1...8 {
            let trial = measurer.measure(string, font: font, width: width * (1 - 0.025 * Double(step)))
            if trial.lines.count == greedy.lines.count, let l = trial.lines.last, !isSingleWord(l.text),
               !trial.lines.contains(where: \.brokenInWord) {
                return trial
            }
        }
        return greedy
    }

    private func isSingleWord(_ line: String) -> Bool {
        !line.trimmingSpaces.contains(" ")
    }
}

extension String {
    var trimmingSpaces: Substring {
        var s = self[...]
        while let f = s.first, f == " " { s = s.dropFirst() }
        while let l = s.last, l == " " { s = s.dropLast() }
        return s
    }
}
