/*
 * segment.h -- an article cut into paragraphs, sentences and tokens, every
 * piece a byte span into the text. Internal.
 *
 * Paragraphs come first (quote pairing works inside them); sentences are
 * cut afterwards with the quote spans known, so that a quote of several
 * sentences stays inside the one sentence that frames it.
 */
#ifndef QG_SEGMENT_H
#define QG_SEGMENT_H

#include <string.h>

#include "../core/core.h"
#include "../lexicon/lexicon.h"

/* Token flags. */
#define QG_T_WORD 0x01  /* letters or digits (may hold ' - . inside) */
#define QG_T_CAP 0x02   /* starts with an upper-case letter */
#define QG_T_PUNCT 0x04 /* one punctuation code point */
#define QG_T_QUOTED 0x08 /* inside a quote's text */
#define QG_T_ABBR 0x10  /* ends with a period that is part of it: Mr. U.S. */
#define QG_T_MARK 0x20  /* a quotation mark that opens or closes a quote */

typedef struct qg_tok {
	size_t start, end;
	size_t sent;    /* index of its sentence */
	unsigned flags; /* QG_T_* */
	uint32_t cp;    /* for punctuation: the code point */
	/* What the lexicon says of the word, looked up once per token by
	 * qg_tokens_tag() (cue.h) for every stage after it; zero before.
	 * Its classes are those of the word without a possessive 's when
	 * the word itself has none ("Saturday's"). */
	qg_wordinfo tag;
	/* Room to 64 bytes: a token is then one cache line, and the index of
	 * one a shift, in every loop over them (56 bytes cost the extractor
	 * 0.8% more instructions). Unused. */
	uint64_t pad;
} qg_tok;

/* Length of token `t` without a possessive "'s" / "’s" ending. */
static inline size_t qg_tok_bare_len(const char *text, const qg_tok *t)
{
	size_t n = t->end - t->start;
	const char *w = text + t->start;

	if (n > 2 && w[n - 2] == '\'' && (w[n - 1] == 's' || w[n - 1] == 'S'))
		return n - 2;
	if (n > 4 && memcmp(w + n - 4, "\xE2\x80\x99", 3) == 0 &&
	    (w[n - 1] == 's' || w[n - 1] == 'S'))
		return n - 4;
	return n;
}

/* Eight bytes at a time, where GCC or Clang tell a little-endian machine
 * (the first byte in memory is the lowest of a loaded word, so that the
 * first byte of a match is its lowest set bit); elsewhere byte by byte. */
#if defined(__GNUC__) && defined(__BYTE_ORDER__) && \
    __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
#define QG_TEXT_WIDE 1
#else
#define QG_TEXT_WIDE 0
#endif

/* Sixteen bytes at a time where the compiler targets SSE2 (every x86-64
 * does), in the scans that pass over plain text; elsewhere the eight-byte
 * or byte loops alone. */
#if defined(__SSE2__)
#define QG_SSE2 1
#include <emmintrin.h>
#else
#define QG_SSE2 0
#endif

/* The bytes of ASCII letters and digits among the eight of `x`: the high
 * bit of each such byte set (bytes of 0x80 and above are none). */
static inline uint64_t qg_alnum8(uint64_t x)
{
	const uint64_t ones = 0x0101010101010101ULL, high = ones * 0x80;
	uint64_t t = x & ~high, u = t | ones * 0x20; /* u: letters folded */
	uint64_t digit = (t + ones * (0x80 - '0')) & ~(t + ones * (0x7F - '9'));
	uint64_t letter = (u + ones * (0x80 - 'a')) & ~(u + ones * (0x7F - 'z'));

	return (digit | letter) & ~x & high;
}

#if QG_SSE2
/* The bytes of ASCII letters and digits among the sixteen of `x`, as the
 * low 16 bits of a mask (bytes of 0x80 and above are none): a byte is in
 * [lo, lo + k] when x - lo (wrapping) saturates to 0 once k is taken
 * off. */
static inline unsigned qg_alnum16(__m128i x)
{
	const __m128i c0 = _mm_set1_epi8('0'), c9 = _mm_set1_epi8(9);
	const __m128i ca = _mm_set1_epi8('a'), c25 = _mm_set1_epi8(25);
	const __m128i fold = _mm_set1_epi8(0x20);
	__m128i digit = _mm_subs_epu8(_mm_sub_epi8(x, c0), c9);
	__m128i letter =
	    _mm_subs_epu8(_mm_sub_epi8(_mm_or_si128(x, fold), ca), c25);

	return (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(
	    _mm_min_epu8(digit, letter), _mm_setzero_si128()));
}
#endif

/* Whether token `t` is in the word list `set` (an enum qg_set of
 * lexicon.h): a bit test, the token having been tagged. */
static inline bool qg_tok_has(const qg_tok *t, unsigned set)
{
	return (t->tag.sets >> set) & 1;
}

typedef struct qg_sent {
	size_t start, end;
	size_t para;
	size_t tok0, tok1; /* its tokens: [tok0, tok1) */
} qg_sent;

typedef struct qg_para {
	size_t start, end; /* without the newline */
	size_t sent0, sent1;
} qg_para;

/* Scratch arrays, reused from one article to the next. */
typedef struct qg_segments {
	qg_para *paras;
	size_t npara, cappara;
	qg_sent *sents;
	size_t nsent, capsent;
	qg_tok *toks;
	size_t ntok, captok;
} qg_segments;

/* Free the arrays (the struct itself belongs to the caller). */
void qg_segments_dispose(qg_segments *sg);

/* Paragraphs: each run of non-blank lines that ends at a newline. A line
 * ending with a newline is a paragraph of its own (news text files put one
 * paragraph on a line). Leading and trailing white space is trimmed. */
qg_status qg_segment_paras(qg_segments *sg, const char *text, size_t len);

/*
 * Tokens and sentences of every paragraph. `inside(ctx, pos)` tells whether
 * a byte offset lies inside a quote's text: no sentence ends there (NULL:
 * no quotes). Needs qg_segment_paras() first.
 */
qg_status qg_segment_sents(qg_segments *sg, const char *text, size_t len,
                           bool (*inside)(const void *ctx, size_t pos),
                           const void *ctx);

/* Code point classes shared by the modules that read text. Space and
 * letter are inline: the tokenizer and the quote finder ask them of every
 * non-ASCII character. */
static inline bool qg_cp_space(uint32_t cp)
{
	return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' ||
	       cp == '\f' || cp == '\v' || cp == 0xA0 ||
	       (cp >= 0x2000 && cp <= 0x200B) || cp == 0x202F ||
	       cp == 0x205F || cp == 0x3000 || cp == 0xFEFF;
}

static inline bool qg_cp_letter(uint32_t cp)
{
	if (cp < 0x80)
		return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') ||
		       (cp >= '0' && cp <= '9');
	if (cp < 0xC0)
		return cp == 0xAA || cp == 0xB5 || cp == 0xBA;
	if (cp == 0xD7 || cp == 0xF7)
		return false;
	/* General punctuation, symbols, CJK punctuation are no letters. */
	if ((cp >= 0x2000 && cp <= 0x2BFF) || (cp >= 0x3000 && cp <= 0x303F) ||
	    (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF0F))
		return false;
	return true;
}

bool qg_cp_upper(uint32_t cp);

/* Whether the abbreviation table is in strcmp order, as its binary
 * search needs, and the first two bytes of each are in the table that
 * admits a word to the search (for the unit tests). */
bool qg__abbrevs_sorted(void);

/* The token index holding byte `pos` or the first one after it. */
size_t qg_tok_at(const qg_segments *sg, size_t pos);

#endif
