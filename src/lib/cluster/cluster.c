/*
 * cluster.c -- placing each stored occurrence in a quote (cluster), inside
 * the article's transaction.
 *
 * An occurrence finds its candidates with a few index lookups, never a scan
 * of all quotes: the hash of its whole normalised text and of each of its
 * sentences (quote_key), the band hashes of its MinHash signature
 * (quote_lsh), and for a short fragment the index of words (quote_token).
 * Each candidate is then checked word for word (qg__relate) and the best
 * relation wins: exact, then a longer version (the occurrence becomes the
 * quote's text), then fragment, then variant.
 *
 * Fragments of at most four words ("ironclad") join a quote only when the
 * speakers are compatible: the same entity, or one side unknown. An
 * organisation and a person are not linked ("Russia" vs its minister):
 * a guess there would join words of different people, so they stay apart.
 * A fragment stored before its full version is absorbed when the full
 * version arrives (quote_token rows with short = 1).
 *
 * Reported speech clusters only with reported speech (quote.indirect).
 */
#include <stdlib.h>
#include <string.h>

#include "cluster.h"

enum {
	ST_OCCS = QG_STMT_CLUSTER,
	ST_OCC,
	ST_KEY_FIND,
	ST_LSH_FIND,
	ST_TOKEN_FIND,
	ST_QUOTE_GET,
	ST_QUOTE_NEW,
	ST_MEMBER,
	ST_QUOTE_SEEN,
	ST_KEY_ADD,
	ST_LSH_ADD,
	ST_TOKEN_ADD,
	ST_QUOTE_GROW,
	ST_DEMOTE,
	ST_MERGE_MEMBERS,
	ST_QUOTE_DEL
};

/* Fragments: at most this many words; candidates read per lookup. */
#define SHORT_WORDS 4
#define LOOKUP_LIMIT 8
#define TOKEN_LIMIT 64
#define MAX_CANDIDATES 64

static const char *const sql[] = {
	"SELECT id FROM occurrence WHERE article_id = ?1 ORDER BY id",
	"SELECT o.kind, o.text, o.speaker_id, coalesce(o.date, a.date) "
	"FROM occurrence o JOIN article a ON a.id = o.article_id "
	"WHERE o.id = ?1",
	"SELECT quote_id FROM quote_key WHERE hash = ?1 "
	"ORDER BY quote_id DESC LIMIT 8",
	"SELECT quote_id FROM quote_lsh WHERE band = ?1 AND hash = ?2 "
	"ORDER BY quote_id DESC LIMIT 8",
	"SELECT quote_id FROM quote_token WHERE short = ?1 AND hash = ?2 "
	"ORDER BY quote_id DESC LIMIT ?3",
	"SELECT norm, indirect, speaker_id, first_seen, members FROM quote "
	"WHERE id = ?1",
	"INSERT INTO quote (text, norm, words, indirect, speaker_id, canon_id, "
	"first_seen) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
	"INSERT OR REPLACE INTO quote_member (occurrence_id, quote_id, "
	"relation, diff) VALUES (?1, ?2, ?3, ?4)",
	"UPDATE quote SET members = members + ?4, "
	"speaker_id = coalesce(speaker_id, ?2), first_seen = CASE "
	"WHEN ?3 IS NULL THEN first_seen "
	"WHEN first_seen IS NULL OR ?3 < first_seen THEN ?3 "
	"ELSE first_seen END WHERE id = ?1",
	"INSERT OR IGNORE INTO quote_key (hash, quote_id) VALUES (?1, ?2)",
	"INSERT OR IGNORE INTO quote_lsh (band, hash, quote_id) "
	"VALUES (?1, ?2, ?3)",
	"INSERT OR IGNORE INTO quote_token (short, hash, quote_id) "
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
	char *text, *date;
	qg_qwords w, c; /* the occurrence's words, a candidate's */
	qg_buf diff, best_diff;
	int64_t cand[MAX_CANDIDATES];
	size_t ncand;
	int64_t best;
	qg_relation_kind rel;
	int absorbing; /* looking for fragments inside the occurrence */
} assign;

static qg_status stmt(qg_db *db, int slot, sqlite3_stmt **st)
{
	return qg__db_stmt(db, slot, sql[slot - QG_STMT_CLUSTER], st);
}

static qg_status step_done(qg_db *db, sqlite3_stmt *st, const char *what)
{
	qg_status rc = QG_OK;

	if (sqlite3_step(st) != SQLITE_DONE)
		rc = qg__db_error(db, what);
	sqlite3_reset(st);
	return rc;
}

static void bind_id(sqlite3_stmt *st, int i, int64_t id)
{
	if (id > 0)
		sqlite3_bind_int64(st, i, id);
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

/* Where a lookup reads: its index table and key, at most `limit` ids. */
typedef struct lookup {
	int table;
	int64_t x, hash;
	size_t limit;
} lookup;

static int cmp_desc(const void *x, const void *y)
{
	int64_t a = *(const int64_t *)x, b = *(const int64_t *)y;

	return (a < b) - (a > b);
}

/* Read the ids a lookup statement returns (largest first, at most
 * k->limit), merged with the rows of the transaction still held in memory
 * (pending.c) as if they were in the table, into a->cand (deduplicated). */
static qg_status collect(assign *a, sqlite3_stmt *st, const lookup *k)
{
	int64_t ids[2 * TOKEN_LIMIT];
	size_t n = qg__pending_find(a->db, k->table, k->x, k->hash, ids,
	                            k->limit);
	int r = sqlite3_step(st);

	for (; r == SQLITE_ROW && n < QG_ARRAY_LEN(ids); r = sqlite3_step(st))
		ids[n++] = sqlite3_column_int64(st, 0);
	sqlite3_reset(st);
	if (r != SQLITE_DONE && r != SQLITE_ROW)
		return qg__db_error(a->db, "finding a quote");
	qsort(ids, n, sizeof(ids[0]), cmp_desc);
	for (size_t i = 0, kept = 0; i < n && kept < k->limit; i++) {
		size_t c;

		if (i > 0 && ids[i] == ids[i - 1])
			continue;
		kept++;
		for (c = 0; c < a->ncand && a->cand[c] != ids[i]; c++)
			;
		if (c == a->ncand && a->ncand < MAX_CANDIDATES)
			a->cand[a->ncand++] = ids[i];
	}
	return QG_OK;
}

static qg_status find_key(assign *a, int64_t hash)
{
	sqlite3_stmt *st;
	qg_status rc = stmt(a->db, ST_KEY_FIND, &st);

	if (rc < 0)
		return rc;
	sqlite3_bind_int64(st, 1, hash);
	return collect(a, st, &(lookup){QG_IDX_KEY, 0, hash, LOOKUP_LIMIT});
}

/* Every candidate: whole text, sentences, MinHash bands, rare word. */
static qg_status find_candidates(assign *a)
{
	const qg_qwords *w = &a->w;
	int64_t bands[QG_LSH_BANDS];
	sqlite3_stmt *st;
	size_t from = 0;
	long rare;
	qg_status rc = find_key(a, qg__quote_key(w, 0, w->n, a->indirect));

	for (size_t i = 0; rc == QG_OK && i + 1 < w->n; i++) {
		if (!w->seg[i])
			continue;
		if (i + 1 - from >= SHORT_WORDS)
			rc = find_key(a, qg__quote_key(w, from, i + 1, a->indirect));
		from = i + 1;
	}
	if (rc == QG_OK && from > 0 && w->n - from >= SHORT_WORDS)
		rc = find_key(a, qg__quote_key(w, from, w->n, a->indirect));
	if (rc == QG_OK && w->n > SHORT_WORDS && qg__minhash_bands(w, bands)) {
		for (int b = 0; rc == QG_OK && b < QG_LSH_BANDS; b++) {
			rc = stmt(a->db, ST_LSH_FIND, &st);
			if (rc < 0)
				break;
			int64_t h = bands[b] ^ (int64_t)key_seed(a->indirect);

			sqlite3_bind_int(st, 1, b);
			sqlite3_bind_int64(st, 2, h);
			rc = collect(a, st,
			             &(lookup){QG_IDX_LSH, b, h, LOOKUP_LIMIT});
		}
	}
	rare = rare_word(w);
	if (rc == QG_OK && w->n <= SHORT_WORDS && !a->indirect && rare >= 0) {
		rc = stmt(a->db, ST_TOKEN_FIND, &st);
		if (rc == QG_OK) {
			int64_t h = word_hash(w, (size_t)rare);

			sqlite3_bind_int(st, 1, 0);
			sqlite3_bind_int64(st, 2, h);
			sqlite3_bind_int(st, 3, TOKEN_LIMIT);
			rc = collect(a, st,
			             &(lookup){QG_IDX_TOKEN, 0, h, TOKEN_LIMIT});
		}
	}
	return rc;
}

/* Load quote `id` into a->c; *usable is 0 when it is of the other kind
 * (reported speech vs quotes). */
static qg_status load_quote(assign *a, int64_t id, int64_t *speaker,
                            int *usable)
{
	sqlite3_stmt *st;
	qg_status rc = stmt(a->db, ST_QUOTE_GET, &st);
	int r;

	*usable = 0;
	if (rc < 0)
		return rc;
	sqlite3_bind_int64(st, 1, id);
	r = sqlite3_step(st);
	/* a fragment's words must appear in the text: a cheap test that
	 * spares normalising the many quotes sharing one common word */
	if (r == SQLITE_ROW && a->w.n <= SHORT_WORDS &&
	    !strstr((const char *)sqlite3_column_text(st, 0), a->w.text.data))
		r = SQLITE_DONE;
	/* likewise a fragment to absorb must appear in the occurrence */
	if (r == SQLITE_ROW && a->absorbing &&
	    !strstr(a->w.text.data, (const char *)sqlite3_column_text(st, 0)))
		r = SQLITE_DONE;
	if (r == SQLITE_ROW &&
	    sqlite3_column_int(st, 1) == a->indirect) {
		*speaker = sqlite3_column_int64(st, 2);
		*usable = 1;
		rc = qg__qwords(&a->c, (const char *)sqlite3_column_text(st, 0),
		                (size_t)sqlite3_column_bytes(st, 0));
	} else if (r != SQLITE_ROW && r != SQLITE_DONE) {
		rc = qg__db_error(a->db, "reading a quote");
	}
	sqlite3_reset(st);
	return rc;
}

static int rank(qg_relation_kind rel)
{
	static const int ranks[] = {0, 4, 2, 3, 1};

	return ranks[rel];
}

/* Check one candidate word for word; keep it when it beats the best. */
static qg_status try_candidate(assign *a, int64_t id)
{
	int64_t speaker = 0;
	int usable;
	qg_relation_kind rel = QG_REL_NONE;
	qg_status rc = load_quote(a, id, &speaker, &usable);

	qg_buf_reset(&a->diff);
	if (rc == QG_OK && usable)
		rc = qg__relate(&a->w, &a->c, &a->diff, &rel);
	if (rc < 0 || rel == QG_REL_NONE)
		return rc;
	/* a short run of words is too common to join another speaker's */
	if (((rel == QG_REL_FRAGMENT || rel == QG_REL_EXACT) &&
	     a->w.n <= SHORT_WORDS) ||
	    (rel == QG_REL_SUPERSET && a->c.n <= SHORT_WORDS)) {
		if (!compatible(speaker, a->speaker))
			return QG_OK;
	}
	if (rank(rel) > rank(a->rel) ||
	    (rel == a->rel && rel == QG_REL_FRAGMENT && speaker == a->speaker)) {
		a->best = id;
		a->rel = rel;
		qg_buf_reset(&a->best_diff);
		if (a->diff.len)
			rc = qg_buf_add(&a->best_diff, a->diff.data, a->diff.len);
	}
	return rc;
}

static qg_status load_occurrence(assign *a)
{
	sqlite3_stmt *st;
	qg_status rc = stmt(a->db, ST_OCC, &st);
	const char *t, *d;

	if (rc < 0)
		return rc;
	sqlite3_bind_int64(st, 1, a->occ);
	if (sqlite3_step(st) != SQLITE_ROW) {
		rc = qg__db_error(a->db, "reading an occurrence");
		goto done;
	}
	a->indirect = strcmp((const char *)sqlite3_column_text(st, 0),
	                     "indirect") == 0;
	t = (const char *)sqlite3_column_text(st, 1);
	d = (const char *)sqlite3_column_text(st, 3);
	a->speaker = sqlite3_column_int64(st, 2);
	a->text = qg__strdup(t ? t : "");
	a->date = d ? qg__strdup(d) : NULL;
	if (!a->text || (d && !a->date))
		rc = QG_ERR_NOMEM;
	if (rc == QG_OK)
		rc = qg__qwords(&a->w, a->text, strlen(a->text));
done:
	sqlite3_reset(st);
	return rc;
}

static qg_status add_member(assign *a, int64_t quote, const char *rel,
                            const char *diff)
{
	sqlite3_stmt *st;
	qg_status rc = stmt(a->db, ST_MEMBER, &st);

	if (rc < 0)
		return rc;
	sqlite3_bind_int64(st, 1, a->occ);
	sqlite3_bind_int64(st, 2, quote);
	sqlite3_bind_text(st, 3, rel, -1, SQLITE_STATIC);
	if (diff && *diff)
		sqlite3_bind_text(st, 4, diff, -1, SQLITE_STATIC);
	else
		sqlite3_bind_null(st, 4);
	return step_done(a->db, st, "adding an occurrence to its quote");
}

/* Count `n` more members of `quote`, with their speaker and date. */
static qg_status quote_seen(qg_db *db, int64_t quote, int64_t speaker,
                            const char *date, int64_t n)
{
	sqlite3_stmt *st;
	qg_status rc = stmt(db, ST_QUOTE_SEEN, &st);

	if (rc < 0)
		return rc;
	sqlite3_bind_int64(st, 1, quote);
	bind_id(st, 2, speaker);
	if (date)
		sqlite3_bind_text(st, 3, date, -1, SQLITE_TRANSIENT);
	else
		sqlite3_bind_null(st, 3);
	sqlite3_bind_int64(st, 4, n);
	return step_done(db, st, "updating a quote");
}

/* Add an index row: held in memory until the commit (pending.c), or
 * written now when no transaction is open. */
static qg_status add_index(qg_db *db, int slot, int64_t x, int64_t y,
                           int64_t quote)
{
	sqlite3_stmt *st;
	qg_status rc;

	if (!sqlite3_get_autocommit(db->conn))
		return slot == ST_KEY_ADD
		               ? qg__pending_add(db, QG_IDX_KEY, 0, x, quote)
		               : qg__pending_add(db,
		                                 slot == ST_LSH_ADD ? QG_IDX_LSH
		                                                    : QG_IDX_TOKEN,
		                                 x, y, quote);
	rc = stmt(db, slot, &st);
	if (rc < 0)
		return rc;
	sqlite3_bind_int64(st, 1, x);
	if (slot == ST_KEY_ADD) {
		sqlite3_bind_int64(st, 2, quote);
	} else {
		sqlite3_bind_int64(st, 2, y);
		sqlite3_bind_int64(st, 3, quote);
	}
	return step_done(db, st, "indexing a quote");
}

/* Make `quote` findable from the words a->w: whole text, sentences,
 * MinHash bands, and words (long quotes) or rare word (fragments). */
static qg_status index_words(assign *a, int64_t quote)
{
	const qg_qwords *w = &a->w;
	int64_t bands[QG_LSH_BANDS];
	size_t from = 0;
	long rare;
	qg_status rc = add_index(a->db, ST_KEY_ADD,
	                         qg__quote_key(w, 0, w->n, a->indirect), 0, quote);

	for (size_t i = 0; rc == QG_OK && i + 1 < w->n; i++) {
		if (!w->seg[i])
			continue;
		if (i + 1 - from >= SHORT_WORDS)
			rc = add_index(a->db, ST_KEY_ADD,
			               qg__quote_key(w, from, i + 1, a->indirect), 0,
			               quote);
		from = i + 1;
	}
	if (rc == QG_OK && from > 0 && w->n - from >= SHORT_WORDS)
		rc = add_index(a->db, ST_KEY_ADD,
		               qg__quote_key(w, from, w->n, a->indirect), 0, quote);
	if (w->n > SHORT_WORDS && qg__minhash_bands(w, bands))
		for (int b = 0; rc == QG_OK && b < QG_LSH_BANDS; b++)
			rc = add_index(a->db, ST_LSH_ADD, b,
			               bands[b] ^ (int64_t)key_seed(a->indirect),
			               quote);
	if (a->indirect)
		return rc;
	rare = rare_word(w);
	if (w->n <= SHORT_WORDS && rare >= 0 && rc == QG_OK)
		rc = add_index(a->db, ST_TOKEN_ADD, 1,
		               word_hash(w, (size_t)rare), quote);
	for (size_t i = 0; w->n > SHORT_WORDS && rc == QG_OK && i < w->n; i++)
		if (!qg__qwords_common(w, i))
			rc = add_index(a->db, ST_TOKEN_ADD, 0, word_hash(w, i),
			               quote);
	return rc;
}

static qg_status new_quote(assign *a, int64_t *id)
{
	sqlite3_stmt *st;
	qg_status rc = stmt(a->db, ST_QUOTE_NEW, &st);

	if (rc < 0)
		return rc;
	sqlite3_bind_text(st, 1, a->text, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, a->w.text.data, (int)a->w.text.len,
	                  SQLITE_STATIC);
	sqlite3_bind_int64(st, 3, (sqlite3_int64)a->w.n);
	sqlite3_bind_int(st, 4, a->indirect);
	bind_id(st, 5, a->speaker);
	sqlite3_bind_int64(st, 6, a->occ);
	if (a->date)
		sqlite3_bind_text(st, 7, a->date, -1, SQLITE_STATIC);
	else
		sqlite3_bind_null(st, 7);
	rc = step_done(a->db, st, "making a quote");
	*id = sqlite3_last_insert_rowid(a->db->conn);
	return rc;
}

/* Move every member of quote `old` into `quote` as fragments and drop
 * `old`; its member count and first date come back for the caller. */
static qg_status merge_into(qg_db *db, int64_t old, int64_t quote,
                            int64_t *members, char **first)
{
	sqlite3_stmt *st;
	qg_status rc = stmt(db, ST_QUOTE_GET, &st);
	const char *f;

	if (rc < 0)
		return rc;
	sqlite3_bind_int64(st, 1, old);
	if (sqlite3_step(st) == SQLITE_ROW) {
		f = (const char *)sqlite3_column_text(st, 3);
		*members = sqlite3_column_int64(st, 4);
		*first = f ? qg__strdup(f) : NULL;
		if (f && !*first)
			rc = QG_ERR_NOMEM;
	}
	sqlite3_reset(st);
	if (rc == QG_OK)
		rc = stmt(db, ST_MERGE_MEMBERS, &st);
	if (rc < 0)
		return rc;
	sqlite3_bind_int64(st, 1, old);
	sqlite3_bind_int64(st, 2, quote);
	rc = step_done(db, st, "merging a fragment into its quote");
	if (rc == QG_OK)
		rc = stmt(db, ST_QUOTE_DEL, &st);
	if (rc < 0)
		return rc;
	sqlite3_bind_int64(st, 1, old);
	rc = step_done(db, st, "dropping a merged quote");
	/* its index rows still in memory go as the table's cascade would */
	if (rc == QG_OK)
		rc = qg__pending_drop_quote(db, old);
	return rc;
}

/* Fold short quotes (fragments stored before their full version) into
 * `quote` when their words lie in a->w and the speakers agree. */
static qg_status absorb_fragments(assign *a, int64_t quote)
{
	qg_status rc = QG_OK;

	a->absorbing = 1;
	for (size_t i = 0; rc == QG_OK && i < a->w.n; i++) {
		sqlite3_stmt *st;

		if (qg__qwords_common(&a->w, i))
			continue;
		a->ncand = 0;
		rc = stmt(a->db, ST_TOKEN_FIND, &st);
		if (rc < 0)
			break;
		sqlite3_bind_int(st, 1, 1);
		sqlite3_bind_int64(st, 2, word_hash(&a->w, i));
		sqlite3_bind_int(st, 3, LOOKUP_LIMIT);
		rc = collect(a, st, &(lookup){QG_IDX_TOKEN, 1,
		                              word_hash(&a->w, i), LOOKUP_LIMIT});
		for (size_t k = 0; rc == QG_OK && k < a->ncand; k++) {
			int64_t old = a->cand[k], speaker = 0, members = 0;
			char *first = NULL;
			int usable = 0;

			if (old == quote)
				continue;
			rc = load_quote(a, old, &speaker, &usable);
			if (rc < 0 || !usable || !compatible(speaker, a->speaker) ||
			    qg__qwords_find(&a->w, &a->c) < 0)
				continue;
			rc = merge_into(a->db, old, quote, &members, &first);
			if (rc == QG_OK)
				rc = quote_seen(a->db, quote, speaker, first, members);
			qg__free(first);
		}
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

	if (rc < 0)
		return rc;
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_text(st, 2, a->text, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, a->w.text.data, (int)a->w.text.len,
	                  SQLITE_STATIC);
	sqlite3_bind_int64(st, 4, (sqlite3_int64)a->w.n);
	sqlite3_bind_int64(st, 5, a->occ);
	rc = step_done(a->db, st, "growing a quote");
	if (rc == QG_OK)
		rc = stmt(a->db, ST_DEMOTE, &st);
	if (rc < 0)
		return rc;
	sqlite3_bind_int64(st, 1, id);
	return step_done(a->db, st, "growing a quote");
}

/* Store the decision for a->occ: join a->best, or make a new quote. */
static qg_status place(assign *a)
{
	int64_t quote = a->best;
	qg_status rc = QG_OK;

	if (a->rel == QG_REL_NONE)
		rc = new_quote(a, &quote);
	else if (a->rel == QG_REL_SUPERSET)
		rc = grow_quote(a, quote);
	if (rc == QG_OK)
		rc = add_member(a, quote,
		                a->rel == QG_REL_NONE || a->rel == QG_REL_SUPERSET
		                        ? "exact"
		                        : qg__relation_name(a->rel),
		                a->best_diff.data);
	if (rc == QG_OK)
		rc = quote_seen(a->db, quote, a->speaker, a->date, 1);
	/* a new text (own quote, longer version, variant) is indexed so that
	 * its next repeat is found by its key; an exact repeat or a fragment
	 * adds nothing */
	if (rc == QG_OK && a->rel != QG_REL_EXACT && a->rel != QG_REL_FRAGMENT)
		rc = index_words(a, quote);
	if (rc == QG_OK && (a->rel == QG_REL_NONE || a->rel == QG_REL_SUPERSET) &&
	    a->w.n > SHORT_WORDS && !a->indirect)
		rc = absorb_fragments(a, quote);
	return rc;
}

static qg_status assign_one(assign *a)
{
	qg_status rc = load_occurrence(a);

	if (rc < 0 || a->w.n == 0)
		return rc; /* no words: nothing to cluster */
	rc = find_candidates(a);
	for (size_t k = 0; rc == QG_OK && k < a->ncand && a->rel != QG_REL_EXACT;
	     k++)
		rc = try_candidate(a, a->cand[k]);
	if (rc == QG_OK)
		rc = place(a);
	return rc;
}

qg_status qg__cluster_occurrence(qg_db *db, int64_t occurrence_id)
{
	assign a;
	qg_status rc;

	memset(&a, 0, sizeof(a));
	a.db = db;
	a.occ = occurrence_id;
	rc = assign_one(&a);
	qg__free(a.text);
	qg__free(a.date);
	qg__qwords_dispose(&a.w);
	qg__qwords_dispose(&a.c);
	qg_buf_dispose(&a.diff);
	qg_buf_dispose(&a.best_diff);
	return rc;
}

qg_status qg__cluster_article(qg_db *db, int64_t article_id)
{
	sqlite3_stmt *st;
	int64_t *ids = NULL;
	size_t n = 0, cap = 0;
	int r = SQLITE_DONE;
	qg_status rc = stmt(db, ST_OCCS, &st);

	if (rc < 0)
		return rc;
	sqlite3_bind_int64(st, 1, article_id);
	for (r = sqlite3_step(st); rc == QG_OK && r == SQLITE_ROW;
	     r = rc == QG_OK ? sqlite3_step(st) : r) {
		rc = qg__grow((void **)&ids, &cap, n + 1, sizeof(*ids));
		if (rc == QG_OK)
			ids[n++] = sqlite3_column_int64(st, 0);
	}
	if (rc == QG_OK && r != SQLITE_DONE)
		rc = qg__db_error(db, "listing an article's quotes");
	sqlite3_reset(st);
	for (size_t i = 0; rc == QG_OK && i < n; i++)
		rc = qg__cluster_occurrence(db, ids[i]);
	qg__free(ids);
	return rc;
}
