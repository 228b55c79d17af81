/* view_table.c - the comparison tables, full size and beside the
 * questionnaire. */
#include "config.h"

#include "views.h"
#include "text.h"

#include <stdio.h>
#include <string.h>

/* The table shown, and how far it is scrolled. */
struct table_view {
	int table;
	struct scroll sc;
};

/* Whether a row of table T names question Q. */
static int
row_names(const struct model_row *row, int q)
{
	int k;

	for (k = 0; k < row->nquestions; k++)
		if (row->questions[k] == q)
			return 1;
	return 0;
}

/* The table that bears most on question Q: the one with most rows
 * naming it, the first on a tie; 0 when none does. */
static int
table_for_question(const struct model *m, int q)
{
	int t, r, best = 0, best_n = 0;

	for (t = 0; t < m->ntables; t++) {
		int n = 0;

		for (r = 0; r < m->tables[t].nrows; r++)
			n += row_names(&m->tables[t].rows[r], q);
		if (n > best_n) {
			best_n = n;
			best = t;
		}
	}
	return best;
}

static void
open_view(struct ui *ui, void *priv)
{
	struct table_view *st = priv;

	st->sc.top = 0;
	if (ui->s->model->ntables > 0)
		st->table = table_for_question(ui->s->model, ui->question);
}

/* Height of a row: its tallest cell, wrapped. */
static int
row_height(struct ui *ui, const struct model_row *row, int noptions,
    int labelw, int cellw)
{
	int h = text_wrap(row->label, labelw, ui->utf8, NULL, 0), o, n;

	for (o = 0; o < noptions; o++) {
		n = text_wrap(row->cells[o], cellw, ui->utf8, NULL, 0);
		if (n > h)
			h = n;
	}
	return h;
}

/* Draw lines SKIP.. of a row at Y, at most MAXROWS of them. */
static void
draw_row(struct ui *ui, WINDOW *w, const struct model_table *t, int r,
    int y, int skip, int maxrows, int labelw, int cellw)
{
	const struct model *m = ui->s->model;
	const struct eval_result *res = ui->s->result;
	const struct model_row *row = &t->rows[r];
	int idx = t->first_row + r, o, x;
	int relevant = res->row_relevant[idx], fav = res->row_favors[idx];

	if (skip == 0 && relevant)
		draw_text(ui, w, y, 0, 2, ROLE_RELEVANT, ui->utf8 ?
		    "\xe2\x97\x8f " : "* ");
	draw_wrapped(ui, w, y, 2, labelw - 2, maxrows, skip, relevant ?
	    ROLE_RELEVANT : ROLE_NORMAL, row->label);
	for (o = 0; o < m->noptions; o++) {
		int blocked = (res->blocked >> o) & 1;

		x = labelw + 1 + o * (cellw + 1);
		if (o == fav && skip == 0)
			draw_text(ui, w, y, x, 2, ROLE_FAVOURED, ui->utf8 ?
			    "\xe2\x9c\x93 " : "+ ");
		draw_wrapped(ui, w, y, x + 2, cellw - 2, maxrows, skip,
		    blocked ? ROLE_BLOCKED : o == fav ? ROLE_FAVOURED :
		    ROLE_NORMAL, row->cells[o]);
	}
}

/* Header: the table, where it is among them, the legend. */
static void
draw_header(struct ui *ui, const struct table_view *st, WINDOW *w,
    int cols)
{
	const struct model *m = ui->s->model;
	const struct model_table *t = &m->tables[st->table];
	const char *legend = ui->utf8 ?
	    "\xe2\x97\x8f matters here  \xe2\x9c\x93 favoured" :
	    "* matters here  + favoured";
	char buf[256];
	int x;

	x = 1 + draw_text(ui, w, 0, 1, cols / 2, ROLE_HEADING, t->title);
	snprintf(buf, sizeof buf, " (%d of %d, weight %d)", st->table + 1,
	    m->ntables, ui->s->answers->weight[t->dim]);
	x += draw_text(ui, w, 0, x, cols - x, ROLE_DIM, buf);
	if (x + 2 + text_width(legend, ui->utf8) < cols)
		draw_text(ui, w, 0, cols - 1 - text_width(legend, ui->utf8),
		    cols, ROLE_DIM, legend);
}

/* The table of the dimension the bill counts in (`cost: true` in the
 * model) carries the workload's monthly figures, on line Y. */
static void
draw_monthly(struct ui *ui, WINDOW *w, int y, int cols)
{
	const struct model *m = ui->s->model;
	char buf[256], money[32];
	size_t n = (size_t)snprintf(buf, sizeof buf, "Monthly for this "
	    "workload:");
	double v;
	int o, k = 0;

	for (o = 0; o < m->noptions && n < sizeof buf; o++)
		if (cost_option_monthly(&ui->s->cost, o, &v) == 0)
			n += (size_t)snprintf(buf + n, sizeof buf - n,
			    "%s %s %s", k++ > 0 ? "," : "",
			    m->options[o].title, pricing_money(
			    ui->s->pricing, v, 2, money, sizeof money));
	if (n < sizeof buf)
		snprintf(buf + n, sizeof buf - n, " (c: details)");
	draw_text(ui, w, y, 2, cols - 3, ROLE_CONFIDENCE, buf);
}

/* The options' titles over their columns, on line Y. */
static void
draw_option_titles(struct ui *ui, WINDOW *w, int y, int labelw, int cellw)
{
	const struct model *m = ui->s->model;
	const struct eval_result *res = ui->s->result;
	char buf[256];
	int o;

	for (o = 0; o < m->noptions; o++) {
		int blocked = (res->blocked >> o) & 1;

		snprintf(buf, sizeof buf, "%s%s", m->options[o].title,
		    blocked ? " (blocked)" : "");
		draw_text(ui, w, y, labelw + 3 + o * (cellw + 1), cellw - 2,
		    blocked ? ROLE_BLOCKED : o == res->recommendation ?
		    ROLE_RECOMMENDED : ROLE_HEADING, buf);
	}
}

/* Rows from line TOP down, a blank line between them, scrolled by
 * lines; the last line says where the scroll is when not all fit. */
static void
draw_rows(struct ui *ui, struct scroll *sc, WINDOW *w,
    const struct model_table *t, int top, int rows, int cols, int labelw,
    int cellw)
{
	const struct model *m = ui->s->model;
	int r, line, total = 0, avail, h;
	char buf[256];

	for (r = 0; r < t->nrows; r++)
		total += row_height(ui, &t->rows[r], m->noptions, labelw - 2,
		    cellw - 2) + (r > 0);
	avail = rows - top;
	if (total > avail)
		avail--;	/* the last line says there is more */
	sc->max = total > avail ? total - avail : 0;
	if (sc->top > sc->max)
		sc->top = sc->max;
	for (line = 0, r = 0; r < t->nrows; r++) {
		int y, skip;

		line += r > 0;
		h = row_height(ui, &t->rows[r], m->noptions, labelw - 2,
		    cellw - 2);
		if (line + h > sc->top && line - sc->top < avail) {
			skip = sc->top > line ? sc->top - line : 0;
			y = top + line + skip - sc->top;
			draw_row(ui, w, t, r, y, skip, top + avail - y, labelw,
			    cellw);
		}
		line += h;
	}
	if (sc->max > 0) {
		snprintf(buf, sizeof buf, "%s lines %d-%d of %d",
		    sc->top < sc->max ? (ui->utf8 ?
		    "\xe2\x86\x93 more:" : "more:") : "end:", sc->top + 1,
		    sc->top + avail, total);
		draw_text(ui, w, rows - 1, 2, cols - 3, ROLE_DIM, buf);
	}
}

static void
draw(struct ui *ui, void *priv, WINDOW *w, int rows, int cols)
{
	struct table_view *st = priv;
	const struct model *m = ui->s->model;
	const struct model_table *t;
	int labelw, cellw, top = 2;

	if (m->ntables == 0) {
		draw_text(ui, w, 0, 1, cols - 2, ROLE_DIM, "This model has no "
		    "comparison tables.");
		return;
	}
	t = &m->tables[st->table];
	labelw = cols / 5 < 14 ? 14 : cols / 5;
	cellw = (cols - labelw - 1 - m->noptions) / m->noptions;
	draw_header(ui, st, w, cols);
	if (t->dim == m->cost_dim && ui->s->cost_ok) {
		draw_monthly(ui, w, top - 1, cols);
		top++;
	}
	draw_option_titles(ui, w, top - 1, labelw, cellw);
	draw_rows(ui, &st->sc, w, t, top, rows, cols, labelw, cellw);
}

/* Show table T from its top. */
static int
show(struct table_view *st, int t)
{
	st->table = t;
	st->sc.top = 0;
	return UI_DRAW;
}

static int
key(struct ui *ui, void *priv, enum action act, int digit)
{
	struct table_view *st = priv;
	int n = ui->s->model->ntables;

	if (n == 0)
		return UI_NONE;
	switch (act) {
	case ACT_RIGHT:
		return show(st, (st->table + 1) % n);
	case ACT_LEFT:
		return show(st, (st->table + n - 1) % n);
	case ACT_DIGIT:
		if (digit < 1 || digit > n)
			return UI_NONE;
		return show(st, digit - 1);
	default:
		return scroll_key(&st->sc, act, ui->body_rows - 3);
	}
}

void
view_table_side(struct ui *ui, WINDOW *w, int rows, int cols)
{
	const struct model *m = ui->s->model;
	const struct eval_result *res = ui->s->result;
	const struct model_table *t;
	int r, o, y = 0, shown = 0;

	draw_vline(ui, w, 0, 0, rows);
	if (m->ntables == 0)
		return;
	t = &m->tables[table_for_question(m, ui->question)];
	y += draw_wrapped(ui, w, y, 2, cols - 3, rows - y, 0, ROLE_HEADING,
	    t->title);
	/* The rows this question bears on, each option's cell below. */
	for (r = 0; r < t->nrows && y < rows; r++) {
		const struct model_row *row = &t->rows[r];
		int fav = res->row_favors[t->first_row + r];

		if (!row_names(row, ui->question))
			continue;
		shown++;
		y++;
		y += draw_wrapped(ui, w, y, 2, cols - 3, rows - y, 0,
		    ROLE_RELEVANT, row->label);
		for (o = 0; o < m->noptions && y < rows; o++) {
			int lx = 2, blocked = (res->blocked >> o) & 1;

			lx += draw_text(ui, w, y, lx, cols / 3, blocked ?
			    ROLE_BLOCKED : o == fav ? ROLE_FAVOURED :
			    ROLE_HEADING, m->options[o].title);
			lx += draw_text(ui, w, y, lx, 2, ROLE_DIM, ": ");
			y += draw_wrapped(ui, w, y, lx, cols - lx - 1, rows - y,
			    0, blocked ? ROLE_BLOCKED : ROLE_NORMAL,
			    row->cells[o]);
		}
	}
	if (shown == 0)
		draw_wrapped(ui, w, 2, 2, cols - 3, rows - 2, 0, ROLE_DIM,
		    "No row of the comparison tables names this question; "
		    "t shows them all.");
}

const struct view_ops view_table = {
	.id = VIEW_TABLE,
	.private_size = sizeof(struct table_view),
	.draw = draw,
	.key = key,
	.open = open_view,
};
