import Foundation

/// Where the bundled survey lives, relative to the working directory (the package root).
enum SurveyLocator {
    static let defaultSurvey = "Surveys/digitalisering-2024"
}

/// Writes a line to standard error.
func printError(_ line: String) {
    FileHandle.standardError.write(Data((line + "\n").utf8))
}
