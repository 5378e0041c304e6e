/// What cairo 1.16 cannot write into a tagged PDF, added after it as a deterministic incremental update: the
/// catalog gets `/Lang`, `/MarkInfo << /Marked true >>` and `/ViewerPreferences << /DisplayDocTitle true >>`, the
/// `Figure` structure element gets `/Alt`. The original bytes are kept; new versions of the two objects, an xref
/// section and a trailer with `/Prev` follow them. Relies on cairo writing uncompressed `N 0 obj` objects and a
/// classic xref table, which 1.16 does; any other input is returned unchanged.
enum PDFAccessibility {
    /// A BCP 47 tag for a label set's language code: the region where the language is chiefly written in the
    /// package sector Stapel serves (`sv` → `sv-SE`); the pseudo-locale is tagged as English test text.
    static func languageTag(_ language: String) -> String {
        let regions = ["sv": "sv-SE", "en": "en-GB", "de": "de-DE", "fr": "fr-FR", "fi": "fi-FI", "nb": "nb-NO",
                       "nn": "nn-NO", "da": "da-DK", "se": "se-NO", "pseudo": "en-XA"]
        if let tag = regions[language.lowercased()] { return tag }
        let valid = !language.isEmpty && language.count <= 35
            && language.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "-") }
        return valid ? language : "und"
    }

    static func patch(_ pdf: [UInt8], language: String, alt: String) -> [UInt8] {
        guard let startxref = lastNumber(after: "startxref", in: pdf),
              let trailerAt = lastIndex(of: Array("trailer".utf8), in: pdf),
              let size = number(after: "/Size", in: pdf, from: trailerAt),
              let root = number(after: "/Root", in: pdf, from: trailerAt),
              let catalog = object(root, in: pdf) else { return pdf }
        let info = number(after: "/Info", in: pdf, from: trailerAt)
        var updates: [(number: Int, body: String)] = []
        // The catalog: its dictionary with the entries cairo leaves out.
        var extra = ""
        if !catalog.contains("/Lang") { extra += " /Lang (\(languageTag(language)))" }
        if !catalog.contains("/MarkInfo") { extra += " /MarkInfo << /Marked true >>" }
        if !catalog.contains("/ViewerPreferences") { extra += " /ViewerPreferences << /DisplayDocTitle true >>" }
        guard let catalogBody = addingEntries(extra, to: catalog) else { return pdf }
        updates.append((root, catalogBody))
        // The Figure structure element: its alternative description.
        if let figure = figureElement(in: pdf), let body = object(figure, in: pdf), !body.contains("/Alt"),
           let patched = addingEntries(" /Alt <\(utf16Hex(alt))>", to: body) {
            updates.append((figure, patched))
        }
        var out = pdf
        if out.last != UInt8(ascii: "\n") { out.append(UInt8(ascii: "\n")) }
        var offsets: [(Int, Int)] = []
        for u in updates.sorted(by: { $0.number < $1.number }) {
            offsets.append((u.number, out.count))
            out += Array("\(u.number) 0 obj\n\(u.body)\nendobj\n".utf8)
        }
        let xref = out.count
        var table = "xref\n"
        for (n, offset) in offsets {
            let digits = String(offset)
            table += "\(n) 1\n" + String(repeating: "0", count: max(10 - digits.count, 0)) + digits + " 00000 n \n"
        }
        table += "trailer\n<< /Size \(size) /Root \(root) 0 R" + (info.map { " /Info \($0) 0 R" } ?? "") + " /Prev \(startxref) >>\n"
        table += "startxref\n\(xref)\n%%EOF\n"
        out += Array(table.utf8)
        return out
    }

    /// The dictionary `<< … >>` of an object's text with `entries` added before its closing `>>`.
    static func addingEntries(_ entries: String, to body: String) -> String? {
        let bytes = Array(body.utf8)
        guard let open = index(of: Array("<<".utf8), in: bytes, from: 0),
              let close = lastIndex(of: Array(">>".utf8), in: bytes), open < close else { return nil }
        var dict = Array(bytes[open..<close])
        while let last = dict.last, last == 10 || last == 13 || last == 32 { dict.removeLast() }
        return String(decoding: dict, as: UTF8.self) + entries + " >>"
    }

    /// The text between `N 0 obj` and `endobj` of the last definition of object `n`.
    static func object(_ n: Int, in pdf: [UInt8]) -> String? {
        let header = Array("\n\(n) 0 obj".utf8)
        guard let at = lastIndex(of: header, in: pdf) else { return nil }
        let start = at + header.count
        guard let end = index(of: Array("endobj".utf8), in: pdf, from: start) else { return nil }
        return String(decoding: pdf[start..<end], as: UTF8.self)
    }

    /// The number of the object whose dictionary has `/S /Figure`.
    static func figureElement(in pdf: [UInt8]) -> Int? {
        guard let at = lastIndex(of: Array("/S /Figure".utf8), in: pdf) else { return nil }
        guard let objAt = lastIndex(of: Array(" 0 obj".utf8), in: pdf, before: at) else { return nil }
        var i = objAt - 1
        var digits: [UInt8] = []
        while i >= 0, pdf[i] >= 48, pdf[i] <= 57 {
            digits.insert(pdf[i], at: 0)
            i -= 1
        }
        return Int(String(decoding: digits, as: UTF8.self))
    }

    /// UTF-16BE with a byte-order mark, in hex: a PDF text string for any language.
    static func utf16Hex(_ s: String) -> String {
        let hex = Array("0123456789ABCDEF".utf8)
        var out: [UInt8] = Array("FEFF".utf8)
        for unit in s.utf16 {
            for shift in [12, 8, 4, 0] { out.append(hex[Int((unit >> UInt16(shift)) & 0xF)]) }
        }
        return String(decoding: out, as: UTF8.self)
    }

    // MARK: - Bytes

    static func number(after key: String, in pdf: [UInt8], from: Int) -> Int? {
        guard let at = index(of: Array(key.utf8), in: pdf, from: from) else { return nil }
        var i = at + key.utf8.count
        while i < pdf.count, pdf[i] == 32 || pdf[i] == 10 || pdf[i] == 13 { i += 1 }
        var n = 0, seen = false
        while i < pdf.count, pdf[i] >= 48, pdf[i] <= 57 {
            n = n * 10 + Int(pdf[i] - 48)
            seen = true
            i += 1
        }
        return seen ? n : nil
    }

    static func lastNumber(after key: String, in pdf: [UInt8]) -> Int? {
        guard let at = lastIndex(of: Array(key.utf8), in: pdf) else { return nil }
        return number(after: key, in: pdf, from: at)
    }

    static func index(of needle: [UInt8], in bytes: [UInt8], from: Int) -> Int? {
        guard !needle.isEmpty, bytes.count >= needle.count, from <= bytes.count - needle.count else { return nil }
        var i = from
        while i <= bytes.count - needle.count {
            if bytes[i] == needle[0] && bytes[i..<i + needle.count].elementsEqual(needle) { return i }
            i += 1
        }
        return nil
    }

    static func lastIndex(of needle: [UInt8], in bytes: [UInt8], before end: Int? = nil) -> Int? {
        guard !needle.isEmpty, bytes.count >= needle.count else { return nil }
        var i = min(end ?? bytes.count, bytes.count) - needle.count
        while i >= 0 {
            if bytes[i] == needle[0] && bytes[i..<i + needle.count].elementsEqual(needle) { return i }
            i -= 1
        }
        return nil
    }
}
