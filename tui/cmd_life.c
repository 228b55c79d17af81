/* cmd_life.c - the decision lifecycle on the command line (DESIGN.md
 * section 12): milestones, diff, recheck, `list --milestones`, the
 * sessions, milestones and files that other commands read, and
 * exports into a numbered series of decision records. */
#include "config.h"

#include "cli.h"

#include "adrdir.h"
#include "diff.h"
#include "evidence.h"
#include "export.h"
#include "export_adr.h"
#include "milestone.h"
#include "outfile.h"
#include "phrase.h"
#include "recheck.h"
#include "session.h"
#include "store.h"
#include "yamlw.h"

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#define Q_MAX (2 * ANSWERS_NAME_MAX * 4 + 8)

/* A label must be a name, and not split: NAME@LABEL splits at the last
 * '@'.  EXIT_OK or EXIT_USAGE. */
static int
check_label(const char *label)
{
	char q[Q_MAX];
	struct err e;

	if (answers_name_check(label, &e) != 0)
		return cli_usage_error("bad milestone label '%s': %s",
		    cli_quote(q, sizeof q, label), e.msg);
	if (strchr(label, '@') != NULL)
		return cli_usage_error("bad milestone label '%s': a label may "
		    "not hold '@' (NAME@LABEL is split at its last '@')",
		    cli_quote(q, sizeof q, label));
	return EXIT_OK;
}

/* Whether SPEC names a file: "./..." always, else an existing path
 * that is not a directory. */
static int
names_file(const char *spec)
{
	struct stat sb;

	if (strncmp(spec, "./", 2) == 0 || strncmp(spec, "../", 3) == 0 ||
	    strcmp(spec, "-") == 0)
		return 1;
	return stat(spec, &sb) == 0 && !S_ISDIR(sb.st_mode);
}

/* Loading what a command reads --------------------------------------------- */

static int
load_file(const struct model *m, const struct pricing *p, const char *path,
    struct answers **out, struct cli_target *t)
{
	struct evidence ev;
	struct err e;

	if (evidence_read(&ev, m, path, &e) != 0)
		return cli_fail("%s", e.msg);
	*out = ev.answers;
	t->file = 1;
	snprintf(t->name, sizeof t->name, "%s", path);
	/* A record says what it was decided with; a plain file is read
	 * with what is in use. */
	snprintf(t->model_id, sizeof t->model_id, "%s", ev.model_id != NULL ?
	    ev.model_id : m->id);
	snprintf(t->model_version, sizeof t->model_version, "%s",
	    ev.model_version != NULL ? ev.model_version : m->version);
	if (ev.price_date != NULL)
		snprintf(t->pricing, sizeof t->pricing, "version %s%s%s%s: "
		    "%s %s", ev.pricing_version != NULL ? ev.pricing_version :
		    "?", ev.pricing_title != NULL ? " (" : "",
		    ev.pricing_title != NULL ? ev.pricing_title : "",
		    ev.pricing_title != NULL ? ")" : "", ev.provider != NULL ?
		    ev.provider : "?", ev.price_date);
	else
		milestone_pricing_line(p, t->pricing, sizeof t->pricing);
	return EXIT_OK;
}

int
cli_load_target(const struct cli *c, const struct model *m,
    const struct pricing *p, struct store **st, const char *spec, int files,
    struct answers **out, struct cli_target *t)
{
	char q[Q_MAX], label[ANSWERS_NAME_MAX + 1];
	struct err e;
	int rc;

	memset(t, 0, sizeof *t);
	*out = NULL;
	if (files && names_file(spec))
		return load_file(m, p, spec, out, t);
	if (*st == NULL && (rc = cli_store_open(c, m, 1, 0, st)) != EXIT_OK)
		return rc;
	if ((rc = milestone_resolve(*st, spec, &t->info, label, sizeof label,
	    &e)) <= 0) {
		if (rc < 0)
			return cli_fail("%s", e.msg);
		return cli_fail("no session named '%s'%s", cli_quote(q,
		    sizeof q, spec), files ? " and no such file" : "");
	}
	if (label[0] != '\0') {
		t->milestone = 1;
		*out = milestone_answers(*st, t->info.id, t->info.name, label, m,
		    &t->ms, &e);
		snprintf(t->name, sizeof t->name, "%s@%s", t->info.name, label);
		snprintf(t->model_id, sizeof t->model_id, "%s", t->ms.model_id);
		snprintf(t->model_version, sizeof t->model_version, "%s",
		    t->ms.model_version);
		snprintf(t->pricing, sizeof t->pricing, "%s", t->ms.pricing);
	} else {
		*out = store_load(*st, t->info.id, NULL, &e);
		if (*out != NULL && answers_adopt_provider(*out, NULL, &e) != 0) {
			answers_free(*out);
			*out = NULL;
		}
		snprintf(t->name, sizeof t->name, "%s", t->info.name);
		snprintf(t->model_id, sizeof t->model_id, "%s", m->id);
		snprintf(t->model_version, sizeof t->model_version, "%s",
		    m->version);
		milestone_pricing_line(p, t->pricing, sizeof t->pricing);
	}
	return *out != NULL ? EXIT_OK : cli_fail("%s", e.msg);
}

/* milestone -------------------------------------------------------------------- */

int
cmd_milestone(struct cli *c)
{
	const char *name = c->argv[0], *label = c->argv[1];
	char qn[Q_MAX], ql[Q_MAX];
	struct pricing *p = NULL;
	struct session s;
	struct model *m;
	struct err e;
	int rc;

	memset(&s, 0, sizeof s);
	if ((rc = check_label(label)) != EXIT_OK)
		return rc;
	if ((m = cli_load_model(c)) == NULL)
		return EXIT_FAIL;
	rc = EXIT_FAIL;
	if ((p = cli_load_pricing(c)) == NULL)
		goto out;
	if (session_init(&s, m, p, 0, &e) != 0) {
		rc = cli_fail("%s", e.msg);
		goto out;
	}
	if ((rc = cli_open_session(c, &s, name)) != EXIT_OK)
		goto out;
	if (milestone_save(&s, label, &e) != 0) {
		rc = cli_fail("session '%s': %s", cli_quote(qn, sizeof qn,
		    name), e.msg);
		goto out;
	}
	printf("session '%s': milestone '%s' saved (%s@%s)\n", cli_quote(qn,
	    sizeof qn, name), cli_quote(ql, sizeof ql, label), qn, ql);
	rc = fflush(stdout) == 0 ? EXIT_OK : cli_fail("cannot write to "
	    "standard output; the milestone is saved");
out:
	session_fini(&s);
	pricing_free(p);
	model_free(m);
	return rc;
}

/* list --milestones -------------------------------------------------------------- */

struct mlist {
	int yaml, n;
	struct yamlw *w;
};

static int
list_one(const struct store_milestone *ms, void *arg)
{
	struct mlist *l = arg;
	char t[32], q[Q_MAX];

	phrase_time(ms->time, PHRASE_TIME_ISO, t, sizeof t);
	l->n++;
	if (!l->yaml) {
		printf("%s", cli_quote(q, sizeof q, ms->label));
		printf("  %s  %s  model %s %s; prices %s\n", t, cli_quote(q,
		    sizeof q, ms->user), ms->model_id, ms->model_version,
		    ms->pricing);
		return 0;
	}
	yamlw_map(l->w, 0);
	yamlw_key(l->w, "label");
	yamlw_text(l->w, ms->label);
	yamlw_key(l->w, "time");
	yamlw_text(l->w, t);
	yamlw_key(l->w, "user");
	yamlw_text(l->w, ms->user);
	yamlw_key(l->w, "model");
	yamlw_map(l->w, 1);
	yamlw_key(l->w, "id");
	yamlw_text(l->w, ms->model_id);
	yamlw_key(l->w, "version");
	yamlw_text(l->w, ms->model_version);
	yamlw_map_end(l->w);
	yamlw_key(l->w, "pricing");
	yamlw_text(l->w, ms->pricing);
	yamlw_map_end(l->w);
	return 0;
}

int
cmd_list_milestones(struct cli *c, int yaml)
{
	const char *name = c->value[OPT_MILESTONES];
	struct mlist l = { .yaml = yaml };
	struct store_session info;
	struct store *st = NULL;
	struct yamlw w;
	struct err e;
	char q[Q_MAX];
	int rc;

	if ((rc = cli_store_open(c, NULL, 1, 0, &st)) != EXIT_OK)
		return rc;
	rc = st != NULL ? store_find(st, name, &info, &e) : 0;
	if (rc <= 0) {
		rc = rc < 0 ? cli_fail("%s", e.msg) : cli_fail("no session "
		    "named '%s'", cli_quote(q, sizeof q, name));
		store_close(st);
		return rc;
	}
	if (yaml) {
		if (yamlw_open(&w, stdout, &e) != 0) {
			store_close(st);
			return cli_fail("%s", e.msg);
		}
		l.w = &w;
		yamlw_map(&w, 0);
		yamlw_key(&w, "session");
		yamlw_text(&w, info.name);
		yamlw_key(&w, "milestones");
		yamlw_seq(&w, 0);
	}
	rc = store_milestone_list(st, info.id, list_one, &l, &e);
	if (yaml) {
		yamlw_seq_end(&w);
		yamlw_map_end(&w);
		if (yamlw_close(&w, rc == 0 ? &e : &(struct err){ 0 }) != 0)
			rc = -1;
	} else if (rc == 0 && l.n == 0)
		printf("No milestones yet for session '%s'\n", cli_quote(q,
		    sizeof q, info.name));
	store_close(st);
	return rc == 0 ? EXIT_OK : cli_fail("%s", e.msg);
}

/* diff ------------------------------------------------------------------------------- */

/* One side of a diff: its answers, evaluated in its own session. */
struct side {
	struct session s;
	struct cli_target t;
	struct diff_side d;
};

static int
side_load(struct cli *c, struct model *m, struct pricing *p, long long now,
    struct store **st, const char *spec, struct side *x)
{
	struct answers *a;
	struct err e;
	int rc;

	if (session_init(&x->s, m, p, now, &e) != 0)
		return cli_fail("%s", e.msg);
	if ((rc = cli_load_target(c, m, p, st, spec, 1, &a, &x->t)) !=
	    EXIT_OK)
		return rc;
	if (session_use_answers(&x->s, a, &e) != 0)
		return cli_fail("%s", e.msg);
	x->d = (struct diff_side){ .name = x->t.name, .s = &x->s,
	    .model_id = x->t.model_id, .model_version = x->t.model_version,
	    .pricing = x->t.pricing };
	return EXIT_OK;
}

/* The difference D in format F on standard output; as text, with what
 * files hold escaped for the terminal. */
static int
diff_out(enum diff_format f, const struct diff *d)
{
	struct cli_text t;
	struct err e;
	int rc;

	if (f != DIFF_TEXT)
		return diff_write(stdout, f, d, &e) == 0 ? EXIT_OK :
		    cli_fail("%s", e.msg);
	if (cli_text_open(&t) == NULL)
		return cli_fail("out of memory");
	rc = diff_write(t.fp, f, d, &e);
	if (cli_text_close(&t) != 0)
		return cli_fail("out of memory");
	return rc == 0 ? EXIT_OK : cli_fail("%s", e.msg);
}

/* Recheck result R as text on standard output, escaped for the
 * terminal.  0, or -1 when out of memory. */
static int
recheck_out(const struct recheck *r, const struct model *m)
{
	struct cli_text t;

	if (cli_text_open(&t) == NULL)
		return -1;
	recheck_text(t.fp, r, m);
	return cli_text_close(&t);
}

int
cmd_diff(struct cli *c)
{
	const char *format = c->value[OPT_FORMAT];
	enum diff_format f = DIFF_TEXT;
	struct side a, b;
	struct pricing *p = NULL;
	struct store *st = NULL;
	struct model *m;
	struct diff d;
	struct err e;
	long long now;
	char q[128];
	int rc;

	if (format == NULL || strcmp(format, "text") == 0)
		f = DIFF_TEXT;
	else if (strcmp(format, "yaml") == 0)
		f = DIFF_YAML;
	else if (strcmp(format, "markdown") == 0 || strcmp(format, "md") == 0)
		f = DIFF_MARKDOWN;
	else
		return cli_usage_error("unknown format '%s' for diff (expected "
		    "text, yaml or markdown)", cli_quote(q, sizeof q, format));
	if ((rc = cli_now(&now)) != EXIT_OK)
		return rc;
	memset(&a, 0, sizeof a);
	memset(&b, 0, sizeof b);
	if ((m = cli_load_model(c)) == NULL)
		return EXIT_FAIL;
	rc = EXIT_FAIL;
	if ((p = cli_load_pricing(c)) == NULL)
		goto out;
	if ((rc = side_load(c, m, p, now, &st, c->argv[0], &a)) != EXIT_OK ||
	    (rc = side_load(c, m, p, now, &st, c->argv[1], &b)) != EXIT_OK)
		goto out;
	if (diff_run(&d, &a.d, &b.d, &e) != 0) {
		rc = cli_fail("%s", e.msg);
		goto out;
	}
	rc = diff_out(f, &d);
	diff_free(&d);
out:
	session_fini(&a.s);
	session_fini(&b.s);
	store_close(st);
	pricing_free(p);
	model_free(m);
	return rc;
}

/* recheck ------------------------------------------------------------------------------ */

/* One file rechecked: its evaluation, and what the check found. */
struct rechecked {
	struct session s;
	struct recheck r;
	int ok;
};

static int
recheck_one(struct model *m, struct pricing *p, long long now,
    const char *file, struct rechecked *x)
{
	struct evidence ev;
	struct answers *a;
	struct err e;

	if (session_init(&x->s, m, p, now, &e) != 0)
		return cli_fail("%s", e.msg);
	if (evidence_read(&ev, m, file, &e) != 0)
		return cli_fail("%s", e.msg);
	/* The session owns the answers, and with them the strings the
	 * evidence points into. */
	a = ev.answers;
	ev.answers = NULL;
	if (session_use_answers(&x->s, a, &e) != 0) {
		evidence_free(&ev);
		return cli_fail("%s", e.msg);
	}
	if (recheck_run(&x->r, file, &ev, &x->s, &e) != 0) {
		evidence_free(&ev);
		return cli_fail("%s", e.msg);
	}
	evidence_free(&ev);
	x->ok = 1;
	return EXIT_OK;
}

int
cmd_recheck(struct cli *c)
{
	const char *format = c->value[OPT_FORMAT];
	struct rechecked *x;
	struct recheck *rs;
	struct pricing *p = NULL;
	struct model *m;
	struct err e;
	long long now;
	char q[128];
	int i, n = 0, rc, bad = 0, no_longer = 0, yaml;

	if (format == NULL || strcmp(format, "text") == 0)
		yaml = 0;
	else if (strcmp(format, "yaml") == 0)
		yaml = 1;
	else
		return cli_usage_error("unknown format '%s' for recheck "
		    "(expected text or yaml)", cli_quote(q, sizeof q, format));
	if ((rc = cli_now(&now)) != EXIT_OK)
		return rc;
	if ((m = cli_load_model(c)) == NULL)
		return EXIT_FAIL;
	if ((p = cli_load_pricing(c)) == NULL) {
		model_free(m);
		return EXIT_FAIL;
	}
	x = calloc((size_t)c->argc, sizeof *x);
	rs = calloc((size_t)c->argc, sizeof *rs);
	if (x == NULL || rs == NULL) {
		rc = cli_fail("out of memory");
		goto out;
	}
	for (i = 0; i < c->argc; i++) {
		if (recheck_one(m, p, now, c->argv[i], &x[i]) != EXIT_OK) {
			bad = 1;
			continue;
		}
		no_longer |= x[i].r.verdict == RECHECK_NO_LONGER;
		if (yaml)
			rs[n++] = x[i].r;
		else if (recheck_out(&x[i].r, m) != 0) {
			rc = cli_fail("out of memory");
			goto out;
		}
	}
	rc = EXIT_OK;
	if (yaml && recheck_yaml(stdout, rs, n, m, &e) != 0)
		rc = cli_fail("%s", e.msg);
	if (rc == EXIT_OK && (fflush(stdout) != 0 || ferror(stdout)))
		rc = cli_fail("cannot write to standard output: %s",
		    strerror(errno));
	/* A bad file wins over a decision that no longer holds. */
	if (rc == EXIT_OK)
		rc = bad ? EXIT_FAIL : no_longer ? EXIT_NO_LONGER : EXIT_OK;
out:
	for (i = 0; x != NULL && i < c->argc; i++) {
		recheck_free(&x[i].r);
		session_fini(&x[i].s);
	}
	free(x);
	free(rs);
	pricing_free(p);
	model_free(m);
	return rc;
}

/* Exports into a series ------------------------------------------------------------------- */

/* The short title of the record R: "choose-serverless-for-NAME". */
static const char *
record_title(const struct report *r, char *buf, size_t size)
{
	const char *name = r->session != NULL ? r->session->name :
	    r->answers->session != NULL ? r->answers->session : "the workload";

	if (eval_decided(r->result))
		snprintf(buf, size, "choose %s for %s",
		    r->model->options[r->result->recommendation].title, name);
	else
		snprintf(buf, size, "%s", name);
	return buf;
}

static int
write_to(struct report *r, enum export_format f, const char *path,
    unsigned flags)
{
	struct err e;

	return export_files(r, f, path, flags, &e) == 0 ? EXIT_OK :
	    cli_fail("%s", e.msg);
}

int
cli_export_options(const struct cli *c, enum export_format f)
{
	const char *status = c->value[OPT_STATUS];
	char q[128];

	if ((c->given & (OPTBIT(DIR) | OPTBIT(SUPERSEDES) | OPTBIT(STATUS) |
	    OPTBIT(NO_FRONT_MATTER))) && f != EXPORT_ADR)
		return cli_usage_error("--dir, --supersedes, --status and "
		    "--no-front-matter apply to --format adr");
	if ((c->given & OPTBIT(NO_CHART)) && f != EXPORT_MARKDOWN)
		return cli_usage_error("--no-chart applies to --format "
		    "markdown (the summary)");
	if ((c->given & OPTBIT(DIR)) && (c->given & OPTBIT(OUTPUT)))
		return cli_usage_error("give -o FILE or --dir DIR, not both");
	if ((c->given & OPTBIT(SUPERSEDES)) && !(c->given & OPTBIT(DIR)))
		return cli_usage_error("--supersedes needs --dir (the "
		    "directory of the records)");
	if (status != NULL && strcmp(status, "proposed") != 0 &&
	    strcmp(status, "accepted") != 0)
		return cli_usage_error("unknown status '%s' (expected proposed "
		    "or accepted)", cli_quote(q, sizeof q, status));
	return EXIT_OK;
}

static int
export_series(const struct cli *c, struct report *r)
{
	const char *dir = c->value[OPT_DIR], *sup = c->value[OPT_SUPERSEDES];
	char path[PATH_MAX], name[NAME_MAX + 1], old[NAME_MAX + 1];
	char title[2 * ANSWERS_NAME_MAX + 64], num[8], oldpath[PATH_MAX];
	char q[PATH_MAX + 8];
	struct err e;
	int n, k = 0, rc;

	if (sup != NULL && adrdir_parse_num(sup, &k) != 0)
		return cli_usage_error("--supersedes takes a record number "
		    "(such as 0003), not '%s'", cli_quote(q, sizeof q, sup));
	if (adrdir_check(dir, &e) != 0 || adrdir_next(dir, &n, &e) != 0)
		return cli_fail("%s", e.msg);
	if (sup != NULL) {
		if ((rc = adrdir_find(dir, k, old, sizeof old, &e)) <= 0)
			return rc < 0 ? cli_fail("%s", e.msg) :
			    cli_fail("%s: no record %04d to supersede",
			    cli_quote(q, sizeof q, dir), k);
		snprintf(num, sizeof num, "%04d", k);
		r->adr_supersedes = num;
		r->adr_supersedes_file = old;
	}
	adrdir_file_name(n, record_title(r, title, sizeof title), name,
	    sizeof name);
	snprintf(path, sizeof path, "%s/%s", dir, name);
	/* Never over another record, whatever --force says. */
	if ((rc = write_to(r, EXPORT_ADR, path, 0)) != EXIT_OK)
		return rc;
	if (sup != NULL) {
		snprintf(oldpath, sizeof oldpath, "%s/%s", dir, old);
		if (adrdir_supersede(oldpath, n, &e) != 0)
			return cli_fail("%s (%s was written)", e.msg,
			    cli_quote(q, sizeof q, path));
	}
	printf("%s\n", path);
	return EXIT_OK;
}

int
cli_export_report(const struct cli *c, struct report *r,
    enum export_format f)
{
	int rc;

	if ((rc = cli_export_options(c, f)) != EXIT_OK)
		return rc;
	r->adr_status = c->value[OPT_STATUS];
	r->adr_plain = (c->given & OPTBIT(NO_FRONT_MATTER)) != 0;
	if (c->given & OPTBIT(DIR))
		return export_series(c, r);
	return write_to(r, f, c->value[OPT_OUTPUT],
	    ((c->given & OPTBIT(FORCE)) ? EXPORT_FORCE : 0) |
	    ((c->given & OPTBIT(NO_CHART)) ? 0 : EXPORT_CHART));
}
