import ArgumentParser
import Foundation

/// `stapel init DIR [--language xx]`: starts a new survey from `InitTemplate` — survey.yaml, labels/<xx>.yaml
/// and a stapel.yaml manifest — that validates and renders as written. Never overwrites a file.
struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Start a new survey folder: survey.yaml, labels/<language>.yaml and a stapel.yaml manifest.",
        discussion: """
            The example survey has one question of each kind (single-choice, multiple-choice, a grid on a \
            scale, a multi-select grid) and passes `stapel validate --strict`; edit it into your own. Existing \
            files are never overwritten. A language Stapel has no example texts for gets the English ones, \
            marked for translation.

            Example: stapel init my-survey --language en && cd my-survey && stapel validate --strict && stapel render
            """)

    @Argument(help: "The folder to create (or an empty one to fill).")
    var directory: String

    @Option(name: .long, help: "Language of the label set (a code such as en, sv, de).")
    var language: String = "en"

    func validate() throws {
        guard language.range(of: #"^[a-z]{2,3}([-_][A-Za-z0-9]{2,8})*$"#, options: .regularExpression) != nil else {
            throw ValidationError("'\(language)' is not a language code; expected e.g. en, sv or pt-BR")
        }
    }

    func run() throws {
        let folder = URL(fileURLWithPath: directory)
        let values = ["id": surveyID(for: folder), "year": String(Calendar(identifier: .gregorian).component(.year, from: Date())),
                      "language": language]
        let labels = InitTemplate.labels[language] ?? (InitTemplate.translateHeader + InitTemplate.english)
        let files: [(name: String, text: String)] = [
            ("survey.yaml", InitTemplate.survey),
            ("labels/\(language).yaml", labels),
            ("stapel.yaml", InitTemplate.manifest),
        ]
        let fm = FileManager.default
        let existing = files.map(\.name).filter { fm.fileExists(atPath: folder.appendingPathComponent($0).path) }
        if !existing.isEmpty {
            printError("error: '\(directory)' already holds \(existing.joined(separator: ", ")); "
                       + "stapel init never overwrites files: choose a new folder or move them away")
            throw ExitCode(ExitStatus.dataError)
        }
        do {
            for file in files {
                let url = folder.appendingPathComponent(file.name)
                try fm.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                // .withoutOverwriting: a file that appeared meanwhile is still not replaced.
                try Data(fill(file.text, values).utf8).write(to: url, options: .withoutOverwriting)
            }
        } catch {
            printError("error: cannot write the survey into '\(directory)': \(error.localizedDescription)")
            throw ExitCode(ExitStatus.dataError)
        }
        print("Created survey '\(values["id"]!)' in \(directory)/: \(files.map(\.name).joined(separator: ", "))")
        if InitTemplate.labels[language] == nil {
            print("labels/\(language).yaml holds English texts to translate.")
        }
        print("""
            Next:
              cd \(directory)
              stapel validate --strict     # check every number and label
              stapel render                # figures and tables into Output/\(language)/
              stapel build                 # or: what stapel.yaml names, rewriting only what changed
            """)
    }

    /// The folder's name as a survey id (`[a-z0-9][a-z0-9-]*`), or `my-survey`.
    func surveyID(for folder: URL) -> String {
        let name = folder.standardizedFileURL.lastPathComponent.lowercased()
        var id = ""
        for c in name.unicodeScalars {
            if ("a"..."z").contains(c) || ("0"..."9").contains(c) { id.unicodeScalars.append(c) }
            else if !id.isEmpty && !id.hasSuffix("-") { id += "-" }
        }
        while id.hasSuffix("-") { id.removeLast() }
        return id.isEmpty ? "my-survey" : id
    }

    func fill(_ template: String, _ values: [String: String]) -> String {
        var text = template
        for (key, value) in values { text = text.replacingOccurrences(of: "{\(key)}", with: value) }
        return text
    }
}
