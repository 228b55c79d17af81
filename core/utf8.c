/* utf8.c - UTF-8 validation; see utf8.h. */
#include "config.h"

#include "utf8.h"

#include <string.h>

int
utf8_valid_len(const char *str, size_t len)
{
	const unsigned char *s = (const unsigned char *)str;
	unsigned int cp;
	int n, i;

	if (len == 0)
		return 0;
	if (s[0] < 0x80)
		return 1;
	if (s[0] >= 0xc2 && s[0] <= 0xdf) {
		n = 2;
		cp = s[0] & 0x1f;
	} else if (s[0] >= 0xe0 && s[0] <= 0xef) {
		n = 3;
		cp = s[0] & 0x0f;
	} else if (s[0] >= 0xf0 && s[0] <= 0xf4) {
		n = 4;
		cp = s[0] & 0x07;
	} else
		return 0;
	if (len < (size_t)n)
		return 0;
	for (i = 1; i < n; i++) {
		if ((s[i] & 0xc0) != 0x80)
			return 0;
		cp = (cp << 6) | (s[i] & 0x3f);
	}
	if ((n == 3 && cp < 0x800) || (n == 4 && cp < 0x10000) ||
	    cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
		return 0;
	return n;
}

int
utf8_printable(const char *s, size_t len, const char *allow)
{
	size_t i = 0;
	int n;

	while (i < len) {
		unsigned char c = (unsigned char)s[i];

		/* Printable ASCII, nearly all of any file: no more to ask. */
		if (c >= 0x20 && c < 0x7f) {
			i++;
			continue;
		}
		if (c < 0x20 || c == 0x7f) {
			if (c == 0 || allow == NULL || strchr(allow, c) == NULL)
				return 0;
			i++;
			continue;
		}
		n = utf8_valid_len(s + i, len - i);
		if (n == 0)
			return 0;
		/* C1 control characters (U+0080..U+009F). */
		if (n == 2 && c == 0xc2 && (unsigned char)s[i + 1] < 0xa0)
			return 0;
		i += (size_t)n;
	}
	return 1;
}

size_t
utf8_count(const char *s, size_t len)
{
	size_t i, n = 0;

	for (i = 0; i < len; i++)
		if (((unsigned char)s[i] & 0xc0) != 0x80)
			n++;
	return n;
}
