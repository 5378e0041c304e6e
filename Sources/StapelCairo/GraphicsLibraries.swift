import CGraphicsLibraries

/// Cairo, Pango and the libraries around them, which `stapel` loads when it first draws rather than when it
/// starts (Sources/CGraphicsLibraries): a command that draws nothing — `validate`, `labels`, a build with
/// nothing to do — never maps those 37 shared objects, and one that draws can load them beside its planning.
///
/// Any call into those libraries loads them if this has not; `load()` is there to turn a missing library
/// into an error before anything is written, and `preload()` to take the load off the path of the run.
package enum GraphicsLibraries {
    /// A library that could not be loaded, or lacks a function Stapel calls: names it and its Debian package.
    package struct LoadError: Error, CustomStringConvertible, Sendable {
        package var reason: String
        package var description: String { "error: \(reason)" }
    }

    /// Loads the libraries, and has fontconfig read its configuration, if that has not happened yet. The first
    /// call (from any thread) loads them; the others wait for it and get the same result.
    package static func load() throws(LoadError) {
        var message = [CChar](repeating: 0, count: 1024)
        guard stapel_graphics_load(&message, message.count) != 0 else { return }
        throw LoadError(reason: String(decoding: message.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self))
    }

    /// Starts `load()` on a thread of its own, at a lower priority than planning's, and returns at once (its
    /// result is `load()`'s, later).
    package static func preload() { stapel_graphics_preload() }
}
