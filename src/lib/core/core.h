/*
 * core.h -- allocation, error state, bounded buffers, UTF-8 and hashing:
 * the small pieces every other module of the library stands on.
 * Internal: not part of the public API.
 */
#ifndef QG_CORE_H
#define QG_CORE_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "quotegraph.h"

#define QG_ARRAY_LEN(a) (sizeof(a) / sizeof((a)[0]))

/* ---- allocation: every byte goes through the allocator set by the user */
void *qg__malloc(size_t size);
void *qg__calloc(size_t n, size_t size);
void *qg__realloc(void *ptr, size_t size);
void qg__free(void *ptr);
char *qg__strdup(const char *s);
char *qg__strndup(const char *s, size_t n);

/* qg__grow() when the array must move: out of line. */
qg_status qg__grow_slow(void **items, size_t *cap, size_t need, size_t elem);

/* Grow an array of `*cap` elements of `elem` bytes to hold `need`;
 * doubles, so that appending n elements costs O(n). Inline: it is asked
 * at nearly every append, and nearly always has room already. */
static inline qg_status qg__grow(void **items, size_t *cap, size_t need,
                                 size_t elem)
{
	return need <= *cap ? QG_OK : qg__grow_slow(items, cap, need, elem);
}

/* ---- errors: a code, a message and a byte offset, kept on a handle */
typedef struct qg_error {
	qg_status code;
	size_t offset;
	char msg[512];
} qg_error;

/* Record an error and return `code`, so that callers can write
 * `return qg__error(&h->err, QG_ERR_INPUT, off, "...", ...);` */
qg_status qg__error(qg_error *err, qg_status code, size_t offset,
                    const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
void qg__error_clear(qg_error *err);

/* ---- bounded growable buffer (after curl's dynbuf) */
typedef struct qg_buf {
	char *data; /* always NUL-terminated when non-NULL */
	size_t len;
	size_t cap;
	size_t max; /* the buffer never grows past this; 0: SIZE_MAX/2 */
} qg_buf;

#define QG_BUF_INIT {NULL, 0, 0, 0}

void qg_buf_init(qg_buf *b, size_t max);
void qg_buf_dispose(qg_buf *b);
void qg_buf_reset(qg_buf *b);
qg_status qg_buf_add(qg_buf *b, const void *data, size_t len);
qg_status qg_buf_addstr(qg_buf *b, const char *s);
qg_status qg_buf_addc(qg_buf *b, char c);
qg_status qg_buf_printf(qg_buf *b, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/* Hand the contents over to the caller (free with qg__free); the buffer is
 * left empty. Never NULL on success: an empty buffer gives "". */
char *qg_buf_take(qg_buf *b);

/* Append `s` as a JSON string literal, quotes included; NULL gives null. */
qg_status qg_buf_json_str(qg_buf *b, const char *s);
qg_status qg_buf_json_strn(qg_buf *b, const char *s, size_t len);
/* Append `s` escaped for HTML text and attribute values. */
qg_status qg_buf_html(qg_buf *b, const char *s);
/* Append `s` as one CSV field, quoted when it needs to be. */
qg_status qg_buf_csv(qg_buf *b, const char *s);

/* ---- UTF-8 */

/* Offset of the first byte that is not valid UTF-8 (or is NUL), or `len`
 * when every byte is fine. Overlong forms and surrogates are invalid. */
size_t qg_utf8_check(const char *s, size_t len);

/* Decode the code point at s[*i] (valid UTF-8 assumed) and advance *i.
 * Inline: the text modules decode every non-ASCII character with it. */
static inline uint32_t qg_utf8_next(const char *str, size_t len, size_t *i)
{
	const unsigned char *s = (const unsigned char *)str;
	unsigned char c = s[*i];
	size_t n = c < 0x80 ? 0 : c < 0xE0 ? 1 : c < 0xF0 ? 2 : 3;
	uint32_t cp = n == 0 ? c : c & (0x3F >> n);
	size_t k;

	if (*i + n >= len)
		n = len - *i - 1;
	for (k = 1; k <= n; k++)
		cp = (cp << 6) | (s[*i + k] & 0x3F);
	*i += n + 1;
	return cp;
}

/* Decode the code point ending just before s[*i] and move *i back to it. */
uint32_t qg_utf8_prev(const char *s, size_t *i);

/* Encode `cp` into out (at least 4 bytes); returns the byte count. */
size_t qg_utf8_encode(uint32_t cp, char *out);

/* ---- arena: many small strings freed together with their owner */
typedef struct qg_arena qg_arena;

qg_arena *qg_arena_new(void);
void qg_arena_free(qg_arena *a);
void *qg_arena_alloc(qg_arena *a, size_t size);
char *qg_arena_strndup(qg_arena *a, const char *s, size_t n);
char *qg_arena_strdup(qg_arena *a, const char *s); /* NULL gives NULL */

/* ---- hashing */
#define QG_SHA256_HEX 65
void qg_sha256_hex(const void *data, size_t len, char out[QG_SHA256_HEX]);
uint64_t qg_hash64(const void *data, size_t len, uint64_t seed);

/* splitmix64's finaliser: every bit of x moves every bit of the result,
 * so that low and high bits are equally random (qg_hash64 ends with it;
 * MinHash and Bloom probes use it to spread a value). */
static inline uint64_t qg_mix64(uint64_t x)
{
	x ^= x >> 30;
	x *= 0xbf58476d1ce4e5b9ULL;
	x ^= x >> 27;
	x *= 0x94d049bb133111ebULL;
	x ^= x >> 31;
	return x;
}

#endif /* QG_CORE_H */
