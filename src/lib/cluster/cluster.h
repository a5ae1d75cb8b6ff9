/*
 * cluster.h -- grouping quote occurrences into quotes (clusters) across
 * articles: exact after normalisation, fragment of a longer quote, or a
 * variant with a few words changed. Internal.
 *
 * The pure parts (normalised words, containment, word difference, MinHash
 * sketches) are declared here too, so that tests and the trace use them.
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

/*
 * The same for occurrences the store has just written, handed over rather
 * than read back: what clustering needs of each, in the order written.
 */
typedef struct qg__cluster_occ {
	int64_t id;
	int64_t speaker;  /* entity id, 0 for none */
	int indirect;     /* kind 'indirect' */
	const char *text; /* as stored in occurrence.text; borrowed */
	const char *date; /* coalesce(occurrence.date, article.date), or NULL */
} qg__cluster_occ;

qg_status qg__cluster_occurrences(qg_db *db, const qg__cluster_occ *occs,
                                  size_t n);

/* Place one stored occurrence (used by the above and the benchmark). */
qg_status qg__cluster_occurrence(qg_db *db, int64_t occurrence_id);

/*
 * Cluster again the quotes that lost occurrences since (their articles
 * were deleted: quote_stale, schema 004). Inside the caller's transaction;
 * qg__cluster_article calls it first.
 */
qg_status qg__cluster_repair(qg_db *db);

/*
 * Everything waiting, each batch in a transaction of its own: the repair
 * above, and the occurrences stored before they were clustered
 * (cluster_pending: a database made before schema 002, or whose indexes
 * schema 004 replaced). Called when a database is opened for writing,
 * outside any transaction; cheap when nothing waits.
 */
qg_status qg__cluster_upkeep(qg_db *db);

/* ------------------------------------ rows of the open transaction */

/*
 * The index rows (quote_hash: word 0, x 0; quote_word: word 1, x the
 * speaker) added by the open transaction, kept in memory and written in
 * key order when it commits (staged.c). A transaction that clustered
 * anything must end with qg_db_commit() (or call qg__cluster_flush()
 * before its COMMIT); outside a transaction the rows are written at once.
 */
typedef struct qg__staged_row {
	int64_t x, hash, quote;
	int word;
} qg__staged_row;

/* Stage a row (a row already staged is not added twice). */
qg_status qg__staged_add(qg_db *db, const qg__staged_row *row);
/* The quote ids staged under key's (word, x, hash), largest first, at
 * most `max`; returns how many. */
size_t qg__staged_find(const qg_db *db, const qg__staged_row *key,
                       int64_t *ids, size_t max);
/* Sort the staged rows by key for writing; returns how many. The rows
 * stay staged until qg__staged_clear(). */
size_t qg__staged_sorted(qg_db *db, const qg__staged_row **rows);
void qg__staged_mark(qg_db *db);
void qg__staged_undo(qg_db *db);
void qg__staged_clear(qg_db *db);
void qg__staged_free(qg_db *db);

/* Write the staged rows and forget them (cluster.c). */
qg_status qg__cluster_flush(qg_db *db);

/* ------------------------------------------- in-memory filter (filter.c) */

/*
 * A Bloom filter of the index rows, per connection, for long runs. Called
 * before each article with its number of occurrences: builds the filter
 * once enough were clustered, grows it, or drops it when another
 * connection wrote. Until it is built every key "may be there".
 */
qg_status qg__filter_tick(qg_db *db, size_t occurrences);
/* The filter's key of a quote_hash row (word 0) or quote_word row. */
uint64_t qg__filter_key(int64_t speaker, int64_t hash, int word);
int qg__filter_may_have(const qg_db *db, uint64_t key);
void qg__filter_add(qg_db *db, uint64_t key);
/* Whether the filter was built (from the stored rows) since the staged
 * rows were last written: those staged before it are not in it, and the
 * flush must add them as it writes them. qg__filter_staged_written() says
 * it has. */
int qg__filter_rebuilt(const qg_db *db);
void qg__filter_staged_written(qg_db *db);
/* Free the connection's filter (qg_db_close). */
void qg__filter_free(qg_db *db);

/* ------------------------------------ quotes of the open transaction */

/*
 * The quote rows clustering read or wrote lately (recent.c): their norm,
 * indirect and speaker_id (0 for none) as the table holds them. Cleared
 * at every rollback (a hook set on first use), article undone and
 * commit by another connection (qg__filter_tick); a quote deleted on the
 * connection is dropped (an update hook).
 */
/* The columns of a quote the check of a candidate reads, with the
 * number of words of its norm and their bits (qg__norm_shape). */
typedef struct qg__quote_view {
	const char *norm; /* borrowed until the next put or clear */
	size_t len;
	int indirect;
	int64_t speaker;
	size_t words;
	uint64_t mask;
} qg__quote_view;

/* The row of quote `id` into *q: 1, or 0 when it is not kept. */
int qg__recent_get(const qg_db *db, int64_t id, qg__quote_view *q);
/* Keep quote `id` as written or read (the text is copied). */
qg_status qg__recent_put(qg_db *db, int64_t id, const char *norm,
                         size_t len, int indirect, int64_t speaker);
/* speaker_id = coalesce(speaker_id, speaker), as the quote's update. */
void qg__recent_speaker(qg_db *db, int64_t id, int64_t speaker);
/* Forget quote `id` (its text changed, or it is gone). */
void qg__recent_drop(qg_db *db, int64_t id);
/* Forget everything: the table may have changed in ways not told here. */
void qg__recent_clear(qg_db *db);
/* The ids the stored quote_hash rows gave for `hash` with this LIMIT, if
 * kept: 1 and ids[0..*n) (at most `limit`), else 0. */
int qg__recent_ids(const qg_db *db, int64_t hash, size_t limit,
                   int64_t *ids, size_t *n);
/* Keep a lookup's answer (small limits only; others are not kept). */
qg_status qg__recent_ids_put(qg_db *db, int64_t hash, size_t limit,
                             const int64_t *ids, size_t n);
/* Forget the lookups: quote_hash has been written (qg__cluster_flush). */
void qg__recent_ids_clear(qg_db *db);
void qg__recent_free(qg_db *db);

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

/* The words of a stored norm (the `text` of a qg_qwords: words joined by
 * one space), split without normalising again: the same words as
 * qg__qwords() gives for it, at a fraction of the cost. No word ends a
 * sentence but the last. */
qg_status qg__qwords_norm(qg_qwords *w, const char *norm, size_t len);

/* Whether word i is a short common word ("the", "will", "of"). */
int qg__qwords_common(const qg_qwords *w, size_t i);

/* The first word of `hay` where all of `needle` follows word for word, or
 * -1. An empty needle is never found. */
long qg__qwords_find(const qg_qwords *hay, const qg_qwords *needle);

/* The index key of words [from, to) of w (to > from), as quote_hash holds
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

/*
 * A cheap test before qg__relate(): 0 when `occ` can be no relation
 * (exact, fragment, superset or variant) of the quote whose norm is
 * norm[0..len), of `words` words as qg__qwords_norm() splits it; 1 when
 * it may be. Never 0 for a pair qg__relate() relates. The masks are the
 * words' bits (qg__qwords_mask, qg__norm_shape): a variant's words differ
 * in at most a fifth of them, so the bits of each side missing from the
 * other are few.
 */
uint64_t qg__qwords_mask(const qg_qwords *w);
/* The number of words of a stored norm and their bits into *mask. */
size_t qg__norm_shape(const char *norm, size_t len, uint64_t *mask);
int qg__may_relate(const qg_qwords *occ, uint64_t occ_mask,
                   const char *norm, size_t len, size_t words,
                   uint64_t mask);

/* ------------------------------------------------------ shingle sketch */

/*
 * A bottom-k MinHash sketch: the k smallest hashes of w's shingles (runs
 * of QG_SHINGLE words); shingles without common words when there are at
 * least QG_SKETCH_KEEP, else those not of common words only, else all;
 * ascending, distinct. Returns how many there are
 * (fewer than k for a short text, 0 below QG_SHINGLE words). k is at most
 * QG_SKETCH_PROBE.
 *
 * A text is indexed by its QG_SKETCH_KEEP smallest and looks up its
 * QG_SKETCH_PROBE smallest: a variant with a word or two changed keeps
 * most shingles, so one of the quote's few smallest is nearly always among
 * its own smallest, while each quote writes only a few index rows.
 */
#define QG_SHINGLE 2
#define QG_SKETCH_KEEP 3
#define QG_SKETCH_PROBE 8
size_t qg__sketch(const qg_qwords *w, int64_t *out, size_t k);

#endif
