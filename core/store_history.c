/* store_history.c - the history of a session's changes, and undo,
 * which takes back the last change not yet taken back. */
#include "config.h"

#include "store_impl.h"

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct undo_entry {
	long long id;
	char *field, *old;
};

/* The id of the last change of SID with entries still undoable: 1
 * found, 0 none, -1 error. */
static int
last_change(struct store *st, long long sid, long long *change_id,
    struct err *e)
{
	sqlite3_stmt *s;
	int rc;

	*change_id = 0;
	if (store_prepare(st, "SELECT change_id FROM history WHERE "
	    "session_id = ?1 AND undoable = 1 ORDER BY id DESC LIMIT 1", &s,
	    e) != 0)
		return -1;
	sqlite3_bind_int64(s, 1, sid);
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW)
		*change_id = sqlite3_column_int64(s, 0);
	sqlite3_finalize(s);
	if (rc == SQLITE_ROW)
		return 1;
	return rc == SQLITE_DONE ? 0 :
	    store_fail(st, rc, "cannot read the history", e);
}

/* The undoable entries of the last change of SID, newest first. */
static int
undo_entries(struct store *st, long long sid, struct undo_entry **out,
    int *n, struct err *e)
{
	sqlite3_stmt *s;
	long long change_id;
	struct undo_entry *v = NULL, *nv;
	int rc, cap = 0;

	*out = NULL;
	*n = 0;
	if ((rc = last_change(st, sid, &change_id, e)) <= 0)
		return rc;
	if (store_prepare(st, "SELECT id, field, old FROM history WHERE "
	    "session_id = ?1 AND undoable = 1 AND change_id = ?2 "
	    "ORDER BY id DESC", &s, e) != 0)
		return -1;
	sqlite3_bind_int64(s, 1, sid);
	sqlite3_bind_int64(s, 2, change_id);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		const unsigned char *f = sqlite3_column_text(s, 1);
		const unsigned char *o = sqlite3_column_text(s, 2);

		if (*n == cap) {
			cap = cap ? cap * 2 : 8;
			if ((nv = realloc(v, (size_t)cap * sizeof *v)) == NULL) {
				rc = SQLITE_NOMEM;
				break;
			}
			v = nv;
		}
		v[*n].id = sqlite3_column_int64(s, 0);
		v[*n].field = strdup(f != NULL ? (const char *)f : "");
		v[*n].old = o != NULL ? strdup((const char *)o) : NULL;
		(*n)++;
		if (v[*n - 1].field == NULL || (o != NULL &&
		    v[*n - 1].old == NULL)) {
			rc = SQLITE_NOMEM;
			break;
		}
	}
	sqlite3_finalize(s);
	*out = v;
	if (rc != SQLITE_DONE)
		return store_fail(st, rc, "cannot read the history", e);
	return 0;
}

static void
undo_entries_free(struct undo_entry *v, int n)
{
	int i;

	for (i = 0; i < n; i++) {
		free(v[i].field);
		free(v[i].old);
	}
	free(v);
}

static int
undo_apply(struct store *st, long long sid, const struct undo_entry *u,
    struct err *e)
{
	sqlite3_stmt *s;

	if (store_prepare(st, "UPDATE history SET undoable = 0 WHERE id = ?1",
	    &s, e) != 0)
		return -1;
	sqlite3_bind_int64(s, 1, u->id);
	if (store_run(st, s, "cannot undo", e) != 0)
		return -1;
	return store_field_set(st, sid, u->field, u->old, 0, u->id, e) < 0 ?
	    -1 : 0;
}

int
store_undo(struct store *st, long long sid, struct store_undo *out,
    struct err *e)
{
	struct undo_entry *v = NULL;
	int n = 0, i;

	if (out != NULL)
		memset(out, 0, sizeof *out);
	if (store_begin_write(st, e) != 0)
		return -1;
	if (store_touch(st, sid, e) != 0 ||
	    undo_entries(st, sid, &v, &n, e) != 0)
		goto fail;
	if (n == 0) {
		store_rollback(st);
		free(v);
		return 0;
	}
	for (i = 0; i < n; i++)
		if (undo_apply(st, sid, &v[i], e) != 0)
			goto fail;
	if (store_commit(st, "cannot undo", e) != 0)
		goto fail;
	if (out != NULL) {
		const struct undo_entry *last = &v[n - 1];

		out->count = n;
		snprintf(out->field, sizeof out->field, "%s", last->field);
		out->unset = last->old == NULL;
		if (last->old != NULL)
			err_quote(out->value, sizeof out->value, last->old,
			    strlen(last->old));
	}
	undo_entries_free(v, n);
	return 1;
fail:
	store_rollback(st);
	undo_entries_free(v, n);
	return -1;
}

int
store_history(struct store *st, long long sid,
    int (*fn)(const struct store_change *c, void *arg), void *arg,
    struct err *e)
{
	struct store_change c;
	sqlite3_stmt *s;
	int rc;

	if (st->empty)
		return 0;
	if (store_prepare(st, "SELECT id, change_id, time, user, field, old, "
	    "new, undoable, coalesce(undoes, 0) FROM history "
	    "WHERE session_id = ?1 ORDER BY id", &s, e) != 0)
		return -1;
	sqlite3_bind_int64(s, 1, sid);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		const unsigned char *u = sqlite3_column_text(s, 3);
		const unsigned char *f = sqlite3_column_text(s, 4);

		c.id = sqlite3_column_int64(s, 0);
		c.change = sqlite3_column_int64(s, 1);
		c.time = sqlite3_column_int64(s, 2);
		c.user = u != NULL ? (const char *)u : "";
		c.field = f != NULL ? (const char *)f : "";
		c.old = (const char *)sqlite3_column_text(s, 5);
		c.new = (const char *)sqlite3_column_text(s, 6);
		c.undoable = sqlite3_column_int(s, 7);
		c.undoes = sqlite3_column_int64(s, 8);
		if (fn(&c, arg) != 0) {
			rc = SQLITE_DONE;
			break;
		}
	}
	sqlite3_finalize(s);
	if (rc != SQLITE_DONE)
		return store_fail(st, rc, "cannot read the history", e);
	return 0;
}
