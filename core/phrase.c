/* phrase.c - the decision put into words; see phrase.h. */
#include "config.h"

#include "phrase.h"

#include <math.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "workload.h"

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

/* The label of answer VALUE to question Q, or VALUE itself. */
static const char *
answer_label(const struct model *m, int q, const char *value)
{
	int a = model_answer_index(m, q, value);

	return a >= 0 ? m->questions[q].answers[a].label : value;
}

/* A field about question KEY: answer, note, vote (WHO), reveal. */
static const char *
question_change(const struct model *m, const char *kind, const char *who,
    const char *key, const char *value, char *buf, size_t size)
{
	int q = model_question_index(m, key);
	const char *p = q >= 0 ? m->questions[q].prompt : key;

	if (strcmp(kind, "answer") == 0)
		snprintf(buf, size, value != NULL ? "\"%s\" is \"%s\"" :
		    "\"%s\" is unanswered", p, value != NULL && q >= 0 ?
		    answer_label(m, q, value) : value);
	else if (strcmp(kind, "note") == 0)
		snprintf(buf, size, "the note on \"%s\" %s", p, value != NULL ?
		    "is back" : "is removed");
	else if (strcmp(kind, "vote") == 0)
		snprintf(buf, size, value != NULL ? "%s's vote on \"%s\" is "
		    "\"%s\"" : "%s's vote on \"%s\" is taken back", who, p,
		    value != NULL && q >= 0 ? answer_label(m, q, value) : value);
	else
		snprintf(buf, size, "the votes on \"%s\" are %s", p,
		    value != NULL ? "revealed" : "hidden");
	return buf;
}

const char *
phrase_change(const struct model *m, const char *field, const char *value,
    char *buf, size_t size)
{
	const char *colon = strchr(field, ':'), *key = colon + 1;
	char kind[16], who[64];
	int i;

	if (strcmp(field, "milestone") == 0) {
		snprintf(buf, size, "milestone '%s' is saved", value != NULL ?
		    value : "");
		return buf;
	}
	if (colon == NULL || (size_t)(colon - field) >= sizeof kind) {
		snprintf(buf, size, "the %s %s", field, value != NULL ?
		    "is back" : "is cleared");
		return buf;
	}
	snprintf(kind, sizeof kind, "%.*s", (int)(colon - field), field);
	if (strcmp(kind, "weight") == 0) {
		i = model_dim_index(m, key);
		snprintf(buf, size, "the weight of %s is %s", i >= 0 ?
		    m->dims[i].title : key, value != NULL ? value : "the "
		    "default again");
	} else if (strcmp(kind, "workload") == 0) {
		i = workload_field(key);
		snprintf(buf, size, "%s is %s", i >= 0 ? wl_fields[i].label :
		    key, value != NULL ? value : "the default again");
	} else if (strcmp(kind, "identity") == 0)
		snprintf(buf, size, value != NULL ? "%s is %s" :
		    "%s is no listed participant", key, value);
	else if (strcmp(kind, "vote") == 0 &&
	    (colon = strchr(key, ':')) != NULL) {
		snprintf(who, sizeof who, "%.*s", (int)(colon - key), key);
		question_change(m, kind, who, colon + 1, value, buf, size);
	} else
		question_change(m, kind, NULL, key, value, buf, size);
	return buf;
}

const char *
phrase_field(const struct model *m, const char *field, char *buf,
    size_t size)
{
	const char *colon = strchr(field, ':'), *key = colon + 1, *c2;
	int i;

	if (colon == NULL)
		snprintf(buf, size, "the %s", field);
	else if (strncmp(field, "answer:", 7) == 0 ||
	    strncmp(field, "note:", 5) == 0 ||
	    strncmp(field, "reveal:", 7) == 0) {
		i = model_question_index(m, key);
		snprintf(buf, size, "the %s \"%s\"", field[0] == 'a' ?
		    "answer to" : field[0] == 'n' ? "note on" : "votes on",
		    i >= 0 ? m->questions[i].prompt : key);
	} else if (strncmp(field, "vote:", 5) == 0 &&
	    (c2 = strchr(key, ':')) != NULL) {
		i = model_question_index(m, c2 + 1);
		snprintf(buf, size, "%.*s's vote on \"%s\"", (int)(c2 - key),
		    key, i >= 0 ? m->questions[i].prompt : c2 + 1);
	} else if (strncmp(field, "weight:", 7) == 0) {
		i = model_dim_index(m, key);
		snprintf(buf, size, "the weight of %s", i >= 0 ?
		    m->dims[i].title : key);
	} else if (strncmp(field, "workload:", 9) == 0) {
		i = workload_field(key);
		snprintf(buf, size, "%s", i >= 0 ? wl_fields[i].label : key);
	} else
		snprintf(buf, size, "who %s is", key);
	return buf;
}

const char *
phrase_value(const struct model *m, const char *field, const char *value,
    char *buf, size_t size)
{
	const char *colon = strchr(field, ':'), *key, *c2;
	int q;

	if (value == NULL) {
		snprintf(buf, size, "%s", strncmp(field, "answer:", 7) == 0 ||
		    strncmp(field, "vote:", 5) == 0 ? "unanswered" :
		    strncmp(field, "weight:", 7) == 0 ||
		    strncmp(field, "workload:", 9) == 0 ? "the default" :
		    "none");
		return buf;
	}
	key = colon != NULL ? colon + 1 : field;
	if (strncmp(field, "vote:", 5) == 0 && (c2 = strchr(key, ':')) != NULL)
		key = c2 + 1;
	if (strncmp(field, "answer:", 7) == 0 ||
	    strncmp(field, "vote:", 5) == 0) {
		q = model_question_index(m, key);
		snprintf(buf, size, "%s", q >= 0 ? answer_label(m, q, value) :
		    value);
	} else
		snprintf(buf, size, "%s", value);
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
