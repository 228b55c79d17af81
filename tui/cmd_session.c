/* cmd_session.c - the session commands: list, import, export, rename,
 * copy and delete, and opening the session store for any command. */
#include "config.h"

#include "cli.h"

#include "answers.h"
#include "eval.h"
#include "export.h"
#include "outfile.h"
#include "store.h"
#include "utf8.h"
#include "yamlw.h"

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* A session name or file name fit to print (control characters
 * escaped); NAME_Q_MAX bytes hold any valid name. */
#define NAME_Q_MAX (ANSWERS_NAME_MAX * 4 + 8)

static const char *
quote(char *buf, size_t size, const char *s)
{
	return err_quote(buf, size, s, strlen(s));
}

static int
env_journal(enum store_journal *j)
{
	const char *s = getenv("TRADEOFF_DB_JOURNAL");

	*j = STORE_JOURNAL_AUTO;
	if (s == NULL || s[0] == '\0' || strcmp(s, "auto") == 0)
		return EXIT_OK;
	if (strcmp(s, "wal") == 0)
		*j = STORE_JOURNAL_WAL;
	else if (strcmp(s, "delete") == 0)
		*j = STORE_JOURNAL_DELETE;
	else
		return cli_usage_error("TRADEOFF_DB_JOURNAL must be auto, wal "
		    "or delete, not '%s'", s);
	return EXIT_OK;
}

int
cli_store_open(const struct cli *c, const struct model *m, int readonly,
    int create, struct store **out)
{
	struct store_opts o = { .model = m, .readonly = readonly };
	const char *env = getenv("TRADEOFF_DB");
	char path[PATH_MAX];
	struct stat sb;
	struct err e;
	int rc;

	*out = NULL;
	if ((rc = cli_fixed_now(&o.now)) != EXIT_OK ||
	    (rc = env_journal(&o.journal)) != EXIT_OK)
		return rc;
	if (c->value[OPT_DB] != NULL)
		o.path = c->value[OPT_DB];
	else if (env != NULL && env[0] != '\0')
		o.path = env;
	else if (store_default_path(path, sizeof path, &e) == 0)
		o.path = path;
	else
		return cli_fail("%s", e.msg);
	if (!create && stat(o.path, &sb) != 0 && errno == ENOENT)
		return EXIT_OK;		/* nothing saved yet */
	*out = store_open(&o, &e);
	return *out != NULL ? EXIT_OK : cli_fail("%s", e.msg);
}

/* list ---------------------------------------------------------------------- */

struct row {
	struct store_session s;
	int answered, visible;
	const char *recommendation;
	double confidence;
};

struct rows {
	struct row *v;
	size_t n, cap;
};

static int
collect(const struct store_session *s, void *arg)
{
	struct rows *r = arg;
	struct row *nv;

	if (r->n == r->cap) {
		r->cap = r->cap ? r->cap * 2 : 64;
		if ((nv = realloc(r->v, r->cap * sizeof *nv)) == NULL)
			return -1;
		r->v = nv;
	}
	memset(&r->v[r->n], 0, sizeof r->v[r->n]);
	r->v[r->n++].s = *s;
	return 0;
}

/* Evaluate each session for its recommendation. */
static int
evaluate_rows(struct store *st, const struct model *m, struct rows *r)
{
	struct eval_result *res = eval_result_new(m);
	struct answers *a;
	struct err e;
	size_t i;

	if (res == NULL)
		return cli_fail("out of memory");
	for (i = 0; i < r->n; i++) {
		if ((a = store_load(st, r->v[i].s.id, NULL, &e)) == NULL) {
			eval_result_free(res);
			return cli_fail("%s", e.msg);
		}
		eval_run(m, a->answer, a->weight, res);
		r->v[i].answered = res->answered;
		r->v[i].visible = res->visible;
		r->v[i].recommendation = eval_recommendation_id(res);
		r->v[i].confidence = res->confidence;
		answers_free(a);
	}
	eval_result_free(res);
	return EXIT_OK;
}

static void
pad(size_t n)
{
	while (n-- > 0)
		putchar(' ');
}

static int
list_text(const struct rows *r, const char *path)
{
	char q[NAME_Q_MAX], t[32], frac[32];
	size_t i, w = 4, len;

	if (r->n == 0) {
		printf("No sessions yet in %s\n", quote(q, sizeof q, path));
		return EXIT_OK;
	}
	for (i = 0; i < r->n; i++) {
		quote(q, sizeof q, r->v[i].s.name);
		len = utf8_count(q, strlen(q));
		if (len > w)
			w = len;
	}
	printf("NAME");
	pad(w - 4 + 2);
	printf("%-20s  %-8s  %s\n", "UPDATED", "ANSWERED", "RECOMMENDATION");
	for (i = 0; i < r->n; i++) {
		const struct row *x = &r->v[i];

		quote(q, sizeof q, x->s.name);
		fputs(q, stdout);
		pad(w - utf8_count(q, strlen(q)) + 2);
		snprintf(frac, sizeof frac, "%d/%d", x->answered, x->visible);
		printf("%-20s  %-8s  %s", store_time_format(x->s.updated, t,
		    sizeof t), frac, x->recommendation);
		if (strcmp(x->recommendation, "undecided") != 0)
			printf(" (confidence %.2f)", x->confidence);
		putchar('\n');
	}
	return EXIT_OK;
}

static int
list_yaml(const struct rows *r)
{
	struct yamlw w;
	struct err e;
	char t[32];
	size_t i;

	if (yamlw_open(&w, stdout, &e) != 0)
		return cli_fail("%s", e.msg);
	yamlw_map(&w, 0);
	yamlw_key(&w, "sessions");
	yamlw_seq(&w, 0);
	for (i = 0; i < r->n; i++) {
		const struct row *x = &r->v[i];

		yamlw_map(&w, 0);
		yamlw_key(&w, "name");
		yamlw_text(&w, x->s.name);
		yamlw_key(&w, "created");
		yamlw_text(&w, store_time_format(x->s.created, t, sizeof t));
		yamlw_key(&w, "updated");
		yamlw_text(&w, store_time_format(x->s.updated, t, sizeof t));
		yamlw_key(&w, "answered");
		yamlw_int(&w, x->answered);
		yamlw_key(&w, "questions");
		yamlw_int(&w, x->visible);
		yamlw_key(&w, "recommendation");
		yamlw_key(&w, x->recommendation);
		yamlw_key(&w, "confidence");
		yamlw_num(&w, x->confidence, 2);
		yamlw_map_end(&w);
	}
	yamlw_seq_end(&w);
	yamlw_map_end(&w);
	if (yamlw_close(&w, &e) != 0)
		return cli_fail("%s", e.msg);
	return EXIT_OK;
}

int
cmd_list(struct cli *c)
{
	const char *format = c->value[OPT_FORMAT];
	struct rows r = { NULL, 0, 0 };
	struct model *m = NULL;
	struct store *st = NULL;
	struct err e;
	int yaml, rc;

	if (format == NULL || strcmp(format, "text") == 0)
		yaml = 0;
	else if (strcmp(format, "yaml") == 0)
		yaml = 1;
	else
		return cli_usage_error("unknown format '%s' for list "
		    "(expected text or yaml)", format);
	if ((m = cli_load_model(c)) == NULL)
		return EXIT_FAIL;
	if ((rc = cli_store_open(c, m, 1, 0, &st)) != EXIT_OK)
		goto out;
	if (st != NULL && store_list(st, 0, -1, collect, &r, &e) != 0) {
		rc = cli_fail("%s", e.msg);
		goto out;
	}
	if ((rc = evaluate_rows(st, m, &r)) != EXIT_OK)
		goto out;
	if (yaml)
		rc = list_yaml(&r);
	else {
		char path[PATH_MAX];

		if (st != NULL)
			snprintf(path, sizeof path, "%s", store_path(st));
		else if (c->value[OPT_DB] != NULL)
			snprintf(path, sizeof path, "%s", c->value[OPT_DB]);
		else if (getenv("TRADEOFF_DB") != NULL)
			snprintf(path, sizeof path, "%s", getenv("TRADEOFF_DB"));
		else if (store_default_path(path, sizeof path, &e) != 0)
			snprintf(path, sizeof path, "the session database");
		rc = list_text(&r, path);
	}
	if (rc == EXIT_OK && fflush(stdout) != 0)
		rc = cli_fail("cannot write to standard output");
out:
	free(r.v);
	store_close(st);
	model_free(m);
	return rc;
}

/* import ---------------------------------------------------------------------- */

int
cmd_import(struct cli *c)
{
	const char *file = c->argv[0], *name;
	char qn[NAME_Q_MAX], qf[NAME_Q_MAX];
	struct store_session s;
	struct answers *a = NULL;
	struct model *m;
	struct pricing *p = NULL;
	struct store *st = NULL;
	struct err e;
	int rc = EXIT_FAIL, n = 0;

	if (c->value[OPT_SESSION] != NULL &&
	    answers_name_check(c->value[OPT_SESSION], &e) != 0)
		return cli_usage_error("%s", e.msg);
	if ((m = cli_load_model(c)) == NULL)
		return EXIT_FAIL;
	/* Validated in full before the database is touched: against the
	 * model, and the workload against the price list as eval does. */
	if ((a = answers_load(m, file, &e)) == NULL) {
		cli_fail("%s", e.msg);
		goto out;
	}
	if ((p = cli_load_pricing(c)) == NULL)
		goto out;
	if (cost_check_model(p, m, &e) != 0 ||
	    cost_check(p, &a->workload, a->file, &e) != 0) {
		cli_fail("%s", e.msg);
		goto out;
	}
	name = c->value[OPT_SESSION] != NULL ? c->value[OPT_SESSION] :
	    a->session;
	if (name == NULL) {
		rc = cli_usage_error("import needs a session name: give "
		    "--session NAME, or 'session:' in %s",
		    quote(qf, sizeof qf, file));
		goto out;
	}
	if ((rc = cli_store_open(c, m, 0, 1, &st)) != EXIT_OK)
		goto out;
	if (store_import(st, name, a, &s, &n, &e) != 0) {
		rc = cli_fail("%s", e.msg);
		goto out;
	}
	quote(qn, sizeof qn, name);
	quote(qf, sizeof qf, strcmp(file, "-") == 0 ? "standard input" : file);
	if (n == 0)
		printf("session '%s' already matches %s\n", qn, qf);
	else
		printf("session '%s' saved from %s: %d field%s changed\n", qn,
		    qf, n, n == 1 ? "" : "s");
	rc = fflush(stdout) == 0 ? EXIT_OK : EXIT_FAIL;
out:
	store_close(st);
	answers_free(a);
	pricing_free(p);
	model_free(m);
	return rc;
}

/* export ---------------------------------------------------------------------- */

static int
export_session(struct cli *c, enum export_format f)
{
	const char *name = c->argv[0];
	char q[NAME_Q_MAX];
	struct store_session s;
	struct export_doc d;
	struct outfile o;
	struct pricing *p = NULL;
	struct model *m;
	struct store *st = NULL;
	struct err e;
	long long now;
	int rc;

	memset(&d, 0, sizeof d);
	if ((rc = cli_now(&now)) != EXIT_OK)
		return rc;
	if ((m = cli_load_model(c)) == NULL)
		return EXIT_FAIL;
	/* The answers file needs no prices; the documents show the cost. */
	if (f != EXPORT_YAML && (p = cli_load_pricing(c)) == NULL) {
		rc = EXIT_FAIL;
		goto out;
	}
	if (p != NULL && cost_check_model(p, m, &e) != 0) {
		rc = cli_fail("%s", e.msg);
		goto out;
	}
	if ((rc = cli_store_open(c, m, 1, 0, &st)) != EXIT_OK)
		goto out;
	rc = st != NULL ? store_find(st, name, &s, &e) : 0;
	if (rc <= 0) {
		rc = rc < 0 ? cli_fail("%s", e.msg) : cli_fail("no session "
		    "named '%s'", quote(q, sizeof q, name));
		goto out;
	}
	if (export_doc_load(&d, st, s.id, m, p, now, &e) != 0) {
		rc = cli_fail("%s", e.msg);
		goto out;
	}
	if (d.skipped > 0)
		fprintf(stderr, "tradeoff: warning: session '%s': %d saved "
		    "entr%s unknown to model '%s' left out\n",
		    quote(q, sizeof q, name), d.skipped,
		    d.skipped == 1 ? "y" : "ies", m->id);
	if (d.cost_problem[0] != '\0')
		fprintf(stderr, "tradeoff: warning: session '%s': the cost "
		    "section is left out: %s\n", quote(q, sizeof q, name),
		    d.cost_problem);
	if (outfile_open(&o, c->value[OPT_OUTPUT],
	    (c->given & OPTBIT(FORCE)) != 0, &e) != 0) {
		rc = cli_fail("%s", e.msg);
		goto out;
	}
	if (export_write(o.fp, f, &d.report, &e) != 0) {
		outfile_abort(&o);
		rc = cli_fail("%s", e.msg);
		goto out;
	}
	rc = outfile_commit(&o, &e) == 0 ? EXIT_OK : cli_fail("%s", e.msg);
out:
	export_doc_free(&d);
	store_close(st);
	pricing_free(p);
	model_free(m);
	return rc;
}

int
cmd_export(struct cli *c)
{
	const char *format = c->value[OPT_FORMAT];
	enum export_format f = EXPORT_MARKDOWN;

	if (format != NULL && export_format_parse(format, &f) != 0)
		return cli_usage_error("unknown format '%s' for export "
		    "(expected markdown, adr or yaml)", format);
	return export_session(c, f);
}

/* rename, copy, delete ------------------------------------------------------ */

/* Open the existing store for a change; a missing database has no
 * sessions. */
static int
open_existing(struct cli *c, const char *name, struct store **st)
{
	char q[NAME_Q_MAX];
	int rc = cli_store_open(c, NULL, 0, 0, st);

	if (rc == EXIT_OK && *st == NULL)
		rc = cli_fail("no session named '%s'", quote(q, sizeof q,
		    name));
	return rc;
}

static int
check_new_name(const char *name)
{
	char q[NAME_Q_MAX];
	struct err e;

	if (answers_name_check(name, &e) != 0)
		return cli_usage_error("bad session name '%s': %s",
		    quote(q, sizeof q, name), e.msg);
	return EXIT_OK;
}

int
cmd_rename(struct cli *c)
{
	struct store *st;
	struct err e;
	int rc;

	if ((rc = check_new_name(c->argv[1])) != EXIT_OK ||
	    (rc = open_existing(c, c->argv[0], &st)) != EXIT_OK)
		return rc;
	if (store_rename(st, c->argv[0], c->argv[1], &e) != 0)
		rc = cli_fail("%s", e.msg);
	store_close(st);
	return rc;
}

int
cmd_copy(struct cli *c)
{
	struct store *st;
	struct err e;
	int rc;

	if ((rc = check_new_name(c->argv[1])) != EXIT_OK ||
	    (rc = open_existing(c, c->argv[0], &st)) != EXIT_OK)
		return rc;
	if (store_copy(st, c->argv[0], c->argv[1], &e) != 0)
		rc = cli_fail("%s", e.msg);
	store_close(st);
	return rc;
}

int
cmd_delete(struct cli *c)
{
	struct store *st;
	struct err e;
	int rc;

	if ((rc = open_existing(c, c->argv[0], &st)) != EXIT_OK)
		return rc;
	if (store_delete(st, c->argv[0], &e) != 0)
		rc = cli_fail("%s", e.msg);
	store_close(st);
	return rc;
}
