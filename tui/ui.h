/* ui.h - the interactive explorer: what the whole screen shares, the
 * view table's shape, and the library every view draws and acts with.
 *
 * One loop (loop.c) reads a key, asks the current view what it means,
 * and redraws the windows that need it with one doupdate.  Views are
 * tables of functions (view_*.c) with private state the loop hands
 * back; they turn the open session's results (core/session.h) into
 * cells and keys into requests to it, and hold no domain logic.  The
 * files depend on each other one way: loop.c -> views -> ui.c, edit.c,
 * draw.c -> text.c, keys.c. */
#ifndef TRADEOFF_UI_H
#define TRADEOFF_UI_H

#include <curses.h>
#include <stddef.h>

#include "edit.h"
#include "keys.h"
#include "presence.h"
#include "session.h"
#include "theme.h"

/* What a key handler asks of the loop. */
enum {
	UI_NONE = 0,
	UI_DRAW = 1 << 0,	/* redraw the body (the current view) */
	UI_CHANGED = 1 << 1,	/* the session changed (ui->what says how):
				 * redraw what shows it */
	UI_ALL = 1 << 2,	/* redraw every window */
	UI_QUIT = 1 << 3
};

/* The smallest terminal the explorer draws in. */
#define UI_MIN_COLS 60
#define UI_MIN_ROWS 20
/* From this width, a comparison table sits beside the questionnaire. */
#define UI_WIDE_COLS 120

struct ui;

/* A view: its functions, and how big its private state is.  The loop
 * allocates that state (zeroed) once and passes it to every call. */
struct view_ops {
	enum view_id id;
	size_t private_size;
	/* Draw the body (W, of the given size). */
	void (*draw)(struct ui *ui, void *st, WINDOW *w, int rows, int cols);
	/* Handle ACTION (DIGIT for ACT_DIGIT); returns UI_* flags. */
	int (*key)(struct ui *ui, void *st, enum action action, int digit);
	/* Called when the view is opened (may be NULL). */
	void (*open)(struct ui *ui, void *st);
	/* Release what the private state holds (may be NULL). */
	void (*free)(void *st);
};

struct ui {
	struct session *s;		/* the open session (core) */

	/* The terminal. */
	SCREEN *screen;
	struct theme theme;		/* chosen by ui_check */
	int ncolours, ascii;
	int utf8, colour;
	attr_t style[ROLE_COUNT];
	chtype paint;			/* normal's colour pair: every blank */
	int rows, cols, too_small;
	WINDOW *w_title, *w_context, *w_body, *w_side, *w_scores, *w_hint;
	int body_rows, body_cols, side_cols;

	/* The others on the session, and how often to look. */
	struct presence *presence;	/* NULL: presence not kept */
	struct presence_peer peers[PRESENCE_MAX];
	int npeers;
	int tick_ms;			/* between looks at the database */
	int readonly;			/* --read-only: watching */
	int advance;			/* answering moves on (--no-advance) */

	/* Where the room is. */
	enum view_id view;
	int next_view;			/* a view asked for: id + 1, or 0 */
	int question;			/* the current question */

	struct editor edit;		/* the bottom line's text field */
	char undo_who[128];		/* whose change an undo prompt is about */
	int export_format;		/* chosen in the export prompts */
	char export_path[EDIT_MAX];
	long long export_sid;		/* the session export_last is of */
	char export_last[3][1024];	/* its last path, per format */
	char status[256];
	int status_error;
	unsigned what;			/* SESSION_* changes not yet drawn */
	unsigned dirty;			/* windows to redraw (loop.c) */
};

/* Show a message in the status line (ERROR styles it as an error). */
void ui_status(struct ui *ui, int error, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* The outcome of a session verb, as UI_* flags: RC -1 shows "Not saved"
 * and E's message; otherwise WHAT is noted for the loop to redraw. */
int ui_changed(struct ui *ui, int rc, unsigned what, const struct err *e);

/* Ask the loop to switch to VIEW once the handler returns. */
void ui_request_view(struct ui *ui, enum view_id view);

/* The questions that are asked, in order: the next or previous asked
 * question from Q (DIR +1/-1), or -1. */
int ui_step_question(const struct ui *ui, int q, int dir);

/* The first question that is asked and not answered (0 when none). */
int ui_first_open(const struct ui *ui);

/* Where this participant left the session (else the first open
 * question). */
int ui_resume_question(const struct ui *ui);

/* The next asked, unanswered question after Q (wrapping round), or -1
 * when every asked question is answered. */
int ui_next_open(const struct ui *ui, int q);

/* Make Q the current question (skipping to an asked one). */
void ui_go_question(struct ui *ui, int q);

/* The terminal (term.c).  ui_check: whether the terminal can be used,
 * and the theme: everything that can fail, checked before anything is
 * written (to the database or the screen); -1 with the reason in E. */
struct ui_opts {
	int ascii;		/* --ascii */
	int no_colour;		/* --no-color */
	const char *theme;	/* --theme, or NULL */
	const char *datadir;	/* where the shipped themes are */
};

int ui_check(struct ui *ui, const struct ui_opts *o, struct err *e);

/* Take over the terminal checked by ui_check; -1 with E.  ui_end gives
 * it back (safe to call twice). */
int ui_start(struct ui *ui, struct err *e);
void ui_end(struct ui *ui);

/* Give the windows the theme's background (after a new layout), so
 * a theme that gives `normal` a background paints every cell. */
void ui_paint_windows(struct ui *ui);

/* Delete the windows (before a new layout, and at the end). */
void ui_windows_free(struct ui *ui);

/* The signal (SIGINT, SIGTERM, SIGHUP, SIGQUIT) caught since ui_start,
 * or 0. */
int ui_signal(void);

/* Run the explorer until the user quits or a signal arrives; returns
 * that signal's number, 0 when the user quit, -1 when out of memory
 * (loop.c). */
int ui_run(struct ui *ui);

/* Drawing helpers (draw.c). */
int draw_text(struct ui *ui, WINDOW *w, int y, int x, int maxcols,
    enum theme_role role, const char *s);
int draw_text_len(struct ui *ui, WINDOW *w, int y, int x, int maxcols,
    enum theme_role role, const char *s, size_t len);
int draw_wrapped(struct ui *ui, WINDOW *w, int y, int x, int cols,
    int maxrows, int skip, enum theme_role role, const char *s);
/* CC: the character WC (a wide string of one) in ROLE's colours and
 * attributes, for mvwadd_wch; every cell drawn goes through this. */
void draw_cchar(const struct ui *ui, cchar_t *cc, const wchar_t *wc,
    enum theme_role role);
void draw_fill(struct ui *ui, WINDOW *w, int y, int x, int n,
    enum theme_role role, const char *utf8_char, char ascii);
void draw_hline(struct ui *ui, WINDOW *w, int y, int x, int n);
void draw_vline(struct ui *ui, WINDOW *w, int y, int x, int n);
void draw_bar(struct ui *ui, WINDOW *w, int y, int x, int width,
    double value, enum theme_role role);
/* Printf into a buffer then draw. */
void draw_fmt(struct ui *ui, WINDOW *w, int y, int x, int maxcols,
    enum theme_role role, const char *fmt, ...)
	__attribute__((format(printf, 7, 8)));

/* Where a scrolling page (rationale, help) is: kept in the view's
 * private state. */
struct scroll {
	int top, max;
};

/* A scrolling page of wrapped lines: lines before SC->top are counted,
 * not drawn; pager_end sets SC->max. */
struct pager {
	struct ui *ui;
	struct scroll *sc;
	WINDOW *w;
	int rows, cols, line;
};

void pager_start(struct pager *p, struct ui *ui, struct scroll *sc,
    WINDOW *w, int rows, int cols);
/* TEXT wrapped after a LABEL (may be NULL) in LABEL_ROLE, at INDENT. */
void pager_text(struct pager *p, int indent, enum theme_role label_role,
    const char *label, enum theme_role role, const char *text);
void pager_blank(struct pager *p);
void pager_end(struct pager *p);

/* Scroll SC for ACT (up, down, page up, page down) by pages of PAGE. */
int scroll_key(struct scroll *sc, enum action act, int page);

#endif
