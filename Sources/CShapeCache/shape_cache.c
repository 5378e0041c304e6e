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
 *
 * A request met for the first time may still be part of a text shaped just before: Pango shapes a whole
 * paragraph, then each candidate line of it again. HarfBuzz marks every glyph at whose cluster breaking the text
 * would change the result (HB_GLYPH_FLAG_UNSAFE_TO_BREAK); where neither end of the part carries the mark, the
 * part's glyphs are, by HarfBuzz's definition, exactly what shaping it alone gives, and are copied from the
 * whole (left to right only). `STAPEL_SHAPE_CACHE=verify` shapes every such part as well and reports on
 * standard error any that differs; `STAPEL_SHAPE_CACHE_STATS=1` prints each worker thread's counts as it ends.
 */
#include "shape_cache.h"

#include <hb.h>
#include <stdio.h>
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* Bounds of one thread's table: about 4 MB at most (a glyph is 40 bytes, a key 12 bytes a character); a figure's
   texts take a few hundred entries. */
enum { TABLE_SIZE = 1 << 12, MAX_ENTRIES = 3000, MAX_GLYPHS = 1 << 16, MAX_KEY = 4096 };

typedef struct entry {
    struct entry *next;
    uint64_t hash;
    hb_font_t *font;          /* referenced: keeps the address from being reused while the entry lives */
    uint32_t key_length;
    uint32_t prefix_length;   /* the key up to the characters: font, buffer properties, features */
    uint32_t glyph_count;
    uint32_t char_count;
    uint8_t *key;             /* prefix, character count, then (codepoint, cluster relative to the first,
                                 mask) per character */
    hb_glyph_info_t *infos;   /* clusters relative to the first character's */
    hb_glyph_position_t *positions;
} entry;

/* The texts shaped last (by HarfBuzz, not from the cache), whose parts later requests may be. */
enum { PARENTS = 16, MIN_PARENT_CHARS = 8 };

typedef struct {
    entry **table;
    size_t entries;
    size_t glyphs;
    entry *parents[PARENTS];
    unsigned next_parent;
    uint64_t hits, misses, passed, parts;
} cache;

static __thread cache thread_cache;

/* `STAPEL_SHAPE_CACHE=0` turns the cache off (the tests compare outputs with and without it). */
static pthread_once_t setup_once = PTHREAD_ONCE_INIT;
static int disabled;
static int verifying;
static pthread_key_t thread_exit_key;

static void thread_exit(void *table);

static void setup(void) {
    const char *value = getenv("STAPEL_SHAPE_CACHE");
    disabled = value && strcmp(value, "0") == 0;
    verifying = value && strcmp(value, "verify") == 0;
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
    memset(c->parents, 0, sizeof c->parents);
    c->next_parent = 0;
}

/* A thread's table is freed with the thread. */
static void thread_exit(void *table) {
    (void)table;
    if (getenv("STAPEL_SHAPE_CACHE_STATS")) fprintf(stderr, "hits %llu misses %llu passed %llu parts %llu\n", (unsigned long long)thread_cache.hits, (unsigned long long)thread_cache.misses, (unsigned long long)thread_cache.passed, (unsigned long long)thread_cache.parts);
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

/* The settings a key starts with: what else decides HarfBuzz's result besides the characters and features. */
typedef struct {
    hb_font_t *font;
    hb_unicode_funcs_t *unicode;
    int x_scale, y_scale;
    unsigned int x_ppem, y_ppem;
    float ptem;
    unsigned int coord_count;
    hb_direction_t direction;
    hb_script_t script;
    hb_language_t language;
    hb_buffer_flags_t flags;
    hb_buffer_cluster_level_t level;
    hb_codepoint_t invisible, replacement, not_found;
    unsigned int feature_count;
} key_prefix;

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

/* The characters of an entry's key (after the prefix and the count): codepoint, cluster relative to the first,
   mask. */
static inline const uint32_t *entry_chars(const entry *e) {
    return (const uint32_t *)(e->key + e->prefix_length + sizeof(unsigned int));
}

/* Writes `count` glyphs into the buffer as its shaping result, clusters moved by `shift`. */
static int put_glyphs(hb_buffer_t *buffer, const hb_glyph_info_t *infos, const hb_glyph_position_t *positions,
                      uint32_t count, int64_t shift) {
    /* Out of memory leaves the buffer as it was (its characters, to be shaped). */
    if (!hb_buffer_set_length(buffer, count)) return 0;
    hb_buffer_set_content_type(buffer, HB_BUFFER_CONTENT_TYPE_GLYPHS);
    hb_glyph_info_t *out = hb_buffer_get_glyph_infos(buffer, NULL);
    hb_glyph_position_t *out_positions = hb_buffer_get_glyph_positions(buffer, NULL);
    if (count && (!out || !out_positions)) return 0;
    for (uint32_t i = 0; i < count; i++) {
        out[i] = infos[i];
        out[i].cluster = (uint32_t)((int64_t)infos[i].cluster + shift);
    }
    if (count) memcpy(out_positions, positions, count * sizeof *positions);
    return 1;
}

/* Whether every glyph of cluster `cluster` (relative), from glyph `g` on, is safe to break at. */
static int safe_to_break(const entry *p, uint32_t g, uint32_t cluster) {
    for (; g < p->glyph_count && p->infos[g].cluster == cluster; g++)
        if (hb_glyph_info_get_glyph_flags(&p->infos[g]) & HB_GLYPH_FLAG_UNSAFE_TO_BREAK) return 0;
    return 1;
}

/* Finds the request (`chars`: `count` characters as in a key, clusters relative) inside a parent shaped left to
   right with the same prefix, starting and ending where HarfBuzz says breaking changes nothing; gives the range
   of the parent's glyphs and the parent's relative cluster of the part's start. */
static const entry *find_part(cache *c, const uint8_t *prefix, uint32_t prefix_length, const uint32_t *chars,
                              uint32_t count, uint32_t *first_glyph, uint32_t *end_glyph, uint32_t *start_cluster) {
    for (unsigned k = 0; k < PARENTS; k++) {
        const entry *p = c->parents[(c->next_parent + PARENTS - 1 - k) % PARENTS];
        if (!p || p->char_count <= count || p->prefix_length != prefix_length ||
            memcmp(p->key, prefix, prefix_length) != 0) continue;
        const uint32_t *pc = entry_chars(p);
        for (uint32_t i = 0; i + count <= p->char_count; i++) {
            if (pc[3 * i] != chars[0]) continue;
            uint32_t base = pc[3 * i + 1];
            uint32_t j = 1;
            for (; j < count; j++) {
                const uint32_t *a = pc + 3 * (i + j), *b = chars + 3 * j;
                if (a[0] != b[0] || a[1] - base != b[1] || a[2] != b[2]) break;
            }
            if (j < count) continue;
            /* The part's glyphs: those of clusters from its first character up to the one after its last. Both
               ends must start a cluster (a glyph has exactly that cluster) and be safe to break at. */
            int has_end = i + count < p->char_count;
            uint32_t end_cluster = has_end ? pc[3 * (i + count) + 1] : UINT32_MAX;
            uint32_t g0 = 0;
            while (g0 < p->glyph_count && p->infos[g0].cluster < base) g0++;
            if (g0 == p->glyph_count || p->infos[g0].cluster != base) continue;
            uint32_t g1 = g0;
            while (g1 < p->glyph_count && p->infos[g1].cluster < end_cluster) g1++;
            if (has_end && (g1 == p->glyph_count || p->infos[g1].cluster != end_cluster)) continue;
            if (i > 0 && !safe_to_break(p, g0, base)) continue;
            if (has_end && !safe_to_break(p, g1, end_cluster)) continue;
            *first_glyph = g0;
            *end_glyph = g1;
            *start_cluster = base;
            return p;
        }
    }
    return NULL;
}

/* Stores the buffer's glyphs (just shaped, or copied from a parent) under the key. */
static entry *store(cache *c, const key_builder *k, uint32_t prefix_length, uint64_t hash, size_t slot,
                    hb_font_t *identity, hb_buffer_t *buffer, uint32_t char_count, uint32_t base) {
    unsigned int glyph_count = 0;
    hb_glyph_info_t *infos = hb_buffer_get_glyph_infos(buffer, &glyph_count);
    hb_glyph_position_t *positions = hb_buffer_get_glyph_positions(buffer, NULL);
    if (!positions && glyph_count) return NULL;
    if (c->entries >= MAX_ENTRIES || c->glyphs + glyph_count > MAX_GLYPHS) clear(c);
    entry *e = calloc(1, sizeof *e);
    if (!e) return NULL;
    e->key = malloc(k->length);
    e->infos = malloc((glyph_count ? glyph_count : 1) * sizeof *infos);
    e->positions = malloc((glyph_count ? glyph_count : 1) * sizeof *positions);
    if (!e->key || !e->infos || !e->positions) {
        free(e->key); free(e->infos); free(e->positions); free(e);
        return NULL;
    }
    memcpy(e->key, k->bytes, k->length);
    for (unsigned int i = 0; i < glyph_count; i++) {
        e->infos[i] = infos[i];
        e->infos[i].cluster -= base;
    }
    if (glyph_count) memcpy(e->positions, positions, glyph_count * sizeof *positions);
    e->hash = hash;
    e->key_length = (uint32_t)k->length;
    e->prefix_length = prefix_length;
    e->glyph_count = glyph_count;
    e->char_count = char_count;
    e->font = hb_font_reference(identity);
    e->next = c->table[slot];
    c->table[slot] = e;
    c->entries++;
    c->glyphs += glyph_count;
    return e;
}

/* In verify mode: whether the buffer's result (copied from a parent) equals HarfBuzz's own for `input`. */
static void verify_part(hb_font_t *font, hb_buffer_t *buffer, const hb_feature_t *features, unsigned int num_features,
                        const hb_glyph_info_t *input, unsigned int length) {
    /* create_similar copies the flags, cluster level and special glyphs, not the segment's properties. */
    hb_buffer_t *check = hb_buffer_create_similar(buffer);
    hb_segment_properties_t props;
    hb_buffer_get_segment_properties(buffer, &props);
    hb_buffer_set_segment_properties(check, &props);
    hb_buffer_set_content_type(check, HB_BUFFER_CONTENT_TYPE_UNICODE);
    for (unsigned int i = 0; i < length; i++) hb_buffer_add(check, input[i].codepoint, input[i].cluster);
    hb_shape_full(font, check, features, num_features, NULL);
    unsigned int n = 0, m = 0;
    hb_glyph_info_t *a = hb_buffer_get_glyph_infos(check, &n), *b = hb_buffer_get_glyph_infos(buffer, &m);
    hb_glyph_position_t *pa = hb_buffer_get_glyph_positions(check, NULL), *pb = hb_buffer_get_glyph_positions(buffer, NULL);
    int same = n == m;
    for (unsigned int i = 0; same && i < n; i++)
        same = a[i].codepoint == b[i].codepoint && a[i].cluster == b[i].cluster && memcmp(&pa[i], &pb[i], sizeof pa[i]) == 0;
    if (!same) {
        fprintf(stderr, "shape-cache: a part copied from its paragraph differs from HarfBuzz's shaping (%u characters:", length);
        for (unsigned int i = 0; i < length && i < 40; i++) fprintf(stderr, " U+%04X", input[i].codepoint);
        fprintf(stderr, ")\n");
    }
    hb_buffer_destroy(check);
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
    /* The font and buffer settings, zeroed first so that padding bytes compare equal. */
    key_prefix fixed;
    memset(&fixed, 0, sizeof fixed);
    fixed.font = identity;
    fixed.unicode = hb_buffer_get_unicode_funcs(buffer);
    hb_font_get_scale(font, &fixed.x_scale, &fixed.y_scale);
    hb_font_get_ppem(font, &fixed.x_ppem, &fixed.y_ppem);
    fixed.ptem = hb_font_get_ptem(font);
    const int *coords = hb_font_get_var_coords_normalized(font, &fixed.coord_count);
    fixed.direction = props.direction;
    fixed.script = props.script;
    fixed.language = props.language;
    fixed.flags = hb_buffer_get_flags(buffer);
    fixed.level = hb_buffer_get_cluster_level(buffer);
    fixed.invisible = hb_buffer_get_invisible_glyph(buffer);
    fixed.replacement = hb_buffer_get_replacement_codepoint(buffer);
    fixed.not_found = hb_buffer_get_not_found_glyph(buffer);
    fixed.feature_count = num_features;
    put(&k, &fixed, sizeof fixed);
    if (fixed.coord_count) put(&k, coords, fixed.coord_count * sizeof *coords);
    if (num_features) put(&k, features, num_features * sizeof *features);
    uint32_t prefix_length = (uint32_t)k.length;
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
        if (put_glyphs(buffer, e->infos, e->positions, e->glyph_count, base)) return;
        break;   /* out of memory: shape it instead */
    }
    if (props.direction == HB_DIRECTION_LTR) {
        uint32_t first_glyph, end_glyph, start_cluster;
        /* The key's characters start after the prefix and the length. */
        const uint32_t *chars = (const uint32_t *)(k.bytes + prefix_length + sizeof length);
        const entry *p = find_part(c, k.bytes, prefix_length, chars, length, &first_glyph, &end_glyph, &start_cluster);
        if (p) {
            /* The input is gone once the glyphs are in: keep it for a verifying run. */
            hb_glyph_info_t *kept = NULL;
            if (verifying && (kept = malloc(length * sizeof *kept))) memcpy(kept, input, length * sizeof *kept);
            if (put_glyphs(buffer, p->infos + first_glyph, p->positions + first_glyph, end_glyph - first_glyph,
                           (int64_t)base - (int64_t)start_cluster)) {
                c->parts++;
                if (kept) verify_part(font, buffer, features, num_features, kept, length);
                free(kept);
                store(c, &k, prefix_length, hash, slot, identity, buffer, length, base);
                return;
            }
            free(kept);
        }
    }
    c->misses++;
    hb_shape_full(font, buffer, features, num_features, NULL);
    if (hb_buffer_get_content_type(buffer) != HB_BUFFER_CONTENT_TYPE_GLYPHS) return;
    entry *e = store(c, &k, prefix_length, hash, slot, identity, buffer, length, base);
    if (e && length >= MIN_PARENT_CHARS) {
        c->parents[c->next_parent] = e;
        c->next_parent = (c->next_parent + 1) % PARENTS;
    }
}

void stapel_shape_cache_counts(uint64_t *hits, uint64_t *misses, uint64_t *passed, uint64_t *parts) {
    *parts = thread_cache.parts;
    *hits = thread_cache.hits;
    *misses = thread_cache.misses;
    *passed = thread_cache.passed;
}

void stapel_shape_cache_clear(void) { clear(&thread_cache); }
