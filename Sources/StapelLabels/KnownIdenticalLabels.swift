import StapelModel

/// Interface strings whose translation is rightly the same as the source (Swedish or English), per language, with the
/// reason; `labels check` does not report them as untranslated. Survey strings are accepted per run
/// (`labels check --accept-identical KEY`), since only the survey's translator can judge them.
package enum KnownIdenticalLabels {
    package static let interface: [String: [String: String]] = [
        "en": [Term.median.key: "“Median” is the English statistical term as well"],
        "de": [Term.median.key: "“Median” is the German statistical term as well"],
        "fr": [Term.total.key: "“Total” is the French word as well",
               Term.question.key: "“Question” is the French word as well",
               Term.questionId.key: "“Question” is the French word as well"],
        "nb": [Term.median.key: "“Median” is the Norwegian statistical term as well",
               Term.percent.key: "“Andel (%)” is Norwegian as well as Swedish",
               Term.altBase.key: "“{n} svar” is Norwegian as well as Swedish"],
        "da": [Term.median.key: "“Median” is the Danish statistical term as well",
               Term.n.key: "“Antal” is Danish as well as Swedish",
               Term.percent.key: "“Andel (%)” is Danish as well as Swedish"],
    ]

    /// Keys of `language` accepted as identical to the source, with the reason.
    package static func accepted(for language: String) -> [String: String] { interface[language] ?? [:] }
}
