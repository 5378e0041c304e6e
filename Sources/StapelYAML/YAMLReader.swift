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
    /// Refuses, before and while composing, documents beyond `InputLimits`: more than 16 MiB, nested deeper than
    /// 64 levels, or more than a million nodes once aliases are expanded (an alias bomb).
    static func parse(_ text: String, file: String) throws -> YAMLReader {
        let start = SourceLocation(file: file, line: 1, column: 1)
        if text.utf8.count > InputLimits.maxDocumentBytes {
            throw DataError(start, path: "", "the file has \(text.utf8.count) bytes; a YAML input may have at most \(InputLimits.maxDocumentBytes) (16 MiB)")
        }
        if let line = deepNestingLine(text) {
            throw DataError(SourceLocation(file: file, line: line, column: 1), path: "",
                            "lists and mappings are nested more than \(InputLimits.maxNestingDepth) levels deep")
        }
        let node: Node
        do {
            // The basic resolver tags every scalar as text: the typed readers decide what a value is, so YAML
            // 1.1's guessing (`no` → false) never applies, and Yams' duplicate-key check hashes keys without
            // resolving their tags by regular expression (which cost a third of reading a large survey).
            guard let composed = try Yams.compose(yaml: text, .basic) else {
                throw DataError(start, path: "", "the file is empty")
            }
            node = composed
        } catch let error as YamlError {
            throw DataError.from(error, file: file)
        }
        var budget = InputLimits.maxExpandedNodes
        try checkSize(node, depth: 0, budget: &budget, file: file)
        return YAMLReader(node: node, path: "", file: file)
    }

    /// Walks the composed tree as the readers will, counting every node an alias repeats; stops at the limit.
    static func checkSize(_ node: Node, depth: Int, budget: inout Int, file: String) throws {
        budget -= 1
        if budget < 0 || depth > InputLimits.maxNestingDepth {
            let mark = node.mark
            let location = SourceLocation(file: file, line: mark?.line ?? 1, column: mark?.column ?? 1)
            throw DataError(location, path: "", budget < 0
                ? "the document expands to more than \(InputLimits.maxExpandedNodes) values (aliases repeating aliases?); refused"
                : "lists and mappings are nested more than \(InputLimits.maxNestingDepth) levels deep")
        }
        switch node {
        case .scalar, .alias: return
        case .sequence(let s): for child in s { try checkSize(child, depth: depth + 1, budget: &budget, file: file) }
        case .mapping(let m):
            for (k, v) in m {
                try checkSize(k, depth: depth + 1, budget: &budget, file: file)
                try checkSize(v, depth: depth + 1, budget: &budget, file: file)
            }
        }
    }

    /// A cheap upper-bound scan run before the (recursive) composer sees the text, so that `[[[[…` or
    /// `- - - - …` thousands deep cannot overflow the stack: the line where open flow brackets plus
    /// indentation-free block indicators exceed four times the nesting limit, or nil.
    static func deepNestingLine(_ text: String) -> Int? {
        let limit = InputLimits.maxNestingDepth * 4
        var flow = 0, line = 1
        var quote: UInt8? = nil
        var atLineStart = true, indicators = 0, previous: UInt8 = 10
        for byte in text.utf8 {
            if byte == 10 {
                line += 1; atLineStart = true; indicators = 0; previous = byte
                if quote == 10 { quote = nil }   // a comment ends; a quoted scalar may run on
                continue
            }
            if let q = quote {
                if byte == q { quote = nil }
                previous = byte
                continue
            }
            switch byte {
            case 34, 39: if previous == 32 || previous == 91 || previous == 123 || previous == 44 || previous == 58 || atLineStart { quote = byte }
            case 35 where previous == 32 || atLineStart:   // a comment: skip to the end of the line
                quote = 10
            case 91, 123: flow += 1
            case 93, 125: flow = max(0, flow - 1)
            case 45, 63, 58: if atLineStart || previous == 32 { indicators += 1 }
            case 32: break
            default: atLineStart = false
            }
            if byte != 32 && byte != 45 && byte != 63 && byte != 58 { atLineStart = false }
            if flow > limit || indicators > limit { return line }
            previous = byte
        }
        return nil
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

    /// The list's items; more than `max` (10,000 unless the format says fewer) is refused with the limit named.
    func sequence(max: Int = InputLimits.maxQuestions, what: String = "items") throws -> [YAMLReader] {
        guard case .sequence(let s) = node else { throw error("expected a list, found \(kindName)") }
        if s.count > max {
            throw error("\(s.count) \(what); at most \(max) are allowed (a documented limit, Docs/security.md)")
        }
        return s.enumerated().map { YAMLReader(node: $1, path: "\(path)[\($0)]", file: file) }
    }

    // MARK: Scalars

    func string() throws -> String {
        guard case .scalar(let s) = node else { throw error("expected text, found \(kindName)") }
        if (s.style == .plain && (s.string == "~" || s.string == "null" || s.string.isEmpty)) {
            throw error("expected text, found an empty value")
        }
        if let problem = LabelText.problem(s.string) { throw error("the value \(problem)") }
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
        if !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }),
           digits.drop(while: { $0 == "0" }).count > 10 || (Int(text).map { $0.magnitude > UInt(InputLimits.maxCount) } ?? true) {
            throw error("'\(YAMLReader.excerpt(text))' is out of range; a whole number here is at most \(InputLimits.maxCount) (one billion) in size")
        }
        guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }), let value = Int(text) else {
            if YAMLReader.hasThousandsSeparator(text) {
                let plain = text.filter { $0 == "-" || ($0.isASCII && $0.isNumber) }
                throw error("'\(text)' has a thousands separator; write the plain number (\(plain)), without commas, points or spaces")
            }
            let hint = text.contains(",") ? " (a decimal comma? counts are whole numbers; write numbers with a decimal point)" : ""
            throw error("expected a whole number, found '\(YAMLReader.excerpt(text))'\(hint)")
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
            throw error("expected a number, found '\(YAMLReader.excerpt(text))'")
        }
        guard value.isFinite, abs(value) <= InputLimits.maxMagnitude, parts.count == 1 || parts[1].count <= 12 else {
            throw error("'\(YAMLReader.excerpt(text))' is out of range; a number here is at most \(Int(InputLimits.maxMagnitude)) in size, with at most 12 decimals")
        }
        return value
    }

    /// Long values cut for messages.
    static func excerpt(_ text: String) -> String { LabelText.visible(text, limit: 40) }

    func bool() throws -> Bool {
        let s = try string()
        switch s {
        case "true": return true
        case "false": return false
        default: throw error("expected true or false, found '\(s)'")
        }
    }

    func numbers() throws -> [Double] { try sequence(max: InputLimits.maxOptionsPerQuestion, what: "values").map { try $0.number() } }
    func integers() throws -> [Int] { try sequence(max: InputLimits.maxOptionsPerQuestion, what: "values").map { try $0.integer() } }
    func identifiers() throws -> [String] { try sequence(max: InputLimits.maxOptionsPerQuestion, what: "ids").map { try $0.identifier() } }

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
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            let extra = context.map { " (\($0.text))" } ?? ""
            return DataError(SourceLocation(file: file, line: mark.line, column: mark.column), path: "",
                             "not valid YAML: \(problem)\(extra)")
        default:
            return DataError(SourceLocation(file: file, line: 1, column: 1), path: "", "not valid YAML: \(error)")
        }
    }
}
