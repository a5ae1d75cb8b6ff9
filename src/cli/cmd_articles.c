/*
 * cmd_articles.c -- quotegraph articles. Not built yet: see the open issues.
 */
#include "cli.h"

int cmd_articles(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	cli_error("'articles' is not implemented yet");
	return CLI_USAGE;
}
