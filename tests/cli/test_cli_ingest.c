/*
 * test_cli_ingest.c -- quotegraph ingest as a user runs it: files,
 * directories, JSON Lines and standard input; bad input among good; a
 * corrupt database; kill -9 in the middle of a large ingest and a rerun;
 * two ingests into one file at once.
 */
#include <signal.h>
#include <time.h>

#include "clitest.h"

static char path_buf[3][200];

static const char *at(int i, const char *name)
{
	snprintf(path_buf[i], sizeof(path_buf[i]), "%s/%s", clitest_dir, name);
	return path_buf[i];
}

static void write_text(const char *name, const char *text)
{
	clitest_write(at(2, name), text, strlen(text));
}

/* Files, a directory walked recursively, a JSON Lines file with one bad
 * record: the bad record is named with its line, the rest go in, and a
 * second run adds nothing. */
static void test_cli_ingest_inputs(void **state)
{
	char args[2048];
	run_result r;

	(void)state;
	clitest_tmpdir();
	mkdir(at(0, "in"), 0700);
	mkdir(at(0, "in/sub"), 0700);
	write_text("in/a.txt", "Ferry talks\n\n\"We sail at dawn,\" said the "
	                       "harbourmaster, Edda Rask.\n");
	write_text("in/sub/b.md", "Bridge vote\n\nCouncillor Amos Feld called "
	                          "the plan \"a fine mess\".\n");
	write_text("in/skip.csv", "not,an,article\n");
	write_text("in/rec.jsonl",
	           "{\"id\":\"rec-1\",\"title\":\"Dock vote\",\"date\":"
	           "\"2026-01-04\",\"outlet\":\"Valley Herald\",\"text\":"
	           "\"\\\"No more delays,\\\" said Ida Moss.\\n\"}\n"
	           "\n"
	           "{\"id\":\"rec-2\",\"text\":\"broken\n"
	           "{\"id\":\"rec-3\",\"url\":\"https://example.org/3\","
	           "\"extra\":{\"a\":[1,2,{\"b\":null}]},\"text\":"
	           "\"A plain note without quotes, caf\\u00e9.\"}\n");
	snprintf(args, sizeof(args), "ingest --db '%s' '%s'", at(0, "t.db"),
	         at(1, "in"));
	r = clitest_run(args, NULL);
	assert_int_equal(r.status, 1);
	assert_non_null(strstr(r.err, "rec.jsonl:3:"));
	assert_non_null(strstr(r.err, "4 articles (4 new"));
	clitest_free(&r);
	assert_int_equal(clitest_int(at(0, "t.db"), "SELECT count(*) FROM "
	                                            "article"), 4);
	assert_int_equal(clitest_int(at(0, "t.db"), "SELECT count(*) FROM "
	                                            "article WHERE name IN "
	                                            "('rec-1', 'rec-3', "
	                                            "'a.txt', 'b.md')"), 4);
	assert_int_equal(clitest_int(at(0, "t.db"),
	                             "SELECT count(*) FROM article WHERE text = "
	                             "'A plain note without quotes, caf\xc3\xa9.'"),
	                 1);
	/* the records' fields are stored with their articles */
	assert_int_equal(clitest_int(at(0, "t.db"),
	                             "SELECT count(*) FROM article a JOIN entity e "
	                             "ON e.id = a.publisher_id WHERE a.name = "
	                             "'rec-1' AND a.title = 'Dock vote' AND "
	                             "a.date = '2026-01-04' AND e.name = "
	                             "'Valley Herald'"), 1);
	assert_int_equal(clitest_int(at(0, "t.db"),
	                             "SELECT count(*) FROM article WHERE name = "
	                             "'rec-3' AND url = 'https://example.org/3'"),
	                 1);
	r = clitest_run(args, NULL);
	assert_int_equal(r.status, 1);
	assert_non_null(strstr(r.err, "4 articles (0 new, 4 already stored)"));
	clitest_free(&r);
	assert_int_equal(clitest_int(at(0, "t.db"), "SELECT count(*) FROM "
	                                            "article"), 4);
	clitest_rmdir();
}

/* Standard input: a text article, then JSON Lines records. */
static void test_cli_ingest_stdin(void **state)
{
	char args[2048];
	run_result r;

	(void)state;
	clitest_tmpdir();
	write_text("one.txt", "Lone story\n\n\"Hello there,\" said Per Alm.\n");
	write_text("recs", "{\"id\":\"s1\",\"text\":\"First record.\"}\n"
	                   "{\"id\":\"s2\",\"text\":\"Second record.\"}\n");
	snprintf(args, sizeof(args), "ingest -q --db '%s' -", at(0, "s.db"));
	r = clitest_run(args, at(1, "one.txt"));
	assert_int_equal(r.status, 0);
	assert_string_equal(r.err, ""); /* --quiet */
	clitest_free(&r);
	r = clitest_run(args, at(1, "recs"));
	assert_int_equal(r.status, 0);
	clitest_free(&r);
	assert_int_equal(clitest_int(at(0, "s.db"), "SELECT count(*) FROM "
	                                            "article WHERE name IN "
	                                            "('-', 's1', 's2')"), 3);
	clitest_rmdir();
}

/* An invalid UTF-8 file among good ones: named, exit 1, the good ones in. */
static void test_cli_ingest_bad_utf8(void **state)
{
	char args[2048];
	run_result r;

	(void)state;
	clitest_tmpdir();
	mkdir(at(0, "in"), 0700);
	write_text("in/1good.txt", "Good one\n\n\"Fine,\" said Bo Lind.\n");
	write_text("in/2bad.txt", "Bad one\n\nLatin-1 caf\xe9 here.\n");
	write_text("in/3good.txt", "Good two\n\n\"Also fine,\" said Jo Ek.\n");
	snprintf(args, sizeof(args), "ingest --db '%s' '%s'", at(0, "b.db"),
	         at(1, "in"));
	r = clitest_run(args, NULL);
	assert_int_equal(r.status, 1);
	assert_non_null(strstr(r.err, "2bad.txt"));
	assert_null(strstr(r.err, "1good.txt"));
	clitest_free(&r);
	assert_int_equal(clitest_int(at(0, "b.db"), "SELECT count(*) FROM "
	                                            "article"), 2);
	clitest_rmdir();
}

/* A file of random bytes where the database should be: a clear message
 * naming it, exit 3, no crash, the file untouched. */
static void test_cli_ingest_corrupt_db(void **state)
{
	char args[2048], junk[8192];
	size_t len = 0;
	char *back;
	run_result r;

	(void)state;
	clitest_tmpdir();
	srand(7);
	for (size_t i = 0; i < sizeof(junk); i++)
		junk[i] = (char)(rand() & 0xff);
	clitest_write(at(0, "junk.db"), junk, sizeof(junk));
	write_text("a.txt", "Story\n\n\"Words,\" said Al Berg.\n");
	snprintf(args, sizeof(args), "ingest --db '%s' '%s'", at(0, "junk.db"),
	         at(1, "a.txt"));
	r = clitest_run(args, NULL);
	assert_int_equal(r.status, 3);
	assert_non_null(strstr(r.err, "junk.db"));
	assert_non_null(strstr(r.err, "not a database"));
	clitest_free(&r);
	snprintf(args, sizeof(args), "quotes --db '%s'", at(0, "junk.db"));
	r = clitest_run(args, NULL);
	assert_int_equal(r.status, 3);
	assert_non_null(strstr(r.err, "junk.db"));
	clitest_free(&r);
	back = qg_test_read(at(0, "junk.db"), &len);
	assert_int_equal(len, sizeof(junk));
	assert_memory_equal(back, junk, sizeof(junk));
	free(back);
	clitest_rmdir();
}

static void check_integrity(const char *path);

/* A database another process holds locked for writing: after the busy
 * timeout a clear message naming the file, exit 3, and what was stored
 * is still there. */
static void test_cli_ingest_locked_db(void **state)
{
	char args[2048], db[256];
	sqlite3 *holder = NULL;
	run_result r;

	(void)state;
	clitest_tmpdir();
	snprintf(db, sizeof(db), "%s", at(0, "l.db"));
	write_text("a.txt", "Story\n\n\"Words,\" said Al Berg.\n");
	write_text("b.txt", "Other\n\n\"More words,\" said Ed Holm.\n");
	snprintf(args, sizeof(args), "ingest -q --db '%s' '%s'", db,
	         at(1, "a.txt"));
	r = clitest_run(args, NULL);
	assert_int_equal(r.status, 0);
	clitest_free(&r);
	assert_int_equal(sqlite3_open(db, &holder), SQLITE_OK);
	assert_int_equal(sqlite3_exec(holder, "BEGIN IMMEDIATE", NULL, NULL,
	                              NULL), SQLITE_OK);
	snprintf(args, sizeof(args), "ingest --db '%s' '%s'", db,
	         at(1, "b.txt"));
	r = clitest_run(args, NULL);
	assert_int_equal(r.status, 3);
	assert_non_null(strstr(r.err, "l.db"));
	assert_non_null(strstr(r.err, "locked"));
	clitest_free(&r);
	sqlite3_exec(holder, "ROLLBACK", NULL, NULL, NULL);
	sqlite3_close(holder);
	check_integrity(db);
	assert_int_equal(clitest_int(db, "SELECT count(*) FROM article"), 1);
	clitest_rmdir();
}

/* Write n invented articles, numbered from `from`, into dir. */
static void make_articles(const char *dir, unsigned from, unsigned n)
{
	char path[512], text[1024];

	mkdir(dir, 0700);
	for (unsigned i = from; i < from + n; i++) {
		int len = clitest_article(text, sizeof(text), i);

		snprintf(path, sizeof(path), "%s/story-%05u.txt", dir, i);
		clitest_write(path, text, (size_t)len);
	}
}

/* Start `quotegraph ingest -q --db db dir` in the background. */
static pid_t spawn_ingest(const char *db, const char *dir)
{
	const char *bin = clitest_bin();
	pid_t pid = fork();

	assert_true(pid >= 0);
	if (pid == 0) {
		FILE *null = freopen("/dev/null", "w", stdout);

		(void)null;
		execl(bin, "quotegraph", "ingest", "-q", "--db", db, dir,
		      (char *)NULL);
		_exit(127);
	}
	return pid;
}

static int wait_exit(pid_t pid)
{
	int st = 0;

	assert_int_equal(waitpid(pid, &st, 0), pid);
	return WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
}

/* Articles stored so far, or -1 while the database is not readable yet. */
static long long stored_now(const char *path)
{
	sqlite3 *db = NULL;
	sqlite3_stmt *st = NULL;
	long long v = -1;

	if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK &&
	    sqlite3_prepare_v2(db, "SELECT count(*) FROM article", -1, &st,
	                       NULL) == SQLITE_OK &&
	    sqlite3_step(st) == SQLITE_ROW)
		v = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	sqlite3_close(db);
	return v;
}

/* Open read-write (recovering the WAL of a killed writer) and check. */
static void check_integrity(const char *path)
{
	sqlite3 *db = NULL;
	sqlite3_stmt *st = NULL;

	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	assert_int_equal(sqlite3_prepare_v2(db, "PRAGMA integrity_check", -1,
	                                    &st, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	assert_string_equal((const char *)sqlite3_column_text(st, 0), "ok");
	sqlite3_finalize(st);
	sqlite3_close(db);
}

/* Every stored article has exactly the quotes a fresh extraction of its
 * file finds: none was stored in part. Returns the articles checked. */
static long long check_whole(const char *path, const char *dir)
{
	qg_extractor *ex = NULL;
	qg_db *db = NULL;
	sqlite3_stmt *st = NULL;
	long long n = 0;

	assert_int_equal(qg_extractor_new(&ex), QG_OK);
	assert_int_equal(qg_db_open(&db, path, QG_DB_READONLY), QG_OK);
	assert_int_equal(sqlite3_prepare_v2(db->conn,
	                 "SELECT a.name, (SELECT count(*) FROM occurrence o "
	                 "WHERE o.article_id = a.id) FROM article a", -1, &st,
	                 NULL), SQLITE_OK);
	while (sqlite3_step(st) == SQLITE_ROW) {
		char file[512];
		size_t len = 0;
		char *text;
		qg_article *a = NULL;

		snprintf(file, sizeof(file), "%s/%s", dir,
		         (const char *)sqlite3_column_text(st, 0));
		text = qg_test_read(file, &len);
		assert_non_null(text);
		assert_int_equal(qg_extract(ex, file, text, len, NULL, &a), QG_OK);
		assert_int_equal(sqlite3_column_int64(st, 1),
		                 (long long)qg_article_count(a));
		qg_article_free(a);
		free(text);
		n++;
	}
	sqlite3_finalize(st);
	qg_db_close(db);
	qg_extractor_free(ex);
	return n;
}

static void test_cli_ingest_kill9_then_rerun(void **state)
{
	const unsigned total = 3000;
	char db[256], dir[256], args[2048];
	long long seen = -1;
	pid_t pid;
	int st;
	run_result r;

	(void)state;
	clitest_tmpdir();
	snprintf(db, sizeof(db), "%s", at(0, "k.db"));
	snprintf(dir, sizeof(dir), "%s", at(1, "many"));
	make_articles(dir, 0, total);
	pid = spawn_ingest(db, dir);
	/* kill as soon as some batch is committed (not after a fixed time) */
	for (int i = 0; i < 20000 && seen < 1; i++) {
		struct timespec ts = {0, 1000000};

		seen = stored_now(db);
		if (seen < 1)
			nanosleep(&ts, NULL);
	}
	kill(pid, SIGKILL);
	st = wait_exit(pid);
	if (st != 128 + SIGKILL)
		print_message("note: the ingest ended (%d) before the kill\n", st);
	check_integrity(db);
	seen = check_whole(db, dir);
	assert_true(seen >= 1 && seen <= total);
	snprintf(args, sizeof(args), "ingest --db '%s' '%s'", db, dir);
	r = clitest_run(args, NULL);
	assert_int_equal(r.status, 0);
	clitest_free(&r);
	check_integrity(db);
	assert_int_equal(check_whole(db, dir), total);
	assert_int_equal(clitest_int(db, "SELECT count(DISTINCT hash) FROM "
	                                 "article"), total);
	clitest_rmdir();
}

/* A fingerprint of a database's graph, independent of row ids. */
static char *fingerprint(const char *db)
{
	return clitest_text(db,
	        "SELECT (SELECT group_concat(hash) FROM (SELECT hash FROM "
	        "article ORDER BY hash)) || '|' || (SELECT group_concat(k) FROM "
	        "(SELECT type || ':' || key AS k FROM entity ORDER BY k)) || '|' "
	        "|| (SELECT group_concat(k) FROM (SELECT a.hash || ':' || o.start "
	        "|| ':' || ifnull(e.key, '') AS k FROM occurrence o JOIN article "
	        "a ON a.id = o.article_id LEFT JOIN entity e ON e.id = "
	        "o.speaker_id ORDER BY k)) || '|' || (SELECT count(*) FROM "
	        "alias) || '|' || (SELECT count(*) FROM article_cites)");
}

/* Two ingests into one file at once, with overlapping inputs: both
 * succeed, and the graph equals that of the same ingests one after the
 * other. */
static void test_cli_ingest_concurrent(void **state)
{
	char db[256], seq[256], a[256], b[256], args[2048];
	char *f1, *f2;
	pid_t p1, p2;
	run_result r;

	(void)state;
	clitest_tmpdir();
	snprintf(db, sizeof(db), "%s", at(0, "c.db"));
	snprintf(seq, sizeof(seq), "%s", at(0, "s.db"));
	snprintf(a, sizeof(a), "%s", at(0, "a"));
	snprintf(b, sizeof(b), "%s", at(0, "b"));
	make_articles(a, 0, 700);
	make_articles(b, 500, 700);
	p1 = spawn_ingest(db, a);
	p2 = spawn_ingest(db, b);
	assert_int_equal(wait_exit(p1), 0);
	assert_int_equal(wait_exit(p2), 0);
	check_integrity(db);
	snprintf(args, sizeof(args), "ingest -q --db '%s' '%s' '%s'", seq, a, b);
	r = clitest_run(args, NULL);
	assert_int_equal(r.status, 0);
	clitest_free(&r);
	assert_int_equal(clitest_int(db, "SELECT count(*) FROM article"), 1200);
	f1 = fingerprint(db);
	f2 = fingerprint(seq);
	assert_string_equal(f1, f2);
	free(f1);
	free(f2);
	clitest_rmdir();
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_cli_ingest_inputs),
		cmocka_unit_test(test_cli_ingest_stdin),
		cmocka_unit_test(test_cli_ingest_bad_utf8),
		cmocka_unit_test(test_cli_ingest_corrupt_db),
		cmocka_unit_test(test_cli_ingest_kill9_then_rerun),
		cmocka_unit_test(test_cli_ingest_concurrent),
		cmocka_unit_test(test_cli_ingest_locked_db),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
