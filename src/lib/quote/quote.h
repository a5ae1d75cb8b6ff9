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

/* One turn of a transcript: the speaker's label (its name words, without
 * a role, a party or the colon) and the words said, in paragraph `para`. */
typedef struct qg_turn {
	size_t para;
	size_t label0, label1;
	size_t start, end;
} qg_turn;

/* The outermost quotes of an article in text order, and its transcript
 * turns in paragraph order; scratch reused. */
typedef struct qg_quotes {
	qg_quote *items;
	size_t n, cap;
	qg_mark *stack;
	size_t depth, capstack;
	qg_turn *turns;
	size_t nturn, capturn;
} qg_quotes;

void qg_quotes_dispose(qg_quotes *qs);

/* Find the transcript turns of the paragraphs of `sg` (none unless at
 * least two paragraphs open with a speaker's label). Call it before
 * qg_quotes_find() on each article; without it an article has no turns. */
qg_status qg_turns_find(qg_quotes *qs, const qg_lexicon *lx,
                        const char *text, size_t len, const qg_segments *sg);

/* The turn of paragraph `para`, or NULL. */
const qg_turn *qg_turn_of_para(const qg_quotes *qs, size_t para);

/* The turn whose words hold byte `pos`, or NULL. */
const qg_turn *qg_turn_at(const qg_quotes *qs, size_t pos);

/* Pair the marks of every paragraph of `sg` (paragraphs only needed). */
qg_status qg_quotes_find(qg_quotes *qs, const char *text,
                         const qg_segments *sg);

/* Whether byte `pos` lies in the text of a quote (ctx: a qg_quotes). */
bool qg_quotes_inside(const void *ctx, size_t pos);

/* The quote whose text holds `pos`, or NULL. */
const qg_quote *qg_quotes_at(const qg_quotes *qs, size_t pos);

#endif
