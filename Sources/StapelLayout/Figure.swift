import StapelModel

/// One chart laid out in points: what to draw, in drawing order, plus what did not fit as designed.
/// PNG, PDF and SVG are drawings of the same `Figure`.
public struct Figure: Sendable, Hashable {
    /// Size in points.
    public var width: Double
    public var height: Double
    public var background: StyleColor
    public var marks: [Mark]
    /// Text that could not be laid out as designed. Empty for a figure that holds up.
    public var warnings: [LayoutWarning]
    /// The document title (PDF metadata, SVG `<title>`).
    public var title: String
    /// Language code of the text (`sv`).
    public var language: String
    public var questionID: String
    /// The text alternative every writer embeds (SVG `<title>`/`<desc>`, PNG iTXt, PDF `/Alt`, HTML `alt`).
    public var altText = AltText(short: "", long: "")
    /// How the SVG writer carries the text (the style's `page.svg-text`).
    public var svgText = SVGTextMode.text

    public init(width: Double, height: Double, background: StyleColor, marks: [Mark], warnings: [LayoutWarning],
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

    public var bounds: Rect { Rect(x: 0, y: 0, width: width, height: height) }

    /// Every text block, in drawing order.
    public var texts: [TextMark] { marks.compactMap { if case .text(let t) = $0 { t } else { nil } } }
    /// Every line, in drawing order.
    public var lines: [LineMark] { marks.compactMap { if case .line(let l) = $0 { l } else { nil } } }
    /// Every rectangle, in drawing order.
    public var rects: [RectMark] { marks.compactMap { if case .rect(let r) = $0 { r } else { nil } } }

    /// All visible strings, one line each, in drawing order.
    public var visibleText: [String] { texts.flatMap { $0.lines.map(\.text) } }
}

/// One drawing operation.
public enum Mark: Sendable, Hashable {
    case rect(RectMark)
    case line(LineMark)
    case text(TextMark)
}

/// A filled rectangle: a bar, a segment, a legend swatch, a track.
public struct RectMark: Sendable, Hashable {
    public var frame: Rect
    public var fill: StyleColor
    /// An outline drawn inside the frame, if any.
    public var stroke: StyleColor?
    /// A pattern drawn over the fill (non-substantive answers), in a colour that contrasts with it.
    public var pattern: FillPattern = .solid
    public var role: RectRole
    /// What the rectangle shows (`questions.q05.rows.tidsbrist` / point id), for tests and warnings.
    public var key: String

    public init(frame: Rect, fill: StyleColor, stroke: StyleColor? = nil, role: RectRole, key: String) {
        self.frame = frame
        self.fill = fill
        self.stroke = stroke
        self.role = role
        self.key = key
    }
}

/// What a rectangle is, so that checks know which text may sit on it.
public enum RectRole: String, Sendable, Hashable {
    case track, bar, segment, swatch
}

/// A straight line (rules, axis ticks, the diverging centre line).
public struct LineMark: Sendable, Hashable {
    public var from: Point
    public var to: Point
    public var color: StyleColor
    public var width: Double
    public init(from: Point, to: Point, color: StyleColor, width: Double) {
        self.from = from
        self.to = to
        self.color = color
        self.width = width
    }
}

/// A block of text broken into lines, each placed exactly; backends draw the lines without re-breaking them.
public struct TextMark: Sendable, Hashable {
    /// The label key the text comes from (`questions.q01.options.ja`, `ui.respondents`), or a value's key
    /// (`value.questions.q01.options.ja`).
    public var key: String
    public var role: TextRole
    public var font: FontSpec
    public var color: StyleColor
    public var lines: [TextLine]
    /// The room the layout gave the text; the lines stay inside it when the figure holds up.
    public var box: Rect

    public init(key: String, role: TextRole, font: FontSpec, color: StyleColor, lines: [TextLine], box: Rect) {
        self.key = key
        self.role = role
        self.font = font
        self.color = color
        self.lines = lines
        self.box = box
    }

    /// The rectangle the lines cover.
    public var frame: Rect {
        guard var r = lines.first?.frame else { return Rect(x: box.x, y: box.y, width: 0, height: 0) }
        for line in lines.dropFirst() { r = r.union(line.frame) }
        return r
    }

    public var text: String { lines.map(\.text).joined(separator: " ") }
}

/// One placed line: the top-left corner of its logical box and its measured size.
public struct TextLine: Sendable, Hashable {
    public var text: String
    public var x: Double
    public var y: Double
    public var width: Double
    public var height: Double

    public init(text: String, x: Double, y: Double, width: Double, height: Double) {
        self.text = text
        self.x = x
        self.y = y
        self.width = width
        self.height = height
    }

    public var frame: Rect { Rect(x: x, y: y, width: width, height: height) }
}

/// The part a text plays in the figure.
public enum TextRole: String, Sendable, Hashable {
    case title, question, description, label, value, segmentValue, legend, columnHeader, axis, note, source
}
