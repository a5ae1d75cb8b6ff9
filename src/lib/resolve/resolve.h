/*
 * resolve.h -- mentions (people with their titles, pronouns, role nouns,
 * organisations, outlets), the entities they name, and the attribution
 * sieves that give each quote its speaker, cue and outlet. Internal.
 */
#ifndef QG_RESOLVE_H
#define QG_RESOLVE_H

#include "../cue/cue.h"
#include "../quote/quote.h"

enum qg_mtype {
	QG_M_PERSON = 1,
	QG_M_ORG,
	QG_M_OUTLET,
	QG_M_PRONOUN, /* he, she */
	QG_M_ROLE,    /* "the minister", "The President" */
	QG_M_ORGREF,  /* "the board", "the statement": named before */
	QG_M_GROUP    /* "The annotators", "another witness": unnamed */
};

#define QG_MF_WEAK 0x01 /* one capitalised word opening a sentence */
#define QG_MF_POSS 0x02 /* possessive: "Grushko's" */
#define QG_MF_PREP 0x04 /* follows a preposition: "with Putin" */
#define QG_MF_PLURAL 0x08
#define QG_MF_MOD 0x10 /* modifies a noun: "Tulsa police", "Trump aide" */

typedef struct qg_mention {
	size_t tok0, tok1; /* the whole mention, title included */
	size_t name0;      /* first token of the name proper */
	int type;          /* enum qg_mtype */
	unsigned flags;    /* QG_MF_* */
	long entity;       /* index into the entities, -1 when none */
	size_t sent;
} qg_mention;

typedef struct qg_entity {
	size_t name;    /* offsets of NUL-terminated strings in the pool */
	size_t surname;
	size_t title;   /* SIZE_MAX when none */
	int type;       /* QG_M_PERSON, QG_M_ORG, QG_M_OUTLET or QG_M_GROUP */
	size_t words;   /* words in the name */
	long outlet;    /* the outlet this speaker spoke to (article scope) */
	size_t outlet_pos; /* byte from which that scope holds */
	size_t outlet_end; /* byte where it stops (another occasion), 0: never */
	size_t talk_pos;   /* 1 + byte of a first unnamed interview, 0: none */
	uint64_t hname, hsur; /* hashes of name and surname: the lookups
	                         compare strings only when these agree */
	unsigned sex;   /* QG_W_MALE or QG_W_FEMALE when the name or a form of
	                   address says so, else 0 */
} qg_entity;

/* What the sieves decided for one quote or reported clause. */
typedef struct qg_decision {
	bool keep;          /* false: no quote (scare quotes, titles, ...) */
	int kind;           /* qg_kind */
	size_t start, end;  /* the quote text */
	size_t sent;
	long cue;           /* index into the cues, -1 */
	long speaker;       /* entity, -1 */
	bool subject;       /* the cue has a subject, resolved or not */
	long outlet;        /* entity, -1 */
	size_t venue0, venue1; /* bytes of a venue, equal when none */
	const char *rule;
	double confidence;
} qg_decision;

/* Everything the resolver reads: the article and its earlier stages. */
typedef struct qg_doc {
	const char *text;
	size_t len;
	const qg_lexicon *lx;
	const qg_segments *sg;
	const qg_quotes *qs;
	const qg_cues *cs;
	size_t title0, title1; /* the title line, equal when none */
	size_t dateline0, dateline1; /* a wire dateline ("SAN JOSE, Calif.,
	                                Oct 8 (Reuters) -"): names no
	                                speaker; equal when none */
} qg_doc;

/* An entity index slot whose holder was renamed away from its key. */
#define QG_ENT_STALE (-2)

/* Per-article state, its arrays reused from one article to the next. */
typedef struct qg_resolver {
	qg_mention *ms;
	size_t nm, capm;
	qg_entity *es;
	size_t ne, cape;
	qg_buf pool;
	qg_decision *ds;
	size_t nd, capd;
	size_t nquotes; /* the first decisions, one per quote, in text order */
	bool *cueused;  /* per cue: it frames a direct quote */
	size_t capcueused;
	long *tokm; /* for each token, the mention holding it or -1 */
	size_t captokm;
	/* the entities by the hash of their name and type, and persons by
	 * the hash of their surname: the newest holder of each key, a hint
	 * that every lookup checks (mention.c); slots of another generation
	 * (article) are empty */
	struct qg_ent_slot {
		uint64_t key;
		long ent; /* QG_ENT_STALE: look the slow way */
		uint32_t gen;
	} *eix;
	size_t eixcap, eixn; /* capacity (a power of two, or 0), keys */
	uint32_t eixgen;
	/* what decide_outlet reads of one sentence, kept for the next
	 * decision in it: a sentence framing many quotes or clauses is
	 * scanned once, not once per decision */
	struct qg_sent_memo {
		size_t sent; /* SIZE_MAX: nothing kept */
		long outlet;
		bool other_venue;
		size_t venue0, venue1;
		size_t strong_sent; /* the same for the outlet a speaker keeps */
		long strong;
	} memo;
} qg_resolver;

void qg_resolver_dispose(qg_resolver *r);

/* Find mentions and entities, then decide every quote and reported
 * clause of `doc` into r->ds. */
qg_status qg_resolve(qg_resolver *r, const qg_doc *doc);

/* The string at pool offset `off` (NULL for SIZE_MAX). */
const char *qg_resolver_str(const qg_resolver *r, size_t off);

/* Internal steps, exposed for the unit tests. */
qg_status qg_mentions_find(qg_resolver *r, const qg_doc *doc);
long qg_resolve_mention(const qg_resolver *r, const qg_doc *doc, long m);
/* The person a transcript label [l0, l1) names, into *out: the article's
 * person of that surname (any case), else a new one named by the label in
 * title case; -1 when the label is a role alone ("HOST"). */
#define QG_LABEL_NAME 80
qg_status qg_label_entity(qg_resolver *r, const qg_doc *doc, size_t l0,
                          size_t l1, long *out);

#endif
