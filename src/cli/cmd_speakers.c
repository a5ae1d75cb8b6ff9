/*
 * cmd_speakers.c -- quotegraph speakers. Not built yet: see the open issues.
 */
#include "cli.h"

int cmd_speakers(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	cli_error("'speakers' is not implemented yet");
	return CLI_USAGE;
}
