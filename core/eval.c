/* eval.c - the evaluator; see eval.h and doc/scoring.md. */
#include "config.h"

#include "eval.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* What the answers add up to before weights are applied. */
struct tally {
	double raw[MODEL_MAX_OPTIONS][MODEL_MAX_DIMS];	/* points */
	double span[MODEL_MAX_DIMS];	/* the most the answers could give */
	/* The most every asked question could give, answered or not: the
	 * scale of each dimension (unanswered questions count as neutral
	 * evidence, so scores grow with the answers). */
	double vspan[MODEL_MAX_DIMS];
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
	for (q = 0; q < m->nquestions; q++) {
		int d;

		if (!visible[q])
			continue;
		for (d = 0; d < m->ndims; d++)
			t->vspan[d] += m->questions[q].span[d];
		if (answers[q] >= 0)
			tally_answer(m, t, q, answers[q], 1);
	}
}

/* List block B of answer A to question Q in R, once per question and
 * option: the first of an answer's blocks on an option that holds. */
static void
add_block(struct eval_result *r, const int *answers, const char *visible,
    int q, const struct model_block *b)
{
	int k, assumed = -1;

	for (k = 0; k < r->nblocks; k++)
		if (r->blocks[k].question == q &&
		    r->blocks[k].option == b->option)
			return;
	for (k = 0; k < b->nconds; k++) {
		int c = b->conds[k].question;

		if (!visible[c] || answers[c] < 0)
			assumed = c;
	}
	r->blocks[r->nblocks++] = (struct eval_block){ .question = q,
	    .answer = answers[q], .option = b->option, .reason = b->reason,
	    .assumed = assumed };
}

/* The options ruled out under ANSWERS (VISIBLE: the questions asked);
 * with R, its list of blocks too.  A block's `when` reads other answers,
 * so this is worked out from the answers, not kept in the tally. */
static unsigned
blocks_of(const struct model *m, const int *answers, const char *visible,
    struct eval_result *r)
{
	unsigned mask = 0;
	int q, i;

	if (r != NULL)
		r->nblocks = 0;
	for (q = 0; q < m->nquestions; q++) {
		const struct model_answer *an;

		if (!visible[q] || answers[q] < 0)
			continue;
		an = &m->questions[q].answers[answers[q]];
		for (i = 0; i < an->nblocks; i++) {
			const struct model_block *b = &an->blocks[i];

			if (!model_block_holds(m, b, answers, visible))
				continue;
			if (r != NULL)
				add_block(r, answers, visible, q, b);
			mask |= 1u << b->option;
		}
	}
	return mask;
}

/* Whether COSTS price some option of M and M has a cost dimension. */
static int
bill_counts(const struct model *m, const double *costs)
{
	int o;

	if (costs == NULL || m->cost_dim < 0)
		return 0;
	for (o = 0; o < m->noptions; o++)
		if (costs[o] >= 0)
			return 1;
	return 0;
}

/* Option O's points in dimension D and the scale they are measured
 * against (*SPAN), the bill counted in the cost dimension when COSTS
 * are given (doc/scoring.md, "The bill"):
 *
 *   points = F x (1 - s - 2s x log_1.5(cost / cheapest)) + s x answers
 *
 * with F the dimension's scale and s EVAL_COST_ANSWER_SHARE, kept
 * within -F..F.  Two options 1.5 times apart in cost differ by 2sF from
 * the bill, as much as the answers can give the other way: the dearer
 * one never scores more. */
static double
dim_points(const struct model *m, const struct tally *t, const double *costs,
    int o, int d, double *span)
{
	const double s = EVAL_COST_ANSWER_SHARE;
	double f, cheapest = -1, ratio, v;
	int i;

	*span = t->vspan[d];
	if (d != m->cost_dim || !bill_counts(m, costs) || costs[o] < 0)
		return t->raw[o][d];
	f = t->vspan[d] > 0 ? t->vspan[d] : 1.0;
	*span = f;
	for (i = 0; i < m->noptions; i++)
		if (costs[i] >= 0 && (cheapest < 0 || costs[i] < cheapest))
			cheapest = costs[i];
	if (costs[o] <= cheapest)
		ratio = 1;
	else if (cheapest <= 0)
		return -f;		/* infinitely dearer than a free option */
	else
		ratio = costs[o] / cheapest;
	v = f * (1.0 - s - 2.0 * s * log(ratio) / log(EVAL_COST_RATIO)) +
	    s * t->raw[o][d];
	return v < -f ? -f : v > f ? f : v;
}

/* Totals, recommendation and runner-up of tally T under WEIGHTS and
 * COSTS, with the options in BLOCKED ruled out. */
static void
decide(const struct model *m, const struct tally *t, const int *weights,
    const double *costs, unsigned blocked, struct outcome *out)
{
	double num[MODEL_MAX_OPTIONS] = { 0 }, den = 0, span;
	int o, d;

	for (d = 0; d < m->ndims; d++) {
		for (o = 0; o < m->noptions; o++)
			num[o] += weights[d] * dim_points(m, t, costs, o, d,
			    &span);
		den += weights[d] * span;
	}
	for (o = 0; o < m->noptions; o++)
		out->total[o] = den > 0 ? 50.0 + 50.0 * num[o] / den : 50.0;
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
	int q, d;

	for (q = 0; q < m->nquestions; q++) {
		int before = visible[q] ? answers[q] : -1;
		int after = visible2[q] ? answers2[q] : -1;

		if (visible[q] != visible2[q])
			for (d = 0; d < m->ndims; d++)
				t->vspan[d] += (visible2[q] ? 1 : -1) *
				    m->questions[q].span[d];
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
    const double *costs, const struct tally *base_t,
    const struct outcome *base, struct eval_result *r)
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
			const char *vis = r->visible_q;
			unsigned blocked;

			if (a == answers[q])
				continue;
			t = *base_t;
			r->scratch[q] = a;
			if (qn->controls) {
				/* Other questions appear or vanish with
				 * this one. */
				t.visible = model_visible(m, r->scratch,
				    r->scratch_visible);
				retally(m, answers, r->visible_q, r->scratch,
				    r->scratch_visible, &t);
				vis = r->scratch_visible;
			} else {
				if (answers[q] >= 0)
					tally_answer(m, &t, q, answers[q], -1);
				tally_answer(m, &t, q, a, 1);
			}
			blocked = blocks_of(m, r->scratch, vis, NULL);
			r->scratch[q] = answers[q];
			decide(m, &t, weights, costs, blocked, &cand);
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
			decide(m, base_t, w, costs, r->blocked, &cand);
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

/* The share of an answer's points in dimension D that reaches option
 * O's total: all of it, except in the cost dimension when the bill
 * counts there for O. */
static double
share(const struct model *m, const double *costs, int o, int d)
{
	return d == m->cost_dim && bill_counts(m, costs) && costs[o] >= 0 ?
	    EVAL_COST_ANSWER_SHARE : 1.0;
}

/* Each answer's points on a fixed scale: what it adds to each total
 * when measured against every asked question's possible points, so a
 * reason keeps its size as other questions are answered. */
static void
rationale(const struct model *m, const int *answers, const int *weights,
    const double *costs, const struct tally *t, struct eval_result *r)
{
	double den = 0, span;
	int q, o, d;

	r->nrationale = 0;
	for (d = 0; d < m->ndims; d++) {
		dim_points(m, t, costs, 0, d, &span);
		den += weights[d] * span;
	}
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
				s += weights[d] * share(m, costs, o, d) *
				    model_effect(m, q, a, o, d);
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
			double worst = share(m, costs, 0, d) *
			    model_effect(m, q, a, 0, d), v, e;

			for (o = 1; o < m->noptions; o++) {
				e = share(m, costs, o, d) *
				    model_effect(m, q, a, o, d);
				if (e < worst)
					worst = e;
			}
			v = weights[d] * (share(m, costs, fav, d) *
			    model_effect(m, q, a, fav, d) - worst);
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
	eval_run_costs(m, answers, weights, NULL, r);
}

void
eval_run_costs(const struct model *m, const int *answers, const int *weights,
    const double *costs, struct eval_result *r)
{
	struct tally t;
	struct outcome out;
	double span, pts;
	int o, d;

	if (!bill_counts(m, costs))
		costs = NULL;
	tally_all(m, answers, r->visible_q, &t);
	r->blocked = blocks_of(m, answers, r->visible_q, r);
	decide(m, &t, weights, costs, r->blocked, &out);
	r->answered = t.answered;
	r->visible = t.visible;
	r->cost_counted = costs != NULL;
	for (o = 0; o < m->noptions; o++) {
		r->total[o] = out.total[o];
		for (d = 0; d < m->ndims; d++) {
			pts = dim_points(m, &t, costs, o, d, &span);
			r->score[o][d] = span > 0 ? 50.0 + 50.0 * pts / span :
			    50.0;
		}
	}
	for (d = 0; d < m->ndims; d++)
		r->has_evidence[d] = t.span[d] > 0 ||
		    (d == m->cost_dim && costs != NULL);
	r->recommendation = out.rec;
	r->runner_up = out.runner;
	r->confidence = 0;
	if (out.rec >= 0 && t.visible > 0) {
		double f = out.margin / EVAL_FULL_MARGIN;

		r->confidence = (f < 1 ? f : 1) * t.answered / t.visible;
	}
	rationale(m, answers, weights, costs, &t, r);
	rows(m, answers, r);
	find_flip(m, answers, weights, costs, &t, &out, r);
}

const char *
eval_recommendation_id(const struct eval_result *r)
{
	return r->recommendation >= 0 ?
	    r->model->options[r->recommendation].id : "undecided";
}

int
eval_decided(const struct eval_result *r)
{
	return r->recommendation >= 0 && r->visible > 0 &&
	    r->answered >= EVAL_DECIDED_ANSWERED * r->visible &&
	    r->confidence >= EVAL_DECIDED_CONFIDENCE;
}
