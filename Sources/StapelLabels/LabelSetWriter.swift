import StapelModel

/// Writes a label set as a `stapel-labels/1` YAML file in the nested layout of the hand-written ones
/// (`survey`, `scales`, `questions`; `number`, `ui`): keys in the order given, every text double-quoted,
/// invisible characters (no-break spaces) escaped so that a reader sees them.
package enum LabelSetWriter {
    /// A key that cannot be written as a nested mapping.
    package struct KeyError: Error, Sendable, CustomStringConvertible {
        package var key: String
        package var reason: String
        package var description: String { "error: cannot write label '\(key)': \(reason)" }
    }

    /// `labels` as YAML. `order` lists the keys to write, in order (keys of `labels` it lacks follow by name);
    /// `comments` adds comment lines above a key; `header` adds comment lines at the top.
    package static func write(_ labels: LabelSet, order: [String], comments: [String: [String]] = [:],
                             header: [String] = []) throws -> String {
        let listed = Set(order)
        let keys = order.filter { labels[$0] != nil } + labels.entries.keys.filter { !listed.contains($0) }.sorted()
        let root = Node()
        for key in keys {
            let parts = key.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
            guard !parts.contains(where: \.isEmpty) else { throw KeyError(key: key, reason: "it has an empty part") }
            guard !["format", "language"].contains(parts[0]) else {
                throw KeyError(key: key, reason: "'\(parts[0])' is reserved for the file's own fields")
            }
            var node = root
            for (i, part) in parts.enumerated() {
                let child = node.child(part)
                if i == parts.count - 1 {
                    guard child.children.isEmpty, child.text == nil else {
                        throw KeyError(key: key, reason: "it is also the prefix of another key")
                    }
                    child.text = labels[key]
                    child.key = key
                } else if child.text != nil {
                    throw KeyError(key: key, reason: "'\(parts[0...i].joined(separator: "."))' is a label itself")
                }
                node = child
            }
        }
        var out = header.map { "# \($0)\n" }.joined()
        out += "format: stapel-labels/1\nlanguage: \(quoteKey(labels.language))\n"
        emit(root, indent: "", comments: comments, into: &out)
        return out
    }

    final class Node {
        var text: String?
        var key: String?
        var children: [(String, Node)] = []

        func child(_ name: String) -> Node {
            if let existing = children.first(where: { $0.0 == name }) { return existing.1 }
            let node = Node()
            children.append((name, node))
            return node
        }
    }

    static func emit(_ node: Node, indent: String, comments: [String: [String]], into out: inout String) {
        for (name, child) in node.children {
            if let key = child.key {
                for line in comments[key] ?? [] { out += "\(indent)# \(line)\n" }
            }
            if let text = child.text {
                out += "\(indent)\(quoteKey(name)): \(quote(text))\n"
            } else {
                out += "\(indent)\(quoteKey(name)):\n"
                emit(child, indent: indent + "  ", comments: comments, into: &out)
            }
        }
    }

    /// Words YAML 1.1 reads as booleans or null when plain.
    static let reservedWords: Set<String> = ["y", "n", "yes", "no", "on", "off", "true", "false", "null"]

    /// An id as a plain key when no YAML reader could take it for anything but text, else quoted.
    static func quoteKey(_ key: String) -> String {
        let plain = key.first.map { $0.isASCII && $0.isLowercase } ?? false
            && key.allSatisfy { $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "-" || $0 == "_") }
            && !reservedWords.contains(key)
        return plain ? key : quote(key)
    }

    /// A YAML double-quoted scalar.
    static func quote(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            case "\u{00A0}", "\u{202F}", "\u{2009}", "\u{200B}", "\u{00AD}", "\u{2028}", "\u{2029}", "\u{FEFF}":
                out += "\\u" + hex(scalar.value, digits: 4)
            default:
                if scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) {
                    out += "\\x" + hex(scalar.value, digits: 2)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    static func hex(_ value: UInt32, digits: Int) -> String {
        let s = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, digits - s.count)) + s
    }
}
