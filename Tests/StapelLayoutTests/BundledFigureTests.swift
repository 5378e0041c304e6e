import Stapel
import StapelLayout
import Testing

/// Every figure of the bundled survey, laid out with Pango, checked on its boxes.
@Suite struct BundledFigureTests {
    @Test(arguments: ["default", "print-grayscale"])
    func everySwedishFigureHoldsUp(style: String) throws {
        for request in try bundledRequests("sv", style: style) { expectHoldsUp(layout(request)) }
    }

    @Test func slidesFitTheFrameOrSayWhichDoNot() throws {
        var overflowing: [String] = []
        for request in try bundledRequests("sv", style: "slides") {
            let figure = layout(request)
            expectHoldsUp(figure, allowing: [.frameOverflow])
            if figure.warnings.contains(where: { $0.kind == .frameOverflow }) { overflowing.append(figure.questionID) }
            else { #expect(abs(figure.width / figure.height - 16.0 / 9) < 0.01) }
        }
        // Only the multi-select grid (36 bars) is too much for one slide even at 70 % size.
        #expect(overflowing == ["q35"])
    }

    @Test func everyEnglishFigureHoldsUp() throws {
        for request in try bundledRequests("en") { expectHoldsUp(layout(request)) }
    }

    @Test func everyLabelOfAQuestionIsDrawn() throws {
        let survey = try bundledLoader.loadSurvey()
        let labels = try bundledLoader.loadLabels("sv")
        for request in try bundledRequests() {
            let figure = layout(request)
            let drawn = Set(figure.texts.map(\.key))
            for key in request.question.labelKeys(in: survey) where key.hasPrefix("questions.") || key.hasPrefix("scales.") {
                #expect(drawn.contains(key), "\(request.question.id) does not draw \(key)")
                // The text drawn is the label's text, broken into lines.
                if let mark = figure.texts.first(where: { $0.key == key }) {
                    // A row on a low base carries the marker after its label (LowBaseTests).
                    let drawnText = withoutSpaces(mark.text)
                    #expect(drawnText == withoutSpaces(labels.text(key)) || drawnText == withoutSpaces(labels.text(key)) + "*",
                            "\(key): \(mark.text)")
                }
            }
        }
    }

    @Test func singleChoiceShowsSwedishPercentsAndTheRespondentCount() throws {
        let figure = layout(try bundledRequest("q01"))
        let values = texts(figure, .value).map(\.text)
        #expect(values == ["48,9\u{00A0}%", "51,1\u{00A0}%"])
        #expect(texts(figure, .note).map(\.text) == ["Antal svar: 137"])
        // Options in questionnaire order, bars as long as their share of a 0–100 % track.
        let bars = rects(figure, .bar), tracks = rects(figure, .track)
        #expect(bars.map(\.key) == ["questions.q01.options.ja", "questions.q01.options.nej"])
        for (bar, (track, share)) in zip(bars, zip(tracks, [48.9, 51.1])) {
            #expect(abs(bar.frame.width / track.frame.width - share / 100) < 1e-9)
            #expect(bar.frame.x == track.frame.x)
        }
    }

    @Test func englishUsesItsOwnNumberFormat() throws {
        let figure = layout(try bundledRequest("q01", language: "en"))
        #expect(texts(figure, .value).map(\.text) == ["48.9%", "51.1%"])
        #expect(texts(figure, .note).map(\.text) == ["Responses: 137"])
    }

    @Test func multipleChoiceSortsByShareWithOtherLast() throws {
        let figure = layout(try bundledRequest("q03"))
        let order = rects(figure, .bar).map { $0.key.split(separator: ".").last.map(String.init) ?? "" }
        #expect(order == ["effektivare-forvaltning", "ai-resurs", "ekonomiska", "innovativa-tjanster", "kunskapssamhalle",
                          "transparens", "forskning", "inga-fordelar", "annat"])
        #expect(texts(figure, .note).map(\.key) == ["ui.respondents", "ui.multiple-allowed"])
    }

    @Test func gridBarsAreAlignedAndFillTheirWidth() throws {
        let figure = layout(try bundledRequest("q05"))
        var byRow: [String: [RectMark]] = [:]
        for r in rects(figure, .segment) { byRow[String(r.key.split(separator: ":")[0]), default: []].append(r) }
        #expect(byRow.count == 16)   // 15 statements and Totalt
        let starts = Set(byRow.values.map { $0.map(\.frame.x).min()! })
        let ends = Set(byRow.values.map { ($0.map(\.frame.maxX).max()! * 1000).rounded() })
        #expect(starts.count == 1)
        #expect(ends.count == 1)
        // Segments follow each other without gaps, in scale order.
        for segments in byRow.values {
            for (a, b) in zip(segments, segments.dropFirst()) { #expect(abs(a.frame.maxX - b.frame.x) < 1e-9) }
        }
        // The Totalt row comes last and is set apart by a rule.
        #expect(figure.texts.last(where: { $0.role == .label })?.key == "ui.total")
    }

    @Test func segmentLabelsFitTheirSegmentsAndReadOnTheirColour() throws {
        for id in ["q05", "q09", "q20", "q42", "q45"] {
            let figure = layout(try bundledRequest(id))
            let segments = rects(figure, .segment)
            for label in texts(figure, .segmentValue) {
                let segment = try #require(segments.first { $0.frame.contains(label.frame, tolerance: 0.2) })
                #expect(label.color.contrast(with: segment.fill) >= 4.5, "\(label.key) on \(segment.fill)")
            }
        }
    }

    @Test func notApplicableIsSetApartFromTheScale() throws {
        let figure = layout(try bundledRequest("q42"))
        let etiskt = rects(figure, .segment).filter { $0.key.hasPrefix("questions.q42.rows.etiskt:") }
        let na = try #require(etiskt.last)
        #expect(na.key.hasSuffix(":inte-relevant"))
        let previous = etiskt[etiskt.count - 2]
        #expect(na.frame.x - previous.frame.maxX >= 3)
        // No mean is drawn, so no note speaks of one; with a mean column one combined note names the answer.
        #expect(!texts(figure, .note).contains { $0.key == "ui.note.excluded-from-mean" })
        var style = try loadStyle("default")
        style.grid.statistic = .mean
        let withMean = layout(try bundledRequest("q42", style: style))
        let note = try #require(texts(withMean, .note).first { $0.key == "ui.note.excluded-from-mean" })
        #expect(note.text == "”Inte relevant” visas för sig och ingår inte i medelvärdet.", "\(note.text)")
        #expect(texts(withMean, .note).filter { $0.key.hasPrefix("ui.note.") }.count == 1)
    }

    @Test func multiSelectGridShowsSharesAndCounts() throws {
        let figure = layout(try bundledRequest("q35"))
        #expect(texts(figure, .value).count == 9 * 4)
        #expect(rects(figure, .bar).count == 9 * 4 - 1)             // handläggningstider mot avgift: 0
        let register = texts(figure, .value).filter { $0.key.hasPrefix("value.questions.q35.rows.register.") }.map(\.text)
        #expect(register == ["40,4\u{00A0}% (38)", "25,5\u{00A0}% (24)", "7,4\u{00A0}% (7)", "43,6\u{00A0}% (41)"])
        #expect(texts(figure, .note).map(\.key) == ["ui.respondents", "ui.multiple-per-row"])
    }

    @Test func slidesKeepTheSixteenByNineFrame() throws {
        let figure = layout(try bundledRequest("q01", style: try loadStyle("slides")))
        #expect(abs(figure.width / figure.height - 16.0 / 9) < 0.01)
    }
}

/// Whitespace of any kind collapsed to single spaces.
func normalised(_ s: String) -> String {
    s.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
}

/// The characters without any whitespace: line breaks may fall after a slash, where no space is lost.
func withoutSpaces(_ s: String) -> String { String(s.filter { !$0.isWhitespace }) }
