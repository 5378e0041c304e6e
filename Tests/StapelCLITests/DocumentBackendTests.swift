import Foundation
import Stapel
import Testing

/// The per-language documents — the review gallery `index.html`, `report.pdf` and `report.docx` — through the
/// pipeline as a build makes them: their content, their accessibility, incremental rebuilds, the CLI listing.
@Suite(.serialized) struct DocumentBackendTests {
    static let questions = ["q01", "q02", "q36"]

    /// One build of q01, q02 and q36 in Swedish and English with the gallery, both reports and the figures
    /// they link to, shared by the tests of this suite (pdflatex twice per language takes seconds).
    static let built: Result<(folder: URL, report: BuildReport), any Error> = Result {
        let scratch = try Scratch()
        let report = try RenderPipeline().run(plan(scratch.url.appendingPathComponent("out")), runner: BuildRunner(jobs: 2))
        return (scratch.url.appendingPathComponent("out"), report)
    }

    static func plan(_ output: URL, survey: URL = bundledSurvey) -> RenderPlan {
        RenderPlan(surveyDirectory: survey, outputDirectory: output, stylesDirectory: stylesFolder,
                   formats: ["svg", "html", "index", "report-pdf", "report-docx"], languages: ["sv", "en"],
                   style: "default", questions: questions)
    }

    func output() throws -> URL {
        let (folder, report) = try Self.built.get()
        #expect(report.failed.isEmpty, "\(report.failed.map(\.message))")
        return folder
    }

    func labels(_ language: String) throws -> LabelSet {
        try SurveyLoader(directory: bundledSurvey).loadLabels(language)
    }

    @Test func galleryShowsEveryFigureInQuestionnaireOrderWithAltTextAndLinks() throws {
        let folder = try output()
        for language in ["sv", "en"] {
            let html = try String(contentsOf: folder.appendingPathComponent("\(language)/index.html"), encoding: .utf8)
            let labels = try labels(language)
            #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"\(language == "sv" ? "sv-SE" : "en-GB")\">"))
            #expect(html.contains("<h1>\(labels.text("survey.title").replacingOccurrences(of: "'", with: "&#39;"))</h1>"))
            #expect(html.contains("<header>") && html.contains("<nav ") && html.contains("<main>") && html.contains("<footer>"))
            var positions: [String.Index] = []
            for id in Self.questions {
                let img = try #require(html.range(of: "<img src=\"\(id).svg\" alt=\""), "no figure \(id) in \(language)")
                positions.append(img.lowerBound)
                #expect(html.contains("<a href=\"\(id).html\">"))
                // The alt text is the one the figure's own SVG carries.
                let svg = try String(contentsOf: folder.appendingPathComponent("\(language)/\(id).svg"), encoding: .utf8)
                let title = try #require(svg.firstMatch(of: /<title[^>]*>([^<]*)<\/title>/)?.1)
                #expect(html.contains("alt=\"\(title)\""), "\(id) \(language): alt differs from the SVG's title")
            }
            #expect(positions == positions.sorted())
        }
        #expect(try String(contentsOf: folder.appendingPathComponent("sv/index.html"), encoding: .utf8).contains("Innehåll"))
    }

    @Test func galleryWithoutImageFormatsEmbedsTheSVG() throws {
        let scratch = try Scratch()
        defer { scratch.cleanUp() }
        var plan = Self.plan(scratch.url)
        plan.formats = ["index"]
        plan.languages = ["en"]
        let report = try RenderPipeline().run(plan, runner: BuildRunner(jobs: 2))
        #expect(report.written.map(\.lastPathComponent) == ["index.html"])
        let html = try String(contentsOf: scratch.url.appendingPathComponent("en/index.html"), encoding: .utf8)
        #expect(html.components(separatedBy: "src=\"data:image/svg+xml;base64,").count == Self.questions.count + 1)
        #expect(!html.contains(".html\">"))
    }

    /// Headless Chromium with axe-core: no violations, no console errors, every image loaded; a screenshot
    /// (kept with STAPEL_KEEP_HTML=1) for looking at.
    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/chromium")
                   && FileManager.default.isExecutableFile(atPath: "/usr/bin/chromedriver")))
    func galleryPassesAxeInChromium() throws {
        let folder = try output()
        let script = Self.axeScript
        for language in ["sv", "en"] {
            let result = try tool("python3", [script.path, "index"], in: folder.appendingPathComponent(language))
            #expect(result.status == 0, "\(result.output)")
            #expect(result.output.contains("index: 0 violations, 0 console errors, images loaded: True"), "\(result.output)")
            #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("\(language)/index.png").path))
        }
    }

    @Test func reportPDFHasTitlePageContentsBookmarksLanguageAndEveryQuestion() throws {
        let folder = try output()
        for language in ["sv", "en"] {
            let pdf = folder.appendingPathComponent("\(language)/report.pdf")
            let labels = try labels(language)
            #expect(try tool("qpdf", ["--check", pdf.path], in: folder).status == 0)
            let info = try tool("pdfinfo", [pdf.path], in: folder).output
            #expect(info.contains("Title:           \(labels.text("survey.title"))"), "\(info)")
            let pages = Int(try #require(info.firstMatch(of: /Pages:\s+(\d+)/)?.1)) ?? 0
            #expect(pages >= 2 + Self.questions.count)
            let text = try tool("pdftotext", [pdf.path, "-"], in: folder).output
            let flat = text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
            #expect(flat.contains(labels.text("ui.report.contents")))
            #expect(flat.contains(labels.text("ui.report.reference", ["reference": "2024-7510"])))
            for id in Self.questions {
                let question = labels.text("questions.\(id).text").split(whereSeparator: \.isWhitespace).prefix(5).joined(separator: " ")
                #expect(flat.contains(question), "\(language): no '\(question)' in report.pdf")
            }
            // Language, outline and the viewer showing it.
            let qdf = folder.appendingPathComponent("\(language)/report.qdf")
            _ = try tool("qpdf", ["--qdf", "--object-streams=disable", pdf.path, qdf.path], in: folder)
            let raw = String(decoding: try Data(contentsOf: qdf), as: UTF8.self)
            #expect(raw.contains("/Lang (\(language == "sv" ? "sv-SE" : "en-GB"))"))
            #expect(raw.contains("/Outlines") && raw.contains("/PageMode /UseOutlines"))
            // A flat outline: the title page, the contents, every question.
            let json = try tool("qpdf", ["--json", "--json-key=outlines", pdf.path], in: folder).output
            let outlines = try #require((try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])?["outlines"] as? [[String: Any]])
            let titles = outlines.compactMap { $0["title"] as? String }
            #expect(titles.count == Self.questions.count + 2, "\(titles)")
            #expect(titles.first == labels.text("survey.title") && titles.dropFirst().first == labels.text("ui.report.contents"))
            #expect(titles.last?.hasPrefix(labels.text("ui.question", ["number": "36"])) == true)
        }
    }

    @Test func reportDOCXHasEveryTableAsAWordTableAndEveryFigureWithItsAltText() throws {
        let folder = try output()
        for language in ["sv", "en"] {
            let docx = folder.appendingPathComponent("\(language)/report.docx")
            let labels = try labels(language)
            let markdown = try tool("pandoc", ["-f", "docx", "-t", "markdown", "--wrap=none", docx.path], in: folder).output
            let xml = try tool("unzip", ["-p", docx.path, "word/document.xml"], in: folder).output
            #expect(xml.components(separatedBy: "<w:tbl>").count == Self.questions.count + 1)
            for id in Self.questions {
                #expect(markdown.contains("# \(labels.text("ui.question", ["number": String(id.dropFirst().drop { $0 == "0" })]))"))
            }
            // Every number of the table appears in the Word tables.
            let plain = try tool("pandoc", ["-f", "docx", "-t", "plain", "--wrap=none", docx.path], in: folder).output
            for number in language == "sv" ? ["48,9", "51,1", "83,1", "55,6", "29,6"] : ["48.9", "51.1", "83.1", "55.6", "29.6"] {
                #expect(plain.contains(number), "\(language): \(number) missing from report.docx")
            }
            #expect(xml.contains("descr=\"\(language == "sv" ? "Stapeldiagram" : "Bar chart"): "))
        }
    }

    @Test func documentsAreIncrementalAndFollowTheirQuestions() throws {
        let scratch = try Scratch()
        defer { scratch.cleanUp() }
        let survey = try scratch.copyOfSurvey()
        var plan = Self.plan(scratch.url.appendingPathComponent("out"), survey: survey)
        plan.formats = ["svg", "index", "report-docx"]
        plan.languages = ["sv", "en"]
        let first = try RenderPipeline().run(plan, runner: BuildRunner(jobs: 2))
        #expect(first.failed.isEmpty)
        #expect(first.written.count == 3 * 2 + 4)
        let again = try RenderPipeline().run(plan, runner: BuildRunner(jobs: 2))
        #expect(again.written.isEmpty && again.unchanged.count == first.written.count)
        let (jobs, documents, _) = try RenderPipeline().jobs(for: [plan])
        #expect(BuildRunner(jobs: 2).check(jobs, documents: documents).stale.isEmpty)
        // One English question text: its SVG and the English documents, nothing Swedish.
        try edit(survey.appendingPathComponent("labels/en.yaml"), replacing: "Does the agency regard itself", with: "Does the authority regard itself")
        let edited = try RenderPipeline().run(plan, runner: BuildRunner(jobs: 2))
        #expect(Set(edited.written.map { "\($0.deletingLastPathComponent().lastPathComponent)/\($0.lastPathComponent)" })
                == ["en/q01.svg", "en/index.html", "en/report.docx"])
    }

    @Test func aHouseStyleLogoIsOnTheTitlePage() throws {
        let scratch = try Scratch()
        defer { scratch.cleanUp() }
        try scratch.write("""
            <svg xmlns="http://www.w3.org/2000/svg" width="120" height="40" viewBox="0 0 120 40">
            <rect width="120" height="40" fill="#2166ac"/><text x="10" y="27" font-family="DejaVu Sans" font-size="18" fill="#fff">AGENCYLOGO</text></svg>
            """, to: "styles/brand/logo.svg")
        try scratch.write("format: stapel-style/1\nextends: default\npage:\n  logo: brand/logo.svg\n", to: "styles/brand.yaml")
        var plan = Self.plan(scratch.url.appendingPathComponent("out"))
        plan.stylesDirectory = scratch.url.appendingPathComponent("styles")
        plan.style = "brand"
        plan.formats = ["svg", "report-pdf"]
        plan.languages = ["en"]
        let report = try RenderPipeline().run(plan, runner: BuildRunner(jobs: 2))
        #expect(report.failed.isEmpty, "\(report.failed.map(\.message))")
        let pdf = scratch.url.appendingPathComponent("out/en/report.pdf")
        let titlePage = try tool("pdftotext", ["-f", "1", "-l", "1", pdf.path, "-"], in: scratch.url).output
        #expect(titlePage.contains("AGENCYLOGO"), "\(titlePage)")
        // A new logo rewrites the report and no figure.
        try edit(scratch.url.appendingPathComponent("styles/brand/logo.svg"), replacing: "#2166ac", with: "#b2182b")
        let again = try RenderPipeline().run(plan, runner: BuildRunner(jobs: 2))
        #expect(again.written.map(\.lastPathComponent) == ["report.pdf"])
        // A logo that is not there stops the plan, naming the style file.
        try scratch.write("format: stapel-style/1\npage:\n  logo: missing.png\n", to: "styles/broken.yaml")
        plan.style = "broken"
        #expect { try RenderPipeline().jobs(for: [plan]) } throws: { "\($0)".contains("broken.yaml") && "\($0)".contains("missing.png") }
    }

    @Test func backendsAndRenderKnowTheDocuments() throws {
        let scratch = try Scratch()
        defer { scratch.cleanUp() }
        let listing = try runStapel(["backends"], in: scratch.url)
        for line in ["index", "report-pdf", "report-docx"] { #expect(listing.stdout.contains(line)) }
        #expect(listing.stdout.contains("<lang>/report.pdf"))
        let run = try runStapel(["render", bundledSurvey.path, "--out", "out", "--format", "index", "--lang", "en",
                                 "--questions", "q01"], in: scratch.url)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(FileManager.default.fileExists(atPath: scratch.url.appendingPathComponent("out/en/index.html").path))
        let bad = try runStapel(["render", bundledSurvey.path, "--out", "out", "--format", "report-odt"], in: scratch.url)
        #expect(bad.status == 2 && bad.stderr.contains("report-pdf"))
    }

    /// Without pdflatex and pandoc on PATH the reports fail alone, naming the Debian packages; the rest is written.
    @Test func aMissingEngineFailsItsDocumentWithThePackageToInstall() throws {
        let scratch = try Scratch()
        defer { scratch.cleanUp() }
        let run = try runStapel(["render", bundledSurvey.path, "--out", "out", "--format", "md,index,report-pdf,report-docx",
                                 "--lang", "en", "--questions", "q01"], in: scratch.url, environment: ["PATH": scratch.url.path])
        #expect(run.status == 3, "\(run.stderr)")
        #expect(run.stderr.contains("pdflatex is not installed") && run.stderr.contains("texlive-latex-extra"), "\(run.stderr)")
        #expect(run.stderr.contains("pandoc is not installed; the report needs it: apt-get install pandoc"), "\(run.stderr)")
        #expect(FileManager.default.fileExists(atPath: scratch.url.appendingPathComponent("out/en/index.html").path))
        #expect(FileManager.default.fileExists(atPath: scratch.url.appendingPathComponent("out/en/q01.md").path))
        #expect(!FileManager.default.fileExists(atPath: scratch.url.appendingPathComponent("out/en/report.pdf").path))
    }

    func tool(_ name: String, _ arguments: [String], in folder: URL) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [name] + arguments
        process.currentDirectoryURL = folder
        let out = folder.appendingPathComponent(".tool-\(UUID().uuidString)")
        _ = FileManager.default.createFile(atPath: out.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: out) }
        process.standardOutput = try FileHandle(forWritingTo: out)
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus != 127, "\(name) is not installed")
        return (process.terminationStatus, (try? String(contentsOf: out, encoding: .utf8)) ?? "")
    }

    /// The axe-core check in headless Chromium, shared with the other HTML tests.
    static let axeScript = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("axe_check.py")
}
