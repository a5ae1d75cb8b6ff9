/*
 * test_cli_trace.c -- quotegraph trace on a database of the invented
 * pension articles: by words and by id, text and JSON, and its errors
 * (no such quote, no argument, bad format, missing database).
 */
#include "provdb.h"
#include "../unit/json_check.h"

static run_result trace(const char *rest)
{
	return provdb_run("trace", rest);
}

static void test_cli_trace_text(void **state)
{
	run_result r;

	(void)state;
	r = trace("paper-thin pension");
	assert_int_equal(r.status, 0);
	assert_non_null(strstr(r.out, "Northport Ledger  (stated by "
	                              "wire-pension.txt, klaxon-pension.txt)"));
	assert_non_null(strstr(r.out, "Edda Varnholt  (stated by"));
	assert_non_null(strstr(r.out, "wording differs: blog-pension.md: "
	                              "the\xe2\x86\x92our"));
	assert_non_null(strstr(r.out, "carried with no source named: "
	                              "times-pension.txt"));
	assert_non_null(strstr(r.out, "speaker differs: radio-pension.txt"));
	assert_non_null(strstr(r.out, "partial quote out of context: "
	                              "klaxon-pension.txt"));
	assert_string_equal(r.err, "");
	clitest_free(&r);
	/* quoted as one argument, by id */
	r = trace("'1'");
	assert_int_equal(r.status, 0);
	assert_non_null(strstr(r.out, "Quote 1: "));
	clitest_free(&r);
}

static void test_cli_trace_json(void **state)
{
	run_result r;

	(void)state;
	r = trace("--format json 'a bad joke'");
	assert_int_equal(r.status, 0);
	assert_true(json_valid(r.out));
	assert_non_null(strstr(r.out, "\"text\":\"a bad joke\""));
	clitest_free(&r);
}

static void test_cli_trace_errors(void **state)
{
	run_result r;

	(void)state;
	r = trace("never said anywhere");
	assert_int_equal(r.status, 1);
	assert_non_null(strstr(r.err, "no quote has the words"));
	clitest_free(&r);
	r = trace("");
	assert_int_equal(r.status, 2);
	assert_non_null(strstr(r.err, "usage: quotegraph trace"));
	clitest_free(&r);
	r = trace("--format dot 1");
	assert_int_equal(r.status, 2);
	clitest_free(&r);
	r = clitest_run("trace --db /nonexistent/dir/x.db 1", NULL);
	assert_int_equal(r.status, 3);
	assert_non_null(strstr(r.err, "/nonexistent/dir/x.db"));
	clitest_free(&r);
	r = clitest_run("trace --help", NULL);
	assert_int_equal(r.status, 0);
	assert_non_null(strstr(r.out, "usage: quotegraph trace"));
	clitest_free(&r);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_cli_trace_text),
		cmocka_unit_test(test_cli_trace_json),
		cmocka_unit_test(test_cli_trace_errors),
	};

	return cmocka_run_group_tests(tests, provdb_setup, provdb_teardown);
}
