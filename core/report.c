/* report.c - YAML and text reports of an evaluation; see report.h. */
#include "config.h"

#include "report.h"
#include "phrase.h"
#include "yamlw.h"

#include <errno.h>
#include <math.h>
#include <string.h>

/* A block as the YAML report lists it: "question: reason" (scripts
 * read the question's id). */
static const char *
yaml_block_text(const struct report *r, const struct eval_block *b,
    char *buf, size_t size)
{
	const struct model_question *qn = &r->model->questions[b->question];

	snprintf(buf, size, "%s: %s", qn->id, b->reason);
	return buf;
}

const char *
report_break_even_id(const struct cost_result *c)
{
	switch (c->break_even_kind) {
	case COST_BE_CROSSING:
		return "crossing";
	case COST_BE_FUNCTIONS_CHEAPER:
		return "functions_cheaper";
	case COST_BE_FUNCTIONS_DEARER:
		return "functions_dearer";
	case COST_BE_NONE:
		return "none";
	}
	return "unknown";
}

/* Add NAME to the N names of OUT unless it is there. */
static int
add_name(const char **out, int n, int max, const char *name)
{
	int i;

	if (name == NULL || name[0] == '\0' || n >= max)
		return n;
	for (i = 0; i < n; i++)
		if (strcmp(out[i], name) == 0)
			return n;
	out[n] = name;
	return n + 1;
}

int
report_took_part(const struct report *r, const char **out, int max)
{
	const struct answers *a = r->answers;
	const char *name;
	int i, j, n = 0;

	for (i = 0; r->session != NULL && i < r->session->nchanges; i++) {
		name = r->session->changes[i].user;
		j = answers_find_ident(a, name);
		n = add_name(out, n, max, j >= 0 && a->ident_as[j] != NULL ?
		    a->ident_as[j] : name);
	}
	for (i = 0; i < a->nidents; i++)
		n = add_name(out, n, max, a->ident_as[i] != NULL ?
		    a->ident_as[i] : a->ident[i]);
	return n;
}

/* The figures of option O's cost shape, as a flow mapping; the keys are
 * those of 0.1.0 for the three shapes it had (scripts read them). */
static void
yaml_option_cost(struct yamlw *w, const struct cost_result *c, int o)
{
	yamlw_map(w, 1);
	yamlw_key(w, "monthly");
	yamlw_fixed(w, c->option_monthly[o], 2);
	switch (c->option_shape[o]) {
	case MODEL_SHAPE_FUNCTIONS:
		yamlw_key(w, "compute");
		yamlw_fixed(w, c->functions.compute, 2);
		yamlw_key(w, "requests");
		yamlw_fixed(w, c->functions.requests, 2);
		yamlw_key(w, "gateway");
		yamlw_fixed(w, c->functions.gateway, 2);
		break;
	case MODEL_SHAPE_CLUSTER:
		yamlw_key(w, "nodes");
		yamlw_int(w, (long long)c->cluster.nodes);
		yamlw_key(w, "node_type");
		yamlw_text(w, c->node->type);
		yamlw_key(w, "control_plane");
		yamlw_fixed(w, c->cluster.control_plane, 2);
		break;
	case MODEL_SHAPE_SPLIT:
		yamlw_key(w, "function_share");
		yamlw_num(w, c->split.share, 6);
		yamlw_key(w, "functions");
		yamlw_fixed(w, c->split.functions.monthly, 2);
		/* The cluster part: "kubernetes" since 0.1.0. */
		yamlw_key(w, "kubernetes");
		yamlw_fixed(w, c->split.cluster.monthly, 2);
		yamlw_key(w, "nodes");
		yamlw_int(w, (long long)c->split.cluster.nodes);
		break;
	case MODEL_SHAPE_CONTAINERS:
		yamlw_key(w, "instances");
		yamlw_num(w, c->containers.instances, 2);
		yamlw_key(w, "vcpu_seconds");
		yamlw_int(w, llround(c->containers.vcpu_seconds));
		yamlw_key(w, "gib_seconds");
		yamlw_int(w, llround(c->containers.gib_seconds));
		yamlw_key(w, "requests");
		yamlw_fixed(w, c->containers.requests, 2);
		break;
	}
	yamlw_map_end(w);
}

static void
yaml_cost(struct yamlw *w, const struct report *r)
{
	const struct cost_result *c = r->cost;
	const struct pricing_provider *pv = c->provider;
	const struct model *m = r->model;
	int o;

	yamlw_key(w, "cost");
	yamlw_map(w, 0);
	yamlw_key(w, "provider");
	yamlw_key(w, pv->id);
	yamlw_key(w, "region");
	yamlw_text(w, pv->region);
	yamlw_key(w, "currency");
	yamlw_text(w, r->pricing->currency);
	yamlw_key(w, "price_date");
	yamlw_text(w, pv->date);
	yamlw_key(w, "stale");
	yamlw_bool(w, pricing_is_stale(pv->day, r->now));
	/* One entry per priced option, keyed by its id. */
	for (o = 0; o < m->noptions; o++) {
		if (c->option_shape[o] < 0)
			continue;
		yamlw_key(w, m->options[o].id);
		yaml_option_cost(w, c, o);
	}
	yamlw_key(w, "break_even_requests_per_month");
	if (c->break_even_kind == COST_BE_CROSSING)
		yamlw_int(w, llround(c->break_even));
	else
		yamlw_null(w);
	yamlw_key(w, "break_even_status");
	yamlw_key(w, report_break_even_id(c));
	yamlw_map_end(w);
}

static void
yaml_scores(struct yamlw *w, const struct report *r)
{
	const struct model *m = r->model;
	const struct eval_result *res = r->result;
	int o, d;

	yamlw_key(w, "scores");
	yamlw_map(w, 0);
	for (o = 0; o < m->noptions; o++) {
		yamlw_key(w, m->options[o].id);
		yamlw_map(w, 1);
		yamlw_key(w, "total");
		yamlw_num(w, res->total[o], 1);
		for (d = 0; d < m->ndims; d++) {
			yamlw_key(w, m->dims[d].id);
			yamlw_num(w, res->score[o][d], 1);
		}
		yamlw_map_end(w);
	}
	yamlw_map_end(w);
}

static void
yaml_blocked(struct yamlw *w, const struct report *r)
{
	const struct model *m = r->model;
	const struct eval_result *res = r->result;
	char buf[1200];
	int o, i;

	yamlw_key(w, "blocked");
	yamlw_map(w, 0);
	for (o = 0; o < m->noptions; o++) {
		if (!(res->blocked & (1u << o)))
			continue;
		yamlw_key(w, m->options[o].id);
		yamlw_seq(w, 0);
		for (i = 0; i < res->nblocks; i++)
			if (res->blocks[i].option == o)
				yamlw_text(w, yaml_block_text(r,
				    &res->blocks[i], buf, sizeof buf));
		yamlw_seq_end(w);
	}
	yamlw_map_end(w);
}

static void
yaml_rationale(struct yamlw *w, const struct report *r)
{
	const struct model *m = r->model;
	const struct eval_result *res = r->result;
	int i;

	yamlw_key(w, "rationale");
	yamlw_seq(w, 0);
	for (i = 0; i < res->nrationale; i++) {
		const struct eval_reason *x = &res->rationale[i];
		const struct model_question *qn = &m->questions[x->question];

		yamlw_map(w, 1);
		yamlw_key(w, "question");
		yamlw_key(w, qn->id);
		yamlw_key(w, "answer");
		yamlw_key(w, qn->answers[x->answer].id);
		yamlw_key(w, "favors");
		yamlw_key(w, m->options[x->favors].id);
		yamlw_key(w, "dimension");
		yamlw_key(w, m->dims[x->dim].id);
		yamlw_key(w, "points");
		yamlw_num(w, x->points, 1);
		yamlw_map_end(w);
	}
	yamlw_seq_end(w);
}

static void
yaml_flip(struct yamlw *w, const struct report *r)
{
	const struct model *m = r->model;
	const struct eval_flip *f = &r->result->flip;

	yamlw_key(w, "flip");
	if (f->kind == FLIP_NONE) {
		yamlw_null(w);
		return;
	}
	yamlw_map(w, 1);
	if (f->kind == FLIP_ANSWER) {
		yamlw_key(w, "question");
		yamlw_key(w, m->questions[f->question].id);
		yamlw_key(w, "answer");
		yamlw_key(w, m->questions[f->question].answers[f->answer].id);
	} else {
		yamlw_key(w, "dimension");
		yamlw_key(w, m->dims[f->dim].id);
		yamlw_key(w, "weight");
		yamlw_int(w, f->weight);
	}
	yamlw_key(w, "recommendation");
	yamlw_key(w, m->options[f->to].id);
	yamlw_map_end(w);
}

/* The identities whose vote on question Q is answer K, as a flow list. */
static void
yaml_voters(struct yamlw *w, const struct answers *a, int q, int k)
{
	int i;

	yamlw_seq(w, 1);
	for (i = 0; i < a->nidents; i++)
		if (a->vote[i][q] == k)
			yamlw_key(w, a->ident[i]);
	yamlw_seq_end(w);
}

/* Every vote, as the answers file has them (flow maps). */
static void
yaml_votes(struct yamlw *w, const struct answers *a)
{
	const struct model *m = a->model;
	int i, q;

	yamlw_key(w, "votes");
	yamlw_map(w, 0);
	for (i = 0; i < a->nidents; i++) {
		yamlw_key(w, a->ident[i]);
		yamlw_map(w, 1);
		for (q = 0; q < m->nquestions; q++)
			if (a->vote[i][q] >= 0) {
				yamlw_key(w, m->questions[q].id);
				yamlw_key(w, m->questions[q].answers[
				    a->vote[i][q]].id);
			}
		yamlw_map_end(w);
	}
	yamlw_map_end(w);
}

/* One disputed question: each answer, its voters, its recommendation. */
static void
yaml_disputed(struct yamlw *w, const struct report *r,
    const struct disagree_question *x)
{
	const struct model *m = r->model;
	const struct model_question *qn = &m->questions[x->question];
	int i;

	yamlw_map(w, 0);
	yamlw_key(w, "question");
	yamlw_key(w, qn->id);
	yamlw_key(w, "changes_recommendation");
	yamlw_bool(w, x->changes);
	yamlw_key(w, "answers");
	yamlw_seq(w, 0);
	for (i = 0; i < x->nanswers; i++) {
		const struct disagree_answer *y = &x->answers[i];

		yamlw_map(w, 1);
		yamlw_key(w, "answer");
		yamlw_key(w, qn->answers[y->answer].id);
		yamlw_key(w, "voters");
		yaml_voters(w, r->answers, x->question, y->answer);
		yamlw_key(w, "recommendation");
		yamlw_key(w, y->recommendation >= 0 ?
		    m->options[y->recommendation].id : "undecided");
		yamlw_map_end(w);
	}
	yamlw_seq_end(w);
	yamlw_map_end(w);
}

/* Every vote, the disputed questions with what each answer would
 * recommend, and each participant's own recommendation. */
static void
yaml_workshop(struct yamlw *w, const struct report *r)
{
	const struct model *m = r->model;
	const struct answers *a = r->answers;
	const struct disagree *d = r->disagree;
	int i, j;

	if (a->nidents == 0 || d == NULL)
		return;
	yaml_votes(w, a);
	yamlw_key(w, "disagreement");
	yamlw_seq(w, 0);
	for (j = 0; j < d->nquestions; j++)
		yaml_disputed(w, r, &d->questions[j]);
	yamlw_seq_end(w);
	yamlw_key(w, "own_recommendations");
	yamlw_map(w, 0);
	for (i = 0; i < d->nidents; i++) {
		yamlw_key(w, a->ident[i]);
		yamlw_key(w, d->own[i] >= 0 ? m->options[d->own[i]].id :
		    "undecided");
	}
	yamlw_map_end(w);
}

int
report_yaml(FILE *out, const struct report *r, struct err *e)
{
	const struct eval_result *res = r->result;
	struct yamlw w;

	if (yamlw_open(&w, out, e) != 0)
		return -1;
	yamlw_map(&w, 0);
	yamlw_key(&w, "recommendation");
	yamlw_key(&w, eval_recommendation_id(res));
	yamlw_key(&w, "confidence");
	yamlw_num(&w, res->confidence, 2);
	yamlw_key(&w, "answered");
	yamlw_int(&w, res->answered);
	yamlw_key(&w, "questions");
	yamlw_int(&w, res->visible);
	yaml_scores(&w, r);
	yaml_blocked(&w, r);
	yaml_rationale(&w, r);
	yaml_flip(&w, r);
	if (r->cost != NULL && r->pricing != NULL)
		yaml_cost(&w, r);
	yaml_workshop(&w, r);
	yamlw_map_end(&w);
	return yamlw_close(&w, e);
}

/* How option O's figure is made, for the text report. */
static void
text_option_cost(FILE *out, const struct report *r, int o, int namew)
{
	const struct pricing *p = r->pricing;
	const struct cost_result *c = r->cost;
	char m1[64], m2[64], m3[64], m4[64], n1[64], n2[64];

	fprintf(out, "  %-*s %14s  ", namew, r->model->options[o].title,
	    pricing_money(p, c->option_monthly[o], 2, m1, sizeof m1));
	switch (c->option_shape[o]) {
	case MODEL_SHAPE_FUNCTIONS:
		fprintf(out, "compute %s + requests %s + gateway %s\n",
		    pricing_money(p, c->functions.compute, 2, m2, sizeof m2),
		    pricing_money(p, c->functions.requests, 2, m3, sizeof m3),
		    pricing_money(p, c->functions.gateway, 2, m4, sizeof m4));
		break;
	case MODEL_SHAPE_CLUSTER:
		fprintf(out, "%s x %s nodes + control plane %s\n",
		    pricing_group(c->cluster.nodes, 0, n1, sizeof n1),
		    c->node->type, pricing_money(p, c->cluster.control_plane,
		    2, m2, sizeof m2));
		break;
	case MODEL_SHAPE_SPLIT:
		fprintf(out, "%g%% on functions %s + cluster %s\n",
		    c->split.share, pricing_money(p, c->split.functions.monthly,
		    2, m2, sizeof m2), pricing_money(p,
		    c->split.cluster.monthly, 2, m3, sizeof m3));
		break;
	case MODEL_SHAPE_CONTAINERS:
		fprintf(out, "%s instances: compute %s (%s vCPU-s, %s GiB-s) "
		    "+ requests %s\n", pricing_group(c->containers.instances,
		    2, n1, sizeof n1), pricing_money(p, c->containers.compute,
		    2, m2, sizeof m2), pricing_group(c->containers.vcpu_seconds,
		    0, n2, sizeof n2), pricing_group(c->containers.gib_seconds,
		    0, m4, sizeof m4), pricing_money(p, c->containers.requests,
		    2, m3, sizeof m3));
		break;
	}
}

static void
text_cost(FILE *out, const struct report *r)
{
	const struct cost_result *c = r->cost;
	const struct pricing_provider *pv = c->provider;
	char n1[256];
	int o, namew = 12;

	/* Titles in a column, at least as wide as 0.1.0's. */
	for (o = 0; o < r->model->noptions; o++)
		if (c->option_shape[o] >= 0 &&
		    (int)strlen(r->model->options[o].title) > namew)
			namew = (int)strlen(r->model->options[o].title);
	fprintf(out, "\nCost per month (%s, %s; prices of %s%s):\n",
	    pv->name, pv->region, pv->date, pricing_is_stale(pv->day, r->now) ?
	    ", STALE: more than twelve months old" : "");
	for (o = 0; o < r->model->noptions; o++)
		if (c->option_shape[o] >= 0)
			text_option_cost(out, r, o, namew);
	if (c->break_even_kind != COST_BE_NONE)
		fprintf(out, "  Break-even: %s.\n", phrase_break_even(c, n1,
		    sizeof n1));
}

/* Where votes differ, and what each disputed answer would recommend. */
static void
text_disagreement(FILE *out, const struct report *r)
{
	const struct model *m = r->model;
	const struct disagree *d = r->disagree;
	int i, j, k, n;

	if (d == NULL || r->answers->nidents == 0 || d->nquestions == 0)
		return;
	fputs("\nVotes differ (those that change the recommendation "
	    "first):\n", out);
	for (j = 0; j < d->nquestions; j++) {
		const struct disagree_question *x = &d->questions[j];
		const struct model_question *qn = &m->questions[x->question];

		fprintf(out, "  %s\n", qn->prompt);
		for (k = 0; k < x->nanswers; k++) {
			const struct disagree_answer *y = &x->answers[k];

			fprintf(out, "    %s:", qn->answers[y->answer].label);
			for (i = n = 0; i < r->answers->nidents; i++)
				if (r->answers->vote[i][x->question] ==
				    y->answer)
					fprintf(out, "%s %s", n++ ? "," : "",
					    r->answers->ident[i]);
			fprintf(out, "; the recommendation %s %s\n",
			    y->changes ? "becomes" : "stays",
			    y->recommendation >= 0 ?
			    m->options[y->recommendation].title : "undecided");
		}
	}
}

/* The scores: one row per dimension, one column per option, and under
 * them which option is blocked or recommended. */
static void
text_scores(FILE *out, const struct report *r)
{
	const struct model *m = r->model;
	const struct eval_result *res = r->result;
	int o, d;

	fprintf(out, "%-22s", "");
	for (o = 0; o < m->noptions; o++)
		fprintf(out, " %12.12s", m->options[o].title);
	fputc('\n', out);
	for (d = -1; d < m->ndims; d++) {
		if (d < 0)
			fprintf(out, "%-22s", "Total");
		else
			fprintf(out, "%-17.17s (w%d)", m->dims[d].title,
			    r->answers->weight[d]);
		for (o = 0; o < m->noptions; o++)
			fprintf(out, " %12.1f", d < 0 ? res->total[o] :
			    res->score[o][d]);
		fputc('\n', out);
	}
	fprintf(out, "%-22s", "");
	for (o = 0; o < m->noptions; o++)
		fprintf(out, " %12s", res->blocked & (1u << o) ? "blocked" :
		    o == res->recommendation ? "recommended" : "");
	fputc('\n', out);
}

/* Each blocked option and what blocks it. */
static void
text_blocks(FILE *out, const struct model *m, const struct eval_result *res)
{
	char buf[1200];
	int i;

	fputs("\nBlocked:\n", out);
	for (i = 0; i < res->nblocks; i++)
		fprintf(out, "  %s: %s\n",
		    m->options[res->blocks[i].option].title,
		    phrase_block(m, &res->blocks[i], buf, sizeof buf));
}

/* The answers that moved the result most, at most eight. */
static void
text_rationale(FILE *out, const struct model *m,
    const struct eval_result *res)
{
	int i;

	fputs("\nWhy (answers that moved the result most):\n", out);
	for (i = 0; i < res->nrationale && i < 8; i++) {
		const struct eval_reason *x = &res->rationale[i];
		const struct model_question *qn =
		    &m->questions[x->question];

		fprintf(out, "  %-20s %-12s favours %s on %s "
		    "(%.1f points)\n", qn->id,
		    qn->answers[x->answer].id, m->options[x->favors].title,
		    m->dims[x->dim].title, x->points);
	}
}

int
report_text(FILE *out, const struct report *r, struct err *e)
{
	const struct model *m = r->model;
	const struct eval_result *res = r->result;
	char buf[1200];

	fprintf(out, "Recommendation: %s", phrase_recommendation(m, res, buf,
	    sizeof buf));
	if (res->recommendation >= 0)
		fprintf(out, " (confidence %.2f)", res->confidence);
	fputc('\n', out);
	fprintf(out, "Answered %d of %d questions.\n\n", res->answered,
	    res->visible);
	text_scores(out, r);
	if (res->nblocks > 0)
		text_blocks(out, m, res);
	if (res->nrationale > 0)
		text_rationale(out, m, res);
	fprintf(out, "\nWhat would flip it: %s\n", phrase_flip(m, res,
	    r->answers->answer, r->answers->weight, buf, sizeof buf));
	text_disagreement(out, r);
	if (r->cost != NULL && r->pricing != NULL)
		text_cost(out, r);
	if (fflush(out) != 0 || ferror(out)) {
		err_set(e, "cannot write the report: %s", strerror(errno));
		return -1;
	}
	return 0;
}
