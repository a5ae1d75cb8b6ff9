/*
 * query.h -- the qg_rows container the queries fill from SQLite. Internal.
 */
#ifndef QG_QUERY_H
#define QG_QUERY_H

#include "../store/store.h"

struct qg_rows {
	size_t ncol, nrow, cap; /* cap: rows room is made for */
	char **names;           /* ncol column names */
	char **cells;           /* nrow * ncol cells, NULL for SQL NULL */
	unsigned char *numeric; /* per column: every value is a number */
};

/* Step `st` to the end, copying every row into a new qg_rows (*out, owned
 * by the caller). The statement is reset, not finalized. */
qg_status qg__rows_from_stmt(qg_db *db, sqlite3_stmt *st, qg_rows **out);

#endif
