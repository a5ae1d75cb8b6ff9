/*
 * test_cli_query.c -- the query subcommands (who, quotes, speakers,
 * outlets, articles, show) in every format on a database of invented
 * articles, their errors, and the seed articles end to end (skipped while
 * ../shared is absent or the extractor finds no quotes in them).
 */
#include "clitest.h"
#include "../unit/store_fixture.h"

static char fxdb[256];

static int setup(void **state)
{
	qg_db *db = NULL;

	(void)state;
	clitest_tmpdir();
	snprintf(fxdb, sizeof(fxdb), "%s/fx.db", clitest_dir);
	assert_int_equal(qg_db_open(&db, fxdb, 0), QG_OK);
	fx_store(db, &fx_wire, NULL);
	fx_store(db, &fx_broadsheet, NULL);
	fx_store(db, &fx_tabloid, NULL);
	fx_store(db, &fx_blog, NULL);
	qg_db_close(db);
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	clitest_rmdir();
	return 0;
}

/* Run `quotegraph CMD --db fx.db REST`. */
static run_result q(const char *cmd, const char *rest)
{
	char args[2048];

	snprintf(args, sizeof(args), "%s --db '%s' %s", cmd, fxdb, rest);
	return clitest_run(args, NULL);
}

static void test_cli_query_quotes_formats(void **state)
{
	run_result r;

	(void)state;
	r = q("quotes", "--speaker 'lindqvist-ova' --format csv");
	assert_int_equal(r.status, 0);
	assert_int_equal(clitest_lines(r.out), 1 + 4); /* header + rows */
	assert_non_null(strstr(r.out, "\"We will not extend the levy past "
	                              "May,\""));
	clitest_free(&r);
	r = q("quotes", "--outlet 'daily courant' --format jsonl");
	assert_int_equal(r.status, 0);
	assert_int_equal(clitest_lines(r.out), 2);
	assert_non_null(strstr(r.out, "\"speaker\":\"Petra Lindqvist-Ova\""));
	clitest_free(&r);
	r = q("quotes", "--since 2026-03-05 --until 2026-03-05 --limit 2");
	assert_int_equal(r.status, 0);
	assert_int_equal(clitest_lines(r.out), 2 + 2); /* header, rule, rows */
	assert_non_null(strstr(r.out, "Halvorsen"));
	clitest_free(&r);
	r = q("quotes", "--article blog-levy.md --format jsonl");
	assert_int_equal(clitest_lines(r.out), 1);
	assert_non_null(strstr(r.out, "the numbers will decide"));
	clitest_free(&r);
}

/* --quote lists the occurrences of one quote cluster: the levy promise,
 * carried word for word by the wire story and the broadsheet, is one quote
 * whatever else the articles say. */
static void test_cli_query_quotes_by_quote(void **state)
{
	long long id = clitest_int(fxdb, "SELECT m.quote_id FROM quote_member m "
	                                 "JOIN occurrence o ON o.id = "
	                                 "m.occurrence_id WHERE o.text LIKE "
	                                 "'We will not extend%' LIMIT 1");
	char rest[64], want[64];
	run_result r;

	(void)state;
	assert_true(id > 0);
	snprintf(rest, sizeof(rest), "--quote %lld --format jsonl", id);
	snprintf(want, sizeof(want), "\"quote_id\":%lld}", id);
	r = q("quotes", rest);
	assert_int_equal(r.status, 0);
	assert_true(clitest_lines(r.out) >= 2);
	/* every line is of that quote, and holds its words */
	for (const char *l = r.out; *l; l = strchr(l, '\n') + 1) {
		const char *end = strchr(l, '\n');
		const char *hit = strstr(l, want);

		assert_non_null(end);
		assert_true(hit && hit < end);
		hit = strstr(l, "not extend the levy");
		assert_true(hit && hit < end);
	}
	clitest_free(&r);
	r = q("quotes", "--quote 0");
	assert_int_equal(r.status, 2);
	assert_non_null(strstr(r.err, "--quote"));
	clitest_free(&r);
	r = q("speakers", "--quote 1");
	assert_int_equal(r.status, 2);
	clitest_free(&r);
}

static void test_cli_query_who(void **state)
{
	run_result r;

	(void)state;
	r = q("who", "extend the levy");
	assert_int_equal(r.status, 0);
	assert_non_null(strstr(r.out, "Petra Lindqvist-Ova"));
	assert_non_null(strstr(r.out, "Daily Courant"));
	assert_non_null(strstr(r.out, "wire-levy.txt"));
	clitest_free(&r);
	r = q("who", "--format jsonl 'DOCKS stay'");
	assert_int_equal(r.status, 0);
	assert_int_equal(clitest_lines(r.out), 1);
	assert_non_null(strstr(r.out, "\"speaker\":\"Norland Dockers Union\""));
	assert_non_null(strstr(r.out, "\"outlet\":\"Radio Kestrel\""));
	assert_non_null(strstr(r.out, "\"articles\":1"));
	clitest_free(&r);
	r = q("who", "");
	assert_int_equal(r.status, 2);
	clitest_free(&r);
	/* five groups say "the"; the earliest is the wire's */
	r = q("who", "--limit 2 --format jsonl the");
	assert_int_equal(r.status, 0);
	assert_int_equal(clitest_lines(r.out), 2);
	assert_non_null(strstr(r.out, "\"date\":\"2026-03-02\""));
	assert_null(strstr(r.out, "2026-03-05"));
	clitest_free(&r);
	r = q("who", "--limit x the");
	assert_int_equal(r.status, 2);
	clitest_free(&r);
}

static void test_cli_query_lists(void **state)
{
	run_result r;

	(void)state;
	r = q("speakers", "--format jsonl");
	assert_int_equal(r.status, 0);
	assert_int_equal(clitest_lines(r.out), 6);
	assert_non_null(strstr(r.out, "{\"speaker\":\"Petra Lindqvist-Ova\","
	                              "\"title\":\"Deputy Finance Minister\","
	                              "\"quotes\":4,\"articles\":3"));
	clitest_free(&r);
	r = q("outlets", "--format csv");
	assert_int_equal(r.status, 0);
	assert_int_equal(clitest_lines(r.out), 7);
	assert_non_null(strstr(r.out, "the Daily Courant,2,1,0,2"));
	clitest_free(&r);
	r = q("articles", "--outlet 'The Evening Echo'");
	assert_int_equal(r.status, 0);
	assert_int_equal(clitest_lines(r.out), 3);
	assert_non_null(strstr(r.out, "echo-docks.txt"));
	assert_non_null(strstr(r.out, "DOCK SHOCK"));
	clitest_free(&r);
}

static void test_cli_query_show(void **state)
{
	run_result r;

	(void)state;
	r = q("show", "wire-levy.txt");
	assert_int_equal(r.status, 0);
	assert_non_null(strstr(r.out, "\"\xc2\xab" "a temporary measure\xc2\xbb"
	                              "[Petra Lindqvist-Ova/said/-]\""));
	assert_non_null(strstr(r.out, "\xc2\xbb[Petra Lindqvist-Ova/told/"
	                              "the Daily Courant]"));
	assert_non_null(strstr(r.out, "2 quotes:"));
	clitest_free(&r);
	r = q("show", "--format csv 1");
	assert_int_equal(r.status, 0);
	assert_int_equal(clitest_lines(r.out), 3);
	clitest_free(&r);
	r = q("show", "no-such-article");
	assert_int_equal(r.status, 1);
	assert_non_null(strstr(r.err, "no-such-article"));
	clitest_free(&r);
}

static void test_cli_query_errors(void **state)
{
	char args[512];
	run_result r;

	(void)state;
	r = q("quotes", "--format html");
	assert_int_equal(r.status, 2);
	clitest_free(&r);
	r = q("quotes", "--since yesterday");
	assert_int_equal(r.status, 2);
	assert_non_null(strstr(r.err, "yesterday"));
	clitest_free(&r);
	r = q("quotes", "--limit -3");
	assert_int_equal(r.status, 2);
	clitest_free(&r);
	r = q("outlets", "--since 2026-01-01");
	assert_int_equal(r.status, 2);
	clitest_free(&r);
	r = q("quotes", "--speaker 'Nobody Atall'");
	assert_int_equal(r.status, 1);
	assert_non_null(strstr(r.err, "Nobody Atall"));
	clitest_free(&r);
	snprintf(args, sizeof(args), "quotes --db '%s/missing.db'",
	         clitest_dir);
	r = clitest_run(args, NULL);
	assert_int_equal(r.status, 3);
	assert_non_null(strstr(r.err, "missing.db"));
	clitest_free(&r);
}

/* Does any row of `rows` hold both a and b (in any columns)? */
static int row_has(const qg_rows *rows, const char *a, const char *b)
{
	for (size_t i = 0; i < qg_rows_count(rows); i++) {
		int ha = 0, hb = 0;

		for (size_t c = 0; c < qg_rows_columns(rows); c++) {
			const char *v = qg_rows_get(rows, i, c);

			ha |= v && strstr(v, a) != NULL;
			hb |= v && strstr(v, b) != NULL;
		}
		if (ha && hb)
			return 1;
	}
	return 0;
}

static int rows_contain(const qg_rows *rows, const char *a)
{
	return row_has(rows, a, a);
}

/* The seeds end to end: who said "ironclad", and Trump's remark in both
 * wordings, through the CLI and through the library. */
static void test_cli_query_seeds(void **state)
{
	const char *shared = qg_test_shared();
	char db[256], args[2048];
	qg_db *h = NULL;
	qg_rows *rows = NULL;
	qg_filter f = {.speaker = "Trump"};
	run_result r;

	(void)state;
	if (!shared)
		skip();
	snprintf(db, sizeof(db), "%s/seeds.db", clitest_dir);
	snprintf(args, sizeof(args), "ingest -q --db '%s' '%s/seeds'", db,
	         shared);
	r = clitest_run(args, NULL);
	assert_true(r.status == 0 || r.status == 1);
	clitest_free(&r);
	assert_true(clitest_int(db, "SELECT count(*) FROM article") >= 1);
	if (clitest_int(db, "SELECT count(*) FROM occurrence") == 0) {
		print_message("skipped: the extractor finds no quotes in the "
		              "seeds yet\n");
		skip();
	}
	snprintf(args, sizeof(args), "who --db '%s' --format jsonl ironclad",
	         db);
	r = clitest_run(args, NULL);
	assert_int_equal(r.status, 0);
	assert_non_null(strstr(r.out, "\"speaker\":\"Alexander Grushko\","
	                              "\"outlet\":\"Izvestia\""));
	clitest_free(&r);
	snprintf(args, sizeof(args),
	         "quotes --db '%s' --format jsonl --speaker Trump", db);
	r = clitest_run(args, NULL);
	assert_int_equal(r.status, 0);
	assert_non_null(strstr(r.out, "this war"));
	assert_non_null(strstr(r.out, "that war"));
	clitest_free(&r);
	/* the same through the library */
	assert_int_equal(qg_db_open(&h, db, QG_DB_READONLY), QG_OK);
	assert_int_equal(qg_query_who(h, "ironclad", &rows), QG_OK);
	assert_true(row_has(rows, "Alexander Grushko", "Izvestia"));
	qg_rows_free(rows);
	assert_int_equal(qg_query_quotes(h, &f, &rows), QG_OK);
	assert_true(rows_contain(rows, "this war"));
	assert_true(rows_contain(rows, "that war"));
	qg_rows_free(rows);
	qg_db_close(h);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_cli_query_quotes_formats),
		cmocka_unit_test(test_cli_query_quotes_by_quote),
		cmocka_unit_test(test_cli_query_who),
		cmocka_unit_test(test_cli_query_lists),
		cmocka_unit_test(test_cli_query_show),
		cmocka_unit_test(test_cli_query_errors),
		cmocka_unit_test(test_cli_query_seeds),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
