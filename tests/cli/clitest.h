/*
 * clitest.h -- helpers the CLI tests share: run the built quotegraph
 * ($QG_BIN) through the shell capturing its output, make temporary
 * directories and files, count rows in a database.
 */
#ifndef QG_CLITEST_H
#define QG_CLITEST_H

#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "../unit/testutil.h"
#include "../../src/lib/store/store.h"

typedef struct run_result {
	int status; /* exit status, or 128 + signal */
	char *out;  /* standard output (malloc'd) */
	char *err;  /* standard error (malloc'd) */
} run_result;

static char clitest_dir[64];

/* A fresh temporary directory for this test program, in clitest_dir. */
static inline const char *clitest_tmpdir(void)
{
	snprintf(clitest_dir, sizeof(clitest_dir), "/tmp/qg_cli_XXXXXX");
	assert_non_null(mkdtemp(clitest_dir));
	return clitest_dir;
}

static inline void clitest_rmdir(void)
{
	char cmd[128];

	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", clitest_dir);
	assert_int_equal(system(cmd), 0);
}

static inline const char *clitest_bin(void)
{
	const char *bin = getenv("QG_BIN");

	assert_non_null(bin);
	return bin;
}

/* Run `quotegraph ARGS` (ARGS is shell text) with stdin from `in` (or
 * /dev/null) and capture both outputs. */
static inline run_result clitest_run(const char *args, const char *in)
{
	char cmd[8192], outp[96], errp[96];
	run_result r = {0, NULL, NULL};
	int st;

	snprintf(outp, sizeof(outp), "%s/.out", clitest_dir);
	snprintf(errp, sizeof(errp), "%s/.err", clitest_dir);
	snprintf(cmd, sizeof(cmd), "'%s' %s <%s >'%s' 2>'%s'", clitest_bin(),
	         args, in ? in : "/dev/null", outp, errp);
	st = system(cmd);
	assert_true(st != -1);
	r.status = WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
	r.out = qg_test_read(outp, NULL);
	r.err = qg_test_read(errp, NULL);
	assert_non_null(r.out);
	assert_non_null(r.err);
	return r;
}

static inline void clitest_free(run_result *r)
{
	free(r->out);
	free(r->err);
}

static inline void clitest_write(const char *path, const char *data,
                                 size_t len)
{
	FILE *fp = fopen(path, "wb");

	assert_non_null(fp);
	assert_int_equal(fwrite(data, 1, len, fp), len);
	fclose(fp);
}

static inline size_t clitest_lines(const char *s)
{
	size_t n = 0;

	for (; *s; s++)
		n += *s == '\n';
	return n;
}

/* One integer from SQL on the database at `path` (opened read-only). */
static inline long long clitest_int(const char *path, const char *sql)
{
	sqlite3 *db = NULL;
	sqlite3_stmt *st = NULL;
	long long v = -1;

	assert_int_equal(sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL),
	                 SQLITE_OK);
	sqlite3_busy_timeout(db, 10000);
	assert_int_equal(sqlite3_prepare_v2(db, sql, -1, &st, NULL), SQLITE_OK);
	if (sqlite3_step(st) == SQLITE_ROW)
		v = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	sqlite3_close(db);
	return v;
}

/* One text value from SQL (malloc'd; "" for NULL). */
static inline char *clitest_text(const char *path, const char *sql)
{
	sqlite3 *db = NULL;
	sqlite3_stmt *st = NULL;
	char *v = NULL;

	assert_int_equal(sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL),
	                 SQLITE_OK);
	assert_int_equal(sqlite3_prepare_v2(db, sql, -1, &st, NULL), SQLITE_OK);
	if (sqlite3_step(st) == SQLITE_ROW) {
		const char *t = (const char *)sqlite3_column_text(st, 0);

		v = strdup(t ? t : "");
	}
	sqlite3_finalize(st);
	sqlite3_close(db);
	assert_non_null(v);
	return v;
}

/*
 * A small invented article, numbered: a wire story with a quote, a speaker
 * and an outlet drawn from short lists, so that many files differ.
 */
static inline int clitest_article(char *buf, size_t cap, unsigned n)
{
	static const char *const first[] = {"Mara", "Tobias", "Ilse", "Kofi",
	                                    "Lena", "Ravi", "Odile", "Sven"};
	static const char *const last[] = {"Okafor", "Brandt", "Quist",
	                                   "Mensah", "Varga", "Iyer", "Lund"};
	static const char *const outlet[] = {"the Valley Herald",
	                                     "Radio Kestrel", "the Daily Courant",
	                                     "Harbour Watch"};
	static const char *const what[] = {"the bridge", "the levy",
	                                   "the ferry timetable", "the new port"};

	return snprintf(buf, cap,
	                "Council row over %s, part %u\n"
	                "2026-02-%02u\n\n"
	                "NORTHPORT (Kestrel Wire) - %s %s told %s on Friday that "
	                "\"%s will be settled within %u days,\" and added that "
	                "nobody should worry.\n\n"
	                "\"We have heard every side,\" %s said. Story %u.\n",
	                what[n % 4], n, 1 + n % 28, first[n % 8], last[n % 7],
	                outlet[n % 4], what[(n / 4) % 4], 2 + n % 50, last[n % 7],
	                n);
}

#endif
