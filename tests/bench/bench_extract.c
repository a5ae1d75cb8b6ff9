/*
 * bench_extract.c -- how fast the extractor reads articles, and whether its
 * memory stays flat as the corpus grows. Built by Meson, never run as a
 * test (figures depend on the machine).
 *
 *   bench_extract [--mb N] [--dir PATH] [--seed S] [--keep]
 *
 * Writes at least N MB (default 64) of synthetic articles in many files
 * under a temporary directory (or PATH: files already there are reused, a
 * missing or empty PATH is filled), then extracts them all through the
 * public API with one extractor in one process, and prints MB/s, articles/s,
 * quotes found against quotes written, and resident memory after 10%, 50%
 * and 100% of the corpus with the peak (getrusage ru_maxrss).
 *
 * The articles are made from templates with invented names, titles, outlets
 * and reporting verbs, every kind of quote mark (straight, curly, single,
 * guillemets, low-9), apostrophes, quotes over two paragraphs, scare quotes,
 * boilerplate lines and now and then an unbalanced mark, with filler
 * paragraphs between; a seeded generator makes the same corpus every run.
 * All names and words are invented here; none come from real articles.
 */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "quotegraph.h"

#define FILES_PER_DIR 500

/* ------------------------------------------------------------ randomness */

static unsigned long long rng_state = 0x9E3779B97F4A7C15ull;

static unsigned long long rng_next(void)
{
	rng_state ^= rng_state >> 12;
	rng_state ^= rng_state << 25;
	rng_state ^= rng_state >> 27;
	return rng_state * 0x2545F4914F6CDD1Dull;
}

static size_t rng_below(size_t n)
{
	return (size_t)(rng_next() % n);
}

#define PICK(list) ((list)[rng_below(sizeof(list) / sizeof((list)[0]))])

/* ------------------------------------------------------------- word lists */

static const char *const firsts[] = {
	"Mara", "Tobias", "Ilse", "Kofi", "Lena", "Ravi", "Odile", "Sven",
	"Amara", "Bertil", "Carys", "Dmitra", "Eamon", "Farida", "Gideon",
	"Halla", "Ines", "Jory", "Katell", "Lucan", "Maelle", "Nuno", "Orla",
	"Piet", "Quilla", "Rosalind", "Soren", "Talia", "Ulrike", "Viggo",
};
static const char *const lasts[] = {
	"Okafor", "Brandvold", "Quist", "Mensah", "Varga", "Iyer", "Lund",
	"O'Brien", "Achterberg", "Kettering", "Dufresnoy", "Haas-Lemaire",
	"McAteer", "Restrepo", "Solberg", "Halloran", "Arroyo-Lind", "Tilly",
	"Wainwright", "Okonkwo-Ruiz", "Kergoat", "Nandakumar", "Fenwick",
	"Marsh", "Qualtrough", "Ashby", "Lindqvist", "Vance", "Petit", "Rask",
};
static const char *const titles[] = {
	"Finance Minister", "Deputy Mayor", "Senator", "Councillor",
	"Harbour Master", "Union leader", "Police Commissioner", "Chief Executive",
	"Health Secretary", "Professor", "Dr", "Coach", "Bishop", "Judge",
};
static const char *const roles[] = {
	"the minister", "the mayor", "the senator", "the chair",
	"the spokeswoman", "the spokesman", "the coach", "the director",
};
static const char *const outlets[] = {
	"the Alder Gazette", "Radio Kestrel", "the Daily Courant",
	"Channel 9 News", "the Eastbrook Herald", "Harbour Watch",
	"Radio Valmont", "the Brackwater Bugle", "the Caldermoor Courier",
	"Nordwire", "the Morning Lantern", "Skerra FM", "the Weekly Ledger",
};
static const char *const orgs[] = {
	"the Harbour Workers Union", "the Caldermoor Water Board",
	"the Verdant Party", "the United Mineworkers Federation",
	"the regional transport ministry", "Fair Taps", "the port authority",
};
static const char *const verbs[] = {
	"said", "told reporters", "added", "insisted", "warned", "explained",
	"argued", "stressed", "noted", "declared", "claimed", "remarked",
	"admitted", "recalled", "conceded", "replied", "countered", "wrote",
};
static const char *const places[] = {
	"aboard a ferry", "at a rally in Eastbrook", "outside the town hall",
	"at the harbour gates", "during a visit to Skerra",
	"at a press conference in Valmont", "on the steps of the court",
};
static const char *const days[] = {"Monday", "Tuesday", "Wednesday",
                                   "Thursday", "Friday", "Saturday",
                                   "Sunday", "last week", "last night"};
static const char *const nouns[] = {
	"budget", "ferry", "bridge", "levy", "harbour", "strike", "tram line",
	"festival", "water bill", "mine", "council", "election", "pier", "school",
	"hospital", "timetable", "contract", "report", "inquiry", "vote",
};
static const char *const adjs[] = {
	"new", "late", "costly", "long-awaited", "disputed", "quiet", "urgent",
	"regional", "local", "delayed", "modest", "bold", "rock 'n' roll",
};
static const char *const doings[] = {
	"reviewed", "delayed", "approved", "questioned", "defended", "opposed",
	"debated", "postponed", "welcomed", "criticised", "funded", "rejected",
};
static const char *const speech[] = {
	"We will not give up on this", "Nobody asked the people who live here",
	"It's too early to say what happens next", "I don't accept that at all",
	"The numbers simply do not add up", "We've been here since the '90s",
	"This is the right thing to do", "Everyone deserves a fair hearing",
	"They can't keep putting it off", "Our door remains open",
	"The work will be finished by the spring", "I'd ask everyone to be patient",
};

/* open and close marks, every style a newsroom uses */
static const char *const marks[][2] = {
	{"\"", "\""},
	{"\xE2\x80\x9C", "\xE2\x80\x9D"},
	{"\xE2\x80\x98", "\xE2\x80\x99"},
	{"\xC2\xAB ", " \xC2\xBB"},
	{"\xE2\x80\x9E", "\xE2\x80\x9C"},
	{"'", "'"},
};

/* ------------------------------------------------------------- generator */

typedef struct gen {
	FILE *fp;
	size_t quotes; /* quoted spans written */
	const char *full[3], *last[3], *title[3];
	size_t people;
} gen;

static void filler_sentence(FILE *fp)
{
	fprintf(fp, "The %s %s was %s by %s on %s, %zu weeks after it began. ",
	        PICK(adjs), PICK(nouns), PICK(doings), PICK(orgs), PICK(days),
	        2 + rng_below(40));
}

static void filler_paragraph(FILE *fp)
{
	size_t n = 2 + rng_below(4);

	for (size_t i = 0; i < n; i++)
		filler_sentence(fp);
	fputs("\n\n", fp);
}

/* a quote of one to three clauses from the speech list */
static void speech_text(FILE *fp)
{
	size_t n = 1 + rng_below(3);

	for (size_t i = 0; i < n; i++)
		fprintf(fp, "%s%s", i ? ". " : "", PICK(speech));
}

static void quote_paragraph(gen *g, size_t who)
{
	const char *const *m = marks[rng_below(6)];
	const char *last = g->last[who];

	g->quotes++;
	switch (rng_below(10)) {
	case 0:
		fprintf(g->fp, "%s", m[0]);
		speech_text(g->fp);
		fprintf(g->fp, ",%s said %s %s.", m[1], g->title[who], g->full[who]);
		break;
	case 1:
		fprintf(g->fp, "%s told %s on %s: %s", g->full[who], PICK(outlets),
		        PICK(days), m[0]);
		speech_text(g->fp);
		fprintf(g->fp, ".%s", m[1]);
		break;
	case 2:
		fprintf(g->fp, "%s described the %s as %s%s %s%s.", last,
		        PICK(nouns), m[0], PICK(adjs), PICK(nouns), m[1]);
		break;
	case 3:
		fprintf(g->fp, "%s", m[0]);
		speech_text(g->fp);
		fprintf(g->fp, ",%s %s %s. %s", m[1], rng_below(2) ? "he" : "she",
		        PICK(verbs), m[0]);
		speech_text(g->fp);
		fprintf(g->fp, ".%s", m[1]);
		g->quotes++;
		break;
	case 4:
		fprintf(g->fp, "Speaking %s, %s %s: %s", PICK(places), last,
		        PICK(verbs), m[0]);
		speech_text(g->fp);
		fprintf(g->fp, "%s", m[1]);
		break;
	case 5: /* over two paragraphs: the mark opens again, closes once */
		fprintf(g->fp, "%s", m[0]);
		speech_text(g->fp);
		fprintf(g->fp, ".\n\n%s", m[0]);
		speech_text(g->fp);
		fprintf(g->fp, ",%s %s said in an interview with %s.", m[1], last,
		        PICK(outlets));
		break;
	case 6:
		fprintf(g->fp, "According to %s, the %s will be %s by %s. ",
		        PICK(orgs), PICK(nouns), PICK(doings), PICK(days));
		fprintf(g->fp, "%s %s that the %s had been %s.", last, PICK(verbs),
		        PICK(nouns), PICK(doings));
		g->quotes--; /* indirect speech only */
		break;
	case 7:
		fprintf(g->fp, "%s", m[0]);
		speech_text(g->fp);
		fprintf(g->fp, ",%s %s %s, %s.", m[1], PICK(roles), PICK(verbs),
		        PICK(places));
		break;
	case 8: /* scare quotes: nobody's speech */
		fprintf(g->fp, "Critics of the so-called %s%s %s%s say little "
		               "has changed.",
		        m[0], PICK(adjs), PICK(nouns), m[1]);
		g->quotes--;
		break;
	default:
		fprintf(g->fp, "%s %s %s: %s", g->title[who], g->full[who],
		        PICK(verbs), m[0]);
		speech_text(g->fp);
		fprintf(g->fp, ".%s", m[1]);
	}
	fputs("\n\n", g->fp);
}

static void header(gen *g, size_t n)
{
	if (rng_below(4) == 0) {
		fprintf(g->fp, "'%s' says %s as %s row grows\n", PICK(speech),
		        g->last[0], PICK(nouns));
		g->quotes++;
	} else {
		fprintf(g->fp, "%s %s row: %s %s the %s\n", PICK(adjs), PICK(nouns),
		        g->last[0], PICK(doings), PICK(nouns));
	}
	fprintf(g->fp, "By %s %s\n%zu %s 2024\n\n", PICK(firsts), PICK(lasts),
	        1 + n % 28, rng_below(2) ? "March" : "October");
	fprintf(g->fp, "PORT ALDER (Nordwire) - ");
}

/* One article of about `target` bytes. */
static void article(gen *g, size_t n, long target)
{
	static char names[3][64];

	g->people = 1 + rng_below(3);
	for (size_t i = 0; i < g->people; i++) {
		const char *last = PICK(lasts);

		snprintf(names[i], sizeof(names[i]), "%s %s", PICK(firsts), last);
		g->full[i] = names[i];
		g->last[i] = last;
		g->title[i] = PICK(titles);
	}
	header(g, n);
	filler_paragraph(g->fp);
	while (ftell(g->fp) < target) {
		size_t r = rng_below(12);

		if (r < 6)
			quote_paragraph(g, rng_below(g->people));
		else if (r == 6)
			fputs(rng_below(2) ? "Share this article\n\n"
			                   : "ALSO READ: Ferry fares to rise again\n\n",
			      g->fp);
		else if (r == 7 && rng_below(20) == 0)
			fprintf(g->fp, "The mayor called it %sunfair and left.\n\n",
			        marks[rng_below(6)][0]); /* never closed */
		else
			filler_paragraph(g->fp);
	}
}

/* Write articles into dir/dNNN/aNNNNNN.txt until `bytes` are written. */
static int generate(const char *dir, size_t bytes, size_t *files,
                    size_t *quotes)
{
	gen g = {NULL, 0, {NULL}, {NULL}, {NULL}, 0};
	char path[4096];
	size_t written = 0, n = 0;
	int rc = 0;

	while (rc == 0 && written < bytes) {
		if (n % FILES_PER_DIR == 0) {
			snprintf(path, sizeof(path), "%s/d%03zu", dir, n / FILES_PER_DIR);
			if (mkdir(path, 0700) != 0 && errno != EEXIST)
				rc = -1;
		}
		snprintf(path, sizeof(path), "%s/d%03zu/a%06zu.txt", dir,
		         n / FILES_PER_DIR, n);
		g.fp = fopen(path, "wb");
		if (!g.fp) {
			rc = -1;
			break;
		}
		article(&g, n, 2048 + (long)rng_below(14336));
		written += (size_t)ftell(g.fp);
		if (fclose(g.fp) != 0)
			rc = -1;
		n++;
	}
	if (rc < 0)
		perror(path);
	*files = n;
	*quotes = g.quotes;
	return rc;
}

/* ---------------------------------------------------------- file listing */

typedef struct list {
	char **paths;
	size_t n, cap;
} list;

static int path_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static int list_add(list *l, const char *path)
{
	if (l->n == l->cap) {
		size_t cap = l->cap ? l->cap * 2 : 1024;
		char **p = realloc(l->paths, cap * sizeof(*p));

		if (!p)
			return -1;
		l->paths = p;
		l->cap = cap;
	}
	l->paths[l->n] = strdup(path);
	return l->paths[l->n++] ? 0 : -1;
}

/* Every *.txt under dir, recursively. */
static int list_dir(list *l, const char *dir, int depth)
{
	DIR *d = depth > 8 ? NULL : opendir(dir);
	struct dirent *de;
	char path[4096];
	struct stat st;
	int rc = 0;

	if (!d)
		return -1;
	while (rc == 0 && (de = readdir(d)) != NULL) {
		size_t len = strlen(de->d_name);

		if (de->d_name[0] == '.')
			continue;
		snprintf(path, sizeof(path), "%s/%s", dir, de->d_name);
		if (stat(path, &st) != 0)
			continue;
		if (S_ISDIR(st.st_mode))
			rc = list_dir(l, path, depth + 1);
		else if (len > 4 && strcmp(de->d_name + len - 4, ".txt") == 0)
			rc = list_add(l, path);
	}
	closedir(d);
	return rc;
}

static void list_free(list *l)
{
	for (size_t i = 0; i < l->n; i++)
		free(l->paths[i]);
	free(l->paths);
}

/* ------------------------------------------------------------ measuring */

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static double cpu_now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Resident memory now, in KiB (from /proc; 0 when unknown). */
static long rss_now_kb(void)
{
	FILE *fp = fopen("/proc/self/statm", "r");
	long pages = 0, resident = 0;

	if (fp) {
		if (fscanf(fp, "%ld %ld", &pages, &resident) != 2)
			resident = 0;
		fclose(fp);
	}
	return resident * (sysconf(_SC_PAGESIZE) / 1024);
}

/* The kernel's high-water mark, or the highest RSS read from /proc if
 * higher: the two are kept by different counters and the high-water mark
 * can lag the last reading by a few pages. */
static long rss_peak_kb(void)
{
	struct rusage ru;
	long now = rss_now_kb();

	getrusage(RUSAGE_SELF, &ru);
	return ru.ru_maxrss > now ? ru.ru_maxrss : now;
}

/* Read a whole file into *buf (grown as needed). */
static int read_file(const char *path, char **buf, size_t *cap, size_t *len)
{
	FILE *fp = fopen(path, "rb");
	size_t n = 0, got;
	int rc = 0;

	if (!fp)
		return -1;
	for (;;) {
		if (n == *cap) {
			size_t ncap = *cap ? *cap * 2 : 1 << 16;
			char *p = realloc(*buf, ncap);

			if (!p) {
				rc = -1;
				break;
			}
			*buf = p;
			*cap = ncap;
		}
		got = fread(*buf + n, 1, *cap - n, fp);
		n += got;
		if (got == 0)
			break;
	}
	if (ferror(fp))
		rc = -1;
	fclose(fp);
	*len = n;
	return rc;
}

typedef struct totals {
	size_t bytes, articles, quotes, refused;
	double extract_s;     /* wall time inside qg_extract() */
	double extract_cpu_s; /* CPU time inside qg_extract() */
	double cpu_s, wall_s; /* the whole loop, file reads included */
} totals;

static int run(const list *l, totals *t)
{
	qg_extractor *ex = NULL;
	char *buf = NULL;
	size_t cap = 0, len, next = 0;
	static const int marks_pct[] = {10, 50, 100};
	double t0 = now(), c0 = cpu_now(), e0, ec0;
	int rc = qg_extractor_new(&ex) < 0 ? -1 : 0;

	for (size_t i = 0; rc == 0 && i < l->n; i++) {
		qg_article *a = NULL;

		if (read_file(l->paths[i], &buf, &cap, &len) < 0) {
			perror(l->paths[i]);
			rc = -1;
			break;
		}
		e0 = now();
		ec0 = cpu_now();
		if (qg_extract(ex, l->paths[i], buf, len, NULL, &a) == QG_OK)
			t->quotes += qg_article_count(a);
		else
			t->refused++;
		qg_article_free(a);
		t->extract_s += now() - e0;
		t->extract_cpu_s += cpu_now() - ec0;
		t->bytes += len;
		t->articles++;
		while (next < 3 && (i + 1) * 100 >= l->n * (size_t)marks_pct[next]) {
			printf("  after %3d%% (%6zu articles): RSS %ld KiB, peak %ld "
			       "KiB\n",
			       marks_pct[next], i + 1, rss_now_kb(), rss_peak_kb());
			next++;
		}
	}
	t->wall_s = now() - t0;
	t->cpu_s = cpu_now() - c0;
	qg_extractor_free(ex);
	free(buf);
	return rc;
}

static void report(const totals *t, size_t written)
{
	double mb = (double)t->bytes / 1e6;

	printf("corpus: %.1f MB in %zu articles (%zu refused)\n", mb,
	       t->articles, t->refused);
	printf("quotes found: %zu", t->quotes);
	if (written)
		printf(" (%zu quoted spans written, scare quotes not counted)",
		       written);
	/* CPU time is the figure for "one core": wall time also counts
	 * whatever else the machine runs */
	printf("\nextract: %.2f s CPU -> %.1f MB/s, %.0f articles/s (one core)\n",
	       t->extract_cpu_s,
	       t->extract_cpu_s > 0 ? mb / t->extract_cpu_s : 0.0,
	       t->extract_cpu_s > 0 ? (double)t->articles / t->extract_cpu_s
	                            : 0.0);
	printf("extract: %.2f s wall -> %.1f MB/s\n", t->extract_s,
	       t->extract_s > 0 ? mb / t->extract_s : 0.0);
	printf("with file reads: %.2f s wall, %.2f s CPU -> %.1f MB/s\n",
	       t->wall_s, t->cpu_s, t->wall_s > 0 ? mb / t->wall_s : 0.0);
	printf("peak RSS: %ld KiB\n", rss_peak_kb());
}

/* ---------------------------------------------------------------- main */

typedef struct opts {
	long mb;
	const char *dir;
	int keep;
} opts;

static int parse_args(int argc, char **argv, opts *o)
{
	for (int i = 1; i < argc; i++) {
		char *end = NULL;

		if (strcmp(argv[i], "--mb") == 0 && i + 1 < argc) {
			o->mb = strtol(argv[++i], &end, 10);
			if (*end || o->mb <= 0)
				return -1;
		} else if (strcmp(argv[i], "--seed") == 0 && i + 1 < argc) {
			rng_state = strtoull(argv[++i], &end, 10) | 1;
			if (*end)
				return -1;
		} else if (strcmp(argv[i], "--dir") == 0 && i + 1 < argc) {
			o->dir = argv[++i];
		} else if (strcmp(argv[i], "--keep") == 0) {
			o->keep = 1;
		} else {
			return -1;
		}
	}
	return 0;
}

static void remove_corpus(const list *l, const char *dir, size_t files)
{
	char path[4096];

	for (size_t i = 0; i < l->n; i++)
		unlink(l->paths[i]);
	for (size_t d = 0; d * FILES_PER_DIR < files; d++) {
		snprintf(path, sizeof(path), "%s/d%03zu", dir, d);
		rmdir(path);
	}
	rmdir(dir);
}

int main(int argc, char **argv)
{
	opts o = {64, NULL, 0};
	char tmp[] = "/tmp/qg_bench_XXXXXX";
	const char *dir;
	list l = {NULL, 0, 0};
	size_t files = 0, written = 0;
	totals t = {0, 0, 0, 0, 0, 0, 0, 0};
	int rc = 0;
	double g0;

	if (parse_args(argc, argv, &o) < 0) {
		fprintf(stderr, "usage: bench_extract [--mb N] [--dir PATH] "
		                "[--seed S] [--keep]\n");
		return 2;
	}
	dir = o.dir ? o.dir : mkdtemp(tmp);
	if (!dir || (o.dir && mkdir(dir, 0700) != 0 && errno != EEXIST)) {
		perror(o.dir ? o.dir : tmp);
		return 1;
	}
	if (list_dir(&l, dir, 0) == 0 && l.n == 0) {
		printf("writing %ld MB of articles in %s ...\n", o.mb, dir);
		g0 = now();
		rc = generate(dir, (size_t)o.mb << 20, &files, &written);
		printf("written: %zu files in %.1f s\n", files, now() - g0);
		if (rc == 0)
			rc = list_dir(&l, dir, 0);
	} else {
		printf("reusing %zu files in %s\n", l.n, dir);
	}
	if (rc == 0) {
		qsort(l.paths, l.n, sizeof(*l.paths), path_cmp);
		printf("extracting (one extractor, one process) ...\n");
		rc = run(&l, &t);
		report(&t, written);
	}
	if (!o.dir && !o.keep)
		remove_corpus(&l, dir, files);
	else
		printf("corpus kept in %s\n", dir);
	list_free(&l);
	return rc == 0 ? 0 : 1;
}
