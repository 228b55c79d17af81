/* session.c - the open session and its verbs; see session.h. */
#include "config.h"

#include "session.h"
#include "phrase.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int
session_init(struct session *s, const struct model *m,
    const struct pricing *p, long long now, struct err *e)
{
	if (session_init_unevaluated(s, m, p, now, e) != 0)
		return -1;
	session_evaluate(s);
	return 0;
}

int
session_init_unevaluated(struct session *s, const struct model *m,
    const struct pricing *p, long long now, struct err *e)
{
	memset(s, 0, sizeof *s);
	s->model = m;
	s->pricing = p;
	s->now = now;
	s->cost_cheapest = -1;
	/* The price list must price every shape the model's options
	 * have. */
	if (p != NULL && cost_check_model(p, m, e) != 0)
		return -1;
	s->answers = answers_new(m);
	s->result = eval_result_new(m);
	s->disagree = disagree_new(m);
	if (s->answers == NULL || s->result == NULL || s->disagree == NULL) {
		session_fini(s);
		err_set(e, "out of memory");
		return -1;
	}
	return 0;
}

void
session_fini(struct session *s)
{
	answers_free(s->answers);
	eval_result_free(s->result);
	disagree_free(s->disagree);
	store_close(s->store);
	s->answers = NULL;
	s->result = NULL;
	s->disagree = NULL;
	s->store = NULL;
}

void
session_attach(struct session *s, struct store *st)
{
	if (s->store != st)
		store_close(s->store);
	s->store = st;
}

/* The workload's costs, and which option is cheapest: "check the
 * workload, then run the cost model", for every client. */
static void
price(struct session *s)
{
	struct err e;

	s->cost_ok = 0;
	s->cost_cheapest = -1;
	s->cost_problem[0] = '\0';
	if (s->pricing == NULL)
		return;
	if (cost_check(s->pricing, &s->answers->workload, NULL, &e) != 0) {
		snprintf(s->cost_problem, sizeof s->cost_problem, "%s", e.msg);
		return;
	}
	if (cost_run(s->pricing, s->model, &s->answers->workload,
	    &s->cost) != 0) {
		snprintf(s->cost_problem, sizeof s->cost_problem, "the "
		    "workload cannot be priced with this price list");
		return;
	}
	s->cost_ok = 1;
	s->cost_cheapest = cost_cheapest_option(&s->cost, s->model);
}

/* What the answers say that the cost model reads: the provider (the
 * provider question's answer) and whether capacity is kept warm. */
static void
settle_workload(const struct model *m, struct answers *a)
{
	int p = answers_provider(a);

	if (p >= 0)
		a->workload.num[WL_PROVIDER] = p;
	a->workload.warm = model_answer_role(m, MODEL_AROLE_WARM, a->answer,
	    NULL);
}

/* The monthly costs the evaluator counts in the cost dimension: once a
 * workload figure is set and the workload could be priced; else NULL
 * (the answers alone, as without figures). */
static const double *
bill(const struct model *m, const struct answers *a,
    const struct cost_result *c, int ok, double *costs)
{
	int o;

	if (!ok || a->workload.set == 0)
		return NULL;
	for (o = 0; o < m->noptions; o++)
		if (cost_option_monthly(c, o, &costs[o]) != 0)
			costs[o] = -1;
	return costs;
}

/* Price first, then evaluate with the costs: the one place the cost
 * model and the evaluator meet. */
void
session_evaluate(struct session *s)
{
	double costs[MODEL_MAX_OPTIONS];

	settle_workload(s->model, s->answers);
	price(s);
	eval_run_costs(s->model, s->answers->answer, s->answers->weight,
	    bill(s->model, s->answers, &s->cost, s->cost_ok, costs),
	    s->result);
	if (s->disagree != NULL)
		disagree_run(s->disagree, s->answers, s->answers->weight,
		    bill(s->model, s->answers, &s->cost, s->cost_ok, costs),
		    s->result->recommendation);
}

int
session_use_answers(struct session *s, struct answers *a, struct err *e)
{
	answers_free(s->answers);
	s->answers = a;
	session_evaluate(s);
	/* Figures the file alone cannot judge (a node type, an
	 * architecture) are checked against the prices at their place. */
	if (s->pricing != NULL && cost_check(s->pricing, &a->workload,
	    a->file, e) != 0)
		return -1;
	return 0;
}

/* Two optional strings are the same (NULL is unset). */
static int
same_text(const char *a, const char *b)
{
	if (a == NULL || b == NULL)
		return a == b;
	return strcmp(a, b) == 0;
}

/* Whether the workshop's part differs: votes, reveals, identities. */
static int
votes_differ(const struct answers *a, const struct answers *b)
{
	const struct model *m = a->model;
	int i, j, q;

	if (a->nidents != b->nidents ||
	    memcmp(a->revealed, b->revealed, (size_t)m->nquestions) != 0)
		return 1;
	for (i = 0; i < a->nidents; i++) {
		if ((j = answers_find_ident(b, a->ident[i])) < 0 ||
		    !same_text(a->ident_as[i], b->ident_as[j]))
			return 1;
		for (q = 0; q < m->nquestions; q++)
			if (a->vote[i][q] != b->vote[j][q])
				return 1;
	}
	return 0;
}

/* What differs between answers A and B (of one model). */
static unsigned
answers_diff(const struct answers *a, const struct answers *b)
{
	const struct model *m = a->model;
	unsigned what = 0;
	int i;

	for (i = 0; i < m->nquestions; i++) {
		if (a->answer[i] != b->answer[i])
			what |= SESSION_ANSWERS;
		if (!same_text(a->note[i], b->note[i]))
			what |= SESSION_NOTES;
	}
	for (i = 0; i < m->ndims; i++)
		if (a->weight[i] != b->weight[i])
			what |= SESSION_WEIGHTS;
	for (i = 0; i < WL_NFIELDS; i++)
		if (a->workload.num[i] != b->workload.num[i] ||
		    strcmp(a->workload.text[i], b->workload.text[i]) != 0)
			what |= SESSION_WORKLOAD;
	if (!same_text(a->context, b->context))
		what |= SESSION_CONTEXT;
	if (a->nparticipants != b->nparticipants)
		what |= SESSION_PARTICIPANTS;
	for (i = 0; i < a->nparticipants && i < b->nparticipants; i++)
		if (strcmp(a->participants[i], b->participants[i]) != 0)
			what |= SESSION_PARTICIPANTS;
	if (votes_differ(a, b))
		what |= SESSION_VOTES;
	if (what & (SESSION_ANSWERS | SESSION_WEIGHTS | SESSION_WORKLOAD))
		what |= SESSION_RESULT;
	return what;
}

/* Load session INFO from the store in place of what S holds. */
static int
load(struct session *s, const struct store_session *info, unsigned *what,
    struct err *e)
{
	struct answers *a;
	int skipped = 0;
	unsigned w;

	if (s->store == NULL) {
		err_set(e, "no session database is open");
		return -1;
	}
	if (store_data_version(s->store, &s->data_version, e) < 0)
		return -1;
	a = store_load(s->store, info->id, &skipped, e);
	if (a == NULL)
		return -1;
	if (answers_adopt_provider(a, NULL, e) != 0) {
		answers_free(a);
		return -1;
	}
	w = info->id != s->info.id ? SESSION_EVERYTHING :
	    answers_diff(s->answers, a);
	if (strcmp(info->name, s->info.name) != 0)
		w |= SESSION_NAME;
	answers_free(s->answers);
	s->answers = a;
	s->info = *info;
	s->skipped = skipped;
	session_evaluate(s);
	if (what != NULL)
		*what |= w;
	return 0;
}

int
session_open(struct session *s, const char *name, int create, int *created,
    unsigned *what, struct err *e)
{
	struct store_session info;
	int rc;

	if (created != NULL)
		*created = 0;
	if (s->store == NULL) {
		err_set(e, "no session database is open");
		return -1;
	}
	if (create)
		rc = store_find_or_create(s->store, name, &info, created, e) ==
		    0 ? 1 : -1;
	else
		rc = store_find(s->store, name, &info, e);
	if (rc != 1)
		return rc;
	return load(s, &info, what, e) == 0 ? 1 : -1;
}

int
session_open_id(struct session *s, long long sid, unsigned *what,
    struct err *e)
{
	struct store_session info;
	int rc;

	if (s->store == NULL) {
		err_set(e, "no session database is open");
		return -1;
	}
	if ((rc = store_find_id(s->store, sid, &info, e)) != 1)
		return rc;
	return load(s, &info, what, e) == 0 ? 1 : -1;
}

const char *
session_unused_name(struct session *s, const char *base, char *buf,
    size_t size)
{
	struct store_session found;
	struct err e;
	int i;

	snprintf(buf, size, "%s", base);
	for (i = 2; i < 1000 && s->store != NULL &&
	    store_find(s->store, buf, &found, &e) == 1; i++)
		snprintf(buf, size, "%s (%d)", base, i);
	return buf;
}

const char *
session_new_name(struct session *s, char *buf, size_t size)
{
	char base[64], day[32];

	snprintf(base, sizeof base, "workshop %s", phrase_time(s->now,
	    PHRASE_TIME_DAY, day, sizeof day));
	return session_unused_name(s, base, buf, size);
}

int
session_open_default(struct session *s, const char *name, struct err *e)
{
	struct store_session info;
	char fresh[ANSWERS_NAME_MAX + 1];
	int rc;

	if (name != NULL)
		return session_open(s, name, 1, NULL, NULL, e) == 1 ? 0 : -1;
	if (s->store == NULL) {
		err_set(e, "no session database is open");
		return -1;
	}
	rc = store_latest(s->store, &info, e);
	if (rc < 0)
		return -1;
	if (rc == 1)
		return load(s, &info, NULL, e);
	session_new_name(s, fresh, sizeof fresh);
	return session_open(s, fresh, 1, NULL, NULL, e) == 1 ? 0 : -1;
}

/* After a change RC (1 saved, 0 already so, -1 failed) to the store:
 * re-evaluate and report W in *WHAT.  (Our own writes leave the data
 * version alone: it counts other connections' commits.) */
static int
changed(struct session *s, int rc, unsigned w, unsigned *what)
{
	if (rc < 0)
		return -1;
	if (rc == 0)
		return 0;
	if (w & (SESSION_ANSWERS | SESSION_WEIGHTS | SESSION_WORKLOAD))
		w |= SESSION_RESULT;
	session_evaluate(s);
	if (what != NULL)
		*what |= w;
	return 0;
}

/* Whether S has a session open from a store. */
static int
is_open(struct session *s, struct err *e)
{
	if (s->store == NULL || s->info.id == 0) {
		err_set(e, "no session is open");
		return 0;
	}
	return 1;
}

/* Whether S has a session to change. */
static int
writable(struct session *s, struct err *e)
{
	if (!is_open(s, e))
		return 0;
	if (store_readonly(s->store)) {
		err_set(e, "this explorer only watches (--read-only); nothing "
		    "is saved");
		return 0;
	}
	return 1;
}

/* A node type belongs to one provider: the new provider's default
 * takes over when it has no node of that name. */
static int
keep_node_type(struct session *s, unsigned *what, struct err *e)
{
	const struct workload *w = &s->answers->workload;

	if (s->pricing != NULL && w->text[WL_NODE_TYPE][0] != '\0' &&
	    cost_node(&s->pricing->provider[(int)w->num[WL_PROVIDER]], w) ==
	    NULL)
		return session_set_workload(s, WL_NODE_TYPE, NULL, what, e);
	return 0;
}

int
session_set_answer(struct session *s, int q, int a, unsigned *what,
    struct err *e)
{
	int rc;

	if (!writable(s, e))
		return -1;
	if (s->answers->answer[q] == a)
		return 0;
	/* An older session's `workload: provider` is read as the provider
	 * answer; once the answer is set, the figure goes. */
	if (q == s->model->role_question[MODEL_QROLE_PROVIDER] &&
	    s->answers->provider_from_workload) {
		if (store_set_workload(s->store, s->info.id, WL_PROVIDER, NULL,
		    e) < 0)
			return -1;
		s->answers->provider_from_workload = 0;
	}
	rc = store_set_answer(s->store, s->info.id, q, a, e);
	if (rc > 0)
		s->answers->answer[q] = a;
	if (changed(s, rc, SESSION_ANSWERS, what) != 0)
		return -1;
	if (q == s->model->role_question[MODEL_QROLE_PROVIDER])
		return keep_node_type(s, what, e);
	return 0;
}

/* TEXT kept in the answers' arena, NULL for empty; -1 out of memory. */
static int
keep_text(struct session *s, const char *text, const char **out,
    struct err *e)
{
	*out = NULL;
	if (text == NULL || text[0] == '\0')
		return 0;
	if ((*out = answers_strdup(s->answers, text)) == NULL) {
		err_set(e, "out of memory");
		return -1;
	}
	return 0;
}

int
session_set_note(struct session *s, int q, const char *text, unsigned *what,
    struct err *e)
{
	const char *kept;
	int rc;

	if (!writable(s, e))
		return -1;
	if (text != NULL && text[0] == '\0')
		text = NULL;
	if (same_text(s->answers->note[q], text))
		return 0;
	if (keep_text(s, text, &kept, e) != 0)
		return -1;
	rc = store_set_note(s->store, s->info.id, q, text, e);
	if (rc > 0)
		s->answers->note[q] = kept;
	return changed(s, rc, SESSION_NOTES, what);
}

int
session_set_weight(struct session *s, int d, int weight, unsigned *what,
    struct err *e)
{
	int rc;

	if (!writable(s, e))
		return -1;
	if (s->answers->weight[d] == weight)
		return 0;
	rc = store_set_weight(s->store, s->info.id, d, weight, e);
	if (rc > 0)
		s->answers->weight[d] = weight;
	return changed(s, rc, SESSION_WEIGHTS, what);
}

int
session_set_workload(struct session *s, int f, const char *text,
    unsigned *what, struct err *e)
{
	struct workload w = s->answers->workload;
	int pq = s->model->role_question[MODEL_QROLE_PROVIDER];
	char msg[256];
	int rc;

	if (!writable(s, e))
		return -1;
	if (text != NULL && workload_parse(&w, f, text, msg,
	    sizeof msg) != 0) {
		err_set(e, "%s", msg);
		return -1;
	}
	/* The provider is the provider question's answer where the model
	 * asks it (the cost panel's field sets that answer). */
	if (f == WL_PROVIDER && pq >= 0) {
		int ai = text == NULL ? -1 : model_answer_index(s->model, pq,
		    wl_fields[WL_PROVIDER].choices[(int)w.num[WL_PROVIDER]]);

		if (text != NULL && ai < 0) {
			err_set(e, "'%s' is not an answer to question '%s'",
			    text, s->model->questions[pq].id);
			return -1;
		}
		return session_set_answer(s, pq, ai, what, e);
	}
	if (text == NULL) {
		w.num[f] = wl_fields[f].def;
		w.text[f][0] = '\0';
		w.set &= ~(1u << f);
	}
	rc = store_set_workload(s->store, s->info.id, f, text, e);
	if (rc < 0)
		return -1;
	s->answers->workload = w;
	if (changed(s, rc, SESSION_WORKLOAD, what) != 0)
		return -1;
	if (f == WL_PROVIDER)
		return keep_node_type(s, what, e);
	return 0;
}

int
session_set_context(struct session *s, const char *text, unsigned *what,
    struct err *e)
{
	const char *kept;
	int rc;

	if (!writable(s, e))
		return -1;
	if (text != NULL && text[0] == '\0')
		text = NULL;
	if (same_text(s->answers->context, text))
		return 0;
	if (keep_text(s, text, &kept, e) != 0)
		return -1;
	rc = store_set_context(s->store, s->info.id, text, e);
	if (rc > 0)
		s->answers->context = kept;
	return changed(s, rc, SESSION_CONTEXT, what);
}

int
session_set_participants(struct session *s, int n, const char *const *names,
    unsigned *what, struct err *e)
{
	const char **kept;
	int rc, i;

	if (!writable(s, e))
		return -1;
	if (n < 0 || n > ANSWERS_MAX_PARTICIPANTS) {
		err_set(e, "at most %d participants", ANSWERS_MAX_PARTICIPANTS);
		return -1;
	}
	kept = arena_array(s->answers->arena, (size_t)n + 1, sizeof *kept);
	if (kept == NULL) {
		err_set(e, "out of memory");
		return -1;
	}
	for (i = 0; i < n; i++)
		if ((kept[i] = answers_strdup(s->answers, names[i])) == NULL) {
			err_set(e, "out of memory");
			return -1;
		}
	rc = store_set_participants(s->store, s->info.id, n, names, e);
	if (rc > 0) {
		s->answers->participants = kept;
		s->answers->nparticipants = n;
	}
	return changed(s, rc, SESSION_PARTICIPANTS, what);
}

int
session_reload(struct session *s, unsigned *what, struct err *e)
{
	struct store_session info;
	int rc;

	if (!is_open(s, e))
		return -1;
	rc = store_find_id(s->store, s->info.id, &info, e);
	if (rc < 0)
		return -1;
	if (rc == 0) {
		err_set(e, "the session '%s' was deleted meanwhile",
		    s->info.name);
		return -1;
	}
	return load(s, &info, what, e);
}

int
session_undo(struct session *s, const char *by, int force,
    struct store_undo *u, unsigned *what, struct err *e)
{
	int rc;

	if (!writable(s, e))
		return -1;
	rc = store_undo(s->store, s->info.id, by, force, u, e);
	if (rc != 1)
		return rc;
	return session_reload(s, what, e) == 0 ? 1 : -1;
}

int
session_redo(struct session *s, struct store_undo *u, unsigned *what,
    struct err *e)
{
	int rc;

	if (!writable(s, e))
		return -1;
	rc = store_redo(s->store, s->info.id, u, e);
	if (rc != 1)
		return rc;
	return session_reload(s, what, e) == 0 ? 1 : -1;
}

const char *
session_ident(const struct session *s)
{
	return s->store != NULL ? store_user(s->store) : "";
}

int
session_vote(struct session *s, const char *ident, int q, int a,
    unsigned *what, struct err *e)
{
	int rc, who;

	if (!writable(s, e))
		return -1;
	if (ident == NULL)
		ident = session_ident(s);
	if (answers_ident_check(ident, e) != 0)
		return -1;
	who = answers_find_ident(s->answers, ident);
	if (who >= 0 && s->answers->vote[who][q] == a)
		return 0;
	rc = store_set_vote(s->store, s->info.id, ident, q, a, e);
	if (rc > 0 && (who = answers_add_ident(s->answers, ident)) < 0)
		return session_reload(s, what, e);
	if (rc > 0)
		s->answers->vote[who][q] = a;
	return changed(s, rc, SESSION_VOTES, what);
}

int
session_reveal(struct session *s, int q, unsigned *what, struct err *e)
{
	int rc;

	if (!writable(s, e))
		return -1;
	if (s->answers->revealed[q])
		return 0;
	rc = store_set_reveal(s->store, s->info.id, q, 1, e);
	if (rc > 0)
		s->answers->revealed[q] = 1;
	return changed(s, rc, SESSION_VOTES, what);
}

int
session_set_identity(struct session *s, const char *ident, const char *who,
    unsigned *what, struct err *e)
{
	const char *kept;
	int rc, i;

	if (!writable(s, e))
		return -1;
	if (who != NULL && who[0] == '\0')
		who = NULL;
	i = answers_find_ident(s->answers, ident);
	if (i >= 0 && same_text(s->answers->ident_as[i], who))
		return 0;
	if (keep_text(s, who, &kept, e) != 0)
		return -1;
	rc = store_set_identity(s->store, s->info.id, ident, who, e);
	if (rc > 0 && (i = answers_add_ident(s->answers, ident)) < 0)
		return session_reload(s, what, e);
	if (rc > 0)
		s->answers->ident_as[i] = kept;
	return changed(s, rc, SESSION_VOTES | SESSION_PARTICIPANTS, what);
}

/* After a text save against BASE that found the text changed (RC 2):
 * read what the database holds now, and say so. */
static int
text_conflict(struct session *s, int rc, unsigned *what, struct err *e)
{
	if (rc != 2)
		return rc;
	if (session_reload(s, what, e) != 0)
		return -1;
	return 2;
}

int
session_set_note_from(struct session *s, int q, const char *text,
    const char *base, unsigned *what, struct err *e)
{
	int rc;

	if (!writable(s, e))
		return -1;
	rc = store_set_note_if(s->store, s->info.id, q, text, base, e);
	if (rc == 1)
		return session_reload(s, what, e);
	return text_conflict(s, rc, what, e);
}

int
session_set_context_from(struct session *s, const char *text,
    const char *base, unsigned *what, struct err *e)
{
	int rc;

	if (!writable(s, e))
		return -1;
	rc = store_set_context_if(s->store, s->info.id, text, base, e);
	if (rc == 1)
		return session_reload(s, what, e);
	return text_conflict(s, rc, what, e);
}

int
session_set_participants_from(struct session *s, int n,
    const char *const *names, int base_n, const char *const *base,
    unsigned *what, struct err *e)
{
	int rc;

	if (!writable(s, e))
		return -1;
	rc = store_set_participants_if(s->store, s->info.id, n, names, base_n,
	    base, e);
	if (rc == 1)
		return session_reload(s, what, e);
	return text_conflict(s, rc, what, e);
}

int
session_refresh(struct session *s, unsigned *what, struct err *e)
{
	long long v = s->data_version;
	int rc;

	if (!is_open(s, e))
		return -1;
	if ((rc = store_data_version(s->store, &v, e)) != 0)
		return rc < 0 ? -1 : 0;
	if (v == s->data_version)
		return 0;
	if (what != NULL)
		*what |= SESSION_LIST;
	return session_reload(s, what, e);
}

int
session_rename(struct session *s, const char *from, const char *to,
    unsigned *what, struct err *e)
{
	int open = strcmp(from, s->info.name) == 0;

	if (strcmp(from, to) == 0)
		return 0;
	if (!writable(s, e) || answers_name_check(to, e) != 0)
		return -1;
	if (store_rename(s->store, from, to, e) != 0)
		return -1;
	if (open)
		snprintf(s->info.name, sizeof s->info.name, "%s", to);
	if (what != NULL)
		*what |= SESSION_LIST | (open ? SESSION_NAME : 0);
	return 0;
}

int
session_copy(struct session *s, const char *from, const char *to,
    unsigned *what, struct err *e)
{
	if (!writable(s, e) || answers_name_check(to, e) != 0)
		return -1;
	if (store_copy(s->store, from, to, e) != 0)
		return -1;
	if (what != NULL)
		*what |= SESSION_LIST;
	return 0;
}

int
session_delete(struct session *s, const char *name, unsigned *what,
    struct err *e)
{
	if (!writable(s, e))
		return -1;
	if (strcmp(name, s->info.name) == 0) {
		err_set(e, "this session is open; open another before "
		    "deleting it");
		return -1;
	}
	if (store_delete(s->store, name, e) != 0)
		return -1;
	if (what != NULL)
		*what |= SESSION_LIST;
	return 0;
}

/* Evaluate A as session_evaluate would, into R. */
static void
peek_evaluate(const struct session *s, struct answers *a,
    struct eval_result *r)
{
	static struct cost_result c;	/* large; one peek at a time */
	double costs[MODEL_MAX_OPTIONS];
	int ok;

	settle_workload(s->model, a);
	ok = s->pricing != NULL && a->workload.set != 0 &&
	    cost_run(s->pricing, s->model, &a->workload, &c) == 0;
	eval_run_costs(s->model, a->answer, a->weight,
	    bill(s->model, a, &c, ok, costs), r);
}

int
session_peek(struct session *s, long long sid, struct eval_result *r,
    struct err *e)
{
	struct answers *a;

	if (s->store == NULL) {
		err_set(e, "no session database is open");
		return -1;
	}
	if ((a = store_load(s->store, sid, NULL, e)) == NULL)
		return -1;
	if (answers_adopt_provider(a, NULL, e) != 0) {
		answers_free(a);
		return -1;
	}
	peek_evaluate(s, a, r);
	answers_free(a);
	return 0;
}

void
session_report(const struct session *s, struct report *r)
{
	*r = (struct report){ .model = s->model, .answers = s->answers,
	    .result = s->result, .now = s->now, .disagree = s->disagree };
	if (s->cost_ok) {
		r->pricing = s->pricing;
		r->cost = &s->cost;
	}
}
