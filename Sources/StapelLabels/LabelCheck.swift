import Foundation
import StapelModel

/// Checks a translated label set against the source: missing, empty and stale keys, untranslated strings
/// (identical to the source-language text), placeholders lost or added, and one-line texts too long to fit.
package struct LabelCheck: Sendable {
    /// Keys whose translation may equal the source, with the reason.
    package var identicalAllowed: [String: String]

    package init(identicalAllowed: [String: String] = [:]) { self.identicalAllowed = identicalAllowed }

    /// Checks `target` (survey labels merged with interface strings) against `catalog`. `files` names the file
    /// of each part, for findings about keys the target lacks.
    package func check(_ target: LabelSet, against catalog: LabelCatalog,
                      files: [LabelCatalog.Part: String] = [:]) -> LabelCheckReport {
        let language = target.language
        let isSource = language == catalog.sourceLanguage
        let Source = catalog.sourceName
        var report = LabelCheckReport(language: language, expected: catalog.entries.count, isSource: isSource)
        func location(_ key: String, _ part: LabelCatalog.Part) -> SourceLocation? {
            target.locations[key] ?? files[part].map { SourceLocation(file: $0, line: 1, column: 1) }
        }
        func issue(_ severity: ValidationIssue.Severity, _ key: String, _ part: LabelCatalog.Part, _ check: String,
                   _ message: String) {
            report.issues.append(ValidationIssue(severity, at: location(key, part), question: LabelCheck.question(of: key),
                                                 field: key, check: check, message))
        }
        for entry in catalog.entries {
            let key = entry.key
            if !entry.isInSource {
                report.missingSource.append(key)
                issue(.error, key, entry.part, "missing-source", "the \(Source) source label set lacks '\(key)'")
                if isSource { continue }
            }
            guard let text = target[key] else {
                report.missing.append(key)
                issue(.error, key, entry.part, "missing-label",
                      "'\(key)' has no '\(language)' text (\(Source): \(LabelCheck.quote(entry.source)))")
                continue
            }
            // A number format key may rightly be a space (a no-break group separator) or empty (no grouping).
            if text.allSatisfy(\.isWhitespace) && !entry.source.allSatisfy(\.isWhitespace) && !key.hasPrefix("number.") {
                report.empty.append(key)
                issue(.error, key, entry.part, "empty-label", "'\(key)' is empty (\(Source): \(LabelCheck.quote(entry.source)))")
                continue
            }
            if isSource { report.translated += 1; continue }
            var ok = true
            if !Placeholders.match(entry.source, text) {
                ok = false
                report.placeholderMismatches.append(key)
                issue(.error, key, entry.part, "placeholder",
                      "placeholders differ: \(Source) has \(LabelCheck.list(Placeholders.names(in: entry.source))), "
                        + "'\(language)' has \(LabelCheck.list(Placeholders.names(in: text)))")
            }
            if text.hasPrefix("\n") != entry.source.hasPrefix("\n") || text.hasSuffix("\n") != entry.source.hasSuffix("\n") {
                ok = false
                issue(.error, key, entry.part, "line-break",
                      "the \(Source) text and the translation must both begin, and both end, with a line break or not")
            }
            if text == entry.source && LabelCheck.hasWords(entry.source) && identicalAllowed[key] == nil {
                ok = false
                report.untranslated.append(key)
                issue(.warning, key, entry.part, "untranslated",
                      "'\(key)' is identical to the \(Source) text \(LabelCheck.quote(text)); translate it, or accept it "
                        + "with --accept-identical \(key)")
            }
            if entry.lengthHint.isExceeded(by: text) {
                report.tooLong.append(key)
                issue(.warning, key, entry.part, "too-long",
                      "\(text.count) characters; \(entry.placement.summary) has room for \(entry.lengthHint.summary)")
            }
            if ok { report.translated += 1 }
        }
        // A survey's own ui.* and number.* strings override or add interface strings: never stale.
        for key in catalog.ordered(target.entries.keys) where catalog[key] == nil && !LabelCatalog.isInterfaceKey(key) {
            report.stale.append(key)
            issue(.warning, key, LabelCatalog.part(of: key), "stale-label",
                  "'\(key)' is not used by the survey or has no \(Source) source; remove it")
        }
        return report
    }

    /// Whether a text has letters outside its placeholders: a separator or `{value} %` is rightly the same
    /// in many languages, a word rarely is.
    package static func hasWords(_ text: String) -> Bool {
        Placeholders.pieces(of: text).contains { if case .text(let t) = $0 { t.contains(where: \.isLetter) } else { false } }
    }

    /// `questions.q05.rows.x` → `q05`.
    static func question(of key: String) -> String? {
        let parts = key.split(separator: ".")
        return parts.count >= 3 && parts[0] == "questions" ? String(parts[1]) : nil
    }

    static func quote(_ text: String) -> String {
        let short = text.count > 60 ? String(text.prefix(57)) + "…" : text
        return "“" + short.replacingOccurrences(of: "\n", with: "⏎") + "”"
    }

    static func list(_ names: [String]) -> String {
        names.isEmpty ? "none" : names.map { "{\($0)}" }.joined(separator: " ")
    }
}

/// What `LabelCheck` found for one language, with the counts for a coverage line.
package struct LabelCheckReport: Sendable {
    package var language: String
    package var issues: [ValidationIssue] = []
    /// Keys the catalog lists.
    package var expected: Int
    /// Keys with a usable translation: present, not empty, placeholders kept, not identical to the source.
    package var translated = 0
    package var missing: [String] = []
    package var missingSource: [String] = []
    package var empty: [String] = []
    package var untranslated: [String] = []
    package var placeholderMismatches: [String] = []
    package var tooLong: [String] = []
    package var stale: [String] = []

    /// Whether the checked set is the source language's.
    package var isSource: Bool

    package init(language: String, expected: Int, isSource: Bool = false) {
        self.language = language
        self.expected = expected
        self.isSource = isSource
    }

    package var errors: Int { issues.filter { $0.severity == .error }.count }
    package var warnings: Int { issues.filter { $0.severity == .warning }.count }

    /// Translated keys as a share of the catalog, 0…100.
    package var coverage: Double { expected == 0 ? 100 : Double(translated) / Double(expected) * 100 }

    /// "en: 431 of 431 keys translated (100.0 %); 0 missing, 0 untranslated, 0 stale; 0 errors, 0 warnings".
    package var summary: String {
        let done = isSource ? "present (the source)" : "translated"
        return "\(language): \(translated) of \(expected) keys \(done) (\(NumberFormat.plain(coverage)) %); "
            + "\(missing.count + empty.count) missing, \(untranslated.count) untranslated, \(stale.count) stale, "
            + "\(placeholderMismatches.count) placeholder mismatches, \(tooLong.count) too long; "
            + "\(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s")"
    }
}
