/*
 * cmd_report.c -- quotegraph report: the provenance of the quotes of a
 * speaker, of an outlet, or of one quote, as Markdown or a self-contained
 * HTML page for people, JSON or CSV for tools, Graphviz DOT, or W3C
 * PROV-JSON.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static const char help[] =
	"usage: quotegraph report [OPTIONS] --format FMT\n"
	"\n"
	"A provenance report: for each quote the speaker(s), the outlet,\n"
	"venue and date with the articles that state them, every occurrence\n"
	"and the flags. Without a filter, every quote (most carried first).\n"
	"\n"
	"  -d, --db FILE       the database (default: $QUOTEGRAPH_DB or\n"
	"                      quotegraph.db)\n"
	"  -s, --speaker NAME  quotes said by NAME\n"
	"  -O, --outlet NAME   quotes said to or published by outlet NAME\n"
	"  -q, --quote ID      one quote (an id from `trace` or `report`)\n"
	"  -n, --limit N       at most N quotes\n"
	"  -f, --format FMT    md, html, json, csv, dot or prov (PROV-JSON)\n"
	"  -o, --output FILE   write to FILE instead of standard output\n";

typedef struct opts {
	const char *db, *output;
	qg_format format;
	int have_format;
	qg_filter filter;
} opts;

static int number(const char *s, unsigned long long *out)
{
	char *end = NULL;
	int rc = *s && *s != '-' ? CLI_OK : CLI_USAGE;

	if (rc == CLI_OK)
		*out = strtoull(s, &end, 10);
	return rc == CLI_OK && *end ? CLI_USAGE : rc;
}

static int set_option(int c, opts *o)
{
	static const qg_format allowed[] = {QG_FORMAT_MD,  QG_FORMAT_HTML,
	                                    QG_FORMAT_JSON, QG_FORMAT_CSV,
	                                    QG_FORMAT_DOT, QG_FORMAT_PROV};
	unsigned long long v = 0;
	int rc = CLI_OK;

	switch (c) {
	case 'd': o->db = optarg; break;
	case 'o': o->output = optarg; break;
	case 's': o->filter.speaker = optarg; break;
	case 'O': o->filter.outlet = optarg; break;
	case 'f':
		rc = cli_format(optarg, allowed, 6, &o->format);
		o->have_format = rc == CLI_OK;
		break;
	case 'q':
	case 'n':
		rc = number(optarg, &v);
		if (rc != CLI_OK || v == 0)
			cli_error("--%s wants a positive whole number, not '%s'",
			          c == 'q' ? "quote" : "limit", optarg);
		if (c == 'q')
			o->filter.quote = (int64_t)v;
		else
			o->filter.limit = (size_t)v;
		rc = rc == CLI_OK && v ? CLI_OK : CLI_USAGE;
		break;
	default: rc = CLI_USAGE;
	}
	return rc;
}

static int parse(int argc, char **argv, opts *o)
{
	static const struct option longs[] = {
		{"db", required_argument, NULL, 'd'},
		{"speaker", required_argument, NULL, 's'},
		{"outlet", required_argument, NULL, 'O'},
		{"quote", required_argument, NULL, 'q'},
		{"limit", required_argument, NULL, 'n'},
		{"format", required_argument, NULL, 'f'},
		{"output", required_argument, NULL, 'o'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	int c = 0, rc = CLI_OK;

	optind = 1;
	while (rc == CLI_OK && c != -1) {
		c = getopt_long(argc, argv, "d:s:O:q:n:f:o:h", longs, NULL);
		if (c == 'h') {
			fputs(help, stdout);
			rc = -1; /* done: exit 0 */
		} else if (c != -1) {
			rc = set_option(c, o);
		}
	}
	if (rc == CLI_OK && !o->have_format) {
		cli_error("report needs --format md|html|json|csv|dot|prov");
		rc = CLI_USAGE;
	}
	if (rc == CLI_OK && optind < argc) {
		cli_error("unexpected argument '%s'", argv[optind]);
		rc = CLI_USAGE;
	}
	if (rc > 0)
		fputs(help, stderr);
	return rc;
}

/* Write to a temporary file beside the output and rename it into place,
 * so that a failed report never leaves half a file. */
static int write_report(const qg_report *r, const opts *o)
{
	char tmp[4096];
	FILE *fp = stdout;
	int n, rc = CLI_OK;

	if (o->output) {
		n = snprintf(tmp, sizeof(tmp), "%s.tmp", o->output);
		fp = n > 0 && (size_t)n < sizeof(tmp) ? fopen(tmp, "wb") : NULL;
		if (!fp) {
			cli_error("%s: cannot write", o->output);
			rc = CLI_FAIL;
			goto done;
		}
	}
	if (qg_report_write(r, o->format, fp) < 0) {
		cli_error("%s: writing the report failed",
		          o->output ? o->output : "standard output");
		rc = CLI_FAIL;
	}
	if (o->output && fclose(fp) != 0 && rc == CLI_OK) {
		cli_error("%s: writing the report failed", o->output);
		rc = CLI_FAIL;
	}
	if (o->output && rc == CLI_OK && rename(tmp, o->output) != 0) {
		cli_error("%s: cannot write", o->output);
		rc = CLI_FAIL;
	}
	if (o->output && rc != CLI_OK)
		remove(tmp);
done:
	return rc;
}

int cmd_report(int argc, char **argv)
{
	opts o;
	qg_db *db = NULL;
	qg_report *r = NULL;
	int rc;
	qg_status st;

	memset(&o, 0, sizeof(o));
	rc = parse(argc, argv, &o);
	if (rc != CLI_OK)
		goto done;
	rc = cli_open_db(cli_db_path(o.db), QG_DB_READONLY, &db);
	if (rc == CLI_OK) {
		st = qg_report_new(db, &o.filter, &r);
		if (st < 0)
			rc = cli_query_failed(db, st);
	}
	if (rc == CLI_OK)
		rc = write_report(r, &o);
done:
	qg_report_free(r);
	qg_db_close(db);
	return rc < 0 ? CLI_OK : rc; /* -1: --help was printed */
}
