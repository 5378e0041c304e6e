import StapelLayout

/// Byte-level edits of Cairo's SVG output.
enum SVGPostProcessing {
    /// Makes the root `<svg>` an image named by the alt text: `role="img"`, `aria-labelledby`/`aria-describedby`,
    /// `lang`, and `<title>` (short alt text) and `<desc>` (long description) as its first children.
    static func addAccessibility(_ bytes: [UInt8], _ figure: Figure) -> [UInt8] {
        let open = Array("<svg".utf8)
        guard let start = firstIndex(of: open, in: bytes), let close = bytes[start...].firstIndex(of: UInt8(ascii: ">")) else {
            return bytes
        }
        let id = SVGDocument.idPrefix(figure.questionID)
        let lang = SVGDocument.escape(PDFAccessibility.languageTag(figure.language))
        let attributes = Array(" role=\"img\" aria-labelledby=\"\(id)-title\" aria-describedby=\"\(id)-desc\" xml:lang=\"\(lang)\"".utf8)
        let selfClosing = bytes[close - 1] == UInt8(ascii: "/")
        let insertAt = selfClosing ? close - 1 : close
        let element = Array(("\n<title id=\"\(id)-title\">\(SVGDocument.escape(SVGDocument.title(figure)))</title>"
            + "\n<desc id=\"\(id)-desc\">\(SVGDocument.escape(figure.altText.long))</desc>").utf8)
        return Array(bytes[..<insertAt]) + attributes + Array(bytes[insertAt...close]) + element + Array(bytes[(close + 1)...])
    }

    /// Renumbers `surfaceN` and `imageN` ids (Cairo's process-wide counters) by order of first appearance,
    /// consistently for definitions and references, so that the document is the same however many surfaces
    /// the process created before.
    static func renumberIDs(_ bytes: [UInt8]) -> [UInt8] {
        let prefixes: [[UInt8]] = [Array("surface".utf8), Array("image".utf8)]
        var maps: [[Int: Int]] = [[:], [:]]
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var i = 0
        outer: while i < bytes.count {
            for (p, prefix) in prefixes.enumerated() where bytes[i] == prefix[0] {
                let end = i + prefix.count
                guard end < bytes.count, Array(bytes[i..<end]) == prefix, isDigit(bytes[end]) else { continue }
                // Only whole identifiers: not preceded by a letter (e.g. inside another word).
                if i > 0, isLetter(bytes[i - 1]) { continue }
                var j = end
                var number = 0
                while j < bytes.count, isDigit(bytes[j]) {
                    number = number * 10 + Int(bytes[j] - 48)
                    j += 1
                }
                let renumbered = maps[p][number] ?? (maps[p].count + 1)
                maps[p][number] = renumbered
                out += prefix
                out += Array(String(renumbered).utf8)
                i = j
                continue outer
            }
            out.append(bytes[i])
            i += 1
        }
        return out
    }

    /// Inserts `<title>` as the first child of the root `<svg>` element.
    static func addTitle(_ bytes: [UInt8], _ title: String) -> [UInt8] {
        let open = Array("<svg".utf8)
        guard let start = firstIndex(of: open, in: bytes), let close = bytes[start...].firstIndex(of: UInt8(ascii: ">")) else {
            return bytes
        }
        let element = Array("\n<title>\(escape(title))</title>".utf8)
        return Array(bytes[...close]) + element + Array(bytes[(close + 1)...])
    }

    static func escape(_ s: String) -> String {
        var out = ""
        for ch in s {
            switch ch {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default: out.append(ch)
            }
        }
        return out
    }

    private static func firstIndex(of needle: [UInt8], in bytes: [UInt8]) -> Int? {
        guard needle.count <= bytes.count else { return nil }
        for i in 0...(bytes.count - needle.count) where bytes[i] == needle[0] && Array(bytes[i..<i + needle.count]) == needle {
            return i
        }
        return nil
    }

    private static func isDigit(_ b: UInt8) -> Bool { b >= 48 && b <= 57 }
    private static func isLetter(_ b: UInt8) -> Bool { (b >= 65 && b <= 90) || (b >= 97 && b <= 122) }
}
