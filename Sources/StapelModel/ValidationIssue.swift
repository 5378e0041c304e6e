/// One finding of `Validator`: where, what, and how serious.
package struct ValidationIssue: Sendable, Hashable, CustomStringConvertible {
    package enum Severity: String, Sendable, Hashable, Comparable {
        case warning, error
        package static func < (a: Severity, b: Severity) -> Bool { a == .warning && b == .error }
    }

    package var severity: Severity
    package var location: SourceLocation?
    /// Question id, when the issue belongs to one.
    package var question: String?
    /// Row or option id within the question.
    package var item: String?
    /// The field, as written in the data file (`percent`, `mean`, `total.percent[2]` …).
    package var field: String?
    /// The check that failed (`percent`, `sum`, `mean`, `median`, `total`, `selections`, `label` …).
    package var check: String
    package var message: String

    package init(_ severity: Severity, at location: SourceLocation?, question: String? = nil, item: String? = nil,
                field: String? = nil, check: String, _ message: String) {
        self.severity = severity
        self.location = location
        self.question = question
        self.item = item
        self.field = field
        self.check = check
        self.message = message
    }

    /// `file:line:col: error: q05 row 'x' field 'mean': message`.
    package var description: String {
        var s = ""
        if let location { s += "\(location): " }
        s += "\(severity.rawValue): "
        var subject: [String] = []
        if let question { subject.append(question) }
        if let item { subject.append("'\(item)'") }
        if let field { subject.append("field '\(field)'") }
        if !subject.isEmpty { s += subject.joined(separator: " ") + ": " }
        return s + message
    }
}
