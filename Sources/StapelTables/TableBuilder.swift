import StapelModel

/// Builds the `Table` of one question from a `RenderRequest`: which columns each question kind shows,
/// with which headers and notes. The only place in the table writers that reads the label set.
package struct TableBuilder: Sendable {
    package let request: RenderRequest

    package init(_ request: RenderRequest) { self.request = request }

    private var labels: LabelSet { request.labels }
    private var questionID: String { request.question.id }

    package func build() throws -> Table {
        var table: Table
        switch request.question {
        case .singleChoice(let q): table = choiceTable(q, multiple: false)
        case .multipleChoice(let q): table = choiceTable(q, multiple: true)
        case .grid(let q): table = try gridTable(q)
        case .multiSelectGrid(let q): table = try multiSelectTable(q)
        }
        if let note = labels[LabelKey.question(questionID, .note)], !note.allSatisfy(\.isWhitespace) { table.notes.append(note) }
        if let description = labels[LabelKey.question(questionID, .description)], !description.isEmpty { table.notes.append(description) }
        if let source = labels[LabelKey.survey(.source)], !source.isEmpty { table.notes.append(source) }
        return table
    }

    private func table(stubHeader: String, columns: [TableColumn], groups: [ColumnGroup] = [], rows: [TableRow],
                       notes: [String]) -> Table {
        let q = request.question
        let title = labels.displayTitle(of: q)
        var table = Table(surveyID: request.survey.id, questionID: q.id, language: labels.language, title: title,
                          caption: labels.text(LabelKey.question(questionID)), shortCaption: labels[LabelKey.question(questionID, .short)],
                          stubHeader: stubHeader, columns: columns, groups: groups, rows: rows, notes: notes,
                          respondents: q.respondents)
        table.percentDecimals = request.convention.decimals
        return table
    }

    /// The combined note on non-substantive answers: left out of the percent base, kept out of the mean.
    func answerNotes(_ texts: [String], meanShown: Bool, baseSize: Int?) -> [String] {
        labels.answerNotes(for: texts, statisticShown: meanShown, substantiveBase: request.convention.base == .substantive,
                           baseSize: baseSize).map(\.text)
    }

    // MARK: - Choice questions: option × (n, percent)

    func choiceTable(_ q: ChoiceQuestion, multiple: Bool) -> Table {
        let columns = [TableColumn(header: labels.text(.n), measure: .count),
                       TableColumn(header: labels.text(.percent), measure: .percent)]
        let convention = request.convention
        let rows = q.options.map { option in
            let of = q.percentBase(of: option, convention: convention)
            let share = option.percent ?? option.n.map { of > 0 ? Double($0) / Double(of) * 100 : 0 }
            var row = TableRow(kind: .option, id: option.id, stub: labels.text(LabelKey.option(questionID, option.id)),
                               cells: [option.n.map(Double.init), share], respondents: of == q.respondents ? nil : of)
            row.code = option.code
            return row
        }
        var notes = [respondentsNote([q.respondents])]
        if multiple {
            if let selections = q.selections { notes.append(selectionsNote(selections)) }
            notes.append(labels.text(.multipleAllowed))
        }
        notes += answerNotes(q.options.filter { !$0.kind.isSubstantive }.map { labels.text(LabelKey.option(questionID, $0.id)) },
                             meanShown: false, baseSize: q.substantiveCount)
        var t = table(stubHeader: labels.text(.option), columns: columns, rows: rows, notes: notes)
        t.selections = q.selections
        return t
    }

    // MARK: - Grids: statement × scale points (percent), mean, median, Totalt

    func gridTable(_ q: GridQuestion) throws -> Table {
        guard let scale = request.survey.scale(q.scaleID) else {
            throw TableError.unknownScale(question: q.id, scale: q.scaleID)
        }
        var columns = scale.points.map { point in
            let label = labels.text(LabelKey.point(scale.id, point.id))
            return TableColumn(header: label, flatHeader: labels.text(.percentOf, ["label": label]),
                               measure: .percent, option: TableKey(id: point.id, label: label, code: point.code),
                               setApart: point.notApplicable)
        }
        var groups = [ColumnGroup(title: labels.text(.percent), columns: 0..<columns.count)]
        // Counts, where the data gives them: always in the data formats, in print when the style asks.
        let hasCounts = q.rows.contains { $0.counts?.count == scale.points.count }
        if hasCounts {
            let first = columns.count
            for point in scale.points {
                let label = labels.text(LabelKey.point(scale.id, point.id))
                var column = TableColumn(header: label, flatHeader: labels.text(.columnInGroup, ["group": label, "label": labels.text(.n)]),
                                         measure: .count, option: TableKey(id: point.id, label: label, code: point.code),
                                         setApart: point.notApplicable)
                column.printed = request.style.resolved(for: q.id).tables.counts
                columns.append(column)
            }
            groups.append(ColumnGroup(title: labels.text(.n), columns: first..<columns.count))
        }
        let all = q.rows + (q.total.map { [$0] } ?? [])
        let hasMean = all.contains { $0.mean != nil }
        let hasMedian = all.contains { $0.median != nil }
        if hasMean { columns.append(TableColumn(header: labels.text(.mean), measure: .mean)) }
        if hasMedian { columns.append(TableColumn(header: labels.text(.median), measure: .median)) }

        func row(_ r: GridRow, kind: TableRow.Kind) throws -> TableRow {
            let id = kind == .total ? TableRow.totalID : r.id
            guard r.percents.count == scale.points.count else {
                throw TableError.shape(question: q.id, row: id, found: r.percents.count,
                                       expected: scale.points.count, what: "points of scale '\(scale.id)'")
            }
            let counts = r.counts.flatMap { $0.count == scale.points.count ? $0 : nil }
            var cells: [Double?] = r.percents
            if hasCounts { cells += scale.points.indices.map { j in counts.map { Double($0[j]) } } }
            if hasMean { cells.append(r.mean) }
            if hasMedian { cells.append(r.median) }
            let stub = kind == .total ? labels.text(.total) : labels.text(LabelKey.row(questionID, r.id))
            // The answers behind the row: its given counts, else its stated respondents.
            let answered = counts.map { $0.reduce(0, +) } ?? r.respondents
            var tableRow = TableRow(kind: kind, id: id, stub: stub, cells: cells, respondents: answered == q.respondents ? nil : answered)
            let base = q.base(of: r, points: scale.points.count, convention: request.convention, isTotal: kind == .total)
            tableRow.base = base.n
            tableRow.lowBase = kind != .total && base.isLow(threshold: lowBase)
            return tableRow
        }
        let lowBase = request.style.resolved(for: q.id).grid.lowBase
        var rows = try q.rows.map { try row($0, kind: .statement) }
        if let total = q.total { rows.append(try row(total, kind: .total)) }

        var notes = [respondentsNote(rows.filter { $0.kind != .total }.map { $0.respondents ?? q.respondents })]
        notes += answerNotes(scale.points.filter(\.notApplicable).map { labels.text(LabelKey.point(scale.id, $0.id)) },
                             meanShown: hasMean || hasMedian, baseSize: nil)
        if rows.contains(where: \.lowBase) {
            notes.append(Table.lowBaseMarker + "\u{00A0}" + labels.text(.lowBase, ["n": request.numberFormat.integer(lowBase)]))
        }
        return table(stubHeader: labels.text(.statement), columns: columns, groups: groups, rows: rows, notes: notes)
    }

    // MARK: - Multi-select grids: statement × columns (count and share of respondents), Totalt

    func multiSelectTable(_ q: MultiSelectGridQuestion) throws -> Table {
        var columns: [TableColumn] = []
        var groups: [ColumnGroup] = []
        for column in q.columns {
            let label = labels.text(LabelKey.column(questionID, column))
            let key = TableKey(id: column, label: label)
            let count = labels.text(.n), share = labels.text(.percent)
            groups.append(ColumnGroup(title: label, columns: columns.count..<columns.count + 2))
            columns.append(TableColumn(header: count, flatHeader: labels.text(.columnInGroup, ["group": label, "label": count]),
                                       measure: .count, option: key))
            columns.append(TableColumn(header: share, flatHeader: labels.text(.columnInGroup, ["group": label, "label": share]),
                                       measure: .percent, option: key))
        }
        let all = q.rows + (q.total.map { [$0] } ?? [])
        let hasMean = all.contains { $0.mean != nil }
        let hasMedian = all.contains { $0.median != nil }
        if hasMean { columns.append(TableColumn(header: labels.text(.mean), measure: .mean)) }
        if hasMedian { columns.append(TableColumn(header: labels.text(.median), measure: .median)) }

        func row(_ r: MultiSelectRow, kind: TableRow.Kind) throws -> TableRow {
            let id = kind == .total ? TableRow.totalID : r.id
            guard r.counts.count == q.columns.count else {
                throw TableError.shape(question: q.id, row: id, found: r.counts.count, expected: q.columns.count,
                                       what: "columns")
            }
            let base = r.respondents ?? q.respondents
            var cells: [Double?] = []
            for n in r.counts {
                cells.append(Double(n))
                // A total sums selections over statements; a share of respondents would exceed 100 % and mean nothing.
                cells.append(kind == .total || base <= 0 ? nil : Double(n) / Double(base) * 100)
            }
            if hasMean { cells.append(r.mean) }
            if hasMedian { cells.append(r.median) }
            let stub = kind == .total ? labels.text(.total) : labels.text(LabelKey.row(questionID, r.id))
            return TableRow(kind: kind, id: id, stub: stub, cells: cells, respondents: r.respondents)
        }
        var rows = try q.rows.map { try row($0, kind: .statement) }
        if let total = q.total { rows.append(try row(total, kind: .total)) }

        var notes = [respondentsNote(q.rows.map { $0.respondents ?? q.respondents })]
        if let selections = q.selections { notes.append(selectionsNote(selections)) }
        notes.append(labels.text(.multiplePerRow))
        return table(stubHeader: labels.text(.statement), columns: columns, groups: groups, rows: rows, notes: notes)
    }

    // MARK: - Notes

    /// "Antal svar: 137", or the range when rows rest on different numbers of answers.
    func respondentsNote(_ counts: [Int]) -> String {
        let lo = counts.min() ?? request.question.respondents, hi = counts.max() ?? request.question.respondents
        let format = request.numberFormat
        if lo == hi { return labels.text(.respondents, ["n": format.integer(lo)]) }
        return labels.text(.respondentsRange, ["min": format.integer(lo), "max": format.integer(hi)])
    }

    func selectionsNote(_ selections: Int) -> String {
        labels.text(.selections, ["n": request.numberFormat.integer(selections)])
    }
}
