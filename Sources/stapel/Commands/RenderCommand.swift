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

    @Option(name: .long, help: "Figure width in millimetres, instead of the style's (10–2000).")
    var widthMm: Double?

    @Option(name: .long, help: "PNG resolution in dots per inch, instead of the style's (36–2400).")
    var dpi: Double?

    @Option(name: .long, help: "A fixed frame, width:height (16:9) or a ratio (1.78), instead of the style's.")
    var aspect: String?

    @Option(name: .customLong("output"), help: "Write the one output (one question, format and language) to this file instead of DIR/<lang>/.")
    var outputFile: String?

    @Flag(help: "Fail (exit 1) when there is any warning: the data's, a layout's or a backend's.")
    var strict = false

    @OptionGroup var output: BuildOutputOptions

    func validate() throws {
        if let widthMm, !StyleLimits.widthMM.contains(widthMm) {
            throw ValidationError("--width-mm \(widthMm) is out of range; expected 10 to 2000 millimetres")
        }
        if let dpi, !StyleLimits.dpi.contains(dpi) { throw ValidationError("--dpi \(dpi) is out of range; expected 36 to 2400") }
        if aspect != nil, aspectRatio == nil {
            throw ValidationError("--aspect '\(aspect!)' is not a ratio such as 16:9 or 1.78 (from 0.1 to 10)")
        }
        if outputFile != nil {
            guard questions.map(splitList)?.count == 1, format.map(splitList)?.count == 1, lang.map(splitList)?.count == 1 else {
                throw ValidationError("--output writes one file: name one question (--questions), one format (--format) and one language (--lang)")
            }
        }
    }

    /// `--aspect` as width ÷ height.
    var aspectRatio: Double? {
        guard let aspect, let ratio = StyleLimits.parseAspectRatio(aspect), ratio.isFinite,
              StyleLimits.aspectRatio.contains(ratio) else { return nil }
        return ratio
    }

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
        // `--output FILE`: the one output is rendered into a folder of its own beside FILE, then moved there.
        let single = outputFile.map { URL(fileURLWithPath: $0) }
        let outFolder = single.map { $0.deletingLastPathComponent().appendingPathComponent(".stapel-output-\(getpid())") }
            ?? URL(fileURLWithPath: out)
        defer { if let single { try? FileManager.default.removeItem(at: single.deletingLastPathComponent().appendingPathComponent(".stapel-output-\(getpid())")) } }
        var jobs: [QuestionJob] = []
        var documents: [DocumentJob] = []
        var warnings: [String] = []
        var replayed: RunRecord?
        var draft: RunRecord.Draft?
        do {
            let formats = format.map(splitList) ?? BackendRegistry.builtIn.names
            let finder = ExternalBackendFinder(folders: stapelExecutableFolder.map { [$0] } ?? [])
            let registry = try BackendRegistry.builtIn.resolving(formats, with: finder)
            var plan = RenderPlan(
                surveyDirectory: surveyFolder, outputDirectory: outFolder,
                stylesDirectory: stylesFolder,
                formats: formats, languages: languages, style: style,
                questions: questions.map(splitList) ?? [], options: options, fallbackLanguage: fallback)
            plan.page = RenderPlan.PageAdjustment(widthMM: widthMm, dpi: dpi, aspectRatio: aspectRatio)
            // The same command with nothing changed since it last succeeded: its record says so without planning.
            let key = force || single != nil ? nil : RunRecord.key(for: [plan])
            if let key, let record = RunRecord.unchanged(key: key, roots: [outFolder], complete: false) {
                replayed = record
            } else {
                let stamps = RunRecord.stamps(of: [plan])
                (jobs, documents, warnings) = try RenderPipeline(registry: registry, threads: output.jobCount).jobs(for: [plan])
                draft = key.map { RunRecord.Draft(key: $0, stamps: stamps, jobs: jobs, documents: documents, warnings: warnings) }
            }
        } catch {
            throw ExitCode(reporter.planningFailed(error, unknownFormatIsUsage: true))
        }
        if let replayed {
            let code = reporter.replay(replayed, strict: strict)
            if code != ExitStatus.ok { throw ExitCode(code) }
            return
        }
        let code = reporter.execute(jobs, documents: documents, warnings: warnings, force: force || single != nil, check: false,
                                    strict: strict, record: draft)
        if code != ExitStatus.ok { throw ExitCode(code) }
        if let single, let produced = jobs.first?.outputs.first?.output {
            // Moved within one folder: FILE is either its old self or the new output, never partial.
            do {
                if FileManager.default.fileExists(atPath: single.path) {
                    _ = try FileManager.default.replaceItemAt(single, withItemAt: produced)
                } else {
                    try FileManager.default.moveItem(at: produced, to: single)
                }
            } catch {
                printError("error: cannot write '\(single.path)': \(error.localizedDescription)")
                throw ExitCode(ExitStatus.backendFailure)
            }
        }
    }
}

/// "a, b,c" → ["a", "b", "c"].
func splitList(_ text: String) -> [String] {
    text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
}
