/* The floor: the least a C program does to draw q05-like content (a 2-line title, 16 rows x 5 stacked
 * segments, 80 value labels, a 5-entry legend: ~100 labels) with Cairo + Pango, written as PNG (libpng,
 * zlib level 1, no row filter, 200 dpi), PDF and SVG. Prints the CPU per figure for the three formats.
 *
 *   cc -O2 -o floor floor.c $(pkg-config --cflags --libs pangocairo libpng)
 *   ./floor [iterations] [out-dir]
 */
#include <cairo.h>
#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <pango/pangocairo.h>
#include <png.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <math.h>
#include <time.h>

static const char *rows[16] = {
    "Otydlig styrning från regeringen", "Bristande intern styrning", "Bristande kunskap om arbetssätt och metoder",
    "Bristande teknisk kompetens (t ex systemintegration, it-arkitektur)", "Begränsningar i lagar och regelverk",
    "Osäkerhet gällande lagar och regelverk",
    "Avsaknad av samverkansplattformar för interaktion/ erfarenhetsutbyte med andra aktörer",
    "Avsaknad av incitament", "Otillräcklig finansiering", "Tidsbrist", "Avsaknad av gemensamma standarder",
    "Bristfällig kunskap om behovet av dataanalys (internt/externt)",
    "Bristfällig kunskap om vad som menas med att bli mer datadriven", "Brist på tillgång till rätt sorts data",
    "Annat hinder (beskriv i fritextfältet)", "Totalt"};
static const double pct[16][5] = {
    {45.2, 30.7, 16.8, 5.1, 2.2}, {21.9, 32.1, 27.8, 15.3, 2.9}, {8.8, 27.0, 46.0, 14.6, 3.6},
    {11.7, 43.0, 29.2, 13.9, 2.2}, {19.7, 35.0, 27.8, 14.6, 2.9}, {15.3, 35.1, 29.9, 16.8, 2.9},
    {30.7, 35.8, 19.7, 10.2, 3.6}, {32.8, 34.3, 19.7, 11.7, 1.5}, {14.6, 19.7, 27.7, 27.0, 11.0},
    {8.8, 13.9, 24.1, 37.2, 16.0}, {22.6, 35.0, 26.3, 12.4, 3.7}, {12.4, 34.3, 32.1, 13.2, 8.0},
    {14.6, 31.4, 23.4, 22.6, 8.0}, {18.3, 39.4, 22.6, 15.3, 4.4}, {29.4, 11.8, 29.4, 23.5, 5.9},
    {20.5, 30.6, 26.8, 16.9, 5.3}};
static const char *legend[5] = {"Inget hinder", "Ganska litet hinder", "Ganska stort hinder", "Stort hinder",
                                "Mycket stort hinder"};
static const double colors[5][3] = {{0.85, 0.90, 0.96}, {0.62, 0.75, 0.88}, {0.36, 0.56, 0.78},
                                    {0.16, 0.38, 0.64}, {0.05, 0.20, 0.42}};
static const double W = 453.6, LABEL = 200, ROW = 20;

typedef struct { unsigned char *data; size_t len, cap; } buf;
static cairo_status_t sink(void *c, const unsigned char *d, unsigned int n) {
    buf *b = c;
    if (b->len + n > b->cap) { b->cap = (b->len + n) * 2; b->data = realloc(b->data, b->cap); }
    memcpy(b->data + b->len, d, n); b->len += n;
    return CAIRO_STATUS_SUCCESS;
}
static void png_sink(png_structp p, png_bytep d, png_size_t n) { sink(png_get_io_ptr(p), d, (unsigned)n); }
static void png_flush(png_structp p) { (void)p; }

static PangoContext *ctx;   /* one Pango context per drawing (per surface), as a careful program keeps */

static PangoLayout *text(cairo_t *cr, const char *s, const char *font, double width) {
    (void)cr;
    PangoLayout *l = pango_layout_new(ctx);
    PangoFontDescription *d = pango_font_description_from_string(font);
    pango_layout_set_font_description(l, d);
    pango_font_description_free(d);
    if (width > 0) { pango_layout_set_width(l, (int)(width * PANGO_SCALE)); pango_layout_set_wrap(l, PANGO_WRAP_WORD); }
    pango_layout_set_text(l, s, -1);
    return l;
}

static void begin(cairo_t *cr) {
    ctx = pango_cairo_create_context(cr);
    cairo_font_options_t *fo = cairo_font_options_create();
    cairo_font_options_set_hint_metrics(fo, CAIRO_HINT_METRICS_OFF);
    cairo_font_options_set_hint_style(fo, CAIRO_HINT_STYLE_NONE);
    pango_cairo_context_set_font_options(ctx, fo);
    cairo_font_options_destroy(fo);
    pango_context_set_round_glyph_positions(ctx, 0);
    pango_context_set_language(ctx, pango_language_from_string("sv"));
}

static void show(cairo_t *cr, const char *s, const char *font, double width, double x, double y, double *h) {
    PangoLayout *l = text(cr, s, font, width);
    int pw, ph;
    pango_layout_get_size(l, &pw, &ph);
    cairo_move_to(cr, x, y);
    pango_cairo_show_layout(cr, l);
    if (h) *h = ph / (double)PANGO_SCALE;
    g_object_unref(l);
}

/* Draws the chart; returns its height. */
static double draw(cairo_t *cr) {
    begin(cr);
    double y = 12, h;
    cairo_set_source_rgb(cr, 1, 1, 1);
    cairo_paint(cr);
    cairo_set_source_rgb(cr, 0.1, 0.1, 0.1);
    show(cr, "Fråga 5. I vilken utsträckning utgör följande områden hinder för att myndigheten ska bli mer datadriven?",
         "Inter Semi-Bold 10.5", W - 24, 12, y, &h);
    y += h + 10;
    for (int r = 0; r < 16; r++) {
        cairo_set_source_rgb(cr, 0.1, 0.1, 0.1);
        show(cr, rows[r], "Inter 8", LABEL - 8, 12, y, &h);
        double rh = h > ROW ? h : ROW, x = 12 + LABEL, bw = W - LABEL - 24;
        for (int s = 0; s < 5; s++) {
            double w = bw * pct[r][s] / 100;
            cairo_set_source_rgb(cr, colors[s][0], colors[s][1], colors[s][2]);
            cairo_rectangle(cr, x, y + 2, w, rh - 4);
            cairo_fill(cr);
            char v[32];
            snprintf(v, sizeof v, "%.1f\u202F%%", pct[r][s]);
            for (char *c = v; *c; c++) if (*c == '.') *c = ',';
            if (s < 3) cairo_set_source_rgb(cr, 0.1, 0.1, 0.1); else cairo_set_source_rgb(cr, 1, 1, 1);
            show(cr, v, "Inter Medium 7", 0, x + 2, y + rh / 2 - 5, NULL);
            x += w;
        }
        y += rh + 2;
    }
    double x = 12;
    y += 6;
    for (int s = 0; s < 5; s++) {
        cairo_set_source_rgb(cr, colors[s][0], colors[s][1], colors[s][2]);
        cairo_rectangle(cr, x, y + 2, 8, 8);
        cairo_fill(cr);
        cairo_set_source_rgb(cr, 0.1, 0.1, 0.1);
        PangoLayout *l = text(cr, legend[s], "Inter 8", 0);
        int pw, ph;
        pango_layout_get_size(l, &pw, &ph);
        cairo_move_to(cr, x + 11, y);
        pango_cairo_show_layout(cr, l);
        g_object_unref(l);
        x += 11 + pw / (double)PANGO_SCALE + 10;
    }
    g_object_unref(ctx);
    return y + 22;
}

static size_t write_png(double height, double dpi, buf *out) {
    double s = dpi / 72;
    int pw = (int)ceil(W * s), ph = (int)ceil(height * s);
    cairo_surface_t *surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, pw, ph);
    cairo_t *cr = cairo_create(surface);
    cairo_scale(cr, s, s);
    draw(cr);
    cairo_destroy(cr);
    cairo_surface_flush(surface);
    png_structp png = png_create_write_struct(PNG_LIBPNG_VER_STRING, NULL, NULL, NULL);
    png_infop info = png_create_info_struct(png);
    png_set_write_fn(png, out, png_sink, png_flush);
    png_set_compression_level(png, 1);
    png_set_filter(png, PNG_FILTER_TYPE_BASE, PNG_FILTER_NONE);
    png_set_IHDR(png, info, pw, ph, 8, PNG_COLOR_TYPE_RGB, PNG_INTERLACE_NONE, PNG_COMPRESSION_TYPE_BASE,
                 PNG_FILTER_TYPE_BASE);
    png_write_info(png, info);
    unsigned char *row = malloc(pw * 3), *data = cairo_image_surface_get_data(surface);
    int stride = cairo_image_surface_get_stride(surface);
    for (int y = 0; y < ph; y++) {
        const uint32_t *src = (const uint32_t *)(data + (size_t)y * stride);
        for (int x = 0; x < pw; x++) { row[3*x] = src[x] >> 16; row[3*x+1] = src[x] >> 8; row[3*x+2] = src[x]; }
        png_write_row(png, row);
    }
    png_write_end(png, info);
    png_destroy_write_struct(&png, &info);
    free(row);
    cairo_surface_destroy(surface);
    return out->len;
}

static double cpu(void) {
    struct timespec t;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
    return t.tv_sec + t.tv_nsec / 1e9;
}

int main(int argc, char **argv) {
    int n = argc > 1 ? atoi(argv[1]) : 20;
    const char *dir = argc > 2 ? argv[2] : NULL;
    double t[4] = {0};
    size_t sizes[3] = {0};
    for (int i = 0; i <= n; i++) {   /* iteration 0 warms fontconfig up and is not counted */
        double t0 = cpu();
        /* measuring pass: the height, on a 1x1 surface */
        cairo_surface_t *m = cairo_image_surface_create(CAIRO_FORMAT_RGB24, 1, 1);
        cairo_t *mc = cairo_create(m);
        double height = draw(mc);
        cairo_destroy(mc);
        cairo_surface_destroy(m);
        double t1 = cpu();
        buf png = {0}, pdf = {0}, svg = {0};
        write_png(height, 200, &png);
        double t2 = cpu();
        cairo_surface_t *ps = cairo_pdf_surface_create_for_stream(sink, &pdf, W, height);
        cairo_pdf_surface_set_metadata(ps, CAIRO_PDF_METADATA_CREATE_DATE, "");
        cairo_t *pc = cairo_create(ps); draw(pc); cairo_show_page(pc); cairo_destroy(pc);
        cairo_surface_finish(ps); cairo_surface_destroy(ps);
        double t3 = cpu();
        cairo_surface_t *ss = cairo_svg_surface_create_for_stream(sink, &svg, W, height);
        cairo_svg_surface_set_document_unit(ss, CAIRO_SVG_UNIT_PT);
        cairo_t *sc = cairo_create(ss); draw(sc); cairo_show_page(sc); cairo_destroy(sc);
        cairo_surface_finish(ss); cairo_surface_destroy(ss);
        double t4 = cpu();
        if (i > 0) { t[0] += t1 - t0; t[1] += t2 - t1; t[2] += t3 - t2; t[3] += t4 - t3; }
        sizes[0] = png.len; sizes[1] = pdf.len; sizes[2] = svg.len;
        if (dir && i == n) {
            const char *ext[3] = {"png", "pdf", "svg"};
            buf *b[3] = {&png, &pdf, &svg};
            for (int k = 0; k < 3; k++) {
                char path[1024];
                snprintf(path, sizeof path, "%s/floor.%s", dir, ext[k]);
                FILE *f = fopen(path, "wb");
                if (f) { fwrite(b[k]->data, 1, b[k]->len, f); fclose(f); }
            }
        }
        free(png.data); free(pdf.data); free(svg.data);
    }
    double total = t[0] + t[1] + t[2] + t[3];
    printf("floor_ms_per_figure %.2f measure %.2f png %.2f pdf %.2f svg %.2f bytes %zu %zu %zu\n",
           total * 1000 / n, t[0] * 1000 / n, t[1] * 1000 / n, t[2] * 1000 / n, t[3] * 1000 / n,
           sizes[0], sizes[1], sizes[2]);
    return 0;
}
