/* watch.h - being woken when a session database changes on disk.
 *
 * An open explorer looks at PRAGMA data_version to learn that another
 * process committed; looking often enough to show a change within a
 * tenth of a second would wake it ten times a second doing nothing.
 * Where the system can say when a file is written (Linux inotify), the
 * explorer sleeps until the database or its log is written and looks
 * then, and looks by the clock only now and then; elsewhere, and on a
 * network file system (where another host's writes raise no event),
 * it looks by the clock as before. */
#ifndef TRADEOFF_WATCH_H
#define TRADEOFF_WATCH_H

struct watch;

/* Watch the database at DB_PATH and its -wal and -journal files; NULL
 * when the system cannot (the caller then looks by the clock). */
struct watch *watch_open(const char *db_path);

/* Stop watching.  Accepts NULL. */
void watch_close(struct watch *w);

/* A descriptor that becomes readable when something was written, to
 * wait on with poll(). */
int watch_fd(const struct watch *w);

/* Read what woke us: 1 when the database or its log was written (look
 * now), 0 for nothing of ours. */
int watch_drain(struct watch *w);

#endif
