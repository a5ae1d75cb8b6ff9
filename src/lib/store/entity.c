/*
 * entity.c -- folding names and text for matching, taking a title off a
 * person's name, and merging names into entities across articles.
 *
 * The title words below are common English honorifics, job titles and
 * ministry words, gathered from general knowledge of news style (AP and
 * Reuters style guides list the same kinds of titles).
 */
#include <stdio.h>
#include <string.h>

#include "entity.h"

/* Latin-1 Supplement and Latin Extended-A letters (U+00C0..U+017F) without
 * their accents; '?' marks the two signs that are no letters. */
static const char latin_base[] =
	"AAAAAAACEEEEIIIIDNOOOOO?OUUUUYTsaaaaaaaceeeeiiiidnooooo?ouuuuyty"
	"AaAaAaCcCcCcCcDdDdEeEeEeEeEeGgGgGgGgHhHhIiIiIiIiIiIiJjKkkLlLlLlLl"
	"LlNnNnNnnNnOoOoOoOoRrRrRrSsSsSsSsTtTtTtUuUuUuUuUuUuWwYyYZzZzZzs";

/* One code point folded: lower case, accents off, marks made plain.
 * Returns the code point to write (0: drop it, ' ': a space). */
static uint32_t fold_cp(uint32_t cp, int mode)
{
	if (cp < 0x80) {
		if (cp >= 'A' && cp <= 'Z')
			return cp + 32;
		if (cp == '\t' || cp == '\n' || cp == '\r' || cp == '\f' ||
		    cp == '\v')
			return ' ';
		if (mode == QG_FOLD_NAME && cp != '-' && cp != ' ' &&
		    !(cp >= 'a' && cp <= 'z') && !(cp >= '0' && cp <= '9'))
			return cp == ',' ? ' ' : 0;
		return cp;
	}
	if (cp >= 0xC0 && cp <= 0x17F && latin_base[cp - 0xC0] != '?')
		return fold_cp((unsigned char)latin_base[cp - 0xC0], mode);
	if (cp >= 0x410 && cp <= 0x42F)
		return cp + 0x20; /* Cyrillic capitals */
	if (cp >= 0x400 && cp <= 0x40F)
		return cp + 0x50;
	if (cp >= 0x391 && cp <= 0x3A9 && cp != 0x3A2)
		return cp + 0x20; /* Greek capitals */
	if (cp == 0xA0 || (cp >= 0x2000 && cp <= 0x200A) || cp == 0x202F ||
	    cp == 0x3000)
		return ' ';
	if (cp == 0x200B || cp == 0xAD || cp == 0xFEFF)
		return 0; /* invisible */
	if ((cp >= 0x2018 && cp <= 0x201B) || cp == 0x2032)
		return mode == QG_FOLD_NAME ? 0 : '\'';
	if ((cp >= 0x201C && cp <= 0x201F) || cp == 0xAB || cp == 0xBB ||
	    cp == 0x2033)
		return mode == QG_FOLD_NAME ? 0 : '"';
	if (cp >= 0x2010 && cp <= 0x2015)
		return '-';
	if (cp == 0x2212)
		return '-';
	if (mode == QG_FOLD_NAME && cp >= 0x2016 && cp <= 0x206F)
		return 0; /* general punctuation */
	return cp;
}

/* The folded text is gathered FOLD_CHUNK bytes at a time before it goes
 * into the buffer: one qg_buf_add() per character was half of folding. */
#define FOLD_CHUNK 256

qg_status qg__fold(qg_buf *out, const char *s, size_t len, int mode)
{
	size_t i = 0, start = out->len, n = 0;
	int space = 1; /* drop leading space */
	qg_status rc = QG_OK;
	char chunk[FOLD_CHUNK];

	while (rc == QG_OK && i < len) {
		uint32_t cp = fold_cp(qg_utf8_next(s, len, &i), mode);

		if (cp == 0)
			continue;
		if (cp == ' ') {
			space = 1;
			continue;
		}
		/* room for a space and a code point of four bytes */
		if (n + 5 > sizeof(chunk)) {
			rc = qg_buf_add(out, chunk, n);
			n = 0;
		}
		if (space && out->len + n > start)
			chunk[n++] = ' ';
		space = 0;
		if (cp < 0x80)
			chunk[n++] = (char)cp;
		else
			n += qg_utf8_encode(cp, chunk + n);
	}
	if (rc == QG_OK && n > 0)
		rc = qg_buf_add(out, chunk, n);
	return rc;
}

static const char *const title_words[] = {
	"mr", "mrs", "ms", "miss", "mx", "dr", "prof", "professor", "sir",
	"dame", "lord", "lady", "rev", "reverend", "father", "sister", "brother",
	"president", "vice", "prime", "minister", "deputy", "secretary",
	"undersecretary", "assistant", "foreign", "affairs", "state", "defence",
	"defense", "interior", "finance", "treasury", "health", "trade",
	"economy", "energy", "education", "homeland", "security", "justice",
	"attorney", "general", "chancellor", "premier", "governor", "mayor",
	"senator", "sen", "rep", "representative", "congressman",
	"congresswoman", "councillor", "councilor", "councilman", "speaker",
	"ambassador", "envoy", "consul", "spokesman", "spokeswoman",
	"spokesperson", "press", "chief", "head", "director", "chairman",
	"chairwoman", "chair", "ceo", "cfo", "coo", "founder", "executive",
	"officer", "official", "commissioner", "commander", "gen", "colonel",
	"col", "lt", "lieutenant", "major", "maj", "capt", "captain", "sgt",
	"sergeant", "admiral", "adm", "judge", "king", "queen", "prince",
	"princess", "emir", "sheikh", "pope", "cardinal", "bishop", "rabbi",
	"imam", "coach", "manager", "analyst", "economist", "adviser",
	"advisor", "leader", "mp", "mep", "elect", "former", "acting",
	"interim", "senior", "junior", "top", "lawmaker", "lawyer", "sheriff",
	"inspector", "detective", "constable", "superintendent", "dean",
	"chaplain", "researcher", "scientist", "economics", "national",
};

static const char *const suffix_words[] = {"jr", "sr", "ii", "iii", "iv"};

static int in_list(const char *w, const char *const *list, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(w, list[i]) == 0)
			return 1;
	return 0;
}

/* Copy at most cap-1 bytes of s[0..len), cut at a character boundary. */
static void copy_cut(char *dst, size_t cap, const char *s, size_t len)
{
	if (len >= cap) {
		len = cap - 1;
		while (len > 0 && ((unsigned char)s[len] & 0xC0) == 0x80)
			len--;
	}
	memcpy(dst, s, len);
	dst[len] = '\0';
}

/* Up to 16 words of a name, each with its folded form. */
typedef struct words {
	const char *w[16];
	size_t wl[16];
	char fold[16][64];
	size_t n;
} words;

/* The length of a word without a possessive "'s" or a closing comma. */
static size_t word_trim(const char *w, size_t l)
{
	if (l > 2 && w[l - 2] == '\'' && (w[l - 1] == 's' || w[l - 1] == 'S'))
		l -= 2;
	else if (l > 4 && !memcmp(w + l - 4, "\xe2\x80\x99", 3) &&
	         (w[l - 1] == 's' || w[l - 1] == 'S'))
		l -= 4;
	while (l > 0 && (w[l - 1] == ',' || w[l - 1] == ';' || w[l - 1] == ':'))
		l--;
	return l;
}

static qg_status split_words(words *ws, const char *raw)
{
	qg_buf b = QG_BUF_INIT;
	qg_status rc = QG_OK;
	const char *p = raw;

	ws->n = 0;
	while (rc == QG_OK && *p && ws->n < QG_ARRAY_LEN(ws->w)) {
		size_t l;

		while (*p == ' ' || *p == '\t' || *p == '\n')
			p++;
		l = strcspn(p, " \t\n");
		if (l == 0)
			break;
		ws->w[ws->n] = p;
		ws->wl[ws->n] = word_trim(p, l);
		p += l;
		qg_buf_reset(&b);
		rc = qg__fold(&b, ws->w[ws->n], ws->wl[ws->n], QG_FOLD_NAME);
		if (rc == QG_OK && b.len > 0) {
			copy_cut(ws->fold[ws->n], sizeof(ws->fold[0]), b.data,
			         b.len);
			ws->n++;
		}
	}
	qg_buf_dispose(&b);
	return rc;
}

/* Join words [from, to) into dst, raw or folded. */
static void join(char *dst, size_t cap, const words *ws, size_t from,
                 size_t to, int folded)
{
	size_t n = 0;

	dst[0] = '\0';
	for (size_t i = from; i < to && n + 1 < cap; i++) {
		const char *w = folded ? ws->fold[i] : ws->w[i];
		size_t l = folded ? strlen(w) : ws->wl[i];

		if (i > from)
			dst[n++] = ' ';
		copy_cut(dst + n, cap - n, w, l);
		n += strlen(dst + n);
	}
}

static const char *const particles[] = {
	"van", "von", "de", "der", "den", "del", "della", "di", "da", "du",
	"la", "le", "ter", "ten", "bin", "bint", "al", "el", "ibn", "y",
};

/* Whether a word is written in lower case (a role, not a name), leaving
 * out the particles of surnames ("van", "de", "al"). */
static int lower_word(const words *ws, size_t i)
{
	unsigned char c = (unsigned char)ws->w[i][0];

	return c < 0x80 && !(c >= 'A' && c <= 'Z') &&
	       !in_list(ws->fold[i], particles, QG_ARRAY_LEN(particles));
}

/* Index of the first word of the name proper: past the last title word
 * and past the last word in lower case ("union boss", "Secretary of
 * State"), keeping at least one word. */
static size_t name_start(const words *ws)
{
	size_t start = 0;

	for (size_t i = 0; i + 1 < ws->n; i++)
		if (in_list(ws->fold[i], title_words,
		            QG_ARRAY_LEN(title_words)) ||
		    lower_word(ws, i))
			start = i + 1;
	return start;
}

qg_status qg__name_parse(qg_name *out, const char *raw)
{
	words ws;
	size_t start, last;
	qg_status rc;

	memset(out, 0, sizeof(*out));
	rc = split_words(&ws, raw ? raw : "");
	if (rc < 0 || ws.n == 0)
		return rc;
	start = name_start(&ws);
	last = ws.n;
	while (last > start + 1 &&
	       in_list(ws.fold[last - 1], suffix_words,
	               QG_ARRAY_LEN(suffix_words)))
		last--;
	join(out->name, sizeof(out->name), &ws, start, ws.n, 0);
	join(out->title, sizeof(out->title), &ws, 0, start, 0);
	join(out->key, sizeof(out->key), &ws, start, ws.n, 1);
	copy_cut(out->surname, sizeof(out->surname), ws.fold[last - 1],
	         strlen(ws.fold[last - 1]));
	out->words = (int)(ws.n - start);
	return QG_OK;
}

qg_status qg__org_key(char *key, size_t cap, const char *raw)
{
	qg_buf b = QG_BUF_INIT;
	qg_status rc = qg__fold(&b, raw, strlen(raw), QG_FOLD_NAME);
	const char *k = b.data ? b.data : "";

	if (rc == QG_OK && strncmp(k, "the ", 4) == 0)
		k += 4;
	if (rc == QG_OK)
		copy_cut(key, cap, k, strlen(k));
	qg_buf_dispose(&b);
	return rc;
}

void qg__names_unify(qg_name *names, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		size_t found = n, count = 0;

		if (names[i].words != 1)
			continue;
		for (size_t j = 0; j < n && count < 2; j++) {
			if (names[j].words < 2 ||
			    strcmp(names[j].surname, names[i].surname) != 0)
				continue;
			/* the same person written twice is one candidate */
			if (found < n && !strcmp(names[found].key, names[j].key))
				continue;
			found = j;
			count++;
		}
		if (count == 1) {
			char title[QG_NAME_MAX];

			memcpy(title, names[i].title, sizeof(title));
			names[i] = names[found];
			/* "Mr Grushko" says nothing of his office */
			memcpy(names[i].title, title, sizeof(title));
		}
	}
}

/* ---- the cache of resolved names */

typedef struct cache_entry {
	uint64_t hash;
	uint64_t gen;   /* for answers that change as people are added */
	uint64_t title; /* hash of the title last written, 0: none */
	int64_t id;     /* -1: known to have no entity */
	size_t next; /* the next entry of the bucket, or SIZE_MAX */
	char *key;   /* type, NUL, key */
	size_t klen;
} cache_entry;

struct qg_entity_cache {
	size_t *heads, nbuckets; /* power of two */
	cache_entry *e;
	size_t n, cap;
	size_t committed; /* entries [0, committed) are in committed rows */
	size_t mark;      /* entries before the current article */
	uint64_t gen;     /* moves on when a person is added or a
	                     transaction ends (others may add people) */
};

/* No more than this many names are kept: the cache is a speed-up only. */
#define CACHE_MAX ((size_t)1 << 20)

static size_t cache_key(char *buf, size_t cap, const char *type,
                        const char *key)
{
	size_t t = strlen(type), k = strlen(key);

	if (t + k + 2 > cap)
		return 0;
	memcpy(buf, type, t + 1);
	memcpy(buf + t + 1, key, k + 1);
	return t + k + 1;
}

static cache_entry *cache_find(qg_db *db, const char *type,
                               const char *key)
{
	struct qg_entity_cache *c = db->entities;
	char buf[2 * QG_NAME_MAX];
	size_t len = cache_key(buf, sizeof(buf), type, key);
	uint64_t h;

	if (!c || !c->nbuckets || !len)
		return NULL;
	h = qg_hash64(buf, len, 0);
	for (size_t i = c->heads[h & (c->nbuckets - 1)]; i != SIZE_MAX;
	     i = c->e[i].next)
		if (c->e[i].hash == h && c->e[i].klen == len &&
		    !memcmp(c->e[i].key, buf, len))
			return c->e[i].gen == 0 || c->e[i].gen == c->gen
			           ? &c->e[i]
			           : NULL;
	return NULL;
}

static int64_t cache_get(qg_db *db, const char *type, const char *key)
{
	cache_entry *e = cache_find(db, type, key);

	return e ? e->id : 0;
}

/* Chain every entry again, oldest first, so that the newest of a bucket
 * is its head (popping entries in reverse order undoes the chains). */
static qg_status cache_rehash(struct qg_entity_cache *c, size_t nb)
{
	size_t *heads = qg__malloc(nb * sizeof(*heads));

	if (!heads)
		return QG_ERR_NOMEM;
	for (size_t i = 0; i < nb; i++)
		heads[i] = SIZE_MAX;
	for (size_t i = 0; i < c->n; i++) {
		size_t b = c->e[i].hash & (nb - 1);

		c->e[i].next = heads[b];
		heads[b] = i;
	}
	qg__free(c->heads);
	c->heads = heads;
	c->nbuckets = nb;
	return QG_OK;
}

/* Remember a name; failing to (memory) only costs speed later. With
 * `changing` set, the answer holds only until people are added. */
static cache_entry *cache_put(qg_db *db, const char *type, const char *key,
                              int64_t id, int changing)
{
	struct qg_entity_cache *c = db->entities;
	char buf[2 * QG_NAME_MAX];
	size_t len = cache_key(buf, sizeof(buf), type, key);
	cache_entry *e;

	if (!c)
		c = db->entities = qg__calloc(1, sizeof(*c));
	if (!c || !len || c->n >= CACHE_MAX ||
	    qg__grow((void **)&c->e, &c->cap, c->n + 1, sizeof(*c->e)) < 0)
		return NULL;
	if (c->n >= c->nbuckets &&
	    cache_rehash(c, c->nbuckets ? c->nbuckets * 2 : 256) < 0)
		return NULL;
	e = &c->e[c->n];
	e->key = qg__malloc(len);
	if (!e->key)
		return NULL;
	e->gen = changing ? c->gen : 0;
	e->title = 0;
	memcpy(e->key, buf, len);
	e->klen = len;
	e->hash = qg_hash64(buf, len, 0);
	e->id = id;
	e->next = c->heads[e->hash & (c->nbuckets - 1)];
	c->heads[e->hash & (c->nbuckets - 1)] = c->n++;
	return e;
}

/* Drop the newest entries down to `keep`. */
static void cache_pop(struct qg_entity_cache *c, size_t keep)
{
	while (c && c->n > keep) {
		cache_entry *e = &c->e[--c->n];

		c->heads[e->hash & (c->nbuckets - 1)] = e->next;
		qg__free(e->key);
	}
}

void qg__entity_cache_mark(qg_db *db)
{
	if (db->entities)
		db->entities->mark = db->entities->n;
}

void qg__entity_cache_undo(qg_db *db)
{
	if (db->entities)
		cache_pop(db->entities, db->entities->mark);
}

void qg__entity_cache_commit(qg_db *db)
{
	if (db->entities) {
		db->entities->committed = db->entities->mark = db->entities->n;
		db->entities->gen++;
	}
}

void qg__entity_cache_rollback(qg_db *db)
{
	if (db->entities) {
		cache_pop(db->entities, db->entities->committed);
		db->entities->mark = db->entities->n;
		db->entities->gen++;
	}
}

void qg__entity_cache_free(qg_db *db)
{
	struct qg_entity_cache *c = db->entities;

	if (!c)
		return;
	cache_pop(c, 0);
	qg__free(c->e);
	qg__free(c->heads);
	qg__free(c);
	db->entities = NULL;
}

/* Statement slots of this file (the store owns QG_STMT_STORE + 0..31). */
enum {
	ST_BY_KEY = QG_STMT_STORE + 0,
	ST_BY_ALIAS,
	ST_BY_SURNAME,
	ST_INSERT
};

static const char *const sql_by_key =
	"SELECT id FROM entity WHERE type = ?1 AND key = ?2";
static const char *const sql_by_alias =
	"SELECT a.entity_id FROM alias a JOIN entity e ON e.id = a.entity_id "
	"WHERE a.key = ?2 AND e.type = ?1 LIMIT 2";
/* "+type": look up by the surname index; without statistics SQLite took
 * the (type, name) index and read every person (120,000 instructions a
 * lookup at a thousand people) */
static const char *const sql_by_surname =
	"SELECT id FROM entity WHERE surname = ?1 AND +type = 'person' "
	"AND key <> surname LIMIT 2";
static const char *const sql_insert =
	"INSERT INTO entity (type, name, key, surname, title) "
	"VALUES (?1, ?2, ?3, ?4, ?5)";

static void bind_text(sqlite3_stmt *st, int i, const char *s)
{
	if (s && *s)
		sqlite3_bind_text(st, i, s, -1, SQLITE_STATIC);
	else
		sqlite3_bind_null(st, i);
}

/* Step a statement that yields at most `max` ids; *n counts them. */
static qg_status step_ids(qg_db *db, sqlite3_stmt *st, int64_t *ids,
                          int max, int *n)
{
	int r;

	*n = 0;
	for (r = sqlite3_step(st); r == SQLITE_ROW; r = sqlite3_step(st))
		if (*n < max)
			ids[(*n)++] = sqlite3_column_int64(st, 0);
	sqlite3_reset(st);
	return r == SQLITE_DONE ? QG_OK : qg__db_error(db, "entity lookup");
}

static qg_status lookup(qg_db *db, int slot, const char *sql,
                        const char *a1, const char *a2, int64_t *ids, int *n)
{
	sqlite3_stmt *st;
	qg_status rc = qg__db_stmt(db, slot, sql, &st);

	if (rc < 0)
		return rc;
	bind_text(st, 1, a1);
	bind_text(st, 2, a2);
	return step_ids(db, st, ids, 2, n);
}

static qg_status insert(qg_db *db, const char *type, const char *name,
                        const char *key, const char *surname,
                        const char *title, int64_t *id)
{
	sqlite3_stmt *st;
	qg_status rc = qg__db_stmt(db, ST_INSERT, sql_insert, &st);

	if (rc < 0)
		return rc;
	bind_text(st, 1, type);
	bind_text(st, 2, name);
	sqlite3_bind_text(st, 3, key, -1, SQLITE_STATIC);
	bind_text(st, 4, surname);
	bind_text(st, 5, title);
	if (sqlite3_step(st) != SQLITE_DONE)
		rc = qg__db_error(db, "inserting an entity");
	sqlite3_reset(st);
	*id = sqlite3_last_insert_rowid(db->conn);
	return rc;
}

static qg_status add_alias(qg_db *db, int64_t id, const char *alias,
                           int is_org)
{
	char key[QG_NAME_MAX];
	qg_buf b = QG_BUF_INIT;
	qg_status rc;

	if (is_org)
		rc = qg__org_key(key, sizeof(key), alias);
	else
		rc = qg__fold(&b, alias, strlen(alias), QG_FOLD_NAME);
	if (rc == QG_OK && !is_org)
		copy_cut(key, sizeof(key), b.data ? b.data : "", b.len);
	qg_buf_dispose(&b);
	if (rc < 0 || !key[0])
		return rc;
	return qg__pending_alias(db, id, alias, key);
}

/* Keep the latest title seen, but not a bare honorific ("Mr"): noted
 * now, written when the batch commits (pending.c). */
static qg_status set_title(qg_db *db, int64_t id, const char *title)
{
	static const char *const honorifics[] = {"mr", "mr.", "mrs", "mrs.",
	                                         "ms", "ms.", "dr", "dr.",
	                                         "miss", "sir"};
	char low[8] = "";

	if (!title || !*title)
		return QG_OK;
	for (size_t i = 0; title[i] && i + 1 < sizeof(low); i++)
		low[i] = (char)(title[i] | (title[i] >= 'A' && title[i] <= 'Z'
		                                ? 0x20 : 0));
	if (strlen(title) < sizeof(low) - 1 &&
	    in_list(low, honorifics, QG_ARRAY_LEN(honorifics)))
		return QG_OK;
	return qg__pending_title(db, id, title);
}

/* A surname alone: the one stored person with it and a given name. */
static qg_status person_by_surname(qg_db *db, const qg_name *nm,
                                   int64_t *id)
{
	int64_t ids[2];
	int n = 0;
	qg_status rc = lookup(db, ST_BY_SURNAME, sql_by_surname, nm->surname,
	                      NULL, ids, &n);

	if (rc == QG_OK && n == 1)
		*id = ids[0];
	return rc;
}

/* The entity of a person's name, made when there is none. Answers are
 * cached: a full name's for good, a surname's until people are added. */
static qg_status resolve_person(qg_db *db, const qg_name *nm, int64_t *id)
{
	cache_entry *e = NULL;
	int64_t ids[2];
	int n = 0;
	qg_status rc = QG_OK;

	*id = 0;
	if (nm->words == 1)
		e = cache_find(db, "surname", nm->surname);
	if (e)
		*id = e->id > 0 ? e->id : 0;
	else if (nm->words == 1)
		rc = person_by_surname(db, nm, id);
	if (rc == QG_OK && nm->words == 1 && !e)
		cache_put(db, "surname", nm->surname, *id ? *id : -1, 1);
	if (rc < 0 || *id)
		return rc;
	*id = cache_get(db, "person", nm->key);
	if (*id)
		return QG_OK;
	rc = lookup(db, ST_BY_KEY, sql_by_key, "person", nm->key, ids, &n);
	if (rc == QG_OK && n == 1)
		*id = ids[0];
	if (rc == QG_OK && !*id) {
		rc = insert(db, "person", nm->name, nm->key, nm->surname,
		            nm->title, id);
		if (db->entities)
			db->entities->gen++; /* surnames may mean someone else now */
	}
	if (rc == QG_OK)
		cache_put(db, "person", nm->key, *id, 0);
	return rc;
}

/* Write the title unless it is the one last written for this entity. */
static qg_status note_title(qg_db *db, int64_t id, const char *title)
{
	char idkey[24];
	cache_entry *e;
	uint64_t h;
	qg_status rc;

	if (!title || !*title)
		return QG_OK;
	snprintf(idkey, sizeof(idkey), "%lld", (long long)id);
	e = cache_find(db, "title", idkey);
	h = qg_hash64(title, strlen(title), 1) | 1;
	if (e && e->title == h)
		return QG_OK;
	rc = set_title(db, id, title);
	if (rc == QG_OK && !e)
		e = cache_put(db, "title", idkey, id, 0);
	if (rc == QG_OK && e)
		e->title = h;
	return rc;
}

qg_status qg__entity_person(qg_db *db, const qg_name *nm, const char *alias,
                            int64_t *id)
{
	qg_status rc = resolve_person(db, nm, id);

	if (rc == QG_OK)
		rc = note_title(db, *id, nm->title);
	if (rc == QG_OK && alias && *alias)
		rc = add_alias(db, *id, alias, 0);
	return rc;
}

qg_status qg__entity_org(qg_db *db, const char *type, const char *raw,
                         int64_t *id)
{
	char key[QG_NAME_MAX];
	int64_t ids[2];
	int n = 0, cached;
	qg_status rc = qg__org_key(key, sizeof(key), raw);

	*id = 0;
	if (rc == QG_OK && !key[0])
		return QG_OK; /* nothing left of the name: no entity */
	*id = cache_get(db, type, key);
	cached = *id != 0;
	if (rc == QG_OK && !*id)
		rc = lookup(db, ST_BY_KEY, sql_by_key, type, key, ids, &n);
	if (rc == QG_OK && !*id && n == 0)
		rc = lookup(db, ST_BY_ALIAS, sql_by_alias, type, key, ids, &n);
	if (rc == QG_OK && !*id && n >= 1)
		*id = ids[0];
	if (rc == QG_OK && !*id)
		rc = insert(db, type, raw, key, NULL, NULL, id);
	if (rc == QG_OK && !cached)
		cache_put(db, type, key, *id, 0);
	if (rc == QG_OK)
		rc = add_alias(db, *id, raw, 1);
	return rc;
}
