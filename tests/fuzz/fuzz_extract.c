/*
 * fuzz_extract.c -- fuzz target for qg_extract(): any bytes are either
 * refused as input (with an offset inside them) or read into an article
 * whose every span lies inside the input, and which the JSON Lines and text
 * writers can print. Anything else aborts, so that the fuzzer keeps the
 * input. One extractor serves every input, as in the CLI.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "quotegraph.h"

static qg_extractor *ex;
static FILE *sink;

static void check_span(qg_span s, size_t size)
{
	if (s.start > s.end || s.end > size)
		abort();
}

static void check_article(const qg_article *a, size_t size)
{
	for (size_t i = 0; i < qg_article_count(a); i++) {
		const qg_attribution *q = qg_article_at(a, i);

		if (!q || !q->quote || (unsigned)q->kind > QG_KIND_INDIRECT)
			abort();
		check_span(q->span, size);
		check_span(q->cue_span, size);
		check_span(q->sentence, size);
		if (!(q->confidence >= 0.0 && q->confidence <= 1.0))
			abort();
		/* a quote never holds more bytes than the input */
		if (strlen(q->quote) > size)
			abort();
	}
	if (qg_article_write(a, QG_FORMAT_JSONL, sink) < 0 ||
	    qg_article_write(a, QG_FORMAT_TEXT, sink) < 0)
		abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	qg_article *a = NULL;
	qg_status rc;

	if (!ex && qg_extractor_new(&ex) < 0)
		abort();
	if (!sink)
		sink = fopen("/dev/null", "w");
	if (!sink)
		abort();
	rc = qg_extract(ex, "fuzz.txt", (const char *)data, size, NULL, &a);
	if (rc == QG_OK && a)
		check_article(a, size);
	else if (rc != QG_ERR_INPUT || a || !qg_extractor_errmsg(ex) ||
	         qg_extractor_erroffset(ex) > size)
		abort();
	qg_article_free(a);
	return 0;
}
