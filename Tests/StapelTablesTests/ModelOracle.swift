import Foundation
import Stapel

/// What each table must show, worked out from the survey model alone (not from `TableBuilder`), so that the
/// round-trip tests compare every writer's output with the data rather than with itself.
enum ModelOracle {
    /// One number as a table prints it: the value and its decimals.
    struct Value: Equatable {
        let value: Double?
        let decimals: Int
    }

    /// One printed row: its stub label key (nil for "Totalt") and its numbers in column order.
    struct Row {
        let id: String
        let labelKey: String?
        let values: [Value]
    }

    /// One record of the tidy layout.
    struct Record {
        let statementID: String
        let statementKey: String?
        let optionID: String
        let optionKey: String
        let n: Double?
        let percent: Double?
        let respondents: Int
        let mean: Double?
        let median: Double?
        var optionCode: String? = nil
        var selections: Int? = nil
    }

    static func rows(_ question: Question, in survey: Survey) -> [Row] {
        let base = "questions.\(question.id)"
        switch question {
        case .singleChoice(let q), .multipleChoice(let q):
            return q.options.map { o in
                let percent = o.percent ?? o.n.map { Double($0) / Double(q.respondents) * 100 }
                return Row(id: o.id, labelKey: "\(base).options.\(o.id)",
                           values: [Value(value: o.n.map(Double.init), decimals: 0), Value(value: percent, decimals: 1)])
            }
        case .grid(let q):
            let all = q.rows + (q.total.map { [$0] } ?? [])
            let hasMean = all.contains { $0.mean != nil }, hasMedian = all.contains { $0.median != nil }
            return all.enumerated().map { i, r in
                let isTotal = i == q.rows.count
                var values = r.percents.map { Value(value: $0, decimals: 1) }
                if q.rows.contains(where: { $0.counts != nil }) {
                    values += r.percents.indices.map { j in Value(value: r.counts.map { Double($0[j]) }, decimals: 0) }
                }
                if hasMean { values.append(Value(value: r.mean, decimals: 1)) }
                if hasMedian { values.append(Value(value: r.median, decimals: 1)) }
                return Row(id: isTotal ? "_total" : r.id, labelKey: isTotal ? nil : "\(base).rows.\(r.id)", values: values)
            }
        case .multiSelectGrid(let q):
            let all = q.rows + (q.total.map { [$0] } ?? [])
            let hasMean = all.contains { $0.mean != nil }, hasMedian = all.contains { $0.median != nil }
            return all.enumerated().map { i, r in
                let isTotal = i == q.rows.count
                let respondents = Double(r.respondents ?? q.respondents)
                var values: [Value] = []
                for n in r.counts {
                    values.append(Value(value: Double(n), decimals: 0))
                    values.append(Value(value: isTotal ? nil : Double(n) / respondents * 100, decimals: 1))
                }
                if hasMean { values.append(Value(value: r.mean, decimals: 1)) }
                if hasMedian { values.append(Value(value: r.median, decimals: 1)) }
                return Row(id: isTotal ? "_total" : r.id, labelKey: isTotal ? nil : "\(base).rows.\(r.id)", values: values)
            }
        }
    }

    static func records(_ question: Question, in survey: Survey) -> [Record] {
        let base = "questions.\(question.id)"
        switch question {
        case .singleChoice(let q), .multipleChoice(let q):
            return q.options.map { o in
                Record(statementID: "", statementKey: nil, optionID: o.id, optionKey: "\(base).options.\(o.id)",
                       n: o.n.map(Double.init), percent: o.percent ?? o.n.map { Double($0) / Double(q.respondents) * 100 },
                       respondents: q.respondents, mean: nil, median: nil, optionCode: o.code, selections: q.selections)
            }
        case .grid(let q):
            guard let scale = survey.scale(q.scaleID) else { return [] }
            let all = q.rows + (q.total.map { [$0] } ?? [])
            return all.enumerated().flatMap { i, r in
                let isTotal = i == q.rows.count
                return scale.points.enumerated().map { j, point in
                    Record(statementID: isTotal ? "_total" : r.id, statementKey: isTotal ? nil : "\(base).rows.\(r.id)",
                           optionID: point.id, optionKey: "scales.\(scale.id).\(point.id)", n: r.counts.map { Double($0[j]) },
                           percent: r.percents[j], respondents: r.counts.map { $0.reduce(0, +) } ?? r.respondents ?? q.respondents,
                           mean: r.mean, median: r.median, optionCode: point.code)
                }
            }
        case .multiSelectGrid(let q):
            let all = q.rows + (q.total.map { [$0] } ?? [])
            return all.enumerated().flatMap { i, r in
                let isTotal = i == q.rows.count
                let respondents = r.respondents ?? q.respondents
                return q.columns.enumerated().map { j, column in
                    Record(statementID: isTotal ? "_total" : r.id, statementKey: isTotal ? nil : "\(base).rows.\(r.id)",
                           optionID: column, optionKey: "\(base).columns.\(column)", n: Double(r.counts[j]),
                           percent: isTotal ? nil : Double(r.counts[j]) / Double(respondents) * 100,
                           respondents: respondents, mean: r.mean, median: r.median)
                }
            }
        }
    }
}

extension ModelOracle.Value {
    /// How the value reads with `marker` as the decimal marker, or nil for an empty cell.
    func text(marker: String) -> String? {
        value.map { NumberFormat.plain($0, decimals: decimals).replacingOccurrences(of: ".", with: marker) }
    }
}
