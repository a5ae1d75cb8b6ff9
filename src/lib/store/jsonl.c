/*
 * jsonl.c -- one JSON Lines article record, the shape news crawlers write:
 * {"id", "url", "title", "date", "outlet", "byline", "text"}. A small
 * strict JSON reader: string values are decoded (escapes, surrogate
 * pairs), numbers are kept as written, other values and unknown keys are
 * skipped.
 */
#include <ctype.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include "../core/core.h"

struct qg_record {
	qg_arena *arena;
	qg_article_meta meta;
	char *text;
	size_t text_len;
	qg_error err;
};

typedef struct reader {
	const char *s;
	size_t len, i;
	qg_record *rec;
	qg_buf str; /* the string being decoded */
} reader;

static qg_status fail(reader *r, const char *what)
{
	return qg__error(&r->rec->err, QG_ERR_INPUT, r->i, "%s at byte %zu",
	                 what, r->i);
}

static void skip_ws(reader *r)
{
	while (r->i < r->len && (r->s[r->i] == ' ' || r->s[r->i] == '\t' ||
	                         r->s[r->i] == '\r' || r->s[r->i] == '\n'))
		r->i++;
}

static int hex4(const char *p, uint32_t *out)
{
	uint32_t v = 0;

	for (int k = 0; k < 4; k++) {
		char c = p[k];

		v <<= 4;
		if (c >= '0' && c <= '9')
			v |= (uint32_t)(c - '0');
		else if (c >= 'a' && c <= 'f')
			v |= (uint32_t)(c - 'a' + 10);
		else if (c >= 'A' && c <= 'F')
			v |= (uint32_t)(c - 'A' + 10);
		else
			return -1;
	}
	*out = v;
	return 0;
}

/* \uXXXX, with a second one after a high surrogate; r->i is past 'u'. */
static qg_status unicode_escape(reader *r)
{
	uint32_t cp, lo;
	char enc[4];

	if (r->i + 4 > r->len || hex4(r->s + r->i, &cp) < 0)
		return fail(r, "bad \\u escape");
	r->i += 4;
	if (cp >= 0xD800 && cp <= 0xDBFF) {
		if (r->i + 6 > r->len || r->s[r->i] != '\\' ||
		    r->s[r->i + 1] != 'u' || hex4(r->s + r->i + 2, &lo) < 0 ||
		    lo < 0xDC00 || lo > 0xDFFF)
			return fail(r, "lone surrogate in \\u escape");
		r->i += 6;
		cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
	} else if (cp >= 0xDC00 && cp <= 0xDFFF) {
		return fail(r, "lone surrogate in \\u escape");
	}
	if (cp == 0)
		return fail(r, "NUL character in a string");
	return qg_buf_add(&r->str, enc, qg_utf8_encode(cp, enc));
}

static qg_status escape(reader *r)
{
	static const char from[] = "\"\\/bfnrt", to[] = "\"\\/\b\f\n\r\t";
	const char *p;

	if (r->i >= r->len)
		return fail(r, "unfinished escape");
	if (r->s[r->i] == 'u') {
		r->i++;
		return unicode_escape(r);
	}
	p = strchr(from, r->s[r->i]);
	if (!p || !*p)
		return fail(r, "bad escape");
	r->i++;
	return qg_buf_addc(&r->str, to[p - from]);
}

/* A string literal into r->str; r->i is on the opening quote. */
static qg_status string(reader *r)
{
	qg_status rc = QG_OK;
	size_t run;

	qg_buf_reset(&r->str);
	if (r->i >= r->len || r->s[r->i] != '"')
		return fail(r, "expected a string");
	run = ++r->i;
	while (rc == QG_OK && r->i < r->len && r->s[r->i] != '"') {
		unsigned char c = (unsigned char)r->s[r->i];

		if (c < 0x20)
			return fail(r, "control character in a string");
		if (c != '\\') {
			r->i++;
			continue;
		}
		rc = qg_buf_add(&r->str, r->s + run, r->i - run);
		r->i++;
		if (rc == QG_OK)
			rc = escape(r);
		run = r->i;
	}
	if (rc == QG_OK && r->i >= r->len)
		return fail(r, "unterminated string");
	if (rc == QG_OK)
		rc = qg_buf_add(&r->str, r->s + run, r->i - run);
	r->i++;
	return rc;
}

static qg_status skip_value(reader *r, int depth);

/* A number or a literal (true, false, null): its extent, checked loosely. */
/* Length of the literal `word` at the reader, or 0. */
static size_t literal(const reader *r, const char *word)
{
	size_t n = strlen(word);

	return r->len - r->i >= n && memcmp(r->s + r->i, word, n) == 0 ? n : 0;
}

/* Length of a JSON number at the reader (RFC 8259 grammar), or 0. */
static size_t number(const reader *r)
{
	const char *s = r->s + r->i, *end = r->s + r->len, *p = s;

	if (p < end && *p == '-')
		p++;
	if (p >= end || !isdigit((unsigned char)*p))
		return 0;
	if (*p == '0')
		p++;
	while (p < end && isdigit((unsigned char)*p))
		p++;
	if (p + 1 < end && *p == '.' && isdigit((unsigned char)p[1]))
		for (p++; p < end && isdigit((unsigned char)*p); p++)
			;
	if (p < end && (*p == 'e' || *p == 'E')) {
		const char *q = p + 1;

		if (q < end && (*q == '+' || *q == '-'))
			q++;
		if (q < end && isdigit((unsigned char)*q))
			for (p = q; p < end && isdigit((unsigned char)*p); p++)
				;
	}
	return (size_t)(p - s);
}

/*
 * A scalar: null, true, false or a number. Anything else ("nullx", a bare
 * word) is an error here rather than a value the caller must second-guess.
 */
static qg_status scalar(reader *r, size_t *start)
{
	size_t n = literal(r, "null");

	*start = r->i;
	if (!n)
		n = literal(r, "true");
	if (!n)
		n = literal(r, "false");
	if (!n)
		n = number(r);
	if (n && r->i + n < r->len && isalnum((unsigned char)r->s[r->i + n]))
		n = 0;
	if (!n)
		return fail(r, "expected a value");
	r->i += n;
	return QG_OK;
}

/* Skip an object or array (nested at most 64 deep). */
static qg_status skip_container(reader *r, int depth)
{
	char close = r->s[r->i] == '{' ? '}' : ']';
	qg_status rc = QG_OK;
	int first = 1;

	if (depth > 64)
		return fail(r, "values nested too deep");
	r->i++;
	skip_ws(r);
	while (rc == QG_OK && r->i < r->len && r->s[r->i] != close) {
		if (!first && r->s[r->i++] != ',')
			return fail(r, "expected ',' between values");
		skip_ws(r);
		if (close == '}') {
			rc = string(r);
			skip_ws(r);
			if (rc == QG_OK && (r->i >= r->len || r->s[r->i++] != ':'))
				return fail(r, "expected ':' after a key");
		}
		if (rc == QG_OK)
			rc = skip_value(r, depth + 1);
		skip_ws(r);
		first = 0;
	}
	if (rc == QG_OK && r->i >= r->len)
		return fail(r, "unfinished object or array");
	r->i++;
	return rc;
}

static qg_status skip_value(reader *r, int depth)
{
	size_t start;

	skip_ws(r);
	if (r->i >= r->len)
		return fail(r, "expected a value");
	if (r->s[r->i] == '"')
		return string(r);
	if (r->s[r->i] == '{' || r->s[r->i] == '[')
		return skip_container(r, depth);
	return scalar(r, &start);
}

/* The field a key fills, or NULL for keys we do not read. */
static const char **field_of(qg_record *rec, const char *key)
{
	static const struct {
		const char *key;
		size_t off;
	} keys[] = {
		{"id", offsetof(qg_article_meta, id)},
		{"url", offsetof(qg_article_meta, url)},
		{"title", offsetof(qg_article_meta, title)},
		{"headline", offsetof(qg_article_meta, title)},
		{"date", offsetof(qg_article_meta, date)},
		{"outlet", offsetof(qg_article_meta, outlet)},
		{"publisher", offsetof(qg_article_meta, outlet)},
		{"source", offsetof(qg_article_meta, outlet)},
		{"byline", offsetof(qg_article_meta, byline)},
		{"author", offsetof(qg_article_meta, byline)},
	};

	for (size_t i = 0; i < QG_ARRAY_LEN(keys); i++)
		if (strcmp(key, keys[i].key) == 0)
			return (const char **)((char *)&rec->meta + keys[i].off);
	return NULL;
}

static int is_text_key(const char *key)
{
	return !strcmp(key, "text") || !strcmp(key, "body") ||
	       !strcmp(key, "content");
}

/* The value of `key`: strings and numbers are kept, the rest skipped. */
static qg_status member_value(reader *r, const char *key)
{
	const char **field = field_of(r->rec, key);
	int text = is_text_key(key);
	size_t start;
	char *copy = NULL;
	int is_null = 0;
	qg_status rc;

	skip_ws(r);
	if ((!field && !text) || r->i >= r->len)
		return skip_value(r, 1);
	if (r->s[r->i] == '"') {
		rc = string(r);
		if (rc == QG_OK)
			copy = qg_arena_strndup(r->rec->arena,
			                        r->str.data ? r->str.data : "",
			                        r->str.len);
	} else if (r->s[r->i] == '{' || r->s[r->i] == '[') {
		return skip_value(r, 1);
	} else {
		rc = scalar(r, &start);
		is_null = rc == QG_OK && r->i - start == 4 &&
		          memcmp(r->s + start, "null", 4) == 0;
		if (rc == QG_OK && !is_null)
			copy = qg_arena_strndup(r->rec->arena, r->s + start,
			                        r->i - start);
	}
	if (rc == QG_OK && !copy && !is_null)
		rc = QG_ERR_NOMEM;
	if (rc == QG_OK && text) {
		r->rec->text = copy;
		r->rec->text_len = copy ? strlen(copy) : 0;
	} else if (rc == QG_OK) {
		*field = copy;
	}
	return rc;
}

static qg_status object(reader *r)
{
	qg_status rc = QG_OK;
	char key[32];
	int first = 1;

	skip_ws(r);
	if (r->i >= r->len || r->s[r->i] != '{')
		return fail(r, "a record must be a JSON object");
	r->i++;
	skip_ws(r);
	while (rc == QG_OK && r->i < r->len && r->s[r->i] != '}') {
		if (!first && r->s[r->i++] != ',')
			return fail(r, "expected ',' between members");
		skip_ws(r);
		rc = string(r);
		if (rc < 0)
			break;
		snprintf(key, sizeof(key), "%s", r->str.data ? r->str.data : "");
		skip_ws(r);
		if (r->i >= r->len || r->s[r->i++] != ':')
			return fail(r, "expected ':' after a key");
		rc = member_value(r, key);
		skip_ws(r);
		first = 0;
	}
	if (rc == QG_OK && r->i >= r->len)
		return fail(r, "unfinished object");
	r->i++;
	skip_ws(r);
	if (rc == QG_OK && r->i < r->len)
		return fail(r, "text after the record");
	return rc;
}

qg_status qg_record_parse(qg_record **out, const char *line, size_t len)
{
	qg_record *rec = qg__calloc(1, sizeof(*rec));
	reader r = {line, len, 0, rec, QG_BUF_INIT};
	size_t bad;
	qg_status rc = QG_ERR_NOMEM;

	*out = rec;
	if (!rec)
		goto done;
	rec->arena = qg_arena_new();
	if (!rec->arena)
		goto done;
	bad = qg_utf8_check(line, len);
	if (bad < len) {
		r.i = bad;
		rc = fail(&r, line[bad] ? "invalid UTF-8" : "NUL byte");
		goto done;
	}
	rc = object(&r);
	if (rc == QG_OK && (!rec->text || rec->text_len == 0))
		rc = qg__error(&rec->err, QG_ERR_INPUT, 0,
		               "the record has no \"text\"");
done:
	if (rc == QG_ERR_NOMEM && rec)
		qg__error(&rec->err, rc, 0, "out of memory");
	qg_buf_dispose(&r.str);
	return rc;
}

void qg_record_free(qg_record *rec)
{
	if (!rec)
		return;
	qg_arena_free(rec->arena);
	qg__free(rec);
}

const qg_article_meta *qg_record_meta(const qg_record *rec)
{
	return &rec->meta;
}

const char *qg_record_text(const qg_record *rec, size_t *len)
{
	if (len)
		*len = rec->text_len;
	return rec->text;
}

const char *qg_record_errmsg(const qg_record *rec)
{
	return rec ? rec->err.msg : "out of memory";
}

size_t qg_record_erroffset(const qg_record *rec)
{
	return rec ? rec->err.offset : 0;
}
