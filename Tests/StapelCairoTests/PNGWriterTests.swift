import Foundation
import Stapel
import StapelCairo
import StapelLayout
import Testing

/// The PNG writer (igzip for the image data, libpng for the chunks): chunks, text chunks, determinism, size,
/// and image data that an independent inflater (Python's zlib) reads back to the drawn pixels.
@Suite struct PNGWriterTests {
    /// The chunks of a PNG, in order, with their bodies.
    static func chunks(_ png: [UInt8]) -> [(type: String, body: [UInt8])] {
        var result: [(String, [UInt8])] = []
        var i = 8
        while i + 8 <= png.count {
            let length = png[i..<i + 4].reduce(0) { $0 << 8 | Int($1) }
            let type = String(decoding: png[i + 4..<i + 8], as: UTF8.self)
            result.append((type, Array(png[i + 8..<i + 8 + length])))
            i += 12 + length
        }
        return result
    }

    @Test func writesTextChunksAsUTF8iTXtBeforeTheImage() throws {
        let figure = ChartRenderer.figure(for: try request("q01"))
        let alt = "Stapeldiagram: 48,9\u{202F}% ja, 51,1\u{202F}% nej – Fråga 1 (åäö, č, ŋ)"
        let png = try PNGWriter.write(figure, dpi: 200, text: [("Title", "Fråga 1"), ("Description", alt)])
        let chunks = Self.chunks(png)
        // The chunks asked for come before the image; the figure's own alt text (with its language) after it.
        #expect(chunks.map(\.type) == ["IHDR", "bKGD", "iTXt", "iTXt"] + Array(repeating: "IDAT", count: chunks.count - 6) + ["iTXt", "IEND"])
        // keyword NUL, compression flag 0, method 0, empty language tag NUL, empty translated keyword NUL, text
        let expected = Array("Description".utf8) + [0, 0, 0, 0, 0] + Array(alt.utf8)
        #expect(chunks[3].body == expected)
        #expect(Array(chunks[2].body.suffix(Array("Fråga 1".utf8).count)) == Array("Fråga 1".utf8))
        #expect(try PNGWriter.write(figure, dpi: 200, text: [("Title", "Fråga 1"), ("Description", alt)]) == png)
        let plain = try PNGWriter.write(figure, dpi: 200)
        #expect(!Self.chunks(plain).contains { $0.type == "tIME" })
        #expect(Self.chunks(plain).filter { $0.type == "iTXt" }.count == 1, "only the figure's description")
    }

    @Test func theImageDataInflatesToUnfilteredRowsOfTheDrawnPixels() throws {
        let figure = ChartRenderer.figure(for: try request("q05"))
        let png = try PNGWriter.write(figure, dpi: 200)
        let size = PNGWriter.pixelSize(figure, dpi: 200)
        let data = Self.chunks(png).filter { $0.type == "IDAT" }.flatMap(\.body)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("stapel-png-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("idat.bin")
        try Data(data).write(to: file)
        // Inflated: height rows of a filter byte (0, none) and width RGB pixels; the first pixel is the white
        // background, and some pixel is not white (the bars).
        let script = """
            import sys, zlib
            raw = zlib.decompress(open(sys.argv[1], 'rb').read())
            w, h = int(sys.argv[2]), int(sys.argv[3])
            row = 3 * w + 1
            assert len(raw) == h * row, (len(raw), h * row)
            assert all(raw[y * row] == 0 for y in range(h))
            assert raw[1:4] == b'\\xff\\xff\\xff'
            assert any(raw[i] != 255 for y in range(h) for i in range(y * row + 1, (y + 1) * row, 97))
            print('ok')
            """
        let (status, output) = try python(script, [file.path, "\(size.width)", "\(size.height)"])
        #expect(status == 0 && output == "ok\n", "\(output)")
    }

    @Test func thePixelSizeIsTheWidthRoundedByTheHeightRoundedUp() throws {
        let figure = ChartRenderer.figure(for: try request("q05"))
        let size = PNGWriter.pixelSize(figure, dpi: 200)
        #expect(size.width == Int((figure.width * 200 / 72).rounded()))
        #expect(size.height == Int((figure.height * 200 / 72).rounded(.up)))
        let header = Self.chunks(try PNGWriter.write(figure, dpi: 200))[0].body
        #expect(header[0..<4].reduce(0) { $0 << 8 | Int($1) } == size.width)
        #expect(header[4..<8].reduce(0) { $0 << 8 | Int($1) } == size.height)
        #expect(header[8] == 8 && header[9] == 2, "8-bit RGB")
    }
}
