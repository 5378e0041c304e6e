import ArgumentParser
import Foundation
import Stapel

/// `stapel labels import-po FILE --lang en [--out labels/en.yaml]`: a translated PO file back into a label set.
struct LabelsImportPOCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import-po",
        abstract: "Read a translated PO file and write the language's label set (YAML, in survey order).",
        discussion: """
            Every translated entry replaces the key's text; untranslated and fuzzy entries keep the text the \
            label set had. Everything goes to the survey's labels/<lang>.yaml (or --out): survey strings, and interface \
            strings (ui.*, number.*) where they differ from the set Stapel ships for the language (all of them when \
            it ships none). --interface-out writes the interface strings to a file of their own instead. \
            The written set is checked as by `stapel labels check`: the command exits 1 when it has errors (a lost \
            placeholder, a missing or empty label), after writing it, so that a script notices.

            Example: stapel labels import-po de.po Surveys/digitalisering-2024 --lang de
            """)

    @Argument(help: "The PO file.")
    var file: String

    @Argument(help: SurveyLocator.argumentHelp)
    var surveyFolder: String?

    @Option(name: .long, help: "Language of the translations.")
    var lang: String

    /// The survey folder as an option, as earlier versions took it.
    @Option(name: .long, help: .hidden)
    var survey: String?

    @Option(name: .long, help: "Survey label file to write (default: SURVEY/labels/<lang>.yaml).")
    var out: String?

    @Option(name: .long, help: "Write the interface strings (ui.*, number.*) to this file instead of the survey's label set.")
    var interfaceOut: String?

    func validate() throws {
        guard lang != Pseudolocalizer.languageCode else {
            throw ValidationError("'pseudo' is generated from the source-language labels; it has no file to import into")
        }
    }

    func run() throws {
        let workspace = try LabelsWorkspace(survey: surveyFolder ?? survey)
        guard let data = FileManager.default.contents(atPath: file) else {
            printError("error: cannot read '\(file)'")
            throw ExitCode(1)
        }
        guard let text = String(data: data, encoding: .utf8) else {
            printError("error: '\(file)' is not UTF-8 text")
            throw ExitCode(1)
        }
        let po = try reportingErrors { try POReader.read(text, file: file) }
        let imported = try reportingErrors {
            try POImport.labels(from: po, language: lang, catalog: workspace.catalog, file: file)
        }
        for warning in imported.warnings { printError(warning) }
        let current = try workspace.translation(lang)
        var labels = current.labels
        for (key, value) in imported.labels.entries { labels.entries[key] = value }
        let stale = labels.entries.keys.filter { workspace.catalog[$0] == nil && !LabelCatalog.isInterfaceKey($0) }.sorted()
        for key in stale {
            printError("warning: dropped '\(key)': the survey does not use it")
            labels.entries[key] = nil
        }
        let header = ["Label set '\(lang)' of survey '\(workspace.survey.id)', imported from \((file as NSString).lastPathComponent)."]
        // Interface strings go into the survey's own label set, beside its survey strings: those that differ from
        // the set Stapel ships for the language (all of them when it ships none). Never into Stapel's sources.
        let shipped = InterfaceLabels.has(lang) ? try reportingErrors { try InterfaceLabels.load(lang) } : nil
        let interfaceKeys = workspace.catalog.ordered(labels.entries.keys.filter(LabelCatalog.isInterfaceKey))
        let surveyKeys = workspace.catalog.entries(in: .survey).map(\.key)
        let surveyPath = out ?? workspace.loader.labelsFile(lang).path
        var files: [(path: String, keys: [String])] = []
        if let interfaceOut {
            let touched = Set(imported.labels.entries.keys.map(LabelCatalog.part(of:)))
            if touched.contains(.survey) { files.append((surveyPath, surveyKeys)) }
            if touched.contains(.interface) { files.append((interfaceOut, interfaceKeys)) }
        } else {
            files = [(surveyPath, surveyKeys + interfaceKeys.filter { shipped?[$0] != labels[$0] })]
        }
        var written: [String] = []
        for (path, keys) in files {
            var partLabels = LabelSet(language: lang, entries: [:])
            for key in keys { partLabels.entries[key] = labels[key] }
            let yaml = try reportingErrors { try LabelSetWriter.write(partLabels, order: keys, header: header) }
            try writeOutput(yaml, to: path)
            written.append(path)
        }
        print("\(imported.imported) translations imported (\(imported.untranslated) untranslated, \(imported.fuzzy) fuzzy, "
              + "\(imported.unknown) unknown skipped); wrote \(written.isEmpty ? "nothing" : written.joined(separator: ", "))")
        let report = LabelCheck(identicalAllowed: KnownIdenticalLabels.accepted(for: lang))
            .check(labels, against: workspace.catalog, files: current.files)
        for issue in report.issues { printError(issue.description) }
        print(report.summary)
        if report.errors > 0 { throw ExitCode(ExitStatus.dataError) }
    }
}
