import Stapel
import StapelLayout
import Testing

/// The grid options of the style: diverging layout, net totals, statistic and base-n columns, sorting,
/// not-applicable panel and rebasing, largest-remainder rounding.
@Suite struct GridOptionTests {
    func figure(_ id: String, _ change: (inout Style.GridOptions) -> Void) throws -> Figure {
        var style = try loadStyle("default")
        change(&style.grid)
        return layout(try bundledRequest(id, style: style))
    }

    func segments(_ figure: Figure, row: String) -> [RectMark] {
        rects(figure, .segment).filter { $0.key.hasPrefix(row + ":") }
    }

    @Test(arguments: [GridLayout.stacked, .diverging], [NotApplicableDisplay.segment, .panel])
    func everyGridHoldsUpWithEveryColumn(layout gridLayout: GridLayout, notApplicable: NotApplicableDisplay) throws {
        var style = try loadStyle("default")
        style.grid.layout = gridLayout
        style.grid.notApplicable = notApplicable
        style.grid.netPoints = 2
        style.grid.statistic = .both
        style.grid.baseN = true
        style.grid.sort = .share
        style.grid.rounding = .largestRemainder
        for request in try bundledRequests() {
            guard case .grid = request.question else { continue }
            var r = request
            r.style = style
            expectHoldsUp(layout(r))
        }
    }

    @Test func aNetNeverTakesMoreThanHalfTheScale() throws {
        // samverkan has two scored points: the net is the upper one alone.
        let figure = try figure("q43") { $0.netPoints = 2 }
        let net = try #require(figure.texts.first { $0.key == "value.questions.q43.rows.teknisk-utveckling.net" })
        #expect(net.text == "49\u{00A0}%")
    }

    let q05RowCount = 15

    /// A net total is the share of its points together, rounded once — never a sum of rounded segment figures
    /// (worked by hand from the printed percents).
    @Test func netsComeFromUnroundedShares() throws {
        // q05 "Bristande kunskap om arbetssätt och metoder": 14.6 + 3.6 = 18.2 → 18 %, not 15 + 4 = 19 %.
        let q05 = try figure("q05") { $0.netPoints = 2 }
        #expect(q05.texts.first { $0.key == "value.questions.q05.rows.kunskap-arbetssatt.net" }?.text == "18\u{00A0}%")
        // q42 rebased on those who answered on the scale: etiskt (19.9 + 25.0) / 72.1 = 62.27 % → 62 %, not the
        // 63 % that adding the rounded rebased segments (28 + 35) gives.
        let q42 = try figure("q42") { $0.netPoints = 2; $0.rebase = true }
        let net = try #require(q42.texts.first { $0.key == "value.questions.q42.rows.etiskt.net" })
        #expect(net.text == "62\u{00A0}%", "\(net.text)")
    }

    @Test func divergingBarsMeetAtTheMidpointWithTheMiddleSplit() throws {
        let figure = try figure("q05") { $0.layout = .diverging }
        expectHoldsUp(figure)
        // The 0 % line runs in the gaps between the bars: many short vertical pieces at one x (ticks are 3 pt).
        let pieces = figure.lines.filter { $0.from.x == $0.to.x && $0.to.y - $0.from.y > 3.5 }
        #expect(pieces.count >= q05RowCount)
        let centre = try #require(pieces.first?.from.x)
        #expect(pieces.allSatisfy { $0.from.x == centre })
        // No piece crosses a bar.
        for piece in pieces {
            for bar in rects(figure, .segment) where bar.frame.x < centre && bar.frame.maxX > centre {
                #expect(piece.to.y <= bar.frame.y + 0.01 || piece.from.y >= bar.frame.maxY - 0.01, "\(bar.key)")
            }
        }
        let survey = try bundledLoader.loadSurvey()
        guard case .grid(let q) = try #require(survey.question("q05")) else { Issue.record("not a grid"); return }
        for row in q.rows {
            let segs = segments(figure, row: "questions.q05.rows.\(row.id)")
            let middle = try #require(segs.first { $0.key.hasSuffix(":ganska-stort") })
            #expect(abs((middle.frame.x + middle.frame.maxX) / 2 - centre) < 1e-6)
            // Hinder is scored 0 (inget) to 4 (mycket stort): low scores left of the centre, high right.
            let low = try #require(segs.first { $0.key.hasSuffix(":inget") })
            let high = try #require(segs.first { $0.key.hasSuffix(":mycket-stort") })
            #expect(low.frame.maxX <= middle.frame.x + 1e-6)
            #expect(high.frame.x >= middle.frame.maxX - 1e-6)
            // Lengths stay proportional to the shares on both sides.
            let unit = middle.frame.width / row.percents[2]
            #expect(abs(low.frame.width - row.percents[0] * unit) < 1e-6)
        }
    }

    @Test func divergingWithAFallingScaleKeepsLowScoresLeft() throws {
        // utstrackning-pastaende is printed from "I mycket hög" (4) down to "inte alls" (0).
        let figure = try figure("q09") { $0.layout = .diverging }
        expectHoldsUp(figure)
        let segs = segments(figure, row: "questions.q09.rows.instruktion")
        let high = try #require(segs.first { $0.key.hasSuffix(":mycket-hog") })
        let low = try #require(segs.first { $0.key.hasSuffix(":inte-alls") })
        #expect(low.frame.x < high.frame.x)
        // The legend reads in stack order: lowest score first.
        #expect(rects(figure, .swatch).map(\.key).first == "scales.utstrackning-pastaende.inte-alls")
    }

    @Test func netTotalsAddTheHighestPoints() throws {
        let figure = try figure("q05") { $0.netPoints = 2 }
        expectHoldsUp(figure)
        // tidsbrist: stort 37.2 + mycket stort 16.0 → 37 + 16 = 53 %.
        let net = try #require(figure.texts.first { $0.key == "value.questions.q05.rows.tidsbrist.net" })
        #expect(net.text == "53\u{00A0}%")
        #expect(texts(figure, .note).contains { $0.key == "ui.net-note" && $0.text.contains("Stort hinder + Mycket stort hinder") })
    }

    @Test func meanMedianAndBaseColumns() throws {
        let figure = try figure("q17") {
            $0.statistic = .both
            $0.baseN = true
        }
        expectHoldsUp(figure)
        let headers = texts(figure, .columnHeader).map(\.key)
        #expect(headers == ["ui.mean", "ui.median", "ui.n"])
        #expect(figure.texts.first { $0.key == "value.questions.q17.rows.arendehandlaggning.ui.mean" }?.text == "0,5")
        #expect(figure.texts.first { $0.key == "value.ui.total.ui.median" }?.text == "1,0")
        #expect(figure.texts.first { $0.key == "value.questions.q17.rows.arendehandlaggning.ui.n" }?.text == "136")
        // Figures sit right-aligned in their column.
        let means = figure.texts.filter { $0.key.hasSuffix(".ui.mean") && $0.role == .value }
        #expect(Set(means.map { ($0.frame.maxX * 1000).rounded() }).count == 1)
    }

    @Test func sortingByMeanKeepsOtherRowsLastAndTotalBelow() throws {
        let figure = try figure("q05") { $0.sort = .mean }
        let labels = texts(figure, .label).map(\.key)
        #expect(labels.first == "questions.q05.rows.tidsbrist")      // mean 2.4, the highest
        #expect(labels.suffix(2) == ["questions.q05.rows.annat", "ui.total"])
        let survey = try bundledLoader.loadSurvey()
        guard case .grid(let q) = try #require(survey.question("q05")) else { return }
        let means = labels.dropLast(2).compactMap { key in q.rows.first { "questions.q05.rows.\($0.id)" == key }?.mean }
        #expect(means == means.sorted(by: >))
    }

    @Test func sortingByShareUsesTheHighestPoint() throws {
        let figure = try figure("q09") { $0.sort = .share }
        let first = texts(figure, .label).first?.key
        #expect(first == "questions.q09.rows.samhallsnytta")         // 20.4 % "I mycket hög utsträckning"
    }

    @Test func notApplicableAsAPanelAndRebased() throws {
        let figure = try figure("q45") {
            $0.notApplicable = .panel
            $0.rebase = true
        }
        expectHoldsUp(figure)
        // The scale's segments fill the bar without the not-applicable share …
        #expect(!rects(figure, .segment).contains { $0.key.hasSuffix(":inte-relevant") })
        // … which is a column of its own, as printed (37.2 % → 37 %).
        #expect(texts(figure, .columnHeader).map(\.key) == ["scales.utstrackning-relevant.inte-relevant"])
        #expect(figure.texts.first { $0.key == "value.questions.q45.rows.tid-slutforande.scales.utstrackning-relevant.inte-relevant" }?.text == "37\u{00A0}%")
        // Rebased: 27.7 of the 62.8 % who answered on the scale → 44 %.
        #expect(figure.texts.first { $0.key == "value.questions.q45.rows.tid-slutforande.inte-alls" }?.text == "44")
        #expect(texts(figure, .note).contains { $0.key == "ui.rebased-note" })
    }

    @Test func largestRemainderMakesEveryBarAddUpToAHundred() throws {
        let rounded = try figure("q05") { $0.rounding = .largestRemainder; $0.segmentLabelThreshold = 0 }
        let plain = try figure("q05") { $0.segmentLabelThreshold = 0 }
        // Without it, some bar's rounded figures miss 100 and the note says so; with it, none does.
        #expect(texts(plain, .note).contains { $0.key == "ui.rounding-note" })
        #expect(!texts(rounded, .note).contains { $0.key == "ui.rounding-note" })
        let survey = try bundledLoader.loadSurvey()
        guard case .grid(let q) = try #require(survey.question("q05")) else { return }
        for row in q.rows {
            let shown = Rounding.largestRemainder(row.percents, decimals: 0)
            #expect(shown.reduce(0, +) == 100)
            let drawn = rounded.texts.filter { $0.key.hasPrefix("value.questions.q05.rows.\(row.id).") && $0.role == .segmentValue }
            for t in drawn { #expect(shown.contains(Double(t.text)!)) }
        }
    }

    @Test func perQuestionStyleVariants() throws {
        let style = try StyleReader.read("""
            format: stapel-style/1
            grid: {statistic: mean}
            questions:
              q05: {grid: {layout: diverging, statistic: none}}
            """, file: "inline.yaml", name: "inline")
        #expect(style.grid.statistic == .mean)
        #expect(style.resolved(for: "q05").grid.layout == .diverging)
        #expect(style.resolved(for: "q05").grid.statistic == .none)
        #expect(style.resolved(for: "q09").grid.layout == .stacked)
        let figure = layout(try bundledRequest("q05", style: style))
        #expect(texts(figure, .columnHeader).isEmpty)
    }
}
