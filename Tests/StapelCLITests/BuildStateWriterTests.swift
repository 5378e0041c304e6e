import Foundation
import Stapel
import Testing

/// The state file is written without `Codable` for speed, and must be what `JSONEncoder` writes for the same
/// value (sorted keys, pretty printed, slashes as they are), and read back as the same state.
@Suite struct BuildStateWriterTests {
    /// The file's shape as `Codable` types, the way the state file was written before.
    struct File: Codable {
        var format: String
        var stapel: String
        var outputs: [String: BuildState.Entry]
        var fonts: [String: FontFingerprint.FileRecord]?
    }

    static func foundationBytes(_ state: BuildState) throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        return try Array(encoder.encode(File(format: BuildState.format, stapel: StapelVersion.current, outputs: state.entries,
                                             fonts: state.fonts.isEmpty ? nil : state.fonts))) + [0x0A]
    }

    static let digest = String(repeating: "ab12", count: 16)

    static var states: [BuildState] {
        let stamp = FileStamp(size: 395, modified: 1_796_162_406_987_669_697)
        var plain = BuildState()
        for language in ["sv", "en"] {
            for q in 1...12 {
                for ext in ["png", "csv", "tex"] {
                    plain.entries[String(format: "%@/q%02d.%@", language, q, ext)] =
                        BuildState.Entry(inputs: digest, output: digest, stamp: stamp)
                }
            }
        }
        plain.fonts["/usr/share/fonts/opentype/inter/Inter-Bold.otf"] = FontFingerprint.FileRecord(stamp: stamp, sha256: digest)
        var hostile = plain
        hostile.entries["sv/q01.png"]?.warnings = ["warning: 'Fråga 1 – \"citat\"' is\ttoo long \\ here\n", "\u{1}\u{1F}\u{7F}/ok ✓ 😀"]
        hostile.entries["de/Ärger ß/q1.svg"] = BuildState.Entry(inputs: "", output: digest, warnings: ["x"], stamp: nil)
        hostile.entries["en/q01.md"]?.stamp = FileStamp(size: 0, modified: -5)
        // An empty list, as a state read from an edited file may hold.
        hostile.entries["en/q02.md"]?.warnings = []
        var empty = BuildState()
        empty.fonts = [:]
        var noFonts = plain
        noFonts.fonts = [:]
        return [plain, hostile, empty, noFonts]
    }

    @Test(arguments: 0..<4) func theBytesAreJSONEncoders(_ index: Int) throws {
        let state = Self.states[index]
        let ours = try state.encoded()
        let theirs = try Self.foundationBytes(state)
        #expect(ours == theirs, "\(String(decoding: ours.prefix(400), as: UTF8.self))\n---\n\(String(decoding: theirs.prefix(400), as: UTF8.self))")
    }

    @Test(arguments: 0..<4) func itReadsBackAsTheSameState(_ index: Int) throws {
        let state = Self.states[index]
        let decoded = try JSONDecoder().decode(File.self, from: Data(try state.encoded()))
        #expect(decoded.outputs == state.entries)
        #expect((decoded.fonts ?? [:]) == state.fonts)
        #expect(decoded.format == BuildState.format)
    }

    /// Keys whose order is not the same by bytes, by numbers and ignoring case: whatever the writer does, it
    /// must be what `JSONEncoder` does.
    @Test func keysSortAsJSONEncodersDo() throws {
        var state = BuildState()
        for name in ["sv/q10.png", "sv/q9.png", "sv/Q1.png", "sv/q1.png", "sv/a b.png", "sv/a-b.png", "sv/ä.png", "sv/z.png", "sv/e\u{301}.png", "sv/é.png"] {
            state.entries[name] = BuildState.Entry(inputs: Self.digest, output: Self.digest)
        }
        #expect(try state.encoded() == (try Self.foundationBytes(state)))
    }
}
