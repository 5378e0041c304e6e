/// Where a label is drawn, which decides how much room a translation has.
package enum LabelPlacement: Sendable, Hashable {
    case surveyTitle, surveySubtitle, publisher, sourceLine
    case questionText, questionDescription, questionShortTitle, altText
    /// An answer option of a single- or multiple-choice question.
    case option
    /// A row of a grid: a statement rated on a scale, or a row of a multi-select grid.
    case statement
    /// A column of a multi-select grid.
    case column
    /// A point of a scale, shared by every grid that uses the scale.
    case scalePoint
    /// A number format element (`number.decimal-separator` …), not text.
    case numberFormat
    /// One of Stapel's interface strings, shared by every survey.
    case interface(InterfaceRole)

    /// The part an interface string plays.
    package enum InterfaceRole: String, Sendable, Hashable {
        case tableHeader, axisTitle, heading, countLine, note, legendEntry, flatHeader, other
    }

    /// How the text is laid out.
    package enum Layout: Sendable, Hashable {
        /// One line that does not wrap: a table header, an axis title.
        case line
        /// A label in a narrow box that wraps onto a few lines: a bar label, a legend entry.
        case label
        /// Running text that wraps freely: a title, a note, a description.
        case paragraph
        /// Not drawn (alt text) or not text (number formats).
        case none
    }

    package var layout: Layout {
        switch self {
        case .surveyTitle, .surveySubtitle, .publisher, .sourceLine, .questionText, .questionDescription: .paragraph
        case .questionShortTitle: .line
        case .altText, .numberFormat: .none
        case .option, .statement, .column, .scalePoint: .label
        case .interface(let role):
            switch role {
            case .tableHeader, .axisTitle, .heading, .countLine, .flatHeader: .line
            case .note: .paragraph
            case .legendEntry, .other: .label
            }
        }
    }

    /// Where the string appears, in words for a translator.
    package var summary: String {
        switch self {
        case .surveyTitle: "survey title: report heading and source line"
        case .surveySubtitle: "survey subtitle, under the title"
        case .publisher: "publisher, printed with the source line (may stay empty)"
        case .sourceLine: "source line under every figure and table"
        case .questionText: "question text: figure title and table caption"
        case .questionDescription: "explanatory paragraph printed under the question"
        case .questionShortTitle: "short title of the question, for lists of figures and tables"
        case .altText: "alternative text of the figure, read by screen readers"
        case .option: "answer option: bar label in the chart, row in the table"
        case .statement: "statement (grid row): bar label in the chart, row in the table"
        case .column: "answer column: legend entry in the chart, column header in the table"
        case .scalePoint: "scale point: legend entry in the chart, column header in the table"
        case .numberFormat: "number format (a separator or the percent pattern), not text"
        case .interface(let role):
            switch role {
            case .tableHeader: "interface string: table column or row header"
            case .axisTitle: "interface string: axis title of a chart"
            case .heading: "interface string: figure and table heading"
            case .countLine: "interface string: count line under a figure or table"
            case .note: "interface string: note under a figure or table"
            case .legendEntry: "interface string: legend entry or column header"
            case .flatHeader: "interface string: column name in CSV and Markdown tables"
            case .other: "interface string shared by every survey"
            }
        }
    }

    /// The role of an interface key (`ui.*`, `number.*`): known keys by name, others by their suffix.
    package static func interface(_ key: String) -> LabelPlacement {
        if key.hasPrefix("number.") { return .numberFormat }
        let name = key.hasPrefix("ui.") ? String(key.dropFirst(3)) : key
        switch name {
        case "n", "percent", "mean", "median", "total", "statement", "option", "question-id": return .interface(.tableHeader)
        case "question": return .interface(.heading)
        case "respondents", "respondents-range", "selections": return .interface(.countLine)
        case "multiple-allowed", "multiple-per-row": return .interface(.note)
        case "net": return .interface(.legendEntry)
        case "percent-of", "column-in-group": return .interface(.flatHeader)
        default:
            if name.hasSuffix("-axis") { return .interface(.axisTitle) }
            if name.hasSuffix("-note") { return .interface(.note) }
            return .interface(.other)
        }
    }
}
