/*
 * quote.h -- quotation marks paired into quote spans. Internal.
 *
 * Marks: " “” „ ‘’ ‚ ' «» ‹›. A mark that sits between letters or before a
 * year ("work’s", "’90s", "rock 'n' roll") is an apostrophe. A quote nests
 * only inside a quote of another mark family. A quote runs over several
 * paragraphs only when each new paragraph opens with a mark again; any other
 * unclosed mark ends with its paragraph, so it never swallows the article.
 */
#ifndef QG_QUOTE_H
#define QG_QUOTE_H

#include "../text/segment.h"

#define QG_Q_UNCLOSED 0x01  /* no closing mark: runs to its paragraph end */
#define QG_Q_MULTIPARA 0x02 /* runs over paragraphs */

typedef struct qg_quote {
	size_t open;    /* the opening mark */
	size_t start;   /* the text: [start, end) */
	size_t end;
	size_t close;   /* just past the closing mark (== end when unclosed) */
	size_t para0, para1; /* first and last paragraph */
	uint32_t mark;  /* the opening code point */
	unsigned flags; /* QG_Q_* */
} qg_quote;

typedef struct qg_mark {
	size_t pos, end; /* bytes of the mark */
	uint32_t cp;
	int family;      /* 0 double, 1 single, 2 angle */
	bool opener;     /* how it was read when pushed */
} qg_mark;

/* The outermost quotes of an article in text order; scratch reused. */
typedef struct qg_quotes {
	qg_quote *items;
	size_t n, cap;
	qg_mark *stack;
	size_t depth, capstack;
} qg_quotes;

void qg_quotes_dispose(qg_quotes *qs);

/* Pair the marks of every paragraph of `sg` (paragraphs only needed). */
qg_status qg_quotes_find(qg_quotes *qs, const char *text,
                         const qg_segments *sg);

/* Whether byte `pos` lies in the text of a quote (ctx: a qg_quotes). */
bool qg_quotes_inside(const void *ctx, size_t pos);

/* The quote whose text holds `pos`, or NULL. */
const qg_quote *qg_quotes_at(const qg_quotes *qs, size_t pos);

#endif
