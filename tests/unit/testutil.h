/*
 * testutil.h -- helpers the cmocka tests share: a counting allocator that
 * can fail the Nth allocation, and paths to ../shared and the source tree.
 * Header-only so that every test executable stays one file plus this.
 */
#ifndef QG_TESTUTIL_H
#define QG_TESTUTIL_H

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "quotegraph.h"

/* Exit status meson reads as "skipped". */
#define QG_TEST_SKIP 77

typedef struct qg_test_alloc {
	long live;      /* allocations not yet freed */
	long count;     /* allocations made */
	long fail_at;   /* fail the allocation with this number (1-based); 0 never */
} qg_test_alloc;

static qg_test_alloc qg_test_alloc_state;

static void *qg_test_malloc(size_t size, void *ctx)
{
	qg_test_alloc *s = ctx;
	void *p;

	if (s->fail_at && ++s->count == s->fail_at)
		return NULL;
	if (!s->fail_at)
		s->count++;
	p = malloc(size);
	if (p)
		s->live++;
	return p;
}

static void *qg_test_realloc(void *ptr, size_t size, void *ctx)
{
	qg_test_alloc *s = ctx;

	if (s->fail_at && ++s->count == s->fail_at)
		return NULL;
	return realloc(ptr, size);
}

static void qg_test_free(void *ptr, void *ctx)
{
	qg_test_alloc *s = ctx;

	if (ptr)
		s->live--;
	free(ptr);
}

/* Count allocations from now on; fail the `fail_at`th (0: none). */
static inline void qg_test_alloc_start(long fail_at)
{
	qg_allocator a = {qg_test_malloc, qg_test_realloc, qg_test_free,
	                  &qg_test_alloc_state};

	qg_test_alloc_state.live = 0;
	qg_test_alloc_state.count = 0;
	qg_test_alloc_state.fail_at = fail_at;
	qg_set_allocator(&a);
}

/* Back to libc; returns the allocations still live (0: no leak). */
static inline long qg_test_alloc_stop(void)
{
	qg_set_allocator(NULL);
	return qg_test_alloc_state.live;
}

/* $QG_SHARED (set by meson to ../shared), or NULL when it is absent. */
static inline const char *qg_test_shared(void)
{
	const char *dir = getenv("QG_SHARED");
	char probe[4096];
	FILE *fp;

	if (!dir)
		return NULL;
	snprintf(probe, sizeof(probe), "%s/eval/score.py", dir);
	fp = fopen(probe, "r");
	if (!fp)
		return NULL;
	fclose(fp);
	return dir;
}

/* Read a whole file into a malloc'd buffer (NUL-terminated); NULL on error. */
static inline char *qg_test_read(const char *path, size_t *len)
{
	FILE *fp = fopen(path, "rb");
	char *buf = NULL;
	long n;

	if (!fp)
		return NULL;
	if (fseek(fp, 0, SEEK_END) == 0 && (n = ftell(fp)) >= 0 &&
	    fseek(fp, 0, SEEK_SET) == 0) {
		buf = malloc((size_t)n + 1);
		if (buf && fread(buf, 1, (size_t)n, fp) != (size_t)n) {
			free(buf);
			buf = NULL;
		}
		if (buf) {
			buf[n] = '\0';
			if (len)
				*len = (size_t)n;
		}
	}
	fclose(fp);
	return buf;
}

#endif
