import Foundation
import Stapel
@testable import StapelTables
import Testing

@Suite struct LaTeXTableTests {
    /// Every question of the bundled survey, in both languages: the fragment compiles in a report-like wrapper
    /// without errors, missing glyphs or overfull boxes, and the PDF shows every number of every row, in order,
    /// with the language's decimal marker.
    @Test(arguments: bundledLanguages, bundledQuestionIDs)
    func bundledTableCompilesAndShowsTheModelsNumbers(language: String, id: String) throws {
        let request = try bundledRequest(id, language: language)
        let fragment = utf8(try Backend.tex.render(request))
        #expect(fragment.hasPrefix("% Stapel table"))
        #expect(fragment.contains("% needs: \\usepackage[T1]{fontenc}"))
        let code = fragment.split(separator: "\n").filter { !$0.hasPrefix("%") }
        #expect(!code.contains { $0.contains("\\documentclass") || $0.contains("\\usepackage") },
                "a fragment for \\input must not load packages")
        let scratch = try Scratch()
        defer { scratch.cleanUp() }
        try scratch.write(fragment, to: "\(id).tex")
        let result = try LaTeXCompilation.compile(LaTeXCompilation.wrapper(input: id, babel: LaTeXCompilation.babel(language)),
                                                  name: "main", in: scratch)
        guard result.expectClean("\(language)/\(id)") else { return }
        let text = try result.text(in: scratch)
        let rows = ModelOracle.rows(request.question, in: request.survey)
        expectRows(rows, in: text, marker: request.numberFormat.decimalSeparator, what: "\(language)/\(id)")
        let broken = hyphenatedStubWords(in: text, table: try TableBuilder(request).build())
        #expect(broken.isEmpty, "\(language)/\(id): TeX hyphenated statements: \(broken)\n\(text)")
    }

    /// One question of each kind as a complete document, compiled without a wrapper.
    @Test(arguments: bundledLanguages, ["q01", "q02", "q05", "q35", "q42"])
    func standaloneDocumentCompiles(language: String, id: String) throws {
        let request = try bundledRequest(id, language: language, options: options(standalone: true))
        let document = utf8(try Backend.tex.render(request))
        #expect(document.hasPrefix("\\documentclass"))
        #expect(document.contains("\\usepackage[\(LaTeXCompilation.babel(language))]{babel}"))
        let scratch = try Scratch()
        defer { scratch.cleanUp() }
        let result = try LaTeXCompilation.compile(document, name: id, in: scratch)
        guard result.expectClean("standalone \(language)/\(id)") else { return }
        expectRows(ModelOracle.rows(request.question, in: request.survey), in: try result.text(in: scratch),
                   marker: request.numberFormat.decimalSeparator, what: "standalone \(language)/\(id)")
    }

    /// Every LaTeX special and the quieter traps, in the caption, a stub, a header and a note: the table compiles
    /// under Swedish babel and the PDF reads exactly the label.
    @Test func everySpecialCharacterPrintsAsItself() throws {
        let label = "#$%&~_^\\{} \"Ja\" -- --- << >> '' ,, |<>[x]* `a` \u{2212}1 2\u{202F}3\u{2009}4\u{00A0}5 ny\nrad"
        // What the PDF's text layer reads: T1 prints ' as a right quote, and the spaces become plain spaces.
        let printed = folded(label.replacingOccurrences(of: "'", with: "\u{2019}")
            .replacingOccurrences(of: "\u{202F}", with: " ").replacingOccurrences(of: "\u{2009}", with: " ")
            .replacingOccurrences(of: "\u{00A0}", with: " "))
        let request = try bundledRequest("q01", overriding: [
            "questions.q01.text": label, "questions.q01.options.ja": label, "ui.respondents": label + " {n}",
            "ui.option": "#$%&_{}", "questions.q01.short": "Kort] [titel",
        ])
        let fragment = utf8(try Backend.tex.render(request))
        #expect(fragment.contains("\\caption[Kort{]} {[}titel]{"), "a bracket must not end the short caption")
        #expect(!fragment.contains("\u{2212}") && !fragment.contains("\u{202F}") && !fragment.contains("\u{2009}"),
                "characters pdflatex rejects must not reach it")
        let scratch = try Scratch()
        defer { scratch.cleanUp() }
        try scratch.write(fragment, to: "table.tex")
        let result = try LaTeXCompilation.compile(LaTeXCompilation.wrapper(input: "table", babel: "swedish"),
                                                  name: "main", in: scratch)
        guard result.expectClean("the specials table") else { return }
        let text = try result.text(in: scratch)
        let lines = text.split(separator: "\n").map { folded(String($0)) }
        #expect(folded(text).contains("Tabell 1: " + printed), "caption: \(text)")
        #expect(lines.contains { $0.hasPrefix(printed + " 67 48,9") }, "stub row: \(text)")
        #expect(lines.contains(printed + " 137"), "note: \(text)")
        #expect(lines.contains { $0.hasPrefix("#$%&_{}") }, "stub header: \(text)")
    }

    @Test func labelWithPipeAndNewlineStaysOneCell() throws {
        // Words of some length: pdftotext drops the spaces around one-letter words in a table cell.
        let request = try bundledRequest("q01", overriding: ["questions.q01.options.ja": "alfa | beta\ngamma"])
        let fragment = utf8(try Backend.tex.render(request))
        #expect(fragment.contains("alfa \\textbar{} beta gamma & 67 & 48.9 \\\\"))
        let scratch = try Scratch()
        defer { scratch.cleanUp() }
        try scratch.write(fragment, to: "table.tex")
        let result = try LaTeXCompilation.compile(LaTeXCompilation.wrapper(input: "table", babel: "swedish"),
                                                  name: "main", in: scratch)
        guard result.expectClean("the pipe table") else { return }
        let lines = try result.text(in: scratch).split(separator: "\n").map { folded(String($0)) }
        #expect(lines.contains("alfa | beta gamma 67 48,9"))
    }

    @Test func escaperOutput() throws {
        #expect(try LaTeXEscaper.escape("# $ % & _ { }") == "\\# \\$ \\% \\& \\_ \\{ \\}")
        #expect(try LaTeXEscaper.escape("~^\\") == "\\textasciitilde{}\\textasciicircum{}\\textbackslash{}")
        #expect(try LaTeXEscaper.escape("\"Ja\"") == "\\textquotedbl{}Ja\\textquotedbl{}")
        #expect(try LaTeXEscaper.escape("a--b---c") == "a-\\kern0pt -b-\\kern0pt -\\kern0pt -c")
        #expect(try LaTeXEscaper.escape("<<>>") == "\\textless{}\\textless{}\\textgreater{}\\textgreater{}")
        #expect(try LaTeXEscaper.escape("a\nb\r\nc\td") == "a b c d")
        #expect(try LaTeXEscaper.escape("\u{2212}1\u{00A0}%") == "\\textminus{}1~\\%")
        #expect(try LaTeXEscaper.escape("[x]*") == "{[}x{]}{*}")
        #expect(try LaTeXEscaper.escape("och/eller") == "och/\\hspace{0pt}eller")
        // A decomposed å (a + combining ring) is composed, not passed on as a bare combining mark.
        #expect(try LaTeXEscaper.escape("a\u{030A}") == "å")
    }

    /// Every character beyond ASCII that the escaper lets through, set in one document: none stops pdflatex or is
    /// missing from Latin Modern.
    @Test func everyAcceptedCharacterTypesets() throws {
        let scalars = LaTeXCharacterSupport.declared.flatMap { $0 }.filter { $0 >= 0xA0 }.compactMap(Unicode.Scalar.init)
        #expect(scalars.count > 300)
        var body = ""
        for start in stride(from: 0, to: scalars.count, by: 30) {
            var line = ""
            for s in scalars[start..<min(start + 30, scalars.count)] { line.unicodeScalars.append(s); line += " " }
            body += try LaTeXEscaper.escape(line) + "\\par\n"
        }
        let scratch = try Scratch()
        defer { scratch.cleanUp() }
        let document = "\\documentclass{article}\n\(LaTeXTableWriter.preamble)\n\\usepackage[swedish]{babel}\n"
            + "\\begin{document}\n\\raggedright\n\(body)\\end{document}\n"
        let result = try LaTeXCompilation.compile(document, name: "characters", in: scratch)
        _ = result.expectClean("every accepted character")
    }

    @Test func characterPdflatexCannotSetIsAClearError() throws {
        let request = try bundledRequest("q01", overriding: ["questions.q01.options.ja": "Ja 中文"])
        #expect(throws: UnsupportedLabelCharacter.self) { try Backend.tex.render(request) }
        do {
            _ = try Backend.tex.render(request)
        } catch let error as UnsupportedLabelCharacter {
            // The message names the character, the label key and the file and line it was read from (issue 11).
            #expect(error.description.contains("U+4E2D"))
            #expect(error.description.contains("questions.q01.options.ja"))
            #expect(error.description.contains("labels/sv.yaml:"))
        }
    }

    @Test func swedishTablesUseTheDecimalComma() throws {
        let sv = utf8(try Backend.tex.render(try bundledRequest("q05", language: "sv")))
        let en = utf8(try Backend.tex.render(try bundledRequest("q05", language: "en")))
        #expect(sv.contains("output-decimal-marker={,}"))
        #expect(!en.contains("output-decimal-marker"))
        // Numbers go raw, with a point, into the S columns in both languages.
        #expect(sv.contains("& 20.5 & 30.6 & 26.8 & 16.9 & 5.3 & 1.6 & 1.0 \\\\"))
        #expect(sv.contains("\\caption{") && sv.contains("\\label{tab:digitalisering-2024-q05}"))
    }

    @Test func notApplicableColumnStandsApart() throws {
        let tex = utf8(try Backend.tex.render(try bundledRequest("q42")))
        #expect(tex.contains("@{\\hspace{\\tabcolsep}\\hspace{1em}\\hspace{\\tabcolsep}}S["))
        #expect(tex.contains("”Inte relevant” visas för sig och ingår inte i medelvärdet"))
    }
}

/// Checks that each row's numbers stand, in order, at the end of some line of `text` (pdftotext -layout puts a
/// table row on one line; a wrapped statement continues on lines without numbers).
func expectRows(_ rows: [ModelOracle.Row], in text: String, marker: String, what: String,
                sourceLocation: Testing.SourceLocation = #_sourceLocation) {
    let lines = text.split(separator: "\n").map { numberTokens($0) }
    var from = 0
    for row in rows {
        let expected = row.values.compactMap { $0.text(marker: marker) }
        guard let index = lines[from...].firstIndex(where: { $0.count >= expected.count && Array($0.suffix(expected.count)) == expected })
        else {
            Issue.record("\(what): row \(row.id) with \(expected) not found in the PDF after line \(from):\n\(text)",
                         sourceLocation: sourceLocation)
            return
        }
        from = index + 1
    }
}

/// The number-like words of a line: "48,9", "67", "-1.5".
func numberTokens(_ line: Substring) -> [String] {
    line.split(separator: " ").map(String.init).filter { token in
        var rest = Substring(token)
        if rest.first == "-" { rest = rest.dropFirst() }
        let parts = rest.split(separator: ",", omittingEmptySubsequences: false)
            .flatMap { $0.split(separator: ".", omittingEmptySubsequences: false) }
        return (1...2).contains(parts.count) && parts.allSatisfy { !$0.isEmpty && $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }
    }
}

/// The words of the table's stubs that TeX hyphenated, as `pdftotext -layout` shows them: in the lines between the
/// header (whose last line begins with the stub header) and the notes, a word ending in a hyphen that no stub
/// contains.
func hyphenatedStubWords(in text: String, table: Table) -> [String] {
    let lines = text.split(separator: "\n").map(String.init)
    guard let header = lines.firstIndex(where: { $0.hasPrefix(table.stubHeader) }) else {
        return ["(no line begins with the stub header \(table.stubHeader))"]
    }
    let notes = table.notes.first.flatMap { note in lines[header...].firstIndex { $0.hasPrefix(String(note.prefix(12))) } }
    let stubs = table.rows.map(\.stub).joined(separator: " ")
    return lines[(header + 1)..<(notes ?? lines.count)].flatMap { $0.split(separator: " ") }.map(String.init)
        .filter { $0.count > 1 && $0.hasSuffix("-") && !stubs.contains($0) }

}

/// Long scale headers in printed tables.
@Suite struct LaTeXHeaderKeyTests {
    /// Scale headers that cannot be set whole even at the smallest size become keys explained in a note,
    /// instead of being hyphenated over four or five lines (q42 sv: "I mycket hög ut-sträck-ning").
    @Test func longScaleHeadersBecomeKeys() throws {
        let tex = utf8(try Backend.tex.render(try bundledRequest("q42")))
        #expect(tex.contains("1 = I mycket hög utsträckning; 2 = I hög utsträckning;"), "\(tex)")
        #expect(!tex.contains("{I mycket hög utsträckning}"))
        // A table whose headers fit keeps them (q01: "n", "Andel (%)").
        let q01 = utf8(try Backend.tex.render(try bundledRequest("q01")))
        #expect(!q01.contains(" = "))
    }
}
