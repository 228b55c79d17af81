/* store_admin.c - managing whole sessions: rename, copy and delete. */
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

int
store_rename(struct store *st, const char *from, const char *to,
    struct err *e)
{
	struct store_session s;
	sqlite3_stmt *q;
	int rc;

	if (answers_name_check(to, e) != 0 || store_begin_write(st, e) != 0)
		return -1;
	if ((rc = store_find(st, from, &s, e)) <= 0) {
		if (rc == 0)
			no_session(from, e);
		goto fail;
	}
	if (strcmp(from, to) == 0) {
		store_rollback(st);
		return 0;
	}
	if ((rc = store_find(st, to, NULL, e)) != 0) {
		if (rc > 0)
			name_taken(to, e);
		goto fail;
	}
	if (store_touch(st, s.id, e) != 0 ||
	    store_prepare(st, "UPDATE sessions SET name = ?2 WHERE id = ?1", &q,
	    e) != 0)
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

/* Copy the rows of one per-session table (fixed SQL, ?1 from, ?2 to). */
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

int
store_copy(struct store *st, const char *from, const char *to,
    struct err *e)
{
	static const char *const copies[] = {
		"UPDATE sessions SET (context, participants) = (SELECT "
		"context, participants FROM sessions WHERE id = ?1) "
		"WHERE id = ?2",
		"INSERT INTO answers(session_id, question, answer) "
		"SELECT ?2, question, answer FROM answers WHERE session_id = ?1",
		"INSERT INTO notes(session_id, question, text) "
		"SELECT ?2, question, text FROM notes WHERE session_id = ?1",
		"INSERT INTO weights(session_id, dimension, weight) "
		"SELECT ?2, dimension, weight FROM weights WHERE session_id = ?1",
		"INSERT INTO workload(session_id, key, value) "
		"SELECT ?2, key, value FROM workload WHERE session_id = ?1",
	};
	struct store_session s;
	long long sid;
	size_t i;
	int rc;

	if (answers_name_check(to, e) != 0 || store_begin_write(st, e) != 0)
		return -1;
	if ((rc = store_find(st, from, &s, e)) <= 0) {
		if (rc == 0)
			no_session(from, e);
		goto fail;
	}
	if ((rc = store_find(st, to, NULL, e)) != 0) {
		if (rc > 0)
			name_taken(to, e);
		goto fail;
	}
	if (store_session_insert(st, to, s.model_id, s.model_version, &sid,
	    e) != 0)
		goto fail;
	for (i = 0; i < sizeof copies / sizeof copies[0]; i++)
		if (copy_rows(st, copies[i], s.id, sid, e) != 0)
			goto fail;
	if (store_history_add(st, sid, "copied", from, to, 0, 0, e) != 0 ||
	    store_commit(st, "cannot copy the session", e) != 0)
		goto fail;
	return 0;
fail:
	store_rollback(st);
	return -1;
}

int
store_delete(struct store *st, const char *name, struct err *e)
{
	static const char *const deletes[] = {
		"DELETE FROM history WHERE session_id = ?1",
		"DELETE FROM answers WHERE session_id = ?1",
		"DELETE FROM notes WHERE session_id = ?1",
		"DELETE FROM weights WHERE session_id = ?1",
		"DELETE FROM workload WHERE session_id = ?1",
		"DELETE FROM sessions WHERE id = ?1",
	};
	struct store_session s;
	sqlite3_stmt *q;
	size_t i;
	int rc;

	if (store_begin_write(st, e) != 0)
		return -1;
	if ((rc = store_find(st, name, &s, e)) <= 0) {
		if (rc == 0)
			no_session(name, e);
		goto fail;
	}
	for (i = 0; i < sizeof deletes / sizeof deletes[0]; i++) {
		if (store_prepare(st, deletes[i], &q, e) != 0)
			goto fail;
		sqlite3_bind_int64(q, 1, s.id);
		if (store_run(st, q, "cannot delete the session", e) != 0)
			goto fail;
	}
	if (store_commit(st, "cannot delete the session", e) != 0)
		goto fail;
	return 0;
fail:
	store_rollback(st);
	return -1;
}
