/*
 * test_cli_report.c -- quotegraph report on a database of the invented
 * pension articles: every format to standard output and to a file, the
 * filters, and the errors (no format, bad numbers, unwritable output).
 */
#include "provdb.h"
#include "../unit/json_check.h"

static run_result report(const char *rest)
{
	return provdb_run("report", rest);
}

static void test_cli_report_formats(void **state)
{
	run_result r;

	(void)state;
	r = report("--format json --speaker Varnholt");
	assert_int_equal(r.status, 0);
	assert_true(json_valid(r.out));
	clitest_free(&r);
	r = report("--format prov --quote 1");
	assert_int_equal(r.status, 0);
	assert_true(json_valid(r.out));
	assert_non_null(strstr(r.out, "prov:Quotation"));
	clitest_free(&r);
	r = report("--format csv --outlet 'Northport Ledger'");
	assert_int_equal(r.status, 0);
	assert_int_equal(clitest_lines(r.out), 1 + 6);
	clitest_free(&r);
	r = report("--format md --limit 1");
	assert_int_equal(r.status, 0);
	assert_int_equal(strstr(r.out, "## Quote 1\n") != NULL, 1);
	assert_null(strstr(r.out, "## Quote 2"));
	clitest_free(&r);
	r = report("--format dot");
	assert_int_equal(r.status, 0);
	assert_non_null(strstr(r.out, "strict digraph provenance {"));
	clitest_free(&r);
}

static void test_cli_report_to_file(void **state)
{
	char out[128], args[256];
	run_result r;
	char *s;

	(void)state;
	snprintf(out, sizeof(out), "%s/report.html", clitest_dir);
	snprintf(args, sizeof(args), "--format html -o '%s'", out);
	r = report(args);
	assert_int_equal(r.status, 0);
	assert_string_equal(r.out, "");
	clitest_free(&r);
	s = qg_test_read(out, NULL);
	assert_non_null(s);
	assert_non_null(strstr(s, "<!DOCTYPE html>"));
	assert_non_null(strstr(s, "</html>"));
	free(s);
}

static void test_cli_report_errors(void **state)
{
	run_result r;

	(void)state;
	r = report("--speaker Varnholt");
	assert_int_equal(r.status, 2);
	assert_non_null(strstr(r.err, "--format"));
	clitest_free(&r);
	r = report("--format pdf");
	assert_int_equal(r.status, 2);
	clitest_free(&r);
	r = report("--format md --quote x1");
	assert_int_equal(r.status, 2);
	clitest_free(&r);
	r = report("--format md --quote 999");
	assert_int_equal(r.status, 1);
	assert_non_null(strstr(r.err, "no quote 999"));
	clitest_free(&r);
	r = report("--format md -o /nonexistent/dir/r.md");
	assert_int_equal(r.status, 3);
	assert_non_null(strstr(r.err, "/nonexistent/dir/r.md"));
	clitest_free(&r);
	r = report("--format md stray");
	assert_int_equal(r.status, 2);
	clitest_free(&r);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_cli_report_formats),
		cmocka_unit_test(test_cli_report_to_file),
		cmocka_unit_test(test_cli_report_errors),
	};

	return cmocka_run_group_tests(tests, provdb_setup, provdb_teardown);
}
