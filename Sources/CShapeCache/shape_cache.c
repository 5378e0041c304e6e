/* A cache in front of HarfBuzz's hb_shape for the texts Pango shapes again and again.
 *
 * Pango keeps no shaping results: every PangoLayout shapes its text anew, and breaking a label at each width
 * that balanced line breaking tries shapes the whole label and each candidate line again (a third of the
 * instructions of a chart render, with Inter's OpenType tables). Pango calls hb_shape through the dynamic
 * linker, so this definition, linked into the executable, is the one it reaches; it answers a repeated request
 * from memory and passes everything else to hb_shape_full.
 *
 * A request is answered from the cache only when its result cannot depend on anything outside the key:
 *  - the key holds the font (Pango's per-font hb_font, the parent of the sub-font Pango wraps it in, kept
 *    referenced by the entry so its address is not reused), its scale, ppem, point size and variation
 *    coordinates; the buffer's direction, script, language, flags, cluster level, invisible, replacement and
 *    not-found glyphs; the features; and every character with its cluster relative to the first;
 *  - HarfBuzz reads the characters around the text (the context, which the key cannot see) only to join
 *    Arabic-like scripts and to put a dotted circle before a leading mark: so only scripts shaped without
 *    joining are cached, and never a text that starts with a mark;
 *  - Pango's sub-font answers glyph look-ups through its "show" attributes (visible spaces and ignorables),
 *    which Stapel never sets.
 * The result is copied back glyph for glyph (codepoint, mask, cluster, positions), so a hit and a miss leave
 * the buffer alike. Each thread has its own table, emptied when it grows past its bounds.
 */
#include "shape_cache.h"

#include <hb.h>
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* Bounds of one thread's table: about 6 MB at most (a glyph is 40 bytes, a key 12 bytes a character). */
enum { TABLE_SIZE = 1 << 13, MAX_ENTRIES = 8000, MAX_GLYPHS = 1 << 17, MAX_KEY = 4096 };

typedef struct entry {
    struct entry *next;
    uint64_t hash;
    hb_font_t *font;          /* referenced: keeps the address from being reused while the entry lives */
    uint32_t key_length;
    uint32_t glyph_count;
    uint8_t *key;
    hb_glyph_info_t *infos;   /* clusters relative to the first character's */
    hb_glyph_position_t *positions;
} entry;

typedef struct {
    entry **table;
    size_t entries;
    size_t glyphs;
    uint64_t hits, misses, passed;
} cache;

static __thread cache thread_cache;

/* `STAPEL_SHAPE_CACHE=0` turns the cache off (the tests compare outputs with and without it). */
static pthread_once_t setup_once = PTHREAD_ONCE_INIT;
static int disabled;
static pthread_key_t thread_exit_key;

static void thread_exit(void *table);

static void setup(void) {
    const char *value = getenv("STAPEL_SHAPE_CACHE");
    disabled = value && strcmp(value, "0") == 0;
    pthread_key_create(&thread_exit_key, thread_exit);
}

static void clear(cache *c) {
    if (!c->table) return;
    for (size_t i = 0; i < TABLE_SIZE; i++) {
        entry *e = c->table[i];
        while (e) {
            entry *next = e->next;
            hb_font_destroy(e->font);
            free(e->key);
            free(e->infos);
            free(e->positions);
            free(e);
            e = next;
        }
        c->table[i] = NULL;
    }
    c->entries = 0;
    c->glyphs = 0;
}

/* A thread's table is freed with the thread. */
static void thread_exit(void *table) {
    (void)table;
    clear(&thread_cache);
    free(thread_cache.table);
    thread_cache.table = NULL;
}

/* Scripts HarfBuzz shapes without looking at the context (no Arabic-style joining). */
static int context_free(hb_script_t script) {
    switch (script) {
    case HB_SCRIPT_COMMON: case HB_SCRIPT_INHERITED: case HB_SCRIPT_LATIN: case HB_SCRIPT_GREEK:
    case HB_SCRIPT_CYRILLIC: case HB_SCRIPT_ARMENIAN: case HB_SCRIPT_GEORGIAN: case HB_SCRIPT_HAN:
    case HB_SCRIPT_HIRAGANA: case HB_SCRIPT_KATAKANA: case HB_SCRIPT_BOPOMOFO:
        return 1;
    default:
        return 0;
    }
}

static int is_mark(hb_unicode_funcs_t *funcs, hb_codepoint_t c) {
    hb_unicode_general_category_t category = hb_unicode_general_category(funcs, c);
    return category == HB_UNICODE_GENERAL_CATEGORY_NON_SPACING_MARK ||
           category == HB_UNICODE_GENERAL_CATEGORY_SPACING_MARK ||
           category == HB_UNICODE_GENERAL_CATEGORY_ENCLOSING_MARK;
}

typedef struct { uint8_t bytes[MAX_KEY]; size_t length; int overflow; } key_builder;

static void put(key_builder *k, const void *data, size_t length) {
    if (k->overflow || k->length + length > MAX_KEY) { k->overflow = 1; return; }
    memcpy(k->bytes + k->length, data, length);
    k->length += length;
}

static uint64_t hash_bytes(const uint8_t *bytes, size_t length) {
    uint64_t h = 0xcbf29ce484222325ull;               /* FNV-1a, 8 bytes at a time then the rest */
    size_t i = 0;
    for (; i + 8 <= length; i += 8) {
        uint64_t word;
        memcpy(&word, bytes + i, 8);
        h = (h ^ word) * 0x100000001b3ull;
        h ^= h >> 29;
    }
    for (; i < length; i++) h = (h ^ bytes[i]) * 0x100000001b3ull;
    return h ^ (h >> 32);
}

void hb_shape(hb_font_t *font, hb_buffer_t *buffer, const hb_feature_t *features, unsigned int num_features) {
    unsigned int length = 0;
    hb_glyph_info_t *input = hb_buffer_get_glyph_infos(buffer, &length);
    hb_segment_properties_t props;
    hb_buffer_get_segment_properties(buffer, &props);
    cache *c = &thread_cache;
    pthread_once(&setup_once, setup);
    if (disabled || length == 0 || hb_buffer_get_content_type(buffer) != HB_BUFFER_CONTENT_TYPE_UNICODE ||
        !context_free(props.script) || is_mark(hb_buffer_get_unicode_funcs(buffer), input[0].codepoint)) {
        c->passed++;
        hb_shape_full(font, buffer, features, num_features, NULL);
        return;
    }
    hb_font_t *parent = hb_font_get_parent(font);
    hb_font_t *identity = parent && parent != hb_font_get_empty() ? parent : font;

    key_builder k;
    k.length = 0;
    k.overflow = 0;
    int x_scale, y_scale;
    unsigned int x_ppem, y_ppem, coord_count = 0;
    hb_font_get_scale(font, &x_scale, &y_scale);
    hb_font_get_ppem(font, &x_ppem, &y_ppem);
    float ptem = hb_font_get_ptem(font);
    const int *coords = hb_font_get_var_coords_normalized(font, &coord_count);
    hb_buffer_flags_t flags = hb_buffer_get_flags(buffer);
    hb_buffer_cluster_level_t level = hb_buffer_get_cluster_level(buffer);
    hb_codepoint_t invisible = hb_buffer_get_invisible_glyph(buffer);
    hb_codepoint_t replacement = hb_buffer_get_replacement_codepoint(buffer);
    hb_codepoint_t not_found = hb_buffer_get_not_found_glyph(buffer);
    hb_unicode_funcs_t *unicode = hb_buffer_get_unicode_funcs(buffer);
    put(&k, &identity, sizeof identity);
    put(&k, &unicode, sizeof unicode);
    put(&k, &x_scale, sizeof x_scale);
    put(&k, &y_scale, sizeof y_scale);
    put(&k, &x_ppem, sizeof x_ppem);
    put(&k, &y_ppem, sizeof y_ppem);
    put(&k, &ptem, sizeof ptem);
    put(&k, &coord_count, sizeof coord_count);
    if (coord_count) put(&k, coords, coord_count * sizeof *coords);
    put(&k, &props.direction, sizeof props.direction);
    put(&k, &props.script, sizeof props.script);
    put(&k, &props.language, sizeof props.language);
    put(&k, &flags, sizeof flags);
    put(&k, &level, sizeof level);
    put(&k, &invisible, sizeof invisible);
    put(&k, &replacement, sizeof replacement);
    put(&k, &not_found, sizeof not_found);
    put(&k, &num_features, sizeof num_features);
    if (num_features) put(&k, features, num_features * sizeof *features);
    put(&k, &length, sizeof length);
    uint32_t base = input[0].cluster;
    for (unsigned int i = 0; i < length; i++) {
        uint32_t pair[3] = { input[i].codepoint, input[i].cluster - base, input[i].mask };
        put(&k, pair, sizeof pair);
    }
    if (k.overflow) {
        c->passed++;
        hb_shape_full(font, buffer, features, num_features, NULL);
        return;
    }
    uint64_t hash = hash_bytes(k.bytes, k.length);
    if (!c->table) {
        c->table = calloc(TABLE_SIZE, sizeof(entry *));
        if (!c->table) { hb_shape_full(font, buffer, features, num_features, NULL); return; }
        pthread_setspecific(thread_exit_key, c->table);
    }
    size_t slot = (size_t)(hash & (TABLE_SIZE - 1));
    for (entry *e = c->table[slot]; e; e = e->next) {
        if (e->hash != hash || e->key_length != k.length || memcmp(e->key, k.bytes, k.length) != 0) continue;
        c->hits++;
        hb_buffer_set_content_type(buffer, HB_BUFFER_CONTENT_TYPE_GLYPHS);
        if (!hb_buffer_set_length(buffer, e->glyph_count)) break;   /* out of memory: shape it instead */
        hb_glyph_info_t *infos = hb_buffer_get_glyph_infos(buffer, NULL);
        hb_glyph_position_t *positions = hb_buffer_get_glyph_positions(buffer, NULL);
        for (uint32_t i = 0; i < e->glyph_count; i++) {
            infos[i] = e->infos[i];
            infos[i].cluster += base;
        }
        memcpy(positions, e->positions, e->glyph_count * sizeof *positions);
        return;
    }
    c->misses++;
    hb_shape_full(font, buffer, features, num_features, NULL);
    if (hb_buffer_get_content_type(buffer) != HB_BUFFER_CONTENT_TYPE_GLYPHS) return;

    unsigned int glyph_count = 0;
    hb_glyph_info_t *infos = hb_buffer_get_glyph_infos(buffer, &glyph_count);
    hb_glyph_position_t *positions = hb_buffer_get_glyph_positions(buffer, NULL);
    if (!positions) return;
    if (c->entries >= MAX_ENTRIES || c->glyphs + glyph_count > MAX_GLYPHS) clear(c);
    entry *e = calloc(1, sizeof *e);
    if (!e) return;
    e->key = malloc(k.length);
    e->infos = malloc((glyph_count ? glyph_count : 1) * sizeof *infos);
    e->positions = malloc((glyph_count ? glyph_count : 1) * sizeof *positions);
    if (!e->key || !e->infos || !e->positions) {
        free(e->key); free(e->infos); free(e->positions); free(e);
        return;
    }
    memcpy(e->key, k.bytes, k.length);
    for (unsigned int i = 0; i < glyph_count; i++) {
        e->infos[i] = infos[i];
        e->infos[i].cluster -= base;
    }
    memcpy(e->positions, positions, glyph_count * sizeof *positions);
    e->hash = hash;
    e->key_length = (uint32_t)k.length;
    e->glyph_count = glyph_count;
    e->font = hb_font_reference(identity);
    e->next = c->table[slot];
    c->table[slot] = e;
    c->entries++;
    c->glyphs += glyph_count;
}

void stapel_shape_cache_counts(uint64_t *hits, uint64_t *misses, uint64_t *passed) {
    *hits = thread_cache.hits;
    *misses = thread_cache.misses;
    *passed = thread_cache.passed;
}

void stapel_shape_cache_clear(void) { clear(&thread_cache); }
