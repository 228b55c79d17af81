/* fuzz_model.c - the decision model loader (--model FILE).
 *
 * Any bytes either load as a model the evaluator can use, or give a
 * positioned error.  A model that loads is evaluated with nothing
 * answered and with every question given its first answer: totals stay
 * within 0-100, the confidence within 0-1, the recommendation an
 * option or undecided. */
#include "config.h"

#include "fuzz.h"

#include <math.h>

#include "eval.h"
#include "model.h"

static void
evaluate(const struct model *m, int first)
{
	struct eval_result *r = eval_result_new(m);
	int *answers = calloc((size_t)m->nquestions + 1, sizeof *answers);
	int weights[MODEL_MAX_DIMS], q, o, d;

	FUZZ_ASSERT(r != NULL && answers != NULL, "out of memory");
	for (q = 0; q < m->nquestions; q++)
		answers[q] = first ? 0 : -1;
	for (d = 0; d < m->ndims; d++)
		weights[d] = m->dims[d].weight;
	eval_run(m, answers, weights, r);
	FUZZ_ASSERT(r->recommendation >= -1 &&
	    r->recommendation < m->noptions, "recommendation %d",
	    r->recommendation);
	FUZZ_ASSERT(r->confidence >= 0 && r->confidence <= 1,
	    "confidence %g", r->confidence);
	FUZZ_ASSERT(r->answered <= r->visible && r->visible <= m->nquestions,
	    "%d answered of %d visible", r->answered, r->visible);
	for (o = 0; o < m->noptions; o++) {
		FUZZ_ASSERT(isfinite(r->total[o]) && r->total[o] >= 0 &&
		    r->total[o] <= 100, "total %g", r->total[o]);
		for (d = 0; d < m->ndims; d++)
			FUZZ_ASSERT(isfinite(r->score[o][d]) &&
			    r->score[o][d] >= 0 && r->score[o][d] <= 100,
			    "score %g", r->score[o][d]);
	}
	free(answers);
	eval_result_free(r);
}

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct model *m;
	struct err e;

	err_clear(&e);
	m = model_load_buffer("fuzz.yaml", (const char *)data, size, &e);
	if (m == NULL) {
		FUZZ_CHECK_ERR(e, "model");
		return 0;
	}
	FUZZ_ASSERT(m->noptions > 0 && m->ndims > 0 && m->nquestions > 0,
	    "an empty model loaded");
	evaluate(m, 0);
	evaluate(m, 1);
	model_free(m);
	return 0;
}
