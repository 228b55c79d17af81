/* view_cost.c - the cost panel: the workload figures, edited typed or
 * stepped, each priced option's monthly cost, the break-even, and a
 * chart of cost against requests per month, a curve per priced option. */
#include "config.h"

#include "views.h"
#include "phrase.h"
#include "text.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

/* A curve's marker and theme role go by the option's position. */
static const char *const glyph_utf8[MODEL_MAX_OPTIONS] = { "\xe2\x97\x8f",
    "\xe2\x96\xa0", "\xe2\x96\xb2", "\xe2\x97\x86", "\xe2\x96\xbc" };
static const char glyph_ascii[MODEL_MAX_OPTIONS] = { 'o', '#', '+', 'x',
    'v' };

/* The workload figure under the cursor, and the one being typed. */
struct cost_view {
	int cursor;
	int typing;
};

static const struct pricing_provider *
provider(const struct ui *ui)
{
	return &ui->s->pricing->provider[(int)ui->s->answers->workload.num[
	    WL_PROVIDER]];
}

/* The figure's value as shown: units, thousands grouped, choices. */
static const char *
show_value(const struct ui *ui, int f, int unit, char *buf, size_t size)
{
	const struct workload *w = &ui->s->answers->workload;
	const struct wl_field *fd = &wl_fields[f];
	char num[64];

	switch (fd->kind) {
	case WL_NUMBER:
		if (f == WL_VCPU && w->num[f] == 0)
			snprintf(buf, size, "from memory (%.2f)",
			    cost_vcpu_per_request(w));
		else
			snprintf(buf, size, "%s%s%s", pricing_group(w->num[f],
			    fd->integer ? 0 : w->num[f] == floor(w->num[f]) ?
			    0 : 2, num, sizeof num), unit ? " " : "",
			    unit ? fd->unit : "");
		break;
	case WL_BOOL:
		snprintf(buf, size, "%s", w->num[f] != 0 ? "on" : "off");
		break;
	case WL_CHOICE:
		snprintf(buf, size, "%s", fd->choices[(int)w->num[f]]);
		break;
	case WL_TEXT: {
		const struct pricing_node *n = cost_node(provider(ui), w);

		if (w->text[f][0] == '\0')
			snprintf(buf, size, "%s (default)", n != NULL ? n->type :
			    "?");
		else
			snprintf(buf, size, "%s", w->text[f]);
		break;
	}
	}
	return buf;
}

/* Width of the figures' column: narrower on an 80-column terminal. */
static int
left_cols(int cols)
{
	return cols >= 100 ? 42 : 35;
}

static void
draw_figures(struct ui *ui, const struct cost_view *st, WINDOW *w, int rows,
    int lw)
{
	char buf[128];
	int f, y = 1, labelw = lw >= 42 ? 22 : 17;

	/* Figures not set are the model's defaults, drawn dim: say so. */
	f = draw_text(ui, w, 0, 1, lw - 2, ROLE_HEADING, "Workload");
	draw_text(ui, w, 0, 1 + f, lw - 2 - f, ROLE_DIM, "  shaded: default");
	for (f = 0; f < WL_NFIELDS && y < rows; f++, y++) {
		int at = f == st->cursor;
		int set = (ui->s->answers->workload.set >> f) & 1;

		/* Blanks in the key's style would make a stripe. */
		if (at)
			draw_text(ui, w, y, 1, 2, ROLE_KEY, ui->utf8 ?
			    "\xe2\x96\xb8 " : "> ");
		draw_text(ui, w, y, 3, labelw, at ? ROLE_CURSOR : ROLE_NORMAL,
		    wl_fields[f].label);
		/* The unit goes when the value needs the room. */
		show_value(ui, f, 1, buf, sizeof buf);
		if (text_width(buf, ui->utf8) > lw - 5 - labelw)
			show_value(ui, f, 0, buf, sizeof buf);
		draw_text(ui, w, y, 4 + labelw, lw - 5 - labelw, set ?
		    ROLE_NORMAL : ROLE_DIM, buf);
	}
}

/* One line of the costs: the option, its monthly figure, how it is made;
 * NAMEW columns for the option's title. */
static void
cost_line(struct ui *ui, WINDOW *w, int y, int x, int cols, int namew,
    int option, double monthly, const char *how)
{
	char money[64];
	int best = option == ui->s->cost_cheapest;

	draw_text(ui, w, y, x, namew - 1, ROLE_NORMAL,
	    ui->s->model->options[option].title);
	pricing_money(ui->s->pricing, monthly, 2, money, sizeof money);
	draw_text(ui, w, y, x + namew, 11, best ? ROLE_RECOMMENDED :
	    ROLE_NORMAL, money);
	draw_text(ui, w, y, x + namew + 11, cols - namew - 11, ROLE_DIM, how);
}

static const char *
bound_name(enum cost_bound b)
{
	return b == COST_BOUND_MINIMUM ? "minimum" : b == COST_BOUND_VCPU ?
	    "vCPU" : "memory";
}

/* How option O's figure is made, in a few words. */
static void
cost_how(const struct ui *ui, int o, char *buf, size_t size)
{
	const struct cost_result *r = &ui->s->cost;
	char money[64], num[64];
	size_t n;

	switch (r->option_shape[o]) {
	case MODEL_SHAPE_FUNCTIONS:
		n = (size_t)snprintf(buf, size, "compute %s + requests %s",
		    pricing_money(ui->s->pricing, r->functions.compute, 2, money,
		    sizeof money), pricing_money(ui->s->pricing,
		    r->functions.requests, 2, num, sizeof num));
		if (r->functions.gateway > 0 && n < size)
			snprintf(buf + n, size - n, " + gateway %s",
			    pricing_money(ui->s->pricing, r->functions.gateway, 2,
			    money, sizeof money));
		break;
	case MODEL_SHAPE_CLUSTER:
		snprintf(buf, size, "%.0f %s (%s-bound)", r->cluster.nodes,
		    r->node != NULL ? r->node->type : "?",
		    bound_name(r->cluster.bound));
		break;
	case MODEL_SHAPE_SPLIT:
		snprintf(buf, size, "%.0f%% on functions, %.0f node%s",
		    r->split.share, r->split.cluster.present ?
		    r->split.cluster.nodes : 0.0, r->split.cluster.present &&
		    r->split.cluster.nodes == 1 ? "" : "s");
		break;
	case MODEL_SHAPE_CONTAINERS:
		snprintf(buf, size, "%.2f instances (%s-bound)",
		    r->containers.instances, bound_name(r->containers.bound));
		break;
	default:
		snprintf(buf, size, "not priced");
		break;
	}
}

static double
clampd(double v, double lo, double hi)
{
	return v < lo ? lo : v > hi ? hi : v;
}

/* Option S's value at chart column C of WIDTH, interpolated in log
 * space between the cost model's samples. */
static double
series_at(const struct cost_result *r, int s, int c, int width)
{
	double t = width > 1 ? (double)c / (width - 1) * (COST_SAMPLES - 1) :
	    0, a, b;
	int i = (int)t;

	if (i >= COST_SAMPLES - 1)
		i = COST_SAMPLES - 2;
	t -= i;
	a = r->samples[i].option[s];
	b = r->samples[i + 1].option[s];
	if (a <= 0 || b <= 0)
		return a + (b - a) * t;
	return exp(log(a) + (log(b) - log(a)) * t);
}

/* Column of VOLUME on the chart's log axis, or -1 off the chart. */
static int
volume_col(double volume, int width)
{
	double lo = log10(COST_SAMPLE_FIRST), hi = lo + (COST_SAMPLES - 1.0) /
	    COST_SAMPLES_PER_DECADE, x;

	if (volume <= 0)
		return -1;
	x = (log10(volume) - lo) / (hi - lo) * (width - 1);
	return x < -0.5 || x > width - 0.5 ? -1 : (int)lround(x);
}

/* Where the chart is in the window and what its cost axis spans. */
struct chart {
	int top, x0;		/* the top left corner, the y labels' column */
	int width, height;	/* the plot's, right of the labels */
	double lo, hi;		/* the costs at the bottom and the top */
};

/* The cheapest and the dearest priced cost sampled, LO kept clear of
 * zero for the log scale; 0, or -1 when there is nothing to plot. */
static int
chart_range(const struct cost_result *r, struct chart *ch)
{
	double lo = INFINITY, hi = 0, v;
	int s, c;

	for (c = 0; c < COST_SAMPLES; c++)
		for (s = 0; s < r->noptions; s++) {
			v = r->samples[c].option[s];
			if (r->option_shape[s] < 0)
				continue;
			if (v > 0 && v < lo)
				lo = v;
			if (v > hi)
				hi = v;
		}
	if (!(hi > 0))
		return -1;
	if (!(lo < hi)) {
		lo = hi / 10;
	}
	ch->lo = lo < 0.01 ? 0.01 : lo;
	ch->hi = hi;
	return 0;
}

/* The chart row (0 at the bottom) that cost V falls on. */
static int
cost_row(const struct chart *ch, double v)
{
	return (int)lround((log(clampd(v, ch->lo, ch->hi)) - log(ch->lo)) /
	    (log(ch->hi) - log(ch->lo)) * (ch->height - 1));
}

/* Label row Y (0 at the bottom) of the y axis with cost V, and tick it
 * when TICK. */
static void
y_label(struct ui *ui, WINDOW *w, const struct chart *ch, int y, double v,
    int tick)
{
	char money[32];

	pricing_money(ui->s->pricing, v, v < 1 ? 2 : 0, money, sizeof money);
	draw_text(ui, w, ch->top + ch->height - 1 - y, ch->x0, 8, ROLE_DIM,
	    money);
	if (tick)
		draw_fill(ui, w, ch->top + ch->height - 1 - y, ch->x0 + 8, 1,
		    ROLE_BORDER, "\xe2\x94\xa4", '+');
}

/* Round costs between the ends, on rows clear of other labels: powers
 * of ten first, then 2 and 5 times them. */
static void
y_round_labels(struct ui *ui, WINDOW *w, const struct chart *ch)
{
	static const double steps[] = { 1, 2, 5 };
	char used[256] = { 0 };
	double v;
	size_t i;
	int y, k;

	if (ch->height > (int)sizeof used)
		return;
	used[0] = used[ch->height - 1] = 1;
	for (i = 0; i < sizeof steps / sizeof steps[0]; i++)
		for (k = -2; k <= 9; k++) {
			v = steps[i] * pow(10, k);
			if (!(v > ch->lo && v < ch->hi))
				continue;
			y = cost_row(ch, v);
			if (y <= 0 || y >= ch->height - 1 || used[y] ||
			    used[y - 1] || used[y + 1])
				continue;
			used[y] = 1;
			y_label(ui, w, ch, y, v, 1);
		}
}

/* The y axis: cost on a log scale, labelled at both ends and at round
 * costs between them. */
static void
draw_y_axis(struct ui *ui, WINDOW *w, const struct chart *ch)
{
	int y;

	for (y = 0; y < ch->height; y++)
		draw_fill(ui, w, ch->top + y, ch->x0 + 8, 1, ROLE_BORDER,
		    "\xe2\x94\x82", '|');
	y_label(ui, w, ch, ch->height - 1, ch->hi, 0);
	y_label(ui, w, ch, 0, ch->lo, 0);
	y_round_labels(ui, w, ch);
	draw_fill(ui, w, ch->top + ch->height, ch->x0 + 8, 1, ROLE_BORDER,
	    "\xe2\x94\x94", '+');
	draw_hline(ui, w, ch->top + ch->height, ch->x0 + 9, ch->width);
}

/* Where the workload is now, and the break-even. */
static void
draw_marks(struct ui *ui, WINDOW *w, const struct chart *ch)
{
	const struct cost_result *r = &ui->s->cost;
	int col, y;

	col = volume_col(ui->s->answers->workload.num[WL_REQUESTS],
	    ch->width);
	if (col >= 0) {
		for (y = 0; y < ch->height; y++)
			draw_fill(ui, w, ch->top + y, ch->x0 + 9 + col, 1,
			    ROLE_DIM, "\xe2\x94\x8a", ':');
		/* And on the axis, where the volumes are read. */
		draw_fill(ui, w, ch->top + ch->height, ch->x0 + 9 + col, 1,
		    ROLE_DIM, "\xe2\x94\xb4", '+');
	}
	if (r->break_even_kind == COST_BE_CROSSING &&
	    (col = volume_col(r->break_even, ch->width)) >= 0)
		draw_fill(ui, w, ch->top + ch->height, ch->x0 + 9 + col, 1,
		    ROLE_WARNING, "\xe2\x96\xb2", '^');
}

/* A curve per priced option.  Where curves meet in a cell they take
 * turns, column by column, so none hides under another. */
static void
draw_curves(struct ui *ui, WINDOW *w, const struct chart *ch)
{
	const struct cost_result *r = &ui->s->cost;
	int row[MODEL_MAX_OPTIONS], s, t, c, n, k, height = ch->height;
	double v;

	for (c = 0; c < ch->width; c++) {
		for (s = 0; s < r->noptions; s++) {
			v = series_at(r, s, c, ch->width);
			row[s] = r->option_shape[s] < 0 ? -1 :
			    cost_row(ch, v > 0 ? v : ch->lo);
		}
		for (s = 0; s < r->noptions; s++) {
			if (row[s] < 0)
				continue;
			for (t = 0, n = 0, k = 0; t < r->noptions; t++)
				if (row[t] == row[s]) {
					k += t < s;
					n++;
				}
			if (c % n != k)
				continue;
			draw_fill(ui, w, ch->top + height - 1 - row[s],
			    ch->x0 + 9 + c, 1, ROLE_CHART_1 + s, ui->utf8 ?
			    glyph_utf8[s] : "", glyph_ascii[s]);
		}
	}
}

/* The x axis: requests a month, a label a decade where they fit. */
static void
draw_x_labels(struct ui *ui, WINDOW *w, const struct chart *ch)
{
	int c, col, lx, width = ch->width;

	for (c = 0; c <= 6; c++) {
		static const char *const names[] = { "10k", "100k", "1M",
		    "10M", "100M", "1G", "10G" };

		col = (int)lround((double)c / 6 * (width - 1));
		if (c > 0 && c < 6 && width < 36 && c % 2)
			continue;
		lx = ch->x0 + 9 + col - (c == 6 ? (int)strlen(names[c]) - 1 :
		    0);
		draw_text(ui, w, ch->top + ch->height + 1, lx, 5, ROLE_DIM,
		    names[c]);
	}
}

static void
draw_chart(struct ui *ui, WINDOW *w, int top, int x0, int rows, int cols)
{
	struct chart ch = { .top = top, .x0 = x0, .width = cols - 9,
	    .height = rows - 2 };

	if (ch.width < 10 || ch.height < 3)
		return;
	if (chart_range(&ui->s->cost, &ch) != 0)
		return;
	draw_y_axis(ui, w, &ch);
	draw_marks(ui, w, &ch);
	draw_curves(ui, w, &ch);
	draw_x_labels(ui, w, &ch);
}

/* The price list's provider, region and date over the costs, and
 * whether it is stale. */
static void
draw_prices_heading(struct ui *ui, WINDOW *w, int x, int width)
{
	char buf[256];
	int n;

	snprintf(buf, sizeof buf, "%s %s, prices of %s", width >= 60 ?
	    provider(ui)->name : provider(ui)->id, provider(ui)->region,
	    provider(ui)->date);
	n = draw_text(ui, w, 0, x, width, ROLE_HEADING, buf);
	if (pricing_is_stale(provider(ui)->day, ui->s->now))
		draw_text(ui, w, 0, x + n + 1, width - n - 1, ROLE_WARNING,
		    width >= 60 ? "STALE: over a year old" : "STALE");
}

/* The titles' column fits the longest priced title, within reason. */
static int
title_cols(const struct ui *ui, int width)
{
	const struct model *m = ui->s->model;
	int o, namew = 11;

	for (o = 0; o < m->noptions; o++)
		if (ui->s->cost.option_shape[o] >= 0 &&
		    text_width(m->options[o].title, ui->utf8) + 1 > namew)
			namew = text_width(m->options[o].title, ui->utf8) + 1;
	if (namew > width - 20)
		namew = width - 20;
	return namew;
}

/* Each priced option's monthly cost from line Y, then the break-even;
 * returns the line after them. */
static int
draw_costs(struct ui *ui, WINDOW *w, int y, int x, int width)
{
	const struct cost_result *r = &ui->s->cost;
	int namew = title_cols(ui, width), o;
	char buf[256];

	for (o = 0; o < ui->s->model->noptions; o++) {
		double v;

		if (cost_option_monthly(r, o, &v) != 0)
			continue;
		cost_how(ui, o, buf, sizeof buf);
		cost_line(ui, w, y++, x, width, namew, o, v, buf);
	}
	if (r->break_even_kind != COST_BE_NONE) {
		char be[256];

		snprintf(buf, sizeof buf, "Break-even: %s.", phrase_break_even(r,
		    be, sizeof be));
		y += draw_wrapped(ui, w, y, x, width, 3, 0, ROLE_CONFIDENCE,
		    buf);
	}
	return y;
}

/* The chart's legend from line Y, wrapped where it does not fit;
 * returns the line it ends on. */
static int
draw_legend(struct ui *ui, WINDOW *w, int y, int x, int width, int cols)
{
	const struct model *m = ui->s->model;
	int o, lx = x;

	for (o = 0; o < m->noptions; o++) {
		int tw = text_width(m->options[o].title, ui->utf8);
		char g[8];

		if (ui->s->cost.option_shape[o] < 0)
			continue;
		if (tw > width - 4)
			tw = width - 4;
		if (lx > x && lx + 2 + tw > x + width) {
			lx = x;
			y++;
		}
		if (ui->utf8)
			snprintf(g, sizeof g, "%s ", glyph_utf8[o]);
		else
			snprintf(g, sizeof g, "%c ", glyph_ascii[o]);
		lx += draw_text(ui, w, y, lx, 2, ROLE_CHART_1 + o, g);
		lx += draw_text(ui, w, y, lx, tw, ROLE_DIM,
		    m->options[o].title) + 2;
	}
	if (lx > x && lx + 5 > x + width) {
		lx = x;
		y++;
	}
	draw_text(ui, w, y, lx, cols - lx - 1, ROLE_DIM, ui->utf8 ?
	    "\xe2\x94\x8a now" : ": now");
	return y;
}

static void
draw(struct ui *ui, void *priv, WINDOW *w, int rows, int cols)
{
	int lw = left_cols(cols), x = lw + 2, width = cols - x - 1, y = 1;

	draw_figures(ui, priv, w, rows, lw);
	draw_vline(ui, w, 0, lw, rows);
	if (ui->s->pricing == NULL) {
		draw_wrapped(ui, w, 0, x, width, rows, 0, ROLE_WARNING,
		    "No price list is loaded.");
		return;
	}
	draw_prices_heading(ui, w, x, width);
	if (!ui->s->cost_ok) {
		draw_wrapped(ui, w, y, x, width, rows - y, 0, ROLE_ERROR,
		    ui->s->cost_problem);
		return;
	}
	y = draw_costs(ui, w, y, x, width);
	/* Legend, then the chart in what is left. */
	if (rows - y >= 7) {
		y = draw_legend(ui, w, y, x, width, cols) + 1;
		draw_chart(ui, w, y, x, rows - y, width);
	}
}

/* The next on/off, choice or node type of figure F, a step DIR away. */
static int
step_choice(struct ui *ui, int f, int dir, char *out, size_t size)
{
	const struct wl_field *fd = &wl_fields[f];
	const struct workload *w = &ui->s->answers->workload;
	double v = w->num[f];

	switch (fd->kind) {
	case WL_BOOL:
		snprintf(out, size, "%s", v != 0 ? "false" : "true");
		return 0;
	case WL_CHOICE: {
		int n = 0, i = (int)v;

		while (fd->choices[n] != NULL)
			n++;
		snprintf(out, size, "%s", fd->choices[(i + dir + n) % n]);
		return 0;
	}
	case WL_TEXT: {
		const struct pricing_provider *pv = provider(ui);
		const struct pricing_node *cur = cost_node(pv, w);
		int i = cur != NULL ? (int)(cur - pv->nodes) : 0;

		if (pv->nnodes == 0)
			return -1;
		snprintf(out, size, "%s", pv->nodes[(i + dir + pv->nnodes) %
		    pv->nnodes].type);
		return 0;
	}
	case WL_NUMBER:
		break;
	}
	return -1;
}

/* 1, 2, 5, 10, 20, 50 ...: a step is a feel for the scale. */
static double
step_scale(double v, int dir)
{
	double e = v > 0 ? floor(log10(v)) : 0, base = pow(10, e);
	double m = v / base;
	static const double marks[] = { 1, 2, 5, 10 };
	int i;

	if (v <= 0)
		return dir > 0 ? 1 : 0;
	if (dir > 0) {
		for (i = 0; i < 4 && marks[i] <= m * (1 + 1e-9); i++)
			;
		return marks[i < 4 ? i : 3] * base;
	}
	for (i = 3; i >= 0 && marks[i] >= m * (1 - 1e-9); i--)
		;
	return i >= 0 ? marks[i] * base : base / 2;
}

/* Number figure F one step DIR from V, before it is clamped. */
static double
step_number(int f, double v, int dir)
{
	switch (f) {
	case WL_REQUESTS:
	case WL_DURATION:
	case WL_MEMORY:
	case WL_PEAK_RATIO:
		return step_scale(v, dir);
	case WL_UTILIZATION:
		return v + 5 * dir;
	case WL_FUNCTION_SHARE:
		return v + 10 * dir;
	case WL_VCPU:
		return v + 0.25 * dir;
	default:
		return v + dir;
	}
}

/* The next value of figure F one step up (DIR 1) or down (-1). */
static int
step(struct ui *ui, int f, int dir, char *out, size_t size)
{
	const struct wl_field *fd = &wl_fields[f];
	double v = ui->s->answers->workload.num[f], nv;

	if (fd->kind != WL_NUMBER)
		return step_choice(ui, f, dir, out, size);
	nv = clampd(step_number(f, v, dir), fd->min, fd->max);
	if (nv == v)
		return -1;
	snprintf(out, size, "%.15g", nv);
	return 0;
}

/* Set figure F from TEXT (NULL: the default). */
static int
set(struct ui *ui, int f, const char *text)
{
	unsigned what = 0;
	struct err e;
	int rc = session_set_workload(ui->s, f, text, &what, &e);

	return ui_changed(ui, rc, what, &e);
}

static int
typed(struct ui *ui, void *priv, const char *text)
{
	struct cost_view *st = priv;

	return set(ui, st->typing, text[0] != '\0' ? text : NULL);
}

static int
key(struct ui *ui, void *priv, enum action act, int digit)
{
	struct cost_view *st = priv;
	char value[WL_TEXT_MAX + 32], prompt[96], cur[WL_TEXT_MAX + 32];
	int f = st->cursor;

	(void)digit;
	switch (act) {
	case ACT_UP:
		if (st->cursor > 0)
			st->cursor--;
		return UI_DRAW;
	case ACT_DOWN:
		if (st->cursor < WL_NFIELDS - 1)
			st->cursor++;
		return UI_DRAW;
	case ACT_LEFT:
	case ACT_RIGHT:
		if (ui->s->pricing == NULL ||
		    step(ui, f, act == ACT_RIGHT ? 1 : -1, value,
		    sizeof value) != 0)
			return UI_NONE;
		return set(ui, f, value);
	case ACT_CLEAR:
		if (!((ui->s->answers->workload.set >> f) & 1))
			return UI_NONE;
		return set(ui, f, NULL);
	case ACT_EDIT:
		snprintf(prompt, sizeof prompt, "%s%s%s:", wl_fields[f].label,
		    wl_fields[f].unit[0] ? " in " : "", wl_fields[f].unit);
		workload_format(&ui->s->answers->workload, f, cur, sizeof cur);
		st->typing = f;
		edit_start(ui, prompt, cur, EDIT_REPLACE, typed, st);
		snprintf(value, sizeof value, "workload:%s", wl_fields[f].key);
		edit_draft(ui, value);
		return UI_NONE;
	default:
		return UI_NONE;
	}
}

void
view_cost_draft(struct ui *ui, void *priv, int f, const char *text)
{
	struct cost_view *st = priv;

	st->cursor = f;
	key(ui, st, ACT_EDIT, 0);
	if (!edit_active(ui))
		return;
	ui->edit.flags &= ~(unsigned)EDIT_REPLACE;
	edit_replace(ui, text);
	snprintf(ui->edit.prompt, sizeof ui->edit.prompt, "Unsaved %s, as you "
	    "left it:", wl_fields[f].label);
}

const struct view_ops view_cost = {
	.id = VIEW_COST,
	.private_size = sizeof(struct cost_view),
	.draw = draw,
	.key = key,
};
