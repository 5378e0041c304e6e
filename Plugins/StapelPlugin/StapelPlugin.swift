import Foundation
import PackagePlugin

/// `swift package --allow-writing-to-package-directory render [stapel build options]`: builds `stapel` and runs
/// `stapel build` on the package's `stapel.yaml`, in the package folder. Arguments after the verb go to
/// `stapel build` unchanged (`--force`, `--check`, `--jobs 4`, another manifest …).
@main
struct StapelPlugin: CommandPlugin {
    func performCommand(context: PluginContext, arguments: [String]) async throws {
        let tool = try context.tool(named: "stapel")
        let process = Process()
        process.executableURL = tool.url
        process.arguments = ["build"] + arguments
        process.currentDirectoryURL = context.package.directoryURL
        try process.run()
        process.waitUntilExit()
        guard process.terminationReason == .exit, process.terminationStatus == 0 else {
            Diagnostics.error("stapel build failed with exit code \(process.terminationStatus)")
            throw PluginFailure(status: process.terminationStatus)
        }
    }
}

/// `stapel build` exited non-zero; its own messages say why.
struct PluginFailure: Error, CustomStringConvertible {
    var status: Int32
    var description: String { "stapel build exited with \(status)" }
}
