import CCairo
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Stapel
@testable import StapelCairo
import StapelLayout
import Testing

/// The png, pdf and svg backends on one question of each kind.
@Suite struct BackendTests {
    static let kinds = ["q01", "q02", "q05", "q35", "q42"]

    func backend(_ name: String) throws -> Backend { try #require(BackendRegistry.builtIn.backend(named: name)) }

    @Test func theChartBackendsAreRegistered() {
        for name in ["png", "pdf", "svg"] { #expect(BackendRegistry.builtIn.backend(named: name)?.fileExtension == name) }
    }

    @Test(arguments: kinds)
    func pdfTextHoldsEveryLabelAndValue(id: String) throws {
        let req = try request(id)
        let figure = ChartRenderer.figure(for: req)
        let text = try run("pdftotext", ["-enc", "UTF-8", "{}", "-"], on: try backend("pdf").render(req), suffix: "pdf")
        let flat = withoutSpaces(text)
        let survey = try bundledLoader.loadSurvey()
        for key in req.question.labelKeys(in: survey) {
            #expect(flat.contains(withoutSpaces(req.labels.text(key))), "\(id): the PDF lacks \(key)")
        }
        let values = figure.texts.filter { $0.role == .value || $0.role == .segmentValue }
        #expect(!values.isEmpty)
        for value in values { #expect(flat.contains(withoutSpaces(value.text)), "\(id): the PDF lacks \(value.text)") }
        #expect(normalised(text).contains("Antal svar: "))
    }

    @Test func pdfShowsSwedishPercentages() throws {
        let text = try run("pdftotext", ["-enc", "UTF-8", "{}", "-"], on: try backend("pdf").render(try request("q01")), suffix: "pdf")
        #expect(normalised(text).contains("48,9 %"))
        #expect(normalised(text).contains("Antal svar: 137"))
    }

    @Test func pdfEmbedsInterAndCarriesTheTitle() throws {
        let bytes = try backend("pdf").render(try request("q05"))
        let fonts = try run("pdffonts", ["{}"], on: bytes, suffix: "pdf").split(separator: "\n").dropFirst(2)
        #expect(!fonts.isEmpty)
        for line in fonts {
            #expect(line.contains("Inter"), "not Inter: \(line)")
            let columns = line.split(separator: " ", omittingEmptySubsequences: true)
            #expect(columns.count >= 5 && columns[columns.count - 5] == "yes", "not embedded: \(line)")
        }
        let info = try run("pdfinfo", ["{}"], on: bytes, suffix: "pdf")
        #expect(info.contains("Title:           Fråga 5 – I vilken utsträckning"))
        #expect(!info.contains("CreationDate"))
    }

    @Test(arguments: kinds)
    func pngIsNonBlankAtTheStylesResolution(id: String) throws {
        let req = try request(id)
        let bytes = try backend("png").render(req)
        #expect(Array(bytes.prefix(8)) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        let figure = ChartRenderer.figure(for: req)
        let image = try PNGImage(bytes)
        // 160 mm at 200 dpi.
        #expect(image.width == Int((160 / 25.4 * 200).rounded()))
        // One scale (200/72 px per pt) in both directions; the height rounded up to whole pixels.
        #expect(image.height == Int((figure.height / 72 * 200).rounded(.up)))
        #expect(image.distinctColours > 20)
        #expect(image.nonBackgroundShare > 0.05)
    }

    /// A slide is exactly its frame, 1920 × 1080 pixels, for a short question and a long one alike.
    @Test(arguments: ["q01", "q05", "q42"])
    func pngFollowsTheSlideStyle(id: String) throws {
        let image = try PNGImage(try backend("png").render(try request(id, style: "slides")))
        #expect(image.width == 1920 && image.height == 1080, "\(image.width)×\(image.height)")
    }

    @Test(arguments: ["png", "pdf", "svg"])
    func twoRendersAreIdentical(format: String) throws {
        let b = try backend(format)
        let req = try request("q05")
        let first = try b.render(req)
        // Another chart in between moves Cairo's process-wide counters.
        _ = try b.render(try request("q35"))
        let second = try b.render(req)
        #expect(first == second)
    }

    @Test(arguments: kinds)
    func svgIsWellFormedXMLWithATitle(id: String) throws {
        let bytes = try backend("svg").render(try request(id))
        let parser = XMLParser(data: Data(bytes))
        #expect(parser.parse(), "\(id): \(parser.parserError.map { "\($0)" } ?? "")")
        let text = String(decoding: bytes, as: UTF8.self)
        // The accessible name is the short alt text (the document title stays the PDF's).
        #expect(text.contains("<title id=\"stapel-\(id)-title\">"))
        #expect(text.contains("Fråga") || text.contains("fråga"))
        #expect(text.contains("width=\"453.543307pt\""))
    }

    @Test func svgIdsAreNumberedPerDocument() {
        let raw = Array(##"<g id="surface41"><use xlink:href="#surface7"/><image id="image9"/><g id="surface7">"##.utf8)
        let renumbered = String(decoding: SVGPostProcessing.renumberIDs(raw), as: UTF8.self)
        #expect(renumbered == ##"<g id="surface1"><use xlink:href="#surface2"/><image id="image1"/><g id="surface2">"##)
    }
}

/// A decoded PNG (through Cairo), for pixel checks.
struct PNGImage {
    let width: Int
    let height: Int
    let pixels: [UInt32]

    init(_ bytes: [UInt8]) throws {
        final class Source { var bytes: [UInt8]; var offset = 0; init(_ b: [UInt8]) { bytes = b } }
        let source = Source(bytes)
        let read: cairo_read_func_t = { closure, data, length in
            let s = Unmanaged<Source>.fromOpaque(closure!).takeUnretainedValue()
            guard s.offset + Int(length) <= s.bytes.count, let data else { return CAIRO_STATUS_READ_ERROR }
            for i in 0..<Int(length) { data[i] = s.bytes[s.offset + i] }
            s.offset += Int(length)
            return CAIRO_STATUS_SUCCESS
        }
        let surface = withExtendedLifetime(source) {
            cairo_image_surface_create_from_png_stream(read, Unmanaged.passUnretained(source).toOpaque())
        }
        defer { cairo_surface_destroy(surface) }
        try #require(cairo_surface_status(surface) == CAIRO_STATUS_SUCCESS)
        width = Int(cairo_image_surface_get_width(surface))
        height = Int(cairo_image_surface_get_height(surface))
        let stride = Int(cairo_image_surface_get_stride(surface))
        let data = try #require(cairo_image_surface_get_data(surface))
        var pixels: [UInt32] = []
        pixels.reserveCapacity(width * height)
        for y in 0..<height {
            let row = UnsafeRawPointer(data + y * stride).assumingMemoryBound(to: UInt32.self)
            for x in 0..<width { pixels.append(row[x] & 0x00FF_FFFF) }
        }
        self.pixels = pixels
    }

    var distinctColours: Int { Set(pixels).count }
    var nonBackgroundShare: Double { Double(pixels.filter { $0 != 0x00FF_FFFF }.count) / Double(max(pixels.count, 1)) }
}
