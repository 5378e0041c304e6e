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

    @Test("every key of one to three parts: the split and isShown agree")
    func everyShortKey() {
        let parts = ["questions", "scales", "q1", "q2", "s", "", "text", "ü", "a.b"]
        var keys: Set<String> = []
        for a in parts {
            keys.insert(a)
            for b in parts {
                keys.insert("\(a).\(b)")
                for c in parts { keys.insert("\(a).\(b).\(c)") }
            }
        }
        let labels = Self.labels(keys.sorted())
        let index = QuestionScope.LabelIndex(labels)
        for (question, scale) in [("q1", "s"), ("q2", nil), ("", ""), ("text", "q1")] as [(String, String?)] {
            let (entries, locations) = index.entries(question: question, scale: scale)
            let want = Self.expected(labels, question: question, scale: scale)
            #expect(entries == want.entries)
            #expect(locations == want.locations)
        }
    }
}
