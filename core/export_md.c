/* export_md.c - the Markdown summary; see export_md.h. */
#include "config.h"

#include "export_md.h"
#include "md.h"
#include "export_md_cost.h"
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

/* Every answer that moved the result, largest first. */
static void
md_rationale(FILE *out, const struct report *r)
{
	const struct model *m = r->model;
	const struct eval_result *res = r->result;
	int i;

	if (res->nrationale == 0)
		return;
	fputs("\n## Rationale\n\nThe answers that moved the result "
	    "most, largest first:\n\n", out);
	for (i = 0; i < res->nrationale; i++) {
		const struct eval_reason *x = &res->rationale[i];
		const struct model_question *qn = &m->questions[x->question];

		fprintf(out, "%d. `%s` = `%s` favours ", i + 1, qn->id,
		    qn->answers[x->answer].id);
		md_inline(out, m->options[x->favors].title);
		fputs(" on ", out);
		md_inline(out, m->dims[x->dim].title);
		fprintf(out, " (%.1f points)\n", x->points);
	}
}

/* One reason in the model's words: 'PROMPT **LABEL**: favours OPTION
 * (DIMENSION)'. */
static void
md_reason(FILE *out, const struct report *r, const struct eval_reason *x)
{
	const struct model *m = r->model;
	const struct model_question *qn = &m->questions[x->question];

	fputs("- ", out);
	md_inline(out, qn->prompt);
	fputs(" **", out);
	md_inline(out, qn->answers[x->answer].label);
	fputs("**: favours ", out);
	md_inline(out, m->options[x->favors].title);
	fputs(" (", out);
	md_inline(out, m->dims[x->dim].title);
	fputs(")\n", out);
}

/* The answers that weigh most for the recommendation, and the largest
 * against it. */
static void
md_reasons_brief(FILE *out, const struct report *r)
{
	const struct eval_result *res = r->result;
	int i, n = 0, against = -1;

	for (i = 0; i < res->nrationale; i++)
		if (res->rationale[i].favors != res->recommendation) {
			if (against < 0)
				against = i;
		} else if (n++ == 0)
			fputs("**Why:** the answers that weigh most for it "
			    "(all of them under Rationale below):\n\n", out);
	for (i = 0, n = 0; i < res->nrationale && n < 3; i++)
		if (res->rationale[i].favors == res->recommendation) {
			md_reason(out, r, &res->rationale[i]);
			n++;
		}
	if (against >= 0) {
		fputs(n > 0 ? "\n**Against it** most:\n\n" :
		    "**Against it** most:\n\n", out);
		md_reason(out, r, &res->rationale[against]);
	}
	if (n > 0 || against >= 0)
		fputc('\n', out);
}

/* The prompts of the N questions Q as a nested list: at most six, the
 * rest counted. */
static void
md_prompts(FILE *out, const struct model *m, const int *q, int n)
{
	int i, show = n > 6 ? 5 : n;

	for (i = 0; i < show; i++) {
		fputs("  - ", out);
		md_inline(out, m->questions[q[i]].prompt);
		fputc('\n', out);
	}
	if (show < n)
		fprintf(out, "  - and %d more\n", n - show);
}

/* What is still open: questions unanswered, and votes that differ where
 * they would change the recommendation. */
static void
md_open(FILE *out, const struct report *r)
{
	const struct model *m = r->model;
	const struct eval_result *res = r->result;
	const struct disagree *d = r->disagree;
	int q[MODEL_MAX_QUESTIONS], n = 0, k = 0, i, j;

	for (i = 0; i < m->nquestions; i++)
		if (res->visible_q[i] && r->answers->answer[i] < 0)
			q[n++] = i;
	fputs("**Open questions:**", out);
	if (n > 0) {
		fprintf(out, "\n\n- %d of %d unanswered:\n", n, res->visible);
		md_prompts(out, m, q, n);
	}
	for (i = 0; d != NULL && i < d->nquestions; i++)
		for (j = 0; j < d->questions[i].nanswers; j++)
			if (d->questions[i].answers[j].changes) {
				q[k++] = d->questions[i].question;
				break;
			}
	if (k > 0) {
		fputs(n > 0 ? "- " : "\n\n- ", out);
		fputs("Votes differ, and would change the recommendation "
		    "(under Votes and disagreement below), on:\n", out);
		md_prompts(out, m, q, k);
	}
	if (n == 0 && k == 0)
		fputs(" none; every question is answered and no vote would "
		    "change the recommendation.\n", out);
}

/* The decision first, on one screen: the recommendation, what rules
 * options out, why, what would flip it, the costs, what is open. */
static void
md_decision(FILE *out, const struct report *r)
{
	const struct model *m = r->model;
	const struct eval_result *res = r->result;

	fputs("\n## Decision\n\n", out);
	if (res->recommendation >= 0) {
		fputs("**", out);
		md_inline(out, m->options[res->recommendation].title);
		fprintf(out, "**, with confidence %.2f ", res->confidence);
	} else
		fputs("**Undecided** ", out);
	fprintf(out, "(%d of %d questions answered).\n\n", res->answered,
	    res->visible);
	/* As the decision record judges it. */
	if (res->recommendation >= 0 && !eval_decided(res))
		fprintf(out, "**Not yet a decision:** a decision record needs at "
		    "least %.0f%% of the questions answered and confidence "
		    "%.2f.\n\n", EVAL_DECIDED_ANSWERED * 100,
		    EVAL_DECIDED_CONFIDENCE);
	md_blocked(out, r);
	if (res->recommendation >= 0)
		md_reasons_brief(out, r);
	fputs("**What would flip it:** ", out);
	export_md_flip(out, r);
	fputc('\n', out);
	if (r->cost != NULL && r->pricing != NULL)
		export_md_cost_brief(out, r);
	md_open(out, r);
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

	/* One table, each panel named on its first row. */
	fputs("\n## Answers\n\n| Panel | Question | Answer | Note |\n"
	    "|---|---|---|---|\n", out);
	for (p = 0; p < m->npanels; p++) {
		const struct model_panel *pn = &m->panels[p];

		for (q = pn->first; q < pn->first + pn->count; q++) {
			const struct model_question *qn = &m->questions[q];

			fputs("| ", out);
			if (q == pn->first) {
				fputs("**", out);
				md_cell(out, pn->title);
				fputs("**", out);
			}
			fputs(" | ", out);
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

/* ---- comparison tables, weights, history ---- */

/* A no-break space: keeps a mark on the line of the word beside it. */
#define NBSP "\xc2\xa0"

static void
md_table(FILE *out, const struct report *r, const struct model_table *tb)
{
	const struct model *m = r->model;
	const struct eval_result *res = r->result;
	int i, o;

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
			fputs("**" NBSP "●", out);
		} else
			md_cell(out, row->label);
		fputs(" |", out);
		for (o = 0; o < m->noptions; o++) {
			fputs(o == res->row_favors[idx] ? " ✓" NBSP : " ",
			    out);
			md_cell(out, row->cells[o]);
			fputs(" |", out);
		}
		fputc('\n', out);
	}
}

static void
md_tables(FILE *out, const struct report *r)
{
	const struct model *m = r->model;
	int t, rows = 0, marked = 0;
	char summary[128];

	for (t = 0; t < m->ntables; t++)
		rows += m->tables[t].nrows;
	for (t = 0; t < rows; t++)
		marked += r->result->row_relevant[t] != 0;
	fputs("\n## Comparison tables\n\n", out);
	snprintf(summary, sizeof summary, "%d tables, %d rows, %d of them "
	    "bearing on the answers", m->ntables, rows, marked);
	md_fold(out, summary);
	fputs("\nRows marked ● bear on the answers given; in each, ✓ marks "
	    "the option the answers favour there.\n", out);
	for (t = 0; t < m->ntables; t++)
		md_table(out, r, &m->tables[t]);
	md_unfold(out);
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

/* The folded block's summary: "31 changes on 2025-06-01", "4 changes
 * from 2025-06-01 to 2025-06-03". */
static const char *
history_summary(const struct report_session *ss, char *buf, size_t size)
{
	char a[32], b[32];

	phrase_time(ss->changes[0].time, PHRASE_TIME_DAY, a, sizeof a);
	phrase_time(ss->changes[ss->nchanges - 1].time, PHRASE_TIME_DAY, b,
	    sizeof b);
	if (strcmp(a, b) == 0)
		snprintf(buf, size, "%d change%s on %s", ss->nchanges,
		    ss->nchanges == 1 ? "" : "s", a);
	else
		snprintf(buf, size, "%d changes from %s to %s", ss->nchanges,
		    a, b);
	return buf;
}

/* The changes, a table per day, so a time is short enough never to
 * wrap. */
static void
md_history(FILE *out, const struct report *r)
{
	const struct report_session *ss = r->session;
	char day[32], prev[32] = "", t[32], summary[96];
	int i, q;

	fputs("\n## Change history\n\n", out);
	if (ss->nchanges == 0) {
		fputs("No changes recorded.\n", out);
		return;
	}
	md_fold(out, history_summary(ss, summary, sizeof summary));
	for (i = 0; i < ss->nchanges; i++) {
		const struct report_change *c = &ss->changes[i];

		phrase_time(c->time, PHRASE_TIME_DAY, day, sizeof day);
		if (strcmp(day, prev) != 0) {
			fprintf(out, "\n**%s** (UTC)\n\n| Time | Who | What | "
			    "Was | Now |\n|---|---|---|---|---|\n", day);
			snprintf(prev, sizeof prev, "%s", day);
		}
		/* "09:05:00" of "2026-01-31T09:05:00Z" (or the number). */
		phrase_time(c->time, PHRASE_TIME_ISO, t, sizeof t);
		fprintf(out, "| %.8s | ", strlen(t) == 20 ? t + 11 : t);
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
	md_unfold(out);
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
}

static void
md_context(FILE *out, const struct report *r)
{
	const char *context = r->answers->context;

	if (context != NULL && context[0] != '\0') {
		fputs("\n## Context\n\n", out);
		md_paragraph(out, context);
		fputc('\n', out);
	}
}

int
export_md(FILE *out, const struct report *r, struct err *e)
{
	md_head(out, r);
	md_decision(out, r);
	md_context(out, r);
	fputs("\n## Scores\n\n", out);
	md_scores(out, r);
	md_rationale(out, r);
	md_votes(out, r);
	md_answers(out, r);
	if (r->cost != NULL && r->pricing != NULL)
		export_md_cost(out, r);
	md_tables(out, r);
	md_weights(out, r);
	if (r->session != NULL)
		md_history(out, r);
	if (fflush(out) != 0 || ferror(out)) {
		err_set(e, "cannot write Markdown: %s", strerror(errno));
		return -1;
	}
	return 0;
}
