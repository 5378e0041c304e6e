import CCairo
import CPangoCairo
import StapelLayout

/// The text settings measuring and drawing must share so that a line measured once is drawn the same in PNG
/// (any resolution), PDF and SVG: no hinting, unrounded glyph positions, sizes in user units (points).
enum CairoText {
    /// Applies the shared settings to a Pango context.
    static func configure(_ context: OpaquePointer, language: String) {
        let options = cairo_font_options_create()
        cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF)
        cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE)
        cairo_font_options_set_antialias(options, CAIRO_ANTIALIAS_GRAY)
        pango_cairo_context_set_font_options(context, options)
        cairo_font_options_destroy(options)
        pango_context_set_round_glyph_positions(context, 0)
        pango_context_set_language(context, pango_language_from_string(language))
    }

    /// A Pango font description for `font`, sized in user units.
    static func description(_ font: FontSpec) -> OpaquePointer {
        let desc = pango_font_description_new()!
        pango_font_description_set_family(desc, font.family)
        pango_font_description_set_weight(desc, PangoWeight(rawValue: UInt32(font.weight.rawValue)))
        pango_font_description_set_absolute_size(desc, font.size * Double(PANGO_SCALE))
        return desc
    }

    /// A layout of `text` in `font` on `context`.
    static func layout(_ context: OpaquePointer, _ text: String, font: FontSpec) -> OpaquePointer {
        let layout = pango_layout_new(context)!
        let desc = description(font)
        pango_layout_set_font_description(layout, desc)
        pango_font_description_free(desc)
        pango_layout_set_text(layout, text, -1)
        return layout
    }
}
