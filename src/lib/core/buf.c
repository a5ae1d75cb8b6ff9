/*
 * buf.c -- a growable byte buffer with a size cap, and the escapers that
 * write into it (JSON, HTML, CSV). Every article-derived string that goes
 * into JSON or HTML passes through here, so escaping lives in one place.
 */
#include <stdio.h>
#include <string.h>

#include "core.h"

#define QG_BUF_DEFAULT_MAX ((size_t)1 << 31)

void qg_buf_init(qg_buf *b, size_t max)
{
	b->data = NULL;
	b->len = 0;
	b->cap = 0;
	b->max = max;
}

void qg_buf_dispose(qg_buf *b)
{
	qg__free(b->data);
	b->data = NULL;
	b->len = b->cap = 0;
}

void qg_buf_reset(qg_buf *b)
{
	b->len = 0;
	if (b->data)
		b->data[0] = '\0';
}

static qg_status buf_reserve(qg_buf *b, size_t extra)
{
	size_t max = b->max ? b->max : QG_BUF_DEFAULT_MAX;
	size_t need, ncap;
	char *p;

	if (extra > max || b->len > max - extra)
		return QG_ERR_NOMEM;
	need = b->len + extra + 1;
	if (need <= b->cap)
		return QG_OK;
	ncap = b->cap ? b->cap : 64;
	while (ncap < need)
		ncap *= 2;
	p = qg__realloc(b->data, ncap);
	if (!p)
		return QG_ERR_NOMEM;
	b->data = p;
	b->cap = ncap;
	return QG_OK;
}

qg_status qg_buf_add(qg_buf *b, const void *data, size_t len)
{
	qg_status rc = buf_reserve(b, len);

	if (rc < 0)
		return rc;
	if (len)
		memcpy(b->data + b->len, data, len);
	b->len += len;
	b->data[b->len] = '\0';
	return QG_OK;
}

qg_status qg_buf_addstr(qg_buf *b, const char *s)
{
	return qg_buf_add(b, s, strlen(s));
}

qg_status qg_buf_addc(qg_buf *b, char c)
{
	return qg_buf_add(b, &c, 1);
}

qg_status qg_buf_printf(qg_buf *b, const char *fmt, ...)
{
	va_list ap, ap2;
	int n;
	qg_status rc;

	va_start(ap, fmt);
	va_copy(ap2, ap);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	rc = n < 0 ? QG_ERR_USAGE : buf_reserve(b, (size_t)n);
	if (rc == QG_OK) {
		vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap2);
		b->len += (size_t)n;
	}
	va_end(ap2);
	return rc;
}

char *qg_buf_take(qg_buf *b)
{
	char *p = b->data;

	if (!p)
		p = qg__strdup("");
	b->data = NULL;
	b->len = b->cap = 0;
	return p;
}

qg_status qg_buf_json_strn(qg_buf *b, const char *s, size_t len)
{
	static const char hex[] = "0123456789abcdef";
	qg_status rc = qg_buf_addc(b, '"');
	size_t i, run = 0;

	/* copy runs of plain bytes at once; escape only what JSON requires */
	for (i = 0; rc == QG_OK && i < len; i++) {
		unsigned char c = (unsigned char)s[i];
		char esc[7] = {'\\', 0, 0, 0, 0, 0, 0};
		size_t elen = 2;

		if (c >= 0x20 && c != '"' && c != '\\')
			continue;
		rc = qg_buf_add(b, s + run, i - run);
		run = i + 1;
		switch (c) {
		case '"': esc[1] = '"'; break;
		case '\\': esc[1] = '\\'; break;
		case '\n': esc[1] = 'n'; break;
		case '\r': esc[1] = 'r'; break;
		case '\t': esc[1] = 't'; break;
		default:
			esc[1] = 'u';
			esc[2] = '0';
			esc[3] = '0';
			esc[4] = hex[c >> 4];
			esc[5] = hex[c & 15];
			elen = 6;
		}
		if (rc == QG_OK)
			rc = qg_buf_add(b, esc, elen);
	}
	if (rc == QG_OK)
		rc = qg_buf_add(b, s + run, len - run);
	if (rc == QG_OK)
		rc = qg_buf_addc(b, '"');
	return rc;
}

qg_status qg_buf_json_str(qg_buf *b, const char *s)
{
	if (!s)
		return qg_buf_addstr(b, "null");
	return qg_buf_json_strn(b, s, strlen(s));
}

qg_status qg_buf_html(qg_buf *b, const char *s)
{
	qg_status rc = QG_OK;

	for (; rc == QG_OK && s && *s; s++) {
		switch (*s) {
		case '&': rc = qg_buf_addstr(b, "&amp;"); break;
		case '<': rc = qg_buf_addstr(b, "&lt;"); break;
		case '>': rc = qg_buf_addstr(b, "&gt;"); break;
		case '"': rc = qg_buf_addstr(b, "&quot;"); break;
		case '\'': rc = qg_buf_addstr(b, "&#39;"); break;
		default: rc = qg_buf_addc(b, *s);
		}
	}
	return rc;
}

qg_status qg_buf_csv(qg_buf *b, const char *s)
{
	qg_status rc = QG_OK;

	if (!s)
		return QG_OK;
	if (!strpbrk(s, ",\"\r\n"))
		return qg_buf_addstr(b, s);
	rc = qg_buf_addc(b, '"');
	for (; rc == QG_OK && *s; s++) {
		rc = qg_buf_addc(b, *s);
		if (rc == QG_OK && *s == '"')
			rc = qg_buf_addc(b, '"');
	}
	if (rc == QG_OK)
		rc = qg_buf_addc(b, '"');
	return rc;
}
