import Foundation
import Stapel
import Testing

/// Tables in every language Stapel ships interface strings for: the babel language loads under pdflatex, siunitx
/// prints the language's decimal marker and groups a column of four-digit counts, Markdown groups it alike.
@Suite struct LanguageTableTests {
    static let languages = ["sv", "en", "de", "fr", "fi", "nb", "da"]

    /// A single-choice question of 7 561 respondents: a count column of four-digit numbers.
    static let surveyYAML = """
        format: stapel-survey/1
        id: sprachen
        language: en
        year: 2024
        questions:
          - id: q01
            kind: single-choice
            respondents: 7561
            options:
              - {id: a, n: 3700, percent: 48.9}
              - {id: b, n: 3861, percent: 51.1}
        """

    func request(_ language: String, standalone: Bool = false) throws -> RenderRequest {
        let survey = try SurveyReader.read(Self.surveyYAML, file: "sprachen/survey.yaml")
        let texts = LabelSet(language: language, entries: [
            "survey.title": "Sprachen – språk – langues",
            "survey.source": "Quelle: Ümfrage «Åsikt» æøå, été",
            "questions.q01.text": "Frågan: Grüße, «citation», æøå?",
            "questions.q01.options.a": "Ja – oui – kyllä",
            "questions.q01.options.b": "Nein – non – ei",
        ])
        var o = RenderOptions()
        o["latex-standalone"] = standalone ? "true" : nil
        return RenderRequest(survey: survey, question: survey.questions[0],
                             labels: texts.merging(try InterfaceLabels.load(language)), style: Style(name: "default"),
                             options: o)
    }

    @Test(arguments: languages) func babelNameIsKnown(language: String) {
        let babel = LaTeXTableWriter.babelLanguages[language]
        #expect(babel != nil, "no babel language for \(language)")
        #expect(LaTeXCompilation.babel(language) == babel)
    }

    @Test(arguments: languages) func standaloneTableCompilesUnderTheLanguagesBabel(language: String) throws {
        let request = try request(language, standalone: true)
        let document = String(decoding: try Backend.tex.render(request), as: UTF8.self)
        let babel = try #require(LaTeXTableWriter.babelLanguages[language])
        #expect(document.contains("\\usepackage[\(babel)]{babel}"))
        let format = request.numberFormat
        #expect(document.contains("group-minimum-digits=4"))
        #expect(document.contains("group-separator=\(LaTeXTableWriter.siunitxGroupSeparator(format.groupSeparator))"))
        #expect(document.contains("output-decimal-marker={,}") == (format.decimalSeparator == ","))
        let scratch = try Scratch()
        defer { scratch.cleanUp() }
        let result = try LaTeXCompilation.compile(document, name: "table-\(language)", in: scratch)
        guard result.expectClean("standalone table in \(language) (\(babel))") else { return }
        #expect(result.log.contains("\(babel).ldf"), "babel did not load \(babel).ldf")
        let text = try result.text(in: scratch)
        let marker = format.decimalSeparator
        #expect(text.contains("48\(marker)9"), "\(language): no 48\(marker)9 in\n\(text)")
        // siunitx groups the counts with the language's separator (a thin space for the space-grouped languages);
        // the count line under the table has NumberFormat's 7 561.
        let grouped = text.replacingOccurrences(of: "\u{2009}", with: " ").replacingOccurrences(of: "\u{00A0}", with: " ")
        let separator = [".": ".", ",": ","][format.groupSeparator] ?? " "
        for count in ["3\(separator)700", "3\(separator)861", "7\(separator)561"] {
            #expect(grouped.contains(count), "\(language): no \(count) in\n\(text)")
        }
    }

    @Test(arguments: languages) func markdownGroupsTheCountColumnAlike(language: String) throws {
        let request = try request(language)
        let md = String(decoding: try Backend.md.render(request), as: UTF8.self)
        let sep = request.numberFormat.groupSeparator
        for count in ["3\(sep)700", "3\(sep)861"] {
            #expect(md.contains("| \(count) |"), "\(language): \(count) missing in\n\(md)")
        }
        #expect(md.contains("7\(sep)561"), "\(language): the count line lacks 7\(sep)561 in\n\(md)")
        #expect(md.contains(request.numberFormat.decimal(48.9)))
    }
}
