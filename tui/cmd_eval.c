/* cmd_eval.c - the headless commands that read files: eval and check. */
#include "config.h"

#include "cli.h"

#include "answers.h"
#include "check.h"
#include "eval.h"
#include "export_md.h"
#include "report.h"
#include "theme.h"

#include <limits.h>
#include <stdio.h>
#include <string.h>

enum format { FORMAT_TEXT, FORMAT_YAML, FORMAT_MARKDOWN };

static int
parse_format(const char *s, enum format *f)
{
	if (s == NULL || strcmp(s, "text") == 0)
		*f = FORMAT_TEXT;
	else if (strcmp(s, "yaml") == 0)
		*f = FORMAT_YAML;
	else if (strcmp(s, "markdown") == 0 || strcmp(s, "md") == 0)
		*f = FORMAT_MARKDOWN;
	else
		return cli_usage_error("unknown format '%s' (expected yaml, "
		    "markdown or text)", s);
	return EXIT_OK;
}

/* Evaluate the answers file at PATH and write it in FORMAT. */
static int
evaluate(const struct cli *c, const char *path, enum format format)
{
	struct model *m;
	struct answers *a = NULL;
	struct eval_result *res = NULL;
	struct report rep;
	struct err e;
	int rc = EXIT_FAIL;

	if ((m = cli_load_model(c)) == NULL)
		return EXIT_FAIL;
	a = answers_load(m, strcmp(path, "-") == 0 ? "-" : path, &e);
	if (a == NULL) {
		cli_fail("%s", e.msg);
		goto out;
	}
	res = eval_result_new(m);
	if (res == NULL) {
		cli_fail("out of memory");
		goto out;
	}
	eval_run(m, a->answer, a->weight, res);
	rep = (struct report){ .model = m, .answers = a, .result = res };
	switch (format) {
	case FORMAT_YAML:
		rc = report_yaml(stdout, &rep, &e);
		break;
	case FORMAT_MARKDOWN:
		rc = export_md(stdout, &rep, &e);
		break;
	case FORMAT_TEXT:
		rc = report_text(stdout, &rep, &e);
		break;
	}
	if (rc != 0)
		cli_fail("%s", e.msg);
	rc = rc == 0 ? EXIT_OK : EXIT_FAIL;
out:
	eval_result_free(res);
	answers_free(a);
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
	if (c->value[OPT_ANSWERS] == NULL)
		return cli_usage_error("eval needs --answers FILE");
	return evaluate(c, c->value[OPT_ANSWERS], f);
}

/* Check FILE and print its summary; EXIT_OK or EXIT_FAIL.  ME says why
 * the model M did not load, when it did not. */
static int
check_one(const char *file, const struct model *m, const struct err *me)
{
	char summary[512];
	enum check_kind kind;
	struct err e;

	if (check_file(file, m, cli_datadir(), &kind, summary, sizeof summary,
	    &e) != 0) {
		if (kind == CHECK_ANSWERS && m == NULL && me != NULL)
			cli_fail("%s (the model did not load: %s)", e.msg,
			    me->msg);
		else
			cli_fail("%s", e.msg);
		return EXIT_FAIL;
	}
	printf("%s: ok: %s\n", file, summary);
	return EXIT_OK;
}

/* Check the themes shipped in the data directory. */
static int
check_shipped_themes(void)
{
	char dir[PATH_MAX], path[PATH_MAX + THEME_NAME_MAX + 8];
	struct theme_list l = { 0 };
	size_t i;
	int rc = EXIT_OK;

	cli_datafile("themes", dir, sizeof dir);
	if (theme_list_dir(&l, dir) != 0)
		rc = cli_fail("out of memory");
	for (i = 0; i < l.n; i++) {
		snprintf(path, sizeof path, "%s/%s.yaml", dir, l.name[i]);
		if (check_one(path, NULL, NULL) != EXIT_OK)
			rc = EXIT_FAIL;
	}
	theme_list_free(&l);
	return rc;
}

int
cmd_check(struct cli *c)
{
	char path[PATH_MAX];
	struct model *m = NULL;
	struct err me;
	int i, rc = EXIT_OK;

	/* Answers are checked against the model in use; a broken model is
	 * reported once, by itself, when it is among the files. */
	if (c->value[OPT_MODEL] == NULL)
		cli_datafile("data/model.yaml", path, sizeof path);
	else
		snprintf(path, sizeof path, "%s", c->value[OPT_MODEL]);
	m = model_load(path, &me);
	if (c->argc == 0) {
		if (m == NULL)
			return cli_fail("%s", me.msg);
		printf("%s: ok: decision model '%s' version %s: %d options, "
		    "%d dimensions, %d panels, %d questions, %d table rows\n",
		    path, m->id, m->version, m->noptions, m->ndims, m->npanels,
		    m->nquestions, m->nrows);
		model_free(m);
		rc = check_shipped_themes();
		return fflush(stdout) == 0 ? rc : EXIT_FAIL;
	}
	for (i = 0; i < c->argc; i++)
		if (check_one(c->argv[i], m, &me) != EXIT_OK)
			rc = EXIT_FAIL;
	model_free(m);
	if (fflush(stdout) != 0)
		rc = EXIT_FAIL;
	return rc;
}
