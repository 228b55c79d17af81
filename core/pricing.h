/* pricing.h - the price list the cost model reads (data/pricing.yaml).
 *
 * Prices are data with a date and a source: per provider, a block each
 * for functions, the API gateway, the Kubernetes control plane and the
 * node types, every block naming its service, the day its figures were
 * current and the page they come from.  The file is loaded and
 * validated once, like the model; doc/cost.md documents its format. */
#ifndef TRADEOFF_PRICING_H
#define TRADEOFF_PRICING_H

#include <stddef.h>

#include "arena.h"
#include "err.h"
#include "workload.h"

#define PRICING_VERSION 1		/* the format this program reads */
#define PRICING_MAX_NODES 64		/* node types per provider */
#define PRICING_NODE_TYPE_MAX (WL_TEXT_MAX - 1)

/* Bounds beyond which a price is a typo, not a price. */
#define PRICING_MAX_GB_SECOND 0.01	/* Lambda: 0.0000166667 */
#define PRICING_MAX_PER_MILLION 1000.0	/* requests, gateway */
#define PRICING_MAX_CONTROL_PLANE 100.0	/* per hour */
#define PRICING_MAX_NODE_HOUR 1000.0	/* per node-hour */
#define PRICING_MAX_FREE 1e12		/* free requests or seconds */
#define PRICING_MAX_INSTANCES 10000.0	/* containers' min_instances */
#define PRICING_MAX_TIER_ABOVE 1e15	/* GB-seconds a month */
#define PRICING_MAX_LIMIT_MB 1048576.0	/* a function's memory limit */
#define PRICING_MAX_LIMIT_MS 1e9	/* a function's time limit */
/* A node's vCPU and GiB: from a fraction of a shared core up. */
#define PRICING_MIN_NODE_SIZE 0.1
#define PRICING_MAX_NODE_VCPU 1024.0
#define PRICING_MAX_NODE_GIB 65536.0

/* What every price block carries. */
struct pricing_block {
	const char *service;		/* "AWS Lambda" */
	const char *source;		/* the page the figures come from */
	const char *date;		/* "2025-01-15" */
	long day;			/* the date in days since 1970-01-01 */
};

/* PB_CONTAINERS is optional: a price list of 0.1.0 has none, and only
 * a model with a `cost: containers` option needs it.  PB_LEGACY is
 * optional too: an older functions plan kept beside the current one
 * (Azure Functions' Consumption plan), priced with `function_plan:
 * legacy`. */
enum pricing_block_id {
	PB_FUNCTIONS, PB_GATEWAY, PB_KUBERNETES, PB_NODES, PB_CONTAINERS,
	PB_LEGACY, PB_NBLOCKS
};

#define PRICING_MAX_TIERS 8		/* volume tiers per architecture */

/* Above ABOVE GB-seconds a month, the price per GB-second is RATE. */
struct pricing_tier {
	double above, rate;
};

/* One functions plan: a `functions` (or `legacy_functions`) block. */
struct pricing_functions {
	/* has_arch bit a: architecture a (enum wl_arch) is priced; x86_64
	 * always is.  vcpu_second is 0 where compute is billed by memory
	 * alone (Lambda, Azure Functions). */
	unsigned has_arch;
	double gb_second[WL_NARCHS];
	double vcpu_second[WL_NARCHS];
	double per_million_requests;
	double free_requests, free_gb_seconds, free_vcpu_seconds;
	/* Volume tiers of gb_second, by threshold (AWS Lambda's above 6
	 * billion GB-seconds): ntiers[a] of them for architecture a. */
	int ntiers[WL_NARCHS];
	struct pricing_tier tiers[WL_NARCHS][PRICING_MAX_TIERS];
	/* 1: a cold start's initialisation is billed as duration (AWS
	 * Lambda since August 2025). */
	int init_billed;
	/* What one function may have; 0 where the list sets no limit. */
	double max_memory_mb, max_duration_ms;
	/* Capacity kept warm (provisioned concurrency, minimum or
	 * always-ready instances), when has_warm: per GB-second and
	 * vCPU-second kept, and per GB-second of work done on it (0: the
	 * on-demand rate). */
	int has_warm;
	double warm_gb_second, warm_vcpu_second, warm_execution_gb_second;
};

struct pricing_node {
	const char *type;		/* "m6i.large" */
	double vcpu, memory_gib;
	double per_hour;
};

struct pricing_provider {
	const char *id;			/* "aws", as in workload's provider */
	const char *name, *region;
	struct pricing_block block[PB_NBLOCKS];
	/* Functions: the current plan, and an older one when has_legacy. */
	struct pricing_functions functions, legacy;
	int has_legacy;
	/* Gateway: per million requests by enum wl_gateway (none is 0),
	 * and the requests a month that are free. */
	double gateway[WL_NGATEWAYS];
	double gateway_free_requests;
	/* Kubernetes: the control plane in standard support, and in
	 * extended support (0 when the list has no such rate). */
	double control_plane_per_hour;
	double extended_per_hour;
	int nnodes;
	struct pricing_node *nodes;
	int default_node;		/* index into nodes */
	/* Serverless containers (block[PB_CONTAINERS]), when has_containers:
	 * per vCPU-second and GiB-second an instance runs, per million
	 * requests, the free allowances, the size of one instance and the
	 * fewest instances the service keeps running. */
	int has_containers;
	double ct_vcpu_second, ct_gib_second, ct_per_million_requests;
	double ct_free_requests, ct_free_vcpu_seconds, ct_free_gib_seconds;
	double ct_instance_vcpu, ct_instance_gib, ct_min_instances;
	/* Where the provider's block is in the file, for messages. */
	int line, col;
	/* The oldest of the block dates (of those given): the date of this
	 * provider's prices as a whole. */
	const char *date;
	long day;
};

struct pricing {
	struct arena *arena;
	const char *file;
	long version;
	const char *currency;		/* "USD" */
	const char *title;		/* "" when not given */
	struct pricing_provider provider[WL_NPROVIDERS];
};

/* A shipped price list compiled when tradeoff was built, as struct
 * model_builtin in model.h is for the model. */
struct pricing_builtin {
	const char *name;
	const struct pricing *pricing;
};

extern const struct pricing_builtin pricing_builtins[];

/* Load and validate the price list at PATH.  NULL with a positioned
 * error in E on failure. */
struct pricing *pricing_load(const char *path, struct err *e);

/* Likewise from LEN bytes at BUF; NAME is used in messages. */
struct pricing *pricing_load_buffer(const char *name, const char *buf,
    size_t len, struct err *e);

/* Release P.  Accepts NULL. */
void pricing_free(struct pricing *p);

/* Index of node type TYPE in provider PV, or -1. */
int pricing_node_index(const struct pricing_provider *pv, const char *type);

/* Days since 1970-01-01 of the calendar date Y-M-D (proleptic
 * Gregorian), and whether Y-M-D is a real date. */
long pricing_days(int y, int m, int d);
int pricing_date_valid(int y, int m, int d);

/* Parse "YYYY-MM-DD" (years 2000-2099) into days since 1970; -1 when it
 * is not such a date. */
long pricing_parse_date(const char *s);

/* Whether a price dated DAY is more than twelve months old at NOW
 * (seconds since 1970, from the caller: these functions never read the
 * clock).  A date twelve months ago to the day is not yet stale. */
int pricing_is_stale(long day, long long now);

/* Whole days between DAY and NOW (negative when DAY is later). */
long pricing_age_days(long day, long long now);

/* V with DECIMALS digits after the point and its whole part grouped
 * by thousands with commas ("3,000,000", "0.12"). */
const char *pricing_group(double v, int decimals, char *buf, size_t size);

/* The currency amount V written for people: "$2.33" for USD, else
 * "2.33 EUR"; DECIMALS digits after the point, thousands separated. */
const char *pricing_money(const struct pricing *p, double v, int decimals,
    char *buf, size_t size);

#endif
