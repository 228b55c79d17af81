/* milestone.h - milestones of the open session, and NAME@LABEL.
 *
 * A milestone is a named, immutable snapshot of a session (DESIGN.md
 * section 12): the answers file of its moment (answers, notes, weights,
 * figures, context, participants, votes, identities, reveals, as
 * export_yaml writes it), with the model's id and version and the price
 * list's version and dates.  The store keeps them (store_milestone_*);
 * this module takes them from an open session and finds them by name. */
#ifndef TRADEOFF_MILESTONE_H
#define TRADEOFF_MILESTONE_H

#include <stddef.h>

#include "answers.h"
#include "err.h"
#include "model.h"
#include "pricing.h"
#include "session.h"
#include "store.h"

/* The price list P in one line: its format version, title and each
 * provider's date ("version 1 (Public on-demand list prices): aws
 * 2026-11-28, gcp 2026-11-28, azure 2026-11-28"); "none" without one. */
const char *milestone_pricing_line(const struct pricing *p, char *buf,
    size_t size);

/* The answers of S as an answers file (export_yaml), malloc'd into
 * *TEXT (length *LEN, may be NULL).  0, or -1 with a message. */
int milestone_text(const struct answers *a, char **text, size_t *len,
    struct err *e);

/* Save what the open session S holds now (read again from the store
 * first) as its milestone LABEL.  0, or -1 with a message (a label
 * taken, a bad label, a read-only store). */
int milestone_save(struct session *s, const char *label, struct err *e);

/* SPEC as a session or a milestone: session SPEC when there is one by
 * that name and SPEC has no '@' naming a milestone; NAME@LABEL (split at
 * the last '@') when session NAME has milestone LABEL, which wins.
 * *INFO gets the session, LABEL the milestone's label ("" for the
 * session itself).  1 found, 0 neither, -1 error. */
int milestone_resolve(struct store *st, const char *spec,
    struct store_session *info, char *label, size_t lsize, struct err *e);

/* The answers of milestone LABEL of session SID read against model M
 * (messages name it NAME@LABEL); *OUT (may be NULL) gets the
 * milestone, its answers pointer cleared.  NULL with a message. */
struct answers *milestone_answers(struct store *st, long long sid,
    const char *name, const char *label, const struct model *m,
    struct store_milestone *out, struct err *e);

#endif
