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
        var s = text(key)
        for (name, value) in values { s = s.replacingOccurrences(of: "{\(name)}", with: value) }
        return s
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
