import Foundation
import Testing

/// Runs the independent programs the tests check output with (pdflatex, pdftotext, python3). A missing program
/// fails the test with the Debian package to install, never skips it: CI installs them all.
enum ExternalTool {
    static let packages = [
        "pdflatex": "texlive-latex-base texlive-latex-recommended texlive-latex-extra texlive-science texlive-lang-european lmodern",
        "pdftotext": "poppler-utils",
        "python3": "python3",
    ]

    /// The program's path on PATH, or a test failure naming what to install.
    static func require(_ name: String) throws -> URL {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        let found = path.split(separator: ":").map { URL(fileURLWithPath: String($0)).appendingPathComponent(name) }
            .first { FileManager.default.isExecutableFile(atPath: $0.path) }
        return try #require(found, "\(name) is not installed, and this test needs it: apt-get install \(packages[name] ?? name)")
    }

    struct Result {
        let status: Int32
        let output: String
        let errors: String
    }

    /// Runs `tool` in `directory` and returns its exit status and output. Output goes through files, so a
    /// chatty program can never block on a full pipe.
    static func run(_ tool: URL, _ arguments: [String], in directory: URL) throws -> Result {
        let out = directory.appendingPathComponent(".out-\(UUID().uuidString)")
        let err = directory.appendingPathComponent(".err-\(UUID().uuidString)")
        _ = FileManager.default.createFile(atPath: out.path, contents: nil)
        _ = FileManager.default.createFile(atPath: err.path, contents: nil)
        defer {
            try? FileManager.default.removeItem(at: out)
            try? FileManager.default.removeItem(at: err)
        }
        let process = Process()
        process.executableURL = tool
        process.arguments = arguments
        process.currentDirectoryURL = directory
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = try FileHandle(forWritingTo: out)
        process.standardError = try FileHandle(forWritingTo: err)
        try process.run()
        process.waitUntilExit()
        return Result(status: process.terminationStatus,
                      output: (try? String(contentsOf: out, encoding: .utf8)) ?? "",
                      errors: (try? String(contentsOf: err, encoding: .utf8)) ?? "")
    }
}
