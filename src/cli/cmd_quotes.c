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
	"  -d, --db FILE       the database (default: $QUOTEGRAPH_DB or\n"
	"                      quotegraph.db)\n"
	"  -f, --format FMT    table (default), jsonl or csv\n"
	"  --speaker NAME      said by NAME (case, accents and titles do not\n"
	"                      matter; a surname alone matches every person\n"
	"                      with that surname)\n"
	"  --outlet NAME       said to or through the outlet NAME\n"
	"  --article ID        in the article with this id, name or hash prefix\n"
	"  --since DATE        on or after DATE (YYYY-MM-DD)\n"
	"  --until DATE        on or before DATE\n"
	"  --quote ID          the occurrences of one quote (an id from\n"
	"                      `trace`, `report` or the quote_id column)\n"
	"  --limit N           at most N rows\n";

int cmd_quotes(int argc, char **argv)
{
	unsigned allow = CLI_OPT_SPEAKER | CLI_OPT_OUTLET | CLI_OPT_ARTICLE |
	                 CLI_OPT_DATES | CLI_OPT_LIMIT | CLI_OPT_QUOTE;

	return cli_query_main(argc, argv, allow, help, qg_query_quotes);
}
