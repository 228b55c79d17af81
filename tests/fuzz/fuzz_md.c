/* fuzz_md.c - Markdown escaping of text people typed (session names,
 * notes, context) for exports, core/md.c.
 *
 * The first byte picks the writer (inline, table cell, paragraph,
 * paragraph quoted with "> "); the rest, up to a NUL, is the text.  The
 * output must say only what the text says, as text:
 *
 *  - no raw HTML: no '<' or '>' at all, and '&' only in "&lt;", "&gt;",
 *    "&amp;";
 *  - valid UTF-8 without control characters, ASCII or C1 (tabs become
 *    spaces, invalid bytes U+FFFD); inline and cell text on one line;
 *  - every character Markdown could read as syntax anywhere in a line
 *    ('\\', '`', '*', '_', '[', ']', '|', '~', '#') preceded by an odd
 *    number of backslashes, so a '|' never splits a table cell; a
 *    backslash escapes something or, in a paragraph, ends a line as a
 *    hard break before another line of text;
 *  - no line that could open a block (in inline and cell text, the
 *    only line, which may follow "- " or "# "): none starting with a
 *    blank (code), '-', '+' or '=' (lists, setext headings) or one to
 *    nine digits then '.' or ')' then a blank or the end (ordered
 *    lists); in paragraphs no blank line at either end or two in a row,
 *    no trailing blanks (a hard break);
 *  - no character that disguises text (utf8_disguising): each is the
 *    visible "&lt;U+XXXX&gt;"; '$' (GitHub's math) escaped too, and an
 *    emoji shortcode (":x:") only inside a code span of its own;
 *  - nothing lost or made up: the letters and digits (and non-ASCII
 *    characters) of the output, unescaped, are those of the input, its
 *    invalid bytes as U+FFFD and its C1 controls left out (escapes
 *    "<U+...>", disguising characters and combining marks, which may
 *    become escapes, are not compared). */
#include "config.h"

#include "fuzz.h"

#include <string.h>

#include "md.h"
#include "utf8.h"

enum { W_INLINE, W_CELL, W_PARAGRAPH, W_QUOTED, W_COUNT };

static const char quote_prefix[] = "> ";

static int
syntax(unsigned char c)
{
	return c != '\0' && strchr("\\`*_[]|~#$", c) != NULL;
}

/* Characters the writers escape only at a line's start. */
static int
block_start(unsigned char c)
{
	return c != '\0' && strchr("-+=.)", c) != NULL;
}

static int
kept(unsigned char c)
{
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
	    (c >= 'A' && c <= 'Z') || c >= 0x80;
}

/* The kept characters of S (LEN bytes) in OUT (room for 3 * LEN):
 * as the writers are to give them (invalid bytes as U+FFFD, C1 controls
 * left out) when !UNESCAPE; unescaping backslashes and the three
 * entities when UNESCAPE. */
static size_t
content(const char *s, size_t len, int unescape, char *out)
{
	const char *open = unescape ? "&lt;U+" : "<U+";
	const char *close = unescape ? "&gt;" : ">";
	size_t i, o = 0;

	for (i = 0; i < len; i++) {
		size_t ol = strlen(open), h = 0;

		/* An escape, "<U+" four to six hex digits ">". */
		if (i + ol < len && strncmp(s + i, open, ol) == 0) {
			while (i + ol + h < len && h < 6 &&
			    strchr("0123456789ABCDEF", s[i + ol + h]) != NULL &&
			    s[i + ol + h] != '\0')
				h++;
			if (h >= 4 && strncmp(s + i + ol + h, close,
			    strlen(close)) == 0) {
				i += ol + h + strlen(close) - 1;
				continue;
			}
		}
		if ((unsigned char)s[i] >= 0x80) {
			int n = utf8_valid_len(s + i, len - i);
			unsigned int cp = n > 0 ? utf8_decode(s + i, n) : 0;

			if (n > 0 && (utf8_disguising(cp) ||
			    utf8_combining(cp))) {
				i += (size_t)n - 1;
				continue;
			}
		}
		if (!unescape && (unsigned char)s[i] >= 0x80) {
			int n = utf8_valid_len(s + i, len - i);

			if (n == 0) {
				memcpy(out + o, "\xef\xbf\xbd", 3);
				o += 3;
			} else if (!((unsigned char)s[i] == 0xc2 &&
			    (unsigned char)s[i + 1] < 0xa0)) {
				memcpy(out + o, s + i, (size_t)n);
				o += (size_t)n;
			}
			i += (size_t)(n > 0 ? n : 1) - 1;
			continue;
		}
		if (unescape && s[i] == '\\' && i + 1 < len) {
			i++;
		} else if (unescape && s[i] == '&') {
			const char *semi = memchr(s + i, ';', len - i);

			if (semi != NULL) {
				i = (size_t)(semi - s);
				continue;
			}
		}
		if (kept((unsigned char)s[i]))
			out[o++] = s[i];
	}
	return o;
}

static void
check_chars(const char *out, size_t len, int block)
{
	size_t i;

	for (i = 0; i < len; i++) {
		unsigned char c = (unsigned char)out[i];

		FUZZ_ASSERT(c != '<' && c != '>', "raw HTML at %zu:\n%s", i,
		    out);
		FUZZ_ASSERT(c != '&' || strncmp(out + i, "&lt;", 4) == 0 ||
		    strncmp(out + i, "&gt;", 4) == 0 ||
		    strncmp(out + i, "&amp;", 5) == 0, "a bare '&' at %zu:\n%s",
		    i, out);
		FUZZ_ASSERT(c >= 0x20 || (c == '\n' && block),
		    "control character %#x at %zu:\n%s", c, i, out);
		FUZZ_ASSERT(c != 0x7f, "DEL at %zu:\n%s", i, out);
		if (c >= 0x80) {
			int n = utf8_valid_len(out + i, len - i);

			FUZZ_ASSERT(n > 0, "invalid UTF-8 at %zu:\n%s", i, out);
			FUZZ_ASSERT(!utf8_disguising(utf8_decode(out + i, n)),
			    "a disguising character at %zu:\n%s", i, out);
			FUZZ_ASSERT(!(c == 0xc2 &&
			    (unsigned char)out[i + 1] < 0xa0),
			    "a C1 control at %zu:\n%s", i, out);
			i += (size_t)n - 1;
			continue;
		}
		if (c == '`' && i + 1 < len && out[i + 1] == ':') {
			/* A shortcode in its code span: "`:word:`". */
			const char *end = memchr(out + i + 2, ':',
			    len - i - 2);

			FUZZ_ASSERT(end != NULL && (size_t)(end - out) + 1 < len &&
			    end[1] == '`', "a stray backtick at %zu:\n%s", i,
			    out);
			i = (size_t)(end - out) + 1;
			continue;
		}
		if (c == '\\') {
			unsigned char n = i + 1 < len ?
			    (unsigned char)out[i + 1] : '\0';

			FUZZ_ASSERT(syntax(n) || block_start(n) ||
			    (n == '\n' && block), "a lone backslash at %zu:\n%s",
			    i, out);
			i++;	/* the escaped character */
			continue;
		}
		FUZZ_ASSERT(!syntax(c), "unescaped '%c' at %zu:\n%s", c, i,
		    out);
	}
}

/* OUT (LEN bytes) with PREFIX taken off the start of every line, which
 * must have it, in a malloc'd buffer of *BLEN bytes. */
static char *
strip_prefix(const char *out, size_t len, const char *prefix, size_t *blen)
{
	size_t plen = strlen(prefix), i = 0, o = 0;
	char *b = malloc(len + 1);

	FUZZ_ASSERT(b != NULL, "out of memory");
	for (;;) {
		const char *nl = memchr(out + i, '\n', len - i);
		size_t end = nl != NULL ? (size_t)(nl - out) : len;

		FUZZ_ASSERT(end - i >= plen && memcmp(out + i, prefix,
		    plen) == 0, "a line lacks '%s':\n%s", prefix, out);
		memcpy(b + o, out + i + plen, end - i - plen);
		o += end - i - plen;
		if (nl == NULL)
			break;
		b[o++] = '\n';
		i = end + 1;
	}
	b[o] = '\0';
	*blen = o;
	return b;
}

/* A line (LL bytes at L) of OUT opens no block. */
static void
check_start(const char *l, size_t ll, const char *out)
{
	size_t j;

	FUZZ_ASSERT(l[0] != ' ' && l[0] != '\t', "a line starts with a "
	    "blank:\n%s", out);
	FUZZ_ASSERT(l[ll - 1] != ' ', "a line ends with a blank:\n%s", out);
	FUZZ_ASSERT(l[0] != '-' && l[0] != '+' && l[0] != '=',
	    "a line opens a list or a heading:\n%s", out);
	for (j = 0; j < ll && l[j] >= '0' && l[j] <= '9'; j++)
		;
	FUZZ_ASSERT(!(j >= 1 && j <= 9 && j < ll &&
	    (l[j] == '.' || l[j] == ')') &&
	    (j + 1 == ll || l[j + 1] == ' ' || l[j + 1] == '\t')),
	    "a line opens an ordered list:\n%s", out);
}

/* Each line of a paragraph (prefixes taken off). */
static void
check_lines(const char *out, size_t len)
{
	size_t start = 0, n = 0;
	int prev_blank = 0, prev_break = 0;

	/* Nothing to say. */
	if (len == 0)
		return;

	while (start <= len) {
		const char *nl = memchr(out + start, '\n', len - start);
		size_t end = nl != NULL ? (size_t)(nl - out) : len, j;
		const char *l = out + start;
		size_t ll = end - start;
		int blank = ll == 0;

		FUZZ_ASSERT(!(blank && (n == 0 || prev_blank || nl == NULL)),
		    "a needless blank line %zu:\n%s", n, out);
		FUZZ_ASSERT(!(blank && prev_break),
		    "a hard break before a blank line %zu:\n%s", n, out);
		if (!blank)
			check_start(l, ll, out);
		/* A hard break: an odd run of backslashes ends the line. */
		for (j = 0; j < ll && l[ll - 1 - j] == '\\'; j++)
			;
		prev_break = j % 2 == 1;
		FUZZ_ASSERT(!(prev_break && nl == NULL),
		    "a hard break ends the text:\n%s", out);
		prev_blank = blank;
		n++;
		if (nl == NULL)
			break;
		start = end + 1;
	}
}

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *text, *out = NULL, *body, *a, *b, *clean;
	size_t olen = 0, blen, tlen, na, nb, nc, i;
	int w;
	FILE *f;

	if (size == 0)
		return 0;
	w = data[0] % W_COUNT;
	text = malloc(size);
	FUZZ_ASSERT(text != NULL, "out of memory");
	memcpy(text, data + 1, size - 1);
	text[size - 1] = '\0';
	tlen = strlen(text);
	f = open_memstream(&out, &olen);
	FUZZ_ASSERT(f != NULL, "open_memstream");
	switch (w) {
	case W_INLINE:
		md_inline(f, text);
		break;
	case W_CELL:
		md_cell(f, text);
		break;
	case W_PARAGRAPH:
		md_paragraph(f, text);
		break;
	default:
		md_paragraph_prefixed(f, text, quote_prefix);
		break;
	}
	FUZZ_ASSERT(fclose(f) == 0, "fclose");

	/* The quoted writer's prefixes are its own: check what is
	 * between them. */
	body = strip_prefix(out, olen, w == W_QUOTED ? quote_prefix : "",
	    &blen);
	check_chars(body, blen, w >= W_PARAGRAPH);
	if (w >= W_PARAGRAPH)
		check_lines(body, blen);
	else {
		FUZZ_ASSERT(memchr(out, '\n', olen) == NULL,
		    "a line break in inline text:\n%s", out);
		if (blen > 0)
			check_start(body, blen, out);
	}

	a = malloc(3 * tlen + 1);
	b = malloc(blen + 1);
	FUZZ_ASSERT(a != NULL && b != NULL, "out of memory");
	/* The control characters the writers drop are gone from the
	 * output: what they separated may meet there ("<U+20", a control
	 * character, "2E>"). */
	clean = malloc(3 * tlen + 1);
	FUZZ_ASSERT(clean != NULL, "out of memory");
	for (i = 0, nc = 0; i < tlen; i++) {
		unsigned char c = (unsigned char)text[i];
		int n;

		if ((c < 0x20 && c != '\n' && c != '\t') || c == 0x7f)
			continue;
		if (c < 0x80) {
			clean[nc++] = text[i];
			continue;
		}
		/* Invalid bytes first, as the writers do: what is left
		 * must not become a character. */
		if ((n = utf8_valid_len(text + i, tlen - i)) == 0) {
			memcpy(clean + nc, "\xef\xbf\xbd", 3);
			nc += 3;
			continue;
		}
		if (!(c == 0xc2 && (unsigned char)text[i + 1] < 0xa0)) {
			memcpy(clean + nc, text + i, (size_t)n);
			nc += (size_t)n;
		}
		i += (size_t)n - 1;
	}
	na = content(clean, nc, 0, a);
	free(clean);
	nb = content(body, blen, 1, b);
	FUZZ_ASSERT(na == nb && memcmp(a, b, na) == 0,
	    "the text changed:\n%s\n---\n%s", text, out);
	free(a);
	free(b);
	free(body);
	free(out);
	free(text);
	return 0;
}
