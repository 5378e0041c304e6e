import Foundation
import Stapel
import Testing

let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
let bundledLoader = SurveyLoader(directory: packageRoot.appendingPathComponent("Surveys/digitalisering-2024"))

func request(_ id: String, language: String = "sv", style name: String = "default") throws -> RenderRequest {
    let survey = try bundledLoader.loadSurvey()
    let question = try #require(survey.question(id))
    return RenderRequest(survey: survey, question: question, labels: try bundledLoader.loadLabels(language),
                         style: try StyleReader.load(name, from: packageRoot.appendingPathComponent("Styles")))
}

/// Runs a command-line tool (poppler's pdftotext, pdffonts, pdfinfo) on `bytes` written to a temporary file.
func run(_ tool: String, _ arguments: [String], on bytes: [UInt8], suffix: String) throws -> String {
    let file = FileManager.default.temporaryDirectory.appendingPathComponent("stapel-\(UUID().uuidString).\(suffix)")
    try Data(bytes).write(to: file)
    defer { try? FileManager.default.removeItem(at: file) }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = [tool] + arguments.map { $0 == "{}" ? file.path : $0 }
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = Pipe()
    try process.run()
    let output = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    #expect(process.terminationStatus == 0, "\(tool) failed")
    return String(decoding: output, as: UTF8.self)
}

/// Whitespace of any kind (line breaks, no-break spaces) collapsed to single spaces.
func normalised(_ s: String) -> String {
    s.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
}

/// The characters without any whitespace.
func withoutSpaces(_ s: String) -> String { String(s.filter { !$0.isWhitespace }) }

/// Runs a Python script (`python3 -c script arguments…`) and returns its exit status and what it printed
/// (standard output and error together): for checks by an independent reader, such as Python's zlib.
func python(_ script: String, _ arguments: [String]) throws -> (status: Int32, output: String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3", "-c", script] + arguments
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = pipe
    try process.run()
    let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    return (process.terminationStatus, output)
}
