/*
 * upkeep.c -- keeping the quote clusters right after the database changed
 * under them (schema 004): quotes that lost an occurrence when an article
 * was deleted are clustered again (quote_stale), and occurrences stored
 * before clustering existed are clustered once (cluster_pending).
 *
 * SQL alone keeps the member counts and drops empty quotes (a trigger);
 * what needs the program (the longest version, relations, differences)
 * is redone here, at the next ingest or the next open for writing. The
 * work is in proportion to the quotes touched, never to the whole store.
 */
#include "cluster.h"

/* Statement slots: QG_STMT_CLUSTER + 16..24 (cluster.c has the first 16,
 * trace.c the ones after). */
enum {
	ST_STALE_NEXT = QG_STMT_CLUSTER + 16,
	ST_STALE_MEMBERS,
	ST_STALE_DROP_MEMBERS,
	ST_STALE_DROP,
	ST_STALE_CLEAR,
	ST_ANY,
	ST_PENDING_NEXT,
	ST_PENDING_DEL
};

/* Occurrences clustered per transaction when backfilling at open. */
#define PENDING_BATCH 500

static const char *const sql[] = {
	"SELECT quote_id FROM quote_stale LIMIT 1",
	"SELECT occurrence_id FROM quote_member WHERE quote_id = ?1 "
	"ORDER BY occurrence_id",
	"DELETE FROM quote_member WHERE quote_id = ?1",
	/* members counted too high by an older program: drop it all the
	 * same (the trigger on quote clears its mark) */
	"DELETE FROM quote WHERE id = ?1",
	"DELETE FROM quote_stale WHERE quote_id = ?1",
	"SELECT EXISTS (SELECT 1 FROM quote_stale) OR "
	"EXISTS (SELECT 1 FROM cluster_pending)",
	"SELECT p.occurrence_id FROM cluster_pending p WHERE NOT EXISTS "
	"(SELECT 1 FROM quote_member m WHERE m.occurrence_id = p.occurrence_id) "
	"ORDER BY p.occurrence_id LIMIT ?1",
	"DELETE FROM cluster_pending WHERE occurrence_id <= ?1",
};

static qg_status stmt(qg_db *db, int slot, sqlite3_stmt **st)
{
	return qg__db_stmt(db, slot, sql[slot - ST_STALE_NEXT], st);
}

/* Read the ids a statement returns (bound already) into *ids. */
static qg_status read_ids(qg_db *db, sqlite3_stmt *st, int64_t **ids,
                          size_t *n)
{
	size_t cap = 0;
	int r = sqlite3_step(st);
	qg_status rc = QG_OK;

	*n = 0;
	for (; rc == QG_OK && r == SQLITE_ROW; r = sqlite3_step(st)) {
		rc = qg__grow((void **)ids, &cap, *n + 1, sizeof(**ids));
		if (rc == QG_OK)
			(*ids)[(*n)++] = sqlite3_column_int64(st, 0);
	}
	if (rc == QG_OK && r != SQLITE_DONE)
		rc = qg__db_error(db, "reading quote ids");
	sqlite3_reset(st);
	return rc;
}

/* Run a statement of one id parameter that returns no rows. */
static qg_status run_id(qg_db *db, int slot, int64_t id)
{
	sqlite3_stmt *st;
	qg_status rc = stmt(db, slot, &st);

	if (rc == QG_OK) {
		sqlite3_bind_int64(st, 1, id);
		if (sqlite3_step(st) != SQLITE_DONE)
			rc = qg__db_error(db, "keeping quotes up to date");
		sqlite3_reset(st);
	}
	return rc;
}

/* One quote marked stale, or 0 when none is. */
static qg_status next_stale(qg_db *db, int64_t *quote)
{
	sqlite3_stmt *st;
	qg_status rc = stmt(db, ST_STALE_NEXT, &st);
	int r = SQLITE_DONE;

	*quote = 0;
	if (rc == QG_OK)
		r = sqlite3_step(st);
	if (r == SQLITE_ROW)
		*quote = sqlite3_column_int64(st, 0);
	else if (rc == QG_OK && r != SQLITE_DONE)
		rc = qg__db_error(db, "finding stale quotes");
	if (st)
		sqlite3_reset(st);
	return rc;
}

/* Dissolve quote `quote` and place its occurrences again, oldest first,
 * as if they were being ingested now. */
static qg_status recluster(qg_db *db, int64_t quote)
{
	sqlite3_stmt *st;
	int64_t *ids = NULL;
	size_t n = 0;
	qg_status rc = stmt(db, ST_STALE_MEMBERS, &st);

	if (rc == QG_OK) {
		sqlite3_bind_int64(st, 1, quote);
		rc = read_ids(db, st, &ids, &n);
	}
	if (rc == QG_OK)
		rc = run_id(db, ST_STALE_DROP_MEMBERS, quote);
	if (rc == QG_OK)
		rc = run_id(db, ST_STALE_DROP, quote);
	if (rc == QG_OK)
		rc = run_id(db, ST_STALE_CLEAR, quote);
	/* gone by SQL (the update hook saw it too: this says so here) */
	qg__recent_drop(db, quote);
	for (size_t i = 0; rc == QG_OK && i < n; i++)
		rc = qg__cluster_occurrence(db, ids[i]);
	qg__free(ids);
	return rc;
}

qg_status qg__cluster_repair(qg_db *db)
{
	int64_t quote = 0;
	qg_status rc = next_stale(db, &quote);

	while (rc == QG_OK && quote > 0) {
		rc = recluster(db, quote);
		if (rc == QG_OK)
			rc = next_stale(db, &quote);
	}
	return rc;
}

/* Cluster up to PENDING_BATCH waiting occurrences; *left is 0 when none
 * was waiting. */
static qg_status pending_batch(qg_db *db, size_t *left)
{
	sqlite3_stmt *st;
	int64_t *ids = NULL;
	size_t n = 0;
	qg_status rc = stmt(db, ST_PENDING_NEXT, &st);

	if (rc == QG_OK) {
		sqlite3_bind_int(st, 1, PENDING_BATCH);
		rc = read_ids(db, st, &ids, &n);
	}
	/* a backfill is a long run: let the index filter take over */
	if (rc == QG_OK)
		rc = qg__filter_tick(db, n);
	for (size_t i = 0; rc == QG_OK && i < n; i++)
		rc = qg__cluster_occurrence(db, ids[i]);
	/* the ids come in order: everything up to the last is done (or
	 * was clustered already) */
	if (rc == QG_OK && n > 0)
		rc = run_id(db, ST_PENDING_DEL, ids[n - 1]);
	if (rc == QG_OK && n == 0)
		rc = run_id(db, ST_PENDING_DEL, INT64_MAX);
	*left = n;
	qg__free(ids);
	return rc;
}

/* One transaction of upkeep: the stale quotes, then a batch of waiting
 * occurrences. Rolled back whole on failure. */
static qg_status upkeep_step(qg_db *db, size_t *left)
{
	qg_status rc = qg__db_exec(db, "BEGIN IMMEDIATE");

	*left = 0;
	if (rc == QG_OK) {
		rc = qg__cluster_repair(db);
		if (rc == QG_OK)
			rc = pending_batch(db, left);
		if (rc == QG_OK)
			rc = qg__cluster_flush(db);
		if (rc == QG_OK)
			rc = qg__db_exec(db, "COMMIT");
		if (rc < 0) {
			sqlite3_exec(db->conn, "ROLLBACK", NULL, NULL, NULL);
			qg__staged_clear(db);
		}
	}
	return rc;
}

/* Whether there is any upkeep to do: read without a write lock, so that
 * opening a database in good order costs one lookup. */
static qg_status upkeep_due(qg_db *db, size_t *due)
{
	sqlite3_stmt *st;
	qg_status rc = stmt(db, ST_ANY, &st);

	*due = 0;
	if (rc == QG_OK) {
		if (sqlite3_step(st) == SQLITE_ROW)
			*due = (size_t)sqlite3_column_int(st, 0);
		else
			rc = qg__db_error(db, "looking for quotes to update");
		sqlite3_reset(st);
	}
	return rc;
}

qg_status qg__cluster_upkeep(qg_db *db)
{
	size_t left = 0;
	qg_status rc = upkeep_due(db, &left);

	while (rc == QG_OK && left > 0)
		rc = upkeep_step(db, &left);
	return rc;
}
