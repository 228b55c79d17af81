/* view_question.c - the questionnaire: panels, the question, answers. */
#include "config.h"

#include "views.h"
#include "text.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Where the room is in the question: the answer under the cursor and
 * the help text's scroll, for question Q - 1 (reset when it changes;
 * 0 before the first). */
struct question_view {
	int q;
	int cursor;
	int atop;		/* the first answer shown, when not all fit */
	struct scroll help;
	struct scroll note;	/* PgDn goes on into the note after the help */
	int note_q;		/* the question whose note is being typed */
	char *note_base;	/* what that note was when the editor opened */
	int voting;		/* the next answer key is a vote */
	char voter[ANSWERS_IDENT_MAX + 1];	/* for whom; "" ourselves */
};

/* Keep the cursor on the current question's answer once the room has
 * moved to another question. */
static void
follow(struct ui *ui, struct question_view *st)
{
	int a;

	if (st->q == ui->question + 1)
		return;
	a = ui->s->answers->answer[ui->question];
	st->q = ui->question + 1;
	st->cursor = a >= 0 ? a : 0;
	st->atop = 0;
	st->help.top = 0;
	st->note.top = 0;
}

/* Width of the panel list on the left. */
static int
panel_cols(int cols)
{
	int w = cols / 4;

	return w < 20 ? 20 : w > 26 ? 26 : w;
}

static void
draw_panels(struct ui *ui, WINDOW *w, int rows, int pw)
{
	const struct model *m = ui->s->model;
	const struct eval_result *r = ui->s->result;
	int cur = m->questions[ui->question].panel, p, q, y = 0;
	char count[32];

	for (p = 0; p < m->npanels && y < rows; p++, y++) {
		const struct model_panel *pn = &m->panels[p];
		int asked = 0, done = 0, cw;
		enum theme_role role = p == cur ? ROLE_PANEL_CURRENT : ROLE_PANEL;

		for (q = pn->first; q < pn->first + pn->count; q++)
			if (r->visible_q[q]) {
				asked++;
				done += ui->s->answers->answer[q] >= 0;
			}
		snprintf(count, sizeof count, "%d/%d", done, asked);
		cw = (int)strlen(count);
		if (p == cur)
			draw_fill(ui, w, y, 0, pw - 1, role, " ", ' ');
		draw_text(ui, w, y, 0, 2, role, p == cur ? (ui->utf8 ?
		    "\xe2\x96\xb8 " : "> ") : "  ");
		draw_text(ui, w, y, 2, pw - cw - 4, role, pn->title);
		draw_text(ui, w, y, pw - cw - 2, cw, p == cur ? role :
		    done == asked ? ROLE_RECOMMENDED : ROLE_PROGRESS, count);
	}
	/* The current panel's questions, so the room sees what is left. */
	if (y + 2 >= rows)
		return;
	y++;
	{
		const struct model_panel *pn = &m->panels[cur];

		for (q = pn->first; q < pn->first + pn->count && y < rows;
		    q++) {
			int answered = ui->s->answers->answer[q] >= 0;
			const char *mark;

			if (!r->visible_q[q])
				mark = ui->utf8 ? "\xe2\x80\x93" : "-";
			else if (answered)
				mark = ui->utf8 ? "\xe2\x9c\x93" : "+";
			else
				mark = ui->utf8 ? "\xc2\xb7" : ".";
			/* The mark alone: blanks in its role could make a
			 * stripe (an underline, a background). */
			draw_text(ui, w, y, 2, 1, answered ? ROLE_RECOMMENDED :
			    ROLE_DIM, mark);
			/* The answers have the cursor; here the current
			 * question is only marked, like the current panel. */
			draw_text(ui, w, y, 4, pw - 6, q == ui->question ?
			    ROLE_PANEL_CURRENT : r->visible_q[q] ?
			    ROLE_NORMAL : ROLE_DIM, m->questions[q].id);
			y++;
		}
	}
}

/* The votes on question Q in BUF: who chose what once revealed (or
 * what this participant chose while they are hidden). */
static const char *
votes_line(const struct session *s, int q, char *buf, size_t size)
{
	const struct answers *a = s->answers;
	const struct model_question *qn = &s->model->questions[q];
	int i, k = 0, split, n = answers_votes_on(a, q, &split), me;
	size_t o;

	if (!a->revealed[q]) {
		me = answers_find_ident(a, session_ident(s));
		o = (size_t)snprintf(buf, size, "%d vote%s, hidden until "
		    "revealed (V)", n, n == 1 ? "" : "s");
		if (me >= 0 && a->vote[me][q] >= 0 && o < size)
			snprintf(buf + o, size - o, "; yours: %s",
			    qn->answers[a->vote[me][q]].label);
		return buf;
	}
	o = (size_t)snprintf(buf, size, "Votes%s:", split ? " differ" : "");
	for (i = 0; i < a->nidents && o < size; i++)
		if (a->vote[i][q] >= 0)
			o += (size_t)snprintf(buf + o, size - o, "%s %s %s",
			    k++ > 0 ? "," : "", a->ident[i],
			    qn->answers[a->vote[i][q]].label);
	return buf;
}

/* The votes under the answers at Y: a line, or none without votes. */
static int
draw_votes(struct ui *ui, const struct question_view *st, WINDOW *w, int y,
    int x, int width)
{
	char buf[1024];
	int split;

	if (st->voting) {
		snprintf(buf, sizeof buf, "%s vote: press the answer's number "
		    "(v: vote for someone else)", st->voter[0] != '\0' ?
		    st->voter : "Your");
		return draw_wrapped(ui, w, y, x, width, 2, 0, ROLE_WARNING,
		    buf);
	}
	if (answers_votes_on(ui->s->answers, ui->question, &split) == 0)
		return 0;
	return draw_wrapped(ui, w, y, x, width, 2, 0, split ? ROLE_WARNING :
	    ROLE_DIM, votes_line(ui->s, ui->question, buf, sizeof buf));
}

/* How the answers are laid out: each answer's label wrapped in a
 * column LABELW wide with its description beside it in HELPW (or under
 * it, indented, when STACKED), nothing cut; H the lines each takes. */
struct answer_layout {
	int markw, textw, labelw, helpw, stacked;
	int h[MODEL_MAX_ANSWERS], total;
};

/* The lines answer A takes with the label LABELW wide and the help
 * HELPW beside it (STACKED: under it). */
static int
answer_height(const struct ui *ui, const struct model_answer *an, int labelw,
    int helpw, int stacked)
{
	int lh = text_wrap(an->label, labelw, ui->utf8, NULL, 0), hh = 0;

	if (an->help[0] != '\0')
		hh = text_wrap(an->help, helpw, ui->utf8, NULL, 0);
	if (lh < 1)
		lh = 1;
	return stacked ? lh + hh : lh > hh ? lh : hh;
}

static int
layout_total(const struct ui *ui, const struct model_question *qn,
    struct answer_layout *l)
{
	int a;

	l->total = 0;
	for (a = 0; a < qn->nanswers && a < MODEL_MAX_ANSWERS; a++) {
		l->h[a] = answer_height(ui, &qn->answers[a], l->labelw,
		    l->helpw, l->stacked);
		l->total += l->h[a];
	}
	return l->total;
}

/* The layout of the answers in WIDTH columns that takes fewest lines:
 * the descriptions beside the labels, the label column as wide as the
 * longest label or narrower, or under them. */
static void
answer_layout(const struct ui *ui, const struct model_question *qn,
    int width, struct answer_layout *best)
{
	struct answer_layout l;
	int a, longest = 1, any_help = 0, lw, maxw;

	memset(&l, 0, sizeof l);
	l.markw = ui->utf8 ? 2 : 4;
	l.textw = width - 2 - l.markw;
	if (l.textw < 4)
		l.textw = 4;
	for (a = 0; a < qn->nanswers; a++) {
		int w = text_width(qn->answers[a].label, ui->utf8);

		if (w > longest)
			longest = w;
		if (qn->answers[a].help[0] != '\0')
			any_help = 1;
	}
	/* Stacked: the label over the whole width, the help under it. */
	l.stacked = 1;
	l.labelw = l.textw;
	l.helpw = l.textw - 2 > 1 ? l.textw - 2 : 1;
	layout_total(ui, qn, &l);
	*best = l;
	if (!any_help)
		return;
	/* Beside: the widest label column first, so a tie keeps labels on
	 * one line; the help keeps a dozen columns. */
	l.stacked = 0;
	maxw = l.textw - 2 - 12;
	for (lw = longest < maxw ? longest : maxw; lw >= 6; lw--) {
		l.labelw = lw;
		l.helpw = l.textw - lw - 2;
		if (layout_total(ui, qn, &l) < best->total ||
		    (best->stacked && l.total == best->total))
			*best = l;
	}
}

/* Lines of TEXT wrapped in COLS columns. */
static int
wrapped_lines(const struct ui *ui, const char *text, int cols)
{
	return text_wrap(text, cols > 1 ? cols : 1, ui->utf8, NULL, 0);
}

/* Answer A from line Y in HEIGHT lines, numbered, the chosen one marked
 * and the one under the cursor shown. */
static void
draw_answer(struct ui *ui, const struct question_view *st, WINDOW *w,
    const struct answer_layout *l, int a, int y, int x)
{
	const struct model_answer *an = &ui->s->model->questions[
	    ui->question].answers[a];
	int is = a == ui->s->answers->answer[ui->question];
	int at = a == st->cursor, lx, lh;
	char num[16];

	snprintf(num, sizeof num, "%d", a + 1);
	draw_text(ui, w, y, x, 2, ROLE_KEY, num);
	lx = x + 2;
	lx += draw_text(ui, w, y, lx, 4, is ? ROLE_ANSWER_CHOSEN :
	    ROLE_ANSWER, ui->utf8 ? (is ? "\xe2\x97\x8f " :
	    "\xe2\x97\x8b ") : (is ? "(*) " : "( ) "));
	lh = draw_wrapped(ui, w, y, lx, l->labelw, l->h[a], 0, at ?
	    ROLE_CURSOR : is ? ROLE_ANSWER_CHOSEN : ROLE_ANSWER, an->label);
	if (an->help[0] == '\0')
		return;
	if (l->stacked)
		draw_wrapped(ui, w, y + lh, lx + 2, l->helpw, l->h[a] - lh, 0,
		    ROLE_DIM, an->help);
	else
		draw_wrapped(ui, w, y, lx + l->labelw + 2, l->helpw, l->h[a],
		    0, ROLE_DIM, an->help);
}

/* The answers from line Y in at most ROOM lines, each whole: all of
 * them, or those around the cursor with a line saying which (in place
 * of the blank line after them).  Returns the line after them. */
static int
draw_answers(struct ui *ui, struct question_view *st, WINDOW *w,
    const struct answer_layout *l, int y, int room, int x, int width)
{
	const struct model_question *qn = &ui->s->model->questions[
	    ui->question];
	int n = qn->nanswers, a, used, last;
	char buf[96];

	if (l->total <= room) {
		for (a = 0; a < n; a++) {
			draw_answer(ui, st, w, l, a, y, x);
			y += l->h[a];
		}
		return y;
	}
	/* Not all fit: keep the cursor's answer in view. */
	if (st->atop > st->cursor)
		st->atop = st->cursor;
	for (;;) {
		for (used = 0, a = st->atop; a <= st->cursor; a++)
			used += l->h[a];
		if (used <= room || st->atop >= st->cursor)
			break;
		st->atop++;
	}
	for (used = 0, a = st->atop, last = a - 1; a < n; a++) {
		if (used + l->h[a] > room && a > st->atop)
			break;
		draw_answer(ui, st, w, l, a, y + used, x);
		used += l->h[a];
		last = a;
	}
	snprintf(buf, sizeof buf, "answers %d-%d of %d (%s for more)",
	    st->atop + 1, last + 1, n, ui->utf8 ? "\xe2\x86\x91\xe2\x86\x93" :
	    "up/down");
	draw_text(ui, w, y + (used < room ? used : room), x + 2, width - 2,
	    ROLE_DIM, buf);
	return y + (used < room ? used : room);
}

/* TEXT in ROWS lines from Y, scrolled by SC: wrapped in WIDTH when it
 * fits, else a little narrower with a mark at the end of the last line
 * when more follows (PgDn), so the mark covers nothing. */
static void
draw_scrolled(struct ui *ui, struct scroll *sc, WINDOW *w, int y, int rows,
    int x, int width, enum theme_role role, const char *text)
{
	const char *mark = ui->utf8 ? " \xe2\x80\xa6 PgDn" : " ... PgDn";
	int markw = text_width(mark, ui->utf8), n;

	if (rows <= 0) {
		sc->max = 0;
		return;
	}
	n = wrapped_lines(ui, text, width);
	if (n > rows && width - markw >= 8) {
		width -= markw;
		n = wrapped_lines(ui, text, width);
	}
	sc->max = n > rows ? n - rows : 0;
	if (sc->top > sc->max)
		sc->top = sc->max;
	draw_wrapped(ui, w, y, x, width, rows, sc->top, role, text);
	if (n - sc->top > rows)
		draw_text(ui, w, y + rows - 1, x + width, markw, ROLE_DIM,
		    mark);
}

static void
draw(struct ui *ui, void *priv, WINDOW *w, int rows, int cols)
{
	struct question_view *st = priv;
	const struct model *m = ui->s->model;
	const struct model_question *qn = &m->questions[ui->question];
	const char *note = ui->s->answers->note[ui->question];
	int pw = panel_cols(cols), x = pw + 1, width = cols - x - 1, y = 0;
	int help_rows, note_rows = 0, note_lines = 0, notew = width - 6;
	int votes, room, n;
	struct answer_layout l;
	char buf[1024];

	follow(ui, st);
	draw_panels(ui, w, rows, pw);
	draw_vline(ui, w, 0, pw - 1 + 0, rows);
	y += draw_wrapped(ui, w, y, x, width, 2, 0, ROLE_QUESTION, qn->prompt);
	if (y > 2)
		y = 2;
	y++;
	/* The answers whole first; what is left goes to the votes, the
	 * help (a line at least), and the note (up to three lines, the
	 * rest a PgDn away). */
	answer_layout(ui, qn, width, &l);
	votes = st->voting ? 2 : answers_votes_on(ui->s->answers,
	    ui->question, &n) > 0 ? wrapped_lines(ui, votes_line(ui->s,
	    ui->question, buf, sizeof buf), width) : 0;
	if (votes > 2)
		votes = 2;
	if (note != NULL) {
		note_lines = wrapped_lines(ui, note, notew);
		note_rows = note_lines < 3 ? note_lines : 3;
	}
	for (;;) {
		room = rows - y - 1 - (votes ? votes + 1 : 0) -
		    (note_rows ? note_rows + 1 : 0) - (qn->help[0] ? 1 : 0);
		if (room >= l.total || note_rows <= 1)
			break;
		note_rows--;
	}
	if (room < 1)
		room = 1;
	y = draw_answers(ui, st, w, &l, y, room, x, width);
	y++;
	if ((n = draw_votes(ui, st, w, y, x, width)) > 0)
		y += n + 1;
	/* A note longer than its lines takes what the help leaves. */
	if (note_lines > note_rows) {
		n = rows - y - 1 - wrapped_lines(ui, qn->help, width);
		note_rows = n > note_lines ? note_lines : n > note_rows ? n :
		    note_rows;
	}
	help_rows = rows - y - (note_rows ? note_rows + 1 : 0);
	draw_scrolled(ui, &st->help, w, y, help_rows, x, width, ROLE_HELP,
	    qn->help);
	if (note != NULL) {
		int ny = rows - note_rows;
		int lx = x + draw_text(ui, w, ny, x, 6, ROLE_KEY, "Note: ");

		draw_scrolled(ui, &st->note, w, ny, note_rows, lx,
		    x + width - lx, ROLE_NOTE, note);
	} else
		st->note.max = st->note.top = 0;
}

/* The first asked question of panel P, or -1. */
static int
panel_first(const struct ui *ui, int p)
{
	const struct model_panel *pn = &ui->s->model->panels[p];
	int q;

	for (q = pn->first; q < pn->first + pn->count; q++)
		if (ui->s->result->visible_q[q])
			return q;
	return -1;
}

static int
go_panel(struct ui *ui, int dir)
{
	int np = ui->s->model->npanels, p = ui->s->model->questions[ui->question]
	    .panel, i, q;

	for (i = 1; i <= np; i++) {
		q = panel_first(ui, ((p + dir * i) % np + np) % np);
		if (q >= 0) {
			ui_go_question(ui, q);
			return UI_DRAW;
		}
	}
	return UI_NONE;
}

/* After answering question Q for the first time: on to the next open
 * question, or say that the questionnaire is complete. */
static void
advance(struct ui *ui, int q)
{
	int next = ui_next_open(ui, q);

	if (next >= 0) {
		if (ui->advance)
			ui_go_question(ui, next);
		return;
	}
	ui_status(ui, 0, "Every question is answered: r shows why, e "
	    "exports the summary or the decision record.");
}

/* Answer the current question with A (-1 clears it). */
static int
answer(struct ui *ui, int a)
{
	unsigned what = 0;
	struct err e;
	int q = ui->question, was = ui->s->answers->answer[q];
	int rc = session_set_answer(ui->s, q, a, &what, &e);

	if (rc == 0 && was < 0 && a >= 0)
		advance(ui, q);
	return ui_changed(ui, rc, what, &e);
}

/* Say why a key did nothing. */
static int
nothing(struct ui *ui, const char *why)
{
	ui_status(ui, 0, "%s", why);
	return UI_NONE;
}

/* Open the note editor on question Q with TEXT, remembering BASE (what
 * the database held) to save against. */
static void
edit_note(struct ui *ui, struct question_view *st, int q, const char *prompt,
    const char *text, const char *base, unsigned flags);

static int
note_typed(struct ui *ui, void *priv, const char *text)
{
	struct question_view *st = priv;
	unsigned what = 0;
	struct err e;
	int rc = session_set_note_from(ui->s, st->note_q, text, st->note_base,
	    &what, &e);

	if (rc == 2) {
		/* Someone else changed it meanwhile: show both, and let the
		 * writer choose. */
		edit_note(ui, st, st->note_q, "Changed meanwhile (above). "
		    "Enter: yours; Esc: theirs", text,
		    ui->s->answers->note[st->note_q], 0);
		return ui_changed(ui, 0, what, &e);
	}
	if (rc == 0 && what != 0)
		ui_status(ui, 0, text[0] != '\0' ? "Note saved." :
		    "Note removed.");
	return ui_changed(ui, rc, what, &e);
}

static void
edit_note(struct ui *ui, struct question_view *st, int q, const char *prompt,
    const char *text, const char *base, unsigned flags)
{
	char field[80];

	free(st->note_base);
	st->note_base = base != NULL ? strdup(base) : NULL;
	st->note_q = q;
	edit_start(ui, prompt, text, flags, note_typed, st);
	snprintf(field, sizeof field, "note:%s", ui->s->model->questions[q].id);
	edit_draft(ui, field);
}

/* Record a vote for the answer A on the current question. */
static int
vote(struct ui *ui, struct question_view *st, int a)
{
	unsigned what = 0;
	struct err e;
	int rc = session_vote(ui->s, st->voter[0] != '\0' ? st->voter : NULL,
	    ui->question, a, &what, &e);

	st->voting = 0;
	if (rc == 0)
		ui_status(ui, 0, "%s vote is saved%s.", st->voter[0] != '\0' ?
		    "The" : "Your", ui->s->answers->revealed[ui->question] ?
		    "" : ", hidden from the others until revealed");
	return ui_changed(ui, rc, what, &e) | UI_DRAW;
}

static int
voter_typed(struct ui *ui, void *priv, const char *text)
{
	struct question_view *st = priv;
	struct err e;

	if (answers_ident_check(text, &e) != 0) {
		ui_status(ui, 1, "%s", e.msg);
		st->voting = 0;
		return UI_DRAW;
	}
	snprintf(st->voter, sizeof st->voter, "%s", text);
	st->voting = 1;
	return UI_DRAW;
}

/* While voting, an answer key (or the cursor's answer) is the vote. */
static int
vote_answer(struct ui *ui, struct question_view *st, enum action act,
    int digit)
{
	const struct model_question *qn = &ui->s->model->questions[
	    ui->question];

	if (act == ACT_SELECT)
		return vote(ui, st, st->cursor);
	if (digit < 1 || digit > qn->nanswers)
		return UI_NONE;
	return vote(ui, st, digit - 1);
}

/* The vote key: start voting; again, vote for someone else. */
static int
vote_key(struct ui *ui, struct question_view *st)
{
	if (!st->voting) {
		st->voting = 1;
		st->voter[0] = '\0';
		return UI_DRAW;
	}
	edit_start(ui, "Vote for (an identity, e.g. ben):", st->voter, 0,
	    voter_typed, st);
	return UI_DRAW;
}

static int
reveal(struct ui *ui)
{
	unsigned what = 0;
	struct err e;
	int rc;

	if (answers_votes_on(ui->s->answers, ui->question, NULL) == 0) {
		ui_status(ui, 0, "Nobody has voted on this question yet.");
		return UI_NONE;
	}
	rc = session_reveal(ui->s, ui->question, &what, &e);
	return ui_changed(ui, rc, what, &e);
}

/* Move to the question DIR away (+1, -1), or to the first or last. */
static int
go_to(struct ui *ui, int q)
{
	if (q >= 0)
		ui_go_question(ui, q);
	return UI_DRAW;
}

static int
key(struct ui *ui, void *priv, enum action act, int digit)
{
	struct question_view *st = priv;
	const struct model_question *qn;
	int q;

	follow(ui, st);
	qn = &ui->s->model->questions[ui->question];
	if (st->voting && (act == ACT_DIGIT || act == ACT_SELECT))
		return vote_answer(ui, st, act, digit);
	if (act != ACT_VOTE && act != ACT_UP && act != ACT_DOWN)
		st->voting = 0;
	switch (act) {
	case ACT_VOTE:
		return vote_key(ui, st);
	case ACT_REVEAL:
		return reveal(ui);
	case ACT_UP:
		if (st->cursor > 0)
			st->cursor--;
		return UI_DRAW;
	case ACT_DOWN:
		if (st->cursor < qn->nanswers - 1)
			st->cursor++;
		return UI_DRAW;
	case ACT_SELECT:
		return answer(ui, st->cursor);
	case ACT_DIGIT:
		if (digit < 1 || digit > qn->nanswers) {
			ui_status(ui, 0, "This question has %d answers: 1-%d "
			    "choose one.", qn->nanswers, qn->nanswers);
			return UI_NONE;
		}
		st->cursor = digit - 1;
		return answer(ui, digit - 1);
	case ACT_CLEAR:
		return answer(ui, -1);
	case ACT_RIGHT:
	case ACT_LEFT:
		q = ui_step_question(ui, ui->question, act == ACT_RIGHT ? 1 :
		    -1);
		if (q < 0)
			return nothing(ui, act == ACT_RIGHT ? "This is the last "
			    "question." : "This is the first question.");
		return go_to(ui, q);
	case ACT_ADVANCE:
		ui->advance = !ui->advance;
		return nothing(ui, ui->advance ? "Answering an open question "
		    "moves on to the next (a turns it off)." : "Answering "
		    "stays on the question (a moves on again).");
	case ACT_FIRST:
		return go_to(ui, 0);
	case ACT_LAST:
		return go_to(ui, ui_step_question(ui, ui->s->model->nquestions,
		    -1));
	case ACT_NEXT_PANEL:
		return go_panel(ui, 1);
	case ACT_PREV_PANEL:
		return go_panel(ui, -1);
	case ACT_PAGE_DOWN:
		/* The help, then the note. */
		return scroll_key(st->help.top < st->help.max ? &st->help :
		    &st->note, ACT_DOWN, 1);
	case ACT_PAGE_UP:
		return scroll_key(st->note.top > 0 ? &st->note : &st->help,
		    ACT_UP, 1);
	case ACT_NOTE:
		edit_note(ui, st, ui->question, "Note:",
		    ui->s->answers->note[ui->question],
		    ui->s->answers->note[ui->question], EDIT_KEEP);
		return UI_NONE;
	default:
		return UI_NONE;
	}
}

static void
free_view(void *priv)
{
	struct question_view *st = priv;

	free(st->note_base);
}

const struct view_ops view_question = {
	.id = VIEW_QUESTION,
	.private_size = sizeof(struct question_view),
	.free = free_view,
	.draw = draw,
	.key = key,
};
