/* export_md_cost.c - the summary's cost section; see export_md_cost.h. */
#include "config.h"

#include "export_md_cost.h"
#include "chart.h"
#include "export_md.h"
#include "md.h"
#include "phrase.h"
#include "utf8.h"
#include "workload.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

/* ---- the cost section ---- */

/* A quantity for a formula: grouped by thousands, at most three
 * decimals, trailing zeros dropped ("540,000", "1.5", "0.137"). */
static const char *
qty(double v, char *buf, size_t size)
{
	char *dot, *end;

	pricing_group(v, 3, buf, size);
	if ((dot = strchr(buf, '.')) != NULL) {
		end = buf + strlen(buf) - 1;
		while (end > dot && *end == '0')
			*end-- = '\0';
		if (end == dot)
			*end = '\0';
	}
	if (strcmp(buf, "0") == 0 && v > 0) {
		/* Too small for three decimals: show its first digits. */
		snprintf(buf, size, "%.3g", v);
	}
	return buf;
}

/* A unit price in full ("$0.0000166667", "$0.20"). */
static const char *
rate(const struct pricing *p, double v, char *buf, size_t size)
{
	char num[64], *end;

	snprintf(num, sizeof num, "%.10f", v);
	end = num + strlen(num) - 1;
	while (*end == '0' && end[-1] != '.' && end[-2] != '.')
		*end-- = '\0';
	if (strcmp(p->currency, "USD") == 0)
		snprintf(buf, size, "$%s", num);
	else
		snprintf(buf, size, "%s %s", num, p->currency);
	return buf;
}

/* A duration of MS milliseconds in seconds ("0.120"). */
static const char *
secs(double ms, char *buf, size_t size)
{
	if (ms == floor(ms))
		snprintf(buf, size, "%.3f", ms / 1000.0);
	else
		snprintf(buf, size, "%.6g", ms / 1000.0);
	return buf;
}

static const char *
money(const struct pricing *p, double v, char *buf, size_t size)
{
	return pricing_money(p, v, 2, buf, size);
}

static void
md_workload(FILE *out, const struct report *r)
{
	const struct workload *w = &r->answers->workload;
	const struct cost_result *c = r->cost;
	char n[5][64];

	fprintf(out, "Workload: %s requests a month, %s ms on average, "
	    "%s MB, %s, free tier %s, API gateway %s; peak %s× the average, "
	    "at least %s nodes of `%s` at %g%% target utilisation, "
	    "autoscaling %s",
	    qty(w->num[WL_REQUESTS], n[0], sizeof n[0]),
	    qty(w->num[WL_DURATION], n[1], sizeof n[1]),
	    pricing_group(w->num[WL_MEMORY], 0, n[2], sizeof n[2]),
	    wl_fields[WL_ARCH].choices[c->arch],
	    w->num[WL_FREE_TIER] != 0 ? "on" : "off",
	    wl_fields[WL_GATEWAY].choices[c->gateway],
	    qty(w->num[WL_PEAK_RATIO], n[3], sizeof n[3]),
	    pricing_group(w->num[WL_MIN_NODES], 0, n[4], sizeof n[4]),
	    c->node->type, w->num[WL_UTILIZATION],
	    w->num[WL_AUTOSCALING] != 0 ? "on" : "off");
	/* function_share is "hybrid" in the workload's vocabulary. */
	if (r->model->shape_option[MODEL_SHAPE_SPLIT] >= 0)
		fprintf(out, "; hybrid: %g%% of the requests on functions",
		    c->split.share);
	fputs(".\n\n", out);
}

/* Option O's row of the summary table. */
static void
md_summary_row(FILE *out, const struct report *r, int o)
{
	const struct pricing *p = r->pricing;
	const struct cost_result *c = r->cost;
	const struct pricing_provider *pv = c->provider;
	char a[64], b[64];

	fputs("| ", out);
	md_cell(out, r->model->options[o].title);
	switch (c->option_shape[o]) {
	case MODEL_SHAPE_FUNCTIONS:
		fputs(" (", out);
		md_cell(out, pv->block[c->functions.legacy ? PB_LEGACY :
		    PB_FUNCTIONS].service);
		fprintf(out, ") | %s | ", money(p, c->functions.monthly, a,
		    sizeof a));
		fprintf(out, "compute %s, requests ", money(p,
		    c->functions.compute, a, sizeof a));
		fprintf(out, "%s, gateway ", money(p, c->functions.requests, a,
		    sizeof a));
		fprintf(out, "%s |\n", money(p, c->functions.gateway, a,
		    sizeof a));
		break;
	case MODEL_SHAPE_CLUSTER:
		fputs(" (", out);
		md_cell(out, pv->block[PB_KUBERNETES].service);
		fprintf(out, ") | %s | %s × `", money(p, c->cluster.monthly, a,
		    sizeof a), pricing_group(c->cluster.nodes, 0, b, sizeof b));
		fputs(c->node->type, out);
		fprintf(out, "` %s, control plane ", money(p,
		    c->cluster.node_cost, a, sizeof a));
		fprintf(out, "%s |\n", money(p, c->cluster.control_plane, a,
		    sizeof a));
		break;
	case MODEL_SHAPE_SPLIT:
		fprintf(out, " (%g%% on functions) | %s | ", c->split.share,
		    money(p, c->split.monthly, a, sizeof a));
		fprintf(out, "functions %s, cluster ", money(p,
		    c->split.functions.monthly, a, sizeof a));
		fprintf(out, "%s |\n", money(p, c->split.cluster.monthly, a,
		    sizeof a));
		break;
	case MODEL_SHAPE_CONTAINERS:
		fputs(" (", out);
		md_cell(out, pv->block[PB_CONTAINERS].service);
		fprintf(out, ") | %s | ", money(p, c->containers.monthly, a,
		    sizeof a));
		fprintf(out, "%s instances, compute ", qty(
		    c->containers.instances, b, sizeof b));
		fprintf(out, "%s, requests ", money(p, c->containers.compute, a,
		    sizeof a));
		fprintf(out, "%s |\n", money(p, c->containers.requests, a,
		    sizeof a));
		break;
	}
}

static void
md_cost_summary(FILE *out, const struct report *r)
{
	int o;

	fputs("| Option | Per month | Made of |\n|---|---:|---|\n", out);
	for (o = 0; o < r->model->noptions; o++)
		if (r->cost->option_shape[o] >= 0)
			md_summary_row(out, r, o);
	fputc('\n', out);
	if (r->cost->break_even_kind == COST_BE_NONE)
		return;
	fputs("**Break-even:** ", out);
	export_md_break_even(out, r);
	fputs("\n\n", out);
}

void
export_md_break_even(FILE *out, const struct report *r)
{
	char buf[256];

	md_inline(out, phrase_break_even(r->cost, buf, sizeof buf));
	fputc('.', out);
}

/* "(A − FREE free) × RATE" or "A × RATE" when nothing is free. */
static void
md_billable(FILE *out, const struct pricing *p, double amount, double free,
    double unit_rate, const char *per)
{
	char a[64], b[64], c[64];

	if (free > 0)
		fprintf(out, "(%s − %s free) × %s%s", qty(amount, a, sizeof a),
		    qty(free, b, sizeof b), rate(p, unit_rate, c, sizeof c),
		    per);
	else
		fprintf(out, "%s × %s%s", qty(amount, a, sizeof a),
		    rate(p, unit_rate, c, sizeof c), per);
}

/* The functions' instances kept warm, when the plan keeps some. */
static void
md_warm(FILE *out, const struct report *r)
{
	const struct pricing *p = r->pricing;
	const struct cost_functions *f = &r->cost->functions;
	const struct workload *w = &r->answers->workload;
	char a[64], b[64], d[64], e[64], g[64], h[64];

	if (f->warm) {
		fprintf(out, "- Kept warm: %s instances (peak concurrency, at "
		    "least 1) × %s GB × %s s = %s GB-s × %s", qty(
		    f->warm_instances, a, sizeof a), qty(w->num[WL_MEMORY] /
		    1024.0, b, sizeof b), pricing_group(COST_SECONDS_PER_MONTH,
		    0, d, sizeof d), qty(f->warm_gb_seconds, e, sizeof e),
		    rate(p, f->warm_gb_second_rate, g, sizeof g));
		if (f->warm_vcpu_seconds > 0)
			fprintf(out, " + %s vCPU-s × %s", qty(
			    f->warm_vcpu_seconds, g, sizeof g), rate(p,
			    f->warm_vcpu_second_rate, h, sizeof h));
		fprintf(out, " = %s; the work on them at %s a GB-s, no free "
		    "allowance\n", money(p, f->warm_cost, a, sizeof a),
		    rate(p, f->gb_second_rate, b, sizeof b));
	} else if (f->warm_unpriced)
		fputs("- Kept warm: not priced (the price list has no 'warm' "
		    "prices for this plan)\n", out);
}

static void
md_cost_functions(FILE *out, const struct report *r, int o)
{
	const struct pricing *p = r->pricing;
	const struct cost_result *c = r->cost;
	const struct cost_functions *f = &c->functions;
	const struct workload *w = &r->answers->workload;
	char a[64], b[64], d[64], e[64];

	fputs("#### ", out);
	md_inline(out, r->model->options[o].title);
	fputs(": ", out);
	md_inline(out, c->provider->block[f->legacy ? PB_LEGACY :
	    PB_FUNCTIONS].service);
	fputs("\n\n", out);
	if (f->init_gb_seconds > 0)
		fprintf(out, "- Initialisation, billed: %s cold starts (%g%%) × "
		    "%s s × %s GB = %s GB-s, counted below\n",
		    qty(f->cold_starts, a, sizeof a), w->num[WL_COLD_STARTS],
		    secs(w->num[WL_INIT], b, sizeof b),
		    qty(w->num[WL_MEMORY] / 1024.0, d, sizeof d),
		    qty(f->init_gb_seconds, e, sizeof e));
	fprintf(out, "- Compute (memory): %s req × %s s × %s GB = %s GB-s; ",
	    qty(f->volume, a, sizeof a),
	    secs(w->num[WL_DURATION], b, sizeof b),
	    qty(w->num[WL_MEMORY] / 1024.0, d, sizeof d),
	    qty(f->gb_seconds, e, sizeof e));
	md_billable(out, p, f->gb_seconds, f->free_gb_seconds,
	    f->gb_second_rate, "");
	if (f->tiered_gb_seconds > 0)
		fprintf(out, ", the %s GB-s above the first tier at the volume "
		    "tiers' lower rates", qty(f->tiered_gb_seconds, a,
		    sizeof a));
	fprintf(out, " = %s\n", money(p, f->compute_memory, a, sizeof a));
	md_warm(out, r);
	if (f->vcpu_second_rate > 0) {
		fprintf(out, "- Compute (vCPU): %s req × %s s × %s vCPU = %s "
		    "vCPU-s; ", qty(f->volume, a, sizeof a),
		    secs(w->num[WL_DURATION], b, sizeof b),
		    qty(c->vcpu_per_request, d, sizeof d),
		    qty(f->vcpu_seconds, e, sizeof e));
		md_billable(out, p, f->vcpu_seconds, f->free_vcpu_seconds,
		    f->vcpu_second_rate, "");
		fprintf(out, " = %s\n", money(p, f->compute_vcpu, a,
		    sizeof a));
	}
	fputs("- Requests: ", out);
	md_billable(out, p, f->volume, f->free_requests, f->request_rate,
	    " / 1,000,000");
	fprintf(out, " = %s\n", money(p, f->requests, a, sizeof a));
	if (c->gateway != WL_GW_NONE) {
		fprintf(out, "- Gateway (%s API, ",
		    wl_fields[WL_GATEWAY].choices[c->gateway]);
		md_inline(out, c->provider->block[PB_GATEWAY].service);
		fputs("): ", out);
		md_billable(out, p, f->volume, f->free_gateway_requests,
		    f->gateway_rate, " / 1,000,000");
		fprintf(out, " = %s\n", money(p, f->gateway, a, sizeof a));
	} else
		fputs("- Gateway: none\n", out);
	fprintf(out, "- Per month: %s + ", money(p, f->compute, a, sizeof a));
	fprintf(out, "%s + ", money(p, f->requests, a, sizeof a));
	fprintf(out, "%s = ", money(p, f->gateway, a, sizeof a));
	fprintf(out, "**%s**\n\n", money(p, f->monthly, a, sizeof a));
}

/* The cluster's formulas as list items, each line starting with IND. */
static void
md_cluster_lines(FILE *out, const struct report *r,
    const struct cost_cluster *k, const char *ind)
{
	const struct pricing *p = r->pricing;
	const struct cost_result *c = r->cost;
	const struct workload *w = &r->answers->workload;
	char n[7][64];

	fprintf(out, "%s- Load: %s req / %s s = %s req/s; × %s s = %s in "
	    "flight on average; × %s peak ratio = %s at peak; sized for the "
	    "%s\n", ind, qty(k->volume, n[0], sizeof n[0]),
	    pricing_group(COST_SECONDS_PER_MONTH, 0, n[1], sizeof n[1]),
	    qty(k->rps, n[2], sizeof n[2]),
	    secs(w->num[WL_DURATION], n[3], sizeof n[3]),
	    qty(k->avg_concurrency, n[4], sizeof n[4]),
	    qty(w->num[WL_PEAK_RATIO], n[5], sizeof n[5]),
	    qty(k->peak_concurrency, n[6], sizeof n[6]),
	    w->num[WL_AUTOSCALING] != 0 ? "average (autoscaling)" : "peak");
	fprintf(out, "%s- Needs: %s × %s vCPU = %s vCPU", ind,
	    qty(k->sized_concurrency, n[0], sizeof n[0]),
	    qty(c->vcpu_per_request, n[1], sizeof n[1]),
	    qty(k->vcpu_need, n[2], sizeof n[2]));
	if (c->vcpu_derived)
		fprintf(out, " (%s MB / %s MB per vCPU)",
		    pricing_group(w->num[WL_MEMORY], 0, n[0], sizeof n[0]),
		    pricing_group(WL_MB_PER_VCPU, 0, n[1], sizeof n[1]));
	fprintf(out, "; %s × %s GiB = %s GiB\n",
	    qty(k->sized_concurrency, n[0], sizeof n[0]),
	    qty(w->num[WL_MEMORY] / 1024.0, n[1], sizeof n[1]),
	    qty(k->memory_need_gib, n[2], sizeof n[2]));
	fprintf(out, "%s- Nodes: `%s` at %g%% = %s vCPU and %s GiB usable; "
	    "max(%s minimum, ⌈max(%s / %s, %s / %s)⌉) = %s (%s)\n", ind,
	    c->node->type, w->num[WL_UTILIZATION],
	    qty(k->node_vcpu, n[0], sizeof n[0]),
	    qty(k->node_memory_gib, n[1], sizeof n[1]),
	    pricing_group(w->num[WL_MIN_NODES], 0, n[2], sizeof n[2]),
	    qty(k->vcpu_need, n[3], sizeof n[3]), n[0],
	    qty(k->memory_need_gib, n[4], sizeof n[4]), n[1],
	    pricing_group(k->nodes, 0, n[5], sizeof n[5]),
	    k->bound == COST_BOUND_MINIMUM ? "the minimum decides" :
	    k->bound == COST_BOUND_VCPU ? "vCPU decides" : "memory decides");
	fprintf(out, "%s- Per month: %s h × (%s × %s + %s control plane%s) = "
	    "**%s**\n", ind,
	    pricing_group(COST_HOURS_PER_MONTH, 0, n[0], sizeof n[0]),
	    pricing_group(k->nodes, 0, n[1], sizeof n[1]),
	    rate(p, k->node_hourly, n[2], sizeof n[2]),
	    rate(p, k->control_plane_hourly, n[3], sizeof n[3]),
	    k->extended ? " in extended support" : "",
	    money(p, k->monthly, n[4], sizeof n[4]));
	if (!k->fits)
		fprintf(out, "%s- Note: one request needs more than one node "
		    "offers at this utilisation; choose a larger node type.\n",
		    ind);
}

static void
md_cost_cluster(FILE *out, const struct report *r, int o)
{
	const struct cost_result *c = r->cost;

	fputs("#### ", out);
	md_inline(out, r->model->options[o].title);
	fputs(": ", out);
	md_inline(out, c->provider->block[PB_KUBERNETES].service);
	fputs(" on `", out);
	fputs(c->node->type, out);
	fputs("`\n\n", out);
	md_cluster_lines(out, r, &c->cluster, "");
	fputc('\n', out);
}

static void
md_cost_split(FILE *out, const struct report *r, int o)
{
	const struct pricing *p = r->pricing;
	const struct cost_split *h = &r->cost->split;
	char a[64], b[64];

	fputs("#### ", out);
	md_inline(out, r->model->options[o].title);
	fprintf(out, ": %g%% of the requests on functions\n\n", h->share);
	fprintf(out, "- Functions: %s requests, the free tier counted here: "
	    "%s (formulas as above)\n", qty(h->functions.volume, a, sizeof a),
	    money(p, h->functions.monthly, b, sizeof b));
	if (h->cluster.present) {
		fprintf(out, "- Cluster: %s requests\n",
		    qty(h->cluster.volume, a, sizeof a));
		md_cluster_lines(out, r, &h->cluster, "  ");
	} else
		fputs("- Cluster: none (every request on functions)\n", out);
	fputs("- ", out);
	md_inline(out, r->model->options[o].title);
	fprintf(out, " per month: %s + ", money(p, h->functions.monthly, a,
	    sizeof a));
	fprintf(out, "%s = **%s**\n\n", money(p, h->cluster.monthly, a,
	    sizeof a), money(p, h->monthly, b, sizeof b));
}

static void
md_cost_containers(FILE *out, const struct report *r, int o)
{
	const struct pricing *p = r->pricing;
	const struct cost_result *c = r->cost;
	const struct cost_containers *k = &c->containers;
	const struct workload *w = &r->answers->workload;
	char n[7][64];

	fputs("#### ", out);
	md_inline(out, r->model->options[o].title);
	fputs(": ", out);
	md_inline(out, c->provider->block[PB_CONTAINERS].service);
	fputs("\n\n", out);
	fprintf(out, "- Load: %s req / %s s = %s req/s; × %s s = %s in "
	    "flight on average (instances follow the load)\n",
	    qty(k->volume, n[0], sizeof n[0]),
	    pricing_group(COST_SECONDS_PER_MONTH, 0, n[1], sizeof n[1]),
	    qty(k->rps, n[2], sizeof n[2]),
	    secs(w->num[WL_DURATION], n[3], sizeof n[3]),
	    qty(k->avg_concurrency, n[4], sizeof n[4]));
	fprintf(out, "- Needs: %s × %s vCPU = %s vCPU; %s × %s GiB = %s GiB\n",
	    qty(k->avg_concurrency, n[0], sizeof n[0]),
	    qty(c->vcpu_per_request, n[1], sizeof n[1]),
	    qty(k->vcpu_need, n[2], sizeof n[2]),
	    n[0], qty(w->num[WL_MEMORY] / 1024.0, n[3], sizeof n[3]),
	    qty(k->memory_need_gib, n[4], sizeof n[4]));
	fprintf(out, "- Instances: %s vCPU and %s GiB each, at %g%% = %s vCPU "
	    "and %s GiB usable; max(%s minimum, %s / %s, %s / %s) = %s on "
	    "average (%s)\n", qty(k->instance_vcpu, n[0], sizeof n[0]),
	    qty(k->instance_memory_gib, n[1], sizeof n[1]),
	    w->num[WL_UTILIZATION], qty(k->usable_vcpu, n[2], sizeof n[2]),
	    qty(k->usable_memory_gib, n[3], sizeof n[3]),
	    qty(k->min_instances, n[4], sizeof n[4]),
	    qty(k->vcpu_need, n[5], sizeof n[5]), n[2],
	    qty(k->memory_need_gib, n[6], sizeof n[6]), n[3],
	    qty(k->instances, n[0], sizeof n[0]),
	    k->bound == COST_BOUND_MINIMUM ? "the minimum decides" :
	    k->bound == COST_BOUND_VCPU ? "vCPU decides" : "memory decides");
	fprintf(out, "- Compute (vCPU): %s × %s vCPU × %s s = %s vCPU-s; ",
	    n[0], qty(k->instance_vcpu, n[1], sizeof n[1]),
	    pricing_group(COST_SECONDS_PER_MONTH, 0, n[2], sizeof n[2]),
	    qty(k->vcpu_seconds, n[3], sizeof n[3]));
	md_billable(out, p, k->vcpu_seconds, k->free_vcpu_seconds,
	    k->vcpu_second_rate, "");
	fprintf(out, " = %s\n", money(p, k->compute_vcpu, n[4], sizeof n[4]));
	fprintf(out, "- Compute (memory): %s × %s GiB × %s s = %s GiB-s; ",
	    n[0], qty(k->instance_memory_gib, n[1], sizeof n[1]), n[2],
	    qty(k->gib_seconds, n[3], sizeof n[3]));
	md_billable(out, p, k->gib_seconds, k->free_gib_seconds,
	    k->gib_second_rate, "");
	fprintf(out, " = %s\n", money(p, k->compute_memory, n[4],
	    sizeof n[4]));
	fputs("- Requests: ", out);
	md_billable(out, p, k->volume, k->free_requests, k->request_rate,
	    " / 1,000,000");
	fprintf(out, " = %s\n", money(p, k->requests, n[4], sizeof n[4]));
	fprintf(out, "- Per month: %s + ", money(p, k->compute, n[4],
	    sizeof n[4]));
	fprintf(out, "%s = ", money(p, k->requests, n[4], sizeof n[4]));
	fprintf(out, "**%s**\n\n", money(p, k->monthly, n[4], sizeof n[4]));
}

#define MERMAID_NAME 24

/* Whether CP is a letter of the Latin, Greek or Cyrillic scripts
 * beyond ASCII (U+00C0-U+024F but the two signs, U+0370-U+052F). */
static int
name_letter(unsigned int cp)
{
	return (cp >= 0xc0 && cp <= 0x24f && cp != 0xd7 && cp != 0xf7) ||
	    (cp >= 0x370 && cp <= 0x52f);
}

/* Option O's title as a Mermaid string, at most MERMAID_NAME
 * characters (Mermaid 11.17 leaves out its legend when a name is
 * long): ASCII letters and digits, Latin, Greek and Cyrillic letters,
 * spaces and "-_.,()/+'" kept; anything else (quotes, '#', ';', '%',
 * '&', markup, symbols, disguising characters) dropped; "Option N"
 * when nothing is left.  The title comes from the model, which anyone
 * can edit. */
static void
mermaid_name(FILE *out, const struct model *m, int o)
{
	const char *s = m->options[o].title;
	size_t len = strlen(s), i = 0, kept = 0;
	int k;

	fputc('"', out);
	while (i < len && kept < MERMAID_NAME) {
		unsigned char c = (unsigned char)s[i];

		if ((k = utf8_valid_len(s + i, len - i)) == 0)
			k = 1;
		else if (c >= 0x80 ? name_letter(utf8_decode(s + i, k)) :
		    (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		    (c >= '0' && c <= '9') || strchr(" -_.,()/+'", c) != NULL) {
			fwrite(s + i, 1, (size_t)k, out);
			kept++;
		}
		i += (size_t)k;
	}
	if (kept == 0)
		fprintf(out, "Option %d", o + 1);
	fputc('"', out);
}

/* A round top for a linear axis over values up to V: 1, 2, 2.5 or 5
 * times a power of ten, and above V. */
static double
axis_top(double v)
{
	static const double step[] = { 1, 2, 2.5, 5, 10 };
	double p;
	size_t i;

	if (v <= 0)
		return 1;
	p = pow(10, floor(log10(v)));
	for (i = 0; i < sizeof step / sizeof step[0]; i++)
		if (step[i] * p > v * (1 + 1e-9))
			break;
	return step[i < sizeof step / sizeof step[0] ? i : 4] * p;
}

/* The Mermaid init line: the series' colours, and (as CSS, which
 * Mermaid 10 and 11 both honour) a width and dash pattern for each so
 * the lines differ without colour and one drawn over another shows. */
static const char *const mermaid_style[MODEL_MAX_OPTIONS] = {
	"thick line", "dashed", "dotted", "dash-dot", "long dashes" };

static void
mermaid_init(FILE *out, const struct chart *ch)
{
	static const char *const css[MODEL_MAX_OPTIONS] = {
		"stroke-width: 6px;", "stroke-width: 3px; stroke-dasharray: 9 5;",
		"stroke-width: 2px; stroke-dasharray: 2 4;",
		"stroke-width: 2px; stroke-dasharray: 9 4 2 4;",
		"stroke-width: 1.5px; stroke-dasharray: 14 6;" };
	int k;

	fputs("%%{init: {\"themeVariables\": {\"xyChart\": "
	    "{\"plotColorPalette\": \"", out);
	for (k = 0; k < ch->nseries; k++)
		fprintf(out, "%s%s", k > 0 ? ", " : "",
		    chart_colour_hex[ch->option[k]]);
	fputs("\"}}, \"themeCSS\": \"", out);
	for (k = 0; k < ch->nseries; k++)
		fprintf(out, "%s.line-plot-%d path { %s }", k > 0 ? " " : "", k,
		    css[ch->option[k]]);
	fputs("\"}}%%\n", out);
}

/* U+2800 BRAILLE PATTERN BLANK: blank, yet not white space. */
#define BLANK "\xe2\xa0\x80"

/* The cost curves as a Mermaid xychart, which GitHub and GitLab draw:
 * the region around the workload and the break-even on a linear scale,
 * labels only at round volumes (the others blank but distinct, since
 * Mermaid trims white space and merges equal labels), each
 * series named (Mermaid 11.17 draws a legend from the names). */
static void
md_mermaid(FILE *out, const struct report *r, const struct chart *ch)
{
	const struct cost_sample *s = r->cost->samples;
	double top = 0;
	char a[64];
	int i, k, blank = 0;

	fputs("```mermaid\n", out);
	mermaid_init(out, ch);
	fprintf(out, "xychart-beta\n  title \"Cost per month (%s)\"\n"
	    "  x-axis \"Requests a month\" [", r->pricing->currency);
	for (i = ch->first; i <= ch->last; i++) {
		fputs(i > ch->first ? ", \"" : "\"", out);
		if (chart_round_sample(i, 1))
			fputs(chart_volume_label(s[i].volume, a, sizeof a), out);
		else {
			/* Braille blanks around a run of spaces as long as
			 * no other: distinct, and nothing for Mermaid to
			 * trim or a browser to show. */
			fputs(BLANK, out);
			for (k = ++blank; k > 0; k--)
				fputc(' ', out);
			fputs(BLANK, out);
		}
		fputc('"', out);
		for (k = 0; k < ch->nseries; k++)
			if (s[i].option[ch->option[k]] > top)
				top = s[i].option[ch->option[k]];
	}
	fprintf(out, "]\n  y-axis \"%s per month\" 0 --> %g\n",
	    r->pricing->currency, axis_top(top));
	for (k = 0; k < ch->nseries; k++) {
		fputs("  line ", out);
		mermaid_name(out, r->model, ch->option[k]);
		fputs(" [", out);
		for (i = ch->first; i <= ch->last; i++)
			fprintf(out, "%s%.2f", i > ch->first ? ", " : "",
			    s[i].option[ch->option[k]]);
		fputs("]\n", out);
	}
	fputs("```\n\n", out);
}

/* The key to the Mermaid chart that needs no colour: each line by name,
 * how it is drawn, and its figures at the chart's edges and at the
 * workload, so a line can be told by where it runs. */
static void
md_mermaid_key(FILE *out, const struct report *r, const struct chart *ch)
{
	const struct cost_result *c = r->cost;
	const struct pricing *p = r->pricing;
	char a[64], b[64];
	int k, o;

	fprintf(out, "| Line | Drawn as | At %s |", chart_volume_label(
	    c->samples[ch->first].volume, a, sizeof a));
	fprintf(out, " At the workload (%s) | At %s |\n|---|---|---:|---:|"
	    "---:|\n", chart_volume_label(c->functions.volume, a, sizeof a),
	    chart_volume_label(c->samples[ch->last].volume, b, sizeof b));
	for (k = 0; k < ch->nseries; k++) {
		o = ch->option[k];
		fputs("| ", out);
		md_cell(out, r->model->options[o].title);
		fprintf(out, " | %s, %s |", chart_colour_name[o],
		    mermaid_style[o]);
		fprintf(out, " %s |", money(p, c->samples[ch->first].option[o],
		    a, sizeof a));
		fprintf(out, " %s |", money(p, c->option_monthly[o], a,
		    sizeof a));
		fprintf(out, " %s |\n", money(p, c->samples[ch->last].option[o],
		    a, sizeof a));
	}
	fputc('\n', out);
}

/* Where volume V falls on the chart's axis: between which labels, or
 * outside the chart. */
static void
md_between(FILE *out, const struct report *r, const struct chart *ch,
    double v)
{
	const struct cost_sample *s = r->cost->samples;
	char a[64], b[64];
	int lo = ch->first, hi = ch->last, i;

	if (!chart_in_frame(r, ch, v)) {
		fprintf(out, "%s the chart, which %s at %s", v <
		    s[ch->first].volume ? "below" : "beyond", v <
		    s[ch->first].volume ? "starts" : "ends", chart_volume_label(
		    s[v < s[ch->first].volume ? ch->first : ch->last].volume, a,
		    sizeof a));
		return;
	}
	for (i = ch->first; i <= ch->last; i++)
		if (chart_round_sample(i, 1)) {
			if (s[i].volume <= v * (1 + 1e-9))
				lo = i;
			if (s[i].volume >= v * (1 - 1e-9) && hi == ch->last)
				hi = i;
		}
	if (lo == hi)
		fprintf(out, "at the %s label", chart_volume_label(v, a,
		    sizeof a));
	else
		fprintf(out, "between the %s and %s labels", chart_volume_label(
		    s[lo].volume, a, sizeof a), chart_volume_label(s[hi].volume,
		    b, sizeof b));
}

/* What the chart cannot show: where the workload and the break-even
 * fall, and the lines drawn over each other. */
static void
md_chart_notes(FILE *out, const struct report *r, const struct chart *ch)
{
	const struct cost_result *c = r->cost;
	struct chart_overlap ov[10];
	char a[64], b[64];
	int i, n = chart_overlaps(r, ch, ov, 10);

	fprintf(out, "The workload, %s a month, lies ", chart_requests(
	    c->functions.volume, a, sizeof a));
	md_between(out, r, ch, c->functions.volume);
	if (c->break_even_kind == COST_BE_CROSSING) {
		fprintf(out, "; the break-even, %s, where functions become "
		    "dearer than the cluster, ", chart_requests(c->break_even,
		    a, sizeof a));
		md_between(out, r, ch, c->break_even);
	}
	fputs(".", out);
	for (i = 0; i < n; i++) {
		fputc(' ', out);
		md_inline(out, r->model->options[ov[i].a].title);
		fputs(" and ", out);
		md_inline(out, r->model->options[ov[i].b].title);
		fprintf(out, " coincide from %s to %s requests: one line hides "
		    "the other there.", chart_volume_label(
		    c->samples[ov[i].from].volume, a, sizeof a),
		    chart_volume_label(c->samples[ov[i].to].volume, b,
		    sizeof b));
	}
	fputs("\n\n", out);
}

/* The decades from 10,000 requests a month, a row each. */
static void
md_cost_table(FILE *out, const struct report *r)
{
	const struct pricing *p = r->pricing;
	const struct cost_result *c = r->cost;
	const struct model *m = r->model;
	char a[64], b[64];
	int i, o;

	fputs("| Requests a month |", out);
	for (o = 0; o < m->noptions; o++)
		if (c->option_shape[o] >= 0) {
			fputc(' ', out);
			md_cell(out, m->options[o].title);
			fputs(" |", out);
		}
	fputs("\n|---:|", out);
	for (o = 0; o < m->noptions; o++)
		if (c->option_shape[o] >= 0)
			fputs("---:|", out);
	fputc('\n', out);
	for (i = 0; i < COST_SAMPLES; i += COST_SAMPLES_PER_DECADE) {
		fprintf(out, "| %s |", pricing_group(c->samples[i].volume, 0,
		    a, sizeof a));
		for (o = 0; o < m->noptions; o++)
			if (c->option_shape[o] >= 0)
				fprintf(out, " %s |", money(p,
				    c->samples[i].option[o], b, sizeof b));
		fputc('\n', out);
	}
	fputc('\n', out);
}

/* The SVG beside the file as an image, its text saying what the
 * picture shows. */
static void
md_chart_image(FILE *out, const struct report *r)
{
	const struct cost_result *c = r->cost;
	struct chart ch;

	chart_frame(r, &ch);
	fputs("![Cost per month against requests a month, both on log "
	    "scales", out);
	if (chart_in_frame(r, &ch, c->functions.volume))
		fputs(", the workload marked", out);
	if (c->break_even_kind == COST_BE_CROSSING &&
	    chart_in_frame(r, &ch, c->break_even))
		fputs(", the break-even marked", out);
	fprintf(out, "](%s)\n\n", r->chart_href);
}

/* The curves: the SVG beside the file when there is one, the Mermaid
 * chart around the workload (folded under the SVG) with its key, and
 * the decades as a table. */
static void
md_cost_curve(FILE *out, const struct report *r)
{
	struct chart ch;
	char a[64], b[64];

	fputs("### Cost against volume\n\n", out);
	if (r->chart_href != NULL) {
		md_chart_image(out, r);
		md_fold(out, "The region around the workload as a Mermaid "
		    "chart");
		fputc('\n', out);
	}
	chart_frame_near(r, &ch);
	fprintf(out, "From %s to %s requests a month:\n\n", chart_volume_label(
	    r->cost->samples[ch.first].volume, a, sizeof a),
	    chart_volume_label(r->cost->samples[ch.last].volume, b,
	    sizeof b));
	md_mermaid(out, r, &ch);
	md_mermaid_key(out, r, &ch);
	md_chart_notes(out, r, &ch);
	if (r->chart_href != NULL)
		fputs("</details>\n\n", out);
	fputs("By decade:\n\n", out);
	md_cost_table(out, r);
}

static void
md_cost_prices(FILE *out, const struct report *r)
{
	const struct pricing_provider *pv = r->cost->provider;
	static const char *const what[PB_NBLOCKS] = { "Functions", "Gateway",
	    "Control plane", "Nodes", "Containers", "Functions (legacy plan)" };
	int b;

	fputs("### Prices\n\n", out);
	md_inline(out, pv->name);
	fputs(", ", out);
	md_inline(out, pv->region);
	fputs("; ", out);
	md_inline(out, r->pricing->currency);
	if (r->pricing->title[0] != '\0') {
		fputs(", ", out);
		md_inline(out, r->pricing->title);
	}
	fputs(".\n\n| Prices | Service | Date | Source |\n|---|---|---|---|\n",
	    out);
	for (b = 0; b < PB_NBLOCKS; b++) {
		/* Containers prices only for a model that uses them. */
		if (b == PB_CONTAINERS && (!pv->has_containers ||
		    r->model->shape_option[MODEL_SHAPE_CONTAINERS] < 0))
			continue;
		if (b == PB_LEGACY && !pv->has_legacy)
			continue;
		fprintf(out, "| %s | ", what[b]);
		md_cell(out, pv->block[b].service);
		fputs(" | ", out);
		md_cell(out, pv->block[b].date);
		fputs(" | ", out);
		md_cell(out, pv->block[b].source);
		fputs(" |\n", out);
	}
}

void
export_md_cost(FILE *out, const struct report *r)
{
	const struct pricing_provider *pv = r->cost->provider;
	long age = pricing_age_days(pv->day, r->now);
	int o;

	fputs("\n## Cost\n\n", out);
	fputs("Monthly cost with ", out);
	md_inline(out, pv->name);
	fputs(" prices of ", out);
	md_inline(out, pv->date);
	fputs(" (", out);
	md_inline(out, pv->region);
	fputs(").\n\n", out);
	if (pricing_is_stale(pv->day, r->now))
		fprintf(out, "> **Stale prices:** the price list is %ld days "
		    "old, more than twelve months; check the sources below "
		    "before relying on these figures.\n\n", age);
	md_workload(out, r);
	md_cost_summary(out, r);
	md_cost_curve(out, r);
	fputs("### How each figure is worked out\n\n", out);
	md_fold(out, "Each option's formula, with the prices and figures "
	    "used");
	fputc('\n', out);
	for (o = 0; o < r->model->noptions; o++)
		switch (r->cost->option_shape[o]) {
		case MODEL_SHAPE_FUNCTIONS:
			md_cost_functions(out, r, o);
			break;
		case MODEL_SHAPE_CLUSTER:
			md_cost_cluster(out, r, o);
			break;
		case MODEL_SHAPE_SPLIT:
			md_cost_split(out, r, o);
			break;
		case MODEL_SHAPE_CONTAINERS:
			md_cost_containers(out, r, o);
			break;
		}
	md_unfold(out);
	fputc('\n', out);
	md_cost_prices(out, r);
}


void
export_md_cost_brief(FILE *out, const struct report *r)
{
	const struct cost_result *c = r->cost;
	const struct pricing_provider *pv = c->provider;
	char a[64];
	int o, k = 0;

	fprintf(out, "**Cost a month** at %s requests: ", qty(
	    c->functions.volume, a, sizeof a));
	for (o = 0; o < r->model->noptions; o++)
		if (c->option_shape[o] >= 0) {
			fputs(k++ > 0 ? ", " : "", out);
			md_inline(out, r->model->options[o].title);
			fprintf(out, " %s", money(r->pricing,
			    c->option_monthly[o], a, sizeof a));
		}
	fputs(" (", out);
	md_inline(out, pv->name);
	fputs(" prices of ", out);
	md_inline(out, pv->date);
	fputs(").", out);
	if (c->break_even_kind != COST_BE_NONE) {
		fputs(" Break-even: ", out);
		export_md_break_even(out, r);
	}
	fputs("\n\n", out);
}
