/*
 * article.h -- the qg_article container: the text of one article, its header
 * fields and its attributions, every string held in one arena.
 * Internal: the extractor builds articles, the store and exports read them.
 */
#ifndef QG_ARTICLE_H
#define QG_ARTICLE_H

#include "../core/core.h"

struct qg_article {
	qg_arena *arena;
	char *name;
	char *text; /* NUL-terminated copy of the input */
	size_t len;
	/* SHA-256 of the text in hex, computed on the first qg_article_hash()
	 * call (hash[0] is '\0' until then): extraction alone never needs it,
	 * and hashing costs as much as a pipeline stage. */
	char hash[QG_SHA256_HEX];
	char *title, *date, *byline, *publisher, *url;
	qg_attribution *items;
	size_t count, cap;
};

/* Make an article holding a copy of `text`; the header fields start NULL. */
qg_status qg__article_new(qg_article **out, const char *name,
                          const char *text, size_t len);

/* Copy `src` into the article; its strings are copied into the arena. */
qg_status qg__article_add(qg_article *a, const qg_attribution *src);

/* Set a header field (title, date, ...) to a copy of `value` (may be NULL). */
qg_status qg__article_set(qg_article *a, char **field, const char *value);

#endif
