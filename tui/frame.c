/* frame.c - what is always on screen around the views: the title, the
 * question line, the scores with the recommendation and what would flip
 * it, and the bottom line (the text field, a message, or key hints). */
#include "config.h"

#include "frame.h"
#include "phrase.h"
#include "text.h"

#include <stdio.h>
#include <string.h>

/* The title bar: the program, the session, progress. */
/* Who else has the session open: "with ana, ben", and where each is
 * when the terminal is wide ("ana: Workload 2"). */
static const char *
with_line(const struct ui *ui, char *buf, size_t size)
{
	const struct model *m = ui->s->model;
	size_t o;
	int i, q;

	buf[0] = '\0';
	if (ui->npeers == 0)
		return buf;
	o = (size_t)snprintf(buf, size, "with");
	for (i = 0; i < ui->npeers && o < size; i++) {
		q = model_question_index(m, ui->peers[i].question);
		if (ui->cols >= UI_WIDE_COLS && q >= 0)
			o += (size_t)snprintf(buf + o, size - o, "%s %s (%s %d)",
			    i ? "," : "", ui->peers[i].ident,
			    m->panels[m->questions[q].panel].title,
			    q - m->panels[m->questions[q].panel].first + 1);
		else
			o += (size_t)snprintf(buf + o, size - o, "%s %s",
			    i ? "," : "", ui->peers[i].ident);
	}
	return buf;
}

void
frame_title(struct ui *ui)
{
	WINDOW *w = ui->w_title;
	char right[64], with[512];
	int rw, x, ww;

	wbkgdset(w, ui->style[ROLE_TITLE]);
	werase(w);
	snprintf(right, sizeof right, "%s%s %d/%d answered ", ui->readonly ?
	    " read-only " : "", !ui->readonly ? "" : ui->utf8 ? "\xc2\xb7" :
	    "-", ui->s->result->answered, ui->s->result->visible);
	rw = text_width(right, ui->utf8);
	x = draw_text(ui, w, 0, 0, ui->cols - rw, ROLE_TITLE, " tradeoff");
	x += draw_text(ui, w, 0, x, 3, ROLE_TITLE, ui->utf8 ? " \xc2\xb7 " :
	    " - ");
	/* The others get what the name leaves, at least a third. */
	with_line(ui, with, sizeof with);
	ww = with[0] != '\0' ? text_width(with, ui->utf8) + 3 : 0;
	if (ww > (ui->cols - rw - x) * 2 / 3)
		ww = (ui->cols - rw - x) * 2 / 3;
	x += draw_text(ui, w, 0, x, ui->cols - rw - x - ww - 1, ROLE_TITLE,
	    ui->s->info.name);
	if (ww > 0) {
		x += draw_text(ui, w, 0, x, 3, ROLE_TITLE, ui->utf8 ?
		    " \xc2\xb7 " : " - ");
		draw_text(ui, w, 0, x, ui->cols - rw - x - 1, ROLE_TITLE, with);
	}
	draw_text(ui, w, 0, ui->cols - rw, rw, ROLE_TITLE, right);
}

/* Always visible: where the room is in the questionnaire. */
void
frame_context(struct ui *ui)
{
	const struct model *m = ui->s->model;
	const struct model_question *qn = &m->questions[ui->question];
	const struct model_panel *p = &m->panels[qn->panel];
	WINDOW *w = ui->w_context;
	int x, aw, a = ui->s->answers->answer[ui->question];
	char pos[32];

	werase(w);
	/* The answer whole after the question, when there is one: the
	 * question's tail goes first, then the position in the panel. */
	aw = a >= 0 ? 3 + text_width(qn->answers[a].label, ui->utf8) : 0;
	snprintf(pos, sizeof pos, " (%d of %d) ", ui->question - p->first + 1,
	    p->count);
	x = 1 + draw_text(ui, w, 0, 1, ui->cols / 3, ROLE_HEADING, p->title);
	if (ui->cols - x - 3 - text_width(pos, ui->utf8) - aw >= 12)
		x += draw_text(ui, w, 0, x, 12, ROLE_DIM, pos);
	else
		x += draw_text(ui, w, 0, x, 1, ROLE_DIM, " ");
	x += draw_text(ui, w, 0, x, 2, ROLE_DIM, ui->utf8 ? "\xe2\x80\xba " :
	    "> ");
	if (aw > ui->cols - x - 1 - 8)
		aw = ui->cols - x - 1 - 8;
	x += draw_text(ui, w, 0, x, ui->cols - x - 1 - aw, ROLE_QUESTION,
	    qn->prompt);
	if (a >= 0 && x + 4 < ui->cols) {
		x += draw_text(ui, w, 0, x, 3, ROLE_DIM, " = ");
		draw_text(ui, w, 0, x, ui->cols - x - 1, ROLE_ANSWER_CHOSEN,
		    qn->answers[a].label);
	}
}

/* Width of the options' names in the score rows. */
static int
name_cols(const struct ui *ui)
{
	const struct model *m = ui->s->model;
	int o, namew = 0;

	for (o = 0; o < m->noptions; o++) {
		int tw = text_width(m->options[o].title, ui->utf8);

		if (tw > namew)
			namew = tw;
	}
	return namew > 16 ? 16 : namew;
}

/* What blocks option O, after its score at X. */
static void
score_blocked(struct ui *ui, int o, int x)
{
	const struct eval_result *r = ui->s->result;
	char buf[256];
	int i;

	/* Which answer rules it out; the reason is one key away (r). */
	for (i = 0; i < r->nblocks; i++)
		if (r->blocks[i].option == o)
			break;
	if (i == r->nblocks)
		return;
	snprintf(buf, sizeof buf, "%s blocked: %s", ui->utf8 ? " \xe2\x9c\x97" :
	    " x", ui->s->model->questions[r->blocks[i].question].id);
	draw_text(ui, ui->w_scores, o, x, ui->cols >= UI_WIDE_COLS ? 16 :
	    ui->cols - x, ROLE_BLOCKED, buf);
}

/* Columns of a dimension's score in the score rows ("Cost  67"). */
#define DIM_COLS 10

/* On a wide terminal, which dimensions' scores the rows show in WIDTH
 * columns (bit d): all of them, or when they do not all fit, those that
 * weigh most (the ones without evidence last). */
static unsigned
dims_shown(const struct ui *ui, int width)
{
	const struct model *m = ui->s->model;
	const struct eval_result *r = ui->s->result;
	int n = width / DIM_COLS, d, k, best;
	unsigned shown = 0;

	if (ui->cols < UI_WIDE_COLS || n <= 0)
		return 0;
	if (n >= m->ndims)
		return m->ndims >= 32 ? ~0u : (1u << m->ndims) - 1;
	for (k = 0; k < n; k++) {
		for (best = -1, d = 0; d < m->ndims && d < 32; d++) {
			int wd = ui->s->answers->weight[d] * 2 +
			    r->has_evidence[d];
			int wb = best < 0 ? -1 : ui->s->answers->weight[best] *
			    2 + r->has_evidence[best];

			if (!((shown >> d) & 1) && wd > wb)
				best = d;
		}
		if (best < 0 || ui->s->answers->weight[best] == 0)
			break;
		shown |= 1u << best;
	}
	return shown;
}

/* Option O's row: name, bar, total, and on a wide terminal its score
 * in each dimension SHOWN. */
static void
score_row(struct ui *ui, int o, int namew, int barw, unsigned shown)
{
	const struct model *m = ui->s->model;
	const struct eval_result *r = ui->s->result;
	WINDOW *w = ui->w_scores;
	int best = o == r->recommendation, blocked = (r->blocked >> o) & 1;
	int x = namew + 3 + barw, d, dx = namew + barw + 27;
	char buf[64];

	draw_text(ui, w, o, 1, namew, best ? ROLE_RECOMMENDED : blocked ?
	    ROLE_BLOCKED : ROLE_NORMAL, m->options[o].title);
	draw_bar(ui, w, o, namew + 2, barw, r->total[o], best ?
	    ROLE_BAR_BEST : blocked ? ROLE_BLOCKED : ROLE_BAR);
	draw_fmt(ui, w, o, x, 6, best ? ROLE_RECOMMENDED : ROLE_NORMAL,
	    "%5.1f", r->total[o]);
	x += 6;
	if (best)
		draw_text(ui, w, o, x, 16, ROLE_RECOMMENDED, ui->utf8 ?
		    " \xe2\x97\x80 recommended" : " < recommended");
	for (d = 0; d < m->ndims && d < 32 && dx + DIM_COLS <= ui->cols;
	    d++) {
		if (!((shown >> d) & 1))
			continue;
		snprintf(buf, sizeof buf, "%.4s %3.0f", m->dims[d].title,
		    r->score[o][d]);
		draw_text(ui, w, o, dx, 9, r->has_evidence[d] ? ROLE_NORMAL :
		    ROLE_DIM, buf);
		dx += DIM_COLS;
	}
	if (!best && blocked)
		score_blocked(ui, o, x);
}

/* The recommendation and its confidence on line Y. */
static void
recommendation_line(struct ui *ui, int y)
{
	const struct eval_result *r = ui->s->result;
	WINDOW *w = ui->w_scores;
	char buf[256];
	int x = 1 + draw_text(ui, w, y, 1, 16, ROLE_NORMAL,
	    "Recommendation: ");

	phrase_recommendation(ui->s->model, r, buf, sizeof buf);
	if (r->recommendation < 0) {
		draw_text(ui, w, y, x, ui->cols - x - 1, ROLE_DIM, buf);
		return;
	}
	x += draw_text(ui, w, y, x, ui->cols / 3, ROLE_RECOMMENDED, buf);
	snprintf(buf, sizeof buf, ", confidence %.2f", r->confidence);
	draw_text(ui, w, y, x, ui->cols - x - 1, ROLE_CONFIDENCE, buf);
}

/* What would flip the recommendation, on line Y. */
static void
flip_line(struct ui *ui, int y)
{
	const struct eval_result *r = ui->s->result;
	WINDOW *w = ui->w_scores;
	char buf[1200];
	int x = 1 + draw_text(ui, w, y, 1, 20, ROLE_NORMAL,
	    "What would flip it: ");

	phrase_flip_short(ui->s->model, r, ui->utf8 ? "\xe2\x86\x92" : "->",
	    buf, sizeof buf);
	draw_text(ui, w, y, x, ui->cols - x - 1, r->flip.kind == FLIP_NONE ?
	    ROLE_DIM : ROLE_WARNING, buf);
}

/* Always visible: the options' totals as bars, the recommendation, and
 * what would flip it. */
void
frame_scores(struct ui *ui)
{
	int o, n = ui->s->model->noptions, namew = name_cols(ui);
	/* On a wide terminal each option's dimension scores follow the
	 * bar, every dimension when the bar can give up the room (down to
	 * 16 cells), else those that weigh most; the bars stop at 50. */
	int nd = ui->cols >= UI_WIDE_COLS ? ui->s->model->ndims : 0;
	int barw = ui->cols - namew - 33 - nd * DIM_COLS;
	unsigned shown;

	if (nd > 0 && barw < 16)
		barw = 16;
	if (nd == 0 || barw < 0)
		barw = ui->cols - namew - 33;
	if (barw > 50)
		barw = 50;
	shown = dims_shown(ui, ui->cols - (namew + barw + 27));
	werase(ui->w_scores);
	for (o = 0; o < n; o++)
		score_row(ui, o, namew, barw, shown);
	recommendation_line(ui, n);
	if (ui->s->result->recommendation >= 0)
		flip_line(ui, n + 1);
}

/* The bottom line: the text being edited, else a message, else hints. */
void
frame_hint(struct ui *ui)
{
	WINDOW *w = ui->w_hint;
	char key[32];
	size_t i;
	int x = 1, right;

	werase(w);
	if (edit_active(ui)) {
		edit_draw(ui);
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

		if (b->hint == NULL || !(b->views & (1u << ui->view)) ||
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

void
frame_too_small(struct ui *ui)
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

