@testable import StapelLayout
import StapelModel
import Testing

/// The fast path of alt-text cleaning (`isOneLine`, judged from scalars) against the character-by-character one
/// (`joiningLines`): whatever the fast path lets through unchanged, the slow path leaves unchanged too.
@Suite struct OneLineFastPathTests {
    static let pieces = ["a", "Ä", "ö", " ", "  ", "\u{00A0}", "\u{202F}", "\u{2013}", "\u{0301}", "\t", "\n",
                         "\r\n", "\u{0085}", "\u{2028}", "\u{2003}", "\u{3000}", "\u{1680}", "\u{205F}", "\u{200B}",
                         "\u{0007}", "\u{009C}", "%", "é", "😀", "e\u{0301}", "\u{FEFF}"]

    @Test func theFastPathNeverChangesWhatTheSlowPathWouldChange() {
        var generator = SystemRandomNumberGenerator()
        var checked = 0, fast = 0
        for _ in 0..<20_000 {
            let count = Int.random(in: 0...6, using: &generator)
            let s = (0..<count).map { _ in Self.pieces.randomElement(using: &generator)! }.joined()
            let slow = AltTextBuilder.joiningLines(s)
            if AltTextBuilder.isOneLine(s) {
                fast += 1
                #expect(slow == s, "fast path kept \(Array(s.unicodeScalars.map(\.value))) but the slow path gives \(Array(slow.unicodeScalars.map(\.value)))")
            }
            #expect(AltTextBuilder.oneLine(s) == slow)
            checked += 1
        }
        #expect(fast > 1_000, "the fast path should take most plain strings (\(fast) of \(checked))")
    }

    @Test func swedishPercentsAndDashesTakeTheFastPath() {
        for s in ["45,2\u{00A0}%", "Ja\u{2013}delvis", "1\u{202F}234", "Kännetecknar sig myndigheten som datadriven?"] {
            #expect(AltTextBuilder.isOneLine(s), "\(s)")
        }
        for s in [" leading", "trailing ", "two  spaces", "tab\there", "line\u{2028}separator", "em\u{2003}space"] {
            #expect(!AltTextBuilder.isOneLine(s), "\(s)")
        }
    }
}
