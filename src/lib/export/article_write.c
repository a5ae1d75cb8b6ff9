/*
 * article_write.c -- an article's attributions as JSON Lines (the contract
 * of the evaluation, for machines) or as plain text (for people).
 */
#include <string.h>

#include "../extract/article.h"

static qg_status json_field(qg_buf *b, const char *key, const char *value)
{
	qg_status rc = qg_buf_printf(b, ",\"%s\":", key);

	return rc < 0 ? rc : qg_buf_json_str(b, value);
}

static qg_status write_jsonl(const qg_article *a, const qg_attribution *q,
                             qg_buf *b)
{
	qg_status rc = qg_buf_addstr(b, "{\"article\":");

	if (rc == QG_OK)
		rc = qg_buf_json_str(b, a->name);
	if (rc == QG_OK)
		rc = json_field(b, "kind", qg_kind_name(q->kind));
	if (rc == QG_OK)
		rc = json_field(b, "quote", q->quote);
	if (rc == QG_OK)
		rc = qg_buf_printf(b, ",\"start\":%zu,\"end\":%zu", q->span.start,
		                   q->span.end);
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
		rc = qg_buf_printf(b, ",\"evidence\":[%zu,%zu]",
		                   q->cue_span.start, q->cue_span.end);
	if (rc == QG_OK)
		rc = json_field(b, "rule", q->rule);
	if (rc == QG_OK)
		rc = qg_buf_printf(b, ",\"confidence\":%.2f}\n", q->confidence);
	return rc;
}

/* One quote for a person: the words, who said them, to whom, and the
 * sentence they came from. */
static qg_status write_text(const qg_article *a, const qg_attribution *q,
                            qg_buf *b)
{
	qg_status rc;
	size_t s0 = q->sentence.start, s1 = q->sentence.end;

	rc = qg_buf_printf(b, "%s [%s] \"%s\"\n", a->name, qg_kind_name(q->kind),
	                   q->quote ? q->quote : "");
	if (rc == QG_OK)
		rc = qg_buf_printf(b, "  speaker: %s%s%s%s\n",
		                   q->speaker ? q->speaker : "(unknown)",
		                   q->speaker_title ? " (" : "",
		                   q->speaker_title ? q->speaker_title : "",
		                   q->speaker_title ? ")" : "");
	if (rc == QG_OK && q->cue)
		rc = qg_buf_printf(b, "  cue: %s\n", q->cue);
	if (rc == QG_OK && q->outlet)
		rc = qg_buf_printf(b, "  outlet: %s\n", q->outlet);
	if (rc == QG_OK && q->venue)
		rc = qg_buf_printf(b, "  venue: %s\n", q->venue);
	if (rc == QG_OK && q->date)
		rc = qg_buf_printf(b, "  date: %s\n", q->date);
	if (rc == QG_OK && s1 > s0 && s1 <= a->len)
		rc = qg_buf_printf(b, "  sentence: %.*s\n", (int)(s1 - s0),
		                   a->text + s0);
	if (rc == QG_OK)
		rc = qg_buf_printf(b, "  rule: %s, confidence %.2f\n\n",
		                   q->rule ? q->rule : "-", q->confidence);
	return rc;
}

qg_status qg_article_write(const qg_article *a, qg_format format, FILE *fp)
{
	qg_buf b = QG_BUF_INIT;
	qg_status rc = QG_OK;

	if (format != QG_FORMAT_JSONL && format != QG_FORMAT_TEXT)
		return QG_ERR_USAGE;
	for (size_t i = 0; rc == QG_OK && i < a->count; i++) {
		if (format == QG_FORMAT_JSONL)
			rc = write_jsonl(a, &a->items[i], &b);
		else
			rc = write_text(a, &a->items[i], &b);
	}
	if (rc == QG_OK && b.len && fwrite(b.data, 1, b.len, fp) != b.len)
		rc = QG_ERR_IO;
	qg_buf_dispose(&b);
	return rc;
}
