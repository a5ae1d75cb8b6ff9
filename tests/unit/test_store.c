/*
 * test_store.c -- the database: creation and migration by user_version,
 * refusing corrupt files, the statement cache, name folding and parsing.
 */
#include "store_fixture.h"
#include "../../src/lib/store/entity.h"

static void test_store_creates_schema(void **state)
{
	char path[64];
	qg_db *db = fx_db(path);

	(void)state;
	assert_true(qg_db_schema_version(db) >= 1);
	assert_int_equal(fx_int(db, "SELECT count(*) FROM sqlite_schema "
	                            "WHERE name IN ('entity', 'alias', "
	                            "'article', 'article_cites', 'occurrence', "
	                            "'occurrence_fts', 'who_said_what', "
	                            "'quotes_by_speaker', 'outlets')"),
	                 9);
	assert_int_equal(fx_int(db, "PRAGMA foreign_keys"), 1);
	qg_db_close(db);
	fx_db_remove(path);
}

/* A database left at an older version (here: 0 with a foreign table, as an
 * empty file would be) is brought up to date and keeps what it held. */
static void test_store_migrates_from_v0(void **state)
{
	char path[64] = "/tmp/qg_test_mig_XXXXXX";
	sqlite3 *raw = NULL;
	qg_db *db = NULL;
	int fd = mkstemp(path);

	(void)state;
	assert_true(fd >= 0);
	close(fd); /* an empty file is a valid database at version 0 */
	assert_int_equal(sqlite3_open(path, &raw), SQLITE_OK);
	assert_int_equal(sqlite3_exec(raw, "CREATE TABLE notes (x TEXT);"
	                              "INSERT INTO notes VALUES ('kept')",
	                              NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(raw);
	assert_int_equal(qg_db_open(&db, path, 0), QG_OK);
	assert_true(qg_db_schema_version(db) >= 1);
	assert_int_equal(fx_int(db, "SELECT count(*) FROM notes"), 1);
	assert_int_equal(fx_int(db, "SELECT count(*) FROM article"), 0);
	qg_db_close(db);
	fx_db_remove(path);
}

/* A database whose version is newer than the program is refused, not
 * damaged; one at the current version opens unchanged. */
static void test_store_refuses_newer_version(void **state)
{
	char path[64];
	qg_db *db = fx_db(path);
	int v = qg_db_schema_version(db);
	char sql[64];

	(void)state;
	fx_store(db, &fx_wire, NULL);
	snprintf(sql, sizeof(sql), "PRAGMA user_version = %d", v + 5);
	assert_int_equal(sqlite3_exec(db->conn, sql, NULL, NULL, NULL),
	                 SQLITE_OK);
	qg_db_close(db);
	assert_int_equal(qg_db_open(&db, path, 0), QG_ERR_DB);
	assert_non_null(strstr(qg_db_errmsg(db), "newer"));
	assert_non_null(strstr(qg_db_errmsg(db), path));
	qg_db_close(db);
	/* put it back: the article is still there */
	assert_int_equal(qg_db_open(&db, path, QG_DB_READONLY), QG_OK);
	qg_db_close(db);
	{
		sqlite3 *raw = NULL;

		assert_int_equal(sqlite3_open(path, &raw), SQLITE_OK);
		snprintf(sql, sizeof(sql), "PRAGMA user_version = %d", v);
		sqlite3_exec(raw, sql, NULL, NULL, NULL);
		sqlite3_close(raw);
	}
	assert_int_equal(qg_db_open(&db, path, 0), QG_OK);
	assert_int_equal(fx_int(db, "SELECT count(*) FROM article"), 1);
	qg_db_close(db);
	fx_db_remove(path);
}

/* At the current version nothing is applied again (001 would fail: its
 * tables exist) and what is stored stays. */
static void test_store_reopen_keeps_data(void **state)
{
	char path[64];
	qg_db *db = fx_db(path);
	int v = qg_db_schema_version(db);

	(void)state;
	fx_store(db, &fx_wire, NULL);
	qg_db_close(db);
	assert_int_equal(qg_db_open(&db, path, 0), QG_OK);
	assert_int_equal(qg_db_schema_version(db), v);
	assert_int_equal(fx_int(db, "SELECT count(*) FROM occurrence"), 2);
	qg_db_close(db);
	fx_db_remove(path);
}

static void test_store_refuses_corrupt_file(void **state)
{
	char path[64] = "/tmp/qg_test_bad_XXXXXX";
	unsigned char junk[4096];
	qg_db *db = NULL;
	int fd = mkstemp(path);

	(void)state;
	assert_true(fd >= 0);
	for (size_t i = 0; i < sizeof(junk); i++)
		junk[i] = (unsigned char)(i * 7919u + 13u);
	assert_int_equal(write(fd, junk, sizeof(junk)), (long)sizeof(junk));
	close(fd);
	assert_int_equal(qg_db_open(&db, path, 0), QG_ERR_DB);
	assert_non_null(db);
	assert_non_null(strstr(qg_db_errmsg(db), path));
	qg_db_close(db);
	/* the file is left as it was */
	{
		size_t len = 0;
		char *back = qg_test_read(path, &len);

		assert_int_equal(len, sizeof(junk));
		assert_memory_equal(back, junk, sizeof(junk));
		free(back);
	}
	unlink(path);
}

static void test_store_statement_cache(void **state)
{
	char path[64];
	qg_db *db = fx_db(path);
	sqlite3_stmt *a = NULL, *b = NULL;

	(void)state;
	assert_int_equal(qg__db_stmt(db, QG_STMT_CLUSTER, "SELECT 1", &a),
	                 QG_OK);
	assert_int_equal(qg__db_stmt(db, QG_STMT_CLUSTER, "SELECT 1", &b),
	                 QG_OK);
	assert_ptr_equal(a, b);
	assert_int_equal(qg__db_stmt(db, QG_STMT_SLOTS, "SELECT 1", &a),
	                 QG_ERR_USAGE);
	assert_int_equal(qg__db_stmt(db, QG_STMT_CLUSTER + 1, "SELEC nonsense",
	                             &a), QG_ERR_DB);
	qg_db_close(db);
	fx_db_remove(path);
}

static void fold_is(const char *in, int mode, const char *want)
{
	qg_buf b = QG_BUF_INIT;

	assert_int_equal(qg__fold(&b, in, strlen(in), mode), QG_OK);
	assert_string_equal(b.data ? b.data : "", want);
	qg_buf_dispose(&b);
}

static void test_store_fold(void **state)
{
	(void)state;
	fold_is("  J\xc3\xbcrgen  B\xc3\xa4stlein\n", QG_FOLD_TEXT,
	        "jurgen bastlein");
	fold_is("\xe2\x80\x9cWe\xe2\x80\x99re here\xe2\x80\x9d \xe2\x80\x94 ok",
	        QG_FOLD_TEXT, "\"we're here\" - ok");
	fold_is("O'Brien, U.S.", QG_FOLD_NAME, "obrien us");
	fold_is("\xc5\x81\xc3\xb3" "d\xc5\xba \xc3\x98" "rsted", QG_FOLD_NAME,
	        "lodz orsted");
	fold_is("\xd0\x9c\xd0\x98\xd0\xa0", QG_FOLD_TEXT,
	        "\xd0\xbc\xd0\xb8\xd1\x80");
	fold_is("", QG_FOLD_TEXT, "");
}

static void name_is(const char *raw, const char *name, const char *title,
                    const char *key, const char *surname, int words)
{
	qg_name nm;

	assert_int_equal(qg__name_parse(&nm, raw), QG_OK);
	assert_string_equal(nm.name, name);
	assert_string_equal(nm.title, title);
	assert_string_equal(nm.key, key);
	assert_string_equal(nm.surname, surname);
	assert_int_equal(nm.words, words);
}

static void test_store_name_parse(void **state)
{
	(void)state;
	name_is("Deputy Finance Minister Petra Lindqvist-Ova", "Petra "
	        "Lindqvist-Ova", "Deputy Finance Minister",
	        "petra lindqvist-ova", "lindqvist-ova", 2);
	name_is("Petra Lindqvist-Ova's", "Petra Lindqvist-Ova", "",
	        "petra lindqvist-ova", "lindqvist-ova", 2);
	name_is("Ms. Lindqvist-Ova", "Lindqvist-Ova", "Ms.", "lindqvist-ova",
	        "lindqvist-ova", 1);
	name_is("Secretary of State Odile Marchetti", "Odile Marchetti",
	        "Secretary of State", "odile marchetti", "marchetti", 2);
	name_is("Tomas Reyes Jr.", "Tomas Reyes Jr.", "", "tomas reyes jr",
	        "reyes", 3);
	name_is("the President", "President", "the", "president",
	        "president", 1);
	name_is("", "", "", "", "", 0);
}

static void test_store_names_unify(void **state)
{
	qg_name n[4];

	(void)state;
	qg__name_parse(&n[0], "Mayor Jonas Halvorsen");
	qg__name_parse(&n[1], "Halvorsen");
	qg__name_parse(&n[2], "Petra Lindqvist-Ova");
	qg__name_parse(&n[3], "Mrs Lindqvist-Ova");
	qg__names_unify(n, 4);
	assert_string_equal(n[1].key, "jonas halvorsen");
	assert_string_equal(n[3].key, "petra lindqvist-ova");
	assert_string_equal(n[3].title, "Mrs");
	/* a second Halvorsen makes the surname alone ambiguous */
	qg__name_parse(&n[2], "Ingrid Halvorsen");
	qg__name_parse(&n[1], "Halvorsen");
	qg__names_unify(n, 3);
	assert_string_equal(n[1].key, "halvorsen");
}

static void record_fails(const char *line, const char *why)
{
	qg_record *rec = NULL;

	assert_int_equal(qg_record_parse(&rec, line, strlen(line)),
	                 QG_ERR_INPUT);
	assert_non_null(rec);
	assert_non_null(strstr(qg_record_errmsg(rec), why));
	qg_record_free(rec);
}

static void test_store_record_parse(void **state)
{
	static const char line[] =
		"{\"id\": 17, \"n\": -0.5e+3, \"ok\": true, \"title\": \"Caf\\u00e9 \\\"talks\\\"\", "
		"\"skip\": {\"a\": [1, {\"b\": null}, \"x\"]}, \"date\": null, "
		"\"author\": \"Ann Lee\", \"text\": \"Line\\none \\ud83d\\ude00\"}";
	qg_record *rec = NULL;
	const qg_article_meta *m;
	size_t len = 0;

	(void)state;
	assert_int_equal(qg_record_parse(&rec, line, strlen(line)), QG_OK);
	m = qg_record_meta(rec);
	assert_string_equal(m->id, "17");
	assert_string_equal(m->title, "Caf\xc3\xa9 \"talks\"");
	assert_null(m->date);
	assert_null(m->url);
	assert_string_equal(m->byline, "Ann Lee");
	assert_string_equal(qg_record_text(rec, &len),
	                    "Line\none \xf0\x9f\x98\x80");
	assert_int_equal(len, 13);
	qg_record_free(rec);
	record_fails("{\"text\": \"x\"", "unfinished");
	record_fails("[1]", "JSON object");
	record_fails("{\"id\": \"a\"}", "no \"text\"");
	record_fails("{\"text\": \"a\\ud800\"}", "surrogate");
	record_fails("{\"text\": \"a\\u0000\"}", "NUL");
	record_fails("{\"text\": \"caf\xe9\"}", "UTF-8");
	record_fails("{\"text\": \"a\"} x", "after the record");
	record_fails("{\"text\" \"a\"}", "':'");
	/* a bare word that starts like a literal is no value */
	record_fails("{\"id\": nullx, \"text\": \"a\"}", "expected a value");
	record_fails("{\"id\": truth, \"text\": \"a\"}", "expected a value");
	record_fails("{\"id\": 1.5e, \"text\": \"a\"}", "expected a value");
	record_fails("{\"id\": -, \"text\": \"a\"}", "expected a value");
	qg_record_free(NULL);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_store_creates_schema),
		cmocka_unit_test(test_store_migrates_from_v0),
		cmocka_unit_test(test_store_refuses_newer_version),
		cmocka_unit_test(test_store_reopen_keeps_data),
		cmocka_unit_test(test_store_refuses_corrupt_file),
		cmocka_unit_test(test_store_statement_cache),
		cmocka_unit_test(test_store_fold),
		cmocka_unit_test(test_store_name_parse),
		cmocka_unit_test(test_store_names_unify),
		cmocka_unit_test(test_store_record_parse),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
