/*
 * words.c -- the pure side of clustering: a quote's normalised words, the
 * containment of one run of words in another, the word-level difference
 * between two versions of a quote, and bottom-k MinHash sketches of word
 * shingles. No database here, so that all of it is tested directly.
 */
#include <string.h>

#include "../store/entity.h"
#include "cluster.h"

#define ARROW "\xe2\x86\x92" /* → */
#define EMPTY "\xe2\x88\x85" /* ∅ */

/* The longest quotes compared word by word for a variant; longer ones are
 * related by containment only (the table is (n+1)*(m+1) cells). */
#define VARIANT_MAX_WORDS 400

/* Short common words: never used to find a fragment's quote (they would
 * bring back the latest quotes instead of the right one), and left out of
 * MinHash, where shingles of them alone ("of the", "we will") would put
 * unrelated quotes in one bucket. Each is written packed, its bytes in
 * one number (first byte lowest), since the test runs for every word of
 * every quote, several times over. */
#define B(c, i) ((uint64_t)(unsigned char)(c) << (8 * (i)))
#define W3(a, b, c) (B(a, 0) | B(b, 1) | B(c, 2))
#define W4(a, b, c, d) (W3(a, b, c) | B(d, 3))
#define W5(a, b, c, d, e) (W4(a, b, c, d) | B(e, 4))
static const uint64_t common_words[] = {
	W3('t', 'h', 'e'), W3('a', 'n', 'd'), W3('f', 'o', 'r'),
	W4('t', 'h', 'a', 't'), W4('t', 'h', 'i', 's'),
	W4('w', 'i', 't', 'h'), W3('a', 'r', 'e'), W3('w', 'a', 's'),
	W3('b', 'u', 't'), W3('n', 'o', 't'), W4('h', 'a', 'v', 'e'),
	W3('h', 'a', 's'), W4('w', 'i', 'l', 'l'), W4('f', 'r', 'o', 'm'),
	W4('t', 'h', 'e', 'y'), W3('o', 'u', 'r'), W3('y', 'o', 'u'),
	W3('h', 'i', 's'), W3('h', 'e', 'r'), W3('i', 't', 's'),
	W3('a', 'l', 'l'), W3('c', 'a', 'n'), W3('w', 'h', 'o'),
	W3('h', 'a', 'd'), W4('b', 'e', 'e', 'n'), W4('w', 'e', 'r', 'e'),
	W5('t', 'h', 'e', 'i', 'r'),
};

/* Up to eight bytes of a word as one number, first byte lowest. */
static uint64_t pack(const char *s, size_t len)
{
	uint64_t v = 0;

	for (size_t i = 0; i < len && i < 8; i++)
		v |= B(s[i], i);
	return v;
}

/* Words of more than five bytes are ruled out by their length. */
int qg__qwords_common(const qg_qwords *w, size_t i)
{
	size_t len = w->len[i];
	uint64_t v;
	int common = len < 3;

	if (common || len > 5)
		return common;
	v = pack(w->text.data + w->off[i], len);
	for (size_t k = 0; !common && k < QG_ARRAY_LEN(common_words); k++)
		common = common_words[k] == v;
	return common;
}

void qg__qwords_dispose(qg_qwords *w)
{
	qg_buf_dispose(&w->text);
	qg__free(w->off);
	qg__free(w->len);
	qg__free(w->seg);
	w->off = w->len = NULL;
	w->seg = NULL;
	w->n = w->cap = 0;
}

/* A letter or digit: every code point past ASCII that is no punctuation
 * counts, so that Cyrillic, Greek or CJK words are words. */
static int is_word_cp(uint32_t cp)
{
	int word;

	if (cp < 0x80)
		word = (cp >= 'a' && cp <= 'z') || (cp >= '0' && cp <= '9') ||
		       (cp >= 'A' && cp <= 'Z');
	else if (cp >= 0x2000 && cp <= 0x206F)
		word = 0; /* general punctuation: dashes, ellipsis, marks */
	else if (cp >= 0x3000 && cp <= 0x303F)
		word = 0; /* CJK punctuation */
	else
		word = cp != 0xA1 && cp != 0xBF && cp != 0xB7 && cp != 0xA7;
	return word;
}

/* Marks kept inside a word when a word character stands on both sides. */
static int is_joiner(uint32_t cp)
{
	return cp == '\'' || cp == '-' || cp == '.' || cp == 0x2019;
}

static int ends_sentence(uint32_t cp)
{
	return cp == '.' || cp == '!' || cp == '?' || cp == ';' ||
	       cp == 0x2026;
}

/* Room for one more word in off, len and seg. */
static qg_status grow_words(qg_qwords *w)
{
	size_t cap = w->cap;
	qg_status rc = QG_OK;

	if (w->n == w->cap) {
		rc = qg__grow((void **)&w->off, &cap, w->n + 1, sizeof(size_t));
		cap = w->cap;
		if (rc == QG_OK)
			rc = qg__grow((void **)&w->len, &cap, w->n + 1,
			              sizeof(size_t));
		cap = w->cap;
		if (rc == QG_OK)
			rc = qg__grow((void **)&w->seg, &cap, w->n + 1, 1);
		if (rc == QG_OK)
			w->cap = cap;
	}
	return rc;
}

static qg_status start_word(qg_qwords *w)
{
	qg_status rc = grow_words(w);

	if (rc == QG_OK && w->text.len > 0)
		rc = qg_buf_addc(&w->text, ' ');
	if (rc == QG_OK) {
		w->off[w->n] = w->text.len;
		w->len[w->n] = 0;
		w->seg[w->n] = 0;
		w->n++;
	}
	return rc;
}

/* Walk the folded text once, copying word characters and the joiners
 * between them. */
static qg_status split_words(qg_qwords *w, const char *s, size_t len)
{
	size_t i = 0;
	int in_word = 0;
	qg_status rc = QG_OK;

	while (rc == QG_OK && i < len) {
		size_t j = i, k;
		uint32_t cp = qg_utf8_next(s, len, &j), next = 0;

		if (j < len) {
			k = j;
			next = qg_utf8_next(s, len, &k);
		}
		if (is_word_cp(cp)) {
			if (!in_word)
				rc = start_word(w);
			in_word = rc == QG_OK;
		} else if (in_word && is_joiner(cp) && is_word_cp(next)) {
			/* "work's", "solution-based", "u.s": stays a word */
		} else {
			if (in_word)
				w->len[w->n - 1] = w->text.len - w->off[w->n - 1];
			in_word = 0;
			if (ends_sentence(cp) && w->n > 0)
				w->seg[w->n - 1] = 1;
		}
		if (rc == QG_OK && in_word)
			rc = qg_buf_add(&w->text, s + i, j - i);
		i = j;
	}
	if (in_word)
		w->len[w->n - 1] = w->text.len - w->off[w->n - 1];
	if (w->n > 0)
		w->seg[w->n - 1] = 1;
	return rc;
}

qg_status qg__qwords(qg_qwords *w, const char *s, size_t len)
{
	qg_buf folded = QG_BUF_INIT;
	qg_status rc;

	qg_buf_reset(&w->text);
	w->n = 0;
	rc = qg__fold(&folded, s, len, QG_FOLD_TEXT);
	if (rc == QG_OK && folded.len > 0)
		rc = split_words(w, folded.data, folded.len);
	if (rc == QG_OK && !w->text.data)
		rc = qg_buf_add(&w->text, "", 0);
	qg_buf_dispose(&folded);
	return rc;
}

qg_status qg__qwords_norm(qg_qwords *w, const char *norm, size_t len)
{
	size_t i = 0;
	qg_status rc = QG_OK;

	qg_buf_reset(&w->text);
	w->n = 0;
	rc = qg_buf_add(&w->text, norm, len);
	while (rc == QG_OK && i < len) {
		const char *sp = memchr(norm + i, ' ', len - i);
		size_t end = sp ? (size_t)(sp - norm) : len;

		rc = grow_words(w);
		if (rc == QG_OK) {
			w->off[w->n] = i;
			w->len[w->n] = end - i;
			w->seg[w->n] = 0;
			w->n++;
		}
		i = end + 1;
	}
	if (w->n > 0)
		w->seg[w->n - 1] = 1;
	return rc;
}

static int word_eq(const qg_qwords *a, size_t i, const qg_qwords *b,
                   size_t j)
{
	return a->len[i] == b->len[j] &&
	       memcmp(a->text.data + a->off[i], b->text.data + b->off[j],
	              a->len[i]) == 0;
}

long qg__qwords_find(const qg_qwords *hay, const qg_qwords *needle)
{
	long at = -1;

	for (size_t i = 0; needle->n > 0 && at < 0 && i + needle->n <= hay->n;
	     i++) {
		size_t j;

		for (j = 0; j < needle->n && word_eq(hay, i + j, needle, j); j++)
			;
		if (j == needle->n)
			at = (long)i;
	}
	return at;
}

const char *qg__relation_name(qg_relation_kind rel)
{
	static const char *const names[] = {"none", "exact", "fragment",
	                                    "superset", "variant"};

	return (unsigned)rel < QG_ARRAY_LEN(names) ? names[rel] : "none";
}

/* Append words [from, to) of w joined by spaces, or ∅ when empty. */
static qg_status add_words(qg_buf *b, const qg_qwords *w, size_t from,
                           size_t to)
{
	return from >= to
	               ? qg_buf_addstr(b, EMPTY)
	               : qg_buf_add(b, w->text.data + w->off[from],
	                            w->off[to - 1] + w->len[to - 1] -
	                                    w->off[from]);
}

/* Edit distance in words between a (old) and b (new); d is the
 * (na+1) x (nb+1) table, filled. */
static unsigned short *edit_table(const qg_qwords *a, const qg_qwords *b)
{
	size_t w = b->n + 1;
	unsigned short *d = qg__malloc((a->n + 1) * w * sizeof(*d));

	for (size_t i = 0; d && i <= a->n; i++)
		d[i * w] = (unsigned short)i;
	for (size_t j = 0; d && j <= b->n; j++)
		d[j] = (unsigned short)j;
	for (size_t i = 1; d && i <= a->n; i++) {
		for (size_t j = 1; j <= b->n; j++) {
			unsigned sub = d[(i - 1) * w + j - 1] +
			               !word_eq(a, i - 1, b, j - 1);
			unsigned del = d[(i - 1) * w + j] + 1u;
			unsigned ins = d[i * w + j - 1] + 1u;
			unsigned m = sub < del ? sub : del;

			d[i * w + j] = (unsigned short)(m < ins ? m : ins);
		}
	}
	return d;
}

/* Whether cell (i, j) of the table came from its diagonal over equal
 * words: no change there. */
static int same_step(const qg_qwords *a, const qg_qwords *b,
                     const unsigned short *d, size_t i, size_t j)
{
	size_t w = b->n + 1;

	return i > 0 && j > 0 && word_eq(a, i - 1, b, j - 1) &&
	       d[i * w + j] == d[(i - 1) * w + j - 1];
}

/* Walk the table back from the end, keeping each hunk (a run of changed
 * cells) as four indexes into h: a[h0..h1) became b[h2..h3). Hunks come
 * last first; returns how many. */
static size_t walk_hunks(const qg_qwords *a, const qg_qwords *b,
                         const unsigned short *d, size_t *h)
{
	size_t w = b->n + 1, i = a->n, j = b->n, nh = 0;

	while (i > 0 || j > 0) {
		size_t ei, ej;

		while (same_step(a, b, d, i, j)) {
			i--;
			j--;
		}
		ei = i;
		ej = j;
		while ((i > 0 || j > 0) && !same_step(a, b, d, i, j)) {
			if (i > 0 && j > 0 &&
			    d[i * w + j] == d[(i - 1) * w + j - 1] + 1) {
				i--;
				j--;
			} else if (i > 0 && d[i * w + j] == d[(i - 1) * w + j] + 1) {
				i--;
			} else {
				j--;
			}
		}
		if (ei != i || ej != j) {
			h[nh * 4] = i;
			h[nh * 4 + 1] = ei;
			h[nh * 4 + 2] = j;
			h[nh * 4 + 3] = ej;
			nh++;
		}
	}
	return nh;
}

/* The hunks of the difference of a (old) and b (new), front to back, as
 * "old→new" joined by "; ". */
static qg_status write_diff(qg_buf *out, const qg_qwords *a,
                            const qg_qwords *b, const unsigned short *d)
{
	size_t nh = 0;
	size_t *h = qg__malloc((a->n + b->n + 1) * 4 * sizeof(*h));
	qg_status rc = h ? QG_OK : QG_ERR_NOMEM;

	if (rc == QG_OK)
		nh = walk_hunks(a, b, d, h);
	for (size_t k = nh; rc == QG_OK && k > 0; k--) {
		const size_t *x = &h[(k - 1) * 4];

		if (k < nh)
			rc = qg_buf_addstr(out, "; ");
		if (rc == QG_OK)
			rc = add_words(out, a, x[0], x[1]);
		if (rc == QG_OK)
			rc = qg_buf_addstr(out, ARROW);
		if (rc == QG_OK)
			rc = add_words(out, b, x[2], x[3]);
	}
	qg__free(h);
	return rc;
}

static qg_status relate_variant(const qg_qwords *occ, const qg_qwords *canon,
                                qg_buf *diff, qg_relation_kind *out)
{
	size_t small = occ->n < canon->n ? occ->n : canon->n;
	size_t gap = occ->n > canon->n ? occ->n - canon->n : canon->n - occ->n;
	size_t allowed = small / 5 > 1 ? small / 5 : 1;
	unsigned short *d = NULL;
	qg_status rc = QG_OK;

	if (small < QG_VARIANT_MIN || gap > allowed ||
	    occ->n > VARIANT_MAX_WORDS || canon->n > VARIANT_MAX_WORDS)
		goto done;
	d = edit_table(canon, occ);
	if (!d)
		rc = QG_ERR_NOMEM;
	if (d && d[canon->n * (occ->n + 1) + occ->n] <= allowed) {
		*out = QG_REL_VARIANT;
		if (diff)
			rc = write_diff(diff, canon, occ, d);
	}
done:
	qg__free(d);
	return rc;
}

/* ------------------------------------------------- cheap test first */

/* One of 64 bits for a word: its first and last eight bytes and its
 * length, mixed. Two words with the same bit may differ; two equal words
 * always have the same bit. */
static uint64_t word_bit(const char *s, size_t len)
{
	uint64_t v = pack(s, len) ^ ((uint64_t)len << 58);

	if (len > 8)
		v ^= qg_mix64(pack(s + len - 8, 8));
	return (uint64_t)1 << (qg_mix64(v) >> 58);
}

uint64_t qg__qwords_mask(const qg_qwords *w)
{
	uint64_t mask = 0;

	for (size_t i = 0; i < w->n; i++)
		mask |= word_bit(w->text.data + w->off[i], w->len[i]);
	return mask;
}

size_t qg__norm_shape(const char *norm, size_t len, uint64_t *mask)
{
	size_t i = 0, n = 0;

	/* the words qg__qwords_norm() splits the norm into */
	*mask = 0;
	while (i < len) {
		const char *sp = memchr(norm + i, ' ', len - i);
		size_t end = sp ? (size_t)(sp - norm) : len;

		*mask |= word_bit(norm + i, end - i);
		n++;
		i = end + 1;
	}
	return n;
}

/* Whether needle[0..nlen) occurs in hay[0..hlen): a run of whole words
 * must, so where it does not no word-by-word test is needed. */
static int holds(const char *hay, size_t hlen, const char *needle,
                 size_t nlen)
{
	const char *end = hay + hlen, *p = hay;

	while (nlen > 0 && (size_t)(end - p) >= nlen) {
		p = memchr(p, needle[0], (size_t)(end - p) - nlen + 1);
		if (!p || memcmp(p, needle, nlen) == 0)
			break;
		p++;
	}
	return nlen > 0 && p && (size_t)(end - p) >= nlen;
}

int qg__may_relate(const qg_qwords *occ, uint64_t occ_mask,
                   const char *norm, size_t len, size_t words,
                   uint64_t mask)
{
	size_t on = occ->n;
	size_t small = on < words ? on : words;
	size_t gap = on > words ? on - words : words - on;
	size_t allowed = small / 5 > 1 ? small / 5 : 1;
	/* the bits of each side that the other lacks: a word of one side
	 * missing from the other for each */
	size_t only_occ = (size_t)__builtin_popcountll(occ_mask & ~mask);
	size_t only_quote = (size_t)__builtin_popcountll(mask & ~occ_mask);
	int may;

	if (on == 0 || words == 0)
		return 0;
	/* a variant: each word missing from the other side costs an edit
	 * at least */
	may = small >= QG_VARIANT_MIN && gap <= allowed &&
	      on <= VARIANT_MAX_WORDS && words <= VARIANT_MAX_WORDS &&
	      only_occ <= allowed && only_quote <= allowed;
	/* exact, fragment or superset: all words of one side are the
	 * other's, and its text lies inside the other's (the text is read
	 * only then: for most candidates it is not in the CPU's cache) */
	if (!may && on == words)
		may = only_occ == 0 && only_quote == 0;
	else if (!may && on < words && only_occ == 0)
		may = holds(norm, len, occ->text.data, occ->text.len);
	else if (!may && on > words && only_quote == 0)
		may = holds(occ->text.data, occ->text.len, norm,
		            len > 0 && norm[len - 1] == ' ' ? len - 1 : len);
	return may;
}

qg_status qg__relate(const qg_qwords *occ, const qg_qwords *canon,
                     qg_buf *diff, qg_relation_kind *out)
{
	qg_status rc = QG_OK;

	*out = QG_REL_NONE;
	if (occ->n == 0 || canon->n == 0)
		; /* no words: related to nothing */
	else if (occ->n == canon->n && qg__qwords_find(canon, occ) == 0)
		*out = QG_REL_EXACT;
	else if (occ->n < canon->n && qg__qwords_find(canon, occ) >= 0)
		*out = QG_REL_FRAGMENT;
	else if (occ->n > canon->n && qg__qwords_find(occ, canon) >= 0)
		*out = QG_REL_SUPERSET;
	else
		rc = relate_variant(occ, canon, diff, out);
	return rc;
}

/* ------------------------------------------------------ shingle sketch */

/* How many words of the shingle at i are common words. */
static size_t common_in_shingle(const qg_qwords *w, size_t i)
{
	size_t n = 0;

	for (size_t j = i; j < i + QG_SHINGLE; j++)
		n += (size_t)qg__qwords_common(w, j);
	return n;
}

/* The most common words a shingle of w may hold to be sketched: none when
 * there are enough such shingles (a pair like "the harbour" is shared by
 * too many quotes to tell them apart), else all but one word, else any. */
static size_t sketch_tier(const qg_qwords *w)
{
	size_t count[QG_SHINGLE + 1] = {0}, tier = 0;

	for (size_t i = 0; i + QG_SHINGLE <= w->n; i++)
		count[common_in_shingle(w, i)]++;
	while (tier < QG_SHINGLE && count[tier] < QG_SKETCH_KEEP) {
		count[tier + 1] += count[tier];
		tier++;
	}
	return count[tier] > 0 ? tier : QG_SHINGLE;
}

/* Put v among the k smallest distinct values kept in out[0..*n), in
 * ascending order. */
static void keep_smallest(uint64_t *out, size_t *n, size_t k, uint64_t v)
{
	size_t at = *n;

	while (at > 0 && out[at - 1] > v)
		at--;
	if ((at == 0 || out[at - 1] != v) && at < k) {
		if (*n < k)
			(*n)++;
		memmove(&out[at + 1], &out[at], (*n - 1 - at) * sizeof(*out));
		out[at] = v;
	}
}

size_t qg__sketch(const qg_qwords *w, int64_t *out, size_t k)
{
	uint64_t v[QG_SKETCH_PROBE];
	size_t n = 0, tier = sketch_tier(w);

	if (k > QG_SKETCH_PROBE)
		k = QG_SKETCH_PROBE;
	for (size_t i = 0; i + QG_SHINGLE <= w->n; i++) {
		size_t last = i + QG_SHINGLE - 1;

		if (common_in_shingle(w, i) > tier)
			continue;
		/* mixed once more: the smallest values are then a fair
		 * sample of the shingles */
		keep_smallest(v, &n, k,
		              qg_mix64(qg_hash64(w->text.data + w->off[i],
		                                 w->off[last] + w->len[last] -
		                                         w->off[i],
		                                 0x51u)));
	}
	for (size_t i = 0; i < n; i++)
		out[i] = (int64_t)v[i];
	return n;
}
