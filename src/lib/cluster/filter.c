/*
 * filter.c -- an in-memory Bloom filter of the cluster index (quote_hash
 * and quote_word rows), kept per connection for a long ingest run.
 *
 * Most index lookups find nothing: a new quote's sketch, the rare words a
 * new long quote probes for fragments to absorb. Each such lookup still
 * reads a leaf page at a random place, and once the index outgrows the page
 * cache that is a read from disk per lookup, so clustering slowed as the
 * corpus grew. The filter answers "certainly not there" from memory.
 *
 * It is built only once the connection has clustered FILTER_AFTER
 * occurrences (a short run never pays for the scan), by one sequential
 * scan of both tables, and grown the same way when it fills (doubling, so
 * the scans add up to a constant per row). It is dropped when another
 * connection commits (PRAGMA data_version), since it would miss their
 * rows. A row added and then rolled back leaves a bit set: a false
 * positive, which costs only the lookup it would have cost anyway.
 */
#include <string.h>

#include "cluster.h"

/* Occurrences clustered on a connection before the filter is built. */
#define FILTER_AFTER 2000
/* Bits per expected row (about 0.3% false positives with 4 probes in a
 * block of 512). */
#define BITS_PER_ROW 16
#define PROBES 4
/* 1 MB: each growth scans both tables again, and a long ingest grew it
 * six times from 128 KB. */
#define MIN_BITS ((size_t)1 << 23)

/* Statement slot: after cluster.c's own, before upkeep.c's. */
#define ST_DATA_VERSION (QG_STMT_CLUSTER + 14)

struct qg_cluster_filter {
	uint64_t *bits;
	size_t nbits;  /* a power of two; 0 while not built */
	size_t rows;   /* rows added */
	size_t placed; /* occurrences clustered while no filter was built */
	int64_t data_version; /* as last read; valid when `seen` */
	int seen;
	int rebuilt; /* built since the staged rows were last written */
};

uint64_t qg__filter_key(int64_t speaker, int64_t hash, int word)
{
	uint64_t k = (uint64_t)hash;

	if (word)
		k = qg_mix64(k ^ qg_mix64((uint64_t)speaker +
		                          0x3c6ef372fe94f82bULL));
	return k;
}

/* The PROBES bits of a key lie in one block of 512 bits, a cache line:
 * one cache miss for a test or an add instead of one per bit. The block
 * is chosen by the key's low bits, the bits in it by its mixed ones. */
static uint64_t *block_of(const struct qg_cluster_filter *f, uint64_t key)
{
	return &f->bits[(size_t)(key & (f->nbits / 512 - 1)) * 8];
}

static void set_bits(struct qg_cluster_filter *f, uint64_t key)
{
	uint64_t *block = block_of(f, key), h2 = qg_mix64(key);

	for (int i = 0; i < PROBES; i++) {
		unsigned b = (unsigned)(h2 >> (9 * i)) & 511;

		block[b / 64] |= (uint64_t)1 << (b % 64);
	}
	f->rows++;
}

static int test_bits(const struct qg_cluster_filter *f, uint64_t key)
{
	const uint64_t *block = block_of(f, key);
	uint64_t h2 = qg_mix64(key);
	int all = 1;

	for (int i = 0; all && i < PROBES; i++) {
		unsigned b = (unsigned)(h2 >> (9 * i)) & 511;

		all = (block[b / 64] >> (b % 64)) & 1;
	}
	return all;
}

/* Add every row of one index table (sql gives speaker, hash, word). */
static qg_status scan(qg_db *db, struct qg_cluster_filter *f,
                      const char *sql)
{
	sqlite3_stmt *st = NULL;
	qg_status rc = QG_OK;
	int r = SQLITE_ERROR;

	if (sqlite3_prepare_v2(db->conn, sql, -1, &st, NULL) == SQLITE_OK)
		r = sqlite3_step(st);
	for (; r == SQLITE_ROW; r = sqlite3_step(st))
		set_bits(f, qg__filter_key(sqlite3_column_int64(st, 0),
		                           sqlite3_column_int64(st, 1),
		                           sqlite3_column_int(st, 2)));
	if (r != SQLITE_DONE)
		rc = qg__db_error(db, "reading the quote index");
	sqlite3_finalize(st);
	return rc;
}

/* (Re)build the filter with room for twice the rows there are now. */
static qg_status build(qg_db *db, struct qg_cluster_filter *f)
{
	size_t want = MIN_BITS;
	qg_status rc = QG_OK;

	while (want < (f->rows + 1) * 2 * BITS_PER_ROW)
		want *= 2;
	qg__free(f->bits);
	f->bits = qg__calloc(want / 64, sizeof(uint64_t));
	f->nbits = f->bits ? want : 0;
	f->rows = 0;
	if (!f->bits)
		rc = QG_ERR_NOMEM;
	/* the rows staged before now are not in the tables it reads */
	f->rebuilt = 1;
	if (rc == QG_OK)
		rc = scan(db, f, "SELECT 0, hash, 0 FROM quote_hash");
	if (rc == QG_OK)
		rc = scan(db, f, "SELECT speaker_id, hash, 1 FROM quote_word");
	if (rc < 0) {
		qg__free(f->bits);
		f->bits = NULL;
		f->nbits = 0;
	}
	return rc;
}

static qg_status data_version(qg_db *db, int64_t *out)
{
	sqlite3_stmt *st;
	qg_status rc = qg__db_stmt(db, ST_DATA_VERSION, "PRAGMA data_version",
	                           &st);

	if (rc == QG_OK) {
		if (sqlite3_step(st) == SQLITE_ROW)
			*out = sqlite3_column_int64(st, 0);
		else
			rc = qg__db_error(db, "reading the data version");
		sqlite3_reset(st);
	}
	return rc;
}

/* Drop the filter when another connection has committed since it was
 * built: their rows are not in it. The quotes kept in memory (recent.c)
 * go too: that connection may have changed them. */
static qg_status check_version(qg_db *db, struct qg_cluster_filter *f)
{
	int64_t version = 0;
	qg_status rc = data_version(db, &version);

	if (rc == QG_OK && f->seen && version != f->data_version && f->nbits) {
		qg__free(f->bits);
		f->bits = NULL;
		f->nbits = 0;
		f->placed = 0;
	}
	if (rc == QG_OK && f->seen && version != f->data_version)
		qg__recent_clear(db);
	f->data_version = version;
	f->seen = rc == QG_OK;
	return rc;
}

qg_status qg__filter_tick(qg_db *db, size_t occurrences)
{
	struct qg_cluster_filter *f = db->cluster;
	qg_status rc = QG_OK;

	if (!f) {
		f = db->cluster = qg__calloc(1, sizeof(*f));
		if (!f)
			rc = QG_ERR_NOMEM;
	}
	if (rc == QG_OK)
		rc = check_version(db, f);
	if (rc == QG_OK && !f->nbits)
		f->placed += occurrences;
	if (rc == QG_OK && ((!f->nbits && f->placed >= FILTER_AFTER) ||
	                    (f->nbits && f->rows * BITS_PER_ROW > f->nbits))) {
		rc = build(db, f);
	}
	return rc;
}

int qg__filter_may_have(const qg_db *db, uint64_t key)
{
	const struct qg_cluster_filter *f = db->cluster;

	return !f || !f->nbits || test_bits(f, key);
}

void qg__filter_add(qg_db *db, uint64_t key)
{
	struct qg_cluster_filter *f = db->cluster;

	if (f && f->nbits)
		set_bits(f, key);
}

int qg__filter_rebuilt(const qg_db *db)
{
	return db->cluster && db->cluster->nbits && db->cluster->rebuilt;
}

void qg__filter_staged_written(qg_db *db)
{
	if (db->cluster)
		db->cluster->rebuilt = 0;
}

void qg__filter_free(qg_db *db)
{
	if (db && db->cluster) {
		qg__free(db->cluster->bits);
		qg__free(db->cluster);
		db->cluster = NULL;
	}
}
