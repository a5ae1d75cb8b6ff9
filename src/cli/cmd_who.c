/*
 * cmd_who.c -- quotegraph who TEXT: every speaker who said words matching
 * TEXT, with the outlets it was said to, the articles carrying it, and the
 * earliest date.
 */
#include <stdio.h>
#include <string.h>

#include "cli.h"

static const char help[] =
	"usage: quotegraph who [OPTIONS] TEXT...\n"
	"\n"
	"Who said words matching TEXT (the words as a phrase, case and accents\n"
	"ignored): one row per speaker and outlet, with the earliest date, the\n"
	"number and names of the articles carrying it, and the words.\n"
	"\n"
	"  -d, --db FILE       the database (default: $QUOTEGRAPH_DB or\n"
	"                      quotegraph.db)\n"
	"  -f, --format FMT    table (default), jsonl or csv\n"
	"  --limit N           at most N rows, the earliest (default: all)\n";

/* The words of argv[from..] joined by spaces into buf[cap]. */
static int join_words(int argc, char **argv, int from, char *buf,
                      size_t cap)
{
	size_t n = 0;

	buf[0] = '\0';
	for (int i = from; i < argc; i++) {
		int w = snprintf(buf + n, cap - n, "%s%s", i > from ? " " : "",
		                 argv[i]);

		if (w < 0 || (size_t)w >= cap - n) {
			cli_error("the words to look for are too long");
			return CLI_USAGE;
		}
		n += (size_t)w;
	}
	return CLI_OK;
}

int cmd_who(int argc, char **argv)
{
	cli_query_opts o;
	qg_db *db = NULL;
	qg_rows *rows = NULL;
	char text[4096];
	int next, rc = cli_query_opts_parse(argc, argv, CLI_OPT_LIMIT, help, &o,
	                                    &next);
	qg_status st;

	if (rc != CLI_OK)
		return rc < 0 ? CLI_OK : rc;
	if (next >= argc) {
		fputs(help, stderr);
		return CLI_USAGE;
	}
	rc = join_words(argc, argv, next, text, sizeof(text));
	if (rc == CLI_OK)
		rc = cli_open_db(o.db, QG_DB_READONLY, &db);
	if (rc == CLI_OK) {
		o.filter.text = text;
		st = qg_query_who_filter(db, &o.filter, &rows);
		rc = st < 0 ? cli_query_failed(db, st)
		            : cli_print_rows(rows, o.format);
	}
	qg_rows_free(rows);
	qg_db_close(db);
	return rc;
}
