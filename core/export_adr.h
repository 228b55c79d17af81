/* export_adr.h - an architecture decision record in the MADR 4 layout.
 *
 * YAML front matter (status, date, decision-makers, supersedes and the
 * evidence, evidence.h) written through libyaml's emitter, or, with
 * R->adr_plain, the title first with the same as a Markdown list under
 * it and the evidence in an HTML comment at the end (front matter shows
 * as a rule and a heading wherever it is not GitHub's file view); then
 * Context and Problem Statement, Decision Drivers, Considered Options,
 * Decision Outcome with Consequences and Confirmation, Pros and Cons of
 * the Options, and More Information.
 * Everything is drawn from the report: the heaviest weights and the
 * answers that moved the result most drive it; the comparison rows the
 * answers bear on give the good and bad consequences; the flip becomes
 * the condition to revisit the decision. */
#ifndef TRADEOFF_EXPORT_ADR_H
#define TRADEOFF_EXPORT_ADR_H

#include <stdio.h>

#include "err.h"
#include "report.h"

/* The status the record is written with: the tool proposes, the team
 * accepts (by editing it when they merge it). */
#define EXPORT_ADR_STATUS "proposed"

/* A record names an option only when eval_decided (eval.h) says the
 * evidence supports it; else it says what is missing. */

/* Write the decision record of report R.  Its date is the session's
 * last change (R->session), else the day of R->now.  A pure function of
 * R.  0, or -1 with a message. */
int export_adr(FILE *out, const struct report *r, struct err *e);

#endif
