/* testdir.h - a temporary directory for unit tests that write files.
 *
 * The test program makes one base directory (under $TESTS_BUILDDIR, else
 * $TMPDIR, else /tmp), runs its suite, and removes the base whatever the
 * tests left in it, permissions they took away included.  Needs nftw:
 * define _GNU_SOURCE before the first include. */
#ifndef TRADEOFF_TESTDIR_H
#define TRADEOFF_TESTDIR_H

#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "testutil.h"

static int
tu_rm_entry(const char *path, const struct stat *sb, int flag,
    struct FTW *ftw)
{
	(void)sb;
	(void)ftw;
	if (flag == FTW_DP)
		return rmdir(path);
	return unlink(path);
}

/* Give back the permissions tests take away, so all can be removed. */
static int
tu_chmod_entry(const char *path, const struct stat *sb, int flag,
    struct FTW *ftw)
{
	(void)ftw;
	if (flag == FTW_D || flag == FTW_DNR)
		chmod(path, 0700);
	else if (S_ISREG(sb->st_mode))
		chmod(path, 0600);
	return 0;
}

/* Remove DIR and everything in it. */
static inline void
tu_rm_tree(const char *dir)
{
	chmod(dir, 0700);
	nftw(dir, tu_chmod_entry, 16, FTW_PHYS);
	nftw(dir, tu_rm_entry, 16, FTW_DEPTH | FTW_PHYS);
}

/* Make the base directory NAME.XXXXXX in BASE (SIZE bytes), run S, and
 * remove the base: the exit status for main(), 99 (a hard error) when
 * the directory cannot be made. */
static inline int
tu_run_in_tmpdir(Suite *s, const char *name, char *base, size_t size)
{
	const char *dir = getenv("TESTS_BUILDDIR");
	int rc;

	if (dir == NULL || dir[0] == '\0')
		dir = getenv("TMPDIR");
	if (dir == NULL || dir[0] == '\0')
		dir = "/tmp";
	if (strlen(dir) + strlen(name) + 16 > size) {
		fprintf(stderr, "%s: the directory %s is too long\n", name, dir);
		return 99;
	}
	snprintf(base, size, "%s/%s.XXXXXX", dir, name);
	if (mkdtemp(base) == NULL) {
		perror(base);
		return 99;
	}
	rc = tu_run(s);
	tu_rm_tree(base);
	return rc;
}

/* DIR/REL in one of four rotating buffers (so a call can take two). */
static inline const char *
tu_path(const char *dir, const char *rel)
{
	static char buf[4][4096];
	static int i;
	int n;

	i = (i + 1) % 4;
	n = snprintf(buf[i], sizeof buf[i], "%s/%s", dir, rel);
	ck_assert(n > 0 && (size_t)n < sizeof buf[i]);
	return buf[i];
}

#endif
