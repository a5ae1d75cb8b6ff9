/*
 * attribute.c -- the attribution sieves. Each quote is tried against the
 * most precise evidence first: a colon after a cue ("X said: '...'"), then
 * the cue right after the quote ("'...,' said X" / "'...,' X said"), then
 * a cue before it in the sentence, then any cue of the sentence; a quote
 * with no cue continues the previous quote's speaker when it stands alone
 * in its paragraph or follows it. Pronouns and role nouns go to the latest
 * fitting person. Reported speech without marks is read off "that"
 * clauses, ", X said" tails and "according to X". Every decision keeps its
 * rule name and a confidence.
 */
#include <string.h>

#include "resolve.h"

/* Whether token k is in the word list QG_S_ATTR_<set> (wordsets.c). */
#define TOK_IN(d, k, set) qg_tok_has(&(d)->sg->toks[k], QG_S_ATTR_##set)

static bool is_punct(const qg_doc *d, size_t k, uint32_t cp)
{
	return (d->sg->toks[k].flags & QG_T_PUNCT) && d->sg->toks[k].cp == cp;
}

static const qg_sent *sent_of(const qg_doc *d, size_t k)
{
	return &d->sg->sents[d->sg->toks[k].sent];
}

/* The first cue whose head lies in [t0, t1), or -1. */
static long cue_in(const qg_doc *d, size_t t0, size_t t1, bool last)
{
	long got = -1;
	size_t lo = 0, hi = d->cs->n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (d->cs->items[mid].head < t0)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (size_t i = lo; i < d->cs->n; i++) {
		const qg_cue *c = &d->cs->items[i];

		if (c->head < t0)
			continue;
		if (c->head >= t1)
			break;
		got = (long)i;
		if (!last)
			break;
	}
	return got;
}

/* ---- pronouns and role nouns */

/* How many mentions start before token `tok` (they are in text order). */
static size_t mentions_before(const qg_resolver *r, size_t tok)
{
	size_t lo = 0, hi = r->nm;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (r->ms[mid].tok0 < tok)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* The subject of sentence `s` before token `lim`: its first person that
 * follows no preposition, after the first comma when the sentence opens
 * with a subordinate clause. */
/* An outlet, organisation or name before a noun may only qualify the
 * person who follows it: said MSNBC host Chris Matthews, Senate candidate
 * Ann Roy, Kessler aide Mona Ibsen, Rival boss Tom Ashby. */
static long person_behind(const qg_resolver *r, const qg_doc *d, long m)
{
	const qg_mention *o = &r->ms[m];

	if (o->type != QG_M_OUTLET && o->type != QG_M_ORG &&
	    o->type != QG_M_ROLE && !(o->flags & QG_MF_MOD))
		return m;
	for (size_t k = o->tok1; k < o->tok1 + 3 && k < d->sg->ntok; k++) {
		long p = r->tokm[k];

		if (p >= 0 && r->ms[p].sent == o->sent &&
		    r->ms[p].type == QG_M_PERSON)
			return p;
		/* only a noun may stand between: "Senate candidate X" */
		if (p >= 0 || !(d->sg->toks[k].flags & QG_T_WORD) ||
		    cue_in(d, k, k + 1, false) >= 0 || TOK_IN(d, k, FUNCTION_WORDS))
			break;
	}
	return m;
}

static long resolve_at(const qg_resolver *r, const qg_doc *d,
                       const qg_mention *m, int depth);
static long role_named(const qg_resolver *r, const qg_doc *d, long mi,
                       size_t lim);

/* How far a pronoun may go back through sentences whose subject is itself
 * a pronoun or a role noun ("She told reporters ... 'We'll see,' she
 * said"). */
#define QG_RESOLVE_DEPTH 3

/* How far back, in tokens, an antecedent is looked for, whatever the
 * sentence and paragraph bounds say: they bound nothing in a text without
 * full stops, and every walk back must stay short for the whole to stay
 * linear. A few paragraphs of news copy. */
#define QG_REACH 600

static long sentence_subject(const qg_resolver *r, const qg_doc *d,
                             size_t s, size_t lim, int depth)
{
	const qg_sent *st = &d->sg->sents[s];
	size_t from = st->tok0;

	if (TOK_IN(d, st->tok0, SUBORDINATORS)) {
		for (size_t k = st->tok0; k < lim && k < st->tok0 + QG_REACH; k++)
			if (is_punct(d, k, ',')) {
				from = k + 1;
				break;
			}
	}
	for (size_t k = from; k < lim && k < st->tok1 && k < from + QG_REACH;
	     k++) {
		long mi = r->tokm[k];
		const qg_mention *m;

		if (mi < 0)
			continue;
		m = &r->ms[mi];
		k = m->tok1 - 1;
		if (m->flags & (QG_MF_PREP | QG_MF_MOD))
			continue;
		if (m->type == QG_M_PERSON && m->entity >= 0)
			return m->entity;
		if (m->type == QG_M_ROLE && person_behind(r, d, mi) != mi)
			return r->ms[person_behind(r, d, mi)].entity;
		if (m->type == QG_M_ROLE && role_named(r, d, mi, st->tok1) != mi)
			return r->ms[role_named(r, d, mi, st->tok1)].entity;
		if ((m->type == QG_M_PRONOUN || m->type == QG_M_ROLE ||
		     m->type == QG_M_GROUP) &&
		    depth < QG_RESOLVE_DEPTH)
			return resolve_at(r, d, m, depth + 1);
	}
	return -1;
}

/* Is the word w (n bytes) a plural noun: "officials", "men", "people"? */
static bool plural_word(const char *w, size_t n)
{
	static const char *const irregular[] = {"men", "women", "people",
	                                        "children", "police", "staff"};

	if (n > 2 && w[n - 1] == 's' && w[n - 2] != 's')
		return true;
	for (size_t i = 0; i < sizeof(irregular) / sizeof(irregular[0]); i++)
		if (strlen(irregular[i]) == n && strncasecmp(w, irregular[i], n) == 0)
			return true;
	return false;
}

/* Entity e, unless the pronoun's sex (0: none, as "they" or "the
 * minister") and the person's differ, or "he" or "she" would stand for
 * people in the plural ("Officers shouted ... she says"): then -1. */
static long agreeing(const qg_resolver *r, long e, unsigned sex)
{
	const char *n;
	size_t len;

	if (e < 0 || !sex)
		return e;
	n = qg_resolver_str(r, r->es[e].name);
	len = strlen(n);
	if (r->es[e].type == QG_M_GROUP && plural_word(n, len))
		return -1; /* "Officers", "the two men"; not "the annotator" */
	return r->es[e].sex && r->es[e].sex != sex ? -1 : e;
}

/* The latest person mentioned before token `lim` whose sex is `sex`, else
 * the latest whose sex is unknown (any person when `sex` is 0). */
static long latest_person(const qg_resolver *r, size_t lim, size_t min_sent,
                          unsigned sex)
{
	long loose = -1;

	for (size_t k = mentions_before(r, lim); k > 0; k--) {
		const qg_mention *m = &r->ms[k - 1];

		if (m->sent < min_sent || m->tok1 + QG_REACH < lim)
			break;
		if (m->type != QG_M_PERSON || agreeing(r, m->entity, sex) < 0)
			continue;
		/* "she": a woman named a little earlier before a name that
		 * says nothing ("in Erie") */
		if (!sex || r->es[m->entity].sex == sex)
			return m->entity;
		if (loose < 0)
			loose = m->entity;
	}
	return loose;
}

/* With no person in sight, "he" is the unnamed speaker just described:
 * "The annotator got annoyed ... he said." */
static long latest_group(const qg_resolver *r, size_t lim, size_t min_sent)
{
	for (size_t k = mentions_before(r, lim); k > 0; k--) {
		const qg_mention *m = &r->ms[k - 1];

		if (m->sent < min_sent || m->tok1 + QG_REACH < lim)
			break;
		if (m->type == QG_M_GROUP && m->entity >= 0)
			return m->entity;
	}
	return -1;
}

/* The speaker of the latest quote decided before byte `pos`, if close. */
static long recent_speaker(const qg_resolver *r, const qg_doc *d,
                           size_t pos, size_t min_sent, unsigned sex)
{
	size_t lo = 0, hi = r->nquotes < r->nd ? r->nquotes : r->nd;

	/* the quotes' decisions come first, in text order */
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (r->ds[mid].start < pos)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (size_t k = lo; k > 0; k--) {
		const qg_decision *q = &r->ds[k - 1];

		if (q->sent < min_sent || q->end + 8 * QG_REACH < pos)
			break;
		if (!q->keep)
			continue;
		if (q->speaker >= 0 && r->es[q->speaker].type == QG_M_PERSON &&
		    agreeing(r, q->speaker, sex) >= 0)
			return q->speaker;
	}
	(void)d;
	return -1;
}

static long resolve_pronoun(const qg_resolver *r, const qg_doc *d,
                            const qg_mention *m, int depth)
{
	size_t s = m->sent;
	unsigned sex = d->sg->toks[m->tok0].tag.classes &
	               (QG_W_MALE | QG_W_FEMALE);
	long e = agreeing(r, sentence_subject(r, d, s, m->tok0, depth), sex);
	size_t min = s > 4 ? s - 4 : 0;

	if (e < 0 && s > 0 &&
	    d->sg->sents[s - 1].para + 1 >= d->sg->sents[s].para)
		e = agreeing(r,
		             sentence_subject(r, d, s - 1,
		                              d->sg->sents[s - 1].tok1, depth),
		             sex);
	if (e < 0)
		e = recent_speaker(r, d, d->sg->toks[m->tok0].start, min, sex);
	if (e < 0)
		e = latest_person(r, m->tok0, min, sex);
	if (e < 0)
		e = agreeing(r, latest_group(r, m->tok0, s > 0 ? s - 1 : 0), sex);
	return e;
}

/* ASCII upper case folded to lower: what strncasecmp() does in the C
 * locale, the library never setting another. */
static inline unsigned char fold(char c)
{
	unsigned char u = (unsigned char)c;

	return (u >= 'A' && u <= 'Z') ? (unsigned char)(u + 32) : u;
}

/* Whether the n bytes at a and b are equal, case aside; a may end (NUL)
 * before them, b holds n bytes of text (no NUL: the text was checked). */
static inline bool same_folded(const char *a, const char *b, size_t n)
{
	size_t i = 0;

	while (i < n && a[i] && fold(a[i]) == fold(b[i]))
		i++;
	return i == n;
}

/* Whether tokens a and b are the same word, case aside. */
static bool same_word(const qg_doc *d, const qg_tok *a, const qg_tok *b)
{
	size_t n = (size_t)(b->end - b->start);

	return (size_t)(a->end - a->start) == n &&
	       same_folded(d->text + a->start, d->text + b->start, n);
}

/* Whether string s (a title or a name; NULL: none) holds the word of
 * token w anywhere, case aside. Called for every mention looked back
 * over: the first byte is matched before the rest is compared. */
static bool holds_word(const qg_doc *d, const char *s, const qg_tok *w)
{
	size_t n = (size_t)(w->end - w->start);
	const char *p = d->text + w->start;
	unsigned char f = n ? fold(p[0]) : 0;

	for (const char *c = s; c && *c; c++)
		if (n == 0 || (fold(*c) == f && same_folded(c, p, n)))
			return true;
	return false;
}

/*
 * The entity of the latest mention of `type`, within 30 sentences, whose
 * title (people: "the minister") or name (organisations: "the board")
 * holds the last word of `m`; -1 when none.
 */
static long latest_holding(const qg_resolver *r, const qg_doc *d,
                           const qg_mention *m, int type)
{
	const qg_tok *w = &d->sg->toks[m->tok1 - 1];
	long failed = -1; /* the entity last found not to hold the word */

	for (size_t k = mentions_before(r, m->tok0); k > 0; k--) {
		const qg_mention *p = &r->ms[k - 1];
		const qg_entity *e;

		if (p->sent + 30 < m->sent || p->tok1 + 2 * QG_REACH < m->tok0)
			break;
		/* mentions of one entity come in runs: its words are read
		 * once per run */
		if (p->type != type || p->entity < 0 || p->entity == failed)
			continue;
		failed = p->entity;
		e = &r->es[p->entity];
		if (holds_word(d, qg_resolver_str(r, type == QG_M_PERSON
		                                             ? e->title
		                                             : e->name),
		               w))
			return p->entity;
	}
	return -1;
}

/* Does "ROLE for|of|at [the]" end just before token `at`, ROLE being the
 * word of token `w` ("a spokesperson for the authority")? */
static bool role_for(const qg_doc *d, size_t at, const qg_tok *w)
{
	const qg_tok *t = d->sg->toks;
	size_t k = at;

	if (k > 0 && qg_tok_is(d->text, &t[k - 1], "the"))
		k--;
	return k >= 2 &&
	       (qg_tok_is(d->text, &t[k - 1], "for") ||
	        qg_tok_is(d->text, &t[k - 1], "of") ||
	        qg_tok_is(d->text, &t[k - 1], "at")) &&
	       same_word(d, &t[k - 2], w);
}

/* "the spokesperson" after "a spokesperson for the Health Authority"
 * with no name: the body the unnamed holder of the role spoke for. */
static long role_body(const qg_resolver *r, const qg_doc *d,
                      const qg_mention *m)
{
	const qg_tok *w = &d->sg->toks[m->tok1 - 1];

	for (size_t k = mentions_before(r, m->tok0); k > 0; k--) {
		const qg_mention *p = &r->ms[k - 1];

		if (p->sent + 30 < m->sent || p->tok1 + 2 * QG_REACH < m->tok0)
			break;
		if (p->type == QG_M_ORG && p->entity >= 0 &&
		    role_for(d, p->tok0, w))
			return p->entity;
	}
	return -1;
}

/* Was the role word of `m` written after "a" or "an" earlier ("a senior
 * official of the corporation", "an aide")? Then "the official" is that
 * unnamed person, not whoever was named last. */
static bool role_unnamed_before(const qg_doc *d, const qg_mention *m)
{
	const qg_tok *t = d->sg->toks, *w = &t[m->tok1 - 1];
	size_t s0 = m->sent > 10 ? m->sent - 10 : 0;

	for (size_t k = m->tok0; k > 0 && t[k - 1].sent >= s0; k--) {
		if (!same_word(d, &t[k - 1], w))
			continue;
		for (size_t j = k - 1; j > 0 && j + 4 > k; j--) {
			if ((qg_tok_is(d->text, &t[j - 1], "a") ||
			     qg_tok_is(d->text, &t[j - 1], "an")) &&
			    !(j > 1 && qg_tok_is(d->text, &t[j - 2], "as")))
				return true; /* not "as a senator": that one
				                is named */
			if ((t[j - 1].flags & QG_T_CAP) || !(t[j - 1].flags & QG_T_WORD))
				break;
		}
	}
	return false;
}

/* "the minister": the latest person whose title holds that word; else the
 * body an unnamed holder of the role was said to speak for; else, unless
 * the role's holder was left unnamed, as a pronoun. */
static long clause_first(const qg_resolver *r, const qg_doc *d, size_t from,
                         size_t lim);

/* Does person e carry a title of another role than the word w ("the
 * manager said" after "goalkeeper Tom Haas")? Then the role noun is not
 * that person, however recently named. */
static bool other_title(const qg_resolver *r, const qg_doc *d, long e,
                        const qg_tok *w)
{
	const char *t = qg_resolver_str(r, r->es[e].title);

	if (r->es[e].type != QG_M_PERSON || !t || holds_word(d, t, w))
		return false;
	while (*t) {
		size_t n = strcspn(t, " ");

		if (n && (qg_lexicon_word(d->lx, t, n) &
		          (QG_W_TITLE | QG_W_ROLE)) &&
		    !(qg_lexicon_word(d->lx, t, n) & QG_W_HONORIFIC))
			return true;
		t += n + (t[n] == ' ');
	}
	return false;
}

/* The lede's role named in the sentence after it, as news copy does
 * ("The leader of the council has promised a review. Councillor Dev
 * Anand said ..."): in the story's first paragraph, a role no one holds
 * before is the titled person who opens the next sentence; -1 else. */
static long lede_role_named(const qg_resolver *r, const qg_doc *d,
                            const qg_mention *m)
{
	const qg_sent *st = &d->sg->sents[m->sent];
	size_t lede = d->title1 > d->title0 ? 1 : 0;
	long p;

	if (st->para != lede || m->sent + 1 >= d->sg->nsent)
		return -1;
	st = &d->sg->sents[m->sent + 1];
	if (st->para > lede + 1)
		return -1;
	p = clause_first(r, d, st->tok0, st->tok1);
	return p >= 0 && r->ms[p].type == QG_M_PERSON &&
	               r->ms[p].tok0 == st->tok0 && r->ms[p].name0 > r->ms[p].tok0
	           ? r->ms[p].entity
	           : -1;
}

static long resolve_role(const qg_resolver *r, const qg_doc *d,
                         const qg_mention *m, int depth)
{
	long e;

	/* "with a senior diplomat saying": someone unnamed */
	if (m->tok0 > 0 && d->sg->toks[m->tok0 - 1].sent == m->sent &&
	    (qg_tok_is(d->text, &d->sg->toks[m->tok0 - 1], "a") ||
	     qg_tok_is(d->text, &d->sg->toks[m->tok0 - 1], "an")))
		return -1;
	e = latest_holding(r, d, m, QG_M_PERSON);

	if (e < 0)
		e = role_body(r, d, m);
	if (e < 0 && role_unnamed_before(d, m))
		return -1;
	if (e < 0) {
		e = resolve_pronoun(r, d, m, depth);
		if (e >= 0 && other_title(r, d, e, &d->sg->toks[m->tok1 - 1]))
			e = -1;
	}
	return e >= 0 ? e : lede_role_named(r, d, m);
}

/* "The annotators", "another witness" are speakers of their own; "the
 * 44-year-old", "the veteran" stand for the person just named, if any; "a
 * spokesperson" for nobody known. */
static long resolve_group(const qg_resolver *r, const qg_doc *d,
                          const qg_mention *m, int depth)
{
	const qg_tok *last = &d->sg->toks[m->tok1 - 1];
	const char *w = d->text + last->start;
	size_t n = last->end - last->start;
	long e;

	/* "a spokesperson", "an official": someone left unnamed, no name
	 * to give (and no one entity across articles) */
	if ((last->tag.classes & QG_W_ROLE) &&
	    (qg_tok_is(d->text, &d->sg->toks[m->tok0], "a") ||
	     qg_tok_is(d->text, &d->sg->toks[m->tok0], "an")))
		return -1;
	if (!qg_tok_is(d->text, &d->sg->toks[m->tok0], "the") ||
	    plural_word(w, n))
		return m->entity;
	/* "the state agency": a body, which the person just named is not */
	if ((last->tag.classes & QG_W_ORG_WORD) &&
	    !(last->tag.classes & QG_W_ROLE))
		return latest_holding(r, d, m, QG_M_ORG);
	e = resolve_pronoun(r, d, m, depth);
	return e >= 0 && r->es[e].type == QG_M_PERSON ? e : m->entity;
}

/* Can organisation mention p be what "the ministry" or "the company"
 * stands for, its own name having no such word? Not a person, and not a
 * body whose name says it is another kind ("the Senate", "the Health
 * Board"); a company suffix ("Acme Inc") fits any firm. */
static bool same_kind_body(const qg_doc *d, const qg_mention *p)
{
	if (p->type != QG_M_ORG && p->type != QG_M_ORGREF)
		return false;
	for (size_t k = p->tok0; k < p->tok1 && p->type == QG_M_ORG; k++) {
		unsigned c = d->sg->toks[k].tag.classes;

		if ((c & QG_W_ORG_WORD) && !(c & QG_W_COMPANY_SUFFIX))
			return false;
	}
	return true;
}

/* "the board": the latest organisation whose name holds the word; "the
 * statement": whoever was last named as a speaker before it. */
static long resolve_orgref(const qg_resolver *r, const qg_doc *d,
                           const qg_mention *m, int depth)
{
	long e = latest_holding(r, d, m, QG_M_ORG);
	bool body = (d->sg->toks[m->tok1 - 1].tag.classes & QG_W_ORG_WORD) &&
	            !TOK_IN(d, m->tok1 - 1, GENERIC_BODIES);
	/* "the company" goes back to the firm the story is about, however
	 * many people spoke since; "the statement" only to a recent one */
	bool firm = TOK_IN(d, m->tok1 - 1, COMPANY_HEADS);
	size_t sents = firm ? 30 : 2, reach = firm ? 2 * QG_REACH : QG_REACH;

	/* "the health board" with no such board named is nobody known, not
	 * whoever was named last */
	if (e >= 0 || m->tok1 - m->tok0 > 2)
		return e;
	for (size_t k = mentions_before(r, m->tok0); k > 0; k--) {
		const qg_mention *p = &r->ms[k - 1];

		if (m->sent > p->sent + sents || p->tok1 + reach < m->tok0)
			break;
		if ((p->flags & QG_MF_PREP) || p->type == QG_M_OUTLET ||
		    (body && !same_kind_body(d, p)))
			continue;
		if (p->type == QG_M_ORGREF)
			return depth < QG_RESOLVE_DEPTH
			               ? resolve_orgref(r, d, p, depth + 1)
			               : -1;
		return qg_resolve_mention(r, d, (long)(k - 1));
	}
	return -1;
}

static long resolve_at(const qg_resolver *r, const qg_doc *d,
                       const qg_mention *m, int depth)
{
	if (m->type == QG_M_PRONOUN)
		return resolve_pronoun(r, d, m, depth);
	if (m->type == QG_M_ROLE)
		return resolve_role(r, d, m, depth);
	if (m->type == QG_M_GROUP)
		return resolve_group(r, d, m, depth);
	if (m->type == QG_M_ORGREF)
		return resolve_orgref(r, d, m, depth);
	return m->entity;
}

long qg_resolve_mention(const qg_resolver *r, const qg_doc *d, long mi)
{
	return mi < 0 ? -1 : resolve_at(r, d, &r->ms[mi], 0);
}

/* ---- the subject of a cue */

static bool speaker_type(int t)
{
	return t == QG_M_PERSON || t == QG_M_PRONOUN || t == QG_M_ROLE;
}

/* The mention starting within a few tokens after token `k`. */
static long mention_after(const qg_resolver *r, const qg_doc *d, size_t k,
                          size_t lim, size_t span)
{
	for (size_t j = k; j < lim && j < k + span; j++) {
		if (r->tokm[j] >= 0)
			return r->tokm[j];
		if (d->sg->toks[j].flags & (QG_T_MARK | QG_T_QUOTED))
			break;
		if (is_punct(d, j, '.') || is_punct(d, j, ';'))
			break;
	}
	return -1;
}

static bool subject_type(int t)
{
	return speaker_type(t) || t == QG_M_ORG || t == QG_M_ORGREF ||
	       t == QG_M_OUTLET || t == QG_M_GROUP;
}

/* A role noun named by the apposition after it: "The mayor of Valmont,
 * Anne Roy, said" names Anne Roy. Else the role noun itself. */
static long role_named(const qg_resolver *r, const qg_doc *d, long mi,
                       size_t lim)
{
	size_t k = r->ms[mi].tok1;

	for (; k < lim && k < r->ms[mi].tok1 + 6; k++) {
		long p;

		if (!is_punct(d, k, ','))
			continue;
		p = k + 1 < lim ? r->tokm[k + 1] : -1;
		if (p >= 0 && (r->ms[p].type == QG_M_PERSON ||
		               r->ms[p].type == QG_M_ORG) &&
		    (r->ms[p].tok1 >= lim || is_punct(d, r->ms[p].tok1, ',')))
			return p; /* "the owner, Brockton Storage LLC," too */
		break;
	}
	return mi;
}

/* The first mention of [from, lim) that can be a subject: not after a
 * preposition, not a possessive, not a modifier of a noun. */
static long clause_first(const qg_resolver *r, const qg_doc *d, size_t from,
                         size_t lim)
{
	for (size_t k = from; k < lim; k++) {
		long mi = r->tokm[k];
		const qg_mention *m;

		if (mi < 0 || (d->sg->toks[k].flags & (QG_T_QUOTED | QG_T_MARK)))
			continue;
		m = &r->ms[mi];
		k = m->tok1 - 1;
		if (m->flags & (QG_MF_PREP | QG_MF_POSS | QG_MF_MOD))
			continue;
		if (m->type == QG_M_ROLE || m->type == QG_M_GROUP)
			return role_named(r, d, mi, lim);
		return subject_type(m->type) ? person_behind(r, d, mi) : -1;
	}
	return -1;
}

/* A subject set off before the cue by commas: "Flynn, a top adviser,
 * said", "the Confederation, which represents hospitals, told". Also the
 * subject of a participle after a comma ("X attacked Y, saying") and of a
 * second verb ("X said ... and said"). */
static long clause_subject(const qg_resolver *r, const qg_doc *d,
                           const qg_cue *c, size_t from)
{
	size_t p = c->tok0;
	long m;

	if (p <= from + 1)
		return -1;
	if (TOK_IN(d, p - 1, ADVERBS) && p - 1 > from + 1)
		p--; /* "and then said", "but also told" */
	if (TOK_IN(d, p - 1, COORDINATORS))
		return clause_first(r, d, from, p - 1);
	if (!is_punct(d, c->tok0 - 1, ',') &&
	    !((c->kind & QG_CUE_PARTICIPLE) &&
	      (is_punct(d, c->tok0 - 1, 0x2014) || is_punct(d, c->tok0 - 1, 0x2013))))
		return -1; /* "X ..., said" / "X ...—claiming" */
	m = clause_first(r, d, from, c->tok0 - 1);
	if (m < 0 || (c->kind & QG_CUE_PARTICIPLE))
		return m;
	return is_punct(d, r->ms[m].tok1, ',') ? m : -1;
}

/* "Speaking to Radio X after the match, the manager said ...": a
 * participle opening the sentence has the subject of the main clause,
 * after the comma. */
static long opening_participle(const qg_resolver *r, const qg_doc *d,
                               const qg_cue *c, size_t from, size_t to)
{
	const qg_sent *st = &d->sg->sents[c->sent];

	if (!(c->kind & QG_CUE_PARTICIPLE) || c->tok0 != st->tok0 ||
	    c->tok0 < from)
		return -1;
	for (size_t k = c->tok1; k < to && k < st->tok1; k++) {
		if (d->sg->toks[k].flags & (QG_T_MARK | QG_T_QUOTED))
			return -1;
		if (is_punct(d, k, ','))
			return clause_first(r, d, k + 1, to < st->tok1 ? to : st->tok1);
	}
	return -1;
}

/* The mention that utters a "by" cue ("criticised by the tribunal"), or -1
 * when none or when it is an outlet that relayed someone's words. */
static long agent_after(const qg_resolver *r, const qg_doc *d,
                        const qg_cue *c, size_t to)
{
	long m = mention_after(r, d, c->tok1, to, 4);

	if (m < 0 || r->ms[m].type == QG_M_OUTLET)
		return -1;
	return m;
}

/* The "by" of a passive cue after its quote ("was described as "X" by
 * Y", "has been branded "X" by one critic"), or 0: found in the whole
 * sentence, past the quote that bounds the subject's search. The verb's
 * subject is then what was described, never who spoke. */
static size_t passive_by(const qg_doc *d, const qg_cue *c)
{
	size_t k = c->tok1, to = d->sg->sents[c->sent].tok1;

	if (!(c->kind & QG_CUE_PASSIVE) || (c->kind & QG_CUE_BY))
		return 0;
	if (k < to && qg_tok_is(d->text, &d->sg->toks[k], "as"))
		k++;
	if (k >= to || !(d->sg->toks[k].flags & QG_T_MARK))
		return 0;
	for (k++; k < to && k < c->tok1 + 40; k++)
		if (!(d->sg->toks[k].flags & (QG_T_QUOTED | QG_T_MARK)))
			break;
	return k < to && qg_tok_is(d->text, &d->sg->toks[k], "by") ? k : 0;
}

/* The speaker named after that "by", -1 for one left unnamed ("by one
 * critic") or an outlet that printed the words. */
static long late_agent(const qg_resolver *r, const qg_doc *d, size_t by)
{
	long m = mention_after(r, d, by + 1, sent_of(d, by)->tok1, 4);

	return m >= 0 && r->ms[m].type != QG_M_OUTLET ? m : -1;
}

/* The subject after an inverted cue: the first mention within a few
 * words that are no function words ("said 9/11 widow Terry Strada"). */
static long inverted_subject(const qg_resolver *r, const qg_doc *d,
                             size_t k, size_t lim)
{
	for (size_t j = k; j < lim && j < k + 6; j++) {
		const qg_tok *t = &d->sg->toks[j];

		if (r->tokm[j] >= 0)
			return r->tokm[j];
		if ((t->flags & (QG_T_MARK | QG_T_QUOTED)) ||
		    ((t->flags & QG_T_PUNCT) && t->cp != '/' && t->cp != '-') ||
		    ((t->flags & QG_T_WORD) && TOK_IN(d, j, FUNCTION_WORDS)) ||
		    cue_in(d, j, j + 1, false) >= 0)
			break;
	}
	return -1;
}

/* "said the company's chief executive, Jane Roe", "said a spokesman,
 * Tim Hale": a role, body or group after an inverted verb, the rest of
 * its noun phrase, then a comma and a person: that person speaks. */
static long apposed_person(const qg_resolver *r, const qg_doc *d, long m,
                           size_t lim)
{
	const qg_mention *o = &r->ms[m];
	size_t k = o->tok1;

	if (o->type == QG_M_PERSON || o->type == QG_M_PRONOUN)
		return m;
	for (size_t n = 0; k < lim && n < 4; n++, k++) {
		const qg_tok *t = &d->sg->toks[k];
		long p = r->tokm[k];

		if (p >= 0 && r->ms[p].type == QG_M_ROLE) {
			k = r->ms[p].tok1 - 1; /* "chief executive" */
			continue;
		}
		if (p >= 0 || !(t->flags & QG_T_WORD) || (t->flags & QG_T_CAP) ||
		    TOK_IN(d, k, FUNCTION_WORDS) || cue_in(d, k, k + 1, false) >= 0)
			break;
	}
	if (k + 1 < lim && is_punct(d, k, ',') && r->tokm[k + 1] >= 0 &&
	    r->ms[r->tokm[k + 1]].type == QG_M_PERSON)
		return r->tokm[k + 1];
	return m;
}

/* The relative pronoun ("who", "which") before cue `c`, allowing an
 * adverb or auxiliary between ("who also said", "which has warned");
 * 0 when there is none. */
static size_t relative_before(const qg_doc *d, const qg_cue *c, size_t from)
{
	size_t k = c->tok0;

	for (int n = 0; n < 2 && k > from + 1; n++) {
		if (!TOK_IN(d, k - 1, ADVERBS) &&
		    !qg_tok_has(&d->sg->toks[k - 1], QG_S_REPORT_FINITE_WORDS))
			break;
		k--;
	}
	if (k <= from + 1 || (!qg_tok_is(d->text, &d->sg->toks[k - 1], "who") &&
	                      !qg_tok_is(d->text, &d->sg->toks[k - 1], "which")))
		return 0;
	return k - 1;
}

/* "Tom Reyes, who said", "critics who argued": the subject of a relative
 * clause is the noun before its pronoun, even after a preposition ("from
 * X, who said"). -1 when that noun is no mention: then no other mention of
 * the sentence is the subject either. */
static long relative_subject(const qg_resolver *r, const qg_doc *d,
                             size_t rel, size_t from)
{
	size_t j = rel;

	if (j > from && is_punct(d, j - 1, ','))
		j--;
	if (j <= from || r->tokm[j - 1] < 0)
		return -1;
	return person_behind(r, d, r->tokm[j - 1]);
}

/* Can the subject follow cue `c` ("..., said X", ""...," said X",
 * "Said X:")? Only where nothing before the verb could be its subject:
 * the sentence's start, a quote, a comma or a colon, an adverb aside. */
static bool inversion_point(const qg_doc *d, const qg_cue *c, size_t from)
{
	size_t k = c->tok0;
	const qg_tok *t;

	if (k > from && TOK_IN(d, k - 1, ADVERBS))
		k--;
	if (k <= from || k <= d->sg->sents[c->sent].tok0)
		return true;
	t = &d->sg->toks[k - 1];
	return (t->flags & (QG_T_MARK | QG_T_QUOTED)) ||
	       ((t->flags & QG_T_PUNCT) && t->cp != ')');
}

/* "according to a statement from the operator Islandlink": past a
 * document and its "from", "by" or "of", where its author is named; else
 * token k itself. */
static size_t document_from(const qg_doc *d, size_t k, size_t lim)
{
	for (size_t j = k; j + 1 < lim && j < k + 4; j++) {
		const qg_tok *t = &d->sg->toks[j];

		if (qg_tok_has(t, QG_S_MENTION_DOC_NOUNS) &&
		    (qg_tok_is(d->text, &t[1], "from") ||
		     qg_tok_is(d->text, &t[1], "by") ||
		     qg_tok_is(d->text, &t[1], "of")))
			return j + 2;
		if (!(t->flags & QG_T_WORD) || (t->flags & QG_T_CAP))
			break;
	}
	return k;
}

/* "with mediators saying", "with a senior diplomat saying": a few
 * lower-case words after "with", naming no one, before participle c;
 * `person`: one of them a noun for who speaks (not "with softer language
 * calling for"). */
static bool with_unnamed(const qg_resolver *r, const qg_doc *d,
                         const qg_cue *c, size_t from, bool person)
{
	bool who = false;

	for (size_t k = c->tok0; k > from + 1 && k + 5 > c->tok0; k--) {
		const qg_tok *t = &d->sg->toks[k - 1];

		if (r->tokm[k - 1] >= 0 && r->ms[r->tokm[k - 1]].type != QG_M_ROLE)
			return false;
		if (!(t->flags & QG_T_WORD) || (t->flags & QG_T_CAP))
			return false;
		who |= (t->tag.classes & (QG_W_ROLE | QG_W_TITLE)) ||
		       qg_tok_has(t, QG_S_MENTION_BARE_SOURCES);
		if (qg_tok_is(d->text, &d->sg->toks[k - 2], "with"))
			return who || !person;
	}
	return false;
}

/* Is c a participle after "as" ("quoted X as saying")? */
static bool as_participle(const qg_doc *d, const qg_cue *c, size_t from)
{
	return (c->kind & QG_CUE_PARTICIPLE) && c->tok0 > from + 1 &&
	       qg_tok_is(d->text, &d->sg->toks[c->tok0 - 1], "as");
}

/* as_saying_object() for a passive ("X was quoted by TASS as saying"):
 * the subject speaks, as for any cue. */
#define QG_NOT_OBJECT (-2)

/* "TASS quoted Ryabkov as saying", "cited a source in the ministry as
 * saying": who speaks is the object between the verb and "as" (token
 * as), its first mention not after a preposition; -1 when that object
 * names no one, never the verb's subject, which relays the words. */
static long as_saying_object(const qg_resolver *r, const qg_doc *d,
                             size_t as, size_t from)
{
	size_t k = as, v;

	for (v = as; v > from && v + 10 > as; v--)
		if (d->sg->toks[v - 1].tag.verb &&
		    (strcmp(d->sg->toks[v - 1].tag.verb->base, "quote") == 0 ||
		     strcmp(d->sg->toks[v - 1].tag.verb->base, "cite") == 0))
			break;
	if (v <= from || v + 10 <= as)
		return -1;
	if (v >= 2 && qg_tok_has(&d->sg->toks[v - 2], QG_S_CUE_AUXILIARIES))
		return QG_NOT_OBJECT;
	for (k = v; k < as; k++) {
		long mi = r->tokm[k];

		if (mi >= 0 && !(r->ms[mi].flags & QG_MF_PREP))
			return mi;
		if (mi >= 0)
			k = r->ms[mi].tok1 - 1;
	}
	return -1;
}

/* How many tokens back from its verb a subject is looked for. */
#define QG_SUBJECT_REACH 160

/* Who utters cue `c`: the nearest speaker-like mention before it within
 * [from, c), an organisation only when no person is there, else a mention
 * right after it ("said X"). */
static long cue_subject(const qg_resolver *r, const qg_doc *d,
                        const qg_cue *c, size_t from, size_t to)
{
	long org = -1, poss = -1, m;

	/* a subject lies within a sentence's reach of its verb: bounding the
	 * walk back keeps a pathological sentence (a megabyte without a
	 * full stop) linear */
	if (c->tok0 > from + QG_SUBJECT_REACH)
		from = c->tok0 - QG_SUBJECT_REACH;
	if (c->kind & QG_CUE_ACCORDING)
		return mention_after(r, d, document_from(d, c->tok1, to), to, 6);
	if ((c->kind & QG_CUE_BY) && agent_after(r, d, c, to) >= 0)
		return agent_after(r, d, c, to);
	if (passive_by(d, c))
		return late_agent(r, d, passive_by(d, c));
	m = as_participle(d, c, from) ? as_saying_object(r, d, c->tok0 - 1, from)
	                              : QG_NOT_OBJECT;
	if (m != QG_NOT_OBJECT)
		return m;
	if ((c->kind & QG_CUE_PARTICIPLE) && c->tok0 > from &&
	    r->tokm[c->tok0 - 1] >= 0 &&
	    (speaker_type(r->ms[r->tokm[c->tok0 - 1]].type) ||
	     r->ms[r->tokm[c->tok0 - 1]].type == QG_M_GROUP))
		return r->tokm[c->tok0 - 1]; /* footage of Trump saying, with a
		                                senior diplomat saying */
	if ((c->kind & QG_CUE_PARTICIPLE) && with_unnamed(r, d, c, from, false))
		return -1; /* "with mediators saying", "with a senior
		              diplomat saying": unnamed */
	if (relative_before(d, c, from))
		return relative_subject(r, d, relative_before(d, c, from), from);
	m = opening_participle(r, d, c, from, to);
	if (m < 0)
		m = clause_subject(r, d, c, from);
	if (m >= 0)
		return m;
	for (size_t k = c->tok0; k > from; k--) {
		long mi = r->tokm[k - 1];
		const qg_mention *mm;

		if (d->sg->toks[k - 1].flags & (QG_T_QUOTED | QG_T_MARK))
			continue;
		if (mi < 0)
			continue;
		mm = &r->ms[mi];
		k = mm->tok0 + 1;
		if (mm->flags & (QG_MF_PREP | QG_MF_MOD))
			continue;
		if (mm->flags & QG_MF_POSS) {
			if (poss < 0)
				poss = mi;
			continue;
		}
		if (speaker_type(mm->type))
			return mi;
		if ((mm->type == QG_M_ORG || mm->type == QG_M_ORGREF ||
		     mm->type == QG_M_OUTLET || mm->type == QG_M_GROUP) &&
		    mm->tok1 == c->tok0)
			return mi; /* right before the verb: its subject */
		if ((mm->type == QG_M_ORG || mm->type == QG_M_ORGREF ||
		     mm->type == QG_M_OUTLET || mm->type == QG_M_GROUP) &&
		    org < 0)
			org = mi;
	}
	if (org >= 0)
		return org;
	if (poss >= 0 && (c->kind & QG_CUE_BY))
		return poss;
	if (c->vflags & QG_VERB_TELL)
		return poss;
	if (!inversion_point(d, c, from))
		return poss; /* "A source close to the star insisted X had" */
	m = inverted_subject(r, d, c->tok1, to);
	if (m >= 0)
		m = person_behind(r, d, m);
	if (m >= 0)
		m = apposed_person(r, d, m, to);
	if (m >= 0 && r->ms[m].type != QG_M_OUTLET)
		return m;
	return poss;
}

/* ---- outlets */

/* Is the link word at token j an affiliation ("a writer for X")? */
static bool affiliation(const qg_doc *d, size_t j, size_t s0)
{
	const qg_tok *t = &d->sg->toks[j];

	if (!qg_tok_is(d->text, t, "for") && !qg_tok_is(d->text, t, "of") &&
	    !qg_tok_is(d->text, t, "at"))
		return false;
	return j > s0 && TOK_IN(d, j - 1, STAFF_NOUNS);
}

/* Is token j the "by" of "a letter seen by", "documents obtained by"?
 * The outlet read a document there; the words were not said to it. */
static bool document_seen(const qg_doc *d, size_t j)
{
	return j > 0 && qg_tok_is(d->text, &d->sg->toks[j], "by") &&
	       TOK_IN(d, j - 1, DOCUMENT_VERBS);
}

/* Does outlet mention m stand where words were said (strong) or at least
 * where they were relayed or printed (weak)? */
static bool outlet_linked(const qg_resolver *r, const qg_doc *d,
                          const qg_mention *m, const qg_sent *st,
                          bool strong)
{
	const qg_tok *n = m->tok1 < st->tok1 ? &d->sg->toks[m->tok1] : NULL;

	if (n && TOK_IN(d, m->tok1, PRINT_NOUNS))
		return !strong;
	/* the link word, then only articles and adjectives: "told the
	 * Russian daily Izvestia", not "ambassador to Russia, said of RT" */
	for (size_t j = m->tok0; j > st->tok0 && j + 5 > m->tok0; j--) {
		const qg_tok *t = &d->sg->toks[j - 1];

		if (affiliation(d, j - 1, st->tok0) || document_seen(d, j - 1))
			return false;
		if (TOK_IN(d, j - 1, SPEECH_LINKS) ||
		    (!strong && TOK_IN(d, j - 1, OUTLET_LINKS)))
			return true;
		if (!(t->flags & QG_T_WORD) || cue_in(d, j - 1, j, false) >= 0 ||
		    TOK_IN(d, j - 1, FUNCTION_WORDS))
			break;
	}
	if (n && TOK_IN(d, m->tok1, SPEECH_NOUNS_AFTER))
		return true;
	/* "CNN's Wolf Blitzer", "MSNBC's "Morning Joe"", "CNN's programme" */
	return (m->flags & QG_MF_POSS) && n &&
	       ((n->flags & (QG_T_CAP | QG_T_MARK)) ||
	        TOK_IN(d, m->tok1, SPEECH_NOUNS_AFTER) ||
	        r->tokm[m->tok1] >= 0);
}

/* An outlet tied to the speech in sentence `s`, or -1. Strong: only an
 * outlet the words were said to, which then holds for the speaker's
 * later quotes too. */
static long sentence_outlet(const qg_resolver *r, const qg_doc *d, size_t s,
                            bool strong)
{
	const qg_sent *st = &d->sg->sents[s];

	for (size_t k = st->tok0; k < st->tok1; k++) {
		long mi = r->tokm[k];
		const qg_mention *m;

		if (mi < 0)
			continue;
		m = &r->ms[mi];
		k = m->tok1 - 1;
		if (m->type == QG_M_OUTLET && outlet_linked(r, d, m, st, strong))
			return m->entity;
	}
	return -1;
}

/* "aboard Air Force One": a place that is no outlet. */
static void sentence_venue(const qg_resolver *r, const qg_doc *d, size_t s,
                           qg_decision *q)
{
	const qg_sent *st = &d->sg->sents[s];

	(void)r;
	for (size_t k = st->tok0; k + 1 < st->tok1; k++) {
		if (!qg_tok_is(d->text, &d->sg->toks[k], "aboard") ||
		    !(d->sg->toks[k + 1].flags & QG_T_WORD))
			continue;
		q->venue0 = d->sg->toks[k].start;
		for (size_t j = k + 1; j < st->tok1 && j < k + 6; j++) {
			const qg_tok *t = &d->sg->toks[j];

			if (!(t->flags & QG_T_WORD) ||
			    qg_tok_is(d->text, t, "on") || qg_tok_is(d->text, t, "in") ||
			    qg_tok_is(d->text, t, "at") || qg_tok_is(d->text, t, "to"))
				break;
			q->venue1 = t->end;
		}
		return;
	}
}

/* Does sentence `s` set its words at another occasion ("said at a rally",
 * "during the first debate")? Then the speaker's outlet stays out. */
static bool other_venue(const qg_doc *d, size_t s)
{
	const qg_sent *st = &d->sg->sents[s];

	for (size_t k = st->tok0; k < st->tok1; k++) {
		const qg_tok *t = &d->sg->toks[k];

		/* the words tried open with a, d, i or o: every other token
		 * is passed at its first byte */
		char c0 = (char)(d->text[t->start] | 0x20);

		if ((t->flags & QG_T_QUOTED) ||
		    (c0 != 'a' && c0 != 'd' && c0 != 'i' && c0 != 'o') ||
		    !(qg_tok_is(d->text, t, "at") || qg_tok_is(d->text, t, "during") ||
		      qg_tok_is(d->text, t, "in") || qg_tok_is(d->text, t, "on")))
			continue;
		for (size_t j = k + 1; j < st->tok1 && j < k + 5; j++)
			if (TOK_IN(d, j, VENUE_NOUNS))
				return true;
	}
	return false;
}

/* Give each speaker the outlet its words went to, for its later quotes:
 * "X told Izvestia", "X's statements were relayed by outlet Izvestia". */
/* "told reporters", "told the crowd": a hearer that is no outlet. */
static bool told_other(const qg_resolver *r, const qg_doc *d,
                       const qg_cue *c)
{
	size_t k = c->tok1;

	if (!(c->vflags & QG_VERB_TELL) || !(c->kind & QG_CUE_VERB) ||
	    k >= d->sg->sents[c->sent].tok1)
		return false;
	if (qg_tok_is(d->text, &d->sg->toks[k], "the"))
		k++;
	return k < d->sg->ntok && (d->sg->toks[k].flags & QG_T_WORD) &&
	       !TOK_IN(d, k, FUNCTION_WORDS) &&
	       (r->tokm[k] < 0 || r->ms[r->tokm[k]].type != QG_M_OUTLET);
}

/* One cue of the speaker scan: the outlet its sentence gives the speaker,
 * or the end of an outlet given before when the words are set at another
 * occasion. */
static void scope_cue(qg_resolver *r, const qg_doc *d, const qg_cue *c)
{
	const qg_sent *st = &d->sg->sents[c->sent];
	long o, e;
	qg_entity *en;

	if (r->memo.strong_sent != c->sent) {
		r->memo.strong_sent = c->sent;
		r->memo.strong = sentence_outlet(r, d, c->sent, true);
	}
	o = r->memo.strong;
	e = qg_resolve_mention(r, d, cue_subject(r, d, c, st->tok0, st->tok1));
	if (e < 0 || r->es[e].type != QG_M_PERSON)
		return;
	en = &r->es[e];
	if (o < 0 && en->outlet < 0 && !en->talk_pos && (c->kind & QG_CUE_NOUN) &&
	    strstr(c->text, "interview"))
		en->talk_pos = d->sg->paras[st->para].start + 1;
	if (o >= 0 && en->outlet < 0) {
		/* "said in an interview with local media" ... "in an interview
		 * with the daily Izvestia": one interview, named late */
		en->outlet = o;
		en->outlet_pos = en->talk_pos ? en->talk_pos - 1
		                              : d->sg->paras[st->para].start;
	} else if (en->outlet >= 0 && o != en->outlet && !en->outlet_end &&
	           st->start > en->outlet_pos &&
	           (o >= 0 || other_venue(d, c->sent) || told_other(r, d, c))) {
		en->outlet_end = st->start;
	}
}

static void outlet_scope(qg_resolver *r, const qg_doc *d)
{
	for (size_t i = 0; i < d->cs->n; i++) {
		const qg_cue *c = &d->cs->items[i];

		if (qg_cue_speech(c) &&
		    !(c->kind & (QG_CUE_INFINITIVE | QG_CUE_THOUGHT)))
			scope_cue(r, d, c);
	}
}

/* ---- quotes */

/* How many of the story's first entities a headline's body is looked
 * for among. */
#define QG_HEADLINE_REACH 256

/* A headline's body named by its kind alone ("Union says ...", "Ministry
 * denies ...") is the body of that kind the story names in full: the
 * first organisation whose longer name holds the word. Else e. */
static long headline_body(const qg_resolver *r, const qg_doc *d, long e,
                          size_t start)
{
	const char *n;

	if (e < 0 || start >= d->title1 || r->es[e].type != QG_M_ORG)
		return e;
	n = qg_resolver_str(r, r->es[e].name);
	if (strchr(n, ' ') ||
	    !(qg_lexicon_word(d->lx, n, strlen(n)) & QG_W_ORG_WORD))
		return e;
	/* the story names the body early: a bounded look keeps a title
	 * line full of quotes linear */
	for (size_t k = 0; k < r->ne && k < QG_HEADLINE_REACH; k++) {
		const char *o = qg_resolver_str(r, r->es[k].name);
		const char *at = r->es[k].type == QG_M_ORG ? strstr(o, n) : NULL;

		if (at && (long)k != e && strchr(o, ' ') &&
		    (at == o || at[-1] == ' ') &&
		    (at[strlen(n)] == '\0' || at[strlen(n)] == ' '))
			return (long)k;
	}
	return e;
}

static qg_status decision_add(qg_resolver *r, const qg_doc *d,
                              const qg_decision *q)
{
	qg_status rc = qg__grow((void **)&r->ds, &r->capd, r->nd + 1,
	                        sizeof(qg_decision));

	if (rc == QG_OK) {
		r->ds[r->nd] = *q;
		r->ds[r->nd].speaker = headline_body(r, d, q->speaker, q->start);
		r->nd++;
	}
	return rc;
}

/* Set the speaker from cue `ci` (subject searched in [from, to)). */
static bool use_cue(qg_resolver *r, const qg_doc *d, qg_decision *q,
                    long ci, size_t from, size_t to, const char *rule,
                    double conf)
{
	const qg_cue *c = &d->cs->items[ci];
	long m;

	if (!qg_cue_speech(c)) {
		if (c->kind & (QG_CUE_THOUGHT | QG_CUE_INFINITIVE))
			q->keep = false;
		return true;
	}
	m = cue_subject(r, d, c, from, to);
	q->cue = ci;
	/* "by one critic", "with a senior diplomat saying", "cited a
	 * source as saying": a speaker left unnamed */
	q->subject = m >= 0 || passive_by(d, c) ||
	             ((c->kind & QG_CUE_PARTICIPLE) &&
	              (with_unnamed(r, d, c, from, true) ||
	               as_participle(d, c, from)));
	q->speaker = qg_resolve_mention(r, d, m);
	q->rule = rule;
	q->confidence = m >= 0 ? conf : conf / 2;
	return true;
}

/* Does the quote end like a clause of speech ("...." / "...," / "...?")? */
static bool clausal(const qg_doc *d, const qg_quote *qt)
{
	size_t i = qt->end;
	uint32_t cp;

	if (i <= qt->start)
		return false;
	cp = qg_utf8_prev(d->text, &i);
	return cp == '.' || cp == ',' || cp == '?' || cp == '!' ||
	       cp == 0x2026 || cp == ':' || cp == ';' || cp == 0x2014;
}

/* Does a person, pronoun or role noun start at token k ("said Smith")? */
static bool mention_follows(const qg_resolver *r, const qg_doc *d, size_t k)
{
	return k < d->sg->ntok && r->tokm[k] >= 0 &&
	       speaker_type(r->ms[r->tokm[k]].type);
}

/* The cue right after the quote: "...," said X / "...," X said. */
/* "X said the debate was "...," according to news agency Lusa": an
 * outlet after "according to" relays what the speech verb before the
 * quote attributes; the verb names the speaker. */
static bool relayed_after_verb(const qg_resolver *r, const qg_doc *d,
                               const qg_quote *qt, long ci, size_t end)
{
	const qg_cue *c = &d->cs->items[ci];
	size_t qo = qg_tok_at(d->sg, qt->open);
	long m, v;

	if (!(c->kind & QG_CUE_ACCORDING))
		return false;
	m = mention_after(r, d, c->tok1, end, 6);
	if (m < 0 || r->ms[m].type != QG_M_OUTLET)
		return false;
	v = cue_in(d, sent_of(d, qo)->tok0, qo, true);
	return v >= 0 && (d->cs->items[v].kind & QG_CUE_VERB) &&
	       qg_cue_speech(&d->cs->items[v]);
}

/* Where the subject of cue ci, at token k after a quote, is looked for:
 * after the quote, but for a participle after a comma ("said the route
 * was 'not viable', adding") from the start of the sentence, whose
 * subject it shares. */
static size_t participle_from(const qg_doc *d, const qg_quote *qt, long ci,
                              size_t k, size_t qa)
{
	const qg_cue *c = &d->cs->items[ci];
	size_t qo = qg_tok_at(d->sg, qt->open);

	if ((c->kind & QG_CUE_PARTICIPLE) && k > qa && is_punct(d, k - 1, ','))
		return sent_of(d, qo)->tok0;
	return qa;
}

static bool sieve_after(qg_resolver *r, const qg_doc *d, qg_decision *q,
                        const qg_quote *qt, size_t qa, size_t end)
{
	size_t k = qa, lim = qa + 10 < end ? qa + 10 : end;
	bool bare = !clausal(d, qt); /* no , . ? ! closes the quote */

	for (; k < lim; k++) {
		const qg_tok *t = &d->sg->toks[k];
		long ci;

		if (t->flags & (QG_T_MARK | QG_T_QUOTED))
			return false;
		if (t->flags & QG_T_PUNCT) {
			if (t->cp == '.' || t->cp == ';' || t->cp == '?' ||
			    t->cp == '!')
				return false;
			bare = false;
			continue;
		}
		ci = cue_in(d, k, k + 1, false);
		/* an "ironclad" guarantee: the quote modifies the noun after it */
		if (k == qa && bare && ci >= 0 && !mention_follows(r, d, k + 1))
			return false;
		if (ci >= 0 && relayed_after_verb(r, d, qt, ci, end))
			return false;
		if (ci >= 0)
			return use_cue(r, d, q, ci, participle_from(d, qt, ci, k, qa),
			               end, "adjacent-after", 0.95);
		/* only a name, a pronoun or a role noun may stand before it */
		if (r->tokm[k] < 0 && !(d->sg->toks[k].flags & QG_T_CAP) &&
		    !qg_tok_is(d->text, t, "also") &&
		    !qg_tok_is(d->text, t, "then") &&
		    !qg_tok_is(d->text, t, "later") &&
		    !qg_tok_is(d->text, t, "has") && !qg_tok_is(d->text, t, "had"))
			return false;
	}
	return false;
}

/* "'...' ― Maria Lopez": a dash and a name closing the line sign the
 * quote, as under a letter or an epigraph. */
static bool sieve_dash(qg_resolver *r, const qg_doc *d, qg_decision *q,
                       size_t qa)
{
	const qg_segments *sg = d->sg;
	size_t k = qa, para;
	long m;

	if (qa == 0 || qa >= sg->ntok || !(sg->toks[k].flags & QG_T_PUNCT) ||
	    !(sg->toks[k].cp == 0x2015 || sg->toks[k].cp == 0x2014 ||
	      sg->toks[k].cp == 0x2013 || sg->toks[k].cp == '-'))
		return false;
	m = k + 1 < sg->ntok ? r->tokm[k + 1] : -1;
	if (m < 0 || r->ms[m].type != QG_M_PERSON || r->ms[m].entity < 0)
		return false;
	k = r->ms[m].tok1;
	para = sg->sents[sg->toks[qa].sent].para;
	if (k < sg->ntok && is_punct(d, k, '.'))
		k++;
	if (k < sg->ntok && sg->sents[sg->toks[k].sent].para == para &&
	    !(sg->toks[k].flags & QG_T_MARK) &&
	    !(sg->toks[k - 1].end < sg->toks[k].start &&
	      memchr(d->text + sg->toks[k - 1].end, '\n',
	             sg->toks[k].start - sg->toks[k - 1].end)))
		return false; /* the line goes on: no signature */
	q->speaker = r->ms[m].entity;
	q->subject = true;
	q->rule = "dash-signature";
	q->confidence = 0.8;
	return true;
}

/* Was a quote of sentence `st` decided already? */
static bool quote_in_sentence(const qg_resolver *r, const qg_sent *st)
{
	for (size_t k = r->nd; k > 0; k--) {
		const qg_decision *p = &r->ds[k - 1];

		if (p->start < st->start)
			break;
		if (p->keep && p->start < st->end)
			return true;
	}
	return false;
}

/* The first speech verb of sentence `st` ("X said in an interview with Y"
 * is said, not the interview), or -1. */
static long speech_verb_in(const qg_doc *d, const qg_sent *st)
{
	for (long ci = cue_in(d, st->tok0, st->tok1, false);
	     ci >= 0 && (size_t)ci < d->cs->n &&
	     d->cs->items[ci].head < st->tok1;
	     ci++) {
		const qg_cue *c = &d->cs->items[ci];

		if (qg_cue_speech(c) && (c->kind & QG_CUE_VERB) &&
		    !(c->kind & (QG_CUE_THOUGHT | QG_CUE_PASSIVE)))
			return ci;
	}
	return -1;
}

/* "the candidate Mitt Romney -- 'It is disqualifying' -- and ...": a
 * quote set off by a dash right after a name is that person's. */
static bool sieve_dash_before(qg_resolver *r, const qg_doc *d,
                              qg_decision *q, size_t qo)
{
	const qg_tok *t;
	long m;

	if (qo < 2 || d->sg->toks[qo - 1].sent != d->sg->toks[qo].sent)
		return false;
	t = &d->sg->toks[qo - 1];
	if (!(t->flags & QG_T_PUNCT) ||
	    !(t->cp == 0x2014 || t->cp == 0x2013 || t->cp == '-'))
		return false;
	if (t->cp == '-' && qo > 2 && is_punct(d, qo - 2, '-'))
		qo--; /* "--" typed for a dash */
	m = r->tokm[qo - 2];
	if (m < 0 || r->ms[m].type != QG_M_PERSON || r->ms[m].entity < 0 ||
	    (r->ms[m].flags & QG_MF_POSS))
		return false;
	q->speaker = r->ms[m].entity;
	q->subject = true;
	q->rule = "dash-after-name";
	q->confidence = 0.7;
	return true;
}

/* A quote opening its sentence with no cue of its own, right after a
 * sentence of the same paragraph whose cue names a speaker: "Smith said
 * she was puzzled. 'Really?'" */
static void sieve_continue(qg_resolver *r, const qg_doc *d, qg_decision *q,
                           size_t para);

/* A quote that opens a sentence after the writer's own sentence about a
 * person, in the same paragraph and with no speech verb ("Sen. Ann Roy
 * identified fatigue as one reason. "The young are tired of it.""): that
 * person speaks, not whoever spoke in the paragraph before. */
static bool sieve_prev_subject(qg_resolver *r, const qg_doc *d,
                               qg_decision *q, size_t qo)
{
	const qg_sent *so = sent_of(d, qo), *prev;
	qg_decision c;
	long e;

	if (qo != so->tok0 || d->sg->toks[qo].sent == 0)
		return false;
	prev = &d->sg->sents[d->sg->toks[qo].sent - 1];
	if (prev->para != so->para || quote_in_sentence(r, prev))
		return false;
	e = sentence_subject(r, d, d->sg->toks[qo].sent - 1, prev->tok1, 0);
	if (e < 0 || r->es[e].type != QG_M_PERSON)
		return false;
	/* only in place of the speaker before, who would go on: a quote
	 * that nobody spoke before and no cue frames stays nobody's; the
	 * same person goes on as a continuation, cue and all */
	c = *q;
	sieve_continue(r, d, &c, so->para);
	if (c.speaker < 0 || c.speaker == e)
		return false;
	q->speaker = e;
	q->rule = "previous-subject";
	q->confidence = 0.6;
	return true;
}

static bool sieve_prev_sentence(qg_resolver *r, const qg_doc *d,
                                qg_decision *q, size_t qo)
{
	const qg_sent *so = sent_of(d, qo), *prev;
	long ci;

	if (qo != so->tok0 || d->sg->toks[qo].sent == 0)
		return false;
	prev = &d->sg->sents[d->sg->toks[qo].sent - 1];
	if (prev->para != so->para || quote_in_sentence(r, prev))
		return false; /* a quote there: its speaker goes on */
	ci = speech_verb_in(d, prev);
	if (ci < 0)
		return false;
	use_cue(r, d, q, ci, prev->tok0, prev->tok1, "previous-sentence", 0.75);
	if (q->speaker >= 0)
		return true;
	q->cue = -1;
	q->subject = false;
	q->rule = NULL;
	return false;
}

/* Is token k the text just before a quote that begins a clause? */
static bool opens_clause(const qg_doc *d, size_t qo)
{
	const qg_tok *p;

	if (qo == 0 || d->sg->toks[qo - 1].sent != d->sg->toks[qo].sent)
		return true;
	p = &d->sg->toks[qo - 1];
	return (p->flags & QG_T_PUNCT) &&
	       (p->cp == ':' || p->cp == ',' || p->cp == 0x2014 ||
	        p->cp == 0x2013 || p->cp == '-' || p->cp == '(' ||
	        p->cp == '.' || (p->flags & QG_T_MARK));
}

/* A paragraph that ends with "X continued:" hands its speaker on. */
static bool sieve_colon_para(qg_resolver *r, const qg_doc *d,
                             qg_decision *q, size_t qo)
{
	const qg_sent *prev;
	long ci;

	if (qo == 0 || d->sg->toks[qo - 1].sent == d->sg->toks[qo].sent ||
	    !is_punct(d, qo - 1, ':'))
		return false;
	prev = sent_of(d, qo - 1);
	ci = cue_in(d, prev->tok0, prev->tok1, true);
	if (ci < 0)
		return false;
	return use_cue(r, d, q, ci, prev->tok0, prev->tok1, "colon-paragraph",
	               0.85);
}

/* No cue: a quote standing alone, or after another quote in the same or
 * the previous paragraph, continues that quote's speaker. */
static void sieve_continue(qg_resolver *r, const qg_doc *d, qg_decision *q,
                           size_t para)
{
	for (size_t k = r->nd; k > 0; k--) {
		const qg_decision *p = &r->ds[k - 1];
		size_t pp = d->sg->sents[p->sent].para;

		if (!p->keep || p->kind == QG_KIND_INDIRECT ||
		    p->kind == QG_KIND_HEADLINE)
			continue;
		if (pp + 1 < para)
			return;
		q->speaker = p->speaker;
		q->cue = p->cue;
		q->outlet = p->outlet;
		q->subject = p->subject;
		q->rule = "continuation";
		q->confidence = 0.7;
		return;
	}
}

/* Words in [t0, t1); *caps: how many of them are capitalised or short
 * ("of", "the"), as in a title; *upper: how many are capitalised. */
static size_t count_words(const qg_doc *d, size_t t0, size_t t1,
                          size_t *caps, size_t *upper)
{
	size_t n = 0;

	*caps = *upper = 0;
	for (size_t k = t0; k < t1; k++) {
		if (!(d->sg->toks[k].flags & QG_T_WORD))
			continue;
		n++;
		if (d->sg->toks[k].flags & QG_T_CAP)
			(*upper)++;
		if ((d->sg->toks[k].flags & QG_T_CAP) ||
		    d->sg->toks[k].end - d->sg->toks[k].start <= 3)
			(*caps)++;
	}
	return n;
}

/* The word after the quote is a lower-case word that is no cue and no
 * pronoun: the quote is a noun phrase of the writer's sentence. */
static bool used_as_phrase(const qg_resolver *r, const qg_doc *d, size_t qa,
                           size_t end)
{
	const qg_tok *t;

	if (qa >= end)
		return false;
	t = &d->sg->toks[qa];
	return (t->flags & QG_T_WORD) && !(t->flags & QG_T_CAP) &&
	       r->tokm[qa] < 0 && cue_in(d, qa, qa + 1, false) < 0 &&
	       !TOK_IN(d, qa, FUNCTION_WORDS);
}

/* A quoted modifier that a cue frames: after "as" ("described the terms
 * as "ironclad" necessities"), after "to" (a verb: "to "sabotage" the
 * talks"), right after a speech verb ("demanding "ironclad" guarantees"),
 * or inside a "that" clause of a speech verb before it in the sentence. */
static bool framed_modifier(const qg_doc *d, size_t qo)
{
	const qg_sent *so = sent_of(d, qo);
	long ci;

	if (qo == 0 || qo <= so->tok0)
		return false;
	if (qg_tok_is(d->text, &d->sg->toks[qo - 1], "as") ||
	    qg_tok_is(d->text, &d->sg->toks[qo - 1], "to"))
		return true;
	ci = cue_in(d, so->tok0, qo, true);
	if (ci < 0 || !qg_cue_speech(&d->cs->items[ci]))
		return false;
	if (d->cs->items[ci].tok1 == qo)
		return true;
	/* "promised a "root and branch" review": the object of a verb that
	 * takes no bare clause (after "said a", a clause's subject) */
	if (d->cs->items[ci].tok1 + 1 == qo && TOK_IN(d, qo - 1, DETERMINERS) &&
	    d->cs->items[ci].verb &&
	    !qg_verb_in(d->cs->items[ci].verb, QG_S_REPORT_BARE_VERBS))
		return true;
	for (size_t k = d->cs->items[ci].tok1; k < qo && k < qo + 8; k++)
		if (qg_tok_is(d->text, &d->sg->toks[k], "that"))
			return true;
	/* in a reported clause, but not as a determiner's modifier ("said
	 * a "broad and vague" claim ...") */
	return qg_reports_frame(d->cs, d->sg, qo) &&
	       !TOK_IN(d, qo - 1, DETERMINERS);
}

/* Does the mark at token qo stand where a title of a show or work goes
 * ("told Jake Tapper on "State of the Union."", "a host of "Fox and
 * Friends,"", "CNN's "State of the Union.""), or is the quote a paragraph
 * of its own, a subhead ("'All Bets Are Off.'")? There a closing stop
 * inside the marks is only American punctuation, not the end of words
 * said. */
static bool title_place(const qg_doc *d, const qg_quote *qt, size_t qo)
{
	const qg_para *pa = &d->sg->paras[sent_of(d, qo)->para];
	const qg_tok *p;

	if (qt->open == pa->start && qt->close == pa->end)
		return true;
	if (qo == 0 || d->sg->toks[qo - 1].sent != d->sg->toks[qo].sent)
		return false;
	p = &d->sg->toks[qo - 1];
	return qg_tok_is(d->text, p, "on") || qg_tok_is(d->text, p, "of") ||
	       qg_tok_is(d->text, p, "in") ||
	       ((p->flags & QG_T_CAP) &&
	        qg_tok_bare_len(d->text, p) < (size_t)(p->end - p->start));
}

static bool in_title(const qg_doc *d, const qg_quote *qt);

/* Do capitalised words of one sentence stand right before the opening
 * mark (token qo) and right after the closing one (token qa), as around a
 * nickname inside a name? */
static bool nickname_place(const qg_doc *d, size_t qo, size_t qa)
{
	const qg_tok *a, *b;

	if (qo == 0 || qa >= d->sg->ntok)
		return false;
	a = &d->sg->toks[qo - 1];
	b = &d->sg->toks[qa];
	return a->sent == b->sent && (a->flags & QG_T_WORD) &&
	       (b->flags & QG_T_WORD) && (a->flags & QG_T_CAP) &&
	       (b->flags & QG_T_CAP) && !(a->tag.classes & QG_W_NOT_NAME) &&
	       !a->tag.verb && a->end < d->sg->toks[qo].start;
}

/* Shape of a quote: kind and whether it stands without a cue. */
static void quote_shape(const qg_resolver *r, const qg_doc *d,
                        const qg_quote *qt, size_t qo, size_t qa,
                        size_t end, qg_decision *q, bool *standalone)
{
	size_t t0 = qo + 1, t1 = qg_tok_at(d->sg, qt->end), caps, ncap;
	size_t words = count_words(d, t0, t1, &caps, &ncap);
	bool upper = t0 < t1 && (d->sg->toks[t0].flags & QG_T_CAP);
	bool opener = opens_clause(d, qo);
	bool phrase = used_as_phrase(r, d, qa, end);

	q->kind = (opener && (upper || clausal(d, qt))) || (upper && words > 6)
	                  ? QG_KIND_DIRECT
	                  : QG_KIND_PARTIAL;
	*standalone = opener && (words >= 4 || clausal(d, qt)) && !phrase;
	/* "One Hundred Years of Solitude", "Cleaner Streets Together": a
	 * title or a motto, not words said */
	if (words >= 2 && caps == words && ncap > 0 && ncap * 2 >= words &&
	    (!clausal(d, qt) || (words <= 8 && title_place(d, qt, qo))))
		q->keep = false;
	/* Marcia "Cia" Price, Dwayne "The Rock" Johnson: a nickname */
	if (words <= 3 && caps == words && !in_title(d, qt) &&
	    nickname_place(d, qo, qa))
		q->keep = false;
	/* an unclosed mark inside a sentence opens nothing */
	if ((qt->flags & QG_Q_UNCLOSED) && !opener)
		q->keep = false;
	/* "the "boutique" buyers": a modifier of the writer's noun, unless a
	 * cue frames it: described the terms as "ironclad" necessities */
	if (phrase && q->kind == QG_KIND_PARTIAL && !framed_modifier(d, qo))
		q->keep = false;
}

static bool in_title(const qg_doc *d, const qg_quote *qt)
{
	return d->title1 > d->title0 && qt->open >= d->title0 &&
	       qt->close <= d->title1;
}

/* The person the story names whose surname is the word of token k
 * ("Ruiz: '...'" above a story about Ana Ruiz): a headline names its
 * speaker before the story does, so no mention of it holds a person.
 * -1 when none. */
static long body_surname(const qg_resolver *r, const qg_doc *d, size_t k)
{
	const qg_tok *t = &d->sg->toks[k];
	size_t n = qg_tok_bare_len(d->text, t);

	if (!(t->flags & QG_T_CAP))
		return -1;
	for (size_t e = 0; e < r->ne; e++) {
		const char *sur = qg_resolver_str(r, r->es[e].surname);

		if (r->es[e].type == QG_M_PERSON && r->es[e].words > 1 &&
		    strlen(sur) == n && memcmp(sur, d->text + t->start, n) == 0)
			return (long)e;
	}
	return -1;
}

/* "Lynch: 'Be the voice people hear'", "Sanders: Clinton must 'act'": a
 * headline names its speaker before a colon. The first person there, else
 * the first organisation. */
static bool sieve_headline_colon(qg_resolver *r, const qg_doc *d,
                                 qg_decision *q, size_t qo)
{
	size_t t0 = qg_tok_at(d->sg, d->title0), colon = t0;
	long org = -1;

	while (colon < qo && !is_punct(d, colon, ':'))
		colon++;
	if (colon >= qo)
		return false;
	for (size_t k = t0; k < colon; k++) {
		long mi = r->tokm[k];

		if (mi < 0 || r->ms[mi].entity < 0)
			continue;
		k = r->ms[mi].tok1 - 1;
		if (r->ms[mi].type == QG_M_PERSON) {
			org = mi;
			break;
		}
		if ((r->ms[mi].type == QG_M_ORG || r->ms[mi].type == QG_M_OUTLET) &&
		    org < 0)
			org = mi;
	}
	q->speaker = org >= 0 ? r->ms[org].entity
	                      : body_surname(r, d, colon > t0 ? colon - 1 : colon);
	if (q->speaker < 0)
		return false;
	q->subject = true;
	q->rule = "headline-colon";
	q->confidence = 0.7;
	return true;
}

/* The title or role word of a headline outside its quote ("Mayor hits
 * back"), as a token index; 0 when there is none. */
static size_t headline_role(const qg_doc *d, const qg_quote *qt)
{
	const qg_segments *sg = d->sg;

	for (size_t k = qg_tok_at(sg, d->title0);
	     k < sg->ntok && sg->toks[k].start < d->title1; k++) {
		const qg_tok *t = &sg->toks[k];

		if (t->start >= qt->open && t->end <= qt->close)
			continue;
		/* "Mayor vows ...", "'...' says harbour chief" */
		if ((t->flags & QG_T_WORD) &&
		    (t->tag.classes & (QG_W_TITLE | QG_W_ROLE)))
			return k;
	}
	return 0;
}

/* Is the word of token w the title of mention m: in its entity's title,
 * or just before its name ("firebrand mayor Colm McAteer")? */
static bool titled(const qg_resolver *r, const qg_doc *d,
                   const qg_mention *m, const qg_tok *w)
{
	const qg_tok *t = d->sg->toks;

	if (holds_word(d, qg_resolver_str(r, r->es[m->entity].title), w))
		return true;
	for (size_t k = m->tok0; k > 0 && k + 3 > m->tok0 &&
	     t[k - 1].sent == t[m->tok0].sent; k--)
		if (same_word(d, &t[k - 1], w))
			return true;
	return false;
}

/* "'I won't be bullied!' Mayor hits back": the headline names its speaker
 * by a title; the first person of the story with that title said it. */
/* The person the story's first sentences name with the title or role
 * word of headline token k ("Mayor vows ..." above "Mayor Ann Roy
 * said"), -1 when none. */
static long titled_in_body(const qg_resolver *r, const qg_doc *d, size_t k)
{
	for (size_t i = 0; i < r->nm; i++) {
		const qg_mention *m = &r->ms[i];

		if (d->sg->toks[m->tok0].start < d->title1 ||
		    m->type != QG_M_PERSON || m->entity < 0)
			continue;
		if (m->sent > d->sg->toks[k].sent + 8)
			break;
		if (titled(r, d, m, &d->sg->toks[k]))
			return m->entity;
	}
	return -1;
}

static bool sieve_headline_role(qg_resolver *r, const qg_doc *d,
                                qg_decision *q, const qg_quote *qt)
{
	size_t k = headline_role(d, qt);
	long e = k > 0 ? titled_in_body(r, d, k) : -1;

	if (e < 0)
		return false;
	q->speaker = e;
	q->rule = "headline-role";
	q->confidence = 0.6;
	return true;
}

/* A quote closing on ? or ! ends its sentence for the segmenter, but the
 * cue may follow in the same paragraph: "'Why now?' Graham asked." */
static bool next_sentence_tail(const qg_doc *d, const qg_quote *qt,
                               size_t qa)
{
	size_t i = qt->end;
	uint32_t cp;

	if (qa >= d->sg->ntok || qa == 0 || (qt->flags & QG_Q_UNCLOSED) ||
	    sent_of(d, qa)->para != sent_of(d, qa - 1)->para ||
	    i <= qt->start)
		return false;
	cp = qg_utf8_prev(d->text, &i);
	return cp == '?' || cp == '!' || cp == '.' || cp == 0x2026;
}

/* "Kolb said the ruling showed "..."", "insisted Ruiz had been asked
 * "...": a verb of finding or belief, or a passive one with no agent, in
 * the clause of an earlier speech verb of the sentence is what was said,
 * not who said it. The speech cue before cue `ci`, else `ci`. */
static long speech_governing(const qg_doc *d, long ci, size_t s0)
{
	long k = ci;

	unsigned kind = ci >= 0 ? d->cs->items[ci].kind : 0;

	if (ci < 0 ||
	    !(((kind & QG_CUE_THOUGHT) && !(kind & QG_CUE_INFINITIVE) &&
	       !qg_cue_speech(&d->cs->items[ci])) ||
	      ((kind & QG_CUE_PASSIVE) && !passive_by(d, &d->cs->items[ci]) &&
	       !(kind & QG_CUE_BY))))
		return ci;
	while (k > 0 && d->cs->items[k - 1].head >= s0) {
		const qg_cue *c = &d->cs->items[--k];

		if (qg_cue_speech(c) && (c->kind & QG_CUE_VERB))
			return k;
	}
	return ci;
}

/* "Opposition leader Mette Lund was less gracious: "...."": a quote after
 * a colon that closes a clause with no verb of saying is its subject's,
 * a person or a body, when that clause is the sentence's only one and
 * names no one else. */
static bool colon_subject(qg_resolver *r, const qg_doc *d, qg_decision *q,
                          size_t from, size_t colon)
{
	long m = clause_first(r, d, from, colon);
	long e = qg_resolve_mention(r, d, m);

	if (e < 0 || (r->es[e].type != QG_M_PERSON && r->es[e].type != QG_M_ORG))
		return false;
	/* one clause only: in "She was upset, so that I had to say:" the
	 * words are the second clause's */
	for (size_t k = r->ms[m].tok1; k < colon; k++)
		if (TOK_IN(d, k, SUBORDINATORS) || TOK_IN(d, k, COORDINATORS) ||
		    qg_tok_is(d->text, &d->sg->toks[k], "that") ||
		    qg_tok_is(d->text, &d->sg->toks[k], "who") ||
		    qg_tok_is(d->text, &d->sg->toks[k], "which") ||
		    r->tokm[k] >= 0)
			return false;
	q->speaker = e;
	q->subject = true;
	q->rule = "colon-subject";
	q->confidence = 0.7;
	return true;
}

/* "called them in an article", "wrote in a Facebook post:": a noun cue
 * right after a verb cue of the sentence (from token s0) leaves the
 * speaking to the verb. The verb's cue, else `ci`. */
static long verb_of_noun_cue(const qg_doc *d, long ci, size_t s0)
{
	if (ci > 0 && (d->cs->items[ci].kind & QG_CUE_NOUN) &&
	    d->cs->items[ci - 1].head >= s0 &&
	    (d->cs->items[ci - 1].kind & QG_CUE_VERB) &&
	    d->cs->items[ci].tok0 <= d->cs->items[ci - 1].tok1 + 2)
		return ci - 1;
	return ci;
}

static void decide_quote(qg_resolver *r, const qg_doc *d,
                         const qg_quote *qt, qg_decision *q)
{
	const qg_segments *sg = d->sg;
	size_t qo = qg_tok_at(sg, qt->open);
	size_t qa = qg_tok_at(sg, qt->close);
	const qg_sent *so = sent_of(d, qo);
	size_t end = qa < sg->ntok && sg->toks[qa].sent == sg->toks[qa - 1].sent
	                     ? sent_of(d, qa)->tok1
	                     : qa;
	bool standalone, done = false;
	long ci;

	if (qt->flags & QG_Q_UNCLOSED)
		end = qa;
	memset(q, 0, sizeof(*q));
	q->keep = true;
	q->kind = QG_KIND_DIRECT;
	q->start = qt->start;
	q->end = qt->end;
	q->sent = sg->toks[qo].sent;
	q->cue = q->speaker = q->outlet = -1;
	quote_shape(r, d, qt, qo, qa, end, q, &standalone);
	if (is_punct(d, qo > 0 ? qo - 1 : qo, ':') && qo > so->tok0) {
		ci = verb_of_noun_cue(d, cue_in(d, so->tok0, qo, true), so->tok0);
		if (ci >= 0)
			done = use_cue(r, d, q, ci, so->tok0, qo, "colon", 0.95);
		else
			done = colon_subject(r, d, q, so->tok0, qo - 1);
	}
	if (!done)
		done = sieve_after(r, d, q, qt, qa, end);
	if (!done)
		done = sieve_dash(r, d, q, qa);
	if (!done)
		done = sieve_dash_before(r, d, q, qo);
	if (!done && qo > so->tok0) {
		ci = verb_of_noun_cue(d, cue_in(d, so->tok0, qo, true), so->tok0);
		ci = speech_governing(d, ci, so->tok0);
		if (ci >= 0)
			done = use_cue(r, d, q, ci, so->tok0, qo,
			               qo - d->cs->items[ci].tok1 <= 2
			                       ? "adjacent-before"
			                       : "sentence-cue",
			               0.85);
	}
	if (!done && end == qa && next_sentence_tail(d, qt, qa))
		done = sieve_after(r, d, q, qt, qa, sent_of(d, qa)->tok1);
	if (!done && qa < end) {
		ci = cue_in(d, qa, end, false);
		if (ci >= 0 && d->cs->items[ci].tok0 < end)
			done = use_cue(r, d, q, ci, qa, end, "sentence-cue", 0.75);
	}
	if (!done)
		done = sieve_colon_para(r, d, q, qo);
	if (!done && standalone && q->kind == QG_KIND_DIRECT)
		done = sieve_prev_sentence(r, d, q, qo);
	if (!done && standalone && q->kind == QG_KIND_DIRECT)
		done = sieve_prev_subject(r, d, q, qo);
	if (!done && in_title(d, qt))
		done = sieve_headline_colon(r, d, q, qo);
	/* a headline's cue may have a title for subject ("Mayor vows") */
	if (in_title(d, qt) && q->speaker < 0 &&
	    sieve_headline_role(r, d, q, qt))
		done = true;
	if (!done) {
		q->keep = q->keep && standalone;
		if (q->keep)
			sieve_continue(r, d, q, so->para);
	}
	/* a phrase in quotes that no one is said to say is no quote */
	if (q->kind == QG_KIND_PARTIAL && (q->cue < 0 || !q->subject) &&
	    q->speaker < 0 && !(q->cue >= 0 && in_title(d, qt)))
		q->keep = false; /* a headline's cue ("ex slams 'cruel'
		                    film") quotes someone the story names */
	if (in_title(d, qt))
		q->kind = QG_KIND_HEADLINE;
	if (!q->rule)
		q->rule = "none";
}

/* Is quote q within the stretch where its speaker talks to an outlet? */
static bool in_scope(const qg_entity *e, const qg_decision *q)
{
	return e->outlet >= 0 && q->start >= e->outlet_pos &&
	       (!e->outlet_end || q->start < e->outlet_end);
}

/* The outlet of a decided quote: its cue's sentence, or its speaker's. */
/* Read sentence `s` for decide_outlet, unless it was the last one read. */
static void sent_memo(qg_resolver *r, const qg_doc *d, size_t s)
{
	qg_decision v;

	if (r->memo.sent == s)
		return;
	memset(&v, 0, sizeof(v));
	sentence_venue(r, d, s, &v);
	r->memo.sent = s;
	r->memo.outlet = sentence_outlet(r, d, s, false);
	r->memo.other_venue = other_venue(d, s);
	r->memo.venue0 = v.venue0;
	r->memo.venue1 = v.venue1;
}

static void decide_outlet(qg_resolver *r, const qg_doc *d, qg_decision *q)
{
	size_t s = q->cue >= 0 ? d->cs->items[q->cue].sent : q->sent;

	sent_memo(r, d, s);
	if (q->outlet < 0)
		q->outlet = r->memo.outlet;
	if (q->outlet < 0 && q->speaker >= 0 && in_scope(&r->es[q->speaker], q) &&
	    !r->memo.other_venue)
		q->outlet = r->es[q->speaker].outlet;
	if (q->outlet >= 0 && q->outlet == q->speaker)
		q->outlet = -1;
	sent_memo(r, d, q->sent);
	if (r->memo.venue1 > r->memo.venue0) {
		q->venue0 = r->memo.venue0;
		q->venue1 = r->memo.venue1;
	}
}

/* ---- reported speech */

/* Mark the cues that frame a direct quote: they report no clause. */
static qg_status cues_used(qg_resolver *r, const qg_doc *d)
{
	qg_status rc = qg__grow((void **)&r->cueused, &r->capcueused,
	                        d->cs->n ? d->cs->n : 1, sizeof(bool));

	if (rc < 0)
		return rc;
	memset(r->cueused, 0, d->cs->n * sizeof(bool));
	for (size_t k = 0; k < r->nd; k++)
		if (r->ds[k].keep && r->ds[k].cue >= 0 &&
		    r->ds[k].kind == QG_KIND_DIRECT &&
		    strcmp(r->ds[k].rule, "previous-sentence") != 0)
			r->cueused[r->ds[k].cue] = true;
	return QG_OK;
}

/* The person the story names with the role that utters a headline's
 * cue: its subject's role noun, or a role word right after the cue
 * ("..., says minister"); -1 when none. */
static long headline_subject_role(const qg_resolver *r, const qg_doc *d,
                                  const qg_cue *c, long m)
{
	if (m >= 0 && r->ms[m].type == QG_M_ROLE)
		return titled_in_body(r, d, r->ms[m].tok1 - 1);
	for (size_t k = c->tok1; k < d->sg->ntok && k < c->tok1 + 3 &&
	                         d->sg->toks[k].start < d->title1;
	     k++)
		if (d->sg->toks[k].tag.classes & (QG_W_TITLE | QG_W_ROLE))
			return titled_in_body(r, d, k);
	return -1;
}

static qg_status decide_indirect(qg_resolver *r, const qg_doc *d)
{
	qg_status rc = cues_used(r, d);

	for (size_t i = 0; rc == QG_OK && i < d->cs->nrep; i++) {
		const qg_report *rp = &d->cs->reps[i];
		const qg_cue *c = &d->cs->items[rp->cue];
		const qg_sent *st = &d->sg->sents[c->sent];
		qg_decision q;
		long m;

		if (r->cueused[rp->cue] || rp->quoted)
			continue;
		memset(&q, 0, sizeof(q));
		q.start = d->sg->toks[rp->tok0].start;
		q.end = d->sg->toks[rp->tok1 - 1].end;
		/* a transcript's turn is its speaker's words already */
		if (qg_quotes_at(d->qs, q.start) || qg_turn_at(d->qs, q.start))
			continue;
		m = cue_subject(r, d, c, st->tok0, st->tok1);
		q.keep = true;
		q.kind = QG_KIND_INDIRECT;
		q.sent = c->sent;
		q.cue = (long)rp->cue;
		q.speaker = qg_resolve_mention(r, d, m);
		/* "Fare rise to be reviewed, says minister": the story names
		 * the minister below */
		if (q.speaker < 0 && q.start < d->title1 && q.start >= d->title0)
			q.speaker = headline_subject_role(r, d, c, m);
		q.outlet = -1;
		q.rule = "reported";
		q.confidence = m >= 0 ? 0.7 : 0.4;
		decide_outlet(r, d, &q);
		rc = decision_add(r, d, &q);
	}
	return rc;
}

/* ---- transcript turns */

/* Each turn of a printed transcript, given to the speaker its label
 * names: the words are verbatim, so the kind is direct, and the label is
 * the only cue. */
/* Is turn tn an answer of a "Q:"/"A:" interview? */
static bool answer_turn(const qg_doc *d, const qg_turn *tn)
{
	return tn->label1 == tn->label0 + 1 && d->text[tn->label0] == 'A';
}

/* Who answers in a "Q:"/"A:" interview: the person named last before its
 * first turn ("We spoke to Mayor Lena Sorvino about the tram."), -1 when
 * the introduction names no one. */
static long interviewee(const qg_resolver *r, const qg_doc *d)
{
	size_t k = qg_tok_at(d->sg, d->sg->paras[d->qs->turns[0].para].start);

	for (size_t n = 0; k > 0 && n < QG_REACH; k--, n++) {
		long m = r->tokm[k - 1];

		/* "spoke to X", "an interview with X": after a preposition
		 * too */
		if (m >= 0 && r->ms[m].type == QG_M_PERSON &&
		    !(r->ms[m].flags & QG_MF_MOD))
			return qg_resolve_mention(r, d, m);
	}
	return -1;
}

static qg_status decide_turns(qg_resolver *r, const qg_doc *d)
{
	qg_status rc = QG_OK;
	long answers = -2; /* the interviewee, found at the first answer */

	for (size_t i = 0; rc == QG_OK && i < d->qs->nturn; i++) {
		const qg_turn *tn = &d->qs->turns[i];
		qg_decision q;

		if (tn->end <= tn->start)
			continue; /* a stage direction */
		memset(&q, 0, sizeof(q));
		q.keep = true;
		q.kind = QG_KIND_DIRECT;
		q.start = tn->start;
		q.end = tn->end;
		q.sent = d->sg->toks[qg_tok_at(d->sg, tn->start)].sent;
		q.cue = q.outlet = -1;
		q.rule = "transcript-turn";
		q.confidence = 0.9;
		if (answer_turn(d, tn) && answers == -2)
			answers = interviewee(r, d);
		if (answer_turn(d, tn))
			q.speaker = answers;
		else
			rc = qg_label_entity(r, d, tn->label0, tn->label1,
			                     &q.speaker);
		if (rc == QG_OK) {
			decide_outlet(r, d, &q);
			rc = decision_add(r, d, &q);
		}
	}
	return rc;
}

qg_status qg_resolve(qg_resolver *r, const qg_doc *d)
{
	qg_status rc;

	r->nd = 0;
	r->nquotes = SIZE_MAX;
	r->memo.sent = r->memo.strong_sent = SIZE_MAX;
	rc = qg_mentions_find(r, d);
	if (rc == QG_OK)
		outlet_scope(r, d);
	for (size_t i = 0; rc == QG_OK && i < d->qs->n; i++) {
		qg_decision q;

		decide_quote(r, d, &d->qs->items[i], &q);
		if (q.keep)
			decide_outlet(r, d, &q);
		rc = decision_add(r, d, &q);
	}
	r->nquotes = r->nd;
	if (rc == QG_OK)
		rc = decide_turns(r, d);
	if (rc == QG_OK)
		rc = decide_indirect(r, d);
	return rc;
}
