/// Why a table cannot be written: data that does not fit the question's shape, an unknown option value,
/// or a character the output format cannot carry.
package enum TableError: Error, Equatable, CustomStringConvertible, Sendable {
    case unknownScale(question: String, scale: String)
    case shape(question: String, row: String, found: Int, expected: Int, what: String)
    case unknownOption(name: String, value: String, allowed: [String])
    case unsupportedCharacter(format: String, scalar: UInt32, text: String)

    package var description: String {
        switch self {
        case .unknownScale(let q, let scale):
            "error: question \(q) uses scale '\(scale)', which the survey does not declare"
        case .shape(let q, let row, let found, let expected, let what):
            "error: question \(q), row '\(row)': \(found) values for \(expected) \(what)"
        case .unknownOption(let name, let value, let allowed):
            "error: unknown \(name) '\(value)'; use one of: \(allowed.joined(separator: ", "))"
        case .unsupportedCharacter(let format, let scalar, let text):
            "error: \(format) cannot typeset U+\(hex(scalar)) in the label \"\(excerpt(text))\"; "
                + "change the label or write a format that can carry it"
        }
    }
}

private func hex(_ value: UInt32) -> String {
    let digits = String(value, radix: 16, uppercase: true)
    return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
}

private func excerpt(_ text: String) -> String {
    text.count <= 60 ? text : String(text.prefix(57)) + "..."
}
