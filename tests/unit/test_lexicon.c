/*
 * test_lexicon.c -- the embedded word lists: verb inflections and flags,
 * word classes, outlet and organisation longest match at word boundaries,
 * and qg_lexicon_new() under every allocation failure.
 */
#include "testutil.h"

#include "../lexicon/lexicon.h"
#include "../lexicon/lexicon_data.h"
#include "core.h"

static qg_lexicon *lx;

static int setup(void **state)
{
	(void)state;
	return qg_lexicon_new(&lx) == QG_OK ? 0 : -1;
}

static int teardown(void **state)
{
	(void)state;
	qg_lexicon_free(lx);
	lx = NULL;
	return 0;
}

/* The base of the verb `w` is, with the form bits it must carry. */
static void check_verb(const char *w, const char *base, unsigned form)
{
	unsigned got = 0;
	const qg_verb *v = qg_lexicon_verb(lx, w, strlen(w), &got);

	if (!v)
		fail_msg("%s: not a verb", w);
	assert_string_equal(v->base, base);
	if ((got & form) != form)
		fail_msg("%s: form bits %#x lack %#x", w, got, form);
}

static void test_lexicon_verb_inflections(void **state)
{
	(void)state;
	check_verb("say", "say", QG_VF_BASE);
	check_verb("says", "say", QG_VF_3SG);
	check_verb("said", "say", QG_VF_PAST | QG_VF_PART);
	check_verb("saying", "say", QG_VF_ING);
	check_verb("told", "tell", QG_VF_PAST | QG_VF_PART);
	check_verb("tells", "tell", QG_VF_3SG);
	check_verb("insisted", "insist", QG_VF_PAST);
	check_verb("emphasised", "emphasise", QG_VF_PAST);
	check_verb("emphasizes", "emphasize", QG_VF_3SG);
	check_verb("admitted", "admit", QG_VF_PAST | QG_VF_PART);
	check_verb("admitting", "admit", QG_VF_ING);
	check_verb("described", "describe", QG_VF_PAST);
	check_verb("describing", "describe", QG_VF_ING);
	check_verb("replied", "reply", QG_VF_PAST);
	check_verb("replies", "reply", QG_VF_3SG);
	check_verb("quipped", "quip", QG_VF_PAST);
	check_verb("stresses", "stress", QG_VF_3SG);
	check_verb("written", "write", QG_VF_PART);
	check_verb("wrote", "write", QG_VF_PAST);
	check_verb("labelled", "label", QG_VF_PAST);
	check_verb("labeled", "label", QG_VF_PAST);
	check_verb("argued", "argue", QG_VF_PAST);
	check_verb("agreeing", "agree", QG_VF_ING);
	check_verb("SAID", "say", QG_VF_PAST);
	check_verb("Warned", "warn", QG_VF_PAST);
}

static void test_lexicon_verb_rejects_wrong_forms(void **state)
{
	unsigned form = 99;

	(void)state;
	/* no regular forms for irregular verbs, no single consonant */
	assert_null(qg_lexicon_verb(lx, "sayed", 5, NULL));
	assert_null(qg_lexicon_verb(lx, "telled", 6, NULL));
	assert_null(qg_lexicon_verb(lx, "admited", 7, NULL));
	assert_null(qg_lexicon_verb(lx, "describeing", 11, NULL));
	assert_null(qg_lexicon_verb(lx, "table", 5, &form));
	assert_int_equal(form, 0);
	assert_null(qg_lexicon_verb(lx, "", 0, NULL));
	assert_null(qg_lexicon_verb(lx, "sa", 2, NULL));
}

static void test_lexicon_verb_flags(void **state)
{
	const qg_verb *v;

	(void)state;
	v = qg_lexicon_verb(lx, "told", 4, NULL);
	assert_non_null(v);
	assert_true(v->flags & QG_VERB_TELL);
	assert_true(v->flags & QG_VERB_THAT);
	v = qg_lexicon_verb(lx, "said", 4, NULL);
	assert_true(v->flags & QG_VERB_DIRECT);
	assert_false(v->flags & QG_VERB_WEAK);
	assert_false(v->flags & QG_VERB_TELL);
	v = qg_lexicon_verb(lx, "described", 9, NULL);
	assert_true(v->flags & QG_VERB_AS);
	v = qg_lexicon_verb(lx, "accused", 7, NULL);
	assert_true(v->flags & QG_VERB_OF);
	v = qg_lexicon_verb(lx, "warned", 6, NULL);
	assert_true(v->flags & QG_VERB_OF);
	v = qg_lexicon_verb(lx, "added", 5, NULL);
	assert_true(v->flags & QG_VERB_WEAK);
	v = qg_lexicon_verb(lx, "noted", 5, NULL);
	assert_true(v->flags & QG_VERB_WEAK);
	assert_true(v->flags & QG_VERB_THAT);
}

static unsigned word(const char *w)
{
	return qg_lexicon_word(lx, w, strlen(w));
}

static void test_lexicon_word_classes(void **state)
{
	(void)state;
	assert_true(word("minister") & QG_W_TITLE);
	assert_true(word("Minister") & QG_W_ROLE);
	assert_true(word("spokeswoman") & QG_W_ROLE);
	assert_true(word("prime") & QG_W_TITLE);
	assert_false(word("prime") & QG_W_ROLE);
	assert_true(word("Mr") & QG_W_HONORIFIC);
	assert_true(word("Mr.") & QG_W_HONORIFIC);
	assert_true(word("Dr.") & QG_W_HONORIFIC);
	assert_true(word("She") & QG_W_PRONOUN);
	assert_true(word("they") & QG_W_PRONOUN);
	assert_true(word("March") & QG_W_MONTH);
	assert_true(word("Sept.") & QG_W_MONTH);
	assert_true(word("Thursday") & QG_W_WEEKDAY);
	assert_true(word("Thursday") & QG_W_NOT_NAME);
	assert_true(word("However") & QG_W_NOT_NAME);
	assert_true(word("According") & QG_W_NOT_NAME);
	assert_true(word("Russian") & QG_W_DEMONYM);
	assert_true(word("U.S.") & QG_W_DEMONYM);
	assert_true(word("Ministry") & QG_W_ORG_WORD);
	assert_true(word("newspaper") & QG_W_OUTLET_WORD);
	assert_true(word("broadcaster") & QG_W_OUTLET_WORD);
	assert_true(word("Ltd") & QG_W_COMPANY_SUFFIX);
	assert_true(word("Maria") & QG_W_GIVEN);
	assert_true(word("Volodymyr") & QG_W_GIVEN);
	assert_true(word("Mohammed") & QG_W_GIVEN);
	assert_true(word("Olusegun") & QG_W_GIVEN);
	assert_true(word("JAMES") & QG_W_GIVEN);
	assert_false(word("Maria") & QG_W_TITLE);
}

static void test_lexicon_word_unknown(void **state)
{
	(void)state;
	assert_int_equal(word("Grzwbelqx"), 0);
	assert_int_equal(word("ministers!"), 0);
	assert_int_equal(qg_lexicon_word(lx, "", 0), 0);
	assert_int_equal(qg_lexicon_word(lx, "Mr", 1), 0); /* "M" */
	assert_int_equal(qg_lexicon_word(NULL, "Mr", 2), 0);
}

/* The canonical outlet at the start of `text`, checking its length. */
static void check_outlet(const char *text, const char *canon, size_t n)
{
	size_t matched = 99;
	const char *got = qg_lexicon_outlet(lx, text, strlen(text), &matched);

	if (!canon) {
		if (got)
			fail_msg("%s: matched %s", text, got);
		assert_int_equal(matched, 0);
		return;
	}
	if (!got)
		fail_msg("%s: no outlet", text);
	assert_string_equal(got, canon);
	assert_int_equal(matched, n);
}

static void test_lexicon_outlet_longest_match(void **state)
{
	(void)state;
	check_outlet("Izvestia", "Izvestia", 8);
	check_outlet("Izvestia on Tuesday", "Izvestia", 8);
	check_outlet("The New York Times reported", "The New York Times", 18);
	check_outlet("New York Times reported", "The New York Times", 14);
	check_outlet("the New York Times.", "The New York Times", 18);
	check_outlet("RIA Novosti news agency", "RIA Novosti", 11);
	check_outlet("Xinhua News Agency said", "Xinhua", 18);
	check_outlet("Xinhua said", "Xinhua", 6);
	check_outlet("AP", "The Associated Press", 2);
	check_outlet("Agence France-Presse.", "Agence France-Presse", 20);
	check_outlet("The Wall Street Journal", "The Wall Street Journal", 23);
	check_outlet("the Wall  Street\nJournal on", "The Wall Street Journal",
	             24);
	check_outlet("CNN's anchor", "CNN", 3);
	check_outlet("CNN\xe2\x80\x99s anchor", "CNN", 3);
	check_outlet("CNN, citing", "CNN", 3);
	check_outlet("Der Spiegel", "Der Spiegel", 11);
	check_outlet("Le Monde's", "Le Monde", 8);
}

static void test_lexicon_outlet_word_boundaries(void **state)
{
	(void)state;
	check_outlet("CNNs", NULL, 0);
	check_outlet("CNNX said", NULL, 0);
	check_outlet("Reutersville", NULL, 0);
	check_outlet("cnn", NULL, 0); /* capitals as written */
	check_outlet("New York", NULL, 0);
	check_outlet("The New York Timesless", NULL, 0);
	check_outlet(" CNN", NULL, 0);
	check_outlet("", NULL, 0);
	check_outlet("The", NULL, 0);
	check_outlet("Vice President Dana Orrel", NULL, 0); /* not Vice */
	/* a paragraph break ends the name: only the first line can match */
	check_outlet("The New York\n\nTimes", NULL, 0);
	assert_null(qg_lexicon_outlet(NULL, "CNN", 3, NULL));
	assert_null(qg_lexicon_outlet(lx, "CNN", 2, NULL)); /* "CN" */
}

static void test_lexicon_org_match(void **state)
{
	size_t n = 0;
	const char *s;

	(void)state;
	s = qg_lexicon_org(lx, "the Kremlin said", 16, &n);
	assert_non_null(s);
	assert_string_equal(s, "Kremlin");
	assert_int_equal(n, 11);
	s = qg_lexicon_org(lx, "NATO's chief", 12, &n);
	assert_string_equal(s, "NATO");
	assert_int_equal(n, 4);
	s = qg_lexicon_org(lx, "The White House", 15, &n);
	assert_string_equal(s, "White House");
	s = qg_lexicon_org(lx, "U.N. officials", 14, &n);
	assert_string_equal(s, "United Nations");
	assert_int_equal(n, 4);
	s = qg_lexicon_org(lx, "U.S. officials", 14, &n);
	assert_string_equal(s, "United States");
	s = qg_lexicon_org(lx, "Russia's", 8, &n);
	assert_string_equal(s, "Russia");
	assert_int_equal(n, 6);
	s = qg_lexicon_org(lx, "the European Union said", 23, &n);
	assert_string_equal(s, "European Union");
	assert_int_equal(n, 18);
	assert_null(qg_lexicon_org(lx, "Russians", 8, &n));
	assert_int_equal(n, 0);
	assert_null(qg_lexicon_org(lx, "Izvestia", 8, &n));
}

/* qg_lexicon_name: an outlet first, an organisation when no outlet
 * starts there, each with the bytes it covers, as the two lookups say. */
static void test_lexicon_name_outlet_then_org(void **state)
{
	size_t n = 0;
	bool outlet = false;
	const char *s;

	(void)state;
	s = qg_lexicon_name(lx, "Izvestia reported", 17, &n, &outlet);
	assert_string_equal(s, qg_lexicon_outlet(lx, "Izvestia", 8, NULL));
	assert_true(outlet);
	assert_int_equal(n, 8);
	s = qg_lexicon_name(lx, "the Kremlin said", 16, &n, &outlet);
	assert_string_equal(s, "Kremlin");
	assert_false(outlet);
	assert_int_equal(n, 11);
	s = qg_lexicon_name(lx, "U.N. officials", 14, &n, &outlet);
	assert_string_equal(s, "United Nations");
	assert_false(outlet);
	assert_null(qg_lexicon_name(lx, "Tamsin Orrell said", 18, &n, &outlet));
	assert_false(outlet);
	assert_null(qg_lexicon_name(lx, "Zürich", 7, &n, &outlet));
}

/* The embedded file `name`, or fail. */
static const qg_embedded *data_file(const char *name)
{
	size_t i;

	for (i = 0; i < qg_lexicon_files_count; i++)
		if (!strcmp(qg_lexicon_files[i].name, name))
			return &qg_lexicon_files[i];
	fail_msg("%s is not embedded", name);
	return NULL;
}

/* Trim `s` of `n` bytes into `out`; its length. */
static size_t trim(const char *s, size_t n, char *out, size_t cap)
{
	while (n && (*s == ' ' || *s == '\t')) {
		s++;
		n--;
	}
	while (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r'))
		n--;
	assert_true(n < cap);
	memcpy(out, s, n);
	out[n] = '\0';
	return n;
}

/*
 * Every name of every line of a gazetteer finds its own line's canonical
 * name, whole: no alias is shadowed by another outlet's, and no name is
 * cut short by a longer one or by a word boundary inside it.
 */
static void check_gazetteer(const char *file,
                            const char *(*look)(const qg_lexicon *,
                                                const char *, size_t, size_t *))
{
	const qg_embedded *f = data_file(file);
	const char *p = f->data, *end = f->data + f->len, *eol, *bar;
	char canon[256], name[256];
	size_t n, got, checked = 0;
	const char *hit;

	for (; p < end; p = eol + 1) {
		eol = memchr(p, '\n', (size_t)(end - p));
		if (!eol)
			eol = end;
		if (p == eol || *p == '#')
			continue;
		canon[0] = '\0';
		for (; p <= eol; p = bar + 1) {
			bar = memchr(p, '|', (size_t)(eol - p));
			if (!bar)
				bar = eol;
			n = trim(p, (size_t)(bar - p), name, sizeof(name));
			if (!canon[0])
				memcpy(canon, name, n + 1);
			hit = look(lx, name, n, &got);
			if (!hit || strcmp(hit, canon) || got != n)
				fail_msg(
				    "%s: \"%s\" gives %s (%zu bytes), not %s",
				    file, name, hit ? hit : "nothing", got,
				    canon);
			checked++;
		}
	}
	assert_true(checked > 100);
}

static void test_lexicon_outlet_every_alias(void **state)
{
	(void)state;
	check_gazetteer("outlets.txt", qg_lexicon_outlet);
}

static void test_lexicon_org_every_alias(void **state)
{
	(void)state;
	check_gazetteer("orgs.txt", qg_lexicon_org);
}

/* Every verb's base form is a verb with that base: no form of one verb
 * hides another verb. */
static void test_lexicon_verb_every_base(void **state)
{
	const qg_embedded *f = data_file("verbs.txt");
	const char *p = f->data, *end = f->data + f->len, *eol;
	char base[64];
	size_t n, checked = 0;
	unsigned form;
	const qg_verb *v;

	(void)state;
	for (; p < end; p = eol + 1) {
		eol = memchr(p, '\n', (size_t)(end - p));
		if (!eol)
			eol = end;
		if (p == eol || *p == '#' || *p == ' ')
			continue;
		for (n = 0; p + n < eol && p[n] != ' '; n++)
			;
		trim(p, n, base, sizeof(base));
		v = qg_lexicon_verb(lx, base, n, &form);
		if (!v || strcmp(v->base, base) || !(form & QG_VF_BASE))
			fail_msg("verb %s: base %s", base,
			         v ? v->base : "none");
		checked++;
	}
	assert_true(checked > 250);
}

/* qg_lexicon_info() of w, read byte by byte and 16 bytes at once (with
 * other bytes after it), which must agree. */
static void info(const char *w, size_t n, qg_wordinfo *wi)
{
	char pad[96];
	qg_wordinfo other;

	qg_lexicon_info(lx, w, n, n, wi);
	assert_true(n + 16 <= sizeof(pad));
	memset(pad, 'Q', sizeof(pad));
	memcpy(pad, w, n);
	qg_lexicon_info(lx, pad, n, sizeof(pad), &other);
	assert_ptr_equal(other.verb, wi->verb);
	assert_int_equal(other.form, wi->form);
	assert_int_equal(other.classes, wi->classes);
	assert_int_equal(other.sets, wi->sets);
}

/* qg_lexicon_info() says what the three separate lookups say, for the
 * word in any case. */
static void check_info(const char *w)
{
	qg_wordinfo wi;
	unsigned form = 0;
	size_t n = strlen(w);
	const qg_verb *v = qg_lexicon_verb(lx, w, n, &form);

	info(w, n, &wi);
	assert_ptr_equal(wi.verb, v);
	assert_int_equal(wi.form, form);
	assert_int_equal(wi.classes, qg_lexicon_word(lx, w, n));
}

/* Every word of every closed list carries its list's bit, capitalised
 * too; a word in no list carries none; the merged table agrees with the
 * verb and word tables. */
static void test_lexicon_info_sets_and_merge(void **state)
{
	qg_wordinfo wi;
	char up[64];
	static const char *const words[] = {
	    "said", "Said", "SAYS", "told", "Minister", "mr", "the", "was",
	    "according", "Monday", "interview", "zebra", "", "x",
	    "Misrepresenting", "ACKNOWLEDGEMENTS", "spokeswoman's",
	    "vice-chairwoman", "interviewed", "SAID", "Ünited", "Ação",
	};
	static const char *const marks[] = {
	    "’", "‘", "“", "”", "«", "»", "—", "–", "…", "•", "·", "„", "‹",
	    "›", "\xC2\xA0", "€", "£", "°", "§", "©",
	};

	(void)state;
	for (size_t id = 0; id < QG_S_COUNT; id++) {
		assert_true(qg__wordsets[id].n > 0);
		for (size_t i = 0; i < qg__wordsets[id].n; i++)
			assert_true(strlen(qg__wordsets[id].words[i]) <=
			            QG_WORD_INFO_MAX);
		for (size_t i = 0; i < qg__wordsets[id].n; i++) {
			const char *w = qg__wordsets[id].words[i];
			size_t n = strlen(w);

			info(w, n, &wi);
			assert_true((wi.sets >> id) & 1);
			assert_true(n < sizeof(up));
			memcpy(up, w, n);
			if (up[0] >= 'a' && up[0] <= 'z')
				up[0] = (char)(up[0] - 32);
			info(up, n, &wi);
			assert_true((wi.sets >> id) & 1);
			check_info(w);
		}
	}
	info("zebra", 5, &wi);
	assert_int_equal(wi.sets, 0);
	info("tho", 3, &wi); /* a prefix of "though" */
	assert_int_equal(wi.sets, 0);
	for (size_t i = 0; i < QG_ARRAY_LEN(words); i++)
		check_info(words[i]);
	/* no punctuation mark is a word of any list (qg_tokens_tag relies
	 * on it) */
	for (int c = 0x21; c < 0x7F; c++) {
		char m = (char)c;

		if ((c | 32) - 'a' < 26 || c - '0' < 10)
			continue;
		info(&m, 1, &wi);
		assert_null(wi.verb);
		assert_int_equal(wi.classes | wi.sets | wi.form, 0);
	}
	for (size_t i = 0; i < QG_ARRAY_LEN(marks); i++) {
		info(marks[i], strlen(marks[i]), &wi);
		assert_null(wi.verb);
		assert_int_equal(wi.classes | wi.sets | wi.form, 0);
	}
	/* a verb knows the lists its base is in, whatever its form */
	for (size_t id = QG_S_CUE_THOUGHT_VERBS; id < QG_S_COUNT; id++) {
		for (size_t i = 0; i < qg__wordsets[id].n; i++) {
			const char *w = qg__wordsets[id].words[i];
			const qg_verb *v = qg_lexicon_verb(lx, w, strlen(w), NULL);

			if (v && strcmp(v->base, w) == 0)
				assert_true(qg_verb_in(v, (unsigned)id));
		}
	}
	assert_true(qg_verb_in(qg_lexicon_verb(lx, "said", 4, NULL),
	                       QG_S_REPORT_BARE_VERBS));
	assert_false(qg_verb_in(qg_lexicon_verb(lx, "said", 4, NULL),
	                        QG_S_CUE_THOUGHT_VERBS));
	info("the", 3, &wi);
	assert_true((wi.sets >> QG_S_CUE_DETERMINERS) & 1);
	assert_false((wi.sets >> QG_S_CUE_MODALS) & 1);
}

static void test_lexicon_new_survives_failed_allocations(void **state)
{
	qg_lexicon *l = NULL;
	qg_status rc = QG_ERR_NOMEM;
	long n, live;

	(void)state;
	for (n = 1; rc != QG_OK && n < 1000; n++) {
		qg_test_alloc_start(n);
		rc = qg_lexicon_new(&l);
		if (rc == QG_OK) {
			assert_non_null(l);
			assert_non_null(qg_lexicon_verb(l, "said", 4, NULL));
			qg_lexicon_free(l);
		} else {
			assert_int_equal(rc, QG_ERR_NOMEM);
			assert_null(l);
		}
		live = qg_test_alloc_stop();
		assert_int_equal(live, 0);
	}
	assert_int_equal(rc, QG_OK);
	assert_true(n > 2); /* at least one allocation did fail */
}

static void test_lexicon_lookups_do_not_allocate(void **state)
{
	size_t n;

	(void)state;
	qg_test_alloc_start(0);
	assert_non_null(qg_lexicon_verb(lx, "said", 4, NULL));
	assert_true(qg_lexicon_word(lx, "Mr", 2) & QG_W_HONORIFIC);
	assert_non_null(qg_lexicon_outlet(lx, "Reuters", 7, &n));
	assert_non_null(qg_lexicon_org(lx, "NATO", 4, &n));
	assert_int_equal(qg_test_alloc_state.count, 0);
	assert_int_equal(qg_test_alloc_stop(), 0);
}

static void test_lexicon_free_null(void **state)
{
	(void)state;
	qg_lexicon_free(NULL);
}

/* The first word of every known name carries its table's bit in the
 * word's sets (the mention finder skips the name lookups at a plain word
 * without it); a word that opens no name has neither. */
static void test_lexicon_info_name_first_words(void **state)
{
	qg_wordinfo wi;

	(void)state;
	info("United", 6, &wi); /* United Nations, United States */
	assert_true((wi.sets >> QG_S_ORG_FIRST) & 1);
	info("kremlin", 7, &wi);
	assert_true((wi.sets >> QG_S_ORG_FIRST) & 1);
	info("Izvestia", 8, &wi);
	assert_true((wi.sets >> QG_S_OUTLET_FIRST) & 1);
	info("U", 1, &wi); /* U.N., U.S. */
	assert_true((wi.sets >> QG_S_ORG_FIRST) & 1);
	info("Tamsin", 6, &wi);
	assert_false((wi.sets >> QG_S_OUTLET_FIRST) & 1);
	assert_false((wi.sets >> QG_S_ORG_FIRST) & 1);
	/* a word of the lists keeps its lists, and gains no verb */
	info("the", 3, &wi);
	assert_true((wi.sets >> QG_S_ORG_FIRST) & 1);
	assert_true((wi.sets >> QG_S_ATTR_DETERMINERS) & 1);
	info("Nations", 7, &wi); /* inside a name, opening none */
	assert_false((wi.sets >> QG_S_ORG_FIRST) & 1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_lexicon_verb_inflections),
	    cmocka_unit_test(test_lexicon_verb_rejects_wrong_forms),
	    cmocka_unit_test(test_lexicon_verb_flags),
	    cmocka_unit_test(test_lexicon_word_classes),
	    cmocka_unit_test(test_lexicon_word_unknown),
	    cmocka_unit_test(test_lexicon_outlet_longest_match),
	    cmocka_unit_test(test_lexicon_outlet_word_boundaries),
	    cmocka_unit_test(test_lexicon_org_match),
	    cmocka_unit_test(test_lexicon_name_outlet_then_org),
	    cmocka_unit_test(test_lexicon_info_name_first_words),
	    cmocka_unit_test(test_lexicon_outlet_every_alias),
	    cmocka_unit_test(test_lexicon_org_every_alias),
	    cmocka_unit_test(test_lexicon_verb_every_base),
	    cmocka_unit_test(test_lexicon_info_sets_and_merge),
	    cmocka_unit_test(test_lexicon_new_survives_failed_allocations),
	    cmocka_unit_test(test_lexicon_lookups_do_not_allocate),
	    cmocka_unit_test(test_lexicon_free_null),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
