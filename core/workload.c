/* workload.c - the workload figure table; see workload.h. */
#include "config.h"

#include "workload.h"
#include "utf8.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const wl_providers[] = { "aws", "gcp", "azure", NULL };
static const char *const wl_archs[] = { "x86_64", "arm64", NULL };
static const char *const wl_gateways[] = { "none", "http", "rest", NULL };
static const char *const wl_plans[] = { "current", "legacy", NULL };
static const char *const wl_supports[] = { "standard", "extended", NULL };

/* The choice lists and the enums in workload.h must agree. */
_Static_assert(sizeof wl_providers / sizeof *wl_providers ==
    WL_NPROVIDERS + 1, "wl_providers and enum wl_provider differ");
_Static_assert(sizeof wl_archs / sizeof *wl_archs == WL_NARCHS + 1,
    "wl_archs and enum wl_arch differ");
_Static_assert(sizeof wl_gateways / sizeof *wl_gateways == WL_NGATEWAYS + 1,
    "wl_gateways and enum wl_gateway differ");
_Static_assert(sizeof wl_plans / sizeof *wl_plans == WL_NPLANS + 1,
    "wl_plans and enum wl_plan differ");
_Static_assert(sizeof wl_supports / sizeof *wl_supports == WL_NSUPPORTS + 1,
    "wl_supports and enum wl_support differ");

const struct wl_field wl_fields[WL_NFIELDS] = {
#define WL_ROW(name, k, kd, d, lo, hi, in, ch, u, lb) \
	[WL_##name] = { .key = k, .kind = kd, .def = d, .min = lo, .max = hi, \
	    .integer = in, .choices = ch, .unit = u, .label = lb },
	WL_FIELDS(WL_ROW)
#undef WL_ROW
};

void
workload_defaults(struct workload *w)
{
	int f;

	memset(w, 0, sizeof *w);
	for (f = 0; f < WL_NFIELDS; f++)
		w->num[f] = wl_fields[f].def;
}

int
workload_field(const char *key)
{
	int f;

	for (f = 0; f < WL_NFIELDS; f++)
		if (strcmp(wl_fields[f].key, key) == 0)
			return f;
	return -1;
}

static int
parse_number(const struct wl_field *fd, const char *text, double *out,
    char *msg, size_t msgsize)
{
	char *end;
	double v;

	errno = 0;
	v = strtod(text, &end);
	if (end == text || *end != '\0' || !isfinite(v) || errno == ERANGE ||
	    strpbrk(text, "xXnN ") != NULL) {
		snprintf(msg, msgsize, "%s must be a number", fd->key);
		return -1;
	}
	if (fd->integer && v != floor(v)) {
		snprintf(msg, msgsize, "%s must be a whole number", fd->key);
		return -1;
	}
	if (v < fd->min || v > fd->max) {
		snprintf(msg, msgsize, "%s must be between %.15g and %.15g, "
		    "not %s", fd->key, fd->min, fd->max, text);
		return -1;
	}
	*out = v;
	return 0;
}

int
workload_parse(struct workload *w, int f, const char *text, char *msg,
    size_t msgsize)
{
	const struct wl_field *fd = &wl_fields[f];
	size_t i, o, len = strlen(text);
	double v = 0;

	switch (fd->kind) {
	case WL_NUMBER:
		if (parse_number(fd, text, &v, msg, msgsize) != 0)
			return -1;
		break;
	case WL_BOOL:
		if (strcmp(text, "true") == 0 || strcmp(text, "yes") == 0 ||
		    strcmp(text, "on") == 0)
			v = 1;
		else if (strcmp(text, "false") == 0 ||
		    strcmp(text, "no") == 0 || strcmp(text, "off") == 0)
			v = 0;
		else {
			snprintf(msg, msgsize, "%s must be true or false",
			    fd->key);
			return -1;
		}
		break;
	case WL_CHOICE:
		for (i = 0; fd->choices[i] != NULL; i++)
			if (strcmp(fd->choices[i], text) == 0)
				break;
		if (fd->choices[i] == NULL) {
			o = (size_t)snprintf(msg, msgsize, "%s must be one of",
			    fd->key);
			for (i = 0; fd->choices[i] != NULL && o < msgsize; i++)
				o += (size_t)snprintf(msg + o, msgsize - o,
				    "%s %s", i ? "," : "", fd->choices[i]);
			return -1;
		}
		v = (double)i;
		break;
	case WL_TEXT:
		if (len >= WL_TEXT_MAX || !utf8_printable(text, len, NULL)) {
			snprintf(msg, msgsize, "%s must be printable text of at "
			    "most %d bytes", fd->key, WL_TEXT_MAX - 1);
			return -1;
		}
		memcpy(w->text[f], text, len + 1);
		break;
	}
	w->num[f] = v;
	w->set |= 1u << f;
	return 0;
}

const char *
workload_format(const struct workload *w, int f, char *buf, size_t size)
{
	const struct wl_field *fd = &wl_fields[f];

	switch (fd->kind) {
	case WL_NUMBER:
		/* -0 is 0: a figure reads the same however it was typed. */
		snprintf(buf, size, "%.15g", w->num[f] == 0 ? 0.0 :
		    w->num[f]);
		break;
	case WL_BOOL:
		snprintf(buf, size, "%s", w->num[f] != 0 ? "true" : "false");
		break;
	case WL_CHOICE:
		snprintf(buf, size, "%s", fd->choices[(int)w->num[f]]);
		break;
	case WL_TEXT:
		snprintf(buf, size, "%s", w->text[f]);
		break;
	}
	return buf;
}
