import Foundation
import PackagePlugin

/// `swift package --allow-writing-to-package-directory stapel-build [stapel build options]`: builds `stapel`
/// and runs `stapel build` on the package's `stapel.yaml`, in the package folder. Arguments after the verb go
/// to `stapel build` unchanged (`--force`, `--prune`, `--jobs 4`, another manifest …). The plugin exits with
/// `stapel`'s exit code and names it in its error, since SwiftPM 6.3 reports every failing plugin as exit 1.
@main
struct StapelPlugin: CommandPlugin {
    func performCommand(context: PluginContext, arguments: [String]) async throws {
        let status = try runStapel(try context.tool(named: "stapel").url, ["build"] + arguments, in: context.package.directoryURL)
        if status != 0 {
            Diagnostics.error("stapel build exited with \(status)")
            exit(status)
        }
    }
}

/// Runs `stapel` with `arguments` in `folder` and returns its exit status (128 + signal when killed).
func runStapel(_ tool: URL, _ arguments: [String], in folder: URL) throws -> Int32 {
    let process = Process()
    process.executableURL = tool
    process.arguments = arguments
    process.currentDirectoryURL = folder
    try process.run()
    process.waitUntilExit()
    return process.terminationReason == .exit ? process.terminationStatus : 128 + process.terminationStatus
}
