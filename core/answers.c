/* answers.c - answers files; see answers.h. */
#include "config.h"

#include "answers.h"
#include "utf8.h"
#include "ydoc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct answers *
answers_new(const struct model *m)
{
	struct answers *a = calloc(1, sizeof *a);
	int i;

	if (a == NULL)
		return NULL;
	a->model = m;
	a->arena = arena_new();
	if (a->arena == NULL)
		goto fail;
	a->answer = arena_array(a->arena, (size_t)m->nquestions + 1,
	    sizeof *a->answer);
	a->note = arena_array(a->arena, (size_t)m->nquestions + 1,
	    sizeof *a->note);
	if (a->answer == NULL || a->note == NULL)
		goto fail;
	for (i = 0; i < m->nquestions; i++)
		a->answer[i] = -1;
	for (i = 0; i < m->ndims; i++)
		a->weight[i] = m->dims[i].weight;
	workload_defaults(&a->workload);
	return a;
fail:
	answers_free(a);
	return NULL;
}

void
answers_free(struct answers *a)
{
	if (a == NULL)
		return;
	arena_free(a->arena);
	free(a);
}

const char *
answers_strdup(struct answers *a, const char *s)
{
	return arena_strdup(a->arena, s);
}

int
answers_name_check(const char *name, struct err *e)
{
	size_t len = strlen(name), i;

	if (len == 0) {
		err_set(e, "a session name must not be empty");
		return -1;
	}
	if (len > ANSWERS_NAME_MAX) {
		err_set(e, "a session name must be at most %d bytes, not %zu",
		    ANSWERS_NAME_MAX, len);
		return -1;
	}
	if (!utf8_printable(name, len, NULL)) {
		err_set(e, "a session name must be printable text on one line "
		    "(valid UTF-8, no control characters)");
		return -1;
	}
	for (i = 0; i < len && name[i] == ' '; i++)
		;
	if (i == len) {
		err_set(e, "a session name must not be only spaces");
		return -1;
	}
	return 0;
}

int
answers_count(const struct answers *a, int *visible)
{
	const struct model *m = a->model;
	char *vis = malloc((size_t)m->nquestions + 1);
	int q, n = 0, v;

	if (vis == NULL) {
		if (visible != NULL)
			*visible = m->nquestions;
		return 0;
	}
	v = model_visible(m, a->answer, vis);
	for (q = 0; q < m->nquestions; q++)
		if (vis[q] && a->answer[q] >= 0)
			n++;
	free(vis);
	if (visible != NULL)
		*visible = v;
	return n;
}

int
answers_adopt_provider(struct answers *a, const char *file, struct err *e)
{
	const struct model *m = a->model;
	int q = m->role_question[MODEL_QROLE_PROVIDER], ai;
	const char *id;

	if (q < 0 || !(a->workload.set & (1u << WL_PROVIDER)))
		return 0;
	id = wl_fields[WL_PROVIDER].choices[(int)a->workload.num[WL_PROVIDER]];
	a->workload.set &= ~(1u << WL_PROVIDER);
	if (a->answer[q] >= 0)
		return 0;
	if ((ai = model_answer_index(m, q, id)) < 0) {
		if (file != NULL && a->workload.line[WL_PROVIDER] > 0)
			err_at(e, file, a->workload.line[WL_PROVIDER],
			    a->workload.col[WL_PROVIDER], "provider '%s' is "
			    "not an answer to question '%s' of this model",
			    id, m->questions[q].id);
		else
			err_set(e, "provider '%s' is not an answer to question "
			    "'%s' of this model", id, m->questions[q].id);
		return -1;
	}
	a->answer[q] = ai;
	a->provider_from_workload = 1;
	return 0;
}

int
answers_provider(const struct answers *a)
{
	const struct model *m = a->model;
	const struct wl_field *f = &wl_fields[WL_PROVIDER];
	int q = m->role_question[MODEL_QROLE_PROVIDER], ai, i;

	if (q < 0)
		return (int)a->workload.num[WL_PROVIDER];
	ai = a->answer[q] >= 0 ? a->answer[q] : m->questions[q].def;
	if (ai < 0)
		return (int)a->workload.num[WL_PROVIDER];
	for (i = 0; f->choices[i] != NULL; i++)
		if (strcmp(f->choices[i], m->questions[q].answers[ai].id) == 0)
			return i;
	return -1;
}

struct aloader {
	struct answers *a;
	const struct model *m;
	struct ydoc doc;
	struct err *e;
};

#define FAIL(n, ...) yerr(&L->doc, (n), L->e, __VA_ARGS__)

static int
question_key(struct aloader *L, const struct ynode *k, const char *what)
{
	char q[128];
	int i = model_question_index(L->m, k->str);

	if (i < 0)
		return FAIL(k, "unknown question '%s' in '%s'",
		    err_quote(q, sizeof q, k->str, k->len), what);
	return i;
}

static int
load_answer_map(struct aloader *L, const struct ynode *n)
{
	size_t i;
	char q[128];

	if (yexpect(&L->doc, n, Y_MAP, "'answers'", L->e) != 0)
		return -1;
	for (i = 0; i < n->len; i++) {
		const struct ynode *k = n->kids[2 * i], *v = n->kids[2 * i + 1];
		int qi = question_key(L, k, "answers"), ai;

		if (qi < 0)
			return -1;
		if (yis_null(v))
			continue;	/* "traffic:" with no value: unanswered */
		if (v->type != Y_SCALAR)
			return FAIL(v, "the answer to '%s' must be an answer "
			    "id, not %s", L->m->questions[qi].id,
			    ytype_name(v));
		ai = model_answer_index(L->m, qi, v->str);
		if (ai < 0) {
			char list[256];
			size_t o = 0;
			int j;

			list[0] = '\0';
			for (j = 0; j < L->m->questions[qi].nanswers; j++)
				o += (size_t)snprintf(list + o, sizeof list - o,
				    "%s%s", j ? ", " : "",
				    L->m->questions[qi].answers[j].id);
			return FAIL(v, "unknown answer '%s' for question '%s' "
			    "(expected: %s)", err_quote(q, sizeof q, v->str,
			    v->len), L->m->questions[qi].id, list);
		}
		L->a->answer[qi] = ai;
	}
	return 0;
}

static int
load_notes(struct aloader *L, const struct ynode *n)
{
	size_t i;

	if (yexpect(&L->doc, n, Y_MAP, "'notes'", L->e) != 0)
		return -1;
	for (i = 0; i < n->len; i++) {
		const struct ynode *k = n->kids[2 * i], *v = n->kids[2 * i + 1];
		int qi = question_key(L, k, "notes");
		const char *text;

		if (qi < 0 || yscalar_text(&L->doc, v, "a note", YDOC_MAX_TEXT,
		    1, 1, &text, L->e) != 0)
			return -1;
		L->a->note[qi] = text[0] != '\0' ? text : NULL;
	}
	return 0;
}

static int
load_weights(struct aloader *L, const struct ynode *n)
{
	size_t i;
	char q[128];

	if (yexpect(&L->doc, n, Y_MAP, "'weights'", L->e) != 0)
		return -1;
	for (i = 0; i < n->len; i++) {
		const struct ynode *k = n->kids[2 * i], *v = n->kids[2 * i + 1];
		int d = model_dim_index(L->m, k->str);
		long w;

		if (d < 0)
			return FAIL(k, "unknown dimension '%s' in 'weights'",
			    err_quote(q, sizeof q, k->str, k->len));
		if (yscalar_long(&L->doc, v, "a weight", 0, MODEL_MAX_WEIGHT,
		    &w, L->e) != 0)
			return -1;
		L->a->weight[d] = (int)w;
		L->a->weight_set |= 1u << d;
	}
	return 0;
}

static int
load_workload(struct aloader *L, const struct ynode *n)
{
	size_t i;
	char q[128], msg[256];

	if (yexpect(&L->doc, n, Y_MAP, "'workload'", L->e) != 0)
		return -1;
	for (i = 0; i < n->len; i++) {
		const struct ynode *k = n->kids[2 * i], *v = n->kids[2 * i + 1];
		int f = workload_field(k->str);

		if (f < 0) {
			char list[512];
			size_t o = 0;
			int j;

			for (j = 0; j < WL_NFIELDS; j++)
				o += (size_t)snprintf(list + o, sizeof list - o,
				    "%s%s", j ? ", " : "", wl_fields[j].key);
			return FAIL(k, "unknown key '%s' in 'workload' "
			    "(expected: %s)", err_quote(q, sizeof q, k->str,
			    k->len), list);
		}
		if (v->type != Y_SCALAR || yis_null(v))
			return FAIL(v, "workload figure '%s' must be a value, "
			    "not %s", wl_fields[f].key, ytype_name(v));
		if ((wl_fields[f].kind == WL_NUMBER ||
		    wl_fields[f].kind == WL_BOOL) && !v->plain)
			return FAIL(v, "workload figure '%s' must not be "
			    "quoted", wl_fields[f].key);
		if (strlen(v->str) != v->len ||
		    workload_parse(&L->a->workload, f, v->str, msg,
		    sizeof msg) != 0)
			return FAIL(v, "%s", strlen(v->str) != v->len ?
			    "a workload figure must not contain NUL bytes" :
			    msg);
		L->a->workload.line[f] = v->line;
		L->a->workload.col[f] = v->col;
	}
	return 0;
}

static int
load_participants(struct aloader *L, const struct ynode *n)
{
	size_t i;

	if (n->type == Y_SCALAR) {
		/* A single name is accepted for convenience. */
		L->a->participants = arena_array(L->a->arena, 1,
		    sizeof(char *));
		if (L->a->participants == NULL)
			return FAIL(n, "out of memory");
		if (yscalar_text(&L->doc, n, "a participant", YDOC_MAX_LINE, 0,
		    0, &L->a->participants[0], L->e) != 0)
			return -1;
		L->a->nparticipants = 1;
		return 0;
	}
	if (yexpect(&L->doc, n, Y_SEQ, "'participants'", L->e) != 0)
		return -1;
	if (n->len > ANSWERS_MAX_PARTICIPANTS)
		return FAIL(n, "'participants' has %zu entries; the limit is "
		    "%d", n->len, ANSWERS_MAX_PARTICIPANTS);
	L->a->participants = arena_array(L->a->arena, n->len + 1,
	    sizeof(char *));
	if (L->a->participants == NULL)
		return FAIL(n, "out of memory");
	for (i = 0; i < n->len; i++)
		if (yscalar_text(&L->doc, n->kids[i], "a participant",
		    YDOC_MAX_LINE, 0, 0, &L->a->participants[i], L->e) != 0)
			return -1;
	L->a->nparticipants = (int)n->len;
	return 0;
}

static int
load_root(struct aloader *L)
{
	static const char *const keys[] = { "session", "context",
	    "participants", "answers", "weights", "workload", "notes", NULL };
	const struct ynode *root = L->doc.root, *v;
	struct err ne;

	if (root == NULL)
		return FAIL(NULL, "empty file: an answers file is a mapping "
		    "with at least 'answers'");
	if (yexpect(&L->doc, root, Y_MAP, "an answers file", L->e) != 0 ||
	    ymap_check(&L->doc, root, "an answers file", keys, NULL,
	    L->e) != 0)
		return -1;
	if ((v = ymap_get(root, "session")) != NULL) {
		if (yscalar_text(&L->doc, v, "'session'", YDOC_MAX_LINE, 0, 0,
		    &L->a->session, L->e) != 0)
			return -1;
		if (answers_name_check(L->a->session, &ne) != 0)
			return FAIL(v, "%s", ne.msg);
	}
	if ((v = ymap_get(root, "context")) != NULL &&
	    yscalar_text(&L->doc, v, "'context'", YDOC_MAX_TEXT, 1, 1,
	    &L->a->context, L->e) != 0)
		return -1;
	if ((v = ymap_get(root, "participants")) != NULL &&
	    load_participants(L, v) != 0)
		return -1;
	if ((v = ymap_get(root, "answers")) != NULL &&
	    !yis_null(v) && load_answer_map(L, v) != 0)
		return -1;
	if ((v = ymap_get(root, "weights")) != NULL && load_weights(L, v) != 0)
		return -1;
	if ((v = ymap_get(root, "workload")) != NULL &&
	    load_workload(L, v) != 0)
		return -1;
	if ((v = ymap_get(root, "notes")) != NULL && load_notes(L, v) != 0)
		return -1;
	return 0;
}

struct answers *
answers_load_buffer(const struct model *m, const char *name, const char *buf,
    size_t len, struct err *e)
{
	struct aloader L;

	memset(&L, 0, sizeof L);
	L.m = m;
	L.e = e;
	L.a = answers_new(m);
	if (L.a == NULL) {
		err_set(e, "out of memory");
		return NULL;
	}
	if (ydoc_parse(&L.doc, L.a->arena, name, buf, len, e) != 0 ||
	    load_root(&L) != 0 ||
	    answers_adopt_provider(L.a, L.doc.name, e) != 0) {
		answers_free(L.a);
		return NULL;
	}
	L.a->file = L.doc.name;
	return L.a;
}

struct answers *
answers_load(const struct model *m, const char *path, struct err *e)
{
	struct answers *a;
	char *buf;
	size_t len;

	if (ydoc_read_file(path, YDOC_MAX_BYTES, &buf, &len, e) != 0)
		return NULL;
	a = answers_load_buffer(m, path, buf, len, e);
	free(buf);
	return a;
}
