/* chart.h - the cost curves of a report as a chart people can read.
 *
 * Two pictures come from the same frame: an SVG drawn here (log-scale
 * axes, a legend that does not depend on colour, the workload and the
 * break-even marked) that exports write beside a Markdown summary, and
 * the facts the Mermaid chart in the summary needs (which samples,
 * which series coincide, how to name them without colour). */
#ifndef TRADEOFF_CHART_H
#define TRADEOFF_CHART_H

#include <stdio.h>

#include "cost.h"
#include "err.h"
#include "report.h"

/* The options drawn and the samples shown. */
struct chart {
	int first, last;		/* indices into cost->samples */
	int nseries;
	int option[MODEL_MAX_OPTIONS];	/* the options drawn, model order */
};

/* Two series drawn on top of each other over samples FROM to TO. */
struct chart_overlap {
	int a, b;			/* options */
	int from, to;			/* sample indices, FROM <= TO */
};

/* The series' colours (Okabe-Ito, safe for colour blindness) and their
 * names in words, by an option's position in the model. */
extern const char *const chart_colour_hex[MODEL_MAX_OPTIONS];
extern const char *const chart_colour_name[MODEL_MAX_OPTIONS];
/* How each is drawn besides its colour: "solid line, circles". */
extern const char *const chart_style_name[MODEL_MAX_OPTIONS];

/* The whole frame of report R (R->cost set): from the first sample to
 * ten times the larger of the workload and the break-even, and at least
 * to 10,000,000 requests. */
void chart_frame(const struct report *r, struct chart *ch);

/* The frame around the workload and the break-even, for a chart with a
 * linear cost axis: from a decade below the smaller of the two to a
 * half-decade above the larger, each end on a round volume. */
void chart_frame_near(const struct report *r, struct chart *ch);

/* The pairs of series in CH that coincide (within half a percent of the
 * larger) over a run of samples, the longest run per pair, into OUT (at
 * most MAX).  How many. */
int chart_overlaps(const struct report *r, const struct chart *ch,
    struct chart_overlap *out, int max);

/* Whether sample I falls on a round volume worth a label: a decade
 * (HALF 0), or a decade or half-decade (HALF 1). */
int chart_round_sample(int i, int half);

/* A request volume as a short label: "10k", "3.2M", "1B", "1T". */
const char *chart_volume_label(double v, char *buf, size_t size);

/* "1 request" or "3,000,000 requests". */
const char *chart_requests(double v, char *buf, size_t size);

/* Whether volume V is within the samples CH shows. */
int chart_in_frame(const struct report *r, const struct chart *ch, double v);

/* The SVG of report R's cost curves: a standalone document in the SVG
 * namespace.  Nothing from users goes in unescaped.  0, or -1 with a
 * message when writing failed. */
int chart_svg(FILE *out, const struct report *r, struct err *e);

#endif
