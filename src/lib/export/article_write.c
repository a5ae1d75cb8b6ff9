/*
 * article_write.c -- an article's attributions as JSON Lines (the contract
 * of the evaluation, for machines) or as plain text (for people).
 */
#include <stdio.h>
#include <string.h>

#include "../extract/article.h"

/* Direct appends rather than printf-style formatting: extraction writes
 * one record per quote, and parsing a format string for every field cost
 * as much as a pipeline stage. */

/* A few confidence values, formatted "%.2f" once each per call of
 * qg_article_write(): the sieves give a handful of distinct values. */
typedef struct conf_cache {
	double v[8];
	char s[8][24];
	size_t n;
} conf_cache;

static const char *conf_str(conf_cache *cc, double v)
{
	size_t k = 0;

	while (k < cc->n && memcmp(&cc->v[k], &v, sizeof(v)) != 0)
		k++;
	if (k == cc->n) {
		k = cc->n < 8 ? cc->n++ : 7; /* full: the last slot is reused */
		cc->v[k] = v;
		snprintf(cc->s[k], sizeof(cc->s[k]), "%.2f", v);
	}
	return cc->s[k];
}

/* The decimal digits of v. */
static qg_status add_size(qg_buf *b, size_t v)
{
	char d[24];
	size_t n = sizeof(d);

	do {
		d[--n] = (char)('0' + v % 10);
		v /= 10;
	} while (v > 0);
	return qg_buf_add(b, d + n, sizeof(d) - n);
}

/* ,"key": then the JSON string (null for NULL). */
static qg_status json_field(qg_buf *b, const char *key, const char *value)
{
	qg_status rc = qg_buf_addstr(b, ",\"");

	if (rc == QG_OK)
		rc = qg_buf_addstr(b, key);
	if (rc == QG_OK)
		rc = qg_buf_add(b, "\":", 2);
	return rc < 0 ? rc : qg_buf_json_str(b, value);
}

/* "<a>" + number + "<b>" + number + "<c>": ,"start":1,"end":2 */
static qg_status two_sizes(qg_buf *b, const char *pa, size_t x,
                           const char *pb, size_t y, const char *pc)
{
	qg_status rc = qg_buf_addstr(b, pa);

	if (rc == QG_OK)
		rc = add_size(b, x);
	if (rc == QG_OK)
		rc = qg_buf_addstr(b, pb);
	if (rc == QG_OK)
		rc = add_size(b, y);
	if (rc == QG_OK)
		rc = qg_buf_addstr(b, pc);
	return rc;
}

static qg_status write_jsonl(const qg_article *a, const qg_attribution *q,
                             qg_buf *b, conf_cache *cc)
{
	qg_status rc = qg_buf_addstr(b, "{\"article\":");

	if (rc == QG_OK)
		rc = qg_buf_json_str(b, a->name);
	if (rc == QG_OK)
		rc = json_field(b, "kind", qg_kind_name(q->kind));
	if (rc == QG_OK)
		rc = json_field(b, "quote", q->quote);
	if (rc == QG_OK)
		rc = two_sizes(b, ",\"start\":", q->span.start, ",\"end\":",
		               q->span.end, "");
	if (rc == QG_OK)
		rc = json_field(b, "speaker", q->speaker);
	if (rc == QG_OK)
		rc = json_field(b, "title", q->speaker_title);
	if (rc == QG_OK)
		rc = json_field(b, "cue", q->cue);
	if (rc == QG_OK)
		rc = json_field(b, "outlet", q->outlet);
	if (rc == QG_OK)
		rc = json_field(b, "venue", q->venue);
	if (rc == QG_OK)
		rc = json_field(b, "date", q->date);
	if (rc == QG_OK && q->cue_span.end > q->cue_span.start)
		rc = two_sizes(b, ",\"evidence\":[", q->cue_span.start, ",",
		               q->cue_span.end, "]");
	if (rc == QG_OK)
		rc = json_field(b, "rule", q->rule);
	if (rc == QG_OK)
		rc = qg_buf_addstr(b, ",\"confidence\":");
	if (rc == QG_OK)
		rc = qg_buf_addstr(b, conf_str(cc, q->confidence));
	if (rc == QG_OK)
		rc = qg_buf_add(b, "}\n", 2);
	return rc;
}

/* The n strings of s in order, NULL ones skipped. */
static qg_status add_strs(qg_buf *b, const char *const *s, size_t n)
{
	qg_status rc = QG_OK;

	for (size_t k = 0; rc == QG_OK && k < n; k++)
		if (s[k])
			rc = qg_buf_addstr(b, s[k]);
	return rc;
}

#define ADD(b, ...)                                                        \
	add_strs(b, (const char *const[]){__VA_ARGS__},                   \
	         sizeof((const char *const[]){__VA_ARGS__}) / sizeof(char *))

/* One quote for a person: the words, who said them, to whom, and the
 * sentence they came from. */
static qg_status write_text(const qg_article *a, const qg_attribution *q,
                            qg_buf *b, conf_cache *cc)
{
	qg_status rc;
	size_t s0 = q->sentence.start, s1 = q->sentence.end;
	bool t = q->speaker_title != NULL;

	rc = ADD(b, a->name, " [", qg_kind_name(q->kind), "] \"",
	         q->quote ? q->quote : "", "\"\n");
	if (rc == QG_OK)
		rc = ADD(b, "  speaker: ", q->speaker ? q->speaker : "(unknown)",
		         t ? " (" : "", t ? q->speaker_title : "", t ? ")" : "",
		         "\n");
	if (rc == QG_OK && q->cue)
		rc = ADD(b, "  cue: ", q->cue, "\n");
	if (rc == QG_OK && q->outlet)
		rc = ADD(b, "  outlet: ", q->outlet, "\n");
	if (rc == QG_OK && q->venue)
		rc = ADD(b, "  venue: ", q->venue, "\n");
	if (rc == QG_OK && q->date)
		rc = ADD(b, "  date: ", q->date, "\n");
	if (rc == QG_OK && s1 > s0 && s1 <= a->len) {
		rc = qg_buf_addstr(b, "  sentence: ");
		if (rc == QG_OK)
			rc = qg_buf_add(b, a->text + s0, s1 - s0);
		if (rc == QG_OK)
			rc = qg_buf_addc(b, '\n');
	}
	if (rc == QG_OK)
		rc = ADD(b, "  rule: ", q->rule ? q->rule : "-", ", confidence ",
		         conf_str(cc, q->confidence), "\n\n");
	return rc;
}

qg_status qg_article_write(const qg_article *a, qg_format format, FILE *fp)
{
	qg_buf b = QG_BUF_INIT;
	conf_cache cc = {.n = 0};
	qg_status rc = QG_OK;

	if (format != QG_FORMAT_JSONL && format != QG_FORMAT_TEXT)
		return QG_ERR_USAGE;
	for (size_t i = 0; rc == QG_OK && i < a->count; i++) {
		if (format == QG_FORMAT_JSONL)
			rc = write_jsonl(a, &a->items[i], &b, &cc);
		else
			rc = write_text(a, &a->items[i], &b, &cc);
	}
	if (rc == QG_OK && b.len && fwrite(b.data, 1, b.len, fp) != b.len)
		rc = QG_ERR_IO;
	qg_buf_dispose(&b);
	return rc;
}
