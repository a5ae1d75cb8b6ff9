/*
 * cluster.h -- grouping quote occurrences into quotes (clusters) across
 * articles: exact after normalisation, fragment of a longer quote, or a
 * variant with a few words changed. Internal.
 *
 * The pure parts (normalised words, containment, word difference, MinHash
 * signatures) are declared here too, so that tests and the trace use them.
 */
#ifndef QG_CLUSTER_H
#define QG_CLUSTER_H

#include "../store/store.h"

/*
 * Place every occurrence of the article `article_id` (just inserted) into a
 * cluster. Called by the store inside the article's own transaction, so that
 * an article and its clustering commit together or not at all. The cost
 * does not grow with the number of stored articles beyond index lookups.
 */
qg_status qg__cluster_article(qg_db *db, int64_t article_id);

/* Place one stored occurrence (used by the above and the benchmark). */
qg_status qg__cluster_occurrence(qg_db *db, int64_t occurrence_id);

/* -------------------------------------------- index rows held (pending.c) */

/* The index tables whose new rows wait in memory for the commit. */
enum { QG_IDX_KEY = 0, QG_IDX_LSH = 1, QG_IDX_TOKEN = 2 };

/* Hold the row (a, hash, quote) of `table` (a: band for quote_lsh, short
 * for quote_token, 0 for quote_key) until qg__pending_flush(). */
qg_status qg__pending_add(qg_db *db, int table, int64_t a, int64_t hash,
                          int64_t quote);
/* The quotes of the held rows matching (table, a, hash), largest id first,
 * at most `cap`, into ids[]; returns how many. */
size_t qg__pending_find(qg_db *db, int table, int64_t a, int64_t hash,
                        int64_t *ids, size_t cap);
/* Quote `quote` was deleted: its held rows go too. */
qg_status qg__pending_drop_quote(qg_db *db, int64_t quote);
/* Write the held rows (just before the commit) and forget them. */
qg_status qg__pending_flush(qg_db *db);
void qg__pending_mark(qg_db *db);  /* an article's savepoint opens */
void qg__pending_undo(qg_db *db);  /* ... and rolls back */
void qg__pending_clear(qg_db *db); /* the transaction rolled back */
void qg__pending_free(qg_db *db);

/* ------------------------------------------------------ normalised words */

/*
 * The words of a quote after normalisation: lower case, accents folded,
 * curly marks made plain, quote marks, ellipses, spacing and punctuation
 * around words dropped; apostrophes, hyphens and dots inside a word kept
 * ("work's", "solution-based", "u.s"). `text` holds the words joined by one
 * space; word i is text.data[off[i] .. off[i] + len[i]). seg[i] is 1 when a
 * sentence ends after word i (a full stop, ?, !, ; or an ellipsis).
 */
typedef struct qg_qwords {
	qg_buf text;
	size_t n, cap;
	size_t *off, *len;
	unsigned char *seg;
} qg_qwords;

#define QG_QWORDS_INIT {QG_BUF_INIT, 0, 0, NULL, NULL, NULL}

/* Normalise s[0..len) (valid UTF-8) into *w, replacing what it held. */
qg_status qg__qwords(qg_qwords *w, const char *s, size_t len);
void qg__qwords_dispose(qg_qwords *w);

/* Whether word i is a short common word ("the", "will", "of"). */
int qg__qwords_common(const qg_qwords *w, size_t i);

/* The first word of `hay` where all of `needle` follows word for word, or
 * -1. An empty needle is never found. */
long qg__qwords_find(const qg_qwords *hay, const qg_qwords *needle);

/* The index key of words [from, to) of w (to > from), as quote_key holds
 * it; reported speech has keys of its own. */
int64_t qg__quote_key(const qg_qwords *w, size_t from, size_t to,
                      int indirect);

/* How an occurrence's words relate to a quote's longest version. */
typedef enum qg_relation_kind {
	QG_REL_NONE = 0,
	QG_REL_EXACT,    /* the same words */
	QG_REL_FRAGMENT, /* a run of whole words inside the quote */
	QG_REL_SUPERSET, /* the quote is a run inside the occurrence */
	QG_REL_VARIANT   /* a few words changed, added or dropped */
} qg_relation_kind;

const char *qg__relation_name(qg_relation_kind rel);

/*
 * Relate `occ` to `canon`. For a variant, the word difference is appended
 * to `diff` (may be NULL) as hunks "old→new" joined by "; ", an empty side
 * written "∅". A variant needs both sides of at least QG_VARIANT_MIN words
 * and at most a fifth of the words changed (at least one allowed), so
 * that short phrases never pass for variants of each other.
 */
#define QG_VARIANT_MIN 5
qg_status qg__relate(const qg_qwords *occ, const qg_qwords *canon,
                     qg_buf *diff, qg_relation_kind *out);

/* ------------------------------------------------------------- MinHash */

#define QG_LSH_BANDS 8
#define QG_LSH_ROWS 3
#define QG_SHINGLE 2 /* words per shingle */

/* Band hashes of the MinHash signature of w's two-word shingles, leaving
 * out shingles of common words only when there are others. Needs at least
 * QG_SHINGLE words; returns 0 (and leaves bands alone) otherwise. */
int qg__minhash_bands(const qg_qwords *w, int64_t bands[QG_LSH_BANDS]);

/* Estimated Jaccard similarity of two shingle sets, from full signatures
 * (used by tests to check that the estimate follows the truth). */
double qg__minhash_similarity(const qg_qwords *a, const qg_qwords *b);

#endif
