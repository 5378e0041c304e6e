import Foundation
import StapelModel
import Testing

/// `validate --explain`: the counts and bases Stapel works with, the scale's scores and the open choices.
@Suite struct ValidationExplanationTests {
    @Test func theOtherObstacleRowRestsOnNineReconstructedAnswers() throws {
        let survey = try loadBundledSurvey()
        let q36 = try #require(ValidationExplanation.entries(survey).first { $0.id == "q36" })
        #expect(q36.kind == "grid" && q36.respondents == 137 && q36.scale == "hinder")
        #expect(q36.scores == ["inget=0.0", "ganska-litet=1.0", "ganska-stort=2.0", "stort=3.0", "mycket-stort=4.0"])
        let other = try #require(q36.rows.first { $0.id == "annat" })
        // 55.6 / 0 / 0 / 33.3 / 11.1 % is 5, 0, 0, 3, 1 of 9: mean 13 / 9, median the fifth answer (0).
        #expect(other.base == 9)
        #expect(other.baseSource == .reconstructed)
        #expect(other.counts == [5, 0, 0, 3, 1])
        #expect(other.countsReconstructed)
        #expect(abs((other.mean ?? 0) - 13.0 / 9) < 1e-9)
        #expect(other.median == 0)
        // Every multiple of 9 up to 137 prints the same percents.
        #expect(Array(other.otherBases.prefix(3)) == [18, 27, 36])
        #expect(Set(stride(from: 18, through: 135, by: 9)).isSubset(of: Set(other.otherBases)))
        let total = try #require(q36.rows.last)
        #expect(total.id == "_total" && total.base == 137 && total.otherBases.isEmpty)
    }

    @Test func textListsEveryQuestionAndTheLowBase() throws {
        let survey = try loadBundledSurvey()
        let text = ValidationExplanation.text(survey)
        #expect(text.contains("q36 (grid, 137 respondents, scale hinder: inget=0.0, ganska-litet=1.0, ganska-stort=2.0, stort=3.0, mycket-stort=4.0)\n"))
        #expect(text.contains("\n  annat: base 9 (reconstructed from the percents); counts 5, 0, 0, 3, 1 (reconstructed); mean 1.44; median 0.0; "
            + "ambiguous: bases 18, 27, 36, 45, 54, 63, 72, 81, … also reproduce the percents\n"))
        #expect(text.contains("q01 (single-choice, 137 respondents)\n  ja: base 137 (the question's respondents); counts 67\n"))
        for q in survey.questions { #expect(text.contains("\n\(q.id) (") || text.hasPrefix("\(q.id) (")) }
    }

    @Test func jsonIsValidAndCarriesTheSameRows() throws {
        let survey = try loadBundledSurvey()
        let json = ValidationExplanation.json(survey)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(object["survey"] as? String == survey.id)
        let questions = try #require(object["questions"] as? [[String: Any]])
        #expect(questions.count == survey.questions.count)
        let q36 = try #require(questions.first { $0["id"] as? String == "q36" })
        let rows = try #require(q36["rows"] as? [[String: Any]])
        let other = try #require(rows.first { $0["id"] as? String == "annat" })
        #expect(other["base"] as? Int == 9)
        #expect(other["base_source"] as? String == "reconstructed")
        #expect(other["counts"] as? [Int] == [5, 0, 0, 3, 1])
        #expect(ValidationExplanation.json(survey) == json)
    }
}
