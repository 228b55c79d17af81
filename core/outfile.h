/* outfile.h - writing an output file safely: all of it or nothing.
 *
 * The exporters write into a temporary file in the destination's
 * directory, which replaces the destination only when everything was
 * written and synced.  An existing file or a symbolic link is never
 * overwritten without FORCE (and then the link itself is replaced, not
 * the file it points to); "-" means standard output. */
#ifndef TRADEOFF_OUTFILE_H
#define TRADEOFF_OUTFILE_H

#include <limits.h>
#include <stdio.h>
#include <sys/types.h>

#include "err.h"

struct outfile {
	FILE *fp;		/* write here between open and commit */
	char path[PATH_MAX];	/* the destination; "-" standard output */
	char tmp[PATH_MAX];	/* the temporary file; "" for stdout */
	int force;
};

/* What open and commit return when PATH exists (a file or a symbolic
 * link) and FORCE was not given, so a caller can ask before forcing. */
#define OUTFILE_EXISTS (-2)

/* Start writing to PATH (NULL or "-": standard output).  Refuses an
 * existing PATH unless FORCE (OUTFILE_EXISTS), and anything but a
 * regular file or a symbolic link even then (-1).  0, or a negative
 * value with a message. */
int outfile_open(struct outfile *o, const char *path, int force,
    struct err *e);

/* Flush and sync, then put the file in place.  0, or -1 with a message
 * (the destination untouched, the temporary file removed);
 * OUTFILE_EXISTS when the destination appeared meanwhile. */
int outfile_commit(struct outfile *o, struct err *e);

/* Give up: remove the temporary file.  Safe after commit or a failed
 * open. */
void outfile_abort(struct outfile *o);

#endif
