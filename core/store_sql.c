/* store_sql.c - running SQL for the store: statements, transactions,
 * and what SQLite's errors mean to the person using the program. */
#include "config.h"

#include "store_impl.h"

#include <errno.h>
#include <limits.h>
#include <sqlite3.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

/* Errors ------------------------------------------------------------- */

/* Why a write was refused (RC is one of the SQLITE_READONLY codes). */
static void
fail_readonly(struct store *st, int rc, const char *doing, struct err *e)
{
	if (rc == SQLITE_READONLY_ROLLBACK || rc == SQLITE_READONLY_RECOVERY)
		err_file(e, st->path, "%s: the database holds a change a "
		    "stopped program left unfinished, which only someone who "
		    "can write to the file and its directory can finish "
		    "(opening it with tradeoff does); nothing was changed",
		    doing);
	else
		err_file(e, st->path, "%s: the database is read-only (check "
		    "the permissions of the file and its directory); nothing "
		    "was changed", doing);
}

/* Turn SQLite result RC (while DOING something) into a message that says
 * which file, what happened and what to do.  Returns -1. */
int
store_fail(struct store *st, int rc, const char *doing, struct err *e)
{
	int sys = st->db != NULL ? sqlite3_system_errno(st->db) : 0;
	const char *msg = st->db != NULL ? sqlite3_errmsg(st->db) :
	    sqlite3_errstr(rc);

	switch (rc & 0xff) {
	case SQLITE_BUSY:
	case SQLITE_LOCKED:
		err_file(e, st->path, "%s: the database stayed locked by "
		    "another program for %d.%d s (perhaps another tradeoff "
		    "saving a change); nothing was changed, try again", doing,
		    st->busy_ms / 1000, st->busy_ms % 1000 / 100);
		break;
	case SQLITE_FULL:
		err_file(e, st->path, "%s: the disk is full; nothing was "
		    "changed, free some space and try again", doing);
		break;
	case SQLITE_READONLY:
		fail_readonly(st, rc, doing, e);
		break;
	case SQLITE_CORRUPT:
		err_file(e, st->path, "%s: the database is damaged (%s); "
		    "restore it from a backup, or use --db to choose "
		    "another file", doing, msg);
		break;
	case SQLITE_NOTADB:
		err_file(e, st->path, "%s: not a SQLite database (or an "
		    "encrypted one); tradeoff leaves it alone, use --db to "
		    "choose another file", doing);
		break;
	case SQLITE_CANTOPEN:
		err_file(e, st->path, "%s: cannot open the database: %s",
		    doing, sys != 0 ? strerror(sys) : msg);
		break;
	case SQLITE_IOERR:
		if (sys == ENOSPC || sys == EDQUOT)
			err_file(e, st->path, "%s: %s; nothing was changed, "
			    "free some space and try again", doing,
			    strerror(sys));
		else
			err_file(e, st->path, "%s: input/output error (%s)",
			    doing, sys != 0 ? strerror(sys) : msg);
		break;
	case SQLITE_NOMEM:
		err_set(e, "%s: out of memory", doing);
		break;
	default:
		err_file(e, st->path, "%s: %s", doing, msg);
		break;
	}
	return -1;
}

/* Statements ----------------------------------------------------------- */

int
store_prepare(struct store *st, const char *sql, sqlite3_stmt **s,
    struct err *e)
{
	int rc = sqlite3_prepare_v2(st->db, sql, -1, s, NULL);

	if (rc != SQLITE_OK) {
		*s = NULL;
		return store_fail(st, rc, "cannot read the sessions", e);
	}
	return 0;
}

int
store_bind_text(sqlite3_stmt *s, int i, const char *v)
{
	if (v == NULL)
		return sqlite3_bind_null(s, i);
	return sqlite3_bind_text(s, i, v, -1, SQLITE_TRANSIENT);
}

/* Step S to its end, expecting no rows; finalize it. */
int
store_run(struct store *st, sqlite3_stmt *s, const char *doing,
    struct err *e)
{
	int rc;

	while ((rc = sqlite3_step(s)) == SQLITE_ROW)
		;
	sqlite3_finalize(s);
	if (rc != SQLITE_DONE)
		return store_fail(st, rc, doing, e);
	return 0;
}

/* SQL without parameters (fixed text only). */
int
store_exec(struct store *st, const char *sql, const char *doing,
    struct err *e)
{
	int rc = sqlite3_exec(st->db, sql, NULL, NULL, NULL);

	return rc == SQLITE_OK ? 0 : store_fail(st, rc, doing, e);
}

/* The one integer a query gives (0 when no row). */
int
store_query_int(struct store *st, const char *sql, long long *out,
    struct err *e)
{
	sqlite3_stmt *s;
	int rc;

	if (store_prepare(st, sql, &s, e) != 0)
		return -1;
	*out = 0;
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW)
		*out = sqlite3_column_int64(s, 0);
	sqlite3_finalize(s);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return store_fail(st, rc, "cannot read the database", e);
	return 0;
}

void
store_rollback(struct store *st)
{
	if (!sqlite3_get_autocommit(st->db))
		sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
}

/* Whether the file at the store's path is still the one it opened,
 * with its log beside it: a database deleted or replaced under an open
 * program would take changes nobody could see. */
static int
still_there(struct store *st, struct err *e)
{
	char wal[PATH_MAX + 8];
	struct stat sb;

	if (st->file_ino == 0)
		return 0;
	if (stat(st->path, &sb) != 0 || (long long)sb.st_ino != st->file_ino ||
	    (long long)sb.st_dev != st->file_dev) {
		err_file(e, st->path, "deleted or replaced since it was "
		    "opened: nothing was saved where nobody would see it "
		    "(quit, and open it again)");
		goto gone;
	}
	snprintf(wal, sizeof wal, "%s-wal", st->path);
	if (st->journal == STORE_JOURNAL_WAL && st->wal_seen &&
	    access(wal, F_OK) != 0 && errno == ENOENT) {
		err_file(e, st->path, "its log %s was deleted since it was "
		    "opened, with what others saved in it: nothing was saved "
		    "(quit, and open it again)", wal);
		goto gone;
	}
	return 0;
gone:
	/* And nothing of ours goes into a file on closing. */
	sqlite3_db_config(st->db, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, NULL);
	return -1;
}

int
store_begin_write(struct store *st, struct err *e)
{
	char wal[PATH_MAX + 8];

	if (st->readonly) {
		err_file(e, st->path, "cannot save the change: the database "
		    "was opened read-only");
		return -1;
	}
	if (still_there(st, e) != 0)
		return -1;
	st->change = 0;
	if (store_exec(st, "BEGIN IMMEDIATE", "cannot save the change", e) !=
	    0)
		return -1;
	/* From the first write on, a WAL database has its log beside it
	 * while this connection is open. */
	snprintf(wal, sizeof wal, "%s-wal", st->path);
	if (st->journal == STORE_JOURNAL_WAL && access(wal, F_OK) == 0)
		st->wal_seen = 1;
	return 0;
}

int
store_begin_read(struct store *st, struct err *e)
{
	return store_exec(st, "BEGIN", "cannot read the sessions", e);
}

int
store_commit(struct store *st, const char *doing, struct err *e)
{
	int rc = sqlite3_exec(st->db, "COMMIT", NULL, NULL, NULL);

	if (rc != SQLITE_OK) {
		store_fail(st, rc, doing, e);
		store_rollback(st);
		return -1;
	}
	return 0;
}

long long
store_now(const struct store *st)
{
	return st->now != 0 ? st->now : (long long)time(NULL);
}

int
store_need_model(struct store *st, struct err *e)
{
	if (st->model == NULL) {
		err_set(e, "internal error: the session store was opened "
		    "without a model");
		return -1;
	}
	return 0;
}
