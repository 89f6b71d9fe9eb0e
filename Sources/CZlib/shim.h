#include <zlib.h>

// deflateInit2 and inflateInit2 are function-like macros Swift cannot see.
// A window of 15 + 16 bits writes a gzip header; 15 + 32 reads gzip or zlib.
static inline int czlib_deflate_init_gzip(z_stream *stream, int level) {
    return deflateInit2(stream, level, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY);
}
static inline int czlib_inflate_init_auto(z_stream *stream) {
    return inflateInit2(stream, 15 + 32);
}
