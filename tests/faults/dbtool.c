/* dbtool.c - a SQLite helper for the shell tests, so they need no sqlite3
 * program.
 *
 *   dbtool integrity PATH          print PRAGMA integrity_check; exit 0
 *                                  when it is "ok", 1 otherwise (opened
 *                                  for writing, so an unfinished change
 *                                  is rolled back first, as any writer
 *                                  does)
 *   dbtool exec PATH SQL           run SQL (no parameters: test data only)
 *   dbtool query PATH SQL          print the first column of each row
 *   dbtool lock PATH SECONDS FILE  hold an exclusive lock (BEGIN
 *                                  EXCLUSIVE and a write) for SECONDS,
 *                                  writing "locked" to FILE once it is
 *                                  held; SIGTERM ends it early
 *   dbtool crash PATH MODE         stop dead in the middle of a change,
 *                                  as a kill would: MODE "delete" leaves
 *                                  a hot rollback journal, "wal" a log
 *                                  of committed frames never checkpointed,
 *                                  "vacuum" a log holding every page of
 *                                  the database (what another user would
 *                                  plant beside a victim's)
 *
 * Errors go to stderr with exit status 2. */
#include "config.h"

#include <signal.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static volatile sig_atomic_t stop;

static void
on_term(int sig)
{
	(void)sig;
	stop = 1;
}

static sqlite3 *
open_db(const char *path, int flags)
{
	sqlite3 *db = NULL;

	if (sqlite3_open_v2(path, &db, flags, NULL) != SQLITE_OK) {
		fprintf(stderr, "dbtool: %s: %s\n", path, db != NULL ?
		    sqlite3_errmsg(db) : "cannot open");
		exit(2);
	}
	return db;
}

static void
run(sqlite3 *db, const char *sql)
{
	char *msg = NULL;

	if (sqlite3_exec(db, sql, NULL, NULL, &msg) != SQLITE_OK) {
		fprintf(stderr, "dbtool: %s: %s\n", sql, msg != NULL ? msg :
		    sqlite3_errmsg(db));
		exit(2);
	}
}

/* Print the first column of each row of SQL; the number of rows whose
 * text was not WANT (when WANT is not NULL), or -1 on error. */
static int
query(sqlite3 *db, const char *sql, const char *want)
{
	sqlite3_stmt *s;
	int rc, other = 0;

	if (sqlite3_prepare_v2(db, sql, -1, &s, NULL) != SQLITE_OK) {
		fprintf(stderr, "dbtool: %s: %s\n", sql, sqlite3_errmsg(db));
		return -1;
	}
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		const char *t = (const char *)sqlite3_column_text(s, 0);

		printf("%s\n", t != NULL ? t : "NULL");
		if (want != NULL && (t == NULL || strcmp(t, want) != 0))
			other++;
	}
	if (rc != SQLITE_DONE) {
		fprintf(stderr, "dbtool: %s: %s\n", sql, sqlite3_errmsg(db));
		other = -1;
	}
	sqlite3_finalize(s);
	return other;
}

static int
lock(const char *path, int seconds, const char *ready)
{
	sqlite3 *db = open_db(path, SQLITE_OPEN_READWRITE);
	struct sigaction sa;
	FILE *f;
	int i;

	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_term;
	sigaction(SIGTERM, &sa, NULL);
	sqlite3_busy_timeout(db, 10000);
	/* An exclusive lock, and a change inside it: in WAL mode readers
	 * still see the last commit, writers wait. */
	run(db, "BEGIN EXCLUSIVE");
	run(db, "UPDATE sessions SET context = context");
	if ((f = fopen(ready, "w")) == NULL || fputs("locked\n", f) == EOF ||
	    fclose(f) != 0) {
		fprintf(stderr, "dbtool: cannot write %s\n", ready);
		return 2;
	}
	for (i = 0; i < seconds * 10 && !stop; i++) {
		struct timespec ts = { 0, 100 * 1000 * 1000 };

		nanosleep(&ts, NULL);
	}
	run(db, "ROLLBACK");
	sqlite3_close(db);
	return 0;
}

/* Change every history entry with the cache too small to hold the
 * change, so pages reach the file (and the journal) before the end;
 * then _exit as if killed. */
static int
crash(const char *path, const char *mode)
{
	sqlite3 *db = open_db(path, SQLITE_OPEN_READWRITE);
	int wal = strcmp(mode, "wal") == 0;

	sqlite3_busy_timeout(db, 10000);
	if (strcmp(mode, "vacuum") == 0) {
		run(db, "PRAGMA journal_mode = WAL");
		run(db, "PRAGMA wal_autocheckpoint = 0");
		run(db, "VACUUM");
		_exit(0);
	}
	run(db, wal ? "PRAGMA journal_mode = WAL" :
	    "PRAGMA journal_mode = DELETE");
	run(db, "PRAGMA cache_size = 2");
	run(db, "BEGIN IMMEDIATE");
	run(db, "UPDATE history SET new = new || zeroblob(4000)");
	if (wal)
		run(db, "COMMIT");
	_exit(0);
}

int
main(int argc, char **argv)
{
	sqlite3 *db;
	int rc;

	if (argc == 3 && strcmp(argv[1], "integrity") == 0) {
		/* Read-write, as tradeoff opens it: a change a kill left
		 * unfinished is rolled back first.  On a read-only file
		 * system, read-only as immutable (as tradeoff reads it). */
		db = open_db(argv[2], SQLITE_OPEN_READWRITE);
		if (sqlite3_exec(db, "SELECT 1 FROM sqlite_master", NULL,
		    NULL, NULL) != SQLITE_OK) {
			char uri[8192];

			sqlite3_close(db);
			snprintf(uri, sizeof uri, "file:%s?immutable=1",
			    argv[2]);
			db = open_db(uri, SQLITE_OPEN_READONLY |
			    SQLITE_OPEN_URI);
		}
		rc = query(db, "PRAGMA integrity_check", "ok");
		sqlite3_close(db);
		return rc == 0 ? 0 : rc < 0 ? 2 : 1;
	}
	if (argc == 4 && strcmp(argv[1], "exec") == 0) {
		db = open_db(argv[2], SQLITE_OPEN_READWRITE |
		    SQLITE_OPEN_CREATE);
		run(db, argv[3]);
		sqlite3_close(db);
		return 0;
	}
	if (argc == 4 && strcmp(argv[1], "query") == 0) {
		db = open_db(argv[2], SQLITE_OPEN_READONLY);
		rc = query(db, argv[3], NULL);
		sqlite3_close(db);
		return rc < 0 ? 2 : 0;
	}
	if (argc == 5 && strcmp(argv[1], "lock") == 0)
		return lock(argv[2], atoi(argv[3]), argv[4]);
	if (argc == 4 && strcmp(argv[1], "crash") == 0)
		return crash(argv[2], argv[3]);
	fprintf(stderr, "usage: dbtool integrity PATH | exec PATH SQL | "
	    "query PATH SQL | lock PATH SECONDS FILE | crash PATH MODE\n");
	return 2;
}
