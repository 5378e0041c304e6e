import Foundation
import Stapel
import Testing

/// The package root, found from this file's path.
let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()
let bundledSurvey = packageRoot.appendingPathComponent("Surveys/digitalisering-2024")
let stylesFolder = packageRoot.appendingPathComponent("Styles")

/// A fresh folder under the system's temporary folder, removed by `cleanUp`.
struct Scratch {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("stapel-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    func cleanUp() { try? FileManager.default.removeItem(at: url) }

    /// A copy of the bundled survey, to edit.
    func copyOfSurvey() throws -> URL {
        let copy = url.appendingPathComponent("survey")
        try FileManager.default.copyItem(at: bundledSurvey, to: copy)
        return copy
    }

    /// Writes `text` to `name` (below this folder) and returns its URL.
    @discardableResult
    func write(_ text: String, to name: String, executable: Bool = false) throws -> URL {
        let file = url.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: file)
        if executable { chmod(file.path, 0o755) }
        return file
    }
}

/// Replaces the first occurrence of `old` in the file; fails the test when it is absent.
func edit(_ file: URL, replacing old: String, with new: String) throws {
    let text = try String(contentsOf: file, encoding: .utf8)
    guard let range = text.range(of: old) else {
        Issue.record("'\(old)' not found in \(file.lastPathComponent)")
        return
    }
    try Data(text.replacingCharacters(in: range, with: new).utf8).write(to: file)
}

/// A test-only backend: a text summary of exactly what a question's output shows — the labels, the numbers
/// and the style values it reads — so that tests can follow what each render saw. Counts its renders.
extension Backend {
    /// The summary backend, counting its renders in `counter`.
    static func summary(counter: RenderCounter = RenderCounter()) -> Backend {
        Backend(name: "summary", fileExtension: "txt", summary: "test summary", reads: .request, usesFonts: false) { rendition in
            BackendOutput(bytes: summaryText(rendition.request, counter: counter))
        }
    }

    /// A backend that fails on purpose for the questions in `failOn`.
    static func failing(on failOn: Set<String>) -> Backend {
        Backend(name: "failing", fileExtension: "log", summary: "fails on purpose", reads: .request, usesFonts: false) { rendition in
            let request = rendition.request
            if failOn.contains(request.question.id) { throw DeliberateFailure(question: request.question.id) }
            return BackendOutput(bytes: Array("ok \(request.question.id)\n".utf8))
        }
    }
}

struct DeliberateFailure: Error, CustomStringConvertible {
    var question: String
    var description: String { "deliberate failure for \(question)" }
}

func summaryText(_ request: RenderRequest, counter: RenderCounter) -> [UInt8] {
        counter.increment(request.question.id)
        let q = request.question
        var lines = ["\(q.id) \(request.labels.language) \(request.labels.text("questions.\(q.id).text"))",
                     request.labels.text("ui.respondents", ["n": request.numberFormat.integer(q.respondents)]),
                     "width \(request.style.resolved(for: q.id).page.widthMM)"]
        for key in q.labelKeys(in: request.survey) { lines.append("\(key) = \(request.labels.text(key))") }
        switch q {
        case .singleChoice(let c), .multipleChoice(let c):
            lines += c.options.map { "\($0.id) \(request.numberFormat.percent($0.share(of: c.respondents)))" }
        case .grid(let g):
            lines += g.rows.map { "\($0.id) \($0.percents.map { request.numberFormat.decimal($0) })" }
        case .multiSelectGrid(let m):
            lines += m.rows.map { "\($0.id) \($0.counts)" }
        }
        return Array((lines.joined(separator: "\n") + "\n").utf8)
}

/// Renders per question, safe to bump from several threads.
final class RenderCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var counts: [String: Int] = [:]

    func increment(_ question: String) {
        lock.lock()
        counts[question, default: 0] += 1
        lock.unlock()
    }

    var total: Int {
        lock.lock()
        defer { lock.unlock() }
        return counts.values.reduce(0, +)
    }

    var questions: Set<String> {
        lock.lock()
        defer { lock.unlock() }
        return Set(counts.keys)
    }
}

/// A test-only backend that fails for the questions it names.

/// The folder SwiftPM built this package's products into (the test bundle sits there too).
let productsFolder: URL? = {
    var candidates: [URL] = []
    if let executable = Bundle.main.executableURL { candidates.append(executable.deletingLastPathComponent()) }
    candidates.append(URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent())
    return candidates.first { FileManager.default.isExecutableFile(atPath: $0.appendingPathComponent("stapel").path) }
}()

/// The built `stapel` binary.
func stapelBinary() throws -> URL {
    guard let folder = productsFolder else {
        throw TestSetupError("the built `stapel` binary was not found next to the test bundle; run `swift build` first")
    }
    return folder.appendingPathComponent("stapel")
}

struct TestSetupError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// Runs the built `stapel` (or `executable`, a copy of it) with `arguments` in `folder`, standard output and
/// error captured (not a terminal).
func runStapel(_ arguments: [String], in folder: URL, environment: [String: String] = [:], executable: URL? = nil) throws
    -> (status: Int32, stdout: String, stderr: String)
{
    let process = Process()
    process.executableURL = try executable ?? stapelBinary()
    process.arguments = arguments
    process.currentDirectoryURL = folder
    var env = ProcessInfo.processInfo.environment
    for (k, v) in environment { env[k] = v }
    process.environment = env
    let out = Pipe(), err = Pipe()
    process.standardOutput = out
    process.standardError = err
    process.standardInput = FileHandle.nullDevice
    try process.run()
    // Read both pipes while the process runs, so that neither fills up and blocks it.
    let errData = LockedData()
    let reader = Thread { errData.set(err.fileHandleForReading.readDataToEndOfFile()) }
    reader.start()
    let outData = out.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    while !errData.isSet { usleep(1000) }
    return (process.terminationStatus, String(decoding: outData, as: UTF8.self), String(decoding: errData.value, as: UTF8.self))
}

final class LockedData: @unchecked Sendable {
    private let lock = NSLock()
    private var data: Data?
    func set(_ d: Data) { lock.lock(); data = d; lock.unlock() }
    var isSet: Bool { lock.lock(); defer { lock.unlock() }; return data != nil }
    var value: Data { lock.lock(); defer { lock.unlock() }; return data ?? Data() }
}

/// Every file below `folder` (relative paths), hidden ones included.
func files(in folder: URL) -> [String] {
    guard let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey]) else { return [] }
    var result: [String] = []
    for case let url as URL in enumerator where (try? url.resourceValues(forKeys: [.isRegularFileKey]))?.isRegularFile == true {
        result.append(String(url.standardizedFileURL.path.dropFirst(folder.standardizedFileURL.path.count + 1)))
    }
    return result.sorted()
}

/// Modification times of every output below `folder`, to tell which files a build rewrote.
func modificationStamps(in folder: URL) -> [String: Data] {
    var result: [String: Data] = [:]
    for name in files(in: folder) {
        var info = stat()
        stat(folder.appendingPathComponent(name).path, &info)
        // Nanosecond mtime plus inode: a rename over the file changes the inode even within one clock tick.
        var key = [Int(info.st_ino), info.st_mtim.tv_sec, info.st_mtim.tv_nsec]
        result[name] = Data(bytes: &key, count: MemoryLayout<Int>.size * 3)
    }
    return result
}

/// The events of a `--log-format json` run's standard output, one JSON object a line.
func jsonLogEvents(_ stdout: String) throws -> [[String: Any]] {
    try stdout.split(separator: "\n").map { line in
        try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any], "not JSON: \(line)")
    }
}
