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

/* ---- the database and query subcommands (cli_db.c) */

/* Open the database; on failure print why (naming the file) and return
 * CLI_FAIL. The caller closes *out with qg_db_close() either way. */
int cli_open_db(const char *path, unsigned flags, qg_db **out);

/* Options every query subcommand takes. */
typedef struct cli_query_opts {
	const char *db;
	qg_format format;
	qg_filter filter;
} cli_query_opts;

/* The help lines of the options every listing command takes. */
#define CLI_HELP_FILTERS                                                     \
	"  -d, --db FILE       the database (default: $QUOTEGRAPH_DB or\n"      \
	"                      quotegraph.db)\n"                                \
	"  -f, --format FMT    table (default), jsonl or csv\n"                 \
	"  --speaker NAME      said by NAME (case, accents and titles do not\n" \
	"                      matter; a surname alone matches every person\n"  \
	"                      with that surname)\n"                            \
	"  --outlet NAME       said to or through the outlet NAME\n"            \
	"  --article ID        in the article with this id, name or hash "       \
	"prefix\n"                                                              \
	"  --since DATE        on or after DATE (YYYY-MM-DD)\n"                 \
	"  --until DATE        on or before DATE\n"

/* Which filter options a subcommand accepts. */
enum {
	CLI_OPT_SPEAKER = 1,
	CLI_OPT_OUTLET = 2,
	CLI_OPT_ARTICLE = 4,
	CLI_OPT_DATES = 8,
	CLI_OPT_LIMIT = 16,
	CLI_OPT_QUOTE = 32 /* --quote ID: one quote cluster */
};

/*
 * Parse --db, --format and the filter options in `allow`; the arguments
 * left start at argv[*next]. Returns CLI_OK, CLI_USAGE, or -1 when --help
 * was printed (exit 0). `help` is the subcommand's usage text.
 */
int cli_query_opts_parse(int argc, char **argv, unsigned allow,
                         const char *help, cli_query_opts *o, int *next);

/* Print a failed query's reason; returns the exit code it deserves. */
int cli_query_failed(qg_db *db, qg_status rc);

/* Write rows in the chosen format; CLI_FAIL when writing fails. */
int cli_print_rows(const qg_rows *rows, qg_format format);

/* Open the database read-only, run `fn` with the options, print its rows:
 * the whole of a simple query subcommand. */
typedef qg_status (*cli_query_fn)(qg_db *db, const qg_filter *filter,
                                  qg_rows **out);
int cli_query_main(int argc, char **argv, unsigned allow, const char *help,
                   cli_query_fn fn);

#endif
