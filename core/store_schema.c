/* store_schema.c - the tables of a session database, the checks of its
 * header, and the migrations that bring an older file up to date. */
#include "config.h"

#include "store_impl.h"

#include <stdio.h>

/* Version 0 -> 1: the sessions, then the tables of STORE_TABLES made
 * in version 1, then the history. */
static const char v1_sessions[] =
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
	"CREATE INDEX sessions_touched ON sessions(touched);";
static const char v1_history[] =
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

/* Version 2 -> 3: milestones, named snapshots of a session, each the
 * answers file of its moment (export_yaml) with the model and price
 * list it was taken with.  Rows are never changed: the trigger refuses
 * any update, whoever tries. */
static const char v3_milestones[] =
	"CREATE TABLE milestones ("
	" session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,"
	" label TEXT NOT NULL,"
	" time INTEGER NOT NULL,"
	" user TEXT NOT NULL,"
	" model_id TEXT NOT NULL,"
	" model_version TEXT NOT NULL,"
	" pricing TEXT NOT NULL,"		/* the price list's version, dates */
	" answers TEXT NOT NULL,"		/* the answers file */
	" PRIMARY KEY (session_id, label));"
	"CREATE TRIGGER milestones_immutable BEFORE UPDATE ON milestones "
	"BEGIN SELECT RAISE(ABORT, 'a milestone never changes'); END;";

/* Migration N takes version N to N + 1: its SQL before and after the
 * tables whose version is N + 1 are created.  Each runs in one
 * transaction with the user_version update (see store_migrate()). */
static const struct migration {
	const char *before, *after;
} migrations[STORE_SCHEMA_VERSION] = {
	{ v1_sessions, v1_history },
	/* 1 -> 2: the workshop's votes, reveals and identities (their rows
	 * in STORE_TABLES); nothing else changes. */
	{ "", "" },
	/* 2 -> 3: milestones (store_milestone.c). */
	{ v3_milestones, "" },
};

/* The statements of each table, from its row of STORE_TABLES. */
#define TABLE_SQL(id, t, k, v, type, pre, ver, loader) { \
	.prefix = pre, \
	.since = ver, \
	.create = "CREATE TABLE " #t " (" \
	    " session_id INTEGER NOT NULL REFERENCES sessions(id)" \
	    " ON DELETE CASCADE," \
	    " " #k " TEXT NOT NULL," \
	    " " #v " " #type " NOT NULL," \
	    " PRIMARY KEY (session_id, " #k ")) WITHOUT ROWID", \
	.get = "SELECT " #v " FROM " #t " WHERE session_id = ?1 AND " \
	    #k " = ?2", \
	.put = "INSERT OR REPLACE INTO " #t "(session_id, " #k ", " #v ") " \
	    "VALUES (?1, ?2, ?3)", \
	.del = "DELETE FROM " #t " WHERE session_id = ?1 AND " #k " = ?2", \
	.load = "SELECT " #k ", " #v " FROM " #t " WHERE session_id = ?1 " \
	    "ORDER BY " #k, \
	.copy = "INSERT INTO " #t "(session_id, " #k ", " #v ") " \
	    "SELECT ?2, " #k ", " #v " FROM " #t " WHERE session_id = ?1", \
	.purge = "DELETE FROM " #t " WHERE session_id = ?1", \
},
const struct store_table store_tables[STORE_NTABLES] = {
	STORE_TABLES(TABLE_SQL)
};
#undef TABLE_SQL

/* A table no migration creates would be missing from every file. */
#define TABLE_SINCE(id, t, k, v, type, pre, ver, loader) \
	_Static_assert(ver >= 1 && ver <= STORE_SCHEMA_VERSION, \
	    "no migration creates table " #t);
STORE_TABLES(TABLE_SINCE)
#undef TABLE_SINCE

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

/* Migration VERSION, inside its transaction. */
static int
migrate_step(struct store *st, long long version, struct err *e)
{
	const struct migration *m = &migrations[version];
	const char *doing = "cannot create the session tables";
	int i;

	if (store_exec(st, m->before, doing, e) != 0)
		return -1;
	for (i = 0; i < STORE_NTABLES; i++)
		if (store_tables[i].since == version + 1 &&
		    store_exec(st, store_tables[i].create, doing, e) != 0)
			return -1;
	return store_exec(st, m->after, doing, e);
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
		if (migrate_step(st, version, e) != 0)
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
