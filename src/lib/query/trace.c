/*
 * trace.c -- the chain of one quote: its occurrences in date order, what
 * the articles claim about it (speaker, outlet, venue, date, each with the
 * articles stating it) and the flags; and reports, which are lists of
 * traces chosen by speaker, outlet or quote. Reads the clusters that
 * src/lib/cluster builds at ingest.
 */
#include <stdlib.h>
#include <string.h>

#include "../cluster/cluster.h"
#include "query.h"
#include "trace.h"

enum {
	ST_QUOTE = QG_STMT_CLUSTER + 25, /* cluster.c and upkeep.c: 0..24 */
	ST_ITEMS,
	ST_BY_KEY,
	ST_BY_WORDS,
	ST_QUOTE_OF,
	ST_ALL,
	ST_BY_FTS
};

static const char *const sql_quote =
	"SELECT id, text, first_seen, indirect FROM quote WHERE id = ?1";
/* the words after the quote's end (bytes) tell whether a partial quote
 * stands on the same noun as the full version; the order (by article date,
 * undated articles last) keeps the occurrences of one article together */
static const char *const sql_items =
	"SELECT o.id, a.id, a.name, a.title, a.date, pub.name, o.kind, "
	"m.relation, o.text, m.diff, sp.name, ou.name, o.venue, o.date, "
	"o.speaker_id, o.outlet_id, "
	"substr(CAST(a.text AS BLOB), o.\"end\" + 1, 48), "
	"EXISTS (SELECT 1 FROM article_cites c WHERE c.article_id = a.id "
	"AND c.outlet_id IN (SELECT o2.outlet_id FROM quote_member m2 "
	"JOIN occurrence o2 ON o2.id = m2.occurrence_id "
	"WHERE m2.quote_id = ?1 AND o2.outlet_id IS NOT NULL)) "
	"FROM quote_member m JOIN occurrence o ON o.id = m.occurrence_id "
	"JOIN article a ON a.id = o.article_id "
	"LEFT JOIN entity sp ON sp.id = o.speaker_id "
	"LEFT JOIN entity ou ON ou.id = o.outlet_id "
	"LEFT JOIN entity pub ON pub.id = a.publisher_id "
	"WHERE m.quote_id = ?1 "
	"ORDER BY a.date IS NULL, a.date, a.id, o.start";
static const char *const sql_by_key =
	"SELECT q.id FROM quote_hash k JOIN quote q ON q.id = k.quote_id "
	"WHERE k.hash = ?1 ORDER BY q.indirect, q.members DESC, q.id LIMIT 1";
static const char *const sql_by_words =
	"SELECT id FROM quote WHERE ' ' || norm || ' ' LIKE ?1 ESCAPE '\\' "
	"ORDER BY indirect, members DESC, id LIMIT 1";
/* any article's wording, through the store's full-text index */
static const char *const sql_by_fts =
	"SELECT m.quote_id FROM occurrence_fts f JOIN quote_member m "
	"ON m.occurrence_id = f.rowid WHERE occurrence_fts MATCH ?1 "
	"GROUP BY m.quote_id ORDER BY count(*) DESC, m.quote_id LIMIT 1";
static const char *const sql_quote_of =
	"SELECT quote_id FROM quote_member WHERE occurrence_id = ?1";
static const char *const sql_all =
	"SELECT id FROM quote ORDER BY members DESC, id LIMIT ?1";

/* Words that say nothing about what a partial quote qualifies. */
static const char *const filler[] = {
	"a", "an", "the", "and", "or", "but", "for", "to", "of", "in", "on",
	"at", "as", "by", "with", "from", "that", "this", "is", "was", "be",
	"he", "she", "they", "it", "we", "said", "says", "if", "so", "not",
};

const char *qg_relation_name(qg_relation relation)
{
	static const char *const names[] = {"exact", "fragment", "variant"};

	return (unsigned)relation < QG_ARRAY_LEN(names) ? names[relation]
	                                                : "exact";
}

const char *qg_trace_flag_name(unsigned flag)
{
	const char *name = "unknown";

	if (flag == QG_TRACE_WORDING)
		name = "wording";
	else if (flag == QG_TRACE_UNSOURCED)
		name = "unsourced";
	else if (flag == QG_TRACE_SPEAKERS)
		name = "speakers";
	else if (flag == QG_TRACE_CONTEXT)
		name = "context";
	return name;
}

qg_status qg__flags_text(qg_buf *out, unsigned flags)
{
	qg_status rc = QG_OK;
	int first = 1;

	for (unsigned f = 1; rc == QG_OK && f <= QG_TRACE_CONTEXT; f <<= 1) {
		if (!(flags & f))
			continue;
		if (!first)
			rc = qg_buf_addstr(out, ", ");
		if (rc == QG_OK)
			rc = qg_buf_addstr(out, qg_trace_flag_name(f));
		first = 0;
	}
	return rc;
}

const char *qg__item_speaker(const qg_trace_item *it)
{
	return it->speaker ? it->speaker : "unnamed";
}

void qg_trace_free(qg_trace *t)
{
	if (!t)
		return;
	for (int f = 0; f < QG_TRACE_FIELDS; f++) {
		for (size_t i = 0; i < t->nclaims[f]; i++)
			qg__free((void *)t->claims[f][i].articles);
		qg__free(t->claims[f]);
	}
	qg__free(t->items);
	qg_arena_free(t->arena);
	qg__free(t);
}

/* ------------------------------------------------------------ getters */

int64_t qg_trace_id(const qg_trace *t)
{
	return t->id;
}

const char *qg_trace_text(const qg_trace *t)
{
	return t->text;
}

const char *qg_trace_first_seen(const qg_trace *t)
{
	return t->first_seen;
}

unsigned qg_trace_flags(const qg_trace *t)
{
	return t->flags;
}

size_t qg_trace_count(const qg_trace *t)
{
	return t->count;
}

const qg_trace_item *qg_trace_at(const qg_trace *t, size_t i)
{
	return i < t->count ? &t->items[i] : NULL;
}

size_t qg_trace_claims(const qg_trace *t, qg_trace_field field)
{
	return (unsigned)field < QG_TRACE_FIELDS ? t->nclaims[field] : 0;
}

const qg_trace_claim *qg_trace_claim_at(const qg_trace *t,
                                        qg_trace_field field, size_t i)
{
	return (unsigned)field < QG_TRACE_FIELDS && i < t->nclaims[field]
	               ? &t->claims[field][i]
	               : NULL;
}

/* ------------------------------------------------------------ reading */

static const char *col(qg_trace *t, sqlite3_stmt *st, int i)
{
	const char *s = (const char *)sqlite3_column_text(st, i);

	return s ? qg_arena_strdup(t->arena, s) : NULL;
}

static qg_kind kind_of(const char *s)
{
	static const char *const names[] = {"direct", "partial", "headline",
	                                    "indirect"};
	qg_kind kind = QG_KIND_DIRECT;

	for (size_t i = 0; s && i < QG_ARRAY_LEN(names); i++)
		if (strcmp(s, names[i]) == 0)
			kind = (qg_kind)i;
	return kind;
}

static qg_relation relation_of(const char *s)
{
	qg_relation rel = QG_RELATION_EXACT;

	if (s && strcmp(s, "fragment") == 0)
		rel = QG_RELATION_FRAGMENT;
	else if (s && strcmp(s, "variant") == 0)
		rel = QG_RELATION_VARIANT;
	return rel;
}

static int is_mark_or_space(uint32_t cp)
{
	return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\'' ||
	       cp == '"' || cp == 0x2019 || cp == 0x201D || cp == 0xBB ||
	       cp == 0x203A || cp == 0xA0;
}

/* The first word after the closing mark of a quote, when the sentence
 * goes on (no punctuation first); NULL otherwise. */
static const char *next_word(qg_trace *t, const char *s, size_t len)
{
	size_t i = 0, start, end;

	len = qg_utf8_check(s, len); /* the cut may split a character */
	while (i < len) {
		size_t j = i;
		uint32_t cp = qg_utf8_next(s, len, &j);

		if (!is_mark_or_space(cp))
			break;
		i = j;
	}
	start = end = i;
	while (end < len) {
		size_t j = end;
		uint32_t cp = qg_utf8_next(s, len, &j);
		int letter = (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') ||
		             (cp >= '0' && cp <= '9') || cp == '-' ||
		             (cp >= 0xC0 && cp < 0x2000);

		if (!letter)
			break;
		end = j;
	}
	return end > start ? qg_arena_strndup(t->arena, s + start, end - start)
	                   : NULL;
}

static qg_status read_item(qg_trace *t, sqlite3_stmt *st, qg_trace_item *it)
{
	const char *ctx = (const char *)sqlite3_column_blob(st, 16);

	memset(it, 0, sizeof(*it));
	it->occurrence = sqlite3_column_int64(st, 0);
	it->article_id = sqlite3_column_int64(st, 1);
	it->article = col(t, st, 2);
	it->article_title = col(t, st, 3);
	it->article_date = col(t, st, 4);
	it->publisher = col(t, st, 5);
	it->kind = kind_of((const char *)sqlite3_column_text(st, 6));
	it->relation = relation_of((const char *)sqlite3_column_text(st, 7));
	it->text = col(t, st, 8);
	it->diff = col(t, st, 9);
	it->speaker = col(t, st, 10);
	it->outlet = col(t, st, 11);
	it->venue = col(t, st, 12);
	it->date = col(t, st, 13);
	it->names_speaker = sqlite3_column_type(st, 14) != SQLITE_NULL;
	it->names_outlet = sqlite3_column_type(st, 15) != SQLITE_NULL ||
	                   sqlite3_column_int(st, 17);
	if (ctx && (it->kind == QG_KIND_PARTIAL || it->kind == QG_KIND_HEADLINE))
		it->next_word = next_word(t, ctx,
		                          (size_t)sqlite3_column_bytes(st, 16));
	return it->article && it->text ? QG_OK : QG_ERR_NOMEM;
}

static qg_status read_items(qg_db *db, qg_trace *t)
{
	sqlite3_stmt *st;
	size_t cap = 0;
	int r = SQLITE_DONE;
	qg_status rc = qg__db_stmt(db, ST_ITEMS, sql_items, &st);

	if (rc == QG_OK) {
		sqlite3_bind_int64(st, 1, t->id);
		r = sqlite3_step(st);
	}
	for (; rc == QG_OK && r == SQLITE_ROW;
	     r = rc == QG_OK ? sqlite3_step(st) : r) {
		rc = qg__grow((void **)&t->items, &cap, t->count + 1,
		              sizeof(*t->items));
		if (rc == QG_OK)
			rc = read_item(t, st, &t->items[t->count]);
		if (rc == QG_OK)
			t->count++;
	}
	if (rc == QG_OK && r != SQLITE_DONE)
		rc = qg__db_error(db, "reading a quote's occurrences");
	if (st)
		sqlite3_reset(st);
	return rc;
}

/* ------------------------------------------------------------- claims */

static const char *field_value(const qg_trace_item *it, int field)
{
	const char *const values[] = {it->speaker, it->outlet, it->venue,
	                              it->date};

	return field >= QG_TRACE_SPEAKER && field < QG_TRACE_DATE
	               ? values[field]
	               : it->date;
}

/* The claim of `field` with value v, added when new. */
static qg_status claim_of(qg_trace *t, int field, size_t *cap, const char *v,
                          qg_trace_claim **out)
{
	size_t k;
	qg_status rc = QG_OK;

	for (k = 0; k < t->nclaims[field]; k++)
		if (strcmp(t->claims[field][k].value, v) == 0)
			break;
	if (k == t->nclaims[field]) {
		rc = qg__grow((void **)&t->claims[field], cap, k + 1,
		              sizeof(qg_trace_claim));
		if (rc == QG_OK) {
			memset(&t->claims[field][k], 0, sizeof(qg_trace_claim));
			t->claims[field][k].value = v;
			t->nclaims[field]++;
		}
	}
	*out = rc == QG_OK ? &t->claims[field][k] : NULL;
	return rc;
}

/* Count the item's article for what it says of `field`. */
static qg_status claim_add(qg_trace *t, int field, size_t *cap,
                           const qg_trace_item *it)
{
	const char *v = field_value(it, field);
	qg_trace_claim *c = NULL;
	const char **a;
	size_t n = 0;
	qg_status rc = v ? claim_of(t, field, cap, v, &c) : QG_OK;

	if (c)
		n = c->count;
	/* items of one article are adjacent: compare with the last only */
	if (!c || (n > 0 && strcmp(c->articles[n - 1], it->article) == 0))
		goto done;
	a = (const char **)c->articles;
	/* grow by doubling: the capacity is the next power of two */
	if ((n & (n - 1)) == 0)
		a = qg__realloc(a, (n ? n * 2 : 1) * sizeof(*a));
	if (!a) {
		rc = QG_ERR_NOMEM;
		goto done;
	}
	a[n] = it->article;
	c->articles = a;
	c->count = n + 1;
done:
	return rc;
}

/* Most stated first; ties keep the order of first appearance. */
static void sort_claims(qg_trace_claim *c, size_t n)
{
	for (size_t i = 1; i < n; i++) {
		qg_trace_claim x = c[i];
		size_t j = i;

		for (; j > 0 && c[j - 1].count < x.count; j--)
			c[j] = c[j - 1];
		c[j] = x;
	}
}

static qg_status build_claims(qg_trace *t)
{
	qg_status rc = QG_OK;

	for (int f = 0; rc == QG_OK && f < QG_TRACE_FIELDS; f++) {
		size_t cap = 0;

		for (size_t i = 0; rc == QG_OK && i < t->count; i++)
			rc = claim_add(t, f, &cap, &t->items[i]);
		sort_claims(t->claims[f], t->nclaims[f]);
	}
	return rc;
}

/* -------------------------------------------------------------- flags */

static int is_filler(const char *w, size_t len)
{
	int found = 0;

	for (size_t k = 0; !found && k < QG_ARRAY_LEN(filler); k++)
		found = strlen(filler[k]) == len && memcmp(filler[k], w, len) == 0;
	return found;
}

/* Equal, or equal but for a plural -s ("guarantee", "guarantees"). */
static int same_stem(const char *a, size_t la, const char *b, size_t lb)
{
	if (la > 3 && a[la - 1] == 's')
		la--;
	if (lb > 3 && b[lb - 1] == 's')
		lb--;
	return la == lb && memcmp(a, b, la) == 0;
}

/* Whether `next` (one normalised word) comes within three words after
 * `frag` somewhere in `full`. */
static int follows(const qg_qwords *full, const qg_qwords *frag,
                   const qg_qwords *next)
{
	int found = 0;

	for (size_t p = 0; !found && p + frag->n <= full->n; p++) {
		size_t j;

		for (j = 0; j < frag->n; j++) {
			size_t a = p + j;

			if (full->len[a] != frag->len[j] ||
			    memcmp(full->text.data + full->off[a],
			           frag->text.data + frag->off[j], frag->len[j]))
				break;
		}
		for (size_t k = p + frag->n; j == frag->n && !found &&
		     k < full->n && k < p + frag->n + 3; k++)
			found = same_stem(full->text.data + full->off[k],
			                  full->len[k], next->text.data,
			                  next->len[0]);
	}
	return found;
}

/* A partial quote flags its context when the word after it is in no full
 * version after the same words: the headline "'paper-thin' settlement"
 * when the source said "paper-thin pension". */
static qg_status check_context(qg_trace *t, qg_trace_item *it)
{
	qg_qwords frag = QG_QWORDS_INIT, next = QG_QWORDS_INIT,
	          full = QG_QWORDS_INIT;
	int found = 0;
	qg_status rc = qg__qwords(&next, it->next_word, strlen(it->next_word));

	if (rc == QG_OK && (next.n != 1 || is_filler(next.text.data,
	                                             next.len[0])))
		goto done;
	if (rc == QG_OK)
		rc = qg__qwords(&frag, it->text, strlen(it->text));
	if (rc == QG_OK)
		rc = qg__qwords(&full, t->text, strlen(t->text));
	if (rc == QG_OK)
		found = follows(&full, &frag, &next);
	for (size_t i = 0; rc == QG_OK && !found && i < t->count; i++) {
		if (t->items[i].relation == QG_RELATION_FRAGMENT)
			continue;
		rc = qg__qwords(&full, t->items[i].text,
		                strlen(t->items[i].text));
		if (rc == QG_OK)
			found = follows(&full, &frag, &next);
	}
	if (rc == QG_OK && !found && frag.n > 0)
		it->flags |= QG_TRACE_CONTEXT;
done:
	qg__qwords_dispose(&frag);
	qg__qwords_dispose(&next);
	qg__qwords_dispose(&full);
	return rc;
}

static qg_status set_flags(qg_trace *t)
{
	const char *top = t->nclaims[QG_TRACE_SPEAKER]
	                          ? t->claims[QG_TRACE_SPEAKER][0].value
	                          : NULL;
	int outlets = t->nclaims[QG_TRACE_OUTLET] > 0;
	qg_status rc = QG_OK;

	for (size_t i = 0; rc == QG_OK && i < t->count; i++) {
		qg_trace_item *it = &t->items[i];

		if (it->relation == QG_RELATION_VARIANT)
			it->flags |= QG_TRACE_WORDING;
		if (!it->names_speaker || (outlets && !it->names_outlet))
			it->flags |= QG_TRACE_UNSOURCED;
		if (it->speaker && top && strcmp(it->speaker, top) != 0)
			it->flags |= QG_TRACE_SPEAKERS;
		if (it->relation == QG_RELATION_FRAGMENT && it->next_word)
			rc = check_context(t, it);
		t->flags |= it->flags;
	}
	if (t->nclaims[QG_TRACE_SPEAKER] > 1)
		t->flags |= QG_TRACE_SPEAKERS;
	return rc;
}

/* ------------------------------------------------------------ tracing */

static qg_status read_quote(qg_db *db, qg_trace *t, int64_t id)
{
	sqlite3_stmt *st;
	int r = SQLITE_ERROR;
	qg_status rc = qg__db_stmt(db, ST_QUOTE, sql_quote, &st);

	if (rc == QG_OK) {
		sqlite3_bind_int64(st, 1, id);
		r = sqlite3_step(st);
	}
	if (rc < 0) {
		; /* no statement */
	} else if (r == SQLITE_ROW) {
		t->id = id;
		t->text = col(t, st, 1);
		t->first_seen = col(t, st, 2);
		t->indirect = sqlite3_column_int(st, 3);
		if (!t->text)
			rc = QG_ERR_NOMEM;
	} else if (r == SQLITE_DONE) {
		rc = qg__error(&db->err, QG_ERR_NOTFOUND, 0,
		               "no quote %lld", (long long)id);
	} else {
		rc = qg__db_error(db, "reading a quote");
	}
	if (st)
		sqlite3_reset(st);
	return rc;
}

qg_status qg_trace_get(qg_db *db, int64_t quote_id, qg_trace **out)
{
	qg_trace *t = NULL;
	qg_status rc = QG_ERR_USAGE;

	*out = NULL;
	if (!db)
		goto done;
	qg__error_clear(&db->err);
	rc = QG_ERR_NOMEM;
	t = qg__calloc(1, sizeof(*t));
	if (t)
		t->arena = qg_arena_new();
	if (!t || !t->arena)
		goto done;
	rc = read_quote(db, t, quote_id);
	if (rc == QG_OK)
		rc = read_items(db, t);
	if (rc == QG_OK)
		rc = build_claims(t);
	if (rc == QG_OK)
		rc = set_flags(t);
done:
	if (rc < 0)
		qg_trace_free(t);
	else
		*out = t;
	return rc;
}

static int all_digits(const char *s)
{
	int digits = *s != '\0';

	for (; digits && *s; s++)
		digits = *s >= '0' && *s <= '9';
	return digits;
}

static qg_status first_id(qg_db *db, sqlite3_stmt *st, int64_t *id)
{
	int r = sqlite3_step(st);
	qg_status rc = QG_OK;

	if (r == SQLITE_ROW)
		*id = sqlite3_column_int64(st, 0);
	else if (r != SQLITE_DONE)
		rc = qg__db_error(db, "finding a quote");
	sqlite3_reset(st);
	return rc;
}

/* The words as a LIKE pattern "% w1 w2 %" (with % and _ escaped). */
static qg_status like_words(qg_buf *b, const qg_qwords *w)
{
	qg_status rc = qg_buf_addstr(b, "% ");

	for (size_t i = 0; rc == QG_OK && i < w->text.len; i++) {
		char c = w->text.data[i];

		if (c == '%' || c == '_' || c == '\\')
			rc = qg_buf_addc(b, '\\');
		if (rc == QG_OK)
			rc = qg_buf_addc(b, c);
	}
	if (rc == QG_OK)
		rc = qg_buf_addstr(b, " %");
	return rc;
}

/* The quote most of whose occurrences hold these words as a phrase, in
 * any article's wording (a variant's words are in no quote's text). */
static qg_status find_by_fts(qg_db *db, const qg_qwords *w, int64_t *id)
{
	qg_buf phrase = QG_BUF_INIT;
	sqlite3_stmt *st;
	qg_status rc = qg_buf_addc(&phrase, '"');

	/* the words hold no double quote: normalisation dropped the marks */
	if (rc == QG_OK)
		rc = qg_buf_add(&phrase, w->text.data, w->text.len);
	if (rc == QG_OK)
		rc = qg_buf_addc(&phrase, '"');
	if (rc == QG_OK)
		rc = qg__db_stmt(db, ST_BY_FTS, sql_by_fts, &st);
	if (rc == QG_OK) {
		sqlite3_bind_text(st, 1, phrase.data, (int)phrase.len,
		                  SQLITE_STATIC);
		rc = first_id(db, st, id);
	}
	qg_buf_dispose(&phrase);
	return rc;
}

/* The quote whose whole words these are, else the most carried quote
 * whose words contain them. A lookup by a person, not at ingest: the
 * second step reads every quote. */
static qg_status find_by_text(qg_db *db, const char *text, int64_t *id)
{
	qg_qwords w = QG_QWORDS_INIT;
	qg_buf like = QG_BUF_INIT;
	sqlite3_stmt *st;
	qg_status rc = qg__qwords(&w, text, strlen(text));

	if (rc == QG_OK && w.n == 0)
		rc = qg__error(&db->err, QG_ERR_USAGE, 0,
		               "no words to look for in \"%s\"", text);
	if (rc == QG_OK)
		rc = qg__db_stmt(db, ST_BY_KEY, sql_by_key, &st);
	if (rc == QG_OK) {
		sqlite3_bind_int64(st, 1, qg__quote_key(&w, 0, w.n, 0));
		rc = first_id(db, st, id);
	}
	if (rc == QG_OK && !*id)
		rc = like_words(&like, &w);
	if (rc == QG_OK && !*id)
		rc = qg__db_stmt(db, ST_BY_WORDS, sql_by_words, &st);
	if (rc == QG_OK && !*id) {
		sqlite3_bind_text(st, 1, like.data, (int)like.len,
		                  SQLITE_STATIC);
		rc = first_id(db, st, id);
	}
	if (rc == QG_OK && !*id)
		rc = find_by_fts(db, &w, id);
	if (rc == QG_OK && !*id)
		rc = qg__error(&db->err, QG_ERR_NOTFOUND, 0,
		               "no quote has the words \"%s\"", text);
	qg__qwords_dispose(&w);
	qg_buf_dispose(&like);
	return rc;
}

qg_status qg_trace_find(qg_db *db, const char *quote, qg_trace **out)
{
	int64_t id = 0;
	char *end = NULL;
	qg_status rc = QG_OK;

	*out = NULL;
	if (!db || !quote) {
		rc = QG_ERR_USAGE;
		goto done;
	}
	qg__error_clear(&db->err);
	if (all_digits(quote))
		id = (int64_t)strtoll(quote, &end, 10);
	else
		rc = find_by_text(db, quote, &id);
	if (rc == QG_OK)
		rc = qg_trace_get(db, id, out);
done:
	return rc;
}

/* ------------------------------------------------------------ writing */

static qg_status flush(qg_buf *b, FILE *fp)
{
	int ok = !b->len || fwrite(b->data, 1, b->len, fp) == b->len;

	return ok && fflush(fp) == 0 ? QG_OK : QG_ERR_IO;
}

qg_status qg_trace_write(const qg_trace *t, qg_format format, FILE *fp)
{
	qg_buf b = QG_BUF_INIT;
	qg_status rc = QG_ERR_USAGE;

	if (format == QG_FORMAT_TEXT)
		rc = qg__report_text(&b, &t, 1);
	else if (format == QG_FORMAT_JSON)
		rc = qg__trace_json(&b, t);
	if (rc == QG_OK && format == QG_FORMAT_JSON)
		rc = qg_buf_addc(&b, '\n');
	if (rc == QG_OK)
		rc = flush(&b, fp);
	qg_buf_dispose(&b);
	return rc;
}

/* ------------------------------------------------------------ reports */

void qg_report_free(qg_report *r)
{
	if (!r)
		return;
	for (size_t i = 0; i < r->count; i++)
		qg_trace_free(r->traces[i]);
	qg__free(r->traces);
	qg__free(r);
}

size_t qg_report_count(const qg_report *r)
{
	return r->count;
}

const qg_trace *qg_report_at(const qg_report *r, size_t i)
{
	return i < r->count ? r->traces[i] : NULL;
}

static int cmp_id(const void *a, const void *b)
{
	int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;

	return (x > y) - (x < y);
}

/* The quotes of the occurrences a speaker or outlet filter selects
 * (names matched loosely by the query module), sorted, each once. */
static qg_status ids_by_filter(qg_db *db, const qg_filter *f, int64_t **ids,
                               size_t *n)
{
	qg_filter q = {0};
	qg_rows *rows = NULL;
	size_t cap = 0;
	sqlite3_stmt *st;
	qg_status rc;

	q.speaker = f->speaker;
	q.outlet = f->outlet;
	q.since = f->since;
	q.until = f->until;
	rc = qg_query_quotes(db, &q, &rows);
	for (size_t i = 0; rc == QG_OK && i < qg_rows_count(rows); i++) {
		int64_t id = 0;

		rc = qg__db_stmt(db, ST_QUOTE_OF, sql_quote_of, &st);
		if (rc < 0)
			break;
		sqlite3_bind_int64(st, 1, strtoll(qg_rows_get(rows, i, 0), NULL,
		                                  10));
		rc = first_id(db, st, &id);
		if (rc == QG_OK && id)
			rc = qg__grow((void **)ids, &cap, *n + 1, sizeof(**ids));
		if (rc == QG_OK && id)
			(*ids)[(*n)++] = id;
	}
	qg_rows_free(rows);
	if (rc == QG_OK && *n > 1) {
		size_t k = 1;

		qsort(*ids, *n, sizeof(**ids), cmp_id);
		for (size_t i = 1; i < *n; i++)
			if ((*ids)[i] != (*ids)[k - 1])
				(*ids)[k++] = (*ids)[i];
		*n = k;
	}
	return rc;
}

static qg_status ids_all(qg_db *db, size_t limit, int64_t **ids, size_t *n)
{
	sqlite3_stmt *st;
	size_t cap = 0;
	int r = SQLITE_DONE;
	qg_status rc = qg__db_stmt(db, ST_ALL, sql_all, &st);

	if (rc == QG_OK) {
		sqlite3_bind_int64(st, 1, limit ? (sqlite3_int64)limit : -1);
		r = sqlite3_step(st);
	}
	for (; rc == QG_OK && r == SQLITE_ROW;
	     r = rc == QG_OK ? sqlite3_step(st) : r) {
		rc = qg__grow((void **)ids, &cap, *n + 1, sizeof(**ids));
		if (rc == QG_OK)
			(*ids)[(*n)++] = sqlite3_column_int64(st, 0);
	}
	if (rc == QG_OK && r != SQLITE_DONE)
		rc = qg__db_error(db, "listing quotes");
	if (st)
		sqlite3_reset(st);
	return rc;
}

static qg_status report_ids(qg_db *db, const qg_filter *f, int64_t **ids,
                            size_t *n)
{
	int by_name = f && ((f->speaker && *f->speaker) ||
	                    (f->outlet && *f->outlet));
	qg_status rc = QG_OK;

	if (f && f->quote) {
		*ids = qg__malloc(sizeof(**ids));
		rc = *ids ? QG_OK : QG_ERR_NOMEM;
		if (rc == QG_OK) {
			(*ids)[0] = f->quote;
			*n = 1;
		}
	} else if (by_name) {
		rc = ids_by_filter(db, f, ids, n);
	} else {
		rc = ids_all(db, f ? f->limit : 0, ids, n);
	}
	return rc;
}

qg_status qg_report_new(qg_db *db, const qg_filter *filter, qg_report **out)
{
	qg_report *r = qg__calloc(1, sizeof(*r));
	int64_t *ids = NULL;
	size_t n = 0;
	qg_status rc = r ? QG_OK : QG_ERR_NOMEM;

	*out = NULL;
	if (!db)
		rc = QG_ERR_USAGE;
	if (rc == QG_OK) {
		qg__error_clear(&db->err);
		rc = report_ids(db, filter, &ids, &n);
	}
	if (rc == QG_OK && filter && filter->limit && n > filter->limit)
		n = filter->limit;
	if (rc == QG_OK && n)
		r->traces = qg__calloc(n, sizeof(*r->traces));
	if (rc == QG_OK && n && !r->traces)
		rc = QG_ERR_NOMEM;
	for (size_t i = 0; rc == QG_OK && i < n; i++) {
		rc = qg_trace_get(db, ids[i], &r->traces[i]);
		if (rc == QG_OK)
			r->count++;
	}
	qg__free(ids);
	if (rc < 0)
		qg_report_free(r);
	else
		*out = r;
	return rc;
}

qg_status qg_report_write(const qg_report *r, qg_format format, FILE *fp)
{
	static const struct {
		qg_format format;
		qg_report_fn fn;
	} emitters[] = {
		{QG_FORMAT_TEXT, qg__report_text}, {QG_FORMAT_JSON, qg__report_json},
		{QG_FORMAT_CSV, qg__report_csv},   {QG_FORMAT_MD, qg__report_md},
		{QG_FORMAT_HTML, qg__report_html}, {QG_FORMAT_DOT, qg__report_dot},
		{QG_FORMAT_PROV, qg__report_prov},
	};
	qg_buf b = QG_BUF_INIT;
	qg_status rc = QG_ERR_USAGE;

	for (size_t i = 0; i < QG_ARRAY_LEN(emitters); i++)
		if (emitters[i].format == format)
			rc = emitters[i].fn(&b, (const qg_trace *const *)r->traces,
			                    r->count);
	if (rc == QG_OK)
		rc = flush(&b, fp);
	qg_buf_dispose(&b);
	return rc;
}
