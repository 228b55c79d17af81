/* err.c - positioned error messages; see err.h. */
#include "config.h"

#include "err.h"
#include "utf8.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

static void err_vformat(struct err *e, const char *prefix, const char *fmt,
    va_list ap) __attribute__((format(printf, 3, 0)));

static void
err_vformat(struct err *e, const char *prefix, const char *fmt, va_list ap)
{
	size_t n;

	n = (size_t)snprintf(e->msg, sizeof e->msg, "%s", prefix);
	if (n >= sizeof e->msg)
		n = sizeof e->msg - 1;
	vsnprintf(e->msg + n, sizeof e->msg - n, fmt, ap);
}

void
err_set(struct err *e, const char *fmt, ...)
{
	va_list ap;

	if (e == NULL)
		return;
	e->file[0] = '\0';
	e->line = e->col = 0;
	va_start(ap, fmt);
	err_vformat(e, "", fmt, ap);
	va_end(ap);
}

void
err_at(struct err *e, const char *file, int line, int col, const char *fmt,
    ...)
{
	char prefix[ERR_MAX / 2 + 32], q[ERR_MAX / 2];
	va_list ap;

	if (e == NULL)
		return;
	snprintf(e->file, sizeof e->file, "%s", file);
	e->line = line;
	e->col = col;
	err_quote(q, sizeof q, file, strlen(file));
	snprintf(prefix, sizeof prefix, "%s:%d:%d: ", q, line, col);
	va_start(ap, fmt);
	err_vformat(e, prefix, fmt, ap);
	va_end(ap);
}

void
err_file(struct err *e, const char *file, const char *fmt, ...)
{
	char prefix[ERR_MAX / 2 + 8], q[ERR_MAX / 2];
	va_list ap;

	if (e == NULL)
		return;
	snprintf(e->file, sizeof e->file, "%s", file);
	e->line = e->col = 0;
	err_quote(q, sizeof q, file, strlen(file));
	snprintf(prefix, sizeof prefix, "%s: ", q);
	va_start(ap, fmt);
	err_vformat(e, prefix, fmt, ap);
	va_end(ap);
}

void
err_clear(struct err *e)
{
	if (e != NULL)
		memset(e, 0, sizeof *e);
}

/* The character at byte I of the LEN bytes at S as it may be shown, in
 * TMP (*TL bytes): printable text as it is, the control characters in
 * KEEP too; other control characters and invalid bytes as "\x1b";
 * characters that disguise text as "<U+202E>".  Returns its length in
 * S. */
static int
quote_char(const char *s, size_t len, size_t i, const char *keep,
    char tmp[UTF8_ESCAPE_MAX], size_t *tl)
{
	unsigned char c = (unsigned char)s[i];
	int n;

	if ((c >= 0x20 && c < 0x7f) || (c != '\0' && strchr(keep, c))) {
		tmp[0] = (char)c;
		*tl = 1;
		return 1;
	}
	if ((n = utf8_escape_at(s, len, i, tmp)) > 0) {
		*tl = strlen(tmp);
		return n;
	}
	if (c >= 0x80 && (n = utf8_valid_len(s + i, len - i)) > 0) {
		memcpy(tmp, s + i, (size_t)n);
		*tl = (size_t)n;
		return n;
	}
	snprintf(tmp, UTF8_ESCAPE_MAX, "\\x%02x", c);
	*tl = 4;
	return 1;
}

const char *
err_quote(char *buf, size_t size, const char *s, size_t len)
{
	size_t i = 0, o = 0;
	int n;

	if (size == 0)
		return buf;
	while (i < len) {
		char tmp[UTF8_ESCAPE_MAX];
		size_t tl;

		n = quote_char(s, len, i, "", tmp, &tl);
		if (o + tl + 4 > size) {
			/* Room for "..." and the NUL. */
			if (o + 4 <= size) {
				memcpy(buf + o, "...", 3);
				o += 3;
			}
			break;
		}
		memcpy(buf + o, tmp, tl);
		o += tl;
		i += (size_t)n;
	}
	buf[o] = '\0';
	return buf;
}

void
err_write_safe(FILE *out, const char *s, size_t len)
{
	size_t i = 0, tl;
	char tmp[UTF8_ESCAPE_MAX];

	while (i < len) {
		i += (size_t)quote_char(s, len, i, "\n\t", tmp, &tl);
		fwrite(tmp, 1, tl, out);
	}
}
