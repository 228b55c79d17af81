/* emit.h - writing C source from the build's generators (tools/). */
#ifndef TRADEOFF_EMIT_H
#define TRADEOFF_EMIT_H

#include <stdio.h>

/* S (LEN bytes) as a C string literal, broken after newlines and long
 * runs onto lines starting with INDENT. */
void emit_literal(FILE *f, const char *s, size_t len, const char *indent);

/* S as a C string literal for a pointer (in parentheses when it is
 * broken over lines), or NULL when S is NULL. */
void emit_string(FILE *f, const char *s);

/* S as a C string literal for a char array (never in parentheses). */
void emit_chars(FILE *f, const char *s);

/* V exactly, as a hexadecimal floating constant. */
void emit_double(FILE *f, double v);

#endif
