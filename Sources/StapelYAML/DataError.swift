import StapelModel

/// An input file that cannot be read as the format requires: where, which field, what was expected.
public struct DataError: Error, Sendable, CustomStringConvertible {
    public var location: SourceLocation
    /// The field path, as in `questions[3].rows[0].mean`.
    public var path: String
    public var message: String

    public init(_ location: SourceLocation, path: String, _ message: String) {
        self.location = location
        self.path = path
        self.message = message
    }

    public var description: String {
        path.isEmpty ? "\(location): error: \(message)" : "\(location): error: \(path): \(message)"
    }
}
