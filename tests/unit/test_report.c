/*
 * test_report.c -- reports through the public API: choosing quotes by
 * speaker, outlet, quote id and limit; writing every format to a file;
 * and the HTML page opened in headless Chromium (skipped with a message
 * when Chromium is not installed), which must show the chain and keep a
 * <script> inside a quote as text.
 */
#include <sys/stat.h>

#include "pv_group.h"
#include "json_check.h"

#define CHROMIUM "/usr/bin/chromium"

static size_t report_count(const qg_filter *f)
{
	qg_report *r = NULL;
	size_t n;

	assert_int_equal(qg_report_new(db, f, &r), QG_OK);
	n = qg_report_count(r);
	qg_report_free(r);
	return n;
}

static void test_report_filters(void **state)
{
	qg_filter f = {0};
	qg_report *r = NULL;

	(void)state;
	/* pension, "a bad joke", the reported speech, the forum post */
	assert_int_equal(report_count(NULL), 4);
	f.speaker = "Varnholt";
	assert_int_equal(report_count(&f), 3);
	f.speaker = "Tomas Brekke";
	assert_int_equal(report_count(&f), 1);
	f.speaker = NULL;
	f.outlet = "northport ledger";
	assert_int_equal(report_count(&f), 1);
	memset(&f, 0, sizeof(f));
	f.limit = 2;
	assert_int_equal(report_count(&f), 2);
	f.limit = 0;
	f.quote = 1;
	assert_int_equal(qg_report_new(db, &f, &r), QG_OK);
	assert_int_equal(qg_report_count(r), 1);
	assert_int_equal(qg_trace_id(qg_report_at(r, 0)), 1);
	assert_null(qg_report_at(r, 1));
	qg_report_free(r);
	f.quote = 4242;
	assert_int_equal(qg_report_new(db, &f, &r), QG_ERR_NOTFOUND);
	assert_null(r);
	qg_report_free(NULL);
}

/* The report written to a temporary file, read back whole. */
static char *write_file(qg_format format, const char *file)
{
	qg_report *r = NULL;
	FILE *fp = fopen(file, "wb");
	char *s;

	assert_non_null(fp);
	assert_int_equal(qg_report_new(db, NULL, &r), QG_OK);
	assert_int_equal(qg_report_write(r, format, fp), QG_OK);
	assert_int_equal(fclose(fp), 0);
	qg_report_free(r);
	s = qg_test_read(file, NULL);
	assert_non_null(s);
	return s;
}

static void test_report_writes_every_format(void **state)
{
	static const qg_format formats[] = {QG_FORMAT_MD,  QG_FORMAT_HTML,
	                                    QG_FORMAT_JSON, QG_FORMAT_CSV,
	                                    QG_FORMAT_DOT, QG_FORMAT_PROV};
	char file[96];
	qg_report *r = NULL;

	(void)state;
	snprintf(file, sizeof(file), "%s.out", path);
	for (size_t i = 0; i < QG_ARRAY_LEN(formats); i++) {
		char *s = write_file(formats[i], file);

		assert_non_null(strstr(s, "Varnholt"));
		if (formats[i] == QG_FORMAT_JSON || formats[i] == QG_FORMAT_PROV)
			assert_true(json_valid(s));
		free(s);
	}
	unlink(file);
	assert_int_equal(qg_report_new(db, NULL, &r), QG_OK);
	assert_int_equal(qg_report_write(r, QG_FORMAT_JSONL, stdout),
	                 QG_ERR_USAGE);
	qg_report_free(r);
}

static void test_report_trace_write(void **state)
{
	qg_trace *t = NULL;
	char file[96];
	FILE *fp;
	char *s;

	(void)state;
	snprintf(file, sizeof(file), "%s.trace", path);
	assert_int_equal(qg_trace_find(db, "1", &t), QG_OK);
	fp = fopen(file, "wb");
	assert_int_equal(qg_trace_write(t, QG_FORMAT_JSON, fp), QG_OK);
	assert_int_equal(qg_trace_write(t, QG_FORMAT_DOT, fp), QG_ERR_USAGE);
	fclose(fp);
	s = qg_test_read(file, NULL);
	assert_true(json_valid(s));
	free(s);
	unlink(file);
	qg_trace_free(t);
}

/* Headless Chromium renders the page; the dumped DOM must hold the chain
 * (the SVG with speaker, outlet and article) and the quote with <script>
 * as text: no script element anywhere. */
static void test_report_html_in_chromium(void **state)
{
	char file[96], profile[64], cmd[1024];
	char *dom;
	FILE *fp;
	qg_buf b = QG_BUF_INIT;

	(void)state;
	if (access(CHROMIUM, X_OK) != 0) {
		print_message("skipped: %s is not installed\n", CHROMIUM);
		skip();
	}
	snprintf(file, sizeof(file), "%s.html", path);
	free(write_file(QG_FORMAT_HTML, file));
	snprintf(profile, sizeof(profile), "/tmp/qg_chromium_XXXXXX");
	assert_non_null(mkdtemp(profile));
	snprintf(cmd, sizeof(cmd),
	         "timeout 120 " CHROMIUM " --headless --no-sandbox "
	         "--disable-gpu --disable-quic --no-first-run "
	         "--disable-background-networking --disable-component-update "
	         "--disable-sync --user-data-dir='%s' --dump-dom 'file://%s' "
	         "2>/dev/null",
	         profile, file);
	fp = popen(cmd, "r");
	assert_non_null(fp);
	for (int c = fgetc(fp); c != EOF; c = fgetc(fp))
		assert_int_equal(qg_buf_addc(&b, (char)c), QG_OK);
	assert_int_equal(pclose(fp), 0);
	dom = b.data;
	assert_non_null(dom);
	assert_non_null(strstr(dom, "<svg"));
	assert_non_null(strstr(dom, ">Edda Varnholt</text>"));
	assert_non_null(strstr(dom, ">Northport Ledger</text>"));
	assert_non_null(strstr(dom, ">klaxon-pension.txt</text>"));
	assert_non_null(strstr(dom, "class=\"flagged\""));
	assert_null(strstr(dom, "<script"));
	assert_non_null(strstr(dom, "&lt;script&gt;alert('x')&lt;/script&gt; "
	                            "is how we feel"));
	qg_buf_dispose(&b);
	unlink(file);
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", profile);
	assert_int_equal(system(cmd), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_report_filters),
		cmocka_unit_test(test_report_writes_every_format),
		cmocka_unit_test(test_report_trace_write),
		cmocka_unit_test(test_report_html_in_chromium),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
