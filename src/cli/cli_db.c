/*
 * cli_db.c -- what the database subcommands share: opening the database
 * with a clear message, the query options, printing rows.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

int cli_open_db(const char *path, unsigned flags, qg_db **out)
{
	qg_status rc = qg_db_open(out, path, flags);

	if (rc == QG_OK)
		return CLI_OK;
	if (!*out)
		cli_error("%s: out of memory", path);
	else
		cli_error("%s", qg_db_errmsg(*out));
	return CLI_FAIL;
}

/* YYYY-MM-DD, or a year-month or a year alone (compared as text). */
static int is_date(const char *s)
{
	size_t n = strlen(s);

	if (n != 4 && n != 7 && n != 10)
		return 0;
	for (size_t i = 0; i < n; i++) {
		int dash = i == 4 || i == 7;

		if (dash ? s[i] != '-' : (s[i] < '0' || s[i] > '9'))
			return 0;
	}
	return 1;
}

static int parse_limit(const char *s, size_t *out)
{
	char *end = NULL;
	unsigned long long v;

	if (!*s || *s == '-')
		return CLI_USAGE;
	v = strtoull(s, &end, 10);
	if (*end || v > (unsigned long long)SIZE_MAX)
		return CLI_USAGE;
	*out = (size_t)v;
	return CLI_OK;
}

/* A quote id as `trace` and `report` print it: a positive whole number. */
static int parse_quote(const char *s, int64_t *out)
{
	size_t v = 0;
	int rc = parse_limit(s, &v);

	if (rc == CLI_OK && (v == 0 || v > (size_t)INT64_MAX))
		rc = CLI_USAGE;
	if (rc == CLI_OK)
		*out = (int64_t)v;
	else
		cli_error("--quote wants a quote id, not '%s'", s);
	return rc;
}

static int set_option(int c, unsigned allow, cli_query_opts *o)
{
	static const qg_format allowed[] = {QG_FORMAT_TABLE, QG_FORMAT_JSONL,
	                                    QG_FORMAT_CSV};
	static const unsigned need[] = {['s'] = CLI_OPT_SPEAKER,
	                                ['o'] = CLI_OPT_OUTLET,
	                                ['a'] = CLI_OPT_ARTICLE,
	                                ['S'] = CLI_OPT_DATES,
	                                ['U'] = CLI_OPT_DATES,
	                                ['n'] = CLI_OPT_LIMIT,
	                                ['q'] = CLI_OPT_QUOTE};

	if (c != 'd' && c != 'f' && (c < 0 || c > 'z' || !(need[c] & allow))) {
		cli_error("this command does not take that option");
		return CLI_USAGE;
	}
	switch (c) {
	case 'd': o->db = optarg; return CLI_OK;
	case 'f': return cli_format(optarg, allowed, 3, &o->format);
	case 's': o->filter.speaker = optarg; return CLI_OK;
	case 'o': o->filter.outlet = optarg; return CLI_OK;
	case 'a': o->filter.article = optarg; return CLI_OK;
	case 'n':
		if (parse_limit(optarg, &o->filter.limit) == CLI_OK)
			return CLI_OK;
		cli_error("--limit wants a whole number, not '%s'", optarg);
		return CLI_USAGE;
	case 'q':
		return parse_quote(optarg, &o->filter.quote);
	default:
		if (!is_date(optarg)) {
			cli_error("'%s' is no date: use YYYY-MM-DD", optarg);
			return CLI_USAGE;
		}
		if (c == 'S')
			o->filter.since = optarg;
		else
			o->filter.until = optarg;
		return CLI_OK;
	}
}

int cli_query_opts_parse(int argc, char **argv, unsigned allow,
                         const char *help, cli_query_opts *o, int *next)
{
	static const struct option opts[] = {
		{"db", required_argument, NULL, 'd'},
		{"format", required_argument, NULL, 'f'},
		{"speaker", required_argument, NULL, 's'},
		{"outlet", required_argument, NULL, 'o'},
		{"article", required_argument, NULL, 'a'},
		{"since", required_argument, NULL, 'S'},
		{"until", required_argument, NULL, 'U'},
		{"limit", required_argument, NULL, 'n'},
		{"quote", required_argument, NULL, 'q'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	int c, rc = CLI_OK;

	memset(o, 0, sizeof(*o));
	o->format = QG_FORMAT_TABLE;
	optind = 1;
	for (c = getopt_long(argc, argv, "d:f:h", opts, NULL); c != -1;
	     c = getopt_long(argc, argv, "d:f:h", opts, NULL)) {
		if (c == 'h') {
			fputs(help, stdout);
			return -1;
		}
		rc = c == '?' ? CLI_USAGE : set_option(c, allow, o);
		if (rc != CLI_OK)
			break;
	}
	if (rc != CLI_OK)
		fputs(help, stderr);
	o->db = cli_db_path(o->db);
	*next = optind;
	return rc;
}

int cli_query_failed(qg_db *db, qg_status rc)
{
	cli_error("%s", qg_db_errmsg(db));
	if (rc == QG_ERR_NOTFOUND || rc == QG_ERR_INPUT)
		return CLI_INPUT;
	return rc == QG_ERR_USAGE ? CLI_USAGE : CLI_FAIL;
}

int cli_print_rows(const qg_rows *rows, qg_format format)
{
	if (qg_rows_write(rows, format, stdout) < 0 || fflush(stdout) != 0) {
		cli_error("writing output failed");
		return CLI_FAIL;
	}
	return CLI_OK;
}

int cli_query_main(int argc, char **argv, unsigned allow, const char *help,
                   cli_query_fn fn)
{
	cli_query_opts o;
	qg_db *db = NULL;
	qg_rows *rows = NULL;
	int next, rc = cli_query_opts_parse(argc, argv, allow, help, &o, &next);
	qg_status st;

	if (rc != CLI_OK)
		return rc < 0 ? CLI_OK : rc;
	if (next < argc) {
		cli_error("unexpected argument '%s'", argv[next]);
		return CLI_USAGE;
	}
	rc = cli_open_db(o.db, QG_DB_READONLY, &db);
	if (rc == CLI_OK) {
		st = fn(db, &o.filter, &rows);
		rc = st < 0 ? cli_query_failed(db, st)
		            : cli_print_rows(rows, o.format);
	}
	qg_rows_free(rows);
	qg_db_close(db);
	return rc;
}
