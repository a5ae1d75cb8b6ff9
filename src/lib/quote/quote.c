/*
 * quote.c -- pairing of quotation marks, in one pass over each paragraph
 * with a stack (after CoreNLP's QuoteAnnotator: a table of mark families,
 * nesting only of another family, unclosed quotes kept to the paragraph
 * end), plus the multi-paragraph convention of news copy.
 */
#include <string.h>

#include "quote.h"

enum { FAM_DOUBLE, FAM_SINGLE, FAM_ANGLE };
enum { CAN_OPEN = 1, CAN_CLOSE = 2 };

void qg_quotes_dispose(qg_quotes *qs)
{
	qg__free(qs->items);
	qg__free(qs->stack);
	qg__free(qs->turns);
	memset(qs, 0, sizeof(*qs));
}

/* The family of a mark code point, or -1. */
static int family(uint32_t cp)
{
	switch (cp) {
	case '"': case 0x201C: case 0x201D: case 0x201E: case 0x201F:
		return FAM_DOUBLE;
	case '\'': case 0x2018: case 0x2019: case 0x201A: case 0x201B:
		return FAM_SINGLE;
	case 0xAB: case 0xBB: case 0x2039: case 0x203A:
		return FAM_ANGLE;
	default:
		return -1;
	}
}

static bool is_word(uint32_t cp)
{
	return qg_cp_letter(cp);
}

static bool open_ctx(uint32_t prev)
{
	return prev == 0 || qg_cp_space(prev) || prev == '(' || prev == '[' ||
	       prev == '{' || prev == 0x2014 || prev == 0x2013 || prev == '-' ||
	       prev == '/' || prev == ':' || family(prev) >= 0;
}

/* What a mark can do, from itself and its neighbours (0: apostrophe). */
static int mark_roles(const char *text, size_t pos, size_t end, size_t p0,
                      size_t p1, uint32_t cp)
{
	size_t i = pos, j = end;
	uint32_t prev = pos > p0 ? qg_utf8_prev(text, &i) : 0;
	uint32_t next = end < p1 ? qg_utf8_next(text, p1, &j) : 0;
	int roles = 0;

	if (next != 0 && !qg_cp_space(next) && open_ctx(prev))
		roles |= CAN_OPEN;
	if (prev != 0 && !qg_cp_space(prev) &&
	    (next == 0 || !is_word(next) || family(next) >= 0))
		roles |= CAN_CLOSE;
	switch (cp) {
	case 0x201C: case 0x201E: case 0x2018: case 0x201A: case 0xAB:
	case 0x2039:
		/* an opener by shape; “ also closes „ */
		roles &= cp == 0x201C ? (CAN_OPEN | CAN_CLOSE) : CAN_OPEN;
		if (cp == 0x201C && (roles & CAN_OPEN))
			roles = CAN_OPEN;
		if (!roles && cp != 0x201C)
			roles = CAN_OPEN;
		break;
	case 0x201D: case 0xBB: case 0x203A:
		roles = CAN_CLOSE;
		break;
	default:
		break;
	}
	if (family(cp) == FAM_SINGLE && cp != 0x2018 && cp != 0x201A) {
		/* work’s, don't: between letters; ’90s: before a digit */
		if (prev && next && is_word(prev) && is_word(next))
			roles = 0;
		if (next >= '0' && next <= '9')
			roles &= ~CAN_OPEN;
		/* rock 'n' roll */
		if ((next == 'n' || prev == 'n') && j < p1 &&
		    (text[j] == '\'' || (pos >= 2 && text[pos - 2] == '\'')))
			roles = 0;
	}
	if (cp == 0x2018 && next >= '0' && next <= '9')
		roles = 0;
	return roles;
}

static qg_status push(qg_quotes *qs, qg_mark m)
{
	qg_status rc = qg__grow((void **)&qs->stack, &qs->capstack,
	                        qs->depth + 1, sizeof(qg_mark));

	if (rc == QG_OK)
		qs->stack[qs->depth++] = m;
	return rc;
}

/* Emit the quote opened by `o` whose text ends at `end`. The spaces that
 * French and German set inside their marks (« un écran », „ so “) are
 * no part of the words. */
static qg_status emit(qg_quotes *qs, const qg_mark *o, size_t para0,
                      size_t para1, size_t end, size_t close, unsigned flags,
                      const char *text)
{
	qg_status rc;
	size_t start = o->end, i = o->end, j = end;

	while (i < end && qg_cp_space(qg_utf8_next(text, end, &i)))
		start = i;
	while (j > start && qg_cp_space(qg_utf8_prev(text, &j)))
		end = j;
	if (end <= start)
		return QG_OK; /* empty quote: "" */
	rc = qg__grow((void **)&qs->items, &qs->cap, qs->n + 1,
	              sizeof(qg_quote));
	if (rc == QG_OK)
		qs->items[qs->n++] = (qg_quote){o->pos, start, end, close,
		                                para0, para1, o->cp, flags};
	return rc;
}

/* Where in the stack a closing mark of `fam` finds its opener, or -1.
 * Only a quote of another family may stand between them. */
static long find_opener(const qg_quotes *qs, int fam)
{
	for (size_t k = qs->depth; k > 0; k--)
		if (qs->stack[k - 1].family == fam)
			return (long)(k - 1);
	return -1;
}

/* The first bytes of every quotation mark: '"', '\'', and the lead bytes
 * of U+00AB/U+00BB (0xC2) and of U+2018..U+201F (0xE2). */
static const bool mark_lead[256] = {
	['"'] = true, ['\''] = true, [0xC2] = true, [0xE2] = true,
};

/* Whether the eight bytes of x may hold a mark's first byte: a '"', a
 * '\'' or any byte of 0x80 and above (a zero byte of x ^ c is a byte c). */
static bool may_hold_mark(uint64_t x)
{
	const uint64_t ones = 0x0101010101010101ULL, high = ones * 0x80;
	uint64_t dq = x ^ (ones * '"'), sq = x ^ (ones * '\'');

	return (((dq - ones) & ~dq) | ((sq - ones) & ~sq) | x) & high;
}

/* The first mark lead byte in [s, p1), or p1: eight bytes at a time
 * through the text without any, byte by byte where there may be one. */
static size_t mark_lead_at(const char *text, size_t s, size_t p1)
{
	for (;;) {
		size_t stop;
		uint64_t x;

#if QG_SSE2
		/* sixteen at a time where SSE2 is there (every x86-64): a
		 * byte equal to '"' or '\'', or with its high bit set */
		while (s + 16 <= p1) {
			__m128i v = _mm_loadu_si128((const __m128i *)(text + s));
			__m128i q = _mm_or_si128(
			    _mm_cmpeq_epi8(v, _mm_set1_epi8('"')),
			    _mm_cmpeq_epi8(v, _mm_set1_epi8('\'')));

			if (_mm_movemask_epi8(_mm_or_si128(q, v)))
				break;
			s += 16;
		}
#endif
		while (s + 8 <= p1) {
			memcpy(&x, text + s, 8);
			if (may_hold_mark(x))
				break;
			s += 8;
		}
		stop = s + 8 < p1 ? s + 8 : p1;
		while (s < stop && !mark_lead[(unsigned char)text[s]])
			s++;
		if (s < stop || s >= p1)
			return s;
	}
}

/* The next mark in [*i, p1), or false. */
static bool next_mark(const char *text, size_t *i, size_t p1, qg_mark *m)
{
	while (*i < p1) {
		size_t s = mark_lead_at(text, *i, p1);
		uint32_t cp;

		*i = s;
		if (s >= p1)
			break;
		cp = qg_utf8_next(text, p1, i);
		if (family(cp) >= 0) {
			*m = (qg_mark){s, *i, cp, family(cp), false};
			return true;
		}
	}
	return false;
}

/* Does paragraph `p` open with a mark of family `fam`? Sets *m to it. */
static bool opens_with(const char *text, const qg_para *p, int fam,
                       qg_mark *m)
{
	size_t i = p->start;
	uint32_t cp = qg_utf8_next(text, p->end, &i);

	if (family(cp) != fam || cp == 0x201D || cp == 0xBB)
		return false;
	*m = (qg_mark){p->start, i, cp, fam, true};
	return true;
}

typedef struct pair_state {
	qg_mark carry;   /* an outer quote carried over from paragraphs before */
	bool carrying;
	size_t carry_para;
} pair_state;

/* Is `m` a “ closing a „ quote with a space before it ("„ So nicht “,")?
 * Read alone it would open a quote; after „ and before no word it
 * closes. */
static bool spaced_close(const qg_quotes *qs, const char *text,
                         const qg_para *p, const qg_mark *m)
{
	size_t j = m->end;
	uint32_t next = m->end < p->end ? qg_utf8_next(text, p->end, &j) : 0;
	long k = find_opener(qs, FAM_DOUBLE);

	return m->cp == 0x201C && k >= 0 && qs->stack[k].cp == 0x201E &&
	       !is_word(next) && family(next) < 0;
}

/* Is `m` a straight " after a space that follows a closing single mark
 * ("the term 'outreach,' " he told")? Typesetters set the two closing
 * marks apart; read alone, the " would open a quote. */
static bool spaced_after_single(const qg_quotes *qs, const char *text,
                                const qg_para *p, const qg_mark *m)
{
	size_t i = m->pos, j = m->end;
	uint32_t next = m->end < p->end ? qg_utf8_next(text, p->end, &j) : 0;
	uint32_t before;

	if (m->cp != '"' || is_word(next) || find_opener(qs, FAM_DOUBLE) < 0 ||
	    i <= p->start || !qg_cp_space(qg_utf8_prev(text, &i)) ||
	    i <= p->start)
		return false;
	before = qg_utf8_prev(text, &i);
	return before == '\'' || before == 0x2019;
}

/* Handle one mark of paragraph `pi`. */
static qg_status on_mark(qg_quotes *qs, pair_state *st, const char *text,
                         const qg_para *p, size_t pi, qg_mark m)
{
	int roles = spaced_close(qs, text, p, &m) ||
	                    spaced_after_single(qs, text, p, &m)
	                    ? CAN_CLOSE
	                    : mark_roles(text, m.pos, m.end, p->start, p->end, m.cp);
	long k = (roles & CAN_CLOSE) ? find_opener(qs, m.family) : -1;
	qg_status rc = QG_OK;

	/* a straight mark that can open, with its family open only deeper
	 * than a curly quote of that family, opens a nested one */
	if (k >= 0 && (roles & CAN_OPEN) && (size_t)k + 1 < qs->depth)
		k = -1;
	if (k >= 0) {
		qg_mark o = qs->stack[k];

		qs->depth = (size_t)k;
		if (k == 0 && st->carrying)
			rc = emit(qs, &st->carry, st->carry_para, pi, m.pos, m.end,
			          QG_Q_MULTIPARA, text);
		else if (k == 0)
			rc = emit(qs, &o, pi, pi, m.pos, m.end, 0, text);
		if (k == 0)
			st->carrying = false;
	} else if (roles & CAN_OPEN) {
		m.opener = true;
		rc = push(qs, m);
	}
	return rc;
}

/* At the end of paragraph `pi`: carry the outer quote on, or close it. */
static qg_status para_end(qg_quotes *qs, pair_state *st, const char *text,
                          const qg_segments *sg, size_t pi, size_t *skip)
{
	qg_mark o, again;
	qg_status rc = QG_OK;
	bool more;

	*skip = 0;
	if (qs->depth == 0)
		return QG_OK;
	o = st->carrying ? st->carry : qs->stack[0];
	/* a transcript's next turn opens with a mark of its own; a curly
	 * mark does not go on with a straight one, or the reverse: text
	 * pasted from elsewhere has its own quotes */
	more = pi + 1 < sg->npara && o.family != FAM_SINGLE &&
	       !qg_turn_of_para(qs, pi + 1) &&
	       opens_with(text, &sg->paras[pi + 1], o.family, &again) &&
	       (o.cp == '"') == (again.cp == '"');
	if (more) {
		if (!st->carrying)
			st->carry_para = pi;
		st->carry = o;
		st->carrying = true;
		qs->depth = 1;
		qs->stack[0] = o;
		*skip = again.end;
		return QG_OK;
	}
	if (o.family != FAM_SINGLE)
		rc = emit(qs, &o, st->carrying ? st->carry_para : pi, pi,
		          sg->paras[pi].end, sg->paras[pi].end,
		          QG_Q_UNCLOSED | (st->carrying ? QG_Q_MULTIPARA : 0), text);
	st->carrying = false;
	qs->depth = 0;
	return rc;
}

qg_status qg_quotes_find(qg_quotes *qs, const char *text,
                         const qg_segments *sg)
{
	qg_status rc = QG_OK;
	pair_state st = {{0, 0, 0, 0, false}, false, 0};
	size_t skip = 0;

	qs->n = 0;
	qs->depth = 0;
	for (size_t pi = 0; rc == QG_OK && pi < sg->npara; pi++) {
		const qg_para *p = &sg->paras[pi];
		const qg_turn *tn = qg_turn_of_para(qs, pi);
		size_t i = skip > p->start ? skip : p->start;
		qg_mark m;

		/* the marks of a turn are those of the words said: the one
		 * that may open the paragraph before its label is none */
		if (tn)
			i = tn->start;
		if (!st.carrying)
			qs->depth = 0;
		while (rc == QG_OK && next_mark(text, &i, p->end, &m))
			rc = on_mark(qs, &st, text, p, pi, m);
		if (rc == QG_OK)
			rc = para_end(qs, &st, text, sg, pi, &skip);
	}
	return rc;
}

const qg_quote *qg_quotes_at(const qg_quotes *qs, size_t pos)
{
	size_t lo = 0, hi = qs->n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (qs->items[mid].end <= pos)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo < qs->n && qs->items[lo].start <= pos && pos < qs->items[lo].end)
		return &qs->items[lo];
	return NULL;
}

bool qg_quotes_inside(const void *ctx, size_t pos)
{
	return qg_quotes_at(ctx, pos) != NULL;
}
