import ArgumentParser
import Foundation
import Stapel

/// `stapel validate [SURVEY]`: reads a survey and its label sets and checks every number.
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check a survey's data and label sets; exit 1 on errors.",
        discussion: """
            --explain lists, per question, the counts and bases the checks rest on (given, or reconstructed \
            from the rounded percents), the scale scores, means and medians, and the ambiguities (other bases that \
            reproduce the same percents, medians the data cannot decide); with `--explain-format json` as one JSON \
            document.

            Example: stapel validate my-survey --strict --explain
            """)

    @Argument(help: SurveyLocator.argumentHelp)
    var survey: String?

    @Option(name: .long, help: "Comma-separated label sets to check (default: every one in the survey's labels/ folder).")
    var lang: String?

    @Flag(help: "Treat warnings as errors.")
    var strict = false

    @Flag(help: "Print nothing but problems.")
    var quiet = false

    @Flag(help: "Also list each question's counts, bases, scores and ambiguities.")
    var explain = false

    @Option(name: .long, help: "How --explain prints: text or json.")
    var explainFormat: ExplainFormat = .text

    enum ExplainFormat: String, ExpressibleByArgument, CaseIterable { case text, json }

    func run() throws {
        let loader = SurveyLoader(directory: URL(fileURLWithPath: try SurveyLocator.locate(survey).path))
        let model: Survey
        do {
            model = try loader.loadSurvey()
        } catch {
            printError("\(error)")
            throw ExitCode(1)
        }
        var issues = Validator().validate(model)
        let languages = lang.map(splitList) ?? loader.availableLanguages()
        do {
            let source = try loader.sourceLanguage(of: model)
            if !languages.contains(source) {
                throw LoadError.unknownLanguage(source, available: languages)
            }
        } catch {
            printError("\(error) (the survey's source language)")
            throw ExitCode(1)
        }
        for language in languages {
            do {
                let labels = try loader.loadSurveyLabels(language)
                let file = SurveyLoader.display(loader.labelsFile(language))
                issues += Validator().validate(labels, for: model, file: file)
                // A language Stapel ships no interface strings for must bring its own.
                let missing = !InterfaceLabels.has(language) ? InterfaceLabels.missingKeys(in: labels) : []
                if !missing.isEmpty {
                    issues.append(ValidationIssue(.error, at: SourceLocation(file: file, line: 1, column: 1), check: "missing-label",
                                                  "Stapel ships no interface strings for '\(language)' (it has "
                                                    + InterfaceLabels.availableLanguages().joined(separator: ", ")
                                                    + "), so this label set must supply every ui.* and number.* key; it lacks \(missing.count): "
                                                    + missing.joined(separator: ", ")))
                }
            } catch {
                printError("\(error)")
                throw ExitCode(1)
            }
        }
        for issue in issues { printError(issue.description) }
        let errors = issues.filter { $0.severity == .error }.count
        let warnings = issues.count - errors
        if explain {
            print(explainFormat == .json ? ValidationExplanation.json(model) : ValidationExplanation.text(model))
        }
        if !quiet {
            print(SurveySummary(survey: model, languages: languages).text)
            print("\(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s")")
        }
        if errors > 0 || (strict && warnings > 0) { throw ExitCode(1) }
    }
}
