/*
 * report_text.c -- a trace for people on a terminal: the claims with the
 * articles stating them, every occurrence in date order, then the flags
 * spelled out.
 */
#include "emit.h"

static const char *const field_names[] = {"Speaker", "Outlet", "Venue",
                                          "Date"};

static qg_status claims(qg_buf *b, const qg_trace *t)
{
	qg_status rc = QG_OK;

	for (int f = 0; rc == QG_OK && f < QG_TRACE_FIELDS; f++) {
		size_t n = qg_trace_claims(t, (qg_trace_field)f);

		rc = qg__emit(b, "%s:%s\n", field_names[f],
		              n ? "" : " not named in any article");
		for (size_t i = 0; rc == QG_OK && i < n; i++) {
			const qg_trace_claim *c =
				qg_trace_claim_at(t, (qg_trace_field)f, i);

			rc = qg__emit(b, "  %s  (stated by", c->value);
			for (size_t k = 0; rc == QG_OK && k < c->count; k++)
				rc = qg__emit(b, "%s %s", k ? "," : "",
				              c->articles[k]);
			if (rc == QG_OK)
				rc = qg_buf_addstr(b, ")\n");
		}
	}
	return rc;
}

static qg_status item(qg_buf *b, size_t i, const qg_trace_item *it)
{
	qg_status rc = qg__emit(
		b, "  %z. %s  %s%s%s%s  %s, %s\n", i + 1,
		it->article_date ? it->article_date : "undated", it->article,
		it->publisher ? " (" : "", it->publisher ? it->publisher : "",
		it->publisher ? ")" : "", qg_kind_name(it->kind),
		qg_relation_name(it->relation));

	if (rc == QG_OK)
		rc = qg__emit(b, "     \"%s\"\n", it->text);
	if (rc == QG_OK)
		rc = qg__emit(b, "     speaker: %s; outlet: %s%s%s%s%s\n",
		              qg__item_speaker(it),
		              it->outlet ? it->outlet
		                         : (it->names_outlet ? "named elsewhere "
		                                               "in the article"
		                                             : "none named"),
		              it->venue ? "; venue: " : "",
		              it->venue ? it->venue : "",
		              it->date ? "; said on " : "",
		              it->date ? it->date : "");
	if (rc == QG_OK && it->diff)
		rc = qg__emit(b, "     wording: %s\n", it->diff);
	if (rc == QG_OK && it->flags) {
		rc = qg_buf_addstr(b, "     flags: ");
		if (rc == QG_OK)
			rc = qg__flags_text(b, it->flags);
		if (rc == QG_OK)
			rc = qg_buf_addc(b, '\n');
	}
	return rc;
}

/* The flags with what raised them, one line per occurrence. */
static qg_status flag_lines(qg_buf *b, const qg_trace *t)
{
	qg_status rc = qg_buf_addstr(b, "Flags:");

	if (rc == QG_OK && !t->flags)
		rc = qg_buf_addstr(b, " none");
	if (rc == QG_OK)
		rc = qg_buf_addc(b, '\n');
	for (size_t i = 0; rc == QG_OK && i < t->count; i++) {
		const qg_trace_item *it = &t->items[i];

		if (it->flags & QG_TRACE_WORDING)
			rc = qg__emit(b, "  wording differs: %s: %s\n",
			              it->article, it->diff);
		if (rc == QG_OK && (it->flags & QG_TRACE_UNSOURCED))
			rc = qg__emit(b, "  carried with no source named: %s "
			                 "(%s)\n", it->article,
			              !it->names_speaker ? "no speaker"
			                                 : "no outlet");
		if (rc == QG_OK && (it->flags & QG_TRACE_SPEAKERS))
			rc = qg__emit(b, "  speaker differs: %s credits %s\n",
			              it->article, qg__item_speaker(it));
		if (rc == QG_OK && (it->flags & QG_TRACE_CONTEXT))
			rc = qg__emit(b, "  partial quote out of context: %s: "
			                 "\"%s\" %s, in no full version\n",
			              it->article, it->text, it->next_word);
	}
	return rc;
}

qg_status qg__report_text(qg_buf *b, const qg_trace *const *ts, size_t n)
{
	qg_status rc = QG_OK;

	for (size_t k = 0; rc == QG_OK && k < n; k++) {
		const qg_trace *t = ts[k];

		rc = qg__emit(b, "%sQuote %D%s: \"%s\"\n", k ? "\n" : "", t->id,
		              t->indirect ? " (reported speech)" : "", t->text);
		if (rc == QG_OK)
			rc = qg__emit(b, "First seen: %s; %z occurrence%s\n",
			              t->first_seen ? t->first_seen : "unknown",
			              t->count, t->count == 1 ? "" : "s");
		if (rc == QG_OK)
			rc = claims(b, t);
		if (rc == QG_OK)
			rc = qg_buf_addstr(b, "Occurrences in date order:\n");
		for (size_t i = 0; rc == QG_OK && i < t->count; i++)
			rc = item(b, i, &t->items[i]);
		if (rc == QG_OK)
			rc = flag_lines(b, t);
	}
	return rc;
}
