/* eval.c - the evaluator; see eval.h and doc/scoring.md. */
#include "config.h"

#include "eval.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* What the answers add up to before weights are applied. */
struct tally {
	double raw[MODEL_MAX_OPTIONS][MODEL_MAX_DIMS];	/* points */
	double span[MODEL_MAX_DIMS];	/* the most points possible */
	unsigned blocks[MODEL_MAX_OPTIONS];	/* blocking answers, counted */
	int answered, visible;
};

/* The outcome of a tally under some weights. */
struct outcome {
	double total[MODEL_MAX_OPTIONS];
	int rec, runner;
	double margin;
};

struct eval_result *
eval_result_new(const struct model *m)
{
	struct eval_result *r = calloc(1, sizeof *r);
	size_t nq = (size_t)m->nquestions + 1, nr = (size_t)m->nrows + 1;

	if (r == NULL)
		return NULL;
	r->model = m;
	r->blocks = calloc(nq * (size_t)m->noptions, sizeof *r->blocks);
	r->rationale = calloc(nq, sizeof *r->rationale);
	r->row_relevant = calloc(nr, 1);
	r->row_favors = calloc(nr, 1);
	r->visible_q = calloc(nq, 1);
	r->scratch = calloc(nq, sizeof *r->scratch);
	r->scratch_visible = calloc(nq, 1);
	if (r->blocks == NULL || r->rationale == NULL ||
	    r->row_relevant == NULL || r->row_favors == NULL ||
	    r->visible_q == NULL || r->scratch == NULL ||
	    r->scratch_visible == NULL) {
		eval_result_free(r);
		return NULL;
	}
	r->recommendation = r->runner_up = -1;
	return r;
}

void
eval_result_free(struct eval_result *r)
{
	if (r == NULL)
		return;
	free(r->blocks);
	free(r->rationale);
	free(r->row_relevant);
	free(r->row_favors);
	free(r->visible_q);
	free(r->scratch);
	free(r->scratch_visible);
	free(r);
}

/* Add (SIGN +1) or take away (-1) the effect of answer A to question Q. */
static void
tally_answer(const struct model *m, struct tally *t, int q, int a, int sign)
{
	const struct model_question *qn = &m->questions[q];
	const struct model_answer *an = &qn->answers[a];
	int o, d;

	for (o = 0; o < m->noptions; o++) {
		const double *eff = an->effect + o * m->ndims;

		for (d = 0; d < m->ndims; d++)
			t->raw[o][d] += sign * eff[d];
		if (an->block_mask & (1u << o))
			t->blocks[o] += (unsigned)sign;
	}
	for (d = 0; d < m->ndims; d++)
		t->span[d] += sign * qn->span[d];
	t->answered += sign;
}

static void
tally_all(const struct model *m, const int *answers, char *visible,
    struct tally *t)
{
	int q;

	memset(t, 0, sizeof *t);
	t->visible = model_visible(m, answers, visible);
	for (q = 0; q < m->nquestions; q++)
		if (visible[q] && answers[q] >= 0)
			tally_answer(m, t, q, answers[q], 1);
}

static unsigned
blocked_mask(const struct model *m, const struct tally *t)
{
	unsigned mask = 0;
	int o;

	for (o = 0; o < m->noptions; o++)
		if (t->blocks[o] > 0)
			mask |= 1u << o;
	return mask;
}

/* Totals, recommendation and runner-up of tally T under WEIGHTS. */
static void
decide(const struct model *m, const struct tally *t, const int *weights,
    struct outcome *out)
{
	double den = 0;
	unsigned blocked = blocked_mask(m, t);
	int o, d;

	for (d = 0; d < m->ndims; d++)
		den += weights[d] * t->span[d];
	for (o = 0; o < m->noptions; o++) {
		double num = 0;

		for (d = 0; d < m->ndims; d++)
			num += weights[d] * t->raw[o][d];
		out->total[o] = den > 0 ? 50.0 + 50.0 * num / den : 50.0;
	}
	out->rec = out->runner = -1;
	out->margin = 0;
	if (t->answered == 0)
		return;
	for (o = 0; o < m->noptions; o++) {
		if (blocked & (1u << o))
			continue;
		if (out->rec < 0 || out->total[o] > out->total[out->rec]) {
			out->runner = out->rec;
			out->rec = o;
		} else if (out->runner < 0 ||
		    out->total[o] > out->total[out->runner])
			out->runner = o;
	}
	if (out->rec < 0)
		return;
	if (out->runner < 0) {
		out->margin = 100;
		return;
	}
	out->margin = out->total[out->rec] - out->total[out->runner];
	/* A tie is not a recommendation. */
	if (out->margin < 1e-9) {
		out->margin = 0;
		out->rec = -1;
	}
}

static double
distance(const struct model *m, const struct outcome *a,
    const struct outcome *b)
{
	double s = 0;
	int o;

	for (o = 0; o < m->noptions; o++)
		s += fabs(a->total[o] - b->total[o]);
	return s;
}

/* Keep candidate C as the flip when it changes the recommendation and
 * moves the totals less than the best found so far.  Candidates arrive
 * in a fixed order, so ties keep the first: deterministic. */
static void
consider(const struct model *m, const struct outcome *base,
    const struct outcome *cand, struct eval_flip *best,
    const struct eval_flip *c)
{
	double dist;

	if (cand->rec < 0 || cand->rec == base->rec)
		return;
	dist = distance(m, base, cand);
	if (best->kind != FLIP_NONE && dist >= best->distance - 1e-12)
		return;
	*best = *c;
	best->to = cand->rec;
	best->distance = dist;
}

/* Move tally T, made for ANSWERS where VISIBLE says which questions are
 * asked, to what ANSWERS2 and VISIBLE2 give: only the questions whose
 * counted answer differs are taken out and put in.  For one changed
 * answer that shows or hides other questions this is a few steps, where
 * tallying from scratch would be one per answered question. */
static void
retally(const struct model *m, const int *answers, const char *visible,
    const int *answers2, const char *visible2, struct tally *t)
{
	int q;

	for (q = 0; q < m->nquestions; q++) {
		int before = visible[q] ? answers[q] : -1;
		int after = visible2[q] ? answers2[q] : -1;

		if (before == after)
			continue;
		if (before >= 0)
			tally_answer(m, t, q, before, -1);
		if (after >= 0)
			tally_answer(m, t, q, after, 1);
	}
}

static void
find_flip(const struct model *m, const int *answers, const int *weights,
    const struct tally *base_t, const struct outcome *base,
    struct eval_result *r)
{
	struct eval_flip best = { .kind = FLIP_NONE }, c;
	struct outcome cand;
	struct tally t;
	int w[MODEL_MAX_DIMS];
	int q, a, d, v;

	r->flip = best;
	if (base->rec < 0)
		return;
	memset(&c, 0, sizeof c);
	memcpy(r->scratch, answers, (size_t)m->nquestions * sizeof *answers);
	for (q = 0; q < m->nquestions; q++) {
		const struct model_question *qn = &m->questions[q];

		if (!r->visible_q[q])
			continue;
		for (a = 0; a < qn->nanswers; a++) {
			if (a == answers[q])
				continue;
			t = *base_t;
			if (qn->controls) {
				/* Other questions appear or vanish with
				 * this one. */
				r->scratch[q] = a;
				t.visible = model_visible(m, r->scratch,
				    r->scratch_visible);
				retally(m, answers, r->visible_q, r->scratch,
				    r->scratch_visible, &t);
				r->scratch[q] = answers[q];
			} else {
				if (answers[q] >= 0)
					tally_answer(m, &t, q, answers[q], -1);
				tally_answer(m, &t, q, a, 1);
			}
			decide(m, &t, weights, &cand);
			c.kind = FLIP_ANSWER;
			c.question = q;
			c.answer = a;
			consider(m, base, &cand, &best, &c);
		}
	}
	memcpy(w, weights, (size_t)m->ndims * sizeof *w);
	for (d = 0; d < m->ndims; d++) {
		for (v = 0; v <= MODEL_MAX_WEIGHT; v++) {
			if (v == weights[d])
				continue;
			w[d] = v;
			decide(m, base_t, w, &cand);
			c.kind = FLIP_WEIGHT;
			c.dim = d;
			c.weight = v;
			consider(m, base, &cand, &best, &c);
		}
		w[d] = weights[d];
	}
	r->flip = best;
}

static int
reason_cmp(const void *pa, const void *pb)
{
	const struct eval_reason *a = pa, *b = pb;

	if (a->points != b->points)
		return a->points > b->points ? -1 : 1;
	return (a->question > b->question) - (a->question < b->question);
}

static void
rationale(const struct model *m, const int *answers, const int *weights,
    const struct tally *t, struct eval_result *r)
{
	double den = 0;
	int q, o, d;

	r->nrationale = 0;
	for (d = 0; d < m->ndims; d++)
		den += weights[d] * t->span[d];
	if (den <= 0)
		return;
	for (q = 0; q < m->nquestions; q++) {
		int a = answers[q], fav = -1, bestd = -1;
		double p[MODEL_MAX_OPTIONS], lo = 0, hi = 0, bestv = 0;

		if (!r->visible_q[q] || a < 0)
			continue;
		for (o = 0; o < m->noptions; o++) {
			double s = 0;

			for (d = 0; d < m->ndims; d++)
				s += weights[d] * model_effect(m, q, a, o, d);
			p[o] = 50.0 * s / den;
			if (o == 0 || p[o] < lo)
				lo = p[o];
			/* Ties at the top go to the recommendation. */
			if (fav < 0 || p[o] > hi + 1e-12 ||
			    (fabs(p[o] - hi) <= 1e-12 &&
			    o == r->recommendation)) {
				hi = p[o];
				fav = o;
			}
		}
		if (hi - lo < 1e-9)
			continue;
		for (d = 0; d < m->ndims; d++) {
			double worst = model_effect(m, q, a, 0, d), v;

			for (o = 1; o < m->noptions; o++)
				if (model_effect(m, q, a, o, d) < worst)
					worst = model_effect(m, q, a, o, d);
			v = weights[d] * (model_effect(m, q, a, fav, d) -
			    worst);
			if (bestd < 0 || v > bestv) {
				bestv = v;
				bestd = d;
			}
		}
		r->rationale[r->nrationale++] = (struct eval_reason){
			.question = q, .answer = a, .favors = fav,
			.dim = bestd, .points = hi - lo,
		};
	}
	qsort(r->rationale, (size_t)r->nrationale, sizeof *r->rationale,
	    reason_cmp);
}

static void
rows(const struct model *m, const int *answers, struct eval_result *r)
{
	int i, j, k, o;

	for (i = 0; i < m->ntables; i++) {
		const struct model_table *tb = &m->tables[i];

		for (j = 0; j < tb->nrows; j++) {
			const struct model_row *row = &tb->rows[j];
			double in_dim[MODEL_MAX_OPTIONS] = { 0 };
			double all[MODEL_MAX_OPTIONS] = { 0 };
			double *use = in_dim;
			int idx = tb->first_row + j, relevant = 0, fav = -1,
			    tie = 0, any = 0;

			for (k = 0; k < row->nquestions; k++) {
				int q = row->questions[k], a = answers[q], d;

				if (!r->visible_q[q] || a < 0)
					continue;
				relevant = 1;
				for (o = 0; o < m->noptions; o++) {
					in_dim[o] += model_effect(m, q, a, o,
					    tb->dim);
					for (d = 0; d < m->ndims; d++)
						all[o] += model_effect(m, q, a,
						    o, d);
				}
			}
			for (o = 0; o < m->noptions; o++)
				if (in_dim[o] != 0)
					any = 1;
			if (!any)
				use = all;
			for (o = 0; o < m->noptions; o++) {
				if (fav < 0 || use[o] > use[fav] + 1e-12) {
					fav = o;
					tie = 0;
				} else if (fabs(use[o] - use[fav]) <= 1e-12)
					tie = 1;
			}
			r->row_relevant[idx] = (char)relevant;
			r->row_favors[idx] = (signed char)(relevant && !tie &&
			    fav >= 0 ? fav : -1);
		}
	}
}

void
eval_run(const struct model *m, const int *answers, const int *weights,
    struct eval_result *r)
{
	struct tally t;
	struct outcome out;
	int q, o, d;

	tally_all(m, answers, r->visible_q, &t);
	decide(m, &t, weights, &out);
	r->answered = t.answered;
	r->visible = t.visible;
	r->blocked = blocked_mask(m, &t);
	for (o = 0; o < m->noptions; o++) {
		r->total[o] = out.total[o];
		for (d = 0; d < m->ndims; d++)
			r->score[o][d] = t.span[d] > 0 ?
			    50.0 + 50.0 * t.raw[o][d] / t.span[d] : 50.0;
	}
	for (d = 0; d < m->ndims; d++)
		r->has_evidence[d] = t.span[d] > 0;
	r->recommendation = out.rec;
	r->runner_up = out.runner;
	r->confidence = 0;
	if (out.rec >= 0 && t.visible > 0) {
		double f = out.margin / EVAL_FULL_MARGIN;

		r->confidence = (f < 1 ? f : 1) * t.answered / t.visible;
	}
	r->nblocks = 0;
	for (q = 0; q < m->nquestions; q++) {
		const struct model_answer *an;

		if (!r->visible_q[q] || answers[q] < 0)
			continue;
		an = &m->questions[q].answers[answers[q]];
		for (o = 0; o < m->noptions; o++)
			if (an->block_mask & (1u << o))
				r->blocks[r->nblocks++] = (struct eval_block){
					.question = q, .answer = answers[q],
					.option = o,
				};
	}
	rationale(m, answers, weights, &t, r);
	rows(m, answers, r);
	find_flip(m, answers, weights, &t, &out, r);
}

const char *
eval_recommendation_id(const struct eval_result *r)
{
	return r->recommendation >= 0 ?
	    r->model->options[r->recommendation].id : "undecided";
}
