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
	int invalid;			/* saved entries left out as not valid
					 * (a database changed by hand) */
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
 * line, 1 to ANSWERS_NAME_MAX bytes, not only spaces (no-break and
 * other spaces included), with no character that can disguise it
 * (utf8_disguising) and no combining mark at its start.  On refusal, a
 * message in E. */
int answers_name_check(const char *name, struct err *e);

/* The same for a participant's name, of 1 to YDOC_MAX_LINE bytes. */
int answers_participant_check(const char *name, struct err *e);

/* How many visible questions are answered, and how many are visible. */
int answers_count(const struct answers *a, int *visible);

#endif
