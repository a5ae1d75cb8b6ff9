/*
 * test_quote.c -- pairing of quotation marks: every mark family,
 * apostrophes, nesting, quotes over paragraphs, unbalanced marks, and a
 * megabyte line with a stray mark. Invented sentences only.
 */
#include "testutil.h"

#include "../quote/quote.h"

typedef struct fixture {
	qg_segments sg;
	qg_quotes qs;
} fixture;

static void pair(fixture *f, const char *text)
{
	memset(f, 0, sizeof(*f));
	assert_int_equal(qg_segment_paras(&f->sg, text, strlen(text)), QG_OK);
	assert_int_equal(qg_quotes_find(&f->qs, text, &f->sg), QG_OK);
}

static void done(fixture *f)
{
	qg_quotes_dispose(&f->qs);
	qg_segments_dispose(&f->sg);
}

/* The text of quote i as a fresh string (static buffer). */
static const char *qtext(const fixture *f, const char *text, size_t i)
{
	static char out[256];
	const qg_quote *q = &f->qs.items[i];
	size_t n = q->end - q->start;

	assert_true(n < sizeof(out));
	memcpy(out, text + q->start, n);
	out[n] = '\0';
	return out;
}

static void test_quote_each_family(void **state)
{
	const char *t = "He said \"one two\" and \xe2\x80\x9cthree\xe2\x80\x9d "
	                "and \xc2\xab" "four\xc2\xbb and \xe2\x80\x9e" "five"
	                "\xe2\x80\x9c and \xe2\x80\x98six\xe2\x80\x99 and "
	                "'seven'.";
	fixture f;

	(void)state;
	pair(&f, t);
	assert_int_equal(f.qs.n, 6);
	assert_string_equal(qtext(&f, t, 0), "one two");
	assert_string_equal(qtext(&f, t, 1), "three");
	assert_string_equal(qtext(&f, t, 2), "four");
	assert_string_equal(qtext(&f, t, 3), "five");
	assert_string_equal(qtext(&f, t, 4), "six");
	assert_string_equal(qtext(&f, t, 5), "seven");
	done(&f);
}

static void test_quote_apostrophes_open_nothing(void **state)
{
	const char *t = "The mayor\xe2\x80\x99s plan dates from the "
	                "\xe2\x80\x99" "90s, when rock 'n' roll bands played at "
	                "Bellamy's and the workers' canteen didn't close.";
	fixture f;

	(void)state;
	pair(&f, t);
	assert_int_equal(f.qs.n, 0);
	done(&f);
}

static void test_quote_nested_other_family(void **state)
{
	const char *t = "\xe2\x80\x9cShe told me \xe2\x80\x98never again\xe2\x80"
	                "\x99 twice,\xe2\x80\x9d said Ortiz.";
	fixture f;

	(void)state;
	pair(&f, t);
	assert_int_equal(f.qs.n, 1);
	assert_string_equal(qtext(&f, t, 0),
	                    "She told me \xe2\x80\x98never again\xe2\x80\x99 twice,");
	done(&f);
}

static void test_quote_straight_nested_in_straight_double(void **state)
{
	const char *t = "\"The sign read 'closed' all week,\" Hale said.";
	fixture f;

	(void)state;
	pair(&f, t);
	assert_int_equal(f.qs.n, 1);
	assert_string_equal(qtext(&f, t, 0), "The sign read 'closed' all week,");
	done(&f);
}

static void test_quote_multi_paragraph(void **state)
{
	const char *t = "Varga said: \xe2\x80\x9cThe port is open.\n\n"
	                "\xe2\x80\x9cThe cranes are back.\n\n"
	                "\xe2\x80\x9cWe are done.\xe2\x80\x9d\n\nThe end.";
	fixture f;

	(void)state;
	pair(&f, t);
	assert_int_equal(f.qs.n, 1);
	assert_int_equal(f.qs.items[0].para0, 0);
	assert_int_equal(f.qs.items[0].para1, 2);
	assert_true(f.qs.items[0].flags & QG_Q_MULTIPARA);
	assert_string_equal(qtext(&f, t, 0),
	                    "The port is open.\n\n\xe2\x80\x9cThe cranes are "
	                    "back.\n\n\xe2\x80\x9cWe are done.");
	done(&f);
}

static void test_quote_unbalanced_stays_in_paragraph(void **state)
{
	const char *t = "Okafor said: \xe2\x80\x9cWe will rebuild the bridge.\n"
	                "The council met on Tuesday. It voted \"yes\" twice.\n";
	fixture f;

	(void)state;
	pair(&f, t);
	assert_int_equal(f.qs.n, 2);
	assert_true(f.qs.items[0].flags & QG_Q_UNCLOSED);
	assert_string_equal(qtext(&f, t, 0), "We will rebuild the bridge.");
	assert_string_equal(qtext(&f, t, 1), "yes");
	done(&f);
}

static void test_quote_megabyte_line(void **state)
{
	size_t n = 1 << 20;
	char *t = malloc(n + 1);
	fixture f;

	(void)state;
	assert_non_null(t);
	for (size_t i = 0; i < n; i++)
		t[i] = "word "[i % 5];
	t[10] = '"';
	t[n] = '\0';
	pair(&f, t);
	/* one unclosed quote, limited to the one paragraph there is */
	assert_true(f.qs.n <= 1);
	done(&f);
	free(t);
}

static void test_quote_inside_lookup(void **state)
{
	const char *t = "A \"bc\" d";
	fixture f;

	(void)state;
	pair(&f, t);
	assert_true(qg_quotes_inside(&f.qs, 3));
	assert_false(qg_quotes_inside(&f.qs, 2));
	assert_false(qg_quotes_inside(&f.qs, 5));
	done(&f);
}

/* French and German set spaces inside their marks: they are no part of
 * the quote, and a German closing mark after a space still closes. */
static void test_quote_spaced_marks(void **state)
{
	const char *t = "Il a dit \xc2\xab\xc2\xa0" "assez\xc2\xa0\xc2\xbb hier. "
	                "Er sagte \xe2\x80\x9e so nicht \xe2\x80\x9c, und ging.";
	fixture f;

	(void)state;
	pair(&f, t);
	assert_int_equal(f.qs.n, 2);
	assert_string_equal(qtext(&f, t, 0), "assez");
	assert_string_equal(qtext(&f, t, 1), "so nicht");
	assert_int_equal(f.qs.items[1].flags & QG_Q_UNCLOSED, 0);
	done(&f);
}

/* A straight double mark set apart by a space from the single mark that
 * closes a nested quote still closes the outer quote. */
static void test_quote_spaced_close_after_single(void **state)
{
	const char *t = "\"I dislike the word 'outreach,' \" she told the "
	                "room, adding more.";
	fixture f;

	(void)state;
	pair(&f, t);
	assert_int_equal(f.qs.n, 1);
	assert_string_equal(qtext(&f, t, 0), "I dislike the word 'outreach,'");
	done(&f);
}

/* A paragraph opening with a curly mark does not go on with a quote a
 * straight mark left open (an excerpt pasted with its own marks), while
 * the same mark again does. */
static void test_quote_paragraphs_of_other_marks(void **state)
{
	const char *mixed = "\"The pier was quiet that spring.\n\n"
	                    "\xe2\x80\x9cIt never rained,\xe2\x80\x9d she said.\n";
	const char *same = "\"The pier was quiet that spring.\n\n"
	                   "\"It never rained,\" she said.\n";
	fixture f;

	(void)state;
	pair(&f, mixed);
	assert_int_equal(f.qs.n, 2);
	assert_string_equal(qtext(&f, mixed, 1), "It never rained,");
	done(&f);
	pair(&f, same);
	assert_int_equal(f.qs.n, 1);
	assert_true(f.qs.items[0].flags & QG_Q_MULTIPARA);
	done(&f);
}

/* The turns of `text` (a transcript or not), then its quotes. */
static void pair_turns(fixture *f, qg_lexicon *lx, const char *text)
{
	memset(f, 0, sizeof(*f));
	assert_int_equal(qg_segment_paras(&f->sg, text, strlen(text)), QG_OK);
	assert_int_equal(qg_turns_find(&f->qs, lx, text, strlen(text), &f->sg),
	                 QG_OK);
	assert_int_equal(qg_quotes_find(&f->qs, text, &f->sg), QG_OK);
}

/* The span [a, b) of text as a fresh string (static buffer). */
static const char *span(const char *text, size_t a, size_t b)
{
	static char out[256];

	assert_true(b >= a && b - a < sizeof(out));
	memcpy(out, text + a, b - a);
	out[b - a] = '\0';
	return out;
}

/* A transcript printed with a mark opening every turn, as feeds wrap
 * them: each turn is its own, the label left out, and no quote runs
 * from the first turn over the rest. */
static void test_quote_transcript_turns(void **state)
{
	const char *t = "Mayor Ilse Marwick spoke to the show on Sunday.\n\n"
	                "\"HOLT: Will you stand again?\n\n"
	                "\"MARWICK: I will. The harbour needs \xe2\x80\x9c"
	                "finishing\xe2\x80\x9d first.\n\n"
	                "\"And then we shall see.\n\n"
	                "\"(CROSSTALK)\n\n"
	                "\"HOLT: Thank you, Mayor.\"\n";
	qg_lexicon *lx;
	fixture f;

	(void)state;
	assert_int_equal(qg_lexicon_new(&lx), QG_OK);
	pair_turns(&f, lx, t);
	assert_int_equal(f.qs.nturn, 5);
	assert_string_equal(span(t, f.qs.turns[0].label0, f.qs.turns[0].label1),
	                    "HOLT");
	assert_string_equal(span(t, f.qs.turns[0].start, f.qs.turns[0].end),
	                    "Will you stand again?");
	assert_string_equal(span(t, f.qs.turns[1].label0, f.qs.turns[1].label1),
	                    "MARWICK");
	/* a paragraph opening with a mark goes on with the open turn */
	assert_string_equal(span(t, f.qs.turns[2].start, f.qs.turns[2].end),
	                    "And then we shall see.");
	assert_int_equal(f.qs.turns[2].label0, f.qs.turns[1].label0);
	/* a stage direction: a turn of no words, and no quote */
	assert_int_equal(f.qs.turns[3].start, f.qs.turns[3].end);
	/* a closing mark ends the last turn; it is no part of the words */
	assert_string_equal(span(t, f.qs.turns[4].start, f.qs.turns[4].end),
	                    "Thank you, Mayor.");
	/* the one quote left is the word quoted inside a turn */
	assert_int_equal(f.qs.n, 1);
	assert_string_equal(qtext(&f, t, 0), "finishing");
	assert_non_null(qg_turn_at(&f.qs, f.qs.turns[1].start + 3));
	assert_null(qg_turn_at(&f.qs, 3));
	done(&f);
	qg_lexicon_free(lx);
}

/* Labels that name no one make no transcript: notices, a fact box, a
 * single label (a dateline with a colon, a headline's form), capitals that
 * name no person. */
static void test_quote_labels_not_speakers(void **state)
{
	const char *notices = "UPDATE: The road has reopened.\n\n"
	                      "WHEN: Saturday at noon.\n\n"
	                      "EDITOR'S NOTE: This story has been corrected.\n";
	const char *one = "HARBOURTON: The council met on Monday.\n\n"
	                  "\"We will decide in May,\" said Ilse Marwick.\n";
	const char *unknown = "ZORBLAT: Greetings.\n\nQUIMBLE: Hello.\n";
	const char *given = "DANIEL: Greetings.\n\nQUIMBLE: Hello.\n";
	/* datelines of a round-up: places the running text names as places */
	const char *places = "PORTSEA: Shares rose as Portsea banks gained.\n\n"
	                     "HARBOURTON: Shares fell in Harbourton.\n";
	qg_lexicon *lx;
	fixture f;

	(void)state;
	assert_int_equal(qg_lexicon_new(&lx), QG_OK);
	pair_turns(&f, lx, notices);
	assert_int_equal(f.qs.nturn, 0);
	done(&f);
	pair_turns(&f, lx, one);
	assert_int_equal(f.qs.nturn, 0);
	assert_int_equal(f.qs.n, 1);
	done(&f);
	/* capitals no running text names, and no given name: not people */
	pair_turns(&f, lx, unknown);
	assert_int_equal(f.qs.nturn, 0);
	done(&f);
	pair_turns(&f, lx, places);
	assert_int_equal(f.qs.nturn, 0);
	done(&f);
	/* a known given name is a person: the other label is a speaker too */
	pair_turns(&f, lx, given);
	assert_int_equal(f.qs.nturn, 2);
	done(&f);
	qg_lexicon_free(lx);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_quote_each_family),
		cmocka_unit_test(test_quote_apostrophes_open_nothing),
		cmocka_unit_test(test_quote_nested_other_family),
		cmocka_unit_test(test_quote_straight_nested_in_straight_double),
		cmocka_unit_test(test_quote_multi_paragraph),
		cmocka_unit_test(test_quote_unbalanced_stays_in_paragraph),
		cmocka_unit_test(test_quote_megabyte_line),
		cmocka_unit_test(test_quote_inside_lookup),
		cmocka_unit_test(test_quote_spaced_marks),
		cmocka_unit_test(test_quote_spaced_close_after_single),
		cmocka_unit_test(test_quote_paragraphs_of_other_marks),
		cmocka_unit_test(test_quote_transcript_turns),
		cmocka_unit_test(test_quote_labels_not_speakers),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
