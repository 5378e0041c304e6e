/// Rounding helpers used by validation and by display options.
package enum Rounding {
    /// `value` rounded half up to `decimals` digits (1.35 → 1.4, 0.75 → 0.8), as the source prints means.
    package static func halfUp(_ value: Double, decimals: Int) -> Double {
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        return ((value * scale) + 0.5 + 1e-9).rounded(.down) / scale
    }

    /// Round `values` (percents) to `decimals` so that they add up to the rounded total, by largest remainder.
    package static func largestRemainder(_ values: [Double], decimals: Int = 1) -> [Double] {
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        let scaled = values.map { $0 * scale }
        var floors = scaled.map { ($0 + 1e-9).rounded(.down) }
        let target = (values.reduce(0, +) * scale).rounded()
        var missing = Int(target - floors.reduce(0, +))
        let order = scaled.indices.sorted { (scaled[$0] - floors[$0]) > (scaled[$1] - floors[$1]) }
        var i = 0
        while missing > 0, i < order.count {
            floors[order[i]] += 1
            missing -= 1
            i += 1
        }
        return floors.map { $0 / scale }
    }
}
