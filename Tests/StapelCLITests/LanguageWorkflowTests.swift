import Foundation
import Stapel
import Testing

/// Surveys whose source language is not Swedish, through the built `stapel`: a survey written only in German,
/// and an English survey rendered in a language Stapel ships no interface strings for (Portuguese).
@Suite struct LanguageWorkflowTests {
    let scratch: Scratch

    init() throws { scratch = try Scratch() }

    static let surveyYAML = """
        format: stapel-survey/1
        id: umfrage-2025
        language: de
        year: 2025
        respondents: 7561
        scales:
          zustimmung:
            points:
              - {id: ja, score: 1}
              - {id: nein, score: 0}
              - {id: weiss-nicht, not-applicable: true}
        questions:
          - id: q01
            kind: single-choice
            respondents: 7561
            options:
              - {id: ja, n: 3700, percent: 48.9}
              - {id: nein, n: 3861, percent: 51.1}
          - id: q02
            kind: grid
            scale: zustimmung
            respondents: 7561
            rows:
              - {id: daten, percent: [60.0, 20.0, 20.0], mean: 0.8, median: 1.0}
              - {id: ki, percent: [30.0, 50.0, 20.0], mean: 0.4, median: 0.0}

        """

    static let germanYAML = """
        format: stapel-labels/1
        language: de
        survey:
          title: "Umfrage zur Digitalisierung 2025"
          source: "Quelle: Umfrage zur Digitalisierung 2025."
        scales:
          zustimmung:
            ja: "Stimme zu"
            nein: "Stimme nicht zu"
            weiss-nicht: "Weiß nicht"
        questions:
          q01:
            text: "Versteht sich Ihre Behörde als datengetrieben?"
            options:
              ja: "Ja"
              nein: "Nein"
          q02:
            text: "Wie sehr stimmen Sie den folgenden Aussagen zu?"
            rows:
              daten: "Wir teilen Daten mit anderen Behörden."
              ki: "Wir setzen künstliche Intelligenz ein."

        """

    static let englishYAML = """
        format: stapel-labels/1
        language: en
        survey:
          title: "Digitalisation survey 2025"
          source: "Source: Digitalisation survey 2025."
        scales:
          zustimmung:
            ja: "Agree"
            nein: "Disagree"
            weiss-nicht: "Don’t know"
        questions:
          q01:
            text: "Does your agency see itself as data-driven?"
            options:
              ja: "Yes"
              nein: "No"
          q02:
            text: "How far do you agree with the following statements?"
            rows:
              daten: "We share data with other agencies."
              ki: "We use artificial intelligence."

        """

    /// Portuguese survey strings, and the interface strings Stapel does not ship for Portuguese (pt-PT, CLDR:
    /// decimal comma, space groups, minimumGroupingDigits 2, so 7561 stays ungrouped).
    static let portugueseSurveyYAML = """
        format: stapel-labels/1
        language: pt
        survey:
          title: "Inquérito sobre a digitalização 2025"
          source: "Fonte: Inquérito sobre a digitalização 2025."
        scales:
          zustimmung:
            ja: "Concordo"
            nein: "Não concordo"
            weiss-nicht: "Não sei"
        questions:
          q01:
            text: "A sua entidade considera-se orientada por dados?"
            options:
              ja: "Sim"
              nein: "Não"
          q02:
            text: "Em que medida concorda com as afirmações seguintes?"
            rows:
              daten: "Partilhamos dados com outras entidades."
              ki: "Utilizamos inteligência artificial."

        """
    static let portugueseInterfaceYAML = """
        number:
          decimal-separator: ","
          group-separator: "\\u00A0"
          group-minimum-digits: "5"
          percent: "{value}\\u00A0%"
        ui:
          respondents: "Respostas: {n}"
          respondents-range: "Respostas: {min}–{max}"
          selections: "Opções escolhidas: {n}"
          multiple-allowed: "Podia escolher-se mais de uma opção; as percentagens somam mais de 100\\u00A0%."
          multiple-allowed-short: "Podia escolher-se mais de uma opção."
          multiple-per-row: "Podia escolher-se mais de uma opção em cada linha."
          total: "Total"
          mean: "Média"
          median: "Mediana"
          n: "N.º"
          percent: "Percentagem (%)"
          percent-of: "{label} (%)"
          column-in-group: "{group}: {label}"
          share-axis: "Percentagem de inquiridos (%)"
          count-axis: "Número de inquiridos"
          rebased-note: "As percentagens da escala excluem quem respondeu {label}, apresentado à parte."
          quote: "«{label}»"
          list-separator: ", "
          rounding-note: "Os totais podem não somar 100 devido aos arredondamentos."
          question: "Pergunta {number}"
          statement: "Afirmação"
          option: "Opção de resposta"
          question-id: "Pergunta"
          net: "Percentagem «{label}»"
          net-note: "O número após cada barra é a percentagem conjunta «{label}»."
          answer-kind:
            does-not-apply: "Não se aplica"
            dont-know: "Não sabe"
            refused: "Recusou responder"
            no-answer: "Sem resposta"
            not-asked: "Não perguntado"
            missing: "Em falta"
          note:
            excluded-from-mean: "Não incluídos na média: {answers}."
            excluded-from-base: "Percentagens calculadas sem {answers}."
            base-substantive: "Base: respostas substantivas ({n})."
          low-base: "Menos de {n} respostas."
          report:
            contents: "Índice"
            reference: "Número de referência: {reference}"
            year: "Publicado em {year}"
            publisher: "Editor: {publisher}"
            gallery: "Todas as figuras"
            question-page: "Tabela e transferências"
            figures: "Figuras pela ordem do questionário"
          alt:
            kind:
              bar: "Gráfico de barras"
              stacked: "Gráfico de barras empilhadas"
              diverging: "Gráfico de barras divergentes"
              grouped: "Gráfico de barras agrupadas"
            lead: "{kind}: {question}"
            choice: "Maior percentagem: {top_label}, {top}; menor: {bottom_label}, {bottom}."
            multiple: "Mais escolhido: {top_label}, {top}; menos escolhido: {bottom_label}, {bottom}."
            grid-mean: "Média mais alta: {top_label}, {top}; mais baixa: {bottom_label}, {bottom}."
            grid-share: "Maior percentagem {point}: {top_label}, {top}; menor: {bottom_label}, {bottom}."
            multi-select: "Maior percentagem: {top_label} – {top_column}, {top}; menor: {bottom_label} – {bottom_column}, {bottom}."
            total: "{label}: {value}."
            row: "{label}: {values}."
            value: "{label} {value}"
            base: "{n} respostas"

        """

    /// A survey folder `name` with `survey.yaml` (its `language:` line replaced by `language`, or dropped when
    /// nil) and the given label files.
    func survey(_ name: String, language: String?, labels: [String: String]) throws -> URL {
        var yaml = Self.surveyYAML
        yaml = yaml.replacingOccurrences(of: "language: de\n", with: language.map { "language: \($0)\n" } ?? "")
        try scratch.write(yaml, to: "\(name)/survey.yaml")
        for (lang, text) in labels { try scratch.write(text, to: "\(name)/labels/\(lang).yaml") }
        return scratch.url.appendingPathComponent(name)
    }

    func stapel(_ arguments: [String]) throws -> (status: Int32, stdout: String, stderr: String) {
        try runStapel(arguments, in: scratch.url, environment: ["SOURCE_DATE_EPOCH": "0"])
    }

    func read(_ path: String) throws -> String {
        try String(contentsOf: scratch.url.appendingPathComponent(path), encoding: .utf8)
    }

    @Test func aSurveyWrittenOnlyInGermanWorksWithEveryTool() throws {
        defer { scratch.cleanUp() }
        _ = try survey("de-only", language: "de", labels: ["de": Self.germanYAML])
        let validate = try stapel(["validate", "de-only", "--strict"])
        #expect(validate.status == 0, "validate: \(validate.stderr)")

        let render = try stapel(["render", "de-only", "--out", "out", "--format", "png,csv,md,tex",
                                 "--styles", stylesFolder.path])
        #expect(render.status == 0, "render: \(render.stderr)")
        let md = try read("out/de/q01.md")
        #expect(md.contains("**Frage 1** Versteht sich Ihre Behörde als datengetrieben?"))
        #expect(md.contains("| Ja | 3.700 | 48,9 |"), "German grouping and decimal comma:\n\(md)")
        #expect(md.contains("Anzahl Antworten: 7.561"))
        // The grid prints means: one note names the non-substantive answer, in German quotation marks.
        #expect(try read("out/de/q02.md").contains("Nicht im Mittelwert enthalten: „Weiß nicht“."))
        #expect(try read("out/de/q01.csv").contains("q01,Versteht sich Ihre Behörde als datengetrieben?"))
        #expect(try read("out/de/q01.tex").contains("output-decimal-marker={,}"))
        let png = try Data(contentsOf: scratch.url.appendingPathComponent("out/de/q01.png"))
        #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47]))

        let check = try stapel(["labels", "check", "de-only", "--strict"])
        #expect(check.status == 0, "labels check: \(check.stderr)")
        let checkDE = try stapel(["labels", "check", "de-only", "--lang", "de", "--strict"])
        #expect(checkDE.status == 0, "labels check --lang de: \(checkDE.stderr)")
        #expect(checkDE.stdout.contains("(the source)"))

        // The pseudo-locale is built from German: German number format, accented German text.
        let pseudo = try stapel(["render", "de-only", "--out", "out", "--format", "md", "--lang", "pseudo",
                                 "--styles", stylesFolder.path])
        #expect(pseudo.status == 0, "pseudo: \(pseudo.stderr)")
        let pseudoMD = try read("out/pseudo/q01.md")
        #expect(pseudoMD.contains("3.700") && pseudoMD.contains("48,9"), "\(pseudoMD)")
        #expect(pseudoMD.contains("Fŕáĝé"), "the pseudo text comes from German 'Frage':\n\(pseudoMD)")
    }

    @Test func aGermanPORoundTripGivesTheSameSet() throws {
        defer { scratch.cleanUp() }
        let folder = try survey("de-only", language: "de", labels: ["de": Self.germanYAML])
        let export = try stapel(["labels", "export-po", "de-only", "--lang", "de", "--out", "de.po"])
        #expect(export.status == 0, "export-po: \(export.stderr)")
        let po = try read("de.po")
        #expect(po.contains("\"X-Stapel-Source-Language: de\\n\""))
        #expect(po.contains("msgid \"Versteht sich Ihre Behörde als datengetrieben?\""))
        let before = try LabelSetReader.read(Self.germanYAML, file: "de.yaml")
        let imported = try stapel(["labels", "import-po", "de.po", "--lang", "de", "--survey", "de-only"])
        #expect(imported.status == 0, "import-po: \(imported.stderr)")
        let after = try LabelSetReader.read(try read("de-only/labels/de.yaml"), file: "de.yaml")
        #expect(after.entries == before.entries, "the round trip changed the set")
        #expect(!imported.stdout.contains("Sources/"), "\(imported.stdout)")

        // A French translation from the German source: interface strings go into the survey's labels/fr.yaml
        // only where they differ from the set Stapel ships for French.
        let fr = try stapel(["labels", "export-po", "de-only", "--lang", "fr", "--out", "fr.po"])
        #expect(fr.status == 0, "export-po fr: \(fr.stderr)")
        var frPO = try read("fr.po")
        frPO = frPO.replacingOccurrences(of: "msgctxt \"survey.title\"\nmsgid \"Umfrage zur Digitalisierung 2025\"\nmsgstr \"\"",
                                         with: "msgctxt \"survey.title\"\nmsgid \"Umfrage zur Digitalisierung 2025\"\nmsgstr \"Enquête 2025\"")
        frPO = frPO.replacingOccurrences(of: "msgstr \"Nombre de répondants\"", with: "msgstr \"Nombre d’administrations\"")
        try scratch.write(frPO, to: "fr.po")
        let frImport = try stapel(["labels", "import-po", "fr.po", "de-only", "--lang", "fr"])
        // Only a few strings are translated: the set is written, and the command says it is incomplete (exit 1).
        #expect(frImport.status == 1 && frImport.stderr.contains("has no 'fr' text"), "import-po fr: \(frImport.stderr)")
        let frSet = try LabelSetReader.read(try read("de-only/labels/fr.yaml"), file: "fr.yaml")
        #expect(frSet["survey.title"] == "Enquête 2025")
        #expect(frSet["ui.count-axis"] == "Nombre d’administrations", "the override is kept in the survey's set")
        #expect(frSet["ui.total"] == nil, "a string equal to the shipped one is not copied")
        #expect(folder.path.hasPrefix(scratch.url.path))
    }

    @Test func theOnlyLabelSetIsTheSourceWhenNoneIsDeclared() throws {
        defer { scratch.cleanUp() }
        _ = try survey("implicit", language: nil, labels: ["de": Self.germanYAML])
        let check = try stapel(["labels", "check", "implicit", "--lang", "de"])
        #expect(check.status == 0, "\(check.stderr)")
        #expect(check.stdout.contains("(the source)"))
        let render = try stapel(["render", "implicit", "--out", "out", "--format", "md", "--styles", stylesFolder.path])
        #expect(render.status == 0, "\(render.stderr)")
        #expect(FileManager.default.fileExists(atPath: scratch.url.appendingPathComponent("out/de/q01.md").path))

        _ = try survey("ambiguous", language: nil, labels: ["de": Self.germanYAML, "en": Self.englishYAML])
        for arguments in [["validate", "ambiguous"], ["labels", "check", "ambiguous"],
                          ["labels", "export-po", "ambiguous", "--lang", "fr"]] {
            let run = try stapel(arguments)
            #expect(run.status != 0, "\(arguments) succeeded")
            #expect(run.stderr.contains("does not declare its source language") && run.stderr.contains("language:"),
                    "\(arguments): \(run.stderr)")
        }
        // Rendering needs no source language: without --lang it renders every label set.
        let every = try stapel(["render", "ambiguous", "--out", "out2", "--format", "md", "--styles", stylesFolder.path])
        #expect(every.status == 0, "\(every.stderr)")
        #expect(FileManager.default.fileExists(atPath: scratch.url.appendingPathComponent("out2/en/q01.md").path))
    }

    @Test func anEnglishSurveyRendersInALanguageStapelShipsNoInterfaceFor() throws {
        defer { scratch.cleanUp() }
        let complete = Self.portugueseSurveyYAML + Self.portugueseInterfaceYAML
        _ = try survey("en-pt", language: "en", labels: ["en": Self.englishYAML, "pt": complete])
        let validate = try stapel(["validate", "en-pt", "--strict"])
        #expect(validate.status == 0, "validate: \(validate.stderr)")
        let check = try stapel(["labels", "check", "en-pt", "--lang", "pt", "--accept-identical", "ui.total"])
        #expect(check.status == 0, "labels check: \(check.stderr)")
        #expect(!check.stderr.contains("stale"), "\(check.stderr)")
        let render = try stapel(["render", "en-pt", "--out", "out", "--lang", "en,pt", "--format", "png,csv,md",
                                 "--styles", stylesFolder.path])
        #expect(render.status == 0, "render: \(render.stderr)")
        let md = try read("out/pt/q01.md")
        #expect(md.contains("**Pergunta 1** A sua entidade considera-se orientada por dados?"), "\(md)")
        #expect(md.contains("| Sim | 3700 | 48,9 |"), "pt groups from five digits (number.group-minimum-digits):\n\(md)")
        #expect(md.contains("Respostas: 7561"))
        #expect(try read("out/en/q01.md").contains("| Yes | 3,700 | 48.9 |"))

        // Without the interface strings: a clear error naming the missing keys.
        try scratch.write(Self.portugueseSurveyYAML, to: "en-pt/labels/pt.yaml")
        let bare = try stapel(["render", "en-pt", "--out", "out3", "--lang", "pt", "--format", "md",
                               "--styles", stylesFolder.path])
        #expect(bare.status != 0)
        #expect(bare.stderr.contains("Stapel ships no interface strings for 'pt'"), "\(bare.stderr)")
        #expect(bare.stderr.contains("ui.respondents") && bare.stderr.contains("number.decimal-separator"), "\(bare.stderr)")
        let bareValidate = try stapel(["validate", "en-pt"])
        #expect(bareValidate.status == 1)
        #expect(bareValidate.stderr.contains("ui.respondents"), "\(bareValidate.stderr)")
        // --fallback fills them from the source language, with a warning per key.
        let fallback = try stapel(["render", "en-pt", "--out", "out4", "--lang", "pt", "--format", "md",
                                   "--fallback", "en", "--styles", stylesFolder.path])
        #expect(fallback.status == 0, "\(fallback.stderr)")
        #expect(try read("out4/pt/q01.md").contains("Responses: 7,561") || (try read("out4/pt/q01.md")).contains("Responses: 7561"))
    }

    @Test func countsWithAThousandsSeparatorAreRefusedWithAClearMessage() throws {
        defer { scratch.cleanUp() }
        let folder = try survey("grouped", language: "de", labels: ["de": Self.germanYAML])
        for grouped in ["7,561", "7 561"] {
            try edit(folder.appendingPathComponent("survey.yaml"), replacing: "    respondents: 7561\n    options",
                     with: "    respondents: \(grouped)\n    options")
            let run = try stapel(["validate", "grouped"])
            #expect(run.status == 1)
            #expect(run.stderr.contains("'\(grouped)' has a thousands separator; write the plain number (7561)"), "\(run.stderr)")
            try edit(folder.appendingPathComponent("survey.yaml"), replacing: "    respondents: \(grouped)\n    options",
                     with: "    respondents: 7561\n    options")
        }
    }
}
