import Foundation
import StapelCairo

/// The font files a family resolves to on this machine, as file name and SHA-256 of the bytes, one per line:
/// part of the input digest of every output that draws text, so that installing or upgrading a font
/// re-renders the charts — and touching a font file, or a fresh machine with the same fonts, does not.
/// The files come from fontconfig in-process (`FontFiles`); without fontconfig the fingerprint says so and
/// stays constant.
///
/// Hashing a family's files reads megabytes, so each file's digest is kept with the file's size and
/// modification time (`FileRecord`, stored in the build state): while both are unchanged the file is not read
/// again, as the outputs themselves are not.
package enum FontFingerprint {
    /// A font file's digest and the stamp the file had when it was hashed.
    package struct FileRecord: Sendable, Equatable, Codable {
        package var stamp: FileStamp
        package var sha256: String

        package init(stamp: FileStamp, sha256: String) {
            self.stamp = stamp
            self.sha256 = sha256
        }
    }

    /// The fingerprint, taking a file's digest from `known` (by path) while its stamp is unchanged; with the
    /// record of each of the family's files.
    package static func of(family: String, known: [String: FileRecord])
        -> (fingerprint: String, files: [String: FileRecord]) {
        guard let paths = FontFiles.paths(family: family), !paths.isEmpty else { return ("fontconfig unavailable", [:]) }
        var files: [String: FileRecord] = [:]
        let lines = paths.map { path in
            let name = URL(fileURLWithPath: path).lastPathComponent
            guard let stamp = FileStamp.of(path) else { return "\(name) unreadable" }
            if let record = known[path], record.stamp == stamp {
                files[path] = record
                return "\(name) \(record.sha256)"
            }
            guard let bytes = FileManager.default.contents(atPath: path) else { return "\(name) unreadable" }
            let record = FileRecord(stamp: stamp, sha256: InputDigest.sha256Hex(Array(bytes)))
            files[path] = record
            return "\(name) \(record.sha256)"
        }
        return (lines.sorted().joined(separator: "\n"), files)
    }
}
