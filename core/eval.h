/* eval.h - the evaluator: scores, blocks, recommendation, rationale, flip.
 *
 * eval_run is pure and deterministic: the same model, answers and weights
 * give the same result, whatever order the answers were made in.  It
 * allocates nothing; the result buffer is made once per model with
 * eval_result_new and reused on every keystroke.  How the numbers are
 * made is documented for workshops in doc/scoring.md. */
#ifndef TRADEOFF_EVAL_H
#define TRADEOFF_EVAL_H

#include "model.h"

/* Margin (in total points) at which confidence stops growing. */
#define EVAL_FULL_MARGIN 20.0

/* The bill in the Cost dimension (doc/scoring.md, "The bill"): an
 * option that costs EVAL_COST_RATIO times another or more never beats
 * it on Cost; the answers' Cost points count at EVAL_COST_ANSWER_SHARE
 * of the dimension's scale beside the bill. */
#define EVAL_COST_RATIO 1.5
#define EVAL_COST_ANSWER_SHARE 0.2

struct eval_block {
	int question, answer, option;
	const char *reason;	/* the model's words for this block */
	int assumed;		/* a question its `when` read as its default,
				 * being unanswered, or -1 */
};

struct eval_reason {
	int question, answer;
	int favors;		/* the option this answer helps most */
	int dim;		/* the dimension where it helps it most */
	double points;		/* spread it adds between options, in total
				 * points */
};

enum eval_flip_kind { FLIP_NONE, FLIP_ANSWER, FLIP_WEIGHT };

struct eval_flip {
	enum eval_flip_kind kind;
	int question, answer;	/* FLIP_ANSWER */
	int dim, weight;	/* FLIP_WEIGHT */
	int to;			/* the recommendation after the change */
	double distance;	/* how far it moves the totals */
};

struct eval_result {
	const struct model *model;
	int answered, visible;
	/* score[o][d]: option o in dimension d, 0..100; total[o] 0..100. */
	double score[MODEL_MAX_OPTIONS][MODEL_MAX_DIMS];
	double total[MODEL_MAX_OPTIONS];
	/* has_evidence[d]: some answered question bears on dimension d
	 * (or, for the cost dimension, the bill counts). */
	char has_evidence[MODEL_MAX_DIMS];
	/* 1 when monthly costs were given and count in the cost dimension. */
	int cost_counted;
	unsigned blocked;	/* bit o: option o is ruled out */
	int recommendation;	/* an option index, or -1: undecided */
	int runner_up;		/* the next best option not blocked, or -1 */
	double confidence;	/* 0..1 */
	int nblocks;
	struct eval_block *blocks;	/* in question order */
	int nrationale;
	struct eval_reason *rationale;	/* largest first */
	struct eval_flip flip;
	/* Per table row (model row index): whether an answered question
	 * bears on it, and the option the answers favour there (or -1). */
	char *row_relevant;
	signed char *row_favors;
	/* Which questions are asked under these answers. */
	char *visible_q;
	/* Scratch for the flip search. */
	int *scratch;
	char *scratch_visible;
};

/* A result buffer for model M, or NULL when out of memory. */
struct eval_result *eval_result_new(const struct model *m);

/* Release R.  Accepts NULL. */
void eval_result_free(struct eval_result *r);

/* Evaluate ANSWERS (answers[q] = answer index or -1) under WEIGHTS
 * (weights[d], 0..MODEL_MAX_WEIGHT) into R, which must have been made
 * for M.  The answers alone: eval_run_costs with no costs. */
void eval_run(const struct model *m, const int *answers, const int *weights,
    struct eval_result *r);

/* The same, with the workload's monthly costs counted in the model's
 * cost dimension: COSTS[o] is option o's monthly figure, or negative
 * when o is not priced; COSTS NULL (the workload has no figures set, or
 * could not be priced) gives exactly what eval_run gives. */
void eval_run_costs(const struct model *m, const int *answers,
    const int *weights, const double *costs, struct eval_result *r);

/* The recommendation's id: an option id or "undecided". */
const char *eval_recommendation_id(const struct eval_result *r);

/* The evidence a decision needs (README, "Exporting a session"): at
 * least this share of the asked questions answered, and at least this
 * confidence.  Below either, a decision record names no option and says
 * what is missing, and the summary says it is not yet a decision. */
#define EVAL_DECIDED_ANSWERED 0.5
#define EVAL_DECIDED_CONFIDENCE 0.25

/* Whether R is enough to decide on its recommendation. */
int eval_decided(const struct eval_result *r);

#endif
