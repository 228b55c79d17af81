/* diff.h - two states of a decision compared (`tradeoff diff`).
 *
 * Each side is an evaluated session (core/session.h: a saved session, a
 * milestone or an answers file, evaluated with the model and price list
 * in use).  The difference lists what changed (answers, notes, weights,
 * figures, context, participants, votes; the model or price list a side
 * was recorded with, when they differ) and what that did (each option's
 * score, the recommendation, the options ruled out, the monthly costs,
 * the break-even), in the model's words (phrase.h).  Writers for text,
 * YAML and Markdown read one struct diff, as the reports do. */
#ifndef TRADEOFF_DIFF_H
#define TRADEOFF_DIFF_H

#include <stdio.h>

#include "arena.h"
#include "err.h"
#include "session.h"

enum diff_format { DIFF_TEXT, DIFF_YAML, DIFF_MARKDOWN };

/* One side: its name for people ("checkout@workshop", a file), the
 * evaluated session, and the model and price list it was recorded with
 * (the ones in use for a session or a file). */
struct diff_side {
	const char *name;
	const struct session *s;
	const char *model_id, *model_version;
	const char *pricing;		/* milestone_pricing_line */
};

/* One input that differs: a history-style field ("answer:traffic",
 * "weight:cost", "workload:requests_per_month", "note:traffic",
 * "context", "participants", "vote:ben:devops", "model", "pricing"),
 * and its value on each side (NULL: unset). */
struct diff_change {
	const char *field;
	const char *from, *to;
};

struct diff {
	const struct diff_side *a, *b;
	const struct model *model;
	int nchanges;
	struct diff_change *changes;
	struct arena *arena;		/* the changes and their text */
	int effects;			/* whether any result differs */
};

/* Compare A and B (evaluated with the same model) into D.  0, or -1
 * when out of memory (D then holds nothing). */
int diff_run(struct diff *d, const struct diff_side *a,
    const struct diff_side *b, struct err *e);

/* Release what D holds.  Safe on a zeroed D. */
void diff_free(struct diff *d);

/* Whether A and B differ at all (inputs or results). */
int diff_any(const struct diff *d);

/* Write D in format F.  0, or -1 with a message. */
int diff_write(FILE *out, enum diff_format f, const struct diff *d,
    struct err *e);

#endif
