/* export.c - a saved session written out; see export.h. */
#include "config.h"

#include "export.h"
#include "export_adr.h"
#include "export_md.h"
#include "export_yaml.h"

#include <stdlib.h>
#include <string.h>

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
export_doc_load(struct export_doc *d, struct store *st, long long sid,
    const struct model *m, const struct pricing *p, long long now,
    struct err *e)
{
	struct collect x = { .d = d };
	int found;

	memset(d, 0, sizeof *d);
	if ((d->answers = store_load(st, sid, &d->skipped, e)) == NULL)
		return -1;
	/* The times and model live on the session's row. */
	found = d->answers->session != NULL ? store_find(st,
	    d->answers->session, &d->info, e) : 0;
	if (found < 0)
		goto fail;
	if (found == 0 || d->info.id != sid) {
		err_file(e, store_path(st), "the session was renamed or "
		    "deleted meanwhile; export it again");
		goto fail;
	}
	if ((d->arena = arena_new()) == NULL ||
	    (d->result = eval_result_new(m)) == NULL) {
		err_set(e, "out of memory");
		goto fail;
	}
	if (store_history(st, sid, collect_change, &x, e) != 0)
		goto fail;
	if (x.failed) {
		err_set(e, "out of memory");
		goto fail;
	}
	eval_run(m, d->answers->answer, d->answers->weight, d->result);
	d->session = (struct report_session){ .name = d->info.name,
	    .created = d->info.created, .updated = d->info.updated,
	    .model_id = d->info.model_id,
	    .model_version = d->info.model_version,
	    .nchanges = d->session.nchanges, .changes = d->changes };
	d->report = (struct report){ .model = m, .answers = d->answers,
	    .result = d->result, .now = now, .session = &d->session };
	if (p != NULL) {
		struct err ce;

		if (cost_check(p, &d->answers->workload, NULL, &ce) != 0)
			snprintf(d->cost_problem, sizeof d->cost_problem,
			    "%s", ce.msg);
		else if (cost_run(p, m, &d->answers->workload, &d->cost) == 0) {
			d->report.pricing = p;
			d->report.cost = &d->cost;
		} else
			snprintf(d->cost_problem, sizeof d->cost_problem,
			    "the workload cannot be priced");
	}
	return 0;
fail:
	export_doc_free(d);
	return -1;
}

void
export_doc_free(struct export_doc *d)
{
	answers_free(d->answers);
	eval_result_free(d->result);
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

int
export_session_to(struct store *st, long long sid, const struct model *m,
    const struct pricing *p, enum export_format f, const char *path,
    int force, long long now, struct err *e)
{
	struct export_doc d;
	struct outfile o;
	int rc;

	if (export_doc_load(&d, st, sid, m, p, now, e) != 0)
		return -1;
	if ((rc = outfile_open(&o, path, force, e)) != 0) {
		export_doc_free(&d);
		return rc;
	}
	if (export_write(o.fp, f, &d.report, e) != 0) {
		outfile_abort(&o);
		export_doc_free(&d);
		return -1;
	}
	rc = outfile_commit(&o, e);
	export_doc_free(&d);
	return rc;
}
