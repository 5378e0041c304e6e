/// A gettext PO file as Stapel writes and reads it: a header and single-form entries (no plurals).
/// See the GNU gettext manual, "The Format of PO Files".
package struct POFile: Sendable, Hashable {
    /// `# ` comment lines above the header entry.
    package var comments: [String]
    /// Header fields in order (`Language: en`, `Content-Type: text/plain; charset=UTF-8` …).
    package var header: [POHeaderField]
    package var entries: [POEntry]

    package init(comments: [String] = [], header: [POHeaderField] = [], entries: [POEntry] = []) {
        self.comments = comments
        self.header = header
        self.entries = entries
    }

    /// The value of header field `name` (case-insensitive), if present.
    package func headerValue(_ name: String) -> String? {
        header.first { $0.name.lowercased() == name.lowercased() }?.value
    }
}

/// One `Name: value` line of a PO header.
package struct POHeaderField: Sendable, Hashable {
    package var name: String
    package var value: String

    package init(_ name: String, _ value: String) {
        self.name = name
        self.value = value
    }
}

/// One translation unit: comments, flags, `msgctxt`, `msgid` and `msgstr`.
package struct POEntry: Sendable, Hashable {
    /// `# ` comments, the translator's own.
    package var translatorComments: [String]
    /// `#.` comments: context from the tool that wrote the file.
    package var extractedComments: [String]
    /// `#,` flags (`fuzzy`, `python-brace-format` …).
    package var flags: [String]
    package var context: String?
    package var id: String
    package var translation: String
    /// Line of the entry's first line in the file it was read from; 0 for an entry built in memory.
    package var line: Int

    package init(translatorComments: [String] = [], extractedComments: [String] = [], flags: [String] = [],
                context: String?, id: String, translation: String, line: Int = 0) {
        self.translatorComments = translatorComments
        self.extractedComments = extractedComments
        self.flags = flags
        self.context = context
        self.id = id
        self.translation = translation
        self.line = line
    }

    package var isFuzzy: Bool { flags.contains("fuzzy") }
}
