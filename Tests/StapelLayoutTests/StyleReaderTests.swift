import Foundation
import Stapel
import Testing

@Suite struct StyleReaderTests {
    @Test func theShippedStylesAreAvailable() {
        let names = StyleReader.available(in: stylesDirectory)
        for name in ["default", "print-grayscale", "slides"] { #expect(names.contains(name)) }
    }

    @Test func defaultYamlDocumentsTheBuiltInDefaults() throws {
        // default.yaml lists every field with its value; it must say what the code does.
        var fromFile = try loadStyle("default")
        fromFile.name = "built-in"
        #expect(fromFile == Style(name: "built-in"))
    }

    @Test func everyFieldOfDefaultYamlIsKnown() throws {
        let text = try String(contentsOf: stylesDirectory.appendingPathComponent("default.yaml"), encoding: .utf8)
        // Reading it field by field already rejects unknown names; this makes sure the file is not empty of them.
        #expect(text.contains("scale-palettes:"))
        #expect(text.contains("segment-label-threshold:"))
    }

    @Test func stylesExtendTheDefault() throws {
        let slides = try loadStyle("slides")
        #expect(slides.name == "slides")
        #expect(slides.page.aspectRatio == 16.0 / 9)
        #expect(slides.fonts.labelSize > Style(name: "x").fonts.labelSize)
        #expect(slides.fonts.family == "Inter")                  // inherited
        let gray = try loadStyle("print-grayscale")
        for palette in gray.colors.scalePalettes.values {
            for c in palette { #expect(c.red == c.green && c.green == c.blue, "\(c) is not grey") }
        }
        #expect(gray.page.widthMM == 160)
    }

    @Test func theScalePalettesReadOnEveryClass() throws {
        for name in ["default", "print-grayscale", "slides"] {
            let style = try loadStyle(name)
            for (n, palette) in style.colors.scalePalettes {
                #expect(palette.count == n)
                for c in palette {
                    let best = max(c.contrast(with: style.colors.text), c.contrast(with: style.colors.lightText))
                    #expect(best >= 4.5, "\(name): \(c) carries no text at 4.5:1")
                }
            }
        }
    }

    @Test func unknownStyleListsTheAvailableOnes() {
        #expect {
            try StyleReader.load("nosuch", from: stylesDirectory)
        } throws: { error in
            let text = "\(error)"
            return text.contains("nosuch") && text.contains("default") && text.contains("slides")
        }
    }

    func read(_ yaml: String) throws -> Style { try StyleReader.read(yaml, file: "test.yaml", name: "test") }

    func message(_ yaml: String) -> String? {
        do {
            _ = try read(yaml)
            return nil
        } catch {
            return "\(error)"
        }
    }

    @Test func wrongFieldsAreReportedWithTheirPlace() throws {
        let unknown = message("format: stapel-style/1\nfonts:\n  famly: Inter\n")
        #expect(unknown?.hasPrefix("test.yaml:3:3:") == true, "\(unknown ?? "")")
        #expect(unknown?.contains("famly") == true && unknown?.contains("family") == true)

        let badValue = message("format: stapel-style/1\ngrid:\n  layout: sideways\n")
        #expect(badValue?.hasPrefix("test.yaml:3:11:") == true, "\(badValue ?? "")")
        #expect(badValue?.contains("stacked, diverging") == true)

        let unquoted = message("format: stapel-style/1\ncolors:\n  bar: #2166ac\n")
        #expect(unquoted?.contains("quotes") == true, "\(unquoted ?? "")")

        let wrongCount = message("format: stapel-style/1\ncolors:\n  scale-palettes:\n    2: [\"#000000\"]\n")
        #expect(wrongCount?.contains("2-point palette needs 2 colours") == true, "\(wrongCount ?? "")")

        #expect(message("format: stapel-style/1\npage:\n  width-mm: -3\n")?.contains("expected 10 to 2000 mm") == true)
        #expect(message("format: stapel-style/2\n")?.contains("unsupported format") == true)
    }

    @Test func extendsLoopsAndMissingParentsAreErrors() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("stapel-styles-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try "format: stapel-style/1\nextends: b\n".write(to: dir.appendingPathComponent("a.yaml"), atomically: true, encoding: .utf8)
        try "format: stapel-style/1\nextends: a\n".write(to: dir.appendingPathComponent("b.yaml"), atomically: true, encoding: .utf8)
        try "format: stapel-style/1\nextends: gone\n".write(to: dir.appendingPathComponent("c.yaml"), atomically: true, encoding: .utf8)
        try "format: stapel-style/1\nextends: c2\nfonts: {label-size: 11}\n".write(to: dir.appendingPathComponent("d.yaml"), atomically: true, encoding: .utf8)
        try "format: stapel-style/1\nfonts: {label-size: 9, value-size: 7}\n".write(to: dir.appendingPathComponent("c2.yaml"), atomically: true, encoding: .utf8)
        #expect(throws: StyleError.self) { try StyleReader.load("a", from: dir) }
        #expect { try StyleReader.load("c", from: dir) } throws: { "\($0)".contains("c.yaml:2:10") && "\($0)".contains("gone") }
        let d = try StyleReader.load("d", from: dir)
        #expect(d.fonts.labelSize == 11)                          // the child wins
        #expect(d.fonts.valueSize == 7)                           // the parent fills in
    }
}
