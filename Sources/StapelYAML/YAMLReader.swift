import StapelModel

/// A position in a parsed YAML document: a node, its field path and its file, with typed accessors that
/// report the exact place and what was expected. Keeps YAML's type guessing out: every value is read
/// from its scalar text into the type the format asks for.
struct YAMLReader {
    let node: YAMLNode
    let file: String
    /// Where the node sits; its text is built only when a message or a key needs it.
    private let trail: YAMLPath

    /// The field path, as messages name it (`questions[3].rows[0].percent`).
    var path: String { trail.text }

    init(node: YAMLNode, path: String, file: String) {
        self.init(node: node, trail: YAMLPath(parent: nil, step: .text(path)), file: file)
    }

    private init(node: YAMLNode, trail: YAMLPath, file: String) {
        self.node = node
        self.trail = trail
        self.file = file
    }

    private func child(_ node: YAMLNode, key: String) -> YAMLReader {
        YAMLReader(node: node, trail: YAMLPath(parent: trail, step: .key(key)), file: file)
    }

    var location: SourceLocation {
        let mark = node.mark
        return SourceLocation(file: file, line: mark.line, column: mark.column)
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
        // Composed from libyaml's events with every value kept as text (the typed readers decide what a value
        // is, so YAML 1.1's guessing — `no` → false — never applies); the limits are enforced while composing.
        guard let node = try YAMLComposer.compose(text, file: file) else {
            throw DataError(start, path: "", "the file is empty")
        }
        return YAMLReader(node: node, path: "", file: file)
    }

    /// A cheap upper-bound scan run before the (recursive) composer sees the text, so that `[[[[…` or
    /// `- - - - …` thousands deep cannot overflow the stack: the line where open flow brackets plus
    /// indentation-free block indicators exceed four times the nesting limit, or nil.
    static func deepNestingLine(_ text: String) -> Int? {
        // Over the bytes themselves: a loop over `String.UTF8View` cost planning 3.6 % at 2,000 questions.
        var text = text
        return text.withUTF8 { deepNestingLine(bytes: $0) }
    }

    private static func deepNestingLine(bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        let limit = InputLimits.maxNestingDepth * 4
        var flow = 0, line = 1
        var quote: UInt8? = nil
        var atLineStart = true, indicators = 0, previous: UInt8 = 10
        for byte in bytes {
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
        result.reserveCapacity(m.count)
        // By index: the mapping's own iterator copies every pair into a new array first.
        for index in m.indices {
            let (k, v) = m[index]
            guard case .scalar(let s) = k else {
                throw YAMLReader(node: k, path: path, file: file).error("expected a plain key")
            }
            let child = child(v, key: s.string)
            if let allowed, !allowed.contains(s.string) { throw unknownField(k, child: child, allowed: allowed) }
            result.append((s.string, child))
        }
        return result
    }

    /// The error for a field `allowed` does not name: the key node `key`, whose value is `child`.
    private func unknownField(_ key: YAMLNode, child: YAMLReader, allowed: Set<String>) -> DataError {
        let keyReader = YAMLReader(node: key, path: child.path, file: file)
        let name = if case .scalar(let s) = key { s.string } else { "" }
        if !name.isEmpty, name.allSatisfy({ $0.isASCII && $0.isNumber }) {
            // `percent: 40,0` inside `{…}` splits at the comma and leaves `0` as a key.
            return keyReader.error("unexpected '\(name)': a decimal comma? Write numbers with a decimal point (48.9)")
        }
        return keyReader.error("unknown field '\(name)'; expected one of: \(allowed.sorted().joined(separator: ", "))")
    }

    /// The child at `key`, or nil when absent.
    func optional(_ key: String) throws -> YAMLReader? {
        guard case .mapping(let m) = node else { throw error("expected a mapping (key: value lines), found \(kindName)") }
        for index in m.indices {
            let (k, v) = m[index]
            if case .scalar(let s) = k, s.string == key { return child(v, key: key) }
        }
        return nil
    }

    func required(_ key: String) throws -> YAMLReader {
        guard let child = try optional(key) else { throw error("missing required field '\(key)'") }
        return child
    }

    /// Rejects fields outside `allowed`.
    /// Refuses a field that `allowed` does not name, as `mapping(allowed:)` does, without making a reader of
    /// every value (every option and row of a survey is checked: 9 % of planning 2,000 questions went to that).
    func checkFields(_ allowed: Set<String>) throws {
        guard case .mapping(let m) = node else { throw error("expected a mapping (key: value lines), found \(kindName)") }
        for index in m.indices {
            let (k, v) = m[index]
            guard case .scalar(let s) = k else {
                throw YAMLReader(node: k, path: path, file: file).error("expected a plain key")
            }
            if !allowed.contains(s.string) { throw unknownField(k, child: child(v, key: s.string), allowed: allowed) }
        }
    }

    // MARK: Sequences

    /// The list's items; more than `max` (10,000 unless the format says fewer) is refused with the limit named.
    func sequence(max: Int = InputLimits.maxQuestions, what: String = "items") throws -> [YAMLReader] {
        guard case .sequence(let s) = node else { throw error("expected a list, found \(kindName)") }
        if s.count > max {
            throw error("\(s.count) \(what); at most \(max) are allowed (a documented limit, Docs/security.md)")
        }
        return s.enumerated().map { YAMLReader(node: $1, trail: YAMLPath(parent: trail, step: .index($0)), file: file) }
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
        func allowed(_ b: UInt8) -> Bool { (0x61...0x7A).contains(b) || (0x30...0x39).contains(b) }
        let ok = s.utf8.first.map { allowed($0) } ?? false && s.utf8.allSatisfy { allowed($0) || $0 == 0x2D }
        guard ok else { throw error("'\(s)' is not a valid id; expected lower-case letters, digits and '-' ([a-z0-9][a-z0-9-]*)") }
        return s
    }

    func integer() throws -> Int {
        guard case .scalar(let s) = node, s.style == .plain else {
            throw error("expected a whole number, found \(describe)")
        }
        let text = s.string
        if let value = YAMLReader.plainInteger(text) { return value }
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
    /// The value of a number written as the format wants it — `-`, digits, at most one point with 1–12 digits
    /// after it, within `InputLimits.maxMagnitude` — or nil for anything else, which `number()` then examines
    /// for the message. (Almost every number of a survey takes this path, which looks at bytes only.)
    static func plainNumber(_ text: String) -> Double? {
        var digitsBefore = 0, digitsAfter = 0, points = 0, first = true
        for byte in text.utf8 {
            defer { first = false }
            switch byte {
            case UInt8(ascii: "-") where first: continue
            case UInt8(ascii: "0")...UInt8(ascii: "9"): if points == 0 { digitsBefore += 1 } else { digitsAfter += 1 }
            case UInt8(ascii: ".") where points == 0: points = 1
            default: return nil
            }
        }
        guard digitsBefore > 0, points == 0 || (1...12).contains(digitsAfter), let value = Double(text),
              value.isFinite, abs(value) <= InputLimits.maxMagnitude else { return nil }
        return value
    }

    /// The value of a whole number written plainly — `-`, then `0` or up to ten digits without a leading zero,
    /// at most `InputLimits.maxCount` in size — or nil for anything else, which `integer()` examines.
    static func plainInteger(_ text: String) -> Int? {
        let digits = text.utf8.first == UInt8(ascii: "-") ? text.utf8.dropFirst() : text.utf8[...]
        guard (1...10).contains(digits.count), digits.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }),
              digits.count == 1 || digits.first != UInt8(ascii: "0"),
              let value = Int(text), value.magnitude <= UInt(InputLimits.maxCount) else { return nil }
        return value
    }

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
        if let value = YAMLReader.plainNumber(text) { return value }
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
        }
    }

    var describe: String {
        if case .scalar(let s) = node { return s.style == .plain ? "'\(s.string)'" : "quoted text \"\(s.string)\"" }
        return kindName
    }
}

/// A node's place in its document as a chain of steps from the root, shared by the readers of its children, so
/// that reading thousands of values does not build thousands of path strings that no message will show.
final class YAMLPath: Sendable {
    enum Step: Sendable {
        /// A whole path given as text (the root's, or a reader made from a known path).
        case text(String)
        case key(String)
        case index(Int)
    }

    let parent: YAMLPath?
    let step: Step

    init(parent: YAMLPath?, step: Step) {
        self.parent = parent
        self.step = step
    }

    var text: String {
        let above = parent?.text ?? ""
        switch step {
        case .text(let path): return above.isEmpty ? path : (path.isEmpty ? above : "\(above).\(path)")
        case .key(let key): return above.isEmpty ? key : "\(above).\(key)"
        case .index(let i): return "\(above)[\(i)]"
        }
    }
}
