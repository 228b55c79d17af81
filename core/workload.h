/* workload.h - the workload figures the cost model reads.
 *
 * One table lists every figure with its key (as written in answers files
 * and stored in sessions), its kind, default and valid range, so the
 * answers loader, the session store, the cost model and the explorer's
 * cost panel all agree without repeating it. */
#ifndef TRADEOFF_WORKLOAD_H
#define TRADEOFF_WORKLOAD_H

#include <stddef.h>

enum wl_kind {
	WL_NUMBER,	/* a number in [min, max]; whole when `integer` */
	WL_BOOL,	/* 0 or 1 */
	WL_CHOICE,	/* an index into `choices` */
	WL_TEXT		/* free text (e.g. a node type from the price list) */
};

/* X(name, key, kind, default, min, max, integer, choices, unit, label) */
#define WL_FIELDS(X) \
	X(PROVIDER, "provider", WL_CHOICE, 0, 0, 2, 1, wl_providers, "", \
	    "Cloud provider") \
	X(REQUESTS, "requests_per_month", WL_NUMBER, 10000000, 0, 1e12, 1, \
	    NULL, "req/month", "Requests a month") \
	X(DURATION, "avg_duration_ms", WL_NUMBER, 120, 1, 3600000, 0, NULL, \
	    "ms", "Avg duration") \
	X(MEMORY, "memory_mb", WL_NUMBER, 512, 128, 32768, 1, NULL, "MB", \
	    "Memory") \
	X(ARCH, "arch", WL_CHOICE, 0, 0, 1, 1, wl_archs, "", "Architecture") \
	X(FREE_TIER, "free_tier", WL_BOOL, 1, 0, 1, 1, NULL, "", \
	    "Free tier") \
	X(PEAK_RATIO, "peak_ratio", WL_NUMBER, 3, 1, 1000, 0, NULL, "x", \
	    "Peak / average") \
	X(GATEWAY, "gateway", WL_CHOICE, 0, 0, 2, 1, wl_gateways, "", \
	    "API gateway") \
	X(NODE_TYPE, "node_type", WL_TEXT, 0, 0, 0, 0, NULL, "", \
	    "Node type") \
	X(MIN_NODES, "min_nodes", WL_NUMBER, 2, 0, 10000, 1, NULL, "nodes", \
	    "Minimum nodes") \
	X(UTILIZATION, "target_utilization", WL_NUMBER, 70, 10, 100, 0, NULL, \
	    "%", "Target use") \
	X(AUTOSCALING, "autoscaling", WL_BOOL, 1, 0, 1, 1, NULL, "", \
	    "Autoscaling") \
	X(FUNCTION_SHARE, "function_share", WL_NUMBER, 30, 0, 100, 0, NULL, \
	    "%", "Hybrid on funcs") \
	X(VCPU, "vcpu_per_request", WL_NUMBER, 0, 0, 64, 0, NULL, "vCPU", \
	    "vCPU / request") \
	X(COLD_STARTS, "cold_start_percent", WL_NUMBER, 1, 0, 100, 0, NULL, \
	    "%", "Cold starts") \
	X(INIT, "init_ms", WL_NUMBER, 0, 0, 10000, 0, NULL, "ms", \
	    "Init per cold start") \
	X(PLAN, "function_plan", WL_CHOICE, 0, 0, 1, 1, wl_plans, "", \
	    "Functions plan") \
	X(SUPPORT, "support", WL_CHOICE, 0, 0, 1, 1, wl_supports, "", \
	    "Cluster support")

enum wl_id {
#define WL_ENUM(name, ...) WL_##name,
	WL_FIELDS(WL_ENUM)
#undef WL_ENUM
	WL_NFIELDS
};

#define WL_TEXT_MAX 64

/* The choices of the WL_CHOICE figures, as stored in num[]. */
enum wl_provider { WL_AWS, WL_GCP, WL_AZURE, WL_NPROVIDERS };
enum wl_arch { WL_X86_64, WL_ARM64, WL_NARCHS };
enum wl_gateway { WL_GW_NONE, WL_GW_HTTP, WL_GW_REST, WL_NGATEWAYS };
enum wl_plan { WL_PLAN_CURRENT, WL_PLAN_LEGACY, WL_NPLANS };
enum wl_support { WL_SUPPORT_STANDARD, WL_SUPPORT_EXTENDED, WL_NSUPPORTS };

/* Memory per vCPU when vcpu_per_request is 0: AWS Lambda gives a
 * function one full vCPU at 1,769 MB and scales linearly below. */
#define WL_MB_PER_VCPU 1769.0

struct wl_field {
	const char *key, *unit, *label;
	enum wl_kind kind;
	double def, min, max;
	int integer;
	const char *const *choices;	/* NULL-terminated, for WL_CHOICE */
};

/* The figures of one workload.  num[] holds numbers, booleans (0/1) and
 * choice indexes; text[] the WL_TEXT figures. */
struct workload {
	double num[WL_NFIELDS];
	char text[WL_NFIELDS][WL_TEXT_MAX];
	unsigned set;		/* bit f: figure f was given explicitly */
	/* Where figure f was written (1-based; 0 when not from a file), so
	 * checks that need the price list can still point at it. */
	int line[WL_NFIELDS], col[WL_NFIELDS];
	/* Not a figure: 1 when the answers ask for capacity kept warm (the
	 * model's `warm_capacity` answer), so the cost model prices it.
	 * Set from the answers by the session before pricing. */
	int warm;
};

extern const struct wl_field wl_fields[WL_NFIELDS];

/* Fill W with the defaults (and nothing marked as set). */
void workload_defaults(struct workload *w);

/* Index of the figure with that key, or -1. */
int workload_field(const char *key);

/* Parse TEXT as a value of figure F into W (marking it set): numbers in
 * range, "true"/"false", a choice name, or text.  Returns 0, or -1 with a
 * message (without position) in MSG. */
int workload_parse(struct workload *w, int f, const char *text, char *msg,
    size_t msgsize);

/* Render figure F of W as text (the form workload_parse reads). */
const char *workload_format(const struct workload *w, int f, char *buf,
    size_t size);

#endif
