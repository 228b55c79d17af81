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

/* A curve's marker and theme role go by the option's position; the
 * break-even has a sign of its own. */
static const char *const glyph_utf8[MODEL_MAX_OPTIONS] = { "\xe2\x97\x8f",
    "\xe2\x96\xa0", "\xe2\x96\xb2", "\xe2\x97\x86", "\xe2\x96\xbc" };
static const char glyph_ascii[MODEL_MAX_OPTIONS] = { 'o', '#', '+', 'x',
    'v' };
#define BREAK_EVEN_UTF8 "\xc3\x97"
#define BREAK_EVEN_ASCII '*'

/* The workload figure under the cursor, the first one shown (the list
 * scrolls with the cursor), and the one being typed. */
struct cost_view {
	int cursor;
	int top;
	int typing;
};

static const struct pricing_provider *
provider(const struct ui *ui)
{
	return &ui->s->pricing->provider[(int)ui->s->answers->workload.num[
	    WL_PROVIDER]];
}

/* The figure's value as shown: units, thousands grouped, choices; with
 * UNIT 0, short (no unit, no "(default)": the shading says it). */
static const char *
show_value(const struct ui *ui, int f, int unit, char *buf, size_t size)
{
	const struct workload *w = &ui->s->answers->workload;
	const struct wl_field *fd = &wl_fields[f];
	char num[64];

	switch (fd->kind) {
	case WL_NUMBER:
		if (f == WL_VCPU && w->num[f] == 0)
			snprintf(buf, size, unit ? "from memory (%.2f)" :
			    "%.2f (memory)", cost_vcpu_per_request(w));
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
			snprintf(buf, size, "%s%s", n != NULL ? n->type : "?",
			    unit ? " (default)" : "");
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

/* The figures from line 1, as many as there are lines, scrolled to keep
 * the cursor in view; the heading says where the list is when not all
 * of it is shown. */
static void
draw_figures(struct ui *ui, struct cost_view *st, WINDOW *w, int rows,
    int lw)
{
	char buf[128];
	int f, y = 1, labelw = lw >= 42 ? 22 : 17, shown = rows - 1, n, vx;

	if (shown < 1)
		shown = 1;
	if (st->cursor < st->top)
		st->top = st->cursor;
	if (st->cursor >= st->top + shown)
		st->top = st->cursor - shown + 1;
	if (st->top > WL_NFIELDS - shown)
		st->top = WL_NFIELDS - shown > 0 ? WL_NFIELDS - shown : 0;
	/* Figures not set are the model's defaults, drawn dim: say so. */
	f = draw_text(ui, w, 0, 1, lw - 2, ROLE_HEADING, "Workload");
	f += draw_text(ui, w, 0, 1 + f, lw - 2 - f, ROLE_DIM,
	    "  shaded: default");
	if (shown < WL_NFIELDS) {
		snprintf(buf, sizeof buf, "%s%d/%d", st->top > 0 ?
		    (ui->utf8 ? "\xe2\x86\x91" : "^") : " ",
		    st->cursor + 1, WL_NFIELDS);
		if (st->top + shown < WL_NFIELDS)
			snprintf(buf + strlen(buf), sizeof buf - strlen(buf),
			    "%s", ui->utf8 ? "\xe2\x86\x93" : "v");
		n = text_width(buf, ui->utf8);
		if (1 + f + 1 + n <= lw - 1)
			draw_text(ui, w, 0, lw - 1 - n, n, ROLE_DIM, buf);
	}
	for (f = st->top; f < WL_NFIELDS && y < rows; f++, y++) {
		int at = f == st->cursor;
		int set = (ui->s->answers->workload.set >> f) & 1;

		/* Blanks in the key's style would make a stripe. */
		if (at)
			draw_text(ui, w, y, 1, 2, ROLE_KEY, ui->utf8 ?
			    "\xe2\x96\xb8 " : "> ");
		/* The unit goes when the value needs the room; a label
		 * longer than its column takes the room its value leaves. */
		show_value(ui, f, 1, buf, sizeof buf);
		if (text_width(buf, ui->utf8) > lw - 5 - labelw)
			show_value(ui, f, 0, buf, sizeof buf);
		n = text_width(wl_fields[f].label, ui->utf8);
		vx = 4 + labelw;
		if (n > labelw && 4 + n + text_width(buf, ui->utf8) <= lw - 1)
			vx = 4 + n;
		draw_text(ui, w, y, 3, vx - 4, at ? ROLE_CURSOR : ROLE_NORMAL,
		    wl_fields[f].label);
		draw_text(ui, w, y, vx, lw - 1 - vx, set ? ROLE_NORMAL :
		    ROLE_DIM, buf);
	}
}

static const char *
bound_name(enum cost_bound b)
{
	return b == COST_BOUND_MINIMUM ? "minimum" : b == COST_BOUND_VCPU ?
	    "vCPU" : "memory";
}

/* How option O's figure is made, in a few words: FORM 0 in full, 1
 * and 2 shorter, in words (never a word cut off). */
static void
cost_how(const struct ui *ui, int o, int form, char *buf, size_t size)
{
	const struct cost_result *r = &ui->s->cost;
	char money[64], num[64];
	double nodes = r->split.cluster.present ? r->split.cluster.nodes : 0;
	size_t n;

	switch (r->option_shape[o]) {
	case MODEL_SHAPE_FUNCTIONS:
		if (form > 0) {
			snprintf(buf, size, "compute + requests%s",
			    r->functions.gateway > 0 ? " + gateway" : "");
			break;
		}
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
		if (form == 0)
			snprintf(buf, size, "%.0f %s (%s-bound)",
			    r->cluster.nodes, r->node != NULL ? r->node->type :
			    "?", bound_name(r->cluster.bound));
		else if (form == 1)
			snprintf(buf, size, "%.0f %s", r->cluster.nodes,
			    r->node != NULL ? r->node->type : "?");
		else
			snprintf(buf, size, "%.0f node%s", r->cluster.nodes,
			    r->cluster.nodes == 1 ? "" : "s");
		break;
	case MODEL_SHAPE_SPLIT:
		snprintf(buf, size, form == 0 ? "%.0f%% on functions, %.0f "
		    "node%s" : form == 1 ? "%.0f%% functions, %.0f node%s" :
		    "%.0f%% + %.0f node%s", r->split.share, nodes,
		    nodes == 1 ? "" : "s");
		break;
	case MODEL_SHAPE_CONTAINERS:
		if (form == 0)
			snprintf(buf, size, "%.2f instances (%s-bound)",
			    r->containers.instances,
			    bound_name(r->containers.bound));
		else
			snprintf(buf, size, "%.2f instances",
			    r->containers.instances);
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
		    ROLE_WARNING, BREAK_EVEN_UTF8, BREAK_EVEN_ASCII);
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

/* The x axis: requests a month, a label a decade where they fit with
 * a blank between them: both ends always, the decades between from the
 * left. */
static void
draw_x_labels(struct ui *ui, WINDOW *w, const struct chart *ch)
{
	static const char *const names[] = { "10k", "100k", "1M", "10M",
	    "100M", "1G", "10G" };
	int c, lx[7], end, last, width = ch->width;

	for (c = 0; c <= 6; c++) {
		lx[c] = ch->x0 + 9 + (int)lround((double)c / 6 * (width - 1));
		if (c == 6)
			lx[c] -= (int)strlen(names[c]) - 1;
	}
	last = lx[6];
	draw_text(ui, w, ch->top + ch->height + 1, lx[0], 5, ROLE_DIM,
	    names[0]);
	end = lx[0] + (int)strlen(names[0]);
	for (c = 1; c < 6; c++) {
		if (lx[c] < end + 2 || lx[c] + (int)strlen(names[c]) + 2 >
		    last)
			continue;
		draw_text(ui, w, ch->top + ch->height + 1, lx[c], 5, ROLE_DIM,
		    names[c]);
		end = lx[c] + (int)strlen(names[c]);
	}
	if (last > end)
		draw_text(ui, w, ch->top + ch->height + 1, last, 5, ROLE_DIM,
		    names[6]);
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
 * whether it is stale, wrapped from line 0 in WIDTH; returns the line
 * after them. */
static int
draw_prices_heading(struct ui *ui, WINDOW *w, int x, int width)
{
	struct text_line lines[8];
	const char *stale = width >= 60 ? "STALE: over a year old" : "STALE";
	char buf[256];
	int n, lw, sw = (int)strlen(stale);

	snprintf(buf, sizeof buf, "%s %s, prices of %s", width >= 60 ?
	    provider(ui)->name : provider(ui)->id, provider(ui)->region,
	    provider(ui)->date);
	n = draw_wrapped(ui, w, 0, x, width, 8, 0, ROLE_HEADING, buf);
	if (!pricing_is_stale(provider(ui)->day, ui->s->now))
		return n;
	/* STALE after the date, or on a line of its own. */
	text_wrap(buf, width, ui->utf8, lines, 8);
	lw = width;
	if (n > 0 && n <= 8) {
		char last[256];

		snprintf(last, sizeof last, "%.*s", (int)lines[n - 1].len,
		    buf + lines[n - 1].off);
		lw = text_width(last, ui->utf8);
	}
	if (lw + 1 + sw <= width) {
		draw_text(ui, w, n - 1, x + lw + 1, sw, ROLE_WARNING, stale);
		return n;
	}
	draw_text(ui, w, n, x, width, ROLE_WARNING, stale);
	return n + 1;
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
	if (namew > width - 9)
		namew = width - 9;
	return namew;
}

/* The money column: the widest monthly figure and two blanks. */
static int
money_cols(const struct ui *ui)
{
	char money[64];
	double v;
	int o, mw = 0, n;

	for (o = 0; o < ui->s->model->noptions; o++)
		if (cost_option_monthly(&ui->s->cost, o, &v) == 0 &&
		    (n = (int)strlen(pricing_money(ui->s->pricing, v, 2, money,
		    sizeof money))) > mw)
			mw = n;
	return mw + 2;
}

/* How each priced option's figure is shown: the form of its words and
 * the lines they take, beside the figure (or under it when there is no
 * room beside), fitted into EXTRA lines more than one each. */
struct cost_lines {
	int form[MODEL_MAX_OPTIONS];	/* -1: no words */
	int under[MODEL_MAX_OPTIONS];
	int lines[MODEL_MAX_OPTIONS];
};

static void
fit_costs(struct ui *ui, int width, int namew, int moneyw, int extra,
    struct cost_lines *cl)
{
	int o, form, howw = width - namew - moneyw, n;
	char buf[256];

	for (o = 0; o < ui->s->model->noptions; o++) {
		cl->form[o] = -1;
		cl->under[o] = 0;
		cl->lines[o] = 1;
		if (ui->s->cost.option_shape[o] < 0)
			continue;
		/* In full, wrapped, while the lines last; else the
		 * longest shorter form that fits on the line. */
		for (form = 0; form <= 2; form++) {
			cost_how(ui, o, form, buf, sizeof buf);
			if (howw >= 8) {
				n = text_wrap(buf, howw, ui->utf8, NULL, 0);
				if (n == 1 || (form == 0 && howw >= 14 &&
				    n - 1 <= extra)) {
					cl->form[o] = form;
					cl->lines[o] = n;
					break;
				}
			} else if (width > 4) {
				n = text_wrap(buf, width - 2, ui->utf8, NULL,
				    0);
				if (n <= extra) {
					cl->form[o] = form;
					cl->under[o] = 1;
					cl->lines[o] = 1 + n;
					break;
				}
			}
		}
		extra -= cl->lines[o] - 1;
	}
}

/* Each priced option's monthly cost from line Y, laid out as CL says;
 * returns the line after them. */
static int
draw_costs(struct ui *ui, WINDOW *w, int y, int x, int width, int namew,
    int moneyw, const struct cost_lines *cl)
{
	const struct cost_result *r = &ui->s->cost;
	char buf[256], money[64];
	double v;
	int o;

	for (o = 0; o < ui->s->model->noptions; o++) {
		if (cost_option_monthly(r, o, &v) != 0)
			continue;
		draw_text(ui, w, y, x, namew - 1, ROLE_NORMAL,
		    ui->s->model->options[o].title);
		pricing_money(ui->s->pricing, v, 2, money, sizeof money);
		draw_text(ui, w, y, x + namew, moneyw, o == ui->s->cost_cheapest ?
		    ROLE_RECOMMENDED : ROLE_NORMAL, money);
		if (cl->form[o] >= 0) {
			cost_how(ui, o, cl->form[o], buf, sizeof buf);
			if (cl->under[o])
				draw_wrapped(ui, w, y + 1, x + 2, width - 2,
				    cl->lines[o] - 1, 0, ROLE_DIM, buf);
			else
				draw_wrapped(ui, w, y, x + namew + moneyw,
				    width - namew - moneyw, cl->lines[o], 0,
				    ROLE_DIM, buf);
		}
		y += cl->lines[o];
	}
	return y;
}

/* The chart's legend from line Y, each entry whole, wrapped where it
 * does not fit: the curves and the line of now (the break-even's sign
 * heads its sentence).  Returns the number of lines (DRAW 0: only
 * counts them). */
static int
draw_legend(struct ui *ui, WINDOW *w, int y, int x, int width, int draw)
{
	const struct model *m = ui->s->model;
	int o, lx = x, lines = 1, n, tw, gap = 2, one = 5, entries = 1;
	char g[8];

	/* Two blanks between entries, one where that keeps it one line. */
	for (o = 0; o < m->noptions; o++)
		if (ui->s->cost.option_shape[o] >= 0) {
			one += 2 + text_width(m->options[o].title, ui->utf8);
			entries++;
		}
	if (one + 2 * (entries - 1) > width && one + entries - 1 <= width)
		gap = 1;
	for (o = 0; o <= m->noptions; o++) {
		const char *text;
		enum theme_role role;

		if (o < m->noptions) {
			if (ui->s->cost.option_shape[o] < 0)
				continue;
			if (ui->utf8)
				snprintf(g, sizeof g, "%s", glyph_utf8[o]);
			else
				snprintf(g, sizeof g, "%c", glyph_ascii[o]);
			text = m->options[o].title;
			role = ROLE_CHART_1 + o;
		} else {
			snprintf(g, sizeof g, "%s", ui->utf8 ?
			    "\xe2\x94\x8a" : ":");
			text = "now";
			role = ROLE_DIM;
		}
		tw = text_width(text, ui->utf8);
		n = 2 + tw;
		if (lx > x && lx + n > x + width) {
			lx = x;
			lines++;
		}
		if (draw) {
			draw_text(ui, w, y + lines - 1, lx, 2, role, g);
			draw_text(ui, w, y + lines - 1, lx + 2, width - 2 -
			    (lx - x), ROLE_DIM, text);
		}
		lx += n + gap;
	}
	return lines;
}

static void
draw(struct ui *ui, void *priv, WINDOW *w, int rows, int cols)
{
	const struct cost_result *r = &ui->s->cost;
	int lw = left_cols(cols), x = lw + 2, width = cols - x - 1, y;
	int namew, moneyw, ncost = 0, be_rows = 0, legend, extra, o;
	struct cost_lines cl;
	char buf[256], be[256];
	double v;

	draw_figures(ui, priv, w, rows, lw);
	draw_vline(ui, w, 0, lw, rows);
	if (ui->s->pricing == NULL) {
		draw_wrapped(ui, w, 0, x, width, rows, 0, ROLE_WARNING,
		    "No price list is loaded.");
		return;
	}
	y = draw_prices_heading(ui, w, x, width);
	if (!ui->s->cost_ok) {
		draw_wrapped(ui, w, y, x, width, rows - y, 0, ROLE_ERROR,
		    ui->s->cost_problem);
		return;
	}
	/* The costs and the break-even whole; their words in full while
	 * that leaves the chart room (its legend and 5 lines), else in
	 * short; the chart in what is left. */
	for (o = 0; o < ui->s->model->noptions; o++)
		ncost += cost_option_monthly(r, o, &v) == 0;
	/* A crossing is marked on the chart's axis with the sign that
	 * heads its sentence. */
	if (r->break_even_kind != COST_BE_NONE) {
		snprintf(buf, sizeof buf, "%s%sBreak-even: %s.",
		    r->break_even_kind == COST_BE_CROSSING ? (ui->utf8 ?
		    BREAK_EVEN_UTF8 : "*") : "", r->break_even_kind ==
		    COST_BE_CROSSING ? " " : "", phrase_break_even(r, be,
		    sizeof be));
		be_rows = text_wrap(buf, width, ui->utf8, NULL, 0);
	}
	/* The chart 5 lines high where it can be (a round cost between
	 * its ends), else 3, else none. */
	legend = draw_legend(ui, w, 0, x, width, 0);
	extra = rows - y - ncost - be_rows;
	if (extra >= legend + 7)
		extra -= legend + 7;
	else if (extra >= legend + 5)
		extra = 0;
	namew = title_cols(ui, width);
	moneyw = money_cols(ui);
	fit_costs(ui, width, namew, moneyw, extra, &cl);
	y = draw_costs(ui, w, y, x, width, namew, moneyw, &cl);
	if (be_rows > 0)
		y += draw_wrapped(ui, w, y, x, width, rows - y, 0,
		    ROLE_CONFIDENCE, buf);
	if (rows - y >= legend + 5) {
		y += draw_legend(ui, w, y, x, width, 1);
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
