/// What `stapel init DIR` writes: a small, valid survey with one question of each kind, its label set and a
/// report manifest. Placeholders in braces are filled in by `InitCommand`: {id} (the survey id, from the
/// folder's name), {year}, {language}. The numbers add up: `stapel validate --strict` accepts the survey as
/// written, so every later error is the user's own edit.
enum InitTemplate {
    static let survey = """
        # A new Stapel survey (format: stapel-survey/1). This file holds the numbers and the structure; every
        # visible text is in labels/<language>.yaml. Replace the example questions with your own, then run
        # `stapel validate --strict`; the full format is described in Stapel's Docs/data-format.md.
        format: stapel-survey/1
        id: {id}                            # [a-z0-9][a-z0-9-]*
        year: {year}
        respondents: 120                   # everyone who was asked

        scales:                            # declared once, used by any number of grid questions
          agreement:
            polarity: bipolar              # agree … disagree: diverging colours (unipolar, the default, for none … much)
            points:                        # in the order the questionnaire prints them
              - {id: agree, score: 4.0}
              - {id: rather-agree, score: 3.0}
              - {id: rather-disagree, score: 2.0}
              - {id: disagree, score: 1.0}

        questions:
          - id: q01
            kind: single-choice            # one answer
            respondents: 120
            options:
              - {id: yes, n: 78, percent: 65.0}
              - {id: no, n: 42, percent: 35.0}

          - id: q02
            kind: multiple-choice          # any number of answers; shares add up to more than 100
            respondents: 120
            selections: 162                # options chosen, all respondents together
            options:
              - {id: email, n: 84, percent: 70.0}
              - {id: phone, n: 54, percent: 45.0}
              - {id: letter, n: 18, percent: 15.0}
              - {id: other, n: 6, percent: 5.0, other: true}   # kept last when a chart sorts

          - id: q03
            kind: grid                     # one answer on the scale per row
            scale: agreement
            respondents: 120
            rows:                          # percent per scale point; mean and median from the scores
              - {id: easy, n: [54, 36, 18, 12], percent: [45.0, 30.0, 15.0, 10.0], mean: 3.1, median: 3.0}
              - {id: fast, n: [24, 42, 36, 18], percent: [20.0, 35.0, 30.0, 15.0], mean: 2.6, median: 3.0}

          - id: q04
            kind: multi-select-grid        # several columns may be chosen on each row
            respondents: 120
            selections: 295                # every count of every row
            columns: [web, app, paper]
            rows:
              - {id: news, n: [70, 40, 25], respondents: 120}
              - {id: services, n: [90, 60, 10], respondents: 120}

        """

    /// The report manifest: `stapel build` in the survey folder renders every built-in format into Output/.
    static let manifest = """
        # Report manifest: `stapel build` renders what it names into Output/<language>/<question-id>.<ext>,
        # rewriting only what changed. Format: stapel-manifest/1 (see Stapel's README, "Build integration").
        format: stapel-manifest/1
        output: Output
        surveys:
          - path: .
            formats: [png, pdf, svg, csv, tex, md]
            languages: [{language}]
            styles: [default]              # the built-in style; add a Styles/ folder for your own

        """

    /// The header of a label set for a language the template has no texts in.
    static let translateHeader = """
        # TODO: translate — these are the English example texts; replace them with '{language}' ones.

        """

    /// Label sets by language; other languages get the English one under `translateHeader`.
    static let labels: [String: String] = ["en": english, "sv": swedish]

    static let english = """
        # Every visible text of the survey in one language (format: stapel-labels/1). Keys follow the ids in
        # survey.yaml. Copy this file to labels/<other language>.yaml to add a translation.
        format: stapel-labels/1
        language: {language}
        survey:
          title: "My survey {year}"
          subtitle: "Results"
          publisher: ""
          source: "Source: My survey {year}."
        scales:
          agreement:
            agree: "Agree"
            rather-agree: "Rather agree"
            rather-disagree: "Rather disagree"
            disagree: "Disagree"
        questions:
          q01:
            text: "Have you used our services during the past year?"
            options:
              yes: "Yes"
              no: "No"
          q02:
            text: "How have you contacted us?"
            options:
              email: "By email"
              phone: "By phone"
              letter: "By letter"
              other: "Some other way"
          q03:
            text: "How far do you agree with these statements about our services?"
            rows:
              easy: "They are easy to use"
              fast: "They are quick"
          q04:
            text: "Where do you look for the following information?"
            columns:
              web: "On the website"
              app: "In the app"
              paper: "On paper"
            rows:
              news: "News"
              services: "Services and opening hours"

        """

    static let swedish = """
        # Enkätens alla synliga texter på ett språk (format: stapel-labels/1). Nycklarna följer id:na i
        # survey.yaml. Kopiera filen till labels/<annat språk>.yaml för att lägga till en översättning.
        format: stapel-labels/1
        language: {language}
        survey:
          title: "Min enkät {year}"
          subtitle: "Resultat"
          publisher: ""
          source: "Källa: Min enkät {year}."
        scales:
          agreement:
            agree: "Instämmer helt"
            rather-agree: "Instämmer delvis"
            rather-disagree: "Instämmer knappast"
            disagree: "Instämmer inte alls"
        questions:
          q01:
            text: "Har du använt våra tjänster under det senaste året?"
            options:
              yes: "Ja"
              no: "Nej"
          q02:
            text: "Hur har du kontaktat oss?"
            options:
              email: "Via e-post"
              phone: "Via telefon"
              letter: "Via brev"
              other: "På annat sätt"
          q03:
            text: "Hur väl instämmer du i följande påståenden om våra tjänster?"
            rows:
              easy: "De är lätta att använda"
              fast: "De är snabba"
          q04:
            text: "Var söker du följande information?"
            columns:
              web: "På webbplatsen"
              app: "I appen"
              paper: "På papper"
            rows:
              news: "Nyheter"
              services: "Tjänster och öppettider"

        """
}
