/*
 * cmd_articles.c -- quotegraph articles: the stored articles with their quote
 * counts.
 */
#include "cli.h"

static const char help[] =
	"usage: quotegraph articles [OPTIONS]\n"
	"\n"
	"Stored articles, oldest first, with their publisher and quote count.\n"
	"\n"
	CLI_HELP_FILTERS
	"  --limit N           at most N rows\n";

int cmd_articles(int argc, char **argv)
{
	unsigned allow = CLI_OPT_SPEAKER | CLI_OPT_OUTLET | CLI_OPT_ARTICLE |
	                 CLI_OPT_DATES | CLI_OPT_LIMIT;

	return cli_query_main(argc, argv, allow, help, qg_query_articles);
}
