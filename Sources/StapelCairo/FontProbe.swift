import CCairo
import CPangoCairo

/// Asks fontconfig which font family a requested family resolves to: the family of its best match, which is
/// the font Pango draws with (Pango sorts fontconfig's matches for the same pattern and takes the first).
/// Pango falls back silently (`NoSuchFont` → Noto Sans), so callers compare the answer with the request.
/// Asked of fontconfig directly, without a Pango font map, so that a build with nothing to draw loads no font.
package enum FontProbe {
    /// The family Pango actually uses for `family`, e.g. "Inter" for "Inter".
    package static func resolvedFamily(_ family: String) -> String? {
        guard let config = FcConfigGetCurrent(), let pattern = FcPatternCreate() else { return nil }
        defer { FcPatternDestroy(pattern) }
        _ = family.withCString { FcPatternAddString(pattern, FC_FAMILY, UnsafeRawPointer($0).assumingMemoryBound(to: FcChar8.self)) }
        _ = FcConfigSubstitute(config, pattern, FcMatchPattern)
        FcDefaultSubstitute(pattern)
        var result = FcResultNoMatch
        guard let font = FcFontMatch(config, pattern, &result) else { return nil }
        defer { FcPatternDestroy(font) }
        var name: UnsafeMutablePointer<FcChar8>?
        guard FcPatternGetString(font, FC_FAMILY, 0, &name) == FcResultMatch, let name else { return nil }
        return String(cString: UnsafeRawPointer(name).assumingMemoryBound(to: CChar.self))
    }

    /// The Cairo library version string, e.g. "1.16.0".
    package static var cairoVersion: String { String(cString: cairo_version_string()) }
}
