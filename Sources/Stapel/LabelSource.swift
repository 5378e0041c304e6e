/// Where a language's labels come from: the survey's label set merged with the interface strings.
public enum LabelSource {
    public static func labels(_ language: String, loader: SurveyLoader) throws -> LabelSet {
        try loader.loadLabels(language)
    }
}
