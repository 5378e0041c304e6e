import Foundation
import Stapel
@testable import StapelTables
import Testing

/// How the LaTeX writer shares the line between statements and numbers, checked with the widths pdflatex gives.
@Suite struct LaTeXColumnWidthTests {
    /// The bundled grid questions (statements × scale points), whose statement column competes with many numeric
    /// columns.
    static let gridQuestionIDs: [String] = bundledSurvey?.questions.compactMap { question in
        switch question {
        case .grid, .multiSelectGrid: question.id
        case .singleChoice, .multipleChoice: nil
        }
    } ?? []

    /// The statement column gets at least 30 % of the line (or all its longest statement needs on one line), unless
    /// every numeric column is already as narrow as a hyphenated header allows, about 3½ em. The statement column's
    /// width is the one tabularx computes, read back from pdflatex.
    @Test(arguments: bundledLanguages, gridQuestionIDs)
    func statementsGetAFairShareOfTheLine(language: String, id: String) throws {
        let request = try bundledRequest(id, language: language)
        let table = try TableBuilder(request).build()
        let fragment = utf8(try Backend.tex.render(request))
        let stubSpec = "\\hangafter=1\\hspace{0pt}}X"
        try #require(fragment.contains(stubSpec), "the statement column's template changed; update this test")
        // The line reports its width before the table; each statement cell its \hsize (the column's width) and
        // the table font's em.
        let probed = fragment
            .replacingOccurrences(of: "\\begin{tabularx}", with: "\\typeout{LINE \\the\\linewidth}\\begin{tabularx}")
            .replacingOccurrences(of: stubSpec, with: "\\hangafter=1\\typeout{STUB \\the\\hsize\\space\\the\\fontdimen6\\font}\\hspace{0pt}}X")
        let scratch = try Scratch()
        defer { scratch.cleanUp() }
        try scratch.write(probed, to: "\(id).tex")
        let result = try LaTeXCompilation.compile(LaTeXCompilation.wrapper(input: id, babel: LaTeXCompilation.babel(language)),
                                                  name: "main", in: scratch)
        guard result.expectClean("\(language)/\(id)") else { return }
        // tabularx sets the table several times while it finds the X width; the last report is the final one.
        let log = result.log.split(separator: "\n")
        let reports = try ["LINE ", "STUB "].map { key in
            let report = try #require(log.last { $0.hasPrefix(key) }, "pdflatex never reported \(key)")
            return report.split(separator: " ").dropFirst().map { Double($0.dropLast(2)) ?? .nan }
        }
        try #require(reports[0].count == 1 && reports[1].count == 2 && !(reports[0] + reports[1]).contains { $0.isNaN },
                     "unreadable reports: \(reports)")
        let (line, stub, em) = (reports[0][0], reports[1][0], reports[1][1])

        let size = fragment.contains("\\scriptsize\n") ? 7 * 1.075 : 8.0
        let statements = table.rows.filter { $0.kind == .statement }.map(\.stub)
        let oneLine = (statements.map { LaTeXColumnWidths.width($0) }.max() ?? 0) * size
        let numeric = try headerWidths(in: fragment).map { $0 * line }
        try #require(numeric.count == table.columns.count, "header widths not found in the fragment")
        let squeezed = numeric.allSatisfy { $0 <= 3.5 * em }
        #expect(stub >= min(0.30 * line, oneLine) || squeezed,
                "\(language)/\(id): statements get \(stub) pt of \(line) pt (\(Int(stub / line * 100)) %) while numeric columns are \(numeric.map { Int($0) }) pt")
    }

    /// The estimate of how narrow a hyphenated header word may be, and of how wide a word is, against pdflatex with
    /// the writer's header settings: every header word of the bundled survey, in each language's hyphenation.
    @Test(arguments: bundledLanguages)
    func headerWordEstimatesHoldForTeX(language: String) throws {
        var words = Set<String>()
        for id in bundledQuestionIDs {
            let table = try TableBuilder(try bundledRequest(id, language: language)).build()
            for text in table.columns.map(\.header) + table.groups.map(\.title) {
                words.formUnion(LaTeXColumnWidths.words(text))
            }
        }
        let list = words.sorted()
        try #require(list.count > 50)
        // Each word set whole, and in a zero-width centred cell as TeX's headers are, where it breaks at every
        // hyphenation point it allows: the widest line left is the narrowest the word can be set.
        var body = ""
        for word in list {
            let tex = try LaTeXEscaper.escape(word)
            body += "\\measure{\(tex)}\n"
        }
        let document = """
            \\documentclass{article}
            \(LaTeXTableWriter.preamble)
            \\usepackage[\(LaTeXCompilation.babel(language))]{babel}
            \\newwrite\\out
            \\immediate\\openout\\out=widths.txt
            \\newdimen\\whole \\newdimen\\piece
            \\def\\measure#1{\\setbox0\\hbox{#1}\\whole=\\wd0
              \\setbox0\\vbox{\\hsize=0pt \\centering \\hbadness=10000 \\hfuzz=\\maxdimen \\pretolerance=-1 \\righthyphenmin=3
                \\noindent\\hspace{0pt}#1\\par \\global\\piece=0pt
                \\loop\\setbox2\\lastbox\\ifvoid2\\else\\setbox4\\hbox{\\unhbox2}\\ifdim\\wd4>\\piece \\global\\piece=\\wd4\\fi
                \\unskip\\unpenalty\\repeat}
              \\immediate\\write\\out{\\the\\whole\\space\\the\\piece}}
            \\begin{document}
            \\scriptsize
            \(body)\\immediate\\closeout\\out
            \\end{document}

            """
        let scratch = try Scratch()
        defer { scratch.cleanUp() }
        let result = try LaTeXCompilation.compile(document, name: "words", in: scratch)
        try #require(result.status == 0, "pdflatex failed: \(result.problems)")
        let lines = try String(contentsOf: scratch.url.appendingPathComponent("widths.txt"), encoding: .utf8)
            .split(separator: "\n")
        try #require(lines.count == list.count)
        let em = 7 * 1.075, slack = 1.0   // \scriptsize, as LaTeXColumnWidths reckons it
        for (word, line) in zip(list, lines) {
            let measured = line.split(separator: " ").map { Double($0.dropLast(2)) ?? .nan }
            let (whole, piece) = (measured[0], measured[1])
            #expect(abs(LaTeXColumnWidths.width(word) * em - whole) <= slack,
                    "\(language) \"\(word)\": estimated \(LaTeXColumnWidths.width(word) * em) pt, TeX sets \(whole) pt")
            #expect(LaTeXColumnWidths.hyphenatedWidth(word) * em + slack >= piece,
                    "\(language) \"\(word)\": reckoned to hyphenate into \(LaTeXColumnWidths.hyphenatedWidth(word) * em) pt, TeX needs \(piece) pt")
        }
    }

    /// Long Swedish compounds in a header and a statement, and a long word of one syllable (which TeX cannot
    /// hyphenate) in a header, in the widest grid: all stay inside their columns, and the numbers stay in place.
    @Test func longWordsStayInsideTheirColumns() throws {
        let request = try bundledRequest("q42", overriding: [
            "scales.utstrackning-pastaende-relevant.mycket-hog": "Informationssäkerhetsutvecklingsarbete",
            "scales.utstrackning-pastaende-relevant.begransad": "Skälmskt skälmskt",
            "questions.q42.rows.sakerhetsmassigt": "...ur informationssäkerhetsutvecklingsmässigt perspektiv.",
        ])
        let fragment = utf8(try Backend.tex.render(request))
        #expect(fragment.contains("Informationssäkerhetsutvecklingsarbete"))
        let scratch = try Scratch()
        defer { scratch.cleanUp() }
        try scratch.write(fragment, to: "table.tex")
        let result = try LaTeXCompilation.compile(LaTeXCompilation.wrapper(input: "table", babel: "swedish"),
                                                  name: "main", in: scratch)
        guard result.expectClean("q42 with long words") else { return }
        expectRows(ModelOracle.rows(request.question, in: request.survey), in: try result.text(in: scratch),
                   marker: ",", what: "q42 with long words")
    }

    /// The widths, as fractions of `\linewidth`, of the numeric columns' header cells (the row above the body).
    func headerWidths(in fragment: String) throws -> [Double] {
        let lines = fragment.split(separator: "\n")
        let body = try #require(lines.firstIndex(of: "\\midrule"))
        let header = String(lines[body - 1])
        let pattern = try Regex("b\\{\\\\dimexpr ([0-9.]+)\\\\linewidth\\+0\\\\tabcolsep")
        return header.matches(of: pattern).compactMap { match in (match.output[1].substring).flatMap { Double($0) } }
    }
}
