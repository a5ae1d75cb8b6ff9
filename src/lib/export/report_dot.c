/*
 * report_dot.c -- the chains as a Graphviz graph: per quote a cluster with
 * speaker -> quote -> outlet -> article, an article that names no outlet
 * linked straight from the quote by a dashed edge, flagged articles red.
 * A strict digraph, so that the edge shared by many occurrences is drawn
 * once.
 */
#include <string.h>

#include "emit.h"

#define LABEL_CHARS 60

static qg_status dot_nodes(qg_buf *b, const qg_trace *t)
{
	char cut[LABEL_CHARS * 4 + 4];
	qg_status rc = qg__emit(b, "  subgraph \"cluster_q%D\" {\n    label=\""
	                           "Quote %D\";\n    \"q%D\" [label=\"%q\", "
	                           "shape=note];\n",
	                        t->id, t->id, t->id,
	                        qg__cut(cut, t->text, LABEL_CHARS));

	for (size_t i = 0; rc == QG_OK && i < t->nclaims[QG_TRACE_SPEAKER]; i++)
		rc = qg__emit(b, "    \"q%D_s%z\" [label=\"%q\", shape=ellipse, "
		                 "color=\"#b07a1e\"];\n",
		              t->id, i, t->claims[QG_TRACE_SPEAKER][i].value);
	for (size_t i = 0; rc == QG_OK && i < t->nclaims[QG_TRACE_OUTLET]; i++)
		rc = qg__emit(b, "    \"q%D_o%z\" [label=\"%q\", shape=house];\n",
		              t->id, i, t->claims[QG_TRACE_OUTLET][i].value);
	for (size_t i = 0; rc == QG_OK && i < t->count; i++) {
		const qg_trace_item *it = &t->items[i];

		rc = qg__emit(b, "    \"q%D_a%D\" [label=\"%q\\n%q\\n%q\"%s];\n",
		              t->id, it->article_id, it->article,
		              it->article_date ? it->article_date : "undated",
		              it->publisher ? it->publisher : "",
		              it->flags ? ", color=red, fontcolor=red" : "");
	}
	return rc;
}

static size_t claim_index(const qg_trace *t, int field, const char *v)
{
	size_t at = (size_t)-1;

	for (size_t i = 0; v && at == (size_t)-1 && i < t->nclaims[field]; i++)
		if (t->claims[field][i].value == v ||
		    !strcmp(t->claims[field][i].value, v))
			at = i;
	return at;
}

static qg_status dot_edges(qg_buf *b, const qg_trace *t)
{
	qg_status rc = QG_OK;

	for (size_t i = 0; rc == QG_OK && i < t->count; i++) {
		const qg_trace_item *it = &t->items[i];
		size_t s = claim_index(t, QG_TRACE_SPEAKER, it->speaker);
		size_t o = claim_index(t, QG_TRACE_OUTLET, qg__item_outlet(t, it));

		if (s != (size_t)-1)
			rc = qg__emit(b, "    \"q%D_s%z\" -> \"q%D\" [label=\"said\"];"
			                 "\n", t->id, s, t->id);
		if (rc == QG_OK && o != (size_t)-1)
			rc = qg__emit(b, "    \"q%D\" -> \"q%D_o%z\" [label=\"to\"];\n"
			                 "    \"q%D_o%z\" -> \"q%D_a%D\" [label=\"%s%s"
			                 "%q\"%s];\n",
			              t->id, t->id, o, t->id, o, t->id,
			              it->article_id, qg_relation_name(it->relation),
			              it->diff ? " " : "", it->diff,
			              it->flags ? ", color=red" : "");
		else if (rc == QG_OK)
			rc = qg__emit(b, "    \"q%D\" -> \"q%D_a%D\" [label=\"%s%s%q "
			                 "(no outlet named)\", style=dashed%s];\n",
			              t->id, t->id, it->article_id,
			              qg_relation_name(it->relation),
			              it->diff ? " " : "", it->diff,
			              it->flags ? ", color=red" : "");
	}
	return rc;
}

qg_status qg__report_dot(qg_buf *b, const qg_trace *const *ts, size_t n)
{
	qg_status rc = qg_buf_addstr(b, "strict digraph provenance {\n"
	                                "  rankdir=LR;\n  node [shape=box, "
	                                "fontname=\"Helvetica\"];\n  edge "
	                                "[fontname=\"Helvetica\", "
	                                "fontsize=10];\n");

	for (size_t k = 0; rc == QG_OK && k < n; k++) {
		rc = dot_nodes(b, ts[k]);
		if (rc == QG_OK)
			rc = dot_edges(b, ts[k]);
		if (rc == QG_OK)
			rc = qg_buf_addstr(b, "  }\n");
	}
	if (rc == QG_OK)
		rc = qg_buf_addstr(b, "}\n");
	return rc;
}
