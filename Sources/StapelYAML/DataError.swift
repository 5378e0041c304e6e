import StapelModel

/// An input file that cannot be read as the format requires: where, which field, what was expected.
package struct DataError: Error, Sendable, CustomStringConvertible {
    package var location: SourceLocation
    /// The field path, as in `questions[3].rows[0].mean`.
    package var path: String
    package var message: String

    package init(_ location: SourceLocation, path: String, _ message: String) {
        self.location = location
        self.path = path
        self.message = message
    }

    package var description: String {
        path.isEmpty ? "\(location): error: \(message)" : "\(location): error: \(path): \(message)"
    }
}
