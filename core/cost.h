/* cost.h - the cost model: a month of the workload on functions, on a
 * Kubernetes cluster, and split between both (DESIGN.md section 5).
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
	double gb_seconds, vcpu_seconds;
	/* The free allowances that applied (0 with the free tier off). */
	double free_gb_seconds, free_vcpu_seconds, free_requests;
	double free_gateway_requests;
	double billable_gb_seconds, billable_vcpu_seconds;
	double billable_requests, billable_gateway_requests;
	/* Rates: per GB-s and vCPU-s, per million requests, per million
	 * gateway requests. */
	double gb_second_rate, vcpu_second_rate, request_rate, gateway_rate;
	/* The bill: compute = memory part + vCPU part. */
	double compute_memory, compute_vcpu, compute;
	double requests, gateway, monthly;
};

enum cost_bound {
	COST_BOUND_MINIMUM,		/* min_nodes decides */
	COST_BOUND_VCPU,		/* vCPU decides */
	COST_BOUND_MEMORY		/* memory decides */
};

/* A Kubernetes cluster serving VOLUME requests a month. */
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
	double node_cost, control_plane, monthly;
};

/* A hybrid: SHARE percent of the requests on functions (the free tier
 * counted once, there), the rest on a cluster. */
struct cost_hybrid {
	double share;
	struct cost_functions functions;
	struct cost_cluster kubernetes;	/* not present at a share of 100 */
	double monthly;
};

struct cost_sample {
	double volume, functions, kubernetes, hybrid;
};

enum cost_break_even {
	COST_BE_CROSSING,		/* functions dearer above break_even */
	COST_BE_FUNCTIONS_CHEAPER,	/* not dearer at the largest volume */
	COST_BE_FUNCTIONS_DEARER	/* dearer at every volume searched */
};

struct cost_result {
	const struct pricing_provider *provider;
	const struct pricing_node *node;
	int arch, gateway;		/* enum wl_arch, enum wl_gateway */
	double vcpu_per_request;	/* as used */
	int vcpu_derived;		/* 1: from memory (vcpu_per_request 0) */
	struct cost_functions functions;
	struct cost_cluster kubernetes;
	struct cost_hybrid hybrid;
	enum cost_break_even break_even_kind;
	double break_even;		/* requests a month, for CROSSING */
	double search_max;		/* the top of the search range */
	struct cost_sample samples[COST_SAMPLES];
};

/* Whether the workload W can be priced with P: its node type (when
 * given) is one of its provider's, its architecture is priced.  A
 * message in E otherwise, at the figure's position in FILE when W came
 * from a file (FILE may be NULL). */
int cost_check(const struct pricing *p, const struct workload *w,
    const char *file, struct err *e);

/* The node type W uses: its node_type, or the provider's default; NULL
 * when the node type is not in the price list. */
const struct pricing_node *cost_node(const struct pricing_provider *pv,
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

/* The hybrid split of VOLUME requests a month under W's figures. */
void cost_hybrid(const struct pricing_provider *pv,
    const struct pricing_node *node, const struct workload *w,
    double volume, struct cost_hybrid *out);

/* Everything: functions, cluster and hybrid at W's volume, the
 * break-even and the chart samples, into R.  Returns 0, or -1 (R
 * zeroed) when cost_check would refuse W. */
int cost_run(const struct pricing *p, const struct workload *w,
    struct cost_result *r);

/* The monthly figure of R for the model option with id ID: functions
 * for "serverless", the cluster for "kubernetes", the split for
 * "hybrid".  0 with *OUT set, or -1 when the cost model prices no such
 * option. */
int cost_option_monthly(const struct cost_result *r, const char *id,
    double *out);

/* The option of M that R prices lowest, or -1 when it prices none. */
int cost_cheapest_option(const struct cost_result *r, const struct model *m);

#endif
