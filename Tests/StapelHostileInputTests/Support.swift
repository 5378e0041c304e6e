import Foundation
import Stapel
import StapelLabels
import Testing

let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()
let bundledFolder = packageRoot.appendingPathComponent("Surveys/digitalisering-2024")

/// A small valid survey to break: one question of each kind but multi-select.
let baseSurvey = """
format: stapel-survey/1
id: demo
year: 2024
language: en
scales:
  agree:
    points:
      - {id: yes, score: 1}
      - {id: no, score: 0}
      - {id: na, not-applicable: true}
questions:
  - id: q01
    kind: single-choice
    respondents: 10
    options:
      - {id: a, n: 4, percent: 40.0}
      - {id: b, n: 6, percent: 60.0}
  - id: q02
    kind: multiple-choice
    respondents: 10
    selections: 12
    options:
      - {id: a, n: 7, percent: 70.0}
      - {id: b, n: 5, percent: 50.0}
  - id: q03
    kind: grid
    scale: agree
    respondents: 10
    rows:
      - {id: r1, percent: [60.0, 20.0, 20.0], mean: 0.8, median: 1.0}
    total: {percent: [60.0, 20.0, 20.0], mean: 0.8, median: 1.0}

"""

/// Its English label set.
let baseLabels = """
format: stapel-labels/1
language: en
survey:
  title: "Demo"
  source: "Demo source"
questions:
  q01:
    text: "First question"
    options:
      a: "Option A"
      b: "Option B"
  q02:
    text: "Second question"
    options:
      a: "Choice A"
      b: "Choice B"
  q03:
    text: "Third question"
    rows:
      r1: "Statement one"
scales:
  agree:
    yes: "Yes"
    no: "No"
    na: "Does not apply"

"""

let baseStyle = """
format: stapel-style/1
page:
  width-mm: 160
  aspect-ratio: none
  dpi: 200
fonts:
  label-size: 8.5
bars:
  height: 10

"""

let basePO = """
msgid ""
msgstr ""
"Content-Type: text/plain; charset=UTF-8\\n"
"Language: sv\\n"

#. questions.q01.text
msgctxt "questions.q01.text"
msgid "First question"
msgstr "Första frågan"

"""

/// `text` with the first `old` replaced (the test fails when `old` is absent).
func replacing(_ text: String, _ old: String, _ new: String) -> String {
    guard let range = text.range(of: old) else {
        Issue.record("'\(old)' not found in the base text")
        return text
    }
    return text.replacingCharacters(in: range, with: new)
}

/// A fresh folder under the system's temporary folder.
struct Scratch {
    let url: URL
    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("stapel-hostile-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }
    func cleanUp() { try? FileManager.default.removeItem(at: url) }

    @discardableResult
    func write(_ text: String, to name: String) throws -> URL {
        let file = url.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: file)
        return file
    }

    /// A survey folder `name` with the base survey and labels, optionally changed.
    func survey(_ name: String = "survey", survey: String = baseSurvey, labels: [String: String] = ["en": baseLabels]) throws -> URL {
        try write(survey, to: "\(name)/survey.yaml")
        for (language, text) in labels { try write(text, to: "\(name)/labels/\(language).yaml") }
        return url.appendingPathComponent(name)
    }
}

/// The built `stapel` binary, next to the test bundle.
func stapelBinary() throws -> URL {
    var candidates: [URL] = []
    if let executable = Bundle.main.executableURL { candidates.append(executable.deletingLastPathComponent()) }
    candidates.append(URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent())
    candidates.append(packageRoot.appendingPathComponent(".build/debug"))
    guard let folder = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0.appendingPathComponent("stapel").path) }) else {
        throw SetupError("the built `stapel` binary was not found; run `swift build` first")
    }
    return folder.appendingPathComponent("stapel")
}

struct SetupError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// Runs a program with `arguments` in `folder`, output captured, killed after `timeout` seconds.
@discardableResult
func run(_ executable: URL, _ arguments: [String], in folder: URL, timeout: Double = 60) throws
    -> (status: Int32, stdout: String, stderr: String)
{
    let process = Process()
    process.executableURL = executable
    process.arguments = arguments
    process.currentDirectoryURL = folder
    let outFile = folder.appendingPathComponent(".out-\(UUID().uuidString)")
    let errFile = folder.appendingPathComponent(".err-\(UUID().uuidString)")
    FileManager.default.createFile(atPath: outFile.path, contents: nil)
    FileManager.default.createFile(atPath: errFile.path, contents: nil)
    let out = try FileHandle(forWritingTo: outFile), err = try FileHandle(forWritingTo: errFile)
    process.standardOutput = out
    process.standardError = err
    process.standardInput = FileHandle.nullDevice
    try process.run()
    let deadline = Date().addingTimeInterval(timeout)
    while process.isRunning && Date() < deadline { usleep(2000) }
    if process.isRunning { process.terminate(); Issue.record("\(executable.lastPathComponent) \(arguments) ran over \(timeout) s") }
    process.waitUntilExit()
    try out.close(); try err.close()
    let o = (try? String(contentsOf: outFile, encoding: .utf8)) ?? "", e = (try? String(contentsOf: errFile, encoding: .utf8)) ?? ""
    try? FileManager.default.removeItem(at: outFile); try? FileManager.default.removeItem(at: errFile)
    return (process.terminationStatus, o, e)
}

func stapel(_ arguments: [String], in folder: URL, timeout: Double = 60) throws -> (status: Int32, stdout: String, stderr: String) {
    try run(try stapelBinary(), arguments, in: folder, timeout: timeout)
}

/// The path of a tool, or nil when it is not installed (the test then records why it was skipped).
func tool(_ name: String) -> URL? {
    for dir in ["/usr/bin", "/usr/local/bin", "/bin"] {
        let url = URL(fileURLWithPath: dir).appendingPathComponent(name)
        if FileManager.default.isExecutableFile(atPath: url.path) { return url }
    }
    return nil
}

/// A render request for `question` of the base survey with `labels` (read through the label reader, merged
/// with the built-in English interface set) and `style`.
func request(_ question: String, survey: String = baseSurvey, labels: String = baseLabels, style: Style = Style(name: "default"),
             options: RenderOptions = .init()) throws -> RenderRequest {
    let s = try SurveyReader.read(survey, file: "survey.yaml")
    let set = try LabelSetReader.read(labels, file: "labels/en.yaml").merging(try InterfaceLabels.load("en"))
    let q = try #require(s.question(question))
    return RenderRequest(survey: s, question: q, labels: set, style: style, options: options)
}

func utf8(_ bytes: [UInt8]) -> String { String(decoding: bytes, as: UTF8.self) }
