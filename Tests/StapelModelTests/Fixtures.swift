import Foundation
import StapelModel
import StapelYAML

/// The package root, found from this file's path, so tests run from any working directory.
let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
let bundledSurvey = packageRoot.appendingPathComponent("Surveys/digitalisering-2024")

func loadBundledSurvey() throws -> Survey {
    try SurveyLoader(directory: bundledSurvey).loadSurvey()
}

/// A small valid survey, one question of each kind, to break in tests.
let smallSurvey = """
format: stapel-survey/1
id: demo
year: 2024
scales:
  agree:
    points:
      - {id: yes, score: 1}
      - {id: no, score: 0}
      - {id: na, not-applicable: true}
questions:
  - id: q01
    kind: single-choice
    respondents: 10
    options:
      - {id: a, n: 4, percent: 40.0}
      - {id: b, n: 6, percent: 60.0}
  - id: q02
    kind: multiple-choice
    respondents: 10
    selections: 12
    options:
      - {id: a, n: 7, percent: 70.0}
      - {id: b, n: 5, percent: 50.0}
  - id: q03
    kind: grid
    scale: agree
    respondents: 10
    rows:
      - {id: r1, percent: [60.0, 20.0, 20.0], mean: 0.8, median: 1.0}
    total: {percent: [60.0, 20.0, 20.0], mean: 0.8, median: 1.0}
"""
