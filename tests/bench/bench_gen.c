/* bench_gen.c - inputs for the benchmarks: a model N times the size of
 * another, with an answers file for it, and session databases.
 *
 *   bench_gen model N MODEL ANSWERS OUT_MODEL OUT_ANSWERS
 *       Write a model with N copies of every question and of every table
 *       row (the first copy keeps its ids, copy k > 1 has "-k" added, and
 *       a `when` names the question of its own copy), and the answers
 *       file that answers every copy as ANSWERS answers the original.
 *       The result is checked by loading it back.
 *   bench_gen db N MODEL ANSWERS OUT_DB
 *       Create OUT_DB with N sessions saved through the session store:
 *       N - 1 named "session NNNNN", then one named after ANSWERS'
 *       session (default "bench"), the most recent, so the explorer
 *       opens that one whatever N is.
 *   bench_gen set MODEL DB SESSION QUESTION ANSWER [WHO]
 *       Set QUESTION's answer in session SESSION of DB (WAL) through the
 *       session's verb, as participant WHO (default "elsewhere"), the way
 *       an explorer's key does, and print the moment the change was
 *       committed on CLOCK_MONOTONIC, which every process shares:
 *       "set commit_ms=MS changed=0|1".  ptybench -C times from it. */
#include "config.h"

#include "answers.h"
#include "model.h"
#include "session.h"
#include "store.h"
#include "yamlw.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static int
fail(const char *what, const struct err *e)
{
	fprintf(stderr, "bench_gen: %s: %s\n", what, e->msg);
	return 1;
}

/* The id of copy K of ID, in BUF. */
static const char *
copy_id(char *buf, size_t size, const char *id, int k)
{
	if (k == 1)
		snprintf(buf, size, "%s", id);
	else
		snprintf(buf, size, "%s-%d", id, k);
	return buf;
}

static void
text_or_skip(struct yamlw *w, const char *key, const char *text)
{
	if (text != NULL && text[0] != '\0') {
		yamlw_key(w, key);
		yamlw_text(w, text);
	}
}

static void
write_answer(struct yamlw *w, const struct model *m,
    const struct model_answer *a)
{
	int o, d, any;

	yamlw_map(w, 0);
	yamlw_key(w, "id");
	yamlw_key(w, a->id);
	yamlw_key(w, "label");
	yamlw_text(w, a->label);
	text_or_skip(w, "help", a->help);
	any = 0;
	for (o = 0; o < m->noptions; o++)
		for (d = 0; d < m->ndims; d++)
			any |= a->effect[o * m->ndims + d] != 0;
	if (any) {
		yamlw_key(w, "scores");
		yamlw_map(w, 0);
		for (o = 0; o < m->noptions; o++) {
			int n = 0;

			for (d = 0; d < m->ndims; d++)
				n += a->effect[o * m->ndims + d] != 0;
			if (n == 0)
				continue;
			yamlw_key(w, m->options[o].id);
			yamlw_map(w, 1);
			for (d = 0; d < m->ndims; d++)
				if (a->effect[o * m->ndims + d] != 0) {
					yamlw_key(w, m->dims[d].id);
					yamlw_num(w, a->effect[o * m->ndims + d],
					    3);
				}
			yamlw_map_end(w);
		}
		yamlw_map_end(w);
	}
	if (a->block_mask != 0) {
		yamlw_key(w, "blocks");
		yamlw_map(w, 0);
		for (o = 0; o < m->noptions; o++)
			if (a->block_mask & (1u << o)) {
				yamlw_key(w, m->options[o].id);
				yamlw_text(w, a->block[o]);
			}
		yamlw_map_end(w);
	}
	yamlw_map_end(w);
}

static void
write_question(struct yamlw *w, const struct model *m, int q, int k)
{
	const struct model_question *qn = &m->questions[q];
	char id[128], prompt[1100];
	int a, c;

	yamlw_map(w, 0);
	yamlw_key(w, "id");
	yamlw_key(w, copy_id(id, sizeof id, qn->id, k));
	yamlw_key(w, "prompt");
	if (k == 1)
		yamlw_text(w, qn->prompt);
	else {
		snprintf(prompt, sizeof prompt, "%s (%d)", qn->prompt, k);
		yamlw_text(w, prompt);
	}
	yamlw_key(w, "help");
	yamlw_text(w, qn->help);
	if (qn->nconds > 0) {
		yamlw_key(w, "when");
		yamlw_map(w, 0);
		for (c = 0; c < qn->nconds; c++) {
			const struct model_cond *cd = &qn->conds[c];
			const struct model_question *o = &m->questions[cd->question];

			yamlw_key(w, copy_id(id, sizeof id, o->id, k));
			yamlw_seq(w, 1);
			for (a = 0; a < o->nanswers; a++)
				if (cd->mask & (1u << a))
					yamlw_key(w, o->answers[a].id);
			yamlw_seq_end(w);
		}
		yamlw_map_end(w);
	}
	yamlw_key(w, "answers");
	yamlw_seq(w, 0);
	for (a = 0; a < qn->nanswers; a++)
		write_answer(w, m, &qn->answers[a]);
	yamlw_seq_end(w);
	yamlw_map_end(w);
}

static void
write_row(struct yamlw *w, const struct model *m, const struct model_row *r,
    int k)
{
	char id[128];
	int o, i;

	yamlw_map(w, 0);
	yamlw_key(w, "id");
	yamlw_key(w, copy_id(id, sizeof id, r->id, k));
	yamlw_key(w, "label");
	yamlw_text(w, r->label);
	if (r->nquestions > 0) {
		yamlw_key(w, "questions");
		yamlw_seq(w, 1);
		for (i = 0; i < r->nquestions; i++)
			yamlw_key(w, copy_id(id, sizeof id,
			    m->questions[r->questions[i]].id, k));
		yamlw_seq_end(w);
	}
	yamlw_key(w, "cells");
	yamlw_map(w, 0);
	for (o = 0; o < m->noptions; o++) {
		yamlw_key(w, m->options[o].id);
		yamlw_text(w, r->cells[o]);
	}
	yamlw_map_end(w);
	yamlw_map_end(w);
}

static void
write_model(struct yamlw *w, const struct model *m, int n)
{
	char buf[1100];
	int i, j, k;

	yamlw_map(w, 0);
	yamlw_key(w, "model");
	yamlw_map(w, 0);
	yamlw_key(w, "id");
	snprintf(buf, sizeof buf, "%s-x%d", m->id, n);
	yamlw_key(w, buf);
	yamlw_key(w, "version");
	yamlw_text(w, m->version);
	yamlw_key(w, "title");
	snprintf(buf, sizeof buf, "%s (x%d)", m->title, n);
	yamlw_text(w, buf);
	yamlw_map_end(w);

	yamlw_key(w, "options");
	yamlw_seq(w, 0);
	for (i = 0; i < m->noptions; i++) {
		yamlw_map(w, 0);
		yamlw_key(w, "id");
		yamlw_key(w, m->options[i].id);
		yamlw_key(w, "title");
		yamlw_text(w, m->options[i].title);
		text_or_skip(w, "summary", m->options[i].summary);
		yamlw_map_end(w);
	}
	yamlw_seq_end(w);

	yamlw_key(w, "dimensions");
	yamlw_seq(w, 0);
	for (i = 0; i < m->ndims; i++) {
		yamlw_map(w, 0);
		yamlw_key(w, "id");
		yamlw_key(w, m->dims[i].id);
		yamlw_key(w, "title");
		yamlw_text(w, m->dims[i].title);
		yamlw_key(w, "weight");
		yamlw_int(w, m->dims[i].weight);
		text_or_skip(w, "help", m->dims[i].help);
		yamlw_map_end(w);
	}
	yamlw_seq_end(w);

	yamlw_key(w, "panels");
	yamlw_seq(w, 0);
	for (i = 0; i < m->npanels; i++) {
		const struct model_panel *p = &m->panels[i];

		yamlw_map(w, 0);
		yamlw_key(w, "id");
		yamlw_key(w, p->id);
		yamlw_key(w, "title");
		yamlw_text(w, p->title);
		yamlw_key(w, "questions");
		yamlw_seq(w, 0);
		for (k = 1; k <= n; k++)
			for (j = p->first; j < p->first + p->count; j++)
				write_question(w, m, j, k);
		yamlw_seq_end(w);
		yamlw_map_end(w);
	}
	yamlw_seq_end(w);

	if (m->ntables > 0) {
		yamlw_key(w, "tables");
		yamlw_seq(w, 0);
		for (i = 0; i < m->ntables; i++) {
			const struct model_table *t = &m->tables[i];

			yamlw_map(w, 0);
			yamlw_key(w, "dimension");
			yamlw_key(w, m->dims[t->dim].id);
			yamlw_key(w, "title");
			yamlw_text(w, t->title);
			yamlw_key(w, "rows");
			yamlw_seq(w, 0);
			for (k = 1; k <= n; k++)
				for (j = 0; j < t->nrows; j++)
					write_row(w, m, &t->rows[j], k);
			yamlw_seq_end(w);
			yamlw_map_end(w);
		}
		yamlw_seq_end(w);
	}

	yamlw_key(w, "guidance");
	yamlw_map(w, 0);
	for (i = 0; i < m->noptions; i++) {
		if (m->nguidance[i] == 0)
			continue;
		yamlw_key(w, m->options[i].id);
		yamlw_seq(w, 0);
		for (j = 0; j < m->nguidance[i]; j++)
			yamlw_text(w, m->guidance[i][j]);
		yamlw_seq_end(w);
	}
	yamlw_map_end(w);
	yamlw_map_end(w);
}

/* The answers of BASE (for model M) for every copy in BIG. */
static void
write_answers(struct yamlw *w, const struct model *m,
    const struct answers *base, const struct model *big, int n)
{
	char id[128];
	int q, d, k;

	yamlw_map(w, 0);
	yamlw_key(w, "session");
	snprintf(id, sizeof id, "%s-x%d", base->session != NULL ?
	    base->session : "bench", n);
	yamlw_text(w, id);
	yamlw_key(w, "answers");
	yamlw_map(w, 0);
	for (k = 1; k <= n; k++)
		for (q = 0; q < m->nquestions; q++) {
			int a = base->answer[q];

			if (a < 0 || model_question_index(big, copy_id(id,
			    sizeof id, m->questions[q].id, k)) < 0)
				continue;
			yamlw_key(w, id);
			yamlw_key(w, m->questions[q].answers[a].id);
		}
	yamlw_map_end(w);
	if (base->weight_set != 0) {
		yamlw_key(w, "weights");
		yamlw_map(w, 0);
		for (d = 0; d < m->ndims; d++)
			if (base->weight_set & (1u << d)) {
				yamlw_key(w, m->dims[d].id);
				yamlw_int(w, base->weight[d]);
			}
		yamlw_map_end(w);
	}
	yamlw_map_end(w);
}

static int
write_file(const char *path, const struct model *m, int n,
    const struct answers *base, const struct model *big, struct err *e)
{
	struct yamlw w;
	FILE *f = fopen(path, "w");

	if (f == NULL) {
		err_set(e, "cannot write %s", path);
		return -1;
	}
	if (yamlw_open(&w, f, e) != 0) {
		fclose(f);
		return -1;
	}
	if (big == NULL)
		write_model(&w, m, n);
	else
		write_answers(&w, m, base, big, n);
	if (yamlw_close(&w, e) != 0) {
		fclose(f);
		return -1;
	}
	return fclose(f) == 0 ? 0 : -1;
}

static int
gen_model(int n, const char *model_path, const char *answers_path,
    const char *out_model, const char *out_answers)
{
	struct model *m, *big;
	struct answers *a, *check;
	struct err e;
	int rc = 1;

	if ((m = model_load(model_path, &e)) == NULL)
		return fail(model_path, &e);
	if ((a = answers_load(m, answers_path, &e)) == NULL) {
		model_free(m);
		return fail(answers_path, &e);
	}
	if (write_file(out_model, m, n, NULL, NULL, &e) != 0) {
		fail(out_model, &e);
		goto out;
	}
	/* Loading it back is the check that it is a valid model. */
	if ((big = model_load(out_model, &e)) == NULL) {
		fail(out_model, &e);
		goto out;
	}
	if (write_file(out_answers, m, n, a, big, &e) != 0)
		fail(out_answers, &e);
	else if ((check = answers_load(big, out_answers, &e)) == NULL)
		fail(out_answers, &e);
	else {
		printf("model questions=%d rows=%d answers=%d\n",
		    big->nquestions, big->nrows, answers_count(check, NULL));
		answers_free(check);
		rc = 0;
	}
	model_free(big);
out:
	answers_free(a);
	model_free(m);
	return rc;
}

static int
gen_db(long n, const char *model_path, const char *answers_path,
    const char *out)
{
	struct store_opts o;
	struct store *st;
	struct model *m;
	struct answers *a;
	struct err e;
	char name[64];
	long i;
	int rc = 1;

	if ((m = model_load(model_path, &e)) == NULL)
		return fail(model_path, &e);
	if ((a = answers_load(m, answers_path, &e)) == NULL) {
		model_free(m);
		return fail(answers_path, &e);
	}
	unlink(out);
	memset(&o, 0, sizeof o);
	o.path = out;
	o.model = m;
	o.journal = STORE_JOURNAL_WAL;
	o.now = 1767225600;	/* 2026-01-01: the files do not age */
	o.user = "bench";
	if ((st = store_open(&o, &e)) == NULL) {
		fail(out, &e);
		goto out;
	}
	for (i = 1; i < n; i++) {
		snprintf(name, sizeof name, "session %05ld", i);
		if (store_import(st, name, a, NULL, NULL, &e) != 0) {
			fail(out, &e);
			goto close;
		}
	}
	if (store_import(st, a->session != NULL ? a->session : "bench", a,
	    NULL, NULL, &e) != 0) {
		fail(out, &e);
		goto close;
	}
	printf("db sessions=%ld\n", n);
	rc = 0;
close:
	store_close(st);
out:
	answers_free(a);
	model_free(m);
	return rc;
}

/* QID = AID in session NAME of DB, as one explorer's key would set it. */
static int
gen_set(const char *model_path, const char *db, const char *name,
    const char *qid, const char *aid, const char *who)
{
	struct store_opts o;
	struct store *st;
	struct session s;
	struct model *m;
	struct timespec ts;
	struct err e;
	unsigned what = 0;
	int q, a, rc = 1;

	if ((m = model_load(model_path, &e)) == NULL)
		return fail(model_path, &e);
	if ((q = model_question_index(m, qid)) < 0 ||
	    (a = model_answer_index(m, q, aid)) < 0) {
		fprintf(stderr, "bench_gen: no answer %s to question %s\n",
		    aid, qid);
		model_free(m);
		return 1;
	}
	if (session_init(&s, m, NULL, 0, &e) != 0) {
		model_free(m);
		return fail("session_init", &e);
	}
	memset(&o, 0, sizeof o);
	o.path = db;
	o.model = m;
	o.journal = STORE_JOURNAL_WAL;
	o.user = who;
	if ((st = store_open(&o, &e)) == NULL) {
		fail(db, &e);
		goto out;
	}
	session_attach(&s, st);
	if (session_open(&s, name, 0, NULL, NULL, &e) != 1) {
		fprintf(stderr, "bench_gen: %s: no session '%s'\n", db, name);
		goto out;
	}
	if (session_set_answer(&s, q, a, &what, &e) != 0) {
		fail(db, &e);
		goto out;
	}
	/* The transaction is committed when the verb returns; what follows
	 * it is the evaluation of the new answers, a few microseconds. */
	clock_gettime(CLOCK_MONOTONIC, &ts);
	printf("set commit_ms=%.3f changed=%d\n", (double)ts.tv_sec * 1e3 +
	    (double)ts.tv_nsec / 1e6, what != 0);
	rc = fflush(stdout) != 0;
out:
	session_fini(&s);
	model_free(m);
	return rc;
}

int
main(int argc, char **argv)
{
	if (argc == 7 && strcmp(argv[1], "model") == 0 && atoi(argv[2]) >= 1)
		return gen_model(atoi(argv[2]), argv[3], argv[4], argv[5],
		    argv[6]);
	if (argc == 6 && strcmp(argv[1], "db") == 0 && atol(argv[2]) >= 1)
		return gen_db(atol(argv[2]), argv[3], argv[4], argv[5]);
	if ((argc == 7 || argc == 8) && strcmp(argv[1], "set") == 0)
		return gen_set(argv[2], argv[3], argv[4], argv[5], argv[6],
		    argc == 8 ? argv[7] : "elsewhere");
	fputs("usage: bench_gen model N MODEL ANSWERS OUT_MODEL OUT_ANSWERS\n"
	    "       bench_gen db N MODEL ANSWERS OUT_DB\n"
	    "       bench_gen set MODEL DB SESSION QUESTION ANSWER [WHO]\n",
	    stderr);
	return 2;
}
