import StapelModel

/// One chart laid out in points: what to draw, in drawing order, plus what did not fit as designed.
/// PNG, PDF and SVG are drawings of the same `Figure`.
package struct Figure: Sendable, Hashable {
    /// Size in points.
    package var width: Double
    package var height: Double
    package var background: StyleColor
    package var marks: [Mark]
    /// Text that could not be laid out as designed. Empty for a figure that holds up.
    package var warnings: [LayoutWarning]
    /// The document title (PDF metadata, SVG `<title>`).
    package var title: String
    /// Language code of the text (`sv`).
    package var language: String
    package var questionID: String
    /// The text alternative every writer embeds (SVG `<title>`/`<desc>`, PNG iTXt, PDF `/Alt`, HTML `alt`).
    package var altText = AltText(short: "", long: "")
    /// How the SVG writer carries the text (the style's `page.svg-text`).
    package var svgText = SVGTextMode.text

    package init(width: Double, height: Double, background: StyleColor, marks: [Mark], warnings: [LayoutWarning],
                title: String, language: String, questionID: String) {
        self.width = width
        self.height = height
        self.background = background
        self.marks = marks
        self.warnings = warnings
        self.title = title
        self.language = language
        self.questionID = questionID
    }

    package var bounds: Rect { Rect(x: 0, y: 0, width: width, height: height) }

    /// Every text block, in drawing order.
    package var texts: [TextMark] { marks.compactMap { if case .text(let t) = $0 { t } else { nil } } }
    /// Every line, in drawing order.
    package var lines: [LineMark] { marks.compactMap { if case .line(let l) = $0 { l } else { nil } } }
    /// Every rectangle, in drawing order.
    package var rects: [RectMark] { marks.compactMap { if case .rect(let r) = $0 { r } else { nil } } }

    /// All visible strings, one line each, in drawing order.
    package var visibleText: [String] { texts.flatMap { $0.lines.map(\.text) } }
}

/// One drawing operation.
package enum Mark: Sendable, Hashable {
    case rect(RectMark)
    case line(LineMark)
    case text(TextMark)
}

/// A filled rectangle: a bar, a segment, a legend swatch, a track.
package struct RectMark: Sendable, Hashable {
    package var frame: Rect
    package var fill: StyleColor
    /// An outline drawn inside the frame, if any.
    package var stroke: StyleColor?
    /// A pattern drawn over the fill (non-substantive answers), in a colour that contrasts with it.
    package var pattern: FillPattern = .solid
    package var role: RectRole
    /// What the rectangle shows (`questions.q05.rows.tidsbrist` / point id), for tests and warnings.
    package var key: String

    package init(frame: Rect, fill: StyleColor, stroke: StyleColor? = nil, role: RectRole, key: String) {
        self.frame = frame
        self.fill = fill
        self.stroke = stroke
        self.role = role
        self.key = key
    }
}

/// What a rectangle is, so that checks know which text may sit on it.
package enum RectRole: String, Sendable, Hashable {
    case track, bar, segment, swatch
}

/// A straight line (rules, axis ticks, the diverging centre line).
package struct LineMark: Sendable, Hashable {
    package var from: Point
    package var to: Point
    package var color: StyleColor
    package var width: Double
    package init(from: Point, to: Point, color: StyleColor, width: Double) {
        self.from = from
        self.to = to
        self.color = color
        self.width = width
    }
}

/// A block of text broken into lines, each placed exactly; backends draw the lines without re-breaking them.
package struct TextMark: Sendable, Hashable {
    /// The label key the text comes from (`questions.q01.options.ja`, `ui.respondents`), or a value's key
    /// (`value.questions.q01.options.ja`).
    package var key: String
    package var role: TextRole
    package var font: FontSpec
    package var color: StyleColor
    package var lines: [TextLine]
    /// The room the layout gave the text; the lines stay inside it when the figure holds up.
    package var box: Rect

    package init(key: String, role: TextRole, font: FontSpec, color: StyleColor, lines: [TextLine], box: Rect) {
        self.key = key
        self.role = role
        self.font = font
        self.color = color
        self.lines = lines
        self.box = box
    }

    /// The rectangle the lines cover.
    package var frame: Rect {
        guard var r = lines.first?.frame else { return Rect(x: box.x, y: box.y, width: 0, height: 0) }
        for line in lines.dropFirst() { r = r.union(line.frame) }
        return r
    }

    package var text: String { lines.map(\.text).joined(separator: " ") }
}

/// One placed line: the top-left corner of its logical box and its measured size.
package struct TextLine: Sendable, Hashable {
    package var text: String
    package var x: Double
    package var y: Double
    package var width: Double
    package var height: Double
    /// The baseline below `y`, as measured (nil: not known; the SVG writer then asks Pango).
    package var baseline: Double?

    package init(text: String, x: Double, y: Double, width: Double, height: Double, baseline: Double? = nil) {
        self.text = text
        self.x = x
        self.y = y
        self.width = width
        self.height = height
        self.baseline = baseline
    }

    package var frame: Rect { Rect(x: x, y: y, width: width, height: height) }
}

/// The part a text plays in the figure.
package enum TextRole: String, Sendable, Hashable {
    case title, question, description, label, value, segmentValue, legend, columnHeader, axis, note, source
}
