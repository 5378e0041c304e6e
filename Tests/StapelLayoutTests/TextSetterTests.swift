import StapelModel
import Testing
@testable import StapelLayout

/// A measurer without fonts: every character is 5 pt wide, lines break greedily at spaces, and a word longer
/// than the line is cut (as Pango's word-char wrapping does).
struct FixedWidthMeasurer: TextMeasuring {
    func measure(_ text: String, font: FontSpec, width: Double?) -> MeasuredText {
        let perLine = width.map { max(Int($0 / 5), 1) } ?? Int.max
        var lines: [MeasuredLine] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var current = ""
            for word in paragraph.split(separator: " ") {
                var w = String(word)
                while w.count > perLine {
                    if !current.isEmpty { lines.append(MeasuredLine(text: current, width: Double(current.count) * 5)); current = "" }
                    lines.append(MeasuredLine(text: String(w.prefix(perLine)) + "-", width: Double(perLine + 1) * 5, brokenInWord: true))
                    w = String(w.dropFirst(perLine))
                }
                let candidate = current.isEmpty ? w : current + " " + w
                if candidate.count <= perLine { current = candidate } else {
                    lines.append(MeasuredLine(text: current, width: Double(current.count) * 5))
                    current = w
                }
            }
            lines.append(MeasuredLine(text: current, width: Double(current.count) * 5))
        }
        return MeasuredText(lines: lines, lineHeight: font.size * 1.2)
    }
}

@Suite struct TextSetterTests {
    let setter = TextSetter(measurer: FixedWidthMeasurer(), lineSpacing: 1.25)
    let font = FontSpec(family: "Inter", size: 10)

    func lines(_ text: String, width: Double, _ wrap: WrapMode) -> [String] {
        setter.block(text, key: "k", role: .label, font: font, color: .black, width: width, wrap: wrap).measured.lines.map(\.text)
    }

    @Test func balancedLinesKeepTheCountAndLoseTheOrphan() {
        let text = "aaaa bbbb cccc dddd eeee ffff gggg"     // 34 characters
        let greedy = FixedWidthMeasurer().measure(text, font: font, width: 150).lines.map(\.text)
        #expect(greedy == ["aaaa bbbb cccc dddd eeee ffff", "gggg"])  // an orphan
        let balanced = lines(text, width: 150, .balanced)
        #expect(balanced.count == 2)
        #expect(balanced.allSatisfy { $0.contains(" ") })
        #expect(balanced.joined(separator: " ") == text)
    }

    @Test func paragraphsAvoidASingleWordLastLineEachOnTheirOwn() {
        let text = "aaaa bbbb cccc dddd eeee ffff gggg\nhhhh iiii jjjj kkkk llll mmmm nnnn"
        let set = lines(text, width: 150, .paragraph)
        #expect(set.count == 4)
        #expect(set.allSatisfy { $0.contains(" ") })
    }

    @Test func blocksPlaceLinesOneLineDistanceApartAndAlignRight() {
        let block = setter.block("aaaa bbbb cccc", key: "k", role: .label, font: font, color: .black, width: 45, wrap: .balanced)
        let mark = block.placed(x: 10, y: 20, align: .right)
        #expect(mark.lines.count == 2)
        #expect(mark.lines[1].y - mark.lines[0].y == 12.5)
        #expect(mark.lines.allSatisfy { abs($0.frame.maxX - 55) < 1e-9 })
        #expect(mark.box == Rect(x: 10, y: 20, width: 45, height: 25))
    }

    @Test func aWordWiderThanTheLineIsMarkedBroken() {
        let block = setter.block("Datadrivenhetsutveckling", key: "k", role: .label, font: font, color: .black, width: 50, wrap: .balanced)
        let broken = block.measured.lines.contains { $0.brokenInWord }
        #expect(broken)
    }
}
