import ArgumentParser
import Foundation
import Stapel

/// `stapel render [SURVEY] --out DIR --format … --lang … --style NAME`.
struct RenderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Render every question of a survey into DIR/<lang>/<question-id>.<ext>.")

    @Argument(help: "Survey folder (holding survey.yaml).")
    var survey: String = SurveyLocator.defaultSurvey

    @Option(name: .long, help: "Output folder.")
    var out: String = "Output"

    @Option(name: .long, help: "Comma-separated formats (see `stapel backends`). Default: all.")
    var format: String?

    @Option(name: .long, help: "Comma-separated languages.")
    var lang: String = "sv"

    @Option(name: .long, help: "House style, a file in Styles/.")
    var style: String = "default"

    @Option(name: .long, help: "Folder of house styles.")
    var styles: String = "Styles"

    @Option(name: .long, help: "Comma-separated question ids (default: all).")
    var questions: String?

    @Option(name: .long, help: "CSV layout: tidy or wide.")
    var csvLayout: String = "tidy"

    @Option(name: .long, help: "CSV dialect: rfc4180 or excel-sv.")
    var csvDialect: String = "rfc4180"

    @Flag(name: .long, help: "Write complete LaTeX documents instead of fragments.")
    var latexStandalone = false

    @Option(name: .long, help: "Fill missing labels from this language, with a warning.")
    var fallback: String?

    @Flag(help: "Print only warnings and errors.")
    var quiet = false

    func validate() throws {
        guard ["tidy", "wide"].contains(csvLayout) else {
            throw ValidationError("unknown CSV layout '\(csvLayout)'; expected tidy or wide")
        }
        guard ["rfc4180", "excel-sv"].contains(csvDialect) else {
            throw ValidationError("unknown CSV dialect '\(csvDialect)'; expected rfc4180 or excel-sv")
        }
    }

    func run() throws {
        var options = RenderOptions()
        options.csvLayout = csvLayout
        options.csvDialect = csvDialect
        options.latexStandalone = latexStandalone
        let registry = BackendRegistry.builtIn
        let plan = RenderPlan(
            surveyDirectory: URL(fileURLWithPath: survey), outputDirectory: URL(fileURLWithPath: out),
            stylesDirectory: URL(fileURLWithPath: styles),
            formats: format.map(splitList) ?? registry.names, languages: splitList(lang), style: style,
            questions: questions.map(splitList) ?? [], options: options, fallbackLanguage: fallback)
        let summary: RenderPipeline.Summary
        do {
            summary = try RenderPipeline(registry: registry).run(plan)
        } catch let error as RenderPipeline.PlanError {
            printError(error.description)
            if case .unknownFormat = error { throw ExitCode(2) }
            throw ExitCode(1)
        } catch {
            printError("\(error)")
            throw ExitCode(1)
        }
        for warning in summary.warnings { printError(warning) }
        for (url, message) in summary.failed { printError("error: \(url.path): \(message)") }
        if !quiet {
            print("\(summary.written.count) files written, \(summary.failed.count) failed, into \(out)/")
        }
        if !summary.failed.isEmpty { throw ExitCode(3) }
    }
}

/// "a, b,c" → ["a", "b", "c"].
func splitList(_ text: String) -> [String] {
    text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
}
