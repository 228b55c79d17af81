/* loop.c - the explorer's loop: the view table, the layout, reading
 * keys, and drawing what changed with one doupdate; see ui.h. */
#include "config.h"

#include "ui.h"
#include "frame.h"
#include "input.h"
#include "watch.h"
#include "views.h"
#include "phrase.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* Windows to redraw. */
enum {
	D_TITLE = 1 << 0, D_CONTEXT = 1 << 1, D_BODY = 1 << 2,
	D_SIDE = 1 << 3, D_SCORES = 1 << 4, D_HINT = 1 << 5,
	D_EVERY = 0x3f, D_STDSCR = 1 << 6
};


static const struct view_ops *const views[VIEW_COUNT] = {
	[VIEW_QUESTION] = &view_question,
	[VIEW_TABLE] = &view_table,
	[VIEW_WHY] = &view_why,
	[VIEW_WEIGHTS] = &view_weights,
	[VIEW_SESSIONS] = &view_sessions,
	[VIEW_COST] = &view_cost,
	[VIEW_DISAGREE] = &view_disagree,
	[VIEW_INFO] = &view_info,
	[VIEW_HELP] = &view_help,
	[VIEW_HISTORY] = &view_history,
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
	{ ACT_DISAGREE, VIEW_DISAGREE },
	{ ACT_INFO, VIEW_INFO },
	{ ACT_HISTORY, VIEW_HISTORY },
	{ ACT_BACK, VIEW_QUESTION },
};

/* The loop's own state: the views' private states, and when it last
 * looked at the database and said it is there. */
struct loop {
	struct ui *ui;
	void *priv[VIEW_COUNT];
	long long polled, beat, listed, drafted;	/* ms */
	struct input input;
	struct watch *watch;		/* NULL: look by the clock */
	int beat_q;			/* the question it said it is on */
};

/* Milliseconds on the wall clock (presence is shared across hosts). */
static long long
now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_REALTIME, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

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
	/* The side table gets what is left once the questionnaire has at
	 * least the 80 columns it has on an 80-column terminal. */
	ui->side_cols = ui->cols >= UI_WIDE_COLS &&
	    ui->view == VIEW_QUESTION ? ui->cols * 2 / 5 : 0;
	if (ui->side_cols > ui->cols - 80)
		ui->side_cols = ui->cols - 80 > 0 ? ui->cols - 80 : 0;
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
	ui_paint_windows(ui);
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
	if (what & SESSION_VOTES)
		d |= D_BODY | D_TITLE;
	return d;
}

/* Reveal the votes on every question that everyone present has voted
 * on (the first voice does not anchor the room: until then they stay
 * hidden). */
static unsigned
auto_reveal(struct ui *ui)
{
	const struct answers *a = ui->s->answers;
	unsigned what = 0;
	struct err e;
	int q, i, all, me;

	if (ui->readonly || a->nidents == 0)
		return 0;
	me = answers_find_ident(a, session_ident(ui->s));
	for (q = 0; q < ui->s->model->nquestions; q++) {
		if (a->revealed[q] || answers_votes_on(a, q, NULL) == 0)
			continue;
		all = me >= 0 && a->vote[me][q] >= 0;
		for (i = 0; all && i < ui->npeers; i++) {
			int who = answers_find_ident(a, ui->peers[i].ident);

			all = who >= 0 && a->vote[who][q] >= 0;
		}
		if (all && session_reveal(ui->s, q, &what, &e) != 0)
			break;
	}
	return what;
}

/* Act on a handler's FLAGS. */
static void
apply(struct loop *l, int flags)
{
	struct ui *ui = l->ui;

	if (flags & UI_CHANGED) {
		if (ui->what & SESSION_VOTES)
			ui->what |= auto_reveal(ui);
		ui->dirty |= dirty_for(ui->what);
		/* An answer can hide the question the room is on. */
		if (!ui->s->result->visible_q[ui->question])
			ui_go_question(ui, ui->question);
		if (ui->what & SESSION_OPENED)
			ui_go_question(ui, ui_resume_question(ui));
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

/* The question a history field is about ("answer:Q", "note:Q",
 * "vote:WHO:Q", "reveal:Q"), or -1. */
static int
field_question(const struct model *m, const char *field)
{
	const char *key = strrchr(field, ':');

	if (key == NULL || strncmp(field, "weight:", 7) == 0 ||
	    strncmp(field, "workload:", 9) == 0 ||
	    strncmp(field, "identity:", 9) == 0)
		return -1;
	return model_question_index(m, key + 1);
}

/* Say what undo (REDO: redo) did, in the model's words, and go to the
 * question it changed. */
static void
say_undone(struct ui *ui, const struct store_undo *u, int redo)
{
	char what[512], whose[160] = "";
	int q = field_question(ui->s->model, u->field);

	if (q >= 0 && u->count == 1)
		ui_go_question(ui, q);
	if (!redo && strcmp(u->user, session_ident(ui->s)) != 0)
		snprintf(whose, sizeof whose, " %s's change", u->user);
	if (u->count > 1)
		ui_status(ui, 0, "%s%s: %d changes (an import).", redo ?
		    "Redone" : "Undone", whose, u->count);
	else
		ui_status(ui, 0, "%s%s: %s.", redo ? "Redone" : "Undone", whose,
		    phrase_change(ui->s->model, u->field, u->unset ? NULL :
		    u->value, what, sizeof what));
}

/* Take back the last change of BY (NULL: our own); FORCE past someone
 * else's change since. */
static int undo_by(struct ui *ui, const char *by, int force);

static int
undo_anyway(struct ui *ui, void *data, const char *text)
{
	(void)data;
	if (strcmp(text, "yes") != 0) {
		ui_status(ui, 0, "Not undone.");
		return UI_DRAW;
	}
	return undo_by(ui, ui->undo_who[0] != '\0' ? ui->undo_who : NULL, 1);
}

static int
undo_by(struct ui *ui, const char *by, int force)
{
	struct store_undo u;
	char prompt[512], what[256];
	struct err e;
	unsigned changed = 0;
	int rc = session_undo(ui->s, by, force, &u, &changed, &e);

	snprintf(ui->undo_who, sizeof ui->undo_who, "%s", by != NULL ? by :
	    "");
	if (rc < 0)
		return ui_changed(ui, rc, 0, &e);
	if (rc == 0) {
		ui_status(ui, 0, by != NULL ? "%s has nothing to undo." :
		    "Nothing of yours to undo.", by);
		return UI_NONE;
	}
	if (rc == 2) {
		/* Someone changed it since: ask instead of overwriting. */
		snprintf(prompt, sizeof prompt, "%s changed %s since. Undo "
		    "anyway? Type yes:", u.other, phrase_field(ui->s->model,
		    u.field, what, sizeof what));
		edit_start(ui, prompt, "", 0, undo_anyway, NULL);
		return UI_NONE;
	}
	say_undone(ui, &u, 0);
	return ui_changed(ui, 0, changed | SESSION_RESULT, &e);
}

static int
redo(struct ui *ui)
{
	struct store_undo u;
	struct err e;
	unsigned changed = 0;
	int rc = session_redo(ui->s, &u, &changed, &e);

	if (rc < 0)
		return ui_changed(ui, rc, 0, &e);
	if (rc == 0) {
		ui_status(ui, 0, "Nothing of yours to redo.");
		return UI_NONE;
	}
	say_undone(ui, &u, 1);
	return ui_changed(ui, 0, changed | SESSION_RESULT, &e);
}

static int
whose_typed(struct ui *ui, void *data, const char *text)
{
	(void)data;
	if (text[0] == '\0')
		return UI_DRAW;
	return undo_by(ui, text, 0);
}

/* Taking back someone else's change names whose. */
static int
undo_other(struct ui *ui)
{
	char last[128];
	struct err e;

	if (store_last_other(ui->s->store, ui->s->info.id, last, sizeof last,
	    &e) != 0)
		return ui_changed(ui, -1, 0, &e);
	if (last[0] == '\0') {
		ui_status(ui, 0, "Nobody else has a change to undo.");
		return UI_NONE;
	}
	edit_start(ui, "Take back the last change of:", last, 0, whose_typed,
	    NULL);
	return UI_NONE;
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
		return undo_by(ui, NULL, 0);
	case ACT_REDO:
		return redo(ui);
	case ACT_UNDO_OTHER:
		return undo_other(ui);
	case ACT_EXPORT:
		return prompt_export(ui);
	case ACT_MILESTONE:
		return prompt_milestone(ui);
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

/* Who else is here, when that changed. */
static int
look_around(struct loop *l, long long now)
{
	struct ui *ui = l->ui;
	const char *qid = ui->s->model->questions[ui->question].id;
	struct err e;
	int n;

	if (ui->presence == NULL)
		return 0;
	if (now - l->beat >= PRESENCE_BEAT_MS || ui->question != l->beat_q) {
		presence_beat(ui->presence, ui->s->info.id, qid, now, &e);
		l->beat = now;
		l->beat_q = ui->question;
	}
	/* A peer that stopped beating is gone though nobody wrote. */
	if (!presence_changed(ui->presence) && now - l->listed < 1000)
		return 0;
	l->listed = now;
	n = presence_list(ui->presence, ui->s->info.id, now, ui->peers,
	    PRESENCE_MAX, &e);
	if (n < 0)
		return 0;
	ui->npeers = n;
	return 1;
}

/* Show what others changed meanwhile: the database (every tick, or
 * FORCE: now) and who is here. */
static void
poll_session(struct loop *l, int force)
{
	struct ui *ui = l->ui;
	long long now = now_ms();
	unsigned what = 0;
	struct err e;

	if (now - l->polled < ui->tick_ms && !force)
		return;
	if (look_around(l, now))
		ui->dirty |= D_TITLE;
	l->polled = now;
	if (session_refresh(ui->s, &what, &e) != 0) {
		ui_status(ui, 1, "%s", e.msg);
		ui->dirty |= D_HINT;
		return;
	}
	what |= auto_reveal(ui);
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
	/* A step (a weight, a figure) applies to what the database holds
	 * now, whoever changed it last. */
	poll_session(l, 1);
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

	watch_close(l->watch);
	for (v = 0; v < VIEW_COUNT; v++) {
		if (l->priv[v] != NULL && views[v]->free != NULL)
			views[v]->free(l->priv[v]);
		free(l->priv[v]);
	}
}

/* What is being typed is kept as a draft at most once a second (the
 * loop wakes at least that often), so a kill loses a second or two. */
static void
keep_draft(struct loop *l)
{
	long long now = now_ms();

	if (now - l->drafted < 1000)
		return;
	l->drafted = now;
	edit_keep_draft(l->ui);
}

/* How long to sleep for a key: woken by writes, the loop looks by the
 * clock only once a second (for presence, and as a net); else every
 * tick. */
static int
wait_ms(const struct loop *l)
{
	return l->watch != NULL && l->ui->tick_ms < 1000 ? 1000 :
	    l->ui->tick_ms;
}

/* Give back a note or a workload figure this participant was typing
 * when the program was killed: the editor opens on it, as it was. */
static void
offer_draft(struct loop *l)
{
	struct ui *ui = l->ui;
	char field[80];
	char *text;
	int q = -1, f = -1;

	if (ui->readonly || !presence_draft_left(ui->presence, ui->s->info.id,
	    field, sizeof field, &text))
		return;
	if (strncmp(field, "note:", 5) == 0)
		q = model_question_index(ui->s->model, field + 5);
	else if (strncmp(field, "workload:", 9) == 0)
		f = workload_field(field + 9);
	if (f >= 0) {
		open_view(l, VIEW_COST);
		view_cost_draft(ui, l->priv[VIEW_COST], f, text);
		free(text);
		return;
	}
	if (q < 0 || !ui->s->result->visible_q[q]) {
		presence_draft(ui->presence, ui->s->info.id, field, NULL);
		free(text);
		return;
	}
	ui_go_question(ui, q);
	views[VIEW_QUESTION]->key(ui, l->priv[VIEW_QUESTION], ACT_NOTE, 0);
	if (edit_active(ui)) {
		edit_replace(ui, text);
		snprintf(ui->edit.prompt, sizeof ui->edit.prompt,
		    "Unsaved note, as you left it:");
	}
	free(text);
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
	l.beat_q = -1;
	/* Writes on a network file system raise no event here: there the
	 * clock it is (tick_ms is a second there). */
	if (store_journal_mode(ui->s->store) == STORE_JOURNAL_WAL)
		l.watch = watch_open(store_path(ui->s->store));
	/* Resume where this participant left it, else where the
	 * questionnaire is still open. */
	ui_go_question(ui, ui_resume_question(ui));
	offer_draft(&l);
	layout(ui);
	while (!ui_signal()) {
		draw(&l);
		rc = input_get(&l.input, stdscr, wait_ms(&l), l.watch != NULL ?
		    watch_fd(l.watch) : -1, &ch);
		if (rc != ERR && handle_key(&l, rc, ch))
			break;
		poll_session(&l, l.input.woke && watch_drain(l.watch));
		keep_draft(&l);
	}
	/* A note being typed when the program was told to stop is kept. */
	edit_stop(ui);
	loop_free(&l);
	return ui_signal();
}
