/*
 * cli.h -- what the subcommands of the quotegraph tool share: exit codes,
 * messages, input walking and option helpers. The CLI is a client of the
 * library and includes nothing of it but quotegraph.h.
 */
#ifndef QG_CLI_H
#define QG_CLI_H

#include <stddef.h>

#include "quotegraph.h"

enum cli_exit {
	CLI_OK = 0,    /* everything went through */
	CLI_INPUT = 1, /* bad input: a file or record was refused */
	CLI_USAGE = 2, /* bad command line */
	CLI_FAIL = 3   /* the database or the system failed */
};

/* The largest article file read whole; larger ones are refused. */
#define CLI_MAX_FILE ((size_t)256 << 20)

/* "quotegraph: <message>" on stderr. */
void cli_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Called for every input file with its whole contents (not NUL-terminated).
 * Returns a cli_exit code; walking goes on after errors. */
typedef int (*cli_file_fn)(const char *path, const char *data, size_t len,
                           void *ctx);

/*
 * Call `fn` for each path: a file, "-" for standard input, or a directory
 * read recursively in name order (taking *.txt, *.text, *.md and *.jsonl).
 * Unreadable paths are reported and skipped. Returns the worst exit code.
 */
int cli_each_input(int npaths, char **paths, cli_file_fn fn, void *ctx);

/* Whether `path` names a JSON Lines file (by its ending). */
int cli_is_jsonl(const char *path);

/* Parse --format NAME against the formats a subcommand allows. */
int cli_format(const char *name, const qg_format *allowed, size_t n,
               qg_format *out);

/* Default database path: --db, else $QUOTEGRAPH_DB, else quotegraph.db. */
const char *cli_db_path(const char *opt);

/* The subcommands: argv[0] is the subcommand's name. */
int cmd_extract(int argc, char **argv);
int cmd_ingest(int argc, char **argv);
int cmd_who(int argc, char **argv);
int cmd_quotes(int argc, char **argv);
int cmd_speakers(int argc, char **argv);
int cmd_outlets(int argc, char **argv);
int cmd_articles(int argc, char **argv);
int cmd_show(int argc, char **argv);
int cmd_trace(int argc, char **argv);
int cmd_report(int argc, char **argv);

#endif
