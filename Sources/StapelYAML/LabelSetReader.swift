import Foundation
import StapelModel

/// Reads a label set file (`stapel-labels/1`): nested mappings of strings, flattened to dotted keys.
package enum LabelSetReader {
    package static let formatName = "stapel-labels/1"

    package static func read(_ text: String, file: String) throws -> LabelSet {
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
                let code = try value.string()
                guard LanguageCode.isValid(code) else { throw value.error(LanguageCode.problem(code)) }
                language = code
            default:
                try flatten(value, prefix: key, into: &entries, locations: &locations)
            }
        }
        guard let language else { throw root.error("missing required field 'language'") }
        try checkNumberFormat(root)
        try checkQuote(root)
        return LabelSet(language: language, entries: entries, locations: locations)
    }

    /// The `number.*` entries reach every figure and table unescaped by the number writers' own rules, so they
    /// are held to their purpose: separators of one to three symbols (no letters, digits or braces), a minimum
    /// of 1 to 9 grouping digits, a percent pattern holding `{value}` exactly once.
    static func checkNumberFormat(_ root: YAMLReader) throws {
        guard let number = try root.optional("number") else { return }
        for (key, value) in try number.mapping(allowed: ["decimal-separator", "group-separator", "group-minimum-digits", "percent"]) {
            let text = try value.text()
            func symbols(_ range: ClosedRange<Int>) -> Bool {
                range.contains(text.count) && text.allSatisfy { !$0.isLetter && !$0.isNumber && $0 != "{" && $0 != "}" && !$0.isNewline }
            }
            switch key {
            case "decimal-separator":
                guard symbols(1...3), !text.allSatisfy(\.isWhitespace) else {
                    throw value.error("the decimal separator is one to three symbols such as \",\" or \".\" (no letters, digits, braces or line breaks); found \"\(LabelText.visible(text, limit: 20))\"")
                }
            case "group-separator":
                guard symbols(0...3) else {
                    throw value.error("the group separator is up to three symbols or spaces such as \",\", \".\" or \"\\u00A0\" (no letters, digits, braces or line breaks); found \"\(LabelText.visible(text, limit: 20))\"")
                }
            case "group-minimum-digits":
                guard let n = Int(text.trimmingCharacters(in: .whitespaces)), (1...9).contains(n) else {
                    throw value.error("expected a whole number of digits from 1 to 9, found \"\(LabelText.visible(text, limit: 20))\"")
                }
            default:   // percent
                let parts = text.components(separatedBy: "{value}")
                guard parts.count == 2 else {
                    throw value.error(parts.count < 2
                        ? "the percent pattern has no {value} placeholder, so every percent would vanish; write e.g. \"{value} %\""
                        : "the percent pattern has {value} more than once")
                }
                guard parts.joined().count <= 12, !parts.joined().contains(where: { $0.isNewline || $0 == "{" || $0 == "}" }) else {
                    throw value.error("the percent pattern is {value} with at most 12 other characters on one line, such as \"{value} %\"")
                }
            }
        }
    }

    /// `ui.quote` wraps every answer a note names: it holds `{label}` exactly once, with at most six quotation
    /// marks or spaces around it, so that no answer vanishes from a note and nothing else rides along.
    static func checkQuote(_ root: YAMLReader) throws {
        guard let ui = try root.optional("ui"), case .mapping = ui.node, let quote = try ui.optional("quote") else { return }
        let parts = try quote.text().components(separatedBy: "{label}")
        guard parts.count == 2 else {
            throw quote.error("the quotation pattern holds {label} exactly once, such as \"”{label}”\"")
        }
        guard parts.joined().count <= 6, !parts.joined().contains(where: { $0.isLetter || $0.isNumber || $0.isNewline || "{}<>&\\".contains($0) }) else {
            throw quote.error("the quotation pattern is {label} between at most six quotation marks or spaces, such as \"„{label}“\"")
        }
    }

    static func flatten(_ reader: YAMLReader, prefix: String, into entries: inout [String: String],
                        locations: inout [String: SourceLocation]) throws {
        switch reader.node {
        case .scalar(let scalar):
            // A bare `null` or `~` is YAML's "no value", never a label: it would print as "null".
            if scalar.style == .plain, ["~", "null", "Null", "NULL"].contains(scalar.string) {
                throw reader.error("label '\(prefix)' is null; write its text (in quotes if it is literally \"\(scalar.string)\"), or remove the key")
            }
            let text = try reader.text()
            if let problem = LabelText.problem(text) { throw reader.error("label '\(prefix)' \(problem)") }
            if entries.count >= InputLimits.maxLabelEntries {
                throw reader.error("more than \(InputLimits.maxLabelEntries) labels in one set; refused")
            }
            entries[prefix] = text
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
