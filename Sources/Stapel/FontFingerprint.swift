import Foundation

/// The font files a family resolves to on this machine, as file name and SHA-256 of the bytes, one per line:
/// part of the input digest of every output that draws text, so that installing or upgrading a font
/// re-renders the charts — and touching a font file, or a fresh machine with the same fonts, does not. Asks fontconfig (`fc-list`, and `fc-match` for a family that falls back to another);
/// without fontconfig's tools the fingerprint says so and stays constant.
public enum FontFingerprint {
    public static func of(family: String) -> String {
        var files = fontconfig(["fc-list", "--format", "%{file}\\n", family])
        if files.isEmpty { files = fontconfig(["fc-match", "--format", "%{file}\\n", family]) }
        guard !files.isEmpty else { return "fontconfig unavailable" }
        return files.map { path in
            let name = URL(fileURLWithPath: path).lastPathComponent
            let digest = FileManager.default.contents(atPath: path).map { InputDigest.sha256Hex(Array($0)) } ?? "unreadable"
            return "\(name) \(digest)"
        }.sorted().joined(separator: "\n")
    }

    private static func fontconfig(_ command: [String]) -> [String] {
        guard let tool = ExternalBackendFinder(folders: [], searchesPATH: true).searchFolders
            .map({ $0.appendingPathComponent(command[0]).path })
            .first(where: { FileManager.default.isExecutableFile(atPath: $0) }),
              let result = try? Subprocess.run(tool, arguments: Array(command.dropFirst()), input: [], timeout: 30),
              result.termination == .exited(0) else { return [] }
        return String(decoding: result.stdout, as: UTF8.self).split(separator: "\n").map(String.init)
    }
}
