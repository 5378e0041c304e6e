import CCairo
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Stapel
@testable import StapelCairo
import StapelLayout
import Testing

/// The alt text embedded in every format, the tagged PDF, and the SVG's real text.
@Suite struct AccessibilityTests {
    static let kinds = ["q01", "q02", "q05", "q35", "q36", "q42"]

    func backend(_ name: String) throws -> Backend { try #require(BackendRegistry.builtIn.backend(named: name)) }

    // MARK: SVG

    @Test(arguments: kinds) func svgIsAnImageNamedByItsAltTextWithRealText(id: String) throws {
        let req = try request(id)
        let figure = ChartRenderer.figure(for: req)
        let bytes = try backend("svg").render(req)
        let parser = XMLParser(data: Data(bytes))
        #expect(parser.parse(), "\(id): \(parser.parserError.map { "\($0)" } ?? "")")
        let svg = String(decoding: bytes, as: UTF8.self)
        #expect(svg.contains("role=\"img\" aria-labelledby=\"stapel-\(id)-title\" aria-describedby=\"stapel-\(id)-desc\""))
        #expect(svg.contains("xml:lang=\"sv-SE\""))
        #expect(svg.contains("<title id=\"stapel-\(id)-title\">\(SVGDocument.escape(figure.altText.short))</title>"))
        #expect(svg.contains("<desc id=\"stapel-\(id)-desc\">"))
        // One <text> per drawn line, at its measured x, in the style's family with fallbacks.
        let lines = figure.texts.flatMap(\.lines).filter { !$0.text.isEmpty }
        #expect(svg.components(separatedBy: "<text ").count - 1 == lines.count)
        for line in lines { #expect(svg.contains(">\(SVGDocument.escape(line.text))</text>"), "\(id): \(line.text)") }
        #expect(svg.contains("font-family=\"Inter, 'Noto Sans', 'DejaVu Sans', 'Liberation Sans', Arial, sans-serif\""))
        #expect(!svg.contains("<symbol") && !svg.contains("glyph"))
    }

    @Test func svgTextIsByteDeterministic() throws {
        let first = try backend("svg").render(try request("q36"))
        _ = try backend("svg").render(try request("q35"))
        #expect(first == (try backend("svg").render(try request("q36"))))
    }

    @Test func svgNumbersAndEscapes() {
        #expect(SVGDocument.num(453.5433070866) == "453.543")
        #expect(SVGDocument.num(12.0) == "12")
        #expect(SVGDocument.num(-0.0001) == "0")
        #expect(SVGDocument.escape("a < b & \"c\"\u{0007}\u{009B}>") == "a &lt; b &amp; &quot;c&quot;&gt;")
        #expect(SVGDocument.escape("rad 1\nrad 2") == "rad 1\nrad 2")
        #expect(SVGDocument.idPrefix("q 36/<x>") == "stapel-q36x")
    }

    @Test func theOutlinesOptionKeepsCairosGlyphsWithTheAltText() throws {
        var figure = ChartRenderer.figure(for: try request("q01"))
        figure.svgText = .outlines
        let svg = String(decoding: try SVGWriter.write(figure), as: UTF8.self)
        #expect(svg.contains("<symbol") || svg.contains("glyph"))
        #expect(!svg.contains("<text "))
        #expect(svg.contains("role=\"img\""))
        #expect(svg.contains("<title id=\"stapel-q01-title\">Stapeldiagram: "))
        let parser = XMLParser(data: Data(svg.utf8))
        #expect(parser.parse())
    }

    /// rsvg-convert (librsvg2-bin) draws the SVG's text with the same fonts: the raster matches Stapel's PNG, and
    /// its PDF export has the labels as text.
    @Test func svgTextRendersWhereThePNGHasItAndIsSelectable() throws {
        let req = try request("q36")
        let svg = try backend("svg").render(req)
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("stapel-svg-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try Data(svg).write(to: directory.appendingPathComponent("f.svg"))
        _ = try run("rsvg-convert", ["-f", "pdf", "-o", directory.appendingPathComponent("f.pdf").path, "{}"], on: svg, suffix: "svg")
        let text = try run("pdftotext", ["-enc", "UTF-8", directory.appendingPathComponent("f.pdf").path, "-"], on: [], suffix: "txt")
        for key in ["questions.q36.rows.lagar-regelverk", "questions.q36.rows.annat", "scales.hinder.inget", "ui.total"] {
            #expect(withoutSpaces(text).contains(withoutSpaces(req.labels.text(key))), "the SVG's PDF lacks \(key)")
        }
        // Raster at 144 dpi: the same pixels as the PNG but for anti-aliasing.
        var figure = ChartRenderer.figure(for: req)
        figure.altText = AltText(short: "", long: "")
        let png = try PNGImage(try PNGWriter.write(figure, dpi: 144))
        let out = directory.appendingPathComponent("r.png").path
        _ = try run("rsvg-convert", ["-d", "144", "-p", "144", "-b", "white", "-o", out, "{}"], on: svg, suffix: "svg")
        let raster = try PNGImage(Array(try Data(contentsOf: URL(fileURLWithPath: out))))
        #expect(abs(raster.width - png.width) <= 1 && abs(raster.height - png.height) <= 1)
        var different = 0, compared = 0
        for y in 0..<min(png.height, raster.height) {
            for x in 0..<min(png.width, raster.width) {
                compared += 1
                let a = png.pixels[y * png.width + x], b = raster.pixels[y * raster.width + x]
                if channelDistance(a, b) > 64 { different += 1 }
            }
        }
        #expect(Double(different) / Double(compared) < 0.02, "\(different) of \(compared) pixels differ")
    }

    func channelDistance(_ a: UInt32, _ b: UInt32) -> Int {
        var d = 0
        for shift: UInt32 in [16, 8, 0] {
            let x = Int((a >> shift) & 0xFF), y = Int((b >> shift) & 0xFF)
            d = max(d, abs(x - y))
        }
        return d
    }

    // MARK: PNG

    @Test func pngCarriesTheAltTextAsAnITXtDescription() throws {
        let req = try request("q36")
        let figure = ChartRenderer.figure(for: req)
        let bytes = try backend("png").render(req)
        let chunks = try pngChunks(bytes)
        #expect(chunks.map(\.type).suffix(2) == ["iTXt", "IEND"])
        let itxt = try #require(chunks.first { $0.type == "iTXt" })
        let expected = Array("Description".utf8) + [0, 0, 0] + Array("sv-SE".utf8) + [0, 0] + Array(AltTextWriter.text(figure).utf8)
        #expect(itxt.data == expected)
        #expect(itxt.crcOK)
        // Cairo still decodes it.
        #expect(try PNGImage(bytes).width > 0)
    }

    @Test func crcIsPNGs() {
        // The CRC of the IEND chunk type is the well-known AE 42 60 82.
        #expect(PNGTextChunk.crc32(Array("IEND".utf8)) == 0xAE42_6082)
        #expect(PNGTextChunk.inserting(keyword: "Description", text: "x", languageTag: "sv", into: [1, 2, 3]) == [1, 2, 3])
    }

    struct Chunk { var type: String; var data: [UInt8]; var crcOK: Bool }

    func pngChunks(_ png: [UInt8]) throws -> [Chunk] {
        var chunks: [Chunk] = []
        var i = 8
        while i + 12 <= png.count {
            let n = Int(png[i]) << 24 | Int(png[i + 1]) << 16 | Int(png[i + 2]) << 8 | Int(png[i + 3])
            let type = String(decoding: png[i + 4..<i + 8], as: UTF8.self)
            let data = Array(png[i + 8..<i + 8 + n])
            let crc = png[i + 8 + n..<i + 12 + n].reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
            chunks.append(Chunk(type: type, data: data, crcOK: PNGTextChunk.crc32(Array(png[i + 4..<i + 8 + n])) == crc))
            i += 12 + n
        }
        return chunks
    }

    // MARK: PDF

    @Test(arguments: kinds) func pdfIsTaggedWithLanguageTitleAndAlt(id: String) throws {
        let req = try request(id, language: "en")
        let figure = ChartRenderer.figure(for: req)
        let bytes = try backend("pdf").render(req)
        let check = try run("qpdf", ["--check", "{}"], on: bytes, suffix: "pdf")
        #expect(check.contains("No syntax or stream encoding errors found"), "\(id): \(check)")
        let info = try run("pdfinfo", ["{}"], on: bytes, suffix: "pdf")
        #expect(info.contains("Tagged:          yes"), "\(id): \(info)")
        let pdf = String(decoding: bytes, as: UTF8.self)
        #expect(pdf.contains("/Lang (en-GB) /MarkInfo << /Marked true >> /ViewerPreferences << /DisplayDocTitle true >>"))
        #expect(pdf.contains("/Alt <\(PDFAccessibility.utf16Hex(figure.altText.short))>"))
        #expect(figure.altText.short.hasPrefix(["q05", "q36", "q42"].contains(id) ? "Stacked bar chart: " : id == "q35" ? "Grouped bar chart: " : "Bar chart: "))
        // The update is appended: cairo's own document is untouched before it.
        #expect(pdf.components(separatedBy: "%%EOF").count == 3)
    }

    @Test func pdfPatchIsDeterministicAndLeavesOtherInputAlone() throws {
        let req = try request("q01")
        #expect(try backend("pdf").render(req) == (try backend("pdf").render(req)))
        let notPDF = Array("hello".utf8)
        #expect(PDFAccessibility.patch(notPDF, language: "sv", alt: "x") == notPDF)
        #expect(PDFAccessibility.utf16Hex("Ö€") == "FEFF00D620AC")
        #expect(PDFAccessibility.languageTag("sv") == "sv-SE")
        #expect(PDFAccessibility.languageTag("pt-BR") == "pt-BR")
        #expect(PDFAccessibility.languageTag("x y") == "und")
    }
}
