/*
 * cmd_who.c -- quotegraph who. Not built yet: see the open issues.
 */
#include "cli.h"

int cmd_who(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	cli_error("'who' is not implemented yet");
	return CLI_USAGE;
}
