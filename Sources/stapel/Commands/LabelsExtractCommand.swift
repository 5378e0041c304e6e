import ArgumentParser
import Foundation
import Stapel

/// `stapel labels extract [SURVEY] [--lang en] [--out FILE]`: a label file template with context per key.
struct LabelsExtractCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extract",
        abstract: "Write a label file template: every key with the Swedish text, question, placement and a length hint.",
        discussion: """
            The template is a stapel-labels/1 file: filled in, it is the label set. Existing translations of \
            --lang are kept; keys without one are empty. Survey strings and interface strings live in different \
            files, so --part chooses one.

            Example: stapel labels extract Surveys/digitalisering-2024 --lang de --out labels-de.yaml
            """)

    @Argument(help: SurveyLocator.argumentHelp)
    var survey: String?

    @Option(name: .long, help: "Language of the template (default: sv, the source texts).")
    var lang: String = LabelCatalog.sourceLanguage

    @Option(name: .long, help: "survey (the survey's labels/<lang>.yaml) or interface (Stapel's shared strings).")
    var part: LabelPartOption = .survey

    @Option(name: .long, help: "Output file (default: standard output).")
    var out: String?

    func validate() throws {
        guard part != .all else { throw ValidationError("a label file holds one part: use --part survey or --part interface") }
    }

    func run() throws {
        let workspace = try LabelsWorkspace(survey: survey)
        let existing = try workspace.translation(lang).labels
        let text = try reportingErrors {
            try LabelTemplate.write(catalog: workspace.catalog, language: lang, existing: existing,
                                    surveyID: workspace.survey.id, part: part.part!)
        }
        try writeOutput(text, to: out)
    }
}
