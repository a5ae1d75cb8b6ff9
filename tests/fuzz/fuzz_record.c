/*
 * fuzz_record.c -- fuzz target for qg_record_parse(), the JSON Lines
 * article record reader: any bytes give a record handle (QG_OK with its
 * text, or QG_ERR_INPUT with a message and an offset inside the line), and
 * the text of a good record goes on through the extractor.
 */
#include <stdlib.h>

#include "fuzz.h"
#include "quotegraph.h"

static qg_extractor *ex;

static void extract_text(const qg_record *rec)
{
	size_t len = 0;
	const char *text = qg_record_text(rec, &len);
	qg_article *a = NULL;

	if (!text || !qg_record_meta(rec))
		abort();
	if (!ex && qg_extractor_new(&ex) < 0)
		abort();
	if (qg_extract(ex, "record", text, len, qg_record_meta(rec), &a) ==
	    QG_OK && !a)
		abort();
	qg_article_free(a);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	qg_record *rec = NULL;
	qg_status rc = qg_record_parse(&rec, (const char *)data, size);

	if (!rec)
		abort(); /* set even on failure unless memory ran out */
	if (rc == QG_OK)
		extract_text(rec);
	else if (rc != QG_ERR_INPUT || !qg_record_errmsg(rec) ||
	         qg_record_erroffset(rec) > size)
		abort();
	qg_record_free(rec);
	return 0;
}
