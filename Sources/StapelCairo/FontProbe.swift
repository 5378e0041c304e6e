import CCairo

/// Which font family a requested family resolves to, and the Cairo library's version.
/// Pango falls back silently (`NoSuchFont` → Noto Sans), so callers compare the answer with the request.
package enum FontProbe {
    /// The family Pango actually uses for `family`, e.g. "Inter" for "Inter" (`FontFiles.matchedFamily`).
    package static func resolvedFamily(_ family: String) -> String? { FontFiles.matchedFamily(family) }

    /// The Cairo library version string, e.g. "1.16.0".
    package static var cairoVersion: String { String(cString: cairo_version_string()) }
}
