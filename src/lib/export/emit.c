/*
 * emit.c -- the escaping printf of the report emitters, label cutting and
 * a small hash set of ids.
 */
#include <string.h>

#include "emit.h"

/* Markdown: HTML-special characters as entities (a renderer must not
 * meet raw markup from an article), punctuation that starts emphasis,
 * links, code or table cells behind a backslash, newlines as spaces. */
static qg_status add_md(qg_buf *b, const char *s)
{
	qg_status rc = QG_OK;

	for (; rc == QG_OK && s && *s; s++) {
		if (*s == '<')
			rc = qg_buf_addstr(b, "&lt;");
		else if (*s == '>')
			rc = qg_buf_addstr(b, "&gt;");
		else if (*s == '&')
			rc = qg_buf_addstr(b, "&amp;");
		else if (*s == '\n' || *s == '\r')
			rc = qg_buf_addc(b, ' ');
		else if (strchr("\\`*_{}[]()#+!|~", *s))
			rc = qg_buf_printf(b, "\\%c", *s);
		else
			rc = qg_buf_addc(b, *s);
	}
	return rc;
}

/* DOT: inside a double-quoted ID only " and \ need a backslash; line
 * breaks become spaces so that a label stays one line. */
static qg_status add_dot(qg_buf *b, const char *s)
{
	qg_status rc = QG_OK;

	for (; rc == QG_OK && s && *s; s++) {
		if (*s == '"' || *s == '\\')
			rc = qg_buf_addc(b, '\\');
		if (rc == QG_OK)
			rc = qg_buf_addc(b, (*s == '\n' || *s == '\r') ? ' ' : *s);
	}
	return rc;
}

/* One string conversion: %s as is, %j JSON, %h HTML, %v CSV, %m Markdown,
 * %q DOT; a NULL string writes nothing for %s and %h, an empty field for
 * %v. */
static qg_status string_conversion(qg_buf *b, char c, const char *s)
{
	qg_status rc = QG_OK;

	if (c == 'j')
		rc = qg_buf_json_str(b, s);
	else if (c == 'v')
		rc = qg_buf_csv(b, s ? s : "");
	else if (c == 'm')
		rc = add_md(b, s);
	else if (c == 'q')
		rc = add_dot(b, s);
	else if (s && c == 'h')
		rc = qg_buf_html(b, s);
	else if (s)
		rc = qg_buf_addstr(b, s);
	return rc;
}

static qg_status conversion(qg_buf *b, char c, va_list *ap)
{
	qg_status rc = QG_OK;

	if (strchr("sjhvmq", c))
		rc = string_conversion(b, c, va_arg(*ap, const char *));
	else if (c == 'd')
		rc = qg_buf_printf(b, "%d", va_arg(*ap, int));
	else if (c == 'D')
		rc = qg_buf_printf(b, "%lld", (long long)va_arg(*ap, int64_t));
	else if (c == 'z')
		rc = qg_buf_printf(b, "%zu", va_arg(*ap, size_t));
	else if (c == '%')
		rc = qg_buf_addc(b, '%');
	else
		rc = QG_ERR_USAGE;
	return rc;
}

qg_status qg__emit(qg_buf *b, const char *fmt, ...)
{
	va_list ap;
	qg_status rc = QG_OK;
	const char *p = fmt;

	va_start(ap, fmt);
	while (rc == QG_OK && *p) {
		size_t run = strcspn(p, "%");

		rc = qg_buf_add(b, p, run);
		p += run;
		if (rc == QG_OK && *p == '%' && p[1]) {
			rc = conversion(b, p[1], &ap);
			p += 2;
		} else if (*p == '%') {
			p++;
		}
	}
	va_end(ap);
	return rc;
}

const char *qg__cut(char *out, const char *s, size_t max)
{
	size_t i = 0, chars = 0, len = s ? strlen(s) : 0;

	while (i < len && chars < max) {
		qg_utf8_next(s, len, &i);
		chars++;
	}
	if (len)
		memcpy(out, s, i);
	if (i < len) {
		memcpy(out + i, "\xe2\x80\xa6", 3);
		i += 3;
	}
	out[i] = '\0';
	return out;
}

static qg_status idset_grow(qg_idset *s)
{
	size_t cap = s->cap ? s->cap * 2 : 64;
	uint64_t *slots = qg__calloc(cap, sizeof(*slots));

	for (size_t i = 0; slots && i < s->cap; i++) {
		size_t k = (size_t)(s->slots[i] & (cap - 1));

		if (!s->slots[i])
			continue;
		while (slots[k])
			k = (k + 1) & (cap - 1);
		slots[k] = s->slots[i];
	}
	if (slots) {
		qg__free(s->slots);
		s->slots = slots;
		s->cap = cap;
	}
	return slots ? QG_OK : QG_ERR_NOMEM;
}

qg_status qg__idset_add(qg_idset *s, uint64_t id, int *added)
{
	size_t k;
	qg_status rc = QG_OK;

	*added = 0;
	if (id == 0)
		id = 1; /* 0 marks an empty slot */
	if ((s->n + 1) * 2 > s->cap)
		rc = idset_grow(s);
	if (rc < 0)
		goto done;
	k = (size_t)(id & (s->cap - 1));
	while (s->slots[k] && s->slots[k] != id)
		k = (k + 1) & (s->cap - 1);
	if (!s->slots[k]) {
		s->slots[k] = id;
		s->n++;
		*added = 1;
	}
done:
	return rc;
}

void qg__idset_dispose(qg_idset *s)
{
	qg__free(s->slots);
	s->slots = NULL;
	s->cap = s->n = 0;
}

const char *qg__item_outlet(const qg_trace *t, const qg_trace_item *it)
{
	const char *outlet = it->outlet;

	if (!outlet && it->names_outlet && t->nclaims[QG_TRACE_OUTLET])
		outlet = t->claims[QG_TRACE_OUTLET][0].value;
	return outlet;
}

size_t qg__name_index(const char **names, size_t *n, const char *s)
{
	size_t i;

	for (i = 0; i < *n; i++)
		if (names[i] == s || (names[i] && s && strcmp(names[i], s) == 0))
			break;
	if (i == *n)
		names[(*n)++] = s;
	return i;
}
