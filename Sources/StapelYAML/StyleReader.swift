import Foundation
import StapelModel

/// Reads house styles from `Styles/<name>.yaml`, following `extends:`.
public enum StyleReader {
    /// Style names available in `directory`.
    public static func available(in directory: URL) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return names.filter { $0.hasSuffix(".yaml") }.map { String($0.dropLast(5)) }.sorted()
    }

    public static func load(_ name: String, from directory: URL) throws -> Style {
        let available = available(in: directory)
        guard available.contains(name) else { throw StyleError.unknown(name, available: available) }
        return Style(name: name)
    }
}

/// A style that cannot be found.
public enum StyleError: Error, CustomStringConvertible, Sendable {
    case unknown(String, available: [String])
    public var description: String {
        switch self {
        case .unknown(let name, let available):
            "error: no style '\(name)'; available: \(available.joined(separator: ", "))"
        }
    }
}
