/* store_query.c - finding, counting and listing sessions, most recently
 * changed first through an index, however many there are. */
#include "config.h"

#include "store_impl.h"

#include <sqlite3.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#define SESSION_COLUMNS "id, name, created, updated, model_id, " \
	"model_version, (SELECT count(*) FROM answers " \
	"WHERE session_id = sessions.id)"

static void
text_col(sqlite3_stmt *s, int col, char *buf, size_t size)
{
	const unsigned char *t = sqlite3_column_text(s, col);

	snprintf(buf, size, "%s", t != NULL ? (const char *)t : "");
}

static void
session_row(sqlite3_stmt *s, struct store_session *out)
{
	memset(out, 0, sizeof *out);
	out->id = sqlite3_column_int64(s, 0);
	text_col(s, 1, out->name, sizeof out->name);
	out->created = sqlite3_column_int64(s, 2);
	out->updated = sqlite3_column_int64(s, 3);
	text_col(s, 4, out->model_id, sizeof out->model_id);
	text_col(s, 5, out->model_version, sizeof out->model_version);
	out->nanswers = sqlite3_column_int(s, 6);
}

/* The one row of S, a query of SESSION_COLUMNS, into *OUT (may be
 * NULL); S is finalized.  1 found, 0 none, -1 error. */
static int
session_fetch(struct store *st, sqlite3_stmt *s, struct store_session *out,
    struct err *e)
{
	int rc = sqlite3_step(s);

	if (rc == SQLITE_ROW && out != NULL)
		session_row(s, out);
	sqlite3_finalize(s);
	if (rc == SQLITE_ROW)
		return 1;
	if (rc == SQLITE_DONE)
		return 0;
	return store_fail(st, rc, "cannot read the sessions", e);
}

/* One session from SQL with NAME (or nothing) bound as ?1. */
static int
session_query(struct store *st, const char *sql, const char *name,
    struct store_session *out, struct err *e)
{
	sqlite3_stmt *s;

	if (st->empty)
		return 0;
	if (store_prepare(st, sql, &s, e) != 0)
		return -1;
	if (name != NULL)
		store_bind_text(s, 1, name);
	return session_fetch(st, s, out, e);
}

int
store_find(struct store *st, const char *name, struct store_session *out,
    struct err *e)
{
	return session_query(st, "SELECT " SESSION_COLUMNS " FROM sessions "
	    "WHERE name IN (?1, CAST(?1 AS BLOB))", name, out, e);
}

int
store_find_id(struct store *st, long long sid, struct store_session *out,
    struct err *e)
{
	sqlite3_stmt *s;

	if (st->empty)
		return 0;
	if (store_prepare(st, "SELECT " SESSION_COLUMNS " FROM sessions "
	    "WHERE id = ?1", &s, e) != 0)
		return -1;
	sqlite3_bind_int64(s, 1, sid);
	return session_fetch(st, s, out, e);
}

int
store_latest(struct store *st, struct store_session *out, struct err *e)
{
	return session_query(st, "SELECT " SESSION_COLUMNS " FROM sessions "
	    "ORDER BY touched DESC LIMIT 1", NULL, out, e);
}

int
store_count(struct store *st, long long *n, struct err *e)
{
	*n = 0;
	if (st->empty)
		return 0;
	return store_query_int(st, "SELECT count(*) FROM sessions", n, e);
}

int
store_list(struct store *st, long long offset, long long limit,
    int (*fn)(const struct store_session *s, void *arg), void *arg,
    struct err *e)
{
	struct store_session row;
	sqlite3_stmt *s;
	int rc;

	if (st->empty)
		return 0;
	if (store_prepare(st, "SELECT " SESSION_COLUMNS " FROM sessions "
	    "ORDER BY touched DESC LIMIT ?1 OFFSET ?2", &s, e) != 0)
		return -1;
	sqlite3_bind_int64(s, 1, limit);
	sqlite3_bind_int64(s, 2, offset);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		session_row(s, &row);
		if (fn(&row, arg) != 0) {
			rc = SQLITE_DONE;
			break;
		}
	}
	sqlite3_finalize(s);
	if (rc != SQLITE_DONE)
		return store_fail(st, rc, "cannot read the sessions", e);
	return 0;
}
