/*
 * rows.c -- qg_rows: a query answer as a table of text cells, and its
 * writers: an aligned table for people, JSON Lines and CSV for machines.
 */
#include <string.h>

#include "query.h"

/* The widest a table column grows; longer cells are cut with "...". */
#define TABLE_MAX_WIDTH 60

/* A new empty table of `ncol` columns (names set by the caller). */
static qg_status rows_alloc(qg_rows **out, size_t ncol)
{
	qg_rows *r = qg__calloc(1, sizeof(*r));

	*out = r;
	if (!r)
		return QG_ERR_NOMEM;
	r->ncol = ncol;
	r->names = qg__calloc(ncol ? ncol : 1, sizeof(*r->names));
	r->numeric = qg__calloc(ncol ? ncol : 1, 1);
	if (!r->names || !r->numeric)
		return QG_ERR_NOMEM;
	memset(r->numeric, 1, ncol);
	return QG_OK;
}

static qg_status rows_new(qg_rows **out, sqlite3_stmt *st)
{
	qg_status rc = rows_alloc(out, (size_t)sqlite3_column_count(st));

	for (size_t c = 0; rc == QG_OK && c < (*out)->ncol; c++) {
		(*out)->names[c] = qg__strdup(sqlite3_column_name(st, (int)c));
		if (!(*out)->names[c])
			rc = QG_ERR_NOMEM;
	}
	return rc;
}

/* Room for one more row, its cells NULL; *base is its first cell. */
static qg_status row_room(qg_rows *r, size_t *base)
{
	size_t cap = r->cap * r->ncol;
	qg_status rc;

	*base = r->nrow * r->ncol;
	rc = qg__grow((void **)&r->cells, &cap, *base + r->ncol,
	              sizeof(*r->cells));
	if (rc < 0)
		return rc;
	r->cap = r->ncol ? cap / r->ncol : 0;
	for (size_t c = 0; c < r->ncol; c++)
		r->cells[*base + c] = NULL;
	r->nrow++; /* so that qg_rows_free() sees the row, even half set */
	return QG_OK;
}

/* Set cell `c` of the row at `base` to a copy of v[0..len) (NULL stays
 * NULL); a value that is no number makes its column no number. */
static qg_status set_cell(qg_rows *r, size_t base, size_t c, const char *v,
                          size_t len, int number)
{
	if (!v)
		return QG_OK;
	if (!number)
		r->numeric[c] = 0;
	r->cells[base + c] = qg__strndup(v, len);
	return r->cells[base + c] ? QG_OK : QG_ERR_NOMEM;
}

static qg_status add_row(qg_rows *r, sqlite3_stmt *st)
{
	size_t base = 0;
	qg_status rc = row_room(r, &base);

	for (size_t c = 0; rc == QG_OK && c < r->ncol; c++) {
		int type = sqlite3_column_type(st, (int)c);
		const char *v = (const char *)sqlite3_column_text(st, (int)c);

		if (type != SQLITE_NULL)
			rc = set_cell(r, base, c, v ? v : "",
			              (size_t)sqlite3_column_bytes(st, (int)c),
			              type == SQLITE_INTEGER || type == SQLITE_FLOAT);
	}
	return rc;
}

qg_status qg__rows_new(qg_rows **out, const char *const *names,
                       size_t ncol)
{
	qg_status rc = rows_alloc(out, ncol);

	for (size_t c = 0; rc == QG_OK && c < ncol; c++) {
		(*out)->names[c] = qg__strdup(names[c]);
		if (!(*out)->names[c])
			rc = QG_ERR_NOMEM;
	}
	if (rc < 0) {
		qg_rows_free(*out);
		*out = NULL;
	}
	return rc;
}

qg_status qg__rows_add(qg_rows *r, const char *const *cells,
                       unsigned numbers)
{
	size_t base = 0;
	qg_status rc = row_room(r, &base);

	for (size_t c = 0; rc == QG_OK && c < r->ncol; c++)
		rc = set_cell(r, base, c, cells[c], cells[c] ? strlen(cells[c]) : 0,
		              c < 32 && (numbers >> c & 1u));
	return rc;
}

qg_status qg__rows_from_stmt(qg_db *db, sqlite3_stmt *st, qg_rows **out)
{
	qg_rows *r = NULL;
	qg_status rc = rows_new(&r, st);
	int s = SQLITE_DONE;

	while (rc == QG_OK) {
		s = sqlite3_step(st);
		if (s != SQLITE_ROW)
			break;
		rc = add_row(r, st);
	}
	if (rc == QG_OK && s != SQLITE_DONE)
		rc = qg__db_error(db, "query");
	sqlite3_reset(st);
	if (rc < 0) {
		qg_rows_free(r);
		r = NULL;
	}
	*out = r;
	return rc;
}

void qg_rows_free(qg_rows *r)
{
	if (!r)
		return;
	for (size_t i = 0; r->cells && i < r->nrow * r->ncol; i++)
		qg__free(r->cells[i]);
	for (size_t c = 0; r->names && c < r->ncol; c++)
		qg__free(r->names[c]);
	qg__free(r->cells);
	qg__free(r->names);
	qg__free(r->numeric);
	qg__free(r);
}

size_t qg_rows_columns(const qg_rows *r) { return r ? r->ncol : 0; }
size_t qg_rows_count(const qg_rows *r) { return r ? r->nrow : 0; }

const char *qg_rows_name(const qg_rows *r, size_t column)
{
	return r && column < r->ncol ? r->names[column] : NULL;
}

const char *qg_rows_get(const qg_rows *r, size_t row, size_t column)
{
	if (!r || row >= r->nrow || column >= r->ncol)
		return NULL;
	return r->cells[row * r->ncol + column];
}

/* Code points in s: the width of a cell on a terminal, near enough. */
static size_t width(const char *s)
{
	size_t n = 0;

	for (; s && *s; s++)
		n += ((unsigned char)*s & 0xC0) != 0x80;
	return n;
}

/* Append at most `w` code points of s (cutting with "..."), newlines shown
 * as spaces, then pad to `w`. */
static qg_status add_cell(qg_buf *b, const char *s, size_t w, int last)
{
	size_t n = 0, cut = width(s) > w ? w - 3 : w;
	qg_status rc = QG_OK;

	for (; rc == QG_OK && s && *s; s++) {
		int lead = ((unsigned char)*s & 0xC0) != 0x80;

		if (lead && n == cut)
			break;
		n += lead;
		rc = qg_buf_addc(b, (*s == '\n' || *s == '\t' || *s == '\r')
		                        ? ' ' : *s);
	}
	if (rc == QG_OK && cut < w) {
		rc = qg_buf_addstr(b, "...");
		n += 3;
	}
	while (rc == QG_OK && !last && n++ < w)
		rc = qg_buf_addc(b, ' ');
	return rc;
}

static qg_status write_table(const qg_rows *r, qg_buf *b, size_t *w)
{
	qg_status rc = QG_OK;

	for (size_t c = 0; c < r->ncol; c++) {
		w[c] = width(r->names[c]);
		for (size_t i = 0; i < r->nrow; i++) {
			size_t x = width(qg_rows_get(r, i, c));

			w[c] = x > w[c] ? x : w[c];
		}
		w[c] = w[c] > TABLE_MAX_WIDTH ? TABLE_MAX_WIDTH : w[c];
		w[c] = w[c] < 3 ? 3 : w[c];
	}
	for (size_t i = 0; rc == QG_OK && i < r->nrow + 2; i++) {
		for (size_t c = 0; rc == QG_OK && c < r->ncol; c++) {
			const char *v = i == 0 ? r->names[c]
			                       : qg_rows_get(r, i - 2, c);

			if (c > 0)
				rc = qg_buf_addstr(b, "  ");
			for (size_t k = 0; rc == QG_OK && i == 1 && k < w[c]; k++)
				rc = qg_buf_addc(b, '-');
			if (rc == QG_OK && i != 1)
				rc = add_cell(b, v, w[c], c + 1 == r->ncol);
		}
		if (rc == QG_OK)
			rc = qg_buf_addc(b, '\n');
	}
	return rc;
}

static qg_status write_jsonl(const qg_rows *r, qg_buf *b)
{
	qg_status rc = QG_OK;

	for (size_t i = 0; rc == QG_OK && i < r->nrow; i++) {
		for (size_t c = 0; rc == QG_OK && c < r->ncol; c++) {
			const char *v = qg_rows_get(r, i, c);

			rc = qg_buf_addstr(b, c ? "," : "{");
			if (rc == QG_OK)
				rc = qg_buf_json_str(b, r->names[c]);
			if (rc == QG_OK)
				rc = qg_buf_addc(b, ':');
			if (rc == QG_OK && v && r->numeric[c])
				rc = qg_buf_addstr(b, v);
			else if (rc == QG_OK)
				rc = qg_buf_json_str(b, v);
		}
		if (rc == QG_OK)
			rc = qg_buf_addstr(b, r->ncol ? "}\n" : "{}\n");
	}
	return rc;
}

static qg_status write_csv(const qg_rows *r, qg_buf *b)
{
	qg_status rc = QG_OK;

	for (size_t i = 0; rc == QG_OK && i < r->nrow + 1; i++) {
		for (size_t c = 0; rc == QG_OK && c < r->ncol; c++) {
			const char *v = i ? qg_rows_get(r, i - 1, c) : r->names[c];

			if (c > 0)
				rc = qg_buf_addc(b, ',');
			if (rc == QG_OK)
				rc = qg_buf_csv(b, v ? v : "");
		}
		if (rc == QG_OK)
			rc = qg_buf_addstr(b, "\r\n");
	}
	return rc;
}

qg_status qg_rows_write(const qg_rows *r, qg_format format, FILE *fp)
{
	qg_buf b = QG_BUF_INIT;
	size_t *w = NULL;
	qg_status rc = QG_OK;

	if (!r || !fp)
		return QG_ERR_USAGE;
	if (format == QG_FORMAT_TABLE || format == QG_FORMAT_TEXT) {
		w = qg__calloc(r->ncol ? r->ncol : 1, sizeof(*w));
		rc = w ? write_table(r, &b, w) : QG_ERR_NOMEM;
	} else if (format == QG_FORMAT_JSONL) {
		rc = write_jsonl(r, &b);
	} else if (format == QG_FORMAT_CSV) {
		rc = write_csv(r, &b);
	} else {
		rc = QG_ERR_USAGE;
	}
	if (rc == QG_OK && b.len && fwrite(b.data, 1, b.len, fp) != b.len)
		rc = QG_ERR_IO;
	qg__free(w);
	qg_buf_dispose(&b);
	return rc;
}
