import Foundation
import Testing

/// Cairo, Pango and the libraries around them are loaded when `stapel` first draws (Sources/CGraphicsLibraries):
/// the binary names none of them as a start-up dependency, a command that draws nothing runs without them, and
/// one that draws says which library and which Debian package are missing, before it writes anything.
@Suite struct GraphicsLibrariesTests {
    /// The sonames the trampolines load (graphics_libraries.c), and what else those pull in at start-up.
    static let loadedOnDemand = ["libcairo.so.2", "libpango-1.0.so.0", "libpangocairo-1.0.so.0", "libfontconfig.so.1",
                                 "libharfbuzz.so.0", "libgobject-2.0.so.0", "libglib-2.0.so.0", "libpng16.so.16",
                                 "libisal.so.2", "libfreetype.so.6", "libpixman-1.so.0", "libX11.so.6"]

    func output(_ tool: String, _ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [tool] + arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(tool) \(arguments.joined(separator: " ")) failed")
        return String(decoding: data, as: UTF8.self)
    }

    @Test func theBinaryStartsWithoutTheDrawingLibraries() throws {
        let binary = try stapelBinary().path
        let needed = try output("readelf", ["-d", binary]).split(separator: "\n")
            .filter { $0.contains("(NEEDED)") }
            .compactMap { line in line.split(separator: "[").last.map { String($0.dropLast()) } }
        #expect(!needed.isEmpty, "readelf listed no NEEDED entries at all")
        let linked = needed.filter { Self.loadedOnDemand.contains($0) }
        #expect(linked.isEmpty, "stapel is linked against \(linked): a link flag for them came back (Package.swift, a module map's `link`)")
        // Pango reaches the shaping cache only through the binary's exported hb_shape (CShapeCache).
        let exported = try output("nm", ["-D", "--defined-only", binary]).split(separator: "\n").map { $0.split(separator: " ").last ?? "" }
        #expect(exported.contains("hb_shape"), "stapel does not export hb_shape: Pango would bypass the shaping cache")
    }

    @Test func aMissingLibraryIsNamedBeforeAnythingIsWritten() throws {
        let scratch = try Scratch()
        defer { scratch.cleanUp() }
        // An empty file where the loader looks first: dlopen fails on it as on a library that is not installed.
        try scratch.write("", to: "lib/libcairo.so.2")
        let environment = ["LD_LIBRARY_PATH": scratch.url.appendingPathComponent("lib").path]
        let out = scratch.url.appendingPathComponent("out")

        let chart = try runStapel(["render", bundledSurvey.path, "--out", out.path, "--format", "png,csv", "--lang", "sv"],
                                  in: scratch.url, environment: environment)
        #expect(chart.status == 1)
        #expect(chart.stderr.contains("error: cannot load libcairo.so.2"), "stderr: \(chart.stderr)")
        #expect(chart.stderr.contains("install the Debian package libcairo2"), "stderr: \(chart.stderr)")
        #expect(!FileManager.default.fileExists(atPath: out.path), "nothing is written when a chart cannot be drawn")

        // What draws nothing still works: tables, and checking the survey.
        let tables = try runStapel(["render", bundledSurvey.path, "--out", out.path, "--format", "csv,md", "--lang", "sv", "--quiet"],
                                   in: scratch.url, environment: environment)
        #expect(tables.status == 0, "stderr: \(tables.stderr)")
        #expect(files(in: out.appendingPathComponent("sv")).filter { $0.hasSuffix(".csv") }.count == 38)
        let validate = try runStapel(["validate", bundledSurvey.path, "--strict"], in: scratch.url, environment: environment)
        #expect(validate.status == 0, "stderr: \(validate.stderr)")
    }

    @Test func tablesAloneLoadNoDrawingLibrary() throws {
        let scratch = try Scratch()
        defer { scratch.cleanUp() }
        let out = scratch.url.appendingPathComponent("out").path
        // The dynamic loader names every object it opens on standard error with LD_DEBUG=files.
        let tables = try runStapel(["render", bundledSurvey.path, "--out", out, "--format", "csv,tex,md", "--lang", "sv,en", "--quiet"],
                                   in: scratch.url, environment: ["LD_DEBUG": "files"])
        #expect(tables.status == 0)
        #expect(tables.stderr.contains("file=libyaml"), "LD_DEBUG=files printed nothing: \(tables.stderr.prefix(300))")
        #expect(!tables.stderr.contains("file=libcairo"), "a build of tables loaded Cairo")
        let chart = try runStapel(["render", bundledSurvey.path, "--out", out, "--format", "svg", "--lang", "sv", "--quiet"],
                                  in: scratch.url, environment: ["LD_DEBUG": "files"])
        #expect(chart.status == 0)
        #expect(chart.stderr.contains("file=libcairo.so.2"), "a chart build did not load Cairo: \(chart.stderr.prefix(300))")
    }
}
