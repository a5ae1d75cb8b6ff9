/*
 * test_text.c -- paragraphs, sentences and tokens with byte offsets.
 * Invented sentences only.
 */
#include "testutil.h"

#include "../quote/quote.h"

static void test_text_paragraphs_trimmed(void **state)
{
	const char *t = "  First line.  \n\n\t\nSecond line\nThird";
	qg_segments sg = {0};

	(void)state;
	assert_int_equal(qg_segment_paras(&sg, t, strlen(t)), QG_OK);
	assert_int_equal(sg.npara, 3);
	assert_int_equal(sg.paras[0].start, 2);
	assert_int_equal(sg.paras[0].end, 13);
	assert_memory_equal(t + sg.paras[2].start, "Third", 5);
	qg_segments_dispose(&sg);
}

static void test_text_sentences_and_abbreviations(void **state)
{
	const char *t = "Mr. Lund met Dr. J. Obi in the U.S. capital. They "
	                "talked! Then what? Nothing.";
	qg_segments sg = {0};

	(void)state;
	assert_int_equal(qg_segment_paras(&sg, t, strlen(t)), QG_OK);
	assert_int_equal(qg_segment_sents(&sg, t, strlen(t), NULL, NULL), QG_OK);
	assert_int_equal(sg.nsent, 4);
	assert_memory_equal(t + sg.sents[1].start, "They talked!", 12);
	assert_int_equal(sg.sents[0].end, 44);
	/* "Mr." is one token, an abbreviation */
	assert_int_equal(sg.toks[0].end, 3);
	assert_true(sg.toks[0].flags & QG_T_ABBR);
	assert_true(sg.toks[0].flags & QG_T_CAP);
	qg_segments_dispose(&sg);
}

/* is_abbrev() searches the table by halves: an entry added out of order
 * would silently stop being recognised. */
static void test_text_abbreviations_sorted(void **state)
{
	const char *t = "Gov. Ames met Sen. Ruiz and Messrs. Dunn at dawn. "
	                "Then they left.";
	qg_segments sg = {0};

	(void)state;
	assert_true(qg__abbrevs_sorted());
	assert_int_equal(qg_segment_paras(&sg, t, strlen(t)), QG_OK);
	assert_int_equal(qg_segment_sents(&sg, t, strlen(t), NULL, NULL), QG_OK);
	assert_int_equal(sg.nsent, 2);
	qg_segments_dispose(&sg);
}

static void test_text_no_sentence_end_inside_quote(void **state)
{
	const char *t = "\"We came. We saw. We left,\" Moreau said. Done.";
	qg_segments sg = {0};
	qg_quotes qs = {0};

	(void)state;
	assert_int_equal(qg_segment_paras(&sg, t, strlen(t)), QG_OK);
	assert_int_equal(qg_quotes_find(&qs, t, &sg), QG_OK);
	assert_int_equal(qg_segment_sents(&sg, t, strlen(t), qg_quotes_inside,
	                                  &qs),
	                 QG_OK);
	assert_int_equal(sg.nsent, 2);
	assert_memory_equal(t + sg.sents[1].start, "Done.", 5);
	qg_quotes_dispose(&qs);
	qg_segments_dispose(&sg);
}

static void test_text_tokens_keep_apostrophes(void **state)
{
	const char *t = "Grieg\xe2\x80\x99s crew can't stop, co-op says.";
	qg_segments sg = {0};

	(void)state;
	assert_int_equal(qg_segment_paras(&sg, t, strlen(t)), QG_OK);
	assert_int_equal(qg_segment_sents(&sg, t, strlen(t), NULL, NULL), QG_OK);
	assert_int_equal(sg.ntok, 8);
	assert_int_equal(sg.toks[0].end - sg.toks[0].start, 9);
	assert_int_equal(sg.toks[2].end - sg.toks[2].start, 5);
	assert_true(sg.toks[4].flags & QG_T_PUNCT);
	assert_int_equal(qg_tok_at(&sg, 0), 0);
	assert_int_equal(qg_tok_at(&sg, 10), 1);
	qg_segments_dispose(&sg);
}

static void test_text_allocation_failure(void **state)
{
	const char *t = "One. Two. Three.\nFour.";
	qg_segments sg = {0};
	qg_status rc = QG_ERR_NOMEM;

	(void)state;
	for (long n = 1; n < 20 && rc != QG_OK; n++) {
		qg_test_alloc_start(n);
		rc = qg_segment_paras(&sg, t, strlen(t));
		if (rc == QG_OK)
			rc = qg_segment_sents(&sg, t, strlen(t), NULL, NULL);
		assert_true(rc == QG_OK || rc == QG_ERR_NOMEM);
		qg_segments_dispose(&sg);
		assert_int_equal(qg_test_alloc_stop(), 0);
	}
	assert_int_equal(rc, QG_OK);
}

/* The tokenizer reads runs of letters and digits sixteen bytes at a
 * time: a long word must end at exactly the byte that is no letter or
 * digit, wherever it falls in the block, whatever that byte is. */
static void test_text_word_ends_at_every_byte(void **state)
{
	(void)state;
	for (int b = 1; b < 0x80; b++) {
		for (size_t len = 1; len <= 40; len += 13) {
			char t[64];
			bool alnum = (b >= '0' && b <= '9') ||
			             ((b | 0x20) >= 'a' && (b | 0x20) <= 'z');
			qg_segments sg = {0};

			memset(t, 'k', len);
			t[len] = (char)b;
			memcpy(t + len + 1, " tail of it", 12);
			assert_int_equal(qg_segment_paras(&sg, t, strlen(t)), QG_OK);
			assert_int_equal(
			    qg_segment_sents(&sg, t, strlen(t), NULL, NULL), QG_OK);
			/* a letter or digit goes on with the word; anything else
			 * (a joiner too: a space follows it) ends it */
			assert_int_equal(sg.toks[0].start, 0);
			assert_int_equal(sg.toks[0].end, alnum ? len + 1 : len);
			qg_segments_dispose(&sg);
		}
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_text_paragraphs_trimmed),
		cmocka_unit_test(test_text_sentences_and_abbreviations),
		cmocka_unit_test(test_text_abbreviations_sorted),
		cmocka_unit_test(test_text_no_sentence_end_inside_quote),
		cmocka_unit_test(test_text_tokens_keep_apostrophes),
		cmocka_unit_test(test_text_allocation_failure),
		cmocka_unit_test(test_text_word_ends_at_every_byte),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
