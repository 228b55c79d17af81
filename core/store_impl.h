/* store_impl.h - what the store's files share and no one else sees: the
 * handle, and the helpers for running SQL that every job of the store
 * needs (store.h is the interface).
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
 *   store_admin.c    rename, copy and delete */
#ifndef TRADEOFF_STORE_IMPL_H
#define TRADEOFF_STORE_IMPL_H

#include <limits.h>
#include <sqlite3.h>
#include <stddef.h>

#include "store.h"

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

/* Set FIELD of SID to VALUE with a history entry, inside a write
 * transaction: 1 changed, 0 already so, -1 error. */
int store_field_set(struct store *st, long long sid, const char *field,
    const char *value, int undoable, long long undoes, struct err *e);

#endif
