/* adrdir.h - decision records as a numbered series in a directory
 * (the adr-tools convention): `export --format adr --dir DIR` writes
 * DIR/NNNN-short-title.md with the next free number, and `--supersedes
 * NNNN` marks the record it replaces as superseded. */
#ifndef TRADEOFF_ADRDIR_H
#define TRADEOFF_ADRDIR_H

#include <limits.h>
#include <stddef.h>

#include "err.h"

#define ADRDIR_MAX 9999

/* DIR must be a directory reached through no symbolic link at its end
 * (a file, or a link to a directory, is refused).  0, or -1 with why. */
int adrdir_check(const char *dir, struct err *e);

/* The next free number in DIR: one more than the highest NNNN-*.md
 * there (1 for none).  0, or -1 with a message (a full series). */
int adrdir_next(const char *dir, int *num, struct err *e);

/* The file of record NUM in DIR ("0003-choose-serverless.md", its
 * name without the directory, in NAME).  1 found, 0 none, -1 error. */
int adrdir_find(const char *dir, int num, char *name, size_t size,
    struct err *e);

/* "NNNN-TITLE.md" for record NUM, TITLE made short and safe
 * (lowercase ASCII letters, digits and '-'), in BUF. */
const char *adrdir_file_name(int num, const char *title, char *buf,
    size_t size);

/* Parse "3", "0003" or "0003-title.md" as a record number: 0, or -1. */
int adrdir_parse_num(const char *s, int *num);

/* Mark record PATH superseded by record NUM: its front matter's status
 * (or, without front matter, the status item under its title) becomes
 * "superseded by ADR-NNNN", written to a temporary file beside
 * it and renamed into place (a symbolic link or anything but a regular
 * file is refused, never followed).  0, or -1 with a message. */
int adrdir_supersede(const char *path, int num, struct err *e);

#endif
