import Testing
import StapelModel
import StapelYAML

/// A typo in any printed number of the bundled survey must be reported, naming the question, the row and
/// the field. Each test makes the typo everywhere it can occur, one place at a time.
@Suite struct TypoDetectionTests {
    let survey: Survey
    init() throws { survey = try loadBundledSurvey() }

    /// Issues that point at `question` and `item` (an option or row id, or "Totalt").
    func findings(_ s: Survey, question: String, item: String, field: String) -> [ValidationIssue] {
        Validator().validate(s).filter {
            $0.question == question && $0.item == item && ($0.field ?? "").hasPrefix(field)
        }
    }

    func replacing(_ question: Question, in s: Survey) -> Survey {
        var copy = s
        copy.questions = s.questions.map { $0.id == question.id ? question : $0 }
        return copy
    }

    @Test func bundledSurveyValidatesCleanly() throws {
        let issues = Validator().validate(survey)
        #expect(issues.isEmpty, "\(issues.map(\.description))")
        #expect(survey.questions.count == 38)
        let loader = SurveyLoader(directory: bundledSurvey)
        for language in ["sv", "en"] {
            let labelIssues = Validator().validate(try loader.loadSurveyLabels(language), for: survey)
            #expect(labelIssues.isEmpty, "\(language): \(labelIssues.map(\.description))")
        }
    }

    @Test func everyChoiceCountTypoIsCaught() {
        var checked = 0
        for question in survey.questions {
            guard case .singleChoice(let q) = question, true else {
                if case .multipleChoice(let q) = question { checked += checkCounts(q, wrap: Question.multipleChoice) }
                continue
            }
            checked += checkCounts(q, wrap: Question.singleChoice)
        }
        #expect(checked > 100)
    }

    func checkCounts(_ q: ChoiceQuestion, wrap: (ChoiceQuestion) -> Question) -> Int {
        var checked = 0
        for (i, option) in q.options.enumerated() {
            guard let n = option.n else { continue }
            for typo in [n + 1, n - 1, n + 10] where typo >= 0 && typo <= q.respondents {
                var broken = q
                broken.options[i].n = typo
                let found = findings(replacing(wrap(broken), in: survey), question: q.id, item: option.id, field: "")
                #expect(!found.isEmpty, "\(q.id) \(option.id): n \(n) → \(typo) not caught")
                checked += 1
            }
        }
        return checked
    }

    @Test func everyChoicePercentTenthsTypoIsCaught() {
        var checked = 0
        for question in survey.questions {
            let (q, wrap): (ChoiceQuestion, (ChoiceQuestion) -> Question)
            switch question {
            case .singleChoice(let c): (q, wrap) = (c, Question.singleChoice)
            case .multipleChoice(let c): (q, wrap) = (c, Question.multipleChoice)
            default: continue
            }
            for (i, option) in q.options.enumerated() {
                guard let p = option.percent else { continue }
                for typo in [p + 0.1, p - 0.1] where typo >= 0 && typo <= 100 {
                    var broken = q
                    broken.options[i].percent = typo
                    let found = findings(replacing(wrap(broken), in: survey), question: q.id, item: option.id, field: "percent")
                    #expect(!found.isEmpty, "\(q.id) \(option.id): percent \(p) → \(typo) not caught")
                    checked += 1
                }
            }
        }
        #expect(checked > 200)
    }

    /// Applies `mutate` to every grid row and the Totalt row and expects a finding on that row and field.
    func eachGridRow(field: String, _ mutate: (inout GridRow) -> [GridRow]) -> Int {
        var checked = 0
        for question in survey.questions {
            guard case .grid(let q) = question else { continue }
            for index in 0...q.rows.count {
                let isTotal = index == q.rows.count
                guard let original = isTotal ? q.total : q.rows[index] else { continue }
                var row = original
                for variant in mutate(&row) {
                    var broken = q
                    if isTotal { broken.total = variant } else { broken.rows[index] = variant }
                    let item = isTotal ? "Totalt" : original.id
                    let found = findings(replacing(.grid(broken), in: survey), question: q.id, item: item, field: field)
                    #expect(!found.isEmpty, "\(q.id) \(item): \(field) typo not caught")
                    checked += 1
                }
            }
        }
        return checked
    }

    @Test func everyGridPercentUnitsTypoIsCaught() {
        let checked = eachGridRow(field: "percent") { row in
            row.percents.indices.flatMap { j -> [GridRow] in
                [1.0, -1.0].compactMap { delta in
                    var r = row
                    r.percents[j] += delta
                    return r.percents[j] >= 0 ? r : nil
                }
            }
        }
        #expect(checked > 900)
    }

    @Test func everyMeanTypoIsCaught() {
        let checked = eachGridRow(field: "mean") { row in
            [0.1, -0.1].compactMap { delta in
                var r = row
                r.mean = row.mean.map { $0 + delta }
                return (r.mean ?? -1) >= 0 ? r : nil
            }
        }
        #expect(checked > 200)
    }

    @Test func everyMedianTypoIsCaught() {
        let checked = eachGridRow(field: "median") { row in
            [1.0, -1.0, 0.5].compactMap { delta in
                var r = row
                r.median = row.median.map { $0 + delta }
                return (r.median ?? -1) >= 0 ? r : nil
            }
        }
        #expect(checked > 200)
    }

    @Test func multiSelectTypos() {
        guard case .multiSelectGrid(let q) = survey.question("q35") else {
            Issue.record("q35 is not a multi-select grid")
            return
        }
        for j in q.columns.indices {
            var broken = q
            broken.total!.counts[j] += 1
            #expect(!findings(replacing(.multiSelectGrid(broken), in: survey), question: "q35", item: "Totalt", field: "n[\(j)]").isEmpty)
        }
        for (i, row) in q.rows.enumerated() {
            var broken = q
            broken.rows[i].mean = row.mean! + 0.1
            #expect(!findings(replacing(.multiSelectGrid(broken), in: survey), question: "q35", item: row.id, field: "mean").isEmpty)
            broken = q
            broken.rows[i].median = row.median! + 1
            #expect(!findings(replacing(.multiSelectGrid(broken), in: survey), question: "q35", item: row.id, field: "median").isEmpty)
        }
    }

    @Test func typoInTheFileIsReportedAtItsLine() throws {
        let text = try String(contentsOf: bundledSurvey.appendingPathComponent("survey.yaml"), encoding: .utf8)
        let original = "{id: regeringen, percent: [45.2, 30.7, 16.8, 5.1, 2.2], mean: 0.9, median: 1.0}"
        #expect(text.contains(original))
        let line = text.components(separatedBy: "\n").firstIndex { $0.contains(original) }! + 1
        let broken = text.replacingOccurrences(of: original, with: original.replacingOccurrences(of: "mean: 0.9", with: "mean: 1.0"))
        let issues = Validator().validate(try SurveyReader.read(broken, file: "survey.yaml"))
        #expect(issues.count == 1)
        #expect(issues.first?.description.hasPrefix("survey.yaml:\(line):") == true)
        #expect(issues.first?.description.contains("q05 'regeringen' field 'mean': printed mean 1.0") == true)
    }
}
