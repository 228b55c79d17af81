/* text.h - UTF-8 text on a character grid: decoding, widths, wrapping.
 *
 * The model and the sessions hold UTF-8 whatever the locale.  On a UTF-8
 * terminal it is shown as is; elsewhere (LANG=C, --ascii) every
 * character outside ASCII becomes an ASCII stand-in, so the screen never
 * shows mojibake. */
#ifndef TRADEOFF_TEXT_H
#define TRADEOFF_TEXT_H

#include <stddef.h>
#include <wchar.h>

/* Decode up to LEN bytes of UTF-8 at S into OUT (room for MAX
 * characters) for showing; invalid bytes become U+FFFD (or '?'),
 * control characters a space, characters that disguise text their
 * visible escape ("<U+202E>", see utf8_escape_at).  With UNICODE off,
 * non-ASCII characters become ASCII.  Returns the number of characters
 * written. */
size_t text_decode(const char *s, size_t len, wchar_t *out, size_t max,
    int unicode);

/* The same without the escapes, for the editor: editing a text must not
 * change what it holds. */
size_t text_decode_exact(const char *s, size_t len, wchar_t *out,
    size_t max);

/* Columns taken by C (0 for combining marks, 2 for wide characters). */
int text_wcwidth(wchar_t c);

/* Columns the UTF-8 string S takes. */
int text_width(const char *s, int unicode);

/* A line of wrapped text: LEN bytes from OFF. */
struct text_line {
	size_t off, len;
};

/* Break S into lines of at most WIDTH columns, at spaces where possible
 * and at line breaks always; fills up to MAX entries of LINES and
 * returns how many lines the whole text needs (which may be more). */
int text_wrap(const char *s, int width, int unicode, struct text_line *lines,
    int max);

#endif
