/* presence.h - who else has a session open, and on which question.
 *
 * Presence is ephemeral: it lives in a file of its own beside the
 * session database (DB.live, SQLite too), so the heartbeats of open
 * explorers never wake the others' watch on the database itself, and a
 * read-only watcher is still seen where that file is writable.  Each
 * open explorer is a row, keyed by a random token (no process id is
 * trusted across hosts), with the time it was last seen; one not seen
 * for PRESENCE_GONE_MS is gone, so a killed explorer drops off within
 * seconds. */
#ifndef TRADEOFF_PRESENCE_H
#define TRADEOFF_PRESENCE_H

#include <stddef.h>

#include "err.h"

#define PRESENCE_BEAT_MS 2000	/* how often an explorer says it is there */
#define PRESENCE_GONE_MS 6000	/* unseen this long: gone */
#define PRESENCE_MAX 64		/* peers listed */

struct presence;

struct presence_peer {
	char ident[33];
	char question[65];	/* the question id it is on, or "" */
};

/* Open (creating 0600, or with the database's own mode and group when
 * it is shared) the presence file beside DB_PATH.  NULL with a message
 * when it cannot be used; the explorer works on without presence. */
struct presence *presence_open(const char *db_path, const char *ident,
    struct err *e);

/* Say we are gone, and close.  Accepts NULL. */
void presence_close(struct presence *p);

/* Say we are on session SID at QUESTION (an id, or NULL) at NOW_MS
 * (milliseconds since 1970).  Never waits for a lock: a busy file is
 * skipped until the next beat. */
int presence_beat(struct presence *p, long long sid, const char *question,
    long long now_ms, struct err *e);

/* Whether anyone else wrote to the file since the last call (cheap). */
int presence_changed(struct presence *p);

/* The others on session SID seen within PRESENCE_GONE_MS of NOW_MS, one
 * row per identity (its latest), into OUT (at most MAX); how many. */
int presence_list(struct presence *p, long long sid, long long now_ms,
    struct presence_peer *out, int max, struct err *e);

/* The question (an id, into QUESTION) this participant was last on in
 * session SID: 1, or 0 when nobody knows (P may be NULL). */
int presence_where(struct presence *p, long long sid, char *question,
    size_t size);

/* Keep TEXT as this participant's draft of FIELD ("note:traffic": the
 * note on a question) of session SID, so that a kill does not lose
 * what was being typed; NULL forgets it.  0 or -1 (P may be NULL). */
int presence_draft(struct presence *p, long long sid, const char *field,
    const char *text);

/* A draft this participant left in session SID: 1 with its field in
 * FIELD and its text (malloc'd) in *TEXT, else 0. */
int presence_draft_left(struct presence *p, long long sid, char *field,
    size_t fsize, char **text);

#endif
