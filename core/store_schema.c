/* store_schema.c - the tables of a session database, the checks of its
 * header, and the migrations that bring an older file up to date. */
#include "config.h"

#include "store_impl.h"

#include <stdio.h>

/* Version 0 -> 1.  Each migration runs in one transaction with the
 * user_version update (see store_migrate()). */
static const char schema_v1[] =
	"CREATE TABLE sessions ("
	" id INTEGER PRIMARY KEY,"
	" name TEXT NOT NULL UNIQUE,"
	" created INTEGER NOT NULL,"		/* seconds since the epoch */
	" updated INTEGER NOT NULL,"
	" touched INTEGER NOT NULL,"		/* grows with every change */
	" model_id TEXT NOT NULL,"
	" model_version TEXT NOT NULL,"
	" context TEXT,"
	" participants TEXT"			/* one per line */
	");"
	"CREATE INDEX sessions_touched ON sessions(touched);"
	"CREATE TABLE answers ("
	" session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,"
	" question TEXT NOT NULL,"
	" answer TEXT NOT NULL,"
	" PRIMARY KEY (session_id, question)) WITHOUT ROWID;"
	"CREATE TABLE notes ("
	" session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,"
	" question TEXT NOT NULL,"
	" text TEXT NOT NULL,"
	" PRIMARY KEY (session_id, question)) WITHOUT ROWID;"
	"CREATE TABLE weights ("
	" session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,"
	" dimension TEXT NOT NULL,"
	" weight INTEGER NOT NULL,"
	" PRIMARY KEY (session_id, dimension)) WITHOUT ROWID;"
	"CREATE TABLE workload ("
	" session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,"
	" key TEXT NOT NULL,"
	" value TEXT NOT NULL,"
	" PRIMARY KEY (session_id, key)) WITHOUT ROWID;"
	"CREATE TABLE history ("
	" id INTEGER PRIMARY KEY,"
	" session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,"
	" change_id INTEGER NOT NULL,"		/* first entry of its change */
	" time INTEGER NOT NULL,"
	" user TEXT NOT NULL,"
	" field TEXT NOT NULL,"
	" old TEXT,"
	" new TEXT,"
	" undoable INTEGER NOT NULL DEFAULT 0,"
	" undoes INTEGER"			/* an undo: the entry taken back */
	");"
	"CREATE INDEX history_session ON history(session_id, id);"
	"CREATE INDEX history_undo ON history(session_id, id) "
	"WHERE undoable = 1;";

static const char *const migrations[STORE_SCHEMA_VERSION] = { schema_v1 };

/* Read application_id, user_version and whether there are tables, and
 * refuse what is not a tradeoff database or is newer than this program.
 * Nothing is written. */
int
store_check_header(struct store *st, long long *version, struct err *e)
{
	long long app, tables;

	if (store_query_int(st, "PRAGMA application_id", &app, e) != 0 ||
	    store_query_int(st, "PRAGMA user_version", version, e) != 0 ||
	    store_query_int(st, "SELECT count(*) FROM sqlite_master", &tables,
	    e) != 0)
		return -1;
	if (app != STORE_APPLICATION_ID && (app != 0 || tables != 0 ||
	    *version != 0)) {
		err_file(e, st->path, "not a tradeoff session database (a "
		    "SQLite database of another program); tradeoff leaves "
		    "it alone, use --db to choose another file");
		return -1;
	}
	if (*version > STORE_SCHEMA_VERSION) {
		err_file(e, st->path, "the session database comes from a "
		    "newer version of tradeoff (schema %lld; this one knows "
		    "%d); it was not changed, use that version or upgrade",
		    *version, STORE_SCHEMA_VERSION);
		return -1;
	}
	return 0;
}

/* Bring the schema up to STORE_SCHEMA_VERSION, one transaction per
 * migration; another process may be doing the same, so each transaction
 * looks again. */
int
store_migrate(struct store *st, struct err *e)
{
	char sql[128];
	long long version;

	for (;;) {
		if (store_begin_write(st, e) != 0)
			return -1;
		if (store_check_header(st, &version, e) != 0)
			goto fail;
		if (version >= STORE_SCHEMA_VERSION) {
			store_rollback(st);
			return 0;
		}
		if (store_exec(st, migrations[version], "cannot create the "
		    "session tables", e) != 0)
			goto fail;
		snprintf(sql, sizeof sql, "PRAGMA application_id = %d; "
		    "PRAGMA user_version = %lld", STORE_APPLICATION_ID,
		    version + 1);
		if (store_exec(st, sql, "cannot create the session tables",
		    e) != 0 || store_commit(st, "cannot create the session "
		    "tables", e) != 0)
			goto fail;
	}
fail:
	store_rollback(st);
	return -1;
}
