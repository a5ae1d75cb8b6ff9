/*
 * trace.h -- the provenance model behind qg_trace and qg_report: one quote
 * (cluster) with its occurrences in date order, the claims made about it
 * (speakers, outlets, venues, dates, each with the articles that state
 * them) and the flags. Built from the store by trace.c, written by the
 * report emitters in src/lib/export. Internal.
 */
#ifndef QG_TRACE_H
#define QG_TRACE_H

#include "../store/store.h"

#define QG_TRACE_FIELDS 4

struct qg_trace {
	qg_arena *arena; /* every string and array below */
	int64_t id;
	const char *text, *first_seen;
	int indirect;
	unsigned flags;
	qg_trace_item *items;
	size_t count;
	qg_trace_claim *claims[QG_TRACE_FIELDS];
	size_t nclaims[QG_TRACE_FIELDS];
};

struct qg_report {
	qg_trace **traces;
	size_t count;
};

/* Emitters: each appends the whole document for traces[0..n) to `out`. */
typedef qg_status (*qg_report_fn)(qg_buf *out, const qg_trace *const *t,
                                  size_t n);

qg_status qg__report_text(qg_buf *out, const qg_trace *const *t, size_t n);
qg_status qg__report_json(qg_buf *out, const qg_trace *const *t, size_t n);
qg_status qg__report_csv(qg_buf *out, const qg_trace *const *t, size_t n);
qg_status qg__report_md(qg_buf *out, const qg_trace *const *t, size_t n);
qg_status qg__report_html(qg_buf *out, const qg_trace *const *t, size_t n);
qg_status qg__report_dot(qg_buf *out, const qg_trace *const *t, size_t n);
qg_status qg__report_prov(qg_buf *out, const qg_trace *const *t, size_t n);

/* One trace as a JSON object (shared by the JSON report and trace). */
qg_status qg__trace_json(qg_buf *out, const qg_trace *t);

/* Every flag set in `flags`, as "wording, unsourced" into out. */
qg_status qg__flags_text(qg_buf *out, unsigned flags);

/* The item's speaker and outlet as the chain shows them: "unnamed" when
 * the article names none. */
const char *qg__item_speaker(const qg_trace_item *it);

#endif
