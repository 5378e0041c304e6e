import StapelModel

/// Turns a label set into a gettext PO file for translators' tools (Poedit, Weblate): `msgctxt` is the label
/// key, `msgid` the source-language text, `msgstr` the translation (empty where there is none yet), and the
/// `#.` comments say where the string is drawn, how long it may be and what each placeholder means.
package enum POExport {
    /// Header field naming the label-set part a file holds (`all`, `survey`, `interface`).
    package static let partField = "X-Stapel-Part"

    /// The PO file of `target`'s translations of `catalog`, limited to `part` when given.
    /// `revisionDate` fills `PO-Revision-Date` (`2024-05-01 12:00+0000`).
    package static func file(catalog: LabelCatalog, target: LabelSet, surveyID: String, part: LabelCatalog.Part? = nil,
                            revisionDate: String) -> POFile {
        // An empty language makes a language-neutral template (POT): no Language header, every msgstr empty.
        let language = target.language
        let comments = [
            language.isEmpty ? "Template (POT) of the Stapel labels of survey '\(surveyID)', from \(catalog.sourceName) (\(catalog.sourceLanguage)); `msginit` or a PO editor starts a translation from it."
                : "Stapel labels of survey '\(surveyID)' in '\(language)', translated from \(catalog.sourceName) (\(catalog.sourceLanguage)).",
            "msgctxt is the label key, msgid the \(catalog.sourceName) text; translate msgstr and keep {placeholders} as written.",
            "Read it back with: stapel labels import-po FILE --lang \(language)",
        ]
        let header = [
            POHeaderField("Project-Id-Version", surveyID),
            POHeaderField("PO-Revision-Date", revisionDate),
            POHeaderField("Last-Translator", ""),
            POHeaderField("Language-Team", ""),
            POHeaderField("Language", language),
            POHeaderField("MIME-Version", "1.0"),
            POHeaderField("Content-Type", "text/plain; charset=UTF-8"),
            POHeaderField("Content-Transfer-Encoding", "8bit"),
            POHeaderField("X-Generator", "Stapel"),
            POHeaderField("X-Stapel-Source-Language", catalog.sourceLanguage),
            POHeaderField(partField, part?.rawValue ?? "all"),
        ]
        let entries = catalog.entries(in: part).map { entry in
            var flags: [String] = []
            if Placeholders.isBraceFormat(entry.source) { flags.append("python-brace-format") }
            // Weblate reads max-length from the flags; gettext's own tools ignore it.
            if entry.lengthHint.isHard, let max = entry.lengthHint.maxLength { flags.append("max-length:\(max)") }
            return POEntry(extractedComments: entry.contextLines, flags: flags, context: entry.key, id: entry.source,
                           translation: target[entry.key] ?? "")
        }
        return POFile(comments: comments, header: header, entries: entries)
    }
}
