import ArgumentParser

/// The `stapel` command: renders survey results into figures and tables.
@main
struct StapelCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stapel",
        abstract: "Render survey results as publication-ready figures and tables.",
        subcommands: [RenderCommand.self, BuildCommand.self, ValidateCommand.self, BackendsCommand.self, LabelsCommand.self],
        defaultSubcommand: RenderCommand.self)
}
