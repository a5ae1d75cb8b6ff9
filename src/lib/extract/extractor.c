/*
 * extractor.c -- qg_extractor: the compiled lexicons and the scratch arrays
 * of every stage, and qg_extract(), which runs one article through the
 * pipeline: bytes -> doc -> segments -> quotes -> cues -> mentions ->
 * attributions. The scratch arrays are reused from one article to the next,
 * so memory stays flat over a corpus.
 */
#include <string.h>

#include "../resolve/resolve.h"
#include "../text/header.h"
#include "article.h"

/* Dates kept per sentence: a speech sentence rarely names more than two
 * ("scheduled to speak on March 18, and during remarks on March 16 ..."). */
#define QG_SENT_DATES 4

struct qg_extractor {
	qg_error err;
	qg_lexicon *lx;
	qg_segments sg;
	qg_quotes qs;
	qg_cues cs;
	qg_resolver rs;
	qg_buf scratch; /* the quote text, NUL-terminated, before it is copied */
	/* the dates of each sentence (the first few), found once however
	 * many quotes the sentence frames; reused from one article to the
	 * next */
	struct sent_date {
		bool done;
		unsigned char n;
		char date[QG_SENT_DATES][11];
		size_t at[QG_SENT_DATES]; /* middle of each, article offset */
	} *sdates;
	size_t capsdates;
};

qg_status qg_extractor_new(qg_extractor **out)
{
	qg_extractor *ex = qg__calloc(1, sizeof(qg_extractor));
	qg_status rc = ex ? QG_OK : QG_ERR_NOMEM;

	if (rc == QG_OK)
		rc = qg_lexicon_new(&ex->lx);
	if (rc < 0) {
		qg_extractor_free(ex);
		ex = NULL;
	}
	*out = ex;
	return rc;
}

void qg_extractor_free(qg_extractor *ex)
{
	if (!ex)
		return;
	qg_lexicon_free(ex->lx);
	qg_segments_dispose(&ex->sg);
	qg_quotes_dispose(&ex->qs);
	qg_cues_dispose(&ex->cs);
	qg_resolver_dispose(&ex->rs);
	qg_buf_dispose(&ex->scratch);
	qg__free(ex->sdates);
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

/* The first byte a token of quote q may be flagged or passed at. */
static size_t quote_low(const qg_quote *q)
{
	size_t lo = q->open < q->start ? q->open : q->start;

	return lo < q->end ? lo : q->end;
}

/* The first token from i on that starts at `lo` or after (tokens are in
 * text order): by halves, as most tokens lie between quotes. */
static size_t tok_from(const qg_segments *sg, size_t i, size_t lo)
{
	size_t hi = sg->ntok;

	while (i < hi) {
		size_t mid = i + (hi - i) / 2;

		if (sg->toks[mid].start < lo)
			i = mid + 1;
		else
			hi = mid;
	}
	return i;
}

/* Flag as quoted the tokens from i on that start before `end`, the
 * first of them inside a quote's text: the rest of that text, in one
 * short loop. The index after the last one. */
static size_t mark_quoted(qg_segments *sg, size_t i, size_t end)
{
	for (; i < sg->ntok && sg->toks[i].start < end; i++)
		sg->toks[i].flags |= QG_T_QUOTED;
	return i;
}

/* Flag the tokens inside quotes and the marks around them. */
static void mark_tokens(qg_extractor *ex)
{
	size_t q = 0;

	for (size_t i = 0; i < ex->sg.ntok; i++) {
		qg_tok *t;

		/* tokens before the next quote's first byte: nothing to do */
		if (q < ex->qs.n) {
			size_t lo = quote_low(&ex->qs.items[q]);

			if (ex->sg.toks[i].start < lo)
				i = tok_from(&ex->sg, i, lo);
			if (i >= ex->sg.ntok)
				break;
		}
		t = &ex->sg.toks[i];

		while (q < ex->qs.n && ex->qs.items[q].close <= t->start &&
		       ex->qs.items[q].end <= t->start)
			q++;
		if (q >= ex->qs.n)
			break;
		if (t->start >= ex->qs.items[q].start &&
		    t->start < ex->qs.items[q].end)
			i = mark_quoted(&ex->sg, i, ex->qs.items[q].end) - 1;
		else if (t->start == ex->qs.items[q].open ||
		         (t->start >= ex->qs.items[q].end &&
		          t->start < ex->qs.items[q].close))
			t->flags |= QG_T_MARK;
	}
}

/* Read the dates of sentence `si` once. */
static void sent_dates(qg_extractor *ex, const qg_article *a, size_t si)
{
	struct sent_date *sd = &ex->sdates[si];
	const qg_sent *st = &ex->sg.sents[si];
	size_t off = st->start;
	qg_span at;

	sd->n = 0;
	while (sd->n < QG_SENT_DATES && off < st->end &&
	       qg_date_scan(a->text + off, st->end - off, a->date,
	                    sd->date[sd->n], &at) && at.end > 0) {
		sd->at[sd->n++] = off + (at.start + at.end) / 2;
		off += at.end;
	}
	sd->done = true;
}

/*
 * The speech date: of the dates named in the cue's sentence `si` (resolved
 * against the article's date: "on Sunday"), the one nearest the cue at
 * `pos`, as a sentence may also name the day of some other event; "" when
 * none.
 */
static const char *speech_date(qg_extractor *ex, const qg_article *a,
                               size_t si, size_t pos)
{
	struct sent_date *sd = &ex->sdates[si];
	size_t best = 0, dist = SIZE_MAX;

	if (!sd->done)
		sent_dates(ex, a, si);
	for (size_t i = 0; i < sd->n; i++) {
		size_t d = sd->at[i] > pos ? sd->at[i] - pos : pos - sd->at[i];

		if (d < dist) {
			dist = d;
			best = i;
		}
	}
	return sd->n ? sd->date[best] : "";
}

/* Set a header field to the bytes of `sp` (left alone when empty). */
static qg_status set_span(qg_article *a, char **field, qg_span sp)
{
	char buf[512];
	size_t n = sp.end - sp.start;

	if (sp.end <= sp.start || *field)
		return QG_OK;
	if (n >= sizeof(buf))
		n = sizeof(buf) - 1;
	memcpy(buf, a->text + sp.start, n);
	buf[n] = '\0';
	return qg__article_set(a, field, buf);
}

/* One decision as an attribution of the article (strings copied). */
static qg_status add_decision(qg_extractor *ex, qg_article *a,
                              const qg_decision *q, char *scratch,
                              size_t cap)
{
	const qg_resolver *r = &ex->rs;
	qg_attribution at;
	const qg_sent *st = &ex->sg.sents[q->sent];
	const char *date;

	memset(&at, 0, sizeof(at));
	at.kind = (qg_kind)q->kind;
	at.span = (qg_span){q->start, q->end};
	qg_buf_reset(&ex->scratch);
	if (qg_buf_add(&ex->scratch, a->text + q->start, q->end - q->start) < 0)
		return QG_ERR_NOMEM;
	at.quote = ex->scratch.data ? ex->scratch.data : "";
	if (q->speaker >= 0) {
		const qg_entity *e = &r->es[q->speaker];

		at.speaker = qg_resolver_str(r, e->name);
		at.speaker_title = qg_resolver_str(r, e->title);
		at.speaker_type = e->type == QG_M_PERSON   ? QG_ENTITY_PERSON
		                  : e->type == QG_M_OUTLET ? QG_ENTITY_OUTLET
		                  : e->type == QG_M_GROUP  ? QG_ENTITY_UNKNOWN
		                                           : QG_ENTITY_ORG;
	}
	if (q->cue >= 0) {
		const qg_cue *c = &ex->cs.items[q->cue];

		at.cue = c->text;
		at.cue_span = (qg_span){ex->sg.toks[c->tok0].start,
		                        ex->sg.toks[c->tok1 - 1].end};
	}
	if (q->outlet >= 0)
		at.outlet = qg_resolver_str(r, r->es[q->outlet].name);
	if (q->venue1 > q->venue0 && q->venue1 - q->venue0 < cap) {
		memcpy(scratch, a->text + q->venue0, q->venue1 - q->venue0);
		scratch[q->venue1 - q->venue0] = '\0';
		at.venue = scratch;
	}
	at.sentence = (qg_span){st->start, st->end};
	date = speech_date(ex, a,
	                   q->cue >= 0 ? ex->cs.items[q->cue].sent : q->sent,
	                   q->cue >= 0 ? at.cue_span.start : q->start);
	if (date[0])
		at.date = date;
	at.rule = q->rule;
	at.confidence = q->confidence;
	return qg__article_add(a, &at);
}

/* Keep the header fields, and drop from the paragraphs the header lines
 * other than the title, and boilerplate lines ("Share this article"). */
static qg_status use_header(qg_extractor *ex, qg_article *a, qg_doc *doc)
{
	qg_header h;
	qg_status rc = qg_header_parse(a->text, a->len, &h);
	size_t keep = 0;

	if (rc < 0)
		return rc;
	/* a title is a line of its own above the body */
	if (h.title.end > h.title.start && ex->sg.npara > 1 &&
	    ex->sg.paras[ex->sg.npara - 1].start > h.title.end) {
		doc->title0 = h.title.start;
		doc->title1 = h.title.end;
	} else if (h.title.end > h.title.start) {
		/* a lone line is the body itself */
		h.body = h.title.start;
		h.title.start = h.title.end = 0;
	}
	if (h.dateline_end > h.body) {
		doc->dateline0 = h.body;
		doc->dateline1 = h.dateline_end;
	}
	if (h.date[0] && !a->date)
		rc = qg__article_set(a, &a->date, h.date);
	rc = rc < 0 ? rc : set_span(a, &a->title, h.title);
	rc = rc < 0 ? rc : set_span(a, &a->byline, h.byline);
	rc = rc < 0 ? rc : set_span(a, &a->publisher, h.publisher);
	for (size_t i = 0; rc == QG_OK && i < ex->sg.npara; i++) {
		qg_para p = ex->sg.paras[i];
		bool title = h.title.end > h.title.start &&
		             p.start <= h.title.start && h.title.start < p.end;

		if (!title && p.end <= h.body)
			continue;
		if (qg_boilerplate_line(a->text + p.start, p.end - p.start))
			continue;
		ex->sg.paras[keep++] = p;
	}
	ex->sg.npara = keep;
	return rc;
}

static qg_status run_pipeline(qg_extractor *ex, qg_article *a)
{
	qg_doc doc = {a->text, a->len, ex->lx, &ex->sg, &ex->qs, &ex->cs,
	              0, 0, 0, 0};
	qg_status rc = qg_segment_paras(&ex->sg, a->text, a->len);
	char venue[256];

	if (rc == QG_OK)
		rc = use_header(ex, a, &doc);

	if (rc == QG_OK)
		rc = qg_turns_find(&ex->qs, ex->lx, a->text, a->len, &ex->sg);
	if (rc == QG_OK)
		rc = qg_quotes_find(&ex->qs, a->text, &ex->sg);
	if (rc == QG_OK)
		rc = qg_segment_sents(&ex->sg, a->text, a->len, qg_quotes_inside,
		                      &ex->qs);
	if (rc == QG_OK) {
		mark_tokens(ex);
		rc = qg_cues_find(&ex->cs, ex->lx, a->text, &ex->sg);
	}
	if (rc == QG_OK)
		rc = qg_resolve(&ex->rs, &doc);
	if (rc == QG_OK)
		rc = qg__grow((void **)&ex->sdates, &ex->capsdates,
		              ex->sg.nsent ? ex->sg.nsent : 1,
		              sizeof(*ex->sdates));
	for (size_t i = 0; rc == QG_OK && i < ex->sg.nsent; i++)
		ex->sdates[i].done = false;
	for (size_t i = 0; rc == QG_OK && i < ex->rs.nd; i++)
		if (ex->rs.ds[i].keep)
			rc = add_decision(ex, a, &ex->rs.ds[i], venue, sizeof(venue));
	return rc;
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
	rc = run_pipeline(ex, a);
	if (rc < 0) {
		qg__error(&ex->err, rc, 0, "out of memory in extraction");
		goto done;
	}
	*out = a;
	a = NULL;
done:
	qg_article_free(a);
	return rc;
}
