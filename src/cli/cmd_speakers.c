/*
 * cmd_speakers.c -- quotegraph speakers: the people (and bodies) quoted, with
 * how often and where.
 */
#include "cli.h"

static const char help[] =
	"usage: quotegraph speakers [OPTIONS]\n"
	"\n"
	"Speakers with their quote, article and outlet counts, most quoted\n"
	"first.\n"
	"\n"
	CLI_HELP_FILTERS
	"  --limit N           at most N rows\n";

int cmd_speakers(int argc, char **argv)
{
	unsigned allow = CLI_OPT_SPEAKER | CLI_OPT_OUTLET | CLI_OPT_ARTICLE |
	                 CLI_OPT_DATES | CLI_OPT_LIMIT;

	return cli_query_main(argc, argv, allow, help, qg_query_speakers);
}
