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
	"  --limit N           at most N rows\n";

int cmd_speakers(int argc, char **argv)
{
	unsigned allow = CLI_OPT_SPEAKER | CLI_OPT_OUTLET | CLI_OPT_ARTICLE |
	                 CLI_OPT_DATES | CLI_OPT_LIMIT;

	return cli_query_main(argc, argv, allow, help, qg_query_speakers);
}
