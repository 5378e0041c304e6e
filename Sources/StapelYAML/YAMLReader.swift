import StapelModel
import Yams

/// A position in a parsed YAML document: a node, its field path and its file, with typed accessors that
/// report the exact place and what was expected. Keeps YAML's type guessing out: every value is read
/// from its scalar text into the type the format asks for.
struct YAMLReader {
    let node: Node
    let path: String
    let file: String

    var location: SourceLocation {
        let mark = node.mark
        return SourceLocation(file: file, line: mark?.line ?? 1, column: mark?.column ?? 1)
    }

    func error(_ message: String) -> DataError { DataError(location, path: path, message) }

    /// Parses `text` into a reader over its root node.
    static func parse(_ text: String, file: String) throws -> YAMLReader {
        do {
            guard let node = try Yams.compose(yaml: text) else {
                throw DataError(SourceLocation(file: file, line: 1, column: 1), path: "", "the file is empty")
            }
            return YAMLReader(node: node, path: "", file: file)
        } catch let error as YamlError {
            throw DataError.from(error, file: file)
        }
    }

    // MARK: Mappings

    func mapping(allowed: Set<String>? = nil) throws -> [(key: String, value: YAMLReader)] {
        guard case .mapping(let m) = node else { throw error("expected a mapping (key: value lines), found \(kindName)") }
        var result: [(String, YAMLReader)] = []
        for (k, v) in m {
            guard case .scalar(let s) = k else {
                throw YAMLReader(node: k, path: path, file: file).error("expected a plain key")
            }
            let child = YAMLReader(node: v, path: path.isEmpty ? s.string : "\(path).\(s.string)", file: file)
            if let allowed, !allowed.contains(s.string) {
                let keyReader = YAMLReader(node: k, path: child.path, file: file)
                if !s.string.isEmpty, s.string.allSatisfy({ $0.isASCII && $0.isNumber }) {
                    // `percent: 40,0` inside `{…}` splits at the comma and leaves `0` as a key.
                    throw keyReader.error("unexpected '\(s.string)': a decimal comma? Write numbers with a decimal point (48.9)")
                }
                throw keyReader.error("unknown field '\(s.string)'; expected one of: \(allowed.sorted().joined(separator: ", "))")
            }
            result.append((s.string, child))
        }
        return result
    }

    /// The child at `key`, or nil when absent.
    func optional(_ key: String) throws -> YAMLReader? {
        guard case .mapping(let m) = node else { throw error("expected a mapping (key: value lines), found \(kindName)") }
        for (k, v) in m where k.scalar?.string == key {
            return YAMLReader(node: v, path: path.isEmpty ? key : "\(path).\(key)", file: file)
        }
        return nil
    }

    func required(_ key: String) throws -> YAMLReader {
        guard let child = try optional(key) else { throw error("missing required field '\(key)'") }
        return child
    }

    /// Rejects fields outside `allowed`.
    func checkFields(_ allowed: Set<String>) throws { _ = try mapping(allowed: allowed) }

    // MARK: Sequences

    func sequence() throws -> [YAMLReader] {
        guard case .sequence(let s) = node else { throw error("expected a list, found \(kindName)") }
        return s.enumerated().map { YAMLReader(node: $1, path: "\(path)[\($0)]", file: file) }
    }

    // MARK: Scalars

    func string() throws -> String {
        guard case .scalar(let s) = node else { throw error("expected text, found \(kindName)") }
        if (s.style == .plain && (s.string == "~" || s.string == "null" || s.string.isEmpty)) {
            throw error("expected text, found an empty value")
        }
        return s.string
    }

    /// A label text: any scalar, the empty string allowed.
    func text() throws -> String {
        guard case .scalar(let s) = node else { throw error("expected text, found \(kindName)") }
        return s.string
    }

    func identifier() throws -> String {
        let s = try string()
        let ok = s.first.map { $0.isASCII && ($0.isLowercase || $0.isNumber) } ?? false
            && s.allSatisfy { $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "-") }
        guard ok else { throw error("'\(s)' is not a valid id; expected lower-case letters, digits and '-' ([a-z0-9][a-z0-9-]*)") }
        return s
    }

    func integer() throws -> Int {
        guard case .scalar(let s) = node, s.style == .plain else {
            throw error("expected a whole number, found \(describe)")
        }
        let text = s.string
        let digits = text.hasPrefix("-") ? text.dropFirst() : Substring(text)
        guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }), let value = Int(text) else {
            if YAMLReader.hasThousandsSeparator(text) {
                let plain = text.filter { $0 == "-" || ($0.isASCII && $0.isNumber) }
                throw error("'\(text)' has a thousands separator; write the plain number (\(plain)), without commas, points or spaces")
            }
            let hint = text.contains(",") ? " (a decimal comma? counts are whole numbers; write numbers with a decimal point)" : ""
            throw error("expected a whole number, found '\(text)'\(hint)")
        }
        if digits.count > 1, digits.first == "0" {
            throw error("'\(text)' has a leading zero; write the number in plain decimal")
        }
        return value
    }

    /// `7,561`, `7 561`, `7.561`, `1'234`, `12 345 678`: digits in groups of three after a first group of one to
    /// three, with one kind of separator (comma, point, space, no-break or thin space, apostrophe).
    static func hasThousandsSeparator(_ text: String) -> Bool {
        let body = Array(text.hasPrefix("-") ? text.dropFirst() : Substring(text))
        let separators: Set<Character> = [",", ".", " ", "\u{00A0}", "\u{202F}", "\u{2009}", "'", "’"]
        guard let first = body.firstIndex(where: { separators.contains($0) }), (1...3).contains(first) else { return false }
        let separator = body[first]
        let groups = body.split(separator: separator, omittingEmptySubsequences: false)
        guard groups.count >= 2, groups[0].allSatisfy({ $0.isASCII && $0.isNumber }) else { return false }
        return groups.dropFirst().allSatisfy { $0.count == 3 && $0.allSatisfy { $0.isASCII && $0.isNumber } }
    }

    func number() throws -> Double {
        guard case .scalar(let s) = node, s.style == .plain else {
            throw error("expected a number, found \(describe)")
        }
        let text = s.string
        if text.contains(",") {
            let thousands = YAMLReader.hasThousandsSeparator(text) ? " and no thousands separator (7561, not 7,561)" : ""
            throw error("'\(text)' uses a decimal comma; write numbers with a decimal point (48.9)\(thousands)")
        }
        if !text.contains("."), YAMLReader.hasThousandsSeparator(text) {
            throw error("'\(text)' has a thousands separator; write the plain number (\(text.filter { $0 == "-" || ($0.isASCII && $0.isNumber) }))")
        }
        let body = text.hasPrefix("-") ? text.dropFirst() : Substring(text)
        let parts = body.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), !parts[0].isEmpty,
              parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
              parts.count == 1 || !parts[1].isEmpty, let value = Double(text) else {
            throw error("expected a number, found '\(text)'")
        }
        return value
    }

    func bool() throws -> Bool {
        let s = try string()
        switch s {
        case "true": return true
        case "false": return false
        default: throw error("expected true or false, found '\(s)'")
        }
    }

    func numbers() throws -> [Double] { try sequence().map { try $0.number() } }
    func integers() throws -> [Int] { try sequence().map { try $0.integer() } }
    func identifiers() throws -> [String] { try sequence().map { try $0.identifier() } }

    var kindName: String {
        switch node {
        case .scalar: "a single value"
        case .mapping: "a mapping"
        case .sequence: "a list"
        case .alias: "an alias"
        }
    }

    var describe: String {
        if case .scalar(let s) = node { return s.style == .plain ? "'\(s.string)'" : "quoted text \"\(s.string)\"" }
        return kindName
    }
}

extension DataError {
    static func from(_ error: YamlError, file: String) -> DataError {
        switch error {
        case .duplicatedKeysInMapping(let keys, let context):
            return DataError(SourceLocation(file: file, line: context.mark.line, column: context.mark.column), path: "",
                             "duplicate key '\(keys.joined(separator: "', '"))' in one mapping")
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _):
            let extra = context.map { " (\($0.text))" } ?? ""
            return DataError(SourceLocation(file: file, line: mark.line, column: mark.column), path: "",
                             "not valid YAML: \(problem)\(extra)")
        default:
            return DataError(SourceLocation(file: file, line: 1, column: 1), path: "", "not valid YAML: \(error)")
        }
    }
}
