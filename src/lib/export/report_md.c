/*
 * report_md.c -- the provenance report in Markdown: per quote the claims
 * with the articles stating them, a table of occurrences in date order,
 * and the flags spelled out. Article text is escaped (%m): no raw markup
 * from an article reaches a renderer.
 */
#include "emit.h"

static const char *const field_names[] = {"Speaker", "Outlet", "Venue",
                                          "Date"};

static qg_status md_claims(qg_buf *b, const qg_trace *t)
{
	qg_status rc = QG_OK;

	for (int f = 0; rc == QG_OK && f < QG_TRACE_FIELDS; f++) {
		rc = qg__emit(b, "- **%s:**", field_names[f]);
		if (rc == QG_OK && t->nclaims[f] == 0)
			rc = qg_buf_addstr(b, " not named");
		for (size_t i = 0; rc == QG_OK && i < t->nclaims[f]; i++) {
			const qg_trace_claim *c = &t->claims[f][i];

			rc = qg__emit(b, "%s %m (stated by", i ? ";" : "",
			              c->value);
			for (size_t k = 0; rc == QG_OK && k < c->count; k++)
				rc = qg__emit(b, "%s %m", k ? "," : "",
				              c->articles[k]);
			if (rc == QG_OK)
				rc = qg_buf_addc(b, ')');
		}
		if (rc == QG_OK)
			rc = qg_buf_addc(b, '\n');
	}
	return rc;
}

static qg_status md_row(qg_buf *b, const qg_trace *t, size_t i)
{
	const qg_trace_item *it = &t->items[i];
	qg_buf flags = QG_BUF_INIT;
	qg_status rc = qg__flags_text(&flags, it->flags);

	if (rc == QG_OK)
		rc = qg__emit(b, "| %z | %m | %m | %m | %s | %s%s%m | %m | %m "
		                 "| %s%s%s | %s |\n",
		              i + 1, it->article_date ? it->article_date : "",
		              it->article, it->publisher, qg_kind_name(it->kind),
		              qg_relation_name(it->relation), it->diff ? ": " : "",
		              it->diff, qg__item_speaker(it),
		              qg__item_outlet(t, it) ? qg__item_outlet(t, it)
		                                     : "none named",
		              it->names_speaker ? "speaker" : "",
		              it->names_speaker && it->names_outlet ? ", " : "",
		              it->names_outlet ? "outlet" : "",
		              flags.data ? flags.data : "");
	qg_buf_dispose(&flags);
	return rc;
}

static qg_status md_flags(qg_buf *b, const qg_trace *t)
{
	qg_status rc = qg_buf_addstr(b, "\n**Flags:**");

	if (rc == QG_OK && !t->flags)
		rc = qg_buf_addstr(b, " none");
	if (rc == QG_OK)
		rc = qg_buf_addstr(b, "\n\n");
	for (size_t i = 0; rc == QG_OK && i < t->count; i++) {
		const qg_trace_item *it = &t->items[i];

		if (it->flags & QG_TRACE_WORDING)
			rc = qg__emit(b, "- wording differs in %m: %m\n",
			              it->article, it->diff);
		if (rc == QG_OK && (it->flags & QG_TRACE_UNSOURCED))
			rc = qg__emit(b, "- carried with no source named in %m "
			                 "(%s)\n", it->article,
			              it->names_speaker ? "no outlet"
			                                : "no speaker");
		if (rc == QG_OK && (it->flags & QG_TRACE_SPEAKERS))
			rc = qg__emit(b, "- speaker differs: %m credits %m\n",
			              it->article, qg__item_speaker(it));
		if (rc == QG_OK && (it->flags & QG_TRACE_CONTEXT))
			rc = qg__emit(b, "- partial quote out of context in %m: "
			                 "\"%m\" %m, in no full version\n",
			              it->article, it->text, it->next_word);
	}
	return rc;
}

qg_status qg__report_md(qg_buf *b, const qg_trace *const *ts, size_t n)
{
	qg_status rc = qg__emit(b, "# Quote provenance report\n\n%z quote%s\n",
	                        n, n == 1 ? "" : "s");

	for (size_t k = 0; rc == QG_OK && k < n; k++) {
		const qg_trace *t = ts[k];

		rc = qg__emit(b, "\n## Quote %D\n\n> %m\n\n- **First seen:** "
		                 "%m\n",
		              t->id, t->text,
		              t->first_seen ? t->first_seen : "unknown");
		if (rc == QG_OK)
			rc = md_claims(b, t);
		if (rc == QG_OK)
			rc = qg_buf_addstr(
				b, "\n| # | Date | Article | Publisher | Kind | "
				   "Relation | Speaker | Outlet | Names | Flags |\n"
				   "|---|---|---|---|---|---|---|---|---|---|\n");
		for (size_t i = 0; rc == QG_OK && i < t->count; i++)
			rc = md_row(b, t, i);
		if (rc == QG_OK)
			rc = md_flags(b, t);
	}
	return rc;
}
