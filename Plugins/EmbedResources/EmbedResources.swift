import Foundation
import PackagePlugin

/// Build-tool plugin of the `StapelYAML` target: turns Stapel's shipped YAML files — every interface label set
/// in `Sources/StapelYAML/Resources/Labels/*.yaml` and the house style `Styles/default.yaml` — into one generated
/// Swift source of string literals (`EmbeddedResources`), so that a `stapel` binary copied anywhere carries
/// them. The YAML files stay the single source of truth: the source is regenerated when any of them changes,
/// and a label set added to the folder is picked up by the next build.
@main
struct EmbedResources: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) async throws -> [Command] {
        let labelsFolder = context.package.directoryURL.appendingPathComponent("Sources/\(target.name)/Resources/Labels")
        let style = context.package.directoryURL.appendingPathComponent("Styles/default.yaml")
        let names = try FileManager.default.contentsOfDirectory(atPath: labelsFolder.path)
            .filter { $0.hasSuffix(".yaml") }.sorted()
        let labels = names.map { labelsFolder.appendingPathComponent($0) }
        let output = context.pluginWorkDirectoryURL.appendingPathComponent("EmbeddedResources.swift")
        var arguments = ["--output", output.path, "--style", style.path]
        for file in labels { arguments += ["--labels", file.path] }
        return [.buildCommand(displayName: "Embedding \(labels.count) interface label sets and the default style",
                              executable: try context.tool(named: "stapel-embed").url,
                              arguments: arguments,
                              inputFiles: labels + [style],
                              outputFiles: [output])]
    }
}
