/* bench_core.c - microbenchmarks of the core: loading the model, one
 * evaluation with the flip search, the disagreements of a workshop, and
 * what the explorer asks of the session store at start and for a page
 * of the session list.
 *
 *   bench_core [-q] [-O OP,...] [-c OP -k N] MODEL ANSWERS [DB]
 *
 * Timing: each operation is run in samples of at least 20 ms (2 ms with
 * -q), 21 samples (5 with -q), and the median and fastest sample are
 * reported in nanoseconds per operation (-O: only these operations):
 *
 *   core op=eval_flip ns=MEDIAN ns_min=FASTEST iters=PER_SAMPLE
 *
 * Instruction counts: with -c OP the program runs OP exactly N times
 * inside bench_measured() and nothing else, for
 *   valgrind --tool=callgrind --toggle-collect=bench_measured
 * whose total divided by N is the count per operation (repeatable, unlike
 * time on a busy machine).  OPs: model_load, model_parse (the same
 * model, always parsed with libyaml), eval_flip, disagree, store_start,
 * session_page.
 *
 * disagree: disagree_run on ANSWERS with the votes of a workshop of
 * WORKSHOP_IDENTS identities added, every question disputed as far as
 * its answers allow: for each question the identities, in an order
 * drawn at random (a fixed seed), vote its first, second, ... answer
 * until every answer has a voter, then an answer drawn at random.  With
 * the timing a line says what one run evaluates:
 *
 *   core workshop idents=10 questions=Q disputed=D evaluations=E */
#include "config.h"

#include "answers.h"
#include "disagree.h"
#include "eval.h"
#include "model.h"
#include "store.h"
#include "ydoc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

/* The explorer's session list shows this many rows at 80x24. */
#define PAGE_ROWS 16

/* The workshop the disagreement is measured on. */
#define WORKSHOP_IDENTS 10

struct ctx {
	const char *model_path, *db_path;
	char *text;		/* the model file and a newline */
	size_t len;
	struct model *m;
	struct answers *a;
	struct eval_result *r;
	struct store *st;
	struct answers *w;	/* ANSWERS with the workshop's votes */
	struct disagree *d;
};

typedef void (*op_fn)(struct ctx *);

/* Keep the compiler from dropping work whose result is unused. */
static volatile double sink;

static void
die(const char *what, const struct err *e)
{
	fprintf(stderr, "bench_core: %s: %s\n", what, e->msg);
	exit(1);
}

static void
op_model_load(struct ctx *c)
{
	struct err e;
	struct model *m = model_load(c->model_path, &e);

	if (m == NULL)
		die(c->model_path, &e);
	sink += m->nquestions;
	model_free(m);
}

/* The same model, made to differ from the file by a final newline, so
 * that it is parsed with libyaml even when the file is the shipped one
 * (which model_load takes from the tables made at build time). */
static void
op_model_parse(struct ctx *c)
{
	struct err e;
	struct model *m = model_load_buffer(c->model_path, c->text, c->len,
	    &e);

	if (m == NULL)
		die(c->model_path, &e);
	sink += m->nquestions;
	model_free(m);
}

static void
op_eval_flip(struct ctx *c)
{
	eval_run(c->m, c->a->answer, c->a->weight, c->r);
	sink += c->r->total[0] + c->r->flip.distance;
}

static void
op_disagree(struct ctx *c)
{
	/* The room's own evaluation, then the disagreements: what
	 * session_evaluate does for a workshop. */
	eval_run(c->m, c->w->answer, c->w->weight, c->r);
	disagree_run(c->d, c->w, c->w->weight, NULL, c->r->recommendation);
	sink += c->d->nquestions + c->d->own[0];
}

/* A small fixed generator, so that every run votes alike. */
static unsigned
next_random(unsigned *state)
{
	*state = *state * 1103515245u + 12345u;
	return (*state >> 16) & 0x7fff;
}

/* The workshop: ANSWERS_PATH loaded again, with WORKSHOP_IDENTS
 * identities voting on every question (see the top of the file). */
static void
workshop(struct ctx *c, const char *answers_path)
{
	const struct model *m = c->m;
	int order[WORKSHOP_IDENTS], i, j, q, t;
	unsigned seed = 2026;
	char name[16];
	struct err e;

	if ((c->w = answers_load(m, answers_path, &e)) == NULL)
		die(answers_path, &e);
	for (i = 0; i < WORKSHOP_IDENTS; i++) {
		snprintf(name, sizeof name, "p%d", i + 1);
		if (answers_add_ident(c->w, name) != i) {
			fputs("bench_core: cannot add an identity\n", stderr);
			exit(1);
		}
	}
	for (q = 0; q < m->nquestions; q++) {
		int n = m->questions[q].nanswers;

		for (i = 0; i < WORKSHOP_IDENTS; i++)
			order[i] = i;
		for (i = WORKSHOP_IDENTS - 1; i > 0; i--) {
			j = (int)(next_random(&seed) % (unsigned)(i + 1));
			t = order[i];
			order[i] = order[j];
			order[j] = t;
		}
		for (i = 0; i < WORKSHOP_IDENTS && n > 0; i++)
			c->w->vote[order[i]][q] = i < n ? i :
			    (int)(next_random(&seed) % (unsigned)n);
	}
	if ((c->d = disagree_new(m)) == NULL) {
		fputs("bench_core: out of memory\n", stderr);
		exit(1);
	}
}

/* What one disagree_run evaluates. */
static void
workshop_report(struct ctx *c)
{
	int i, evals = 1 + c->d->nidents;

	op_disagree(c);
	for (i = 0; i < c->d->nquestions; i++)
		evals += c->d->questions[i].nanswers;
	printf("core workshop idents=%d questions=%d disputed=%d "
	    "evaluations=%d\n", c->w->nidents, c->m->nquestions,
	    c->d->nquestions, evals);
}

/* What the explorer does with the database before its first frame: open
 * it for writing, find the session changed last, load it. */
static void
op_store_start(struct ctx *c)
{
	struct store_opts o;
	struct store_session s;
	struct answers *a;
	struct store *st;
	struct err e;

	memset(&o, 0, sizeof o);
	o.path = c->db_path;
	o.model = c->m;
	if ((st = store_open(&o, &e)) == NULL)
		die(c->db_path, &e);
	if (store_latest(st, &s, &e) != 1)
		die("store_latest", &e);
	if ((a = store_load(st, s.id, NULL, &e)) == NULL)
		die("store_load", &e);
	sink += a->answer[0];
	answers_free(a);
	store_close(st);
}

struct page {
	struct store_session s[PAGE_ROWS];
	int n;
};

static int
collect(const struct store_session *s, void *arg)
{
	struct page *p = arg;

	p->s[p->n++] = *s;
	return p->n == PAGE_ROWS;
}

/* What the session list reads for its first page: the count, one page,
 * and each listed session loaded and evaluated. */
static void
op_session_page(struct ctx *c)
{
	struct page p;
	struct answers *a;
	struct err e;
	long long n;
	int i;

	p.n = 0;
	if (store_count(c->st, &n, &e) != 0 ||
	    store_list(c->st, 0, PAGE_ROWS, collect, &p, &e) != 0)
		die("store_list", &e);
	for (i = 0; i < p.n; i++) {
		if ((a = store_load(c->st, p.s[i].id, NULL, &e)) == NULL)
			die("store_load", &e);
		eval_run(c->m, a->answer, a->weight, c->r);
		sink += c->r->total[0];
		answers_free(a);
	}
	sink += (double)n;
}

static const struct {
	const char *name;
	op_fn fn;
	int needs_db;
} ops[] = {
	{ "model_load", op_model_load, 0 },
	{ "model_parse", op_model_parse, 0 },
	{ "eval_flip", op_eval_flip, 0 },
	{ "disagree", op_disagree, 0 },
	{ "store_start", op_store_start, 1 },
	{ "session_page", op_session_page, 1 },
};

#define NOPS (sizeof ops / sizeof ops[0])

/* The only code callgrind counts in -c mode. */
void bench_measured(struct ctx *c, op_fn fn, long n)
	__attribute__((noinline));

void
bench_measured(struct ctx *c, op_fn fn, long n)
{
	long i;

	for (i = 0; i < n; i++)
		fn(c);
}

/* Whether NAME is one of the comma-separated LIST. */
static int
in_list(const char *list, const char *name)
{
	size_t n = strlen(name);
	const char *p = list;

	while ((p = strstr(p, name)) != NULL) {
		if ((p == list || p[-1] == ',') && (p[n] == ',' || p[n] == '\0'))
			return 1;
		p += n;
	}
	return 0;
}

static double
now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e9 + (double)ts.tv_nsec;
}

static int
dbl_cmp(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

static void
time_op(struct ctx *c, const char *name, op_fn fn, int quick)
{
	double sample_ns = quick ? 2e6 : 20e6, ns[21], t;
	int nsamples = quick ? 5 : 21, s;
	long iters = 1;

	/* Warm up, and find how many iterations fill a sample. */
	for (;;) {
		t = now_ns();
		bench_measured(c, fn, iters);
		t = now_ns() - t;
		if (t >= sample_ns)
			break;
		iters *= t < sample_ns / 10 ? 10 : 2;
	}
	for (s = 0; s < nsamples; s++) {
		t = now_ns();
		bench_measured(c, fn, iters);
		ns[s] = (now_ns() - t) / (double)iters;
	}
	qsort(ns, (size_t)nsamples, sizeof ns[0], dbl_cmp);
	printf("core op=%s ns=%.0f ns_min=%.0f iters=%ld samples=%d\n", name,
	    ns[nsamples / 2], ns[0], iters, nsamples);
}

int
main(int argc, char **argv)
{
	struct ctx c;
	struct store_opts o;
	struct err e;
	const char *only = NULL, *list = NULL;
	char *text;
	long count = 1;
	int ch, quick = 0;
	size_t i;

	while ((ch = getopt(argc, argv, "qc:k:O:")) != -1) {
		switch (ch) {
		case 'q':
			quick = 1;
			break;
		case 'c':
			only = optarg;
			break;
		case 'k':
			count = atol(optarg);
			break;
		case 'O':
			list = optarg;
			break;
		default:
			goto usage;
		}
	}
	if (argc - optind < 2 || argc - optind > 3 || count < 1)
		goto usage;
	memset(&c, 0, sizeof c);
	c.model_path = argv[optind];
	c.db_path = argc - optind == 3 ? argv[optind + 2] : NULL;
	if ((c.m = model_load(c.model_path, &e)) == NULL)
		die(c.model_path, &e);
	if (ydoc_read_file(c.model_path, YDOC_MAX_BYTES - 1, &text, &c.len,
	    &e) != 0)
		die(c.model_path, &e);
	if ((c.text = malloc(c.len + 2)) == NULL) {
		fputs("bench_core: out of memory\n", stderr);
		return 1;
	}
	memcpy(c.text, text, c.len);
	c.text[c.len++] = '\n';
	c.text[c.len] = '\0';
	free(text);
	if ((c.a = answers_load(c.m, argv[optind + 1], &e)) == NULL)
		die(argv[optind + 1], &e);
	if ((c.r = eval_result_new(c.m)) == NULL) {
		fputs("bench_core: out of memory\n", stderr);
		return 1;
	}
	workshop(&c, argv[optind + 1]);
	if (c.db_path != NULL) {
		memset(&o, 0, sizeof o);
		o.path = c.db_path;
		o.model = c.m;
		o.readonly = 1;
		if ((c.st = store_open(&o, &e)) == NULL)
			die(c.db_path, &e);
	}
	for (i = 0; i < NOPS; i++) {
		if (only != NULL && strcmp(only, ops[i].name) != 0)
			continue;
		if (ops[i].needs_db && c.db_path == NULL)
			continue;
		if (list != NULL && !in_list(list, ops[i].name))
			continue;
		if (only != NULL) {
			/* One warm-up, outside the counted function. */
			ops[i].fn(&c);
			bench_measured(&c, ops[i].fn, count);
			printf("core op=%s count=%ld\n", ops[i].name, count);
		} else {
			time_op(&c, ops[i].name, ops[i].fn, quick);
			if (ops[i].fn == op_disagree)
				workshop_report(&c);
		}
	}
	store_close(c.st);
	disagree_free(c.d);
	answers_free(c.w);
	eval_result_free(c.r);
	answers_free(c.a);
	model_free(c.m);
	free(c.text);
	return 0;
usage:
	fputs("usage: bench_core [-q] [-O OP,...] [-c OP -k N] MODEL ANSWERS "
	    "[DB]\n", stderr);
	return 2;
}
