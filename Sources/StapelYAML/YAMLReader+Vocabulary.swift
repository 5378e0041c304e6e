import StapelModel

/// Readers for the survey format's closed vocabularies and source codes, with errors that list what is allowed.
extension YAMLReader {
    /// One of an enumeration's raw values (`half-up`, `dont-know`).
    func oneOf<Value: RawRepresentable & CaseIterable>(_ type: Value.Type) throws -> Value where Value.RawValue == String {
        let s = try string()
        guard let value = Value(rawValue: s) else {
            let names = Value.allCases.map(\.rawValue).joined(separator: ", ")
            throw error("unknown value '\(s)'; expected one of: \(names)")
        }
        return value
    }

    /// A questionnaire code: a whole number (`7`, `-1`, `99`) or a short code (`"A"`, `"8a"`), kept as written.
    func code() throws -> String {
        guard case .scalar(let s) = node else { throw error("expected a code (a number or short text), found \(kindName)") }
        let text = s.string
        if s.style == .plain, ["~", "null", "Null", "NULL", ""].contains(text) {
            throw error("expected a code (a number or short text), found an empty value")
        }
        guard text.count <= 32, text.allSatisfy({ !$0.isNewline && !($0.asciiValue.map { $0 < 32 } ?? false) }) else {
            throw error("a code is at most 32 characters on one line")
        }
        return text
    }

    /// A count of printed decimals of percents (0…4).
    func percentDecimals() throws -> Int {
        let d = try integer()
        guard (0...4).contains(d) else { throw error("expected 0 to 4 decimals, found \(d)") }
        return d
    }

    /// The `rounding`, `percent-decimals` and `percent-base` fields of a survey or question.
    func percentConvention() throws -> PercentConventionOverride {
        PercentConventionOverride(rounding: try optional("rounding")?.oneOf(RoundingRule.self),
                                  decimals: try optional("percent-decimals")?.percentDecimals(),
                                  base: try optional("percent-base")?.oneOf(PercentBase.self))
    }

    /// The answer kind of an option or scale point (`kind:`), substantive when absent.
    func answerKind() throws -> AnswerKind {
        try optional("kind")?.oneOf(AnswerKind.self) ?? .substantive
    }
}

extension YAMLReader {
    /// A language code as label sets and the command line use it (`sv`, `en`, `de`, `pt-br`).
    func languageCode() throws -> String {
        let s = try string()
        let ok = !s.isEmpty && s.count <= 16 && s.first!.isLetter
            && s.allSatisfy { $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "-" || $0 == "_") }
        guard ok else { throw error("'\(s)' is not a language code; expected lower-case letters such as sv, en, de or pt-br") }
        return s
    }
}
