/*
 * utf8.c -- validation and decoding. Articles are checked once on entry;
 * after that every module may decode without re-checking.
 */
#include <string.h>

#include "core.h"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

/* Whether the 8 bytes at s are all ASCII and none is NUL. */
static bool ascii8(const unsigned char *s)
{
	uint64_t v;

	memcpy(&v, s, 8);
	/* (v - 0x01..) & ~v & 0x80..: non-zero when some byte is 0 */
	return ((v | ((v - 0x0101010101010101ULL) & ~v)) &
	        0x8080808080808080ULL) == 0;
}

/* Whether the 32 bytes at s are all ASCII and none is NUL: two SSE2
 * loads where the compiler targets SSE2 (every x86-64 does), else
 * ascii8() of four words, their tests merged into one. */
#if defined(__SSE2__)
static bool ascii32(const unsigned char *s)
{
	__m128i a = _mm_loadu_si128((const __m128i *)s);
	__m128i b = _mm_loadu_si128((const __m128i *)(s + 16));
	__m128i zero = _mm_setzero_si128();
	__m128i nul = _mm_or_si128(_mm_cmpeq_epi8(a, zero),
	                           _mm_cmpeq_epi8(b, zero));

	/* a byte's high bit: 0x80 and above, or NUL (0xFF from cmpeq) */
	return _mm_movemask_epi8(_mm_or_si128(_mm_or_si128(a, b), nul)) == 0;
}
#else
static bool ascii32(const unsigned char *s)
{
	const uint64_t ones = 0x0101010101010101ULL;
	uint64_t v[4], any = 0;

	memcpy(v, s, sizeof(v));
	for (int k = 0; k < 4; k++)
		any |= v[k] | ((v[k] - ones) & ~v[k]);
	return (any & 0x8080808080808080ULL) == 0;
}
#endif

size_t qg_utf8_check(const char *str, size_t len)
{
	const unsigned char *s = (const unsigned char *)str;
	size_t i = 0;

	while (i < len) {
		unsigned char c = s[i];
		size_t n, k;
		uint32_t cp;

		if (len - i >= 32 && ascii32(s + i)) {
			i += 32; /* whole lines of plain text at once */
			continue;
		}
		if (len - i >= 8 && ascii8(s + i)) {
			i += 8; /* news text is nearly all ASCII */
			continue;
		}
		if (c == 0)
			return i;
		if (c < 0x80) {
			i++;
			continue;
		}
		if (c >= 0xC2 && c <= 0xDF) {
			n = 1;
			cp = c & 0x1F;
		} else if (c >= 0xE0 && c <= 0xEF) {
			n = 2;
			cp = c & 0x0F;
		} else if (c >= 0xF0 && c <= 0xF4) {
			n = 3;
			cp = c & 0x07;
		} else {
			return i;
		}
		if (len - i <= n)
			return i;
		for (k = 1; k <= n; k++) {
			if ((s[i + k] & 0xC0) != 0x80)
				return i;
			cp = (cp << 6) | (s[i + k] & 0x3F);
		}
		/* overlong forms, surrogates and code points past U+10FFFF */
		if ((n == 2 && cp < 0x800) || (n == 3 && cp < 0x10000) ||
		    (cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF)
			return i;
		i += n + 1;
	}
	return len;
}

uint32_t qg_utf8_prev(const char *str, size_t *i)
{
	const unsigned char *s = (const unsigned char *)str;
	size_t j = *i, k;

	if (j == 0)
		return 0;
	j--;
	while (j > 0 && (s[j] & 0xC0) == 0x80 && *i - j < 4)
		j--;
	k = j;
	*i = j;
	return qg_utf8_next(str, (size_t)-1, &k);
}

size_t qg_utf8_encode(uint32_t cp, char *out)
{
	if (cp < 0x80) {
		out[0] = (char)cp;
		return 1;
	}
	if (cp < 0x800) {
		out[0] = (char)(0xC0 | (cp >> 6));
		out[1] = (char)(0x80 | (cp & 0x3F));
		return 2;
	}
	if (cp < 0x10000) {
		out[0] = (char)(0xE0 | (cp >> 12));
		out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
		out[2] = (char)(0x80 | (cp & 0x3F));
		return 3;
	}
	out[0] = (char)(0xF0 | (cp >> 18));
	out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
	out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
	out[3] = (char)(0x80 | (cp & 0x3F));
	return 4;
}
