import Foundation
import Testing
@testable import StapelCairo

@Suite struct FontTests {
    @Test func interResolvesToItself() {
        // Pango falls back silently; the house font must really be installed (fonts-inter).
        #expect(FontProbe.resolvedFamily("Inter") == "Inter")
    }

    @Test func cairoIsLinked() {
        #expect(FontProbe.cairoVersion.hasPrefix("1."))
    }
}

/// fontconfig asked in-process lists what its command-line tools list, so fingerprints did not change when
/// Stapel stopped running `fc-list`.
@Suite struct FontFilesTests {
    static func tool(_ arguments: [String]) throws -> Set<String> {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Set(String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init))
    }

    @Test func aFamilysFilesAreTheOnesFcListNames() throws {
        let files = try #require(FontFiles.paths(family: "DejaVu Sans"))
        #expect(files.count > 1, "every style of the family")
        #expect(Set(files) == (try Self.tool(["fc-list", "--format", "%{file}\\n", "DejaVu Sans"])))
    }

    @Test func anUnknownFamilyGivesTheFileItFallsBackTo() throws {
        let files = try #require(FontFiles.paths(family: "No Such Family Stapel"))
        #expect(files.count == 1)
        #expect(Set(files) == (try Self.tool(["fc-match", "--format", "%{file}\\n", "No Such Family Stapel"])))
    }
}
