import ArgumentParser
import Foundation
import Stapel

/// `stapel backends`: the registered output formats, built in and external.
struct BackendsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backends",
        abstract: "List the output formats: built-in backends, their options, and external stapel-backend-NAME programs.",
        discussion: """
            Example: stapel backends --backends-folder Tools/backends
            """)

    @Option(name: .long, help: "Also search this folder for stapel-backend-NAME programs (as a manifest's backends-folder).")
    var backendsFolder: String?

    func run() {
        let registry = BackendRegistry.builtIn
        let width = max(6, (registry.allNames.map(\.count).max() ?? 0) + 1)
        for backend in registry.backends {
            print("\(backend.name.padding(toLength: width, withPad: " ", startingAt: 0)) .\(backend.fileExtension.padding(toLength: 5, withPad: " ", startingAt: 0)) \(backend.summary)")
            for option in backend.options {
                let values = option.values.isEmpty ? "" : " (\(option.values.joined(separator: " | ")); default \(option.defaultText))"
                print("\("".padding(toLength: width + 8, withPad: " ", startingAt: 0))--\(option.name)\(values): \(option.summary)")
            }
        }
        for document in registry.documents {
            let file = "<lang>/\(document.fileName)"
            print("\(document.name.padding(toLength: width, withPad: " ", startingAt: 0)) \(file.padding(toLength: max(19, file.count + 1), withPad: " ", startingAt: 0))\(document.summary)")
        }
        let folders = (backendsFolder.map { [URL(fileURLWithPath: $0)] } ?? []) + (stapelExecutableFolder.map { [$0] } ?? [])
        let finder = ExternalBackendFinder(folders: folders, timeout: 10)
        for (name, executable) in finder.available() where !registry.provides(name) {
            let described: String
            do {
                let backend = try ExternalBackend(executable: executable, name: name, timeout: 10)
                described = ".\(backend.fileExtension.padding(toLength: 5, withPad: " ", startingAt: 0)) \(backend.summary) (external: \(executable.path))"
            } catch {
                described = "unusable: \(error)"
            }
            print("\(name.padding(toLength: width, withPad: " ", startingAt: 0)) \(described)")
        }
    }
}
