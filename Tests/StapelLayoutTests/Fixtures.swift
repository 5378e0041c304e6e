import Foundation
import Stapel
import StapelCairo
import StapelLayout
import Testing

/// The package root, found from this file's path, so tests run from any working directory.
let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
let stylesDirectory = packageRoot.appendingPathComponent("Styles")
let bundledLoader = SurveyLoader(directory: packageRoot.appendingPathComponent("Surveys/digitalisering-2024"))

func loadStyle(_ name: String) throws -> Style { try StyleReader.load(name, from: stylesDirectory) }

/// Requests for every bundled question in `language` and `style`.
func bundledRequests(_ language: String = "sv", style styleName: String = "default") throws -> [RenderRequest] {
    let survey = try bundledLoader.loadSurvey()
    let labels = try bundledLoader.loadLabels(language)
    let s = try loadStyle(styleName)
    return survey.questions.map { RenderRequest(survey: survey, question: $0, labels: labels, style: s) }
}

func bundledRequest(_ id: String, language: String = "sv", style: Style? = nil) throws -> RenderRequest {
    let survey = try bundledLoader.loadSurvey()
    let question = try #require(survey.question(id))
    return RenderRequest(survey: survey, question: question, labels: try bundledLoader.loadLabels(language),
                         style: try style ?? loadStyle("default"))
}

/// A one-question survey with the given labels (interface strings added), for adversarial inputs.
func syntheticRequest(_ question: Question, scales: [Scale] = [], labels: [String: String],
                      style: Style = Style(name: "default")) throws -> RenderRequest {
    let survey = Survey(id: "test", year: 2024, reference: nil, respondents: nil, scales: scales, questions: [question])
    var entries = labels
    entries["survey.source"] = entries["survey.source"] ?? "Källa: test"
    let set = LabelSet(language: "sv", entries: entries).merging(try InterfaceLabels.load("sv"))
    return RenderRequest(survey: survey, question: question, labels: set, style: style)
}

func layout(_ request: RenderRequest) -> Figure { ChartRenderer.figure(for: request) }

/// Checks on the layout boxes that a figure holds up: every text inside the figure and inside its room,
/// no text on another text or on a bar, no warnings.
func expectHoldsUp(_ figure: Figure, allowing allowed: Set<LayoutWarning.Kind> = [], sourceLocation: Testing.SourceLocation = #_sourceLocation) {
    for text in figure.texts {
        #expect(figure.bounds.contains(text.frame), "\(figure.questionID): \(text.key) at \(text.frame) leaves the figure",
                sourceLocation: sourceLocation)
        #expect(text.box.contains(text.frame, tolerance: 0.5), "\(figure.questionID): \(text.key) leaves its room",
                sourceLocation: sourceLocation)
    }
    let texts = figure.texts
    for i in texts.indices {
        for j in texts.indices where j > i {
            #expect(!texts[i].frame.overlaps(texts[j].frame, tolerance: 0.2),
                    "\(figure.questionID): \(texts[i].key) overlaps \(texts[j].key)", sourceLocation: sourceLocation)
        }
    }
    let unexpected = figure.warnings.filter { !allowed.contains($0.kind) }
    #expect(unexpected.isEmpty, "\(figure.questionID): \(unexpected.map(\.description))", sourceLocation: sourceLocation)
}

/// The text marks with `role`, in drawing order.
func texts(_ figure: Figure, _ role: TextRole) -> [TextMark] { figure.texts.filter { $0.role == role } }

/// The rectangles with `role`, in drawing order.
func rects(_ figure: Figure, _ role: RectRole) -> [RectMark] { figure.rects.filter { $0.role == role } }
