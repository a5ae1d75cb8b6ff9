/*
 * cmd_trace.c -- quotegraph trace QUOTE-ID|TEXT: the chain of one quote:
 * who said it, to which outlet, where and when (each with the articles
 * that say so), every occurrence in date order and the flags.
 */
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"

static const char help[] =
	"usage: quotegraph trace [OPTIONS] QUOTE-ID|TEXT...\n"
	"\n"
	"The chain of one quote: the speaker(s); the outlet, venue and date,\n"
	"each with the articles that state it; every occurrence in date order\n"
	"with its article and publisher and whether it names the source; and\n"
	"the flags (wording differs, no source named, speaker differs, partial\n"
	"quote out of context). TEXT finds the quote holding these words.\n"
	"\n"
	"  -d, --db FILE       the database (default: $QUOTEGRAPH_DB or\n"
	"                      quotegraph.db)\n"
	"  -f, --format FMT    text (default) or json\n";

/* The words of argv[from..] joined by spaces into buf[cap]. */
static int join_words(int argc, char **argv, int from, char *buf,
                      size_t cap)
{
	size_t n = 0;
	int rc = CLI_OK;

	buf[0] = '\0';
	for (int i = from; rc == CLI_OK && i < argc; i++) {
		int w = snprintf(buf + n, cap - n, "%s%s", i > from ? " " : "",
		                 argv[i]);

		if (w < 0 || (size_t)w >= cap - n) {
			cli_error("the quote to trace is too long");
			rc = CLI_USAGE;
		} else {
			n += (size_t)w;
		}
	}
	return rc;
}

static int parse(int argc, char **argv, const char **db, qg_format *format)
{
	static const struct option opts[] = {
		{"db", required_argument, NULL, 'd'},
		{"format", required_argument, NULL, 'f'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	static const qg_format allowed[] = {QG_FORMAT_TEXT, QG_FORMAT_JSON};
	int c = 0, rc = CLI_OK;

	optind = 1;
	while (rc == CLI_OK && c != -1) {
		c = getopt_long(argc, argv, "d:f:h", opts, NULL);
		if (c == 'h') {
			fputs(help, stdout);
			rc = -1; /* done: exit 0 */
		} else if (c == 'd') {
			*db = optarg;
		} else if (c == 'f') {
			rc = cli_format(optarg, allowed, 2, format);
		} else if (c != -1) {
			rc = CLI_USAGE;
		}
	}
	if (rc == CLI_OK && optind >= argc)
		rc = CLI_USAGE;
	if (rc > 0)
		fputs(help, stderr);
	return rc;
}

int cmd_trace(int argc, char **argv)
{
	const char *dbpath = NULL;
	qg_format format = QG_FORMAT_TEXT;
	qg_db *db = NULL;
	qg_trace *t = NULL;
	char text[4096];
	int rc = parse(argc, argv, &dbpath, &format);
	qg_status st;

	if (rc != CLI_OK)
		goto done;
	rc = join_words(argc, argv, optind, text, sizeof(text));
	if (rc == CLI_OK)
		rc = cli_open_db(cli_db_path(dbpath), QG_DB_READONLY, &db);
	if (rc == CLI_OK) {
		st = qg_trace_find(db, text, &t);
		if (st < 0)
			rc = cli_query_failed(db, st);
	}
	if (rc == CLI_OK && qg_trace_write(t, format, stdout) < 0) {
		cli_error("writing output failed");
		rc = CLI_FAIL;
	}
done:
	qg_trace_free(t);
	qg_db_close(db);
	return rc < 0 ? CLI_OK : rc; /* -1: --help was printed */
}
