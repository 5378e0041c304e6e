import Foundation

/// How numbers read in one language: decimal and group separators and the percent pattern.
/// Shared by charts and tables so that a value reads the same everywhere.
public struct NumberFormat: Sendable, Hashable {
    public var decimalSeparator: String
    public var groupSeparator: String
    /// `{value}` is replaced by the formatted number ("{value} %" in Swedish, "{value}%" in English).
    public var percentPattern: String

    public init(decimalSeparator: String, groupSeparator: String, percentPattern: String) {
        self.decimalSeparator = decimalSeparator
        self.groupSeparator = groupSeparator
        self.percentPattern = percentPattern
    }

    public static let swedish = NumberFormat(decimalSeparator: ",", groupSeparator: "\u{00A0}",
                                             percentPattern: "{value}\u{00A0}%")
    public static let english = NumberFormat(decimalSeparator: ".", groupSeparator: ",", percentPattern: "{value}%")

    /// `value` with `decimals` digits after the marker, rounded half away from zero, ASCII minus.
    public func decimal(_ value: Double, decimals: Int = 1) -> String {
        let plain = NumberFormat.plain(value, decimals: decimals)
        return plain.replacingOccurrences(of: ".", with: decimalSeparator)
    }

    /// A whole number, grouped in threes from five digits on (10 000), as Swedish and English style guides allow.
    public func integer(_ value: Int) -> String {
        let digits = String(value.magnitude)
        guard digits.count >= 5 else { return value < 0 ? "-" + digits : digits }
        var out = ""
        for (i, ch) in digits.enumerated() {
            if i > 0, (digits.count - i) % 3 == 0 { out += groupSeparator }
            out.append(ch)
        }
        return value < 0 ? "-" + out : out
    }

    /// A percent: "48,9 %" (sv) or "48.9%" (en).
    public func percent(_ value: Double, decimals: Int = 1) -> String {
        percentPattern.replacingOccurrences(of: "{value}", with: decimal(value, decimals: decimals))
    }

    /// Locale-free rendering with a point: the form CSV (rfc4180) and LaTeX siunitx input use.
    public static func plain(_ value: Double, decimals: Int = 1) -> String {
        let scale = pow10(decimals)
        let rounded = (abs(value) * scale + 0.5 + 1e-9).rounded(.down)
        let negative = value < 0 && rounded > 0
        let whole = Int(rounded / scale)
        let fraction = Int(rounded.truncatingRemainder(dividingBy: scale))
        var s = String(whole)
        if decimals > 0 {
            var f = String(fraction)
            while f.count < decimals { f = "0" + f }
            s += "." + f
        }
        return negative ? "-" + s : s
    }

    private static func pow10(_ n: Int) -> Double {
        var r = 1.0
        for _ in 0..<max(n, 0) { r *= 10 }
        return r
    }
}
