import StapelModel

/// Reads a gettext PO file into a `POFile`. Obsolete (`#~`) entries are dropped; plural entries are an error,
/// since a label set has no plural forms. Every error names the file and line.
package enum POReader {
    package static func read(_ text: String, file: String) throws -> POFile {
        if text.utf8.count > InputLimits.maxPOBytes {
            throw POError(file: file, line: 1, message: "the file has \(text.utf8.count) bytes; a PO file may have at most \(InputLimits.maxPOBytes) (16 MiB)")
        }
        var parser = Parser(file: file)
        var lineNumber = 0
        var body = Substring(text)
        if body.hasPrefix("\u{FEFF}") { body = body.dropFirst() }
        for rawLine in body.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }) {
            lineNumber += 1
            var line = rawLine
            if line.hasSuffix("\r") { line = line.dropLast() }
            try parser.consume(line, at: lineNumber)
        }
        try parser.finishEntry(at: lineNumber)
        return try parser.result()
    }

    struct Parser {
        let file: String
        var comments: [String] = []
        var header: [POHeaderField]?
        var headerComments: [String] = []
        var entries: [POEntry] = []
        var seen: [String: Int] = [:]

        // The entry being read.
        var translatorComments: [String] = []
        var extracted: [String] = []
        var flags: [String] = []
        var context: String?
        var id: String?
        var translation: String?
        var start = 0
        var obsolete = false
        /// The field a `"…"` continuation line extends.
        var open: Field?

        enum Field { case context, id, translation }

        init(file: String) { self.file = file }

        func error(_ line: Int, _ message: String) -> POError { POError(file: file, line: line, message: message) }

        mutating func consume(_ line: Substring, at number: Int) throws {
            let trimmed = line.drop { $0 == " " || $0 == "\t" }
            if trimmed.isEmpty {
                open = nil
                return
            }
            if trimmed.hasPrefix("#") {
                // A comment after the strings starts the next entry.
                if id != nil && translation != nil { try finishEntry(at: number) }
                if start == 0 { start = number }
                open = nil
                let rest = trimmed.dropFirst()
                if rest.hasPrefix("~") { obsolete = true; return }
                if rest.hasPrefix(",") {
                    flags += rest.dropFirst().split(separator: ",").map { $0.trimmingSpaces() }.filter { !$0.isEmpty }
                } else if rest.hasPrefix(".") {
                    extracted.append(rest.dropFirst().droppingOneSpace())
                } else if rest.hasPrefix(":") || rest.hasPrefix("|") {
                    // References and previous strings: not needed to import.
                } else {
                    translatorComments.append(rest.droppingOneSpace())
                }
                return
            }
            if trimmed.hasPrefix("\"") {
                guard let field = open else { throw error(number, "a quoted string continues no msgctxt, msgid or msgstr") }
                let value = try parseString(trimmed, at: number)
                switch field {
                case .context: context! += value
                case .id: id! += value
                case .translation: translation! += value
                }
                return
            }
            let keyword = trimmed.prefix { $0 != " " && $0 != "\t" && $0 != "\"" }
            let argument = trimmed.dropFirst(keyword.count).drop { $0 == " " || $0 == "\t" }
            switch keyword {
            case "msgctxt":
                if id != nil { try finishEntry(at: number) }
                guard context == nil else { throw error(number, "a second msgctxt in one entry") }
                if start == 0 { start = number }
                context = try parseString(argument, at: number)
                open = .context
            case "msgid":
                if id != nil { try finishEntry(at: number) }
                if start == 0 { start = number }
                id = try parseString(argument, at: number)
                open = .id
            case "msgstr":
                guard id != nil else { throw error(number, "msgstr without a msgid before it") }
                guard translation == nil else { throw error(number, "a second msgstr in one entry") }
                translation = try parseString(argument, at: number)
                open = .translation
            case "msgid_plural":
                throw error(number, "plural entries (msgid_plural) are not used in Stapel label sets")
            default:
                if keyword.hasPrefix("msgstr[") {
                    throw error(number, "plural entries (msgstr[n]) are not used in Stapel label sets")
                }
                throw error(number, "unexpected line; expected a comment (#), msgctxt, msgid, msgstr or a quoted string")
            }
        }

        mutating func finishEntry(at number: Int) throws {
            defer {
                translatorComments = []; extracted = []; flags = []
                context = nil; id = nil; translation = nil; start = 0; obsolete = false; open = nil
            }
            if obsolete { return }
            guard let id else {
                if context != nil { throw error(start, "msgctxt without a msgid") }
                // Comments at the end of the file, or before the header: keep the latter as file comments.
                if entries.isEmpty && header == nil { headerComments += translatorComments }
                return
            }
            guard let translation else { throw error(start, "msgid without a msgstr") }
            if context == nil && id.isEmpty {
                guard header == nil else { throw error(start, "a second header entry (empty msgid without msgctxt)") }
                header = try parseHeader(translation, at: start)
                comments = headerComments + translatorComments
                return
            }
            let unique = (context ?? "") + "\u{4}" + id
            if let first = seen[unique] {
                throw error(start, "duplicate entry \(context.map { "'\($0)'" } ?? "'\(id)'") (first at line \(first))")
            }
            seen[unique] = start
            entries.append(POEntry(translatorComments: translatorComments, extractedComments: extracted, flags: flags,
                                   context: context, id: id, translation: translation, line: start))
        }

        func result() throws -> POFile {
            POFile(comments: comments, header: header ?? [], entries: entries)
        }

        func parseHeader(_ text: String, at number: Int) throws -> [POHeaderField] {
            try text.split(separator: "\n").map { line in
                guard let colon = line.firstIndex(of: ":") else {
                    throw error(number, "header line '\(line)' is not 'Name: value'")
                }
                return POHeaderField(String(line[..<colon]), line[line.index(after: colon)...].trimmingSpaces())
            }
        }

        /// One C-quoted string, nothing but spaces after it.
        func parseString(_ text: Substring, at number: Int) throws -> String {
            guard text.first == "\"" else { throw error(number, "expected a quoted string") }
            var out = ""
            var scalars = text.unicodeScalars.dropFirst()
            while let scalar = scalars.popFirst() {
                switch scalar {
                case "\"":
                    guard scalars.allSatisfy({ $0 == " " || $0 == "\t" }) else {
                        throw error(number, "unexpected text after the closing quote")
                    }
                    if let problem = LabelText.problem(out) { throw error(number, "the string \(problem)") }
                    return out
                case "\\":
                    guard let next = scalars.popFirst() else { throw error(number, "a backslash ends the line") }
                    switch next {
                    case "n": out += "\n"
                    case "t": out += "\t"
                    case "r": out += "\r"
                    case "a": out += "\u{07}"
                    case "b": out += "\u{08}"
                    case "f": out += "\u{0C}"
                    case "v": out += "\u{0B}"
                    case "\\", "\"", "'", "?": out.unicodeScalars.append(next)
                    case "0"..."7":
                        var value = next.value - 48
                        for _ in 0..<2 {
                            guard let d = scalars.first, ("0"..."7").contains(d) else { break }
                            value = value * 8 + d.value - 48
                            scalars.removeFirst()
                        }
                        guard let s = Unicode.Scalar(value) else { throw error(number, "invalid octal escape") }
                        out.unicodeScalars.append(s)
                    case "x":
                        // C reads any number of hex digits; a code point has at most six significant ones.
                        var value: UInt32 = 0, digits = 0
                        while let d = scalars.first, let v = hexValue(d) {
                            guard value <= 0x10FFFF else { throw error(number, "invalid \\x escape: more than a Unicode code point") }
                            value = value * 16 + v
                            digits += 1
                            scalars.removeFirst()
                        }
                        guard digits > 0, let s = Unicode.Scalar(value) else { throw error(number, "invalid \\x escape") }
                        out.unicodeScalars.append(s)
                    default:
                        throw error(number, "unknown escape '\\\(next)'")
                    }
                default:
                    out.unicodeScalars.append(scalar)
                }
            }
            throw error(number, "the string has no closing quote")
        }

        func hexValue(_ s: Unicode.Scalar) -> UInt32? {
            switch s {
            case "0"..."9": s.value - 48
            case "a"..."f": s.value - 87
            case "A"..."F": s.value - 55
            default: nil
            }
        }
    }
}

/// A PO file that cannot be read, with the place.
package struct POError: Error, Sendable, CustomStringConvertible {
    package var file: String
    package var line: Int
    package var message: String

    package var description: String { "\(file):\(line): error: \(message)" }
}

extension Substring {
    func trimmingSpaces() -> String {
        String(drop { $0 == " " || $0 == "\t" }.reversed().drop { $0 == " " || $0 == "\t" }.reversed())
    }

    /// `#. text` → `text`: the one space after the comment marker is not part of the comment.
    func droppingOneSpace() -> String { String(hasPrefix(" ") ? dropFirst() : self[...]) }
}
