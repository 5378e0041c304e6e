/// Writes a build state as the JSON `JSONEncoder` writes with `[.sortedKeys, .prettyPrinted,
/// .withoutEscapingSlashes]` for the same value, byte for byte (tested), for the state's fixed shape only.
///
/// Why not `JSONEncoder`: encoding a report's state (456 outputs) through `Codable` cost 24.6 M instructions,
/// about 6 ms, at the end of every build that writes, after its last render, while nothing else runs; this
/// costs a small fraction of that. `BuildState.load` still reads the file with `JSONDecoder`.
struct BuildStateWriter {
    private(set) var bytes: [UInt8] = []

    init(format: String, stapel: String, outputs: [String: BuildState.Entry], fonts: [String: FontFingerprint.FileRecord]?) {
        bytes.reserveCapacity(256 + outputs.count * 320)
        open("{")
        if let fonts {
            key("fonts", depth: 1)
            object(fonts, depth: 1) { $0.record($1, depth: $2) }
            comma()
        }
        key("format", depth: 1)
        string(format)
        comma()
        key("outputs", depth: 1)
        object(outputs, depth: 1) { $0.entry($1, depth: $2) }
        comma()
        key("stapel", depth: 1)
        string(stapel)
        close("}", depth: 0)
    }

    /// Keys in `JSONEncoder`'s sorted order: by their UTF-8 bytes (not `String`'s `<`, which puts a decomposed
    /// `é` after `ä`).
    static func sorted(_ keys: some Collection<String>) -> [String] {
        keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    }

    /// A map, its keys `sorted`, each value written by `value` at the entry's depth (passed the writer, so that
    /// it is no capture of `self`); an empty map as `JSONEncoder` writes one.
    private mutating func object<Value>(_ map: [String: Value], depth: Int,
                                        _ value: (inout BuildStateWriter, Value, Int) -> Void) {
        guard !map.isEmpty else { return empty("{", "}", depth: depth) }
        open("{")
        for (i, name) in Self.sorted(map.keys).enumerated() {
            if i > 0 { comma() }
            key(name, depth: depth + 1)
            value(&self, map[name]!, depth + 1)
        }
        close("}", depth: depth)
    }

    private mutating func record(_ record: FontFingerprint.FileRecord, depth: Int) {
        open("{")
        key("sha256", depth: depth + 1)
        string(record.sha256)
        comma()
        key("stamp", depth: depth + 1)
        stamp(record.stamp, depth: depth + 1)
        close("}", depth: depth)
    }

    private mutating func entry(_ entry: BuildState.Entry, depth: Int) {
        open("{")
        key("inputs", depth: depth + 1)
        string(entry.inputs)
        comma()
        key("output", depth: depth + 1)
        string(entry.output)
        if let stamp = entry.stamp {
            comma()
            key("stamp", depth: depth + 1)
            self.stamp(stamp, depth: depth + 1)
        }
        if let warnings = entry.warnings {
            comma()
            key("warnings", depth: depth + 1)
            if warnings.isEmpty {
                empty("[", "]", depth: depth + 1)
            } else {
                open("[")
                for (i, warning) in warnings.enumerated() {
                    if i > 0 { comma() }
                    indent(depth + 2)
                    string(warning)
                }
                close("]", depth: depth + 1)
            }
        }
        close("}", depth: depth)
    }

    /// An empty map or array as `JSONEncoder` pretty-prints one: an empty line between the brackets.
    private mutating func empty(_ open: Unicode.Scalar, _ close: Unicode.Scalar, depth: Int) {
        bytes += [UInt8(ascii: open), 0x0A, 0x0A]
        indent(depth)
        bytes.append(UInt8(ascii: close))
    }

    private mutating func open(_ bracket: Unicode.Scalar) {
        bytes.append(UInt8(ascii: bracket))
        bytes.append(0x0A)
    }

    private mutating func close(_ bracket: Unicode.Scalar, depth: Int) {
        bytes.append(0x0A)
        indent(depth)
        bytes.append(UInt8(ascii: bracket))
    }

    private mutating func comma() {
        bytes.append(UInt8(ascii: ","))
        bytes.append(0x0A)
    }

    private mutating func indent(_ depth: Int) {
        bytes.append(contentsOf: repeatElement(UInt8(ascii: " "), count: 2 * depth))
    }

    /// `"name" : ` at `depth`.
    private mutating func key(_ name: String, depth: Int) {
        indent(depth)
        string(name)
        bytes += [0x20, UInt8(ascii: ":"), 0x20]
    }

    private mutating func stamp(_ stamp: FileStamp, depth: Int) {
        open("{")
        key("modified", depth: depth + 1)
        bytes += Array(String(stamp.modified).utf8)
        comma()
        key("size", depth: depth + 1)
        bytes += Array(String(stamp.size).utf8)
        close("}", depth: depth)
    }

    /// A JSON string: `"` and `\` escaped, control characters as `\b \f \n \r \t` or `\u00XX`, `/` and every
    /// other character as it is (UTF-8).
    private mutating func string(_ text: String) {
        bytes.append(UInt8(ascii: "\""))
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): bytes += [UInt8(ascii: "\\"), UInt8(ascii: "\"")]
            case UInt8(ascii: "\\"): bytes += [UInt8(ascii: "\\"), UInt8(ascii: "\\")]
            case 0x08: bytes += [UInt8(ascii: "\\"), UInt8(ascii: "b")]
            case 0x0C: bytes += [UInt8(ascii: "\\"), UInt8(ascii: "f")]
            case 0x0A: bytes += [UInt8(ascii: "\\"), UInt8(ascii: "n")]
            case 0x0D: bytes += [UInt8(ascii: "\\"), UInt8(ascii: "r")]
            case 0x09: bytes += [UInt8(ascii: "\\"), UInt8(ascii: "t")]
            case 0..<0x20:
                let hex = Array("0123456789abcdef".utf8)
                bytes += Array("\\u00".utf8) + [hex[Int(byte >> 4)], hex[Int(byte & 0xF)]]
            default: bytes.append(byte)
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }
}
