/*
 * test_cli_badinput.c -- quotegraph extract on input that is not a clean
 * article: invalid UTF-8, NUL bytes, random bytes, empty and blank files, a
 * 10 MB single line, unbalanced quote marks, missing paths, a directory of
 * good and bad files, standard input, and bad options. The tool must never
 * crash: every run ends with 0, 1 or 2 (not a signal), a refused file is
 * named with its byte offset on stderr, and the other files still go
 * through.
 */
#include "extractout.h"

static char path_buf[4][256];

static const char *at(int i, const char *name)
{
	snprintf(path_buf[i], sizeof(path_buf[i]), "%s/%s", clitest_dir, name);
	return path_buf[i];
}

/* A short good article with one quote whose text is `words`. */
static void write_good(const char *name, const char *words)
{
	char text[512];
	int n = snprintf(text, sizeof(text),
	                 "Harbour board meets\n\n\"%s,\" said harbourmaster "
	                 "Edda Rask on Tuesday.\n",
	                 words);

	clitest_write(at(3, name), text, (size_t)n);
}

/* stderr has a line naming `path` and the decimal byte offset `off`. */
static int err_names(const char *err, const char *path, size_t off)
{
	char num[32];
	const char *line = err;

	snprintf(num, sizeof(num), "%zu", off);
	while (line && *line) {
		const char *nl = strchr(line, '\n');
		size_t len = nl ? (size_t)(nl - line) : strlen(line);
		char *copy = strndup(line, len);
		const char *p = strstr(copy, path);
		int ok = 0;

		/* the offset as a whole number after the path */
		for (p = p ? strstr(p + strlen(path), num) : NULL; p && !ok;
		     p = strstr(p + 1, num))
			ok = (p[-1] < '0' || p[-1] > '9') &&
			     (p[strlen(num)] < '0' || p[strlen(num)] > '9');
		free(copy);
		if (ok)
			return 1;
		line = nl ? nl + 1 : NULL;
	}
	return 0;
}

static run_result extract(const char *fmt, const char *path, const char *in)
{
	char args[1024];

	snprintf(args, sizeof(args), "extract --format %s '%s'", fmt, path);
	return clitest_run(args, in);
}

/* One bad file: exit 1, named on stderr with the byte offset, no records. */
static void check_refused(const char *path, size_t off)
{
	run_result r = extract("jsonl", path, NULL);

	eo_assert_exit(&r);
	assert_int_equal(r.status, 1);
	if (!err_names(r.err, path, off))
		fail_msg("stderr does not name %s at byte %zu:\n%s", path, off,
		         r.err);
	assert_string_equal(r.out, "");
	clitest_free(&r);
}

static void test_cli_badinput_invalid_utf8(void **state)
{
	/* a lone continuation byte, a truncated sequence, an overlong form */
	static const char *const bad[] = {"\x80", "\xE2\x80", "\xC0\xAF",
	                                  "\xED\xA0\x80", "\xF5\x80\x80\x80"};
	char text[256];

	(void)state;
	clitest_tmpdir();
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		int n = snprintf(text, sizeof(text),
		                 "Title\n\n\"Fine words,\" said Ivo Brandt. %s "
		                 "and more.\n",
		                 bad[i]);
		size_t off = strlen("Title\n\n\"Fine words,\" said Ivo Brandt. ");

		clitest_write(at(0, "bad.txt"), text, (size_t)n);
		check_refused(at(1, "bad.txt"), off);
	}
	clitest_rmdir();
}

static void test_cli_badinput_nul_bytes(void **state)
{
	static const char text[] = "Title\n\nSome words\0 after a NUL.\n";

	(void)state;
	clitest_tmpdir();
	clitest_write(at(0, "nul.txt"), text, sizeof(text) - 1);
	check_refused(at(1, "nul.txt"), 17);
	clitest_rmdir();
}

/* Random bytes (a fixed seed): refused or read, never a crash. */
static void test_cli_badinput_binary(void **state)
{
	char data[8192];
	unsigned x = 2463534242u;
	run_result r;

	(void)state;
	clitest_tmpdir();
	for (int round = 0; round < 8; round++) {
		for (size_t i = 0; i < sizeof(data); i++) {
			x ^= x << 13;
			x ^= x >> 17;
			x ^= x << 5;
			data[i] = (char)(x >> 24);
		}
		clitest_write(at(0, "blob.txt"), data, sizeof(data));
		r = extract("jsonl", at(1, "blob.txt"), NULL);
		eo_assert_exit(&r);
		assert_int_equal(r.status, 1);
		assert_non_null(strstr(r.err, "blob.txt"));
		clitest_free(&r);
		r = extract("text", at(1, "blob.txt"), NULL);
		eo_assert_exit(&r);
		clitest_free(&r);
	}
	clitest_rmdir();
}

/* An empty file may be refused (as an empty article) but never crashes and
 * yields no record; a file of blank lines is text without quotes. */
static void test_cli_badinput_empty_and_blank(void **state)
{
	run_result r;

	(void)state;
	clitest_tmpdir();
	clitest_write(at(0, "empty.txt"), "", 0);
	r = extract("jsonl", at(1, "empty.txt"), NULL);
	eo_assert_exit(&r);
	assert_true(r.status == 0 || r.status == 1);
	if (r.status == 1)
		assert_non_null(strstr(r.err, "empty.txt"));
	assert_string_equal(r.out, "");
	clitest_free(&r);

	clitest_write(at(0, "blank.txt"), "\n\n   \n\t\n\r\n\n", 11);
	r = extract("jsonl", at(1, "blank.txt"), NULL);
	eo_assert_exit(&r);
	assert_int_equal(r.status, 0);
	assert_string_equal(r.out, "");
	clitest_free(&r);
	r = extract("text", at(1, "blank.txt"), NULL);
	assert_int_equal(r.status, 0);
	assert_string_equal(r.out, "");
	clitest_free(&r);
	clitest_rmdir();
}

/* 10 MB in one line of sentences with a quote now and then: read whole,
 * every record parses and lies inside the file. */
static void test_cli_badinput_huge_line(void **state)
{
	static const char *const parts[] = {
		"The committee met again on a wet afternoon and adjourned. ",
		"\"We will publish the figures soon,\" said Ola Brenn. ",
		"Nobody asked about the budget. ",
		"Critics called the delay \"baffling\" and left early. ",
	};
	size_t cap = (size_t)10 << 20, n = 0, quotes = 0;
	char *big = malloc(cap + 128);
	eo_records recs;
	run_result r;

	(void)state;
	assert_non_null(big);
	clitest_tmpdir();
	for (size_t i = 0; n < cap; i++) {
		size_t k = strlen(parts[i % 4]);

		memcpy(big + n, parts[i % 4], k);
		n += k;
		quotes += i % 2;
	}
	big[n++] = '\n';
	clitest_write(at(0, "huge.txt"), big, n);
	free(big);
	r = extract("jsonl", at(1, "huge.txt"), NULL);
	eo_assert_exit(&r);
	assert_int_equal(r.status, 0);
	recs = eo_parse(r.out);
	assert_int_equal(recs.bad_line, 0);
	assert_true(recs.n <= quotes);
	for (size_t i = 0; i < recs.n; i++) {
		const jv *end = jv_get(&recs.items[i], "end");

		assert_non_null(end);
		assert_true(end->num <= (double)n);
	}
	eo_records_free(&recs);
	clitest_free(&r);
	clitest_rmdir();
}

/*
 * An opening mark that never closes must not swallow the rest: the quote in
 * a later paragraph is still found whole, and no record runs across it.
 */
static void test_cli_badinput_unbalanced(void **state)
{
	static const char *const opens[] = {"\"", "\xE2\x80\x9C", "\xC2\xAB ",
	                                    "\xE2\x80\x9E", "\xE2\x80\x98"};
	static const char later[] = "The ferry will sail on Friday as planned";
	char text[1024];
	int ready;

	(void)state;
	clitest_tmpdir();
	ready = eo_extractor_ready();
	for (size_t i = 0; i < sizeof(opens) / sizeof(opens[0]); i++) {
		int n = snprintf(text, sizeof(text),
		                 "Ferry timetable row\n\n"
		                 "The opposition called it %sa disgrace and left "
		                 "the chamber.\n\n"
		                 "Nobody else spoke for an hour.\n\n"
		                 "\"%s,\" the harbour master, Edda Rask, said on "
		                 "Tuesday.\n\n"
		                 "The council meets again in May.\n",
		                 opens[i], later);
		run_result r;
		eo_records recs;

		clitest_write(at(0, "open.txt"), text, (size_t)n);
		r = extract("jsonl", at(1, "open.txt"), NULL);
		eo_assert_exit(&r);
		assert_int_equal(r.status, 0);
		recs = eo_parse(r.out);
		assert_int_equal(recs.bad_line, 0);
		for (size_t k = 0; k < recs.n; k++) {
			const char *q = jv_str(&recs.items[k], "quote");

			/* nothing spans the paragraphs up to the later quote */
			assert_null(strstr(q ? q : "", "Nobody else spoke"));
		}
		if (ready && !eo_has_quote(&recs, later))
			fail_msg("mark #%zu swallowed the later quote:\n%s", i, r.out);
		eo_records_free(&recs);
		clitest_free(&r);
	}
	clitest_rmdir();
	if (!ready)
		skip(); /* the later quote can be checked once quotes are found */
}

static void test_cli_badinput_missing_path(void **state)
{
	run_result r;

	(void)state;
	clitest_tmpdir();
	write_good("good.txt", "All is well");
	r = clitest_run("extract /nonexistent/qg-missing.txt", NULL);
	eo_assert_exit(&r);
	assert_int_equal(r.status, 1);
	assert_non_null(strstr(r.err, "/nonexistent/qg-missing.txt"));
	clitest_free(&r);
	r = extract("jsonl", at(0, "no-such-dir/"), NULL);
	assert_int_equal(r.status, 1);
	assert_non_null(strstr(r.err, "no-such-dir"));
	clitest_free(&r);
	clitest_rmdir();
}

/* Good and bad files in one directory: the good ones are read (their
 * records on stdout once quotes are found), each bad one is named with its
 * offset, exit 1. */
static void test_cli_badinput_mixed_dir(void **state)
{
	static const char bad_utf8[] = "Title\n\nOdd \xFF byte.\n";
	static const char nul[] = "Title\n\nA NUL\0 here.\n";
	char args[512];
	eo_records recs;
	run_result r;
	int ready;

	(void)state;
	clitest_tmpdir();
	ready = eo_extractor_ready();
	mkdir(at(0, "in"), 0700);
	mkdir(at(0, "in/sub"), 0700);
	write_good("in/a_good.txt", "The first good words");
	clitest_write(at(0, "in/b_bad.txt"), bad_utf8, sizeof(bad_utf8) - 1);
	write_good("in/c_good.txt", "The second good words");
	clitest_write(at(0, "in/d_nul.txt"), nul, sizeof(nul) - 1);
	clitest_write(at(0, "in/e_empty.txt"), "", 0);
	write_good("in/sub/f_good.md", "The third good words");
	snprintf(args, sizeof(args), "extract --format jsonl '%s'", at(0, "in"));
	r = clitest_run(args, NULL);
	eo_assert_exit(&r);
	assert_int_equal(r.status, 1);
	if (!err_names(r.err, "b_bad.txt", 11) || !err_names(r.err, "d_nul.txt",
	                                                     12))
		fail_msg("bad files not named with offsets:\n%s", r.err);
	assert_null(strstr(r.err, "a_good.txt"));
	assert_null(strstr(r.err, "c_good.txt"));
	assert_null(strstr(r.err, "f_good.md"));
	recs = eo_parse(r.out);
	assert_int_equal(recs.bad_line, 0);
	if (ready) {
		assert_true(eo_has_quote(&recs, "The first good words"));
		assert_true(eo_has_quote(&recs, "The second good words"));
		assert_true(eo_has_quote(&recs, "The third good words"));
	}
	eo_records_free(&recs);
	clitest_free(&r);
	clitest_rmdir();
	if (!ready)
		skip();
}

/* "-" reads standard input, good or bad. */
static void test_cli_badinput_stdin(void **state)
{
	static const char bad[] = "Title\n\nbroken \xC3 here\n";
	eo_records recs;
	run_result r;
	int ready;

	(void)state;
	clitest_tmpdir();
	ready = eo_extractor_ready();
	write_good("in.txt", "Words from standard input");
	r = clitest_run("extract --format jsonl -", at(0, "in.txt"));
	eo_assert_exit(&r);
	assert_int_equal(r.status, 0);
	recs = eo_parse(r.out);
	assert_int_equal(recs.bad_line, 0);
	if (ready)
		assert_true(eo_has_quote(&recs, "Words from standard input"));
	eo_records_free(&recs);
	clitest_free(&r);

	clitest_write(at(0, "bad.txt"), bad, sizeof(bad) - 1);
	r = clitest_run("extract -", at(0, "bad.txt"));
	eo_assert_exit(&r);
	assert_int_equal(r.status, 1);
	if (!err_names(r.err, "-", 14))
		fail_msg("stdin error without its offset:\n%s", r.err);
	clitest_free(&r);
	clitest_rmdir();
}

static void test_cli_badinput_usage(void **state)
{
	static const char *const args[] = {
		"extract --no-such-option x.txt",
		"extract -Z x.txt",
		"extract --format yaml x.txt",
		"extract --format html x.txt", /* a format, but not for extract */
		"extract --format",
		"extract",
	};
	run_result r;

	(void)state;
	clitest_tmpdir();
	for (size_t i = 0; i < sizeof(args) / sizeof(args[0]); i++) {
		r = clitest_run(args[i], NULL);
		eo_assert_exit(&r);
		if (r.status != 2)
			fail_msg("'%s' exited %d, not 2", args[i], r.status);
		assert_true(strlen(r.err) > 0);
		assert_string_equal(r.out, "");
		clitest_free(&r);
	}
	clitest_rmdir();
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_cli_badinput_invalid_utf8),
		cmocka_unit_test(test_cli_badinput_nul_bytes),
		cmocka_unit_test(test_cli_badinput_binary),
		cmocka_unit_test(test_cli_badinput_empty_and_blank),
		cmocka_unit_test(test_cli_badinput_huge_line),
		cmocka_unit_test(test_cli_badinput_unbalanced),
		cmocka_unit_test(test_cli_badinput_missing_path),
		cmocka_unit_test(test_cli_badinput_mixed_dir),
		cmocka_unit_test(test_cli_badinput_stdin),
		cmocka_unit_test(test_cli_badinput_usage),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
