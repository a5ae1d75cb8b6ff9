/*
 * who.c -- `who`: the occurrences matching some words, grouped by speaker
 * and outlet. SQLite finds the occurrences (query.c); the grouping, the
 * order and the limit are done here, and article names are read for the
 * groups printed only, as are their quote texts. One GROUP BY in SQL over
 * thousands of matches paid for a temporary b-tree per DISTINCT aggregate
 * per group, sorted every quote text twice and read every article; most
 * of what is left is cold pages, which the covering indexes of schema 006
 * cut down (issue 3).
 *
 * The rows are those of the SQL this replaced, row for row:
 *   SELECT sp.name AS speaker, ou.name AS outlet, min(o.day) AS date,
 *          count(DISTINCT a.id) AS articles,
 *          group_concat(DISTINCT a.name) AS article_names, o.text AS quote
 *   ... GROUP BY o.speaker_id, o.outlet_id
 *   ORDER BY speaker IS NULL, date, speaker, outlet IS NULL, outlet
 * with SQLite's own rules: a group's rows in occurrence id order, names in
 * the order first seen, the quote from the row min() took its day from,
 * NULL before any value, text compared byte by byte, ties in group order.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "query.h"

typedef struct hit {
	int64_t id, speaker, outlet, article;
	const char *day;                       /* in the arena */
	unsigned char has_speaker, has_outlet; /* else NULL */
} hit;

typedef struct group {
	size_t first, n;   /* its hits: hits[first .. first + n) */
	const char *date;  /* the earliest day, NULL when none has one */
	int64_t quote;     /* the occurrence that day came from */
	const char *speaker, *outlet; /* names, NULL when unknown */
} group;

/* Names by id (of articles, of entities), sorted by id. */
typedef struct id_name {
	int64_t id;
	const char *name; /* in the arena */
} id_name;

typedef struct name_table {
	id_name *v;
	size_t n, cap;
} name_table;

/* A name among a group's articles, and where it was first seen. */
typedef struct seen {
	const char *name;
	size_t pos;
} seen;

typedef struct who {
	qg_db *db;
	qg_arena *arena;
	hit *hits;
	size_t nhit, caphit;
	group *groups;
	size_t ngroup, capgroup;
	name_table entities, articles, texts; /* texts: quotes by id */
	int indexed; /* schema 006's covering indexes are there */
	int64_t *ids; /* scratch */
	size_t capids;
	seen *seen; /* scratch */
	size_t capseen;
	qg_buf cell; /* scratch */
} who;

static const char *const columns[] = {
	"speaker", "outlet", "date", "articles", "article_names", "quote"};

/* Elements a and b of `size` bytes exchanged. */
static void swap(unsigned char *a, unsigned char *b, size_t size)
{
	for (size_t i = 0; i < size; i++) {
		unsigned char t = a[i];

		a[i] = b[i];
		b[i] = t;
	}
}

/* qsort(), which may not be given the NULL of an empty array; a few
 * elements (most groups have one to three) by insertion, as qsort()'s
 * setup cost more than the sorting across thousands of small groups. */
static void sort(void *v, size_t n, size_t size,
                 int (*cmp)(const void *, const void *))
{
	unsigned char *p = v;

	if (n > 8)
		qsort(v, n, size, cmp);
	for (size_t i = 1; n <= 8 && i < n; i++)
		for (size_t j = i; j > 0 && cmp(p + (j - 1) * size,
		                                p + j * size) > 0; j--)
			swap(p + (j - 1) * size, p + j * size, size);
}

static int cmp_i64(int64_t a, int64_t b)
{
	return (a > b) - (a < b);
}

/* SQLite's order of two nullable keys: NULL first. */
static int cmp_key(int has_a, int64_t a, int has_b, int64_t b)
{
	return has_a != has_b ? has_a - has_b : cmp_i64(a, b);
}

/* SQLite's order of two nullable texts (BINARY): NULL first. */
static int cmp_text(const char *a, const char *b)
{
	int c;

	if (!a || !b)
		return (a != NULL) - (b != NULL);
	c = strcmp(a, b);
	return (c > 0) - (c < 0);
}

static int int64_order(const void *x, const void *y)
{
	return cmp_i64(*(const int64_t *)x, *(const int64_t *)y);
}

/* GROUP BY o.speaker_id, o.outlet_id; a group's rows in id order. */
static int hit_order(const void *x, const void *y)
{
	const hit *a = x, *b = y;
	int c = cmp_key(a->has_speaker, a->speaker, b->has_speaker, b->speaker);

	if (c == 0)
		c = cmp_key(a->has_outlet, a->outlet, b->has_outlet, b->outlet);
	return c ? c : cmp_i64(a->id, b->id);
}

/* ORDER BY speaker IS NULL, date, speaker, outlet IS NULL, outlet; ties
 * in GROUP BY order, as SQLite's sorter is stable. */
static int group_order(const void *x, const void *y)
{
	const group *a = x, *b = y;
	int c = (a->speaker == NULL) - (b->speaker == NULL);

	if (c == 0)
		c = cmp_text(a->date, b->date);
	if (c == 0)
		c = cmp_text(a->speaker, b->speaker);
	if (c == 0)
		c = (a->outlet == NULL) - (b->outlet == NULL);
	if (c == 0)
		c = cmp_text(a->outlet, b->outlet);
	return c ? c : (a->first > b->first) - (a->first < b->first);
}

static int id_name_order(const void *x, const void *y)
{
	return cmp_i64(((const id_name *)x)->id, ((const id_name *)y)->id);
}

static int seen_by_name(const void *x, const void *y)
{
	const seen *a = x, *b = y;
	int c = strcmp(a->name, b->name);

	return c ? c : (a->pos > b->pos) - (a->pos < b->pos);
}

static int seen_by_pos(const void *x, const void *y)
{
	const seen *a = x, *b = y;

	return (a->pos > b->pos) - (a->pos < b->pos);
}

/* Column c of the current row copied into the arena; NULL for SQL NULL. */
static const char *column_str(who *w, sqlite3_stmt *st, int c,
                              qg_status *rc)
{
	const char *v = NULL;
	char *copy = NULL;

	if (sqlite3_column_type(st, c) != SQLITE_NULL) {
		v = (const char *)sqlite3_column_text(st, c);
		copy = v ? qg_arena_strndup(w->arena, v,
		                            (size_t)sqlite3_column_bytes(st, c))
		         : NULL;
		if (!copy)
			*rc = QG_ERR_NOMEM;
	}
	return copy;
}

static qg_status read_hit(who *w, sqlite3_stmt *st)
{
	qg_status rc = qg__grow((void **)&w->hits, &w->caphit, w->nhit + 1,
	                        sizeof(*w->hits));
	hit *h = NULL;

	if (rc == QG_OK) {
		h = &w->hits[w->nhit++];
		h->id = sqlite3_column_int64(st, 0);
		h->has_speaker = sqlite3_column_type(st, 1) != SQLITE_NULL;
		h->speaker = sqlite3_column_int64(st, 1);
		h->has_outlet = sqlite3_column_type(st, 2) != SQLITE_NULL;
		h->outlet = sqlite3_column_int64(st, 2);
		h->day = column_str(w, st, 3, &rc);
		h->article = sqlite3_column_int64(st, 4);
	}
	return rc;
}

/* Every row of `st` into w->hits. */
static qg_status read_hits(who *w, sqlite3_stmt *st)
{
	qg_status rc = QG_OK;
	int s = SQLITE_DONE;

	while (rc == QG_OK) {
		s = sqlite3_step(st);
		if (s != SQLITE_ROW)
			break;
		rc = read_hit(w, st);
	}
	if (rc == QG_OK && s != SQLITE_DONE)
		rc = qg__db_error(w->db, "query");
	sqlite3_reset(st);
	return rc;
}

/* min(day) and the bare column beside it, as SQLite's min() keeps them:
 * before any day is seen each row is taken; after, only a strictly
 * earlier day replaces it. */
static void take_min(group *g, const hit *h)
{
	if (!h->day) {
		if (!g->date)
			g->quote = h->id;
	} else if (!g->date || strcmp(h->day, g->date) < 0) {
		g->date = h->day;
		g->quote = h->id;
	}
}

static int same_group(const hit *a, const hit *b)
{
	return !cmp_key(a->has_speaker, a->speaker, b->has_speaker,
	                b->speaker) &&
	       !cmp_key(a->has_outlet, a->outlet, b->has_outlet, b->outlet);
}

/* Sort the hits into groups (in GROUP BY order). */
static qg_status make_groups(who *w)
{
	qg_status rc = QG_OK;
	group *g = NULL;

	sort(w->hits, w->nhit, sizeof(*w->hits), hit_order);
	for (size_t i = 0; rc == QG_OK && i < w->nhit; i++) {
		const hit *h = &w->hits[i];

		if (!g || !same_group(h, h - 1)) {
			rc = qg__grow((void **)&w->groups, &w->capgroup,
			              w->ngroup + 1, sizeof(*w->groups));
			if (rc < 0)
				break;
			g = &w->groups[w->ngroup++];
			memset(g, 0, sizeof(*g));
			g->first = i;
		}
		g->n++;
		take_min(g, h);
	}
	return rc;
}

/* Room for `need` ids in w->ids. */
static qg_status ids_room(who *w, size_t need)
{
	return qg__grow((void **)&w->ids, &w->capids, need ? need : 1,
	                sizeof(*w->ids));
}

/* Sort w->ids[0, k) and keep each id once; their count in *count. */
static void unique_ids(who *w, size_t k, size_t *count)
{
	sort(w->ids, k, sizeof(*w->ids), int64_order);
	*count = 0;
	for (size_t i = 0; i < k; i++)
		if (i == 0 || w->ids[i] != w->ids[i - 1])
			w->ids[(*count)++] = w->ids[i];
}

/* The decimal digits of v: printf's machinery cost more than the
 * lookups for thousands of ids. */
static qg_status add_int(qg_buf *b, int64_t v)
{
	char digits[24];
	size_t n = sizeof(digits);
	uint64_t u = v < 0 ? 0 - (uint64_t)v : (uint64_t)v;

	do {
		digits[--n] = (char)('0' + u % 10);
		u /= 10;
	} while (u);
	if (v < 0)
		digits[--n] = '-';
	return qg_buf_add(b, digits + n, sizeof(digits) - n);
}

/* w->ids[0, count) as a JSON array, for json_each(). */
static qg_status ids_json(const who *w, size_t count, qg_buf *json)
{
	qg_status rc = qg_buf_addc(json, '[');

	for (size_t i = 0; rc == QG_OK && i < count; i++) {
		if (i > 0)
			rc = qg_buf_addc(json, ',');
		if (rc == QG_OK)
			rc = add_int(json, w->ids[i]);
	}
	if (rc == QG_OK)
		rc = qg_buf_addc(json, ']');
	return rc;
}

/* Whether the table is in id order already (json_each() drives the join
 * and the ids go in sorted, so it is). */
static int ids_sorted(const name_table *t)
{
	for (size_t i = 1; i < t->n; i++)
		if (t->v[i - 1].id > t->v[i].id)
			return 0;
	return 1;
}

static qg_status add_name(who *w, sqlite3_stmt *st, name_table *out)
{
	qg_status rc = qg__grow((void **)&out->v, &out->cap, out->n + 1,
	                        sizeof(*out->v));

	if (rc == QG_OK) {
		out->v[out->n].id = sqlite3_column_int64(st, 0);
		out->v[out->n].name = column_str(w, st, 1, &rc);
		out->n++;
	}
	return rc;
}

/* The names of the ids w->ids[0, count), read by `sql` (id, name of the
 * rows whose id is in the JSON array ?1) in one statement, sorted by id.
 * json_each() drives a join, which reads the ids as they come: an IN list
 * of them would build a temporary b-tree first. */
static qg_status read_names(who *w, const char *sql, size_t count,
                            name_table *out)
{
	sqlite3_stmt *st = NULL;
	qg_buf json = QG_BUF_INIT;
	qg_status rc = ids_json(w, count, &json);
	int s = SQLITE_DONE;

	if (rc == QG_OK &&
	    sqlite3_prepare_v2(w->db->conn, sql, -1, &st, NULL) != SQLITE_OK)
		rc = qg__db_error(w->db, "preparing a lookup of names");
	if (rc == QG_OK)
		sqlite3_bind_text(st, 1, json.data, (int)json.len, SQLITE_STATIC);
	while (rc == QG_OK) {
		s = sqlite3_step(st);
		if (s != SQLITE_ROW)
			break;
		rc = add_name(w, st, out);
	}
	if (rc == QG_OK && s != SQLITE_DONE)
		rc = qg__db_error(w->db, "reading names");
	if (rc == QG_OK && !ids_sorted(out))
		sort(out->v, out->n, sizeof(*out->v), id_name_order);
	sqlite3_finalize(st);
	qg_buf_dispose(&json);
	return rc;
}

static const char *name_of(const name_table *t, int64_t id)
{
	size_t lo = 0, hi = t->n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (t->v[mid].id < id)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < t->n && t->v[lo].id == id ? t->v[lo].name : NULL;
}

static const char *const sql_entity_names =
	"SELECT e.id, e.name FROM json_each(?1) j "
	"JOIN entity e ON e.id = j.value";

/* The speaker and outlet names of every group (NULL when there is no such
 * entity, as with a LEFT JOIN), then the groups in the order printed. */
static qg_status name_groups(who *w)
{
	size_t k = 0, count = 0;
	qg_status rc = ids_room(w, 2 * w->ngroup);

	for (size_t i = 0; rc == QG_OK && i < w->ngroup; i++) {
		const hit *h = &w->hits[w->groups[i].first];

		if (h->has_speaker)
			w->ids[k++] = h->speaker;
		if (h->has_outlet)
			w->ids[k++] = h->outlet;
	}
	unique_ids(w, k, &count);
	if (rc == QG_OK)
		rc = read_names(w, sql_entity_names, count, &w->entities);
	for (size_t i = 0; rc == QG_OK && i < w->ngroup; i++) {
		group *g = &w->groups[i];
		const hit *h = &w->hits[g->first];

		g->speaker = h->has_speaker ? name_of(&w->entities, h->speaker)
		                            : NULL;
		g->outlet = h->has_outlet ? name_of(&w->entities, h->outlet)
		                          : NULL;
	}
	if (rc == QG_OK)
		sort(w->groups, w->ngroup, sizeof(*w->groups), group_order);
	return rc;
}

static const char *const sql_article_names =
	"SELECT a.id, a.name FROM json_each(?1) j "
	"JOIN article a ON a.id = j.value";
static const char *const sql_article_names_indexed =
	"SELECT a.id, a.name FROM json_each(?1) j "
	"JOIN article a INDEXED BY article_id_name ON a.id = j.value";
static const char *const sql_quote_texts =
	"SELECT o.id, o.text FROM json_each(?1) j "
	"JOIN occurrence o ON o.id = j.value";

/* The article names and the quote texts of groups [0, n), the rows
 * printed. */
static qg_status name_articles(who *w, size_t n)
{
	size_t k = 0, count = 0;
	qg_status rc = ids_room(w, w->nhit);

	for (size_t i = 0; rc == QG_OK && i < n; i++)
		for (size_t j = 0; j < w->groups[i].n; j++)
			w->ids[k++] = w->hits[w->groups[i].first + j].article;
	unique_ids(w, k, &count);
	if (rc == QG_OK)
		rc = read_names(w, w->indexed ? sql_article_names_indexed
		                              : sql_article_names,
		                count, &w->articles);
	for (size_t i = 0; rc == QG_OK && i < n; i++)
		w->ids[i] = w->groups[i].quote;
	unique_ids(w, rc == QG_OK ? n : 0, &count);
	if (rc == QG_OK)
		rc = read_names(w, sql_quote_texts, count, &w->texts);
	return rc;
}

/* count(DISTINCT a.id) of group g. */
static size_t count_articles(who *w, const group *g)
{
	size_t n = 0;

	for (size_t j = 0; j < g->n; j++)
		w->ids[j] = w->hits[g->first + j].article;
	sort(w->ids, g->n, sizeof(*w->ids), int64_order);
	for (size_t j = 0; j < g->n; j++)
		n += j == 0 || w->ids[j] != w->ids[j - 1];
	return n;
}

/* group_concat(DISTINCT a.name) of group g into w->cell: each name once,
 * in the order first seen. *count: how many (0: SQL NULL). */
static qg_status concat_names(who *w, const group *g, size_t *count)
{
	size_t m = 0, k = 0;
	qg_status rc = qg__grow((void **)&w->seen, &w->capseen, g->n,
	                        sizeof(*w->seen));

	for (size_t j = 0; rc == QG_OK && j < g->n; j++) {
		w->seen[m].name =
			name_of(&w->articles, w->hits[g->first + j].article);
		w->seen[m].pos = j;
		m += w->seen[m].name != NULL;
	}
	if (rc == QG_OK)
		sort(w->seen, m, sizeof(*w->seen), seen_by_name);
	for (size_t j = 0; j < m; j++)
		if (j == 0 || strcmp(w->seen[j].name, w->seen[j - 1].name))
			w->seen[k++] = w->seen[j];
	if (rc == QG_OK)
		sort(w->seen, k, sizeof(*w->seen), seen_by_pos);
	qg_buf_reset(&w->cell);
	for (size_t j = 0; rc == QG_OK && j < k; j++) {
		if (j > 0)
			rc = qg_buf_addc(&w->cell, ',');
		if (rc == QG_OK)
			rc = qg_buf_addstr(&w->cell, w->seen[j].name);
	}
	*count = k;
	return rc;
}

/* One output row per group of [0, n). */
static qg_status make_rows(who *w, size_t n, qg_rows **out)
{
	qg_status rc = qg__rows_new(out, columns, QG_ARRAY_LEN(columns));

	for (size_t i = 0; rc == QG_OK && i < n; i++) {
		const group *g = &w->groups[i];
		char count[24];
		size_t names = 0;
		const char *cells[6];

		rc = concat_names(w, g, &names);
		snprintf(count, sizeof(count), "%zu", count_articles(w, g));
		cells[0] = g->speaker;
		cells[1] = g->outlet;
		cells[2] = g->date;
		cells[3] = count;
		cells[4] = names ? (w->cell.data ? w->cell.data : "") : NULL;
		cells[5] = name_of(&w->texts, g->quote);
		if (rc == QG_OK)
			rc = qg__rows_add(*out, cells, 1u << 3);
	}
	return rc;
}

static const char *const sql_indexed =
	"SELECT count(*) FROM sqlite_schema WHERE type = 'index' "
	"AND name IN ('occurrence_who', 'article_id_name')";

int qg__who_indexed(qg_db *db)
{
	sqlite3_stmt *st = NULL;
	int yes = sqlite3_prepare_v2(db->conn, sql_indexed, -1, &st, NULL) ==
	                  SQLITE_OK &&
	          sqlite3_step(st) == SQLITE_ROW &&
	          sqlite3_column_int(st, 0) == 2;

	sqlite3_finalize(st);
	return yes;
}

qg_status qg__who_rows(qg_db *db, sqlite3_stmt *hits, size_t limit,
                       int indexed, qg_rows **out)
{
	who w;
	size_t n;
	qg_status rc;

	memset(&w, 0, sizeof(w));
	*out = NULL;
	w.db = db;
	w.indexed = indexed;
	w.arena = qg_arena_new();
	rc = w.arena ? read_hits(&w, hits) : QG_ERR_NOMEM;
	if (rc == QG_OK)
		rc = make_groups(&w);
	if (rc == QG_OK)
		rc = name_groups(&w);
	n = limit && limit < w.ngroup ? limit : w.ngroup;
	if (rc == QG_OK)
		rc = name_articles(&w, n);
	if (rc == QG_OK)
		rc = make_rows(&w, n, out);
	if (rc < 0) {
		qg_rows_free(*out);
		*out = NULL;
	}
	qg_buf_dispose(&w.cell);
	qg__free(w.seen);
	qg__free(w.ids);
	qg__free(w.entities.v);
	qg__free(w.articles.v);
	qg__free(w.texts.v);
	qg__free(w.groups);
	qg__free(w.hits);
	qg_arena_free(w.arena);
	return rc;
}
