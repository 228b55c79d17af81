/* cost.h - the cost model: a month of the workload in each cost shape
 * the model's options declare (`cost:` in the model): on functions, on
 * a cluster, split between both, on serverless containers (DESIGN.md
 * section 5).  Each option gets the figure of its shape.
 *
 * Everything here is pure and deterministic: the price list and the
 * workload figures in, one fixed-size result out, no allocation, no
 * clock, no I/O.  The formulas are documented for users in doc/cost.md;
 * every figure a view shows is a field below, so views and exporters
 * can print the formula with the numbers that went into it. */
#ifndef TRADEOFF_COST_H
#define TRADEOFF_COST_H

#include "err.h"
#include "model.h"
#include "pricing.h"
#include "workload.h"

#define COST_HOURS_PER_MONTH 730.0
#define COST_SECONDS_PER_MONTH (COST_HOURS_PER_MONTH * 3600.0)

/* Needs within this fraction below a whole node count round down to it,
 * so a workload that exactly fills two nodes gets two, whatever the
 * floating-point rounding on the way. */
#define COST_NODE_SLACK 1e-9

/* The break-even search covers 1 request a month to the largest volume
 * a workload may have. */
#define COST_SEARCH_MIN 1.0

/* Points for a chart: 6 a decade, log-spaced, 10^4 to 10^10. */
#define COST_SAMPLES 37
#define COST_SAMPLE_FIRST 1e4
#define COST_SAMPLES_PER_DECADE 6

/* Functions: one month of VOLUME requests. */
struct cost_functions {
	double volume;			/* requests a month */
	int legacy;			/* priced on the legacy plan */
	double gb_seconds, vcpu_seconds;	/* initialisation included */
	/* Billed initialisation of cold starts (init_billed plans): part
	 * of gb_seconds and vcpu_seconds. */
	double cold_starts, init_gb_seconds, init_vcpu_seconds;
	/* The free allowances that applied (0 with the free tier off). */
	double free_gb_seconds, free_vcpu_seconds, free_requests;
	double free_gateway_requests;
	double billable_gb_seconds, billable_vcpu_seconds;
	double billable_requests, billable_gateway_requests;
	/* Rates: per GB-s and vCPU-s, per million requests, per million
	 * gateway requests. */
	double gb_second_rate, vcpu_second_rate, request_rate, gateway_rate;
	/* Volume tiers: GB-seconds above the first tier's threshold are
	 * billed at the tiers' rates (tiered_gb_seconds of them). */
	double tiered_gb_seconds;
	/* Capacity kept warm (the warm-capacity answer), when the plan
	 * prices it: instances kept (peak concurrency, at least one; not
	 * rounded), their GB-seconds and vCPU-seconds and what they cost;
	 * the work done on them is billed at gb_second_rate and no free
	 * allowance applies.  warm_unpriced: asked for, but the price list
	 * has no `warm` prices for this plan. */
	int warm, warm_unpriced;
	double warm_instances, warm_gb_seconds, warm_vcpu_seconds;
	double warm_gb_second_rate, warm_vcpu_second_rate, warm_cost;
	/* The bill: compute = memory part + vCPU part. */
	double compute_memory, compute_vcpu, compute;
	double requests, gateway, monthly;
};

enum cost_bound {
	COST_BOUND_MINIMUM,		/* min_nodes decides */
	COST_BOUND_VCPU,		/* vCPU decides */
	COST_BOUND_MEMORY		/* memory decides */
};

/* A cluster serving VOLUME requests a month. */
struct cost_cluster {
	int present;			/* 0: no cluster (all on functions) */
	double volume;
	double rps;			/* average requests per second */
	double avg_concurrency, peak_concurrency;
	double sized_concurrency;	/* average when autoscaling, else peak */
	double vcpu_need, memory_need_gib;
	double node_vcpu, node_memory_gib;	/* usable at the target */
	double nodes_for_vcpu, nodes_for_memory;	/* before rounding up */
	double nodes;			/* whole nodes */
	enum cost_bound bound;
	int fits;			/* one request fits on one node */
	double node_hourly, control_plane_hourly;
	int extended;			/* control plane in extended support */
	double node_cost, control_plane, monthly;
};

/* A split: SHARE percent of the requests on functions (the free tier
 * counted once, there), the rest on a cluster. */
struct cost_split {
	double share;
	struct cost_functions functions;
	struct cost_cluster cluster;	/* not present at a share of 100 */
	double monthly;
};

/* Serverless containers serving VOLUME requests a month: the instances
 * the average concurrency needs, billed by the vCPU-second and the
 * GiB-second they run, plus requests. */
struct cost_containers {
	int present;			/* 0: the price list has no such prices */
	double volume;
	double rps, avg_concurrency;
	double vcpu_need, memory_need_gib;
	double instance_vcpu, instance_memory_gib;	/* one instance's size */
	double usable_vcpu, usable_memory_gib;	/* at the target */
	double instances_for_vcpu, instances_for_memory;
	double min_instances;
	double instances;		/* running on average, fractional */
	enum cost_bound bound;
	double vcpu_seconds, gib_seconds;
	double free_vcpu_seconds, free_gib_seconds, free_requests;
	double billable_vcpu_seconds, billable_gib_seconds, billable_requests;
	double vcpu_second_rate, gib_second_rate, request_rate;
	double compute_vcpu, compute_memory, compute, requests, monthly;
};

/* One point of the cost curves: each shape's and each option's monthly
 * figure at VOLUME (0 where not priced). */
struct cost_sample {
	double volume;
	double shape[MODEL_NSHAPES];
	double option[MODEL_MAX_OPTIONS];
};

enum cost_break_even {
	COST_BE_CROSSING,		/* functions dearer above break_even */
	COST_BE_FUNCTIONS_CHEAPER,	/* not dearer at the largest volume */
	COST_BE_FUNCTIONS_DEARER,	/* dearer at every volume searched */
	COST_BE_NONE			/* the model prices no functions or no
					 * cluster option: nothing to cross */
};

struct cost_result {
	const struct pricing_provider *provider;
	const struct pricing_node *node;
	int arch, gateway;		/* enum wl_arch, enum wl_gateway */
	double vcpu_per_request;	/* as used */
	int vcpu_derived;		/* 1: from memory (vcpu_per_request 0) */
	/* Each shape at W's volume; a shape no option uses is priced all
	 * the same where the price list allows (containers.present). */
	struct cost_functions functions;
	struct cost_cluster cluster;
	struct cost_split split;
	struct cost_containers containers;
	/* The model's options: option_shape[o] is the shape that prices
	 * option o, or MODEL_SHAPE_NONE; option_monthly[o] its figure. */
	int noptions;
	int option_shape[MODEL_MAX_OPTIONS];
	double option_monthly[MODEL_MAX_OPTIONS];
	enum cost_break_even break_even_kind;
	double break_even;		/* requests a month, for CROSSING */
	double search_max;		/* the top of the search range */
	struct cost_sample samples[COST_SAMPLES];
};

/* Whether the workload W can be priced with P: its node type (when
 * given) is one of its provider's, its architecture is priced, its
 * memory and duration are within the functions plan's limits, the plan
 * and the support it asks for are priced.  A message in E otherwise, at
 * the figure's position in FILE when W came from a file (FILE may be
 * NULL). */
int cost_check(const struct pricing *p, const struct workload *w,
    const char *file, struct err *e);

/* The node type W uses: its node_type, or the provider's default; NULL
 * when the node type is not in the price list. */
const struct pricing_node *cost_node(const struct pricing_provider *pv,
    const struct workload *w);

/* The functions plan W prices on PV: the legacy one with
 * `function_plan: legacy` (when PV has one), else the current one. */
const struct pricing_functions *cost_plan(const struct pricing_provider *pv,
    const struct workload *w);

/* The control plane's price per hour under W's `support`. */
double cost_control_plane_rate(const struct pricing_provider *pv,
    const struct workload *w);

/* vCPU one request in flight needs: vcpu_per_request, or when that is 0
 * memory_mb / WL_MB_PER_VCPU. */
double cost_vcpu_per_request(const struct workload *w);

/* Functions serving VOLUME requests a month under W's figures. */
void cost_functions(const struct pricing_provider *pv,
    const struct workload *w, double volume, struct cost_functions *out);

/* A cluster of NODE serving VOLUME requests a month under W's figures. */
void cost_cluster(const struct pricing_provider *pv,
    const struct pricing_node *node, const struct workload *w,
    double volume, struct cost_cluster *out);

/* The split of VOLUME requests a month under W's figures. */
void cost_split(const struct pricing_provider *pv,
    const struct pricing_node *node, const struct workload *w,
    double volume, struct cost_split *out);

/* Serverless containers serving VOLUME requests a month under W's
 * figures; OUT->present is 0 when PV has no containers prices. */
void cost_containers(const struct pricing_provider *pv,
    const struct workload *w, double volume, struct cost_containers *out);

/* Whether P has the prices that M needs: a provider for every answer
 * of M's provider question (a message at the answer's place in M's
 * file otherwise), and a `containers` block for every provider when an
 * option is priced as containers (a message at the provider's position
 * in P's file otherwise). */
int cost_check_model(const struct pricing *p, const struct model *m,
    struct err *e);

/* Everything: each shape at W's volume, each option of M through its
 * shape, the break-even (when M has both a functions and a cluster
 * option) and the chart samples, into R.  M may be NULL: every shape
 * priced, no options, the break-even searched.  Returns 0, or -1 (R
 * zeroed) when cost_check would refuse W. */
int cost_run(const struct pricing *p, const struct model *m,
    const struct workload *w, struct cost_result *r);

/* The monthly figure of option O (an index into the model R was run
 * with).  0 with *OUT set, or -1 when R prices no such option. */
int cost_option_monthly(const struct cost_result *r, int o, double *out);

/* The option of M that R prices lowest, or -1 when it prices none. */
int cost_cheapest_option(const struct cost_result *r, const struct model *m);

#endif
