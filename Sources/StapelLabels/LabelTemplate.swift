import StapelModel

/// A translator's template: a `stapel-labels/1` file with every key of the catalog, each under comments that
/// give the source-language text, where it is drawn (question, placement), a length hint and what each placeholder
/// means. Filled in, it is the label set itself.
package enum LabelTemplate {
    /// The template for `language`: its existing texts where `existing` has them, else empty strings
    /// (the source texts when `language` is the source language).
    package static func write(catalog: LabelCatalog, language: String, existing: LabelSet?, surveyID: String,
                             part: LabelCatalog.Part?) throws -> String {
        let isSource = language == catalog.sourceLanguage
        var labels = LabelSet(language: language, entries: [:])
        var comments: [String: [String]] = [:]
        let entries = catalog.entries(in: part)
        for entry in entries {
            labels.entries[entry.key] = existing?[entry.key] ?? (isSource ? entry.source : "")
            var lines = entry.contextLines
            if !isSource { lines.append("\(catalog.sourceName): " + LabelSetWriter.quote(entry.source)) }
            comments[entry.key] = lines
        }
        // Interface strings a survey overrides or adds live in its own label set, beside its survey strings.
        let save = part == .interface
            ? "Add the keys you need (all of them for a language Stapel ships no interface set for) to the survey's labels/\(language).yaml,"
            : "Save as the survey's labels/\(language).yaml,"
        let header = [
            "Label template of survey '\(surveyID)' (\(part?.rawValue ?? "survey and interface") strings) for '\(language)': \(entries.count) keys.",
            "Translate every quoted text; the comments above it give the \(catalog.sourceName) text, where it is drawn and",
            "how long it may be. Keep {placeholders} as written. \(save)",
            "then run: stapel labels check --lang \(language)",
        ]
        return try LabelSetWriter.write(labels, order: entries.map(\.key), comments: comments, header: header)
    }
}
