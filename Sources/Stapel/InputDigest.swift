import Crypto

/// The SHA-256 of exactly what one output depends on: the question-scoped request (the question's data and
/// scale, the survey's metadata, the labels it shows, the resolved style), the backend's name, revision and the
/// options it reads, the font files when the backend draws text, and Stapel's version. Source positions and
/// the survey's folder are left out: they move without the content changing.
public enum InputDigest {
    public static func of(_ scopedRequest: RenderRequest, backend: any Backend, fonts: String?) -> String {
        let options: CanonicalValue = if let declared = backend.options {
            .object(declared.map { .init($0.name, .string($0.value(scopedRequest.options))) })
        } else {
            CanonicalValue(reflecting: scopedRequest.options)
        }
        let value: CanonicalValue = .object([
            .init("stapel", .string(StapelVersion.current)),
            .init("backend", .string(backend.name)),
            .init("extension", .string(backend.fileExtension)),
            .init("revision", .string(backend.revision)),
            .init("options", options),
            .init("fonts", backend.usesFonts ? .string(fonts ?? "") : .null),
            .init("survey", CanonicalValue(reflecting: scopedRequest.survey,
                                           skipping: CanonicalValue.positionFields.union(["directory"]))),
            .init("labels", CanonicalValue(reflecting: scopedRequest.labels)),
            .init("style", CanonicalValue(reflecting: scopedRequest.style)),
        ])
        return sha256Hex(Array(value.json().utf8))
    }

    public static func sha256Hex(_ bytes: [UInt8]) -> String {
        SHA256.hash(data: bytes).map { byte in
            let hex = String(byte, radix: 16)
            return byte < 16 ? "0" + hex : hex
        }.joined()
    }
}
