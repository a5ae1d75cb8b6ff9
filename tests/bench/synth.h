/*
 * synth.h -- invented news articles for the benchmarks: wire, broadsheet,
 * tabloid and transcript shapes filled from templates with random made-up
 * names, outlets, reporting verbs and quotes. Each article comes with the
 * attributions the template put in it, so the store can be measured with
 * or without the extractor. Everything here is invented.
 */
#ifndef QG_SYNTH_H
#define QG_SYNTH_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "../../src/lib/extract/article.h"

static const char *const syn_first[] = {
	"Mara", "Tobias", "Ilse", "Kofi", "Lena", "Ravi", "Odile", "Sven",
	"Amara", "Jonas", "Petra", "Yusuf", "Greta", "Mateo", "Hana", "Idris",
	"Noor", "Felix", "Zofia", "Arjun", "Elsa", "Kwame", "Ines", "Bruno",
	"Leila", "Otto", "Sanna", "Dario", "Ayla", "Henrik", "Mina", "Pavel"};
static const char *const syn_last[] = {
	"Okafor", "Brandt", "Quist", "Mensah", "Varga", "Iyer", "Lund", "Halvorsen",
	"Lindqvist", "Moreau", "Kowalczyk", "Adeyemi", "Sato", "Ferreira",
	"Novak", "Castell", "Rask", "Feld", "Moss", "Alm", "Berg", "Ekdahl",
	"Duarte", "Nakamura", "Oyelaran", "Vidal", "Strand", "Kaur", "Reyes",
	"Dahl", "Osei", "Marchetti"};
static const char *const syn_title[] = {
	"Finance Minister", "Mayor", "Senator", "Harbour Commissioner",
	"Deputy Foreign Minister", "union leader", "Chief Executive",
	"Professor", "Police Chief", "Health Secretary"};
static const char *const syn_outlet[] = {
	"the Valley Herald", "Radio Kestrel", "the Daily Courant",
	"Harbour Watch", "the Morning Ledger", "Kestrel Wire", "the Evening Echo",
	"Northport Today", "the Sentinel Review", "Channel Nine Coastal"};
static const char *const syn_verb[] = {
	"said", "told", "insisted", "warned", "added", "argued", "claimed",
	"explained", "noted", "stressed", "admitted", "declared"};
static const char *const syn_subject[] = {
	"the bridge", "the levy", "the ferry timetable", "the new port",
	"the budget", "the strike", "the water plan", "the rail link",
	"the school merger", "the fishing quota", "the housing scheme",
	"the ceasefire talks"};
static const char *const syn_claim[] = {
	"will be settled within weeks", "is not for sale",
	"was never on the table", "must be paid for by someone",
	"has the support of every district", "will cost far more than promised",
	"is an ironclad commitment", "cannot wait another winter",
	"was decided behind closed doors", "will go ahead as planned"};
static const char *const syn_word[] = {
	"we", "they", "people", "never", "always", "will", "must", "cannot",
	"should", "know", "want", "need", "believe", "expect", "see", "hear",
	"money", "time", "trust", "plan", "deal", "vote", "council", "town",
	"harbour", "workers", "families", "children", "future", "past",
	"promise", "mistake", "answer", "question", "right", "wrong", "fair",
	"clear", "simple", "serious", "honest", "open", "closed", "late",
	"early", "again", "together", "alone", "here", "there", "now", "soon",
	"every", "nobody", "everyone", "something", "nothing", "more", "less",
	"better", "worse", "first", "last", "one", "two", "three", "hundred",
	"week", "month", "year", "winter", "summer", "road", "bridge", "port",
	"ship", "train", "school", "hospital", "river", "coast", "market",
	"price", "tax", "budget", "law", "court", "police", "union", "strike",
	"talks", "support", "pressure", "risk", "change", "chance", "problem",
	"solution", "the", "a", "and", "but", "of", "for", "with", "about"};
static const char *const syn_filler[] = {
	"Officials declined to give a timetable.",
	"The council meets again next month.",
	"Residents have raised concerns at several public meetings.",
	"The figures have not been independently checked.",
	"Opposition members walked out of the session.",
	"A report is expected before the summer recess.",
	"Shipping companies said they were watching closely.",
	"The proposal was first floated two years ago."};

#define SYN_PICK(rng, list) ((list)[syn_next(rng) % QG_ARRAY_LEN(list)])

static inline uint64_t syn_next(uint64_t *s)
{
	/* xorshift64*: quick, reproducible */
	*s ^= *s >> 12;
	*s ^= *s << 25;
	*s ^= *s >> 27;
	return *s * 2685821657736338717ULL;
}

/* One attribution the template placed, by byte offsets into the text. */
typedef struct syn_quote {
	size_t start, end;
	char speaker[160], verb[16], outlet[32];
} syn_quote;

typedef struct syn_article {
	char text[8192];
	size_t len;
	char date[11], outlet[32];
	syn_quote q[12];
	size_t nq;
} syn_article;

static inline void syn_add(syn_article *a, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

static inline void syn_add(syn_article *a, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(a->text + a->len, sizeof(a->text) - a->len, fmt, ap);
	va_end(ap);
	if (n > 0 && a->len + (size_t)n < sizeof(a->text))
		a->len += (size_t)n;
}

/* A quoted paragraph: “Q,” Name verb [to outlet]. */
static inline void syn_paragraph(syn_article *a, uint64_t *rng, int full)
{
	syn_quote *q = a->nq < 12 ? &a->q[a->nq] : NULL;
	const char *first = SYN_PICK(rng, syn_first), *last = SYN_PICK(rng, syn_last);
	const char *title = SYN_PICK(rng, syn_title), *verb = SYN_PICK(rng, syn_verb);
	const char *outlet = SYN_PICK(rng, syn_outlet);
	char quote[256], who[160];
	int told = syn_next(rng) % 3 == 0;

	if (!q || a->len + 700 > sizeof(a->text))
		return;
	/* most quotes are words of their own (a district number makes them
	 * rarer still); one in ten repeats a stock claim, as quotes travel */
	if (syn_next(rng) % 10 == 0) {
		snprintf(quote, sizeof(quote), "%c%s %s", 'T',
		         SYN_PICK(rng, syn_subject) + 1, SYN_PICK(rng, syn_claim));
	} else {
		size_t ql = (size_t)snprintf(quote, sizeof(quote), "District %u",
		                             (unsigned)(syn_next(rng) % 50000));
		unsigned words = 5 + (unsigned)(syn_next(rng) % 10);

		for (unsigned w = 0; w < words && ql + 20 < sizeof(quote); w++)
			ql += (size_t)snprintf(quote + ql, sizeof(quote) - ql, " %s",
			                       SYN_PICK(rng, syn_word));
	}
	snprintf(who, sizeof(who), full ? "%s %s %s" : "%.0s%.0s%s",
	         title, first, last);
	syn_add(a, "%s", "\xe2\x80\x9c");
	q->start = a->len;
	syn_add(a, "%s", quote);
	q->end = a->len;
	syn_add(a, "%s", ",\xe2\x80\x9d ");
	syn_add(a, "%s ", who);
	syn_add(a, "%s", told ? "told " : verb);
	if (told)
		syn_add(a, "%s", outlet);
	syn_add(a, "%s", ". ");
	syn_add(a, "%s ", SYN_PICK(rng, syn_filler));
	syn_add(a, "%s\n\n", SYN_PICK(rng, syn_filler));
	snprintf(q->speaker, sizeof(q->speaker), "%s", who);
	snprintf(q->verb, sizeof(q->verb), "%s", told ? "told" : verb);
	snprintf(q->outlet, sizeof(q->outlet), "%s", told ? outlet : "");
	a->nq++;
}

/* An article of 3 to 10 quoted paragraphs, with a header and fillers. */
static inline void syn_make(syn_article *a, uint64_t *rng, unsigned n)
{
	unsigned paras = 3 + (unsigned)(syn_next(rng) % 8);

	memset(a, 0, offsetof(syn_article, q));
	a->nq = 0;
	snprintf(a->date, sizeof(a->date), "20%02u-%02u-%02u",
	         20 + (unsigned)(syn_next(rng) % 7),
	         1 + (unsigned)(syn_next(rng) % 12),
	         1 + (unsigned)(syn_next(rng) % 28));
	snprintf(a->outlet, sizeof(a->outlet), "%s", SYN_PICK(rng, syn_outlet));
	syn_add(a, "Row deepens over %s", SYN_PICK(rng, syn_subject));
	syn_add(a, " (%u)\n%s\n\n", n, a->date);
	/* about one quote per 650 bytes, as in wire copy */
	for (unsigned i = 0; i < paras; i++) {
		syn_add(a, "%s ", SYN_PICK(rng, syn_filler));
		syn_add(a, "%s ", SYN_PICK(rng, syn_filler));
		syn_add(a, "%s\n\n", SYN_PICK(rng, syn_filler));
		syn_add(a, "%s ", SYN_PICK(rng, syn_filler));
		syn_paragraph(a, rng, i == 0 || syn_next(rng) % 2);
	}
}

/* The article as the store sees it: text, header and the attributions
 * the template put in (used when the extractor finds none). */
static inline qg_status syn_build(const syn_article *s, const char *name,
                                  qg_article **out)
{
	qg_article *a = NULL;
	qg_status rc = qg__article_new(&a, name, s->text, s->len);

	if (rc == QG_OK)
		rc = qg__article_set(a, &a->date, s->date);
	if (rc == QG_OK)
		rc = qg__article_set(a, &a->publisher, s->outlet);
	for (size_t i = 0; rc == QG_OK && i < s->nq; i++) {
		qg_attribution t = {0};
		char quote[256];

		snprintf(quote, sizeof(quote), "%.*s",
		         (int)(s->q[i].end - s->q[i].start),
		         s->text + s->q[i].start);
		t.kind = QG_KIND_DIRECT;
		t.quote = quote;
		t.span.start = s->q[i].start;
		t.span.end = s->q[i].end;
		t.speaker = s->q[i].speaker;
		t.speaker_type = QG_ENTITY_PERSON;
		t.cue = s->q[i].verb;
		t.outlet = s->q[i].outlet[0] ? s->q[i].outlet : NULL;
		t.date = s->date;
		t.rule = "template";
		t.confidence = 1.0;
		rc = qg__article_add(a, &t);
	}
	*out = rc == QG_OK ? a : NULL;
	if (rc < 0)
		qg_article_free(a);
	return rc;
}

#endif
