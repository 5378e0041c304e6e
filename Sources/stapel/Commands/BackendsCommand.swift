import ArgumentParser
import Stapel

/// `stapel backends`: the registered output formats.
struct BackendsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "backends", abstract: "List the output formats.")

    func run() {
        for backend in BackendRegistry.builtIn.backends {
            print("\(backend.name.padding(toLength: 6, withPad: " ", startingAt: 0)) .\(backend.fileExtension.padding(toLength: 5, withPad: " ", startingAt: 0)) \(backend.summary)")
        }
    }
}
