/*
 * cmd_ingest.c -- quotegraph ingest. Not built yet: see the open issues.
 */
#include "cli.h"

int cmd_ingest(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	cli_error("'ingest' is not implemented yet");
	return CLI_USAGE;
}
