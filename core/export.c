/* export.c - a saved session written out; see export.h. */
#include "config.h"

#include "export.h"
#include "chart.h"
#include "export_adr.h"
#include "export_md.h"
#include "export_yaml.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static const char *const format_names[EXPORT_NFORMATS] = {
	[EXPORT_MARKDOWN] = "markdown",
	[EXPORT_ADR] = "adr",
	[EXPORT_YAML] = "yaml",
};

int
export_format_parse(const char *s, enum export_format *f)
{
	int i;

	if (s != NULL && strcmp(s, "md") == 0)
		s = "markdown";
	for (i = 0; s != NULL && i < EXPORT_NFORMATS; i++)
		if (strcmp(s, format_names[i]) == 0) {
			*f = (enum export_format)i;
			return 0;
		}
	return -1;
}

const char *
export_format_name(enum export_format f)
{
	return f >= 0 && f < EXPORT_NFORMATS ? format_names[f] : "unknown";
}

#define FILE_NAME_MAX 100

const char *
export_file_name(const char *name, char *buf, size_t size)
{
	size_t n = 0, max;
	const unsigned char *p;

	if (size < 2) {
		if (size == 1)
			buf[0] = '\0';
		return buf;
	}
	max = size - 1;
	if (max > FILE_NAME_MAX)
		max = FILE_NAME_MAX;
	for (p = (const unsigned char *)name; *p != '\0' && n < max; p++) {
		int keep = (*p >= 'a' && *p <= 'z') || (*p >= 'A' &&
		    *p <= 'Z') || (*p >= '0' && *p <= '9') || *p == '_' ||
		    *p == '.' || *p == '-';
		char c = keep ? (char)*p : '-';

		/* Nothing may lead with '.' or '-'. */
		if (n == 0 && (c == '.' || c == '-'))
			continue;
		if (c == '-' && buf[n - 1] == '-')
			continue;
		buf[n++] = c;
	}
	while (n > 0 && (buf[n - 1] == '-' || buf[n - 1] == '.'))
		n--;
	buf[n] = '\0';
	if (n == 0)
		snprintf(buf, size, "session");
	return buf;
}

const char *
export_default_path(const char *name, enum export_format f, char *buf,
    size_t size)
{
	static const char *const suffix[EXPORT_NFORMATS] = {
		[EXPORT_MARKDOWN] = ".md",
		[EXPORT_ADR] = "-adr.md",
		[EXPORT_YAML] = ".yaml",
	};
	char safe[FILE_NAME_MAX + 1];

	snprintf(buf, size, "./%s%s", export_file_name(name, safe,
	    sizeof safe), f >= 0 && f < EXPORT_NFORMATS ? suffix[f] : "");
	return buf;
}

/* Collecting the history -------------------------------------------------- */

struct collect {
	struct export_doc *d;
	int cap;
	int failed;
};

static const char *
keep(struct arena *a, const char *s, int *failed)
{
	const char *c;

	if (s == NULL)
		return NULL;
	if ((c = arena_strdup(a, s)) == NULL)
		*failed = 1;
	return c;
}

static int
collect_change(const struct store_change *c, void *arg)
{
	struct collect *x = arg;
	struct export_doc *d = x->d;
	struct report_change *nv, *r;

	if (d->session.nchanges == x->cap) {
		int cap = x->cap ? x->cap * 2 : 64;

		if ((nv = realloc(d->changes, (size_t)cap * sizeof *nv)) ==
		    NULL) {
			x->failed = 1;
			return 1;
		}
		d->changes = nv;
		x->cap = cap;
	}
	r = &d->changes[d->session.nchanges++];
	r->time = c->time;
	r->user = keep(d->arena, c->user, &x->failed);
	r->field = keep(d->arena, c->field, &x->failed);
	r->old = keep(d->arena, c->old, &x->failed);
	r->new = keep(d->arena, c->new, &x->failed);
	r->undo = c->undoes != 0;
	if (r->user == NULL)
		r->user = "";
	if (r->field == NULL)
		r->field = "";
	return x->failed;
}

int
export_doc_load(struct export_doc *d, const struct session *s,
    struct err *e)
{
	struct collect x = { .d = d };
	struct store_session now;
	int rc;

	memset(d, 0, sizeof *d);
	d->s = s;
	/* Its history goes with it: a deleted session has none to give. */
	if ((rc = store_find_id(s->store, s->info.id, &now, e)) <= 0) {
		if (rc == 0)
			err_file(e, store_path(s->store), "session '%s' no "
			    "longer exists; it was deleted meanwhile",
			    s->info.name);
		return -1;
	}
	if ((d->arena = arena_new()) == NULL) {
		err_set(e, "out of memory");
		return -1;
	}
	if (store_history(s->store, s->info.id, collect_change, &x, e) != 0)
		goto fail;
	if (x.failed) {
		err_set(e, "out of memory");
		goto fail;
	}
	d->session = (struct report_session){ .name = s->info.name,
	    .created = s->info.created, .updated = s->info.updated,
	    .model_id = s->info.model_id,
	    .model_version = s->info.model_version,
	    .nchanges = d->session.nchanges, .changes = d->changes };
	session_report(s, &d->report);
	d->report.session = &d->session;
	return 0;
fail:
	export_doc_free(d);
	return -1;
}

void
export_doc_free(struct export_doc *d)
{
	free(d->changes);
	arena_free(d->arena);
	memset(d, 0, sizeof *d);
}

int
export_write(FILE *out, enum export_format f, const struct report *r,
    struct err *e)
{
	switch (f) {
	case EXPORT_MARKDOWN:
		return export_md(out, r, e);
	case EXPORT_ADR:
		return export_adr(out, r, e);
	case EXPORT_YAML:
		return export_yaml(out, r->answers, e);
	case EXPORT_NFORMATS:
		break;
	}
	err_set(e, "unknown export format");
	return -1;
}

const char *
export_chart_path(const char *path, char *buf, size_t size)
{
	const char *base = strrchr(path, '/'), *dot;
	size_t stem;

	base = base != NULL ? base + 1 : path;
	dot = strrchr(base, '.');
	/* "notes" and ".md" keep their whole name as the stem. */
	stem = dot != NULL && dot > base ? (size_t)(dot - path) : strlen(path);
	if (snprintf(buf, size, "%.*s-cost.svg", (int)stem, path) >=
	    (int)size)
		return NULL;
	return buf;
}

/* The file name at the end of PATH as a relative URL in BUF: every byte
 * but letters, digits and "-._~" percent-encoded, so no name can end
 * the Markdown link or the HTML attribute early. */
static const char *
href(const char *path, char *buf, size_t size)
{
	static const char hex[] = "0123456789ABCDEF";
	const char *base = strrchr(path, '/');
	const unsigned char *p;
	size_t n = 0;

	base = base != NULL ? base + 1 : path;
	for (p = (const unsigned char *)base; *p != '\0' && n + 4 < size; p++)
		if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
		    (*p >= '0' && *p <= '9') || strchr("-._~", *p) != NULL)
			buf[n++] = (char)*p;
		else {
			buf[n++] = '%';
			buf[n++] = hex[*p >> 4];
			buf[n++] = hex[*p & 15];
		}
	buf[n] = '\0';
	return buf;
}

/* Write R in format F to O, and the chart to C when C is not NULL. */
static int
write_both(struct outfile *o, struct outfile *c, enum export_format f,
    const struct report *r, struct err *e)
{
	int rc;

	if (export_write(o->fp, f, r, e) != 0 ||
	    (c != NULL && chart_svg(c->fp, r, e) != 0))
		return -1;
	/* The chart first: the summary never points at a missing one. */
	if (c != NULL && (rc = outfile_commit(c, e)) != 0)
		return rc;
	return outfile_commit(o, e);
}

int
export_files(struct report *r, enum export_format f, const char *path,
    unsigned flags, struct err *e)
{
	struct outfile o, c;
	char cpath[PATH_MAX], link[3 * NAME_MAX + 1];
	int force = (flags & EXPORT_FORCE) != 0, rc;
	int chart = (flags & EXPORT_CHART) && f == EXPORT_MARKDOWN &&
	    path != NULL && strcmp(path, "-") != 0 && r->cost != NULL &&
	    r->pricing != NULL;

	if (chart && (export_chart_path(path, cpath, sizeof cpath) == NULL ||
	    strlen(strrchr(cpath, '/') != NULL ? strrchr(cpath, '/') + 1 :
	    cpath) > NAME_MAX)) {
		err_file(e, path, "the name is too long for the chart beside "
		    "it (use a shorter name, or --no-chart)");
		return -1;
	}
	if ((rc = outfile_open(&o, path, force, e)) != 0)
		return rc;
	if (chart && (rc = outfile_open(&c, cpath, force, e)) != 0) {
		struct stat sb;

		outfile_abort(&o);
		/* Not the advice for -o: this is the chart's path. */
		if (rc == -1 && lstat(cpath, &sb) == 0 && !S_ISREG(sb.st_mode) &&
		    !S_ISLNK(sb.st_mode) && !S_ISDIR(sb.st_mode))
			err_file(e, cpath, "is not a regular file; move it away, "
			    "or leave the chart out with --no-chart");
		return rc;
	}
	r->chart_href = chart ? href(cpath, link, sizeof link) : NULL;
	rc = write_both(&o, chart ? &c : NULL, f, r, e);
	r->chart_href = NULL;
	if (rc != 0) {
		outfile_abort(&o);
		if (chart)
			outfile_abort(&c);
	}
	return rc;
}

int
export_session_to(const struct session *s, enum export_format f,
    const char *path, int force, struct err *e)
{
	struct export_doc d;
	int rc;

	if (export_doc_load(&d, s, e) != 0)
		return -1;
	rc = export_files(&d.report, f, path, EXPORT_CHART |
	    (force ? EXPORT_FORCE : 0), e);
	export_doc_free(&d);
	return rc;
}
