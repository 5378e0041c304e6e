import ArgumentParser
import Foundation
import Stapel

/// `stapel labels …`: the translator's tools — check a label set, extract a template, exchange gettext PO files.
struct LabelsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "labels",
        abstract: "Check label sets, write translation templates, export and import gettext PO files.",
        discussion: """
            Example: stapel labels check --lang en
            """,
        subcommands: [LabelsCheckCommand.self, LabelsExtractCommand.self, LabelsExportPOCommand.self,
                      LabelsImportPOCommand.self])
}

/// A survey with its source-language labels (survey.yaml's `language:`) and their catalog, loaded once for a
/// labels subcommand.
struct LabelsWorkspace {
    let loader: SurveyLoader
    let survey: Survey
    let source: LabelSet
    let catalog: LabelCatalog
    /// The survey's source language.
    var sourceLanguage: String { catalog.sourceLanguage }

    init(survey path: String?) throws {
        let loader = SurveyLoader(directory: URL(fileURLWithPath: try SurveyLocator.locate(path).path))
        let survey = try reportingErrors { try loader.loadSurvey() }
        let sourceLanguage = try reportingErrors { try loader.sourceLanguage(of: survey) }
        let source = try reportingErrors { try LabelSource.labels(sourceLanguage, loader: loader) }
        self.loader = loader
        self.survey = survey
        self.source = source
        catalog = LabelCatalog(survey: survey, source: source)
    }

    func translation(_ language: String) throws -> LabelSource.Translation {
        try reportingErrors { try LabelSource.translation(language, loader: loader) }
    }
}

/// Which label file(s) a command works on.
enum LabelPartOption: String, ExpressibleByArgument, CaseIterable {
    case all, survey, interface

    var part: LabelCatalog.Part? {
        switch self {
        case .all: nil
        case .survey: .survey
        case .interface: .interface
        }
    }
}

/// Runs `body`; an error is printed and ends the command with exit code 1.
func reportingErrors<T>(_ body: () throws -> T) throws -> T {
    do {
        return try body()
    } catch let error as ExitCode {
        throw error
    } catch {
        printError("\(error)")
        throw ExitCode(1)
    }
}

/// Writes `text` to `path` atomically, or to standard output when `path` is nil or `-`.
func writeOutput(_ text: String, to path: String?) throws {
    guard let path, path != "-" else {
        StandardStream.out(text)
        return
    }
    try reportingErrors { try AtomicFile.write(Array(text.utf8), to: URL(fileURLWithPath: path)) }
}
