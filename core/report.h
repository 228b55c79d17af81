/* report.h - the evaluation written out: YAML for scripts, text for
 * people at a terminal, Markdown for documents (export_md.c).
 *
 * Every writer reads one `struct report`, so what a report can show grows
 * by adding a field here, not a parameter to every writer. */
#ifndef TRADEOFF_REPORT_H
#define TRADEOFF_REPORT_H

#include <stdio.h>

#include "answers.h"
#include "cost.h"
#include "disagree.h"
#include "err.h"
#include "eval.h"
#include "model.h"
#include "pricing.h"

/* One entry of a session's change history (see store.h for the
 * fields), as the exporters show it. */
struct report_change {
	long long time;
	const char *user, *field;
	const char *old, *new;		/* NULL: unset */
	int undo;			/* an undo taking an earlier one back */
};

/* What a saved session adds to a report: its name and times, the model
 * it was saved with, and its history, collected beforehand so that the
 * writers stay pure functions of the report. */
struct report_session {
	const char *name;
	long long created, updated;	/* seconds since 1970, UTC */
	const char *model_id, *model_version;
	int nchanges;
	const struct report_change *changes;	/* oldest first */
};

struct report {
	const struct model *model;
	const struct answers *answers;
	const struct eval_result *result;
	/* The cost section, shown when both are set: the price list and
	 * the cost model's result for the answers' workload. */
	const struct pricing *pricing;
	const struct cost_result *cost;
	/* Seconds since 1970 at which the report is made, for flagging a
	 * stale price list (the caller reads the clock, not the writers). */
	long long now;
	/* The saved session the answers come from; NULL for an answers
	 * file (no dates, no history). */
	const struct report_session *session;
	/* The disagreements among the participants' votes, or NULL. */
	const struct disagree *disagree;
	/* A decision record's status (NULL: "proposed") and the record it
	 * supersedes: its number ("0003") and file name, or NULL. */
	const char *adr_status;
	const char *adr_supersedes, *adr_supersedes_file;
	/* The summary's cost chart as a relative URL to show as an image
	 * (export_files sets it), or NULL. */
	const char *chart_href;
	/* A decision record without front matter: its status under the
	 * title, its evidence in an HTML comment at the end (issue 17). */
	int adr_plain;
};

/* The report scripts read (`eval --format yaml`; README.md lists the
 * keys). */
int report_yaml(FILE *out, const struct report *r, struct err *e);

/* A plain-text summary for a terminal. */
int report_text(FILE *out, const struct report *r, struct err *e);

/* Who took part, for a session with no participants listed: the
 * people of its history and its voters, first seen first, each as
 * listed for their identity when the session says so (at most MAX into
 * OUT; the strings belong to R).  How many. */
int report_took_part(const struct report *r, const char **out, int max);

/* The break-even status as the YAML report writes it:
 * "crossing", "functions_cheaper" or "functions_dearer". */
const char *report_break_even_id(const struct cost_result *c);

#endif
