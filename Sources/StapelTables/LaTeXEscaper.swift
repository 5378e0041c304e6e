import Foundation

/// Turns label text into LaTeX text that prints exactly that text under pdflatex with T1 fonts and Swedish
/// babel: the ten reserved characters, babel's `"` shorthand, the ligatures `--`, `''` and `,,`, characters
/// OT1 would misprint (`< > |`), line breaks, and the Unicode spaces and minus that pdflatex rejects.
/// Brackets and stars are braced so that a cell can never become an optional argument of `\\`.
package enum LaTeXEscaper {
    package static func escape(_ text: String) throws -> String {
        if text.unicodeScalars.allSatisfy({ $0.value < 0x180 && passesThrough[Int($0.value)] }) { return text }
        return try escapeScalars(text)
    }

    /// For each scalar below U+0180 (ASCII, Latin-1, Latin Extended-A), whether `escapeScalars` leaves it as
    /// it is whatever surrounds it: text made only of those needs no escaping. Worked out from `escapeScalars`
    /// itself; the characters whose escape depends on the next one (`- ' , /` and CR) are never left to it.
    /// None of these scalars combines with another into one character, so composing changes nothing either.
    static let passesThrough: [Bool] = (0..<0x180).map { value in
        guard let scalar = Unicode.Scalar(value), !"-',/\r".unicodeScalars.contains(scalar) else { return false }
        return (try? escapeScalars(String(scalar))) == String(scalar)
    }

    /// `escape`, scalar by scalar.
    static func escapeScalars(_ text: String) throws -> String {
        var out = ""
        // A decomposed "å" (a + U+030A) would reach pdflatex as a bare combining ring, so such characters are
        // composed; others are left alone, since composing maps e.g. the ohm sign to a Greek omega T1 lacks.
        let scalars = text.flatMap { ch -> [Unicode.Scalar] in
            let own = Array(ch.unicodeScalars)
            guard own.count > 1 else { return own }
            return Array(String(ch).precomposedStringWithCanonicalMapping.unicodeScalars)
        }
        var i = 0
        while i < scalars.count {
            let s = scalars[i]
            let next = i + 1 < scalars.count ? scalars[i + 1] : nil
            i += 1
            switch s {
            case "\\": out += "\\textbackslash{}"
            case "{", "}", "#", "$", "%", "&", "_": out += "\\" + String(s)
            case "~": out += "\\textasciitilde{}"
            case "^": out += "\\textasciicircum{}"
            case "\"": out += "\\textquotedbl{}"
            case "<": out += "\\textless{}"
            case ">": out += "\\textgreater{}"
            case "|": out += "\\textbar{}"
            case "`": out += "\\textasciigrave{}"
            case "[", "]", "*": out += "{" + String(s) + "}"
            case "/":
                // TeX never breaks after a slash on its own; "och/eller" in a narrow cell would stick out.
                out += next == nil || next == " " ? "/" : "/\\hspace{0pt}"
            case "-", "'", ",":
                out.unicodeScalars.append(s)
                // TeX joins -- and --- into dashes, '' into a quote and ,, into a low quote (T1); \kern0pt
                // keeps them apart under pdflatex and lualatex alike, where {} fails under lualatex.
                if next == s { out += "\\kern0pt " }
            case "\r":
                out += " "
                if next == "\n" { i += 1 }
            case "\n", "\t", "\u{0B}", "\u{0C}", "\u{85}", "\u{2028}", "\u{2029}": out += " "
            case "\u{00A0}", "\u{2007}": out += "~"
            case "\u{202F}", "\u{2009}": out += "\\,"
            case "\u{2212}": out += "\\textminus{}"
            case "\u{2011}": out += "\\mbox{-}"
            case "\u{00AD}": out += "\\-"
            case "\u{200B}": out += "\\hspace{0pt}"
            default:
                if s.properties.generalCategory == .control || s.properties.generalCategory == .format {
                    continue   // invisible controls and marks carry nothing a reader could see
                }
                guard LaTeXCharacterSupport.canTypeset(s) else {
                    throw TableError.unsupportedCharacter(format: "pdflatex", scalar: s.value, text: text)
                }
                out.unicodeScalars.append(s)
            }
        }
        return out
    }
}
