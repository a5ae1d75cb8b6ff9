/*
 * bench_query.c -- query latency on a large database: builds one of at
 * least 100,000 invented articles (synth.h, the store alone with the
 * attributions the templates placed), or reuses the one at PATH, then
 * times who, quotes, speakers, outlets and articles (median of 7 runs
 * after one warm-up) and prints the latencies, wall and CPU (on a shared
 * machine the CPU time is the one to compare). Target: under 50 ms each.
 *
 * usage: bench_query [PATH [ARTICLES]]   (default /tmp/qg_bench_query.db)
 */
#include <stdlib.h>
#include <sys/stat.h>
#include <time.h>

#include "synth.h"
#include "../../src/lib/store/store.h"

#define RUNS 7

static double clock_s(clockid_t id)
{
	struct timespec ts;

	clock_gettime(id, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static double now(void)
{
	return clock_s(CLOCK_MONOTONIC);
}

static double cpu(void)
{
	return clock_s(CLOCK_PROCESS_CPUTIME_ID);
}

static int build(qg_db *db, size_t want)
{
	syn_article *s = malloc(sizeof(*s));
	uint64_t rng = 7;
	char name[32];
	double t0 = now();
	int rc = 0;

	for (size_t n = 0; s && rc == 0 && n < want; n++) {
		qg_article *a = NULL;

		syn_make(s, &rng, (unsigned)n);
		snprintf(name, sizeof(name), "syn-%zu.txt", n);
		if (n % 500 == 0 && qg_db_begin(db) < 0)
			rc = 1;
		if (rc == 0 && (syn_build(s, name, &a) < 0 ||
		                qg_db_add_article(db, a, NULL, NULL) < 0)) {
			fprintf(stderr, "%s: %s\n", name, qg_db_errmsg(db));
			rc = 1;
		}
		qg_article_free(a);
		if (rc == 0 && (n % 500 == 499 || n + 1 == want) &&
		    qg_db_commit(db) < 0)
			rc = 1;
		if (n % 10000 == 9999)
			fprintf(stderr, "\r%zu articles, %.0f s", n + 1, now() - t0);
	}
	fprintf(stderr, "\n");
	free(s);
	return s ? rc : 1;
}

typedef qg_status (*query_fn)(qg_db *, const qg_filter *, qg_rows **);

static qg_status who(qg_db *db, const qg_filter *f, qg_rows **out)
{
	return f->limit ? qg_query_who_filter(db, f, out)
	                : qg_query_who(db, f->text, out);
}

static int cmp(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

static void time_query(qg_db *db, const char *label, query_fn fn,
                       qg_filter f)
{
	double t[RUNS], c[RUNS];
	size_t rows = 0;

	for (int i = -1; i < RUNS; i++) {
		qg_rows *r = NULL;
		double t0 = now(), c0 = cpu();
		qg_status rc = fn(db, &f, &r);

		if (i >= 0) {
			t[i] = (now() - t0) * 1000.0;
			c[i] = (cpu() - c0) * 1000.0;
		}
		rows = qg_rows_count(r);
		qg_rows_free(r);
		if (rc < 0) {
			printf("%-44s failed: %s\n", label, qg_db_errmsg(db));
			return;
		}
	}
	qsort(t, RUNS, sizeof(t[0]), cmp);
	qsort(c, RUNS, sizeof(c[0]), cmp);
	printf("%-44s %8.2f ms wall %8.2f ms CPU  (%zu rows)%s\n", label,
	       t[RUNS / 2], c[RUNS / 2], rows,
	       t[RUNS / 2] < 50.0 ? "" : "  OVER 50 ms");
}

int main(int argc, char **argv)
{
	const char *path = argc > 1 ? argv[1] : "/tmp/qg_bench_query.db";
	size_t want = argc > 2 ? strtoul(argv[2], NULL, 10) : 100000;
	qg_db *db = NULL;
	struct stat st;
	long long have;
	int rc;

	if (argc > 3 || (argc > 1 && argv[1][0] == '-')) {
		/* "--help" is no database to build */
		fprintf(stderr, "usage: bench_query [PATH [ARTICLES]]\n");
		return 2;
	}
	if (qg_db_open(&db, path, 0) < 0) {
		fprintf(stderr, "%s\n", qg_db_errmsg(db));
		qg_db_close(db);
		return 1;
	}
	have = sqlite3_exec(db->conn, "SELECT 1", NULL, NULL, NULL);
	{
		sqlite3_stmt *s = NULL;

		sqlite3_prepare_v2(db->conn, "SELECT count(*) FROM article", -1,
		                   &s, NULL);
		have = sqlite3_step(s) == SQLITE_ROW ? sqlite3_column_int64(s, 0)
		                                     : 0;
		sqlite3_finalize(s);
	}
	rc = have >= (long long)want ? 0 : build(db, want);
	qg_db_close(db);
	if (rc != 0 || qg_db_open(&db, path, QG_DB_READONLY) < 0)
		return 1;
	stat(path, &st);
	printf("database %s: %lld+ articles, %.1f MB\n", path,
	       have > (long long)want ? have : (long long)want,
	       (double)st.st_size / 1e6);
	time_query(db, "who \"district 4711\" (rare phrase)", who,
	           (qg_filter){.text = "district 4711"});
	time_query(db, "who \"will go ahead as planned\" (common)", who,
	           (qg_filter){.text = "will go ahead as planned"});
	time_query(db, "who --limit 50 \"will go ahead as planned\"", who,
	           (qg_filter){.text = "will go ahead as planned", .limit = 50});
	time_query(db, "quotes --speaker 'Mara Okafor' --limit 50",
	           qg_query_quotes,
	           (qg_filter){.speaker = "Mara Okafor", .limit = 50});
	time_query(db, "quotes --speaker okafor --limit 50", qg_query_quotes,
	           (qg_filter){.speaker = "okafor", .limit = 50});
	time_query(db, "quotes --outlet 'Radio Kestrel' --since --limit 50",
	           qg_query_quotes,
	           (qg_filter){.outlet = "Radio Kestrel", .since = "2025-06-01",
	                       .limit = 50});
	time_query(db, "quotes --article syn-4242.txt", qg_query_quotes,
	           (qg_filter){.article = "syn-4242.txt"});
	time_query(db, "quotes --limit 50", qg_query_quotes,
	           (qg_filter){.limit = 50});
	time_query(db, "speakers --limit 50", qg_query_speakers,
	           (qg_filter){.limit = 50});
	time_query(db, "speakers --speaker okafor", qg_query_speakers,
	           (qg_filter){.speaker = "okafor"});
	time_query(db, "outlets", qg_query_outlets, (qg_filter){0});
	time_query(db, "articles --limit 50", qg_query_articles,
	           (qg_filter){.limit = 50});
	time_query(db, "articles --speaker 'Mara Okafor' --limit 50",
	           qg_query_articles,
	           (qg_filter){.speaker = "Mara Okafor", .limit = 50});
	qg_db_close(db);
	return 0;
}
