import Foundation
@testable import StapelCairo
import Stapel
import StapelLayout
import Testing

/// The PNG encoder's pixel conversion (four pixels a shuffle where the CPU has SSSE3, the first and last ones one
/// by one, in place in the pixel buffer) on images of every width from 1 to 21, unpadded and padded, each pixel a
/// different colour: Python's zlib inflates the image data to exactly the expected filter bytes and R, G, B
/// triples.
@Suite struct PNGPixelOrderTests {
    @Test func everyWidthInflatesToTheSameRGBBytes() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("stapel-png-order-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        var arguments: [String] = []
        // Rows as Cairo lays them out (4 bytes a pixel), and padded: the rows are gathered in the pixels' own buffer.
        for (width, pad) in (1...21).flatMap({ w in [(w, 0), (w, 8)] }) {
            let height = 3
            let stride = width * 4 + pad
            var pixels = [UInt8](repeating: 0xEE, count: stride * height)
            var expected: [UInt8] = []
            for y in 0..<height {
                expected.append(0)
                for x in 0..<width {
                    let (r, g, b) = (UInt8(truncatingIfNeeded: 7 * x + 1), UInt8(truncatingIfNeeded: 31 * y + x), UInt8(truncatingIfNeeded: 200 - x))
                    // Native-endian 0xAARRGGBB: B, G, R, A in memory on a little-endian machine.
                    let value = UInt32(0xFF) << 24 | UInt32(r) << 16 | UInt32(g) << 8 | UInt32(b)
                    withUnsafeBytes(of: value) { bytes in
                        for i in 0..<4 { pixels[y * stride + x * 4 + i] = bytes[i] }
                    }
                    expected += [r, g, b]
                }
            }
            let png = try pixels.withUnsafeMutableBufferPointer {
                try PNGWriter.encode($0.baseAddress!, width: width, height: height, stride: stride, text: [])
            }
            let data = PNGWriterTests.chunks(png).filter { $0.type == "IDAT" }.flatMap(\.body)
            let idat = folder.appendingPathComponent("\(width)-\(pad).idat"), raw = folder.appendingPathComponent("\(width)-\(pad).raw")
            try Data(data).write(to: idat)
            try Data(expected).write(to: raw)
            arguments += [idat.path, raw.path]
        }
        let script = """
            import sys, zlib
            args = sys.argv[1:]
            bad = [a for a, b in zip(args[::2], args[1::2]) if zlib.decompress(open(a, 'rb').read()) != open(b, 'rb').read()]
            print('ok' if not bad else 'differs: ' + ' '.join(bad))
            """
        let (status, output) = try python(script, arguments)
        #expect(status == 0 && output == "ok\n", "\(output)")
    }
}

/// The image's edges: the figure's size is rounded up to whole pixels, so its last row and column are only partly
/// covered by the figure; they are the background colour all the same (they were a grey line on a black image
/// before), and a buffer reused from a larger figure leaves nothing behind.
@Suite struct PNGEdgeTests {
    @Test func theLastRowAndColumnAreBackground() throws {
        let large = try PNGWriter.write(ChartRenderer.figure(for: try request("q05")), dpi: 200)
        let small = ChartRenderer.figure(for: try request("q01"))
        let first = try PNGWriter.write(small, dpi: 200)
        #expect(try PNGWriter.write(small, dpi: 200) == first, "the same bytes after another figure")
        #expect(!large.isEmpty)
        let size = PNGWriter.pixelSize(small, dpi: 200)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("stapel-png-edge-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("idat.bin")
        try Data(PNGWriterTests.chunks(first).filter { $0.type == "IDAT" }.flatMap(\.body)).write(to: file)
        let script = """
            import sys, zlib
            raw = zlib.decompress(open(sys.argv[1], 'rb').read())
            w, h = int(sys.argv[2]), int(sys.argv[3])
            row = 3 * w + 1
            last = raw[(h - 1) * row + 1:h * row]
            column = b''.join(raw[y * row + 1 + 3 * (w - 1):y * row + 1 + 3 * w] for y in range(h))
            print('ok' if set(last) == {255} and set(column) == {255} else 'edge not white: %d %d' % (min(last), min(column)))
            """
        let (status, output) = try python(script, [file.path, "\(size.width)", "\(size.height)"])
        #expect(status == 0 && output == "ok\n", "\(output)")
    }
}
