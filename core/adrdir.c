/* adrdir.c - decision records as a numbered series; see adrdir.h. */
#include "config.h"

#include "adrdir.h"
#include "evidence.h"
#include "outfile.h"
#include "ydoc.h"

#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

int
adrdir_check(const char *dir, struct err *e)
{
	struct stat sb;
	char copy[PATH_MAX];
	size_t n;

	/* "docs/decisions/" names the same directory as without the
	 * slash, and lstat must look at it, not through it. */
	snprintf(copy, sizeof copy, "%s", dir);
	n = strlen(copy);
	while (n > 1 && copy[n - 1] == '/')
		copy[--n] = '\0';
	if (lstat(copy, &sb) != 0) {
		err_file(e, dir, "cannot use the records directory: %s",
		    strerror(errno));
		return -1;
	}
	if (S_ISLNK(sb.st_mode)) {
		err_file(e, dir, "the records directory is a symbolic link; "
		    "give the directory it points to");
		return -1;
	}
	if (!S_ISDIR(sb.st_mode)) {
		err_file(e, dir, "not a directory: --dir names the directory "
		    "of the decision records");
		return -1;
	}
	return 0;
}

/* The number of a record's file name "NNNN-....md", or -1. */
static int
record_num(const char *name)
{
	size_t n = strlen(name);
	int i;

	if (n < 8 || name[4] != '-' || strcmp(name + n - 3, ".md") != 0)
		return -1;
	for (i = 0; i < 4; i++)
		if (!isdigit((unsigned char)name[i]))
			return -1;
	return atoi(name) > 0 ? atoi(name) : -1;
}

/* Walk DIR: the highest number into *MAX, and record NUM's name into
 * NAME when found. */
static int
scan(const char *dir, int num, int *max, char *name, size_t size,
    struct err *e)
{
	struct dirent *de;
	DIR *d;
	int found = 0, k;

	*max = 0;
	if ((d = opendir(dir)) == NULL) {
		err_file(e, dir, "cannot read the records directory: %s",
		    strerror(errno));
		return -1;
	}
	while ((de = readdir(d)) != NULL) {
		if ((k = record_num(de->d_name)) < 0)
			continue;
		if (k > *max)
			*max = k;
		if (k == num && name != NULL && !found) {
			snprintf(name, size, "%s", de->d_name);
			found = 1;
		}
	}
	closedir(d);
	return found;
}

int
adrdir_next(const char *dir, int *num, struct err *e)
{
	int max;

	if (scan(dir, -1, &max, NULL, 0, e) < 0)
		return -1;
	if (max >= ADRDIR_MAX) {
		err_file(e, dir, "the series is full (record %d exists)", max);
		return -1;
	}
	*num = max + 1;
	return 0;
}

int
adrdir_find(const char *dir, int num, char *name, size_t size,
    struct err *e)
{
	int max;

	return scan(dir, num, &max, name, size, e);
}

const char *
adrdir_file_name(int num, const char *title, char *buf, size_t size)
{
	char t[64];
	size_t n = 0;
	const unsigned char *p;

	for (p = (const unsigned char *)title; *p != '\0' && n < 48; p++) {
		char c = isalnum(*p) && *p < 128 ? (char)tolower(*p) : '-';

		if (c == '-' && (n == 0 || t[n - 1] == '-'))
			continue;
		t[n++] = c;
	}
	while (n > 0 && t[n - 1] == '-')
		n--;
	t[n] = '\0';
	snprintf(buf, size, "%04d-%s.md", num, n > 0 ? t : "decision");
	return buf;
}

int
adrdir_parse_num(const char *s, int *num)
{
	char *end;
	long v;

	if (!isdigit((unsigned char)s[0]))
		return -1;
	errno = 0;
	v = strtol(s, &end, 10);
	if (errno != 0 || v < 1 || v > ADRDIR_MAX ||
	    (*end != '\0' && *end != '-'))
		return -1;
	*num = (int)v;
	return 0;
}

/* BUF (LEN bytes), a record without front matter, with the status item
 * under its title replaced, to F. */
static int
write_superseded_item(FILE *f, const char *buf, size_t len, int num,
    const char *path, struct err *e)
{
	struct evidence_item it;

	if (!evidence_item(buf, len, "Status", &it)) {
		err_file(e, path, "not a decision record: no front matter and "
		    "no status under its title; it was not changed");
		return -1;
	}
	fwrite(buf, 1, it.line, f);
	fprintf(f, EVIDENCE_ITEM "superseded by ADR-%04d\n", "Status", num);
	fwrite(buf + it.end, 1, len - it.end, f);
	return 0;
}

/* BUF (LEN bytes) with its status replaced, to F: the status line of its
 * front matter, else the status item under its title. */
static int
write_superseded(FILE *f, const char *buf, size_t len, int num,
    const char *path, struct err *e)
{
	size_t i = 4, line;
	int done = 0;

	if (len < 4 || memcmp(buf, "---\n", 4) != 0)
		return write_superseded_item(f, buf, len, num, path, e);
	fwrite(buf, 1, 4, f);
	while (i < len) {
		const char *nl = memchr(buf + i, '\n', len - i);

		line = nl != NULL ? (size_t)(nl - buf) + 1 - i : len - i;
		if (line >= 3 && memcmp(buf + i, "---", 3) == 0 &&
		    (line == 3 || buf[i + 3] == '\n' || buf[i + 3] == '\r'))
			break;
		if (!done && line >= 7 && memcmp(buf + i, "status:", 7) == 0) {
			fprintf(f, "status: superseded by ADR-%04d\n", num);
			done = 1;
		} else
			fwrite(buf + i, 1, line, f);
		i += line;
	}
	if (i >= len) {
		err_file(e, path, "the front matter is not closed; it was not "
		    "changed");
		return -1;
	}
	if (!done)
		fprintf(f, "status: superseded by ADR-%04d\n", num);
	fwrite(buf + i, 1, len - i, f);
	return 0;
}

int
adrdir_supersede(const char *path, int num, struct err *e)
{
	struct outfile o;
	struct stat sb;
	char *buf;
	size_t len;
	int rc;

	if (lstat(path, &sb) != 0) {
		err_file(e, path, "cannot read the record to supersede: %s",
		    strerror(errno));
		return -1;
	}
	if (!S_ISREG(sb.st_mode)) {
		err_file(e, path, "the record to supersede is not a regular "
		    "file (a symbolic link is never followed); it was not "
		    "changed");
		return -1;
	}
	if (ydoc_read_file(path, YDOC_MAX_BYTES, &buf, &len, e) != 0)
		return -1;
	if ((rc = outfile_open(&o, path, 1, e)) != 0) {
		free(buf);
		return -1;
	}
	if (write_superseded(o.fp, buf, len, num, path, e) != 0) {
		outfile_abort(&o);
		free(buf);
		return -1;
	}
	free(buf);
	return outfile_commit(&o, e) == 0 ? 0 : -1;
}
