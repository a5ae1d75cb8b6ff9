/*
 * test_cluster.c -- quote clusters: normalised words, containment, word
 * differences and MinHash (pure functions), then the clusters the store
 * builds from the invented pension articles.
 */
#include "prov_fixture.h"
#include "../../src/lib/cluster/cluster.h"
#include "../../src/lib/core/embedded.h"

static void words_of(qg_qwords *w, const char *s)
{
	assert_int_equal(qg__qwords(w, s, strlen(s)), QG_OK);
}

static void test_cluster_normalises_marks_case_space(void **state)
{
	qg_qwords w = QG_QWORDS_INIT;

	(void)state;
	words_of(&w, "  \xe2\x80\x9cWe\xe2\x80\x99ll  BRING this\xe2\x80\xa6"
	             "war,\xe2\x80\x9d  ");
	assert_string_equal(w.text.data, "we'll bring this war");
	assert_int_equal(w.n, 4);
	assert_int_equal(w.seg[2], 1); /* the ellipsis ends a sentence */
	assert_int_equal(w.seg[1], 0);
	words_of(&w, "solution-based. U.S. talks... 'ironclad'");
	assert_string_equal(w.text.data, "solution-based u.s talks ironclad");
	assert_int_equal(w.seg[0], 1);
	words_of(&w, " \xe2\x80\x94 ... ");
	assert_int_equal(w.n, 0);
	assert_string_equal(w.text.data, "");
	qg__qwords_dispose(&w);
}

/* The stored words split again without normalising give the words
 * normalising gives: the store relies on it to read candidates cheaply. */
static void test_cluster_norm_splits_like_normalising(void **state)
{
	static const char *const texts[] = {
		"We\xe2\x80\x99ll bring U.S. troops home -- \"soon\".",
		"  Ca\xc3\xb1\xc3\xb3n   ca\xc3\xb1on, \xd0\x9c\xd0\xb8\xd1\x80! "
		"rock 'n' roll; solution-based...",
		"one",
		"",
	};
	qg_qwords a = QG_QWORDS_INIT, b = QG_QWORDS_INIT;

	(void)state;
	for (size_t t = 0; t < QG_ARRAY_LEN(texts); t++) {
		words_of(&a, texts[t]);
		assert_int_equal(qg__qwords_norm(&b, a.text.data, a.text.len),
		                 QG_OK);
		assert_int_equal(b.n, a.n);
		assert_string_equal(b.text.data, a.text.data);
		for (size_t i = 0; i < a.n; i++) {
			assert_int_equal(b.off[i], a.off[i]);
			assert_int_equal(b.len[i], a.len[i]);
			assert_int_equal(b.seg[i], i + 1 == a.n);
			assert_int_equal(qg__qwords_common(&b, i),
			                 qg__qwords_common(&a, i));
		}
	}
	qg__qwords_dispose(&a);
	qg__qwords_dispose(&b);
}

/* Common words are told by their whole spelling, not a prefix. */
static void test_cluster_common_words(void **state)
{
	qg_qwords w = QG_QWORDS_INIT;
	static const int expect[] = {1, 0, 1, 0, 1, 0, 1, 0, 1};

	(void)state;
	words_of(&w, "the then their theirs will willow of ours WERE");
	assert_int_equal(w.n, QG_ARRAY_LEN(expect));
	for (size_t i = 0; i < w.n; i++)
		assert_int_equal(qg__qwords_common(&w, i), expect[i]);
	qg__qwords_dispose(&w);
}

static void test_cluster_exact_after_normalisation(void **state)
{
	qg_qwords a = QG_QWORDS_INIT, b = QG_QWORDS_INIT;
	qg_relation_kind rel;

	(void)state;
	words_of(&a, "A lot of work's been done over the weekend.");
	words_of(&b, "a lot of work\xe2\x80\x99s been done over the "
	             "WEEKEND\xe2\x80\xa6");
	assert_int_equal(qg__relate(&a, &b, NULL, &rel), QG_OK);
	assert_int_equal(rel, QG_REL_EXACT);
	qg__qwords_dispose(&a);
	qg__qwords_dispose(&b);
}

static void test_cluster_fragment_and_superset(void **state)
{
	qg_qwords full = QG_QWORDS_INIT, part = QG_QWORDS_INIT;
	qg_relation_kind rel;

	(void)state;
	words_of(&full, "The harbour will stay open, whatever the cost.");
	words_of(&part, "'stay open'");
	assert_int_equal(qg__relate(&part, &full, NULL, &rel), QG_OK);
	assert_int_equal(rel, QG_REL_FRAGMENT);
	assert_int_equal(qg__qwords_find(&full, &part), 3);
	assert_int_equal(qg__relate(&full, &part, NULL, &rel), QG_OK);
	assert_int_equal(rel, QG_REL_SUPERSET);
	/* whole words only: "pen" is not inside "open" */
	words_of(&part, "pen");
	assert_int_equal(qg__relate(&part, &full, NULL, &rel), QG_OK);
	assert_int_equal(rel, QG_REL_NONE);
	qg__qwords_dispose(&full);
	qg__qwords_dispose(&part);
}

static void test_cluster_variant_keeps_word_difference(void **state)
{
	qg_qwords a = QG_QWORDS_INIT, b = QG_QWORDS_INIT;
	qg_buf diff = QG_BUF_INIT;
	qg_relation_kind rel;

	(void)state;
	words_of(&a, "We want to see if we can bring this strike to an end.");
	words_of(&b, "We want to see if we can bring that strike to an end.");
	assert_int_equal(qg__relate(&b, &a, &diff, &rel), QG_OK);
	assert_int_equal(rel, QG_REL_VARIANT);
	assert_string_equal(diff.data, "this\xe2\x86\x92that");
	/* a dropped word and an added one, as two hunks */
	qg_buf_reset(&diff);
	words_of(&b, "We want to see if we can bring the strike to an end now");
	assert_int_equal(qg__relate(&b, &a, &diff, &rel), QG_OK);
	assert_int_equal(rel, QG_REL_VARIANT);
	assert_string_equal(diff.data, "this\xe2\x86\x92the; "
	                               "\xe2\x88\x85\xe2\x86\x92now");
	qg_buf_dispose(&diff);
	qg__qwords_dispose(&a);
	qg__qwords_dispose(&b);
}

static void test_cluster_short_or_far_is_no_variant(void **state)
{
	qg_qwords a = QG_QWORDS_INIT, b = QG_QWORDS_INIT;
	qg_relation_kind rel;

	(void)state;
	words_of(&a, "the talks failed");
	words_of(&b, "the talks succeeded");
	assert_int_equal(qg__relate(&b, &a, NULL, &rel), QG_OK);
	assert_int_equal(rel, QG_REL_NONE);
	words_of(&a, "We will open the harbour gates on Monday morning.");
	words_of(&b, "They might close the river locks on Friday evening.");
	assert_int_equal(qg__relate(&b, &a, NULL, &rel), QG_OK);
	assert_int_equal(rel, QG_REL_NONE);
	qg__qwords_dispose(&a);
	qg__qwords_dispose(&b);
}

/* A made-up text of n words from a small vocabulary, so that random
 * pairs share words, runs and pairs often. */
static void random_words(char *out, size_t cap, size_t n, uint64_t *rng)
{
	static const char *const vocab[] = {
		"tide", "ferry", "levy", "harbour", "toll", "winter", "vote",
		"the", "we", "will", "plan", "rates", "quay", "pier", "fund",
		"promised", "never", "contract-based", "council's", "u.s"};
	size_t len = 0;

	out[0] = '\0';
	for (size_t i = 0; i < n && len + 32 < cap; i++) {
		*rng = *rng * 6364136223846793005ULL + 1442695040888963407ULL;
		len += (size_t)snprintf(out + len, cap - len, "%s%s",
		                        i ? " " : "",
		                        vocab[(*rng >> 33) % QG_ARRAY_LEN(vocab)]);
	}
}

/* Change a few words of `in` (a variant), or keep a run of it (a
 * fragment), or keep it whole, at random. */
static void random_change(const qg_qwords *in, char *out, size_t cap,
                          uint64_t *rng)
{
	size_t from = 0, to = in->n, len = 0, edits;
	char word[32];

	*rng = *rng * 6364136223846793005ULL + 1442695040888963407ULL;
	if ((*rng >> 40) % 3 == 0 && in->n > 1) {
		from = (*rng >> 20) % in->n;
		to = from + 1 + (*rng >> 50) % (in->n - from);
	}
	edits = (*rng >> 30) % 4;
	out[0] = '\0';
	for (size_t i = from; i < to && len + 64 < cap; i++) {
		*rng = *rng * 6364136223846793005ULL + 1442695040888963407ULL;
		snprintf(word, sizeof(word), "%.*s", (int)in->len[i],
		         in->text.data + in->off[i]);
		if (edits > 0 && (*rng >> 60) == 0) {
			edits--;
			random_words(word, sizeof(word), (*rng >> 35) % 2, rng);
		}
		if (*word)
			len += (size_t)snprintf(out + len, cap - len, "%s%s",
			                        len ? " " : "", word);
	}
}

/* The cheap test before qg__relate never turns away a pair it relates,
 * and does turn away most unrelated ones. */
static void test_cluster_cheap_test_keeps_every_relation(void **state)
{
	qg_qwords a = QG_QWORDS_INIT, b = QG_QWORDS_INIT, c = QG_QWORDS_INIT;
	char ta[512], tb[512];
	uint64_t rng = 7, mask;
	size_t related = 0, refused = 0, words;
	qg_relation_kind rel;

	(void)state;
	for (int round = 0; round < 20000; round++) {
		random_words(ta, sizeof(ta), 1 + (size_t)round % 14, &rng);
		words_of(&a, ta);
		if (round % 2)
			random_change(&a, tb, sizeof(tb), &rng);
		else
			random_words(tb, sizeof(tb), 1 + (size_t)round % 13,
			             &rng);
		words_of(&b, tb);
		/* the candidate as the store keeps it: its norm */
		words = qg__norm_shape(a.text.data, a.text.len, &mask);
		assert_int_equal(qg__qwords_norm(&c, a.text.data, a.text.len),
		                 QG_OK);
		assert_int_equal(words, c.n);
		assert_int_equal(qg__relate(&b, &c, NULL, &rel), QG_OK);
		if (rel != QG_REL_NONE) {
			related++;
			assert_true(qg__may_relate(&b, qg__qwords_mask(&b),
			                           a.text.data, a.text.len,
			                           words, mask));
		} else {
			refused += !qg__may_relate(&b, qg__qwords_mask(&b),
			                           a.text.data, a.text.len,
			                           words, mask);
		}
	}
	/* both sides were exercised */
	assert_true(related > 2000);
	assert_true(refused > 2000);
	qg__qwords_dispose(&a);
	qg__qwords_dispose(&b);
	qg__qwords_dispose(&c);
}

/* Whether any of a's n hashes is among b's m. */
static int shares(const int64_t *a, size_t n, const int64_t *b, size_t m)
{
	for (size_t i = 0; i < n; i++)
		for (size_t j = 0; j < m; j++)
			if (a[i] == b[j])
				return 1;
	return 0;
}

/* A variant probing with its sketch finds a quote by the few hashes the
 * quote is indexed by; an unrelated text does not; shingles of common
 * words alone are left out. */
static void test_cluster_sketch_finds_variants(void **state)
{
	qg_qwords a = QG_QWORDS_INIT, b = QG_QWORDS_INIT, c = QG_QWORDS_INIT;
	int64_t ka[QG_SKETCH_PROBE], pb[QG_SKETCH_PROBE], pc[QG_SKETCH_PROBE];
	size_t na, nb, nc;

	(void)state;
	words_of(&a, "nobody in this city will pay for a harbour that the "
	             "council cannot even keep clean in the summer months");
	words_of(&b, "Nobody in this city will pay for a harbour that the "
	             "council cannot even keep clean in the winter months");
	words_of(&c, "the weather office expects heavy rain along the coast "
	             "for the rest of the week and into next");
	na = qg__sketch(&a, ka, QG_SKETCH_KEEP);
	nb = qg__sketch(&b, pb, QG_SKETCH_PROBE);
	nc = qg__sketch(&c, pc, QG_SKETCH_PROBE);
	assert_int_equal(na, QG_SKETCH_KEEP);
	/* only the pairs without a common word: council cannot, cannot
	 * even, even keep, keep clean, winter months; ascending (as
	 * unsigned), distinct */
	assert_int_equal(nb, 5);
	for (size_t i = 1; i < nb; i++)
		assert_true((uint64_t)pb[i - 1] < (uint64_t)pb[i]);
	assert_true(shares(ka, na, pb, nb));
	assert_false(shares(ka, na, pc, nc));
	/* the smallest three are the first three of the eight */
	assert_int_equal(qg__sketch(&b, ka, QG_SKETCH_KEEP), QG_SKETCH_KEEP);
	assert_memory_equal(ka, pb, QG_SKETCH_KEEP * sizeof(*ka));
	/* "this war" and "that war": the short remark still meets */
	words_of(&a, "we will bring this war to an end");
	words_of(&b, "we will bring that war to an end");
	na = qg__sketch(&a, ka, QG_SKETCH_KEEP);
	nb = qg__sketch(&b, pb, QG_SKETCH_PROBE);
	assert_true(shares(ka, na, pb, nb));
	/* common words only: their shingles are all there is */
	words_of(&c, "we will not");
	assert_int_equal(qg__sketch(&c, pc, QG_SKETCH_PROBE), 2);
	words_of(&c, "we will not pay the levy");
	assert_int_equal(qg__sketch(&c, pc, QG_SKETCH_PROBE), 3);
	words_of(&c, "alone");
	assert_int_equal(qg__sketch(&c, pc, QG_SKETCH_PROBE), 0);
	qg__qwords_dispose(&a);
	qg__qwords_dispose(&b);
	qg__qwords_dispose(&c);
}

/* ------------------------------------------------------- in the store */

static long long members(qg_db *db, const char *article, const char *rel)
{
	char sql[512];

	snprintf(sql, sizeof(sql),
	         "SELECT count(*) FROM quote_member m JOIN occurrence o "
	         "ON o.id = m.occurrence_id JOIN article a ON a.id = "
	         "o.article_id WHERE a.name = '%s' AND m.relation = '%s' "
	         "AND m.quote_id = (SELECT quote_id FROM quote_member "
	         "WHERE occurrence_id = 1)",
	         article, rel);
	return pv_int(db, sql);
}

static void check_pension_cluster(qg_db *db)
{
	char diff[128];

	/* occurrence 1 is the wire's full quote */
	assert_int_equal(members(db, "wire-pension.txt", "exact"), 1);
	assert_int_equal(members(db, "times-pension.txt", "exact"), 1);
	assert_int_equal(members(db, "klaxon-pension.txt", "fragment"), 2);
	assert_int_equal(members(db, "blog-pension.md", "variant"), 1);
	assert_int_equal(members(db, "radio-pension.txt", "exact"), 1);
	pv_text(db, "SELECT diff FROM quote_member WHERE relation = 'variant'",
	        diff, sizeof(diff));
	assert_string_equal(diff, "the\xe2\x86\x92our");
	assert_int_equal(pv_int(db, "SELECT members FROM quote WHERE id = "
	                            "(SELECT quote_id FROM quote_member "
	                            "WHERE occurrence_id = 1)"),
	                 6);
	assert_int_equal(pv_int(db, "SELECT first_seen = '2025-06-01' FROM "
	                            "quote WHERE id = (SELECT quote_id FROM "
	                            "quote_member WHERE occurrence_id = 1)"),
	                 1);
	/* the rest: "a bad joke", the forum post, the reported speech */
	assert_int_equal(pv_int(db, "SELECT count(*) FROM quote"), 4);
	assert_int_equal(pv_int(db, "SELECT count(*) FROM quote_member"), 9);
	assert_int_equal(pv_int(db, "SELECT count(*) FROM quote "
	                            "WHERE indirect = 1"),
	                 1);
}

static void test_cluster_store_builds_relations(void **state)
{
	char path[64];
	qg_db *db = pv_db_all(path);

	(void)state;
	check_pension_cluster(db);
	qg_db_close(db);
	pv_db_remove(path);
}

/* Fragments stored before their full version are absorbed by it, so the
 * clusters do not depend on the order of ingest. */
static void test_cluster_order_does_not_matter(void **state)
{
	char path[64];
	qg_db *db = pv_db(path);
	const pv_article *order[] = {&pv_tabloid, &pv_blog, &pv_wire,
	                             &pv_broadsheet, &pv_radio, &pv_forum};

	(void)state;
	for (size_t i = 0; i < QG_ARRAY_LEN(order); i++)
		pv_store(db, order[i]);
	assert_int_equal(pv_int(db, "SELECT count(*) FROM quote"), 4);
	assert_int_equal(pv_int(db, "SELECT count(DISTINCT quote_id) FROM "
	                            "quote_member m JOIN occurrence o ON "
	                            "o.id = m.occurrence_id WHERE o.text LIKE "
	                            "'%paper-thin%'"),
	                 1);
	/* the blog came first, so the others are variants of its words */
	assert_int_equal(pv_int(db, "SELECT count(*) FROM quote_member "
	                            "WHERE relation = 'fragment'"),
	                 2);
	assert_int_equal(pv_int(db, "SELECT count(*) FROM quote_member "
	                            "WHERE relation = 'variant'"),
	                 3);
	qg_db_close(db);
	pv_db_remove(path);
}

/* A short fragment does not join the quote of another speaker. */
static void test_cluster_fragment_needs_same_speaker(void **state)
{
	static const pv_article other = {
		"other.txt", "2025-06-07", "Coast Post", NULL,
		"Rival Jon Amberg called his own plan \"paper-thin\" too.\n",
		{{"paper-thin", "Jon Amberg", "called", NULL, NULL, NULL,
		  QG_KIND_PARTIAL, QG_ENTITY_PERSON}}};
	char path[64];
	qg_db *db = pv_db_all(path);

	(void)state;
	pv_store(db, &other);
	assert_int_equal(pv_int(db, "SELECT count(*) FROM quote"), 5);
	assert_int_equal(pv_int(db, "SELECT relation = 'exact' FROM "
	                            "quote_member WHERE occurrence_id = "
	                            "(SELECT max(id) FROM occurrence)"),
	                 1);
	qg_db_close(db);
	pv_db_remove(path);
}

static void exec_ok(qg_db *db, const char *sql)
{
	assert_int_equal(sqlite3_exec(db->conn, sql, NULL, NULL, NULL),
	                 SQLITE_OK);
}

#define PENSION_QUOTE                                                       \
	"(SELECT m.quote_id FROM quote_member m JOIN occurrence o ON o.id = " \
	"m.occurrence_id WHERE o.text LIKE '%any deal%' LIMIT 1)"

/* Deleting an article takes its memberships with it at once (the member
 * count, an emptied quote), and the rest of the quote is put right at
 * the next ingest: its longest version, relations and first date. */
static void test_cluster_follows_deletes(void **state)
{
	char path[64], text[256];
	qg_db *db = pv_db_all(path);

	(void)state;
	exec_ok(db, "DELETE FROM article WHERE name = 'blog-pension.md'");
	assert_int_equal(pv_int(db, "SELECT count(*) FROM quote_member "
	                            "WHERE relation = 'variant'"),
	                 0);
	assert_int_equal(pv_int(db, "SELECT members FROM quote WHERE id = "
	                            PENSION_QUOTE),
	                 5);
	/* the wire carried the longest version and "a bad joke" alone */
	exec_ok(db, "DELETE FROM article WHERE name = 'wire-pension.txt'");
	assert_int_equal(pv_int(db, "SELECT count(*) FROM quote"), 3);
	assert_int_equal(pv_int(db, "SELECT members FROM quote WHERE id = "
	                            PENSION_QUOTE),
	                 4);
	assert_int_equal(pv_int(db, "SELECT count(*) FROM quote_stale"), 1);
	/* the next ingest repairs the quote before adding the blog again */
	pv_store(db, &pv_blog);
	assert_int_equal(pv_int(db, "SELECT count(*) FROM quote_stale"), 0);
	assert_int_equal(pv_int(db, "SELECT members FROM quote WHERE id = "
	                            PENSION_QUOTE),
	                 5);
	pv_text(db, "SELECT text FROM quote WHERE id = " PENSION_QUOTE, text,
	        sizeof(text));
	assert_non_null(strstr(text, "We will NOT sign"));
	assert_int_equal(pv_int(db, "SELECT first_seen = '2025-06-03' FROM "
	                            "quote WHERE id = " PENSION_QUOTE),
	                 1);
	assert_int_equal(pv_int(db, "SELECT count(*) FROM quote_member m JOIN "
	                            "quote q ON q.id = m.quote_id WHERE "
	                            "q.canon_id = m.occurrence_id AND "
	                            "m.relation = 'exact'"),
	                 pv_int(db, "SELECT count(*) FROM quote"));
	assert_int_equal(pv_int(db, "SELECT count(*) FROM quote_member "
	                            "WHERE relation = 'variant'"),
	                 1);
	exec_ok(db, "DELETE FROM article");
	assert_int_equal(pv_int(db, "SELECT count(*) FROM quote"), 0);
	qg_db_close(db);
	pv_db_remove(path);
}

/* A stale quote is also repaired when the database is next opened for
 * writing, with nothing ingested. */
static void test_cluster_repairs_at_open(void **state)
{
	char path[64];
	qg_db *db = pv_db_all(path);

	(void)state;
	exec_ok(db, "DELETE FROM article WHERE name = 'wire-pension.txt'");
	qg_db_close(db);
	assert_int_equal(qg_db_open(&db, path, 0), QG_OK);
	assert_int_equal(pv_int(db, "SELECT count(*) FROM quote_stale"), 0);
	assert_int_equal(pv_int(db, "SELECT count(*) FROM quote_member m "
	                            "JOIN occurrence o ON o.id = "
	                            "m.occurrence_id JOIN article a ON a.id = "
	                            "o.article_id WHERE a.name = "
	                            "'times-pension.txt' AND m.relation = "
	                            "'exact' AND m.quote_id = " PENSION_QUOTE),
	                 1);
	assert_int_equal(pv_int(db, "SELECT members FROM quote WHERE id = "
	                            PENSION_QUOTE),
	                 5);
	qg_db_close(db);
	pv_db_remove(path);
}

/* Every membership as text: occurrence, relation and difference. */
#define MEMBERSHIPS                                                         \
	"SELECT group_concat(occurrence_id || ':' || relation || ':' || "     \
	"coalesce(diff, '') || ':' || (SELECT canon_id FROM quote q WHERE "   \
	"q.id = m.quote_id), ' ') FROM (SELECT * FROM quote_member ORDER BY " \
	"occurrence_id) m"

/* Copy the rows of schema 001's tables from the database `from` into
 * `conn`, which holds schema 001 only. */
static void copy_graph(sqlite3 *conn, const char *from)
{
	static const char *const tables[] = {"entity", "alias", "article",
	                                     "article_cites", "occurrence"};
	char sql[256];

	snprintf(sql, sizeof(sql), "ATTACH '%s' AS src", from);
	assert_int_equal(sqlite3_exec(conn, sql, NULL, NULL, NULL), SQLITE_OK);
	for (size_t i = 0; i < QG_ARRAY_LEN(tables); i++) {
		snprintf(sql, sizeof(sql), "INSERT INTO main.%s SELECT * FROM "
		         "src.%s", tables[i], tables[i]);
		assert_int_equal(sqlite3_exec(conn, sql, NULL, NULL, NULL),
		                 SQLITE_OK);
	}
	assert_int_equal(sqlite3_exec(conn, "DETACH src", NULL, NULL, NULL),
	                 SQLITE_OK);
}

/* A database made before quotes were clustered (schema 001 only) gets
 * its stored quotes clustered when it is opened: the same clusters as
 * clustering at ingest. */
static void test_cluster_backfills_old_database(void **state)
{
	char path[64], old[80], before[1024], after[1024];
	qg_db *db = pv_db_all(path);
	sqlite3 *conn = NULL;

	(void)state;
	pv_text(db, MEMBERSHIPS, before, sizeof(before));
	assert_true(strlen(before) > 20);
	qg_db_close(db);
	/* the same articles in a database of schema 001 */
	snprintf(old, sizeof(old), "%s-v1", path);
	assert_int_equal(sqlite3_open(old, &conn), SQLITE_OK);
	assert_int_equal(sqlite3_exec(conn, qg_schema_files[0].data, NULL,
	                              NULL, NULL),
	                 SQLITE_OK);
	assert_int_equal(sqlite3_exec(conn, "PRAGMA user_version = 1", NULL,
	                              NULL, NULL),
	                 SQLITE_OK);
	copy_graph(conn, path);
	sqlite3_close(conn);
	/* opened for writing: migrated, then clustered */
	assert_int_equal(qg_db_open(&db, old, 0), QG_OK);
	assert_int_equal(qg_db_schema_version(db),
	                 (int)qg_schema_files_count);
	assert_int_equal(pv_int(db, "SELECT count(*) FROM cluster_pending"), 0);
	pv_text(db, MEMBERSHIPS, after, sizeof(after));
	assert_string_equal(after, before);
	check_pension_cluster(db);
	qg_db_close(db);
	pv_db_remove(path);
	pv_db_remove(old);
}

/* Store one article of the given quotes with plain SQL and cluster it, as
 * the benchmark does. */
static void raw_article(qg_db *db, const char *name, const char *const *q,
                        size_t n)
{
	sqlite3_stmt *st = NULL;
	int64_t id;

	assert_int_equal(sqlite3_prepare_v2(db->conn,
	                                    "INSERT INTO article (hash, name, "
	                                    "date, text) VALUES (?1, ?1, "
	                                    "'2025-07-01', 'x')",
	                                    -1, &st, NULL),
	                 SQLITE_OK);
	sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
	assert_int_equal(sqlite3_step(st), SQLITE_DONE);
	sqlite3_finalize(st);
	id = sqlite3_last_insert_rowid(db->conn);
	assert_int_equal(sqlite3_prepare_v2(db->conn,
	                                    "INSERT INTO occurrence (article_id, "
	                                    "kind, text, norm, start, end) "
	                                    "VALUES (?1, 'direct', ?2, '', ?3, "
	                                    "?3 + 1)",
	                                    -1, &st, NULL),
	                 SQLITE_OK);
	for (size_t i = 0; i < n; i++) {
		sqlite3_bind_int64(st, 1, id);
		sqlite3_bind_text(st, 2, q[i], -1, SQLITE_STATIC);
		sqlite3_bind_int64(st, 3, (sqlite3_int64)i * 10);
		assert_int_equal(sqlite3_step(st), SQLITE_DONE);
		sqlite3_reset(st);
	}
	sqlite3_finalize(st);
	assert_int_equal(qg__cluster_article(db, id), QG_OK);
}

/* The relation of the newest occurrence, and whether it joined the quote
 * of the occurrence whose text is `text`. */
static void check_last(qg_db *db, const char *rel, const char *text)
{
	char sql[512];

	snprintf(sql, sizeof(sql),
	         "SELECT relation = '%s' AND quote_id = (SELECT m.quote_id FROM "
	         "quote_member m JOIN occurrence o ON o.id = m.occurrence_id "
	         "WHERE o.text = '%s' ORDER BY o.id LIMIT 1) FROM quote_member "
	         "WHERE occurrence_id = (SELECT max(id) FROM occurrence)",
	         rel, text);
	assert_int_equal(pv_int(db, sql), 1);
}

/* A long run (enough quotes for the in-memory index filter to be built)
 * finds the same repeats and variants, including a quote another
 * connection stored after the filter was built. */
static void test_cluster_long_run_with_filter(void **state)
{
	static const char *const other =
		"the night ferry to Skarvholm will sail again from Monday";
	char path[64], name[32], text[3][128];
	const char *q[3] = {text[0], text[1], text[2]};
	qg_db *db = pv_db(path), *db2 = NULL;

	(void)state;
	assert_int_equal(qg_db_begin(db), QG_OK);
	for (int i = 0; i < 1000; i++) {
		snprintf(name, sizeof(name), "run-%d", i);
		for (int k = 0; k < 3; k++)
			snprintf(text[k], sizeof(text[k]),
			         "harbour board member%d says plan%d costs kroner%d "
			         "before winter%d", i * 3 + k, i, k, i * 7 + k);
		raw_article(db, name, q, 3);
	}
	assert_int_equal(qg_db_commit(db), QG_OK);
	/* another connection stores a quote the filter has not seen */
	assert_int_equal(qg_db_open(&db2, path, 0), QG_OK);
	assert_int_equal(qg_db_begin(db2), QG_OK);
	raw_article(db2, "other-desk", &other, 1);
	assert_int_equal(qg_db_commit(db2), QG_OK);
	qg_db_close(db2);
	assert_int_equal(qg_db_begin(db), QG_OK);
	raw_article(db, "repeat", &other, 1);
	check_last(db, "exact", other);
	snprintf(text[0], sizeof(text[0]), "harbour board member%d says "
	         "plan%d costs crowns%d before winter%d", 30, 10, 0, 70);
	raw_article(db, "variant", q, 1);
	check_last(db, "variant", "harbour board member30 says plan10 costs "
	                          "kroner0 before winter70");
	assert_int_equal(qg_db_commit(db), QG_OK);
	qg_db_close(db);
	pv_db_remove(path);
}

/* Each quote's members, by text, relation and the quote's own text. */
#define MEMBERS_BY_TEXT                                                     \
	"SELECT group_concat(o.text || ':' || m.relation || ':' || q.text, " \
	"' | ') FROM (SELECT * FROM quote_member ORDER BY occurrence_id) m "  \
	"JOIN occurrence o ON o.id = m.occurrence_id JOIN quote q ON q.id = " \
	"m.quote_id"

/* A quote deleted behind the store's back, by another connection or by
 * SQL on the same one, is not joined again from the quotes kept in
 * memory (recent.c): the article stored again makes its quotes anew, as
 * in a new database. Joining a deleted quote would fail on its foreign
 * key. */
static void test_cluster_recent_quotes_follow_deletes(void **state)
{
	char path[64], first[512], again[512];
	qg_db *db = pv_db(path), *db2 = NULL;

	(void)state;
	pv_store(db, &pv_blog);
	pv_text(db, MEMBERS_BY_TEXT, first, sizeof(first));
	assert_true(pv_int(db, "SELECT count(*) FROM quote") > 0);
	assert_int_equal(qg_db_open(&db2, path, 0), QG_OK);
	exec_ok(db2, "DELETE FROM article");
	qg_db_close(db2);
	assert_int_equal(pv_int(db, "SELECT count(*) FROM quote"), 0);
	pv_store(db, &pv_blog);
	pv_text(db, MEMBERS_BY_TEXT, again, sizeof(again));
	assert_string_equal(again, first);
	/* the same on this connection, inside a batch */
	assert_int_equal(qg_db_begin(db), QG_OK);
	exec_ok(db, "DELETE FROM article");
	pv_store(db, &pv_blog);
	assert_int_equal(qg_db_commit(db), QG_OK);
	pv_text(db, MEMBERS_BY_TEXT, again, sizeof(again));
	assert_string_equal(again, first);
	qg_db_close(db);
	pv_db_remove(path);
}

/* The staged index rows come out in key order (table, speaker, hash,
 * quote), each once: many rows under few keys, as a batch of one
 * speaker's quotes makes, and keys in rising and falling runs, which
 * pick poor pivots. */
static void test_cluster_staged_rows_sorted(void **state)
{
	char path[64];
	qg_db *db = pv_db(path);
	const qg__staged_row *rows = NULL;
	uint64_t rng = 7;
	size_t n, sum = 0;

	(void)state;
	for (int i = 0; i < 6000; i++) {
		qg__staged_row r;

		rng = qg_mix64(rng);
		r.word = (int)(rng & 1);
		r.x = r.word ? (int64_t)(rng >> 8 & 3) : 0;
		r.hash = i < 2000 ? (int64_t)(rng >> 16 & 15) - 8
		         : i < 4000 ? i : 6000 - i;
		r.quote = (int64_t)(rng >> 32 & 255);
		assert_int_equal(qg__staged_add(db, &r), QG_OK);
		assert_int_equal(qg__staged_add(db, &r), QG_OK); /* once */
	}
	n = qg__staged_sorted(db, &rows);
	assert_true(n > 4000 && n <= 6000);
	for (size_t i = 1; i < n; i++) {
		const qg__staged_row *a = &rows[i - 1], *b = &rows[i];
		int less = a->word != b->word ? a->word < b->word
		           : a->x != b->x     ? a->x < b->x
		           : a->hash != b->hash ? a->hash < b->hash
		                                : a->quote < b->quote;

		assert_true(less);
	}
	/* every row staged is still found by its key */
	for (size_t i = 0; i < n; i++) {
		int64_t ids[64];

		sum += qg__staged_find(db, &rows[i], ids, 64) > 0;
	}
	assert_int_equal(sum, n);
	qg__staged_clear(db);
	qg_db_close(db);
	pv_db_remove(path);
}

/* Every allocation failing in turn: an error comes back, nothing leaks. */
static void test_cluster_survives_failed_allocations(void **state)
{
	qg_qwords a = QG_QWORDS_INIT, b = QG_QWORDS_INIT;
	qg_buf diff = QG_BUF_INIT;
	qg_relation_kind rel;

	(void)state;
	for (long n = 1; n < 200; n++) {
		qg_status rc;

		qg_test_alloc_start(n);
		rc = qg__qwords(&a, "We can bring this strike to an end soon.",
		                40);
		if (rc == QG_OK)
			rc = qg__qwords(&b, "We can bring that strike to an end "
			                    "soon.", 40);
		if (rc == QG_OK)
			rc = qg__relate(&b, &a, &diff, &rel);
		qg__qwords_dispose(&a);
		qg__qwords_dispose(&b);
		qg_buf_dispose(&diff);
		assert_int_equal(qg_test_alloc_stop(), 0);
		if (rc == QG_OK)
			break;
		assert_int_equal(rc, QG_ERR_NOMEM);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_cluster_normalises_marks_case_space),
		cmocka_unit_test(test_cluster_norm_splits_like_normalising),
		cmocka_unit_test(test_cluster_common_words),
		cmocka_unit_test(test_cluster_exact_after_normalisation),
		cmocka_unit_test(test_cluster_fragment_and_superset),
		cmocka_unit_test(test_cluster_variant_keeps_word_difference),
		cmocka_unit_test(test_cluster_short_or_far_is_no_variant),
		cmocka_unit_test(test_cluster_cheap_test_keeps_every_relation),
		cmocka_unit_test(test_cluster_sketch_finds_variants),
		cmocka_unit_test(test_cluster_store_builds_relations),
		cmocka_unit_test(test_cluster_order_does_not_matter),
		cmocka_unit_test(test_cluster_fragment_needs_same_speaker),
		cmocka_unit_test(test_cluster_follows_deletes),
		cmocka_unit_test(test_cluster_repairs_at_open),
		cmocka_unit_test(test_cluster_backfills_old_database),
		cmocka_unit_test(test_cluster_long_run_with_filter),
		cmocka_unit_test(test_cluster_recent_quotes_follow_deletes),
		cmocka_unit_test(test_cluster_staged_rows_sorted),
		cmocka_unit_test(test_cluster_survives_failed_allocations),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
