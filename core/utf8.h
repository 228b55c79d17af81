/* utf8.h - the little UTF-8 the core needs. */
#ifndef TRADEOFF_UTF8_H
#define TRADEOFF_UTF8_H

#include <stddef.h>

/* Length (1-4) of the valid UTF-8 sequence at S (at most LEN bytes), or
 * 0 when it is not one (overlong forms and surrogates included). */
int utf8_valid_len(const char *s, size_t len);

/* Whether all LEN bytes at S are valid UTF-8 with no control
 * characters other than those in ALLOW (e.g. "\n\t"). */
int utf8_printable(const char *s, size_t len, const char *allow);

/* Number of code points in the LEN bytes of valid UTF-8 at S. */
size_t utf8_count(const char *s, size_t len);

#endif
