import Foundation
import Stapel
import StapelLabels

/// The package root, found from this file's path, so tests run from any working directory.
let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
let bundledSurvey = packageRoot.appendingPathComponent("Surveys/digitalisering-2024")
let bundledLoader = SurveyLoader(directory: bundledSurvey)

/// A small survey: a single-choice question and a grid on a three-point scale.
let smallSurveyYAML = """
format: stapel-survey/1
id: demo
year: 2024
scales:
  agree:
    points:
      - {id: yes, score: 1}
      - {id: no, score: 0}
      - {id: na, not-applicable: true}
  unused:
    points:
      - {id: x, score: 1}
questions:
  - id: q01
    kind: single-choice
    respondents: 10
    options:
      - {id: a, n: 4, percent: 40.0}
      - {id: b, n: 6, percent: 60.0}
  - id: q02
    kind: grid
    scale: agree
    respondents: 10
    rows:
      - {id: r1, percent: [60.0, 20.0, 20.0], mean: 0.8, median: 1.0}
"""

/// Swedish labels of the small survey, survey and interface strings together.
let smallSourceYAML = """
format: stapel-labels/1
language: sv
survey:
  title: "Enkät om data"
  source: "Källa: Enkät om data 2024"
scales:
  agree:
    yes: "Instämmer"
    no: "Instämmer inte"
    na: "Ej relevant"
questions:
  q01:
    text: "Är myndigheten datadriven?"
    description: "Rad ett\\nRad två"
    options:
      a: "Ja, i hög grad"
      b: "Nej"
  q02:
    text: "Hur väl stämmer påståendet?"
    rows:
      r1: "Vi delar data"
number:
  decimal-separator: ","
  percent: "{value}\\u00A0%"
ui:
  respondents: "Antal svar: {n}"
  total: "Totalt"
  median: "Median"
"""

func smallSurvey() throws -> Survey { try SurveyReader.read(smallSurveyYAML, file: "demo/survey.yaml") }
func smallSource() throws -> LabelSet { try LabelSetReader.read(smallSourceYAML, file: "demo/sv.yaml") }

/// The Swedish labels of the bundled survey, merged with the interface strings.
func bundledSource() throws -> LabelSet { try LabelSource.labels("sv", loader: bundledLoader) }
