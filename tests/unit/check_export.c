/* check_export.c - exporting sessions: file names, the decision record's
 * front matter, the writers' purity and history, and export_session_to
 * against a real session store and real files.
 *
 * Tests that touch files get a fresh directory (made in a checked
 * fixture, after Check forks) inside one base directory under
 * $TESTS_BUILDDIR that main() makes and removes. */
#define _GNU_SOURCE		/* nftw */
#include "config.h"

#include <errno.h>
#include <ftw.h>
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "testdir.h"

#include "answers.h"
#include "chart.h"
#include "eval.h"
#include "export.h"
#include "export_adr.h"
#include "export_md.h"
#include "model.h"
#include "outfile.h"
#include "report.h"
#include "store.h"
#include "ydoc.h"

static char base[PATH_MAX / 2];
static char tmpdir[PATH_MAX];
static struct model *m;

static void
setup(void)
{
	m = tu_shipped_model();
}

static void
teardown(void)
{
	model_free(m);
	m = NULL;
}

static void
setup_dir(void)
{
	setup();
	snprintf(tmpdir, sizeof tmpdir, "%s/test.XXXXXX", base);
	ck_assert_msg(mkdtemp(tmpdir) != NULL, "mkdtemp %s: %s", tmpdir,
	    strerror(errno));
	umask(022);
	setenv("USER", "tester", 1);
}



static const char *
tpath(const char *rel)
{
	return tu_path(tmpdir, rel);
}

/* The whole file at PATH (malloc'd), or NULL. */
static char *
slurp(const char *path)
{
	char *buf = NULL;
	size_t len = 0;
	struct err e;

	if (ydoc_read_file(path, 1 << 22, &buf, &len, &e) != 0)
		return NULL;
	return buf;
}

/* ---- file names ---- */

START_TEST(test_file_name)
{
	static const struct { const char *in, *out; } cases[] = {
		{ "checkout-service", "checkout-service" },
		{ "Checkout | \"EU\" / caf\xc3\xa9", "Checkout-EU-caf" },
		{ "../../etc/passwd", "etc-passwd" },
		{ ".hidden", "hidden" },
		{ "-rf", "rf" },
		{ "--- .. ---", "session" },
		{ "a  b", "a-b" },
		{ "a--b", "a-b" },
		{ "a_b.c-1", "a_b.c-1" },
		{ "name.", "name" },
		{ "x/y\\z", "x-y-z" },
		{ "\xf0\x9f\x9a\x80", "session" },
		{ "", "session" },
		{ "\xf0\x9f\x9a\x80 launch", "launch" },
		{ "v1.2 <final>", "v1.2-final" },
	};
	char buf[128], small[4], big[400];
	size_t i;

	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		export_file_name(cases[i].in, buf, sizeof buf);
		ck_assert_msg(strcmp(buf, cases[i].out) == 0, "'%s' gave '%s', "
		    "expected '%s'", cases[i].in, buf, cases[i].out);
	}
	/* At most 100 bytes, and what the buffer holds. */
	memset(big, 'x', sizeof big - 1);
	big[sizeof big - 1] = '\0';
	ck_assert_uint_eq(strlen(export_file_name(big, buf, sizeof buf)), 100);
	ck_assert_str_eq(export_file_name("abcdef", small, sizeof small),
	    "abc");
	ck_assert_str_eq(export_file_name("a-----", small, sizeof small), "a");
	ck_assert_str_eq(export_file_name("abc", small, 1), "");
}
END_TEST

START_TEST(test_default_path)
{
	char buf[256];
	enum export_format f;

	ck_assert_str_eq(export_default_path("Checkout EU", EXPORT_MARKDOWN,
	    buf, sizeof buf), "./Checkout-EU.md");
	ck_assert_str_eq(export_default_path("Checkout EU", EXPORT_ADR, buf,
	    sizeof buf), "./Checkout-EU-adr.md");
	ck_assert_str_eq(export_default_path("../x", EXPORT_YAML, buf,
	    sizeof buf), "./x.yaml");
	ck_assert_str_eq(export_default_path("", EXPORT_MARKDOWN, buf,
	    sizeof buf), "./session.md");
	ck_assert_int_eq(export_format_parse("markdown", &f), 0);
	ck_assert_int_eq(f, EXPORT_MARKDOWN);
	ck_assert_int_eq(export_format_parse("md", &f), 0);
	ck_assert_int_eq(f, EXPORT_MARKDOWN);
	ck_assert_int_eq(export_format_parse("adr", &f), 0);
	ck_assert_int_eq(f, EXPORT_ADR);
	ck_assert_int_eq(export_format_parse("yaml", &f), 0);
	ck_assert_int_eq(f, EXPORT_YAML);
	ck_assert_int_eq(export_format_parse("pdf", &f), -1);
	ck_assert_int_eq(export_format_parse(NULL, &f), -1);
	ck_assert_str_eq(export_format_name(EXPORT_ADR), "adr");
}
END_TEST

/* ---- the writers ---- */

static const char hostile[] =
"session: \"--- # <b>x</b>\"\n"
"participants: [\"---\", \"...\", \"- dash\", \"# hash\", \"a: b\", "
"\"<script>alert(1)</script>\", \"'quoted'\", \"yes\", \"Zo\xc3\xab\"]\n"
"answers: {traffic: spiky, duration: long}\n"
"notes: {traffic: \"| pipe |\\n---\\n# h\"}\n";

struct doc {
	struct answers *a;
	struct eval_result *res;
	struct report rep;
};

static void
doc_of(struct doc *d, const char *text)
{
	struct err e;

	d->a = answers_load_buffer(m, "a.yaml", text, strlen(text), &e);
	ck_assert_msg(d->a != NULL, "%s", e.msg);
	d->res = eval_result_new(m);
	ck_assert_ptr_nonnull(d->res);
	eval_run(m, d->a->answer, d->a->weight, d->res);
	d->rep = (struct report){ .model = m, .answers = d->a,
	    .result = d->res, .now = 1767225600 };
}

static void
doc_free(struct doc *d)
{
	eval_result_free(d->res);
	answers_free(d->a);
}

static char *
write_doc(int (*fn)(FILE *, const struct report *, struct err *),
    const struct report *r)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	struct err e;

	ck_assert_msg(fn(f, r, &e) == 0, "%s", e.msg);
	fclose(f);
	return buf;
}

/* The front matter is YAML that gives back every participant as it was,
 * and only its own two "---" lines can end it. */
START_TEST(test_adr_front_matter)
{
	struct doc d;
	struct ydoc yd;
	struct arena *arena = arena_new();
	const struct ynode *dm;
	char *buf, *end, *p;
	struct err e;
	int i, dashes = 0;

	doc_of(&d, hostile);
	buf = write_doc(export_adr, &d.rep);
	ck_assert_msg(strncmp(buf, "---\n", 4) == 0, "%s", buf);
	end = strstr(buf + 4, "\n---\n");
	ck_assert_ptr_nonnull(end);
	for (p = buf; (p = strstr(p, "\n---\n")) != NULL; p++)
		dashes++;
	ck_assert_int_eq(dashes, 1);
	ck_assert_msg(ydoc_parse(&yd, arena, "front", buf + 4,
	    (size_t)(end - buf - 3), &e) == 0, "%s\n%s", e.msg, buf);
	ck_assert_str_eq(ymap_get(yd.root, "status")->str, "proposed");
	ck_assert_str_eq(ymap_get(yd.root, "date")->str, "2026-01-01");
	dm = ymap_get(yd.root, "decision-makers");
	ck_assert_ptr_nonnull(dm);
	ck_assert_uint_eq(dm->len, (size_t)d.a->nparticipants);
	for (i = 0; i < d.a->nparticipants; i++)
		ck_assert_str_eq(dm->kids[i]->str, d.a->participants[i]);
	/* The body starts with the title. */
	ck_assert_msg(strncmp(end, "\n---\n\n# Choose ", 15) == 0, "%s", end);
	free(buf);
	arena_free(arena);
	doc_free(&d);
}
END_TEST

START_TEST(test_adr_no_participants)
{
	struct doc d;
	char *buf;

	doc_of(&d, "answers: {}\n");
	buf = write_doc(export_adr, &d.rep);
	ck_assert_ptr_null(strstr(buf, "decision-makers"));
	ck_assert_ptr_nonnull(strstr(buf, "\n# Choose between Serverless, "
	    "Kubernetes and Hybrid for the workload\n"));
	ck_assert_ptr_nonnull(strstr(buf, "No option is chosen yet"));
	free(buf);
	doc_free(&d);
}
END_TEST

/* The record's rules (issue 14): two answers are not enough to choose;
 * with the serverless answers it chooses; a Bad line quotes the cell of
 * the option the row favours; every note is there with its question. */
START_TEST(test_adr_rules)
{
	static const char thin[] =
	    "session: s\nanswers: {traffic: spiky, devops: none}\n"
	    "notes: {devops: \"Ana: we hire SREs next year\", "
	    "regions: \"EU only\", rollout: \"canary later\"}\n";
	static const char full[] =
	    "session: s\nanswers: {traffic: spiky, duration: short, state: "
	    "stateless, latency: strict, connections: none, mix: uniform, "
	    "services: few, coupling: loose, runtime: standard, networking: "
	    "managed, devops: none, time_to_market: urgent, "
	    "existing_platform: none, regulation: none, network_policy: none, "
	    "regions: single, debugging: logs, observability_stack: platform, "
	    "rollout: simple}\n"
	    "notes: {regions: \"EU only\", coupling: \"events via SQS\"}\n";
	const struct model_table *arch = model_table_for(m,
	    model_dim_index(m, "architecture"));
	const char *lat = NULL;
	struct doc d;
	char *buf, line[1024];
	int i;

	doc_of(&d, thin);
	ck_assert_int_eq(d.res->recommendation,
	    model_option_index(m, "serverless"));
	ck_assert(!eval_decided(d.res));
	buf = write_doc(export_adr, &d.rep);
	ck_assert_ptr_null(strstr(buf, "Chosen option"));
	ck_assert_ptr_nonnull(strstr(buf, "\n# Choose between Serverless, "
	    "Kubernetes and Hybrid for s\n"));
	ck_assert_ptr_nonnull(strstr(buf, "No option is supported yet. "
	    "Serverless leads with"));
	ck_assert_ptr_nonnull(strstr(buf, "2 of 21 questions are answered, "
	    "and a record needs at least 11;"));
	ck_assert_ptr_nonnull(strstr(buf, "\n* Which cloud would it run on?\n"));
	/* Notes: the driver's with its answer, the others with their
	 * questions, answered or not. */
	ck_assert_ptr_nonnull(strstr(buf, "**None**: favours Serverless on "
	    "Operations"));
	ck_assert_ptr_nonnull(strstr(buf, "we hire SREs next year"));
	ck_assert_ptr_nonnull(strstr(buf, "* How many regions must it run in? "
	    "(not answered) — EU only\n"));
	ck_assert_ptr_nonnull(strstr(buf, "* How must releases roll out? (not "
	    "answered) — canary later\n"));
	free(buf);
	doc_free(&d);

	doc_of(&d, full);
	ck_assert(eval_decided(d.res));
	buf = write_doc(export_adr, &d.rep);
	ck_assert_ptr_nonnull(strstr(buf, "Chosen option: \"Serverless\""));
	for (i = 0; i < arch->nrows; i++)
		if (strcmp(arch->rows[i].id, "startup_latency") == 0)
			lat = arch->rows[i].cells[model_option_index(m,
			    "kubernetes")];
	ck_assert_ptr_nonnull(lat);
	snprintf(line, sizeof line, "* Bad, because **Startup latency** "
	    "favours Kubernetes: %s\n", lat);
	ck_assert_msg(strstr(buf, line) != NULL, "no line '%s' in\n%s", line,
	    buf);
	ck_assert_ptr_nonnull(strstr(buf, "* How do the services talk to each "
	    "other? **Loosely (event-driven)** — events via SQS\n"));
	ck_assert_ptr_nonnull(strstr(buf, "EU only"));
	free(buf);
	doc_free(&d);
}
END_TEST

static const struct report_change changes[] = {
	{ 1767225600, "ana", "created", NULL, "demo", 0 },
	{ 1767225660, "ben|x", "answer:traffic", NULL, "spiky", 0 },
	{ 1767225720, "<b>chloe</b>", "note:traffic", "old", "a | b\nc", 0 },
	{ 1767225780, "ana", "answer:traffic", "spiky", NULL, 1 },
	{ 1767225840, "ana", "weight:cost", NULL, "5", 0 },
	{ 1767225900, "ana", "answer:`evil`|", "x", "y", 0 },
	{ 1767225960, "ana", "mystery|field", NULL, "v", 0 },
};

/* The summary is a pure function of the report; a session adds its
 * dates and history, an answers file has neither. */
START_TEST(test_md_session)
{
	struct report_session ss = { .name = "demo | x", .created = 1767225600,
	    .updated = 1767225960, .model_id = m->id, .model_version = "0.9",
	    .nchanges = (int)(sizeof changes / sizeof changes[0]),
	    .changes = changes };
	struct doc d;
	char *a, *b;

	doc_of(&d, "answers: {traffic: spiky}\n");
	a = write_doc(export_md, &d.rep);
	ck_assert_ptr_null(strstr(a, "Change history"));
	ck_assert_ptr_null(strstr(a, "**Date:**"));
	free(a);
	d.rep.session = &ss;
	a = write_doc(export_md, &d.rep);
	b = write_doc(export_md, &d.rep);
	ck_assert_str_eq(a, b);
	ck_assert_msg(strncmp(a, "# demo \\| x: ", 13) == 0, "%s", a);
	ck_assert_ptr_nonnull(strstr(a, "- **Date:** 2026-01-01 (last changed "
	    "2026-01-01T00:06:00Z, created 2026-01-01T00:00:00Z)\n"));
	ck_assert_ptr_nonnull(strstr(a, "(the session was started with "
	    "`serverless-vs-kubernetes` version 0.9)"));
	/* Folded, a table per day, the times too short to wrap. */
	ck_assert_ptr_nonnull(strstr(a, "## Change history\n\n<details>\n"
	    "<summary>7 changes on 2026-01-01</summary>\n\n"
	    "**2026-01-01** (UTC)\n\n| Time | "
	    "Who | What | Was | Now |\n|---|---|---|---|---|\n"
	    "| 00:00:00 | ana | Session created | — | demo |\n"
	    "| 00:01:00 | ben\\|x | Answer to `traffic` | — | "
	    "Spiky |\n"
	    "| 00:02:00 | &lt;b&gt;chloe&lt;/b&gt; | Note on "
	    "`traffic` | old | a \\| b / c |\n"
	    "| 00:03:00 | ana | Undo: Answer to `traffic` | "
	    "Spiky | — |\n"
	    "| 00:04:00 | ana | Weight of Cost | 3 (default) | 5 "
	    "|\n"
	    "| 00:05:00 | ana | Answer to \\`evil\\`\\| | x | y |\n"
	    "| 00:06:00 | ana | mystery\\|field | — | v |\n"
	    "\n</details>\n"));
	free(a);
	free(b);
	doc_free(&d);
}
END_TEST

/* ---- export_session_to, against a store and files ---- */

static struct store *
store_with(const char *name, const char *text, long long *sid)
{
	struct store_opts o = { .path = tpath("s.db"), .model = m,
	    .now = 1767225600 };
	struct store_session s;
	struct answers *a;
	struct store *st;
	struct err e;

	st = store_open(&o, &e);
	ck_assert_msg(st != NULL, "%s", e.msg);
	a = answers_load_buffer(m, "a.yaml", text, strlen(text), &e);
	ck_assert_msg(a != NULL, "%s", e.msg);
	ck_assert_msg(store_import(st, name, a, &s, NULL, &e) == 0, "%s",
	    e.msg);
	answers_free(a);
	*sid = s.id;
	return st;
}

/* Session SID of ST open in S (which then owns ST), priced with P. */
static void
open_in(struct session *s, struct store *st, long long sid,
    const struct pricing *p, long long now)
{
	struct err e;

	ck_assert_msg(session_init(s, m, p, now, &e) == 0, "%s", e.msg);
	session_attach(s, st);
	ck_assert_msg(session_open_id(s, sid, NULL, &e) == 1, "%s", e.msg);
}

/* The chart's frame, the series drawn over each other, its labels, and
 * where the SVG goes beside a summary. */
START_TEST(test_chart)
{
	static struct cost_result c;
	struct report r = { .model = m, .cost = &c };
	struct chart ch;
	struct chart_overlap ov[4];
	char buf[PATH_MAX];
	int i, n;

	memset(&c, 0, sizeof c);
	for (i = 0; i < COST_SAMPLES; i++) {
		double v = pow(10, 4 + (double)i / COST_SAMPLES_PER_DECADE);

		c.samples[i].volume = v;
		c.samples[i].option[0] = v * 1e-5;
		c.samples[i].option[1] = 200;
		c.samples[i].option[2] = i < 10 ? 200.5 : 300;
	}
	for (i = 0; i < MODEL_MAX_OPTIONS; i++)
		c.option_shape[i] = i < 3 ? i : MODEL_SHAPE_NONE;
	c.functions.volume = 3e6;
	c.break_even_kind = COST_BE_CROSSING;
	c.break_even = 2e7;
	/* A decade below the workload, a half-decade above the break-even,
	 * each on a round volume. */
	chart_frame_near(&r, &ch);
	ck_assert_int_eq(ch.nseries, 3);
	ck_assert_int_eq(ch.first, 6);			/* 100k */
	ck_assert_int_eq(ch.last, 24);			/* 100M */
	n = chart_overlaps(&r, &ch, ov, 4);
	ck_assert_int_eq(n, 1);
	ck_assert_int_eq(ov[0].a, 1);
	ck_assert_int_eq(ov[0].b, 2);
	ck_assert_int_eq(ov[0].from, 6);
	ck_assert_int_eq(ov[0].to, 9);
	/* The whole frame: from 10k, to ten times the break-even. */
	chart_frame(&r, &ch);
	ck_assert_int_eq(ch.first, 0);
	ck_assert_int_eq(ch.last, 26);			/* 215M */
	/* No break-even: two decades at least around the workload. */
	c.break_even_kind = COST_BE_FUNCTIONS_CHEAPER;
	c.functions.volume = 1e4;
	chart_frame_near(&r, &ch);
	ck_assert_int_eq(ch.first, 0);
	ck_assert_int_eq(ch.last, 2 * COST_SAMPLES_PER_DECADE);
	ck_assert(chart_round_sample(12, 0));
	ck_assert(!chart_round_sample(3, 0));
	ck_assert(chart_round_sample(3, 1));
	ck_assert(!chart_round_sample(4, 1));
	ck_assert_str_eq(chart_volume_label(1e4, buf, sizeof buf), "10k");
	ck_assert_str_eq(chart_volume_label(pow(10, 6.5), buf, sizeof buf),
	    "3.2M");
	ck_assert_str_eq(chart_volume_label(999999.9, buf, sizeof buf), "1M");
	ck_assert_str_eq(chart_volume_label(1e10, buf, sizeof buf), "10B");
	ck_assert_str_eq(export_chart_path("out/checkout.md", buf,
	    sizeof buf), "out/checkout-cost.svg");
	ck_assert_str_eq(export_chart_path("notes", buf, sizeof buf),
	    "notes-cost.svg");
	ck_assert_str_eq(export_chart_path("a.b/.md", buf, sizeof buf),
	    "a.b/.md-cost.svg");
	ck_assert_str_eq(export_chart_path("a.b/c", buf, sizeof buf),
	    "a.b/c-cost.svg");
	ck_assert_ptr_null(export_chart_path("checkout.md", buf, 12));
}
END_TEST

START_TEST(test_session_to)
{
	long long sid;
	struct store *st = store_with("demo", hostile, &sid);
	struct export_doc d;
	struct err e;
	char *want = NULL, *got;
	size_t len = 0;
	FILE *f;
	const char *path = tpath("demo.md");
	struct session s;

	open_in(&s, st, sid, NULL, 1767225600);
	/* The bytes export_doc_load and export_write give. */
	ck_assert_msg(export_doc_load(&d, &s, &e) == 0, "%s", e.msg);
	ck_assert_int_eq(d.session.nchanges, 5);
	ck_assert_str_eq(d.session.changes[0].field, "created");
	ck_assert_str_eq(d.session.changes[0].user, "tester");
	f = open_memstream(&want, &len);
	ck_assert_int_eq(export_write(f, EXPORT_MARKDOWN, &d.report, &e), 0);
	fclose(f);
	export_doc_free(&d);

	ck_assert_int_eq(export_session_to(&s, EXPORT_MARKDOWN,
	    path, 0, &e), 0);
	got = slurp(path);
	ck_assert_ptr_nonnull(got);
	ck_assert_str_eq(got, want);
	free(got);

	/* An existing file: EXPORT_EXISTS, untouched; then forced. */
	ck_assert_int_eq(export_session_to(&s, EXPORT_ADR,
	    path, 0, &e), EXPORT_EXISTS);
	ck_assert_ptr_nonnull(strstr(e.msg, "already exists"));
	got = slurp(path);
	ck_assert_str_eq(got, want);
	free(got);
	ck_assert_int_eq(export_session_to(&s, EXPORT_ADR,
	    path, 1, &e), 0);
	got = slurp(path);
	ck_assert_msg(strncmp(got, "---\nstatus: proposed\n", 21) == 0, "%s",
	    got);
	free(got);

	/* A symbolic link, dangling or not: EXPORT_EXISTS; forced, the
	 * link itself is replaced. */
	ck_assert_int_eq(symlink("nowhere", tpath("link.md")), 0);
	ck_assert_int_eq(export_session_to(&s, EXPORT_MARKDOWN,
	    tpath("link.md"), 0, &e), EXPORT_EXISTS);
	ck_assert_int_eq(access(tpath("nowhere"), F_OK), -1);
	ck_assert_int_eq(export_session_to(&s, EXPORT_MARKDOWN,
	    tpath("link.md"), 1, &e), 0);
	ck_assert_int_eq(access(tpath("nowhere"), F_OK), -1);
	got = slurp(tpath("link.md"));
	ck_assert_str_eq(got, want);
	free(got);

	/* Other failures are -1 with a message. */
	ck_assert_int_eq(export_session_to(&s, EXPORT_MARKDOWN,
	    tpath("no/such/dir.md"), 0, &e), -1);
	ck_assert_int_eq(export_session_to(&s, EXPORT_MARKDOWN,
	    tmpdir, 1, &e), -1);
	ck_assert_ptr_nonnull(strstr(e.msg, "is a directory"));
	free(want);
	session_fini(&s);
}
END_TEST

/* A session that went away: an error, and nothing written. */
START_TEST(test_session_gone)
{
	long long sid;
	struct store *st = store_with("demo", "answers: {traffic: spiky}\n",
	    &sid);
	struct export_doc d;
	struct session s;
	struct err e;

	open_in(&s, st, sid, NULL, 1);
	ck_assert_int_eq(store_delete(st, "demo", &e), 0);
	ck_assert_int_eq(export_doc_load(&d, &s, &e), -1);
	ck_assert_ptr_nonnull(strstr(e.msg, "no longer exists"));
	ck_assert_int_eq(export_session_to(&s, EXPORT_ADR,
	    tpath("x.md"), 0, &e), -1);
	ck_assert_int_eq(access(tpath("x.md"), F_OK), -1);
	export_doc_free(&d);		/* safe on a failed load */
	session_fini(&s);
}
END_TEST

/* A price list that cannot price the workload leaves the cost out and
 * says why. */
START_TEST(test_cost_problem)
{
	const char *dir = getenv("TRADEOFF_DATADIR");
	char path[PATH_MAX];
	long long sid;
	struct store *st = store_with("demo",
	    "workload: {node_type: no-such-node}\n", &sid);
	struct export_doc d;
	struct pricing *p;
	struct session s;
	struct err e;

	snprintf(path, sizeof path, "%s/data/pricing.yaml", dir);
	p = pricing_load(path, &e);
	ck_assert_msg(p != NULL, "%s", e.msg);
	open_in(&s, st, sid, p, 1767225600);
	ck_assert_msg(export_doc_load(&d, &s, &e) == 0, "%s", e.msg);
	ck_assert_ptr_null(d.report.cost);
	ck_assert_ptr_nonnull(strstr(s.cost_problem, "no-such-node"));
	export_doc_free(&d);
	session_fini(&s);
	pricing_free(p);
}
END_TEST

static Suite *
suite(void)
{
	Suite *s = suite_create("export");
	TCase *tc = tcase_create("names");

	tcase_add_test(tc, test_file_name);
	tcase_add_test(tc, test_default_path);
	suite_add_tcase(s, tc);
	tc = tcase_create("writers");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_adr_front_matter);
	tcase_add_test(tc, test_adr_no_participants);
	tcase_add_test(tc, test_adr_rules);
	tcase_add_test(tc, test_md_session);
	suite_add_tcase(s, tc);
	tc = tcase_create("files");
	tcase_add_checked_fixture(tc, setup_dir, teardown);
	tcase_add_test(tc, test_chart);
	tcase_add_test(tc, test_session_to);
	tcase_add_test(tc, test_session_gone);
	tcase_add_test(tc, test_cost_problem);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	return tu_run_in_tmpdir(suite(), "check_export", base, sizeof base);
}
