/*
 * cmd_report.c -- quotegraph report. Not built yet: see the open issues.
 */
#include "cli.h"

int cmd_report(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	cli_error("'report' is not implemented yet");
	return CLI_USAGE;
}
