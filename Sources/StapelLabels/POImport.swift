import Foundation
import StapelModel

/// Reads translations back from a PO file written by `POExport` (and edited in any gettext tool) into a
/// label set. Untranslated and fuzzy entries are left out, so that `labels check` reports them as missing;
/// entries for keys the survey no longer has are skipped.
package enum POImport {
    /// The imported labels and what was left out or looked wrong.
    package struct Result: Sendable {
        package var labels: LabelSet
        package var warnings: [String] = []
        package var imported = 0
        package var untranslated = 0
        package var fuzzy = 0
        package var unknown = 0
    }

    /// Failures that stop an import.
    package enum ImportError: Error, Sendable, CustomStringConvertible {
        case charset(String)
        case language(file: String, found: String, expected: String)

        package var description: String {
            switch self {
            case .charset(let found):
                "error: the PO file declares charset '\(found)'; Stapel reads UTF-8 PO files only (re-save it as UTF-8)"
            case .language(let file, let found, let expected):
                "error: \(file) is a '\(found)' translation (its Language header), not '\(expected)'; pass --lang \(found)"
            }
        }
    }

    package static func labels(from po: POFile, language: String, catalog: LabelCatalog, file: String) throws -> Result {
        if let contentType = po.headerValue("Content-Type"),
           let range = contentType.lowercased().range(of: "charset=") {
            let charset = contentType[range.upperBound...].prefix { $0 != ";" && $0 != " " }
            guard charset.lowercased() == "utf-8" else { throw ImportError.charset(String(charset)) }
        }
        if let declared = po.headerValue("Language"), !declared.isEmpty, declared != language {
            throw ImportError.language(file: file, found: declared, expected: language)
        }
        var result = Result(labels: LabelSet(language: language, entries: [:]))
        for entry in po.entries {
            let place = "\(file):\(entry.line)"
            guard let key = entry.context else {
                result.unknown += 1
                result.warnings.append("warning: \(place): entry without msgctxt skipped; Stapel PO files use the label key as msgctxt")
                continue
            }
            guard let known = catalog[key] else {
                result.unknown += 1
                result.warnings.append("warning: \(place): '\(key)' is not a label of this survey; skipped")
                continue
            }
            if entry.isFuzzy {
                result.fuzzy += 1
                result.warnings.append("warning: \(place): '\(key)' is marked fuzzy (needs review); not imported")
                continue
            }
            if entry.translation.isEmpty && !entry.id.isEmpty {
                result.untranslated += 1
                continue
            }
            if entry.id != known.source {
                result.warnings.append("warning: \(place): the \(catalog.sourceName) text of '\(key)' has changed since the file was "
                                       + "exported; imported, but check the translation")
            }
            result.labels.entries[key] = entry.translation
            result.labels.locations[key] = SourceLocation(file: file, line: entry.line, column: 1)
            result.imported += 1
        }
        return result
    }
}
