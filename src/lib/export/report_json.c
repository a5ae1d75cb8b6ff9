/*
 * report_json.c -- traces for tools: JSON (one object per quote, with its
 * claims, occurrences and flags) and CSV (one row per occurrence).
 */
#include "emit.h"

static const char *const field_keys[] = {"speakers", "outlets", "venues",
                                         "dates"};

static qg_status flags_json(qg_buf *b, unsigned flags)
{
	qg_status rc = qg_buf_addc(b, '[');
	int first = 1;

	for (unsigned f = 1; rc == QG_OK && f <= QG_TRACE_CONTEXT; f <<= 1) {
		if (!(flags & f))
			continue;
		rc = qg__emit(b, "%s%j", first ? "" : ",", qg_trace_flag_name(f));
		first = 0;
	}
	if (rc == QG_OK)
		rc = qg_buf_addc(b, ']');
	return rc;
}

static qg_status claims_json(qg_buf *b, const qg_trace *t, int f)
{
	qg_status rc = qg__emit(b, ",%j:[", field_keys[f]);

	for (size_t i = 0; rc == QG_OK && i < t->nclaims[f]; i++) {
		const qg_trace_claim *c = &t->claims[f][i];

		rc = qg__emit(b, "%s{\"value\":%j,\"articles\":[", i ? "," : "",
		              c->value);
		for (size_t k = 0; rc == QG_OK && k < c->count; k++)
			rc = qg__emit(b, "%s%j", k ? "," : "", c->articles[k]);
		if (rc == QG_OK)
			rc = qg_buf_addstr(b, "]}");
	}
	if (rc == QG_OK)
		rc = qg_buf_addc(b, ']');
	return rc;
}

static qg_status item_json(qg_buf *b, const qg_trace_item *it)
{
	qg_status rc = qg__emit(
		b, "{\"occurrence_id\":%D,\"article_id\":%D,\"article\":%j,"
		   "\"article_title\":%j,\"article_date\":%j,\"publisher\":%j,"
		   "\"kind\":%j,\"relation\":%j,\"text\":%j,\"diff\":%j,",
		it->occurrence, it->article_id, it->article, it->article_title,
		it->article_date, it->publisher, qg_kind_name(it->kind),
		qg_relation_name(it->relation), it->text, it->diff);

	if (rc == QG_OK)
		rc = qg__emit(b, "\"next_word\":%j,\"speaker\":%j,\"outlet\":%j,"
		                 "\"venue\":%j,\"date\":%j,\"names_speaker\":%s,"
		                 "\"names_outlet\":%s,\"flags\":",
		              it->next_word, it->speaker, it->outlet, it->venue,
		              it->date, it->names_speaker ? "true" : "false",
		              it->names_outlet ? "true" : "false");
	if (rc == QG_OK)
		rc = flags_json(b, it->flags);
	if (rc == QG_OK)
		rc = qg_buf_addc(b, '}');
	return rc;
}

qg_status qg__trace_json(qg_buf *b, const qg_trace *t)
{
	qg_status rc = qg__emit(b, "{\"quote_id\":%D,\"text\":%j,"
	                           "\"first_seen\":%j,\"reported_speech\":%s,"
	                           "\"flags\":",
	                        t->id, t->text, t->first_seen,
	                        t->indirect ? "true" : "false");

	if (rc == QG_OK)
		rc = flags_json(b, t->flags);
	for (int f = 0; rc == QG_OK && f < QG_TRACE_FIELDS; f++)
		rc = claims_json(b, t, f);
	if (rc == QG_OK)
		rc = qg_buf_addstr(b, ",\"occurrences\":[");
	for (size_t i = 0; rc == QG_OK && i < t->count; i++) {
		if (i)
			rc = qg_buf_addc(b, ',');
		if (rc == QG_OK)
			rc = item_json(b, &t->items[i]);
	}
	if (rc == QG_OK)
		rc = qg_buf_addstr(b, "]}");
	return rc;
}

qg_status qg__report_json(qg_buf *b, const qg_trace *const *ts, size_t n)
{
	qg_status rc = qg_buf_addstr(b, "{\"quotes\":[");

	for (size_t k = 0; rc == QG_OK && k < n; k++) {
		if (k)
			rc = qg_buf_addstr(b, ",\n");
		if (rc == QG_OK)
			rc = qg__trace_json(b, ts[k]);
	}
	if (rc == QG_OK)
		rc = qg_buf_addstr(b, "]}\n");
	return rc;
}

qg_status qg__report_csv(qg_buf *b, const qg_trace *const *ts, size_t n)
{
	qg_status rc = qg_buf_addstr(
		b, "quote_id,quote,occurrence_id,article,article_date,publisher,"
		   "kind,relation,text,diff,speaker,outlet,venue,date,"
		   "names_speaker,names_outlet,flags\r\n");
	qg_buf flags = QG_BUF_INIT;

	for (size_t k = 0; rc == QG_OK && k < n; k++) {
		const qg_trace *t = ts[k];

		for (size_t i = 0; rc == QG_OK && i < t->count; i++) {
			const qg_trace_item *it = &t->items[i];

			qg_buf_reset(&flags);
			rc = qg__flags_text(&flags, it->flags);
			if (rc == QG_OK)
				rc = qg__emit(b, "%D,%v,%D,%v,%v,%v,%v,%v,%v,%v,",
				              t->id, t->text, it->occurrence,
				              it->article, it->article_date,
				              it->publisher, qg_kind_name(it->kind),
				              qg_relation_name(it->relation),
				              it->text, it->diff);
			if (rc == QG_OK)
				rc = qg__emit(b, "%v,%v,%v,%v,%d,%d,%v\r\n",
				              it->speaker, it->outlet, it->venue,
				              it->date, it->names_speaker,
				              it->names_outlet, flags.data);
		}
	}
	qg_buf_dispose(&flags);
	return rc;
}
