/// An opaque sRGB colour of a house style, written `#rrggbb` in style files.
package struct StyleColor: Sendable, Hashable, CustomStringConvertible {
    /// Channels in 0…1.
    package var red: Double
    package var green: Double
    package var blue: Double

    package init(red: Double, green: Double, blue: Double) {
        self.red = red
        self.green = green
        self.blue = blue
    }

    /// Parses `#rrggbb` (or `#rgb`); nil for anything else.
    package init?(hex: String) {
        guard hex.hasPrefix("#") else { return nil }
        var digits = Array(hex.dropFirst())
        if digits.count == 3 { digits = digits.flatMap { [$0, $0] } }
        guard digits.count == 6 else { return nil }
        var channels: [Double] = []
        for i in stride(from: 0, to: 6, by: 2) {
            guard let v = UInt8(String(digits[i...i + 1]), radix: 16) else { return nil }
            channels.append(Double(v) / 255)
        }
        self.init(red: channels[0], green: channels[1], blue: channels[2])
    }

    package static let white = StyleColor(red: 1, green: 1, blue: 1)
    package static let black = StyleColor(red: 0, green: 0, blue: 0)

    /// `#rrggbb`, lower case.
    package var description: String {
        let hexDigits = Array("0123456789abcdef")
        var s = "#"
        for c in [red, green, blue] {
            let v = Int((min(max(c, 0), 1) * 255).rounded())
            s.append(hexDigits[v / 16])
            s.append(hexDigits[v % 16])
        }
        return s
    }

    /// WCAG relative luminance.
    package var luminance: Double {
        func linear(_ c: Double) -> Double { c <= 0.04045 ? c / 12.92 : pow24((c + 0.055) / 1.055) }
        return 0.2126 * linear(red) + 0.7152 * linear(green) + 0.0722 * linear(blue)
    }

    /// WCAG contrast ratio between two colours (1…21).
    package func contrast(with other: StyleColor) -> Double {
        let a = luminance, b = other.luminance
        return (max(a, b) + 0.05) / (min(a, b) + 0.05)
    }

    /// The colour a fraction `t` of the way to `other`, mixed in sRGB.
    package func mixed(with other: StyleColor, _ t: Double) -> StyleColor {
        StyleColor(red: red + (other.red - red) * t, green: green + (other.green - green) * t,
                   blue: blue + (other.blue - blue) * t)
    }
}

/// x^2.4 for x in 0…1 without Foundation.
private func pow24(_ x: Double) -> Double {
    guard x > 0 else { return 0 }
    // x^2.4 = x^2 · x^0.4; y = x^0.4 solves y^5 = x^2, found by Newton's method from above (converges for x in 0…1).
    let x2 = x * x
    var y = 1.0
    for _ in 0..<40 { y -= (y * y * y * y * y - x2) / (5 * y * y * y * y) }
    return x2 * y
}
