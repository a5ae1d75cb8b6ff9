/*
 * lexicon.h -- the word lists of quotegraph, compiled into the binary and
 * loaded once per extractor into hash tables: reporting verbs in every
 * inflection, titles and roles, honorifics, given names, words that are
 * never names, known outlets and agencies, organisations and countries.
 * Internal. Lookups are O(length of the word); nothing here allocates after
 * qg_lexicon_new().
 */
#ifndef QG_LEXICON_H
#define QG_LEXICON_H

#include <string.h>

#include "../core/core.h"

typedef struct qg_lexicon qg_lexicon;

/* ---- reporting verbs */

/* Inflected forms (a word may be several: "said" is past and participle). */
#define QG_VF_BASE 0x01 /* say */
#define QG_VF_3SG 0x02  /* says */
#define QG_VF_PAST 0x04 /* said */
#define QG_VF_PART 0x08 /* said (past participle: "has said", "was told") */
#define QG_VF_ING 0x10  /* saying */

/* What a verb can do as a cue. */
#define QG_VERB_DIRECT 0x01   /* frames a direct quote: "...," she said */
#define QG_VERB_THAT 0x02     /* takes reported speech: stressed that ... */
#define QG_VERB_AS 0x04       /* "described the talks as 'positive'" */
#define QG_VERB_OF 0x08       /* "accused X of 'sabotage'", "warned of" */
#define QG_VERB_TELL 0x10     /* takes a hearer: "told Izvestia", "told reporters" */
#define QG_VERB_WEAK 0x20     /* a cue only next to a quote (note, add, write) */

typedef struct qg_verb {
	const char *base;  /* "say" */
	unsigned flags;    /* QG_VERB_* */
	uint64_t sets;     /* 1 << QG_S_* for each word list holding the base
	                      (the lists of verbs: QG_S_CUE_THOUGHT_VERBS...) */
} qg_verb;

/* Whether the base of verb v is in the word list `set` (enum qg_set). */
static inline bool qg_verb_in(const qg_verb *v, unsigned set)
{
	return (v->sets >> set) & 1;
}

/* ---- word classes (a word may have several) */
#define QG_W_TITLE 0x0001      /* president, minister, deputy, senator, envoy */
#define QG_W_ROLE 0x0002       /* a role noun that can stand for a person
                                  after "the": minister, spokesman, official */
#define QG_W_HONORIFIC 0x0004  /* Mr, Mrs, Ms, Dr, Sen, Rep, Gov, Gen */
#define QG_W_GIVEN 0x0008      /* a common given name: Alexander, Maria */
#define QG_W_NOT_NAME 0x0010   /* capitalised but never a name: The, However,
                                  Monday, March, Today */
#define QG_W_PRONOUN 0x0020    /* he, she, they, it, I, we */
#define QG_W_DEMONYM 0x0040    /* Russian, French, U.S., British */
#define QG_W_ORG_WORD 0x0080   /* Ministry, Party, Council, Agency, Inc */
#define QG_W_OUTLET_WORD 0x0100 /* newspaper, daily, outlet, agency,
                                   broadcaster, channel, magazine, network */
#define QG_W_MONTH 0x0200
#define QG_W_WEEKDAY 0x0400
#define QG_W_COMPANY_SUFFIX 0x0800 /* Inc, Ltd, Corp, LLC, plc */
#define QG_W_MALE 0x1000       /* he, Mr, spokesman; given names of men */
#define QG_W_FEMALE 0x2000     /* she, Mrs, spokeswoman; of women */

/* Build every table from the embedded data. */
qg_status qg_lexicon_new(qg_lexicon **out);
void qg_lexicon_free(qg_lexicon *lx);

/*
 * The reporting verb whose form `w` (n bytes, any case) is, or NULL. *form
 * receives the QG_VF_* bits of that form. Phrasal and multiword cues are the
 * cue module's business, not the lexicon's.
 */
const qg_verb *qg_lexicon_verb(const qg_lexicon *lx, const char *w, size_t n,
                               unsigned *form);

/* QG_W_* bits of the word `w` (n bytes, matched case-insensitively), 0 when
 * it is in no list. */
unsigned qg_lexicon_word(const qg_lexicon *lx, const char *w, size_t n);

/*
 * The longest known outlet name starting at `text` (of `len` bytes), matched
 * word by word with its capitals as written ("Izvestia", "The New York
 * Times", "CNN", "Xinhua", "RIA Novosti"). Returns the canonical name and
 * sets *matched to the bytes it covers, or returns NULL.
 */
const char *qg_lexicon_outlet(const qg_lexicon *lx, const char *text,
                              size_t len, size_t *matched);

/* The same for organisations, governments and countries ("the Kremlin",
 * "NATO", "Russia", "the White House"). */
const char *qg_lexicon_org(const qg_lexicon *lx, const char *text, size_t len,
                           size_t *matched);

/* qg_lexicon_outlet(), then qg_lexicon_org() when no outlet starts
 * `text`, reading the first word once for both (the mention finder asks
 * both at every capitalised word). *outlet tells which matched. */
const char *qg_lexicon_name(const qg_lexicon *lx, const char *text,
                            size_t len, size_t *matched, bool *outlet);

/* ---- closed word lists (wordsets.c): each a QG_S_* bit of one 64-bit
 * set, named by the file that reads it */
enum qg_set {
	/* cue/cue.c */
	QG_S_CUE_DETERMINERS,
	QG_S_CUE_NOUN_ADJECTIVES,
	QG_S_CUE_MODALS,
	QG_S_CUE_AUXILIARIES,
	QG_S_CUE_SPEECH_NOUNS,
	QG_S_CUE_PHRASE_OPENERS,
	/* cue/report.c */
	QG_S_REPORT_FINITE_WORDS,
	QG_S_REPORT_NO_CLAUSE,
	QG_S_REPORT_SUBORDINATORS,
	QG_S_REPORT_NO_SUBJECT,
	QG_S_REPORT_PREPOSITIONS,
	QG_S_REPORT_ADVERBIALS,
	QG_S_REPORT_TIME_OPENERS,
	QG_S_REPORT_CONTENT_NOUNS,
	QG_S_REPORT_SUBJECT_OPENERS,
	QG_S_REPORT_HEARER_PRONOUNS,
	QG_S_REPORT_MODIFIERS_BEFORE,
	/* resolve/attribute.c */
	QG_S_ATTR_SUBORDINATORS,
	QG_S_ATTR_OUTLET_LINKS,
	QG_S_ATTR_FUNCTION_WORDS,
	QG_S_ATTR_COORDINATORS,
	QG_S_ATTR_ADVERBS,
	QG_S_ATTR_SPEECH_NOUNS_AFTER,
	QG_S_ATTR_SPEECH_LINKS,
	QG_S_ATTR_STAFF_NOUNS,
	QG_S_ATTR_GENERIC_BODIES,
	QG_S_ATTR_DOCUMENT_VERBS,
	QG_S_ATTR_COMPANY_HEADS,
	QG_S_ATTR_PRINT_NOUNS,
	QG_S_ATTR_VENUE_NOUNS,
	QG_S_ATTR_DETERMINERS,
	/* resolve/mention.c */
	QG_S_MENTION_PRONOUNS,
	QG_S_MENTION_CONNECTORS,
	QG_S_MENTION_OUTLET_HEADS,
	QG_S_MENTION_OUTLET_FIRSTS,
	QG_S_MENTION_OUTLET_ALONE,
	QG_S_MENTION_DAY_ENDS,
	QG_S_MENTION_OUTLET_NOUNS,
	QG_S_MENTION_OUTLET_KINDS,
	QG_S_MENTION_PLACE_NOUNS,
	QG_S_MENTION_DOC_NOUNS,
	QG_S_MENTION_PREPOSITIONS,
	QG_S_MENTION_GROUP_DETS,
	QG_S_MENTION_BARE_SOURCES,
	QG_S_MENTION_SUBJECT_VERBS,
	/* quote/turn.c */
	QG_S_TURN_NOT_SPEAKERS,
	QG_S_MENTION_POSTNOMINALS, /* resolve/mention.c */
	QG_S_MENTION_PLACE_HEADS,
	QG_S_MENTION_PARTY_MEMBERS,
	/* verb bases: cue/cue.c, cue/report.c */
	QG_S_CUE_THOUGHT_VERBS,
	QG_S_REPORT_BARE_VERBS,
	QG_S_REPORT_INFINITIVE_VERBS,
	QG_S_REPORT_REQUEST_VERBS,
	QG_S_REPORT_OBJECT_VERBS,
	QG_S_REPORT_BELIEF_VERBS,
	QG_S_COUNT
};

/* Two bits of a word's sets past the lists: the word, lower case, is the
 * first run of ASCII letters and digits of some known outlet name (or a
 * prefix of one, as the name lookups walk them), or of an organisation.
 * A plain word without the bit opens no name of that table. */
#define QG_S_OUTLET_FIRST 62
#define QG_S_ORG_FIRST 63

/* One list: `n` lower-case words. */
typedef struct qg_wordset {
	const char *const *words;
	size_t n;
} qg_wordset;

/* Indexed by enum qg_set. */
extern const qg_wordset qg__wordsets[QG_S_COUNT];

/* Everything the lexicon knows of one word, found in one lookup per table
 * (the word lower-cased once): what qg_lexicon_verb(), qg_lexicon_word()
 * and the word lists would each say of it. */
typedef struct qg_wordinfo {
	uint64_t sets;       /* 1 << QG_S_* for each list holding the word */
	const qg_verb *verb; /* as qg_lexicon_verb() */
	unsigned form;       /* its QG_VF_* form */
	unsigned classes;    /* as qg_lexicon_word() */
} qg_wordinfo;

/* Words of at most this many bytes are found in one probe; no word of a
 * list is longer (test_lexicon checks). */
#define QG_WORD_INFO_MAX 16

/* Fill *out for the word `w` (n bytes, any case); all zero when the
 * lexicon knows nothing of it. `room` is how many bytes from w on may be
 * read (at least n): with 16 or more the word is read 16 bytes at once. */
void qg_lexicon_info(const qg_lexicon *lx, const char *w, size_t n,
                     size_t room, qg_wordinfo *out);

/* ---- the info table, read inline: the tagger looks up every token of an
 * article, and a call per token costs it a fifth of the lookup. Built and
 * owned by the lexicon; read-only after qg_lexicon_new(). */

/* One slot: a key of at most QG_WORD_INFO_MAX bytes packed lower case
 * into two words, zero padded, and what the lexicon says of it. Every
 * field of an empty slot is zero. */
typedef struct qg__islot {
	uint64_t k[2];
	uint64_t sets;       /* 1 << QG_S_* */
	const qg_verb *verb;
	uint32_t len;        /* 0: an empty slot */
	uint32_t more;       /* QG_W_* | QG_VF_* << 16 */
} qg__islot;

typedef struct qg__itable {
	qg__islot *slots;
	size_t mask;     /* capacity - 1; capacity is a power of two */
	uint64_t *quick; /* 65536 bits: see qg__ibit() */
} qg__itable;

/* The info table of `lx` (borrowed: it lives as long as lx); NULL for a
 * NULL lexicon. */
const qg__itable *qg__lexicon_itable(const qg_lexicon *lx);

/* Pack the n <= QG_WORD_INFO_MAX bytes of `w`, ASCII lower-cased, into k. */
static inline void qg__ipack(const char *w, size_t n, uint64_t k[2])
{
	k[0] = k[1] = 0;
	for (size_t i = 0; i < n; i++) {
		uint64_t c = (unsigned char)w[i];

		c |= (uint64_t)(c - 'A' < 26) << 5;
		k[i >> 3] |= c << (8 * (i & 7));
	}
}

/* The eight bytes of `x` with the ASCII capitals lower-cased, all other
 * bytes (UTF-8 ones too) left as they are, eight at a time. */
static inline uint64_t qg__lower8(uint64_t x)
{
	const uint64_t ones = 0x0101010101010101ULL, high = ones * 0x80;
	uint64_t t = x & ~high;                  /* each byte below 0x80 */
	uint64_t ge_a = t + ones * (0x80 - 'A'); /* high bit: t >= 'A' */
	uint64_t gt_z = t + ones * (0x80 - 'Z' - 1); /* high bit: t > 'Z' */
	uint64_t upper = ge_a & ~gt_z & ~x & high;

	return x | upper >> 2; /* 0x80 >> 2 == 0x20 */
}

/* qg__ipack() reading 16 bytes at once: `w` must have 16 readable bytes.
 * The packing puts the first byte lowest, as a little-endian load does;
 * elsewhere (or without GCC's byte-order macros) it goes byte by byte. */
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
#define QG_LX_WIDE 1
#else
#define QG_LX_WIDE 0
#endif

static inline void qg__ipack16(const char *w, size_t n, uint64_t k[2])
{
	uint64_t a, b;

	if (!QG_LX_WIDE) {
		qg__ipack(w, n, k);
		return;
	}
	memcpy(&a, w, 8);
	memcpy(&b, w + 8, 8);
	/* keep the first n bytes (little-endian order, as qg__ipack) */
	if (n < 8) {
		a &= ((uint64_t)1 << (8 * n)) - 1;
		b = 0;
	} else if (n < 16) {
		b &= ((uint64_t)1 << (8 * (n - 8))) - 1;
	}
	k[0] = qg__lower8(a);
	k[1] = qg__lower8(b);
}

/* The tables live in memory only, so the hash may change at will. */
static inline uint64_t qg__ihash(const uint64_t k[2], size_t n)
{
	uint64_t h = (k[0] ^ 0x71676c6578696330ULL) * 0x9E3779B97F4A7C15ULL;

	h ^= (k[1] + n) * 0xbf58476d1ce4e5b9ULL;
	h ^= h >> 29;
	h *= 0x94d049bb133111ebULL;
	return h ^ (h >> 32);
}

/* The quick filter bit of a key: the top 16 bits of its hash, which the
 * slot index (the low bits) leaves alone. Most tokens of an article
 * (function words, verbs) are in the table, so the filter is read after
 * the key is packed and hashed, which the probe needs anyway, and turns
 * away nearly every word that is not there. */
static inline size_t qg__ibit(uint64_t h)
{
	return (size_t)(h >> 48);
}

/* qg_lexicon_info() for a word of 1 to QG_WORD_INFO_MAX bytes, looked up
 * in `t` (of qg__lexicon_itable()). */
static inline void qg__itable_find(const qg__itable *t, const char *w,
                                   size_t n, size_t room, qg_wordinfo *out)
{
	const qg__islot *s = NULL;
	uint64_t k[2], h;
	size_t i, b;

	if (room >= 16)
		qg__ipack16(w, n, k);
	else
		qg__ipack(w, n, k);
	h = qg__ihash(k, n);
	b = qg__ibit(h);
	i = (size_t)h & t->mask;
	/* never full: an empty slot ends every probe */
	if (t->quick[b / 64] >> (b % 64) & 1)
		for (s = &t->slots[i]; s->len; s = &t->slots[i]) {
			if (s->len == n && s->k[0] == k[0] && s->k[1] == k[1])
				break;
			i = (i + 1) & t->mask;
		}
	out->verb = s && s->len ? s->verb : NULL;
	out->form = s && s->len ? s->more >> 16 : 0;
	out->classes = s && s->len ? s->more & 0xFFFF : 0;
	out->sets = s && s->len ? s->sets : 0;
}

#endif
