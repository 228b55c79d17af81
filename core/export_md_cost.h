/* export_md_cost.h - the cost section of the Markdown summary. */
#ifndef TRADEOFF_EXPORT_MD_COST_H
#define TRADEOFF_EXPORT_MD_COST_H

#include <stdio.h>

#include "report.h"

/* The section "## Cost" of report R (R->cost and R->pricing set): the
 * workload, each option's monthly figure and the break-even, how each
 * figure is worked out, the curves as a table and a chart (the SVG
 * beside the file when R->chart_href is set, and a Mermaid chart), and
 * the price list's sources. */
void export_md_cost(FILE *out, const struct report *r);

/* The costs in one paragraph for the decision at the top: each option's
 * figure at the workload's volume, and the break-even. */
void export_md_cost_brief(FILE *out, const struct report *r);

#endif
