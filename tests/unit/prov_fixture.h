/*
 * prov_fixture.h -- invented articles for the provenance tests (cluster,
 * trace, export, report): one pension quote carried by wire copy, a
 * broadsheet, a tabloid, a blog and a broadcast transcript, with an exact
 * repeat, fragments, a variant, a misattribution and a hostile string.
 * Every person, outlet and sentence here is made up.
 */
#ifndef QG_PROV_FIXTURE_H
#define QG_PROV_FIXTURE_H

#include <unistd.h>

#include "dbfix.h"
#include "../../src/lib/extract/article.h"

typedef struct pv_quote {
	const char *quote, *speaker, *cue, *outlet, *venue, *date;
	qg_kind kind;
	qg_entity_type type;
} pv_quote;

typedef struct pv_article {
	const char *name, *date, *publisher, *title, *text;
	pv_quote quotes[4];
} pv_article;

#define PV_FULL                                                              \
	"We will not sign any deal that leaves the dockworkers with a "      \
	"paper-thin pension, and that is final."

/* Wire copy: the source, the outlet and the day. */
static const pv_article pv_wire = {
	"wire-pension.txt", "2025-06-02", "Baltic Coast Wire",
	"Minister rejects pension offer",
	"NORTHPORT (Baltic Coast Wire) - Harbour Minister Edda Varnholt told "
	"the Northport Ledger on Sunday: \"" PV_FULL "\" She called the offer "
	"\"a bad joke\".\n",
	{{PV_FULL, "Harbour Minister Edda Varnholt", "told", "Northport Ledger",
	  NULL, "2025-06-01", QG_KIND_DIRECT, QG_ENTITY_PERSON},
	 {"a bad joke", "Harbour Minister Edda Varnholt", "called", NULL, NULL,
	  "2025-06-01", QG_KIND_PARTIAL, QG_ENTITY_PERSON}}};

/* Broadsheet: curly marks, capitals, an ellipsis; no outlet named. */
static const pv_article pv_broadsheet = {
	"times-pension.txt", "2025-06-03", "The Meridian Times",
	"Pension talks stall",
	"In an interview, Ms Varnholt was blunt. \xe2\x80\x9cWe will NOT sign "
	"any deal that leaves the dockworkers with a paper-thin pension "
	"\xe2\x80\xa6 and that is final,\xe2\x80\x9d she said, adding that "
	"talks would resume.\n",
	{{"We will NOT sign any deal that leaves the dockworkers with a "
	  "paper-thin pension \xe2\x80\xa6 and that is final,",
	  "Edda Varnholt", "said", NULL, NULL, NULL, QG_KIND_DIRECT,
	  QG_ENTITY_PERSON},
	 {"talks would resume", "Edda Varnholt", "adding", NULL, NULL, NULL,
	  QG_KIND_INDIRECT, QG_ENTITY_PERSON}}};

/* Tabloid: the word in the headline (on another noun) and in the body. */
static const pv_article pv_tabloid = {
	"klaxon-pension.txt", "2025-06-03", "Daily Klaxon",
	"PENSION ROW",
	"Varnholt slams 'paper-thin' settlement. The minister told the "
	"Northport Ledger the offer was \"paper-thin\".\n",
	{{"paper-thin", "Edda Varnholt", "slams", NULL, NULL, NULL,
	  QG_KIND_HEADLINE, QG_ENTITY_PERSON},
	 {"paper-thin", "Edda Varnholt", "told", "Northport Ledger", NULL, NULL,
	  QG_KIND_PARTIAL, QG_ENTITY_PERSON}}};

/* Blog: one word changed ("the" -> "our"), no outlet. */
static const pv_article pv_blog = {
	"blog-pension.md", "2025-06-04", "Harbour Watch", NULL,
	"Quick note. Edda Varnholt says: \"We will not sign any deal that "
	"leaves our dockworkers with a paper-thin pension, and that is "
	"final.\" Bold.\n",
	{{"We will not sign any deal that leaves our dockworkers with a "
	  "paper-thin pension, and that is final.",
	  "Edda Varnholt", "says", NULL, NULL, NULL, QG_KIND_DIRECT,
	  QG_ENTITY_PERSON}}};

/* Broadcast transcript: the same words credited to somebody else. */
static const pv_article pv_radio = {
	"radio-pension.txt", "2025-06-05", "Radio Kestrel", "Evening bulletin",
	"PRESENTER: Tomas Brekke, the union chief, put it this way on air: "
	"\"" PV_FULL "\"\n",
	{{PV_FULL, "Tomas Brekke", "put it", NULL, "on air", NULL,
	  QG_KIND_DIRECT, QG_ENTITY_PERSON}}};

/* A forum post whose quote carries markup. */
static const pv_article pv_forum = {
	"forum-script.txt", "2025-06-06", NULL, "<b>Forum</b>",
	"A poster wrote: \"<script>alert('x')</script> is how we feel about "
	"the new pension deal today,\" said Ola Dunmore.\n",
	{{"<script>alert('x')</script> is how we feel about the new pension "
	  "deal today,",
	  "Ola Dunmore", "said", NULL, NULL, NULL, QG_KIND_DIRECT,
	  QG_ENTITY_PERSON}}};

static const pv_article *const pv_all[] = {
	&pv_wire, &pv_broadsheet, &pv_tabloid, &pv_blog, &pv_radio, &pv_forum,
};

/* Build an article; each quote's span is found with strstr after the
 * start of the previous quote of the same text, so that a word quoted
 * twice gets two places. */
static inline qg_article *pv_build(const pv_article *fx)
{
	qg_article *a = NULL;
	size_t len = strlen(fx->text);
	const char *from = fx->text;
	const char *prev = NULL;

	assert_int_equal(qg__article_new(&a, fx->name, fx->text, len), QG_OK);
	assert_int_equal(qg__article_set(a, &a->date, fx->date), QG_OK);
	assert_int_equal(qg__article_set(a, &a->publisher, fx->publisher),
	                 QG_OK);
	assert_int_equal(qg__article_set(a, &a->title, fx->title), QG_OK);
	for (size_t i = 0; i < 4 && fx->quotes[i].quote; i++) {
		const pv_quote *q = &fx->quotes[i];
		const char *at;
		qg_attribution t = {0};

		from = prev && strcmp(prev, q->quote) == 0 ? from + 1 : fx->text;
		at = strstr(from, q->quote);
		assert_non_null(at);
		from = at;
		prev = q->quote;
		t.kind = q->kind;
		t.quote = q->quote;
		t.span.start = (size_t)(at - fx->text);
		t.span.end = t.span.start + strlen(q->quote);
		t.speaker = q->speaker;
		t.speaker_type = q->type;
		t.cue = q->cue;
		t.outlet = q->outlet;
		t.venue = q->venue;
		t.date = q->date;
		t.rule = "fixture";
		t.confidence = 0.9;
		assert_int_equal(qg__article_add(a, &t), QG_OK);
	}
	return a;
}

static inline int64_t pv_store(qg_db *db, const pv_article *fx)
{
	qg_article *a = pv_build(fx);
	int64_t id = 0;
	qg_status rc = qg_db_add_article(db, a, &id, NULL);

	if (rc != QG_OK)
		fprintf(stderr, "%s\n", qg_db_errmsg(db));
	assert_int_equal(rc, QG_OK);
	qg_article_free(a);
	return id;
}

/* A new database in a fresh temporary file; its path into path[64]. */
static inline qg_db *pv_db(char path[64])
{
	return dbfix_new(path, "qg_prov");
}

/* A database holding every fixture article, in the order given. */
static inline qg_db *pv_db_all(char path[64])
{
	qg_db *db = pv_db(path);

	for (size_t i = 0; i < QG_ARRAY_LEN(pv_all); i++)
		pv_store(db, pv_all[i]);
	return db;
}

static inline void pv_db_remove(const char *path)
{
	dbfix_remove(path);
}

static inline long long pv_int(qg_db *db, const char *sql)
{
	return dbfix_int(db, sql);
}

/* The single text a SQL statement gives, copied into out[cap]. */
static inline void pv_text(qg_db *db, const char *sql, char *out, size_t cap)
{
	sqlite3_stmt *st = NULL;

	out[0] = '\0';
	assert_int_equal(sqlite3_prepare_v2(db->conn, sql, -1, &st, NULL),
	                 SQLITE_OK);
	if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_text(st, 0))
		snprintf(out, cap, "%s",
		         (const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
}

#endif
