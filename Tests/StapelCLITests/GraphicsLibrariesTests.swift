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
        #expect(exported.contains("g_thread_new"), "stapel does not export g_thread_new: Pango would make two threads per font pattern")
    }

    /// Pango's font match on the calling thread and its fallback sorts on one helper (pango_threads.c) draw what
    /// Pango's own two threads per pattern draw, fallback fonts included: a label with characters Inter lacks
    /// (drawn in DejaVu Sans), in every chart format, at one worker and at two.
    @Test func pangosFontThreadsReplacedDrawTheSame() throws {
        let scratch = try Scratch()
        defer { scratch.cleanUp() }
        #expect(try runStapel(["init", "umfrage", "--language", "de"], in: scratch.url).status == 0)
        try edit(scratch.url.appendingPathComponent("umfrage/labels/de.yaml"), replacing: "agree: \"Agree\"",
                 with: "agree: \"Stimme zu ☃ ∰ ⅋\"")
        var outputs: [String: [String: Data]] = [:]
        for (name, threads) in [("replaced", "0"), ("pango", "1")] {
            for jobs in ["1", "2"] {
                let out = scratch.url.appendingPathComponent("\(name)-\(jobs)")
                let run = try runStapel(["render", "umfrage", "--out", out.path, "--format", "png,pdf,svg", "--jobs", jobs, "--quiet"],
                                        in: scratch.url, environment: ["STAPEL_PANGO_THREADS": threads])
                #expect(run.status == 0, "stderr: \(run.stderr)")
                let charts = files(in: out).filter { !$0.hasPrefix(".stapel") }
                outputs["\(name)-\(jobs)"] = Dictionary(uniqueKeysWithValues: try charts.map {
                    ($0, try Data(contentsOf: out.appendingPathComponent($0)))
                })
            }
        }
        let reference = try #require(outputs["pango-1"])
        #expect(reference.count >= 12, "too few charts: \(reference.keys.sorted())")
        for (name, charts) in outputs.sorted(by: { $0.key < $1.key }) {
            #expect(charts.keys.sorted() == reference.keys.sorted(), "\(name) wrote other files")
            let differing = charts.filter { reference[$0.key] != $0.value }.keys.sorted()
            #expect(differing.isEmpty, "\(name) differs from Pango's own threads in \(differing)")
        }
        // The fallback was needed, so the sorts' results reached the drawing: a chart with the label embeds a
        // font besides Inter.
        let withLabel = try #require(reference.keys.sorted().first { name in
            name.hasSuffix(".svg") && String(decoding: reference[name]!, as: UTF8.self).contains("Stimme zu")
        })
        let pdf = scratch.url.appendingPathComponent("replaced-2").appendingPathComponent(withLabel.replacingOccurrences(of: ".svg", with: ".pdf"))
        let fonts = try output("pdffonts", [pdf.path])
        #expect(fonts.contains("DejaVuSans"), "no fallback font in \(withLabel): \(fonts)")
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
