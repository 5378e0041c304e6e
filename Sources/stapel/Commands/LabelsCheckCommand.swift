import ArgumentParser
import Foundation
import Stapel

/// `stapel labels check [SURVEY] --lang en [--strict]`: missing, stale and untranslated labels of a language.
struct LabelsCheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Report missing, empty, stale and untranslated labels, lost placeholders and too-long texts.",
        discussion: """
            Errors (a missing or empty label, a placeholder lost) exit with 1; with --strict, warnings \
            (untranslated, stale, too long) do too. An untranslated label is one identical to the source-language text.

            Example: stapel labels check Surveys/digitalisering-2024 --lang en --strict
            """)

    @Argument(help: SurveyLocator.argumentHelp)
    var survey: String?

    @Option(name: .long, help: "Comma-separated languages to check (default: every label set of the survey but the source language's).")
    var lang: String?

    @Flag(help: "Exit with 1 on warnings too.")
    var strict = false

    @Option(name: .long, help: "Comma-separated keys whose translation may equal the source text (names, terms).")
    var acceptIdentical: String?

    @Flag(help: "Print only the problems.")
    var quiet = false

    func run() throws {
        let workspace = try LabelsWorkspace(survey: survey)
        let languages = lang.map(splitList)
            ?? workspace.loader.availableLanguages().filter { $0 != workspace.sourceLanguage }
        var failed = false
        for language in languages {
            let translation = try workspace.translation(language)
            if !translation.hasSurveyFile && !translation.hasInterfaceFile {
                printError("error: no label set for '\(language)': \(translation.files[.survey]!) does not exist and Stapel "
                           + "ships no interface strings for it; start one with `stapel labels extract --lang \(language)`")
                failed = true
                continue
            }
            var allowed = KnownIdenticalLabels.accepted(for: language)
            for key in acceptIdentical.map(splitList) ?? [] { allowed[key] = "accepted on the command line" }
            let report = LabelCheck(identicalAllowed: allowed)
                .check(translation.labels, against: workspace.catalog, files: translation.files)
            for issue in report.issues { printError(issue.description) }
            if !quiet { print(report.summary) }
            if report.errors > 0 || (strict && report.warnings > 0) { failed = true }
        }
        if failed { throw ExitCode(1) }
    }
}
