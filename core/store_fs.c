/* store_fs.c - where the session database lives and what the file
 * system around it allows: the default path, directories 0700 and files
 * 0600 whatever the umask, and read-only and network file systems. */
#include "config.h"

#include "store_impl.h"

#include <errno.h>
#include <fcntl.h>
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
