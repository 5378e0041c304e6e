@testable import StapelTables
import Testing

/// The byte-level fast paths of the table writers against their character-by-character escapes, on random text
/// made of plain letters and every kind of character the escapes treat specially.
@Suite struct EscapingFastPathTests {
    static let pieces = ["a", "Z", "7", "å", "Ö", "ß", "é", "ł", " ", "  ", "-", "--", "'", ",", ",,", "/", "\\", "{", "}",
                         "#", "$", "%", "&", "_", "~", "^", "\"", "<", ">", "|", "`", "[", "]", "*", ";", "\r", "\n",
                         "\r\n", "\t", "\u{0B}", "\u{85}", "\u{2028}", "\u{2029}", "\u{00A0}", "\u{202F}", "\u{2009}",
                         "\u{2212}", "\u{2011}", "\u{00AD}", "\u{200B}", "\u{0301}", "\u{0007}", "\u{009C}", "×", "÷",
                         "\u{2013}", "€", "😀", "ŋ", "ǅ"]

    static func randomTexts(_ count: Int) -> [String] {
        var generator = SystemRandomNumberGenerator()
        return (0..<count).map { _ in
            (0..<Int.random(in: 0...7, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
        }
    }

    @Test func laTeXEscapesAreTheSameWithTheFastPath() {
        for text in Self.randomTexts(20_000) {
            let fast = try? LaTeXEscaper.escape(text), slow = try? LaTeXEscaper.escapeScalars(text)
            #expect(fast == slow, "\(Array(text.unicodeScalars.map(\.value)))")
        }
        #expect(LaTeXEscaper.passesThrough[Int(UInt8(ascii: "a"))] && LaTeXEscaper.passesThrough[0xE5])
        #expect(!LaTeXEscaper.passesThrough[Int(UInt8(ascii: "-"))] && !LaTeXEscaper.passesThrough[0xA0])
    }

    @Test func markdownEscapesAreTheSameWithTheFastPath() {
        var fast = 0
        for text in Self.randomTexts(20_000) {
            if MarkdownTableWriter.needsNoEscaping(text) { fast += 1 }
            #expect(MarkdownTableWriter.escape(text) == MarkdownTableWriter.escapeCharacters(text), "\(Array(text.unicodeScalars.map(\.value)))")
        }
        #expect(fast > 100)
        #expect(MarkdownTableWriter.needsNoEscaping("Bristande kunskap om arbetssätt – 45,2\u{00A0}%"))
    }

    @Test func csvQuotingIsTheSameWithTheFastPath() {
        for dialect in CSVDialect.allCases {
            for text in Self.randomTexts(5_000) {
                let exact = text.contains { $0 == dialect.separator || $0 == "\"" || $0.isNewline }
                if exact { #expect(CSVTableWriter.mayNeedQuotes(text, separator: dialect.separator), "\(Array(text.unicodeScalars.map(\.value)))") }
            }
        }
    }
}
