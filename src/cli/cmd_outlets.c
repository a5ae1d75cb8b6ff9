/*
 * cmd_outlets.c -- quotegraph outlets. Not built yet: see the open issues.
 */
#include "cli.h"

int cmd_outlets(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	cli_error("'outlets' is not implemented yet");
	return CLI_USAGE;
}
