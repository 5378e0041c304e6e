/// Interface strings whose translation is rightly the same as the source (Swedish or English), per language, with the
/// reason; `labels check` does not report them as untranslated. Survey strings are accepted per run
/// (`labels check --accept-identical KEY`), since only the survey's translator can judge them.
public enum KnownIdenticalLabels {
    public static let interface: [String: [String: String]] = [
        "en": ["ui.median": "“Median” is the English statistical term as well"],
        "de": ["ui.median": "“Median” is the German statistical term as well"],
        "fr": ["ui.total": "“Total” is the French word as well",
               "ui.question": "“Question” is the French word as well",
               "ui.question-id": "“Question” is the French word as well"],
        "nb": ["ui.median": "“Median” is the Norwegian statistical term as well",
               "ui.percent": "“Andel (%)” is Norwegian as well as Swedish",
               "ui.alt.base": "“{n} svar” is Norwegian as well as Swedish"],
        "da": ["ui.median": "“Median” is the Danish statistical term as well",
               "ui.n": "“Antal” is Danish as well as Swedish",
               "ui.percent": "“Andel (%)” is Danish as well as Swedish"],
    ]

    /// Keys of `language` accepted as identical to the source, with the reason.
    public static func accepted(for language: String) -> [String: String] { interface[language] ?? [:] }
}
