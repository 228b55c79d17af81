/* fuzz_evidence.c - the decision record reader (recheck, import, diff),
 * against the shipped model.
 *
 * Any bytes are read as `recheck FILE` reads them: a decision record
 * (front matter, or the evidence comment of a record written with
 * --no-front-matter) or else an answers file.  Either they read, to
 * evidence whose answers name only the model's answers, whose weights
 * are in range and whose lists are as long as they say, or they give a
 * positioned error and leave nothing held. */
#include "config.h"

#include "fuzz.h"

#include <string.h>

#include "evidence.h"
#include "model.h"

static struct model *model;

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	char path[4096];
	struct err e;

	(void)argc;
	(void)argv;
	snprintf(path, sizeof path, "%s/data/model.yaml", fuzz_datadir());
	model = model_load(path, &e);
	if (model == NULL) {
		fprintf(stderr, "fuzz_evidence: %s\n", e.msg);
		exit(1);
	}
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct evidence ev;
	struct err e;
	int q, d, i;

	memset(&ev, 0, sizeof ev);
	err_clear(&e);
	if (evidence_read_buffer(&ev, model, "fuzz.md", (const char *)data,
	    size, &e) != 0) {
		FUZZ_CHECK_ERR(e, "evidence");
		FUZZ_ASSERT(ev.answers == NULL, "a failed read holds answers");
		return 0;
	}
	FUZZ_ASSERT(ev.answers != NULL, "evidence without answers");
	FUZZ_ASSERT(ev.kind == EVIDENCE_ANSWERS || ev.kind == EVIDENCE_ADR,
	    "kind %d", (int)ev.kind);
	for (q = 0; q < model->nquestions; q++)
		FUZZ_ASSERT(ev.answers->answer[q] >= -1 &&
		    ev.answers->answer[q] < model->questions[q].nanswers,
		    "answer %d to %s", ev.answers->answer[q],
		    model->questions[q].id);
	for (d = 0; d < model->ndims; d++)
		FUZZ_ASSERT(ev.answers->weight[d] >= 0 &&
		    ev.answers->weight[d] <= MODEL_MAX_WEIGHT, "weight %d",
		    ev.answers->weight[d]);
	FUZZ_ASSERT(ev.nprices >= 0 && ev.nprices <= EVIDENCE_MAX_PRICES,
	    "%d prices", ev.nprices);
	for (i = 0; i < ev.nprices; i++)
		FUZZ_ASSERT(ev.prices[i].key != NULL &&
		    memchr(ev.prices[i].what, '\0',
		    sizeof ev.prices[i].what) != NULL, "price %d", i);
	FUZZ_ASSERT(ev.nmonthly >= 0 && ev.nmonthly <= MODEL_MAX_OPTIONS,
	    "%d monthly costs", ev.nmonthly);
	for (i = 0; i < ev.nmonthly; i++)
		FUZZ_ASSERT(ev.monthly_option[i] != NULL, "monthly %d", i);
	FUZZ_ASSERT(ev.nasked >= -1, "%d asked", ev.nasked);
	for (i = 0; i < ev.nasked; i++)
		FUZZ_ASSERT(ev.asked[i] != NULL, "asked %d", i);
	FUZZ_ASSERT(ev.nblocked >= 0, "%d blocked", ev.nblocked);
	for (i = 0; i < ev.nblocked; i++)
		FUZZ_ASSERT(ev.blocked[i] != NULL, "blocked %d", i);
	evidence_free(&ev);
	return 0;
}
