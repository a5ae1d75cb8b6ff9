/*
 * quotegraph.h -- the whole public API of libquotegraph.
 *
 * quotegraph finds quoted and reported speech in news articles, ties each
 * quote to its speaker and to the outlet it was first said to, and keeps the
 * attribution graph in SQLite.
 *
 * Conventions (after SQLite and libgit2):
 *  - Every name starts with qg_ (macros QG_).
 *  - Handles are opaque and come in _new/_free or _open/_close pairs;
 *    passing NULL to a _free or _close function does nothing.
 *  - Functions that make something return it through a first out-parameter
 *    named `out`; the caller owns it and frees it with the matching _free.
 *    Strings returned by getters are borrowed: they live as long as the
 *    handle they came from and must not be freed.
 *  - Functions return a qg_status: QG_OK (0) or a negative code. The message
 *    (and, for input errors, the byte offset) stays on the handle until the
 *    next call on it: qg_extractor_errmsg(), qg_db_errmsg().
 *  - No function calls exit() or prints to stderr.
 */
#ifndef QUOTEGRAPH_H
#define QUOTEGRAPH_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#ifdef __cplusplus
extern "C" {
#endif

#if defined(QG_BUILDING) && defined(__GNUC__)
#define QG_API __attribute__((visibility("default")))
#else
#define QG_API
#endif

#define QG_VERSION "0.1.0"

/* ---------------------------------------------------------------- status */

typedef enum qg_status {
	QG_OK = 0,
	QG_ERR_INPUT = -1,    /* the article or record is unusable */
	QG_ERR_NOTFOUND = -2, /* nothing matched the request */
	QG_ERR_DB = -3,       /* the database is locked, corrupt or failing */
	QG_ERR_NOMEM = -4,    /* an allocation failed */
	QG_ERR_USAGE = -5,    /* the caller passed a bad argument */
	QG_ERR_IO = -6        /* a file could not be read or written */
} qg_status;

/* A short constant name for a status ("input", "database", ...). */
QG_API const char *qg_status_str(qg_status status);

/*
 * Allocation. Every allocation of the library goes through these three
 * functions, so that tests can count leaks and fail the Nth allocation.
 * Call qg_set_allocator() before any handle exists; NULL restores libc.
 */
typedef struct qg_allocator {
	void *(*malloc_fn)(size_t size, void *ctx);
	void *(*realloc_fn)(void *ptr, size_t size, void *ctx);
	void (*free_fn)(void *ptr, void *ctx);
	void *ctx;
} qg_allocator;

QG_API void qg_set_allocator(const qg_allocator *allocator);

/* Free memory the library handed over as a plain pointer. */
QG_API void qg_free(void *ptr);

/* ------------------------------------------------------------ extraction */

typedef struct qg_extractor qg_extractor; /* compiled patterns and lexicons */
typedef struct qg_article qg_article;     /* one article and its quotes */

typedef enum qg_kind {
	QG_KIND_DIRECT = 0,   /* a quoted clause of speech */
	QG_KIND_PARTIAL = 1,  /* a quoted word or phrase in the writer's sentence */
	QG_KIND_HEADLINE = 2, /* a quote in the title line */
	QG_KIND_INDIRECT = 3  /* reported speech without quote marks */
} qg_kind;

/* "direct", "partial", "headline" or "indirect". */
QG_API const char *qg_kind_name(qg_kind kind);

typedef enum qg_entity_type {
	QG_ENTITY_UNKNOWN = 0,
	QG_ENTITY_PERSON = 1,
	QG_ENTITY_ORG = 2,   /* organisation, government, country */
	QG_ENTITY_OUTLET = 3 /* newspaper, broadcaster, agency */
} qg_entity_type;

/* Byte offsets into the article text, half open: [start, end). */
typedef struct qg_span {
	size_t start;
	size_t end;
} qg_span;

/*
 * One attribution: a quote occurrence and what the article says about who
 * said it. Every string is borrowed from the qg_article and may be NULL
 * when the article does not tell.
 */
typedef struct qg_attribution {
	qg_kind kind;
	const char *quote;         /* text between the marks as in the file;
	                              for indirect speech, the reported clause */
	qg_span span;              /* of `quote` */
	const char *speaker;       /* canonical full name ("Alexander Grushko") */
	const char *speaker_title; /* title or role kept apart ("Russian Deputy
	                              Foreign Minister") */
	qg_entity_type speaker_type;
	const char *cue;           /* reporting verb or phrase, lower case */
	qg_span cue_span;          /* the evidence; {0, 0} when there is none */
	const char *outlet;        /* outlet first said to or published in */
	const char *venue;         /* a place or occasion that is no outlet */
	const char *date;          /* day of the speech, YYYY-MM-DD */
	qg_span sentence;          /* the sentence holding the quote */
	const char *rule;          /* the sieve that chose the speaker */
	double confidence;         /* 0 to 1 */
} qg_attribution;

/*
 * What a caller knows of an article before reading it (a crawler's JSON
 * record). Any NULL field is found from the article's own header lines.
 */
typedef struct qg_article_meta {
	const char *id;      /* stable name; defaults to the file name */
	const char *url;
	const char *title;
	const char *date;    /* YYYY-MM-DD, or a date the parser reads */
	const char *outlet;  /* publisher or agency */
	const char *byline;
} qg_article_meta;

/*
 * Compile every pattern and lexicon once. The extractor is reused for any
 * number of articles; it is not safe to share between threads.
 */
QG_API qg_status qg_extractor_new(qg_extractor **out);
QG_API void qg_extractor_free(qg_extractor *ex);

/*
 * Read one article (`len` bytes of UTF-8, not NUL-terminated) and find its
 * quotes. `name` identifies it in messages and output. `meta` may be NULL.
 * On QG_ERR_INPUT the message and byte offset are on the extractor and
 * *out is NULL. The caller frees *out with qg_article_free().
 */
QG_API qg_status qg_extract(qg_extractor *ex, const char *name,
                            const char *text, size_t len,
                            const qg_article_meta *meta, qg_article **out);

QG_API const char *qg_extractor_errmsg(const qg_extractor *ex);
QG_API size_t qg_extractor_erroffset(const qg_extractor *ex);

QG_API void qg_article_free(qg_article *article);

/* Getters: borrowed strings, NULL when unknown. */
QG_API const char *qg_article_name(const qg_article *article);
QG_API const char *qg_article_text(const qg_article *article, size_t *len);
QG_API const char *qg_article_hash(const qg_article *article); /* SHA-256 hex */
QG_API const char *qg_article_title(const qg_article *article);
QG_API const char *qg_article_date(const qg_article *article); /* YYYY-MM-DD */
QG_API const char *qg_article_byline(const qg_article *article);
QG_API const char *qg_article_publisher(const qg_article *article);
QG_API const char *qg_article_url(const qg_article *article);

QG_API size_t qg_article_count(const qg_article *article);
QG_API const qg_attribution *qg_article_at(const qg_article *article,
                                           size_t index);

/* --------------------------------------------------------------- formats */

typedef enum qg_format {
	QG_FORMAT_TEXT = 0, /* for people */
	QG_FORMAT_JSONL,    /* one JSON object per line */
	QG_FORMAT_CSV,
	QG_FORMAT_TABLE,    /* aligned columns for a terminal */
	QG_FORMAT_JSON,
	QG_FORMAT_MD,
	QG_FORMAT_HTML,
	QG_FORMAT_DOT,
	QG_FORMAT_PROV      /* W3C PROV-JSON */
} qg_format;

/* "jsonl" -> QG_FORMAT_JSONL; QG_ERR_USAGE for an unknown name. */
QG_API qg_status qg_format_parse(const char *name, qg_format *out);

/*
 * Write an article's attributions: QG_FORMAT_JSONL prints one object per
 * quote in the contract of the evaluation (article, kind, quote, start, end,
 * speaker, cue, outlet, venue, plus title, confidence, evidence, date, rule);
 * QG_FORMAT_TEXT prints each quote with its speaker, outlet and sentence.
 */
QG_API qg_status qg_article_write(const qg_article *article, qg_format format,
                                  FILE *fp);

/* ----------------------------------------------------------------- store */

typedef struct qg_db qg_db;

#define QG_DB_READONLY 0x1 /* open an existing database for queries only */

/*
 * Open (and create or migrate) the database at `path`. On failure *out is
 * still set when a handle could be made, so that qg_db_errmsg() can tell why;
 * the caller closes it either way.
 */
QG_API qg_status qg_db_open(qg_db **out, const char *path, unsigned flags);
QG_API void qg_db_close(qg_db *db);
QG_API const char *qg_db_errmsg(const qg_db *db);
QG_API int qg_db_schema_version(qg_db *db);

/*
 * Store one article with everything found in it, whole or not at all.
 * An article whose content hash is already stored changes nothing and sets
 * *is_new to 0. Between qg_db_begin() and qg_db_commit() many articles share
 * one transaction (each still whole or not at all); without them each
 * article commits on its own.
 */
QG_API qg_status qg_db_add_article(qg_db *db, const qg_article *article,
                                   int64_t *article_id, int *is_new);
/*
 * qg_db_add_article() with what the caller knows of the article (a
 * crawler's record): each non-NULL field of `meta` (url, title, date,
 * outlet as the publisher, byline) is stored instead of the article's own.
 * `meta` may be NULL.
 */
QG_API qg_status qg_db_add_article_meta(qg_db *db, const qg_article *article,
                                        const qg_article_meta *meta,
                                        int64_t *article_id, int *is_new);
QG_API qg_status qg_db_begin(qg_db *db);
QG_API qg_status qg_db_commit(qg_db *db);
QG_API qg_status qg_db_rollback(qg_db *db);

/*
 * JSON Lines article records, the shape news crawlers write: one object a
 * line with "id", "url", "title", "date", "outlet", "byline" and "text"
 * (also read: "headline", "publisher", "source", "author", "body",
 * "content"); other keys are skipped. `line` is `len` bytes, not
 * NUL-terminated. *out is set even on failure (NULL only when memory ran
 * out), so that qg_record_errmsg() can tell why; the caller frees it with
 * qg_record_free() either way. QG_ERR_INPUT for a record that is not
 * valid JSON, not UTF-8, or has no text.
 */
typedef struct qg_record qg_record;

QG_API qg_status qg_record_parse(qg_record **out, const char *line,
                                 size_t len);
QG_API void qg_record_free(qg_record *rec);
QG_API const char *qg_record_errmsg(const qg_record *rec);
QG_API size_t qg_record_erroffset(const qg_record *rec);
/* Borrowed from the record: the metadata (for qg_extract) and the text. */
QG_API const qg_article_meta *qg_record_meta(const qg_record *rec);
QG_API const char *qg_record_text(const qg_record *rec, size_t *len);

/* ---------------------------------------------------------------- queries */

/*
 * A query answer: a table of text cells, NULL for SQL NULL. Owned by the
 * caller, freed with qg_rows_free().
 */
typedef struct qg_rows qg_rows;

QG_API size_t qg_rows_columns(const qg_rows *rows);
QG_API const char *qg_rows_name(const qg_rows *rows, size_t column);
QG_API size_t qg_rows_count(const qg_rows *rows);
QG_API const char *qg_rows_get(const qg_rows *rows, size_t row, size_t column);
QG_API void qg_rows_free(qg_rows *rows);

/* Write rows as QG_FORMAT_TABLE, QG_FORMAT_JSONL or QG_FORMAT_CSV. */
QG_API qg_status qg_rows_write(const qg_rows *rows, qg_format format, FILE *fp);

/* Filters; NULL or 0 fields do not filter. Names match loosely (case,
 * accents, the surname alone when it is unambiguous). */
typedef struct qg_filter {
	const char *speaker;
	const char *outlet;
	const char *article; /* article id, name or hash prefix */
	const char *since;   /* YYYY-MM-DD, inclusive */
	const char *until;   /* YYYY-MM-DD, inclusive */
	const char *text;    /* words the quote contains (full-text) */
	int64_t quote;       /* quote cluster id */
	size_t limit;        /* 0: no limit */
} qg_filter;

/* Every speaker who said words matching `text`, with outlets, articles and
 * dates. */
QG_API qg_status qg_query_who(qg_db *db, const char *text, qg_rows **out);
QG_API qg_status qg_query_quotes(qg_db *db, const qg_filter *filter,
                                 qg_rows **out);
QG_API qg_status qg_query_speakers(qg_db *db, const qg_filter *filter,
                                   qg_rows **out);
QG_API qg_status qg_query_outlets(qg_db *db, const qg_filter *filter,
                                  qg_rows **out);
QG_API qg_status qg_query_articles(qg_db *db, const qg_filter *filter,
                                   qg_rows **out);
/* qg_query_who() for filter->text, narrowed by the filter's other fields;
 * filter->limit keeps that many rows, the earliest (0: all). One row per
 * speaker and outlet, ordered by the earliest date, then speaker and
 * outlet; the rows are those of qg_query_who() cut to the limit. */
QG_API qg_status qg_query_who_filter(qg_db *db, const qg_filter *filter,
                                     qg_rows **out);

/* The stored text of one article; the caller frees *out with qg_free(). */
QG_API qg_status qg_db_article_text(qg_db *db, const char *article,
                                    char **out, size_t *len);

/* ------------------------------------------------------------- provenance */

/*
 * Quotes across articles. Every stored occurrence belongs to one quote (a
 * cluster of occurrences of one utterance) with a relation to the quote's
 * longest version. A trace gathers, for one quote, what every article
 * carrying it says: who said it, to which outlet, where and when (each
 * with the articles that state it), every occurrence in date order, and
 * the flags a fact-checker acts on. Reported speech clusters only with
 * reported speech.
 */
typedef enum qg_relation {
	QG_RELATION_EXACT = 0,    /* the same words after normalisation */
	QG_RELATION_FRAGMENT = 1, /* a run of whole words of the quote */
	QG_RELATION_VARIANT = 2   /* a few words changed, added or dropped */
} qg_relation;

/* "exact", "fragment" or "variant". */
QG_API const char *qg_relation_name(qg_relation relation);

/* Flags on a trace (any occurrence) and on each of its occurrences. */
#define QG_TRACE_WORDING 0x1   /* the wording differs between articles */
#define QG_TRACE_UNSOURCED 0x2 /* carried with no speaker named, or with no
                                  outlet where other articles name one */
#define QG_TRACE_SPEAKERS 0x4  /* the speaker differs between articles */
#define QG_TRACE_CONTEXT 0x8   /* a partial quote whose next word is in no
                                  full version ("'paper-thin' settlement") */

/* "wording", "unsourced", "speakers" or "context" for one flag bit. */
QG_API const char *qg_trace_flag_name(unsigned flag);

/* One occurrence of a traced quote. Strings are borrowed from the trace;
 * NULL when the article does not tell. */
typedef struct qg_trace_item {
	int64_t occurrence;
	int64_t article_id;
	const char *article;       /* the article's name */
	const char *article_title;
	const char *article_date;  /* publication day, YYYY-MM-DD */
	const char *publisher;     /* publisher or agency */
	qg_kind kind;
	qg_relation relation;
	const char *text;          /* the words as this article carries them */
	const char *diff;          /* variants: "this→that"; hunks joined by
	                              "; ", an empty side written "∅" */
	const char *next_word;     /* partial quotes: the word that follows */
	const char *speaker;
	const char *outlet;
	const char *venue;
	const char *date;          /* day of the speech as this article says */
	int names_speaker;         /* the article names a speaker */
	int names_outlet;          /* it names an outlet of the quote */
	unsigned flags;            /* QG_TRACE_* that this occurrence raises */
} qg_trace_item;

/* What the articles claim about a quote. */
typedef enum qg_trace_field {
	QG_TRACE_SPEAKER = 0,
	QG_TRACE_OUTLET = 1,
	QG_TRACE_VENUE = 2,
	QG_TRACE_DATE = 3
} qg_trace_field;

/* One claimed value with the articles stating it (names, borrowed). */
typedef struct qg_trace_claim {
	const char *value;
	size_t count;
	const char *const *articles;
} qg_trace_claim;

typedef struct qg_trace qg_trace;

/*
 * Trace the quote `quote`: a quote id (digits), or words of it, matched
 * after normalisation: the whole quote or one of its sentences, else the
 * quote with the most occurrences whose text holds these words, else the
 * quote whose occurrences carry them in any article's wording (a
 * variant's). QG_ERR_NOTFOUND when none, QG_ERR_USAGE when `quote` has no
 * words; the message is on the db. The caller frees *out with
 * qg_trace_free().
 */
QG_API qg_status qg_trace_find(qg_db *db, const char *quote, qg_trace **out);
QG_API qg_status qg_trace_get(qg_db *db, int64_t quote_id, qg_trace **out);
QG_API void qg_trace_free(qg_trace *trace);

QG_API int64_t qg_trace_id(const qg_trace *trace);
QG_API const char *qg_trace_text(const qg_trace *trace); /* longest form */
QG_API const char *qg_trace_first_seen(const qg_trace *trace);
QG_API unsigned qg_trace_flags(const qg_trace *trace);
/* Occurrences by the date of their article (undated articles last), the
 * occurrences of one article together in the order of the text. */
QG_API size_t qg_trace_count(const qg_trace *trace);
QG_API const qg_trace_item *qg_trace_at(const qg_trace *trace, size_t i);
/* Claims of one field, the most stated first. */
QG_API size_t qg_trace_claims(const qg_trace *trace, qg_trace_field field);
QG_API const qg_trace_claim *qg_trace_claim_at(const qg_trace *trace,
                                               qg_trace_field field,
                                               size_t i);

/* Write a trace as QG_FORMAT_TEXT (for people) or QG_FORMAT_JSON. */
QG_API qg_status qg_trace_write(const qg_trace *trace, qg_format format,
                                FILE *fp);

/*
 * A provenance report: the traces of every quote said by filter->speaker,
 * or to filter->outlet, or the one quote filter->quote (the other fields
 * are ignored; filter->limit caps the quotes, 0: all). NULL or an empty
 * filter reports every quote. The caller frees *out with qg_report_free().
 */
typedef struct qg_report qg_report;

QG_API qg_status qg_report_new(qg_db *db, const qg_filter *filter,
                               qg_report **out);
QG_API void qg_report_free(qg_report *report);
QG_API size_t qg_report_count(const qg_report *report);
QG_API const qg_trace *qg_report_at(const qg_report *report, size_t i);

/*
 * Write the report as QG_FORMAT_MD, QG_FORMAT_HTML (one self-contained
 * page, the chain drawn in inline SVG), QG_FORMAT_JSON, QG_FORMAT_CSV (one
 * row per occurrence), QG_FORMAT_DOT (Graphviz) or QG_FORMAT_PROV (W3C
 * PROV-JSON: quotations are "wasDerivedFrom" entries with "prov:type":
 * "prov:Quotation", PROV-DM's wasQuotedFrom). QG_ERR_USAGE for another
 * format, QG_ERR_IO when writing fails.
 */
QG_API qg_status qg_report_write(const qg_report *report, qg_format format,
                                 FILE *fp);

#ifdef __cplusplus
}
#endif

#endif /* QUOTEGRAPH_H */
