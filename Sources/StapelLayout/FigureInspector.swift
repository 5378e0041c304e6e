import StapelModel

/// Checks a laid-out figure for text that leaves the figure, leaves its room, or overlaps other text, bars or
/// lines (a centre line through a figure, a rule through a label); each finding is a `LayoutWarning`. Used
/// after every layout and by the tests.
package enum FigureInspector {
    package static func problems(in figure: Figure) -> [LayoutWarning] {
        var problems: [LayoutWarning] = []
        func warn(_ kind: LayoutWarning.Kind, _ key: String, _ message: String) {
            let w = LayoutWarning(kind, questionID: figure.questionID, labelKey: key, message)
            if !problems.contains(w) { problems.append(w) }
        }
        let texts = figure.texts
        for t in texts where !figure.bounds.contains(t.frame) {
            warn(.overflow, t.key, "text \(t.frame) leaves the \(figure.bounds) figure")
        }
        for t in texts where !t.box.contains(t.frame, tolerance: 0.5) {
            warn(.overflow, t.key, "text \(t.frame) leaves its room \(t.box)")
        }
        for i in texts.indices {
            for j in texts.indices where j > i && texts[i].frame.overlaps(texts[j].frame, tolerance: 0.2) {
                warn(.overlap, texts[i].key, "overlaps \(texts[j].key) (\"\(texts[i].text)\" and \"\(texts[j].text)\")")
            }
        }
        // Text may sit on a segment only inside it (segment labels); on bars, swatches and other segments never.
        for t in texts {
            for r in figure.rects where r.role != .track && r.frame.overlaps(t.frame, tolerance: 0.2) {
                if t.role == .segmentValue && r.frame.contains(t.frame, tolerance: 0.2) { continue }
                warn(.overlap, t.key, "\"\(t.text)\" overlaps the \(r.role.rawValue) \(r.key)")
            }
        }
        // No line may run through text: a line's box (its length and width) against each text's frame.
        for line in figure.lines {
            let half = line.width / 2
            let box = Rect(x: min(line.from.x, line.to.x) - half, y: min(line.from.y, line.to.y) - half,
                           width: abs(line.to.x - line.from.x) + line.width, height: abs(line.to.y - line.from.y) + line.width)
            for t in texts where box.overlaps(t.frame, tolerance: 0.2) {
                warn(.overlap, t.key, "a line from (\(fmt(line.from.x)), \(fmt(line.from.y))) to (\(fmt(line.to.x)), \(fmt(line.to.y))) runs through \"\(t.text)\"")
            }
        }
        return problems
    }

    static func fmt(_ v: Double) -> String { NumberFormat.plain(v, decimals: 1) }
}
