/* md.c - escaping user text for GFM; see md.h. */
#include "config.h"

#include "md.h"

#include <string.h>

enum { MODE_INLINE, MODE_CELL, MODE_BLOCK };

/* Punctuation that Markdown or its GFM extensions could read as
 * syntax anywhere in a line (with '[' and ']' escaped, '!' and '()'
 * cannot make a link or an image). */
static int
special(unsigned char c)
{
	return c != '\0' && strchr("\\`*_[]|~", c) != NULL;
}

/* Whether byte I of the line starts something only at a line's start:
 * a heading, a list item, a setext underline, "1." or "1)". */
static int
opens_block(const char *s, size_t len, size_t i)
{
	size_t j;

	if (i == 0)
		return strchr("+-=", s[0]) != NULL;
	if (s[i] != '.' && s[i] != ')')
		return 0;
	for (j = 0; j < i; j++)
		if (s[j] < '0' || s[j] > '9')
			return 0;
	return i < len;
}

/* Skip leading blanks (they would make an indented code block) and
 * trailing ones and a CR; returns the length left. */
static size_t
trim(const char **s, size_t len)
{
	while (len > 0 && (**s == ' ' || **s == '\t')) {
		(*s)++;
		len--;
	}
	while (len > 0 && ((*s)[len - 1] == ' ' || (*s)[len - 1] == '\t' ||
	    (*s)[len - 1] == '\r'))
		len--;
	return len;
}

/* Write one line (LEN bytes at S) escaped; AT_START when it begins a
 * line of the document, where more characters are syntax. */
static void
line(FILE *out, const char *s, size_t len, int at_start)
{
	size_t i;

	for (i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c == '<')
			fputs("&lt;", out);
		else if (c == '>')
			fputs("&gt;", out);
		else if (c == '&')
			fputs("&amp;", out);
		else if (c == '\t')
			fputc(' ', out);
		else if (c < 0x20 || c == 0x7f)
			continue;
		else if (special(c) || c == '#' ||
		    (at_start && opens_block(s, len, i))) {
			fputc('\\', out);
			fputc(c, out);
		} else
			fputc(c, out);
	}
}

static void
text(FILE *out, const char *s, int mode, const char *prefix)
{
	int first = 1, prev_empty = 0;
	size_t total = strlen(s);

	/* Blank lines at either end say nothing. */
	while (*s == '\n' || *s == '\r') {
		s++;
		total--;
	}
	while (total > 0 && (s[total - 1] == '\n' || s[total - 1] == '\r' ||
	    s[total - 1] == ' ' || s[total - 1] == '\t'))
		total--;
	for (;;) {
		const char *nl = memchr(s, '\n', total);
		size_t raw = nl ? (size_t)(nl - s) : total, len;
		const char *t = s;

		len = trim(&t, raw);
		if (!first) {
			if (mode == MODE_CELL)
				fputs(len ? " / " : "", out);
			else if (mode == MODE_INLINE)
				fputs(len ? " " : "", out);
			else if (len == 0 || prev_empty) {
				/* A blank line: a new paragraph. */
				if (len != 0 || !prev_empty) {
					fputc('\n', out);
					fputs(prefix, out);
				}
			} else {
				/* A hard break ends the previous line. */
				fputs("\\\n", out);
				fputs(prefix, out);
			}
		}
		line(out, t, len, mode == MODE_BLOCK);
		if (len != 0 || mode == MODE_BLOCK)
			first = 0;
		prev_empty = len == 0;
		if (nl == NULL)
			break;
		total -= raw + 1;
		s = nl + 1;
	}
}

void
md_inline(FILE *out, const char *s)
{
	text(out, s, MODE_INLINE, "");
}

void
md_cell(FILE *out, const char *s)
{
	text(out, s, MODE_CELL, "");
}

void
md_paragraph(FILE *out, const char *s)
{
	text(out, s, MODE_BLOCK, "");
}

void
md_paragraph_prefixed(FILE *out, const char *s, const char *prefix)
{
	fputs(prefix, out);
	text(out, s, MODE_BLOCK, prefix);
}
