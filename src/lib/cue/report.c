/*
 * report.c -- the content of reported speech: for each speech cue, the
 * clause it reports, as token spans. The shapes, most specific first:
 *   X said (to Y) (on Sunday) that CLAUSE
 *   According to X, CLAUSE. / CLAUSE, according to X.
 *   CLAUSE, X said (on Sunday). / CLAUSE, said X, the ...
 *   A, X said, B.          two spans: the cue splits the content
 *   X said CLAUSE          a verb that takes a bare clause; tell + hearer
 * A clause ends at its sentence's end, or before ";" or ":", before a
 * comma that opens a participle cue (", adding that") or "according to",
 * or where the subject of a later cue of the sentence begins ("... and
 * Democrats said"). Every step looks at a bounded window of tokens, so the
 * work stays linear in the article.
 */
#include <string.h>

#include "cue.h"

#define IS(t, w) qg_tok_is(text, &sg->toks[t], w)
/* Whether token t is in the word list QG_S_REPORT_<set> (the lists are in
 * lexicon/wordsets.c; a token carries the lists it is in). */
#define IN(t, set) qg_tok_has(&sg->toks[t], QG_S_REPORT_##set)

static bool punct(const qg_segments *sg, size_t k, uint32_t cp)
{
	return (sg->toks[k].flags & QG_T_PUNCT) && sg->toks[k].cp == cp;
}

static bool word(const qg_segments *sg, size_t k)
{
	return (sg->toks[k].flags & QG_T_WORD) != 0;
}

/* The longest clause read, in tokens: a longer one is no reported clause
 * (and the bound keeps the work linear). */
#define REPORT_MAX 150

/* The cue that starts at token `k` after cue `from` - 1, or -1. */
static long cue_at(const qg_cues *cs, size_t from, size_t k)
{
	long i = cs->tokcue[k];

	return i >= 0 && (size_t)i >= from ? i : -1;
}

/* Add the report [t0, t1) of cue `ci`. A clause that quotes a phrase of
 * two words or more is the frame of a partial quote: kept as such, not
 * as reported speech (a single quoted word may stay). */
static qg_status report_add(qg_cues *cs, const qg_segments *sg, size_t ci,
                            size_t t0, size_t t1)
{
	qg_status rc;
	size_t quoted = 0;

	if (t1 <= t0)
		return QG_OK;
	for (size_t k = t0; k < t1; k++)
		if ((sg->toks[k].flags & (QG_T_QUOTED | QG_T_WORD)) ==
		    (QG_T_QUOTED | QG_T_WORD))
			quoted++;
	rc = qg__grow((void **)&cs->reps, &cs->caprep, cs->nrep + 1,
	              sizeof(qg_report));
	if (rc == QG_OK)
		cs->reps[cs->nrep++] = (qg_report){ci, t0, t1, quoted >= 2};
	return rc;
}

/* Past time words after token `k`: "Friday", "last week", "on Sunday",
 * "in a statement"; returns the first token after them. */
static size_t skip_adverbials(const char *text, const qg_segments *sg,
                              const qg_cues *cs, size_t ci, size_t k,
                              size_t end)
{
	for (size_t n = 0; k < end && n < 6; n++) {
		long nc = cue_at(cs, ci + 1, k);

		if (nc >= 0 && (cs->items[nc].kind & QG_CUE_NOUN)) {
			k = cs->items[nc].tok1;
			/* "in an interview with the daily Courier": its object
			 * too, up to a comma, "that" or a time word */
			for (size_t m = 0; m < 6 && k < end && word(sg, k) &&
			                   !IS(k, "that") && !IS(k, "on") &&
			                   !IN(k, ADVERBIALS);
			     m++)
				k++;
		} else if (IN(k, ADVERBIALS)) {
			k++;
		} else if (IN(k, TIME_OPENERS) && k + 1 < end &&
		           (IN(k + 1, ADVERBIALS) || IS(k + 1, "week") ||
		            IS(k + 1, "month") || IS(k + 1, "year") ||
		            IS(k + 1, "weekend"))) {
			k += 2;
		} else if (word(sg, k) && sg->toks[k].end - sg->toks[k].start > 4 &&
		           memcmp(text + sg->toks[k].end - 2, "ly", 2) == 0 &&
		           !(sg->toks[k].flags & QG_T_CAP)) {
			k++; /* "said flatly" */
		} else {
			break;
		}
	}
	return k;
}

/* Does a subject stand before the base form of cue `c` ("critics say",
 * "they believe"), not a modifier ("Battleground state Florida",
 * "federal and state law")? */
static bool base_subject(const char *text, const qg_segments *sg,
                         const qg_cue *c)
{
	const qg_tok *p;
	size_t k = c->tok0;

	if (k == sg->sents[c->sent].tok0)
		return false;
	p = &sg->toks[k - 1];
	if (!(p->flags & QG_T_WORD) || IN(k - 1, MODIFIERS_BEFORE))
		return false;
	if (IS(k - 1, "i") || IN(k - 1, SUBJECT_OPENERS))
		return true;
	if (p->flags & QG_T_CAP)
		return p->end - p->start > 3 && text[p->end - 1] == 's' &&
		       text[p->end - 2] != 's';
	return true;
}

/* Is cue `c` a finite verb of speech: a past or present form, or a base
 * form after a subject that takes one ("officials say", "they argue")?
 * A bare "state" or "question" is mostly a noun. */
static bool finite_cue(const char *text, const qg_segments *sg,
                       const qg_cue *c)
{
	if (!qg_cue_speech(c) || !(c->kind & QG_CUE_VERB) ||
	    (c->kind & (QG_CUE_PASSIVE | QG_CUE_PARTICIPLE)))
		return false;
	return (c->form & (QG_VF_PAST | QG_VF_3SG)) ||
	       base_subject(text, sg, c);
}

/* Where a clause that starts at `from` ends, in the sentence of cue `ci`
 * (exclusive, final punctuation trimmed). */
static size_t clause_end(const char *text, const qg_segments *sg,
                         const qg_cues *cs, size_t ci, size_t from)
{
	const qg_sent *st = &sg->sents[cs->items[ci].sent];
	size_t end = st->tok1 < from + REPORT_MAX ? st->tok1 : from + REPORT_MAX;
	size_t k;

	/* "Despite recognizing the need for peace, Putin ...": the phrase
	 * of a participle after a preposition ends at its comma */
	bool phrase = (cs->items[ci].kind & QG_CUE_PARTICIPLE) &&
	              cs->items[ci].tok0 > st->tok0 &&
	              (IN(cs->items[ci].tok0 - 1, PREPOSITIONS) ||
	               IN(cs->items[ci].tok0 - 1, SUBORDINATORS) ||
	               IS(cs->items[ci].tok0 - 1, "despite") ||
	               IS(cs->items[ci].tok0 - 1, "by"));

	for (k = from; k < end; k++) {
		long nc;

		if (punct(sg, k, ';') || punct(sg, k, ':') ||
		    (phrase && punct(sg, k, ',')))
			break;
		if ((!punct(sg, k, ',') && !punct(sg, k, 0x2014) &&
		     !punct(sg, k, 0x2013)) ||
		    k + 1 >= end)
			continue;
		nc = cue_at(cs, ci + 1, k + 1);
		if (IS(k + 1, "according") ||
		    (nc >= 0 && (cs->items[nc].kind & QG_CUE_PARTICIPLE)))
			break;
		/* ", though records show ...": the writer's own clause */
		if (punct(sg, k, ',') &&
		    (IS(k + 1, "though") || IS(k + 1, "although") ||
		     IS(k + 1, "whereas")))
			break;
		/* ", and when pressed, she replied": a new clause */
		if (punct(sg, k, ',') && k + 2 < end &&
		    (IS(k + 1, "and") || IS(k + 1, "but")) &&
		    IN(k + 2, SUBORDINATORS))
			break;
	}
	end = k;
	/* the subject of a later cue: "..., and Democrats said" */
	for (size_t j = ci + 1; j < cs->n && cs->items[j].head < end; j++) {
		const qg_cue *c = &cs->items[j];

		size_t cut = SIZE_MAX;

		if (c->head <= from || !finite_cue(text, sg, c))
			continue;
		for (k = c->tok0; k > from && k + 6 > c->tok0; k--) {
			if (punct(sg, k - 1, ',') || IS(k - 1, "and") ||
			    IS(k - 1, "but") || punct(sg, k - 1, ';')) {
				cut = k - 1;
				break;
			}
			if (!word(sg, k - 1) || IN(k - 1, NO_SUBJECT))
				break;
		}
		if (cut != SIZE_MAX) {
			end = cut;
			break;
		}
	}
	while (end > from && (sg->toks[end - 1].flags & QG_T_PUNCT) &&
	       !(sg->toks[end - 1].flags & QG_T_MARK))
		end--;
	return end;
}

/* Enough words for a clause, opening outside a quote. */
static bool clause_ok(const qg_segments *sg, size_t t0, size_t t1)
{
	size_t words = 0;

	if (t1 < t0 + 2 || t1 > t0 + REPORT_MAX || !word(sg, t0) ||
	    (sg->toks[t0].flags & QG_T_QUOTED))
		return false;
	for (size_t k = t0; k < t1 && words < 2; k++)
		if (word(sg, k))
			words++;
	return words >= 2;
}

/* Add the clause [t0, end of clause) of cue `ci` when it is one. */
static qg_status add_clause(qg_cues *cs, const char *text,
                            const qg_segments *sg, size_t ci, size_t t0,
                            bool *added)
{
	size_t t1 = clause_end(text, sg, cs, ci, t0);

	/* "assurances that will ...": a relative clause has no subject */
	if (t0 > 0 && IS(t0 - 1, "that") && t0 < t1 && IN(t0, FINITE_WORDS)) {
		*added = false;
		return QG_OK;
	}

	*added = clause_ok(sg, t0, t1);
	return *added ? report_add(cs, sg, ci, t0, t1) : QG_OK;
}

static size_t skip_hearer(const char *text, const qg_segments *sg, size_t k,
                          size_t end);

/* X said (to Y) (on Sunday) that CLAUSE */
static qg_status that_clause(qg_cues *cs, const char *text,
                             const qg_segments *sg, size_t ci, bool *added)
{
	const qg_cue *c = &cs->items[ci];
	size_t end = sg->sents[c->sent].tok1;

	size_t k = c->tok1;

	*added = false;
	/* told reporters / explained to the panel / on Friday / , however, */
	if (c->vflags & QG_VERB_TELL)
		k = skip_hearer(text, sg, k, end);
	for (size_t n = 0; n < 3 && k < end; n++) {
		k = skip_adverbials(text, sg, cs, ci, k, end);
		if (k < end && IS(k, "to"))
			k = skip_hearer(text, sg, k + 1, end);
		while (k < end && punct(sg, k, ','))
			k++;
	}
	/* "said that, if elected, he would ...": the clause keeps its
	 * "that" when an aside follows it */
	if (k + 1 < end && IS(k, "that") && punct(sg, k + 1, ','))
		return add_clause(cs, text, sg, ci, k, added);
	/* "believe that is likely": "that" is the subject */
	if (k + 1 < end && k == c->tok1 && IS(k, "that") &&
	    IN(k + 1, FINITE_WORDS))
		return add_clause(cs, text, sg, ci, k, added);
	if (k < end && IS(k, "that"))
		return add_clause(cs, text, sg, ci, k + 1, added);
	/* "told police officials that": a hearer of a few words */
	if ((c->vflags & QG_VERB_TELL) && c->tok1 < end &&
	    !IS(c->tok1, "so") && !IS(c->tok1, "such") && !IS(c->tok1, "too"))
		for (size_t j = c->tok1; j < end && j < c->tok1 + 6 && word(sg, j);
		     j++)
			if (IS(j, "that"))
				return add_clause(cs, text, sg, ci, j + 1, added);
	/* "says at a stop in Toledo, Ohio, that", "told a meeting of
	 * island leaders that" */
	if (k < end && IN(k, PREPOSITIONS) && !IS(k, "that"))
		for (size_t j = k + 1; j < end && j < k + 12; j++) {
			if (IS(j, "that"))
				return add_clause(cs, text, sg, ci, j + 1, added);
			if (IN(j, FINITE_WORDS) ||
			    (!word(sg, j) && !punct(sg, j, ',')))
				break;
		}
	/* "reaffirmed the country's stance that" */
	for (size_t j = k; j < end && j < k + 5 && word(sg, j); j++)
		if (IN(j, CONTENT_NOUNS) && j + 1 < end && IS(j + 1, "that"))
			return add_clause(cs, text, sg, ci, j + 2, added);
	return QG_OK;
}

/* A speech verb among the first words from `k`: "According to the
 * paper, the minister stressed that ..." is the verb's to report. */
static bool own_cue(const qg_cues *cs, const qg_segments *sg, size_t k)
{
	size_t end = sg->sents[sg->toks[k].sent].tok1;

	for (size_t j = k; j < end && j < k + 10; j++) {
		long i = cs->tokcue[j];

		if (i >= 0 && (cs->items[i].kind & QG_CUE_VERB) &&
		    qg_cue_speech(&cs->items[i]) &&
		    !(cs->items[i].kind & QG_CUE_PARTICIPLE))
			return true;
	}
	return false;
}

/* According to X, CLAUSE. / CLAUSE, according to X. */
static qg_status according(qg_cues *cs, const char *text,
                           const qg_segments *sg, size_t ci)
{
	const qg_cue *c = &cs->items[ci];
	const qg_sent *st = &sg->sents[c->sent];
	bool added;

	if (c->tok0 > st->tok0 + 2 && punct(sg, c->tok0 - 1, ',')) {
		size_t t1 = c->tok0 - 1;

		while (t1 > st->tok0 && (sg->toks[t1 - 1].flags & QG_T_PUNCT) &&
		       !(sg->toks[t1 - 1].flags & QG_T_MARK))
			t1--;
		return clause_ok(sg, st->tok0, t1)
		               ? report_add(cs, sg, ci, st->tok0, t1)
		               : QG_OK;
	}
	for (size_t k = c->tok1; k < st->tok1 && k < c->tok1 + 12; k++)
		if (punct(sg, k, ','))
			return own_cue(cs, sg, k + 1)
			               ? QG_OK
			               : add_clause(cs, text, sg, ci, k + 1, &added);
	return QG_OK;
}

/* Can token `k` open the subject of a cue: a capitalised word, a
 * determiner or pronoun, or a plural noun ("officials")? */
static bool subject_start(const char *text, const qg_segments *sg, size_t k)
{
	const qg_tok *t = &sg->toks[k];
	size_t n = t->end - t->start;

	if (!(t->flags & QG_T_WORD) || IN(k, NO_SUBJECT) ||
	    IN(k, FINITE_WORDS))
		return false;
	if ((t->flags & QG_T_CAP) || IN(k, SUBJECT_OPENERS))
		return true;
	/* "operator spokeswoman X", "party officials"; not a verb or an
	 * adverb: "refrained from ...", "recently" */
	return n > 3 && memcmp(text + t->end - 2, "ed", 2) != 0 &&
	       memcmp(text + t->end - 3, "ing", 3) != 0 &&
	       memcmp(text + t->end - 2, "ly", 2) != 0;
}

/* The comma before the subject of cue `c` ("..., the minister said"), or
 * SIZE_MAX. The subject: up to eight words, names and their titles. */
static size_t comma_before(const char *text, const qg_segments *sg,
                           const qg_cue *c)
{
	const qg_sent *st = &sg->sents[c->sent];

	for (size_t k = c->tok0; k > st->tok0 && k + 9 > c->tok0; k--) {
		const qg_tok *t = &sg->toks[k - 1];

		if (punct(sg, k - 1, ','))
			return k == c->tok0 || subject_start(text, sg, k)
			               ? k - 1
			               : SIZE_MAX;
		if (!(t->flags & QG_T_WORD) && !punct(sg, k - 1, '(') &&
		    !punct(sg, k - 1, ')') && !punct(sg, k - 1, '-'))
			return SIZE_MAX;
		if (IS(k - 1, "that") || IS(k - 1, "which") || IS(k - 1, "who"))
			return SIZE_MAX;
	}
	return SIZE_MAX;
}

/* A noun for who speaks: a role or title ("spokesman", "minister"), a
 * body ("ministry", "agency"), a document ("report"), a plural source
 * ("residents"). */
static bool speaker_noun(const qg_tok *t)
{
	return (t->tag.classes & (QG_W_ROLE | QG_W_TITLE | QG_W_ORG_WORD)) ||
	       qg_tok_has(t, QG_S_MENTION_BARE_SOURCES) ||
	       qg_tok_has(t, QG_S_MENTION_DOC_NOUNS) ||
	       qg_tok_has(t, QG_S_ATTR_GENERIC_BODIES) ||
	       qg_tok_has(t, QG_S_ATTR_STAFF_NOUNS);
}

/* "'...,' says harbour chief": a role of a few lower-case words with no
 * article, as headlines write it. */
static bool role_phrase(const qg_segments *sg, size_t k, size_t end)
{
	for (size_t j = k; j < end && j < k + 3; j++) {
		if (!word(sg, j) || (sg->toks[j].flags & QG_T_CAP))
			return false;
		if (speaker_noun(&sg->toks[j]))
			return true;
	}
	return false;
}

/* After an inverted verb, its subject: a few words up to a comma or the
 * sentence end, with no finite verb ("said Ann Ruiz, the mayor"). */
static bool inverted_subject(const char *text, const qg_segments *sg,
                             const qg_cue *c)
{
	size_t end = sg->sents[c->sent].tok1, k = c->tok1, lower = 0;
	bool name = false, person = false;

	if (k >= end || !word(sg, k) ||
	    (!(sg->toks[k].flags & QG_T_CAP) && !IS(k, "the") && !IS(k, "a") &&
	     !IS(k, "an") && !IS(k, "one") && !IS(k, "another") &&
	     !role_phrase(sg, k, end)))
		return false;
	for (; k < end && k < c->tok1 + 8; k++) {
		const qg_tok *t = &sg->toks[k];

		/* "said a spokesman for the port", not "denies a charge of
		 * theft": before a preposition, a name or a noun for who
		 * speaks */
		/* a quote after the name is what it says: "..., says Acme
		 * "hid the results"" has its subject before the verb */
		if (sg->toks[k].flags & QG_T_MARK)
			return false;
		if (!word(sg, k) || IN(k, PREPOSITIONS))
			return k > c->tok1 && (name || person || !word(sg, k));
		if (IN(k, FINITE_WORDS) || IS(k, "that"))
			return false;
		if (t->flags & QG_T_CAP) {
			name = true;
			continue;
		}
		person |= speaker_noun(t);
		/* after a name only a preposition may follow; before one, a
		 * few words of a title, none a past form ("the union
		 * expected ...") */
		if (name || ++lower > 4 ||
		    (t->end - t->start > 3 &&
		     memcmp(text + t->end - 2, "ed", 2) == 0))
			return false;
	}
	return k >= end;
}

/* Where the clause that opens sentence `st` starts: after a dateline
 * ("PORT ALDER, June 2 (Wire) - ..."), else at its first token. */
static size_t sentence_start(const char *text, const qg_segments *sg,
                             const qg_sent *st)
{
	for (size_t k = st->tok0; k < st->tok1 && k < st->tok0 + 14; k++) {
		const qg_tok *t = &sg->toks[k];

		if (punct(sg, k, '-') || punct(sg, k, 0x2014) ||
		    punct(sg, k, 0x2013) || punct(sg, k, 0x2015))
			return k > st->tok0 ? k + 1 : st->tok0;
		if (t->flags & QG_T_WORD) {
			char d = text[t->start];

			if (!(t->flags & QG_T_CAP) && !(d >= '0' && d <= '9'))
				return st->tok0;
		} else if (!punct(sg, k, ',') && !punct(sg, k, '(') &&
		           !punct(sg, k, ')')) {
			return st->tok0;
		}
	}
	return st->tok0;
}

/* A word ending in -ed: "..., the group said, compared with"
 * goes on with a phrase, not with the content. */
static bool participle_word(const char *text, const qg_segments *sg,
                            size_t k)
{
	const qg_tok *t = &sg->toks[k];
	size_t n = t->end - t->start;

	return word(sg, k) && n > 4 && memcmp(text + t->end - 2, "ed", 2) == 0;
}

static bool infinitive(const char *text, const qg_segments *sg, size_t k);

/* CLAUSE, X said. / A, X said, B. / CLAUSE, said X, the ... */
static qg_status around(qg_cues *cs, const char *text,
                        const qg_segments *sg, size_t ci, bool *added)
{
	const qg_cue *c = &cs->items[ci];
	const qg_sent *st = &sg->sents[c->sent];
	size_t comma = comma_before(text, sg, c), k, t1, s0;
	bool inverted;
	qg_status rc = QG_OK;

	*added = false;
	if (comma == SIZE_MAX || comma < st->tok0 + 2 ||
	    (c->kind & QG_CUE_PARTICIPLE) ||
	    (!(c->form & (QG_VF_PAST | QG_VF_3SG)) &&
	     !base_subject(text, sg, c)))
		return QG_OK;
	inverted = comma + 1 == c->tok0;
	/* "The minister, Kate Moreland, told ABC Radio ...": what follows
	 * tell is its hearer, never an inverted subject */
	if (inverted && (c->vflags & QG_VERB_TELL))
		return QG_OK;
	/* "X, a spokesman, said the ...": the comma closes an appositive of
	 * the subject, unless a short subject follows: ", said Ann Ruiz." */
	if (inverted && !inverted_subject(text, sg, c))
		return QG_OK;
	t1 = comma;
	s0 = sentence_start(text, sg, st);
	while (t1 > s0 && (sg->toks[t1 - 1].flags & QG_T_PUNCT) &&
	       !(sg->toks[t1 - 1].flags & QG_T_MARK))
		t1--;
	if (!clause_ok(sg, s0, t1))
		return QG_OK;
	k = skip_adverbials(text, sg, cs, ci, c->tok1, st->tok1);
	if (!inverted && k + 1 < st->tok1 && punct(sg, k, ',') &&
	    !IS(k + 1, "according") && cue_at(cs, ci + 1, k + 1) < 0 &&
	    !participle_word(text, sg, k + 1)) {
		/* A, X said, B: B runs to the end of the clause */
		rc = report_add(cs, sg, ci, s0, t1);
		if (rc == QG_OK)
			rc = add_clause(cs, text, sg, ci, k + 1, added);
		*added = true;
		return rc;
	}
	/* only a tail may follow: its end, an appositive, a participle, an
	 * adjunct ("in Geneva"); else the verb has its own clause */
	if (!inverted && k < st->tok1 && !(sg->toks[k].flags & QG_T_PUNCT) &&
	    (!IN(k, PREPOSITIONS) || (IS(k, "to") && infinitive(text, sg, k))))
		return QG_OK;
	*added = true;
	return report_add(cs, sg, ci, s0, t1);
}

/* The first token after a hearer: "told reporters", "told the Courier",
 * "told Ann Ruiz", "told him". */
static size_t skip_hearer(const char *text, const qg_segments *sg, size_t k,
                          size_t end)
{
	if (k >= end)
		return k;
	if (IN(k, HEARER_PRONOUNS))
		return k + 1;
	if (IS(k, "the") || IS(k, "a") || IS(k, "an")) {
		k++;
		if (k < end && (sg->toks[k].flags & QG_T_CAP)) {
			while (k < end && (sg->toks[k].flags & QG_T_CAP))
				k++;
			return k;
		}
		return k + 1 < end ? k + 1 : k;
	}
	if (sg->toks[k].flags & QG_T_CAP) {
		while (k < end && word(sg, k) && (sg->toks[k].flags & QG_T_CAP))
			k++;
		return k;
	}
	return word(sg, k) ? k + 1 : k;
}

/* A finite verb among the first words of [t0, t1). */
static bool finite_near(const char *text, const qg_segments *sg, size_t t0,
                        size_t t1)
{
	for (size_t k = t0; k < t1 && k < t0 + 10; k++)
		if (IN(k, FINITE_WORDS))
			return true;
	return false;
}

/* "said no date had been set": "no" opening the subject of a clause, a
 * noun and a finite verb after it (not "said no", "said no to"). */
static bool no_subject(const char *text, const qg_segments *sg, size_t k,
                       size_t end)
{
	return IS(k, "no") && k + 2 < end && word(sg, k + 1) &&
	       !IN(k + 1, NO_CLAUSE) && !IN(k + 1, FINITE_WORDS) &&
	       (IN(k + 2, FINITE_WORDS) ||
	        (k + 3 < end && word(sg, k + 2) && IN(k + 3, FINITE_WORDS)));
}

/* "cited a source in the ministry as saying ...": the object of cue ci,
 * from token k, is who speaks in the participle after "as", which reports
 * the words; the object is no report of its own. */
static bool as_saying(const qg_cues *cs, const char *text,
                      const qg_segments *sg, size_t ci, size_t k,
                      size_t end)
{
	for (size_t j = k; j + 1 < end && j < k + 12; j++) {
		long nc;

		if (!IS(j, "as"))
			continue;
		nc = cue_at(cs, ci + 1, j + 1);
		return nc >= 0 && (cs->items[nc].kind & QG_CUE_PARTICIPLE);
	}
	return false;
}

/* X said CLAUSE / X told Y CLAUSE */
static qg_status bare_clause(qg_cues *cs, const char *text,
                             const qg_segments *sg, size_t ci)
{
	const qg_cue *c = &cs->items[ci];
	const qg_sent *st = &sg->sents[c->sent];
	size_t k = c->tok1, t1;
	bool bare = false, added;

	/* "insisted on the terms": a particle takes a noun; a base form
	 * needs its subject ("experts say", not "state law") */
	if (c->tok0 == st->tok0 || !c->verb || c->tok1 > c->head + 1 ||
	    (!(c->form & (QG_VF_PAST | QG_VF_3SG | QG_VF_ING)) &&
	     !base_subject(text, sg, c)))
		return QG_OK;
	bare = qg_verb_in(c->verb, QG_S_REPORT_BARE_VERBS);
	if (c->vflags & QG_VERB_TELL)
		k = skip_hearer(text, sg, k, st->tok1);
	k = skip_adverbials(text, sg, cs, ci, k, st->tok1);
	if (k >= st->tok1 || !word(sg, k) ||
	    (IN(k, NO_CLAUSE) && !no_subject(text, sg, k, st->tok1)) ||
	    IS(k, "that"))
		return QG_OK;
	/* ", said Ann Ruiz": the subject follows the verb (never a
	 * hearer's: ", told Harbour Radio") */
	if (c->tok0 > st->tok0 && !(c->vflags & QG_VERB_TELL) &&
	    (punct(sg, c->tok0 - 1, ',') ||
	     (sg->toks[c->tok0 - 1].flags & QG_T_MARK)) &&
	    inverted_subject(text, sg, c))
		return QG_OK;
	t1 = clause_end(text, sg, cs, ci, k);
	if ((!bare && !finite_near(text, sg, k, t1)) ||
	    as_saying(cs, text, sg, ci, k, st->tok1))
		return QG_OK;
	return add_clause(cs, text, sg, ci, k, &added);
}

/* Whether the cue is a verb whose base is in the list `set`. */
static bool base_in(const qg_cue *c, unsigned set)
{
	return c->verb && qg_verb_in(c->verb, set);
}

/* Does the "to" at token `k` open an infinitive, not a noun phrase ("to
 * a ceasefire", "to Geneva")? */
static bool infinitive(const char *text, const qg_segments *sg, size_t k)
{
	const qg_tok *t;

	if (k + 1 >= sg->sents[sg->toks[k].sent].tok1 || !word(sg, k + 1))
		return false;
	t = &sg->toks[k + 1];
	return !(t->flags & QG_T_CAP) && !(text[t->start] >= '0' &&
	                                   text[t->start] <= '9') &&
	       !IN(k + 1, SUBJECT_OPENERS) && !IN(k + 1, NO_SUBJECT);
}

/* X vowed to CLAUSE / X urged Y to CLAUSE / X denied OBJECT */
static qg_status complement(qg_cues *cs, const char *text,
                            const qg_segments *sg, size_t ci)
{
	const qg_cue *c = &cs->items[ci];
	const qg_sent *st = &sg->sents[c->sent];
	size_t k = skip_adverbials(text, sg, cs, ci, c->tok1, st->tok1), j;
	bool added;

	/* a verb form only: "call", "promise", "question" alone are mostly
	 * nouns */
	if (k >= st->tok1 || !word(sg, k) ||
	    !(c->form & (QG_VF_PAST | QG_VF_3SG | QG_VF_ING)))
		return QG_OK;
	if (base_in(c, QG_S_REPORT_INFINITIVE_VERBS) &&
	    IS(k, "to") && infinitive(text, sg, k))
		return add_clause(cs, text, sg, ci, k, &added);
	/* "urged voters to ..."; but "asked not to be named" asks nothing
	 * of anyone */
	if (base_in(c, QG_S_REPORT_REQUEST_VERBS) && !IN(k, NO_CLAUSE)) {
		j = skip_hearer(text, sg, k, st->tok1);
		if (j > k && j < st->tok1 && IS(j, "to") &&
		    infinitive(text, sg, j))
			return add_clause(cs, text, sg, ci, k, &added);
	}
	/* "called for new talks"; "called the plan a fraud" */
	if (c->verb && strcmp(c->verb->base, "call") == 0 &&
	    (c->form & (QG_VF_PAST | QG_VF_3SG | QG_VF_ING))) {
		if (IS(k, "for"))
			return add_clause(cs, text, sg, ci, k + 1, &added);
		for (j = k; j < st->tok1 && j < k + 6 && word(sg, j); j++)
			if (j > k && (IS(j, "a") || IS(j, "an")))
				return add_clause(cs, text, sg, ci, k, &added);
	}
	/* a verb form only: "question", "attack" alone are mostly nouns */
	if (base_in(c, QG_S_REPORT_OBJECT_VERBS) &&
	    (c->form & (QG_VF_PAST | QG_VF_ING)) && !IN(k, NO_CLAUSE) &&
	    !IS(k, "that") && !IS(k, "including") && c->tok1 == c->head + 1 &&
	    !as_saying(cs, text, sg, ci, k, st->tok1))
		return add_clause(cs, text, sg, ci, k, &added);
	return QG_OK;
}

static qg_status cue_reports(qg_cues *cs, const char *text,
                             const qg_segments *sg, size_t ci)
{
	const qg_cue *c = &cs->items[ci];
	qg_status rc;
	bool added = false;
	size_t n0 = cs->nrep;

	/* beliefs and findings are reported too, in a "that" clause:
	 * "experts fear that ...", "the study found that ..." */
	if ((c->kind & QG_CUE_THOUGHT) && !(c->kind & QG_CUE_INFINITIVE) &&
	    (c->kind & QG_CUE_VERB) && !(c->kind & QG_CUE_PASSIVE)) {
		rc = that_clause(cs, text, sg, ci, &added);
		if (rc == QG_OK && !added &&
		    base_in(c, QG_S_REPORT_BELIEF_VERBS))
			rc = bare_clause(cs, text, sg, ci);
		return rc;
	}
	if (!qg_cue_speech(c))
		return QG_OK;
	if (c->kind & QG_CUE_ACCORDING)
		return according(cs, text, sg, ci);
	if (!(c->kind & QG_CUE_VERB) || (c->kind & QG_CUE_PASSIVE))
		return QG_OK;
	rc = QG_OK;
	if (c->vflags & QG_VERB_THAT) {
		rc = that_clause(cs, text, sg, ci, &added);
		if (rc == QG_OK && !added)
			rc = around(cs, text, sg, ci, &added);
		if (rc == QG_OK && !added)
			rc = bare_clause(cs, text, sg, ci);
	}
	if (rc == QG_OK && !added && cs->nrep == n0)
		rc = complement(cs, text, sg, ci);
	return rc;
}

qg_status qg_reports_find(qg_cues *cs, const char *text,
                          const qg_segments *sg)
{
	qg_status rc = QG_OK;

	cs->nrep = 0;
	rc = qg__grow((void **)&cs->tokcue, &cs->captokcue,
	              sg->ntok ? sg->ntok : 1, sizeof(long));
	if (rc < 0)
		return rc;
	for (size_t k = 0; k < sg->ntok; k++)
		cs->tokcue[k] = -1;
	for (size_t i = 0; i < cs->n; i++)
		cs->tokcue[cs->items[i].tok0] = (long)i;
	for (size_t i = 0; rc == QG_OK && i < cs->n; i++)
		rc = cue_reports(cs, text, sg, i);
	return rc;
}

bool qg_reports_frame(const qg_cues *cs, const qg_segments *sg, size_t tok)
{
	size_t sent = sg->toks[tok].sent, lo = 0, hi = cs->nrep;

	/* reports follow their cues, whose sentences never decrease */
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (cs->items[cs->reps[mid].cue].sent < sent)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (size_t i = lo; i < cs->nrep && i < lo + 16; i++) {
		const qg_report *r = &cs->reps[i];

		if (cs->items[r->cue].sent != sent)
			break;
		if (r->tok0 <= tok && tok < r->tok1 &&
		    qg_cue_speech(&cs->items[r->cue]))
			return true;
	}
	return false;
}
