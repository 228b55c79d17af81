/* disagree.h - the disagreements that matter: where participants' votes
 * differ, what the recommendation would be with each disputed answer,
 * and each participant's own overall recommendation.
 *
 * Everything is evaluated with eval_run on the session's answers with
 * one change at a time, into buffers made once per model (disagree_new),
 * so a workshop's every keystroke can afford it. */
#ifndef TRADEOFF_DISAGREE_H
#define TRADEOFF_DISAGREE_H

#include "answers.h"
#include "eval.h"
#include "model.h"

/* One answer given to a disputed question. */
struct disagree_answer {
	int answer;
	int nvoters;		/* how many voted for it (the identities
				 * whose vote on the question it is) */
	int recommendation;	/* with this answer (an option, or -1) */
	double confidence;
	int changes;		/* it changes the room's recommendation */
};

struct disagree_question {
	int question;
	int nanswers;
	struct disagree_answer answers[MODEL_MAX_ANSWERS];
	int changes;		/* some answer changes the recommendation */
	double spread;		/* how far its answers move the totals */
};

struct disagree {
	const struct model *model;
	int room;			/* the session's recommendation */
	int nquestions;			/* disputed questions, largest first */
	struct disagree_question *questions;	/* [model->nquestions] */
	int nidents;
	int *own;			/* [ANSWERS_MAX_IDENTS]: each identity's
					 * recommendation with their votes */
	/* Scratch, and the costs of the run. */
	const double *costs;
	int *answers;
	struct eval_result *r;
};

/* Buffers for model M; NULL when out of memory. */
struct disagree *disagree_new(const struct model *m);
void disagree_free(struct disagree *d);

/* The disagreements of A under WEIGHTS into D, the monthly COSTS of the
 * options counting in the Cost dimension as eval_run_costs counts them
 * (NULL: none).  A question is disputed when its votes hold more than
 * one answer; those whose answers change the recommendation come first,
 * then by how far they move it.  The costs are the session's: a
 * disputed answer that would change the bill (another provider) is
 * judged at today's bill.  ROOM is the recommendation with A's own
 * answers under the same weights and costs, which the caller has
 * already evaluated (session_evaluate): it is not worked out again. */
void disagree_run(struct disagree *d, const struct answers *a,
    const int *weights, const double *costs, int room);

#endif
