/* diff.c - two states of a decision compared; see diff.h. */
#include "config.h"

#include "diff.h"
#include "md.h"
#include "phrase.h"
#include "yamlw.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_CHANGES 4096

/* Collecting the changes ---------------------------------------------------- */

struct collect {
	struct diff *d;
	int cap;
	int failed;
};

static const char *
keep(struct collect *c, const char *s)
{
	const char *k;

	if (s == NULL)
		return NULL;
	if ((k = arena_strdup(c->d->arena, s)) == NULL)
		c->failed = 1;
	return k;
}

static void
add(struct collect *c, const char *field, const char *from, const char *to)
{
	struct diff *d = c->d;
	struct diff_change *nv;

	if (c->failed || d->nchanges >= MAX_CHANGES)
		return;
	if (d->nchanges == c->cap) {
		c->cap = c->cap ? c->cap * 2 : 32;
		if ((nv = realloc(d->changes, (size_t)c->cap * sizeof *nv)) ==
		    NULL) {
			c->failed = 1;
			return;
		}
		d->changes = nv;
	}
	d->changes[d->nchanges].field = keep(c, field);
	d->changes[d->nchanges].from = keep(c, from);
	d->changes[d->nchanges].to = keep(c, to);
	d->nchanges++;
}

static int
same(const char *a, const char *b)
{
	if (a != NULL && a[0] == '\0')
		a = NULL;
	if (b != NULL && b[0] == '\0')
		b = NULL;
	return a == b || (a != NULL && b != NULL && strcmp(a, b) == 0);
}

static const char *
answer_id(const struct model *m, int q, int a)
{
	return a >= 0 ? m->questions[q].answers[a].id : NULL;
}

/* The participants one a line, in BUF. */
static const char *
participants(const struct answers *a, char *buf, size_t size)
{
	size_t o = 0;
	int i;

	buf[0] = '\0';
	for (i = 0; i < a->nparticipants && o < size; i++)
		o += (size_t)snprintf(buf + o, size - o, "%s%s", i ? ", " : "",
		    a->participants[i]);
	return a->nparticipants > 0 ? buf : NULL;
}

static void
compare_questions(struct collect *c, const struct answers *a,
    const struct answers *b)
{
	const struct model *m = c->d->model;
	char field[160];
	int q;

	for (q = 0; q < m->nquestions; q++) {
		if (a->answer[q] != b->answer[q]) {
			snprintf(field, sizeof field, "answer:%s",
			    m->questions[q].id);
			add(c, field, answer_id(m, q, a->answer[q]),
			    answer_id(m, q, b->answer[q]));
		}
		if (!same(a->note[q], b->note[q])) {
			snprintf(field, sizeof field, "note:%s",
			    m->questions[q].id);
			add(c, field, a->note[q], b->note[q]);
		}
	}
}

static void
compare_weights(struct collect *c, const struct answers *a,
    const struct answers *b)
{
	const struct model *m = c->d->model;
	char field[160], x[16], y[16];
	int i;

	for (i = 0; i < m->ndims; i++) {
		if (a->weight[i] == b->weight[i])
			continue;
		snprintf(field, sizeof field, "weight:%s", m->dims[i].id);
		snprintf(x, sizeof x, "%d", a->weight[i]);
		snprintf(y, sizeof y, "%d", b->weight[i]);
		add(c, field, x, y);
	}
}

static void
compare_workload(struct collect *c, const struct answers *a,
    const struct answers *b)
{
	char field[160], x[WL_TEXT_MAX + 32], y[WL_TEXT_MAX + 32];
	int f;

	for (f = 0; f < WL_NFIELDS; f++) {
		if (!((a->workload.set | b->workload.set) & (1u << f)))
			continue;
		workload_format(&a->workload, f, x, sizeof x);
		workload_format(&b->workload, f, y, sizeof y);
		if (strcmp(x, y) == 0)
			continue;
		snprintf(field, sizeof field, "workload:%s", wl_fields[f].key);
		add(c, field, x, y);
	}
}

static int
vote_of(const struct answers *a, const char *ident, int q)
{
	int i = answers_find_ident(a, ident);

	return i >= 0 ? a->vote[i][q] : -1;
}

static void
compare_votes_of(struct collect *c, const struct answers *a,
    const struct answers *b, const char *ident, int only_new)
{
	const struct model *m = c->d->model;
	char field[160];
	int q, x, y;

	if (only_new && answers_find_ident(a, ident) >= 0)
		return;
	for (q = 0; q < m->nquestions; q++) {
		x = vote_of(a, ident, q);
		y = vote_of(b, ident, q);
		if (x == y)
			continue;
		snprintf(field, sizeof field, "vote:%s:%s", ident,
		    m->questions[q].id);
		add(c, field, answer_id(m, q, x), answer_id(m, q, y));
	}
}

static void
compare_votes(struct collect *c, const struct answers *a,
    const struct answers *b)
{
	int i;

	for (i = 0; i < a->nidents; i++)
		compare_votes_of(c, a, b, a->ident[i], 0);
	for (i = 0; i < b->nidents; i++)
		compare_votes_of(c, a, b, b->ident[i], 1);
}

int
diff_run(struct diff *d, const struct diff_side *a,
    const struct diff_side *b, struct err *e)
{
	const struct answers *x = a->s->answers, *y = b->s->answers;
	struct collect c = { .d = d };
	char p1[4096], p2[4096], m1[160], m2[160];
	int o;

	memset(d, 0, sizeof *d);
	d->a = a;
	d->b = b;
	d->model = a->s->model;
	if ((d->arena = arena_new()) == NULL) {
		err_set(e, "out of memory");
		return -1;
	}
	snprintf(m1, sizeof m1, "%s %s", a->model_id, a->model_version);
	snprintf(m2, sizeof m2, "%s %s", b->model_id, b->model_version);
	if (strcmp(m1, m2) != 0)
		add(&c, "model", m1, m2);
	if (!same(a->pricing, b->pricing))
		add(&c, "pricing", a->pricing, b->pricing);
	if (!same(x->context, y->context))
		add(&c, "context", x->context, y->context);
	if (!same(participants(x, p1, sizeof p1), participants(y, p2,
	    sizeof p2)))
		add(&c, "participants", participants(x, p1, sizeof p1),
		    participants(y, p2, sizeof p2));
	compare_questions(&c, x, y);
	compare_weights(&c, x, y);
	compare_workload(&c, x, y);
	compare_votes(&c, x, y);
	if (c.failed) {
		diff_free(d);
		err_set(e, "out of memory");
		return -1;
	}
	/* What the results say. */
	d->effects = a->s->result->recommendation !=
	    b->s->result->recommendation ||
	    a->s->result->blocked != b->s->result->blocked;
	for (o = 0; o < d->model->noptions; o++)
		d->effects |= fabs(a->s->result->total[o] -
		    b->s->result->total[o]) >= 0.05;
	return 0;
}

void
diff_free(struct diff *d)
{
	free(d->changes);
	arena_free(d->arena);
	memset(d, 0, sizeof *d);
}

int
diff_any(const struct diff *d)
{
	return d->nchanges > 0 || d->effects;
}

/* Words ------------------------------------------------------------------------- */

/* What FIELD is, capitalised ("The answer to ..."). */
static const char *
field_words(const struct model *m, const char *field, char *buf,
    size_t size)
{
	if (strcmp(field, "model") == 0)
		snprintf(buf, size, "the decision model");
	else if (strcmp(field, "pricing") == 0)
		snprintf(buf, size, "the price list");
	else if (strcmp(field, "context") == 0)
		snprintf(buf, size, "the context");
	else if (strcmp(field, "participants") == 0)
		snprintf(buf, size, "the participants");
	else
		phrase_field(m, field, buf, size);
	if (strncmp(buf, "the ", 4) == 0)
		buf[0] = 'T';
	return buf;
}

/* Whether FIELD holds free text (shown quoted). */
static int
is_text(const char *field)
{
	return strncmp(field, "note:", 5) == 0 || strcmp(field, "context") == 0;
}

static int
both_costed(const struct diff *d)
{
	return d->a->s->cost_ok && d->b->s->cost_ok;
}

/* The options ruled out under S, by title, in BUF ("none"). */
static const char *
blocked_titles(const struct model *m, unsigned blocked, char *buf,
    size_t size)
{
	size_t o = 0;
	int i;

	buf[0] = '\0';
	for (i = 0; i < m->noptions && o < size; i++)
		if (blocked & (1u << i))
			o += (size_t)snprintf(buf + o, size - o, "%s%s",
			    o ? ", " : "", m->options[i].title);
	if (o == 0)
		snprintf(buf, size, "none");
	return buf;
}

/* Text ---------------------------------------------------------------------------- */

static void
text_value(FILE *out, const struct model *m, const char *field,
    const char *v)
{
	char buf[1024], q[4096];

	if (v != NULL && is_text(field))
		fprintf(out, "\"%s\"", err_quote(q, sizeof q, v, strlen(v)));
	else {
		phrase_value(m, field, v, buf, sizeof buf);
		fputs(err_quote(q, sizeof q, buf, strlen(buf)), out);
	}
}

static void
text_changes(FILE *out, const struct diff *d, const char *arrow)
{
	char w[512];
	int i;

	fputs("What changed:\n", out);
	if (d->nchanges == 0)
		fputs("  nothing: the same answers, notes, weights and "
		    "figures\n", out);
	for (i = 0; i < d->nchanges; i++) {
		const struct diff_change *c = &d->changes[i];

		fprintf(out, "  %s: ", field_words(d->model, c->field, w,
		    sizeof w));
		text_value(out, d->model, c->field, c->from);
		fprintf(out, " %s ", arrow);
		text_value(out, d->model, c->field, c->to);
		fputc('\n', out);
	}
}

static void
text_blocks(FILE *out, const struct diff *d)
{
	const struct eval_result *ra = d->a->s->result, *rb = d->b->s->result;
	char buf[1200];
	int i;

	for (i = 0; i < rb->nblocks; i++)
		if (!(ra->blocked & (1u << rb->blocks[i].option)))
			fprintf(out, "  Now ruled out: %s: %s\n",
			    d->model->options[rb->blocks[i].option].title,
			    phrase_block(d->model, &rb->blocks[i], buf,
			    sizeof buf));
	for (i = 0; i < ra->nblocks; i++)
		if (!(rb->blocked & (1u << ra->blocks[i].option)))
			fprintf(out, "  No longer ruled out: %s (was: %s)\n",
			    d->model->options[ra->blocks[i].option].title,
			    phrase_block(d->model, &ra->blocks[i], buf,
			    sizeof buf));
}

static void
text_cost(FILE *out, const struct diff *d, const char *arrow)
{
	const struct session *a = d->a->s, *b = d->b->s;
	const struct model *m = d->model;
	char x[64], y[64], be1[256], be2[256];
	int o;

	if (!both_costed(d))
		return;
	fputs("  Cost per month:\n", out);
	for (o = 0; o < m->noptions; o++) {
		if (a->cost.option_shape[o] < 0 || b->cost.option_shape[o] < 0)
			continue;
		fprintf(out, "    %-12s %12s %s %s\n", m->options[o].title,
		    pricing_money(a->pricing, a->cost.option_monthly[o], 2, x,
		    sizeof x), arrow, pricing_money(b->pricing,
		    b->cost.option_monthly[o], 2, y, sizeof y));
	}
	phrase_break_even(&a->cost, be1, sizeof be1);
	phrase_break_even(&b->cost, be2, sizeof be2);
	if (strcmp(be1, be2) == 0)
		fprintf(out, "  Break-even: %s (unchanged).\n", be1);
	else
		fprintf(out, "  Break-even: %s %s %s.\n", be1, arrow, be2);
}

static void
text_effects(FILE *out, const struct diff *d, const char *arrow)
{
	const struct eval_result *ra = d->a->s->result, *rb = d->b->s->result;
	const struct model *m = d->model;
	char r1[256], r2[256];
	int o;

	fputs("\nWhat that did:\n", out);
	phrase_recommendation(m, ra, r1, sizeof r1);
	phrase_recommendation(m, rb, r2, sizeof r2);
	if (ra->recommendation == rb->recommendation)
		fprintf(out, "  Recommendation: %s, unchanged (confidence "
		    "%.2f %s %.2f)\n", r2, ra->confidence, arrow,
		    rb->confidence);
	else
		fprintf(out, "  Recommendation: %s %s %s (confidence %.2f %s "
		    "%.2f)\n", r1, arrow, r2, ra->confidence, arrow,
		    rb->confidence);
	fputs("  Scores (of 100):\n", out);
	for (o = 0; o < m->noptions; o++)
		fprintf(out, "    %-12s %5.1f %s %5.1f  (%+.1f)\n",
		    m->options[o].title, ra->total[o], arrow, rb->total[o],
		    rb->total[o] - ra->total[o]);
	text_blocks(out, d);
	text_cost(out, d, arrow);
}

static void
text_write(FILE *out, const struct diff *d)
{
	char q1[1024], q2[1024];

	fprintf(out, "%s: %s -> %s\n\n", diff_any(d) ? "Differences" :
	    "No differences", err_quote(q1, sizeof q1, d->a->name,
	    strlen(d->a->name)), err_quote(q2, sizeof q2, d->b->name,
	    strlen(d->b->name)));
	text_changes(out, d, "->");
	text_effects(out, d, "->");
}

/* Markdown ------------------------------------------------------------------------ */

static void
md_value(FILE *out, const struct model *m, const char *field, const char *v)
{
	char buf[1024];

	if (v != NULL && is_text(field)) {
		fputs("\"", out);
		md_inline(out, v);
		fputs("\"", out);
	} else
		md_inline(out, phrase_value(m, field, v, buf, sizeof buf));
}

static void
md_cost(FILE *out, const struct diff *d)
{
	const struct session *a = d->a->s, *b = d->b->s;
	const struct model *m = d->model;
	char x[64], y[64], be[256];
	int o;

	if (!both_costed(d))
		return;
	fputs("| Cost per month | Before | After |\n|---|---:|---:|\n", out);
	for (o = 0; o < m->noptions; o++) {
		if (a->cost.option_shape[o] < 0 || b->cost.option_shape[o] < 0)
			continue;
		fputs("| ", out);
		md_cell(out, m->options[o].title);
		fprintf(out, " | %s | %s |\n", pricing_money(a->pricing,
		    a->cost.option_monthly[o], 2, x, sizeof x),
		    pricing_money(b->pricing, b->cost.option_monthly[o], 2, y,
		    sizeof y));
	}
	fputs("\n* Break-even before: ", out);
	md_inline(out, phrase_break_even(&a->cost, be, sizeof be));
	fputs("\n* Break-even after: ", out);
	md_inline(out, phrase_break_even(&b->cost, be, sizeof be));
	fputs("\n", out);
}

static void
md_write(FILE *out, const struct diff *d)
{
	const struct eval_result *ra = d->a->s->result, *rb = d->b->s->result;
	const struct model *m = d->model;
	char w[512], r1[256], r2[256], b1[512], b2[512];
	int i, o;

	fputs("## Differences: ", out);
	md_inline(out, d->a->name);
	fputs(" → ", out);
	md_inline(out, d->b->name);
	fputs("\n\n### What changed\n\n", out);
	if (d->nchanges == 0)
		fputs("Nothing: the same answers, notes, weights and "
		    "figures.\n", out);
	for (i = 0; i < d->nchanges; i++) {
		const struct diff_change *c = &d->changes[i];

		fputs("* ", out);
		md_inline(out, field_words(m, c->field, w, sizeof w));
		fputs(": ", out);
		md_value(out, m, c->field, c->from);
		fputs(" → ", out);
		md_value(out, m, c->field, c->to);
		fputc('\n', out);
	}
	fputs("\n### What that did\n\n**Recommendation:** ", out);
	phrase_recommendation(m, ra, r1, sizeof r1);
	phrase_recommendation(m, rb, r2, sizeof r2);
	if (ra->recommendation == rb->recommendation) {
		md_inline(out, r2);
		fputs(", unchanged", out);
	} else {
		md_inline(out, r1);
		fputs(" → ", out);
		md_inline(out, r2);
	}
	fprintf(out, " (confidence %.2f → %.2f)\n\n", ra->confidence,
	    rb->confidence);
	fputs("| Option | Before | After | Change |\n|---|---:|---:|---:|\n",
	    out);
	for (o = 0; o < m->noptions; o++) {
		fputs("| ", out);
		md_cell(out, m->options[o].title);
		fprintf(out, " | %.1f | %.1f | %+.1f |\n", ra->total[o],
		    rb->total[o], rb->total[o] - ra->total[o]);
	}
	fputs("\n* Ruled out before: ", out);
	md_inline(out, blocked_titles(m, ra->blocked, b1, sizeof b1));
	fputs("\n* Ruled out after: ", out);
	md_inline(out, blocked_titles(m, rb->blocked, b2, sizeof b2));
	fputs("\n\n", out);
	md_cost(out, d);
}

/* YAML ---------------------------------------------------------------------------- */

static void
yaml_side(struct yamlw *w, const char *key, const struct diff_side *s)
{
	yamlw_key(w, key);
	yamlw_map(w, 0);
	yamlw_key(w, "name");
	yamlw_text(w, s->name);
	yamlw_key(w, "model");
	yamlw_map(w, 1);
	yamlw_key(w, "id");
	yamlw_text(w, s->model_id);
	yamlw_key(w, "version");
	yamlw_text(w, s->model_version);
	yamlw_map_end(w);
	yamlw_key(w, "pricing");
	yamlw_text(w, s->pricing != NULL ? s->pricing : "none");
	yamlw_map_end(w);
}

static void
yaml_opt(struct yamlw *w, const char *v)
{
	if (v == NULL)
		yamlw_null(w);
	else
		yamlw_text(w, v);
}

static void
yaml_blocked(struct yamlw *w, const struct model *m, unsigned blocked)
{
	int o;

	yamlw_seq(w, 1);
	for (o = 0; o < m->noptions; o++)
		if (blocked & (1u << o))
			yamlw_key(w, m->options[o].id);
	yamlw_seq_end(w);
}

static void
yaml_break_even(struct yamlw *w, const struct cost_result *c)
{
	if (c->break_even_kind == COST_BE_CROSSING)
		yamlw_int(w, llround(c->break_even));
	else
		yamlw_null(w);
}

static void
yaml_cost(struct yamlw *w, const struct diff *d)
{
	const struct session *a = d->a->s, *b = d->b->s;
	const struct model *m = d->model;
	int o;

	if (!both_costed(d))
		return;
	yamlw_key(w, "cost");
	yamlw_map(w, 0);
	for (o = 0; o < m->noptions; o++) {
		if (a->cost.option_shape[o] < 0 || b->cost.option_shape[o] < 0)
			continue;
		yamlw_key(w, m->options[o].id);
		yamlw_map(w, 1);
		yamlw_key(w, "from");
		yamlw_fixed(w, a->cost.option_monthly[o], 2);
		yamlw_key(w, "to");
		yamlw_fixed(w, b->cost.option_monthly[o], 2);
		yamlw_map_end(w);
	}
	yamlw_key(w, "break_even_requests_per_month");
	yamlw_map(w, 1);
	yamlw_key(w, "from");
	yaml_break_even(w, &a->cost);
	yamlw_key(w, "to");
	yaml_break_even(w, &b->cost);
	yamlw_map_end(w);
	yamlw_map_end(w);
}

static void
yaml_effects(struct yamlw *w, const struct diff *d)
{
	const struct eval_result *ra = d->a->s->result, *rb = d->b->s->result;
	const struct model *m = d->model;
	int o;

	yamlw_key(w, "effects");
	yamlw_map(w, 0);
	yamlw_key(w, "recommendation");
	yamlw_map(w, 1);
	yamlw_key(w, "from");
	yamlw_key(w, eval_recommendation_id(ra));
	yamlw_key(w, "to");
	yamlw_key(w, eval_recommendation_id(rb));
	yamlw_map_end(w);
	yamlw_key(w, "confidence");
	yamlw_map(w, 1);
	yamlw_key(w, "from");
	yamlw_num(w, ra->confidence, 2);
	yamlw_key(w, "to");
	yamlw_num(w, rb->confidence, 2);
	yamlw_map_end(w);
	yamlw_key(w, "scores");
	yamlw_map(w, 0);
	for (o = 0; o < m->noptions; o++) {
		yamlw_key(w, m->options[o].id);
		yamlw_map(w, 1);
		yamlw_key(w, "from");
		yamlw_num(w, ra->total[o], 1);
		yamlw_key(w, "to");
		yamlw_num(w, rb->total[o], 1);
		yamlw_key(w, "change");
		yamlw_num(w, rb->total[o] - ra->total[o], 1);
		yamlw_map_end(w);
	}
	yamlw_map_end(w);
	yamlw_key(w, "blocked");
	yamlw_map(w, 1);
	yamlw_key(w, "from");
	yaml_blocked(w, m, ra->blocked);
	yamlw_key(w, "to");
	yaml_blocked(w, m, rb->blocked);
	yamlw_map_end(w);
	yaml_cost(w, d);
	yamlw_map_end(w);
}

static int
yaml_write(FILE *out, const struct diff *d, struct err *e)
{
	struct yamlw w;
	int i;

	if (yamlw_open(&w, out, e) != 0)
		return -1;
	yamlw_map(&w, 0);
	yaml_side(&w, "from", d->a);
	yaml_side(&w, "to", d->b);
	yamlw_key(&w, "differs");
	yamlw_bool(&w, diff_any(d));
	yamlw_key(&w, "changes");
	yamlw_seq(&w, 0);
	for (i = 0; i < d->nchanges; i++) {
		yamlw_map(&w, 0);
		yamlw_key(&w, "field");
		yamlw_text(&w, d->changes[i].field);
		yamlw_key(&w, "from");
		yaml_opt(&w, d->changes[i].from);
		yamlw_key(&w, "to");
		yaml_opt(&w, d->changes[i].to);
		yamlw_map_end(&w);
	}
	yamlw_seq_end(&w);
	yaml_effects(&w, d);
	yamlw_map_end(&w);
	return yamlw_close(&w, e);
}

int
diff_write(FILE *out, enum diff_format f, const struct diff *d,
    struct err *e)
{
	if (f == DIFF_YAML)
		return yaml_write(out, d, e);
	if (f == DIFF_MARKDOWN)
		md_write(out, d);
	else
		text_write(out, d);
	if (fflush(out) != 0 || ferror(out)) {
		err_set(e, "cannot write the differences: %s",
		    strerror(errno));
		return -1;
	}
	return 0;
}
