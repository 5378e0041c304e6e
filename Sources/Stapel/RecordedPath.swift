/// A path that an output folder's own files (its build state, its run record) name relative to the folder.
/// Anyone who can write into the folder can write those files, so such a path is believed only while it stays
/// inside: `stapel build --prune` deletes what the state names, and no build may touch a file outside its output
/// folder.
package enum RecordedPath {
    /// Not empty, not absolute, no `..` component, no NUL. Read as the file system reads it, byte by byte: as
    /// characters, `"/\u{301}"` is one and hides its slash from a check by `Character`.
    package static func staysInside(_ relativePath: String) -> Bool {
        let slash = UInt8(ascii: "/")
        let bytes = relativePath.utf8
        guard let first = bytes.first, first != slash, !bytes.contains(0) else { return false }
        return !bytes.split(separator: slash).contains { $0.elementsEqual("..".utf8) }
    }
}
