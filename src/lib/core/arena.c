/*
 * arena.c -- a bump allocator for the many short strings of one article,
 * so that an article frees in one pass however many quotes it holds.
 */
#include <string.h>

#include "core.h"

#define QG_ARENA_CHUNK 8192

typedef struct chunk {
	struct chunk *next;
	size_t used;
	size_t size;
	unsigned char data[];
} chunk;

struct qg_arena {
	chunk *head;
};

qg_arena *qg_arena_new(void)
{
	return qg__calloc(1, sizeof(qg_arena));
}

void qg_arena_free(qg_arena *a)
{
	chunk *c, *next;

	if (!a)
		return;
	for (c = a->head; c; c = next) {
		next = c->next;
		qg__free(c);
	}
	qg__free(a);
}

void *qg_arena_alloc(qg_arena *a, size_t size)
{
	chunk *c = a->head;
	size_t need = (size + 15) & ~(size_t)15;

	if (need < size)
		return NULL;
	if (!c || c->size - c->used < need) {
		size_t csize = need > QG_ARENA_CHUNK ? need : QG_ARENA_CHUNK;

		c = qg__malloc(sizeof(chunk) + csize);
		if (!c)
			return NULL;
		c->size = csize;
		c->used = 0;
		/* a large block goes behind the head, so the head keeps its room */
		if (need > QG_ARENA_CHUNK && a->head) {
			c->next = a->head->next;
			a->head->next = c;
		} else {
			c->next = a->head;
			a->head = c;
		}
	}
	c->used += need;
	return c->data + c->used - need;
}

char *qg_arena_strndup(qg_arena *a, const char *s, size_t n)
{
	char *p = qg_arena_alloc(a, n + 1);

	if (!p)
		return NULL;
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *qg_arena_strdup(qg_arena *a, const char *s)
{
	return s ? qg_arena_strndup(a, s, strlen(s)) : NULL;
}
