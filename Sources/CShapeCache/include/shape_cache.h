#ifndef STAPEL_SHAPE_CACHE_H
#define STAPEL_SHAPE_CACHE_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// This thread's shaping requests so far: answered from the cache, shaped and stored, passed to HarfBuzz
/// uncached (a joining script, a leading mark, a key too long, or `STAPEL_SHAPE_CACHE=0`), and answered with
/// the glyphs of a part of a text shaped before.
void stapel_shape_cache_counts(uint64_t *hits, uint64_t *misses, uint64_t *passed, uint64_t *parts);

/// Empties this thread's cache (its fonts are released).
void stapel_shape_cache_clear(void);

#ifdef __cplusplus
}
#endif

#endif
