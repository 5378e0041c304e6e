/// A composed YAML node, as Stapel's readers see one: text with its style, or a list, or a mapping in its
/// written order — each with where it starts. No tags: the typed readers decide what every text means.
indirect enum YAMLNode {
    case scalar(Scalar)
    case sequence(Sequence)
    case mapping(Mapping)

    /// Line and column (from 1; columns count Unicode scalars, as libyaml does).
    struct Mark: Equatable {
        var line: Int
        var column: Int
    }

    /// How a scalar was written: only a plain one can mean "no value" (`~`, `null`) or a number.
    enum ScalarStyle { case plain, singleQuoted, doubleQuoted, literal, folded }

    struct Scalar {
        var string: String
        var style: ScalarStyle
        var mark: Mark
    }

    struct Sequence: RandomAccessCollection {
        var nodes: [YAMLNode]
        var mark: Mark
        var startIndex: Int { nodes.startIndex }
        var endIndex: Int { nodes.endIndex }
        subscript(index: Int) -> YAMLNode { nodes[index] }
    }

    struct Mapping: RandomAccessCollection {
        /// A key and its value. A struct, not a tuple: an array of tuples is destroyed through the runtime's
        /// generic tuple code, which cost 6 % of planning 2,000 questions.
        struct Pair: Sendable {
            var key: YAMLNode
            var value: YAMLNode
        }

        var pairs: [Pair]
        var mark: Mark
        var startIndex: Int { pairs.startIndex }
        var endIndex: Int { pairs.endIndex }
        subscript(index: Int) -> (key: YAMLNode, value: YAMLNode) { (pairs[index].key, pairs[index].value) }
    }

    var mark: Mark {
        switch self {
        case .scalar(let s): s.mark
        case .sequence(let s): s.mark
        case .mapping(let m): m.mark
        }
    }
}
