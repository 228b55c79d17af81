/* views.h - the explorer's views, each a table of functions (view_*.c);
 * only the loop (loop.c) knows them all. */
#ifndef TRADEOFF_VIEWS_H
#define TRADEOFF_VIEWS_H

#include "ui.h"

extern const struct view_ops view_question, view_table, view_why,
    view_weights, view_sessions, view_cost, view_disagree, view_info,
    view_help, view_history;

/* The comparison table for the current question, in the side pane of a
 * wide terminal (view_table.c). */
void view_table_side(struct ui *ui, WINDOW *w, int rows, int cols);

/* Open the editor on workload figure F with TEXT, a draft left by a
 * kill (view_cost.c; ST is the cost view's state). */
void view_cost_draft(struct ui *ui, void *st, int f, const char *text);

/* Start exporting the open session: the format, then the path
 * (prompt_export.c). */
int prompt_export(struct ui *ui);

/* Save the open session as a milestone: the label (view_history.c). */
int prompt_milestone(struct ui *ui);

#endif
