import Crypto
import Foundation

/// The SHA-256 of exactly what one output depends on: the question-scoped request's parts that its backend
/// reads — the question's data and scale and the survey's metadata, the labels it shows, and the house style
/// as resolved for the question (all of it for figures, its `tables` section for tables) — the backend's name,
/// revision and the options it declares, the font files when the backend draws text, and Stapel's version.
/// Source positions and the survey's folder are left out: they move without the content changing.
///
/// The parts are hashed once per question (`QuestionDigests`) and combined per output, so a no-change build
/// does not serialise the same question once for every format.
package enum InputDigest {
    /// The digests of one question-scoped request's parts, computed once for all its outputs.
    package struct QuestionDigests: Sendable {
        let survey: String
        let labels: String
        let style: String
        let tableStyle: String

        package init(_ scoped: RenderRequest, cache: BuildDigests? = nil) {
            survey = cache?.digest(of: scoped.survey) ?? BuildDigests.compute(scoped.survey)
            // The language and the texts, by key: where a label stands in its file is no input of any output.
            labels = InputDigest.labelsDigest(scoped.labels)
            // The logo is the documents' alone: they digest its file (`DocumentJob.digest`), so naming or changing
            // one rewrites no figure.
            (style, tableStyle) = cache?.digests(of: scoped.style) ?? BuildDigests.compute(scoped.style)
        }
    }

    package static func of(_ scoped: RenderRequest, backend: Backend, fonts: String?,
                          parts: QuestionDigests? = nil) -> String {
        let parts = parts ?? QuestionDigests(scoped)
        let readsStyle = backend.reads.contains(.figure) || backend.reads.contains(.request)
        let value: CanonicalValue = .object([
            .init("stapel", .string(StapelVersion.current)),
            .init("backend", .string(backend.name)),
            .init("extension", .string(backend.fileExtension)),
            .init("revision", .string(backend.revision)),
            .init("options", .object(backend.options.map { .init($0.name, .string($0.text(in: scoped.options))) })),
            .init("fonts", backend.usesFonts ? .string(fonts ?? "") : .null),
            .init("survey", .string(parts.survey)),
            .init("labels", .string(parts.labels)),
            .init("style", .string(readsStyle ? parts.style : parts.tableStyle)),
        ])
        return hash(value)
    }

    static func hash(_ value: CanonicalValue) -> String { sha256Hex(Array(value.json().utf8)) }

    /// A label set's language and entries, sorted by key, each field ended by a NUL (which no label holds).
    static func labelsDigest(_ labels: LabelSet) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(4096)
        bytes += labels.language.utf8
        bytes.append(0)
        for (key, text) in labels.entries.sorted(by: { $0.key < $1.key }) {
            bytes += key.utf8
            bytes.append(0)
            bytes += text.utf8
            bytes.append(0)
        }
        return sha256Hex(bytes)
    }

    package static func sha256Hex(_ bytes: [UInt8]) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var hex: [UInt8] = []
        hex.reserveCapacity(64)
        for byte in SHA256.hash(data: bytes) {
            hex.append(digits[Int(byte >> 4)])
            hex.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: hex, as: UTF8.self)
    }
}

/// The digests of one build's styles and question data, each worked out once: every question of a plan shares
/// its house style (or one of a few per-question variants), and a question's data is the same in every language
/// it is rendered in, so serialising them per output would dominate a no-change build. Keyed by the values
/// themselves (their `Hashable` conformance is compiled code, far cheaper than reflecting them). Safe to use from
/// the build's worker threads.
package final class BuildDigests: @unchecked Sendable {
    private let lock = NSLock()
    private var styles: [Style: (String, String)] = [:]
    private var surveys: [Survey: String] = [:]
    private var questions: [Int: InputDigest.QuestionDigests] = [:]

    package init() {}

    /// The digests of the build's question `job` (its place in the build's jobs), made by `make` the first time:
    /// a question's figure formats and its tables are two units, which share them.
    func question(_ job: Int, _ make: () -> InputDigest.QuestionDigests) -> InputDigest.QuestionDigests {
        memo(job, in: \.questions) { _ in make() }
    }

    func digests(of style: Style) -> (String, String) {
        memo(style, in: \.styles) { BuildDigests.compute($0) }
    }

    func digest(of survey: Survey) -> String {
        memo(survey, in: \.surveys) { BuildDigests.compute($0) }
    }

    private func memo<Key: Hashable, Value>(_ key: Key, in table: ReferenceWritableKeyPath<BuildDigests, [Key: Value]>,
                                             _ compute: (Key) -> Value) -> Value {
        lock.lock()
        if let found = self[keyPath: table][key] {
            lock.unlock()
            return found
        }
        lock.unlock()
        let computed = compute(key)
        lock.lock()
        self[keyPath: table][key] = computed
        lock.unlock()
        return computed
    }

    static func compute(_ style: Style) -> (String, String) {
        (InputDigest.hash(CanonicalValue(reflecting: style, skipping: CanonicalValue.positionFields.union(["logo"]))),
         InputDigest.hash(CanonicalValue(reflecting: style.tables)))
    }

    /// Source positions and the survey's folder are left out: they move without the content changing.
    static func compute(_ survey: Survey) -> String {
        InputDigest.hash(CanonicalValue(reflecting: survey, skipping: CanonicalValue.positionFields.union(["directory"])))
    }
}
