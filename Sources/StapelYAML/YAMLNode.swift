/// A composed YAML node, as Stapel's readers see one: text with its style, or a list, or a mapping in its
/// written order — each with where it starts. No tags: the typed readers decide what every text means.
/// Sendable by declaration: inferring it through the recursion (a mapping's pairs hold nodes) failed in
/// incremental debug builds.
indirect enum YAMLNode: Sendable {
    case scalar(Scalar)
    case sequence(Sequence)
    case mapping(Mapping)

    /// Line and column (from 1; columns count Unicode scalars, as libyaml does).
    struct Mark: Equatable, Sendable {
        var line: Int
        var column: Int
    }

    /// How a scalar was written: only a plain one can mean "no value" (`~`, `null`) or a number.
    enum ScalarStyle: Sendable { case plain, singleQuoted, doubleQuoted, literal, folded }

    struct Scalar: Sendable {
        var string: String
        var style: ScalarStyle
        var mark: Mark
    }

    struct Sequence: RandomAccessCollection, Sendable {
        var nodes: [YAMLNode]
        var mark: Mark
        var startIndex: Int { nodes.startIndex }
        var endIndex: Int { nodes.endIndex }
        subscript(index: Int) -> YAMLNode { nodes[index] }
    }

    struct Mapping: RandomAccessCollection, Sendable {
        /// A key and its value. A struct, not a tuple: an array of tuples is destroyed through the runtime's
        /// generic tuple code (with the composer's duplicate check, 2 % of planning 2,000 questions).
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
