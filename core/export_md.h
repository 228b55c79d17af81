/* export_md.h - the Markdown summary of an evaluation. */
#ifndef TRADEOFF_EXPORT_MD_H
#define TRADEOFF_EXPORT_MD_H

#include <stdio.h>

#include "err.h"
#include "report.h"

/* A GitHub-flavoured Markdown summary of report R: the head (date,
 * model, prices, participants), context, recommendation and blocked
 * options, scores, rationale, flip, every answer and note, the
 * comparison tables with the rows that matter marked, the cost with its
 * formulas and a Mermaid chart, the weights, and (for a session) the
 * change history.  A pure function of R: the same report gives the same
 * bytes.  0, or -1 with a message when writing failed. */
int export_md(FILE *out, const struct report *r, struct err *e);

/* Pieces the decision record shares.  The flip as a sentence ending in
 * a newline; the break-even as a clause ("above N requests a month,
 * ..."), R->cost set. */
void export_md_flip(FILE *out, const struct report *r);
/* A disputed question's answers, a nested list item each: its voters,
 * and what it recommends. */
void export_md_disputed(FILE *out, const struct report *r,
    const struct disagree_question *x);
void export_md_break_even(FILE *out, const struct report *r);

#endif
