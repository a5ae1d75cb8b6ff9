/*
 * pending.c -- writes that wait for the commit: the running totals of
 * speakers and outlets, entity titles and alias counts.
 *
 * Each of these is a row that many articles of a batch update again and
 * again ("Mara Okafor" quoted in forty of its articles). Written article
 * by article, every update is a statement inside the article's savepoint,
 * and every page it touches is copied to the savepoint's journal first.
 * Here the store only notes what each article adds, and the notes are
 * summed and written once per row when the batch commits, outside any
 * savepoint. The rows come out exactly as the article-by-article updates
 * left them: sums of counts, the earliest and latest day, the last title,
 * the first spelling of an alias.
 *
 * Notes follow the article's savepoint like the rest of the store's
 * memory: qg__pending_mark() when an article starts, qg__pending_undo()
 * when it rolls back, qg__pending_clear() when the transaction ends.
 * Nothing reads these rows while a batch is open: entities are found by
 * key, and a stored alias of an organisation always has its entity's key.
 */
#include <stdlib.h>
#include <string.h>

#include "store.h"

enum { NOTE_OCC, NOTE_PUBLISHED, NOTE_CITED, NOTE_TITLE, NOTE_ALIAS };

/* One note. Strings are offsets into the pending text (-1: none). */
typedef struct note {
	int kind;
	int64_t a, b;    /* occ: speaker, outlet; published, cited: outlet;
	                    title, alias: entity */
	int64_t article; /* sequence number of the article in the batch */
	int64_t text;    /* occ: day; title: title; alias: key */
	int64_t text2;   /* alias: the alias as written */
	size_t seq;      /* order of the notes, for the last title */
} note;

struct qg_pending {
	note *notes;
	size_t n, cap, mark_n, mark_text;
	qg_buf text;
	int64_t article; /* articles begun */
};

enum {
	ST_SPEAKER = QG_STMT_STORE + 22,
	ST_SPEAKER_OUTLET,
	ST_OUTLET,
	ST_TITLE,
	ST_ALIAS
};

static const char *const sql_speaker =
	"INSERT INTO speaker_stats (entity_id, quotes, articles, first, last) "
	"VALUES (?1, ?2, ?3, ?4, ?5) "
	"ON CONFLICT (entity_id) DO UPDATE SET quotes = quotes + "
	"excluded.quotes, articles = articles + excluded.articles, "
	"first = coalesce(min(first, excluded.first), first, excluded.first), "
	"last = coalesce(max(last, excluded.last), last, excluded.last)";
static const char *const sql_speaker_outlet =
	"INSERT INTO speaker_outlet (speaker_id, outlet_id, quotes) "
	"VALUES (?1, ?2, ?3) ON CONFLICT (speaker_id, outlet_id) "
	"DO UPDATE SET quotes = quotes + excluded.quotes";
static const char *const sql_outlet =
	"INSERT INTO outlet_stats (entity_id, quotes, published, cited_by) "
	"VALUES (?1, ?2, ?3, ?4) ON CONFLICT (entity_id) DO UPDATE SET "
	"quotes = quotes + excluded.quotes, "
	"published = published + excluded.published, "
	"cited_by = cited_by + excluded.cited_by";
static const char *const sql_title =
	"UPDATE entity SET title = ?2 WHERE id = ?1 AND title IS NOT ?2";
static const char *const sql_alias =
	"INSERT INTO alias (entity_id, alias, key, seen) VALUES (?1, ?2, ?3, "
	"?4) ON CONFLICT (entity_id, key) DO UPDATE SET seen = seen + "
	"excluded.seen";

static qg_status add_note(qg_db *db, int kind, int64_t a, int64_t b,
                          const char *s, const char *s2)
{
	struct qg_pending *p = db->pending;
	qg_status rc = QG_OK;
	note *nt;

	if (!p) {
		p = db->pending = qg__calloc(1, sizeof(*p));
		if (!p)
			return QG_ERR_NOMEM;
	}
	rc = qg__grow((void **)&p->notes, &p->cap, p->n + 1, sizeof(*nt));
	if (rc < 0)
		return rc;
	nt = &p->notes[p->n];
	*nt = (note){kind, a, b, p->article, -1, -1, p->n};
	if (s) {
		nt->text = (int64_t)p->text.len;
		rc = qg_buf_add(&p->text, s, strlen(s) + 1);
	}
	if (rc == QG_OK && s2) {
		nt->text2 = (int64_t)p->text.len;
		rc = qg_buf_add(&p->text, s2, strlen(s2) + 1);
	}
	if (rc == QG_OK)
		p->n++;
	return rc;
}

qg_status qg__pending_occurrence(qg_db *db, int64_t speaker, int64_t outlet,
                                 const char *day)
{
	if (speaker <= 0 && outlet <= 0)
		return QG_OK;
	return add_note(db, NOTE_OCC, speaker, outlet, day && *day ? day : NULL,
	                NULL);
}

qg_status qg__pending_outlet(qg_db *db, int64_t outlet, int published)
{
	return add_note(db, published ? NOTE_PUBLISHED : NOTE_CITED, outlet, 0,
	                NULL, NULL);
}

qg_status qg__pending_title(qg_db *db, int64_t entity, const char *title)
{
	return add_note(db, NOTE_TITLE, entity, 0, title, NULL);
}

qg_status qg__pending_alias(qg_db *db, int64_t entity, const char *alias,
                            const char *key)
{
	return add_note(db, NOTE_ALIAS, entity, 0, key, alias);
}

void qg__pending_mark(qg_db *db)
{
	struct qg_pending *p = db->pending;

	if (p) {
		p->article++;
		p->mark_n = p->n;
		p->mark_text = p->text.len;
	}
}

void qg__pending_undo(qg_db *db)
{
	struct qg_pending *p = db->pending;

	if (p && p->mark_n <= p->n) {
		p->n = p->mark_n;
		p->text.len = p->mark_text;
	}
}

void qg__pending_clear(qg_db *db)
{
	struct qg_pending *p = db->pending;

	if (p) {
		p->n = p->mark_n = p->mark_text = 0;
		qg_buf_reset(&p->text);
	}
}

void qg__pending_free(qg_db *db)
{
	struct qg_pending *p = db->pending;

	if (p) {
		qg__free(p->notes);
		qg_buf_dispose(&p->text);
		qg__free(p);
		db->pending = NULL;
	}
}

/* ----------------------------------------------------------- the flush */

/* A note picked for one kind of row, with its strings resolved. */
typedef struct pick {
	const note *nt;
	const char *s, *s2;
	int64_t a, b;
} pick;

static const char *str_at(const struct qg_pending *p, int64_t off)
{
	return off < 0 ? NULL : p->text.data + off;
}

static int cmp_i64(int64_t x, int64_t y)
{
	return (x > y) - (x < y);
}

/* By a, b, then the order noted. */
static int cmp_ab(const void *x, const void *y)
{
	const pick *p = x, *q = y;
	int c = cmp_i64(p->a, q->a);

	if (c == 0)
		c = cmp_i64(p->b, q->b);
	return c ? c : cmp_i64((int64_t)p->nt->seq, (int64_t)q->nt->seq);
}

/* By a, the string s, then the order noted. */
static int cmp_as(const void *x, const void *y)
{
	const pick *p = x, *q = y;
	int c = cmp_i64(p->a, q->a);

	if (c == 0)
		c = strcmp(p->s, q->s);
	return c ? c : cmp_i64((int64_t)p->nt->seq, (int64_t)q->nt->seq);
}

/* The smaller (or larger, `sign` -1) of two days, NULL meaning none. */
static const char *pick_day(const char *x, const char *y, int sign)
{
	if (!x || !y)
		return x ? x : y;
	return sign * strcmp(x, y) <= 0 ? x : y;
}

static void bind_day(sqlite3_stmt *st, int i, const char *day)
{
	if (day)
		sqlite3_bind_text(st, i, day, -1, SQLITE_STATIC);
	else
		sqlite3_bind_null(st, i);
}

/* Per speaker: quotes, articles (their sequence numbers come sorted
 * within a speaker), the first and last day. */
static qg_status write_speakers(qg_db *db, const pick *v, size_t n)
{
	sqlite3_stmt *st;
	qg_status rc = qg__db_stmt(db, ST_SPEAKER, sql_speaker, &st);

	for (size_t i = 0, j; rc == QG_OK && i < n; i = j) {
		const char *first = v[i].s, *last = v[i].s;
		int64_t articles = 1;

		for (j = i + 1; j < n && v[j].a == v[i].a; j++) {
			articles += v[j].b != v[j - 1].b;
			first = pick_day(first, v[j].s, 1);
			last = pick_day(last, v[j].s, -1);
		}
		sqlite3_bind_int64(st, 1, v[i].a);
		sqlite3_bind_int64(st, 2, (int64_t)(j - i));
		sqlite3_bind_int64(st, 3, articles);
		bind_day(st, 4, first);
		bind_day(st, 5, last);
		rc = qg__db_step_done(db, st, "counting the speakers' quotes");
	}
	return rc;
}

static qg_status write_speaker_outlets(qg_db *db, const pick *v, size_t n)
{
	sqlite3_stmt *st;
	qg_status rc = qg__db_stmt(db, ST_SPEAKER_OUTLET, sql_speaker_outlet,
	                           &st);

	for (size_t i = 0, j; rc == QG_OK && i < n; i = j) {
		for (j = i + 1; j < n && v[j].a == v[i].a && v[j].b == v[i].b;
		     j++)
			;
		sqlite3_bind_int64(st, 1, v[i].a);
		sqlite3_bind_int64(st, 2, v[i].b);
		sqlite3_bind_int64(st, 3, (int64_t)(j - i));
		rc = qg__db_step_done(db, st, "counting the speakers' outlets");
	}
	return rc;
}

/* Per outlet: quotes said to it, articles published, articles citing it
 * (b holds which of the three a note counts). */
static qg_status write_outlets(qg_db *db, const pick *v, size_t n)
{
	sqlite3_stmt *st;
	qg_status rc = qg__db_stmt(db, ST_OUTLET, sql_outlet, &st);

	for (size_t i = 0, j; rc == QG_OK && i < n; i = j) {
		int64_t count[3] = {0, 0, 0};

		for (j = i; j < n && v[j].a == v[i].a; j++)
			count[v[j].b]++;
		sqlite3_bind_int64(st, 1, v[i].a);
		for (int k = 0; k < 3; k++)
			sqlite3_bind_int64(st, 2 + k, count[k]);
		rc = qg__db_step_done(db, st, "counting the outlets' quotes");
	}
	return rc;
}

/* The last title noted for each entity. */
static qg_status write_titles(qg_db *db, const pick *v, size_t n)
{
	sqlite3_stmt *st;
	qg_status rc = qg__db_stmt(db, ST_TITLE, sql_title, &st);

	for (size_t i = 0; rc == QG_OK && i < n; i++) {
		if (i + 1 < n && v[i + 1].a == v[i].a)
			continue;
		sqlite3_bind_int64(st, 1, v[i].a);
		sqlite3_bind_text(st, 2, v[i].s, -1, SQLITE_STATIC);
		rc = qg__db_step_done(db, st, "setting a title");
	}
	return rc;
}

/* Each alias once, as first written, with the times it was seen. */
static qg_status write_aliases(qg_db *db, const pick *v, size_t n)
{
	sqlite3_stmt *st;
	qg_status rc = qg__db_stmt(db, ST_ALIAS, sql_alias, &st);

	for (size_t i = 0, j; rc == QG_OK && i < n; i = j) {
		for (j = i + 1;
		     j < n && v[j].a == v[i].a && strcmp(v[j].s, v[i].s) == 0;
		     j++)
			;
		sqlite3_bind_int64(st, 1, v[i].a);
		sqlite3_bind_text(st, 2, v[i].s2, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 3, v[i].s, -1, SQLITE_STATIC);
		sqlite3_bind_int64(st, 4, (int64_t)(j - i));
		rc = qg__db_step_done(db, st, "recording an alias");
	}
	return rc;
}

enum { ROW_SPEAKER, ROW_SPEAKER_OUTLET, ROW_OUTLET, ROW_TITLE, ROW_ALIAS };

/* The picks of note `nt` for rows of kind `row` (at most one); 0 when it
 * has nothing to say of them. */
static int pick_for(const struct qg_pending *p, const note *nt, int row,
                    pick *out)
{
	int k = nt->kind;

	*out = (pick){nt, str_at(p, nt->text), str_at(p, nt->text2), nt->a, 0};
	switch (row) {
	case ROW_SPEAKER:
		out->b = nt->article;
		return k == NOTE_OCC && nt->a > 0;
	case ROW_SPEAKER_OUTLET:
		out->b = nt->b;
		return k == NOTE_OCC && nt->a > 0 && nt->b > 0;
	case ROW_OUTLET:
		out->a = k == NOTE_OCC ? nt->b : nt->a;
		out->b = k == NOTE_OCC ? 0 : k == NOTE_PUBLISHED ? 1 : 2;
		return (k == NOTE_OCC && nt->b > 0) || k == NOTE_PUBLISHED ||
		       k == NOTE_CITED;
	case ROW_TITLE:
		return k == NOTE_TITLE;
	default:
		return k == NOTE_ALIAS;
	}
}

typedef qg_status (*write_fn)(qg_db *db, const pick *v, size_t n);

static qg_status flush_rows(qg_db *db, pick *v, int row)
{
	static const write_fn write[] = {write_speakers, write_speaker_outlets,
	                                 write_outlets, write_titles,
	                                 write_aliases};
	const struct qg_pending *p = db->pending;
	size_t n = 0;

	for (size_t i = 0; i < p->n; i++)
		n += (size_t)pick_for(p, &p->notes[i], row, &v[n]);
	qsort(v, n, sizeof(*v), row == ROW_ALIAS ? cmp_as : cmp_ab);
	return n ? write[row](db, v, n) : QG_OK;
}

qg_status qg__pending_flush(qg_db *db)
{
	struct qg_pending *p = db->pending;
	pick *v;
	qg_status rc = QG_OK;

	if (!p || p->n == 0)
		return QG_OK;
	v = qg__malloc(p->n * sizeof(*v));
	if (!v)
		return QG_ERR_NOMEM;
	for (int row = ROW_SPEAKER; rc == QG_OK && row <= ROW_ALIAS; row++)
		rc = flush_rows(db, v, row);
	qg__free(v);
	if (rc == QG_OK)
		qg__pending_clear(db);
	return rc;
}
