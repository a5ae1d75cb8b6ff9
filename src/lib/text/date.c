/*
 * date.c -- absolute, partial and relative dates in news text.
 *
 * A small hand-written scanner rather than PCRE2: the formats are few,
 * each check is a handful of byte comparisons at word starts, so one pass
 * over the text is linear and needs no compiled state. Month names must be
 * capitalised so that "may" and "march" as words never start a date.
 */
#include <string.h>

#include "header.h"
#include "segment.h"

/* What was recognised at one position, before resolving against a base. */
typedef enum date_kind {
	DK_NONE = 0,
	DK_ABS,     /* y, m, d */
	DK_PARTIAL, /* m, d: a day without a year */
	DK_OFFSET,  /* base + off days */
	DK_WEEKDAY  /* wd, with mode */
} date_kind;

typedef enum wd_mode {
	WD_RECENT = 0, /* plain or "on": the base day itself or the last one */
	WD_LAST,       /* "last", "this past": strictly before base */
	WD_NEXT,       /* "next", "this coming": strictly after base */
	WD_THIS        /* "this": the base day or the next one */
} wd_mode;

typedef struct date_match {
	date_kind kind;
	int y, m, d;
	int off;
	int year_shift; /* "June 16 of last year": -1 */
	int wd;         /* 0 Sunday .. 6 Saturday */
	wd_mode mode;
	size_t start, end;
} date_match;

static const struct {
	const char *name;
	int month;
} months[] = {
    {"january", 1},   {"february", 2}, {"march", 3},     {"april", 4},
    {"may", 5},       {"june", 6},     {"july", 7},      {"august", 8},
    {"september", 9}, {"october", 10}, {"november", 11}, {"december", 12},
    {"sept", 9},      {"jan", 1},      {"feb", 2},       {"mar", 3},
    {"apr", 4},       {"jun", 6},      {"jul", 7},       {"aug", 8},
    {"sep", 9},       {"oct", 10},     {"nov", 11},      {"dec", 12},
};

static const char *const weekdays[] = {"sunday",    "monday",   "tuesday",
                                       "wednesday", "thursday", "friday",
                                       "saturday"};

/* ------------------------------------------------------------ calendar */

/* After Howard Hinnant's days_from_civil: exact for the proleptic
 * Gregorian calendar, no tables, no libc time functions (which depend on
 * the time zone). */
long qg__days_from_civil(int y, int m, int d)
{
	long yy = y - (m <= 2);
	long era = (yy >= 0 ? yy : yy - 399) / 400;
	long yoe = yy - era * 400;
	long doy = (153L * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;

	return era * 146097 + doe - 719468;
}

void qg__civil_from_days(long z, int *y, int *m, int *d)
{
	long era, doe, yoe, doy, mp, yy;

	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	yy = yoe + era * 400;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	*d = (int)(doy - (153 * mp + 2) / 5 + 1);
	*m = (int)(mp < 10 ? mp + 3 : mp - 9);
	*y = (int)(yy + (*m <= 2));
}

static bool leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

bool qg__date_valid(int y, int m, int d)
{
	static const int mdays[] = {31, 28, 31, 30, 31, 30,
	                            31, 31, 30, 31, 30, 31};

	return y >= 1000 && y <= 2999 && m >= 1 && m <= 12 && d >= 1 &&
	       d <= mdays[m - 1] + (m == 2 && leap(y));
}

static bool is_digit(char c)
{
	return c >= '0' && c <= '9';
}

static bool is_alpha(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* Letters, digits and any non-ASCII byte count as word characters, so a
 * word boundary is never found inside "Zürich". */
static bool is_word(char c)
{
	unsigned u = (unsigned char)c;

	return (u | 32) - 'a' < 26 || u - '0' < 10 || u >= 0x80;
}

/* The end of the run of word bytes from s[i] (before n): sixteen bytes at
 * a time with SSE2, or eight where the text module may (QG_TEXT_WIDE),
 * then byte by byte. */
static size_t word_run(const char *s, size_t i, size_t n)
{
#if QG_SSE2
	while (i + 16 <= n) {
		__m128i x = _mm_loadu_si128((const __m128i *)(s + i));
		/* a word byte: an ASCII letter or digit, or 0x80 and above
		 * (its own high bit) */
		unsigned word = qg_alnum16(x) | (unsigned)_mm_movemask_epi8(x);
		unsigned stop = ~word & 0xFFFFu;

		if (stop)
			return i + (size_t)__builtin_ctz(stop);
		i += 16;
	}
#endif
#if QG_TEXT_WIDE
	while (i + 8 <= n) {
		uint64_t x, stop;

		memcpy(&x, s + i, 8);
		/* a word byte: an ASCII letter or digit, or 0x80 and above */
		stop = ~(qg_alnum8(x) | x) & 0x8080808080808080ULL;
		if (stop)
			return i + (size_t)(__builtin_ctzll(stop) / 8);
		i += 8;
	}
#endif
	while (i < n && is_word(s[i]))
		i++;
	return i;
}

/* A no-break space (U+00A0) at s[i]. */
static bool nbsp_at(const char *s, size_t n, size_t i)
{
	return i + 1 < n && (unsigned char)s[i] == 0xC2 &&
	       (unsigned char)s[i + 1] == 0xA0;
}

/* Whether a word goes on at s[i]: a no-break space ends it. */
static bool word_goes_on(const char *s, size_t n, size_t i)
{
	return i < n && !nbsp_at(s, n, i) && is_word(s[i]);
}

static char lower(char c)
{
	return (c >= 'A' && c <= 'Z') ? (char)(c + 32) : c;
}

bool qg__date_parse_iso(const char *s, int *y, int *m, int *d)
{
	bool ok = s != NULL;

	for (int i = 0; ok && i < 10; i++)
		ok = (i == 4 || i == 7) ? s[i] == '-' : is_digit(s[i]);
	if (ok) {
		*y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 +
		     (s[2] - '0') * 10 + (s[3] - '0');
		*m = (s[5] - '0') * 10 + (s[6] - '0');
		*d = (s[8] - '0') * 10 + (s[9] - '0');
		ok = qg__date_valid(*y, *m, *d);
	}
	return ok;
}

static void format_date(int y, int m, int d, char out[11])
{
	int v[3] = {y, m, d};
	int widths[3] = {4, 2, 2};
	int p = 0;

	for (int k = 0; k < 3; k++) {
		int div = widths[k] == 4 ? 1000 : 10;

		if (k > 0)
			out[p++] = '-';
		for (; div > 0; div /= 10)
			out[p++] = (char)('0' + (v[k] / div) % 10);
	}
	out[p] = '\0';
}

/* ------------------------------------------------------------ lexing */

static size_t skip_ws(const char *s, size_t n, size_t i)
{
	bool more = true;

	while (more) {
		if (i < n && (s[i] == ' ' || s[i] == '\t'))
			i++;
		else if (nbsp_at(s, n, i))
			i += 2;
		else
			more = false;
	}
	return i;
}

/* Whether [i, i+len) of s equals the lower-case word w, case-insensitive,
 * and ends at a word boundary. Matchers try word after word of their
 * lists here: the first differing byte ends the test, w is not
 * measured. */
static inline bool word_at(const char *s, size_t n, size_t i, const char *w)
{
	size_t k = 0;

	if (w[0] && (i >= n || lower(s[i]) != w[0]))
		return false; /* most tries: inline, without the loop */

	while (w[k] && i + k < n && lower(s[i + k]) == w[k])
		k++;
	return w[k] == '\0' && !word_goes_on(s, n, i + k);
}

/* A capitalised word from `words` at i; its index, or -1. */
static int cap_word(const char *s, size_t n, size_t i, const char *const *words,
                    size_t count, size_t *end)
{
	int found = -1;

	if (i < n && s[i] >= 'A' && s[i] <= 'Z') {
		for (size_t k = 0; found < 0 && k < count; k++) {
			if (word_at(s, n, i, words[k])) {
				*end = i + strlen(words[k]);
				found = (int)k;
			}
		}
	}
	return found;
}

/* A capitalised month name or abbreviation ("Sept.") at i. */
static int month_at(const char *s, size_t n, size_t i, size_t *end)
{
	int month = 0;

	if (i < n && s[i] >= 'A' && s[i] <= 'Z') {
		for (size_t k = 0; !month && k < QG_ARRAY_LEN(months); k++) {
			size_t len;

			if (!word_at(s, n, i, months[k].name))
				continue;
			len = strlen(months[k].name);
			month = months[k].month;
			*end = i + len;
			if (*end < n && s[*end] == '.' && len < 5)
				(*end)++; /* "Sept." */
		}
	}
	return month;
}

/* An unsigned number of 1..maxd digits at i, not followed by a digit. */
static bool num_at(const char *s, size_t n, size_t i, int maxd, int *v,
                   size_t *end)
{
	int val = 0, k = 0;
	bool ok;

	while (i + (size_t)k < n && is_digit(s[i + k]) && k <= maxd) {
		val = val * 10 + (s[i + k] - '0');
		k++;
	}
	ok = k > 0 && k <= maxd;
	if (ok) {
		*v = val;
		*end = i + (size_t)k;
	}
	return ok;
}

/* A day of the month, 1..31, with an optional "st"/"nd"/"rd"/"th". */
static bool day_at(const char *s, size_t n, size_t i, int *d, size_t *end)
{
	size_t e = i;
	bool ok = num_at(s, n, i, 2, d, &e) && *d >= 1 && *d <= 31;

	if (ok && (word_at(s, n, e, "st") || word_at(s, n, e, "nd") ||
	           word_at(s, n, e, "rd") || word_at(s, n, e, "th")))
		e += 2;
	ok = ok && !word_goes_on(s, n, e);
	if (ok)
		*end = e;
	return ok;
}

/* A four-digit year (1000..2999) after an optional comma and spaces. */
static bool year_after(const char *s, size_t n, size_t i, int *y, size_t *end)
{
	size_t j = skip_ws(s, n, i);
	bool ok;

	if (j < n && s[j] == ',')
		j = skip_ws(s, n, j + 1);
	/* j == i: "March 17" glued to something */
	ok = j > i && num_at(s, n, j, 4, y, end) && *end - j == 4;
	return ok && *y >= 1000 && *y <= 2999 && !word_goes_on(s, n, *end);
}

/* ------------------------------------------------------------ absolute */

/* 2025-03-17, 2025/03/17, optionally followed by a time. */
static bool iso_at(const char *s, size_t n, size_t i, date_match *dm)
{
	size_t e1 = i, e2 = i, e3 = i;
	int y = 0, m = 0, d = 0;
	char sep = 0;
	bool ok = num_at(s, n, i, 4, &y, &e1) && e1 - i == 4 && e1 < n;

	if (ok)
		sep = s[e1];
	ok = ok && (sep == '-' || sep == '/') &&
	     num_at(s, n, e1 + 1, 2, &m, &e2) && e2 < n && s[e2] == sep &&
	     num_at(s, n, e2 + 1, 2, &d, &e3);
	ok = ok && !(e3 < n && is_alpha(s[e3]) && s[e3] != 'T') &&
	     qg__date_valid(y, m, d);
	if (ok)
		*dm = (date_match){.kind = DK_ABS,
		                   .y = y,
		                   .m = m,
		                   .d = d,
		                   .start = i,
		                   .end = e3};
	return ok;
}

/* Month and day of a numeric date whose order cannot be mistaken: one
 * part above 12, or both parts equal. */
static bool numeric_order(int a, int b, int *m, int *d)
{
	bool ok = true;

	if (a > 12 && b <= 12) {
		*d = a;
		*m = b;
	} else if (b > 12 && a <= 12) {
		*m = a;
		*d = b;
	} else if (a == b) {
		*m = *d = a;
	} else {
		ok = false;
	}
	return ok;
}

/* 25/12/2016, 12-25-2016, 31.01.2020; "12/09/2016" is refused. */
static bool numeric_at(const char *s, size_t n, size_t i, date_match *dm)
{
	size_t e1 = i, e2 = i, e3 = i;
	int a = 0, b = 0, y = 0, m = 0, d = 0;
	char sep = 0;
	bool ok = num_at(s, n, i, 2, &a, &e1) && e1 < n;

	if (ok)
		sep = s[e1];
	ok = ok && (sep == '/' || sep == '-' || sep == '.') &&
	     num_at(s, n, e1 + 1, 2, &b, &e2) && e2 < n && s[e2] == sep &&
	     num_at(s, n, e2 + 1, 4, &y, &e3) && e3 - e2 == 5 &&
	     !word_goes_on(s, n, e3);
	ok = ok && numeric_order(a, b, &m, &d) && qg__date_valid(y, m, d);
	if (ok)
		*dm = (date_match){.kind = DK_ABS,
		                   .y = y,
		                   .m = m,
		                   .d = d,
		                   .start = i,
		                   .end = e3};
	return ok;
}

/* The year that may follow a month and day; a partial date without. */
static bool add_year(const char *s, size_t n, date_match *dm)
{
	size_t e = dm->end;
	int y = 0;
	bool ok = true;

	if (year_after(s, n, dm->end, &y, &e)) {
		dm->kind = DK_ABS;
		dm->y = y;
		dm->end = e;
		ok = qg__date_valid(y, dm->m, dm->d);
	}
	return ok;
}

/* "March 17, 2025", "Sept. 12 2016", "March 16" (partial). */
static bool month_first_at(const char *s, size_t n, size_t i, date_match *dm)
{
	size_t e = i, j, e2 = i;
	int d = 0, m = month_at(s, n, i, &e);
	bool ok;

	j = skip_ws(s, n, e);
	ok = m && j > e && day_at(s, n, j, &d, &e2);
	if (ok) {
		*dm = (date_match){
		    .kind = DK_PARTIAL, .m = m, .d = d, .start = i, .end = e2};
		ok = add_year(s, n, dm);
	}
	return ok;
}

/* "17 March 2025", "17th of March, 2025", "16 March" (partial). */
static bool day_first_at(const char *s, size_t n, size_t i, date_match *dm)
{
	size_t e = i, j = i, e2 = i;
	int m = 0, d = 0;
	bool ok = day_at(s, n, i, &d, &e);

	if (ok) {
		j = skip_ws(s, n, e);
		ok = j > e;
	}
	if (ok && word_at(s, n, j, "of"))
		j = skip_ws(s, n, j + 2);
	if (ok)
		m = month_at(s, n, j, &e2);
	ok = ok && m;
	if (ok) {
		*dm = (date_match){
		    .kind = DK_PARTIAL, .m = m, .d = d, .start = i, .end = e2};
		ok = add_year(s, n, dm);
	}
	return ok;
}

/* "last year" or "next year" after a partial date ("on June 16 of last
 * year", "March 3 last year"): the year it shifts the date by. */
static int year_shift_after(const char *s, size_t n, size_t e)
{
	size_t j = skip_ws(s, n, e < n && s[e] == ',' ? e + 1 : e);
	int shift = 0;

	if (word_at(s, n, j, "of"))
		j = skip_ws(s, n, j + 2);
	if (word_at(s, n, j, "last") || word_at(s, n, j, "next")) {
		size_t k = skip_ws(s, n, j + 4);

		if (k > j + 4 && word_at(s, n, k, "year"))
			shift = lower(s[j]) == 'l' ? -1 : 1;
	}
	return shift;
}

/* Any absolute or partial date at the word start i. */
static bool calendar_at(const char *s, size_t n, size_t i, date_match *dm)
{
	bool ok = is_digit(s[i])
	              ? iso_at(s, n, i, dm) || numeric_at(s, n, i, dm) ||
	                    day_first_at(s, n, i, dm)
	              : month_first_at(s, n, i, dm);

	if (ok && dm->kind == DK_PARTIAL)
		dm->year_shift = year_shift_after(s, n, dm->end);
	return ok;
}

/* ------------------------------------------------------------ relative */

/* Whether the word before i is capitalised inside a sentence: a weekday
 * after it is part of a name ("Fox News Sunday", "Black Friday"). */
static bool after_name(const char *s, size_t i)
{
	size_t j = i, w;

	while (j > 0 && (s[j - 1] == ' ' || s[j - 1] == '\t'))
		j--;
	w = j;
	while (w > 0 && is_alpha(s[w - 1]))
		w--;
	/* the word must itself follow more text of the sentence */
	return w < j && s[w] >= 'A' && s[w] <= 'Z' && w > 1 && j < i &&
	       s[w - 1] == ' ' && is_word(s[w - 2]);
}

static bool offset_word_at(const char *s, size_t n, size_t i, date_match *dm)
{
	static const struct {
		const char *w1, *w2;
		int off;
	} rel[] = {
	    {"yesterday", NULL, -1},  {"today", NULL, 0},
	    {"tonight", NULL, 0},     {"tomorrow", NULL, 1},
	    {"last", "night", -1},    {"this", "morning", 0},
	    {"this", "afternoon", 0}, {"this", "evening", 0},
	};

	/* "USA Today", "Good Morning Today": a capitalised word in a name */
	bool found = false,
	     named = s[i] >= 'A' && s[i] <= 'Z' && after_name(s, i);

	for (size_t k = 0; !named && !found && k < QG_ARRAY_LEN(rel); k++) {
		size_t e = i, j;

		found = word_at(s, n, i, rel[k].w1);
		if (found)
			e = i + strlen(rel[k].w1);
		if (found && rel[k].w2) {
			j = skip_ws(s, n, e);
			found = j > e && word_at(s, n, j, rel[k].w2);
			e = j + strlen(rel[k].w2);
		}
		if (found)
			*dm = (date_match){.kind = DK_OFFSET,
			                   .off = rel[k].off,
			                   .start = i,
			                   .end = e};
	}
	return found;
}

/* A modifier before a weekday: "on", "last", "next", "this coming",
 * "this past", "this". Sets *mode and returns where the weekday starts. */
static size_t weekday_modifier(const char *s, size_t n, size_t i, wd_mode *mode)
{
	size_t j = i;

	*mode = WD_RECENT;
	if (word_at(s, n, i, "on")) {
		j = skip_ws(s, n, i + 2);
	} else if (word_at(s, n, i, "last")) {
		*mode = WD_LAST;
		j = skip_ws(s, n, i + 4);
	} else if (word_at(s, n, i, "next")) {
		*mode = WD_NEXT;
		j = skip_ws(s, n, i + 4);
	} else if (word_at(s, n, i, "this")) {
		j = skip_ws(s, n, i + 4);
		*mode = WD_THIS;
		if (word_at(s, n, j, "coming")) {
			*mode = WD_NEXT;
			j = skip_ws(s, n, j + 6);
		} else if (word_at(s, n, j, "past")) {
			*mode = WD_LAST;
			j = skip_ws(s, n, j + 4);
		}
	}
	return j;
}

/* "on Sunday", "last Friday", "Tuesday night"; a weekday followed by a
 * calendar date ("Monday, March 17, 2025") is that date. */
static bool weekday_at(const char *s, size_t n, size_t i, date_match *dm)
{
	wd_mode mode;
	size_t j = weekday_modifier(s, n, i, &mode), e = j, k;
	int wd = cap_word(s, n, j, weekdays, QG_ARRAY_LEN(weekdays), &e);

	if (wd >= 0 && j == i && after_name(s, i))
		wd = -1;
	if (wd >= 0) {
		k = skip_ws(s, n, e < n && s[e] == ',' ? e + 1 : e);
		if (k < n && k > e && calendar_at(s, n, k, dm))
			dm->start = i;
		else
			*dm = (date_match){.kind = DK_WEEKDAY,
			                   .wd = wd,
			                   .mode = mode,
			                   .start = i,
			                   .end = e};
	}
	return wd >= 0;
}

/* Whatever date expression starts at the word start i. */
static bool expr_at(const char *s, size_t n, size_t i, bool relative,
                    date_match *dm)
{
	return calendar_at(s, n, i, dm) ||
	       (relative &&
	        (offset_word_at(s, n, i, dm) || weekday_at(s, n, i, dm)));
}

/* ------------------------------------------------------------ resolving */

static int weekday_of(long days)
{
	long r = (days + 4) % 7; /* 1970-01-01 was a Thursday */

	return (int)(r < 0 ? r + 7 : r);
}

static long weekday_delta(int base_wd, int wd, wd_mode mode)
{
	long back = (base_wd - wd + 7) % 7, ahead = (wd - base_wd + 7) % 7;
	long delta = -back; /* WD_RECENT */

	if (mode == WD_LAST)
		delta = back ? -back : -7;
	else if (mode == WD_NEXT)
		delta = ahead ? ahead : 7;
	else if (mode == WD_THIS)
		delta = ahead;
	return delta;
}

/* A day and month without a year: the base year unless that lands more
 * than two months after base (then the year before) or more than ten
 * months before it (then the year after: a late-December story about
 * "January 3"). */
static bool resolve_partial(const date_match *dm, int by, long base, int *y)
{
	/* Feb 29 is measured as Feb 28 so that the year can be chosen
	 * before the day is checked against it. */
	long days = qg__days_from_civil(by, dm->m,
	                                dm->m == 2 && dm->d == 29 ? 28 : dm->d);

	*y = by + dm->year_shift; /* "of last year": no guessing */
	if (!dm->year_shift && days - base > 61)
		*y = by - 1;
	else if (!dm->year_shift && base - days > 304)
		*y = by + 1;
	return qg__date_valid(*y, dm->m, dm->d);
}

static bool resolve(const date_match *dm, const char *base, char out[11])
{
	int by = 0, bm = 0, bd = 0, y = dm->y, m = dm->m, d = dm->d;
	long days;
	bool ok = dm->kind == DK_ABS;

	if (!ok && qg__date_parse_iso(base, &by, &bm, &bd)) {
		days = qg__days_from_civil(by, bm, bd);
		ok = true;
		if (dm->kind == DK_PARTIAL)
			ok = resolve_partial(dm, by, days, &y);
		else if (dm->kind == DK_OFFSET)
			qg__civil_from_days(days + dm->off, &y, &m, &d);
		else
			qg__civil_from_days(days +
			                        weekday_delta(weekday_of(days),
			                                      dm->wd, dm->mode),
			                    &y, &m, &d);
	}
	if (ok)
		format_date(y, m, d, out);
	return ok;
}

/* ------------------------------------------------------------ scanning */

/* The words every matcher above starts with, sorted for a binary search:
 * the names of months[] (calendar_at), and for relative expressions the
 * weekdays[] and the first words of offset_word_at() and
 * weekday_modifier(). Keep them in step with those, sorted (strcmp), and
 * their first letters in month_firsts / relative_firsts and their second
 * ones in month_seconds / relative_seconds below: test_date
 * checks both. */
static const char *const month_words[] = {
	"apr", "april", "aug", "august", "dec", "december", "feb", "february",
	"jan", "january", "jul", "july", "jun", "june", "mar", "march", "may",
	"nov", "november", "oct", "october", "sep", "sept", "september",
};
static const char *const relative_words[] = {
	"friday", "last", "monday", "next", "on", "saturday", "sunday", "this",
	"thursday", "today", "tomorrow", "tonight", "tuesday", "wednesday",
	"yesterday",
};

/* The first letters of the words above, as bits (a = bit 0): a word
 * starting otherwise needs no search. qg__date_words_ok() checks them. */
#define LETTER(c) (1u << ((c) - 'a'))
static const uint32_t month_firsts = LETTER('a') | LETTER('d') | LETTER('f') |
                                     LETTER('j') | LETTER('m') | LETTER('n') |
                                     LETTER('o') | LETTER('s');
static const uint32_t relative_firsts =
    LETTER('f') | LETTER('l') | LETTER('m') | LETTER('n') | LETTER('o') |
    LETTER('s') | LETTER('t') | LETTER('w') | LETTER('y');
/* For each first letter, the second letters of the words (two letters at
 * least, every one) of month_words and of relative_words. */
#define FIRST(c) [(c) - 'a']
static const uint32_t month_seconds[26] = {
    FIRST('a') = LETTER('p') | LETTER('u'), FIRST('d') = LETTER('e'),
    FIRST('f') = LETTER('e'), FIRST('j') = LETTER('a') | LETTER('u'),
    FIRST('m') = LETTER('a'), FIRST('n') = LETTER('o'),
    FIRST('o') = LETTER('c'), FIRST('s') = LETTER('e'),
};
static const uint32_t relative_seconds[26] = {
    FIRST('f') = LETTER('r'), FIRST('l') = LETTER('a'),
    FIRST('m') = LETTER('o'), FIRST('n') = LETTER('e'),
    FIRST('o') = LETTER('n'), FIRST('s') = LETTER('a') | LETTER('u'),
    FIRST('t') = LETTER('h') | LETTER('o') | LETTER('u'),
    FIRST('w') = LETTER('e'), FIRST('y') = LETTER('e'),
};

/* The first three lower-case letters of a word, packed (c is 0 for a
 * word of two letters). */
#define P3(a, b, c) ((uint32_t)(a) << 16 | (uint32_t)(b) << 8 | (uint32_t)(c))

/* Which lists have a word opening with the packed letters p: 1 for
 * month_words, 2 for relative_words, 0 for none. The two-letter test
 * above passes "the", "that", "said", "to" and most other words of a
 * sentence; this one sends few of them to the searches. Keep it in step
 * with the lists: qg__date_words_ok() checks every word passes. */
static unsigned list_prefix(uint32_t p)
{
	switch (p) {
	case P3('a', 'p', 'r'): case P3('a', 'u', 'g'): case P3('d', 'e', 'c'):
	case P3('f', 'e', 'b'): case P3('j', 'a', 'n'): case P3('j', 'u', 'l'):
	case P3('j', 'u', 'n'): case P3('m', 'a', 'r'): case P3('m', 'a', 'y'):
	case P3('n', 'o', 'v'): case P3('o', 'c', 't'): case P3('s', 'e', 'p'):
		return 1;
	case P3('f', 'r', 'i'): case P3('l', 'a', 's'): case P3('m', 'o', 'n'):
	case P3('n', 'e', 'x'): case P3('o', 'n', 0): case P3('s', 'a', 't'):
	case P3('s', 'u', 'n'): case P3('t', 'h', 'i'): case P3('t', 'h', 'u'):
	case P3('t', 'o', 'd'): case P3('t', 'o', 'm'): case P3('t', 'o', 'n'):
	case P3('t', 'u', 'e'): case P3('w', 'e', 'd'): case P3('y', 'e', 's'):
		return 2;
	default:
		return 0;
	}
}

static bool list_ok(const char *const *list, size_t count, uint32_t firsts,
                    const uint32_t seconds[26], unsigned which)
{
	bool ok = true;

	for (size_t k = 0; ok && k < count; k++)
		ok = (k == 0 || strcmp(list[k - 1], list[k]) < 0) &&
		     list[k][0] >= 'a' && list[k][0] <= 'z' &&
		     list[k][1] >= 'a' && list[k][1] <= 'z' &&
		     (firsts & LETTER(list[k][0])) &&
		     (seconds[list[k][0] - 'a'] & LETTER(list[k][1])) &&
		     (list_prefix(P3(list[k][0], list[k][1], list[k][2])) &
		      which) &&
		     strlen(list[k]) < 10;
	return ok;
}

bool qg__date_words_ok(void)
{
	return list_ok(month_words, QG_ARRAY_LEN(month_words), month_firsts,
	               month_seconds, 1) &&
	       list_ok(relative_words, QG_ARRAY_LEN(relative_words),
	               relative_firsts, relative_seconds, 2);
}

/* Compare the lower-case word w (len bytes) with `name`, like strcmp. */
static int word_cmp(const char *w, size_t len, const char *name)
{
	size_t k = 0;

	while (k < len && name[k] == w[k])
		k++;
	if (k == len)
		return name[k] == '\0' ? 0 : -1;
	return (unsigned char)w[k] < (unsigned char)name[k] ? -1 : 1;
}

static bool in_sorted(const char *w, size_t len, const char *const *list,
                      size_t count)
{
	size_t lo = 0, hi = count;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = word_cmp(w, len, list[mid]);

		if (c == 0)
			return true;
		if (c < 0)
			hi = mid;
		else
			lo = mid + 1;
	}
	return false;
}

/* Whether a date expression can start at the word start i: a digit, or a
 * whole word of month_words, or with `relative` of relative_words. Every
 * matcher above begins with word_at() of one of these at i, so this
 * admits all they accept; it spares them the other words, nearly all. */
static bool may_start(const char *s, size_t n, size_t i, bool relative)
{
	char w[10];
	size_t len = 0;

	if (is_digit(s[i]))
		return true;
	if (!is_alpha(s[i]) ||
	    !((month_firsts | (relative ? relative_firsts : 0)) &
	      LETTER(lower(s[i]))))
		return false;
	/* every word of the lists has two letters or more: the second one
	 * is tried before the word is read whole */
	if (!word_goes_on(s, n, i + 1) || !is_alpha(s[i + 1]) ||
	    !((month_seconds[lower(s[i]) - 'a'] |
	       (relative ? relative_seconds[lower(s[i]) - 'a'] : 0)) &
	      LETTER(lower(s[i + 1]))))
		return false;
	/* the third letter, or the end of a word of two (a byte that is no
	 * letter: one that goes on with the word fails below) */
	if (!(list_prefix(P3(lower(s[i]), lower(s[i + 1]),
	                     i + 2 < n && is_alpha(s[i + 2]) ? lower(s[i + 2])
	                                                     : 0)) &
	      (relative ? 3u : 1u)))
		return false;
	/* the words of the lists are ASCII letters: the word must be a run
	 * of them that no other word byte (a digit, a non-ASCII byte but a
	 * no-break space) goes on from */
	while (len < sizeof(w) && i + len < n && is_alpha(s[i + len])) {
		w[len] = lower(s[i + len]);
		len++;
	}
	if (len == sizeof(w) || word_goes_on(s, n, i + len))
		return false; /* longer than "wednesday" and "september" */
	return in_sorted(w, len, month_words, QG_ARRAY_LEN(month_words)) ||
	       (relative && in_sorted(w, len, relative_words,
	                              QG_ARRAY_LEN(relative_words)));
}

/* The first expression in [s, s+n) that resolves; relative ones only when
 * `relative` is set. */
static bool scan(const char *s, size_t n, bool relative, const char *base,
                 char out[11], qg_span *at)
{
	date_match dm;
	bool found = false;
	size_t i = 0;

	/* at each word's first byte only: the rest of a word is passed over
	 * in one run */
	while (s && !found && i < n) {
		if (!is_word(s[i])) {
			i++;
			continue;
		}
		found = may_start(s, n, i, relative) &&
		        expr_at(s, n, i, relative, &dm) &&
		        (relative || dm.kind == DK_ABS) && resolve(&dm, base, out);
		if (found && at)
			*at = (qg_span){dm.start, dm.end};
		i = word_run(s, i, n);
	}
	return found;
}

bool qg_date_find_at(const char *s, size_t n, char out[11], qg_span *at)
{
	return scan(s, n, false, NULL, out, at);
}

bool qg_date_find(const char *s, size_t n, char out[11])
{
	return scan(s, n, false, NULL, out, NULL);
}

bool qg_date_resolve(const char *expr, size_t n, const char *base, char out[11])
{
	return scan(expr, n, true, base, out, NULL);
}

bool qg_date_scan(const char *s, size_t n, const char *base, char out[11],
                  qg_span *at)
{
	return scan(s, n, true, base, out, at);
}
