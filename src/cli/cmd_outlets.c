/*
 * cmd_outlets.c -- quotegraph outlets: outlets with the quotes said to
 * them, the articles they published and the articles citing them.
 */
#include "cli.h"

static const char help[] =
	"usage: quotegraph outlets [OPTIONS]\n"
	"\n"
	"Outlets: quotes said to them, speakers quoted through them, articles\n"
	"they published, articles citing them.\n"
	"\n"
	"  -d, --db FILE       the database (default: $QUOTEGRAPH_DB or\n"
	"                      quotegraph.db)\n"
	"  -f, --format FMT    table (default), jsonl or csv\n"
	"  --speaker NAME      only outlets NAME was quoted through\n"
	"  --outlet NAME       only this outlet\n"
	"  --article ID        only outlets this article publishes or cites\n"
	"  --limit N           at most N rows\n";

int cmd_outlets(int argc, char **argv)
{
	unsigned allow = CLI_OPT_SPEAKER | CLI_OPT_OUTLET | CLI_OPT_ARTICLE |
	                 CLI_OPT_LIMIT;

	return cli_query_main(argc, argv, allow, help, qg_query_outlets);
}
