/*
 * cmd_show.c -- quotegraph show ARTICLE: the stored text of one article
 * with each quote marked «like this»[Speaker/cue/outlet], and the list of
 * its quotes below. With --format jsonl or csv, only the list.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static const char help[] =
	"usage: quotegraph show [OPTIONS] ARTICLE\n"
	"\n"
	"One stored article (by id, name or hash prefix) with its quotes\n"
	"marked \xc2\xab...\xc2\xbb[speaker/cue/outlet], then its quotes.\n"
	"\n"
	"  -d, --db FILE       the database (default: $QUOTEGRAPH_DB or\n"
	"                      quotegraph.db)\n"
	"  -f, --format FMT    table (default: the text and a table), jsonl or\n"
	"                      csv (the quotes only)\n";

typedef struct mark {
	size_t start, end, row;
} mark;

static int by_start(const void *a, const void *b)
{
	const mark *x = a, *y = b;

	if (x->start != y->start)
		return x->start < y->start ? -1 : 1;
	return x->end > y->end ? -1 : x->end < y->end;
}

static const char *cell(const qg_rows *r, size_t row, const char *name)
{
	for (size_t c = 0; c < qg_rows_columns(r); c++)
		if (!strcmp(qg_rows_name(r, c), name))
			return qg_rows_get(r, row, c);
	return NULL;
}

static size_t num(const qg_rows *r, size_t row, const char *name)
{
	const char *v = cell(r, row, name);

	return v ? (size_t)strtoull(v, NULL, 10) : 0;
}

static void print_close(const qg_rows *r, size_t row)
{
	const char *sp = cell(r, row, "speaker"), *cue = cell(r, row, "cue");
	const char *out = cell(r, row, "outlet");

	printf("\xc2\xbb[%s/%s/%s]", sp ? sp : "?", cue ? cue : "-",
	       out ? out : "-");
}

/* The text with marks; spans inside an earlier quote are listed only. */
static void print_marked(const char *text, size_t len, const qg_rows *r,
                         mark *m, size_t n)
{
	size_t at = 0;

	for (size_t i = 0; i < n; i++) {
		if (m[i].start < at || m[i].end > len || m[i].start > m[i].end)
			continue;
		fwrite(text + at, 1, m[i].start - at, stdout);
		fputs("\xc2\xab", stdout);
		fwrite(text + m[i].start, 1, m[i].end - m[i].start, stdout);
		print_close(r, m[i].row);
		at = m[i].end;
	}
	fwrite(text + at, 1, len - at, stdout);
	if (len && text[len - 1] != '\n')
		putchar('\n');
}

static int show(qg_db *db, const char *article, qg_format format)
{
	qg_filter f = {0};
	qg_rows *rows = NULL;
	char *text = NULL;
	size_t len = 0, n;
	mark *m = NULL;
	qg_status st = qg_db_article_text(db, article, &text, &len);
	int rc;

	f.article = article;
	if (st == QG_OK)
		st = qg_query_quotes(db, &f, &rows);
	if (st < 0) {
		rc = cli_query_failed(db, st);
		goto done;
	}
	n = qg_rows_count(rows);
	m = calloc(n ? n : 1, sizeof(*m));
	if (!m) {
		cli_error("out of memory");
		rc = CLI_FAIL;
		goto done;
	}
	for (size_t i = 0; i < n; i++)
		m[i] = (mark){num(rows, i, "start"), num(rows, i, "end"), i};
	qsort(m, n, sizeof(*m), by_start);
	if (format == QG_FORMAT_TABLE) {
		print_marked(text, len, rows, m, n);
		printf("\n%zu quotes:\n", n);
	}
	rc = cli_print_rows(rows, format);
done:
	free(m);
	qg_free(text);
	qg_rows_free(rows);
	return rc;
}

int cmd_show(int argc, char **argv)
{
	cli_query_opts o;
	qg_db *db = NULL;
	int next, rc = cli_query_opts_parse(argc, argv, 0, help, &o, &next);

	if (rc != CLI_OK)
		return rc < 0 ? CLI_OK : rc;
	if (next + 1 != argc) {
		fputs(help, stderr);
		return CLI_USAGE;
	}
	rc = cli_open_db(o.db, QG_DB_READONLY, &db);
	if (rc == CLI_OK)
		rc = show(db, argv[next], o.format);
	qg_db_close(db);
	return rc;
}
