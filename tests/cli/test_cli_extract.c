/*
 * test_cli_extract.c -- quotegraph extract as a user runs it on the sample
 * articles: every JSON Lines record parses and carries the evaluation
 * contract's fields, its start/end offsets point at its quote in the file,
 * the text format gives one speaker line per quote, and directories are
 * walked recursively in name order, skipping files that are not articles.
 */
#include <dirent.h>

#include "extractout.h"

static char path_buf[4][512];

static const char *at(int i, const char *name)
{
	snprintf(path_buf[i], sizeof(path_buf[i]), "%s/%s", clitest_dir, name);
	return path_buf[i];
}

static const char *samples_dir(void)
{
	static char dir[512];
	const char *src = getenv("QG_SOURCE");

	assert_non_null(src);
	snprintf(dir, sizeof(dir), "%s/tests/samples", src);
	return dir;
}

static run_result extract(const char *fmt, const char *path)
{
	char args[1024];

	snprintf(args, sizeof(args), "extract --format %s '%s'", fmt, path);
	return clitest_run(args, NULL);
}

/* A field that must be there, holding a string or (when nullable) null. */
static void check_str_field(const jv *rec, const char *key, int nullable)
{
	const jv *v = jv_get(rec, key);

	if (!v)
		fail_msg("record without \"%s\"", key);
	if (!(v->type == JV_STR || (nullable && v->type == JV_NULL)))
		fail_msg("\"%s\" has JSON type %d", key, (int)v->type);
}

static void check_record(const jv *rec)
{
	static const char *const kinds[] = {"direct", "partial", "headline",
	                                    "indirect"};
	const jv *start = jv_get(rec, "start"), *end = jv_get(rec, "end");
	const char *kind;
	int known = 0;

	assert_int_equal(rec->type, JV_OBJ);
	check_str_field(rec, "article", 0);
	check_str_field(rec, "kind", 0);
	check_str_field(rec, "quote", 0);
	check_str_field(rec, "speaker", 1);
	check_str_field(rec, "cue", 1);
	check_str_field(rec, "outlet", 1);
	if (jv_get(rec, "venue"))
		check_str_field(rec, "venue", 1);
	kind = jv_str(rec, "kind");
	for (size_t i = 0; i < 4; i++)
		known |= strcmp(kind, kinds[i]) == 0;
	if (!known)
		fail_msg("unknown kind \"%s\"", kind);
	assert_true(strlen(jv_str(rec, "quote")) > 0);
	assert_non_null(start);
	assert_non_null(end);
	assert_int_equal(start->type, JV_NUM);
	assert_int_equal(end->type, JV_NUM);
	assert_true(start->num >= 0 && start->num < end->num);
	/* the article is the file's name, not its path */
	assert_null(strchr(jv_str(rec, "article"), '/'));
}

/* Text without quote marks and with white space folded, for the one case
 * where a quote's text may differ from its bytes: a quote over paragraphs,
 * whose repeated opening mark is left out. */
static int same_words(const char *a, size_t alen, const char *b)
{
	char *x = strndup(a, alen), fa[8192], fb[8192];

	assert_non_null(x);
	eo_fold(x, fa, sizeof(fa));
	eo_fold(b, fb, sizeof(fb));
	free(x);
	return strcmp(fa, fb) == 0;
}

static int has_break(const char *s, size_t len)
{
	for (size_t i = 0; i + 1 < len; i++)
		if (s[i] == '\n' && s[i + 1] == '\n')
			return 1;
	return 0;
}

/* bytes [start, end) of the article file are the record's quote */
static void check_offsets(const jv *rec, const char *dir)
{
	char path[1024];
	const char *quote = jv_str(rec, "quote");
	const char *name = jv_str(rec, "article");
	size_t len = 0, start, end;
	char *text;

	assert_non_null(name);
	assert_non_null(quote);
	snprintf(path, sizeof(path), "%s/%s", dir, name ? name : "");
	text = qg_test_read(path, &len);
	assert_non_null(text);
	start = (size_t)jv_get(rec, "start")->num;
	end = (size_t)jv_get(rec, "end")->num;
	assert_true(end <= len);
	if (!(end - start == strlen(quote) &&
	      memcmp(text + start, quote, end - start) == 0) &&
	    !(has_break(text + start, end - start) &&
	      same_words(text + start, end - start, quote)))
		fail_msg("%s [%zu,%zu) is \"%.*s\", the record says \"%s\"",
		         name, start, end, (int)(end - start),
		         text + start, quote);
	free(text);
}

static void test_cli_extract_jsonl_contract(void **state)
{
	eo_records recs;
	run_result r;
	int ready;

	(void)state;
	clitest_tmpdir();
	ready = eo_extractor_ready();
	r = extract("jsonl", samples_dir());
	eo_assert_exit(&r);
	assert_int_equal(r.status, 0);
	assert_string_equal(r.err, "");
	recs = eo_parse(r.out);
	if (recs.bad_line)
		fail_msg("output line %zu is not one JSON object", recs.bad_line);
	for (size_t i = 0; i < recs.n; i++) {
		check_record(&recs.items[i]);
		check_offsets(&recs.items[i], samples_dir());
	}
	/* eight articles, each with quotes a reader finds at once */
	if (ready)
		assert_true(recs.n >= 8);
	eo_records_free(&recs);
	clitest_free(&r);
	clitest_rmdir();
	if (!ready)
		skip();
}

/* The JSON reader refuses what is not JSON (it must be able to fail). */
static void test_cli_extract_json_checker(void **state)
{
	static const char *const bad[] = {
		"{\"a\":1,}", "{\"a\" 1}", "{a:1}", "[1 2]", "{\"a\":\"x\n\"}",
		"{\"a\":\"\\ud800\"}", "{\"a\":01}", "{\"a\":1} x", "",
	};
	static const char good[] =
		"{\"a\":\"caf\\u00e9 \\ud83d\\ude00\",\"b\":[1,-2.5e3,true,null],"
		"\"c\":{}}";
	jv v;

	(void)state;
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		assert_int_equal(jv_parse(bad[i], strlen(bad[i]), &v), -1);
	assert_int_equal(jv_parse(good, strlen(good), &v), 0);
	assert_string_equal(jv_str(&v, "a"), "caf\xC3\xA9 \xF0\x9F\x98\x80");
	assert_int_equal(jv_get(&v, "b")->n, 4);
	assert_true(jv_get(&v, "b")->items[1].num == -2500.0);
	jv_free(&v);
}

/* The text format: per quote, the quote line and a speaker line. */
static void test_cli_extract_text_format(void **state)
{
	eo_records recs;
	run_result r, t;
	size_t speakers = 0;
	int ready;

	(void)state;
	clitest_tmpdir();
	ready = eo_extractor_ready();
	r = extract("jsonl", samples_dir());
	t = extract("text", samples_dir());
	assert_int_equal(r.status, 0);
	assert_int_equal(t.status, 0);
	recs = eo_parse(r.out);
	assert_int_equal(recs.bad_line, 0);
	for (const char *p = t.out; (p = strstr(p, "\n  speaker: ")); p++)
		speakers++;
	speakers += strncmp(t.out, "  speaker: ", 11) == 0;
	assert_int_equal(speakers, recs.n);
	for (size_t i = 0; i < recs.n; i++) {
		const char *sp = jv_str(&recs.items[i], "speaker");
		char line[512];

		/* every named speaker shows on a speaker line */
		snprintf(line, sizeof(line), "  speaker: %s", sp ? sp : "");
		if (sp && !strstr(t.out, line))
			fail_msg("no line \"%s\" in the text output", line);
	}
	if (!ready)
		assert_string_equal(t.out, "");
	eo_records_free(&recs);
	clitest_free(&r);
	clitest_free(&t);
	clitest_rmdir();
	if (!ready)
		skip();
}

/*
 * Directory walking: recursive, in name order, only article files. Bad
 * files show the order on stderr whether or not quotes are found yet; good
 * ones show it on stdout once they are.
 */
static void test_cli_extract_walk_order(void **state)
{
	static const char *const names[] = {"w/b.txt", "w/a/z.md", "w/c.text",
	                                    "w/a/m/k.txt", "w/0.txt"};
	static const char *const order[] = {"0.txt", "k.txt", "z.md", "b.txt",
	                                    "c.text"};
	static const char bad[] = "Title\n\nbad \xFF byte\n";
	const char *p, *prev;
	run_result r;
	eo_records recs;
	int ready;

	(void)state;
	clitest_tmpdir();
	ready = eo_extractor_ready();
	mkdir(at(0, "w"), 0700);
	mkdir(at(0, "w/a"), 0700);
	mkdir(at(0, "w/a/m"), 0700);
	for (size_t i = 0; i < 5; i++)
		clitest_write(at(0, names[i]), bad, sizeof(bad) - 1);
	clitest_write(at(0, "w/skip.csv"), bad, sizeof(bad) - 1);
	clitest_write(at(0, "w/.hidden.txt"), bad, sizeof(bad) - 1);
	r = extract("jsonl", at(0, "w"));
	assert_int_equal(r.status, 1);
	prev = r.err;
	for (size_t i = 0; i < 5; i++) {
		p = strstr(prev, order[i]);
		if (!p)
			fail_msg("%s missing or out of order:\n%s", order[i], r.err);
		prev = p;
	}
	assert_null(strstr(r.err, "skip.csv"));
	assert_null(strstr(r.err, "hidden"));
	clitest_free(&r);

	for (size_t i = 0; i < 5; i++) {
		char text[256];
		int n = snprintf(text, sizeof(text),
		                 "Walk\n\n\"Words of file %zu,\" said Ada Lind.\n",
		                 i);

		clitest_write(at(0, names[i]), text, (size_t)n);
	}
	r = extract("jsonl", at(0, "w"));
	assert_int_equal(r.status, 0);
	recs = eo_parse(r.out);
	assert_int_equal(recs.bad_line, 0);
	if (ready) {
		size_t k = 0;

		for (size_t i = 0; i < recs.n && k < 5; i++)
			if (strcmp(jv_str(&recs.items[i], "article"), order[k]) == 0)
				k++;
		if (k != 5)
			fail_msg("records not in name order:\n%s", r.out);
	}
	eo_records_free(&recs);
	clitest_free(&r);
	clitest_rmdir();
	if (!ready)
		skip();
}

/* A directory named by a relative path that climbs ("../../tmp/x/w") is
 * walked like any other: only a file's own name may hide it. */
static void test_cli_extract_relative_dir(void **state)
{
	static const char text[] = "Walk\n\n\"Up and over,\" said Ada Lind.\n";
	char cwd[512], rel[1024], args[1200];
	size_t n = 0;
	run_result r;

	(void)state;
	clitest_tmpdir();
	mkdir(at(0, "w"), 0700);
	clitest_write(at(1, "w/a.txt"), text, sizeof(text) - 1);
	assert_non_null(getcwd(cwd, sizeof(cwd)));
	for (const char *c = cwd; *c && n + 4 < sizeof(rel); c++)
		if (*c == '/' && c[1])
			n += (size_t)snprintf(rel + n, sizeof(rel) - n, "../");
	snprintf(rel + n, sizeof(rel) - n, "%s", clitest_dir + 1);
	snprintf(args, sizeof(args), "extract --format text '%s/w'", rel);
	r = clitest_run(args, NULL);
	assert_int_equal(r.status, 0);
	assert_non_null(strstr(r.out, "Up and over"));
	clitest_free(&r);
	clitest_rmdir();
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_cli_extract_json_checker),
		cmocka_unit_test(test_cli_extract_jsonl_contract),
		cmocka_unit_test(test_cli_extract_text_format),
		cmocka_unit_test(test_cli_extract_walk_order),
		cmocka_unit_test(test_cli_extract_relative_dir),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
