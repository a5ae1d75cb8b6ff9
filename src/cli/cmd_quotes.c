/*
 * cmd_quotes.c -- quotegraph quotes: stored quotes with speaker, cue,
 * outlet and article, filtered.
 */
#include "cli.h"

static const char help[] =
	"usage: quotegraph quotes [OPTIONS]\n"
	"\n"
	"Every stored quote occurrence, oldest first.\n"
	"\n"
	CLI_HELP_FILTERS
	"  --quote ID          the occurrences of one quote (an id from\n"
	"                      `trace`, `report` or the quote_id column)\n"
	"  --limit N           at most N rows\n";

int cmd_quotes(int argc, char **argv)
{
	unsigned allow = CLI_OPT_SPEAKER | CLI_OPT_OUTLET | CLI_OPT_ARTICLE |
	                 CLI_OPT_DATES | CLI_OPT_LIMIT | CLI_OPT_QUOTE;

	return cli_query_main(argc, argv, allow, help, qg_query_quotes);
}
