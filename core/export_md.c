/* export_md.c - the Markdown summary; see export_md.h. */
#include "config.h"

#include "export_md.h"
#include "md.h"
#include "phrase.h"
#include "store.h"
#include "workload.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

static void
md_scores(FILE *out, const struct report *r)
{
	const struct model *m = r->model;
	const struct eval_result *res = r->result;
	int o, d;

	fputs("| Option | Total |", out);
	for (d = 0; d < m->ndims; d++) {
		fputc(' ', out);
		md_cell(out, m->dims[d].title);
		fprintf(out, " (w%d) |", r->answers->weight[d]);
	}
	fputs("\n|---|---:|", out);
	for (d = 0; d < m->ndims; d++)
		fputs("---:|", out);
	fputc('\n', out);
	for (o = 0; o < m->noptions; o++) {
		fputs("| ", out);
		if (o == res->recommendation)
			fputs("**", out);
		md_cell(out, m->options[o].title);
		if (o == res->recommendation)
			fputs("**", out);
		if (res->blocked & (1u << o))
			fputs(" (blocked)", out);
		fprintf(out, " | %.1f |", res->total[o]);
		for (d = 0; d < m->ndims; d++)
			fprintf(out, " %.1f |", res->score[o][d]);
		fputc('\n', out);
	}
}

static void
md_blocked(FILE *out, const struct report *r)
{
	const struct model *m = r->model;
	const struct eval_result *res = r->result;
	char buf[1200];
	int i;

	if (res->nblocks == 0)
		return;
	fputs("Ruled out by hard constraints:\n\n", out);
	for (i = 0; i < res->nblocks; i++) {
		fputs("- **", out);
		md_inline(out, m->options[res->blocks[i].option].title);
		fputs("**: ", out);
		md_inline(out, phrase_block(m, &res->blocks[i], buf, sizeof buf));
		fputc('\n', out);
	}
	fputc('\n', out);
}

static void
md_why(FILE *out, const struct report *r)
{
	const struct model *m = r->model;
	const struct eval_result *res = r->result;
	int i;

	if (res->nrationale > 0) {
		fputs("\n## Rationale\n\nThe answers that moved the result "
		    "most, largest first:\n\n", out);
		for (i = 0; i < res->nrationale; i++) {
			const struct eval_reason *x = &res->rationale[i];
			const struct model_question *qn =
			    &m->questions[x->question];

			fprintf(out, "%d. `%s` = `%s` favours ", i + 1, qn->id,
			    qn->answers[x->answer].id);
			md_inline(out, m->options[x->favors].title);
			fputs(" on ", out);
			md_inline(out, m->dims[x->dim].title);
			fprintf(out, " (%.1f points)\n", x->points);
		}
	}
	fputs("\n## What would flip it\n\n", out);
	export_md_flip(out, r);
}

void
export_md_flip(FILE *out, const struct report *r)
{
	char buf[1200];

	md_inline(out, phrase_flip(r->model, r->result, r->answers->answer,
	    r->answers->weight, buf, sizeof buf));
	fputc('\n', out);
}

/* Identity I, with who the session says it is: "ben (Ben, SRE)". */
static void
md_who(FILE *out, const struct answers *a, int i)
{
	md_inline(out, a->ident[i]);
	if (a->ident_as[i] != NULL) {
		fputs(" (", out);
		md_inline(out, a->ident_as[i]);
		fputc(')', out);
	}
}

/* The voters of answer K to question Q: "ana, chloe". */
static void
md_voters(FILE *out, const struct answers *a, int q, int k)
{
	int i, n = 0;

	for (i = 0; i < a->nidents; i++)
		if (a->vote[i][q] == k) {
			if (n++ > 0)
				fputs(", ", out);
			md_inline(out, a->ident[i]);
		}
}

void
export_md_disputed(FILE *out, const struct report *r,
    const struct disagree_question *x)
{
	const struct model *m = r->model;
	const struct model_question *qn = &m->questions[x->question];
	int i;

	for (i = 0; i < x->nanswers; i++) {
		const struct disagree_answer *y = &x->answers[i];

		fputs("  - ", out);
		md_inline(out, qn->answers[y->answer].label);
		fputs(": ", out);
		md_voters(out, r->answers, x->question, y->answer);
		fprintf(out, "; the recommendation %s ", y->changes ?
		    "becomes" : "stays");
		if (y->changes)
			fputs("**", out);
		md_inline(out, y->recommendation >= 0 ?
		    m->options[y->recommendation].title : "undecided");
		fputs(y->changes ? "**.\n" : ".\n", out);
	}
}

/* The participants' votes: their own recommendations beside the
 * room's, and the questions where votes differ. */
static void
md_votes(FILE *out, const struct report *r)
{
	const struct model *m = r->model;
	const struct answers *a = r->answers;
	const struct disagree *d = r->disagree;
	int i;

	if (d == NULL || a->nidents == 0)
		return;
	fputs("\n## Votes and disagreement\n\n"
	    "Each participant's own recommendation (their votes, the "
	    "session's answers elsewhere):\n\n"
	    "| Participant | Own recommendation |\n|---|---|\n", out);
	for (i = 0; i < a->nidents; i++) {
		fputs("| ", out);
		md_who(out, a, i);
		fputs(" | ", out);
		md_cell(out, d->own[i] >= 0 ? m->options[d->own[i]].title :
		    "undecided");
		fputs(d->own[i] != d->room ? " (differs) |\n" : " |\n", out);
	}
	if (d->nquestions == 0) {
		fputs("\nThe votes agree on every question.\n", out);
		return;
	}
	fputs("\nWhere votes differ, those that change the recommendation "
	    "first:\n\n", out);
	for (i = 0; i < d->nquestions; i++) {
		fputs("- **", out);
		md_inline(out, m->questions[d->questions[i].question].prompt);
		fputs("**\n", out);
		export_md_disputed(out, r, &d->questions[i]);
	}
}

static void
md_answers(FILE *out, const struct report *r)
{
	const struct model *m = r->model;
	const struct answers *a = r->answers;
	int p, q;

	fputs("\n## Answers\n", out);
	for (p = 0; p < m->npanels; p++) {
		const struct model_panel *pn = &m->panels[p];

		fputs("\n### ", out);
		md_inline(out, pn->title);
		fputs("\n\n| Question | Answer | Note |\n|---|---|---|\n", out);
		for (q = pn->first; q < pn->first + pn->count; q++) {
			const struct model_question *qn = &m->questions[q];

			fputs("| ", out);
			md_cell(out, qn->prompt);
			fputs(" | ", out);
			if (!r->result->visible_q[q])
				fputs("*(not asked)*", out);
			else if (a->answer[q] >= 0)
				md_cell(out, qn->answers[a->answer[q]].label);
			else
				fputs("*(unanswered)*", out);
			fputs(" | ", out);
			if (a->note[q] != NULL)
				md_cell(out, a->note[q]);
			fputs(" |\n", out);
		}
	}
}

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

static void
md_cost_functions(FILE *out, const struct report *r, int o)
{
	const struct pricing *p = r->pricing;
	const struct cost_result *c = r->cost;
	const struct cost_functions *f = &c->functions;
	const struct workload *w = &r->answers->workload;
	char a[64], b[64], d[64], e[64];

	fputs("### ", out);
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
	if (f->warm) {
		char g[64], h[64];

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
	}
	else if (f->warm_unpriced)
		fputs("- Kept warm: not priced (the price list has no 'warm' "
		    "prices for this plan)\n", out);
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

	fputs("### ", out);
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

	fputs("### ", out);
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

	fputs("### ", out);
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

/* A request volume as a short axis label: "10k", "147k", "2.2M". */
static const char *
volume_label(double v, char *buf, size_t size)
{
	static const struct { double unit; const char *suffix; } u[] = {
		{ 1e9, "B" }, { 1e6, "M" }, { 1e3, "k" }, { 1, "" } };
	size_t i;
	double x;

	for (i = 0; i < sizeof u / sizeof u[0] - 1 && v < u[i].unit; i++)
		;
	x = v / u[i].unit;
	if (x >= 9.95)
		snprintf(buf, size, "%.0f%s", x, u[i].suffix);
	else
		snprintf(buf, size, "%.1f%s", x, u[i].suffix);
	return buf;
}

/* The last chart sample to show: ten times the larger of the workload's
 * volume and the break-even, and at least 10,000,000 requests. */
static int
chart_last(const struct cost_result *c)
{
	double ref = c->functions.volume;
	int i, last = 3 * COST_SAMPLES_PER_DECADE;

	if (c->break_even_kind == COST_BE_CROSSING && c->break_even > ref)
		ref = c->break_even;
	for (i = 0; i < COST_SAMPLES - 1 && c->samples[i].volume <
	    ref * 10 * (1 - 1e-9); i++)
		;
	return i > last ? i : last;
}

/* The cost curves as a Mermaid xychart, which GitHub and GitLab draw.
 * Nothing from users goes inside the block: the labels are numbers made
 * here and the currency a checked three-letter code.  An option's colour
 * goes by its position, as its theme role does (the Okabe-Ito palette,
 * safe for colour blindness). */
static void
md_cost_chart(FILE *out, const struct report *r)
{
	const struct cost_result *c = r->cost;
	static const char *const colour[MODEL_MAX_OPTIONS] = { "orange",
	    "blue", "green", "purple", "vermillion" };
	static const char *const hex[MODEL_MAX_OPTIONS] = { "#E69F00",
	    "#0072B2", "#009E73", "#CC79A7", "#D55E00" };
	int i, o, k, last = chart_last(c);
	char a[64];

	fprintf(out, "Lines from 10,000 to %s requests a month: ",
	    pricing_group(c->samples[last].volume, 0, a, sizeof a));
	for (o = 0, k = 0; o < r->model->noptions; o++) {
		if (c->option_shape[o] < 0)
			continue;
		fputs(k++ > 0 ? ", " : "", out);
		md_inline(out, r->model->options[o].title);
		fprintf(out, " (%s)", colour[o]);
	}
	fputs(".\n\n```mermaid\n", out);
	fputs("%%{init: {\"themeVariables\": {\"xyChart\": "
	    "{\"plotColorPalette\": \"", out);
	for (o = 0, k = 0; o < r->model->noptions; o++)
		if (c->option_shape[o] >= 0)
			fprintf(out, "%s%s", k++ > 0 ? ", " : "", hex[o]);
	fputs("\"}}}}%%\n", out);
	fputs("xychart-beta\n", out);
	fprintf(out, "  title \"Cost per month (%s)\"\n", r->pricing->currency);
	fputs("  x-axis \"Requests a month\" [", out);
	for (i = 0; i <= last; i++)
		fprintf(out, "%s\"%s\"", i > 0 ? ", " : "", volume_label(
		    c->samples[i].volume, a, sizeof a));
	fprintf(out, "]\n  y-axis \"%s per month\"\n", r->pricing->currency);
	for (o = 0; o < r->model->noptions; o++) {
		if (c->option_shape[o] < 0)
			continue;
		fputs("  line [", out);
		for (i = 0; i <= last; i++)
			fprintf(out, "%s%.2f", i > 0 ? ", " : "",
			    c->samples[i].option[o]);
		fputs("]\n", out);
	}
	fputs("```\n\n", out);
}

static void
md_cost_curve(FILE *out, const struct report *r)
{
	const struct pricing *p = r->pricing;
	const struct cost_result *c = r->cost;
	const struct model *m = r->model;
	char a[64], b[64];
	int i, o;

	fputs("### Cost against volume\n\n| Requests a month |", out);
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
		const struct cost_sample *s = &c->samples[i];

		fprintf(out, "| %s |", pricing_group(s->volume, 0, a,
		    sizeof a));
		for (o = 0; o < m->noptions; o++)
			if (c->option_shape[o] >= 0)
				fprintf(out, " %s |", money(p, s->option[o], b,
				    sizeof b));
		fputc('\n', out);
	}
	fputc('\n', out);
	md_cost_chart(out, r);
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

static void
md_cost(FILE *out, const struct report *r)
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
	md_cost_curve(out, r);
	md_cost_prices(out, r);
}

/* ---- comparison tables, weights, history ---- */

static void
md_tables(FILE *out, const struct report *r)
{
	const struct model *m = r->model;
	const struct eval_result *res = r->result;
	int t, i, o;

	fputs("\n## Comparison tables\n\n", out);
	fputs("Rows marked ● bear on the answers given; in each, ✓ marks "
	    "the option the answers favour there.\n", out);
	for (t = 0; t < m->ntables; t++) {
		const struct model_table *tb = &m->tables[t];

		fputs("\n### ", out);
		md_inline(out, tb->title);
		fputs("\n\n| |", out);
		for (o = 0; o < m->noptions; o++) {
			fputc(' ', out);
			md_cell(out, m->options[o].title);
			fputs(" |", out);
		}
		fputs("\n|---|", out);
		for (o = 0; o < m->noptions; o++)
			fputs("---|", out);
		fputc('\n', out);
		for (i = 0; i < tb->nrows; i++) {
			const struct model_row *row = &tb->rows[i];
			int idx = tb->first_row + i;

			fputs("| ", out);
			if (res->row_relevant[idx]) {
				fputs("**", out);
				md_cell(out, row->label);
				fputs("** ●", out);
			} else
				md_cell(out, row->label);
			fputs(" |", out);
			for (o = 0; o < m->noptions; o++) {
				fputs(o == res->row_favors[idx] ? " ✓ " : " ",
				    out);
				md_cell(out, row->cells[o]);
				fputs(" |", out);
			}
			fputc('\n', out);
		}
	}
}

static void
md_weights(FILE *out, const struct report *r)
{
	const struct model *m = r->model;
	const struct answers *a = r->answers;
	int d;

	fputs("\n## Weights\n\n| Dimension | Weight | Model default "
	    "|\n|---|---:|---:|\n", out);
	for (d = 0; d < m->ndims; d++) {
		fputs("| ", out);
		md_cell(out, m->dims[d].title);
		fprintf(out, " | %d%s | %d |\n", a->weight[d],
		    a->weight[d] != m->dims[d].weight ? " (set)" : "",
		    m->dims[d].weight);
	}
}

/* The label of answer ID to question Q, or NULL. */
static const char *
answer_label(const struct model *m, int q, const char *id)
{
	int a;

	if (q < 0 || id == NULL || (a = model_answer_index(m, q, id)) < 0)
		return NULL;
	return m->questions[q].answers[a].label;
}

/* What a history entry changed, in words. */
static void
change_what(FILE *out, const struct model *m, const char *field, int *q)
{
	static const struct { const char *prefix, *words; } kinds[] = {
		{ "answer:", "Answer to " }, { "note:", "Note on " },
		{ "weight:", "Weight of " }, { "workload:", "Workload figure " },
		{ "reveal:", "Votes revealed on " },
		{ "identity:", "Who is " },
	};
	const char *colon;
	static const struct { const char *field, *words; } whole[] = {
		{ "context", "Context" }, { "participants", "Participants" },
		{ "created", "Session created" }, { "copied", "Copied" },
		{ "name", "Renamed" },
	};
	size_t i, n;

	*q = -1;
	/* A vote: "vote:ben:devops". */
	if (strncmp(field, "vote:", 5) == 0 &&
	    (colon = strchr(field + 5, ':')) != NULL) {
		char who[ANSWERS_IDENT_MAX + 1];

		snprintf(who, sizeof who, "%.*s", (int)(colon - field - 5),
		    field + 5);
		fputs("Vote of ", out);
		md_cell(out, who);
		fputs(" on ", out);
		md_id(out, colon + 1);
		*q = model_question_index(m, colon + 1);
		return;
	}
	for (i = 0; i < sizeof kinds / sizeof kinds[0]; i++) {
		n = strlen(kinds[i].prefix);
		if (strncmp(field, kinds[i].prefix, n) != 0)
			continue;
		fputs(kinds[i].words, out);
		if (i < 2)
			*q = model_question_index(m, field + n);
		if (i == 2 && model_dim_index(m, field + n) >= 0)
			md_cell(out, m->dims[model_dim_index(m,
			    field + n)].title);
		else
			md_id(out, field + n);
		return;
	}
	for (i = 0; i < sizeof whole / sizeof whole[0]; i++)
		if (strcmp(field, whole[i].field) == 0) {
			fputs(whole[i].words, out);
			return;
		}
	md_cell(out, field);
}

/* What an unset weight or workload figure FIELD stood for: the model's
 * default, "3 (default)"; NULL for other fields. */
static const char *
change_default(const struct model *m, const char *field, char *buf,
    size_t size)
{
	struct workload w;
	char v[64];
	int i;

	if (strncmp(field, "weight:", 7) == 0 &&
	    (i = model_dim_index(m, field + 7)) >= 0) {
		snprintf(buf, size, "%d (default)", m->dims[i].weight);
		return buf;
	}
	if (strncmp(field, "workload:", 9) == 0 &&
	    (i = workload_field(field + 9)) >= 0) {
		workload_defaults(&w);
		workload_format(&w, i, v, sizeof v);
		snprintf(buf, size, "%s%s(default)", v, v[0] != '\0' ? " " :
		    "");
		return buf;
	}
	return NULL;
}

/* A history value of FIELD: an answer's label where it is one, the
 * default where an unset weight or figure has one, else the text
 * shortened. */
static void
change_value(FILE *out, const struct model *m, const char *field, int q,
    const char *v)
{
	const char *label = answer_label(m, q, v);
	char def[96];

	if (v == NULL && change_default(m, field, def, sizeof def) != NULL)
		md_cell(out, def);
	else if (v == NULL)
		fputs("—", out);
	else if (label != NULL)
		md_cell(out, label);
	else
		md_cell_max(out, v, 120);
}

static void
md_history(FILE *out, const struct report *r)
{
	const struct report_session *ss = r->session;
	char t[32];
	int i, q;

	fputs("\n## Change history\n\n", out);
	if (ss->nchanges == 0) {
		fputs("No changes recorded.\n", out);
		return;
	}
	fputs("| When (UTC) | Who | What | Was | Now |\n"
	    "|---|---|---|---|---|\n", out);
	for (i = 0; i < ss->nchanges; i++) {
		const struct report_change *c = &ss->changes[i];

		fprintf(out, "| %s | ", phrase_time(c->time, PHRASE_TIME_ISO,
		    t, sizeof t));
		md_cell(out, c->user);
		fputs(" | ", out);
		if (c->undo)
			fputs("Undo: ", out);
		change_what(out, r->model, c->field, &q);
		fputs(" | ", out);
		change_value(out, r->model, c->field, q, c->old);
		fputs(" | ", out);
		change_value(out, r->model, c->field, q, c->new);
		fputs(" |\n", out);
	}
}

/* ---- the head of the document ---- */

/* The participants as listed, else those who took part. */
static void
md_participants(FILE *out, const struct report *r)
{
	const struct answers *a = r->answers;
	const char *took[ANSWERS_MAX_IDENTS + 32];
	const char *const *names = a->participants;
	int i, n = a->nparticipants;

	if (n == 0) {
		n = report_took_part(r, took, (int)(sizeof took /
		    sizeof took[0]));
		names = took;
	}
	if (n == 0)
		return;
	fputs(a->nparticipants > 0 ? "- **Participants:** " :
	    "- **Took part:** ", out);
	for (i = 0; i < n; i++) {
		if (i > 0)
			fputs(", ", out);
		md_inline(out, names[i]);
	}
	fputc('\n', out);
}

/* The decision model and its version, and the one the session was
 * started with when that differs. */
static void
md_model_line(FILE *out, const struct model *m,
    const struct report_session *ss)
{
	fputs("- **Decision model:** ", out);
	md_id(out, m->id);
	fputs(" version ", out);
	md_inline(out, m->version);
	if (ss != NULL && ss->model_version != NULL &&
	    ss->model_version[0] != '\0' &&
	    (strcmp(ss->model_version, m->version) != 0 ||
	    strcmp(ss->model_id, m->id) != 0)) {
		fputs(" (the session was started with ", out);
		md_id(out, ss->model_id);
		fputs(" version ", out);
		md_inline(out, ss->model_version);
		fputc(')', out);
	}
	fputc('\n', out);
}

/* The price list the costs come from, and whether it is stale. */
static void
md_prices_line(FILE *out, const struct report *r)
{
	const struct pricing_provider *pv = r->cost->provider;

	fputs("- **Prices:** ", out);
	md_inline(out, pv->name);
	fputs(" (", out);
	md_inline(out, pv->region);
	fputs("), dated ", out);
	md_inline(out, pv->date);
	if (r->pricing->title[0] != '\0') {
		fputs(", ", out);
		md_inline(out, r->pricing->title);
	}
	fprintf(out, "; price list format %ld%s\n", r->pricing->version,
	    pricing_is_stale(pv->day, r->now) ? "; **stale**" : "");
}

static void
md_head(FILE *out, const struct report *r)
{
	const struct model *m = r->model;
	const struct answers *a = r->answers;
	const struct report_session *ss = r->session;
	const char *name = ss != NULL ? ss->name : a->session;
	char t1[32], t2[32];

	fputs("# ", out);
	if (name != NULL) {
		md_inline(out, name);
		fputs(": ", out);
	}
	md_inline(out, m->title);
	fputs("\n\n", out);
	if (ss != NULL) {
		phrase_time(ss->updated, PHRASE_TIME_ISO, t1, sizeof t1);
		fprintf(out, "- **Date:** %.10s (last changed %s, created "
		    "%s)\n", t1, t1, phrase_time(ss->created, PHRASE_TIME_ISO,
		    t2, sizeof t2));
	}
	md_model_line(out, m, ss);
	if (r->cost != NULL && r->pricing != NULL)
		md_prices_line(out, r);
	md_participants(out, r);
	if (a->context != NULL && a->context[0] != '\0') {
		fputs("\n## Context\n\n", out);
		md_paragraph(out, a->context);
		fputc('\n', out);
	}
}

int
export_md(FILE *out, const struct report *r, struct err *e)
{
	const struct model *m = r->model;
	const struct eval_result *res = r->result;

	md_head(out, r);
	fputs("\n## Recommendation\n\n", out);
	if (res->recommendation >= 0) {
		fputs("**", out);
		md_inline(out, m->options[res->recommendation].title);
		fprintf(out, "** with confidence %.2f ", res->confidence);
	} else
		fputs("**Undecided** ", out);
	fprintf(out, "(%d of %d questions answered).\n\n", res->answered,
	    res->visible);
	md_blocked(out, r);
	md_scores(out, r);
	md_why(out, r);
	md_votes(out, r);
	md_answers(out, r);
	md_tables(out, r);
	if (r->cost != NULL && r->pricing != NULL)
		md_cost(out, r);
	md_weights(out, r);
	if (r->session != NULL)
		md_history(out, r);
	if (fflush(out) != 0 || ferror(out)) {
		err_set(e, "cannot write Markdown: %s", strerror(errno));
		return -1;
	}
	return 0;
}
