/* export_adr.c - the decision record (MADR 4); see export_adr.h. */
#include "config.h"

#include "export_adr.h"
#include "evidence.h"
#include "export_md.h"
#include "md.h"
#include "phrase.h"
#include "store.h"
#include "yamlw.h"

#include <errno.h>
#include <math.h>
#include <string.h>

/* How many weights and answers the Decision Drivers name. */
#define DRIVER_WEIGHTS 3
#define DRIVER_ANSWERS 5

static void adr_confirmation(FILE *out, const struct report *r);
static void adr_unsupported(FILE *out, const struct report *r);

static const char *
option_title(const struct report *r, int o)
{
	return r->model->options[o].title;
}

/* The option the record names: the recommendation when the evidence
 * supports it, else -1. */
static int
chosen(const struct report *r)
{
	return eval_decided(r->result) ?
	    r->result->recommendation : -1;
}

/* The option id the evidence records: the one named, or "undecided". */
static const char *
recorded(const struct report *r)
{
	return chosen(r) >= 0 ? r->model->options[chosen(r)].id :
	    "undecided";
}

/* What the record says of itself, in front matter or in the list under
 * its title. */
struct adr_head {
	const char *status;
	char date[32];
	const char *const *makers;	/* the decision-makers */
	int nmakers;
	char supersedes[64];		/* "ADR-0003", or "" */
	const char *took[ANSWERS_MAX_IDENTS + 32];
};

static void
adr_head(struct adr_head *h, const struct report *r)
{
	const struct answers *a = r->answers;

	h->status = r->adr_status != NULL ? r->adr_status : EXPORT_ADR_STATUS;
	phrase_time(r->session != NULL ? r->session->updated : r->now,
	    PHRASE_TIME_DAY, h->date, sizeof h->date);
	/* The decision-makers as listed, else those who took part. */
	h->makers = a->participants;
	h->nmakers = a->nparticipants;
	if (h->nmakers == 0) {
		h->nmakers = report_took_part(r, h->took, (int)(sizeof h->took /
		    sizeof h->took[0]));
		h->makers = h->took;
	}
	h->supersedes[0] = '\0';
	if (r->adr_supersedes != NULL)
		snprintf(h->supersedes, sizeof h->supersedes, "ADR-%s",
		    r->adr_supersedes);
}

/* The front matter: YAML between two "---" lines. */
static int
adr_front_matter(FILE *out, const struct report *r, struct err *e)
{
	struct adr_head h;
	struct yamlw w;
	int i;

	adr_head(&h, r);
	if (yamlw_open_doc(&w, out, 1, e) != 0)
		return -1;
	yamlw_map(&w, 0);
	yamlw_key(&w, "status");
	yamlw_key(&w, h.status);
	yamlw_key(&w, "date");
	yamlw_key(&w, h.date);
	if (h.nmakers > 0) {
		yamlw_key(&w, "decision-makers");
		yamlw_seq(&w, 0);
		for (i = 0; i < h.nmakers; i++)
			yamlw_text(&w, h.makers[i]);
		yamlw_seq_end(&w);
	}
	if (h.supersedes[0] != '\0') {
		yamlw_key(&w, "supersedes");
		yamlw_key(&w, h.supersedes);
	}
	/* The evidence that keeps the record checkable (evidence.h). */
	if (evidence_write(&w, r, recorded(r), e) != 0) {
		struct err ignored;

		yamlw_close(&w, &ignored);
		return -1;
	}
	yamlw_map_end(&w);
	if (yamlw_close(&w, e) != 0)
		return -1;
	fputs("---\n\n", out);
	return 0;
}

/* "- **LABEL:** " */
static void
adr_item(FILE *out, const char *label)
{
	fprintf(out, EVIDENCE_ITEM, label);
}

/* Without front matter: the same as a list under the title, where
 * every renderer shows it as such (the evidence goes in a comment at
 * the end, evidence_write_comment). */
static void
adr_head_list(FILE *out, const struct report *r)
{
	struct adr_head h;
	int i;

	adr_head(&h, r);
	adr_item(out, "Status");
	md_inline(out, h.status);
	fputc('\n', out);
	adr_item(out, "Date");
	fprintf(out, "%s\n", h.date);
	if (h.nmakers > 0) {
		adr_item(out, "Decision-makers");
		for (i = 0; i < h.nmakers; i++) {
			if (i > 0)
				fputs(", ", out);
			md_inline(out, h.makers[i]);
		}
		fputc('\n', out);
	}
	if (h.supersedes[0] != '\0') {
		adr_item(out, "Supersedes");
		md_inline(out, h.supersedes);
		fputc('\n', out);
	}
	fputc('\n', out);
}

/* "for NAME" or "for the workload". */
static void
adr_for(FILE *out, const struct report *r)
{
	const char *name = r->session != NULL ? r->session->name :
	    r->answers->session;

	if (name != NULL) {
		fputs("for ", out);
		md_inline(out, name);
	} else
		fputs("for the workload", out);
}

/* "Serverless, Kubernetes or Hybrid" (JOIN: "or", "and"). */
static void
adr_options(FILE *out, const struct report *r, const char *join)
{
	int o, n = r->model->noptions;

	for (o = 0; o < n; o++) {
		if (o > 0)
			fputs(o == n - 1 ? join : ", ", out);
		md_inline(out, option_title(r, o));
	}
}

static void
adr_title(FILE *out, const struct report *r)
{
	int rec = chosen(r);

	fputs("# ", out);
	if (rec >= 0) {
		fputs("Choose ", out);
		md_inline(out, option_title(r, rec));
	} else {
		fputs("Choose between ", out);
		adr_options(out, r, " and ");
	}
	fputc(' ', out);
	adr_for(out, r);
	fputs("\n\n", out);
}

/* "How does traffic arrive? **Spiky**" and the note, if any. */
static void
adr_answer(FILE *out, const struct report *r, int q, int with_note)
{
	const struct model_question *qn = &r->model->questions[q];
	const char *note = r->answers->note[q];

	md_inline(out, qn->prompt);
	fputs(" **", out);
	md_inline(out, qn->answers[r->answers->answer[q]].label);
	fputs("**", out);
	if (with_note && note != NULL && note[0] != '\0') {
		fputs(" — ", out);
		md_inline(out, note);
	}
}

static void
adr_context(FILE *out, const struct report *r)
{
	const struct model *m = r->model;
	const struct answers *a = r->answers;
	int p, q, listed = 0;

	fputs("## Context and Problem Statement\n\n", out);
	if (a->context != NULL && a->context[0] != '\0') {
		md_paragraph(out, a->context);
		fputs("\n\n", out);
	}
	fputs("Which platform should the workload run on: ", out);
	adr_options(out, r, " or ");
	fputs("?", out);
	/* The panels the model marks `context: true` describe the
	 * workload. */
	for (p = 0; p < m->npanels; p++)
		for (q = m->panels[p].first; q < m->panels[p].first +
		    m->panels[p].count; q++) {
			if (!m->panels[p].context || !r->result->visible_q[q] ||
			    a->answer[q] < 0)
				continue;
			if (listed++ == 0)
				fputs(" The workload, as the workshop "
				    "described it:\n\n", out);
			fputs("* ", out);
			adr_answer(out, r, q, 1);
			fputc('\n', out);
		}
	if (listed == 0)
		fputc('\n', out);
	if (r->cost != NULL) {
		const struct workload *w = &a->workload;
		char n1[64], n2[64], n3[64];

		fprintf(out, "%sVolume: %s requests a month, %s ms each on "
		    "average, %s MB of memory.\n", listed ? "* " : "\n",
		    pricing_group(w->num[WL_REQUESTS], 0, n1, sizeof n1),
		    pricing_group(w->num[WL_DURATION], 0, n2, sizeof n2),
		    pricing_group(w->num[WL_MEMORY], 0, n3, sizeof n3));
	}
	fputc('\n', out);
}

/* The heaviest weights, a bullet per weight from the top down until
 * DRIVER_WEIGHTS dimensions are named: "* Weight 4 of 5: Architecture,
 * Cost and Operations". */
static void
adr_weights(FILE *out, const struct report *r)
{
	const struct model *m = r->model;
	const int *w = r->answers->weight;
	int level, d, named = 0, n, k;

	for (level = MODEL_MAX_WEIGHT; level > 0 &&
	    named < DRIVER_WEIGHTS; level--) {
		for (n = 0, d = 0; d < m->ndims; d++)
			n += w[d] == level;
		if (n == 0)
			continue;
		fprintf(out, "* Weight %d of %d: ", level, MODEL_MAX_WEIGHT);
		for (k = 0, d = 0; d < m->ndims; d++) {
			if (w[d] != level)
				continue;
			if (k > 0)
				fputs(k == n - 1 ? " and " : ", ", out);
			md_inline(out, m->dims[d].title);
			k++;
		}
		fputc('\n', out);
		named += n;
	}
}

/* Votes that differ where it changes the outcome: unresolved. */
static void
adr_disagreement(FILE *out, const struct report *r)
{
	const struct disagree *d = r->disagree;
	int i;

	if (d == NULL)
		return;
	for (i = 0; i < d->nquestions && d->questions[i].changes; i++) {
		fputs("* Unresolved disagreement that changes the outcome, on "
		    "\"", out);
		md_inline(out, r->model->questions[
		    d->questions[i].question].prompt);
		fputs("\":\n", out);
		export_md_disputed(out, r, &d->questions[i]);
	}
}

/* Whether the record already shows question Q's note: in the context
 * (an answered question of a context panel) or among the first N
 * reasons of the drivers. */
static int
note_shown(const struct report *r, int q, int n)
{
	const struct model *m = r->model;
	int i;

	if (m->panels[m->questions[q].panel].context &&
	    r->result->visible_q[q] && r->answers->answer[q] >= 0)
		return 1;
	for (i = 0; i < n; i++)
		if (r->result->rationale[i].question == q)
			return 1;
	return 0;
}

/* Every other note, with its question and answer: a note is part of
 * the argument, whichever question it is on. */
static void
adr_other_notes(FILE *out, const struct report *r, int n)
{
	const struct model *m = r->model;
	int q;

	for (q = 0; q < m->nquestions; q++) {
		const char *note = r->answers->note[q];

		if (note == NULL || note[0] == '\0' || note_shown(r, q, n))
			continue;
		fputs("* ", out);
		if (r->result->visible_q[q] && r->answers->answer[q] >= 0)
			adr_answer(out, r, q, 1);
		else {
			md_inline(out, m->questions[q].prompt);
			fputs(" (not answered) — ", out);
			md_inline(out, note);
		}
		fputc('\n', out);
	}
}

static void
adr_drivers(FILE *out, const struct report *r)
{
	const struct model *m = r->model;
	const struct eval_result *res = r->result;
	char buf[1200];
	int i, n;

	fputs("## Decision Drivers\n\n", out);
	adr_weights(out, r);
	for (i = 0; i < res->nblocks; i++) {
		fputs("* Hard constraint: ", out);
		md_inline(out, phrase_block(r->model, &res->blocks[i], buf,
		    sizeof buf));
		fputs(" (rules out ", out);
		md_inline(out, option_title(r, res->blocks[i].option));
		fputs(")\n", out);
	}
	adr_disagreement(out, r);
	n = res->nrationale < DRIVER_ANSWERS ? res->nrationale :
	    DRIVER_ANSWERS;
	for (i = 0; i < n; i++) {
		const struct eval_reason *x = &res->rationale[i];

		const char *note = r->answers->note[x->question];

		fputs("* ", out);
		adr_answer(out, r, x->question, 0);
		fputs(": favours ", out);
		md_inline(out, option_title(r, x->favors));
		fputs(" on ", out);
		md_inline(out, m->dims[x->dim].title);
		fprintf(out, " (%.1f points)", x->points);
		if (note != NULL && note[0] != '\0') {
			fputs(" — ", out);
			md_inline(out, note);
		}
		fputc('\n', out);
	}
	adr_other_notes(out, r, n);
	fputc('\n', out);
}

static void
adr_considered(FILE *out, const struct report *r)
{
	const struct model *m = r->model;
	int o;

	fputs("## Considered Options\n\n", out);
	for (o = 0; o < m->noptions; o++) {
		fputs("* ", out);
		md_inline(out, m->options[o].title);
		if (m->options[o].summary != NULL &&
		    m->options[o].summary[0] != '\0') {
			fputs(": ", out);
			md_inline(out, m->options[o].summary);
		}
		fputc('\n', out);
	}
	fputc('\n', out);
}

/* How many rows of each kind the record shows with their text; the
 * rest are named in one bullet. */
#define ROWS_IN_FULL 5

/* The comparison rows the answers bear on, in the order the record
 * names them: tables by the weight of their dimension, heaviest first,
 * then in model order. */
struct row_iter {
	int order[MODEL_MAX_DIMS], ntables;
	int k, i;
};

static void
row_iter_init(struct row_iter *it, const struct report *r)
{
	const struct model *m = r->model;
	const int *w = r->answers->weight;
	int t, j;

	memset(it, 0, sizeof *it);
	for (t = 0; t < m->ntables && t < MODEL_MAX_DIMS; t++) {
		for (j = t; j > 0 && w[m->tables[it->order[j - 1]].dim] <
		    w[m->tables[t].dim]; j--)
			it->order[j] = it->order[j - 1];
		it->order[j] = t;
		it->ntables++;
	}
}

/* Kind of row IDX for option O: 1 favours O, 0 favours none, -1 favours
 * another option. */
static int
row_kind(const struct report *r, int idx, int o)
{
	int fav = r->result->row_favors[idx];

	return fav == o ? 1 : fav < 0 ? 0 : -1;
}

/* The next relevant row of KIND for option O, or NULL; its favoured
 * option in *FAV. */
static const struct model_row *
row_next(struct row_iter *it, const struct report *r, int o, int kind,
    int *fav)
{
	const struct model *m = r->model;

	while (it->k < it->ntables) {
		const struct model_table *tb = &m->tables[it->order[it->k]];

		while (it->i < tb->nrows) {
			int i = it->i++, idx = tb->first_row + i;

			if (!r->result->row_relevant[idx] ||
			    row_kind(r, idx, o) != kind)
				continue;
			*fav = r->result->row_favors[idx];
			return &tb->rows[i];
		}
		it->k++;
		it->i = 0;
	}
	return NULL;
}

static int
row_count(const struct report *r, int o, int kind)
{
	struct row_iter it;
	int fav, n = 0;

	row_iter_init(&it, r);
	while (row_next(&it, r, o, kind, &fav) != NULL)
		n++;
	return n;
}

/* "A, B and C": the labels of the rows of KIND for O after the first
 * SKIP. */
static void
row_labels(FILE *out, const struct report *r, int o, int kind, int skip)
{
	const struct model_row *row;
	struct row_iter it;
	int fav, n = 0, total = row_count(r, o, kind) - skip;

	row_iter_init(&it, r);
	while ((row = row_next(&it, r, o, kind, &fav)) != NULL) {
		if (skip > 0) {
			skip--;
			continue;
		}
		if (n > 0)
			fputs(n == total - 1 ? " and " : ", ", out);
		md_inline(out, row->label);
		n++;
	}
}

/* "* Good, because **Label** favours it: the cell" for the first
 * ROWS_IN_FULL rows of KIND for O, then one bullet naming the rest.
 * Returns how many rows there were. */
static int
adr_rows(FILE *out, const struct report *r, int o, int kind)
{
	static const char *const lead[] = { "* Bad, because ",
	    "* Neutral, because ", "* Good, because " };
	const struct model_row *row;
	struct row_iter it;
	int fav, n = 0, total = row_count(r, o, kind);

	if (kind == 0 && total > 0) {
		/* Rows that favour nobody say little each: one bullet. */
		fputs("* Neutral, because no option is favoured on ", out);
		row_labels(out, r, o, 0, 0);
		fputc('\n', out);
		return total;
	}
	row_iter_init(&it, r);
	while (n < ROWS_IN_FULL &&
	    (row = row_next(&it, r, o, kind, &fav)) != NULL) {
		fputs(lead[kind + 1], out);
		fputs("**", out);
		md_inline(out, row->label);
		fputs("** favours ", out);
		if (kind > 0)
			fputs("it", out);
		else
			md_inline(out, option_title(r, fav));
		fputs(": ", out);
		/* The cell of the option the row favours: why it wins. */
		md_inline(out, row->cells[fav >= 0 ? fav : o]);
		fputc('\n', out);
		n++;
	}
	if (total > n) {
		fputs(lead[kind + 1], out);
		fputs(kind > 0 ? "it is also favoured on " :
		    "another option is also favoured on ", out);
		row_labels(out, r, o, kind, n);
		fputc('\n', out);
	}
	return total;
}

/* The monthly cost of option O, when the cost model prices it. */
static int
option_monthly(const struct report *r, int o, double *v)
{
	if (r->cost == NULL || r->pricing == NULL)
		return -1;
	return cost_option_monthly(r->cost, o, v);
}

/* What option C costs against the others: a Good bullet when it is
 * the cheapest, a Bad one when not; only the one of KIND (1, -1). */
static void
adr_cost_consequence(FILE *out, const struct report *r, int c, int kind)
{
	const struct model *m = r->model;
	double mine, v, best = 0;
	int o, cheapest = -1;
	char a[64], b[64];

	if (option_monthly(r, c, &mine) != 0)
		return;
	for (o = 0; o < m->noptions; o++)
		if (o != c && option_monthly(r, o, &v) == 0 &&
		    (cheapest < 0 || v < best)) {
			cheapest = o;
			best = v;
		}
	/* Cents decide: figures that print the same are a tie. */
	if (cheapest < 0 || llround(mine * 100) == llround(best * 100) ||
	    (mine < best ? 1 : -1) != kind)
		return;
	pricing_money(r->pricing, mine, 2, a, sizeof a);
	pricing_group(r->cost->functions.volume, 0, b, sizeof b);
	if (mine < best)
		fprintf(out, "* Good, because it costs the least: %s a month "
		    "at %s requests, against ", a, b);
	else
		fprintf(out, "* Bad, because it costs %s a month at %s "
		    "requests, more than ", a, b);
	if (mine < best) {
		int n = 0;

		for (o = 0; o < m->noptions; o++) {
			if (o == c || option_monthly(r, o, &v) != 0)
				continue;
			if (n++ > 0)
				fputs(" and ", out);
			fprintf(out, "%s for ", pricing_money(r->pricing, v, 2,
			    a, sizeof a));
			md_inline(out, option_title(r, o));
		}
	} else {
		md_inline(out, option_title(r, cheapest));
		fprintf(out, " (%s)", pricing_money(r->pricing, best, 2, a,
		    sizeof a));
	}
	fputc('\n', out);
}

static void
adr_consequences(FILE *out, const struct report *r, int c)
{
	int good = row_count(r, c, 1), all = good + row_count(r, c, 0) +
	    row_count(r, c, -1);
	const struct model_row *row;
	struct row_iter it;
	int fav, n = 0;

	fputs("### Consequences\n\n", out);
	if (good > 0) {
		fprintf(out, "* Good, because the answers favour it on %d of "
		    "the %d comparison rows they bear on, ", good, all);
		row_iter_init(&it, r);
		fputs(good == 1 ? "namely " : "among them ", out);
		while (n < 3 && (row = row_next(&it, r, c, 1, &fav)) != NULL) {
			if (n > 0)
				fputs(n == (good < 3 ? good : 3) - 1 ?
				    " and " : ", ", out);
			md_inline(out, row->label);
			n++;
		}
		fputc('\n', out);
	}
	adr_cost_consequence(out, r, c, 1);
	adr_cost_consequence(out, r, c, -1);
	if (adr_rows(out, r, c, -1) == 0)
		fputs("* Neutral, because none of the comparison rows the "
		    "answers bear on favours another option\n", out);
	fputc('\n', out);
}

/* The dimensions the leading reasons for the recommendation are in:
 * "Cost, Architecture and Delivery". */
static void
adr_chiefly(FILE *out, const struct report *r)
{
	const struct model *m = r->model;
	const struct eval_result *res = r->result;
	int dims[3], n = 0, i, j;

	for (i = 0; i < res->nrationale && n < 3; i++) {
		if (res->rationale[i].favors != res->recommendation)
			continue;
		for (j = 0; j < n && dims[j] != res->rationale[i].dim; j++)
			;
		if (j == n)
			dims[n++] = res->rationale[i].dim;
	}
	if (n == 0)
		return;
	fputs(", chiefly on ", out);
	for (i = 0; i < n; i++) {
		if (i > 0)
			fputs(i == n - 1 ? " and " : ", ", out);
		md_inline(out, m->dims[dims[i]].title);
	}
}

static void
adr_outcome(FILE *out, const struct report *r)
{
	const struct eval_result *res = r->result;
	int rec = chosen(r), o;
	char buf[1200];

	fputs("## Decision Outcome\n\n", out);
	if (rec < 0 && res->recommendation >= 0) {
		adr_unsupported(out, r);
	} else if (rec < 0) {
		if (res->blocked != 0 && res->answered > 0 &&
		    res->blocked == (1u << r->model->noptions) - 1)
			fputs("No option is chosen: every option is ruled "
			    "out by a hard constraint.", out);
		else
			fputs("No option is chosen yet: too few questions are "
			    "answered for any option to lead.", out);
		fprintf(out, " %d of %d questions are answered.\n\n",
		    res->answered, res->visible);
	} else {
		fputs("Chosen option: \"", out);
		md_inline(out, option_title(r, rec));
		fprintf(out, "\", because it scores %.1f of 100", res->total[rec]);
		if (res->runner_up >= 0) {
			fprintf(out, " against %.1f for ",
			    res->total[res->runner_up]);
			md_inline(out, option_title(r, res->runner_up));
		}
		adr_chiefly(out, r);
		fprintf(out, " (confidence %.2f, %d of %d questions answered)",
		    res->confidence, res->answered, res->visible);
		for (o = 0; o < r->model->noptions; o++) {
			int i;

			if (!(res->blocked & (1u << o)))
				continue;
			fputs("; ", out);
			md_inline(out, option_title(r, o));
			fputs(" is ruled out (", out);
			for (i = 0; i < res->nblocks; i++)
				if (res->blocks[i].option == o) {
					md_inline(out, phrase_block(r->model, &res->blocks[i], buf,
		    sizeof buf));
					break;
				}
			fputc(')', out);
		}
		fputs(".\n\n", out);
		adr_consequences(out, r, rec);
	}
	adr_confirmation(out, r);
}

/* Below the evidence a record needs: who leads, and what is missing. */
static void
adr_unsupported(FILE *out, const struct report *r)
{
	const struct eval_result *res = r->result;
	int need = (int)ceil(EVAL_DECIDED_ANSWERED * res->visible), q, n = 0;

	fputs("No option is supported yet. ", out);
	md_inline(out, option_title(r, res->recommendation));
	fprintf(out, " leads with %.1f of 100", res->total[res->recommendation]);
	if (res->runner_up >= 0) {
		fprintf(out, " against %.1f for ", res->total[res->runner_up]);
		md_inline(out, option_title(r, res->runner_up));
	}
	fputs(", but the evidence is too thin to choose:", out);
	if (res->answered < need)
		fprintf(out, " %d of %d questions are answered, and a record "
		    "needs at least %d;", res->answered, res->visible, need);
	if (res->confidence < EVAL_DECIDED_CONFIDENCE)
		fprintf(out, " the confidence is %.2f, and a record needs at "
		    "least %.2f;", res->confidence, EVAL_DECIDED_CONFIDENCE);
	fputs(" see doc/scoring.md.\n\nStill open:\n\n", out);
	for (q = 0; q < r->model->nquestions; q++) {
		if (!res->visible_q[q] || r->answers->answer[q] >= 0)
			continue;
		fputs("* ", out);
		md_inline(out, r->model->questions[q].prompt);
		fputc('\n', out);
		n++;
	}
	if (n == 0)
		fputs("* nothing: the answers leave the options too close; "
		    "revisit the weights or the answers that split the room\n",
		    out);
	fputc('\n', out);
}

/* The flip as the condition to revisit the decision. */
static void
adr_revisit_flip(FILE *out, const struct report *r)
{
	char buf[1200];

	fputs("* ", out);
	md_inline(out, phrase_flip(r->model, r->result, r->answers->answer,
	    r->answers->weight, buf, sizeof buf));
	fputc('\n', out);
}

/* When the volume crossing the break-even would change the cost case. */
static void
adr_revisit_volume(FILE *out, const struct report *r)
{
	const struct cost_result *c = r->cost;
	int rec = r->result->recommendation;
	int shape = rec >= 0 ? c->option_shape[rec] : MODEL_SHAPE_NONE;
	char a[64], b[64];

	if (c->break_even_kind != COST_BE_CROSSING)
		return;
	pricing_group(round(c->break_even), 0, a, sizeof a);
	pricing_group(c->functions.volume, 0, b, sizeof b);
	if (shape == MODEL_SHAPE_FUNCTIONS && c->functions.volume <
	    c->break_even)
		fprintf(out, "* traffic grows above %s requests a month (now "
		    "%s): functions then cost more than the cluster\n", a, b);
	else if (shape == MODEL_SHAPE_CLUSTER && c->functions.volume >
	    c->break_even)
		fprintf(out, "* traffic falls below %s requests a month (now "
		    "%s): functions then cost less than the cluster\n", a, b);
}

static void
adr_confirmation(FILE *out, const struct report *r)
{
	fputs("### Confirmation\n\n", out);
	if (chosen(r) < 0) {
		fputs("Answer the open questions and export the record again; "
		    "it names an option once one leads.\n\n", out);
		return;
	}
	fputs("Revisit this decision if any of these comes true:\n\n", out);
	if (r->result->flip.kind != FLIP_NONE)
		adr_revisit_flip(out, r);
	if (r->cost != NULL && r->pricing != NULL)
		adr_revisit_volume(out, r);
	if (r->cost != NULL && r->pricing != NULL) {
		fputs("* the prices change (these are of ", out);
		md_inline(out, r->cost->provider->date);
		fputs(")\n", out);
	}
	fputs("* an answer above changes, or an open question is answered\n\n",
	    out);
	if (r->result->flip.kind == FLIP_NONE) {
		char buf[256];

		md_inline(out, phrase_flip(r->model, r->result,
		    r->answers->answer, r->answers->weight, buf, sizeof buf));
		fputs("\n\n", out);
	}
	fprintf(out, "Check it with `tradeoff recheck` on this file whenever "
	    "the prices or the model change: %s keeps the answers, the "
	    "prices and the costs this record was decided on.\n\n",
	    r->adr_plain ? "the comment at its end" : "the front matter");
}

static void
adr_pros_cons(FILE *out, const struct report *r)
{
	const struct model *m = r->model;
	const struct eval_result *res = r->result;
	char buf[1200];
	int o, i, n;

	fputs("## Pros and Cons of the Options\n", out);
	for (o = 0; o < m->noptions; o++) {
		fputs("\n### ", out);
		md_inline(out, option_title(r, o));
		fprintf(out, "\n\nScores %.1f of 100.\n\n", res->total[o]);
		adr_cost_consequence(out, r, o, 1);
		n = adr_rows(out, r, o, 1);
		n += adr_rows(out, r, o, 0);
		adr_cost_consequence(out, r, o, -1);
		n += adr_rows(out, r, o, -1);
		for (i = 0; i < res->nblocks; i++) {
			if (res->blocks[i].option != o)
				continue;
			fputs("* Bad, because it is ruled out: ", out);
			md_inline(out, phrase_block(r->model, &res->blocks[i], buf,
		    sizeof buf));
			fputc('\n', out);
			n++;
		}
		if (n == 0)
			fputs("* Neutral, because no answered question bears "
			    "on the comparison tables yet\n", out);
	}
	fputc('\n', out);
}

static void
adr_more(FILE *out, const struct report *r)
{
	const struct model *m = r->model;
	const struct report_session *ss = r->session;
	char t1[32], t2[32];

	fputs("## More Information\n\n", out);
	if (r->adr_supersedes != NULL) {
		fputs("* Supersedes ", out);
		if (r->adr_supersedes_file != NULL) {
			fputs("[ADR-", out);
			md_inline(out, r->adr_supersedes);
			fputs("](", out);
			md_inline(out, r->adr_supersedes_file);
			fputs(")", out);
		} else {
			fputs("ADR-", out);
			md_inline(out, r->adr_supersedes);
		}
		fputs(".\n", out);
	}
	if (r->cost != NULL && r->pricing != NULL) {
		const struct pricing *p = r->pricing;
		const struct cost_result *c = r->cost;
		char a[64];
		int o, k = 0;

		fputs("* Cost per month with ", out);
		md_inline(out, c->provider->name);
		fputs(" prices of ", out);
		md_inline(out, c->provider->date);
		fputs(" (", out);
		md_inline(out, c->provider->region);
		fputs("):", out);
		for (o = 0; o < m->noptions; o++) {
			if (c->option_shape[o] < 0)
				continue;
			fputs(k++ > 0 ? ", " : " ", out);
			md_inline(out, m->options[o].title);
			fprintf(out, " %s", pricing_money(p,
			    c->option_monthly[o], 2, a, sizeof a));
		}
		fputs(k > 0 ? "." : " no option is priced.", out);
		if (c->break_even_kind != COST_BE_NONE) {
			fputs(" Break-even: ", out);
			export_md_break_even(out, r);
		}
		if (pricing_is_stale(c->provider->day, r->now))
			fputs(" The prices are more than twelve months old.",
			    out);
		fputc('\n', out);
	}
	fputs("* Decision model ", out);
	md_id(out, m->id);
	fputs(" version ", out);
	md_inline(out, m->version);
	fputs("; the scores and their formulas are explained in the "
	    "tradeoff manual (doc/scoring.md).\n", out);
	if (ss != NULL) {
		fputs("* Session ", out);
		md_inline(out, ss->name);
		fprintf(out, ", created %s, last changed %s, %d recorded "
		    "change%s; the summary export (`--format markdown`) has "
		    "every answer, note and table and the change history.\n",
		    phrase_time(ss->created, PHRASE_TIME_ISO, t1, sizeof t1),
		    phrase_time(ss->updated, PHRASE_TIME_ISO, t2, sizeof t2),
		    ss->nchanges, ss->nchanges == 1 ? "" : "s");
	}
}

int
export_adr(FILE *out, const struct report *r, struct err *e)
{
	if (!r->adr_plain && adr_front_matter(out, r, e) != 0)
		return -1;
	adr_title(out, r);
	if (r->adr_plain)
		adr_head_list(out, r);
	adr_context(out, r);
	adr_drivers(out, r);
	adr_considered(out, r);
	adr_outcome(out, r);
	adr_pros_cons(out, r);
	adr_more(out, r);
	if (r->adr_plain) {
		fputc('\n', out);
		if (evidence_write_comment(out, r, recorded(r), e) != 0)
			return -1;
	}
	if (fflush(out) != 0 || ferror(out)) {
		err_set(e, "cannot write the decision record: %s",
		    strerror(errno));
		return -1;
	}
	return 0;
}
