/* disagree.c - the disagreements that matter; see disagree.h. */
#include "config.h"

#include "disagree.h"

#include <stdlib.h>
#include <string.h>

struct disagree *
disagree_new(const struct model *m)
{
	struct disagree *d = calloc(1, sizeof *d);

	if (d == NULL)
		return NULL;
	d->model = m;
	d->questions = calloc((size_t)m->nquestions + 1, sizeof *d->questions);
	d->own = calloc(ANSWERS_MAX_IDENTS, sizeof *d->own);
	d->answers = calloc((size_t)m->nquestions + 1, sizeof *d->answers);
	d->r = eval_result_new(m);
	if (d->questions == NULL || d->own == NULL || d->answers == NULL ||
	    d->r == NULL) {
		disagree_free(d);
		return NULL;
	}
	return d;
}

void
disagree_free(struct disagree *d)
{
	if (d == NULL)
		return;
	free(d->questions);
	free(d->own);
	free(d->answers);
	eval_result_free(d->r);
	free(d);
}

/* The recommendation with d->answers, its confidence, and its total in
 * *TOP. */
static int
evaluate(struct disagree *d, const int *weights, double *confidence,
    double *top)
{
	eval_run_costs(d->model, d->answers, weights, d->costs, d->r);
	*confidence = d->r->confidence;
	*top = d->r->recommendation >= 0 ?
	    d->r->total[d->r->recommendation] : 0;
	return d->r->recommendation;
}

/* Question Q's answers and what each does; 1 when it is disputed. */
static int
question(struct disagree *d, const struct answers *a, const int *weights,
    int q, struct disagree_question *out)
{
	const struct model_question *qn = &d->model->questions[q];
	double lo = 0, hi = 0, top;
	int split, i, k, v;

	if (answers_votes_on(a, q, &split) == 0 || !split)
		return 0;
	memset(out, 0, sizeof *out);
	out->question = q;
	for (k = 0; k < qn->nanswers; k++) {
		struct disagree_answer *x = &out->answers[out->nanswers];

		for (i = v = 0; i < a->nidents; i++)
			v += a->vote[i][q] == k;
		if (v == 0)
			continue;
		x->answer = k;
		x->nvoters = v;
		d->answers[q] = k;
		x->recommendation = evaluate(d, weights, &x->confidence, &top);
		x->changes = x->recommendation != d->room;
		out->changes |= x->changes;
		if (out->nanswers == 0 || top < lo)
			lo = top;
		if (out->nanswers == 0 || top > hi)
			hi = top;
		out->nanswers++;
	}
	d->answers[q] = a->answer[q];
	out->spread = hi - lo;
	return 1;
}

static int
by_effect(const void *pa, const void *pb)
{
	const struct disagree_question *a = pa, *b = pb;

	if (a->changes != b->changes)
		return b->changes - a->changes;
	if (a->spread != b->spread)
		return a->spread < b->spread ? 1 : -1;
	return a->question - b->question;
}

void
disagree_run(struct disagree *d, const struct answers *a,
    const int *weights, const double *costs, int room)
{
	const struct model *m = d->model;
	double conf, top;
	int q, i;

	d->costs = costs;
	memcpy(d->answers, a->answer, (size_t)m->nquestions *
	    sizeof *d->answers);
	d->room = room;
	d->nquestions = 0;
	for (q = 0; q < m->nquestions; q++)
		d->nquestions += question(d, a, weights, q,
		    &d->questions[d->nquestions]);
	qsort(d->questions, (size_t)d->nquestions, sizeof *d->questions,
	    by_effect);
	/* Each participant: their votes over the room's answers. */
	d->nidents = a->nidents;
	for (i = 0; i < a->nidents; i++) {
		for (q = 0; q < m->nquestions; q++)
			d->answers[q] = a->vote[i][q] >= 0 ? a->vote[i][q] :
			    a->answer[q];
		d->own[i] = evaluate(d, weights, &conf, &top);
	}
}
