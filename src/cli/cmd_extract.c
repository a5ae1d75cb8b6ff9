/*
 * cmd_extract.c -- quotegraph extract: print the quotes found in articles,
 * as JSON Lines for machines or as text for people. Nothing is stored.
 */
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"

typedef struct extract_ctx {
	qg_extractor *ex;
	qg_format format;
	size_t articles, quotes;
} extract_ctx;

static const char *base_name(const char *path)
{
	const char *slash = strrchr(path, '/');

	return slash ? slash + 1 : path;
}

static int extract_one(const char *path, const char *data, size_t len,
                       void *vctx)
{
	extract_ctx *ctx = vctx;
	qg_article *a = NULL;
	qg_status rc;

	rc = qg_extract(ctx->ex, base_name(path), data, len, NULL, &a);
	if (rc == QG_ERR_INPUT) {
		cli_error("%s: byte %zu: %s", path, qg_extractor_erroffset(ctx->ex),
		          qg_extractor_errmsg(ctx->ex));
		return CLI_INPUT;
	}
	if (rc < 0) {
		cli_error("%s: %s", path, qg_status_str(rc));
		return CLI_FAIL;
	}
	ctx->articles++;
	ctx->quotes += qg_article_count(a);
	rc = qg_article_write(a, ctx->format, stdout);
	qg_article_free(a);
	if (rc < 0) {
		cli_error("writing output: %s", qg_status_str(rc));
		return CLI_FAIL;
	}
	return CLI_OK;
}

static void usage(FILE *fp)
{
	fprintf(fp,
	        "usage: quotegraph extract [--format jsonl|text] PATH... | -\n"
	        "\n"
	        "Find quotes, their speakers, cues and outlets in articles and\n"
	        "print one record per quote. PATH is a file, a directory (read\n"
	        "recursively: *.txt, *.text, *.md) or - for standard input.\n"
	        "\n"
	        "  -f, --format FMT   jsonl (default) or text\n"
	        "  -h, --help         this help\n");
}

int cmd_extract(int argc, char **argv)
{
	static const struct option opts[] = {
		{"format", required_argument, NULL, 'f'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	static const qg_format allowed[] = {QG_FORMAT_JSONL, QG_FORMAT_TEXT};
	extract_ctx ctx = {NULL, QG_FORMAT_JSONL, 0, 0};
	int c, rc = CLI_OK;

	optind = 1;
	while ((c = getopt_long(argc, argv, "f:h", opts, NULL)) != -1) {
		switch (c) {
		case 'f':
			rc = cli_format(optarg, allowed, 2, &ctx.format);
			if (rc != CLI_OK)
				return rc;
			break;
		case 'h':
			usage(stdout);
			return CLI_OK;
		default:
			usage(stderr);
			return CLI_USAGE;
		}
	}
	if (optind >= argc) {
		usage(stderr);
		return CLI_USAGE;
	}
	if (qg_extractor_new(&ctx.ex) < 0) {
		cli_error("cannot set up the extractor: out of memory");
		return CLI_FAIL;
	}
	rc = cli_each_input(argc - optind, argv + optind, extract_one, &ctx);
	qg_extractor_free(ctx.ex);
	if (fflush(stdout) != 0) {
		cli_error("writing output failed");
		rc = CLI_FAIL;
	}
	return rc;
}
