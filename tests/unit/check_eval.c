/* check_eval.c - the evaluator: scores, blocks, rationale, flip. */
#include "config.h"

#include <math.h>

#include "eval.h"
#include "testutil.h"

/* Two options, two dimensions (x weighs 2, y 1), three questions; q3 is
 * asked only when q1 = p.  The numbers below are worked by hand from
 * doc/scoring.md. */
static const char small_model[] =
"model: {id: e, version: \"1\", title: E}\n"
"options: [{id: a, title: A}, {id: b, title: B}]\n"
"dimensions: [{id: x, title: X, weight: 2}, {id: y, title: Y, weight: 1}]\n"
"panels:\n"
"  - id: p\n"
"    title: P\n"
"    questions:\n"
"      - id: q1\n"
"        prompt: Q1\n"
"        help: H\n"
"        answers:\n"
"          - {id: p, label: P, scores: {a: {x: 2}, b: {x: -1}}}\n"
"          - {id: n, label: N, scores: {b: {x: 2}}}\n"
"      - id: q2\n"
"        prompt: Q2\n"
"        help: H\n"
"        answers:\n"
"          - {id: p, label: P, scores: {a: {y: 1}}}\n"
"          - {id: n, label: N, scores: {b: {y: 1, x: 1}}, blocks: {a: no}}\n"
"      - id: q3\n"
"        prompt: Q3\n"
"        help: H\n"
"        when: {q1: p}\n"
"        answers:\n"
"          - {id: p, label: P, scores: {b: {y: 3}}}\n"
"          - {id: n, label: N}\n"
"tables:\n"
"  - dimension: x\n"
"    title: TX\n"
"    rows:\n"
"      - {id: r1, label: R1, cells: {a: c, b: c}, questions: [q1]}\n"
"      - {id: r2, label: R2, cells: {a: c, b: c}, questions: [q3]}\n";

#define NEAR(a, b) ck_assert_msg(fabs((a) - (b)) < 1e-6, \
	"%s = %.9f, expected %.9f", #a, (double)(a), (double)(b))

static struct model *m;
static struct eval_result *r;
static int ans[MODEL_MAX_QUESTIONS], w[MODEL_MAX_DIMS];

static void
small_setup(void)
{
	m = tu_model(small_model);
	r = eval_result_new(m);
	ck_assert_ptr_nonnull(r);
	tu_weights(m, w);
}

static void
shipped_setup(void)
{
	m = tu_shipped_model();
	r = eval_result_new(m);
	ck_assert_ptr_nonnull(r);
	tu_weights(m, w);
}

static void
teardown(void)
{
	eval_result_free(r);
	model_free(m);
	r = NULL;
	m = NULL;
}

START_TEST(test_empty)
{
	tu_answers(m, "", ans);
	eval_run(m, ans, w, r);
	ck_assert_int_eq(r->answered, 0);
	ck_assert_int_eq(r->visible, 2);
	ck_assert_int_eq(r->recommendation, -1);
	ck_assert_str_eq(eval_recommendation_id(r), "undecided");
	NEAR(r->confidence, 0);
	NEAR(r->total[0], 50);
	NEAR(r->total[1], 50);
	NEAR(r->score[1][1], 50);
	ck_assert_int_eq(r->nrationale, 0);
	ck_assert_int_eq(r->nblocks, 0);
	ck_assert_int_eq(r->flip.kind, FLIP_NONE);
	ck_assert(!r->row_relevant[0] && !r->row_relevant[1]);
}
END_TEST

START_TEST(test_one_answer)
{
	tu_answers(m, "q1=p", ans);
	eval_run(m, ans, w, r);
	/* The scale is every asked question's span, answered or not: x 2
	 * (q1) + 1 (q2) = 3, y 1 (q2) + 3 (q3) = 4.  a has +2 of 3 in x, b
	 * -1 of 3: one answer puts nobody at 100 or 0. */
	NEAR(r->score[0][0], 50 + 50 * 2.0 / 3);
	NEAR(r->score[1][0], 50 - 50 * 1.0 / 3);
	NEAR(r->score[0][1], 50);	/* no evidence in y */
	ck_assert(r->has_evidence[0] && !r->has_evidence[1]);
	/* den = 2 * 3 + 1 * 4 = 10 */
	NEAR(r->total[0], 50 + 50 * 4.0 / 10);
	NEAR(r->total[1], 50 - 50 * 2.0 / 10);
	ck_assert_int_eq(r->recommendation, 0);
	ck_assert_int_eq(r->runner_up, 1);
	/* q3 appears once q1 = p: 1 of 3 answered, margin 30 (full). */
	ck_assert_int_eq(r->visible, 3);
	NEAR(r->confidence, 1.0 / 3);
	ck_assert(r->row_relevant[0] && !r->row_relevant[1]);
	ck_assert_int_eq(r->row_favors[0], 0);
	ck_assert_int_eq(r->row_favors[1], -1);
}
END_TEST

START_TEST(test_block_and_totals)
{
	tu_answers(m, "q1=p q2=n", ans);
	eval_run(m, ans, w, r);
	/* den = 2 * (2 + 1) + 1 * (1 + 3) = 10: q3 is asked, unanswered */
	NEAR(r->total[0], 50 + 50 * 4.0 / 10);
	NEAR(r->total[1], 50 + 50 * 1.0 / 10);
	NEAR(r->score[1][0], 50);		/* -1 + 1 of 3 */
	NEAR(r->score[1][1], 50 + 50 * 1.0 / 4);
	ck_assert_uint_eq(r->blocked, 1u);
	ck_assert_int_eq(r->nblocks, 1);
	ck_assert_int_eq(r->blocks[0].question, 1);
	ck_assert_int_eq(r->blocks[0].option, 0);
	ck_assert_str_eq(r->blocks[0].reason, "no");
	ck_assert_int_eq(r->blocks[0].assumed, -1);
	/* a scores higher but is blocked; b stands alone: full margin. */
	ck_assert_int_eq(r->recommendation, 1);
	ck_assert_int_eq(r->runner_up, -1);
	NEAR(r->confidence, 2.0 / 3);
}
END_TEST

START_TEST(test_rationale)
{
	tu_answers(m, "q1=p q2=n", ans);
	eval_run(m, ans, w, r);
	ck_assert_int_eq(r->nrationale, 2);
	ck_assert_int_eq(r->rationale[0].question, 0);
	ck_assert_int_eq(r->rationale[0].favors, 0);
	ck_assert_int_eq(r->rationale[0].dim, 0);
	NEAR(r->rationale[0].points, 50 * 6.0 / 10);
	ck_assert_int_eq(r->rationale[1].question, 1);
	ck_assert_int_eq(r->rationale[1].favors, 1);
	ck_assert_int_eq(r->rationale[1].dim, 0);
	NEAR(r->rationale[1].points, 50 * 3.0 / 10);
}
END_TEST

START_TEST(test_flip_small)
{
	tu_answers(m, "q1=p q2=n", ans);
	eval_run(m, ans, w, r);
	/* Only unblocking a can change the recommendation. */
	ck_assert_int_eq(r->flip.kind, FLIP_ANSWER);
	ck_assert_int_eq(r->flip.question, 1);
	ck_assert_int_eq(r->flip.answer, 0);
	ck_assert_int_eq(r->flip.to, 0);
}
END_TEST

START_TEST(test_hidden_answer_ignored)
{
	int before;

	tu_answers(m, "q1=n q2=p", ans);
	eval_run(m, ans, w, r);
	before = r->recommendation;
	ck_assert_int_eq(r->visible, 2);
	ans[2] = 0;			/* q3 answered, but not asked */
	eval_run(m, ans, w, r);
	ck_assert_int_eq(r->answered, 2);
	ck_assert_int_eq(r->recommendation, before);
	ck_assert(!r->row_relevant[1]);
	ans[0] = 0;			/* now q3 is asked and counts */
	eval_run(m, ans, w, r);
	ck_assert_int_eq(r->answered, 3);
	ck_assert(r->row_relevant[1]);
}
END_TEST

START_TEST(test_zero_weights_tie)
{
	tu_answers(m, "q1=p", ans);
	w[0] = w[1] = 0;
	eval_run(m, ans, w, r);
	NEAR(r->total[0], 50);
	NEAR(r->total[1], 50);
	ck_assert_int_eq(r->recommendation, -1);	/* a tie decides nothing */
	NEAR(r->confidence, 0);
	ck_assert_int_eq(r->nrationale, 0);
}
END_TEST

START_TEST(test_weight_changes_result)
{
	/* q1=n q2=p: b leads in x, a in y; weigh y alone and a wins. */
	tu_answers(m, "q1=n q2=p", ans);
	eval_run(m, ans, w, r);
	ck_assert_int_eq(r->recommendation, 1);
	/* den = 2 * (2 + 1) + 1 * 1 = 7: a 57.1, b 78.6.  With y at 4 they
	 * tie at 70; at 5 (den 11) a leads 72.7 to 68.2, closer than any
	 * answer change gets. */
	ck_assert_int_eq(r->flip.kind, FLIP_WEIGHT);
	ck_assert_int_eq(r->flip.dim, 1);
	ck_assert_int_eq(r->flip.weight, 5);
	ck_assert_int_eq(r->flip.to, 0);
	NEAR(r->flip.distance, (50 * 5.0 / 11 - 50 * 1.0 / 7) +
	    (50 * 4.0 / 7 - 50 * 4.0 / 11));
	w[0] = 0;
	eval_run(m, ans, w, r);
	ck_assert_int_eq(r->recommendation, 0);
}
END_TEST

/* The two scenarios of issue 2 and the hybrid one. */
START_TEST(test_scenario_serverless)
{
	tu_answers(m, "traffic=spiky duration=short state=stateless "
	    "latency=tolerant connections=none mix=uniform services=few "
	    "coupling=loose runtime=standard networking=managed devops=none "
	    "time_to_market=urgent existing_platform=none regulation=none "
	    "network_policy=none regions=single debugging=logs "
	    "observability_stack=platform rollout=simple", ans);
	eval_run(m, ans, w, r);
	ck_assert_str_eq(eval_recommendation_id(r), "serverless");
	ck_assert_uint_eq(r->blocked, 0);
	ck_assert(r->confidence > 0.8);
	ck_assert_int_eq(r->rationale[0].favors, r->recommendation);
}
END_TEST

START_TEST(test_scenario_kubernetes)
{
	int s = model_option_index(m, "serverless");

	tu_answers(m, "traffic=steady duration=long state=in_memory "
	    "latency=strict connections=core mix=uniform services=many "
	    "coupling=tight runtime=special networking=custom devops=strong "
	    "time_to_market=relaxed existing_platform=kubernetes "
	    "regulation=strict network_policy=granular regions=multi "
	    "debugging=live observability_stack=existing rollout=progressive",
	    ans);
	eval_run(m, ans, w, r);
	ck_assert_str_eq(eval_recommendation_id(r), "kubernetes");
	ck_assert_uint_eq(r->blocked, 1u << s);
	ck_assert_int_eq(r->nblocks, 2);
	ck_assert_int_eq(r->blocks[0].question,
	    model_question_index(m, "duration"));
}
END_TEST

START_TEST(test_scenario_hybrid)
{
	tu_answers(m, "traffic=mixed duration=medium state=external "
	    "latency=moderate connections=some mix=split services=several "
	    "coupling=loose runtime=standard networking=custom devops=some "
	    "time_to_market=normal existing_platform=none regulation=moderate "
	    "network_policy=namespace regions=single debugging=tracing "
	    "observability_stack=platform rollout=staged", ans);
	eval_run(m, ans, w, r);
	ck_assert_str_eq(eval_recommendation_id(r), "hybrid");
	/* Without the split it is not a hybrid. */
	ans[model_question_index(m, "mix")] =
	    model_answer_index(m, model_question_index(m, "mix"), "uniform");
	eval_run(m, ans, w, r);
	ck_assert_str_ne(eval_recommendation_id(r), "hybrid");
}
END_TEST

/* The guidance, answer by answer: each "choose X when" signal alone,
 * on top of nothing, leans towards X. */
START_TEST(test_guidance_signals)
{
	static const char *const cases[][2] = {
		{ "traffic=spiky", "serverless" },
		{ "duration=short", "serverless" },
		{ "devops=none", "serverless" },
		{ "time_to_market=urgent", "serverless" },
		{ "billing=pay_per_use", "serverless" },
		{ "traffic=steady", "kubernetes" },
		{ "state=in_memory", "kubernetes" },
		{ "connections=core", "kubernetes" },
		{ "runtime=special", "kubernetes" },
		{ "network_policy=granular", "kubernetes" },
		{ "services=many", "kubernetes" },
		{ "existing_platform=kubernetes", "kubernetes" },
		{ "mix=split", "hybrid" },
		{ "traffic=mixed", "hybrid" },
	};
	size_t i;

	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		tu_answers(m, cases[i][0], ans);
		eval_run(m, ans, w, r);
		ck_assert_msg(strcmp(eval_recommendation_id(r),
		    cases[i][1]) == 0, "%s alone gives %s, expected %s",
		    cases[i][0], eval_recommendation_id(r), cases[i][1]);
	}
}
END_TEST

/* Sum of |total changes| between two results. */
static double
dist(const struct eval_result *a, const double *totals)
{
	double s = 0;
	int o;

	for (o = 0; o < m->noptions; o++)
		s += fabs(a->total[o] - totals[o]);
	return s;
}

static int differs(const struct eval_result *a, const struct eval_result *b);

/* The monthly costs check_flip evaluates with (NULL: none). */
static const double *flip_costs;

/* Check R's flip against every single change, evaluated from scratch:
 * the flip flips, and no change that flips moves the totals less. */
static void
check_flip(const char *spec)
{
	struct eval_result *alt = eval_result_new(m);
	double base[MODEL_MAX_OPTIONS], best = INFINITY;
	int rec, q, a, d, v, keep;

	tu_answers(m, spec, ans);
	eval_run_costs(m, ans, w, flip_costs, r);
	rec = r->recommendation;
	memcpy(base, r->total, sizeof base);
	for (q = 0; q < m->nquestions; q++) {
		if (!r->visible_q[q])
			continue;
		keep = ans[q];
		for (a = 0; a < m->questions[q].nanswers; a++) {
			if (a == keep)
				continue;
			ans[q] = a;
			eval_run_costs(m, ans, w, flip_costs, alt);
			if (alt->recommendation >= 0 &&
			    alt->recommendation != rec && dist(alt, base) < best)
				best = dist(alt, base);
		}
		ans[q] = keep;
	}
	for (d = 0; d < m->ndims; d++) {
		keep = w[d];
		for (v = 0; v <= MODEL_MAX_WEIGHT; v++) {
			if (v == keep)
				continue;
			w[d] = v;
			eval_run_costs(m, ans, w, flip_costs, alt);
			if (alt->recommendation >= 0 &&
			    alt->recommendation != rec && dist(alt, base) < best)
				best = dist(alt, base);
		}
		w[d] = keep;
	}
	if (rec < 0 || isinf(best)) {
		ck_assert_msg(r->flip.kind == FLIP_NONE, "%s: a flip was "
		    "reported where none exists", spec);
		eval_result_free(alt);
		return;
	}
	ck_assert_msg(r->flip.kind != FLIP_NONE, "%s: no flip reported, but "
	    "one exists", spec);
	NEAR(r->flip.distance, best);
	/* Apply it: the recommendation must become what it says. */
	if (r->flip.kind == FLIP_ANSWER)
		ans[r->flip.question] = r->flip.answer;
	else
		w[r->flip.dim] = r->flip.weight;
	eval_run_costs(m, ans, w, flip_costs, alt);
	ck_assert_int_eq(alt->recommendation, r->flip.to);
	ck_assert_int_ne(alt->recommendation, rec);
	eval_result_free(alt);
}

START_TEST(test_flip_is_smallest)
{
	check_flip("traffic=spiky duration=short devops=none");
	tu_weights(m, w);
	check_flip("traffic=mixed duration=medium state=external "
	    "latency=moderate connections=some mix=split services=several "
	    "coupling=loose runtime=standard networking=custom devops=some");
	tu_weights(m, w);
	check_flip("traffic=steady duration=long devops=strong");
	tu_weights(m, w);
	check_flip("traffic=spiky state=in_memory devops=strong "
	    "capacity_tuning=tuned");
	tu_weights(m, w);
	check_flip("");
}
END_TEST

/* The same with a bill in the cost dimension, and with a provider
 * answer that lifts a block. */
START_TEST(test_flip_with_costs)
{
	static const double dear[] = { 25993.18, 16611.88, 19499.43 };
	static const double cheap[] = { 2.73, 213.16, 213.16 };

	flip_costs = dear;
	check_flip("traffic=spiky duration=short devops=none");
	tu_weights(m, w);
	check_flip("traffic=steady duration=long devops=strong provider=gcp");
	tu_weights(m, w);
	flip_costs = cheap;
	check_flip("traffic=mixed duration=medium state=external mix=split "
	    "devops=some billing=predictable");
	tu_weights(m, w);
	check_flip("runtime=gpu provider=gcp");
	flip_costs = NULL;
}
END_TEST

/* Every serverless answer of the issue, and the billing one. */
#define ALL_SERVERLESS "traffic=spiky duration=short state=stateless " \
	"latency=tolerant connections=none mix=uniform services=few " \
	"coupling=loose runtime=standard networking=managed devops=none " \
	"time_to_market=urgent existing_platform=none regulation=none " \
	"network_policy=none regions=single debugging=logs " \
	"observability_stack=platform rollout=simple billing=pay_per_use"

/* Issue 14: 5 billion requests a month of 300 ms at 1 GB cost $25,993
 * on Lambda against $16,612 on the cluster (1.56 times): Kubernetes
 * scores better on Cost whatever the answers.  At 3 million requests
 * the functions cost $2.73 against $213.16: Serverless does. */
START_TEST(test_cost_counts)
{
	static const double dear[] = { 25993.18, 16611.88, 19499.43 };
	static const double cheap[] = { 2.73, 213.16, 213.16 };
	int c = m->cost_dim, sv = model_option_index(m, "serverless");
	int k8s = model_option_index(m, "kubernetes");
	double alone[MODEL_MAX_OPTIONS];
	struct eval_result *plain = eval_result_new(m);
	int o;

	tu_answers(m, ALL_SERVERLESS, ans);
	eval_run(m, ans, w, plain);
	memcpy(alone, plain->total, sizeof alone);
	ck_assert(plain->score[sv][c] > plain->score[k8s][c]);
	ck_assert_int_eq(plain->cost_counted, 0);
	/* No costs: exactly what the answers alone give. */
	eval_run_costs(m, ans, w, NULL, r);
	ck_assert(!differs(plain, r));
	eval_run_costs(m, ans, w, dear, r);
	ck_assert_int_eq(r->cost_counted, 1);
	ck_assert_msg(r->score[k8s][c] > r->score[sv][c], "cost: kubernetes "
	    "%.1f, serverless %.1f", r->score[k8s][c], r->score[sv][c]);
	/* The worked example of doc/scoring.md: the cheapest scores
	 * 90 + 10 a, a the answers' points over the scale; serverless 1.565
	 * times dearer loses 20 log_1.5(1.565) = 22.1 more. */
	{
		double f = 0, a_s, a_k;
		int q;

		for (q = 0; q < m->nquestions; q++)
			if (r->visible_q[q])
				f += m->questions[q].span[c];
		a_s = 0;
		a_k = 0;
		for (q = 0; q < m->nquestions; q++)
			if (r->visible_q[q] && ans[q] >= 0) {
				a_s += model_effect(m, q, ans[q], sv, c);
				a_k += model_effect(m, q, ans[q], k8s, c);
			}
		NEAR(r->score[k8s][c], 90 + 10 * a_k / f);
		NEAR(r->score[sv][c], 90 - 20 * log(dear[sv] / dear[k8s]) /
		    log(1.5) + 10 * a_s / f);
	}
	/* The recommendation still weighs every dimension. */
	ck_assert_str_eq(eval_recommendation_id(r), "serverless");
	eval_run_costs(m, ans, w, cheap, r);
	ck_assert(r->score[sv][c] > r->score[k8s][c]);
	ck_assert(r->total[sv] > alone[sv]);
	/* An option without a price keeps its answers' points. */
	{
		double part[] = { 2.73, -1, 213.16 };

		eval_run_costs(m, ans, w, part, r);
		NEAR(r->score[k8s][c], plain->score[k8s][c]);
	}
	for (o = 0; o < m->noptions; o++)
		ck_assert(r->score[o][c] >= 0 && r->score[o][c] <= 100);
	eval_result_free(plain);
}
END_TEST

/* Whatever the answers, an option 1.5 times dearer than another never
 * scores more than it on Cost. */
START_TEST(test_cost_ratio_rule)
{
	unsigned seed = 4242;
	int round, q, o, p, c = m->cost_dim;
	double costs[MODEL_MAX_OPTIONS];

	for (round = 0; round < 2000; round++) {
		for (q = 0; q < m->nquestions; q++)
			ans[q] = (int)(rand_r(&seed) %
			    (unsigned)(m->questions[q].nanswers + 1)) - 1;
		for (o = 0; o < m->noptions; o++)
			costs[o] = round % 7 == 0 && o == 0 ? 0 :
			    (double)(rand_r(&seed) % 100000) / 10.0;
		eval_run_costs(m, ans, w, costs, r);
		for (o = 0; o < m->noptions; o++)
			for (p = 0; p < m->noptions; p++)
				if (costs[o] >= 1.5 * costs[p])
					ck_assert_msg(r->score[o][c] <=
					    r->score[p][c] + 1e-9, "round %d: "
					    "%.2f against %.2f scores %.2f to "
					    "%.2f", round, costs[o], costs[p],
					    r->score[o][c], r->score[p][c]);
	}
}
END_TEST

/* Scores grow with evidence: the serverless answers one by one.  One
 * answer puts nothing at 100 or 0; Serverless's total moves up as the
 * answers accumulate; a reason keeps its size. */
START_TEST(test_evidence_grows)
{
	static const char *const steps[] = { "traffic=spiky",
	    "traffic=spiky duration=short",
	    "traffic=spiky duration=short state=stateless latency=tolerant "
	    "connections=none", ALL_SERVERLESS };
	int sv = model_option_index(m, "serverless"), i, o, d, q, a, k;
	double prev = 50, spiky = -1;

	for (i = 0; i < 4; i++) {
		tu_answers(m, steps[i], ans);
		eval_run(m, ans, w, r);
		ck_assert_str_eq(eval_recommendation_id(r), "serverless");
		ck_assert_msg(r->total[sv] > prev, "step %d: %.1f after %.1f",
		    i, r->total[sv], prev);
		prev = r->total[sv];
		for (k = 0; k < r->nrationale; k++)
			if (r->rationale[k].question ==
			    model_question_index(m, "traffic") && i < 3) {
				/* The first three steps ask the same
				 * questions: the same scale. */
				if (spiky >= 0)
					NEAR(r->rationale[k].points, spiky);
				spiky = r->rationale[k].points;
			}
	}
	ck_assert(prev > 75);
	/* Any single answer alone: every score strictly inside 0..100. */
	for (q = 0; q < m->nquestions; q++)
		for (a = 0; a < m->questions[q].nanswers; a++) {
			tu_answers(m, "", ans);
			ans[q] = a;
			eval_run(m, ans, w, r);
			for (o = 0; o < m->noptions; o++) {
				ck_assert_msg(r->total[o] > 0 &&
				    r->total[o] < 100, "%s=%s: total %.1f",
				    m->questions[q].id,
				    m->questions[q].answers[a].id, r->total[o]);
				for (d = 0; d < m->ndims; d++)
					ck_assert_msg(r->score[o][d] > 0 &&
					    r->score[o][d] < 100, "%s=%s: %s "
					    "%.1f", m->questions[q].id,
					    m->questions[q].answers[a].id,
					    m->dims[d].id, r->score[o][d]);
			}
		}
}
END_TEST

/* Hard constraints read the provider: AWS when it is not answered. */
START_TEST(test_provider_blocks)
{
	static const struct {
		const char *spec;
		int blocked;
		const char *reason;
	} cases[] = {
		{ "duration=long", 1, "AWS Lambda stops an invocation at 15 "
		  "minutes" },
		{ "duration=long provider=aws", 1, "AWS Lambda stops an "
		  "invocation at 15 minutes" },
		{ "duration=long provider=gcp", 0, NULL },
		{ "duration=long provider=azure", 0, NULL },
		{ "runtime=gpu", 1, "AWS Lambda offers no GPUs" },
		{ "runtime=gpu provider=azure", 1, "Azure Functions offer no "
		  "GPUs" },
		{ "runtime=gpu provider=gcp", 0, NULL },
		{ "runtime=special provider=gcp", 1, "kernel tuning, node "
		  "affinity and host-level control are not available to "
		  "functions" },
	};
	int sv = model_option_index(m, "serverless");
	int pq = m->role_question[MODEL_QROLE_PROVIDER];
	size_t i;

	ck_assert_int_ge(pq, 0);
	ck_assert_str_eq(m->questions[pq].answers[m->questions[pq].def].id,
	    "aws");
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		tu_answers(m, cases[i].spec, ans);
		eval_run(m, ans, w, r);
		ck_assert_msg(!!(r->blocked & (1u << sv)) == cases[i].blocked,
		    "%s: blocked %u", cases[i].spec, r->blocked);
		if (!cases[i].blocked)
			continue;
		ck_assert_int_eq(r->nblocks, 1);
		ck_assert_str_eq(r->blocks[0].reason, cases[i].reason);
		ck_assert_int_eq(r->blocks[0].assumed,
		    strstr(cases[i].spec, "provider") == NULL &&
		    strcmp(cases[i].spec, "runtime=special provider=gcp") ?
		    pq : -1);
	}
	/* The provider scores nothing: answering it moves no total. */
	tu_answers(m, "traffic=spiky", ans);
	eval_run(m, ans, w, r);
	{
		double t0 = r->total[sv];

		tu_answers(m, "traffic=spiky provider=azure", ans);
		eval_run(m, ans, w, r);
		NEAR(r->total[sv], t0);
	}
}
END_TEST

/* Whether results A and B differ in anything a view or exporter
 * reads: 0 when they agree. */
static int
differs(const struct eval_result *a, const struct eval_result *b)
{
	size_t nr = (size_t)m->nrows, nq = (size_t)m->nquestions;
	int i;

	if (memcmp(a->total, b->total, sizeof a->total) != 0 ||
	    memcmp(a->score, b->score, sizeof a->score) != 0 ||
	    memcmp(a->has_evidence, b->has_evidence,
	    sizeof a->has_evidence) != 0 ||
	    a->answered != b->answered || a->visible != b->visible ||
	    a->recommendation != b->recommendation ||
	    a->runner_up != b->runner_up || a->confidence != b->confidence ||
	    a->blocked != b->blocked || a->nblocks != b->nblocks ||
	    a->nrationale != b->nrationale ||
	    memcmp(&a->flip, &b->flip, sizeof a->flip) != 0 ||
	    memcmp(a->row_relevant, b->row_relevant, nr) != 0 ||
	    memcmp(a->row_favors, b->row_favors, nr) != 0 ||
	    memcmp(a->visible_q, b->visible_q, nq) != 0)
		return 1;
	for (i = 0; i < a->nblocks; i++)
		if (memcmp(&a->blocks[i], &b->blocks[i], sizeof a->blocks[i]))
			return 1;
	for (i = 0; i < a->nrationale; i++)
		if (memcmp(&a->rationale[i], &b->rationale[i],
		    sizeof a->rationale[i]) != 0)
			return 1;
	return 0;
}

/* Random answers in ANS (about half answered) and weights in WTS. */
static void
random_input(unsigned *seed, int *answers, int *wts)
{
	int q, d;

	for (q = 0; q < m->nquestions; q++)
		answers[q] = rand_r(seed) % 2 ? -1 : (int)(rand_r(seed) %
		    (unsigned)m->questions[q].nanswers);
	for (d = 0; d < m->ndims; d++)
		wts[d] = (int)(rand_r(seed) % (MODEL_MAX_WEIGHT + 1));
}

/* A result buffer that has evaluated other answers before gives what a
 * fresh buffer gives: nothing of an earlier evaluation survives into
 * the next (the explorer reuses one buffer for every keystroke). */
START_TEST(test_deterministic_and_order_free)
{
	struct eval_result *fresh = eval_result_new(m);
	int target[MODEL_MAX_QUESTIONS], tw[MODEL_MAX_DIMS];
	int junk[MODEL_MAX_QUESTIONS], jw[MODEL_MAX_DIMS];
	unsigned seed = 12345;
	int round, k, differ = 0;

	for (round = 0; round < 200; round++) {
		random_input(&seed, target, tw);
		eval_result_free(fresh);
		fresh = eval_result_new(m);
		eval_run(m, target, tw, fresh);
		/* Other answers in the reused buffer first. */
		for (k = 0; k < 3; k++) {
			random_input(&seed, junk, jw);
			eval_run(m, junk, jw, r);
			differ += differs(fresh, r);
		}
		eval_run(m, target, tw, r);
		ck_assert_msg(!differs(fresh, r), "round %d: a reused result "
		    "buffer differs from a fresh one", round);
	}
	/* The comparison itself sees a difference when there is one. */
	ck_assert_int_gt(differ, 0);
	eval_result_free(fresh);
}
END_TEST

/* Every score stays within 0..100 whatever the answers. */
START_TEST(test_bounds)
{
	unsigned seed = 99;
	int round, q, o, d;

	for (round = 0; round < 500; round++) {
		for (q = 0; q < m->nquestions; q++)
			ans[q] = (int)(rand_r(&seed) %
			    (unsigned)(m->questions[q].nanswers + 1)) - 1;
		for (d = 0; d < m->ndims; d++)
			w[d] = (int)(rand_r(&seed) % 6);
		eval_run(m, ans, w, r);
		for (o = 0; o < m->noptions; o++) {
			ck_assert(r->total[o] >= 0 && r->total[o] <= 100);
			for (d = 0; d < m->ndims; d++)
				ck_assert(r->score[o][d] >= 0 &&
				    r->score[o][d] <= 100);
		}
		ck_assert(r->confidence >= 0 && r->confidence <= 1);
		if (r->recommendation >= 0)
			ck_assert(!(r->blocked & (1u << r->recommendation)));
	}
}
END_TEST

static Suite *
suite(void)
{
	Suite *s = suite_create("eval");
	TCase *tc = tcase_create("small");

	tcase_add_checked_fixture(tc, small_setup, teardown);
	tcase_add_test(tc, test_empty);
	tcase_add_test(tc, test_one_answer);
	tcase_add_test(tc, test_block_and_totals);
	tcase_add_test(tc, test_rationale);
	tcase_add_test(tc, test_flip_small);
	tcase_add_test(tc, test_hidden_answer_ignored);
	tcase_add_test(tc, test_zero_weights_tie);
	tcase_add_test(tc, test_weight_changes_result);
	suite_add_tcase(s, tc);
	tc = tcase_create("shipped");
	tcase_add_checked_fixture(tc, shipped_setup, teardown);
	tcase_add_test(tc, test_flip_with_costs);
	tcase_add_test(tc, test_cost_counts);
	tcase_add_test(tc, test_cost_ratio_rule);
	tcase_add_test(tc, test_evidence_grows);
	tcase_add_test(tc, test_provider_blocks);
	tcase_add_test(tc, test_scenario_serverless);
	tcase_add_test(tc, test_scenario_kubernetes);
	tcase_add_test(tc, test_scenario_hybrid);
	tcase_add_test(tc, test_guidance_signals);
	tcase_add_test(tc, test_flip_is_smallest);
	tcase_add_test(tc, test_deterministic_and_order_free);
	tcase_add_test(tc, test_bounds);
	tcase_set_timeout(tc, 60);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	return tu_run(suite());
}
