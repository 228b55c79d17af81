/* store_history.c - the history of a session's changes, and undo and
 * redo per user: each takes back (or restores) its user's own last
 * change, and asks first when someone else changed the field since.
 *
 * history.undoable: 1 an entry undo can take back; 2 an undo entry that
 * redo can still restore (until its user changes something else); 0
 * neither. */
#include "config.h"

#include "store_impl.h"

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct undo_entry {
	long long id;
	char *field, *old, *new;
};

/* The change WHICH picks for SID and USER: the last one with entries
 * undoable (1), or the last undo that can still be redone (2).  1 found,
 * 0 none, -1 error. */
static int
last_change(struct store *st, long long sid, const char *user, int which,
    long long *change_id, struct err *e)
{
	sqlite3_stmt *s;
	int rc;

	*change_id = 0;
	if (store_prepare(st, "SELECT change_id FROM history WHERE "
	    "session_id = ?1 AND undoable = ?3 AND user = ?2 "
	    "ORDER BY id DESC LIMIT 1", &s, e) != 0)
		return -1;
	sqlite3_bind_int64(s, 1, sid);
	store_bind_text(s, 2, user);
	sqlite3_bind_int(s, 3, which);
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW)
		*change_id = sqlite3_column_int64(s, 0);
	sqlite3_finalize(s);
	if (rc == SQLITE_ROW)
		return 1;
	return rc == SQLITE_DONE ? 0 :
	    store_fail(st, rc, "cannot read the history", e);
}

static char *
dup_col(sqlite3_stmt *s, int col, int *failed)
{
	const unsigned char *t = sqlite3_column_text(s, col);
	char *d;

	if (t == NULL)
		return NULL;
	if ((d = strdup((const char *)t)) == NULL)
		*failed = 1;
	return d;
}

/* The entries of change CHANGE_ID with undoable = WHICH, newest first:
 * for an undo (WHICH 2), each taken-back entry's field, and its values
 * as that entry left them. */
static int
change_entries(struct store *st, long long change_id, int which,
    struct undo_entry **out, int *n, struct err *e)
{
	sqlite3_stmt *s;
	struct undo_entry *v = NULL, *nv;
	int rc, cap = 0, failed = 0;

	*out = NULL;
	*n = 0;
	if (store_prepare(st, which == 1 ? "SELECT id, field, old, new FROM "
	    "history WHERE undoable = 1 AND change_id = ?1 ORDER BY id DESC" :
	    "SELECT h.id, t.field, t.old, t.new FROM history h JOIN history t "
	    "ON t.id = h.undoes WHERE h.undoable = 2 AND h.change_id = ?1 "
	    "ORDER BY h.id DESC", &s, e) != 0)
		return -1;
	sqlite3_bind_int64(s, 1, change_id);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW && !failed) {
		if (*n == cap) {
			cap = cap ? cap * 2 : 8;
			if ((nv = realloc(v, (size_t)cap * sizeof *v)) == NULL) {
				failed = 1;
				break;
			}
			v = nv;
		}
		v[*n].id = sqlite3_column_int64(s, 0);
		v[*n].field = dup_col(s, 1, &failed);
		v[*n].old = dup_col(s, 2, &failed);
		v[*n].new = dup_col(s, 3, &failed);
		(*n)++;
		if (v[*n - 1].field == NULL)
			failed = 1;
	}
	sqlite3_finalize(s);
	*out = v;
	if (failed)
		rc = SQLITE_NOMEM;
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
		free(v[i].new);
	}
	free(v);
}

/* Whether FIELD of SID no longer holds what entry U left (someone
 * changed it since): 1 with who last changed it in OTHER, 0 when it
 * still holds U's value, -1 error. */
static int
changed_since(struct store *st, long long sid, const struct undo_entry *u,
    char *other, size_t size, struct err *e)
{
	sqlite3_stmt *s;
	const unsigned char *t;
	char *now;
	int rc, same;

	if (store_field_get(st, sid, u->field, &now, e) != 0)
		return -1;
	same = now == NULL || u->new == NULL ? now == u->new :
	    strcmp(now, u->new) == 0;
	free(now);
	if (same)
		return 0;
	snprintf(other, size, "someone");
	if (store_prepare(st, "SELECT user FROM history WHERE session_id = ?1 "
	    "AND field = ?2 ORDER BY id DESC LIMIT 1", &s, e) != 0)
		return -1;
	sqlite3_bind_int64(s, 1, sid);
	store_bind_text(s, 2, u->field);
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW && (t = sqlite3_column_text(s, 0)) != NULL)
		snprintf(other, size, "%s", (const char *)t);
	sqlite3_finalize(s);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return store_fail(st, rc, "cannot read the history", e);
	return 1;
}

/* Close entry U (it can no longer be undone or redone) and set its
 * field to VALUE, recorded with UNDOABLE and UNDO_OF; WHAT names the
 * step in a failure. */
static int
retake(struct store *st, long long sid, const struct undo_entry *u,
    const char *value, int undoable, long long undo_of, const char *what,
    struct err *e)
{
	sqlite3_stmt *s;

	if (store_prepare(st, "UPDATE history SET undoable = 0 WHERE id = ?1",
	    &s, e) != 0)
		return -1;
	sqlite3_bind_int64(s, 1, u->id);
	if (store_run(st, s, what, e) != 0)
		return -1;
	return store_field_set(st, sid, u->field, value, undoable, undo_of,
	    e) < 0 ? -1 : 0;
}

/* Take back entry U: its field goes back to U's old value, and the undo
 * can be redone (undoable 2) until the undoer changes something else. */
static int
undo_apply(struct store *st, long long sid, const struct undo_entry *u,
    struct err *e)
{
	return retake(st, sid, u, u->old, 2, u->id, "cannot undo", e);
}

/* Restore entry U's new value, as a new change that can be undone; the
 * undo (its id in U) can no longer be redone. */
static int
redo_apply(struct store *st, long long sid, const struct undo_entry *u,
    struct err *e)
{
	return retake(st, sid, u, u->new, 1, 0, "cannot redo", e);
}

/* Describe entry LAST (of N) of USER's change in OUT, VALUE being the
 * field's value now. */
static void
describe(struct store_undo *out, int n, const struct undo_entry *last,
    const char *value, const char *user)
{
	if (out == NULL)
		return;
	out->count = n;
	snprintf(out->field, sizeof out->field, "%s", last->field);
	snprintf(out->user, sizeof out->user, "%s", user);
	out->unset = value == NULL;
	if (value != NULL)
		err_quote(out->value, sizeof out->value, value, strlen(value));
}

/* Whether someone changed a field of V since: 1 (named in OUT), 0, -1. */
static int
conflict(struct store *st, long long sid, const struct undo_entry *v, int n,
    struct store_undo *out, struct err *e)
{
	char other[128];
	int i, rc;

	for (i = 0; i < n; i++) {
		if ((rc = changed_since(st, sid, &v[i], other, sizeof other,
		    e)) == 0)
			continue;
		if (rc > 0 && out != NULL) {
			snprintf(out->other, sizeof out->other, "%s", other);
			snprintf(out->field, sizeof out->field, "%s",
			    v[i].field);
		}
		return rc;
	}
	return 0;
}

int
store_undo(struct store *st, long long sid, const char *user, int force,
    struct store_undo *out, struct err *e)
{
	struct undo_entry *v = NULL;
	long long change_id;
	int n = 0, i, rc;

	if (out != NULL)
		memset(out, 0, sizeof *out);
	if (user == NULL)
		user = st->user;
	if (store_begin_write(st, e) != 0)
		return -1;
	if (store_touch(st, sid, e) != 0 ||
	    (rc = last_change(st, sid, user, 1, &change_id, e)) < 0 ||
	    (rc > 0 && change_entries(st, change_id, 1, &v, &n, e) != 0))
		goto fail;
	if (n == 0 || (!force && (rc = conflict(st, sid, v, n, out, e)) != 0)) {
		store_rollback(st);
		undo_entries_free(v, n);
		return n == 0 ? 0 : rc < 0 ? -1 : 2;
	}
	for (i = 0; i < n; i++)
		if (undo_apply(st, sid, &v[i], e) != 0)
			goto fail;
	if (store_commit(st, "cannot undo", e) != 0)
		goto fail;
	describe(out, n, &v[n - 1], v[n - 1].old, user);
	undo_entries_free(v, n);
	return 1;
fail:
	store_rollback(st);
	undo_entries_free(v, n);
	return -1;
}

int
store_redo(struct store *st, long long sid, struct store_undo *out,
    struct err *e)
{
	struct undo_entry *v = NULL;
	long long change_id;
	int n = 0, i, rc;

	if (out != NULL)
		memset(out, 0, sizeof *out);
	if (store_begin_write(st, e) != 0)
		return -1;
	if (store_touch(st, sid, e) != 0 ||
	    (rc = last_change(st, sid, st->user, 2, &change_id, e)) < 0 ||
	    (rc > 0 && change_entries(st, change_id, 2, &v, &n, e) != 0))
		goto fail;
	if (n == 0) {
		store_rollback(st);
		free(v);
		return 0;
	}
	for (i = 0; i < n; i++)
		if (redo_apply(st, sid, &v[i], e) != 0)
			goto fail;
	if (store_commit(st, "cannot redo", e) != 0)
		goto fail;
	describe(out, n, &v[n - 1], v[n - 1].new, st->user);
	undo_entries_free(v, n);
	return 1;
fail:
	store_rollback(st);
	undo_entries_free(v, n);
	return -1;
}

int
store_last_other(struct store *st, long long sid, char *out, size_t size,
    struct err *e)
{
	sqlite3_stmt *s;
	const unsigned char *t;
	int rc;

	out[0] = '\0';
	if (store_prepare(st, "SELECT user FROM history WHERE session_id = ?1 "
	    "AND undoable = 1 AND user IS NOT ?2 ORDER BY id DESC LIMIT 1", &s,
	    e) != 0)
		return -1;
	sqlite3_bind_int64(s, 1, sid);
	store_bind_text(s, 2, st->user);
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW && (t = sqlite3_column_text(s, 0)) != NULL)
		snprintf(out, size, "%s", (const char *)t);
	sqlite3_finalize(s);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return store_fail(st, rc, "cannot read the history", e);
	return 0;
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
