/*
 * header.c -- qg_header_parse(): the few short lines before an article's
 * body (site banner, section label, date line, headline, byline, photo
 * caption) and the wire dateline that opens the first paragraph.
 *
 * Every decision is made from the shape of a line (word count, final
 * punctuation, capitalisation, a date in it) so that it carries over to
 * publishers never seen; the only word lists are a few section labels,
 * newsroom roles and news agencies, kept here on purpose (the outlet
 * gazetteer lives in the lexicon module, which the text layer must not
 * depend on). Only the first QG_HEADER_MAX_LINES lines and
 * QG_HEADER_MAX_BYTES bytes are read, so the cost per article is bounded.
 */
#include <string.h>

#include "header.h"
#include "segment.h" /* QG_TEXT_WIDE */

/* A line of the header window: [s, e) without the newline or edge blanks. */
typedef struct hline {
	size_t s, e;
	size_t next; /* offset of the following line */
	int words;
	bool cut; /* the window ended inside this line */
} hline;

typedef struct hstate {
	const char *t;
	size_t len;
	hline lines[QG_HEADER_MAX_LINES];
	int count;
	char banner_date[11];
	bool have_date, have_title, have_byline;
} hstate;

/* Section and furniture words that are never a person's name (common
 * news-site sections, public knowledge). */
static const char *const label_words[] = {
    "news",          "world",      "politics",
    "business",      "opinion",    "sport",
    "sports",        "brief",      "briefs",
    "analysis",      "exclusive",  "breaking",
    "live",          "update",     "updates",
    "tech",          "technology", "health",
    "science",       "culture",    "entertainment",
    "economy",       "local",      "national",
    "international", "europe",     "asia",
    "africa",        "americas",   "video",
    "commentary",    "editorial",  "feature",
    "features",      "markets",    "story",
    "top",           "latest",     "home",
    "abstract",      "summary",    "review",
    "column",        "election",   "elections",
    "investigation", "interview",  "middle",
    "east",          "us",         "uk",
    "u.s.",          "china",      "russia",
    "ukraine",       "crime",      "money",
    "lifestyle",     "travel",     "weather",
    "climate",       "defense",    "defence",
    "security",      "diplomacy",  "region",
    "nation",        "metro",      "photos",
    "podcast",       "explainer",  "fact",
    "check",         "voices",     "letters",
    "obituaries",    "more",       "text",
    "full",
};

/* News agencies and the words outlets' names end in (public knowledge:
 * the major wire services and common masthead words). */
static const char *const agency_words[] = {
    "reuters",    "ap",          "afp",     "xinhua",    "upi",
    "tass",       "bloomberg",   "dpa",     "ansa",      "efe",
    "kyodo",      "yonhap",      "pti",     "ians",      "ani",
    "interfax",   "sputnik",     "anadolu", "bernama",   "cna",
    "cnn",        "bbc",         "press",   "news",      "agency",
    "agencies",   "times",       "post",    "herald",    "tribune",
    "wire",       "wires",       "media",   "network",   "service",
    "television", "tv",          "radio",   "daily",     "journal",
    "gazette",    "newsroom",    "online",  "novosti",   "telegraph",
    "guardian",   "independent", "express", "chronicle", "observer",
    "courier",    "examiner",
};

/* Newsroom roles written after a byline ("Jane Roe, Staff Writer"). */
static const char *const role_words[] = {
    "staff",         "writer",         "writers",  "reporter",  "reporters",
    "correspondent", "correspondents", "editor",   "editors",   "contributor",
    "contributors",  "columnist",      "producer", "analyst",   "senior",
    "chief",         "political",      "special",  "freelance", "associate",
};

/* Lower-case particles allowed inside a person's name. */
static const char *const name_particles[] = {
    "and", "de",  "van", "von", "der", "den", "bin", "al",  "da",
    "di",  "del", "la",  "le",  "du",  "dos", "das", "ibn",
};

static const char *const said_words[] = {"said"};

static bool is_upper(char c)
{
	return c >= 'A' && c <= 'Z';
}

static bool is_lower(char c)
{
	return c >= 'a' && c <= 'z';
}

static bool is_digit(char c)
{
	return c >= '0' && c <= '9';
}

static bool is_blank(char c)
{
	return c == ' ' || c == '\t' || c == '\r';
}

static char lower(char c)
{
	return is_upper(c) ? (char)(c + 32) : c;
}

static bool is_nbsp(const char *t, size_t i, size_t e)
{
	return i + 1 < e && (unsigned char)t[i] == 0xC2 &&
	       (unsigned char)t[i + 1] == 0xA0;
}

/* Whether the word [s, s+n) (edge punctuation dropped) is in list. */
static bool in_list(const char *s, size_t n, const char *const *list,
                    size_t count)
{
	bool found = false;

	while (n > 0 && strchr(",;:!?|)\"'", s[n - 1]) && s[n - 1] != '\0')
		n--;
	while (n > 0 && strchr("(\"'", s[0]) && s[0] != '\0') {
		s++;
		n--;
	}
	if (n > 1 && s[n - 1] == '.' && s[n - 2] != '.' &&
	    !(n > 2 && s[n - 3] == '.'))
		n--; /* "Press." but not "U.S." */
	for (size_t k = 0; !found && k < count; k++) {
		size_t len = strlen(list[k]), i = 0;

		while (len == n && i < len && lower(s[i]) == list[k][i])
			i++;
		found = len == n && i == len;
	}
	return found;
}

/* Whether any blank-separated word of [a, e) is in list. */
static bool any_word_in(const char *s, size_t a, size_t e,
                        const char *const *list, size_t count)
{
	bool found = false;

	for (size_t i = a; !found && i < e; i++) {
		size_t j = i;

		if (s[i] == ' ' || (i > a && s[i - 1] != ' '))
			continue;
		while (j < e && s[j] != ' ')
			j++;
		found = in_list(s + i, j - i, list, count);
	}
	return found;
}

/* The high bit of each byte of x that is a space or a tab. */
static inline uint64_t blanks8(uint64_t x)
{
	const uint64_t ones = 0x0101010101010101ULL, low7 = ones * 0x7F;
	uint64_t sp = x ^ (ones * ' '), tab = x ^ (ones * '\t');

	/* a zero byte of sp or tab, exactly (no borrow between bytes) */
	sp = ~(((sp & low7) + low7) | sp);
	tab = ~(((tab & low7) + low7) | tab);
	return (sp | tab) & ones * 0x80;
}

/* How many bytes of x have their high bit set, x having no other bit
 * set: the bytes, each 0 or 1 once shifted down, summed into the top
 * byte by one multiplication (at most 8: no carry out). A popcount
 * would be a libgcc call on a machine target without the instruction. */
static inline int high_bits8(uint64_t x)
{
	return (int)(((x >> 7) * 0x0101010101010101ULL) >> 56);
}

#if QG_SSE2
/* The bits set in a 16-bit mask (a popcount instruction is not part of
 * baseline x86-64, and __builtin_popcount would then be a libgcc call). */
static inline int bits16(unsigned x)
{
	x = x - ((x >> 1) & 0x5555u);
	x = (x & 0x3333u) + ((x >> 2) & 0x3333u);
	x = (x + (x >> 4)) & 0x0F0Fu;
	return (int)((x + (x >> 8)) & 0x1Fu);
}
#endif

/* Words of [a, e), runs of bytes other than space and tab (every header
 * line is counted): sixteen bytes at a time with SSE2, or eight, then
 * byte by byte. */
static int count_words(const char *s, size_t a, size_t e)
{
	int w = 0;
	bool in = false;
	size_t i = a;

#if QG_SSE2
	for (; i + 16 <= e; i += 16) {
		__m128i x = _mm_loadu_si128((const __m128i *)(s + i));
		__m128i blank = _mm_or_si128(_mm_cmpeq_epi8(x, _mm_set1_epi8(' ')),
		                             _mm_cmpeq_epi8(x, _mm_set1_epi8('\t')));
		unsigned word = ~(unsigned)_mm_movemask_epi8(blank) & 0xFFFFu;

		/* a word starts at a byte after a blank (bit k + 1 follows
		 * bit k) */
		w += bits16(word & ~(word << 1 | (in ? 1u : 0u)));
		in = word >> 15;
	}
#endif
#if QG_TEXT_WIDE
	for (; i + 8 <= e; i += 8) {
		uint64_t x, word;

		memcpy(&x, s + i, 8);
		word = ~blanks8(x) & 0x8080808080808080ULL;
		/* a word starts at a byte after a blank (byte k + 1 follows
		 * byte k) */
		w += high_bits8(word & ~(word << 8 | (in ? 0x80u : 0)));
		in = word >> 63;
	}
#endif
	for (; i < e; i++) {
		bool sp = s[i] == ' ' || s[i] == '\t';

		if (!sp && !in)
			w++;
		in = !sp;
	}
	return w;
}

/* Whether [i, i+strlen(w)) of t, inside [.., e), is exactly w. */
static bool str_at(const char *t, size_t i, size_t e, const char *w)
{
	size_t n = strlen(w);

	return i + n <= e && memcmp(t + i, w, n) == 0;
}

static bool has_digit(const char *s, size_t a, size_t e)
{
	bool found = false;

	for (size_t i = a; !found && i < e; i++)
		found = is_digit(s[i]);
	return found;
}

static bool has_quote_mark(const char *s, size_t a, size_t e)
{
	bool found = false;

	for (size_t i = a; !found && i < e; i++)
		found =
		    s[i] == '"' || (i + 2 < e && (unsigned char)s[i] == 0xE2 &&
		                    (unsigned char)s[i + 1] == 0x80 &&
		                    ((unsigned char)s[i + 2] == 0x9C ||
		                     (unsigned char)s[i + 2] == 0x9D));
	return found;
}

static bool dateline_at(const char *t, size_t a, size_t e, qg_span *place,
                        qg_span *agency, qg_span *when);

/* ------------------------------------------------------------ lines */

/* Drop blanks, no-break spaces included, from both ends of [*s, *e). */
static void trim_line(const char *t, size_t *s, size_t *e)
{
	bool more = true;

	while (more) {
		more = *s < *e;
		if (more && is_blank(t[*s]))
			(*s)++;
		else if (more && is_nbsp(t, *s, *e))
			*s += 2;
		else if (more && is_blank(t[*e - 1]))
			(*e)--;
		else if (more && *e >= *s + 2 && is_nbsp(t, *e - 2, *e))
			*e -= 2;
		else
			more = false;
	}
}

/* Split the header window into lines; stops at the byte or line cap. */
static void split_lines(hstate *h)
{
	size_t lim =
	    h->len < QG_HEADER_MAX_BYTES ? h->len : QG_HEADER_MAX_BYTES;
	size_t i = 0;

	while (i < lim && h->count < QG_HEADER_MAX_LINES) {
		hline *l = &h->lines[h->count++];
		const char *nl = memchr(h->t + i, '\n', lim - i);
		size_t end = nl ? (size_t)(nl - h->t) : lim;

		l->cut = !nl && lim < h->len;
		l->next = nl ? end + 1 : end;
		l->s = i;
		l->e = end;
		trim_line(h->t, &l->s, &l->e);
		l->words = count_words(h->t, l->s, l->e);
		i = l->next;
	}
}

/* The last byte of [a, e) that is no closing quote mark or bracket. */
static char final_char(const char *s, size_t a, size_t e)
{
	char c = '\0';

	while (e > a && !c) {
		unsigned char b = (unsigned char)s[e - 1];

		if (b == '"' || b == '\'' || b == ')')
			e--;
		else if (e - a >= 3 && b >= 0x98 && b <= 0x9D &&
		         (unsigned char)s[e - 2] == 0x80 &&
		         (unsigned char)s[e - 3] == 0xE2)
			e -= 3; /* ’ ” and kin */
		else
			c = (char)b;
	}
	return c;
}

static bool next_is_blank(const hstate *h, int i)
{
	return i + 1 >= h->count || h->lines[i + 1].s == h->lines[i + 1].e;
}

/* Whether any text follows line i: a title needs a body under it. */
static bool body_follows(const hstate *h, int i)
{
	bool found = h->count > 0 && h->lines[h->count - 1].next < h->len;

	for (int j = i + 1; !found && j < h->count; j++)
		found = h->lines[j].s < h->lines[j].e;
	return found;
}

/* ------------------------------------------------------------ shapes */

/* Share of words that start with a capital letter or a digit, in 0..100;
 * short lower-case function words are skipped, as Title Case does. */
static int title_case_pct(const char *s, size_t a, size_t e)
{
	int words = 0, caps = 0;

	for (size_t i = a; i < e; i++) {
		size_t j = i;

		if (s[i] == ' ' || (i > a && s[i - 1] != ' '))
			continue;
		while (j < e && s[j] != ' ')
			j++;
		if (j - i <= 3 && is_lower(s[i]))
			continue; /* "of", "the", "in" */
		words++;
		caps += !is_lower(s[i]);
	}
	return words ? caps * 100 / words : 0;
}

/* "World News", "Brief", "ABSTRACT.": one to three words, no sentence. */
static bool is_label(const hstate *h, const hline *l)
{
	const char *t = h->t;
	char f = final_char(t, l->s, l->e);
	bool caps =
	    l->e - l->s >= 2 && is_upper(t[l->s]) && is_upper(t[l->s + 1]);

	return l->words >= 1 && l->words <= 3 && !has_digit(t, l->s, l->e) &&
	       (f != '.' || caps) && f != '?' && f != '!' &&
	       !has_quote_mark(t, l->s, l->e) &&
	       (l->words == 1 ||
	        any_word_in(t, l->s, l->e, label_words,
	                    QG_ARRAY_LEN(label_words)) ||
	        any_word_in(t, l->s, l->e, role_words,
	                    QG_ARRAY_LEN(role_words)));
}

/* A headline: a short line that is no sentence of running text and has a
 * body under it. Titles of corpora that end every title with a period
 * are allowed for when a blank line follows and the line is short, in
 * Title Case or split by a colon. Reported speech ("she said") and lines
 * that open in lower case are running text. */
static bool is_headline(const hstate *h, int i)
{
	const hline *l = &h->lines[i];
	const char *t = h->t;
	char f = final_char(t, l->s, l->e);
	int tc = title_case_pct(t, l->s, l->e);
	qg_span place, agency, when;
	bool ok = l->words >= 2 && l->words <= 25 && f != ',' &&
	          !is_lower(t[l->s]) && body_follows(h, i);

	ok = ok && (tc >= 60 || !any_word_in(t, l->s, l->e, said_words, 1));
	ok = ok && !(f == ':' && l->words > 6); /* "He said in a statement:" */
	if (ok && f == '.')
		ok = next_is_blank(h, i) &&
		     (l->words <= 15 || tc >= 60 ||
		      memchr(t + l->s, ':', l->e - l->s) != NULL);
	if (ok && l->words == 2)
		ok = next_is_blank(h, i) || tc == 100;
	/* "(Reuters) - Shares fell." opens a body */
	return ok && !dateline_at(t, l->s, l->e, &place, &agency, &when);
}

/* "Updated 3 hours ago", "Posted 10:35 AM EDT": time stamps without a
 * full date; skipped like a date line. */
static bool meta_line(const hstate *h, const hline *l)
{
	static const char *const stamps[] = {
	    "updated",         "published",     "posted",   "last updated",
	    "first published", "last modified", "modified",
	};
	const char *t = h->t;
	bool found = false;

	for (size_t k = 0; !found && k < QG_ARRAY_LEN(stamps); k++) {
		size_t n = strlen(stamps[k]), i = 0;

		while (i < n && l->s + i < l->e &&
		       lower(t[l->s + i]) == stamps[k][i])
			i++;
		found = i == n && l->s + n < l->e &&
		        (t[l->s + n] == ' ' || t[l->s + n] == ':');
	}
	found = found || (l->words <= 6 && l->e - l->s > 4 &&
	                  str_at(t, l->e - 4, l->e, " ago"));
	return found && l->words <= 12 && !has_quote_mark(t, l->s, l->e);
}

/* "Today : Mar 18, 2025": a page's capture banner, not the article date
 * unless no other line gives one. */
static bool banner_line(hstate *h, const hline *l)
{
	const char *t = h->t;
	size_t i = l->s + 5;
	bool ok = !h->banner_date[0] && l->e - l->s >= 6 &&
	          strncmp(t + l->s, "Today", 5) == 0;

	while (ok && i < l->e && is_blank(t[i]))
		i++;
	ok = ok && i < l->e && (t[i] == ':' || t[i] == '-' || t[i] == ',');
	return ok && qg_date_find(t + i, l->e - i, h->banner_date);
}

/* ------------------------------------------------------------ bylines */

/* What a byline chunk is separated from the next by. */
typedef enum chunk_sep {
	SEP_LIST = 0, /* ",", "|", " - ", a dash or a bullet */
	SEP_IN,       /* " in ", " at ": a place follows */
	SEP_FOR       /* " for ": an outlet follows */
} chunk_sep;

/* What a byline says, before it is written into the header. */
typedef struct byline {
	qg_span names;  /* the person or people */
	qg_span agency; /* an agency or outlet */
	char date[11];
	bool unknown; /* a chunk that is neither name, outlet, role nor date */
} byline;

/* A dash (U+2013, U+2014) or bullet (U+2022) at i: a chunk separator.
 * Other E2 80 xx characters (’) belong to names ("O’Brien"). */
static bool sep3_at(const char *t, size_t i, size_t e)
{
	return str_at(t, i, e, "\xe2\x80\x93") ||
	       str_at(t, i, e, "\xe2\x80\x94") ||
	       str_at(t, i, e, "\xe2\x80\xa2");
}

/* The end of the byline chunk starting at a; *next is where the next
 * chunk starts and *sep what separates them. */
static size_t chunk_end(const char *t, size_t a, size_t e, chunk_sep *sep,
                        size_t *next)
{
	static const struct {
		const char *s;
		chunk_sep sep;
	} words[] = {
	    {" - ", SEP_LIST}, {" on ", SEP_LIST}, /* "Posted by Jane Roe on 2
	                                              March 2025" */
	    {" in ", SEP_IN},  {" at ", SEP_IN},   {" for ", SEP_FOR},
	};
	size_t end = e;

	*sep = SEP_LIST;
	*next = e;
	for (size_t i = a; end == e && i < e; i++) {
		if (strchr(",|()/", t[i]) && t[i] != '\0') {
			end = i;
			*next = i + 1;
		} else if (sep3_at(t, i, e)) {
			end = i;
			*next = i + 3;
		}
		for (size_t k = 0; end == e && k < QG_ARRAY_LEN(words); k++) {
			if (str_at(t, i, e, words[k].s)) {
				end = i;
				*next = i + strlen(words[k].s);
				*sep = words[k].sep;
			}
		}
	}
	return end;
}

/* [a, e) without edge blanks and without a sentence's final period
 * ("Reuters." but not "Jane Q."). */
static void trim_chunk(const char *t, size_t *a, size_t *e)
{
	trim_line(t, a, e);
	if (*e - *a > 2 && t[*e - 1] == '.' && is_lower(t[*e - 2]))
		(*e)--;
}

/* "Sarah Johnson", "JANE ROE AND TOM LEE", "Ana de la Cruz": two to six
 * words, each capitalised (or non-ASCII, or a particle), no digits, no
 * agency or role word. */
static bool chunk_is_person(const char *t, size_t a, size_t e)
{
	int words = count_words(t, a, e);
	bool ok =
	    words >= 2 && words <= 6 && is_upper(t[a]) && !has_digit(t, a, e) &&
	    !any_word_in(t, a, e, agency_words, QG_ARRAY_LEN(agency_words)) &&
	    !any_word_in(t, a, e, role_words, QG_ARRAY_LEN(role_words));

	for (size_t i = a; ok && i < e; i++) {
		size_t j = i;

		if (t[i] == ' ' || (i > a && t[i - 1] != ' '))
			continue;
		while (j < e && t[j] != ' ')
			j++;
		ok = !is_lower(t[i]) || in_list(t + i, j - i, name_particles,
		                                QG_ARRAY_LEN(name_particles));
	}
	return ok;
}

/* An agency or outlet: "Xinhua", "Associated Press", "The Daily Planet":
 * capitalised, one to five words, a single word or a masthead word. */
static bool chunk_is_agency(const char *t, size_t a, size_t e)
{
	int words = count_words(t, a, e);

	return words >= 1 && words <= 5 && is_upper(t[a]) &&
	       !any_word_in(t, a, e, role_words, QG_ARRAY_LEN(role_words)) &&
	       (words == 1 ||
	        any_word_in(t, a, e, agency_words, QG_ARRAY_LEN(agency_words)));
}

/* Classify one chunk after the first: an outlet, a role, a date or a
 * place ("in London"); anything else marks the line as no byline. */
static void byline_extra(const char *t, size_t a, size_t e, chunk_sep sep,
                         byline *b)
{
	char date[11];

	if (sep == SEP_IN || e == a) {
		/* a place or an empty chunk: nothing to keep */
	} else if (qg_date_find(t + a, e - a, date)) {
		if (!b->date[0])
			memcpy(b->date, date, sizeof(date));
	} else if (any_word_in(t, a, e, role_words, QG_ARRAY_LEN(role_words))) {
		/* "Staff Writer", "Senior Correspondent" */
	} else if (chunk_is_agency(t, a, e)) {
		if (b->agency.end == 0)
			b->agency = (qg_span){a, e};
	} else {
		b->unknown = true;
	}
}

/* A date opening [a, e) ("March 17, 2025 10:35"): kept in b; *next is
 * where the text after it starts. */
static bool date_chunk(const char *t, size_t a, size_t e, byline *b,
                       size_t *next)
{
	qg_span at = {0, 0};
	char date[11];
	bool ok = qg_date_find_at(t + a, e - a, date, &at) && at.start == 0;

	if (ok) {
		if (!b->date[0])
			memcpy(b->date, date, sizeof(date));
		*next = a + at.end;
	}
	return ok;
}

/* Read [a, e) as "names[, outlet][, role][, date]". False when the first
 * chunk is neither a person nor (unless person_first) an agency. */
static bool read_byline(const char *t, size_t a, size_t e, bool person_first,
                        byline *b)
{
	size_t pos = a, next = a, ce, ca;
	chunk_sep sep = SEP_LIST, nsep = SEP_LIST;
	bool names = true, first = true, ok = true, dated;

	memset(b, 0, sizeof(*b));
	while (ok && pos < e) {
		ca = pos;
		ce = e;
		trim_line(t, &ca, &ce);
		dated = !first && date_chunk(t, ca, e, b, &next);
		if (dated) {
			nsep = SEP_LIST;
		} else {
			ce = chunk_end(t, ca, e, &nsep, &next);
			trim_chunk(t, &ca, &ce);
		}
		if (dated || ce <= ca) {
			names =
			    names && !dated; /* "By , Jane Roe" stays names */
		} else if (names && sep == SEP_LIST &&
		           chunk_is_person(t, ca, ce)) {
			b->names.start = b->names.end ? b->names.start : ca;
			b->names.end = ce;
		} else if (first) {
			ok = !person_first && chunk_is_agency(t, ca, ce);
			b->agency = ok ? (qg_span){ca, ce} : b->agency;
			names = false;
		} else {
			names = false;
			byline_extra(t, ca, ce, sep, b);
		}
		first = first && ce <= ca && !dated;
		sep = nsep;
		pos = next;
	}
	return ok && (b->names.end > 0 || b->agency.end > 0);
}

/* Write what a byline said into the header; earlier lines win. */
static void keep_byline(hstate *h, const byline *b, qg_header *out)
{
	if (b->names.end > 0 && !h->have_byline) {
		out->byline = b->names;
		h->have_byline = true;
	}
	if (b->agency.end > 0 && out->publisher.end == 0)
		out->publisher = b->agency;
	if (b->date[0] && !h->have_date) {
		memcpy(out->date, b->date, sizeof(b->date));
		h->have_date = true;
	}
}

/* "By Sarah Johnson", "BY JANE ROE AND TOM LEE", "By Xinhua",
 * "Written by Jane Roe, Reuters | March 3, 2024". */
static bool byline_line(hstate *h, const hline *l, qg_header *out)
{
	static const char *const verbs[] = {"Written by ", "Words by ",
	                                    "Posted by ",  "Reported by ",
	                                    "Story by ",   "Report by "};
	const char *t = h->t;
	size_t a = l->s;
	byline b;
	bool ok;

	for (size_t k = 0; a == l->s && k < QG_ARRAY_LEN(verbs); k++) {
		if (str_at(t, a, l->e, verbs[k]))
			a += strlen(verbs[k]) - 3; /* to "by " */
	}
	ok = l->words >= 2 && l->words <= 16 &&
	     (str_at(t, a, l->e, "By ") || str_at(t, a, l->e, "BY ") ||
	      str_at(t, a, l->e, "by "));
	ok = ok && read_byline(t, a + 3, l->e, false, &b);
	if (ok && !b.date[0])
		qg_date_find(t + a, l->e - a,
		             b.date); /* "| Published March 3" */
	if (ok)
		keep_byline(h, &b, out);
	return ok;
}

/* A bare author line under the headline: "Sarah Johnson",
 * "Jane Roe, Staff Writer". Every chunk must be accounted for. */
static bool name_line(hstate *h, const hline *l, qg_header *out)
{
	byline b;
	bool ok = h->have_title && !h->have_byline && l->words <= 12 &&
	          final_char(h->t, l->s, l->e) != '.' &&
	          !has_quote_mark(h->t, l->s, l->e) &&
	          read_byline(h->t, l->s, l->e, true, &b) && !b.unknown;

	if (ok)
		keep_byline(h, &b, out);
	return ok;
}

/* Whether the line mostly holds a date: "17 March 2025", "Published:
 * 10:35, March 17, 2025 | Updated: ...", "Monday, March 17, 2025". */
static bool date_shape(const hstate *h, const hline *l, char date[11],
                       qg_span *at)
{
	const char *t = h->t;
	int rest = 0;
	bool ok =
	    l->words <= 16 && qg_date_find_at(t + l->s, l->e - l->s, date, at);

	if (ok)
		rest =
		    l->words - count_words(t, l->s + at->start, l->s + at->end);
	return ok && (rest <= 4 || (l->words <= 12 && !is_lower(t[l->s]) &&
	                            final_char(t, l->s, l->e) != '.'));
}

/* A date line, recorded: the first one gives the article date. An
 * outlet before the date is kept when it has a masthead word
 * ("Caldermoor Courier, 21 January 2025"; "Valmont, 5 May 2025" names a
 * place). */
static bool date_line(hstate *h, const hline *l, qg_header *out)
{
	const char *t = h->t;
	qg_span at = {0, 0};
	char date[11];
	size_t a = l->s, e;
	bool ok = date_shape(h, l, date, &at);

	if (ok && !h->have_date) {
		memcpy(out->date, date, sizeof(date));
		h->have_date = true;
	}
	e = ok ? l->s + at.start : a;
	while (e > a && (is_blank(t[e - 1]) || t[e - 1] == ',' ||
	                 t[e - 1] == '|' || t[e - 1] == '-'))
		e--;
	if (e > a && out->publisher.end == 0 && chunk_is_agency(t, a, e) &&
	    any_word_in(t, a, e, agency_words, QG_ARRAY_LEN(agency_words)))
		out->publisher = (qg_span){a, e};
	return ok;
}

/* Whether a word of [a, e) is a section word that is no masthead word:
 * "World News" is a section, "Fox News" may be an outlet. */
static bool section_word_in(const char *t, size_t a, size_t e)
{
	bool found = false;

	for (size_t i = a; !found && i < e; i++) {
		size_t j = i;

		if (t[i] == ' ' || (i > a && t[i - 1] != ' '))
			continue;
		while (j < e && t[j] != ' ')
			j++;
		found = in_list(t + i, j - i, label_words,
		                QG_ARRAY_LEN(label_words)) &&
		        !in_list(t + i, j - i, agency_words,
		                 QG_ARRAY_LEN(agency_words));
	}
	return found;
}

/* The end of [a, e) without trailing role words ("Reuters Staff"). */
static size_t drop_roles(const char *t, size_t a, size_t e)
{
	size_t w = e;
	bool role = true;

	while (role && e > a) {
		w = e;
		while (w > a && t[w - 1] != ' ')
			w--;
		role = w > a && in_list(t + w, e - w, role_words,
		                        QG_ARRAY_LEN(role_words));
		if (role)
			e = w - 1;
	}
	while (e > a && is_blank(t[e - 1]))
		e--;
	return e;
}

/* An agency credit alone under the headline: "Reuters",
 * "Associated Press", "Reuters Staff". */
static bool agency_line(hstate *h, const hline *l, qg_header *out)
{
	const char *t = h->t;
	size_t e = l->e, a = l->s;
	bool ok =
	    h->have_title && l->words <= 4 && is_upper(t[a]) &&
	    !has_digit(t, a, e) && !has_quote_mark(t, a, e) &&
	    final_char(t, a, e) != '.' &&
	    any_word_in(t, a, e, agency_words, QG_ARRAY_LEN(agency_words)) &&
	    !section_word_in(t, a, e);

	if (ok && out->publisher.end == 0)
		out->publisher = (qg_span){a, drop_roles(t, a, e)};
	return ok;
}

/* ------------------------------------------------------------ dateline */

/* Whether a word of [a, e) starts in lower case, as in a sentence. */
static bool lower_word_in(const char *t, size_t a, size_t e)
{
	bool found = false;

	for (size_t i = a + 1; !found && i < e; i++)
		found = t[i - 1] == ' ' && is_lower(t[i]);
	return found;
}

/* Whether [a, e) is a dateline place: "MOSCOW", "HEMPSTEAD, N.Y.",
 * "NEWPORT NEWS, Va.": the part before the first comma in capitals, no
 * digits or quotation marks anywhere. */
static bool place_ok(const char *t, size_t a, size_t e)
{
	size_t caps = 0, i;
	bool ok = e > a && e - a <= 60 && !has_digit(t, a, e) &&
	          !has_quote_mark(t, a, e);

	for (i = a; ok && i < e && t[i] != ','; i++) {
		ok = !is_lower(t[i]);
		caps += is_upper(t[i]);
	}
	return ok && caps >= 2;
}

/* The dash that closes a dateline, within the first 120 bytes of the
 * paragraph: " - ", " -- ", " – ", " — " (or glued "MOSCOW- "); 0 when
 * there is none. */
static size_t dateline_dash(const char *t, size_t a, size_t e)
{
	size_t lim = e - a > 120 ? a + 120 : e, dash = 0;

	for (size_t i = a + 1; !dash && i < lim; i++) {
		size_t w = 0;

		if (t[i] == '-')
			w = str_at(t, i, e, "--") ? 2 : 1;
		else if (str_at(t, i, e, "\xe2\x80\x93") ||
		         str_at(t, i, e, "\xe2\x80\x94"))
			w = 3;
		if (w && (t[i - 1] == ' ' || (i + w < e && t[i + w] == ' ')))
			dash = i;
	}
	return dash;
}

/* Just past the dash at `dash` and the blanks after it. */
static size_t dash_end(const char *t, size_t dash, size_t e)
{
	size_t i = dash;

	while (i < e && (t[i] == '-' || str_at(t, i, e, "\xe2\x80\x93") ||
	                 str_at(t, i, e, "\xe2\x80\x94")))
		i += t[i] == '-' ? 1 : 3;
	while (i < e && is_blank(t[i]))
		i++;
	return i;
}

/* "HEMPSTEAD, N.Y., Sept. 26": the end of the place without its month
 * and day; *when receives the month and day. */
static size_t strip_dateline_date(const char *t, size_t a, size_t p,
                                  qg_span *when)
{
	size_t c = p;
	qg_span at = {0, 0};
	char date[11];

	while (c > a && t[c - 1] != ',')
		c--;
	if (c > a && qg_date_scan(t + c, p - c, "2000-06-15", date, &at) &&
	    at.start <= 2 && c + at.end >= p) {
		*when = (qg_span){c + at.start, c + at.end};
		p = c - 1;
	}
	return p;
}

/* The parenthesised agency just before the dash: "(Reuters)", "(AP)".
 * Returns where the place before it ends; *open is the "(" or p. */
static size_t dateline_agency(const char *t, size_t a, size_t dash,
                              qg_span *agency, bool *ok)
{
	size_t p = dash, open;

	while (p > a && is_blank(t[p - 1]))
		p--;
	open = p;
	if (p > a && t[p - 1] == ')') {
		while (open > a && t[open - 1] != '(')
			open--;
		/* no "(", or too long for an agency */
		*ok = open > a && p - open <= 40 && is_upper(t[open]);
		if (*ok)
			*agency = (qg_span){open, p - 1};
		open = open > a ? open - 1 : open;
	}
	while (open > a && is_blank(t[open - 1]))
		open--;
	return open;
}

/* "WASHINGTON (Reuters) -", "LONDON, June 3 (AP) —", "(Reuters) -",
 * "MOSCOW - " at the start of the paragraph [a, e): the place, the
 * agency and a month-and-day ({0,0} when absent). False when the
 * paragraph opens with no dateline. */
static bool dateline_at(const char *t, size_t a, size_t e, qg_span *place,
                        qg_span *agency, qg_span *when)
{
	size_t dash = dateline_dash(t, a, e), p = a;
	/* a sentence follows: "RADIO - THE MORNING PANEL" is a banner */
	bool ok = dash > 0 && count_words(t, dash, e) > 3 &&
	          lower_word_in(t, dash, e);

	*place = *agency = *when = (qg_span){0, 0};
	if (ok)
		p = dateline_agency(t, a, dash, agency, &ok);
	if (ok)
		p = strip_dateline_date(t, a, p, when);
	ok = ok && (p == a ? agency->end > 0 : place_ok(t, a, p));
	if (ok && p > a)
		*place = (qg_span){a, p};
	if (!ok)
		*place = *agency = *when = (qg_span){0, 0};
	return ok;
}

/* ------------------------------------------------------------ the walk */

/* The headline span: one line, or two when the first ends in ';' or ':'
 * and a subtitle follows at once; a final plain period is left out. */
static void set_title(hstate *h, int *i, qg_header *out)
{
	const char *t = h->t;
	hline *l = &h->lines[*i];
	size_t e = l->e;
	char f = t[l->e - 1];

	if ((f == ';' || f == ':') && *i + 1 < h->count) {
		hline *n = &h->lines[*i + 1];

		if (n->words >= 2 && n->words <= 30 && !n->cut) {
			e = n->e;
			(*i)++;
		}
	}
	if (t[e - 1] == '.' && e - l->s > 1 && t[e - 2] != '.' &&
	    !(e - l->s > 3 && is_upper(t[e - 2]) && t[e - 3] == '.'))
		e--;
	out->title = (qg_span){l->s, e};
	h->have_title = true;
}

/* The headline, when none was seen yet and line *i is one. */
static bool title_line(hstate *h, int *i, qg_header *out)
{
	bool ok = !h->have_title && is_headline(h, *i);

	if (ok)
		set_title(h, i, out);
	return ok;
}

/* A deck (standfirst) between the headline and a byline or date line:
 * "Headline / One-sentence summary. / By Jane Roe / <date>". Without a
 * byline or date under it, such a line is the body's first paragraph. */
static bool deck_line(const hstate *h, int i)
{
	const hline *l = &h->lines[i], *n;
	char date[11];
	qg_span at;
	int j = i + 1;
	bool ok =
	    h->have_title && !h->have_byline && !h->have_date && l->words <= 45;

	while (ok && j < h->count && h->lines[j].s == h->lines[j].e &&
	       j < i + 3)
		j++;
	ok = ok && j < h->count && !h->lines[j].cut;
	n = ok ? &h->lines[j] : l;
	return ok &&
	       (str_at(h->t, n->s, n->e, "By ") ||
	        str_at(h->t, n->s, n->e, "BY ") || date_shape(h, n, date, &at));
}

/* Classify one non-blank header line, recording what it gives; false
 * when the body starts here. Order matters: furniture and dates first,
 * so that they are never taken for a headline. */
static bool header_line(hstate *h, int *i, qg_header *out)
{
	hline *l = &h->lines[*i];

	return !l->cut && l->words <= 40 &&
	       (qg_boilerplate_line(h->t + l->s, l->e - l->s) ||
	        banner_line(h, l) || byline_line(h, l, out) ||
	        date_line(h, l, out) || meta_line(h, l) ||
	        agency_line(h, l, out) || is_label(h, l) ||
	        title_line(h, i, out) || name_line(h, l, out) ||
	        deck_line(h, *i));
}

/* The dateline opening the body: its place, its agency when no earlier
 * line named one, and its month and day when no line gave a date but the
 * capture banner gives a year to read them in. */
static void body_dateline(hstate *h, size_t a, size_t e, qg_header *out)
{
	qg_span place, agency, when;
	char date[11];

	if (dateline_at(h->t, a, e, &place, &agency, &when)) {
		out->dateline = place;
		out->dateline_end = dash_end(h->t, dateline_dash(h->t, a, e), e);
		if (out->publisher.end == 0)
			out->publisher = agency;
		if (!h->have_date && h->banner_date[0] && when.end > 0 &&
		    qg_date_resolve(h->t + when.start, when.end - when.start,
		                    h->banner_date, date)) {
			memcpy(out->date, date, sizeof(date));
			h->have_date = true;
		}
	}
}

/* Walk the header window until the first line of body. */
static void walk(hstate *h, qg_header *out)
{
	bool body = false;

	for (int i = 0; !body && i < h->count; i++) {
		hline *l = &h->lines[i];

		if (l->s == l->e)
			continue;
		body = !header_line(h, &i, out);
		if (body) {
			out->body = l->s;
			body_dateline(h, l->s, l->e, out);
		}
	}
	if (!body && h->count > 0)
		out->body = h->lines[h->count - 1].next;
	if (!h->have_date && h->banner_date[0])
		memcpy(out->date, h->banner_date, sizeof(h->banner_date));
}

qg_status qg_header_parse(const char *text, size_t len, qg_header *out)
{
	qg_status rc = QG_OK;
	hstate h;

	if (!out || (!text && len > 0)) {
		rc = QG_ERR_USAGE;
	} else {
		memset(out, 0, sizeof(*out));
		memset(&h, 0, sizeof(h));
		h.t = text;
		h.len = len;
		split_lines(&h);
		walk(&h, out);
	}
	return rc;
}
