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
	QG_STMT_SLOTS = 64
};

struct qg_db {
	sqlite3 *conn;
	qg_error err;
	unsigned flags;
	int in_batch; /* inside qg_db_begin() ... qg_db_commit() */
	sqlite3_stmt *stmt[QG_STMT_SLOTS];
	struct qg_entity_cache *entities; /* entity.c: names already resolved */
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

/* Run SQL with no parameters and no rows (BEGIN, PRAGMA, DDL). */
qg_status qg__db_exec(qg_db *db, const char *sql);

/* Index the occurrences waiting in fts_pending (schema 001); called
 * inside the transaction just before it commits. */
qg_status qg__db_fts_sync(qg_db *db);

#endif
