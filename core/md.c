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
		return strchr("#+-=", s[0]) != NULL;
	if (s[i] != '.' && s[i] != ')')
		return 0;
	for (j = 0; j < i; j++)
		if (s[j] < '0' || s[j] > '9')
			return 0;
	return i < len;
}

/* Write one line (LEN bytes at S) escaped. */
static void
line(FILE *out, const char *s, size_t len)
{
	size_t i;

	/* Leading blanks would make an indented code block. */
	while (len > 0 && (*s == ' ' || *s == '\t')) {
		s++;
		len--;
	}
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
		else if (special(c) || opens_block(s, len, i)) {
			fputc('\\', out);
			fputc(c, out);
		} else
			fputc(c, out);
	}
}

static void
text(FILE *out, const char *s, int mode, const char *prefix)
{
	const char *nl;
	int first = 1;

	for (;;) {
		size_t len;

		nl = strchr(s, '\n');
		len = nl ? (size_t)(nl - s) : strlen(s);
		if (len > 0 && s[len - 1] == '\r')
			len--;
		if (!first) {
			if (mode == MODE_CELL)
				fputs(" / ", out);
			else if (mode == MODE_INLINE)
				fputc(' ', out);
			else {
				/* A hard break ends the previous line. */
				fputs("\\\n", out);
				fputs(prefix, out);
			}
		}
		line(out, s, len);
		first = 0;
		if (nl == NULL)
			break;
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
