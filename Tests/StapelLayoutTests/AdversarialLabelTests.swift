import Stapel
import StapelLayout
import Testing

/// Labels and option counts the bundled survey does not have, checked on the layout boxes.
@Suite struct AdversarialLabelTests {
    static let words = "Myndighetens datadrivna verksamhetsutveckling förutsätter långsiktig styrning, tydliga ansvarsroller, "
        + "säker informationshantering och medarbetare med kompetens inom analys, juridik och teknik. "

    /// A 300-character label of ordinary words.
    static let longLabel = String(String(repeating: words, count: 3).prefix(300))

    static func choice(_ id: String, options: Int, respondents: Int = 100) -> ChoiceQuestion {
        ChoiceQuestion(id: id, respondents: respondents, selections: nil,
                       options: (1...options).map { ChoiceOption(id: "o\($0)", n: nil, percent: Double(($0 * 37) % 100)) })
    }

    @Test(arguments: ["default", "slides"])
    func aThreeHundredCharacterLabelWrapsWithoutOverflow(styleName: String) throws {
        #expect(Self.longLabel.count == 300)
        let q = ChoiceQuestion(id: "q01", respondents: 10, options: [
            ChoiceOption(id: "long", n: 4, percent: 40.0), ChoiceOption(id: "short", n: 6, percent: 60.0)])
        let style = try loadStyle(styleName)
        let request = try syntheticRequest(.singleChoice(q), labels: [
            "questions.q01.text": Self.longLabel, "questions.q01.options.long": Self.longLabel,
            "questions.q01.options.short": "Nej"], style: style)
        let figure = layout(request)
        expectHoldsUp(figure)
        let label = try #require(figure.texts.first { $0.key == "questions.q01.options.long" })
        #expect(label.lines.count > 2)
        #expect(normalised(label.text) == normalised(Self.longLabel))
    }

    @Test func aThreeHundredCharacterStatementAndScaleLabelInAGrid() throws {
        let scale = Scale(id: "s", points: [ScalePoint(id: "a", score: 2), ScalePoint(id: "b", score: 1),
                                            ScalePoint(id: "c", score: 0), ScalePoint(id: "na", score: nil)])
        let q = GridQuestion(id: "q02", scaleID: "s", respondents: 50, rows: [
            GridRow(id: "long", percents: [20, 30, 40, 10]), GridRow(id: "short", percents: [50, 25, 25, 0])],
            total: GridRow(id: "total", percents: [35, 27.5, 32.5, 5]))
        let request = try syntheticRequest(.grid(q), scales: [scale], labels: [
            "questions.q02.text": "Fråga", "questions.q02.rows.long": Self.longLabel, "questions.q02.rows.short": "Kort",
            "scales.s.a": String(Self.longLabel.prefix(150)), "scales.s.b": "B", "scales.s.c": "C", "scales.s.na": "Inte relevant"])
        let figure = layout(request)
        expectHoldsUp(figure)
    }

    @Test func anUnbreakableWordIsBrokenAndReported() throws {
        let word = String(repeating: "Datadrivenhetsutvecklingsarbete", count: 10)
        let q = ChoiceQuestion(id: "q01", respondents: 10, options: [
            ChoiceOption(id: "word", n: 4, percent: 40.0), ChoiceOption(id: "b", n: 6, percent: 60.0)])
        let figure = layout(try syntheticRequest(.singleChoice(q), labels: [
            "questions.q01.text": "Fråga", "questions.q01.options.word": word, "questions.q01.options.b": "Nej"]))
        // The figure still holds up geometrically …
        for text in figure.texts { #expect(figure.bounds.contains(text.frame)) }
        // … and says which label of which figure could not be set as designed.
        let warning = try #require(figure.warnings.first)
        #expect(warning.kind == .wordBroken)
        #expect(warning.questionID == "q01")
        #expect(warning.labelKey == "questions.q01.options.word")
    }

    @Test(arguments: [false, true])
    func twentyFiveOptionsLayOutWithoutOverflow(multiple: Bool) throws {
        let q = Self.choice("q03", options: 25)
        var labels = ["questions.q03.text": "Tjugofem alternativ"]
        for i in 1...25 { labels["questions.q03.options.o\(i)"] = "Alternativ \(i): " + String(Self.words.prefix(20 + i * 3)) }
        let figure = layout(try syntheticRequest(multiple ? .multipleChoice(q) : .singleChoice(q), labels: labels))
        expectHoldsUp(figure)
        let bars = rects(figure, .bar)
        #expect(bars.count == 25)
        // Rows go strictly downwards and are aligned on one left edge.
        for (a, b) in zip(bars, bars.dropFirst()) { #expect(b.frame.y >= a.frame.maxY) }
        #expect(Set(bars.map(\.frame.x)).count == 1)
    }

    @Test func twentyFiveStatementsInAGrid() throws {
        let scale = Scale(id: "s", points: (0..<5).map { ScalePoint(id: "p\($0)", score: Double(4 - $0)) })
        let rows = (1...25).map { GridRow(id: "r\($0)", percents: [10, 20, 30, 25, 15]) }
        let q = GridQuestion(id: "q04", scaleID: "s", respondents: 99, rows: rows, total: nil)
        var labels = ["questions.q04.text": "Tjugofem påståenden"]
        for i in 1...25 { labels["questions.q04.rows.r\(i)"] = String(Self.words.prefix(10 + i * 4)) }
        for i in 0..<5 { labels["scales.s.p\(i)"] = "Skalsteg \(i)" }
        let figure = layout(try syntheticRequest(.grid(q), scales: [scale], labels: labels))
        expectHoldsUp(figure)
        #expect(rects(figure, .segment).count == 25 * 5)
    }

    @Test func contentTallerThanASlideIsReported() throws {
        let q = Self.choice("q05", options: 25)
        var labels = ["questions.q05.text": "Många alternativ"]
        for i in 1...25 { labels["questions.q05.options.o\(i)"] = "Alternativ \(i)" }
        let figure = layout(try syntheticRequest(.singleChoice(q), labels: labels, style: try loadStyle("slides")))
        #expect(figure.warnings.map(\.kind) == [.frameOverflow])
        #expect(figure.warnings.first?.questionID == "q05")
        for text in figure.texts { #expect(figure.bounds.contains(text.frame)) }
    }

    @Test func aLegendEntryTooLongForTwoLinesIsReported() throws {
        let scale = Scale(id: "s", points: [ScalePoint(id: "a", score: 1), ScalePoint(id: "b", score: 0)])
        let q = GridQuestion(id: "q06", scaleID: "s", respondents: 10, rows: [GridRow(id: "r", percents: [40, 60])], total: nil)
        let figure = layout(try syntheticRequest(.grid(q), scales: [scale], labels: [
            "questions.q06.text": "Fråga", "questions.q06.rows.r": "Rad",
            "scales.s.a": String(repeating: Self.longLabel + " ", count: 2), "scales.s.b": "Nej"]))
        #expect(figure.warnings.contains { $0.kind == .legendCramped && $0.labelKey == "scales.s.a" && $0.questionID == "q06" })
        for text in figure.texts { #expect(figure.bounds.contains(text.frame)) }
    }
}
