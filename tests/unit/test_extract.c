/*
 * test_extract.c -- small invented articles through the whole pipeline,
 * attributions checked field by field; bad input; allocation failures.
 */
#include <stdbool.h>

#include "extract_fixture.h"

static bool has(const run *r, const char *prefix)
{
	for (size_t i = 0; i < qg_article_count(r->a); i++)
		if (strncmp(qg_article_at(r->a, i)->quote, prefix,
		            strlen(prefix)) == 0)
			return true;
	return false;
}

static void test_extract_wire_story(void **state)
{
	const char *t =
		"Harbour talks stall as pilots walk out\n\n"
		"Ostrava Port Authority chief executive Helena Marsh said the "
		"strike would cost millions.\n\n"
		"\xe2\x80\x9cWe cannot run a port without pilots,\xe2\x80\x9d Marsh "
		"told the Baltic Courier on Tuesday. \xe2\x80\x9c" "Every hour "
		"counts.\xe2\x80\x9d\n\n"
		"\xe2\x80\x9cThe offer stands,\xe2\x80\x9d" " she said later.\n";
	run r;
	const qg_attribution *q;

	(void)state;
	extract(&r, t);
	q = find(&r, "We cannot run a port");
	assert_int_equal(q->kind, QG_KIND_DIRECT);
	assert_string_equal(q->speaker, "Helena Marsh");
	assert_string_equal(q->cue, "told");
	assert_string_equal(q->outlet, "Baltic Courier");
	assert_memory_equal(t + q->span.start, "We cannot", 9);
	q = find(&r, "Every hour counts.");
	assert_string_equal(q->speaker, "Helena Marsh");
	q = find(&r, "The offer stands,");
	assert_string_equal(q->speaker, "Helena Marsh");
	assert_string_equal(q->outlet, "Baltic Courier");
	finish(&r);
}

static void test_extract_titles_apart_inverted_and_colon(void **state)
{
	const char *t =
		"Budget row\n\n"
		"\"There will be no new taxes,\" said Finance Minister Pavel "
		"Dorn.\n\n"
		"Opposition leader Ines Kowal replied: \"He said that last "
		"year.\"\n";
	run r;
	const qg_attribution *q;

	(void)state;
	extract(&r, t);
	q = find(&r, "There will be no new taxes,");
	assert_string_equal(q->speaker, "Pavel Dorn");
	assert_string_equal(q->speaker_title, "Finance Minister");
	assert_string_equal(q->cue, "said");
	assert_null(q->outlet);
	q = find(&r, "He said that last year.");
	assert_string_equal(q->speaker, "Ines Kowal");
	assert_string_equal(q->cue, "replied");
	finish(&r);
}

static void test_extract_scare_quotes_and_titles_give_nothing(void **state)
{
	const char *t =
		"Gallery opens\n\n"
		"The so-called \"smart\" lighting failed on the first night.\n\n"
		"Its new show, \"Rivers of Salt and Iron\", opens in May.\n";
	run r;

	(void)state;
	extract(&r, t);
	assert_false(has(&r, "smart"));
	assert_false(has(&r, "Rivers of Salt"));
	finish(&r);
}

static void test_extract_partial_with_cue(void **state)
{
	const char *t =
		"Mayor Tomas Reyes described the deal as \"a fair start\" on "
		"Friday.\n";
	run r;
	const qg_attribution *q;

	(void)state;
	extract(&r, t);
	q = find(&r, "a fair start");
	assert_int_equal(q->kind, QG_KIND_PARTIAL);
	assert_string_equal(q->speaker, "Tomas Reyes");
	finish(&r);
}

static void test_extract_framed_partials(void **state)
{
	const char *t =
		"Harbour Chief Warns of 'Ruinous' Summer After Strike\n\n"
		"Port director Ines Calloway accused the pilots of trying to "
		"\"strangle\" the regional economy.\n\n"
		"Calloway said that the port needs an \"airtight\" settlement, "
		"and she had promised to reopen the docks on \"day one\" of the "
		"new season.\n\n"
		"Local traders often said a mix of \"bad luck and worse "
		"planning\" hurt the quays.\n";
	run r;
	const qg_attribution *q;

	(void)state;
	extract(&r, t);
	q = find(&r, "Ruinous");
	assert_int_equal(q->kind, QG_KIND_HEADLINE);
	assert_string_equal(q->cue, "warns");
	/* a quoted verb after "to" heads its clause: not a modifier */
	q = find(&r, "strangle");
	assert_int_equal(q->kind, QG_KIND_PARTIAL);
	assert_string_equal(q->speaker, "Ines Calloway");
	/* a quoted modifier inside a "that" clause of a speech verb */
	q = find(&r, "airtight");
	assert_string_equal(q->speaker, "Ines Calloway");
	assert_string_equal(q->cue, "said");
	/* two short lower-case words are no title */
	q = find(&r, "day one");
	assert_string_equal(q->cue, "promised");
	/* a modifier with no "that" clause around it is a scare quote */
	assert_false(has(&r, "bad luck"));
	finish(&r);
}

static void test_extract_indirect_speech(void **state)
{
	const char *t =
		"Coach Lena Park said that the team would travel on Monday.\n\n"
		"According to the league, the match will be replayed.\n";
	run r;
	const qg_attribution *q;

	(void)state;
	extract(&r, t);
	q = find(&r, "the team would travel on Monday");
	assert_int_equal(q->kind, QG_KIND_INDIRECT);
	assert_string_equal(q->speaker, "Lena Park");
	q = find(&r, "the match will be replayed");
	assert_int_equal(q->kind, QG_KIND_INDIRECT);
	assert_string_equal(q->cue, "according to");
	finish(&r);
}

static void test_extract_indirect_shapes(void **state)
{
	const char *t =
		"Ferry fares to rise\n\n"
		"Fares will rise by a tenth in June, operator spokeswoman Mara "
		"Quell said on Tuesday.\n\n"
		"The new timetable, Quell said, leaves no slack for storms.\n\n"
		"Quell said the company was \"not in a position to wait\" any "
		"longer.\n";
	run r;
	const qg_attribution *q;

	(void)state;
	extract(&r, t);
	q = find(&r, "Fares will rise by a tenth in June");
	assert_int_equal(q->kind, QG_KIND_INDIRECT);
	assert_string_equal(q->speaker, "Mara Quell");
	q = find(&r, "leaves no slack for storms");
	assert_int_equal(q->kind, QG_KIND_INDIRECT);
	assert_string_equal(q->speaker, "Mara Quell");
	assert_true(has(&r, "The new timetable"));
	/* the clause that quotes a phrase: the phrase is the quote */
	q = find(&r, "not in a position to wait");
	assert_int_equal(q->kind, QG_KIND_PARTIAL);
	assert_false(has(&r, "the company was"));
	finish(&r);
}

static void test_extract_venue_is_no_outlet(void **state)
{
	const char *t =
		"Speaking aboard the royal yacht, Admiral Joan Vries said: \"We "
		"sail at dawn.\"\n";
	run r;
	const qg_attribution *q;

	(void)state;
	extract(&r, t);
	q = find(&r, "We sail at dawn.");
	assert_string_equal(q->speaker, "Joan Vries");
	assert_null(q->outlet);
	assert_non_null(q->venue);
	assert_memory_equal(q->venue, "aboard the royal yacht", 22);
	finish(&r);
}

/* A sentence naming two days: the speech took place on the one beside
 * the cue, not on the day of the other event. */
static void test_extract_speech_date_nearest_cue(void **state)
{
	const char *t =
		"Port deal close\n\nWellington, 12 May 2024\n\n"
		"The minister is due to meet the unions on May 14, and at a "
		"briefing on May 10 she said: \"We are nearly there.\"\n\n"
		"\"Nothing is signed,\" union leader Ana Toma said on Saturday, "
		"before the vote on Monday.\n";
	run r;

	(void)state;
	extract(&r, t);
	assert_string_equal(find(&r, "We are nearly")->date, "2024-05-10");
	/* "on Saturday" before a Sunday article date of 12 May 2024 */
	assert_string_equal(find(&r, "Nothing is")->date, "2024-05-11");
	finish(&r);
}

static void test_extract_bad_input(void **state)
{
	qg_extractor *ex = NULL;
	qg_article *a = NULL;

	(void)state;
	assert_int_equal(qg_extractor_new(&ex), QG_OK);
	assert_int_equal(qg_extract(ex, "x", "ab\xff", 3, NULL, &a),
	                 QG_ERR_INPUT);
	assert_null(a);
	assert_int_equal(qg_extractor_erroffset(ex), 2);
	assert_int_equal(qg_extract(ex, "x", "", 0, NULL, &a), QG_ERR_INPUT);
	qg_extractor_free(ex);
	qg_extractor_free(NULL);
}

static void test_extract_megabyte_unbalanced(void **state)
{
	size_t n = 1 << 20;
	char *t = malloc(n + 1);
	run r;

	(void)state;
	assert_non_null(t);
	for (size_t i = 0; i < n; i++)
		t[i] = "He said \"no more. "[i % 18];
	t[n] = '\0';
	extract(&r, t);
	for (size_t i = 0; i < qg_article_count(r.a); i++) {
		const qg_attribution *q = qg_article_at(r.a, i);

		assert_true(q->span.end <= n);
		assert_true(q->span.end - q->span.start < 1000);
	}
	finish(&r);
	free(t);
}

static void test_extract_allocation_failures(void **state)
{
	const char *t = "\"We won,\" said coach Amal Idris. She told the Daily "
	                "Clarion that \"the team earned it\".\n";
	qg_status rc = QG_ERR_NOMEM;

	(void)state;
	for (long n = 1; n < 400 && rc != QG_OK; n++) {
		qg_extractor *ex = NULL;
		qg_article *a = NULL;

		qg_test_alloc_start(n);
		rc = qg_extractor_new(&ex);
		if (rc == QG_OK)
			rc = qg_extract(ex, "t", t, strlen(t), NULL, &a);
		assert_true(rc == QG_OK || rc == QG_ERR_NOMEM);
		qg_article_free(a);
		qg_extractor_free(ex);
		assert_int_equal(qg_test_alloc_stop(), 0);
	}
	assert_int_equal(rc, QG_OK);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_extract_wire_story),
		cmocka_unit_test(test_extract_titles_apart_inverted_and_colon),
		cmocka_unit_test(test_extract_scare_quotes_and_titles_give_nothing),
		cmocka_unit_test(test_extract_partial_with_cue),
		cmocka_unit_test(test_extract_framed_partials),
		cmocka_unit_test(test_extract_indirect_speech),
		cmocka_unit_test(test_extract_indirect_shapes),
		cmocka_unit_test(test_extract_venue_is_no_outlet),
		cmocka_unit_test(test_extract_speech_date_nearest_cue),
		cmocka_unit_test(test_extract_bad_input),
		cmocka_unit_test(test_extract_megabyte_unbalanced),
		cmocka_unit_test(test_extract_allocation_failures),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
