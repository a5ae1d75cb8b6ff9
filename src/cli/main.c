/*
 * main.c -- the quotegraph command: dispatch to one subcommand.
 */
#include <stdio.h>
#include <string.h>

#include "cli.h"

static const struct {
	const char *name;
	int (*run)(int argc, char **argv);
	const char *summary;
} commands[] = {
	{"extract", cmd_extract, "find quotes and their speakers in articles"},
	{"ingest", cmd_ingest, "store articles and their quotes in the database"},
	{"who", cmd_who, "who said words matching TEXT"},
	{"quotes", cmd_quotes, "list stored quotes, filtered"},
	{"speakers", cmd_speakers, "list speakers with their quote counts"},
	{"outlets", cmd_outlets, "list outlets quotes were said to"},
	{"articles", cmd_articles, "list stored articles"},
	{"show", cmd_show, "one article with its quotes marked"},
	{"trace", cmd_trace, "the chain from a quote back to its source"},
	{"report", cmd_report, "write a provenance report"},
};

static void usage(FILE *fp)
{
	fprintf(fp, "usage: quotegraph COMMAND [OPTIONS] [ARGS]\n\ncommands:\n");
	for (size_t i = 0; i < sizeof(commands) / sizeof(commands[0]); i++)
		fprintf(fp, "  %-9s %s\n", commands[i].name, commands[i].summary);
	fprintf(fp, "\n'quotegraph COMMAND --help' tells more.\n");
}

int main(int argc, char **argv)
{
	if (argc < 2) {
		usage(stderr);
		return CLI_USAGE;
	}
	if (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h")) {
		usage(stdout);
		return CLI_OK;
	}
	if (!strcmp(argv[1], "--version")) {
		printf("quotegraph %s\n", QG_VERSION);
		return CLI_OK;
	}
	for (size_t i = 0; i < sizeof(commands) / sizeof(commands[0]); i++)
		if (!strcmp(argv[1], commands[i].name))
			return commands[i].run(argc - 1, argv + 1);
	cli_error("unknown command '%s'", argv[1]);
	usage(stderr);
	return CLI_USAGE;
}
