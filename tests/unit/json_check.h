/*
 * json_check.h -- a small recursive JSON validator for the tests (RFC 8259
 * grammar: objects, arrays, strings with escapes, numbers, literals), so
 * that the JSON and PROV-JSON reports are checked by a parser, not by
 * looking for substrings. Duplicate object keys are refused too: PROV-JSON
 * identifies nodes by key.
 */
#ifndef QG_JSON_CHECK_H
#define QG_JSON_CHECK_H

#include <string.h>

typedef struct jc {
	const char *s;
	size_t depth;
} jc;

static int jc_value(jc *p);

static void jc_ws(jc *p)
{
	while (*p->s == ' ' || *p->s == '\t' || *p->s == '\n' || *p->s == '\r')
		p->s++;
}

static int jc_lit(jc *p, const char *w)
{
	size_t n = strlen(w);

	if (strncmp(p->s, w, n) != 0)
		return 0;
	p->s += n;
	return 1;
}

static int jc_string(jc *p)
{
	if (*p->s != '"')
		return 0;
	for (p->s++; *p->s != '"'; p->s++) {
		unsigned char c = (unsigned char)*p->s;

		if (c < 0x20)
			return 0;
		if (c != '\\')
			continue;
		p->s++;
		if (*p->s == 'u') {
			for (int i = 1; i <= 4; i++)
				if (!strchr("0123456789abcdefABCDEF", p->s[i]) ||
				    !p->s[i])
					return 0;
			p->s += 4;
		} else if (!*p->s || !strchr("\"\\/bfnrt", *p->s)) {
			return 0;
		}
	}
	p->s++;
	return 1;
}

static int jc_number(jc *p)
{
	const char *start = p->s;

	if (*p->s == '-')
		p->s++;
	if (*p->s == '0')
		p->s++;
	else if (*p->s >= '1' && *p->s <= '9')
		while (*p->s >= '0' && *p->s <= '9')
			p->s++;
	else
		return 0;
	if (*p->s == '.') {
		p->s++;
		if (!(*p->s >= '0' && *p->s <= '9'))
			return 0;
		while (*p->s >= '0' && *p->s <= '9')
			p->s++;
	}
	if (*p->s == 'e' || *p->s == 'E') {
		p->s++;
		if (*p->s == '+' || *p->s == '-')
			p->s++;
		if (!(*p->s >= '0' && *p->s <= '9'))
			return 0;
		while (*p->s >= '0' && *p->s <= '9')
			p->s++;
	}
	return p->s > start;
}

/* Keys of one object, to refuse duplicates (a few hundred at most in
 * the tests' reports). */
#define JC_MAX_KEYS 4096

static int jc_object(jc *p)
{
	const char *keys[JC_MAX_KEYS];
	size_t lens[JC_MAX_KEYS], n = 0;

	p->s++;
	jc_ws(p);
	if (*p->s == '}') {
		p->s++;
		return 1;
	}
	for (;;) {
		const char *k = p->s;

		jc_ws(p);
		k = p->s;
		if (!jc_string(p) || n == JC_MAX_KEYS)
			return 0;
		for (size_t i = 0; i < n; i++)
			if (lens[i] == (size_t)(p->s - k) &&
			    memcmp(keys[i], k, lens[i]) == 0)
				return 0;
		keys[n] = k;
		lens[n++] = (size_t)(p->s - k);
		jc_ws(p);
		if (*p->s++ != ':' || !jc_value(p))
			return 0;
		jc_ws(p);
		if (*p->s == '}') {
			p->s++;
			return 1;
		}
		if (*p->s++ != ',')
			return 0;
	}
}

static int jc_array(jc *p)
{
	p->s++;
	jc_ws(p);
	if (*p->s == ']') {
		p->s++;
		return 1;
	}
	for (;;) {
		if (!jc_value(p))
			return 0;
		jc_ws(p);
		if (*p->s == ']') {
			p->s++;
			return 1;
		}
		if (*p->s++ != ',')
			return 0;
	}
}

static int jc_value(jc *p)
{
	int ok;

	jc_ws(p);
	if (++p->depth > 200)
		return 0;
	switch (*p->s) {
	case '{': ok = jc_object(p); break;
	case '[': ok = jc_array(p); break;
	case '"': ok = jc_string(p); break;
	case 't': ok = jc_lit(p, "true"); break;
	case 'f': ok = jc_lit(p, "false"); break;
	case 'n': ok = jc_lit(p, "null"); break;
	default: ok = jc_number(p);
	}
	p->depth--;
	return ok;
}

/* 1 when `s` is exactly one JSON value (white space around allowed). */
static inline int json_valid(const char *s)
{
	jc p = {s, 0};

	if (!jc_value(&p))
		return 0;
	jc_ws(&p);
	return *p.s == '\0';
}

#endif
