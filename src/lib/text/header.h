/*
 * header.h -- the first lines of an article (headline, byline, agency,
 * date), absolute and relative dates, and boilerplate lines that never
 * carry quotes. Internal: not part of the public API.
 *
 * Everything here works on borrowed byte ranges of valid UTF-8 and never
 * allocates; spans are byte offsets into the text that was passed in.
 */
#ifndef QG_TEXT_HEADER_H
#define QG_TEXT_HEADER_H

#include <stdbool.h>
#include <stddef.h>

#include "../core/core.h"

/* The header scan reads at most this many bytes and lines, so that a huge
 * single-line file costs no more than a normal article. */
#define QG_HEADER_MAX_BYTES 8192
#define QG_HEADER_MAX_LINES 24

typedef struct qg_header {
	qg_span title;  /* the headline line, {0,0} when the article has none;
	                   a final plain period is left out of the span */
	qg_span byline; /* author name(s) only, "By" stripped; {0,0} none */
	qg_span publisher; /* agency or outlet named in the header/dateline:
	                      "By Xinhua", "(Reuters) -", "LONDON (AP) --";
	                      {0,0} none */
	qg_span dateline;  /* the place of a wire dateline ("MOSCOW",
	                      "HEMPSTEAD, N.Y."); {0,0} none */
	size_t dateline_end; /* just past the dash (and space) that closes
	                        the dateline, where the story's first
	                        sentence starts; 0 when there is none */
	char date[11];     /* the article's date, YYYY-MM-DD, "" when unknown */
	size_t body;       /* offset where the body (first paragraph) starts;
	                      the dateline, when there is one, is part of it */
} qg_header;

/*
 * Read the first lines of an article (valid UTF-8, len bytes) into *out.
 * Only the first QG_HEADER_MAX_LINES lines / QG_HEADER_MAX_BYTES bytes are
 * looked at. Never fails on odd input (QG_OK; empty fields); returns
 * QG_ERR_USAGE only when out is NULL or text is NULL with len > 0.
 */
qg_status qg_header_parse(const char *text, size_t len, qg_header *out);

/*
 * Whether the line [s, s+n) is boilerplate that never carries quotes:
 * share/follow/subscribe prompts, "ALSO READ: ...", "Read more:",
 * "Related:", "MORE STORIES", "Topics", "Advertisement", photo captions
 * and credits ("... (PHOTO / AFP)", "Photo: ..."), copyright lines.
 * Only the line itself is judged: a heading such as "Editor's Comments" or
 * "Topics" is boilerplate, the lines under it are not implied to be (an
 * editor's comment may quote someone, so the extractor must keep reading).
 * A sentence that merely starts with such a word ("Shares fell...") is not.
 */
bool qg_boilerplate_line(const char *s, size_t n);

/*
 * Find the first absolute date with a year in [s, s+n) and write it as
 * YYYY-MM-DD into out: "March 17, 2025", "17 March 2025", "Mar 18, 2025",
 * "Sept. 12, 2016", "Monday, March 17, 2025", "17th of March, 2025",
 * "2025-03-17", "2025-03-17T10:35:00Z", "2025/03/17". Month names must be
 * capitalised (so "may" the verb never starts a date). Numeric dates
 * "12/09/2016" are taken only when unambiguous (one part above 12, or both
 * parts equal): day-first and month-first sites both exist. *at, when not
 * NULL, receives the span relative to s. Returns false when there is none.
 */
bool qg_date_find(const char *s, size_t n, char out[11]);
bool qg_date_find_at(const char *s, size_t n, char out[11], qg_span *at);

/*
 * Resolve a relative or partial date expression [expr, expr+n) against the
 * article date `base` (YYYY-MM-DD; NULL or "" when unknown):
 *  - an absolute date: itself (base not needed);
 *  - "today", "tonight", "this morning": base; "yesterday": base - 1;
 *    "tomorrow": base + 1;
 *  - a weekday ("on Sunday", "Tuesday night", "last Friday"): the most
 *    recent such day strictly before base, except the base's own weekday,
 *    which means the base day itself (a Monday story saying "on Monday");
 *    "last Monday" in a Monday story is 7 days back; "next Friday",
 *    "this coming Friday": the first such day after base;
 *  - "March 16", "16 March" (no year): in base's year, or the year before
 *    when that would put the day more than two months after base;
 *  - "last week", "recently", "this month": no single day, false.
 */
bool qg_date_resolve(const char *expr, size_t n, const char *base,
                     char out[11]);

/*
 * Find the first date expression (absolute or relative, as above) inside
 * [s, s+n) that resolves to one day, and resolve it; *at (may be NULL)
 * receives its span relative to s, including a leading "on"/"last"/"next".
 * Expressions that name no single day ("last week") are passed over.
 */
bool qg_date_scan(const char *s, size_t n, const char *base, char out[11],
                  qg_span *at);

/* ---- small helpers shared by header.c, date.c and boilerplate.c */

/* Days since 1970-01-01 of a valid civil date, and back. */
long qg__days_from_civil(int y, int m, int d);
void qg__civil_from_days(long z, int *y, int *m, int *d);
/* Whether y-m-d is a real calendar day (years 1000..2999). */
bool qg__date_valid(int y, int m, int d);
/* Parse "YYYY-MM-DD" at the start of s; false when malformed or invalid. */
bool qg__date_parse_iso(const char *s, int *y, int *m, int *d);
/* Whether no whole-line boilerplate phrase is longer than the bound the
 * matcher skips long lines by, the prefixes are sorted as their search
 * by first byte needs, and every caption credit holds one of the words
 * it is first sought by (unit tests). */
bool qg__boilerplate_whole_ok(void);
/* Whether the words that open a date expression are sorted and their
 * first letters listed, as the scanner's quick tests need (unit tests). */
bool qg__date_words_ok(void);

#endif /* QG_TEXT_HEADER_H */
