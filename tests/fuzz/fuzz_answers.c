/* fuzz_answers.c - the answers file loader (eval --answers, import),
 * against the shipped model.
 *
 * Any bytes either load as answers that name only the model's answers
 * and weights in range, or give a positioned error.  What loads goes
 * through the YAML export and back: README promises that export, import
 * and export again give the same bytes whatever the notes hold. */
#include "config.h"

#include "fuzz.h"

#include <string.h>

#include "answers.h"
#include "eval.h"
#include "export_yaml.h"
#include "model.h"

static struct model *model;
static struct eval_result *result;

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
		fprintf(stderr, "fuzz_answers: %s\n", e.msg);
		exit(1);
	}
	result = eval_result_new(model);
	if (result == NULL)
		exit(1);
	return 0;
}

/* A's YAML export in a malloc'd buffer. */
static char *
export(const struct answers *a, size_t *len)
{
	char *buf = NULL;
	struct err e;
	FILE *f = open_memstream(&buf, len);

	FUZZ_ASSERT(f != NULL, "open_memstream");
	FUZZ_ASSERT(export_yaml(f, a, &e) == 0, "export: %s", e.msg);
	FUZZ_ASSERT(fclose(f) == 0, "export: fclose");
	return buf;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct answers *a, *b;
	struct err e;
	char *y1, *y2;
	size_t l1, l2;
	int q, d;

	err_clear(&e);
	a = answers_load_buffer(model, "fuzz.yaml", (const char *)data, size,
	    &e);
	if (a == NULL) {
		FUZZ_CHECK_ERR(e, "answers");
		return 0;
	}
	for (q = 0; q < model->nquestions; q++)
		FUZZ_ASSERT(a->answer[q] >= -1 &&
		    a->answer[q] < model->questions[q].nanswers,
		    "answer %d to %s", a->answer[q], model->questions[q].id);
	for (d = 0; d < model->ndims; d++)
		FUZZ_ASSERT(a->weight[d] >= 0 &&
		    a->weight[d] <= MODEL_MAX_WEIGHT, "weight %d",
		    a->weight[d]);
	FUZZ_ASSERT(a->session == NULL ||
	    answers_name_check(a->session, &e) == 0, "session name");
	eval_run(model, a->answer, a->weight, result);

	/* Export, read back, export again: the same bytes. */
	y1 = export(a, &l1);
	b = answers_load_buffer(model, "export.yaml", y1, l1, &e);
	FUZZ_ASSERT(b != NULL, "the export does not read back: %s\n%s",
	    e.msg, y1);
	y2 = export(b, &l2);
	FUZZ_ASSERT(l1 == l2 && memcmp(y1, y2, l1) == 0,
	    "export, import, export differ:\n%s\n---\n%s", y1, y2);
	for (q = 0; q < model->nquestions; q++) {
		FUZZ_ASSERT(a->answer[q] == b->answer[q], "answer to %s",
		    model->questions[q].id);
		FUZZ_ASSERT((a->note[q] == NULL) == (b->note[q] == NULL) &&
		    (a->note[q] == NULL || strcmp(a->note[q], b->note[q]) == 0),
		    "note to %s", model->questions[q].id);
	}
	free(y1);
	free(y2);
	answers_free(b);
	answers_free(a);
	return 0;
}
