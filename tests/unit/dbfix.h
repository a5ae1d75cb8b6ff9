/*
 * dbfix.h -- a new database in a temporary file for a test, its removal
 * with the WAL files beside it, and the one integer a query gives: shared
 * by the store and provenance fixtures.
 */
#ifndef QG_TEST_DBFIX_H
#define QG_TEST_DBFIX_H

#include <unistd.h>

#include "testutil.h"
#include "../bench/dbfile.h"
#include "../../src/lib/store/store.h"

/* A new database at a fresh /tmp/PREFIX_XXXXXX; its path into path[64]. */
static inline qg_db *dbfix_new(char path[64], const char *prefix)
{
	qg_db *db = NULL;
	int fd;

	snprintf(path, 64, "/tmp/%s_XXXXXX", prefix);
	fd = mkstemp(path);
	assert_true(fd >= 0);
	close(fd);
	unlink(path);
	assert_int_equal(qg_db_open(&db, path, 0), QG_OK);
	return db;
}

static inline void dbfix_remove(const char *path)
{
	qg_test_remove_db(path);
}

/* The single integer a SQL statement gives, -1 when it gives no row. */
static inline long long dbfix_int(qg_db *db, const char *sql)
{
	sqlite3_stmt *st = NULL;
	long long v = -1;

	assert_int_equal(sqlite3_prepare_v2(db->conn, sql, -1, &st, NULL),
	                 SQLITE_OK);
	if (sqlite3_step(st) == SQLITE_ROW)
		v = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return v;
}

#endif
