/* check_session.c - the open session (core/session.c) against real
 * SQLite files: every verb and what it reports changed, undo chains,
 * another connection's changes read by refresh, and a busy, read-only
 * or deleted database.  No terminal is involved.
 *
 * Each test gets a fresh directory made in a checked fixture (after
 * Check forks), inside one base directory that main() removes. */
#define _GNU_SOURCE		/* nftw */
#include "config.h"

#include <errno.h>
#include <limits.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "testdir.h"

#include "answers.h"
#include "disagree.h"
#include "model.h"
#include "pricing.h"
#include "session.h"
#include "store.h"

#define NOW 1767225600		/* 2026-01-01T00:00:00Z */

static char base[PATH_MAX / 2];
static char tmpdir[PATH_MAX];
static struct model *m;
static struct pricing *prices;

static void
setup(void)
{
	const char *dir = getenv("TRADEOFF_DATADIR");
	char path[PATH_MAX];
	struct err e;

	snprintf(tmpdir, sizeof tmpdir, "%s/test.XXXXXX", base);
	ck_assert_msg(mkdtemp(tmpdir) != NULL, "mkdtemp %s: %s", tmpdir,
	    strerror(errno));
	m = tu_shipped_model();
	snprintf(path, sizeof path, "%s/data/pricing.yaml", dir);
	prices = pricing_load(path, &e);
	ck_assert_msg(prices != NULL, "%s", e.msg);
	setenv("USER", "tester", 1);
}

static void
teardown(void)
{
	tu_rm_tree(tmpdir);
	pricing_free(prices);
	model_free(m);
}

static const char *
tpath(const char *rel)
{
	return tu_path(tmpdir, rel);
}

static int
qi(const char *id)
{
	int q = model_question_index(m, id);

	ck_assert_msg(q >= 0, "no question %s", id);
	return q;
}

static int
ai(const char *q, const char *a)
{
	int i = model_answer_index(m, qi(q), a);

	ck_assert_msg(i >= 0, "no answer %s", a);
	return i;
}

/* A session object on the database REL with journal J, its store open
 * for writing (or read only), session NAME open (created). */
static void
open_on(struct session *s, const char *rel, enum store_journal j,
    int readonly, const char *name)
{
	struct store_opts o = { .path = tpath(rel), .model = m, .now = NOW,
	    .journal = j, .readonly = readonly, .busy_ms = 200 };
	struct store *st;
	struct err e;

	ck_assert_msg(session_init(s, m, prices, NOW, &e) == 0, "%s", e.msg);
	st = store_open(&o, &e);
	ck_assert_msg(st != NULL, "%s", e.msg);
	session_attach(s, st);
	if (name != NULL)
		ck_assert_msg(session_open(s, name, !readonly, NULL, NULL,
		    &e) == 1, "%s", e.msg);
}

static sqlite3 *
raw_open(const char *path)
{
	sqlite3 *db;

	ck_assert_int_eq(sqlite3_open(path, &db), SQLITE_OK);
	sqlite3_busy_timeout(db, 10000);
	return db;
}

static void
raw_exec(sqlite3 *db, const char *sql)
{
	char *msg = NULL;

	ck_assert_msg(sqlite3_exec(db, sql, NULL, NULL, &msg) == SQLITE_OK,
	    "%s: %s", sql, msg != NULL ? msg : "?");
}

/* Every change verb: saved, applied, evaluated, and reported. */
START_TEST(test_verbs)
{
	struct session s, t;
	const char *people[] = { "Ana (architect)", "Ben (SRE)" };
	unsigned what;
	struct err e;
	int q = qi("traffic");

	open_on(&s, "v.db", STORE_JOURNAL_AUTO, 0, "verbs");
	ck_assert_int_eq(s.result->answered, 0);
	ck_assert_int_eq(s.result->recommendation, -1);

	what = 0;
	ck_assert_int_eq(session_set_answer(&s, q, ai("traffic", "spiky"),
	    &what, &e), 0);
	ck_assert_uint_eq(what, SESSION_ANSWERS | SESSION_RESULT);
	ck_assert_int_eq(s.result->answered, 1);
	ck_assert_int_ge(s.result->recommendation, 0);
	/* The same value again changes nothing and reports nothing. */
	what = 0;
	ck_assert_int_eq(session_set_answer(&s, q, ai("traffic", "spiky"),
	    &what, &e), 0);
	ck_assert_uint_eq(what, 0);

	what = 0;
	ck_assert_int_eq(session_set_note(&s, q, "Black Friday", &what, &e),
	    0);
	ck_assert_uint_eq(what, SESSION_NOTES);
	ck_assert_str_eq(s.answers->note[q], "Black Friday");

	what = 0;
	ck_assert_int_eq(session_set_weight(&s, 1, 5, &what, &e), 0);
	ck_assert_uint_eq(what, SESSION_WEIGHTS | SESSION_RESULT);

	what = 0;
	ck_assert_int_eq(session_set_workload(&s, WL_REQUESTS, "5000000",
	    &what, &e), 0);
	ck_assert_uint_eq(what, SESSION_WORKLOAD | SESSION_RESULT);
	ck_assert(s.cost_ok);
	ck_assert_int_ge(s.cost_cheapest, 0);

	what = 0;
	ck_assert_int_eq(session_set_context(&s, "Checkout API", &what, &e),
	    0);
	ck_assert_uint_eq(what, SESSION_CONTEXT);
	what = 0;
	ck_assert_int_eq(session_set_participants(&s, 2, people, &what, &e),
	    0);
	ck_assert_uint_eq(what, SESSION_PARTICIPANTS);

	/* A fresh object on the same file reads it all back. */
	open_on(&t, "v.db", STORE_JOURNAL_AUTO, 0, "verbs");
	ck_assert_int_eq(t.answers->answer[q], ai("traffic", "spiky"));
	ck_assert_str_eq(t.answers->note[q], "Black Friday");
	ck_assert_int_eq(t.answers->weight[1], 5);
	ck_assert_double_eq(t.answers->workload.num[WL_REQUESTS], 5000000);
	ck_assert_str_eq(t.answers->context, "Checkout API");
	ck_assert_int_eq(t.answers->nparticipants, 2);
	ck_assert_str_eq(t.answers->participants[1], "Ben (SRE)");
	ck_assert_double_eq_tol(t.result->total[0], s.result->total[0], 1e-9);

	/* Unsetting: the note and the context go, the figure goes back to
	 * its default. */
	what = 0;
	ck_assert_int_eq(session_set_note(&s, q, "", &what, &e), 0);
	ck_assert_ptr_null(s.answers->note[q]);
	ck_assert_int_eq(session_set_context(&s, NULL, &what, &e), 0);
	ck_assert_ptr_null(s.answers->context);
	ck_assert_int_eq(session_set_workload(&s, WL_REQUESTS, NULL, &what,
	    &e), 0);
	ck_assert_double_eq(s.answers->workload.num[WL_REQUESTS],
	    wl_fields[WL_REQUESTS].def);
	ck_assert_uint_eq(what, SESSION_NOTES | SESSION_CONTEXT |
	    SESSION_WORKLOAD | SESSION_RESULT);
	session_fini(&t);
	session_fini(&s);
	session_fini(&s);	/* twice is safe */
}
END_TEST

/* A bad figure is refused with a message; nothing is saved. */
START_TEST(test_bad_figure)
{
	struct session s, t;
	unsigned what = 0;
	struct err e;

	open_on(&s, "b.db", STORE_JOURNAL_AUTO, 0, "bad");
	ck_assert_int_eq(session_set_workload(&s, WL_REQUESTS, "lots", &what,
	    &e), -1);
	ck_assert_msg(e.msg[0] != '\0', "no message");
	ck_assert_uint_eq(what, 0);
	ck_assert_int_eq(session_set_workload(&s, WL_MEMORY, "99999999",
	    &what, &e), -1);
	ck_assert_uint_eq(what, 0);
	open_on(&t, "b.db", STORE_JOURNAL_AUTO, 0, "bad");
	ck_assert_uint_eq(t.answers->workload.set, 0);
	session_fini(&t);
	session_fini(&s);
}
END_TEST

/* A node type belongs to one provider: changing the provider drops a
 * node type the new one lacks. */
START_TEST(test_provider_node)
{
	struct session s;
	unsigned what = 0;
	struct err e;
	const struct pricing_provider *aws = &prices->provider[WL_AWS];

	ck_assert_int_gt(aws->nnodes, 1);
	open_on(&s, "p.db", STORE_JOURNAL_AUTO, 0, "provider");
	ck_assert_int_eq(session_set_workload(&s, WL_NODE_TYPE,
	    aws->nodes[1].type, &what, &e), 0);
	ck_assert_str_eq(s.answers->workload.text[WL_NODE_TYPE],
	    aws->nodes[1].type);
	ck_assert_int_eq(session_set_workload(&s, WL_PROVIDER, "gcp", &what,
	    &e), 0);
	ck_assert_str_eq(s.answers->workload.text[WL_NODE_TYPE], "");
	ck_assert(s.cost_ok);
	session_fini(&s);
}
END_TEST

/* The provider is an answer: the cost panel's field sets it; a session
 * of 0.1.0 that holds `workload:provider` reads it as the answer until
 * the answer is set, and then the old figure goes. */
START_TEST(test_provider_answer)
{
	struct session s;
	unsigned what = 0;
	struct err e;
	int pq = m->role_question[MODEL_QROLE_PROVIDER];
	struct store *st;

	ck_assert_int_ge(pq, 0);
	open_on(&s, "pa.db", STORE_JOURNAL_AUTO, 0, "cloud");
	ck_assert_int_eq(s.answers->answer[pq], -1);
	ck_assert_int_eq((int)s.answers->workload.num[WL_PROVIDER], WL_AWS);
	ck_assert_int_eq(session_set_workload(&s, WL_PROVIDER, "gcp", &what,
	    &e), 0);
	ck_assert_int_eq(s.answers->answer[pq], ai("provider", "gcp"));
	ck_assert_int_eq((int)s.answers->workload.num[WL_PROVIDER], WL_GCP);
	ck_assert_uint_eq(s.answers->workload.set, 0);
	ck_assert(what & SESSION_ANSWERS);
	ck_assert_ptr_eq(s.cost.provider, &prices->provider[WL_GCP]);
	/* An older session's figure, written behind the session's back. */
	ck_assert_int_eq(session_set_answer(&s, pq, -1, NULL, &e), 0);
	st = s.store;
	ck_assert_int_eq(store_set_workload(st, s.info.id, WL_PROVIDER,
	    "azure", &e), 1);
	ck_assert_int_eq(session_reload(&s, NULL, &e), 0);
	ck_assert_int_eq(s.answers->answer[pq], ai("provider", "azure"));
	ck_assert_int_eq((int)s.answers->workload.num[WL_PROVIDER], WL_AZURE);
	/* Setting the answer retires the figure: cleared, it stays so. */
	ck_assert_int_eq(session_set_answer(&s, pq, ai("provider", "gcp"),
	    NULL, &e), 0);
	ck_assert_int_eq(session_set_answer(&s, pq, -1, NULL, &e), 0);
	ck_assert_int_eq(session_reload(&s, NULL, &e), 0);
	ck_assert_int_eq(s.answers->answer[pq], -1);
	ck_assert_int_eq((int)s.answers->workload.num[WL_PROVIDER], WL_AWS);
	session_fini(&s);
}
END_TEST

/* Once a figure is set the bill counts in the evaluation, and the list
 * of sessions says the same as the open session. */
START_TEST(test_bill_counts)
{
	struct session s;
	struct eval_result *r = eval_result_new(m);
	struct err e;
	int c = m->cost_dim;

	open_on(&s, "b.db", STORE_JOURNAL_AUTO, 0, "bill");
	ck_assert_int_eq(session_set_answer(&s, qi("traffic"),
	    ai("traffic", "spiky"), NULL, &e), 0);
	ck_assert_int_eq(s.result->cost_counted, 0);
	ck_assert_int_eq(session_set_workload(&s, WL_REQUESTS, "5000000000",
	    NULL, &e), 0);
	ck_assert_int_eq(session_set_workload(&s, WL_DURATION, "300", NULL,
	    &e), 0);
	ck_assert_int_eq(session_set_workload(&s, WL_MEMORY, "1024", NULL,
	    &e), 0);
	ck_assert_int_eq(s.result->cost_counted, 1);
	ck_assert(s.result->score[model_option_index(m, "kubernetes")][c] >
	    s.result->score[model_option_index(m, "serverless")][c]);
	ck_assert_int_eq(session_peek(&s, s.info.id, r, &e), 0);
	ck_assert_int_eq(r->cost_counted, 1);
	ck_assert(r->total[0] == s.result->total[0]);
	eval_result_free(r);
	session_fini(&s);
}
END_TEST

/* Undo takes back one change at a time, newest first, and reports what
 * it changed; then there is nothing to undo. */
START_TEST(test_undo_chain)
{
	struct session s;
	struct store_undo u;
	unsigned what;
	struct err e;
	int q = qi("traffic"), d = qi("duration");

	open_on(&s, "u.db", STORE_JOURNAL_AUTO, 0, "undo");
	ck_assert_int_eq(session_undo(&s, NULL, 0, &u, NULL, &e), 0);
	ck_assert_int_eq(session_set_answer(&s, q, ai("traffic", "spiky"),
	    NULL, &e), 0);
	ck_assert_int_eq(session_set_answer(&s, d, ai("duration", "long"),
	    NULL, &e), 0);
	ck_assert_int_eq(session_set_note(&s, d, "batch jobs", NULL, &e), 0);
	ck_assert_int_eq(session_set_answer(&s, q, ai("traffic", "steady"),
	    NULL, &e), 0);

	what = 0;
	ck_assert_int_eq(session_undo(&s, NULL, 0, &u, &what, &e), 1);
	ck_assert_str_eq(u.field, "answer:traffic");
	ck_assert_int_eq(s.answers->answer[q], ai("traffic", "spiky"));
	ck_assert_uint_eq(what, SESSION_ANSWERS | SESSION_RESULT);
	what = 0;
	ck_assert_int_eq(session_undo(&s, NULL, 0, &u, &what, &e), 1);
	ck_assert_ptr_null(s.answers->note[d]);
	ck_assert_uint_eq(what, SESSION_NOTES);
	ck_assert_int_eq(session_undo(&s, NULL, 0, &u, NULL, &e), 1);
	ck_assert_int_eq(s.answers->answer[d], -1);
	ck_assert_int_eq(session_undo(&s, NULL, 0, &u, NULL, &e), 1);
	ck_assert_int_eq(s.answers->answer[q], -1);
	ck_assert_int_eq(s.result->answered, 0);
	ck_assert_int_eq(session_undo(&s, NULL, 0, &u, NULL, &e), 0);
	session_fini(&s);
}
END_TEST

/* What another connection commits is read by refresh, and only then. */
static void
refresh_sees(enum store_journal j)
{
	struct session a, b;
	unsigned what;
	struct err e;
	int q = qi("traffic");

	open_on(&a, "r.db", j, 0, "shared");
	open_on(&b, "r.db", j, 0, "shared");
	/* Nothing changed: nothing read. */
	what = 0;
	ck_assert_int_eq(session_refresh(&b, &what, &e), 0);
	ck_assert_uint_eq(what, 0);
	/* Our own change is not news to us. */
	ck_assert_int_eq(session_set_answer(&b, qi("state"),
	    ai("state", "stateless"), NULL, &e), 0);
	what = 0;
	ck_assert_int_eq(session_refresh(&b, &what, &e), 0);
	ck_assert_uint_eq(what, 0);

	ck_assert_int_eq(session_set_answer(&a, q, ai("traffic", "steady"),
	    NULL, &e), 0);
	ck_assert_int_eq(session_set_note(&a, q, "24/7", NULL, &e), 0);
	ck_assert_int_eq(b.answers->answer[q], -1);
	what = 0;
	ck_assert_int_eq(session_refresh(&b, &what, &e), 0);
	ck_assert(what & SESSION_ANSWERS);
	ck_assert(what & SESSION_NOTES);
	ck_assert(what & SESSION_RESULT);
	ck_assert(!(what & SESSION_WEIGHTS));
	ck_assert_int_eq(b.answers->answer[q], ai("traffic", "steady"));
	ck_assert_str_eq(b.answers->note[q], "24/7");
	ck_assert_int_eq(b.result->answered, 2);
	/* A rename elsewhere: the open session follows it. */
	ck_assert_int_eq(session_rename(&a, "shared", "renamed", NULL, &e),
	    0);
	what = 0;
	ck_assert_int_eq(session_refresh(&b, &what, &e), 0);
	ck_assert(what & SESSION_NAME);
	ck_assert_str_eq(b.info.name, "renamed");
	/* A delete elsewhere: an error, and B keeps what it showed. */
	ck_assert_int_eq(session_open(&a, "other", 1, NULL, NULL, &e), 1);
	ck_assert_int_eq(session_delete(&a, "renamed", NULL, &e), 0);
	ck_assert_int_eq(session_refresh(&b, &what, &e), -1);
	ck_assert_msg(strstr(e.msg, "deleted") != NULL, "%s", e.msg);
	ck_assert_int_eq(b.answers->answer[q], ai("traffic", "steady"));
	/* And a change to it fails instead of going nowhere. */
	ck_assert_int_eq(session_set_answer(&b, q, ai("traffic", "mixed"),
	    NULL, &e), -1);
	session_fini(&a);
	session_fini(&b);
}

START_TEST(test_refresh_wal)
{
	refresh_sees(STORE_JOURNAL_WAL);
}
END_TEST

START_TEST(test_refresh_delete)
{
	refresh_sees(STORE_JOURNAL_DELETE);
}
END_TEST

/* A busy database: a change fails with a message and changes nothing;
 * refresh does not wait for the lock; once it is gone all works. */
START_TEST(test_busy)
{
	struct session s;
	unsigned what = 0;
	struct err e;
	sqlite3 *db;
	int q = qi("traffic");

	open_on(&s, "busy.db", STORE_JOURNAL_DELETE, 0, "busy");
	db = raw_open(tpath("busy.db"));
	raw_exec(db, "BEGIN EXCLUSIVE; UPDATE sessions SET context = 'x'");
	ck_assert_int_eq(session_set_answer(&s, q, ai("traffic", "spiky"),
	    &what, &e), -1);
	ck_assert_msg(strstr(e.msg, "locked") != NULL, "%s", e.msg);
	ck_assert_uint_eq(what, 0);
	ck_assert_int_eq(s.answers->answer[q], -1);
	ck_assert_int_eq(session_refresh(&s, &what, &e), 0);
	ck_assert_uint_eq(what, 0);
	raw_exec(db, "ROLLBACK");
	sqlite3_close(db);
	ck_assert_int_eq(session_set_answer(&s, q, ai("traffic", "spiky"),
	    &what, &e), 0);
	ck_assert_int_eq(s.answers->answer[q], ai("traffic", "spiky"));
	session_fini(&s);
}
END_TEST

/* A read-only store: every change refused with a message, nothing
 * changed in memory. */
START_TEST(test_readonly)
{
	struct session s, ro;
	unsigned what = 0;
	struct err e;
	int q = qi("traffic");

	open_on(&s, "ro.db", STORE_JOURNAL_AUTO, 0, "ro");
	ck_assert_int_eq(session_set_answer(&s, q, ai("traffic", "spiky"),
	    NULL, &e), 0);
	session_fini(&s);
	open_on(&ro, "ro.db", STORE_JOURNAL_AUTO, 1, "ro");
	ck_assert_int_eq(ro.answers->answer[q], ai("traffic", "spiky"));
	ck_assert_int_eq(session_set_answer(&ro, q, ai("traffic", "steady"),
	    &what, &e), -1);
	ck_assert_msg(e.msg[0] != '\0', "no message");
	ck_assert_int_eq(session_set_note(&ro, q, "x", &what, &e), -1);
	ck_assert_int_eq(session_set_weight(&ro, 0, 1, &what, &e), -1);
	ck_assert_uint_eq(what, 0);
	ck_assert_int_eq(ro.answers->answer[q], ai("traffic", "spiky"));
	ck_assert_ptr_null(ro.answers->note[q]);
	session_fini(&ro);
}
END_TEST

/* Opening: by name, by id, the default; names for new sessions follow
 * the report time (TRADEOFF_NOW), not the clock. */
START_TEST(test_open_and_names)
{
	struct session s;
	char name[ANSWERS_NAME_MAX + 1];
	unsigned what;
	struct err e;
	long long id;
	int created;

	open_on(&s, "o.db", STORE_JOURNAL_AUTO, 0, NULL);
	ck_assert_str_eq(session_new_name(&s, name, sizeof name),
	    "workshop 2026-01-01");
	/* An empty database: the default is a new session of that name. */
	ck_assert_int_eq(session_open_default(&s, NULL, &e), 0);
	ck_assert_str_eq(s.info.name, "workshop 2026-01-01");
	ck_assert_str_eq(session_new_name(&s, name, sizeof name),
	    "workshop 2026-01-01 (2)");
	ck_assert_str_eq(session_unused_name(&s, "spare", name, sizeof name),
	    "spare");
	id = s.info.id;
	ck_assert_int_eq(session_open(&s, "no such", 0, &created, NULL, &e),
	    0);
	ck_assert_int_eq(s.info.id, id);	/* still open */
	what = 0;
	ck_assert_int_eq(session_open(&s, "second", 1, &created, &what, &e),
	    1);
	ck_assert(created);
	ck_assert(what & SESSION_OPENED);
	ck_assert_int_eq(session_open_id(&s, id, NULL, &e), 1);
	ck_assert_str_eq(s.info.name, "workshop 2026-01-01");
	ck_assert_int_eq(session_open_id(&s, id + 1000, NULL, &e), 0);
	/* The latest changed is the default. */
	ck_assert_int_eq(session_set_answer(&s, qi("traffic"), 0, NULL, &e),
	    0);
	ck_assert_int_eq(session_open(&s, "second", 0, NULL, NULL, &e), 1);
	ck_assert_int_eq(session_open_default(&s, NULL, &e), 0);
	ck_assert_int_eq(s.info.id, id);
	/* Rename, copy, delete. */
	what = 0;
	ck_assert_int_eq(session_rename(&s, s.info.name, "first", &what, &e),
	    0);
	ck_assert(what & SESSION_NAME);
	ck_assert_str_eq(s.info.name, "first");
	ck_assert_int_eq(session_rename(&s, "first", "bad\nname", NULL, &e),
	    -1);
	ck_assert_int_eq(session_copy(&s, "first", "third", NULL, &e), 0);
	ck_assert_int_eq(session_copy(&s, "first", "third", NULL, &e), -1);
	ck_assert_int_eq(session_delete(&s, "first", NULL, &e), -1);
	ck_assert_msg(strstr(e.msg, "open") != NULL, "%s", e.msg);
	ck_assert_int_eq(session_delete(&s, "third", NULL, &e), 0);
	session_fini(&s);
}
END_TEST

/* Another session evaluated without opening it. */
START_TEST(test_peek)
{
	struct session s;
	struct eval_result *r = eval_result_new(m);
	struct err e;
	long long other;

	open_on(&s, "k.db", STORE_JOURNAL_AUTO, 0, "peeked");
	ck_assert_int_eq(session_set_answer(&s, qi("duration"),
	    ai("duration", "long"), NULL, &e), 0);
	other = s.info.id;
	ck_assert_int_eq(session_open(&s, "looker", 1, NULL, NULL, &e), 1);
	ck_assert_int_eq(session_peek(&s, other, r, &e), 0);
	ck_assert_int_eq(r->answered, 1);
	ck_assert_int_eq(s.result->answered, 0);
	eval_result_free(r);
	session_fini(&s);
}
END_TEST

/* Answers from a file: evaluated and priced; a workload the prices
 * cannot judge is an error at its place in the file. */
START_TEST(test_answers_file)
{
	static const char good[] = "answers:\n  traffic: spiky\n"
	    "workload:\n  requests_per_month: 3000000\n";
	static const char bad[] = "answers:\n  traffic: spiky\n"
	    "workload:\n  node_type: no-such-node\n";
	struct session s;
	struct answers *a;
	struct report r;
	struct err e;

	ck_assert_int_eq(session_init(&s, m, prices, NOW, &e), 0);
	a = answers_load_buffer(m, "good.yaml", good, strlen(good), &e);
	ck_assert_msg(a != NULL, "%s", e.msg);
	ck_assert_int_eq(session_use_answers(&s, a, &e), 0);
	ck_assert_int_eq(s.result->answered, 1);
	ck_assert(s.cost_ok);
	session_report(&s, &r);
	ck_assert_ptr_eq(r.cost, &s.cost);
	ck_assert_ptr_eq(r.answers, s.answers);
	/* No store: the change verbs refuse. */
	ck_assert_int_eq(session_set_answer(&s, 0, 0, NULL, &e), -1);
	a = answers_load_buffer(m, "bad.yaml", bad, strlen(bad), &e);
	ck_assert_msg(a != NULL, "%s", e.msg);
	ck_assert_int_eq(session_use_answers(&s, a, &e), -1);
	ck_assert_msg(strstr(e.msg, "bad.yaml:4:") != NULL, "%s", e.msg);
	ck_assert(!s.cost_ok);
	session_report(&s, &r);
	ck_assert_ptr_null(r.cost);
	session_fini(&s);
}
END_TEST

/* The disagreements: every disputed question, each answer's
 * recommendation the same as an evaluation of the answers with it, the
 * ones that change the outcome first; each participant's own
 * recommendation the same as an evaluation with their votes. */
START_TEST(test_disagree)
{
	struct answers *a = answers_new(m);
	struct disagree *d = disagree_new(m);
	struct eval_result *r = eval_result_new(m);
	int *ans = calloc((size_t)m->nquestions, sizeof *ans);
	const char *who[] = { "ana", "ben", "chloe" };
	unsigned seed = 7;
	int round, i, j, k, q, prev_changes = 1;

	ck_assert_ptr_nonnull(a);
	for (q = 0; q < m->nquestions; q++)
		a->answer[q] = (int)(rand_r(&seed) % 2 ? rand_r(&seed) %
		    (unsigned)m->questions[q].nanswers : (unsigned)-1);
	for (round = 0; round < 3; round++)
		ck_assert_int_eq(answers_add_ident(a, who[round]), round);
	for (i = 0; i < 3; i++)
		for (q = 0; q < m->nquestions; q++)
			a->vote[i][q] = rand_r(&seed) % 3 ? -1 : (int)(rand_r(
			    &seed) % (unsigned)m->questions[q].nanswers);
	eval_run(m, a->answer, a->weight, r);
	disagree_run(d, a, a->weight, NULL, r->recommendation);
	ck_assert_int_eq(d->room, r->recommendation);
	ck_assert_int_gt(d->nquestions, 0);
	for (j = 0; j < d->nquestions; j++) {
		const struct disagree_question *x = &d->questions[j];
		int split;

		ck_assert_int_ge(answers_votes_on(a, x->question, &split), 2);
		ck_assert(split);
		/* Those that change the outcome come first. */
		ck_assert(!(x->changes && !prev_changes));
		prev_changes = x->changes;
		for (k = 0; k < x->nanswers; k++) {
			memcpy(ans, a->answer, (size_t)m->nquestions *
			    sizeof *ans);
			ans[x->question] = x->answers[k].answer;
			eval_run(m, ans, a->weight, r);
			ck_assert_int_eq(x->answers[k].recommendation,
			    r->recommendation);
			ck_assert_int_eq(x->answers[k].changes,
			    r->recommendation != d->room);
		}
	}
	for (i = 0; i < 3; i++) {
		for (q = 0; q < m->nquestions; q++)
			ans[q] = a->vote[i][q] >= 0 ? a->vote[i][q] :
			    a->answer[q];
		eval_run(m, ans, a->weight, r);
		ck_assert_int_eq(d->own[i], r->recommendation);
	}
	free(ans);
	eval_result_free(r);
	disagree_free(d);
	answers_free(a);
}
END_TEST

static Suite *
session_suite(void)
{
	Suite *s = suite_create("session");
	TCase *tc = tcase_create("verbs");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, test_verbs);
	tcase_add_test(tc, test_bad_figure);
	tcase_add_test(tc, test_provider_node);
	tcase_add_test(tc, test_provider_answer);
	tcase_add_test(tc, test_bill_counts);
	tcase_add_test(tc, test_undo_chain);
	tcase_add_test(tc, test_refresh_wal);
	tcase_add_test(tc, test_refresh_delete);
	tcase_add_test(tc, test_busy);
	tcase_add_test(tc, test_readonly);
	tcase_add_test(tc, test_open_and_names);
	tcase_add_test(tc, test_peek);
	tcase_add_test(tc, test_answers_file);
	tcase_add_test(tc, test_disagree);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	return tu_run_in_tmpdir(session_suite(), "check_session", base,
	    sizeof base);
}
