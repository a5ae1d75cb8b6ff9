/*
 * cluster.c -- placing each stored occurrence in a quote (cluster), inside
 * the article's transaction.
 *
 * An occurrence finds its candidates with a few index lookups, never a scan
 * of all quotes (schema 004): first the hash of its whole normalised text
 * and of each of its sentences; only when none of those is the same quote,
 * the smallest hashes of its word pairs (a bottom-k MinHash sketch, for
 * variants), or for a short
 * fragment its rarest word among the words of the quotes of its speaker.
 * Each candidate is then checked word for word (qg__relate) and the best
 * relation wins: exact, then a longer version (the occurrence becomes the
 * quote's text), then fragment, then variant.
 *
 * What a quote writes to the indexes is kept small, since every row is a
 * page the ingest may have to read and write: a new text writes its keys,
 * its three smallest pair hashes and its words (side by side under one
 * speaker); a variant writes its keys only, as the quote it joined is
 * already found by the rest. The rows of the open transaction wait in
 * memory and go in key order at the commit (staged.c).
 *
 * Fragments of at most four words ("ironclad") join a quote only when the
 * speakers are compatible: the same entity, or one side unknown. An
 * organisation and a person are not linked ("Russia" vs its minister):
 * a guess there would join words of different people, so they stay apart.
 * A fragment stored before its full version is absorbed when the full
 * version arrives (its rarest word is indexed for that).
 *
 * Reported speech clusters only with reported speech (quote.indirect).
 */
#include <string.h>

#include "cluster.h"

/* Statement slots: QG_STMT_CLUSTER + 0..15 (upkeep.c and trace.c take the
 * ones after). */
enum {
	ST_OCCS = QG_STMT_CLUSTER,
	ST_OCC,
	ST_HASH_FIND,
	ST_WORD_FIND,
	ST_QUOTE_GET,
	ST_QUOTE_NEW,
	ST_MEMBER,
	ST_QUOTE_SEEN,
	ST_HASH_ADD,
	ST_WORD_ADD,
	ST_QUOTE_GROW,
	ST_DEMOTE,
	ST_MERGE_MEMBERS,
	ST_QUOTE_DEL
};

/* Fragments: at most this many words; candidates read per lookup. */
#define SHORT_WORDS 4
#define LOOKUP_LIMIT 8
#define WORD_LIMIT 64
#define MAX_CANDIDATES 64

static const char *const sql[] = {
	"SELECT id FROM occurrence WHERE article_id = ?1 ORDER BY id",
	"SELECT o.kind, o.text, o.speaker_id, coalesce(o.date, a.date) "
	"FROM occurrence o JOIN article a ON a.id = o.article_id "
	"WHERE o.id = ?1",
	"SELECT quote_id FROM quote_hash WHERE hash = ?1 "
	"ORDER BY quote_id DESC LIMIT ?2",
	"SELECT quote_id FROM quote_word WHERE speaker_id = ?1 AND hash = ?2 "
	"ORDER BY quote_id DESC LIMIT ?3",
	"SELECT norm, indirect, speaker_id, first_seen, members FROM quote "
	"WHERE id = ?1",
	"INSERT INTO quote (text, norm, words, indirect, speaker_id, canon_id, "
	"first_seen, members) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, 1)",
	"INSERT INTO quote_member (occurrence_id, quote_id, relation, diff) "
	"VALUES (?1, ?2, ?3, ?4)",
	"UPDATE quote SET members = members + ?3, first_seen = CASE "
	"WHEN ?2 IS NULL THEN first_seen "
	"WHEN first_seen IS NULL OR ?2 < first_seen THEN ?2 "
	"ELSE first_seen END WHERE id = ?1",
	"INSERT OR IGNORE INTO quote_hash (hash, quote_id) VALUES (?2, ?3)",
	"INSERT OR IGNORE INTO quote_word (speaker_id, hash, quote_id) "
	"VALUES (?1, ?2, ?3)",
	"UPDATE quote SET text = ?2, norm = ?3, words = ?4, canon_id = ?5 "
	"WHERE id = ?1",
	"UPDATE quote_member SET relation = 'fragment', diff = NULL "
	"WHERE quote_id = ?1 AND relation = 'exact'",
	"UPDATE quote_member SET quote_id = ?2, relation = 'fragment', "
	"diff = NULL WHERE quote_id = ?1",
	"DELETE FROM quote WHERE id = ?1",
};

/* One occurrence being placed, and the best quote found for it. */
typedef struct assign {
	qg_db *db;
	int64_t occ, speaker;
	int indirect;
	const char *text, *date;
	char *own_text, *own_date; /* copies when read from the database */
	qg_qwords w, c; /* the occurrence's words, a candidate's */
	qg_buf diff, best_diff;
	int64_t cand[MAX_CANDIDATES];
	size_t ncand;
	int64_t best, best_speaker;
	qg_relation_kind rel;
	int absorbing; /* looking for fragments inside the occurrence */
	int64_t sketch[QG_SKETCH_PROBE]; /* the words' sketch, once made */
	size_t nsketch;
	int sketched;
	uint64_t mask; /* the words' bits (qg__qwords_mask), once made */
	int masked;
} assign;

static qg_status stmt(qg_db *db, int slot, sqlite3_stmt **st)
{
	return qg__db_stmt(db, slot, sql[slot - QG_STMT_CLUSTER], st);
}

static void bind_id(sqlite3_stmt *st, int i, int64_t id)
{
	if (id > 0)
		sqlite3_bind_int64(st, i, id);
	else
		sqlite3_bind_null(st, i);
}

static void bind_text(sqlite3_stmt *st, int i, const char *s)
{
	if (s && *s)
		sqlite3_bind_text(st, i, s, -1, SQLITE_STATIC);
	else
		sqlite3_bind_null(st, i);
}

static int compatible(int64_t a, int64_t b)
{
	return a <= 0 || b <= 0 || a == b;
}

/* Seeds keep the indexes of quotes and of reported speech apart. */
static uint64_t key_seed(int indirect)
{
	return indirect ? 0x1d1ec7u : 0x9007eu;
}

/* The rare word of a short fragment shares quote_hash with the keys and
 * sketch hashes: its own seed keeps it apart from them. */
#define SHORT_SEED 0x5407f7a9c3e1b2d5ULL

int64_t qg__quote_key(const qg_qwords *w, size_t from, size_t to,
                      int indirect)
{
	const char *s = w->text.data + w->off[from];
	size_t len = w->off[to - 1] + w->len[to - 1] - w->off[from];

	return (int64_t)qg_hash64(s, len, key_seed(indirect));
}

static int64_t word_hash(const qg_qwords *w, size_t i)
{
	return (int64_t)qg_hash64(w->text.data + w->off[i], w->len[i], 0x70u);
}

static int64_t short_hash(const qg_qwords *w, size_t i)
{
	return (int64_t)((uint64_t)word_hash(w, i) ^ SHORT_SEED);
}

/* The word of a fragment most likely to be rare: the longest one that is
 * no stop word; -1 when there is none. */
static long rare_word(const qg_qwords *w)
{
	long best = -1;

	for (size_t i = 0; i < w->n; i++)
		if (!qg__qwords_common(w, i) &&
		    (best < 0 || w->len[i] > w->len[(size_t)best]))
			best = (long)i;
	return best;
}

/* Add ids to a->cand, each once, while there is room. */
static void add_candidates(assign *a, const int64_t *ids, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		size_t k;

		for (k = 0; k < a->ncand && a->cand[k] != ids[i]; k++)
			;
		if (k == a->ncand && a->ncand < MAX_CANDIDATES)
			a->cand[a->ncand++] = ids[i];
	}
}

/* Read the ids a lookup statement returns (largest first), at most max. */
static qg_status read_ids(qg_db *db, sqlite3_stmt *st, int64_t *ids,
                          size_t max, size_t *n)
{
	int r = sqlite3_step(st);

	for (*n = 0; r == SQLITE_ROW; r = sqlite3_step(st))
		if (*n < max)
			ids[(*n)++] = sqlite3_column_int64(st, 0);
	sqlite3_reset(st);
	return r == SQLITE_DONE ? QG_OK : qg__db_error(db, "finding a quote");
}

/* The `limit` largest of two lists each sorted largest first, without
 * repeats, into out. */
static size_t merge_ids(const int64_t *x, size_t nx, const int64_t *y,
                        size_t ny, int64_t *out, size_t limit)
{
	size_t i = 0, j = 0, n = 0;

	while (n < limit && (i < nx || j < ny)) {
		int64_t v = j == ny || (i < nx && x[i] >= y[j]) ? x[i] : y[j];

		i += i < nx && x[i] == v;
		j += j < ny && y[j] == v;
		out[n++] = v;
	}
	return n;
}

/*
 * The candidates under one index key, newest quote first, at most `limit`:
 * the rows staged by this transaction and, unless the filter rules the
 * key out, the stored ones (`slot` binds x when it is a word lookup). The
 * largest `limit` of both are the largest `limit` of all.
 */
static qg_status stored_rows(assign *a, const qg__staged_row *key,
                             int slot, size_t limit, int64_t *db_ids,
                             size_t *ndb)
{
	sqlite3_stmt *st = NULL;
	qg_status rc = QG_OK;
	int i = 1;

	/* a quote_hash lookup answered since the rows were last written */
	if (!key->word &&
	    qg__recent_ids(a->db, key->hash, limit, db_ids, ndb))
		return QG_OK;
	if (qg__filter_may_have(a->db,
	                        qg__filter_key(key->x, key->hash, key->word)))
		rc = stmt(a->db, slot, &st);
	if (st) {
		if (key->word)
			sqlite3_bind_int64(st, i++, key->x);
		sqlite3_bind_int64(st, i++, key->hash);
		sqlite3_bind_int(st, i, (int)limit);
		rc = read_ids(a->db, st, db_ids, limit, ndb);
	}
	if (rc == QG_OK && st && !key->word)
		rc = qg__recent_ids_put(a->db, key->hash, limit, db_ids, *ndb);
	return rc;
}

static qg_status find_key_rows(assign *a, const qg__staged_row *key,
                               int slot, size_t limit)
{
	int64_t db_ids[WORD_LIMIT], st_ids[WORD_LIMIT], ids[WORD_LIMIT];
	size_t ndb = 0, nst = qg__staged_find(a->db, key, st_ids, limit);
	qg_status rc = stored_rows(a, key, slot, limit, db_ids, &ndb);

	if (rc == QG_OK)
		add_candidates(a, ids,
		               merge_ids(db_ids, ndb, st_ids, nst, ids, limit));
	return rc;
}

static qg_status find_hash(assign *a, int64_t hash)
{
	qg__staged_row key = {0, hash, 0, 0};

	return find_key_rows(a, &key, ST_HASH_FIND, LOOKUP_LIMIT);
}

static qg_status find_word(assign *a, int64_t speaker, int64_t hash)
{
	qg__staged_row key = {speaker < 0 ? 0 : speaker, hash, 0, 1};

	return find_key_rows(a, &key, ST_WORD_FIND, WORD_LIMIT);
}

/* Call fn for the key of the whole text and of each sentence of at least
 * SHORT_WORDS words: the keys an occurrence is found by and looks up. */
typedef qg_status (*key_fn)(assign *a, int64_t key, int64_t quote);

static qg_status each_key(assign *a, key_fn fn, int64_t quote)
{
	const qg_qwords *w = &a->w;
	size_t from = 0;
	qg_status rc = fn(a, qg__quote_key(w, 0, w->n, a->indirect), quote);

	for (size_t i = 0; rc == QG_OK && i + 1 < w->n; i++) {
		if (!w->seg[i])
			continue;
		if (i + 1 - from >= SHORT_WORDS)
			rc = fn(a, qg__quote_key(w, from, i + 1, a->indirect),
			        quote);
		from = i + 1;
	}
	if (rc == QG_OK && from > 0 && w->n - from >= SHORT_WORDS)
		rc = fn(a, qg__quote_key(w, from, w->n, a->indirect), quote);
	return rc;
}

static qg_status find_key(assign *a, int64_t key, int64_t unused)
{
	(void)unused;
	return find_hash(a, key);
}

/* The QG_SKETCH_PROBE smallest pair hashes of a longer quote (none for a
 * short one), made once: a new text looks up all of them and indexes the
 * QG_SKETCH_KEEP smallest, which are the first of these. */
static size_t sketch_of(assign *a)
{
	if (!a->sketched)
		a->nsketch = a->w.n > SHORT_WORDS
		                     ? qg__sketch(&a->w, a->sketch, QG_SKETCH_PROBE)
		                     : 0;
	a->sketched = 1;
	return a->nsketch;
}

/* The candidates of a text that is no exact repeat: variants through its
 * sketch, and for a short fragment the longer quotes holding its
 * rarest word (said by its speaker, or by nobody known). */
static qg_status find_similar(assign *a)
{
	const qg_qwords *w = &a->w;
	size_t n = sketch_of(a);
	long rare = rare_word(w);
	qg_status rc = QG_OK;

	for (size_t i = 0; rc == QG_OK && i < n; i++)
		rc = find_hash(a, a->sketch[i] ^ (int64_t)key_seed(a->indirect));
	if (w->n <= SHORT_WORDS && !a->indirect && rare >= 0) {
		if (a->speaker > 0)
			rc = find_word(a, a->speaker, word_hash(w, (size_t)rare));
		if (rc == QG_OK)
			rc = find_word(a, 0, word_hash(w, (size_t)rare));
	}
	return rc;
}

typedef qg__quote_view quote_view;

/* Whether the quote's stored words are the occurrence's own: the
 * commonest case, a repeat found by its key, needs no word-by-word
 * comparison then. */
static int same_words(const assign *a, const quote_view *q)
{
	return !a->absorbing && q->len == a->w.text.len &&
	       memcmp(q->norm, a->w.text.data, q->len) == 0;
}

/* Quote `id` from the recent quotes (recent.c), else read and kept
 * there; q->norm is NULL when the quote is gone (an index row left
 * behind). */
static qg_status quote_row(assign *a, int64_t id, quote_view *q)
{
	sqlite3_stmt *st;
	qg_status rc = QG_OK;
	int r;

	q->norm = NULL;
	if (qg__recent_get(a->db, id, q))
		return QG_OK;
	rc = stmt(a->db, ST_QUOTE_GET, &st);
	if (rc < 0)
		return rc;
	sqlite3_bind_int64(st, 1, id);
	r = sqlite3_step(st);
	if (r == SQLITE_ROW)
		rc = qg__recent_put(a->db, id,
		                    (const char *)sqlite3_column_text(st, 0),
		                    (size_t)sqlite3_column_bytes(st, 0),
		                    sqlite3_column_int(st, 1),
		                    sqlite3_column_int64(st, 2));
	else if (r != SQLITE_DONE)
		rc = qg__db_error(a->db, "reading a quote");
	sqlite3_reset(st);
	if (rc == QG_OK && r == SQLITE_ROW && !qg__recent_get(a->db, id, q))
		q->norm = NULL;
	return rc;
}

/* The bits of the occurrence's words, made once. */
static uint64_t occ_mask(assign *a)
{
	if (!a->masked)
		a->mask = qg__qwords_mask(&a->w);
	a->masked = 1;
	return a->mask;
}

/* Load quote `id` into a->c; *usable is 2 when its words are the
 * occurrence's (a->c is not loaded then), 0 when it is of the other kind
 * (reported speech vs quotes), gone (an index row left behind), or when a
 * cheap test of the words shows it cannot be related. */
static qg_status load_quote(assign *a, int64_t id, int64_t *speaker,
                            int *usable)
{
	quote_view q;
	qg_status rc = quote_row(a, id, &q);
	int ok = rc == QG_OK && q.norm;

	*usable = 0;
	/* a fragment's words must appear in the text: a cheap test that
	 * spares normalising the many quotes sharing one common word */
	if (ok && a->w.n <= SHORT_WORDS && !strstr(q.norm, a->w.text.data))
		ok = 0;
	/* likewise a fragment to absorb must appear in the occurrence */
	if (ok && a->absorbing && !strstr(a->w.text.data, q.norm))
		ok = 0;
	if (ok && q.indirect == a->indirect) {
		*speaker = q.speaker;
		*usable = same_words(a, &q) ? 2 : 1;
	}
	/* most candidates found by a shared word pair are no relation at
	 * all: a test of lengths and word bits rules them out unsplit */
	if (*usable == 1 && !a->absorbing &&
	    !qg__may_relate(&a->w, occ_mask(a), q.norm, q.len, q.words,
	                    q.mask))
		*usable = 0;
	if (*usable == 1)
		rc = qg__qwords_norm(&a->c, q.norm, q.len);
	return rc;
}

static int rank(qg_relation_kind rel)
{
	static const int ranks[] = {0, 4, 2, 3, 1};

	return ranks[rel];
}

/* Whether relation `rel` to a quote said by `speaker` may stand: a short
 * run of words is too common to join another speaker's. */
static int allowed(const assign *a, qg_relation_kind rel, int64_t speaker)
{
	int short_side =
		((rel == QG_REL_FRAGMENT || rel == QG_REL_EXACT) &&
		 a->w.n <= SHORT_WORDS) ||
		(rel == QG_REL_SUPERSET && a->c.n <= SHORT_WORDS);

	return rel != QG_REL_NONE &&
	       (!short_side || compatible(speaker, a->speaker));
}

/* Check one candidate word for word; keep it when it beats the best. */
static qg_status try_candidate(assign *a, int64_t id)
{
	int64_t speaker = 0;
	int usable;
	qg_relation_kind rel = QG_REL_NONE;
	qg_status rc = load_quote(a, id, &speaker, &usable);

	qg_buf_reset(&a->diff);
	if (rc == QG_OK && usable == 2)
		rel = QG_REL_EXACT;
	else if (rc == QG_OK && usable)
		rc = qg__relate(&a->w, &a->c, &a->diff, &rel);
	if (rc == QG_OK && allowed(a, rel, speaker) &&
	    (rank(rel) > rank(a->rel) ||
	     (rel == a->rel && rel == QG_REL_FRAGMENT &&
	      speaker == a->speaker))) {
		a->best = id;
		a->best_speaker = speaker;
		a->rel = rel;
		qg_buf_reset(&a->best_diff);
		if (a->diff.len)
			rc = qg_buf_add(&a->best_diff, a->diff.data, a->diff.len);
	}
	return rc;
}

/* Try the candidates from a->cand[from] on, until an exact one. */
static qg_status try_from(assign *a, size_t from)
{
	qg_status rc = QG_OK;

	for (size_t k = from; rc == QG_OK && k < a->ncand && a->rel !=
	     QG_REL_EXACT; k++)
		rc = try_candidate(a, a->cand[k]);
	return rc;
}

static qg_status load_occurrence(assign *a)
{
	sqlite3_stmt *st;
	qg_status rc = stmt(a->db, ST_OCC, &st);
	const char *t, *d;

	if (rc == QG_OK) {
		sqlite3_bind_int64(st, 1, a->occ);
		if (sqlite3_step(st) != SQLITE_ROW)
			rc = qg__db_error(a->db, "reading an occurrence");
	}
	if (rc == QG_OK) {
		a->indirect = strcmp((const char *)sqlite3_column_text(st, 0),
		                     "indirect") == 0;
		t = (const char *)sqlite3_column_text(st, 1);
		d = (const char *)sqlite3_column_text(st, 3);
		a->speaker = sqlite3_column_int64(st, 2);
		a->text = a->own_text = qg__strdup(t ? t : "");
		a->date = a->own_date = d ? qg__strdup(d) : NULL;
		if (!a->text || (d && !a->date))
			rc = QG_ERR_NOMEM;
	}
	if (rc == QG_OK)
		rc = qg__qwords(&a->w, a->text, strlen(a->text));
	if (st)
		sqlite3_reset(st);
	return rc;
}

static qg_status add_member(assign *a, int64_t quote, const char *rel,
                            const char *diff)
{
	sqlite3_stmt *st;
	qg_status rc = stmt(a->db, ST_MEMBER, &st);

	if (rc == QG_OK) {
		sqlite3_bind_int64(st, 1, a->occ);
		sqlite3_bind_int64(st, 2, quote);
		sqlite3_bind_text(st, 3, rel, -1, SQLITE_STATIC);
		bind_text(st, 4, diff);
		rc = qg__db_step_done(a->db, st,
		                      "adding an occurrence to its quote");
	}
	return rc;
}

/* A quote's first known speaker: speaker_id = coalesce(speaker_id, ?).
 * Its own statement, run only when the quote may have none: an update
 * that sets speaker_id checks the foreign key (a lookup of the entity,
 * and a statement journal), and nearly every repeat of a quote already
 * has its speaker. */
#define ST_QUOTE_SPEAKER QG_STMT_CLUSTER2
static qg_status first_speaker(qg_db *db, int64_t quote, int64_t speaker)
{
	qg__quote_view q;
	sqlite3_stmt *st;
	qg_status rc = QG_OK;

	if (speaker <= 0 || (qg__recent_get(db, quote, &q) && q.speaker > 0))
		return QG_OK;
	rc = qg__db_stmt(db, ST_QUOTE_SPEAKER,
	                 "UPDATE quote SET speaker_id = ?2 "
	                 "WHERE id = ?1 AND speaker_id IS NULL",
	                 &st);
	if (rc == QG_OK) {
		sqlite3_bind_int64(st, 1, quote);
		sqlite3_bind_int64(st, 2, speaker);
		rc = qg__db_step_done(db, st, "updating a quote");
	}
	if (rc == QG_OK)
		qg__recent_speaker(db, quote, speaker);
	return rc;
}

/* Count `n` more members of `quote`, with their speaker and date. */
static qg_status quote_seen(qg_db *db, int64_t quote, int64_t speaker,
                            const char *date, int64_t n)
{
	sqlite3_stmt *st;
	qg_status rc = stmt(db, ST_QUOTE_SEEN, &st);

	if (rc == QG_OK) {
		sqlite3_bind_int64(st, 1, quote);
		bind_text(st, 2, date);
		sqlite3_bind_int64(st, 3, n);
		rc = qg__db_step_done(db, st, "updating a quote");
	}
	if (rc == QG_OK)
		rc = first_speaker(db, quote, speaker);
	return rc;
}

/* One index row: quote_hash (x unused) or quote_word (x: the speaker),
 * staged until the commit (staged.c). */
static qg_status add_index(qg_db *db, int slot, int64_t x, int64_t hash,
                           int64_t quote)
{
	int word = slot == ST_WORD_ADD;
	qg__staged_row row = {word ? x : 0, hash, quote, word};

	qg__filter_add(db, qg__filter_key(row.x, hash, word));
	return qg__staged_add(db, &row);
}

/* A row written: into the filter too when the filter was built again
 * since the row was staged (a row staged is in it otherwise). */
static void filter_written(qg_db *db, const qg__staged_row *r, int readd)
{
	if (readd)
		qg__filter_add(db, qg__filter_key(r->x, r->hash, r->word));
}

static qg_status write_row(qg_db *db, const qg__staged_row *r, int readd)
{
	sqlite3_stmt *st;
	qg_status rc = stmt(db, r->word ? ST_WORD_ADD : ST_HASH_ADD, &st);

	filter_written(db, r, readd);
	if (rc == QG_OK) {
		if (r->word)
			sqlite3_bind_int64(st, 1, r->x);
		sqlite3_bind_int64(st, 2, r->hash);
		sqlite3_bind_int64(st, 3, r->quote);
		rc = qg__db_step_done(db, st, "indexing a quote");
	}
	return rc;
}

/*
 * The staged rows go FLUSH_ROWS to a statement: one INSERT with that many
 * rows of VALUES. Run once per row, the statement's own cost (binding,
 * stepping, halting and resetting, with their allocations) was more than
 * half of each row's; a table's last few rows go one by one.
 */
#define FLUSH_ROWS 64
#define ST_FLUSH_HASH (QG_STMT_CLUSTER + 15)
#define ST_FLUSH_WORD (QG_STMT_CLUSTER + 24)

/* Prepare (once) the insert of FLUSH_ROWS rows into quote_word (word) or
 * quote_hash; row i binds ?(3i+1) speaker, ?(3i+2) hash, ?(3i+3) quote. */
static qg_status flush_stmt(qg_db *db, int word, sqlite3_stmt **st)
{
	int slot = word ? ST_FLUSH_WORD : ST_FLUSH_HASH;
	qg_buf text = QG_BUF_INIT;
	qg_status rc = QG_OK;

	if (db->stmt[slot]) /* prepared: the text is not needed */
		return qg__db_stmt(db, slot, "", st);
	rc = qg_buf_addstr(&text, word ? "INSERT OR IGNORE INTO quote_word "
	                                 "(speaker_id, hash, quote_id) VALUES "
	                               : "INSERT OR IGNORE INTO quote_hash "
	                                 "(hash, quote_id) VALUES ");
	for (int i = 0; rc == QG_OK && i < FLUSH_ROWS; i++) {
		if (word)
			rc = qg_buf_printf(&text, "%s(?%d, ?%d, ?%d)",
			                   i ? ", " : "", 3 * i + 1, 3 * i + 2,
			                   3 * i + 3);
		else
			rc = qg_buf_printf(&text, "%s(?%d, ?%d)", i ? ", " : "",
			                   3 * i + 2, 3 * i + 3);
	}
	if (rc == QG_OK)
		rc = qg__db_stmt(db, slot, text.data, st);
	qg_buf_dispose(&text);
	return rc;
}

/* Write rows[0 .. FLUSH_ROWS), all of one table, with one statement. */
static qg_status write_rows(qg_db *db, const qg__staged_row *rows,
                            int readd)
{
	sqlite3_stmt *st;
	qg_status rc = flush_stmt(db, rows[0].word, &st);

	for (int i = 0; rc == QG_OK && i < FLUSH_ROWS; i++) {
		const qg__staged_row *r = &rows[i];

		filter_written(db, r, readd);
		if (r->word)
			sqlite3_bind_int64(st, 3 * i + 1, r->x);
		sqlite3_bind_int64(st, 3 * i + 2, r->hash);
		sqlite3_bind_int64(st, 3 * i + 3, r->quote);
	}
	return rc == QG_OK ? qg__db_step_done(db, st, "indexing quotes") : rc;
}

qg_status qg__cluster_flush(qg_db *db)
{
	const qg__staged_row *rows = NULL;
	size_t n = qg__staged_sorted(db, &rows), i = 0;
	int readd = qg__filter_rebuilt(db);
	qg_status rc = QG_OK;

	/* the stored rows change: lookups answered before no longer hold */
	qg__recent_ids_clear(db);

	/* sorted by table first: a run of FLUSH_ROWS rows of one table */
	while (rc == QG_OK && i < n) {
		if (i + FLUSH_ROWS <= n &&
		    rows[i].word == rows[i + FLUSH_ROWS - 1].word) {
			rc = write_rows(db, &rows[i], readd);
			i += FLUSH_ROWS;
		} else {
			rc = write_row(db, &rows[i++], readd);
		}
	}
	if (rc == QG_OK) {
		qg__staged_clear(db);
		qg__filter_staged_written(db);
	}
	return rc;
}

/* Outside a transaction nothing would write the staged rows: now, then. */
static qg_status flush_if_autocommit(qg_db *db, qg_status rc)
{
	if (rc == QG_OK && sqlite3_get_autocommit(db->conn))
		rc = qg__cluster_flush(db);
	return rc;
}

static qg_status add_key(assign *a, int64_t key, int64_t quote)
{
	return add_index(a->db, ST_HASH_ADD, 0, key, quote);
}

/* Index what finds a new text by its likeness: its sketch; the
 * words of a longer quote under `speaker`, side by side; the rarest word
 * of a short one, for its full version to absorb it. */
static qg_status index_similar(assign *a, int64_t quote, int64_t speaker)
{
	const qg_qwords *w = &a->w;
	size_t n = sketch_of(a);
	long rare = rare_word(w);
	qg_status rc = QG_OK;

	if (n > QG_SKETCH_KEEP)
		n = QG_SKETCH_KEEP;
	for (size_t i = 0; rc == QG_OK && i < n; i++)
		rc = add_key(a, a->sketch[i] ^ (int64_t)key_seed(a->indirect),
		             quote);
	if (rc == QG_OK && !a->indirect && w->n <= SHORT_WORDS && rare >= 0)
		rc = add_key(a, short_hash(w, (size_t)rare), quote);
	for (size_t i = 0; !a->indirect && w->n > SHORT_WORDS && rc == QG_OK &&
	     i < w->n; i++)
		if (!qg__qwords_common(w, i))
			rc = add_index(a->db, ST_WORD_ADD,
			               speaker > 0 ? speaker : 0, word_hash(w, i),
			               quote);
	return rc;
}

static qg_status new_quote(assign *a, int64_t *id)
{
	sqlite3_stmt *st;
	qg_status rc = stmt(a->db, ST_QUOTE_NEW, &st);

	if (rc == QG_OK) {
		sqlite3_bind_text(st, 1, a->text, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 2, a->w.text.data, (int)a->w.text.len,
		                  SQLITE_STATIC);
		sqlite3_bind_int64(st, 3, (sqlite3_int64)a->w.n);
		sqlite3_bind_int(st, 4, a->indirect);
		bind_id(st, 5, a->speaker);
		sqlite3_bind_int64(st, 6, a->occ);
		bind_text(st, 7, a->date);
		rc = qg__db_step_done(a->db, st, "making a quote");
	}
	*id = sqlite3_last_insert_rowid(a->db->conn);
	/* its repeats in the articles to come read it from memory */
	if (rc == QG_OK)
		rc = qg__recent_put(a->db, *id, a->w.text.data, a->w.text.len,
		                    a->indirect, a->speaker);
	return rc;
}

/* Read quote `old`'s member count and first date, for its merge. */
static qg_status merged_counts(qg_db *db, int64_t old, int64_t *members,
                               char **first)
{
	sqlite3_stmt *st;
	qg_status rc = stmt(db, ST_QUOTE_GET, &st);
	const char *f;

	if (rc == QG_OK) {
		sqlite3_bind_int64(st, 1, old);
		if (sqlite3_step(st) == SQLITE_ROW) {
			f = (const char *)sqlite3_column_text(st, 3);
			*members = sqlite3_column_int64(st, 4);
			*first = f ? qg__strdup(f) : NULL;
			if (f && !*first)
				rc = QG_ERR_NOMEM;
		}
		sqlite3_reset(st);
	}
	return rc;
}

/* Move every member of quote `old` into `quote` as fragments and drop
 * `old`; its member count and first date come back for the caller. Its
 * index rows stay behind as harmless hints. */
static qg_status merge_into(qg_db *db, int64_t old, int64_t quote,
                            int64_t *members, char **first)
{
	sqlite3_stmt *st;
	qg_status rc = merged_counts(db, old, members, first);

	if (rc == QG_OK)
		rc = stmt(db, ST_MERGE_MEMBERS, &st);
	if (rc == QG_OK) {
		sqlite3_bind_int64(st, 1, old);
		sqlite3_bind_int64(st, 2, quote);
		rc = qg__db_step_done(db, st,
		                      "merging a fragment into its quote");
	}
	if (rc == QG_OK)
		rc = stmt(db, ST_QUOTE_DEL, &st);
	if (rc == QG_OK) {
		sqlite3_bind_int64(st, 1, old);
		rc = qg__db_step_done(db, st, "dropping a merged quote");
	}
	qg__recent_drop(db, old);
	return rc;
}

/* Fold the short quote `old` into `quote` when its words lie in a->w and
 * the speakers agree. */
static qg_status absorb_one(assign *a, int64_t quote, int64_t old)
{
	int64_t speaker = 0, members = 0;
	char *first = NULL;
	int usable = 0;
	qg_status rc = QG_OK;

	if (old != quote)
		rc = load_quote(a, old, &speaker, &usable);
	if (rc == QG_OK && usable && compatible(speaker, a->speaker) &&
	    qg__qwords_find(&a->w, &a->c) >= 0) {
		rc = merge_into(a->db, old, quote, &members, &first);
		if (rc == QG_OK)
			rc = quote_seen(a->db, quote, speaker, first, members);
	}
	qg__free(first);
	return rc;
}

/* Fold short quotes (fragments stored before their full version) into
 * `quote`: they are found by their rarest word, among a->w's words. */
static qg_status absorb_fragments(assign *a, int64_t quote)
{
	qg_status rc = QG_OK;

	a->absorbing = 1;
	for (size_t i = 0; rc == QG_OK && i < a->w.n; i++) {
		if (qg__qwords_common(&a->w, i))
			continue;
		a->ncand = 0;
		rc = find_hash(a, short_hash(&a->w, i));
		for (size_t k = 0; rc == QG_OK && k < a->ncand; k++)
			rc = absorb_one(a, quote, a->cand[k]);
	}
	a->absorbing = 0;
	return rc;
}

/* The occurrence is a longer version of quote `id`: it becomes the
 * quote's text, and the members that were its exact words now are
 * fragments of it. */
static qg_status grow_quote(assign *a, int64_t id)
{
	sqlite3_stmt *st;
	qg_status rc = stmt(a->db, ST_QUOTE_GROW, &st);

	if (rc == QG_OK) {
		sqlite3_bind_int64(st, 1, id);
		sqlite3_bind_text(st, 2, a->text, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 3, a->w.text.data, (int)a->w.text.len,
		                  SQLITE_STATIC);
		sqlite3_bind_int64(st, 4, (sqlite3_int64)a->w.n);
		sqlite3_bind_int64(st, 5, a->occ);
		rc = qg__db_step_done(a->db, st, "growing a quote");
	}
	qg__recent_drop(a->db, id); /* its text is the occurrence's now */
	if (rc == QG_OK)
		rc = stmt(a->db, ST_DEMOTE, &st);
	if (rc == QG_OK) {
		sqlite3_bind_int64(st, 1, id);
		rc = qg__db_step_done(a->db, st, "growing a quote");
	}
	return rc;
}

/* Store the decision for a->occ: join a->best, or make a new quote. */
static qg_status place(assign *a)
{
	int64_t quote = a->best;
	int fresh = a->rel == QG_REL_NONE || a->rel == QG_REL_SUPERSET;
	qg_status rc = QG_OK;

	if (a->rel == QG_REL_NONE)
		rc = new_quote(a, &quote);
	else if (a->rel == QG_REL_SUPERSET)
		rc = grow_quote(a, quote);
	if (rc == QG_OK)
		rc = add_member(a, quote,
		                fresh ? "exact" : qg__relation_name(a->rel),
		                a->best_diff.data);
	/* a new quote was made with this member counted */
	if (rc == QG_OK && a->rel != QG_REL_NONE)
		rc = quote_seen(a->db, quote, a->speaker, a->date, 1);
	/* a new text (own quote, longer version, variant) is indexed by its
	 * keys so that its next repeat is found at once; an exact repeat or
	 * a fragment adds nothing */
	if (rc == QG_OK && (fresh || a->rel == QG_REL_VARIANT))
		rc = each_key(a, add_key, quote);
	if (rc == QG_OK && fresh)
		rc = index_similar(a, quote,
		                   a->best_speaker > 0 ? a->best_speaker
		                                       : a->speaker);
	if (rc == QG_OK && fresh && a->w.n > SHORT_WORDS && !a->indirect)
		rc = absorb_fragments(a, quote);
	return rc;
}

/* Keys first: an exact repeat (the commonest case) needs nothing else. */
static qg_status assign_one(assign *a)
{
	size_t tried = 0;
	qg_status rc = a->text ? qg__qwords(&a->w, a->text, strlen(a->text))
	                       : load_occurrence(a);

	if (rc == QG_OK && a->w.n > 0)
		rc = each_key(a, find_key, 0);
	if (rc == QG_OK && a->w.n > 0)
		rc = try_from(a, 0);
	if (rc == QG_OK && a->w.n > 0 && a->rel != QG_REL_EXACT) {
		tried = a->ncand;
		rc = find_similar(a);
	}
	if (rc == QG_OK && a->w.n > 0)
		rc = try_from(a, tried);
	/* no words: nothing to cluster */
	if (rc == QG_OK && a->w.n > 0)
		rc = place(a);
	return rc;
}

/* Place one occurrence: `o` gives what the store just wrote, or is NULL
 * to read occurrence `id` back. */
static qg_status cluster_one(qg_db *db, int64_t id, const qg__cluster_occ *o)
{
	assign a;
	qg_status rc;

	memset(&a, 0, sizeof(a));
	a.db = db;
	a.occ = id;
	if (o) {
		a.text = o->text ? o->text : "";
		a.date = o->date && *o->date ? o->date : NULL;
		a.speaker = o->speaker;
		a.indirect = o->indirect;
	}
	rc = assign_one(&a);
	qg__free(a.own_text);
	qg__free(a.own_date);
	qg__qwords_dispose(&a.w);
	qg__qwords_dispose(&a.c);
	qg_buf_dispose(&a.diff);
	qg_buf_dispose(&a.best_diff);
	return rc;
}

qg_status qg__cluster_occurrence(qg_db *db, int64_t occurrence_id)
{
	return cluster_one(db, occurrence_id, NULL);
}

/* The ids of the article's occurrences, read whole before any is placed
 * (placing writes to the tables the statement reads). */
static qg_status article_occurrences(qg_db *db, int64_t article_id,
                                     int64_t **ids, size_t *n)
{
	sqlite3_stmt *st;
	size_t cap = 0;
	int r = SQLITE_DONE;
	qg_status rc = stmt(db, ST_OCCS, &st);

	if (rc == QG_OK) {
		sqlite3_bind_int64(st, 1, article_id);
		r = sqlite3_step(st);
	}
	for (; rc == QG_OK && r == SQLITE_ROW; r = sqlite3_step(st)) {
		rc = qg__grow((void **)ids, &cap, *n + 1, sizeof(**ids));
		if (rc == QG_OK)
			(*ids)[(*n)++] = sqlite3_column_int64(st, 0);
	}
	if (rc == QG_OK && r != SQLITE_DONE)
		rc = qg__db_error(db, "listing an article's quotes");
	if (st)
		sqlite3_reset(st);
	return rc;
}

qg_status qg__cluster_occurrences(qg_db *db, const qg__cluster_occ *occs,
                                  size_t n)
{
	qg_status rc = qg__cluster_repair(db);

	if (rc == QG_OK)
		rc = qg__filter_tick(db, n);
	for (size_t i = 0; rc == QG_OK && i < n; i++)
		rc = cluster_one(db, occs[i].id, &occs[i]);
	return flush_if_autocommit(db, rc);
}

qg_status qg__cluster_article(qg_db *db, int64_t article_id)
{
	int64_t *ids = NULL;
	size_t n = 0;
	qg_status rc = qg__cluster_repair(db);

	if (rc == QG_OK)
		rc = article_occurrences(db, article_id, &ids, &n);
	if (rc == QG_OK)
		rc = qg__filter_tick(db, n);
	for (size_t i = 0; rc == QG_OK && i < n; i++)
		rc = qg__cluster_occurrence(db, ids[i]);
	qg__free(ids);
	return flush_if_autocommit(db, rc);
}
