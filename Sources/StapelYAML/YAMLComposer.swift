import CLibYAML
import StapelModel

/// Composes a YAML document into `YAMLNode`s from libyaml's events (Debian's libyaml, the parser Yams wraps), enforcing
/// `InputLimits` as it goes: nesting deeper than 64 levels, more than a million nodes once aliases are expanded
/// (an alias bomb), and a key twice in one mapping are refused with the place named.
///
/// Stapel reads every value as text and types it itself, so it needs none of a general YAML library's tag
/// resolution, and composing straight into this small tree (rather than Yams' nodes, then walking them again
/// to count) takes a third off the time to read a survey of thousands of questions.
struct YAMLComposer {
    private var parser = yaml_parser_t()
    private let file: String
    /// Anchored nodes with their expanded size and height, by anchor name (a later anchor shadows an earlier).
    private var anchors: [String: (node: YAMLNode, size: Int, height: Int)] = [:]
    /// Keys a mapping holds before its duplicate check hashes them instead of comparing each with the others.
    private static let comparedKeys = 16
    /// Nodes still allowed, aliases expanded.
    private var budget = InputLimits.maxExpandedNodes

    private init(file: String) { self.file = file }

    /// The document's root, or nil for a stream without a document (an empty or comment-only file).
    static func compose(_ text: String, file: String) throws -> YAMLNode? {
        var bytes = Array(text.utf8)
        var composer = YAMLComposer(file: file)
        guard yaml_parser_initialize(&composer.parser) == 1 else {
            throw DataError(SourceLocation(file: file, line: 1, column: 1), path: "", "out of memory reading YAML")
        }
        defer { yaml_parser_delete(&composer.parser) }
        return try bytes.withUnsafeMutableBufferPointer { buffer in
            yaml_parser_set_encoding(&composer.parser, YAML_UTF8_ENCODING)
            yaml_parser_set_input_string(&composer.parser, buffer.baseAddress, buffer.count)
            return try composer.stream()
        }
    }

    private mutating func stream() throws -> YAMLNode? {
        var event = try next()
        guard event.type == YAML_STREAM_START_EVENT else { return nil }
        yaml_event_delete(&event)
        event = try next()
        if event.type == YAML_STREAM_END_EVENT {
            yaml_event_delete(&event)
            return nil
        }
        yaml_event_delete(&event)   // document start
        var first = try next()
        let (root, _, _) = try node(from: &first, depth: 0)
        var end = try next()        // document end
        yaml_event_delete(&end)
        var after = try next()
        defer { yaml_event_delete(&after) }
        if after.type != YAML_STREAM_END_EVENT {
            throw error(at: mark(after), "but found another document (expected a single document in the stream)")
        }
        return root
    }

    /// The node that `event` starts (consumed), with its size and height.
    private mutating func node(from event: inout yaml_event_t, depth: Int) throws -> (YAMLNode, size: Int, height: Int) {
        defer { yaml_event_delete(&event) }
        let start = mark(event)
        if depth > InputLimits.maxNestingDepth {
            throw error(at: start, nesting: true)
        }
        budget -= 1
        if budget < 0 { throw error(at: start, nesting: false) }
        switch event.type {
        case YAML_ALIAS_EVENT:
            let name = String(cString: event.data.alias.anchor)
            guard let anchored = anchors[name] else { throw error(at: start, "found undefined alias") }
            budget -= anchored.size - 1
            if budget < 0 { throw error(at: start, nesting: false) }
            if depth + anchored.height > InputLimits.maxNestingDepth { throw error(at: start, nesting: true) }
            return anchored
        case YAML_SCALAR_EVENT:
            let scalar = event.data.scalar
            let text = String(decoding: UnsafeBufferPointer(start: scalar.value, count: scalar.length), as: UTF8.self)
            let result = (YAMLNode.scalar(.init(string: text, style: YAMLComposer.style(scalar.style), mark: start)), 1, 0)
            register(scalar.anchor, result)
            return result
        case YAML_SEQUENCE_START_EVENT:
            let anchor = event.data.sequence_start.anchor
            var nodes: [YAMLNode] = []
            var size = 1, height = 0
            while true {
                var item = try next()
                if item.type == YAML_SEQUENCE_END_EVENT {
                    yaml_event_delete(&item)
                    break
                }
                let (child, childSize, childHeight) = try node(from: &item, depth: depth + 1)
                nodes.append(child)
                size += childSize
                height = max(height, childHeight + 1)
            }
            let result = (YAMLNode.sequence(.init(nodes: nodes, mark: start)), size, height)
            register(anchor, result)
            return result
        case YAML_MAPPING_START_EVENT:
            let anchor = event.data.mapping_start.anchor
            var pairs: [YAMLNode.Mapping.Pair] = []
            var seen: [String: YAMLNode.Mark] = [:]
            var duplicates: [String: YAMLNode.Mark] = [:]
            var size = 1, height = 0
            while true {
                var keyEvent = try next()
                if keyEvent.type == YAML_MAPPING_END_EVENT {
                    yaml_event_delete(&keyEvent)
                    break
                }
                let (key, keySize, keyHeight) = try node(from: &keyEvent, depth: depth + 1)
                var valueEvent = try next()
                let (value, valueSize, valueHeight) = try node(from: &valueEvent, depth: depth + 1)
                if case .scalar(let s) = key {
                    // The few keys of most mappings (an option, a row) are compared with those before, not hashed.
                    if pairs.count < YAMLComposer.comparedKeys {
                        for earlier in pairs {
                            if case .scalar(let e) = earlier.key, e.string == s.string {
                                duplicates[s.string] = e.mark
                                break
                            }
                        }
                    } else {
                        if seen.isEmpty {
                            for earlier in pairs {
                                if case .scalar(let e) = earlier.key, seen[e.string] == nil { seen[e.string] = e.mark }
                            }
                        }
                        if let first = seen[s.string] { duplicates[s.string] = first } else { seen[s.string] = s.mark }
                    }
                }
                pairs.append(.init(key: key, value: value))
                size += keySize + valueSize
                height = max(height, keyHeight + 1, valueHeight + 1)
            }
            if !duplicates.isEmpty {
                let keys = duplicates.keys.sorted()
                throw DataError(location(duplicates[keys[0]]!), path: "",
                                "duplicate key '\(keys.joined(separator: "', '"))' in one mapping")
            }
            let result = (YAMLNode.mapping(.init(pairs: pairs, mark: start)), size, height)
            register(anchor, result)
            return result
        default:
            throw error(at: start, "unexpected \(event.type)")
        }
    }

    private mutating func register(_ anchor: UnsafeMutablePointer<UInt8>?, _ node: (YAMLNode, Int, Int)) {
        guard let anchor else { return }
        anchors[String(cString: anchor)] = node
    }

    /// The next event; a syntax error as libyaml words it, at its place.
    private mutating func next() throws -> yaml_event_t {
        var event = yaml_event_t()
        guard yaml_parser_parse(&parser, &event) == 1 else { throw syntaxError() }
        return event
    }

    private func syntaxError() -> DataError {
        let problem = parser.problem.map { String(cString: $0) } ?? "unknown problem"
        if parser.error == YAML_READER_ERROR {
            return DataError(SourceLocation(file: file, line: 1, column: 1), path: "",
                             "not valid YAML: \(problem) (at byte \(parser.problem_offset))")
        }
        let place = YAMLNode.Mark(line: parser.problem_mark.line + 1, column: parser.problem_mark.column + 1)
        let context = parser.context.map { " (\(String(cString: $0)))" } ?? ""
        return DataError(location(place), path: "", "not valid YAML: \(problem)\(context)")
    }

    private func error(at place: YAMLNode.Mark, _ problem: String) -> DataError {
        DataError(location(place), path: "", "not valid YAML: \(problem)")
    }

    private func error(at place: YAMLNode.Mark, nesting: Bool) -> DataError {
        DataError(location(place), path: "", nesting
            ? "lists and mappings are nested more than \(InputLimits.maxNestingDepth) levels deep"
            : "the document expands to more than \(InputLimits.maxExpandedNodes) values (aliases repeating aliases?); refused")
    }

    private func location(_ place: YAMLNode.Mark) -> SourceLocation {
        SourceLocation(file: file, line: place.line, column: place.column)
    }

    private func mark(_ event: yaml_event_t) -> YAMLNode.Mark {
        YAMLNode.Mark(line: event.start_mark.line + 1, column: event.start_mark.column + 1)
    }

    private static func style(_ style: yaml_scalar_style_t) -> YAMLNode.ScalarStyle {
        switch style {
        case YAML_SINGLE_QUOTED_SCALAR_STYLE: .singleQuoted
        case YAML_DOUBLE_QUOTED_SCALAR_STYLE: .doubleQuoted
        case YAML_LITERAL_SCALAR_STYLE: .literal
        case YAML_FOLDED_SCALAR_STYLE: .folded
        default: .plain
        }
    }
}
