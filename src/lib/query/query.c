/*
 * query.c -- who said what: the queries behind `who`, `quotes`, `speakers`,
 * `outlets`, `articles` and `show`. Each builds its SQL from fixed
 * fragments chosen by the filter; every value is a bound parameter. Names
 * are first resolved to entity ids (loosely: case, accents, titles, the
 * surname alone), which are bound as a JSON array.
 */
#include <stdlib.h>
#include <string.h>

#include "../store/entity.h"
#include "query.h"

/* The filter turned into bindable values. */
typedef struct plan {
	qg_db *db;
	const qg_filter *f;
	qg_buf sql;
	char *speakers, *outlets, *articles; /* JSON arrays of ids, or NULL */
	qg_buf match;                        /* FTS5 phrase for f->text */
	qg_buf like;                         /* LIKE pattern for f->text */
	int fts_joined; /* occurrence_fts is in the FROM clause, joined to o */
	int who_indexed; /* qg__who_indexed() */
} plan;

static const char *const sql_speaker_ids =
	"SELECT json_group_array(id), count(*) FROM ("
	"SELECT id FROM entity WHERE type = 'person' AND key = ?1 "
	"UNION SELECT id FROM entity WHERE type IN ('org', 'outlet') "
	"AND key = ?4 "
	"UNION SELECT entity_id FROM alias WHERE key IN (?1, ?2) "
	"UNION SELECT id FROM entity WHERE ?3 IS NOT NULL AND "
	"+type = 'person' AND surname = ?3)"; /* by the surname index */
static const char *const sql_outlet_ids =
	"SELECT json_group_array(id), count(*) FROM ("
	"SELECT id FROM entity WHERE type = 'outlet' AND key = ?4 "
	"UNION SELECT a.entity_id FROM alias a JOIN entity e "
	"ON e.id = a.entity_id WHERE e.type = 'outlet' AND a.key IN (?4, ?2))";
static const char *const sql_article_ids =
	"SELECT json_group_array(id), count(*) FROM article "
	"WHERE id = ?1 OR name = ?2 OR (length(?2) >= 4 AND "
	"hash >= lower(?2) AND hash < lower(?2) || 'g')";

static int all_digits(const char *s)
{
	if (!*s)
		return 0;
	for (; *s; s++)
		if (*s < '0' || *s > '9')
			return 0;
	return 1;
}

static void bind_opt(sqlite3_stmt *st, int i, const char *s)
{
	if (s && *s)
		sqlite3_bind_text(st, i, s, -1, SQLITE_TRANSIENT);
	else
		sqlite3_bind_null(st, i);
}

/* Bind the forms of a name a lookup may use: ?1 person key, ?2 folded as
 * written, ?3 the surname when the name is one word, ?4 organisation key. */
static qg_status bind_name(sqlite3_stmt *st, const char *raw)
{
	qg_name nm;
	qg_buf b = QG_BUF_INIT;
	char org[QG_NAME_MAX];
	qg_status rc = qg__name_parse(&nm, raw);

	if (rc == QG_OK)
		rc = qg__fold(&b, raw, strlen(raw), QG_FOLD_NAME);
	if (rc == QG_OK)
		rc = qg__org_key(org, sizeof(org), raw);
	if (rc == QG_OK) {
		bind_opt(st, 1, nm.key);
		bind_opt(st, 2, b.data);
		bind_opt(st, 3, nm.words == 1 ? nm.surname : NULL);
		bind_opt(st, 4, org);
	}
	qg_buf_dispose(&b);
	return rc;
}

/* The ids `what` ("speaker", ...) may mean, as a JSON array in *out. */
static qg_status resolve(qg_db *db, const char *sql, const char *what,
                         const char *value, char **out)
{
	sqlite3_stmt *st = NULL;
	qg_status rc = QG_OK;

	*out = NULL;
	if (sqlite3_prepare_v2(db->conn, sql, -1, &st, NULL) != SQLITE_OK)
		rc = qg__db_error(db, "preparing a lookup");
	if (rc == QG_OK && sql == sql_article_ids) {
		if (all_digits(value))
			sqlite3_bind_int64(st, 1, strtoll(value, NULL, 10));
		sqlite3_bind_text(st, 2, value, -1, SQLITE_STATIC);
	} else if (rc == QG_OK) {
		rc = bind_name(st, value);
	}
	if (rc == QG_OK && sqlite3_step(st) != SQLITE_ROW)
		rc = qg__db_error(db, "looking up a name");
	if (rc == QG_OK && sqlite3_column_int(st, 1) == 0)
		rc = qg__error(&db->err, QG_ERR_NOTFOUND, 0, "no %s matches '%s'",
		               what, value);
	if (rc == QG_OK) {
		*out = qg__strdup((const char *)sqlite3_column_text(st, 0));
		rc = *out ? QG_OK : QG_ERR_NOMEM;
	}
	sqlite3_finalize(st);
	return rc;
}

/* Whether s has a letter or digit FTS5 could index. */
static int has_token(const char *s)
{
	for (; *s; s++)
		if ((unsigned char)*s >= 0x80 || (*s >= '0' && *s <= '9') ||
		    ((*s | 0x20) >= 'a' && (*s | 0x20) <= 'z'))
			return 1;
	return 0;
}

/* The user's words as one FTS5 phrase ("..." with quotes doubled), and as
 * a LIKE pattern over the folded text for what FTS5 cannot take. */
static qg_status text_terms(plan *p, const char *text)
{
	qg_buf folded = QG_BUF_INIT;
	qg_status rc = qg_buf_addc(&p->match, '"');

	for (const char *s = text; rc == QG_OK && *s; s++) {
		rc = qg_buf_addc(&p->match, *s);
		if (rc == QG_OK && *s == '"')
			rc = qg_buf_addc(&p->match, '"');
	}
	if (rc == QG_OK)
		rc = qg_buf_addc(&p->match, '"');
	if (rc == QG_OK)
		rc = qg__fold(&folded, text, strlen(text), QG_FOLD_TEXT);
	if (rc == QG_OK)
		rc = qg_buf_addc(&p->like, '%');
	for (size_t i = 0; rc == QG_OK && i < folded.len; i++) {
		char c = folded.data[i];

		if (c == '%' || c == '_' || c == '\\')
			rc = qg_buf_addc(&p->like, '\\');
		if (rc == QG_OK)
			rc = qg_buf_addc(&p->like, c);
	}
	if (rc == QG_OK)
		rc = qg_buf_addc(&p->like, '%');
	qg_buf_dispose(&folded);
	return rc;
}

/* Resolve the filter's names to ids and its text to match terms. */
static qg_status plan_init(plan *p, qg_db *db, const qg_filter *f)
{
	static const qg_filter none;
	qg_status rc = QG_OK;

	memset(p, 0, sizeof(*p));
	p->db = db;
	p->f = f ? f : &none;
	qg__error_clear(&db->err);
	if (p->f->speaker && *p->f->speaker)
		rc = resolve(db, sql_speaker_ids, "speaker", p->f->speaker,
		             &p->speakers);
	if (rc == QG_OK && p->f->outlet && *p->f->outlet)
		rc = resolve(db, sql_outlet_ids, "outlet", p->f->outlet,
		             &p->outlets);
	if (rc == QG_OK && p->f->article && *p->f->article)
		rc = resolve(db, sql_article_ids, "article", p->f->article,
		             &p->articles);
	if (rc == QG_OK && p->f->text && *p->f->text)
		rc = text_terms(p, p->f->text);
	return rc;
}

static void plan_dispose(plan *p)
{
	qg__free(p->speakers);
	qg__free(p->outlets);
	qg__free(p->articles);
	qg_buf_dispose(&p->sql);
	qg_buf_dispose(&p->match);
	qg_buf_dispose(&p->like);
}

static void bind_named(sqlite3_stmt *st, const char *name, const char *v)
{
	int i = sqlite3_bind_parameter_index(st, name);

	if (i > 0)
		bind_opt(st, i, v);
}

/* How a query's statement becomes its rows. */
typedef qg_status (*read_fn)(plan *p, sqlite3_stmt *st, qg_rows **out);

static qg_status read_rows(plan *p, sqlite3_stmt *st, qg_rows **out)
{
	return qg__rows_from_stmt(p->db, st, out);
}

/* Prepare p->sql, bind every named value it uses, and read the rows. With
 * `fts` set the text is matched by FTS5, else by LIKE. */
static qg_status run(plan *p, int fts, read_fn read, qg_rows **out)
{
	sqlite3_stmt *st = NULL;
	qg_status rc = QG_OK;
	int i;

	if (sqlite3_prepare_v2(p->db->conn, p->sql.data, -1, &st, NULL) !=
	    SQLITE_OK)
		rc = qg__db_error(p->db, "preparing the query");
	if (rc == QG_OK) {
		bind_named(st, ":speakers", p->speakers);
		bind_named(st, ":outlets", p->outlets);
		bind_named(st, ":articles", p->articles);
		bind_named(st, ":since", p->f->since);
		bind_named(st, ":until", p->f->until);
		bind_named(st, ":match", fts ? p->match.data : NULL);
		bind_named(st, ":like", fts ? NULL : p->like.data);
		i = sqlite3_bind_parameter_index(st, ":quote");
		if (i > 0)
			sqlite3_bind_int64(st, i, p->f->quote);
		i = sqlite3_bind_parameter_index(st, ":limit");
		if (i > 0)
			sqlite3_bind_int64(st, i, p->f->limit
			                              ? (sqlite3_int64)p->f->limit
			                              : -1);
		rc = read(p, st, out);
	}
	sqlite3_finalize(st);
	return rc;
}

typedef qg_status (*build_fn)(plan *p, int fts);

/* Build and run with FTS5 first; a phrase FTS5 cannot take (no word in
 * it, or a syntax error) is matched by LIKE over the folded text instead. */
static qg_status build_run(plan *p, build_fn build, read_fn read,
                           qg_rows **out)
{
	int fts = p->match.len > 0 && has_token(p->f->text);
	qg_status rc = build(p, fts);

	if (rc == QG_OK)
		rc = run(p, fts, read, out);
	if (rc == QG_ERR_DB && fts) {
		qg_buf_reset(&p->sql);
		qg__error_clear(&p->db->err);
		rc = build(p, 0);
		if (rc == QG_OK)
			rc = run(p, 0, read, out);
	}
	return rc;
}

/* The WHERE conditions on occurrence `o` joined to article `a`. */
static qg_status occurrence_filters(plan *p, int fts)
{
	qg_buf *b = &p->sql;
	qg_status rc = qg_buf_addstr(b, " WHERE 1");

	if (rc == QG_OK && p->speakers)
		rc = qg_buf_addstr(b, " AND o.speaker_id IN "
		                      "(SELECT value FROM json_each(:speakers))");
	if (rc == QG_OK && p->outlets)
		rc = qg_buf_addstr(b, " AND o.outlet_id IN "
		                      "(SELECT value FROM json_each(:outlets))");
	if (rc == QG_OK && p->articles)
		rc = qg_buf_addstr(b, " AND o.article_id IN "
		                      "(SELECT value FROM json_each(:articles))");
	if (rc == QG_OK && p->f->since && *p->f->since)
		rc = qg_buf_addstr(b, " AND o.day >= :since");
	if (rc == QG_OK && p->f->until && *p->f->until)
		rc = qg_buf_addstr(b, " AND o.day <= :until");
	if (rc == QG_OK && p->f->quote)
		rc = qg_buf_addstr(b, " AND o.id IN (SELECT occurrence_id FROM "
		                      "quote_member WHERE quote_id = :quote)");
	if (rc == QG_OK && p->match.len && fts && p->fts_joined)
		rc = qg_buf_addstr(b, " AND occurrence_fts MATCH :match");
	else if (rc == QG_OK && p->match.len && fts)
		rc = qg_buf_addstr(b, " AND o.id IN (SELECT rowid FROM "
		                      "occurrence_fts WHERE occurrence_fts "
		                      "MATCH :match)");
	else if (rc == QG_OK && p->match.len)
		rc = qg_buf_addstr(b, " AND o.norm LIKE :like ESCAPE '\\'");
	return rc;
}

static const char *const sql_quotes =
	"SELECT o.id AS id, o.day AS date, "
	"sp.name AS speaker, o.text AS quote, o.kind AS kind, o.cue AS cue, "
	"ou.name AS outlet, o.venue AS venue, a.name AS article, "
	"o.start AS start, o.\"end\" AS \"end\", "
	"round(o.confidence, 2) AS confidence, "
	"(SELECT m.quote_id FROM quote_member m WHERE m.occurrence_id = o.id) "
	"AS quote_id "
	"FROM (SELECT o.id FROM occurrence o";
static const char *const sql_quotes_end =
	" ORDER BY o.day, o.article_id, o.start LIMIT :limit) pick "
	"JOIN occurrence o ON o.id = pick.id "
	"JOIN article a ON a.id = o.article_id "
	"LEFT JOIN entity sp ON sp.id = o.speaker_id "
	"LEFT JOIN entity ou ON ou.id = o.outlet_id "
	"ORDER BY o.day, o.article_id, o.start";

/* The rows are chosen first from the indexes alone (filters, order,
 * limit), and only those are read whole: a filter that matches many
 * quotes does not read all of them. */
static qg_status build_quotes(plan *p, int fts)
{
	qg_status rc = qg_buf_addstr(&p->sql, sql_quotes);

	if (rc == QG_OK)
		rc = occurrence_filters(p, fts);
	if (rc == QG_OK)
		rc = qg_buf_addstr(&p->sql, sql_quotes_end);
	return rc;
}

/* Run one query: plan the filter, build, run, read, tidy up. */
static qg_status query_read(qg_db *db, const qg_filter *f, build_fn build,
                            read_fn read, qg_rows **out)
{
	plan p;
	qg_status rc;

	*out = NULL;
	if (!db)
		return QG_ERR_USAGE;
	rc = plan_init(&p, db, f);
	if (rc == QG_OK)
		rc = build_run(&p, build, read, out);
	plan_dispose(&p);
	return rc;
}

static qg_status query(qg_db *db, const qg_filter *f, build_fn build,
                       qg_rows **out)
{
	return query_read(db, f, build, read_rows, out);
}

qg_status qg_query_quotes(qg_db *db, const qg_filter *filter, qg_rows **out)
{
	return query(db, filter, build_quotes, out);
}

/* The occurrences `who` groups (who.c). FTS5 drives the join: its rowids
 * come in order, each looked up once, with no list of them built first;
 * through the covering index of schema 006 when it is there. Names and
 * quote texts are read later, for the groups printed. */
static const char *const sql_who_fts =
	"SELECT o.id, o.speaker_id, o.outlet_id, o.day, o.article_id "
	"FROM occurrence_fts JOIN occurrence o ";
static const char *const sql_who_fts_on = "ON o.id = occurrence_fts.rowid";
static const char *const sql_who_like =
	"SELECT o.id, o.speaker_id, o.outlet_id, o.day, o.article_id "
	"FROM occurrence o";

static qg_status build_who(plan *p, int fts)
{
	qg_status rc = qg_buf_addstr(&p->sql, fts ? sql_who_fts : sql_who_like);

	p->fts_joined = fts;
	p->who_indexed = qg__who_indexed(p->db);
	if (rc == QG_OK && fts && p->who_indexed)
		rc = qg_buf_addstr(&p->sql, "INDEXED BY occurrence_who ");
	if (rc == QG_OK && fts)
		rc = qg_buf_addstr(&p->sql, sql_who_fts_on);
	if (rc == QG_OK)
		rc = occurrence_filters(p, fts);
	return rc;
}

static qg_status read_who(plan *p, sqlite3_stmt *st, qg_rows **out)
{
	return qg__who_rows(p->db, st, p->f->limit, p->who_indexed, out);
}

qg_status qg_query_who_filter(qg_db *db, const qg_filter *filter,
                              qg_rows **out)
{
	*out = NULL;
	if (!filter || !filter->text || !*filter->text)
		return db ? qg__error(&db->err, QG_ERR_USAGE, 0,
		                      "who: no words to look for")
		          : QG_ERR_USAGE;
	return query_read(db, filter, build_who, read_who, out);
}

qg_status qg_query_who(qg_db *db, const char *text, qg_rows **out)
{
	qg_filter f = {0};

	f.text = text;
	return qg_query_who_filter(db, &f, out);
}

static const char *const sql_speakers =
	"SELECT sp.name AS speaker, sp.title AS title, count(*) AS quotes, "
	"count(DISTINCT o.article_id) AS articles, "
	"count(DISTINCT o.outlet_id) AS outlets, "
	"min(o.day) AS first, "
	"max(o.day) AS last "
	"FROM occurrence o JOIN article a ON a.id = o.article_id "
	"JOIN entity sp ON sp.id = o.speaker_id";

/* Speakers from the running totals, when only names filter them. */
static const char *const sql_speakers_totals =
	"SELECT sp.name AS speaker, sp.title AS title, s.quotes AS quotes, "
	"s.articles AS articles, (SELECT count(*) FROM speaker_outlet so "
	"WHERE so.speaker_id = s.entity_id) AS outlets, s.first AS first, "
	"s.last AS last FROM speaker_stats s "
	"JOIN entity sp ON sp.id = s.entity_id";

static int only_names(const plan *p)
{
	return !p->outlets && !p->articles && !p->match.len &&
	       !(p->f->since && *p->f->since) &&
	       !(p->f->until && *p->f->until) && !p->f->quote;
}

static qg_status build_speakers(plan *p, int fts)
{
	qg_status rc;

	if (only_names(p)) {
		rc = qg_buf_addstr(&p->sql, sql_speakers_totals);
		if (rc == QG_OK && p->speakers)
			rc = qg_buf_addstr(&p->sql, " WHERE s.entity_id IN (SELECT "
			                            "value FROM json_each(:speakers))");
	} else {
		rc = qg_buf_addstr(&p->sql, sql_speakers);
		if (rc == QG_OK)
			rc = occurrence_filters(p, fts);
		if (rc == QG_OK)
			rc = qg_buf_addstr(&p->sql, " GROUP BY o.speaker_id");
	}
	if (rc == QG_OK)
		rc = qg_buf_addstr(&p->sql, " ORDER BY quotes DESC, speaker "
		                            "LIMIT :limit");
	return rc;
}

qg_status qg_query_speakers(qg_db *db, const qg_filter *filter,
                            qg_rows **out)
{
	return query(db, filter, build_speakers, out);
}

/* the counts are running totals (outlet_stats, speaker_outlet) kept by
 * the store: one row an outlet is read, not every quote */
static const char *const sql_outlets =
	"SELECT e.name AS outlet, coalesce(s.quotes, 0) AS quotes, "
	"(SELECT count(*) FROM speaker_outlet so WHERE so.outlet_id = e.id) "
	"AS speakers, coalesce(s.published, 0) AS published, "
	"coalesce(s.cited_by, 0) AS cited_by "
	"FROM entity e LEFT JOIN outlet_stats s ON s.entity_id = e.id "
	"WHERE e.type = 'outlet'";

/* Outlets: filtered by name, by the speakers quoted through them, by the
 * articles citing or publishing them. */
static qg_status build_outlets(plan *p, int fts)
{
	qg_buf *b = &p->sql;
	qg_status rc = qg_buf_addstr(b, sql_outlets);

	if (rc == QG_OK && p->outlets)
		rc = qg_buf_addstr(b, " AND e.id IN "
		                      "(SELECT value FROM json_each(:outlets))");
	if (rc == QG_OK && p->speakers)
		rc = qg_buf_addstr(b, " AND e.id IN (SELECT o.outlet_id FROM "
		                      "occurrence o WHERE o.speaker_id IN "
		                      "(SELECT value FROM json_each(:speakers)))");
	if (rc == QG_OK && p->articles)
		rc = qg_buf_addstr(b, " AND (e.id IN (SELECT c.outlet_id FROM "
		                      "article_cites c WHERE c.article_id IN "
		                      "(SELECT value FROM json_each(:articles))) "
		                      "OR e.id IN (SELECT a.publisher_id FROM "
		                      "article a WHERE a.id IN "
		                      "(SELECT value FROM json_each(:articles))))");
	(void)fts;
	if (rc == QG_OK)
		rc = qg_buf_addstr(b, " ORDER BY quotes DESC, published DESC, "
		                      "outlet LIMIT :limit");
	return rc;
}

qg_status qg_query_outlets(qg_db *db, const qg_filter *filter, qg_rows **out)
{
	return query(db, filter, build_outlets, out);
}

static const char *const sql_articles =
	"SELECT a.id AS id, a.date AS date, a.name AS name, a.title AS title, "
	"p.name AS publisher, "
	"(SELECT count(*) FROM occurrence o WHERE o.article_id = a.id) "
	"AS quotes, substr(a.hash, 1, 12) AS hash "
	"FROM article a LEFT JOIN entity p ON p.id = a.publisher_id WHERE 1";

static qg_status build_articles(plan *p, int fts)
{
	qg_buf *b = &p->sql;
	qg_status rc = qg_buf_addstr(b, sql_articles);

	if (rc == QG_OK && p->articles)
		rc = qg_buf_addstr(b, " AND a.id IN "
		                      "(SELECT value FROM json_each(:articles))");
	if (rc == QG_OK && p->outlets)
		rc = qg_buf_addstr(b, " AND (a.publisher_id IN (SELECT value FROM "
		                      "json_each(:outlets)) OR a.id IN (SELECT "
		                      "c.article_id FROM article_cites c WHERE "
		                      "c.outlet_id IN (SELECT value FROM "
		                      "json_each(:outlets))))");
	if (rc == QG_OK && (p->speakers || p->match.len)) {
		rc = qg_buf_addstr(b, " AND a.id IN (SELECT o.article_id FROM "
		                      "occurrence o JOIN article a "
		                      "ON a.id = o.article_id");
		if (rc == QG_OK)
			rc = occurrence_filters(p, fts);
		if (rc == QG_OK)
			rc = qg_buf_addc(b, ')');
	} else {
		if (rc == QG_OK && p->f->since && *p->f->since)
			rc = qg_buf_addstr(b, " AND a.date >= :since");
		if (rc == QG_OK && p->f->until && *p->f->until)
			rc = qg_buf_addstr(b, " AND a.date <= :until");
	}
	if (rc == QG_OK)
		rc = qg_buf_addstr(b, " ORDER BY a.date, a.id LIMIT :limit");
	return rc;
}

qg_status qg_query_articles(qg_db *db, const qg_filter *filter,
                            qg_rows **out)
{
	return query(db, filter, build_articles, out);
}

/* Exactly one article for `article` (id, name or hash prefix). */
static qg_status one_article(qg_db *db, const char *article, int64_t *id)
{
	char *ids = NULL;
	qg_status rc = resolve(db, sql_article_ids, "article", article, &ids);
	char *end = NULL;

	*id = 0;
	if (rc == QG_OK && (ids[0] != '[' || strchr(ids, ',')))
		rc = qg__error(&db->err, QG_ERR_USAGE, 0,
		               "'%s' names more than one article (%s); give its id",
		               article, ids);
	if (rc == QG_OK)
		*id = strtoll(ids + 1, &end, 10);
	qg__free(ids);
	return rc;
}

qg_status qg_db_article_text(qg_db *db, const char *article, char **out,
                             size_t *len)
{
	sqlite3_stmt *st = NULL;
	int64_t id = 0;
	qg_status rc;

	*out = NULL;
	if (len)
		*len = 0;
	if (!db || !article)
		return QG_ERR_USAGE;
	qg__error_clear(&db->err);
	rc = one_article(db, article, &id);
	if (rc == QG_OK &&
	    sqlite3_prepare_v2(db->conn, "SELECT text FROM article WHERE id = ?1",
	                       -1, &st, NULL) != SQLITE_OK)
		rc = qg__db_error(db, "preparing the article lookup");
	if (rc == QG_OK) {
		sqlite3_bind_int64(st, 1, id);
		if (sqlite3_step(st) != SQLITE_ROW)
			rc = qg__db_error(db, "reading the article");
	}
	if (rc == QG_OK) {
		size_t n = (size_t)sqlite3_column_bytes(st, 0);

		*out = qg__strndup((const char *)sqlite3_column_text(st, 0), n);
		rc = *out ? QG_OK : QG_ERR_NOMEM;
		if (len && *out)
			*len = n;
	}
	sqlite3_finalize(st);
	return rc;
}
