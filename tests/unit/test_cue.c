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
	/* an adjective between a determiner and the word keeps it a noun;
	 * a number there stands for people who speak */
	cues(&f, "Revenue fell short of an earlier forecast. The two said "
	         "little, and a joint warning came late. The official said "
	         "nothing.");
	assert_null(cue(&f, "forecast"));
	assert_null(cue(&f, "warning"));
	assert_non_null(cue(&f, "said"));
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

/* The text of the reports of the cue `w`, joined by " | ", a report that
 * quotes a phrase marked with a "*" (static). */
static const char *reports(const fixture *f, const char *w)
{
	static char out[512];
	size_t o = 0;

	out[0] = '\0';
	for (size_t i = 0; i < f->cs.nrep; i++) {
		const qg_report *r = &f->cs.reps[i];
		size_t a = f->sg.toks[r->tok0].start, b = f->sg.toks[r->tok1 - 1].end;

		if (strcmp(f->cs.items[r->cue].text, w) != 0)
			continue;
		assert_true(o + (b - a) + 4 < sizeof(out));
		if (o) {
			memcpy(out + o, " | ", 3);
			o += 3;
		}
		if (r->quoted)
			out[o++] = '*';
		memcpy(out + o, f->text + a, b - a);
		o += b - a;
		out[o] = '\0';
	}
	return out;
}

static void test_cue_report_that_clause(void **state)
{
	fixture f;

	(void)state;
	cues(&f, "The ferry operator told passengers on Monday that sailings "
	         "would resume at noon; the harbour stayed shut. The union "
	         "repeated its claim that the crews were unpaid.");
	assert_string_equal(reports(&f, "told"),
	                    "sailings would resume at noon");
	assert_string_equal(reports(&f, "repeated"), "the crews were unpaid");
	done(&f);
}

static void test_cue_report_tail_and_inverted(void **state)
{
	fixture f;

	(void)state;
	cues(&f, "The levy will fund two new piers, the transport minister "
	         "said in an interview with the Island Gazette on Sunday.");
	assert_string_equal(reports(&f, "said"),
	                    "The levy will fund two new piers");
	done(&f);
	cues(&f, "Fares will rise by a tenth, said Mara Quell, a spokeswoman "
	         "for the operator.");
	assert_string_equal(reports(&f, "said"), "Fares will rise by a tenth");
	done(&f);
	/* a comma closing the subject's appositive is no tail */
	cues(&f, "Dario Vent, a deckhand for twenty years, said the crews "
	         "were never consulted.");
	assert_string_equal(reports(&f, "said"), "the crews were never consulted");
	done(&f);
}

static void test_cue_report_parenthetical(void **state)
{
	fixture f;

	(void)state;
	/* the cue splits the content in two */
	cues(&f, "The new timetable, the captain said, leaves no slack for "
	         "storms.");
	assert_string_equal(reports(&f, "said"),
	                    "The new timetable | leaves no slack for storms");
	done(&f);
}

static void test_cue_report_bare_clause(void **state)
{
	fixture f;

	(void)state;
	cues(&f, "Harbour pilots say the channel is too shallow. The mayor "
	         "told reporters the dredging had stalled. She noted the "
	         "budget in her report.");
	assert_string_equal(reports(&f, "say"), "the channel is too shallow");
	assert_string_equal(reports(&f, "told"), "the dredging had stalled");
	/* a noun object is no reported clause */
	assert_string_equal(reports(&f, "noted"), "");
	done(&f);
}

static void test_cue_report_boundaries(void **state)
{
	fixture f;

	(void)state;
	/* the clause stops before a participle cue and before the subject
	 * of a later cue */
	cues(&f, "The mayor said the piers were safe, adding that inspections "
	         "would continue. Officials said the fund was empty and "
	         "auditors warned that records were missing.");
	assert_string_equal(reports(&f, "said"),
	                    "the piers were safe | the fund was empty");
	assert_string_equal(reports(&f, "adding"), "inspections would continue");
	assert_string_equal(reports(&f, "warned"), "records were missing");
	done(&f);
	/* "according to" on either side; a clause holding its own verb is
	 * the verb's to report */
	cues(&f, "According to the port authority, the pier will reopen in "
	         "May. Ticket sales fell by half, according to the operator. "
	         "According to the Gazette, the captain insisted that the "
	         "route was safe.");
	assert_string_equal(reports(&f, "according to"),
	                    "the pier will reopen in May | Ticket sales fell by "
	                    "half");
	assert_string_equal(reports(&f, "insisted"), "the route was safe");
	done(&f);
}

static void test_cue_report_quoted_phrase_is_partial(void **state)
{
	fixture f;

	(void)state;
	/* a clause that quotes a phrase is recorded as the partial quote;
	 * a single quoted word may stay */
	cues(&f, "The captain said the ferry was \"in no state to sail\" "
	         "that night. The pilot said the hull was \"sound\" after "
	         "the repairs.");
	assert_string_equal(reports(&f, "said"),
	                    "*the ferry was \"in no state to sail\" that night | "
	                    "the hull was \"sound\" after the repairs");
	done(&f);
}

static void test_cue_report_beliefs_and_prepositions(void **state)
{
	fixture f;

	(void)state;
	/* a belief or a finding is reported in its "that" clause only */
	cues(&f, "Engineers fear that the bridge will sag. The mayor believes "
	         "the plan. The warden says at a briefing in the old port, "
	         "that the locks will hold.");
	assert_string_equal(reports(&f, "fear"), "the bridge will sag");
	assert_string_equal(reports(&f, "believes"), "");
	assert_string_equal(reports(&f, "says"), "the locks will hold");
	done(&f);
	/* a relative "that" opens no reported clause */
	cues(&f, "The council insisted on terms that would protect the "
	         "moorings.");
	assert_string_equal(reports(&f, "insisted on"), "");
	done(&f);
}

static void test_cue_report_infinitives_and_objects(void **state)
{
	fixture f;

	(void)state;
	cues(&f, "The mayor vowed to reopen the pier by June. She urged the "
	         "operator to cut fares. The union denied the charges on "
	         "Friday. The board faces a question that nobody asked.");
	assert_string_equal(reports(&f, "vowed"), "to reopen the pier by June");
	assert_string_equal(reports(&f, "urged"), "the operator to cut fares");
	assert_string_equal(reports(&f, "denied"), "the charges on Friday");
	/* a noun, not a verb form: no object */
	assert_string_equal(reports(&f, "question"), "");
	done(&f);
}

static void test_cue_report_inverted_needs_a_name(void **state)
{
	fixture f;

	(void)state;
	/* after an appositive, "said" with a clause is no inverted subject */
	cues(&f, "Ines Tova, a pilot for a decade, said Harbour Control "
	         "ignored the storm warnings.");
	assert_string_equal(reports(&f, "said"),
	                    "Harbour Control ignored the storm warnings");
	done(&f);
}

/* An inverted subject is a name or a noun for who speaks: "denies a
 * charge of theft" and "told Harbour Radio" follow a subject, and the
 * words before the comma are no content. "on Monday" after the verb is a
 * time, not a particle: the clause after it is reported. */
static void test_cue_report_subject_before_comma(void **state)
{
	fixture f;

	(void)state;
	cues(&f, "Orrin Vale, of Portsea, denies a charge of theft.");
	assert_string_equal(reports(&f, "denies"), "");
	done(&f);
	cues(&f, "The harbour master, Ines Tova, told Harbour Radio on "
	         "Monday the channel would be dredged.");
	assert_string_equal(reports(&f, "told"),
	                    "the channel would be dredged");
	done(&f);
	cues(&f, "The ferry company said on Tuesday it would cut 40 jobs.");
	assert_non_null(cue(&f, "said"));
	assert_string_equal(reports(&f, "said"), "it would cut 40 jobs");
	done(&f);
	/* a quote after the name is what it says: no inverted subject */
	cues(&f, "The lawsuit, filed on Monday, says Acme \"hid the "
	         "results\" for years.");
	assert_null(strstr(reports(&f, "says"), "The lawsuit"));
	done(&f);
	/* "no" opening a clause's subject; "said no" alone reports nothing */
	cues(&f, "The harbour master said no date had been set. The mayor "
	         "said no to the plan.");
	assert_string_equal(reports(&f, "said"), "no date had been set");
	done(&f);
	/* a noun for who speaks before a preposition is a subject */
	cues(&f, "Sailings resume at noon, said a spokeswoman for the "
	         "operator.");
	assert_string_equal(reports(&f, "said"), "Sailings resume at noon");
	done(&f);
}

static void test_cue_report_base_forms_and_later_cues(void **state)
{
	fixture f;

	(void)state;
	/* a base form reports after a subject, not as a noun */
	cues(&f, "Harbour pilots say the channel is silting up. Coastal state "
	         "law is said to forbid it. The clerk told ferry officials "
	         "that the berth was closed. Few captains believe that is "
	         "likely.");
	assert_string_equal(reports(&f, "say"), "the channel is silting up");
	assert_string_equal(reports(&f, "state"), "");
	assert_string_equal(reports(&f, "told"), "the berth was closed");
	assert_string_equal(reports(&f, "believe"), "that is likely");
	done(&f);
	/* the clause stops where a later cue's subject starts, past a cue
	 * that has none */
	cues(&f, "The pilot says the mate promised to stay and said he would "
	         "sail at dawn.");
	assert_string_equal(reports(&f, "says"),
	                    "the mate promised to stay");
	done(&f);
}

static void test_cue_report_asides(void **state)
{
	fixture f;

	(void)state;
	/* "that" keeps its clause's aside; a participle phrase after a
	 * preposition ends at its comma */
	cues(&f, "The mayor said that, if pressed, she would resign. Despite "
	         "admitting the delays were costly, the board pressed on.");
	assert_string_equal(reports(&f, "said"),
	                    "that, if pressed, she would resign");
	assert_string_equal(reports(&f, "admitting"), "the delays were costly");
	done(&f);
	/* a dateline opens no clause */
	cues(&f, "VELSK, May 3 (Coastwire) - Ferry crews walked out on "
	         "Monday, union officials said.");
	assert_string_equal(reports(&f, "said"),
	                    "Ferry crews walked out on Monday");
	done(&f);
}

static void test_cue_report_requests_and_concessions(void **state)
{
	fixture f;

	(void)state;
	/* a request's infinitive follows its object; right after the verb
	 * it is a passive */
	cues(&f, "Pilots invited to speak at the hearing stayed away. The "
	         "mayor asked the crews to return.");
	assert_string_equal(reports(&f, "invited"), "");
	assert_string_equal(reports(&f, "asked"), "the crews to return");
	done(&f);
	/* ", though ..." is the writer's own clause */
	cues(&f, "The operator claimed the ferry was on time, though the log "
	         "shows a delay.");
	assert_string_equal(reports(&f, "claimed"), "the ferry was on time");
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
		cmocka_unit_test(test_cue_report_that_clause),
		cmocka_unit_test(test_cue_report_tail_and_inverted),
		cmocka_unit_test(test_cue_report_parenthetical),
		cmocka_unit_test(test_cue_report_bare_clause),
		cmocka_unit_test(test_cue_report_boundaries),
		cmocka_unit_test(test_cue_report_quoted_phrase_is_partial),
		cmocka_unit_test(test_cue_report_beliefs_and_prepositions),
		cmocka_unit_test(test_cue_report_infinitives_and_objects),
		cmocka_unit_test(test_cue_report_inverted_needs_a_name),
		cmocka_unit_test(test_cue_report_subject_before_comma),
		cmocka_unit_test(test_cue_report_base_forms_and_later_cues),
		cmocka_unit_test(test_cue_report_asides),
		cmocka_unit_test(test_cue_report_requests_and_concessions),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
