/* ui.h - the interactive explorer: state, windows, views.
 *
 * One loop (ui.c) reads a key, asks the current view what it means, lets
 * the session layer save and re-evaluate when something changed, and
 * redraws the windows that need it with one doupdate.  Views are tables
 * of functions (view_*.c); they turn the evaluator's result into cells
 * and keys into requests, and hold no domain logic. */
#ifndef TRADEOFF_UI_H
#define TRADEOFF_UI_H

#include <curses.h>
#include <signal.h>
#include <wchar.h>

#include "answers.h"
#include "cost.h"
#include "eval.h"
#include "keys.h"
#include "model.h"
#include "theme.h"

/* What a key handler asks of the loop. */
enum {
	UI_NONE = 0,
	UI_DRAW = 1 << 0,	/* redraw the body (the current view) */
	UI_CHANGED = 1 << 1,	/* the session changed: re-evaluate, redraw
				 * everything that shows results */
	UI_ALL = 1 << 2,	/* redraw every window */
	UI_QUIT = 1 << 3,
	UI_LAYOUT = 1 << 4	/* the layout changed (view, wide pane) */
};

/* The smallest terminal the explorer draws in. */
#define UI_MIN_COLS 60
#define UI_MIN_ROWS 20
/* From this width, a comparison table sits beside the questionnaire. */
#define UI_WIDE_COLS 120

/* A one-line text field at the bottom of the screen. */
enum edit_purpose {
	EDIT_NONE, EDIT_NOTE, EDIT_NEW_SESSION, EDIT_RENAME, EDIT_COPY,
	EDIT_CONFIRM_DELETE, EDIT_COST, EDIT_EXPORT_FORMAT, EDIT_EXPORT_PATH,
	EDIT_CONFIRM_OVERWRITE
};

#define EDIT_MAX 4096

struct editor {
	enum edit_purpose purpose;
	char prompt[128];
	wchar_t buf[EDIT_MAX];
	int len, pos, scroll;
	int arg;		/* what is being edited (question, figure) */
};

struct ui;

struct view_ops {
	enum view_id id;
	/* Draw the body (W, of the given size). */
	void (*draw)(struct ui *ui, WINDOW *w, int rows, int cols);
	/* Handle ACTION (DIGIT for ACT_DIGIT); returns UI_* flags. */
	int (*key)(struct ui *ui, enum action action, int digit);
	/* Called when the view is opened. */
	void (*open)(struct ui *ui);
};

struct ui {
	const struct model *model;
	struct answers *answers;	/* the open session */
	struct eval_result *result;	/* of those answers */
	struct eval_result *scratch;	/* for evaluating other sessions */
	const struct pricing *pricing;	/* the price list, or NULL */
	struct cost_result cost;	/* of the session's workload */
	int cost_ok;			/* cost_run accepted the workload */
	int cost_cheapest;		/* option with the lowest monthly cost */
	char cost_error[ERR_MAX];	/* why not, when !cost_ok */
	long long now;			/* for flagging stale prices */
	struct session *session;	/* saving and undo (session.c) */

	/* The terminal. */
	SCREEN *screen;
	struct theme theme;		/* chosen by ui_check */
	int ncolours, ascii;
	int utf8, colour;
	attr_t style[ROLE_COUNT];
	int rows, cols, too_small;
	WINDOW *w_title, *w_context, *w_body, *w_side, *w_scores, *w_hint;
	int body_rows, body_cols, side_cols;

	/* Where the facilitator is. */
	const struct view_ops *view;
	int question;		/* the current question */
	int cursor;		/* the answer under the cursor */
	int help_scroll;	/* in the question's help text */
	int table;		/* the table shown in the tables view */
	int scroll;		/* of the tables, rationale and help views */
	int max_scroll;
	int weight;		/* the dimension under the cursor */
	int cost_cursor;	/* the workload figure under the cursor */
	int session_cursor, session_top;

	struct editor edit;
	int export_format;		/* chosen in the export prompts */
	char export_path[EDIT_MAX];
	char status[256];
	int status_error;
	unsigned dirty;		/* UI_* redraw flags pending */
};

/* The views. */
extern const struct view_ops view_question, view_table, view_why,
    view_weights, view_sessions, view_cost, view_help;

/* The comparison table for the current question, in the side pane of a
 * wide terminal (view_table.c). */
void view_table_side(struct ui *ui, WINDOW *w, int rows, int cols);

/* The signal that ended ui_run, or 0. */
int ui_signal_received(void);

/* Switch to VIEW. */
void ui_open_view(struct ui *ui, const struct view_ops *view);

/* Show a message in the status line (ERROR styles it as an error). */
void ui_status(struct ui *ui, int error, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* Start editing a line: PROMPT, initial TEXT (UTF-8). */
void ui_edit_start(struct ui *ui, enum edit_purpose purpose, int arg,
    const char *prompt, const char *text);

/* The questions that are asked, in order: the next or previous asked
 * question from Q (DIR +1/-1), or -1. */
int ui_step_question(const struct ui *ui, int q, int dir);

/* The first question that is asked and not answered (0 when none). */
int ui_first_open(const struct ui *ui);

/* Make Q the current question (skipping to an asked one). */
void ui_go_question(struct ui *ui, int q);

/* Run the explorer until the user quits; returns an exit status. */
int ui_run(struct ui *ui);

/* Set up and restore the terminal.  ui_start returns -1 after printing a
 * one-line reason when the terminal or the theme cannot be used. */
struct ui_opts {
	int ascii;		/* --ascii */
	int no_colour;		/* --no-color */
	const char *theme;	/* --theme, or NULL */
	const char *datadir;	/* where the shipped themes are */
};

/* Whether the terminal can be used, and the theme: everything that can
 * fail, checked before anything is written (to the database or the
 * screen).  -1 after printing a one-line reason. */
int ui_check(struct ui *ui, const struct ui_opts *o);

/* Take over the terminal checked by ui_check. */
int ui_start(struct ui *ui);
void ui_end(struct ui *ui);

/* Drawing helpers (draw.c). */
int draw_text(struct ui *ui, WINDOW *w, int y, int x, int maxcols,
    enum theme_role role, const char *s);
int draw_text_len(struct ui *ui, WINDOW *w, int y, int x, int maxcols,
    enum theme_role role, const char *s, size_t len);
int draw_wrapped(struct ui *ui, WINDOW *w, int y, int x, int cols,
    int maxrows, int skip, enum theme_role role, const char *s);
void draw_fill(struct ui *ui, WINDOW *w, int y, int x, int n, enum theme_role role,
    const char *utf8_char, char ascii);
void draw_hline(struct ui *ui, WINDOW *w, int y, int x, int n);
void draw_vline(struct ui *ui, WINDOW *w, int y, int x, int n);
void draw_bar(struct ui *ui, WINDOW *w, int y, int x, int width,
    double value, enum theme_role role);
/* Printf into BUF then draw. */
void draw_fmt(struct ui *ui, WINDOW *w, int y, int x, int maxcols,
    enum theme_role role, const char *fmt, ...)
	__attribute__((format(printf, 7, 8)));

/* A scrolling page of wrapped lines (rationale, help): lines before
 * ui->scroll are counted, not drawn; pager_end sets ui->max_scroll. */
struct pager {
	struct ui *ui;
	WINDOW *w;
	int rows, cols, line;
};

void pager_start(struct pager *p, struct ui *ui, WINDOW *w, int rows,
    int cols);
/* TEXT wrapped after a LABEL (may be NULL) in LABEL_ROLE, at INDENT. */
void pager_text(struct pager *p, int indent, enum theme_role label_role,
    const char *label, enum theme_role role, const char *text);
void pager_blank(struct pager *p);
void pager_end(struct pager *p);

/* Scroll a pager view for ACT (up, down, page up, page down). */
int pager_key(struct ui *ui, enum action act);

#endif
