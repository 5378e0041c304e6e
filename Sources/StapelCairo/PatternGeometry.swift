import StapelLayout
import StapelModel

/// The marks of a fill pattern inside one rectangle: line segments already cut to the rectangle (inset by half
/// a line width, so that nothing pokes out) or dots whose whole disc lies inside. The pattern is anchored at the
/// rectangle's corner, so equal rectangles look the same wherever they are, and no clip path is needed.
/// Spacings suit a ~10 pt bar segment and a ~7 pt legend swatch alike (three or four lines across a swatch).
struct PatternGeometry {
    static let lineWidth = 0.6
    static let dotRadius = 0.6

    var segments: [(Point, Point)] = []
    var dots: [Point] = []

    /// Distance between neighbouring lines (perpendicular) or dots.
    static func spacing(_ pattern: FillPattern) -> Double {
        switch pattern {
        case .solid: 0
        case .diagonal: 2.4
        case .crosshatch: 3.0
        case .dots: 2.3
        case .horizontal, .vertical: 2.2
        }
    }

    init(pattern: FillPattern, frame: Rect) {
        let d = Self.spacing(pattern)
        guard d > 0, frame.width > 0, frame.height > 0 else { return }
        let inset = Self.lineWidth / 2
        let x0 = frame.x + inset, x1 = frame.x + frame.width - inset
        let y0 = frame.y + inset, y1 = frame.y + frame.height - inset
        guard x1 > x0, y1 > y0 else { return }
        switch pattern {
        case .solid:
            return
        case .diagonal:
            segments = Self.rising(x0, x1, y0, y1, origin: frame.x + frame.y, step: d * 2.0.squareRoot())
        case .crosshatch:
            let step = d * 2.0.squareRoot()
            segments = Self.rising(x0, x1, y0, y1, origin: frame.x + frame.y, step: step)
                + Self.falling(x0, x1, y0, y1, origin: frame.x - frame.y, step: step)
        case .horizontal:
            var y = frame.y + d / 2
            while y < y1 {
                if y > y0 { segments.append((Point(x: x0, y: y), Point(x: x1, y: y))) }
                y += d
            }
        case .vertical:
            var x = frame.x + d / 2
            while x < x1 {
                if x > x0 { segments.append((Point(x: x, y: y0), Point(x: x, y: y1))) }
                x += d
            }
        case .dots:
            // Staggered rows; a dot is kept when its whole disc lies inside the frame.
            let r = Self.dotRadius
            var row = 0
            var y = frame.y + d / 2
            while y + r <= frame.y + frame.height {
                var x = frame.x + d / 2 + (row % 2 == 1 ? d / 2 : 0)
                while x + r <= frame.x + frame.width {
                    if y - r >= frame.y, x - r >= frame.x { dots.append(Point(x: x, y: y)) }
                    x += d
                }
                row += 1
                y += d * 0.866
            }
        }
    }

    /// Lines x + y = c, rising to the right on the page (y grows downwards), cut to [x0, x1] × [y0, y1].
    static func rising(_ x0: Double, _ x1: Double, _ y0: Double, _ y1: Double, origin: Double, step: Double) -> [(Point, Point)] {
        var out: [(Point, Point)] = []
        var c = origin + step / 2
        while c < x1 + y1 {
            let lo = max(x0, c - y1), hi = min(x1, c - y0)
            if hi - lo > 0.05 { out.append((Point(x: lo, y: c - lo), Point(x: hi, y: c - hi))) }
            c += step
        }
        return out
    }

    /// Lines x − y = c, falling to the right, cut to [x0, x1] × [y0, y1].
    static func falling(_ x0: Double, _ x1: Double, _ y0: Double, _ y1: Double, origin: Double, step: Double) -> [(Point, Point)] {
        var out: [(Point, Point)] = []
        // c runs from x0 − y1 (lower left) to x1 − y0 (upper right); anchor the phase at the frame's corner.
        var c = origin - step / 2
        while c > x0 - y1 { c -= step }
        while c < x1 - y0 {
            let lo = max(x0, y0 + c), hi = min(x1, y1 + c)
            if hi - lo > 0.05 { out.append((Point(x: lo, y: lo - c), Point(x: hi, y: hi - c))) }
            c += step
        }
        return out
    }

    /// The pattern's ink: the fill mixed towards dark (#1f1f1f) on light fills and towards white on dark ones, just
    /// far enough for 2.2:1 against the fill, so that the pattern shows without drowning figures printed on it.
    static func ink(on fill: StyleColor) -> StyleColor {
        let dark = StyleColor(red: 31 / 255, green: 31 / 255, blue: 31 / 255)
        let target = fill.contrast(with: dark) >= fill.contrast(with: .white) ? dark : StyleColor.white
        var t = 0.25
        while t < 0.85 {
            let ink = fill.mixed(with: target, t)
            if ink.contrast(with: fill) >= 2.2 { return ink }
            t += 0.05
        }
        return fill.mixed(with: target, 0.85)
    }
}
