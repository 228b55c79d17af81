/* emit.c - writing C source from the build's generators; see emit.h. */
#include "config.h"

#include "emit.h"

#include <math.h>
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
	if (s == NULL)
		fputs("NULL", f);
	else
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
