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
#define ANSWERS_IDENT_MAX 32		/* bytes in an identity ("ben") */
#define ANSWERS_MAX_IDENTS ANSWERS_MAX_PARTICIPANTS

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
	/* Workshop: the identities that took part ("ben"), each with the
	 * listed participant they are ("Ben (SRE)", or NULL) and their own
	 * answer to each question (their vote, or -1); which questions'
	 * votes are revealed to everyone. */
	int nidents;
	const char **ident;		/* [nidents] */
	const char **ident_as;		/* [nidents] */
	int **vote;			/* [nidents][nquestions] */
	char *revealed;			/* [nquestions] */
	/* An answers file's `decision:`: the recommendation a recheck
	 * holds it to (an option id or "undecided"), or NULL. */
	const char *decision;
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

struct ydoc;
struct ynode;

/* Read the answers document at mapping ROOT of DOC (a document parsed
 * into A's arena, such as a decision record's front matter) into A,
 * fresh from answers_new: the checks of answers_load, positioned in
 * DOC's file.  0, or -1 with a message. */
int answers_read_node(struct answers *a, const struct ydoc *doc,
    const struct ynode *root, struct err *e);

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

/* Whether IDENT is acceptable as an identity: 1 to ANSWERS_IDENT_MAX
 * ASCII letters, digits, '.', '_' or '-', starting with a letter or
 * digit (a login name, "ben").  On refusal, a message in E. */
int answers_ident_check(const char *ident, struct err *e);

/* The index of identity IDENT in A, or -1. */
int answers_find_ident(const struct answers *a, const char *ident);

/* The index of identity IDENT in A, added (with no votes) when it is
 * new; -1 when A already has ANSWERS_MAX_IDENTS or memory ran out. */
int answers_add_ident(struct answers *a, const char *ident);

/* How many identities voted on question Q, and whether they differ
 * (*SPLIT: more than one answer among the votes; may be NULL). */
int answers_votes_on(const struct answers *a, int q, int *split);

/* The same for a participant's name, of 1 to YDOC_MAX_LINE bytes. */
int answers_participant_check(const char *name, struct err *e);
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
