/*
 * db.c -- opening a quotegraph database: connection settings, schema
 * migration by PRAGMA user_version, transactions, messages.
 */
#include <string.h>
#include <time.h>

#include "../cluster/cluster.h"
#include "embedded.h"
#include "entity.h"

qg_status qg__db_error(qg_db *db, const char *what)
{
	return qg__error(&db->err, QG_ERR_DB, 0, "%s: %s", what,
	                 db->conn ? sqlite3_errmsg(db->conn) : "no connection");
}

qg_status qg__db_step_done(qg_db *db, sqlite3_stmt *st, const char *what)
{
	qg_status rc = QG_OK;

	if (sqlite3_step(st) != SQLITE_DONE)
		rc = qg__db_error(db, what);
	sqlite3_reset(st);
	return rc;
}

qg_status qg__db_exec(qg_db *db, const char *sql)
{
	if (sqlite3_exec(db->conn, sql, NULL, NULL, NULL) != SQLITE_OK)
		return qg__db_error(db, "sql");
	return QG_OK;
}

qg_status qg__db_stmt(qg_db *db, int slot, const char *sql,
                      sqlite3_stmt **out)
{
	sqlite3_stmt **st;

	*out = NULL;
	if (slot < 0 || slot >= QG_STMT_SLOTS)
		return qg__error(&db->err, QG_ERR_USAGE, 0, "bad statement slot");
	st = &db->stmt[slot];
	if (*st) {
		sqlite3_reset(*st);
		sqlite3_clear_bindings(*st);
	} else if (sqlite3_prepare_v3(db->conn, sql, -1,
	                              SQLITE_PREPARE_PERSISTENT, st,
	                              NULL) != SQLITE_OK) {
		return qg__db_error(db, "preparing a statement");
	}
	*out = *st;
	return QG_OK;
}

static int user_version(qg_db *db)
{
	sqlite3_stmt *st = NULL;
	int v = -1;

	if (sqlite3_prepare_v2(db->conn, "PRAGMA user_version", -1, &st,
	                       NULL) == SQLITE_OK &&
	    sqlite3_step(st) == SQLITE_ROW)
		v = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	return v;
}

/* Apply every schema file past the database's version, each in its own
 * transaction together with the new version number. */
static qg_status migrate(qg_db *db)
{
	int have = user_version(db);
	qg_status rc = QG_OK;
	char sql[64];

	if (have < 0)
		return qg__db_error(db, "reading the schema version");
	if ((size_t)have > qg_schema_files_count)
		return qg__error(&db->err, QG_ERR_DB, 0,
		                 "database schema version %d is newer than this "
		                 "program's (%zu)", have, qg_schema_files_count);
	for (size_t i = (size_t)have; rc == QG_OK && i < qg_schema_files_count;
	     i++) {
		rc = qg__db_exec(db, "BEGIN IMMEDIATE");
		/* another process may have migrated while we waited for the
		 * write lock: apply only what is still missing */
		if (rc == QG_OK && user_version(db) > (int)i) {
			rc = qg__db_exec(db, "COMMIT");
			continue;
		}
		if (rc == QG_OK &&
		    sqlite3_exec(db->conn, qg_schema_files[i].data, NULL, NULL,
		                 NULL) != SQLITE_OK)
			rc = qg__error(&db->err, QG_ERR_DB, 0, "schema %s: %s",
			               qg_schema_files[i].name,
			               sqlite3_errmsg(db->conn));
		snprintf(sql, sizeof(sql), "PRAGMA user_version = %zu", i + 1);
		if (rc == QG_OK)
			rc = qg__db_exec(db, sql);
		if (rc == QG_OK)
			rc = qg__db_exec(db, "COMMIT");
		else
			sqlite3_exec(db->conn, "ROLLBACK", NULL, NULL, NULL);
	}
	return rc;
}

/* How long a connection waits for another's write lock, and how long a
 * writer pauses after each commit so that a waiting one can take it. */
#define QG_BUSY_MS 10000
#define QG_HANDOFF_NS 3000000L

static double now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

/*
 * Wait for a lock by trying again every millisecond, for QG_BUSY_MS.
 * SQLite's own handler backs off to 100 ms between tries, and a writer
 * that commits batch after batch releases the lock for microseconds only:
 * the waiter kept missing it and gave up with "database is locked". Polled
 * this fast, it takes the lock in the pause a writer makes after each
 * commit (qg_db_commit).
 */
static int busy_wait(void *arg, int count)
{
	qg_db *db = arg;
	struct timespec ms = {0, 1000000L};

	if (count == 0)
		db->busy_t0 = now_ms();
	if (now_ms() - db->busy_t0 > QG_BUSY_MS)
		return 0;
	nanosleep(&ms, NULL);
	return 1;
}

/*
 * Switch a new file to WAL. Two processes opening a new file at once both
 * hold a shared lock when they ask for the exclusive one the switch needs:
 * SQLite answers one of them SQLITE_BUSY at once, without its busy handler,
 * to break the deadlock. That one drops its lock and tries again.
 */
static qg_status set_wal(qg_db *db)
{
	int rc, tries = 0;

	do
		rc = sqlite3_exec(db->conn, "PRAGMA journal_mode = WAL", NULL,
		                  NULL, NULL);
	while ((rc & 0xff) == SQLITE_BUSY && busy_wait(db, tries++));
	return rc == SQLITE_OK ? QG_OK : qg__db_error(db, "sql");
}

static qg_status configure(qg_db *db)
{
	qg_status rc;

	sqlite3_busy_handler(db->conn, busy_wait, db);
	sqlite3_extended_result_codes(db->conn, 1);
	rc = qg__db_exec(db, "PRAGMA foreign_keys = ON");
	/* a corrupt or foreign file fails here, before anything is written */
	if (rc == QG_OK)
		rc = qg__db_exec(db, "SELECT count(*) FROM sqlite_schema");
	/* 8 KB pages for a new file (a no-op on one that has pages): half the
	 * WAL frames, each a write and a checksum, for the article texts and
	 * appended rows, and less of each overflowing text left unused; the
	 * bytes of the index pages a batch dirties stay about the same. 52 MB
	 * pipeline: 7% less CPU, 3% smaller file. */
	if (rc == QG_OK && !(db->flags & QG_DB_READONLY))
		rc = qg__db_exec(db, "PRAGMA page_size = 8192");
	if (rc == QG_OK && !(db->flags & QG_DB_READONLY))
		rc = set_wal(db);
	if (rc == QG_OK)
		rc = qg__db_exec(db, "PRAGMA synchronous = NORMAL");
	/* each article is a savepoint: keep its sub-journal in memory, and
	 * enough cache that a batch does not spill pages to the WAL twice: a
	 * batch of 2000 articles (cmd_ingest.c) into a store of 50 MB of
	 * articles dirties 40-50 MB of pages, and with 32 MB of cache a
	 * third of them were written out before the commit wrote them again */
	if (rc == QG_OK)
		rc = qg__db_exec(db, "PRAGMA temp_store = MEMORY");
	if (rc == QG_OK)
		rc = qg__db_exec(db, "PRAGMA cache_size = -65536");
	/* Debian builds SQLite to zero every freed cell: each page split of
	 * the ingest's index inserts wrote zeros over the moved cells. Nothing
	 * here is secret enough to pay that for. */
	if (rc == QG_OK)
		rc = qg__db_exec(db, "PRAGMA secure_delete = OFF");
	/* pages read through a memory map, not copied in by a read() each:
	 * a query touching thousands of rows spent as long in the kernel as
	 * in SQLite. Capped by SQLite's own limit (2 GB in Debian's build). */
	if (rc == QG_OK)
		rc = qg__db_exec(db, "PRAGMA mmap_size = 2147418112");
	if (rc == QG_OK && !(db->flags & QG_DB_READONLY))
		rc = migrate(db);
	/* quotes stored before clustering, or left stale by deletions */
	if (rc == QG_OK && !(db->flags & QG_DB_READONLY))
		rc = qg__cluster_upkeep(db);
	return rc;
}

/*
 * SQLite counts every allocation for sqlite3_status() by default, under a
 * global mutex: two mutex calls per malloc, and Debian's build has no
 * lookaside, so every statement run allocates. Nothing here reads those
 * counts. sqlite3_config() works only before SQLite is initialised (the
 * first open): if the program has used SQLite already it refuses, and the
 * counts stay on, which is harmless.
 */
static void memstatus_off(void)
{
	static int done;

	if (!done)
		(void)sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
	done = 1;
}

qg_status qg_db_open(qg_db **out, const char *path, unsigned flags)
{
	qg_db *db = qg__calloc(1, sizeof(*db));
	int oflags = (flags & QG_DB_READONLY)
	                 ? SQLITE_OPEN_READONLY
	                 : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
	qg_status rc;

	*out = db;
	if (!db)
		return QG_ERR_NOMEM;
	db->flags = flags;
	memstatus_off();
	if (sqlite3_open_v2(path, &db->conn, oflags | SQLITE_OPEN_NOMUTEX,
	                    NULL) != SQLITE_OK) {
		rc = qg__error(&db->err, QG_ERR_DB, 0, "%s: %s", path,
		               db->conn ? sqlite3_errmsg(db->conn)
		                        : "cannot open");
		goto done;
	}
	rc = configure(db);
	if (rc < 0) {
		char why[sizeof(db->err.msg)];

		memcpy(why, db->err.msg, sizeof(why));
		qg__error(&db->err, rc, 0, "%s: %s", path, why);
	}
done:
	return rc;
}

void qg_db_close(qg_db *db)
{
	if (!db)
		return;
	for (size_t i = 0; i < QG_STMT_SLOTS; i++)
		sqlite3_finalize(db->stmt[i]);
	qg__entity_cache_free(db);
	qg__pending_free(db);
	qg__staged_free(db);
	qg__filter_free(db);
	qg__recent_free(db);
	qg__free(db->fts_runs);
	sqlite3_close_v2(db->conn);
	qg__free(db);
}

const char *qg_db_errmsg(const qg_db *db)
{
	return db ? db->err.msg : "out of memory";
}

int qg_db_schema_version(qg_db *db)
{
	return user_version(db);
}

qg_status qg_db_begin(qg_db *db)
{
	qg_status rc = qg__db_exec(db, "BEGIN IMMEDIATE");

	db->in_batch = rc == QG_OK;
	return rc;
}

qg_status qg__db_fts_note(qg_db *db, int64_t id)
{
	size_t n = db->fts_n;
	qg_status rc = QG_OK;

	/* ids grow by one within an article and across a batch: one run
	 * usually holds the whole transaction */
	if (n > 0 && db->fts_runs[n - 1][1] + 1 == id) {
		db->fts_runs[n - 1][1] = id;
		return QG_OK;
	}
	rc = qg__grow((void **)&db->fts_runs, &db->fts_cap, n + 1,
	              sizeof(*db->fts_runs));
	if (rc == QG_OK) {
		db->fts_runs[n][0] = id;
		db->fts_runs[n][1] = id;
		db->fts_n = n + 1;
	}
	return rc;
}

void qg__db_fts_mark(qg_db *db)
{
	db->fts_mark_n = db->fts_n;
	db->fts_mark_hi = db->fts_n ? db->fts_runs[db->fts_n - 1][1] : 0;
}

void qg__db_fts_undo(qg_db *db)
{
	if (db->fts_mark_n > db->fts_n)
		return; /* cleared since the mark */
	db->fts_n = db->fts_mark_n;
	if (db->fts_n)
		db->fts_runs[db->fts_n - 1][1] = db->fts_mark_hi;
}

void qg__db_fts_clear(qg_db *db)
{
	db->fts_n = 0;
	db->fts_mark_n = 0;
}

void qg__db_article_mark(qg_db *db)
{
	qg__entity_cache_mark(db);
	qg__db_fts_mark(db);
	qg__pending_mark(db);
	qg__staged_mark(db);
}

void qg__db_article_undo(qg_db *db)
{
	qg__entity_cache_undo(db);
	qg__db_fts_undo(db);
	qg__pending_undo(db);
	qg__staged_undo(db);
	/* the article's quote changes are undone in the table */
	qg__recent_clear(db);
}

void qg__db_txn_gone(qg_db *db)
{
	qg__entity_cache_rollback(db);
	qg__db_fts_clear(db);
	qg__pending_clear(db);
	qg__staged_clear(db);
	qg__recent_clear(db);
	db->in_batch = 0;
}

qg_status qg__db_fts_sync(qg_db *db)
{
	sqlite3_stmt *st = NULL;
	qg_status rc = QG_OK;

	for (size_t i = 0; rc == QG_OK && i < db->fts_n; i++) {
		rc = qg__db_stmt(db, QG_STMT_STORE + 30,
		                 "INSERT INTO occurrence_fts (rowid, text) "
		                 "SELECT id, text FROM occurrence "
		                 "WHERE id BETWEEN ?1 AND ?2",
		                 &st);
		if (rc < 0)
			break;
		sqlite3_bind_int64(st, 1, db->fts_runs[i][0]);
		sqlite3_bind_int64(st, 2, db->fts_runs[i][1]);
		if (sqlite3_step(st) != SQLITE_DONE)
			rc = qg__db_error(db, "indexing quote text");
		sqlite3_reset(st);
	}
	if (rc == QG_OK)
		qg__db_fts_clear(db);
	return rc;
}

/* The batch's text is indexed before it commits, so that a committed
 * database never has quotes waiting to be indexed. On failure the
 * transaction stays open for the caller to roll back. */
qg_status qg_db_commit(qg_db *db)
{
	qg_status rc = QG_OK;

	if (!sqlite3_get_autocommit(db->conn))
		rc = qg__cluster_flush(db);
	if (rc == QG_OK && !sqlite3_get_autocommit(db->conn))
		rc = qg__pending_flush(db);
	if (rc == QG_OK && !sqlite3_get_autocommit(db->conn))
		rc = qg__db_fts_sync(db);
	if (rc == QG_OK)
		rc = qg__db_exec(db, "COMMIT");
	if (rc == QG_OK) {
		struct timespec pause = {0, QG_HANDOFF_NS};

		db->in_batch = 0;
		qg__entity_cache_commit(db);
		qg__db_fts_clear(db);
		/* let a connection waiting for the lock take it before this
		 * one begins its next batch (see busy_wait) */
		nanosleep(&pause, NULL);
	}
	return rc;
}

qg_status qg_db_rollback(qg_db *db)
{
	qg__db_txn_gone(db);
	return qg__db_exec(db, "ROLLBACK");
}
