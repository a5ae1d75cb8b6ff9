/*
 * embedded.h -- data files compiled into the binary by src/tools/embed.py.
 */
#ifndef QG_EMBEDDED_H
#define QG_EMBEDDED_H

#include <stddef.h>

typedef struct qg_embedded {
	const char *name; /* the file's base name, e.g. "001_graph.sql" */
	const char *data; /* NUL-terminated */
	size_t len;
} qg_embedded;

/* schema/NNN_name.sql, in the order they apply */
extern const qg_embedded qg_schema_files[];
extern const size_t qg_schema_files_count;

#endif
