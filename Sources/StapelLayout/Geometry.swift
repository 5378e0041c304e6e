/// A point in figure coordinates: points (1/72 in) from the top-left corner, y downwards.
package struct Point: Sendable, Hashable {
    package var x: Double
    package var y: Double
    package init(x: Double, y: Double) {
        self.x = x
        self.y = y
    }
}

/// An axis-aligned rectangle in figure coordinates.
package struct Rect: Sendable, Hashable, CustomStringConvertible {
    package var x: Double
    package var y: Double
    package var width: Double
    package var height: Double

    package init(x: Double, y: Double, width: Double, height: Double) {
        self.x = x
        self.y = y
        self.width = width
        self.height = height
    }

    package var maxX: Double { x + width }
    package var maxY: Double { y + height }
    package var midY: Double { y + height / 2 }

    /// True when the two rectangles share more than `tolerance` in both directions.
    package func overlaps(_ other: Rect, tolerance: Double = 0.01) -> Bool {
        min(maxX, other.maxX) - max(x, other.x) > tolerance && min(maxY, other.maxY) - max(y, other.y) > tolerance
    }

    /// True when `other` lies inside this rectangle, allowing `tolerance` on every side.
    package func contains(_ other: Rect, tolerance: Double = 0.01) -> Bool {
        other.x >= x - tolerance && other.y >= y - tolerance
            && other.maxX <= maxX + tolerance && other.maxY <= maxY + tolerance
    }

    /// The smallest rectangle holding both.
    package func union(_ other: Rect) -> Rect {
        let minX = min(x, other.x), minY = min(y, other.y)
        return Rect(x: minX, y: minY, width: max(maxX, other.maxX) - minX, height: max(maxY, other.maxY) - minY)
    }

    package var description: String {
        "(\(Rect.fmt(x)), \(Rect.fmt(y)), \(Rect.fmt(width))×\(Rect.fmt(height)))"
    }

    static func fmt(_ v: Double) -> String { NumberFormatting.twoDecimals(v) }
}

enum NumberFormatting {
    static func twoDecimals(_ v: Double) -> String {
        let scaled = (v * 100).rounded()
        let negative = scaled < 0
        let a = Int(abs(scaled))
        let frac = a % 100
        return (negative ? "-" : "") + "\(a / 100)." + (frac < 10 ? "0" : "") + "\(frac)"
    }
}
