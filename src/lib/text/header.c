/*
 * header.c -- qg_header_parse(): the few short lines before an article's
 * body (site banner, section label, date line, headline, byline, photo
 * caption) and the wire dateline that opens the first paragraph.
 *
 * Every decision is made from the shape of a line (word count, final
 * punctuation, capitalisation, a date in it) so that it carries over to
 * publishers never seen; the only word lists are a few section labels and
 * news agencies, kept here on purpose (the outlet gazetteer lives in the
 * lexicon module, which the text layer must not depend on).
 */
#include <string.h>

#include "header.h"

/* A line of the header window: [s, e) without the newline or edge blanks. */
typedef struct hline {
	size_t s, e;
	size_t next; /* offset of the following line */
	int words;
	bool cut; /* the window ended inside this line */
} hline;

typedef struct hstate {
	const char *t;
	hline lines[QG_HEADER_MAX_LINES];
	int count;
	char banner_date[11];
	bool have_date, have_title, have_byline;
} hstate;

/* Section and furniture words that are never a person's name (common
 * news-site sections, public knowledge). */
static const char *const label_words[] = {
	"news", "world", "politics", "business", "opinion", "sport", "sports",
	"brief", "briefs", "analysis", "exclusive", "breaking", "live",
	"update", "updates", "tech", "technology", "health", "science",
	"culture", "entertainment", "economy", "local", "national",
	"international", "europe", "asia", "africa", "americas", "video",
	"commentary", "editorial", "feature", "features", "markets", "story",
	"top", "latest", "home", "abstract", "summary", "review", "column",
	"election", "elections", "investigation", "interview", "middle",
	"east", "us", "uk", "u.s.", "china", "russia", "ukraine", "crime",
	"money", "lifestyle", "travel", "weather", "climate", "defense",
	"defence", "security", "diplomacy", "region", "nation", "metro",
	"ap", "afp", "reuters", "photos", "podcast", "explainer", "fact",
	"check", "voices", "letters", "obituaries", "more",
};

/* News agencies and the words outlets' names end in (public knowledge:
 * the major wire services and common masthead words). */
static const char *const agency_words[] = {
	"reuters", "ap", "afp", "xinhua", "upi", "tass", "bloomberg", "dpa",
	"ansa", "efe", "kyodo", "yonhap", "pti", "ians", "ani", "interfax",
	"sputnik", "anadolu", "bernama", "cna", "cnn", "bbc", "press",
	"news", "agency", "agencies", "times", "post", "herald", "tribune",
	"staff", "desk", "wire", "wires", "media", "network", "service",
	"television", "tv", "radio", "daily", "journal", "gazette", "report",
	"reporters", "correspondent", "correspondents", "newsroom", "online",
	"xinhuanet", "novosti",
};

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

/* Whether the word [s, s+n) (trailing punctuation dropped) is in list. */
static bool in_list(const char *s, size_t n, const char *const *list,
                    size_t count)
{
	while (n > 0 && strchr(",;:!?|)", s[n - 1]))
		n--;
	for (size_t k = 0; k < count; k++) {
		size_t len = strlen(list[k]);
		size_t i = 0;

		if (len != n && !(len + 1 == n && s[n - 1] == '.'))
			continue;
		while (i < len && lower(s[i]) == list[k][i])
			i++;
		if (i == len)
			return true;
	}
	return false;
}

static bool dateline_at(const char *t, size_t a, size_t e, qg_span *place,
                        qg_span *agency);

/* ------------------------------------------------------------ lines */

static int count_words(const char *s, size_t a, size_t e)
{
	int w = 0;
	bool in = false;

	for (size_t i = a; i < e && w < 1000; i++) {
		bool sp = s[i] == ' ' || s[i] == '\t';

		if (!sp && !in)
			w++;
		in = !sp;
	}
	return w;
}

static bool is_nbsp(const char *t, size_t i)
{
	return (unsigned char)t[i] == 0xC2 && (unsigned char)t[i + 1] == 0xA0;
}

/* Drop blanks, no-break spaces included, from both ends of [*s, *e). */
static void trim_line(const char *t, size_t *s, size_t *e)
{
	for (;;) {
		if (*s < *e && is_blank(t[*s]))
			(*s)++;
		else if (*s + 1 < *e && is_nbsp(t, *s))
			*s += 2;
		else if (*e > *s && is_blank(t[*e - 1]))
			(*e)--;
		else if (*e >= *s + 2 && is_nbsp(t, *e - 2))
			*e -= 2;
		else
			return;
	}
}

/* Split the header window into lines; stops at the byte or line cap. */
static void split_lines(hstate *h, size_t len)
{
	size_t lim = len < QG_HEADER_MAX_BYTES ? len : QG_HEADER_MAX_BYTES;
	size_t i = 0;

	while (i < lim && h->count < QG_HEADER_MAX_LINES) {
		hline *l = &h->lines[h->count++];
		const char *nl = memchr(h->t + i, '\n', lim - i);
		size_t end = nl ? (size_t)(nl - h->t) : lim;

		l->cut = !nl && lim < len;
		l->next = nl ? end + 1 : end;
		l->s = i;
		l->e = end;
		trim_line(h->t, &l->s, &l->e);
		l->words = count_words(h->t, l->s, l->e);
		i = l->next;
	}
}

/* The last byte of the line that is no closing quote mark or bracket. */
static char final_char(const char *s, size_t a, size_t e)
{
	while (e > a) {
		unsigned char c = (unsigned char)s[e - 1];

		if (c == '"' || c == '\'' || c == ')')
			e--;
		else if (e - a >= 3 && c >= 0x98 && c <= 0x9D &&
		         (unsigned char)s[e - 2] == 0x80 &&
		         (unsigned char)s[e - 3] == 0xE2)
			e -= 3; /* ’ ” and kin */
		else
			return (char)c;
	}
	return '\0';
}

static bool next_is_blank(const hstate *h, int i)
{
	return i + 1 >= h->count || h->lines[i + 1].s == h->lines[i + 1].e;
}

/* ------------------------------------------------------------ shapes */

/* Share of words that start with a capital letter or a digit, in 0..100;
 * short function words are skipped, as in Title Case. */
static int title_case_pct(const char *s, size_t a, size_t e)
{
	int words = 0, caps = 0;

	for (size_t i = a; i < e; i++) {
		size_t j = i;

		if (i > a && s[i - 1] != ' ')
			continue;
		while (j < e && s[j] != ' ')
			j++;
		if (j - i <= 3 && is_lower(s[i]))
			continue; /* "of", "the", "in" */
		words++;
		if (!is_lower(s[i]))
			caps++;
	}
	return words ? caps * 100 / words : 0;
}

static bool has_digit(const char *s, size_t a, size_t e)
{
	for (size_t i = a; i < e; i++) {
		if (is_digit(s[i]))
			return true;
	}
	return false;
}

/* Whether any word of the line is in `list`. */
static bool any_word_in(const char *s, size_t a, size_t e,
                        const char *const *list, size_t count)
{
	for (size_t i = a; i < e; i++) {
		size_t j = i;

		if (s[i] == ' ' || (i > a && s[i - 1] != ' '))
			continue;
		while (j < e && s[j] != ' ')
			j++;
		if (in_list(s + i, j - i, list, count))
			return true;
	}
	return false;
}

/* "World News", "Brief", "ABSTRACT.": one to three words, no sentence. */
static bool is_label(const hstate *h, const hline *l)
{
	const char *t = h->t;
	char f = final_char(t, l->s, l->e);

	if (l->words < 1 || l->words > 3 || has_digit(t, l->s, l->e))
		return false;
	if (f == '.' && !(is_upper(t[l->s]) && is_upper(t[l->s + 1])))
		return false;
	if (f == '?' || f == '!')
		return false;
	return l->words == 1 ||
	       any_word_in(t, l->s, l->e, label_words,
	                   QG_ARRAY_LEN(label_words));
}

/* "Sarah Johnson", "Jane Q. Roe and Tom Lee": capitalised words only. */
static bool is_name_line(const hstate *h, const hline *l)
{
	const char *t = h->t;

	if (l->words < 2 || l->words > 8 || has_digit(t, l->s, l->e))
		return false;
	if (final_char(t, l->s, l->e) == '.' && l->e - l->s > 2 &&
	    t[l->e - 3] != ' ' && t[l->e - 3] != '.')
		return false; /* a sentence, not "Jane Q." */
	if (any_word_in(t, l->s, l->e, label_words, QG_ARRAY_LEN(label_words)))
		return false;
	for (size_t i = l->s; i < l->e; i++) {
		if (i > l->s && t[i - 1] != ' ')
			continue;
		if (is_lower(t[i]) && strncmp(t + i, "and ", 4) != 0 &&
		    strncmp(t + i, "de ", 3) != 0 && strncmp(t + i, "van ", 4) != 0)
			return false;
	}
	return true;
}

/* A headline: a short line that is no sentence of running text. Corpora
 * that end every title with a period are allowed for when a blank line
 * follows and the line is short or in Title Case. */
static bool is_headline(const hstate *h, int i)
{
	const hline *l = &h->lines[i];
	const char *t = h->t;
	char f = final_char(t, l->s, l->e);

	qg_span place, agency;

	if (l->words < 2 || l->words > 25 || f == ',')
		return false;
	if (dateline_at(t, l->s, l->e, &place, &agency))
		return false; /* "(Reuters) - Shares fell." opens a body */
	if (f == '.') {
		if (!next_is_blank(h, i))
			return false;
		return l->words <= 15 || title_case_pct(t, l->s, l->e) >= 60 ||
		       memchr(t + l->s, ':', l->e - l->s) != NULL;
	}
	if (f == ':' && l->words > 6)
		return false; /* "The ministry said in a statement:" */
	return l->words >= 3 || next_is_blank(h, i) ||
	       title_case_pct(t, l->s, l->e) == 100;
}

/* A line that mostly holds a date: "17 March 2025", "Published: 10:35,
 * March 17, 2025 | Updated: ...", "Monday, March 17, 2025". */
static bool date_line(const hstate *h, const hline *l, char out[11])
{
	const char *t = h->t;
	qg_span at;
	int rest;

	if (l->words > 16 ||
	    !qg_date_find_at(t + l->s, l->e - l->s, out, &at))
		return false;
	rest = l->words - count_words(t, l->s + at.start, l->s + at.end);
	return rest <= 4 || (l->words <= 12 && !is_lower(t[l->s]) &&
	                     final_char(t, l->s, l->e) != '.');
}

/* "Today : Mar 18, 2025": a page's capture banner, not the article date. */
static bool banner_line(const hstate *h, const hline *l, char out[11])
{
	const char *t = h->t;
	size_t i = l->s + 5;

	if (l->e - l->s < 6 || strncmp(t + l->s, "Today", 5) != 0)
		return false;
	while (i < l->e && is_blank(t[i]))
		i++;
	if (i >= l->e || (t[i] != ':' && t[i] != '-' && t[i] != ','))
		return false;
	return qg_date_find(t + i, l->e - i, out);
}

/* ------------------------------------------------------------ bylines */

/* Whether a byline name is an outlet or agency rather than a person:
 * a known agency or masthead word, or a single word (people give two
 * names; "By Xinhua", "By AFP"). */
static bool is_agency(const char *s, size_t a, size_t e, int words)
{
	return words == 1 || any_word_in(s, a, e, agency_words,
	                                 QG_ARRAY_LEN(agency_words));
}

/* Where the names of a byline end: at a comma, bar, dash, bullet or a
 * following "in London" / "for The Times". */
static size_t byline_name_end(const char *t, size_t a, size_t e)
{
	for (size_t i = a; i < e; i++) {
		if (t[i] == ',' || t[i] == '|' || t[i] == '(' ||
		    (unsigned char)t[i] == 0xE2)
			return i;
		if (t[i] == ' ' && i + 3 < e &&
		    (strncmp(t + i, " - ", 3) == 0 ||
		     strncmp(t + i, " in ", 4) == 0 ||
		     (i + 5 < e && strncmp(t + i, " for ", 5) == 0)))
			return i;
	}
	return e;
}

static size_t trim_end(const char *t, size_t a, size_t e)
{
	while (e > a && (is_blank(t[e - 1]) || t[e - 1] == '.' ||
	                 t[e - 1] == ','))
		e--;
	return e;
}

/* The outlet after the names: "By Jane Roe, Reuters", "By Jane Roe | AP",
 * "By Jane Roe for The Daily Planet". */
static void byline_outlet(const char *t, size_t a, size_t e, qg_header *out)
{
	char date[11];

	while (a < e && (is_blank(t[a]) || t[a] == ',' || t[a] == '|' ||
	                 t[a] == '-' || t[a] == '('))
		a++;
	if (a + 4 < e && strncmp(t + a, "for ", 4) == 0)
		a += 4;
	e = byline_name_end(t, a, e);
	e = trim_end(t, a, e);
	if (e > a && out->publisher.end == 0 && is_upper(t[a]) &&
	    !qg_date_find(t + a, e - a, date) &&
	    is_agency(t, a, e, count_words(t, a, e)))
		out->publisher = (qg_span){a, e};
}

/* "By Sarah Johnson", "BY JANE ROE AND TOM LEE", "By Xinhua". */
static bool byline_line(hstate *h, const hline *l, qg_header *out)
{
	const char *t = h->t;
	size_t a = l->s, e;
	char date[11];
	int words;

	if (l->words < 2 || l->words > 14 ||
	    !(t[a] == 'B' && (t[a + 1] == 'y' || t[a + 1] == 'Y') &&
	      t[a + 2] == ' '))
		return false;
	a += 3;
	while (a < l->e && is_blank(t[a]))
		a++;
	if (a >= l->e || !is_upper(t[a]))
		return false;
	e = trim_end(t, a, byline_name_end(t, a, l->e));
	words = count_words(t, a, e);
	if (e == a || words > 6)
		return false;
	if (is_agency(t, a, e, words)) {
		if (out->publisher.end == 0)
			out->publisher = (qg_span){a, e};
	} else if (!h->have_byline) {
		out->byline = (qg_span){a, e};
		h->have_byline = true;
	}
	byline_outlet(t, e, l->e, out);
	if (!h->have_date && qg_date_find(t + e, l->e - e, date)) {
		memcpy(out->date, date, sizeof(date));
		h->have_date = true;
	}
	return true;
}

/* ------------------------------------------------------------ dateline */

/* Whether [a, e) is a dateline place: "MOSCOW", "HEMPSTEAD, N.Y.",
 * "NEWPORT NEWS, Va.": the first word in capitals, the rest capitals or
 * short abbreviations. */
static bool place_ok(const char *t, size_t a, size_t e)
{
	size_t caps = 0;

	if (e <= a || e - a > 60)
		return false;
	for (size_t i = a; i < e && t[i] != ','; i++) {
		if (is_lower(t[i]) || is_digit(t[i]))
			return false;
		caps += is_upper(t[i]);
	}
	for (size_t i = a; i < e; i++) {
		if (is_digit(t[i]) || t[i] == '"')
			return false;
	}
	return caps >= 2;
}

/* The dash that closes a dateline, within the first 120 bytes of the
 * paragraph: " - ", " -- ", " – ", " — " (or glued "MOSCOW- "); 0 when
 * there is none. */
static size_t dateline_dash(const char *t, size_t a, size_t e)
{
	size_t lim = e - a > 120 ? a + 120 : e;

	for (size_t i = a + 1; i < lim; i++) {
		size_t w = 0;

		if (t[i] == '-')
			w = (i + 1 < e && t[i + 1] == '-') ? 2 : 1;
		else if (i + 2 < e && (unsigned char)t[i] == 0xE2 &&
		         (unsigned char)t[i + 1] == 0x80 &&
		         ((unsigned char)t[i + 2] == 0x93 ||
		          (unsigned char)t[i + 2] == 0x94))
			w = 3;
		if (w && (t[i - 1] == ' ' || (i + w < e && t[i + w] == ' ')))
			return i;
	}
	return 0;
}

/* "HEMPSTEAD, N.Y., Sept. 26": the place without its month and day. */
static size_t strip_dateline_date(const char *t, size_t a, size_t p)
{
	size_t c = p;
	qg_span at;
	char date[11];

	while (c > a && t[c - 1] != ',')
		c--;
	if (c == a || !qg_date_scan(t + c, p - c, "2000-06-15", date, &at))
		return p;
	if (at.start > 2 || c + at.end < p)
		return p;
	return c - 1;
}

/* "WASHINGTON (Reuters) -", "LONDON, June 3 (AP) —", "(Reuters) -",
 * "MOSCOW - " at the start of the paragraph [a, e): the place and the
 * agency ({0,0} when absent). False when the paragraph has no dateline. */
static bool dateline_at(const char *t, size_t a, size_t e, qg_span *place,
                        qg_span *agency)
{
	size_t dash = dateline_dash(t, a, e), p, open;
	bool has_paren;

	*place = (qg_span){0, 0};
	*agency = (qg_span){0, 0};
	if (!dash)
		return false;
	p = dash;
	while (p > a && is_blank(t[p - 1]))
		p--;
	open = p;
	if (p > a && t[p - 1] == ')') {
		while (open > a && t[open - 1] != '(')
			open--;
		if (open == a || p - open > 40)
			return false; /* no "(" or too long for an agency */
		open--;
	}
	p = open;
	while (p > a && is_blank(t[p - 1]))
		p--;
	p = strip_dateline_date(t, a, p);
	has_paren = open < dash && t[open] == '(';
	if (p == a ? !has_paren : !place_ok(t, a, p))
		return false;
	if (p > a)
		*place = (qg_span){a, p};
	if (has_paren && is_upper(t[open + 1])) {
		size_t pe = open + 1;

		while (pe < dash && t[pe] != ')')
			pe++;
		*agency = (qg_span){open + 1, pe};
	}
	return true;
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

/* Classify one non-blank header line; false when the body starts here. */
static bool header_line(hstate *h, int *i, qg_header *out)
{
	hline *l = &h->lines[*i];
	char date[11];

	if (l->cut || l->words > 40)
		return false;
	if (qg_boilerplate_line(h->t + l->s, l->e - l->s) && l->words < 40)
		return true;
	if (!h->banner_date[0] && banner_line(h, l, h->banner_date))
		return true;
	if (date_line(h, l, date)) {
		if (!h->have_date)
			memcpy(out->date, date, sizeof(date));
		h->have_date = true;
		return true;
	}
	if (byline_line(h, l, out))
		return true;
	if (is_label(h, l))
		return true;
	if (!h->have_title) {
		if (!is_headline(h, *i))
			return false;
		set_title(h, i, out);
		return true;
	}
	if (!h->have_byline && is_name_line(h, l)) {
		out->byline = (qg_span){l->s, l->e};
		h->have_byline = true;
		return true;
	}
	return false;
}

/* The dateline opening the body, and its agency when none was named. */
static void body_dateline(const hstate *h, size_t a, size_t e,
                          qg_header *out)
{
	qg_span place, agency;

	if (!dateline_at(h->t, a, e, &place, &agency))
		return;
	out->dateline = place;
	if (out->publisher.end == 0)
		out->publisher = agency;
}

qg_status qg_header_parse(const char *text, size_t len, qg_header *out)
{
	hstate h;
	int i;

	if (!out || (!text && len > 0))
		return QG_ERR_USAGE;
	memset(out, 0, sizeof(*out));
	memset(&h, 0, sizeof(h));
	h.t = text;
	split_lines(&h, len);
	out->body = len;
	for (i = 0; i < h.count; i++) {
		if (h.lines[i].s == h.lines[i].e)
			continue;
		if (!header_line(&h, &i, out)) {
			out->body = h.lines[i].s;
			body_dateline(&h, h.lines[i].s, h.lines[i].e, out);
			break;
		}
	}
	if (i == h.count && h.count > 0 && h.lines[h.count - 1].next < len)
		out->body = h.lines[h.count - 1].next;
	if (!h.have_date && h.banner_date[0])
		memcpy(out->date, h.banner_date, sizeof(h.banner_date));
	return QG_OK;
}
