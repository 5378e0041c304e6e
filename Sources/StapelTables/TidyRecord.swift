/// One record of the tidy (long) layout: question × statement × option, with its numbers.
/// Derived from a `Table`, so the tidy CSV and the printed layouts cannot disagree.
package struct TidyRecord: Sendable, Hashable {
    /// The statement (grid row or "Totalt"), nil for choice questions.
    package var statement: TableKey?
    package var option: TableKey
    package var values: [Measure: Double]
    package var respondents: Int

    package init(statement: TableKey?, option: TableKey, values: [Measure: Double], respondents: Int) {
        self.statement = statement
        self.option = option
        self.values = values
        self.respondents = respondents
    }
}

extension Table {
    /// The table as tidy records: one per option row of a choice question, one per statement × option of a
    /// grid. A row's mean and median, which belong to the statement, repeat on each of its records.
    package var tidyRecords: [TidyRecord] {
        var records: [TidyRecord] = []
        for row in rows {
            let respondents = row.respondents ?? self.respondents
            if row.kind == .option {
                var values: [Measure: Double] = [:]
                for (column, cell) in zip(columns, row.cells) { if let cell { values[column.measure] = cell } }
                records.append(TidyRecord(statement: nil, option: TableKey(id: row.id, label: row.stub, code: row.code),
                                          values: values, respondents: respondents))
                continue
            }
            var rowValues: [Measure: Double] = [:]
            var options: [TableKey] = []
            var optionValues: [String: [Measure: Double]] = [:]
            for (column, cell) in zip(columns, row.cells) {
                guard let option = column.option else {
                    if let cell { rowValues[column.measure] = cell }
                    continue
                }
                if optionValues[option.id] == nil {
                    options.append(option)
                    optionValues[option.id] = [:]
                }
                if let cell { optionValues[option.id]?[column.measure] = cell }
            }
            let statement = TableKey(id: row.id, label: row.stub)
            for option in options {
                let values = (optionValues[option.id] ?? [:]).merging(rowValues) { own, _ in own }
                records.append(TidyRecord(statement: statement, option: option, values: values, respondents: respondents))
            }
        }
        return records
    }
}
