/* cmd_eval.c - the headless commands that read files: eval and check. */
#include "config.h"

#include "cli.h"

#include "answers.h"
#include "check.h"
#include "cost.h"
#include "eval.h"
#include "export_md.h"
#include "report.h"
#include "session.h"
#include "store.h"
#include "theme.h"

#include <limits.h>
#include <stdio.h>
#include <string.h>

enum format { FORMAT_TEXT, FORMAT_YAML, FORMAT_MARKDOWN };

static int
parse_format(const char *s, enum format *f)
{
	char q[128];

	if (s == NULL || strcmp(s, "text") == 0)
		*f = FORMAT_TEXT;
	else if (strcmp(s, "yaml") == 0)
		*f = FORMAT_YAML;
	else if (strcmp(s, "markdown") == 0 || strcmp(s, "md") == 0)
		*f = FORMAT_MARKDOWN;
	else
		return cli_usage_error("unknown format '%s' (expected yaml, "
		    "markdown or text)", cli_quote(q, sizeof q, s));
	return EXIT_OK;
}

/* Write the report of S in FORMAT to standard output. */
static int
write_report(const struct session *s, enum format format)
{
	struct report rep;
	struct err e;
	int rc = -1;

	session_report(s, &rep);
	switch (format) {
	case FORMAT_YAML:
		rc = report_yaml(stdout, &rep, &e);
		break;
	case FORMAT_MARKDOWN:
		rc = export_md(stdout, &rep, &e);
		break;
	case FORMAT_TEXT: {
		struct cli_text t;

		if (cli_text_open(&t) == NULL)
			return cli_fail("out of memory");
		rc = report_text(t.fp, &rep, &e);
		if (cli_text_close(&t) != 0 && rc == 0) {
			err_set(&e, "out of memory");
			rc = -1;
		}
		break;
	}
	}
	return rc == 0 ? EXIT_OK : cli_fail("%s", e.msg);
}

/* Evaluate the answers file at PATH (or, with SPEC, the session or
 * milestone it names) and write it in FORMAT. */
static int
evaluate(const struct cli *c, const char *path, const char *spec,
    enum format format)
{
	struct cli_target t;
	struct store *st = NULL;
	struct model *m;
	struct pricing *p = NULL;
	struct answers *a;
	struct session s;
	struct err e;
	long long now;
	int rc;

	memset(&s, 0, sizeof s);
	if ((rc = cli_now(&now)) != EXIT_OK)
		return rc;
	if ((m = cli_load_model(c)) == NULL)
		return EXIT_FAIL;
	rc = EXIT_FAIL;
	if ((p = cli_load_pricing(c)) == NULL)
		goto out;
	if (session_init(&s, m, p, now, &e) != 0) {
		cli_fail("%s", e.msg);
		goto out;
	}
	if (spec != NULL) {
		rc = cli_load_target(c, m, p, &st, spec, 0, &a, &t);
		store_close(st);
		if (rc != EXIT_OK)
			goto out;
		rc = EXIT_FAIL;
	} else if ((a = answers_load(m, path, &e)) == NULL) {
		cli_fail("%s", e.msg);
		goto out;
	}
	if (session_use_answers(&s, a, &e) != 0) {
		cli_fail("%s", e.msg);
		goto out;
	}
	rc = write_report(&s, format);
out:
	session_fini(&s);
	pricing_free(p);
	model_free(m);
	return rc;
}

int
cmd_eval(struct cli *c)
{
	enum format f = FORMAT_TEXT;
	int rc;

	if ((rc = parse_format(c->value[OPT_FORMAT], &f)) != EXIT_OK)
		return rc;
	if (c->value[OPT_ANSWERS] != NULL && c->value[OPT_SESSION] != NULL)
		return cli_usage_error("eval takes --answers FILE or --session "
		    "NAME[@LABEL], not both");
	if (c->value[OPT_ANSWERS] == NULL && c->value[OPT_SESSION] == NULL)
		return cli_usage_error("eval needs --answers FILE or --session "
		    "NAME[@LABEL]");
	return evaluate(c, c->value[OPT_ANSWERS], c->value[OPT_SESSION], f);
}

/* What check_one needs besides the file: the model and price list in
 * use (NULL when they did not load) and why they did not. */
struct check_ctx {
	const struct model *model;
	const struct pricing *pricing;
	const struct err *model_err, *pricing_err;
};

/* Check FILE and print its summary; EXIT_OK or EXIT_FAIL. */
static int
check_one(const char *file, const struct check_ctx *x)
{
	char summary[512];
	enum check_kind kind;
	struct err e;

	if (check_file_priced(file, x->model, x->pricing, cli_datadir(),
	    &kind, summary, sizeof summary, &e) != 0) {
		if (kind == CHECK_ANSWERS && x->model == NULL &&
		    x->model_err != NULL)
			cli_fail("%s (the model did not load: %s)", e.msg,
			    x->model_err->msg);
		else
			cli_fail("%s", e.msg);
		return EXIT_FAIL;
	}
	/* Its workload could not be checked against the prices. */
	if (kind == CHECK_ANSWERS && x->pricing == NULL &&
	    x->pricing_err != NULL)
		return cli_fail("%s: cannot check the workload: the price list "
		    "did not load: %s", file, x->pricing_err->msg);
	printf("%s: ok: %s\n", file, summary);
	return EXIT_OK;
}

/* Check the themes shipped in the data directory. */
static int
check_shipped_themes(void)
{
	static const struct check_ctx none;
	char dir[PATH_MAX], path[PATH_MAX + THEME_NAME_MAX + 8];
	struct theme_list l = { 0 };
	size_t i;
	int rc = EXIT_OK;

	cli_datafile("themes", dir, sizeof dir);
	if (theme_list_dir(&l, dir) != 0)
		rc = cli_fail("out of memory");
	for (i = 0; i < l.n; i++) {
		snprintf(path, sizeof path, "%s/%s.yaml", dir, l.name[i]);
		if (check_one(path, &none) != EXIT_OK)
			rc = EXIT_FAIL;
	}
	theme_list_free(&l);
	return rc;
}

int
cmd_check(struct cli *c)
{
	char buf[PATH_MAX], pbuf[PATH_MAX];
	const char *path = c->value[OPT_MODEL], *ppath = c->value[OPT_PRICING];
	struct check_ctx x;
	struct model *m = NULL;
	struct pricing *p = NULL;
	struct err me, pe;
	int i, rc = EXIT_OK;

	/* Answers are checked against the model and the price list in use;
	 * a broken one is reported once, by itself, when it is among the
	 * files. */
	if (path == NULL)
		path = cli_datafile("data/model.yaml", buf, sizeof buf);
	if (ppath == NULL)
		ppath = cli_datafile("data/pricing.yaml", pbuf, sizeof pbuf);
	m = model_load(path, &me);
	if (c->argc == 0) {
		if (m == NULL)
			return cli_fail("%s", me.msg);
		printf("%s: ok: decision model '%s' version %s: %d options, "
		    "%d dimensions, %d panels, %d questions, %d table rows\n",
		    path, m->id, m->version, m->noptions, m->ndims, m->npanels,
		    m->nquestions, m->nrows);
		/* The price list must price the model's options. */
		x = (struct check_ctx){ .model = m };
		rc = check_one(ppath, &x);
		model_free(m);
		if (check_shipped_themes() != EXIT_OK)
			rc = EXIT_FAIL;
		return rc;
	}
	p = pricing_load(ppath, &pe);
	x = (struct check_ctx){ .model = m, .pricing = p, .model_err = &me,
	    .pricing_err = &pe };
	for (i = 0; i < c->argc; i++)
		if (check_one(c->argv[i], &x) != EXIT_OK)
			rc = EXIT_FAIL;
	pricing_free(p);
	model_free(m);
	return rc;
}
