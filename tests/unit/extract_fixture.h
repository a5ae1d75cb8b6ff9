/*
 * extract_fixture.h -- run the whole extractor over one invented text and
 * find its attributions by quote prefix; shared by test_extract.c and
 * test_resolve.c.
 */
#ifndef QG_EXTRACT_FIXTURE_H
#define QG_EXTRACT_FIXTURE_H

#include "testutil.h"

typedef struct run {
	qg_extractor *ex;
	qg_article *a;
} run;

static void extract(run *r, const char *text)
{
	memset(r, 0, sizeof(*r));
	assert_int_equal(qg_extractor_new(&r->ex), QG_OK);
	assert_int_equal(qg_extract(r->ex, "t.txt", text, strlen(text), NULL,
	                            &r->a),
	                 QG_OK);
}

static void finish(run *r)
{
	qg_article_free(r->a);
	qg_extractor_free(r->ex);
}

/* The attribution whose quote starts with `prefix`, or fail. */
static const qg_attribution *find(const run *r, const char *prefix)
{
	for (size_t i = 0; i < qg_article_count(r->a); i++) {
		const qg_attribution *q = qg_article_at(r->a, i);

		if (strncmp(q->quote, prefix, strlen(prefix)) == 0)
			return q;
	}
	fail_msg("no quote starting \"%s\"", prefix);
	return NULL;
}

#endif
