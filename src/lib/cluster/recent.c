/*
 * recent.c -- the quotes clustering read or wrote lately, kept in memory:
 * the words, kind and speaker of each, as the quote table holds them.
 *
 * Every candidate of an occurrence is read from the quote table and
 * checked word for word. The candidates under a sketch key are the newest
 * quotes holding that word pair, and as a store grows the common pairs
 * are shared by so many quotes that nearly every new quote reads the same
 * few dozen recent ones: at 30 MB of articles, two dozen rowid lookups
 * per quote, a quarter of the ingest. Quote ids grow by one, so a table
 * of RECENT_SLOTS entries indexed by the id's low bits keeps the newest
 * quotes, each replaced by the one RECENT_SLOTS ids later.
 *
 * What is kept is exactly the row: cluster.c writes each change it makes
 * to a quote here too (a new quote, a speaker filled in, a longer text, a
 * merged quote gone), and anything else that may change the table clears
 * it all: a rollback (a hook on the connection), an article's savepoint
 * rolled back, and a commit by another
 * connection (PRAGMA data_version, read before each article: filter.c).
 * A quote deleted on this connection goes by an update hook. This
 * connection's own commits keep it: the rows stay as they are.
 *
 * Beside the quotes, the answers of the stored quote_hash rows to a key
 * lookup: the same few keys (the pair hashes of common word pairs) are
 * looked up by quote after quote. Those rows change only when the staged
 * rows are written (qg__cluster_flush, which forgets the answers) or by
 * another connection (data_version, as above); never deleted.
 */
#include <string.h>

#include "cluster.h"

/* A power of two: the newest quotes kept (8 MB of entries, and the texts).
 * 65536 covered half the quotes of a 50 MB ingest, and the repeats of the
 * older half read their quote back from the table: 111,000 reads, 5% of
 * the ingest's time. */
#define RECENT_SLOTS 131072
/* Key lookups kept (a power of two), and ids per lookup at most. */
#define KEY_SLOTS 16384
#define KEY_IDS 8

typedef struct recent_entry {
	int64_t id; /* 0: empty */
	int64_t speaker;
	int indirect;
	size_t len, cap;
	char *norm; /* owned; NUL-terminated */
	size_t words; /* qg__norm_shape() of the norm, made once */
	uint64_t mask;
} recent_entry;

typedef struct recent_key {
	int64_t hash;
	size_t limit; /* the lookup's LIMIT; 0: empty */
	size_t n;
	int64_t ids[KEY_IDS];
} recent_key;

struct qg_cluster_recent {
	recent_entry slot[RECENT_SLOTS];
	size_t used; /* entries filled since the last clear, for a cheap one */
	recent_key key[KEY_SLOTS];
	size_t keys_used;
};

static void on_rollback(void *arg)
{
	qg__recent_clear(arg);
}

/* A quote deleted on this connection, whatever deleted it (a trigger, a
 * cascade, SQL run by hand on the handle) is forgotten. Updates are not:
 * the columns kept change only in cluster.c, which says so. */
static void on_change(void *arg, int op, const char *dbname,
                      const char *tab, sqlite3_int64 rowid)
{
	(void)dbname;
	if (op == SQLITE_DELETE && strcmp(tab, "quote") == 0)
		qg__recent_drop(arg, rowid);
}

static recent_entry *entry(const qg_db *db, int64_t id)
{
	return &db->recent->slot[(uint64_t)id & (RECENT_SLOTS - 1)];
}

int qg__recent_get(const qg_db *db, int64_t id, qg__quote_view *q)
{
	const recent_entry *e;

	if (!db->recent || id <= 0)
		return 0;
	e = entry(db, id);
	if (e->id != id)
		return 0;
	q->norm = e->norm;
	q->len = e->len;
	q->indirect = e->indirect;
	q->speaker = e->speaker;
	q->words = e->words;
	q->mask = e->mask;
	return 1;
}

/* The table, made on first use with the hooks that clear it. */
static qg_status table(qg_db *db)
{
	if (db->recent)
		return QG_OK;
	db->recent = qg__calloc(1, sizeof(*db->recent));
	if (!db->recent)
		return QG_ERR_NOMEM;
	sqlite3_rollback_hook(db->conn, on_rollback, db);
	sqlite3_update_hook(db->conn, on_change, db);
	return QG_OK;
}

qg_status qg__recent_put(qg_db *db, int64_t id, const char *norm,
                         size_t len, int indirect, int64_t speaker)
{
	recent_entry *e;
	qg_status rc = id > 0 ? table(db) : QG_ERR_USAGE;

	if (rc < 0)
		return rc;
	e = entry(db, id);
	e->id = 0;
	if (len + 1 > e->cap) {
		char *grown = qg__realloc(e->norm, len + 1);

		if (!grown)
			return QG_ERR_NOMEM;
		e->norm = grown;
		e->cap = len + 1;
	}
	memcpy(e->norm, norm, len);
	e->norm[len] = '\0';
	e->len = len;
	e->words = qg__norm_shape(e->norm, len, &e->mask);
	e->indirect = indirect;
	e->speaker = speaker > 0 ? speaker : 0;
	e->id = id;
	db->recent->used++;
	return QG_OK;
}

void qg__recent_speaker(qg_db *db, int64_t id, int64_t speaker)
{
	recent_entry *e = db->recent && id > 0 ? entry(db, id) : NULL;

	/* as the UPDATE: speaker_id = coalesce(speaker_id, ?) */
	if (e && e->id == id && e->speaker == 0 && speaker > 0)
		e->speaker = speaker;
}

void qg__recent_drop(qg_db *db, int64_t id)
{
	recent_entry *e = db->recent && id > 0 ? entry(db, id) : NULL;

	if (e && e->id == id)
		e->id = 0;
}

int qg__recent_ids(const qg_db *db, int64_t hash, size_t limit,
                   int64_t *ids, size_t *n)
{
	const recent_key *k;

	if (!db->recent)
		return 0;
	k = &db->recent->key[(uint64_t)hash & (KEY_SLOTS - 1)];
	if (k->limit != limit || k->hash != hash)
		return 0;
	memcpy(ids, k->ids, k->n * sizeof(*ids));
	*n = k->n;
	return 1;
}

qg_status qg__recent_ids_put(qg_db *db, int64_t hash, size_t limit,
                             const int64_t *ids, size_t n)
{
	recent_key *k;
	qg_status rc = limit > 0 && limit <= KEY_IDS && n <= limit ? table(db)
	                                                          : QG_OK;

	if (rc < 0 || !db->recent || limit == 0 || limit > KEY_IDS)
		return rc;
	k = &db->recent->key[(uint64_t)hash & (KEY_SLOTS - 1)];
	k->hash = hash;
	k->limit = limit;
	k->n = n;
	memcpy(k->ids, ids, n * sizeof(*ids));
	db->recent->keys_used++;
	return QG_OK;
}

void qg__recent_ids_clear(qg_db *db)
{
	struct qg_cluster_recent *r = db ? db->recent : NULL;

	if (!r || r->keys_used == 0)
		return;
	for (size_t i = 0; i < KEY_SLOTS; i++)
		r->key[i].limit = 0;
	r->keys_used = 0;
}

void qg__recent_clear(qg_db *db)
{
	struct qg_cluster_recent *r = db ? db->recent : NULL;

	qg__recent_ids_clear(db);
	if (!r || r->used == 0)
		return;
	for (size_t i = 0; i < RECENT_SLOTS; i++)
		r->slot[i].id = 0;
	r->used = 0;
}

void qg__recent_free(qg_db *db)
{
	struct qg_cluster_recent *r = db ? db->recent : NULL;

	if (!r)
		return;
	sqlite3_rollback_hook(db->conn, NULL, NULL);
	sqlite3_update_hook(db->conn, NULL, NULL);
	for (size_t i = 0; i < RECENT_SLOTS; i++)
		qg__free(r->slot[i].norm);
	qg__free(r);
	db->recent = NULL;
}
