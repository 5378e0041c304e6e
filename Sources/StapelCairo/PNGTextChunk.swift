import StapelLayout
import StapelModel

/// Adds text to a finished PNG: an international text chunk (`iTXt`, uncompressed, with a language tag) inserted
/// before `IEND`, with its CRC. Works on the bytes of any encoder, so the PNG writer stays free to change.
package enum PNGTextChunk {
    /// `png` with the figure's alt text (short, blank line, long) as its `Description`, in the figure's language.
    package static func addingAltText(of figure: Figure, to png: [UInt8]) -> [UInt8] {
        guard !figure.altText.short.isEmpty else { return png }
        return inserting(keyword: "Description", text: AltTextWriter.text(figure),
                         languageTag: PDFAccessibility.languageTag(figure.language), into: png)
    }

    /// `png` with an `iTXt` chunk `keyword` = `text` in `languageTag` (BCP 47) before its `IEND` chunk; returned
    /// unchanged when it has no `IEND` or `keyword` is not 1–79 Latin-1 printable characters.
    package static func inserting(keyword: String, text: String, languageTag: String, into png: [UInt8]) -> [UInt8] {
        let keywordBytes = Array(keyword.utf8)
        guard (1...79).contains(keywordBytes.count), keywordBytes.allSatisfy({ $0 >= 32 && $0 <= 126 }),
              let iend = iendOffset(png) else { return png }
        // Keyword, NUL, compression flag 0, method 0, language tag, NUL, translated keyword (none), NUL, text.
        var data = keywordBytes + [0, 0, 0]
        data += Array(languageTag.utf8.filter { $0 >= 32 && $0 <= 126 && $0 != 0 }) + [0]
        data += [0]
        data += Array(text.utf8.filter { $0 != 0 })
        return Array(png[..<iend]) + chunk(type: "iTXt", data: data) + Array(png[iend...])
    }

    /// A whole chunk: length, type, data, CRC-32 of type and data.
    static func chunk(type: String, data: [UInt8]) -> [UInt8] {
        let typeBytes = Array(type.utf8)
        let n = UInt32(data.count)
        var out: [UInt8] = [UInt8(n >> 24), UInt8((n >> 16) & 0xFF), UInt8((n >> 8) & 0xFF), UInt8(n & 0xFF)]
        out += typeBytes + data
        let c = crc32(typeBytes + data)
        out += [UInt8(c >> 24), UInt8((c >> 16) & 0xFF), UInt8((c >> 8) & 0xFF), UInt8(c & 0xFF)]
        return out
    }

    /// The offset of the `IEND` chunk (its length field), walking the chunks from the signature.
    static func iendOffset(_ png: [UInt8]) -> Int? {
        let signature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
        guard png.count >= 20, Array(png[0..<8]) == signature else { return nil }
        var i = 8
        while i + 12 <= png.count {
            let length = Int(png[i]) << 24 | Int(png[i + 1]) << 16 | Int(png[i + 2]) << 8 | Int(png[i + 3])
            if png[i + 4] == 0x49, png[i + 5] == 0x45, png[i + 6] == 0x4E, png[i + 7] == 0x44 { return i }
            i += 12 + length
        }
        return nil
    }

    static let crcTable: [UInt32] = (0..<256).map { n -> UInt32 in
        var c = UInt32(n)
        for _ in 0..<8 { c = c & 1 != 0 ? 0xEDB8_8320 ^ (c >> 1) : c >> 1 }
        return c
    }

    /// The CRC-32 of ISO 3309 / PNG.
    static func crc32(_ bytes: [UInt8]) -> UInt32 {
        var c: UInt32 = 0xFFFF_FFFF
        for b in bytes { c = crcTable[Int((c ^ UInt32(b)) & 0xFF)] ^ (c >> 8) }
        return c ^ 0xFFFF_FFFF
    }
}

/// The alt text as a file (`DIR/<lang>/<id>.alt.txt`) and as one string for embedding: the short text, a blank
/// line, the long description; UTF-8, ending in a line feed.
package enum AltTextWriter {
    package static func text(_ figure: Figure) -> String {
        let alt = figure.altText
        return alt.short + "\n\n" + alt.long + "\n"
    }

    package static func write(_ figure: Figure) -> [UInt8] { Array(text(figure).utf8) }

    /// The same text straight from the data, without laying out the chart (the `alt` backend needs no figure).
    package static func write(_ request: RenderRequest) -> [UInt8] {
        let alt = AltText(request)
        return Array((alt.short + "\n\n" + alt.long + "\n").utf8)
    }
}
