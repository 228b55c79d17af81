/* check_store.c - the session store against real SQLite files.
 *
 * Every test gets a fresh directory (made in a checked fixture, so after
 * Check forks) inside one base directory under $TESTS_BUILDDIR that
 * main() makes and removes once every test has run, failed or not (a
 * failed check ends the test's process without its teardown). */
#define _GNU_SOURCE		/* nftw, usleep */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <limits.h>
#include <signal.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "testdir.h"

#include "answers.h"
#include "model.h"
#include "presence.h"
#include "store.h"
#include "workload.h"
#include "ydoc.h"

static char base[PATH_MAX / 2];
static char tmpdir[PATH_MAX];
static struct model *model;

/* Fixture ------------------------------------------------------------- */

static void
setup(void)
{
	snprintf(tmpdir, sizeof tmpdir, "%s/test.XXXXXX", base);
	ck_assert_msg(mkdtemp(tmpdir) != NULL, "mkdtemp %s: %s", tmpdir,
	    strerror(errno));
	model = tu_shipped_model();
	umask(022);
	setenv("USER", "tester", 1);
}




static void
teardown(void)
{
	tu_rm_tree(tmpdir);
	model_free(model);
	model = NULL;
}

/* Helpers ------------------------------------------------------------- */

static const char *
tpath(const char *rel)
{
	return tu_path(tmpdir, rel);
}

static struct store *
open_opts(struct store_opts *o)
{
	struct err e;
	struct store *st;

	if (o->model == NULL)
		o->model = model;
	if (o->now == 0)
		o->now = 1767225600;	/* 2026-01-01T00:00:00Z */
	st = store_open(o, &e);
	ck_assert_msg(st != NULL, "store_open: %s", e.msg);
	return st;
}

static struct store *
open_db(const char *rel)
{
	struct store_opts o = { .path = tpath(rel) };

	return open_opts(&o);
}

/* store_open must fail with a message containing WANT. */
static void
open_fails(struct store_opts *o, const char *want)
{
	struct err e;
	struct store *st;

	if (o->model == NULL)
		o->model = model;
	st = store_open(o, &e);
	ck_assert_msg(st == NULL, "store_open of %s succeeded", o->path);
	ck_assert_msg(strstr(e.msg, want) != NULL, "message '%s' lacks '%s'",
	    e.msg, want);
	ck_assert_msg(strstr(e.msg, o->path) != NULL, "message '%s' does not "
	    "name the file", e.msg);
}

static long long
session(struct store *st, const char *name)
{
	struct store_session s;
	struct err e;

	ck_assert_msg(store_find_or_create(st, name, &s, NULL, &e) == 0, "%s",
	    e.msg);
	return s.id;
}

static int
qi(const char *id)
{
	int q = model_question_index(model, id);

	ck_assert_msg(q >= 0, "no question %s", id);
	return q;
}

static int
ai(int q, const char *id)
{
	int a = model_answer_index(model, q, id);

	ck_assert_msg(a >= 0, "no answer %s", id);
	return a;
}

static sqlite3 *
raw_open(const char *path)
{
	sqlite3 *db;

	ck_assert_int_eq(sqlite3_open_v2(path, &db, SQLITE_OPEN_READWRITE |
	    SQLITE_OPEN_CREATE, NULL), SQLITE_OK);
	sqlite3_busy_timeout(db, 10000);
	return db;
}

static void
raw_exec(sqlite3 *db, const char *sql)
{
	char *msg = NULL;

	ck_assert_msg(sqlite3_exec(db, sql, NULL, NULL, &msg) == SQLITE_OK,
	    "%s: %s", sql, msg != NULL ? msg : "?");
}

static long long
raw_int(sqlite3 *db, const char *sql)
{
	sqlite3_stmt *s;
	long long v = -1;

	ck_assert_msg(sqlite3_prepare_v2(db, sql, -1, &s, NULL) == SQLITE_OK,
	    "%s: %s", sql, sqlite3_errmsg(db));
	if (sqlite3_step(s) == SQLITE_ROW)
		v = sqlite3_column_int64(s, 0);
	sqlite3_finalize(s);
	return v;
}

static long long
path_int(const char *path, const char *sql)
{
	sqlite3 *db = raw_open(path);
	long long v = raw_int(db, sql);

	sqlite3_close(db);
	return v;
}

/* The text of the first row of SQL on the database at PATH. */
static const char *
path_text(const char *path, const char *sql)
{
	static char buf[256];
	sqlite3 *db = raw_open(path);
	sqlite3_stmt *s;

	ck_assert_msg(sqlite3_prepare_v2(db, sql, -1, &s, NULL) == SQLITE_OK,
	    "%s: %s", sql, sqlite3_errmsg(db));
	ck_assert_int_eq(sqlite3_step(s), SQLITE_ROW);
	snprintf(buf, sizeof buf, "%s", (const char *)sqlite3_column_text(s,
	    0));
	sqlite3_finalize(s);
	sqlite3_close(db);
	return buf;
}

static char *
slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	char *buf;
	long n;

	ck_assert_msg(f != NULL, "%s: %s", path, strerror(errno));
	fseek(f, 0, SEEK_END);
	n = ftell(f);
	fseek(f, 0, SEEK_SET);
	buf = malloc((size_t)n + 1);
	ck_assert(buf != NULL);
	ck_assert_int_eq(fread(buf, 1, (size_t)n, f), (size_t)n);
	fclose(f);
	*len = (size_t)n;
	return buf;
}

static void
spit(const char *path, const void *buf, size_t len)
{
	FILE *f = fopen(path, "wb");

	ck_assert(f != NULL);
	ck_assert_int_eq(fwrite(buf, 1, len, f), len);
	ck_assert_int_eq(fclose(f), 0);
}

static void
same_bytes(const char *path, const char *before, size_t len)
{
	size_t n;
	char *now = slurp(path, &n);

	ck_assert_msg(n == len && memcmp(now, before, len) == 0,
	    "%s changed", path);
	free(now);
}

static int
mode_of(const char *path)
{
	struct stat sb;

	ck_assert_msg(stat(path, &sb) == 0, "%s: %s", path, strerror(errno));
	return (int)(sb.st_mode & 07777);
}

static double
now_sec(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

/* A store with one session holding a few of everything, closed. */
static void
make_filled(const char *path)
{
	struct store_opts o = { .path = path };
	struct store *st = open_opts(&o);
	long long sid = session(st, "filled");
	struct err e;
	int q = qi("traffic");

	ck_assert_int_eq(store_set_answer(st, sid, q, ai(q, "steady"), &e), 1);
	ck_assert_int_eq(store_set_note(st, sid, q, "a note", &e), 1);
	ck_assert_int_eq(store_set_context(st, sid, "context", &e), 1);
	store_close(st);
}

/* Schema and files ------------------------------------------------------ */

START_TEST(test_migrate_empty)
{
	const char *p = tpath("a/b/sessions.db");
	struct store *st;
	long long n;
	struct err e;
	int fd;

	st = open_db("a/b/sessions.db");
	ck_assert_int_eq(store_count(st, &n, &e), 0);
	ck_assert_int_eq(n, 0);
	ck_assert_int_eq(store_journal_mode(st), STORE_JOURNAL_WAL);
	store_close(st);
	ck_assert_int_eq(path_int(p, "PRAGMA user_version"),
	    STORE_SCHEMA_VERSION);
	ck_assert_int_eq(path_int(p, "PRAGMA application_id"),
	    STORE_APPLICATION_ID);
	ck_assert_int_eq(path_int(p, "SELECT count(*) FROM sqlite_master "
	    "WHERE type = 'table' AND name IN ('sessions', 'answers', 'notes', "
	    "'weights', 'workload', 'history')"), 6);
	/* Opening again changes nothing. */
	st = open_db("a/b/sessions.db");
	store_close(st);
	ck_assert_int_eq(path_int(p, "PRAGMA user_version"),
	    STORE_SCHEMA_VERSION);
	/* An existing empty file is an empty database. */
	fd = open(tpath("empty.db"), O_CREAT | O_WRONLY, 0644);
	ck_assert_int_ge(fd, 0);
	close(fd);
	st = open_db("empty.db");
	store_close(st);
	ck_assert_int_eq(path_int(tpath("empty.db"), "PRAGMA user_version"),
	    STORE_SCHEMA_VERSION);
	ck_assert_int_eq(mode_of(tpath("empty.db")), 0644);
}
END_TEST

START_TEST(test_permissions)
{
	const char *p = tpath("x/y/sessions.db");
	char w[PATH_MAX], s[PATH_MAX];
	struct store *st;
	struct err e;
	long long sid;

	umask(022);
	st = open_db("x/y/sessions.db");
	sid = session(st, "perm");
	ck_assert_int_eq(store_set_context(st, sid, "hello", &e), 1);
	ck_assert_int_eq(mode_of(tpath("x")), 0700);
	ck_assert_int_eq(mode_of(tpath("x/y")), 0700);
	ck_assert_int_eq(mode_of(p), 0600);
	snprintf(w, sizeof w, "%s-wal", p);
	snprintf(s, sizeof s, "%s-shm", p);
	ck_assert_int_eq(mode_of(w), 0600);
	ck_assert_int_eq(mode_of(s), 0600);
	store_close(st);

	/* Whatever the umask. */
	umask(0);
	st = open_db("z/sessions.db");
	store_close(st);
	ck_assert_int_eq(mode_of(tpath("z")), 0700);
	ck_assert_int_eq(mode_of(tpath("z/sessions.db")), 0600);
	umask(0277);
	st = open_db("u/sessions.db");
	store_close(st);
	umask(022);
	ck_assert_int_eq(mode_of(tpath("u")), 0700);
	ck_assert_int_eq(mode_of(tpath("u/sessions.db")), 0600);

	/* A rollback journal too. */
	{
		struct store_opts o = { .path = tpath("j/sessions.db"),
		    .journal = STORE_JOURNAL_DELETE };
		sqlite3 *db;

		st = open_opts(&o);
		ck_assert_int_eq(store_journal_mode(st), STORE_JOURNAL_DELETE);
		sid = session(st, "j");
		/* Hold a write open in another connection so the journal
		 * file exists while we look at it. */
		db = raw_open(tpath("j/sessions.db"));
		raw_exec(db, "BEGIN IMMEDIATE; UPDATE sessions SET context = "
		    "'x'");
		ck_assert_int_eq(mode_of(tpath("j/sessions.db-journal")), 0600);
		raw_exec(db, "ROLLBACK");
		sqlite3_close(db);
		store_close(st);
	}

	/* An existing file's mode is left alone. */
	make_filled(tpath("keep.db"));
	chmod(tpath("keep.db"), 0640);
	st = open_db("keep.db");
	sid = session(st, "filled");
	ck_assert_int_eq(store_set_context(st, sid, "changed", &e), 1);
	store_close(st);
	ck_assert_int_eq(mode_of(tpath("keep.db")), 0640);
}
END_TEST

START_TEST(test_default_path)
{
	char buf[PATH_MAX];
	struct err e;

	setenv("XDG_DATA_HOME", "/xdg/data", 1);
	ck_assert_int_eq(store_default_path(buf, sizeof buf, &e), 0);
	ck_assert_str_eq(buf, "/xdg/data/tradeoff/sessions.db");
	setenv("XDG_DATA_HOME", "relative/ignored", 1);
	setenv("HOME", "/home/ana", 1);
	ck_assert_int_eq(store_default_path(buf, sizeof buf, &e), 0);
	ck_assert_str_eq(buf, "/home/ana/.local/share/tradeoff/sessions.db");
	unsetenv("XDG_DATA_HOME");
	unsetenv("HOME");
	/* The passwd entry then; whatever it is, a path or a clear error. */
	if (store_default_path(buf, sizeof buf, &e) == 0)
		ck_assert(strstr(buf, "/.local/share/tradeoff/sessions.db"));
	else
		ck_assert(strstr(e.msg, "--db") != NULL);
}
END_TEST

START_TEST(test_newer_schema)
{
	const char *p = tpath("new.db");
	struct store_opts o = { .path = p };
	sqlite3 *db;
	size_t len;
	char *before;

	make_filled(p);
	db = raw_open(p);
	raw_exec(db, "PRAGMA user_version = 99");
	sqlite3_close(db);
	before = slurp(p, &len);
	open_fails(&o, "newer version");
	same_bytes(p, before, len);
	o.readonly = 1;
	open_fails(&o, "newer version");
	same_bytes(p, before, len);
	free(before);
}
END_TEST

START_TEST(test_foreign_databases)
{
	struct store_opts o = { .path = NULL };
	sqlite3 *db;
	size_t len, i;
	char *before, junk[8192];

	/* Another program's database: tables but no id. */
	o.path = tpath("other.db");
	db = raw_open(o.path);
	raw_exec(db, "CREATE TABLE t(x); INSERT INTO t VALUES (1)");
	sqlite3_close(db);
	before = slurp(o.path, &len);
	open_fails(&o, "not a tradeoff session database");
	same_bytes(o.path, before, len);
	free(before);

	/* Another application id. */
	o.path = tpath("other2.db");
	db = raw_open(o.path);
	raw_exec(db, "PRAGMA application_id = 1234");
	sqlite3_close(db);
	before = slurp(o.path, &len);
	open_fails(&o, "not a tradeoff session database");
	same_bytes(o.path, before, len);
	free(before);

	/* A text file. */
	o.path = tpath("notes.txt");
	for (i = 0; i < 100; i++)
		memcpy(junk + i * 40, "This is a text file, not a database.\n\n\n",
		    40);
	spit(o.path, junk, 4000);
	open_fails(&o, "not a SQLite database");
	same_bytes(o.path, junk, 4000);

	/* Random bytes. */
	o.path = tpath("random.bin");
	srand(42);
	for (i = 0; i < sizeof junk; i++)
		junk[i] = (char)(rand() & 0xff);
	spit(o.path, junk, sizeof junk);
	open_fails(&o, "not a SQLite database");
	same_bytes(o.path, junk, sizeof junk);
	o.readonly = 1;
	open_fails(&o, "not a SQLite database");
	same_bytes(o.path, junk, sizeof junk);
}
END_TEST

START_TEST(test_corrupt)
{
	const char *p = tpath("corrupt.db");
	struct store_opts o = { .path = p };
	struct store *st;
	struct store_session s;
	struct answers *a;
	struct err e;
	size_t len, i;
	char *buf;
	int rc;

	make_filled(p);
	buf = slurp(p, &len);
	ck_assert_int_gt(len, 8192);
	/* Garbage over every page but the first (which holds the header
	 * and the schema): the tables' pages are gone. */
	for (i = 4096; i < len; i++)
		buf[i] = (char)(i * 7 + 3);
	spit(p, buf, len);

	st = store_open(&o, &e);
	if (st != NULL) {
		rc = store_find(st, "filled", &s, &e);
		ck_assert_int_eq(rc, -1);
		ck_assert_msg(strstr(e.msg, "damaged") != NULL, "%s", e.msg);
		ck_assert_msg(strstr(e.msg, p) != NULL, "%s", e.msg);
		a = store_load(st, 1, NULL, &e);
		ck_assert(a == NULL);
		ck_assert_int_eq(store_set_context(st, 1, "x", &e), -1);
		ck_assert_msg(strstr(e.msg, "damaged") != NULL, "%s", e.msg);
		ck_assert_int_eq(store_find_or_create(st, "new", &s, NULL, &e),
		    -1);
		store_close(st);
	} else
		ck_assert_msg(strstr(e.msg, "damaged") != NULL, "%s", e.msg);
	same_bytes(p, buf, len);

	/* A damaged header: not a database any more. */
	memset(buf, 0x55, 100);
	spit(p, buf, len);
	open_fails(&o, "not a SQLite database");
	same_bytes(p, buf, len);
	free(buf);
}
END_TEST

/* Read only ------------------------------------------------------------- */

START_TEST(test_readonly_open)
{
	const char *p = tpath("ro.db");
	struct store_opts o = { .path = p, .readonly = 1 };
	struct store_session s;
	struct store *st;
	struct answers *a;
	struct err e;
	size_t len;
	char *before;

	make_filled(p);
	before = slurp(p, &len);
	st = open_opts(&o);
	ck_assert_int_eq(store_find(st, "filled", &s, &e), 1);
	a = store_load(st, s.id, NULL, &e);
	ck_assert_msg(a != NULL, "%s", e.msg);
	ck_assert_str_eq(a->context, "context");
	answers_free(a);
	ck_assert_int_eq(store_set_context(st, s.id, "no", &e), -1);
	ck_assert_msg(strstr(e.msg, "read-only") != NULL, "%s", e.msg);
	ck_assert_int_eq(store_find_or_create(st, "new", &s, NULL, &e), -1);
	ck_assert_int_eq(store_delete(st, "filled", &e), -1);
	ck_assert_int_eq(store_undo(st, s.id, NULL, 0, NULL, &e), -1);
	store_close(st);
	same_bytes(p, before, len);
	free(before);

	/* Read only never creates. */
	o.path = tpath("missing.db");
	open_fails(&o, "No such file");
	ck_assert_int_ne(access(o.path, F_OK), 0);
}
END_TEST

/* A change a killed writer left unfinished: in a child, change every
 * history entry with too small a cache (so pages reach the file and the
 * rollback journal) and die of SIGKILL before committing. */
static void
leave_hot_journal(const char *path)
{
	pid_t pid = fork();
	int status;

	ck_assert_int_ge(pid, 0);
	if (pid == 0) {
		sqlite3 *db = raw_open(path);

		raw_exec(db, "PRAGMA journal_mode = DELETE; "
		    "PRAGMA cache_size = 2; BEGIN IMMEDIATE; "
		    "UPDATE history SET new = new || zeroblob(4000)");
		raise(SIGKILL);
	}
	ck_assert_int_eq(waitpid(pid, &status, 0), pid);
	ck_assert(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL);
}

/* Reading after a kill in rollback-journal mode (the mode on network
 * file systems): a read-only open finds a hot journal it cannot roll
 * back, so the store has a writer do it first when it may. */
START_TEST(test_readonly_hot_journal)
{
	const char *p = tpath("hot.db");
	struct store_opts o = { .path = p, .readonly = 1,
	    .journal = STORE_JOURNAL_DELETE };
	struct store_session s;
	struct store *st;
	struct answers *a;
	struct err e;
	char journal[PATH_MAX];

	make_filled(p);
	leave_hot_journal(p);
	snprintf(journal, sizeof journal, "%s-journal", p);
	ck_assert_msg(access(journal, F_OK) == 0, "no journal was left");
	st = open_opts(&o);
	ck_assert_int_eq(store_find(st, "filled", &s, &e), 1);
	a = store_load(st, s.id, NULL, &e);
	ck_assert_msg(a != NULL, "%s", e.msg);
	ck_assert_str_eq(a->note[qi("traffic")], "a note");
	answers_free(a);
	store_close(st);
	ck_assert_str_eq(path_text(p, "PRAGMA integrity_check"), "ok");
	ck_assert_int_eq(path_int(p, "SELECT count(*) FROM history WHERE "
	    "length(new) > 1000"), 0);

	/* Someone who cannot write it is told who can finish it. */
	if (geteuid() != 0) {
		leave_hot_journal(p);
		chmod(p, 0400);
		open_fails(&o, "left unfinished");
		chmod(p, 0600);
	}
}
END_TEST

START_TEST(test_readonly_file)
{
	const char *p = tpath("ro/file.db");
	struct store_opts o = { .path = p };
	size_t len;
	char *before;

	if (geteuid() == 0) {
		fprintf(stderr, "check_store: test_readonly_file: skipped as "
		    "root (permissions do not stop root)\n");
		return;
	}
	make_filled(p);
	before = slurp(p, &len);
	chmod(p, 0400);
	open_fails(&o, "read-only");
	same_bytes(p, before, len);
	chmod(p, 0600);
	/* A directory without write permission: no room for journals. */
	chmod(tpath("ro"), 0500);
	open_fails(&o, "not writable");
	chmod(tpath("ro"), 0700);
	same_bytes(p, before, len);
	free(before);
}
END_TEST

/* Not a file: SQLite would wait for ever for a writer to a FIFO. */
START_TEST(test_not_a_file)
{
	const char *fifo = tpath("fifo.db"), *dir = tpath("dir.db");
	struct store_opts o = { .path = NULL };
	int ro;

	ck_assert_int_eq(mkfifo(fifo, 0600), 0);
	ck_assert_int_eq(mkdir(dir, 0700), 0);
	for (ro = 0; ro <= 1; ro++) {
		o.readonly = ro;
		o.path = fifo;
		open_fails(&o, "not a regular file");
		o.path = "/dev/null";
		open_fails(&o, "not a regular file");
		o.path = dir;
		open_fails(&o, "is a directory");
	}
}
END_TEST

/* Locks and a full disk --------------------------------------------------- */

static void
locked(enum store_journal j, const char *name)
{
	const char *p = tpath(name);
	struct store_opts o = { .path = p, .journal = j, .busy_ms = 200 };
	struct store *st;
	struct err e;
	sqlite3 *db;
	long long sid;
	double t0;

	st = open_opts(&o);
	sid = session(st, "lock");
	db = raw_open(p);
	sqlite3_busy_timeout(db, 0);
	raw_exec(db, "BEGIN EXCLUSIVE; UPDATE sessions SET context = 'other'");
	t0 = now_sec();
	ck_assert_int_eq(store_set_context(st, sid, "mine", &e), -1);
	ck_assert_msg(now_sec() - t0 >= 0.15, "gave up too soon");
	ck_assert_msg(strstr(e.msg, "locked") != NULL, "%s", e.msg);
	ck_assert_msg(strstr(e.msg, p) != NULL, "%s", e.msg);
	ck_assert_msg(strstr(e.msg, "try again") != NULL, "%s", e.msg);
	if (j == STORE_JOURNAL_DELETE) {
		/* A rollback journal's exclusive lock keeps readers out too,
		 * opening included. */
		struct store_opts o2 = o;

		open_fails(&o2, "locked");
	}
	raw_exec(db, "ROLLBACK");
	sqlite3_close(db);
	/* And once the lock is gone it works. */
	ck_assert_int_eq(store_set_context(st, sid, "mine", &e), 1);
	store_close(st);
}

START_TEST(test_locked)
{
	locked(STORE_JOURNAL_WAL, "lock-wal.db");
	locked(STORE_JOURNAL_DELETE, "lock-delete.db");
}
END_TEST

START_TEST(test_disk_full)
{
	const char *p = tpath("full.db");
	struct store_opts o = { .path = p };
	struct store *st;
	struct answers *a;
	struct err e;
	long long sid, pages;
	char big[YDOC_MAX_TEXT];
	int q = qi("traffic");

	make_filled(p);
	pages = path_int(p, "PRAGMA page_count");
	o.max_pages = (int)pages;
	st = open_opts(&o);
	sid = session(st, "filled");
	memset(big, 'x', sizeof big - 1);
	big[sizeof big - 1] = '\0';
	ck_assert_int_eq(store_set_note(st, sid, q, big, &e), -1);
	ck_assert_msg(strstr(e.msg, "disk is full") != NULL, "%s", e.msg);
	ck_assert_msg(strstr(e.msg, p) != NULL, "%s", e.msg);
	a = store_load(st, sid, NULL, &e);
	ck_assert(a != NULL);
	ck_assert_str_eq(a->note[q], "a note");
	answers_free(a);
	store_close(st);
}
END_TEST

/* Sessions and fields ----------------------------------------------------- */

/* A valid value for number figure F, other than its default. */
static double
wl_num(int f)
{
	double v = wl_fields[f].min + (wl_fields[f].max - wl_fields[f].min) / 2;

	return wl_fields[f].integer ? (double)(long long)v : v + 0.25;
}

static const char *const nasty[] = {
	"plain",
	"line one\n  indented line two\n\ttab\n",
	"ends with spaces   ",
	"yes", "null", "123", "~", "# hash first", " leading space",
	"'single' \"double\" \\ backslash",
	"trailing newlines\n\n",
	"\n starts with a newline",
	"日本語のノート — ünïcødé",
};

START_TEST(test_roundtrip)
{
	const char *parts[] = { "Ana (architect)", "Ben: SRE", "yes",
	    "Zoë, security" };
	struct store *st = open_db("rt.db");
	struct answers *a;
	struct err e;
	long long sid = session(st, "round | trip / 'q' \"dq\" ü");
	char buf[64];
	int q, d, f, skipped = -1;
	size_t i;

	for (q = 0; q < model->nquestions; q++) {
		int want = (q + 1) % (model->questions[q].nanswers + 1) - 1;

		if (want >= 0)
			ck_assert_int_eq(store_set_answer(st, sid, q, want, &e),
			    1);
		ck_assert_int_eq(store_set_note(st, sid, q,
		    nasty[(size_t)q % (sizeof nasty / sizeof nasty[0])], &e),
		    1);
	}
	for (d = 0; d < model->ndims; d++)
		ck_assert_int_eq(store_set_weight(st, sid, d,
		    (d + 2) % (MODEL_MAX_WEIGHT + 1), &e), 1);
	for (f = 0; f < WL_NFIELDS; f++) {
		const char *v;

		switch (wl_fields[f].kind) {
		case WL_NUMBER:
			snprintf(buf, sizeof buf, "%.15g", wl_num(f));
			v = buf;
			break;
		case WL_BOOL:
			v = "false";
			break;
		case WL_CHOICE:
			v = wl_fields[f].choices[1];
			break;
		default:
			v = "m5.large";
			break;
		}
		ck_assert_msg(store_set_workload(st, sid, f, v, &e) >= 0,
		    "%s: %s", wl_fields[f].key, e.msg);
	}
	ck_assert_int_eq(store_set_context(st, sid, nasty[1], &e), 1);
	ck_assert_int_eq(store_set_participants(st, sid, 4, parts, &e), 1);
	store_close(st);

	st = open_db("rt.db");
	a = store_load(st, sid, &skipped, &e);
	ck_assert_msg(a != NULL, "%s", e.msg);
	ck_assert_int_eq(skipped, 0);
	ck_assert_str_eq(a->session, "round | trip / 'q' \"dq\" ü");
	for (q = 0; q < model->nquestions; q++) {
		ck_assert_int_eq(a->answer[q],
		    (q + 1) % (model->questions[q].nanswers + 1) - 1);
		ck_assert_str_eq(a->note[q],
		    nasty[(size_t)q % (sizeof nasty / sizeof nasty[0])]);
	}
	for (d = 0; d < model->ndims; d++) {
		ck_assert_int_eq(a->weight[d], (d + 2) % (MODEL_MAX_WEIGHT + 1));
		ck_assert(a->weight_set & (1u << d));
	}
	ck_assert_int_eq(a->workload.set, (1u << WL_NFIELDS) - 1);
	for (f = 0; f < WL_NFIELDS; f++)
		if (wl_fields[f].kind == WL_TEXT)
			ck_assert_str_eq(workload_format(&a->workload, f, buf,
			    sizeof buf), "m5.large");
		else if (wl_fields[f].kind == WL_CHOICE)
			ck_assert_str_eq(workload_format(&a->workload, f, buf,
			    sizeof buf), wl_fields[f].choices[1]);
		else if (wl_fields[f].kind == WL_BOOL)
			ck_assert(a->workload.num[f] == 0);
		else
			ck_assert(a->workload.num[f] == wl_num(f));
	ck_assert_str_eq(a->context, nasty[1]);
	ck_assert_int_eq(a->nparticipants, 4);
	for (i = 0; i < 4; i++)
		ck_assert_str_eq(a->participants[i], parts[i]);
	answers_free(a);

	/* Clearing: unset answers, notes, weights back to the default. */
	q = qi("traffic");
	ck_assert_int_eq(store_set_answer(st, sid, q, -1, &e), 1);
	ck_assert_int_eq(store_set_note(st, sid, q, "", &e), 1);
	ck_assert_int_eq(store_set_weight(st, sid, 0, -1, &e), 1);
	ck_assert_int_eq(store_set_workload(st, sid, 0, NULL, &e), 1);
	ck_assert_int_eq(store_set_context(st, sid, NULL, &e), 1);
	ck_assert_int_eq(store_set_participants(st, sid, 0, NULL, &e), 1);
	a = store_load(st, sid, NULL, &e);
	ck_assert_int_eq(a->answer[q], -1);
	ck_assert(a->note[q] == NULL);
	ck_assert_int_eq(a->weight[0], model->dims[0].weight);
	ck_assert(!(a->weight_set & 1u));
	ck_assert(!(a->workload.set & 1u));
	ck_assert(a->context == NULL);
	ck_assert_int_eq(a->nparticipants, 0);
	answers_free(a);
	store_close(st);
}
END_TEST

START_TEST(test_bad_values)
{
	struct store *st = open_db("bad.db");
	long long sid = session(st, "bad");
	const char *bad_part[] = { "two\nlines" };
	struct err e;
	int q = qi("traffic");

	ck_assert_int_eq(store_set_answer(st, sid, q, 99, &e), -1);
	ck_assert_int_eq(store_set_answer(st, sid, -1, 0, &e), -1);
	ck_assert_int_eq(store_set_note(st, sid, q, "bell\a", &e), -1);
	ck_assert_int_eq(store_set_weight(st, sid, 0, 6, &e), -1);
	ck_assert_int_eq(store_set_workload(st, sid,
	    workload_field("memory_mb"), "lots", &e), -1);
	ck_assert_msg(strstr(e.msg, "memory_mb") != NULL, "%s", e.msg);
	ck_assert_int_eq(store_set_participants(st, sid, 1, bad_part, &e), -1);
	ck_assert_int_eq(store_set_context(st, sid, "\x1b[31m", &e), -1);
	/* None of it was recorded. */
	ck_assert_int_eq(store_undo(st, sid, NULL, 0, NULL, &e), 0);
	store_close(st);
}
END_TEST

START_TEST(test_names)
{
	static const char *const good[] = { "it's \"quoted\"", "a | b",
	    "path/like/name", "Ünïcødé Ωμέγα 日本", "-leading-dash",
	    "   padded   " };
	struct store *st = open_db("names.db");
	struct store_session s;
	struct err e;
	char longname[ANSWERS_NAME_MAX + 2];
	size_t i;
	int created;

	for (i = 0; i < sizeof good / sizeof good[0]; i++) {
		ck_assert_int_eq(store_find_or_create(st, good[i], &s, &created,
		    &e), 0);
		ck_assert_int_eq(created, 1);
		ck_assert_str_eq(s.name, good[i]);
		ck_assert_int_eq(store_find_or_create(st, good[i], &s, &created,
		    &e), 0);
		ck_assert_int_eq(created, 0);
	}
	memset(longname, 'n', sizeof longname - 1);
	longname[sizeof longname - 1] = '\0';
	ck_assert_int_eq(store_find_or_create(st, longname, &s, NULL, &e), -1);
	longname[ANSWERS_NAME_MAX] = '\0';
	ck_assert_int_eq(store_find_or_create(st, longname, &s, NULL, &e), 0);
	ck_assert_int_eq(store_find_or_create(st, "", &s, NULL, &e), -1);
	ck_assert_int_eq(store_find_or_create(st, "   ", &s, NULL, &e), -1);
	ck_assert_int_eq(store_find_or_create(st, "tab\there", &s, NULL, &e),
	    -1);
	ck_assert_int_eq(store_find_or_create(st, "bad\xff", &s, NULL, &e), -1);
	ck_assert_int_eq(store_find(st, "missing", &s, &e), 0);
	store_close(st);
}
END_TEST

START_TEST(test_unchanged)
{
	struct store *st = open_db("same.db");
	long long sid = session(st, "same");
	struct err e;
	int q = qi("traffic");

	ck_assert_int_eq(store_set_answer(st, sid, q, 0, &e), 1);
	ck_assert_int_eq(store_set_answer(st, sid, q, 0, &e), 0);
	ck_assert_int_eq(store_set_note(st, sid, q, "n", &e), 1);
	ck_assert_int_eq(store_set_note(st, sid, q, "n", &e), 0);
	ck_assert_int_eq(store_set_weight(st, sid, 1, 3, &e), 1);
	ck_assert_int_eq(store_set_weight(st, sid, 1, 3, &e), 0);
	ck_assert_int_eq(store_set_workload(st, sid, 0, "aws", &e), 1);
	ck_assert_int_eq(store_set_workload(st, sid, 0, "aws", &e), 0);
	ck_assert_int_eq(store_set_answer(st, sid, qi("state"), -1, &e), 0);
	store_close(st);
	ck_assert_int_eq(path_int(tpath("same.db"), "SELECT count(*) FROM "
	    "history"), 5);		/* created + 4 changes */
}
END_TEST

/* Undo and history ------------------------------------------------------------ */

struct hist {
	int n;
	char field[64][64], old[64][64], new[64][64], user[64];
	long long time, undoes[64];
	int undoable[64];
};

static int
hist_add(const struct store_change *c, void *arg)
{
	struct hist *h = arg;

	if (h->n < 64) {
		snprintf(h->field[h->n], sizeof h->field[0], "%s", c->field);
		snprintf(h->old[h->n], sizeof h->old[0], "%s",
		    c->old ? c->old : "(null)");
		snprintf(h->new[h->n], sizeof h->new[0], "%s",
		    c->new ? c->new : "(null)");
		h->undoable[h->n] = c->undoable;
		h->undoes[h->n] = c->undoes;
		snprintf(h->user, sizeof h->user, "%s", c->user);
		h->time = c->time;
	}
	h->n++;
	return 0;
}

START_TEST(test_undo)
{
	struct store *st = open_db("undo.db");
	long long sid = session(st, "undo");
	struct store_undo u;
	struct answers *a;
	struct hist h;
	struct err e;
	int q = qi("traffic"), d = qi("duration"), i;

	ck_assert_int_eq(store_undo(st, sid, NULL, 0, &u, &e), 0);	/* nothing */
	ck_assert_int_eq(store_set_answer(st, sid, q, 0, &e), 1);
	ck_assert_int_eq(store_set_answer(st, sid, q, 1, &e), 1);
	ck_assert_int_eq(store_set_note(st, sid, d, "why", &e), 1);
	ck_assert_int_eq(store_set_weight(st, sid, 0, 5, &e), 1);
	ck_assert_int_eq(store_set_answer(st, sid, q, 2, &e), 1);

	ck_assert_int_eq(store_undo(st, sid, NULL, 0, &u, &e), 1);
	ck_assert_int_eq(u.count, 1);
	ck_assert_str_eq(u.field, "answer:traffic");
	ck_assert_str_eq(u.value, model->questions[q].answers[1].id);
	a = store_load(st, sid, NULL, &e);
	ck_assert_int_eq(a->answer[q], 1);
	answers_free(a);

	ck_assert_int_eq(store_undo(st, sid, NULL, 0, &u, &e), 1);
	ck_assert_str_eq(u.field, "weight:" "architecture");
	ck_assert_int_eq(u.unset, 1);
	ck_assert_int_eq(store_undo(st, sid, NULL, 0, &u, &e), 1);
	ck_assert_str_eq(u.field, "note:duration");
	/* A new change after undos is undone first. */
	ck_assert_int_eq(store_set_context(st, sid, "ctx", &e), 1);
	ck_assert_int_eq(store_undo(st, sid, NULL, 0, &u, &e), 1);
	ck_assert_str_eq(u.field, "context");
	ck_assert_int_eq(store_undo(st, sid, NULL, 0, &u, &e), 1);
	ck_assert_str_eq(u.value, model->questions[q].answers[0].id);
	ck_assert_int_eq(store_undo(st, sid, NULL, 0, &u, &e), 1);
	ck_assert_int_eq(u.unset, 1);
	for (i = 0; i < 3; i++)
		ck_assert_int_eq(store_undo(st, sid, NULL, 0, &u, &e), 0);
	a = store_load(st, sid, NULL, &e);
	ck_assert_int_eq(a->answer[q], -1);
	ck_assert(a->note[d] == NULL);
	ck_assert(a->context == NULL);
	ck_assert_int_eq(a->weight_set, 0);
	answers_free(a);

	/* Everything stays in the history: 1 created, 6 changes, 6 undos. */
	memset(&h, 0, sizeof h);
	ck_assert_int_eq(store_history(st, sid, hist_add, &h, &e), 0);
	ck_assert_int_eq(h.n, 13);
	ck_assert_str_eq(h.field[0], "created");
	ck_assert_int_eq(h.undoable[0], 0);
	ck_assert_str_eq(h.field[5], "answer:traffic");
	ck_assert_str_eq(h.field[6], "answer:traffic");	/* its undo */
	ck_assert_str_eq(h.old[6], h.new[5]);
	ck_assert_str_eq(h.new[6], h.old[5]);
	ck_assert_int_ne(h.undoes[6], 0);
	ck_assert_str_eq(h.user, "tester");
	ck_assert_int_eq(h.time, 1767225600);
	/* Nothing left to undo; the undos after the last new change can
	 * still be redone, the three before it no longer. */
	for (i = 0; i < h.n; i++)
		ck_assert_int_eq(h.undoable[i], (h.undoes[i] != 0 && i > 9 ?
		    2 : 0));
	store_close(st);
}

/* Undo is per user: each takes back their own last change; someone
 * else's is taken back by naming them; a value changed since by another
 * is not overwritten unless forced; redo restores until a new change. */
START_TEST(test_undo_per_user)
{
	struct store_opts oa = { .path = tpath("users.db"), .user = "ana" };
	struct store_opts ob = { .path = tpath("users.db"), .user = "ben" };
	struct store *ana = open_opts(&oa), *ben = open_opts(&ob);
	long long sid = session(ana, "users");
	struct store_undo u;
	struct answers *a;
	struct err e;
	char who[64];
	int q = qi("traffic"), d = qi("duration");

	ck_assert_int_eq(store_set_answer(ana, sid, q, 0, &e), 1);
	ck_assert_int_eq(store_set_answer(ben, sid, d, 1, &e), 1);
	/* Ana's undo takes back Ana's answer, not Ben's later one. */
	ck_assert_int_eq(store_undo(ana, sid, NULL, 0, &u, &e), 1);
	ck_assert_str_eq(u.field, "answer:traffic");
	ck_assert_str_eq(u.user, "ana");
	a = store_load(ana, sid, NULL, &e);
	ck_assert_int_eq(a->answer[q], -1);
	ck_assert_int_eq(a->answer[d], 1);
	answers_free(a);
	ck_assert_int_eq(store_undo(ana, sid, NULL, 0, &u, &e), 0);
	/* Redo restores it, once. */
	ck_assert_int_eq(store_redo(ana, sid, &u, &e), 1);
	ck_assert_str_eq(u.field, "answer:traffic");
	ck_assert_int_eq(store_redo(ana, sid, &u, &e), 0);
	/* Ben changes Ana's value: her undo asks instead of overwriting. */
	ck_assert_int_eq(store_set_answer(ben, sid, q, 2, &e), 1);
	ck_assert_int_eq(store_set_answer(ana, sid, d, 2, &e), 1);
	ck_assert_int_eq(store_undo(ana, sid, NULL, 0, &u, &e), 1);
	ck_assert_str_eq(u.field, "answer:duration");
	ck_assert_int_eq(store_undo(ana, sid, NULL, 0, &u, &e), 2);
	ck_assert_str_eq(u.other, "ben");
	ck_assert_str_eq(u.field, "answer:traffic");
	a = store_load(ana, sid, NULL, &e);
	ck_assert_int_eq(a->answer[q], 2);	/* untouched */
	answers_free(a);
	ck_assert_int_eq(store_undo(ana, sid, NULL, 1, &u, &e), 1);
	a = store_load(ana, sid, NULL, &e);
	ck_assert_int_eq(a->answer[q], -1);	/* forced */
	answers_free(a);
	/* Taking back someone else's change names them. */
	ck_assert_int_eq(store_last_other(ana, sid, who, sizeof who, &e), 0);
	ck_assert_str_eq(who, "ben");
	ck_assert_int_eq(store_undo(ana, sid, "ben", 0, &u, &e), 2);
	ck_assert_int_eq(store_undo(ana, sid, "ben", 1, &u, &e), 1);
	ck_assert_str_eq(u.user, "ben");
	/* A new change ends what could be redone. */
	ck_assert_int_eq(store_undo(ben, sid, NULL, 0, &u, &e), 1);
	ck_assert_int_eq(store_set_context(ben, sid, "new", &e), 1);
	ck_assert_int_eq(store_redo(ben, sid, &u, &e), 0);
	store_close(ben);
	store_close(ana);
}
END_TEST

/* Stepping a figure with the arrow keys is one change per burst: three
 * steps within a few seconds make one history entry, and one undo takes
 * them all back; a pause, another figure or another user starts a new
 * entry, and a burst that ends where it began leaves none. */
START_TEST(test_burst)
{
	struct store_opts o = { .path = tpath("burst.db") };
	struct store_opts later = { .path = tpath("burst.db"),
	    .now = 1767225600 + 60 };
	struct store_opts ob = { .path = tpath("burst.db"), .user = "ben",
	    .now = 1767225600 + 60 };
	struct store *st = open_opts(&o), *st2, *ben;
	long long sid = session(st, "burst");
	struct store_undo u;
	struct answers *a;
	struct hist h;
	struct err e;

	ck_assert_int_eq(store_set_workload(st, sid, WL_REQUESTS, "20000000",
	    &e), 1);
	ck_assert_int_eq(store_set_workload(st, sid, WL_REQUESTS, "50000000",
	    &e), 1);
	ck_assert_int_eq(store_set_workload(st, sid, WL_REQUESTS, "100000000",
	    &e), 1);
	memset(&h, 0, sizeof h);
	ck_assert_int_eq(store_history(st, sid, hist_add, &h, &e), 0);
	ck_assert_int_eq(h.n, 2);		/* created, one burst */
	ck_assert_str_eq(h.field[1], "workload:requests_per_month");
	ck_assert_str_eq(h.old[1], "(null)");
	ck_assert_str_eq(h.new[1], "100000000");
	ck_assert_int_eq(store_undo(st, sid, NULL, 0, &u, &e), 1);
	ck_assert_int_eq(u.unset, 1);
	a = store_load(st, sid, NULL, &e);
	ck_assert_double_eq(a->workload.num[WL_REQUESTS],
	    wl_fields[WL_REQUESTS].def);
	answers_free(a);
	ck_assert_int_eq(store_undo(st, sid, NULL, 0, &u, &e), 0);

	/* After an undo, a step starts afresh; another figure ends the
	 * burst; a step back to where the burst began leaves no entry. */
	ck_assert_int_eq(store_set_workload(st, sid, WL_MEMORY, "1024", &e), 1);
	ck_assert_int_eq(store_set_workload(st, sid, WL_DURATION, "200", &e),
	    1);
	ck_assert_int_eq(store_set_workload(st, sid, WL_MEMORY, "2048", &e), 1);
	ck_assert_int_eq(store_set_workload(st, sid, WL_MEMORY, "1024", &e), 1);
	memset(&h, 0, sizeof h);
	ck_assert_int_eq(store_history(st, sid, hist_add, &h, &e), 0);
	ck_assert_int_eq(h.n, 5);	/* + undo, memory, duration */
	ck_assert_str_eq(h.field[4], "workload:avg_duration_ms");

	/* A minute later, the same figure is a new change. */
	st2 = open_opts(&later);
	ck_assert_int_eq(store_set_workload(st2, sid, WL_DURATION, "300", &e),
	    1);
	/* Someone else's step is theirs, and breaks this user's burst. */
	ben = open_opts(&ob);
	ck_assert_int_eq(store_set_workload(ben, sid, WL_DURATION, "400", &e),
	    1);
	ck_assert_int_eq(store_set_workload(st2, sid, WL_DURATION, "500", &e),
	    1);
	memset(&h, 0, sizeof h);
	ck_assert_int_eq(store_history(st2, sid, hist_add, &h, &e), 0);
	ck_assert_int_eq(h.n, 8);
	ck_assert_str_eq(h.old[7], "400");
	ck_assert_str_eq(h.new[7], "500");
	store_close(ben);
	store_close(st2);
	store_close(st);
}
END_TEST

/* A file of schema 1 (0.1.0) reads as it is when opened read-only, and
 * gains the workshop's tables when opened for writing. */
START_TEST(test_migrate_v1)
{
	const char *p = tpath("v1.db");
	struct store_opts o = { .path = p, .readonly = 1 };
	struct store *st = open_db("v1.db");
	long long sid = session(st, "old"), v;
	struct answers *a;
	struct err e;
	sqlite3 *db;

	ck_assert_int_eq(store_set_answer(st, sid, qi("traffic"), 0, &e), 1);
	store_close(st);
	db = raw_open(p);
	raw_exec(db, "DROP TABLE votes; DROP TABLE reveals; "
	    "DROP TABLE identities; DROP TABLE milestones; "
	    "PRAGMA user_version = 1");
	sqlite3_close(db);
	st = open_opts(&o);
	a = store_load(st, sid, NULL, &e);
	ck_assert_msg(a != NULL, "%s", e.msg);
	ck_assert_int_eq(a->answer[qi("traffic")], 0);
	answers_free(a);
	store_close(st);
	ck_assert_int_eq(path_int(p, "PRAGMA user_version"), 1);
	o.readonly = 0;
	st = open_opts(&o);
	ck_assert_int_eq(store_set_vote(st, sid, "ana", qi("traffic"), 1, &e),
	    1);
	store_close(st);
	v = path_int(p, "PRAGMA user_version");
	ck_assert_int_eq(v, STORE_SCHEMA_VERSION);
}
END_TEST

/* Votes, reveals and identities: saved, loaded, carried by import. */
START_TEST(test_votes)
{
	struct store *st = open_db("votes.db");
	long long sid = session(st, "votes"), sid2;
	struct answers *a;
	struct store_session s;
	struct err e;
	int q = qi("devops"), n = 0;

	ck_assert_int_eq(store_set_vote(st, sid, "ben", q, 2, &e), 1);
	ck_assert_int_eq(store_set_vote(st, sid, "ana", q, 0, &e), 1);
	ck_assert_int_eq(store_set_vote(st, sid, "ana", q, 0, &e), 0);
	ck_assert_int_eq(store_set_vote(st, sid, "b en", q, 0, &e), -1);
	ck_assert_int_eq(store_set_reveal(st, sid, q, 1, &e), 1);
	ck_assert_int_eq(store_set_identity(st, sid, "ben", "Ben (SRE)", &e),
	    1);
	a = store_load(st, sid, NULL, &e);
	ck_assert_msg(a != NULL, "%s", e.msg);
	ck_assert_int_eq(a->nidents, 2);
	ck_assert_int_eq(a->vote[answers_find_ident(a, "ben")][q], 2);
	ck_assert_int_eq(a->vote[answers_find_ident(a, "ana")][q], 0);
	ck_assert_str_eq(a->ident_as[answers_find_ident(a, "ben")],
	    "Ben (SRE)");
	ck_assert(a->revealed[q]);
	/* Import makes another session hold exactly this. */
	ck_assert_int_eq(store_import(st, "copy", a, &s, &n, &e), 0);
	sid2 = s.id;
	answers_free(a);
	a = store_load(st, sid2, NULL, &e);
	ck_assert_int_eq(a->nidents, 2);
	ck_assert(a->revealed[q]);
	/* ... and forgets what the imported answers lack. */
	a->vote[answers_find_ident(a, "ana")][q] = -1;
	a->ident_as[answers_find_ident(a, "ben")] = NULL;
	ck_assert_int_eq(store_import(st, "copy", a, &s, &n, &e), 0);
	ck_assert_int_eq(n, 2);
	answers_free(a);
	a = store_load(st, sid2, NULL, &e);
	ck_assert_int_eq(a->vote[answers_find_ident(a, "ben")][q], 2);
	ck_assert(answers_find_ident(a, "ana") < 0);
	ck_assert_ptr_null(a->ident_as[answers_find_ident(a, "ben")]);
	answers_free(a);
	/* Copy carries votes; delete takes them. */
	ck_assert_int_eq(store_copy(st, "votes", "votes2", &e), 0);
	ck_assert_int_eq(store_find(st, "votes2", &s, &e), 1);
	a = store_load(st, s.id, NULL, &e);
	ck_assert_int_eq(a->nidents, 2);
	answers_free(a);
	store_close(st);
}
END_TEST
END_TEST

START_TEST(test_import)
{
	static const char doc[] =
	    "session: file-name\n"
	    "context: \"why\\nwe are here\"\n"
	    "participants: [Ana, Ben]\n"
	    "answers: {traffic: spiky, duration: short}\n"
	    "weights: {cost: 5}\n"
	    "workload: {memory_mb: 1024, arch: arm64, node_type: m5.large}\n"
	    "notes: {traffic: \"peaks\"}\n";
	static const char doc2[] =
	    "answers: {traffic: steady}\n";
	struct store *st = open_db("import.db");
	struct store_session s;
	struct store_undo u;
	struct answers *in, *in2, *a;
	struct err e;
	int n = -1, q = qi("traffic");

	in = answers_load_buffer(model, "doc", doc, sizeof doc - 1, &e);
	ck_assert_msg(in != NULL, "%s", e.msg);
	in2 = answers_load_buffer(model, "doc2", doc2, sizeof doc2 - 1, &e);
	ck_assert_msg(in2 != NULL, "%s", e.msg);
	ck_assert_int_eq(store_import(st, "imp", in, &s, &n, &e), 0);
	ck_assert_int_eq(n, 9);
	ck_assert_int_eq(store_import(st, "imp", in, &s, &n, &e), 0);
	ck_assert_int_eq(n, 0);
	a = store_load(st, s.id, NULL, &e);
	ck_assert_str_eq(a->context, "why\nwe are here");
	ck_assert_int_eq(a->nparticipants, 2);
	ck_assert_int_eq(a->answer[q], ai(q, "spiky"));
	ck_assert_str_eq(a->note[q], "peaks");
	ck_assert_int_eq(a->weight[model_dim_index(model, "cost")], 5);
	ck_assert_int_eq((int)a->workload.num[workload_field("memory_mb")],
	    1024);
	ck_assert_int_eq(a->workload.set, in->workload.set);
	answers_free(a);
	/* Importing replaces: what the second file lacks is cleared. */
	ck_assert_int_eq(store_import(st, "imp", in2, &s, &n, &e), 0);
	ck_assert_int_eq(n, 9);
	a = store_load(st, s.id, NULL, &e);
	ck_assert_int_eq(a->answer[q], ai(q, "steady"));
	ck_assert(a->context == NULL);
	ck_assert(a->note[q] == NULL);
	ck_assert_int_eq(a->workload.set, 0);
	answers_free(a);
	/* ... and one undo takes the whole import back. */
	ck_assert_int_eq(store_undo(st, s.id, NULL, 0, &u, &e), 1);
	ck_assert_int_eq(u.count, 9);
	a = store_load(st, s.id, NULL, &e);
	ck_assert_int_eq(a->answer[q], ai(q, "spiky"));
	ck_assert_str_eq(a->context, "why\nwe are here");
	answers_free(a);
	answers_free(in);
	answers_free(in2);
	store_close(st);
}
END_TEST

START_TEST(test_unknown_ids)
{
	const char *p = tpath("unknown.db");
	struct store *st = open_db("unknown.db");
	long long sid = session(st, "u");
	struct answers *a;
	struct err e;
	sqlite3 *db;
	int skipped = -1, q = qi("traffic");

	ck_assert_int_eq(store_set_answer(st, sid, q, 0, &e), 1);
	store_close(st);
	/* What an older or newer model might have left. */
	db = raw_open(p);
	raw_exec(db, "INSERT INTO answers VALUES (1, 'gone', 'x');"
	    "INSERT INTO answers VALUES (1, 'duration', 'forever');"
	    "INSERT INTO notes VALUES (1, 'gone', 'note');"
	    "INSERT INTO weights VALUES (1, 'gone', 3);"
	    "INSERT INTO weights VALUES (1, 'cost', 9);"
	    "INSERT INTO workload VALUES (1, 'gone', '1');"
	    "INSERT INTO workload VALUES (1, 'memory_mb', 'lots');");
	sqlite3_close(db);
	st = open_db("unknown.db");
	a = store_load(st, sid, &skipped, &e);
	ck_assert_msg(a != NULL, "%s", e.msg);
	/* Unknown to the model: five; out of range (a weight of 9,
	 * memory "lots"): two, counted apart. */
	ck_assert_int_eq(skipped, 5);
	ck_assert_int_eq(a->invalid, 2);
	ck_assert_int_eq(a->answer[q], 0);
	answers_free(a);
	store_close(st);
}
END_TEST

/* Listing, rename, copy, delete ------------------------------------------------- */

struct names {
	int n;
	char name[16][ANSWERS_NAME_MAX + 1];
	int nanswers[16];
};

static int
names_add(const struct store_session *s, void *arg)
{
	struct names *v = arg;

	if (v->n < 16) {
		snprintf(v->name[v->n], sizeof v->name[0], "%s", s->name);
		v->nanswers[v->n] = s->nanswers;
	}
	v->n++;
	return 0;
}

START_TEST(test_list)
{
	struct store *st = open_db("list.db");
	struct store_session s;
	struct names v;
	struct err e;
	long long a = session(st, "a"), n;
	int q = qi("traffic");

	session(st, "b");
	session(st, "c");
	ck_assert_int_eq(store_latest(st, &s, &e), 1);
	ck_assert_str_eq(s.name, "c");
	ck_assert_int_eq(store_set_answer(st, a, q, 0, &e), 1);
	ck_assert_int_eq(store_latest(st, &s, &e), 1);
	ck_assert_str_eq(s.name, "a");	/* same second: order of changes */
	ck_assert_int_eq(s.nanswers, 1);
	memset(&v, 0, sizeof v);
	ck_assert_int_eq(store_list(st, 0, -1, names_add, &v, &e), 0);
	ck_assert_int_eq(v.n, 3);
	ck_assert_str_eq(v.name[0], "a");
	ck_assert_str_eq(v.name[1], "c");
	ck_assert_str_eq(v.name[2], "b");
	ck_assert_int_eq(v.nanswers[0], 1);
	memset(&v, 0, sizeof v);
	ck_assert_int_eq(store_list(st, 1, 1, names_add, &v, &e), 0);
	ck_assert_int_eq(v.n, 1);
	ck_assert_str_eq(v.name[0], "c");
	ck_assert_int_eq(store_count(st, &n, &e), 0);
	ck_assert_int_eq(n, 3);
	store_close(st);
}
END_TEST

/* Virtual-machine steps of the statements run while counting: the work
 * a query does, the same however busy or slow the machine is. */
static long long vm_steps;
static int counting;

static int
count_steps(unsigned type, void *ctx, void *stmt, void *ns)
{
	(void)type;
	(void)ctx;
	(void)ns;
	if (counting)
		vm_steps += sqlite3_stmt_status(stmt, SQLITE_STMTSTATUS_VM_STEP,
		    0);
	return 0;
}

/* An auto-extension: every connection opened after it is registered,
 * the store's own included, reports its finished statements. */
static int
trace_steps(sqlite3 *db, char **msg, const sqlite3_api_routines *api)
{
	(void)msg;
	(void)api;
	sqlite3_trace_v2(db, SQLITE_TRACE_PROFILE, count_steps, NULL);
	return SQLITE_OK;
}

/* Steps for store_latest and a first page of 20. */
static long long
first_frame_steps(struct store *st)
{
	struct store_session s;
	struct names v;
	struct err e;

	memset(&v, 0, sizeof v);
	vm_steps = 0;
	counting = 1;
	ck_assert_int_eq(store_latest(st, &s, &e), 1);
	ck_assert_int_eq(store_list(st, 0, 20, names_add, &v, &e), 0);
	counting = 0;
	return vm_steps;
}

START_TEST(test_many_sessions)
{
	struct store *st;
	struct store_session s;
	struct names v;
	struct err e;
	long long n1, n10k;
	sqlite3 *db;
	sqlite3_stmt *ins;
	int i;

	ck_assert_int_eq(sqlite3_auto_extension((void (*)(void))trace_steps),
	    SQLITE_OK);
	st = open_db("many.db");
	session(st, "only");
	n1 = first_frame_steps(st);
	db = raw_open(tpath("many.db"));
	raw_exec(db, "BEGIN");
	ck_assert_int_eq(sqlite3_prepare_v2(db, "INSERT INTO sessions(name, "
	    "created, updated, touched, model_id, model_version) VALUES "
	    "(?1, 0, 0, ?2, 'm', '1')", -1, &ins, NULL), SQLITE_OK);
	for (i = 0; i < 10000; i++) {
		char name[32];

		snprintf(name, sizeof name, "session %05d", i);
		sqlite3_bind_text(ins, 1, name, -1, SQLITE_TRANSIENT);
		sqlite3_bind_int(ins, 2, i + 2);
		ck_assert_int_eq(sqlite3_step(ins), SQLITE_DONE);
		sqlite3_reset(ins);
	}
	sqlite3_finalize(ins);
	raw_exec(db, "COMMIT");
	sqlite3_close(db);
	n10k = first_frame_steps(st);
	sqlite3_cancel_auto_extension((void (*)(void))trace_steps);
	ck_assert_int_eq(store_latest(st, &s, &e), 1);
	ck_assert_str_eq(s.name, "session 09999");
	memset(&v, 0, sizeof v);
	ck_assert_int_eq(store_list(st, 9995, 100, names_add, &v, &e), 0);
	ck_assert_int_eq(v.n, 6);
	ck_assert_str_eq(v.name[5], "only");
	fprintf(stderr, "check_store: latest + first page of 20: %lld SQLite "
	    "steps with 1 session, %lld with 10,001\n", n1, n10k);
	/* Indexed: fewer steps than there are sessions, where a scan (or a
	 * sort) takes at least one for each of them.  Counted, not timed,
	 * so a busy or instrumented machine cannot make it fail. */
	ck_assert_msg(n1 > 0, "no steps counted");
	ck_assert_msg(n10k < 10000, "%lld steps for 10,001 sessions", n10k);
	store_close(st);
}
END_TEST

START_TEST(test_rename_copy_delete)
{
	const char *p = tpath("rcd.db");
	struct store *st = open_db("rcd.db");
	long long sid = session(st, "orig"), cid;
	struct store_session s;
	struct answers *a;
	struct hist h;
	struct err e;
	int q = qi("traffic");

	ck_assert_int_eq(store_set_answer(st, sid, q, 1, &e), 1);
	ck_assert_int_eq(store_set_note(st, sid, q, "note", &e), 1);
	ck_assert_int_eq(store_set_weight(st, sid, 0, 1, &e), 1);
	ck_assert_int_eq(store_set_workload(st, sid, 0, "gcp", &e), 1);
	ck_assert_int_eq(store_set_context(st, sid, "ctx", &e), 1);
	session(st, "other");

	ck_assert_int_eq(store_rename(st, "orig", "other", &e), -1);
	ck_assert_msg(strstr(e.msg, "already exists") != NULL, "%s", e.msg);
	ck_assert_int_eq(store_rename(st, "nope", "x", &e), -1);
	ck_assert_str_eq(e.msg, "no session named 'nope'");
	ck_assert_int_eq(store_rename(st, "orig", "bad\nname", &e), -1);
	ck_assert_int_eq(store_rename(st, "orig", "it's/renamed", &e), 0);
	ck_assert_int_eq(store_find(st, "orig", &s, &e), 0);
	ck_assert_int_eq(store_find(st, "it's/renamed", &s, &e), 1);
	ck_assert_int_eq(s.id, sid);

	ck_assert_int_eq(store_copy(st, "it's/renamed", "other", &e), -1);
	ck_assert_int_eq(store_copy(st, "nope", "x", &e), -1);
	ck_assert_int_eq(store_copy(st, "it's/renamed", "copy", &e), 0);
	ck_assert_int_eq(store_find(st, "copy", &s, &e), 1);
	cid = s.id;
	a = store_load(st, cid, NULL, &e);
	ck_assert_int_eq(a->answer[q], 1);
	ck_assert_str_eq(a->note[q], "note");
	ck_assert_int_eq(a->weight[0], 1);
	ck_assert_int_eq((int)a->workload.num[0], 1);
	ck_assert_str_eq(a->context, "ctx");
	ck_assert_str_eq(a->session, "copy");
	answers_free(a);
	memset(&h, 0, sizeof h);
	ck_assert_int_eq(store_history(st, cid, hist_add, &h, &e), 0);
	ck_assert_int_eq(h.n, 1);
	ck_assert_str_eq(h.field[0], "copied");
	ck_assert_str_eq(h.old[0], "it's/renamed");
	ck_assert_int_eq(store_undo(st, cid, NULL, 0, NULL, &e), 0);
	/* The original keeps its history, rename included. */
	memset(&h, 0, sizeof h);
	ck_assert_int_eq(store_history(st, sid, hist_add, &h, &e), 0);
	ck_assert_int_eq(h.n, 7);
	ck_assert_str_eq(h.field[6], "name");

	ck_assert_int_eq(store_delete(st, "nope", &e), -1);
	ck_assert_str_eq(e.msg, "no session named 'nope'");
	ck_assert_int_eq(store_delete(st, "it's/renamed", &e), 0);
	ck_assert_int_eq(store_find(st, "it's/renamed", &s, &e), 0);
	ck_assert_int_eq(store_set_context(st, sid, "late", &e), -1);
	ck_assert_msg(strstr(e.msg, "no longer exists") != NULL, "%s", e.msg);
	store_close(st);
	ck_assert_int_eq(path_int(p, "SELECT count(*) FROM history WHERE "
	    "session_id = 1"), 0);
	ck_assert_int_eq(path_int(p, "SELECT count(*) FROM answers WHERE "
	    "session_id = 1"), 0);
	ck_assert_int_eq(path_int(p, "SELECT count(*) FROM answers"), 1);
}
END_TEST

/* Another handle's changes ------------------------------------------------ */

/* PRAGMA data_version through store_data_version: the same across the
 * handle's own reads and changes, different once another handle on the
 * same file has committed one. */
static void
data_version(enum store_journal j, const char *name)
{
	/* A lock that a poll waited for would outlast the test's time. */
	struct store_opts o = { .path = tpath(name), .journal = j,
	    .busy_ms = 600000 };
	struct store *st = open_opts(&o), *other = open_opts(&o);
	long long sid = session(st, "watched"), v0, v;
	struct store_session s;
	struct answers *a;
	struct err e;
	int q = qi("traffic");

	ck_assert_int_eq(store_data_version(st, &v0, &e), 0);
	ck_assert_int_eq(store_find(st, "watched", &s, &e), 1);
	a = store_load(st, sid, NULL, &e);
	ck_assert_msg(a != NULL, "%s", e.msg);
	answers_free(a);
	ck_assert_int_eq(store_data_version(st, &v, &e), 0);
	ck_assert_int_eq(v, v0);
	ck_assert_int_eq(store_set_answer(st, sid, q, 0, &e), 1);
	ck_assert_int_eq(store_data_version(st, &v, &e), 0);
	ck_assert_int_eq(v, v0);

	ck_assert_int_eq(store_set_answer(other, sid, q, 1, &e), 1);
	ck_assert_int_eq(store_data_version(st, &v, &e), 0);
	ck_assert_int_ne(v, v0);
	/* Reading what changed does not change it again. */
	v0 = v;
	a = store_load(st, sid, NULL, &e);
	ck_assert_msg(a != NULL, "%s", e.msg);
	ck_assert_int_eq(a->answer[q], 1);
	answers_free(a);
	ck_assert_int_eq(store_data_version(st, &v, &e), 0);
	ck_assert_int_eq(v, v0);
	if (j == STORE_JOURNAL_DELETE) {
		/* A writer's exclusive lock: "ask again", at once, not after
		 * the busy timeout. */
		sqlite3 *db = raw_open(o.path);

		sqlite3_busy_timeout(db, 0);
		raw_exec(db, "BEGIN EXCLUSIVE; UPDATE sessions SET context = "
		    "'x'");
		v = -1;
		ck_assert_int_eq(store_data_version(st, &v, &e), 1);
		ck_assert_int_eq(v, -1);
		raw_exec(db, "ROLLBACK");
		sqlite3_close(db);
		ck_assert_int_eq(store_data_version(st, &v, &e), 0);
	}
	store_close(other);
	store_close(st);
}

START_TEST(test_data_version)
{
	data_version(STORE_JOURNAL_WAL, "version-wal.db");
	data_version(STORE_JOURNAL_DELETE, "version-delete.db");
}
END_TEST

START_TEST(test_session_exists)
{
	struct store_opts o = { .path = tpath("exists.db") };
	struct store *st = open_opts(&o), *other = open_opts(&o);
	long long sid = session(st, "here");
	struct store_session s;
	struct err e;
	int fd;

	ck_assert_int_eq(store_find_id(st, sid, NULL, &e), 1);
	ck_assert_int_eq(store_find_id(st, sid + 1, NULL, &e), 0);
	ck_assert_int_eq(store_find_id(st, 0, NULL, &e), 0);
	/* Renamed elsewhere: the same id, another name. */
	ck_assert_int_eq(store_rename(other, "here", "there", &e), 0);
	ck_assert_int_eq(store_find_id(st, sid, NULL, &e), 1);
	ck_assert_int_eq(store_find_id(st, sid, &s, &e), 1);
	ck_assert_str_eq(s.name, "there");
	ck_assert_int_eq(s.id, sid);
	/* Deleted elsewhere. */
	ck_assert_int_eq(store_delete(other, "there", &e), 0);
	ck_assert_int_eq(store_find_id(st, sid, NULL, &e), 0);
	ck_assert_int_eq(store_find_id(st, sid, &s, &e), 0);
	store_close(other);
	store_close(st);
	/* A read-only look at an empty file has no sessions at all. */
	fd = open(tpath("blank.db"), O_CREAT | O_WRONLY, 0600);
	ck_assert_int_ge(fd, 0);
	close(fd);
	o.path = tpath("blank.db");
	o.readonly = 1;
	st = open_opts(&o);
	ck_assert_int_eq(store_find_id(st, 1, NULL, &e), 0);
	store_close(st);
}
END_TEST

/* Several processes ------------------------------------------------------------- */

#define NPROC 8
#define NCHANGES 300		/* per process: notes, answers, contexts */

/* One writer: a third of its changes to a note and an answer of the
 * shared session, a third to its own session.  Exit status: errors. */
static int
writer(const char *path, enum store_journal j, int c, int nchanges)
{
	struct store_opts o = { .path = path, .model = model, .journal = j,
	    .busy_ms = 30000 };
	struct store *st;
	struct err e;
	char text[64], name[32], user[32];
	long long shared, own;
	int i, rc, errors = 0, qn = c, qa = 8 + c;
	int nans = model->questions[qa].nanswers;
	struct store_session s;

	snprintf(user, sizeof user, "proc-%d", c);
	o.user = user;
	if ((st = store_open(&o, &e)) == NULL) {
		fprintf(stderr, "writer %d: %s\n", c, e.msg);
		return 100;
	}
	snprintf(name, sizeof name, "own-%d", c);
	if (store_find_or_create(st, "shared", &s, NULL, &e) != 0) {
		fprintf(stderr, "writer %d: %s\n", c, e.msg);
		store_close(st);
		return 100;
	}
	shared = s.id;
	if (store_find_or_create(st, name, &s, NULL, &e) != 0) {
		fprintf(stderr, "writer %d: %s\n", c, e.msg);
		store_close(st);
		return 100;
	}
	own = s.id;
	for (i = 0; i < nchanges; i++) {
		switch (i % 3) {
		case 0:
			snprintf(text, sizeof text, "%d-%d", c, i);
			rc = store_set_note(st, shared, qn, text, &e);
			break;
		case 1:
			rc = store_set_answer(st, shared, qa, (i / 3) % nans,
			    &e);
			break;
		default:
			snprintf(text, sizeof text, "%d", i);
			rc = store_set_context(st, own, text, &e);
			break;
		}
		if (rc != 1) {
			fprintf(stderr, "writer %d change %d: %d %s\n", c, i, rc,
			    rc < 0 ? e.msg : "(unchanged)");
			errors++;
		}
	}
	store_close(st);
	return errors > 99 ? 99 : errors;
}

static void
concurrent(enum store_journal j, const char *rel, int nproc, int nchanges)
{
	const char *p = tpath(rel);
	pid_t pids[NPROC];
	struct store_opts o = { .path = p, .journal = j };
	struct store *st;
	struct answers *a;
	struct err e;
	char sql[256], want[64];
	int c, status, failed = 0;
	long long total;
	double t0 = now_sec();

	for (c = 0; c < nproc; c++) {
		pids[c] = fork();
		ck_assert_int_ge(pids[c], 0);
		if (pids[c] == 0)
			_exit(writer(p, j, c, nchanges));
	}
	for (c = 0; c < nproc; c++) {
		ck_assert_int_eq(waitpid(pids[c], &status, 0), pids[c]);
		if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
			fprintf(stderr, "writer %d: status %d\n", c, status);
			failed++;
		}
	}
	ck_assert_int_eq(failed, 0);

	/* No change lost: one history entry each, and the last values. */
	total = path_int(p, "SELECT count(*) FROM history WHERE field <> "
	    "'created'");
	ck_assert_int_eq(total, (long long)nproc * nchanges);
	ck_assert_int_eq(path_int(p, "SELECT count(*) FROM sessions"),
	    nproc + 1);
	ck_assert_int_eq(path_int(p, "SELECT count(*) FROM history WHERE "
	    "field = 'created'"), nproc + 1);
	st = open_opts(&o);
	for (c = 0; c < nproc; c++) {
		int qn = c, qa = 8 + c, last_note = 0, last_ans = 1, i;
		int last_ctx = 2;
		struct store_session s;

		for (i = 0; i < nchanges; i++) {
			if (i % 3 == 0)
				last_note = i;
			if (i % 3 == 1)
				last_ans = i;
			if (i % 3 == 2)
				last_ctx = i;
		}
		snprintf(sql, sizeof sql, "SELECT count(*) FROM history WHERE "
		    "user = 'proc-%d' AND field <> 'created'", c);
		ck_assert_int_eq(path_int(p, sql), nchanges);
		ck_assert_int_eq(store_find(st, "shared", &s, &e), 1);
		a = store_load(st, s.id, NULL, &e);
		ck_assert_msg(a != NULL, "%s", e.msg);
		snprintf(want, sizeof want, "%d-%d", c, last_note);
		ck_assert_str_eq(a->note[qn], want);
		ck_assert_int_eq(a->answer[qa], (last_ans / 3) %
		    model->questions[qa].nanswers);
		answers_free(a);
		snprintf(want, sizeof want, "own-%d", c);
		ck_assert_int_eq(store_find(st, want, &s, &e), 1);
		a = store_load(st, s.id, NULL, &e);
		snprintf(want, sizeof want, "%d", last_ctx);
		ck_assert_str_eq(a->context, want);
		answers_free(a);
	}
	store_close(st);
	fprintf(stderr, "check_store: %s: %d processes x %d changes = %lld "
	    "saved, 0 lost, %.1f s\n", j == STORE_JOURNAL_WAL ? "WAL" :
	    "rollback journal", nproc, nchanges, total, now_sec() - t0);
}

START_TEST(test_concurrency_wal)
{
	concurrent(STORE_JOURNAL_WAL, "conc-wal.db", NPROC, NCHANGES);
}
END_TEST

START_TEST(test_concurrency_delete)
{
	concurrent(STORE_JOURNAL_DELETE, "conc-delete.db", NPROC, 200);
}
END_TEST

/* Kills --------------------------------------------------------------------------- */

#define NKILLS 40

/* Make changes from START on, reporting each saved one on FD. */
static void
crash_child(const char *path, int fd, long long start)
{
	struct store_opts o = { .path = path, .model = model,
	    .busy_ms = 30000 };
	struct store_session s;
	struct store *st;
	struct err e;
	char text[32];
	long long i;
	int q = qi("traffic"), nans = model->questions[q].nanswers, rc;

	if ((st = store_open(&o, &e)) == NULL ||
	    store_find_or_create(st, "crash", &s, NULL, &e) != 0) {
		fprintf(stderr, "crash child: %s\n", e.msg);
		_exit(1);
	}
	for (i = start;; i++) {
		snprintf(text, sizeof text, "%lld", i);
		/* Alternate kinds of change; the context names the change. */
		if (i % 4 == 3)
			rc = store_set_answer(st, s.id, q, (int)(i / 4 % nans),
			    &e);
		else
			rc = store_set_context(st, s.id, text, &e);
		if (rc < 0) {
			fprintf(stderr, "crash child: %s\n", e.msg);
			_exit(1);
		}
		if (i % 4 != 3 && write(fd, &i, sizeof i) != sizeof i)
			_exit(1);
	}
}

START_TEST(test_crash)
{
	const char *p = tpath("crash/sessions.db");
	long long *saved = NULL, v;
	size_t nsaved = 0, cap = 0, lost = 0, i;
	unsigned seed = (unsigned)time(NULL) ^ (unsigned)getpid();
	sqlite3 *db;
	sqlite3_stmt *s;
	char *msg = NULL;
	int k, fds[2], status;
	pid_t pid;
	double t0 = now_sec();

	srand(seed);
	for (k = 0; k < NKILLS; k++) {
		long long start = (long long)k * 1000000;
		useconds_t delay;

		ck_assert_int_eq(pipe(fds), 0);
		pid = fork();
		ck_assert_int_ge(pid, 0);
		if (pid == 0) {
			close(fds[0]);
			crash_child(p, fds[1], start);
		}
		close(fds[1]);
		/* The first kills land while the database is being made;
		 * the later ones anywhere in a run of changes. */
		delay = k < 5 ? (useconds_t)(rand() % 3000) :
		    (useconds_t)(rand() % 25000);
		delay *= (useconds_t)tu_slow();
		usleep(delay);
		kill(pid, SIGKILL);
		ck_assert_int_eq(waitpid(pid, &status, 0), pid);
		ck_assert_msg(WIFSIGNALED(status), "child ended by itself "
		    "(status %d, seed %u)", status, seed);
		while (read(fds[0], &v, sizeof v) == sizeof v) {
			if (nsaved == cap) {
				cap = cap ? cap * 2 : 1024;
				saved = realloc(saved, cap * sizeof *saved);
				ck_assert(saved != NULL);
			}
			saved[nsaved++] = v;
		}
		close(fds[0]);
	}

	db = raw_open(p);
	ck_assert_int_eq(sqlite3_prepare_v2(db, "PRAGMA integrity_check", -1,
	    &s, NULL), SQLITE_OK);
	ck_assert_int_eq(sqlite3_step(s), SQLITE_ROW);
	ck_assert_str_eq((const char *)sqlite3_column_text(s, 0), "ok");
	sqlite3_finalize(s);
	ck_assert_int_eq(sqlite3_prepare_v2(db, "SELECT count(*) FROM history "
	    "WHERE field = 'context' AND new = ?1", -1, &s, NULL), SQLITE_OK);
	for (i = 0; i < nsaved; i++) {
		char text[32];

		snprintf(text, sizeof text, "%lld", saved[i]);
		sqlite3_bind_text(s, 1, text, -1, SQLITE_TRANSIENT);
		ck_assert_int_eq(sqlite3_step(s), SQLITE_ROW);
		if (sqlite3_column_int(s, 0) != 1)
			lost++;
		sqlite3_reset(s);
	}
	sqlite3_finalize(s);
	(void)msg;
	sqlite3_close(db);
	fprintf(stderr, "check_store: crash: %d kills, %zu changes reported "
	    "saved, %zu lost, integrity ok, %.1f s (seed %u)\n", NKILLS,
	    nsaved, lost, now_sec() - t0, seed);
	ck_assert_msg(lost == 0, "%zu saved changes lost (seed %u)", lost,
	    seed);
	ck_assert_msg(nsaved > 100, "too few changes to mean much: %zu",
	    nsaved);
	free(saved);
}
END_TEST

/* Suite ---------------------------------------------------------------------------- */

/* The presence file: its tables are made once (user_version), and a
 * file that lost them while keeping the version gets them back at the
 * next statement instead of keeping presence off for good. */
START_TEST(test_presence_schema)
{
	const char *db = tpath("p.db");
	char live[PATH_MAX];
	struct presence_peer peers[4];
	struct presence *a, *b;
	struct err e;
	sqlite3 *raw;
	sqlite3_stmt *v;

	snprintf(live, sizeof live, "%s.live", db);
	ck_assert_msg((a = presence_open(db, "ana", &e)) != NULL, "%s", e.msg);
	ck_assert_int_eq(presence_beat(a, 1, "traffic", 1000, &e), 0);
	presence_close(a);
	ck_assert_int_eq(sqlite3_open(live, &raw), SQLITE_OK);
	ck_assert_int_eq(sqlite3_prepare_v2(raw, "PRAGMA user_version", -1,
	    &v, NULL), SQLITE_OK);
	ck_assert_int_eq(sqlite3_step(v), SQLITE_ROW);
	ck_assert_int_eq(sqlite3_column_int(v, 0), 1);
	sqlite3_finalize(v);
	ck_assert_int_eq(sqlite3_exec(raw, "DROP TABLE presence; DROP TABLE "
	    "positions", NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(raw);
	ck_assert_msg((a = presence_open(db, "ana", &e)) != NULL, "%s", e.msg);
	ck_assert_msg((b = presence_open(db, "ben", &e)) != NULL, "%s", e.msg);
	ck_assert_int_eq(presence_beat(a, 1, "traffic", 2000, &e), 0);
	ck_assert_int_eq(presence_beat(b, 1, "state", 2000, &e), 0);
	ck_assert_int_eq(presence_list(b, 1, 2000, peers, 4, &e), 1);
	ck_assert_str_eq(peers[0].ident, "ana");
	ck_assert_str_eq(peers[0].question, "traffic");
	presence_close(b);
	presence_close(a);
}
END_TEST

static Suite *
store_suite(void)
{
	Suite *s = suite_create("store");
	TCase *tc;

	tc = tcase_create("files");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, test_migrate_empty);
	tcase_add_test(tc, test_permissions);
	tcase_add_test(tc, test_default_path);
	tcase_add_test(tc, test_newer_schema);
	tcase_add_test(tc, test_foreign_databases);
	tcase_add_test(tc, test_corrupt);
	tcase_add_test(tc, test_readonly_open);
	tcase_add_test(tc, test_readonly_file);
	tcase_add_test(tc, test_readonly_hot_journal);
	tcase_add_test(tc, test_not_a_file);
	tcase_add_test(tc, test_locked);
	tcase_add_test(tc, test_disk_full);
	suite_add_tcase(s, tc);

	tc = tcase_create("sessions");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, test_roundtrip);
	tcase_add_test(tc, test_bad_values);
	tcase_add_test(tc, test_names);
	tcase_add_test(tc, test_unchanged);
	tcase_add_test(tc, test_undo);
	tcase_add_test(tc, test_undo_per_user);
	tcase_add_test(tc, test_burst);
	tcase_add_test(tc, test_votes);
	tcase_add_test(tc, test_migrate_v1);
	tcase_add_test(tc, test_import);
	tcase_add_test(tc, test_unknown_ids);
	tcase_add_test(tc, test_list);
	tcase_add_test(tc, test_many_sessions);
	tcase_add_test(tc, test_rename_copy_delete);
	tcase_add_test(tc, test_data_version);
	tcase_add_test(tc, test_session_exists);
	tcase_add_test(tc, test_presence_schema);
	suite_add_tcase(s, tc);

	tc = tcase_create("processes");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_set_timeout(tc, 240);
	tcase_add_test(tc, test_concurrency_wal);
	tcase_add_test(tc, test_concurrency_delete);
	tcase_add_test(tc, test_crash);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	return tu_run_in_tmpdir(store_suite(), "check_store", base, sizeof base);
}
