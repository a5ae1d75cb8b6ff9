/*
 * cmd_ingest.c -- quotegraph ingest: extract the quotes of articles (text
 * files, directories, JSON Lines records) and store them in the database.
 * Articles are committed in batches for speed, each still whole or not at
 * all; a killed ingest leaves only whole articles and a rerun completes it.
 */
#include <getopt.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cli.h"

/* A batch ends after this many articles, bytes or seconds, whichever comes
 * first: long enough for speed, short enough that a second ingest into the
 * same file waits little for the write lock (well within its 10 s busy
 * timeout). Each commit writes every page its batch touched, and the
 * batch's index rows (quote words and hashes, speakers' and days' lists
 * of quotes) land all over their indexes: at 50 MB of articles a commit of
 * 500 articles wrote about 48 MB, four times what one of 2000 writes per
 * article (bench_ingest mirrors these limits). */
#define BATCH_ARTICLES 2000
#define BATCH_BYTES ((size_t)8 << 20)
#define BATCH_SECONDS 2.0

typedef struct ingest_ctx {
	qg_db *db;
	const char *dbpath; /* named in the database's failures */
	qg_extractor *ex;
	int in_batch, fatal, progress;
	size_t batch_n, batch_bytes;
	double batch_t0, t0, shown;
	size_t articles, added, quotes, refused, bytes;
} ingest_ctx;

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static const char *base_name(const char *path)
{
	const char *slash = strrchr(path, '/');

	return slash ? slash + 1 : path;
}

static void show_progress(ingest_ctx *c, int force)
{
	double t = now(), mb = (double)c->bytes / 1e6;

	if (!c->progress || (!force && t - c->shown < 0.2))
		return;
	c->shown = t;
	fprintf(stderr, "\r%zu articles, %.1f MB/s, %zu quotes   ", c->articles,
	        t > c->t0 ? mb / (t - c->t0) : 0.0, c->quotes);
}

static int end_batch(ingest_ctx *c)
{
	qg_status rc = QG_OK;

	if (c->in_batch)
		rc = qg_db_commit(c->db);
	c->in_batch = 0;
	if (rc < 0) {
		cli_error("%s: %s", c->dbpath, qg_db_errmsg(c->db));
		qg_db_rollback(c->db);
		c->fatal = 1;
		return CLI_FAIL;
	}
	return CLI_OK;
}

static int start_batch(ingest_ctx *c)
{
	if (c->in_batch)
		return CLI_OK;
	if (qg_db_begin(c->db) < 0) {
		cli_error("%s: %s", c->dbpath, qg_db_errmsg(c->db));
		c->fatal = 1;
		return CLI_FAIL;
	}
	c->in_batch = 1;
	c->batch_n = c->batch_bytes = 0;
	c->batch_t0 = now();
	return CLI_OK;
}

/* Store one extracted article inside the current batch. */
static int store(ingest_ctx *c, const char *where, qg_article *a, size_t len,
                 const qg_article_meta *meta)
{
	int is_new = 0, rc = start_batch(c);
	qg_status st = rc == CLI_OK ? qg_db_add_article_meta(c->db, a, meta,
	                                                     NULL, &is_new)
	                            : QG_ERR_DB;

	if (rc != CLI_OK)
		return rc;
	if (st == QG_ERR_INPUT) {
		cli_error("%s: %s", where, qg_db_errmsg(c->db));
		c->refused++;
		return CLI_INPUT;
	}
	if (st < 0) {
		cli_error("%s: %s (storing %s)", c->dbpath, qg_db_errmsg(c->db),
		          where);
		c->fatal = 1;
		return CLI_FAIL;
	}
	c->articles++;
	c->added += is_new != 0;
	c->quotes += is_new ? qg_article_count(a) : 0;
	c->bytes += len;
	c->batch_n++;
	c->batch_bytes += len;
	if (c->batch_n >= BATCH_ARTICLES || c->batch_bytes >= BATCH_BYTES ||
	    now() - c->batch_t0 >= BATCH_SECONDS)
		rc = end_batch(c);
	show_progress(c, 0);
	return rc;
}

/* Extract and store one article; `where` names it in messages. */
static int one_article(ingest_ctx *c, const char *where, const char *name,
                       const char *text, size_t len,
                       const qg_article_meta *meta)
{
	qg_article *a = NULL;
	qg_status st = qg_extract(c->ex, name, text, len, meta, &a);
	int rc;

	if (st == QG_ERR_INPUT) {
		cli_error("%s: byte %zu: %s", where, qg_extractor_erroffset(c->ex),
		          qg_extractor_errmsg(c->ex));
		c->refused++;
		return CLI_INPUT;
	}
	if (st < 0) {
		cli_error("%s: %s", where, qg_status_str(st));
		c->fatal = 1;
		return CLI_FAIL;
	}
	rc = store(c, where, a, len, meta);
	qg_article_free(a);
	return rc;
}

/* One JSON Lines record, at `line` of `path`. */
static int one_record(ingest_ctx *c, const char *path, size_t line,
                      const char *s, size_t len)
{
	qg_record *rec = NULL;
	qg_status st = qg_record_parse(&rec, s, len);
	char where[4096], name[4096];
	const qg_article_meta *meta;
	const char *text;
	size_t tlen = 0;
	int rc;

	snprintf(where, sizeof(where), "%s:%zu", path, line);
	if (st < 0) {
		cli_error("%s: %s", where, qg_record_errmsg(rec));
		qg_record_free(rec);
		c->refused++;
		return st == QG_ERR_NOMEM ? CLI_FAIL : CLI_INPUT;
	}
	meta = qg_record_meta(rec);
	text = qg_record_text(rec, &tlen);
	snprintf(name, sizeof(name), "%s:%zu", base_name(path), line);
	rc = one_article(c, where, meta->id ? meta->id : name, text, tlen,
	                 meta);
	qg_record_free(rec);
	return rc;
}

static int each_record(ingest_ctx *c, const char *path, const char *data,
                       size_t len)
{
	size_t line = 0, i = 0;
	int rc = CLI_OK, r;

	while (i < len && !c->fatal) {
		const char *nl = memchr(data + i, '\n', len - i);
		size_t end = nl ? (size_t)(nl - data) : len, j = i;

		line++;
		while (j < end && (data[j] == ' ' || data[j] == '\t' ||
		                   data[j] == '\r'))
			j++;
		if (j < end) {
			r = one_record(c, path, line, data + i, end - i);
			rc = r > rc ? r : rc;
		}
		i = end + 1;
	}
	return rc;
}

static int ingest_file(const char *path, const char *data, size_t len,
                       void *vctx)
{
	ingest_ctx *c = vctx;
	size_t j = 0;

	if (c->fatal)
		return CLI_FAIL;
	while (j < len && (data[j] == ' ' || data[j] == '\n' || data[j] == '\t'))
		j++;
	/* standard input holds records when it starts as one */
	if (cli_is_jsonl(path) || (!strcmp(path, "-") && j < len &&
	                           data[j] == '{'))
		return each_record(c, path, data, len);
	return one_article(c, path, base_name(path), data, len, NULL);
}

static void summary(const ingest_ctx *c)
{
	double t = now() - c->t0, mb = (double)c->bytes / 1e6;

	if (c->progress)
		fputc('\n', stderr);
	fprintf(stderr,
	        "quotegraph: %zu articles (%zu new, %zu already stored), "
	        "%zu quotes stored, %zu refused; %.1f MB in %.2f s "
	        "(%.1f MB/s)\n",
	        c->articles, c->added, c->articles - c->added, c->quotes,
	        c->refused, mb, t, t > 0 ? mb / t : 0.0);
}

static void usage(FILE *fp)
{
	fprintf(fp,
	        "usage: quotegraph ingest [--db FILE] [--quiet] PATH... | -\n"
	        "\n"
	        "Find the quotes of articles and store them with their speakers,\n"
	        "cues and outlets. PATH is a text file, a directory (read\n"
	        "recursively: *.txt, *.text, *.md, *.jsonl), a JSON Lines file of\n"
	        "records {\"id\", \"url\", \"title\", \"date\", \"outlet\", "
	        "\"byline\",\n"
	        "\"text\"}, or - for standard input (text, or records). Each\n"
	        "article is stored whole or not at all; one already stored is\n"
	        "left as it is.\n"
	        "\n"
	        "  -d, --db FILE   the database (default: $QUOTEGRAPH_DB or\n"
	        "                  quotegraph.db); made when missing\n"
	        "  -q, --quiet     no progress and no summary\n"
	        "  -h, --help      this help\n"
	        "\n"
	        "Exit status: 0 all stored, 1 an input was refused (the others\n"
	        "are stored), 2 usage, 3 the database failed.\n");
}

int cmd_ingest(int argc, char **argv)
{
	static const struct option opts[] = {
		{"db", required_argument, NULL, 'd'},
		{"quiet", no_argument, NULL, 'q'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	ingest_ctx c;
	const char *dbpath = NULL;
	int opt, quiet = 0, rc, r;

	memset(&c, 0, sizeof(c));
	optind = 1;
	for (opt = getopt_long(argc, argv, "d:qh", opts, NULL); opt != -1;
	     opt = getopt_long(argc, argv, "d:qh", opts, NULL)) {
		if (opt == 'd') {
			dbpath = optarg;
		} else if (opt == 'q') {
			quiet = 1;
		} else if (opt == 'h') {
			usage(stdout);
			return CLI_OK;
		} else {
			usage(stderr);
			return CLI_USAGE;
		}
	}
	if (optind >= argc) {
		usage(stderr);
		return CLI_USAGE;
	}
	c.dbpath = cli_db_path(dbpath);
	rc = cli_open_db(c.dbpath, 0, &c.db);
	if (rc == CLI_OK && qg_extractor_new(&c.ex) < 0) {
		cli_error("cannot set up the extractor: out of memory");
		rc = CLI_FAIL;
	}
	if (rc == CLI_OK) {
		c.progress = !quiet && isatty(STDERR_FILENO);
		c.t0 = now();
		rc = cli_each_input(argc - optind, argv + optind, ingest_file, &c);
		r = end_batch(&c);
		rc = r > rc ? r : rc;
		if (c.fatal)
			rc = CLI_FAIL;
		if (!quiet)
			summary(&c);
	}
	qg_extractor_free(c.ex);
	qg_db_close(c.db);
	return rc;
}
