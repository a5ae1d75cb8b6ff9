/*
 * cue.c -- reporting cues: each word outside quotes tested for a verb form
 * (the tag qg_tokens_tag() put on it, one lexicon lookup per token), then
 * read in its context: a determiner before it makes it a noun ("the
 * report"), "to" or a modal an infinitive ("to say"), an auxiliary a
 * passive ("was told"). A few multiword cues are matched word by word.
 */
#include <string.h>

#include "cue.h"

void qg_cues_dispose(qg_cues *cs)
{
	qg__free(cs->items);
	qg__free(cs->reps);
	qg__free(cs->tokcue);
	qg__free(cs->cand);
	qg__free(cs->mcand);
	memset(cs, 0, sizeof(*cs));
}

/* Tag token t, whose bytes can be read up to `limit`: a word of the info
 * table's length (nearly every one) is looked up there inline, `it` being
 * lx's info table (NULL with no lexicon: qg_lexicon_info() then says
 * nothing). */
static inline void tag_one(qg_tok *t, const qg_lexicon *lx,
                           const qg__itable *it, const char *text,
                           size_t limit)
{
	size_t n = t->end - t->start, bare;

	if (t->flags & QG_T_PUNCT)
		return; /* no word of the lexicon is one mark (a unit test
		           checks): stays zero, as segmented */
	if (it && n <= QG_WORD_INFO_MAX)
		qg__itable_find(it, text + t->start, n, limit - t->start,
		                &t->tag);
	else
		qg_lexicon_info(lx, text + t->start, n, limit - t->start,
		                &t->tag);
	/* a possessive ends in s or S: most words are passed over here */
	if (t->tag.classes || (text[t->end - 1] | 0x20) != 's')
		return;
	bare = qg_tok_bare_len(text, t);
	if (bare < n) /* "Saturday's": the classes of "Saturday" */
		t->tag.classes = qg_lexicon_word(lx, text + t->start, bare);
}

/* The byte after the last token: tokens are in text order, so no token
 * reads past it. */
static size_t tokens_limit(const qg_segments *sg)
{
	return sg->ntok ? sg->toks[sg->ntok - 1].end : 0;
}

void qg_tokens_tag(qg_segments *sg, const qg_lexicon *lx, const char *text)
{
	size_t limit = tokens_limit(sg);

	for (size_t i = 0; i < sg->ntok; i++)
		tag_one(&sg->toks[i], lx, qg__lexicon_itable(lx), text, limit);
}

/* qg_tokens_tag(), keeping in cs->cand the tokens the cue loop looks at
 * further and in cs->mcand those the mention finder does: each then
 * passes over the others, nearly all, without reading them again. */
static qg_status tag_candidates(qg_cues *cs, qg_segments *sg,
                                const qg_lexicon *lx, const char *text)
{
	const qg__itable *it = qg__lexicon_itable(lx);
	size_t limit = tokens_limit(sg), n = 0, m = 0;
	size_t need = sg->ntok ? sg->ntok : 1;
	qg_status rc = qg__grow((void **)&cs->cand, &cs->capcand, need,
	                        sizeof(size_t));

	if (rc == QG_OK)
		rc = qg__grow((void **)&cs->mcand, &cs->capmcand, need,
		              sizeof(size_t));
	for (size_t i = 0; rc == QG_OK && i < sg->ntok; i++) {
		qg_tok *t = &sg->toks[i];

		tag_one(t, lx, it, text, limit);
		if (!(t->flags & QG_T_WORD) || (t->flags & QG_T_QUOTED))
			continue;
		if (t->tag.verb || qg_tok_has(t, QG_S_CUE_PHRASE_OPENERS))
			cs->cand[n++] = i;
		if ((t->flags & QG_T_CAP) ||
		    qg_tok_has(t, QG_S_MENTION_PRONOUNS) ||
		    qg_tok_has(t, QG_S_MENTION_GROUP_DETS) ||
		    qg_tok_has(t, QG_S_MENTION_BARE_SOURCES))
			cs->mcand[m++] = i;
	}
	cs->ncand = n;
	cs->nmcand = m;
	return rc;
}

bool qg_cue_speech(const qg_cue *c)
{
	return !(c->kind & (QG_CUE_INFINITIVE | QG_CUE_THOUGHT)) &&
	       (c->kind & (QG_CUE_VERB | QG_CUE_ACCORDING | QG_CUE_NOUN));
}

/* The lower-case text of tokens [t0, t1) into c->text. */
static void cue_text(qg_cue *c, const char *text, const qg_segments *sg)
{
	size_t o = 0;

	for (size_t k = c->tok0; k < c->tok1; k++) {
		const qg_tok *t = &sg->toks[k];

		if (o && o + 1 < sizeof(c->text))
			c->text[o++] = ' ';
		for (size_t i = t->start; i < t->end && o + 1 < sizeof(c->text);
		     i++) {
			char ch = text[i];

			c->text[o++] = (char)((ch >= 'A' && ch <= 'Z') ? ch + 32 : ch);
		}
	}
	c->text[o] = '\0';
}

static qg_status cue_add(qg_cues *cs, qg_cue *c, const char *text,
                         const qg_segments *sg)
{
	qg_status rc = qg__grow((void **)&cs->items, &cs->cap, cs->n + 1,
	                        sizeof(qg_cue));

	if (rc == QG_OK) {
		c->sent = sg->toks[c->head].sent;
		cue_text(c, text, sg);
		cs->items[cs->n++] = *c;
	}
	return rc;
}

/* Before token `i`, a quoted modifier ("an "ironclad" guarantee"): a
 * closing mark right after a quoted word. Returns the index of its opening
 * mark, or `i` when there is none. */
static size_t skip_modifier(const qg_segments *sg, size_t i)
{
	size_t k = i;

	if (k < 2 || !(sg->toks[k - 1].flags & QG_T_MARK) ||
	    (sg->toks[k - 2].flags & (QG_T_QUOTED | QG_T_WORD)) !=
	            (QG_T_QUOTED | QG_T_WORD))
		return i;
	k--;
	while (k > 0 && (sg->toks[k - 1].flags & QG_T_QUOTED))
		k--;
	if (k == 0 || !(sg->toks[k - 1].flags & QG_T_MARK) || i - k > 6)
		return i;
	return k - 1;
}

/* Token `i` follows a short lower-case quoted modifier ("'ironclad'
 * guarantees"): it is the noun that the modifier qualifies. */
static bool noun_after_modifier(const qg_segments *sg, size_t i)
{
	size_t o = skip_modifier(sg, i);

	return o != i && i - o <= 5 && !(sg->toks[o + 1].flags & QG_T_CAP);
}

/* The word token before `i` in the same sentence, skipping "-ly" adverbs
 * and quoted modifiers; NULL at the sentence start. */
static const qg_tok *prev_word(const char *text, const qg_segments *sg,
                               size_t i)
{
	size_t s = sg->toks[i].sent;

	i = skip_modifier(sg, i);
	while (i > 0 && sg->toks[i - 1].sent == s) {
		const qg_tok *t = &sg->toks[--i];
		size_t n = t->end - t->start;

		if (!(t->flags & QG_T_WORD))
			return NULL;
		if (n > 4 && memcmp(text + t->end - 2, "ly", 2) == 0 &&
		    !qg_tok_is(text, t, "only"))
			continue;
		return t;
	}
	return NULL;
}

/* "in an interview with", "in remarks made to", "in a statement". */
static bool noun_cue(const char *text, const qg_segments *sg, size_t i,
                     qg_cue *c)
{
	size_t k = i + 1, n = sg->ntok, s = sg->toks[i].sent;

	if (!qg_tok_is(text, &sg->toks[i], "in") &&
	    !qg_tok_is(text, &sg->toks[i], "during"))
		return false;
	/* "in an interview", "in a Facebook post", "in a CNN interview" */
	while (k < n && k < i + 4 && sg->toks[k].sent == s &&
	       !qg_tok_has(&sg->toks[k], QG_S_CUE_SPEECH_NOUNS) &&
	       (sg->toks[k].flags & QG_T_WORD) &&
	       (!(sg->toks[k].flags & QG_T_CAP) || k > i + 1))
		k++;
	if (k >= n || sg->toks[k].sent != s ||
	    !qg_tok_has(&sg->toks[k], QG_S_CUE_SPEECH_NOUNS))
		return false;
	/* "in press briefings": press is only the first half */
	if (qg_tok_is(text, &sg->toks[k], "press") && k + 1 < n)
		k++;
	c->tok0 = i;
	c->head = k;
	c->tok1 = k + 1;
	if (k + 1 < n && qg_tok_is(text, &sg->toks[k + 1], "made"))
		k++;
	if (k + 1 < n && (qg_tok_is(text, &sg->toks[k + 1], "with") ||
	                  qg_tok_is(text, &sg->toks[k + 1], "to")))
		c->tok1 = k + 2;
	c->kind = QG_CUE_NOUN;
	return true;
}

/* Is word token p a pre-noun adjective after a determiner ("an earlier
 * forecast", "the official statement")? Then the verb form after it is a
 * noun. */
static bool adjective_after_determiner(const char *text,
                                       const qg_segments *sg,
                                       const qg_tok *p)
{
	const qg_tok *pp;

	if (!qg_tok_has(p, QG_S_CUE_NOUN_ADJECTIVES))
		return false;
	pp = prev_word(text, sg, (size_t)(p - sg->toks));
	return pp && qg_tok_has(pp, QG_S_CUE_DETERMINERS);
}

/* Is the -s form at token i a plural noun ("the cost estimates were",
 * "his claims have")? A reporting verb is never followed at once by a
 * finite verb; a noun subject is. */
static bool plural_noun(const qg_segments *sg, size_t i)
{
	const qg_tok *t = &sg->toks[i];

	return (t->tag.form & QG_VF_3SG) && !(t->tag.form & QG_VF_PAST) &&
	       i + 1 < sg->ntok && sg->toks[i + 1].sent == t->sent &&
	       qg_tok_has(&sg->toks[i + 1], QG_S_REPORT_FINITE_WORDS);
}

/* Is word token p a name after "a" or "an" ("a Facebook post", "an NBC
 * interview")? Then the verb form after it is a noun; not so after "the"
 * ("the Times wrote"). */
static bool name_after_determiner(const char *text, const qg_segments *sg,
                                  const qg_tok *p)
{
	const qg_tok *pp;

	if (!(p->flags & QG_T_CAP))
		return false;
	pp = prev_word(text, sg, (size_t)(p - sg->toks));
	return pp && (qg_tok_is(text, pp, "a") || qg_tok_is(text, pp, "an"));
}

/* Does token k name a day or date ("Monday", "March", "3")? After "on"
 * it makes a time, not a particle of the verb. */
static bool day_after(const char *text, const qg_segments *sg, size_t k)
{
	const qg_tok *t = &sg->toks[k];

	return k < sg->ntok && sg->toks[k - 1].sent == t->sent &&
	       ((t->tag.classes & (QG_W_WEEKDAY | QG_W_MONTH)) ||
	        (text[t->start] >= '0' && text[t->start] <= '9'));
}

/* Read the verb form at token i in its context. */
static bool verb_cue(const char *text, const qg_segments *sg, size_t i,
                     bool titlecase, qg_cue *c)
{
	const qg_tok *t = &sg->toks[i], *p;
	const qg_verb *v = t->tag.verb;
	unsigned form = t->tag.form;

	if (!v)
		return false;
	/* "the Washington Post", "Hope Hicks"; but a headline capitalises
	 * its verbs too: "Minister Warns of ..." */
	if ((t->flags & QG_T_CAP) && i > 0 && sg->toks[i - 1].sent == t->sent &&
	    !(titlecase && (form & (QG_VF_PAST | QG_VF_3SG | QG_VF_ING))))
		return false;
	p = prev_word(text, sg, i);
	if (p && (qg_tok_has(p, QG_S_CUE_DETERMINERS) ||
	          adjective_after_determiner(text, sg, p) ||
	          name_after_determiner(text, sg, p)))
		return false;
	if (noun_after_modifier(sg, i) || plural_noun(sg, i))
		return false;
	/* "state Sen. Ann Roy", "state Del. X": a place noun before a form
	 * of address ("say Mrs. X" is a verb) */
	if (qg_tok_has(t, QG_S_MENTION_PLACE_NOUNS) && i + 1 < sg->ntok &&
	    sg->toks[i + 1].sent == t->sent &&
	    (sg->toks[i + 1].tag.classes & QG_W_HONORIFIC))
		return false;
	/* "Union says talks 'going nowhere'": an -s form right after a
	 * finite verb of saying is the noun that opens its clause */
	if (p && p == &sg->toks[i - 1] && p->tag.verb &&
	    !(p->flags & QG_T_CAP) &&
	    (p->tag.form & (QG_VF_PAST | QG_VF_3SG)) &&
	    (form & QG_VF_3SG) && !(form & QG_VF_PAST))
		return false;
	c->verb = v;
	c->form = form;
	c->vflags = v->flags;
	c->tok0 = c->head = i;
	c->tok1 = i + 1;
	c->kind = QG_CUE_VERB;
	if (p && (form & (QG_VF_BASE)) && !(form & QG_VF_PAST) &&
	    qg_tok_has(p, QG_S_CUE_MODALS))
		c->kind |= QG_CUE_INFINITIVE;
	if (p && (form & QG_VF_PART) && qg_tok_has(p, QG_S_CUE_AUXILIARIES))
		c->kind |= QG_CUE_PASSIVE;
	if ((form & QG_VF_ING) && !(form & (QG_VF_PAST | QG_VF_3SG)))
		c->kind |= QG_CUE_PARTICIPLE;
	if (qg_verb_in(v, QG_S_CUE_THOUGHT_VERBS))
		c->kind |= QG_CUE_THOUGHT;
	if (i + 1 < sg->ntok && qg_tok_is(text, &sg->toks[i + 1], "by") &&
	    (c->kind & QG_CUE_PASSIVE))
		c->kind |= QG_CUE_BY;
	/* "pointed out", "went on"; not "said on Monday" */
	if (i + 1 < sg->ntok && (qg_tok_is(text, &sg->toks[i + 1], "out") ||
	                         qg_tok_is(text, &sg->toks[i + 1], "on")) &&
	    !day_after(text, sg, i + 2))
		c->tok1 = i + 2;
	return true;
}

/* Is sentence `s` in title case, as headlines are: at least three words,
 * every word of four letters or more capitalised? */
static bool title_case(const qg_segments *sg, size_t s)
{
	const qg_sent *st = &sg->sents[s];
	size_t words = 0;

	for (size_t k = st->tok0; k < st->tok1; k++) {
		const qg_tok *t = &sg->toks[k];

		if (!(t->flags & QG_T_WORD) || (t->flags & QG_T_QUOTED))
			continue;
		words++;
		if (!(t->flags & QG_T_CAP) && t->end - t->start > 3)
			return false;
	}
	return words >= 3;
}

qg_status qg_cues_find(qg_cues *cs, const qg_lexicon *lx, const char *text,
                       qg_segments *sg)
{
	qg_status rc;
	size_t sent = SIZE_MAX, next = 0;
	bool titlecase = false;

	cs->n = 0;
	rc = tag_candidates(cs, sg, lx, text);
	/* each candidate token in order, as a walk over every token would
	 * meet it: `next` is where that walk would be, past the tokens a cue
	 * took */
	for (size_t ci = 0; rc == QG_OK && ci < cs->ncand; ci++) {
		size_t i = cs->cand[ci];
		const qg_tok *t = &sg->toks[i];
		qg_cue c;

		if (i < next)
			continue; /* inside the cue found before */
		next = i + 1;
		if (t->sent != sent) { /* read once a sentence has a candidate */
			sent = t->sent;
			titlecase = title_case(sg, sent);
		}
		memset(&c, 0, sizeof(c));
		if (qg_tok_is(text, t, "according") && i + 1 < sg->ntok &&
		    qg_tok_is(text, &sg->toks[i + 1], "to")) {
			c.tok0 = c.head = i;
			c.tok1 = i + 2;
			c.kind = QG_CUE_ACCORDING;
			rc = cue_add(cs, &c, text, sg);
			next = i + 2;
		} else if (noun_cue(text, sg, i, &c)) {
			rc = cue_add(cs, &c, text, sg);
			next = c.tok1;
		} else if (verb_cue(text, sg, i, titlecase, &c)) {
			rc = cue_add(cs, &c, text, sg);
		}
	}
	if (rc == QG_OK)
		rc = qg_reports_find(cs, text, sg);
	return rc;
}
