/*
 * report_prov.c -- the chains in W3C PROV-JSON (https://www.w3.org/
 * submissions/prov-json/), so that provenance tools read them:
 *  - entities: each quote (the utterance), each quote occurrence, each
 *    article;
 *  - activities: the speech event of each quote, the publication of each
 *    article;
 *  - agents: speakers (prov:Person) and outlets and publishers
 *    (prov:Organization);
 *  - wasGeneratedBy (quote by its speech; article and occurrence by the
 *    publication), wasAssociatedWith (speech with its speakers and the
 *    outlets it was said to; publication with its publisher),
 *    wasAttributedTo (quote and occurrence to the speaker, article to its
 *    publisher), wasInformedBy (publication by speech);
 *  - wasQuotedFrom: PROV-DM defines it as a subtype of wasDerivedFrom with
 *    prov:type prov:Quotation, and PROV-JSON has no key of its own for it,
 *    so each occurrence is a "wasDerivedFrom" entry from its quote with
 *    "prov:type": "prov:Quotation".
 * Identifiers are qg:quote-N, qg:occurrence-N, qg:article-N,
 * qg:speech-N, qg:publication-N and qg:person-H / qg:outlet-H (H: a hash
 * of the name); each node is written once even when several quotes
 * share it.
 */
#include <string.h>

#include "emit.h"

typedef struct prov {
	qg_buf *b;
	const qg_trace *const *ts;
	size_t n;
	qg_idset seen;
	size_t rel; /* relation counter: _:r1, _:r2, ... */
	int first;  /* no entry written yet in the current section */
} prov;

static uint64_t name_id(const char *kind, const char *name)
{
	return qg_hash64(name, strlen(name), qg_hash64(kind, strlen(kind), 7));
}

/* Open a new member of the current object ("key": ...) once per id. */
static qg_status once(prov *p, uint64_t id, int *fresh)
{
	qg_status rc = qg__idset_add(&p->seen, id, fresh);

	if (rc == QG_OK && *fresh && !p->first)
		rc = qg_buf_addstr(p->b, ",\n");
	if (rc == QG_OK && *fresh)
		p->first = 0;
	return rc;
}

static qg_status section(prov *p, const char *name,
                         qg_status (*fn)(prov *, const qg_trace *))
{
	qg_status rc = qg__emit(p->b, ",\n%j: {\n", name);

	qg__idset_dispose(&p->seen);
	p->first = 1;
	for (size_t k = 0; rc == QG_OK && k < p->n; k++)
		rc = fn(p, p->ts[k]);
	if (rc == QG_OK)
		rc = qg_buf_addstr(p->b, "\n}");
	return rc;
}

/* A relation entry "_:rN": {"prov:X": a, "prov:Y": b[, "prov:type": t]}. */
static qg_status relation(prov *p, const char *k1, const char *v1,
                          const char *k2, const char *v2, const char *type)
{
	int fresh;
	qg_status rc = once(p, (uint64_t)++p->rel, &fresh);

	if (rc == QG_OK)
		rc = qg__emit(p->b, "  \"_:r%z\": {%j: %j, %j: %j", p->rel, k1, v1,
		              k2, v2);
	if (rc == QG_OK && type)
		rc = qg__emit(p->b, ", \"prov:type\": %j", type);
	if (rc == QG_OK)
		rc = qg_buf_addc(p->b, '}');
	return rc;
}

static void agent_ref(char *out, size_t cap, const char *kind,
                      const char *name)
{
	snprintf(out, cap, "qg:%s-%016llx", kind,
	         (unsigned long long)name_id(kind, name));
}

/* ------------------------------------------------------------ nodes */

/* `, "key": "value"`, left out when the value is unknown: PROV-JSON has
 * no null attribute values. */
static qg_status attr(prov *p, const char *key, const char *value)
{
	return value ? qg__emit(p->b, ", %j: %j", key, value) : QG_OK;
}

/* An occurrence: its text, kind, relation, difference and flags. */
static qg_status occurrence(prov *p, const qg_trace_item *it)
{
	qg_buf fl = QG_BUF_INIT;
	qg_status rc = qg__flags_text(&fl, it->flags);

	if (rc == QG_OK)
		rc = qg__emit(p->b, "  \"qg:occurrence-%D\": {\"prov:type\""
		                    ": \"qg:QuoteOccurrence\", \"prov:value\""
		                    ": %j, \"qg:kind\": %j, \"qg:relation\": %j",
		              it->occurrence, it->text, qg_kind_name(it->kind),
		              qg_relation_name(it->relation));
	if (rc == QG_OK)
		rc = attr(p, "qg:diff", it->diff);
	if (rc == QG_OK)
		rc = attr(p, "qg:flags", fl.len ? fl.data : NULL);
	if (rc == QG_OK)
		rc = qg_buf_addc(p->b, '}');
	qg_buf_dispose(&fl);
	return rc;
}

static qg_status article(prov *p, const qg_trace_item *it)
{
	qg_status rc = qg__emit(p->b, "  \"qg:article-%D\": {\"prov:type\": "
	                              "\"qg:Article\", \"prov:label\": %j",
	                        it->article_id, it->article);

	if (rc == QG_OK)
		rc = attr(p, "qg:title", it->article_title);
	if (rc == QG_OK)
		rc = attr(p, "qg:date", it->article_date);
	if (rc == QG_OK)
		rc = qg_buf_addc(p->b, '}');
	return rc;
}

static qg_status entities(prov *p, const qg_trace *t)
{
	int fresh;
	qg_status rc = once(p, (uint64_t)t->id << 2, &fresh);

	if (rc == QG_OK)
		rc = qg__emit(p->b, "  \"qg:quote-%D\": {\"prov:type\": "
		                    "\"qg:Quote\", \"prov:value\": %j",
		              t->id, t->text);
	if (rc == QG_OK)
		rc = attr(p, "qg:firstSeen", t->first_seen);
	if (rc == QG_OK)
		rc = qg_buf_addc(p->b, '}');
	for (size_t i = 0; rc == QG_OK && i < t->count; i++) {
		const qg_trace_item *it = &t->items[i];

		rc = once(p, ((uint64_t)it->occurrence << 2) | 1, &fresh);
		if (rc == QG_OK)
			rc = occurrence(p, it);
		if (rc == QG_OK)
			rc = once(p, ((uint64_t)it->article_id << 2) | 2, &fresh);
		if (rc == QG_OK && fresh)
			rc = article(p, it);
	}
	return rc;
}

static qg_status activities(prov *p, const qg_trace *t)
{
	const char *venue = t->nclaims[QG_TRACE_VENUE]
	                            ? t->claims[QG_TRACE_VENUE][0].value
	                            : NULL;
	const char *date = t->nclaims[QG_TRACE_DATE]
	                           ? t->claims[QG_TRACE_DATE][0].value
	                           : NULL;
	int fresh;
	qg_status rc = once(p, (uint64_t)t->id << 2, &fresh);

	if (rc == QG_OK)
		rc = qg__emit(p->b, "  \"qg:speech-%D\": {\"prov:type\": "
		                    "\"qg:SpeechEvent\"",
		              t->id);
	if (rc == QG_OK)
		rc = attr(p, "prov:location", venue);
	if (rc == QG_OK)
		rc = attr(p, "qg:date", date);
	if (rc == QG_OK)
		rc = qg_buf_addc(p->b, '}');
	for (size_t i = 0; rc == QG_OK && i < t->count; i++) {
		const qg_trace_item *it = &t->items[i];

		rc = once(p, ((uint64_t)it->article_id << 2) | 2, &fresh);
		if (rc == QG_OK && fresh)
			rc = qg__emit(p->b, "  \"qg:publication-%D\": {\"prov:type\""
			                    ": \"qg:Publication\"",
			              it->article_id);
		if (rc == QG_OK && fresh)
			rc = attr(p, "qg:date", it->article_date);
		if (rc == QG_OK && fresh)
			rc = qg_buf_addc(p->b, '}');
	}
	return rc;
}

static qg_status agent(prov *p, const char *kind, const char *name)
{
	char ref[64];
	int fresh;
	qg_status rc = once(p, name_id(kind, name), &fresh);

	agent_ref(ref, sizeof(ref), kind, name);
	if (rc == QG_OK && fresh)
		rc = qg__emit(p->b, "  %j: {\"prov:type\": %j, \"prov:label\": %j}",
		              ref,
		              strcmp(kind, "person") == 0 ? "prov:Person"
		                                          : "prov:Organization",
		              name);
	return rc;
}

static qg_status agents(prov *p, const qg_trace *t)
{
	qg_status rc = QG_OK;

	for (size_t i = 0; rc == QG_OK && i < t->nclaims[QG_TRACE_SPEAKER]; i++)
		rc = agent(p, "person", t->claims[QG_TRACE_SPEAKER][i].value);
	for (size_t i = 0; rc == QG_OK && i < t->nclaims[QG_TRACE_OUTLET]; i++)
		rc = agent(p, "outlet", t->claims[QG_TRACE_OUTLET][i].value);
	for (size_t i = 0; rc == QG_OK && i < t->count; i++)
		if (t->items[i].publisher)
			rc = agent(p, "outlet", t->items[i].publisher);
	return rc;
}

/* -------------------------------------------------------- relations */

static qg_status generated(prov *p, const qg_trace *t)
{
	char a[48], b[48];
	qg_status rc;

	snprintf(a, sizeof(a), "qg:quote-%lld", (long long)t->id);
	snprintf(b, sizeof(b), "qg:speech-%lld", (long long)t->id);
	rc = relation(p, "prov:entity", a, "prov:activity", b, NULL);
	for (size_t i = 0; rc == QG_OK && i < t->count; i++) {
		const qg_trace_item *it = &t->items[i];

		snprintf(a, sizeof(a), "qg:occurrence-%lld",
		         (long long)it->occurrence);
		snprintf(b, sizeof(b), "qg:publication-%lld",
		         (long long)it->article_id);
		rc = relation(p, "prov:entity", a, "prov:activity", b, NULL);
		snprintf(a, sizeof(a), "qg:article-%lld",
		         (long long)it->article_id);
		if (rc == QG_OK && (i == 0 ||
		                    t->items[i - 1].article_id != it->article_id))
			rc = relation(p, "prov:entity", a, "prov:activity", b,
			              NULL);
	}
	return rc;
}

static qg_status associated(prov *p, const qg_trace *t)
{
	char a[48], ref[64];
	qg_status rc = QG_OK;

	snprintf(a, sizeof(a), "qg:speech-%lld", (long long)t->id);
	for (size_t i = 0; rc == QG_OK && i < t->nclaims[QG_TRACE_SPEAKER];
	     i++) {
		agent_ref(ref, sizeof(ref), "person",
		          t->claims[QG_TRACE_SPEAKER][i].value);
		rc = relation(p, "prov:activity", a, "prov:agent", ref, NULL);
	}
	for (size_t i = 0; rc == QG_OK && i < t->nclaims[QG_TRACE_OUTLET];
	     i++) {
		agent_ref(ref, sizeof(ref), "outlet",
		          t->claims[QG_TRACE_OUTLET][i].value);
		rc = relation(p, "prov:activity", a, "prov:agent", ref, NULL);
	}
	for (size_t i = 0; rc == QG_OK && i < t->count; i++) {
		const qg_trace_item *it = &t->items[i];

		if (!it->publisher)
			continue;
		snprintf(a, sizeof(a), "qg:publication-%lld",
		         (long long)it->article_id);
		agent_ref(ref, sizeof(ref), "outlet", it->publisher);
		rc = relation(p, "prov:activity", a, "prov:agent", ref, NULL);
	}
	return rc;
}

static qg_status attributed(prov *p, const qg_trace *t)
{
	char a[48], ref[64];
	qg_status rc = QG_OK;

	snprintf(a, sizeof(a), "qg:quote-%lld", (long long)t->id);
	for (size_t i = 0; rc == QG_OK && i < t->nclaims[QG_TRACE_SPEAKER];
	     i++) {
		agent_ref(ref, sizeof(ref), "person",
		          t->claims[QG_TRACE_SPEAKER][i].value);
		rc = relation(p, "prov:entity", a, "prov:agent", ref, NULL);
	}
	for (size_t i = 0; rc == QG_OK && i < t->count; i++) {
		const qg_trace_item *it = &t->items[i];

		snprintf(a, sizeof(a), "qg:occurrence-%lld",
		         (long long)it->occurrence);
		agent_ref(ref, sizeof(ref), "person",
		          it->speaker ? it->speaker : "");
		if (it->speaker)
			rc = relation(p, "prov:entity", a, "prov:agent", ref, NULL);
		snprintf(a, sizeof(a), "qg:article-%lld",
		         (long long)it->article_id);
		agent_ref(ref, sizeof(ref), "outlet",
		          it->publisher ? it->publisher : "");
		if (rc == QG_OK && it->publisher)
			rc = relation(p, "prov:entity", a, "prov:agent", ref, NULL);
	}
	return rc;
}

static qg_status quoted(prov *p, const qg_trace *t)
{
	char a[48], q[48];
	qg_status rc = QG_OK;

	snprintf(q, sizeof(q), "qg:quote-%lld", (long long)t->id);
	for (size_t i = 0; rc == QG_OK && i < t->count; i++) {
		snprintf(a, sizeof(a), "qg:occurrence-%lld",
		         (long long)t->items[i].occurrence);
		rc = relation(p, "prov:generatedEntity", a, "prov:usedEntity", q,
		              "prov:Quotation");
	}
	return rc;
}

static qg_status informed(prov *p, const qg_trace *t)
{
	char a[48], s[48];
	qg_status rc = QG_OK;

	snprintf(s, sizeof(s), "qg:speech-%lld", (long long)t->id);
	for (size_t i = 0; rc == QG_OK && i < t->count; i++) {
		if (i > 0 && t->items[i - 1].article_id == t->items[i].article_id)
			continue;
		snprintf(a, sizeof(a), "qg:publication-%lld",
		         (long long)t->items[i].article_id);
		rc = relation(p, "prov:informed", a, "prov:informant", s, NULL);
	}
	return rc;
}

qg_status qg__report_prov(qg_buf *b, const qg_trace *const *ts, size_t n)
{
	static const struct {
		const char *name;
		qg_status (*fn)(prov *, const qg_trace *);
	} sections[] = {
		{"entity", entities},
		{"activity", activities},
		{"agent", agents},
		{"wasGeneratedBy", generated},
		{"wasAssociatedWith", associated},
		{"wasAttributedTo", attributed},
		{"wasDerivedFrom", quoted},
		{"wasInformedBy", informed},
	};
	prov p = {b, ts, n, {NULL, 0, 0}, 0, 1};
	qg_status rc = qg_buf_addstr(b, "{\n\"prefix\": {\"qg\": "
	                                "\"urn:quotegraph:\"}");

	for (size_t i = 0; rc == QG_OK && i < QG_ARRAY_LEN(sections); i++)
		rc = section(&p, sections[i].name, sections[i].fn);
	if (rc == QG_OK)
		rc = qg_buf_addstr(b, "\n}\n");
	qg__idset_dispose(&p.seen);
	return rc;
}
