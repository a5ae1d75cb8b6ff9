/*
 * emit.h -- one printf-like writer for the report emitters, with a
 * conversion per escaping (JSON, HTML, CSV, Markdown, DOT), so that every
 * article-derived string goes through the escaper of its format and the
 * emitters stay short. Internal to src/lib/export.
 */
#ifndef QG_EMIT_H
#define QG_EMIT_H

#include "../query/trace.h"

/*
 * Append to `b` following `fmt`:
 *   %s raw text (NULL: nothing)     %j JSON string literal (NULL: null)
 *   %h HTML text (qg_buf_html)      %v one CSV field
 *   %m Markdown text                %q inside a DOT "string"
 *   %d int    %D int64_t    %z size_t    %% a percent sign
 * Any other character is copied. Stops at the first error.
 */
qg_status qg__emit(qg_buf *b, const char *fmt, ...);

/* At most `max` characters of s (whole UTF-8 characters), with "…" when
 * cut, into out (at least max * 4 + 4 bytes). NULL gives "". */
const char *qg__cut(char *out, const char *s, size_t max);

/* The outlet the chain draws an occurrence through: its own, else the
 * quote's most stated outlet when the article names that elsewhere, else
 * NULL (no outlet named). */
const char *qg__item_outlet(const qg_trace *t, const qg_trace_item *it);

/* Index of `s` in names[0..*n), appended when absent (names has room);
 * NULL matches NULL. */
size_t qg__name_index(const char **names, size_t *n, const char *s);

/* A set of 64-bit ids, to write each node or agent once. */
typedef struct qg_idset {
	uint64_t *slots;
	size_t cap, n;
} qg_idset;

/* Add id; *added is 1 when it was not there yet. */
qg_status qg__idset_add(qg_idset *s, uint64_t id, int *added);
void qg__idset_dispose(qg_idset *s);

#endif
