/* store.h - sessions saved in SQLite as they are edited.
 *
 * One database file holds any number of named sessions.  Every change
 * (an answer, a note, a weight, a workload figure, the context, the
 * participants) is one short write transaction that also appends to the
 * session's history, so a kill at any moment loses nothing that was
 * reported as saved, and several processes can share one file (WAL on
 * local disks, a rollback journal on network file systems, a busy
 * timeout, BEGIN IMMEDIATE for every write).
 *
 * Times are whole seconds since the epoch (UTC), stored as integers.
 * Answers, notes, weights and workload figures are stored by id (not by
 * index), so a session outlives changes to the model: ids the model in
 * use does not know are skipped when loading, and counted.
 *
 * History fields: "answer:Q", "note:Q", "weight:D", "workload:KEY",
 * "context", "participants" (one per line) are changes that undo can
 * take back; "created", "copied" (old: the source's name), "name"
 * (a rename) and "milestone" (new: its label) are recorded for the
 * audit trail only.  The entries one
 * transaction writes share a change id, and undo takes back a whole
 * change (an import is one change). */
#ifndef TRADEOFF_STORE_H
#define TRADEOFF_STORE_H

#include <stddef.h>

#include "answers.h"
#include "err.h"
#include "model.h"

/* "TRDO": PRAGMA application_id of a tradeoff session database. */
#define STORE_APPLICATION_ID 0x5452444f
/* PRAGMA user_version this program writes; newer files are refused. */
#define STORE_SCHEMA_VERSION 3
#define STORE_BUSY_MS 5000

struct store;

enum store_journal {
	STORE_JOURNAL_AUTO,	/* WAL, or DELETE on a network file system */
	STORE_JOURNAL_WAL,
	STORE_JOURNAL_DELETE
};

struct store_opts {
	const char *path;	/* NULL: store_default_path() */
	/* The model sessions are created, changed and loaded with; may be
	 * NULL for rename, copy, delete, list and history. */
	const struct model *model;
	int readonly;		/* read only: never creates nor migrates */
	enum store_journal journal;
	int busy_ms;		/* how long to wait for a lock; 0: default */
	long long now;		/* fixed time of every change; 0: the clock */
	const char *user;	/* recorded in history; NULL: $USER, passwd */
	int max_pages;		/* tests: cap the file (a full disk); 0 none */
};

struct store_session {
	long long id;
	char name[ANSWERS_NAME_MAX + 1];
	long long created, updated;
	int nanswers;		/* answers stored (any model, any question) */
	char model_id[65], model_version[65];
};

/* One history entry (strings valid during the callback only). */
struct store_change {
	long long id;
	long long change;	/* the id of the first entry of its change */
	long long time;
	const char *user, *field;
	const char *old, *new;	/* NULL: unset */
	int undoable;		/* 1: undo could still take it back; 2: an
				 * undo that redo could still restore */
	long long undoes;	/* an undo: the entry it took back; else 0 */
};

/* What store_undo or store_redo took back or restored. */
struct store_undo {
	int count;		/* entries (more than one for an import) */
	char field[160];	/* the last entry's field, e.g. answer:traffic */
	char value[256];	/* its value now, shortened; "" when unset */
	int unset;		/* the field is now unset (default, cleared) */
	char user[128];		/* whose change it was */
	char other[128];	/* on a conflict: who changed it since */
};

/* The default database path: $XDG_DATA_HOME/tradeoff/sessions.db, else
 * ~/.local/share/tradeoff/sessions.db ($HOME, else the passwd entry). */
int store_default_path(char *buf, size_t size, struct err *e);

/* Open (creating the file 0600 and missing directories 0700, and
 * migrating the schema, unless read only).  Refuses files that are not
 * tradeoff databases or come from a newer version, without changing
 * them.  NULL with a message naming the file on failure. */
struct store *store_open(const struct store_opts *o, struct err *e);

/* Close.  Accepts NULL. */
void store_close(struct store *st);

const char *store_path(const struct store *st);

/* Whether it was opened read-only (store_opts.readonly). */
int store_readonly(const struct store *st);

/* Who this store records as making its changes (store_opts.user). */
const char *store_user(const struct store *st);

/* The journal mode in use: STORE_JOURNAL_WAL or STORE_JOURNAL_DELETE. */
enum store_journal store_journal_mode(const struct store *st);

/* SQLite's PRAGMA data_version for this handle, in *OUT: a number that
 * changes when another handle or process commits a change to the file,
 * and stays the same across this handle's own reads and changes.  One
 * cheap read, for screens that want to know whether what they show is
 * still current; it never waits for a lock.  0 done, 1 the database is
 * busy or not made yet (*OUT untouched: ask again later), -1 error. */
int store_data_version(struct store *st, long long *out, struct err *e);

/* Find session NAME: 1 found (in *OUT), 0 none, -1 error. */
int store_find(struct store *st, const char *name, struct store_session *out,
    struct err *e);

/* Find session SID by its id: 1 found (in *OUT, may be NULL), 0 none,
 * -1 error.  The id stays when a session is renamed: this gives its
 * name now. */
int store_find_id(struct store *st, long long sid, struct store_session *out,
    struct err *e);


/* Find session NAME or create it empty (*CREATED tells which; may be
 * NULL).  0 or -1. */
int store_find_or_create(struct store *st, const char *name,
    struct store_session *out, int *created, struct err *e);

/* The most recently changed session: 1 found, 0 none, -1 error.  One
 * indexed lookup however many sessions there are. */
int store_latest(struct store *st, struct store_session *out,
    struct err *e);

/* How many sessions there are. */
int store_count(struct store *st, long long *n, struct err *e);

/* Call FN for sessions, most recently changed first, skipping OFFSET and
 * giving at most LIMIT (-1: all).  FN returns nonzero to stop.  0 or
 * -1. */
int store_list(struct store *st, long long offset, long long limit,
    int (*fn)(const struct store_session *s, void *arg), void *arg,
    struct err *e);

/* The session with id SID resolved against the store's model.  Stored
 * entries the model does not know are skipped and counted in *SKIPPED
 * (may be NULL); those that are not valid (bad text, figures out of
 * range) are skipped and counted in the answers' `invalid`.  NULL on
 * error. */
struct answers *store_load(struct store *st, long long sid, int *skipped,
    struct err *e);

/* Changes to session SID, each one transaction with a history entry.
 * They return 1 when the value changed, 0 when it already was so, -1
 * on error (nothing changed).  A = -1, W = -1, TEXT/VALUE NULL or ""
 * unset the field (an unset weight or figure is the model's default). */
int store_set_answer(struct store *st, long long sid, int q, int a,
    struct err *e);
int store_set_note(struct store *st, long long sid, int q, const char *text,
    struct err *e);
int store_set_weight(struct store *st, long long sid, int d, int w,
    struct err *e);
int store_set_workload(struct store *st, long long sid, int f,
    const char *value, struct err *e);
int store_set_context(struct store *st, long long sid, const char *text,
    struct err *e);
int store_set_participants(struct store *st, long long sid, int n,
    const char *const *names, struct err *e);

/* Workshop changes: IDENT's own answer A to question Q (-1 takes the
 * vote back); whether Q's votes are revealed; which listed participant
 * IDENT is (WHO NULL or "": none).  As the setters above. */
int store_set_vote(struct store *st, long long sid, const char *ident, int q,
    int a, struct err *e);
int store_set_reveal(struct store *st, long long sid, int q, int on,
    struct err *e);
int store_set_identity(struct store *st, long long sid, const char *ident,
    const char *who, struct err *e);

/* Text saved against what its editor started from: as the setters
 * above, but only while the field still holds EXPECT (NULL: unset);
 * 2 when someone changed it meanwhile (nothing is changed then). */
int store_set_note_if(struct store *st, long long sid, int q,
    const char *text, const char *expect, struct err *e);
int store_set_context_if(struct store *st, long long sid, const char *text,
    const char *expect, struct err *e);
int store_set_participants_if(struct store *st, long long sid, int n,
    const char *const *names, int expect_n, const char *const *expect,
    struct err *e);

/* Make session NAME hold exactly what A holds (every answer, note,
 * weight and figure the model knows, the context and participants),
 * creating it if needed, in one transaction and one undoable change.
 * *CHANGES (may be NULL) gets the number of fields changed. */
int store_import(struct store *st, const char *name, const struct answers *a,
    struct store_session *out, int *changes, struct err *e);

/* Take back the last change that USER (NULL: this store's user) made
 * to session SID and has not been taken back.  When someone else has
 * changed one of its fields since, nothing is done unless FORCE: 2, with
 * who in OUT->other and the field in OUT->field.  1 done (described in
 * *OUT, may be NULL), 0 nothing to undo, -1 error.  Undo is per user:
 * each participant takes back their own changes, and taking back
 * someone else's is a call naming them. */
int store_undo(struct store *st, long long sid, const char *user, int force,
    struct store_undo *out, struct err *e);

/* Restore what this store's user last took back with store_undo, as a
 * new change of theirs; possible until they make another change.  1
 * done, 0 nothing to redo, -1 error. */
int store_redo(struct store *st, long long sid, struct store_undo *out,
    struct err *e);

/* Who made the last change to session SID that this store's user did
 * not make and that could be taken back; *OUT "" when none. */
int store_last_other(struct store *st, long long sid, char *out,
    size_t size, struct err *e);

/* Call FN for each history entry of session SID, oldest first. */
int store_history(struct store *st, long long sid,
    int (*fn)(const struct store_change *c, void *arg), void *arg,
    struct err *e);

/* A milestone: a named, immutable snapshot of a session (DESIGN.md
 * section 12): the answers file of its moment (as export_yaml writes
 * it), who took it and when, and the model and price list it was taken
 * with. */
struct store_milestone {
	long long session;	/* the session's id */
	char label[ANSWERS_NAME_MAX + 1];
	long long time;
	char user[128];
	char model_id[65], model_version[65];
	char pricing[256];	/* the price list's version and dates */
	const char *answers;	/* the answers file's text */
};

/* Save milestone M of session SID (M->session is ignored) in one
 * transaction, at the store's time and with its user.  A label is
 * checked as a session name is; a label the session already has is
 * refused (a milestone never changes).  0, or -1 with a message. */
int store_milestone_add(struct store *st, long long sid,
    const struct store_milestone *m, struct err *e);

/* Milestone LABEL of session SID into *OUT (may be NULL), its answers
 * text malloc'd into *ANSWERS (may be NULL; the caller frees it, and
 * OUT->answers points to it).  1 found, 0 none, -1 error. */
int store_milestone_get(struct store *st, long long sid, const char *label,
    struct store_milestone *out, char **answers, struct err *e);

/* Call FN for each milestone of session SID, oldest first (strings
 * valid during the call).  FN returns nonzero to stop.  0 or -1. */
int store_milestone_list(struct store *st, long long sid,
    int (*fn)(const struct store_milestone *m, void *arg), void *arg,
    struct err *e);

/* Rename, copy (answers, notes, weights, workload, context and
 * participants; the copy's history starts afresh with one "copied"
 * entry) and delete (with its history).  Milestones go with their
 * session: a rename keeps them, a copy copies them (their times and
 * authors kept), a delete removes them.  An unknown FROM or NAME, or a
 * TO that exists, is an error. */
int store_rename(struct store *st, const char *from, const char *to,
    struct err *e);
int store_copy(struct store *st, const char *from, const char *to,
    struct err *e);
int store_delete(struct store *st, const char *name, struct err *e);

#endif
