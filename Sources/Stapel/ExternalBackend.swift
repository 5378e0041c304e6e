import Crypto
import Foundation

/// A backend that is a program, `stapel-backend-NAME`: Stapel writes a JSON description of one question
/// (`ExternalRequest`, format `stapel-backend-request/2`) to its standard input and takes the file from its
/// standard output. The protocol is documented in Docs/external-backends.md.
///
/// A failure — a non-zero exit, a signal, empty output, text that is not UTF-8 from a text backend, or no
/// answer before the timeout — fails that one output, with the program's standard error in the message.
/// `backend` is the program as a `Backend` value: it reads the whole request and receives every option.
package struct ExternalBackend: Sendable {
    package let name: String
    package let fileExtension: String
    package let summary: String
    /// The program.
    package let executable: URL
    /// Whether the output must be UTF-8 text without NUL bytes (checked, to catch garbage).
    package let isText: Bool
    package let usesFonts: Bool
    /// Seconds one render may take before the program (and its process group) is killed.
    package var timeout: Double
    /// A digest of the program and its self-description: a new version of the program re-renders its files.
    package let revision: String

    /// The protocol versions this Stapel speaks.
    package static let descriptionFormat = "stapel-backend/1"

    /// Asks the program to describe itself (`stapel-backend-NAME describe`) and checks the answer.
    package init(executable: URL, name: String, timeout: Double) throws {
        let result = try ExternalBackend.runChecked(executable, name: name, arguments: ["describe"], input: [], timeout: timeout)
        func bad(_ reason: String) -> ExternalBackendError {
            ExternalBackendError(backend: name, executable: executable.path, problem: .badDescription(reason),
                                 stderr: result.stderr)
        }
        guard let object = (try? JSONSerialization.jsonObject(with: Data(result.stdout))) as? [String: Any] else {
            throw bad("`describe` did not print a JSON object")
        }
        guard let format = object["format"] as? String, format == ExternalBackend.descriptionFormat else {
            throw bad("`describe` must answer with \"format\": \"\(ExternalBackend.descriptionFormat)\"")
        }
        guard let answeredName = object["name"] as? String, answeredName == name else {
            throw bad("`describe` gives the name \(object["name"].map { "'\($0)'" } ?? "nothing"), expected '\(name)'")
        }
        guard let fileExtension = object["extension"] as? String, !fileExtension.isEmpty,
              fileExtension.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }) else {
            throw bad("`describe` needs an \"extension\" of ASCII letters and digits (\"html\")")
        }
        self.name = name
        self.fileExtension = fileExtension
        self.summary = (object["summary"] as? String) ?? "external backend"
        self.executable = executable
        self.isText = (object["text"] as? Bool) ?? false
        self.usesFonts = (object["uses-fonts"] as? Bool) ?? true
        self.timeout = timeout
        var hash = SHA256()
        hash.update(data: (try? Data(contentsOf: executable)) ?? Data())
        hash.update(data: Data(result.stdout))
        self.revision = hash.finalize().map { String(format: "%02x", $0) }.joined()
    }

    /// The program as a backend value: it reads the whole question-scoped request and every built-in option
    /// (they are all in its request), so any of them changing re-renders its files.
    package var backend: Backend {
        let program = self
        return Backend(name: name, fileExtension: fileExtension, summary: summary, reads: .request,
                       options: BackendRegistry.builtIn.options, usesFonts: usesFonts, revision: revision) { rendition in
            BackendOutput(bytes: try program.render(rendition.request))
        }
    }

    package func render(_ request: RenderRequest) throws -> [UInt8] {
        let input = ExternalRequest(request, backend: name).json()
        let result = try ExternalBackend.runChecked(executable, name: name, arguments: ["render"], input: input, timeout: timeout)
        func fail(_ problem: ExternalBackendError.Problem) -> ExternalBackendError {
            ExternalBackendError(backend: name, executable: executable.path, problem: problem, stderr: result.stderr)
        }
        guard !result.stdout.isEmpty else { throw fail(.emptyOutput) }
        if isText, result.stdout.contains(0) || String(validatingUTF8: result.stdout) == nil {
            throw fail(.notText)
        }
        return result.stdout
    }

    /// Runs the program and turns every way it can fail into an `ExternalBackendError`.
    static func runChecked(_ executable: URL, name: String, arguments: [String], input: [UInt8],
                           timeout: Double) throws -> Subprocess.Result {
        let result: Subprocess.Result
        do {
            result = try Subprocess.run(executable.path, arguments: arguments, input: input, timeout: timeout)
        } catch let error as Subprocess.StartError {
            throw ExternalBackendError(backend: name, executable: executable.path, problem: .cannotStart(error.reason), stderr: [])
        }
        let problem: ExternalBackendError.Problem? = switch result.termination {
        case .exited(0): nil
        case .exited(let status): .exited(status)
        case .signalled(let signal): .signalled(signal)
        case .timedOut: .timedOut(timeout)
        case .outputTooLarge: .outputTooLarge
        }
        if let problem {
            throw ExternalBackendError(backend: name, executable: executable.path, problem: problem, stderr: result.stderr)
        }
        return result
    }
}

extension String {
    /// The text of `bytes` if they are valid UTF-8.
    init?(validatingUTF8 bytes: [UInt8]) {
        guard let text = String(bytes: bytes, encoding: .utf8) else { return nil }
        self = text
    }
}

/// An external backend that failed, with what it wrote to standard error.
package struct ExternalBackendError: Error, CustomStringConvertible, Sendable {
    /// What went wrong with the program.
    package enum Problem: Sendable, Equatable {
        case cannotStart(String)
        case exited(Int32)
        case signalled(Int32)
        case timedOut(Double)
        case outputTooLarge
        case emptyOutput
        case notText
        case badDescription(String)
    }

    package var backend: String
    package var executable: String
    package var problem: Problem
    /// The program's standard error, as text.
    package var stderr: String

    package init(backend: String, executable: String, problem: Problem, stderr: [UInt8]) {
        self.backend = backend
        self.executable = executable
        self.problem = problem
        self.stderr = String(decoding: stderr, as: UTF8.self)
    }

    package var description: String {
        let what: String = switch problem {
        case .cannotStart(let reason): "could not be started: \(reason)"
        case .exited(let status): "exited with status \(status)"
        case .signalled(let signal): "was killed by signal \(signal)"
        case .timedOut(let seconds): "gave no answer within \(ExternalBackendError.seconds(seconds)) and was stopped"
        case .outputTooLarge: "wrote more than \(Subprocess.outputLimit >> 20) MiB and was stopped"
        case .emptyOutput: "exited with status 0 but wrote nothing to standard output"
        case .notText: "declares text output but wrote bytes that are not UTF-8 text"
        case .badDescription(let reason): "cannot be used: \(reason)"
        }
        var text = "external backend '\(backend)' (\(executable)) \(what)"
        let lines = stderr.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            String(line.reversed().drop { $0 == " " || $0 == "\t" || $0 == "\r" }.reversed())
        }
        let shown = Array(lines.drop { $0.isEmpty }.reversed().drop { $0.isEmpty }.reversed())
        if shown.isEmpty {
            text += "; it wrote nothing to standard error"
        } else {
            text += "; its standard error:"
            for line in shown.suffix(20) { text += "\n  | \(line)" }
        }
        return text
    }

    static func seconds(_ value: Double) -> String {
        value == value.rounded() ? "\(Int(value)) s" : "\(value) s"
    }
}
