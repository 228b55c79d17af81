/* recheck.c - does a recorded decision still hold; see recheck.h. */
#include "config.h"

#include "recheck.h"
#include "phrase.h"
#include "yamlw.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const verdict_ids[] = {
	[RECHECK_HOLDS] = "holds",
	[RECHECK_NO_LONGER] = "no_longer_holds",
	[RECHECK_SUPERSEDED] = "superseded",
	[RECHECK_NO_OPTION] = "no_option",
	[RECHECK_EVALUATED] = "evaluated",
};

const char *
recheck_verdict_id(enum recheck_verdict v)
{
	return verdict_ids[v];
}

static struct recheck_reason *
reason(struct recheck *r, const char *kind, const char *key, const char *fmt,
    ...) __attribute__((format(printf, 4, 5)));

static struct recheck_reason *
reason(struct recheck *r, const char *kind, const char *key, const char *fmt,
    ...)
{
	struct recheck_reason *x;
	va_list ap;

	if (r->nreasons >= RECHECK_MAX_REASONS)
		return NULL;
	x = &r->reasons[r->nreasons++];
	memset(x, 0, sizeof *x);
	x->kind = kind;
	snprintf(x->key, sizeof x->key, "%s", key != NULL ? key : "");
	va_start(ap, fmt);
	vsnprintf(x->text, sizeof x->text, fmt, ap);
	va_end(ap);
	return x;
}

static void
figures(struct recheck_reason *x, double from, double to)
{
	if (x == NULL)
		return;
	x->has_figures = 1;
	x->from = from;
	x->to = to;
}

static int
differs(double a, double b)
{
	return fabs(a - b) > 1e-12 * (fabs(a) > fabs(b) ? fabs(a) : fabs(b));
}

/* "10 times as much", "half as much", "12% more", "3% less". */
static const char *
how_much(double from, double to, char *buf, size_t size)
{
	double f = from > 0 ? to / from : 0;

	if (from <= 0)
		snprintf(buf, size, "from nothing");
	else if (f >= 1.995)
		snprintf(buf, size, "%s times as much", yamlw_fmt_num(buf +
		    size / 2, size / 2, f, 1));
	else if (f >= 1)
		snprintf(buf, size, "%.0f%% more", (f - 1) * 100);
	else
		snprintf(buf, size, "%.0f%% less", (1 - f) * 100);
	return buf;
}

static void
price_reasons(struct recheck *r, const struct evidence *ev,
    const struct session *s)
{
	struct evidence_price now[EVIDENCE_MAX_PRICES];
	char a[64], b[64], h[64];
	int i, j, n;

	if (ev->provider != NULL && strcmp(ev->provider,
	    s->cost.provider->id) != 0)
		reason(r, "price", "provider", "the provider priced was %s "
		    "then and is %s now", ev->provider, s->cost.provider->id);
	if (ev->price_date != NULL && strcmp(ev->price_date,
	    s->cost.provider->date) != 0)
		reason(r, "price", "date", "the prices are of %s now, %s then",
		    s->cost.provider->date, ev->price_date);
	n = evidence_unit_prices(&s->cost, s->answers, now);
	for (i = 0; i < ev->nprices; i++)
		for (j = 0; j < n; j++) {
			if (strcmp(ev->prices[i].key, now[j].key) != 0 ||
			    !differs(ev->prices[i].value, now[j].value))
				continue;
			figures(reason(r, "price", now[j].key, "%s went from "
			    "%s to %s %s (%s)", now[j].what, yamlw_fmt_num(a,
			    sizeof a, ev->prices[i].value, 10), yamlw_fmt_num(b,
			    sizeof b, now[j].value, 10), s->pricing->currency,
			    how_much(ev->prices[i].value, now[j].value, h,
			    sizeof h)), ev->prices[i].value, now[j].value);
		}
}

static void
break_even_reason(struct recheck *r, const struct evidence *ev,
    const struct session *s)
{
	const struct cost_result *c = &s->cost;
	double traffic = s->answers->workload.num[WL_REQUESTS];
	int then = ev->has_break_even, now = c->break_even_kind ==
	    COST_BE_CROSSING;
	char a[64], b[64], t[64], now_words[256];

	if (!then && !now)
		return;
	pricing_group(traffic, 0, t, sizeof t);
	if (then && now && !differs(round(ev->break_even), round(c->break_even)))
		return;
	if (then && now) {
		pricing_group(ev->break_even, 0, a, sizeof a);
		pricing_group(round(c->break_even), 0, b, sizeof b);
		figures(reason(r, "break_even", "break_even_requests_per_month",
		    "the break-even moved from %s to %s requests a month, %s "
		    "the workload's %s", a, b, c->break_even < traffic ?
		    "below" : "above", t), round(ev->break_even),
		    round(c->break_even));
	} else if (then) {
		pricing_group(ev->break_even, 0, a, sizeof a);
		figures(reason(r, "break_even", "break_even_requests_per_month",
		    "the break-even was %s requests a month; now there is "
		    "%s (the workload: %s)", a, phrase_break_even(c,
		    now_words, sizeof now_words), t), round(ev->break_even),
		    -1);
	} else {
		pricing_group(round(c->break_even), 0, b, sizeof b);
		figures(reason(r, "break_even", "break_even_requests_per_month",
		    "there was no break-even; now it is %s requests a month, "
		    "%s the workload's %s", b, c->break_even < traffic ?
		    "below" : "above", t), -1, round(c->break_even));
	}
}

static void
cost_reasons(struct recheck *r, const struct evidence *ev,
    const struct session *s)
{
	const struct model *m = s->model;
	char a[64], b[64];
	double now;
	int i, o;

	for (i = 0; i < ev->nmonthly; i++) {
		if ((o = model_option_index(m, ev->monthly_option[i])) < 0 ||
		    cost_option_monthly(&s->cost, o, &now) != 0 ||
		    !differs(round(ev->monthly[i] * 100), round(now * 100)))
			continue;
		figures(reason(r, "cost", m->options[o].id, "%s costs %s a "
		    "month now, %s then", m->options[o].title,
		    pricing_money(s->pricing, now, 2, a, sizeof a),
		    pricing_money(s->pricing, ev->monthly[i], 2, b, sizeof b)),
		    ev->monthly[i], round(now * 100) / 100);
	}
}

static int
was_blocked(const struct evidence *ev, const char *id)
{
	int i;

	for (i = 0; i < ev->nblocked; i++)
		if (strcmp(ev->blocked[i], id) == 0)
			return 1;
	return 0;
}

static void
block_reasons(struct recheck *r, const struct evidence *ev,
    const struct session *s)
{
	const struct model *m = s->model;
	const struct eval_result *res = s->result;
	char buf[1200];
	int i;

	for (i = 0; i < res->nblocks; i++) {
		const struct eval_block *b = &res->blocks[i];

		if (was_blocked(ev, m->options[b->option].id))
			continue;
		reason(r, "blocked", m->options[b->option].id, "the model now "
		    "rules out %s: %s", m->options[b->option].title,
		    phrase_block(m, b, buf, sizeof buf));
	}
}

static int
was_asked(const struct evidence *ev, const char *id)
{
	int i;

	for (i = 0; i < ev->nasked; i++)
		if (strcmp(ev->asked[i], id) == 0)
			return 1;
	return 0;
}

static void
model_reason(struct recheck *r, const struct evidence *ev,
    const struct model *m)
{
	if (ev->model_id == NULL)
		return;
	if (strcmp(ev->model_id, m->id) != 0 || ev->model_version == NULL ||
	    strcmp(ev->model_version, m->version) != 0)
		reason(r, "model", "model", "the decision model was %s %s "
		    "then and is %s %s now", ev->model_id, ev->model_version !=
		    NULL ? ev->model_version : "(no version)", m->id,
		    m->version);
}

int
recheck_run(struct recheck *r, const char *file, const struct evidence *ev,
    const struct session *s, struct err *e)
{
	const struct model *m = s->model;
	const struct eval_result *res = s->result;
	char rec[256];
	int q, o;

	memset(r, 0, sizeof *r);
	r->file = file;
	r->status = ev->status;
	r->recorded = ev->recommendation;
	r->now = eval_recommendation_id(res);
	phrase_recommendation(m, res, r->now_title, sizeof r->now_title);
	if ((r->new_questions = calloc((size_t)m->nquestions + 1,
	    sizeof *r->new_questions)) == NULL) {
		err_set(e, "out of memory");
		return -1;
	}
	if (ev->status != NULL && strncmp(ev->status, "superseded", 10) == 0) {
		r->verdict = RECHECK_SUPERSEDED;
		return 0;
	}
	for (q = 0; ev->nasked >= 0 && q < m->nquestions; q++)
		if (res->visible_q[q] && !was_asked(ev, m->questions[q].id))
			r->new_questions[r->nnew++] = q;
	if (ev->recommendation == NULL) {
		r->verdict = RECHECK_EVALUATED;
		return 0;
	}
	if (strcmp(ev->recommendation, "undecided") == 0) {
		r->verdict = RECHECK_NO_OPTION;
		return 0;
	}
	o = model_option_index(m, ev->recommendation);
	r->verdict = o >= 0 && o == res->recommendation ? RECHECK_HOLDS :
	    RECHECK_NO_LONGER;
	if (r->verdict == RECHECK_NO_LONGER) {
		if (o < 0)
			reason(r, "recommendation", ev->recommendation, "the "
			    "model has no option '%s' any more; it recommends "
			    "%s", ev->recommendation, r->now_title);
		else
			reason(r, "recommendation", m->options[o].id, "it "
			    "recorded %s; under the same answers the "
			    "recommendation is now %s", m->options[o].title,
			    phrase_recommendation(m, res, rec, sizeof rec));
	}
	model_reason(r, ev, m);
	block_reasons(r, ev, s);
	if (s->cost_ok && ev->nprices > 0) {
		price_reasons(r, ev, s);
		break_even_reason(r, ev, s);
		cost_reasons(r, ev, s);
	}
	return 0;
}

void
recheck_free(struct recheck *r)
{
	free(r->new_questions);
	r->new_questions = NULL;
}

void
recheck_text(FILE *out, const struct recheck *r, const struct model *m)
{
	char q[1024];
	int i, o = r->recorded != NULL ? model_option_index(m, r->recorded) :
	    -1;

	fputs(err_quote(q, sizeof q, r->file, strlen(r->file)), out);
	switch (r->verdict) {
	case RECHECK_HOLDS:
		fprintf(out, ": holds: %s\n", m->options[o].title);
		break;
	case RECHECK_NO_LONGER:
		fprintf(out, ": no longer holds: it recorded %s, today %s\n",
		    o >= 0 ? m->options[o].title : r->recorded, r->now_title);
		break;
	case RECHECK_SUPERSEDED:
		fprintf(out, ": superseded (status: %s): not checked\n",
		    err_quote(q, sizeof q, r->status, strlen(r->status)));
		return;
	case RECHECK_NO_OPTION:
		fprintf(out, ": chose no option (the record names none): "
		    "nothing to hold; today %s\n", r->now_title);
		break;
	case RECHECK_EVALUATED:
		fprintf(out, ": no decision recorded (add 'decision:' to "
		    "check one); today %s\n", r->now_title);
		break;
	}
	for (i = 0; i < r->nreasons; i++)
		fprintf(out, "  - %s\n", r->reasons[i].text);
	for (i = 0; i < r->nnew; i++)
		fprintf(out, "  new question, not asked then: \"%s\"\n",
		    m->questions[r->new_questions[i]].prompt);
}

static void
yaml_reason(struct yamlw *w, const struct recheck_reason *x)
{
	yamlw_map(w, 0);
	yamlw_key(w, "kind");
	yamlw_key(w, x->kind);
	if (x->key[0] != '\0') {
		yamlw_key(w, "key");
		yamlw_text(w, x->key);
	}
	if (x->has_figures) {
		yamlw_key(w, "from");
		if (x->from < 0)
			yamlw_null(w);
		else
			yamlw_num(w, x->from, 10);
		yamlw_key(w, "to");
		if (x->to < 0)
			yamlw_null(w);
		else
			yamlw_num(w, x->to, 10);
	}
	yamlw_key(w, "text");
	yamlw_text(w, x->text);
	yamlw_map_end(w);
}

int
recheck_yaml(FILE *out, const struct recheck *r, int n,
    const struct model *m, struct err *e)
{
	struct yamlw w;
	int i, j;

	if (yamlw_open(&w, out, e) != 0)
		return -1;
	yamlw_map(&w, 0);
	yamlw_key(&w, "records");
	yamlw_seq(&w, 0);
	for (i = 0; i < n; i++) {
		yamlw_map(&w, 0);
		yamlw_key(&w, "file");
		yamlw_text(&w, r[i].file);
		yamlw_key(&w, "verdict");
		yamlw_key(&w, recheck_verdict_id(r[i].verdict));
		if (r[i].status != NULL) {
			yamlw_key(&w, "status");
			yamlw_text(&w, r[i].status);
		}
		yamlw_key(&w, "recorded");
		if (r[i].recorded != NULL)
			yamlw_key(&w, r[i].recorded);
		else
			yamlw_null(&w);
		yamlw_key(&w, "now");
		yamlw_key(&w, r[i].now);
		yamlw_key(&w, "reasons");
		yamlw_seq(&w, 0);
		for (j = 0; j < r[i].nreasons; j++)
			yaml_reason(&w, &r[i].reasons[j]);
		yamlw_seq_end(&w);
		yamlw_key(&w, "new_questions");
		yamlw_seq(&w, 1);
		for (j = 0; j < r[i].nnew; j++)
			yamlw_key(&w, m->questions[r[i].new_questions[j]].id);
		yamlw_seq_end(&w);
		yamlw_map_end(&w);
	}
	yamlw_seq_end(&w);
	yamlw_map_end(&w);
	return yamlw_close(&w, e);
}
