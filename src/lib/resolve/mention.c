/*
 * mention.c -- mentions of people, organisations and outlets in the text
 * outside quotes, and the entities they name. A person is a run of
 * capitalised words whose leading titles ("Russian Deputy Foreign
 * Minister") are kept apart from the name ("Alexander Grushko"); a later
 * surname alone ("Grushko") names the same entity. Outlets and
 * organisations come from the lexicon's gazetteers and from patterns ("the
 * Russian daily X", "media outlet X").
 */
#include <string.h>

#include "resolve.h"

void qg_resolver_dispose(qg_resolver *r)
{
	qg__free(r->ms);
	qg__free(r->es);
	qg__free(r->ds);
	qg__free(r->tokm);
	qg__free(r->cueused);
	qg__free(r->eix);
	qg_buf_dispose(&r->pool);
	memset(r, 0, sizeof(*r));
}

const char *qg_resolver_str(const qg_resolver *r, size_t off)
{
	return off == SIZE_MAX || !r->pool.data ? NULL : r->pool.data + off;
}

/* Whether token `t` is in the word list QG_S_MENTION_<set> (wordsets.c). */
#define TOK_IN(t, set) qg_tok_has(t, QG_S_MENTION_##set)

/* Length of a token without a possessive "'s" / "’s" / "s'" ending. */
static size_t bare_len(const char *text, const qg_tok *t)
{
	return qg_tok_bare_len(text, t);
}

/* Word classes of token i, a possessive "'s" left out ("Saturday's"):
 * its tag (qg_tokens_tag). */
static unsigned wclass(const qg_doc *d, size_t i)
{
	return d->sg->toks[i].tag.classes;
}

static bool possessive(const char *text, const qg_tok *t)
{
	return bare_len(text, t) != (size_t)(t->end - t->start);
}

/* Whether token k (k > t0) is written apart from the one before: where
 * the text has space between them ("Patients' Alliance", "Dow Jones &
 * Co"), never next to punctuation written against a word. */
static bool spaced(const qg_doc *d, size_t k)
{
	const qg_tok *t = &d->sg->toks[k], *p = &d->sg->toks[k - 1];

	return p->end < t->start ||
	       (!(t->flags & QG_T_PUNCT) && !(p->flags & QG_T_PUNCT));
}

/* Tokens [t0, t1) joined by single spaces (see spaced()), the last one
 * without a possessive, into out (cap bytes, NUL ended); false when they
 * do not fit. */
static bool join_words(const qg_doc *d, size_t t0, size_t t1, char *out,
                       size_t cap, size_t *len)
{
	size_t o = 0;

	for (size_t k = t0; k < t1; k++) {
		const qg_tok *t = &d->sg->toks[k];
		size_t n = k + 1 == t1 ? bare_len(d->text, t) : t->end - t->start;
		bool space = k > t0 && spaced(d, k);

		if (o + space + n >= cap)
			return false;
		if (space)
			out[o++] = ' ';
		memcpy(out + o, d->text + t->start, n);
		o += n;
	}
	out[o] = '\0';
	*len = o;
	return true;
}

/* Append tokens [t0, t1) joined as join_words() does to the pool: in one
 * piece when they fit a name's buffer, else word by word. */
static qg_status pool_words(qg_resolver *r, const qg_doc *d, size_t t0,
                            size_t t1, size_t *off)
{
	qg_status rc = QG_OK;
	char buf[256];
	size_t len;

	*off = r->pool.len;
	if (join_words(d, t0, t1, buf, sizeof(buf), &len))
		return qg_buf_add(&r->pool, buf, len + 1); /* the NUL too */
	for (size_t k = t0; rc == QG_OK && k < t1; k++) {
		const qg_tok *t = &d->sg->toks[k];
		size_t n = k + 1 == t1 ? bare_len(d->text, t) : t->end - t->start;

		if (k > t0 && spaced(d, k))
			rc = qg_buf_addc(&r->pool, ' ');
		if (rc == QG_OK)
			rc = qg_buf_add(&r->pool, d->text + t->start, n);
	}
	if (rc == QG_OK)
		rc = qg_buf_addc(&r->pool, '\0');
	return rc;
}

static qg_status pool_str(qg_resolver *r, const char *s, size_t *off)
{
	qg_status rc;

	*off = r->pool.len;
	rc = qg_buf_addstr(&r->pool, s);
	if (rc == QG_OK)
		rc = qg_buf_addc(&r->pool, '\0');
	return rc;
}

/* The hash of a name, kept with each entity so that a lookup compares
 * strings only with the entity whose name it likely is. In memory only
 * (no stored data holds it) and a hint (every match is checked), so it
 * reads eight bytes at a time; a name is hashed at every mention. */
static uint64_t name_hash_n(const char *s, size_t n)
{
	uint64_t h = 0x9E3779B97F4A7C15ULL * (n + 1), w = 0;

	for (; n >= 8; s += 8, n -= 8) {
		memcpy(&w, s, 8);
		h = qg_mix64(h ^ w);
	}
	w = 0;
	for (size_t i = 0; i < n; i++)
		w |= (uint64_t)(unsigned char)s[i] << (8 * i);
	return qg_mix64(h ^ w);
}

/* name_hash_n() of a NUL-ended name. */
static uint64_t name_hash(const char *s)
{
	return name_hash_n(s, strlen(s));
}

/* ---- the entity index: a hint, checked at every lookup, so that the
 * answer is always the newest entity of that name (or surname), as a
 * scan from the newest would give */

static uint64_t name_key(uint64_t h, int type)
{
	return h ^ ((uint64_t)(unsigned)type * 0x9E3779B97F4A7C15ULL);
}

static uint64_t surname_key(uint64_t h)
{
	return h ^ 0xC2B2AE3D27D4EB4FULL;
}

/* The slot of `key`: its own, or the empty one where it would go. */
static struct qg_ent_slot *eix_slot(const qg_resolver *r, uint64_t key)
{
	size_t mask = r->eixcap - 1, i = (size_t)(key >> 20) & mask;

	while (r->eix[i].gen == r->eixgen && r->eix[i].key != key)
		i = (i + 1) & mask;
	return &r->eix[i];
}

/* Whether entity k holds the name key (h, type) now. */
static bool holds_name(const qg_resolver *r, long k, uint64_t h, int type)
{
	return k >= 0 && r->es[k].type == type && r->es[k].hname == h;
}

/* Record entity k under a key. `newest`: no entity after k holds it (a
 * new entity, or entities put in order). Else (k renamed to the name of
 * the key) k replaces an older holder, and when the holder may be stale
 * the slot is left to the slow way. */
static void eix_put(qg_resolver *r, uint64_t key, long k, bool newest)
{
	struct qg_ent_slot *s = eix_slot(r, key);
	const qg_entity *e = &r->es[k];

	if (s->gen != r->eixgen) {
		*s = (struct qg_ent_slot){key, k, r->eixgen};
		r->eixn++;
	} else if (newest) {
		s->ent = k;
	} else if (holds_name(r, s->ent, e->hname, e->type)) {
		s->ent = s->ent > k ? s->ent : k;
	} else {
		s->ent = QG_ENT_STALE;
	}
}

/* Start the index afresh (a new article, or a bigger table), holding the
 * first `ne` entities. */
static qg_status eix_reset(qg_resolver *r, size_t cap)
{
	if (cap > r->eixcap) {
		struct qg_ent_slot *t = qg__calloc(cap, sizeof(*t));

		if (!t)
			return QG_ERR_NOMEM;
		qg__free(r->eix);
		r->eix = t;
		r->eixcap = cap;
		r->eixgen = 0;
	}
	if (++r->eixgen == 0 && r->eix) { /* wrapped: no slot may look current */
		memset(r->eix, 0, r->eixcap * sizeof(*r->eix));
		r->eixgen = 1;
	}
	r->eixn = 0;
	for (size_t k = 0; k < r->ne; k++) {
		eix_put(r, name_key(r->es[k].hname, r->es[k].type), (long)k, true);
		if (r->es[k].type == QG_M_PERSON)
			eix_put(r, surname_key(r->es[k].hsur), (long)k, true);
	}
	return QG_OK;
}

/* Room for two more keys, the table never more than half full. */
static qg_status eix_room(qg_resolver *r)
{
	if ((r->eixn + 2) * 2 <= r->eixcap)
		return QG_OK;
	return eix_reset(r, r->eixcap ? r->eixcap * 2 : 64);
}

/* The slow way: newest first, every entity. */
static long entity_scan(const qg_resolver *r, const char *name, uint64_t h,
                        int type)
{
	/* newest first: the latest person of that name is the likeliest */
	for (size_t k = r->ne; k > 0; k--) {
		const qg_entity *e = &r->es[k - 1];

		if (e->type == type && e->hname == h &&
		    strcmp(qg_resolver_str(r, e->name), name) == 0)
			return (long)(k - 1);
	}
	return -1;
}

/* The newest entity of that type named `name`, whose hash is h. */
static long entity_find(const qg_resolver *r, const char *name, uint64_t h,
                        int type)
{
	const struct qg_ent_slot *s;

	if (!r->eixcap)
		return entity_scan(r, name, h, type);
	s = eix_slot(r, name_key(h, type));
	if (s->gen != r->eixgen)
		return -1; /* no entity has ever held this key */
	if (holds_name(r, s->ent, h, type) &&
	    strcmp(qg_resolver_str(r, r->es[s->ent].name), name) == 0)
		return s->ent;
	return entity_scan(r, name, h, type);
}

/* The newest person whose surname is `surname`, whose hash is h. */
static long surname_find(const qg_resolver *r, const char *surname,
                         uint64_t h)
{
	const struct qg_ent_slot *s = NULL;

	if (r->eixcap) {
		s = eix_slot(r, surname_key(h));
		if (s->gen != r->eixgen)
			return -1; /* no person has this surname */
		if (s->ent >= 0 && r->es[s->ent].hsur == h &&
		    strcmp(qg_resolver_str(r, r->es[s->ent].surname), surname) ==
		        0)
			return s->ent;
	}
	for (size_t k = r->ne; k > 0; k--) {
		const qg_entity *e = &r->es[k - 1];

		if (e->type == QG_M_PERSON && e->hsur == h &&
		    strcmp(qg_resolver_str(r, e->surname), surname) == 0)
			return (long)(k - 1);
	}
	return -1;
}

/* How many people back a holder of a surname of the right sex is looked
 * for: a story names a family's few members close together. */
#define QG_SEX_REACH 64

/* "Mrs. Obama" after "Barack Obama": an earlier person of that surname
 * whose sex is `sex` or unknown, before entity e (the newest holder, of
 * the other sex); -1 when none, a new person then. */
static long surname_of_sex(const qg_resolver *r, long e, unsigned sex)
{
	const qg_entity *x = &r->es[e];

	for (long k = e; k > 0 && k + QG_SEX_REACH > e; k--) {
		const qg_entity *p = &r->es[k - 1];

		if (p->type == QG_M_PERSON && p->hsur == x->hsur &&
		    (!p->sex || p->sex == sex) &&
		    strcmp(qg_resolver_str(r, p->surname),
		           qg_resolver_str(r, x->surname)) == 0)
			return k - 1;
	}
	return -1;
}

/* Add e, its hname and hsur set. */
static qg_status entity_add(qg_resolver *r, qg_entity e, long *out)
{
	qg_status rc = qg__grow((void **)&r->es, &r->cape, r->ne + 1,
	                        sizeof(qg_entity));

	if (rc == QG_OK) {
		*out = (long)r->ne;
		r->es[r->ne++] = e;
		rc = eix_room(r);
	}
	if (rc == QG_OK) {
		eix_put(r, name_key(e.hname, e.type), *out, true);
		if (e.type == QG_M_PERSON)
			eix_put(r, surname_key(e.hsur), *out, true);
	}
	return rc;
}

/* The entity a person mention names: the same full name, or for a surname
 * alone the latest person with that surname; a full name completes an
 * entity known so far by its surname only. */
/* Is `longer` the name `shorter` and a company suffix ("Orbital Inc.",
 * "Orbital")? */
static bool with_suffix(const qg_doc *d, const char *longer,
                        const char *shorter)
{
	size_t n, rest;

	/* most pairs differ at once: no need to measure them */
	if (shorter[0] != '\0' && longer[0] != shorter[0])
		return false;
	n = strlen(shorter);
	if (strncmp(longer, shorter, n) != 0 || longer[n] != ' ')
		return false;
	rest = strlen(longer + n + 1);
	return rest > 0 && !strchr(longer + n + 1, ' ') &&
	       (qg_lexicon_word(d->lx, longer + n + 1, rest) &
	        QG_W_COMPANY_SUFFIX);
}

/* How many organisations back a company's other form is looked for. */
#define QG_ORG_REACH 64

/* The organisation that the pooled name `name` (hash h) names with or
 * without a company suffix: "Orbital" after "Orbital Inc.", or the reverse,
 * which gives the older entity the longer name. -1 when none. */
static long company_variant(qg_resolver *r, const qg_doc *d, size_t name,
                            uint64_t h)
{
	const char *n = qg_resolver_str(r, name);

	for (size_t k = r->ne; k > 0 && k + QG_ORG_REACH > r->ne; k--) {
		qg_entity *e = &r->es[k - 1];
		const char *en = qg_resolver_str(r, e->name);

		if (e->type != QG_M_ORG)
			continue;
		/* the company's own name again ("Islandlink's chief") */
		if (e->hname == h && strcmp(en, n) == 0)
			return (long)(k - 1);
		if (with_suffix(d, en, n))
			return (long)(k - 1);
		if (with_suffix(d, n, en)) {
			e->name = e->surname = name;
			e->hname = e->hsur = h;
			return (long)(k - 1);
		}
	}
	return -1;
}

/* The sex a person mention states: by a form of address or a gendered
 * role before the name ("Mrs", "spokeswoman") or by its given name before
 * a surname; 0 when it states none or both. */
static unsigned mention_sex(const qg_doc *d, const qg_mention *m)
{
	unsigned sex = 0;

	/* the given name only when a surname follows: "Scott" alone is
	 * Keith Scott's surname, and his wife's */
	for (size_t k = m->tok0; k + 1 < m->tok1 && k <= m->name0; k++)
		sex |= wclass(d, k) & (QG_W_MALE | QG_W_FEMALE);
	return sex == (QG_W_MALE | QG_W_FEMALE) ? 0 : sex;
}

/* The sex of a person first named by mention m, given `sex`, what
 * mention_sex() says of m: a lone given name counts too ("Melanie
 * said"), since no one of that surname came before. */
static unsigned new_person_sex(const qg_doc *d, const qg_mention *m,
                               unsigned sex)
{
	unsigned c = wclass(d, m->tok1 - 1);

	if (sex || m->tok1 - m->name0 != 1 || !(c & QG_W_GIVEN) ||
	    (c & (QG_W_MALE | QG_W_FEMALE)) == (QG_W_MALE | QG_W_FEMALE))
		return sex;
	return c & (QG_W_MALE | QG_W_FEMALE);
}

static qg_status person_entity(qg_resolver *r, const qg_doc *d,
                               qg_mention *m)
{
	size_t name, sur, title = SIZE_MAX, words = m->tok1 - m->name0;
	size_t nlen, slen;
	qg_status rc = pool_words(r, d, m->name0, m->tok1, &name);
	unsigned sex = mention_sex(d, m);
	uint64_t hn, hs;
	long e, org;

	/* the surname is the name's last word, as pool_words ended it: the
	 * tail of the name's string, NUL and all */
	slen = bare_len(d->text, &d->sg->toks[m->tok1 - 1]);
	sur = r->pool.len - 1 - slen;
	nlen = r->pool.len - 1 - name; /* the lengths, before the title */
	if (rc == QG_OK && m->name0 > m->tok0)
		rc = pool_words(r, d, m->tok0, m->name0, &title);
	if (rc < 0)
		return rc;
	hn = name_hash_n(qg_resolver_str(r, name), nlen);
	hs = name_hash_n(qg_resolver_str(r, sur), slen);
	e = entity_find(r, qg_resolver_str(r, name), hn, QG_M_PERSON);
	if (e < 0)
		e = surname_find(r, qg_resolver_str(r, sur), hs);
	if (e >= 0 && sex && r->es[e].sex && sex != r->es[e].sex)
		e = surname_of_sex(r, e, sex);
	if (e >= 0 && words > 1 && r->es[e].words == 1) {
		r->es[e].name = name;
		r->es[e].hname = hn;
		r->es[e].words = words;
		rc = eix_room(r);
		if (rc == QG_OK)
			eix_put(r, name_key(r->es[e].hname, QG_M_PERSON), e, false);
	} else if (e >= 0 && words > 1 && r->es[e].words > 1 &&
	           strcmp(qg_resolver_str(r, r->es[e].name),
	                  qg_resolver_str(r, name)) != 0) {
		e = -1; /* another person with the same surname */
	}
	org = e < 0 && m->name0 == m->tok0
	              ? company_variant(r, d, name, hn)
	              : -1;
	if (org >= 0) {
		/* "Orbital said", "Marrowby Lines said" after the name with
		 * its suffix; "Islandlink's chief" after "Islandlink" */
		m->type = QG_M_ORG;
		m->entity = org;
		return QG_OK;
	}
	if (e < 0 && (m->flags & QG_MF_WEAK))
		return QG_OK; /* a lone sentence-initial word names nobody new */
	if (e < 0)
		rc = entity_add(r, (qg_entity){name, sur, title, QG_M_PERSON, words,
		                               -1, 0, 0, 0, hn, hs,
		                               new_person_sex(d, m, sex)},
		                &e);
	if (rc == QG_OK && r->es[e].title == SIZE_MAX)
		r->es[e].title = title;
	if (rc == QG_OK && !r->es[e].sex)
		r->es[e].sex = sex;
	m->entity = e;
	return rc;
}

static qg_status named_entity(qg_resolver *r, const char *canon,
                              const qg_doc *d, qg_mention *m)
{
	size_t name;
	qg_status rc;
	uint64_t h;
	long e;

	if (canon)
		rc = pool_str(r, canon, &name);
	else
		rc = pool_words(r, d, m->name0, m->tok1, &name);
	if (rc < 0)
		return rc;
	/* the pool ends with the name and its NUL */
	h = name_hash_n(qg_resolver_str(r, name), r->pool.len - 1 - name);
	e = entity_find(r, qg_resolver_str(r, name), h, m->type);
	if (e < 0 && m->type == QG_M_ORG && !canon)
		e = company_variant(r, d, name, h);
	if (e < 0)
		rc = entity_add(r, (qg_entity){name, name, SIZE_MAX, m->type, 1, -1,
		                               0, 0, 0, h, h, 0},
		                &e);
	m->entity = e;
	return rc;
}

static bool cap_word(const qg_tok *t)
{
	return (t->flags & QG_T_WORD) && (t->flags & QG_T_CAP) &&
	       !(t->flags & QG_T_QUOTED);
}

/* One name before a lower-case title or organisation noun modifies it
 * ("Tulsa police chief", "a Clinton aide", "the Trump campaign"): it is
 * not the subject of the sentence. */
static bool modifier(const qg_doc *d, const qg_mention *m)
{
	const qg_tok *n;

	if ((m->flags & QG_MF_POSS) || m->tok1 >= d->sg->ntok ||
	    m->name0 > m->tok0)
		return false;
	n = &d->sg->toks[m->tok1];
	if (n->sent != m->sent || !(n->flags & QG_T_WORD) ||
	    (n->flags & QG_T_CAP))
		return false;
	if (m->tok1 == m->tok0 + 1 &&
	    TOK_IN(n, PLACE_NOUNS))
		return true; /* "the Kursk region" */
	if (!(wclass(d, m->tok1) & (QG_W_TITLE | QG_W_ROLE | QG_W_ORG_WORD)))
		return false;
	/* one name: "Tulsa police"; more: only before the person the noun
	 * titles, "Harlow Town manager Gina Ferris" */
	return m->tok1 == m->tok0 + 1 ||
	       (m->tok1 + 1 < d->sg->ntok && cap_word(&d->sg->toks[m->tok1 + 1]));
}

/* Is token k a reporting verb ("Burton said")? */
static bool verb_next(const qg_doc *d, size_t k)
{
	const qg_tok *t;

	if (k >= d->sg->ntok)
		return false;
	t = &d->sg->toks[k];
	return (t->flags & QG_T_WORD) && !(t->flags & QG_T_CAP) && t->tag.verb;
}

/* "envoy to the Middle East Steve Witkoff": the preposition governs the
 * place, and the name that follows it (no title word between) is a person
 * in his own right. */
static bool place_then_name(const qg_doc *d, const qg_mention *m)
{
	if (m->type != QG_M_PERSON || m->name0 <= m->tok0 ||
	    !(wclass(d, m->name0) & QG_W_GIVEN))
		return false;
	for (size_t k = m->tok0; k < m->name0; k++)
		if (wclass(d, k) & (QG_W_TITLE | QG_W_ROLE | QG_W_HONORIFIC))
			return false;
	return true;
}

static qg_status mention_add(qg_resolver *r, const qg_doc *d, qg_mention m,
                             const char *canon)
{
	qg_status rc = QG_OK;

	m.entity = -1;
	m.sent = d->sg->toks[m.tok0].sent;
	if (possessive(d->text, &d->sg->toks[m.tok1 - 1]))
		m.flags |= QG_MF_POSS;
	if (m.tok0 > 0 && d->sg->toks[m.tok0 - 1].sent == m.sent) {
		size_t p = m.tok0 - 1;

		if (p > 0 && qg_tok_is(d->text, &d->sg->toks[p], "the"))
			p--;
		if ((TOK_IN(&d->sg->toks[p], PREPOSITIONS) &&
		     !place_then_name(d, &m) && !verb_next(d, m.tok1)) ||
		    ((d->sg->toks[m.tok0 - 1].flags & QG_T_PUNCT) &&
		     d->sg->toks[m.tok0 - 1].cp == '('))
			m.flags |= QG_MF_PREP; /* "with Putin", "(D-Wis.)" */
	}
	if (m.type == QG_M_PERSON && modifier(d, &m))
		m.flags |= QG_MF_MOD;
	if (m.type == QG_M_PERSON)
		rc = person_entity(r, d, &m);
	else if (m.type == QG_M_ORG || m.type == QG_M_OUTLET ||
	         m.type == QG_M_GROUP)
		rc = named_entity(r, canon, d, &m);
	if (rc == QG_OK && m.type == QG_M_PERSON && m.entity < 0)
		return QG_OK;
	if (rc == QG_OK)
		rc = qg__grow((void **)&r->ms, &r->capm, r->nm + 1,
		              sizeof(qg_mention));
	if (rc == QG_OK) {
		for (size_t k = m.tok0; k < m.tok1; k++)
			r->tokm[k] = (long)r->nm;
		r->ms[r->nm++] = m;
	}
	return rc;
}

static bool digit_word(const char *text, const qg_tok *t)
{
	return (t->flags & QG_T_WORD) && text[t->start] >= '0' &&
	       text[t->start] <= '9';
}

/* A plural possessive inside a body's name, its mark a token of its own:
 * "Patients' Alliance", "Teachers' Union" (token j the mark, right after
 * a word ending in s, an organisation word after it). */
static bool plural_in_name(const qg_doc *d, size_t j)
{
	const qg_tok *t = d->sg->toks;
	const char *m = d->text + t[j].start;
	size_t n = (size_t)(t[j].end - t[j].start);

	return j > 0 && j + 1 < d->sg->ntok && t[j - 1].end == t[j].start &&
	       d->text[t[j - 1].end - 1] == 's' &&
	       ((n == 1 && *m == '\'') ||
	        (n == 3 && memcmp(m, "\xe2\x80\x99", 3) == 0)) &&
	       t[j + 1].sent == t[j].sent && cap_word(&t[j + 1]) &&
	       (wclass(d, j + 1) & QG_W_ORG_WORD);
}

/* "Transport and Rail Workers' Union", "Food & Drug Administration":
 * token j, "and" or "&", joins two parts of one body's name when the
 * capitalised run after it ends in an organisation word and no given
 * name stands before it ("Mary and Tom" stay two). */
static bool and_in_name(const qg_doc *d, size_t j)
{
	const qg_tok *t = d->sg->toks;
	size_t k = j + 1;

	if (j == 0 || j + 1 >= d->sg->ntok ||
	    !(qg_tok_is(d->text, &t[j], "and") ||
	      qg_tok_is(d->text, &t[j], "&")) ||
	    !cap_word(&t[j - 1]) || (wclass(d, j - 1) & QG_W_GIVEN))
		return false;
	while (k < d->sg->ntok && t[k].sent == t[j].sent &&
	       (cap_word(&t[k]) || plural_in_name(d, k)))
		k++;
	return k > j + 1 && (wclass(d, k - 1) & QG_W_ORG_WORD);
}

static bool particle(const qg_doc *d, size_t k);

/* The end of the run of capitalised words starting at token i. */
static size_t chain_end(const qg_doc *d, size_t i)
{
	const qg_segments *sg = d->sg;
	size_t j = i + 1, s = sg->toks[i].sent;

	if (possessive(d->text, &sg->toks[i]))
		return j;
	while (j < sg->ntok && sg->toks[j].sent == s) {
		if (cap_word(&sg->toks[j])) {
			j++;
			if (possessive(d->text, &sg->toks[j - 1]))
				break;
		} else if (plural_in_name(d, j) || and_in_name(d, j)) {
			j += 2;
		} else if (j + 1 < sg->ntok && sg->toks[j + 1].sent == s &&
		           cap_word(&sg->toks[j + 1]) &&
		           (TOK_IN(&sg->toks[j], CONNECTORS) ||
		            digit_word(d->text, &sg->toks[j]))) {
			j += 2;
		} else if (j + 2 < sg->ntok && sg->toks[j + 2].sent == s &&
		           particle(d, j) && particle(d, j + 1) &&
		           cap_word(&sg->toks[j + 2])) {
			j += 3; /* "Ursula von der Leyen", "Maria de la Cruz" */
		} else {
			break;
		}
	}
	return j;
}

/* An outlet named by a pattern: an outlet word before a capitalised run
 * ("the Russian daily Izvestia", "media outlet X", "newspaper X"). */
static bool outlet_word_before(const qg_doc *d, size_t i)
{
	const qg_tok *p;

	if (i == 0 || d->sg->toks[i - 1].sent != d->sg->toks[i].sent)
		return false;
	p = &d->sg->toks[i - 1];
	return (p->flags & QG_T_WORD) && !(p->flags & QG_T_CAP) &&
	       (wclass(d, i - 1) & QG_W_OUTLET_WORD) &&
	       !qg_tok_is(d->text, p, "interview") &&
	       !qg_tok_is(d->text, p, "press") && !qg_tok_is(d->text, p, "news");
}

/* "ValleyFM", "CityTV": a word with a broadcast band or medium glued to
 * its end, a station's shape. */
static bool station_word(const qg_doc *d, size_t k)
{
	const qg_tok *t = &d->sg->toks[k];
	const char *w = d->text + t->start;
	size_t n = (size_t)(t->end - t->start);

	return n >= 4 && (t->flags & QG_T_CAP) && w[n - 3] >= 'a' &&
	       w[n - 3] <= 'z' &&
	       (memcmp(w + n - 2, "FM", 2) == 0 ||
	        memcmp(w + n - 2, "TV", 2) == 0);
}

/* Is token k a plain lower-case noun, no verb, function word, role or
 * medium ("a Gold Star mother", not "the Daily Star reported", "the
 * Evening Star editor", "the Star newspaper")? A masthead's last word
 * before one modifies it: no outlet. */
static bool plain_noun_after(const qg_doc *d, size_t k)
{
	const qg_tok *t = &d->sg->toks[k];

	return k < d->sg->ntok && t->sent == d->sg->toks[k - 1].sent &&
	       (t->flags & QG_T_WORD) && !(t->flags & QG_T_CAP) && !t->tag.verb &&
	       !(t->tag.classes & (QG_W_ROLE | QG_W_TITLE | QG_W_OUTLET_WORD)) &&
	       !TOK_IN(t, PREPOSITIONS) && !TOK_IN(t, OUTLET_NOUNS) &&
	       !qg_tok_has(t, QG_S_ATTR_FUNCTION_WORDS) &&
	       !qg_tok_has(t, QG_S_ATTR_STAFF_NOUNS);
}

/* Is the run [a, b) an outlet by its shape: a masthead word at its end,
 * a station's name, or a noun such as "interview" after it? */
static bool outlet_shape(const qg_doc *d, size_t a, size_t b)
{
	const qg_segments *sg = d->sg;

	if (b - a >= 2 && TOK_IN(&sg->toks[b - 1], OUTLET_HEADS))
		return !plain_noun_after(d, b);
	if (station_word(d, b - 1))
		return true;
	/* "told the Gazette" */
	if (b - a == 1 && a > 0 && sg->toks[a - 1].sent == sg->toks[a].sent &&
	    qg_tok_is(d->text, &sg->toks[a - 1], "the") &&
	    TOK_IN(&sg->toks[a], OUTLET_ALONE))
		return true;
	/* "Radio Valmont", "Channel Nine", "TV Rain" */
	if (b - a >= 2 && b - a <= 3 &&
	    TOK_IN(&sg->toks[a], OUTLET_FIRSTS))
		return true;
	if (b >= sg->ntok || sg->toks[b].sent != sg->toks[a].sent)
		return false;
	if (TOK_IN(&sg->toks[b], OUTLET_NOUNS))
		return !TOK_IN(&sg->toks[b - 1], DAY_ENDS); /* not "a Labor Day
		                                                interview" */
	return TOK_IN(&sg->toks[b], OUTLET_KINDS) &&
	       !(wclass(d, a) & QG_W_DEMONYM) &&
	       (b + 1 >= sg->ntok || !(sg->toks[b + 1].flags & QG_T_CAP));
}

/* A lower-case particle inside a name ("de", "van", "bin"), unlike "of"
 * and "for", which join a person to a place or a body. */
static bool particle(const qg_doc *d, size_t k)
{
	return TOK_IN(&d->sg->toks[k], CONNECTORS) &&
	       !qg_tok_is(d->text, &d->sg->toks[k], "of") &&
	       !qg_tok_is(d->text, &d->sg->toks[k], "for");
}

/* Where the name proper starts in [a, b): after the last title, role,
 * honorific, demonym or organisation word, or at a given name. */
static size_t name_start(const qg_doc *d, size_t a, size_t b, unsigned *all)
{
	size_t name0 = a;

	*all = 0;
	for (size_t k = a; k < b; k++) {
		unsigned c = wclass(d, k);

		*all |= c;
		if ((c & QG_W_GIVEN) && k > a && k + 1 < b && name0 < k &&
		    !(wclass(d, k - 1) & QG_W_GIVEN))
			name0 = k; /* "Pensioner Maureen Tilly" */
		if ((c & QG_W_GIVEN) && (c & QG_W_TITLE) && k == a && b == a + 2 &&
		    !(wclass(d, b - 1) & (QG_W_TITLE | QG_W_ROLE | QG_W_ORG_WORD |
		                          QG_W_NOT_NAME)))
			continue; /* "Dean Holloway": a given name */
		if ((c & (QG_W_TITLE | QG_W_ROLE)) && k + 1 == b && k > a &&
		    !(c & QG_W_ORG_WORD) &&
		    (wclass(d, k - 1) & (QG_W_HONORIFIC | QG_W_GIVEN)))
			continue; /* "Mr. King", "Charlie Dean": a surname */
		if (c & (QG_W_TITLE | QG_W_ROLE | QG_W_HONORIFIC | QG_W_DEMONYM |
		         QG_W_ORG_WORD))
			name0 = k + 1;
		if (!(d->sg->toks[k].flags & QG_T_CAP) &&
		    !(particle(d, k) && name0 < k && k + 1 < b))
			name0 = k + 1; /* a connector: the name follows it */
	}
	return name0;
}

/* A person's name ends at a connector: "Arvid Stenmark of Norland". */
static size_t person_end(const qg_doc *d, size_t a, size_t b)
{
	for (size_t k = a; k < b; k++) {
		unsigned all;

		if ((d->sg->toks[k].flags & QG_T_CAP) || plural_in_name(d, k) ||
		    and_in_name(d, k))
			continue;
		if (particle(d, k) && name_start(d, a, k, &all) < k)
			continue; /* "Bill de Blasio" */
		if (name_start(d, a, k, &all) < k && !(all & QG_W_ORG_WORD))
			return k;
		break;
	}
	return b;
}

/* A lone capitalised title word with no article before it that is the
 * surname of a person named before: "Dean, a former governor, said". */
static bool lone_surname(const qg_resolver *r, const qg_doc *d, size_t a,
                         size_t b)
{
	const qg_tok *t = &d->sg->toks[a];
	char w[64];
	size_t n = bare_len(d->text, t);

	if (b != a + 1 || n >= sizeof(w) || (wclass(d, a) & QG_W_ORG_WORD))
		return false;
	if (a > 0 && d->sg->toks[a - 1].sent == t->sent &&
	    ((d->sg->toks[a - 1].flags & QG_T_WORD) ||
	     possessive(d->text, &d->sg->toks[a - 1])))
		return false; /* "the Dean", "Harvard's Dean" */
	memcpy(w, d->text + t->start, n);
	w[n] = '\0';
	return surname_find(r, w, name_hash(w)) >= 0;
}

/* Does token a open its sentence, or what follows a label ("EXCLUSIVE:
 * Pop star's ex ...")? Either way it is capitalised as a first word. */
static bool opens_sentence(const qg_doc *d, size_t a)
{
	size_t s0 = d->sg->sents[d->sg->toks[a].sent].tok0;
	const qg_tok *p = a > s0 ? &d->sg->toks[a - 1] : NULL;

	return !p || ((p->flags & QG_T_PUNCT) && p->cp == ':' && a - 1 > s0 &&
	              (d->sg->toks[a - 2].flags & QG_T_CAP));
}

/* Classify the capitalised run [a, b) (no gazetteer match in it). */
/* Is the capitalised run [*a, b) a company by the noun before it: a
 * lower-case one ("energy firm Northern Grid"), or one opening the run at
 * a sentence's start ("Chipmaker Halvard said"), then left out (*a moves
 * past it)? A noun that names bodies itself ("Bank", "Group") stays. */
static bool company_named(const qg_doc *d, size_t *a, size_t b)
{
	const qg_tok *t = &d->sg->toks[*a];

	if (*a > 0 && d->sg->toks[*a - 1].sent == t->sent &&
	    !(d->sg->toks[*a - 1].flags & QG_T_CAP) &&
	    qg_tok_has(&d->sg->toks[*a - 1], QG_S_ATTR_COMPANY_HEADS))
		return !(wclass(d, *a) & (QG_W_GIVEN | QG_W_HONORIFIC));
	if (b - *a >= 2 && qg_tok_has(t, QG_S_ATTR_COMPANY_HEADS) &&
	    !(wclass(d, *a) & QG_W_ORG_WORD) &&
	    (d->sg->toks[*a + 1].flags & QG_T_CAP)) {
		(*a)++;
		return true;
	}
	return false;
}

static qg_status person_or_org(qg_resolver *r, const qg_doc *d, size_t a,
                               size_t b)
{
	unsigned all;
	size_t name0;
	qg_mention m = {a, b, a, 0, 0, -1, 0};

	if (outlet_shape(d, a, b))
		return mention_add(r, d, (qg_mention){a, b, a, QG_M_OUTLET, 0, -1,
		                                      0},
		                   NULL);
	/* "a Gold Star mother": a masthead's shape modifying a noun names
	 * no one */
	if (b - a >= 2 && TOK_IN(&d->sg->toks[b - 1], OUTLET_HEADS))
		return QG_OK;
	/* "Carmaker Zentro Motors", "utility company Western Power": a
	 * company, named after the noun that says it is one */
	if (company_named(d, &a, b))
		return mention_add(r, d, (qg_mention){a, b, a, QG_M_ORG, 0, -1,
		                                      0},
		                   NULL);
	/* "Republicans said": members of a party, a group of people */
	if (b == a + 1 && TOK_IN(&d->sg->toks[a], PARTY_MEMBERS))
		return mention_add(r, d, (qg_mention){a, b, a, QG_M_GROUP, 0, -1,
		                                      0},
		                   NULL);
	/* "Marwick High Street", "Harbour Bridge": a place, no one */
	if (b - a >= 2 && TOK_IN(&d->sg->toks[b - 1], PLACE_HEADS) &&
	    !(wclass(d, a) & (QG_W_GIVEN | QG_W_HONORIFIC)))
		return QG_OK;
	b = person_end(d, a, b);
	m.tok1 = b;
	name0 = name_start(d, a, b, &all);
	m.name0 = name0;
	if (name0 >= b && lone_surname(r, d, a, b)) {
		m.type = QG_M_PERSON; /* "Dean, a former governor, said" */
		m.name0 = a;
	} else if (name0 >= b) {
		if (all & QG_W_ORG_WORD) {
			m.type = QG_M_ORG;
			m.name0 = a;
		} else if (all & (QG_W_TITLE | QG_W_ROLE)) {
			m.type = QG_M_ROLE;
		}
	} else if (b - name0 > 4) {
		return QG_OK; /* a long title-case phrase, not a name */
	} else if ((all & (QG_W_ORG_WORD | QG_W_COMPANY_SUFFIX)) &&
	           !(wclass(d, name0) & QG_W_GIVEN) &&
	           !(all & (QG_W_HONORIFIC | QG_W_ROLE))) {
		m.type = QG_M_ORG;
		m.name0 = a;
	} else {
		m.type = QG_M_PERSON;
	}
	if (m.type == QG_M_PERSON && b - name0 == 1 && name0 == a &&
	    opens_sentence(d, a) && !(wclass(d, a) & QG_W_GIVEN) &&
	    !verb_next(d, b))
		m.flags |= QG_MF_WEAK;
	return m.type ? mention_add(r, d, m, NULL) : QG_OK;
}

/* A one-word country or city that ends a run after a name ("Chief Chuck
 * Jordan", "Anna Chad") is that person's surname. [rest, k) is the run
 * before it, [k, e) the match, b the run's end. */
static bool surname_place(const qg_doc *d, size_t rest, size_t k, size_t e,
                          size_t b)
{
	unsigned all, prev;

	if (e != k + 1 || e != b || k <= rest)
		return false;
	prev = wclass(d, k - 1);
	if (prev & ~(unsigned)(QG_W_GIVEN | QG_W_MALE | QG_W_FEMALE))
		return false; /* "Foreign Minister Jordan", "U.S. Jordan" */
	return name_start(d, rest, k, &all) < k && !(all & QG_W_ORG_WORD);
}

/* A one-word country that is also a given name, with a name after it in
 * the run ("Jordan Hartley", "Georgia Mills"), is that person's given
 * name; not so before a masthead or a body's word ("Jordan Times"). */
static bool given_place(const qg_doc *d, size_t k, size_t e, size_t b)
{
	unsigned next;

	if (e != k + 1 || e >= b || !(wclass(d, k) & QG_W_GIVEN))
		return false;
	next = wclass(d, e);
	return !(next & (QG_W_ORG_WORD | QG_W_OUTLET_WORD | QG_W_COMPANY_SUFFIX |
	                 QG_W_NOT_NAME)) &&
	       !TOK_IN(&d->sg->toks[b - 1], OUTLET_HEADS);
}

/* Does the run [e, b) after a known organisation end in an organisation
 * word ("NHS Confederation", "Kremlin Press Office")? Then the whole run is
 * another body, named by that word. */
static bool org_goes_on(const qg_doc *d, size_t e, size_t b)
{
	unsigned all = 0;

	if (e >= b || b - e > 3)
		return false;
	for (size_t k = e; k < b; k++)
		all |= wclass(d, k);
	return (wclass(d, b - 1) & (QG_W_ORG_WORD | QG_W_COMPANY_SUFFIX)) &&
	       !(all & (QG_W_TITLE | QG_W_HONORIFIC | QG_W_GIVEN));
}

/* Does a gazetteer match ending at byte `at` end token k too, but for a
 * possessive ("CNN's")? */
static bool match_ends_word(const qg_doc *d, size_t k, size_t at)
{
	const qg_tok *t = &d->sg->toks[k];
	size_t rest = t->end > at ? t->end - at : 0;
	const char *s = d->text + at;

	return rest == 0 || (rest == 1 && s[0] == '\'') ||
	       (rest == 2 && memcmp(s, "'s", 2) == 0) ||
	       (rest == 3 && memcmp(s, "\xE2\x80\x99", 3) == 0) ||
	       (rest == 4 && memcmp(s, "\xE2\x80\x99s", 4) == 0);
}

/*
 * Whether a known outlet or organisation may start at token t, whose
 * paragraph ends at `end`: false only when qg_lexicon_name() surely finds
 * none there, so that it need not be asked. That is so for a plain word
 * (ASCII letters and digits only, then an ASCII byte or the end) that
 * opens no name of either table, which its tag tells: the lookup's first
 * step is that very word.
 */
static bool name_may_start(const qg_doc *d, const qg_tok *t, size_t end)
{
	const char *w = d->text + t->start;
	size_t n = t->end - t->start;

	if (n > QG_WORD_INFO_MAX || qg_tok_has(t, QG_S_OUTLET_FIRST) ||
	    qg_tok_has(t, QG_S_ORG_FIRST))
		return true;
	if (t->end < end && (unsigned char)d->text[t->end] >= 0x80)
		return true;
	for (size_t i = 0; i < n; i++) {
		unsigned c = (unsigned char)w[i];

		if (!((c | 32) - 'a' < 26 || c - '0' < 10))
			return true; /* a word with joiners: ask */
	}
	return false;
}

/* Mentions in the capitalised run [a, b): gazetteer outlets and
 * organisations where they match, people and the rest in between. */
static qg_status chain_mentions(qg_resolver *r, const qg_doc *d, size_t a,
                                size_t b)
{
	qg_status rc = QG_OK;
	size_t rest = a;
	const qg_tok *t0 = &d->sg->toks[a];
	const qg_para *p = &d->sg->paras[d->sg->sents[t0->sent].para];

	for (size_t k = a; rc == QG_OK && k < b; k++) {
		const qg_tok *t = &d->sg->toks[k];
		size_t got = 0, e;
		bool outlet = false;
		const char *o = name_may_start(d, t, p->end)
		                    ? qg_lexicon_name(d->lx, d->text + t->start,
		                                      p->end - t->start, &got,
		                                      &outlet)
		                    : NULL;
		int type = outlet ? QG_M_OUTLET : QG_M_ORG;

		if (!o || (k > a && (wclass(d, k - 1) & QG_W_GIVEN) &&
		           type == QG_M_ORG))
			continue;
		e = qg_tok_at(d->sg, t->start + got - 1) + 1;
		if (!match_ends_word(d, e - 1, t->start + got))
			continue; /* "Stockholm-based": part of a word names no one */
		if (e > b)
			e = b;
		if (type == QG_M_ORG && (surname_place(d, rest, k, e, b) ||
		                         given_place(d, k, e, b)))
			continue;
		if (type == QG_M_OUTLET && e < b &&
		    (outlet_shape(d, e, b) || particle(d, e) ||
		     TOK_IN(&d->sg->toks[e], OUTLET_FIRSTS))) {
			/* "BBC Radio Harlow", "ABC Radio": the station; "Le
			 * Courrier de Valmont": the paper of that town, as
			 * written */
			o = NULL;
			e = b;
		}
		if (type == QG_M_ORG && org_goes_on(d, e, b)) {
			o = NULL; /* "NHS Confederation": its own name, as written */
			e = b;
		}
		if (rest < k)
			rc = person_or_org(r, d, rest, k);
		if (rc == QG_OK)
			rc = mention_add(r, d, (qg_mention){k, e, k, type, 0, -1, 0},
			                 o);
		rest = e;
		k = e - 1;
	}
	if (rc == QG_OK && rest < b && outlet_word_before(d, rest))
		return mention_add(r, d, (qg_mention){rest, b, rest, QG_M_OUTLET,
		                                      0, -1, 0},
		                   NULL);
	if (rc == QG_OK && rest < b)
		rc = person_or_org(r, d, rest, b);
	return rc;
}

/* "the minister", "the former president", "the spokeswoman" */
static bool role_noun(const qg_doc *d, size_t i, size_t *end)
{
	const qg_segments *sg = d->sg;
	size_t k = i + 1, s = sg->toks[i].sent;

	if (!qg_tok_is(d->text, &sg->toks[i], "the"))
		return false;
	for (; k < sg->ntok && k < i + 4 && sg->toks[k].sent == s; k++) {
		const qg_tok *t = &sg->toks[k];
		unsigned c;

		if (!(t->flags & QG_T_WORD) || (t->flags & QG_T_CAP))
			return false;
		c = wclass(d, k);
		if ((c & QG_W_ROLE) &&
		    !(k + 1 < sg->ntok && (wclass(d, k + 1) & QG_W_ROLE) &&
		      !(sg->toks[k + 1].flags & QG_T_CAP))) {
			*end = k + 1;
			return true;
		}
		if (c & (QG_W_PRONOUN | QG_W_NOT_NAME))
			return false;
	}
	return false;
}

/* A lower-case word of token k in the sentence of token i. */
static bool lower_word(const qg_doc *d, size_t i, size_t k)
{
	const qg_tok *t = &d->sg->toks[k];

	return k < d->sg->ntok && t->sent == d->sg->toks[i].sent &&
	       (t->flags & QG_T_WORD) && !(t->flags & QG_T_CAP);
}

/* An organisation word that is no title or role ("ministry", not
 * "secretary"). */
static bool org_head(const qg_doc *d, size_t k)
{
	unsigned c = wclass(d, k);

	return (c & QG_W_ORG_WORD) && !(c & (QG_W_TITLE | QG_W_ROLE));
}

/* "the board", "the ministry", "the statement", and with one word before
 * the noun "the health authority", "the police department": an
 * organisation or a document named before. Sets *end after the noun. */
static bool org_noun(const qg_doc *d, size_t i, size_t *end)
{
	if (!qg_tok_is(d->text, &d->sg->toks[i], "the") ||
	    !lower_word(d, i, i + 1))
		return false;
	if (lower_word(d, i, i + 2) &&
	    (wclass(d, i + 2) & (QG_W_ORG_WORD | QG_W_ROLE))) {
		/* the noun comes later: "the county clerk" is a role */
		*end = i + 3;
		return org_head(d, i + 2) &&
		       !(wclass(d, i + 1) & (QG_W_TITLE | QG_W_ROLE));
	}
	*end = i + 2;
	return org_head(d, i + 1) || TOK_IN(&d->sg->toks[i + 1], DOC_NOUNS);
}

/* Does a known outlet or organisation start at token i ("New York
 * Times", "The Hague")? Then its first word is no filler to skip. */
static bool gazetteer_at(const qg_doc *d, size_t i)
{
	const qg_tok *t = &d->sg->toks[i];
	const qg_para *p = &d->sg->paras[d->sg->sents[t->sent].para];
	size_t got = 0;
	bool outlet;

	if (i + 1 >= d->sg->ntok || !cap_word(&d->sg->toks[i + 1]) ||
	    !name_may_start(d, t, p->end))
		return false; /* a lone "The" is skipped whatever follows */
	return qg_lexicon_name(d->lx, d->text + t->start, p->end - t->start,
	                       &got, &outlet) != NULL;
}

/* Does a clause start at token i (its sentence, or after a mark, comma or
 * colon)? */
static bool clause_start(const qg_doc *d, size_t i)
{
	const qg_tok *p;

	if (i == d->sg->sents[d->sg->toks[i].sent].tok0)
		return true;
	p = &d->sg->toks[i - 1];
	return (p->flags & QG_T_MARK) ||
	       ((p->flags & QG_T_PUNCT) && (p->cp == ',' || p->cp == ':'));
}

/* "the Italian", "the Brazilian": a demonym standing alone after "the" is
 * a person (sports and wire copy name a player or coach so), not the
 * adjective of a name. */
static bool lone_demonym(const qg_doc *d, size_t i, size_t k)
{
	return k == i + 1 && (wclass(d, k) & QG_W_DEMONYM) &&
	       qg_tok_is(d->text, &d->sg->toks[i], "the");
}

/* "The annotators said", "Another witness screamed", "the Italian said":
 * a determiner and one to three lower-case words (or a lone demonym)
 * opening a clause, then a verb. Sets *end. */
/* The role word ending "a [senior] [State Department] official" from
 * the indefinite determiner i, a few words of its rank and body before
 * it, none a given name, a pronoun or a preposition; *end past it. */
static bool unnamed_role(const qg_doc *d, size_t i, size_t *end)
{
	const qg_segments *sg = d->sg;
	const qg_tok *det = &sg->toks[i];

	/* "the senior official" is someone named before: a role */
	if (!qg_tok_is(d->text, det, "a") && !qg_tok_is(d->text, det, "an") &&
	    !qg_tok_is(d->text, det, "one") &&
	    !qg_tok_is(d->text, det, "another"))
		return false;
	for (size_t k = i + 1; k < sg->ntok && k < i + 5 &&
	                       sg->toks[k].sent == sg->toks[i].sent;
	     k++) {
		const qg_tok *t = &sg->toks[k];

		if (!(t->flags & QG_T_CAP) && (wclass(d, k) & QG_W_ROLE)) {
			*end = k + 1;
			return true;
		}
		if (!(t->flags & QG_T_WORD) || (t->flags & QG_T_QUOTED) ||
		    (wclass(d, k) & (QG_W_GIVEN | QG_W_PRONOUN)) ||
		    TOK_IN(t, PREPOSITIONS) || t->tag.verb)
			return false;
	}
	return false;
}

static bool group_noun(const qg_doc *d, size_t i, size_t *end)
{
	const qg_segments *sg = d->sg;
	size_t k = i + 1, s = sg->toks[i].sent;
	/* '"...," said the 52-year-old.': after its verb, up to a stop */
	bool inverted = i > 1 && sg->toks[i - 1].sent == s &&
	                sg->toks[i - 1].tag.verb &&
	                (sg->toks[i - 1].tag.form & (QG_VF_PAST | QG_VF_3SG)) &&
	                clause_start(d, i - 1);

	if (!(clause_start(d, i) || inverted) || /* the cheaper test first */
	    !TOK_IN(&sg->toks[i], GROUP_DETS))
		return false;
	/* "A source close to the star", "A spokeswoman for the studio", "A
	 * senior State Department official, speaking on condition of
	 * anonymity, ...": someone unnamed whatever follows the role */
	if (unnamed_role(d, i, end))
		return true;
	for (; k < sg->ntok && k < i + 5 && sg->toks[k].sent == s; k++) {
		const qg_tok *t = &sg->toks[k];

		if (inverted && k > i + 1 && (t->flags & QG_T_PUNCT) &&
		    (t->cp == ',' || t->cp == '.' || t->cp == ';')) {
			*end = k;
			return true;
		}
		if (!(t->flags & QG_T_WORD) || (t->flags & QG_T_QUOTED) ||
		    ((t->flags & QG_T_CAP) && !lone_demonym(d, i, k)))
			return false;
		if (k > i + 1 && (verb_next(d, k) ||
		                  TOK_IN(t, SUBJECT_VERBS))) {
			*end = k;
			return true;
		}
		if ((wclass(d, k) & QG_W_PRONOUN) ||
		    TOK_IN(t, PREPOSITIONS) ||
		    TOK_IN(t, SUBJECT_VERBS))
			return false;
	}
	return false;
}

/* Where the words before source noun i that qualify it start: "Foreign
 * policy analysts", "federal and state officials" (a capital only where
 * a clause starts, the name of no one). */
static size_t source_start(const qg_doc *d, size_t i)
{
	size_t k = i, s0 = d->sg->sents[d->sg->toks[i].sent].tok0;

	while (k > s0 && i - k < 4) {
		const qg_tok *p = &d->sg->toks[k - 1];

		char c0 = d->text[p->start];

		if (!(p->flags & QG_T_WORD) || (c0 >= '0' && c0 <= '9') ||
		    (p->tag.verb &&
		     (p->tag.form & (QG_VF_PAST | QG_VF_3SG | QG_VF_ING))) ||
		    ((p->flags & QG_T_CAP) && !clause_start(d, k - 1)) ||
		    TOK_IN(p, GROUP_DETS) || TOK_IN(p, PRONOUNS) ||
		    ((qg_tok_has(p, QG_S_REPORT_NO_CLAUSE) ||
		      qg_tok_has(p, QG_S_REPORT_NO_SUBJECT)) &&
		     !qg_tok_is(d->text, p, "and")) ||
		    (qg_tok_has(p, QG_S_ATTR_FUNCTION_WORDS) &&
		     !qg_tok_is(d->text, p, "and")) ||
		    qg_tok_is(d->text, p, "million") ||
		    qg_tok_is(d->text, p, "do"))
			break;
		k--;
	}
	while (k < i && qg_tok_is(d->text, &d->sg->toks[k], "and"))
		k++;
	return k;
}

/* "according to state officials": the phrase a few words before source
 * noun i, nothing but lower-case words between. */
static bool after_according(const qg_doc *d, size_t i)
{
	for (size_t k = i; k > 1 && k + 4 > i; k--) {
		const qg_tok *p = &d->sg->toks[k - 1];

		if (qg_tok_is(d->text, p, "to"))
			return qg_tok_is(d->text, &d->sg->toks[k - 2], "according");
		if (!(p->flags & QG_T_WORD) || (p->flags & QG_T_CAP))
			return false;
	}
	return false;
}

/* "police said", "officials warned": a plural source noun with no
 * determiner, right before its verb, is a group. Sets *end. */
static bool bare_source(const qg_doc *d, size_t i, size_t *end)
{
	const qg_tok *t = &d->sg->toks[i];

	if (!TOK_IN(t, BARE_SOURCES) ||
	    ((t->flags & QG_T_CAP) && !clause_start(d, i)) ||
	    i + 1 >= d->sg->ntok || d->sg->toks[i + 1].sent != t->sent ||
	    !(verb_next(d, i + 1) || after_according(d, i)))
		return false;
	/* "West Virginia officials", "Clinton aides": the name before says
	 * whose, and stands for them; not so "But analysts say" */
	if (i > 0 && d->sg->toks[i - 1].sent == t->sent &&
	    (d->sg->toks[i - 1].flags & QG_T_CAP) &&
	    !(wclass(d, i - 1) & QG_W_NOT_NAME))
		return false;
	*end = i + 1;
	return true;
}

/* Skip capitalised words that open a sentence but name nothing. */
static size_t skip_not_names(const qg_doc *d, size_t i, size_t b)
{
	while (i < b) {
		unsigned c = wclass(d, i);

		if (!(c & (QG_W_NOT_NAME | QG_W_PRONOUN)) || (c & QG_W_GIVEN) ||
		    gazetteer_at(d, i) ||
		    (b - i >= 2 && TOK_IN(&d->sg->toks[b - 1], OUTLET_HEADS) &&
		     !qg_tok_is(d->text, &d->sg->toks[i], "the")))
			break; /* "Sunday Herald", "Evening Courier": a paper */
		i++;
	}
	return i;
}

/* ---- transcript labels */

/* Is token t in the label that opens a transcript's turn ("WALLACE:")? */
static bool in_label(const qg_doc *d, const qg_tok *t)
{
	const qg_turn *tn;

	if (!d->qs->nturn)
		return false;
	tn = qg_turn_of_para(d->qs, d->sg->sents[t->sent].para);
	return tn && t->start < tn->start;
}

/* Does the pool string at `off` hold a lower-case letter? A person's name
 * read from a label in capitals holds none. */
static bool has_lower(const qg_resolver *r, size_t off)
{
	for (const char *c = qg_resolver_str(r, off); *c; c++)
		if (*c >= 'a' && *c <= 'z')
			return true;
	return false;
}

/* The newest person named in running text whose surname is the word
 * t[w, w+n) in any case, one with a full name first; -1 when none. */
static long label_person(const qg_resolver *r, const char *t, size_t w,
                         size_t n)
{
	long any = -1;

	for (size_t k = r->ne; k > 0; k--) {
		const qg_entity *e = &r->es[k - 1];
		const char *sur = qg_resolver_str(r, e->surname);
		size_t i = 0;

		if (e->type != QG_M_PERSON || !has_lower(r, e->name))
			continue;
		while (i < n && sur[i] && (sur[i] | 0x20) == (t[w + i] | 0x20))
			i++;
		if (i < n || sur[i])
			continue;
		if (e->words > 1)
			return (long)(k - 1);
		if (any < 0)
			any = (long)(k - 1);
	}
	return any;
}

/* The label's words after its titles ("SEN. TIM KAINE" -> "Tim Kaine")
 * in title case, into out (cap bytes); how many words. */
static size_t label_name(const qg_doc *d, size_t l0, size_t l1, char *out,
                         size_t cap, size_t *last)
{
	const char *t = d->text;
	size_t n = 0, words = 0;

	for (size_t i = l0, e; i < l1; i = e + 1) {
		for (e = i; e < l1 && t[e] != ' ';)
			e++;
		if (words == 0 && (qg_lexicon_word(d->lx, t + i, e - i -
		                                   (t[e - 1] == '.')) &
		                   (QG_W_TITLE | QG_W_HONORIFIC)))
			continue;
		if (n + (e - i) + 2 > cap)
			break;
		if (words++)
			out[n++] = ' ';
		*last = n;
		for (size_t k = i; k < e; k++) {
			bool first = k == i || !((t[k - 1] >= 'A' && t[k - 1] <= 'Z') ||
			                         t[k - 1] == '.');

			out[n++] = !first && t[k] >= 'A' && t[k] <= 'Z'
			                   ? (char)(t[k] | 0x20)
			                   : t[k];
		}
	}
	out[n] = '\0';
	return words;
}

qg_status qg_label_entity(qg_resolver *r, const qg_doc *d, size_t l0,
                          size_t l1, long *out)
{
	char name[QG_LABEL_NAME];
	size_t w = l1, last = 0, words, off;
	qg_status rc = QG_OK;
	uint64_t h;

	while (w > l0 && d->text[w - 1] != ' ')
		w--;
	*out = label_person(r, d->text, w, l1 - w - (d->text[l1 - 1] == '.'));
	if (*out >= 0)
		return QG_OK;
	words = label_name(d, l0, l1, name, sizeof(name), &last);
	if (words == 0)
		return QG_OK; /* "HOST": a role, no name */
	h = name_hash(name);
	*out = entity_find(r, name, h, QG_M_PERSON);
	if (*out < 0)
		rc = pool_str(r, name, &off);
	if (rc == QG_OK && *out < 0)
		rc = entity_add(r, (qg_entity){off, off + last, SIZE_MAX,
		                               QG_M_PERSON, words, -1, 0, 0, 0, h,
		                               name_hash(name + last), 0},
		                out);
	return rc;
}

/* How many of the last tokens of the capitalised run [a, e) are letters
 * after a name ("Colin Ashdown KC", "Ann Roe OBE"): no part of it. The
 * run keeps two words. */
static size_t postnominals(const qg_doc *d, size_t a, size_t e)
{
	size_t n = 0;

	while (e - n > a + 2 &&
	       qg_tok_has(&d->sg->toks[e - n - 1], QG_S_MENTION_POSTNOMINALS))
		n++;
	return n;
}

qg_status qg_mentions_find(qg_resolver *r, const qg_doc *d)
{
	const qg_segments *sg = d->sg;
	qg_status rc = qg__grow((void **)&r->tokm, &r->captokm,
	                        sg->ntok ? sg->ntok : 1, sizeof(long));

	r->nm = 0;
	r->ne = 0;
	qg_buf_reset(&r->pool);
	if (rc == QG_OK)
		rc = eix_reset(r, 0); /* keeps the table, empties it */
	if (rc == QG_OK) /* every byte 0xFF: each entry -1, no mention */
		memset(r->tokm, 0xFF, sg->ntok * sizeof(*r->tokm));
	/* the words outside quotes that are capitalised, pronouns or
	 * determiners of groups ("the"), as the tagger listed them: the tests
	 * below all need one of these. `next` is where a walk over every
	 * token would be, past the tokens a mention took. */
	for (size_t ci = 0, next = 0; rc == QG_OK && ci < d->cs->nmcand; ci++) {
		size_t i = d->cs->mcand[ci], e, a, b;
		const qg_tok *t = &sg->toks[i];

		if (i < next)
			continue; /* inside the mention found before */
		next = i + 1;
		if (t->start >= d->dateline0 && t->start < d->dateline1)
			continue; /* "SAN JOSE, Calif. (Reuters) -" names no one */
		if (in_label(d, t))
			continue; /* the turn's speaker: qg_label_entity() */
		if (TOK_IN(t, PRONOUNS)) {
			rc = mention_add(r, d, (qg_mention){i, i + 1, i, QG_M_PRONOUN,
			                                    0, -1, 0},
			                 NULL);
		} else if (org_noun(d, i, &e)) {
			rc = mention_add(r, d, (qg_mention){i, e, i + 1, QG_M_ORGREF,
			                                    0, -1, 0},
			                 NULL);
			next = e;
		} else if (role_noun(d, i, &e)) {
			rc = mention_add(r, d, (qg_mention){i, e, i + 1, QG_M_ROLE, 0,
			                                    -1, 0},
			                 NULL);
			next = e;
		} else if (group_noun(d, i, &e)) {
			rc = mention_add(r, d, (qg_mention){i, e, i, QG_M_GROUP, 0, -1,
			                                    0},
			                 NULL);
			next = e;
		} else if (bare_source(d, i, &e)) {
			a = source_start(d, i);
			rc = mention_add(r, d, (qg_mention){a, e, a, QG_M_GROUP, 0, -1,
			                                    0},
			                 NULL);
			next = e;
		} else if (t->flags & QG_T_CAP) {
			e = chain_end(d, i);
			a = skip_not_names(d, i, e);
			/* "Colin Ashdown KC": the letters after end the name */
			b = e - postnominals(d, a, e);
			if (a < b)
				rc = chain_mentions(r, d, a, b);
			next = e;
		}
	}
	return rc;
}
