import CShapeCache

/// The cache in front of HarfBuzz's `hb_shape` (Sources/CShapeCache): Pango shapes every layout anew, and
/// balanced line breaking lays a label out once for each width it tries, so most shaping requests repeat.
/// The cache sits below Pango, which reaches `hb_shape` through the dynamic linker; it is exact (a repeated
/// request gets the glyphs HarfBuzz gave the first time) and per thread. `STAPEL_SHAPE_CACHE=0` turns it off,
/// `STAPEL_SHAPE_CACHE=verify` checks every part copied from a longer text against HarfBuzz (see shape_cache.c).
package enum ShapeCache {
    /// This thread's requests so far: answered from the cache, shaped and stored, passed through uncached, and
    /// answered with the glyphs of a part of a text shaped before (where HarfBuzz marks both ends safe to break).
    package static func counts() -> (hits: UInt64, misses: UInt64, passed: UInt64, parts: UInt64) {
        var hits: UInt64 = 0, misses: UInt64 = 0, passed: UInt64 = 0, parts: UInt64 = 0
        stapel_shape_cache_counts(&hits, &misses, &passed, &parts)
        return (hits, misses, passed, parts)
    }
}
