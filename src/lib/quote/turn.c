/*
 * turn.c -- a transcript printed in an article: paragraphs that open with
 * a speaker's label in capitals and a colon ("WALLACE: ...", "SEN. TIM
 * KAINE (D-VA): ...", "STEVE INSKEEP, HOST: ..."), with or without a
 * quotation mark before the label. Each turn is its speaker's words,
 * verbatim, with no reporting verb. The label is the only cue, so it must
 * look like a name: a label that opens one paragraph only, a notice
 * ("UPDATE:", "EDITOR'S NOTE:") or a fact box's head ("WHEN:") makes no
 * transcript. An interview printed as questions and answers ("Q: ...",
 * "A: ...") is one too: the answers are the interviewee's words, the
 * questions nobody's quote.
 */
#include <string.h>

#include "quote.h"

/* A label longer than this is a shouted sentence, not a speaker. */
#define LABEL_MAX 64
#define LABEL_WORDS 5
/* What parentheses after the name may hold: a party and state ("(D-VA)"),
 * a name after a role ("HOST (JANE ROE)"). */
#define PARTY_MAX 40
/* Label words whose search of the running text is remembered, and the
 * most searches made for one article. */
#define SEEN_MAX 16
#define SEARCH_MAX 64
/* Roles a transcript names in parentheses: a host, a guest or two. */
#define ALIAS_MAX 4

typedef struct label {
	size_t name0, name1; /* the name words, title included */
	size_t alt0, alt1;   /* a name in parentheses after a role ("HOST
	                        (JANE ROE)"), equal when none */
	size_t after;        /* the first byte of the words said */
} label;

static bool upper(char c)
{
	return c >= 'A' && c <= 'Z';
}

static bool letter(char c)
{
	return upper(c) || (c >= 'a' && c <= 'z');
}

/* The end of a word in capitals from t[i] ("PENCE", "O'REILLY", "SEN.",
 * "U.S."), or i when there is none: a word that goes on in lower case
 * ("Pence") is no label. */
static size_t caps_word(const char *t, size_t i, size_t end)
{
	size_t k = i;

	if (k >= end || !upper(t[k]))
		return i;
	while (k < end) {
		if (upper(t[k]) || t[k] == '.')
			k++;
		else if ((t[k] == '\'' || t[k] == '-') && k + 1 < end &&
		         upper(t[k + 1]))
			k++;
		else if (k + 3 < end && memcmp(t + k, "\xE2\x80\x99", 3) == 0 &&
		         upper(t[k + 3]))
			k += 3; /* O’REILLY */
		else
			break;
	}
	return k < end && (letter(t[k]) || (t[k] >= '0' && t[k] <= '9')) ? i
	                                                                : k;
}

/* Words in capitals from t[i], one space apart; their end, or i. */
static size_t caps_words(const char *t, size_t i, size_t end, size_t *n)
{
	size_t k = i, e;

	*n = 0;
	while ((e = caps_word(t, k, end)) > k) {
		k = e;
		(*n)++;
		if (k + 1 < end && t[k] == ' ' && upper(t[k + 1]))
			k++;
		else
			break;
	}
	return *n ? k : i;
}

/* After the name: a role ("STEVE INSKEEP, HOST"), a party ("(D-VA)"),
 * or the name after a role ("HOST (JANE ROE)", two words or more). */
static size_t label_tail(const char *t, size_t i, size_t end, label *lb)
{
	size_t n;

	lb->alt0 = lb->alt1 = 0;
	if (i + 2 < end && t[i] == ',' && t[i + 1] == ' ' && upper(t[i + 2]))
		i = caps_words(t, i + 2, end, &n);
	if (i + 1 < end && t[i] == ' ' && t[i + 1] == '(') {
		const char *close = memchr(t + i + 2, ')',
		                           end - i - 2 < PARTY_MAX ? end - i - 2
		                                                   : PARTY_MAX);
		size_t k = caps_words(t, i + 2, end, &n);

		if (close && k == (size_t)(close - t) && n >= 2) {
			lb->alt0 = i + 2;
			lb->alt1 = k;
		}
		if (close)
			i = (size_t)(close - t) + 1;
	}
	return i;
}

/* A label at t[i]: name words in capitals, a role or party, a colon and
 * a space, then the words said. */
static bool read_label(const char *t, size_t i, size_t end, label *lb)
{
	size_t n, k = caps_words(t, i, end, &n);

	if (n == 0 || n > LABEL_WORDS)
		return false;
	lb->name0 = i;
	lb->name1 = k;
	k = label_tail(t, k, end, lb);
	if (k + 1 >= end || t[k] != ':' || (t[k + 1] != ' ' && t[k + 1] != '\t') ||
	    k - i > LABEL_MAX)
		return false;
	for (k++; k < end && (t[k] == ' ' || t[k] == '\t'); k++)
		;
	lb->after = k;
	return k < end;
}

/* The word ending just before byte p after one space ("Pence" -> "Mike"),
 * its start in *b, a stop after it dropped ("Gov."); false when none. */
static bool word_before(const char *t, size_t p, size_t *b, size_t *e)
{
	if (p < 2 || t[p - 1] != ' ')
		return false;
	*e = p - 1;
	if (t[*e - 1] == '.')
		(*e)--;
	for (*b = *e; *b > 0 && letter(t[*b - 1]); (*b)--)
		;
	return *e > *b && *e - *b <= QG_WORD_INFO_MAX;
}

/* Does a given name, a form of address or a title stand before byte p,
 * next to it or before one more capitalised word ("Mike Pence", "Gov.
 * Pence", "Mayor Ilse Marwick")? Then the word at p is a surname; "New
 * York", "in London" are places. */
static bool named_before(const qg_lexicon *lx, const char *t, size_t p)
{
	const unsigned names = QG_W_GIVEN | QG_W_HONORIFIC | QG_W_TITLE |
	                       QG_W_ROLE;
	size_t b, e;

	if (!word_before(t, p, &b, &e))
		return false;
	if (qg_lexicon_word(lx, t + b, e - b) & names)
		return true;
	return upper(t[b]) && word_before(t, b, &b, &e) &&
	       (qg_lexicon_word(lx, t + b, e - b) & names);
}

/* Is the word t[w, w+n) printed elsewhere in the article as a surname,
 * with a capital and then lower case ("Mike Pence" for "PENCE")? */
static bool in_running_text(const qg_lexicon *lx, const char *t, size_t len,
                            size_t w, size_t n)
{
	for (size_t p = 0; p + n <= len; p++) {
		const char *hit = memchr(t + p, t[w], len - n - p + 1);
		size_t k = 1;

		if (!hit)
			break;
		p = (size_t)(hit - t);
		if (p + 1 >= len || t[p + 1] < 'a' || t[p + 1] > 'z' ||
		    (p > 0 && letter(t[p - 1])))
			continue;
		while (k < n && (t[p + k] | 0x20) == (t[w + k] | 0x20))
			k++;
		if (k == n && (p + n >= len || !letter(t[p + n])) &&
		    named_before(lx, t, p))
			return true;
	}
	return false;
}

/* What the paragraphs before told the next one. */
typedef struct turn_state {
	size_t labelled; /* paragraphs with a speaker's label */
	bool named;      /* some label names a person */
	bool asked, answered; /* an interview printed as "Q:" and "A:" */
	bool open;       /* the last turn opened with a mark and did not
	                    close it: a next paragraph opening with a mark
	                    goes on with it */
	size_t para;     /* that turn's paragraph */
	/* the last words searched for in the running text, and what was
	 * found: a transcript repeats a few labels many times */
	struct seen {
		size_t w, n;
		bool found;
	} seen[SEEN_MAX];
	size_t nseen, searches;
	/* roles whose name a label gave ("HOST (JANE ROE)"), for the
	 * labels that give the role alone ("HOST:") */
	struct alias {
		size_t role0, role1, name0, name1;
	} alias[ALIAS_MAX];
	size_t nalias;
} turn_state;

/* The name of a label that gives a role and a name, kept for the role's
 * later labels; or the name kept for a role alone. */
static void label_alias(turn_state *st, const char *t, label *lb)
{
	size_t n = lb->name1 - lb->name0;

	if (lb->alt1 > lb->alt0 && st->nalias < ALIAS_MAX)
		st->alias[st->nalias++] =
		    (struct alias){lb->name0, lb->name1, lb->alt0, lb->alt1};
	if (lb->alt1 > lb->alt0) {
		lb->name0 = lb->alt0;
		lb->name1 = lb->alt1;
		return;
	}
	for (size_t k = 0; k < st->nalias; k++) {
		const struct alias *a = &st->alias[k];

		if (a->role1 - a->role0 == n &&
		    memcmp(t + a->role0, t + lb->name0, n) == 0) {
			lb->name0 = a->name0;
			lb->name1 = a->name1;
			return;
		}
	}
}

/* in_running_text() for the label word t[w, w+n), asked once per word:
 * after SEARCH_MAX searches an article of endless labels gets no more. */
static bool known_in_text(turn_state *st, const qg_lexicon *lx,
                          const char *t, size_t len, size_t w, size_t n)
{
	struct seen *s;

	for (size_t k = 0; k < st->nseen; k++)
		if (st->seen[k].n == n && memcmp(t + st->seen[k].w, t + w, n) == 0)
			return st->seen[k].found;
	if (st->searches >= SEARCH_MAX)
		return false;
	st->searches++;
	s = &st->seen[st->nseen < SEEN_MAX ? st->nseen++ : st->searches % SEEN_MAX];
	*s = (struct seen){w, n, in_running_text(lx, t, len, w, n)};
	return s->found;
}

/* What a label is: a notice or a fact box's head ("UPDATE:", "WHEN:"),
 * whose first word is of a list of their own; a label that names a
 * person, by a known given name, a title before more words ("SEN.
 * KAINE"), or a last word the running text prints as a name; or else a
 * label of a speaker's shape, a turn once some other label of the article
 * names a person (the host's surname may be printed nowhere else). */
enum { LABEL_NONE, LABEL_SHAPE, LABEL_PERSON, LABEL_QA };

static int label_kind(const qg_lexicon *lx, const char *t, size_t len,
                      const label *lb, turn_state *st)
{
	size_t i = lb->name0, last = lb->name0, words = 0;
	bool titled = false, given = false;

	while (i < lb->name1) {
		size_t e = i, n;
		qg_wordinfo wi;

		while (e < lb->name1 && t[e] != ' ')
			e++;
		n = e - i - (t[e - 1] == '.');
		qg_lexicon_info(lx, t + i, n, lb->name1 - i, &wi);
		if (words == 0 && (wi.sets & (1ULL << QG_S_TURN_NOT_SPEAKERS)))
			return LABEL_NONE;
		titled |= words == 0 &&
		          (wi.classes & (QG_W_TITLE | QG_W_HONORIFIC)) != 0;
		given |= (wi.classes & QG_W_GIVEN) != 0;
		last = i;
		words++;
		i = e + 1;
	}
	if (given || (titled && words > 1) ||
	    (!st->named && lb->name1 - last > 1 &&
	     known_in_text(st, lx, t, len, last, lb->name1 - last)))
		return LABEL_PERSON;
	return LABEL_SHAPE;
}

/* The end of the words said in [from, p1): without the spaces and, in a
 * turn that opened with a mark, the mark that closes it (*closed). */
static size_t said_end(const char *t, size_t from, size_t p1, bool marked,
                       bool *closed)
{
	while (p1 > from && (t[p1 - 1] == ' ' || t[p1 - 1] == '\t'))
		p1--;
	*closed = false;
	if (marked && p1 > from && t[p1 - 1] == '"') {
		p1--;
		*closed = true;
	} else if (marked && p1 >= from + 3 &&
	           memcmp(t + p1 - 3, "\xE2\x80\x9D", 3) == 0) {
		p1 -= 3;
		*closed = true;
	}
	while (p1 > from && (t[p1 - 1] == ' ' || t[p1 - 1] == '\t'))
		p1--;
	return p1;
}

static qg_status turn_add(qg_quotes *qs, qg_turn tn)
{
	qg_status rc = qg__grow((void **)&qs->turns, &qs->capturn,
	                        qs->nturn + 1, sizeof(qg_turn));

	if (rc == QG_OK)
		qs->turns[qs->nturn++] = tn;
	return rc;
}

/* What the label opening t[i, end) is, into *lb: none, the "Q:" or "A:"
 * of an interview, or a speaker's label read through the roles named
 * before it (label_alias()). */
static int para_label(const qg_lexicon *lx, const char *t, size_t len,
                      size_t i, size_t end, turn_state *st, label *lb)
{
	if (!read_label(t, i, end, lb))
		return LABEL_NONE;
	if (lb->name1 == lb->name0 + 1 &&
	    (t[lb->name0] == 'Q' || t[lb->name0] == 'A'))
		return LABEL_QA;
	label_alias(st, t, lb);
	return label_kind(lx, t, len, lb, st);
}

/* The turn of paragraph `pi`, if it has one: its own label, or the words
 * of the turn before carried on after a mark. */
static qg_status para_turn(qg_quotes *qs, const qg_lexicon *lx,
                           const char *t, size_t len, const qg_para *p,
                           size_t pi, turn_state *st)
{
	size_t i = p->start, j = p->start;
	uint32_t cp = p->start < p->end ? qg_utf8_next(t, p->end, &j) : 0;
	bool marked = cp == '"' || cp == 0x201C, closed;
	bool goes_on = marked && st->open && st->para + 1 == pi;
	qg_turn tn;
	label lb;
	int kind;

	if (marked)
		for (i = j; i < p->end && t[i] == ' '; i++)
			;
	kind = para_label(lx, t, len, i, p->end, st, &lb);
	if (kind == LABEL_QA && t[lb.name0] == 'Q') {
		/* the interviewer's question: the publication asks, nobody
		 * is quoted */
		st->asked = true;
		st->labelled++;
		st->open = false;
		return turn_add(qs, (qg_turn){pi, 0, 0, p->end, p->end});
	}
	st->answered |= kind == LABEL_QA;
	if (kind != LABEL_NONE) {
		tn = (qg_turn){pi, lb.name0, lb.name1, lb.after, 0};
		st->labelled++;
		st->named |= kind == LABEL_PERSON;
	} else if (goes_on && i < p->end && t[i] != '(' && t[i] != '[') {
		tn = qs->turns[qs->nturn - 1];
		tn.para = pi;
		tn.start = i;
	} else if (goes_on && i < p->end) {
		/* "(CROSSTALK)": a direction, nobody's words, and no quote of
		 * its own for its mark; the transcript goes on after it */
		st->para = pi;
		return turn_add(qs, (qg_turn){pi, 0, 0, p->end, p->end});
	} else {
		st->open = false;
		return QG_OK;
	}
	tn.end = said_end(t, tn.start, p->end, marked, &closed);
	st->open = marked && !closed;
	st->para = pi;
	return tn.end > tn.start ? turn_add(qs, tn) : QG_OK;
}

qg_status qg_turns_find(qg_quotes *qs, const qg_lexicon *lx,
                        const char *text, size_t len, const qg_segments *sg)
{
	turn_state st;
	qg_status rc = QG_OK;

	memset(&st, 0, sizeof(st));
	qs->nturn = 0;
	for (size_t pi = 0; rc == QG_OK && pi < sg->npara; pi++)
		rc = para_turn(qs, lx, text, len, &sg->paras[pi], pi, &st);
	/* one labelled paragraph is a dateline or a headline's form, no
	 * transcript; nor are labels that name no one */
	if (!(st.labelled >= 2 && st.named) && !(st.asked && st.answered))
		qs->nturn = 0;
	return rc;
}

/* The first turn whose paragraph (by_para) or end byte is `key` or more,
 * found by halves: turns are in text order, both ways. */
static size_t turn_from(const qg_quotes *qs, size_t key, bool by_para)
{
	size_t lo = 0, hi = qs->nturn;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if ((by_para ? qs->turns[mid].para : qs->turns[mid].end) < key)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

const qg_turn *qg_turn_of_para(const qg_quotes *qs, size_t para)
{
	size_t k = turn_from(qs, para, true);

	return k < qs->nturn && qs->turns[k].para == para ? &qs->turns[k] : NULL;
}

const qg_turn *qg_turn_at(const qg_quotes *qs, size_t pos)
{
	size_t k = turn_from(qs, pos + 1, false); /* the first ending past pos */

	return k < qs->nturn && qs->turns[k].start <= pos ? &qs->turns[k] : NULL;
}
