/*
 * test_ingest.c -- storing articles: whole or not at all, idempotent by
 * content hash, entities merged across spellings and articles, allocation
 * failures that leave nothing behind.
 */
#include "store_fixture.h"

static long long count(qg_db *db, const char *table)
{
	char sql[128];

	snprintf(sql, sizeof(sql), "SELECT count(*) FROM %s", table);
	return fx_int(db, sql);
}

static void test_ingest_stores_article(void **state)
{
	char path[64];
	qg_db *db = fx_db(path);
	int is_new = 0;
	int64_t id = fx_store(db, &fx_wire, &is_new);

	(void)state;
	assert_true(id > 0);
	assert_int_equal(is_new, 1);
	assert_int_equal(count(db, "article"), 1);
	assert_int_equal(count(db, "occurrence"), 2);
	/* the publisher and the cited outlet are outlets; the article cites
	 * the Daily Courant */
	assert_int_equal(fx_int(db, "SELECT count(*) FROM entity "
	                            "WHERE type = 'outlet'"), 2);
	assert_int_equal(fx_int(db, "SELECT count(*) FROM article_cites c "
	                            "JOIN entity e ON e.id = c.outlet_id "
	                            "WHERE e.name = 'the Daily Courant'"), 1);
	assert_int_equal(fx_int(db, "SELECT count(*) FROM article a JOIN "
	                            "entity e ON e.id = a.publisher_id WHERE "
	                            "e.name = 'Norland Wire'"), 1);
	/* the text is searchable */
	assert_int_equal(fx_int(db, "SELECT count(*) FROM occurrence_fts "
	                            "WHERE occurrence_fts MATCH 'levy'"), 1);
	assert_int_equal(fx_int(db, "SELECT count(*) FROM occurrence WHERE "
	                            "norm = 'a temporary measure'"), 1);
	assert_int_equal(fx_int(db, "SELECT count(*) FROM who_said_what WHERE "
	                            "speaker = 'Petra Lindqvist-Ova'"), 2);
	qg_db_close(db);
	fx_db_remove(path);
}

static void test_ingest_twice_changes_nothing(void **state)
{
	char path[64];
	qg_db *db = fx_db(path);
	int is_new = 1;
	int64_t first, again;

	(void)state;
	first = fx_store(db, &fx_wire, NULL);
	fx_store(db, &fx_broadsheet, NULL);
	long long e = count(db, "entity"), al = count(db, "alias"),
		  o = count(db, "occurrence");
	again = fx_store(db, &fx_wire, &is_new);
	assert_int_equal(is_new, 0);
	assert_int_equal(again, first);
	assert_int_equal(count(db, "article"), 2);
	assert_int_equal(count(db, "entity"), e);
	assert_int_equal(count(db, "alias"), al);
	assert_int_equal(count(db, "occurrence"), o);
	qg_db_close(db);
	fx_db_remove(path);
}

static long long persons_named(qg_db *db, const char *name)
{
	char sql[256];

	snprintf(sql, sizeof(sql), "SELECT count(DISTINCT speaker_id) FROM "
	         "occurrence o JOIN entity e ON e.id = o.speaker_id WHERE "
	         "e.name = '%s'", name);
	return fx_int(db, sql);
}

/* "Deputy Finance Minister Petra Lindqvist-Ova", "Lindqvist-Ova",
 * "Petra Lindqvist-Ova's" and "Ms. Lindqvist-Ova" (alone in its article)
 * are one person; accents do not split "Jürgen Bästlein". */
static void test_ingest_merges_spellings(void **state)
{
	char path[64];
	qg_db *db = fx_db(path);

	(void)state;
	fx_store(db, &fx_wire, NULL);
	fx_store(db, &fx_broadsheet, NULL);
	fx_store(db, &fx_blog, NULL);
	fx_store(db, &fx_tabloid, NULL);
	assert_int_equal(fx_int(db, "SELECT count(*) FROM entity WHERE "
	                            "surname = 'lindqvist-ova'"), 1);
	assert_int_equal(fx_int(db, "SELECT count(*) FROM occurrence o JOIN "
	                            "entity e ON e.id = o.speaker_id WHERE "
	                            "e.key = 'petra lindqvist-ova'"), 4);
	assert_int_equal(fx_int(db, "SELECT count(*) FROM alias a JOIN entity "
	                            "e ON e.id = a.entity_id WHERE e.key = "
	                            "'petra lindqvist-ova'"), 4);
	assert_int_equal(fx_int(db, "SELECT count(*) FROM entity WHERE "
	                            "title = 'Deputy Finance Minister'"), 1);
	assert_int_equal(persons_named(db, "J\xc3\xbcrgen B\xc3\xa4stlein"), 1);
	assert_int_equal(fx_int(db, "SELECT count(*) FROM entity WHERE "
	                            "key = 'jurgen bastlein'"), 1);
	/* outlets merge by folded name: "the Daily Courant" = "Daily Courant" */
	assert_int_equal(fx_int(db, "SELECT count(*) FROM entity WHERE "
	                            "type = 'outlet' AND key = "
	                            "'daily courant'"), 1);
	/* an organisation speaks as an org */
	assert_int_equal(fx_int(db, "SELECT count(*) FROM occurrence o JOIN "
	                            "entity e ON e.id = o.speaker_id WHERE "
	                            "e.type = 'org'"), 1);
	qg_db_close(db);
	fx_db_remove(path);
}

/* Ingested in the other order: the surname alone comes first, before any
 * full name is stored, and stays apart (no merge is guessed later). */
static void test_ingest_surname_first_stays_apart(void **state)
{
	char path[64];
	qg_db *db = fx_db(path);

	(void)state;
	fx_store(db, &fx_blog, NULL);
	fx_store(db, &fx_wire, NULL);
	assert_int_equal(fx_int(db, "SELECT count(*) FROM entity WHERE "
	                            "surname = 'lindqvist-ova'"), 2);
	/* the wire's own "Lindqvist-Ova" still joins Petra, within the
	 * article */
	assert_int_equal(fx_int(db, "SELECT count(*) FROM occurrence o JOIN "
	                            "entity e ON e.id = o.speaker_id WHERE "
	                            "e.key = 'petra lindqvist-ova'"), 2);
	qg_db_close(db);
	fx_db_remove(path);
}

/* Ingrid and Jonas Halvorsen stay two; "Halvorsen" alone in their article
 * is ambiguous and joins neither. */
static void test_ingest_shared_surname_stays_two(void **state)
{
	char path[64];
	qg_db *db = fx_db(path);

	(void)state;
	fx_store(db, &fx_tabloid, NULL);
	assert_int_equal(persons_named(db, "Ingrid Halvorsen"), 1);
	assert_int_equal(persons_named(db, "Jonas Halvorsen"), 1);
	assert_int_equal(fx_int(db, "SELECT count(*) FROM entity WHERE "
	                            "surname = 'halvorsen'"), 3);
	assert_int_equal(fx_int(db, "SELECT count(*) FROM entity WHERE "
	                            "key = 'halvorsen'"), 1);
	assert_int_equal(fx_int(db, "SELECT count(*) FROM entity WHERE "
	                            "name = 'Jonas Halvorsen' AND title = "
	                            "'Mayor'"), 1);
	qg_db_close(db);
	fx_db_remove(path);
}

/* An article with a bad attribution (outside the text) is refused whole,
 * inside a batch, and the articles around it go in. */
static void test_ingest_failed_article_leaves_nothing(void **state)
{
	char path[64];
	qg_db *db = fx_db(path);
	qg_article *bad = fx_build(&fx_tabloid);
	qg_attribution q = bad->items[0];
	int64_t id = 7;

	(void)state;
	q.span.end = bad->len + 10;
	assert_int_equal(qg__article_add(bad, &q), QG_OK);
	assert_int_equal(qg_db_begin(db), QG_OK);
	fx_store(db, &fx_wire, NULL);
	assert_int_equal(qg_db_add_article(db, bad, &id, NULL), QG_ERR_INPUT);
	assert_int_equal(id, 0);
	assert_non_null(strstr(qg_db_errmsg(db), "echo-docks.txt"));
	fx_store(db, &fx_blog, NULL);
	assert_int_equal(qg_db_commit(db), QG_OK);
	assert_int_equal(count(db, "article"), 2);
	assert_int_equal(fx_int(db, "SELECT count(*) FROM entity WHERE "
	                            "surname = 'halvorsen'"), 0);
	qg_article_free(bad);
	qg_db_close(db);
	fx_db_remove(path);
}

/* A failure deep inside (the database refusing a row) rolls the article
 * back to its savepoint: nothing of it remains, the batch goes on. */
static void test_ingest_db_failure_rolls_back(void **state)
{
	char path[64];
	qg_db *db = fx_db(path);
	qg_article *a = fx_build(&fx_broadsheet);

	(void)state;
	assert_int_equal(sqlite3_exec(db->conn,
	                              "CREATE TRIGGER no_theatre BEFORE INSERT "
	                              "ON occurrence WHEN new.text LIKE "
	                              "'theatre%' BEGIN SELECT RAISE(ABORT, "
	                              "'refused'); END", NULL, NULL, NULL),
	                 SQLITE_OK);
	assert_int_equal(qg_db_begin(db), QG_OK);
	fx_store(db, &fx_wire, NULL);
	assert_int_equal(qg_db_add_article(db, a, NULL, NULL), QG_ERR_DB);
	assert_non_null(strstr(qg_db_errmsg(db), "refused"));
	assert_int_equal(qg_db_commit(db), QG_OK);
	assert_int_equal(count(db, "article"), 1);
	assert_int_equal(count(db, "occurrence"), 2);
	assert_int_equal(fx_int(db, "SELECT count(*) FROM entity WHERE "
	                            "surname = 'bastlein'"), 0);
	/* without a batch too */
	assert_int_equal(qg_db_add_article(db, a, NULL, NULL), QG_ERR_DB);
	assert_int_equal(count(db, "article"), 1);
	qg_article_free(a);
	qg_db_close(db);
	fx_db_remove(path);
}

/* The rows a query returns, as one string (NULL when none). */
static char *rows_string(qg_db *db, const char *sql)
{
	sqlite3_stmt *st = NULL;
	const char *text;
	char *out = NULL;

	assert_int_equal(sqlite3_prepare_v2(db->conn, sql, -1, &st, NULL),
	                 SQLITE_OK);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	text = (const char *)sqlite3_column_text(st, 0);
	if (text)
		out = strdup(text);
	sqlite3_finalize(st);
	return out;
}

/* Every row of the tables the store fills at commit (totals, titles,
 * aliases); ids are the same in two databases filled with the same
 * articles in the same order. */
static const char *const commit_rows =
	"SELECT group_concat(r, ';') FROM ("
	"SELECT printf('e%d %s %s', id, name, title) AS r FROM entity "
	"UNION ALL SELECT printf('a%d %s %s %d', entity_id, alias, key, seen) "
	"FROM alias "
	"UNION ALL SELECT printf('s%d %d %d %s %s', entity_id, quotes, "
	"articles, first, last) FROM speaker_stats "
	"UNION ALL SELECT printf('so%d %d %d', speaker_id, outlet_id, quotes) "
	"FROM speaker_outlet "
	"UNION ALL SELECT printf('o%d %d %d %d', entity_id, quotes, published, "
	"cited_by) FROM outlet_stats ORDER BY 1)";

/* The cluster index, which the store also writes at commit. */
static const char *const index_rows =
	"SELECT group_concat(r, ';') FROM ("
	"SELECT printf('h%d %d', hash, quote_id) AS r FROM quote_hash "
	"UNION ALL SELECT printf('w%d %d %d', speaker_id, hash, quote_id) "
	"FROM quote_word ORDER BY 1)";

/*
 * In one batch store `first`, then the broadsheet article which `trigger`
 * makes fail halfway, then `then`; in another database the same batch
 * without the broadsheet. The rows `sql` reads must be the same: the
 * failed article took back all it had added.
 */
static void check_failed_in_batch(const char *trigger,
                                  const fx_article *first,
                                  const fx_article *then, const char *sql)
{
	char p1[64], p2[64];
	qg_db *db = fx_db(p1), *clean = fx_db(p2);
	qg_article *a = fx_build(&fx_broadsheet);
	char *got, *want;

	assert_int_equal(sqlite3_exec(db->conn, trigger, NULL, NULL, NULL),
	                 SQLITE_OK);
	assert_int_equal(qg_db_begin(db), QG_OK);
	fx_store(db, first, NULL);
	assert_int_equal(qg_db_add_article(db, a, NULL, NULL), QG_ERR_DB);
	fx_store(db, then, NULL);
	assert_int_equal(qg_db_commit(db), QG_OK);
	assert_int_equal(qg_db_begin(clean), QG_OK);
	fx_store(clean, first, NULL);
	fx_store(clean, then, NULL);
	assert_int_equal(qg_db_commit(clean), QG_OK);
	got = rows_string(db, sql);
	want = rows_string(clean, sql);
	assert_non_null(want);
	assert_string_equal(got, want);
	free(got);
	free(want);
	qg_article_free(a);
	qg_db_close(db);
	qg_db_close(clean);
	fx_db_remove(p1);
	fx_db_remove(p2);
}

/* An article refused halfway through a batch (its second quote) takes
 * back what it added to the totals, titles and aliases written at the
 * commit. */
static void test_ingest_failed_article_leaves_no_totals(void **state)
{
	(void)state;
	check_failed_in_batch("CREATE TRIGGER no_theatre BEFORE INSERT ON "
	                      "occurrence WHEN new.text LIKE 'theatre%' BEGIN "
	                      "SELECT RAISE(ABORT, 'refused'); END",
	                      &fx_wire, &fx_tabloid, commit_rows);
}

/* An article that fails while its quotes are being clustered (its first
 * quote placed, its second refused) leaves the cluster index as a batch
 * that never held it. */
static void test_ingest_failed_clustering_leaves_no_index(void **state)
{
	(void)state;
	check_failed_in_batch("CREATE TRIGGER no_theatre BEFORE INSERT ON "
	                      "quote_member WHEN (SELECT text FROM occurrence "
	                      "WHERE id = new.occurrence_id) LIKE 'theatre%' "
	                      "BEGIN SELECT RAISE(ABORT, 'refused'); END",
	                      &fx_tabloid, &fx_blog, index_rows);
}

/* A batch rolled back by its caller writes none of its totals, and the
 * next batch starts from nothing pending. */
static void test_ingest_rollback_forgets_totals(void **state)
{
	char p1[64], p2[64];
	qg_db *db = fx_db(p1), *clean = fx_db(p2);
	char *got, *want;

	(void)state;
	assert_int_equal(qg_db_begin(db), QG_OK);
	fx_store(db, &fx_wire, NULL);
	assert_int_equal(qg_db_rollback(db), QG_OK);
	assert_int_equal(count(db, "speaker_stats"), 0);
	assert_int_equal(qg_db_begin(db), QG_OK);
	fx_store(db, &fx_blog, NULL);
	assert_int_equal(qg_db_commit(db), QG_OK);
	fx_store(clean, &fx_blog, NULL);
	got = rows_string(db, commit_rows);
	want = rows_string(clean, commit_rows);
	assert_non_null(want);
	assert_string_equal(got, want);
	assert_int_equal(count(db, "article"), 1);
	free(got);
	free(want);
	qg_db_close(db);
	qg_db_close(clean);
	fx_db_remove(p1);
	fx_db_remove(p2);
}

/* Open a copy of `base` at `path`, store `a`, close; with the Nth
 * allocation failing. Returns the status; *arts and *occ what is stored. */
static qg_status add_failing(const char *path, const char *base, size_t blen,
                             const qg_article *a, long n, long long *arts,
                             long long *occ)
{
	qg_db *db = NULL;
	FILE *fp = fopen(path, "wb");
	qg_status rc;

	assert_non_null(fp);
	assert_int_equal(fwrite(base, 1, blen, fp), blen);
	fclose(fp);
	qg_test_alloc_start(n);
	rc = qg_db_open(&db, path, 0);
	if (rc == QG_OK)
		rc = qg_db_add_article(db, a, NULL, NULL);
	qg_db_close(db);
	assert_int_equal(qg_test_alloc_stop(), 0);
	assert_int_equal(qg_db_open(&db, path, QG_DB_READONLY), QG_OK);
	*arts = count(db, "article");
	*occ = count(db, "occurrence");
	qg_db_close(db);
	return rc;
}

/* Fail each allocation in turn (opening, storing, closing): every
 * failure is reported or, for the name cache, only costs speed; nothing
 * leaks; the article is stored whole or not at all. */
static void test_ingest_allocation_failures(void **state)
{
	char path[64];
	qg_db *db = fx_db(path);
	qg_article *a = fx_build(&fx_tabloid);
	long long arts, occ;
	size_t blen = 0;
	char *base;
	long total, failed = 0;

	(void)state;
	fx_store(db, &fx_wire, NULL); /* names to find, and to cache */
	qg_db_close(db);
	base = qg_test_read(path, &blen);
	assert_non_null(base);
	fx_db_remove(path);
	assert_int_equal(add_failing(path, base, blen, a, 0, &arts, &occ),
	                 QG_OK);
	total = qg_test_alloc_state.count;
	assert_true(total > 10);
	for (long n = 1; n <= total; n++) {
		qg_status rc = add_failing(path, base, blen, a, n, &arts, &occ);

		fx_db_remove(path);
		if (rc == QG_OK) {
			assert_int_equal(arts, 2);
			assert_int_equal(occ, 2 + 5);
			continue;
		}
		failed++;
		assert_int_equal(rc, QG_ERR_NOMEM);
		assert_int_equal(arts, 1);
		assert_int_equal(occ, 2);
	}
	assert_true(failed > 0);
	free(base);
	qg_article_free(a);
}

/* The running totals per speaker equal a count over the occurrences,
 * after ingest and after an article is deleted by hand. */
static void test_ingest_speaker_totals(void **state)
{
	static const char *const differ =
		"SELECT count(*) FROM (SELECT speaker_id, count(*) AS q, "
		"count(DISTINCT article_id) AS a FROM occurrence WHERE speaker_id "
		"IS NOT NULL GROUP BY speaker_id) c FULL JOIN speaker_stats s ON "
		"s.entity_id = c.speaker_id WHERE s.quotes IS NOT c.q OR "
		"s.articles IS NOT c.a";
	static const char *const differ_outlets =
		"SELECT count(*) FROM (SELECT speaker_id, outlet_id, count(*) AS q "
		"FROM occurrence WHERE speaker_id IS NOT NULL AND outlet_id IS NOT "
		"NULL GROUP BY 1, 2) c FULL JOIN speaker_outlet s ON "
		"s.speaker_id = c.speaker_id AND s.outlet_id = c.outlet_id "
		"WHERE s.quotes IS NOT c.q";
	char path[64];
	qg_db *db = fx_db(path);

	(void)state;
	fx_store(db, &fx_wire, NULL);
	fx_store(db, &fx_broadsheet, NULL);
	fx_store(db, &fx_tabloid, NULL);
	fx_store(db, &fx_blog, NULL);
	fx_store(db, &fx_wire, NULL); /* again: no change */
	assert_int_equal(count(db, "speaker_stats"), 6);
	assert_int_equal(fx_int(db, differ), 0);
	assert_int_equal(fx_int(db, differ_outlets), 0);
	assert_int_equal(fx_int(db, "SELECT quotes * 10 + articles FROM "
	                            "quotes_by_speaker WHERE speaker = "
	                            "'Petra Lindqvist-Ova'"), 43);
	assert_int_equal(sqlite3_exec(db->conn, "DELETE FROM article WHERE "
	                              "name = 'wire-levy.txt'", NULL, NULL,
	                              NULL), SQLITE_OK);
	assert_int_equal(fx_int(db, differ), 0);
	assert_int_equal(fx_int(db, differ_outlets), 0);
	assert_int_equal(fx_int(db, "SELECT count(*) FROM occurrence_fts WHERE "
	                            "occurrence_fts MATCH 'temporary'"), 0);
	qg_db_close(db);
	fx_db_remove(path);
}

/* The outlets' running totals (schema 005) agree with a count of the rows,
 * after ingest and after an article is deleted. */
static void test_ingest_outlet_totals(void **state)
{
	static const char *const differ =
		"SELECT count(*) FROM (SELECT id, sum(q) AS q, sum(p) AS p, "
		"sum(c) AS c FROM (SELECT outlet_id AS id, 1 AS q, 0 AS p, 0 AS c "
		"FROM occurrence WHERE outlet_id IS NOT NULL UNION ALL SELECT "
		"publisher_id, 0, 1, 0 FROM article WHERE publisher_id IS NOT NULL "
		"UNION ALL SELECT outlet_id, 0, 0, 1 FROM article_cites) GROUP BY "
		"id) c FULL JOIN (SELECT * FROM outlet_stats WHERE quotes + "
		"published + cited_by > 0) s ON s.entity_id = c.id WHERE s.quotes "
		"IS NOT c.q OR s.published IS NOT c.p OR s.cited_by IS NOT c.c";
	char path[64];
	qg_db *db = fx_db(path);

	(void)state;
	assert_int_equal(qg_db_begin(db), QG_OK);
	fx_store(db, &fx_wire, NULL);
	fx_store(db, &fx_broadsheet, NULL);
	fx_store(db, &fx_tabloid, NULL);
	assert_int_equal(qg_db_commit(db), QG_OK);
	fx_store(db, &fx_blog, NULL);
	fx_store(db, &fx_wire, NULL); /* again: no change */
	assert_int_equal(fx_int(db, differ), 0);
	/* told the Daily Courant twice, in two articles citing it */
	assert_int_equal(fx_int(db, "SELECT quotes * 10 + cited_by FROM "
	                            "outlets WHERE outlet = 'the Daily "
	                            "Courant'"), 22);
	assert_int_equal(fx_int(db, "SELECT published FROM outlets WHERE "
	                            "outlet = 'Norland Wire'"), 1);
	assert_int_equal(sqlite3_exec(db->conn, "DELETE FROM article WHERE "
	                              "name = 'wire-levy.txt'", NULL, NULL,
	                              NULL), SQLITE_OK);
	assert_int_equal(fx_int(db, differ), 0);
	assert_int_equal(fx_int(db, "SELECT published FROM outlets WHERE "
	                            "outlet = 'Norland Wire'"), 0);
	qg_db_close(db);
	fx_db_remove(path);
}

/* Inside a batch, a repeat in a later article of the batch finds its quote,
 * and an article rolled back after some of its quotes were placed leaves
 * no quote or membership behind (the next article reuses the ids). */
static void test_ingest_batch_clusters(void **state)
{
	char path[64];
	qg_db *db = fx_db(path);
	qg_article *a = fx_build(&fx_tabloid);

	(void)state;
	assert_int_equal(sqlite3_exec(db->conn,
	                              "CREATE TRIGGER no_enough BEFORE INSERT "
	                              "ON quote_member WHEN (SELECT text FROM "
	                              "occurrence WHERE id = new.occurrence_id) "
	                              "= 'enough' BEGIN SELECT RAISE(ABORT, "
	                              "'refused'); END", NULL, NULL, NULL),
	                 SQLITE_OK);
	assert_int_equal(qg_db_begin(db), QG_OK);
	fx_store(db, &fx_wire, NULL);
	fx_store(db, &fx_broadsheet, NULL);
	/* three of its quotes are placed before the fourth is refused */
	assert_int_equal(qg_db_add_article(db, a, NULL, NULL), QG_ERR_DB);
	fx_store(db, &fx_blog, NULL);
	assert_int_equal(qg_db_commit(db), QG_OK);
	/* the promise, in two articles of the batch, is one quote */
	assert_int_equal(fx_int(db, "SELECT count(DISTINCT m.quote_id) FROM "
	                            "quote_member m JOIN occurrence o ON o.id = "
	                            "m.occurrence_id WHERE o.text LIKE 'We will "
	                            "not extend%'"), 1);
	/* wire 2 + broadsheet 1 new + blog 1, each with its members */
	assert_int_equal(fx_int(db, "SELECT count(*) FROM quote"), 4);
	assert_int_equal(fx_int(db, "SELECT count(*) FROM quote q WHERE "
	                            "members <> (SELECT count(*) FROM "
	                            "quote_member m WHERE m.quote_id = q.id)"),
	                 0);
	assert_int_equal(fx_int(db, "SELECT count(*) FROM quote WHERE norm "
	                            "LIKE '%docks%'"), 0);
	assert_int_equal(fx_int(db, "SELECT count(*) FROM "
	                            "pragma_foreign_key_check"), 0);
	qg_article_free(a);
	qg_db_close(db);
	fx_db_remove(path);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_ingest_stores_article),
		cmocka_unit_test(test_ingest_twice_changes_nothing),
		cmocka_unit_test(test_ingest_merges_spellings),
		cmocka_unit_test(test_ingest_surname_first_stays_apart),
		cmocka_unit_test(test_ingest_shared_surname_stays_two),
		cmocka_unit_test(test_ingest_failed_article_leaves_nothing),
		cmocka_unit_test(test_ingest_db_failure_rolls_back),
		cmocka_unit_test(test_ingest_failed_article_leaves_no_totals),
		cmocka_unit_test(test_ingest_rollback_forgets_totals),
		cmocka_unit_test(test_ingest_failed_clustering_leaves_no_index),
		cmocka_unit_test(test_ingest_allocation_failures),
		cmocka_unit_test(test_ingest_speaker_totals),
		cmocka_unit_test(test_ingest_outlet_totals),
		cmocka_unit_test(test_ingest_batch_clusters),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
