/*
 * report_html.c -- the provenance report as one self-contained HTML page:
 * inline CSS, no script, nothing fetched. Each quote shows its claims,
 * the chain drawn in inline SVG (speaker -> outlet -> articles, flagged
 * articles in red), a table of occurrences and the flags. Every string
 * from an article goes through qg_buf_html (%h).
 */
#include <string.h>

#include "emit.h"

/* SVG geometry: three columns of boxes. */
#define COL_W 230
#define COL_GAP 60
#define BOX_H 44
#define ROW_H 56
#define LABEL_CHARS 30

static const char style[] =
	"body{font:15px/1.45 system-ui,sans-serif;margin:2em auto;"
	"max-width:72em;color:#222;padding:0 1em}"
	"h1{font-size:1.6em}h2{font-size:1.25em;margin-top:2em}"
	"blockquote{border-left:4px solid #888;margin:1em 0;padding:.3em 1em;"
	"background:#f6f6f6}"
	"table{border-collapse:collapse;width:100%;font-size:.9em}"
	"th,td{border:1px solid #ccc;padding:.3em .5em;text-align:left;"
	"vertical-align:top}th{background:#eee}"
	".flag{display:inline-block;background:#c0392b;color:#fff;"
	"border-radius:3px;padding:0 .4em;margin-right:.3em;font-size:.85em}"
	".by{color:#666}dt{font-weight:bold}"
	"svg text{font:12px system-ui,sans-serif}"
	"svg .node{fill:#eef3fa;stroke:#3b6ea8}"
	"svg .speaker{fill:#fdf2e0;stroke:#b07a1e}"
	"svg .none{fill:#fff;stroke:#999;stroke-dasharray:4 3}"
	"svg .flagged{fill:#fbe9e7;stroke:#c0392b}"
	"svg .edge{stroke:#777;fill:none}svg .ftext{fill:#c0392b}";

static const char *const field_names[] = {"Speaker", "Outlet", "Venue",
                                          "Date"};

static qg_status html_flags(qg_buf *b, unsigned flags)
{
	qg_status rc = QG_OK;

	for (unsigned f = 1; rc == QG_OK && f <= QG_TRACE_CONTEXT; f <<= 1)
		if (flags & f)
			rc = qg__emit(b, "<span class=\"flag\">%s</span>",
			              qg_trace_flag_name(f));
	return rc;
}

static qg_status html_claims(qg_buf *b, const qg_trace *t)
{
	qg_status rc = qg_buf_addstr(b, "<dl>");

	for (int f = 0; rc == QG_OK && f < QG_TRACE_FIELDS; f++) {
		rc = qg__emit(b, "<dt>%s</dt>", field_names[f]);
		if (rc == QG_OK && !t->nclaims[f])
			rc = qg_buf_addstr(b, "<dd>not named</dd>");
		for (size_t i = 0; rc == QG_OK && i < t->nclaims[f]; i++) {
			const qg_trace_claim *c = &t->claims[f][i];

			rc = qg__emit(b, "<dd>%h <span class=\"by\">(stated by ",
			              c->value);
			for (size_t k = 0; rc == QG_OK && k < c->count; k++)
				rc = qg__emit(b, "%s%h", k ? ", " : "",
				              c->articles[k]);
			if (rc == QG_OK)
				rc = qg_buf_addstr(b, ")</span></dd>");
		}
	}
	if (rc == QG_OK)
		rc = qg_buf_addstr(b, "</dl>\n");
	return rc;
}

static qg_status box(qg_buf *b, int col, size_t row, const char *cls,
                     const char *line1, const char *line2)
{
	char cut1[LABEL_CHARS * 4 + 4], cut2[LABEL_CHARS * 4 + 4];
	size_t x = 10 + (size_t)col * (COL_W + COL_GAP), y = 10 + row * ROW_H;

	return qg__emit(b, "<rect class=\"%s\" x=\"%z\" y=\"%z\" width=\"%d\" "
	                   "height=\"%d\" rx=\"6\"/><text x=\"%z\" y=\"%z\">%h"
	                   "</text><text x=\"%z\" y=\"%z\" class=\"%s\">%h"
	                   "</text>\n",
	                cls, x, y, COL_W, BOX_H, x + 8, y + 18,
	                qg__cut(cut1, line1, LABEL_CHARS), x + 8, y + 35,
	                strcmp(cls, "flagged") == 0 ? "ftext" : "sub",
	                qg__cut(cut2, line2, LABEL_CHARS));
}

static qg_status edge(qg_buf *b, int64_t id, int from_col, size_t from,
                      size_t to)
{
	size_t x1 = 10 + (size_t)from_col * (COL_W + COL_GAP) + COL_W;
	size_t y1 = 10 + from * ROW_H + BOX_H / 2, x2 = x1 + COL_GAP;
	size_t y2 = 10 + to * ROW_H + BOX_H / 2;

	return qg__emit(b, "<path class=\"edge\" d=\"M%z %z C%z %z %z %z %z "
	                   "%z\" marker-end=\"url(#arrow%D)\"/>\n",
	                x1, y1, x1 + COL_GAP / 2, y1, x2 - COL_GAP / 2, y2, x2,
	                y2, id);
}

/* Place the nodes: speakers, outlets (NULL: none named) and articles,
 * each once; then draw boxes and the edges of every occurrence. */
typedef struct chain {
	const char **speakers, **outlets;
	size_t *arow; /* per item: its article's row */
	unsigned *aflags;
	const qg_trace_item **afirst;
	size_t ns, no, na;
} chain;

static qg_status chain_boxes(qg_buf *b, const chain *c)
{
	qg_buf fl = QG_BUF_INIT;
	qg_status rc = QG_OK;

	for (size_t i = 0; rc == QG_OK && i < c->ns; i++)
		rc = box(b, 0, i, c->speakers[i] ? "speaker" : "none",
		         c->speakers[i] ? c->speakers[i] : "speaker not named",
		         "speaker");
	for (size_t i = 0; rc == QG_OK && i < c->no; i++)
		rc = box(b, 1, i, c->outlets[i] ? "node" : "none",
		         c->outlets[i] ? c->outlets[i] : "no outlet named",
		         "outlet");
	for (size_t i = 0; rc == QG_OK && i < c->na; i++) {
		const qg_trace_item *it = c->afirst[i];

		qg_buf_reset(&fl);
		rc = qg__flags_text(&fl, c->aflags[i]);
		if (rc == QG_OK)
			rc = box(b, 2, i, c->aflags[i] ? "flagged" : "node",
			         it->article,
			         c->aflags[i] ? fl.data
			                      : (it->article_date ? it->article_date
			                                          : "undated"));
	}
	qg_buf_dispose(&fl);
	return rc;
}

/* Give every speaker, outlet and article its row; returns the rows of
 * the tallest column. */
static size_t chain_place(const qg_trace *t, chain *c)
{
	size_t rows;

	/* the items of one article are adjacent (trace order): a new row
	 * starts where the article changes */
	for (size_t i = 0; i < t->count; i++) {
		const qg_trace_item *it = &t->items[i];

		if (i == 0 || t->items[i - 1].article_id != it->article_id)
			c->afirst[c->na++] = it;
		c->arow[i] = c->na - 1;
		c->aflags[c->na - 1] |= it->flags;
		qg__name_index(c->speakers, &c->ns, it->speaker);
		qg__name_index(c->outlets, &c->no, qg__item_outlet(t, it));
	}
	rows = c->na > c->ns ? c->na : c->ns;
	return rows > c->no ? rows : c->no;
}

static qg_status chain_svg(qg_buf *b, const qg_trace *t, chain *c)
{
	size_t rows = chain_place(t, c);
	qg_status rc = qg__emit(b, "<figure><svg xmlns=\"http://www.w3.org/2000/svg\" "
	                 "role=\"img\" width=\"%d\" height=\"%z\" viewBox=\"0 0 "
	                 "%d %z\"><title>The chain of quote %D</title><defs>"
	                 "<marker id=\"arrow%D\" viewBox=\"0 0 10 10\" refX=\"10\" "
	                 "refY=\"5\" markerWidth=\"7\" markerHeight=\"7\" "
	                 "orient=\"auto\"><path d=\"M0 0L10 5L0 10z\" "
	                 "fill=\"#777\"/></marker></defs>\n",
	              3 * COL_W + 2 * COL_GAP + 20, rows * ROW_H + 20,
	              3 * COL_W + 2 * COL_GAP + 20, rows * ROW_H + 20, t->id,
	              t->id);
	if (rc == QG_OK)
		rc = chain_boxes(b, c);
	for (size_t i = 0; rc == QG_OK && i < t->count; i++) {
		const qg_trace_item *it = &t->items[i];
		size_t s = qg__name_index(c->speakers, &c->ns, it->speaker);
		size_t o = qg__name_index(c->outlets, &c->no,
		                          qg__item_outlet(t, it));

		rc = edge(b, t->id, 0, s, o);
		if (rc == QG_OK)
			rc = edge(b, t->id, 1, o, c->arow[i]);
	}
	if (rc == QG_OK)
		rc = qg_buf_addstr(b, "</svg><figcaption>The chain: speaker "
		                      "\xe2\x86\x92 outlet \xe2\x86\x92 articles "
		                      "(flagged articles in red)</figcaption>"
		                      "</figure>\n");
	return rc;
}

static qg_status html_chain(qg_buf *b, const qg_trace *t)
{
	size_t n = t->count + 1;
	chain c = {qg__calloc(n, sizeof(char *)), qg__calloc(n, sizeof(char *)),
	           qg__calloc(n, sizeof(size_t)), qg__calloc(n, sizeof(unsigned)),
	           qg__calloc(n, sizeof(void *)), 0, 0, 0};
	qg_status rc = QG_ERR_NOMEM;

	if (c.speakers && c.outlets && c.arow && c.aflags && c.afirst)
		rc = chain_svg(b, t, &c);
	qg__free(c.speakers);
	qg__free(c.outlets);
	qg__free(c.arow);
	qg__free(c.aflags);
	qg__free(c.afirst);
	return rc;
}

static qg_status html_row(qg_buf *b, const qg_trace *t, size_t i)
{
	const qg_trace_item *it = &t->items[i];
	const char *outlet = qg__item_outlet(t, it);
	qg_status rc = qg__emit(
		b, "<tr><td>%z</td><td>%h</td><td>%h<br><span class=\"by\">%h"
		   "</span></td><td>%h</td><td>%s</td><td>%s%s%h</td><td>%h</td>"
		   "<td>%h</td><td>%h</td><td>%s %s</td><td>",
		i + 1, it->article_date ? it->article_date : "", it->article,
		it->article_title, it->publisher, qg_kind_name(it->kind),
		qg_relation_name(it->relation), it->diff ? ": " : "", it->diff,
		it->text, qg__item_speaker(it), outlet ? outlet : "none named",
		it->names_speaker ? "speaker" : "",
		it->names_outlet ? "outlet" : "");

	if (rc == QG_OK)
		rc = html_flags(b, it->flags);
	if (rc == QG_OK && (it->flags & QG_TRACE_CONTEXT))
		rc = qg__emit(b, " followed by \xe2\x80\x9c%h\xe2\x80\x9d",
		              it->next_word);
	if (rc == QG_OK)
		rc = qg_buf_addstr(b, "</td></tr>\n");
	return rc;
}

static qg_status html_quote(qg_buf *b, const qg_trace *t)
{
	qg_status rc = qg__emit(b, "<section class=\"quote\" id=\"q%D\">"
	                           "<h2>Quote %D</h2><blockquote>%h</blockquote>"
	                           "<p>First seen: %h. Flags: ",
	                        t->id, t->id, t->text,
	                        t->first_seen ? t->first_seen : "unknown");

	if (rc == QG_OK)
		rc = t->flags ? html_flags(b, t->flags) : qg_buf_addstr(b, "none");
	if (rc == QG_OK)
		rc = qg_buf_addstr(b, "</p>\n");
	if (rc == QG_OK)
		rc = html_claims(b, t);
	if (rc == QG_OK)
		rc = html_chain(b, t);
	if (rc == QG_OK)
		rc = qg_buf_addstr(b, "<table><thead><tr><th>#</th><th>Date</th>"
		                      "<th>Article</th><th>Publisher</th><th>Kind"
		                      "</th><th>Relation</th><th>Words</th><th>"
		                      "Speaker</th><th>Outlet</th><th>Names</th>"
		                      "<th>Flags</th></tr></thead><tbody>\n");
	for (size_t i = 0; rc == QG_OK && i < t->count; i++)
		rc = html_row(b, t, i);
	if (rc == QG_OK)
		rc = qg_buf_addstr(b, "</tbody></table></section>\n");
	return rc;
}

qg_status qg__report_html(qg_buf *b, const qg_trace *const *ts, size_t n)
{
	qg_status rc = qg__emit(b, "<!DOCTYPE html>\n<html lang=\"en\"><head>"
	                           "<meta charset=\"utf-8\"><title>Quote "
	                           "provenance report</title><style>%s</style>"
	                           "</head><body>\n<h1>Quote provenance report"
	                           "</h1><p>%z quote%s</p>\n",
	                        style, n, n == 1 ? "" : "s");

	for (size_t k = 0; rc == QG_OK && k < n; k++)
		rc = html_quote(b, ts[k]);
	if (rc == QG_OK)
		rc = qg_buf_addstr(b, "</body></html>\n");
	return rc;
}
