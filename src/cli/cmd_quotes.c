/*
 * cmd_quotes.c -- quotegraph quotes. Not built yet: see the open issues.
 */
#include "cli.h"

int cmd_quotes(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	cli_error("'quotes' is not implemented yet");
	return CLI_USAGE;
}
