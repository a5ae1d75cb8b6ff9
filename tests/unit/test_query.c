/*
 * test_query.c -- who said what: every query and filter on the fixture
 * articles, loose name matching, the rows writers.
 */
#include "store_fixture.h"

static char db_path[64];

static int setup(void **state)
{
	qg_db *db = fx_db(db_path);

	fx_store(db, &fx_wire, NULL);
	fx_store(db, &fx_broadsheet, NULL);
	fx_store(db, &fx_tabloid, NULL);
	fx_store(db, &fx_blog, NULL);
	*state = db;
	return 0;
}

static int teardown(void **state)
{
	qg_db_close(*state);
	fx_db_remove(db_path);
	return 0;
}

static size_t col(const qg_rows *r, const char *name)
{
	for (size_t c = 0; c < qg_rows_columns(r); c++)
		if (!strcmp(qg_rows_name(r, c), name))
			return c;
	fail_msg("no column %s", name);
	return 0;
}

/* How many rows have `value` in column `name`. */
static size_t rows_with(const qg_rows *r, const char *name, const char *v)
{
	size_t c = col(r, name), n = 0;

	for (size_t i = 0; i < qg_rows_count(r); i++) {
		const char *x = qg_rows_get(r, i, c);

		n += x && v ? !strcmp(x, v) : x == v;
	}
	return n;
}

static qg_rows *quotes(qg_db *db, const qg_filter *f, qg_status want)
{
	qg_rows *r = NULL;

	assert_int_equal(qg_query_quotes(db, f, &r), want);
	return r;
}

static void test_query_quotes_all(void **state)
{
	qg_rows *r = quotes(*state, NULL, QG_OK);

	assert_int_equal(qg_rows_count(r), 10);
	/* oldest first: the wire's quotes, speech date 2026-03-02 */
	assert_string_equal(qg_rows_get(r, 0, col(r, "date")), "2026-03-02");
	assert_int_equal(rows_with(r, "speaker", "Petra Lindqvist-Ova"), 4);
	assert_int_equal(rows_with(r, "outlet", "the Daily Courant"), 2);
	qg_rows_free(r);
}

static void test_query_speaker_loose(void **state)
{
	static const char *const forms[] = {
		"Petra Lindqvist-Ova", "petra lindqvist-ova", "PETRA LINDQVIST-OVA",
		"Lindqvist-Ova", "Deputy Finance Minister Petra Lindqvist-Ova",
		"Pétra Lindqvist-Ova",
	};

	for (size_t i = 0; i < QG_ARRAY_LEN(forms); i++) {
		qg_filter f = {.speaker = forms[i]};
		qg_rows *r = quotes(*state, &f, QG_OK);

		assert_int_equal(qg_rows_count(r), 4);
		qg_rows_free(r);
	}
	/* accents: either spelling finds both */
	{
		qg_filter f = {.speaker = "jurgen bastlein"};
		qg_rows *r = quotes(*state, &f, QG_OK);

		assert_int_equal(qg_rows_count(r), 2);
		qg_rows_free(r);
	}
}

/* A surname shared by two people matches both (the speaker column tells
 * them apart) and the ambiguous "Halvorsen" too. */
static void test_query_speaker_shared_surname(void **state)
{
	qg_filter f = {.speaker = "Halvorsen"};
	qg_rows *r = quotes(*state, &f, QG_OK);

	assert_int_equal(qg_rows_count(r), 3);
	assert_int_equal(rows_with(r, "speaker", "Ingrid Halvorsen"), 1);
	assert_int_equal(rows_with(r, "speaker", "Jonas Halvorsen"), 1);
	qg_rows_free(r);
	f.speaker = "Ingrid Halvorsen";
	r = quotes(*state, &f, QG_OK);
	assert_int_equal(qg_rows_count(r), 1);
	qg_rows_free(r);
}

static void test_query_unknown_speaker(void **state)
{
	qg_filter f = {.speaker = "Nobody Atall"};
	qg_rows *r = quotes(*state, &f, QG_ERR_NOTFOUND);

	assert_null(r);
	assert_non_null(strstr(qg_db_errmsg(*state), "Nobody Atall"));
}

static void test_query_filters(void **state)
{
	qg_filter f = {.outlet = "Daily Courant"};
	qg_rows *r = quotes(*state, &f, QG_OK);

	assert_int_equal(qg_rows_count(r), 2);
	qg_rows_free(r);
	f = (qg_filter){.outlet = "radio kestrel"};
	r = quotes(*state, &f, QG_OK);
	assert_int_equal(qg_rows_count(r), 1);
	assert_string_equal(qg_rows_get(r, 0, col(r, "speaker")),
	                    "Norland Dockers Union");
	qg_rows_free(r);
	f = (qg_filter){.article = "echo-docks.txt"};
	r = quotes(*state, &f, QG_OK);
	assert_int_equal(qg_rows_count(r), 5);
	qg_rows_free(r);
	f = (qg_filter){.article = "1"};
	r = quotes(*state, &f, QG_OK);
	assert_int_equal(qg_rows_count(r), 2);
	qg_rows_free(r);
	f = (qg_filter){.since = "2026-03-05", .until = "2026-03-05"};
	r = quotes(*state, &f, QG_OK);
	assert_int_equal(qg_rows_count(r), 5);
	qg_rows_free(r);
	f = (qg_filter){.since = "2026-03-09"};
	r = quotes(*state, &f, QG_OK);
	assert_int_equal(qg_rows_count(r), 1);
	qg_rows_free(r);
	f = (qg_filter){.limit = 3};
	r = quotes(*state, &f, QG_OK);
	assert_int_equal(qg_rows_count(r), 3);
	qg_rows_free(r);
	f = (qg_filter){.speaker = "Lindqvist-Ova", .outlet = "daily courant",
	                .until = "2026-03-02"};
	r = quotes(*state, &f, QG_OK);
	assert_int_equal(qg_rows_count(r), 2);
	qg_rows_free(r);
	f = (qg_filter){.text = "LEVY past"};
	r = quotes(*state, &f, QG_OK);
	assert_int_equal(qg_rows_count(r), 2);
	qg_rows_free(r);
}

/* Filtering by quote cluster: the same words in two articles are one
 * quote (clustered by the provenance module inside each ingest). */
static void test_query_quote_cluster(void **state)
{
	qg_filter f = {0};
	qg_rows *r;

	f.quote = fx_int(*state, "SELECT m.quote_id FROM quote_member m JOIN "
	                         "occurrence o ON o.id = m.occurrence_id "
	                         "WHERE o.text LIKE 'We will not extend%' "
	                         "LIMIT 1");
	assert_true(f.quote > 0);
	r = quotes(*state, &f, QG_OK);
	assert_int_equal(qg_rows_count(r), 2);
	assert_int_equal(rows_with(r, "article", "ledger-levy.txt"), 1);
	qg_rows_free(r);
}

static void test_query_article_by_hash_prefix(void **state)
{
	qg_article *a = fx_build(&fx_blog);
	char prefix[9];
	qg_filter f = {.article = prefix};
	qg_rows *r;

	memcpy(prefix, qg_article_hash(a), 8);
	prefix[8] = '\0';
	r = quotes(*state, &f, QG_OK);
	assert_int_equal(qg_rows_count(r), 1);
	assert_string_equal(qg_rows_get(r, 0, col(r, "article")),
	                    "blog-levy.md");
	qg_rows_free(r);
	qg_article_free(a);
}

static void test_query_who(void **state)
{
	qg_rows *r = NULL;

	assert_int_equal(qg_query_who(*state, "extend the levy", &r), QG_OK);
	/* one speaker, one outlet, two articles */
	assert_int_equal(qg_rows_count(r), 1);
	assert_string_equal(qg_rows_get(r, 0, col(r, "speaker")),
	                    "Petra Lindqvist-Ova");
	assert_string_equal(qg_rows_get(r, 0, col(r, "articles")), "2");
	assert_non_null(strstr(qg_rows_get(r, 0, col(r, "article_names")),
	                       "ledger-levy.txt"));
	qg_rows_free(r);
	/* a quote mark in the text is no FTS syntax */
	assert_int_equal(qg_query_who(*state, "docks \"are", &r), QG_OK);
	assert_int_equal(qg_rows_count(r), 1);
	qg_rows_free(r);
	/* punctuation alone goes through LIKE */
	assert_int_equal(qg_query_who(*state, ",", &r), QG_OK);
	assert_true(qg_rows_count(r) >= 2);
	qg_rows_free(r);
	assert_int_equal(qg_query_who(*state, "zebra crossing", &r), QG_OK);
	assert_int_equal(qg_rows_count(r), 0);
	qg_rows_free(r);
	assert_int_equal(qg_query_who(*state, "", &r), QG_ERR_USAGE);
	assert_null(r);
}

static const char *cell(const qg_rows *r, size_t row, const char *name)
{
	return qg_rows_get(r, row, col(r, name));
}

/* "the" in the fixtures, worked out by hand: five speaker-outlet groups,
 * by earliest day (the speech's, else the article's), then speaker. */
static void test_query_who_order(void **state)
{
	qg_rows *r = NULL;

	assert_int_equal(qg_query_who(*state, "the", &r), QG_OK);
	assert_int_equal(qg_rows_count(r), 5);
	assert_string_equal(cell(r, 0, "speaker"), "Petra Lindqvist-Ova");
	assert_string_equal(cell(r, 0, "outlet"), "the Daily Courant");
	assert_string_equal(cell(r, 0, "date"), "2026-03-02");
	assert_string_equal(cell(r, 0, "articles"), "2");
	assert_string_equal(cell(r, 0, "article_names"),
	                    "wire-levy.txt,ledger-levy.txt");
	assert_string_equal(cell(r, 1, "date"), "2026-03-04");
	assert_null(cell(r, 1, "outlet"));
	/* one day, two speakers: by name */
	assert_string_equal(cell(r, 2, "date"), "2026-03-05");
	assert_string_equal(cell(r, 2, "speaker"), "Ingrid Halvorsen");
	assert_string_equal(cell(r, 3, "date"), "2026-03-05");
	assert_string_equal(cell(r, 3, "speaker"), "Norland Dockers Union");
	assert_string_equal(cell(r, 3, "outlet"), "Radio Kestrel");
	assert_string_equal(cell(r, 4, "speaker"), "Petra Lindqvist-Ova");
	assert_string_equal(cell(r, 4, "date"), "2026-03-09");
	assert_string_equal(cell(r, 4, "quote"), "the numbers will decide");
	qg_rows_free(r);
}

/* Same cells, NULL for NULL. */
static int same_cell(const char *a, const char *b)
{
	return a && b ? !strcmp(a, b) : a == b;
}

/* A limit smaller than the number of groups keeps the earliest, as the
 * whole answer orders them; the other filters narrow the occurrences. */
static void test_query_who_limit(void **state)
{
	qg_filter f = {.text = "the"};
	qg_rows *all = NULL, *r = NULL;

	assert_int_equal(qg_query_who_filter(*state, &f, &all), QG_OK);
	assert_int_equal(qg_rows_count(all), 5);
	for (size_t k = 1; k <= 6; k++) {
		f.limit = k;
		assert_int_equal(qg_query_who_filter(*state, &f, &r), QG_OK);
		assert_int_equal(qg_rows_count(r), k < 5 ? k : 5);
		for (size_t i = 0; i < qg_rows_count(r); i++)
			for (size_t c = 0; c < qg_rows_columns(r); c++)
				assert_true(same_cell(qg_rows_get(r, i, c),
				                      qg_rows_get(all, i, c)));
		qg_rows_free(r);
	}
	f.limit = 0;
	f.since = "2026-03-05";
	assert_int_equal(qg_query_who_filter(*state, &f, &r), QG_OK);
	assert_int_equal(qg_rows_count(r), 3);
	assert_string_equal(cell(r, 0, "speaker"), "Ingrid Halvorsen");
	qg_rows_free(r);
	f.text = NULL;
	assert_int_equal(qg_query_who_filter(*state, &f, &r), QG_ERR_USAGE);
	assert_null(r);
	assert_int_equal(qg_query_who_filter(*state, NULL, &r), QG_ERR_USAGE);
	qg_rows_free(all);
}

/* A database of an older schema opened read-only has no covering
 * indexes for `who` (schema 006): the same rows come without them. */
static void test_query_who_without_indexes(void **state)
{
	qg_db *db = *state;
	qg_filter f = {.text = "the", .limit = 4};
	qg_rows *with = NULL, *r = NULL;

	assert_int_equal(qg_query_who_filter(db, &f, &with), QG_OK);
	assert_int_equal(sqlite3_exec(db->conn, "DROP INDEX occurrence_who; "
	                              "DROP INDEX article_id_name",
	                              NULL, NULL, NULL),
	                 SQLITE_OK);
	assert_int_equal(qg_query_who_filter(db, &f, &r), QG_OK);
	assert_int_equal(qg_rows_count(r), 4);
	for (size_t i = 0; i < qg_rows_count(r); i++)
		for (size_t c = 0; c < qg_rows_columns(r); c++)
			assert_true(same_cell(qg_rows_get(r, i, c),
			                      qg_rows_get(with, i, c)));
	assert_int_equal(sqlite3_exec(db->conn, "CREATE INDEX occurrence_who "
	                              "ON occurrence (id, speaker_id, "
	                              "outlet_id, day, article_id); "
	                              "CREATE INDEX article_id_name "
	                              "ON article (id, name)",
	                              NULL, NULL, NULL),
	                 SQLITE_OK);
	qg_rows_free(r);
	qg_rows_free(with);
}

/* An undated note: its quotes have no day at all, one no speaker. */
static const fx_article fx_undated = {
	"quay-note.txt", NULL, NULL, NULL,
	"A card pinned by the quay gate read \"the tide waits for nobody\". "
	"Harbour warden Osric Pell said \"the tide will turn\" and, later, "
	"\"no tide lasts\".\n",
	{{"the tide waits for nobody", NULL, NULL, NULL, NULL, NULL,
	  QG_KIND_DIRECT, QG_ENTITY_PERSON},
	 {"the tide will turn", "Harbour warden Osric Pell", NULL, "said", NULL,
	  NULL, QG_KIND_DIRECT, QG_ENTITY_PERSON},
	 {"no tide lasts", "Harbour warden Osric Pell", NULL, "said", NULL,
	  NULL, QG_KIND_DIRECT, QG_ENTITY_PERSON}}};

/* The SQL `who` ran before who.c: SQLite's own GROUP BY, the oracle. */
static const char *const sql_who_oracle =
	"SELECT sp.name AS speaker, ou.name AS outlet, min(o.day) AS date, "
	"count(DISTINCT a.id) AS articles, "
	"group_concat(DISTINCT a.name) AS article_names, o.text AS quote "
	"FROM occurrence o JOIN article a ON a.id = o.article_id "
	"LEFT JOIN entity sp ON sp.id = o.speaker_id "
	"LEFT JOIN entity ou ON ou.id = o.outlet_id "
	"WHERE o.id IN (SELECT rowid FROM occurrence_fts "
	"WHERE occurrence_fts MATCH ?1) GROUP BY o.speaker_id, o.outlet_id "
	"ORDER BY speaker IS NULL, date, speaker, outlet IS NULL, outlet";

/* Rows r, column by column, against the oracle's for the FTS5 phrase. */
static void assert_as_oracle(qg_db *db, const qg_rows *r, const char *match)
{
	sqlite3_stmt *st = NULL;
	size_t i = 0;

	assert_int_equal(sqlite3_prepare_v2(db->conn, sql_who_oracle, -1, &st,
	                                    NULL),
	                 SQLITE_OK);
	sqlite3_bind_text(st, 1, match, -1, SQLITE_STATIC);
	for (; sqlite3_step(st) == SQLITE_ROW; i++) {
		assert_true(i < qg_rows_count(r));
		for (size_t c = 0; c < qg_rows_columns(r); c++)
			assert_true(same_cell(
				qg_rows_get(r, i, c),
				(const char *)sqlite3_column_text(st, (int)c)));
	}
	assert_int_equal(i, qg_rows_count(r));
	sqlite3_finalize(st);
}

/* who.c keeps the rows of the SQL it replaced, SQLite's rules included:
 * no day at all (min() is NULL, its quote the last row's), no speaker,
 * no outlet, one speaker in several groups, ties on the day. */
static void test_query_who_as_sql(void **state)
{
	static const char *const words[] = {"the", "levy", "docks", "tide",
	                                    "we", "the tide", "will"};
	char path[64], match[32];
	qg_db *db = fx_db(path);
	qg_rows *r = NULL;

	(void)state;
	fx_store(db, &fx_wire, NULL);
	fx_store(db, &fx_broadsheet, NULL);
	fx_store(db, &fx_tabloid, NULL);
	fx_store(db, &fx_blog, NULL);
	fx_store(db, &fx_undated, NULL);
	for (size_t i = 0; i < QG_ARRAY_LEN(words); i++) {
		snprintf(match, sizeof(match), "\"%s\"", words[i]);
		assert_int_equal(qg_query_who(db, words[i], &r), QG_OK);
		assert_true(qg_rows_count(r) > 0);
		assert_as_oracle(db, r, match);
		qg_rows_free(r);
	}
	/* the undated note: no day sorts first, no speaker last; with no day
	 * in the group, min() leaves the quote of its last row */
	assert_int_equal(qg_query_who(db, "tide", &r), QG_OK);
	assert_int_equal(qg_rows_count(r), 2);
	assert_null(cell(r, 0, "date"));
	assert_string_equal(cell(r, 0, "quote"), "no tide lasts");
	assert_null(cell(r, 1, "speaker"));
	qg_rows_free(r);
	qg_db_close(db);
	fx_db_remove(path);
}

static void test_query_speakers(void **state)
{
	qg_rows *r = NULL;
	qg_filter f = {.outlet = "Daily Courant"};

	assert_int_equal(qg_query_speakers(*state, NULL, &r), QG_OK);
	assert_int_equal(qg_rows_count(r), 6);
	assert_string_equal(qg_rows_get(r, 0, col(r, "speaker")),
	                    "Petra Lindqvist-Ova");
	assert_string_equal(qg_rows_get(r, 0, col(r, "quotes")), "4");
	assert_string_equal(qg_rows_get(r, 0, col(r, "articles")), "3");
	qg_rows_free(r);
	assert_int_equal(qg_query_speakers(*state, &f, &r), QG_OK);
	assert_int_equal(qg_rows_count(r), 1);
	qg_rows_free(r);
}

static void test_query_outlets(void **state)
{
	qg_rows *r = NULL;
	qg_filter f = {.speaker = "Norland Dockers Union"};
	size_t c;

	assert_int_equal(qg_query_outlets(*state, NULL, &r), QG_OK);
	/* four publishers, the Daily Courant, Radio Kestrel */
	assert_int_equal(qg_rows_count(r), 6);
	c = col(r, "outlet");
	assert_string_equal(qg_rows_get(r, 0, c), "the Daily Courant");
	assert_string_equal(qg_rows_get(r, 0, col(r, "cited_by")), "2");
	assert_int_equal(rows_with(r, "outlet", "The Morning Ledger"), 1);
	qg_rows_free(r);
	assert_int_equal(qg_query_outlets(*state, &f, &r), QG_OK);
	assert_int_equal(qg_rows_count(r), 1);
	assert_string_equal(qg_rows_get(r, 0, 0), "Radio Kestrel");
	qg_rows_free(r);
}

static void test_query_articles(void **state)
{
	qg_rows *r = NULL;
	qg_filter f = {.speaker = "Halvorsen"};

	assert_int_equal(qg_query_articles(*state, NULL, &r), QG_OK);
	assert_int_equal(qg_rows_count(r), 4);
	assert_string_equal(qg_rows_get(r, 3, col(r, "name")), "blog-levy.md");
	assert_string_equal(qg_rows_get(r, 2, col(r, "quotes")), "5");
	qg_rows_free(r);
	assert_int_equal(qg_query_articles(*state, &f, &r), QG_OK);
	assert_int_equal(qg_rows_count(r), 1);
	qg_rows_free(r);
	f = (qg_filter){.outlet = "Daily Courant"};
	assert_int_equal(qg_query_articles(*state, &f, &r), QG_OK);
	assert_int_equal(qg_rows_count(r), 2);
	qg_rows_free(r);
	f = (qg_filter){.until = "2026-03-04"};
	assert_int_equal(qg_query_articles(*state, &f, &r), QG_OK);
	assert_int_equal(qg_rows_count(r), 2);
	qg_rows_free(r);
}

static void test_query_article_text(void **state)
{
	char *text = NULL;
	size_t len = 0;

	assert_int_equal(qg_db_article_text(*state, "blog-levy.md", &text,
	                                    &len), QG_OK);
	assert_int_equal(len, strlen(fx_blog.text));
	assert_string_equal(text, fx_blog.text);
	qg_free(text);
	assert_int_equal(qg_db_article_text(*state, "no-such", &text, &len),
	                 QG_ERR_NOTFOUND);
	assert_null(text);
}

/* Write rows to a temporary file and return what was written. */
static char *written(const qg_rows *r, qg_format format)
{
	FILE *fp = tmpfile();
	char *buf;
	long size;

	assert_non_null(fp);
	assert_int_equal(qg_rows_write(r, format, fp), QG_OK);
	size = ftell(fp);
	assert_true(size > 0);
	rewind(fp);
	buf = calloc(1, (size_t)size + 1);
	assert_non_null(buf);
	assert_int_equal(fread(buf, 1, (size_t)size, fp), (size_t)size);
	fclose(fp);
	return buf;
}

static void test_query_writers(void **state)
{
	qg_filter f = {.speaker = "Bästlein"};
	qg_rows *r = quotes(*state, &f, QG_OK);
	char *out;

	out = written(r, QG_FORMAT_JSONL);
	/* two lines, numbers unquoted, the name's UTF-8 kept */
	assert_non_null(strstr(out, "\"speaker\":\"J\xc3\xbcrgen "
	                            "B\xc3\xa4stlein\""));
	assert_non_null(strstr(out, "\"start\":"));
	assert_null(strstr(out, "\"start\":\""));
	assert_non_null(strstr(out, "\"outlet\":null"));
	assert_int_equal(strchr(strchr(out, '\n') + 1, '\n')[1], '\0');
	free(out);
	out = written(r, QG_FORMAT_CSV);
	assert_int_equal(strncmp(out, "id,date,speaker,quote,", 22), 0);
	free(out);
	out = written(r, QG_FORMAT_TABLE);
	/* the header, a rule, two rows; columns aligned by code points */
	{
		char *l1 = strchr(out, '\n') + 1, *l2 = strchr(l1, '\n') + 1;
		char *l3 = strchr(l2, '\n') + 1;
		const char *n2 = strstr(l2, "J\xc3\xbc"), *n3 = strstr(l3, "J");

		assert_non_null(n2);
		assert_non_null(n3);
		assert_int_equal(n2 - l2, n3 - l3);
	}
	free(out);
	qg_rows_free(r);
	assert_int_equal(qg_rows_write(NULL, QG_FORMAT_CSV, stdout),
	                 QG_ERR_USAGE);
}

static void test_query_allocation_failures(void **state)
{
	for (long n = 1; n < 400; n++) {
		qg_filter f = {.speaker = "Lindqvist-Ova", .text = "levy"};
		qg_rows *r = NULL;
		qg_status rc;

		qg_test_alloc_start(n);
		rc = qg_query_quotes(*state, &f, &r);
		qg_rows_free(r);
		assert_int_equal(qg_test_alloc_stop(), 0);
		if (rc == QG_OK)
			return;
		assert_int_equal(rc, QG_ERR_NOMEM);
	}
	fail_msg("the query never succeeded");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_query_quotes_all),
		cmocka_unit_test(test_query_speaker_loose),
		cmocka_unit_test(test_query_speaker_shared_surname),
		cmocka_unit_test(test_query_unknown_speaker),
		cmocka_unit_test(test_query_filters),
		cmocka_unit_test(test_query_article_by_hash_prefix),
		cmocka_unit_test(test_query_quote_cluster),
		cmocka_unit_test(test_query_who),
		cmocka_unit_test(test_query_who_order),
		cmocka_unit_test(test_query_who_limit),
		cmocka_unit_test(test_query_who_without_indexes),
		cmocka_unit_test(test_query_who_as_sql),
		cmocka_unit_test(test_query_speakers),
		cmocka_unit_test(test_query_outlets),
		cmocka_unit_test(test_query_articles),
		cmocka_unit_test(test_query_article_text),
		cmocka_unit_test(test_query_writers),
		cmocka_unit_test(test_query_allocation_failures),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
