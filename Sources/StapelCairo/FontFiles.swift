import CPangoCairo

/// What fontconfig has for a family, asked in-process (the same configuration Pango draws with) rather than by
/// running `fc-list` and `fc-match`, which cost a process start and a fontconfig start-up on every build.
package enum FontFiles {
    /// Fontconfig's current configuration, loaded once: `GraphicsLibraries.load()` has fontconfig read every
    /// configuration file and cache (about 5 ms) as part of the load, which a thread asking meanwhile waits for;
    /// `FcInit` here then only reports whether that worked.
    /// Without the libraries (`GraphicsLibraries`), there is no configuration: planning reports that where a
    /// format draws, and a build of tables alone goes on without fontconfig's files.
    private static let loaded: Bool = (try? GraphicsLibraries.load()) != nil && FcInit() != 0

    /// The current configuration (asked for each time: fontconfig may replace it when its files change).
    private static var configuration: OpaquePointer? { loaded ? FcConfigGetCurrent() : nil }

    /// The files of every style of `family` (as `fc-list FAMILY` lists them); for a family fontconfig does not
    /// have, the one file it falls back to (as `fc-match FAMILY`). Nil when fontconfig cannot be set up.
    package static func paths(family: String) -> [String]? {
        guard let config = configuration else { return nil }
        let listed = list(family, config: config)
        return listed.isEmpty ? bestMatch(family, config: config, FC_FILE).map { [$0] } ?? [] : listed
    }

    /// The family of the font fontconfig matches best for `family`: the font Pango draws with (Pango sorts
    /// fontconfig's matches for the same pattern and takes the first). "Noto Sans" for a family not installed.
    package static func matchedFamily(_ family: String) -> String? {
        guard let config = configuration else { return nil }
        return bestMatch(family, config: config, FC_FAMILY)
    }

    /// fontconfig's configuration files, font folders and cache folders: what decides which file a family
    /// resolves to. A font installed, removed or re-cached changes the stamp of one of them.
    package static func configurationPaths() -> [String] {
        guard let config = configuration else { return [] }
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
        guard let pattern = familyPattern(family) else { return [] }
        defer { FcPatternDestroy(pattern) }
        guard let objects = FcObjectSetCreate() else { return [] }
        defer { FcObjectSetDestroy(objects) }
        _ = FcObjectSetAdd(objects, FC_FILE)
        guard let set = FcFontList(config, pattern, objects) else { return [] }
        defer { FcFontSetDestroy(set) }
        return (0..<Int(set.pointee.nfont)).compactMap { string(FC_FILE, of: set.pointee.fonts[$0]) }
    }

    /// `object` (a file name, a family) of the font that fontconfig matches best for `family`, with the
    /// configuration's and the default substitutions applied as for drawing.
    private static func bestMatch(_ family: String, config: OpaquePointer, _ object: String) -> String? {
        guard let pattern = familyPattern(family) else { return nil }
        defer { FcPatternDestroy(pattern) }
        _ = FcConfigSubstitute(config, pattern, FcMatchPattern)
        FcDefaultSubstitute(pattern)
        var result = FcResultNoMatch
        guard let font = FcFontMatch(config, pattern, &result) else { return nil }
        defer { FcPatternDestroy(font) }
        return string(object, of: font)
    }

    private static func familyPattern(_ family: String) -> OpaquePointer? {
        guard let pattern = FcPatternCreate() else { return nil }
        _ = family.withCString { FcPatternAddString(pattern, FC_FAMILY, UnsafeRawPointer($0).assumingMemoryBound(to: FcChar8.self)) }
        return pattern
    }

    private static func string(_ object: String, of pattern: OpaquePointer?) -> String? {
        var value: UnsafeMutablePointer<FcChar8>?
        guard let pattern, FcPatternGetString(pattern, object, 0, &value) == FcResultMatch, let value else { return nil }
        return String(cString: UnsafeRawPointer(value).assumingMemoryBound(to: CChar.self))
    }
}
