/*
 * bench_ingest.c -- ingest speed: generate at least 50 MB of invented
 * articles (synth.h) and store them in a new database with FTS5 on, in
 * batches as `quotegraph ingest` does. Two runs: the whole pipeline
 * (qg_extract, then the store) and the store alone (the attributions the
 * templates placed, so the store has quotes to write whatever the
 * extractor finds). Batches end where `quotegraph ingest` ends them.
 * Prints MB/s, articles/s, quotes, file size, peak RSS.
 *
 * usage: bench_ingest [MB] [DIR]   (default 60 MB in /tmp)
 *
 * With QG_BENCH_PROFILE=1 in the environment it also prints, per SQL
 * statement, how many times it ran and its total time (SQLite's profile
 * callback: statements run by triggers and FTS5 count on their own line,
 * and the callback's own cost inflates the short ones).
 */
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "dbfile.h"
#include "synth.h"
#include "../../src/lib/store/store.h"

/* The batch limits of `quotegraph ingest` (src/cli/cmd_ingest.c): a
 * batch ends after this many articles, bytes or seconds. */
#define BATCH_ARTICLES 2000
#define BATCH_BYTES ((size_t)8 << 20)
#define BATCH_SECONDS 2.0

/* Per-statement times for QG_BENCH_PROFILE. */
#define PROFILE_MAX 128
static struct {
	char *sql; /* a copy: the statement is gone when it is printed */
	double ns;
	long runs;
} profile[PROFILE_MAX];
static int nprofile;

static int on_profile(unsigned type, void *ctx, void *stmt, void *ns)
{
	const char *sql = sqlite3_sql((sqlite3_stmt *)stmt);
	int i;

	(void)type;
	(void)ctx;
	if (!sql)
		sql = "?";
	for (i = 0; i < nprofile && strcmp(profile[i].sql, sql) != 0; i++)
		;
	if (i == nprofile && nprofile < PROFILE_MAX) {
		profile[i].sql = strdup(sql);
		nprofile += profile[i].sql != NULL;
	}
	if (i < nprofile) {
		profile[i].ns += (double)*(sqlite3_int64 *)ns;
		profile[i].runs++;
	}
	return 0;
}

/* Print the statements that took over 1% of `total` seconds; forget all. */
static void print_profile(double total)
{
	for (int i = 0; i < nprofile; i++) {
		if (profile[i].ns / 1e9 > total / 100)
			printf("  %7.0f ms %8ld runs  %.90s\n", profile[i].ns / 1e6,
			       profile[i].runs, profile[i].sql);
		free(profile[i].sql);
		profile[i].sql = NULL;
		profile[i].ns = 0;
		profile[i].runs = 0;
	}
	nprofile = 0;
}

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* CPU seconds used so far: a figure the load of a shared machine
 * disturbs less than the wall clock. */
static double cpu(void)
{
	struct rusage ru;

	getrusage(RUSAGE_SELF, &ru);
	return (double)ru.ru_utime.tv_sec + (double)ru.ru_utime.tv_usec / 1e6 +
	       (double)ru.ru_stime.tv_sec + (double)ru.ru_stime.tv_usec / 1e6;
}

/* Generation alone, to subtract it from the timed runs. */
static double generate_only(size_t target, syn_article *s, size_t *n,
                            double *gen_cpu)
{
	uint64_t rng = 42;
	size_t bytes = 0;
	double t0 = now(), c0 = cpu();

	for (*n = 0; bytes < target; (*n)++) {
		syn_make(s, &rng, (unsigned)*n);
		bytes += s->len;
	}
	*gen_cpu = cpu() - c0;
	return now() - t0;
}

/* Whether the open batch is full, as `quotegraph ingest` judges it. */
static int batch_full(size_t n, size_t bytes, double t0)
{
	return n >= BATCH_ARTICLES || bytes >= BATCH_BYTES ||
	       now() - t0 >= BATCH_SECONDS;
}

static int run(const char *path, size_t target, int pipeline, double gen,
               double gen_cpu, syn_article *s)
{
	qg_extractor *ex = NULL;
	qg_db *db = NULL;
	uint64_t rng = 42;
	size_t bytes = 0, n = 0, quotes = 0, batch_n = 0, batch_bytes = 0;
	double t0, t, c0, c, batch_t0 = 0;
	char name[32];
	struct stat st;
	int rc = 1;

	qg_test_remove_db(path);
	if (qg_extractor_new(&ex) < 0 || qg_db_open(&db, path, 0) < 0) {
		fprintf(stderr, "setup: %s\n", db ? qg_db_errmsg(db) : "memory");
		goto done;
	}
	if (getenv("QG_BENCH_PROFILE"))
		sqlite3_trace_v2(db->conn, SQLITE_TRACE_PROFILE, on_profile, NULL);
	t0 = now();
	c0 = cpu();
	for (; bytes < target; n++) {
		qg_article *a = NULL;
		qg_status st2;

		syn_make(s, &rng, (unsigned)n);
		snprintf(name, sizeof(name), "syn-%zu.txt", n);
		if (batch_n == 0 && qg_db_begin(db) < 0)
			goto done;
		if (batch_n == 0)
			batch_t0 = now();
		st2 = pipeline ? qg_extract(ex, name, s->text, s->len, NULL, &a)
		               : syn_build(s, name, &a);
		if (st2 == QG_OK)
			st2 = qg_db_add_article(db, a, NULL, NULL);
		if (st2 < 0) {
			fprintf(stderr, "%s: %s\n", name, qg_db_errmsg(db));
			qg_article_free(a);
			goto done;
		}
		quotes += qg_article_count(a);
		qg_article_free(a);
		bytes += s->len;
		batch_n++;
		batch_bytes += s->len;
		if (batch_full(batch_n, batch_bytes, batch_t0)) {
			if (qg_db_commit(db) < 0)
				goto done;
			batch_n = batch_bytes = 0;
		}
	}
	if (batch_n > 0 && qg_db_commit(db) < 0)
		goto done;
	qg_db_close(db);
	db = NULL;
	t = now() - t0 - gen;
	c = cpu() - c0 - gen_cpu;
	stat(path, &st);
	printf("%-8s %6.1f MB %6zu articles %7zu quotes | wall %6.2f s "
	       "%5.1f MB/s %6.0f art/s | cpu %6.2f s %5.1f MB/s | file "
	       "%6.1f MB\n",
	       pipeline ? "pipeline" : "store", (double)bytes / 1e6, n, quotes,
	       t, (double)bytes / 1e6 / t, (double)n / t, c,
	       (double)bytes / 1e6 / c, (double)st.st_size / 1e6);
	print_profile(t);
	rc = 0;
done:
	qg_db_close(db);
	qg_extractor_free(ex);
	return rc;
}

int main(int argc, char **argv)
{
	size_t mb = argc > 1 ? strtoul(argv[1], NULL, 10) : 60;
	const char *dir = argc > 2 ? argv[2] : "/tmp";
	syn_article *s;
	char path[512];
	struct rusage ru;
	size_t n = 0;
	double gen, gen_cpu = 0;
	int rc = 1;

	if (argc > 1 && (argv[1][0] < '0' || argv[1][0] > '9')) {
		fprintf(stderr, "usage: bench_ingest [MB [DIR]]\n");
		return 2;
	}
	s = malloc(sizeof(*s));
	if (!s || mb == 0)
		return 2;
	gen = generate_only(mb << 20, s, &n, &gen_cpu);
	printf("generated %zu articles (%zu MB) in %.2f s, not counted below\n",
	       n, mb, gen);
	snprintf(path, sizeof(path), "%s/qg_bench_ingest.db", dir);
	rc = run(path, mb << 20, 1, gen, gen_cpu, s);
	if (rc == 0)
		rc = run(path, mb << 20, 0, gen, gen_cpu, s);
	getrusage(RUSAGE_SELF, &ru);
	printf("peak RSS %.1f MB\n", (double)ru.ru_maxrss / 1024.0);
	qg_test_remove_db(path);
	free(s);
	return rc;
}
