/* check_life.c - the decision lifecycle (issue 16): milestones in the
 * store (immutable, carried by copy, rename and delete, whole after a
 * kill), the difference of each kind of change, the evidence a decision
 * record carries, and recheck with today's and with dearer prices. */
#define _GNU_SOURCE		/* nftw, usleep */
#include "config.h"

#include <errno.h>
#include <limits.h>
#include <signal.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "testdir.h"

#include "answers.h"
#include "diff.h"
#include "evidence.h"
#include "export_adr.h"
#include "export_yaml.h"
#include "milestone.h"
#include "model.h"
#include "pricing.h"
#include "recheck.h"
#include "session.h"
#include "store.h"
#include "ydoc.h"

static char base[PATH_MAX / 2];
static char tmpdir[PATH_MAX];
static struct model *model;
static struct pricing *prices;

static const char *
datafile(const char *rel, char *buf, size_t size)
{
	const char *dir = getenv("TRADEOFF_DATADIR");

	ck_assert_msg(dir != NULL, "TRADEOFF_DATADIR is not set");
	snprintf(buf, size, "%s/%s", dir, rel);
	return buf;
}

static void
setup(void)
{
	char p[PATH_MAX];
	struct err e;

	snprintf(tmpdir, sizeof tmpdir, "%s/test.XXXXXX", base);
	ck_assert_msg(mkdtemp(tmpdir) != NULL, "mkdtemp: %s", strerror(errno));
	model = tu_shipped_model();
	prices = pricing_load(datafile("data/pricing.yaml", p, sizeof p), &e);
	ck_assert_msg(prices != NULL, "%s", e.msg);
	setenv("USER", "tester", 1);
}

static void
teardown(void)
{
	tu_rm_tree(tmpdir);
	pricing_free(prices);
	model_free(model);
}

static struct store *
open_store(void)
{
	struct store_opts o = { .model = model, .now = 1767225600 };
	struct store *st;
	struct err e;

	o.path = tu_path(tmpdir, "s.db");
	st = store_open(&o, &e);
	ck_assert_msg(st != NULL, "%s", e.msg);
	return st;
}

/* Session NAME of a fresh store, opened in S, holding the lifecycle
 * answers file. */
static void
open_session(struct session *s, const char *name)
{
	char p[PATH_MAX];
	struct store_session info;
	struct answers *a;
	struct err e;

	ck_assert_int_eq(session_init(s, model, prices, 1767225600, &e), 0);
	session_attach(s, open_store());
	a = answers_load(model, datafile("tests/data/lifecycle.yaml", p,
	    sizeof p), &e);
	ck_assert_msg(a != NULL, "%s", e.msg);
	ck_assert_msg(store_import(s->store, name, a, &info, NULL, &e) == 0,
	    "%s", e.msg);
	answers_free(a);
	ck_assert_int_eq(session_open(s, name, 0, NULL, NULL, &e), 1);
}

static char *
milestone_of(struct store *st, const char *spec)
{
	struct store_session info;
	char label[ANSWERS_NAME_MAX + 1], *text = NULL;
	struct err e;

	ck_assert_int_eq(milestone_resolve(st, spec, &info, label,
	    sizeof label, &e), 1);
	ck_assert_msg(label[0] != '\0', "%s is no milestone", spec);
	ck_assert_int_eq(store_milestone_get(st, info.id, label, NULL, &text,
	    &e), 1);
	return text;
}

static int
count(struct store *st, const char *sql)
{
	sqlite3 *db;
	sqlite3_stmt *s;
	int n;

	(void)st;
	ck_assert_int_eq(sqlite3_open(tu_path(tmpdir, "s.db"), &db),
	    SQLITE_OK);
	ck_assert_int_eq(sqlite3_prepare_v2(db, sql, -1, &s, NULL), SQLITE_OK);
	ck_assert_int_eq(sqlite3_step(s), SQLITE_ROW);
	n = sqlite3_column_int(s, 0);
	sqlite3_finalize(s);
	sqlite3_close(db);
	return n;
}

/* Milestones in the store ------------------------------------------------------ */

START_TEST(test_milestone_immutable)
{
	struct session s;
	struct err e;
	char *before, *after;
	unsigned what;
	sqlite3 *db;
	int q = model_question_index(model, "traffic");

	open_session(&s, "ws");
	ck_assert_msg(milestone_save(&s, "workshop", &e) == 0, "%s", e.msg);
	before = milestone_of(s.store, "ws@workshop");
	ck_assert_ptr_nonnull(strstr(before, "traffic: spiky"));
	ck_assert_ptr_nonnull(strstr(before, "ben:"));
	/* A change and its undo leave the milestone as it was. */
	ck_assert_int_eq(session_set_answer(&s, q, 1, &what, &e), 0);
	ck_assert_int_eq(session_undo(&s, NULL, 0, NULL, &what, &e), 1);
	ck_assert_int_eq(session_set_answer(&s, q, 1, &what, &e), 0);
	after = milestone_of(s.store, "ws@workshop");
	ck_assert_str_eq(before, after);
	free(after);
	/* A taken label, an '@' and a bad name are refused. */
	ck_assert_int_eq(milestone_save(&s, "workshop", &e), -1);
	ck_assert_ptr_nonnull(strstr(e.msg, "already has a milestone"));
	ck_assert_int_eq(milestone_save(&s, "a@b", &e), -1);
	ck_assert_int_eq(milestone_save(&s, " ", &e), -1);
	/* Even SQL cannot change one. */
	ck_assert_int_eq(sqlite3_open(tu_path(tmpdir, "s.db"), &db),
	    SQLITE_OK);
	ck_assert_int_ne(sqlite3_exec(db, "UPDATE milestones SET answers = "
	    "'x'", NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(db);
	after = milestone_of(s.store, "ws@workshop");
	ck_assert_str_eq(before, after);
	/* The schema version is 3. */
	ck_assert_int_eq(count(s.store, "PRAGMA user_version"), 3);
	free(before);
	free(after);
	session_fini(&s);
}
END_TEST

START_TEST(test_milestone_carried)
{
	struct session s;
	struct err e;
	char *orig, *copy;
	unsigned what;

	open_session(&s, "ws");
	ck_assert_int_eq(milestone_save(&s, "v1", &e), 0);
	orig = milestone_of(s.store, "ws@v1");
	ck_assert_int_eq(session_copy(&s, "ws", "ws copy", &what, &e), 0);
	copy = milestone_of(s.store, "ws copy@v1");
	ck_assert_str_eq(orig, copy);
	free(copy);
	ck_assert_int_eq(session_rename(&s, "ws", "renamed", &what, &e), 0);
	copy = milestone_of(s.store, "renamed@v1");
	ck_assert_str_eq(orig, copy);
	free(copy);
	ck_assert_int_eq(count(s.store, "SELECT count(*) FROM milestones"), 2);
	ck_assert_int_eq(session_delete(&s, "ws copy", &what, &e), 0);
	ck_assert_int_eq(count(s.store, "SELECT count(*) FROM milestones"), 1);
	free(orig);
	session_fini(&s);
}
END_TEST

/* NAME@LABEL splits at the last '@' only when NAME has LABEL. */
START_TEST(test_milestone_names)
{
	struct store_session info;
	char label[ANSWERS_NAME_MAX + 1];
	struct session s;
	struct err e;

	open_session(&s, "a");
	ck_assert_int_eq(milestone_save(&s, "b", &e), 0);
	session_fini(&s);
	open_session(&s, "a@b");
	session_fini(&s);
	open_session(&s, "x@y");
	ck_assert_int_eq(milestone_resolve(s.store, "a@b", &info, label,
	    sizeof label, &e), 1);
	ck_assert_str_eq(info.name, "a");
	ck_assert_str_eq(label, "b");
	ck_assert_int_eq(milestone_resolve(s.store, "x@y", &info, label,
	    sizeof label, &e), 1);
	ck_assert_str_eq(info.name, "x@y");
	ck_assert_str_eq(label, "");
	ck_assert_int_eq(milestone_resolve(s.store, "a@nothing", &info,
	    label, sizeof label, &e), 0);
	session_fini(&s);
}
END_TEST

/* A writer killed at any moment leaves every milestone it reported
 * saved whole, and none half-written. */
START_TEST(test_milestone_kill)
{
	struct session s;
	struct store *st;
	struct err e;
	int k, fds[2], status, n, first, more, got = 0;
	char label[32];
	pid_t pid;

	open_session(&s, "ws");
	session_fini(&s);
	srand((unsigned)time(NULL) ^ (unsigned)getpid());
	for (k = 0; k < 8; k++) {
		ck_assert_int_eq(pipe(fds), 0);
		if ((pid = fork()) == 0) {
			close(fds[0]);
			if (session_init(&s, model, prices, 0, &e) != 0)
				_exit(2);
			session_attach(&s, open_store());
			if (session_open(&s, "ws", 0, NULL, NULL, &e) != 1)
				_exit(2);
			for (n = 0;; n++) {
				snprintf(label, sizeof label, "k%d-%d", k, n);
				if (milestone_save(&s, label, &e) == 0 &&
				    write(fds[1], &n, sizeof n) != sizeof n)
					_exit(3);
			}
		}
		close(fds[1]);
		/* Kill it at a random moment after its first milestone,
		 * however slowly it runs (valgrind, a busy machine). */
		ck_assert_int_eq(read(fds[0], &first, sizeof first),
		    sizeof first);
		usleep((useconds_t)(rand() % 20000 + 2000));
		kill(pid, SIGKILL);
		ck_assert_int_eq(waitpid(pid, &status, 0), pid);
		for (n = first, more = 1; more; more = read(fds[0], &n,
		    sizeof n) == sizeof n) {
			char spec[64], *text;
			struct answers *a;

			snprintf(spec, sizeof spec, "ws@k%d-%d", k, n);
			st = open_store();
			text = milestone_of(st, spec);
			a = answers_load_buffer(model, spec, text, strlen(text),
			    &e);
			ck_assert_msg(a != NULL, "%s: %s", spec, e.msg);
			answers_free(a);
			free(text);
			store_close(st);
			got++;
		}
		close(fds[0]);
	}
	st = open_store();
	ck_assert_int_eq(count(st, "SELECT count(*) FROM milestones WHERE "
	    "answers NOT LIKE '%traffic: spiky%'"), 0);
	ck_assert_int_eq(count(st, "SELECT count(*) FROM pragma_integrity_check "
	    "WHERE integrity_check != 'ok'"), 0);
	store_close(st);
	ck_assert_msg(got > 0, "no milestone was saved before the kills");
}
END_TEST

/* The difference of each kind of change ----------------------------------------- */

static void
side_of(struct session *s, struct diff_side *d, const char *name,
    const char *yaml)
{
	struct answers *a;
	struct err e;

	ck_assert_int_eq(session_init(s, model, prices, 1767225600, &e), 0);
	a = answers_load_buffer(model, name, yaml, strlen(yaml), &e);
	ck_assert_msg(a != NULL, "%s", e.msg);
	ck_assert_int_eq(session_use_answers(s, a, &e), 0);
	*d = (struct diff_side){ .name = name, .s = s, .model_id = model->id,
	    .model_version = model->version, .pricing = "p" };
}

/* The diff of A and B has exactly one change, of FIELD. */
static void
one_change(const char *a, const char *b, const char *field)
{
	struct session sa, sb;
	struct diff_side da, db;
	struct diff d;
	struct err e;

	side_of(&sa, &da, "a", a);
	side_of(&sb, &db, "b", b);
	ck_assert_int_eq(diff_run(&d, &da, &db, &e), 0);
	ck_assert_msg(d.nchanges == 1, "%s: %d changes", field, d.nchanges);
	ck_assert_str_eq(d.changes[0].field, field);
	ck_assert(diff_any(&d));
	diff_free(&d);
	session_fini(&sa);
	session_fini(&sb);
}

START_TEST(test_diff_kinds)
{
	static const char base_yaml[] = "answers: {traffic: spiky}\n";
	struct session sa, sb;
	struct diff_side da, db;
	struct diff d;
	struct err e;
	char *out;
	size_t len;
	FILE *f;

	one_change(base_yaml, "answers: {traffic: steady}\n",
	    "answer:traffic");
	one_change(base_yaml, "answers: {traffic: spiky}\nnotes: {traffic: "
	    "x}\n", "note:traffic");
	one_change(base_yaml, "answers: {traffic: spiky}\nweights: {cost: "
	    "5}\n", "weight:cost");
	one_change(base_yaml, "answers: {traffic: spiky}\nworkload: "
	    "{requests_per_month: 5000}\n", "workload:requests_per_month");
	one_change(base_yaml, "answers: {traffic: spiky}\ncontext: why\n",
	    "context");
	one_change(base_yaml, "answers: {traffic: spiky}\nparticipants: "
	    "[Ana]\n", "participants");
	one_change(base_yaml, "answers: {traffic: spiky}\nvotes: {ben: "
	    "{devops: strong}}\n", "vote:ben:devops");
	/* The same answers: nothing differs. */
	side_of(&sa, &da, "a", base_yaml);
	side_of(&sb, &db, "b", base_yaml);
	ck_assert_int_eq(diff_run(&d, &da, &db, &e), 0);
	ck_assert(!diff_any(&d));
	diff_free(&d);
	/* A model recorded at another version is a change; the effects of
	 * a GPU runtime: Kubernetes recommended, Serverless ruled out. */
	session_fini(&sb);
	side_of(&sb, &db, "b", "answers: {traffic: spiky, runtime: gpu}\n");
	da.model_version = "0.9";
	ck_assert_int_eq(diff_run(&d, &da, &db, &e), 0);
	ck_assert_int_eq(d.nchanges, 2);
	ck_assert_str_eq(d.changes[0].field, "model");
	f = open_memstream(&out, &len);
	ck_assert_int_eq(diff_write(f, DIFF_TEXT, &d, &e), 0);
	fclose(f);
	ck_assert_msg(strstr(out, "Now ruled out: Serverless") != NULL, "%s",
	    out);
	ck_assert_msg(strstr(out, "The answer to \"What does the code need "
	    "from its runtime?\": unanswered -> GPUs") != NULL, "%s", out);
	free(out);
	diff_free(&d);
	session_fini(&sa);
	session_fini(&sb);
}
END_TEST

/* Evidence and recheck -------------------------------------------------------------- */

/* The decision record of the lifecycle file evaluated with P, without
 * front matter when PLAIN; TEXT, when not NULL, is every note, the
 * context and (on one line) the session's name.  The answers as an
 * answers file in *YAML when not NULL (the caller frees it). */
static char *
record_as(const struct pricing *p, int plain, const char *text, size_t *len,
    char **yaml)
{
	char path[PATH_MAX], *out;
	struct session s;
	struct answers *a;
	struct report r;
	struct err e;
	size_t n;
	FILE *f;
	int q;

	ck_assert_int_eq(session_init(&s, model, p, 1767225600, &e), 0);
	a = answers_load(model, datafile("tests/data/lifecycle.yaml", path,
	    sizeof path), &e);
	ck_assert_msg(a != NULL, "%s", e.msg);
	for (q = 0; text != NULL && q < model->nquestions; q++)
		a->note[q] = answers_strdup(a, text);
	if (text != NULL) {
		a->context = answers_strdup(a, text);
		if (strchr(text, '\n') == NULL)
			a->session = answers_strdup(a, text);
	}
	ck_assert_int_eq(session_use_answers(&s, a, &e), 0);
	session_report(&s, &r);
	r.adr_plain = plain;
	f = open_memstream(&out, len);
	ck_assert_msg(export_adr(f, &r, &e) == 0, "%s", e.msg);
	fclose(f);
	if (yaml != NULL) {
		f = open_memstream(yaml, &n);
		ck_assert_int_eq(export_yaml(f, s.answers, &e), 0);
		fclose(f);
	}
	session_fini(&s);
	return out;
}

static char *
record(const struct pricing *p, size_t *len)
{
	return record_as(p, 0, NULL, len, NULL);
}

/* Recheck the record BUF with prices P into R (S holds it). */
static void
recheck_with(const char *buf, size_t len, const struct pricing *p,
    struct session *s, struct recheck *r)
{
	struct evidence ev;
	struct answers *a;
	struct err e;

	ck_assert_msg(evidence_read_buffer(&ev, model, "adr.md", buf, len,
	    &e) == 0, "%s", e.msg);
	ck_assert_int_eq(session_init(s, model, p, 1767225600, &e), 0);
	a = ev.answers;
	ev.answers = NULL;
	ck_assert_int_eq(session_use_answers(s, a, &e), 0);
	ck_assert_int_eq(recheck_run(r, "adr.md", &ev, s, &e), 0);
	evidence_free(&ev);
}

/* The shipped price list with functions ten times as dear. */
static struct pricing *
dearer(void)
{
	char path[PATH_MAX], *buf, *at;
	struct pricing *p;
	size_t len;
	struct err e;

	ck_assert_int_eq(ydoc_read_file(datafile("data/pricing.yaml", path,
	    sizeof path), YDOC_MAX_BYTES, &buf, &len, &e), 0);
	at = strstr(buf, "x86_64: 0.0000166667");
	ck_assert_ptr_nonnull(at);
	memcpy(at, "x86_64: 0.000166667 ", 20);
	at = strstr(buf, "per_million_requests: 0.20");
	ck_assert_ptr_nonnull(at);
	memcpy(at, "per_million_requests: 2.00", 26);
	p = pricing_load_buffer("dear.yaml", buf, len, &e);
	ck_assert_msg(p != NULL, "%s", e.msg);
	free(buf);
	return p;
}

START_TEST(test_recheck)
{
	struct pricing *dear = dearer();
	struct session s;
	struct recheck r;
	size_t len;
	char *adr = record(prices, &len);
	int i, price = 0, be = 0;

	/* The shipped files keep it holding. */
	recheck_with(adr, len, prices, &s, &r);
	ck_assert_str_eq(r.recorded, "serverless");
	ck_assert_int_eq(r.verdict, RECHECK_HOLDS);
	ck_assert_int_eq(r.nnew, 0);
	recheck_free(&r);
	session_fini(&s);
	/* Functions ten times as dear: it no longer holds, and says why. */
	recheck_with(adr, len, dear, &s, &r);
	ck_assert_int_eq(r.verdict, RECHECK_NO_LONGER);
	ck_assert_str_eq(r.now, "kubernetes");
	for (i = 0; i < r.nreasons; i++) {
		if (strcmp(r.reasons[i].kind, "price") == 0 &&
		    strcmp(r.reasons[i].key, "functions_gb_second") == 0) {
			price = 1;
			ck_assert_msg(strstr(r.reasons[i].text, "AWS Lambda per "
			    "GB-second") != NULL && strstr(r.reasons[i].text,
			    "10 times as much") != NULL, "%s",
			    r.reasons[i].text);
		}
		if (strcmp(r.reasons[i].kind, "break_even") == 0)
			be = strstr(r.reasons[i].text, "below the workload's "
			    "50,000,000") != NULL;
	}
	ck_assert_msg(price, "no reason names the price");
	ck_assert_msg(be, "no reason says the break-even fell below the "
	    "traffic");
	recheck_free(&r);
	session_fini(&s);
	free(adr);
	pricing_free(dear);
}
END_TEST

START_TEST(test_evidence)
{
	char path[PATH_MAX], *adr, *a1, *a2, *at;
	struct answers *orig;
	struct evidence ev;
	size_t len, l1, l2;
	struct err e;
	FILE *f;

	adr = record(prices, &len);
	/* Re-read, the answers give the same answers file, byte for byte. */
	ck_assert_int_eq(evidence_read_buffer(&ev, model, "adr.md", adr, len,
	    &e), 0);
	ck_assert_int_eq(ev.kind, EVIDENCE_ADR);
	ck_assert_str_eq(ev.status, "proposed");
	orig = answers_load(model, datafile("tests/data/lifecycle.yaml", path,
	    sizeof path), &e);
	f = open_memstream(&a1, &l1);
	ck_assert_int_eq(export_yaml(f, orig, &e), 0);
	fclose(f);
	f = open_memstream(&a2, &l2);
	ck_assert_int_eq(export_yaml(f, ev.answers, &e), 0);
	fclose(f);
	ck_assert_str_eq(a1, a2);
	free(a1);
	free(a2);
	answers_free(orig);
	evidence_free(&ev);
	/* A tampered answer: the digest says so. */
	at = strstr(adr, "    traffic: spiky");
	ck_assert_ptr_nonnull(at);
	memcpy(at, "    traffic: mixed", 18);
	ck_assert_int_eq(evidence_read_buffer(&ev, model, "adr.md", adr, len,
	    &e), -1);
	ck_assert_msg(strstr(e.msg, "digest") != NULL, "%s", e.msg);
	/* No evidence at all. */
	at = strstr(adr, "tradeoff:");
	ck_assert_ptr_nonnull(at);
	memcpy(at, "tradeof_:", 9);
	ck_assert_int_eq(evidence_read_buffer(&ev, model, "adr.md", adr, len,
	    &e), -1);
	ck_assert_msg(strstr(e.msg, "without its evidence") != NULL, "%s",
	    e.msg);
	free(adr);
}
END_TEST

/* Without front matter, whatever the text, nothing ends the comment
 * early and the record reads back as it was written. */
START_TEST(test_evidence_comment)
{
	static const char *const texts[] = { "-", "--", "---", "-->", "<!--",
	    "--!>", "a--", "--a", " -- ", "x <!-- tradeoff evidence",
	    "<!-- tradeoff evidence -->", "line\n--\n-->\n", "- a\n-- b",
	    "\\x2D\\x2D", "\"--\"", "'--'", "-- trailing ", "\u2010\u2010>",
	    NULL };
	char *adr, *want, *got, *at, *end, *dash;
	struct evidence ev;
	size_t len, n;
	struct err e;
	FILE *f;
	int i;

	for (i = 0; texts[i] != NULL; i++) {
		adr = record_as(prices, 1, texts[i], &len, &want);
		ck_assert_msg(strncmp(adr, "# ", 2) == 0, "%s", adr);
		at = strstr(adr, "\n" EVIDENCE_COMMENT " (");
		ck_assert_msg(at != NULL, "no comment for '%s'", texts[i]);
		at = strchr(at + 1, '\n') + 1;
		end = strstr(at, "-->");
		ck_assert_msg(end == adr + len - 4, "'%s' ends the comment at "
		    "%td of %zu", texts[i], end - adr, len);
		dash = strstr(at, "--");
		ck_assert_msg(dash == end, "'%s': '--' in "
		    "the comment: %.40s", texts[i], dash);
		ck_assert_msg(evidence_read_buffer(&ev, model, "adr.md", adr,
		    len, &e) == 0, "'%s': %s", texts[i], e.msg);
		ck_assert_str_eq(ev.status, "proposed");
		ck_assert_str_eq(ev.recommendation, "serverless");
		f = open_memstream(&got, &n);
		ck_assert_int_eq(export_yaml(f, ev.answers, &e), 0);
		fclose(f);
		ck_assert_str_eq(got, want);
		evidence_free(&ev);
		free(got);
		free(want);
		free(adr);
	}
}
END_TEST

static Suite *
life_suite(void)
{
	Suite *s = suite_create("lifecycle");
	TCase *tc = tcase_create("milestones");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_set_timeout(tc, 120);
	tcase_add_test(tc, test_milestone_immutable);
	tcase_add_test(tc, test_milestone_carried);
	tcase_add_test(tc, test_milestone_names);
	tcase_add_test(tc, test_milestone_kill);
	suite_add_tcase(s, tc);
	tc = tcase_create("decisions");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_set_timeout(tc, 120);
	tcase_add_test(tc, test_diff_kinds);
	tcase_add_test(tc, test_recheck);
	tcase_add_test(tc, test_evidence);
	tcase_add_test(tc, test_evidence_comment);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	return tu_run_in_tmpdir(life_suite(), "check_life", base, sizeof base);
}
