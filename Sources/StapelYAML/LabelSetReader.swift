import StapelModel

/// Reads a label set file (`stapel-labels/1`): nested mappings of strings, flattened to dotted keys.
public enum LabelSetReader {
    public static let formatName = "stapel-labels/1"

    public static func read(_ text: String, file: String) throws -> LabelSet {
        let root = try YAMLReader.parse(text, file: file)
        var language: String?
        var entries: [String: String] = [:]
        var locations: [String: SourceLocation] = [:]
        for (key, value) in try root.mapping() {
            switch key {
            case "format":
                let format = try value.string()
                guard format == formatName else { throw value.error("unsupported format '\(format)'; expected '\(formatName)'") }
            case "language":
                language = try value.string()
            default:
                try flatten(value, prefix: key, into: &entries, locations: &locations)
            }
        }
        guard let language else { throw root.error("missing required field 'language'") }
        return LabelSet(language: language, entries: entries, locations: locations)
    }

    static func flatten(_ reader: YAMLReader, prefix: String, into entries: inout [String: String],
                        locations: inout [String: SourceLocation]) throws {
        switch reader.node {
        case .scalar(let scalar):
            // A bare `null` or `~` is YAML's "no value", never a label: it would print as "null".
            if scalar.style == .plain, ["~", "null", "Null", "NULL"].contains(scalar.string) {
                throw reader.error("label '\(prefix)' is null; write its text (in quotes if it is literally \"\(scalar.string)\"), or remove the key")
            }
            entries[prefix] = try reader.text()
            locations[prefix] = reader.location
        case .mapping:
            for (key, value) in try reader.mapping() {
                try flatten(value, prefix: "\(prefix).\(key)", into: &entries, locations: &locations)
            }
        default:
            throw reader.error("expected text or a mapping of labels, found \(reader.kindName)")
        }
    }
}
