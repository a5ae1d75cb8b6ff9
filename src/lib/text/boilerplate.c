/*
 * boilerplate.c -- lines of page furniture that never carry a quote:
 * share and follow prompts, newsletter and app pitches, cross-links
 * ("ALSO READ: ..."), section furniture ("MORE STORIES", "Topics"),
 * advertisement markers, photo captions and credits, copyright lines,
 * separators ("___", "* * *").
 *
 * The phrases are generic web-page furniture gathered from common news
 * site templates (public knowledge), not from any article of the eval set.
 * A line must be short to count, so a sentence that happens to begin with
 * "Share" or "Follow" in running text is kept; phrases matched anywhere
 * in a line count only when the line holds no quotation mark.
 *
 * "Editor's Comments" (a heading) and "Editor's note: ..." (a disclaimer)
 * are furniture, but only the line itself: what stands under such a
 * heading is judged line by line, since an editor's comment may well
 * quote someone.
 */
#include <string.h>

#include "header.h"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

/* Longest line (in bytes) that can still be furniture; real paragraphs
 * are longer. Photo captions are the exception and are checked apart. */
#define FURNITURE_MAX 160

/* Whole lines (case-insensitive, trailing ':' '.' '!' '|' ignored). */
static const char *const whole[] = {
    "advertisement",
    "advertising",
    "sponsored",
    "sponsored content",
    "more stories",
    "more news",
    "top stories",
    "latest news",
    "latest stories",
    "topics",
    "tags",
    "related",
    "related articles",
    "related stories",
    "related news",
    "read more",
    "read next",
    "see also",
    "also read",
    "share",
    "share this",
    "share this article",
    "share this story",
    "share on facebook",
    "share on twitter",
    "comments",
    "comment",
    "leave a comment",
    "print",
    "email",
    "recommended",
    "recommended for you",
    "you may also like",
    "trending",
    "trending now",
    "most read",
    "most popular",
    "skip to content",
    "skip to main content",
    "editor's comments",
    "editor’s comments",
    "editor's comment",
    "editor’s comment",
    "listen to this article",
    "story continues below",
    "continue reading",
    "subscribe",
    "newsletter",
    "back to top",
    "abstract",
    "full text",
    "video",
    "watch",
    "photos",
    "gallery",
};

/* Prefixes that make a short line furniture whatever follows. KEEP THEM
 * SORTED (bytewise, as strcmp): any_prefix() looks only at those opening
 * with the line's first byte, found by halves; test_date checks the
 * order (qg__boilerplate_whole_ok). */
static const char *const prefixes[] = {
    "all rights reserved",
    "also read:",
    "caption:",
    "click here",
    "copyright (c)",
    "copyright 1",
    "copyright 2",
    "copyright ©",
    "credit:",
    "don't miss",
    "don’t miss",
    "download our",
    "download the app",
    "editor's note:",
    "editor’s note:",
    "file photo:",
    "follow our",
    "follow us",
    "get the latest",
    "image caption",
    "image credit:",
    "image source",
    "image:",
    "join our",
    "like this article",
    "listen:",
    "media caption",
    "more:",
    "photo credit:",
    "photo:",
    "photos:",
    "read also:",
    "read more:",
    "related:",
    "see also:",
    "share on ",
    "share this",
    "share via ",
    "sign up for",
    "sign up to",
    "subscribe for",
    "subscribe to",
    "tags:",
    "this article was originally",
    "this story was originally",
    "topics:",
    "watch:",
    "©",
};

/* Phrases that make a short line without quotation marks furniture
 * wherever they stand ("If you liked this, feel free to share it"). */
static const char *const inner[] = {
    "share it with",
    "feel free to share",
    "thank you for your support",
    "thanks for your support",
    "thanks for reading",
    "thank you for reading",
    "sharing is",
    "subscribe to our",
    "sign up for our",
    "our newsletter",
    "follow us on",
    " min read",
    "minute read",
    "all rights reserved",
    "reading time:",
};

/* How the last parenthesis of a captioned line starts when it is a
 * photo credit: "(PHOTO / AFP)", "(AP Photo/Jane Roe)". */
static const char *const credit_parens[] = {
    "(photo", "(ap photo", "(file photo", "(image", "(picture", "(reuters",
    "(afp",   "(getty",    "(courtesy",   "(epa",   "(xinhua",
};

/* Credits written without parentheses, near the end of a caption. */
static const char *const credit_tails[] = {
    "getty images", "getty/",      "photo:",  "photo/",
    "photo /",      "photograph:", "images/",
};

/* Every credit tail holds one of these: a tail without any is passed
 * over (qg__boilerplate_whole_ok checks it). */
static const char *const credit_words[] = {"photo", "getty", "images"};

/* Three adjacent bytes, lower case, found in each credit word: a tail
 * holding none of them holds no credit word, and is passed over without
 * being lower-cased and searched. */
static const char credit_anchors[][3] = {
    {'p', 'h', 'o'}, {'t', 't', 'y'}, {'m', 'a', 'g'},
};

/* Likewise for the inner phrases: each holds one of these (picked among
 * its rarer triples in news text, so that most short lines hold none),
 * checked against the list by qg__boilerplate_whole_ok. */
static const char inner_anchors[][3] = {
    {'s', 'h', 'a'}, {'a', 'n', 'k'}, {'b', 's', 'c'},
    {'s', 'i', 'g'}, {'w', 's', 'l'}, {'f', 'o', 'l'},
    {'m', 'i', 'n'}, {'h', 't', 's'}, {'m', 'e', ':'},
};

static char lower(char c)
{
	return (c >= 'A' && c <= 'Z') ? (char)(c + 32) : c;
}

/* Whether s starts with the lower-case p. Every line is tried against
 * every prefix, so this fails on the first differing byte and never
 * measures p. */
static bool starts_with(const char *s, size_t n, const char *p)
{
	size_t k = 0;

	while (p[k] && k < n && lower(s[k]) == p[k])
		k++;
	return p[k] == '\0';
}

/* Whether [s, s+n) is the lower-case word w, all of it. */
static bool equals(const char *s, size_t n, const char *w)
{
	size_t k = 0;

	while (k < n && w[k] && lower(s[k]) == w[k])
		k++;
	return k == n && w[k] == '\0';
}

/* [s, s+n) lower-cased (ASCII) into out, which holds at least n bytes. */
static void lower_copy(const char *s, size_t n, char *out)
{
	for (size_t i = 0; i < n; i++)
		out[i] = lower(s[i]);
}

/* Whether any entry of `list` (sorted bytewise) starts [s, s+n) (n > 0):
 * only the entries opening with the line's first byte are compared, the
 * first of them found by halves. */
static bool any_prefix(const char *s, size_t n, const char *const *list,
                       size_t count)
{
	bool found = false;
	unsigned char c0 = (unsigned char)lower(s[0]);
	size_t lo = 0, hi = count;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if ((unsigned char)list[mid][0] < c0)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (size_t k = lo; !found && k < count &&
	                    (unsigned char)list[k][0] == c0;
	     k++)
		found = starts_with(s, n, list[k]);
	return found;
}

/* Whether the m bytes of p occur in [s, s+n): memchr jumps from one
 * occurrence of p's first byte to the next (memmem is a GNU extension). */
static bool occurs(const char *s, size_t n, const char *p, size_t m)
{
	const char *end = s + n, *q = s;
	bool found = false;

	while (!found && m > 0 && (size_t)(end - q) >= m) {
		q = memchr(q, p[0], (size_t)(end - q) - m + 1);
		if (!q)
			break;
		found = (m < 2 || q[1] == p[1]) && memcmp(q, p, m) == 0;
		q++;
	}
	return found;
}

/* The pairs of adjacent bytes of a line, folded into 1024 bits (five low
 * bits of each byte): a phrase with a pair missing from the line does not
 * occur in it, so most phrases are turned away without a search (pairs
 * share bits, so a phrase whose pairs are all there is searched). An
 * ASCII capital and its lower case share their five low bits, so the
 * pairs of a line and of its lower-case copy are the same. */
typedef struct pair_bits {
	uint64_t bit[16];
} pair_bits;

static size_t pair_index(char a, char b)
{
	return ((size_t)((unsigned char)a & 31u) << 5) | ((unsigned char)b & 31u);
}

static void pairs_fill(pair_bits *pb, const char *low, size_t n)
{
	memset(pb, 0, sizeof(*pb));
	for (size_t i = 0; i + 1 < n; i++) {
		size_t k = pair_index(low[i], low[i + 1]);

		pb->bit[k / 64] |= (uint64_t)1 << (k % 64);
	}
}

/* False when some pair of the phrase p is not in the line. */
static bool pairs_may_hold(const pair_bits *pb, const char *p)
{
	for (size_t i = 0; p[i] && p[i + 1]; i++) {
		size_t k = pair_index(p[i], p[i + 1]);

		if (!(pb->bit[k / 64] >> (k % 64) & 1))
			return false;
	}
	return true;
}

/* Whether the anchor p (three lower-case bytes) may stand at s[0..2]:
 * each byte with bit 0x20 set matches, so an ASCII capital matches its
 * lower case (and a few other bytes match too: this only turns lines
 * away). */
static bool anchor_at(const char *s, const char p[3])
{
	return (char)(s[0] | 0x20) == p[0] && (char)(s[1] | 0x20) == p[1] &&
	       (char)(s[2] | 0x20) == p[2];
}

#if defined(__SSE2__)
/* Whether one of `na` anchors starts at one of s[0..15] (reads s[0..17]). */
static bool anchors16(const char *s, const char (*anchors)[3], size_t na)
{
	const __m128i fold = _mm_set1_epi8(0x20);
	__m128i a = _mm_or_si128(_mm_loadu_si128((const __m128i *)s), fold);
	__m128i b = _mm_or_si128(_mm_loadu_si128((const __m128i *)(s + 1)),
	                         fold);
	__m128i c = _mm_or_si128(_mm_loadu_si128((const __m128i *)(s + 2)),
	                         fold);
	__m128i hit = _mm_setzero_si128();

	for (size_t k = 0; k < na; k++) {
		__m128i ab = _mm_and_si128(
		    _mm_cmpeq_epi8(a, _mm_set1_epi8(anchors[k][0])),
		    _mm_cmpeq_epi8(b, _mm_set1_epi8(anchors[k][1])));

		hit = _mm_or_si128(
		    hit, _mm_and_si128(ab, _mm_cmpeq_epi8(
		                               c, _mm_set1_epi8(anchors[k][2]))));
	}
	return _mm_movemask_epi8(hit) != 0;
}
#endif

/* Whether some anchor (see anchor_at) stands anywhere in [s, s+n): a line
 * without one holds none of the phrases they were picked from. Sixteen
 * places at a time with SSE2, the last block overlapping the one before. */
static bool any_anchor(const char *s, size_t n, const char (*anchors)[3],
                       size_t na)
{
	bool found = false;
	size_t i = 0;

#if defined(__SSE2__)
	if (n >= 18) {
		for (; !found && i + 18 <= n; i += 16)
			found = anchors16(s + i, anchors, na);
		if (!found && i + 2 < n)
			found = anchors16(s + n - 18, anchors, na);
		i = n;
	}
#endif
	for (; !found && i + 2 < n; i++)
		for (size_t k = 0; !found && k < na; k++)
			found = anchor_at(s + i, anchors[k]);
	return found;
}

/* Whether any entry of `list` occurs in [s, s+n) lower-cased: the pairs
 * of the line first, then one quick search in the lower-case copy `low`
 * (n bytes of room, filled here once some entry passes the pairs) for
 * each entry they do not rule out. */
static bool any_inside(const char *s, size_t n, char *low,
                       const char *const *list, size_t count)
{
	bool found = false, lowered = false;
	pair_bits pb;

	pairs_fill(&pb, s, n);
	for (size_t k = 0; !found && k < count; k++) {
		if (!pairs_may_hold(&pb, list[k]))
			continue;
		if (!lowered)
			lower_copy(s, n, low);
		lowered = true;
		found = occurs(low, n, list[k], strlen(list[k]));
	}
	return found;
}

/* Whether any entry of `list` occurs in `low`, one search each. */
static bool any_occurs(const char *low, size_t n, const char *const *list,
                       size_t count)
{
	bool found = false;

	for (size_t k = 0; !found && k < count; k++)
		found = occurs(low, n, list[k], strlen(list[k]));
	return found;
}

static bool is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

/* A straight or curly double quotation mark anywhere in the line. */
static bool has_quote_mark(const char *s, size_t n)
{
	return memchr(s, '"', n) != NULL || occurs(s, n, "\xe2\x80\x9c", 3) ||
	       occurs(s, n, "\xe2\x80\x9d", 3);
}

/* "___", "* * *", "-----": nothing but separator characters. */
static bool separator(const char *s, size_t n)
{
	bool only = n > 0;

	for (size_t i = 0; only && i < n; i++)
		only = strchr("_-*=~#.\xc2\xb7 ", s[i]) != NULL && s[i] != '\0';
	return only;
}

/* "Home > World > Europe", "News » Politics": a breadcrumb trail. */
static bool breadcrumb(const char *s, size_t n)
{
	int seps = 0;

	if (n > 120 || (!memchr(s, '>', n) && !memchr(s, '\xBB', n)))
		return false; /* a paragraph, not a trail: no need to look */
	for (size_t i = 0; i + 2 < n; i++) {
		seps += s[i] == ' ' && s[i + 1] == '>' && s[i + 2] == ' ';
		seps += i + 3 < n && s[i] == ' ' &&
		        (unsigned char)s[i + 1] == 0xC2 &&
		        (unsigned char)s[i + 2] == 0xBB && s[i + 3] == ' ';
	}
	return seps >= 2;
}

/* A caption ending in a credit: "Crowds gather in ... (PHOTO / AFP)",
 * "... Photo: Jane Roe/Getty Images". Only the end of the line is looked
 * at, so that a dateline "PARIS (AFP) -" at a paragraph start is kept. */
static bool photo_credit(const char *s, size_t n)
{
	size_t open = n, from = n > 40 ? n - 40 : 0;
	char low[40];
	bool found = false;

	if (n <= 600 && s[n - 1] == ')') {
		while (open > 0 && s[open - 1] != '(')
			open--;
		found = open > 0 &&
		        any_prefix(s + open - 1, n - open + 1, credit_parens,
		                   QG_ARRAY_LEN(credit_parens));
	}
	if (n <= 600 && !found &&
	    any_anchor(s + from, n - from, credit_anchors,
	             QG_ARRAY_LEN(credit_anchors))) {
		lower_copy(s + from, n - from, low);
		found = any_occurs(low, n - from, credit_words,
		                   QG_ARRAY_LEN(credit_words)) &&
		        any_inside(s + from, n - from, low, credit_tails,
		                   QG_ARRAY_LEN(credit_tails));
	}
	return found;
}

/* No entry of whole is longer (bytes); test_text checks it. */
#define WHOLE_MAX 32

bool qg__boilerplate_whole_ok(void)
{
	bool ok = true;

	for (size_t k = 0; k < QG_ARRAY_LEN(whole); k++)
		ok = ok && strlen(whole[k]) <= WHOLE_MAX;
	for (size_t k = 1; k < QG_ARRAY_LEN(prefixes); k++)
		ok = ok && strcmp(prefixes[k - 1], prefixes[k]) < 0;
	for (size_t k = 0; k < QG_ARRAY_LEN(credit_tails); k++)
		ok = ok && any_occurs(credit_tails[k], strlen(credit_tails[k]),
		                      credit_words, QG_ARRAY_LEN(credit_words));
	for (size_t k = 0; k < QG_ARRAY_LEN(credit_words); k++)
		ok = ok && any_anchor(credit_words[k], strlen(credit_words[k]),
		                    credit_anchors, QG_ARRAY_LEN(credit_anchors));
	for (size_t k = 0; k < QG_ARRAY_LEN(inner); k++)
		ok = ok && any_anchor(inner[k], strlen(inner[k]), inner_anchors,
		                    QG_ARRAY_LEN(inner_anchors));
	return ok;
}

/* The line without its final ':' '.' '!' '|' equals an entry of whole. */
static bool whole_line(const char *s, size_t n)
{
	bool found = false;

	while (n > 0 && strchr(":.!|", s[n - 1]) && s[n - 1] != '\0')
		n--;
	for (size_t k = 0; !found && n <= WHOLE_MAX && k < QG_ARRAY_LEN(whole);
	     k++)
		found = equals(s, n, whole[k]);
	return found;
}

/* A short line (FURNITURE_MAX bytes at most) without quotation marks
 * holding one of the inner phrases. */
static bool short_inner(const char *s, size_t n)
{
	char low[FURNITURE_MAX];

	if (n > FURNITURE_MAX ||
	    !any_anchor(s, n, inner_anchors, QG_ARRAY_LEN(inner_anchors)) ||
	    has_quote_mark(s, n))
		return false;
	return any_inside(s, n, low, inner, QG_ARRAY_LEN(inner));
}

/* Where a "follow" prompt sends the reader. */
static const char *const follow_places[] = {
    "@", " on twitter", " on x", " on facebook", " on instagram",
    " on threads", " on bluesky", " on tiktok", " on linkedin",
};

/* "Follow Jane Roe on Twitter @janeroe": a reporter's social prompt, even
 * when a feed has wrapped the line in quotation marks. */
static bool follow_prompt(const char *s, size_t n)
{
	char low[FURNITURE_MAX];

	if (n > 0 && *s == '"') {
		s++;
		n--;
	} else if (n >= 3 && memcmp(s, "\xe2\x80\x9c", 3) == 0) {
		s += 3;
		n -= 3;
	}
	if (n > FURNITURE_MAX || !starts_with(s, n, "follow "))
		return false;
	lower_copy(s, n, low);
	return any_occurs(low, n, follow_places, QG_ARRAY_LEN(follow_places));
}

bool qg_boilerplate_line(const char *s, size_t n)
{
	bool yes = false;

	while (s && n > 0 && is_space(*s)) {
		s++;
		n--;
	}
	while (s && n > 0 && is_space(s[n - 1]))
		n--;
	if (s && n > 0) {
		yes = photo_credit(s, n) || separator(s, n) ||
		      breadcrumb(s, n) ||
		      (n <= FURNITURE_MAX &&
		       (any_prefix(s, n, prefixes, QG_ARRAY_LEN(prefixes)) ||
		        whole_line(s, n) || short_inner(s, n) ||
		        follow_prompt(s, n)));
	}
	return yes;
}
