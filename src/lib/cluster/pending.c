/*
 * pending.c -- the rows clustering adds to its index tables (quote_key,
 * quote_lsh, quote_token), held in memory until the transaction commits
 * and then written in one pass sorted by key.
 *
 * Why: those keys are hashes, so each row lands on a random page of a
 * large B-tree. Written as they came, every row cost a statement, a page
 * read and, inside the article's SAVEPOINT, a copy of that page into the
 * sub-journal: about a third of the ingest time. Sorted at commit, rows
 * sharing pages are written together, outside any savepoint.
 *
 * Lookups inside the transaction see both the table and these rows
 * (qg__pending_find). A quote deleted while rows wait (a fragment merged
 * into its full version) has its rows marked dead, as the ON DELETE
 * CASCADE of the table would. The article's savepoint is mirrored:
 * qg__pending_mark() when it opens, qg__pending_undo() when it rolls back
 * (rows added since are dropped, rows killed since revived).
 */
#include <stdlib.h>
#include <string.h>

#include "cluster.h"

typedef struct prow {
	int64_t a, hash, quote; /* band or short flag (0 for quote_key) */
	uint32_t next;          /* index + 1 of the next row in its bucket */
	unsigned char table, dead;
} prow;

struct qg_cluster_pending {
	prow *rows;
	size_t n, cap;
	uint32_t *heads; /* per bucket, index + 1 of its newest row */
	size_t nb;       /* buckets, a power of two */
	size_t *killed;  /* rows marked dead, in order */
	size_t nkilled, kcap;
	size_t mark_n, mark_killed;
};

/* Rows go CHUNK to a statement (a statement costs as much as several
 * rows); a table's last few go one at a time. */
#define CHUNK 32
#define R1 "(?, ?, ?)"
#define R2 R1 ", " R1
#define R4 R2 ", " R2
#define R8 R4 ", " R4
#define R16 R8 ", " R8
#define R32 R16 ", " R16

enum { ST_ONE = QG_STMT_PENDING, ST_CHUNK = QG_STMT_PENDING + 3 };

/* quote_key has no first column: its a (always 0) goes to a dummy select
 * list entry, so that every table binds the same three values a row */
static const char *const sql_one[] = {
	"INSERT OR IGNORE INTO quote_key (hash, quote_id) "
	"SELECT column2, column3 FROM (VALUES " R1 ")",
	"INSERT OR IGNORE INTO quote_lsh (band, hash, quote_id) VALUES " R1,
	"INSERT OR IGNORE INTO quote_token (short, hash, quote_id) VALUES " R1,
};
static const char *const sql_chunk[] = {
	"INSERT OR IGNORE INTO quote_key (hash, quote_id) "
	"SELECT column2, column3 FROM (VALUES " R32 ")",
	"INSERT OR IGNORE INTO quote_lsh (band, hash, quote_id) VALUES " R32,
	"INSERT OR IGNORE INTO quote_token (short, hash, quote_id) VALUES " R32,
};

static size_t bucket(const struct qg_cluster_pending *p, int table,
                     int64_t a, int64_t hash)
{
	uint64_t h = (uint64_t)hash ^ ((uint64_t)a * 0x9e3779b97f4a7c15u) ^
	             ((uint64_t)table << 56);

	h *= 0xff51afd7ed558ccdu;
	return (size_t)(h >> 32) & (p->nb - 1);
}

/* Chain every row into `nb` buckets, oldest first so that the newest of
 * each bucket is its head (undo relies on it). */
static qg_status rehash(struct qg_cluster_pending *p, size_t nb)
{
	uint32_t *heads = qg__calloc(nb, sizeof(*heads));

	if (!heads)
		return QG_ERR_NOMEM;
	qg__free(p->heads);
	p->heads = heads;
	p->nb = nb;
	for (size_t i = 0; i < p->n; i++) {
		size_t b = bucket(p, p->rows[i].table, p->rows[i].a,
		                  p->rows[i].hash);

		p->rows[i].next = heads[b];
		heads[b] = (uint32_t)(i + 1);
	}
	return QG_OK;
}

static struct qg_cluster_pending *get(qg_db *db)
{
	if (!db->pending)
		db->pending = qg__calloc(1, sizeof(*db->pending));
	return db->pending;
}

qg_status qg__pending_add(qg_db *db, int table, int64_t a, int64_t hash,
                          int64_t quote)
{
	struct qg_cluster_pending *p = get(db);
	qg_status rc = p ? QG_OK : QG_ERR_NOMEM;
	size_t b;

	if (rc == QG_OK && p->n >= UINT32_MAX - 1)
		rc = qg__error(&db->err, QG_ERR_NOMEM, 0,
		               "too many quotes in one transaction");
	if (rc == QG_OK && p->n + 1 > p->nb)
		rc = rehash(p, p->nb ? p->nb * 2 : 1024);
	if (rc == QG_OK)
		rc = qg__grow((void **)&p->rows, &p->cap, p->n + 1,
		              sizeof(*p->rows));
	if (rc < 0)
		return rc;
	b = bucket(p, table, a, hash);
	p->rows[p->n] = (prow){a, hash, quote, p->heads[b],
	                       (unsigned char)table, 0};
	p->heads[b] = (uint32_t)(++p->n);
	return QG_OK;
}

/* Put `id` among the `n` ids kept in ids[] (largest first, no repeats, at
 * most `cap`). */
static size_t keep_top(int64_t *ids, size_t n, size_t cap, int64_t id)
{
	size_t i = 0;

	while (i < n && ids[i] > id)
		i++;
	if ((i < n && ids[i] == id) || i >= cap)
		return n;
	if (n == cap)
		n--;
	memmove(ids + i + 1, ids + i, (n - i) * sizeof(*ids));
	ids[i] = id;
	return n + 1;
}

size_t qg__pending_find(qg_db *db, int table, int64_t a, int64_t hash,
                        int64_t *ids, size_t cap)
{
	const struct qg_cluster_pending *p = db->pending;
	size_t n = 0;

	if (!p || p->n == 0 || cap == 0)
		return 0;
	for (uint32_t i = p->heads[bucket(p, table, a, hash)]; i;
	     i = p->rows[i - 1].next) {
		const prow *r = &p->rows[i - 1];

		if (!r->dead && r->table == table && r->a == a && r->hash == hash)
			n = keep_top(ids, n, cap, r->quote);
	}
	return n;
}

qg_status qg__pending_drop_quote(qg_db *db, int64_t quote)
{
	struct qg_cluster_pending *p = db->pending;
	qg_status rc = QG_OK;

	for (size_t i = 0; p && rc == QG_OK && i < p->n; i++) {
		if (p->rows[i].dead || p->rows[i].quote != quote)
			continue;
		rc = qg__grow((void **)&p->killed, &p->kcap, p->nkilled + 1,
		              sizeof(*p->killed));
		if (rc == QG_OK) {
			p->rows[i].dead = 1;
			p->killed[p->nkilled++] = i;
		}
	}
	return rc;
}

void qg__pending_mark(qg_db *db)
{
	struct qg_cluster_pending *p = db->pending;

	if (p) {
		p->mark_n = p->n;
		p->mark_killed = p->nkilled;
	}
}

void qg__pending_undo(qg_db *db)
{
	struct qg_cluster_pending *p = db->pending;

	if (!p || p->mark_n > p->n)
		return; /* cleared since the mark */
	for (size_t k = p->mark_killed; k < p->nkilled; k++)
		p->rows[p->killed[k]].dead = 0;
	p->nkilled = p->mark_killed;
	/* the newest rows head their buckets: unlink them newest first */
	while (p->n > p->mark_n) {
		prow *r = &p->rows[--p->n];

		p->heads[bucket(p, r->table, r->a, r->hash)] = r->next;
	}
}

void qg__pending_clear(qg_db *db)
{
	struct qg_cluster_pending *p = db->pending;

	if (!p)
		return;
	if (p->n && p->heads)
		memset(p->heads, 0, p->nb * sizeof(*p->heads));
	p->n = p->nkilled = p->mark_n = p->mark_killed = 0;
}

void qg__pending_free(qg_db *db)
{
	struct qg_cluster_pending *p = db->pending;

	if (!p)
		return;
	qg__free(p->rows);
	qg__free(p->heads);
	qg__free(p->killed);
	qg__free(p);
	db->pending = NULL;
}

static int cmp_rows(const void *x, const void *y)
{
	const prow *a = x, *b = y;

	if (a->table != b->table)
		return a->table < b->table ? -1 : 1;
	if (a->a != b->a)
		return a->a < b->a ? -1 : 1;
	if (a->hash != b->hash)
		return a->hash < b->hash ? -1 : 1;
	return (a->quote > b->quote) - (a->quote < b->quote);
}

/* Insert rows[0..n) (live, all of one table) with one statement. */
static qg_status insert_rows(qg_db *db, const prow *const *rows, size_t n)
{
	int table = rows[0]->table;
	sqlite3_stmt *st;
	qg_status rc = n == CHUNK
	                       ? qg__db_stmt(db, ST_CHUNK + table,
	                                     sql_chunk[table], &st)
	                       : qg__db_stmt(db, ST_ONE + table, sql_one[table],
	                                     &st);

	if (rc < 0)
		return rc;
	for (size_t i = 0; i < n; i++) {
		sqlite3_bind_int64(st, (int)(3 * i + 1), rows[i]->a);
		sqlite3_bind_int64(st, (int)(3 * i + 2), rows[i]->hash);
		sqlite3_bind_int64(st, (int)(3 * i + 3), rows[i]->quote);
	}
	if (sqlite3_step(st) != SQLITE_DONE)
		rc = qg__db_error(db, "indexing quotes");
	sqlite3_reset(st);
	return rc;
}

/* Write every live row, in key order. The chains are no longer needed
 * (the buffer is cleared after), so the rows are sorted in place. */
qg_status qg__pending_flush(qg_db *db)
{
	struct qg_cluster_pending *p = db->pending;
	const prow *batch[CHUNK];
	size_t nb = 0;
	qg_status rc = QG_OK;

	if (!p || p->n == 0)
		return QG_OK;
	qsort(p->rows, p->n, sizeof(*p->rows), cmp_rows);
	for (size_t i = 0; rc == QG_OK && i <= p->n; i++) {
		const prow *r = i < p->n ? &p->rows[i] : NULL;

		if (r && r->dead)
			continue;
		/* a batch ends when full, at a new table, or at the end; one
		 * not full is written row by row */
		if (nb > 0 && (!r || r->table != batch[0]->table)) {
			for (size_t k = 0; rc == QG_OK && k < nb; k++)
				rc = insert_rows(db, &batch[k], 1);
			nb = 0;
		}
		if (r)
			batch[nb++] = r;
		if (nb == CHUNK && rc == QG_OK) {
			rc = insert_rows(db, batch, nb);
			nb = 0;
		}
	}
	qg__pending_clear(db);
	return rc;
}
