/* store_impl.h - what the store's files share and no one else sees: the
 * handle, the list of a session's tables, and the helpers that several
 * jobs of the store need (store.h is the interface).
 *
 *   store_sql.c      errors, statements and transactions
 *   store_fs.c       the default path, directories, file modes, which
 *                    file system a database is on
 *   store_schema.c   the tables, header checks and migrations
 *   store_open.c     opening and closing a database
 *   store_query.c    finding and listing sessions
 *   store_load.c     reading a session into answers
 *   store_change.c   changing fields: setters and import
 *   store_history.c  undo, and the history that powers it
 *   store_admin.c    rename, copy and delete
 *   store_milestone.c  milestones: immutable snapshots of a session */
#ifndef TRADEOFF_STORE_IMPL_H
#define TRADEOFF_STORE_IMPL_H

#include <limits.h>
#include <sqlite3.h>
#include <stddef.h>
#include <sys/types.h>

#include "store.h"

/* The tables that hold a session's fields by key, one row each; the
 * schema, the setters, load, copy and delete all read this list, so a
 * new table is a row here (and a setter and a loader for what its
 * values mean).  A row gives an id, the table, its key column, its
 * value column and type, the prefix of its fields in the history
 * ("answer:traffic"), the schema version that creates it (a table added
 * later comes with the next version, so that older files get it too)
 * and the function of store_load.c that reads one of its rows. */
#define STORE_TABLES(X) \
	X(ANSWERS, answers, question, answer, TEXT, "answer:", 1, load_answer) \
	X(NOTES, notes, question, text, TEXT, "note:", 1, load_note) \
	X(WEIGHTS, weights, dimension, weight, INTEGER, "weight:", 1, \
	    load_weight) \
	X(WORKLOAD, workload, key, value, TEXT, "workload:", 1, \
	    load_workload) \
	X(VOTES, votes, key, answer, TEXT, "vote:", 2, load_vote) \
	X(REVEALS, reveals, question, state, TEXT, "reveal:", 2, load_reveal) \
	X(IDENTITIES, identities, identity, participant, TEXT, "identity:", 2, \
	    load_identity)

#define STORE_TABLE_ID(id, ...) STORE_T_##id,
enum { STORE_TABLES(STORE_TABLE_ID) STORE_NTABLES };
#undef STORE_TABLE_ID

/* A table's SQL, made from its row of STORE_TABLES (store_schema.c).
 * ?1 is a session; for one field ?2 is the key, ?3 the value. */
struct store_table {
	const char *prefix;	/* of its fields in the history */
	int since;		/* the schema version that creates it */
	const char *create;
	const char *get, *put, *del;	/* one field */
	const char *load;	/* the session's (key, value) rows */
	const char *copy;	/* the rows of session ?1 to session ?2 */
	const char *purge;	/* the session's rows */
};
extern const struct store_table store_tables[STORE_NTABLES];

/* What says a database file changed under an immutable connection. */
struct store_stamp {
	long long ino, size, mtime, wal_size, wal_mtime;
};

struct store {
	sqlite3 *db;
	char path[PATH_MAX];
	const struct model *model;
	int readonly;
	int empty;		/* read only and not yet initialised */
	long long version;	/* the file's schema version */
	int immutable;		/* read as immutable: looked at by stamp */
	struct store_stamp stamp;
	long long reopens;	/* times opened again since */
	long long file_dev, file_ino;	/* the file opened (0: not known) */
	int wal_seen;		/* its log was there while we wrote */
	enum store_journal journal;
	int busy_ms;
	long long now;
	char user[128];
	long long change;	/* the current change's id; 0 before its first
				 * history entry */
	/* store_load's statements, compiled once: the session list loads a
	 * page of sessions at a time, and compiling was half the work.  The
	 * session's row, then the rows of each table. */
	sqlite3_stmt *load[1 + STORE_NTABLES];
	/* PRAGMA data_version, which an explorer asks ten times a second:
	 * compiled once as well. */
	sqlite3_stmt *dv;
};

/* store_sql.c ------------------------------------------------------------ */

/* Turn SQLite result RC (while DOING something) into a message that says
 * which file, what happened and what to do.  Returns -1. */
int store_fail(struct store *st, int rc, const char *doing, struct err *e);

/* Compile SQL into *S (NULL on failure).  0 or -1. */
int store_prepare(struct store *st, const char *sql, sqlite3_stmt **s,
    struct err *e);

/* Bind text V (NULL: SQL NULL) as parameter I. */
int store_bind_text(sqlite3_stmt *s, int i, const char *v);

/* Step S to its end, expecting no rows; finalize it. */
int store_run(struct store *st, sqlite3_stmt *s, const char *doing,
    struct err *e);

/* SQL without parameters (fixed text only). */
int store_exec(struct store *st, const char *sql, const char *doing,
    struct err *e);

/* The one integer a query gives (0 when no row). */
int store_query_int(struct store *st, const char *sql, long long *out,
    struct err *e);

/* Transactions: a write one (BEGIN IMMEDIATE; a new change), a read one
 * (a consistent snapshot), their end.  Rolling back outside a
 * transaction does nothing. */
int store_begin_write(struct store *st, struct err *e);
int store_begin_read(struct store *st, struct err *e);
int store_commit(struct store *st, const char *doing, struct err *e);
void store_rollback(struct store *st);

/* The time of a change: the fixed one of the options, else the clock. */
long long store_now(const struct store *st);

/* Fails with a message when the store was opened without a model. */
int store_need_model(struct store *st, struct err *e);

/* store_fs.c ------------------------------------------------------------- */

/* Make PATH ready to open: unless READONLY, create the missing
 * directories (0700) and the file (0600); then it must be a regular
 * file. */
int store_fs_ready(const char *path, int readonly, struct err *e);

/* Which file a database is, to tell whether it was replaced. */
struct store_fs_id {
	int known;
	dev_t dev;
	ino_t ino;
};

/* Whether the database at PATH, and its journals, could not have been
 * planted or replaced by anyone but the people who share it (README.md,
 * "Shared hosts"): the path through no symbolic link another user owns,
 * no directory on it writable by all and not sticky, the file not
 * writable by all and this user's own or shared through a group, the
 * journals this user's, the database owner's or in its group when it is
 * group-shared.  *ID says which file it is (when it exists).  0, or -1
 * with why and what to do. */
int store_fs_trusted(const char *path, struct store_fs_id *id,
    struct err *e);

/* The same again after the open, and the file still the one ID says. */
int store_fs_recheck(const char *path, const struct store_fs_id *id,
    struct err *e);

/* The directory of PATH ("." when it has none). */
void store_fs_dir(const char *path, char *dir, size_t size);

/* Whether the directory of PATH is on a read-only file system. */
int store_fs_readonly(const char *path);

/* Whether PATH lives on a file system where WAL cannot work. */
int store_fs_network(const char *path);

/* store_schema.c --------------------------------------------------------- */

/* Refuse what is not a tradeoff database or is newer than this program;
 * *VERSION gets the schema version.  Nothing is written. */
int store_check_header(struct store *st, long long *version, struct err *e);

/* Bring the schema up to STORE_SCHEMA_VERSION. */
int store_migrate(struct store *st, struct err *e);

/* store_change.c --------------------------------------------------------- */

/* Mark session SID as changed now (inside a write transaction); fails
 * when it no longer exists. */
int store_touch(struct store *st, long long sid, struct err *e);

/* Append a history entry (inside a write transaction). */
int store_history_add(struct store *st, long long sid, const char *field,
    const char *old, const char *new, int undoable, long long undoes,
    struct err *e);

/* Insert session NAME (inside a write transaction); its id in *SID. */
int store_session_insert(struct store *st, const char *name,
    const char *model_id, const char *model_version, long long *sid,
    struct err *e);

/* The stored value of FIELD of SID (malloc'd into *OUT; NULL when
 * unset). */
int store_field_get(struct store *st, long long sid, const char *field,
    char **out, struct err *e);

/* Set FIELD of SID to VALUE with a history entry, inside a write
 * transaction: 1 changed, 0 already so, -1 error. */
int store_field_set(struct store *st, long long sid, const char *field,
    const char *value, int undoable, long long undoes, struct err *e);

#endif
