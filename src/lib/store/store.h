/*
 * store.h -- the SQLite connection behind qg_db, shared by the store, the
 * query and the cluster modules. Internal.
 */
#ifndef QG_STORE_H
#define QG_STORE_H

#include <sqlite3.h>

#include "../core/core.h"

struct qg_db {
	sqlite3 *conn;
	qg_error err;
	unsigned flags;
	int in_batch; /* inside qg_db_begin() ... qg_db_commit() */
};

/* Record the connection's current error on the handle and return
 * QG_ERR_DB; `what` says what was being done. */
qg_status qg__db_error(qg_db *db, const char *what);

/* Run SQL with no parameters and no rows (BEGIN, PRAGMA, DDL). */
qg_status qg__db_exec(qg_db *db, const char *sql);

#endif
