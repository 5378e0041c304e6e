import CPangoCairo

/// The font files fontconfig has for a family, asked in-process (the same configuration Pango draws with)
/// rather than by running `fc-list`, which costs a process start and a fontconfig start-up on every build.
package enum FontFiles {
    /// The files of every style of `family` (as `fc-list FAMILY` lists them); for a family fontconfig does not
    /// have, the one file it falls back to (as `fc-match FAMILY`). Nil when fontconfig cannot be set up.
    package static func paths(family: String) -> [String]? {
        guard let config = FcConfigGetCurrent() else { return nil }
        let listed = list(family, config: config)
        return listed.isEmpty ? match(family, config: config) : listed
    }

    /// fontconfig's configuration files, font folders and cache folders: what decides which file a family
    /// resolves to. A font installed, removed or re-cached changes the stamp of one of them.
    package static func configurationPaths() -> [String] {
        guard let config = FcConfigGetCurrent() else { return [] }
        var paths: [String] = []
        for list in [FcConfigGetConfigFiles(config), FcConfigGetFontDirs(config), FcConfigGetCacheDirs(config)] {
            guard let list else { continue }
            defer { FcStrListDone(list) }
            while let item = FcStrListNext(list) {
                paths.append(String(cString: UnsafeRawPointer(item).assumingMemoryBound(to: CChar.self)))
            }
        }
        return paths
    }

    private static func list(_ family: String, config: OpaquePointer) -> [String] {
        guard let pattern = FcPatternCreate() else { return [] }
        defer { FcPatternDestroy(pattern) }
        _ = family.withCString { FcPatternAddString(pattern, FC_FAMILY, UnsafeRawPointer($0).assumingMemoryBound(to: FcChar8.self)) }
        guard let objects = FcObjectSetCreate() else { return [] }
        defer { FcObjectSetDestroy(objects) }
        _ = FcObjectSetAdd(objects, FC_FILE)
        guard let set = FcFontList(config, pattern, objects) else { return [] }
        defer { FcFontSetDestroy(set) }
        return (0..<Int(set.pointee.nfont)).compactMap { file(of: set.pointee.fonts[$0]) }
    }

    private static func match(_ family: String, config: OpaquePointer) -> [String] {
        guard let pattern = FcPatternCreate() else { return [] }
        defer { FcPatternDestroy(pattern) }
        _ = family.withCString { FcPatternAddString(pattern, FC_FAMILY, UnsafeRawPointer($0).assumingMemoryBound(to: FcChar8.self)) }
        _ = FcConfigSubstitute(config, pattern, FcMatchPattern)
        FcDefaultSubstitute(pattern)
        var result = FcResultNoMatch
        guard let font = FcFontMatch(config, pattern, &result) else { return [] }
        defer { FcPatternDestroy(font) }
        return file(of: font).map { [$0] } ?? []
    }

    private static func file(of pattern: OpaquePointer?) -> String? {
        var value: UnsafeMutablePointer<FcChar8>?
        guard let pattern, FcPatternGetString(pattern, FC_FILE, 0, &value) == FcResultMatch, let value else { return nil }
        return String(cString: UnsafeRawPointer(value).assumingMemoryBound(to: CChar.self))
    }
}
