/* recheck.h - does a recorded decision still hold (`tradeoff recheck`)?
 *
 * A record holds while the recommendation under its recorded answers,
 * evaluated with today's model and prices, is the one it recorded
 * (DESIGN.md section 12).  When it no longer holds the check says why,
 * from what the record kept (evidence.h): a unit price that changed and
 * by how much, a break-even that moved past the workload's traffic, an
 * option the model now rules out, a changed model, the monthly costs.
 * Questions the model asks now that were not asked then are listed,
 * not failed.  Superseded records are not checked; records that chose
 * no option are reported as such. */
#ifndef TRADEOFF_RECHECK_H
#define TRADEOFF_RECHECK_H

#include <stdio.h>

#include "err.h"
#include "evidence.h"
#include "session.h"

enum recheck_verdict {
	RECHECK_HOLDS,
	RECHECK_NO_LONGER,	/* exit status 3 */
	RECHECK_SUPERSEDED,	/* not checked */
	RECHECK_NO_OPTION,	/* the record chose no option */
	RECHECK_EVALUATED	/* an answers file without `decision:` */
};

#define RECHECK_MAX_REASONS 24

/* One reason, in words and, for scripts, by kind ("price",
 * "break_even", "blocked", "model", "cost", "recommendation") with the
 * key it is about and the figures then and now where it has them. */
struct recheck_reason {
	const char *kind;
	char key[64];
	int has_figures;
	double from, to;
	char text[640];
};

struct recheck {
	const char *file;
	enum recheck_verdict verdict;
	const char *status;		/* the record's status, or NULL */
	const char *recorded;		/* the option recorded, or NULL */
	const char *now;		/* today's recommendation's id */
	char now_title[128];		/* ... in words */
	int nreasons;
	struct recheck_reason reasons[RECHECK_MAX_REASONS];
	int nnew;			/* questions asked now, not then */
	int *new_questions;		/* [model questions] */
};

/* Check the decision EV (read from FILE) against S, a session holding
 * EV's answers evaluated with today's model and prices, into R (which
 * borrows from EV and S: both must outlive it).  0, or -1 when out of
 * memory. */
int recheck_run(struct recheck *r, const char *file,
    const struct evidence *ev, const struct session *s, struct err *e);

void recheck_free(struct recheck *r);

/* The verdict's id for scripts: "holds", "no_longer_holds",
 * "superseded", "no_option", "evaluated". */
const char *recheck_verdict_id(enum recheck_verdict v);

/* R for people: one line with the verdict, then its reasons and the new
 * questions, indented. */
void recheck_text(FILE *out, const struct recheck *r, const struct model *m);

/* Records R[0..N) for scripts: a `records:` list, each with its file,
 * verdict, the option recorded and today's, the reasons and the new
 * questions (README.md, "Decisions that stay checkable"). */
int recheck_yaml(FILE *out, const struct recheck *r, int n,
    const struct model *m, struct err *e);

#endif
