import Foundation
import Stapel
import StapelLayout
import Testing

/// Grid rows on fewer answers than the style's `grid.low-base` are marked after their label, with a note.
@Suite struct LowBaseTests {
    @Test func theOtherObstacleRowOnNineAnswersIsMarked() throws {
        let figure = layout(try bundledRequest("q36"))
        let labels = figure.texts.filter { $0.role == .label }
        let other = try #require(labels.first { $0.key == "questions.q36.rows.annat" })
        #expect(other.text == "Annat hinder (beskriv i fritextfältet)\u{00A0}*")
        #expect(labels.filter { $0.text.hasSuffix("*") }.count == 1)
        let note = try #require(figure.texts.first { $0.key == "ui.low-base" })
        #expect(note.text == "*\u{00A0}Färre än 30 svar.")
        #expect(note.role == .note)
        expectHoldsUp(figure)
    }

    @Test func theNoteIsInTheLabelSetsLanguageAndFollowsTheThreshold() throws {
        var style = try loadStyle("default")
        style.grid.lowBase = 10
        let english = layout(try bundledRequest("q36", language: "en", style: style))
        #expect(english.texts.first { $0.key == "ui.low-base" }?.text == "*\u{00A0}Fewer than 10 responses.")
        style.grid.lowBase = 0
        let figure = layout(try bundledRequest("q36", style: style))
        #expect(!figure.texts.contains { $0.key == "ui.low-base" || $0.text.hasSuffix("*") })
    }

    @Test func theStyleReadsTheThresholdAndTheSVGTextMode() throws {
        let style = try StyleReader.read("format: stapel-style/1\npage:\n  svg-text: outlines\ngrid:\n  low-base: 50\n", file: "t.yaml", name: "t")
        #expect(style.grid.lowBase == 50)
        #expect(style.page.svgText == .outlines)
        let defaults = try loadStyle("default")
        #expect(defaults.grid.lowBase == 30)
        #expect(defaults.page.svgText == .text)
        #expect(throws: (any Error).self) { try StyleReader.read("format: stapel-style/1\ngrid:\n  low-base: -1\n", file: "t.yaml", name: "t") }
        #expect(throws: (any Error).self) { try StyleReader.read("format: stapel-style/1\npage:\n  svg-text: paths\n", file: "t.yaml", name: "t") }
    }
}
