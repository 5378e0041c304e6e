import Stapel
import StapelLayout
import Testing

/// Non-substantive answers in charts: apart from the scale, each kind in a fill of its own in every shipped
/// style (grayscale included), kept out of the mean, named in one note that speaks of a mean only when one is
/// drawn, and a substantive percent base stated.
@Suite struct NonSubstantiveAnswerTests {
    static let scale = Scale(id: "agree", points: [
        ScalePoint(id: "yes", score: 2), ScalePoint(id: "neutral", score: 1), ScalePoint(id: "no", score: 0),
        ScalePoint(id: "na", score: nil, kind: .doesNotApply), ScalePoint(id: "dk", score: nil, kind: .dontKnow),
        ScalePoint(id: "ref", score: nil, kind: .refused),
    ], polarity: .bipolar)

    static let grid = Question.grid(GridQuestion(id: "g", scaleID: "agree", respondents: 100, rows: [
        GridRow(id: "r1", percents: [30, 20, 10, 20, 15, 5], counts: [30, 20, 10, 20, 15, 5]),
        GridRow(id: "r2", percents: [10, 30, 30, 10, 10, 10], counts: [10, 30, 30, 10, 10, 10]),
    ], total: nil))

    static let labels = ["questions.g.text": "Fråga", "questions.g.rows.r1": "Rad ett", "questions.g.rows.r2": "Rad två",
                         "scales.agree.yes": "Ja", "scales.agree.neutral": "Varken eller", "scales.agree.no": "Nej",
                         "scales.agree.na": "Inte relevant", "scales.agree.dk": "Vet ej", "scales.agree.ref": "Vill inte svara"]

    @Test(arguments: ["default", "print-grayscale", "slides"])
    func everyKindHasItsOwnFill(style name: String) throws {
        let style = try loadStyle(name)
        let figure = layout(try syntheticRequest(Self.grid, scales: [Self.scale], labels: Self.labels, style: style))
        if style.grid.notApplicable == .panel {
            // A style that shows them as columns of figures (print-grayscale) heads each with its own name.
            for label in ["Inte relevant", "Vet ej", "Vill inte svara"] {
                #expect(texts(figure, .columnHeader).contains { $0.text == label }, "\(label)")
            }
            return
        }
        var fills: [String: Set<String>] = [:]
        for rect in rects(figure, .segment) {
            let point = String(rect.key.split(separator: ":").last ?? "")
            fills[point, default: []].insert("\(rect.fill.description) \(rect.pattern.rawValue)")
        }
        let apart = ["na", "dk", "ref"].compactMap { fills[$0] }
        #expect(apart.count == 3, "\(fills.keys.sorted())")
        #expect(apart.allSatisfy { $0.count == 1 }, "one fill per kind on every row")
        #expect(Set(apart.flatMap { $0 }).count == 3, "three kinds, three different fills: \(apart)")
        // … and none looks like a point of the scale.
        let scaleFills = ["yes", "neutral", "no"].compactMap { fills[$0] }.flatMap { $0 }
        #expect(Set(scaleFills).isDisjoint(with: apart.flatMap { $0 }))
    }

    @Test func theNoteSpeaksOfAMeanOnlyWhenOneIsDrawn() throws {
        var style = Style(name: "default")
        let plain = layout(try syntheticRequest(Self.grid, scales: [Self.scale], labels: Self.labels, style: style))
        #expect(!texts(plain, .note).contains { $0.text.contains("medelvärde") })
        style.grid.statistic = .mean
        let withMean = layout(try syntheticRequest(Self.grid, scales: [Self.scale], labels: Self.labels, style: style))
        let notes = texts(withMean, .note).filter { $0.key == "ui.note.excluded-from-mean" }
        #expect(notes.count == 1)
        #expect(notes.first?.text == "”Inte relevant”, ”Vet ej”, ”Vill inte svara” visas för sig och ingår inte i medelvärdet.")
        // The mean is computed from the counts of the scored points only: (30·2 + 20·1) / 60 = 1.33 → 1,3.
        #expect(withMean.texts.contains { $0.key.hasPrefix("value.questions.g.rows.r1") && $0.text == "1,3" })
    }

    @Test func aSubstantiveBaseIsStated() throws {
        let choice = Question.singleChoice({
            var q = ChoiceQuestion(id: "c", respondents: 100, options: [
                ChoiceOption(id: "a", n: 30, percent: 37.5), ChoiceOption(id: "b", n: 50, percent: 62.5),
                ChoiceOption(id: "dk", n: 20, percent: 20),
            ])
            q.options[2].kind = .dontKnow
            q.convention = PercentConventionOverride(base: .substantive)
            return q
        }())
        let figure = layout(try syntheticRequest(choice, labels: ["questions.c.text": "Fråga", "questions.c.options.a": "A",
                                                                   "questions.c.options.b": "B"]))
        let notes = texts(figure, .note).map(\.text)
        #expect(notes.contains("Andelarna är beräknade utan ”Vet ej”."), "\(notes)")
        #expect(notes.contains("Bas: de som tagit ställning (80)."), "\(notes)")
        // The don't-know bar comes last, after the substantive ones, in its own fill.
        let bars = rects(figure, .bar)
        #expect(bars.last?.key == "questions.c.options.dk" && bars.last?.pattern != .solid)
        #expect(figure.texts.contains { $0.text == "37,5\u{00A0}%" } && figure.texts.contains { $0.text == "20,0\u{00A0}%" })
    }

    /// An exclusive answer ("Vi har ingen strategi …", q04) is pinned after the sorted options and "Annat".
    @Test func anExclusiveOptionIsPinnedLast() throws {
        let figure = layout(try bundledRequest("q04"))
        let order = rects(figure, .bar).map { String($0.key.split(separator: ".").last ?? "") }
        #expect(order.suffix(2) == ["annat", "ingen-strategi"], "\(order)")
    }
}
