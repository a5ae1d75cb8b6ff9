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
	int wd; /* 0 Sunday .. 6 Saturday */
	wd_mode mode;
	size_t start, end;
} date_match;

static const struct {
	const char *name;
	int month;
} months[] = {
	{"january", 1}, {"february", 2}, {"march", 3},     {"april", 4},
	{"may", 5},     {"june", 6},     {"july", 7},      {"august", 8},
	{"september", 9}, {"october", 10}, {"november", 11}, {"december", 12},
	{"sept", 9},    {"jan", 1},      {"feb", 2},       {"mar", 3},
	{"apr", 4},     {"jun", 6},      {"jul", 7},       {"aug", 8},
	{"sep", 9},     {"oct", 10},     {"nov", 11},      {"dec", 12},
};

static const char *const weekdays[] = {"sunday",   "monday", "tuesday",
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

	if (y < 1000 || y > 2999 || m < 1 || m > 12 || d < 1)
		return false;
	return d <= mdays[m - 1] + (m == 2 && leap(y));
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
	return is_alpha(c) || is_digit(c) || (unsigned char)c >= 0x80;
}

/* Whether a word goes on at s[i]: a no-break space ends it. */
static bool word_goes_on(const char *s, size_t n, size_t i)
{
	if (i >= n)
		return false;
	if (i + 1 < n && (unsigned char)s[i] == 0xC2 &&
	    (unsigned char)s[i + 1] == 0xA0)
		return false;
	return is_word(s[i]);
}

static char lower(char c)
{
	return (c >= 'A' && c <= 'Z') ? (char)(c + 32) : c;
}

bool qg__date_parse_iso(const char *s, int *y, int *m, int *d)
{
	int i;

	if (!s)
		return false;
	for (i = 0; i < 10; i++) {
		if ((i == 4 || i == 7) ? s[i] != '-' : !is_digit(s[i]))
			return false;
	}
	*y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 +
	     (s[3] - '0');
	*m = (s[5] - '0') * 10 + (s[6] - '0');
	*d = (s[8] - '0') * 10 + (s[9] - '0');
	return qg__date_valid(*y, *m, *d);
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
	for (;;) {
		if (i < n && (s[i] == ' ' || s[i] == '\t'))
			i++;
		else if (i + 1 < n && (unsigned char)s[i] == 0xC2 &&
		         (unsigned char)s[i + 1] == 0xA0)
			i += 2; /* no-break space */
		else
			return i;
	}
}

/* Whether [i, i+len) of s equals the lower-case word w, case-insensitive,
 * and ends at a word boundary. */
static bool word_at(const char *s, size_t n, size_t i, const char *w)
{
	size_t len = strlen(w);

	if (i + len > n)
		return false;
	for (size_t k = 0; k < len; k++) {
		if (lower(s[i + k]) != w[k])
			return false;
	}
	return !word_goes_on(s, n, i + len);
}

/* A capitalised word from `words` at i; its index, or -1. */
static int cap_word(const char *s, size_t n, size_t i,
                    const char *const *words, size_t count, size_t *end)
{
	if (i >= n || !(s[i] >= 'A' && s[i] <= 'Z'))
		return -1;
	for (size_t k = 0; k < count; k++) {
		if (word_at(s, n, i, words[k])) {
			*end = i + strlen(words[k]);
			return (int)k;
		}
	}
	return -1;
}

/* A capitalised month name or abbreviation ("Sept.") at i. */
static int month_at(const char *s, size_t n, size_t i, size_t *end)
{
	if (i >= n || !(s[i] >= 'A' && s[i] <= 'Z'))
		return 0;
	for (size_t k = 0; k < QG_ARRAY_LEN(months); k++) {
		if (word_at(s, n, i, months[k].name)) {
			*end = i + strlen(months[k].name);
			if (*end < n && s[*end] == '.' && strlen(months[k].name) < 5)
				(*end)++;
			return months[k].month;
		}
	}
	return 0;
}

/* An unsigned number of 1..maxd digits at i, not followed by a digit. */
static bool num_at(const char *s, size_t n, size_t i, int maxd, int *v,
                   size_t *end)
{
	int val = 0, k = 0;

	while (i + (size_t)k < n && is_digit(s[i + k]) && k <= maxd) {
		val = val * 10 + (s[i + k] - '0');
		k++;
	}
	if (k == 0 || k > maxd)
		return false;
	*v = val;
	*end = i + (size_t)k;
	return true;
}

/* A day of the month, 1..31, with an optional "st"/"nd"/"rd"/"th". */
static bool day_at(const char *s, size_t n, size_t i, int *d, size_t *end)
{
	size_t e;

	if (!num_at(s, n, i, 2, d, &e) || *d < 1 || *d > 31)
		return false;
	if (e + 2 <= n && (word_at(s, n, e, "st") || word_at(s, n, e, "nd") ||
	                   word_at(s, n, e, "rd") || word_at(s, n, e, "th")))
		e += 2;
	if (word_goes_on(s, n, e))
		return false;
	*end = e;
	return true;
}

/* A four-digit year (1000..2999) after an optional comma and spaces. */
static bool year_after(const char *s, size_t n, size_t i, int *y,
                       size_t *end)
{
	size_t j = skip_ws(s, n, i);

	if (j < n && s[j] == ',')
		j = skip_ws(s, n, j + 1);
	if (j == i)
		return false; /* "March 17" glued to something */
	if (!num_at(s, n, j, 4, y, end) || *end - j != 4)
		return false;
	return *y >= 1000 && *y <= 2999 && !word_goes_on(s, n, *end);
}

/* ------------------------------------------------------------ absolute */

/* 2025-03-17, 2025/03/17, optionally followed by a time. */
static bool iso_at(const char *s, size_t n, size_t i, date_match *dm)
{
	size_t e1, e2, e3;
	int y, m, d;
	char sep;

	if (!num_at(s, n, i, 4, &y, &e1) || e1 - i != 4 || e1 >= n)
		return false;
	sep = s[e1];
	if ((sep != '-' && sep != '/') || !num_at(s, n, e1 + 1, 2, &m, &e2))
		return false;
	if (e2 >= n || s[e2] != sep || !num_at(s, n, e2 + 1, 2, &d, &e3))
		return false;
	if (e3 < n && (is_alpha(s[e3]) && s[e3] != 'T'))
		return false;
	if (!qg__date_valid(y, m, d))
		return false;
	*dm = (date_match){.kind = DK_ABS, .y = y, .m = m, .d = d,
	                   .start = i, .end = e3};
	return true;
}

/* 12/09/2016 or 12-09-2016: only when the order cannot be mistaken. */
static bool numeric_at(const char *s, size_t n, size_t i, date_match *dm)
{
	size_t e1, e2, e3;
	int a, b, y;
	char sep;

	if (!num_at(s, n, i, 2, &a, &e1) || e1 >= n)
		return false;
	sep = s[e1];
	if ((sep != '/' && sep != '-' && sep != '.') ||
	    !num_at(s, n, e1 + 1, 2, &b, &e2))
		return false;
	if (e2 >= n || s[e2] != sep || !num_at(s, n, e2 + 1, 4, &y, &e3) ||
	    e3 - e2 != 5 || (e3 < n && is_word(s[e3])))
		return false;
	if (a > 12 && b <= 12)
		*dm = (date_match){.kind = DK_ABS, .y = y, .m = b, .d = a};
	else if (b > 12 && a <= 12)
		*dm = (date_match){.kind = DK_ABS, .y = y, .m = a, .d = b};
	else if (a == b)
		*dm = (date_match){.kind = DK_ABS, .y = y, .m = a, .d = a};
	else
		return false;
	dm->start = i;
	dm->end = e3;
	return qg__date_valid(dm->y, dm->m, dm->d);
}

/* "March 17, 2025", "Sept. 12 2016", "March 16" (partial). */
static bool month_first_at(const char *s, size_t n, size_t i,
                           date_match *dm)
{
	size_t e, e2, e3;
	int m, d, y;

	m = month_at(s, n, i, &e);
	if (!m || !day_at(s, n, skip_ws(s, n, e), &d, &e2) ||
	    skip_ws(s, n, e) == e)
		return false;
	*dm = (date_match){.kind = DK_PARTIAL, .m = m, .d = d, .start = i,
	                   .end = e2};
	if (year_after(s, n, e2, &y, &e3)) {
		dm->kind = DK_ABS;
		dm->y = y;
		dm->end = e3;
		return qg__date_valid(y, m, d);
	}
	return d <= 31;
}

/* "17 March 2025", "17th of March, 2025", "16 March" (partial). */
static bool day_first_at(const char *s, size_t n, size_t i, date_match *dm)
{
	size_t e, j, e2, e3;
	int m, d, y;

	if (!day_at(s, n, i, &d, &e))
		return false;
	j = skip_ws(s, n, e);
	if (j == e)
		return false;
	if (word_at(s, n, j, "of"))
		j = skip_ws(s, n, j + 2);
	m = month_at(s, n, j, &e2);
	if (!m)
		return false;
	*dm = (date_match){.kind = DK_PARTIAL, .m = m, .d = d, .start = i,
	                   .end = e2};
	if (year_after(s, n, e2, &y, &e3)) {
		dm->kind = DK_ABS;
		dm->y = y;
		dm->end = e3;
		return qg__date_valid(y, m, d);
	}
	return true;
}

/* Any absolute or partial date at the word start i. */
static bool calendar_at(const char *s, size_t n, size_t i, date_match *dm)
{
	if (is_digit(s[i]))
		return iso_at(s, n, i, dm) || numeric_at(s, n, i, dm) ||
		       day_first_at(s, n, i, dm);
	return month_first_at(s, n, i, dm);
}

/* ------------------------------------------------------------ relative */

static bool offset_word_at(const char *s, size_t n, size_t i,
                           date_match *dm)
{
	static const struct {
		const char *w1, *w2;
		int off;
	} rel[] = {
		{"yesterday", NULL, -1}, {"today", NULL, 0},
		{"tonight", NULL, 0},    {"tomorrow", NULL, 1},
		{"last", "night", -1},   {"this", "morning", 0},
		{"this", "afternoon", 0}, {"this", "evening", 0},
	};

	for (size_t k = 0; k < QG_ARRAY_LEN(rel); k++) {
		size_t e = i + strlen(rel[k].w1), j;

		if (!word_at(s, n, i, rel[k].w1))
			continue;
		if (rel[k].w2) {
			j = skip_ws(s, n, e);
			if (j == e || !word_at(s, n, j, rel[k].w2))
				continue;
			e = j + strlen(rel[k].w2);
		}
		*dm = (date_match){.kind = DK_OFFSET, .off = rel[k].off,
		                   .start = i, .end = e};
		return true;
	}
	return false;
}

/* A modifier before a weekday: "on", "last", "next", "this coming",
 * "this past", "this". Sets *mode and returns where the weekday starts. */
static size_t weekday_modifier(const char *s, size_t n, size_t i,
                               wd_mode *mode)
{
	size_t j;

	*mode = WD_RECENT;
	if (word_at(s, n, i, "on"))
		return skip_ws(s, n, i + 2);
	if (word_at(s, n, i, "last")) {
		*mode = WD_LAST;
		return skip_ws(s, n, i + 4);
	}
	if (word_at(s, n, i, "next")) {
		*mode = WD_NEXT;
		return skip_ws(s, n, i + 4);
	}
	if (!word_at(s, n, i, "this"))
		return i;
	j = skip_ws(s, n, i + 4);
	*mode = WD_THIS;
	if (word_at(s, n, j, "coming")) {
		*mode = WD_NEXT;
		j = skip_ws(s, n, j + 6);
	} else if (word_at(s, n, j, "past")) {
		*mode = WD_LAST;
		j = skip_ws(s, n, j + 4);
	}
	return j;
}

/* "on Sunday", "last Friday", "Tuesday night"; a weekday followed by a
 * calendar date ("Monday, March 17, 2025") is that date. */
static bool weekday_at(const char *s, size_t n, size_t i, date_match *dm)
{
	wd_mode mode;
	size_t j = weekday_modifier(s, n, i, &mode), e, k;
	int wd = cap_word(s, n, j, weekdays, QG_ARRAY_LEN(weekdays), &e);

	if (wd < 0)
		return false;
	k = skip_ws(s, n, e < n && s[e] == ',' ? e + 1 : e);
	if (k < n && k > e && calendar_at(s, n, k, dm)) {
		dm->start = i;
		return true;
	}
	*dm = (date_match){.kind = DK_WEEKDAY, .wd = wd, .mode = mode,
	                   .start = i, .end = e};
	return true;
}

/* Whatever date expression starts at the word start i. */
static bool expr_at(const char *s, size_t n, size_t i, bool relative,
                    date_match *dm)
{
	if (calendar_at(s, n, i, dm))
		return true;
	if (!relative)
		return false;
	return offset_word_at(s, n, i, dm) || weekday_at(s, n, i, dm);
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

	switch (mode) {
	case WD_LAST:
		return back ? -back : -7;
	case WD_NEXT:
		return ahead ? ahead : 7;
	case WD_THIS:
		return ahead;
	case WD_RECENT:
	default:
		return -back;
	}
}

/* A day and month without a year: the base year unless that lands more
 * than two months after base (then the year before) or more than ten
 * months before it (then the year after: a late-December story about
 * "January 3"). */
static bool resolve_partial(const date_match *dm, int by, long base,
                            int *y)
{
	long days;

	/* Feb 29 is measured as Feb 28 so that the year can be chosen
	 * before the day is checked against it. */
	*y = by;
	if (dm->m < 1 || dm->m > 12 || dm->d < 1 || dm->d > 31)
		return false;
	days = qg__days_from_civil(by, dm->m, dm->m == 2 && dm->d == 29 ? 28
	                                                              : dm->d);
	if (days - base > 61)
		*y = by - 1;
	else if (base - days > 304)
		*y = by + 1;
	return qg__date_valid(*y, dm->m, dm->d);
}

static bool resolve(const date_match *dm, const char *base, char out[11])
{
	int by, bm, bd, y, m, d;
	long days;

	if (dm->kind == DK_ABS) {
		format_date(dm->y, dm->m, dm->d, out);
		return true;
	}
	if (!qg__date_parse_iso(base, &by, &bm, &bd))
		return false;
	days = qg__days_from_civil(by, bm, bd);
	if (dm->kind == DK_PARTIAL) {
		if (!resolve_partial(dm, by, days, &y))
			return false;
		format_date(y, dm->m, dm->d, out);
		return true;
	}
	if (dm->kind == DK_OFFSET)
		days += dm->off;
	else
		days += weekday_delta(weekday_of(days), dm->wd, dm->mode);
	qg__civil_from_days(days, &y, &m, &d);
	format_date(y, m, d, out);
	return true;
}

/* ------------------------------------------------------------ scanning */

/* The first expression in [s, s+n) that resolves; relative ones only when
 * `relative` is set. */
static bool scan(const char *s, size_t n, bool relative, const char *base,
                 char out[11], qg_span *at)
{
	date_match dm;

	if (!s)
		return false;
	for (size_t i = 0; i < n; i++) {
		if (!is_word(s[i]) || (i > 0 && is_word(s[i - 1])))
			continue;
		if (!expr_at(s, n, i, relative, &dm))
			continue;
		if (dm.kind != DK_ABS && !relative)
			continue;
		if (!resolve(&dm, base, out))
			continue;
		if (at)
			*at = (qg_span){dm.start, dm.end};
		return true;
	}
	return false;
}

bool qg_date_find_at(const char *s, size_t n, char out[11], qg_span *at)
{
	return scan(s, n, false, NULL, out, at);
}

bool qg_date_find(const char *s, size_t n, char out[11])
{
	return scan(s, n, false, NULL, out, NULL);
}

bool qg_date_resolve(const char *expr, size_t n, const char *base,
                     char out[11])
{
	return scan(expr, n, true, base, out, NULL);
}

bool qg_date_scan(const char *s, size_t n, const char *base, char out[11],
                  qg_span *at)
{
	return scan(s, n, true, base, out, at);
}
