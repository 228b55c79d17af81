/* err.h - error messages that carry their own position.
 *
 * Functions that can fail take a `struct err *` and return -1 (or NULL)
 * after filling it; only the program's entry point decides what to do
 * with the message.  A message about a file reads "file:line:column:
 * message" with 1-based line and column, like a compiler's. */
#ifndef TRADEOFF_ERR_H
#define TRADEOFF_ERR_H

#include <stdio.h>

#include <stddef.h>

#define ERR_MAX 1024

struct err {
	char msg[ERR_MAX];
	/* Where the error is, when it is about a file (line 0 when not). */
	char file[512];
	int line, col;
};

/* Set an error with no position. */
void err_set(struct err *e, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* Set an error at FILE:LINE:COL (LINE and COL 1-based). */
void err_at(struct err *e, const char *file, int line, int col,
    const char *fmt, ...) __attribute__((format(printf, 5, 6)));

/* Set an error about FILE as a whole ("file: message"). */
void err_file(struct err *e, const char *file, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* Clear E. */
void err_clear(struct err *e);

/* Write a printable, shortened rendition of the LEN bytes at S into
 * BUF (of SIZE bytes): control characters and invalid UTF-8 become
 * escapes ("\x1b"), so do characters that disguise text ("<U+202E>",
 * see utf8_escape_at), and text longer than fits ends in "...".  For quoting user
 * input inside messages without letting it garble a terminal. */
const char *err_quote(char *buf, size_t size, const char *s, size_t len);

/* Write the LEN bytes at S to OUT as err_quote renders them, whole,
 * line breaks and tabs kept: for text made for a terminal from what
 * files hold (a model's titles, notes).  Errors show in OUT. */
void err_write_safe(FILE *out, const char *s, size_t len);

#endif
