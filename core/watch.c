/* watch.c - woken when the database is written; see watch.h. */
#include "config.h"

#include "watch.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#ifdef __linux__
#include <sys/inotify.h>

struct watch {
	int fd;
	int dir;			/* the directory: -wal created anew */
	int db, log;			/* the database, its log (or -1) */
	char log_path[PATH_MAX + 16];
	char names[3][NAME_MAX + 16];	/* db, db-wal, db-journal */
};

/* Watch the log file when it exists (a WAL database's -wal comes and
 * goes with its connections). */
static void
watch_log(struct watch *w)
{
	if (w->log < 0)
		w->log = inotify_add_watch(w->fd, w->log_path,
		    IN_MODIFY | IN_CLOSE_WRITE);
}

struct watch *
watch_open(const char *db_path)
{
	char dir[PATH_MAX];
	const char *slash = strrchr(db_path, '/'), *base;
	struct watch *w;

	if (strlen(db_path) >= PATH_MAX || (w = calloc(1, sizeof *w)) ==
	    NULL)
		return NULL;
	base = slash != NULL ? slash + 1 : db_path;
	if (slash == NULL)
		snprintf(dir, sizeof dir, ".");
	else
		snprintf(dir, sizeof dir, "%.*s", slash == db_path ? 1 :
		    (int)(slash - db_path), db_path);
	snprintf(w->names[0], sizeof w->names[0], "%s", base);
	snprintf(w->names[1], sizeof w->names[1], "%s-wal", base);
	snprintf(w->names[2], sizeof w->names[2], "%s-journal", base);
	snprintf(w->log_path, sizeof w->log_path, "%s-wal", db_path);
	w->fd = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
	w->log = -1;
	if (w->fd < 0 ||
	    (w->dir = inotify_add_watch(w->fd, dir, IN_CREATE |
	    IN_MOVED_TO)) < 0 ||
	    (w->db = inotify_add_watch(w->fd, db_path, IN_MODIFY |
	    IN_CLOSE_WRITE)) < 0) {
		watch_close(w);
		return NULL;
	}
	watch_log(w);
	return w;
}

void
watch_close(struct watch *w)
{
	if (w == NULL)
		return;
	if (w->fd >= 0)
		close(w->fd);
	free(w);
}

int
watch_fd(const struct watch *w)
{
	return w->fd;
}

/* Whether event E is about our files. */
static int
ours(struct watch *w, const struct inotify_event *e)
{
	int i;

	if (e->wd == w->db || e->wd == w->log)
		return 1;
	if (e->wd != w->dir || e->len == 0)
		return 0;
	for (i = 0; i < 3; i++)
		if (strcmp(e->name, w->names[i]) == 0) {
			if (i == 1)
				watch_log(w);
			return 1;
		}
	return 0;
}

int
watch_drain(struct watch *w)
{
	char buf[4096] __attribute__((aligned(__alignof__(struct
	    inotify_event))));
	const struct inotify_event *e;
	ssize_t n;
	int hit = 0;

	while ((n = read(w->fd, buf, sizeof buf)) > 0)
		for (e = (const void *)buf; (const char *)e < buf + n;
		    e = (const void *)((const char *)e + sizeof *e + e->len)) {
			if (e->mask & IN_IGNORED && e->wd == w->log)
				w->log = -1;	/* the log went away */
			hit |= ours(w, e);
		}
	return hit;
}

#else

struct watch *
watch_open(const char *db_path)
{
	(void)db_path;
	return NULL;
}

void
watch_close(struct watch *w)
{
	(void)w;
}

int
watch_fd(const struct watch *w)
{
	(void)w;
	return -1;
}

int
watch_drain(struct watch *w)
{
	(void)w;
	return 0;
}

#endif
