/*
 * entity.h -- names of people, organisations and outlets: folding text for
 * matching, splitting a title from a name, and finding or making the one
 * entity a name stands for. Shared by the store (ingest), the queries and
 * the provenance module. Internal.
 */
#ifndef QG_ENTITY_H
#define QG_ENTITY_H

#include "store.h"

/* How qg__fold() treats what is not a letter. */
enum {
	/* quote text: lower case, accents folded, curly quotes and dashes
	 * made plain, every run of white space one space, trimmed */
	QG_FOLD_TEXT = 0,
	/* names: as TEXT, and every mark but the hyphen dropped ("O'Brien"
	 * -> "obrien", "U.S." -> "us") */
	QG_FOLD_NAME = 1
};

/* Append the folded form of s[0..len) (valid UTF-8) to `out`. */
qg_status qg__fold(qg_buf *out, const char *s, size_t len, int mode);

#define QG_NAME_MAX 256

/*
 * A person's name as written, taken apart. "Russian Deputy Foreign
 * Minister Alexander Grushko's" gives name "Alexander Grushko", title
 * "Russian Deputy Foreign Minister", key "alexander grushko", surname
 * "grushko", words 2. Long names are cut at a character boundary.
 */
typedef struct qg_name {
	char name[QG_NAME_MAX];
	char title[QG_NAME_MAX];
	char key[QG_NAME_MAX];
	char surname[QG_NAME_MAX];
	int words; /* words in the name without its title; 0: no name */
} qg_name;

/* Take `raw` apart (see qg_name); a raw name of only title words keeps
 * them as the name ("the Pope"). */
qg_status qg__name_parse(qg_name *out, const char *raw);

/* For organisations and outlets: the folded name without a leading
 * "the", into key[cap]. */
qg_status qg__org_key(char *key, size_t cap, const char *raw);

/*
 * Within one article, a surname written alone stands for the one person of
 * the article with a given name and that surname: each such entry of
 * names[] becomes a copy of that person's name. Two or more candidates
 * leave it alone.
 */
void qg__names_unify(qg_name *names, size_t n);

/*
 * The stored entity a person's name stands for, made when there is none,
 * with `alias` (the name as written) recorded among its aliases.
 * - A full name (two words or more) matches the entity with the same key:
 *   "Alexander Grushko" is one person everywhere; "Anna Grushko" is another.
 * - A surname alone attaches to the one stored person with that surname
 *   and a given name. When there is none, or more than one (the surname is
 *   ambiguous), it goes to an entity keyed by the surname alone, which
 *   stands for "someone called Grushko" and is never merged later: a merge
 *   guessed from a surname could join two different people.
 */
qg_status qg__entity_person(qg_db *db, const qg_name *nm, const char *alias,
                            int64_t *id);

/* The stored organisation or outlet (`type` "org" or "outlet") of that
 * folded name, made when there is none; `raw` is kept as an alias. */
qg_status qg__entity_org(qg_db *db, const char *type, const char *raw,
                         int64_t *id);

/*
 * A cache of (type, key) -> entity id on the connection, so that a name
 * seen before costs no lookup. Entries made inside a transaction are
 * dropped again when it (or the article's savepoint) rolls back.
 */
void qg__entity_cache_mark(qg_db *db);     /* an article starts */
void qg__entity_cache_undo(qg_db *db);     /* the article rolled back */
void qg__entity_cache_commit(qg_db *db);   /* the transaction committed */
void qg__entity_cache_rollback(qg_db *db); /* the transaction is gone */
void qg__entity_cache_free(qg_db *db);

#endif
