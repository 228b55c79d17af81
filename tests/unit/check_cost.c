/* check_cost.c - the price list loader and the cost model.
 *
 * Worked examples against published figures (the AWS Lambda pricing
 * page's mobile-backend example) and our own, node counts at their
 * boundaries, the break-even, monotonicity, the hybrid's ends, and
 * every validation rule of the price list with its message and
 * position.  The shipped files are found through $TRADEOFF_DATADIR. */
#include "config.h"

#include <math.h>

#include "testutil.h"

#include "answers.h"
#include "cost.h"
#include "eval.h"
#include "export_md.h"
#include "model.h"
#include "pricing.h"
#include "report.h"

static struct pricing *prices;		/* data/pricing.yaml */
static struct model *model;		/* data/model.yaml */

static const char *
datafile(const char *rel, char *buf, size_t size)
{
	const char *dir = getenv("TRADEOFF_DATADIR");

	ck_assert_msg(dir != NULL, "TRADEOFF_DATADIR is not set");
	snprintf(buf, size, "%s/%s", dir, rel);
	return buf;
}

static void
setup(void)
{
	char path[4096];
	struct err e;

	prices = pricing_load(datafile("data/pricing.yaml", path,
	    sizeof path), &e);
	ck_assert_msg(prices != NULL, "%s", e.msg);
	model = tu_shipped_model();
}

static void
teardown(void)
{
	pricing_free(prices);
	model_free(model);
	prices = NULL;
	model = NULL;
}

/* Whole cents, as every writer shows money. */
static long long
cents(double v)
{
	return llround(v * 100.0);
}

/* A workload with the defaults and these figures set through the same
 * parser answers files use. */
static void
wl(struct workload *w, const char *const *kv)
{
	char msg[256];
	int i;

	workload_defaults(w);
	for (i = 0; kv[i] != NULL; i += 2) {
		int f = workload_field(kv[i]);

		ck_assert_msg(f >= 0, "no figure '%s'", kv[i]);
		ck_assert_msg(workload_parse(w, f, kv[i + 1], msg,
		    sizeof msg) == 0, "%s", msg);
	}
}

#define WL(w, ...) wl((w), (const char *const[]){ __VA_ARGS__, NULL })

/* The AWS Lambda pricing page's mobile-backend example. */
#define MOBILE "provider", "aws", "requests_per_month", "3000000", \
	"avg_duration_ms", "120", "memory_mb", "1536", "arch", "x86_64", \
	"free_tier", "true"

static const struct pricing_provider *
aws(void)
{
	return &prices->provider[WL_AWS];
}

/* ---- functions: worked examples ---- */

START_TEST(lambda_mobile_backend)
{
	struct workload w;
	struct cost_functions f;

	WL(&w, MOBILE);
	cost_functions(aws(), &w, w.num[WL_REQUESTS], &f);
	ck_assert_double_eq(f.gb_seconds, 540000);
	ck_assert_double_eq(f.billable_gb_seconds, 140000);
	ck_assert_int_eq(cents(f.compute), 233);
	ck_assert_double_eq(f.billable_requests, 2000000);
	ck_assert_int_eq(cents(f.requests), 40);
	ck_assert_int_eq(cents(f.gateway), 0);
	ck_assert_int_eq(cents(f.monthly), 273);
	/* Not just rounded right: the exact figure. */
	ck_assert_double_eq_tol(f.compute, 140000 * 0.0000166667, 1e-12);
}
END_TEST

START_TEST(lambda_free_tier_off)
{
	struct workload w;
	struct cost_functions f;

	/* 540,000 GB-s x $0.0000166667 = $9.00; 3M x $0.20/M = $0.60. */
	WL(&w, MOBILE, "free_tier", "false");
	cost_functions(aws(), &w, w.num[WL_REQUESTS], &f);
	ck_assert_double_eq(f.free_gb_seconds, 0);
	ck_assert_int_eq(cents(f.compute), 900);
	ck_assert_int_eq(cents(f.requests), 60);
	ck_assert_int_eq(cents(f.monthly), 960);
}
END_TEST

START_TEST(lambda_arm64)
{
	struct workload w;
	struct cost_functions f;

	/* 140,000 GB-s x $0.0000133334 = $1.87 (1.866676). */
	WL(&w, MOBILE, "arch", "arm64");
	cost_functions(aws(), &w, w.num[WL_REQUESTS], &f);
	ck_assert_int_eq(cents(f.compute), 187);
	ck_assert_int_eq(cents(f.requests), 40);
	ck_assert_int_eq(cents(f.monthly), 227);
	/* arm64 without the free tier: 540,000 x 0.0000133334 = $7.20. */
	WL(&w, MOBILE, "arch", "arm64", "free_tier", "off");
	cost_functions(aws(), &w, w.num[WL_REQUESTS], &f);
	ck_assert_int_eq(cents(f.compute), 720);
	ck_assert_int_eq(cents(f.monthly), 780);
}
END_TEST

START_TEST(lambda_with_gateway)
{
	struct workload w;
	struct cost_functions f;

	/* HTTP API: 3M x $1.00/M = $3.00 (no free tier counted). */
	WL(&w, MOBILE, "gateway", "http");
	cost_functions(aws(), &w, w.num[WL_REQUESTS], &f);
	ck_assert_int_eq(cents(f.gateway), 300);
	ck_assert_int_eq(cents(f.monthly), 573);
	/* REST API: 3M x $3.50/M = $10.50. */
	WL(&w, MOBILE, "gateway", "rest");
	cost_functions(aws(), &w, w.num[WL_REQUESTS], &f);
	ck_assert_int_eq(cents(f.gateway), 1050);
	ck_assert_int_eq(cents(f.monthly), 1323);
}
END_TEST

START_TEST(lambda_inside_free_tier)
{
	struct workload w;
	struct cost_functions f;

	/* 1M x 0.1 s x 0.125 GB = 12,500 GB-s; 1M requests: all free. */
	WL(&w, "requests_per_month", "1000000", "avg_duration_ms", "100",
	    "memory_mb", "128");
	cost_functions(aws(), &w, w.num[WL_REQUESTS], &f);
	ck_assert_double_eq(f.gb_seconds, 12500);
	ck_assert_double_eq(f.monthly, 0);
	/* Exactly the free GB-seconds: 400,000 = 3.2M x 1 s x 0.125 GB. */
	WL(&w, "requests_per_month", "3200000", "avg_duration_ms", "1000",
	    "memory_mb", "128");
	cost_functions(aws(), &w, w.num[WL_REQUESTS], &f);
	ck_assert_double_eq(f.gb_seconds, 400000);
	ck_assert_double_eq(f.compute, 0);
	ck_assert_int_eq(cents(f.requests), 44);	/* 2.2M x $0.20/M */
}
END_TEST

START_TEST(cloud_run_vcpu_and_memory)
{
	struct workload w;
	struct cost_functions f;

	/* 10M x 0.2 s x 1 GiB = 2,000,000 GiB-s: (2,000,000 - 360,000) x
	 * $0.0000025 = $4.10; with one vCPU, 2,000,000 vCPU-s:
	 * (2,000,000 - 180,000) x $0.000024 = $43.68; requests
	 * (10M - 2M) x $0.40/M = $3.20; total $50.98. */
	WL(&w, "provider", "gcp", "requests_per_month", "10000000",
	    "avg_duration_ms", "200", "memory_mb", "1024",
	    "vcpu_per_request", "1");
	cost_functions(&prices->provider[WL_GCP], &w, w.num[WL_REQUESTS],
	    &f);
	ck_assert_int_eq(cents(f.compute_memory), 410);
	ck_assert_int_eq(cents(f.compute_vcpu), 4368);
	ck_assert_int_eq(cents(f.requests), 320);
	ck_assert_int_eq(cents(f.monthly), 5098);
	/* With an HTTP gateway: (10M - 2M free) x $3.00/M = $24.00. */
	WL(&w, "provider", "gcp", "requests_per_month", "10000000",
	    "avg_duration_ms", "200", "memory_mb", "1024",
	    "vcpu_per_request", "1", "gateway", "http");
	cost_functions(&prices->provider[WL_GCP], &w, w.num[WL_REQUESTS],
	    &f);
	ck_assert_int_eq(cents(f.gateway), 2400);
}
END_TEST

START_TEST(azure_functions)
{
	struct workload w;
	struct cost_functions f;

	/* The legacy Consumption plan: 5M x 0.5 s x 2 GB = 5,000,000
	 * GB-s: (5,000,000 - 400,000) x $0.000016 = $73.60; (5M - 1M) x
	 * $0.20/M = $0.80.  (2 GB is beyond the plan's 1.5 GB, which only
	 * cost_check minds.) */
	WL(&w, "provider", "azure", "requests_per_month", "5000000",
	    "avg_duration_ms", "500", "memory_mb", "2048", "function_plan",
	    "legacy");
	cost_functions(&prices->provider[WL_AZURE], &w, w.num[WL_REQUESTS],
	    &f);
	ck_assert_int_eq(cents(f.compute), 7360);
	ck_assert_int_eq(cents(f.requests), 80);
	ck_assert_int_eq(cents(f.monthly), 7440);
}
END_TEST

static char *variant(int line, int span, const char *text, size_t *len);

/* Azure Functions Flex Consumption, on demand: 3M executions of 1 s at
 * 2,048 MB = 6,000,000 GB-s: (6,000,000 - 100,000) x $0.000026 =
 * $153.40; (3M - 250,000) x $0.40/M = $1.10. */
START_TEST(azure_flex_consumption)
{
	struct workload w;
	struct cost_functions f;

	WL(&w, "provider", "azure", "requests_per_month", "3000000",
	    "avg_duration_ms", "1000", "memory_mb", "2048");
	cost_functions(&prices->provider[WL_AZURE], &w, w.num[WL_REQUESTS],
	    &f);
	ck_assert_int_eq(f.legacy, 0);
	ck_assert_int_eq(cents(f.compute), 15340);
	ck_assert_int_eq(cents(f.requests), 110);
	ck_assert_int_eq(cents(f.monthly), 15450);
	/* The same on the legacy Consumption plan at its 1.5 GB: the
	 * published example, 4,500,000 GB-s, $65.60 + $0.40 = $66.00. */
	WL(&w, "provider", "azure", "requests_per_month", "3000000",
	    "avg_duration_ms", "1000", "memory_mb", "1536", "function_plan",
	    "legacy");
	cost_functions(&prices->provider[WL_AZURE], &w, w.num[WL_REQUESTS],
	    &f);
	ck_assert_int_eq(f.legacy, 1);
	ck_assert_double_eq(f.gb_seconds, 4500000);
	ck_assert_int_eq(cents(f.compute), 6560);
	ck_assert_int_eq(cents(f.monthly), 6600);
}
END_TEST

/* Lambda's volume tiers apply above their thresholds: 20 billion GB-s
 * on x86 without the free tier = 6e9 x $0.0000166667 + 9e9 x $0.000015
 * + 5e9 x $0.0000133334 = $100,000.20 + $135,000 + $66,667 =
 * $301,667.20.  On Arm the thresholds are 7.5 and 18.75 billion. */
START_TEST(lambda_volume_tiers)
{
	struct workload w;
	struct cost_functions f;

	/* 20e9 GB-s = 5e9 requests of 4 s at 1,024 MB. */
	WL(&w, "provider", "aws", "requests_per_month", "5000000000",
	    "avg_duration_ms", "4000", "memory_mb", "1024", "free_tier",
	    "false");
	cost_functions(aws(), &w, w.num[WL_REQUESTS], &f);
	ck_assert_double_eq(f.gb_seconds, 20e9);
	ck_assert_double_eq(f.tiered_gb_seconds, 14e9);
	ck_assert_int_eq(cents(f.compute_memory), 30166720);
	/* Below the first threshold: one rate. */
	WL(&w, "provider", "aws", "requests_per_month", "1000000000",
	    "avg_duration_ms", "4000", "memory_mb", "1024", "free_tier",
	    "false");
	cost_functions(aws(), &w, w.num[WL_REQUESTS], &f);
	ck_assert_double_eq(f.tiered_gb_seconds, 0);
	ck_assert_int_eq(cents(f.compute_memory), 6666680);
	/* Arm: 20e9 = 7.5e9 x $0.0000133334 + 11.25e9 x $0.0000120001 +
	 * 1.25e9 x $0.0000106667 = $100,000.50 + $135,001.125 +
	 * $13,333.375 = $248,335.00. */
	WL(&w, "provider", "aws", "requests_per_month", "5000000000",
	    "avg_duration_ms", "4000", "memory_mb", "1024", "free_tier",
	    "false", "arch", "arm64");
	cost_functions(aws(), &w, w.num[WL_REQUESTS], &f);
	ck_assert_int_eq(cents(f.compute_memory), 24833500);
}
END_TEST

/* Since August 2025 Lambda bills a cold start's INIT phase: the mobile
 * backend with 1% cold starts of 500 ms adds 30,000 x 0.5 s x 1.5 GB =
 * 22,500 GB-s: (562,500 - 400,000) x $0.0000166667 = $2.71. */
START_TEST(lambda_init_billed)
{
	struct workload w;
	struct cost_functions f;

	WL(&w, MOBILE, "cold_start_percent", "1", "init_ms", "500");
	cost_functions(aws(), &w, w.num[WL_REQUESTS], &f);
	ck_assert_double_eq(f.cold_starts, 30000);
	ck_assert_double_eq(f.init_gb_seconds, 22500);
	ck_assert_double_eq(f.gb_seconds, 562500);
	ck_assert_int_eq(cents(f.compute), 271);
	ck_assert_int_eq(cents(f.monthly), 311);
	/* Azure's Flex Consumption plan bills no initialisation here. */
	WL(&w, "provider", "azure", "init_ms", "500");
	cost_functions(&prices->provider[WL_AZURE], &w, w.num[WL_REQUESTS],
	    &f);
	ck_assert_double_eq(f.init_gb_seconds, 0);
}
END_TEST

/* Warm capacity when latency must be strict.  Lambda's provisioned
 * concurrency: 26,280,000 requests of 1 s at 1,024 MB, peak ratio 2:
 * 10 in flight on average, 20 at peak kept warm all month = 20 x 1 GB
 * x 2,628,000 s = 52,560,000 GB-s x $0.0000041667 = $219.00; the work,
 * 26,280,000 GB-s x $0.0000097222 = $255.50, no free tier; requests
 * 26.28M x $0.20/M = $5.26.  Total $479.76. */
START_TEST(warm_capacity)
{
	struct workload w;
	struct cost_functions f;

	WL(&w, "provider", "aws", "requests_per_month", "26280000",
	    "avg_duration_ms", "1000", "memory_mb", "1024", "peak_ratio", "2");
	w.warm = 1;
	cost_functions(aws(), &w, w.num[WL_REQUESTS], &f);
	ck_assert_int_eq(f.warm, 1);
	ck_assert_double_eq_tol(f.warm_instances, 20, 1e-9);
	ck_assert_double_eq_tol(f.warm_gb_seconds, 52560000, 1e-3);
	ck_assert_int_eq(cents(f.warm_cost), 21900);
	ck_assert_double_eq(f.free_gb_seconds, 0);
	ck_assert_int_eq(cents(f.compute_memory), 25550);
	ck_assert_int_eq(cents(f.requests), 526);
	ck_assert_int_eq(cents(f.monthly), 47976);
	/* A trickle still keeps one instance warm. */
	WL(&w, "provider", "aws", "requests_per_month", "1000",
	    "memory_mb", "2048");
	w.warm = 1;
	cost_functions(aws(), &w, w.num[WL_REQUESTS], &f);
	ck_assert_double_eq(f.warm_instances, 1);
	/* 1 x 2 GB x 2,628,000 s x $0.0000041667 = $21.90 */
	ck_assert_int_eq(cents(f.warm_cost), 2190);
	/* Azure's always-ready baseline: 1 x 2 GB x 2,628,000 s x
	 * $0.000004 = $21.02. */
	WL(&w, "provider", "azure", "requests_per_month", "1000",
	    "memory_mb", "2048");
	w.warm = 1;
	cost_functions(&prices->provider[WL_AZURE], &w, w.num[WL_REQUESTS],
	    &f);
	ck_assert_int_eq(cents(f.warm_cost), 2102);
	/* Cloud Run's idle minimum instance, vCPU and memory: 1 x (0.5 GiB
	 * + 512/1769 vCPU) x 2,628,000 s x $0.0000025. */
	WL(&w, "provider", "gcp", "requests_per_month", "1000",
	    "memory_mb", "512");
	w.warm = 1;
	cost_functions(&prices->provider[WL_GCP], &w, w.num[WL_REQUESTS],
	    &f);
	ck_assert_int_eq(cents(f.warm_cost), llround((0.5 + 512.0 / 1769) *
	    2628000 * 0.0000025 * 100));
	/* Not asked for: nothing kept warm. */
	w.warm = 0;
	cost_functions(&prices->provider[WL_GCP], &w, w.num[WL_REQUESTS],
	    &f);
	ck_assert_int_eq(f.warm, 0);
	ck_assert_double_eq(f.warm_cost, 0);
}
END_TEST

/* The control plane in extended support: $0.60 an hour on EKS. */
START_TEST(extended_support)
{
	struct workload w;
	struct cost_cluster c;
	int p;

	WL(&w, MOBILE, "support", "extended");
	cost_cluster(aws(), cost_node(aws(), &w), &w, w.num[WL_REQUESTS], &c);
	ck_assert_int_eq(c.extended, 1);
	/* 730 x (2 x $0.096 + $0.60) = $578.16 */
	ck_assert_int_eq(cents(c.monthly), 57816);
	ck_assert_int_eq(cents(c.control_plane), 43800);
	for (p = 0; p < WL_NPROVIDERS; p++)
		ck_assert_double_eq(prices->provider[p].extended_per_hour, 0.60);
}
END_TEST

/* Each provider's limits, at the figure's place. */
START_TEST(provider_limits)
{
	static const char *const docs[][2] = {
		{ "answers: {provider: aws}\nworkload:\n  memory_mb: 16384\n",
		  "a.yaml:3:14: memory_mb 16,384 is more than AWS Lambda "
		  "allows (10,240 MB)" },
		{ "answers: {provider: aws}\nworkload:\n  avg_duration_ms: "
		  "1200000\n", "a.yaml:3:20: avg_duration_ms 1,200,000 is more "
		  "than AWS Lambda allows (900,000 ms)" },
		{ "answers: {provider: azure}\nworkload:\n  memory_mb: 8192\n",
		  "a.yaml:3:14: memory_mb 8,192 is more than Azure Functions "
		  "(Flex Consumption plan) allows (4,096 MB)" },
		{ "answers: {provider: azure}\nworkload:\n  function_plan: "
		  "legacy\n  avg_duration_ms: 900000\n", "a.yaml:4:20: "
		  "avg_duration_ms 900,000 is more than Azure Functions "
		  "(Consumption plan, legacy) allows (600,000 ms)" },
		{ "answers: {provider: gcp}\nworkload:\n  function_plan: "
		  "legacy\n", "a.yaml:3:18: the price list has no legacy "
		  "functions plan for gcp (only the current one, Cloud Run "
		  "functions (request-based billing))" },
	};
	struct answers *a;
	struct err e;
	size_t i;

	for (i = 0; i < sizeof docs / sizeof docs[0]; i++) {
		a = answers_load_buffer(model, "a.yaml", docs[i][0],
		    strlen(docs[i][0]), &e);
		ck_assert_msg(a != NULL, "%s", e.msg);
		a->workload.num[WL_PROVIDER] = answers_provider(a);
		ck_assert_int_eq(cost_check(prices, &a->workload, a->file, &e),
		    -1);
		ck_assert_str_eq(e.msg, docs[i][1]);
		answers_free(a);
	}
	/* Cloud Run takes 16 GiB and an hour. */
	{
		static const char ok[] = "answers: {provider: gcp}\n"
		    "workload: {memory_mb: 16384, avg_duration_ms: 3600000}\n";

		a = answers_load_buffer(model, "a.yaml", ok, strlen(ok), &e);
	}
	ck_assert_msg(a != NULL, "%s", e.msg);
	a->workload.num[WL_PROVIDER] = answers_provider(a);
	ck_assert_int_eq(cost_check(prices, &a->workload, a->file, &e), 0);
	answers_free(a);
}
END_TEST

/* An older user's price list, without the blocks of 0.2.0: it still
 * prices what it can; extended support is refused with a clear message
 * and warm capacity is left out, said so. */
START_TEST(older_price_list)
{
	size_t len;
	char *doc = variant(0, 0, NULL, &len);
	struct pricing *p;
	struct workload w;
	struct cost_functions f;
	struct err e;

	p = pricing_load_buffer("t.yaml", doc, len, &e);
	ck_assert_msg(p != NULL, "%s", e.msg);
	WL(&w, MOBILE);
	w.warm = 1;
	cost_functions(&p->provider[WL_AWS], &w, w.num[WL_REQUESTS], &f);
	ck_assert_int_eq(f.warm, 0);
	ck_assert_int_eq(f.warm_unpriced, 1);
	ck_assert_int_eq(cents(f.monthly), 273);
	WL(&w, MOBILE, "support", "extended");
	ck_assert_int_eq(cost_check(p, &w, NULL, &e), -1);
	ck_assert_str_eq(e.msg, "the price list has no extended-support rate "
	    "for aws (add 'extended_support_per_hour' to its 'kubernetes' "
	    "block, see doc/cost.md)");
	pricing_free(p);
	free(doc);
}
END_TEST

/* A model whose provider question offers a provider the price list
 * lacks is refused at the answer's place. */
START_TEST(provider_the_list_lacks)
{
	static const char text[] =
	    "model: {id: m, version: \"1\", title: T}\n"
	    "options: [{id: a, title: A, cost: functions}, {id: b, title: B}]\n"
	    "dimensions: [{id: x, title: X, weight: 1}]\n"
	    "panels:\n"
	    "  - id: p\n"
	    "    title: P\n"
	    "    questions:\n"
	    "      - id: cloud\n"
	    "        prompt: Where?\n"
	    "        help: H\n"
	    "        role: provider\n"
	    "        answers:\n"
	    "          - {id: aws, label: AWS}\n"
	    "          - {id: oracle, label: Oracle}\n";
	struct model *m = tu_model(text);
	struct err e;

	ck_assert_int_eq(cost_check_model(prices, m, &e), -1);
	ck_assert_msg(strstr(e.msg, "test.yaml:14:18: answer 'oracle' of "
	    "question 'cloud' (role: provider) names a provider the price "
	    "list") == e.msg, "%s", e.msg);
	ck_assert_ptr_nonnull(strstr(e.msg, "(it prices aws, gcp, azure)"));
	model_free(m);
	ck_assert_int_eq(cost_check_model(prices, model, &e), 0);
}
END_TEST

/* ---- Kubernetes: node counts ---- */

/* m6i.large (2 vCPU, 8 GiB, $0.096/h) at 100%, 1 s per request, one
 * vCPU per request, sized for the average: 2,628,000 requests a month
 * keep one request in flight. */
#define EXACT "provider", "aws", "node_type", "m6i.large", \
	"target_utilization", "100", "avg_duration_ms", "1000", \
	"vcpu_per_request", "1", "memory_mb", "128", "min_nodes", "0", \
	"autoscaling", "true", "peak_ratio", "1"

static struct cost_cluster
cluster(struct workload *w)
{
	struct cost_cluster c;

	cost_cluster(aws(), cost_node(aws(), w), w, w->num[WL_REQUESTS], &c);
	return c;
}

START_TEST(nodes_exactly_at_capacity)
{
	struct workload w;
	struct cost_cluster c;

	/* 4 in flight = 4 vCPU = exactly two nodes. */
	WL(&w, EXACT, "requests_per_month", "10512000");
	c = cluster(&w);
	ck_assert_double_eq_tol(c.avg_concurrency, 4, 1e-12);
	ck_assert_double_eq(c.nodes, 2);
	ck_assert_int_eq(c.bound, COST_BOUND_VCPU);
	/* 730 x (2 x 0.096 + 0.10) = 213.16 */
	ck_assert_int_eq(cents(c.monthly), 21316);
	/* One request more needs a third node. */
	WL(&w, EXACT, "requests_per_month", "10512001");
	ck_assert_double_eq(cluster(&w).nodes, 3);
	/* One less still fits in two. */
	WL(&w, EXACT, "requests_per_month", "10511999");
	ck_assert_double_eq(cluster(&w).nodes, 2);
}
END_TEST

START_TEST(nodes_at_utilisation)
{
	struct workload w;

	/* At 70%, a node offers 1.4 vCPU: 2.8 vCPU fill exactly 2. */
	WL(&w, EXACT, "target_utilization", "70",
	    "requests_per_month", "7358400");
	ck_assert_double_eq(cluster(&w).nodes, 2);
	WL(&w, EXACT, "target_utilization", "70",
	    "requests_per_month", "7358401");
	ck_assert_double_eq(cluster(&w).nodes, 3);
	/* At 50%, the 4 vCPU of the exact case need four nodes. */
	WL(&w, EXACT, "target_utilization", "50",
	    "requests_per_month", "10512000");
	ck_assert_double_eq(cluster(&w).nodes, 4);
}
END_TEST

START_TEST(nodes_min_dominates)
{
	struct workload w;
	struct cost_cluster c;

	WL(&w, EXACT, "requests_per_month", "10512000", "min_nodes", "5");
	c = cluster(&w);
	ck_assert_double_eq(c.nodes, 5);
	ck_assert_int_eq(c.bound, COST_BOUND_MINIMUM);
	/* No traffic: the minimum, and the control plane. */
	WL(&w, EXACT, "requests_per_month", "0", "min_nodes", "3");
	c = cluster(&w);
	ck_assert_double_eq(c.nodes, 3);
	ck_assert_double_eq_tol(c.monthly, 730 * (3 * 0.096 + 0.10), 1e-9);
	/* With min_nodes 0, no traffic means no nodes. */
	WL(&w, EXACT, "requests_per_month", "0");
	ck_assert_double_eq(cluster(&w).nodes, 0);
	/* ... and any traffic at all one node. */
	WL(&w, EXACT, "requests_per_month", "1");
	ck_assert_double_eq(cluster(&w).nodes, 1);
}
END_TEST

START_TEST(nodes_memory_bound)
{
	struct workload w;
	struct cost_cluster c;

	/* 4 in flight x 4 GiB = 16 GiB = two 8 GiB nodes exactly; 4 x 0.25
	 * vCPU = 1 vCPU would fit in one. */
	WL(&w, EXACT, "memory_mb", "4096", "vcpu_per_request", "0.25",
	    "requests_per_month", "10512000");
	c = cluster(&w);
	ck_assert_double_eq(c.nodes, 2);
	ck_assert_int_eq(c.bound, COST_BOUND_MEMORY);
	ck_assert_double_eq_tol(c.nodes_for_memory, 2, 1e-6);
	ck_assert_double_eq_tol(c.nodes_for_vcpu, 0.5, 1e-6);
	WL(&w, EXACT, "memory_mb", "4096", "vcpu_per_request", "0.25",
	    "requests_per_month", "10512001");
	ck_assert_double_eq(cluster(&w).nodes, 3);
	/* The same load on c6i.xlarge (4 vCPU, 8 GiB) is memory-bound too;
	 * on r6i.large (2 vCPU, 16 GiB) it fits one node. */
	WL(&w, EXACT, "memory_mb", "4096", "vcpu_per_request", "0.25",
	    "requests_per_month", "10512000", "node_type", "r6i.large");
	ck_assert_double_eq(cluster(&w).nodes, 1);
}
END_TEST

START_TEST(nodes_cpu_bound)
{
	struct workload w;
	struct cost_cluster c;

	/* 8 in flight x 1 vCPU on c6i.xlarge (4 vCPU): two nodes. */
	WL(&w, EXACT, "node_type", "c6i.xlarge",
	    "requests_per_month", "21024000");
	c = cluster(&w);
	ck_assert_double_eq(c.nodes, 2);
	ck_assert_int_eq(c.bound, COST_BOUND_VCPU);
	ck_assert_int_eq(cents(c.monthly), cents(730 * (2 * 0.17 + 0.10)));
}
END_TEST

START_TEST(nodes_derived_vcpu)
{
	struct workload w;
	struct cost_cluster c;

	/* vcpu_per_request 0: 1,769 MB is one vCPU, as on Lambda. */
	WL(&w, EXACT, "vcpu_per_request", "0", "memory_mb", "1769",
	    "requests_per_month", "10512000");
	ck_assert_double_eq(cost_vcpu_per_request(&w), 1);
	c = cluster(&w);
	ck_assert_double_eq_tol(c.vcpu_need, 4, 1e-9);
	ck_assert_double_eq(c.nodes, 2);
}
END_TEST

START_TEST(nodes_autoscaling_vs_peak)
{
	struct workload w;

	/* Peak 3x: sized for the peak, 12 vCPU = 6 nodes ... */
	WL(&w, EXACT, "requests_per_month", "10512000", "peak_ratio", "3",
	    "autoscaling", "false");
	ck_assert_double_eq(cluster(&w).nodes, 6);
	ck_assert_double_eq_tol(cluster(&w).peak_concurrency, 12, 1e-9);
	/* ... autoscaled, for the average: 2 nodes. */
	WL(&w, EXACT, "requests_per_month", "10512000", "peak_ratio", "3",
	    "autoscaling", "true");
	ck_assert_double_eq(cluster(&w).nodes, 2);
	/* Autoscaling never goes below the minimum. */
	WL(&w, EXACT, "requests_per_month", "10512000", "peak_ratio", "3",
	    "autoscaling", "true", "min_nodes", "4");
	ck_assert_double_eq(cluster(&w).nodes, 4);
}
END_TEST

START_TEST(mobile_backend_cluster)
{
	struct workload w;
	struct cost_cluster c;

	/* The DESIGN.md example: two m6i.large (the minimum) and the EKS
	 * control plane, 730 x (2 x 0.096 + 0.10) = $213.16. */
	WL(&w, MOBILE);
	c = cluster(&w);
	ck_assert_str_eq(cost_node(aws(), &w)->type, "m6i.large");
	ck_assert_double_eq(c.nodes, 2);
	ck_assert_int_eq(cents(c.monthly), 21316);
}
END_TEST

/* ---- break-even ---- */

static double
fn_at(const struct workload *w, double v)
{
	struct cost_functions f;

	cost_functions(aws(), w, v, &f);
	return f.monthly;
}

static double
k8s_at(const struct workload *w, double v)
{
	struct cost_cluster c;

	cost_cluster(aws(), cost_node(aws(), w), w, v, &c);
	return c.monthly;
}

/* Functions cheaper just below B, dearer just above it and at every
 * volume above B up to the top of the range.  (Below B they need not
 * be cheaper everywhere: where a new node makes the cluster's cost jump,
 * functions can be dearer for a while before the last crossing.) */
static void
assert_crossing(const struct workload *w, const struct cost_result *r)
{
	double b = r->break_even, v;

	ck_assert_int_eq(r->break_even_kind, COST_BE_CROSSING);
	ck_assert_msg(fn_at(w, b * 1.01) > k8s_at(w, b * 1.01),
	    "functions cheaper at 1.01 x %.0f", b);
	ck_assert(fn_at(w, b * (1 - 1e-9)) <= k8s_at(w, b * (1 - 1e-9)));
	ck_assert(fn_at(w, b * (1 + 1e-9)) > k8s_at(w, b * (1 + 1e-9)));
	for (v = b * 1.001; v <= r->search_max; v *= 1.003)
		ck_assert_msg(fn_at(w, v) > k8s_at(w, v),
		    "functions cheaper at %.0f, above the break-even %.0f", v,
		    b);
}

START_TEST(break_even_mobile_backend)
{
	struct workload w;
	struct cost_result r;

	WL(&w, MOBILE);
	ck_assert_int_eq(cost_run(prices, NULL, &w, &r), 0);
	assert_crossing(&w, &r);
	ck_assert(fn_at(&w, r.break_even * 0.99) <
	    k8s_at(&w, r.break_even * 0.99));
	/* Functions first reach the two-node cluster at about 68.8M
	 * requests, but the third node (70.6M) puts them back below; from
	 * the fourth node's step on they stay dearer. */
	ck_assert_double_gt(r.break_even, 1.1e8);
	ck_assert_double_lt(r.break_even, 1.15e8);
	ck_assert(fn_at(&w, 6.9e7) > k8s_at(&w, 6.9e7));
	ck_assert(fn_at(&w, 7.1e7) < k8s_at(&w, 7.1e7));
}
END_TEST

START_TEST(break_even_many_workloads)
{
	static const char *const durations[] = { "20", "120", "900", NULL };
	static const char *const memories[] = { "128", "1024", "4096", NULL };
	static const char *const mins[] = { "0", "2", "10", NULL };
	struct workload w;
	struct cost_result r;
	int i, j, k, auto_, crossings = 0;

	for (i = 0; durations[i] != NULL; i++)
		for (j = 0; memories[j] != NULL; j++)
			for (k = 0; mins[k] != NULL; k++)
				for (auto_ = 0; auto_ < 2; auto_++) {
					WL(&w, "avg_duration_ms", durations[i],
					    "memory_mb", memories[j],
					    "min_nodes", mins[k], "autoscaling",
					    auto_ ? "true" : "false",
					    "gateway", k == 1 ? "http" : "none");
					ck_assert_int_eq(cost_run(prices, NULL, &w,
					    &r), 0);
					if (r.break_even_kind ==
					    COST_BE_CROSSING) {
						assert_crossing(&w, &r);
						crossings++;
						continue;
					}
					/* Sized for the peak, the cluster
					 * can stay cheaper to the end. */
					ck_assert_int_eq(r.break_even_kind,
					    COST_BE_FUNCTIONS_CHEAPER);
					ck_assert(fn_at(&w, r.search_max) <=
					    k8s_at(&w, r.search_max));
				}
	ck_assert_int_ge(crossings, 27);
}
END_TEST

/* A price list for the edge cases: every provider alike, prices from
 * the arguments. */
static struct pricing *
custom_prices(const char *per_million, const char *gb_second,
    const char *node, const char *control_plane)
{
	static const char *const ids[] = { "aws", "gcp", "azure" };
	char buf[8192];
	size_t o;
	struct pricing *p;
	struct err e;
	int i;

	o = (size_t)snprintf(buf, sizeof buf, "pricing: {version: 1, "
	    "currency: USD}\nproviders:\n");
	for (i = 0; i < 3; i++)
		o += (size_t)snprintf(buf + o, sizeof buf - o,
		    "  %s:\n    name: X\n    region: r\n"
		    "    functions: {service: F, date: 2025-01-15, "
		    "source: https://example.com/f, gb_second: {x86_64: %s}, "
		    "per_million_requests: %s, free_tier: {requests: 0, "
		    "gb_seconds: 0}}\n"
		    "    gateway: {service: G, date: 2025-01-15, "
		    "source: https://example.com/g, http: 1, rest: 3}\n"
		    "    kubernetes: {service: K, date: 2025-01-15, "
		    "source: https://example.com/k, control_plane_per_hour: "
		    "%s}\n"
		    "    nodes: {service: N, date: 2025-01-15, "
		    "source: https://example.com/n, types: [{type: n1, "
		    "vcpu: 1, memory_gib: 1, per_hour: %s, default: yes}]}\n",
		    ids[i], gb_second, per_million, control_plane, node);
	p = pricing_load_buffer("custom.yaml", buf, o, &e);
	ck_assert_msg(p != NULL, "%s", e.msg);
	return p;
}

START_TEST(break_even_functions_cheaper)
{
	struct pricing *p = custom_prices("0", "0.0000166667", "1000", "0");
	struct workload w;
	struct cost_result r;

	/* Nodes at $1,000 an hour: functions stay cheaper to 10^12. */
	WL(&w, "avg_duration_ms", "1", "memory_mb", "128", "min_nodes", "1");
	ck_assert_int_eq(cost_run(p, NULL, &w, &r), 0);
	ck_assert_int_eq(r.break_even_kind, COST_BE_FUNCTIONS_CHEAPER);
	ck_assert_double_eq(r.search_max, 1e12);
	pricing_free(p);
}
END_TEST

START_TEST(break_even_functions_dearer)
{
	struct pricing *p = custom_prices("1000", "0.01", "0.001", "0");
	struct workload w;
	struct cost_result r;

	/* An hour at 32 GB for $0.01 per GB-s: one request costs $1,152,
	 * more than a month of the node it needs. */
	WL(&w, "avg_duration_ms", "3600000", "memory_mb", "32768",
	    "min_nodes", "0", "free_tier", "false");
	ck_assert_int_eq(cost_run(p, NULL, &w, &r), 0);
	ck_assert_int_eq(r.break_even_kind, COST_BE_FUNCTIONS_DEARER);
	pricing_free(p);
}
END_TEST

/* A deterministic pseudo-random number in [0, 1). */
static double
rnd(unsigned long long *state)
{
	*state = *state * 6364136223846793005ULL + 1442695040888963407ULL;
	return (double)(*state >> 11) / 9007199254740992.0;
}

/* Any workload the figure table allows, across every provider and
 * node type: finite, non-negative figures, at least min_nodes, and a
 * break-even that is what it says. */
START_TEST(random_workloads)
{
	unsigned long long state = 42;
	struct cost_result *r = malloc(sizeof *r);
	int n, f, kinds[4] = { 0, 0, 0, 0 };

	ck_assert(r != NULL);
	for (n = 0; n < 300; n++) {
		struct workload w;
		const struct pricing_provider *pv;
		double v;

		workload_defaults(&w);
		for (f = 0; f < WL_NFIELDS; f++) {
			const struct wl_field *fd = &wl_fields[f];
			double x = rnd(&state);

			if (fd->kind == WL_TEXT)
				continue;
			if (fd->kind == WL_NUMBER && fd->min > 0 &&
			    fd->max / fd->min > 1000)
				v = fd->min * pow(fd->max / fd->min, x);
			else if (fd->kind == WL_NUMBER && f == WL_REQUESTS)
				v = pow(10, 12 * x);
			else
				v = fd->min + (fd->max - fd->min) * x;
			w.num[f] = fd->integer ? floor(v + 0.5) : v;
		}
		pv = &prices->provider[(int)w.num[WL_PROVIDER]];
		if (!pv->has_legacy)
			w.num[WL_PLAN] = WL_PLAN_CURRENT;
		if (!(cost_plan(pv, &w)->has_arch &
		    (1u << (int)w.num[WL_ARCH])))
			w.num[WL_ARCH] = WL_X86_64;
		/* Within the plan's limits. */
		if (cost_plan(pv, &w)->max_memory_mb > 0)
			w.num[WL_MEMORY] = fmin(w.num[WL_MEMORY],
			    cost_plan(pv, &w)->max_memory_mb);
		if (cost_plan(pv, &w)->max_duration_ms > 0)
			w.num[WL_DURATION] = fmin(w.num[WL_DURATION],
			    cost_plan(pv, &w)->max_duration_ms);
		snprintf(w.text[WL_NODE_TYPE], WL_TEXT_MAX, "%s",
		    pv->nodes[(int)(rnd(&state) * pv->nnodes)].type);
		ck_assert_int_eq(cost_run(prices, NULL, &w, r), 0);
		ck_assert(isfinite(r->functions.monthly) &&
		    r->functions.monthly >= 0);
		ck_assert(isfinite(r->cluster.monthly) &&
		    r->cluster.monthly > 0);
		ck_assert(isfinite(r->split.monthly) && r->split.monthly >= 0);
		ck_assert_double_ge(r->cluster.nodes, w.num[WL_MIN_NODES]);
		ck_assert_double_eq(r->cluster.nodes,
		    floor(r->cluster.nodes));
		kinds[r->break_even_kind]++;
		switch (r->break_even_kind) {
		case COST_BE_CROSSING: {
			double b = r->break_even;
			struct cost_functions fa, fb;
			struct cost_cluster ka, kb;

			cost_functions(pv, &w, b * (1 - 1e-9), &fa);
			cost_cluster(pv, r->node, &w, b * (1 - 1e-9), &ka);
			cost_functions(pv, &w, b * (1 + 1e-9), &fb);
			cost_cluster(pv, r->node, &w, b * (1 + 1e-9), &kb);
			ck_assert_msg(fa.monthly <= ka.monthly &&
			    fb.monthly > kb.monthly, "workload %d: no "
			    "crossing at %.17g", n, b);
			for (v = b * 1.001; v <= r->search_max; v *= 1.02) {
				cost_functions(pv, &w, v, &fb);
				cost_cluster(pv, r->node, &w, v, &kb);
				ck_assert_msg(fb.monthly > kb.monthly,
				    "workload %d: cheaper at %g above %g", n,
				    v, b);
			}
			break;
		}
		case COST_BE_FUNCTIONS_CHEAPER:
			ck_assert(r->samples[0].shape[
			    MODEL_SHAPE_FUNCTIONS] >= 0);
			break;
		case COST_BE_FUNCTIONS_DEARER:
			ck_assert(r->break_even == 0);
			break;
		case COST_BE_NONE:
			ck_abort_msg("workload %d: no break-even searched", n);
			break;
		}
	}
	/* Both common outcomes came up. */
	ck_assert_int_gt(kinds[COST_BE_CROSSING], 30);
	ck_assert_int_gt(kinds[COST_BE_FUNCTIONS_CHEAPER], 30);
	free(r);
}
END_TEST

/* ---- never falls as requests grow ---- */

START_TEST(monotone_in_requests)
{
	static const char *const shares[] = { "0", "30", "100", NULL };
	struct workload w;
	struct cost_split h;
	int s, a;

	for (s = 0; shares[s] != NULL; s++)
		for (a = 0; a < 2; a++) {
			double v, f0 = -1, k0 = -1, h0 = -1;

			WL(&w, MOBILE, "function_share", shares[s],
			    "autoscaling", a ? "true" : "false",
			    "gateway", "http", "min_nodes", "0");
			for (v = 0; v <= 1e12; v = v < 1 ? 1 : v * 1.01) {
				double f = fn_at(&w, v), k = k8s_at(&w, v);

				cost_split(aws(), cost_node(aws(), &w), &w,
				    v, &h);
				ck_assert_msg(f >= f0, "functions fall at %g",
				    v);
				ck_assert_msg(k >= k0, "cluster falls at %g",
				    v);
				ck_assert_msg(h.monthly >= h0, "hybrid falls "
				    "at %g", v);
				f0 = f;
				k0 = k;
				h0 = h.monthly;
			}
		}
}
END_TEST

/* ---- hybrid ---- */

START_TEST(hybrid_ends)
{
	struct workload w;
	struct cost_result r;
	double volumes[] = { 0, 1000, 3e6, 7.2e7, 5e9 };
	size_t i;
	char v[32];

	for (i = 0; i < sizeof volumes / sizeof volumes[0]; i++) {
		snprintf(v, sizeof v, "%.0f", volumes[i]);
		WL(&w, MOBILE, "requests_per_month", v, "function_share",
		    "0");
		ck_assert_int_eq(cost_run(prices, NULL, &w, &r), 0);
		ck_assert_double_eq(r.split.monthly, r.cluster.monthly);
		ck_assert_double_eq(r.split.cluster.nodes,
		    r.cluster.nodes);
		WL(&w, MOBILE, "requests_per_month", v, "function_share",
		    "100", "gateway", "rest");
		ck_assert_int_eq(cost_run(prices, NULL, &w, &r), 0);
		ck_assert_double_eq(r.split.monthly, r.functions.monthly);
		ck_assert_int_eq(r.split.cluster.present, 0);
	}
}
END_TEST

START_TEST(hybrid_split)
{
	struct workload w;
	struct cost_result r;

	/* 30% of 3M on functions: 900,000 requests, inside the free tier;
	 * 2.1M on a cluster of its own two nodes. */
	WL(&w, MOBILE, "function_share", "30");
	ck_assert_int_eq(cost_run(prices, NULL, &w, &r), 0);
	ck_assert_double_eq(r.split.functions.volume, 900000);
	ck_assert_double_eq(r.split.functions.monthly, 0);
	ck_assert_double_eq(r.split.cluster.volume, 2100000);
	ck_assert_double_eq(r.split.cluster.nodes, 2);
	ck_assert_int_eq(cents(r.split.monthly), 21316);
	/* The free tier counts once: 60% of 3M = 1.8M requests, 324,000
	 * GB-s, all free; with it off, 1.8M x $0.20/M + 324,000 x rate. */
	WL(&w, MOBILE, "function_share", "60", "free_tier", "false");
	ck_assert_int_eq(cost_run(prices, NULL, &w, &r), 0);
	ck_assert_int_eq(cents(r.split.functions.monthly),
	    cents(1.8 * 0.20 + 324000 * 0.0000166667));
}
END_TEST

/* ---- serverless containers ---- */

/* 10 requests a second of 200 ms: 2 in flight on average, each with
 * 0.25 vCPU and 512 MB; instances of 1 vCPU and 2 GiB at 50% hold 0.5
 * vCPU and 1 GiB, so exactly one instance runs all month. */
#define STEADY_TEN "requests_per_month", "26280000", "avg_duration_ms", \
	"200", "memory_mb", "512", "vcpu_per_request", "0.25", \
	"target_utilization", "50", "free_tier", "true"

START_TEST(containers_cloud_run)
{
	struct workload w;
	struct cost_containers k;

	WL(&w, "provider", "gcp", STEADY_TEN);
	cost_containers(&prices->provider[WL_GCP], &w, w.num[WL_REQUESTS],
	    &k);
	ck_assert_int_eq(k.present, 1);
	ck_assert_double_eq_tol(k.avg_concurrency, 2, 1e-12);
	ck_assert_double_eq_tol(k.instances, 1, 1e-12);
	/* 1 x 1 vCPU x 2,628,000 s; 1 x 2 GiB x 2,628,000 s. */
	ck_assert_double_eq_tol(k.vcpu_seconds, 2628000, 1e-6);
	ck_assert_double_eq_tol(k.gib_seconds, 5256000, 1e-6);
	/* (2,628,000 - 180,000) x $0.000024 = $58.752;
	 * (5,256,000 - 360,000) x $0.0000025 = $12.24;
	 * (26,280,000 - 2,000,000) x $0.40 / 10^6 = $9.712. */
	ck_assert_int_eq(cents(k.compute_vcpu), 5875);
	ck_assert_int_eq(cents(k.compute_memory), 1224);
	ck_assert_int_eq(cents(k.requests), 971);
	ck_assert_int_eq(cents(k.monthly), 8070);
	ck_assert_double_eq_tol(k.monthly, 58.752 + 12.24 + 9.712, 1e-9);
	/* Without the free tier: 2,628,000 x 0.000024 + 5,256,000 x
	 * 0.0000025 + 26.28 x 0.40 = 63.072 + 13.14 + 10.512 = $86.72. */
	WL(&w, "provider", "gcp", STEADY_TEN, "free_tier", "false");
	cost_containers(&prices->provider[WL_GCP], &w, w.num[WL_REQUESTS],
	    &k);
	ck_assert_int_eq(cents(k.monthly), 8672);
}
END_TEST

START_TEST(containers_fargate)
{
	struct workload w;
	struct cost_containers k;

	/* Fargate: $0.04048 a vCPU-hour and $0.004445 a GB-hour, no
	 * request charge: 730 x (0.04048 + 2 x 0.004445) = $36.04. */
	WL(&w, "provider", "aws", STEADY_TEN);
	cost_containers(aws(), &w, w.num[WL_REQUESTS], &k);
	ck_assert_int_eq(cents(k.requests), 0);
	ck_assert_int_eq(cents(k.monthly), 3604);
	ck_assert_int_eq(cents(k.monthly), cents(730 * (0.04048 + 2 *
	    0.004445)));
	/* A service keeps one task even for a trickle of requests. */
	WL(&w, "provider", "aws", "requests_per_month", "1000");
	cost_containers(aws(), &w, w.num[WL_REQUESTS], &k);
	ck_assert_int_eq(k.bound, COST_BOUND_MINIMUM);
	ck_assert_double_eq(k.instances, 1);
	/* Twice the load, twice the instances: vCPU decides at 0.25 vCPU
	 * and 512 MB a request, memory at 0.1 vCPU and 1,536 MB. */
	WL(&w, "provider", "aws", STEADY_TEN, "requests_per_month",
	    "52560000");
	cost_containers(aws(), &w, w.num[WL_REQUESTS], &k);
	ck_assert_double_eq_tol(k.instances, 2, 1e-12);
	WL(&w, "provider", "aws", STEADY_TEN, "vcpu_per_request", "0.1",
	    "memory_mb", "1536");
	cost_containers(aws(), &w, w.num[WL_REQUESTS], &k);
	ck_assert_int_eq(k.bound, COST_BOUND_MEMORY);
	ck_assert_double_eq_tol(k.instances, 3, 1e-12);
}
END_TEST

/* Each option of the four-option model gets the figure of its shape,
 * by index; an index out of range, or an option without a shape, has
 * none. */
START_TEST(option_monthly_by_index)
{
	static const char two[] = "model: {id: m, version: \"1\", title: T}\n"
	    "options:\n  - {id: cheap, title: C, cost: containers}\n"
	    "  - {id: other, title: O}\n"
	    "dimensions: [{id: x, title: X, weight: 1}]\n"
	    "panels:\n  - id: p\n    title: P\n    questions:\n"
	    "      - {id: q, prompt: Q?, help: H, answers: [{id: a, label: A},"
	    " {id: b, label: B}]}\n";
	struct model *m4, *m2;
	struct workload w;
	struct cost_result r;
	struct err e;
	char path[4096];
	double v;
	int o;

	m4 = model_load(datafile("data/model-containers.yaml", path,
	    sizeof path), &e);
	ck_assert_msg(m4 != NULL, "%s", e.msg);
	ck_assert_int_eq(m4->noptions, 4);
	WL(&w, MOBILE);
	ck_assert_int_eq(cost_run(prices, m4, &w, &r), 0);
	ck_assert_int_eq(r.noptions, 4);
	for (o = 0; o < 4; o++) {
		static const int shape[4] = { MODEL_SHAPE_FUNCTIONS,
		    MODEL_SHAPE_CONTAINERS, MODEL_SHAPE_CLUSTER,
		    MODEL_SHAPE_SPLIT };

		ck_assert_int_eq(m4->options[o].shape, shape[o]);
		ck_assert_int_eq(cost_option_monthly(&r, o, &v), 0);
		ck_assert_int_eq(r.option_shape[o], shape[o]);
	}
	ck_assert_int_eq(cost_option_monthly(&r, 0, &v), 0);
	ck_assert_double_eq(v, r.functions.monthly);
	ck_assert_int_eq(cost_option_monthly(&r, 1, &v), 0);
	ck_assert_double_eq(v, r.containers.monthly);
	ck_assert_int_eq(cost_option_monthly(&r, 2, &v), 0);
	ck_assert_double_eq(v, r.cluster.monthly);
	ck_assert_int_eq(cost_option_monthly(&r, 3, &v), 0);
	ck_assert_double_eq(v, r.split.monthly);
	ck_assert_int_eq(cost_option_monthly(&r, 4, &v), -1);
	ck_assert_int_eq(cost_option_monthly(&r, -1, &v), -1);
	/* The samples follow the options. */
	ck_assert_double_eq(r.samples[5].option[1],
	    r.samples[5].shape[MODEL_SHAPE_CONTAINERS]);
	ck_assert_double_eq(r.samples[5].option[2],
	    r.samples[5].shape[MODEL_SHAPE_CLUSTER]);
	/* $2.73 on Lambda, a Fargate task all month, two nodes. */
	ck_assert_int_eq(cost_cheapest_option(&r, m4), 0);
	ck_assert_int_eq(r.break_even_kind, COST_BE_CROSSING);

	m2 = model_load_buffer("two.yaml", two, sizeof two - 1, &e);
	ck_assert_msg(m2 != NULL, "%s", e.msg);
	ck_assert_int_eq(cost_run(prices, m2, &w, &r), 0);
	ck_assert_int_eq(cost_option_monthly(&r, 0, &v), 0);
	ck_assert_double_eq(v, r.containers.monthly);
	ck_assert_int_eq(cost_option_monthly(&r, 1, &v), -1);
	ck_assert_int_eq(cost_cheapest_option(&r, m2), 0);
	/* No functions and cluster pair: no break-even. */
	ck_assert_int_eq(r.break_even_kind, COST_BE_NONE);
	ck_assert_int_eq(cost_check_model(prices, m2, &e), 0);
	/* A price list without containers prices cannot price it. */
	prices->provider[WL_GCP].has_containers = 0;
	ck_assert_int_eq(cost_check_model(prices, m2, &e), -1);
	ck_assert_msg(strstr(e.msg, ": no 'containers' prices for gcp: "
	    "option 'cheap' of model 'm'") != NULL, "%s", e.msg);
	ck_assert_int_eq(cost_check_model(prices, model, &e), 0);
	ck_assert_int_eq(cost_run(prices, m2, &w, &r), 0);
	ck_assert_int_eq(cost_option_monthly(&r, 0, &v), 0);
	model_free(m4);
	model_free(m2);
}
END_TEST

/* ---- samples, purity ---- */

START_TEST(samples_for_chart)
{
	struct workload w;
	struct cost_result r;
	int i;

	WL(&w, MOBILE);
	ck_assert_int_eq(cost_run(prices, NULL, &w, &r), 0);
	ck_assert_double_eq_tol(r.samples[0].volume, 1e4, 1e-6);
	ck_assert_double_eq_tol(r.samples[COST_SAMPLES - 1].volume, 1e10, 1);
	ck_assert_double_eq_tol(r.samples[COST_SAMPLES_PER_DECADE].volume,
	    1e5, 1e-6);
	for (i = 0; i < COST_SAMPLES; i++) {
		const struct cost_sample *s = &r.samples[i];

		if (i > 0) {
			ck_assert_double_gt(s->volume, r.samples[i - 1].volume);
			ck_assert_double_ge(s->shape[MODEL_SHAPE_FUNCTIONS],
			    r.samples[i - 1].shape[MODEL_SHAPE_FUNCTIONS]);
		}
		ck_assert_double_eq(s->shape[MODEL_SHAPE_FUNCTIONS], fn_at(&w, s->volume));
		ck_assert_double_eq(s->shape[MODEL_SHAPE_CLUSTER], k8s_at(&w, s->volume));
	}
}
END_TEST

START_TEST(deterministic)
{
	struct workload w;
	struct cost_result *a = malloc(sizeof *a), *b = malloc(sizeof *b);

	ck_assert(a != NULL && b != NULL);
	memset(a, 0xa5, sizeof *a);
	memset(b, 0x5a, sizeof *b);
	WL(&w, MOBILE, "gateway", "http", "function_share", "45");
	ck_assert_int_eq(cost_run(prices, NULL, &w, a), 0);
	ck_assert_int_eq(cost_run(prices, NULL, &w, b), 0);
	ck_assert_int_eq(memcmp(a, b, sizeof *a), 0);
	free(a);
	free(b);
}
END_TEST

START_TEST(default_node_types)
{
	struct workload w;

	WL(&w, "provider", "aws");
	ck_assert_str_eq(cost_node(&prices->provider[WL_AWS], &w)->type,
	    "m6i.large");
	ck_assert_str_eq(cost_node(&prices->provider[WL_GCP], &w)->type,
	    "e2-standard-2");
	ck_assert_str_eq(cost_node(&prices->provider[WL_AZURE], &w)->type,
	    "Standard_D2s_v5");
	ck_assert_double_eq(prices->provider[WL_AWS].functions.gb_second[WL_X86_64],
	    0.0000166667);
	ck_assert_double_eq(prices->provider[WL_AWS].functions.gb_second[WL_ARM64],
	    0.0000133334);
	ck_assert_double_eq(prices->provider[WL_AWS].functions.per_million_requests,
	    0.20);
}
END_TEST

/* ---- staleness, dates, numbers ---- */

static long long
at(int y, int m, int d)
{
	return (long long)pricing_days(y, m, d) * 86400;
}

START_TEST(staleness)
{
	long day = pricing_parse_date("2025-01-15");

	ck_assert_int_eq(day, pricing_days(2025, 1, 15));
	ck_assert_int_eq(pricing_days(1970, 1, 1), 0);
	ck_assert_int_eq(pricing_days(2000, 3, 1), 11017);
	ck_assert(!pricing_is_stale(day, at(2025, 1, 15)));
	ck_assert(!pricing_is_stale(day, at(2026, 1, 15) + 86399));
	ck_assert(pricing_is_stale(day, at(2026, 1, 16)));
	ck_assert_int_eq(pricing_age_days(day, at(2026, 1, 16) + 5), 366);
	/* 29 February: twelve months later is 28 February. */
	day = pricing_parse_date("2024-02-29");
	ck_assert(!pricing_is_stale(day, at(2025, 2, 28)));
	ck_assert(pricing_is_stale(day, at(2025, 3, 1)));
	/* A date in the future is not stale. */
	ck_assert(!pricing_is_stale(pricing_parse_date("2030-01-01"),
	    at(2026, 6, 1)));
	ck_assert_int_eq(pricing_parse_date("2025-02-29"), -1);
	ck_assert_int_eq(pricing_parse_date("2025-1-15"), -1);
	ck_assert_int_eq(pricing_parse_date("1999-12-31"), -1);
}
END_TEST

START_TEST(number_formats)
{
	char buf[64];

	ck_assert_str_eq(pricing_group(3000000, 0, buf, sizeof buf),
	    "3,000,000");
	ck_assert_str_eq(pricing_group(999, 0, buf, sizeof buf), "999");
	ck_assert_str_eq(pricing_group(1234.5, 2, buf, sizeof buf),
	    "1,234.50");
	ck_assert_str_eq(pricing_group(-1234567.891, 1, buf, sizeof buf),
	    "-1,234,567.9");
	ck_assert_str_eq(pricing_group(-0.001, 2, buf, sizeof buf), "0.00");
	ck_assert_str_eq(pricing_money(prices, 2.733338, 2, buf, sizeof buf),
	    "$2.73");
	ck_assert_str_eq(pricing_money(prices, 21316, 2, buf, sizeof buf),
	    "$21,316.00");
}
END_TEST

/* ---- reports ---- */

/* The report for answers TEXT, in YAML or Markdown, as a string. */
static char *
render(const char *text, int markdown, long long now, struct pricing *p)
{
	struct answers *a;
	struct eval_result *res;
	struct cost_result cost;
	struct report rep;
	struct err e;
	char *out = NULL;
	size_t len = 0;
	FILE *f;

	a = answers_load_buffer(model, "t.yaml", text, strlen(text), &e);
	ck_assert_msg(a != NULL, "%s", e.msg);
	res = eval_result_new(model);
	ck_assert(res != NULL);
	eval_run(model, a->answer, a->weight, res);
	ck_assert_int_eq(cost_run(p, model, &a->workload, &cost), 0);
	rep = (struct report){ .model = model, .answers = a, .result = res,
	    .pricing = p, .cost = &cost, .now = now };
	f = open_memstream(&out, &len);
	ck_assert(f != NULL);
	ck_assert_int_eq(markdown ? export_md(f, &rep, &e) :
	    report_yaml(f, &rep, &e), 0);
	fclose(f);
	eval_result_free(res);
	answers_free(a);
	return out;
}

#define MOBILE_FILE "answers:\n  traffic: spiky\nworkload:\n" \
	"  requests_per_month: 3000000\n  avg_duration_ms: 120\n" \
	"  memory_mb: 1536\n  arch: x86_64\n  free_tier: true\n"

START_TEST(report_yaml_cost_block)
{
	char *s = render(MOBILE_FILE, 0, at(2025, 6, 1), prices);

	ck_assert_ptr_nonnull(strstr(s, "\ncost:\n  provider: aws\n"));
	ck_assert_ptr_nonnull(strstr(s, "\n  serverless: {monthly: 2.73, "
	    "compute: 2.33, requests: 0.40, gateway: 0.00}\n"));
	ck_assert_ptr_nonnull(strstr(s, "\n  kubernetes: {monthly: 213.16, "
	    "nodes: 2, node_type: m6i.large, control_plane: 73.00}\n"));
	ck_assert_ptr_nonnull(strstr(s, "\n  price_date: \"2026-11-28\"\n"
	    "  stale: false\n"));
	ck_assert_ptr_nonnull(strstr(s, "\n  break_even_requests_per_month: "
	    "1125"));
	free(s);
	/* Current on the day the prices were checked and a year on; stale
	 * the day after. */
	s = render(MOBILE_FILE, 0, at(2026, 11, 28), prices);
	ck_assert_ptr_nonnull(strstr(s, "\n  stale: false\n"));
	free(s);
	s = render(MOBILE_FILE, 0, at(2027, 11, 28), prices);
	ck_assert_ptr_nonnull(strstr(s, "\n  stale: false\n"));
	free(s);
	s = render(MOBILE_FILE, 0, at(2027, 11, 29), prices);
	ck_assert_ptr_nonnull(strstr(s, "\n  stale: true\n"));
	free(s);
}
END_TEST

START_TEST(report_markdown_formulas)
{
	char *s = render(MOBILE_FILE, 1, at(2026, 12, 1), prices);

	ck_assert_ptr_nonnull(strstr(s, "3,000,000 req × 0.120 s × 1.5 GB = "
	    "540,000 GB-s; (540,000 − 400,000 free) × $0.0000166667 = "
	    "$2.33"));
	ck_assert_ptr_nonnull(strstr(s, "(3,000,000 − 1,000,000 free) × "
	    "$0.20 / 1,000,000 = $0.40"));
	ck_assert_ptr_nonnull(strstr(s, "730 h × (2 × $0.096 + $0.10 "
	    "control plane) = **$213.16**"));
	ck_assert_ptr_nonnull(strstr(s, "prices of 2026-11-28"));
	ck_assert_ptr_null(strstr(s, "Stale"));
	free(s);
	s = render(MOBILE_FILE, 1, at(2028, 11, 27), prices);
	ck_assert_ptr_nonnull(strstr(s, "**Stale prices:** the price list is "
	    "730 days old"));
	free(s);
}
END_TEST

START_TEST(report_markdown_escapes_price_text)
{
	char buf[32768], path[4096];
	struct pricing *p;
	struct err e;
	FILE *f;
	char *s;
	size_t n;

	/* A price list whose service names try to break the table. */
	f = fopen(datafile("data/pricing.yaml", path, sizeof path), "r");
	ck_assert(f != NULL);
	n = fread(buf, 1, sizeof buf - 1, f);
	fclose(f);
	buf[n] = '\0';
	s = strstr(buf, "service: AWS Lambda");
	ck_assert_ptr_nonnull(s);
	memcpy(s, "service: <b>|x|</b>", 19);
	p = pricing_load_buffer("p.yaml", buf, n, &e);
	ck_assert_msg(p != NULL, "%s", e.msg);
	s = render(MOBILE_FILE, 1, at(2025, 6, 1), p);
	ck_assert_ptr_null(strstr(s, "<b>"));
	ck_assert_ptr_nonnull(strstr(s, "&lt;b&gt;\\|x\\|&lt;/b&gt;"));
	free(s);
	pricing_free(p);
}
END_TEST

/* ---- the price list loader: every rule, message and position ---- */

static const char *const base[] = {
	/* 1 */ "pricing:",
	/* 2 */ "  version: 1",
	/* 3 */ "  currency: USD",
	/* 4 */ "  title: test prices",
	/* 5 */ "providers:",
	/* 6 */ "  aws:",
	/* 7 */ "    name: AWS",
	/* 8 */ "    region: us-east-1",
	/* 9 */ "    functions:",
	/* 10 */ "      service: Lambda",
	/* 11 */ "      date: 2025-01-15",
	/* 12 */ "      source: https://example.com/lambda",
	/* 13 */ "      gb_second: {x86_64: 0.0000166667, arm64: 0.0000133334}",
	/* 14 */ "      per_million_requests: 0.20",
	/* 15 */ "      free_tier: {requests: 1000000, gb_seconds: 400000}",
	/* 16 */ "    gateway: {service: G, date: 2025-01-15, source: "
	    "https://example.com/g, http: 1.00, rest: 3.50}",
	/* 17 */ "    kubernetes: {service: EKS, date: 2025-01-15, source: "
	    "https://example.com/k, control_plane_per_hour: 0.10}",
	/* 18 */ "    nodes:",
	/* 19 */ "      service: EC2",
	/* 20 */ "      date: 2025-01-15",
	/* 21 */ "      source: https://example.com/ec2",
	/* 22 */ "      types:",
	/* 23 */ "        - {type: m6i.large, vcpu: 2, memory_gib: 8, "
	    "per_hour: 0.096, default: true}",
	/* 24 */ "        - {type: c6i.xlarge, vcpu: 4, memory_gib: 8, "
	    "per_hour: 0.17}",
	/* 25 */ "  gcp:",
	/* 26 */ "    name: GCP",
	/* 27 */ "    region: us-central1",
	/* 28 */ "    functions: {service: Run, date: 2025-01-15, source: "
	    "https://example.com/r, gb_second: {x86_64: 0.0000025}, "
	    "vcpu_second: {x86_64: 0.000024}, per_million_requests: 0.40, "
	    "free_tier: {requests: 2000000, gb_seconds: 360000, "
	    "vcpu_seconds: 180000}}",
	/* 29 */ "    gateway: {service: G, date: 2025-01-15, source: "
	    "https://example.com/g, http: 3, rest: 3, free_requests: 2000000}",
	/* 30 */ "    kubernetes: {service: GKE, date: 2025-01-15, source: "
	    "https://example.com/k, control_plane_per_hour: 0.10}",
	/* 31 */ "    nodes: {service: GCE, date: 2025-01-15, source: "
	    "https://example.com/n, types: [{type: e2-standard-2, vcpu: 2, "
	    "memory_gib: 8, per_hour: 0.067006, default: true}]}",
	/* 32 */ "  azure:",
	/* 33 */ "    name: Azure",
	/* 34 */ "    region: eastus",
	/* 35 */ "    functions: {service: Fn, date: 2025-01-15, source: "
	    "https://example.com/f, gb_second: {x86_64: 0.000016}, "
	    "per_million_requests: 0.20, free_tier: {requests: 1000000, "
	    "gb_seconds: 400000}}",
	/* 36 */ "    gateway: {service: G, date: 2025-01-15, source: "
	    "https://example.com/g, http: 3.5, rest: 3.5}",
	/* 37 */ "    kubernetes: {service: AKS, date: 2025-01-15, source: "
	    "https://example.com/k, control_plane_per_hour: 0.10}",
	/* 38 */ "    nodes: {service: VM, date: 2025-01-15, source: "
	    "https://example.com/v, types: [{type: Standard_D2s_v5, vcpu: 2, "
	    "memory_gib: 8, per_hour: 0.096, default: true}]}",
	NULL
};

/* The base document with SPAN lines from LINE (1-based) replaced by
 * TEXT (NULL: removed); LINE 0 changes nothing. */
static char *
variant(int line, int span, const char *text, size_t *len)
{
	size_t cap = 16384, o = 0;
	char *buf = malloc(cap);
	int i;

	ck_assert(buf != NULL);
	for (i = 0; base[i] != NULL; i++) {
		const char *l = i + 1 == line ? text : base[i];

		if (l == NULL || (i + 1 > line && i + 1 < line + span))
			continue;
		o += (size_t)snprintf(buf + o, cap - o, "%s\n", l);
		ck_assert(o < cap);
	}
	*len = o;
	return buf;
}

static const struct bad {
	int line;
	const char *text;
	const char *error;
	int span;		/* lines replaced */
} bad[] = {
	/* the header */
	{ 2, "  version: 2", "t.yaml:2:12: price list version 2 is not "
	    "supported (this program reads version 1)", 1 },
	{ 2, "  version: one", "t.yaml:2:12: 'pricing.version' must be a "
	    "whole number, not 'one'", 1 },
	{ 3, "  currency: usd", "t.yaml:3:13: 'pricing.currency' must be a "
	    "three-letter code such as USD, not 'usd'", 1 },
	{ 3, NULL, "t.yaml:2:3: 'pricing' is missing 'currency'", 1 },
	{ 4, "  titel: x", "t.yaml:4:3: unknown key 'titel' in 'pricing' "
	    "(expected: version, currency, title)", 1 },
	{ 1, "pricing: [1]", "t.yaml:1:10: 'pricing' must be a mapping, not "
	    "a list", 4 },
	/* providers */
	{ 25, "  oracle:", "t.yaml:25:3: unknown key 'oracle' in 'providers' "
	    "(expected: aws, gcp, azure)", 1 },
	{ 7, "    nmae: AWS", "t.yaml:7:5: unknown key 'nmae' in 'aws' "
	    "(expected: name, region, functions, gateway, kubernetes, "
	    "nodes, containers, legacy_functions)", 1 },
	{ 8, NULL, "t.yaml:7:5: 'aws' is missing 'region'", 1 },
	{ 7, "    name: [AWS]", "t.yaml:7:11: 'aws.name' must be text, not "
	    "a list", 1 },
	/* dates */
	{ 11, "      date: 2025-13-01", "t.yaml:11:13: "
	    "'aws.functions.date' '2025-13-01' is not a day of the calendar", 1 },
	{ 11, "      date: 2025-02-29", "t.yaml:11:13: "
	    "'aws.functions.date' '2025-02-29' is not a day of the calendar", 1 },
	{ 11, "      date: 15/01/2025", "t.yaml:11:13: "
	    "'aws.functions.date' must be a date written YYYY-MM-DD, not "
	    "'15/01/2025'", 1 },
	{ 11, "      date: 1999-12-31", "t.yaml:11:13: "
	    "'aws.functions.date' '1999-12-31' must be in the years 2000 to "
	    "2099", 1 },
	{ 11, "      date:", "t.yaml:11:12: 'aws.functions.date' has no "
	    "value", 1 },
	{ 20, NULL, "t.yaml:19:7: 'aws.nodes' is missing 'date'", 1 },
	/* sources */
	{ 12, "      source: ftp://example.com", "t.yaml:12:15: "
	    "'aws.functions.source' must be a web address (https://...), not "
	    "'ftp://example.com'", 1 },
	{ 12, "      source: see the web page", "t.yaml:12:15: "
	    "'aws.functions.source' must be a web address (https://...), "
	    "not 'see the web page'", 1 },
	/* functions */
	{ 9, "    functions: 5", "t.yaml:9:16: 'aws.functions' must be a "
	    "mapping, not a scalar", 7 },
	{ 10, "      servcie: Lambda", "t.yaml:10:7: unknown key 'servcie' "
	    "in 'aws.functions' (expected: service, date, source, gb_second, "
	    "vcpu_second, per_million_requests, free_tier, tiers, "
	    "init_billed, limits, warm)", 1 },
	/* the blocks of 0.2.0: tiers, limits, warm, extended support */
	{ 15, "      free_tier: {requests: 1000000, gb_seconds: 400000}\n"
	    "      tiers: {x86_64: [{above: 15000000000, gb_second: 0.0000133334},"
	    " {above: 6000000000, gb_second: 0.000015}]}", "t.yaml:16:79: "
	    "'aws.functions.tiers.x86_64[1]': the thresholds of tiers must "
	    "rise", 1 },
	{ 15, "      free_tier: {requests: 1000000, gb_seconds: 400000}\n"
	    "      tiers: {riscv: [{above: 1, gb_second: 0.00001}]}",
	    "t.yaml:16:15: unknown key 'riscv' in 'aws.functions.tiers' "
	    "(expected: x86_64, arm64)", 1 },
	{ 15, "      free_tier: {requests: 1000000, gb_seconds: 400000}\n"
	    "      limits: {memory_mb: 64}", "t.yaml:16:27: "
	    "'aws.functions.limits.memory_mb' must be between 128 and "
	    "1.04858e+06, not 64", 1 },
	{ 15, "      free_tier: {requests: 1000000, gb_seconds: 400000}\n"
	    "      limits: {duration_ms: 0}", "t.yaml:16:29: "
	    "'aws.functions.limits.duration_ms' must be between 1 and "
	    "1e+09, not 0", 1 },
	{ 15, "      free_tier: {requests: 1000000, gb_seconds: 400000}\n"
	    "      warm: {execution_gb_second: 0.00001}", "t.yaml:16:13: "
	    "'aws.functions.warm' is missing 'gb_second'", 1 },
	{ 15, "      free_tier: {requests: 1000000, gb_seconds: 400000}\n"
	    "      init_billed: sometimes", "t.yaml:16:20: "
	    "'aws.functions.init_billed' must be true or false, not "
	    "'sometimes'", 1 },
	{ 17, "    kubernetes: {service: EKS, date: 2025-01-15, source: "
	    "https://example.com/k, control_plane_per_hour: 0.10, "
	    "extended_support_per_hour: 0}", "t.yaml:17:138: "
	    "'aws.kubernetes.extended_support_per_hour' must be more than 0",
	    1 },
	{ 13, "      gb_second: {x86_64: -0.0000166667}", "t.yaml:13:27: "
	    "'aws.functions.gb_second.x86_64' must be between 0 and 0.01, "
	    "not -0.0000166667", 1 },
	{ 13, "      gb_second: {x86_64: 5}", "t.yaml:13:27: "
	    "'aws.functions.gb_second.x86_64' must be between 0 and 0.01, "
	    "not 5", 1 },
	{ 13, "      gb_second: {arm64: 0.00001}", "t.yaml:13:18: "
	    "'aws.functions.gb_second' is missing 'x86_64'", 1 },
	{ 13, "      gb_second: {x86_64: 0.00001, riscv: 0.00001}",
	    "t.yaml:13:36: unknown key 'riscv' in 'aws.functions.gb_second' "
	    "(expected: x86_64, arm64)", 1 },
	{ 13, "      gb_second: {x86_64: \"0.00001\"}", "t.yaml:13:27: "
	    "'aws.functions.gb_second.x86_64' must be a number, not "
	    "'0.00001'", 1 },
	{ 14, "      per_million_requests: cheap", "t.yaml:14:29: "
	    "'aws.functions.per_million_requests' must be a number, not "
	    "'cheap'", 1 },
	{ 14, "      per_million_requests: [1]", "t.yaml:14:29: "
	    "'aws.functions.per_million_requests' must be a number, not a "
	    "list", 1 },
	{ 14, "      per_million_requests: 5000", "t.yaml:14:29: "
	    "'aws.functions.per_million_requests' must be between 0 and "
	    "1000, not 5000", 1 },
	{ 14, NULL, "t.yaml:10:7: 'aws.functions' is missing "
	    "'per_million_requests'", 1 },
	{ 15, "      free_tier: {requests: 1000000}", "t.yaml:15:18: "
	    "'aws.functions.free_tier' is missing 'gb_seconds'", 1 },
	{ 15, "      free_tier: {requests: -1, gb_seconds: 0}",
	    "t.yaml:15:29: 'aws.functions.free_tier.requests' must be "
	    "between 0 and 1e+12, not -1", 1 },
	{ 28, "    functions: {service: Run, date: 2025-01-15, source: "
	    "https://example.com/r, gb_second: {x86_64: 0.0000025, arm64: "
	    "0.000002}, vcpu_second: {x86_64: 0.000024}, "
	    "per_million_requests: 0.40, free_tier: {requests: 2000000, "
	    "gb_seconds: 360000}}", "t.yaml:28:142: 'gcp.functions.vcpu_second' "
	    "and 'gb_second' must price the same architectures (arm64 is in "
	    "one only)", 1 },
	/* gateway, control plane */
	{ 16, "    gateway: {service: G, date: 2025-01-15, source: "
	    "https://example.com/g, http: -1, rest: 3.50}", "t.yaml:16:82: "
	    "'aws.gateway.http' must be between 0 and 1000, not -1", 1 },
	{ 16, "    gateway: {service: G, date: 2025-01-15, source: "
	    "https://example.com/g, http: 1}", "t.yaml:16:14: 'aws.gateway' "
	    "is missing 'rest'", 1 },
	{ 17, "    kubernetes: {service: EKS, date: 2025-01-15, source: "
	    "https://example.com/k, control_plane_per_hour: 1000}",
	    "t.yaml:17:105: 'aws.kubernetes.control_plane_per_hour' must be "
	    "between 0 and 100, not 1000", 1 },
	/* nodes */
	{ 24, "        - {type: m6i.large, vcpu: 4, memory_gib: 8, "
	    "per_hour: 0.17}", "t.yaml:24:18: duplicate node type "
	    "'m6i.large' for aws (first at 23:18)", 1 },
	{ 24, "        - {type: c6i.xlarge, vcpu: 4, memory_gib: 8, "
	    "per_hour: 0.17, default: true}", "t.yaml:24:79: a second "
	    "default node type for aws: 'c6i.xlarge' (the first, "
	    "'m6i.large', is at 23:79)", 1 },
	{ 23, "        - {type: m6i.large, vcpu: 2, memory_gib: 8, "
	    "per_hour: 0.096}", "t.yaml:23:9: no default node type for aws: "
	    "mark one with 'default: true'", 1 },
	{ 23, "        - {type: m6i large, vcpu: 2, memory_gib: 8, "
	    "per_hour: 0.096, default: true}", "t.yaml:23:18: node type "
	    "'m6i large' is not a valid name (a letter or digit, then "
	    "letters, digits, '.', '_' or '-', at most 63)", 1 },
	{ 23, "        - {type: m6i.large, vcpu: 2, memory_gib: 8, "
	    "per_hour: 0, default: true}", "t.yaml:23:63: "
	    "'aws.nodes.types[0].per_hour' must be more than 0", 1 },
	{ 24, "        - {type: c6i.xlarge, vcpu: 0, memory_gib: 8, "
	    "per_hour: 0.17}", "t.yaml:24:36: 'aws.nodes.types[1].vcpu' must "
	    "be between 0.1 and 1024, not 0", 1 },
	{ 24, "        - {type: c6i.xlarge, vcpu: 4, memory_gib: 1e-300, "
	    "per_hour: 0.17}", "t.yaml:24:51: 'aws.nodes.types[1].memory_gib' "
	    "must be between 0.1 and 65536, not 1e-300", 1 },
	{ 24, "        - {type: c6i.xlarge, vcpu: 4, memory_gib: 8, "
	    "per_hour: 5000}", "t.yaml:24:64: 'aws.nodes.types[1].per_hour' "
	    "must be between 0 and 1000, not 5000", 1 },
	{ 24, "        - {type: c6i.xlarge, vcpu: 4, memory_gib: 8, "
	    "per_hour: 0.17, gpu: 1}", "t.yaml:24:70: unknown key 'gpu' in a "
	    "node type (expected: type, vcpu, memory_gib, per_hour, "
	    "default)", 1 },
	{ 24, "        - {type: c6i.xlarge, vcpu: 4, memory_gib: 8, "
	    "per_hour: 0.17, default: maybe}", "t.yaml:24:79: "
	    "'aws.nodes.types[1].default' must be true or false, not "
	    "'maybe'", 1 },
	{ 22, "      types: []", "t.yaml:22:14: 'aws.nodes.types' must "
	    "list at least one node type", 3 },
	/* the document */
	{ 5, "providers: &p", "t.yaml:5:12: anchors and aliases are not "
	    "allowed in this file", 1 },
};

START_TEST(pricing_bad_input)
{
	const struct bad *b = &bad[_i];
	struct pricing *p;
	struct err e;
	size_t len;
	char *doc = variant(b->line, b->span, b->text, &len);

	p = pricing_load_buffer("t.yaml", doc, len, &e);
	ck_assert_msg(p == NULL, "case %d (line %d) loaded", _i, b->line);
	ck_assert_str_eq(e.msg, b->error);
	free(doc);
}
END_TEST

START_TEST(pricing_base_loads)
{
	struct pricing *p;
	struct err e;
	size_t len;
	char *doc = variant(0, 0, NULL, &len);

	p = pricing_load_buffer("t.yaml", doc, len, &e);
	ck_assert_msg(p != NULL, "%s", e.msg);
	ck_assert_int_eq(p->provider[WL_AWS].nnodes, 2);
	ck_assert_int_eq(p->provider[WL_AWS].default_node, 0);
	ck_assert_str_eq(p->provider[WL_AWS].date, "2025-01-15");
	ck_assert_int_eq(p->provider[WL_AWS].functions.has_arch, 3);
	ck_assert_int_eq(p->provider[WL_GCP].functions.has_arch, 1);
	ck_assert_double_eq(p->provider[WL_GCP].functions.free_vcpu_seconds, 180000);
	ck_assert_double_eq(p->provider[WL_GCP].gateway_free_requests, 2e6);
	pricing_free(p);
	free(doc);
	/* The oldest block dates the provider. */
	doc = variant(20, 1, "      date: 2024-03-01", &len);
	p = pricing_load_buffer("t.yaml", doc, len, &e);
	ck_assert_msg(p != NULL, "%s", e.msg);
	ck_assert_str_eq(p->provider[WL_AWS].date, "2024-03-01");
	pricing_free(p);
	free(doc);
}
END_TEST

START_TEST(pricing_empty_and_missing)
{
	static const char header_only[] = "pricing: {version: 1, currency: "
	    "USD}\n";
	struct err e;

	ck_assert_ptr_null(pricing_load_buffer("t.yaml", "", 0, &e));
	ck_assert_str_eq(e.msg, "t.yaml:1:1: empty file: a price list is a "
	    "mapping with 'pricing' and 'providers'");
	ck_assert_ptr_null(pricing_load_buffer("t.yaml", header_only,
	    strlen(header_only), &e));
	ck_assert_str_eq(e.msg, "t.yaml:1:1: a price list is missing "
	    "'providers'");
	ck_assert_ptr_null(pricing_load("/nonexistent/pricing.yaml", &e));
	ck_assert_ptr_nonnull(strstr(e.msg, "/nonexistent/pricing.yaml: "
	    "cannot open"));
}
END_TEST

/* ---- workload figures in answers files ---- */

static const struct bad_figure {
	const char *line;
	const char *error;
} bad_figures[] = {
	{ "  requests_per_month: -1", "a.yaml:4:23: requests_per_month must "
	    "be between 0 and 1000000000000, not -1" },
	{ "  requests_per_month: 2000000000000", "a.yaml:4:23: "
	    "requests_per_month must be between 0 and 1000000000000, not "
	    "2000000000000" },
	{ "  requests_per_month: 1.5", "a.yaml:4:23: requests_per_month must "
	    "be a whole number" },
	{ "  avg_duration_ms: 0", "a.yaml:4:20: avg_duration_ms must be "
	    "between 1 and 3600000, not 0" },
	{ "  memory_mb: 64", "a.yaml:4:14: memory_mb must be between 128 and "
	    "32768, not 64" },
	{ "  peak_ratio: 0.5", "a.yaml:4:15: peak_ratio must be between 1 and "
	    "1000, not 0.5" },
	{ "  min_nodes: 20000", "a.yaml:4:14: min_nodes must be between 0 and "
	    "10000, not 20000" },
	{ "  target_utilization: 5", "a.yaml:4:23: target_utilization must be "
	    "between 10 and 100, not 5" },
	{ "  function_share: 101", "a.yaml:4:19: function_share must be "
	    "between 0 and 100, not 101" },
	{ "  vcpu_per_request: 65", "a.yaml:4:21: vcpu_per_request must be "
	    "between 0 and 64, not 65" },
	{ "  arch: sparc", "a.yaml:4:9: arch must be one of x86_64, arm64" },
	{ "  provider: oracle", "a.yaml:4:13: provider must be one of aws, "
	    "gcp, azure" },
	{ "  gateway: graphql", "a.yaml:4:12: gateway must be one of none, "
	    "http, rest" },
	{ "  free_tier: maybe", "a.yaml:4:14: free_tier must be true or "
	    "false" },
	{ "  autoscaling: \"true\"", "a.yaml:4:16: workload figure "
	    "'autoscaling' must not be quoted" },
	{ "  memory_mb: [1]", "a.yaml:4:14: workload figure 'memory_mb' must "
	    "be a value, not a list" },
	{ "  cpu: 2", "a.yaml:4:3: unknown key 'cpu' in 'workload' "
	    "(expected: provider, requests_per_month, avg_duration_ms, "
	    "memory_mb, arch, free_tier, peak_ratio, gateway, node_type, "
	    "min_nodes, target_utilization, autoscaling, function_share, "
	    "vcpu_per_request, cold_start_percent, init_ms, function_plan, "
	    "support)" },
};

START_TEST(workload_out_of_range)
{
	const struct bad_figure *b = &bad_figures[_i];
	char doc[512];
	struct answers *a;
	struct err e;

	snprintf(doc, sizeof doc, "answers:\n  traffic: spiky\nworkload:\n"
	    "%s\n", b->line);
	a = answers_load_buffer(model, "a.yaml", doc, strlen(doc), &e);
	ck_assert_msg(a == NULL, "'%s' was accepted", b->line);
	ck_assert_str_eq(e.msg, b->error);
}
END_TEST

START_TEST(workload_needs_prices)
{
	static const char *const docs[][2] = {
		{ "answers: {}\nworkload:\n  provider: azure\n"
		    "  node_type: m6i.large\n", "a.yaml:4:14: unknown node "
		    "type 'm6i.large' for azure (expected: Standard_D2s_v5, "
		    "Standard_D4s_v5, Standard_D8s_v5, Standard_D2as_v5, "
		    "Standard_E2s_v5, Standard_B2s)" },
		{ "answers: {}\nworkload:\n  node_type: m6i.huge\n",
		    "a.yaml:3:14: unknown node type 'm6i.huge' for aws "
		    "(expected: m6i.large, m6i.xlarge, m5.large, m5.xlarge, "
		    "m7g.large, m7g.xlarge, c6i.xlarge, r6i.large, "
		    "t3.medium)" },
		{ "answers: {}\nworkload:\n  arch: arm64\n  provider: gcp\n",
		    "a.yaml:3:9: the price list has no arm64 price for gcp "
		    "functions (Cloud Run functions (request-based billing))" },
	};
	static const char ok[] = "answers: {}\nworkload:\n"
	    "  node_type: t3.medium\n  arch: arm64\n";
	static const char ctl[] = "answers: {}\nworkload:\n"
	    "  node_type: \"\\x1b[2J\"\n";
	struct cost_result r;
	struct answers *a;
	struct err e;
	size_t i;

	for (i = 0; i < sizeof docs / sizeof docs[0]; i++) {
		a = answers_load_buffer(model, "a.yaml", docs[i][0],
		    strlen(docs[i][0]), &e);
		ck_assert_msg(a != NULL, "%s", e.msg);
		ck_assert_int_eq(cost_check(prices, &a->workload, a->file, &e),
		    -1);
		ck_assert_str_eq(e.msg, docs[i][1]);
		ck_assert_int_eq(cost_run(prices, model, &a->workload, &r), -1);
		answers_free(a);
	}
	/* A known node type and the shipped arm64 price pass. */
	a = answers_load_buffer(model, "a.yaml", ok, strlen(ok), &e);
	ck_assert_msg(a != NULL, "%s", e.msg);
	ck_assert_int_eq(cost_check(prices, &a->workload, a->file, &e), 0);
	answers_free(a);
	/* A terminal escape never gets as far as the price list. */
	ck_assert_ptr_null(answers_load_buffer(model, "a.yaml", ctl,
	    strlen(ctl), &e));
	ck_assert_str_eq(e.msg, "a.yaml:3:14: node_type must be printable "
	    "text of at most 63 bytes");
}
END_TEST

static Suite *
suite(void)
{
	Suite *s = suite_create("cost");
	TCase *tc;

	tc = tcase_create("functions");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, lambda_mobile_backend);
	tcase_add_test(tc, lambda_free_tier_off);
	tcase_add_test(tc, lambda_arm64);
	tcase_add_test(tc, lambda_with_gateway);
	tcase_add_test(tc, lambda_inside_free_tier);
	tcase_add_test(tc, cloud_run_vcpu_and_memory);
	tcase_add_test(tc, azure_functions);
	tcase_add_test(tc, azure_flex_consumption);
	tcase_add_test(tc, lambda_volume_tiers);
	tcase_add_test(tc, lambda_init_billed);
	tcase_add_test(tc, warm_capacity);
	tcase_add_test(tc, extended_support);
	tcase_add_test(tc, provider_limits);
	tcase_add_test(tc, older_price_list);
	tcase_add_test(tc, provider_the_list_lacks);
	suite_add_tcase(s, tc);

	tc = tcase_create("kubernetes");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, nodes_exactly_at_capacity);
	tcase_add_test(tc, nodes_at_utilisation);
	tcase_add_test(tc, nodes_min_dominates);
	tcase_add_test(tc, nodes_memory_bound);
	tcase_add_test(tc, nodes_cpu_bound);
	tcase_add_test(tc, nodes_derived_vcpu);
	tcase_add_test(tc, nodes_autoscaling_vs_peak);
	tcase_add_test(tc, mobile_backend_cluster);
	suite_add_tcase(s, tc);

	tc = tcase_create("break-even, hybrid, curves");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, break_even_mobile_backend);
	tcase_add_test(tc, break_even_many_workloads);
	tcase_add_test(tc, break_even_functions_cheaper);
	tcase_add_test(tc, break_even_functions_dearer);
	tcase_add_test(tc, random_workloads);
	tcase_add_test(tc, monotone_in_requests);
	tcase_add_test(tc, hybrid_ends);
	tcase_add_test(tc, hybrid_split);
	tcase_add_test(tc, containers_cloud_run);
	tcase_add_test(tc, containers_fargate);
	tcase_add_test(tc, option_monthly_by_index);
	tcase_add_test(tc, samples_for_chart);
	tcase_add_test(tc, deterministic);
	tcase_add_test(tc, default_node_types);
	suite_add_tcase(s, tc);

	tc = tcase_create("dates, numbers, reports");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, staleness);
	tcase_add_test(tc, number_formats);
	tcase_add_test(tc, report_yaml_cost_block);
	tcase_add_test(tc, report_markdown_formulas);
	tcase_add_test(tc, report_markdown_escapes_price_text);
	suite_add_tcase(s, tc);

	tc = tcase_create("bad input");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, pricing_base_loads);
	tcase_add_loop_test(tc, pricing_bad_input, 0,
	    (int)(sizeof bad / sizeof bad[0]));
	tcase_add_test(tc, pricing_empty_and_missing);
	tcase_add_loop_test(tc, workload_out_of_range, 0,
	    (int)(sizeof bad_figures / sizeof bad_figures[0]));
	tcase_add_test(tc, workload_needs_prices);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	return tu_run(suite());
}
