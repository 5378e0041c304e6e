import ArgumentParser
import Foundation
import Stapel

/// `stapel labels export-po [SURVEY] --lang en [--out FILE]`: a gettext PO file for Poedit or Weblate.
struct LabelsExportPOCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export-po",
        abstract: "Write a gettext PO file: msgctxt = label key, msgid = source-language text, msgstr = translation.",
        discussion: """
            Comments (#.) give each string's question, placement, length hint and placeholders. Strings with \
            placeholders carry python-brace-format, so `msgfmt -c` checks them. PO-Revision-Date is now, or \
            SOURCE_DATE_EPOCH when set.

            Example: stapel labels export-po Surveys/digitalisering-2024 --lang de --out de.po
            """)

    @Argument(help: SurveyLocator.argumentHelp)
    var survey: String?

    @Option(name: .long, help: "Target language (its existing texts fill msgstr); not with --template.")
    var lang: String?

    @Option(name: .long, help: "all, survey or interface strings.")
    var part: LabelPartOption = .all

    @Flag(help: "A language-neutral POT template: no Language header, every msgstr empty (for msginit, or `msgmerge --previous`).")
    var template = false

    func validate() throws {
        if template, lang != nil { throw ValidationError("--template writes a language-neutral POT; leave out --lang") }
        if !template, lang == nil { throw ValidationError("--lang names the target language (or use --template for a POT)") }
    }

    @Option(name: .long, help: "Output file (default: standard output).")
    var out: String?

    func run() throws {
        let workspace = try LabelsWorkspace(survey: survey)
        let lang = self.lang ?? ""
        let target = template ? LabelSet(language: "", entries: [:]) : try workspace.translation(lang).labels
        let po = POExport.file(catalog: workspace.catalog, target: target, surveyID: workspace.survey.id,
                               part: part.part, revisionDate: Self.revisionDate())
        try writeOutput(POWriter.write(po), to: out)
        let stale = target.entries.keys.filter { workspace.catalog[$0] == nil }.count
        if stale > 0 { printError("warning: \(stale) stale label(s) of '\(lang)' not exported; see `stapel labels check --lang \(lang)`") }
        if out != nil {
            let translated = po.entries.filter { !$0.translation.isEmpty || $0.id.isEmpty }.count
            print("\(po.entries.count) entries, \(translated) translated, written to \(out!)")
        }
    }

    /// `2024-05-01 12:00+0000`, from SOURCE_DATE_EPOCH (reproducible builds) or the clock.
    static func revisionDate() -> String {
        let epoch = ProcessInfo.processInfo.environment["SOURCE_DATE_EPOCH"].flatMap(Double.init)
        let date = epoch.map { Date(timeIntervalSince1970: $0) } ?? Date()
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd HH:mm'+0000'"
        return formatter.string(from: date)
    }
}
