/// Writes a `POFile` as text that GNU gettext reads: C escapes, one quoted line per line of a multi-line
/// string, one blank line between entries.
package enum POWriter {
    package static func write(_ file: POFile) -> String {
        var out = ""
        for comment in file.comments { out += comment.isEmpty ? "#\n" : "# \(comment)\n" }
        out += "msgid \"\"\n"
        out += string("msgstr", file.header.map { "\($0.name): \($0.value)\n" }.joined())
        for entry in file.entries {
            out += "\n"
            for c in entry.translatorComments { out += c.isEmpty ? "#\n" : "# \(oneLine(c))\n" }
            for c in entry.extractedComments { out += c.isEmpty ? "#.\n" : "#. \(oneLine(c))\n" }
            if !entry.flags.isEmpty { out += "#, " + entry.flags.joined(separator: ", ") + "\n" }
            if let context = entry.context { out += string("msgctxt", context) }
            out += string("msgid", entry.id)
            out += string("msgstr", entry.translation)
        }
        return out
    }

    /// `keyword "value"`, or `keyword ""` followed by one quoted line per line when the value spans lines.
    static func string(_ keyword: String, _ value: String) -> String {
        var lines: [String] = []
        var current = ""
        for scalar in value.unicodeScalars {
            current.unicodeScalars.append(scalar)
            if scalar == "\n" { lines.append(current); current = "" }
        }
        if !current.isEmpty { lines.append(current) }
        if lines.count <= 1 { return "\(keyword) \"\(escape(value))\"\n" }
        return "\(keyword) \"\"\n" + lines.map { "\"\(escape($0))\"\n" }.joined()
    }

    /// C escapes as gettext reads them: `\\`, `\"`, `\n`, `\t` …, octal for other control characters.
    package static func escape(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            case "\u{07}": out += "\\a"
            case "\u{08}": out += "\\b"
            case "\u{0C}": out += "\\f"
            case "\u{0B}": out += "\\v"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    let octal = String(scalar.value, radix: 8)
                    out += "\\" + String(repeating: "0", count: 3 - octal.count) + octal
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out
    }

    /// A comment must stay on its line: line breaks become spaces.
    static func oneLine(_ text: String) -> String {
        String(text.map { $0.isNewline ? " " : $0 })
    }
}
