/* yamlw.c - YAML output through libyaml's emitter; see yamlw.h. */
#include "config.h"

#include "yamlw.h"
#include "utf8.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

static void
emit(struct yamlw *w, yaml_event_t *ev, int ok)
{
	if (!ok) {
		w->failed = 1;
		return;
	}
	if (w->failed) {
		yaml_event_delete(ev);
		return;
	}
	if (!yaml_emitter_emit(&w->em, ev))
		w->failed = 1;
	/* The emitter may hold a few events back to look ahead; only once
	 * it has written them all may it write characters as they are. */
	if (w->escaping && w->em.events.head == w->em.events.tail) {
		yaml_emitter_set_unicode(&w->em, 1);
		w->escaping = 0;
	}
}

int
yamlw_open(struct yamlw *w, FILE *out, struct err *e)
{
	return yamlw_open_doc(w, out, 0, e);
}

int
yamlw_open_doc(struct yamlw *w, FILE *out, int explicit_start,
    struct err *e)
{
	yaml_event_t ev;

	memset(w, 0, sizeof *w);
	if (!yaml_emitter_initialize(&w->em)) {
		err_set(e, "out of memory");
		return -1;
	}
	w->open = 1;
	yaml_emitter_set_output_file(&w->em, out);
	yaml_emitter_set_unicode(&w->em, 1);
	yaml_emitter_set_width(&w->em, -1);
	yaml_emitter_set_indent(&w->em, 2);
	emit(w, &ev, yaml_stream_start_event_initialize(&ev,
	    YAML_UTF8_ENCODING));
	emit(w, &ev, yaml_document_start_event_initialize(&ev, NULL, NULL,
	    NULL, !explicit_start));
	return 0;
}

int
yamlw_close(struct yamlw *w, struct err *e)
{
	yaml_event_t ev;
	int failed;

	emit(w, &ev, yaml_document_end_event_initialize(&ev, 1));
	emit(w, &ev, yaml_stream_end_event_initialize(&ev));
	if (!w->failed && !yaml_emitter_flush(&w->em))
		w->failed = 1;
	failed = w->failed;
	if (failed)
		err_set(e, "cannot write YAML: %s", w->em.problem ?
		    w->em.problem : "write error");
	if (w->open)
		yaml_emitter_delete(&w->em);
	w->open = 0;
	return failed ? -1 : 0;
}

void
yamlw_map(struct yamlw *w, int flow)
{
	yaml_event_t ev;

	emit(w, &ev, yaml_mapping_start_event_initialize(&ev, NULL, NULL, 1,
	    flow ? YAML_FLOW_MAPPING_STYLE : YAML_BLOCK_MAPPING_STYLE));
}

void
yamlw_map_end(struct yamlw *w)
{
	yaml_event_t ev;

	emit(w, &ev, yaml_mapping_end_event_initialize(&ev));
}

void
yamlw_seq(struct yamlw *w, int flow)
{
	yaml_event_t ev;

	emit(w, &ev, yaml_sequence_start_event_initialize(&ev, NULL, NULL, 1,
	    flow ? YAML_FLOW_SEQUENCE_STYLE : YAML_BLOCK_SEQUENCE_STYLE));
}

void
yamlw_seq_end(struct yamlw *w)
{
	yaml_event_t ev;

	emit(w, &ev, yaml_sequence_end_event_initialize(&ev));
}

void
yamlw_quote_dashes(struct yamlw *w)
{
	w->dashes_quoted = 1;
}

void
yamlw_undash(FILE *out, const char *buf, size_t len)
{
	size_t i;

	/* Inside a double-quoted scalar a '-' is only ever itself: escapes
	 * are a backslash and letters or hex digits. */
	for (i = 0; i < len; i++)
		if (buf[i] == '-' && ((i + 1 < len && buf[i + 1] == '-') ||
		    (i > 0 && buf[i - 1] == '-')))
			fputs("\\x2D", out);
		else
			fputc(buf[i], out);
}

static void
scalar(struct yamlw *w, const char *s, yaml_scalar_style_t style)
{
	yaml_event_t ev;

	if (w->dashes_quoted && strstr(s, "--") != NULL)
		style = YAML_DOUBLE_QUOTED_SCALAR_STYLE;

	emit(w, &ev, yaml_scalar_event_initialize(&ev, NULL, NULL,
	    (yaml_char_t *)(uintptr_t)s, (int)strlen(s), 1, 1, style));
}

void
yamlw_key(struct yamlw *w, const char *s)
{
	scalar(w, s, YAML_ANY_SCALAR_STYLE);
}

/* Whether plain S would be read back as something other than the text:
 * null, a boolean, a number, or YAML 1.1's other implicit types. */
static int
needs_quotes(const char *s)
{
	static const char *const words[] = { "~", "null", "true", "false",
	    "yes", "no", "on", "off", "y", "n", ".nan", ".inf", "-.inf",
	    "+.inf", "<<", "=", NULL };
	char *end;
	size_t i, len = strlen(s);

	if (len == 0)
		return 1;
	for (i = 0; words[i] != NULL; i++)
		if (strcasecmp(s, words[i]) == 0)
			return 1;
	(void)strtod(s, &end);
	if (*end == '\0')
		return 1;
	/* Things like 0x1f, 1_000, 12:30 (sexagesimal), dates. */
	if ((s[0] >= '0' && s[0] <= '9') || s[0] == '-' || s[0] == '+' ||
	    s[0] == '.')
		return 1;
	return 0;
}

/* Whether S holds a character that can disguise text. */
static int
disguised(const char *s)
{
	size_t i, len = strlen(s);
	int n;

	for (i = 0; i < len; i += (size_t)(n > 0 ? n : 1))
		if ((n = utf8_valid_len(s + i, len - i)) > 1 &&
		    utf8_disguising(utf8_decode(s + i, n)))
			return 1;
	return 0;
}

void
yamlw_text(struct yamlw *w, const char *s)
{
	yaml_scalar_style_t style = YAML_ANY_SCALAR_STYLE;

	if (strchr(s, '\n') != NULL) {
		size_t len = strlen(s);

		/* A literal block keeps line breaks as written; libyaml falls
		 * back to quoting where it cannot. */
		style = len > 0 && s[len - 1] != ' ' && s[0] != ' ' ?
		    YAML_LITERAL_SCALAR_STYLE : YAML_DOUBLE_QUOTED_SCALAR_STYLE;
	} else if (needs_quotes(s))
		style = YAML_DOUBLE_QUOTED_SCALAR_STYLE;
	if (disguised(s)) {
		/* libyaml escapes what it deems unprintable, and with unicode
		 * off every non-ASCII character: these too, then. */
		style = YAML_DOUBLE_QUOTED_SCALAR_STYLE;
		yaml_emitter_set_unicode(&w->em, 0);
		w->escaping = 1;
	}
	scalar(w, s, style);
}

const char *
yamlw_fmt_num(char *buf, size_t size, double v, int decimals)
{
	char *p;

	if (!isfinite(v))
		v = 0;
	snprintf(buf, size, "%.*f", decimals, v);
	if (strchr(buf, '.') != NULL) {
		p = buf + strlen(buf) - 1;
		while (*p == '0')
			*p-- = '\0';
		if (*p == '.')
			*p = '\0';
	}
	if (strcmp(buf, "-0") == 0)
		snprintf(buf, size, "0");
	return buf;
}

void
yamlw_num(struct yamlw *w, double v, int decimals)
{
	char buf[64];

	scalar(w, yamlw_fmt_num(buf, sizeof buf, v, decimals),
	    YAML_PLAIN_SCALAR_STYLE);
}

void
yamlw_fixed(struct yamlw *w, double v, int decimals)
{
	char buf[64];

	if (!isfinite(v))
		v = 0;
	snprintf(buf, sizeof buf, "%.*f", decimals, v);
	if (buf[0] == '-' && strspn(buf + 1, "0.") == strlen(buf + 1))
		memmove(buf, buf + 1, strlen(buf));	/* no "-0.00" */
	scalar(w, buf, YAML_PLAIN_SCALAR_STYLE);
}

void
yamlw_int(struct yamlw *w, long long v)
{
	char buf[32];

	snprintf(buf, sizeof buf, "%lld", v);
	scalar(w, buf, YAML_PLAIN_SCALAR_STYLE);
}

void
yamlw_bool(struct yamlw *w, int v)
{
	scalar(w, v ? "true" : "false", YAML_PLAIN_SCALAR_STYLE);
}

void
yamlw_null(struct yamlw *w)
{
	scalar(w, "null", YAML_PLAIN_SCALAR_STYLE);
}
