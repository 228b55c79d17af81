/* store_change.c - changing a session: each setter is one transaction
 * with its history entry, and an import is one change of many fields. */
#include "config.h"

#include "store_impl.h"
#include "utf8.h"
#include "workload.h"
#include "ydoc.h"

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Mark session SID as changed now (inside a write transaction); fails
 * when it no longer exists. */
int
store_touch(struct store *st, long long sid, struct err *e)
{
	sqlite3_stmt *s;

	if (store_prepare(st, "UPDATE sessions SET updated = ?2, "
	    "touched = (SELECT coalesce(max(touched), 0) + 1 FROM sessions), "
	    "model_id = coalesce(?3, model_id), "
	    "model_version = coalesce(?4, model_version) WHERE id = ?1",
	    &s, e) != 0)
		return -1;
	sqlite3_bind_int64(s, 1, sid);
	sqlite3_bind_int64(s, 2, store_now(st));
	store_bind_text(s, 3, st->model != NULL ? st->model->id : NULL);
	store_bind_text(s, 4, st->model != NULL ? st->model->version : NULL);
	if (store_run(st, s, "cannot save the change", e) != 0)
		return -1;
	if (sqlite3_changes(st->db) != 1) {
		err_file(e, st->path, "cannot save the change: the session "
		    "no longer exists (another user deleted it?)");
		return -1;
	}
	return 0;
}

/* Append a history entry (inside a write transaction). */
int
store_history_add(struct store *st, long long sid, const char *field,
    const char *old, const char *new, int undoable, long long undoes,
    struct err *e)
{
	sqlite3_stmt *s;

	/* The first entry of a change names the change: with no
	 * AUTOINCREMENT, its rowid is max(id) + 1. */
	if (store_prepare(st, "INSERT INTO history(session_id, change_id, "
	    "time, user, field, old, new, undoable, undoes) VALUES (?1, "
	    "coalesce(?2, (SELECT coalesce(max(id), 0) + 1 FROM history)), "
	    "?3, ?4, ?5, ?6, ?7, ?8, ?9)", &s, e) != 0)
		return -1;
	sqlite3_bind_int64(s, 1, sid);
	if (st->change != 0)
		sqlite3_bind_int64(s, 2, st->change);
	sqlite3_bind_int64(s, 3, store_now(st));
	store_bind_text(s, 4, st->user);
	store_bind_text(s, 5, field);
	store_bind_text(s, 6, old);
	store_bind_text(s, 7, new);
	sqlite3_bind_int(s, 8, undoable);
	if (undoes != 0)
		sqlite3_bind_int64(s, 9, undoes);
	if (store_run(st, s, "cannot save the change", e) != 0)
		return -1;
	if (st->change == 0)
		st->change = sqlite3_last_insert_rowid(st->db);
	return 0;
}

/* Insert session NAME (inside a write transaction). */
int
store_session_insert(struct store *st, const char *name,
    const char *model_id, const char *model_version, long long *sid,
    struct err *e)
{
	sqlite3_stmt *s;

	if (store_prepare(st, "INSERT INTO sessions(name, created, updated, "
	    "touched, model_id, model_version) VALUES (?1, ?2, ?2, "
	    "(SELECT coalesce(max(touched), 0) + 1 FROM sessions), ?3, ?4)",
	    &s, e) != 0)
		return -1;
	store_bind_text(s, 1, name);
	sqlite3_bind_int64(s, 2, store_now(st));
	store_bind_text(s, 3, model_id);
	store_bind_text(s, 4, model_version);
	if (store_run(st, s, "cannot save the session", e) != 0)
		return -1;
	*sid = sqlite3_last_insert_rowid(st->db);
	return 0;
}

/* Find NAME, creating it inside the current write transaction. */
static int
find_or_create_tx(struct store *st, const char *name,
    struct store_session *out, int *created, struct err *e)
{
	long long sid;
	int rc;

	*created = 0;
	rc = store_find(st, name, out, e);
	if (rc != 0)
		return rc < 0 ? -1 : 0;
	if (answers_name_check(name, e) != 0 ||
	    store_session_insert(st, name, st->model->id, st->model->version,
	    &sid, e) != 0 ||
	    store_history_add(st, sid, "created", NULL, name, 0, 0, e) != 0)
		return -1;
	*created = 1;
	return store_find(st, name, out, e) == 1 ? 0 : -1;
}

int
store_find_or_create(struct store *st, const char *name,
    struct store_session *out, int *created, struct err *e)
{
	struct store_session tmp;
	int made = 0, rc;

	if (out == NULL)
		out = &tmp;
	if (created != NULL)
		*created = 0;
	/* Most opens find it: no write transaction for those. */
	if ((rc = store_find(st, name, out, e)) != 0)
		return rc < 0 ? -1 : 0;
	if (store_need_model(st, e) != 0 || store_begin_write(st, e) != 0)
		return -1;
	if (find_or_create_tx(st, name, out, &made, e) != 0 ||
	    store_commit(st, "cannot save the session", e) != 0) {
		store_rollback(st);
		return -1;
	}
	if (created != NULL)
		*created = made;
	return 0;
}

/* Fields ------------------------------------------------------------------- */

/* How a field is read and written.  ?1 is the session, ?2 the key
 * (after the prefix), ?3 the value. */
struct fkind {
	const char *get, *put, *del;
};

/* The fields kept in the session's own row rather than in a table. */
static const struct column {
	const char *field;
	struct fkind sql;
} columns[] = {
	{ "context", {
	  "SELECT context FROM sessions WHERE id = ?1",
	  "UPDATE sessions SET context = ?3 WHERE id = ?1",
	  "UPDATE sessions SET context = NULL WHERE id = ?1" } },
	{ "participants", {
	  "SELECT participants FROM sessions WHERE id = ?1",
	  "UPDATE sessions SET participants = ?3 WHERE id = ?1",
	  "UPDATE sessions SET participants = NULL WHERE id = ?1" } },
};

/* The statements of FIELD ("answer:traffic", "context") in *K and its
 * key in *KEY; -1 for a field no table or column holds. */
static int
fkind_of(const char *field, struct fkind *k, const char **key)
{
	const struct store_table *t;
	size_t i, n;

	for (i = 0; i < STORE_NTABLES; i++) {
		t = &store_tables[i];
		n = strlen(t->prefix);
		if (strncmp(field, t->prefix, n) == 0 && field[n] != '\0') {
			k->get = t->get;
			k->put = t->put;
			k->del = t->del;
			*key = field + n;
			return 0;
		}
	}
	for (i = 0; i < sizeof columns / sizeof columns[0]; i++)
		if (strcmp(field, columns[i].field) == 0) {
			*k = columns[i].sql;
			*key = field + strlen(field);
			return 0;
		}
	return -1;
}

/* Bind the session, key and value a field statement uses. */
static void
field_bind(sqlite3_stmt *s, long long sid, const char *key,
    const char *value)
{
	int n = sqlite3_bind_parameter_count(s);

	sqlite3_bind_int64(s, 1, sid);
	if (n >= 2)
		store_bind_text(s, 2, key);
	if (n >= 3)
		store_bind_text(s, 3, value);
}

/* The stored value of FIELD (malloc'd into *OUT; NULL when unset). */
int
store_field_get(struct store *st, long long sid, const char *field, char **out,
    struct err *e)
{
	struct fkind k;
	const char *key;
	const unsigned char *t;
	sqlite3_stmt *s;
	int rc;

	*out = NULL;
	if (fkind_of(field, &k, &key) != 0) {
		err_file(e, st->path, "unknown field '%s' in the history",
		    field);
		return -1;
	}
	if (store_prepare(st, k.get, &s, e) != 0)
		return -1;
	field_bind(s, sid, key, NULL);
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW && (t = sqlite3_column_text(s, 0)) != NULL &&
	    (*out = strdup((const char *)t)) == NULL)
		rc = SQLITE_NOMEM;
	sqlite3_finalize(s);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return store_fail(st, rc, "cannot read the session", e);
	return 0;
}

static int
field_put(struct store *st, long long sid, const char *field,
    const char *value, struct err *e)
{
	struct fkind k;
	const char *key;
	sqlite3_stmt *s;

	if (fkind_of(field, &k, &key) != 0) {
		err_file(e, st->path, "unknown field '%s' in the history",
		    field);
		return -1;
	}
	if (store_prepare(st, value != NULL ? k.put : k.del, &s, e) != 0)
		return -1;
	field_bind(s, sid, key, value);
	return store_run(st, s, "cannot save the change", e);
}

static int
same(const char *a, const char *b)
{
	if (a == NULL || b == NULL)
		return a == b;
	return strcmp(a, b) == 0;
}

/* Set FIELD of SID to VALUE with a history entry, inside a write
 * transaction: 1 changed, 0 already so, -1 error. */
int
store_field_set(struct store *st, long long sid, const char *field,
    const char *value, int undoable, long long undoes, struct err *e)
{
	char *old;
	int rc = -1;

	if (store_field_get(st, sid, field, &old, e) != 0)
		return -1;
	if (same(old, value))
		rc = 0;
	else if (field_put(st, sid, field, value, e) == 0 &&
	    store_history_add(st, sid, field, old, value, undoable, undoes,
	    e) == 0)
		rc = 1;
	free(old);
	return rc;
}

/* A new change by this store's user ends what they could redo. */
static int
forget_redo(struct store *st, long long sid, struct err *e)
{
	sqlite3_stmt *s;

	if (store_prepare(st, "UPDATE history SET undoable = 0 WHERE "
	    "session_id = ?1 AND user = ?2 AND undoable = 2", &s, e) != 0)
		return -1;
	sqlite3_bind_int64(s, 1, sid);
	store_bind_text(s, 2, st->user);
	return store_run(st, s, "cannot save the change", e);
}

/* One change: FIELD of SID set to VALUE in its own transaction.  With
 * EXPECT (not NULL), only when the field still holds *EXPECT (NULL
 * there: unset); 2 when it does not (nothing changed). */
static int
change_if(struct store *st, long long sid, const char *field,
    const char *value, const char *const *expect, struct err *e)
{
	int rc;

	if (store_begin_write(st, e) != 0)
		return -1;
	if (expect != NULL) {
		char *now;

		if (store_field_get(st, sid, field, &now, e) != 0) {
			store_rollback(st);
			return -1;
		}
		rc = same(now, *expect);
		free(now);
		if (!rc) {
			store_rollback(st);
			return 2;
		}
	}
	if (store_touch(st, sid, e) != 0 ||
	    (rc = store_field_set(st, sid, field, value, 1, 0, e)) < 0 ||
	    (rc > 0 && forget_redo(st, sid, e) != 0)) {
		store_rollback(st);
		return -1;
	}
	if (rc == 0) {
		store_rollback(st);		/* nothing to save */
		return 0;
	}
	return store_commit(st, "cannot save the change", e) == 0 ? 1 : -1;
}

static int
change(struct store *st, long long sid, const char *field, const char *value,
    struct err *e)
{
	return change_if(st, sid, field, value, NULL, e);
}

/* Changes to one field by one user this close together are one burst
 * (a figure stepped with the arrow keys): one history entry. */
#define BURST_SECONDS 5

/* The entry of a burst FIELD of SID could join (inside a write
 * transaction): this user's latest entry, a change of FIELD alone made
 * at most BURST_SECONDS ago, still undoable, and whose value the field
 * still holds (nobody changed it since).  1 with its id and old value
 * in *ID and *OLD (to free), 0 none, -1 error. */
static int
burst_entry(struct store *st, long long sid, const char *field,
    const char *now, long long *id, char **old, struct err *e)
{
	sqlite3_stmt *s;
	const unsigned char *t;
	int rc, found = 0;

	*id = 0;
	*old = NULL;
	if (store_prepare(st, "SELECT h.id, h.field, h.new, h.old, h.time, "
	    "h.undoable, (SELECT count(*) FROM history c WHERE c.change_id = "
	    "h.change_id) FROM history h WHERE h.session_id = ?1 AND "
	    "h.user = ?2 ORDER BY h.id DESC LIMIT 1", &s, e) != 0)
		return -1;
	sqlite3_bind_int64(s, 1, sid);
	store_bind_text(s, 2, st->user);
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW &&
	    (t = sqlite3_column_text(s, 1)) != NULL &&
	    strcmp((const char *)t, field) == 0 &&
	    same((const char *)sqlite3_column_text(s, 2), now) &&
	    sqlite3_column_int64(s, 4) >= store_now(st) - BURST_SECONDS &&
	    sqlite3_column_int(s, 5) == 1 && sqlite3_column_int(s, 6) == 1) {
		*id = sqlite3_column_int64(s, 0);
		t = sqlite3_column_text(s, 3);
		found = 1;
		if (t != NULL && (*old = strdup((const char *)t)) == NULL)
			rc = SQLITE_NOMEM;
	}
	sqlite3_finalize(s);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
		free(*old);
		*old = NULL;
		return store_fail(st, rc, "cannot read the history", e);
	}
	return found;
}

/* As change, but a change that continues a burst (burst_entry) updates
 * that entry's new value instead of adding one, so undo takes back the
 * whole burst; a burst that ends where it began leaves no entry. */
static int
change_burst(struct store *st, long long sid, const char *field,
    const char *value, struct err *e)
{
	sqlite3_stmt *s;
	char *now = NULL, *old = NULL;
	long long id;
	int rc;

	if (store_begin_write(st, e) != 0)
		return -1;
	if (store_field_get(st, sid, field, &now, e) != 0)
		goto fail;
	if (same(now, value)) {
		free(now);
		store_rollback(st);		/* nothing to save */
		return 0;
	}
	if ((rc = burst_entry(st, sid, field, now, &id, &old, e)) < 0)
		goto fail;
	free(now);
	now = NULL;
	if (rc == 0) {
		/* A change of its own, as change makes it. */
		if (store_touch(st, sid, e) != 0 ||
		    store_field_set(st, sid, field, value, 1, 0, e) < 0 ||
		    forget_redo(st, sid, e) != 0)
			goto fail;
		return store_commit(st, "cannot save the change", e) == 0 ?
		    1 : -1;
	}
	if (store_prepare(st, same(old, value) ? "DELETE FROM history "
	    "WHERE id = ?1" : "UPDATE history SET new = ?2, time = ?3 "
	    "WHERE id = ?1", &s, e) != 0)
		goto fail;
	sqlite3_bind_int64(s, 1, id);
	if (!same(old, value)) {
		store_bind_text(s, 2, value);
		sqlite3_bind_int64(s, 3, store_now(st));
	}
	if (store_run(st, s, "cannot save the change", e) != 0 ||
	    store_touch(st, sid, e) != 0 ||
	    field_put(st, sid, field, value, e) != 0)
		goto fail;
	free(old);
	return store_commit(st, "cannot save the change", e) == 0 ? 1 : -1;
fail:
	free(now);
	free(old);
	store_rollback(st);
	return -1;
}

/* A field and the text it is set to, built and checked from what a
 * setter or an import was given. */
struct fv {
	char field[160];
	const char *value;	/* NULL: unset */
	char buf[64];
	char *owned;		/* freed by fv_free */
};

static void
fv_free(struct fv *v)
{
	free(v->owned);
	v->owned = NULL;
}

static int
fv_answer(const struct model *m, int q, int a, struct fv *v, struct err *e)
{
	if (q < 0 || q >= m->nquestions || a < -1 ||
	    a >= m->questions[q].nanswers) {
		err_set(e, "internal error: no answer %d to question %d", a, q);
		return -1;
	}
	snprintf(v->field, sizeof v->field, "answer:%s", m->questions[q].id);
	v->value = a < 0 ? NULL : m->questions[q].answers[a].id;
	return 0;
}

/* Multi-line text (notes, context): NULL or "" unsets. */
static int
fv_text(const char *what, const char *text, struct fv *v, struct err *e)
{
	size_t len = text != NULL ? strlen(text) : 0;

	if (len > YDOC_MAX_TEXT) {
		err_set(e, "%s is too long (%zu bytes; the limit is %d)", what,
		    len, YDOC_MAX_TEXT);
		return -1;
	}
	if (!utf8_printable(text != NULL ? text : "", len, "\n\t")) {
		err_set(e, "%s must be text (valid UTF-8, no control "
		    "characters but line breaks and tabs)", what);
		return -1;
	}
	v->value = len > 0 ? text : NULL;
	return 0;
}

static int
fv_context(const char *text, struct fv *v, struct err *e)
{
	snprintf(v->field, sizeof v->field, "context");
	return fv_text("the context", text, v, e);
}

static int
fv_note(const struct model *m, int q, const char *text, struct fv *v,
    struct err *e)
{
	if (q < 0 || q >= m->nquestions) {
		err_set(e, "internal error: no question %d", q);
		return -1;
	}
	snprintf(v->field, sizeof v->field, "note:%s", m->questions[q].id);
	return fv_text("a note", text, v, e);
}

static int
fv_weight(const struct model *m, int d, int w, struct fv *v, struct err *e)
{
	if (d < 0 || d >= m->ndims || w < -1 || w > MODEL_MAX_WEIGHT) {
		err_set(e, "a weight must be between 0 and %d",
		    MODEL_MAX_WEIGHT);
		return -1;
	}
	snprintf(v->field, sizeof v->field, "weight:%s", m->dims[d].id);
	snprintf(v->buf, sizeof v->buf, "%d", w);
	v->value = w < 0 ? NULL : v->buf;
	return 0;
}

/* A workload figure, stored in the form workload_format writes. */
static int
fv_workload(int f, const char *value, struct fv *v, struct err *e)
{
	struct workload w;
	char msg[256];

	if (f < 0 || f >= WL_NFIELDS) {
		err_set(e, "internal error: no workload figure %d", f);
		return -1;
	}
	snprintf(v->field, sizeof v->field, "workload:%s", wl_fields[f].key);
	v->value = NULL;
	if (value == NULL || value[0] == '\0')
		return 0;
	workload_defaults(&w);
	if (workload_parse(&w, f, value, msg, sizeof msg) != 0) {
		err_set(e, "%s", msg);
		return -1;
	}
	v->value = workload_format(&w, f, v->buf, sizeof v->buf);
	return 0;
}

static int
fv_participants(int n, const char *const *names, struct fv *v,
    struct err *e)
{
	size_t len = 0, o = 0, l;
	int i;

	snprintf(v->field, sizeof v->field, "participants");
	v->value = NULL;
	if (n < 0 || n > ANSWERS_MAX_PARTICIPANTS) {
		err_set(e, "at most %d participants", ANSWERS_MAX_PARTICIPANTS);
		return -1;
	}
	for (i = 0; i < n; i++) {
		if (answers_participant_check(names[i], e) != 0)
			return -1;
		len += strlen(names[i]) + 1;
	}
	if (n == 0)
		return 0;
	if ((v->owned = malloc(len)) == NULL) {
		err_set(e, "out of memory");
		return -1;
	}
	for (i = 0; i < n; i++) {
		l = strlen(names[i]);
		memcpy(v->owned + o, names[i], l);
		o += l;
		v->owned[o++] = i + 1 < n ? '\n' : '\0';
	}
	v->value = v->owned;
	return 0;
}

/* Votes are keyed "IDENT:QUESTION". */
static int
fv_vote(const struct model *m, const char *ident, int q, int a,
    struct fv *v, struct err *e)
{
	if (answers_ident_check(ident, e) != 0)
		return -1;
	if (q < 0 || q >= m->nquestions || a < -1 ||
	    a >= m->questions[q].nanswers) {
		err_set(e, "internal error: no answer %d to question %d", a, q);
		return -1;
	}
	snprintf(v->field, sizeof v->field, "vote:%s:%s", ident,
	    m->questions[q].id);
	v->value = a < 0 ? NULL : m->questions[q].answers[a].id;
	return 0;
}

static int
fv_reveal(const struct model *m, int q, int on, struct fv *v, struct err *e)
{
	if (q < 0 || q >= m->nquestions) {
		err_set(e, "internal error: no question %d", q);
		return -1;
	}
	snprintf(v->field, sizeof v->field, "reveal:%s", m->questions[q].id);
	v->value = on ? "1" : NULL;
	return 0;
}

/* Which listed participant IDENT is (NULL or "": none). */
static int
fv_identity(const char *ident, const char *who, struct fv *v,
    struct err *e)
{
	int some = who != NULL && who[0] != '\0';

	if (answers_ident_check(ident, e) != 0 ||
	    (some && answers_participant_check(who, e) != 0))
		return -1;
	snprintf(v->field, sizeof v->field, "identity:%s", ident);
	v->value = some ? who : NULL;
	return 0;
}

static int
change_fv(struct store *st, long long sid, struct fv *v, struct err *e)
{
	int rc = change(st, sid, v->field, v->value, e);

	fv_free(v);
	return rc;
}

/* As change_fv, only while the field holds what EXPECT (built like V)
 * holds: 2 when someone changed it meanwhile. */
static int
change_fv_if(struct store *st, long long sid, struct fv *v, struct fv *expect,
    struct err *e)
{
	int rc = change_if(st, sid, v->field, v->value, &expect->value, e);

	fv_free(v);
	fv_free(expect);
	return rc;
}

int
store_set_answer(struct store *st, long long sid, int q, int a,
    struct err *e)
{
	struct fv v = { .owned = NULL };

	if (store_need_model(st, e) != 0 ||
	    fv_answer(st->model, q, a, &v, e) != 0)
		return -1;
	return change_fv(st, sid, &v, e);
}

int
store_set_note(struct store *st, long long sid, int q, const char *text,
    struct err *e)
{
	struct fv v = { .owned = NULL };

	if (store_need_model(st, e) != 0 ||
	    fv_note(st->model, q, text, &v, e) != 0)
		return -1;
	return change_fv(st, sid, &v, e);
}

int
store_set_note_if(struct store *st, long long sid, int q, const char *text,
    const char *expect, struct err *e)
{
	struct fv v = { .owned = NULL }, x = { .owned = NULL };

	if (store_need_model(st, e) != 0 ||
	    fv_note(st->model, q, text, &v, e) != 0 ||
	    fv_note(st->model, q, expect, &x, e) != 0)
		return -1;
	return change_fv_if(st, sid, &v, &x, e);
}

int
store_set_context_if(struct store *st, long long sid, const char *text,
    const char *expect, struct err *e)
{
	struct fv v = { .owned = NULL }, x = { .owned = NULL };

	if (fv_context(text, &v, e) != 0 || fv_context(expect, &x, e) != 0)
		return -1;
	return change_fv_if(st, sid, &v, &x, e);
}

int
store_set_participants_if(struct store *st, long long sid, int n,
    const char *const *names, int expect_n, const char *const *expect,
    struct err *e)
{
	struct fv v = { .owned = NULL }, x = { .owned = NULL };

	if (fv_participants(n, names, &v, e) != 0)
		return -1;
	if (fv_participants(expect_n, expect, &x, e) != 0) {
		fv_free(&v);
		return -1;
	}
	return change_fv_if(st, sid, &v, &x, e);
}

int
store_set_vote(struct store *st, long long sid, const char *ident, int q,
    int a, struct err *e)
{
	struct fv v = { .owned = NULL };

	if (store_need_model(st, e) != 0 ||
	    fv_vote(st->model, ident, q, a, &v, e) != 0)
		return -1;
	return change_fv(st, sid, &v, e);
}

int
store_set_reveal(struct store *st, long long sid, int q, int on,
    struct err *e)
{
	struct fv v = { .owned = NULL };

	if (store_need_model(st, e) != 0 ||
	    fv_reveal(st->model, q, on, &v, e) != 0)
		return -1;
	return change_fv(st, sid, &v, e);
}

int
store_set_identity(struct store *st, long long sid, const char *ident,
    const char *who, struct err *e)
{
	struct fv v = { .owned = NULL };

	if (fv_identity(ident, who, &v, e) != 0)
		return -1;
	return change_fv(st, sid, &v, e);
}

int
store_set_weight(struct store *st, long long sid, int d, int w,
    struct err *e)
{
	struct fv v = { .owned = NULL };

	if (store_need_model(st, e) != 0 ||
	    fv_weight(st->model, d, w, &v, e) != 0)
		return -1;
	return change_fv(st, sid, &v, e);
}

int
store_set_workload(struct store *st, long long sid, int f, const char *value,
    struct err *e)
{
	struct fv v = { .owned = NULL };
	int rc;

	if (fv_workload(f, value, &v, e) != 0)
		return -1;
	rc = change_burst(st, sid, v.field, v.value, e);
	fv_free(&v);
	return rc;
}

int
store_set_context(struct store *st, long long sid, const char *text,
    struct err *e)
{
	struct fv v = { .owned = NULL };

	if (fv_context(text, &v, e) != 0)
		return -1;
	return change_fv(st, sid, &v, e);
}

int
store_set_participants(struct store *st, long long sid, int n,
    const char *const *names, struct err *e)
{
	struct fv v = { .owned = NULL };

	if (fv_participants(n, names, &v, e) != 0)
		return -1;
	return change_fv(st, sid, &v, e);
}

/* Import ------------------------------------------------------------------- */

/* Whether A holds the workshop field FIELD ("vote:ben:devops",
 * "identity:ben"). */
static int
holds(const struct answers *a, const char *field)
{
	const struct model *m = a->model;
	const char *key = strchr(field, ':') + 1, *colon;
	char ident[ANSWERS_IDENT_MAX + 1];
	size_t len;
	int who, q;

	if (strncmp(field, "identity:", 9) == 0)
		return (who = answers_find_ident(a, key)) >= 0 &&
		    a->ident_as[who] != NULL;
	if ((colon = strchr(key, ':')) == NULL ||
	    (len = (size_t)(colon - key)) > ANSWERS_IDENT_MAX)
		return 0;
	memcpy(ident, key, len);
	ident[len] = '\0';
	return (who = answers_find_ident(a, ident)) >= 0 &&
	    (q = model_question_index(m, colon + 1)) >= 0 &&
	    a->vote[who][q] >= 0;
}

/* Votes and identities of SID that A does not hold go, so that the
 * session holds exactly what A holds (the questions' reveals are all
 * set by import_fields). */
static int
import_forget(struct store *st, long long sid, const struct answers *a,
    int *changes, struct err *e)
{
	static const int tables[] = { STORE_T_VOTES, STORE_T_IDENTITIES };
	char field[160];
	const unsigned char *k;
	sqlite3_stmt *s;
	size_t i;
	int rc;

	for (i = 0; i < sizeof tables / sizeof tables[0]; i++) {
		const struct store_table *t = &store_tables[tables[i]];

		if (store_prepare(st, t->load, &s, e) != 0)
			return -1;
		sqlite3_bind_int64(s, 1, sid);
		while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
			if ((k = sqlite3_column_text(s, 0)) == NULL)
				continue;
			snprintf(field, sizeof field, "%s%s", t->prefix, k);
			if (holds(a, field))
				continue;
			/* Deleting the row the statement is on is safe
			 * in SQLite; stepping on continues after it. */
			if ((rc = store_field_set(st, sid, field, NULL, 1, 0,
			    e)) < 0) {
				sqlite3_finalize(s);
				return -1;
			}
			*changes += rc;
			rc = SQLITE_ROW;
		}
		sqlite3_finalize(s);
		if (rc != SQLITE_DONE)
			return store_fail(st, rc, "cannot read the session", e);
	}
	return 0;
}

/* Set every field A holds, inside the current transaction; counts the
 * fields that changed in *CHANGES. */
static int
import_fields(struct store *st, long long sid, const struct answers *a,
    int *changes, struct err *e)
{
	const struct model *m = st->model;
	struct fv v;
	int q, d, f, i, rc;

#define SET(build) do { \
		memset(&v, 0, sizeof v); \
		if ((build) != 0) \
			return -1; \
		rc = store_field_set(st, sid, v.field, v.value, 1, 0, e); \
		fv_free(&v); \
		if (rc < 0) \
			return -1; \
		*changes += rc; \
	} while (0)

	SET(fv_context(a->context, &v, e));
	SET(fv_participants(a->nparticipants, a->participants, &v, e));
	for (q = 0; q < m->nquestions; q++)
		SET(fv_answer(m, q, a->answer[q], &v, e));
	for (d = 0; d < m->ndims; d++)
		SET(fv_weight(m, d, (a->weight_set & (1u << d)) ?
		    a->weight[d] : -1, &v, e));
	for (f = 0; f < WL_NFIELDS; f++) {
		char buf[WL_TEXT_MAX + 32];

		SET(fv_workload(f, (a->workload.set & (1u << f)) ?
		    workload_format(&a->workload, f, buf, sizeof buf) : NULL,
		    &v, e));
	}
	for (q = 0; q < m->nquestions; q++)
		SET(fv_note(m, q, a->note[q], &v, e));
	for (i = 0; i < a->nidents; i++) {
		for (q = 0; q < m->nquestions; q++)
			if (a->vote[i][q] >= 0)
				SET(fv_vote(m, a->ident[i], q, a->vote[i][q],
				    &v, e));
		if (a->ident_as[i] != NULL)
			SET(fv_identity(a->ident[i], a->ident_as[i], &v, e));
	}
	for (q = 0; q < m->nquestions; q++)
		SET(fv_reveal(m, q, a->revealed[q], &v, e));
#undef SET
	return import_forget(st, sid, a, changes, e);
}

int
store_import(struct store *st, const char *name, const struct answers *a,
    struct store_session *out, int *changes, struct err *e)
{
	struct store_session tmp;
	int created, n = 0;

	if (out == NULL)
		out = &tmp;
	if (store_need_model(st, e) != 0)
		return -1;
	if (a->model != st->model) {
		err_set(e, "internal error: answers for another model");
		return -1;
	}
	if (store_begin_write(st, e) != 0)
		return -1;
	if (find_or_create_tx(st, name, out, &created, e) != 0 ||
	    store_touch(st, out->id, e) != 0 ||
	    import_fields(st, out->id, a, &n, e) != 0)
		goto fail;
	if (!created && n == 0) {
		/* the session already holds it all */
		store_rollback(st);
	} else if (store_commit(st, "cannot save the session", e) != 0)
		goto fail;
	if (changes != NULL)
		*changes = n;
	return store_find(st, name, out, e) == 1 ? 0 : -1;
fail:
	store_rollback(st);
	return -1;
}
