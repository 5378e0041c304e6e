/// How an area is filled: a colour, and a pattern drawn over it so that fills can be told apart without
/// colour (grayscale print, colour-vision deficiency).
package struct Fill: Sendable, Hashable {
    package var color: StyleColor
    package var pattern: FillPattern

    package init(color: StyleColor, pattern: FillPattern = .solid) {
        self.color = color
        self.pattern = pattern
    }
}

/// A pattern of thin lines or dots drawn over a fill, in a colour that contrasts with it.
package enum FillPattern: String, Sendable, Hashable, CaseIterable {
    case solid
    /// Lines rising to the right.
    case diagonal
    /// Two crossing sets of diagonal lines.
    case crosshatch
    case dots
    case horizontal
    case vertical
}
