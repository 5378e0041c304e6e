import Foundation
import StapelCairo
import StapelModel
import StapelTables

/// The report documents of a language: the whole results compilation regenerated from the data, as a PDF
/// (pdflatex: title page, contents, one section per question with its vector figure, its table and notes,
/// page numbers, bookmarks, document language and title) and as a Word document (pandoc: headings per question,
/// every figure a PNG with its alt text as description, every table a real Word table).
extension DocumentBackend {
    package static let reportPDF = DocumentBackend(
        name: "report-pdf", fileName: "report.pdf",
        summary: "per language: the results compilation as PDF — title page, contents, figures, tables, bookmarks (pdflatex)",
        reads: [.figure, .table]
    ) { renditions, context in
        try ReportEngine.withFolder { folder in
            let tex = try ReportLaTeX.document(renditions, context: context, folder: folder)
            try Data(tex.utf8).write(to: folder.appendingPathComponent("report.tex"))
            return BackendOutput(bytes: try ReportEngine.pdflatex(folder))
        }
    }

    package static let reportDOCX = DocumentBackend(
        name: "report-docx", fileName: "report.docx",
        summary: "per language: the results compilation as Word document — headings, figures with alt text, Word tables (pandoc)",
        reads: [.figure, .table]
    ) { renditions, context in
        try ReportEngine.withFolder { folder in
            let markdown = try ReportMarkdown.document(renditions, context: context, folder: folder)
            try Data(markdown.utf8).write(to: folder.appendingPathComponent("report.md"))
            return BackendOutput(bytes: try ReportEngine.pandoc(folder, language: context.language))
        }
    }
}

/// The programs behind the report documents, run in a temporary folder that is removed afterwards.
enum ReportEngine {
    struct Missing: Error, CustomStringConvertible {
        var program: String
        var packages: String
        var description: String { "\(program) is not installed; the report needs it: apt-get install \(packages)" }
    }

    struct Failed: Error, CustomStringConvertible {
        var program: String
        var log: String
        var description: String { "\(program) failed:\n\(log)" }
    }

    static let latexPackages = "texlive-latex-base texlive-latex-recommended texlive-latex-extra texlive-science texlive-lang-european lmodern"

    static func withFolder<T>(_ body: (URL) throws -> T) throws -> T {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("stapel-report-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        return try body(folder)
    }

    /// The program on PATH, or an error naming its Debian packages.
    static func find(_ name: String, packages: String) throws -> String {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for dir in path.split(separator: ":") {
            let candidate = "\(dir)/\(name)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        throw Missing(program: name, packages: packages)
    }

    /// Fixed dates and ids, so that the same inputs give the same bytes.
    static let reproducible = ["SOURCE_DATE_EPOCH": "0", "FORCE_SOURCE_DATE": "1", "TZ": "UTC"]

    /// `report.tex` in `folder` compiled twice (contents and bookmarks need the second pass).
    static func pdflatex(_ folder: URL) throws -> [UInt8] {
        let program = try find("pdflatex", packages: latexPackages)
        for _ in 0..<2 {
            let result = try Subprocess.run(program, arguments: [
                "-no-shell-escape", "-halt-on-error", "-interaction=nonstopmode",
                "-output-directory=\(folder.path)", folder.appendingPathComponent("report.tex").path,
            ], input: [], timeout: 300, environment: reproducible)
            guard result.termination == .exited(0) else {
                let log = String(decoding: result.stdout, as: UTF8.self).split(separator: "\n")
                    .drop { !$0.hasPrefix("!") }.prefix(12).joined(separator: "\n")
                throw Failed(program: "pdflatex", log: log.isEmpty ? String(decoding: result.stdout.suffix(2000), as: UTF8.self) : log)
            }
        }
        return Array(try Data(contentsOf: folder.appendingPathComponent("report.pdf")))
    }

    /// `report.md` in `folder` as DOCX.
    static func pandoc(_ folder: URL, language: String) throws -> [UInt8] {
        let program = try find("pandoc", packages: "pandoc")
        let output = folder.appendingPathComponent("report.docx")
        let result = try Subprocess.run(program, arguments: [
            "--from=markdown-raw_html-raw_tex-tex_math_dollars-implicit_figures+pipe_tables", "--to=docx",
            "--resource-path=\(folder.path)", "--metadata=lang:\(language)",
            "--output=\(output.path)", folder.appendingPathComponent("report.md").path,
        ], input: [], timeout: 300, environment: reproducible)
        guard result.termination == .exited(0) else {
            throw Failed(program: "pandoc", log: String(decoding: result.stderr.prefix(4000), as: UTF8.self))
        }
        return Array(try Data(contentsOf: output))
    }
}

/// The LaTeX source of `report.pdf`.
enum ReportLaTeX {
    static func document(_ renditions: [Rendition], context: DocumentContext, folder: URL) throws -> String {
        let e = LaTeXEscaper.escape
        let labels = context.labels
        let language = context.language
        let babel = LaTeXTableWriter.babelLanguages[language] ?? "english"
        let title = labels["survey.title"] ?? ""
        let tag = ["sv": "sv-SE", "en": "en-GB", "de": "de-DE", "fr": "fr-FR", "fi": "fi-FI", "nb": "nb-NO",
                   "da": "da-DK"][language] ?? language
        var t = """
            \\pdfinfoomitdate=1
            \\pdftrailerid{}
            \\pdfsuppressptexinfo=-1
            \\documentclass[a4paper,11pt]{article}
            \(LaTeXTableWriter.preamble)
            \\usepackage[\(babel)]{babel}
            \\usepackage{graphicx,float}
            \\usepackage[a4paper,margin=22mm,includefoot]{geometry}
            \\usepackage[hidelinks,bookmarksnumbered=false,bookmarksopen=true,pdfdisplaydoctitle=true,unicode=true,
              pdflang={\(tag)},pdftitle={\(try e(title))},pdfauthor={\(try e(labels["survey.publisher"] ?? ""))},
              pdfcreator={Stapel},pdfproducer={Stapel}]{hyperref}
            \\setlength{\\parindent}{0pt}
            \\setlength{\\parskip}{0.4em}

            """
        t += "\\begin{document}\n\\renewcommand{\\contentsname}{\(try e(labels.text(.reportContents)))}\n"
        // Title page: logo, title, subtitle, publisher, reference number, year.
        t += "\\begin{titlepage}\n\\pdfbookmark[1]{\(try e(title))}{title}\n\\raggedright\n"
        if let logo = context.style.logoURL {
            let name = "logo.\(logo.pathExtension.lowercased() == "svg" ? "pdf" : "png")"
            try logoFile(logo, to: folder.appendingPathComponent(name))
            t += "\\includegraphics[height=18mm,keepaspectratio]{\(folder.appendingPathComponent(name).path)}\\par\n"
        }
        t += "\\vspace*{50mm}\n{\\LARGE\\bfseries \(try e(title))\\par}\n\\vspace{6mm}\n"
        if let subtitle = labels["survey.subtitle"], !subtitle.isEmpty { t += "{\\Large \(try e(subtitle))\\par}\n" }
        t += "\\vfill\n"
        if let publisher = labels["survey.publisher"], !publisher.isEmpty {
            t += "\(try e(labels.text(.reportPublisher, ["publisher": publisher])))\\par\n"
        }
        if let reference = context.survey.reference, !reference.isEmpty {
            t += "\(try e(labels.text(.reportReference, ["reference": reference])))\\par\n"
        }
        if let year = context.survey.year {
            t += "\(try e(labels.text(.reportYear, ["year": String(year)])))\\par\n"
        }
        t += "\\end{titlepage}\n\\pdfbookmark[1]{\(try e(labels.text(.reportContents)))}{contents}\n\\tableofcontents\n\\clearpage\n"
        let writer = LaTeXTableWriter(standalone: false, language: language, numberFormat: labels.numberFormat)
        for rendition in renditions {
            let id = rendition.request.question.id
            let figure = rendition.requireFigure()
            let table = try rendition.requireTable()
            let heading = table.title.map { "\($0): \(table.caption)" } ?? table.caption
            let pdf = folder.appendingPathComponent("\(id).pdf")
            try Data(try PDFWriter.write(figure)).write(to: pdf)
            var fragment: String
            do {
                fragment = try writer.write(table)
            } catch {
                throw UnsupportedLabelCharacter.locate(error, in: rendition.labels)
            }
            // In place below its figure, without a caption: the question's heading above names it already.
            fragment = fragment.replacingOccurrences(of: "\\begin{table}[htbp]", with: "\\begin{table}[H]")
                .split(separator: "\n", omittingEmptySubsequences: false)
                .filter { !$0.hasPrefix("\\caption") && !$0.hasPrefix("\\label{tab:") }.joined(separator: "\n")
            try Data(fragment.utf8).write(to: folder.appendingPathComponent("\(id).tex"))
            let short = table.shortCaption.flatMap { $0.isEmpty ? nil : $0 } ?? table.caption
            // "Fråga 5: Hinder …", but a display title the short caption repeats stands alone.
            let tocEntry = table.title.map { $0 == short ? short : "\($0): \(short)" } ?? short
            t += "\\phantomsection\\addcontentsline{toc}{section}{\(try e(tocEntry))}\n"
            t += "{\\large\\bfseries\\raggedright\\hyphenpenalty=10000\\exhyphenpenalty=10000 \(try e(heading))\\par}\n\\vspace{3mm}\n"
            t += "\\begin{center}\\includegraphics[width=\\linewidth,height=0.55\\textheight,keepaspectratio]{\(pdf.path)}\\end{center}\n"
            t += "\\input{\(folder.appendingPathComponent("\(id).tex").path)}\n\\clearpage\n"
        }
        if let source = labels["survey.source"], !source.isEmpty { t += "{\\small \(try e(source))\\par}\n" }
        t += "\\end{document}\n"
        return t
    }

    /// The logo as pdflatex reads it: a PNG as it is, an SVG converted to PDF by rsvg-convert.
    static func logoFile(_ logo: URL, to target: URL) throws {
        if target.pathExtension == "png" {
            try FileManager.default.copyItem(at: logo, to: target)
            return
        }
        let program = try ReportEngine.find("rsvg-convert", packages: "librsvg2-bin")
        let result = try Subprocess.run(program, arguments: ["--format=pdf", "--output=\(target.path)", logo.path],
                                        input: [], timeout: 60, environment: ReportEngine.reproducible)
        guard result.termination == .exited(0) else {
            throw ReportEngine.Failed(program: "rsvg-convert", log: String(decoding: result.stderr, as: UTF8.self))
        }
    }
}

/// The pandoc Markdown source of `report.docx`.
enum ReportMarkdown {
    static func document(_ renditions: [Rendition], context: DocumentContext, folder: URL) throws -> String {
        let labels = context.labels
        let e = MarkdownTableWriter.escape
        var m = "---\ntitle: \"\(yaml(labels["survey.title"] ?? ""))\"\n"
        if let subtitle = labels["survey.subtitle"], !subtitle.isEmpty { m += "subtitle: \"\(yaml(subtitle))\"\n" }
        var authors: [String] = []
        if let publisher = labels["survey.publisher"], !publisher.isEmpty { authors.append(publisher) }
        if let reference = context.survey.reference, !reference.isEmpty {
            authors.append(labels.text(.reportReference, ["reference": reference]))
        }
        if !authors.isEmpty { m += "author:\n" + authors.map { "  - \"\(yaml($0))\"\n" }.joined() }
        if let year = context.survey.year { m += "date: \"\(yaml(labels.text(.reportYear, ["year": String(year)])))\"\n" }
        m += "lang: \(context.language)\n---\n\n"
        let writer = MarkdownTableWriter(numberFormat: labels.numberFormat)
        for rendition in renditions {
            let id = rendition.request.question.id
            let figure = rendition.requireFigure()
            let table = try rendition.requireTable()
            let heading = table.title.map { "\($0): \(table.caption)" } ?? table.caption
            try Data(try PNGWriter.write(figure, dpi: rendition.dpi)).write(to: folder.appendingPathComponent("\(id).png"))
            let widthCM = figure.width / 72 * 2.54
            m += "# \(e(heading))\n\n"
            m += "![\(e(figure.altText.short))](\(id).png){width=\(String(format: "%.1f", min(widthCM, 16.5)))cm}\n\n"
            // The Markdown table without its lead-in line (the heading says it): a real Word table.
            let text = writer.write(table)
            let body = text.components(separatedBy: "\n\n").dropFirst().joined(separator: "\n\n")
            m += body + "\n"
        }
        if let source = labels["survey.source"], !source.isEmpty { m += "\n" + e(source) + "\n" }
        return m
    }

    static func yaml(_ s: String) -> String {
        s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            .replacingOccurrences(of: "\n", with: " ")
    }
}
