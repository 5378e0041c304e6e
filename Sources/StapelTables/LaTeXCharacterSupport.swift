import StapelModel

/// The characters pdflatex can typeset from UTF-8 input with T1 fonts: the union of the code points that
/// LaTeX's `utf8.def`, `t1enc.dfu`, `ts1enc.dfu`, `ot1enc.dfu` and `omsenc.dfu` declare (TeX Live 2022), plus
/// printable ASCII. Anything else stops pdflatex with "Unicode character … not set up for use with LaTeX".
enum LaTeXCharacterSupport {
    static func canTypeset(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        if (0x20...0x7E).contains(v) { return true }
        var lo = 0, hi = declared.count - 1
        while lo <= hi {
            let mid = (lo + hi) / 2
            if declared[mid].upperBound < v { lo = mid + 1 } else if declared[mid].lowerBound > v { hi = mid - 1 } else { return true }
        }
        return false
    }

    /// Sorted, disjoint ranges of declared code points.
    static let declared: [ClosedRange<UInt32>] = [
        0x00A0...0x0125, 0x0128...0x0137, 0x0139...0x013E, 0x0141...0x0148, 0x014A...0x0165, 0x0168...0x017E,
        0x0192...0x0192, 0x01C4...0x01D4, 0x01E2...0x01E3, 0x01E6...0x01EB, 0x01F0...0x01F0, 0x01F4...0x01F5,
        0x0218...0x021B, 0x0232...0x0233, 0x0237...0x0237, 0x02C6...0x02C7, 0x02D8...0x02D9, 0x02DB...0x02DD,
        0x0E3F...0x0E3F, 0x1E02...0x1E03, 0x1E0D...0x1E0D, 0x1E1E...0x1E21, 0x1E25...0x1E25, 0x1E30...0x1E31,
        0x1E37...0x1E37, 0x1E43...0x1E43, 0x1E45...0x1E45, 0x1E47...0x1E47, 0x1E5B...0x1E5B, 0x1E63...0x1E63,
        0x1E6D...0x1E6D, 0x1E8E...0x1E91, 0x1E9E...0x1E9E, 0x1EF2...0x1EF3, 0x200C...0x200C, 0x2010...0x2016,
        0x2018...0x201A, 0x201C...0x201E, 0x2020...0x2022, 0x2026...0x2026, 0x2030...0x2031, 0x2039...0x203B,
        0x203D...0x203D, 0x2044...0x2044, 0x204E...0x204E, 0x2052...0x2052, 0x20A1...0x20A1, 0x20A4...0x20A4,
        0x20A6...0x20A6, 0x20A9...0x20A9, 0x20AB...0x20AC, 0x20B1...0x20B1, 0x2103...0x2103, 0x2116...0x2117,
        0x211E...0x211E, 0x2120...0x2120, 0x2122...0x2122, 0x2126...0x2127, 0x212E...0x212E, 0x2190...0x2193,
        0x2329...0x232A, 0x2422...0x2423, 0x25E6...0x25E6, 0x25EF...0x25EF, 0x266A...0x266A, 0x27E8...0x27E9,
        0x3008...0x3009, 0xFB00...0xFB06, 0xFEFF...0xFEFF,
    ]
}

/// A character pdflatex cannot set, traced back to the label that holds it: key, file and line.
package struct UnsupportedLabelCharacter: Error, CustomStringConvertible, Sendable {
    package var format: String
    package var scalar: UInt32
    package var key: String
    package var location: SourceLocation?

    package var description: String {
        let digits = String(scalar, radix: 16, uppercase: true)
        let code = "U+" + String(repeating: "0", count: max(0, 4 - digits.count)) + digits
        return "\(location.map { "\($0): " } ?? "")error: \(key): \(format) cannot typeset \(code); "
            + "change the label or write a format that can carry it (csv, md, svg, pdf, png)"
    }

    /// `error` with the label key and place of the text it names, when a label holds that character; else `error`.
    package static func locate(_ error: Error, in labels: LabelSet) -> Error {
        guard case TableError.unsupportedCharacter(let format, let scalar, let text)? = error as? TableError,
              let character = Unicode.Scalar(scalar) else { return error }
        let holders = labels.entries.filter { $0.value.unicodeScalars.contains(character) }.map(\.key).sorted()
        guard let key = holders.first(where: { labels.entries[$0] == text }) ?? holders.first else { return error }
        return UnsupportedLabelCharacter(format: format, scalar: scalar, key: key, location: labels.locations[key])
    }
}
