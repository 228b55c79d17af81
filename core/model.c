/* model.c - loading and validating the decision model; see model.h. */
#include "config.h"

#include "model.h"
#include "ydoc.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* State shared by the section loaders below. */
/* A block whose `when` waits for every question to be known. */
struct pending_block {
	struct model_block *b;
	const struct ynode *when;
};

struct loader {
	struct model *m;
	struct ydoc doc;
	struct err *e;
	struct pending_block *pending;	/* malloc'd; freed after loading */
	size_t npending, pending_size;
};

#define FAIL(n, ...) yerr(&L->doc, (n), L->e, __VA_ARGS__)

static void *
alloc_array(struct loader *L, size_t n, size_t size)
{
	void *p = arena_array(L->m->arena, n ? n : 1, size);

	if (p == NULL)
		err_set(L->e, "out of memory");
	return p;
}

/* FNV-1a: question ids are short, and a model has few of them. */
static size_t
id_hash(const char *s)
{
	size_t h = (size_t)2166136261u;

	for (; *s != '\0'; s++)
		h = (h ^ (unsigned char)*s) * (size_t)16777619u;
	return h;
}

/* Room for TOTAL questions in the id hash, at most half full. */
static int
qhash_init(struct loader *L, size_t total)
{
	struct model *m = L->m;
	size_t size = 16, i;

	while (size < 2 * total)
		size *= 2;
	m->qhash = alloc_array(L, size, sizeof *m->qhash);
	if (m->qhash == NULL)
		return -1;
	for (i = 0; i < size; i++)
		m->qhash[i] = -1;
	m->qhash_size = size;
	return 0;
}

static void
qhash_add(struct model *m, int q)
{
	size_t i = id_hash(m->questions[q].id) & (m->qhash_size - 1);

	while (m->qhash[i] >= 0)
		i = (i + 1) & (m->qhash_size - 1);
	m->qhash[i] = q;
}

/* Require N to be a non-empty list of at most MAX items. */
static int
expect_list(struct loader *L, const struct ynode *n, const char *what,
    size_t max)
{
	if (yexpect(&L->doc, n, Y_SEQ, what, L->e) != 0)
		return -1;
	if (n->len == 0)
		return FAIL(n, "%s must not be empty", what);
	if (n->len > max)
		return FAIL(n, "%s has %zu entries; the limit is %zu", what,
		    n->len, max);
	return 0;
}

static int
find_option(const struct model *m, const struct ynode *n)
{
	return model_option_index(m, n->str);
}

/* Resolve scalar N naming an option; WHAT says where it appears. */
static int
ref_option(struct loader *L, const struct ynode *n, const char *what)
{
	char q[128];
	int o;

	if (n->type != Y_SCALAR || yis_null(n))
		return FAIL(n, "%s must be an option id, not %s", what,
		    ytype_name(n));
	o = find_option(L->m, n);
	if (o < 0)
		return FAIL(n, "unknown option '%s' in %s", err_quote(q,
		    sizeof q, n->str, n->len), what);
	return o;
}

static int
ref_dim(struct loader *L, const struct ynode *n, const char *what)
{
	char q[128];
	int d;

	if (n->type != Y_SCALAR || yis_null(n))
		return FAIL(n, "%s must be a dimension id, not %s", what,
		    ytype_name(n));
	d = model_dim_index(L->m, n->str);
	if (d < 0)
		return FAIL(n, "unknown dimension '%s' in %s", err_quote(q,
		    sizeof q, n->str, n->len), what);
	return d;
}

static int
load_header(struct loader *L, const struct ynode *n)
{
	static const char *const keys[] = { "id", "version", "title", NULL };
	struct model *m = L->m;

	if (yexpect(&L->doc, n, Y_MAP, "'model'", L->e) != 0 ||
	    ymap_check(&L->doc, n, "'model'", keys, keys, L->e) != 0 ||
	    yscalar_id(&L->doc, ymap_get(n, "id"), "model id", &m->id,
	    L->e) != 0 ||
	    yscalar_text(&L->doc, ymap_get(n, "version"), "model version", 64,
	    0, 0, &m->version, L->e) != 0 ||
	    yscalar_text(&L->doc, ymap_get(n, "title"), "model title",
	    YDOC_MAX_LINE, 0, 0, &m->title, L->e) != 0)
		return -1;
	return 0;
}

static const char *const shape_names[MODEL_NSHAPES + 1] = {
#define MODEL_SHAPE_NAME(id, name) name,
	MODEL_SHAPES(MODEL_SHAPE_NAME)
#undef MODEL_SHAPE_NAME
	NULL
};

const char *
model_shape_name(int s)
{
	return s >= 0 && s < MODEL_NSHAPES ? shape_names[s] : "none";
}

/* cost: functions | cluster | split | containers */
static int
load_shape(struct loader *L, const struct ynode *n, struct model_option *o)
{
	char q[128];
	int s;

	if (n->type != Y_SCALAR || yis_null(n))
		return FAIL(n, "the cost shape of option '%s' must be one of "
		    "functions, cluster, split or containers, not %s", o->id,
		    ytype_name(n));
	for (s = 0; s < MODEL_NSHAPES; s++)
		if (strlen(shape_names[s]) == n->len &&
		    strcmp(shape_names[s], n->str) == 0) {
			o->shape = s;
			return 0;
		}
	return FAIL(n, "unknown cost shape '%s' for option '%s' (expected "
	    "functions, cluster, split or containers)", err_quote(q, sizeof q,
	    n->str, n->len), o->id);
}

static int
load_options(struct loader *L, const struct ynode *list)
{
	static const char *const keys[] = { "id", "title", "summary", "cost",
	    NULL };
	static const char *const req[] = { "id", "title", NULL };
	struct model *m = L->m;
	size_t i;
	int s;
	char q[128];

	if (yexpect(&L->doc, list, Y_SEQ, "'options'", L->e) != 0)
		return -1;
	if (list->len == 0)
		return FAIL(list, "'options' must not be empty");
	m->options = alloc_array(L, list->len, sizeof *m->options);
	if (m->options == NULL)
		return -1;
	for (s = 0; s < MODEL_NSHAPES; s++)
		m->shape_option[s] = -1;
	for (i = 0; i < list->len; i++) {
		const struct ynode *n = list->kids[i], *v;
		struct model_option *o = &m->options[i];

		if (yexpect(&L->doc, n, Y_MAP, "an option", L->e) != 0 ||
		    ymap_check(&L->doc, n, "an option", keys, req, L->e) != 0 ||
		    yscalar_id(&L->doc, ymap_get(n, "id"), "option id", &o->id,
		    L->e) != 0)
			return -1;
		/* The evaluator's word for "no option leads" (eval.h). */
		if (strcmp(o->id, "undecided") == 0)
			return FAIL(ymap_get(n, "id"), "option id 'undecided' is "
			    "reserved: reports use it when no option leads");
		if (model_option_index(m, o->id) >= 0)
			return FAIL(ymap_get(n, "id"), "duplicate option id "
			    "'%s'", err_quote(q, sizeof q, o->id,
			    strlen(o->id)));
		if (yscalar_text(&L->doc, ymap_get(n, "title"), "option title",
		    YDOC_MAX_LINE, 0, 0, &o->title, L->e) != 0)
			return -1;
		o->summary = "";
		if ((v = ymap_get(n, "summary")) != NULL &&
		    yscalar_text(&L->doc, v, "option summary", YDOC_MAX_TEXT,
		    1, 1, &o->summary, L->e) != 0)
			return -1;
		o->shape = MODEL_SHAPE_NONE;
		if ((v = ymap_get(n, "cost")) != NULL && load_shape(L, v, o) != 0)
			return -1;
		if (o->shape >= 0 && m->shape_option[o->shape] < 0)
			m->shape_option[o->shape] = (int)i;
		m->noptions++;
	}
	/* Counted once each option is known good, so a mistake in one is
	 * reported as itself. */
	if (list->len < MODEL_MIN_OPTIONS || list->len > MODEL_MAX_OPTIONS)
		return FAIL(list, "'options' has %zu %s; a model has %d to %d "
		    "options", list->len, list->len == 1 ? "entry" : "entries",
		    MODEL_MIN_OPTIONS, MODEL_MAX_OPTIONS);
	return 0;
}

static int
load_dims(struct loader *L, const struct ynode *list)
{
	static const char *const keys[] = { "id", "title", "weight", "help",
	    "cost", NULL };
	static const char *const req[] = { "id", "title", "weight", NULL };
	struct model *m = L->m;
	size_t i;
	long w;
	int priced;
	char q[128];

	if (expect_list(L, list, "'dimensions'", MODEL_MAX_DIMS) != 0)
		return -1;
	m->dims = alloc_array(L, list->len, sizeof *m->dims);
	if (m->dims == NULL)
		return -1;
	for (i = 0; i < list->len; i++) {
		const struct ynode *n = list->kids[i], *v;
		struct model_dim *d = &m->dims[i];

		if (yexpect(&L->doc, n, Y_MAP, "a dimension", L->e) != 0 ||
		    ymap_check(&L->doc, n, "a dimension", keys, req,
		    L->e) != 0 ||
		    yscalar_id(&L->doc, ymap_get(n, "id"), "dimension id",
		    &d->id, L->e) != 0)
			return -1;
		if (model_dim_index(m, d->id) >= 0)
			return FAIL(ymap_get(n, "id"), "duplicate dimension id "
			    "'%s'", err_quote(q, sizeof q, d->id,
			    strlen(d->id)));
		if (yscalar_text(&L->doc, ymap_get(n, "title"),
		    "dimension title", YDOC_MAX_LINE, 0, 0, &d->title,
		    L->e) != 0 ||
		    yscalar_long(&L->doc, ymap_get(n, "weight"),
		    "dimension weight", 0, MODEL_MAX_WEIGHT, &w, L->e) != 0)
			return -1;
		d->weight = (int)w;
		d->help = "";
		if ((v = ymap_get(n, "help")) != NULL &&
		    yscalar_text(&L->doc, v, "dimension help", YDOC_MAX_TEXT,
		    1, 1, &d->help, L->e) != 0)
			return -1;
		priced = 0;
		if ((v = ymap_get(n, "cost")) != NULL &&
		    yscalar_bool(&L->doc, v, "a dimension's 'cost'", &priced,
		    L->e) != 0)
			return -1;
		if (priced && m->cost_dim >= 0)
			return FAIL(v, "dimension '%s' is marked 'cost: true', "
			    "and so is '%s': only one dimension counts the "
			    "bill", d->id, m->dims[m->cost_dim].id);
		if (priced)
			m->cost_dim = (int)i;
		m->ndims++;
	}
	return 0;
}

/* scores: {option: {dimension: points}} */
static int
load_scores(struct loader *L, const struct ynode *n, struct model_answer *a)
{
	const struct model *m = L->m;
	size_t i, j;

	if (yexpect(&L->doc, n, Y_MAP, "'scores'", L->e) != 0)
		return -1;
	if (n->len == 0)
		return FAIL(n, "'scores' must not be empty (leave it out "
		    "instead)");
	for (i = 0; i < n->len; i++) {
		const struct ynode *k = n->kids[2 * i], *v = n->kids[2 * i + 1];
		int o = ref_option(L, k, "'scores'");

		if (o < 0)
			return -1;
		if (yexpect(&L->doc, v, Y_MAP, "the scores of an option",
		    L->e) != 0)
			return -1;
		if (v->len == 0)
			return FAIL(v, "the scores of option '%s' must not be "
			    "empty", m->options[o].id);
		for (j = 0; j < v->len; j++) {
			int d = ref_dim(L, v->kids[2 * j], "'scores'");
			double pts;

			if (d < 0 || yscalar_double(&L->doc, v->kids[2 * j + 1],
			    "a score", -MODEL_MAX_EFFECT, MODEL_MAX_EFFECT,
			    &pts, L->e) != 0)
				return -1;
			a->effect[o * m->ndims + d] = pts;
		}
	}
	return 0;
}

/* One block of option O: a reason, or {reason, when}.  Its `when` may
 * name any question, later ones too, so it is resolved once every
 * question is known (resolve_block_conds); WHENS[i] keeps its node. */
static int
load_block(struct loader *L, const struct ynode *n, int o,
    struct model_block *b)
{
	static const char *const keys[] = { "reason", "when", NULL };
	static const char *const req[] = { "reason", NULL };
	const struct ynode *when;

	b->option = o;
	if (n->type == Y_SCALAR)
		return yscalar_text(&L->doc, n, "a block reason",
		    YDOC_MAX_LINE, 0, 0, &b->reason, L->e);
	if (yexpect(&L->doc, n, Y_MAP, "a block", L->e) != 0 ||
	    ymap_check(&L->doc, n, "a block", keys, req, L->e) != 0 ||
	    yscalar_text(&L->doc, ymap_get(n, "reason"), "a block reason",
	    YDOC_MAX_LINE, 0, 0, &b->reason, L->e) != 0)
		return -1;
	if ((when = ymap_get(n, "when")) == NULL)
		return 0;
	if (L->npending == L->pending_size) {
		size_t size = L->pending_size ? 2 * L->pending_size : 16;
		struct pending_block *p = realloc(L->pending,
		    size * sizeof *p);

		if (p == NULL) {
			err_set(L->e, "out of memory");
			return -1;
		}
		L->pending = p;
		L->pending_size = size;
	}
	L->pending[L->npending++] = (struct pending_block){ b, when };
	return 0;
}

/* blocks: {option: reason | [reason or {reason, when}, ...]} */
static int
load_blocks(struct loader *L, const struct ynode *n, struct model_answer *a)
{
	size_t i, j, total = 0;

	if (yexpect(&L->doc, n, Y_MAP, "'blocks'", L->e) != 0)
		return -1;
	if (n->len == 0)
		return FAIL(n, "'blocks' must not be empty (leave it out "
		    "instead)");
	for (i = 0; i < n->len; i++) {
		const struct ynode *v = n->kids[2 * i + 1];

		if (v->type == Y_SEQ && expect_list(L, v, "the blocks of an "
		    "option", MODEL_MAX_BLOCKS) != 0)
			return -1;
		total += v->type == Y_SEQ ? v->len : 1;
	}
	a->blocks = alloc_array(L, total, sizeof *a->blocks);
	if (a->blocks == NULL)
		return -1;
	for (i = 0; i < n->len; i++) {
		const struct ynode *v = n->kids[2 * i + 1];
		int o = ref_option(L, n->kids[2 * i], "'blocks'");
		size_t count = v->type == Y_SEQ ? v->len : 1;

		if (o < 0)
			return -1;
		for (j = 0; j < count; j++) {
			struct model_block *b = &a->blocks[a->nblocks];

			if (load_block(L, v->type == Y_SEQ ? v->kids[j] : v,
			    o, b) != 0)
				return -1;
			if (a->block[o] == NULL)
				a->block[o] = b->reason;
			a->nblocks++;
		}
		a->block_mask |= 1u << o;
	}
	return 0;
}

static const char *const question_roles[] = {
#define MODEL_ROLE_NAME(id, name) name,
	MODEL_QUESTION_ROLES(MODEL_ROLE_NAME)
	NULL
};
static const char *const answer_roles[] = {
	MODEL_ANSWER_ROLES(MODEL_ROLE_NAME)
#undef MODEL_ROLE_NAME
	NULL
};

/* `role: NAME`, one of ROLES (N of them), into *OUT. */
static int
load_role(struct loader *L, const struct ynode *n, const char *const *roles,
    int nroles, const char *what, int *out)
{
	char q[128], list[256];
	size_t o = 0;
	int i;

	if (n->type != Y_SCALAR || yis_null(n))
		return FAIL(n, "the role of %s must be a name, not %s", what,
		    ytype_name(n));
	for (i = 0; i < nroles; i++)
		if (strcmp(n->str, roles[i]) == 0) {
			*out = i;
			return 0;
		}
	list[0] = '\0';
	for (i = 0; i < nroles && o < sizeof list; i++)
		o += (size_t)snprintf(list + o, sizeof list - o, "%s%s",
		    i ? ", " : "", roles[i]);
	return FAIL(n, "unknown role '%s' for %s (expected: %s)", err_quote(q,
	    sizeof q, n->str, n->len), what, list);
}

static int
load_answer(struct loader *L, const struct ynode *n,
    struct model_question *qn, int index)
{
	static const char *const keys[] = { "id", "label", "help", "scores",
	    "blocks", "role", NULL };
	static const char *const req[] = { "id", "label", NULL };
	struct model *m = L->m;
	struct model_answer *a = &qn->answers[index];
	const struct ynode *v;
	char q[128];
	int i;

	if (yexpect(&L->doc, n, Y_MAP, "an answer", L->e) != 0 ||
	    ymap_check(&L->doc, n, "an answer", keys, req, L->e) != 0 ||
	    yscalar_id(&L->doc, ymap_get(n, "id"), "answer id", &a->id,
	    L->e) != 0)
		return -1;
	a->line = ymap_get(n, "id")->line;
	a->col = ymap_get(n, "id")->col;
	for (i = 0; i < index; i++)
		if (strcmp(qn->answers[i].id, a->id) == 0)
			return FAIL(ymap_get(n, "id"), "duplicate answer id "
			    "'%s' in question '%s'", err_quote(q, sizeof q,
			    a->id, strlen(a->id)), qn->id);
	if (yscalar_text(&L->doc, ymap_get(n, "label"), "answer label",
	    YDOC_MAX_LINE, 0, 0, &a->label, L->e) != 0)
		return -1;
	a->help = "";
	if ((v = ymap_get(n, "help")) != NULL &&
	    yscalar_text(&L->doc, v, "answer help", YDOC_MAX_TEXT, 1, 1,
	    &a->help, L->e) != 0)
		return -1;
	a->effect = alloc_array(L, (size_t)m->noptions * (size_t)m->ndims,
	    sizeof *a->effect);
	a->block = alloc_array(L, (size_t)m->noptions, sizeof *a->block);
	if (a->effect == NULL || a->block == NULL)
		return -1;
	if ((v = ymap_get(n, "scores")) != NULL && load_scores(L, v, a) != 0)
		return -1;
	if ((v = ymap_get(n, "blocks")) != NULL && load_blocks(L, v, a) != 0)
		return -1;
	if ((v = ymap_get(n, "role")) != NULL && load_role(L, v, answer_roles,
	    MODEL_NAROLES, "an answer", &i) != 0)
		return -1;
	if (v != NULL) {
		if (m->role_answer[i][0] >= 0)
			return FAIL(v, "a second answer with role '%s' (the "
			    "first is '%s' of question '%s')", answer_roles[i],
			    m->questions[m->role_answer[i][0]].answers[
			    m->role_answer[i][1]].id,
			    m->questions[m->role_answer[i][0]].id);
		m->role_answer[i][0] = m->nquestions;
		m->role_answer[i][1] = index;
	}
	return 0;
}

/* when: {question: answer | [answer, ...]} into *CONDS.  For a
 * question's own `when` (SELF >= 0) the questions must come before it;
 * a block's (SELF < 0) may name any. */
static int
load_conds(struct loader *L, const struct ynode *n, int self,
    const char *selfid, struct model_cond **conds, int *nconds)
{
	struct model *m = L->m;
	size_t i, j;
	char q[128];

	if (yexpect(&L->doc, n, Y_MAP, "'when'", L->e) != 0)
		return -1;
	if (n->len == 0)
		return FAIL(n, "'when' must not be empty (leave it out "
		    "instead)");
	*conds = alloc_array(L, n->len, sizeof **conds);
	if (*conds == NULL)
		return -1;
	for (i = 0; i < n->len; i++) {
		const struct ynode *k = n->kids[2 * i], *v = n->kids[2 * i + 1];
		struct model_cond *c = &(*conds)[i];
		int other = model_question_index(m, k->str);

		err_quote(q, sizeof q, k->str, k->len);
		if (other < 0 || (self >= 0 && other >= self))
			return FAIL(k, other < 0 && (selfid == NULL ||
			    strcmp(k->str, selfid) != 0) ?
			    "unknown question '%s' in 'when'" :
			    "'when' must name an earlier question, not '%s'",
			    q);
		c->question = other;
		if (v->type == Y_SCALAR && !yis_null(v)) {
			int a = model_answer_index(m, other, v->str);

			if (a < 0)
				return FAIL(v, "unknown answer '%s' for "
				    "question '%s'", err_quote(q, sizeof q,
				    v->str, v->len), m->questions[other].id);
			c->mask |= 1u << a;
		} else {
			if (expect_list(L, v, "the answers in 'when'",
			    MODEL_MAX_ANSWERS) != 0)
				return -1;
			for (j = 0; j < v->len; j++) {
				const struct ynode *an = v->kids[j];
				int a = an->type == Y_SCALAR ?
				    model_answer_index(m, other, an->str) : -1;

				if (a < 0)
					return FAIL(an, "unknown answer '%s' "
					    "for question '%s'", an->type ==
					    Y_SCALAR ? err_quote(q, sizeof q,
					    an->str, an->len) : "?",
					    m->questions[other].id);
				c->mask |= 1u << a;
			}
		}
		(*nconds)++;
	}
	return 0;
}

/* when: {question: [answer, ...]} naming earlier questions. */
static int
load_when(struct loader *L, const struct ynode *n, struct model_question *qn,
    int self)
{
	int i;

	if (load_conds(L, n, self, qn->id, &qn->conds, &qn->nconds) != 0)
		return -1;
	for (i = 0; i < qn->nconds; i++)
		L->m->questions[qn->conds[i].question].controls = 1;
	return 0;
}

/* The `when` of every block, now that every question is known. */
static int
resolve_block_conds(struct loader *L)
{
	size_t i;

	for (i = 0; i < L->npending; i++) {
		struct model_block *b = L->pending[i].b;

		if (load_conds(L, L->pending[i].when, -1, NULL, &b->conds,
		    &b->nconds) != 0)
			return -1;
	}
	return 0;
}

/* Question SELF's `default` (the answer its blocks' `when` read while
 * it is unanswered) and `role`, from its mapping N. */
static int
load_default_role(struct loader *L, const struct ynode *n, int self)
{
	struct model *m = L->m;
	struct model_question *qn = &m->questions[self];
	const struct ynode *v;
	char q[128];
	int role;

	qn->def = -1;
	if ((v = ymap_get(n, "default")) != NULL) {
		if (v->type != Y_SCALAR || yis_null(v) ||
		    (qn->def = model_answer_index(m, self, v->str)) < 0)
			return FAIL(v, "a question's 'default' must be one of "
			    "its answers, not '%s'", v->type == Y_SCALAR ?
			    err_quote(q, sizeof q, v->str, v->len) : "?");
	}
	if ((v = ymap_get(n, "role")) != NULL) {
		if (load_role(L, v, question_roles, MODEL_NQROLES,
		    "a question", &role) != 0)
			return -1;
		if (m->role_question[role] >= 0)
			return FAIL(v, "a second question with role '%s' (the "
			    "first is '%s')", question_roles[role],
			    m->questions[m->role_question[role]].id);
		m->role_question[role] = self;
	}
	return 0;
}

/* Question SELF's span[d]: the largest |points| any of its answers
 * gives any option in dimension d. */
static void
question_span(struct model *m, int self)
{
	struct model_question *qn = &m->questions[self];
	int a, o, d;

	for (a = 0; a < qn->nanswers; a++)
		for (o = 0; o < m->noptions; o++)
			for (d = 0; d < m->ndims; d++) {
				double x = fabs(model_effect(m, self, a, o, d));

				if (x > qn->span[d])
					qn->span[d] = x;
			}
}

static int
load_question(struct loader *L, const struct ynode *n, int panel)
{
	static const char *const keys[] = { "id", "prompt", "help", "answers",
	    "when", "role", "default", NULL };
	static const char *const req[] = { "id", "prompt", "help", "answers",
	    NULL };
	struct model *m = L->m;
	int self = m->nquestions;
	struct model_question *qn = &m->questions[self];
	const struct ynode *v;
	size_t i;
	char q[128];

	if (yexpect(&L->doc, n, Y_MAP, "a question", L->e) != 0 ||
	    ymap_check(&L->doc, n, "a question", keys, req, L->e) != 0 ||
	    yscalar_id(&L->doc, ymap_get(n, "id"), "question id", &qn->id,
	    L->e) != 0)
		return -1;
	if (model_question_index(m, qn->id) >= 0)
		return FAIL(ymap_get(n, "id"), "duplicate question id '%s'",
		    err_quote(q, sizeof q, qn->id, strlen(qn->id)));
	qn->panel = panel;
	if (yscalar_text(&L->doc, ymap_get(n, "prompt"), "question prompt",
	    YDOC_MAX_LINE, 0, 0, &qn->prompt, L->e) != 0 ||
	    yscalar_text(&L->doc, ymap_get(n, "help"), "question help",
	    YDOC_MAX_TEXT, 1, 0, &qn->help, L->e) != 0)
		return -1;
	v = ymap_get(n, "answers");
	if (yexpect(&L->doc, v, Y_SEQ, "'answers'", L->e) != 0)
		return -1;
	if (v->len < 2 || v->len > MODEL_MAX_ANSWERS)
		return FAIL(v, "question '%s' must have 2 to %d answers, not "
		    "%zu", qn->id, MODEL_MAX_ANSWERS, v->len);
	qn->answers = alloc_array(L, v->len, sizeof *qn->answers);
	qn->span = alloc_array(L, (size_t)m->ndims, sizeof *qn->span);
	if (qn->answers == NULL || qn->span == NULL)
		return -1;
	for (i = 0; i < v->len; i++)
		if (load_answer(L, v->kids[i], qn, (int)i) != 0)
			return -1;
	qn->nanswers = (int)v->len;
	/* Visible to model_question_index from here on, so `when` can
	 * refer to earlier questions and not to itself. */
	m->nquestions++;
	qhash_add(m, self);
	if ((v = ymap_get(n, "when")) != NULL && load_when(L, v, qn, self) != 0)
		return -1;
	if (load_default_role(L, n, self) != 0)
		return -1;
	question_span(m, self);
	return 0;
}

static size_t
count_questions(const struct ynode *panels)
{
	size_t i, n = 0;

	for (i = 0; i < panels->len; i++) {
		const struct ynode *qs = ymap_get(panels->kids[i], "questions");

		if (qs != NULL && qs->type == Y_SEQ)
			n += qs->len;
	}
	return n;
}

static int
load_panels(struct loader *L, const struct ynode *list)
{
	static const char *const keys[] = { "id", "title", "questions",
	    "context", NULL };
	static const char *const req[] = { "id", "title", "questions", NULL };
	struct model *m = L->m;
	size_t i, j, total;
	char q[128];

	if (expect_list(L, list, "'panels'", 256) != 0)
		return -1;
	for (i = 0; i < list->len; i++)
		if (yexpect(&L->doc, list->kids[i], Y_MAP, "a panel", L->e) != 0)
			return -1;
	total = count_questions(list);
	if (total > MODEL_MAX_QUESTIONS)
		return FAIL(list, "the model has %zu questions; the limit is "
		    "%d", total, MODEL_MAX_QUESTIONS);
	m->panels = alloc_array(L, list->len, sizeof *m->panels);
	m->questions = alloc_array(L, total, sizeof *m->questions);
	if (m->panels == NULL || m->questions == NULL ||
	    qhash_init(L, total) != 0)
		return -1;
	for (i = 0; i < list->len; i++) {
		const struct ynode *n = list->kids[i], *qs, *v;
		struct model_panel *p = &m->panels[i];

		if (ymap_check(&L->doc, n, "a panel", keys, req, L->e) != 0 ||
		    yscalar_id(&L->doc, ymap_get(n, "id"), "panel id", &p->id,
		    L->e) != 0)
			return -1;
		if (model_panel_index(m, p->id) >= 0)
			return FAIL(ymap_get(n, "id"), "duplicate panel id "
			    "'%s'", err_quote(q, sizeof q, p->id,
			    strlen(p->id)));
		if (yscalar_text(&L->doc, ymap_get(n, "title"), "panel title",
		    YDOC_MAX_LINE, 0, 0, &p->title, L->e) != 0)
			return -1;
		if ((v = ymap_get(n, "context")) != NULL &&
		    yscalar_bool(&L->doc, v, "a panel's 'context'", &p->context,
		    L->e) != 0)
			return -1;
		qs = ymap_get(n, "questions");
		if (expect_list(L, qs, "'questions'", MODEL_MAX_QUESTIONS) != 0)
			return -1;
		p->first = m->nquestions;
		m->npanels++;
		for (j = 0; j < qs->len; j++)
			if (load_question(L, qs->kids[j], (int)i) != 0)
				return -1;
		p->count = m->nquestions - p->first;
	}
	return 0;
}

/* Row R's cells, one for every option and none for any other. */
static int
load_cells(struct loader *L, const struct ynode *n, struct model_row *r)
{
	struct model *m = L->m;
	const struct ynode *cells;
	size_t i;
	int j;

	cells = ymap_get(n, "cells");
	if (yexpect(&L->doc, cells, Y_MAP, "'cells'", L->e) != 0)
		return -1;
	r->cells = alloc_array(L, (size_t)m->noptions, sizeof *r->cells);
	if (r->cells == NULL)
		return -1;
	for (i = 0; i < cells->len; i++) {
		int o = ref_option(L, cells->kids[2 * i], "'cells'");

		if (o < 0 || yscalar_text(&L->doc, cells->kids[2 * i + 1],
		    "a table cell", YDOC_MAX_TEXT, 1, 0, &r->cells[o],
		    L->e) != 0)
			return -1;
	}
	for (j = 0; j < m->noptions; j++)
		if (r->cells[j] == NULL)
			return FAIL(cells, "row '%s' has no cell for option "
			    "'%s'", r->id, m->options[j].id);
	return 0;
}

/* The questions QS that row R bears on, each one the model asks. */
static int
load_row_questions(struct loader *L, const struct ynode *qs,
    struct model_row *r)
{
	struct model *m = L->m;
	size_t i;
	char q[128];

	if (expect_list(L, qs, "'questions'", MODEL_MAX_QUESTIONS) != 0)
		return -1;
	r->questions = alloc_array(L, qs->len, sizeof *r->questions);
	if (r->questions == NULL)
		return -1;
	for (i = 0; i < qs->len; i++) {
		const struct ynode *qn = qs->kids[i];
		int k = qn->type == Y_SCALAR ? model_question_index(m, qn->str) :
		    -1;

		if (k < 0)
			return FAIL(qn, "unknown question '%s' in row '%s'",
			    qn->type == Y_SCALAR ? err_quote(q, sizeof q,
			    qn->str, qn->len) : "?", r->id);
		r->questions[r->nquestions++] = k;
	}
	return 0;
}

static int
load_row(struct loader *L, const struct ynode *n, struct model_table *t,
    int index)
{
	static const char *const keys[] = { "id", "label", "cells",
	    "questions", NULL };
	static const char *const req[] = { "id", "label", "cells", NULL };
	struct model *m = L->m;
	struct model_row *r = &t->rows[index];
	const struct ynode *qs;
	int j;
	char q[128];

	if (yexpect(&L->doc, n, Y_MAP, "a table row", L->e) != 0 ||
	    ymap_check(&L->doc, n, "a table row", keys, req, L->e) != 0 ||
	    yscalar_id(&L->doc, ymap_get(n, "id"), "row id", &r->id,
	    L->e) != 0)
		return -1;
	for (j = 0; j < index; j++)
		if (strcmp(t->rows[j].id, r->id) == 0)
			return FAIL(ymap_get(n, "id"), "duplicate row id '%s' in "
			    "the %s table", err_quote(q, sizeof q, r->id,
			    strlen(r->id)), m->dims[t->dim].id);
	if (yscalar_text(&L->doc, ymap_get(n, "label"), "row label",
	    YDOC_MAX_LINE, 0, 0, &r->label, L->e) != 0)
		return -1;
	if (load_cells(L, n, r) != 0)
		return -1;
	if ((qs = ymap_get(n, "questions")) == NULL)
		return 0;
	return load_row_questions(L, qs, r);
}

static int
load_tables(struct loader *L, const struct ynode *list)
{
	static const char *const keys[] = { "dimension", "title", "rows",
	    NULL };
	struct model *m = L->m;
	size_t i, j;

	if (expect_list(L, list, "'tables'", MODEL_MAX_DIMS) != 0)
		return -1;
	m->tables = alloc_array(L, list->len, sizeof *m->tables);
	if (m->tables == NULL)
		return -1;
	for (i = 0; i < list->len; i++) {
		const struct ynode *n = list->kids[i], *rows;
		struct model_table *t = &m->tables[i];
		int d;

		if (yexpect(&L->doc, n, Y_MAP, "a table", L->e) != 0 ||
		    ymap_check(&L->doc, n, "a table", keys, keys, L->e) != 0)
			return -1;
		if ((d = ref_dim(L, ymap_get(n, "dimension"), "a table")) < 0)
			return -1;
		if (model_table_for(m, d) != NULL)
			return FAIL(ymap_get(n, "dimension"), "dimension '%s' "
			    "already has a table", m->dims[d].id);
		t->dim = d;
		if (yscalar_text(&L->doc, ymap_get(n, "title"), "table title",
		    YDOC_MAX_LINE, 0, 0, &t->title, L->e) != 0)
			return -1;
		rows = ymap_get(n, "rows");
		if (expect_list(L, rows, "'rows'", 1024) != 0)
			return -1;
		t->rows = alloc_array(L, rows->len, sizeof *t->rows);
		if (t->rows == NULL)
			return -1;
		t->first_row = m->nrows;
		m->ntables++;
		for (j = 0; j < rows->len; j++) {
			if (load_row(L, rows->kids[j], t, (int)j) != 0)
				return -1;
			t->nrows++;
			m->nrows++;
		}
	}
	return 0;
}

static int
load_guidance(struct loader *L, const struct ynode *n)
{
	struct model *m = L->m;
	size_t i, j;

	if (yexpect(&L->doc, n, Y_MAP, "'guidance'", L->e) != 0)
		return -1;
	if (n->len == 0)
		return FAIL(n, "'guidance' must not be empty");
	for (i = 0; i < n->len; i++) {
		const struct ynode *v = n->kids[2 * i + 1];
		int o = ref_option(L, n->kids[2 * i], "'guidance'");

		if (o < 0 || expect_list(L, v, "guidance", 256) != 0)
			return -1;
		m->guidance[o] = alloc_array(L, v->len, sizeof(char *));
		if (m->guidance[o] == NULL)
			return -1;
		for (j = 0; j < v->len; j++)
			if (yscalar_text(&L->doc, v->kids[j], "a guidance line",
			    YDOC_MAX_TEXT, 1, 0, &m->guidance[o][j],
			    L->e) != 0)
				return -1;
		m->nguidance[o] = (int)v->len;
	}
	return 0;
}

static int
load_root(struct loader *L)
{
	static const char *const keys[] = { "model", "options", "dimensions",
	    "panels", "tables", "guidance", NULL };
	static const char *const req[] = { "model", "options", "dimensions",
	    "panels", NULL };
	const struct ynode *root = L->doc.root, *v;
	struct model *m = L->m;

	if (root == NULL)
		return FAIL(NULL, "empty file: a model is a mapping with "
		    "'model', 'options', 'dimensions' and 'panels'");
	if (yexpect(&L->doc, root, Y_MAP, "a model file", L->e) != 0 ||
	    ymap_check(&L->doc, root, "a model file", keys, req, L->e) != 0 ||
	    load_header(L, ymap_get(root, "model")) != 0 ||
	    load_options(L, ymap_get(root, "options")) != 0 ||
	    load_dims(L, ymap_get(root, "dimensions")) != 0)
		return -1;
	m->nguidance = alloc_array(L, (size_t)m->noptions, sizeof(int));
	m->guidance = alloc_array(L, (size_t)m->noptions, sizeof(char **));
	if (m->nguidance == NULL || m->guidance == NULL)
		return -1;
	if (load_panels(L, ymap_get(root, "panels")) != 0 ||
	    resolve_block_conds(L) != 0)
		return -1;
	if ((v = ymap_get(root, "tables")) != NULL && load_tables(L, v) != 0)
		return -1;
	if ((v = ymap_get(root, "guidance")) != NULL &&
	    load_guidance(L, v) != 0)
		return -1;
	return 0;
}

static struct model *
model_new(struct err *e)
{
	struct model *m = calloc(1, sizeof *m);

	if (m == NULL || (m->arena = arena_new()) == NULL) {
		free(m);
		err_set(e, "out of memory");
		return NULL;
	}
	return m;
}

/* The compiled model of the shipped file in the LEN bytes at BUF, as a
 * model of its own named NAME; NULL when BUF is no such file (or memory
 * ran out: then it is loaded from its tree, as any other file). */
static struct model *
model_builtin(const char *name, const char *buf, size_t len)
{
	const struct ydoc_builtin *bi = ydoc_builtin_find(buf, len);
	const struct model_builtin *mb;
	struct arena *arena;
	struct model *m;
	struct err e;

	if (bi == NULL)
		return NULL;
	for (mb = model_builtins; mb->name != NULL; mb++)
		if (strcmp(mb->name, bi->name) == 0)
			break;
	if (mb->name == NULL || (m = model_new(&e)) == NULL)
		return NULL;
	arena = m->arena;
	*m = *mb->model;
	m->arena = arena;
	if ((m->file = arena_strdup(arena, name)) == NULL) {
		model_free(m);
		return NULL;
	}
	return m;
}

struct model *
model_load_buffer(const char *name, const char *buf, size_t len,
    struct err *e)
{
	struct loader L;
	struct model *m;
	int i;

	if ((m = model_builtin(name, buf, len)) != NULL)
		return m;
	if ((m = model_new(e)) == NULL)
		return NULL;
	memset(&L, 0, sizeof L);
	L.m = m;
	L.e = e;
	m->cost_dim = -1;
	for (i = 0; i < MODEL_NQROLES; i++)
		m->role_question[i] = -1;
	for (i = 0; i < MODEL_NAROLES; i++)
		m->role_answer[i][0] = m->role_answer[i][1] = -1;
	if (ydoc_parse(&L.doc, m->arena, name, buf, len, e) != 0 ||
	    load_root(&L) != 0) {
		free(L.pending);
		model_free(m);
		return NULL;
	}
	free(L.pending);
	m->file = L.doc.name;
	return m;
}

struct model *
model_load(const char *path, struct err *e)
{
	struct model *m;
	char *buf;
	size_t len;

	if (ydoc_read_file(path, YDOC_MAX_BYTES, &buf, &len, e) != 0)
		return NULL;
	m = model_load_buffer(path, buf, len, e);
	free(buf);
	return m;
}

void
model_free(struct model *m)
{
	if (m == NULL)
		return;
	arena_free(m->arena);
	free(m);
}

int
model_option_index(const struct model *m, const char *id)
{
	int i;

	for (i = 0; i < m->noptions; i++)
		if (strcmp(m->options[i].id, id) == 0)
			return i;
	return -1;
}

int
model_dim_index(const struct model *m, const char *id)
{
	int i;

	for (i = 0; i < m->ndims; i++)
		if (strcmp(m->dims[i].id, id) == 0)
			return i;
	return -1;
}

int
model_question_index(const struct model *m, const char *id)
{
	size_t i;
	int q;

	/* Hashed: rows and `when` may name questions millions of times in
	 * a file of a few megabytes, and a linear search each time would
	 * take minutes. */
	if (m->qhash_size == 0)
		return -1;
	for (i = id_hash(id) & (m->qhash_size - 1); (q = m->qhash[i]) >= 0;
	    i = (i + 1) & (m->qhash_size - 1))
		if (strcmp(m->questions[q].id, id) == 0)
			return q;
	return -1;
}

int
model_panel_index(const struct model *m, const char *id)
{
	int i;

	for (i = 0; i < m->npanels; i++)
		if (strcmp(m->panels[i].id, id) == 0)
			return i;
	return -1;
}

int
model_answer_index(const struct model *m, int q, const char *id)
{
	int i;

	for (i = 0; i < m->questions[q].nanswers; i++)
		if (strcmp(m->questions[q].answers[i].id, id) == 0)
			return i;
	return -1;
}

int
model_visible(const struct model *m, const int *answers, char *visible)
{
	int q, c, n = 0;

	/* Conditions name earlier questions only, so one pass in order
	 * settles every question. */
	for (q = 0; q < m->nquestions; q++) {
		const struct model_question *qn = &m->questions[q];
		char shown = 1;

		for (c = 0; c < qn->nconds && shown; c++) {
			int other = qn->conds[c].question;
			int a = answers[other];

			if (!visible[other] || a < 0 ||
			    !(qn->conds[c].mask & (1u << a)))
				shown = 0;
		}
		visible[q] = shown;
		n += shown;
	}
	return n;
}

int
model_effective_answer(const struct model *m, int q, const int *answers,
    const char *visible)
{
	if ((visible == NULL || visible[q]) && answers[q] >= 0)
		return answers[q];
	return m->questions[q].def;
}

int
model_block_holds(const struct model *m, const struct model_block *b,
    const int *answers, const char *visible)
{
	int c;

	for (c = 0; c < b->nconds; c++) {
		int a = model_effective_answer(m, b->conds[c].question,
		    answers, visible);

		if (a < 0 || !(b->conds[c].mask & (1u << a)))
			return 0;
	}
	return 1;
}

int
model_answer_role(const struct model *m, int r, const int *answers,
    const char *visible)
{
	int q = m->role_answer[r][0];

	return q >= 0 && (visible == NULL || visible[q]) &&
	    answers[q] == m->role_answer[r][1];
}

const struct model_table *
model_table_for(const struct model *m, int d)
{
	int i;

	for (i = 0; i < m->ntables; i++)
		if (m->tables[i].dim == d)
			return &m->tables[i];
	return NULL;
}
