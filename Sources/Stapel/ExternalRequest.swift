import Foundation
import StapelBackendProtocol

/// The request an external backend reads on standard input: `BackendRequestV2` (format
/// `stapel-backend-request/2`, the versioned `Codable` type of StapelBackendProtocol, documented in
/// Docs/external-backends.md) built from one question-scoped request. The program needs no YAML, no label
/// files and no number formatting of its own.
package struct ExternalRequest: Sendable {
    package static let format = BackendRequestV2.format

    package let value: BackendRequestV2

    package init(_ request: RenderRequest, backend: String) {
        let labels = request.labels
        let numbers = request.numberFormat
        let decimals = request.convention.decimals
        let survey = request.survey
        func count(_ n: Int) -> NumberV2 { NumberV2(value: Double(n), text: numbers.integer(n)) }
        func percent(_ p: Double) -> NumberV2 { NumberV2(value: p, text: numbers.percent(p, decimals: decimals)) }
        func decimal(_ d: Double) -> NumberV2 { NumberV2(value: d, text: numbers.decimal(d, decimals: 1)) }

        let question = request.question
        let questionID = question.id
        let title = labels.displayTitle(of: question)
        var q = QuestionV2(id: question.id, kind: question.kindName, title: title, text: labels[LabelKey.question(questionID)],
                           description: labels[LabelKey.question(questionID, .description)], respondents: count(question.respondents))
        var scaleColors: [String] = []
        switch question {
        case .singleChoice(let c), .multipleChoice(let c):
            let convention = request.convention
            q.selections = c.selections.map(count)
            q.options = c.options.map { o in
                let of = c.percentBase(of: o, convention: convention)
                let share = o.percent ?? o.n.map { of > 0 ? Double($0) / Double(of) * 100 : 0 }
                return OptionV2(id: o.id, label: labels[LabelKey.option(questionID, o.id)], code: o.code, kind: o.kind.yamlName,
                                other: o.isOther, exclusive: o.isExclusive, n: o.n.map(count), percent: share.map(percent))
            }
        case .grid(let g):
            if let scale = survey.scale(g.scaleID) {
                q.scale = ScaleV2(id: scale.id, polarity: scale.polarity.rawValue, points: scale.points.map { p in
                    PointV2(id: p.id, label: labels[LabelKey.point(scale.id, p.id)], code: p.code, kind: p.kind.yamlName,
                            score: p.score.map(decimal))
                })
                scaleColors = request.style.colors.palette(points: scale.applicableIndices.count, polarity: scale.polarity)
                    .map(\.description)
            }
            func row(_ r: GridRow, label: String?) -> RowV2 {
                RowV2(id: r.id, label: label, other: r.isOther,
                      respondents: count(r.counts.map { $0.reduce(0, +) } ?? r.respondents ?? g.respondents),
                      percent: r.percents.map(percent), n: r.counts.map { $0.map(count) },
                      mean: r.mean.map(decimal), median: r.median.map(decimal))
            }
            q.rows = g.rows.map { row($0, label: labels[LabelKey.row(questionID, $0.id)]) }
            q.total = g.total.map { row($0, label: labels[.total]) }
        case .multiSelectGrid(let m):
            q.selections = m.selections.map(count)
            q.columns = m.columns.enumerated().map { index, column in
                ColumnV2(id: column, label: labels[LabelKey.column(questionID, column)],
                         score: m.scores.flatMap { index < $0.count ? decimal($0[index]) : nil })
            }
            func row(_ r: MultiSelectRow, label: String?) -> RowV2 {
                let answered = r.respondents ?? m.respondents
                return RowV2(id: r.id, label: label, other: r.isOther, respondents: count(answered),
                             percent: r.counts.map { answered > 0 ? percent(Double($0) / Double(answered) * 100) : nil },
                             n: r.counts.map(count), mean: r.mean.map(decimal), median: r.median.map(decimal))
            }
            q.rows = m.rows.map { row($0, label: labels[LabelKey.row(questionID, $0.id)]) }
            q.total = m.total.map { row($0, label: labels[.total]) }
        }
        let style = request.style.resolved(for: question.id)
        let colors = style.colors
        value = BackendRequestV2(
            stapelVersion: StapelVersion.current, backend: backend, language: labels.language,
            numberFormat: NumberFormatV2(decimalSeparator: numbers.decimalSeparator, groupSeparator: numbers.groupSeparator,
                                         percentPattern: numbers.percentPattern, groupMinimumDigits: numbers.groupMinimumDigits),
            survey: SurveyV2(id: survey.id, year: survey.year, reference: survey.reference, respondents: survey.respondents.map(count),
                             title: labels[LabelKey.survey(.title)], subtitle: labels[LabelKey.survey(.subtitle)],
                             publisher: labels[LabelKey.survey(.publisher)], source: labels[LabelKey.survey(.source)]),
            question: q, labels: labels.entries,
            style: StyleV2(name: style.name, widthMM: style.page.widthMM, dpi: style.page.dpi, fontFamily: style.fonts.family,
                           colors: ["background": colors.background.description, "text": colors.text.description,
                                    "muted-text": colors.mutedText.description, "bar": colors.bar.description],
                           scaleColors: scaleColors),
            // Every option a built-in backend declares, set or default: an external program may read any of them.
            options: Dictionary(uniqueKeysWithValues: BackendRegistry.builtIn.options.map { ($0.name, $0.text(in: request.options)) }))
    }

    /// The request as JSON with sorted keys: the same request gives the same bytes.
    package func json() -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return Array((try? encoder.encode(value)) ?? Data())
    }
}
