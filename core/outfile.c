/* outfile.c - all-or-nothing output files; see outfile.h. */
#include "config.h"

#include "outfile.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static int
is_stdout(const struct outfile *o)
{
	return o->tmp[0] == '\0';
}

/* The mode a new file gets from open(0666) under the current umask. */
static mode_t
new_file_mode(void)
{
	mode_t mask = umask(022);

	umask(mask);
	return 0666 & ~mask;
}

/* Whether PATH may be written: never a directory or anything but a
 * regular file or a symbolic link, and an existing one only with FORCE
 * (else OUTFILE_EXISTS).  A regular file replaced keeps its *MODE. */
static int
check_dest(const char *path, int force, mode_t *mode, struct err *e)
{
	struct stat sb;

	if (lstat(path, &sb) == 0) {
		if (S_ISDIR(sb.st_mode)) {
			err_file(e, path, "is a directory");
			return -1;
		}
		if (!S_ISREG(sb.st_mode) && !S_ISLNK(sb.st_mode)) {
			err_file(e, path, "is not a regular file; write to "
			    "standard output with '-o -' instead");
			return -1;
		}
		if (!force) {
			err_file(e, path, S_ISLNK(sb.st_mode) ?
			    "is a symbolic link; use --force to replace the "
			    "link (not the file it points to)" :
			    "already exists; use --force to replace it");
			return OUTFILE_EXISTS;
		}
		if (S_ISREG(sb.st_mode))
			*mode = sb.st_mode & 07777;
	} else if (errno != ENOENT) {
		err_file(e, path, "cannot write: %s", strerror(errno));
		return -1;
	}
	return 0;
}

/* The temporary file's name in O->tmp: hidden, beside PATH, so that
 * putting it in place is a rename within one directory. */
static int
temp_name(struct outfile *o, const char *path, struct err *e)
{
	const char *slash, *base;
	int n;

	slash = strrchr(path, '/');
	base = slash != NULL ? slash + 1 : path;
	if (base[0] == '\0') {
		err_file(e, path, "is a directory");
		return -1;
	}
	/* ".NAME.XXXXXX", or ".tradeoff.XXXXXX" when NAME is so long that
	 * the longer name would pass the file system's limit. */
	n = snprintf(o->tmp, sizeof o->tmp, "%.*s.%s.XXXXXX",
	    slash != NULL ? (int)(slash - path + 1) : 0, path,
	    strlen(base) + 8 > NAME_MAX ? "tradeoff" : base);
	if (n < 0 || (size_t)n >= sizeof o->tmp) {
		err_file(e, path, "the name is too long (with the directory, "
		    "more than %d bytes)", (int)sizeof o->tmp - 17);
		o->tmp[0] = '\0';
		return -1;
	}
	return 0;
}

/* Create the temporary file with MODE and open it for writing. */
static int
open_temp(struct outfile *o, const char *path, mode_t mode, struct err *e)
{
	int fd;

	fd = mkstemp(o->tmp);
	if (fd < 0) {
		err_file(e, path, "cannot write: %s", strerror(errno));
		o->tmp[0] = '\0';
		return -1;
	}
	if (fcntl(fd, F_SETFD, FD_CLOEXEC) != 0 || fchmod(fd, mode) != 0 ||
	    (o->fp = fdopen(fd, "w")) == NULL) {
		err_file(e, path, "cannot write: %s", strerror(errno));
		close(fd);
		unlink(o->tmp);
		o->tmp[0] = '\0';
		return -1;
	}
	return 0;
}

int
outfile_open(struct outfile *o, const char *path, int force, struct err *e)
{
	mode_t mode;
	int rc;

	memset(o, 0, sizeof *o);
	o->force = force;
	if (path == NULL || strcmp(path, "-") == 0) {
		snprintf(o->path, sizeof o->path, "-");
		o->fp = stdout;
		return 0;
	}
	if (strlen(path) >= sizeof o->path - 16) {
		err_file(e, path, "the name is too long (with the directory, "
		    "more than %d bytes)", (int)sizeof o->path - 17);
		return -1;
	}
	snprintf(o->path, sizeof o->path, "%s", path);
	mode = new_file_mode();
	if ((rc = check_dest(path, force, &mode, e)) != 0)
		return rc;
	if (temp_name(o, path, e) != 0)
		return -1;
	return open_temp(o, path, mode, e);
}

/* Make the rename durable. */
static void
sync_dir(const char *path)
{
	char dir[PATH_MAX];
	const char *slash = strrchr(path, '/');
	int fd;

	if (slash == NULL)
		snprintf(dir, sizeof dir, ".");
	else if (slash == path)
		snprintf(dir, sizeof dir, "/");
	else
		snprintf(dir, sizeof dir, "%.*s", (int)(slash - path), path);
	fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (fd >= 0) {
		(void)fsync(fd);
		close(fd);
	}
}

/* Put the temporary file at the destination, never replacing what
 * appeared there meanwhile (unless forced). */
static int
place(struct outfile *o, struct err *e)
{
	struct stat sb;

	if (o->force) {
		if (rename(o->tmp, o->path) != 0) {
			err_file(e, o->path, "cannot write: %s",
			    strerror(errno));
			return -1;
		}
		return 0;
	}
	if (link(o->tmp, o->path) == 0) {
		unlink(o->tmp);
		return 0;
	}
	if (errno == EEXIST) {
		err_file(e, o->path, "already exists; use --force to replace "
		    "it");
		return OUTFILE_EXISTS;
	}
	if (errno != EPERM && errno != ENOTSUP && errno != EOPNOTSUPP &&
	    errno != EXDEV && errno != EMLINK && errno != ENOSYS) {
		err_file(e, o->path, "cannot write: %s", strerror(errno));
		return -1;
	}
	/* No hard links here: check, then rename. */
	if (lstat(o->path, &sb) == 0) {
		err_file(e, o->path, "already exists; use --force to replace "
		    "it");
		return OUTFILE_EXISTS;
	}
	if (rename(o->tmp, o->path) != 0) {
		err_file(e, o->path, "cannot write: %s", strerror(errno));
		return -1;
	}
	return 0;
}

int
outfile_commit(struct outfile *o, struct err *e)
{
	FILE *fp = o->fp;
	int failed;

	if (fp == NULL) {
		err_set(e, "internal error: output file not open");
		return -1;
	}
	o->fp = NULL;
	if (is_stdout(o)) {
		if (fflush(fp) != 0 || ferror(fp)) {
			err_set(e, "cannot write to standard output: %s",
			    strerror(errno));
			return -1;
		}
		return 0;
	}
	failed = fflush(fp) != 0 || ferror(fp) || fsync(fileno(fp)) != 0;
	if (fclose(fp) != 0)
		failed = 1;
	if (failed) {
		err_file(e, o->path, "cannot write: %s", strerror(errno));
		unlink(o->tmp);
		o->tmp[0] = '\0';
		return -1;
	}
	if ((failed = place(o, e)) != 0) {
		unlink(o->tmp);
		o->tmp[0] = '\0';
		return failed;
	}
	o->tmp[0] = '\0';
	sync_dir(o->path);
	return 0;
}

void
outfile_abort(struct outfile *o)
{
	if (o->fp != NULL && !is_stdout(o))
		fclose(o->fp);
	else if (o->fp != NULL)
		fflush(o->fp);
	o->fp = NULL;
	if (o->tmp[0] != '\0')
		unlink(o->tmp);
	o->tmp[0] = '\0';
}
