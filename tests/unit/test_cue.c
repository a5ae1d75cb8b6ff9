/*
 * test_cue.c -- reporting cues read in their context: verbs and their
 * forms, nouns after determiners and after quoted modifiers, infinitives,
 * headline verbs, phrase cues. Invented sentences only.
 */
#include "testutil.h"

#include "../cue/cue.h"
#include "../quote/quote.h"

typedef struct fixture {
	qg_lexicon *lx;
	qg_segments sg;
	qg_quotes qs;
	qg_cues cs;
	const char *text;
} fixture;

/* The first stages of the pipeline, as the extractor runs them. */
static void cues(fixture *f, const char *text)
{
	size_t q = 0;

	memset(f, 0, sizeof(*f));
	f->text = text;
	assert_int_equal(qg_lexicon_new(&f->lx), QG_OK);
	assert_int_equal(qg_segment_paras(&f->sg, text, strlen(text)), QG_OK);
	assert_int_equal(qg_quotes_find(&f->qs, text, &f->sg), QG_OK);
	assert_int_equal(qg_segment_sents(&f->sg, text, strlen(text),
	                                  qg_quotes_inside, &f->qs),
	                 QG_OK);
	for (size_t i = 0; i < f->sg.ntok; i++) {
		qg_tok *t = &f->sg.toks[i];
		const qg_quote *qt;

		while (q < f->qs.n && f->qs.items[q].close <= t->start)
			q++;
		if (q >= f->qs.n)
			break;
		qt = &f->qs.items[q];
		if (t->start >= qt->start && t->start < qt->end)
			t->flags |= QG_T_QUOTED;
		else if (t->start == qt->open || t->start >= qt->end)
			t->flags |= QG_T_MARK;
	}
	assert_int_equal(qg_cues_find(&f->cs, f->lx, text, &f->sg), QG_OK);
}

static void done(fixture *f)
{
	qg_cues_dispose(&f->cs);
	qg_quotes_dispose(&f->qs);
	qg_segments_dispose(&f->sg);
	qg_lexicon_free(f->lx);
}

/* The cue whose text is `w`, or NULL. */
static const qg_cue *cue(const fixture *f, const char *w)
{
	for (size_t i = 0; i < f->cs.n; i++)
		if (strcmp(f->cs.items[i].text, w) == 0)
			return &f->cs.items[i];
	return NULL;
}

static void test_cue_verb_forms_and_nouns(void **state)
{
	fixture f;

	(void)state;
	cues(&f, "The warden said the gates would close. Her statement "
	         "was brief, and the report she promised never came.");
	assert_non_null(cue(&f, "said"));
	assert_true(qg_cue_speech(cue(&f, "said")));
	assert_null(cue(&f, "report"));
	assert_non_null(cue(&f, "promised"));
	done(&f);
}

static void test_cue_infinitive_is_no_speech(void **state)
{
	fixture f;

	(void)state;
	cues(&f, "The clerk refused to say whether the vault was empty.");
	assert_non_null(cue(&f, "say"));
	assert_false(qg_cue_speech(cue(&f, "say")));
	done(&f);
}

static void test_cue_noun_after_quoted_modifier(void **state)
{
	fixture f;

	(void)state;
	/* the word after a short quoted modifier is its noun, with or
	 * without a determiner before the quote */
	cues(&f, "The union wants an \"airtight\" promise, and the board "
	         "keeps demanding 'binding' pledges from its rivals.");
	assert_null(cue(&f, "promise"));
	assert_null(cue(&f, "pledges"));
	assert_non_null(cue(&f, "demanding"));
	done(&f);
	/* a quoted clause before the verb leaves it a verb */
	cues(&f, "\"We are ready,\" pledges the captain.");
	assert_non_null(cue(&f, "pledges"));
	done(&f);
}

static void test_cue_headline_verbs(void **state)
{
	fixture f;

	(void)state;
	/* a headline capitalises its verbs */
	cues(&f, "Harbour Chief Warns of 'Lost Summer' After Pilot Strike\n\n"
	         "The Hope Street depot reopened.");
	assert_non_null(cue(&f, "warns"));
	/* in running text a capitalised word is a name */
	assert_null(cue(&f, "hope"));
	done(&f);
}

static void test_cue_phrases(void **state)
{
	fixture f;

	(void)state;
	cues(&f, "According to the ministry, the dam is safe. In an interview "
	         "with a local station, the engineer disagreed.");
	assert_non_null(cue(&f, "according to"));
	assert_true(cue(&f, "according to")->kind & QG_CUE_ACCORDING);
	assert_non_null(cue(&f, "in an interview with"));
	done(&f);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_cue_verb_forms_and_nouns),
		cmocka_unit_test(test_cue_infinitive_is_no_speech),
		cmocka_unit_test(test_cue_noun_after_quoted_modifier),
		cmocka_unit_test(test_cue_headline_verbs),
		cmocka_unit_test(test_cue_phrases),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
