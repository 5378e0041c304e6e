import Foundation
import Stapel
import StapelCairo
import StapelHTML
import StapelLayout
import StapelTables
import Testing

/// The one-question HTML page: language, figure with alt text, the accessible data table, notes, links; and,
/// where Chromium is installed, axe-core finds no violation and the console stays clean.
@Suite struct HTMLPageTests {
    static let formats = ["html", "svg", "png", "pdf", "csv", "md", "alt"]

    func page(_ id: String, language: String = "sv") throws -> (html: String, figure: Figure, request: RenderRequest) {
        let request = try bundledRequest(id, language: language)
        let figure = ChartRenderer.figure(for: request)
        let table = try TableBuilder(request).build()
        return (String(decoding: HTMLPageWriter.write(request: request, figure: figure, table: table, formats: Self.formats),
                       as: UTF8.self), figure, request)
    }

    @Test func gridPageHasTheFigureTheTableTheLowBaseAndTheLinks() throws {
        let (html, figure, _) = try page("q36")
        #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"sv-SE\">"))
        #expect(html.contains("<img src=\"q36.svg\" alt=\"\(figure.altText.short)\" aria-describedby=\"q-q36-long\""))
        #expect(html.contains("<h1><span class=\"number\">Fråga 36</span> I vilken utsträckning utgör nedanstående områden hinder"))
        #expect(html.contains("<caption>Fråga 36: I vilken utsträckning"))
        #expect(html.contains("<th scope=\"col\">Påstående</th><th scope=\"col\">Inget hinder (%)</th>"))
        #expect(html.contains("<th scope=\"col\">Medelvärde</th><th scope=\"col\">Median</th></tr>"))
        // The row on 9 answers is marked, with the note in Swedish; figures with a decimal comma.
        #expect(html.contains("<tr><th scope=\"row\">Annat hinder (beskriv i fritextfältet)\u{00A0}*</th><td>55,6</td><td>0,0</td><td>0,0</td><td>33,3</td><td>11,1</td><td>1,4</td><td>0,0</td></tr>"))
        #expect(html.contains("<p>*\u{00A0}Färre än 30 svar.</p>"))
        #expect(html.contains("<tr class=\"total\"><th scope=\"row\">Totalt</th><td>29,6</td>"))
        for link in ["q36.svg", "q36.png", "q36.pdf", "q36.csv", "q36.md", "q36.alt.txt"] {
            #expect(html.contains("<a href=\"\(link)\""), "no link to \(link)")
        }
        #expect(!html.contains("q36.html\""))
        #expect(html.contains("<p>Annat hinder (beskriv i fritextfältet): Inget hinder 55,6\u{00A0}%"))
    }

    @Test func multipleChoiceRowsFollowTheChartsOrder() throws {
        let (html, _, request) = try page("q02", language: "en")
        guard case .multipleChoice(let q) = request.question else { Issue.record("q02 is not multiple choice"); return }
        let order = try #require(ChartOrder.optionIDs(request))
        #expect(order.first == q.options.max { ($0.percent ?? 0) < ($1.percent ?? 0) }?.id)
        let stubs = order.map { request.labels.text("questions.q02.options.\($0)")
            .replacingOccurrences(of: "'", with: "&#39;").replacingOccurrences(of: "\"", with: "&quot;") }
        let positions = stubs.compactMap { html.range(of: "<th scope=\"row\">\($0)")?.lowerBound }
        #expect(positions.count == stubs.count)
        #expect(positions == positions.sorted())
        #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"en-GB\">"))
    }

    @Test func textIsEscaped() throws {
        let request = try bundledRequest("q01", overriding: ["questions.q01.text": "A <b>&\"x\"\u{0007}"])
        let figure = ChartRenderer.figure(for: request)
        let html = String(decoding: HTMLPageWriter.write(request: request, figure: figure, table: try TableBuilder(request).build(),
                                                         formats: ["png"]), as: UTF8.self)
        #expect(html.contains("A &lt;b&gt;&amp;&quot;x&quot;"))
        #expect(!html.contains("<b>") && !html.contains("\u{0007}"))
        #expect(html.contains("<img src=\"q01.png\""))
    }

    /// Headless Chromium with axe-core (Debian `chromium`, `chromium-driver`; PyPI `axe-selenium-python`): no
    /// violations, no console errors, and a screenshot. Runs where Chromium is installed (CI installs it).
    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/chromium")
                   && FileManager.default.isExecutableFile(atPath: "/usr/bin/chromedriver")))
    func chromiumAndAxeFindNoViolations() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("stapel-html-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { if ProcessInfo.processInfo.environment["STAPEL_KEEP_HTML"] == nil { try? FileManager.default.removeItem(at: directory) } }
        var pages: [String] = []
        for (id, language) in [("q01", "sv"), ("q02", "en"), ("q35", "sv"), ("q36", "sv"), ("q36", "en")] {
            let (html, figure, _) = try page(id, language: language)
            let name = "\(id)-\(language)"
            try Data(html.replacingOccurrences(of: "\"\(id).svg\"", with: "\"\(name).svg\"").utf8)
                .write(to: directory.appendingPathComponent("\(name).html"))
            try Data(try SVGWriter.write(figure)).write(to: directory.appendingPathComponent("\(name).svg"))
            pages.append(name)
        }
        let script = Self.axeScript
        let python = try ExternalTool.require("python3")
        let result = try ExternalTool.run(python, [script.path] + pages, in: directory)
        #expect(result.status == 0, "\(result.output)\n\(result.errors)")
        for name in pages {
            #expect(result.output.contains("\(name): 0 violations, 0 console errors"), "\(result.output)\n\(result.errors)")
            #expect(FileManager.default.fileExists(atPath: directory.appendingPathComponent("\(name).png").path))
        }
    }

    /// The axe-core check in headless Chromium, shared with the other HTML tests.
    static let axeScript = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("axe_check.py")
}
