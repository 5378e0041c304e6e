import Testing
import StapelModel
import StapelYAML

/// The validator follows the rounding, precision and base a survey declares, validates given counts in every
/// kind, and never proposes to "correct" a value that is already correctly rounded. Expected values here are
/// worked out by hand, not with the product's rounding code.
@Suite struct PercentConventionTests {
    func survey(_ body: String, header: String = "") throws -> Survey {
        try SurveyReader.read("""
        format: stapel-survey/1
        id: t
        language: en
        \(header)
        scales:
          agree:
            polarity: bipolar
            points:
              - {id: agree, code: 1, score: 2}
              - {id: neutral, code: 2, score: 1}
              - {id: disagree, code: 3, score: 0}
              - {id: dk, code: 8, kind: dont-know}
              - {id: ref, code: 9, kind: refused}
        questions:
        \(body)
        """, file: "t.yaml")
    }

    func errors(_ s: Survey) -> [ValidationIssue] { Validator().validate(s).filter { $0.severity == .error } }

    // 1/3, 1/3, 1/3 of 3: each 33.3 rounded on its own adds up to 99.9.
    let thirds = """
      - id: tri
        kind: single-choice
        respondents: 3
        options:
          - {id: a, n: 1, percent: 33.3}
          - {id: b, n: 1, percent: 33.3}
          - {id: c, n: 1, percent: 33.3}
    """

    @Test func independentlyRoundedDataPassesUnderHalfUp() throws {
        let byDefault = try survey(thirds), declared = try survey(thirds, header: "rounding: half-up")
        #expect(errors(byDefault).isEmpty)   // half-up is the default
        #expect(errors(declared).isEmpty)
    }

    @Test func largestRemainderNamesNoCorrectlyRoundedValueAndSuggestsTheRule() throws {
        let lr = try survey(thirds, header: "rounding: largest-remainder")
        let issues = errors(lr)
        #expect(issues.count == 1)
        let message = issues.first?.description ?? ""
        #expect(message.contains("adds up to 99.9") || message.contains("add up to 99.9"))
        // Largest remainder over three equal thirds gives 33.4 to the first: that cell is named, and the
        // message says the values are each correctly rounded on their own.
        #expect(message.contains("rounding: half-up"), "\(message)")
    }

    @Test func halfUpHintProposesOnlyWrongCells() throws {
        // 2/3 = 66.67 → 66.7, 1/3 = 33.33 → 33.3; a typo 34.3 in b is the only wrong cell.
        let s = try survey("""
          - id: two
            kind: single-choice
            respondents: 3
            options:
              - {id: a, n: 2, percent: 66.7}
              - {id: b, n: 1, percent: 34.3}
        """)
        let issues = errors(s)
        #expect(issues.contains { $0.item == "b" && $0.field == "percent" })
        #expect(!issues.contains { $0.item == "a" })
        let sum = issues.first { $0.check == "sum" }?.description ?? ""
        #expect(sum.contains("'b' should be 33.3"), "\(sum)")
        #expect(!sum.contains("'a' should"), "\(sum)")
    }

    @Test func wholeNumberPercentsKeepTheirPrecision() throws {
        // 551/944 = 58.37 % → 58, 393/944 = 41.63 % → 42 with percent-decimals: 0.
        let s = try survey("""
          - id: vote
            kind: single-choice
            percent-decimals: 0
            respondents: 944
            options:
              - {id: a, n: 551, percent: 58}
              - {id: b, n: 393, percent: 42}
        """)
        #expect(errors(s).isEmpty, "\(errors(s))")
        let wrong = try survey("""
          - id: vote
            kind: single-choice
            percent-decimals: 0
            respondents: 944
            options:
              - {id: a, n: 551, percent: 59}
              - {id: b, n: 393, percent: 41}
        """)
        #expect(errors(wrong).contains { $0.item == "a" && $0.field == "percent" })
        let tooPrecise = try survey("""
          - id: vote
            kind: single-choice
            percent-decimals: 0
            respondents: 944
            options:
              - {id: a, n: 551, percent: 58.4}
              - {id: b, n: 393, percent: 41.6}
        """)
        #expect(errors(tooPrecise).contains { $0.item == "a" && $0.description.contains("decimals") })
    }

    @Test func gridCountsAreValidatedAgainstPercentsAndRespondents() throws {
        // 5, 3, 2 of 10 with no non-substantive answers: 50, 30, 20.
        let good = """
          - id: g
            kind: grid
            scale: agree
            respondents: 10
            rows:
              - {id: r, n: [5, 3, 2, 0, 0], percent: [50.0, 30.0, 20.0, 0.0, 0.0], mean: 1.3, median: 1.5}
        """
        let goodSurvey = try survey(good)
        #expect(errors(goodSurvey).isEmpty, "\(errors(goodSurvey))")
        // A count typo (6 for 5) breaks the sum of counts and the first percent.
        let badCount = good.replacingOccurrences(of: "n: [5, 3, 2, 0, 0]", with: "n: [6, 3, 2, 0, 0]")
        let badCountSurvey = try survey(badCount)
        let issues = errors(badCountSurvey)
        #expect(issues.contains { $0.item == "r" && $0.field == "n" })
        #expect(issues.contains { $0.item == "r" && $0.field?.hasPrefix("percent[0]") == true })
        // The mean comes from the counts: 1.3 (13/10) — a printed 1.4 is wrong.
        let badMean = good.replacingOccurrences(of: "mean: 1.3", with: "mean: 1.4")
        let badMeanSurvey = try survey(badMean)
        #expect(errors(badMeanSurvey).contains { $0.field == "mean" })
    }

    @Test func nonSubstantiveAnswersStayOutOfMeanAndSubstantiveBaseIsHonoured() throws {
        // 4 agree, 2 neutral, 2 disagree, 1 don't know, 1 refused (10). Substantive base: 8 answers →
        // 50, 25, 25; dk and refused are shares of all 10: 10, 10. Mean (4·2 + 2·1) / 8 = 1.25 → 1.3.
        let s = try survey("""
          - id: g
            kind: grid
            scale: agree
            percent-base: substantive
            respondents: 10
            rows:
              - {id: r, n: [4, 2, 2, 1, 1], percent: [50.0, 25.0, 25.0, 10.0, 10.0], mean: 1.3, median: 1.5}
        """)
        #expect(errors(s).isEmpty, "\(errors(s))")
        guard case .grid(let q) = s.questions[0], let scale = s.scale("agree") else { Issue.record(); return }
        #expect(scale.applicableIndices == [0, 1, 2])
        #expect(scale.points[3].kind == .dontKnow && scale.points[4].kind == .refused)
        #expect(q.convention.base == .substantive)
    }

    @Test func choiceQuestionWithSubstantiveBase() throws {
        // 30 yes, 50 no, 20 don't know of 100: of the 80 substantive answers 37.5 → 37.5 and 62.5;
        // don't know 20 % of all.
        let s = try survey("""
          - id: c
            kind: single-choice
            percent-base: substantive
            respondents: 100
            options:
              - {id: yes, code: 1, n: 30, percent: 37.5}
              - {id: no, code: 2, n: 50, percent: 62.5}
              - {id: dk, code: 8, kind: dont-know, n: 20, percent: 20.0}
        """)
        #expect(errors(s).isEmpty, "\(errors(s))")
    }

    @Test func emptyRowAndBadVocabularyAreErrors() throws {
        let zero = try survey("""
          - id: g
            kind: grid
            scale: agree
            respondents: 10
            rows:
              - {id: r, respondents: 0, percent: [50.0, 30.0, 20.0, 0.0, 0.0]}
        """)
        #expect(errors(zero).contains { $0.field == "respondents" })
        #expect(throws: DataError.self) {
            try survey("", header: "rounding: banker")
        }
        #expect(throws: DataError.self) {
            try SurveyReader.read("""
            format: stapel-survey/1
            id: t
            scales: {s: {points: [{id: a, score: 1, kind: maybe}]}}
            questions: []
            """, file: "t.yaml")
        }
    }

    @Test func codedPointsNeedNoLabelAndYearIsOptional() throws {
        let s = try survey("""
          - id: g
            kind: grid
            scale: agree
            respondents: 10
            rows:
              - {id: r, percent: [50.0, 30.0, 20.0, 0.0, 0.0]}
        """)
        #expect(s.year == nil)
        #expect(!s.requiredLabelKeys.contains("scales.agree.agree"))
        #expect(s.requiredLabelKeys.contains("questions.g.rows.r"))
        #expect(s.isOptionalLabelKey("scales.agree.agree"))
        #expect(s.isOptionalLabelKey("questions.g.title") && s.isOptionalLabelKey("questions.g.note"))
        #expect(s.isOptionalLabelKey("ui.respondents") && s.isOptionalLabelKey("number.decimal-separator"))
    }
}
