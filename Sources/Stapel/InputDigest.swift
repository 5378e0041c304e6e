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
public enum InputDigest {
    /// The digests of one question-scoped request's parts, computed once for all its outputs.
    public struct QuestionDigests: Sendable {
        let survey: String
        let labels: String
        let style: String
        let tableStyle: String

        public init(_ scoped: RenderRequest, styles: StyleDigests? = nil) {
            survey = InputDigest.hash(CanonicalValue(reflecting: scoped.survey,
                                                     skipping: CanonicalValue.positionFields.union(["directory"])))
            // The language and the texts, by key: where a label stands in its file is no input of any output.
            labels = InputDigest.labelsDigest(scoped.labels)
            // The logo is the documents' alone: they digest its file (`DocumentJob.digest`), so naming or changing
            // one rewrites no figure.
            (style, tableStyle) = styles?.digests(of: scoped.style) ?? StyleDigests.compute(scoped.style)
        }
    }

    public static func of(_ scoped: RenderRequest, backend: Backend, fonts: String?,
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
        var hasher = SHA256()
        hasher.update(data: Array(labels.language.utf8) + [0])
        for key in labels.entries.keys.sorted() {
            hasher.update(data: Array(key.utf8) + [0] + Array(labels.entries[key]!.utf8) + [0])
        }
        return hasher.finalize().map { String(format: "%02x", $0) }.joined()
    }

    public static func sha256Hex(_ bytes: [UInt8]) -> String {
        SHA256.hash(data: bytes).map { byte in
            let hex = String(byte, radix: 16)
            return byte < 16 ? "0" + hex : hex
        }.joined()
    }
}

/// The digests of the styles of one build, each worked out once: every question of a plan shares its house
/// style (or one of a few per-question variants), so serialising it per question would dominate a no-change
/// build. Safe to use from the build's worker threads.
public final class StyleDigests: @unchecked Sendable {
    private let lock = NSLock()
    private var known: [Style: (String, String)] = [:]

    public init() {}

    func digests(of style: Style) -> (String, String) {
        lock.lock()
        if let found = known[style] {
            lock.unlock()
            return found
        }
        lock.unlock()
        let computed = StyleDigests.compute(style)
        lock.lock()
        known[style] = computed
        lock.unlock()
        return computed
    }

    static func compute(_ style: Style) -> (String, String) {
        (InputDigest.hash(CanonicalValue(reflecting: style, skipping: CanonicalValue.positionFields.union(["logo"]))),
         InputDigest.hash(CanonicalValue(reflecting: style.tables)))
    }
}
