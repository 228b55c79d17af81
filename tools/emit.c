/* emit.c - writing C source from the build's generators; see emit.h. */
#include "config.h"

#include "emit.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

void
emit_literal(FILE *f, const char *s, size_t len, const char *indent)
{
	size_t i, col = 0;

	fprintf(f, "\"");
	for (i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c == '\\' || c == '"')
			col += (size_t)fprintf(f, "\\%c", c);
		else if (c == '\n')
			col += (size_t)fprintf(f, "\\n");
		else if (c == '\t')
			col += (size_t)fprintf(f, "\\t");
		else if (c >= 0x20 && c < 0x7f && c != '?')
			col += (size_t)fprintf(f, "%c", c);
		else	/* '?' too: no trigraphs */
			col += (size_t)fprintf(f, "\\%03o", c);
		if ((c == '\n' || col >= 72) && i + 1 < len) {
			fprintf(f, "\"\n%s\"", indent);
			col = 0;
		}
	}
	fprintf(f, "\"");
}

void
emit_string(FILE *f, const char *s)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *m;

	if (s == NULL) {
		fputs("NULL", f);
		return;
	}
	/* A literal broken over lines is several literals in a row, which
	 * clang (-Wstring-concatenation) takes for a missing comma in a
	 * list of strings: in parentheses it is one expression. */
	if ((m = open_memstream(&buf, &len)) == NULL) {
		fputs("data2c: out of memory\n", stderr);
		exit(1);
	}
	emit_literal(m, s, strlen(s), "\t    ");
	if (fclose(m) != 0) {
		fputs("data2c: out of memory\n", stderr);
		exit(1);
	}
	fprintf(f, strchr(buf, '\n') != NULL ? "(%s)" : "%s", buf);
	free(buf);
}

void
emit_chars(FILE *f, const char *s)
{
	emit_literal(f, s, strlen(s), "\t    ");
}

void
emit_double(FILE *f, double v)
{
	/* %a is exact; 0 reads better than 0x0p+0. */
	if (v == 0 && !signbit(v))
		fputs("0", f);
	else
		fprintf(f, "%a", v);
}
