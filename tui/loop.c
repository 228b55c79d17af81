/* loop.c - the explorer's loop: the view table, the layout, reading
 * keys, and drawing what changed with one doupdate; see ui.h. */
#include "config.h"

#include "ui.h"
#include "frame.h"
#include "views.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Windows to redraw. */
enum {
	D_TITLE = 1 << 0, D_CONTEXT = 1 << 1, D_BODY = 1 << 2,
	D_SIDE = 1 << 3, D_SCORES = 1 << 4, D_HINT = 1 << 5,
	D_EVERY = 0x3f, D_STDSCR = 1 << 6
};

/* How often the loop looks for changes made elsewhere, in ms. */
#define LOOP_TICK_MS 500

static const struct view_ops *const views[VIEW_COUNT] = {
	[VIEW_QUESTION] = &view_question,
	[VIEW_TABLE] = &view_table,
	[VIEW_WHY] = &view_why,
	[VIEW_WEIGHTS] = &view_weights,
	[VIEW_SESSIONS] = &view_sessions,
	[VIEW_COST] = &view_cost,
	[VIEW_HELP] = &view_help,
};

/* The view each of the switching keys opens. */
static const struct {
	enum action act;
	enum view_id view;
} view_keys[] = {
	{ ACT_HELP, VIEW_HELP },
	{ ACT_TABLES, VIEW_TABLE },
	{ ACT_WHY, VIEW_WHY },
	{ ACT_WEIGHTS, VIEW_WEIGHTS },
	{ ACT_SESSIONS, VIEW_SESSIONS },
	{ ACT_COST, VIEW_COST },
	{ ACT_BACK, VIEW_QUESTION },
};

/* The loop's own state: the views' private states. */
struct loop {
	struct ui *ui;
	void *priv[VIEW_COUNT];
};

static void
leave_cursor(struct ui *ui)
{
	WINDOW *ws[] = { ui->w_title, ui->w_context, ui->w_body, ui->w_side,
	    ui->w_scores, ui->w_hint };
	size_t i;

	for (i = 0; i < sizeof ws / sizeof ws[0]; i++)
		if (ws[i] != NULL)
			leaveok(ws[i], TRUE);
}

/* Build the windows for the terminal's size and the current view. */
static void
layout(struct ui *ui)
{
	int score_rows = ui->s->model->noptions + 2;

	ui_windows_free(ui);
	ui->dirty = D_EVERY | D_STDSCR;
	getmaxyx(stdscr, ui->rows, ui->cols);
	ui->too_small = ui->rows < UI_MIN_ROWS || ui->cols < UI_MIN_COLS;
	if (ui->too_small) {
		ui->w_body = newwin(ui->rows, ui->cols, 0, 0);
		leave_cursor(ui);
		return;
	}
	ui->side_cols = ui->cols >= UI_WIDE_COLS &&
	    ui->view == VIEW_QUESTION ? ui->cols * 2 / 5 : 0;
	ui->body_rows = ui->rows - 3 - score_rows;
	ui->body_cols = ui->cols - ui->side_cols;
	ui->w_title = newwin(1, ui->cols, 0, 0);
	ui->w_context = newwin(1, ui->cols, 1, 0);
	ui->w_body = newwin(ui->body_rows, ui->body_cols, 2, 0);
	if (ui->side_cols > 0)
		ui->w_side = newwin(ui->body_rows, ui->side_cols, 2,
		    ui->body_cols);
	ui->w_scores = newwin(score_rows, ui->cols, 2 + ui->body_rows, 0);
	ui->w_hint = newwin(1, ui->cols, ui->rows - 1, 0);
	/* The cursor is hidden: no update needs to move it back. */
	leave_cursor(ui);
}

/* Switch to VIEW (the key of the open view goes back to the
 * questionnaire). */
static void
open_view(struct loop *l, enum view_id view)
{
	struct ui *ui = l->ui;
	int relayout;

	if (view == ui->view && view != VIEW_QUESTION)
		view = VIEW_QUESTION;
	relayout = (ui->view == VIEW_QUESTION) != (view == VIEW_QUESTION);
	ui->view = view;
	if (views[view]->open != NULL)
		views[view]->open(ui, l->priv[view]);
	if (relayout && !ui->too_small && ui->cols >= UI_WIDE_COLS)
		layout(ui);
	ui->dirty |= D_EVERY | (relayout ? D_STDSCR : 0);
}

/* Draw the current view's body. */
static void
draw_body(struct loop *l)
{
	struct ui *ui = l->ui;

	werase(ui->w_body);
	views[ui->view]->draw(ui, l->priv[ui->view], ui->w_body,
	    ui->body_rows, ui->body_cols);
	wnoutrefresh(ui->w_body);
}

/* Redraw window W with FN when BIT is dirty. */
static void
redraw(struct ui *ui, unsigned bit, WINDOW *w, void (*fn)(struct ui *))
{
	if (!(ui->dirty & bit) || w == NULL)
		return;
	werase(w);
	fn(ui);
	wnoutrefresh(w);
}

static void
draw_side(struct ui *ui)
{
	view_table_side(ui, ui->w_side, ui->body_rows, ui->side_cols);
}

/* Redraw the windows marked dirty, then one doupdate. */
static void
draw(struct loop *l)
{
	struct ui *ui = l->ui;

	if (ui->dirty == 0)
		return;
	if (ui->dirty & D_STDSCR) {
		/* Blank what no window covers, and mark stdscr clean so
		 * reading a key does not paint it over the windows. */
		werase(stdscr);
		wnoutrefresh(stdscr);
	}
	if (ui->too_small)
		frame_too_small(ui);
	else {
		redraw(ui, D_TITLE, ui->w_title, frame_title);
		redraw(ui, D_CONTEXT, ui->w_context, frame_context);
		if (ui->dirty & D_BODY)
			draw_body(l);
		redraw(ui, D_SIDE, ui->w_side, draw_side);
		redraw(ui, D_SCORES, ui->w_scores, frame_scores);
		redraw(ui, D_HINT, ui->w_hint, frame_hint);
	}
	doupdate();
	ui->dirty = 0;
}

/* Windows that show what changed in the session. */
static unsigned
dirty_for(unsigned what)
{
	unsigned d = 0;

	if (what & (SESSION_ANSWERS | SESSION_RESULT | SESSION_OPENED |
	    SESSION_WEIGHTS | SESSION_WORKLOAD))
		d |= D_EVERY;
	if (what & (SESSION_NOTES | SESSION_CONTEXT | SESSION_PARTICIPANTS |
	    SESSION_LIST))
		d |= D_BODY | D_SIDE;
	if (what & SESSION_NAME)
		d |= D_TITLE | D_BODY;
	return d;
}

/* Act on a handler's FLAGS. */
static void
apply(struct loop *l, int flags)
{
	struct ui *ui = l->ui;

	if (flags & UI_CHANGED) {
		ui->dirty |= dirty_for(ui->what);
		/* An answer can hide the question the room is on. */
		if (!ui->s->result->visible_q[ui->question])
			ui_go_question(ui, ui->question);
		if (ui->what & SESSION_OPENED)
			ui_go_question(ui, ui_first_open(ui));
		ui->what = 0;
	}
	if (flags & UI_ALL)
		ui->dirty |= D_EVERY | D_STDSCR;
	if (flags & UI_DRAW)
		ui->dirty |= D_BODY | D_SIDE | D_CONTEXT;
	if (ui->next_view != 0) {
		open_view(l, (enum view_id)(ui->next_view - 1));
		ui->next_view = 0;
	}
	/* A message, the text field or the hints: cheap to redraw, as
	 * curses sends only what differs. */
	ui->dirty |= D_HINT;
}

/* Take back the last change, and say what it was. */
static int
undo(struct ui *ui)
{
	struct store_undo u;
	struct err e;
	unsigned what = 0;
	int rc = session_undo(ui->s, &u, &what, &e);

	if (rc < 0)
		return ui_changed(ui, rc, 0, &e);
	if (rc == 0) {
		ui_status(ui, 0, "Nothing to undo.");
		return UI_NONE;
	}
	if (u.count > 1)
		ui_status(ui, 0, "Undone: %d changes (an import).", u.count);
	else
		ui_status(ui, 0, "Undone: %s is %s%s%s.", u.field,
		    u.unset ? "" : "now '", u.unset ? "unset" : u.value,
		    u.unset ? "" : "'");
	return ui_changed(ui, 0, what | SESSION_RESULT, &e);
}

/* Keys every view shares: switching views, undo, export, quit. */
static int
global_key(struct loop *l, enum action act)
{
	struct ui *ui = l->ui;
	size_t i;

	switch (act) {
	case ACT_QUIT:
		return UI_QUIT;
	case ACT_REDRAW:
		clearok(curscr, TRUE);
		return UI_ALL;
	case ACT_UNDO:
		return undo(ui);
	case ACT_EXPORT:
		return prompt_export(ui);
	default:
		break;
	}
	for (i = 0; i < sizeof view_keys / sizeof view_keys[0]; i++)
		if (view_keys[i].act == act) {
			ui_request_view(ui, view_keys[i].view);
			return UI_NONE;
		}
	return -1;
}

/* Show what others changed in the database meanwhile. */
static void
poll_session(struct loop *l)
{
	struct ui *ui = l->ui;
	unsigned what = 0;
	struct err e;

	if (session_refresh(ui->s, &what, &e) != 0) {
		ui_status(ui, 1, "%s", e.msg);
		ui->dirty |= D_HINT;
		return;
	}
	if (what != 0)
		apply(l, ui_changed(ui, 0, what, &e));
}

/* One key from wget_wch (RC, CH); 1 when it asks to quit. */
static int
handle_key(struct loop *l, int rc, wint_t ch)
{
	struct ui *ui = l->ui;
	int key = (int)ch, digit = 0, flags;
	enum action act;

	if (rc == KEY_CODE_YES && key == KEY_RESIZE) {
		layout(ui);
		return 0;
	}
	if (ui->too_small)
		return key == 'q';
	ui->status[0] = '\0';
	if (edit_active(ui)) {
		apply(l, edit_key(ui, rc, ch));
		return 0;
	}
	if (rc != KEY_CODE_YES && key > 127)
		return 0;	/* no action is bound to these */
	act = keys_lookup(ui->view, key, &digit);
	if (act == ACT_NONE)
		return 0;
	flags = global_key(l, act);
	if (flags < 0)
		flags = views[ui->view]->key(ui, l->priv[ui->view], act, digit);
	if (flags & UI_QUIT)
		return 1;
	apply(l, flags);
	return 0;
}

static int
loop_init(struct loop *l, struct ui *ui)
{
	int v;

	memset(l, 0, sizeof *l);
	l->ui = ui;
	for (v = 0; v < VIEW_COUNT; v++)
		if ((l->priv[v] = calloc(1, views[v]->private_size ?
		    views[v]->private_size : 1)) == NULL)
			return -1;
	return 0;
}

static void
loop_free(struct loop *l)
{
	int v;

	for (v = 0; v < VIEW_COUNT; v++) {
		if (l->priv[v] != NULL && views[v]->free != NULL)
			views[v]->free(l->priv[v]);
		free(l->priv[v]);
	}
}

int
ui_run(struct ui *ui)
{
	struct loop l;
	int rc;
	wint_t ch;

	if (loop_init(&l, ui) != 0) {
		loop_free(&l);
		return -1;
	}
	ui->view = VIEW_QUESTION;
	/* Resume where the questionnaire is still open. */
	ui_go_question(ui, ui_first_open(ui));
	layout(ui);
	wtimeout(stdscr, LOOP_TICK_MS);
	while (!ui_signal()) {
		draw(&l);
		rc = wget_wch(stdscr, &ch);
		if (rc == ERR) {
			poll_session(&l);	/* a timeout or a signal */
			continue;
		}
		if (handle_key(&l, rc, ch))
			break;
	}
	/* A note being typed when the program was told to stop is kept. */
	edit_stop(ui);
	loop_free(&l);
	return ui_signal();
}
