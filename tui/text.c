/* text.c - UTF-8 on a character grid; see text.h. */
#include "config.h"

#include "text.h"

#include <string.h>
#include <wctype.h>

#include "utf8.h"

/* ASCII stand-ins for characters the model and exports commonly use. */
static wchar_t
ascii_for(unsigned int cp)
{
	switch (cp) {
	case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014:
	case 0x2212:
		return '-';
	case 0x2018: case 0x2019: case 0x201a:
		return '\'';
	case 0x201c: case 0x201d: case 0x201e:
		return '"';
	case 0x00d7:
		return 'x';
	case 0x2022: case 0x00b7: case 0x2219:
		return '*';
	case 0x00a0: case 0x2009: case 0x202f:
		return ' ';
	case 0x2026:
		return '.';
	case 0x2192:
		return '>';
	case 0x2190:
		return '<';
	default:
		if ((cp >= 0xc0 && cp <= 0xc5) || cp == 0x100)
			return 'A';
		if ((cp >= 0xe0 && cp <= 0xe5) || cp == 0x101)
			return 'a';
		if (cp >= 0xe8 && cp <= 0xeb)
			return 'e';
		if (cp >= 0xc8 && cp <= 0xcb)
			return 'E';
		if (cp >= 0xec && cp <= 0xef)
			return 'i';
		if ((cp >= 0xf2 && cp <= 0xf6) || cp == 0xf8)
			return 'o';
		if (cp >= 0xf9 && cp <= 0xfc)
			return 'u';
		if (cp == 0xe7)
			return 'c';
		if (cp == 0xf1)
			return 'n';
		return '?';
	}
}

static unsigned int
decode_one(const char *s, size_t len, int *n)
{
	const unsigned char *u = (const unsigned char *)s;
	unsigned int cp;
	int i;

	*n = utf8_valid_len(s, len);
	if (*n == 0) {
		*n = 1;
		return 0xfffd;
	}
	if (*n == 1)
		return u[0];
	cp = u[0] & (0xff >> (*n + 1));
	for (i = 1; i < *n; i++)
		cp = (cp << 6) | (u[i] & 0x3f);
	return cp;
}

/* Decode S as text_decode says; ESCAPE: characters that disguise text
 * (utf8_escape_at) become their visible escape, "<U+202E>". */
static size_t
decode(const char *s, size_t len, wchar_t *out, size_t max, int unicode,
    int escape)
{
	char esc[UTF8_ESCAPE_MAX];
	size_t i = 0, o = 0, k;
	int n;

	while (i < len && o < max) {
		unsigned int cp;

		if (escape && utf8_escape_at(s, len, i, esc) > 0) {
			for (k = 0; esc[k] != '\0' && o < max; k++)
				out[o++] = (wchar_t)esc[k];
			i += (size_t)utf8_valid_len(s + i, len - i);
			continue;
		}
		cp = decode_one(s + i, len - i, &n);
		i += (size_t)n;
		if (cp < 0x20 || cp == 0x7f || (cp >= 0x80 && cp < 0xa0))
			cp = ' ';
		if (!unicode && cp >= 0x80)
			out[o++] = ascii_for(cp);
		else if (cp == 0xfffd && !unicode)
			out[o++] = '?';
		else
			out[o++] = (wchar_t)cp;
	}
	return o;
}

size_t
text_decode(const char *s, size_t len, wchar_t *out, size_t max, int unicode)
{
	return decode(s, len, out, max, unicode, 1);
}

size_t
text_decode_exact(const char *s, size_t len, wchar_t *out, size_t max)
{
	return decode(s, len, out, max, 1, 0);
}

int
text_wcwidth(wchar_t c)
{
	int w = wcwidth(c);

	return w < 0 ? 1 : w;
}

int
text_width(const char *s, int unicode)
{
	size_t i = 0, len = strlen(s);
	int cols = 0, n;

	while (i < len) {
		unsigned int cp = decode_one(s + i, len - i, &n);

		i += (size_t)n;
		cols += unicode ? text_wcwidth((wchar_t)cp) : 1;
	}
	return cols;
}

int
text_wrap(const char *s, int width, int unicode, struct text_line *lines,
    int max)
{
	size_t len = strlen(s), i = 0;
	int count = 0;

	if (width < 1)
		width = 1;
	while (i <= len) {
		size_t start = i, brk = 0, j = i;
		int cols = 0, n, have_brk = 0;

		/* Find how far this line can go. */
		while (j < len && s[j] != '\n') {
			unsigned int cp = decode_one(s + j, len - j, &n);
			int w = unicode ? text_wcwidth((wchar_t)cp) : 1;

			if (cols + w > width)
				break;
			if (cp == ' ') {
				brk = j;
				have_brk = 1;
			}
			cols += w;
			j += (size_t)n;
		}
		if (j < len && s[j] != '\n' && have_brk && brk > start)
			j = brk;	/* end at the last space */
		else if (j == start && j < len && s[j] != '\n') {
			/* A character wider than the line: take it anyway. */
			(void)decode_one(s + j, len - j, &n);
			j += (size_t)n;
		}
		if (count < max) {
			lines[count].off = start;
			lines[count].len = j - start;
		}
		count++;
		if (j >= len)
			break;
		/* Skip the space or line break that ended the line. */
		if (s[j] == '\n' || s[j] == ' ')
			j++;
		i = j;
		if (i == len && s[len - 1] != '\n')
			break;
	}
	return count;
}
