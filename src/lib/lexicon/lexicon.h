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

#endif
