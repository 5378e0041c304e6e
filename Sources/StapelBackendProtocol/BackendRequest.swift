/// What Stapel sends an external backend, `stapel-backend-NAME render`, on standard input: one question with
/// its labels already resolved for the language, each number both raw (`value`) and formatted for the
/// language (`text`), the style's main values and every backend option. Shared by Stapel, which encodes it,
/// and by programs written in Swift (`stapel-backend-htmltable`), which decode it; versioned by `format`, so a
/// program can refuse a version it does not know. Documented in Docs/external-backends.md. No dependencies.
public struct BackendRequestV2: Codable, Sendable, Equatable {
    public static let format = "stapel-backend-request/2"

    public var format: String = BackendRequestV2.format
    public var stapelVersion: String
    /// The backend the request is for (`html`).
    public var backend: String
    /// The label set's language (`sv`, `en`).
    public var language: String
    public var numberFormat: NumberFormatV2
    public var survey: SurveyV2
    public var question: QuestionV2
    /// Every label the question may show, by dotted key (`ui.total`, `questions.q01.text`).
    public var labels: [String: String]
    public var style: StyleV2
    /// Every backend option Stapel declares, set or default, by name (`csv-layout` → `tidy`).
    public var options: [String: String]

    public init(stapelVersion: String, backend: String, language: String, numberFormat: NumberFormatV2,
                survey: SurveyV2, question: QuestionV2, labels: [String: String], style: StyleV2, options: [String: String]) {
        self.stapelVersion = stapelVersion
        self.backend = backend
        self.language = language
        self.numberFormat = numberFormat
        self.survey = survey
        self.question = question
        self.labels = labels
        self.style = style
        self.options = options
    }

    enum CodingKeys: String, CodingKey {
        case format, backend, language, survey, question, labels, style, options
        case stapelVersion = "stapel-version"
        case numberFormat = "number-format"
    }
}

/// How numbers read in the request's language.
public struct NumberFormatV2: Codable, Sendable, Equatable {
    public var decimalSeparator: String
    public var groupSeparator: String
    /// `{value}` stands for the number: `{value} %`.
    public var percentPattern: String
    /// Whole numbers are grouped from this many digits on (4: 7 561).
    public var groupMinimumDigits: Int

    public init(decimalSeparator: String, groupSeparator: String, percentPattern: String, groupMinimumDigits: Int) {
        self.decimalSeparator = decimalSeparator
        self.groupSeparator = groupSeparator
        self.percentPattern = percentPattern
        self.groupMinimumDigits = groupMinimumDigits
    }

    enum CodingKeys: String, CodingKey {
        case decimalSeparator = "decimal-separator"
        case groupSeparator = "group-separator"
        case percentPattern = "percent-pattern"
        case groupMinimumDigits = "group-minimum-digits"
    }
}

/// A number, raw and as the language writes it.
public struct NumberV2: Codable, Sendable, Equatable {
    public var value: Double
    public var text: String
    public init(value: Double, text: String) {
        self.value = value
        self.text = text
    }
}

/// The survey's metadata.
public struct SurveyV2: Codable, Sendable, Equatable {
    public var id: String
    public var year: Int?
    public var reference: String?
    public var respondents: NumberV2?
    public var title: String?
    public var subtitle: String?
    public var publisher: String?
    public var source: String?

    public init(id: String, year: Int?, reference: String?, respondents: NumberV2?, title: String?, subtitle: String?,
                publisher: String?, source: String?) {
        self.id = id
        self.year = year
        self.reference = reference
        self.respondents = respondents
        self.title = title
        self.subtitle = subtitle
        self.publisher = publisher
        self.source = source
    }
}

/// One question of any kind: the fields of its kind are set, the others nil.
public struct QuestionV2: Codable, Sendable, Equatable {
    public var id: String
    /// `single-choice`, `multiple-choice`, `grid` or `multi-select-grid`.
    public var kind: String
    /// The display title: the `title` label, else "Question 5" for a numbered id, else nil.
    public var title: String?
    public var text: String?
    public var description: String?
    public var respondents: NumberV2
    /// Multiple choice and multi-select grids: all selections together.
    public var selections: NumberV2?
    /// Choice questions.
    public var options: [OptionV2]?
    /// Grids.
    public var scale: ScaleV2?
    /// Grids and multi-select grids: columns of a multi-select grid.
    public var columns: [ColumnV2]?
    public var rows: [RowV2]?
    public var total: RowV2?

    public init(id: String, kind: String, title: String?, text: String?, description: String?, respondents: NumberV2) {
        self.id = id
        self.kind = kind
        self.title = title
        self.text = text
        self.description = description
        self.respondents = respondents
    }
}

/// An answer option of a choice question.
public struct OptionV2: Codable, Sendable, Equatable {
    public var id: String
    public var label: String?
    public var code: String?
    /// `substantive`, or a non-substantive kind such as `dont-know`.
    public var kind: String
    public var other: Bool
    public var exclusive: Bool
    public var n: NumberV2?
    public var percent: NumberV2?

    public init(id: String, label: String?, code: String?, kind: String, other: Bool, exclusive: Bool, n: NumberV2?, percent: NumberV2?) {
        self.id = id
        self.label = label
        self.code = code
        self.kind = kind
        self.other = other
        self.exclusive = exclusive
        self.n = n
        self.percent = percent
    }
}

/// A grid's scale.
public struct ScaleV2: Codable, Sendable, Equatable {
    public var id: String
    /// `unipolar` or `bipolar`.
    public var polarity: String
    public var points: [PointV2]
    public init(id: String, polarity: String, points: [PointV2]) {
        self.id = id
        self.polarity = polarity
        self.points = points
    }
}

/// A point of a scale; a non-substantive one has no score.
public struct PointV2: Codable, Sendable, Equatable {
    public var id: String
    public var label: String?
    public var code: String?
    public var kind: String
    public var score: NumberV2?
    public init(id: String, label: String?, code: String?, kind: String, score: NumberV2?) {
        self.id = id
        self.label = label
        self.code = code
        self.kind = kind
        self.score = score
    }
}

/// A column of a multi-select grid.
public struct ColumnV2: Codable, Sendable, Equatable {
    public var id: String
    public var label: String?
    public var score: NumberV2?
    public init(id: String, label: String?, score: NumberV2?) {
        self.id = id
        self.label = label
        self.score = score
    }
}

/// A statement (or the Totalt row) of a grid or multi-select grid.
public struct RowV2: Codable, Sendable, Equatable {
    public var id: String
    public var label: String?
    public var other: Bool
    public var respondents: NumberV2
    public var percent: [NumberV2?]
    public var n: [NumberV2]?
    public var mean: NumberV2?
    public var median: NumberV2?
    public init(id: String, label: String?, other: Bool, respondents: NumberV2, percent: [NumberV2?], n: [NumberV2]?,
                mean: NumberV2?, median: NumberV2?) {
        self.id = id
        self.label = label
        self.other = other
        self.respondents = respondents
        self.percent = percent
        self.n = n
        self.mean = mean
        self.median = median
    }
}

/// The house style's main values, resolved for the question.
public struct StyleV2: Codable, Sendable, Equatable {
    public var name: String
    public var widthMM: Double
    public var dpi: Double
    public var fontFamily: String
    /// Colours as `#rrggbb`: background, text, muted-text, bar, and the scale's colours highest score first.
    public var colors: [String: String]
    public var scaleColors: [String]

    public init(name: String, widthMM: Double, dpi: Double, fontFamily: String, colors: [String: String], scaleColors: [String]) {
        self.name = name
        self.widthMM = widthMM
        self.dpi = dpi
        self.fontFamily = fontFamily
        self.colors = colors
        self.scaleColors = scaleColors
    }

    enum CodingKeys: String, CodingKey {
        case name, dpi, colors
        case widthMM = "width-mm"
        case fontFamily = "font-family"
        case scaleColors = "scale-colors"
    }
}
