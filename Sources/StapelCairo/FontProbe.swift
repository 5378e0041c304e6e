import CCairo
import CPangoCairo

/// Asks fontconfig through Pango which font family a requested family resolves to.
/// Pango falls back silently (`NoSuchFont` → Noto Sans), so callers compare the answer with the request.
public enum FontProbe {
    /// The family Pango actually uses for `family`, e.g. "Inter" for "Inter".
    public static func resolvedFamily(_ family: String) -> String? {
        guard let fontMap = pango_cairo_font_map_new() else { return nil }
        defer { g_object_unref(UnsafeMutableRawPointer(fontMap)) }
        guard let context = pango_font_map_create_context(fontMap) else { return nil }
        defer { g_object_unref(UnsafeMutableRawPointer(context)) }
        let description = pango_font_description_from_string(family)
        defer { pango_font_description_free(description) }
        guard let font = pango_font_map_load_font(fontMap, context, description) else { return nil }
        defer { g_object_unref(UnsafeMutableRawPointer(font)) }
        let resolved = pango_font_describe(font)
        defer { pango_font_description_free(resolved) }
        guard let name = pango_font_description_get_family(resolved) else { return nil }
        return String(cString: name)
    }

    /// The Cairo library version string, e.g. "1.16.0".
    public static var cairoVersion: String { String(cString: cairo_version_string()) }
}
