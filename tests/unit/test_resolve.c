/*
 * test_resolve.c -- speaker and outlet attribution on invented sentences:
 * each test is one rule of English news attribution (inversion, titles
 * and appositions, coordinated and participle cues, signatures, quotes
 * that continue a speaker), run through the whole extractor so that the
 * mentions, cues and sieves meet as they do on real articles.
 */
#include <stdbool.h>

#include "extract_fixture.h"

/* Extract `text` and check the speaker (NULL: none) of the quote that
 * starts with `prefix`. */
static void speaker_is(const char *text, const char *prefix,
                       const char *want)
{
	run r;
	const qg_attribution *q;

	extract(&r, text);
	q = find(&r, prefix);
	if (want)
		assert_non_null(q->speaker);
	if (want)
		assert_string_equal(q->speaker, want);
	else
		assert_null(q->speaker);
	finish(&r);
}

static void test_resolve_title_word_as_surname(void **state)
{
	(void)state;
	/* "King" and "Dean" are titles, but not after Mr. or a given name */
	speaker_is("Harbour board meets\n\n"
	           "\"We stay open all winter,\" Mr. King said on Monday.\n",
	           "We stay open", "King");
	speaker_is("Harbour board meets\n\n"
	           "\"The jetty is sound,\" said Harriet Dean, an engineer.\n",
	           "The jetty is sound", "Harriet Dean");
	/* a lone title word that is a known surname is that person */
	speaker_is("Harbour board meets\n\n"
	           "Harriet Dean inspected the jetty on Monday.\n\n"
	           "Dean, who has surveyed the port for years, told the board: "
	           "\"It will last another decade.\"\n",
	           "It will last", "Harriet Dean");
}

/* A surname met first names the person its full name later completes;
 * the surname alone goes on naming that person (the entity index keeps
 * the newest holder of each name through the change). */
static void test_resolve_surname_completed_later(void **state)
{
	(void)state;
	speaker_is("Ferry fares rise\n\n"
	           "\"Fares will rise in June,\" Okonkwo said on Monday.\n\n"
	           "Transport chief Ada Okonkwo told the council that the rise "
	           "was small.\n\n"
	           "\"Nobody will pay more than a pound,\" Okonkwo added.\n",
	           "Nobody will pay", "Ada Okonkwo");
	speaker_is("Ferry fares rise\n\n"
	           "\"Fares will rise in June,\" Okonkwo said on Monday.\n\n"
	           "Transport chief Ada Okonkwo told the council that the rise "
	           "was small.\n",
	           "Fares will rise", "Ada Okonkwo");
}

static void test_resolve_known_outlet_not_cut(void **state)
{
	run r;
	const qg_attribution *q;

	(void)state;
	/* "New" opens sentences as a plain word, but here it starts a
	 * masthead the gazetteer knows */
	extract(&r, "Pier closes\n\n"
	            "\"The pier will close in May,\" Ana Ruiz told The New York "
	            "Times on Friday.\n");
	q = find(&r, "The pier will close");
	assert_string_equal(q->speaker, "Ana Ruiz");
	assert_non_null(q->outlet);
	assert_string_equal(q->outlet, "The New York Times");
	finish(&r);
}

static void test_resolve_place_word_as_surname(void **state)
{
	(void)state;
	speaker_is("Search goes on\n\n"
	           "\"We will find them,\" police Chief Tobiah Jordan said "
	           "on Sunday.\n",
	           "We will find them", "Tobiah Jordan");
}

static void test_resolve_name_modifying_a_noun(void **state)
{
	(void)state;
	/* "Kessler aide": the name qualifies the noun, the aide speaks */
	speaker_is("Count ends\n\n"
	           "Gustav Kessler conceded at midnight.\n\n"
	           "\"The count is over,\" said Kessler aide Mona Ibsen.\n",
	           "The count is over", "Mona Ibsen");
	/* an organisation before a title qualifies it too */
	speaker_is("Count ends\n\n"
	           "\"The count is over,\" said Election Commission chair "
	           "Mona Ibsen.\n",
	           "The count is over", "Mona Ibsen");
}

static void test_resolve_cue_after_question(void **state)
{
	(void)state;
	/* the question mark ends a sentence, but the cue still follows */
	speaker_is("Budget row\n\n"
	           "Councillor Ilse Okafor spoke last.\n\n"
	           "\"Who pays for it?\" Okafor asked. \"Nobody has told us.\"\n",
	           "Who pays for it?", "Ilse Okafor");
	speaker_is("Budget row\n\n"
	           "Councillor Ilse Okafor spoke last.\n\n"
	           "\"Who pays for it?\" Okafor asked. \"Nobody has told us.\"\n",
	           "Nobody has told us.", "Ilse Okafor");
}

static void test_resolve_inverted_after_outlet(void **state)
{
	run r;
	const qg_attribution *q;

	(void)state;
	extract(&r, "Storm night\n\n"
	            "\"Nobody saw it coming,\" said CNN host Lena Marsh.\n");
	q = find(&r, "Nobody saw it coming");
	assert_non_null(q->speaker);
	assert_string_equal(q->speaker, "Lena Marsh");
	finish(&r);
}

static void test_resolve_apposition_before_cue(void **state)
{
	(void)state;
	/* the nearest name before "said" sits in a relative clause */
	speaker_is("Rents\n\n"
	           "Tomas Varga, the chair of the Riverside Tenants Union, "
	           "which represents households in Leeds, Sheffield and York, "
	           "said the rise was \"plainly indefensible\".\n",
	           "plainly indefensible", "Tomas Varga");
	/* a role noun named by its apposition */
	speaker_is("Rents\n\n"
	           "The mayor of Linmouth, Agnes Toller, told reporters: "
	           "\"We will freeze the rents.\"\n",
	           "We will freeze", "Agnes Toller");
}

static void test_resolve_outlet_as_speaker(void **state)
{
	run r;
	const qg_attribution *q;

	(void)state;
	extract(&r, "Prices\n\n"
	            "\"Prices will rise again,\" Bloomberg said in a note on "
	            "Tuesday.\n");
	q = find(&r, "Prices will rise");
	assert_non_null(q->speaker);
	assert_string_equal(q->speaker, "Bloomberg");
	assert_null(q->outlet); /* its own words, not words said to it */
	finish(&r);
}

static void test_resolve_previous_sentence_cue(void **state)
{
	(void)state;
	speaker_is("Bridge\n\n"
	           "Ruth Adeyemi said she was baffled by the cracks. "
	           "\"Nobody can explain it.\"\n",
	           "Nobody can explain", "Ruth Adeyemi");
	/* no cue before: nobody */
	speaker_is("Bridge\n\n"
	           "Ruth Adeyemi walked across the bridge. "
	           "\"Nobody can explain it.\"\n",
	           "Nobody can explain", NULL);
}

static void test_resolve_dash_signature(void **state)
{
	(void)state;
	speaker_is("Readers write\n\n"
	           "\"Best bakery in the county, bar none.\" \xe2\x80\x95 "
	           "Joan Pryce\n"
	           "\"Their rye bread saved my wedding.\" \xe2\x80\x94 "
	           "Oskar Lindahl\n",
	           "Their rye bread", "Oskar Lindahl");
}

static void test_resolve_participle_subject(void **state)
{
	(void)state;
	/* after a comma: the subject of the clause, not the nearest name */
	speaker_is("Debate\n\n"
	           "Mara Quist attacked Paul Brandt over the budget, saying, "
	           "\"He has no plan at all.\"\n",
	           "He has no plan", "Mara Quist");
	/* right after a name: that name */
	speaker_is("Debate\n\n"
	           "The advert shows footage of Paul Brandt saying, \"I never "
	           "read the budget.\"\n",
	           "I never read", "Paul Brandt");
}

static void test_resolve_coordinated_cue(void **state)
{
	(void)state;
	/* "and said": the subject of the first verb */
	speaker_is("Rents\n\n"
	           "Lina Borg said Otto Brand had misled the board and said "
	           "the claim \"cannot be justified\".\n",
	           "cannot be justified", "Lina Borg");
}

static void test_resolve_passive_agent(void **state)
{
	(void)state;
	speaker_is("Audit\n\n"
	           "Ferry chief Paul Brandt was criticised by the Audit "
	           "Commission for his \"wishful thinking\".\n",
	           "wishful thinking", "Audit Commission");
}

static void test_resolve_quote_modifying_noun(void **state)
{
	(void)state;
	/* "a 'binding' pledge": pledge is a noun here, the verb came first */
	speaker_is("Pledge\n\n"
	           "Karl Ode has demanded that any deal include a \"binding\" "
	           "pledge from the Harbour Trust.\n",
	           "binding", "Karl Ode");
}

static void test_resolve_delegate_honorific(void **state)
{
	(void)state;
	speaker_is("Vote\n\n"
	           "\"It is a waste of time,\" said Del. Rosa Pike of the "
	           "Eastern Shore.\n",
	           "It is a waste", "Rosa Pike");
}

static void test_resolve_unnamed_group_speaker(void **state)
{
	(void)state;
	/* no name anywhere: the noun phrase that speaks is the speaker */
	speaker_is("Lift\n\n"
	           "The residents said they were furious. \"Three weeks without "
	           "a lift!\"\n",
	           "Three weeks", "The residents");
	speaker_is("Lift\n\n"
	           "\"Fix it now!\" Another tenant shouted.\n",
	           "Fix it now", "Another tenant");
	/* and "he" goes back to it when no person was named */
	speaker_is("Lift\n\n"
	           "The caretaker was angry and said: \"I have "
	           "reported it ten times\", he said.\n",
	           "I have reported", "The caretaker");
	/* a quantified group, its noun no name: "Some analysts said" */
	speaker_is("Lift\n\n"
	           "Some analysts said the lift was \"beyond repair\".\n",
	           "beyond repair", "Some analysts");
	/* an unnamed holder of a role ("a spokesperson") is nobody known:
	 * no speaker, not a name */
	speaker_is("Lift\n\n"
	           "\"Repairs start on Monday,\" a spokesperson said.\n",
	           "Repairs start", NULL);
	speaker_is("Lift\n\n"
	           "An official told Radio Kestrel: \"Repairs start on "
	           "Monday.\"\n",
	           "Repairs start", NULL);
	/* a named person still wins over the phrase */
	speaker_is("Lift\n\n"
	           "Olga Brent, the caretaker, said: \"I have reported it "
	           "ten times.\"\n",
	           "I have reported", "Olga Brent");
}

/* "the Italian said": a lone demonym after "the" stands for the person
 * just named, as "the veteran" does; not for an earlier one, and never a
 * speaker of its own. */
static void test_resolve_demonym_for_person(void **state)
{
	(void)state;
	speaker_is("Cup tie\n\n"
	           "Keeper Jon Dale was beaten twice. Visiting coach Paolo "
	           "Ferri praised his side. \"We never stopped,\" the Italian "
	           "said.\n",
	           "We never stopped", "Paolo Ferri");
	speaker_is("Cup tie\n\n"
	           "Coach Ana Souza watched from the stand. \"It was our best "
	           "half,\" the Brazilian told reporters.\n",
	           "It was our best", "Ana Souza");
}

/* "the spokesperson" after "a spokesperson for X" with no name speaks for
 * X; "the health board" is the body named before, never the person
 * quoted last. */
static void test_resolve_unnamed_role_and_body(void **state)
{
	(void)state;
	speaker_is("Clinics\n\n"
	           "Dr Ida Marr runs the Pellow clinic. A spokesperson for the "
	           "Tarn Valley Health Board said staff could not be found. "
	           "\"We have tried for a year,\" the spokesperson said.\n",
	           "We have tried", "Tarn Valley Health Board");
	speaker_is("Clinics\n\n"
	           "The Tarn Valley Health Board met on Monday. Dr Ida Marr "
	           "said: \"This is the end of care here.\" The health board "
	           "said: \"Vans will visit twice a week.\"\n",
	           "Vans will visit", "Tarn Valley Health Board");
	/* "the health board" with none named is nobody known, never the
	 * subject of the clause it reports */
	speaker_is("Clinics\n\n"
	           "Three clinics will close by December, the health board "
	           "confirmed on Tuesday.\n",
	           "Three clinics will close", NULL);
	/* "an official" left unnamed: "the official" is nobody known, not
	 * the person quoted before */
	speaker_is("Fares\n\n"
	           "Commuter leader Uma Rao said: \"We cannot pay.\" "
	           "According to a senior official, the rise was needed. The "
	           "official said: \"The figures will be published.\"\n",
	           "The figures will", NULL);
	/* a named holder of the title still wins */
	speaker_is("Fares\n\n"
	           "Transport Minister Uma Rao met a senior official. The "
	           "minister said: \"The figures will be published.\"\n",
	           "The figures will", "Uma Rao");
}

/* A plural possessive inside a body's name keeps the name whole, as
 * written, either apostrophe. */
static void test_resolve_plural_possessive_in_name(void **state)
{
	(void)state;
	speaker_is("Clinics\n\n"
	           "\"This is a disaster,\" the Tarn Valley Patients' Alliance "
	           "said.\n",
	           "This is a disaster", "Tarn Valley Patients' Alliance");
	speaker_is("Clinics\n\n"
	           "\"This is a disaster,\" the Tarn Teachers\xe2\x80\x99 Union "
	           "said.\n",
	           "This is a disaster",
	           "Tarn Teachers\xe2\x80\x99 Union");
	/* "and" inside a body's name; not between two people */
	speaker_is("Clinics\n\n"
	           "The Road and Rail Workers' Union said the talks were "
	           "\"going nowhere\".\n",
	           "going nowhere", "Road and Rail Workers' Union");
	speaker_is("Clinics\n\n"
	           "\"This is a disaster,\" said Mary Voss and Tom Reid.\n",
	           "This is a disaster", "Mary Voss");
}

/* A headline that names its speaker by a title ("Mayor hits back") gives
 * the quote to the first person of the story with that title. */
static void test_resolve_headline_role(void **state)
{
	(void)state;
	speaker_is("'We will not back down' Mayor vows to fight on\n\n"
	           "Councillor Ivo Brandt opposed the plan. Outspoken mayor "
	           "Lena Voss said she would fight the cuts.\n",
	           "We will not back down", "Lena Voss");
	speaker_is("'We will not back down' Mayor vows to fight on\n\n"
	           "Councillor Ivo Brandt opposed the plan.\n",
	           "We will not back down", NULL);
}

/* A wire dateline ("SAN JOSE, Calif., Oct 8 (Norland Wire) -") names no
 * speaker: the story's own subject speaks. */
static void test_resolve_dateline_is_no_speaker(void **state)
{
	(void)state;
	speaker_is("Chipmaker cuts outlook\n\n"
	           "SAN JOSE, California, Oct 8 (Norland Wire) - Veltrix "
	           "Semiconductor cut its forecast on Wednesday and said it "
	           "would pause hiring until the spring. \"Demand has "
	           "softened,\" chief executive Marcus Adeyemi said.\n",
	           "it would pause hiring", "Veltrix Semiconductor");
}

static void test_resolve_org_name_goes_on(void **state)
{
	(void)state;
	/* a known body followed by an organisation word is another body */
	speaker_is("Wards\n\n"
	           "However, the NHS Trust Federation, which represents "
	           "hospitals in Kent, Surrey and Sussex, warned of a \"winter "
	           "of delays\".\n",
	           "winter of delays", "NHS Trust Federation");
}

static void test_resolve_name_particle(void **state)
{
	(void)state;
	speaker_is("Parks\n\n"
	           "\"The parks stay open,\" Mayor Elena de Souza said.\n",
	           "The parks stay open", "Elena de Souza");
	/* "of" still ends a name: a person of a place */
	speaker_is("Parks\n\n"
	           "\"The parks stay open,\" said Elena Souza of Leeds.\n",
	           "The parks stay open", "Elena Souza");
}

static void test_resolve_quote_after_quoted_sentence(void **state)
{
	(void)state;
	/* the sentence before holds a quote: its speaker goes on, not the
	 * subject of that sentence's last cue */
	speaker_is("Ferry\n\n"
	           "\"It was a mistake,\" Ivo Rask said as his deputy Mia Lund "
	           "announced the delay. \"We should have waited.\"\n",
	           "We should have waited", "Ivo Rask");
}

static void test_resolve_inverted_long_subject(void **state)
{
	(void)state;
	speaker_is("Ferry\n\n"
	           "\"They never wrote back,\" said 9/11 widower Aled "
	           "Pritchard.\n",
	           "They never wrote back", "Aled Pritchard");
	/* a function word ends the search: no one said it here */
	speaker_is("Ferry\n\n"
	           "\"They never wrote back,\" was said about the firm by "
	           "many.\n",
	           "They never wrote back", NULL);
}

static void test_resolve_headline_colon(void **state)
{
	(void)state;
	speaker_is("A lesson from Ines Moreau: 'Keep the receipts.'\n\n"
	           "Ines Moreau ran the shop for thirty years.\n",
	           "Keep the receipts", "Ines Moreau");
}

/* Extract `text` and check the outlet (NULL: none) of the quote that
 * starts with `prefix`. */
static void outlet_is(const char *text, const char *prefix, const char *want)
{
	run r;
	const qg_attribution *q;

	extract(&r, text);
	q = find(&r, prefix);
	if (want)
		assert_non_null(q->outlet);
	if (want)
		assert_string_equal(q->outlet, want);
	else
		assert_null(q->outlet);
	finish(&r);
}

/* British local copy: "Cllr" is a form of address; a partial quote
 * followed by ", adding" is the sentence subject's, and so is what the
 * participle adds; "campaigners say" is an unnamed group. */
static void test_resolve_british_local_copy(void **state)
{
	const char *text =
	        "Bus row\n\n"
	        "A pensioner spoke out on Monday.\n\n"
	        "Cllr Dev Anand said the route was 'simply not viable', "
	        "adding: 'We carried fewer than ten passengers a day.'\n\n"
	        "But campaigners say residents will be left 'stranded'.\n";
	run r;

	(void)state;
	extract(&r, text);
	assert_string_equal(find(&r, "simply not viable")->speaker, "Dev Anand");
	assert_string_equal(find(&r, "We carried fewer")->speaker, "Dev Anand");
	assert_string_equal(find(&r, "stranded")->speaker, "campaigners");
	finish(&r);
}

/* A colon closing a clause with no verb of saying hands the quote to its
 * subject ("Lund was less gracious: "..."), but not across a second
 * clause ("she was upset, so that I had to say: "...""). */
static void test_resolve_colon_after_subject(void **state)
{
	(void)state;
	speaker_is("Minister quits\n\n"
	           "Prime Minister Henrik Dahl thanked her. \"She gave "
	           "everything,\" he said.\n\n"
	           "Opposition leader Mette Lund was less gracious: \"This is "
	           "long overdue.\"\n",
	           "This is long overdue", "Mette Lund");
	speaker_is("Devil\n\n"
	           "My mother Olive Reyes asked me about it. She was so upset "
	           "that I had to change my answer: \"Of course I believe.\"\n",
	           "Of course I believe", NULL);
}

/* "Union says talks 'going nowhere'": "talks" after "says" is the noun
 * opening its clause, and "Union" alone in a headline is the union the
 * story names in full. */
static void test_resolve_headline_body_by_kind(void **state)
{
	run r;
	const qg_attribution *q;

	(void)state;
	extract(&r, "Union says talks 'going nowhere'\n\n"
	            "The Harbour Workers Union said on Monday that the talks "
	            "were \"going nowhere\" and a strike would follow.\n");
	q = find(&r, "going nowhere");
	assert_int_equal(q->kind, QG_KIND_HEADLINE);
	assert_string_equal(q->speaker, "Harbour Workers Union");
	assert_non_null(q->cue);
	assert_string_equal(q->cue, "says");
	finish(&r);
}

/* "Orbital said" after "Orbital Inc." is the same company, under its
 * full name. */
static void test_resolve_company_short_name(void **state)
{
	(void)state;
	speaker_is("Fine\n\n"
	           "Regulators fined Orbital Inc. on Monday.\n\n"
	           "Orbital said it would appeal.\n",
	           "it would appeal", "Orbital Inc.");
}

/* Sports copy: a given name that is also a country starts a person's name
 * ("Jordan Hartley"), and a demonym noun after "the" ("the Irishman") is
 * the person just named. */
static void test_resolve_sports_names(void **state)
{
	(void)state;
	speaker_is("Hat-trick\n\n"
	           "Jordan Hartley scored three times on Saturday.\n\n"
	           "\"It's the best I've felt,\" said Hartley.\n",
	           "It's the best", "Jordan Hartley");
	speaker_is("Hat-trick\n\n"
	           "City manager Sean Doyle was full of praise. \"He's a special "
	           "talent,\" the Irishman said.\n",
	           "He's a special talent", "Sean Doyle");
}

/* "police said", "But insurance analysts say": a plural source noun with
 * no determiner is an unnamed group, named by its noun phrase, not the
 * place named before it; "the owner, Brockton Storage LLC," is the
 * company in apposition. */
static void test_resolve_bare_sources_and_owner(void **state)
{
	const char *text =
	        "Warehouse fire\n\n"
	        "A man has been charged after a fire destroyed a warehouse in "
	        "east Harlow early Saturday, police said.\n\n"
	        "Fire chief Derek Hale said the blaze took four hours to put "
	        "out.\n\n"
	        "But insurance analysts say the loss could pass $2 million.\n\n"
	        "The warehouse's owner, Harlow Storage LLC, said in a statement "
	        "that it was \"devastated\".\n";
	run r;

	(void)state;
	extract(&r, text);
	assert_string_equal(find(&r, "A man has been charged")->speaker,
	                    "police");
	assert_string_equal(find(&r, "the loss could pass")->speaker,
	                    "insurance analysts");
	assert_string_equal(find(&r, "devastated")->speaker,
	                    "Harlow Storage LLC");
	finish(&r);
	speaker_is("Drought\n\n"
	           "Farmer Luis Ortega spoke on Monday.\n\n"
	           "According to state officials, reservoirs are at 30 percent "
	           "of capacity.\n",
	           "reservoirs are at 30 percent", "state officials");
}

/* "with mediators saying ...": the participle's subject is the unnamed
 * noun before it, not a word that opens the sentence. */
static void test_resolve_with_noun_participle(void **state)
{
	(void)state;
	speaker_is("Truce talks stall\n\n"
	           "CAIRO (Wire) \xe2\x80\x94 Talks on a truce in the valley "
	           "stalled on Sunday, with "
	           "mediators saying both sides had hardened their positions.\n",
	           "both sides had hardened", NULL);
}

/* Storm coverage: "the state agency" is a body, not the mayor named just
 * before; "wrote in a Facebook post:" is the writer's, not Facebook's;
 * "said the 52-year-old" is the person just named, "said the two men"
 * not; a show's title after "on" is no quote, even with a stop inside
 * its marks; "a Labor Day interview" names no outlet. */
static void test_resolve_storm_coverage_shapes(void **state)
{
	const char *text =
	        "Storm\n\n"
	        "Mayor Lucia Reyes spoke on Monday.\n\n"
	        "The state agency said: \"Crews are on the way.\"\n\n"
	        "Reyes wrote in a Facebook post: \"Thank you, volunteers.\"\n\n"
	        "\"Every street,\" said the 52-year-old.\n\n"
	        "\"Not ours,\" said the two men.\n\n"
	        "\"I am staying,\" Reyes told Dan Price on \"Morning Watch.\"\n\n"
	        "Reyes said in a Labor Day interview with KRXT that she was "
	        "\"not going anywhere.\"\n";
	run r;

	(void)state;
	extract(&r, text);
	assert_null(find(&r, "Crews are on the way")->speaker);
	assert_string_equal(find(&r, "Thank you, volunteers")->speaker,
	                    "Lucia Reyes");
	assert_string_equal(find(&r, "Every street")->speaker, "Lucia Reyes");
	assert_true(find(&r, "Not ours")->speaker == NULL ||
	            strcmp(find(&r, "Not ours")->speaker, "Lucia Reyes") != 0);
	for (size_t i = 0; i < qg_article_count(r.a); i++)
		assert_true(strncmp(qg_article_at(r.a, i)->quote, "Morning Watch",
		                    13) != 0);
	assert_true(find(&r, "not going anywhere")->outlet == NULL ||
	            strcmp(find(&r, "not going anywhere")->outlet, "Labor Day") !=
	                    0);
	finish(&r);
}

/* "she" agrees with a woman named before, not with the man named since;
 * "Mrs. Adeyemi" after "Mr. Adeyemi" is another person; a surname alone
 * that is also a given name ("Scott") says nothing of sex. */
static void test_resolve_pronoun_agrees_in_sex(void **state)
{
	run r;
	const qg_attribution *q;

	(void)state;
	speaker_is("Trade fight\n\n"
	           "Janet Ruiz spoke in Erie on Monday.\n\n"
	           "Brian Whitaker attacked her record on trade.\n\n"
	           "\"It is a tax on every family,\" she said.\n",
	           "It is a tax", "Janet Ruiz");
	speaker_is("Clinic vote\n\n"
	           "Keith Scott was stopped by police. Rakeyia Scott filmed the "
	           "stop. Police shouted at Scott.\n\n"
	           "\"Don't shoot,\" she says.\n",
	           "Don't shoot", "Rakeyia Scott");
	extract(&r, "Clinic vote\n\n"
	            "Mr. Adeyemi chaired the meeting. Mrs. Adeyemi, a nurse, "
	            "spoke later.\n\n"
	            "\"We need the clinic,\" she said.\n");
	q = find(&r, "We need the clinic");
	assert_non_null(q->speaker_title);
	assert_string_equal(q->speaker_title, "Mrs.");
	finish(&r);
}

/* "when she backed the pact as a senator" describes a named person: a
 * later "the former senator" is still someone to find, not someone left
 * unnamed ("a senior official ... the official"). */
static void test_resolve_role_as_predicate(void **state)
{
	(void)state;
	speaker_is("Trade fight\n\n"
	           "Whitlock said Noor had backed the pact as a senator.\n\n"
	           "Anna Noor, campaigning in Erie, fired back. The former senator "
	           "called the plan \"a tax on every family.\"\n",
	           "a tax on every family", "Anna Noor");
}

/* "The company said" goes back to the firm the story is about past the
 * people quoted since; a place glued into a word ("Oslo-based") is not
 * that firm, nor anyone. */
static void test_resolve_company_far_back(void **state)
{
	(void)state;
	speaker_is("Salmon farmer warns\n\n"
	           "Fjordlaks ASA cut its forecast on Tuesday. The Oslo-based "
	           "fish farmer blamed lice.\n\n"
	           "\"The summer was hard,\" Chief Executive Eirik Dahl said.\n\n"
	           "\"We expected worse,\" said Ola Brun, an analyst at a local "
	           "bank.\n\n"
	           "The company said in a statement that it would close two "
	           "sites.\n",
	           "it would close two sites", "Fjordlaks ASA");
}

/* Two particles inside a name ("von der", "de la") keep it whole, and
 * the surname alone later, even after its lower-case particles, is the
 * same person. */
static void test_resolve_double_particle_name(void **state)
{
	(void)state;
	speaker_is("Border pact\n\n"
	           "Commissioner Ingrid von der Heide defended the pact on "
	           "Thursday.\n\n"
	           "\"It is fair,\" von der Heide told reporters.\n",
	           "It is fair", "Ingrid von der Heide");
}

/* "X said it was "...", according to news agency Y": the agency relays
 * the words, the verb before the quote names who said them. */
static void test_resolve_according_to_outlet_relays(void **state)
{
	(void)state;
	speaker_is("Border pact\n\n"
	           "Premier Tomas Vidal said the pact was \"a fair deal,\" "
	           "according to news agency Lusa.\n",
	           "a fair deal", "Tomas Vidal");
	outlet_is("Border pact\n\n"
	          "Premier Tomas Vidal said the pact was \"a fair deal,\" "
	          "according to news agency Lusa.\n",
	          "a fair deal", "Lusa");
}

/* A function word opening a sentence ("Like Ruiz, ...", "Neither Ruiz
 * nor ...", "Did Ruiz ...") is not glued to the surname after it: the
 * person keeps the name given in full. */
static void test_resolve_sentence_opener_not_in_name(void **state)
{
	(void)state;
	speaker_is("Harbour vote\n\n"
	           "Councillor Marta Ruiz opposed the harbour plan.\n\n"
	           "Like Ruiz, the mayor fears the cost. Neither Ruiz nor the "
	           "mayor would back it, and Ruiz said it was \"a folly\".\n",
	           "a folly", "Marta Ruiz");
	speaker_is("Harbour vote\n\n"
	           "Councillor Marta Ruiz opposed the harbour plan.\n\n"
	           "Did Ruiz mean it? \"Every word,\" Ruiz said.\n",
	           "Every word", "Marta Ruiz");
}

/* A passive cue's agent may follow its quote ("was described as "X" by
 * Y"); the verb's subject is what was described, never the speaker. An
 * agent left unnamed ("by one critic") keeps the quote, with no speaker. */
static void test_resolve_passive_agent_after_quote(void **state)
{
	(void)state;
	speaker_is("Ring road\n\n"
	           "The ring road plan was described as \"reckless\" by Mayor "
	           "Odile Brennan.\n",
	           "reckless", "Odile Brennan");
	speaker_is("Ring road\n\n"
	           "The ring road plan has been branded \"a fantasy\" by one "
	           "critic.\n",
	           "a fantasy", NULL);
}

/* Someone unnamed with words after the role ("A source close to the
 * band", "A spokeswoman for the label") is the subject, not the name in
 * the reported clause after the verb; the quote stays, unattributed. (A
 * name inside the phrase, "an aide to Ruiz said", is still taken: the
 * aide speaks for Ruiz.) */
static void test_resolve_unnamed_with_postmodifier(void **state)
{
	(void)state;
	speaker_is("Band splits\n\n"
	           "A source close to the band insisted Corrigan had been asked "
	           "\"several times\".\n",
	           "several times", NULL);
	speaker_is("Band splits\n\n"
	           "A spokeswoman for the label said the band was \"on a "
	           "break\".\n",
	           "on a break", NULL);
}

/* One capitalised word after a headline's label ("EXCLUSIVE: Pop star's
 * ex slams") is no one's name; the headline quote stays, unattributed.
 * A given name that is also a title starts a two-word name. */
static void test_resolve_headline_label_and_given_title(void **state)
{
	run r;
	const qg_attribution *q;

	(void)state;
	extract(&r, "EXCLUSIVE: Pop star's ex slams 'heartless' film\n\n"
	            "Dean Holloway, 31, told reporters: \"They never called "
	            "me.\"\n");
	q = find(&r, "heartless");
	assert_null(q->speaker);
	q = find(&r, "They never called");
	assert_non_null(q->speaker);
	assert_string_equal(q->speaker, "Dean Holloway");
	finish(&r);
}

/* A verb of finding or belief inside what a speaker said ("said the ruling
 * showed", "said he believed") does not take the quote from the speaker. */
static void test_resolve_finding_inside_speech(void **state)
{
	(void)state;
	speaker_is("Court pick\n\n"
	           "State Sen. Warren Tolliver said the ruling showed \"a "
	           "willingness to rewrite the law.\"\n",
	           "a willingness", "Warren Tolliver");
	speaker_is("Court pick\n\n"
	           "Warren Tolliver said he believed the plan was \"a gamble\".\n",
	           "a gamble", "Warren Tolliver");
}

/* US legislators' titles and less common given names stay out of the
 * name: "Assemblywoman Tasha Greene" is Tasha Greene. */
static void test_resolve_legislator_title(void **state)
{
	(void)state;
	speaker_is("Court pick\n\n"
	           "\"It is thin,\" said Assemblywoman Tasha Greene.\n",
	           "It is thin", "Tasha Greene");
}

/* A cue verb's -s form followed by a finite verb is a plural noun ("the
 * repair estimates were"), and the quote after it keeps the real cue. */
static void test_resolve_plural_noun_no_cue(void **state)
{
	(void)state;
	speaker_is("Bridge repairs\n\n"
	           "Engineer Lorna Vasquez said the repair estimates were "
	           "\"far too low\".\n",
	           "far too low", "Lorna Vasquez");
	speaker_is("Bridge repairs\n\n"
	           "Lorna Vasquez said his claims are \"plainly wrong\".\n",
	           "plainly wrong", "Lorna Vasquez");
}

/* "X, who said ...": the noun before the relative pronoun speaks, even
 * after a preposition; a noun that names nobody leaves no speaker rather
 * than the body named earlier. */
static void test_resolve_relative_clause_subject(void **state)
{
	(void)state;
	speaker_is("Rail vote\n\n"
	           "The Rail Board approved the plan over objections from "
	           "Sen. Idris Feeney, who said it would close two stations.\n",
	           "it would close two", "Idris Feeney");
	speaker_is("Rail vote\n\n"
	           "The Rail Board approved the plan despite commuters who "
	           "argued the fares would double.\n",
	           "the fares would double", NULL);
}

/* "the ministry" with no ministry named is not the Senate named before;
 * "the group" may be any body. */
static void test_resolve_orgref_kind_of_body(void **state)
{
	(void)state;
	speaker_is("Grain prices\n\n"
	           "The Senate passed the grain bill on Monday.\n\n"
	           "The ministry said prices would fall by spring.\n",
	           "prices would fall", NULL);
	speaker_is("Grain prices\n\n"
	           "The Harvest Farmers Alliance wrote to the minister on "
	           "Monday. The group said prices would fall by spring.\n",
	           "prices would fall", "Harvest Farmers Alliance");
}

/* A role with its holder in apposition ("The council leader, Councillor
 * Priya Nair, hit back") is the subject a later "she" goes to. */
static void test_resolve_role_apposition_antecedent(void **state)
{
	(void)state;
	speaker_is("Stadium talks\n\n"
	           "\"We are walking away,\" said club chairman Hugo Brandt.\n\n"
	           "The council leader, Councillor Priya Nair, hit back on "
	           "Friday.\n\n"
	           "She added: \"Every offer we made was refused.\"\n",
	           "Every offer", "Priya Nair");
}

/* "asked not to be named" requests nothing of anyone: no reported
 * clause starts at "not". */
static void test_resolve_asked_not_to_be_named(void **state)
{
	run r;

	(void)state;
	extract(&r, "Stadium talks\n\n"
	            "A club official, who asked not to be named, said the "
	            "players were stunned.\n");
	for (size_t i = 0; i < qg_article_count(r.a); i++)
		assert_true(strncmp(qg_article_at(r.a, i)->quote, "not to be",
		                    9) != 0);
	assert_non_null(find(&r, "the players were stunned"));
	finish(&r);
}

/* Mastheads by their shape: a weekday or time of day opening the name
 * ("Evening Courier") and a masthead word alone after "the". A document
 * seen by a paper was not said to it. */
static void test_resolve_masthead_shapes(void **state)
{
	(void)state;
	outlet_is("Stadium talks\n\n"
	          "Priya Nair told the Evening Courier that the club had "
	          "\"never been serious\".\n",
	          "never been serious", "Evening Courier");
	outlet_is("Stadium talks\n\n"
	          "Priya Nair told the Gazette that the club had \"never been "
	          "serious\".\n",
	          "never been serious", "Gazette");
	outlet_is("Stadium talks\n\n"
	          "In a memo seen by the Gazette, Priya Nair wrote that the club "
	          "had \"never been serious\".\n",
	          "never been serious", NULL);
}

static void test_resolve_outlet_affiliation(void **state)
{
	(void)state;
	/* "a columnist for X" is where she works, not where she spoke */
	outlet_is("Tolls\n\n"
	          "\"Nobody asked the drivers,\" said Wren Hollis, a columnist "
	          "for The Guardian, at a meeting in Hull.\n",
	          "Nobody asked", NULL);
	outlet_is("Tolls\n\n"
	          "\"Nobody asked the drivers,\" Wren Hollis told The "
	          "Guardian.\n",
	          "Nobody asked", "The Guardian");
}

/* A station named by its shape ("ValleyFM", "CityTV"), in no gazetteer;
 * capitals alone ("BRTV") are no such shape. */
static void test_resolve_outlet_station_shape(void **state)
{
	(void)state;
	outlet_is("Tolls\n\n"
	          "Mayor Wren Hollis told ValleyFM on Monday that the toll was "
	          "\"a mistake\".\n",
	          "a mistake", "ValleyFM");
	outlet_is("Tolls\n\n"
	          "\"Nobody asked the drivers,\" Wren Hollis told KestrelTV.\n",
	          "Nobody asked", "KestrelTV");
	outlet_is("Tolls\n\n"
	          "\"Nobody asked the drivers,\" Wren Hollis told BRTV.\n",
	          "Nobody asked", NULL);
}

/* A known masthead followed by "de" and a town is that town's paper, its
 * name as written; the known one alone stays itself. */
static void test_resolve_outlet_with_particle(void **state)
{
	(void)state;
	outlet_is("Tolls\n\n"
	          "Mayor Wren Hollis told the daily El Mundo de Valmont that the "
	          "toll was \"a mistake\".\n",
	          "a mistake", "El Mundo de Valmont");
	outlet_is("Tolls\n\n"
	          "Mayor Wren Hollis told El Mundo that the toll was \"a "
	          "mistake\".\n",
	          "a mistake", "El Mundo");
}

static void test_resolve_outlet_report_is_no_venue(void **state)
{
	(void)state;
	/* an outlet's report about the speaker sends none of his later
	 * words to that outlet */
	outlet_is("Tolls\n\n"
	          "In a Guardian report on the tolls, Omar Vance said the plan "
	          "was fair.\n\n"
	          "\"It pays for the bridge,\" Vance said.\n",
	          "It pays for", NULL);
}

static void test_resolve_outlet_scope_and_venue(void **state)
{
	(void)state;
	/* told an outlet: his later quotes went to it too */
	outlet_is("Tolls\n\n"
	          "Omar Vance told The Guardian the tolls would stay.\n\n"
	          "\"It pays for the bridge,\" Vance said.\n",
	          "It pays for", "The Guardian");
	/* unless they were said somewhere else */
	outlet_is("Tolls\n\n"
	          "Omar Vance told The Guardian the tolls would stay.\n\n"
	          "\"It pays for the bridge,\" Vance said at a rally in "
	          "Hull.\n",
	          "It pays for", NULL);
}

static void test_resolve_outlet_radio_name(void **state)
{
	(void)state;
	/* a broadcaster named by its first word, not a person */
	outlet_is("Tolls\n\n"
	          "\"It pays for the bridge,\" Omar Vance said in an "
	          "interview with Radio Humberside.\n",
	          "It pays for", "Radio Humberside");
}

static void test_resolve_pronoun_through_pronoun_subject(void **state)
{
	(void)state;
	/* "she" goes back through a sentence whose subject is "She" to the
	 * senator, not to the last person quoted */
	speaker_is("Water\n\n"
	           "\"The dam must wait,\" said Ivo Stenberg, the county "
	           "engineer.\n\n"
	           "Senator Hana Voss has blocked the funding since March. She "
	           "told reporters on Monday that others would join her.\n\n"
	           "\"We will see,\" she said.\n",
	           "We will see", "Hana Voss");
}

static void test_resolve_outlet_scope_ends(void **state)
{
	(void)state;
	/* told reporters: another occasion than the earlier interview */
	outlet_is("Water\n\n"
	          "\"I have nothing against him,\" Hana Voss said in an "
	          "interview with the Lakeside Gazette.\n\n"
	          "Voss told reporters on Monday that others would join her.\n\n"
	          "\"We will see,\" she said.\n",
	          "We will see", NULL);
}

static void test_resolve_title_before_name(void **state)
{
	(void)state;
	/* "Rival boss Tom Ashby": the capitalised title is his, not a
	 * reference back to the person before */
	speaker_is("Derby\n\n"
	           "Harlow Town manager Gina Ferris was furious.\n\n"
	           "Rival boss Tom Ashby was calmer. Asked about the penalty, he "
	           "said: \"It looked a clear foul.\"\n",
	           "It looked a clear foul", "Tom Ashby");
	/* a club name before "manager" qualifies the manager */
	speaker_is("Derby\n\n"
	           "\"A disgrace,\" said Harlow Town manager Gina Ferris.\n",
	           "A disgrace", "Gina Ferris");
}

static void test_resolve_opening_participle(void **state)
{
	run r;
	const qg_attribution *q;

	(void)state;
	/* "Speaking to X, the 44-year-old ...": the main clause's subject,
	 * a description of the person just named; and the outlet holds for
	 * her next words */
	extract(&r, "Derby\n\n"
	            "Harlow Town manager Gina Ferris was furious.\n\n"
	            "Speaking to BBC Radio Harlow after the match, the "
	            "44-year-old did not hold back.\n\n"
	            "\"I have never seen a penalty like that,\" she said.\n");
	q = find(&r, "I have never seen");
	assert_non_null(q->speaker);
	assert_string_equal(q->speaker, "Gina Ferris");
	assert_non_null(q->outlet);
	assert_string_equal(q->outlet, "BBC Radio Harlow");
	finish(&r);
}

static void test_resolve_dash_participle_and_place(void **state)
{
	run r;
	const qg_attribution *q = NULL;

	(void)state;
	/* "—claiming" after a dash: the subject of the clause, and "the
	 * Alder region" is a place, not a speaker */
	extract(&r, "Front\n\n"
	            "General Oskar Brandt spoke on Monday. He said his troops "
	            "held the Alder region\xe2\x80\x94" "claiming the last enemy "
	            "units had been cut off.\n");
	for (size_t i = 0; i < qg_article_count(r.a); i++)
		if (qg_article_at(r.a, i)->kind == QG_KIND_INDIRECT &&
		    strstr(qg_article_at(r.a, i)->quote, "cut off"))
			q = qg_article_at(r.a, i);
	assert_non_null(q);
	assert_non_null(q->speaker);
	assert_string_equal(q->speaker, "Oskar Brandt");
	finish(&r);
}

static void test_resolve_place_before_name(void **state)
{
	(void)state;
	/* "envoy to the Baltic States Maria Lind": the preposition governs
	 * the place; the name after it speaks */
	speaker_is("Talks\n\n"
	           "Nordic envoy to the Baltic States Maria Lind said the talks "
	           "were \"finally moving\".\n",
	           "finally moving", "Maria Lind");
}

static void test_resolve_unnamed_interview_named_later(void **state)
{
	(void)state;
	/* an interview named only later is the same interview: its outlet
	 * holds from the first mention */
	outlet_is("Talks\n\n"
	          "Minister Pavel Orlik said in an interview on Sunday that the "
	          "border would stay shut.\n\n"
	          "\"We have no other choice,\" Orlik said.\n\n"
	          "Orlik made the remarks in an interview with the Vesna Daily "
	          "Herald.\n",
	          "We have no other choice", "Vesna Daily Herald");
}

static void test_resolve_adjacent_subject_wins(void **state)
{
	(void)state;
	/* "as the Gazette called them": the outlet right before the verb is
	 * its subject, not the name in the clause before; the verb speaks,
	 * not the "in an article" after it */
	speaker_is("Anchors\n\n"
	           "Ola Brun and Per Sand are the faces of the new channel (or, "
	           "as the Harbour Gazette called them in an article last week, "
	           "\"the smiling twins\").\n",
	           "the smiling twins", "Harbour Gazette");
}

static void test_resolve_dash_after_name(void **state)
{
	(void)state;
	/* a quote set off by dashes right after a name is that person's */
	speaker_is("Returns\n\n"
	           "Many in the party have said so, including the former mayor "
	           "Lena Falk -- \"Voters deserve to see the accounts\" -- and "
	           "the treasurer.\n",
	           "Voters deserve", "Lena Falk");
}

/* Is there an attribution whose quote starts with `prefix`? */
static bool has_quote(const run *r, const char *prefix)
{
	for (size_t i = 0; i < qg_article_count(r->a); i++)
		if (strncmp(qg_article_at(r->a, i)->quote, prefix,
		            strlen(prefix)) == 0)
			return true;
	return false;
}

/* A broadcast transcript printed in a story: each turn goes to the person
 * its label names (a surname, a title and full name with a party, a name
 * with a role after a comma), as direct speech with no cue; what a turn
 * reports is no record of its own; an unnamed voice's line is no turn. */
static void test_resolve_transcript_turns(void **state)
{
	run r;
	const qg_attribution *q;

	(void)state;
	extract(&r, "Senator defends port bill\n\n"
	            "Senator Ruth Oyelaran defended the port bill on Sunday. "
	            "Part of the exchange follows.\n\n"
	            "DAVID HOLT, HOST: Is the bill dead?\n\n"
	            "SEN. RUTH OYELARAN (D-MD): Not at all. My colleagues said "
	            "the vote would be close, and it will be.\n\n"
	            "UNIDENTIFIED MALE: Shame on you!\n\n"
	            "HOLT: We will leave it there.\n\n"
	            "OYELARAN: Thank you, David.\n");
	q = find(&r, "Is the bill dead?");
	assert_string_equal(q->speaker, "David Holt");
	assert_int_equal(q->kind, QG_KIND_DIRECT);
	assert_null(q->cue);
	q = find(&r, "Not at all.");
	assert_string_equal(q->speaker, "Ruth Oyelaran");
	assert_string_equal(q->rule, "transcript-turn");
	q = find(&r, "We will leave it there.");
	assert_string_equal(q->speaker, "David Holt");
	q = find(&r, "Thank you, David.");
	assert_string_equal(q->speaker, "Ruth Oyelaran");
	assert_false(has_quote(&r, "the vote would be close"));
	assert_false(has_quote(&r, "Shame on you"));
	finish(&r);
	/* a role with the name in parentheses, then the role alone */
	extract(&r, "Budget talks stall\n\n"
	            "HOST (MARA VELLACOTT): Minister, is the budget late?\n\n"
	            "MINISTER TOMAS GREBE: It is on time.\n\n"
	            "HOST: Then why the delay?\n\n"
	            "GREBE: There is none.\n");
	q = find(&r, "Minister, is the budget late?");
	assert_string_equal(q->speaker, "Mara Vellacott");
	q = find(&r, "Then why the delay?");
	assert_string_equal(q->speaker, "Mara Vellacott");
	q = find(&r, "There is none.");
	assert_string_equal(q->speaker, "Tomas Grebe");
	finish(&r);
}

/* An inverted cue whose subject is a role, with the person's name in
 * apposition after a comma: the person speaks, not the body the role
 * belongs to, nor someone named before. */
static void test_resolve_inverted_role_then_name(void **state)
{
	(void)state;
	speaker_is("Chip sales slow\n\n"
	           "\"Demand has cooled,\" said the company's chief executive, "
	           "Jane Roe, on a call with analysts.\n",
	           "Demand has cooled", "Jane Roe");
	speaker_is("Sleep study\n\n"
	           "Jane Roe chaired the panel.\n\n"
	           "\"We expect a better spring,\" said the study's lead "
	           "author, Dr. Farah Qureshi, a neurologist.\n",
	           "We expect a better spring", "Farah Qureshi");
	speaker_is("Ferry strike\n\n"
	           "\"It is too early,\" said a spokesman, Tim Hale.\n",
	           "It is too early", "Tim Hale");
}

/* Letters after a name are no part of it ("Colin Ashdown KC", "Jane
 * Hollis MP"), and a capitalised run ending in a street or a station is
 * a place that speaks for no one. */
static void test_resolve_postnominals_and_places(void **state)
{
	(void)state;
	speaker_is("Ferry trial\n\n"
	           "\"My client acted in good faith,\" said Colin Ashdown KC.\n",
	           "My client acted", "Colin Ashdown");
	speaker_is("Harbour levy\n\n"
	           "Lena Ostrova opened the debate.\n\n"
	           "\"We will look again,\" said Jane Hollis MP.\n",
	           "We will look again", "Jane Hollis");
	speaker_is("Flood clean-up\n\n"
	           "Shopkeepers on Marwick High Street said the water reached "
	           "their doors.\n",
	           "the water reached", NULL);
}

/* An interview printed as questions and answers: each answer is the
 * words of the person the introduction names, the questions are no
 * quotes; a lone "A:" makes no interview. */
static void test_resolve_question_and_answer(void **state)
{
	run r;
	const qg_attribution *q;

	(void)state;
	extract(&r, "Q&A: the mayor on the tram\n\n"
	            "The tram line is two years late. We spoke to Mayor Lena "
	            "Sorvino about what went wrong.\n\n"
	            "Q: Why is the tram so late?\n\n"
	            "A: Because we found pipes nobody had mapped.\n\n"
	            "Q: Will it open next year?\n\n"
	            "A: It will open in the spring.\n");
	q = find(&r, "Because we found pipes");
	assert_string_equal(q->speaker, "Lena Sorvino");
	assert_string_equal(q->rule, "transcript-turn");
	q = find(&r, "It will open in the spring.");
	assert_string_equal(q->speaker, "Lena Sorvino");
	assert_false(has_quote(&r, "Why is the tram"));
	finish(&r);
	extract(&r, "Tram update\n\n"
	            "A: Line 2 reopens on Monday, the operator said.\n\n"
	            "Passengers should allow extra time.\n");
	assert_false(has_quote(&r, "Line 2 reopens"));
	finish(&r);
}

/* A quote opening a sentence after the writer's sentence about another
 * person in the same paragraph is that person's, not the speaker of the
 * paragraph before. */
static void test_resolve_quote_after_subject_sentence(void **state)
{
	(void)state;
	speaker_is("Harbour vote\n\n"
	           "\"We need the money now,\" Mayor Ilse Marwick said.\n\n"
	           "Councillor Tomas Grebe, who voted against the plan, named "
	           "the cost as his main worry. \"Nobody has seen the final "
	           "bill.\"\n",
	           "Nobody has seen", "Tomas Grebe");
	/* the same person again: the speaker goes on */
	speaker_is("Harbour vote\n\n"
	           "\"We need the money now,\" Mayor Ilse Marwick said.\n\n"
	           "Marwick named the cost as the main worry. \"Nobody has "
	           "seen the final bill.\"\n",
	           "Nobody has seen", "Ilse Marwick");
}

/* A title-case quote where a show's name goes (after "on", or after a
 * broadcaster's possessive) or standing alone as a subhead is a title,
 * even with a stop inside the marks; a quoted sentence stays a quote. */
static void test_resolve_titles_and_subheads(void **state)
{
	run r;

	(void)state;
	extract(&r, "Pier row\n\n"
	            "\"The pier stays shut,\" Ana Ruiz said on Channel Nine's "
	            "\"Harbour Hour.\"\n\n"
	            "'A Town Divided.'\n\n"
	            "Traders disagree. \"We lose money every day it is shut,\" "
	            "said Olu Bakare.\n");
	assert_true(has_quote(&r, "The pier stays shut"));
	assert_false(has_quote(&r, "Harbour Hour"));
	assert_false(has_quote(&r, "A Town Divided"));
	assert_true(has_quote(&r, "We lose money"));
	finish(&r);
}

/* A nickname in quotes inside a name is no quote; "state" before a form
 * of address is a noun, so the verb after the name frames the quote. */
static void test_resolve_nickname_and_state_title(void **state)
{
	run r;
	const qg_attribution *q;

	(void)state;
	extract(&r, "Harbour rally\n\n"
	            "Her cousin, state Del. Marisol \"Sol\" Varga, shouted: "
	            "\"The harbour is watching us.\"\n");
	assert_false(has_quote(&r, "Sol"));
	q = find(&r, "The harbour is watching");
	assert_string_equal(q->cue, "shouted");
	finish(&r);
}

/* Members of a party in the plural are a group of people, not the party
 * as a body: "Republicans said" is theirs, "the Republican Party said" the
 * party's. */
static void test_resolve_party_members(void **state)
{
	(void)state;
	speaker_is("Harbour bill\n\n"
	           "Fellow Republicans are urging the governor to sign the "
	           "bill.\n",
	           "the governor to sign", "Republicans");
	speaker_is("Harbour bill\n\n"
	           "The Republican Party said the bill would pass.\n",
	           "the bill would pass", "Republican Party");
	speaker_is("Harbour bill\n\n"
	           "In the capital, Democrats said the vote was rushed.\n",
	           "the vote was rushed", "Democrats");
}

/* A company named after the noun that says it is one: the whole name,
 * not a surname cut from it, and not the noun. */
static void test_resolve_company_after_head_noun(void **state)
{
	(void)state;
	speaker_is("Outage\n\n"
	           "Utility company Western Power said it was cooperating.\n",
	           "it was cooperating", "Western Power");
	speaker_is("Outage\n\n"
	           "Chipmaker Halvard said orders rose.\n",
	           "orders rose", "Halvard");
	/* a noun that names bodies itself stays in the name */
	speaker_is("Outage\n\n"
	           "Bank of Harbourton said rates would hold.\n",
	           "rates would hold", "Bank of Harbourton");
}

/* A quoted modifier in the object of a verb that takes no bare clause is
 * the speaker's word ("promised a "top to bottom" review"); a lede's role
 * with no holder before is the titled person who opens the next
 * sentence. */
static void test_resolve_lede_role_and_framed_modifier(void **state)
{
	run r;
	const qg_attribution *q;

	(void)state;
	extract(&r, "Council pledges review of ferry fares\n\n"
	            "The leader of Harbourton Council has promised a \"top to "
	            "bottom\" review of ferry fares.\n\n"
	            "Councillor Ama Boateng said the review would report in "
	            "May.\n");
	q = find(&r, "top to bottom");
	assert_int_equal(q->kind, QG_KIND_PARTIAL);
	assert_non_null(q->speaker);
	assert_string_equal(q->speaker, "Ama Boateng");
	finish(&r);
	/* later in the story a role is not named forward */
	extract(&r, "Council pledges review of ferry fares\n\n"
	            "Councillor Ama Boateng opened the meeting.\n\n"
	            "Fares rose in May. The treasurer said the rise was "
	            "\"painful but needed\".\n\n"
	            "Mayor Tomas Grebe said he agreed.\n");
	q = find(&r, "painful but needed");
	assert_true(q->speaker == NULL ||
	            strcmp(q->speaker, "Tomas Grebe") != 0);
	finish(&r);
}

/* "according to a statement from X": X, named past the document. */
static void test_resolve_according_to_document_from(void **state)
{
	(void)state;
	speaker_is("Ferry strike talks\n\n"
	           "According to a statement from the ferry operator "
	           "Islandlink, services will run at half capacity.\n",
	           "services will run", "Islandlink");
	speaker_is("Ferry strike talks\n\n"
	           "According to figures released by the Harbour Authority, "
	           "traffic fell by a third.\n",
	           "traffic fell", "Harbour Authority");
}

/* An unnamed officer of a company speaks for it: "Islandlink's chief
 * executive told ..." after the company is named, its own name again
 * being the company, not a new person. */
static void test_resolve_company_officer_unnamed(void **state)
{
	(void)state;
	speaker_is("Ferry losses\n\n"
	           "The ferry operator Islandlink said it was losing money.\n\n"
	           "Islandlink's chief executive told the Harbour Gazette that "
	           "the company had lost money every day.\n",
	           "the company had lost", "Islandlink");
	speaker_is("Ferry losses\n\n"
	           "Ferries run by Marrowby Lines Ltd were cancelled.\n\n"
	           "\"We are losing money,\" Marrowby Lines' chief executive "
	           "said.\n",
	           "We are losing money", "Marrowby Lines Ltd");
}

/* "A senior aide, speaking on condition of anonymity because he was not
 * authorized ...": an unnamed source, whatever the aside's pronoun would
 * point to. */
static void test_resolve_unnamed_source_with_aside(void **state)
{
	(void)state;
	speaker_is("Senate vote\n\n"
	           "Sen. Dale Hurst spoke on Monday.\n\n"
	           "A senior aide, speaking on condition of anonymity because "
	           "he was not authorized to discuss the talks, said leaders "
	           "were far apart.\n",
	           "leaders were far apart", NULL);
	/* "the harbour master" is someone named before */
	speaker_is("Senate vote\n\n"
	           "Harbour master Omar Tell met the senators.\n\n"
	           "The senior harbour master said leaders were far apart.\n",
	           "leaders were far apart", "Omar Tell");
}

/* A headline names its speaker before the story does: "Ruiz: '...'" is
 * the Ana Ruiz of the story, "'...,' says harbour chief" and "..., says
 * minister" the person the story gives that title. */
static void test_resolve_headline_speaker_named_below(void **state)
{
	run r;
	const qg_attribution *q;
	static const char body[] =
	    "By Lena Ostrova\n\n"
	    "Harbour chief Ana Ruiz spoke to staff on Monday about the levy "
	    "and the port.\n\n"
	    "\"We will not back down,\" Ruiz said.\n";
	char text[512];

	(void)state;
	snprintf(text, sizeof(text), "Ruiz: 'We will not give way'\n\n%s", body);
	extract(&r, text);
	q = find(&r, "We will not give way");
	assert_int_equal(q->kind, QG_KIND_HEADLINE);
	assert_non_null(q->speaker);
	assert_string_equal(q->speaker, "Ana Ruiz");
	finish(&r);
	snprintf(text, sizeof(text),
	         "'We will not give way,' says harbour chief\n\n%s", body);
	extract(&r, text);
	q = find(&r, "We will not give way");
	assert_non_null(q->speaker);
	assert_string_equal(q->speaker, "Ana Ruiz");
	assert_false(has_quote(&r, "harbour chief"));
	finish(&r);
	snprintf(text, sizeof(text),
	         "Port levy to be reviewed, says harbour chief\n\n%s", body);
	extract(&r, text);
	q = find(&r, "Port levy to be reviewed");
	assert_int_equal(q->kind, QG_KIND_INDIRECT);
	assert_non_null(q->speaker);
	assert_string_equal(q->speaker, "Ana Ruiz");
	finish(&r);
}

/* A role noun no one holds is not the last person named when that
 * person carries another title: "the manager" is not the goalkeeper. */
static void test_resolve_role_not_other_title(void **state)
{
	(void)state;
	speaker_is("Rovers win again\n\n"
	           "Goalkeeper Tom Haas saved a penalty.\n\n"
	           "\"We need to keep going,\" the manager said.\n",
	           "We need to keep going", NULL);
	/* the same title: that person */
	speaker_is("Rovers win again\n\n"
	           "Rovers manager Dana Reyes watched from the stands.\n\n"
	           "\"We need to keep going,\" the manager said.\n",
	           "We need to keep going", "Dana Reyes");
}

/* A known broadcaster followed by its medium is the station as written
 * ("ABC Radio"), not the broadcaster's news brand; a masthead's shape that
 * modifies a noun ("a Gold Star mother") is no outlet. */
static void test_resolve_outlet_with_medium(void **state)
{
	run r;
	const qg_attribution *q;

	(void)state;
	extract(&r, "Drought loans\n\n"
	            "\"The loans will stay,\" Kate Moreland told ABC Radio on "
	            "Monday.\n");
	q = find(&r, "The loans will stay");
	assert_non_null(q->outlet);
	assert_string_equal(q->outlet, "ABC Radio");
	finish(&r);
	/* a masthead's shape before a plain noun is no outlet; before a
	 * preposition it is */
	extract(&r, "Drought loans\n\n"
	            "Kate Moreland replied to a Harbour Star mother on "
	            "Monday. \"The loans will stay,\" she said.\n\n"
	            "\"They will grow,\" Ilse Marwick told the Harbour Star on "
	            "Tuesday.\n");
	q = find(&r, "The loans will stay");
	assert_null(q->outlet);
	q = find(&r, "They will grow");
	assert_non_null(q->outlet);
	assert_string_equal(q->outlet, "Harbour Star");
	finish(&r);
}

/* Wire copy's relays: "the agency TASS quoted X as saying" and "X was
 * quoted by TASS as saying" are X's words; "cited a source as saying" and
 * "with a senior diplomat saying" an unnamed source's, not the relaying
 * agency's nor the sentence's subject. */
static void test_resolve_quoted_as_saying(void **state)
{
	run r;
	const qg_attribution *q;

	(void)state;
	extract(&r, "Talks rejected\n\n"
	            "Harbourland rejected the offer on Monday, with a senior "
	            "diplomat saying it was \"not serious.\"\n\n"
	            "Deputy Minister Ivo Maric was quoted by the news agency "
	            "Portinform as saying there was \"no basis\" for talks.\n\n"
	            "The Baltik news agency cited a source in the ministry as "
	            "saying a reply would come \"in due course.\"\n");
	q = find(&r, "not serious");
	assert_null(q->speaker);
	q = find(&r, "no basis");
	assert_non_null(q->speaker);
	assert_string_equal(q->speaker, "Ivo Maric");
	q = find(&r, "in due course");
	assert_null(q->speaker);
	assert_false(has_quote(&r, "a source in the ministry"));
	finish(&r);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_resolve_title_word_as_surname),
		cmocka_unit_test(test_resolve_surname_completed_later),
		cmocka_unit_test(test_resolve_known_outlet_not_cut),
		cmocka_unit_test(test_resolve_place_word_as_surname),
		cmocka_unit_test(test_resolve_name_modifying_a_noun),
		cmocka_unit_test(test_resolve_cue_after_question),
		cmocka_unit_test(test_resolve_inverted_after_outlet),
		cmocka_unit_test(test_resolve_apposition_before_cue),
		cmocka_unit_test(test_resolve_outlet_as_speaker),
		cmocka_unit_test(test_resolve_previous_sentence_cue),
		cmocka_unit_test(test_resolve_dash_signature),
		cmocka_unit_test(test_resolve_participle_subject),
		cmocka_unit_test(test_resolve_coordinated_cue),
		cmocka_unit_test(test_resolve_passive_agent),
		cmocka_unit_test(test_resolve_quote_modifying_noun),
		cmocka_unit_test(test_resolve_delegate_honorific),
		cmocka_unit_test(test_resolve_unnamed_group_speaker),
		cmocka_unit_test(test_resolve_demonym_for_person),
		cmocka_unit_test(test_resolve_unnamed_role_and_body),
		cmocka_unit_test(test_resolve_plural_possessive_in_name),
		cmocka_unit_test(test_resolve_headline_role),
		cmocka_unit_test(test_resolve_dateline_is_no_speaker),
		cmocka_unit_test(test_resolve_org_name_goes_on),
		cmocka_unit_test(test_resolve_name_particle),
		cmocka_unit_test(test_resolve_quote_after_quoted_sentence),
		cmocka_unit_test(test_resolve_inverted_long_subject),
		cmocka_unit_test(test_resolve_headline_colon),
		cmocka_unit_test(test_resolve_outlet_affiliation),
		cmocka_unit_test(test_resolve_outlet_station_shape),
		cmocka_unit_test(test_resolve_outlet_with_particle),
		cmocka_unit_test(test_resolve_outlet_report_is_no_venue),
		cmocka_unit_test(test_resolve_outlet_scope_and_venue),
		cmocka_unit_test(test_resolve_outlet_radio_name),
		cmocka_unit_test(test_resolve_pronoun_through_pronoun_subject),
		cmocka_unit_test(test_resolve_outlet_scope_ends),
		cmocka_unit_test(test_resolve_title_before_name),
		cmocka_unit_test(test_resolve_opening_participle),
		cmocka_unit_test(test_resolve_dash_participle_and_place),
		cmocka_unit_test(test_resolve_place_before_name),
		cmocka_unit_test(test_resolve_unnamed_interview_named_later),
		cmocka_unit_test(test_resolve_adjacent_subject_wins),
		cmocka_unit_test(test_resolve_dash_after_name),
		cmocka_unit_test(test_resolve_plural_noun_no_cue),
		cmocka_unit_test(test_resolve_relative_clause_subject),
		cmocka_unit_test(test_resolve_orgref_kind_of_body),
		cmocka_unit_test(test_resolve_role_apposition_antecedent),
		cmocka_unit_test(test_resolve_asked_not_to_be_named),
		cmocka_unit_test(test_resolve_masthead_shapes),
		cmocka_unit_test(test_resolve_finding_inside_speech),
		cmocka_unit_test(test_resolve_legislator_title),
		cmocka_unit_test(test_resolve_passive_agent_after_quote),
		cmocka_unit_test(test_resolve_unnamed_with_postmodifier),
		cmocka_unit_test(test_resolve_headline_label_and_given_title),
		cmocka_unit_test(test_resolve_sentence_opener_not_in_name),
		cmocka_unit_test(test_resolve_double_particle_name),
		cmocka_unit_test(test_resolve_according_to_outlet_relays),
		cmocka_unit_test(test_resolve_company_far_back),
		cmocka_unit_test(test_resolve_role_as_predicate),
		cmocka_unit_test(test_resolve_pronoun_agrees_in_sex),
		cmocka_unit_test(test_resolve_storm_coverage_shapes),
		cmocka_unit_test(test_resolve_with_noun_participle),
		cmocka_unit_test(test_resolve_bare_sources_and_owner),
		cmocka_unit_test(test_resolve_sports_names),
		cmocka_unit_test(test_resolve_company_short_name),
		cmocka_unit_test(test_resolve_headline_body_by_kind),
		cmocka_unit_test(test_resolve_colon_after_subject),
		cmocka_unit_test(test_resolve_british_local_copy),
		cmocka_unit_test(test_resolve_transcript_turns),
		cmocka_unit_test(test_resolve_inverted_role_then_name),
		cmocka_unit_test(test_resolve_postnominals_and_places),
		cmocka_unit_test(test_resolve_question_and_answer),
		cmocka_unit_test(test_resolve_quote_after_subject_sentence),
		cmocka_unit_test(test_resolve_titles_and_subheads),
		cmocka_unit_test(test_resolve_nickname_and_state_title),
		cmocka_unit_test(test_resolve_party_members),
		cmocka_unit_test(test_resolve_company_after_head_noun),
		cmocka_unit_test(test_resolve_lede_role_and_framed_modifier),
		cmocka_unit_test(test_resolve_according_to_document_from),
		cmocka_unit_test(test_resolve_company_officer_unnamed),
		cmocka_unit_test(test_resolve_unnamed_source_with_aside),
		cmocka_unit_test(test_resolve_headline_speaker_named_below),
		cmocka_unit_test(test_resolve_role_not_other_title),
		cmocka_unit_test(test_resolve_outlet_with_medium),
		cmocka_unit_test(test_resolve_quoted_as_saying),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
