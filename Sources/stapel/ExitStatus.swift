import ArgumentParser
import Foundation
import Stapel

/// The exit codes of `stapel`, as the README documents them.
enum ExitStatus {
    static let ok: Int32 = 0
    /// A data, label, style or manifest error; with `build --check`, outputs that are missing or stale.
    static let dataError: Int32 = 1
    /// The command line is wrong: an unknown flag, a bad value, a missing manifest.
    static let usage: Int32 = 2
    /// A backend failed for some output; the other outputs were written.
    static let backendFailure: Int32 = 3
}

extension StapelCommand {
    /// Runs the command as ArgumentParser does, except that a usage error exits 2, as the README documents,
    /// rather than ArgumentParser's 64 (EX_USAGE).
    /// SIGPIPE is ignored first, so that a closed pipe is an EPIPE that StandardStream handles, not a crash.
    static func main() async {
        StandardStream.ignoreBrokenPipes()
        do {
            // `render`'s backend options are declared by the backends, not as flags: take them out first.
            var arguments = Array(CommandLine.arguments.dropFirst())
            let subcommands = configuration.subcommands.map { $0._commandName }
            if arguments.first.map({ $0 == RenderCommand._commandName || !subcommands.contains($0) }) ?? false {
                let split = try BackendOptionArguments.split(arguments, declarations: BackendRegistry.builtIn.options)
                arguments = split.rest
                BackendOptionArguments.values = split.values
            }
            var command = try parseAsRoot(arguments)
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch let error as OptionError {
            printError("Error: \(error)\nUsage: see `stapel render --help` and `stapel backends`")
            Foundation.exit(ExitStatus.usage)
        } catch {
            if exitCode(for: error) == .validationFailure {
                printError(fullMessage(for: error))
                Foundation.exit(ExitStatus.usage)
            }
            exit(withError: error)
        }
    }
}
