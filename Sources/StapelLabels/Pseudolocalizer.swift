import StapelModel

/// Builds the pseudo-locale `pseudo` from the source-language labels: every letter accented, each string about 40 %
/// longer and wrapped in brackets, so that text drawn without the label set, cut text and tight boxes show up
/// before a real translation arrives. Deterministic: the same source gives the same strings.
///
/// Placeholders (`{n}`, `{value}`) are kept as written, line breaks too. `number.*` keys are copied unchanged,
/// so numbers keep the source language's format (a Swedish decimal comma) and stand apart from any number formatted outside `NumberFormat`.
/// Only accents that pdflatex (T1, lmodern) and the bundled fonts can draw are used.
package struct Pseudolocalizer: Sendable {
    /// The language code of the pseudo-locale, as given to `--lang`.
    package static let languageCode = "pseudo"

    /// The target length as a multiple of the source length.
    package var expansion: Double

    package init(expansion: Double = 1.4) { self.expansion = expansion }

    /// The pseudo-locale version of every entry of `source`.
    package func localize(_ source: LabelSet) -> LabelSet {
        var entries: [String: String] = [:]
        for (key, text) in source.entries {
            entries[key] = key.hasPrefix("number.") ? text : localize(text)
        }
        return LabelSet(language: Pseudolocalizer.languageCode, entries: entries, locations: source.locations)
    }

    /// `Antal svar: {n}` → `[Áñţáļ švár: {n} ļôŕ]`; the empty string stays empty.
    package func localize(_ text: String) -> String {
        guard !text.isEmpty else { return "" }
        var body = ""
        for piece in Placeholders.pieces(of: text) {
            switch piece {
            case .placeholder(let name): body += "{\(name)}"
            case .text(let literal): body += String(literal.map { Pseudolocalizer.accents[$0] ?? $0 })
            }
        }
        let target = max(text.count + 2, Int((Double(text.count) * expansion).rounded()))
        let padding = Pseudolocalizer.padding(target - text.count - 2)
        return "[" + body + padding + "]"
    }

    /// `count` characters of filler: a space, then accented words that a line may break between.
    static func padding(_ count: Int) -> String {
        guard count > 0 else { return "" }
        guard count > 1 else { return "·" }
        var filler = ""
        while filler.count < count - 1 { filler += (filler.isEmpty ? "" : " ") + fillerWords }
        var pad = " " + String(filler.prefix(count - 1))
        if pad.hasSuffix(" ") { pad = String(pad.dropLast()) + "·" }
        return pad
    }

    static let fillerWords = String("lorem ipsum dolor sit amet consectetur adipiscing elit sed do eiusmod tempor"
        .map { accents[$0] ?? $0 })

    /// Latin letters to accented look-alikes. b, f (capital), m, v and x have no form pdflatex's T1 encoding
    /// draws and stay as they are.
    static let accents: [Character: Character] = [
        "a": "á", "c": "ç", "d": "ð", "e": "é", "f": "ƒ", "g": "ĝ", "h": "ĥ", "i": "î", "j": "ĵ", "k": "ķ",
        "l": "ļ", "n": "ñ", "o": "ô", "p": "þ", "q": "ǫ", "r": "ŕ", "s": "š", "t": "ţ", "u": "û", "w": "ŵ",
        "y": "ý", "z": "ž",
        "A": "Á", "C": "Ç", "D": "Ð", "E": "É", "G": "Ĝ", "H": "Ĥ", "I": "Î", "J": "Ĵ", "K": "Ķ", "L": "Ļ",
        "N": "Ñ", "O": "Ô", "P": "Þ", "Q": "Ǫ", "R": "Ŕ", "S": "Š", "T": "Ţ", "U": "Û", "W": "Ŵ", "Y": "Ý",
        "Z": "Ž",
    ]
}
