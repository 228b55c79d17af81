/* session.h - the open session: every change saved as it is made.
 *
 * The views never write to the answers directly; they ask this layer,
 * which saves the change (one transaction in the session store) and then
 * updates the answers the evaluator reads.  Functions return UI_* flags
 * for the loop. */
#ifndef TRADEOFF_SESSION_H
#define TRADEOFF_SESSION_H

#include "ui.h"

struct session;

/* The name of the open session. */
const char *session_name(const struct session *s);

/* Answer question Q with answer A (-1 clears it). */
int session_set_answer(struct ui *ui, int q, int a);

/* Set the weight of dimension D. */
int session_set_weight(struct ui *ui, int d, int weight);

/* Set workload figure F from TEXT (as workload_parse reads it); NULL
 * goes back to the default. */
int session_set_workload(struct ui *ui, int f, const char *text);

/* Export the open session: ask for the format and the path, then
 * write it (asking before replacing a file). */
int session_export(struct ui *ui);

/* Take back the last change of the open session. */
int session_undo(struct ui *ui);

/* A line editor finished with TEXT (UTF-8): a note, a session name, a
 * confirmation, a figure. */
int session_edit_done(struct ui *ui, enum edit_purpose purpose, int arg,
    const char *text);

#endif
