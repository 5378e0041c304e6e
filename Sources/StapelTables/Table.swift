import StapelModel

/// One question's table, normalised once from the data and one label set: header cells, row stubs and
/// numeric cells with their raw value and measure. The CSV, LaTeX and Markdown writers only lay it out.
package struct Table: Sendable, Hashable {
    package var surveyID: String
    package var questionID: String
    /// Language code of the label set the texts come from.
    package var language: String
    /// "Fråga 1", or nil when the question id carries no number.
    package var title: String?
    /// The question text.
    package var caption: String
    /// A shorter caption for lists of tables, when the label set has one.
    package var shortCaption: String?
    /// Header of the row stub ("Svarsalternativ", "Påstående").
    package var stubHeader: String
    package var columns: [TableColumn]
    /// Spanners over neighbouring columns ("Andel (%)" over the scale points).
    package var groups: [ColumnGroup]
    package var rows: [TableRow]
    /// Sentences printed under the table (respondents, "several answers allowed", source …).
    package var notes: [String]
    /// The question's respondents; a row may have its own.
    package var respondents: Int
    /// Decimals of percents, as the survey prints them (means and medians keep one).
    package var percentDecimals = 1
    /// The selections of a multiple-choice question's options together ("Valda alternativ"), when printed.
    package var selections: Int?

    /// Digits after the decimal marker for numbers of `measure`.
    package func decimals(_ measure: Measure) -> Int { measure == .percent ? percentDecimals : measure.decimals }

    /// The table without the columns that only data formats carry (count columns a style does not print):
    /// what LaTeX, Markdown and HTML lay out.
    package var printed: Table {
        var t = self
        for i in t.rows.indices where t.rows[i].lowBase { t.rows[i].stub += "\u{00A0}" + Table.lowBaseMarker }
        let keep = columns.indices.filter { columns[$0].printed }
        guard keep.count < columns.count else { return t }
        t.columns = keep.map { columns[$0] }
        t.rows = t.rows.map { r in
            var row = r
            row.cells = keep.map { $0 < r.cells.count ? r.cells[$0] : nil }
            return row
        }
        t.groups = groups.compactMap { g in
            let inside = keep.enumerated().filter { g.columns.contains($0.element) }.map(\.offset)
            guard let lo = inside.first, let hi = inside.last else { return nil }
            return ColumnGroup(title: g.title, columns: lo..<hi + 1)
        }
        return t
    }

    package init(surveyID: String, questionID: String, language: String, title: String?, caption: String,
                shortCaption: String?, stubHeader: String, columns: [TableColumn], groups: [ColumnGroup],
                rows: [TableRow], notes: [String], respondents: Int) {
        self.surveyID = surveyID
        self.questionID = questionID
        self.language = language
        self.title = title
        self.caption = caption
        self.shortCaption = shortCaption
        self.stubHeader = stubHeader
        self.columns = columns
        self.groups = groups
        self.rows = rows
        self.notes = notes
        self.respondents = respondents
    }

    /// The marker after the stub of a row on a low base (the same as the charts').
    package static let lowBaseMarker = "*"

    /// The group a column belongs to, if any.
    package func group(of column: Int) -> ColumnGroup? { groups.first { $0.columns.contains(column) } }
}

/// What a number in a table is: decides its decimals and where the tidy CSV layout files it.
package enum Measure: String, Sendable, Hashable, CaseIterable {
    case count = "n"
    case percent
    case mean
    case median

    /// Digits after the decimal marker: counts are whole, shares and scores have one decimal.
    package var decimals: Int { self == .count ? 0 : 1 }
}

/// An id with its visible label (an answer option, a scale point, a statement).
package struct TableKey: Sendable, Hashable {
    package var id: String
    package var label: String
    /// The questionnaire's code, where the data gives one.
    package var code: String?

    package init(id: String, label: String, code: String? = nil) {
        self.id = id
        self.label = label
        self.code = code
    }
}

/// One numeric column.
package struct TableColumn: Sendable, Hashable {
    /// The header under its spanner ("Inget hinder", "Antal").
    package var header: String
    /// A self-contained header for formats with a single header row ("Inget hinder (%)").
    package var flatHeader: String
    package var measure: Measure
    /// The answer option whose numbers the column holds (grids); nil when the rows are the options.
    package var option: TableKey?
    /// A "not applicable" point: shown for itself and kept out of mean and median.
    package var setApart: Bool
    /// Laid out by the printed formats (LaTeX, Markdown, HTML); data formats (CSV) carry every column.
    package var printed = true

    package init(header: String, flatHeader: String? = nil, measure: Measure, option: TableKey? = nil,
                setApart: Bool = false) {
        self.header = header
        self.flatHeader = flatHeader ?? header
        self.measure = measure
        self.option = option
        self.setApart = setApart
    }
}

/// A spanner header over neighbouring columns.
package struct ColumnGroup: Sendable, Hashable {
    package var title: String
    package var columns: Range<Int>

    package init(title: String, columns: Range<Int>) {
        self.title = title
        self.columns = columns
    }
}

/// One body row: an answer option (choice questions), a statement (grids) or the "Totalt" row.
package struct TableRow: Sendable, Hashable {
    /// What a row stands for.
    package enum Kind: Sendable, Hashable {
        case option
        case statement
        case total
    }

    package var kind: Kind
    /// The option or statement id; `TableRow.totalID` for the "Totalt" row.
    package var id: String
    package var stub: String
    /// One value per column; nil where the data has none.
    package var cells: [Double?]
    /// The respondents behind this row, when it differs from the question's.
    package var respondents: Int?
    /// The option's questionnaire code (choice questions), where the data gives one.
    package var code: String?
    /// Rests on fewer answers than the style's `grid.low-base`: the printed formats mark its stub with
    /// `Table.lowBaseMarker`, explained by a note.
    package var lowBase = false
    /// The answers the row rests on (given, or reconstructed from its percents), where known.
    package var base: Int?

    /// The id of the "Totalt" row: outside the id syntax of the data format, so no statement can share it.
    package static let totalID = "_total"

    package init(kind: Kind, id: String, stub: String, cells: [Double?], respondents: Int? = nil) {
        self.kind = kind
        self.id = id
        self.stub = stub
        self.cells = cells
        self.respondents = respondents
    }
}

extension Table {
    /// The table with each answer option's column headed by a short key — the option's code, else its number
    /// in the scale — and a note that spells the keys out ("1 = I mycket hög utsträckning; 2 = …"), for a
    /// printed table whose option headers cannot be set whole; nil when no column belongs to an option.
    package func keyedOptionHeaders() -> Table? {
        var keys: [String: String] = [:]
        var order: [TableKey] = []
        for column in columns {
            guard let option = column.option, keys[option.id] == nil else { continue }
            keys[option.id] = option.code ?? String(order.count + 1)
            order.append(option)
        }
        guard !order.isEmpty else { return nil }
        var keyed = self
        for j in keyed.columns.indices {
            guard let option = keyed.columns[j].option, let key = keys[option.id] else { continue }
            keyed.columns[j].header = key
        }
        keyed.notes.insert(order.map { "\(keys[$0.id]!) = \($0.label)" }.joined(separator: "; ") + ".", at: 0)
        return keyed
    }
}
