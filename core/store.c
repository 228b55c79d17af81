/* store.c - the session store in SQLite; see store.h. */
#include "config.h"

#include "store.h"
#include "utf8.h"
#include "workload.h"
#include "ydoc.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <pwd.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <time.h>
#include <unistd.h>

#if defined(__linux__)
#include <sys/vfs.h>
#endif

enum { LOAD_SESSION, LOAD_ANSWERS, LOAD_NOTES, LOAD_WEIGHTS, LOAD_WORKLOAD,
	LOAD_NSTMTS };

struct store {
	sqlite3 *db;
	char path[PATH_MAX];
	const struct model *model;
	int readonly;
	int empty;		/* read only and not yet initialised */
	enum store_journal journal;
	int busy_ms;
	long long now;
	char user[128];
	long long change;	/* the current change's id; 0 before its first
				 * history entry */
	/* store_load's statements, compiled once: the session list loads a
	 * page of sessions at a time, and compiling was half the work. */
	sqlite3_stmt *load[LOAD_NSTMTS];
};

/* Version 0 -> 1.  Each migration runs in one transaction with the
 * user_version update (see migrate()). */
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

/* Errors ------------------------------------------------------------- */

/* Turn SQLite result RC (while DOING something) into a message that says
 * which file, what happened and what to do.  Returns -1. */
static int
fail(struct store *st, int rc, const char *doing, struct err *e)
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
		if (rc == SQLITE_READONLY_ROLLBACK ||
		    rc == SQLITE_READONLY_RECOVERY) {
			err_file(e, st->path, "%s: the database holds a change "
			    "a stopped program left unfinished, which only "
			    "someone who can write to the file and its "
			    "directory can finish (opening it with tradeoff "
			    "does); nothing was changed", doing);
			break;
		}
		err_file(e, st->path, "%s: the database is read-only (check "
		    "the permissions of the file and its directory); nothing "
		    "was changed", doing);
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

static int
prepare(struct store *st, const char *sql, sqlite3_stmt **s, struct err *e)
{
	int rc = sqlite3_prepare_v2(st->db, sql, -1, s, NULL);

	if (rc != SQLITE_OK) {
		*s = NULL;
		return fail(st, rc, "cannot read the sessions", e);
	}
	return 0;
}

static int
bind_text(sqlite3_stmt *s, int i, const char *v)
{
	if (v == NULL)
		return sqlite3_bind_null(s, i);
	return sqlite3_bind_text(s, i, v, -1, SQLITE_TRANSIENT);
}

/* Step S to its end, expecting no rows; finalize it. */
static int
run(struct store *st, sqlite3_stmt *s, const char *doing, struct err *e)
{
	int rc;

	while ((rc = sqlite3_step(s)) == SQLITE_ROW)
		;
	sqlite3_finalize(s);
	if (rc != SQLITE_DONE)
		return fail(st, rc, doing, e);
	return 0;
}

/* SQL without parameters (fixed text only). */
static int
exec(struct store *st, const char *sql, const char *doing, struct err *e)
{
	int rc = sqlite3_exec(st->db, sql, NULL, NULL, NULL);

	return rc == SQLITE_OK ? 0 : fail(st, rc, doing, e);
}

/* The one integer a query gives (0 when no row). */
static int
query_int(struct store *st, const char *sql, long long *out, struct err *e)
{
	sqlite3_stmt *s;
	int rc;

	if (prepare(st, sql, &s, e) != 0)
		return -1;
	*out = 0;
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW)
		*out = sqlite3_column_int64(s, 0);
	sqlite3_finalize(s);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return fail(st, rc, "cannot read the database", e);
	return 0;
}

static void
rollback(struct store *st)
{
	if (!sqlite3_get_autocommit(st->db))
		sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
}

static int
begin_write(struct store *st, struct err *e)
{
	if (st->readonly) {
		err_file(e, st->path, "cannot save the change: the database "
		    "was opened read-only");
		return -1;
	}
	st->change = 0;
	return exec(st, "BEGIN IMMEDIATE", "cannot save the change", e);
}

static int
begin_read(struct store *st, struct err *e)
{
	return exec(st, "BEGIN", "cannot read the sessions", e);
}

static int
commit(struct store *st, const char *doing, struct err *e)
{
	int rc = sqlite3_exec(st->db, "COMMIT", NULL, NULL, NULL);

	if (rc != SQLITE_OK) {
		fail(st, rc, doing, e);
		rollback(st);
		return -1;
	}
	return 0;
}

static long long
store_now(const struct store *st)
{
	return st->now != 0 ? st->now : (long long)time(NULL);
}

/* Paths and files --------------------------------------------------------- */

int
store_default_path(char *buf, size_t size, struct err *e)
{
	const char *xdg = getenv("XDG_DATA_HOME"), *home = getenv("HOME");
	struct passwd *pw;
	int n;

	/* The XDG spec: a relative path there is invalid and ignored. */
	if (xdg != NULL && xdg[0] == '/')
		n = snprintf(buf, size, "%s/tradeoff/sessions.db", xdg);
	else {
		if (home == NULL || home[0] == '\0') {
			pw = getpwuid(getuid());
			home = pw != NULL ? pw->pw_dir : NULL;
		}
		if (home == NULL || home[0] == '\0') {
			err_set(e, "cannot tell where to keep the session "
			    "database: neither XDG_DATA_HOME nor HOME is set "
			    "and the user has no home directory; use --db "
			    "PATH or TRADEOFF_DB");
			return -1;
		}
		n = snprintf(buf, size, "%s/.local/share/tradeoff/sessions.db",
		    home);
	}
	if (n < 0 || (size_t)n >= size) {
		err_set(e, "the session database path is too long; use --db "
		    "PATH");
		return -1;
	}
	return 0;
}

/* Create the missing directories leading to PATH, 0700 whatever the
 * umask; existing ones are left as they are. */
static int
make_parents(const char *path, struct err *e)
{
	char dir[PATH_MAX];
	size_t i;

	snprintf(dir, sizeof dir, "%s", path);
	for (i = 1; dir[i] != '\0'; i++) {
		if (dir[i] != '/')
			continue;
		dir[i] = '\0';
		if (mkdir(dir, 0700) == 0) {
			if (chmod(dir, 0700) != 0) {
				err_file(e, dir, "cannot set permissions: %s",
				    strerror(errno));
				return -1;
			}
		} else if (errno != EEXIST) {
			err_file(e, dir, "cannot create the directory for the "
			    "session database: %s", strerror(errno));
			return -1;
		}
		dir[i] = '/';
	}
	return 0;
}

/* Create the database file 0600 whatever the umask, unless it exists
 * (an existing file's mode is left alone).  SQLite gives its -wal, -shm
 * and -journal files the main file's mode. */
static int
make_file(const char *path, struct err *e)
{
	int fd = open(path, O_RDWR | O_CREAT | O_EXCL | O_NOFOLLOW |
	    O_CLOEXEC, 0600);

	if (fd < 0) {
		if (errno == EEXIST)
			return 0;
		err_file(e, path, "cannot create the session database: %s",
		    strerror(errno));
		return -1;
	}
	if (fchmod(fd, 0600) != 0) {
		err_file(e, path, "cannot set permissions: %s",
		    strerror(errno));
		close(fd);
		return -1;
	}
	close(fd);
	return 0;
}

static void
dir_of(const char *path, char *dir, size_t size)
{
	const char *slash = strrchr(path, '/');

	if (slash == NULL)
		snprintf(dir, size, ".");
	else if (slash == path)
		snprintf(dir, size, "/");
	else
		snprintf(dir, size, "%.*s", (int)(slash - path), path);
}

/* Whether the directory of PATH is on a read-only file system. */
static int
on_readonly_fs(const char *path)
{
	char dir[PATH_MAX];

	dir_of(path, dir, sizeof dir);
	return access(dir, W_OK) != 0 && errno == EROFS;
}

/* Whether PATH lives on a file system where WAL's shared memory cannot
 * work (it is not shared between machines). */
static int
on_network_fs(const char *path)
{
#if defined(__linux__)
	static const unsigned long magic[] = {
		0x6969,		/* NFS */
		0xff534d42,	/* CIFS */
		0x517b,		/* SMB */
		0xfe534d42,	/* SMB2 */
		0x01021997,	/* 9P */
		0x5346414f,	/* AFS */
		0x6b414653,	/* kAFS */
		0x00c36400,	/* Ceph */
		0x0bd00bd0,	/* Lustre */
		0x01161970,	/* GFS2 */
		0x7461636f,	/* OCFS2 */
		0x65735546,	/* FUSE (sshfs and others) */
	};
	struct statfs sf;
	char dir[PATH_MAX];
	size_t i;

	dir_of(path, dir, sizeof dir);
	if (statfs(dir, &sf) != 0)
		return 0;
	for (i = 0; i < sizeof magic / sizeof magic[0]; i++)
		if (((unsigned long)sf.f_type & 0xffffffffUL) == magic[i])
			return 1;
#else
	(void)path;
#endif
	return 0;
}

/* Opening ---------------------------------------------------------------- */

/* Read application_id, user_version and whether there are tables, and
 * refuse what is not a tradeoff database or is newer than this program.
 * Nothing is written. */
static int
check_header(struct store *st, long long *version, struct err *e)
{
	long long app, tables;

	if (query_int(st, "PRAGMA application_id", &app, e) != 0 ||
	    query_int(st, "PRAGMA user_version", version, e) != 0 ||
	    query_int(st, "SELECT count(*) FROM sqlite_master", &tables,
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
static int
migrate(struct store *st, struct err *e)
{
	char sql[128];
	long long version;

	for (;;) {
		if (begin_write(st, e) != 0)
			return -1;
		if (check_header(st, &version, e) != 0)
			goto fail;
		if (version >= STORE_SCHEMA_VERSION) {
			rollback(st);
			return 0;
		}
		if (exec(st, migrations[version], "cannot create the session "
		    "tables", e) != 0)
			goto fail;
		snprintf(sql, sizeof sql, "PRAGMA application_id = %d; "
		    "PRAGMA user_version = %lld", STORE_APPLICATION_ID,
		    version + 1);
		if (exec(st, sql, "cannot create the session tables", e) != 0 ||
		    commit(st, "cannot create the session tables", e) != 0)
			goto fail;
	}
fail:
	rollback(st);
	return -1;
}

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
		want = on_network_fs(st->path) ? STORE_JOURNAL_DELETE :
		    STORE_JOURNAL_WAL;
	mode = want == STORE_JOURNAL_WAL ? "PRAGMA journal_mode = WAL" :
	    "PRAGMA journal_mode = DELETE";
	if (prepare(st, "PRAGMA journal_mode", &s, e) != 0)
		return -1;
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW)
		snprintf(cur, sizeof cur, "%s",
		    (const char *)sqlite3_column_text(s, 0));
	sqlite3_finalize(s);
	if (rc != SQLITE_ROW)
		return fail(st, rc, "cannot open the session database", e);
	if (strcmp(cur, want == STORE_JOURNAL_WAL ? "wal" : "delete") != 0) {
		if (prepare(st, mode, &s, e) != 0)
			return -1;
		rc = sqlite3_step(s);
		if (rc == SQLITE_ROW)
			snprintf(cur, sizeof cur, "%s",
			    (const char *)sqlite3_column_text(s, 0));
		sqlite3_finalize(s);
		if (rc != SQLITE_ROW && (rc & 0xff) != SQLITE_BUSY)
			return fail(st, rc, "cannot open the session database",
			    e);
	}
	st->journal = strcmp(cur, "wal") == 0 ? STORE_JOURNAL_WAL :
	    STORE_JOURNAL_DELETE;
	return exec(st, st->journal == STORE_JOURNAL_WAL ?
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
		    on_readonly_fs(st->path) ? "it is on a read-only file "
		    "system" : "check the permissions of the file");
		return -1;
	}
	dir_of(st->path, dir, sizeof dir);
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
 * fails and fail() says who can recover it. */
static void
recover(struct store *st)
{
	char dir[PATH_MAX];
	sqlite3 *db = NULL;

	dir_of(st->path, dir, sizeof dir);
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

/* The database must be a regular file (or a link to one): SQLite would
 * block for ever opening a FIFO nobody writes to, and a device or a
 * directory is no place for sessions. */
static int
check_regular(const struct store *st, struct err *e)
{
	struct stat sb;

	if (stat(st->path, &sb) != 0) {
		err_file(e, st->path, "cannot open the session database: %s",
		    strerror(errno));
		return -1;
	}
	if (S_ISREG(sb.st_mode))
		return 0;
	err_file(e, st->path, "cannot open the session database: %s; use "
	    "--db to choose a file", S_ISDIR(sb.st_mode) ? "it is a directory" :
	    "it is not a regular file");
	return -1;
}

static int
open_db(struct store *st, const struct store_opts *o, struct err *e)
{
	char sql[64];
	long long version;
	int flags = SQLITE_OPEN_NOMUTEX, rc;

	if (st->readonly) {
		if (check_regular(st, e) != 0)
			return -1;
		flags |= SQLITE_OPEN_READONLY;
	} else {
		if (make_parents(st->path, e) != 0 ||
		    make_file(st->path, e) != 0 || check_regular(st, e) != 0)
			return -1;
		flags |= SQLITE_OPEN_READWRITE;
	}
	rc = sqlite3_open_v2(st->path, &st->db, flags, NULL);
	if (rc != SQLITE_OK)
		return fail(st, rc, "cannot open the session database", e);
	sqlite3_extended_result_codes(st->db, 1);
	sqlite3_busy_timeout(st->db, st->busy_ms);
	if (st->readonly && (rc = probe(st)) != SQLITE_OK) {
		/* A change a stopped program left unfinished: a writer
		 * finishes it first.  A WAL database on a read-only file
		 * system: read it as immutable. */
		int unfinished = rc == SQLITE_READONLY_ROLLBACK ||
		    rc == SQLITE_READONLY_RECOVERY;
		int frozen = (rc & 0xff) == SQLITE_CANTOPEN &&
		    on_readonly_fs(st->path);

		if (unfinished || frozen) {
			sqlite3_close_v2(st->db);
			st->db = NULL;
			if (unfinished) {
				recover(st);
				rc = sqlite3_open_v2(st->path, &st->db, flags,
				    NULL);
			} else
				rc = open_immutable(st);
			if (rc != SQLITE_OK)
				return fail(st, rc, "cannot open the session "
				    "database", e);
			sqlite3_extended_result_codes(st->db, 1);
			sqlite3_busy_timeout(st->db, st->busy_ms);
		}
	}
	if (!st->readonly && check_writable(st, e) != 0)
		return -1;
	/* One read transaction: another process may be migrating. */
	if (begin_read(st, e) != 0)
		return -1;
	rc = check_header(st, &version, e);
	rollback(st);
	if (rc != 0)
		return -1;
	if (exec(st, "PRAGMA foreign_keys = ON", "cannot open the session "
	    "database", e) != 0)
		return -1;
	if (o->max_pages > 0) {
		snprintf(sql, sizeof sql, "PRAGMA max_page_count = %d",
		    o->max_pages);
		if (exec(st, sql, "cannot open the session database", e) != 0)
			return -1;
	}
	if (st->readonly) {
		if (version == 0) {
			st->empty = 1;
			return 0;
		}
		if (version < STORE_SCHEMA_VERSION) {
			err_file(e, st->path, "the session database comes "
			    "from an older version of tradeoff and must be "
			    "upgraded: open it once for writing (e.g. with "
			    "'tradeoff import')");
			return -1;
		}
		return 0;
	}
	if (set_journal(st, o->journal, e) != 0)
		return -1;
	/* Schemas only move forward: one found current stays current, and
	 * the write transaction of migrate() can be saved at every start. */
	if (version >= STORE_SCHEMA_VERSION)
		return 0;
	return migrate(st, e);
}

struct store *
store_open(const struct store_opts *o, struct err *e)
{
	struct store *st = calloc(1, sizeof *st);

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

		for (i = 0; i < LOAD_NSTMTS; i++)
			sqlite3_finalize(st->load[i]);
		rollback(st);
		sqlite3_close_v2(st->db);
	}
	free(st);
}

const char *
store_path(const struct store *st)
{
	return st->path;
}

enum store_journal
store_journal_mode(const struct store *st)
{
	return st->journal;
}

const char *
store_time_format(long long t, char *buf, size_t size)
{
	time_t tt = (time_t)t;
	struct tm tm;

	if (gmtime_r(&tt, &tm) == NULL)
		snprintf(buf, size, "%lld", t);
	else
		strftime(buf, size, "%Y-%m-%dT%H:%M:%SZ", &tm);
	return buf;
}

/* Sessions ----------------------------------------------------------------- */

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

/* One session from SQL with NAME (or nothing) bound as ?1. */
static int
session_query(struct store *st, const char *sql, const char *name,
    struct store_session *out, struct err *e)
{
	sqlite3_stmt *s;
	int rc;

	if (st->empty)
		return 0;
	if (prepare(st, sql, &s, e) != 0)
		return -1;
	if (name != NULL)
		bind_text(s, 1, name);
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW && out != NULL)
		session_row(s, out);
	sqlite3_finalize(s);
	if (rc == SQLITE_ROW)
		return 1;
	if (rc == SQLITE_DONE)
		return 0;
	return fail(st, rc, "cannot read the sessions", e);
}

int
store_find(struct store *st, const char *name, struct store_session *out,
    struct err *e)
{
	return session_query(st, "SELECT " SESSION_COLUMNS " FROM sessions "
	    "WHERE name = ?1", name, out, e);
}

int
store_find_id(struct store *st, long long sid, struct store_session *out,
    struct err *e)
{
	sqlite3_stmt *s;
	int rc;

	if (st->empty)
		return 0;
	if (prepare(st, "SELECT " SESSION_COLUMNS " FROM sessions "
	    "WHERE id = ?1", &s, e) != 0)
		return -1;
	sqlite3_bind_int64(s, 1, sid);
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW && out != NULL)
		session_row(s, out);
	sqlite3_finalize(s);
	if (rc == SQLITE_ROW)
		return 1;
	if (rc == SQLITE_DONE)
		return 0;
	return fail(st, rc, "cannot read the sessions", e);
}

int
store_data_version(struct store *st, long long *out, struct err *e)
{
	sqlite3_stmt *s;
	int rc;

	if (st->empty)
		return 1;
	if (prepare(st, "PRAGMA data_version", &s, e) != 0)
		return -1;
	/* A poll never waits for a writer: busy means "ask again". */
	sqlite3_busy_timeout(st->db, 0);
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW)
		*out = sqlite3_column_int64(s, 0);
	sqlite3_finalize(s);
	sqlite3_busy_timeout(st->db, st->busy_ms);
	if (rc == SQLITE_ROW)
		return 0;
	if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
		return 1;
	return fail(st, rc, "cannot read the database", e);
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
	return query_int(st, "SELECT count(*) FROM sessions", n, e);
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
	if (prepare(st, "SELECT " SESSION_COLUMNS " FROM sessions "
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
		return fail(st, rc, "cannot read the sessions", e);
	return 0;
}

static int
no_session(const char *name, struct err *e)
{
	char q[ANSWERS_NAME_MAX * 4 + 8];

	err_set(e, "no session named '%s'", err_quote(q, sizeof q, name,
	    strlen(name)));
	return -1;
}

static int
session_exists(const char *name, struct err *e)
{
	char q[ANSWERS_NAME_MAX * 4 + 8];

	err_set(e, "a session named '%s' already exists", err_quote(q,
	    sizeof q, name, strlen(name)));
	return -1;
}

/* Mark session SID as changed now (inside a write transaction); fails
 * when it no longer exists. */
static int
touch(struct store *st, long long sid, struct err *e)
{
	sqlite3_stmt *s;

	if (prepare(st, "UPDATE sessions SET updated = ?2, "
	    "touched = (SELECT coalesce(max(touched), 0) + 1 FROM sessions), "
	    "model_id = coalesce(?3, model_id), "
	    "model_version = coalesce(?4, model_version) WHERE id = ?1",
	    &s, e) != 0)
		return -1;
	sqlite3_bind_int64(s, 1, sid);
	sqlite3_bind_int64(s, 2, store_now(st));
	bind_text(s, 3, st->model != NULL ? st->model->id : NULL);
	bind_text(s, 4, st->model != NULL ? st->model->version : NULL);
	if (run(st, s, "cannot save the change", e) != 0)
		return -1;
	if (sqlite3_changes(st->db) != 1) {
		err_file(e, st->path, "cannot save the change: the session "
		    "no longer exists (another user deleted it?)");
		return -1;
	}
	return 0;
}

/* Append a history entry (inside a write transaction). */
static int
history_add(struct store *st, long long sid, const char *field,
    const char *old, const char *new, int undoable, long long undoes,
    struct err *e)
{
	sqlite3_stmt *s;

	/* The first entry of a change names the change: with no
	 * AUTOINCREMENT, its rowid is max(id) + 1. */
	if (prepare(st, "INSERT INTO history(session_id, change_id, time, "
	    "user, field, old, new, undoable, undoes) VALUES (?1, "
	    "coalesce(?2, (SELECT coalesce(max(id), 0) + 1 FROM history)), "
	    "?3, ?4, ?5, ?6, ?7, ?8, ?9)", &s, e) != 0)
		return -1;
	sqlite3_bind_int64(s, 1, sid);
	if (st->change != 0)
		sqlite3_bind_int64(s, 2, st->change);
	sqlite3_bind_int64(s, 3, store_now(st));
	bind_text(s, 4, st->user);
	bind_text(s, 5, field);
	bind_text(s, 6, old);
	bind_text(s, 7, new);
	sqlite3_bind_int(s, 8, undoable);
	if (undoes != 0)
		sqlite3_bind_int64(s, 9, undoes);
	if (run(st, s, "cannot save the change", e) != 0)
		return -1;
	if (st->change == 0)
		st->change = sqlite3_last_insert_rowid(st->db);
	return 0;
}

/* Insert session NAME (inside a write transaction). */
static int
session_insert(struct store *st, const char *name, const char *model_id,
    const char *model_version, long long *sid, struct err *e)
{
	sqlite3_stmt *s;

	if (prepare(st, "INSERT INTO sessions(name, created, updated, "
	    "touched, model_id, model_version) VALUES (?1, ?2, ?2, "
	    "(SELECT coalesce(max(touched), 0) + 1 FROM sessions), ?3, ?4)",
	    &s, e) != 0)
		return -1;
	bind_text(s, 1, name);
	sqlite3_bind_int64(s, 2, store_now(st));
	bind_text(s, 3, model_id);
	bind_text(s, 4, model_version);
	if (run(st, s, "cannot save the session", e) != 0)
		return -1;
	*sid = sqlite3_last_insert_rowid(st->db);
	return 0;
}

static int
need_model(struct store *st, struct err *e)
{
	if (st->model == NULL) {
		err_set(e, "internal error: the session store was opened "
		    "without a model");
		return -1;
	}
	return 0;
}

/* Find NAME, creating it inside the current write transaction. */
static int
find_or_create_tx(struct store *st, const char *name,
    struct store_session *out, int *created, struct err *e)
{
	long long sid;
	int rc;

	*created = 0;
	rc = store_find(st, name, out, e);
	if (rc != 0)
		return rc < 0 ? -1 : 0;
	if (answers_name_check(name, e) != 0 ||
	    session_insert(st, name, st->model->id, st->model->version, &sid,
	    e) != 0 ||
	    history_add(st, sid, "created", NULL, name, 0, 0, e) != 0)
		return -1;
	*created = 1;
	return store_find(st, name, out, e) == 1 ? 0 : -1;
}

int
store_find_or_create(struct store *st, const char *name,
    struct store_session *out, int *created, struct err *e)
{
	struct store_session tmp;
	int made = 0, rc;

	if (out == NULL)
		out = &tmp;
	if (created != NULL)
		*created = 0;
	/* Most opens find it: no write transaction for those. */
	if ((rc = store_find(st, name, out, e)) != 0)
		return rc < 0 ? -1 : 0;
	if (need_model(st, e) != 0 || begin_write(st, e) != 0)
		return -1;
	if (find_or_create_tx(st, name, out, &made, e) != 0 ||
	    commit(st, "cannot save the session", e) != 0) {
		rollback(st);
		return -1;
	}
	if (created != NULL)
		*created = made;
	return 0;
}

/* Fields ----------------------------------------------------------------------- */

/* How each kind of field is read and written.  ?1 is the session, ?2
 * the key (after the prefix), ?3 the value. */
static const struct fkind {
	const char *prefix;
	int keyed;		/* "answer:traffic" rather than "context" */
	const char *get, *put, *del;
} fkinds[] = {
	{ "answer:", 1,
	  "SELECT answer FROM answers WHERE session_id = ?1 AND question = ?2",
	  "INSERT OR REPLACE INTO answers(session_id, question, answer) "
	  "VALUES (?1, ?2, ?3)",
	  "DELETE FROM answers WHERE session_id = ?1 AND question = ?2" },
	{ "note:", 1,
	  "SELECT text FROM notes WHERE session_id = ?1 AND question = ?2",
	  "INSERT OR REPLACE INTO notes(session_id, question, text) "
	  "VALUES (?1, ?2, ?3)",
	  "DELETE FROM notes WHERE session_id = ?1 AND question = ?2" },
	{ "weight:", 1,
	  "SELECT weight FROM weights WHERE session_id = ?1 AND dimension = ?2",
	  "INSERT OR REPLACE INTO weights(session_id, dimension, weight) "
	  "VALUES (?1, ?2, ?3)",
	  "DELETE FROM weights WHERE session_id = ?1 AND dimension = ?2" },
	{ "workload:", 1,
	  "SELECT value FROM workload WHERE session_id = ?1 AND key = ?2",
	  "INSERT OR REPLACE INTO workload(session_id, key, value) "
	  "VALUES (?1, ?2, ?3)",
	  "DELETE FROM workload WHERE session_id = ?1 AND key = ?2" },
	{ "context", 0,
	  "SELECT context FROM sessions WHERE id = ?1",
	  "UPDATE sessions SET context = ?3 WHERE id = ?1",
	  "UPDATE sessions SET context = NULL WHERE id = ?1" },
	{ "participants", 0,
	  "SELECT participants FROM sessions WHERE id = ?1",
	  "UPDATE sessions SET participants = ?3 WHERE id = ?1",
	  "UPDATE sessions SET participants = NULL WHERE id = ?1" },
};

static const struct fkind *
fkind_of(const char *field, const char **key)
{
	size_t i, n;

	for (i = 0; i < sizeof fkinds / sizeof fkinds[0]; i++) {
		n = strlen(fkinds[i].prefix);
		if (fkinds[i].keyed ? strncmp(field, fkinds[i].prefix,
		    n) == 0 && field[n] != '\0' :
		    strcmp(field, fkinds[i].prefix) == 0) {
			*key = field + n;
			return &fkinds[i];
		}
	}
	return NULL;
}

/* Bind the session, key and value a field statement uses. */
static void
field_bind(sqlite3_stmt *s, long long sid, const char *key,
    const char *value)
{
	int n = sqlite3_bind_parameter_count(s);

	sqlite3_bind_int64(s, 1, sid);
	if (n >= 2)
		bind_text(s, 2, key);
	if (n >= 3)
		bind_text(s, 3, value);
}

/* The stored value of FIELD (malloc'd into *OUT; NULL when unset). */
static int
field_get(struct store *st, long long sid, const char *field, char **out,
    struct err *e)
{
	const struct fkind *k;
	const char *key;
	const unsigned char *t;
	sqlite3_stmt *s;
	int rc;

	*out = NULL;
	if ((k = fkind_of(field, &key)) == NULL) {
		err_file(e, st->path, "unknown field '%s' in the history",
		    field);
		return -1;
	}
	if (prepare(st, k->get, &s, e) != 0)
		return -1;
	field_bind(s, sid, key, NULL);
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW && (t = sqlite3_column_text(s, 0)) != NULL &&
	    (*out = strdup((const char *)t)) == NULL)
		rc = SQLITE_NOMEM;
	sqlite3_finalize(s);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return fail(st, rc, "cannot read the session", e);
	return 0;
}

static int
field_put(struct store *st, long long sid, const char *field,
    const char *value, struct err *e)
{
	const struct fkind *k;
	const char *key;
	sqlite3_stmt *s;

	if ((k = fkind_of(field, &key)) == NULL) {
		err_file(e, st->path, "unknown field '%s' in the history",
		    field);
		return -1;
	}
	if (prepare(st, value != NULL ? k->put : k->del, &s, e) != 0)
		return -1;
	field_bind(s, sid, key, value);
	return run(st, s, "cannot save the change", e);
}

static int
same(const char *a, const char *b)
{
	if (a == NULL || b == NULL)
		return a == b;
	return strcmp(a, b) == 0;
}

/* Set FIELD of SID to VALUE with a history entry, inside a write
 * transaction: 1 changed, 0 already so, -1 error. */
static int
field_set(struct store *st, long long sid, const char *field,
    const char *value, int undoable, long long undoes, struct err *e)
{
	char *old;
	int rc = -1;

	if (field_get(st, sid, field, &old, e) != 0)
		return -1;
	if (same(old, value))
		rc = 0;
	else if (field_put(st, sid, field, value, e) == 0 &&
	    history_add(st, sid, field, old, value, undoable, undoes, e) == 0)
		rc = 1;
	free(old);
	return rc;
}

/* One change: FIELD of SID set to VALUE in its own transaction. */
static int
change(struct store *st, long long sid, const char *field, const char *value,
    struct err *e)
{
	int rc;

	if (begin_write(st, e) != 0)
		return -1;
	if (touch(st, sid, e) != 0 ||
	    (rc = field_set(st, sid, field, value, 1, 0, e)) < 0) {
		rollback(st);
		return -1;
	}
	if (rc == 0) {
		rollback(st);		/* nothing to save */
		return 0;
	}
	return commit(st, "cannot save the change", e) == 0 ? 1 : -1;
}

/* A field and the text it is set to, built and checked from what a
 * setter or an import was given. */
struct fv {
	char field[160];
	const char *value;	/* NULL: unset */
	char buf[64];
	char *owned;		/* freed by fv_free */
};

static void
fv_free(struct fv *v)
{
	free(v->owned);
	v->owned = NULL;
}

static int
fv_answer(const struct model *m, int q, int a, struct fv *v, struct err *e)
{
	if (q < 0 || q >= m->nquestions || a < -1 ||
	    a >= m->questions[q].nanswers) {
		err_set(e, "internal error: no answer %d to question %d", a, q);
		return -1;
	}
	snprintf(v->field, sizeof v->field, "answer:%s", m->questions[q].id);
	v->value = a < 0 ? NULL : m->questions[q].answers[a].id;
	return 0;
}

/* Multi-line text (notes, context): NULL or "" unsets. */
static int
fv_text(const char *what, const char *text, struct fv *v, struct err *e)
{
	size_t len = text != NULL ? strlen(text) : 0;

	if (len > YDOC_MAX_TEXT) {
		err_set(e, "%s is too long (%zu bytes; the limit is %d)", what,
		    len, YDOC_MAX_TEXT);
		return -1;
	}
	if (!utf8_printable(text != NULL ? text : "", len, "\n\t")) {
		err_set(e, "%s must be text (valid UTF-8, no control "
		    "characters but line breaks and tabs)", what);
		return -1;
	}
	v->value = len > 0 ? text : NULL;
	return 0;
}

static int
fv_context(const char *text, struct fv *v, struct err *e)
{
	snprintf(v->field, sizeof v->field, "context");
	return fv_text("the context", text, v, e);
}

static int
fv_note(const struct model *m, int q, const char *text, struct fv *v,
    struct err *e)
{
	if (q < 0 || q >= m->nquestions) {
		err_set(e, "internal error: no question %d", q);
		return -1;
	}
	snprintf(v->field, sizeof v->field, "note:%s", m->questions[q].id);
	return fv_text("a note", text, v, e);
}

static int
fv_weight(const struct model *m, int d, int w, struct fv *v, struct err *e)
{
	if (d < 0 || d >= m->ndims || w < -1 || w > MODEL_MAX_WEIGHT) {
		err_set(e, "a weight must be between 0 and %d",
		    MODEL_MAX_WEIGHT);
		return -1;
	}
	snprintf(v->field, sizeof v->field, "weight:%s", m->dims[d].id);
	snprintf(v->buf, sizeof v->buf, "%d", w);
	v->value = w < 0 ? NULL : v->buf;
	return 0;
}

/* A workload figure, stored in the form workload_format writes. */
static int
fv_workload(int f, const char *value, struct fv *v, struct err *e)
{
	struct workload w;
	char msg[256];

	if (f < 0 || f >= WL_NFIELDS) {
		err_set(e, "internal error: no workload figure %d", f);
		return -1;
	}
	snprintf(v->field, sizeof v->field, "workload:%s", wl_fields[f].key);
	v->value = NULL;
	if (value == NULL || value[0] == '\0')
		return 0;
	workload_defaults(&w);
	if (workload_parse(&w, f, value, msg, sizeof msg) != 0) {
		err_set(e, "%s", msg);
		return -1;
	}
	v->value = workload_format(&w, f, v->buf, sizeof v->buf);
	return 0;
}

static int
fv_participants(int n, const char *const *names, struct fv *v,
    struct err *e)
{
	size_t len = 0, o = 0, l;
	int i;

	snprintf(v->field, sizeof v->field, "participants");
	v->value = NULL;
	if (n < 0 || n > ANSWERS_MAX_PARTICIPANTS) {
		err_set(e, "at most %d participants", ANSWERS_MAX_PARTICIPANTS);
		return -1;
	}
	for (i = 0; i < n; i++) {
		l = strlen(names[i]);
		if (l == 0 || l > YDOC_MAX_LINE ||
		    !utf8_printable(names[i], l, NULL)) {
			err_set(e, "a participant must be printable text on one "
			    "line, 1 to %d bytes", YDOC_MAX_LINE);
			return -1;
		}
		len += l + 1;
	}
	if (n == 0)
		return 0;
	if ((v->owned = malloc(len)) == NULL) {
		err_set(e, "out of memory");
		return -1;
	}
	for (i = 0; i < n; i++) {
		l = strlen(names[i]);
		memcpy(v->owned + o, names[i], l);
		o += l;
		v->owned[o++] = i + 1 < n ? '\n' : '\0';
	}
	v->value = v->owned;
	return 0;
}

static int
change_fv(struct store *st, long long sid, struct fv *v, struct err *e)
{
	int rc = change(st, sid, v->field, v->value, e);

	fv_free(v);
	return rc;
}

int
store_set_answer(struct store *st, long long sid, int q, int a,
    struct err *e)
{
	struct fv v = { .owned = NULL };

	if (need_model(st, e) != 0 || fv_answer(st->model, q, a, &v, e) != 0)
		return -1;
	return change_fv(st, sid, &v, e);
}

int
store_set_note(struct store *st, long long sid, int q, const char *text,
    struct err *e)
{
	struct fv v = { .owned = NULL };

	if (need_model(st, e) != 0 || fv_note(st->model, q, text, &v, e) != 0)
		return -1;
	return change_fv(st, sid, &v, e);
}

int
store_set_weight(struct store *st, long long sid, int d, int w,
    struct err *e)
{
	struct fv v = { .owned = NULL };

	if (need_model(st, e) != 0 || fv_weight(st->model, d, w, &v, e) != 0)
		return -1;
	return change_fv(st, sid, &v, e);
}

int
store_set_workload(struct store *st, long long sid, int f, const char *value,
    struct err *e)
{
	struct fv v = { .owned = NULL };

	if (fv_workload(f, value, &v, e) != 0)
		return -1;
	return change_fv(st, sid, &v, e);
}

int
store_set_context(struct store *st, long long sid, const char *text,
    struct err *e)
{
	struct fv v = { .owned = NULL };

	if (fv_context(text, &v, e) != 0)
		return -1;
	return change_fv(st, sid, &v, e);
}

int
store_set_participants(struct store *st, long long sid, int n,
    const char *const *names, struct err *e)
{
	struct fv v = { .owned = NULL };

	if (fv_participants(n, names, &v, e) != 0)
		return -1;
	return change_fv(st, sid, &v, e);
}

/* Import ------------------------------------------------------------------- */

/* Set every field A holds, inside the current transaction; counts the
 * fields that changed in *CHANGES. */
static int
import_fields(struct store *st, long long sid, const struct answers *a,
    int *changes, struct err *e)
{
	const struct model *m = st->model;
	struct fv v;
	int q, d, f, rc;

#define SET(build) do { \
		memset(&v, 0, sizeof v); \
		if ((build) != 0) \
			return -1; \
		rc = field_set(st, sid, v.field, v.value, 1, 0, e); \
		fv_free(&v); \
		if (rc < 0) \
			return -1; \
		*changes += rc; \
	} while (0)

	SET(fv_context(a->context, &v, e));
	SET(fv_participants(a->nparticipants, a->participants, &v, e));
	for (q = 0; q < m->nquestions; q++)
		SET(fv_answer(m, q, a->answer[q], &v, e));
	for (d = 0; d < m->ndims; d++)
		SET(fv_weight(m, d, (a->weight_set & (1u << d)) ?
		    a->weight[d] : -1, &v, e));
	for (f = 0; f < WL_NFIELDS; f++) {
		char buf[WL_TEXT_MAX + 32];

		SET(fv_workload(f, (a->workload.set & (1u << f)) ?
		    workload_format(&a->workload, f, buf, sizeof buf) : NULL,
		    &v, e));
	}
	for (q = 0; q < m->nquestions; q++)
		SET(fv_note(m, q, a->note[q], &v, e));
#undef SET
	return 0;
}

int
store_import(struct store *st, const char *name, const struct answers *a,
    struct store_session *out, int *changes, struct err *e)
{
	struct store_session tmp;
	int created, n = 0;

	if (out == NULL)
		out = &tmp;
	if (need_model(st, e) != 0)
		return -1;
	if (a->model != st->model) {
		err_set(e, "internal error: answers for another model");
		return -1;
	}
	if (begin_write(st, e) != 0)
		return -1;
	if (find_or_create_tx(st, name, out, &created, e) != 0 ||
	    touch(st, out->id, e) != 0 ||
	    import_fields(st, out->id, a, &n, e) != 0)
		goto fail;
	if (!created && n == 0) {
		rollback(st);		/* the session already holds it all */
	} else if (commit(st, "cannot save the session", e) != 0)
		goto fail;
	if (changes != NULL)
		*changes = n;
	return store_find(st, name, out, e) == 1 ? 0 : -1;
fail:
	rollback(st);
	return -1;
}

/* Loading -------------------------------------------------------------------- */

struct loader {
	struct store *st;
	struct answers *a;
	int skipped;
};

static int
load_answer(struct loader *L, const char *key, const char *value)
{
	const struct model *m = L->a->model;
	int q = model_question_index(m, key), i;

	if (q < 0 || (i = model_answer_index(m, q, value)) < 0)
		return 1;
	L->a->answer[q] = i;
	return 0;
}

static int
load_note(struct loader *L, const char *key, const char *value)
{
	int q = model_question_index(L->a->model, key);
	size_t len = strlen(value);

	if (q < 0 || len == 0 || len > YDOC_MAX_TEXT ||
	    !utf8_printable(value, len, "\n\t"))
		return 1;
	L->a->note[q] = answers_strdup(L->a, value);
	return L->a->note[q] == NULL ? -1 : 0;
}

static int
load_weight(struct loader *L, const char *key, const char *value)
{
	int d = model_dim_index(L->a->model, key);
	char *end;
	long w = strtol(value, &end, 10);

	if (d < 0 || *end != '\0' || end == value || w < 0 ||
	    w > MODEL_MAX_WEIGHT)
		return 1;
	L->a->weight[d] = (int)w;
	L->a->weight_set |= 1u << d;
	return 0;
}

static int
load_workload(struct loader *L, const char *key, const char *value)
{
	int f = workload_field(key);
	char msg[256];

	if (f < 0 || workload_parse(&L->a->workload, f, value, msg,
	    sizeof msg) != 0)
		return 1;
	return 0;
}

/* Statement WHICH of store_load (SQL), compiled on first use and kept
 * until store_close; SID bound as ?1.  Give it back with load_done. */
static sqlite3_stmt *
load_stmt(struct store *st, int which, const char *sql, long long sid,
    struct err *e)
{
	if (st->load[which] == NULL &&
	    prepare(st, sql, &st->load[which], e) != 0)
		return NULL;
	sqlite3_bind_int64(st->load[which], 1, sid);
	return st->load[which];
}

static void
load_done(sqlite3_stmt *s)
{
	sqlite3_reset(s);
	sqlite3_clear_bindings(s);
}

/* Rows of (key, value) for session SID through FN, which returns 1 to
 * count a row as skipped, -1 on failure. */
static int
load_rows(struct loader *L, long long sid, int which, const char *sql,
    int (*fn)(struct loader *, const char *, const char *), struct err *e)
{
	sqlite3_stmt *s;
	const unsigned char *k, *v;
	int rc, r;

	if ((s = load_stmt(L->st, which, sql, sid, e)) == NULL)
		return -1;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		k = sqlite3_column_text(s, 0);
		v = sqlite3_column_text(s, 1);
		if (k == NULL || v == NULL) {
			L->skipped++;
			continue;
		}
		r = fn(L, (const char *)k, (const char *)v);
		if (r < 0) {
			rc = SQLITE_NOMEM;
			break;
		}
		L->skipped += r;
	}
	load_done(s);
	if (rc != SQLITE_DONE)
		return fail(L->st, rc, "cannot read the session", e);
	return 0;
}

static int
load_participants(struct loader *L, const char *text)
{
	struct answers *a = L->a;
	const char *p, *nl;
	int n = 1, i;

	for (p = text; *p != '\0'; p++)
		n += *p == '\n';
	if (n > ANSWERS_MAX_PARTICIPANTS ||
	    (a->participants = arena_array(a->arena, (size_t)n + 1,
	    sizeof(char *))) == NULL) {
		L->skipped++;
		return 0;
	}
	for (p = text, i = 0; i < n; i++, p = nl + 1) {
		size_t len;

		nl = strchr(p, '\n');
		if (nl == NULL)
			nl = p + strlen(p);
		len = (size_t)(nl - p);
		if (len == 0 || len > YDOC_MAX_LINE ||
		    !utf8_printable(p, len, NULL)) {
			L->skipped++;
			continue;
		}
		a->participants[a->nparticipants] =
		    arena_strndup(a->arena, p, len);
		if (a->participants[a->nparticipants] == NULL)
			return -1;
		a->nparticipants++;
	}
	return 0;
}

static int
load_session_row(struct loader *L, long long sid, struct err *e)
{
	sqlite3_stmt *s;
	const char *name, *ctx, *parts;
	int rc, r = 0;

	if ((s = load_stmt(L->st, LOAD_SESSION, "SELECT name, context, "
	    "participants FROM sessions WHERE id = ?1", sid, e)) == NULL)
		return -1;
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW) {
		name = (const char *)sqlite3_column_text(s, 0);
		ctx = (const char *)sqlite3_column_text(s, 1);
		parts = (const char *)sqlite3_column_text(s, 2);
		if (name != NULL &&
		    (L->a->session = answers_strdup(L->a, name)) == NULL)
			r = -1;
		if (ctx != NULL && ctx[0] != '\0') {
			if (strlen(ctx) > YDOC_MAX_TEXT ||
			    !utf8_printable(ctx, strlen(ctx), "\n\t"))
				L->skipped++;
			else if ((L->a->context = answers_strdup(L->a,
			    ctx)) == NULL)
				r = -1;
		}
		if (r == 0 && parts != NULL && parts[0] != '\0')
			r = load_participants(L, parts);
	}
	load_done(s);
	if (rc == SQLITE_DONE) {
		err_file(e, L->st->path, "the session no longer exists "
		    "(another user deleted it?)");
		return -1;
	}
	if (rc != SQLITE_ROW)
		return fail(L->st, rc, "cannot read the session", e);
	if (r != 0) {
		err_set(e, "out of memory");
		return -1;
	}
	return 0;
}

struct answers *
store_load(struct store *st, long long sid, int *skipped, struct err *e)
{
	struct loader L = { .st = st };

	if (need_model(st, e) != 0)
		return NULL;
	if ((L.a = answers_new(st->model)) == NULL) {
		err_set(e, "out of memory");
		return NULL;
	}
	/* One read transaction: a consistent snapshot. */
	if (begin_read(st, e) != 0)
		goto fail;
	if (load_session_row(&L, sid, e) != 0 ||
	    load_rows(&L, sid, LOAD_ANSWERS, "SELECT question, answer FROM "
	    "answers WHERE session_id = ?1 ORDER BY question", load_answer,
	    e) != 0 ||
	    load_rows(&L, sid, LOAD_NOTES, "SELECT question, text FROM notes "
	    "WHERE session_id = ?1 ORDER BY question", load_note, e) != 0 ||
	    load_rows(&L, sid, LOAD_WEIGHTS, "SELECT dimension, weight FROM "
	    "weights WHERE session_id = ?1 ORDER BY dimension", load_weight,
	    e) != 0 ||
	    load_rows(&L, sid, LOAD_WORKLOAD, "SELECT key, value FROM workload "
	    "WHERE session_id = ?1 ORDER BY key", load_workload, e) != 0)
		goto fail;
	rollback(st);		/* end the read transaction */
	if (skipped != NULL)
		*skipped = L.skipped;
	return L.a;
fail:
	rollback(st);
	answers_free(L.a);
	return NULL;
}

/* Undo and history -------------------------------------------------------------- */

struct undo_entry {
	long long id;
	char *field, *old;
};

/* The undoable entries of the last change of SID, newest first. */
static int
undo_entries(struct store *st, long long sid, struct undo_entry **out,
    int *n, struct err *e)
{
	sqlite3_stmt *s;
	long long change_id = 0;
	struct undo_entry *v = NULL, *nv;
	int rc, cap = 0;

	*out = NULL;
	*n = 0;
	if (prepare(st, "SELECT change_id FROM history WHERE session_id = ?1 "
	    "AND undoable = 1 ORDER BY id DESC LIMIT 1", &s, e) != 0)
		return -1;
	sqlite3_bind_int64(s, 1, sid);
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW)
		change_id = sqlite3_column_int64(s, 0);
	sqlite3_finalize(s);
	if (rc != SQLITE_ROW)
		return rc == SQLITE_DONE ? 0 :
		    fail(st, rc, "cannot read the history", e);
	if (prepare(st, "SELECT id, field, old FROM history WHERE "
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
		return fail(st, rc, "cannot read the history", e);
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

	if (prepare(st, "UPDATE history SET undoable = 0 WHERE id = ?1",
	    &s, e) != 0)
		return -1;
	sqlite3_bind_int64(s, 1, u->id);
	if (run(st, s, "cannot undo", e) != 0)
		return -1;
	return field_set(st, sid, u->field, u->old, 0, u->id, e) < 0 ? -1 : 0;
}

int
store_undo(struct store *st, long long sid, struct store_undo *out,
    struct err *e)
{
	struct undo_entry *v = NULL;
	int n = 0, i;

	if (out != NULL)
		memset(out, 0, sizeof *out);
	if (begin_write(st, e) != 0)
		return -1;
	if (touch(st, sid, e) != 0 || undo_entries(st, sid, &v, &n, e) != 0)
		goto fail;
	if (n == 0) {
		rollback(st);
		free(v);
		return 0;
	}
	for (i = 0; i < n; i++)
		if (undo_apply(st, sid, &v[i], e) != 0)
			goto fail;
	if (commit(st, "cannot undo", e) != 0)
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
	rollback(st);
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
	if (prepare(st, "SELECT id, change_id, time, user, field, old, new, "
	    "undoable, coalesce(undoes, 0) FROM history "
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
		return fail(st, rc, "cannot read the history", e);
	return 0;
}

/* Rename, copy, delete --------------------------------------------------------- */

int
store_rename(struct store *st, const char *from, const char *to,
    struct err *e)
{
	struct store_session s;
	sqlite3_stmt *q;
	int rc;

	if (answers_name_check(to, e) != 0 || begin_write(st, e) != 0)
		return -1;
	if ((rc = store_find(st, from, &s, e)) <= 0) {
		if (rc == 0)
			no_session(from, e);
		goto fail;
	}
	if (strcmp(from, to) == 0) {
		rollback(st);
		return 0;
	}
	if ((rc = store_find(st, to, NULL, e)) != 0) {
		if (rc > 0)
			session_exists(to, e);
		goto fail;
	}
	if (touch(st, s.id, e) != 0 ||
	    prepare(st, "UPDATE sessions SET name = ?2 WHERE id = ?1", &q,
	    e) != 0)
		goto fail;
	sqlite3_bind_int64(q, 1, s.id);
	bind_text(q, 2, to);
	if (run(st, q, "cannot rename the session", e) != 0 ||
	    history_add(st, s.id, "name", from, to, 0, 0, e) != 0 ||
	    commit(st, "cannot rename the session", e) != 0)
		goto fail;
	return 0;
fail:
	rollback(st);
	return -1;
}

/* Copy the rows of one per-session table (fixed SQL, ?1 from, ?2 to). */
static int
copy_rows(struct store *st, const char *sql, long long from, long long to,
    struct err *e)
{
	sqlite3_stmt *s;

	if (prepare(st, sql, &s, e) != 0)
		return -1;
	sqlite3_bind_int64(s, 1, from);
	sqlite3_bind_int64(s, 2, to);
	return run(st, s, "cannot copy the session", e);
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

	if (answers_name_check(to, e) != 0 || begin_write(st, e) != 0)
		return -1;
	if ((rc = store_find(st, from, &s, e)) <= 0) {
		if (rc == 0)
			no_session(from, e);
		goto fail;
	}
	if ((rc = store_find(st, to, NULL, e)) != 0) {
		if (rc > 0)
			session_exists(to, e);
		goto fail;
	}
	if (session_insert(st, to, s.model_id, s.model_version, &sid, e) != 0)
		goto fail;
	for (i = 0; i < sizeof copies / sizeof copies[0]; i++)
		if (copy_rows(st, copies[i], s.id, sid, e) != 0)
			goto fail;
	if (history_add(st, sid, "copied", from, to, 0, 0, e) != 0 ||
	    commit(st, "cannot copy the session", e) != 0)
		goto fail;
	return 0;
fail:
	rollback(st);
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

	if (begin_write(st, e) != 0)
		return -1;
	if ((rc = store_find(st, name, &s, e)) <= 0) {
		if (rc == 0)
			no_session(name, e);
		goto fail;
	}
	for (i = 0; i < sizeof deletes / sizeof deletes[0]; i++) {
		if (prepare(st, deletes[i], &q, e) != 0)
			goto fail;
		sqlite3_bind_int64(q, 1, s.id);
		if (run(st, q, "cannot delete the session", e) != 0)
			goto fail;
	}
	if (commit(st, "cannot delete the session", e) != 0)
		goto fail;
	return 0;
fail:
	rollback(st);
	return -1;
}
