/*
 * dbfile.h -- remove a SQLite database file with the WAL and shared-memory
 * files beside it, for the benchmarks and the unit tests' fixtures that
 * make databases of their own.
 */
#ifndef QG_DBFILE_H
#define QG_DBFILE_H

#include <stdio.h>
#include <unistd.h>

static inline void qg_test_remove_db(const char *path)
{
	char side[600];

	unlink(path);
	snprintf(side, sizeof(side), "%s-wal", path);
	unlink(side);
	snprintf(side, sizeof(side), "%s-shm", path);
	unlink(side);
}

#endif
