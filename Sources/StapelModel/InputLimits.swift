/// The resource limits Stapel applies to every input, so that a hostile or broken file ends in a clear
/// error naming its place instead of a crash, a hang or an exhausted machine. Docs/security.md lists them.
package enum InputLimits {
    /// The largest YAML file read (survey, label set, style, manifest): 16 MiB.
    package static let maxDocumentBytes = 16 * 1024 * 1024
    /// The most nodes a YAML document may hold once its aliases are expanded (an alias bomb expands
    /// exponentially): 1,000,000.
    package static let maxExpandedNodes = 1_000_000
    /// The deepest nesting of YAML lists and mappings: 64.
    package static let maxNestingDepth = 64
    /// The largest PO file read: 16 MiB.
    package static let maxPOBytes = 16 * 1024 * 1024
    /// Options of a choice question, rows of a grid, columns of a multi-select grid: 1,000.
    package static let maxOptionsPerQuestion = 1_000
    /// Questions in a survey: 10,000.
    package static let maxQuestions = 10_000
    /// Points of a scale: 100.
    package static let maxScalePoints = 100
    /// The largest count (n, respondents, selections): 1,000,000,000. Sums of up to a thousand such counts
    /// stay far below Int.max.
    package static let maxCount = 1_000_000_000
    /// The largest magnitude of any other number in a survey (percents, means, scores): 1,000,000,000.
    package static let maxMagnitude = 1e9
    /// The longest label text, in characters: 5,000.
    package static let maxLabelLength = 5_000
    /// Entries of one label set: 200,000.
    package static let maxLabelEntries = 200_000
    /// The largest run record read beside a build state (`.stapel-run`), which Stapel writes itself: 16 MiB
    /// (2,000 questions in three formats make about 0.6 MiB); a larger one is no record, and the run plans.
    package static let maxRunRecordBytes = 16 * 1024 * 1024
    /// The widest or tallest PNG, in pixels: 20,000.
    package static let maxPixelsPerSide = 20_000
}

/// Language codes as label sets, the command line and file names use them: `sv`, `en`, `pt-br`, `zh_hant`,
/// or `pseudo`. Anything else is refused before it reaches a path or an output.
package enum LanguageCode {
    /// Whether `code` matches `^[a-z]{2,3}([-_][a-z0-9]{2,8})*$` or is `pseudo`.
    package static func isValid(_ code: String) -> Bool {
        if code == "pseudo" { return true }
        let parts = code.split(separator: "-", omittingEmptySubsequences: false)
            .flatMap { $0.split(separator: "_", omittingEmptySubsequences: false) }
        guard code.count <= 40, let first = parts.first, (2...3).contains(first.count),
              first.allSatisfy({ $0.isASCII && $0.isLowercase && $0.isLetter }) else { return false }
        return parts.dropFirst().allSatisfy { part in
            (2...8).contains(part.count) && part.allSatisfy { $0.isASCII && ($0.isLowercase || $0.isNumber) }
        }
    }

    /// The message for a code that fails `isValid`.
    package static func problem(_ code: String) -> String {
        "'\(LabelText.visible(code, limit: 40))' is not a language code; expected lower-case letters such as sv, en, de or pt-br ([a-z]{2,3}, then -xx parts), or pseudo"
    }
}

/// Checks on label texts: no control characters but tab and line break, and a bounded length.
package enum LabelText {
    /// Why `text` cannot be a label, or nil. Tab, LF and CR are allowed (a line break in a label is a wish to
    /// break the line); every other C0/C1 control character, DEL and the non-characters U+FFFE/U+FFFF are not —
    /// they make SVG ill-formed XML and reach terminals and spreadsheets as commands.
    package static func problem(_ text: String) -> String? {
        if isPlain(text) { return nil }
        var count = 0
        for scalar in text.unicodeScalars {
            count += 1
            let v = scalar.value
            if v == 0x09 || v == 0x0A || v == 0x0D { continue }
            if v < 0x20 || (0x7F...0x9F).contains(v) || v == 0xFFFE || v == 0xFFFF {
                return "contains the control character U+\(hex(v)), which no output can carry; remove it"
            }
        }
        if count > InputLimits.maxLabelLength, text.count > InputLimits.maxLabelLength {
            return "is \(text.count) characters long; a label may have at most \(InputLimits.maxLabelLength)"
        }
        return nil
    }

    /// Whether `text`, judged by its UTF-8 bytes alone, is short enough and holds none of the characters
    /// `problem` refuses (C0 but tab/LF/CR and DEL are single bytes; C1 controls are C2 80–C2 9F; U+FFFE/F are
    /// EF BF BE/BF): the quick answer for almost every label.
    static func isPlain(_ text: String) -> Bool {
        guard text.utf8.count <= InputLimits.maxLabelLength else { return false }
        // Over the bytes themselves, as `YAMLReader`'s nesting scan: every label passes through here.
        var text = text
        return text.withUTF8 { isPlain(bytes: $0) }
    }

    private static func isPlain(bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var previous: UInt8 = 0, beforePrevious: UInt8 = 0
        for byte in bytes {
            if byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D { return false }
            if byte == 0x7F || (previous == 0xC2 && (0x80...0x9F).contains(byte)) { return false }
            if beforePrevious == 0xEF && previous == 0xBF && (byte == 0xBE || byte == 0xBF) { return false }
            beforePrevious = previous
            previous = byte
        }
        return true
    }

    /// `text` with control characters shown as `\u{…}` and cut to `limit` characters, for messages.
    package static func visible(_ text: String, limit: Int = 60) -> String {
        var out = ""
        for scalar in text.unicodeScalars.prefix(limit) {
            if scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) { out += "\\u{\(hex(scalar.value))}" }
            else { out.unicodeScalars.append(scalar) }
        }
        return text.unicodeScalars.count > limit ? out + "…" : out
    }

    static func hex(_ v: UInt32) -> String {
        let d = String(v, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 4 - d.count)) + d
    }
}
