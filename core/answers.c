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
	a->revealed = arena_array(a->arena, (size_t)m->nquestions + 1, 1);
	if (a->answer == NULL || a->note == NULL || a->revealed == NULL)
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

/* Whether the LEN bytes at S show nothing but blanks: spaces, no-break
 * spaces and the other spaces of Unicode (disguising characters are
 * refused before this is asked). */
static int
only_blanks(const char *s, size_t len)
{
	size_t i = 0;
	unsigned int cp;
	int n;

	while (i < len) {
		n = utf8_valid_len(s + i, len - i);
		if (n == 0)
			return 0;
		cp = utf8_decode(s + i, n);
		if (cp != ' ' && cp != 0xa0 && cp != 0x1680 &&
		    !(cp >= 0x2000 && cp <= 0x200a) && cp != 0x202f &&
		    cp != 0x205f && cp != 0x3000)
			return 0;
		i += (size_t)n;
	}
	return 1;
}

/* Refuse a name (WHAT says which kind) holding a character that can
 * disguise it, or starting with a combining mark: two names that look
 * the same must be the same. */
static int
check_disguise(const char *what, const char *name, size_t len,
    struct err *e)
{
	char esc[UTF8_ESCAPE_MAX];
	size_t i;
	int n;

	for (i = 0; i < len; i++) {
		if ((n = utf8_escape_at(name, len, i, esc)) == 0)
			continue;
		if (utf8_disguising(utf8_decode(name + i, n)))
			err_set(e, "%s must not contain %s (an invisible or "
			    "bidirectional control character, which can make "
			    "it look like another)", what, esc);
		else
			err_set(e, "%s must not start with %s (a combining "
			    "mark, which joins what comes before it)", what,
			    esc);
		return -1;
	}
	return 0;
}

int
answers_name_check(const char *name, struct err *e)
{
	size_t len = strlen(name);

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
		    "(valid UTF-8, no control characters or line separators)");
		return -1;
	}
	if (check_disguise("a session name", name, len, e) != 0)
		return -1;
	if (only_blanks(name, len)) {
		err_set(e, "a session name must not be only spaces");
		return -1;
	}
	return 0;
}

int
answers_ident_check(const char *ident, struct err *e)
{
	size_t i, len = strlen(ident);
	char q[128];

	for (i = 0; i < len; i++) {
		char c = ident[i];

		if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		    (c >= '0' && c <= '9') || (i > 0 && (c == '.' ||
		    c == '_' || c == '-'))))
			break;
	}
	if (len == 0 || len > ANSWERS_IDENT_MAX || i < len) {
		err_set(e, "'%s' is not an identity: use 1 to %d letters, "
		    "digits, '.', '_' or '-', starting with a letter or digit "
		    "(a short name such as 'ben'; the participants list says "
		    "who that is)", err_quote(q, sizeof q, ident, len),
		    ANSWERS_IDENT_MAX);
		return -1;
	}
	return 0;
}

int
answers_participant_check(const char *name, struct err *e)
{
	size_t len = strlen(name);

	if (len == 0 || len > YDOC_MAX_LINE ||
	    !utf8_printable(name, len, NULL)) {
		err_set(e, "a participant must be printable text on one line, "
		    "1 to %d bytes", YDOC_MAX_LINE);
		return -1;
	}
	if (check_disguise("a participant", name, len, e) != 0)
		return -1;
	if (only_blanks(name, len)) {
		err_set(e, "a participant must not be only spaces");
		return -1;
	}
	return 0;
}

int
answers_find_ident(const struct answers *a, const char *ident)
{
	int i;

	for (i = 0; i < a->nidents; i++)
		if (strcmp(a->ident[i], ident) == 0)
			return i;
	return -1;
}

int
answers_add_ident(struct answers *a, const char *ident)
{
	const struct model *m = a->model;
	int i, q;

	if ((i = answers_find_ident(a, ident)) >= 0)
		return i;
	if (a->nidents >= ANSWERS_MAX_IDENTS)
		return -1;
	if (a->ident == NULL) {
		a->ident = arena_array(a->arena, ANSWERS_MAX_IDENTS,
		    sizeof *a->ident);
		a->ident_as = arena_array(a->arena, ANSWERS_MAX_IDENTS,
		    sizeof *a->ident_as);
		a->vote = arena_array(a->arena, ANSWERS_MAX_IDENTS,
		    sizeof *a->vote);
		if (a->ident == NULL || a->ident_as == NULL || a->vote == NULL)
			return -1;
	}
	i = a->nidents;
	a->ident[i] = arena_strdup(a->arena, ident);
	a->vote[i] = arena_array(a->arena, (size_t)m->nquestions + 1,
	    sizeof **a->vote);
	if (a->ident[i] == NULL || a->vote[i] == NULL)
		return -1;
	a->ident_as[i] = NULL;
	for (q = 0; q < m->nquestions; q++)
		a->vote[i][q] = -1;
	return a->nidents++;
}

int
answers_votes_on(const struct answers *a, int q, int *split)
{
	int i, n = 0, first = -1;

	if (split != NULL)
		*split = 0;
	for (i = 0; i < a->nidents; i++) {
		if (a->vote[i][q] < 0)
			continue;
		if (first < 0)
			first = a->vote[i][q];
		else if (a->vote[i][q] != first && split != NULL)
			*split = 1;
		n++;
	}
	return n;
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
	const struct ynode *root;	/* the answers document's mapping */
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

/* A mapping of questions to answers, into L->a->answer (WHAT names it
 * in messages: "answers", or whose votes). */
static int
load_answer_map(struct aloader *L, const struct ynode *n, const char *what)
{
	size_t i;
	char q[128], quoted[64];

	snprintf(quoted, sizeof quoted, "'%s'", what);
	if (yexpect(&L->doc, n, Y_MAP, quoted, L->e) != 0)
		return -1;
	for (i = 0; i < n->len; i++) {
		const struct ynode *k = n->kids[2 * i], *v = n->kids[2 * i + 1];
		int qi = question_key(L, k, what), ai;

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

/* One participant's name at node N into *OUT. */
static int
participant(struct aloader *L, const struct ynode *n, const char **out)
{
	struct err ne;

	if (yscalar_text(&L->doc, n, "a participant", YDOC_MAX_LINE, 0, 0,
	    out, L->e) != 0)
		return -1;
	if (answers_participant_check(*out, &ne) != 0)
		return FAIL(n, "%s", ne.msg);
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
		if (participant(L, n, &L->a->participants[0]) != 0)
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
		if (participant(L, n->kids[i], &L->a->participants[i]) != 0)
			return -1;
	L->a->nparticipants = (int)n->len;
	return 0;
}

/* The identity a key of 'votes' or 'identities' names, added to A. */
static int
ident_key(struct aloader *L, const struct ynode *k)
{
	struct err ne;
	int i;

	if (strlen(k->str) != k->len || answers_ident_check(k->str, &ne) != 0)
		return FAIL(k, "%s", strlen(k->str) != k->len ? "an identity "
		    "must not contain NUL bytes" : ne.msg);
	if ((i = answers_add_ident(L->a, k->str)) < 0)
		return FAIL(k, "too many identities (the limit is %d)",
		    ANSWERS_MAX_IDENTS);
	return i;
}

/* One identity's votes: {question: answer, ...}. */
static int
load_ident_votes(struct aloader *L, int who, const struct ynode *n)
{
	struct answers *a = L->a;
	int *saved = a->answer, rc;
	char what[ANSWERS_IDENT_MAX + 16];

	/* The same checks as 'answers', into this identity's row. */
	snprintf(what, sizeof what, "votes: %s", a->ident[who]);
	a->answer = a->vote[who];
	rc = load_answer_map(L, n, what);
	a->answer = saved;
	return rc;
}

/* votes: {ben: {devops: strong}, ana: {...}} */
static int
load_votes(struct aloader *L, const struct ynode *n)
{
	size_t i;
	int who;

	if (yexpect(&L->doc, n, Y_MAP, "'votes'", L->e) != 0)
		return -1;
	for (i = 0; i < n->len; i++) {
		const struct ynode *k = n->kids[2 * i], *v = n->kids[2 * i + 1];

		if ((who = ident_key(L, k)) < 0)
			return -1;
		if (yis_null(v))
			continue;
		if (v->type != Y_MAP)
			return FAIL(v, "the votes of '%s' must be a mapping of "
			    "questions to answers, not %s", L->a->ident[who],
			    ytype_name(v));
		if (load_ident_votes(L, who, v) != 0)
			return -1;
	}
	return 0;
}

/* identities: {ben: "Ben (SRE)"}: which listed participant each is. */
static int
load_identities(struct aloader *L, const struct ynode *n)
{
	size_t i;
	int who;

	if (yexpect(&L->doc, n, Y_MAP, "'identities'", L->e) != 0)
		return -1;
	for (i = 0; i < n->len; i++) {
		const struct ynode *k = n->kids[2 * i], *v = n->kids[2 * i + 1];

		struct err ne;

		if ((who = ident_key(L, k)) < 0 ||
		    yscalar_text(&L->doc, v, "a participant", YDOC_MAX_LINE, 0,
		    0, &L->a->ident_as[who], L->e) != 0)
			return -1;
		if (answers_participant_check(L->a->ident_as[who], &ne) != 0)
			return FAIL(v, "%s", ne.msg);
	}
	return 0;
}

/* revealed: [devops, ...]: the questions whose votes everyone sees. */
static int
load_revealed(struct aloader *L, const struct ynode *n)
{
	size_t i;
	int q;

	if (yexpect(&L->doc, n, Y_SEQ, "'revealed'", L->e) != 0)
		return -1;
	for (i = 0; i < n->len; i++) {
		const struct ynode *k = n->kids[i];

		if (k->type != Y_SCALAR || yis_null(k))
			return FAIL(k, "'revealed' lists question ids, not %s",
			    ytype_name(k));
		if ((q = question_key(L, k, "revealed")) < 0)
			return -1;
		L->a->revealed[q] = 1;
	}
	return 0;
}

/* The workshop's part of the file: votes, identities, revealed. */
static int
load_workshop(struct aloader *L, const struct ynode *root)
{
	const struct ynode *v;

	if ((v = ymap_get(root, "votes")) != NULL && !yis_null(v) &&
	    load_votes(L, v) != 0)
		return -1;
	if ((v = ymap_get(root, "identities")) != NULL && !yis_null(v) &&
	    load_identities(L, v) != 0)
		return -1;
	if ((v = ymap_get(root, "revealed")) != NULL && !yis_null(v) &&
	    load_revealed(L, v) != 0)
		return -1;
	return 0;
}

static int
load_root(struct aloader *L)
{
	static const char *const keys[] = { "session", "context",
	    "participants", "answers", "weights", "workload", "notes",
	    "votes", "identities", "revealed", "decision", NULL };
	const struct ynode *root = L->root, *v;
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
	/* The recommendation a recheck holds the file to (recheck.h). */
	if ((v = ymap_get(root, "decision")) != NULL && !yis_null(v) &&
	    yscalar_id(&L->doc, v, "'decision'", &L->a->decision, L->e) != 0)
		return -1;
	if ((v = ymap_get(root, "context")) != NULL &&
	    yscalar_text(&L->doc, v, "'context'", YDOC_MAX_TEXT, 1, 1,
	    &L->a->context, L->e) != 0)
		return -1;
	if ((v = ymap_get(root, "participants")) != NULL &&
	    load_participants(L, v) != 0)
		return -1;
	if ((v = ymap_get(root, "answers")) != NULL &&
	    !yis_null(v) && load_answer_map(L, v, "answers") != 0)
		return -1;
	if ((v = ymap_get(root, "weights")) != NULL && load_weights(L, v) != 0)
		return -1;
	if ((v = ymap_get(root, "workload")) != NULL &&
	    load_workload(L, v) != 0)
		return -1;
	if ((v = ymap_get(root, "notes")) != NULL && load_notes(L, v) != 0)
		return -1;
	return load_workshop(L, root);
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
	    (L.root = L.doc.root, load_root(&L)) != 0 ||
	    answers_adopt_provider(L.a, L.doc.name, e) != 0) {
		answers_free(L.a);
		return NULL;
	}
	L.a->file = L.doc.name;
	return L.a;
}

int
answers_read_node(struct answers *a, const struct ydoc *doc,
    const struct ynode *root, struct err *e)
{
	struct aloader L;

	memset(&L, 0, sizeof L);
	L.a = a;
	L.m = a->model;
	L.e = e;
	L.doc = *doc;
	L.root = root;
	if (load_root(&L) != 0 || answers_adopt_provider(a, doc->name, e) != 0)
		return -1;
	a->file = doc->name;
	return 0;
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
