/* testutil.h - shared helpers for the Check unit tests. */
#ifndef TRADEOFF_TESTUTIL_H
#define TRADEOFF_TESTUTIL_H

#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "answers.h"
#include "model.h"

/* The shipped model, found through TRADEOFF_DATADIR (set by make check). */
static inline struct model *
tu_shipped_model(void)
{
	const char *dir = getenv("TRADEOFF_DATADIR");
	char path[4096];
	struct model *m;
	struct err e;

	ck_assert_msg(dir != NULL, "TRADEOFF_DATADIR is not set");
	snprintf(path, sizeof path, "%s/data/model.yaml", dir);
	m = model_load(path, &e);
	ck_assert_msg(m != NULL, "shipped model: %s", e.msg);
	return m;
}

/* A model from text; fails the test if it does not load. */
static inline struct model *
tu_model(const char *text)
{
	struct err e;
	struct model *m = model_load_buffer("test.yaml", text, strlen(text),
	    &e);

	ck_assert_msg(m != NULL, "test model: %s", e.msg);
	return m;
}

/* Set ANSWERS from "question=answer question=answer ...", all others
 * unanswered. */
static inline void
tu_answers(const struct model *m, const char *spec, int *answers)
{
	char buf[4096], *tok, *save = NULL;
	int q;

	for (q = 0; q < m->nquestions; q++)
		answers[q] = -1;
	snprintf(buf, sizeof buf, "%s", spec);
	for (tok = strtok_r(buf, " ", &save); tok != NULL;
	    tok = strtok_r(NULL, " ", &save)) {
		char *eq = strchr(tok, '=');
		int a;

		ck_assert_msg(eq != NULL, "bad spec '%s'", tok);
		*eq = '\0';
		q = model_question_index(m, tok);
		ck_assert_msg(q >= 0, "no question '%s'", tok);
		a = model_answer_index(m, q, eq + 1);
		ck_assert_msg(a >= 0, "no answer '%s' for '%s'", eq + 1, tok);
		answers[q] = a;
	}
}

/* The default weights of M. */
static inline void
tu_weights(const struct model *m, int *weights)
{
	int d;

	for (d = 0; d < m->ndims; d++)
		weights[d] = m->dims[d].weight;
}

/* How much slower than usual the tests run: $TRADEOFF_TEST_SLOW (make
 * check-valgrind sets it), else 1.  Tests that give a process a moment
 * to work scale the moment by it. */
static inline int
tu_slow(void)
{
	const char *s = getenv("TRADEOFF_TEST_SLOW");
	int n = s != NULL ? atoi(s) : 1;

	return n > 1 ? n : 1;
}

/* Run SUITE and return the process exit status. */
static inline int
tu_run(Suite *s)
{
	SRunner *sr = srunner_create(s);
	int failed;

	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}

#endif
