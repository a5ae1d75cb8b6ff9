/*
 * store_fixture.h -- invented articles for the store, ingest and query
 * tests, built through the internal article builders (no extractor
 * needed). Every person, outlet and sentence here is made up.
 */
#ifndef QG_STORE_FIXTURE_H
#define QG_STORE_FIXTURE_H

#include <unistd.h>

#include "dbfix.h"
#include "../../src/lib/extract/article.h"

/* One attribution of a fixture: the quote must occur in the text. */
typedef struct fx_quote {
	const char *quote, *speaker, *title, *cue, *outlet, *date;
	qg_kind kind;
	qg_entity_type type;
} fx_quote;

typedef struct fx_article {
	const char *name, *date, *publisher, *title, *text;
	fx_quote quotes[6];
} fx_article;

/* Wire copy: a minister with her title, then her surname alone. */
static const fx_article fx_wire = {
	"wire-levy.txt", "2026-03-02", "Norland Wire", "Levy to end in May",
	"VELDORA (Norland Wire) - Deputy Finance Minister Petra Lindqvist-Ova "
	"said on Monday the harbour levy was \"a temporary measure\". "
	"\"We will not extend the levy past May,\" Lindqvist-Ova told the "
	"Daily Courant.\n",
	{{"a temporary measure", "Deputy Finance Minister Petra Lindqvist-Ova",
	  NULL, "said", NULL, "2026-03-02", QG_KIND_PARTIAL, QG_ENTITY_PERSON},
	 {"We will not extend the levy past May,", "Lindqvist-Ova", NULL,
	  "told", "the Daily Courant", "2026-03-02", QG_KIND_DIRECT,
	  QG_ENTITY_PERSON}}};

/* Broadsheet: the same words, the full name, a possessive. */
static const fx_article fx_broadsheet = {
	"ledger-levy.txt", "2026-03-04", "The Morning Ledger", "The levy debate",
	"Petra Lindqvist-Ova's promise was plain. \"We will not extend the "
	"levy past May,\" she told the Daily Courant on Monday. Dock owner "
	"J\xc3\xbcrgen B\xc3\xa4stlein called it \"theatre for the gallery\".\n",
	{{"We will not extend the levy past May,", "Petra Lindqvist-Ova's",
	  NULL, "told", "Daily Courant", "2026-03-02", QG_KIND_DIRECT,
	  QG_ENTITY_PERSON},
	 {"theatre for the gallery", "J\xc3\xbcrgen B\xc3\xa4stlein", NULL,
	  "called", NULL, NULL, QG_KIND_PARTIAL, QG_ENTITY_PERSON}}};

/* Tabloid: two Halvorsens in one story, and one surname left alone. */
static const fx_article fx_tabloid = {
	"echo-docks.txt", "2026-03-05", "The Evening Echo", "DOCK SHOCK",
	"Union boss Ingrid Halvorsen blasted the plan: \"The docks are "
	"closed.\" Her cousin, Mayor Jonas Halvorsen, hit back: \"We are still "
	"talking.\" \"Nobody wins,\" Halvorsen added. Jurgen Bastlein said "
	"\"enough\". \"The docks stay shut,\" said the Norland Dockers Union "
	"in a statement relayed by Radio Kestrel.\n",
	{{"The docks are closed.", "Union boss Ingrid Halvorsen", NULL,
	  "blasted", NULL, NULL, QG_KIND_DIRECT, QG_ENTITY_PERSON},
	 {"We are still talking.", "Mayor Jonas Halvorsen", NULL, "hit back",
	  NULL, NULL, QG_KIND_DIRECT, QG_ENTITY_PERSON},
	 {"Nobody wins,", "Halvorsen", NULL, "added", NULL, NULL,
	  QG_KIND_DIRECT, QG_ENTITY_PERSON},
	 {"enough", "Jurgen Bastlein", NULL, "said", NULL, NULL,
	  QG_KIND_PARTIAL, QG_ENTITY_PERSON},
	 {"The docks stay shut,", "Norland Dockers Union", NULL, "relayed",
	  "Radio Kestrel", NULL, QG_KIND_DIRECT, QG_ENTITY_ORG}}};

/* Blog: a surname alone, in an article of its own. */
static const fx_article fx_blog = {
	"blog-levy.md", "2026-03-09", "Harbour Watch", NULL,
	"So the levy stays till May? Ms. Lindqvist-Ova says \"the numbers "
	"will decide\". We'll see.\n",
	{{"the numbers will decide", "Ms. Lindqvist-Ova", NULL, "says", NULL,
	  NULL, QG_KIND_PARTIAL, QG_ENTITY_PERSON}}};

/* Build an article from a fixture; spans found with strstr. */
static inline qg_article *fx_build(const fx_article *fx)
{
	qg_article *a = NULL;
	size_t len = strlen(fx->text);

	assert_int_equal(qg__article_new(&a, fx->name, fx->text, len), QG_OK);
	assert_int_equal(qg__article_set(a, &a->date, fx->date), QG_OK);
	assert_int_equal(qg__article_set(a, &a->publisher, fx->publisher),
	                 QG_OK);
	assert_int_equal(qg__article_set(a, &a->title, fx->title), QG_OK);
	for (size_t i = 0; i < 6 && fx->quotes[i].quote; i++) {
		const fx_quote *q = &fx->quotes[i];
		const char *at = strstr(fx->text, q->quote);
		const char *cue = q->cue ? strstr(fx->text, q->cue) : NULL;
		qg_attribution t = {0};

		assert_non_null(at);
		t.kind = q->kind;
		t.quote = q->quote;
		t.span.start = (size_t)(at - fx->text);
		t.span.end = t.span.start + strlen(q->quote);
		t.speaker = q->speaker;
		t.speaker_title = q->title;
		t.speaker_type = q->type;
		t.cue = q->cue;
		if (cue) {
			t.cue_span.start = (size_t)(cue - fx->text);
			t.cue_span.end = t.cue_span.start + strlen(q->cue);
		}
		t.outlet = q->outlet;
		t.date = q->date;
		t.rule = "fixture";
		t.confidence = 0.9;
		assert_int_equal(qg__article_add(a, &t), QG_OK);
	}
	return a;
}

/* Store a fixture; returns its article id. */
static inline int64_t fx_store(qg_db *db, const fx_article *fx, int *is_new)
{
	qg_article *a = fx_build(fx);
	int64_t id = 0;
	qg_status rc = qg_db_add_article(db, a, &id, is_new);

	if (rc != QG_OK)
		fprintf(stderr, "%s\n", qg_db_errmsg(db));
	assert_int_equal(rc, QG_OK);
	qg_article_free(a);
	return id;
}

/* A new empty database in a fresh temporary file; path into path[64]. */
static inline qg_db *fx_db(char path[64])
{
	return dbfix_new(path, "qg_test");
}

static inline void fx_db_remove(const char *path)
{
	dbfix_remove(path);
}

static inline long long fx_int(qg_db *db, const char *sql)
{
	return dbfix_int(db, sql);
}

#endif
