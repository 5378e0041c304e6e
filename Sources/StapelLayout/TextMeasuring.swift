import StapelModel

/// Measures and line-breaks text, so that layout knows how much room text takes without importing Cairo.
/// The Cairo module implements it with Pango; tests may use a simple stand-in.
package protocol TextMeasuring {
    /// `text` in `font`, broken into lines no wider than `width` (nil: no wrapping; newlines always break).
    func measure(_ text: String, font: FontSpec, width: Double?) -> MeasuredText
}

/// A font request: family, size in points and weight.
package struct FontSpec: Sendable, Hashable {
    package var family: String
    package var size: Double
    package var weight: FontWeight

    package init(family: String, size: Double, weight: FontWeight = .regular) {
        self.family = family
        self.size = size
        self.weight = weight
    }
}

/// Font weights, with their CSS/OpenType numbers.
package enum FontWeight: Int, Sendable, Hashable {
    case regular = 400
    case medium = 500
    case semibold = 600
    case bold = 700
}

/// The result of measuring: the lines as broken, with their widths.
package struct MeasuredText: Sendable, Hashable {
    package var lines: [MeasuredLine]
    /// Height of one line's logical box (ascent + descent) in points.
    package var lineHeight: Double

    package init(lines: [MeasuredLine], lineHeight: Double) {
        self.lines = lines
        self.lineHeight = lineHeight
    }

    package var width: Double { lines.map(\.width).max() ?? 0 }
}

/// One line of broken text.
package struct MeasuredLine: Sendable, Hashable {
    /// The line's characters, with a hyphen added when the break falls inside a word.
    package var text: String
    package var width: Double
    /// The line ends inside a word because the word alone is wider than the line.
    package var brokenInWord: Bool
    /// The baseline's distance below the top of the line's logical box, in points, when the measurer knows it
    /// (Pango does: the SVG writer then places `<text>` without shaping the line again).
    package var baseline: Double?

    package init(text: String, width: Double, brokenInWord: Bool = false, baseline: Double? = nil) {
        self.text = text
        self.width = width
        self.brokenInWord = brokenInWord
        self.baseline = baseline
    }
}
