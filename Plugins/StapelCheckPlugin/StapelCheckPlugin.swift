import Foundation
import PackagePlugin

/// `swift package stapel-check [options]`: builds `stapel` and runs `stapel build --check` on the package's
/// `stapel.yaml`. It writes nothing, so it needs no permission. It names `stapel`'s exit code in its error (1 when
/// an output is missing or stale); SwiftPM 6.3 reports every failing plugin as exit 1.
@main
struct StapelCheckPlugin: CommandPlugin {
    func performCommand(context: PluginContext, arguments: [String]) async throws {
        let process = Process()
        process.executableURL = try context.tool(named: "stapel").url
        process.arguments = ["build", "--check"] + arguments
        process.currentDirectoryURL = context.package.directoryURL
        try process.run()
        process.waitUntilExit()
        let status = process.terminationReason == .exit ? process.terminationStatus : 128 + process.terminationStatus
        if status != 0 {
            Diagnostics.error("stapel build --check exited with \(status)")
            exit(status)
        }
    }
}
