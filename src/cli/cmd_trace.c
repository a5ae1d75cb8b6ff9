/*
 * cmd_trace.c -- quotegraph trace. Not built yet: see the open issues.
 */
#include "cli.h"

int cmd_trace(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	cli_error("'trace' is not implemented yet");
	return CLI_USAGE;
}
