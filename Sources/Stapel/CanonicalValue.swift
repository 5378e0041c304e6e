/// A value reduced by reflection to plain data — text, numbers, lists and named members — with dictionary and
/// set entries sorted, so that equal values always give the same bytes. Swift's own hashing is seeded per
/// process and `String(describing:)` prints dictionaries in that seeded order, so neither can key a build cache.
/// Feeds the incremental build's input digests and the JSON that external backends receive.
package indirect enum CanonicalValue: Sendable, Equatable {
    case null
    case bool(Bool)
    case integer(Int)
    case number(Double)
    case string(String)
    case array([CanonicalValue])
    /// Members in a fixed order: declaration order for structs, sorted keys for dictionaries.
    case object([Member])

    /// One named member of an object.
    package struct Member: Sendable, Equatable {
        package var name: String
        package var value: CanonicalValue
        package init(_ name: String, _ value: CanonicalValue) {
            self.name = name
            self.value = value
        }
    }

    /// Fields that say where a value was read, not what it is: left out, so that moving a question down a
    /// line in `survey.yaml` does not make its outputs stale.
    package static let positionFields: Set<String> = ["location", "locations"]

    /// Reflects `value`: structs become objects (fields in declaration order, minus `skipping`), enums with a
    /// raw value their raw value, enums with a payload `{case: payload}`, collections arrays, sets sorted
    /// arrays, dictionaries objects sorted by key. A `StyleColor` becomes its `#rrggbb` text.
    package init(reflecting value: Any, skipping: Set<String> = CanonicalValue.positionFields) {
        self = CanonicalValue.reflect(value, skipping: skipping)
    }

    private static func reflect(_ value: Any, skipping: Set<String>) -> CanonicalValue {
        // The common leaves first: each cast to a concrete type is cheap, unlike a conformance test.
        switch value {
        case let v as String: return .string(v)
        case let v as Double: return .number(v)
        case let v as Int: return .integer(v)
        case let v as Bool: return .bool(v)
        case let v as StyleColor: return .string(v.description)
        case let v as CanonicalValue: return v
        default: break
        }
        let mirror = Mirror(reflecting: value)
        switch mirror.displayStyle {
        case .optional:
            guard let wrapped = mirror.children.first else { return .null }
            return reflect(wrapped.value, skipping: skipping)
        case .collection:
            return .array(mirror.children.map { reflect($0.value, skipping: skipping) })
        case .set:
            let items = mirror.children.map { reflect($0.value, skipping: skipping) }
            return .array(items.sorted { $0.json() < $1.json() })
        case .dictionary:
            let members = mirror.children.map { entry -> Member in
                let pair = Array(Mirror(reflecting: entry.value).children)
                let key = reflect(pair[0].value, skipping: skipping)
                let name: String = if case .string(let s) = key { s } else { key.json() }
                return Member(name, reflect(pair[1].value, skipping: skipping))
            }
            return .object(members.sorted { $0.name < $1.name })
        case .enum:
            if let raw = value as? any RawRepresentable { return reflect(raw.rawValue, skipping: skipping) }
            guard let payload = mirror.children.first, let label = payload.label else {
                return .string(String(describing: value))
            }
            return .object([Member(label, reflect(payload.value, skipping: skipping))])
        case .struct, .class, .tuple:
            // An option set or other raw-value struct stores just its `rawValue`.
            if mirror.children.count == 1, mirror.children.first?.label == "rawValue",
               let raw = value as? any RawRepresentable {
                return reflect(raw.rawValue, skipping: skipping)
            }
            var members: [Member] = []
            for (index, child) in mirror.children.enumerated() {
                let label = child.label ?? ".\(index)"
                if skipping.contains(label) { continue }
                members.append(Member(label, reflect(child.value, skipping: skipping)))
            }
            return .object(members)
        default:
            switch value {
            case let v as Int32: return .integer(Int(v))
            case let v as Int64: return .integer(Int(v))
            case let v as UInt8: return .integer(Int(v))
            case let v as Float: return .number(Double(v))
            case let v as Substring: return .string(String(v))
            default: break
            }
            if let raw = value as? any RawRepresentable { return reflect(raw.rawValue, skipping: skipping) }
            return .string(String(describing: value))
        }
    }

    /// The same value with every member name turned from `camelCase` into the `kebab-case` of Stapel's files
    /// (`widthMM` → `width-mm`, `labelColumnFraction` → `label-column-fraction`).
    package var kebabCased: CanonicalValue {
        switch self {
        case .array(let items): .array(items.map(\.kebabCased))
        case .object(let members): .object(members.map { Member(CanonicalValue.kebab($0.name), $0.value.kebabCased) })
        default: self
        }
    }

    static func kebab(_ name: String) -> String {
        var out = ""
        let chars = Array(name)
        for (i, c) in chars.enumerated() {
            if c.isUppercase {
                let previousLower = i > 0 && (chars[i - 1].isLowercase || chars[i - 1].isNumber)
                let startsWord = i > 0 && chars[i - 1].isUppercase && i + 1 < chars.count && chars[i + 1].isLowercase
                if previousLower || startsWord { out.append("-") }
                out += c.lowercased()
            } else {
                out.append(c)
            }
        }
        return out
    }

    /// The member `name` of an object, if any.
    package subscript(name: String) -> CanonicalValue? {
        guard case .object(let members) = self else { return nil }
        return members.first { $0.name == name }?.value
    }

    // MARK: JSON

    /// Compact JSON, members in their stored order. Non-finite numbers, which JSON cannot hold, become null.
    package func json() -> String {
        var out = ""
        write(to: &out, indent: nil, level: 0)
        return out
    }

    /// Indented JSON for people to read.
    package func prettyJSON() -> String {
        var out = ""
        write(to: &out, indent: "  ", level: 0)
        return out + "\n"
    }

    private func write(to out: inout String, indent: String?, level: Int) {
        func newline(_ level: Int) {
            guard let indent else { return }
            out += "\n" + String(repeating: indent, count: level)
        }
        switch self {
        case .null: out += "null"
        case .bool(let b): out += b ? "true" : "false"
        case .integer(let i): out += String(i)
        case .number(let d): out += d.isFinite ? CanonicalValue.format(d) : "null"
        case .string(let s): CanonicalValue.writeString(s, to: &out)
        case .array(let items):
            if items.isEmpty { out += "[]"; return }
            out += "["
            for (i, item) in items.enumerated() {
                if i > 0 { out += "," }
                newline(level + 1)
                item.write(to: &out, indent: indent, level: level + 1)
            }
            newline(level)
            out += "]"
        case .object(let members):
            if members.isEmpty { out += "{}"; return }
            out += "{"
            for (i, member) in members.enumerated() {
                if i > 0 { out += "," }
                newline(level + 1)
                CanonicalValue.writeString(member.name, to: &out)
                out += indent == nil ? ":" : ": "
                member.value.write(to: &out, indent: indent, level: level + 1)
            }
            newline(level)
            out += "}"
        }
    }

    /// Shortest round-trip text; whole numbers keep their `.0` so that readers see a number with decimals.
    private static func format(_ d: Double) -> String {
        "\(d)"
    }

    static func writeString(_ s: String, to out: inout String) {
        out += "\""
        // Everything but the ASCII bytes that need an escape is appended in runs, not scalar by scalar.
        let utf8 = s.utf8
        var run = utf8.startIndex
        var index = run
        while index != utf8.endIndex {
            let byte = utf8[index]
            guard byte < 0x20 || byte == 0x22 || byte == 0x5C || byte == 0x7F else {
                utf8.formIndex(after: &index)
                continue
            }
            out += s[run..<index]
            switch byte {
            case 0x22: out += "\\\""
            case 0x5C: out += "\\\\"
            case 0x0A: out += "\\n"
            case 0x0D: out += "\\r"
            case 0x09: out += "\\t"
            default:
                let hex = String(byte, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            }
            utf8.formIndex(after: &index)
            run = index
        }
        out += s[run..<index]
        out += "\""
    }
}

extension CanonicalValue: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByBooleanLiteral {
    package init(stringLiteral value: String) { self = .string(value) }
    package init(integerLiteral value: Int) { self = .integer(value) }
    package init(booleanLiteral value: Bool) { self = .bool(value) }
}
