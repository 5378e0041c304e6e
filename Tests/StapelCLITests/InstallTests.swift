import Foundation
import Stapel
import Testing

/// Install and first run: the `stapel` binary copied alone into a folder outside the checkout (no .build, no
/// resource bundle beside it), run from yet another folder — `--version`, `init`, `validate --strict` and
/// `render` in every built-in format, on a new survey and on a copy of the bundled one.
@Suite struct InstallTests {
    static let formats = ["png", "pdf", "svg", "csv", "tex", "md"]

    let scratch: Scratch
    /// The copied binary.
    let stapel: URL
    /// The working folder commands run in.
    let work: URL

    init() throws {
        scratch = try Scratch()
        let bin = scratch.url.appendingPathComponent("bin")
        work = scratch.url.appendingPathComponent("work")
        try FileManager.default.createDirectory(at: bin, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        stapel = bin.appendingPathComponent("stapel")
        try FileManager.default.copyItem(at: try stapelBinary(), to: stapel)
        #expect(!scratch.url.standardizedFileURL.path.hasPrefix(packageRoot.standardizedFileURL.path))
    }

    func run(_ arguments: [String], in folder: URL? = nil) throws -> (status: Int32, stdout: String, stderr: String) {
        // A child that another test forks while the copy is being written inherits its descriptor for a moment,
        // so that exec fails with ETXTBSY ("Text file busy"): wait and try again.
        for attempt in 1... {
            do {
                return try runStapel(arguments, in: folder ?? work, executable: stapel)
            } catch let error as NSError where attempt < 50 && Self.isTextFileBusy(error) {
                usleep(100_000)
            }
        }
        fatalError("unreachable")
    }

    static func isTextFileBusy(_ error: NSError) -> Bool {
        let underlying = error.userInfo[NSUnderlyingErrorKey] as? NSError
        return (error.domain == NSPOSIXErrorDomain && error.code == Int(ETXTBSY))
            || (underlying?.domain == NSPOSIXErrorDomain && underlying?.code == Int(ETXTBSY))
    }

    /// Expects `folder/<lang>/<question>.<ext>` to exist and be non-empty for every combination.
    func expectOutputs(in folder: URL, languages: [String], questions: [String], formats: [String] = formats) {
        for language in languages {
            for question in questions {
                for format in formats {
                    let file = folder.appendingPathComponent("\(language)/\(question).\(format)")
                    let size = (try? FileManager.default.attributesOfItem(atPath: file.path)[.size] as? Int) ?? nil
                    #expect((size ?? 0) > 0, "\(file.path) is missing or empty")
                }
            }
        }
    }

    /// Width in pixels of a PNG file (the IHDR chunk).
    func pngWidth(_ file: URL) throws -> Int {
        let bytes = [UInt8](try Data(contentsOf: file))
        return bytes[16...19].reduce(0) { $0 << 8 | Int($1) }
    }

    @Test func versionPrintsStapelVersion() throws {
        let result = try run(["--version"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == StapelVersion.current)
    }

    @Test func initValidatesAndRendersInEveryFormat() throws {
        let created = try run(["init", "my-survey"])
        #expect(created.status == 0, "\(created.stderr)")
        let survey = work.appendingPathComponent("my-survey")
        for name in ["survey.yaml", "labels/en.yaml", "stapel.yaml"] {
            #expect(FileManager.default.fileExists(atPath: survey.appendingPathComponent(name).path), "\(name)")
        }
        let validated = try run(["validate", "--strict", "my-survey"])
        #expect(validated.status == 0, "\(validated.stdout)\(validated.stderr)")
        #expect(validated.stdout.contains("1 single-choice, 1 multiple-choice, 1 grid, 1 multi-select-grid"))

        let rendered = try run(["render", "my-survey", "--out", "out", "--format", Self.formats.joined(separator: ",")])
        #expect(rendered.status == 0, "\(rendered.stderr)")
        #expect(rendered.stdout.contains("24 written, 0 unchanged, 0 failed"))
        expectOutputs(in: work.appendingPathComponent("out"), languages: ["en"], questions: ["q01", "q02", "q03", "q04"])

        // In the survey folder itself, with no arguments: validate, render (every format, every label set), build.
        #expect(try run(["validate", "--strict"], in: survey).status == 0)
        let here = try run(["render"], in: survey)
        #expect(here.status == 0, "\(here.stderr)")
        expectOutputs(in: survey.appendingPathComponent("Output"), languages: ["en"], questions: ["q01", "q02", "q03", "q04"])
        let built = try run(["build", "--jobs", "2"], in: survey)
        #expect(built.status == 0, "\(built.stderr)")
        #expect(built.stdout.contains("0 written, 24 unchanged, 0 failed"))
    }

    @Test func initRefusesToOverwrite() throws {
        #expect(try run(["init", "s"]).status == 0)
        let survey = work.appendingPathComponent("s/survey.yaml")
        try Data("mine\n".utf8).write(to: survey)
        let again = try run(["init", "s"])
        #expect(again.status == 1)
        #expect(again.stderr.contains("already holds survey.yaml") && again.stderr.contains("never overwrites"))
        #expect(try String(contentsOf: survey, encoding: .utf8) == "mine\n")
    }

    @Test(arguments: ["sv", "de"]) func initInAnotherLanguage(_ language: String) throws {
        #expect(try run(["init", "s", "--language", language]).status == 0)
        let labels = try String(contentsOf: work.appendingPathComponent("s/labels/\(language).yaml"), encoding: .utf8)
        #expect(labels.contains("language: \(language)"))
        // Swedish has example texts; German gets the English ones, marked for translation.
        #expect(labels.contains("TODO: translate") == (language != "sv"))
        #expect(try run(["validate", "--strict", "s"]).status == 0)
        let rendered = try run(["render", "s", "--out", "out", "--format", "md,png"])
        #expect(rendered.status == 0, "\(rendered.stderr)")
        expectOutputs(in: work.appendingPathComponent("out"), languages: [language], questions: ["q01", "q04"], formats: ["md", "png"])
    }

    @Test func bundledSurveyCopyValidatesAndRendersInEveryFormat() throws {
        try FileManager.default.copyItem(at: bundledSurvey, to: work.appendingPathComponent("digitalisering"))
        let validated = try run(["validate", "--strict", "digitalisering"])
        #expect(validated.status == 0, "\(validated.stderr)")
        let rendered = try run(["render", "digitalisering", "--out", "out"])   // every format, every label set
        #expect(rendered.status == 0, "\(rendered.stderr)")
        let survey = try SurveyLoader(directory: bundledSurvey).loadSurvey()
        let languages = SurveyLoader(directory: bundledSurvey).availableLanguages()
        #expect(languages.contains("sv") && languages.contains("en"))
        expectOutputs(in: work.appendingPathComponent("out"), languages: languages, questions: survey.questions.map(\.id))
    }

    @Test func noSurveyHereIsAClearError() throws {
        for command in [["validate"], ["render"], ["labels", "check"]] {
            let result = try run(command)
            #expect(result.status == 2, "\(command)")
            #expect(result.stderr.contains("no survey here") && result.stderr.contains("stapel init"), "\(command): \(result.stderr)")
        }
    }

    @Test func userStyleExtendsTheBuiltInDefault() throws {
        #expect(try run(["init", "s"]).status == 0)
        // A styles folder with no default.yaml: `extends: default` is the built-in one.
        try scratch.write("format: stapel-style/1\nextends: default\npage: {width-mm: 200}\n", to: "work/house/wide.yaml")
        let rendered = try run(["render", "s", "--out", "out", "--format", "png,svg", "--styles", "house", "--style", "wide"])
        #expect(rendered.status == 0, "\(rendered.stderr)")
        let builtIn = try run(["render", "s", "--out", "plain", "--format", "png", "--styles", "house"])
        #expect(builtIn.status == 0, "\(builtIn.stderr)")
        // 200 mm and 160 mm at the default style's 200 dpi.
        #expect(try pngWidth(work.appendingPathComponent("out/en/q01.png")) == Int((200 / 25.4 * 200).rounded()))
        #expect(try pngWidth(work.appendingPathComponent("plain/en/q01.png")) == Int((160 / 25.4 * 200).rounded()))

        let noFolder = try run(["render", "s", "--out", "out", "--styles", "nosuch"])
        #expect(noFolder.status == 2 && noFolder.stderr.contains("no styles folder 'nosuch'"))
        let unknown = try run(["render", "s", "--out", "out", "--styles", "house", "--style", "nosuch"])
        #expect(unknown.status == 2, "a style named on the command line that does not exist is a usage error")
        #expect(unknown.stderr.contains("no style 'nosuch'") && unknown.stderr.contains("default, wide"))
    }

    @Test func builtInDefaultStyleWithAndWithoutAFolder() throws {
        let folder = scratch.url.appendingPathComponent("styles")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let fromCheckout = try StyleReader.load("default", from: stylesFolder)
        #expect(try StyleReader.load("default", from: scratch.url.appendingPathComponent("missing")) == fromCheckout)
        #expect(try StyleReader.load("slides", from: stylesFolder).page.aspectRatio != nil)
        // A folder's default.yaml replaces the built-in one and may extend it.
        try scratch.write("format: stapel-style/1\nextends: default\nfonts: {label-size: 12}\n", to: "styles/default.yaml")
        let extended = try StyleReader.load("default", from: folder)
        #expect(extended.fonts.labelSize == 12)
        #expect(extended.fonts.family == fromCheckout.fonts.family)
        try scratch.write("format: stapel-style/1\nextends: wide\n", to: "styles/narrow.yaml")
        try scratch.write("format: stapel-style/1\nextends: narrow\n", to: "styles/wide.yaml")
        #expect(throws: StyleError.self) { try StyleReader.load("wide", from: folder) }
    }

    @Test func theBinaryCarriesEveryShippedLabelSetAndTheDefaultStyleAsWritten() throws {
        let folder = packageRoot.appendingPathComponent(InterfaceLabels.sourceFolder)
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".yaml") }
        #expect(InterfaceLabels.availableLanguages() == files.map { String($0.dropLast(5)) }.sorted())
        for file in files {
            let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
            #expect(InterfaceLabels.text(String(file.dropLast(5))) == text, "\(file) differs from the built-in copy")
        }
        #expect(StyleReader.builtInText == (try String(contentsOf: stylesFolder.appendingPathComponent("default.yaml"), encoding: .utf8)))
        #expect(throws: LoadError.self) { try InterfaceLabels.load("xx") }
    }

    @Test func everySubcommandHelpHasAnExample() throws {
        for command in [[], ["init"], ["render"], ["build"], ["validate"], ["backends"], ["labels"], ["labels", "check"],
                        ["labels", "extract"], ["labels", "export-po"], ["labels", "import-po"]] {
            let result = try run(["help"] + command)
            #expect(result.status == 0, "\(command)")
            #expect(result.stdout.contains("Example:"), "stapel \(command.joined(separator: " ")) --help has no example")
        }
    }
}
