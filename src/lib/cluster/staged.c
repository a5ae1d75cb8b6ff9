/*
 * staged.c -- the cluster index rows (quote_hash, quote_word) of the open
 * transaction, held in memory and written sorted when it commits.
 *
 * A new quote adds a dozen index rows, each at a random place in its
 * table: written one by one, every row was a statement inside the
 * article's savepoint, touching (and copying to the savepoint journal) a
 * page of its own. Held here, they cost a hash-table insert; at the commit
 * they go in key order, outside any savepoint, filling pages one after
 * the other. Lookups read both: the database and the rows staged here
 * (cluster.c merges them), so that a quote found earlier in the batch is
 * found as before.
 *
 * The rows follow the article's savepoint and the transaction like the
 * store's other memory: mark when an article starts, undo when it rolls
 * back (the newest rows go, in reverse, each the head of its chain), clear
 * when the transaction ends.
 */
#include <stdlib.h>
#include <string.h>

#include "cluster.h"

struct qg_cluster_staged {
	qg__staged_row *rows;
	size_t n, cap, mark;
	size_t *next;  /* per row: 1 + the older row of its chain, 0: none */
	size_t *heads; /* per bucket: 1 + the newest row, 0: none */
	size_t nheads; /* a power of two, at least n */
};

static size_t bucket(const struct qg_cluster_staged *s,
                     const qg__staged_row *r)
{
	return (size_t)qg__filter_key(r->x, r->hash, r->word) &
	       (s->nheads - 1);
}

/* Make the chains again, oldest row first so that each head is the newest
 * row of its bucket. */
static void relink(struct qg_cluster_staged *s)
{
	memset(s->heads, 0, s->nheads * sizeof(*s->heads));
	for (size_t i = 0; i < s->n; i++) {
		size_t b = bucket(s, &s->rows[i]);

		s->next[i] = s->heads[b];
		s->heads[b] = i + 1;
	}
}

/* Twice the buckets. */
static qg_status rehash(struct qg_cluster_staged *s)
{
	size_t want = s->nheads ? s->nheads * 2 : 1024;
	size_t *heads = qg__calloc(want, sizeof(*heads));

	if (!heads)
		return QG_ERR_NOMEM;
	qg__free(s->heads);
	s->heads = heads;
	s->nheads = want;
	relink(s);
	return QG_OK;
}

static int same_row(const qg__staged_row *a, const qg__staged_row *b)
{
	return a->word == b->word && a->x == b->x && a->hash == b->hash &&
	       a->quote == b->quote;
}

static qg_status grow(struct qg_cluster_staged *s)
{
	size_t cap = s->cap;
	qg_status rc = qg__grow((void **)&s->rows, &cap, s->n + 1,
	                        sizeof(*s->rows));

	cap = s->cap;
	if (rc == QG_OK)
		rc = qg__grow((void **)&s->next, &cap, s->n + 1,
		              sizeof(*s->next));
	if (rc == QG_OK)
		s->cap = cap;
	if (rc == QG_OK && s->n + 1 > s->nheads)
		rc = rehash(s);
	return rc;
}

qg_status qg__staged_add(qg_db *db, const qg__staged_row *row)
{
	struct qg_cluster_staged *s = db->staged;
	size_t b, i;
	qg_status rc = QG_OK;

	if (!s) {
		s = db->staged = qg__calloc(1, sizeof(*s));
		if (!s)
			return QG_ERR_NOMEM;
	}
	rc = grow(s);
	if (rc < 0)
		return rc;
	b = bucket(s, row);
	for (i = s->heads[b]; i && !same_row(&s->rows[i - 1], row);
	     i = s->next[i - 1])
		;
	if (i == 0) { /* INSERT OR IGNORE: a row already staged stays one */
		s->rows[s->n] = *row;
		s->next[s->n] = s->heads[b];
		s->heads[b] = ++s->n;
	}
	return QG_OK;
}

size_t qg__staged_find(const qg_db *db, const qg__staged_row *key,
                       int64_t *ids, size_t max)
{
	const struct qg_cluster_staged *s = db->staged;
	size_t n = 0;

	if (!s || s->n == 0)
		return 0;
	for (size_t i = s->heads[bucket(s, key)]; i; i = s->next[i - 1]) {
		const qg__staged_row *r = &s->rows[i - 1];
		size_t at = n;

		if (r->word != key->word || r->x != key->x ||
		    r->hash != key->hash)
			continue;
		/* keep the `max` largest ids, largest first */
		while (at > 0 && ids[at - 1] < r->quote)
			at--;
		if (at == max)
			continue;
		if (n < max)
			n++;
		memmove(&ids[at + 1], &ids[at], (n - 1 - at) * sizeof(*ids));
		ids[at] = r->quote;
	}
	return n;
}

void qg__staged_mark(qg_db *db)
{
	if (db->staged)
		db->staged->mark = db->staged->n;
}

void qg__staged_undo(qg_db *db)
{
	struct qg_cluster_staged *s = db->staged;

	for (; s && s->n > s->mark; s->n--)
		s->heads[bucket(s, &s->rows[s->n - 1])] = s->next[s->n - 1];
}

void qg__staged_clear(qg_db *db)
{
	struct qg_cluster_staged *s = db->staged;

	if (s && s->n) {
		memset(s->heads, 0, s->nheads * sizeof(*s->heads));
		s->n = s->mark = 0;
	}
}

static int cmp_row(const void *x, const void *y)
{
	const qg__staged_row *a = x, *b = y;

	if (a->word != b->word)
		return a->word - b->word;
	if (a->x != b->x)
		return a->x < b->x ? -1 : 1;
	if (a->hash != b->hash)
		return a->hash < b->hash ? -1 : 1;
	return (a->quote > b->quote) - (a->quote < b->quote);
}

static int row_less(const qg__staged_row *a, const qg__staged_row *b)
{
	if (a->word != b->word)
		return a->word < b->word;
	if (a->x != b->x)
		return a->x < b->x;
	if (a->hash != b->hash)
		return a->hash < b->hash;
	return a->quote < b->quote;
}

static void swap_rows(qg__staged_row *a, qg__staged_row *b)
{
	qg__staged_row t = *a;

	*a = *b;
	*b = t;
}

/* Short ranges: by insertion. */
static void insertion_sort(qg__staged_row *r, size_t n)
{
	for (size_t i = 1; i < n; i++) {
		qg__staged_row v = r[i];
		size_t j = i;

		for (; j > 0 && row_less(&v, &r[j - 1]); j--)
			r[j] = r[j - 1];
		r[j] = v;
	}
}

/* Split r[0..n) around the median of its first, middle and last rows;
 * returns where the pivot lands. */
static size_t partition(qg__staged_row *r, size_t n)
{
	size_t mid = n / 2, store = 0;

	if (row_less(&r[mid], &r[0]))
		swap_rows(&r[mid], &r[0]);
	if (row_less(&r[n - 1], &r[0]))
		swap_rows(&r[n - 1], &r[0]);
	if (row_less(&r[n - 1], &r[mid]))
		swap_rows(&r[n - 1], &r[mid]);
	swap_rows(&r[mid], &r[n - 1]); /* the pivot at the end */
	for (size_t i = 0; i + 1 < n; i++)
		if (row_less(&r[i], &r[n - 1]))
			swap_rows(&r[i], &r[store++]);
	swap_rows(&r[store], &r[n - 1]);
	return store;
}

/*
 * Sort by key: a quicksort with the comparison inlined. qsort() called
 * cmp_row through a pointer for each of the million comparisons of a
 * large batch and copied rows with memcpy: a tenth of the commit. The
 * smaller side is sorted first, the larger in the loop; a range still
 * unsorted `depth` splits down (bad pivots) goes to qsort(). Rows are
 * distinct, so the order is the same whatever sorts them.
 */
static void sort_rows(qg__staged_row *r, size_t n, int depth)
{
	while (n > 16) {
		size_t p;

		if (depth-- == 0) {
			qsort(r, n, sizeof(*r), cmp_row);
			return;
		}
		p = partition(r, n);
		if (p < n - 1 - p) {
			sort_rows(r, p, depth);
			r += p + 1;
			n -= p + 1;
		} else {
			sort_rows(r + p + 1, n - p - 1, depth);
			n = p;
		}
	}
	insertion_sort(r, n);
}

size_t qg__staged_sorted(qg_db *db, const qg__staged_row **rows)
{
	struct qg_cluster_staged *s = db->staged;

	if (!s || s->n == 0)
		return 0;
	sort_rows(s->rows, s->n, 64);
	relink(s); /* should the write fail, lookups still work */
	*rows = s->rows;
	return s->n;
}

void qg__staged_free(qg_db *db)
{
	struct qg_cluster_staged *s = db->staged;

	if (s) {
		qg__free(s->rows);
		qg__free(s->next);
		qg__free(s->heads);
		qg__free(s);
		db->staged = NULL;
	}
}
