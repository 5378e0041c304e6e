import Foundation

/// Where a language's labels come from: the survey's label set merged with the interface strings, or for
/// the pseudo-locale, both built from the survey's source language.
package enum LabelSource {
    package static func labels(_ language: String, loader: SurveyLoader) throws -> LabelSet {
        if language == Pseudolocalizer.languageCode {
            return Pseudolocalizer().localize(try loader.loadLabels(try loader.sourceLanguage()))
        }
        return try loader.loadLabels(language)
    }

    /// A language's labels as a translator works on them: either file may not exist yet (a new language),
    /// and each part keeps the path of the file it belongs in.
    package struct Translation: Sendable {
        package var labels: LabelSet
        /// The file of each part, as a translator edits it: the survey's `labels/<lang>.yaml` for both, since
        /// a survey's label set may override or add interface strings (`ui.*`, `number.*`).
        package var files: [LabelCatalog.Part: String]
        package var hasSurveyFile: Bool
        /// Whether Stapel ships interface strings for the language.
        package var hasInterfaceFile: Bool
    }

    /// Editable path of an interface label set in the source tree (the binary holds a copy).
    package static func interfaceFile(_ language: String) -> String { "\(InterfaceLabels.sourceFolder)/\(language).yaml" }

    /// `language`'s labels for translation work: missing files give empty parts instead of an error.
    package static func translation(_ language: String, loader: SurveyLoader) throws -> Translation {
        _ = try loader.checkedLabelsFile(language)   // a language reaches a path: refuse `../x` before anything
        let surveyFile = SurveyLoader.display(loader.labelsFile(language))
        let files: [LabelCatalog.Part: String] = [.survey: surveyFile, .interface: surveyFile]
        if language == Pseudolocalizer.languageCode {
            return Translation(labels: try labels(language, loader: loader), files: files, hasSurveyFile: true,
                               hasInterfaceFile: true)
        }
        let hasSurvey = FileManager.default.fileExists(atPath: loader.labelsFile(language).path)
        let hasInterface = InterfaceLabels.has(language)
        var labels = hasSurvey ? try loader.loadSurveyLabels(language) : LabelSet(language: language, entries: [:])
        if hasInterface { labels = labels.merging(try InterfaceLabels.load(language)) }
        return Translation(labels: labels, files: files, hasSurveyFile: hasSurvey, hasInterfaceFile: hasInterface)
    }
}
