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

/* A new empty qg_rows with `ncol` columns named `names` (*out, owned by the
 * caller), and one more row of it: cells[c] copied, NULL for SQL NULL; bit
 * c of `numbers` set when cells[c] is a number (for the JSON writer). */
qg_status qg__rows_new(qg_rows **out, const char *const *names,
                       size_t ncol);
qg_status qg__rows_add(qg_rows *r, const char *const *cells,
                       unsigned numbers);

/* `who` (who.c): step `hits` to the end and group its rows by speaker and
 * outlet, earliest group first, at most `limit` groups (0: all), into a
 * new qg_rows (*out, owned by the caller). `hits` yields the matching
 * occurrences: id, speaker_id, outlet_id, day, article_id. It is reset,
 * not finalized. `indexed`: qg__who_indexed(db), whether the covering
 * indexes of schema 006 are there to be named (a database of an older
 * schema opened read-only is not migrated). */
int qg__who_indexed(qg_db *db);
qg_status qg__who_rows(qg_db *db, sqlite3_stmt *hits, size_t limit,
                       int indexed, qg_rows **out);

#endif
