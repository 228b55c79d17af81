/* chart.c - the cost curves as a chart; see chart.h. */
#include "config.h"

#include "chart.h"
#include "utf8.h"

#include <errno.h>
#include <math.h>
#include <string.h>

const char *const chart_colour_hex[MODEL_MAX_OPTIONS] = { "#E69F00",
    "#0072B2", "#009E73", "#CC79A7", "#D55E00" };
const char *const chart_colour_name[MODEL_MAX_OPTIONS] = { "orange",
    "blue", "green", "pink", "vermillion" };
const char *const chart_style_name[MODEL_MAX_OPTIONS] = {
    "solid line, circles", "dashed line, squares",
    "dotted line, triangles", "dash-dot line, diamonds",
    "long dashes, crosses" };

/* How each series is drawn besides its colour: SVG dash arrays, and
 * widths that shrink so a series drawn over another lets it show. */
static const char *const dash[MODEL_MAX_OPTIONS] = { "", "10 5", "2 4",
    "10 4 2 4", "16 6" };
static const double width[MODEL_MAX_OPTIONS] = { 5, 3.5, 2.5, 2, 1.5 };

static void
frame_series(const struct report *r, struct chart *ch)
{
	int o;

	ch->nseries = 0;
	for (o = 0; o < r->model->noptions; o++)
		if (r->cost->option_shape[o] >= 0)
			ch->option[ch->nseries++] = o;
}

/* The first sample at or above V (the last when none is). */
static int
sample_at_or_above(const struct cost_result *c, double v)
{
	int i;

	for (i = 0; i < COST_SAMPLES - 1 &&
	    c->samples[i].volume < v * (1 - 1e-9); i++)
		;
	return i;
}

/* The workload's volume and, past it, the break-even: the volumes a
 * chart must show (LO <= HI). */
static void
frame_refs(const struct cost_result *c, double *lo, double *hi)
{
	*lo = *hi = c->functions.volume;
	if (c->break_even_kind == COST_BE_CROSSING) {
		if (c->break_even > *hi)
			*hi = c->break_even;
		if (c->break_even < *lo)
			*lo = c->break_even;
	}
	if (*lo < COST_SAMPLE_FIRST)
		*lo = COST_SAMPLE_FIRST;
}

void
chart_frame(const struct report *r, struct chart *ch)
{
	double lo, hi;
	int last;

	frame_series(r, ch);
	frame_refs(r->cost, &lo, &hi);
	ch->first = 0;
	last = sample_at_or_above(r->cost, hi * 10);
	ch->last = last > 3 * COST_SAMPLES_PER_DECADE ? last :
	    3 * COST_SAMPLES_PER_DECADE;
}

void
chart_frame_near(const struct report *r, struct chart *ch)
{
	const int half = COST_SAMPLES_PER_DECADE / 2;
	double lo, hi;
	int first, last;

	frame_series(r, ch);
	frame_refs(r->cost, &lo, &hi);
	/* A decade below, down to a decade's first sample. */
	first = sample_at_or_above(r->cost, lo / 10);
	if (r->cost->samples[first].volume > lo / 10 * (1 + 1e-9) && first > 0)
		first--;
	first -= first % COST_SAMPLES_PER_DECADE;
	/* A half-decade above, up to a half-decade's sample. */
	last = sample_at_or_above(r->cost, hi * sqrt(10));
	last += (half - last % half) % half;
	if (last > COST_SAMPLES - 1)
		last = COST_SAMPLES - 1;
	/* Two decades at least, so the shape of the curves shows. */
	if (last - first < 2 * COST_SAMPLES_PER_DECADE)
		first = last - 2 * COST_SAMPLES_PER_DECADE;
	if (first < 0)
		first = 0;
	if (last - first < 2 * COST_SAMPLES_PER_DECADE)
		last = first + 2 * COST_SAMPLES_PER_DECADE;
	ch->first = first;
	ch->last = last;
}

static int
same_cost(double a, double b)
{
	double big = fabs(a) > fabs(b) ? fabs(a) : fabs(b);

	return fabs(a - b) <= 0.005 * big;
}

int
chart_overlaps(const struct report *r, const struct chart *ch,
    struct chart_overlap *out, int max)
{
	const struct cost_sample *s = r->cost->samples;
	int i, j, k, n = 0, run, best, from = 0;

	for (i = 0; i < ch->nseries; i++)
		for (j = i + 1; j < ch->nseries && n < max; j++) {
			int a = ch->option[i], b = ch->option[j];

			best = run = 0;
			for (k = ch->first; k <= ch->last; k++) {
				run = same_cost(s[k].option[a], s[k].option[b])
				    ? run + 1 : 0;
				if (run > best) {
					best = run;
					from = k - run + 1;
				}
			}
			if (best >= 2)
				out[n++] = (struct chart_overlap){ a, b, from,
				    from + best - 1 };
		}
	return n;
}

int
chart_round_sample(int i, int half)
{
	return i % COST_SAMPLES_PER_DECADE == 0 ||
	    (half && i % (COST_SAMPLES_PER_DECADE / 2) == 0);
}

const char *
chart_volume_label(double v, char *buf, size_t size)
{
	static const struct { double unit; const char *suffix; } u[] = {
		{ 1e12, "T" }, { 1e9, "B" }, { 1e6, "M" }, { 1e3, "k" },
		{ 1, "" } };
	size_t i;
	double x;

	for (i = 0; i < sizeof u / sizeof u[0] - 1 &&
	    v < u[i].unit * (1 - 1e-9); i++)
		;
	x = v / u[i].unit;
	if (x >= 999.5 && i > 0)		/* "1M", not "1000k" */
		x = v / u[--i].unit;
	if (x >= 9.95)
		snprintf(buf, size, "%.0f%s", x, u[i].suffix);
	else if (fabs(x - round(x)) < 0.05)
		snprintf(buf, size, "%.0f%s", round(x), u[i].suffix);
	else
		snprintf(buf, size, "%.1f%s", x, u[i].suffix);
	return buf;
}

/* ---- the SVG ---- */

#define SVG_W 800
#define PLOT_X0 78.0
#define PLOT_X1 780.0
#define PLOT_Y0 70.0
#define PLOT_Y1 350.0

struct svg {
	FILE *out;
	const struct report *r;
	struct chart ch;
	double xlo, xhi;		/* log10 of the volumes at the edges */
	double ylo, yhi;		/* log10 of the costs at the edges */
	int clipped;			/* a cost below the bottom edge */
};

/* User text as XML character data or an attribute value: markup
 * characters as entities, control characters dropped (XML cannot hold
 * them), invalid UTF-8 as U+FFFD, disguising characters as visible
 * escapes, at most MAX characters ("…" after). */
static void
svg_text(FILE *out, const char *s, size_t max)
{
	size_t len = strlen(s), i = 0, n = 0;
	char esc[UTF8_ESCAPE_MAX];
	int k;

	while (i < len) {
		if (n++ == max) {
			fputs("…", out);
			return;
		}
		if ((k = utf8_escape_at(s, len, i, esc)) > 0) {
			fprintf(out, "&lt;%.*s&gt;", (int)strlen(esc) - 2,
			    esc + 1);
			i += (size_t)k;
			continue;
		}
		if ((k = utf8_valid_len(s + i, len - i)) == 0) {
			fputs("\xef\xbf\xbd", out);
			i++;
			continue;
		}
		switch (s[i]) {
		case '<': fputs("&lt;", out); break;
		case '>': fputs("&gt;", out); break;
		case '&': fputs("&amp;", out); break;
		case '"': fputs("&quot;", out); break;
		case '\'': fputs("&apos;", out); break;
		default:
			if ((unsigned char)s[i] >= 0x20 && s[i] != 0x7f)
				fwrite(s + i, 1, (size_t)k, out);
		}
		i += (size_t)k;
	}
}

static double
svg_x(const struct svg *g, double volume)
{
	return PLOT_X0 + (log10(volume) - g->xlo) / (g->xhi - g->xlo) *
	    (PLOT_X1 - PLOT_X0);
}

static double
svg_y(const struct svg *g, double cost)
{
	double l = cost > 0 ? log10(cost) : g->ylo;

	if (l < g->ylo)
		l = g->ylo;
	return PLOT_Y1 - (l - g->ylo) / (g->yhi - g->ylo) *
	    (PLOT_Y1 - PLOT_Y0);
}

/* The cost scale: whole decades around every figure shown. */
static void
svg_scale(struct svg *g)
{
	const struct cost_sample *s = g->r->cost->samples;
	double lo = HUGE_VAL, hi = 0;
	int i, k;

	for (i = g->ch.first; i <= g->ch.last; i++)
		for (k = 0; k < g->ch.nseries; k++) {
			double v = s[i].option[g->ch.option[k]];

			if (v > 0 && v < lo)
				lo = v;
			if (v > hi)
				hi = v;
			if (v <= 0)
				g->clipped = 1;
		}
	if (hi <= 0)
		lo = hi = 1;
	g->ylo = floor(log10(lo) + 1e-9);
	g->yhi = ceil(log10(hi) - 1e-9);
	if (g->yhi <= g->ylo)
		g->yhi = g->ylo + 1;
	g->xlo = log10(s[g->ch.first].volume);
	g->xhi = log10(s[g->ch.last].volume);
}

/* The marker of series K centred on X, Y. */
static void
svg_marker(FILE *out, int k, double x, double y, const char *colour)
{
	switch (k) {
	case 0:
		fprintf(out, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"5\"", x, y);
		break;
	case 1:
		fprintf(out, "<rect x=\"%.1f\" y=\"%.1f\" width=\"9\" "
		    "height=\"9\"", x - 4.5, y - 4.5);
		break;
	case 2:
		fprintf(out, "<path d=\"M%.1f %.1fl5.5 9.5h-11z\"", x, y - 6);
		break;
	case 3:
		fprintf(out, "<path d=\"M%.1f %.1fl6 6l-6 6l-6-6z\"", x, y - 6);
		break;
	default:
		fprintf(out, "<path d=\"M%.1f %.1fl10 10m0-10l-10 10\" "
		    "stroke-width=\"2.5\"", x - 5, y - 5);
		break;
	}
	fprintf(out, " fill=\"%s\" stroke=\"%s\"/>\n", k < 4 ? "#ffffff" :
	    "none", colour);
}

/* A cost on the axis: "$1,000" in dollars, else the number alone
 * ("1,000"), the currency named once in the axis title. */
static const char *
tick_money(const struct pricing *p, double v, int decimals, char *buf,
    size_t size)
{
	if (strcmp(p->currency, "USD") == 0)
		return pricing_money(p, v, decimals, buf, size);
	return pricing_group(v, decimals, buf, size);
}

static void
svg_grid(struct svg *g)
{
	const struct pricing *p = g->r->pricing;
	FILE *out = g->out;
	char a[64];
	double d, y, x;
	int e, m;

	fputs("<g class=\"grid\" stroke=\"#d0d0d0\" stroke-width=\"1\">\n",
	    out);
	for (e = (int)g->ylo; e <= (int)g->yhi; e++)
		for (m = 1; m <= (e < g->yhi ? 5 : 1); m += m == 1 ? 1 : 3) {
			y = svg_y(g, m * pow(10, e));
			fprintf(out, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" "
			    "y2=\"%.1f\"%s/>\n", PLOT_X0, y, PLOT_X1, y,
			    m == 1 ? "" : " stroke-dasharray=\"2 3\"");
		}
	for (d = ceil(g->xlo - 1e-9); d <= g->xhi + 1e-9; d++) {
		x = svg_x(g, pow(10, d));
		fprintf(out, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" "
		    "y2=\"%.1f\"/>\n", x, PLOT_Y0, x, PLOT_Y1);
	}
	fputs("</g>\n<g class=\"axes\" font-size=\"13\" fill=\"#222222\">\n",
	    out);
	for (e = (int)g->ylo; e <= (int)g->yhi; e++)
		for (m = 1; m <= (g->yhi - g->ylo <= 2 && e < g->yhi ? 5 : 1);
		    m += m == 1 ? 1 : 3)
			fprintf(out, "<text x=\"%.1f\" y=\"%.1f\" "
			    "text-anchor=\"end\">%s%s</text>\n", PLOT_X0 - 6,
			    svg_y(g, m * pow(10, e)) + 4,
			    g->clipped && e == g->ylo && m == 1 ? "≤ " : "",
			    tick_money(p, m * pow(10, e), e < 0 ? -e : 0,
			    a, sizeof a));
	for (d = ceil(g->xlo - 1e-9); d <= g->xhi + 1e-9; d++)
		fprintf(out, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\""
		    "middle\">%s</text>\n", svg_x(g, pow(10, d)), PLOT_Y1 + 18,
		    chart_volume_label(pow(10, d), a, sizeof a));
	fprintf(out, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\">"
	    "Requests a month (log scale)</text>\n", (PLOT_X0 + PLOT_X1) / 2,
	    PLOT_Y1 + 38);
	fprintf(out, "<text transform=\"translate(16 %.1f) rotate(-90)\" "
	    "text-anchor=\"middle\">%s per month (log scale)</text>\n",
	    (PLOT_Y0 + PLOT_Y1) / 2, p->currency);
	fprintf(out, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\""
	    "%.1f\" fill=\"none\" stroke=\"#888888\"/>\n</g>\n", PLOT_X0,
	    PLOT_Y0, PLOT_X1 - PLOT_X0, PLOT_Y1 - PLOT_Y0);
}

/* Series K: its line, and its marker at every decade and at the ends. */
static void
svg_series(struct svg *g, int k)
{
	const struct cost_sample *s = g->r->cost->samples;
	int o = g->ch.option[k], i;
	FILE *out = g->out;

	fprintf(out, "<g class=\"series\" id=\"series-%d\">\n<polyline "
	    "fill=\"none\" stroke=\"%s\" stroke-width=\"%.1f\" "
	    "stroke-linejoin=\"round\"", k + 1, chart_colour_hex[o], width[o]);
	if (dash[o][0] != '\0')
		fprintf(out, " stroke-dasharray=\"%s\"", dash[o]);
	fputs(" points=\"", out);
	for (i = g->ch.first; i <= g->ch.last; i++)
		fprintf(out, "%s%.1f,%.1f", i > g->ch.first ? " " : "",
		    svg_x(g, s[i].volume), svg_y(g, s[i].option[o]));
	fputs("\"/>\n", out);
	for (i = g->ch.first; i <= g->ch.last; i++)
		if (i == g->ch.first || i == g->ch.last ||
		    chart_round_sample(i, 0))
			svg_marker(out, o, svg_x(g, s[i].volume),
			    svg_y(g, s[i].option[o]), chart_colour_hex[o]);
	fputs("</g>\n", out);
}

/* The cost of option O at VOLUME, between the samples (log-log). */
static double
cost_at(const struct svg *g, int o, double volume)
{
	const struct cost_sample *s = g->r->cost->samples;
	double t;
	int i;

	for (i = 0; i < COST_SAMPLES - 2 && s[i + 1].volume < volume; i++)
		;
	if (s[i].option[o] <= 0 || s[i + 1].option[o] <= 0)
		return s[i].option[o];
	t = (log10(volume) - log10(s[i].volume)) /
	    (log10(s[i + 1].volume) - log10(s[i].volume));
	return pow(10, log10(s[i].option[o]) + t * (log10(s[i + 1].option[o])
	    - log10(s[i].option[o])));
}

/* Roughly how wide N characters of 13-pixel sans-serif are. */
#define TEXT_W(n) (7.5 * (double)(n))

/* A mark's label "WHAT: 3M requests" and where it starts and ends when
 * drawn at X (kept inside the plot's width). */
struct vlabel {
	char text[64];
	double x, from, to;
	const char *anchor;
};

static void
vlabel_place(struct vlabel *l, const char *what, double volume, double x)
{
	char a[32];
	double w;

	snprintf(l->text, sizeof l->text, "%s: %s requests", what,
	    chart_volume_label(volume, a, sizeof a));
	w = TEXT_W(strlen(l->text));
	l->x = x;
	l->anchor = "middle";
	l->from = x - w / 2;
	l->to = x + w / 2;
	if (l->from < PLOT_X0) {
		l->anchor = "start";
		l->from = x;
		l->to = x + w;
	} else if (l->to > PLOT_X1) {
		l->anchor = "end";
		l->from = x - w;
		l->to = x;
	}
}

/* A vertical mark with its label L on ROW above the plot. */
static void
svg_vmark(struct svg *g, const struct vlabel *l, int row,
    const char *pattern)
{
	fprintf(g->out, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" "
	    "stroke=\"#222222\" stroke-width=\"1.5\" stroke-dasharray=\"%s\"/>"
	    "\n<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\" font-size=\"13\" "
	    "fill=\"#222222\">%s</text>\n", l->x, PLOT_Y0 - 14.0 * row, l->x,
	    PLOT_Y1, pattern, l->x, PLOT_Y0 - 4 - 14.0 * row, l->anchor,
	    l->text);
}

int
chart_in_frame(const struct report *r, const struct chart *ch, double v)
{
	const struct cost_sample *s = r->cost->samples;

	return v >= s[ch->first].volume * (1 - 1e-9) &&
	    v <= s[ch->last].volume * (1 + 1e-9);
}

static int
in_frame(const struct svg *g, double volume)
{
	return chart_in_frame(g->r, &g->ch, volume);
}

static void
svg_marks(struct svg *g)
{
	const struct cost_result *c = g->r->cost;
	double w = c->functions.volume, be = c->break_even;
	int o = g->r->model->shape_option[MODEL_SHAPE_FUNCTIONS];
	int shown = in_frame(g, w);
	struct vlabel lw, lb;

	fputs("<g class=\"marks\">\n", g->out);
	if (shown) {
		vlabel_place(&lw, "workload", w, svg_x(g, w));
		svg_vmark(g, &lw, 1, "6 4");
	}
	if (c->break_even_kind == COST_BE_CROSSING && in_frame(g, be)) {
		double x = svg_x(g, be), y;

		vlabel_place(&lb, "break-even", be, x);
		/* A row of its own when the two labels would meet. */
		svg_vmark(g, &lb, shown && lb.from < lw.to + 12 &&
		    lw.from < lb.to + 12 ? 2 : 1, "2 3");
		if (o >= 0) {
			y = svg_y(g, cost_at(g, o, be));
			fprintf(g->out, "<path d=\"M%.1f %.1fl14 14m0-14l-14 "
			    "14\" stroke=\"#222222\" stroke-width=\"3\"/>\n",
			    x - 7, y - 7);
		}
	}
	fputs("</g>\n", g->out);
}

/* The legend: a row of at most three entries (two when there are four
 * or five), each a line with its dash pattern and marker, the option's
 * name and its cost at the workload, the name cut to fit. */
#define LEGEND_Y (PLOT_Y1 + 62)
#define LEGEND_ROW 22.0

static int
legend_cols(const struct svg *g)
{
	return g->ch.nseries <= 3 ? (g->ch.nseries > 0 ? g->ch.nseries : 1) :
	    2;
}

static void
svg_legend_entry(struct svg *g, int k)
{
	const struct pricing *p = g->r->pricing;
	int o = g->ch.option[k], cols = legend_cols(g);
	double colw = (PLOT_X1 - PLOT_X0) / cols;
	double x = PLOT_X0 + colw * (k % cols);
	double y = LEGEND_Y + LEGEND_ROW * (k / cols);
	char a[64];
	int room;

	pricing_money(p, g->r->cost->option_monthly[o], 2, a, sizeof a);
	room = (int)((colw - 60) / TEXT_W(1)) - (int)strlen(a) - 2;
	fprintf(g->out, "<g class=\"legend-entry\">\n<line x1=\"%.1f\" "
	    "y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\" "
	    "stroke-width=\"%.1f\"", x, y, x + 44, y, chart_colour_hex[o],
	    width[o]);
	if (dash[o][0] != '\0')
		fprintf(g->out, " stroke-dasharray=\"%s\"", dash[o]);
	fputs("/>\n", g->out);
	svg_marker(g->out, o, x + 22, y, chart_colour_hex[o]);
	fprintf(g->out, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"13\" "
	    "fill=\"#222222\">", x + 52, y + 4);
	svg_text(g->out, g->r->model->options[o].title, (size_t)(room > 4 ?
	    room : 4));
	fprintf(g->out, ": %s</text>\n</g>\n", a);
}

/* The notes under the legend, each wrapped to the chart's width. */
#define NOTE_LINES 12
#define NOTE_CHARS 100

struct notes {
	char line[NOTE_LINES][4 * NOTE_CHARS + 8];
	int n;
};

/* Add TEXT to N, wrapped at spaces to NOTE_CHARS characters a line. */
static void
notes_add(struct notes *n, const char *text)
{
	const char *p = text, *cut, *q;
	size_t len, chars;

	while (*p != '\0' && n->n < NOTE_LINES) {
		cut = NULL;
		for (q = p, chars = 0; *q != '\0' && chars <= NOTE_CHARS; q++) {
			if ((*q & 0xc0) != 0x80)
				chars++;
			if (*q == ' ' && chars <= NOTE_CHARS)
				cut = q;
		}
		if (*q == '\0' && chars <= NOTE_CHARS)
			cut = q;
		else if (cut == NULL)
			cut = q;
		len = (size_t)(cut - p);
		if (len > sizeof n->line[0] - 1)
			len = sizeof n->line[0] - 1;
		memcpy(n->line[n->n], p, len);
		n->line[n->n++][len] = '\0';
		p = cut + (*cut == ' ');
	}
}

const char *
chart_requests(double v, char *buf, size_t size)
{
	char a[48];

	snprintf(buf, size, "%s request%s", pricing_group(round(v), 0, a,
	    sizeof a), round(v) == 1 ? "" : "s");
	return buf;
}

/* Where VOLUME falls when it is outside the frame: ", below the
 * chart's range (10k to 10B)"; "" inside it. */
static const char *
outside(const struct svg *g, double volume, char *buf, size_t size)
{
	const struct cost_sample *s = g->r->cost->samples;
	char a[32], b[32];

	if (in_frame(g, volume))
		return "";
	snprintf(buf, size, ", %s the chart's range (%s to %s)", volume <
	    s[g->ch.first].volume ? "below" : "beyond", chart_volume_label(
	    s[g->ch.first].volume, a, sizeof a), chart_volume_label(
	    s[g->ch.last].volume, b, sizeof b));
	return buf;
}

/* What the marks mean, and the series drawn over each other. */
static void
svg_notes_make(const struct svg *g, struct notes *n)
{
	const struct cost_result *c = g->r->cost;
	const struct model *m = g->r->model;
	struct chart_overlap ov[10];
	char t[3 * NOTE_CHARS + 256], a[64], b[64], w[96];
	int i, k = chart_overlaps(g->r, &g->ch, ov, 10);

	n->n = 0;
	snprintf(t, sizeof t, "The costs above are at the workload, %s a "
	    "month%s", chart_requests(c->functions.volume, a, sizeof a),
	    outside(g, c->functions.volume, w, sizeof w));
	if (c->break_even_kind == COST_BE_CROSSING)
		snprintf(t + strlen(t), sizeof t - strlen(t), "; the "
		    "break-even%s is at %s a month%s", in_frame(g,
		    c->break_even) ? " (×)" : "", chart_requests(c->break_even, b,
		    sizeof b), outside(g, c->break_even, w, sizeof w));
	strcat(t, ".");
	notes_add(n, t);
	for (i = 0; i < k && i < 3; i++) {
		snprintf(t, sizeof t, "%.80s and %.80s coincide from %s to %s "
		    "requests: one line is drawn over the other.",
		    m->options[ov[i].a].title, m->options[ov[i].b].title,
		    chart_volume_label(c->samples[ov[i].from].volume, a,
		    sizeof a), chart_volume_label(c->samples[ov[i].to].volume,
		    b, sizeof b));
		notes_add(n, t);
	}
}

static void
svg_notes(struct svg *g, const struct notes *n, double y)
{
	int i;

	for (i = 0; i < n->n; i++, y += 18) {
		fprintf(g->out, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"13\" "
		    "fill=\"#222222\">", PLOT_X0, y);
		svg_text(g->out, n->line[i], 4 * NOTE_CHARS);
		fputs("</text>\n", g->out);
	}
}

/* The title and the description a screen reader reads. */
static void
svg_head(struct svg *g, double height)
{
	const struct cost_result *c = g->r->cost;
	char a[64];
	int k, o;

	fprintf(g->out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	    "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" "
	    "width=\"%d\" height=\"%.0f\" viewBox=\"0 0 %d %.0f\" "
	    "font-family=\"sans-serif\" role=\"img\" "
	    "aria-labelledby=\"title desc\">\n<title id=\"title\">Cost per "
	    "month against requests a month</title>\n<desc id=\"desc\">",
	    SVG_W, height, SVG_W, height);
	for (k = 0; k < g->ch.nseries; k++) {
		o = g->ch.option[k];
		fputs(k > 0 ? "; " : "", g->out);
		svg_text(g->out, g->r->model->options[o].title, 200);
		fprintf(g->out, " %s (%s)", pricing_money(g->r->pricing,
		    c->option_monthly[o], 2, a, sizeof a), chart_style_name[o]);
	}
	fprintf(g->out, " a month at %s requests a month",
	    pricing_group(c->functions.volume, 0, a, sizeof a));
	if (c->break_even_kind == COST_BE_CROSSING)
		fprintf(g->out, "; break-even at %s requests a month",
		    pricing_group(round(c->break_even), 0, a, sizeof a));
	fputs(".</desc>\n<rect width=\"100%\" height=\"100%\" "
	    "fill=\"#ffffff\"/>\n", g->out);
	fprintf(g->out, "<text x=\"%.1f\" y=\"24\" font-size=\"16\" "
	    "font-weight=\"bold\" fill=\"#222222\">Cost per month (%s)</text>"
	    "\n", PLOT_X0, g->r->pricing->currency);
}

int
chart_svg(FILE *out, const struct report *r, struct err *e)
{
	struct svg g = { .out = out, .r = r };
	struct notes n;
	int k, rows;

	chart_frame(r, &g.ch);
	svg_scale(&g);
	svg_notes_make(&g, &n);
	rows = (g.ch.nseries + legend_cols(&g) - 1) / legend_cols(&g);
	svg_head(&g, LEGEND_Y + LEGEND_ROW * rows + 18.0 * n.n + 4);
	svg_grid(&g);
	svg_marks(&g);
	for (k = 0; k < g.ch.nseries; k++)
		svg_series(&g, k);
	fputs("<g class=\"legend\">\n", out);
	for (k = 0; k < g.ch.nseries; k++)
		svg_legend_entry(&g, k);
	svg_notes(&g, &n, LEGEND_Y + LEGEND_ROW * rows);
	fputs("</g>\n</svg>\n", out);
	if (fflush(out) != 0 || ferror(out)) {
		err_set(e, "cannot write the chart: %s", strerror(errno));
		return -1;
	}
	return 0;
}
