#include "png_writer.h"

#include <isa-l/igzip_lib.h>
#include <png.h>
#include <pthread.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#if defined(__x86_64__)
#include <immintrin.h>
#endif

typedef struct {
    stapel_png_buffer *out;
    int failed;
    char *error;
    size_t error_size;
} writer_state;

static void write_bytes(png_structp png, png_bytep data, png_size_t length) {
    writer_state *state = png_get_io_ptr(png);
    stapel_png_buffer *b = state->out;
    if (b->length + length > b->capacity) {
        size_t capacity = b->capacity ? b->capacity : 65536;
        while (capacity < b->length + length) capacity *= 2;
        uint8_t *grown = realloc(b->data, capacity);
        if (!grown) { state->failed = 1; png_error(png, "out of memory"); }
        b->data = grown;
        b->capacity = capacity;
    }
    memcpy(b->data + b->length, data, length);
    b->length += length;
}

static void flush_bytes(png_structp png) { (void)png; }

static void on_error(png_structp png, png_const_charp message) {
    writer_state *state = png_get_error_ptr(png);
    if (state->error && state->error_size) snprintf(state->error, state->error_size, "%s", message);
    longjmp(png_jmpbuf(png), 1);
}

static void on_warning(png_structp png, png_const_charp message) { (void)png; (void)message; }

/* One row of native-endian 0xAARRGGBB pixels as R, G, B bytes. Each pixel is read before its bytes are
   written, so `dst` may lie anywhere up to `src` in the same buffer (see stapel_png_encode). */
static void rgb_row_scalar(const uint32_t *src, uint8_t *dst, int width) {
    for (int x = 0; x < width; x++) {
        uint32_t p;
        memcpy(&p, src + x, sizeof p);
        dst[0] = (uint8_t)(p >> 16);
        dst[1] = (uint8_t)(p >> 8);
        dst[2] = (uint8_t)p;
        dst += 3;
    }
}

#if defined(__x86_64__)
/* The same, four pixels a shuffle (SSSE3): a tenth of the instructions of the loop above. Each store writes
   16 bytes of which 12 count, so the final pixels go through the scalar loop, and so do the first `start`, whose
   store would reach pixels not yet read when `dst` lies just below `src`. */
__attribute__((target("ssse3")))
static void rgb_row_ssse3(const uint32_t *src, uint8_t *dst, int width, int start) {
    const __m128i order = _mm_setr_epi8(2, 1, 0, 6, 5, 4, 10, 9, 8, 14, 13, 12, -1, -1, -1, -1);
    int x = start < width ? start : width;
    rgb_row_scalar(src, dst, x);
    for (; x + 6 <= width; x += 4) {
        __m128i pixels = _mm_loadu_si128((const __m128i *)(src + x));
        _mm_storeu_si128((__m128i *)(dst + (size_t)x * 3), _mm_shuffle_epi8(pixels, order));
    }
    rgb_row_scalar(src + x, dst + (size_t)x * 3, width - x);
}
#endif

static void rgb_row(const uint32_t *src, uint8_t *dst, int width, int start) {
#if defined(__x86_64__)
    static int ssse3 = -1;
    if (ssse3 < 0) ssse3 = __builtin_cpu_supports("ssse3") ? 1 : 0;
    if (ssse3) { rgb_row_ssse3(src, dst, width, start); return; }
#else
    (void)start;
#endif
    rgb_row_scalar(src, dst, width);
}

/* The encoder's working memory (igzip's level buffer, the deflated stream), kept per thread and grown to the
   largest image so far: fresh pages for every figure cost more than filling them. Freed with the thread.
   The level buffer, which holds igzip's hash table, is a mapping of its own rather than heap memory. In the heap
   its table was now and then written into by something else while igzip compressed: the matches igzip chose
   changed and with them the PNG's bytes (never its pixels). Measured over whole reports rendered with
   --jobs 2: 8 runs in 210 gave one or more PNGs whose bytes differed from the other runs'; with the table in its
   own mapping, none in 180 (Benchmarks/determinism.sh). Equal pixels must give equal bytes. */
typedef struct { uint8_t *data; size_t capacity; int mapped; } scratch;
static __thread scratch thread_buffers[2] = { { NULL, 0, 1 }, { NULL, 0, 0 } };
static pthread_key_t buffers_key;
static pthread_once_t buffers_once = PTHREAD_ONCE_INIT;

static void release(scratch *b) {
    if (b->data) {
        if (b->mapped) munmap(b->data, b->capacity); else free(b->data);
    }
    b->data = NULL;
    b->capacity = 0;
}

static void free_buffers(void *unused) {
    (void)unused;
    for (int i = 0; i < 2; i++) release(&thread_buffers[i]);
}

static void make_buffers_key(void) { pthread_key_create(&buffers_key, free_buffers); }

static uint8_t *buffer(int which, size_t size) {
    scratch *b = &thread_buffers[which];
    if (size > b->capacity) {
        pthread_once(&buffers_once, make_buffers_key);
        pthread_setspecific(buffers_key, thread_buffers);
        release(b);
        size_t want = size ? size : 1;
        if (b->mapped) {
            void *area = mmap(NULL, want, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
            b->data = area == MAP_FAILED ? NULL : area;
        } else {
            b->data = malloc(want);
        }
        b->capacity = b->data ? want : 0;
    }
    return b->data;
}

int stapel_png_encode(uint8_t *pixels, int width, int height, int stride, int level,
                      const char *const *keywords, const char *const *values, int text_count,
                      stapel_png_buffer *out, char *error, size_t error_size) {
    out->data = NULL; out->length = 0; out->capacity = 0;
    if (error && error_size) error[0] = 0;
    if (width <= 0 || height <= 0) {
        if (error && error_size) snprintf(error, error_size, "invalid size %dx%d", width, height);
        return 1;
    }
    if (level < 0 || level > 3) level = 1;
    if ((size_t)stride < (size_t)width * 3 + 1) {
        if (error && error_size) snprintf(error, error_size, "row stride %d too small for %d pixels", stride, width);
        return 1;
    }

    /* The image data: each row as filter byte 0 (none) and RGB, deflated by ISA-L's igzip into one zlib stream.
       The rows are gathered first and compressed in one stateless call: fed row by row, igzip copies every row
       into its own history buffer (a seventh of all the instructions of a chart render). They are gathered in
       the pixel buffer itself: row y goes to y * (3w + 1), which is never past the pixels of row y not yet read
       (y * stride, stride >= 3w + 1), so no second image-sized buffer is needed. */
    size_t row_bytes = (size_t)width * 3 + 1;
    size_t raw_length = row_bytes * (size_t)height;
    /* Stored blocks bound the output: 5 bytes a 65,535-byte block, the zlib header and trailer. */
    size_t z_capacity = raw_length + raw_length / 65535 * 5 + 1024;
    uint8_t *raw = pixels;
    uint32_t level_sizes[] = { 0, ISAL_DEF_LVL1_DEFAULT, ISAL_DEF_LVL2_DEFAULT, ISAL_DEF_LVL3_DEFAULT };
    uint8_t *level_buffer = level_sizes[level] ? buffer(0, level_sizes[level]) : NULL;
    uint8_t *z = buffer(1, z_capacity);
    int failed = !z || (level_sizes[level] && !level_buffer) || raw_length > UINT32_MAX || z_capacity > UINT32_MAX;
    struct isal_zstream stream;
    if (!failed) {
        for (int y = 0; y < height; y++) {
            uint8_t *src = pixels + (size_t)y * (size_t)stride;
            uint8_t *dst = raw + (size_t)y * row_bytes;
            /* A 16-byte store at pixel x reaches dst + 1 + 3x + 16; the unread pixels start at src + 4x + 16. */
            ptrdiff_t ahead = (dst + 1) - src;
            rgb_row((const uint32_t *)src, dst + 1, width, ahead > 0 ? (int)ahead : 0);
            dst[0] = 0;   /* last: in the first row it is the first pixel's first byte */
        }
        isal_deflate_stateless_init(&stream);
        stream.gzip_flag = IGZIP_ZLIB;
        stream.level = (uint32_t)level;
        stream.level_buf = level_buffer;
        stream.level_buf_size = level_sizes[level];
        stream.flush = NO_FLUSH;
        stream.end_of_stream = 1;
        stream.next_in = raw;
        stream.avail_in = (uint32_t)raw_length;
        stream.next_out = z;
        stream.avail_out = (uint32_t)z_capacity;
        if (isal_deflate_stateless(&stream) != COMP_OK) failed = 1;
    }
    if (failed) {
        if (error && error_size) snprintf(error, error_size, "cannot compress the image (out of memory?)");
        return 1;
    }
    size_t z_length = stream.total_out;

    /* The chunks around it, by libpng: signature, IHDR, bKGD, iTXt; then the one IDAT and IEND. */
    writer_state state = { out, 0, error, error_size };
    png_structp png = png_create_write_struct(PNG_LIBPNG_VER_STRING, &state, on_error, on_warning);
    if (!png) return 1;
    png_infop info = png_create_info_struct(png);
    /* volatile: changed between setjmp and a possible longjmp */
    png_textp volatile text = NULL;
    if (!info || setjmp(png_jmpbuf(png))) {
        png_destroy_write_struct(&png, info ? &info : NULL);
        free(text);
        stapel_png_free(out);
        return 1;
    }
    png_set_write_fn(png, &state, write_bytes, flush_bytes);
    png_set_IHDR(png, info, (png_uint_32)width, (png_uint_32)height, 8, PNG_COLOR_TYPE_RGB,
                 PNG_INTERLACE_NONE, PNG_COMPRESSION_TYPE_BASE, PNG_FILTER_TYPE_BASE);
    png_color_16 white;
    memset(&white, 0, sizeof white);
    white.gray = 0xff; white.red = 0xff; white.green = 0xff; white.blue = 0xff;
    png_set_bKGD(png, info, &white);
    if (text_count > 0) {
        text = calloc((size_t)text_count, sizeof(png_text));
        if (!text) png_error(png, "out of memory");
        for (int i = 0; i < text_count; i++) {
            text[i].compression = PNG_ITXT_COMPRESSION_NONE;
            text[i].key = (png_charp)keywords[i];
            text[i].text = (png_charp)values[i];
            text[i].text_length = 0;
            text[i].itxt_length = strlen(values[i]);
            text[i].lang = NULL;
            text[i].lang_key = NULL;
        }
        png_set_text(png, info, text, text_count);
    }
    png_write_info(png, info);
    /* A chunk holds at most 2^31 - 1 bytes. */
    for (size_t offset = 0; offset < z_length; ) {
        size_t part = z_length - offset;
        if (part > 0x7FFFFFFF) part = 0x7FFFFFFF;
        png_write_chunk(png, (png_const_bytep)"IDAT", z + offset, part);
        offset += part;
    }
    png_write_chunk(png, (png_const_bytep)"IEND", NULL, 0);
    png_destroy_write_struct(&png, &info);
    free(text);
    return 0;
}

void stapel_png_free(stapel_png_buffer *buffer) {
    free(buffer->data);
    buffer->data = NULL;
    buffer->length = 0;
    buffer->capacity = 0;
}
