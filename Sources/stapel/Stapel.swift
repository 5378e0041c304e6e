import ArgumentParser
import Stapel

/// The `stapel` command: renders survey results into figures and tables.
@main
struct StapelCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stapel",
        abstract: "Render survey results as publication-ready figures and tables.",
        discussion: """
            Run in a survey folder (one holding survey.yaml), or name the folder. Start a new survey with \
            `stapel init DIR`.

            Example: stapel init my-survey && cd my-survey && stapel validate --strict && stapel render
            """,
        version: StapelVersion.current,
        subcommands: [InitCommand.self, RenderCommand.self, BuildCommand.self, ValidateCommand.self, BackendsCommand.self, LabelsCommand.self],
        defaultSubcommand: RenderCommand.self)
}
