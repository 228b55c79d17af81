/* arena.h - bump allocation for data that lives and dies together.
 *
 * A loaded model, an answers file or a YAML document is built from many
 * small strings and arrays that are all released at once; an arena makes
 * that one call and keeps every error path in a loader leak-free. */
#ifndef TRADEOFF_ARENA_H
#define TRADEOFF_ARENA_H

#include <stddef.h>

struct arena;

/* A new, empty arena, or NULL when out of memory. */
struct arena *arena_new(void);

/* Release the arena and everything allocated in it.  Accepts NULL. */
void arena_free(struct arena *a);

/* Zeroed memory for SIZE bytes, aligned for any type; NULL when out of
 * memory or when SIZE overflows. */
void *arena_alloc(struct arena *a, size_t size);

/* Zeroed array of N elements of SIZE bytes; NULL on overflow. */
void *arena_array(struct arena *a, size_t n, size_t size);

/* A NUL-terminated copy of the LEN bytes at S. */
char *arena_strndup(struct arena *a, const char *s, size_t len);

/* A copy of the string S (NULL gives NULL). */
char *arena_strdup(struct arena *a, const char *s);

/* Bytes handed out so far (for memory figures in benchmarks). */
size_t arena_used(const struct arena *a);

#endif
