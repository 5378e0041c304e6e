/// A gettext PO file as Stapel writes and reads it: a header and single-form entries (no plurals).
/// See the GNU gettext manual, "The Format of PO Files".
public struct POFile: Sendable, Hashable {
    /// `# ` comment lines above the header entry.
    public var comments: [String]
    /// Header fields in order (`Language: en`, `Content-Type: text/plain; charset=UTF-8` …).
    public var header: [POHeaderField]
    public var entries: [POEntry]

    public init(comments: [String] = [], header: [POHeaderField] = [], entries: [POEntry] = []) {
        self.comments = comments
        self.header = header
        self.entries = entries
    }

    /// The value of header field `name` (case-insensitive), if present.
    public func headerValue(_ name: String) -> String? {
        header.first { $0.name.lowercased() == name.lowercased() }?.value
    }
}

/// One `Name: value` line of a PO header.
public struct POHeaderField: Sendable, Hashable {
    public var name: String
    public var value: String

    public init(_ name: String, _ value: String) {
        self.name = name
        self.value = value
    }
}

/// One translation unit: comments, flags, `msgctxt`, `msgid` and `msgstr`.
public struct POEntry: Sendable, Hashable {
    /// `# ` comments, the translator's own.
    public var translatorComments: [String]
    /// `#.` comments: context from the tool that wrote the file.
    public var extractedComments: [String]
    /// `#,` flags (`fuzzy`, `python-brace-format` …).
    public var flags: [String]
    public var context: String?
    public var id: String
    public var translation: String
    /// Line of the entry's first line in the file it was read from; 0 for an entry built in memory.
    public var line: Int

    public init(translatorComments: [String] = [], extractedComments: [String] = [], flags: [String] = [],
                context: String?, id: String, translation: String, line: Int = 0) {
        self.translatorComments = translatorComments
        self.extractedComments = extractedComments
        self.flags = flags
        self.context = context
        self.id = id
        self.translation = translation
        self.line = line
    }

    public var isFuzzy: Bool { flags.contains("fuzzy") }
}
