import Foundation

/// How numbers read in one language: decimal and group separators and the percent pattern.
/// Shared by charts and tables so that a value reads the same everywhere.
package struct NumberFormat: Sendable, Hashable {
    package var decimalSeparator: String
    package var groupSeparator: String
    /// `{value}` is replaced by the formatted number ("{value} %" in Swedish, "{value}%" in English).
    package var percentPattern: String
    /// The fewest digits a whole number has before it is grouped: 4 gives `7 561`, 5 leaves `7561` but gives
    /// `12 345` (label key `number.group-minimum-digits`).
    package var groupMinimumDigits: Int

    package init(decimalSeparator: String, groupSeparator: String, percentPattern: String, groupMinimumDigits: Int = 4) {
        self.decimalSeparator = decimalSeparator
        self.groupSeparator = groupSeparator
        self.percentPattern = percentPattern
        self.groupMinimumDigits = groupMinimumDigits
    }

    package static let swedish = NumberFormat(decimalSeparator: ",", groupSeparator: "\u{00A0}",
                                             percentPattern: "{value}\u{00A0}%")
    package static let english = NumberFormat(decimalSeparator: ".", groupSeparator: ",", percentPattern: "{value}%")

    /// `value` with `decimals` digits after the marker, rounded half away from zero, ASCII minus.
    package func decimal(_ value: Double, decimals: Int = 1) -> String {
        let plain = NumberFormat.plain(value, decimals: decimals)
        // `plain` has at most one point.
        guard decimalSeparator != ".", let point = plain.utf8.firstIndex(of: UInt8(ascii: ".")) else { return plain }
        return plain[..<point] + decimalSeparator + plain[plain.utf8.index(after: point)...]
    }

    /// A whole number, grouped in threes once it has `groupMinimumDigits` digits (`7,561`, `7.561`, `7 561`).
    package func integer(_ value: Int) -> String {
        integer(value, grouped: String(value.magnitude).count >= max(groupMinimumDigits, 4))
    }

    /// A column of whole numbers under one rule: when any of them is grouped, every one of four digits or more
    /// is, so that `7561` never stands above `12 345`.
    package func integers(_ values: [Int]) -> [String] {
        let grouped = values.contains { String($0.magnitude).count >= max(groupMinimumDigits, 4) }
        return values.map { integer($0, grouped: grouped) }
    }

    func integer(_ value: Int, grouped: Bool) -> String {
        let digits = String(value.magnitude)
        guard grouped, digits.count >= 4, !groupSeparator.isEmpty else { return value < 0 ? "-" + digits : digits }
        var out = ""
        for (i, ch) in digits.enumerated() {
            if i > 0, (digits.count - i) % 3 == 0 { out += groupSeparator }
            out.append(ch)
        }
        return value < 0 ? "-" + out : out
    }

    /// A percent: "48,9 %" (sv) or "48.9%" (en).
    package func percent(_ value: Double, decimals: Int = 1) -> String {
        LabelSet.filling(percentPattern, with: ["value": decimal(value, decimals: decimals)])
    }

    /// Locale-free rendering with a point: the form CSV (rfc4180) and LaTeX siunitx input use.
    package static func plain(_ value: Double, decimals: Int = 1) -> String {
        let decimals = min(max(decimals, 0), 6)
        let scale = pow10(decimals)
        // Beyond 2^53 a Double has no fraction and the Int conversions below would trap: print what there is.
        guard value.isFinite else { return value.isNaN ? "NaN" : (value < 0 ? "-inf" : "inf") }
        guard abs(value) * scale < 9e15 else {
            let whole = value.rounded()
            let digits = abs(whole) < 9.2e18 ? String(Int64(whole).magnitude) : String(format: "%.0f", abs(whole))
            return (value < 0 ? "-" : "") + digits + (decimals > 0 ? "." + String(repeating: "0", count: decimals) : "")
        }
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
