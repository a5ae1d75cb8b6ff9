/*
 * segment.c -- paragraphs, tokens and sentences with byte offsets, by hand
 * written loops over the bytes (linear in the article's length). Sentence
 * ends are decided by punctuation, abbreviations and the capital that
 * follows; no sentence ends inside a quote.
 */
#include <string.h>

#include "segment.h"

/* Abbreviations whose period never ends a sentence by itself. KEEP THEM
 * SORTED (bytewise, as strcmp): is_abbrev() runs at every period and
 * searches them by halves; test_text checks the order. */
static const char *const abbrevs[] = {
	"a.m", "adm", "amb", "apr", "ariz", "atty", "aug", "brig", "calif",
	"capt", "cmdr", "co", "col", "corp", "cpl", "d.c", "dec", "del",
	"det", "dr", "e.g", "e.u", "etc", "feb", "fla", "ft", "gen", "gens",
	"gov", "hon", "i.e", "inc", "insp", "jan", "jr", "jul", "jun", "lt",
	"ltd", "maj", "mar", "mass", "messrs", "mme", "mr", "mrs", "ms", "mt",
	"no", "nov", "oct", "p.m", "penn", "ph.d", "pres", "prof", "pvt",
	"rep", "reps", "rev", "secy", "sen", "sens", "sep", "sept", "sgt",
	"sr", "st", "supt", "u.k", "u.n", "u.s", "va", "vs", "wash",
};

/* For each first letter of an abbreviation, its second bytes: a letter
 * (bits 0-25) or a period (bit 26). A word whose first two bytes are not
 * here is no abbreviation, without the search. Kept by hand: test_text
 * checks it against abbrevs[]. */
#define AB(c) (1u << ((c) == '.' ? 26 : (c) - 'a'))
static const uint32_t abbrev_seconds[26] = {
	['a' - 'a'] = AB('.') | AB('d') | AB('m') | AB('p') | AB('r') | AB('t') |
	              AB('u'),
	['b' - 'a'] = AB('r'),
	['c' - 'a'] = AB('a') | AB('m') | AB('o') | AB('p'),
	['d' - 'a'] = AB('.') | AB('e') | AB('r'),
	['e' - 'a'] = AB('.') | AB('t'),
	['f' - 'a'] = AB('e') | AB('l') | AB('t'),
	['g' - 'a'] = AB('e') | AB('o'),
	['h' - 'a'] = AB('o'),
	['i' - 'a'] = AB('.') | AB('n'),
	['j' - 'a'] = AB('a') | AB('r') | AB('u'),
	['l' - 'a'] = AB('t'),
	['m' - 'a'] = AB('a') | AB('e') | AB('m') | AB('r') | AB('s') | AB('t'),
	['n' - 'a'] = AB('o'),
	['o' - 'a'] = AB('c'),
	['p' - 'a'] = AB('.') | AB('e') | AB('h') | AB('r') | AB('v'),
	['r' - 'a'] = AB('e'),
	['s' - 'a'] = AB('e') | AB('g') | AB('r') | AB('t') | AB('u'),
	['u' - 'a'] = AB('.'),
	['v' - 'a'] = AB('a') | AB('s'),
	['w' - 'a'] = AB('a'),
};

/* Whether the lower-case bytes a, b may open an abbreviation. */
static bool abbrev_may_open(char a, char b)
{
	return a >= 'a' && a <= 'z' && ((b >= 'a' && b <= 'z') || b == '.') &&
	       (abbrev_seconds[a - 'a'] & AB(b));
}

bool qg__abbrevs_sorted(void)
{
	bool ok = true;

	for (size_t k = 0; ok && k < QG_ARRAY_LEN(abbrevs); k++)
		ok = (k == 0 || strcmp(abbrevs[k - 1], abbrevs[k]) < 0) &&
		     strlen(abbrevs[k]) >= 2 &&
		     abbrev_may_open(abbrevs[k][0], abbrevs[k][1]);
	return ok;
}

void qg_segments_dispose(qg_segments *sg)
{
	qg__free(sg->paras);
	qg__free(sg->sents);
	qg__free(sg->toks);
	memset(sg, 0, sizeof(*sg));
}

bool qg_cp_upper(uint32_t cp)
{
	if (cp < 0x80)
		return cp >= 'A' && cp <= 'Z';
	if (cp >= 0xC0 && cp <= 0xDE)
		return cp != 0xD7;
	if (cp >= 0x100 && cp <= 0x17F)
		return (cp & 1) == 0; /* Latin Extended-A pairs, roughly */
	if (cp >= 0x391 && cp <= 0x3A9)
		return true;
	return cp >= 0x400 && cp <= 0x42F;
}

/* ASCII, nearly all of the text, takes the short way in the hot loops
 * below; the rest goes to the full decoder and classifiers above. */
static inline uint32_t next_cp(const char *text, size_t end, size_t *i)
{
	unsigned char c = (unsigned char)text[*i];

	if (c < 0x80) {
		(*i)++;
		return c;
	}
	return qg_utf8_next(text, end, i);
}

/* ASCII letters and digits, the bytes qg_cp_letter() accepts below 0x80. */
static const bool ascii_alnum[128] = {
	['0'] = 1, ['1'] = 1, ['2'] = 1, ['3'] = 1, ['4'] = 1, ['5'] = 1,
	['6'] = 1, ['7'] = 1, ['8'] = 1, ['9'] = 1,
	['A'] = 1, ['B'] = 1, ['C'] = 1, ['D'] = 1, ['E'] = 1, ['F'] = 1,
	['G'] = 1, ['H'] = 1, ['I'] = 1, ['J'] = 1, ['K'] = 1, ['L'] = 1,
	['M'] = 1, ['N'] = 1, ['O'] = 1, ['P'] = 1, ['Q'] = 1, ['R'] = 1,
	['S'] = 1, ['T'] = 1, ['U'] = 1, ['V'] = 1, ['W'] = 1, ['X'] = 1,
	['Y'] = 1, ['Z'] = 1,
	['a'] = 1, ['b'] = 1, ['c'] = 1, ['d'] = 1, ['e'] = 1, ['f'] = 1,
	['g'] = 1, ['h'] = 1, ['i'] = 1, ['j'] = 1, ['k'] = 1, ['l'] = 1,
	['m'] = 1, ['n'] = 1, ['o'] = 1, ['p'] = 1, ['q'] = 1, ['r'] = 1,
	['s'] = 1, ['t'] = 1, ['u'] = 1, ['v'] = 1, ['w'] = 1, ['x'] = 1,
	['y'] = 1, ['z'] = 1,
};

static inline bool cp_letter(uint32_t cp)
{
	if (cp < 0x80)
		return ascii_alnum[cp];
	return qg_cp_letter(cp);
}

static inline bool cp_space(uint32_t cp)
{
	if (cp < 0x80)
		return cp == ' ' || (cp >= '\t' && cp <= '\r');
	return qg_cp_space(cp);
}

static qg_status para_add(qg_segments *sg, size_t s, size_t e)
{
	qg_status rc = qg__grow((void **)&sg->paras, &sg->cappara,
	                        sg->npara + 1, sizeof(qg_para));

	if (rc == QG_OK)
		sg->paras[sg->npara++] = (qg_para){s, e, 0, 0};
	return rc;
}

static bool blank_byte(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v';
}

qg_status qg_segment_paras(qg_segments *sg, const char *text, size_t len)
{
	qg_status rc = QG_OK;
	size_t i = 0;

	sg->npara = 0;
	while (rc == QG_OK && i < len) {
		size_t s = i, e;
		const char *nl = memchr(text + i, '\n', len - i);

		e = nl ? (size_t)(nl - text) : len;
		i = e + 1;
		while (s < e && blank_byte(text[s]))
			s++;
		while (e > s && blank_byte(text[e - 1]))
			e--;
		/* No-break spaces (U+00A0) around a line count as blank too. */
		while (e - s >= 2 && (unsigned char)text[s] == 0xC2 &&
		       (unsigned char)text[s + 1] == 0xA0)
			s += 2;
		if (e > s)
			rc = para_add(sg, s, e);
	}
	return rc;
}

static char ascii_lower(char c)
{
	return (char)((c >= 'A' && c <= 'Z') ? c + 32 : c);
}

static bool is_abbrev(const char *w, size_t n)
{
	char low[8] = {0}; /* zeroed: -O3 cannot see that only low[0..n) is read */
	size_t hi;

	if (n == 1 && w[0] >= 'A' && w[0] <= 'Z')
		return true; /* an initial: J. */
	if (n >= sizeof(low))
		return false;
	/* every abbreviation has two bytes or more, opening as listed: most
	 * words before a full stop are turned away before they are copied */
	if (n < 2 || !abbrev_may_open(ascii_lower(w[0]), ascii_lower(w[1])))
		return n == 3 && w[1] == '.'; /* dotted initials: A.B */
	for (size_t i = 0; i < n; i++)
		low[i] = ascii_lower(w[i]);
	hi = QG_ARRAY_LEN(abbrevs);
	for (size_t lo = 0; lo < hi;) {
		size_t mid = lo + (hi - lo) / 2, m = 0;
		const char *a = abbrevs[mid];

		while (m < n && a[m] == low[m]) /* stops at a's NUL too */
			m++;
		if (m == n && a[n] == '\0')
			return true;
		if (m < n && (unsigned char)low[m] > (unsigned char)a[m])
			lo = mid + 1; /* low sorts after a (a may have ended) */
		else
			hi = mid;
	}
	/* dotted initials of any kind: A.B */
	return n == 3 && w[1] == '.';
}

/* Characters that may join two letter runs inside one word. */
static bool joiner(uint32_t cp)
{
	return cp == '\'' || cp == 0x2019 || cp == '-' || cp == '.' ||
	       cp == 0x2010 || cp == 0x2011 || cp == '&';
}

/* The end of the run of ASCII letters and digits from text[j] (before
 * `end`): sixteen bytes at a time while sixteen remain (QG_SSE2), or
 * eight (QG_TEXT_WIDE), then byte by byte. */
static inline size_t alnum_run(const char *text, size_t j, size_t end)
{
#if QG_SSE2
	while (j + 16 <= end) {
		__m128i x = _mm_loadu_si128((const __m128i *)(text + j));
		unsigned stop = ~qg_alnum16(x) & 0xFFFFu;

		if (stop) /* the lowest set bit comes first */
			return j + (size_t)__builtin_ctz(stop);
		j += 16;
	}
#endif
#if QG_TEXT_WIDE
	while (j + 8 <= end) {
		uint64_t x, stop;

		memcpy(&x, text + j, 8);
		stop = ~qg_alnum8(x) & 0x8080808080808080ULL;
		if (stop) /* the lowest set byte comes first */
			return j + (size_t)(__builtin_ctzll(stop) / 8);
		j += 8;
	}
#endif
	while (j < end && (unsigned char)text[j] < 0x80 &&
	       ascii_alnum[(unsigned char)text[j]])
		j++;
	return j;
}

/* ASCII bytes that may join two letter runs (the ASCII ones of joiner()). */
static inline bool ascii_joiner(unsigned char c)
{
	return c == '\'' || c == '-' || c == '.' || c == '&';
}

/* The end of a word whose letters so far end at text[j], where a joiner
 * or a non-ASCII byte stands: letters of any script go on with it, and a
 * joiner (' - . & and their kin) when a letter follows. */
static size_t word_rest(const char *text, size_t end, size_t j)
{
	for (;;) {
		size_t k = j;
		uint32_t cp = next_cp(text, end, &k);

		if (cp_letter(cp)) {
			j = k;
		} else if (joiner(cp) && k < end) {
			size_t m = k;
			uint32_t nx = next_cp(text, end, &m);

			if (!cp_letter(nx))
				break;
			j = m;
		} else {
			break;
		}
		/* ASCII letters and digits again, up to the next byte that
		 * may go on with the word */
		j = alnum_run(text, j, end);
		if (j >= end || ((unsigned char)text[j] < 0x80 &&
		                 !ascii_joiner((unsigned char)text[j])))
			break;
	}
	return j;
}

/* One word starting at text[*i]: advances *i past it and returns its
 * flags. Always inlined into the tokenizer's loop: GCC's own choice
 * varies with the code around it and costs a tenth of the loop when it
 * calls. */
#if defined(__GNUC__)
__attribute__((always_inline))
#endif
static inline unsigned scan_word(const char *text, size_t end, size_t *i)
{
	size_t j = *i, start = *i;
	uint32_t first = next_cp(text, end, &j);
	unsigned flags = QG_T_WORD;

	if (first < 0x80 ? (first >= 'A' && first <= 'Z') : qg_cp_upper(first))
		flags |= QG_T_CAP;
	/* the common case: a run of ASCII letters and digits, ended by an
	 * ASCII byte that joins nothing (a space, a comma); the rest out of
	 * line, so that the loop keeps its registers */
	j = alnum_run(text, j, end);
	if (j < end && ((unsigned char)text[j] >= 0x80 ||
	                ascii_joiner((unsigned char)text[j])))
		j = word_rest(text, end, j);
	if (j < end && text[j] == '.' && is_abbrev(text + start, j - start)) {
		j++;
		flags |= QG_T_ABBR;
	}
	*i = j;
	return flags;
}

/* The tokens of paragraph p, appended, each written in place, all zero
 * but its span, flags and code point. The array, its count and capacity
 * stay in locals: a store into a token could alias sg's own fields, which
 * the compiler would otherwise reload after every token. */
static qg_status tokenize_para(qg_segments *sg, const char *text,
                               const qg_para *p)
{
	qg_status rc = QG_OK;
	qg_tok *toks = sg->toks;
	size_t i = p->start, end = p->end, n = sg->ntok, cap = sg->captok;

	while (rc == QG_OK && i < end) {
		size_t s = i, j = i;
		unsigned char c = (unsigned char)text[i];
		unsigned flags;
		uint32_t cp = 0;

		if (c == ' ') { /* the short ways first: a space, a word */
			i++;
			continue;
		}
		if (c < 0x80 && ascii_alnum[c]) {
			flags = scan_word(text, end, &i);
		} else {
			cp = next_cp(text, end, &j);
			if (cp_space(cp)) {
				i = j;
				continue;
			}
			if (cp_letter(cp)) {
				flags = scan_word(text, end, &i);
				cp = 0;
			} else {
				flags = QG_T_PUNCT;
				i = j;
			}
		}
		if (n >= cap) { /* rarely: the array is reused */
			rc = qg__grow((void **)&sg->toks, &sg->captok, n + 1,
			              sizeof(qg_tok));
			toks = sg->toks;
			cap = sg->captok;
		}
		if (rc == QG_OK) {
			memset(&toks[n], 0, sizeof(qg_tok));
			toks[n].start = s;
			toks[n].end = i;
			toks[n].flags = flags;
			toks[n].cp = cp;
			n++;
		}
	}
	sg->ntok = n;
	return rc;
}

static bool terminal(const qg_tok *t)
{
	return (t->flags & QG_T_PUNCT) &&
	       (t->cp == '.' || t->cp == '!' || t->cp == '?' || t->cp == 0x2026);
}

static bool closer(const qg_tok *t)
{
	return (t->flags & QG_T_PUNCT) &&
	       (t->cp == '"' || t->cp == '\'' || t->cp == 0x201D ||
	        t->cp == 0x2019 || t->cp == 0xBB || t->cp == ')' ||
	        t->cp == ']' || t->cp == 0x201C);
}

/* A closing mark or bracket: with quotes known, a mark closes when the
 * byte before it lies inside a quote. */
static bool closes(const qg_tok *t, bool (*inside)(const void *, size_t),
                   const void *ctx)
{
	if (!closer(t))
		return false;
	if (!inside || t->cp == ')' || t->cp == ']')
		return true;
	return t->start > 0 && inside(ctx, t->start - 1);
}

static bool starter(const char *text, const qg_tok *t)
{
	size_t i = t->start;
	uint32_t cp;

	if (t->flags & QG_T_CAP)
		return true;
	cp = qg_utf8_next(text, t->end, &i);
	if (t->flags & QG_T_WORD)
		return cp >= '0' && cp <= '9';
	return cp == '"' || cp == 0x201C || cp == 0x2018 || cp == '\'' ||
	       cp == 0xAB || cp == 0x201E || cp == '(' || cp == '[' ||
	       cp == 0x2014 || cp == '-';
}

static qg_status sent_add(qg_segments *sg, size_t para, size_t t0, size_t t1)
{
	qg_status rc = qg__grow((void **)&sg->sents, &sg->capsent,
	                        sg->nsent + 1, sizeof(qg_sent));

	if (rc == QG_OK) {
		sg->sents[sg->nsent] = (qg_sent){sg->toks[t0].start,
		                                 sg->toks[t1 - 1].end, para, t0,
		                                 t1};
		for (size_t k = t0; k < t1; k++)
			sg->toks[k].sent = sg->nsent;
		sg->nsent++;
	}
	return rc;
}

/* Cut the tokens [t0, t1) of paragraph `pi` into sentences. The tokens
 * are read through a local pointer (sent_add() writes into them but never
 * moves them), so that the walk to the next full stop stays short. */
static qg_status split_para(qg_segments *sg, const char *text, size_t pi,
                            size_t t0, size_t t1,
                            bool (*inside)(const void *, size_t),
                            const void *ctx)
{
	const qg_tok *toks = sg->toks;
	qg_status rc = QG_OK;
	size_t s = t0;

	for (size_t i = t0; rc == QG_OK && i < t1; i++) {
		size_t j;

		while (i < t1 && !terminal(&toks[i]))
			i++;
		if (i >= t1)
			break;
		j = i + 1;
		while (j < t1 && (terminal(&toks[j]) ||
		                  closes(&toks[j], inside, ctx)))
			j++;
		if (j >= t1)
			break;
		if (inside && inside(ctx, toks[j - 1].start))
			continue;
		if (!starter(text, &toks[j]))
			continue;
		rc = sent_add(sg, pi, s, j);
		s = j;
		i = j - 1;
	}
	if (rc == QG_OK && s < t1)
		rc = sent_add(sg, pi, s, t1);
	return rc;
}

qg_status qg_segment_sents(qg_segments *sg, const char *text, size_t len,
                           bool (*inside)(const void *ctx, size_t pos),
                           const void *ctx)
{
	qg_status rc = QG_OK;

	(void)len;
	sg->ntok = 0;
	sg->nsent = 0;
	for (size_t p = 0; rc == QG_OK && p < sg->npara; p++) {
		size_t t0 = sg->ntok;

		sg->paras[p].sent0 = sg->nsent;
		rc = tokenize_para(sg, text, &sg->paras[p]);
		if (rc == QG_OK && sg->ntok > t0)
			rc = split_para(sg, text, p, t0, sg->ntok, inside, ctx);
		sg->paras[p].sent1 = sg->nsent;
	}
	return rc;
}

size_t qg_tok_at(const qg_segments *sg, size_t pos)
{
	size_t lo = 0, hi = sg->ntok;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (sg->toks[mid].end <= pos)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}
