/*
 * bench_cluster.c -- what clustering costs as the corpus grows. Fills a
 * database with synthetic articles whose quotes are reused under control
 * (new quotes, exact repeats, fragments of two or three words by the same
 * speaker, variants with one word changed, reported speech), clusters each
 * article as the store does (qg__cluster_article), and prints the
 * clustering time per 10,000 articles (CPU time of the thread, so that
 * other load on the machine does not blur it), which must stay about flat
 * (linear total), and the peak resident memory.
 *
 * usage: bench_cluster [ARTICLES [DB-PATH [CACHE-MB]]]
 *        (default 100000 articles, a temporary file, SQLite's own cache
 *        size; a larger cache shows the cost without page cache misses)
 *
 * The articles and occurrences are inserted with plain SQL, so that only
 * clustering is timed; every word and name is made up.
 */
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>
#include <unistd.h>

#include "dbfile.h"
#include "../../src/lib/cluster/cluster.h"

#define QUOTES_PER_ARTICLE 3
#define SPEAKERS 5000
#define STEP 10000

static uint64_t rng = 0x9e3779b97f4a7c15ULL;

static uint64_t next(void)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return rng;
}

static size_t pick(size_t n)
{
	return (size_t)(next() % n);
}

static const char *const syllables[] = {
	"ka", "lo", "mer", "tis", "van", "dru", "pel", "sor",
	"ni", "bak", "hum", "ter", "qua", "zen", "fol", "rim",
};
static const char *const common[] = {
	"the", "we", "will", "not", "and", "a", "to", "of", "is", "that",
	"this", "our",
};

/* A made-up word: three syllables, or a common word 30% of the time. */
static void add_word(char *out, size_t cap, size_t *len)
{
	int n;

	if (pick(10) < 3)
		n = snprintf(out + *len, cap - *len, "%s%s", *len ? " " : "",
		             common[pick(QG_ARRAY_LEN(common))]);
	else
		n = snprintf(out + *len, cap - *len, "%s%s%s%s", *len ? " " : "",
		             syllables[pick(16)], syllables[pick(16)],
		             syllables[pick(16)]);
	if (n > 0 && (size_t)n < cap - *len)
		*len += (size_t)n;
}

typedef struct pool {
	char **text;
	int *speaker;
	size_t n, cap;
} pool;

static void pool_add(pool *p, const char *s, int speaker)
{
	if (p->n == p->cap) {
		p->cap = p->cap ? p->cap * 2 : 1024;
		p->text = realloc(p->text, p->cap * sizeof(*p->text));
		p->speaker = realloc(p->speaker, p->cap * sizeof(*p->speaker));
		if (!p->text || !p->speaker)
			abort();
	}
	p->text[p->n] = strdup(s);
	p->speaker[p->n++] = speaker;
}

/* Split a copy of s at spaces into w[] (at most 64 words). */
static size_t split(char *copy, size_t cap, const char *s, char *w[64])
{
	size_t n = 0;
	char *p = copy;

	snprintf(copy, cap, "%s", s);
	while (*p && n < 64) {
		w[n++] = p;
		p = strchr(p, ' ');
		if (!p)
			break;
		*p++ = '\0';
	}
	return n;
}

/* Words [from, to) of w joined by spaces, and `extra` in place of word
 * `swap` (when swap < to). */
static void join(char *out, size_t cap, char *w[64], size_t from, size_t to,
                 size_t swap, const char *extra)
{
	size_t len = 0;

	out[0] = '\0';
	for (size_t i = from; i < to; i++) {
		int n = snprintf(out + len, cap - len, "%s%s", len ? " " : "",
		                 i == swap ? extra : w[i]);

		if (n > 0 && (size_t)n < cap - len)
			len += (size_t)n;
	}
}

/* A variant: one word of `s` replaced by a new one. */
static void variant(char *out, size_t cap, const char *s)
{
	char copy[512], word[64];
	char *w[64];
	size_t n = split(copy, sizeof(copy), s, w), len = 0;

	add_word(word, sizeof(word), &len);
	join(out, cap, w, 0, n, pick(n), word);
}

/* Two or three words from inside `s`. */
static void fragment(char *out, size_t cap, const char *s)
{
	char copy[512];
	char *w[64];
	size_t n = split(copy, sizeof(copy), s, w), k = 2 + pick(2);
	size_t from = n > k ? pick(n - k) : 0;

	join(out, cap, w, from, from + k < n ? from + k : n, (size_t)-1, NULL);
}

typedef struct bench {
	qg_db *db;
	sqlite3_stmt *art, *occ;
	pool quotes;
	double cluster_s;
	long long misses, spills; /* page cache, inside clustering */
	size_t kinds[5];
} bench;

static const char *make_quote(bench *b, char *buf, size_t cap, int *speaker,
                              const char **kind)
{
	size_t r = pick(100), len = 0;
	pool *p = &b->quotes;

	*kind = "direct";
	if (p->n == 0 || r < 40) { /* a new quote */
		size_t words = 8 + pick(13);

		*speaker = (int)pick(SPEAKERS) + 1;
		for (size_t i = 0; i < words; i++)
			add_word(buf, cap, &len);
		pool_add(p, buf, *speaker);
		b->kinds[0]++;
		return buf;
	}
	r -= 40;
	{
		size_t i = pick(p->n);

		*speaker = p->speaker[i];
		if (r < 25) { /* exact repeat, another article's speaker 1 in 10 */
			snprintf(buf, cap, "%s", p->text[i]);
			if (pick(10) == 0)
				*speaker = (int)pick(SPEAKERS) + 1;
			b->kinds[1]++;
		} else if (r < 40) {
			variant(buf, cap, p->text[i]);
			b->kinds[2]++;
		} else if (r < 50) {
			fragment(buf, cap, p->text[i]);
			*kind = "partial";
			b->kinds[3]++;
		} else {
			variant(buf, cap, p->text[i]);
			*kind = "indirect";
			b->kinds[4]++;
		}
	}
	return buf;
}

static void check(int ok, const char *what, qg_db *db)
{
	if (!ok) {
		fprintf(stderr, "bench_cluster: %s: %s\n", what,
		        sqlite3_errmsg(db->conn));
		exit(1);
	}
}

/* A page cache counter of the connection (since it opened). */
static long long cache_stat(qg_db *db, int op)
{
	int cur = 0, hi = 0;

	sqlite3_db_status(db->conn, op, &cur, &hi, 0);
	return cur;
}

static void add_article(bench *b, size_t n)
{
	char hash[32], text[512];
	struct timespec t0, t1;
	int64_t id;
	qg_status rc;

	snprintf(hash, sizeof(hash), "synthetic-%zu", n);
	sqlite3_bind_text(b->art, 1, hash, -1, SQLITE_TRANSIENT);
	check(sqlite3_step(b->art) == SQLITE_DONE, "article", b->db);
	sqlite3_reset(b->art);
	id = sqlite3_last_insert_rowid(b->db->conn);
	for (int q = 0; q < QUOTES_PER_ARTICLE; q++) {
		int speaker;
		const char *kind;

		text[0] = '\0';
		make_quote(b, text, sizeof(text), &speaker, &kind);
		sqlite3_bind_int64(b->occ, 1, id);
		sqlite3_bind_text(b->occ, 2, kind, -1, SQLITE_STATIC);
		sqlite3_bind_text(b->occ, 3, text, -1, SQLITE_TRANSIENT);
		sqlite3_bind_int(b->occ, 4, q * 600);
		sqlite3_bind_int(b->occ, 5, q * 600 + 500);
		sqlite3_bind_int(b->occ, 6, speaker);
		check(sqlite3_step(b->occ) == SQLITE_DONE, "occurrence", b->db);
		sqlite3_reset(b->occ);
	}
	clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t0);
	b->misses -= cache_stat(b->db, SQLITE_DBSTATUS_CACHE_MISS);
	b->spills -= cache_stat(b->db, SQLITE_DBSTATUS_CACHE_SPILL);
	rc = qg__cluster_article(b->db, id);
	b->misses += cache_stat(b->db, SQLITE_DBSTATUS_CACHE_MISS);
	b->spills += cache_stat(b->db, SQLITE_DBSTATUS_CACHE_SPILL);
	clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t1);
	if (rc < 0) {
		fprintf(stderr, "bench_cluster: %s\n", qg_db_errmsg(b->db));
		exit(1);
	}
	b->cluster_s += (double)(t1.tv_sec - t0.tv_sec) +
	                (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
}

static void prepare(bench *b)
{
	sqlite3_stmt *st;

	check(sqlite3_prepare_v2(b->db->conn,
	                         "INSERT INTO entity (type, name, key) "
	                         "VALUES ('person', ?1, ?1)",
	                         -1, &st, NULL) == SQLITE_OK,
	      "prepare", b->db);
	qg_db_begin(b->db);
	for (int i = 1; i <= SPEAKERS; i++) {
		char name[32];

		snprintf(name, sizeof(name), "speaker %d", i);
		sqlite3_bind_text(st, 1, name, -1, SQLITE_TRANSIENT);
		check(sqlite3_step(st) == SQLITE_DONE, "entity", b->db);
		sqlite3_reset(st);
	}
	qg_db_commit(b->db);
	sqlite3_finalize(st);
	check(sqlite3_prepare_v2(b->db->conn,
	                         "INSERT INTO article (hash, name, date, text) "
	                         "VALUES (?1, ?1, '2025-01-01', 'synthetic')",
	                         -1, &b->art, NULL) == SQLITE_OK,
	      "prepare", b->db);
	check(sqlite3_prepare_v2(b->db->conn,
	                         "INSERT INTO occurrence (article_id, kind, "
	                         "text, norm, start, end, speaker_id) VALUES "
	                         "(?1, ?2, ?3, '', ?4, ?5, ?6)",
	                         -1, &b->occ, NULL) == SQLITE_OK,
	      "prepare", b->db);
}

static void report(bench *b, size_t done, double step_s, double wall0)
{
	struct rusage ru;
	struct timespec now;

	getrusage(RUSAGE_SELF, &ru);
	clock_gettime(CLOCK_MONOTONIC, &now);
	printf("%8zu articles  %8lld new quotes  cluster %7.3f s per 10k  "
	       "(%.1f us/occurrence, %.2f page misses, %.2f spills)  "
	       "total %7.2f s  wall %7.1f s  peak RSS %ld MB\n",
	       done,
	       (long long)b->quotes.n, step_s,
	       step_s * 1e6 / (STEP * QUOTES_PER_ARTICLE),
	       (double)b->misses / (STEP * QUOTES_PER_ARTICLE),
	       (double)b->spills / (STEP * QUOTES_PER_ARTICLE), b->cluster_s,
	       (double)now.tv_sec + (double)now.tv_nsec / 1e9 - wall0,
	       ru.ru_maxrss / 1024);
	fflush(stdout);
	b->misses = b->spills = 0;
}

static long long count(bench *b, const char *sql)
{
	sqlite3_stmt *st = NULL;
	long long v = -1;

	if (sqlite3_prepare_v2(b->db->conn, sql, -1, &st, NULL) == SQLITE_OK &&
	    sqlite3_step(st) == SQLITE_ROW)
		v = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return v;
}

int main(int argc, char **argv)
{
	size_t articles = argc > 1 ? strtoull(argv[1], NULL, 10) : 100000;
	char path[64] = "/tmp/qg_bench_cluster_XXXXXX";
	const char *file = argc > 2 && *argv[2] ? argv[2] : NULL;
	bench b;
	double last = 0, wall0;
	struct timespec t;
	int fd;

	if (argc > 1 && (argv[1][0] < '0' || argv[1][0] > '9')) {
		fprintf(stderr, "usage: bench_cluster [ARTICLES [DBFILE]]\n");
		return 2;
	}

	memset(&b, 0, sizeof(b));
	if (!file) {
		fd = mkstemp(path);
		if (fd < 0)
			return 1;
		close(fd);
		unlink(path);
		file = path;
	}
	if (qg_db_open(&b.db, file, 0) != QG_OK) {
		fprintf(stderr, "bench_cluster: %s\n", qg_db_errmsg(b.db));
		return 1;
	}
	if (argc > 3) {
		char pragma[64];

		snprintf(pragma, sizeof(pragma), "PRAGMA cache_size = -%llu",
		         strtoull(argv[3], NULL, 10) * 1024);
		check(qg__db_exec(b.db, pragma) == QG_OK, "cache size", b.db);
	}
	if (getenv("QG_BENCH_MMAP"))
		check(qg__db_exec(b.db, "PRAGMA mmap_size = 1073741824") == QG_OK,
		      "mmap", b.db);
	prepare(&b);
	clock_gettime(CLOCK_MONOTONIC, &t);
	wall0 = (double)t.tv_sec + (double)t.tv_nsec / 1e9;
	qg_db_begin(b.db);
	for (size_t n = 1; n <= articles; n++) {
		add_article(&b, n);
		if (n % 1000 == 0) {
			qg_db_commit(b.db);
			qg_db_begin(b.db);
		}
		if (n % STEP == 0) {
			report(&b, n, b.cluster_s - last, wall0);
			last = b.cluster_s;
		}
	}
	qg_db_commit(b.db);
	printf("occurrences: %zu new, %zu exact repeats, %zu variants, "
	       "%zu fragments, %zu reported; quotes stored: %lld; "
	       "clustering %.1f s in all\n",
	       b.kinds[0], b.kinds[1], b.kinds[2], b.kinds[3], b.kinds[4],
	       count(&b, "SELECT count(*) FROM quote"), b.cluster_s);
	printf("relations: %lld exact, %lld fragment, %lld variant\n",
	       count(&b, "SELECT count(*) FROM quote_member "
	                 "WHERE relation = 'exact'"),
	       count(&b, "SELECT count(*) FROM quote_member "
	                 "WHERE relation = 'fragment'"),
	       count(&b, "SELECT count(*) FROM quote_member "
	                 "WHERE relation = 'variant'"));
	sqlite3_finalize(b.art);
	sqlite3_finalize(b.occ);
	qg_db_close(b.db);
	for (size_t i = 0; i < b.quotes.n; i++)
		free(b.quotes.text[i]);
	free(b.quotes.text);
	free(b.quotes.speaker);
	if (file == path)
		qg_test_remove_db(path);
	return 0;
}
