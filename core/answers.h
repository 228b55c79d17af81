/* answers.h - one workshop's input: answers, notes, weights, workload.
 *
 * The same value comes from an answers file (tradeoff eval, import) or
 * from a saved session, and is what the evaluator, the cost model and the
 * exporters read.  Everything is resolved against a model: answer[q] is
 * an index into question q's answers. */
#ifndef TRADEOFF_ANSWERS_H
#define TRADEOFF_ANSWERS_H

#include <stddef.h>

#include "arena.h"
#include "err.h"
#include "model.h"
#include "workload.h"

#define ANSWERS_NAME_MAX 200		/* bytes in a session name */
#define ANSWERS_MAX_PARTICIPANTS 100

struct answers {
	struct arena *arena;
	const struct model *model;
	const char *file;		/* the file it came from, or NULL */
	const char *session;		/* NULL when not given */
	const char *context;		/* NULL when not given */
	int nparticipants;
	const char **participants;
	int *answer;			/* [nquestions]: answer index or -1 */
	const char **note;		/* [nquestions]: text or NULL */
	int weight[MODEL_MAX_DIMS];	/* the model's defaults unless set */
	unsigned weight_set;		/* bit d: weight d was given */
	struct workload workload;
	/* 1 when the provider answer came from an older `workload:
	 * provider` figure (answers_adopt_provider). */
	int provider_from_workload;
};

/* Empty answers for model M: nothing answered, default weights and
 * workload.  NULL when out of memory. */
struct answers *answers_new(const struct model *m);

/* Load and validate an answers file against model M. */
struct answers *answers_load(const struct model *m, const char *path,
    struct err *e);
struct answers *answers_load_buffer(const struct model *m, const char *name,
    const char *buf, size_t len, struct err *e);

/* Release A.  Accepts NULL. */
void answers_free(struct answers *a);

/* Copy text into A's arena (for setters that keep strings). */
const char *answers_strdup(struct answers *a, const char *s);

/* Whether NAME is acceptable as a session name: printable UTF-8 on one
 * line, 1 to ANSWERS_NAME_MAX bytes, not only spaces.  On refusal, a
 * message in E. */
int answers_name_check(const char *name, struct err *e);

/* Read an older `workload: provider` figure as the answer to the
 * model's provider question (`role: provider`) when that question is
 * unanswered; an answer given wins.  The figure is then no longer set.
 * -1 with a message in E (at the figure's place in FILE, may be NULL)
 * when the question has no answer of that name. */
int answers_adopt_provider(struct answers *a, const char *file,
    struct err *e);

/* The provider to price (an enum wl_provider): the answer to the
 * provider question, else its default, else the workload figure; -1
 * when the answer names no provider this program prices. */
int answers_provider(const struct answers *a);

/* How many visible questions are answered, and how many are visible. */
int answers_count(const struct answers *a, int *visible);

#endif
