/*
 * store.h -- the SQLite connection behind qg_db, shared by the store, the
 * query and the cluster modules. Internal.
 */
#ifndef QG_STORE_H
#define QG_STORE_H

#include <sqlite3.h>

#include "../core/core.h"

/*
 * Prepared statements kept for the life of a connection: each module owns
 * a range of slots, so that modules add statements without touching each
 * other's code. A slot is prepared on first use (SQLITE_PREPARE_PERSISTENT)
 * and finalized by qg_db_close().
 */
enum {
	QG_STMT_STORE = 0,    /* slots 0..31: the store (ingest.c) */
	QG_STMT_CLUSTER = 32, /* slots 32..63: clustering and provenance */
	QG_STMT_CLUSTER2 = 64, /* slots 64..71: clustering, when those ran out */
	QG_STMT_SLOTS = 72
};

struct qg_db {
	sqlite3 *conn;
	qg_error err;
	unsigned flags;
	int in_batch; /* inside qg_db_begin() ... qg_db_commit() */
	double busy_t0; /* when the current wait for a lock began, in ms */
	sqlite3_stmt *stmt[QG_STMT_SLOTS];
	struct qg_entity_cache *entities; /* entity.c: names already resolved */
	struct qg_cluster_filter *cluster; /* cluster/filter.c: index filter */
	struct qg_cluster_staged *staged; /* cluster/staged.c: index rows */
	struct qg_cluster_recent *recent; /* cluster/recent.c: quotes read */
	struct qg_pending *pending; /* pending.c: writes waiting for the commit */
	/* occurrences inserted by the open transaction and not yet in
	 * FTS5, as runs of ids [lo, hi]; the mark is where the article being
	 * stored began, so that its runs can be taken back */
	int64_t (*fts_runs)[2];
	size_t fts_n, fts_cap, fts_mark_n;
	int64_t fts_mark_hi;
};

/*
 * The cached statement in `slot`, prepared from `sql` the first time and
 * reset with its bindings cleared every time after. The statement is
 * borrowed: reset it (or let the next call do so), never finalize it.
 */
qg_status qg__db_stmt(qg_db *db, int slot, const char *sql,
                      sqlite3_stmt **out);

/* Record the connection's current error on the handle and return
 * QG_ERR_DB; `what` says what was being done. */
qg_status qg__db_error(qg_db *db, const char *what);

/* Step a statement that returns no rows and reset it; on failure the
 * error is kept on the handle, `what` saying what was being done. */
qg_status qg__db_step_done(qg_db *db, sqlite3_stmt *st, const char *what);

/* Run SQL with no parameters and no rows (BEGIN, PRAGMA, DDL). */
qg_status qg__db_exec(qg_db *db, const char *sql);

/*
 * Full-text indexing in bulk: the store notes each occurrence id it
 * inserts (qg__db_fts_note), and qg__db_fts_sync() indexes them all inside
 * the transaction just before it commits. FTS5 writes its whole pending
 * index at every SAVEPOINT, so indexing article by article (a savepoint
 * each) costs ten times more. mark/undo bracket one article: undo forgets
 * the ids noted since the mark (the article rolled back); clear forgets
 * all (the transaction ended).
 */
qg_status qg__db_fts_note(qg_db *db, int64_t id);
qg_status qg__db_fts_sync(qg_db *db);
void qg__db_fts_mark(qg_db *db);
void qg__db_fts_undo(qg_db *db);
void qg__db_fts_clear(qg_db *db);

/*
 * Writes that wait for the commit (pending.c): what each article adds to
 * the running totals (an occurrence with its speaker, outlet and day; an
 * outlet publishing or cited by the article), entity titles and aliases.
 * qg__pending_flush() sums them and writes each row once; qg_db_commit()
 * calls it. mark/undo/clear follow the article and the transaction like
 * the FTS notes above.
 */
qg_status qg__pending_occurrence(qg_db *db, int64_t speaker, int64_t outlet,
                                 const char *day);
qg_status qg__pending_outlet(qg_db *db, int64_t outlet, int published);
qg_status qg__pending_title(qg_db *db, int64_t entity, const char *title);
qg_status qg__pending_alias(qg_db *db, int64_t entity, const char *alias,
                            const char *key);
qg_status qg__pending_flush(qg_db *db);
void qg__pending_mark(qg_db *db);
void qg__pending_undo(qg_db *db);
void qg__pending_clear(qg_db *db);
void qg__pending_free(qg_db *db);

/*
 * What the store keeps in memory for the open transaction (names resolved,
 * occurrences to index) follows the article's
 * savepoint and the transaction: mark when an article starts, undo when
 * it rolls back, gone when the whole transaction rolled back.
 */
void qg__db_article_mark(qg_db *db);
void qg__db_article_undo(qg_db *db);
void qg__db_txn_gone(qg_db *db);

#endif
