/* phrase.c - the decision put into words; see phrase.h. */
#include "config.h"

#include "phrase.h"

#include <math.h>
#include <stdio.h>
#include <time.h>

const char *
phrase_recommendation(const struct model *m, const struct eval_result *r,
    char *buf, size_t size)
{
	if (r->recommendation >= 0)
		snprintf(buf, size, "%s", m->options[r->recommendation].title);
	else
		snprintf(buf, size, "undecided (%s)", r->answered == 0 ?
		    "nothing answered yet" :
		    "a tie, or every option is blocked");
	return buf;
}

const char *
phrase_flip(const struct model *m, const struct eval_result *r,
    const int *answers, const int *weights, char *buf, size_t size)
{
	const struct eval_flip *f = &r->flip;
	const char *to = f->kind != FLIP_NONE ? m->options[f->to].title : "";

	if (f->kind == FLIP_ANSWER) {
		const struct model_question *qn = &m->questions[f->question];
		int now = answers[f->question];

		if (now >= 0)
			snprintf(buf, size, "Answering \"%s\" with \"%s\" (now "
			    "\"%s\") would recommend %s.", qn->prompt,
			    qn->answers[f->answer].label,
			    qn->answers[now].label, to);
		else
			snprintf(buf, size, "Answering \"%s\" with \"%s\" would "
			    "recommend %s.", qn->prompt,
			    qn->answers[f->answer].label, to);
	} else if (f->kind == FLIP_WEIGHT)
		snprintf(buf, size, "Setting the weight of %s to %d (now %d) "
		    "would recommend %s.", m->dims[f->dim].title, f->weight,
		    weights[f->dim], to);
	else if (r->recommendation < 0)
		snprintf(buf, size, "Nothing to flip yet: no option leads.");
	else
		snprintf(buf, size, "No single answer or weight change would "
		    "change the recommendation.");
	return buf;
}

const char *
phrase_flip_short(const struct model *m, const struct eval_result *r,
    const char *arrow, char *buf, size_t size)
{
	const struct eval_flip *f = &r->flip;

	if (f->kind == FLIP_ANSWER) {
		const struct model_question *qn = &m->questions[f->question];

		snprintf(buf, size, "%s %s %s (\"%s\")",
		    qn->answers[f->answer].label, arrow,
		    m->options[f->to].title, qn->prompt);
	} else if (f->kind == FLIP_WEIGHT)
		snprintf(buf, size, "%s weight %d %s %s", m->dims[f->dim].title,
		    f->weight, arrow, m->options[f->to].title);
	else
		snprintf(buf, size, "no single change");
	return buf;
}

const char *
phrase_block(const struct model *m, const struct eval_block *b, char *buf,
    size_t size)
{
	const struct model_question *qn = &m->questions[b->question];
	const struct model_question *aq = b->assumed >= 0 ?
	    &m->questions[b->assumed] : NULL;

	if (aq != NULL && aq->def >= 0)
		snprintf(buf, size, "%s (\"%s\": %s; \"%s\" is not answered, "
		    "so %s is assumed)", b->reason, qn->prompt,
		    qn->answers[b->answer].label, aq->prompt,
		    aq->answers[aq->def].label);
	else
		snprintf(buf, size, "%s (\"%s\": %s)", b->reason, qn->prompt,
		    qn->answers[b->answer].label);
	return buf;
}

const char *
phrase_break_even(const struct cost_result *c, char *buf, size_t size)
{
	char n[64];

	switch (c->break_even_kind) {
	case COST_BE_CROSSING:
		snprintf(buf, size, "above %s requests a month, functions cost "
		    "more than the cluster", pricing_group(round(c->break_even),
		    0, n, sizeof n));
		break;
	case COST_BE_FUNCTIONS_CHEAPER:
		snprintf(buf, size, "none; functions cost less than the cluster "
		    "up to %s requests a month", pricing_group(c->search_max, 0,
		    n, sizeof n));
		break;
	case COST_BE_FUNCTIONS_DEARER:
		snprintf(buf, size, "none; functions cost more than the cluster "
		    "at every volume");
		break;
	case COST_BE_NONE:
	default:
		snprintf(buf, size, "none; the options compared include no "
		    "functions and cluster pair");
		break;
	}
	return buf;
}

/* strftime with each form written out, so the compiler checks it. */
static size_t
format_time(char *buf, size_t size, enum phrase_time f, const struct tm *tm)
{
	switch (f) {
	case PHRASE_TIME_ISO:
		return strftime(buf, size, "%Y-%m-%dT%H:%M:%SZ", tm);
	case PHRASE_TIME_MINUTE:
		return strftime(buf, size, "%Y-%m-%d %H:%M", tm);
	case PHRASE_TIME_DAY:
		return strftime(buf, size, "%Y-%m-%d", tm);
	}
	return 0;
}

const char *
phrase_time(long long t, enum phrase_time f, char *buf, size_t size)
{
	time_t tt = (time_t)t;
	struct tm tm;

	if (size == 0)
		return buf;
	if ((long long)tt != t || gmtime_r(&tt, &tm) == NULL ||
	    format_time(buf, size, f, &tm) == 0)
		snprintf(buf, size, "%lld", t);
	return buf;
}
