/*
 * cmd_show.c -- quotegraph show. Not built yet: see the open issues.
 */
#include "cli.h"

int cmd_show(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	cli_error("'show' is not implemented yet");
	return CLI_USAGE;
}
