import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import StapelCairo
import Stapel
import StapelLabels
import Testing

/// Hostile values that are allowed into the model must come out safe in every format, as a real parser of
/// that format reads it: XMLParser for SVG, Python's csv module, qpdf, ImageMagick's identify, pdflatex.
@Suite struct OutputSafetyTests {
    /// Characters that are markup in one output format or another, all legal in a label.
    static let hostileLabels: [String] = [
        "<script>alert(1)</script>", "a & b &amp; &#x41; ]]> <![CDATA[x]]>", "\"quoted\" and 'single'",
        "\\input{/etc/passwd} $x^2$ % # & _ { } ~ ^", "| pipe | **bold** [link](javascript:x) `code` <b>",
        "=HYPERLINK(\"http://x\",\"y\")", "@SUM(A1:A2)", "+1+1", "-2+3", "\tTab start", "\rCR start",
        "line one\nline two", "עברית RTL ‮override", "emoji 🧪👩‍🔬 e\u{301}", "\u{00A0}nbsp\u{2028}sep",
    ]

    static func labels(with text: String) -> String {
        replacing(baseLabels, "\"Option A\"", "\"" + text.replacingOccurrences(of: "\\", with: "\\\\")
            .replacingOccurrences(of: "\"", with: "\\\"").replacingOccurrences(of: "\n", with: "\\n")
            .replacingOccurrences(of: "\t", with: "\\t").replacingOccurrences(of: "\r", with: "\\r") + "\"")
    }

    final class XMLCheck: NSObject, XMLParserDelegate, @unchecked Sendable {
        var error: Error?
        func parser(_ parser: XMLParser, parseErrorOccurred parseError: Error) { error = parseError }
    }

    @Test(arguments: hostileLabels)
    func svgIsWellFormedXML(_ text: String) throws {
        let bytes = try Backend.svg.render(try request("q01", labels: Self.labels(with: text)))
        let parser = XMLParser(data: Data(bytes))
        let check = XMLCheck()
        parser.delegate = check
        #expect(parser.parse(), "SVG is not well-formed: \(String(describing: check.error))")
        if text.contains("<script>") { #expect(!utf8(bytes).contains("<script>")) }
    }

    @Test func csvGuardsFormulasByDefaultInEveryDialect() throws {
        let scratch = try Scratch()
        defer { scratch.cleanUp() }
        let python = try #require(tool("python3"), "python3 is needed to read the CSV back")
        for (dialect, label) in [("rfc4180", "=1+1"), ("rfc4180", "@SUM(A1)"), ("rfc4180", "+cmd"), ("rfc4180", "-2+3"),
                                 ("rfc4180", "\tx"), ("rfc4180", "\rx"), ("excel-sv", "=1+1"), ("excel-sv", "-2+3")] {
            var o = RenderOptions()
            o["csv-dialect"] = dialect
            let bytes = try Backend.csv.render(try request("q01", labels: Self.labels(with: label), options: o))
            let file = try scratch.write(utf8(bytes), to: "t.csv")
            let script = "import csv,sys,json\nf=open(sys.argv[1],newline='',encoding='utf-8-sig')\n"
                + "print(json.dumps(list(csv.reader(f,delimiter=sys.argv[2],strict=True))))"
            try scratch.write(script, to: "r.py")
            let result = try run(python, ["r.py", file.path, dialect == "rfc4180" ? "," : ";"], in: scratch.url)
            try #require(result.status == 0, "python csv could not read it: \(result.stderr)")
            let records = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String]])
            let cells = records.flatMap { $0 }
            #expect(cells.contains("'" + label), "\(dialect): \(label.debugDescription) not guarded: \(cells)")
            #expect(!cells.contains(label))
            // Numbers the tool writes are never altered.
            #expect(records.dropFirst().allSatisfy { !$0[8].hasPrefix("'") })
        }
    }

    @Test func csvOptOutKeepsTextVerbatim() throws {
        var o = RenderOptions()
        o["csv-injection-guard"] = "false"
        let text = utf8(try Backend.csv.render(try request("q01", labels: Self.labels(with: "=1+1"), options: o)))
        #expect(text.contains(",=1+1,"))
    }

    /// number.* values are held to their purpose at read; a set built in code still cannot inject markup.
    @Test func markdownEscapesNumbersFromTheLabelSet() throws {
        var r = try request("q01")
        r.labels.entries["number.decimal-separator"] = "<b>"
        r.labels.entries["number.percent"] = "{value}<script>"
        let md = utf8(try Backend.md.render(r))
        #expect(!md.contains("<script>") && !md.contains("<b>"), "\(md)")
        #expect(md.contains("\\<b\\>"))
    }

    @Test func latexCommentLinesCannotBreakOut() throws {
        var r = try request("q01")
        r.labels.language = "en\n\\input{/etc/hostname}\r\\def\\x{}\u{2028}\\y"
        let tex = utf8(try Backend.tex.render(r))
        for line in tex.split(whereSeparator: { $0 == "\n" || $0 == "\r" || $0 == "\u{2028}" }) where line.contains("input{/etc") {
            #expect(line.hasPrefix("%"), "a comment value escaped its line: \(line)")
        }
        #expect(LaTeXTableWriter.commentText("a\nb\rc\u{0C}d\u{2029}e") == "a b c d e")
    }

    @Test func latexOfHostileLabelsCompilesWithoutShellEscape() throws {
        guard let pdflatex = tool("pdflatex") else { return }
        let scratch = try Scratch()
        defer { scratch.cleanUp() }
        var o = RenderOptions()
        o["latex-standalone"] = "true"
        let labels = Self.labels(with: "\\input{/etc/hostname} $x^2$ % # & _ { } ~ ^ \\write18{touch pwned} << -- \"q\"")
        let tex = utf8(try Backend.tex.render(try request("q01", labels: labels, options: o)))
        try scratch.write(tex, to: "t.tex")
        let result = try run(pdflatex, ["-interaction=nonstopmode", "-halt-on-error", "-no-shell-escape", "t.tex"], in: scratch.url, timeout: 120)
        let log = (try? String(contentsOf: scratch.url.appendingPathComponent("t.log"), encoding: .utf8)) ?? ""
        #expect(result.status == 0, "pdflatex failed: \(result.stdout.suffix(800))")
        #expect(!log.split(separator: "\n").contains { $0.hasPrefix("!") })
        #expect(!FileManager.default.fileExists(atPath: scratch.url.appendingPathComponent("pwned").path))
    }

    @Test func latexUnsupportedCharacterNamesTheLabelKeyAndFile() throws {
        let labels = Self.labels(with: "Ett ☃ snögubbe")
        do {
            _ = try Backend.tex.render(try request("q01", labels: labels))
            Issue.record("pdflatex cannot set U+2603, yet the table was written")
        } catch {
            let message = "\(error)"
            #expect(message.contains("questions.q01.options.a"), "\(message)")
            #expect(message.contains("labels/en.yaml:10"), "\(message)")
            #expect(message.contains("U+2603"))
        }
    }

    @Test func pdfOfHostileLabelsPassesQPDF() throws {
        guard let qpdf = tool("qpdf") else { return }
        let scratch = try Scratch()
        defer { scratch.cleanUp() }
        for (i, text) in Self.hostileLabels.prefix(6).enumerated() {
            let file = scratch.url.appendingPathComponent("t\(i).pdf")
            try Data(try Backend.pdf.render(try request("q03", labels: Self.labels(with: text)))).write(to: file)
            let result = try run(qpdf, ["--check", file.path], in: scratch.url)
            #expect(result.status == 0, "qpdf --check: \(result.stdout) \(result.stderr)")
        }
    }

    @Test func pngSizeIsBoundedBeforeCairo() throws {
        // A style built in code (the reader refuses these values) still cannot reach Cairo.
        var style = Style(name: "huge")
        style.page.dpi = 1_000_000
        #expect(throws: ChartSizeError.self) { try Backend.png.render(try request("q01", style: style)) }
        style.page.dpi = .infinity
        #expect(throws: ChartSizeError.self) { try Backend.png.render(try request("q01", style: style)) }
        guard let identify = tool("identify") else { return }
        let scratch = try Scratch()
        defer { scratch.cleanUp() }
        let file = scratch.url.appendingPathComponent("q.png")
        try Data(try Backend.png.render(try request("q01", labels: Self.labels(with: "<&> 🧪")))).write(to: file)
        let result = try run(identify, [file.path], in: scratch.url)
        #expect(result.status == 0 && result.stdout.contains("PNG"), "\(result.stderr)")
    }

    // MARK: Paths

    @Test func noWriteThroughASymlinkedFolderLeadingOutside() throws {
        let scratch = try Scratch()
        defer { scratch.cleanUp() }
        let outside = scratch.url.appendingPathComponent("outside")
        try FileManager.default.createDirectory(at: outside, withIntermediateDirectories: true)
        let project = scratch.url.appendingPathComponent("project")
        try FileManager.default.createDirectory(at: project.appendingPathComponent("Output"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: project.appendingPathComponent("Output/sv").path, withDestinationPath: outside.path)
        let survey = try scratch.survey("project/survey", labels: ["en": baseLabels])
        try scratch.write("format: stapel-manifest/1\noutput: Output\nsurveys:\n  - path: survey\n    questions: [q01]\n    formats: [csv]\n    languages: [sv]\n", to: "project/stapel.yaml")
        _ = survey
        // AtomicFile on its own, from the project folder as working directory.
        let saved = FileManager.default.currentDirectoryPath
        FileManager.default.changeCurrentDirectoryPath(project.path)
        defer { FileManager.default.changeCurrentDirectoryPath(saved) }
        #expect(throws: AtomicFile.WriteError.self) {
            try AtomicFile.write(Array("x".utf8), to: project.appendingPathComponent("Output/sv/q01.csv"))
        }
        // A link as the target itself.
        let target = project.appendingPathComponent("Output/q.csv")
        try FileManager.default.createSymbolicLink(atPath: target.path, withDestinationPath: outside.appendingPathComponent("victim").path)
        do {
            try AtomicFile.write(Array("x".utf8), to: target)
            Issue.record("wrote through a symbolic link")
        } catch let error as AtomicFile.WriteError {
            #expect(error.description.contains("Output/q.csv") && error.description.contains("symbolic link"))
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: outside.path).isEmpty, "a file was written outside")
        // A link that stays inside is followed as before.
        try FileManager.default.createDirectory(at: project.appendingPathComponent("Output/real"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: project.appendingPathComponent("Output/alias").path,
                                                   withDestinationPath: project.appendingPathComponent("Output/real").path)
        try AtomicFile.write(Array("ok".utf8), to: project.appendingPathComponent("Output/alias/f.txt"))
        #expect(FileManager.default.fileExists(atPath: project.appendingPathComponent("Output/real/f.txt").path))
    }

    /// A build state edited to name files outside its folder, with those files' digests, gets none of them
    /// deleted by `--prune` (nor reported by `--check`): such entries are not believed. One hides its `..` behind
    /// a slash that a combining accent joins into one character.
    @Test func pruneNeverReachesOutsideTheOutputFolder() throws {
        let scratch = try Scratch()
        defer { scratch.cleanUp() }
        _ = try scratch.survey()
        try scratch.write("format: stapel-manifest/1\noutput: out\nsurveys:\n  - path: survey\n    questions: [q01]\n    formats: [csv]\n    languages: [en]\n", to: "stapel.yaml")
        let first = try stapel(["build"], in: scratch.url)
        #expect(first.status == 0, "\(first.stderr)")
        let out = scratch.url.appendingPathComponent("out")
        let precious = Array("precious".utf8)
        let victims = ["victim.txt", "\u{301}victim.txt"].map { scratch.url.appendingPathComponent($0) }
        for victim in victims { try Data(precious).write(to: victim) }
        var state = BuildState.load(from: out)
        let template = try #require(state.entries.values.first)
        for path in ["../victim.txt", "../\u{301}victim.txt", "en/../../victim.txt", victims[0].path, "en/\u{0}/x"] {
            state.entries[path] = BuildState.Entry(inputs: template.inputs, output: InputDigest.sha256Hex(precious), stamp: template.stamp)
        }
        // No run record: the next build plans, and so prunes.
        state.run = nil
        try state.save(to: out)
        #expect(BuildState.load(from: out).entries.keys.allSatisfy { !$0.contains("victim") && !$0.contains("\u{0}") })
        let prune = try stapel(["build", "--prune"], in: scratch.url)
        #expect(prune.status == 0, "\(prune.stderr)")
        for victim in victims { #expect(FileManager.default.fileExists(atPath: victim.path), "\(victim.lastPathComponent) was deleted") }
        #expect(try stapel(["build", "--check"], in: scratch.url).status == 0)
    }

    /// The check behind it, read byte by byte as the file system reads a path.
    @Test(arguments: ["", "/etc/passwd", "..", "../x", "sv/../../x", "sv/..", "../\u{301}x", "/\u{301}x", "sv/\u{0}/x", "//x"])
    func recordedPathsOutsideTheirFolderAreNotBelieved(_ path: String) {
        #expect(!RecordedPath.staysInside(path))
    }

    @Test(arguments: ["sv/q01.png", "q01.csv", "anes96/de/v01.pdf", "./sv/q01.md", "a..b/c", "..x/y", "sv/\u{301}../x"])
    func recordedPathsInsideTheirFolderAreBelieved(_ path: String) {
        #expect(RecordedPath.staysInside(path))
    }

    @Test(arguments: ["../x", "../../etc/passwd", "sv/../../x", "/tmp/x", "SV", "s", "", "sv\n", "pseudo/..", "sv.yaml", "a_b_c_d_e_f_g_h_i_j_k_l_m_n_o_p"])
    func languageCodesThatReachAPathAreRefused(_ code: String) throws {
        #expect(!LanguageCode.isValid(code))
        let loader = SurveyLoader(directory: URL(fileURLWithPath: "/nonexistent/survey"))
        #expect(throws: LoadError.self) { try loader.checkedLabelsFile(code) }
        #expect(loader.labelsFile(code).path.hasPrefix("/nonexistent/survey/labels/"))
        #expect(!loader.labelsFile(code).path.contains(".."))
    }

    @Test func validLanguageCodes() {
        for code in ["sv", "en", "pt-br", "zh_hant", "sr-latn-rs", "pseudo", "fil"] { #expect(LanguageCode.isValid(code), "\(code)") }
    }

    @Test func renderLangTraversalWritesNothingOutside() throws {
        let scratch = try Scratch()
        defer { scratch.cleanUp() }
        let survey = try scratch.survey()
        try scratch.write(baseLabels, to: "x.yaml")   // what labels/../../x.yaml would reach
        let result = try stapel(["render", survey.path, "--lang", "../../x", "--format", "csv", "--out", scratch.url.appendingPathComponent("out").path], in: scratch.url)
        #expect(result.status != 0)
        #expect(result.stderr.contains("not a language code"), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: scratch.url.appendingPathComponent("out").path))
    }

    @Test func importPOLangTraversalWritesNothing() throws {
        let scratch = try Scratch()
        defer { scratch.cleanUp() }
        let survey = try scratch.survey()
        // The PO file agrees with the flag, so the language reaches the path where the set would be written.
        let po = try scratch.write(basePO.replacingOccurrences(of: "Language: sv", with: "Language: ../../x"), to: "sv.po")
        let before = try FileManager.default.subpathsOfDirectory(atPath: scratch.url.path).sorted()
        let result = try stapel(["labels", "import-po", po.path, "--survey", survey.path, "--lang", "../../x"], in: scratch.url)
        #expect(result.status != 0)
        #expect(result.stderr.contains("not a language code"), "\(result.stderr)")
        let after = try FileManager.default.subpathsOfDirectory(atPath: scratch.url.path).filter { !$0.contains(".out-") && !$0.contains(".err-") }.sorted()
        #expect(after == before)
    }

    @Test func labelFileDeclaringAnotherLanguageIsRefused() throws {
        let scratch = try Scratch()
        defer { scratch.cleanUp() }
        let survey = try scratch.survey(labels: ["en": baseLabels, "sv": baseLabels])
        do {
            _ = try SurveyLoader(directory: survey).loadSurveyLabels("sv")
            Issue.record("sv.yaml declaring en was accepted")
        } catch let error as LoadError {
            #expect("\(error)".contains("labels/sv.yaml") && "\(error)".contains("language: en") && "\(error)".contains("'sv'"), "\(error)")
        }
    }

    @Test func labelSymlinkLoopIsNamed() throws {
        let scratch = try Scratch()
        defer { scratch.cleanUp() }
        let survey = try scratch.survey()
        let link = survey.appendingPathComponent("labels/sv.yaml").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: link)
        do {
            _ = try SurveyLoader(directory: survey).loadSurveyLabels("sv")
            Issue.record("a link loop was read")
        } catch {
            #expect("\(error)".contains("symbolic link") && "\(error)".contains("sv.yaml"), "\(error)")
        }
    }

    // MARK: Closed pipes (item 9)

    /// stdout is a pipe whose reading end is closed before stapel starts: every write meets EPIPE, deterministically.
    @Test(arguments: [["build", "--verbose"], ["build", "--log-format", "json"], ["build"], ["validate"], ["backends"]])
    func closedPipeDoesNotCrash(_ arguments: [String]) throws {
        let scratch = try Scratch()
        defer { scratch.cleanUp() }
        let survey = try scratch.survey()
        try scratch.write("format: stapel-manifest/1\noutput: Output\nsurveys:\n  - path: survey\n    questions: all\n    formats: [csv, md]\n    languages: [en]\n", to: "stapel.yaml")
        let process = Process()
        process.executableURL = try stapelBinary()
        process.arguments = arguments == ["validate"] ? ["validate", survey.path] : arguments
        process.currentDirectoryURL = scratch.url
        let out = Pipe()
        try out.fileHandleForReading.close()
        let errFile = scratch.url.appendingPathComponent("err.txt")
        FileManager.default.createFile(atPath: errFile.path, contents: nil)
        let err = try FileHandle(forWritingTo: errFile)
        process.standardOutput = out
        process.standardError = err
        try process.run()
        process.waitUntilExit()
        try err.close()
        let stderr = try String(contentsOf: errFile, encoding: .utf8)
        #expect(process.terminationReason == .exit, "killed by a signal (\(process.terminationStatus))")
        #expect(process.terminationStatus == 0, "\(stderr)")
        #expect(!stderr.contains("Fatal error") && !stderr.contains("Broken pipe"), "\(stderr)")
        if arguments.first == "build" {
            // The build itself went on and wrote every output.
            #expect(FileManager.default.fileExists(atPath: scratch.url.appendingPathComponent("Output/en/q03.md").path))
        }
    }
}
