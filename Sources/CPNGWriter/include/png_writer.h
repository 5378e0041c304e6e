#ifndef STAPEL_PNG_WRITER_H
#define STAPEL_PNG_WRITER_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// Bytes written by `stapel_png_encode`; free with `stapel_png_free`.
typedef struct {
    uint8_t *data;
    size_t length;
    size_t capacity;
} stapel_png_buffer;

/// Encodes a Cairo RGB24 or ARGB32 image (native-endian 32-bit pixels, 0xAARRGGBB, `stride` bytes per row)
/// as an opaque 8-bit RGB PNG with a white bKGD, no time stamp and no gamma chunk, so equal pixels give equal
/// bytes. Rows are unfiltered; the image data is one zlib stream from ISA-L's igzip at `level` (0–3), in one
/// IDAT chunk (or more past 2 GiB); libpng writes the chunks around it.
/// `keywords`/`values` are `text_count` UTF-8 strings written as uncompressed iTXt chunks before the image data.
/// The pixels are overwritten: the rows of the image data are gathered in their buffer (`stride` must be at least
/// `3 * width + 1`, as Cairo's `4 * width` is).
/// Returns 0 on success; on failure the buffer is empty and a message is left in `error` (if not NULL).
int stapel_png_encode(uint8_t *pixels, int width, int height, int stride, int level,
                      const char *const *keywords, const char *const *values, int text_count,
                      stapel_png_buffer *out, char *error, size_t error_size);

void stapel_png_free(stapel_png_buffer *buffer);

#ifdef __cplusplus
}
#endif

#endif
