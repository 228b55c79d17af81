/* presence.c - who else has a session open; see presence.h. */
#include "config.h"

#include "presence.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

/* The statements, each compiled once when first used: an explorer runs
 * some of them ten times a second. */
enum { S_BEAT, S_POSITION, S_EXPIRE, S_VERSION, S_LIST, S_WHERE, S_LEAVE,
	S_COUNT };

static const char *const sql[S_COUNT] = {
	[S_BEAT] = "INSERT OR REPLACE INTO presence(token, session_id, ident, "
	    "question, seen) VALUES (?1, ?2, ?3, ?4, ?5)",
	[S_POSITION] = "INSERT OR REPLACE INTO positions(session_id, ident, "
	    "question) VALUES (?1, ?2, ?3)",
	[S_EXPIRE] = "DELETE FROM presence WHERE seen < ?1",
	[S_VERSION] = "PRAGMA data_version",
	[S_LIST] = "SELECT ident, question, max(seen) FROM presence WHERE "
	    "session_id = ?1 AND seen >= ?2 AND token <> ?3 GROUP BY ident "
	    "ORDER BY ident",
	[S_WHERE] = "SELECT question FROM positions WHERE session_id = ?1 AND "
	    "ident = ?2",
	[S_LEAVE] = "DELETE FROM presence WHERE token = ?1",
};

struct presence {
	sqlite3 *db;
	char token[33];		/* this explorer's row */
	char ident[33];
	long long version;	/* PRAGMA data_version last seen */
	sqlite3_stmt *stmt[S_COUNT];
};

/* Done with statement S until the next use: no transaction held, no
 * value kept. */
static void
done(sqlite3_stmt *s)
{
	sqlite3_reset(s);
	sqlite3_clear_bindings(s);
}

static const char schema[] =
	"CREATE TABLE IF NOT EXISTS presence ("
	" token TEXT PRIMARY KEY,"
	" session_id INTEGER NOT NULL,"
	" ident TEXT NOT NULL,"
	" question TEXT,"
	" seen INTEGER NOT NULL"		/* ms since the epoch */
	");"
	/* What each participant was typing and has not saved yet. */
	"CREATE TABLE IF NOT EXISTS drafts ("
	" session_id INTEGER NOT NULL,"
	" ident TEXT NOT NULL,"
	" field TEXT NOT NULL,"		/* note:QUESTION */
	" text TEXT NOT NULL,"
	" PRIMARY KEY (session_id, ident, field)"
	");"
	/* Where each participant left each session: kept after they go. */
	"CREATE TABLE IF NOT EXISTS positions ("
	" session_id INTEGER NOT NULL,"
	" ident TEXT NOT NULL,"
	" question TEXT NOT NULL,"
	" PRIMARY KEY (session_id, ident)"
	");";

/* The schema's version in the file's user_version: a file that has it
 * is not sent the CREATE statements again (compiling them is most of
 * what opening the file costs). */
#define PRESENCE_SCHEMA 1
#define STR_(x) #x
#define STR(x) STR_(x)

/* Give DB the tables, unless it has them already. */
static int
ensure_schema(sqlite3 *db)
{
	sqlite3_stmt *v = NULL;
	int have = 0, rc;

	if (sqlite3_prepare_v2(db, "PRAGMA user_version", -1, &v, NULL) ==
	    SQLITE_OK && sqlite3_step(v) == SQLITE_ROW)
		have = sqlite3_column_int(v, 0);
	sqlite3_finalize(v);
	if (have == PRESENCE_SCHEMA)
		return SQLITE_OK;
	if ((rc = sqlite3_exec(db, schema, NULL, NULL, NULL)) != SQLITE_OK)
		return rc;
	return sqlite3_exec(db, "PRAGMA user_version = "
	    STR(PRESENCE_SCHEMA), NULL, NULL, NULL);
}

/* Statement I, compiled on first use; NULL when it cannot be.  A file
 * whose tables went (user_version says they are there, so the open did
 * not look) is given them again, once. */
static sqlite3_stmt *
stmt(struct presence *p, int i)
{
	int again = 1;

	while (p->stmt[i] == NULL && sqlite3_prepare_v2(p->db, sql[i], -1,
	    &p->stmt[i], NULL) != SQLITE_OK) {
		sqlite3_finalize(p->stmt[i]);
		p->stmt[i] = NULL;
		if (!again-- || sqlite3_exec(p->db, "PRAGMA user_version = 0",
		    NULL, NULL, NULL) != SQLITE_OK ||
		    ensure_schema(p->db) != SQLITE_OK)
			break;
	}
	return p->stmt[i];
}

/* A token no other explorer has: random bytes, hex. */
static void
make_token(char *buf, size_t size)
{
	unsigned char r[16];
	size_t i, got = 0;
	int fd = open("/dev/urandom", O_RDONLY | O_CLOEXEC);

	if (fd >= 0) {
		ssize_t n = read(fd, r, sizeof r);

		got = n > 0 ? (size_t)n : 0;
		close(fd);
	}
	/* Without /dev/urandom: the clock and the process, still unique
	 * on one host at one moment. */
	if (got < sizeof r) {
		struct timespec ts;
		unsigned long long x;

		clock_gettime(CLOCK_REALTIME, &ts);
		x = (unsigned long long)ts.tv_sec * 1000000007ULL ^
		    (unsigned long long)ts.tv_nsec << 20 ^
		    (unsigned long long)getpid();
		for (i = got; i < sizeof r; i++, x = x * 6364136223846793005ULL +
		    1442695040888963407ULL)
			r[i] = (unsigned char)(x >> 56);
	}
	for (i = 0; i < sizeof r && 2 * i + 2 < size; i++)
		snprintf(buf + 2 * i, 3, "%02x", r[i]);
}

/* Create the file as private as the database is: its mode and group. */
static int
make_file(const char *path, const char *db_path)
{
	struct stat sb;
	mode_t mode = 0600;
	int fd;

	if (stat(db_path, &sb) == 0)
		mode = sb.st_mode & 0660;
	fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, mode);
	if (fd < 0)
		return -1;
	if (stat(db_path, &sb) == 0 && fchown(fd, (uid_t)-1, sb.st_gid) != 0)
		(void)0;	/* another group is not ours to give */
	close(fd);
	return 0;
}

struct presence *
presence_open(const char *db_path, const char *ident, struct err *e)
{
	char path[PATH_MAX];
	struct presence *p;

	if (snprintf(path, sizeof path, "%s.live", db_path) >=
	    (int)sizeof path) {
		err_set(e, "the presence file's path is too long");
		return NULL;
	}
	if (make_file(path, db_path) != 0) {
		err_file(e, path, "cannot keep presence there: %s",
		    strerror(errno));
		return NULL;
	}
	if ((p = calloc(1, sizeof *p)) == NULL) {
		err_set(e, "out of memory");
		return NULL;
	}
	snprintf(p->ident, sizeof p->ident, "%s", ident);
	make_token(p->token, sizeof p->token);
	if (sqlite3_open_v2(path, &p->db, SQLITE_OPEN_READWRITE |
	    SQLITE_OPEN_NOFOLLOW, NULL) == SQLITE_OK) {
		sqlite3_busy_timeout(p->db, 200);
		/* Where WAL cannot be had (a network file system) the
		 * rollback journal does, more slowly. */
		sqlite3_exec(p->db, "PRAGMA journal_mode = WAL", NULL, NULL,
		    NULL);
		/* Presence is gone in seconds anyway: no flush to the disk
		 * (and no wake-up waiting for one) at every heartbeat. */
		sqlite3_exec(p->db, "PRAGMA synchronous = OFF", NULL, NULL,
		    NULL);
	}
	if (p->db == NULL || ensure_schema(p->db) != SQLITE_OK) {
		err_file(e, path, "cannot keep presence there: %s",
		    p->db != NULL ? sqlite3_errmsg(p->db) : "out of memory");
		presence_close(p);
		return NULL;
	}
	return p;
}

void
presence_close(struct presence *p)
{
	sqlite3_stmt *s;
	int i;

	if (p == NULL)
		return;
	if (p->db != NULL && (s = stmt(p, S_LEAVE)) != NULL) {
		sqlite3_bind_text(s, 1, p->token, -1, SQLITE_STATIC);
		sqlite3_step(s);
		done(s);
	}
	for (i = 0; i < S_COUNT; i++)
		sqlite3_finalize(p->stmt[i]);
	sqlite3_close(p->db);
	free(p);
}

int
presence_beat(struct presence *p, long long sid, const char *question,
    long long now_ms, struct err *e)
{
	sqlite3_stmt *s;
	int rc;

	/* Our row, and the rows of explorers long gone (killed). */
	if ((s = stmt(p, S_BEAT)) == NULL)
		goto fail;
	sqlite3_bind_text(s, 1, p->token, -1, SQLITE_STATIC);
	sqlite3_bind_int64(s, 2, sid);
	sqlite3_bind_text(s, 3, p->ident, -1, SQLITE_STATIC);
	if (question != NULL)
		sqlite3_bind_text(s, 4, question, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(s, 5, now_ms);
	rc = sqlite3_step(s);
	done(s);
	if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
		return 0;
	if (rc != SQLITE_DONE)
		goto fail;
	if (question != NULL && (s = stmt(p, S_POSITION)) != NULL) {
		sqlite3_bind_int64(s, 1, sid);
		sqlite3_bind_text(s, 2, p->ident, -1, SQLITE_STATIC);
		sqlite3_bind_text(s, 3, question, -1, SQLITE_TRANSIENT);
		sqlite3_step(s);
		done(s);
	}
	if ((s = stmt(p, S_EXPIRE)) == NULL)
		goto fail;
	sqlite3_bind_int64(s, 1, now_ms - 10 * PRESENCE_GONE_MS);
	sqlite3_step(s);
	done(s);
	return 0;
fail:
	err_set(e, "presence: %s", sqlite3_errmsg(p->db));
	return -1;
}

int
presence_changed(struct presence *p)
{
	sqlite3_stmt *s;
	long long v = p->version;

	if ((s = stmt(p, S_VERSION)) == NULL)
		return 0;
	if (sqlite3_step(s) == SQLITE_ROW)
		v = sqlite3_column_int64(s, 0);
	done(s);
	if (v == p->version)
		return 0;
	p->version = v;
	return 1;
}

int
presence_list(struct presence *p, long long sid, long long now_ms,
    struct presence_peer *out, int max, struct err *e)
{
	sqlite3_stmt *s;
	const unsigned char *t;
	int rc, n = 0;

	if ((s = stmt(p, S_LIST)) == NULL) {
		err_set(e, "presence: %s", sqlite3_errmsg(p->db));
		return -1;
	}
	sqlite3_bind_int64(s, 1, sid);
	sqlite3_bind_int64(s, 2, now_ms - PRESENCE_GONE_MS);
	sqlite3_bind_text(s, 3, p->token, -1, SQLITE_STATIC);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW && n < max) {
		t = sqlite3_column_text(s, 0);
		snprintf(out[n].ident, sizeof out[n].ident, "%s",
		    t != NULL ? (const char *)t : "");
		t = sqlite3_column_text(s, 1);
		snprintf(out[n].question, sizeof out[n].question, "%s",
		    t != NULL ? (const char *)t : "");
		n++;
	}
	done(s);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return 0;	/* busy: nobody new this time */
	return n;
}

int
presence_where(struct presence *p, long long sid, char *question,
    size_t size)
{
	sqlite3_stmt *s;
	const unsigned char *t;
	int found = 0;

	question[0] = '\0';
	if (p == NULL || (s = stmt(p, S_WHERE)) == NULL)
		return 0;
	sqlite3_bind_int64(s, 1, sid);
	sqlite3_bind_text(s, 2, p->ident, -1, SQLITE_STATIC);
	if (sqlite3_step(s) == SQLITE_ROW &&
	    (t = sqlite3_column_text(s, 0)) != NULL) {
		snprintf(question, size, "%s", (const char *)t);
		found = 1;
	}
	done(s);
	return found;
}

int
presence_draft(struct presence *p, long long sid, const char *field,
    const char *text)
{
	sqlite3_stmt *s;
	int rc;

	if (p == NULL)
		return 0;
	if (sqlite3_prepare_v2(p->db, text != NULL ? "INSERT OR REPLACE INTO "
	    "drafts(session_id, ident, field, text) VALUES (?1, ?2, ?3, ?4)" :
	    "DELETE FROM drafts WHERE session_id = ?1 AND ident = ?2 AND "
	    "field = ?3", -1, &s, NULL) != SQLITE_OK)
		return -1;
	sqlite3_bind_int64(s, 1, sid);
	sqlite3_bind_text(s, 2, p->ident, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 3, field, -1, SQLITE_TRANSIENT);
	if (text != NULL)
		sqlite3_bind_text(s, 4, text, -1, SQLITE_TRANSIENT);
	rc = sqlite3_step(s);
	sqlite3_finalize(s);
	return rc == SQLITE_DONE ? 0 : -1;
}

int
presence_draft_left(struct presence *p, long long sid, char *field,
    size_t fsize, char **text)
{
	sqlite3_stmt *s;
	const unsigned char *f, *t;
	int found = 0;

	*text = NULL;
	if (p == NULL || sqlite3_prepare_v2(p->db, "SELECT field, text FROM "
	    "drafts WHERE session_id = ?1 AND ident = ?2 LIMIT 1", -1, &s,
	    NULL) != SQLITE_OK)
		return 0;
	sqlite3_bind_int64(s, 1, sid);
	sqlite3_bind_text(s, 2, p->ident, -1, SQLITE_STATIC);
	if (sqlite3_step(s) == SQLITE_ROW &&
	    (f = sqlite3_column_text(s, 0)) != NULL &&
	    (t = sqlite3_column_text(s, 1)) != NULL &&
	    (*text = strdup((const char *)t)) != NULL) {
		snprintf(field, fsize, "%s", (const char *)f);
		found = 1;
	}
	sqlite3_finalize(s);
	return found;
}
