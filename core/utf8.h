/* utf8.h - the little UTF-8 the core needs. */
#ifndef TRADEOFF_UTF8_H
#define TRADEOFF_UTF8_H

#include <stddef.h>

/* Length (1-4) of the valid UTF-8 sequence at S (at most LEN bytes), or
 * 0 when it is not one (overlong forms and surrogates included). */
int utf8_valid_len(const char *s, size_t len);

/* Whether all LEN bytes at S are valid UTF-8 with no control
 * characters other than those in ALLOW (e.g. "\n\t").  Without '\n' in
 * ALLOW the text must be one line: U+2028 and U+2029 (line and
 * paragraph separators) are refused too. */
int utf8_printable(const char *s, size_t len, const char *allow);

/* Number of code points in the LEN bytes of valid UTF-8 at S. */
size_t utf8_count(const char *s, size_t len);

/* The code point of the valid sequence of N bytes at S (N as
 * utf8_valid_len gives it). */
unsigned int utf8_decode(const char *s, int n);

/* Whether code point CP can disguise the text around it: bidirectional
 * controls and marks (U+202A-U+202E, U+2066-U+2069, U+200E, U+200F,
 * U+061C), zero-width and other invisible characters (U+200B-U+200D,
 * U+2060-U+2064, U+FEFF, U+00AD, fillers, tags), and the line and
 * paragraph separators U+2028 and U+2029.  Session names refuse them;
 * everything that shows text shows them as visible escapes. */
int utf8_disguising(unsigned int cp);

/* Whether CP is a combining mark (Unicode categories Mn and Me). */
int utf8_combining(unsigned int cp);

/* Terminal columns of CP, whatever the locale: 0 for combining marks
 * and disguising characters, 2 for wide (East Asian) ones, else 1. */
int utf8_cp_width(unsigned int cp);

/* Terminal columns of the LEN bytes at S (an invalid byte counts 1). */
size_t utf8_width(const char *s, size_t len);

/* Room for the visible escape of one character, "<U+10FFFF>". */
#define UTF8_ESCAPE_MAX 12

/* When the character at byte I of S (LEN bytes) must not be shown as it
 * is -- a disguising character, or a combining mark at the start of the
 * text, which would join whatever precedes it -- write its visible
 * escape ("<U+202E>") into BUF and return the length of its sequence;
 * else 0. */
int utf8_escape_at(const char *s, size_t len, size_t i,
    char buf[UTF8_ESCAPE_MAX]);

#endif
