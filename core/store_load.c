/* store_load.c - reading a session into answers against the model in
 * use: what the model does not know, and what is not valid (text that
 * is not UTF-8 or holds control characters, figures out of range: a
 * database changed by hand), is skipped and counted, each for what it
 * is, never trusted. */
#include "config.h"

#include "store_impl.h"
#include "utf8.h"
#include "workload.h"
#include "ydoc.h"

#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>

struct loader {
	struct store *st;
	struct answers *a;
	int skipped;		/* entries the model does not know */
	int invalid;		/* entries that are not valid */
};

/* What a row's loader found: read, unknown to the model, or invalid. */
enum { ROW_OK, ROW_UNKNOWN, ROW_INVALID };

/* Whether S is one line of valid text (a key or an id). */
static int
valid_line(const char *s)
{
	return utf8_printable(s, strlen(s), NULL);
}

static int
load_answer(struct loader *L, const char *key, const char *value)
{
	const struct model *m = L->a->model;
	int q = model_question_index(m, key), i;

	if (!valid_line(key) || !valid_line(value))
		return ROW_INVALID;
	if (q < 0 || (i = model_answer_index(m, q, value)) < 0)
		return ROW_UNKNOWN;
	L->a->answer[q] = i;
	return ROW_OK;
}

static int
load_note(struct loader *L, const char *key, const char *value)
{
	int q = model_question_index(L->a->model, key);
	size_t len = strlen(value);

	if (!valid_line(key) || len == 0 || len > YDOC_MAX_TEXT ||
	    !utf8_printable(value, len, "\n\t"))
		return ROW_INVALID;
	if (q < 0)
		return ROW_UNKNOWN;
	L->a->note[q] = answers_strdup(L->a, value);
	return L->a->note[q] == NULL ? -1 : ROW_OK;
}

static int
load_weight(struct loader *L, const char *key, const char *value)
{
	int d = model_dim_index(L->a->model, key);
	char *end;
	long w = strtol(value, &end, 10);

	if (!valid_line(key) || *end != '\0' || end == value || w < 0 ||
	    w > MODEL_MAX_WEIGHT)
		return ROW_INVALID;
	if (d < 0)
		return ROW_UNKNOWN;
	L->a->weight[d] = (int)w;
	L->a->weight_set |= 1u << d;
	return ROW_OK;
}

static int
load_workload(struct loader *L, const char *key, const char *value)
{
	int f = workload_field(key);
	char msg[256];

	if (!valid_line(key))
		return ROW_INVALID;
	if (f < 0)
		return ROW_UNKNOWN;
	if (workload_parse(&L->a->workload, f, value, msg, sizeof msg) != 0)
		return ROW_INVALID;
	return ROW_OK;
}

/* A vote, keyed "IDENT:QUESTION". */
static int
load_vote(struct loader *L, const char *key, const char *value)
{
	const struct model *m = L->a->model;
	const char *colon = strchr(key, ':');
	char ident[ANSWERS_IDENT_MAX + 1];
	struct err e;
	int q, a, who;

	if (colon == NULL || colon - key > ANSWERS_IDENT_MAX)
		return ROW_INVALID;
	memcpy(ident, key, (size_t)(colon - key));
	ident[colon - key] = '\0';
	if (answers_ident_check(ident, &e) != 0)
		return ROW_INVALID;
	q = model_question_index(m, colon + 1);
	if (q < 0 || (a = model_answer_index(m, q, value)) < 0)
		return ROW_UNKNOWN;
	if ((who = answers_add_ident(L->a, ident)) < 0)
		return ROW_INVALID;
	L->a->vote[who][q] = a;
	return ROW_OK;
}

static int
load_reveal(struct loader *L, const char *key, const char *value)
{
	int q = model_question_index(L->a->model, key);

	if (strcmp(value, "1") != 0)
		return ROW_INVALID;
	if (q < 0)
		return ROW_UNKNOWN;
	L->a->revealed[q] = 1;
	return ROW_OK;
}

/* Which listed participant an identity is. */
static int
load_identity(struct loader *L, const char *key, const char *value)
{
	struct err e;
	int who;

	if (answers_ident_check(key, &e) != 0 ||
	    answers_participant_check(value, &e) != 0 ||
	    (who = answers_add_ident(L->a, key)) < 0)
		return ROW_INVALID;
	L->a->ident_as[who] = answers_strdup(L->a, value);
	return L->a->ident_as[who] == NULL ? -1 : ROW_OK;
}

/* Each table's loader: ROW_OK, ROW_UNKNOWN or ROW_INVALID, -1 when out
 * of memory. */
static int (*const loaders[STORE_NTABLES])(struct loader *, const char *,
    const char *) = {
#define LOADER(id, t, k, v, type, pre, ver, loader) [STORE_T_##id] = loader,
	STORE_TABLES(LOADER)
#undef LOADER
};

/* Statement WHICH of store_load (SQL; 0 the session's row, 1 + I the
 * rows of store_tables[I]), compiled on first use and kept until
 * store_close; SID bound as ?1.  Give it back with load_done. */
static sqlite3_stmt *
load_stmt(struct store *st, int which, const char *sql, long long sid,
    struct err *e)
{
	if (st->load[which] == NULL &&
	    store_prepare(st, sql, &st->load[which], e) != 0)
		return NULL;
	sqlite3_bind_int64(st->load[which], 1, sid);
	return st->load[which];
}

static void
load_done(sqlite3_stmt *s)
{
	sqlite3_reset(s);
	sqlite3_clear_bindings(s);
}

/* Rows of (key, value) for session SID through FN, counting those it
 * skips. */
static int
load_rows(struct loader *L, long long sid, int which, const char *sql,
    int (*fn)(struct loader *, const char *, const char *), struct err *e)
{
	sqlite3_stmt *s;
	const unsigned char *k, *v;
	int rc, r;

	if ((s = load_stmt(L->st, which, sql, sid, e)) == NULL)
		return -1;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		k = sqlite3_column_text(s, 0);
		v = sqlite3_column_text(s, 1);
		if (k == NULL || v == NULL) {
			L->invalid++;
			continue;
		}
		r = fn(L, (const char *)k, (const char *)v);
		if (r < 0) {
			rc = SQLITE_NOMEM;
			break;
		}
		L->skipped += r == ROW_UNKNOWN;
		L->invalid += r == ROW_INVALID;
	}
	load_done(s);
	if (rc != SQLITE_DONE)
		return store_fail(L->st, rc, "cannot read the session", e);
	return 0;
}

static int
load_participants(struct loader *L, const char *text)
{
	struct answers *a = L->a;
	const char *p, *nl;
	int n = 1, i;

	for (p = text; *p != '\0'; p++)
		n += *p == '\n';
	if (n > ANSWERS_MAX_PARTICIPANTS ||
	    (a->participants = arena_array(a->arena, (size_t)n + 1,
	    sizeof(char *))) == NULL) {
		L->invalid++;
		return 0;
	}
	for (p = text, i = 0; i < n; i++, p = nl + 1) {
		size_t len;

		nl = strchr(p, '\n');
		if (nl == NULL)
			nl = p + strlen(p);
		len = (size_t)(nl - p);
		if (len == 0 || len > YDOC_MAX_LINE ||
		    !utf8_printable(p, len, NULL)) {
			L->invalid++;
			continue;
		}
		a->participants[a->nparticipants] =
		    arena_strndup(a->arena, p, len);
		if (a->participants[a->nparticipants] == NULL)
			return -1;
		a->nparticipants++;
	}
	return 0;
}

static int
load_session_row(struct loader *L, long long sid, struct err *e)
{
	sqlite3_stmt *s;
	const char *name, *ctx, *parts;
	int rc, r = 0;

	if ((s = load_stmt(L->st, 0, "SELECT name, context, "
	    "participants FROM sessions WHERE id = ?1", sid, e)) == NULL)
		return -1;
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW) {
		name = (const char *)sqlite3_column_text(s, 0);
		ctx = (const char *)sqlite3_column_text(s, 1);
		parts = (const char *)sqlite3_column_text(s, 2);
		if (name != NULL &&
		    (L->a->session = answers_strdup(L->a, name)) == NULL)
			r = -1;
		if (ctx != NULL && ctx[0] != '\0') {
			if (strlen(ctx) > YDOC_MAX_TEXT ||
			    !utf8_printable(ctx, strlen(ctx), "\n\t"))
				L->invalid++;
			else if ((L->a->context = answers_strdup(L->a,
			    ctx)) == NULL)
				r = -1;
		}
		if (r == 0 && parts != NULL && parts[0] != '\0')
			r = load_participants(L, parts);
	}
	load_done(s);
	if (rc == SQLITE_DONE) {
		err_file(e, L->st->path, "the session no longer exists "
		    "(another user deleted it?)");
		return -1;
	}
	if (rc != SQLITE_ROW)
		return store_fail(L->st, rc, "cannot read the session", e);
	if (r != 0) {
		err_set(e, "out of memory");
		return -1;
	}
	return 0;
}

struct answers *
store_load(struct store *st, long long sid, int *skipped, struct err *e)
{
	struct loader L = { .st = st };
	int i;

	if (store_need_model(st, e) != 0)
		return NULL;
	if ((L.a = answers_new(st->model)) == NULL) {
		err_set(e, "out of memory");
		return NULL;
	}
	/* One read transaction: a consistent snapshot. */
	if (store_begin_read(st, e) != 0)
		goto fail;
	if (load_session_row(&L, sid, e) != 0)
		goto fail;
	for (i = 0; i < STORE_NTABLES; i++)
		if (store_tables[i].since <= st->version &&
		    load_rows(&L, sid, 1 + i, store_tables[i].load, loaders[i],
		    e) != 0)
			goto fail;
	store_rollback(st);		/* end the read transaction */
	if (skipped != NULL)
		*skipped = L.skipped;
	L.a->invalid = L.invalid;
	return L.a;
fail:
	store_rollback(st);
	answers_free(L.a);
	return NULL;
}
