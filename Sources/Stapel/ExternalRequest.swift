/// The JSON an external backend reads on standard input (format `stapel-backend-request/1`, documented in
/// Docs/external-backends.md): one question with its labels already resolved for the language, each number both
/// raw (`value`) and formatted for the language (`text`), the style's values and the render options.
/// The program needs no YAML, no label files and no number formatting of its own.
public struct ExternalRequest: Sendable {
    public static let format = "stapel-backend-request/1"

    public let value: CanonicalValue

    public init(_ request: RenderRequest, backend: String) {
        let labels = request.labels
        let numbers = request.numberFormat
        let survey = request.survey
        func label(_ key: String) -> CanonicalValue { labels[key].map { .string($0) } ?? .null }
        func count(_ n: Int?) -> CanonicalValue {
            guard let n else { return .null }
            return .object([.init("value", .integer(n)), .init("text", .string(numbers.integer(n)))])
        }
        func percent(_ p: Double?) -> CanonicalValue {
            guard let p else { return .null }
            return .object([.init("value", .number(p)), .init("text", .string(numbers.percent(p, decimals: 1)))])
        }
        func decimal(_ d: Double?) -> CanonicalValue {
            guard let d else { return .null }
            return .object([.init("value", .number(d)), .init("text", .string(numbers.decimal(d, decimals: 1)))])
        }

        let question = request.question
        let base = "questions.\(question.id)"
        var q: [CanonicalValue.Member] = [
            .init("id", .string(question.id)),
            .init("kind", .string(question.kindName)),
            .init("number", question.number.map { .integer($0) } ?? .null),
            .init("text", label("\(base).text")),
            .init("description", label("\(base).description")),
            .init("respondents", count(question.respondents)),
        ]
        switch question {
        case .singleChoice(let c), .multipleChoice(let c):
            q.append(.init("selections", count(c.selections)))
            q.append(.init("options", .array(c.options.map { option in
                .object([
                    .init("id", .string(option.id)),
                    .init("label", label("\(base).options.\(option.id)")),
                    .init("other", .bool(option.isOther)),
                    .init("n", count(option.n)),
                    .init("percent", percent(option.share(of: c.respondents))),
                ])
            })))
        case .grid(let g):
            let scale = survey.scale(g.scaleID)
            q.append(.init("scale", .object([
                .init("id", .string(g.scaleID)),
                .init("points", .array((scale?.points ?? []).map { point in
                    .object([
                        .init("id", .string(point.id)),
                        .init("label", label("scales.\(g.scaleID).\(point.id)")),
                        .init("score", decimal(point.score)),
                        .init("not-applicable", .bool(point.notApplicable)),
                    ])
                })),
            ])))
            func row(_ r: GridRow, label rowLabel: CanonicalValue) -> CanonicalValue {
                .object([
                    .init("id", .string(r.id)),
                    .init("label", rowLabel),
                    .init("other", .bool(r.isOther)),
                    .init("respondents", count(r.respondents ?? g.respondents)),
                    .init("percent", .array(r.percents.map { percent($0) })),
                    .init("n", r.counts.map { .array($0.map { count($0) }) } ?? .null),
                    .init("mean", decimal(r.mean)),
                    .init("median", decimal(r.median)),
                ])
            }
            q.append(.init("rows", .array(g.rows.map { row($0, label: label("\(base).rows.\($0.id)")) })))
            q.append(.init("total", g.total.map { row($0, label: label("ui.total")) } ?? .null))
        case .multiSelectGrid(let m):
            q.append(.init("selections", count(m.selections)))
            q.append(.init("columns", .array(m.columns.enumerated().map { index, column in
                .object([
                    .init("id", .string(column)),
                    .init("label", label("\(base).columns.\(column)")),
                    .init("score", decimal(m.scores.flatMap { index < $0.count ? $0[index] : nil })),
                ])
            })))
            func row(_ r: MultiSelectRow, label rowLabel: CanonicalValue) -> CanonicalValue {
                let answered = r.respondents ?? m.respondents
                return .object([
                    .init("id", .string(r.id)),
                    .init("label", rowLabel),
                    .init("other", .bool(r.isOther)),
                    .init("respondents", count(answered)),
                    .init("n", .array(r.counts.map { count($0) })),
                    .init("percent", .array(r.counts.map { answered > 0 ? percent(Double($0) / Double(answered) * 100) : .null })),
                    .init("mean", decimal(r.mean)),
                    .init("median", decimal(r.median)),
                ])
            }
            q.append(.init("rows", .array(m.rows.map { row($0, label: label("\(base).rows.\($0.id)")) })))
            q.append(.init("total", m.total.map { row($0, label: label("ui.total")) } ?? .null))
        }

        let options = CanonicalValue(reflecting: request.options).kebabCased
        var style = request.style.resolved(for: question.id)
        style.questionStyles = [:]
        var styleValue = CanonicalValue(reflecting: style).kebabCased
        if case .object(let members) = styleValue {
            styleValue = .object(members.filter { $0.name != "question-styles" })
        }
        value = .object([
            .init("format", .string(ExternalRequest.format)),
            .init("stapel-version", .string(StapelVersion.current)),
            .init("backend", .string(backend)),
            .init("language", .string(labels.language)),
            .init("number-format", .object([
                .init("decimal-separator", .string(numbers.decimalSeparator)),
                .init("group-separator", .string(numbers.groupSeparator)),
                .init("percent-pattern", .string(numbers.percentPattern)),
                .init("group-minimum-digits", .integer(numbers.groupMinimumDigits)),
            ])),
            .init("survey", .object([
                .init("id", .string(survey.id)),
                .init("year", survey.year.map { .integer($0) } ?? .null),
                .init("reference", survey.reference.map { .string($0) } ?? .null),
                .init("respondents", count(survey.respondents)),
                .init("title", label("survey.title")),
                .init("subtitle", label("survey.subtitle")),
                .init("publisher", label("survey.publisher")),
                .init("source", label("survey.source")),
            ])),
            .init("question", .object(q)),
            .init("labels", .object(labels.entries.keys.sorted().map { .init($0, .string(labels.entries[$0]!)) })),
            .init("style", styleValue),
            .init("options", options),
        ])
    }
}
