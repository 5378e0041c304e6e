import ArgumentParser
import Foundation
import Stapel

/// `stapel render [SURVEY] --out DIR --format … --lang … --style NAME`: one survey, without a manifest.
/// Shares `build`'s engine: parallel, incremental (`DIR/.stapel-state.json`), atomic writes.
struct RenderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Render every question of a survey into DIR/<lang>/<question-id>.<ext>.",
        discussion: """
            With no survey folder: the current folder if it holds survey.yaml, else (inside the Stapel \
            checkout) the bundled survey. Every label set of the survey is rendered unless --lang names some; \
            the style 'default' is built in, a styles folder adds others.

            Example: stapel render my-survey --out Output --format png,csv --lang en --csv-layout wide

            Backend options (declared by the backends; `stapel backends` lists which backend reads which):
            \(BackendOptionArguments.helpText(BackendRegistry.builtIn.options))
            """)

    @Argument(help: SurveyLocator.argumentHelp)
    var survey: String?

    @Option(name: .long, help: "Output folder.")
    var out: String = "Output"

    @Option(name: .long, help: "Comma-separated formats (see `stapel backends`). Default: every per-question format; the documents index, report-pdf and report-docx are named.")
    var format: String?

    @Option(name: .long, help: "Comma-separated languages (default: every label set in the survey's labels/ folder).")
    var lang: String?

    @Option(name: .long, help: "House style: a file NAME.yaml in the styles folder, or the built-in 'default'.")
    var style: String = "default"

    @Option(name: .long, help: "Folder of house styles (default: Styles, when there is one).")
    var styles: String?

    @Option(name: .long, help: "Comma-separated question ids (default: all).")
    var questions: String?

    @Option(name: .long, help: "Fill missing labels from this language, with a warning.")
    var fallback: String?

    @Flag(help: "Render and rewrite every output, even those that are up to date.")
    var force = false

    @Flag(help: "Fail (exit 1) when there is any warning: the data's, a layout's or a backend's.")
    var strict = false

    @OptionGroup var output: BuildOutputOptions

    func run() throws {
        let options: RenderOptions
        do {
            options = try BackendRegistry.builtIn.options(from: BackendOptionArguments.values)
        } catch {
            printError("Error: \(error)")
            throw ExitCode(ExitStatus.usage)
        }
        let reporter = BuildReporter(output)
        let location = try SurveyLocator.locate(survey)
        let stylesFolder = try SurveyLocator.stylesFolder(styles, for: location)
        let surveyFolder = URL(fileURLWithPath: location.path)
        let languages = lang.map(splitList) ?? SurveyLoader(directory: surveyFolder).availableLanguages()
        if languages.isEmpty {
            printError("error: the survey '\(location.path)' has no label sets (labels/<lang>.yaml); add one or pass --lang")
            throw ExitCode(ExitStatus.dataError)
        }
        let jobs: [QuestionJob]
        let documents: [DocumentJob]
        let warnings: [String]
        do {
            let formats = format.map(splitList) ?? BackendRegistry.builtIn.names
            let finder = ExternalBackendFinder(folders: stapelExecutableFolder.map { [$0] } ?? [])
            let registry = try BackendRegistry.builtIn.resolving(formats, with: finder)
            let plan = RenderPlan(
                surveyDirectory: surveyFolder, outputDirectory: URL(fileURLWithPath: out),
                stylesDirectory: stylesFolder,
                formats: formats, languages: languages, style: style,
                questions: questions.map(splitList) ?? [], options: options, fallbackLanguage: fallback)
            (jobs, documents, warnings) = try RenderPipeline(registry: registry).jobs(for: [plan])
        } catch {
            throw ExitCode(reporter.planningFailed(error, unknownFormatIsUsage: true))
        }
        let code = reporter.execute(jobs, documents: documents, warnings: warnings, force: force, check: false, strict: strict)
        if code != ExitStatus.ok { throw ExitCode(code) }
    }
}

/// "a, b,c" → ["a", "b", "c"].
func splitList(_ text: String) -> [String] {
    text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
}
