import Foundation

/// Finds external backends: executable files named `stapel-backend-NAME`, looked up in `folders` in order
/// (the manifest's `backends-folder`, then the folder holding `stapel`), then in the folders of `PATH`.
/// The first match wins.
package struct ExternalBackendFinder: Sendable {
    package static let prefix = "stapel-backend-"

    package var folders: [URL]
    package var searchesPATH: Bool
    /// Seconds a backend may take to describe itself or to render one output.
    package var timeout: Double

    package static let defaultTimeout = 60.0

    package init(folders: [URL] = [], searchesPATH: Bool = true, timeout: Double = ExternalBackendFinder.defaultTimeout) {
        self.folders = folders
        self.searchesPATH = searchesPATH
        self.timeout = timeout
    }

    /// Every folder searched, in order, without repeats.
    package var searchFolders: [URL] {
        var result: [URL] = []
        var all = folders
        if searchesPATH, let path = ProcessInfo.processInfo.environment["PATH"] {
            all += path.split(separator: ":").map { URL(fileURLWithPath: String($0)) }
        }
        for folder in all where !result.contains(where: { $0.standardizedFileURL == folder.standardizedFileURL }) {
            result.append(folder)
        }
        return result
    }

    /// The program for backend `name`, if one is installed.
    package func executable(named name: String) -> URL? {
        guard ExternalBackendFinder.isValidName(name) else { return nil }
        for folder in searchFolders {
            let candidate = folder.appendingPathComponent(ExternalBackendFinder.prefix + name)
            if ExternalBackendFinder.isExecutableFile(candidate.path) { return candidate }
        }
        return nil
    }

    /// The backend `name`, described by its program; nil when no program has that name.
    package func backend(named name: String) throws -> Backend? {
        try program(named: name)?.backend
    }

    /// The program `name`, described by itself; nil when no program has that name.
    package func program(named name: String) throws -> ExternalBackend? {
        guard let executable = executable(named: name) else { return nil }
        return try ExternalBackend(executable: executable, name: name, timeout: timeout)
    }

    /// Names of every external backend found, in search order, each once.
    package func availableNames() -> [String] { available().map(\.name) }

    /// Every external backend program found, without running any.
    package func available() -> [(name: String, executable: URL)] {
        var found: [(String, URL)] = []
        for folder in searchFolders {
            let entries = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
            for entry in entries.sorted() where entry.hasPrefix(ExternalBackendFinder.prefix) {
                let name = String(entry.dropFirst(ExternalBackendFinder.prefix.count))
                let url = folder.appendingPathComponent(entry)
                guard ExternalBackendFinder.isValidName(name), !found.contains(where: { $0.0 == name }),
                      ExternalBackendFinder.isExecutableFile(url.path) else { continue }
                found.append((name, url))
            }
        }
        return found
    }

    /// Backend names follow the id rule of the data format: `[a-z0-9][a-z0-9-]*`.
    package static func isValidName(_ name: String) -> Bool {
        guard let first = name.first, first.isASCII, first.isLowercase || first.isNumber else { return false }
        return name.allSatisfy { $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "-") }
    }

    static func isExecutableFile(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && !isDirectory.boolValue
            && access(path, X_OK) == 0
    }
}
