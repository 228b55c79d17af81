/* cost.c - the cost model; see cost.h and doc/cost.md. */
#include "config.h"

#include "cost.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

double
cost_vcpu_per_request(const struct workload *w)
{
	if (w->num[WL_VCPU] > 0)
		return w->num[WL_VCPU];
	return w->num[WL_MEMORY] / WL_MB_PER_VCPU;
}

const struct pricing_node *
cost_node(const struct pricing_provider *pv, const struct workload *w)
{
	int i;

	if (w->text[WL_NODE_TYPE][0] == '\0')
		return &pv->nodes[pv->default_node];
	i = pricing_node_index(pv, w->text[WL_NODE_TYPE]);
	return i >= 0 ? &pv->nodes[i] : NULL;
}

const struct pricing_functions *
cost_plan(const struct pricing_provider *pv, const struct workload *w)
{
	return w->num[WL_PLAN] == WL_PLAN_LEGACY && pv->has_legacy ?
	    &pv->legacy : &pv->functions;
}

double
cost_control_plane_rate(const struct pricing_provider *pv,
    const struct workload *w)
{
	return w->num[WL_SUPPORT] == WL_SUPPORT_EXTENDED &&
	    pv->extended_per_hour > 0 ? pv->extended_per_hour :
	    pv->control_plane_per_hour;
}

static const struct pricing_provider *
provider_of(const struct pricing *p, const struct workload *w)
{
	int i = (int)w->num[WL_PROVIDER];

	return i >= 0 && i < WL_NPROVIDERS ? &p->provider[i] : NULL;
}

/* An error about figure F of W, at its position when it has one. */
static int
figure_error(const struct workload *w, int f, const char *file,
    struct err *e, const char *msg)
{
	if (file != NULL && w->line[f] > 0)
		err_at(e, file, w->line[f], w->col[f], "%s", msg);
	else if (file != NULL)
		err_file(e, file, "%s", msg);
	else
		err_set(e, "%s", msg);
	return -1;
}

int
cost_check(const struct pricing *p, const struct workload *w,
    const char *file, struct err *e)
{
	const struct pricing_provider *pv = provider_of(p, w);
	const struct pricing_functions *fn;
	const struct pricing_block *plan;
	int arch = (int)w->num[WL_ARCH], i;
	char msg[ERR_MAX], q[128], num[64];
	size_t o;

	if (pv == NULL)
		return figure_error(w, WL_PROVIDER, file, e,
		    "unknown provider");
	if (cost_node(pv, w) == NULL) {
		o = (size_t)snprintf(msg, sizeof msg, "unknown node type '%s' "
		    "for %s (expected: ", err_quote(q, sizeof q,
		    w->text[WL_NODE_TYPE], strlen(w->text[WL_NODE_TYPE])),
		    pv->id);
		for (i = 0; i < pv->nnodes && o < sizeof msg; i++)
			o += (size_t)snprintf(msg + o, sizeof msg - o, "%s%s",
			    i ? ", " : "", pv->nodes[i].type);
		if (o < sizeof msg)
			snprintf(msg + o, sizeof msg - o, ")");
		return figure_error(w, WL_NODE_TYPE, file, e, msg);
	}
	if (w->num[WL_PLAN] == WL_PLAN_LEGACY && !pv->has_legacy) {
		snprintf(msg, sizeof msg, "the price list has no legacy "
		    "functions plan for %s (only the current one, %s)", pv->id,
		    pv->block[PB_FUNCTIONS].service);
		return figure_error(w, WL_PLAN, file, e, msg);
	}
	fn = cost_plan(pv, w);
	plan = &pv->block[fn == &pv->legacy ? PB_LEGACY : PB_FUNCTIONS];
	if (arch < 0 || arch >= WL_NARCHS || !(fn->has_arch & (1u << arch))) {
		snprintf(msg, sizeof msg, "the price list has no %s price for "
		    "%s functions (%s)", arch >= 0 && arch < WL_NARCHS ?
		    wl_fields[WL_ARCH].choices[arch] : "such an architecture",
		    pv->id, plan->service);
		return figure_error(w, WL_ARCH, file, e, msg);
	}
	if (fn->max_memory_mb > 0 && w->num[WL_MEMORY] > fn->max_memory_mb) {
		snprintf(msg, sizeof msg, "memory_mb %s is more than %s allows "
		    "(%s MB)", pricing_group(w->num[WL_MEMORY], 0, q, sizeof q),
		    plan->service, pricing_group(fn->max_memory_mb, 0, num,
		    sizeof num));
		return figure_error(w, WL_MEMORY, file, e, msg);
	}
	if (fn->max_duration_ms > 0 &&
	    w->num[WL_DURATION] > fn->max_duration_ms) {
		snprintf(msg, sizeof msg, "avg_duration_ms %s is more than %s "
		    "allows (%s ms)", pricing_group(w->num[WL_DURATION], 0, q,
		    sizeof q), plan->service, pricing_group(
		    fn->max_duration_ms, 0, num, sizeof num));
		return figure_error(w, WL_DURATION, file, e, msg);
	}
	if (w->num[WL_SUPPORT] == WL_SUPPORT_EXTENDED &&
	    !(pv->extended_per_hour > 0)) {
		snprintf(msg, sizeof msg, "the price list has no extended-"
		    "support rate for %s (add 'extended_support_per_hour' to "
		    "its 'kubernetes' block, see doc/cost.md)", pv->id);
		return figure_error(w, WL_SUPPORT, file, e, msg);
	}
	return 0;
}

/* BILLABLE GB-seconds at RATE, the part above each tier's threshold
 * at that tier's rate. */
static double
tiered(double billable, double rate, const struct pricing_tier *tiers,
    int ntiers, double *above)
{
	double cost = 0, from = 0;
	int i;

	*above = 0;
	for (i = 0; i < ntiers && billable > tiers[i].above; i++) {
		cost += (tiers[i].above - from) * rate;
		from = tiers[i].above;
		rate = tiers[i].rate;
	}
	if (i > 0)
		*above = billable - tiers[0].above;
	return cost + (billable - from) * rate;
}

/* Capacity kept warm for F's volume: the peak concurrency, at least one
 * instance, all month. */
static void
warm_capacity(const struct pricing_functions *fn, const struct workload *w,
    struct cost_functions *f)
{
	double conc = f->volume / COST_SECONDS_PER_MONTH *
	    w->num[WL_DURATION] / 1000.0 * w->num[WL_PEAK_RATIO];

	f->warm = 1;
	f->warm_instances = fmax(1.0, conc);
	f->warm_gb_seconds = f->warm_instances * w->num[WL_MEMORY] / 1024.0 *
	    COST_SECONDS_PER_MONTH;
	f->warm_gb_second_rate = fn->warm_gb_second;
	f->warm_vcpu_second_rate = fn->warm_vcpu_second;
	if (fn->warm_vcpu_second > 0)
		f->warm_vcpu_seconds = f->warm_instances *
		    cost_vcpu_per_request(w) * COST_SECONDS_PER_MONTH;
	f->warm_cost = f->warm_gb_seconds * fn->warm_gb_second +
	    f->warm_vcpu_seconds * fn->warm_vcpu_second;
}

void
cost_functions(const struct pricing_provider *pv, const struct workload *w,
    double volume, struct cost_functions *f)
{
	const struct pricing_functions *fn = cost_plan(pv, w);
	int arch = (int)w->num[WL_ARCH], gw = (int)w->num[WL_GATEWAY];
	int free_tier = w->num[WL_FREE_TIER] != 0;
	double ms = w->num[WL_DURATION], mb = w->num[WL_MEMORY];
	int warm = w->warm && fn->has_warm;

	memset(f, 0, sizeof *f);
	f->volume = volume;
	f->legacy = fn == &pv->legacy;
	/* requests x duration(s) x memory(GB), multiplied out before
	 * dividing so whole inputs give exact GB-seconds. */
	f->gb_seconds = volume * ms * mb / (1000.0 * 1024.0);
	f->vcpu_seconds = volume * ms / 1000.0 * cost_vcpu_per_request(w);
	/* Warm instances start once, not per cold request. */
	if (fn->init_billed && !warm) {
		f->cold_starts = volume * w->num[WL_COLD_STARTS] / 100.0;
		f->init_gb_seconds = f->cold_starts * w->num[WL_INIT] * mb /
		    (1000.0 * 1024.0);
		f->init_vcpu_seconds = f->cold_starts * w->num[WL_INIT] /
		    1000.0 * cost_vcpu_per_request(w);
		f->gb_seconds += f->init_gb_seconds;
		f->vcpu_seconds += f->init_vcpu_seconds;
	}
	/* Free allowances do not cover functions kept warm (Lambda's
	 * provisioned concurrency, Azure's always-ready instances). */
	if (free_tier && !warm) {
		f->free_gb_seconds = fn->free_gb_seconds;
		f->free_vcpu_seconds = fn->free_vcpu_seconds;
		f->free_requests = fn->free_requests;
	}
	if (free_tier)
		f->free_gateway_requests = pv->gateway_free_requests;
	f->billable_gb_seconds = fmax(0, f->gb_seconds - f->free_gb_seconds);
	f->billable_vcpu_seconds = fmax(0, f->vcpu_seconds -
	    f->free_vcpu_seconds);
	f->billable_requests = fmax(0, volume - f->free_requests);
	f->gb_second_rate = fn->gb_second[arch];
	f->vcpu_second_rate = fn->vcpu_second[arch];
	f->request_rate = fn->per_million_requests;
	if (warm) {
		warm_capacity(fn, w, f);
		if (fn->warm_execution_gb_second > 0)
			f->gb_second_rate = fn->warm_execution_gb_second;
		f->compute_memory = f->billable_gb_seconds * f->gb_second_rate;
	} else {
		f->warm_unpriced = w->warm;
		f->compute_memory = tiered(f->billable_gb_seconds,
		    f->gb_second_rate, fn->tiers[arch], fn->ntiers[arch],
		    &f->tiered_gb_seconds);
	}
	f->compute_vcpu = f->billable_vcpu_seconds * f->vcpu_second_rate;
	f->compute = f->compute_memory + f->compute_vcpu + f->warm_cost;
	f->requests = f->billable_requests * f->request_rate / 1e6;
	if (gw > WL_GW_NONE && gw < WL_NGATEWAYS) {
		f->gateway_rate = pv->gateway[gw];
		f->billable_gateway_requests = fmax(0, volume -
		    f->free_gateway_requests);
		f->gateway = f->billable_gateway_requests * f->gateway_rate /
		    1e6;
	}
	f->monthly = f->compute + f->requests + f->gateway;
}

/* Nodes needed per request a month, before rounding up and before
 * min_nodes: need(volume) = volume x this.  Shrunk by COST_NODE_SLACK so
 * an exact fit does not round up to one node more. */
static double
nodes_per_request(const struct pricing_node *node, const struct workload *w,
    double *vcpu_part, double *memory_part)
{
	double util = w->num[WL_UTILIZATION] / 100.0;
	double sizing = w->num[WL_AUTOSCALING] != 0 ? 1.0 :
	    w->num[WL_PEAK_RATIO];
	double conc = w->num[WL_DURATION] / 1000.0 / COST_SECONDS_PER_MONTH *
	    sizing;

	*vcpu_part = conc * cost_vcpu_per_request(w) / (node->vcpu * util);
	*memory_part = conc * (w->num[WL_MEMORY] / 1024.0) /
	    (node->memory_gib * util);
	return fmax(*vcpu_part, *memory_part) * (1.0 - COST_NODE_SLACK);
}

/* Whole nodes for VOLUME: max(min_nodes, ceil(need)). */
static double
nodes_for(double per_request, double volume, double min_nodes)
{
	return fmax(min_nodes, ceil(per_request * volume));
}

static double
cluster_monthly(const struct pricing_provider *pv,
    const struct pricing_node *node, const struct workload *w, double nodes)
{
	return COST_HOURS_PER_MONTH * (nodes * node->per_hour +
	    cost_control_plane_rate(pv, w));
}

void
cost_cluster(const struct pricing_provider *pv,
    const struct pricing_node *node, const struct workload *w, double volume,
    struct cost_cluster *c)
{
	double util = w->num[WL_UTILIZATION] / 100.0, vp, mp, per;

	memset(c, 0, sizeof *c);
	c->present = 1;
	c->volume = volume;
	c->rps = volume / COST_SECONDS_PER_MONTH;
	c->avg_concurrency = c->rps * w->num[WL_DURATION] / 1000.0;
	c->peak_concurrency = c->avg_concurrency * w->num[WL_PEAK_RATIO];
	c->sized_concurrency = w->num[WL_AUTOSCALING] != 0 ?
	    c->avg_concurrency : c->peak_concurrency;
	c->vcpu_need = c->sized_concurrency * cost_vcpu_per_request(w);
	c->memory_need_gib = c->sized_concurrency * w->num[WL_MEMORY] / 1024.0;
	c->node_vcpu = node->vcpu * util;
	c->node_memory_gib = node->memory_gib * util;
	per = nodes_per_request(node, w, &vp, &mp);
	c->nodes_for_vcpu = vp * volume;
	c->nodes_for_memory = mp * volume;
	c->nodes = nodes_for(per, volume, w->num[WL_MIN_NODES]);
	if (c->nodes <= w->num[WL_MIN_NODES] &&
	    ceil(per * volume) < w->num[WL_MIN_NODES])
		c->bound = COST_BOUND_MINIMUM;
	else
		c->bound = vp >= mp ? COST_BOUND_VCPU : COST_BOUND_MEMORY;
	c->fits = cost_vcpu_per_request(w) <= c->node_vcpu &&
	    w->num[WL_MEMORY] / 1024.0 <= c->node_memory_gib;
	c->node_hourly = node->per_hour;
	c->control_plane_hourly = cost_control_plane_rate(pv, w);
	c->extended = w->num[WL_SUPPORT] == WL_SUPPORT_EXTENDED &&
	    pv->extended_per_hour > 0;
	c->node_cost = COST_HOURS_PER_MONTH * c->nodes * node->per_hour;
	c->control_plane = COST_HOURS_PER_MONTH * c->control_plane_hourly;
	c->monthly = c->node_cost + c->control_plane;
}

static double
functions_monthly(const struct pricing_provider *pv, const struct workload *w,
    double volume)
{
	struct cost_functions f;

	cost_functions(pv, w, volume, &f);
	return f.monthly;
}

/* What the break-even search holds fixed while the volume changes. */
struct search {
	const struct pricing_provider *pv;
	const struct pricing_node *node;
	const struct workload *w;
	double per;			/* nodes per request, before rounding */
	double min;			/* min_nodes */
	double lo_v, hi_v;		/* the volumes searched */
	double n_lo, n_hi;		/* the node counts at either end */
};

/* The cluster's cost while N nodes serve. */
static double
step_cost(const struct search *x, double n)
{
	return cluster_monthly(x->pv, x->node, x->w, fmax(x->min, n));
}

/* The smallest volume searched that N nodes serve. */
static double
step_start(const struct search *x, double n)
{
	return n <= x->n_lo ? x->lo_v : (n - 1) / x->per;
}

/* Whether functions cost no more than N nodes at the start of their
 * step (and so somewhere in it). */
static int
cheaper_in(const struct search *x, double n)
{
	return functions_monthly(x->pv, x->w, step_start(x, n)) <=
	    step_cost(x, n);
}

/* The break-even: the volume above which functions cost more than the
 * cluster, to the top of the search range.
 *
 * The cluster's cost is a staircase: constant K(n) while n nodes do,
 * n = max(min_nodes, ceil(c x volume)).  Functions' cost f is continuous,
 * non-decreasing and convex (a sum of max(0, linear) terms).  Step n
 * (n above the first) starts at s(n) = (n - 1) / c; let d(n) = f(s(n)) -
 * K(n).  Because f - (the cluster's cost with fractional nodes) is
 * convex and not positive at 0, once d(n) > 0 it stays so for every
 * larger n: "functions are not dearer somewhere in step n" is true up to
 * some step and false after it, so bisection over n finds the last step
 * where functions can be cheaper, and bisection over the volume inside
 * that step (where K is constant and f rises) finds the crossing. */
static void
break_even(const struct pricing_provider *pv, const struct pricing_node *node,
    const struct workload *w, struct cost_result *r)
{
	struct search x = { .pv = pv, .node = node, .w = w,
	    .min = w->num[WL_MIN_NODES], .lo_v = COST_SEARCH_MIN,
	    .hi_v = r->search_max };
	double vp, mp, a, b, last, start, end, k;

	x.per = nodes_per_request(node, w, &vp, &mp);
	x.n_lo = nodes_for(x.per, x.lo_v, x.min);
	x.n_hi = nodes_for(x.per, x.hi_v, x.min);
	if (functions_monthly(pv, w, x.hi_v) <= step_cost(&x, x.n_hi)) {
		r->break_even_kind = COST_BE_FUNCTIONS_CHEAPER;
		return;
	}
	/* The last step above the first where functions are cheaper at
	 * its start; if there is none, perhaps the first step. */
	last = -1;
	if (x.n_hi > x.n_lo && cheaper_in(&x, x.n_lo + 1)) {
		a = x.n_lo + 1;		/* cheaper at a's start */
		b = x.n_hi + 1;		/* dearer at b's start, or past the end */
		if (cheaper_in(&x, x.n_hi))
			a = x.n_hi;
		while (b - a > 1) {
			double mid = floor(a + (b - a) / 2);

			if (mid <= a || mid >= b)
				break;	/* beyond exact integers */
			if (cheaper_in(&x, mid))
				a = mid;
			else
				b = mid;
		}
		last = a;
	} else if (cheaper_in(&x, x.n_lo))
		last = x.n_lo;
	if (last < 0) {
		r->break_even_kind = COST_BE_FUNCTIONS_DEARER;
		return;
	}
	/* Inside step LAST the cluster costs K; functions rise through it. */
	k = step_cost(&x, last);
	start = step_start(&x, last);
	end = last >= x.n_hi ? x.hi_v : fmin(last / x.per, x.hi_v);
	while (end - start > fmax(1e-6, end * 1e-13)) {
		double mid = start + (end - start) / 2;

		if (mid <= start || mid >= end)
			break;
		if (functions_monthly(pv, w, mid) <= k)
			start = mid;
		else
			end = mid;
	}
	r->break_even_kind = COST_BE_CROSSING;
	r->break_even = end;
}

void
cost_split(const struct pricing_provider *pv,
    const struct pricing_node *node, const struct workload *w, double volume,
    struct cost_split *h)
{
	double share = w->num[WL_FUNCTION_SHARE];
	double on_functions = volume * share / 100.0;

	h->share = share;
	/* The free tier is counted once, on the functions part. */
	cost_functions(pv, w, on_functions, &h->functions);
	/* With every request on functions there is no cluster to pay for. */
	if (share < 100)
		cost_cluster(pv, node, w, volume - on_functions, &h->cluster);
	else
		memset(&h->cluster, 0, sizeof h->cluster);
	h->monthly = h->functions.monthly + h->cluster.monthly;
}

void
cost_containers(const struct pricing_provider *pv, const struct workload *w,
    double volume, struct cost_containers *k)
{
	double util = w->num[WL_UTILIZATION] / 100.0;
	int free_tier = w->num[WL_FREE_TIER] != 0;
	double need;

	memset(k, 0, sizeof *k);
	if (!pv->has_containers)
		return;
	k->present = 1;
	k->volume = volume;
	k->rps = volume / COST_SECONDS_PER_MONTH;
	/* The platform adds and removes instances with the load and bills
	 * the seconds they run: sized for the average, as an autoscaling
	 * cluster is. */
	k->avg_concurrency = k->rps * w->num[WL_DURATION] / 1000.0;
	k->vcpu_need = k->avg_concurrency * cost_vcpu_per_request(w);
	k->memory_need_gib = k->avg_concurrency * w->num[WL_MEMORY] / 1024.0;
	k->instance_vcpu = pv->ct_instance_vcpu;
	k->instance_memory_gib = pv->ct_instance_gib;
	k->usable_vcpu = pv->ct_instance_vcpu * util;
	k->usable_memory_gib = pv->ct_instance_gib * util;
	k->instances_for_vcpu = k->vcpu_need / k->usable_vcpu;
	k->instances_for_memory = k->memory_need_gib / k->usable_memory_gib;
	k->min_instances = pv->ct_min_instances;
	need = fmax(k->instances_for_vcpu, k->instances_for_memory);
	if (k->min_instances > need)
		k->bound = COST_BOUND_MINIMUM;
	else
		k->bound = k->instances_for_vcpu >= k->instances_for_memory ?
		    COST_BOUND_VCPU : COST_BOUND_MEMORY;
	k->instances = fmax(k->min_instances, need);
	k->vcpu_seconds = k->instances * k->instance_vcpu *
	    COST_SECONDS_PER_MONTH;
	k->gib_seconds = k->instances * k->instance_memory_gib *
	    COST_SECONDS_PER_MONTH;
	if (free_tier) {
		k->free_vcpu_seconds = pv->ct_free_vcpu_seconds;
		k->free_gib_seconds = pv->ct_free_gib_seconds;
		k->free_requests = pv->ct_free_requests;
	}
	k->billable_vcpu_seconds = fmax(0, k->vcpu_seconds -
	    k->free_vcpu_seconds);
	k->billable_gib_seconds = fmax(0, k->gib_seconds - k->free_gib_seconds);
	k->billable_requests = fmax(0, volume - k->free_requests);
	k->vcpu_second_rate = pv->ct_vcpu_second;
	k->gib_second_rate = pv->ct_gib_second;
	k->request_rate = pv->ct_per_million_requests;
	k->compute_vcpu = k->billable_vcpu_seconds * k->vcpu_second_rate;
	k->compute_memory = k->billable_gib_seconds * k->gib_second_rate;
	k->compute = k->compute_vcpu + k->compute_memory;
	k->requests = k->billable_requests * k->request_rate / 1e6;
	k->monthly = k->compute + k->requests;
}

/* Every answer of M's provider question names a provider of P. */
static int
check_providers(const struct pricing *p, const struct model *m,
    struct err *e)
{
	int q = m->role_question[MODEL_QROLE_PROVIDER], a, i;

	if (q < 0)
		return 0;
	for (a = 0; a < m->questions[q].nanswers; a++) {
		const struct model_answer *an = &m->questions[q].answers[a];

		for (i = 0; i < WL_NPROVIDERS; i++)
			if (strcmp(p->provider[i].id, an->id) == 0)
				break;
		if (i < WL_NPROVIDERS)
			continue;
		err_at(e, m->file, an->line, an->col, "answer '%s' of question "
		    "'%s' (role: provider) names a provider the price list %s "
		    "does not price (it prices %s, %s, %s)", an->id,
		    m->questions[q].id, p->file, p->provider[0].id,
		    p->provider[1].id, p->provider[2].id);
		return -1;
	}
	return 0;
}

int
cost_check_model(const struct pricing *p, const struct model *m,
    struct err *e)
{
	int o = m->shape_option[MODEL_SHAPE_CONTAINERS], i;

	if (check_providers(p, m, e) != 0)
		return -1;
	if (o < 0)
		return 0;
	for (i = 0; i < WL_NPROVIDERS; i++) {
		const struct pricing_provider *pv = &p->provider[i];

		if (pv->has_containers)
			continue;
		err_at(e, p->file, pv->line, pv->col, "no 'containers' prices "
		    "for %s: option '%s' of model '%s' is priced as "
		    "serverless containers (add a 'containers' block, see "
		    "doc/cost.md)", pv->id, m->options[o].id, m->id);
		return -1;
	}
	return 0;
}

/* The monthly figure of shape S in R, and whether R prices it. */
static int
shape_monthly(const struct cost_result *r, int s, double *out)
{
	switch (s) {
	case MODEL_SHAPE_FUNCTIONS:
		*out = r->functions.monthly;
		return 1;
	case MODEL_SHAPE_CLUSTER:
		*out = r->cluster.monthly;
		return 1;
	case MODEL_SHAPE_SPLIT:
		*out = r->split.monthly;
		return 1;
	case MODEL_SHAPE_CONTAINERS:
		*out = r->containers.monthly;
		return r->containers.present;
	}
	return 0;
}

/* Every shape at VOLUME into sample S, and each option through R's
 * mapping. */
static void
sample(const struct pricing_provider *pv, const struct pricing_node *node,
    const struct workload *w, const struct cost_result *r,
    struct cost_sample *s)
{
	struct cost_cluster c;
	struct cost_split h;
	struct cost_containers k;
	int o;

	s->shape[MODEL_SHAPE_FUNCTIONS] = functions_monthly(pv, w, s->volume);
	cost_cluster(pv, node, w, s->volume, &c);
	s->shape[MODEL_SHAPE_CLUSTER] = c.monthly;
	cost_split(pv, node, w, s->volume, &h);
	s->shape[MODEL_SHAPE_SPLIT] = h.monthly;
	cost_containers(pv, w, s->volume, &k);
	s->shape[MODEL_SHAPE_CONTAINERS] = k.monthly;
	for (o = 0; o < r->noptions; o++)
		s->option[o] = r->option_shape[o] >= 0 ?
		    s->shape[r->option_shape[o]] : 0;
}

int
cost_run(const struct pricing *p, const struct model *m,
    const struct workload *w, struct cost_result *r)
{
	const struct pricing_provider *pv = provider_of(p, w);
	const struct pricing_node *node;
	double volume = w->num[WL_REQUESTS], v;
	int i, o;

	memset(r, 0, sizeof *r);
	if (cost_check(p, w, NULL, NULL) != 0)
		return -1;
	node = cost_node(pv, w);
	r->provider = pv;
	r->node = node;
	r->arch = (int)w->num[WL_ARCH];
	r->gateway = (int)w->num[WL_GATEWAY];
	r->vcpu_per_request = cost_vcpu_per_request(w);
	r->vcpu_derived = !(w->num[WL_VCPU] > 0);
	r->search_max = wl_fields[WL_REQUESTS].max;
	cost_functions(pv, w, volume, &r->functions);
	cost_cluster(pv, node, w, volume, &r->cluster);
	cost_split(pv, node, w, volume, &r->split);
	cost_containers(pv, w, volume, &r->containers);
	r->noptions = m != NULL ? m->noptions : 0;
	for (o = 0; o < r->noptions; o++) {
		r->option_shape[o] = m->options[o].shape;
		if (r->option_shape[o] < 0 ||
		    !shape_monthly(r, r->option_shape[o], &v)) {
			r->option_shape[o] = MODEL_SHAPE_NONE;
			continue;
		}
		r->option_monthly[o] = v;
	}
	/* The break-even compares the functions and the cluster shapes. */
	if (m == NULL || (m->shape_option[MODEL_SHAPE_FUNCTIONS] >= 0 &&
	    m->shape_option[MODEL_SHAPE_CLUSTER] >= 0))
		break_even(pv, node, w, r);
	else
		r->break_even_kind = COST_BE_NONE;
	for (i = 0; i < COST_SAMPLES; i++) {
		r->samples[i].volume = COST_SAMPLE_FIRST * pow(10.0, (double)i /
		    COST_SAMPLES_PER_DECADE);
		sample(pv, node, w, r, &r->samples[i]);
	}
	return 0;
}

int
cost_option_monthly(const struct cost_result *r, int o, double *out)
{
	if (o < 0 || o >= r->noptions || r->option_shape[o] < 0)
		return -1;
	*out = r->option_monthly[o];
	return 0;
}

int
cost_cheapest_option(const struct cost_result *r, const struct model *m)
{
	double best = 0, v;
	int o, cheapest = -1;

	for (o = 0; o < m->noptions; o++)
		if (cost_option_monthly(r, o, &v) == 0 &&
		    (cheapest < 0 || v < best)) {
			best = v;
			cheapest = o;
		}
	return cheapest;
}
