/// Interface strings whose translation is rightly the same as the Swedish source, per language, with the
/// reason; `labels check` does not report them as untranslated. Survey strings are accepted per run
/// (`labels check --accept-identical KEY`), since only the survey's translator can judge them.
public enum KnownIdenticalLabels {
    public static let interface: [String: [String: String]] = [
        "en": ["ui.median": "“Median” is the English statistical term as well"],
    ]

    /// Keys of `language` accepted as identical to the source, with the reason.
    public static func accepted(for language: String) -> [String: String] { interface[language] ?? [:] }
}
