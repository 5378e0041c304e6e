import Foundation

/// Every visible string for one language, addressed by dotted key (`questions.q01.options.ja`).
/// A survey's own label set is combined with Stapel's interface label set for the same language.
package struct LabelSet: Sendable, Hashable {
    /// Language code as used on the command line (`sv`, `en`, `pseudo`).
    package var language: String
    package var entries: [String: String]
    /// Where each entry was read, for error messages.
    package var locations: [String: SourceLocation]

    package init(language: String, entries: [String: String], locations: [String: SourceLocation] = [:]) {
        self.language = language
        self.entries = entries
        self.locations = locations
    }

    package subscript(key: String) -> String? { entries[key] }

    /// The string for `key`, or the key itself in brackets so that a gap is visible, never blank.
    package func text(_ key: String) -> String { entries[key] ?? "[\(key)]" }

    /// The string for `key` with `{name}` placeholders replaced.
    package func text(_ key: String, _ values: [String: String]) -> String {
        LabelSet.filling(text(key), with: values)
    }

    /// `template` with each `{name}` that `values` names replaced by its value, in one pass: a value is never
    /// searched for placeholders itself, and unknown placeholders stay as they are.
    package static func filling(_ template: String, with values: [String: String]) -> String {
        let utf8 = template.utf8
        guard !values.isEmpty, utf8.contains(UInt8(ascii: "{")) else { return template }
        var out = ""
        out.reserveCapacity(utf8.count + 16)
        var rest = template[...]
        while let open = rest.utf8.firstIndex(of: UInt8(ascii: "{")) {
            out += rest[..<open]
            let name = rest.utf8.index(after: open)
            // The name ends at the first brace after it: "{a {b}" is a literal "{a " and the placeholder "{b}".
            guard let close = rest.utf8[name...].firstIndex(where: { $0 == UInt8(ascii: "}") || $0 == UInt8(ascii: "{") }),
                  rest.utf8[close] == UInt8(ascii: "}") else {
                out += rest[open..<name]
                rest = rest[name...]
                continue
            }
            let after = rest.utf8.index(after: close)
            if let value = values[String(rest[name..<close])] { out += value } else { out += rest[open..<after] }
            rest = rest[after...]
        }
        out += rest
        return out
    }

    /// This set with `other`'s entries added where this one has none (later sets fill gaps only).
    package func merging(_ other: LabelSet) -> LabelSet {
        var merged = self
        for (k, v) in other.entries where merged.entries[k] == nil {
            merged.entries[k] = v
            merged.locations[k] = other.locations[k]
        }
        return merged
    }

    /// The number format this set declares (`number.*` keys). Every shipped interface set declares all of them;
    /// a key a survey's own set leaves out reads as in English (point, comma, `48.9%`, grouping from 4 digits).
    package var numberFormat: NumberFormat {
        NumberFormat(
            decimalSeparator: entries[Term.numberDecimalSeparator.key] ?? ".",
            groupSeparator: entries[Term.numberGroupSeparator.key] ?? ",",
            percentPattern: entries[Term.numberPercent.key] ?? "{value}%",
            groupMinimumDigits: entries[Term.numberGroupMinimumDigits.key].flatMap { Int($0.trimmingCharacters(in: .whitespaces)) } ?? 4)
    }
}
