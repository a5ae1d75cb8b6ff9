/*
 * hash.c -- SHA-256 for article content hashes (FIPS 180-4), and a fast
 * 64-bit hash for shingles and lookup tables.
 */
#include <string.h>

#include "core.h"

typedef struct sha256 {
	uint32_t h[8];
	uint64_t bits;
	unsigned char block[64];
	size_t fill;
} sha256;

static const uint32_t K[64] = {
	0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1,
	0x923f82a4, 0xab1c5ed5, 0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3,
	0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786,
	0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
	0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147,
	0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13,
	0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b,
	0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
	0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a,
	0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208,
	0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
};

#define ROR(x, n) (((x) >> (n)) | ((x) << (32 - (n))))

/* One round on the working variables a..h, named rather than kept in an
 * array: shifting an array down by one every round (a memmove of 28
 * bytes, 64 times a block) cost more than the round itself. The callers
 * rotate the names instead, eight rounds at a time. */
#define ROUND(a, b, c, d, e, f, g, h, i)                                      \
	do {                                                                  \
		uint32_t t1 = (h) + (ROR(e, 6) ^ ROR(e, 11) ^ ROR(e, 25)) +      \
		              (((e) & (f)) ^ (~(e) & (g))) + K[i] + w[i];        \
		uint32_t t2 = (ROR(a, 2) ^ ROR(a, 13) ^ ROR(a, 22)) +            \
		              (((a) & (b)) ^ ((a) & (c)) ^ ((b) & (c)));         \
		(d) += t1;                                                    \
		(h) = t1 + t2;                                                \
	} while (0)

static void sha256_block(sha256 *c, const unsigned char *p)
{
	uint32_t w[64];
	uint32_t a = c->h[0], b = c->h[1], cc = c->h[2], d = c->h[3];
	uint32_t e = c->h[4], f = c->h[5], g = c->h[6], h = c->h[7];
	int i;

	for (i = 0; i < 16; i++)
		w[i] = (uint32_t)p[4 * i] << 24 | (uint32_t)p[4 * i + 1] << 16 |
		       (uint32_t)p[4 * i + 2] << 8 | p[4 * i + 3];
	for (i = 16; i < 64; i++) {
		uint32_t s0 = ROR(w[i - 15], 7) ^ ROR(w[i - 15], 18) ^
		              (w[i - 15] >> 3);
		uint32_t s1 = ROR(w[i - 2], 17) ^ ROR(w[i - 2], 19) ^
		              (w[i - 2] >> 10);
		w[i] = w[i - 16] + s0 + w[i - 7] + s1;
	}
	for (i = 0; i < 64; i += 8) {
		ROUND(a, b, cc, d, e, f, g, h, i);
		ROUND(h, a, b, cc, d, e, f, g, i + 1);
		ROUND(g, h, a, b, cc, d, e, f, i + 2);
		ROUND(f, g, h, a, b, cc, d, e, i + 3);
		ROUND(e, f, g, h, a, b, cc, d, i + 4);
		ROUND(d, e, f, g, h, a, b, cc, i + 5);
		ROUND(cc, d, e, f, g, h, a, b, i + 6);
		ROUND(b, cc, d, e, f, g, h, a, i + 7);
	}
	c->h[0] += a;
	c->h[1] += b;
	c->h[2] += cc;
	c->h[3] += d;
	c->h[4] += e;
	c->h[5] += f;
	c->h[6] += g;
	c->h[7] += h;
}

/* GCC's: clang (14) has the intrinsics but cannot ask for the feature. */
#if defined(__x86_64__) && defined(__GNUC__) && !defined(__clang__)
#include <immintrin.h>

#define SHA_NI __attribute__((target("sha,sse4.1,ssse3")))

/* Four rounds of SHA-NI for the message words of group i (0..15), kept in
 * m[i % 4]: the first four are the block's, the rest the schedule's. */
SHA_NI static inline void ni_rounds(__m128i m[4], int i, const unsigned char *p,
                                    __m128i *abef, __m128i *cdgh)
{
	const __m128i swap = _mm_set_epi64x(0x0c0d0e0f08090a0bLL,
	                                    0x0405060700010203LL);
	__m128i w, k;

	if (i < 4) {
		w = _mm_shuffle_epi8(
			_mm_loadu_si128((const __m128i *)(const void *)(p + 16 * i)),
			swap);
	} else {
		w = _mm_sha256msg1_epu32(m[(i - 4) & 3], m[(i - 3) & 3]);
		w = _mm_add_epi32(w, _mm_alignr_epi8(m[(i - 1) & 3],
		                                     m[(i - 2) & 3], 4));
		w = _mm_sha256msg2_epu32(w, m[(i - 1) & 3]);
	}
	m[i & 3] = w;
	k = _mm_add_epi32(w, _mm_loadu_si128((const __m128i *)(const void *)
	                                     &K[4 * i]));
	*cdgh = _mm_sha256rnds2_epu32(*cdgh, *abef, k);
	*abef = _mm_sha256rnds2_epu32(*abef, *cdgh, _mm_shuffle_epi32(k, 0x0E));
}

/* n whole blocks with the CPU's SHA instructions (Intel's SHA extensions,
 * about ten times the portable rounds). The state is kept as the
 * instructions want it, ABEF and CDGH, while the blocks last. */
SHA_NI static void sha256_blocks_ni(sha256 *c, const unsigned char *p,
                                    size_t n)
{
	__m128i t = _mm_loadu_si128((const __m128i *)(const void *)&c->h[0]);
	__m128i cdgh = _mm_loadu_si128((const __m128i *)(const void *)&c->h[4]);
	__m128i abef, m[4];

	t = _mm_shuffle_epi32(t, 0xB1);       /* CDAB */
	cdgh = _mm_shuffle_epi32(cdgh, 0x1B); /* EFGH */
	abef = _mm_alignr_epi8(t, cdgh, 8);   /* ABEF */
	cdgh = _mm_blend_epi16(cdgh, t, 0xF0); /* CDGH */
	for (; n > 0; n--, p += 64) {
		__m128i abef0 = abef, cdgh0 = cdgh;

		for (int i = 0; i < 16; i++)
			ni_rounds(m, i, p, &abef, &cdgh);
		abef = _mm_add_epi32(abef, abef0);
		cdgh = _mm_add_epi32(cdgh, cdgh0);
	}
	t = _mm_shuffle_epi32(abef, 0x1B);    /* FEBA */
	cdgh = _mm_shuffle_epi32(cdgh, 0xB1); /* DCHG */
	_mm_storeu_si128((__m128i *)(void *)&c->h[0],
	                 _mm_blend_epi16(t, cdgh, 0xF0)); /* DCBA */
	_mm_storeu_si128((__m128i *)(void *)&c->h[4],
	                 _mm_alignr_epi8(cdgh, t, 8)); /* HGFE */
}

/* Whether the CPU has them (read by libgcc once, at start-up). */
static int have_sha_ni(void)
{
	return __builtin_cpu_supports("sha") &&
	       __builtin_cpu_supports("sse4.1") &&
	       __builtin_cpu_supports("ssse3");
}
#else
static void sha256_blocks_ni(sha256 *c, const unsigned char *p, size_t n)
{
	(void)c;
	(void)p;
	(void)n;
}

static int have_sha_ni(void)
{
	return 0;
}
#endif

/* n whole blocks at p, with the SHA instructions when the CPU has them. */
static void sha256_blocks(sha256 *c, const unsigned char *p, size_t n)
{
	if (have_sha_ni())
		sha256_blocks_ni(c, p, n);
	else
		for (; n > 0; n--, p += 64)
			sha256_block(c, p);
}

/* Whole blocks are hashed where they lie; only a partial one is copied. */
static void sha256_update(sha256 *c, const unsigned char *p, size_t len)
{
	c->bits += (uint64_t)len * 8;
	while (len) {
		size_t take = 64 - c->fill < len ? 64 - c->fill : len;

		if (c->fill == 0 && len >= 64) {
			take = len & ~(size_t)63;
			sha256_blocks(c, p, take / 64);
		} else {
			memcpy(c->block + c->fill, p, take);
			c->fill += take;
		}
		p += take;
		len -= take;
		if (c->fill == 64) {
			sha256_blocks(c, c->block, 1);
			c->fill = 0;
		}
	}
}

void qg_sha256_hex(const void *data, size_t len, char out[QG_SHA256_HEX])
{
	static const char hex[] = "0123456789abcdef";
	sha256 c = {{0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f,
	             0x9b05688c, 0x1f83d9ab, 0x5be0cd19},
	            0, {0}, 0};
	unsigned char pad[72] = {0x80}, lenbytes[8];
	uint64_t bits;
	size_t padlen;
	int i;

	sha256_update(&c, data, len);
	bits = c.bits;
	padlen = c.fill < 56 ? 56 - c.fill : 120 - c.fill;
	for (i = 0; i < 8; i++)
		lenbytes[i] = (unsigned char)(bits >> (56 - 8 * i));
	sha256_update(&c, pad, padlen);
	sha256_update(&c, lenbytes, 8);
	for (i = 0; i < 32; i++) {
		unsigned char byte = (unsigned char)(c.h[i / 4] >> (24 - 8 * (i % 4)));

		out[2 * i] = hex[byte >> 4];
		out[2 * i + 1] = hex[byte & 15];
	}
	out[64] = '\0';
}

uint64_t qg_hash64(const void *data, size_t len, uint64_t seed)
{
	const unsigned char *p = data;
	uint64_t h = 0xcbf29ce484222325ULL ^ seed;
	size_t i;

	/* FNV-1a, then a splitmix64 finaliser so that every bit avalanches:
	 * MinHash needs hashes whose low and high bits are equally random. */
	for (i = 0; i < len; i++) {
		h ^= p[i];
		h *= 0x100000001b3ULL;
	}
	return qg_mix64(h);
}
