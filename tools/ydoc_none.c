/* ydoc_none.c - no built-in documents: the table ydoc.c looks in, for
 * the generator itself (which parses everything with libyaml). */
#include "config.h"

#include "ydoc.h"

const struct ydoc_builtin ydoc_builtins[] = {
	{ NULL, 0, NULL, 0, NULL, 0, NULL, NULL }
};
