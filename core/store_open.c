/* store_open.c - opening a session database: the journal mode, the
 * checks before anything is written, recovering a change a stopped
 * program left unfinished, and closing. */
#include "config.h"

#include "store_impl.h"

#include <errno.h>
#include <limits.h>
#include <pwd.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>

/* The journal mode: WAL on local disks, a rollback journal (DELETE)
 * where WAL cannot work or when asked.  A database others have open in
 * WAL mode cannot be switched; it stays as it is. */
static int
set_journal(struct store *st, enum store_journal want, struct err *e)
{
	sqlite3_stmt *s;
	const char *mode;
	char cur[16] = "";
	int rc;

	if (want == STORE_JOURNAL_AUTO)
		want = store_fs_network(st->path) ? STORE_JOURNAL_DELETE :
		    STORE_JOURNAL_WAL;
	mode = want == STORE_JOURNAL_WAL ? "PRAGMA journal_mode = WAL" :
	    "PRAGMA journal_mode = DELETE";
	if (store_prepare(st, "PRAGMA journal_mode", &s, e) != 0)
		return -1;
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW)
		snprintf(cur, sizeof cur, "%s",
		    (const char *)sqlite3_column_text(s, 0));
	sqlite3_finalize(s);
	if (rc != SQLITE_ROW)
		return store_fail(st, rc, "cannot open the session database",
		    e);
	if (strcmp(cur, want == STORE_JOURNAL_WAL ? "wal" : "delete") != 0) {
		if (store_prepare(st, mode, &s, e) != 0)
			return -1;
		rc = sqlite3_step(s);
		if (rc == SQLITE_ROW)
			snprintf(cur, sizeof cur, "%s",
			    (const char *)sqlite3_column_text(s, 0));
		sqlite3_finalize(s);
		if (rc != SQLITE_ROW && (rc & 0xff) != SQLITE_BUSY)
			return store_fail(st, rc, "cannot open the session "
			    "database", e);
	}
	st->journal = strcmp(cur, "wal") == 0 ? STORE_JOURNAL_WAL :
	    STORE_JOURNAL_DELETE;
	return store_exec(st, st->journal == STORE_JOURNAL_WAL ?
	    "PRAGMA synchronous = NORMAL" : "PRAGMA synchronous = FULL",
	    "cannot open the session database", e);
}

static void
set_user(struct store *st, const char *user)
{
	struct passwd *pw;

	if (user == NULL || user[0] == '\0')
		user = getenv("USER");
	if (user == NULL || user[0] == '\0') {
		pw = getpwuid(getuid());
		user = pw != NULL ? pw->pw_name : NULL;
	}
	if (user != NULL && user[0] != '\0')
		snprintf(st->user, sizeof st->user, "%s", user);
	else
		snprintf(st->user, sizeof st->user, "uid %lu",
		    (unsigned long)getuid());
}

/* Checks before any write: SQLite opens a write-protected file read-only
 * without saying so, and needs the directory for its journal files. */
static int
check_writable(struct store *st, struct err *e)
{
	char dir[PATH_MAX];

	if (sqlite3_db_readonly(st->db, "main") == 1) {
		err_file(e, st->path, "the session database is read-only "
		    "(%s); changes could not be saved",
		    store_fs_readonly(st->path) ? "it is on a read-only file "
		    "system" : "check the permissions of the file");
		return -1;
	}
	store_fs_dir(st->path, dir, sizeof dir);
	if (access(dir, W_OK | X_OK) != 0) {
		err_file(e, st->path, "the directory of the session database "
		    "is not writable (%s); SQLite keeps its journal there, so "
		    "changes could not be saved", strerror(errno));
		return -1;
	}
	return 0;
}

/* The result of a first read through a read-only connection. */
static int
probe(struct store *st)
{
	return sqlite3_exec(st->db, "SELECT count(*) FROM sqlite_master",
	    NULL, NULL, NULL);
}

/* Open the database at ST's path read-only as immutable: for a WAL
 * database on a read-only file system, where SQLite cannot create the
 * -shm file a WAL reader needs (nothing on this machine can change the
 * file there).  The path goes in a URI, with what URIs reserve
 * escaped. */
static int
open_immutable(struct store *st)
{
	char uri[PATH_MAX * 3 + 32];
	size_t o, i;

	o = (size_t)snprintf(uri, sizeof uri, "file:%s",
	    st->path[0] == '/' ? "//" : "");
	for (i = 0; st->path[i] != '\0' && o + 4 < sizeof uri; i++) {
		unsigned char c = (unsigned char)st->path[i];

		if (c == '%' || c == '?' || c == '#')
			o += (size_t)snprintf(uri + o, sizeof uri - o, "%%%02x",
			    c);
		else
			uri[o++] = (char)c;
	}
	snprintf(uri + o, sizeof uri - o, "?immutable=1");
	return sqlite3_open_v2(uri, &st->db, SQLITE_OPEN_READONLY |
	    SQLITE_OPEN_URI | SQLITE_OPEN_NOMUTEX, NULL);
}

/* Let a brief read-write connection roll the unfinished change back (or
 * recover the log), as any writer would on opening, when this user may
 * write the file and its directory.  Otherwise the read that follows
 * fails and store_fail() says who can recover it. */
static void
recover(struct store *st)
{
	char dir[PATH_MAX];
	sqlite3 *db = NULL;

	store_fs_dir(st->path, dir, sizeof dir);
	if (access(st->path, R_OK | W_OK) != 0 ||
	    access(dir, W_OK | X_OK) != 0)
		return;
	if (sqlite3_open_v2(st->path, &db, SQLITE_OPEN_READWRITE |
	    SQLITE_OPEN_NOMUTEX, NULL) == SQLITE_OK) {
		sqlite3_busy_timeout(db, st->busy_ms);
		sqlite3_exec(db, "SELECT count(*) FROM sqlite_master", NULL,
		    NULL, NULL);
	}
	sqlite3_close_v2(db);
}

/* Finish opening a connection (RC is what opening it returned). */
static int
conn_ready(struct store *st, int rc, struct err *e)
{
	if (rc != SQLITE_OK)
		return store_fail(st, rc, "cannot open the session database",
		    e);
	sqlite3_extended_result_codes(st->db, 1);
	sqlite3_busy_timeout(st->db, st->busy_ms);
	return 0;
}

/* What says a file changed: its identity, size and time, and the
 * write-ahead log's. */
static void
take_stamp(const struct store *st, struct store_stamp *sp)
{
	char wal[PATH_MAX + 8];
	struct stat sb;

	memset(sp, 0, sizeof *sp);
	if (stat(st->path, &sb) == 0) {
		sp->ino = (long long)sb.st_ino;
		sp->size = (long long)sb.st_size;
		sp->mtime = (long long)sb.st_mtim.tv_sec * 1000000000LL +
		    sb.st_mtim.tv_nsec;
	}
	snprintf(wal, sizeof wal, "%s-wal", st->path);
	if (stat(wal, &sb) == 0) {
		sp->wal_size = (long long)sb.st_size + 1;
		sp->wal_mtime = (long long)sb.st_mtim.tv_sec * 1000000000LL +
		    sb.st_mtim.tv_nsec;
	}
}

/* Whether this user may create files beside the database (SQLite's
 * -shm, which a WAL reader needs). */
static int
dir_writable(const char *path)
{
	char dir[PATH_MAX];

	store_fs_dir(path, dir, sizeof dir);
	return access(dir, W_OK | X_OK) == 0;
}

/* A read-only connection that cannot read is opened again when it is
 * for a change a stopped program left unfinished (a writer finishes it
 * first), or for a WAL database this user cannot read in place (a
 * read-only file system, or a directory this user may not write, where
 * SQLite cannot make the -shm file): read it as immutable, and look
 * again when the file changes (store_data_version).  Other failures are
 * reported by the reads that follow. */
static int
reopen_readonly(struct store *st, int flags, struct err *e)
{
	int rc = probe(st), unfinished, frozen;

	if (rc == SQLITE_OK)
		return 0;
	unfinished = rc == SQLITE_READONLY_ROLLBACK ||
	    rc == SQLITE_READONLY_RECOVERY;
	frozen = !unfinished && ((rc & 0xff) == SQLITE_CANTOPEN ||
	    (rc & 0xff) == SQLITE_READONLY) &&
	    (store_fs_readonly(st->path) || !dir_writable(st->path));
	if (!unfinished && !frozen)
		return 0;
	sqlite3_close_v2(st->db);
	st->db = NULL;
	if (unfinished) {
		recover(st);
		rc = sqlite3_open_v2(st->path, &st->db, flags, NULL);
	} else {
		rc = open_immutable(st);
		st->immutable = 1;
		take_stamp(st, &st->stamp);
	}
	return conn_ready(st, rc, e);
}

/* An immutable connection sees no writer: when the file changed, open
 * it again (in place when that works now, else immutable again). */
static int
reopen_changed(struct store *st, struct err *e)
{
	struct store_stamp now;
	int i;

	take_stamp(st, &now);
	if (memcmp(&now, &st->stamp, sizeof now) == 0)
		return 0;
	for (i = 0; i < 1 + STORE_NTABLES; i++) {
		sqlite3_finalize(st->load[i]);
		st->load[i] = NULL;
	}
	sqlite3_finalize(st->dv);
	st->dv = NULL;
	sqlite3_close_v2(st->db);
	st->db = NULL;
	st->immutable = 0;
	st->reopens++;
	if (conn_ready(st, sqlite3_open_v2(st->path, &st->db,
	    SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_READONLY, NULL), e) != 0 ||
	    reopen_readonly(st, SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_READONLY,
	    e) != 0)
		return -1;
	st->stamp = now;
	return 1;
}

/* The schema version, read in one read transaction: another process
 * may be migrating. */
static int
read_header(struct store *st, long long *version, struct err *e)
{
	int rc;

	if (store_begin_read(st, e) != 0)
		return -1;
	rc = store_check_header(st, version, e);
	store_rollback(st);
	return rc;
}

/* The settings of every connection: foreign keys, and the size cap
 * tests give to make a full disk. */
static int
set_pragmas(struct store *st, const struct store_opts *o, struct err *e)
{
	char sql[64];

	if (store_exec(st, "PRAGMA foreign_keys = ON", "cannot open the "
	    "session database", e) != 0)
		return -1;
	if (o->max_pages <= 0)
		return 0;
	snprintf(sql, sizeof sql, "PRAGMA max_page_count = %d", o->max_pages);
	return store_exec(st, sql, "cannot open the session database", e);
}

/* A read-only store migrates nothing: a file without tables reads as
 * empty, and one of an older schema reads without the tables it lacks
 * (store_load skips them). */
static int
readonly_version(struct store *st, long long version, struct err *e)
{
	(void)e;
	st->version = version;
	if (version == 0)
		st->empty = 1;
	return 0;
}

/* Which file was opened, to notice it deleted or replaced later. */
static void
remember_file(struct store *st)
{
	struct stat sb;

	if (stat(st->path, &sb) == 0) {
		st->file_dev = (long long)sb.st_dev;
		st->file_ino = (long long)sb.st_ino;
	}
}

/* Open the file at ST's path, checked, with the settings, journal and
 * schema the store needs. */
/* The checks of a shared host again, once the file is open and read:
 * what another user slipped in meanwhile is refused before anything is
 * written, and not checkpointed into the file on closing. */
static int
recheck(struct store *st, const struct store_fs_id *id, struct err *e)
{
	if (store_fs_recheck(st->path, id, e) == 0)
		return 0;
	sqlite3_db_config(st->db, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, NULL);
	return -1;
}

static int
open_db(struct store *st, const struct store_opts *o, struct err *e)
{
	struct store_fs_id id;
	long long version;
	int flags = SQLITE_OPEN_NOMUTEX | (st->readonly ?
	    SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE);

	/* Before anything is made or followed, and again on what was
	 * made. */
	if (store_fs_trusted(st->path, &id, e) != 0 ||
	    store_fs_ready(st->path, st->readonly, e) != 0 ||
	    store_fs_trusted(st->path, &id, e) != 0 ||
	    conn_ready(st, sqlite3_open_v2(st->path, &st->db, flags, NULL),
	    e) != 0)
		return -1;
	if (st->readonly ? reopen_readonly(st, flags, e) != 0 :
	    check_writable(st, e) != 0)
		return -1;
	if (read_header(st, &version, e) != 0 || recheck(st, &id, e) != 0 ||
	    set_pragmas(st, o, e) != 0)
		return -1;
	remember_file(st);
	if (st->readonly)
		return readonly_version(st, version, e);
	if (set_journal(st, o->journal, e) != 0)
		return -1;
	/* Schemas only move forward: one found current stays current, and
	 * the write transaction of store_migrate() can be saved at every
	 * start. */
	st->version = STORE_SCHEMA_VERSION;
	if (version >= STORE_SCHEMA_VERSION)
		return 0;
	return store_migrate(st, e);
}

/* SQLite's process-wide settings, before its first use: no count of
 * the memory it holds (nothing here reads it), which would take a
 * global mutex on every allocation and release (README.md,
 * "Performance").  Once SQLite is initialised this changes nothing. */
static void
sqlite_setup(void)
{
	static int done;

	if (!done) {
		done = 1;
		sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
		/* No page cache allocated ahead (20 pages a connection by
		 * default): pages come as they are read. */
		sqlite3_config(SQLITE_CONFIG_PAGECACHE, (void *)0, 0, 0);
	}
}

struct store *
store_open(const struct store_opts *o, struct err *e)
{
	struct store *st;

	sqlite_setup();
	st = calloc(1, sizeof *st);

	if (st == NULL) {
		err_set(e, "out of memory");
		return NULL;
	}
	if (o->path != NULL) {
		if (strlen(o->path) >= sizeof st->path) {
			err_set(e, "the session database path is too long");
			free(st);
			return NULL;
		}
		snprintf(st->path, sizeof st->path, "%s", o->path);
	} else if (store_default_path(st->path, sizeof st->path, e) != 0) {
		free(st);
		return NULL;
	}
	st->model = o->model;
	st->readonly = o->readonly;
	st->busy_ms = o->busy_ms > 0 ? o->busy_ms : STORE_BUSY_MS;
	st->now = o->now;
	st->journal = STORE_JOURNAL_DELETE;
	set_user(st, o->user);
	if (open_db(st, o, e) != 0) {
		store_close(st);
		return NULL;
	}
	return st;
}

void
store_close(struct store *st)
{
	if (st == NULL)
		return;
	if (st->db != NULL) {
		int i;

		for (i = 0; i < 1 + STORE_NTABLES; i++)
			sqlite3_finalize(st->load[i]);
		sqlite3_finalize(st->dv);
		store_rollback(st);
		sqlite3_close_v2(st->db);
	}
	free(st);
}

const char *
store_path(const struct store *st)
{
	return st->path;
}

int
store_readonly(const struct store *st)
{
	return st->readonly;
}

const char *
store_user(const struct store *st)
{
	return st->user;
}

enum store_journal
store_journal_mode(const struct store *st)
{
	return st->journal;
}

int
store_data_version(struct store *st, long long *out, struct err *e)
{
	sqlite3_stmt *s;
	int rc;

	if (st->empty)
		return 1;
	if (st->immutable && reopen_changed(st, e) < 0)
		return -1;
	if (st->dv == NULL &&
	    store_prepare(st, "PRAGMA data_version", &st->dv, e) != 0)
		return -1;
	s = st->dv;
	/* A poll never waits for a writer: busy means "ask again". */
	sqlite3_busy_timeout(st->db, 0);
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW)
		/* Each reopening counts as a change too. */
		*out = sqlite3_column_int64(s, 0) + (st->reopens << 32);
	/* Done with it now: it holds no read transaction between polls. */
	sqlite3_reset(s);
	sqlite3_busy_timeout(st->db, st->busy_ms);
	if (rc == SQLITE_ROW)
		return 0;
	if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
		return 1;
	return store_fail(st, rc, "cannot read the database", e);
}
