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
 */
#include <string.h>

#include "cluster.h"

/* A power of two: the newest quotes kept. */
#define RECENT_SLOTS 65536

typedef struct recent_entry {
	int64_t id; /* 0: empty */
	int64_t speaker;
	int indirect;
	size_t len, cap;
	char *norm; /* owned; NUL-terminated */
} recent_entry;

struct qg_cluster_recent {
	recent_entry slot[RECENT_SLOTS];
	size_t used; /* entries filled since the last clear, for a cheap one */
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

const char *qg__recent_get(const qg_db *db, int64_t id, size_t *len,
                           int *indirect, int64_t *speaker)
{
	const recent_entry *e;

	if (!db->recent || id <= 0)
		return NULL;
	e = entry(db, id);
	if (e->id != id)
		return NULL;
	*len = e->len;
	*indirect = e->indirect;
	*speaker = e->speaker;
	return e->norm;
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

void qg__recent_clear(qg_db *db)
{
	struct qg_cluster_recent *r = db ? db->recent : NULL;

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
