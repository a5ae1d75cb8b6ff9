/*
 * extractout.h -- what the extraction CLI tests share: run `quotegraph
 * extract`, split its JSON Lines output into parsed records, fold quote
 * texts the way the evaluation compares them, and tell whether the
 * extractor finds anything yet (while it does not, the assertions that need
 * quotes skip instead of failing).
 */
#ifndef QG_EXTRACTOUT_H
#define QG_EXTRACTOUT_H

#include "clitest.h"
#include "jsonmini.h"

typedef struct eo_records {
	jv *items;
	size_t n;
	size_t bad_line; /* 1-based number of the first unparsable line; 0 */
} eo_records;

static inline void eo_records_free(eo_records *r)
{
	for (size_t i = 0; i < r->n; i++)
		jv_free(&r->items[i]);
	free(r->items);
	memset(r, 0, sizeof(*r));
}

/* Parse every line of `out` as one JSON value; stops at the first bad one
 * and sets bad_line. */
static inline eo_records eo_parse(const char *out)
{
	eo_records r = {NULL, 0, 0};
	size_t line = 0, cap = 0;

	while (*out) {
		const char *nl = strchr(out, '\n');
		size_t len = nl ? (size_t)(nl - out) : strlen(out);
		jv v;

		line++;
		if (!nl || jv_parse(out, len, &v) < 0) {
			r.bad_line = line; /* unparsable or unterminated */
			break;
		}
		if (r.n == cap) {
			/* doubling: a megabyte article gives many records */
			cap = cap ? 2 * cap : 64;
			r.items = realloc(r.items, cap * sizeof(*r.items));
			assert_non_null(r.items);
		}
		r.items[r.n++] = v;
		out = nl + 1;
	}
	return r;
}

/* The length of a quote mark starting at s (0 when there is none):
 * straight and curly marks, guillemets, low-9 marks, primes. */
static inline size_t eo_mark(const unsigned char *s)
{
	static const char *const marks[] = {
		"\xE2\x80\x98", "\xE2\x80\x99", "\xE2\x80\x9A", "\xE2\x80\x9B",
		"\xE2\x80\x9C", "\xE2\x80\x9D", "\xE2\x80\x9E", "\xE2\x80\x9F",
		"\xE2\x80\xB9", "\xE2\x80\xBA", "\xC2\xAB",     "\xC2\xBB",
		"\xE2\x80\xB2", "\xE2\x80\xB3", "`",
	};

	if (*s == '"' || *s == '\'')
		return 1;
	for (size_t i = 0; i < sizeof(marks) / sizeof(marks[0]); i++)
		if (strncmp((const char *)s, marks[i], strlen(marks[i])) == 0)
			return strlen(marks[i]);
	return 0;
}

/* The length of a white space character at s (0 when there is none):
 * ASCII space, no-break and narrow no-break space. */
static inline size_t eo_space(const unsigned char *s)
{
	if (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r')
		return 1;
	if (s[0] == 0xC2 && s[1] == 0xA0)
		return 2;
	if (s[0] == 0xE2 && s[1] == 0x80 && s[2] == 0xAF)
		return 3;
	return 0;
}

/*
 * Fold a text for comparison, as the evaluation does in spirit: quote
 * marks and apostrophes dropped (so ’ and ' agree), white space folded to
 * one space, ASCII lower case, punctuation and space trimmed at both ends.
 * Writes at most cap - 1 bytes and a NUL.
 */
static inline void eo_fold(const char *in, char *out, size_t cap)
{
	const unsigned char *s = (const unsigned char *)(in ? in : "");
	size_t n = 0, k;
	int space = 0;

	while (*s && n + 1 < cap) {
		k = eo_mark(s);
		if (k) {
			s += k;
			continue;
		}
		k = eo_space(s);
		if (k) {
			s += k;
			space = n > 0;
			continue;
		}
		if (space && n + 2 < cap)
			out[n++] = ' ';
		space = 0;
		out[n++] = (char)(*s >= 'A' && *s <= 'Z' ? *s + 32 : *s);
		s++;
	}
	while (n > 0 && strchr(" .,;:!?-", out[n - 1]))
		n--;
	out[n] = '\0';
	k = strspn(out, " .,;:!?-");
	memmove(out, out + k, n - k + 1);
}

/* Whether the extractor finds any quote in a plain sample sentence. */
static inline int eo_extractor_ready(void)
{
	static const char text[] =
		"Bridge vote delayed\n\n"
		"\"We will vote again next week,\" said Council leader Ann Bell. "
		"\"Nobody wants another delay.\"\n";
	char path[256], args[512];
	run_result r;
	int ready;

	snprintf(path, sizeof(path), "%s/ready.txt", clitest_dir);
	clitest_write(path, text, strlen(text));
	snprintf(args, sizeof(args), "extract --format jsonl '%s'", path);
	r = clitest_run(args, NULL);
	ready = r.status == 0 && strstr(r.out, "\"quote\"") != NULL;
	clitest_free(&r);
	remove(path);
	return ready;
}

/* Whether a record's folded quote equals the folded `text`. */
static inline int eo_has_quote(const eo_records *recs, const char *text)
{
	char want[1024], got[1024];

	eo_fold(text, want, sizeof(want));
	for (size_t i = 0; i < recs->n; i++) {
		eo_fold(jv_str(&recs->items[i], "quote"), got, sizeof(got));
		if (strcmp(want, got) == 0)
			return 1;
	}
	return 0;
}

/* The process ended by itself with one of the documented codes. */
static inline void eo_assert_exit(const run_result *r)
{
	if (r->status > 2)
		fprintf(stderr, "unexpected exit %d; stderr:\n%s\n", r->status,
		        r->err);
	assert_in_range(r->status, 0, 2);
}

#endif
