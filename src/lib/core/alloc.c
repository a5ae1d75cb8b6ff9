/*
 * alloc.c -- the one pair of allocation functions the library uses.
 * Tests swap the allocator to count leaks and to fail the Nth allocation.
 */
#include <stdlib.h>
#include <string.h>

#include "core.h"

static void *libc_malloc(size_t size, void *ctx)
{
	(void)ctx;
	return malloc(size);
}

static void *libc_realloc(void *ptr, size_t size, void *ctx)
{
	(void)ctx;
	return realloc(ptr, size);
}

static void libc_free(void *ptr, void *ctx)
{
	(void)ctx;
	free(ptr);
}

static qg_allocator current = {libc_malloc, libc_realloc, libc_free, NULL};

void qg_set_allocator(const qg_allocator *allocator)
{
	if (allocator)
		current = *allocator;
	else
		current = (qg_allocator){libc_malloc, libc_realloc, libc_free,
		                         NULL};
}

void *qg__malloc(size_t size)
{
	return current.malloc_fn(size ? size : 1, current.ctx);
}

void *qg__calloc(size_t n, size_t size)
{
	void *p;

	if (size && n > SIZE_MAX / size)
		return NULL;
	p = qg__malloc(n * size);
	if (p)
		memset(p, 0, n * size);
	return p;
}

void *qg__realloc(void *ptr, size_t size)
{
	if (!ptr)
		return qg__malloc(size);
	return current.realloc_fn(ptr, size ? size : 1, current.ctx);
}

void qg__free(void *ptr)
{
	if (ptr)
		current.free_fn(ptr, current.ctx);
}

void qg_free(void *ptr)
{
	qg__free(ptr);
}

char *qg__strndup(const char *s, size_t n)
{
	char *p = qg__malloc(n + 1);

	if (!p)
		return NULL;
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *qg__strdup(const char *s)
{
	return s ? qg__strndup(s, strlen(s)) : NULL;
}

qg_status qg__grow_slow(void **items, size_t *cap, size_t need, size_t elem)
{
	size_t ncap = *cap ? *cap : 8;
	void *p;

	if (need <= *cap)
		return QG_OK;
	while (ncap < need) {
		if (ncap > SIZE_MAX / 2 / elem)
			return QG_ERR_NOMEM;
		ncap *= 2;
	}
	p = qg__realloc(*items, ncap * elem);
	if (!p)
		return QG_ERR_NOMEM;
	*items = p;
	*cap = ncap;
	return QG_OK;
}
