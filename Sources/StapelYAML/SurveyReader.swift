import StapelModel

/// Reads `survey.yaml` (format `stapel-survey/1`) into a `Survey`. See Docs/data-format.md.
package enum SurveyReader {
    package static let formatName = "stapel-survey/1"

    /// - Parameter threads: the questions are read side by side on these (each question's reading is its own).
    package static func read(_ text: String, file: String, threads: ConcurrentMap = .serial) throws -> Survey {
        let root = try YAMLReader.parse(text, file: file)
        try root.checkFields(Fields.survey)
        let format = try root.required("format").string()
        guard format == formatName else {
            throw try root.required("format").error("unsupported format '\(format)'; expected '\(formatName)'")
        }
        let scales = try root.optional("scales").map(readScales) ?? []
        let questions = try threads.map(Array(try root.required("questions").sequence(max: InputLimits.maxQuestions, what: "questions")),
                                        readQuestion)
        var survey = Survey(
            id: try root.required("id").identifier(),
            year: try root.optional("year")?.integer(),
            reference: try root.optional("reference")?.string(),
            respondents: try root.optional("respondents")?.integer(),
            scales: scales,
            questions: questions)
        survey.language = try root.optional("language")?.languageCode()
        survey.convention = try root.percentConvention().applied(to: PercentConvention())
        return survey
    }

    static let conventionFields: Set<String> = ["rounding", "percent-decimals", "percent-base"]

    /// The fields each mapping may have, made once: every option and row of a survey is checked against them.
    private enum Fields {
        static let survey: Set<String> = ["format", "id", "language", "year", "reference", "respondents", "rounding",
                                          "percent-decimals", "percent-base", "scales", "questions"]
        static let scale: Set<String> = ["points", "polarity"]
        static let point: Set<String> = ["id", "score", "not-applicable", "kind", "code"]
        static let choiceQuestion = Set(["id", "kind", "respondents", "selections", "options", "accept"]).union(conventionFields)
        static let option: Set<String> = ["id", "n", "percent", "other", "exclusive", "kind", "code", "accept"]
        static let grid = Set(["id", "kind", "scale", "respondents", "rows", "total"]).union(conventionFields)
        static let multiSelectGrid: Set<String> = ["id", "kind", "respondents", "selections", "columns", "scores", "rows", "total",
                                                   "accept", "rounding", "percent-decimals"]
        static let gridRow: Set<String> = ["id", "percent", "n", "respondents", "mean", "median", "other", "accept"]
        static let gridTotal: Set<String> = ["percent", "n", "respondents", "mean", "median", "accept"]
        static let multiSelectRow: Set<String> = ["id", "n", "respondents", "mean", "median", "other", "accept"]
        static let multiSelectTotal: Set<String> = ["n", "respondents", "mean", "median", "accept"]
        /// The checks an `accept:` list may name.
        static let checks: Set<String> = ["percent", "sum", "mean", "median", "total", "selections", "n"]
    }

    static func readScales(_ reader: YAMLReader) throws -> [Scale] {
        try reader.mapping().map { key, value in
            _ = try YAMLReader(node: .scalar(.init(string: key, style: .doubleQuoted, mark: value.node.mark)), path: value.path,
                               file: value.file).identifier()
            try value.checkFields(Fields.scale)
            let points = try value.required("points").sequence(max: InputLimits.maxScalePoints, what: "scale points").map { p -> ScalePoint in
                try p.checkFields(Fields.point)
                let na = try p.optional("not-applicable")?.bool() ?? false
                var kind = try p.answerKind()
                if na {
                    if let k = try p.optional("kind"), kind != .doesNotApply {
                        throw k.error("'not-applicable: true' is kind does-not-apply; give one of the two")
                    }
                    kind = .doesNotApply
                }
                let score = try p.optional("score")?.number()
                if !kind.isSubstantive, let s = try p.optional("score"), score != nil {
                    throw s.error("a \(kind.yamlName) point has no score: it is kept out of mean and median")
                }
                if kind.isSubstantive, score == nil {
                    throw p.error("missing required field 'score' (or 'kind:' naming a non-substantive answer such as dont-know)")
                }
                return ScalePoint(id: try p.required("id").identifier(), score: score, kind: kind,
                                  code: try p.optional("code")?.code(), location: p.location)
            }
            if points.isEmpty { throw value.error("a scale needs at least one point") }
            return Scale(id: key, points: points, polarity: try value.optional("polarity")?.oneOf(ScalePolarity.self) ?? .unipolar,
                         location: value.location)
        }
    }

    static func accepted(_ reader: YAMLReader) throws -> Set<String> {
        let known = Fields.checks
        guard let list = try reader.optional("accept") else { return [] }
        return Set(try list.sequence().map { item in
            let check = try item.string()
            guard known.contains(check) else {
                throw item.error("unknown check '\(check)'; expected one of: \(known.sorted().joined(separator: ", "))")
            }
            return check
        })
    }

    static func readQuestion(_ q: YAMLReader) throws -> Question {
        let kindReader = try q.required("kind")
        let kind = try kindReader.string()
        let id = try q.required("id").identifier()
        switch kind {
        case "single-choice", "multiple-choice":
            try q.checkFields(Fields.choiceQuestion)
            let options = try q.required("options").sequence(max: InputLimits.maxOptionsPerQuestion, what: "options").map { o -> ChoiceOption in
                try o.checkFields(Fields.option)
                var option = ChoiceOption(id: try o.required("id").identifier(), n: try o.optional("n")?.integer(),
                                          percent: try o.optional("percent")?.number(),
                                          isOther: try o.optional("other")?.bool() ?? false, location: o.location)
                option.isExclusive = try o.optional("exclusive")?.bool() ?? false
                option.kind = try o.answerKind()
                option.code = try o.optional("code")?.code()
                option.accepted = try accepted(o)
                return option
            }
            var question = ChoiceQuestion(id: id, respondents: try q.required("respondents").integer(),
                                          selections: try q.optional("selections")?.integer(), options: options,
                                          location: q.location)
            question.accepted = try accepted(q)
            question.convention = try q.percentConvention()
            if kind == "single-choice" {
                if let s = try q.optional("selections") { throw s.error("'selections' belongs to multiple-choice questions") }
                return .singleChoice(question)
            }
            return .multipleChoice(question)
        case "grid":
            try q.checkFields(Fields.grid)
            var question = GridQuestion(
                id: id, scaleID: try q.required("scale").identifier(), respondents: try q.required("respondents").integer(),
                rows: try q.required("rows").sequence(max: InputLimits.maxOptionsPerQuestion, what: "rows").map { try readGridRow($0, isTotal: false) },
                total: try q.optional("total").map { try readGridRow($0, isTotal: true) },
                location: q.location)
            question.convention = try q.percentConvention()
            return .grid(question)
        case "multi-select-grid":
            try q.checkFields(Fields.multiSelectGrid)
            var question = MultiSelectGridQuestion(
                id: id, respondents: try q.required("respondents").integer(),
                selections: try q.optional("selections")?.integer(),
                columns: try q.required("columns").identifiers(), scores: try q.optional("scores")?.numbers(),
                rows: try q.required("rows").sequence(max: InputLimits.maxOptionsPerQuestion, what: "rows").map { try readMultiRow($0, isTotal: false) },
                total: try q.optional("total").map { try readMultiRow($0, isTotal: true) },
                location: q.location)
            question.accepted = try accepted(q)
            question.convention = try q.percentConvention()
            return .multiSelectGrid(question)
        default:
            throw kindReader.error("unknown question kind '\(kind)'; expected one of: single-choice, multiple-choice, grid, multi-select-grid")
        }
    }

    static func readGridRow(_ r: YAMLReader, isTotal: Bool) throws -> GridRow {
        try r.checkFields(isTotal ? Fields.gridTotal : Fields.gridRow)
        var row = GridRow(
            id: isTotal ? "total" : try r.required("id").identifier(),
            percents: try r.required("percent").numbers(), counts: try r.optional("n")?.integers(),
            respondents: try r.optional("respondents")?.integer(), mean: try r.optional("mean")?.number(),
            median: try r.optional("median")?.number(), isOther: try r.optional("other")?.bool() ?? false,
            location: r.location)
        row.accepted = try accepted(r)
        return row
    }

    static func readMultiRow(_ r: YAMLReader, isTotal: Bool) throws -> MultiSelectRow {
        try r.checkFields(isTotal ? Fields.multiSelectTotal : Fields.multiSelectRow)
        var row = MultiSelectRow(
            id: isTotal ? "total" : try r.required("id").identifier(), counts: try r.required("n").integers(),
            respondents: try r.optional("respondents")?.integer(), mean: try r.optional("mean")?.number(),
            median: try r.optional("median")?.number(), isOther: try r.optional("other")?.bool() ?? false,
            location: r.location)
        row.accepted = try accepted(r)
        return row
    }
}
