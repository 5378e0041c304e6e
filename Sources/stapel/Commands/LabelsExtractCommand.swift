import ArgumentParser
import Foundation
import Stapel

/// `stapel labels extract [SURVEY] [--lang en] [--out FILE]`: a label file template with context per key.
struct LabelsExtractCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extract",
        abstract: "Write a label file template: every key with the source-language text, question, placement and a length hint.",
        discussion: """
            The template is a stapel-labels/1 file: filled in, it is the label set. Existing translations of \
            --lang are kept; keys without one are empty. --part interface lists the interface strings a survey may \
            override or, for a language Stapel ships no interface strings for, must supply; --part all writes both.

            Example: stapel labels extract Surveys/digitalisering-2024 --lang de --out labels-de.yaml
            """)

    @Argument(help: SurveyLocator.argumentHelp)
    var survey: String?

    @Option(name: .long, help: "Language of the template (default: the survey's source language, the source texts).")
    var lang: String?

    @Option(name: .long, help: "survey (survey strings), interface (ui.* and number.*, to override or add in the survey's labels/<lang>.yaml) or all (both, one file: a new language).")
    var part: LabelPartOption = .survey

    @Option(name: .long, help: "Output file (default: standard output).")
    var out: String?

    func run() throws {
        let workspace = try LabelsWorkspace(survey: survey)
        let lang = lang ?? workspace.sourceLanguage
        let existing = try workspace.translation(lang).labels
        let text = try reportingErrors {
            try LabelTemplate.write(catalog: workspace.catalog, language: lang, existing: existing,
                                    surveyID: workspace.survey.id, part: part.part)
        }
        try writeOutput(text, to: out)
    }
}
