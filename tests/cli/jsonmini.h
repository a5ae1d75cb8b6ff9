/*
 * jsonmini.h -- a small strict JSON reader for the CLI tests, so that they
 * can check the tool's JSON Lines output field by field without trusting the
 * library's own reader. One value tree per line: objects, arrays, strings
 * (escapes and surrogate pairs decoded to UTF-8), numbers, true, false and
 * null. Anything else (trailing commas, bare words, unpaired surrogates,
 * control characters in strings, trailing bytes) is refused.
 * Header-only: each test program stays one file plus its headers.
 */
#ifndef QG_JSONMINI_H
#define QG_JSONMINI_H

#include <stdlib.h>
#include <string.h>

typedef enum jv_type {
	JV_NULL,
	JV_BOOL,
	JV_NUM,
	JV_STR,
	JV_ARR,
	JV_OBJ
} jv_type;

typedef struct jv {
	jv_type type;
	int boolean;
	double num;
	char *str;         /* JV_STR: decoded, NUL-terminated (malloc'd) */
	size_t len;        /* JV_STR: bytes in str */
	struct jv *items;  /* JV_ARR, JV_OBJ: values (malloc'd) */
	char **keys;       /* JV_OBJ: one key per item (malloc'd) */
	size_t n;
} jv;

typedef struct jv_reader {
	const char *s;
	size_t len, i;
	int depth;
} jv_reader;

static inline int jv_value(jv_reader *r, jv *out);

static inline void jv_free(jv *v)
{
	if (!v)
		return;
	for (size_t i = 0; i < v->n; i++) {
		jv_free(&v->items[i]);
		if (v->keys)
			free(v->keys[i]);
	}
	free(v->items);
	free(v->keys);
	free(v->str);
	memset(v, 0, sizeof(*v));
}

static inline void jv_ws(jv_reader *r)
{
	while (r->i < r->len && strchr(" \t\r\n", r->s[r->i]) && r->s[r->i])
		r->i++;
}

static inline int jv_lit(jv_reader *r, const char *word)
{
	size_t n = strlen(word);

	if (r->len - r->i < n || memcmp(r->s + r->i, word, n) != 0)
		return -1;
	r->i += n;
	return 0;
}

static inline int jv_hex4(jv_reader *r, unsigned *out)
{
	unsigned v = 0;

	if (r->len - r->i < 4)
		return -1;
	for (int k = 0; k < 4; k++) {
		char c = r->s[r->i++];

		v <<= 4;
		if (c >= '0' && c <= '9')
			v |= (unsigned)(c - '0');
		else if (c >= 'a' && c <= 'f')
			v |= (unsigned)(c - 'a' + 10);
		else if (c >= 'A' && c <= 'F')
			v |= (unsigned)(c - 'A' + 10);
		else
			return -1;
	}
	*out = v;
	return 0;
}

static inline size_t jv_utf8(unsigned cp, char *o)
{
	if (cp < 0x80) {
		o[0] = (char)cp;
		return 1;
	}
	if (cp < 0x800) {
		o[0] = (char)(0xC0 | (cp >> 6));
		o[1] = (char)(0x80 | (cp & 0x3F));
		return 2;
	}
	if (cp < 0x10000) {
		o[0] = (char)(0xE0 | (cp >> 12));
		o[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
		o[2] = (char)(0x80 | (cp & 0x3F));
		return 3;
	}
	o[0] = (char)(0xF0 | (cp >> 18));
	o[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
	o[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
	o[3] = (char)(0x80 | (cp & 0x3F));
	return 4;
}

/* An escape after the backslash; writes its UTF-8 bytes to o. */
static inline int jv_escape(jv_reader *r, char *o, size_t *olen)
{
	static const char from[] = "\"\\/bfnrt", to[] = "\"\\/\b\f\n\r\t";
	const char *p;
	unsigned cp, lo;

	if (r->i >= r->len)
		return -1;
	p = strchr(from, r->s[r->i]);
	if (p && *p) {
		r->i++;
		o[0] = to[p - from];
		*olen = 1;
		return 0;
	}
	if (r->s[r->i++] != 'u' || jv_hex4(r, &cp) < 0)
		return -1;
	if (cp >= 0xDC00 && cp <= 0xDFFF)
		return -1;
	if (cp >= 0xD800 && cp <= 0xDBFF) {
		if (jv_lit(r, "\\u") < 0 || jv_hex4(r, &lo) < 0 || lo < 0xDC00 ||
		    lo > 0xDFFF)
			return -1;
		cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
	}
	*olen = jv_utf8(cp, o);
	return 0;
}

static inline int jv_string(jv_reader *r, char **out, size_t *outlen)
{
	char *buf;
	size_t n = 0, k;

	if (r->i >= r->len || r->s[r->i] != '"')
		return -1;
	r->i++;
	/* decoded text is never longer than the escaped text */
	buf = malloc(r->len - r->i + 1);
	if (!buf)
		return -1;
	while (r->i < r->len && r->s[r->i] != '"') {
		unsigned char c = (unsigned char)r->s[r->i];

		if (c < 0x20)
			break;
		if (c == '\\') {
			r->i++;
			if (jv_escape(r, buf + n, &k) < 0) {
				r->i = r->len; /* refuse the whole string */
				break;
			}
			n += k;
			continue;
		}
		buf[n++] = (char)c;
		r->i++;
	}
	if (r->i >= r->len || r->s[r->i] != '"') {
		free(buf);
		return -1;
	}
	r->i++;
	buf[n] = '\0';
	*out = buf;
	*outlen = n;
	return 0;
}

static inline int jv_number(jv_reader *r, jv *out)
{
	size_t start = r->i;
	char tmp[64], *end;

	if (r->i < r->len && r->s[r->i] == '-')
		r->i++;
	if (r->i >= r->len || r->s[r->i] < '0' || r->s[r->i] > '9')
		return -1;
	if (r->s[r->i] == '0')
		r->i++; /* no leading zeros */
	else
		while (r->i < r->len && r->s[r->i] >= '0' && r->s[r->i] <= '9')
			r->i++;
	if (r->i < r->len && r->s[r->i] == '.') {
		r->i++;
		if (r->i >= r->len || r->s[r->i] < '0' || r->s[r->i] > '9')
			return -1;
		while (r->i < r->len && r->s[r->i] >= '0' && r->s[r->i] <= '9')
			r->i++;
	}
	if (r->i < r->len && (r->s[r->i] == 'e' || r->s[r->i] == 'E')) {
		r->i++;
		if (r->i < r->len && (r->s[r->i] == '+' || r->s[r->i] == '-'))
			r->i++;
		if (r->i >= r->len || r->s[r->i] < '0' || r->s[r->i] > '9')
			return -1;
		while (r->i < r->len && r->s[r->i] >= '0' && r->s[r->i] <= '9')
			r->i++;
	}
	if (r->i - start >= sizeof(tmp))
		return -1;
	memcpy(tmp, r->s + start, r->i - start);
	tmp[r->i - start] = '\0';
	out->type = JV_NUM;
	out->num = strtod(tmp, &end);
	return 0;
}

/* Append one item (and its key, for objects) to a container. */
static inline int jv_push(jv *c, char *key, jv *item)
{
	jv *items = realloc(c->items, (c->n + 1) * sizeof(*items));
	char **keys;

	if (!items)
		return -1;
	c->items = items;
	if (c->type == JV_OBJ) {
		keys = realloc(c->keys, (c->n + 1) * sizeof(*keys));
		if (!keys)
			return -1;
		c->keys = keys;
		c->keys[c->n] = key;
	}
	c->items[c->n++] = *item;
	return 0;
}

static inline int jv_container(jv_reader *r, jv *out, char close)
{
	out->type = close == '}' ? JV_OBJ : JV_ARR;
	r->i++;
	jv_ws(r);
	if (r->i < r->len && r->s[r->i] == close) {
		r->i++;
		return 0;
	}
	for (;;) {
		char *key = NULL;
		size_t klen;
		jv item;

		memset(&item, 0, sizeof(item));
		jv_ws(r);
		if (close == '}') {
			if (jv_string(r, &key, &klen) < 0)
				return -1;
			jv_ws(r);
			if (r->i >= r->len || r->s[r->i] != ':') {
				free(key);
				return -1;
			}
			r->i++;
		}
		if (jv_value(r, &item) < 0 || jv_push(out, key, &item) < 0) {
			jv_free(&item);
			free(key);
			return -1;
		}
		jv_ws(r);
		if (r->i < r->len && r->s[r->i] == ',') {
			r->i++;
			continue;
		}
		if (r->i < r->len && r->s[r->i] == close) {
			r->i++;
			return 0;
		}
		return -1;
	}
}

static inline int jv_value(jv_reader *r, jv *out)
{
	int rc = -1;

	memset(out, 0, sizeof(*out));
	jv_ws(r);
	if (r->i >= r->len || r->depth > 64)
		return -1;
	r->depth++;
	switch (r->s[r->i]) {
	case '{':
		rc = jv_container(r, out, '}');
		break;
	case '[':
		rc = jv_container(r, out, ']');
		break;
	case '"':
		out->type = JV_STR;
		rc = jv_string(r, &out->str, &out->len);
		break;
	case 't':
		out->type = JV_BOOL;
		out->boolean = 1;
		rc = jv_lit(r, "true");
		break;
	case 'f':
		out->type = JV_BOOL;
		rc = jv_lit(r, "false");
		break;
	case 'n':
		out->type = JV_NULL;
		rc = jv_lit(r, "null");
		break;
	default:
		rc = jv_number(r, out);
	}
	r->depth--;
	return rc;
}

/* Parse one whole JSON text of `len` bytes; 0 on success (free with
 * jv_free), -1 when it is not exactly one JSON value. */
static inline int jv_parse(const char *s, size_t len, jv *out)
{
	jv_reader r = {s, len, 0, 0};

	if (jv_value(&r, out) < 0) {
		jv_free(out);
		return -1;
	}
	jv_ws(&r);
	if (r.i != len) {
		jv_free(out);
		return -1;
	}
	return 0;
}

/* The value of `key` in an object, NULL when absent. */
static inline const jv *jv_get(const jv *obj, const char *key)
{
	if (!obj || obj->type != JV_OBJ)
		return NULL;
	for (size_t i = 0; i < obj->n; i++)
		if (strcmp(obj->keys[i], key) == 0)
			return &obj->items[i];
	return NULL;
}

/* The string value of `key`, NULL when absent or not a string. */
static inline const char *jv_str(const jv *obj, const char *key)
{
	const jv *v = jv_get(obj, key);

	return v && v->type == JV_STR ? v->str : NULL;
}

#endif
