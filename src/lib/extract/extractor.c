/*
 * extractor.c -- qg_extractor: the compiled patterns and lexicons, and
 * qg_extract(), which runs one article through the pipeline:
 * bytes -> doc -> segments -> quotes -> cues -> mentions -> attributions.
 */
#include <string.h>

#include "article.h"

struct qg_extractor {
	qg_error err;
};

qg_status qg_extractor_new(qg_extractor **out)
{
	*out = qg__calloc(1, sizeof(qg_extractor));
	return *out ? QG_OK : QG_ERR_NOMEM;
}

void qg_extractor_free(qg_extractor *ex)
{
	qg__free(ex);
}

const char *qg_extractor_errmsg(const qg_extractor *ex)
{
	return ex->err.msg;
}

size_t qg_extractor_erroffset(const qg_extractor *ex)
{
	return ex->err.offset;
}

/* Refuse what is not text before any parsing starts. */
static qg_status check_input(qg_extractor *ex, const char *text, size_t len)
{
	size_t bad;

	if (len == 0)
		return qg__error(&ex->err, QG_ERR_INPUT, 0, "empty article");
	bad = qg_utf8_check(text, len);
	if (bad < len)
		return qg__error(&ex->err, QG_ERR_INPUT, bad,
		                 text[bad] == '\0' ? "NUL byte at offset %zu"
		                                   : "invalid UTF-8 at offset %zu",
		                 bad);
	return QG_OK;
}

qg_status qg_extract(qg_extractor *ex, const char *name, const char *text,
                     size_t len, const qg_article_meta *meta, qg_article **out)
{
	qg_article *a = NULL;
	qg_status rc;

	*out = NULL;
	qg__error_clear(&ex->err);
	rc = check_input(ex, text, len);
	if (rc < 0)
		goto done;
	rc = qg__article_new(&a, meta && meta->id ? meta->id : name, text, len);
	if (rc < 0)
		goto done;
	/* TODO(issue 2): the pipeline */
	*out = a;
	a = NULL;
done:
	qg_article_free(a);
	return rc;
}
