/* view_weights.c - the dimension weights, 0 to 5, edited live. */
#include "config.h"

#include "views.h"

#include <stdio.h>

/* The dimension under the cursor. */
struct weights_view {
	int cursor;
};

static void
draw(struct ui *ui, void *priv, WINDOW *w, int rows, int cols)
{
	const struct weights_view *st = priv;
	const struct model *m = ui->s->model;
	int d, y = 0, namew = 20;
	char buf[64];

	draw_text(ui, w, y++, 1, cols - 2, ROLE_HEADING, "Dimension weights");
	draw_wrapped(ui, w, y++, 1, cols - 2, 1, 0, ROLE_DIM, "How much each "
	    "dimension counts in the totals: 0 ignores it, 5 counts it most.");
	y++;
	for (d = 0; d < m->ndims && y < rows; d++, y++) {
		int wt = ui->s->answers->weight[d], at = d == st->cursor;
		int x = 1;

		/* Only the line under the cursor has a marker: blanks in the
		 * key's style would make a stripe. */
		if (at)
			draw_text(ui, w, y, x, 2, ROLE_KEY, ui->utf8 ?
			    "\xe2\x96\xb8 " : "> ");
		x += 2;
		draw_text(ui, w, y, x, namew, at ? ROLE_CURSOR : ROLE_NORMAL,
		    m->dims[d].title);
		x += namew + 1;
		draw_bar(ui, w, y, x, 10, wt * 20.0, at ? ROLE_BAR_BEST :
		    ROLE_BAR);
		snprintf(buf, sizeof buf, " %d%s", wt,
		    wt != m->dims[d].weight ? " (changed)" : "");
		draw_text(ui, w, y, x + 10, cols - x - 11, wt ==
		    m->dims[d].weight ? ROLE_NORMAL : ROLE_WARNING, buf);
	}
	y++;
	if (y < rows && m->dims[st->cursor].help[0] != '\0')
		draw_wrapped(ui, w, y, 3, cols - 4, rows - y, 0, ROLE_HELP,
		    m->dims[st->cursor].help);
}

/* Set the weight of dimension D to W. */
static int
set(struct ui *ui, int d, int w)
{
	unsigned what = 0;
	struct err e;
	int rc = session_set_weight(ui->s, d, w, &what, &e);

	return ui_changed(ui, rc, what, &e);
}

static int
key(struct ui *ui, void *priv, enum action act, int digit)
{
	struct weights_view *st = priv;
	int d = st->cursor, wt = ui->s->answers->weight[d];

	switch (act) {
	case ACT_UP:
		if (st->cursor > 0)
			st->cursor--;
		return UI_DRAW;
	case ACT_DOWN:
		if (st->cursor < ui->s->model->ndims - 1)
			st->cursor++;
		return UI_DRAW;
	case ACT_LEFT:
		return wt > 0 ? set(ui, d, wt - 1) : UI_NONE;
	case ACT_RIGHT:
		return wt < MODEL_MAX_WEIGHT ? set(ui, d, wt + 1) : UI_NONE;
	case ACT_DIGIT:
		return set(ui, d, digit);
	default:
		return UI_NONE;
	}
}

const struct view_ops view_weights = {
	.id = VIEW_WEIGHTS,
	.private_size = sizeof(struct weights_view),
	.draw = draw,
	.key = key,
};
