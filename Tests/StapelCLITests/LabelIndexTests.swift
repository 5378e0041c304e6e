import Stapel
import StapelModel
import Testing

/// The label set split once for planning (`QuestionScope.LabelIndex`) must give each question exactly the labels
/// `QuestionScope.isShown` says its outputs may show, with their source locations: the split decides what a
/// question's digest covers, so a key in the wrong part would either leak into another question's outputs or
/// leave an edit unnoticed.
@Suite struct LabelIndexTests {
    /// Keys of every shape the split tells apart, including the odd ones a label file can produce (an empty key
    /// gives `questions.q1.`; a top-level `questions:` holding text gives `questions.q1`).
    static let keys = [
        "survey.title", "ui.respondents", "number.percent", "questions", "scales", "questionsx.q1.text",
        "questions.q1", "questions.q1.", "questions.q1.text", "questions.q1.options.a", "questions.q10.text",
        "questions.q2.rows.r1", "questions..text", "questions.fråga.text", "scales.s", "scales.s.agree",
        "scales.s2.agree", "scales.t.disagree", ".questions.q1.text", "x.questions.q1.text",
    ]

    static func labels(_ keys: [String]) -> LabelSet {
        var entries: [String: String] = [:], locations: [String: StapelModel.SourceLocation] = [:]
        for (line, key) in keys.enumerated() {
            entries[key] = "text of \(key)"
            if line % 3 != 0 { locations[key] = StapelModel.SourceLocation(file: "labels/xx.yaml", line: line + 1, column: 3) }
        }
        return LabelSet(language: "xx", entries: entries, locations: locations)
    }

    static func expected(_ labels: LabelSet, question: String, scale: String?)
        -> (entries: [String: String], locations: [String: StapelModel.SourceLocation]) {
        let entries = labels.entries.filter { QuestionScope.isShown($0.key, questionID: question, scaleID: scale) }
        return (entries, labels.locations.filter { entries[$0.key] != nil })
    }

    @Test("each question gets what isShown allows, with locations",
          arguments: [("q1", "s"), ("q1", nil), ("q10", "t"), ("q2", "s2"), ("fråga", nil), ("", nil), ("q3", "absent")])
    func splitMatchesIsShown(question: String, scale: String?) {
        let labels = Self.labels(Self.keys)
        let index = QuestionScope.LabelIndex(labels)
        let (entries, locations) = index.entries(question: question, scale: scale)
        let want = Self.expected(labels, question: question, scale: scale)
        #expect(entries == want.entries)
        #expect(locations == want.locations)
    }

    @Test("random keys: the split and isShown agree")
    func randomKeys() {
        var generator = SplitMix(seed: 20261202)
        let parts = ["questions", "scales", "q1", "q2", "s", "", "text", "ü", "options", "a.b"]
        for _ in 0..<200 {
            let keys = (0..<30).map { _ in
                (0..<Int.random(in: 1...4, using: &generator)).map { _ in parts.randomElement(using: &generator)! }
                    .joined(separator: ".")
            }
            let labels = Self.labels(keys)
            let index = QuestionScope.LabelIndex(labels)
            for (question, scale) in [("q1", "s"), ("q2", nil), ("", ""), ("text", "q1")] as [(String, String?)] {
                let (entries, locations) = index.entries(question: question, scale: scale)
                let want = Self.expected(labels, question: question, scale: scale)
                #expect(entries == want.entries, "keys \(keys.sorted())")
                #expect(locations == want.locations)
            }
        }
    }
}

/// A small seeded generator, so that a failure repeats.
private struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
