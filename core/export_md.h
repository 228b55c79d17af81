/* export_md.h - the Markdown summary of an evaluation. */
#ifndef TRADEOFF_EXPORT_MD_H
#define TRADEOFF_EXPORT_MD_H

#include <stdio.h>

#include "err.h"
#include "report.h"

/* A GitHub-flavoured Markdown summary of report R. */
int export_md(FILE *out, const struct report *r, struct err *e);

#endif
