/* ui.c - the explorer's terminal, layout and loop; see ui.h. */
#include "config.h"

#include "ui.h"
#include "session.h"
#include "text.h"

#include <errno.h>
#include <langinfo.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <term.h>
#include <unistd.h>

/* Windows to redraw. */
enum {
	D_TITLE = 1 << 0, D_CONTEXT = 1 << 1, D_BODY = 1 << 2,
	D_SIDE = 1 << 3, D_SCORES = 1 << 4, D_HINT = 1 << 5,
	D_EVERY = 0x3f, D_STDSCR = 1 << 6
};

static volatile sig_atomic_t got_signal;

static void
on_signal(int sig)
{
	got_signal = sig;
}

/* Quit on SIGINT, SIGTERM and SIGHUP (a dropped SSH connection) through
 * the loop, so the terminal is restored and a note being typed is saved.
 * Installed before newterm, so curses leaves them alone. */
static void
catch_signals(void)
{
	static const int sigs[] = { SIGINT, SIGTERM, SIGHUP, SIGQUIT };
	struct sigaction sa;
	size_t i;

	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	for (i = 0; i < sizeof sigs / sizeof sigs[0]; i++)
		sigaction(sigs[i], &sa, NULL);
}

/* Curses attributes for a theme's attribute bits. */
static attr_t
curses_attrs(unsigned attrs)
{
	attr_t a = A_NORMAL;

	if (attrs & THEME_ATTR_BOLD)
		a |= A_BOLD;
	if (attrs & THEME_ATTR_DIM)
		a |= A_DIM;
	if (attrs & THEME_ATTR_UNDERLINE)
		a |= A_UNDERLINE;
	if (attrs & THEME_ATTR_REVERSE)
		a |= A_REVERSE;
	if (attrs & THEME_ATTR_STANDOUT)
		a |= A_STANDOUT;
#ifdef A_ITALIC
	if (attrs & THEME_ATTR_ITALIC)
		a |= A_ITALIC;
#endif
	return a;
}

/* Give each role the style the theme says, as drawn with NCOLOURS
 * colours (0: attributes only).  Roles with the same colours share a
 * colour pair. */
static void
apply_theme(struct ui *ui, const struct theme *t, int ncolours,
    int default_colours)
{
	short fgs[ROLE_COUNT], bgs[ROLE_COUNT];
	int r, npairs = 0, i;

	for (r = 0; r < ROLE_COUNT; r++) {
		struct theme_style st = theme_style_for(t, (enum theme_role)r,
		    ncolours);
		short pair = 0;

		ui->style[r] = curses_attrs(st.attrs);
		if (ncolours == 0 || (st.fg < 0 && st.bg < 0))
			continue;
		/* Without use_default_colors, "default" is white on black. */
		if (!default_colours) {
			if (st.fg < 0)
				st.fg = COLOR_WHITE;
			if (st.bg < 0)
				st.bg = COLOR_BLACK;
		}
		for (i = 0; i < npairs; i++)
			if (fgs[i] == st.fg && bgs[i] == st.bg)
				pair = (short)(i + 1);
		if (pair == 0 && npairs + 1 < COLOR_PAIRS) {
			fgs[npairs] = (short)st.fg;
			bgs[npairs] = (short)st.bg;
			if (init_pair((short)(npairs + 1), (short)st.fg,
			    (short)st.bg) == OK)
				pair = (short)(++npairs);
		}
		ui->style[r] |= COLOR_PAIR(pair);
	}
}

static int
locale_is_utf8(void)
{
	const char *cs = nl_langinfo(CODESET);

	return cs != NULL && (strcmp(cs, "UTF-8") == 0 ||
	    strcmp(cs, "utf8") == 0);
}

int
ui_check(struct ui *ui, const struct ui_opts *o)
{
	const char *term = getenv("TERM"), *nc = getenv("NO_COLOR");
	struct err e;
	char *cup;
	int err = 0;

	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
		fprintf(stderr, "tradeoff: the explorer needs a terminal, and "
		    "standard %s is not one (for scripts, use 'tradeoff "
		    "eval')\n", isatty(STDIN_FILENO) ? "output" : "input");
		return -1;
	}
	if (term == NULL || term[0] == '\0') {
		fprintf(stderr, "tradeoff: TERM is not set, so the terminal "
		    "cannot be driven (try TERM=xterm)\n");
		return -1;
	}
	if (strcmp(term, "dumb") == 0) {
		fprintf(stderr, "tradeoff: TERM=dumb cannot move the cursor; "
		    "the explorer needs a full-screen terminal (try "
		    "TERM=xterm, or use 'tradeoff eval')\n");
		return -1;
	}
	if (setupterm(term, STDOUT_FILENO, &err) != OK) {
		if (err == 1)
			fprintf(stderr, "tradeoff: terminal type '%s' is a "
			    "printing terminal; the explorer needs a screen\n",
			    term);
		else if (err == 0)
			fprintf(stderr, "tradeoff: unknown terminal type '%s' "
			    "(no terminfo entry; try TERM=xterm)\n", term);
		else
			fprintf(stderr, "tradeoff: cannot find the terminfo "
			    "database for '%s'\n", term);
		return -1;
	}
	cup = tigetstr("cup");
	if (cup == NULL || cup == (char *)-1) {
		fprintf(stderr, "tradeoff: terminal type '%s' has no cursor "
		    "addressing; the explorer needs a full-screen terminal\n",
		    term);
		del_curterm(cur_term);
		return -1;
	}
	/* Colours as the terminal has them, unless turned off. */
	ui->ncolours = 0;
	if (!o->no_colour && (nc == NULL || nc[0] == '\0') &&
	    tigetnum("colors") >= 8)
		ui->ncolours = tigetnum("colors");
	del_curterm(cur_term);
	if (theme_choose(&ui->theme, o->theme, o->datadir, ui->ncolours,
	    &e) != 0) {
		fprintf(stderr, "tradeoff: %s\n", e.msg);
		return -1;
	}
	ui->ascii = o->ascii;
	return 0;
}

int
ui_start(struct ui *ui)
{
	const char *term = getenv("TERM");
	int ncolours = ui->ncolours, default_colours = 0;

	catch_signals();
#ifdef HAVE_SET_ESCDELAY
	/* Esc should answer at once; a user's ESCDELAY wins. */
	if (getenv("ESCDELAY") == NULL)
		set_escdelay(25);
#endif
	ui->screen = newterm(term, stdout, stdin);
	if (ui->screen == NULL) {
		fprintf(stderr, "tradeoff: cannot start the terminal '%s'\n",
		    term);
		return -1;
	}
	set_term(ui->screen);
	/* ncurses writes its output out after every cursor movement until
	 * the screen has once been through endwin() (_nc_mvcur flushes
	 * while _endwin is ewInitial): an arrow key was 4 writes, a frame
	 * 37, each a packet of its own over SSH.  After this endwin() the
	 * first doupdate() resumes the screen, and each update is one
	 * write; it costs 86 bytes once (the alternate screen left and
	 * entered in the same burst). */
	endwin();
	cbreak();
	noecho();
	keypad(stdscr, TRUE);
	wtimeout(stdscr, 500);
	curs_set(0);
	ui->utf8 = !ui->ascii && locale_is_utf8();
	if (ncolours > 0 && has_colors() && start_color() == OK) {
#ifdef HAVE_USE_DEFAULT_COLORS
		default_colours = use_default_colors() == OK;
#endif
		ncolours = COLORS;
	} else
		ncolours = 0;
	ui->colour = ncolours > 0;
	apply_theme(ui, &ui->theme, ncolours, default_colours);
	return 0;
}

static void
free_windows(struct ui *ui)
{
	WINDOW **ws[] = { &ui->w_title, &ui->w_context, &ui->w_body,
	    &ui->w_side, &ui->w_scores, &ui->w_hint };
	size_t i;

	for (i = 0; i < sizeof ws / sizeof ws[0]; i++)
		if (*ws[i] != NULL) {
			delwin(*ws[i]);
			*ws[i] = NULL;
		}
}

void
ui_end(struct ui *ui)
{
	if (ui->screen == NULL)
		return;
	free_windows(ui);
	curs_set(1);
	endwin();
	delscreen(ui->screen);
	ui->screen = NULL;
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
	int score_rows = ui->model->noptions + 2, y;

	free_windows(ui);
	getmaxyx(stdscr, ui->rows, ui->cols);
	ui->too_small = ui->rows < UI_MIN_ROWS || ui->cols < UI_MIN_COLS;
	if (ui->too_small) {
		ui->w_body = newwin(ui->rows, ui->cols, 0, 0);
		leave_cursor(ui);
		return;
	}
	ui->side_cols = ui->cols >= UI_WIDE_COLS &&
	    ui->view->id == VIEW_QUESTION ? ui->cols * 2 / 5 : 0;
	ui->body_rows = ui->rows - 3 - score_rows;
	ui->body_cols = ui->cols - ui->side_cols;
	ui->w_title = newwin(1, ui->cols, 0, 0);
	ui->w_context = newwin(1, ui->cols, 1, 0);
	ui->w_body = newwin(ui->body_rows, ui->body_cols, 2, 0);
	if (ui->side_cols > 0)
		ui->w_side = newwin(ui->body_rows, ui->side_cols, 2,
		    ui->body_cols);
	y = 2 + ui->body_rows;
	ui->w_scores = newwin(score_rows, ui->cols, y, 0);
	ui->w_hint = newwin(1, ui->cols, ui->rows - 1, 0);
	/* The cursor is hidden: no update needs to move it back. */
	leave_cursor(ui);
}

void
ui_status(struct ui *ui, int error, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(ui->status, sizeof ui->status, fmt, ap);
	va_end(ap);
	ui->status_error = error;
	ui->dirty |= D_HINT;
}

void
ui_open_view(struct ui *ui, const struct view_ops *view)
{
	int relayout = (ui->view->id == VIEW_QUESTION) !=
	    (view->id == VIEW_QUESTION);

	ui->view = view;
	ui->scroll = 0;
	if (view->open != NULL)
		view->open(ui);
	if (relayout && !ui->too_small && ui->cols >= UI_WIDE_COLS)
		layout(ui);
	ui->dirty |= D_EVERY | (relayout ? D_STDSCR : 0);
}

int
ui_step_question(const struct ui *ui, int q, int dir)
{
	for (q += dir; q >= 0 && q < ui->model->nquestions; q += dir)
		if (ui->result->visible_q[q])
			return q;
	return -1;
}

int
ui_first_open(const struct ui *ui)
{
	int q;

	for (q = 0; q < ui->model->nquestions; q++)
		if (ui->result->visible_q[q] && ui->answers->answer[q] < 0)
			return q;
	return 0;
}

void
ui_go_question(struct ui *ui, int q)
{
	if (q < 0 || q >= ui->model->nquestions)
		return;
	if (!ui->result->visible_q[q]) {
		int n = ui_step_question(ui, q, 1);

		q = n >= 0 ? n : ui_step_question(ui, q, -1);
		if (q < 0)
			return;
	}
	ui->question = q;
	ui->cursor = ui->answers->answer[q] >= 0 ? ui->answers->answer[q] : 0;
	ui->help_scroll = 0;
}

/* The title bar: the program, the session, progress. */
static void
draw_title(struct ui *ui)
{
	WINDOW *w = ui->w_title;
	char right[64];
	int rw;

	wbkgdset(w, ui->style[ROLE_TITLE]);
	werase(w);
	snprintf(right, sizeof right, " %d/%d answered ", ui->result->answered,
	    ui->result->visible);
	rw = (int)strlen(right);
	draw_text(ui, w, 0, 0, ui->cols - rw, ROLE_TITLE, " tradeoff");
	draw_text(ui, w, 0, 9, 3, ROLE_TITLE, ui->utf8 ? " \xc2\xb7 " :
	    " - ");
	draw_text(ui, w, 0, 12, ui->cols - rw - 13, ROLE_TITLE,
	    session_name(ui->session));
	draw_text(ui, w, 0, ui->cols - rw, rw, ROLE_TITLE, right);
}

/* Always visible: where the room is in the questionnaire. */
static void
draw_context(struct ui *ui)
{
	const struct model *m = ui->model;
	const struct model_question *qn = &m->questions[ui->question];
	const struct model_panel *p = &m->panels[qn->panel];
	WINDOW *w = ui->w_context;
	int x, a = ui->answers->answer[ui->question];
	char pos[32];

	werase(w);
	x = 1 + draw_text(ui, w, 0, 1, ui->cols / 3, ROLE_HEADING, p->title);
	snprintf(pos, sizeof pos, " (%d of %d) ", ui->question - p->first + 1,
	    p->count);
	x += draw_text(ui, w, 0, x, 12, ROLE_DIM, pos);
	x += draw_text(ui, w, 0, x, 2, ROLE_DIM, ui->utf8 ? "\xe2\x80\xba " :
	    "> ");
	/* Room for the answer after the question, when there is one. */
	x += draw_text(ui, w, 0, x, ui->cols - x - (a >= 0 ? 20 : 1),
	    ROLE_QUESTION, qn->prompt);
	if (a >= 0 && x + 4 < ui->cols) {
		x += draw_text(ui, w, 0, x, 3, ROLE_DIM, " = ");
		draw_text(ui, w, 0, x, ui->cols - x - 1, ROLE_ANSWER_CHOSEN,
		    qn->answers[a].label);
	}
}

/* Always visible: the options' totals as bars, the recommendation, and
 * what would flip it. */
static void
draw_scores(struct ui *ui)
{
	const struct model *m = ui->model;
	const struct eval_result *r = ui->result;
	WINDOW *w = ui->w_scores;
	int o, i, namew = 0, barw, x, y = m->noptions;
	char buf[512];

	werase(w);
	for (o = 0; o < m->noptions; o++) {
		int tw = text_width(m->options[o].title, ui->utf8);

		if (tw > namew)
			namew = tw;
	}
	if (namew > 16)
		namew = 16;
	barw = ui->cols - namew - 33;
	/* On a wide terminal the bars stop at 50 cells, and each option's
	 * dimension scores follow. */
	if (barw > 50)
		barw = 50;
	for (o = 0; o < m->noptions; o++) {
		int best = o == r->recommendation;
		int blocked = (r->blocked >> o) & 1;

		draw_text(ui, w, o, 1, namew, best ? ROLE_RECOMMENDED :
		    blocked ? ROLE_BLOCKED : ROLE_NORMAL, m->options[o].title);
		draw_bar(ui, w, o, namew + 2, barw, r->total[o], best ?
		    ROLE_BAR_BEST : blocked ? ROLE_BLOCKED : ROLE_BAR);
		x = namew + 3 + barw;
		draw_fmt(ui, w, o, x, 6, best ? ROLE_RECOMMENDED : ROLE_NORMAL,
		    "%5.1f", r->total[o]);
		x += 6;
		if (best)
			draw_text(ui, w, o, x, 16, ROLE_RECOMMENDED,
			    ui->utf8 ? " \xe2\x97\x80 recommended" :
			    " < recommended");
		if (ui->cols >= UI_WIDE_COLS) {
			int d, dx = namew + barw + 27;

			for (d = 0; d < m->ndims && dx + 12 < ui->cols; d++) {
				snprintf(buf, sizeof buf, "%.4s %3.0f",
				    m->dims[d].title, r->score[o][d]);
				draw_text(ui, w, o, dx, 9, r->has_evidence[d] ?
				    ROLE_NORMAL : ROLE_DIM, buf);
				dx += 10;
			}
		}
		if (best)
			continue;
		if (blocked) {
			/* Which answer rules it out; the reason is one key
			 * away (r). */
			for (i = 0; i < r->nblocks; i++)
				if (r->blocks[i].option == o)
					break;
			snprintf(buf, sizeof buf, "%s blocked: %s",
			    ui->utf8 ? " \xe2\x9c\x97" : " x",
			    m->questions[r->blocks[i].question].id);
			draw_text(ui, w, o, x, ui->cols >= UI_WIDE_COLS ? 16 :
			    ui->cols - x, ROLE_BLOCKED, buf);
		}
	}
	x = 1 + draw_text(ui, w, y, 1, 16, ROLE_NORMAL, "Recommendation: ");
	if (r->recommendation >= 0) {
		x += draw_text(ui, w, y, x, ui->cols / 3, ROLE_RECOMMENDED,
		    m->options[r->recommendation].title);
		snprintf(buf, sizeof buf, ", confidence %.2f", r->confidence);
		draw_text(ui, w, y, x, ui->cols - x - 1, ROLE_CONFIDENCE, buf);
	} else
		draw_text(ui, w, y, x, ui->cols - x - 1, ROLE_DIM,
		    r->answered == 0 ? "undecided (nothing answered yet)" :
		    "undecided (a tie, or every option blocked)");
	y++;
	if (r->recommendation < 0)
		return;
	x = 1 + draw_text(ui, w, y, 1, 20, ROLE_NORMAL, "What would flip it: ");
	if (r->flip.kind == FLIP_ANSWER)
		snprintf(buf, sizeof buf, "%s = %s %s %s",
		    m->questions[r->flip.question].id,
		    m->questions[r->flip.question].answers[r->flip.answer].id,
		    ui->utf8 ? "\xe2\x86\x92" : "->",
		    m->options[r->flip.to].title);
	else if (r->flip.kind == FLIP_WEIGHT)
		snprintf(buf, sizeof buf, "weight of %s = %d %s %s",
		    m->dims[r->flip.dim].id, r->flip.weight,
		    ui->utf8 ? "\xe2\x86\x92" : "->",
		    m->options[r->flip.to].title);
	else
		snprintf(buf, sizeof buf, "no single change");
	draw_text(ui, w, y, x, ui->cols - x - 1, r->flip.kind == FLIP_NONE ?
	    ROLE_DIM : ROLE_WARNING, buf);
}

/* The bottom line: the text being edited, else a message, else hints. */
static void
draw_hint(struct ui *ui)
{
	WINDOW *w = ui->w_hint;
	char key[32];
	size_t i;
	int x = 1, k, right;

	werase(w);
	if (ui->edit.purpose != EDIT_NONE) {
		struct editor *ed = &ui->edit;
		int px = draw_text(ui, w, 0, 1, ui->cols / 2, ROLE_KEY,
		    ed->prompt) + 2, room = ui->cols - px - 1, cx = 0;
		cchar_t cc;
		wchar_t wc[2] = { 0, 0 };

		/* Keep the cursor in view. */
		if (ed->pos < ed->scroll)
			ed->scroll = ed->pos;
		while (ed->scroll < ed->pos) {
			int cols = 0;

			for (k = ed->scroll; k < ed->pos; k++)
				cols += ui->utf8 ? text_wcwidth(ed->buf[k]) : 1;
			if (cols < room)
				break;
			ed->scroll++;
		}
		draw_fill(ui, w, 0, px, room, ROLE_INPUT, " ", ' ');
		for (k = ed->scroll; k < ed->len; k++) {
			int cw = ui->utf8 ? text_wcwidth(ed->buf[k]) : 1;

			if (cx + cw > room)
				break;
			wc[0] = ed->buf[k];
			if (!ui->utf8 && wc[0] > 127)
				wc[0] = '?';
			setcchar(&cc, wc, ui->style[ROLE_INPUT], 0, NULL);
			mvwadd_wch(w, 0, px + cx, &cc);
			cx += cw;
		}
		/* The cursor: the cell at the insertion point, reversed. */
		cx = 0;
		for (k = ed->scroll; k < ed->pos; k++)
			cx += ui->utf8 ? text_wcwidth(ed->buf[k]) : 1;
		if (px + cx < ui->cols)
			mvwchgat(w, 0, px + cx, 1, A_REVERSE, 0, NULL);
		return;
	}
	if (ui->status[0] != '\0') {
		draw_text(ui, w, 0, 1, ui->cols - 2, ui->status_error ?
		    ROLE_ERROR : ROLE_STATUS, ui->status);
		return;
	}
	/* "? help  q quit" always, at the right; the view's own keys fill
	 * the rest from the left. */
	right = ui->cols - 16;
	draw_text(ui, w, 0, right, 1, ROLE_KEY, "?");
	draw_text(ui, w, 0, right + 2, 4, ROLE_HINT, "help");
	draw_text(ui, w, 0, right + 8, 1, ROLE_KEY, "q");
	draw_text(ui, w, 0, right + 10, 4, ROLE_HINT, "quit");
	for (i = 0; i < key_nbindings; i++) {
		const struct binding *b = &key_bindings[i];
		int kw, hw;

		if (b->hint == NULL || !(b->views & (1u << ui->view->id)) ||
		    b->action == ACT_HELP || b->action == ACT_QUIT)
			continue;
		keys_name(b->keys[0], ui->utf8, key, sizeof key);
		kw = text_width(key, ui->utf8);
		hw = (int)strlen(b->hint);
		if (x + kw + hw + 2 > right)
			break;
		draw_text(ui, w, 0, x, kw, ROLE_KEY, key);
		draw_text(ui, w, 0, x + kw + 1, hw, ROLE_HINT, b->hint);
		x += kw + hw + 3;
	}
}

static void
draw_too_small(struct ui *ui)
{
	WINDOW *w = ui->w_body;
	char buf[128];
	int y = ui->rows / 2 - 1;

	werase(w);
	snprintf(buf, sizeof buf, "Terminal too small: %dx%d", ui->cols,
	    ui->rows);
	draw_text(ui, w, y < 0 ? 0 : y, 0, ui->cols, ROLE_WARNING, buf);
	snprintf(buf, sizeof buf, "tradeoff needs %dx%d; enlarge it and the "
	    "screen comes back.", UI_MIN_COLS, UI_MIN_ROWS);
	draw_wrapped(ui, w, y + 1, 0, ui->cols, ui->rows - y - 2, 0,
	    ROLE_NORMAL, buf);
	draw_wrapped(ui, w, y + 3, 0, ui->cols, ui->rows - y - 4, 0,
	    ROLE_DIM, "Everything is saved. q quits.");
	wnoutrefresh(w);
}

/* Redraw the windows marked dirty, then one doupdate. */
static void
draw(struct ui *ui)
{
	if (ui->dirty == 0)
		return;
	if (ui->dirty & D_STDSCR) {
		/* Blank what no window covers, and mark stdscr clean so
		 * reading a key does not paint it over the windows. */
		werase(stdscr);
		wnoutrefresh(stdscr);
	}
	if (ui->too_small) {
		draw_too_small(ui);
		doupdate();
		ui->dirty = 0;
		return;
	}
	if (ui->dirty & D_TITLE) {
		draw_title(ui);
		wnoutrefresh(ui->w_title);
	}
	if (ui->dirty & D_CONTEXT) {
		draw_context(ui);
		wnoutrefresh(ui->w_context);
	}
	if (ui->dirty & D_BODY) {
		werase(ui->w_body);
		ui->view->draw(ui, ui->w_body, ui->body_rows, ui->body_cols);
		wnoutrefresh(ui->w_body);
	}
	if ((ui->dirty & D_SIDE) && ui->w_side != NULL) {
		werase(ui->w_side);
		view_table_side(ui, ui->w_side, ui->body_rows, ui->side_cols);
		wnoutrefresh(ui->w_side);
	}
	if (ui->dirty & D_SCORES) {
		draw_scores(ui);
		wnoutrefresh(ui->w_scores);
	}
	if (ui->dirty & D_HINT) {
		draw_hint(ui);
		wnoutrefresh(ui->w_hint);
	}
	doupdate();
	ui->dirty = 0;
}

/* The costs of the session's workload, and which option is cheapest. */
static void
cost(struct ui *ui)
{
	struct err e;

	ui->cost_ok = 0;
	ui->cost_cheapest = -1;
	if (ui->pricing == NULL)
		return;
	if (cost_check(ui->pricing, &ui->answers->workload, NULL, &e) != 0) {
		snprintf(ui->cost_error, sizeof ui->cost_error, "%s", e.msg);
		return;
	}
	if (cost_run(ui->pricing, ui->model, &ui->answers->workload,
	    &ui->cost) != 0) {
		snprintf(ui->cost_error, sizeof ui->cost_error, "The workload "
		    "cannot be priced with this price list.");
		return;
	}
	ui->cost_ok = 1;
	ui->cost_cheapest = cost_cheapest_option(&ui->cost, ui->model);
}

static void
evaluate(struct ui *ui)
{
	eval_run(ui->model, ui->answers->answer, ui->answers->weight,
	    ui->result);
	cost(ui);
	/* An answer can hide the question the room is on. */
	if (!ui->result->visible_q[ui->question])
		ui_go_question(ui, ui->question);
}

void
ui_edit_start(struct ui *ui, enum edit_purpose purpose, int arg,
    const char *prompt, const char *text)
{
	struct editor *ed = &ui->edit;

	memset(ed, 0, sizeof *ed);
	ed->purpose = purpose;
	ed->arg = arg;
	snprintf(ed->prompt, sizeof ed->prompt, "%s", prompt);
	if (text != NULL)
		ed->len = (int)text_decode(text, strlen(text), ed->buf,
		    EDIT_MAX - 1, 1);
	ed->pos = ed->len;
	curs_set(0);
	ui->dirty |= D_HINT;
}

/* The edited text as UTF-8 in BUF. */
static void
edit_text(const struct editor *ed, char *buf, size_t size)
{
	size_t o = 0;
	int i;

	for (i = 0; i < ed->len && o + 5 < size; i++) {
		unsigned int c = (unsigned int)ed->buf[i];

		if (c < 0x80)
			buf[o++] = (char)c;
		else if (c < 0x800) {
			buf[o++] = (char)(0xc0 | (c >> 6));
			buf[o++] = (char)(0x80 | (c & 0x3f));
		} else if (c < 0x10000) {
			buf[o++] = (char)(0xe0 | (c >> 12));
			buf[o++] = (char)(0x80 | ((c >> 6) & 0x3f));
			buf[o++] = (char)(0x80 | (c & 0x3f));
		} else {
			buf[o++] = (char)(0xf0 | (c >> 18));
			buf[o++] = (char)(0x80 | ((c >> 12) & 0x3f));
			buf[o++] = (char)(0x80 | ((c >> 6) & 0x3f));
			buf[o++] = (char)(0x80 | (c & 0x3f));
		}
	}
	buf[o] = '\0';
}

/* Finish the edit: CONFIRMED with Enter (or Esc where Esc keeps work). */
static int
edit_finish(struct ui *ui, int confirmed)
{
	static char text[EDIT_MAX * 4 + 1];
	struct editor ed = ui->edit;

	ui->edit.purpose = EDIT_NONE;
	ui->dirty |= D_HINT;
	if (!confirmed)
		return UI_DRAW;
	edit_text(&ed, text, sizeof text);
	return session_edit_done(ui, ed.purpose, ed.arg, text);
}

static int
edit_key(struct ui *ui, int rc, wint_t ch)
{
	struct editor *ed = &ui->edit;
	int key = (int)ch;

	ui->dirty |= D_HINT;
	if (rc == KEY_CODE_YES) {
		switch (key) {
		case KEY_LEFT:
			if (ed->pos > 0)
				ed->pos--;
			return UI_NONE;
		case KEY_RIGHT:
			if (ed->pos < ed->len)
				ed->pos++;
			return UI_NONE;
		case KEY_HOME:
			ed->pos = 0;
			return UI_NONE;
		case KEY_END:
			ed->pos = ed->len;
			return UI_NONE;
		case KEY_BACKSPACE:
			key = 127;
			break;
		case KEY_DC:
			if (ed->pos < ed->len) {
				memmove(ed->buf + ed->pos, ed->buf + ed->pos + 1,
				    (size_t)(ed->len - ed->pos - 1) *
				    sizeof *ed->buf);
				ed->len--;
			}
			return UI_NONE;
		case KEY_ENTER:
			return edit_finish(ui, 1);
		default:
			return UI_NONE;
		}
	}
	switch (key) {
	case '\n':
	case '\r':
		return edit_finish(ui, 1);
	case 27:
		/* Esc never discards work: a note is kept as typed. */
		return edit_finish(ui, ed->purpose == EDIT_NOTE);
	case 127:
	case 8:
		if (ed->pos > 0) {
			memmove(ed->buf + ed->pos - 1, ed->buf + ed->pos,
			    (size_t)(ed->len - ed->pos) * sizeof *ed->buf);
			ed->pos--;
			ed->len--;
		}
		return UI_NONE;
	case 1:		/* Ctrl-A */
		ed->pos = 0;
		return UI_NONE;
	case 5:		/* Ctrl-E */
		ed->pos = ed->len;
		return UI_NONE;
	case 21:	/* Ctrl-U: delete to the start */
		memmove(ed->buf, ed->buf + ed->pos,
		    (size_t)(ed->len - ed->pos) * sizeof *ed->buf);
		ed->len -= ed->pos;
		ed->pos = 0;
		return UI_NONE;
	case 11:	/* Ctrl-K: delete to the end */
		ed->len = ed->pos;
		return UI_NONE;
	default:
		if (key < 32 || key == 127 || ed->len >= EDIT_MAX - 1)
			return UI_NONE;
		memmove(ed->buf + ed->pos + 1, ed->buf + ed->pos,
		    (size_t)(ed->len - ed->pos) * sizeof *ed->buf);
		ed->buf[ed->pos++] = (wchar_t)key;
		ed->len++;
		return UI_NONE;
	}
}

/* Keys every view shares: switching views, undo, help, quit. */
static int
global_key(struct ui *ui, enum action act)
{
	const struct view_ops *to = NULL;

	switch (act) {
	case ACT_QUIT:
		return UI_QUIT;
	case ACT_REDRAW:
		clearok(curscr, TRUE);
		return UI_ALL;
	case ACT_UNDO:
		return session_undo(ui);
	case ACT_EXPORT:
		return session_export(ui);
	case ACT_BACK:
		to = &view_question;
		break;
	case ACT_HELP:
		to = ui->view == &view_help ? &view_question : &view_help;
		break;
	case ACT_TABLES:
		to = &view_table;
		break;
	case ACT_WHY:
		to = &view_why;
		break;
	case ACT_WEIGHTS:
		to = &view_weights;
		break;
	case ACT_SESSIONS:
		to = &view_sessions;
		break;
	case ACT_COST:
		to = &view_cost;
		break;
	default:
		return -1;
	}
	/* The key of the view that is open goes back to the questions. */
	ui_open_view(ui, to == ui->view && to != &view_question ?
	    &view_question : to);
	return UI_NONE;
}

static void
apply(struct ui *ui, int flags)
{
	if (flags & UI_CHANGED) {
		evaluate(ui);
		ui->dirty |= D_EVERY;
	}
	if (flags & UI_ALL)
		ui->dirty |= D_EVERY | D_STDSCR;
	if (flags & (UI_DRAW | UI_LAYOUT))
		ui->dirty |= D_BODY | D_SIDE | D_CONTEXT | D_HINT;
}

int
ui_run(struct ui *ui)
{
	int rc, flags, digit, key;
	wint_t ch;

	ui->view = &view_question;
	evaluate(ui);
	/* Resume where the questionnaire is still open. */
	ui_go_question(ui, ui_first_open(ui));
	layout(ui);
	ui->dirty = D_EVERY | D_STDSCR;
	for (;;) {
		if (got_signal)
			break;
		draw(ui);
		rc = wget_wch(stdscr, &ch);
		if (rc == ERR)
			continue;	/* a timeout or a signal */
		key = (int)ch;
		if (rc == KEY_CODE_YES && key == KEY_RESIZE) {
			layout(ui);
			ui->dirty = D_EVERY | D_STDSCR;
			continue;
		}
		if (ui->too_small) {
			if (key == 'q')
				break;
			continue;
		}
		if (ui->status[0] != '\0') {
			ui->status[0] = '\0';
			ui->dirty |= D_HINT;
		}
		if (ui->edit.purpose != EDIT_NONE) {
			apply(ui, edit_key(ui, rc, ch));
			continue;
		}
		if (rc != KEY_CODE_YES && key > 127)
			continue;	/* no action is bound to these */
		digit = 0;
		enum action act = keys_lookup(ui->view->id, key, &digit);
		if (act == ACT_NONE)
			continue;
		flags = global_key(ui, act);
		if (flags < 0)
			flags = ui->view->key(ui, act, digit);
		if (flags & UI_QUIT)
			break;
		apply(ui, flags);
	}
	/* A note being typed when the program was told to stop is kept. */
	if (ui->edit.purpose == EDIT_NOTE)
		edit_finish(ui, 1);
	return got_signal;
}

int
ui_signal_received(void)
{
	return got_signal;
}
