/* md.c - escaping user text for GFM; see md.h. */
#include "config.h"

#include "md.h"
#include "utf8.h"

#include <stdlib.h>
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
 * a list item or thematic break ("-", "+"), a setext underline ("="),
 * an ordered list item ("1. ", "12) ", "3." alone; not "1.0"). */
static int
opens_block(const char *s, size_t len, size_t i)
{
	size_t j;

	if (i == 0)
		return strchr("+-=", s[0]) != NULL;
	if ((s[i] != '.' && s[i] != ')') || i > 9)
		return 0;
	for (j = 0; j < i; j++)
		if (s[j] < '0' || s[j] > '9')
			return 0;
	return i + 1 == len || s[i + 1] == ' ' || s[i + 1] == '\t';
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

		if (c >= 0x80) {
			/* Invalid UTF-8 and C1 controls say nothing a
			 * reader could use; everything else is kept. */
			int n = utf8_valid_len(s + i, len - i);

			if (n == 0)
				fputs("\xef\xbf\xbd", out);
			else if (!(c == 0xc2 && (unsigned char)s[i + 1] < 0xa0))
				fwrite(s + i, 1, (size_t)n, out);
			if (n > 1)
				i += (size_t)n - 1;
		} else if (c == '<')
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
		/* Text of one line may follow "- " in a list item or start
		 * a heading's text, where "1." or "- " would open a block
		 * too: its start is escaped in every mode. */
		line(out, t, len, mode == MODE_BLOCK || first);
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

/* Whether S can go in a code span as it is: a plain identifier. */
static int
plain_id(const char *s)
{
	size_t i;

	for (i = 0; s[i] != '\0'; i++)
		if (!((s[i] >= 'a' && s[i] <= 'z') ||
		    (s[i] >= 'A' && s[i] <= 'Z') ||
		    (s[i] >= '0' && s[i] <= '9') || s[i] == '_' ||
		    s[i] == '-' || s[i] == '.'))
			return 0;
	return i > 0 && i <= 64;
}

void
md_id(FILE *out, const char *s)
{
	if (plain_id(s))
		fprintf(out, "`%s`", s);
	else
		md_inline(out, s);
}

void
md_cell_max(FILE *out, const char *s, size_t max)
{
	size_t i = 0, count = 0, len = strlen(s);
	char *cut;
	int n;

	while (i < len && count < max) {
		n = utf8_valid_len(s + i, len - i);
		i += n > 0 ? (size_t)n : 1;
		count++;
	}
	if (i >= len) {
		md_cell(out, s);
		return;
	}
	if ((cut = malloc(i + 4)) == NULL) {
		md_cell(out, "...");
		return;
	}
	memcpy(cut, s, i);
	memcpy(cut + i, "\xe2\x80\xa6", 4);	/* "…" and the NUL */
	md_cell(out, cut);
	free(cut);
}
