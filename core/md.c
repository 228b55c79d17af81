/* md.c - escaping user text for GFM; see md.h. */
#include "config.h"

#include "md.h"
#include "utf8.h"

#include <stdlib.h>
#include <string.h>

enum { MODE_INLINE, MODE_CELL, MODE_BLOCK };

/* Punctuation that Markdown or its GFM extensions could read as
 * syntax anywhere in a line (with '[' and ']' escaped, '!' and '()'
 * cannot make a link or an image; '$' opens GitHub's math). */
static int
special(unsigned char c)
{
	return c != '\0' && strchr("\\`*_[]|~$", c) != NULL;
}

/* The length of the character at byte I of S (LEN bytes) when the
 * writers drop it, else 0: control characters other than the tab
 * (which becomes a space) and the line break (which separates lines),
 * ASCII or C1 (U+0080-U+009F). */
static size_t
dropped_at(const char *s, size_t len, size_t i)
{
	unsigned char c = (unsigned char)s[i];

	if ((c < 0x20 && c != '\t' && c != '\n') || c == 0x7f)
		return 1;
	if (c == 0xc2 && i + 1 < len && (unsigned char)s[i + 1] >= 0x80 &&
	    (unsigned char)s[i + 1] < 0xa0)
		return 2;
	return 0;
}

/* Whether byte I of the line (LEN bytes at S, which starts with a
 * character that shows) starts something only at a line's start: a
 * list item or thematic break ("-", "+"), a setext underline ("="), an
 * ordered list item ("1. ", "12) ", "3." alone; not "1.0").  Dropped
 * characters do not count: they are not there in the output. */
static int
opens_block(const char *s, size_t len, size_t i)
{
	size_t j, n, digits = 0;

	if (i == 0)
		return strchr("+-=", s[0]) != NULL;
	if (s[i] != '.' && s[i] != ')')
		return 0;
	for (j = 0; j < i; j += n ? n : 1) {
		if ((n = dropped_at(s, len, j)) > 0)
			continue;
		if (s[j] < '0' || s[j] > '9')
			return 0;
		digits++;
	}
	if (digits == 0 || digits > 9)
		return 0;
	/* What shows next: nothing, or a blank. */
	for (j = i + 1; j < len && (n = dropped_at(s, len, j)) > 0; j += n)
		;
	return j == len || s[j] == ' ' || s[j] == '\t';
}

/* Skip blanks (leading ones would make an indented code block, trailing
 * ones a hard break) and dropped characters at both ends, so the line
 * starts and ends with what shows; returns the length left. */
static size_t
trim(const char **s, size_t len)
{
	size_t n;

	while (len > 0) {
		if (**s == ' ' || **s == '\t')
			n = 1;
		else if ((n = dropped_at(*s, len, 0)) == 0)
			break;
		*s += n;
		len -= n;
	}
	while (len > 0) {
		unsigned char c = (unsigned char)(*s)[len - 1];

		if (c == ' ' || c == '\t' || dropped_at(*s, len, len - 1) == 1)
			len--;
		else if (len >= 2 && dropped_at(*s, len, len - 2) == 2)
			len -= 2;
		else
			break;
	}
	return len;
}

/* The length of the GitHub emoji shortcode (":word:", the word of
 * letters, digits, '_', '+' or '-') at byte I of the LEN bytes at S, or
 * 0. */
static size_t
shortcode_at(const char *s, size_t len, size_t i)
{
	size_t j;

	if (s[i] != ':')
		return 0;
	for (j = i + 1; j < len && ((s[j] >= 'a' && s[j] <= 'z') ||
	    (s[j] >= 'A' && s[j] <= 'Z') || (s[j] >= '0' && s[j] <= '9') ||
	    s[j] == '_' || s[j] == '+' || s[j] == '-'); j++)
		;
	return j > i + 1 && j < len && s[j] == ':' ? j + 1 - i : 0;
}

/* Write one line (LEN bytes at S) escaped; AT_START when it begins a
 * line of the document, where more characters are syntax. */
static void
line(FILE *out, const char *s, size_t len, int at_start)
{
	char esc[UTF8_ESCAPE_MAX];
	size_t i, k;

	for (i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];

		if (dropped_at(s, len, i) == 2)
			i++;
		else if ((k = (size_t)utf8_escape_at(s, len, i, esc)) > 0) {
			/* Shown for what it is, as "<U+202E>". */
			fprintf(out, "&lt;%.*s&gt;", (int)strlen(esc) - 2,
			    esc + 1);
			i += k - 1;
		} else if ((k = shortcode_at(s, len, i)) > 0) {
			/* GitHub turns ":x:" into an emoji whatever the
			 * escapes; not inside a code span. */
			fprintf(out, "`%.*s`", (int)k, s + i);
			i += k - 1;
		} else if (c >= 0x80) {
			/* Invalid UTF-8 says nothing a reader could use;
			 * everything else is kept. */
			int n = utf8_valid_len(s + i, len - i);

			if (n == 0)
				fputs("\xef\xbf\xbd", out);
			else
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
		else if (dropped_at(s, len, i) == 1)
			continue;
		else if (special(c) || c == '#' ||
		    (at_start && opens_block(s, len, i))) {
			fputc('\\', out);
			fputc(c, out);
		} else
			fputc(c, out);
	}
}

/* The lines of S, each trimmed; lines with nothing to show are blank.
 * Blank lines before the first line of text and after the last say
 * nothing.  Between two lines of text: a space (inline), " / " (cell),
 * or in a block a hard break, or a new paragraph where there were blank
 * lines. */
static void
text(FILE *out, const char *s, int mode, const char *prefix)
{
	int started = 0, blank = 0;

	for (;;) {
		const char *nl = strchr(s, '\n');
		size_t raw = nl != NULL ? (size_t)(nl - s) : strlen(s), len;
		const char *t = s;

		len = trim(&t, raw);
		if (len == 0)
			blank = started;
		else {
			if (started && mode == MODE_CELL)
				fputs(" / ", out);
			else if (started && mode == MODE_INLINE)
				fputc(' ', out);
			else if (started && blank)
				fprintf(out, "\n%s\n%s", prefix, prefix);
			else if (started)
				fprintf(out, "\\\n%s", prefix);
			/* The first line may follow "- " in a list item or
			 * start a heading's text, where "1." or "- " would
			 * open a block too: its start is escaped in every
			 * mode. */
			line(out, t, len, mode == MODE_BLOCK || !started);
			started = 1;
			blank = 0;
		}
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

/* The start of a section folded in a <details> block, which GitHub and
 * GitLab draw closed with SUMMARY to open it; elsewhere the HTML is
 * dropped and the section reads as it is.  SUMMARY is made here, never
 * user text. */
void
md_fold(FILE *out, const char *summary)
{
	fprintf(out, "<details>\n<summary>%s</summary>\n", summary);
}

void
md_unfold(FILE *out)
{
	fputs("\n</details>\n", out);
}
