/*
 * ingest.c -- qg_db_add_article: one article and everything found in it
 * stored whole or not at all (a SAVEPOINT per article, inside the caller's
 * batch or a transaction of its own), deduplicated by content hash.
 */
#include <stdio.h>
#include <string.h>

#include "../cluster/cluster.h"
#include "../extract/article.h"
#include "entity.h"

enum {
	ST_BY_HASH = QG_STMT_STORE + 10,
	ST_ARTICLE,
	ST_OCCURRENCE,
	ST_CITES,
	ST_SAVEPOINT,
	ST_RELEASE,
	ST_ROLLBACK_TO
};

static const char *const sql_by_hash =
	"SELECT id FROM article WHERE hash = ?1";
static const char *const sql_article =
	"INSERT INTO article (hash, name, url, title, date, byline, "
	"publisher_id, text) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)";
static const char *const sql_occurrence =
	"INSERT INTO occurrence (article_id, kind, text, norm, start, end, "
	"sent_start, sent_end, speaker_id, speaker_as, title, outlet_id, venue, "
	"date, cue, cue_start, cue_end, rule, confidence, day) VALUES (?1, ?2, "
	"?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, "
	"?18, ?19, coalesce(?14, ?20)) ON CONFLICT DO NOTHING";
static const char *const sql_cites =
	"INSERT OR IGNORE INTO article_cites (article_id, outlet_id) "
	"VALUES (?1, ?2)";

/* What one article's insertion carries from step to step. */
typedef struct ingest {
	qg_db *db;
	const qg_article *a;
	const qg_article_meta *meta; /* overrides the article's header */
	int64_t id, publisher;
	qg_name *names; /* one per attribution: its speaker taken apart */
	qg_buf norm;
	qg__cluster_occ *occs; /* the occurrences written, for clustering */
	size_t nocc;
	int64_t *cited; /* the outlets the article names, each once */
	size_t ncited;
} ingest;

static void bind_opt(sqlite3_stmt *st, int i, const char *s)
{
	if (s && *s)
		sqlite3_bind_text(st, i, s, -1, SQLITE_STATIC);
	else
		sqlite3_bind_null(st, i);
}

static void bind_id(sqlite3_stmt *st, int i, int64_t id)
{
	if (id > 0)
		sqlite3_bind_int64(st, i, id);
	else
		sqlite3_bind_null(st, i);
}

/* Run a cached statement without parameters or rows (savepoints). */
static qg_status exec_cached(qg_db *db, int slot, const char *sql)
{
	sqlite3_stmt *st;
	qg_status rc = qg__db_stmt(db, slot, sql, &st);

	return rc < 0 ? rc : qg__db_step_done(db, st, sql);
}

/* The id of the stored article with this hash, or 0. */
static qg_status find_hash(qg_db *db, const char *hash, int64_t *id)
{
	sqlite3_stmt *st;
	qg_status rc = qg__db_stmt(db, ST_BY_HASH, sql_by_hash, &st);
	int r;

	*id = 0;
	if (rc < 0)
		return rc;
	sqlite3_bind_text(st, 1, hash, -1, SQLITE_STATIC);
	r = sqlite3_step(st);
	if (r == SQLITE_ROW)
		*id = sqlite3_column_int64(st, 0);
	else if (r != SQLITE_DONE)
		rc = qg__db_error(db, "looking up the article hash");
	sqlite3_reset(st);
	return rc;
}

/* Attributions must lie inside the text: anything else is a bad article,
 * refused before a row is written. */
static qg_status check_article(qg_db *db, const qg_article *a)
{
	for (size_t i = 0; i < a->count; i++) {
		const qg_attribution *q = &a->items[i];

		if (!q->quote || q->span.start > q->span.end ||
		    q->span.end > a->len || q->cue_span.start > q->cue_span.end ||
		    q->cue_span.end > a->len || q->sentence.end > a->len ||
		    (unsigned)q->kind > QG_KIND_INDIRECT)
			return qg__error(&db->err, QG_ERR_INPUT, q->span.start,
			                 "%s: quote %zu lies outside the article "
			                 "or has no text", a->name, i + 1);
	}
	return QG_OK;
}

/* A header field: the caller's record first, else the article's own. */
#define HEADER(in, field, own) \
	((in)->meta && (in)->meta->field ? (in)->meta->field : (own))

static qg_status insert_article(ingest *in)
{
	const qg_article *a = in->a;
	const char *publisher = HEADER(in, outlet, a->publisher);
	sqlite3_stmt *st;
	int64_t pub = 0;
	qg_status rc = QG_OK;

	if (publisher && *publisher)
		rc = qg__entity_org(in->db, "outlet", publisher, &pub);
	if (rc == QG_OK)
		rc = qg__db_stmt(in->db, ST_ARTICLE, sql_article, &st);
	if (rc < 0)
		return rc;
	sqlite3_bind_text(st, 1, qg_article_hash(a), -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, a->name, -1, SQLITE_STATIC);
	bind_opt(st, 3, HEADER(in, url, a->url));
	bind_opt(st, 4, HEADER(in, title, a->title));
	bind_opt(st, 5, HEADER(in, date, a->date));
	bind_opt(st, 6, HEADER(in, byline, a->byline));
	bind_id(st, 7, pub);
	sqlite3_bind_text(st, 8, a->text, (int)a->len, SQLITE_STATIC);
	rc = qg__db_step_done(in->db, st, "inserting the article");
	in->id = sqlite3_last_insert_rowid(in->db->conn);
	in->publisher = pub;
	return rc;
}

/* Take every speaker's name apart, then let a surname written alone stand
 * for the one person of the article with that surname. */
static qg_status parse_names(ingest *in)
{
	const qg_article *a = in->a;
	qg_status rc = QG_OK;

	if (a->count == 0)
		return QG_OK;
	in->names = qg__calloc(a->count, sizeof(*in->names));
	in->occs = qg__calloc(a->count, sizeof(*in->occs));
	in->cited = qg__calloc(a->count, sizeof(*in->cited));
	if (!in->names || !in->occs || !in->cited)
		return QG_ERR_NOMEM;
	for (size_t i = 0; rc == QG_OK && i < a->count; i++) {
		const qg_attribution *q = &a->items[i];

		if (q->speaker && (q->speaker_type == QG_ENTITY_PERSON ||
		                   q->speaker_type == QG_ENTITY_UNKNOWN))
			rc = qg__name_parse(&in->names[i], q->speaker);
	}
	qg__names_unify(in->names, a->count);
	return rc;
}

static qg_status speaker_of(ingest *in, size_t i, int64_t *id)
{
	const qg_attribution *q = &in->a->items[i];
	qg_name *nm = &in->names[i];

	*id = 0;
	if (!q->speaker || !*q->speaker)
		return QG_OK;
	if (q->speaker_type == QG_ENTITY_ORG)
		return qg__entity_org(in->db, "org", q->speaker, id);
	if (q->speaker_type == QG_ENTITY_OUTLET)
		return qg__entity_org(in->db, "outlet", q->speaker, id);
	if (nm->words == 0)
		return QG_OK;
	if (q->speaker_title && *q->speaker_title)
		snprintf(nm->title, sizeof(nm->title), "%s", q->speaker_title);
	return qg__entity_person(in->db, nm, q->speaker, id);
}

static void bind_span(sqlite3_stmt *st, int i, qg_span sp)
{
	if (sp.end > sp.start) {
		sqlite3_bind_int64(st, i, (sqlite3_int64)sp.start);
		sqlite3_bind_int64(st, i + 1, (sqlite3_int64)sp.end);
	} else {
		sqlite3_bind_null(st, i);
		sqlite3_bind_null(st, i + 1);
	}
}

/* The article names `outlet`: once per article, counted for the outlet's
 * cited_by. */
static qg_status cite(ingest *in, int64_t outlet)
{
	sqlite3_stmt *st;
	qg_status rc = QG_OK;
	size_t k;

	for (k = 0; k < in->ncited && in->cited[k] != outlet; k++)
		;
	if (k < in->ncited)
		return QG_OK;
	in->cited[in->ncited++] = outlet;
	rc = qg__pending_outlet(in->db, outlet, 0);
	if (rc == QG_OK)
		rc = qg__db_stmt(in->db, ST_CITES, sql_cites, &st);
	if (rc < 0)
		return rc;
	sqlite3_bind_int64(st, 1, in->id);
	sqlite3_bind_int64(st, 2, outlet);
	return qg__db_step_done(in->db, st, "recording a cited outlet");
}

/* An occurrence was written: queue it for full-text indexing, and keep
 * what clustering needs of it. */
static qg_status written(ingest *in, const qg_attribution *q,
                         int64_t speaker, int64_t outlet)
{
	int64_t id = sqlite3_last_insert_rowid(in->db->conn);
	qg__cluster_occ *o = &in->occs[in->nocc++];
	qg_status rc;

	o->id = id;
	o->speaker = speaker;
	o->indirect = q->kind == QG_KIND_INDIRECT;
	o->text = q->quote;
	o->date = q->date && *q->date ? q->date
	                               : HEADER(in, date, in->a->date);
	rc = qg__pending_occurrence(in->db, speaker, outlet, o->date);
	return rc == QG_OK ? qg__db_fts_note(in->db, id) : rc;
}

static qg_status insert_occurrence(ingest *in, size_t i)
{
	const qg_attribution *q = &in->a->items[i];
	int64_t speaker = 0, outlet = 0;
	sqlite3_stmt *st;
	qg_status rc = speaker_of(in, i, &speaker);

	if (rc == QG_OK && q->outlet && *q->outlet)
		rc = qg__entity_org(in->db, "outlet", q->outlet, &outlet);
	if (rc == QG_OK && outlet)
		rc = cite(in, outlet);
	qg_buf_reset(&in->norm);
	if (rc == QG_OK)
		rc = qg__fold(&in->norm, q->quote, strlen(q->quote), QG_FOLD_TEXT);
	if (rc == QG_OK)
		rc = qg__db_stmt(in->db, ST_OCCURRENCE, sql_occurrence, &st);
	if (rc < 0)
		return rc;
	sqlite3_bind_int64(st, 1, in->id);
	sqlite3_bind_text(st, 2, qg_kind_name(q->kind), -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, q->quote, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, in->norm.data ? in->norm.data : "", -1,
	                  SQLITE_STATIC);
	sqlite3_bind_int64(st, 5, (sqlite3_int64)q->span.start);
	sqlite3_bind_int64(st, 6, (sqlite3_int64)q->span.end);
	bind_span(st, 7, q->sentence);
	bind_id(st, 9, speaker);
	bind_opt(st, 10, q->speaker);
	bind_opt(st, 11, in->names[i].words ? in->names[i].title
	                                    : q->speaker_title);
	bind_id(st, 12, outlet);
	bind_opt(st, 13, q->venue);
	bind_opt(st, 14, q->date);
	bind_opt(st, 15, q->cue);
	bind_span(st, 16, q->cue_span);
	bind_opt(st, 18, q->rule);
	sqlite3_bind_double(st, 19, q->confidence);
	bind_opt(st, 20, HEADER(in, date, in->a->date));
	rc = qg__db_step_done(in->db, st, "inserting a quote");
	/* a duplicate span inserts nothing (ON CONFLICT DO NOTHING) */
	if (rc == QG_OK && sqlite3_changes(in->db->conn) == 1)
		rc = written(in, q, speaker, outlet);
	return rc;
}

/* Everything of one article, inside the savepoint. */
static qg_status store_article(ingest *in)
{
	qg_status rc = parse_names(in);

	if (rc == QG_OK)
		rc = insert_article(in);
	for (size_t i = 0; rc == QG_OK && i < in->a->count; i++)
		rc = insert_occurrence(in, i);
	if (rc == QG_OK && in->publisher)
		rc = qg__pending_outlet(in->db, in->publisher, 1);
	if (rc == QG_OK)
		rc = qg__cluster_occurrences(in->db, in->occs, in->nocc);
	return rc;
}

/* End the article's savepoint: keep it, or undo everything of it. When
 * SQLite has already rolled the whole transaction back (a full disk, an
 * I/O error), there is no savepoint left to end. */
static qg_status end_savepoint(qg_db *db, qg_status rc, int own_txn)
{
	int open = !sqlite3_get_autocommit(db->conn);
	qg_status r2 = QG_OK;

	if (rc < 0)
		qg__db_article_undo(db);
	if (rc < 0 && open)
		exec_cached(db, ST_ROLLBACK_TO, "ROLLBACK TO qg_article");
	if (open)
		r2 = exec_cached(db, ST_RELEASE, "RELEASE qg_article");
	if (own_txn && open && rc == QG_OK && r2 == QG_OK)
		r2 = qg_db_commit(db);
	if (own_txn && !sqlite3_get_autocommit(db->conn))
		sqlite3_exec(db->conn, "ROLLBACK", NULL, NULL, NULL);
	/* the transaction is gone, and with it the batch */
	if (!open || (own_txn && (rc < 0 || r2 < 0)))
		qg__db_txn_gone(db);
	return rc < 0 ? rc : r2;
}

qg_status qg_db_add_article(qg_db *db, const qg_article *article,
                            int64_t *article_id, int *is_new)
{
	return qg_db_add_article_meta(db, article, NULL, article_id, is_new);
}

qg_status qg_db_add_article_meta(qg_db *db, const qg_article *article,
                                 const qg_article_meta *meta,
                                 int64_t *article_id, int *is_new)
{
	ingest in = {db, article, meta, 0, 0, NULL, QG_BUF_INIT, NULL, 0, NULL,
	             0};
	int own_txn = !db->in_batch, stored = 0;
	qg_status rc;

	if (article_id)
		*article_id = 0;
	if (is_new)
		*is_new = 0;
	qg__error_clear(&db->err);
	rc = check_article(db, article);
	if (rc == QG_OK && own_txn)
		rc = qg__db_exec(db, "BEGIN IMMEDIATE");
	if (rc < 0)
		goto done;
	qg__db_article_mark(db);
	rc = exec_cached(db, ST_SAVEPOINT, "SAVEPOINT qg_article");
	if (rc < 0) {
		if (own_txn)
			sqlite3_exec(db->conn, "ROLLBACK", NULL, NULL, NULL);
		goto done;
	}
	/* the hash is looked up under the write lock: two ingests of the
	 * same article cannot both find it missing */
	rc = find_hash(db, qg_article_hash(article), &in.id);
	if (rc == QG_OK && !in.id) {
		rc = store_article(&in);
		stored = rc == QG_OK;
	}
	rc = end_savepoint(db, rc, own_txn);
	if (rc == QG_OK && article_id)
		*article_id = in.id;
	if (rc == QG_OK && is_new)
		*is_new = stored;
done:
	qg__free(in.names);
	qg__free(in.occs);
	qg__free(in.cited);
	qg_buf_dispose(&in.norm);
	return rc;
}
