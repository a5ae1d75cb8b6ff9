/*
 * cue.h -- reporting cues found in an article's tokens: reporting verbs in
 * any inflection (through the lexicon), told to a hearer, and multiword cues
 * ("according to", "in an interview with", "in remarks made to", "in a
 * statement"). Internal.
 */
#ifndef QG_CUE_H
#define QG_CUE_H

#include "../lexicon/lexicon.h"
#include "../text/segment.h"

/* Cue kinds beyond the verb's own QG_VERB_* flags. */
#define QG_CUE_VERB 0x01      /* a reporting verb */
#define QG_CUE_ACCORDING 0x02 /* "according to X" */
#define QG_CUE_NOUN 0x04      /* "in an interview with", "in a statement" */
#define QG_CUE_PASSIVE 0x08   /* "was told", "is quoted" */
#define QG_CUE_INFINITIVE 0x10 /* "to say", "would say": not a speech act */
#define QG_CUE_THOUGHT 0x20   /* think, believe: thought, not speech */
#define QG_CUE_BY 0x40        /* "relayed by", "reported by": the agent follows */
#define QG_CUE_PARTICIPLE 0x80 /* "saying", "adding": subject of the clause */

typedef struct qg_cue {
	size_t tok0, tok1;    /* its tokens [tok0, tok1) */
	size_t head;          /* the verb's token (tok0 for phrases) */
	size_t sent;
	const qg_verb *verb;  /* NULL for phrase cues */
	unsigned form;        /* QG_VF_* of the verb form */
	unsigned vflags;      /* QG_VERB_* */
	unsigned kind;        /* QG_CUE_* */
	char text[40];        /* lower case, for output: "said", "according to" */
} qg_cue;

/* The content of reported speech: tokens [tok0, tok1) reported by a cue.
 * "A, she said, B" gives two, one for each part. */
typedef struct qg_report {
	size_t cue; /* index into the cues */
	size_t tok0, tok1;
	bool quoted; /* quotes a phrase: the frame of a partial quote, which
	              * is recorded instead of the reported speech */
} qg_report;

typedef struct qg_cues {
	qg_cue *items;
	size_t n, cap;
	qg_report *reps; /* in the order of their cues */
	size_t nrep, caprep;
	long *tokcue;    /* scratch: per token, the cue starting there or -1 */
	size_t captokcue;
	size_t *cand;    /* scratch: the tokens a cue may start at (a verb
	                    form or a phrase opener outside quotes), in order */
	size_t ncand, capcand;
	size_t *mcand;   /* the tokens a mention may start at, for the
	                    mention finder (resolve/mention.c): words outside
	                    quotes, capitalised or in its lists of pronouns
	                    and group determiners; found while tagging */
	size_t nmcand, capmcand;
} qg_cues;

void qg_cues_dispose(qg_cues *cs);

/* Tag every token with what the lexicon says of its word (the tag of
 * qg_tok), one lookup per token, so that the cue and resolve stages test
 * word lists and verbs by reading a field however often they ask. */
void qg_tokens_tag(qg_segments *sg, const qg_lexicon *lx, const char *text);

/* Every cue outside quotes, in token order, and the clauses they report
 * (qg_reports_find). Tags the tokens first (qg_tokens_tag). */
qg_status qg_cues_find(qg_cues *cs, const qg_lexicon *lx, const char *text,
                       qg_segments *sg);

/* The reported clauses of the cues found (needs qg_cues_find first). */
qg_status qg_reports_find(qg_cues *cs, const char *text,
                          const qg_segments *sg);

/* Whether token `tok` lies in the clause reported by a speech cue. */
bool qg_reports_frame(const qg_cues *cs, const qg_segments *sg, size_t tok);

/* Case-insensitive comparison of token `t` with the lower-case word `w`.
 * Inline, and without strlen: every module tries words against lists of
 * words with it, and most tries fail on the first byte. */
static inline bool qg_tok_is(const char *text, const qg_tok *t,
                             const char *w)
{
	const char *s = text + t->start;
	size_t n = t->end - t->start, i = 0;

#if defined(__GNUC__)
	/* a word of another length is no match: where w is a literal (the
	 * length then known when compiling) that is one test */
	if (__builtin_constant_p(__builtin_strlen(w)) &&
	    n != __builtin_strlen(w))
		return false;
#endif
	for (; i < n; i++) {
		char c = s[i];

		if (c >= 'A' && c <= 'Z')
			c = (char)(c + 32);
		if (c != w[i]) /* also stops at the end of w: no token byte is NUL */
			return false;
	}
	return w[n] == '\0';
}

/* Whether a cue can frame a direct quote / reported speech. */
bool qg_cue_speech(const qg_cue *c);

#endif
