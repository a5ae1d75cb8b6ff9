/*
 * test_date.c -- the text layer's header pieces: absolute dates in every
 * format, relative dates across month, year and leap-day boundaries,
 * boilerplate lines, and qg_header_parse() on invented articles in the
 * shapes news sites use (banner + section + date, byline + label, wire
 * datelines, agency bylines, no headline at all), plus degenerate input.
 * Every fixture text here is invented; expected dates were worked out by
 * hand from a calendar (2025-03-17 is a Monday, 2025-01-01 a Wednesday,
 * 2024-03-01 a Friday, 2023-03-01 a Wednesday).
 */
#include "testutil.h"

#include "../text/header.h"
#include "core.h"

/* ------------------------------------------------------------ helpers */

static void check_find(const char *text, const char *want)
{
	char out[11] = "";
	bool ok = qg_date_find(text, strlen(text), out);

	if (!want) {
		if (ok)
			fail_msg("\"%s\": found %s, expected none", text, out);
		return;
	}
	if (!ok)
		fail_msg("\"%s\": no date, expected %s", text, want);
	assert_string_equal(out, want);
}

static void check_resolve(const char *expr, const char *base, const char *want)
{
	char out[11] = "";
	bool ok = qg_date_resolve(expr, strlen(expr), base, out);

	if (!want) {
		if (ok)
			fail_msg("\"%s\" @%s: got %s, expected none", expr,
			         base ? base : "-", out);
		return;
	}
	if (!ok)
		fail_msg("\"%s\" @%s: unresolved, expected %s", expr,
		         base ? base : "-", want);
	assert_string_equal(out, want);
}

/* The text of span s of t, in a static buffer, for assert_string_equal. */
static const char *span_str(const char *t, qg_span s)
{
	static char buf[512];
	size_t n = s.end - s.start;

	assert_true(s.end >= s.start);
	assert_true(n < sizeof(buf));
	memcpy(buf, t + s.start, n);
	buf[n] = '\0';
	return buf;
}

static void parse(const char *t, qg_header *h)
{
	assert_int_equal(qg_header_parse(t, strlen(t), h), QG_OK);
}

/* ------------------------------------------------------------ absolute */

static void test_date_absolute_formats(void **state)
{
	(void)state;
	check_find("March 17, 2025", "2025-03-17");
	check_find("on 17 March 2025 the court", "2025-03-17");
	check_find("Today : Mar 18, 2025", "2025-03-18");
	check_find("2025-03-17", "2025-03-17");
	check_find("posted 2025-03-17T10:35:00Z by", "2025-03-17");
	check_find("2025/03/07", "2025-03-07");
	check_find("Published: 10:35, March 17, 2025 | Updated: 14:09",
	           "2025-03-17");
	check_find("Sept. 12, 2016", "2016-09-12");
	check_find("Sep 2, 2016", "2016-09-02");
	check_find("Monday, March 17, 2025", "2025-03-17");
	check_find("the 17th of March, 2025", "2025-03-17");
	check_find("March 17th 2025", "2025-03-17");
	check_find("Dec. 1, 1999", "1999-12-01");
	check_find("MARCH 3, 2021", "2021-03-03");
	check_find("3\xc2\xa0"
	           "April 2020",
	           "2020-04-03"); /* no-break space */
}

static void test_date_numeric_only_when_unambiguous(void **state)
{
	(void)state;
	check_find("12/09/2016", NULL); /* 12 Sept or Dec 9: refused */
	check_find("25/12/2016", "2016-12-25");
	check_find("12/25/2016", "2016-12-25");
	check_find("07/07/2016", "2016-07-07");
	check_find("31.01.2020", "2020-01-31");
}

static void test_date_invalid_days_rejected(void **state)
{
	(void)state;
	check_find("February 30, 2025", NULL);
	check_find("February 29, 2023", NULL);
	check_find("February 29, 2024", "2024-02-29");
	check_find("February 29, 1900", NULL);
	check_find("February 29, 2000", "2000-02-29");
	check_find("April 31, 2025", NULL);
	check_find("2025-13-01", NULL);
	check_find("2025-00-10", NULL);
	check_find("March 32, 2025", NULL);
}

static void test_date_non_dates_rejected(void **state)
{
	(void)state;
	check_find("", NULL);
	check_find("she may say 12 things by 2025", NULL);
	check_find("they will march 5, 2020 miles", NULL);
	check_find("In May 2025 the rains came", NULL); /* no day */
	check_find("Marches 17, 2025", NULL);
	check_find("Room 17 March2025", NULL);
	check_find("call 555-12-2025", NULL);
	check_find("version 1.2.3", NULL);
	check_resolve("she may say so", "2025-03-17", NULL);
	check_resolve("the Marine unit", "2025-03-17", NULL);
}

/* ------------------------------------------------------------ relative */

static void test_date_relative_days(void **state)
{
	(void)state;
	check_resolve("yesterday", "2025-03-17", "2025-03-16");
	check_resolve("Yesterday afternoon", "2025-03-17", "2025-03-16");
	check_resolve("today", "2025-03-17", "2025-03-17");
	check_resolve("late last night", "2025-03-01", "2025-02-28");
	check_resolve("tomorrow", "2024-12-31", "2025-01-01");
	check_resolve("yesterday", "2025-01-01", "2024-12-31");
	check_resolve("yesterday", NULL, NULL);
	check_resolve("yesterday", "not a date", NULL);
	check_resolve("last week", "2025-03-17", NULL);
	check_resolve("recently", "2025-03-17", NULL);
	check_resolve("this month", "2025-03-17", NULL);
}

static void test_date_weekday_before_base(void **state)
{
	(void)state;
	/* a Monday story: "on Sunday" is the day before */
	check_resolve("on Sunday", "2025-03-17", "2025-03-16");
	check_resolve("on Tuesday night", "2025-03-17", "2025-03-11");
	check_resolve("Friday", "2025-03-17", "2025-03-14");
	/* the story's own weekday is the story's day */
	check_resolve("on Monday", "2025-03-17", "2025-03-17");
	check_resolve("last Monday", "2025-03-17", "2025-03-10");
	check_resolve("this past Saturday", "2025-03-17", "2025-03-15");
	check_resolve("next Monday", "2025-03-17", "2025-03-24");
	check_resolve("next Friday", "2025-03-17", "2025-03-21");
	check_resolve("this coming Friday", "2025-03-17", "2025-03-21");
	check_resolve("on sunday", "2025-03-17", NULL); /* not capitalised */
}

static void test_date_weekday_across_boundaries(void **state)
{
	(void)state;
	check_resolve("on Friday", "2025-03-03", "2025-02-28"); /* month */
	check_resolve("on Sunday", "2025-01-01", "2024-12-29"); /* year */
	check_resolve("next Thursday", "2024-12-30", "2025-01-02");
	check_resolve("on Thursday", "2024-03-01", "2024-02-29"); /* leap */
	check_resolve("yesterday", "2024-03-01", "2024-02-29");
	check_resolve("on Tuesday", "2023-03-01", "2023-02-28");
	check_resolve("yesterday", "2023-03-01", "2023-02-28");
	check_resolve("yesterday", "2100-03-01", "2100-02-28");
	check_resolve("yesterday", "2000-03-01", "2000-02-29");
}

static void test_date_partial_takes_base_year(void **state)
{
	(void)state;
	check_resolve("on March 16", "2025-03-17", "2025-03-16");
	check_resolve("16 March", "2025-03-17", "2025-03-16");
	check_resolve("Sept. 26", "2016-09-27", "2016-09-26");
	check_resolve("on December 30", "2025-01-05", "2024-12-30");
	check_resolve("on January 3", "2024-12-28", "2025-01-03");
	check_resolve("February 29", "2024-05-01", "2024-02-29");
	check_resolve("February 29", "2023-05-01", NULL);
	check_resolve("on June 16 of last year", "2016-10-01", "2015-06-16");
	check_resolve("March 3, last year", "2016-10-01", "2015-03-03");
	check_resolve("in May next year", "2016-10-01", NULL);
	check_resolve("March 16", NULL, NULL);
	check_resolve("March 16, 2019", NULL, "2019-03-16");
}

static void test_date_scan_finds_first_resolvable(void **state)
{
	const char *s = "Last week he hinted at it, and on Tuesday night he "
	                "said it outright.";
	const char *w = "Monday, March 17, 2025 was the day.";
	char out[11];
	qg_span at;

	(void)state;
	assert_true(qg_date_scan(s, strlen(s), "2025-03-17", out, &at));
	assert_string_equal(out, "2025-03-11");
	assert_string_equal(span_str(s, at), "on Tuesday");
	assert_true(qg_date_scan(w, strlen(w), NULL, out, &at));
	assert_string_equal(out, "2025-03-17");
	assert_int_equal(at.start, 0);
	assert_string_equal(span_str(w, at), "Monday, March 17, 2025");
	assert_false(qg_date_scan("no dates here", 13, "2025-03-17", out, &at));
	/* a weekday inside a name is no date */
	assert_false(qg_date_scan("He told Capital Talk Sunday he would run.",
	                          41, "2025-03-17", out, &at));
	assert_false(qg_date_scan("queues for Black Friday deals", 29,
	                          "2025-03-17", out, &at));
	assert_true(qg_date_scan("Roe said Sunday he would run.", 29,
	                         "2025-03-17", out, &at));
	assert_string_equal(out, "2025-03-16");
	assert_false(
	    qg_date_scan("as USA Today reported", 21, "2025-03-17", out, &at));
	assert_true(qg_date_scan("Today, the port reopened.", 25, "2025-03-17",
	                         out, &at));
	assert_string_equal(out, "2025-03-17");
	assert_true(
	    qg_date_scan("Tuesday was calm.", 17, "2025-03-17", out, &at));
	assert_string_equal(out, "2025-03-11");
	assert_false(qg_date_scan(NULL, 0, "2025-03-17", out, &at));
}

/* ------------------------------------------------------------ boilerplate */

static void test_date_boilerplate_lines(void **state)
{
	static const char *const yes[] = {
	    "Share this article",
	    "  SHARE THIS STORY  ",
	    "ALSO READ: Port strike enters its third week",
	    "Read more: Why the harbour bridge closed",
	    "Related:",
	    "MORE STORIES",
	    "Topics",
	    "Advertisement",
	    "Like this article? Share it with your friends!",
	    "Sign up for our newsletter",
	    "Click here to subscribe",
	    "Follow us on Instagram and Threads",
	    "Follow Ada Roe on Twitter @adaroe.",
	    "\"Follow Ada Roe on X: @adaroe\"",
	    "Editor's Comments",
	    "Dockworkers march past the city hall on Tuesday. (PHOTO / AFP)",
	    "A ferry leaves the quay. (AP Photo/Jane Roe)",
	    "Copyright © 2025 The Example Ledger. All rights reserved.",
	    "If you enjoyed this story, feel free to share it with friends!",
	    "Thank you for your support! It keeps our reporters going.",
	    "Editor's note: This story was updated with new figures.",
	    "___.",
	    "* * *",
	    "4 min read",
	    "Home > World > Europe",
	    "News \u00bb Politics \u00bb Elections",
	};
	static const char *const no[] = {
	    "Shares of the ferry operator fell 4 percent on Tuesday.",
	    "Share prices rose after the mayor said \"we are done\".",
	    "Follow-up talks are planned for May, the union said.",
	    "\"Follow the money,\" the auditor told the committee.",
	    "Follow the road past the harbour, the signs say.",
	    "\"Read more books,\" the minister told pupils.",
	    "Topics of the talks included wages and pensions, she said.",
	    "PARIS (AFP) - The strike spread to three more ports.",
	    "Advertisements for the bridge ran for a month, Roe said.",
	    "\"Thank you for your support,\" the mayor told voters.",
	    "Copyright lawyers said the ruling would stand.",
	    "",
	    "   ",
	};

	(void)state;
	for (size_t i = 0; i < QG_ARRAY_LEN(yes); i++) {
		if (!qg_boilerplate_line(yes[i], strlen(yes[i])))
			fail_msg("not boilerplate: \"%s\"", yes[i]);
	}
	for (size_t i = 0; i < QG_ARRAY_LEN(no); i++) {
		if (qg_boilerplate_line(no[i], strlen(no[i])))
			fail_msg("boilerplate: \"%s\"", no[i]);
	}
	assert_false(qg_boilerplate_line(NULL, 0));
	/* long lines are never matched against the whole-line phrases */
	assert_true(qg__boilerplate_whole_ok());
	assert_true(qg_boilerplate_line("Listen to this article.", 23));
	/* the inner phrases are found wherever they stand in a short line,
	 * their byte pairs ruling the others out first */
	assert_true(qg_boilerplate_line("Ferry news | 3 MIN READ", 23));
	assert_true(qg_boilerplate_line("Our journalism: thanks for reading!",
	                                35));
	assert_false(qg_boilerplate_line("Ferry news | 3 minutes by road", 30));
}

/* ------------------------------------------------------------ headers */

static void test_date_header_banner_section_date(void **state)
{
	const char *t =
	    "Today : Apr 4, 2024\n"
	    "World News\n"
	    "3 April 2024\n"
	    "\n"
	    "Harbour Workers Vote To Extend Strike Into Second Month\n"
	    "\n"
	    "Union leaders say talks with port owners have stalled.\n"
	    "\n"
	    "Dockworkers in the city voted on Wednesday to extend the "
	    "strike, union chief Mara Velt said.\n";
	qg_header h;

	(void)state;
	parse(t, &h);
	assert_string_equal(span_str(t, h.title),
	                    "Harbour Workers Vote To Extend Strike Into Second "
	                    "Month");
	assert_string_equal(h.date, "2024-04-03"); /* not the banner's */
	assert_int_equal(h.byline.end, 0);
	assert_int_equal(h.publisher.end, 0);
	assert_string_equal(t + h.body,
	                    "Union leaders say talks with port "
	                    "owners have stalled.\n\nDockworkers in the city "
	                    "voted on Wednesday to extend the strike, union "
	                    "chief Mara Velt said.\n");
}

static void test_date_header_banner_date_alone(void **state)
{
	const char *t = "Today : Apr 4, 2024\n\nCity Council Delays Budget "
	                "Vote\n\nThe council put off its vote again.\n";
	qg_header h;

	(void)state;
	parse(t, &h);
	assert_string_equal(h.date, "2024-04-04");
	assert_string_equal(span_str(t, h.title), "City Council Delays "
	                                          "Budget Vote");
}

static void test_date_header_author_line_and_label(void **state)
{
	const char *t =
	    "Ferry Operator Warns Of 'Unbearable' Fuel Costs\n"
	    "\n"
	    "Tomasz Brenner\n"
	    "June 2, 2023\n"
	    "Brief\n"
	    "The island ferry line says prices must rise by a fifth.\n"
	    "Chief executive Ana Sol told shareholders that \"costs are "
	    "unbearable\".\n";
	qg_header h;

	(void)state;
	parse(t, &h);
	assert_string_equal(span_str(t, h.title),
	                    "Ferry Operator Warns Of 'Unbearable' Fuel Costs");
	assert_string_equal(span_str(t, h.byline), "Tomasz Brenner");
	assert_string_equal(h.date, "2023-06-02");
	assert_int_equal(h.body, strstr(t, "The island") - t);
}

static void test_date_header_headline_then_body(void **state)
{
	const char *t = "Mayor Opens Rebuilt Bridge After Two-Year Wait\n\n"
	                "The mayor cut the ribbon on Saturday.\n";
	qg_header h;

	(void)state;
	parse(t, &h);
	assert_string_equal(span_str(t, h.title),
	                    "Mayor Opens Rebuilt Bridge After Two-Year Wait");
	assert_int_equal(h.body, strstr(t, "The mayor") - t);
	assert_string_equal(h.date, "");
}

static void test_date_header_no_headline(void **state)
{
	const char *t =
	    "The regional transport authority is demanding that the "
	    "national government cover half the cost of the new tram line, "
	    "according to a letter seen by reporters, which says the "
	    "project cannot go on without that support.\n"
	    "A second paragraph follows directly.\n";
	qg_header h;

	(void)state;
	parse(t, &h);
	assert_int_equal(h.title.start, 0);
	assert_int_equal(h.title.end, 0);
	assert_int_equal(h.body, 0);
}

static void test_date_header_published_agency_caption(void **state)
{
	const char *t =
	    "Published: 08:12, October 9, 2024 | Updated: 11:40, October 9, "
	    "2024\n"
	    "Drought forces farmers to sell cattle early\n"
	    "By Kyodo\n"
	    "A farmer walks across a dry field near the coast on October 2, "
	    "2024. (PHOTO / REUTERS)\n"
	    "\n"
	    "OSAKA - Farmers are selling cattle months early, a regional "
	    "official said on Tuesday.\n";
	qg_header h;
	char day[11];

	(void)state;
	parse(t, &h);
	assert_string_equal(span_str(t, h.title),
	                    "Drought forces farmers to sell cattle early");
	assert_string_equal(h.date, "2024-10-09");
	assert_int_equal(h.byline.end, 0); /* an agency, not a person */
	assert_string_equal(span_str(t, h.publisher), "Kyodo");
	assert_string_equal(span_str(t, h.dateline), "OSAKA");
	assert_int_equal(h.body, strstr(t, "OSAKA") - t);
	/* October 9, 2024 is a Wednesday: "on Tuesday" is the 8th */
	assert_true(qg_date_resolve("on Tuesday", 10, h.date, day));
	assert_string_equal(day, "2024-10-08");
}

static void test_date_header_person_byline(void **state)
{
	const char *t = "Council Approves Night Bus Trial\n"
	                "By Priya Raman and Leo Marsh, Reuters\n"
	                "\n"
	                "The council approved a six-month trial on Monday.\n";
	qg_header h;

	(void)state;
	parse(t, &h);
	assert_string_equal(span_str(t, h.byline), "Priya Raman and Leo Marsh");
	assert_string_equal(span_str(t, h.publisher), "Reuters");
}

static void test_date_header_wire_datelines(void **state)
{
	const char *a = "Talks resume\n\nGENEVA (Reuters) - Negotiators "
	                "returned to the table on Monday.\n";
	const char *b = "Storm nears coast\n\nTAMPA, Fla., June 3 (AP) \xe2\x80"
	                "\x94 Residents boarded up windows on Tuesday.\n";
	const char *c = "(Reuters) - Shares in the carmaker fell sharply "
	                "after the recall was announced, traders said.\n";
	const char *d = "Vote count slows\n\nWASHINGTON -- Officials in three "
	                "states said counting would take days.\n";
	qg_header h;

	(void)state;
	parse(a, &h);
	assert_string_equal(span_str(a, h.publisher), "Reuters");
	assert_string_equal(span_str(a, h.dateline), "GENEVA");
	/* the story's first sentence starts after the dash */
	assert_int_equal(strncmp(a + h.dateline_end, "Negotiators", 11), 0);
	parse(b, &h);
	assert_string_equal(span_str(b, h.publisher), "AP");
	assert_string_equal(span_str(b, h.dateline), "TAMPA, Fla.");
	assert_int_equal(strncmp(b + h.dateline_end, "Residents", 9), 0);
	parse(c, &h);
	assert_string_equal(span_str(c, h.publisher), "Reuters");
	assert_int_equal(h.dateline.end, 0);
	assert_int_equal(h.title.end, 0);
	assert_int_equal(strncmp(c + h.dateline_end, "Shares", 6), 0);
	parse(d, &h);
	assert_string_equal(span_str(d, h.dateline), "WASHINGTON");
	assert_int_equal(h.publisher.end, 0);
	assert_int_equal(strncmp(d + h.dateline_end, "Officials", 9), 0);
}

static void test_date_header_period_titles(void **state)
{
	const char *t = "Senator Says Budget Plan Is 'Dead on Arrival.'\n\n"
	                "A senior senator on Thursday rejected the plan.\n";
	const char *u = "Ports reopen after strike ends.\n\n"
	                "Ports along the coast reopened on Friday after a "
	                "deal was struck late on Thursday night.\n";
	const char *v = "Rail fares to rise; \nOperators blame energy "
	                "prices and wages.\n\nFares will rise by 6 percent "
	                "in January.\n";
	qg_header h;

	(void)state;
	parse(t, &h);
	assert_string_equal(span_str(t, h.title),
	                    "Senator Says Budget Plan Is 'Dead on Arrival.'");
	parse(u, &h);
	assert_string_equal(span_str(u, h.title),
	                    "Ports reopen after strike ends");
	parse(v, &h);
	assert_string_equal(span_str(v, h.title),
	                    "Rail fares to rise; \nOperators blame energy "
	                    "prices and wages");
	assert_int_equal(h.body, strstr(v, "Fares will") - v);
}

static void test_date_header_degenerate_input(void **state)
{
	const char *blanks = "\n\n   \n\t\n";
	qg_header h;

	(void)state;
	assert_int_equal(qg_header_parse("", 0, &h), QG_OK);
	assert_int_equal(h.title.end, 0);
	assert_int_equal(h.body, 0);
	assert_string_equal(h.date, "");
	assert_int_equal(qg_header_parse(NULL, 0, &h), QG_OK);
	assert_int_equal(qg_header_parse(blanks, strlen(blanks), &h), QG_OK);
	assert_int_equal(h.title.end, 0);
	assert_int_equal(h.byline.end, 0);
	assert_true(h.body <= strlen(blanks));
	assert_int_equal(qg_header_parse(NULL, 5, &h), QG_ERR_USAGE);
	assert_int_equal(qg_header_parse("x", 1, NULL), QG_ERR_USAGE);
}

static void test_date_header_byline_variants(void **state)
{
	static const struct {
		const char *line, *names, *publisher, *date;
	} cases[] = {
	    {"By JANE ROE AND TOM LEE", "JANE ROE AND TOM LEE", "", ""},
	    {"By Ana de la Cruz, Tom Lee and Ed Poe | Associated Press",
	     "Ana de la Cruz, Tom Lee and Ed Poe", "Associated Press", ""},
	    {"By Dara O\xe2\x80\x99Neill in Dublin", "Dara O\xe2\x80\x99Neill",
	     "", ""},
	    {"By Jane Roe, Senior Correspondent", "Jane Roe", "", ""},
	    {"By Jane Roe for The Harbour Gazette", "Jane Roe",
	     "The Harbour Gazette", ""},
	    {"By AFP", "", "AFP", ""},
	    {"By Jane Roe | Published March 3, 2024", "Jane Roe", "",
	     "2024-03-03"},
	    {"Written by Jane Roe, March 3, 2024 10:15", "Jane Roe", "",
	     "2024-03-03"},
	};
	char text[512];
	qg_header h;

	(void)state;
	for (size_t k = 0; k < QG_ARRAY_LEN(cases); k++) {
		snprintf(
		    text, sizeof(text),
		    "Harbour Authority Delays Dredging Plan\n%s\n\n"
		    "The harbour authority said on Monday it would wait.\n",
		    cases[k].line);
		parse(text, &h);
		assert_string_equal(span_str(text, h.title),
		                    "Harbour Authority Delays Dredging Plan");
		assert_string_equal(span_str(text, h.byline), cases[k].names);
		assert_string_equal(span_str(text, h.publisher),
		                    cases[k].publisher);
		assert_string_equal(h.date, cases[k].date);
		assert_int_equal(h.body, strstr(text, "The harbour") - text);
	}
}

static void test_date_header_name_line_with_role(void **state)
{
	const char *t =
	    "Night Buses Return To The Old Town\n\n"
	    "Ilse Marquardt, Staff Writer\n"
	    "Transport\n"
	    "Night buses will run again from June, the city said.\n";
	const char *u = "Night Buses Return To The Old Town\n\n"
	                "Night buses will run again\n"
	                "from June, the city said.\n";
	qg_header h;

	(void)state;
	parse(t, &h);
	assert_string_equal(span_str(t, h.byline), "Ilse Marquardt");
	assert_int_equal(h.body, strstr(t, "Night buses") - t);
	parse(u, &h); /* a short body line is not an author */
	assert_int_equal(h.byline.end, 0);
	assert_int_equal(h.body, strstr(u, "Night buses") - u);
}

/* Texts that are one or two sentences of reported speech have no header:
 * the first line must not become a headline. */
static void test_date_header_sentences_are_not_titles(void **state)
{
	static const char *const texts[] = {
	    "The treasurer said: \u201cWe will balance the books.\u201d\n",
	    "\u201cNot again,\u201d the coach said. \u201cWhy now?\u201d\n",
	    "Ola Berg, the ferry captain, said the sea was calm.\n",
	    "She said the plan was sound.\nIt was approved later.\n",
	    "\u201cEnough!\u201d Another fan shouted.\n",
	    "the vote was close, officials said.\n\nA recount follows.\n",
	};
	qg_header h;

	(void)state;
	for (size_t k = 0; k < QG_ARRAY_LEN(texts); k++) {
		parse(texts[k], &h);
		if (h.title.end != 0)
			fail_msg("title in \"%s\"", texts[k]);
		assert_int_equal(h.body, 0);
	}
}

static void test_date_header_dateline_date_from_banner(void **state)
{
	const char *t = "Today : Jun 4, 2024\n\nStorm Nears Coast\n\n"
	                "TAMPA, Fla., June 3 (AP) -- Residents boarded up "
	                "windows.\n";
	qg_header h;

	(void)state;
	parse(t, &h);
	assert_string_equal(h.date, "2024-06-03");
	assert_string_equal(span_str(t, h.dateline), "TAMPA, Fla.");
	assert_string_equal(span_str(t, h.publisher), "AP");
}

static void test_date_header_agency_and_stamp_lines(void **state)
{
	const char *t = "Grain Prices Climb As Harvest Falters\n"
	                "Reuters Staff\n"
	                "3 hours ago\n"
	                "Home > Markets > Commodities\n"
	                "\n"
	                "Wheat futures rose for a fifth day on Thursday.\n";
	const char *u = "Grain Prices Climb As Harvest Falters\n"
	                "World News\n"
	                "Wheat futures rose for a fifth day on Thursday.\n";
	qg_header h;

	(void)state;
	parse(t, &h);
	assert_string_equal(span_str(t, h.publisher), "Reuters");
	assert_int_equal(h.byline.end, 0);
	assert_int_equal(h.body, strstr(t, "Wheat") - t);
	parse(u, &h); /* a section label is no outlet */
	assert_int_equal(h.publisher.end, 0);
	assert_int_equal(h.body, strstr(u, "Wheat") - u);
}

static void test_date_header_blog_transcript_release(void **state)
{
	const char *blog = "Ten things I learned from a year of allotments\n"
	                   "Posted by Wren Okafor on 9 June 2023 | Tags: "
	                   "garden, soil\n\n"
	                   "I started with a plot full of couch grass.\n";
	const char *show = "VALLEY FM - THE LUNCHTIME HOUR\n"
	                   "Transcript, Friday 4 April 2025\n\n"
	                   "PRESENTER: Good afternoon, and welcome.\n";
	const char *release = "Library opening hours to be extended\n"
	                      "Staff reporter\n"
	                      "Hillbury Gazette, 11 February 2025\n\n"
	                      "The town's libraries will open on Sundays.\n";
	qg_header h;

	(void)state;
	parse(blog, &h);
	assert_string_equal(span_str(blog, h.byline), "Wren Okafor");
	assert_string_equal(h.date, "2023-06-09");
	parse(show, &h);
	assert_string_equal(span_str(show, h.title),
	                    "VALLEY FM - THE LUNCHTIME HOUR");
	assert_int_equal(h.dateline.end, 0);
	assert_string_equal(h.date, "2025-04-04");
	assert_int_equal(h.body, strstr(show, "PRESENTER") - show);
	parse(release, &h);
	assert_int_equal(h.byline.end, 0);
	assert_string_equal(span_str(release, h.publisher), "Hillbury Gazette");
	assert_string_equal(h.date, "2025-02-11");
	assert_int_equal(h.body, strstr(release, "The town") - release);
}

static void test_date_header_deck_before_byline(void **state)
{
	const char *t = "Council Votes To Close Two Libraries\n"
	                "Campaigners say the decision will hurt pupils most.\n"
	                "By Tariq Mendel\n"
	                "8 May 2024\n\n"
	                "Two branch libraries will close in July.\n";
	const char *u = "Council Votes To Close Two Libraries\n"
	                "Campaigners say the decision will hurt pupils most.\n"
	                "Two branch libraries will close in July.\n";
	qg_header h;

	(void)state;
	parse(t, &h);
	assert_string_equal(span_str(t, h.byline), "Tariq Mendel");
	assert_string_equal(h.date, "2024-05-08");
	assert_int_equal(h.body, strstr(t, "Two branch") - t);
	parse(u, &h); /* no byline under it: the summary opens the body */
	assert_int_equal(h.body, strstr(u, "Campaigners") - u);
}

/* Random texts built from pieces that trigger every rule (month names,
 * weekdays, digits, dashes, bylines, quote marks, no-break spaces): no
 * crash or stray read (ASan), spans inside the text, dates well formed. */
static void check_date_out(const char *d)
{
	int y, m, day;

	assert_int_equal(strlen(d), 10);
	assert_true(qg__date_parse_iso(d, &y, &m, &day));
}

static void test_date_random_pieces(void **state)
{
	static const char *const pieces[] = {
	    "March",
	    "Sept.",
	    "May",
	    "17",
	    "2025",
	    "31",
	    "29",
	    "Feb",
	    "1999",
	    "-",
	    "--",
	    "/",
	    ",",
	    ".",
	    ":",
	    " ",
	    " ",
	    " ",
	    "\n",
	    "\n\n",
	    "By",
	    "on",
	    "last",
	    "next",
	    "this",
	    "coming",
	    "Sunday",
	    "Monday",
	    "yesterday",
	    "Today",
	    "(",
	    ")",
	    "AP",
	    "Reuters",
	    "LONDON",
	    "N.Y.",
	    "\u2014",
	    "\u2019",
	    "\u201c",
	    "\u201d",
	    "\u00a0",
	    "said",
	    "Jane",
	    "Roe",
	    "Share",
	    "ALSO READ",
	    "(PHOTO / AFP)",
	    "Photo:",
	    "of",
	    "year",
	    "th",
	    "12/09/2016",
	    "2024-02-29",
	    "T",
	    "Staff",
	};
	char text[600];
	unsigned seed = 12345;

	(void)state;
	for (int iter = 0; iter < 3000; iter++) {
		size_t n = 0, want;
		qg_header h;
		char out[11], *exact;
		qg_span at;

		seed = seed * 1103515245u + 12345u;
		want = (seed >> 8) % 400;
		while (n < want) {
			const char *p;
			size_t len;

			seed = seed * 1103515245u + 12345u;
			p = pieces[(seed >> 8) % QG_ARRAY_LEN(pieces)];
			len = strlen(p);
			if (n + len >= sizeof(text))
				break;
			memcpy(text + n, p, len);
			n += len;
		}
		/* an exact-size copy, so that ASan sees any read past n */
		exact = malloc(n ? n : 1);
		assert_non_null(exact);
		memcpy(exact, text, n);
		assert_int_equal(qg_header_parse(exact, n, &h), QG_OK);
		assert_true(h.title.start <= h.title.end && h.title.end <= n);
		assert_true(h.byline.end <= n && h.publisher.end <= n);
		assert_true(h.dateline.end <= n && h.body <= n);
		if (h.date[0])
			check_date_out(h.date);
		if (qg_date_scan(exact, n, "2024-03-01", out, &at)) {
			check_date_out(out);
			assert_true(at.start < at.end && at.end <= n);
		}
		(void)qg_boilerplate_line(exact, n);
		free(exact);
	}
}

/* Every prefix of an article parses without reading past its end (the
 * suite runs under ASan, so a stray read fails here) and the spans stay
 * inside the prefix. */
static void test_date_header_every_prefix(void **state)
{
	const char *src =
	    "Today : Apr 4, 2024\nWorld News\n3 April 2024\n\n"
	    "Port \u201cDeal\u201d Collapses; \nUnions Walk Out\n"
	    "By Mara Velt, Reuters\nA crane at rest. (PHOTO / AFP)\n\n"
	    "ROTTERDAM, April 3 (Reuters) \u2014 Talks failed.\n";
	size_t n = strlen(src);

	(void)state;
	for (size_t k = 0; k <= n; k++) {
		char *t = malloc(k ? k : 1);
		qg_header h;

		assert_non_null(t);
		memcpy(t, src, k);
		assert_int_equal(qg_header_parse(t, k, &h), QG_OK);
		assert_true(h.title.end <= k && h.byline.end <= k);
		assert_true(h.publisher.end <= k && h.dateline.end <= k);
		assert_true(h.body <= k);
		free(t);
	}
}

/* One 1 MB line: the header scan stops at its byte cap, so this is as
 * cheap as any article (no timing asserted; a quadratic scan would make
 * the suite crawl under sanitizers). */
static void test_date_header_huge_single_line(void **state)
{
	size_t n = 1 << 20;
	char *t = malloc(n);
	qg_header h;

	(void)state;
	assert_non_null(t);
	for (size_t i = 0; i < n; i++)
		t[i] = (i % 7 == 6) ? ' ' : 'a';
	assert_int_equal(qg_header_parse(t, n, &h), QG_OK);
	assert_int_equal(h.title.end, 0);
	assert_int_equal(h.body, 0);
	free(t);
}

/* The scanner looks a word up in two sorted lists only when its first
 * letter is one of theirs: both facts are kept by hand. */
static void test_date_opening_words_sorted(void **state)
{
	char out[11];

	(void)state;
	assert_true(qg__date_words_ok());
	assert_true(qg_date_scan("they met on Tuesday", 19, "2024-03-07", out,
	                         NULL));
	assert_string_equal(out, "2024-03-05");
	assert_false(qg_date_scan("they met the other day", 22, "2024-03-07",
	                          out, NULL));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_date_opening_words_sorted),
	    cmocka_unit_test(test_date_absolute_formats),
	    cmocka_unit_test(test_date_numeric_only_when_unambiguous),
	    cmocka_unit_test(test_date_invalid_days_rejected),
	    cmocka_unit_test(test_date_non_dates_rejected),
	    cmocka_unit_test(test_date_relative_days),
	    cmocka_unit_test(test_date_weekday_before_base),
	    cmocka_unit_test(test_date_weekday_across_boundaries),
	    cmocka_unit_test(test_date_partial_takes_base_year),
	    cmocka_unit_test(test_date_scan_finds_first_resolvable),
	    cmocka_unit_test(test_date_boilerplate_lines),
	    cmocka_unit_test(test_date_header_banner_section_date),
	    cmocka_unit_test(test_date_header_banner_date_alone),
	    cmocka_unit_test(test_date_header_author_line_and_label),
	    cmocka_unit_test(test_date_header_headline_then_body),
	    cmocka_unit_test(test_date_header_no_headline),
	    cmocka_unit_test(test_date_header_published_agency_caption),
	    cmocka_unit_test(test_date_header_person_byline),
	    cmocka_unit_test(test_date_header_wire_datelines),
	    cmocka_unit_test(test_date_header_period_titles),
	    cmocka_unit_test(test_date_header_degenerate_input),
	    cmocka_unit_test(test_date_header_byline_variants),
	    cmocka_unit_test(test_date_header_name_line_with_role),
	    cmocka_unit_test(test_date_header_sentences_are_not_titles),
	    cmocka_unit_test(test_date_header_dateline_date_from_banner),
	    cmocka_unit_test(test_date_header_agency_and_stamp_lines),
	    cmocka_unit_test(test_date_header_blog_transcript_release),
	    cmocka_unit_test(test_date_header_deck_before_byline),
	    cmocka_unit_test(test_date_random_pieces),
	    cmocka_unit_test(test_date_header_every_prefix),
	    cmocka_unit_test(test_date_header_huge_single_line),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
