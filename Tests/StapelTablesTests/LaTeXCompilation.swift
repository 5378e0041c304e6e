import Foundation
import Stapel
import Testing

/// Compiles LaTeX with pdflatex as CI does and reads the result back: the log's problems and the PDF's text.
struct LaTeXCompilation {
    let status: Int32
    let log: String
    let pdf: URL

    /// The preamble a report wraps a fragment in: the packages the fragment's `% needs:` line names, plus babel.
    static func wrapper(input name: String, babel: String) -> String {
        """
        \\documentclass{article}
        \\usepackage[T1]{fontenc}
        \\usepackage{lmodern}
        \\usepackage[\(babel)]{babel}
        \\usepackage{array,booktabs,tabularx,siunitx}
        \\begin{document}
        \\input{\(name)}
        \\end{document}

        """
    }

    static func babel(_ language: String) -> String { LaTeXTableWriter.babelLanguages[language] ?? "english" }

    /// Compiles `document` as `name.tex` in `directory`, once, without shell escape.
    static func compile(_ document: String, name: String, in scratch: Scratch) throws -> LaTeXCompilation {
        let pdflatex = try ExternalTool.require("pdflatex")
        try scratch.write(document, to: "\(name).tex")
        let result = try ExternalTool.run(pdflatex, ["-interaction=nonstopmode", "-halt-on-error", "-no-shell-escape",
                                                     "\(name).tex"], in: scratch.url)
        let log = (try? String(contentsOf: scratch.url.appendingPathComponent("\(name).log"), encoding: .isoLatin1)) ?? ""
        return LaTeXCompilation(status: result.status, log: log, pdf: scratch.url.appendingPathComponent("\(name).pdf"))
    }

    /// Log lines that mean the output is wrong even when pdflatex exits with 0: errors, glyphs the font lacks,
    /// and text sticking out of its box.
    var problems: [String] {
        log.split(separator: "\n", omittingEmptySubsequences: false).map(String.init).filter {
            $0.hasPrefix("!") || $0.contains("Missing character") || $0.hasPrefix("Overfull \\hbox")
        }
    }

    /// The PDF's text with `pdftotext -layout`, which keeps a table row on one line.
    func text(in scratch: Scratch) throws -> String {
        let pdftotext = try ExternalTool.require("pdftotext")
        let result = try ExternalTool.run(pdftotext, ["-layout", "-enc", "UTF-8", pdf.path, "-"], in: scratch.url)
        try #require(result.status == 0, "pdftotext failed: \(result.errors)")
        return result.output
    }

    /// Checks that pdflatex succeeded and logged no problem; returns false (after recording why) otherwise.
    func expectClean(_ what: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) -> Bool {
        let tail = log.split(separator: "\n").suffix(25).joined(separator: "\n")
        #expect(status == 0, "pdflatex exited with \(status) on \(what):\n\(tail)", sourceLocation: sourceLocation)
        #expect(problems.isEmpty, "pdflatex logged problems on \(what): \(problems)", sourceLocation: sourceLocation)
        return status == 0 && problems.isEmpty
    }
}
