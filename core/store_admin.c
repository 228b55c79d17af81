/* store_admin.c - managing whole sessions: rename, copy and delete,
 * their milestones with them. */
#include "config.h"

#include "store_impl.h"

#include <sqlite3.h>
#include <stdio.h>
#include <string.h>

static int
no_session(const char *name, struct err *e)
{
	char q[ANSWERS_NAME_MAX * 4 + 8];

	err_set(e, "no session named '%s'", err_quote(q, sizeof q, name,
	    strlen(name)));
	return -1;
}

static int
name_taken(const char *name, struct err *e)
{
	char q[ANSWERS_NAME_MAX * 4 + 8];

	err_set(e, "a session named '%s' already exists", err_quote(q,
	    sizeof q, name, strlen(name)));
	return -1;
}

/* Session FROM into *S, inside the current transaction; -1 with a
 * message when there is none. */
static int
find_from(struct store *st, const char *from, struct store_session *s,
    struct err *e)
{
	int rc = store_find(st, from, s, e);

	if (rc == 0)
		no_session(from, e);
	return rc > 0 ? 0 : -1;
}

/* 0 when no session is named TO, inside the current transaction. */
static int
check_free(struct store *st, const char *to, struct err *e)
{
	int rc = store_find(st, to, NULL, e);

	if (rc > 0)
		name_taken(to, e);
	return rc == 0 ? 0 : -1;
}

int
store_rename(struct store *st, const char *from, const char *to,
    struct err *e)
{
	struct store_session s;
	sqlite3_stmt *q;

	if (answers_name_check(to, e) != 0 || store_begin_write(st, e) != 0)
		return -1;
	if (find_from(st, from, &s, e) != 0)
		goto fail;
	if (strcmp(from, to) == 0) {
		store_rollback(st);
		return 0;
	}
	if (check_free(st, to, e) != 0 || store_touch(st, s.id, e) != 0 ||
	    store_prepare(st, "UPDATE sessions SET name = ?2 WHERE id = ?1",
	    &q, e) != 0)
		goto fail;
	sqlite3_bind_int64(q, 1, s.id);
	store_bind_text(q, 2, to);
	if (store_run(st, q, "cannot rename the session", e) != 0 ||
	    store_history_add(st, s.id, "name", from, to, 0, 0, e) != 0 ||
	    store_commit(st, "cannot rename the session", e) != 0)
		goto fail;
	return 0;
fail:
	store_rollback(st);
	return -1;
}

/* Copy rows with SQL (fixed text, ?1 from, ?2 to). */
static int
copy_rows(struct store *st, const char *sql, long long from, long long to,
    struct err *e)
{
	sqlite3_stmt *s;

	if (store_prepare(st, sql, &s, e) != 0)
		return -1;
	sqlite3_bind_int64(s, 1, from);
	sqlite3_bind_int64(s, 2, to);
	return store_run(st, s, "cannot copy the session", e);
}

/* Copy what session FROM holds to session TO: the fields of its own row,
 * then its rows of every table. */
static int
copy_fields(struct store *st, long long from, long long to, struct err *e)
{
	int i;

	if (copy_rows(st, "UPDATE sessions SET (context, participants) = "
	    "(SELECT context, participants FROM sessions WHERE id = ?1) "
	    "WHERE id = ?2", from, to, e) != 0)
		return -1;
	for (i = 0; i < STORE_NTABLES; i++)
		if (copy_rows(st, store_tables[i].copy, from, to, e) != 0)
			return -1;
	/* The milestones, as they were: a copy's past is its source's. */
	return copy_rows(st, "INSERT INTO milestones(session_id, label, time, "
	    "user, model_id, model_version, pricing, answers) SELECT ?2, "
	    "label, time, user, model_id, model_version, pricing, answers "
	    "FROM milestones WHERE session_id = ?1", from, to, e);
}

int
store_copy(struct store *st, const char *from, const char *to,
    struct err *e)
{
	struct store_session s;
	long long sid;

	if (answers_name_check(to, e) != 0 || store_begin_write(st, e) != 0)
		return -1;
	if (find_from(st, from, &s, e) != 0 || check_free(st, to, e) != 0 ||
	    store_session_insert(st, to, s.model_id, s.model_version, &sid,
	    e) != 0 ||
	    copy_fields(st, s.id, sid, e) != 0 ||
	    store_history_add(st, sid, "copied", from, to, 0, 0, e) != 0 ||
	    store_commit(st, "cannot copy the session", e) != 0) {
		store_rollback(st);
		return -1;
	}
	return 0;
}

/* Delete rows of session SID with SQL (fixed text, ?1 the session). */
static int
purge_rows(struct store *st, const char *sql, long long sid, struct err *e)
{
	sqlite3_stmt *q;

	if (store_prepare(st, sql, &q, e) != 0)
		return -1;
	sqlite3_bind_int64(q, 1, sid);
	return store_run(st, q, "cannot delete the session", e);
}

/* Delete session SID: its history, its rows of every table, its row. */
static int
purge(struct store *st, long long sid, struct err *e)
{
	int i;

	if (purge_rows(st, "DELETE FROM history WHERE session_id = ?1", sid,
	    e) != 0)
		return -1;
	for (i = 0; i < STORE_NTABLES; i++)
		if (purge_rows(st, store_tables[i].purge, sid, e) != 0)
			return -1;
	if (purge_rows(st, "DELETE FROM milestones WHERE session_id = ?1",
	    sid, e) != 0)
		return -1;
	return purge_rows(st, "DELETE FROM sessions WHERE id = ?1", sid, e);
}

int
store_delete(struct store *st, const char *name, struct err *e)
{
	struct store_session s;

	if (store_begin_write(st, e) != 0)
		return -1;
	if (find_from(st, name, &s, e) != 0 || purge(st, s.id, e) != 0 ||
	    store_commit(st, "cannot delete the session", e) != 0) {
		store_rollback(st);
		return -1;
	}
	return 0;
}
