/* store_fs.c - where the session database lives and what the file
 * system around it allows: the default path, directories 0700 and files
 * 0600 whatever the umask, read-only and network file systems, and who
 * could have planted or replaced the database on a shared host. */
#include "config.h"

#include "store_impl.h"

#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <limits.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>

#if defined(__linux__)
#include <sys/vfs.h>
#endif

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

void
store_fs_dir(const char *path, char *dir, size_t size)
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
int
store_fs_readonly(const char *path)
{
	char dir[PATH_MAX];

	store_fs_dir(path, dir, sizeof dir);
	return access(dir, W_OK) != 0 && errno == EROFS;
}

/* Whether PATH lives on a file system where WAL's shared memory cannot
 * work (it is not shared between machines). */
int
store_fs_network(const char *path)
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

	store_fs_dir(path, dir, sizeof dir);
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

/* The database must be a regular file (or a link to one): SQLite would
 * block for ever opening a FIFO nobody writes to, and a device or a
 * directory is no place for sessions. */
static int
check_regular(const char *path, struct err *e)
{
	struct stat sb;

	if (stat(path, &sb) != 0) {
		err_file(e, path, "cannot open the session database: %s",
		    strerror(errno));
		return -1;
	}
	if (S_ISREG(sb.st_mode))
		return 0;
	err_file(e, path, "cannot open the session database: %s; use "
	    "--db to choose a file", S_ISDIR(sb.st_mode) ? "it is a directory" :
	    "it is not a regular file");
	return -1;
}

int
store_fs_ready(const char *path, int readonly, struct err *e)
{
	if (!readonly && (make_parents(path, e) != 0 ||
	    make_file(path, e) != 0))
		return -1;
	return check_regular(path, e);
}

/* Shared hosts ------------------------------------------------------------ */

/* A user's name for messages. */
static const char *
user_name(uid_t uid, char *buf, size_t size)
{
	struct passwd *pw = getpwuid(uid);

	if (pw != NULL && pw->pw_name != NULL)
		snprintf(buf, size, "'%s'", pw->pw_name);
	else
		snprintf(buf, size, "uid %lu", (unsigned long)uid);
	return buf;
}

/* Whether files of UID are this user's own (root's are everyone's). */
static int
own_uid(uid_t uid)
{
	return uid == 0 || uid == geteuid();
}

/* Whether this user is in group GID. */
static int
in_group(gid_t gid)
{
	gid_t groups[256];
	int n, i;

	if (gid == getegid())
		return 1;
	n = getgroups((int)(sizeof groups / sizeof groups[0]), groups);
	for (i = 0; i < n; i++)
		if (groups[i] == gid)
			return 1;
	return 0;
}

/* Move the text at REST (a tail of BUF) to the start of BUF, byte by
 * byte: an overlapping move that valgrind cannot mistake for a memcpy
 * (glibc's fortified memmove is an alias it does not tell apart). */
static void
shift_left(char *buf, const char *rest)
{
	while ((*buf++ = *rest++) != '\0')
		;
}

/* Resolve PATH into OUT (absolute, no symbolic links) the way the
 * kernel would, refusing a link another user owns: whoever owns a link
 * can point it anywhere.  Parts that do not exist yet are kept as they
 * are.  0, or -1 with a message; a path that cannot be resolved (a loop,
 * one too long) is left to the open to report (*OUT empty). */
static int
resolve(const char *path, char *out, size_t size, struct err *e)
{
	char todo[PATH_MAX * 2], next[PATH_MAX * 2], link[PATH_MAX];
	char cand[PATH_MAX], who[64];
	struct stat sb;
	int links = 0;

	out[0] = '\0';
	if (path[0] == '/')
		snprintf(todo, sizeof todo, "%s", path);
	else {
		char cwd[PATH_MAX];

		if (getcwd(cwd, sizeof cwd) == NULL)
			return 0;
		snprintf(todo, sizeof todo, "%s/%s", cwd, path);
	}
	while (todo[0] != '\0') {
		char *comp = todo, *rest;
		size_t clen;
		ssize_t n;

		while (*comp == '/')
			comp++;
		if (*comp == '\0')
			break;
		clen = strcspn(comp, "/");
		rest = comp + clen;
		if ((clen == 1 && comp[0] == '.') ||
		    (clen == 2 && comp[0] == '.' && comp[1] == '.')) {
			if (clen == 2 && strrchr(out, '/') != NULL)
				*strrchr(out, '/') = '\0';
			memmove(todo, rest, strlen(rest) + 1);
			continue;
		}
		if ((size_t)snprintf(cand, sizeof cand, "%s/%.*s", out,
		    (int)clen, comp) >= sizeof cand) {
			out[0] = '\0';
			return 0;
		}
		if (lstat(cand, &sb) != 0) {
			/* Missing (to be created) or unreachable: the rest
			 * as it is; the open says what is wrong. */
			if (errno != ENOENT) {
				out[0] = '\0';
				return 0;
			}
			snprintf(out, size, "%s%s", cand, rest);
			return 0;
		}
		if (!S_ISLNK(sb.st_mode)) {
			snprintf(out, size, "%s", cand);
			shift_left(todo, rest);
			continue;
		}
		if (!own_uid(sb.st_uid)) {
			err_file(e, path, "refusing to open the session "
			    "database: %s is a symbolic link owned by %s, who "
			    "could point it at any file; remove the link, or "
			    "give --db the path of the file itself", cand,
			    user_name(sb.st_uid, who, sizeof who));
			return -1;
		}
		n = readlink(cand, link, sizeof link - 1);
		if (n <= 0 || ++links > 40) {
			out[0] = '\0';
			return 0;
		}
		link[n] = '\0';
		if (link[0] == '/')
			out[0] = '\0';
		snprintf(next, sizeof next, "%s%s", link, rest);
		memcpy(todo, next, sizeof todo);
	}
	if (out[0] == '\0')
		snprintf(out, size, "/");
	return 0;
}

/* Every directory leading to the file at FILE (resolved) must keep
 * others from replacing what is in it: not writable by all users,
 * unless sticky (as /tmp is: then only a file's owner may replace it). */
static int
check_dirs(const char *path, const char *file, struct err *e)
{
	char dir[PATH_MAX];
	struct stat sb;
	char *slash;

	snprintf(dir, sizeof dir, "%s", file);
	while ((slash = strrchr(dir, '/')) != NULL) {
		if (slash == dir)
			slash[1] = '\0';
		else
			*slash = '\0';
		if (stat(dir, &sb) == 0 && S_ISDIR(sb.st_mode) &&
		    (sb.st_mode & S_IWOTH) && !(sb.st_mode & S_ISVTX)) {
			err_file(e, path, "refusing to open the session "
			    "database: its directory %s is writable by every "
			    "user (mode %04o) and not sticky, so anyone could "
			    "replace the database or plant its journal; make "
			    "it yours alone (chmod o-w '%s'), or keep the "
			    "database elsewhere with --db", dir,
			    (unsigned)(sb.st_mode & 07777), dir);
			return -1;
		}
		if (strcmp(dir, "/") == 0)
			break;
	}
	return 0;
}

/* The database file itself (SB, of FILE): not writable by every user,
 * and this user's own unless its owner shares it through a group this
 * user is in (group-writable). */
static int
check_file(const char *path, const struct stat *sb, struct err *e)
{
	char who[64];

	if (!S_ISREG(sb->st_mode))
		return 0;	/* refused as not a file when opened */
	if (sb->st_mode & S_IWOTH) {
		err_file(e, path, "refusing to open the session database: it "
		    "is writable by every user (mode %04o), so anyone could "
		    "change the sessions; chmod o-w it if it is yours",
		    (unsigned)(sb->st_mode & 07777));
		return -1;
	}
	if (own_uid(sb->st_uid) || ((sb->st_mode & S_IWGRP) &&
	    in_group(sb->st_gid)))
		return 0;
	err_file(e, path, "refusing to open the session database: it "
	    "belongs to %s, who does not share it with you through its "
	    "group, and may have been planted; use a database of your own, "
	    "or ask its owner to share it (chgrp TEAM, chmod g+w)",
	    user_name(sb->st_uid, who, sizeof who));
	return -1;
}

/* The journal files beside FILE (resolved; DB its status): regular
 * files owned by this user or the database's owner, or in the
 * database's group when the database is group-shared on purpose.  SQLite
 * gives a -wal to whichever process opened the database first. */
static int
check_journals(const char *path, const char *file, const struct stat *db,
    struct err *e)
{
	static const char *const suffix[] = { "-wal", "-shm", "-journal" };
	char j[PATH_MAX], who[64];
	struct stat sb;
	size_t i;

	for (i = 0; i < sizeof suffix / sizeof suffix[0]; i++) {
		if ((size_t)snprintf(j, sizeof j, "%s%s", file, suffix[i]) >=
		    sizeof j || lstat(j, &sb) != 0)
			continue;
		if (!S_ISREG(sb.st_mode)) {
			err_file(e, path, "refusing to open the session "
			    "database: its journal %s is not a regular file "
			    "(%s); remove it when no one is using the "
			    "database", j, S_ISLNK(sb.st_mode) ?
			    "a symbolic link" : "a directory, FIFO or device");
			return -1;
		}
		if (sb.st_mode & S_IWOTH) {
			err_file(e, path, "refusing to open the session "
			    "database: its journal %s is writable by every "
			    "user (mode %04o); remove it when no one is using "
			    "the database", j, (unsigned)(sb.st_mode & 07777));
			return -1;
		}
		if (own_uid(sb.st_uid) || sb.st_uid == db->st_uid ||
		    ((db->st_mode & S_IWGRP) && sb.st_gid == db->st_gid))
			continue;
		err_file(e, path, "refusing to open the session database: its "
		    "journal %s belongs to %s, who owns neither the database "
		    "nor shares it through its group, and could have planted "
		    "it to change the sessions; remove it when no one is "
		    "using the database (a team shares a database through a "
		    "group: chgrp TEAM and chmod g+w the database)", j,
		    user_name(sb.st_uid, who, sizeof who));
		return -1;
	}
	return 0;
}

int
store_fs_trusted(const char *path, struct store_fs_id *id, struct err *e)
{
	char file[PATH_MAX];
	struct stat sb;

	memset(id, 0, sizeof *id);
	if (resolve(path, file, sizeof file, e) != 0)
		return -1;
	if (file[0] == '\0')
		return 0;	/* the open reports the path */
	if (check_dirs(path, file, e) != 0)
		return -1;
	if (lstat(file, &sb) != 0)
		return 0;	/* not made yet */
	if (check_file(path, &sb, e) != 0 ||
	    check_journals(path, file, &sb, e) != 0)
		return -1;
	id->known = 1;
	id->dev = sb.st_dev;
	id->ino = sb.st_ino;
	return 0;
}

int
store_fs_recheck(const char *path, const struct store_fs_id *id,
    struct err *e)
{
	struct store_fs_id now;

	if (store_fs_trusted(path, &now, e) != 0)
		return -1;
	if (id->known && (!now.known || now.dev != id->dev ||
	    now.ino != id->ino)) {
		err_file(e, path, "refusing to open the session database: it "
		    "was replaced while it was being opened; try again, and "
		    "check who else can write to its directory");
		return -1;
	}
	return 0;
}
