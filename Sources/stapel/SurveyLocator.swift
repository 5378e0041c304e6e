import ArgumentParser
import Foundation

/// Which survey a command works on when none is named: the current folder when it holds `survey.yaml`; else,
/// run inside the Stapel checkout (the folder or one above it holds Package.swift and the bundled survey),
/// the bundled survey; else an error asking for a survey folder. Commands work the same from any folder.
enum SurveyLocator {
    /// The bundled survey, relative to the checkout's root.
    static let bundledSurvey = "Surveys/digitalisering-2024"

    /// The help text of every command's survey argument.
    static let argumentHelp: ArgumentHelp = """
        Survey folder (holding survey.yaml). Default: the current folder if it holds survey.yaml, else \
        inside the Stapel checkout the bundled survey.
        """

    /// The survey folder a command works on, and the Stapel checkout it was found in (when it was).
    struct Location {
        var path: String
        var checkout: URL?
    }

    /// The survey folder for `given` (the command's argument, nil when left out).
    static func locate(_ given: String?) throws -> Location {
        if let given { return Location(path: given, checkout: nil) }
        let fm = FileManager.default
        let cwd = URL(fileURLWithPath: fm.currentDirectoryPath)
        if fm.fileExists(atPath: cwd.appendingPathComponent("survey.yaml").path) { return Location(path: ".", checkout: nil) }
        if let root = checkoutRoot(from: cwd) {
            let path = root.standardizedFileURL.path == cwd.standardizedFileURL.path
                ? bundledSurvey : root.appendingPathComponent(bundledSurvey).path
            return Location(path: path, checkout: root)
        }
        printError("""
            error: no survey here: '\(cwd.path)' holds no survey.yaml. Pass a survey folder \
            (e.g. `stapel render path/to/survey`), or start one with `stapel init DIR`.
            """)
        throw ExitCode(ExitStatus.usage)
    }

    /// The Stapel checkout holding `folder`, if any: the first folder upwards with Package.swift and the
    /// bundled survey.
    static func checkoutRoot(from folder: URL) -> URL? {
        var current = folder.standardizedFileURL
        while true {
            let fm = FileManager.default
            if fm.fileExists(atPath: current.appendingPathComponent("Package.swift").path),
               fm.fileExists(atPath: current.appendingPathComponent(bundledSurvey).appendingPathComponent("survey.yaml").path) {
                return current
            }
            let parent = current.deletingLastPathComponent()
            if parent.path == current.path { return nil }
            current = parent
        }
    }

    /// The styles folder: `given` (which must exist), else `Styles` in the current folder, else the checkout's
    /// `Styles` when the survey was found through the checkout. A missing default folder is fine: the
    /// built-in style `default` needs none.
    static func stylesFolder(_ given: String?, for location: Location) throws -> URL {
        let fm = FileManager.default
        var isFolder: ObjCBool = false
        if let given {
            guard fm.fileExists(atPath: given, isDirectory: &isFolder), isFolder.boolValue else {
                printError("error: no styles folder '\(given)'; leave out --styles to use the built-in style 'default'")
                throw ExitCode(ExitStatus.usage)
            }
            return URL(fileURLWithPath: given)
        }
        if fm.fileExists(atPath: "Styles", isDirectory: &isFolder), isFolder.boolValue { return URL(fileURLWithPath: "Styles") }
        if let checkout = location.checkout { return checkout.appendingPathComponent("Styles") }
        return URL(fileURLWithPath: "Styles")
    }
}

/// Writes a line to standard error.
func printError(_ line: String) {
    StandardStream.err(line + "\n")
}
