/*
 * test_export.c -- the report emitters over traces of the invented pension
 * articles: the escaping writer, and each format checked by what reads it
 * (a JSON parser, a CSV field count, Graphviz when installed) and for the
 * hostile strings (a <script> quote, a <b> title) staying text.
 */
#include "prov_fixture.h"
#include "json_check.h"
#include "../../src/lib/export/emit.h"

static char path[64];
static qg_db *db;
static qg_report *all;

static int setup(void **state)
{
	(void)state;
	db = pv_db_all(path);
	return qg_report_new(db, NULL, &all) == QG_OK ? 0 : -1;
}

static int teardown(void **state)
{
	(void)state;
	qg_report_free(all);
	qg_db_close(db);
	pv_db_remove(path);
	return 0;
}

/* The whole report in one format, in a buffer the test frees. */
static char *emit(qg_report_fn fn)
{
	qg_buf b = QG_BUF_INIT;

	assert_int_equal(fn(&b, (const qg_trace *const *)all->traces,
	                    all->count),
	                 QG_OK);
	return qg_buf_take(&b);
}

static size_t total_items(void)
{
	size_t n = 0;

	for (size_t i = 0; i < qg_report_count(all); i++)
		n += qg_trace_count(qg_report_at(all, i));
	return n;
}

static size_t count_of(const char *s, const char *what)
{
	size_t n = 0;

	for (const char *p = strstr(s, what); p; p = strstr(p + 1, what))
		n++;
	return n;
}

static void test_export_emit_escapes_each_way(void **state)
{
	qg_buf b = QG_BUF_INIT;

	(void)state;
	assert_int_equal(qg__emit(&b, "%j|%h|%v|%m|%q|%D|%z|%%|%s", "a\"<b>",
	                          "<i>&", "x,y", "*a* <b> [l](u)", "say \"hi\"",
	                          (int64_t)-7, (size_t)3, NULL),
	                 QG_OK);
	assert_string_equal(b.data, "\"a\\\"<b>\"|&lt;i&gt;&amp;|\"x,y\"|"
	                            "\\*a\\* &lt;b&gt; \\[l\\]\\(u\\)|"
	                            "say \\\"hi\\\"|-7|3|%|");
	qg_buf_reset(&b);
	assert_int_equal(qg__emit(&b, "%j", NULL), QG_OK);
	assert_string_equal(b.data, "null");
	qg_buf_dispose(&b);
}

static void test_export_cut_keeps_whole_characters(void **state)
{
	char out[64];

	(void)state;
	assert_string_equal(qg__cut(out, "caf\xc3\xa9s", 4),
	                    "caf\xc3\xa9\xe2\x80\xa6");
	assert_string_equal(qg__cut(out, "short", 10), "short");
	assert_string_equal(qg__cut(out, NULL, 10), "");
}

static void test_export_idset_adds_once(void **state)
{
	qg_idset s = {NULL, 0, 0};
	int added = 0;

	(void)state;
	for (uint64_t i = 0; i < 1000; i++) {
		assert_int_equal(qg__idset_add(&s, i * 7919, &added), QG_OK);
		assert_true(added || i == 0); /* 0 and 1 share a slot mark */
	}
	assert_int_equal(qg__idset_add(&s, 7919 * 5, &added), QG_OK);
	assert_false(added);
	qg__idset_dispose(&s);
}

static void test_export_json_parses(void **state)
{
	char *s = emit(qg__report_json);

	(void)state;
	assert_true(json_valid(s));
	assert_int_equal(count_of(s, "\"occurrence_id\":"), total_items());
	assert_non_null(strstr(s, "\"relation\":\"variant\",\"text\":"));
	assert_non_null(strstr(s, "\"diff\":\"the\xe2\x86\x92our\""));
	assert_non_null(strstr(s, "\"flags\":[\"wording\",\"unsourced\","
	                          "\"speakers\",\"context\"]"));
	qg_free(s);
}

/* Every node a PROV-JSON relation names ("prov:entity": "qg:quote-1") is
 * declared as a key of its own ("qg:quote-1": {): the document stands on
 * its own for a PROV reader. */
static void prov_refs_declared(const char *s)
{
	static const char *const roles[] = {
		"\"prov:entity\": \"", "\"prov:agent\": \"",
		"\"prov:activity\": \"", "\"prov:generatedEntity\": \"",
		"\"prov:usedEntity\": \"", "\"prov:informed\": \"",
		"\"prov:informant\": \""};
	size_t refs = 0;

	for (size_t r = 0; r < QG_ARRAY_LEN(roles); r++) {
		for (const char *p = strstr(s, roles[r]); p;
		     p = strstr(p + 1, roles[r])) {
			const char *id = p + strlen(roles[r]);
			const char *end = strchr(id, '"');
			char key[128];

			assert_non_null(end);
			assert_true((size_t)(end - id) + 5 < sizeof(key));
			snprintf(key, sizeof(key), "\"%.*s\": {", (int)(end - id),
			         id);
			assert_non_null(strstr(s, key));
			refs++;
		}
	}
	assert_true(refs > 0);
}

/* PROV-JSON: valid JSON with unique keys (the parser refuses duplicates),
 * one quotation per occurrence, the node types of PROV. */
static void test_export_prov_parses(void **state)
{
	char *s = emit(qg__report_prov);

	(void)state;
	assert_true(json_valid(s));
	prov_refs_declared(s);
	/* PROV-JSON has no null values: unknown attributes are left out */
	assert_null(strstr(s, ": null"));
	assert_int_equal(count_of(s, "\"prov:type\": \"prov:Quotation\""),
	                 total_items());
	assert_int_equal(count_of(s, "\"prov:type\": \"qg:QuoteOccurrence\""),
	                 total_items());
	assert_non_null(strstr(s, "\"wasAttributedTo\": {"));
	assert_non_null(strstr(s, "\"wasDerivedFrom\": {"));
	assert_non_null(strstr(s, "\"prov:type\": \"prov:Person\", "
	                          "\"prov:label\": \"Edda Varnholt\""));
	assert_non_null(strstr(s, "\"prov:label\": \"Northport Ledger\""));
	/* a person quoted in two quotes is one agent */
	assert_int_equal(count_of(s, "\"prov:label\": \"Edda Varnholt\""), 1);
	qg_free(s);
}

/* Split one CSV record starting at *p; returns its field count and moves
 * *p past the record. */
static size_t csv_record(const char **p)
{
	size_t fields = 1;
	int quoted = 0;

	for (; **p; (*p)++) {
		char c = **p;

		if (c == '"')
			quoted = !quoted;
		else if (c == ',' && !quoted)
			fields++;
		else if (c == '\n' && !quoted) {
			(*p)++;
			break;
		}
	}
	return fields;
}

static void test_export_csv_rows(void **state)
{
	char *s = emit(qg__report_csv);
	const char *p = s;
	size_t rows = 0, header = csv_record(&p);

	(void)state;
	assert_int_equal(header, 17);
	while (*p) {
		assert_int_equal(csv_record(&p), header);
		rows++;
	}
	assert_int_equal(rows, total_items());
	assert_non_null(strstr(s, "\"<script>alert('x')</script> is how"));
	qg_free(s);
}

static void test_export_markdown_escapes(void **state)
{
	char *s = emit(qg__report_md);

	(void)state;
	assert_null(strstr(s, "<script>"));
	assert_non_null(strstr(s, "&lt;script&gt;alert\\('x'\\)&lt;/script&gt;"));
	assert_non_null(strstr(s, "| 5 | 2025-06-04 | blog-pension.md | "
	                          "Harbour Watch | direct | variant: "
	                          "the\xe2\x86\x92our |"));
	assert_int_equal(count_of(s, "\n## Quote "), qg_report_count(all));
	qg_free(s);
}

static void test_export_html_escapes(void **state)
{
	char *s = emit(qg__report_html);

	(void)state;
	assert_null(strstr(s, "<script"));
	assert_null(strstr(s, "<b>Forum"));
	assert_non_null(strstr(s, "&lt;script&gt;alert(&#39;x&#39;)"));
	assert_non_null(strstr(s, "&lt;b&gt;Forum&lt;/b&gt;"));
	assert_int_equal(count_of(s, "<svg "), qg_report_count(all));
	assert_non_null(strstr(s, ">Northport Ledger</text>"));
	/* nothing fetched: the only address is the SVG namespace */
	assert_int_equal(count_of(s, "http"),
	                 count_of(s, "http://www.w3.org/2000/svg"));
	assert_null(strstr(s, "src="));
	assert_null(strstr(s, "<link"));
	qg_free(s);
}

static void test_export_text_spells_flags(void **state)
{
	char *s = emit(qg__report_text);

	(void)state;
	assert_non_null(strstr(s, "wording differs: blog-pension.md: "
	                          "the\xe2\x86\x92our"));
	assert_non_null(strstr(s, "carried with no source named: "
	                          "times-pension.txt (no outlet)"));
	assert_non_null(strstr(s, "speaker differs: radio-pension.txt credits "
	                          "Tomas Brekke"));
	assert_non_null(strstr(s, "partial quote out of context: "
	                          "klaxon-pension.txt: \"paper-thin\" "
	                          "settlement"));
	qg_free(s);
}

/* DOT: balanced braces, every quote a cluster; rendered by Graphviz when
 * it is installed. */
static void test_export_dot_renders(void **state)
{
	char *s = emit(qg__report_dot);
	FILE *fp;

	(void)state;
	assert_int_equal(count_of(s, "{"), count_of(s, "}"));
	assert_int_equal(count_of(s, "subgraph \"cluster_q"),
	                 qg_report_count(all));
	assert_non_null(strstr(s, "style=dashed"));
	if (system("command -v dot >/dev/null 2>&1") != 0) {
		print_message("dot not installed: not rendered\n");
		qg_free(s);
		return;
	}
	fp = popen("dot -Tsvg >/dev/null 2>&1", "w");
	assert_non_null(fp);
	assert_int_equal(fwrite(s, 1, strlen(s), fp), strlen(s));
	assert_int_equal(pclose(fp), 0);
	qg_free(s);
}

static void test_export_survive_failed_allocations(void **state)
{
	static const qg_report_fn fns[] = {
		qg__report_text, qg__report_json, qg__report_csv, qg__report_md,
		qg__report_html, qg__report_dot,  qg__report_prov,
	};

	(void)state;
	for (size_t f = 0; f < QG_ARRAY_LEN(fns); f++) {
		qg_status rc = QG_ERR_NOMEM;

		for (long n = 1; rc != QG_OK; n++) {
			qg_buf b = QG_BUF_INIT;

			qg_test_alloc_start(n);
			rc = fns[f](&b, (const qg_trace *const *)all->traces,
			            all->count);
			qg_buf_dispose(&b);
			assert_int_equal(qg_test_alloc_stop(), 0);
			assert_true(rc == QG_OK || rc == QG_ERR_NOMEM);
		}
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_export_emit_escapes_each_way),
		cmocka_unit_test(test_export_cut_keeps_whole_characters),
		cmocka_unit_test(test_export_idset_adds_once),
		cmocka_unit_test(test_export_json_parses),
		cmocka_unit_test(test_export_prov_parses),
		cmocka_unit_test(test_export_csv_rows),
		cmocka_unit_test(test_export_markdown_escapes),
		cmocka_unit_test(test_export_html_escapes),
		cmocka_unit_test(test_export_text_spells_flags),
		cmocka_unit_test(test_export_dot_renders),
		cmocka_unit_test(test_export_survive_failed_allocations),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
