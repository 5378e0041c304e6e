import StapelModel

/// Every key of a survey's labels in reading order (survey, scales, questions, then the interface strings),
/// each with its source-language text and where it is drawn: the list that checks, templates, PO files and
/// written label sets all follow.
package struct LabelCatalog: Sendable {
    /// The language every other label set is translated from: the survey's declared `language:` (the
    /// language of the source label set the catalog was built from).
    package let sourceLanguage: String
    /// Top-level key segments that belong to a survey's own label set; everything else is an interface string.
    package static let surveyNamespaces: Set<String> = ["survey", "scales", "questions"]

    /// Which file a key lives in: the survey's `labels/<lang>.yaml` or Stapel's interface label set.
    package enum Part: String, Sendable, Hashable, CaseIterable {
        case survey, interface
    }

    /// One key with its source text and context.
    package struct Entry: Sendable, Hashable {
        package var key: String
        package var source: String
        package var part: Part
        package var placement: LabelPlacement
        /// Ids of the questions that show the string, in survey order (several for a scale point).
        package var questions: [String]
        /// Whether a render needs it; optional keys (a subtitle, a description) appear only when the source has them.
        package var isRequired: Bool
        /// Whether the source label set has the key (a required key may be missing from it, too).
        package var isInSource: Bool
        package var lengthHint: LengthHint
        package var placeholders: [String]
    }

    package let entries: [Entry]
    private let index: [String: Int]

    /// The catalog of `survey`, with source texts from `source` (the source-language survey labels merged with
    /// the interface strings). Keys the source lacks are still listed, with an empty source text.
    package init(survey: Survey, source: LabelSet) {
        sourceLanguage = source.language
        var entries: [Entry] = []
        var seen = Set<String>()
        let required = survey.requiredLabelKeys
        func add(_ key: String, _ part: Part, _ placement: LabelPlacement, questions: [String], required isRequired: Bool) {
            guard seen.insert(key).inserted else { return }
            let text = source[key] ?? ""
            entries.append(Entry(key: key, source: text, part: part, placement: placement, questions: questions,
                                 isRequired: isRequired, isInSource: source[key] != nil, lengthHint: LengthHint(source: text, layout: placement.layout),
                                 placeholders: Placeholders.names(in: text)))
        }
        let surveyPlacements: [String: LabelPlacement] = [
            LabelKey.survey(.title): .surveyTitle, LabelKey.survey(.subtitle): .surveySubtitle,
            LabelKey.survey(.publisher): .publisher, LabelKey.survey(.source): .sourceLine,
        ]
        for key in Survey.surveyLabelKeys where required.contains(key) || source[key] != nil {
            add(key, .survey, surveyPlacements[key] ?? .sourceLine, questions: [], required: required.contains(key))
        }
        for scale in survey.scales {
            let users = survey.questions.filter {
                if case .grid(let q) = $0 { q.scaleID == scale.id } else { false }
            }.map(\.id)
            guard !users.isEmpty else { continue }
            for point in scale.points {
                add(LabelKey.point(scale.id, point.id), .survey, .scalePoint, questions: users, required: true)
            }
        }
        let optionalParts: [(LabelKey.QuestionPart, LabelPlacement)] = [
            (.description, .questionDescription), (.short, .questionShortTitle), (.alt, .altText),
        ]
        for question in survey.questions {
            let base = LabelKey.questionPrefix(question.id).dropLast()
            add(LabelKey.question(question.id), .survey, .questionText, questions: [question.id], required: true)
            for (part, placement) in optionalParts where source[LabelKey.question(question.id, part)] != nil {
                add(LabelKey.question(question.id, part), .survey, placement, questions: [question.id], required: false)
            }
            for key in question.labelKeys(in: survey) where key.hasPrefix(base + ".") {
                let kind = key.dropFirst(base.count + 1).prefix { $0 != "." }
                let placement: LabelPlacement = switch kind {
                case "options": .option
                case "columns": .column
                default: .statement
                }
                add(key, .survey, placement, questions: [question.id], required: true)
            }
        }
        let interfaceKeys = source.entries.keys.filter { !LabelCatalog.isSurveyKey($0) }.sorted { a, b in
            let la = source.locations[a], lb = source.locations[b]
            switch (la, lb) {
            case let (x?, y?) where x.file == y.file && (x.line, x.column) != (y.line, y.column):
                return (x.line, x.column) < (y.line, y.column)
            default: return a < b
            }
        }
        for key in interfaceKeys {
            add(key, .interface, LabelPlacement.interface(key), questions: [], required: true)
        }
        self.entries = entries
        var index: [String: Int] = [:]
        for (i, e) in entries.enumerated() { index[e.key] = i }
        self.index = index
    }

    package subscript(key: String) -> Entry? { index[key].map { entries[$0] } }

    package var keys: [String] { entries.map(\.key) }

    package func entries(in part: Part?) -> [Entry] {
        guard let part else { return entries }
        return entries.filter { $0.part == part }
    }

    /// `keys` in catalog order; keys the catalog does not know follow, sorted by name.
    package func ordered(_ keys: some Sequence<String>) -> [String] {
        keys.sorted { a, b in
            switch (index[a], index[b]) {
            case let (x?, y?): x < y
            case (.some, nil): true
            case (nil, .some): false
            case (nil, nil): a < b
            }
        }
    }

    /// Whether `key` belongs in a survey's own label set (`survey.*`, `scales.*`, `questions.*`).
    package static func isSurveyKey(_ key: String) -> Bool {
        surveyNamespaces.contains(String(key.prefix { $0 != "." }))
    }

    package static func part(of key: String) -> Part { isSurveyKey(key) ? .survey : .interface }

    /// Whether `key` is an interface string (`ui.*`) or number format key (`number.*`), which a survey's own label
    /// set may override or add.
    package static func isInterfaceKey(_ key: String) -> Bool { key.hasPrefix("ui.") || key.hasPrefix("number.") }

    /// The source language's English name for messages ("Swedish"), or its code when Stapel does not know it.
    package var sourceName: String { LabelCatalog.languageName(sourceLanguage) }

    /// English names of the languages Stapel ships interface strings for; other codes stand for themselves.
    package static func languageName(_ code: String) -> String {
        let names = ["sv": "Swedish", "en": "English", "de": "German", "fr": "French", "fi": "Finnish",
                     "nb": "Norwegian", "da": "Danish", "pt": "Portuguese", "es": "Spanish", "it": "Italian",
                     "nl": "Dutch", "pl": "Polish"]
        return names[code] ?? "'\(code)'"
    }
}

extension LabelCatalog.Entry {
    /// "Question 5", "Questions 5, 36", or nil for survey-wide and interface strings.
    package var questionSummary: String? {
        guard !questions.isEmpty else { return nil }
        let numbers = questions.map { id in
            id.hasPrefix("q") ? Int(id.dropFirst()).map(String.init) ?? id : id
        }
        return (numbers.count == 1 ? "Question " : "Questions ") + numbers.joined(separator: ", ")
    }

    /// The context lines a translator sees: where, how long, what each placeholder stands for.
    package var contextLines: [String] {
        var lines: [String] = []
        lines.append([questionSummary, placement.summary].compactMap { $0 }.joined(separator: " · "))
        if lengthHint.maxLength != nil { lines.append("Length: " + lengthHint.summary) }
        for name in Array(Set(placeholders)).sorted() {
            lines.append("{\(name)}: \(Placeholders.meaning(of: name)); keep it as written")
        }
        return lines
    }
}
