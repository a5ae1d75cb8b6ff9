/*
 * article.c -- building and reading qg_article.
 */
#include <string.h>

#include "article.h"

static const char *const kind_names[] = {"direct", "partial", "headline",
                                         "indirect"};

const char *qg_kind_name(qg_kind kind)
{
	if ((unsigned)kind >= QG_ARRAY_LEN(kind_names))
		return "unknown";
	return kind_names[kind];
}

qg_status qg__article_new(qg_article **out, const char *name,
                          const char *text, size_t len)
{
	qg_article *a = qg__calloc(1, sizeof(*a));
	qg_status rc = QG_ERR_NOMEM;

	*out = NULL;
	if (!a)
		goto done;
	a->arena = qg_arena_new();
	if (!a->arena)
		goto done;
	a->name = qg_arena_strdup(a->arena, name ? name : "-");
	a->text = qg_arena_strndup(a->arena, text, len);
	if (!a->name || !a->text)
		goto done;
	a->len = len;
	*out = a;
	a = NULL;
	rc = QG_OK;
done:
	qg_article_free(a);
	return rc;
}

qg_status qg__article_set(qg_article *a, char **field, const char *value)
{
	*field = qg_arena_strdup(a->arena, value);
	return (value && !*field) ? QG_ERR_NOMEM : QG_OK;
}

qg_status qg__article_add(qg_article *a, const qg_attribution *src)
{
	qg_attribution *d;
	const char **s;
	qg_status rc;

	rc = qg__grow((void **)&a->items, &a->cap, a->count + 1,
	              sizeof(*a->items));
	if (rc < 0)
		return rc;
	d = &a->items[a->count];
	*d = *src;
	/* every string field is copied into the arena the article owns */
	const char **fields[] = {&d->quote, &d->speaker, &d->speaker_title,
	                         &d->cue, &d->outlet, &d->venue, &d->date,
	                         &d->rule};
	for (size_t i = 0; i < QG_ARRAY_LEN(fields); i++) {
		s = fields[i];
		if (!*s)
			continue;
		*s = qg_arena_strdup(a->arena, *s);
		if (!*s)
			return QG_ERR_NOMEM;
	}
	a->count++;
	return QG_OK;
}

void qg_article_free(qg_article *a)
{
	if (!a)
		return;
	qg__free(a->items);
	qg_arena_free(a->arena);
	qg__free(a);
}

const char *qg_article_name(const qg_article *a) { return a->name; }

/* The hash is filled in here, once: the article is const to readers, but
 * the cache is a private detail of an object the library allocated as
 * mutable, so writing it through a cast is defined. Not safe to call for
 * the first time from two threads at once on one article. */
const char *qg_article_hash(const qg_article *a)
{
	qg_article *m = (qg_article *)a;

	if (!m->hash[0])
		qg_sha256_hex(m->text, m->len, m->hash);
	return m->hash;
}

const char *qg_article_title(const qg_article *a) { return a->title; }
const char *qg_article_date(const qg_article *a) { return a->date; }
const char *qg_article_byline(const qg_article *a) { return a->byline; }
const char *qg_article_publisher(const qg_article *a) { return a->publisher; }
const char *qg_article_url(const qg_article *a) { return a->url; }
size_t qg_article_count(const qg_article *a) { return a->count; }

const char *qg_article_text(const qg_article *a, size_t *len)
{
	if (len)
		*len = a->len;
	return a->text;
}

const qg_attribution *qg_article_at(const qg_article *a, size_t index)
{
	return index < a->count ? &a->items[index] : NULL;
}
