/* cmd_session.c - the session commands: list, import, export, rename,
 * copy and delete, and opening the session store for any command. */
#include "config.h"

#include "cli.h"

#include "answers.h"
#include "eval.h"
#include "evidence.h"
#include "export.h"
#include "milestone.h"
#include "outfile.h"
#include "phrase.h"
#include "session.h"
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

/* Evaluate each session of S's store for its recommendation. */
static int
evaluate_rows(struct session *s, struct rows *r)
{
	struct eval_result *res = eval_result_new(s->model);
	struct err e;
	size_t i;

	if (res == NULL)
		return cli_fail("out of memory");
	for (i = 0; i < r->n; i++) {
		if (session_peek(s, r->v[i].s.id, res, &e) != 0) {
			eval_result_free(res);
			return cli_fail("%s", e.msg);
		}
		r->v[i].answered = res->answered;
		r->v[i].visible = res->visible;
		r->v[i].recommendation = eval_recommendation_id(res);
		r->v[i].confidence = res->confidence;
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

/* The names padded to one column by the width they take on a terminal
 * (wide characters two columns, combining marks none), escaped as every
 * message is. */
static int
list_text(const struct rows *r, const char *path)
{
	char q[NAME_Q_MAX], t[32], frac[32];
	size_t i, w = 4, len;

	if (r->n == 0) {
		printf("No sessions yet in %s\n", cli_quote(q, sizeof q, path));
		return EXIT_OK;
	}
	for (i = 0; i < r->n; i++) {
		cli_quote(q, sizeof q, r->v[i].s.name);
		len = utf8_width(q, strlen(q));
		if (len > w)
			w = len;
	}
	printf("NAME");
	pad(w - 4 + 2);
	printf("%-20s  %-8s  %s\n", "UPDATED", "ANSWERED", "RECOMMENDATION");
	for (i = 0; i < r->n; i++) {
		const struct row *x = &r->v[i];

		cli_quote(q, sizeof q, x->s.name);
		fputs(q, stdout);
		pad(w - utf8_width(q, strlen(q)) + 2);
		snprintf(frac, sizeof frac, "%d/%d", x->answered, x->visible);
		printf("%-20s  %-8s  %s", phrase_time(x->s.updated,
		    PHRASE_TIME_ISO, t,
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
		yamlw_text(&w, phrase_time(x->s.created, PHRASE_TIME_ISO, t,
		    sizeof t));
		yamlw_key(&w, "updated");
		yamlw_text(&w, phrase_time(x->s.updated, PHRASE_TIME_ISO, t,
		    sizeof t));
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
	struct session s;
	struct err e;
	char q[128];
	int yaml, rc;

	if (format == NULL || strcmp(format, "text") == 0)
		yaml = 0;
	else if (strcmp(format, "yaml") == 0)
		yaml = 1;
	else
		return cli_usage_error("unknown format '%s' for list "
		    "(expected text or yaml)", cli_quote(q, sizeof q, format));
	if (c->given & OPTBIT(MILESTONES))
		return cmd_list_milestones(c, yaml);
	memset(&s, 0, sizeof s);
	if ((m = cli_load_model(c)) == NULL)
		return EXIT_FAIL;
	if (session_init(&s, m, NULL, 0, &e) != 0) {
		rc = cli_fail("%s", e.msg);
		goto out;
	}
	if ((rc = cli_store_open(c, m, 1, 0, &st)) != EXIT_OK)
		goto out;
	session_attach(&s, st);
	if (st != NULL && store_list(st, 0, -1, collect, &r, &e) != 0) {
		rc = cli_fail("%s", e.msg);
		goto out;
	}
	if ((rc = evaluate_rows(&s, &r)) != EXIT_OK)
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
	errno = 0;
	if (rc == EXIT_OK && (fflush(stdout) != 0 || ferror(stdout)))
		rc = cli_fail("cannot write to standard output: %s",
		    errno != 0 ? strerror(errno) : "write error");
out:
	free(r.v);
	session_fini(&s);
	model_free(m);
	return rc;
}

/* import ---------------------------------------------------------------------- */

/* Load FILE's answers into S, validated in full before the database is
 * touched: against the model, and the workload against the price list
 * as eval does.  0, or -1 with the message printed. */
static int
import_load(struct cli *c, const char *file, struct model *m,
    struct pricing **p, struct session *s, struct answers **a)
{
	struct evidence ev;
	struct err e;

	/* An answers file, or a decision record's evidence. */
	if (evidence_read(&ev, m, file, &e) != 0) {
		cli_fail("%s", e.msg);
		return -1;
	}
	*a = ev.answers;
	if ((*p = cli_load_pricing(c)) == NULL ||
	    session_init(s, m, *p, 0, &e) != 0) {
		if (*p != NULL)
			cli_fail("%s", e.msg);
		answers_free(*a);
		return -1;
	}
	if (session_use_answers(s, *a, &e) != 0) {
		cli_fail("%s", e.msg);
		return -1;
	}
	return 0;
}

/* Say what importing FILE into session NAME changed: N fields. */
static int
import_said(const char *name, const char *file, int n)
{
	char qn[NAME_Q_MAX], qf[NAME_Q_MAX];

	cli_quote(qn, sizeof qn, name);
	cli_quote(qf, sizeof qf, strcmp(file, "-") == 0 ? "standard input" :
	    file);
	if (n == 0)
		printf("session '%s' already matches %s\n", qn, qf);
	else
		printf("session '%s' saved from %s: %d field%s changed\n", qn,
		    qf, n, n == 1 ? "" : "s");
	/* Saved all the same: say so where it can be seen. */
	errno = 0;
	if (fflush(stdout) == 0 && !ferror(stdout))
		return EXIT_OK;
	if (n == 0)
		return cli_fail("cannot write to standard output: %s; session "
		    "'%s' already matched %s (nothing to save)", errno != 0 ?
		    strerror(errno) : "write error", qn, qf);
	return cli_fail("cannot write to standard output: %s; session '%s' "
	    "was saved from %s all the same (%d field%s changed)",
	    errno != 0 ? strerror(errno) : "write error", qn, qf, n,
	    n == 1 ? "" : "s");
}

int
cmd_import(struct cli *c)
{
	const char *file = c->argv[0], *name;
	char qf[NAME_Q_MAX];
	struct store_session info;
	struct answers *a;
	struct model *m;
	struct pricing *p = NULL;
	struct store *st = NULL;
	struct session s;
	struct err e;
	int rc = EXIT_FAIL, n = 0;

	memset(&s, 0, sizeof s);
	if (c->value[OPT_SESSION] != NULL &&
	    answers_name_check(c->value[OPT_SESSION], &e) != 0)
		return cli_usage_error("%s", e.msg);
	if ((m = cli_load_model(c)) == NULL)
		return EXIT_FAIL;
	if (import_load(c, file, m, &p, &s, &a) != 0)
		goto out;
	name = c->value[OPT_SESSION] != NULL ? c->value[OPT_SESSION] :
	    a->session;
	if (name == NULL) {
		rc = cli_usage_error("import needs a session name: give "
		    "--session NAME, or 'session:' in %s",
		    cli_quote(qf, sizeof qf, file));
		goto out;
	}
	if ((rc = cli_store_open(c, m, 0, 1, &st)) != EXIT_OK)
		goto out;
	session_attach(&s, st);
	if (store_import(st, name, a, &info, &n, &e) != 0) {
		rc = cli_fail("%s", e.msg);
		goto out;
	}
	rc = import_said(name, file, n);
out:
	session_fini(&s);
	pricing_free(p);
	model_free(m);
	return rc;
}

/* export ---------------------------------------------------------------------- */

/* Warn about what the export of session S leaves out. */
static void
export_warnings(const struct session *s, const char *name)
{
	char q[NAME_Q_MAX];

	if (s->skipped > 0)
		fprintf(stderr, "tradeoff: warning: session '%s': %d saved "
		    "entr%s unknown to model '%s' left out\n",
		    cli_quote(q, sizeof q, name), s->skipped,
		    s->skipped == 1 ? "y" : "ies", s->model->id);
	if (s->answers->invalid > 0)
		fprintf(stderr, "tradeoff: warning: session '%s': %d saved "
		    "entr%s left out as not valid (text that is not UTF-8 or "
		    "holds control characters, or a figure out of range): "
		    "the database was changed by something other than "
		    "tradeoff\n", cli_quote(q, sizeof q, name),
		    s->answers->invalid, s->answers->invalid == 1 ? "y" :
		    "ies");
	if (s->cost_problem[0] != '\0')
		fprintf(stderr, "tradeoff: warning: session '%s': the cost "
		    "section is left out: %s\n", cli_quote(q, sizeof q, name),
		    s->cost_problem);
}

/* Write session S in format F where -o (or --dir) says. */
static int
export_write_out(struct cli *c, const struct session *s,
    enum export_format f)
{
	struct export_doc d;
	struct err e;
	int rc;

	if (export_doc_load(&d, s, &e) != 0)
		return cli_fail("%s", e.msg);
	rc = cli_export_report(c, &d.report, f);
	export_doc_free(&d);
	return rc;
}

/* Write milestone LABEL of session INFO: its answers evaluated now, the
 * session's name and the milestone's time, no history. */
static int
export_milestone(struct cli *c, struct session *s, struct store *st,
    const char *spec, enum export_format f)
{
	struct report_session rs;
	struct cli_target t;
	struct answers *a;
	struct report r;
	struct err e;
	int rc;

	if ((rc = cli_load_target(c, s->model, s->pricing, &st, spec, 0, &a,
	    &t)) != EXIT_OK)
		return rc;
	if (session_use_answers(s, a, &e) != 0)
		return cli_fail("%s", e.msg);
	export_warnings(s, t.name);
	rs = (struct report_session){ .name = t.info.name,
	    .created = t.info.created, .updated = t.ms.time,
	    .model_id = t.model_id, .model_version = t.model_version };
	session_report(s, &r);
	r.session = &rs;
	return cli_export_report(c, &r, f);
}

static int
export_session(struct cli *c, enum export_format f)
{
	const char *name = c->argv[0];
	char q[NAME_Q_MAX], label[ANSWERS_NAME_MAX + 1];
	struct store_session info;
	struct pricing *p = NULL;
	struct model *m;
	struct store *st = NULL;
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
	/* The answers file needs no prices; the documents show the cost. */
	if (f != EXPORT_YAML && (p = cli_load_pricing(c)) == NULL)
		goto out;
	if (session_init(&s, m, p, now, &e) != 0) {
		rc = cli_fail("%s", e.msg);
		goto out;
	}
	if ((rc = cli_store_open(c, m, 1, 0, &st)) != EXIT_OK)
		goto out;
	session_attach(&s, st);
	/* NAME@LABEL: a milestone of session NAME. */
	rc = st != NULL ? milestone_resolve(st, name, &info, label,
	    sizeof label, &e) : 0;
	if (rc > 0 && label[0] != '\0') {
		rc = export_milestone(c, &s, st, name, f);
		goto out;
	}
	if (rc > 0)
		rc = session_open(&s, name, 0, NULL, NULL, &e);
	if (rc <= 0) {
		rc = rc < 0 ? cli_fail("%s", e.msg) : cli_fail("no session "
		    "named '%s'", cli_quote(q, sizeof q, name));
		goto out;
	}
	export_warnings(&s, name);
	rc = export_write_out(c, &s, f);
out:
	session_fini(&s);
	pricing_free(p);
	model_free(m);
	return rc;
}

int
cmd_export(struct cli *c)
{
	const char *format = c->value[OPT_FORMAT];
	enum export_format f = EXPORT_MARKDOWN;
	char q[128];
	int rc;

	if (format != NULL && export_format_parse(format, &f) != 0)
		return cli_usage_error("unknown format '%s' for export "
		    "(expected markdown, adr or yaml)", cli_quote(q, sizeof q,
		    format));
	if ((rc = cli_export_options(c, f)) != EXIT_OK)
		return rc;
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
		rc = cli_fail("no session named '%s'", cli_quote(q, sizeof q,
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
		    cli_quote(q, sizeof q, name), e.msg);
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

/* vote ------------------------------------------------------------------------ */

/* The question and answer a vote names, as indexes; EXIT_FAIL with a
 * message naming what the model has instead. */
static int
vote_target(const struct model *m, const char *qid, const char *aid, int *q,
    int *a)
{
	char q1[128], q2[128], list[512];
	size_t o = 0;
	int i;

	cli_quote(q1, sizeof q1, qid);
	if ((*q = model_question_index(m, qid)) < 0)
		return cli_fail("no question '%s' in model '%s' (the README "
		    "lists the questions and their answers)", q1, m->id);
	if ((*a = model_answer_index(m, *q, aid)) >= 0)
		return EXIT_OK;
	list[0] = '\0';
	for (i = 0; i < m->questions[*q].nanswers && o < sizeof list; i++)
		o += (size_t)snprintf(list + o, sizeof list - o, "%s%s",
		    i ? ", " : "", m->questions[*q].answers[i].id);
	return cli_fail("unknown answer '%s' for question '%s' (expected: %s)",
	    cli_quote(q2, sizeof q2, aid), q1, list);
}

int
cmd_vote(struct cli *c)
{
	const char *name = c->argv[0];
	char qn[NAME_Q_MAX], field[160], what[512];
	struct session s;
	struct model *m;
	struct err e;
	unsigned changed = 0;
	int rc, q = -1, a = -1;

	memset(&s, 0, sizeof s);
	if ((m = cli_load_model(c)) == NULL)
		return EXIT_FAIL;
	if ((rc = vote_target(m, c->argv[1], c->argv[2], &q, &a)) != EXIT_OK)
		goto out;
	if (session_init(&s, m, NULL, 0, &e) != 0) {
		rc = cli_fail("%s", e.msg);
		goto out;
	}
	if ((rc = cli_open_session(c, &s, name)) != EXIT_OK)
		goto out;
	if (session_vote(&s, NULL, q, a, &changed, &e) != 0) {
		rc = cli_fail("%s", e.msg);
		goto out;
	}
	snprintf(field, sizeof field, "vote:%s:%s", session_ident(&s),
	    m->questions[q].id);
	printf("%s: %s%s\n", cli_quote(qn, sizeof qn, name), phrase_change(m,
	    field, m->questions[q].answers[a].id, what, sizeof what),
	    changed ? "" : " (already so)");
	rc = fflush(stdout) == 0 ? EXIT_OK : cli_fail("cannot write to "
	    "standard output; the vote is saved");
out:
	session_fini(&s);
	model_free(m);
	return rc;
}
